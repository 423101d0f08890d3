//! Edits of the development plan, and of what I'm looking for.

use leptos::prelude::*;

use super::{AppState, Undo};
use crate::core::collections::Collection;
use crate::core::model::Id;
use crate::core::plan::{self, PlanItem};
use crate::core::search::{self, SearchProfile, SearchVersion};
use crate::platform;

impl AppState {
    /// Add a plan item (at the end of the list) and return its id.
    pub fn add_plan_item(&self, mut item: PlanItem) -> Id {
        let now = platform::now_ms();
        item.id = platform::new_id();
        item.created = now;
        item.updated = now;
        let id = item.id.clone();
        self.write(Collection::Plan, |db| {
            item.order = plan::next_order(&db.plan);
            db.plan.push(item);
        });
        self.touch(Collection::Plan, &id);
        self.meaningful_action();
        id
    }

    /// Change one plan item in place. Does nothing if it no longer exists.
    pub fn edit_plan_item(&self, id: &str, edit: impl FnOnce(&mut PlanItem)) {
        self.before_edit(Collection::Plan, id);
        let now = platform::now_ms();
        let found = self.write(Collection::Plan, |db| {
            db.plan
                .iter_mut()
                .find(|p| p.id == id)
                .map(|p| {
                    edit(p);
                    p.updated = now;
                })
                .is_some()
        });
        if found == Some(true) {
            self.touch(Collection::Plan, id);
        }
    }

    /// Move a plan item one place up (-1) or down (1).
    pub fn move_plan_item(&self, id: &str, by: i64) {
        // A move renumbers neighbours too: remember every item as stored before.
        for other in self
            .plan
            .with_untracked(|l| l.iter().map(|p| p.id.clone()).collect::<Vec<_>>())
        {
            self.before_edit(Collection::Plan, &other);
        }
        let now = platform::now_ms();
        let changed = self
            .write(Collection::Plan, |db| {
                let changed = plan::move_item(&mut db.plan, id, by);
                for item in db.plan.iter_mut().filter(|i| changed.contains(&i.id)) {
                    item.updated = now;
                }
                changed
            })
            .unwrap_or_default();
        for id in changed {
            self.touch(Collection::Plan, &id);
        }
    }

    /// Delete a plan item; it can be brought back with [`AppState::undo`].
    pub fn delete_plan_item(&self, id: &str) {
        let removed = self
            .write(Collection::Plan, |db| {
                let pos = db.plan.iter().position(|i| i.id == id)?;
                Some(db.plan.remove(pos))
            })
            .flatten();
        if let Some(item) = removed {
            self.forget(Collection::Plan, id);
            self.w.undo.set(Some(Undo::DeletedPlanItem(Box::new(item))));
        }
    }

    /// The plan items that came from one interview: (id, title, progress).
    pub fn plan_items_of_interview(&self, interview_id: &str) -> Vec<(Id, String, u8)> {
        self.plan.with(|list| {
            plan::ordered(list, false)
                .into_iter()
                .chain(plan::ordered(list, true))
                .filter(|p| p.from_interview(interview_id))
                .map(|p| (p.id.clone(), p.title(), p.progress()))
                .collect()
        })
    }

    /// Save `profile` as a new version of what I'm looking for (if it differs from the current
    /// one), noting the interview that prompted it. Returns whether anything was saved.
    pub fn save_search(&self, profile: SearchProfile, interview_id: Option<Id>) -> bool {
        let profile = profile.tidied();
        if self.search.with_untracked(|v| search::current(v)) == profile {
            return false;
        }
        let now = platform::now_ms();
        let version = SearchVersion {
            id: platform::new_id(),
            profile,
            interview_id,
            created: now,
            updated: now,
            ..SearchVersion::default()
        };
        let id = version.id.clone();
        self.write(Collection::Search, |db| db.search.push(version));
        self.touch(Collection::Search, &id);
        self.meaningful_action();
        true
    }
}
