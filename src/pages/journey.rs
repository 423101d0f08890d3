//! Your journey (`/journey`): milestones worth marking, charts of practice, interviews,
//! reflection, recall and plan progress (inline SVG, each with its text equivalent), the
//! insights found across everything stored, and a timeline, newest first.

use crate::erase::{click, rx, Show};
use leptos::prelude::*;

use crate::components::form::Card;
use crate::components::insight_card::InsightCard;
use crate::core::charts;
use crate::core::display;

use crate::core::display::weekday_date;
use crate::core::journey::{self, EventKind, JourneyInput};
use crate::core::plan;
use crate::platform;
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
    let data = Memo::new(move |_| {
        let today = state.today.get();
        let now = platform::now_ms();
        state.interviews.with(|interviews| {
            state.reflections.with(|reflections| {
                state.questions.with(|questions| {
                    state.cards.with(|cards| {
                        state.reviews.with(|reviews| {
                            state.plan.with(|plan| {
                                let input = JourneyInput {
                                    interviews,
                                    reflections,
                                    questions,
                                    cards,
                                    reviews,
                                    plan,
                                    today,
                                    now,
                                };
                                let heat = journey::heatmap(reviews, today);
                                let months = journey::interviews_per_month(interviews, today);
                                let (reflected, conversations) =
                                    journey::reflected_share(interviews, reflections);
                                JourneyData {
                                    timeline: journey::timeline(&input),
                                    milestones: journey::milestones(&input),
                                    heat_svg: charts::heatmap_svg(&heat),
                                    heat_text: charts::heatmap_text(&heat),
                                    months_svg: charts::months_svg(&months),
                                    months_text: charts::months_text(&months),
                                    reflected,
                                    conversations,
                                    recall: journey::average_recall(cards, now),
                                    plan_progress: plan::overall_progress(plan),
                                    streak: journey::streak(reviews, today),
                                }
                            })
                        })
                    })
                })
            })
        })
    });
    let shown = RwSignal::new(TIMELINE_PAGE);
    let streaks_on = Memo::new(move |_| state.settings.with(|s| s.streaks));

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
                <figure class="chart-figure">
                    <h3>"Practice over the last 12 months"</h3>
                    <div class="chart-svg" aria-hidden="true" inner_html=move || data.with(|d| d.heat_svg.clone())></div>
                    <figcaption>{rx(move || data.with(|d| d.heat_text.clone()))}</figcaption>
                </figure>
                <Show when=move || streaks_on.get()>
                    <p class="streak" data-testid="streak">
                        {rx(move || {
                            let s = data.with(|d| (d.streak.current, d.streak.longest));
                            match s.0 {
                                0 => format!("Your longest run so far: {} days. Any day is a good day to start again.", s.1),
                                1 => format!("Practised today or yesterday. Longest run: {} days.", s.1),
                                n => format!("{n} days in a row. Longest run: {} days.", s.1),
                            }
                        })}
                    </p>
                </Show>
                <figure class="chart-figure">
                    <h3>"Interviews per month, by outcome"</h3>
                    <div class="chart-svg" aria-hidden="true" inner_html=move || data.with(|d| d.months_svg.clone())></div>
                    <ul class="legend" aria-hidden="true">
                        <li><span class="swatch offer"></span>"Offer"</li>
                        <li><span class="swatch rejected"></span>"Not this time"</li>
                        <li><span class="swatch pending"></span>"Waiting"</li>
                        <li><span class="swatch other"></span>"Withdrew or no reply"</li>
                    </ul>
                    <figcaption>{rx(move || data.with(|d| d.months_text.clone()))}</figcaption>
                </figure>
                <div class="meters">
                    {rx(move || {
                        let (reflected, conversations, recall, progress) = data
                            .with(|d| (d.reflected, d.conversations, d.recall, d.plan_progress));
                        let share = if conversations == 0 { 0.0 } else { reflected as f64 / conversations as f64 };
                        let meters = [
                            (
                                "Reflected on",
                                share,
                                if conversations == 0 {
                                    "No interviews yet.".to_string()
                                } else {
                                    format!("{reflected} of {conversations} interviews have a reflection.")
                                },
                            ),
                            (
                                "Average recall",
                                recall.unwrap_or(0.0),
                                match recall {
                                    Some(r) => format!("You'd likely recall about {}% of the answers you've practised, today.", display::whole(r * 100.0)),
                                    None => "Practise a few questions and this shows how well they're sticking.".to_string(),
                                },
                            ),
                            (
                                "Plan progress",
                                f64::from(progress.unwrap_or(0)) / 100.0,
                                match progress {
                                    Some(p) => format!("{p}% of the steps in your plan are done."),
                                    None => "Nothing in your plan yet.".to_string(),
                                },
                            ),
                        ];
                        meters
                            .into_iter()
                            .map(|(label, fraction, text)| {
                                view! {
                                    <figure class="chart-figure meter">
                                        <div class="chart-svg" aria-hidden="true" inner_html=charts::meter_svg(label, fraction)></div>
                                        <figcaption>{text}</figcaption>
                                    </figure>
                                }
                            })
                            .collect_view()
                    })}
                </div>
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
    heat_svg: String,
    heat_text: String,
    months_svg: String,
    months_text: String,
    reflected: usize,
    conversations: usize,
    recall: Option<f64>,
    plan_progress: Option<u8>,
    streak: journey::Streak,
}
