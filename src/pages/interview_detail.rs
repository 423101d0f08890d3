//! One interview (`/interviews/:id`): its details, the rejection and what to make of it, the
//! reflection, feedback, lessons turned into actions, letters, and the questions it raised.

use crate::components::form::Card;
use crate::core::choice::Choice;
use crate::erase::{click, rx, Show};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_params_map, use_query_map};

use crate::components::feedback::FeedbackSection;
use crate::components::interview_fields::{InterviewFields, OutcomeField};
use crate::components::interview_questions::InterviewQuestions;
use crate::components::lessons::{LessonsSection, SearchPrompt};
use crate::components::letters::LettersSection;
use crate::components::reflection_form::ReflectionForm;
use crate::components::rejection::RejectionSection;
use crate::core::display::weekday_date;
use crate::core::model::{InterviewField, Outcome};
use crate::platform;
use crate::state::use_app;

#[component]
pub fn InterviewDetail() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let state = use_app();
    move || {
        let id = id.get();
        // Re-read the record when another tab changed the data (the fields keep their own text).
        state.external_revision.track();
        view! { <InterviewPage id=id/> }
    }
}

#[component]
fn InterviewPage(id: String) -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let query = use_query_map();
    let location = use_location();
    let Some(initial) = state.interview(&id) else {
        return view! {
            <div class="page">
                <h1>"Interview not found"</h1>
                <section class="card empty">
                    <p>"This interview isn't here. It may have been deleted, or the link is from another device."</p>
                    <a class="button primary" href="/interviews">"See all interviews"</a>
                </section>
            </div>
        }
        .into_any();
    };
    let key = StoredValue::new(id.clone());
    let letter = RwSignal::new(
        crate::core::letters::suggested(&initial)
            .first()
            .cloned()
            .unwrap_or(crate::core::model::LetterKind::ThanksAfterInterview),
    );
    let current = Memo::new(move |_| state.interview(&key.get_value()));
    let title = move || current.get().map(|i| i.title()).unwrap_or_default();
    let outcome = Memo::new(move |_| current.get().map(|i| i.outcome));
    let meta = move || {
        current.get().map(|i| {
            let mut parts = vec![i.stage.label().to_string()];
            if let Some(d) = i.date {
                parts.push(weekday_date(d));
            }
            parts.join(" · ")
        })
    };
    let on_edit = Callback::new(move |(field, text): (InterviewField, String)| {
        state.edit_interview(&key.get_value(), |i| {
            field.apply_offered(i, &text);
        });
    });
    let heard_back = query.read_untracked().get("heard").is_some();
    let hash = location.hash.get_untracked();
    crate::lifetime::frame(move || {
        if heard_back {
            platform::focus("#d-outcome");
        } else if hash == "#reflect" {
            platform::scroll_to_id("reflect");
            platform::focus("#rf-went_well");
        } else if let Some(section) = hash.strip_prefix('#').filter(|h| !h.is_empty()) {
            platform::scroll_to_id(section);
        }
    });
    let initial_outcome = initial.outcome.clone();
    let delete = move |_| {
        state.delete_interview(&key.get_value());
        navigate("/interviews", Default::default());
    };

    view! {
        <div class="page">
            <p class="crumb"><a href="/interviews">"← Interviews"</a></p>
            <h1>{title}</h1>
            <p class="muted">
                {meta} " · "
                <span class=move || format!("badge outcome-{}", outcome.get().unwrap_or_default().key())>
                    {rx(move || outcome.get().unwrap_or_default().label())}
                </span>
            </p>
            {heard_back
                .then(|| {
                    view! {
                        <p class="hint-card">
                            "You heard back. Set the outcome below; whatever it is, you'll know what to do next."
                        </p>
                    }
                })}
            <Show when=move || outcome.get() == Some(Outcome::Offer)>
                <section class="card celebrate" role="status">
                    <h2>"An offer. Well done."</h2>
                    <p>"Take a moment to enjoy it. Then look back on what worked here, so you can do it again."</p>
                </section>
            </Show>
            <Card heading_id="outcome-title" title="Where it stands">
                <OutcomeField
                    initial=initial_outcome
                    on_edit=on_edit
                    id="d-outcome".to_string()
                    label="Outcome"
                />
            </Card>
            <Show when=move || outcome.get() == Some(Outcome::Rejected)>
                <RejectionSection interview_id=key.get_value()/>
            </Show>
            <details class="card details-card">
                <summary>"Details: company, role, date, stage, notes"</summary>
                <InterviewFields initial=initial with_outcome=false on_edit=on_edit prefix="d"/>
                <p class="muted small">"Changes save on this device as you type."</p>
            </details>
            <crate::components::before_interview::BeforeInterview interview_id=id.clone()/>
            <ReflectionForm interview_id=id.clone()/>
            <SearchPrompt interview_id=id.clone()/>
            <FeedbackSection interview_id=id.clone() letter=letter/>
            <LessonsSection interview_id=id.clone()/>
            <LettersSection interview_id=id.clone() letter=letter/>
            <InterviewQuestions interview_id=id.clone()/>
            <section class="danger-zone">
                <button type="button" class="button quiet danger" on:click=click(delete)>
                    "Delete this interview"
                </button>
                <p class="muted small">"You can undo right after."</p>
            </section>
        </div>
    }
    .into_any()
}
