//! Your journey (`/journey`): milestones worth marking, the insights found across everything
//! stored, charts of practice and interviews (HTML from `core::charts`, each with its words and
//! values), what the reflections gave, the plan's steps and how the answers come back (counts,
//! never a grade), and a timeline, newest first, a page at a time. The page draws its frame
//! first; each part is worked out after it in an idle slice of its own (`Parts`), and appears
//! when ready.

use crate::erase::{click, rx, Show};
use leptos::prelude::*;

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
    months: RwSignal<Option<(String, String)>>,
    recall: RwSignal<Option<String>>,
    /// The reflections', the plan's and the streak's lines.
    lines: RwSignal<Option<(String, String, String)>>,
    timeline: RwSignal<Option<Vec<journey::Event>>>,
}

impl Parts {
    fn new() -> Parts {
        Parts {
            milestones: RwSignal::new(None),
            heat: RwSignal::new(None),
            months: RwSignal::new(None),
            recall: RwSignal::new(None),
            lines: RwSignal::new(None),
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
                let figures = state.interviews.with_untracked(|l| {
                    (
                        charts::months_figure(&journey::interviews_per_month(l, today)),
                        charts::funnel_figure(&crate::core::pipeline::funnel(l)),
                    )
                });
                self.months.set(Some(figures));
            }),
            Box::new(move || {
                let line = state.questions.with_untracked(|q| {
                    state.reviews.with_untracked(|r| journey::recall_line(q, r))
                });
                self.recall.set(Some(line));
            }),
            Box::new(move || {
                let lines = with_input(state, today, |i| {
                    (
                        journey::reflections_line(i.reflections, i.plan),
                        journey::plan_line(i.plan),
                        journey::streak_line(journey::streak(i.reviews, today)),
                    )
                });
                self.lines.set(Some(lines));
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
    let more = Memo::new(move |_| {
        let total = parts.timeline.with(|t| t.as_ref().map_or(0, Vec::len));
        paging::more_label(total, shown.get())
    });
    let streaks_on = Memo::new(move |_| state.settings.with(|s| s.streaks));
    let text = |part: RwSignal<Option<String>>| rx(move || part.get().unwrap_or_default());

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
                <Show when=move || parts.heat.with(Option::is_some)>
                    <figure class="chart-figure" inner_html=move || parts.heat.get().unwrap_or_default()></figure>
                </Show>
                <Show when=move || streaks_on.get()>
                    <p class="streak" data-testid="streak">{rx(move || parts.lines.get().map(|l| l.2).unwrap_or_default())}</p>
                </Show>
                <p data-testid="recall">{text(parts.recall)}</p>
                <Show when=move || parts.months.with(Option::is_some)>
                    <figure class="chart-figure" inner_html=move || parts.months.get().map(|m| m.0).unwrap_or_default()></figure>
                    <figure class="chart-figure" data-testid="funnel" inner_html=move || parts.months.get().map(|m| m.1).unwrap_or_default()></figure>
                </Show>
                <p data-testid="reflections">{rx(move || parts.lines.get().map(|l| l.0).unwrap_or_default())}</p>
                <p data-testid="plan-steps">{rx(move || parts.lines.get().map(|l| l.1).unwrap_or_default())}</p>
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
                    <Show when=move || more.with(Option::is_some)>
                        <button
                            type="button"
                            class="button"
                            data-testid="timeline-more"
                            on:click=click(move |_| shown.update(|n| *n += paging::PAGE))
                        >
                            {rx(move || more.get().unwrap_or_default())}
                        </button>
                    </Show>
                </Show>
            </Card>
        </div>
    }
}
