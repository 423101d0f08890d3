//! Log an interview (`/interviews/new`).

use crate::erase::{rx, submit};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::interview_fields::InterviewFields;
use crate::core::model::{Interview, Stage};
use crate::state::use_app;

#[component]
pub fn InterviewNew() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let initial = Interview {
        date: Some(state.today.get_untracked()),
        stage: Stage::Interview,
        ..Interview::default()
    };
    let draft = RwSignal::new(initial.clone());
    let error = RwSignal::new(None::<&'static str>);
    let on_edit = Callback::new(
        move |(field, text): (crate::core::model::InterviewField, String)| {
            draft.update(|d| {
                field.apply_offered(d, &text);
            });
            error.set(None);
        },
    );
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let interview = draft.get_untracked();
        if interview.company.trim().is_empty() && interview.role.trim().is_empty() {
            error.set(Some(
                "Add a company or a role, so you can find this interview later.",
            ));
            crate::platform::focus("#new-company");
            return;
        }
        let id = state.add_interview(interview);
        navigate(&format!("/interviews/{id}"), Default::default());
    };
    view! {
        <div class="page">
            <h1>"Log an interview"</h1>
            <form class="card" on:submit=submit(save) novalidate>
                <InterviewFields initial=initial on_edit=on_edit prefix="new"/>
                {rx(move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> }))}
                <div class="actions sticky-actions">
                    <button type="submit" class="button primary">"Save interview"</button>
                    <a class="button quiet" href="/interviews">"Cancel"</a>
                </div>
            </form>
        </div>
    }
}
