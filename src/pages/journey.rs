//! Your journey (`/journey`): milestones worth marking, the insights found across everything
//! stored, charts of practice and interviews (HTML from `core::charts`, each with its words and
//! values), what the reflections gave, the plan's steps and how the answers come back (counts,
//! never a grade), and a timeline, newest first, a page at a time. The page draws its frame
//! first; each part is worked out after it in an idle slice of its own (`Parts`), and appears
//! when ready.

use crate::erase::{rx, Show};
use leptos::prelude::*;

use crate::components::show_more::ShowMore;

use crate::components::form::Card;
use crate::components::insight_card::InsightCard;
use crate::core::charts;
use crate::core::display::weekday_date;
use crate::core::journey::{self, EventKind, JourneyInput};
use crate::core::paging;
use crate::lifetime;
use crate::state::{use_app, AppState};
use chrono::NaiveDate;

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

/// The journey's parts, worked out one idle slice each after the page's first frame (`None`
/// until then), so that a long history never holds the screen in one long task.
#[derive(Clone, Copy)]
struct Parts {
    milestones: RwSignal<Option<Vec<journey::Milestone>>>,
    /// The practice figure's inner HTML (`charts::heatmap_figure`).
    heat: RwSignal<Option<String>>,
    /// The months figure's and the funnel's inner HTML.
    months: RwSignal<Option<String>>,
    funnel: RwSignal<Option<String>>,
    recall: RwSignal<Option<String>>,
    /// The reflections', the plan's and the streak's lines.
    reflections: RwSignal<Option<String>>,
    plan: RwSignal<Option<String>>,
    streak: RwSignal<Option<String>>,
    timeline: RwSignal<Option<Vec<journey::Event>>>,
}

impl Parts {
    fn new() -> Parts {
        Parts {
            milestones: RwSignal::new(None),
            heat: RwSignal::new(None),
            months: RwSignal::new(None),
            funnel: RwSignal::new(None),
            recall: RwSignal::new(None),
            reflections: RwSignal::new(None),
            plan: RwSignal::new(None),
            streak: RwSignal::new(None),
            timeline: RwSignal::new(None),
        }
    }

    /// Work every part out again, a slice each (what is still pending when the data changes
    /// again or the screen goes is dropped).
    fn work_out(self, state: AppState) {
        let today = state.today.get_untracked();
        lifetime::slices(vec![
            Box::new(move || {
                self.milestones
                    .set(Some(with_input(state, today, journey::milestones)))
            }),
            Box::new(move || {
                let heat = state
                    .reviews
                    .with_untracked(|r| charts::heatmap_figure(&journey::heatmap(r, today)));
                self.heat.set(Some(heat));
            }),
            Box::new(move || {
                state.interviews.with_untracked(|l| {
                    let months = charts::months_figure(&journey::interviews_per_month(l, today));
                    self.months.set(Some(months));
                    self.funnel
                        .set(Some(charts::funnel_figure(&crate::core::pipeline::funnel(
                            l,
                        ))));
                });
            }),
            Box::new(move || {
                let line = state.questions.with_untracked(|q| {
                    state.reviews.with_untracked(|r| journey::recall_line(q, r))
                });
                self.recall.set(Some(line));
            }),
            Box::new(move || {
                with_input(state, today, |i| {
                    self.reflections
                        .set(Some(journey::reflections_line(i.reflections, i.plan)));
                    self.plan.set(Some(journey::plan_line(i.plan)));
                    let streak = journey::streak(i.reviews, today);
                    self.streak.set(Some(journey::streak_line(streak)));
                });
            }),
            Box::new(move || {
                self.timeline
                    .set(Some(with_input(state, today, journey::timeline)))
            }),
        ]);
    }
}

