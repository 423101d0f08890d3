//! What screens compute from the data, worked out once for the whole app rather than once per
//! screen: the question bank (stored questions plus the untouched starters) and the insights.
//!
//! The bank is a memo (lazy: nothing runs until a screen reads it). The insights look across
//! everything stored, which takes a phone far longer than a frame: the screen that shows them
//! asks for them with [`AppState::insights_in_slices`], which draws nothing at first and works
//! them out after the first frame, one kind of insight per idle slice
//! (`insights::compute_part`), and only when what they read changed since they were last
//! worked out. The result is kept here for every screen.

use chrono::NaiveDate;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

use super::Reader;
use crate::core::insights::{self, Insight};
use crate::core::model::{Interview, Reflection, Settings};
use crate::core::plan::PlanItem;
use crate::core::practice::ReviewEntry;
use crate::core::questions::{self, Question};
use crate::lifetime;
use crate::platform;

#[derive(Clone, Copy)]
pub struct Derived {
    /// The whole question bank.
    pub bank: Memo<Vec<Question>>,
    /// Insights over everything stored, once worked out (Today shows the newest; the journey
    /// shows them all); `None` before that.
    insights: RwSignal<Option<Vec<Insight>>>,
    /// Counts the changes of what the insights read (read by a screen, so lazy too).
    revision: Memo<u64>,
    /// The revision the insights were worked out at.
    worked_out_at: StoredValue<Option<u64>>,
    /// The insights not dismissed (or whose evidence changed since), once worked out.
    visible: Memo<Option<Vec<Insight>>>,
}

impl Derived {
    pub(super) fn new(
        interviews: Reader<Vec<Interview>>,
        reflections: Reader<Vec<Reflection>>,
        settings: Reader<Settings>,
        stored_questions: Reader<Vec<Question>>,
        reviews: Reader<Vec<ReviewEntry>>,
        plan: Reader<Vec<PlanItem>>,
        today: ReadSignal<NaiveDate>,
    ) -> Derived {
        let bank = crate::erase::memo(move |_| stored_questions.with(|q| questions::bank(q)));
        let threshold = crate::erase::memo(move |_| settings.with(|s| s.nudge_threshold));
        let revision = crate::erase::memo(move |last: Option<&u64>| {
            interviews.track();
            reflections.track();
            stored_questions.track();
            reviews.track();
            plan.track();
            threshold.track();
            today.track();
            last.map_or(0, |n| n + 1)
        });
        let insights = RwSignal::new(None::<Vec<Insight>>);
        let visible = crate::erase::memo(move |_| {
            insights.with(|all| {
                all.as_ref().map(|all| {
                    settings.with(|s| {
                        insights::visible(all, &s.dismissed_insights)
                            .into_iter()
                            .cloned()
                            .collect::<Vec<_>>()
                    })
                })
            })
        });
        Derived {
            bank,
            insights,
            revision,
            worked_out_at: StoredValue::new(None),
            visible,
        }
    }
}

impl super::AppState {
    /// The insights not dismissed (or whose evidence changed since), for a screen that shows
    /// them (Today the first, the journey all): `None` until they are worked out, which starts
    /// after this screen's first frame, in idle slices tied to the screen (dropped if it goes
    /// first), whenever what they read has changed since they were last worked out.
    pub fn insights_in_slices(&self) -> Memo<Option<Vec<Insight>>> {
        let state = *self;
        let d = self.derived;
        Effect::new(move |_| {
            let revision = d.revision.get();
            if d.worked_out_at.get_value() == Some(revision) {
                return;
            }
            let found = Rc::new(RefCell::new(Vec::new()));
            let mut steps: Vec<Box<dyn FnOnce()>> = Vec::new();
            for part in 0..insights::PARTS {
                let found = Rc::clone(&found);
                steps.push(Box::new(move || {
                    let more =
                        state.with_insight_input(|input| insights::compute_part(input, part));
                    found.borrow_mut().extend(more);
                }));
            }
            steps.push(Box::new(move || {
                let mut all = found.take();
                insights::in_order(&mut all);
                d.insights.set(Some(all));
                d.worked_out_at.set_value(Some(revision));
            }));
            lifetime::slices(steps);
        });
        d.visible
    }

    /// `f` over what the insights read, untracked.
    fn with_insight_input<R>(&self, f: impl FnOnce(&insights::InsightInput) -> R) -> R {
        let today = self.today.get_untracked();
        let threshold = self.settings.with_untracked(|s| s.nudge_threshold);
        self.interviews.with_untracked(|interviews| {
            self.reflections.with_untracked(|reflections| {
                self.reviews.with_untracked(|reviews| {
                    self.plan.with_untracked(|plan| {
                        self.derived.bank.with_untracked(|questions| {
                            f(&insights::InsightInput {
                                interviews,
                                reflections,
                                questions,
                                reviews,
                                plan,
                                nudge_threshold: threshold,
                                today,
                                now: platform::now_ms(),
                            })
                        })
                    })
                })
            })
        })
    }
}
