//! One interview (`/interviews/:id`), in parts a person uses at different moments (see
//! `core::interview_parts`): preparing for it, the outcome (the rejection and what to make of
//! it, the details), the reflection, feedback and letters, and lessons turned into actions with
//! the questions it raised. A row of tabs at the top opens each; one shows at a time.

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
use crate::core::interview_parts::{self, default_part, part_of_anchor, Part};
use crate::core::model::{InterviewField, Outcome};
use crate::platform;
use crate::state::use_app;

#[component]
pub fn InterviewDetail() -> impl IntoView {
    let params = use_params_map();
    let id = crate::erase::memo(move |_| params.read().get("id").unwrap_or_default());
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
    let current = crate::erase::memo(move |_| state.interview(&key.get_value()));
    let title = move || current.get().map(|i| i.title()).unwrap_or_default();
    let outcome = crate::erase::memo(move |_| current.get().map(|i| i.outcome));
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
        let today = state.today.get_untracked();
        state.edit_interview(&key.get_value(), |i| {
            let before = i.stage.clone();
            field.apply_offered(i, &text);
            // Each stage it reaches is kept, dated: the path stays after a no.
            i.note_stage_change(&before, today);
        });
    });
    let path = move || {
        current
            .get()
            .map(|i| crate::core::pipeline::path_line(&i))
            .unwrap_or_default()
    };
    let heard_back = query.read_untracked().get("heard").is_some();
    // The page in parts, one shown at a time: the one that fits the interview's state first,
    // or the one a link's anchor points into.
    let hash = location.hash.get_untracked();
    let first = part_of_anchor(&hash).unwrap_or_else(|| {
        default_part(
            &initial,
            state.reflection(&id).as_ref(),
            platform::now_local(),
            heard_back,
        )
    });
    let chosen = RwSignal::new(first);
    let parts = crate::erase::memo(move |_| {
        let today = state.today.get();
        current
            .get()
            .map(|i| interview_parts::parts(&i, today))
            .unwrap_or_default()
    });
    // The part on show: the chosen one while the page has it ("Prepare" goes once the day has
    // passed), else the outcome.
    let part = crate::erase::memo(move |_| {
        let p = chosen.get();
        if parts.with(|ps| ps.contains(&p)) {
            p
        } else {
            Part::Outcome
        }
    });
    // A link to an anchor in another part (e.g. "Reflect while it's fresh" from the outcome)
    // opens that part, then scrolls to the anchor.
    Effect::new(move |first_run: Option<()>| {
        let hash = location.hash.get();
        if first_run.is_some() {
            if let Some(p) = part_of_anchor(&hash) {
                chosen.set(p);
                crate::lifetime::frame(move || {
                    platform::scroll_to_id(hash.trim_start_matches('#'));
                });
            }
        }
    });
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
            <div class="part-tabs" role="group" aria-label="Parts of this interview">
                {rx(move || {
                    parts
                        .get()
                        .into_iter()
                        .map(|p| {
                            view! {
                                <button
                                    type="button"
                                    class="part-tab"
                                    data-part-tab=p.key()
                                    aria-controls=format!("part-{}", p.key())
                                    aria-pressed=move || (part.get() == p).to_string()
                                    on:click=click(move |_| chosen.set(p))
                                >
                                    {p.label()}
                                </button>
                            }
                        })
                        .collect_view()
                })}
            </div>
            <div id="part-before" data-part="before" hidden=move || part.get() != Part::Before>
                <crate::components::before_interview::BeforeInterview interview_id=id.clone()/>
            </div>
            <div id="part-outcome" data-part="outcome" hidden=move || part.get() != Part::Outcome>
                <Card heading_id="outcome-title" title="Where it stands">
                    <OutcomeField
                        initial=initial_outcome
                        on_edit=on_edit
                        id="d-outcome".to_string()
                        label="Outcome"
                    />
                    <p class="muted small" data-testid="stage-path">{rx(path)}</p>
                </Card>
                <Show when=move || outcome.get() == Some(Outcome::Rejected)>
                    <RejectionSection interview_id=key.get_value()/>
                </Show>
                <details class="card details-card" id="details">
                    <summary>"Details: company, role, date, stage, notes"</summary>
                    <InterviewFields initial=initial with_outcome=false on_edit=on_edit prefix="d"/>
                    <p class="muted small">"Changes save on this device as you type."</p>
                </details>
            </div>
            <div id="part-reflection" data-part="reflection" hidden=move || part.get() != Part::Reflection>
                <ReflectionForm interview_id=id.clone()/>
                <SearchPrompt interview_id=id.clone()/>
            </div>
            <div id="part-feedback" data-part="feedback" hidden=move || part.get() != Part::Feedback>
                <FeedbackSection interview_id=id.clone() letter=letter/>
                <LettersSection interview_id=id.clone() letter=letter/>
            </div>
            <div id="part-lessons" data-part="lessons" hidden=move || part.get() != Part::Lessons>
                <LessonsSection interview_id=id.clone()/>
                <InterviewQuestions interview_id=id.clone()/>
            </div>
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
