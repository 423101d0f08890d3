//! What screens compute from the data, worked out once for the whole app rather than once per
//! screen: the question bank (stored questions plus the untouched starters) and the insights.
//! Memos are lazy: nothing here runs until a screen reads it.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::Reader;
use crate::core::insights::{self, Insight};
use crate::core::model::{Interview, Reflection, Settings};
use crate::core::plan::PlanItem;
use crate::core::practice::ReviewEntry;
use crate::core::questions::{self, Question};
use crate::platform;

#[derive(Clone, Copy)]
pub struct Derived {
    /// The whole question bank.
    pub bank: Memo<Vec<Question>>,
    /// Insights over everything stored (Today shows the newest; the journey shows them all).
    pub insights: Memo<Vec<Insight>>,
    /// The insights not dismissed (or whose evidence changed since).
    pub visible_insights: Memo<Vec<Insight>>,
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
        let insights = crate::erase::memo(move |_| {
            let today = today.get();
            let threshold = settings.with(|s| s.nudge_threshold);
            interviews.with(|interviews| {
                reflections.with(|reflections| {
                    reviews.with(|reviews| {
                        plan.with(|plan| {
                            bank.with(|questions| {
                                insights::compute(&insights::InsightInput {
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
        });
        let visible_insights = crate::erase::memo(move |_| {
            insights.with(|all| {
                settings.with(|s| {
                    insights::visible(all, &s.dismissed_insights)
                        .into_iter()
                        .cloned()
                        .collect::<Vec<_>>()
                })
            })
        });
        Derived {
            bank,
            insights,
            visible_insights,
        }
    }
}

impl super::AppState {
    /// The insights not dismissed (or whose evidence changed since), as a memo shared by
    /// Today (it shows the first) and the journey (all of them).
    pub fn visible_insights(&self) -> Memo<Vec<Insight>> {
        self.derived.visible_insights
    }
}
