//! On an interview's page: ready-to-edit letters filled from the interview. The user copies one
//! or opens it in their mail app; Rebound never sends anything. Each use is logged on the
//! interview.

use crate::core::choice::Choice;
use crate::erase::{change, click, rx, Show};
use leptos::prelude::*;

use crate::components::form::{Card, TextField, Width};
use crate::core::display::weekday_date;
use crate::core::letters::{self, Letter, LetterContext};
use crate::core::model::{FeedbackStatus, LetterKind, LetterUse, LetterVia};
use crate::platform;
use crate::state::use_app;

#[component]
pub fn LettersSection(interview_id: String, letter: RwSignal<LetterKind>) -> impl IntoView {
    let state = use_app();
    let id = StoredValue::new(interview_id);
    let to = RwSignal::new(String::new());
    let subject = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let copied = RwSignal::new(None::<Result<(), String>>);
    let order = crate::erase::memo(move |_| {
        state
            .interview(&id.get_value())
            .map(|i| letters::suggested(&i))
            .unwrap_or_else(|| LetterKind::ALL.to_vec())
    });
    // Fill the letter from the interview whenever another kind is picked.
    Effect::new(move |_| {
        let kind = letter.get();
        // Untracked: editing the interview (or logging a letter) must not refill the letter.
        let Some(i) = untrack(|| state.interview(&id.get_value())) else {
            return;
        };
        let your_name = state.settings.with_untracked(|s| s.your_name.clone());
        let filled = letters::fill(
            kind,
            &LetterContext {
                interview: &i,
                your_name: &your_name,
                today: state.today.get_untracked(),
                asked_on: i.feedback.asked_on,
            },
        );
        subject.set(filled.subject);
        body.set(filled.body);
        copied.set(None);
    });
    let log_use = move |id: &str, kind: LetterKind, via: LetterVia| {
        let on = state.today.get_untracked();
        state.edit_interview(id, |i| {
            i.letters.push(LetterUse {
                kind,
                on,
                via,
                ..LetterUse::default()
            });
        });
    };
    let log = move |via: LetterVia| log_use(&id.get_value(), letter.get_untracked(), via);
    let copy = move |_| {
        let text = format!("{}\n\n{}", subject.get_untracked(), body.get_untracked());
        // Read before the await: the page may be gone when the copy lands, and reading its
        // signals then would panic. The use is logged all the same (app state), and setting
        // `copied` on a disposed signal does nothing.
        let (id, kind) = (id.get_value(), letter.get_untracked());
        wasm_bindgen_futures::spawn_local(async move {
            let result = platform::copy_text(&text).await;
            if result.is_ok() {
                log_use(&id, kind, LetterVia::Copied);
            }
            copied.set(Some(result));
        });
    };
    let mailto = move || {
        letters::mailto(
            &to.get(),
            &Letter {
                subject: subject.get(),
                body: body.get(),
            },
        )
    };
    let used = crate::erase::memo(move |_| {
        state
            .interview(&id.get_value())
            .map(|i| i.letters)
            .unwrap_or_default()
    });

    // The feedback request went out (copied or opened in the mail app) but feedback still
    // reads "Not asked": offer to mark it, so the follow-up reminder starts.
    let offer_mark_asked = crate::erase::memo(move |_| {
        state.interview(&id.get_value()).is_some_and(|i| {
            i.feedback.status == FeedbackStatus::NotAsked
                && i.letters.iter().any(|u| u.kind == LetterKind::AskFeedback)
        })
    });
    let mark_asked = move |_| {
        let today = state.today.get_untracked();
        state.edit_interview(&id.get_value(), |i| {
            // Asked on the day the request went out, not the day it is marked.
            let sent = i
                .letters
                .iter()
                .rev()
                .find(|u| u.kind == LetterKind::AskFeedback);
            let day = sent.map_or(today, |u| u.on);
            i.feedback.set_status(FeedbackStatus::Asked, day)
        });
    };

    view! {
        <Card id="letters" heading_id="letters-title" title="Letters">
            <p class="muted">
                "Filled in from this interview, ready to edit. Nothing is sent from here."
            </p>
            <fieldset class="letter-kinds">
                <legend>"Which letter?"</legend>
                <div class="chips">
                    {rx(move || {
                        order
                            .get()
                            .into_iter()
                            .map(|k| {
                                let checked = k.clone();
                                let pick = k.clone();
                                view! {
                                    <label class="chip">
                                        <input
                                            type="radio"
                                            name="letter-kind"
                                            value=k.key().to_string()
                                            prop:checked=move || letter.get() == checked
                                            on:change=change(move |_| letter.set(pick.clone()))
                                        />
                                        <span>{k.label()}</span>
                                    </label>
                                }
                            })
                            .collect_view()
                    })}
                </div>
            </fieldset>
            <TextField
                id="letter-to"
                label="To (optional)"
                kind="email"
                autocomplete="off"
                width=Width::Wide
                hint="their address, if you have it"
                value=to
                on_input=Callback::new(move |t| to.set(t))
            />
            <TextField
                id="letter-subject"
                label="Subject"
                width=Width::Wide
                value=subject
                on_input=Callback::new(move |t| subject.set(t))
            />
            <TextField
                id="letter-body"
                label="Letter"
                rows="10"
                width=Width::Wide
                value=body
                on_input=Callback::new(move |t| body.set(t))
            />
            <Show when=move || state.settings.with(|s| s.your_name.trim().is_empty())>
                <p class="muted small">
                    "Tip: add your name in " <a href="/settings#your-name">"Settings"</a>
                    " and letters are signed for you."
                </p>
            </Show>
            <div class="actions">
                <button type="button" class="button primary" on:click=click(copy)>
                    "Copy letter"
                </button>
                <a class="button" href=mailto on:click=click(move |_| log(LetterVia::MailApp))>
                    "Open in my mail app"
                </a>
            </div>
            <p class="copy-status" role="status" aria-live="polite">
                {rx(move || match copied.get() {
                    Some(Ok(())) => "Copied. Paste it into your email when you're ready.".to_string(),
                    Some(Err(why)) => {
                        format!("Couldn't copy ({why}). Select the letter above and copy it yourself.")
                    }
                    None => String::new(),
                })}
            </p>
            <Show when=move || offer_mark_asked.get()>
                <div class="hint-card" data-testid="mark-asked">
                    <p>"Sent your request for feedback? Mark it as asked, and Rebound reminds you to follow up in a week if nothing comes back."</p>
                    <button type="button" class="button" on:click=click(mark_asked)>
                        "Mark feedback as asked"
                    </button>
                </div>
            </Show>
            <Show when=move || !used.with(Vec::is_empty)>
                <h3>"Letters used"</h3>
                <ul class="plain-list" data-testid="letters-used">
                    {rx(move || {
                        used.get()
                            .into_iter()
                            .rev()
                            .map(|u| {
                                let how = u.via.label();
                                view! {
                                    <li>
                                        {u.kind.label()} " · " {how} " · "
                                        <span class="muted">{weekday_date(u.on)}</span>
                                    </li>
                                }
                            })
                            .collect_view()
                    })}
                </ul>
            </Show>
        </Card>
    }
}
