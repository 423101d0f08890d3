//! Practice (`/practice`): flashcards of the user's own answers, scheduled by FSRS. Only
//! answered questions are cards (`questions::cards_and_to_write`); the rest are offered in the
//! Write answers flow (`/practice/write`). Show the question, say the answer out loud, reveal
//! what you wrote (STAR parts labelled, editable with a tap), rate Again / Hard / Good / Easy.
//! Undo the last rating; Space reveals, 1–4 rate, U undoes (the hint shows only where there is
//! a keyboard). Commute mode: big targets low on the screen, optional read-aloud, and the screen
//! kept on. The keys, the timer's clock, the wake lock and the voice list are hooks
//! (`components::practice_hooks`), released when the screen goes.

use crate::components::form::{ChoiceSelect, Choices};
use crate::core::choice::Choice;
use crate::erase::{change, click, rx, Show};
use leptos::prelude::*;

use crate::components::answer_view::{AnswerEditor, AnswerView};
use crate::components::hands_free::use_answer_aloud;
use crate::components::practice_hooks::{
    use_answer_timer, use_practice_keys, use_voices, use_wake_lock,
};
use crate::components::quote::QuoteBlock;
use crate::core::display::iso_date;
use crate::core::encouragement::{quote_for, Moment};
use crate::core::practice::{due_label, preview, Grade};
use crate::core::questions::Category;
use crate::core::session;
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
    // `/practice?prep=<interview>`: today's cards of the plan for that interview.
    let prep = platform::query_param("prep").filter(|id| state.interview(id).is_some());
    let heading = match (&focus, &prep) {
        (Some(c), _) => format!("Practice: {}", c.label()),
        (None, Some(id)) => match state.interview(id) {
            Some(i) if !i.company.trim().is_empty() => format!("Practice for {}", i.company.trim()),
            _ => "Practice for your interview".to_string(),
        },
        (None, None) => "Practice".to_string(),
    };
    let drill = focus.is_some();
    let queue = crate::erase::memo(move |_| {
        tick.track();
        match (&focus, &prep) {
            (Some(c), _) => rated.with(|r| state.focus_queue(c.clone(), r)),
            (None, Some(id)) => rated.with(|r| state.prep_queue(id, r)),
            (None, None) => state.due_queue(),
        }
    });
    let current = crate::erase::memo(move |_| queue.with(|q| q.first().cloned()));
    let card = crate::erase::memo(move |_| {
        let id = current.get()?;
        bank.with(|all| all.iter().find(|q| q.id == id).cloned())
    });
    let revealed = RwSignal::new(false);
    let editing = RwSignal::new(false);
    let shown_at = RwSignal::new(platform::now_ms());
    let commute = crate::erase::memo(move |_| state.settings.with(|s| s.commute_mode));
    let read_aloud = crate::erase::memo(move |_| state.settings.with(|s| s.read_aloud));
    let timer_secs = crate::erase::memo(move |_| state.settings.with(|s| s.answer_timer_secs));
    let speech_ok = speech::available();
    let voices = use_voices();
    // Hands-free (commute mode with read-aloud): question read, time to answer out loud, then
    // the user's own answer read back (see `components::hands_free`).
    let hands_free = crate::erase::memo(move |_| speech_ok && commute.get() && read_aloud.get());
    let answer_until = RwSignal::new(None::<i64>);
    let spoken_for = StoredValue::new(None::<String>);
    let read_back = move || {
        if let Some(q) = card.get_untracked() {
            let voice = state.settings.with_untracked(|s| s.voice.clone());
            speech::speak(&q.answer.as_text(), &voice);
        }
    };
    let aloud_left = use_answer_aloud(answer_until, move || {
        revealed.set(true);
        read_back();
    });

    // A new card: hide the answer, restart the timer, read it aloud if asked.
    Effect::new(move |_| {
        // Keyed on the card's id: editing the answer on the card is not a new card.
        let id = current.get();
        // Once a card: the effect may run again for the same card (its memos settling).
        if id.is_some() && spoken_for.get_value() == id {
            return;
        }
        spoken_for.set_value(id);
        let q = card.get_untracked();
        revealed.set(false);
        editing.set(false);
        answer_until.set(None);
        shown_at.set(platform::now_ms());
        if let Some(q) = q {
            if speech_ok && read_aloud.get_untracked() {
                let voice = state.settings.with_untracked(|s| s.voice.clone());
                if hands_free.get_untracked() {
                    let secs = state.settings.with_untracked(|s| s.answer_aloud_secs);
                    let done = move || {
                        answer_until.set(Some(platform::now_ms() + i64::from(secs) * 1000));
                    };
                    speech::speak_then(&q.text, &voice, Some(done));
                } else {
                    speech::speak(&q.text, &voice);
                }
            }
        }
    });
    let timer = use_answer_timer(timer_secs, shown_at, revealed);
    // Keep the screen on during a commute session, where the browser can.
    use_wake_lock(move || commute.get());

    let intervals = crate::erase::memo(move |_| {
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
    // Set when a rating was undone, so the tap shows what it did; cleared by the next rating.
    let undone = RwSignal::new(false);
    let rate = move |grade: Grade| {
        let Some(id) = current.get_untracked() else {
            return;
        };
        if !revealed.get_untracked() {
            return;
        }
        let secs = (platform::now_ms() - shown_at.get_untracked()).max(0) / 1000;
        state.rate(&id, grade, u32::try_from(secs).ok());
        undone.set(false);
        rated.update(|r| r.push(id));
        spoken_for.set_value(None);
        speech::stop();
    };
    let undo = move || {
        if state.undo_rating() {
            undone.set(true);
            rated.update(|r| {
                r.pop();
            });
            spoken_for.set_value(None);
            tick.update(|t| *t += 1);
        }
    };
    let reveal = move || {
        if current.get_untracked().is_some() && !revealed.get_untracked() {
            revealed.set(true);
            if answer_until.get_untracked().is_some() {
                answer_until.set(None);
                read_back();
            }
        }
    };

    use_practice_keys(reveal, rate, undo);

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
                        on:change=change(move |ev| {
                            let on = event_target_checked(&ev);
                            state.edit_settings(|s| s.commute_mode = on);
                        })
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
                                    on:change=change(move |ev| {
                                        let on = event_target_checked(&ev);
                                        state.edit_settings(|s| s.read_aloud = on);
                                        if !on {
                                            speech::stop();
                                        }
                                    })
                                />
                                <span>"Read questions aloud"</span>
                            </label>
                            <Show when=move || read_aloud.get() && !voices.with(|v| v.is_empty())>
                                {rx(move || {
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
                                })}
                            </Show>
                        </div>
                    }
                })}
            {rx(move || {
                // Before the first rating of the session, a short word about trying (not in
                // commute mode, where the card comes first).
                let starting = rated.with(Vec::is_empty)
                    && current.with(Option::is_some)
                    && !commute.get();
                starting
                    .then(|| quote_for(Moment::BeforePractice, &iso_date(state.today.get())))
                    .flatten()
                    .map(|q| view! { <QuoteBlock quote=q small=true/> })
            })}
            <p class="muted small" data-testid="due-left">
                {rx(move || match queue.with(Vec::len) {
                    0 => String::new(),
                    1 => "1 card to go".to_string(),
                    n => format!("{n} cards to go"),
                })}
            </p>
            {rx(move || match current.get().and(card.get_untracked()) {
                Some(q) => {
                    let qid = StoredValue::new(q.id.clone());
                    let answer_now = move || card.with(|c| c.as_ref().map(|q| q.answer.clone()).unwrap_or_default());
                    view! {
                        <section class="card flashcard" aria-live="polite">
                            <p class="badge">{q.category.label()}</p>
                            <h2 class="flash-question" data-testid="flash-question">{q.text.clone()}</h2>
                            {rx(move || {
                                match aloud_left() {
                                    Some(s) => Some(view! { <p class="timer hands-free" role="timer" data-testid="hands-free">{format!("Answer out loud: {s} s")}</p> }.into_any()),
                                    None => timer().map(|(t, over)| view! { <p class="timer" class:over=over role="timer">{t}</p> }.into_any()),
                                }
                            })}
                            <Show
                                when=move || revealed.get()
                                fallback=move || {
                                    view! {
                                        <p class="muted">"Say your answer out loud, then look at what you prepared."</p>
                                    }
                                }
                            >
                                <div class="card-back" tabindex="0" aria-label="Your answer">
                                    <Show
                                        when=move || editing.get()
                                        fallback=move || view! { <AnswerView answer=answer_now()/> }
                                    >
                                        {
                                            move || {
                                                let initial = card.with_untracked(|c| c.as_ref().map(|q| q.answer.clone()).unwrap_or_default());
                                                view! { <AnswerEditor id=qid.get_value() initial=initial prefix="card"/> }
                                            }
                                        }
                                    </Show>
                                </div>
                                <button
                                    type="button"
                                    class="button quiet small"
                                    aria-pressed=move || editing.get().to_string()
                                    on:click=click(move |_| editing.update(|e| *e = !*e))
                                >
                                    {rx(move || if editing.get() { "Done editing" } else { "Edit my answer" })}
                                </button>
                                {(!q.tip.is_empty()).then(|| view! { <p class="muted small">{q.tip.clone()}</p> })}
                            </Show>
                        </section>
                    }
                    .into_any()
                }
                None => view! { <SessionEnd rated=rated tick=tick/> }.into_any(),
            })}
            <div class="practice-controls">
                <Show when=move || current.get().is_some() && !revealed.get()>
                    <button type="button" class="button primary big" on:click=click(move |_| reveal())>
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
                                        on:click=click(move |_| rate(g))
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
                    <button type="button" class="button quiet" aria-keyshortcuts="U" on:click=click(move |_| undo())>
                        "Undo last rating"
                    </button>
                </Show>
                <p class="muted small" role="status" data-testid="undone">
                    {rx(move || undone.get().then_some("Rating undone: the card is back, to rate again."))}
                </p>
                <p class="muted small keys">"Keys: Space shows the answer, 1 to 4 rate, U undoes."</p>
            </div>
        </div>
    }
}

