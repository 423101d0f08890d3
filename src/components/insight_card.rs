//! One insight: the pattern, the evidence behind it (links), a next step in one tap, and a way
//! to dismiss it until its evidence changes.

use crate::erase::{click, rx, toggle, Show};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::choice::Choice;

use crate::core::insights::{EvidenceKind, Insight, NextStep};
use crate::core::plan::{PlanItem, Source};
use crate::state::use_app;

#[component]
pub fn InsightCard(insight: Insight, heading: &'static str) -> impl IntoView {
    let state = use_app();
    let done = RwSignal::new(None::<(String, &'static str)>);
    let insight = StoredValue::new(insight);
    let take_step = move |_| {
        let Some(step) = insight.with_value(|i| i.step.clone()) else {
            return;
        };
        match step {
            NextStep::AddPlanItem { skill, why } => {
                let sources = insight.with_value(|i| {
                    i.evidence
                        .iter()
                        .map(|e| Source {
                            interview_id: (e.kind != EvidenceKind::Question).then(|| e.id.clone()),
                            question_id: (e.kind == EvidenceKind::Question).then(|| e.id.clone()),
                            part: "insight".to_string(),
                            text: e.label.clone(),
                            ..Source::default()
                        })
                        .collect()
                });
                let id = state.add_plan_item(PlanItem {
                    skill,
                    why,
                    sources,
                    ..PlanItem::default()
                });
                done.set(Some((
                    format!("/plan#plan-{id}"),
                    "Added to your plan. Open it",
                )));
            }
            NextStep::AddQuestion { text, category } => {
                let id = state.add_question(text, category, None);
                done.set(Some((
                    format!("/questions/{id}"),
                    "Added to your bank. Open it",
                )));
            }
            NextStep::Practise { .. } | NextStep::LogInterview => {}
        }
    };
    let dismiss = move |_| {
        let (key, fingerprint) = insight.with_value(|i| (i.key.clone(), i.fingerprint.clone()));
        state.edit_settings(|s| {
            s.dismissed_insights.insert(key, fingerprint);
        });
    };
    let (title, body, evidence_count, step, reassurance) = insight.with_value(|i| {
        (
            i.title.clone(),
            i.body.clone(),
            i.evidence.len(),
            i.step.clone(),
            i.reassurance,
        )
    });
    // The evidence (a long history gives hundreds of links) is drawn when it is opened.
    let open = RwSignal::new(false);
    let step_view = step.map(|s| {
        let label = s.label();
        match s {
            NextStep::Practise { category } => view! {
                <a class="button primary small" href=format!("/practice?category={}", category.key())>
                    {label}
                </a>
            }
            .into_any(),
            NextStep::LogInterview => view! {
                <a class="button primary small" href="/interviews/new">{label}</a>
            }
            .into_any(),
            _ => view! {
                <Show
                    when=move || done.get().is_none()
                    fallback=move || {
                        done.get()
                            .map(|(href, text)| view! { <a class="chip done" href=href>{"✓ "}{text}</a> })
                    }
                >
                    <button type="button" class="button primary small" on:click=click(take_step)>
                        {label.clone()}
                    </button>
                </Show>
            }
            .into_any(),
        }
    });

    view! {
        <article class="insight" class:reassurance=reassurance data-testid="insight">
            <p class="insight-kicker muted small">{heading}</p>
            <h3>{title}</h3>
            <p>{body}</p>
            <details
                class="evidence"
                on:toggle=toggle(move |ev| {
                    if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                        open.set(d.has_attribute("open"));
                    }
                })
            >
                <summary>{format!("What this is based on ({evidence_count})")}</summary>
                <ul class="plain-list">
                    {rx(move || {
                        open.get()
                            .then(|| {
                                insight
                                    .with_value(|i| i.evidence.clone())
                                    .into_iter()
                                    .map(|e| {
                                        let href = match e.kind {
                                            EvidenceKind::Question => format!("/questions/{}", e.id),
                                            EvidenceKind::Reflection => format!("/interviews/{}#reflect", e.id),
                                            EvidenceKind::Feedback => format!("/interviews/{}#feedback", e.id),
                                            EvidenceKind::Interview => format!("/interviews/{}", e.id),
                                        };
                                        view! { <li><a href=href>{e.label}</a></li> }
                                    })
                                    .collect_view()
                            })
                    })}
                </ul>
            </details>
            <div class="actions">
                {step_view}
                <button type="button" class="button quiet small" on:click=click(dismiss)>
                    "Dismiss"
                </button>
            </div>
        </article>
    }
}
