//! The interview form fields, shared by "Log an interview" and an interview's own page.
//! Inputs are uncontrolled (filled once from `initial`) so typing never re-renders the form.

use crate::core::choice::Choice;
use leptos::prelude::*;

use crate::core::model::{Interview, InterviewField, Outcome, Stage};

#[component]
pub fn InterviewFields(
    initial: Interview,
    /// Called with every edit: which field, and its new text.
    on_edit: Callback<(InterviewField, String)>,
    /// Prefix for element ids, so two forms never share an id.
    #[prop(default = "iv")]
    prefix: &'static str,
    /// Whether the outcome is part of this form (an interview's page shows it on its own).
    #[prop(default = true)]
    with_outcome: bool,
) -> impl IntoView {
    let id = move |name: &str| format!("{prefix}-{name}");
    let date = initial
        .date
        .map(crate::core::display::iso_date)
        .unwrap_or_default();
    let text_input = move |field: InterviewField,
                           name: &'static str,
                           label: &'static str,
                           value: String,
                           hint: &'static str| {
        view! {
            <div class="field">
                <label for=id(name)>{label}</label>
                <input
                    id=id(name)
                    name=name
                    type="text"
                    autocomplete="off"
                    prop:value=value
                    placeholder=hint
                    on:input=move |ev| on_edit.run((field, event_target_value(&ev)))
                />
            </div>
        }
    };
    view! {
        <div class="form-grid">
            {text_input(InterviewField::Company, "company", "Company", initial.company.clone(), "e.g. Northwind")}
            {text_input(InterviewField::Role, "role", "Role", initial.role.clone(), "e.g. Product designer")}
            <div class="field">
                <label for=id("date")>"Interview date"</label>
                <input
                    id=id("date")
                    name="date"
                    type="date"
                    prop:value=date
                    on:change=move |ev| on_edit.run((InterviewField::Date, event_target_value(&ev)))
                />
            </div>
            <crate::components::interview_when::InterviewWhen initial=initial.clone() on_edit=on_edit prefix=prefix/>
            {text_input(InterviewField::Interviewers, "interviewers", "Interviewer names", initial.interviewers.clone(), "e.g. Dana Kim, Luis Ortega")}
            <div class="field">
                <label for=id("stage")>"Stage"</label>
                <select
                    id=id("stage")
                    name="stage"
                    on:change=move |ev| on_edit.run((InterviewField::Stage, event_target_value(&ev)))
                >
                    {Stage::ALL
                        .iter()
                        .map(|s| {
                            view! {
                                <option value=s.key() selected=*s == initial.stage>
                                    {s.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            {with_outcome.then(|| view! { <OutcomeField initial=initial.outcome on_edit=on_edit id=id("outcome")/> })}
            <div class="field field-wide">
                <label for=id("notes")>"Notes"</label>
                <textarea
                    id=id("notes")
                    name="notes"
                    rows="3"
                    prop:value=initial.notes.clone()
                    on:input=move |ev| on_edit.run((InterviewField::Notes, event_target_value(&ev)))
                ></textarea>
            </div>
        </div>
    }
}

/// The outcome choice on its own.
#[component]
pub fn OutcomeField(
    initial: Outcome,
    on_edit: Callback<(InterviewField, String)>,
    id: String,
    #[prop(default = "Outcome")] label: &'static str,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                name="outcome"
                on:change=move |ev| on_edit.run((InterviewField::Outcome, event_target_value(&ev)))
            >
                {Outcome::ALL
                    .iter()
                    .map(|o| {
                        view! {
                            <option value=o.key() selected=*o == initial>
                                {o.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