/// The end of a session, or nothing to practise: what happened, said as it is, and where to go.
#[component]
fn SessionEnd(rated: RwSignal<Vec<String>>, tick: RwSignal<u32>) -> impl IntoView {
    let state = use_app();
    let (cards, to_write) = state
        .questions
        .with_untracked(|q| crate::core::questions::cards_and_to_write(q));
    let done = rated.with_untracked(|r| !r.is_empty());
    let summary = rated.with_untracked(|r| {
        state
            .cards
            .with_untracked(|c| session::summary(r, c, platform::today_start()))
    });
    let next_due = state.cards.with_untracked(|cards| {
        let t = platform::now_ms();
        cards
            .iter()
            .map(|c| c.due)
            .filter(|d| *d > t)
            .min()
            .map(|d| due_label(d, t))
    });
    let write_line = session::to_write(to_write.len(), None);
    let (title, text) = match (done, cards.is_empty()) {
        (true, _) => ("Session done", summary),
        (false, true) => (
            "Your answers become cards",
            "Practice goes through answers you've written yourself. Write one to a question you expect, and it comes up here.".to_string(),
        ),
        (false, false) => (
            "Nothing to practise right now",
            "Everything you've written is fresh for now.".to_string(),
        ),
    };
    let write_first = cards.is_empty();
    view! {
        <section class="card empty" data-testid="practice-done">
            <h2>{title}</h2>
            <p data-testid="session-summary">{text}</p>
            {next_due.map(|d| view! { <p class="muted">{format!("Next card due {d}.")}</p> })}
            {(!write_line.is_empty()).then(|| view! { <p class="muted" data-testid="to-write">{format!("{write_line}.")}</p> })}
            <div class="actions">
                {(!to_write.is_empty()).then(|| {
                    view! {
                        <a class=if write_first { "button primary" } else { "button" } href="/practice/write">
                            "Write answers"
                        </a>
                    }
                })}
                <a class=if write_first { "button" } else { "button primary" } href="/questions">"Go to the question bank"</a>
                <button type="button" class="button quiet" on:click=click(move |_| tick.update(|t| *t += 1))>
                    "Check again"
                </button>
            </div>
        </section>
    }
}
