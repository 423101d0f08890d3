//! On an interview's page: asking for feedback, when to follow up, and what they said.

use crate::core::choice::Choice;
use crate::erase::{click, rx, Show};
use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::form::{choices, Card, ChoiceSelect, DateField, TextField, Width};
use crate::core::display::weekday_date;
use crate::core::model::{FeedbackStatus, Interview, LetterKind};
use crate::platform;
use crate::state::use_app;

/// `letter`: the letter kind shown in the letters section; "Write a follow-up" sets it.
#[component]
pub fn FeedbackSection(interview_id: String, letter: RwSignal<LetterKind>) -> impl IntoView {
    let state = use_app();
    let id = StoredValue::new(interview_id);
    let feedback = crate::erase::memo(move |_| {
        state
            .interview(&id.get_value())
            .map(|i: Interview| i.feedback)
            .unwrap_or_default()
    });
    let status = crate::erase::memo(move |_| feedback.get().status);
    let due = crate::erase::memo(move |_| feedback.get().follow_up_due(state.today.get()));
    let initial_said = feedback.get_untracked().said;
    let edit = move |f: Box<dyn FnOnce(&mut crate::core::model::Feedback)>| {
        state.edit_interview(&id.get_value(), move |i| f(&mut i.feedback));
    };
    let snooze = move |days: i64| {
        let today = state.today.get_untracked();
        edit(Box::new(move |f| f.snooze(today, days)));
    };
    let date_field =
        move |key: &'static str,
              label: &'static str,
              get: fn(&crate::core::model::Feedback) -> Option<NaiveDate>,
              set: fn(&mut crate::core::model::Feedback, Option<NaiveDate>)| {
            view! {
                <DateField
                    id=format!("fb-{key}")
                    label=label
                    value=Signal::derive(move || feedback.with(get))
                    on_change=Callback::new(move |day| edit(Box::new(move |f| set(f, day))))
                />
            }
        };

    view! {
        <Card id="feedback" heading_id="feedback-title" title="Feedback">
            <p class="muted">
                {rx(move || {
                    let outcome = state.interview(&id.get_value()).map(|i| i.outcome).unwrap_or_default();
                    crate::core::encouragement::feedback_intro(&outcome)
                })}
            </p>
            <Show when=move || due.get()>
                <div class="hint-card follow-up-due" role="status">
                    <p>
                        <strong>"Time for a gentle follow-up. "</strong>
                        {rx(move || {
                            feedback
                                .get()
                                .asked_on
                                .map(|d| format!("You asked on {}.", weekday_date(d)))
                                .unwrap_or_default()
                        })}
                        " No answer yet is common; a friendly nudge is fine."
                    </p>
                    <div class="actions">
                        <button
                            type="button"
                            class="button primary"
                            on:click=click(move |_| {
                                letter.set(LetterKind::FollowUp);
                                platform::scroll_to_id("letters");
                                platform::focus("#letter-body");
                            })
                        >
                            "Write a follow-up"
                        </button>
                        <button type="button" class="button" on:click=click(move |_| snooze(3))>
                            "Snooze 3 days"
                        </button>
                        <button type="button" class="button" on:click=click(move |_| snooze(7))>
                            "Snooze a week"
                        </button>
                    </div>
                </div>
            </Show>
            <div class="form-grid">
                <ChoiceSelect
                    id="fb-status"
                    label="Status"
                    choices=choices(&status.get_untracked())
                    selected=Signal::derive(move || status.with(|s| s.key().to_string()))
                    on_change=Callback::new(move |key: String| {
                        let s = FeedbackStatus::read(&key);
                        let today = state.today.get_untracked();
                        edit(Box::new(move |f| f.set_status(s, today)));
                    })
                />
                <Show when=move || status.get() != FeedbackStatus::NotAsked>
                    {date_field("asked", "Asked on", |f| f.asked_on, |f, d| f.set_asked_on(d))}
                </Show>
                <Show when=move || status.get() == FeedbackStatus::Asked>
                    {date_field("follow-up", "Follow up on", |f| f.follow_up_on, |f, d| f.follow_up_on = d)}
                    <crate::components::before_interview::FollowUpCalendar id=id/>
                </Show>
                <Show when=move || status.get() == FeedbackStatus::Received>
                    {date_field("received", "Received on", |f| f.received_on, |f, d| f.received_on = d)}
                </Show>
            </div>
            <TextField
                id="fb-said"
                label="What they said"
                rows="4"
                width=Width::Wide
                hint="In their words or yours: one point a line makes it easy to act on."
                value=initial_said
                on_input=Callback::new(move |text| edit(Box::new(move |f| f.said = text)))
            />
        </Card>
    }
}
