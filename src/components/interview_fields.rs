//! The interview form fields, shared by "Log an interview" and an interview's own page.
//! Inputs are uncontrolled (filled once from `initial`) so typing never re-renders the form.

use leptos::prelude::*;

use crate::components::form::{choices, ChoiceSelect, DateField, TextField, Width};

use crate::core::model::{Interview, InterviewField, Outcome};

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
    let text_input = move |field: InterviewField,
                           name: &'static str,
                           label: &'static str,
                           value: String,
                           hint: &'static str| {
        view! {
            <TextField
                id=id(name)
                name=name
                label=label
                value=value
                hint=hint
                autocomplete="off"
                on_input=Callback::new(move |text| on_edit.run((field, text)))
            />
        }
    };
    view! {
        <div class="form-grid">
            {text_input(InterviewField::Company, "company", "Company", initial.company.clone(), "e.g. Northwind")}
            {text_input(InterviewField::Role, "role", "Role", initial.role.clone(), "e.g. Product designer")}
            <DateField
                id=id("date")
                name="date"
                label="Interview date"
                value=initial.date
                on_change=Callback::new(move |day: Option<chrono::NaiveDate>| {
                    let text = day.map(crate::core::display::iso_date).unwrap_or_default();
                    on_edit.run((InterviewField::Date, text))
                })
            />
            <crate::components::interview_when::InterviewWhen initial=initial.clone() on_edit=on_edit prefix=prefix/>
            {text_input(InterviewField::Interviewers, "interviewers", "Interviewer names", initial.interviewers.clone(), "e.g. Dana Kim, Luis Ortega")}
            <ChoiceSelect
                id=id("stage")
                name="stage"
                label="Stage"
                choices=choices(&initial.stage)
                on_change=Callback::new(move |key| on_edit.run((InterviewField::Stage, key)))
            />
            {with_outcome.then(|| view! { <OutcomeField initial=initial.outcome on_edit=on_edit id=id("outcome")/> })}
            <TextField
                id=id("notes")
                name="notes"
                label="Notes"
                rows="3"
                width=Width::Wide
                value=initial.notes.clone()
                on_input=Callback::new(move |text| on_edit.run((InterviewField::Notes, text)))
            />
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
        <ChoiceSelect
            id=id
            name="outcome"
            label=label
            choices=choices(&initial)
            on_change=Callback::new(move |key| on_edit.run((InterviewField::Outcome, key)))
        />
    }
}
