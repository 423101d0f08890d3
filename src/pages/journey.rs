//! Your journey (`/journey`): milestones worth marking, the insights found across everything
//! stored, charts of practice and interviews (HTML from `core::charts`, each with its words and
//! values), what the reflections gave, the plan's steps and how the answers come back (counts,
//! never a grade), and a timeline, newest first.

use crate::erase::{click, rx, Show};
use leptos::prelude::*;

use crate::components::form::Card;
use crate::components::insight_card::InsightCard;
use crate::core::charts;
use crate::core::display::weekday_date;
use crate::core::journey::{self, EventKind, JourneyInput};
use crate::state::use_app;

/// How many timeline entries show before "Show more".
const TIMELINE_PAGE: usize = 40;

fn kind_class(kind: &EventKind) -> &'static str {
    match kind {
        EventKind::Interview => "ev-interview",
        EventKind::Outcome => "ev-outcome",
        EventKind::Reflection => "ev-reflection",
        EventKind::FeedbackAsked | EventKind::FeedbackReceived => "ev-feedback",
        EventKind::Letter => "ev-letter",
        EventKind::PlanDone | EventKind::ActionDone => "ev-plan",
        EventKind::QuestionAdded => "ev-question",
        EventKind::Milestone => "ev-milestone",
    }
}

#[component]
pub fn JourneyPage() -> impl IntoView {
    let state = use_app();
    let shown_insights = state.visible_insights();
    let data = crate::erase::memo(move |_| {
        let today = state.today.get();
        state.interviews.with(|interviews| {
            state.reflections.with(|reflections| {
                state.questions.with(|questions| {
                    state.reviews.with(|reviews| {
                        state.plan.with(|plan| {
                            let input = JourneyInput {
                                interviews,
                                reflections,
                                questions,
                                reviews,
                                plan,
                                today,
                            };
                            JourneyData {
                                timeline: journey::timeline(&input),
                                milestones: journey::milestones(&input),
                                heat: charts::heatmap_figure(&journey::heatmap(reviews, today)),
                                months: charts::months_figure(&journey::interviews_per_month(
                                    interviews, today,
                                )),
                                funnel: charts::funnel_figure(&crate::core::pipeline::funnel(
                                    interviews,
                                )),
                                recall: journey::recall_line(questions, reviews),
                                reflections: journey::reflections_line(reflections, plan),
                                plan: journey::plan_line(plan),
                                streak: journey::streak_line(journey::streak(reviews, today)),
                            }
                        })
                    })
                })
            })
        })
    });
    let shown = RwSignal::new(TIMELINE_PAGE);
    let streaks_on = crate::erase::memo(move |_| state.settings.with(|s| s.streaks));

    view! {
        <div class="page journey">
            <h1>"Your journey"</h1>
            <p class="muted">
                "How far you've come, and what your interviews have been telling you. Not a score: a map."
            </p>

            {rx(move || {
                let ms = data.with(|d| d.milestones.clone());
                (!ms.is_empty())
                    .then(|| {
                        view! {
                            <Card class="milestones" heading_id="milestones-title" title="Worth marking">
                                <ul class="plain-list">
                                    {ms
                                        .into_iter()
                                        .rev()
                                        .map(|m| {
                                            view! {
                                                <li class="milestone">
                                                    <span class="muted small">{weekday_date(m.date)}</span>
                                                    " "
                                                    {m.text}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </Card>
                        }
                    })
            })}

            <Card heading_id="insights-title" title="What your interviews are telling you">
                <Show
                    when=move || !shown_insights.with(Vec::is_empty)
                    fallback=|| {
                        view! {
                            <p class="muted">
                                "Patterns show up here once there is enough to go on: the same mistake twice, a topic that keeps catching you out, feedback that repeats."
                            </p>
                        }
                    }
                >
                    <div class="insights">
                        <For
                            each=move || shown_insights.get()
                            key=|i| (i.key.clone(), i.fingerprint.clone())
                            let:insight
                        >
                            <InsightCard insight=insight heading="Insight"/>
                        </For>
                    </div>
                </Show>
            </Card>

            <Card heading_id="charts-title" title="At a glance">
                <figure class="chart-figure" inner_html=move || data.with(|d| d.heat.clone())></figure>
                <Show when=move || streaks_on.get()>
                    <p class="streak" data-testid="streak">{rx(move || data.with(|d| d.streak.clone()))}</p>
                </Show>
                <p data-testid="recall">{rx(move || data.with(|d| d.recall.clone()))}</p>
                <figure class="chart-figure" inner_html=move || data.with(|d| d.months.clone())></figure>
                <figure class="chart-figure" data-testid="funnel" inner_html=move || data.with(|d| d.funnel.clone())></figure>
                <p data-testid="reflections">{rx(move || data.with(|d| d.reflections.clone()))}</p>
                <p data-testid="plan-steps">{rx(move || data.with(|d| d.plan.clone()))}</p>
            </Card>

            <Card heading_id="timeline-title" title="Timeline">
                <Show
                    when=move || !data.with(|d| d.timeline.is_empty())
                    fallback=|| view! { <p class="muted">"Your timeline starts with the first interview you log."</p> }
                >
                    <ol class="timeline" data-testid="timeline">
                        {rx(move || {
                            data.with(|d| {
                                d.timeline
                                    .iter()
                                    .take(shown.get())
                                    .map(|e| {
                                        let title = e.title.clone();
                                        let head = match e.link.clone() {
                                            Some(href) => view! { <a href=href>{title}</a> }.into_any(),
                                            None => view! { <span>{title}</span> }.into_any(),
                                        };
                                        view! {
                                            <li class=format!("event {}", kind_class(&e.kind))>
                                                <span class="muted small event-date">{weekday_date(e.date)}</span>
                                                <p class="event-title">{head}</p>
                                                {(!e.detail.is_empty()).then(|| view! { <p class="muted small">{e.detail.clone()}</p> })}
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            })
                        })}
                    </ol>
                    <Show when=move || { data.with(|d| d.timeline.len()) > shown.get() }>
                        <button
                            type="button"
                            class="button"
                            on:click=click(move |_| shown.update(|n| *n += TIMELINE_PAGE))
                        >
                            "Show more"
                        </button>
                    </Show>
                </Show>
            </Card>
        </div>
    }
}

#[derive(Clone, PartialEq)]
struct JourneyData {
    timeline: Vec<journey::Event>,
    milestones: Vec<journey::Milestone>,
    /// The practice figure's inner HTML (`charts::heatmap_figure`).
    heat: String,
    /// The months figure's inner HTML (`charts::months_figure`).
    months: String,
    /// How far opportunities got (`charts::funnel_figure`).
    funnel: String,
    recall: String,
    reflections: String,
    plan: String,
    streak: String,
}
