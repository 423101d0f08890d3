//! Practice (`/practice`): flashcards from the bank, scheduled by FSRS. Show the question, say
//! the answer out loud, reveal the prepared answer, rate Again / Hard / Good / Easy. Undo the
//! last rating; Space reveals, 1–4 rate, U undoes. Commute mode: big targets low on the screen,
//! optional read-aloud, and the screen kept on. The keys, the timer's clock, the wake lock and
//! the voice list are hooks (`components::practice_hooks`), released when the screen goes.

use crate::components::form::{ChoiceSelect, Choices};
use crate::core::choice::Choice;
use leptos::prelude::*;

use crate::components::practice_hooks::{
    use_answer_timer, use_practice_keys, use_voices, use_wake_lock,
};
use crate::core::practice::{due_label, preview, Grade};
use crate::core::questions::Category;
use crate::platform;
use crate::speech;
use crate::state::use_app;

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
    let commute = Memo::new(move |_| state.settings.with(|s| s.commute_mode));
    let read_aloud = Memo::new(move |_| state.settings.with(|s| s.read_aloud));
    let timer_secs = Memo::new(move |_| state.settings.with(|s| s.answer_timer_secs));
    let speech_ok = speech::available();
    let voices = use_voices();

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
    let timer = use_answer_timer(timer_secs, shown_at, revealed);
    // Keep the screen on during a commute session, where the browser can.
    use_wake_lock(move || commute.get());

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

    use_practice_keys(reveal, rate, undo);

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
                                {move || {
                                    let chosen = state.settings.with(|s| s.voice.clone());
                                    let items = voices
                                        .get()
                                        .into_iter()
                                        .map(|v| (v.clone().into(), v.into()))
                                        .collect();
                                    view! {
                                        <ChoiceSelect
                                            id="voice"
                                            label="Voice"
                                            choices=Choices { items, selected: chosen }
                                            on_change=Callback::new(move |v: String| {
                                                state.edit_settings(|s| s.voice = v)
                                            })
                                        />
                                    }
                                }}
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
