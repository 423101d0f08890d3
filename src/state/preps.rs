//! Preparing for an upcoming interview: the questions chosen (a `countdown::Prep` per
//! interview, in the `preps` collection) and the countdown plan worked out from them.

use super::AppState;
use crate::core::collections::Collection;
use crate::core::countdown::{self, Plan, Prep};
use crate::core::model::Id;
use crate::core::practice;
use crate::platform;

impl AppState {
    /// The questions chosen for interview `id` (tracked), empty when none are.
    pub fn prep_questions(&self, id: &str) -> Vec<Id> {
        self.preps.with(|list| {
            list.iter()
                .filter(|p| p.id == id)
                .max_by_key(|p| p.updated)
                .map(|p| p.questions.clone())
                .unwrap_or_default()
        })
    }

    /// Choose question `question` for interview `id`, or leave it out.
    pub fn choose_for_prep(&self, id: &str, question: &str, chosen: bool) {
        self.before_edit(Collection::Preps, id);
        let now = platform::now_ms();
        self.write(Collection::Preps, |db| {
            let pos = match db.preps.iter().position(|p| p.id == id) {
                Some(pos) => pos,
                None => {
                    db.preps.push(Prep {
                        id: id.to_string(),
                        created: now,
                        ..Prep::default()
                    });
                    db.preps.len() - 1
                }
            };
            let p = &mut db.preps[pos];
            p.questions.retain(|q| q != question);
            if chosen {
                p.questions.push(question.to_string());
            }
            p.updated = now;
        });
        self.touch(Collection::Preps, id);
        self.meaningful_action();
    }

    /// The chosen questions still without an answer, in the order chosen.
    pub fn prep_to_write(&self, id: &str) -> Vec<Id> {
        let chosen = self.prep_questions(id);
        self.split(&chosen).1
    }

    /// The countdown plan for interview `id` (tracked: recomputed after each rating); `None`
    /// when it has no date.
    pub fn prep_plan(&self, id: &str) -> Option<Plan> {
        let start = self.interview(id)?.starts_at()?;
        let day_at = platform::local_ms(start)?;
        let chosen = self.split(&self.prep_questions(id)).0;
        let target = self.settings.with(|s| s.prep_target);
        let secs = self.reviews.with(|log| practice::secs_per_card(log));
        Some(self.cards.with(|cards| {
            countdown::plan(
                &chosen,
                cards,
                platform::now_ms(),
                platform::today_start(),
                day_at,
                target,
                secs,
            )
        }))
    }

    /// Today's cards of the plan for interview `id`, leaving out those `rated` this session.
    pub fn prep_queue(&self, id: &str, rated: &[Id]) -> Vec<Id> {
        let Some(plan) = self.prep_plan(id) else {
            return Vec::new();
        };
        plan.today()
            .iter()
            .map(|(q, _)| q.clone())
            .filter(|q| !rated.contains(q))
            .collect()
    }

    /// Questions worth preparing for interview `id` (see `countdown::suggest`).
    pub fn prep_suggestions(&self, id: &str) -> Vec<Id> {
        let Some(interview) = self.interview(id) else {
            return Vec::new();
        };
        self.questions
            .with(|stored| countdown::suggest(&interview, stored))
    }
}
