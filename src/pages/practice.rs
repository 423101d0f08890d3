//! Practice (`/practice`): flashcards from the bank, scheduled by FSRS. Show the question, say
//! the answer out loud, reveal the prepared answer, rate Again / Hard / Good / Easy. Undo the
//! last rating; Space reveals, 1–4 rate, U undoes. Commute mode: big targets low on the screen,
//! optional read-aloud, and the screen kept on.

use crate::core::choice::Choice;
use std::time::Duration;

use leptos::prelude::*;

use crate::core::practice::{due_label, preview, Grade};
use crate::core::questions::Category;
use crate::platform;
use crate::speech;
use crate::state::use_app;

fn clock(seconds: i64) -> String {
    let s = seconds.max(0);
    format!("{}:{:02}", s / 60, s % 60)
}

#[component]
pub fn Practice() -> impl IntoView {
    let state = use_app();
    let bank = state.bank();
    // Recomputed after every rating (cards and reviews change) and on demand.
    let tick = RwSignal::new(0u32);
    // `/practice?category=<key>`: a drill of one category (from an insight), due or not.
    // Read from the location rather than the router, so the screen also works outside one.
    let focus = platform::query_param("category").and_then(|k| Category::from_key(&k));
    let rated = RwSignal::new(Vec::<String>::new());
    let heading = match &focus {
        Some(c) => format!("Practice: {}", c.label()),
        None => "Practice".to_string(),
    };
    let drill = focus.is_some();
    let queue = Memo::new(move |_| {
        tick.track();
        match &focus {
            Some(c) => rated.with(|r| state.focus_queue(c.clone(), r)),
            None => state.due_queue(),
        }
    });
    let current = Memo::new(move |_| queue.with(|q| q.first().cloned()));
    let card = Memo::new(move |_| {
        let id = current.get()?;
        bank.with(|all| all.iter().find(|q| q.id == id).cloned())
    });
    let revealed = RwSignal::new(false);
    let session = RwSignal::new(Vec::<Grade>::new());
    let shown_at = RwSignal::new(platform::now_ms());
    let now = RwSignal::new(platform::now_ms());
    let commute = Memo::new(move |_| state.settings.with(|s| s.commute_mode));
    let read_aloud = Memo::new(move |_| state.settings.with(|s| s.read_aloud));
    let timer_secs = Memo::new(move |_| state.settings.with(|s| s.answer_timer_secs));
    let speech_ok = speech::available();
    let voices = RwSignal::new(speech::voices());
    if speech_ok {
        speech::on_voices_changed(move || voices.set(speech::voices()));
    }

    // A new card: hide the answer, restart the timer, read it aloud if asked.
    Effect::new(move |_| {
        let q = card.get();
        revealed.set(false);
        shown_at.set(platform::now_ms());
        if let Some(q) = q {
            if speech_ok && read_aloud.get_untracked() {
                let voice = state.settings.with_untracked(|s| s.voice.clone());
                speech::speak(&q.text, &voice);
            }
        }
    });
    if let Ok(handle) =
        set_interval_with_handle(move || now.set(platform::now_ms()), Duration::from_secs(1))
    {
        on_cleanup(move || handle.clear());
    }
    // Keep the screen on during a commute session, where the browser can.
    let lock = StoredValue::new_local(None::<wasm_bindgen::JsValue>);
    Effect::new(move |_| {
        if commute.get() {
            leptos::task::spawn_local(async move {
                let sentinel = speech::keep_screen_on().await;
                lock.set_value(sentinel);
            });
        } else if let Some(s) = lock.get_value() {
            speech::release_wake_lock(&s);
            lock.set_value(None);
        }
    });
    on_cleanup(move || {
        speech::stop();
        if let Some(s) = lock.try_get_value().flatten() {
            speech::release_wake_lock(&s);
        }
    });

    let intervals = Memo::new(move |_| {
        let id = current.get()?;
        let existing = state
            .cards
            .with(|cards| cards.iter().find(|c| c.id == id).cloned());
        Some(preview(
            existing.as_ref(),
            &id,
            platform::now_ms(),
            &state.practice_settings(),
        ))
    });
    let rate = move |grade: Grade| {
        let Some(id) = current.get_untracked() else {
            return;
        };
        if !revealed.get_untracked() {
            return;
        }
        state.rate(&id, grade);
        rated.update(|r| r.push(id));
        session.update(|s| s.push(grade));
        speech::stop();
    };
    let undo = move || {
        if state.undo_rating() {
            session.update(|s| {
                s.pop();
            });
            rated.update(|r| {
                r.pop();
            });
            tick.update(|t| *t += 1);
        }
    };
    let reveal = move || {
        if current.get_untracked().is_some() {
            revealed.set(true);
        }
    };

    let _keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            " " => {
                ev.prevent_default();
                reveal();
            }
            "1" | "2" | "3" | "4" => {
                if let Some(g) = ev.key().parse::<u8>().ok().and_then(Grade::from_key) {
                    rate(g);
                }
            }
            "u" | "U" => undo(),
            _ => {}
        }
    });

    let timer = move || {
        let limit = i64::from(timer_secs.get());
        if limit == 0 || revealed.get() {
            return None;
        }
        let left = limit - (now.get() - shown_at.get()) / 1000;
        Some(if left > 0 {
            (clock(left), false)
        } else {
            ("Time's up: wrap up your answer".to_string(), true)
        })
    };
    let next_due = move || {
        state.cards.with(|cards| {
            let t = platform::now_ms();
            cards
                .iter()
                .map(|c| c.due)
                .filter(|d| *d > t)
                .min()
                .map(|d| due_label(d, t))
        })
    };

    view! {
        <div class="page practice" class:commute=move || commute.get()>
            <div class="page-head">
                <h1>
                    {heading}
                </h1>
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || commute.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            state.edit_settings(|s| s.commute_mode = on);
                        }
                    />
                    <span>"Commute mode"</span>
                </label>
            </div>
            {drill
                .then(|| {
                    view! {
                        <p class="muted">
                            "A drill of this category, due or not, the weakest first. "
                            <a href="/practice">"Practise what's due instead"</a>
                        </p>
                    }
                })}
            {speech_ok
                .then(|| {
                    view! {
                        <div class="speech-controls" data-testid="speech-controls">
                            <label class="check">
                                <input
                                    type="checkbox"
                                    prop:checked=move || read_aloud.get()
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        state.edit_settings(|s| s.read_aloud = on);
                                        if !on {
                                            speech::stop();
                                        }
                                    }
                                />
                                <span>"Read questions aloud"</span>
                            </label>
                            <Show when=move || read_aloud.get() && !voices.with(|v| v.is_empty())>
                                <div class="field">
                                    <label for="voice">"Voice"</label>
                                    <select
                                        id="voice"
                                        on:change=move |ev| {
                                            let v = event_target_value(&ev);
                                            state.edit_settings(|s| s.voice = v);
                                        }
                                    >
                                        {move || {
                                            let chosen = state.settings.with(|s| s.voice.clone());
                                            voices
                                                .get()
                                                .into_iter()
                                                .map(|v| {
                                                    let selected = v == chosen;
                                                    view! { <option value=v.clone() selected=selected>{v.clone()}</option> }
                                                })
                                                .collect_view()
                                        }}
                                    </select>
                                </div>
                            </Show>
                        </div>
                    }
                })}
            <p class="muted small" data-testid="due-left">
                {move || match queue.with(Vec::len) {
                    0 => String::new(),
                    1 => "1 card to go".to_string(),
                    n => format!("{n} cards to go"),
                }}
            </p>
            {move || match card.get() {
                Some(q) => {
                    let answer = q.answer.clone();
                    let qid = q.id.clone();
                    view! {
                        <section class="card flashcard" aria-live="polite">
                            <p class="badge">{q.category.label()}</p>
                            <h2 class="flash-question" data-testid="flash-question">{q.text.clone()}</h2>
                            {move || timer().map(|(t, over)| view! { <p class="timer" class:over=over role="timer">{t}</p> })}
                            <Show
                                when=move || revealed.get()
                                fallback=move || {
                                    view! {
                                        <p class="muted">"Say your answer out loud, then look at what you prepared."</p>
                                    }
                                }
                            >
                                {if answer.is_empty() {
                                    view! {
                                        <p class="hint-card">
                                            "No prepared answer yet. "
                                            <a href=format!("/questions/{qid}")>"Write one"</a>
                                            " when you have a moment; for now, rate how it went."
                                        </p>
                                    }
                                    .into_any()
                                } else {
                                    view! { <p class="prepared-answer" data-testid="prepared-answer">{answer.as_text()}</p> }.into_any()
                                }}
                                {(!q.tip.is_empty()).then(|| view! { <p class="muted small">{q.tip.clone()}</p> })}
                            </Show>
                        </section>
                    }
                    .into_any()
                }
                None => {
                    let done = session.with(Vec::len);
                    view! {
                        <section class="card empty" data-testid="practice-done">
                            {if done > 0 {
                                let again = session.with(|s| s.iter().filter(|g| **g == Grade::Again).count());
                                view! {
                                    <h2>"Session done"</h2>
                                    <p>
                                        {format!(
                                            "You practised {done} question{}. {}",
                                            if done == 1 { "" } else { "s" },
                                            if again == 0 {
                                                "Every one came back to you.".to_string()
                                            } else {
                                                format!("{again} will come round again soon, which is exactly how they stick.")
                                            }
                                        )}
                                    </p>
                                }
                                .into_any()
                            } else {
                                view! {
                                    <h2>"Nothing to practise right now"</h2>
                                    <p>
                                        "You're up to date. Add questions that caught you out, or answer a few from the bank, and they'll come up here."
                                    </p>
                                }
                                .into_any()
                            }}
                            {move || next_due().map(|d| view! { <p class="muted">{format!("Next card due {d}.")}</p> })}
                            <div class="actions">
                                <a class="button primary" href="/questions">"Go to the question bank"</a>
                                <button type="button" class="button" on:click=move |_| tick.update(|t| *t += 1)>
                                    "Check again"
                                </button>
                            </div>
                        </section>
                    }
                    .into_any()
                }
            }}
            <div class="practice-controls">
                <Show when=move || current.get().is_some() && !revealed.get()>
                    <button type="button" class="button primary big" on:click=move |_| reveal()>
                        "Show my answer"
                    </button>
                </Show>
                <Show when=move || current.get().is_some() && revealed.get()>
                    <div class="ratings" role="group" aria-label="How well did you answer?">
                        {Grade::ALL
                            .into_iter()
                            .map(|g| {
                                let label = move || {
                                    intervals
                                        .get()
                                        .and_then(|p| p.into_iter().find(|(x, _, _)| *x == g))
                                        .map(|(_, _, l)| l)
                                        .unwrap_or_default()
                                };
                                view! {
                                    <button
                                        type="button"
                                        class=format!("button rate rate-{}", g.key())
                                        aria-keyshortcuts=g.key().to_string()
                                        on:click=move |_| rate(g)
                                    >
                                        <span class="rate-label">{g.label()}</span>
                                        <span class="rate-interval">{label}</span>
                                    </button>
                                }
                            })
                            .collect_view()}
                    </div>
                </Show>
                <Show when=move || state.last_rating.with(Option::is_some)>
                    <button type="button" class="button quiet" aria-keyshortcuts="U" on:click=move |_| undo()>
                        "Undo last rating"
                    </button>
                </Show>
                <p class="muted small keys">"Keys: Space shows the answer, 1 to 4 rate, U undoes."</p>
            </div>
        </div>
    }
}
