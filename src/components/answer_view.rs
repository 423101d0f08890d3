//! The user's answer as written (STAR parts labelled), and a small editor for it: the back of a
//! practice card, the prep sheet, and the Write answers flow. Edits go through
//! `AppState::edit_answer`, which keeps a dated revision per editing session.

use crate::erase::input;
use leptos::prelude::*;

use crate::core::questions::Answer;
use crate::state::use_app;

/// The answer as written: the free text, or the STAR parts that have words, each labelled.
#[component]
pub fn AnswerView(answer: Answer) -> impl IntoView {
    if !answer.star {
        return view! { <p class="prepared-answer" data-testid="prepared-answer">{answer.text.trim().to_string()}</p> }
            .into_any();
    }
    let parts = [
        ("Situation", answer.situation),
        ("Task", answer.task),
        ("Action", answer.action),
        ("Result", answer.result),
    ];
    view! {
        <dl class="prepared-answer star-answer" data-testid="prepared-answer">
            {parts
                .into_iter()
                .filter(|(_, t)| !t.trim().is_empty())
                .map(|(label, text)| view! { <dt>{label}</dt> <dd>{text.trim().to_string()}</dd> })
                .collect_view()}
        </dl>
    }
    .into_any()
}

/// Edit question `id`'s answer in the mode it is written in (one box, or the four STAR boxes).
/// Uncontrolled boxes, filled once from `initial`.
#[component]
pub fn AnswerEditor(
    id: String,
    initial: Answer,
    #[prop(default = "ed")] prefix: &'static str,
) -> impl IntoView {
    let state = use_app();
    let key = StoredValue::new(id);
    let edit = move |set: fn(&mut Answer, String), text: String| {
        state.edit_answer(
            &key.get_value(),
            Box::new(move |a: &mut Answer| set(a, text)),
        );
    };
    let field = move |name: &'static str,
                      label: &'static str,
                      rows: &'static str,
                      value: String,
                      set: fn(&mut Answer, String)| {
        let id = format!("{prefix}-{name}");
        view! {
            <div class="field field-wide">
                <label for=id.clone()>{label}</label>
                <textarea id=id rows=rows prop:value=value on:input=input(move |ev| edit(set, event_target_value(&ev)))></textarea>
            </div>
        }
    };
    if initial.star {
        view! {
            {field("situation", "Situation", "3", initial.situation, |a, t| a.situation = t)}
            {field("task", "Task", "3", initial.task, |a, t| a.task = t)}
            {field("action", "Action", "4", initial.action, |a, t| a.action = t)}
            {field("result", "Result", "3", initial.result, |a, t| a.result = t)}
        }
        .into_any()
    } else {
        field("text", "Your answer", "6", initial.text, |a, t| a.text = t).into_any()
    }
}