/// `f` over everything the journey reads, untracked.
fn with_input<R>(state: AppState, today: NaiveDate, f: impl FnOnce(&JourneyInput) -> R) -> R {
    state.interviews.with_untracked(|interviews| {
        state.reflections.with_untracked(|reflections| {
            state.questions.with_untracked(|questions| {
                state.reviews.with_untracked(|reviews| {
                    state.plan.with_untracked(|plan| {
                        f(&JourneyInput {
                            interviews,
                            reflections,
                            questions,
                            reviews,
                            plan,
                            today,
                        })
                    })
                })
            })
        })
    })
}

#[component]
pub fn JourneyPage() -> impl IntoView {
    let state = use_app();
    let shown_insights = state.insights_in_slices();
    let parts = Parts::new();
    // The frame first; the parts after it, and again whenever what they read changes.
    Effect::new(move |_| {
        state.interviews.track();
        state.reflections.track();
        state.questions.track();
        state.reviews.track();
        state.plan.track();
        state.today.track();
        parts.work_out(state);
    });
    let shown = RwSignal::new(paging::PAGE);
    let timeline_len =
        Signal::derive(move || parts.timeline.with(|t| t.as_ref().map_or(0, Vec::len)));
    let streaks_on = crate::erase::memo(move |_| state.settings.with(|s| s.streaks));
    let text = |part: RwSignal<Option<String>>| rx(move || part.get().unwrap_or_default());
    // A chart once worked out (nothing before: no empty box).
    let figure = |part: RwSignal<Option<String>>, testid: &'static str| {
        rx(move || {
            part.get().map(|html| {
                view! {
                    <figure
                        class="chart-figure"
                        data-testid=(!testid.is_empty()).then_some(testid)
                        inner_html=html
                    ></figure>
                }
            })
        })
    };

    view! {
        <div class="page journey">
            <h1>"Your journey"</h1>
            <p class="muted">
                "How far you've come, and what your interviews have been telling you. Not a score: a map."
            </p>

            {rx(move || {
                let ms = parts.milestones.get().unwrap_or_default();
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
                    when=move || shown_insights.with(|l| l.as_ref().is_some_and(|l| !l.is_empty()))
                    fallback=move || {
                        view! {
                            <Show when=move || shown_insights.with(Option::is_some)>
                                <p class="muted">
                                    "Patterns show up here once there is enough to go on: the same mistake twice, a topic that keeps catching you out, feedback that repeats."
                                </p>
                            </Show>
                        }
                    }
                >
                    <div class="insights">
                        <For
                            each=move || shown_insights.get().unwrap_or_default()
                            key=|i| (i.key.clone(), i.fingerprint.clone())
                            let:insight
                        >
                            <InsightCard insight=insight heading="Insight"/>
                        </For>
                    </div>
                </Show>
            </Card>

            <Card heading_id="charts-title" title="At a glance">
                {figure(parts.heat, "")}
                <Show when=move || streaks_on.get()>
                    <p class="streak" data-testid="streak">{text(parts.streak)}</p>
                </Show>
                <p data-testid="recall">{text(parts.recall)}</p>
                {figure(parts.months, "")}
                {figure(parts.funnel, "funnel")}
                <p data-testid="reflections">{text(parts.reflections)}</p>
                <p data-testid="plan-steps">{text(parts.plan)}</p>
            </Card>

            <Card heading_id="timeline-title" title="Timeline">
                <Show
                    when=move || parts.timeline.with(|t| t.as_ref().is_some_and(|t| !t.is_empty()))
                    fallback=move || {
                        view! {
                            <Show when=move || parts.timeline.with(Option::is_some)>
                                <p class="muted">"Your timeline starts with the first interview you log."</p>
                            </Show>
                        }
                    }
                >
                    <ol class="timeline" data-testid="timeline">
                        {rx(move || {
                            parts.timeline.with(|d| {
                                d.iter()
                                    .flatten()
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
                    <ShowMore total=timeline_len shown=shown testid="timeline-more"/>
                </Show>
            </Card>
        </div>
    }
}
