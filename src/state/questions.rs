//! Edits of the question bank, and practice: the due queue, ratings and undo.

use leptos::prelude::*;

use super::AppState;
use crate::core::balance::{self, DayLoad};
use crate::core::collections::{self, Collection};
use crate::core::model::{Id, MAX_FIELD_CHARS};
use crate::core::practice::{self, Grade, PracticeSettings, UndoRecord};
use crate::core::questions::{self, Answer, Category, Question};
use crate::platform;

impl AppState {
    /// The whole question bank (stored questions plus untouched starter questions), as a memo
    /// shared by every screen.
    pub fn bank(&self) -> Memo<Vec<Question>> {
        self.derived.bank
    }

    /// Add a question of the user's own and return its id.
    pub fn add_question(&self, text: String, category: Category, interview_id: Option<Id>) -> Id {
        let now = platform::now_ms();
        let mut q = Question::new(
            platform::new_id(),
            text.trim().chars().take(MAX_FIELD_CHARS).collect(),
            category,
            now,
        );
        q.interview_id = interview_id;
        let id = q.id.clone();
        self.write(Collection::Questions, |db| db.questions.insert(0, q));
        self.touch(Collection::Questions, &id);
        self.meaningful_action();
        id
    }

    /// Change a question, storing a starter question the first time it is changed.
    fn edit_question(&self, id: &str, edit: impl FnOnce(&mut Question)) {
        self.before_edit(Collection::Questions, id);
        let found = self.write(Collection::Questions, |db| {
            let list = &mut db.questions;
            if !list.iter().any(|q| q.id == id) {
                let Some(starter) = questions::bank(list).into_iter().find(|q| q.id == id) else {
                    return false;
                };
                list.push(starter);
            }
            match list.iter_mut().find(|q| q.id == id) {
                Some(q) => {
                    edit(q);
                    true
                }
                None => false,
            }
        });
        if found == Some(true) {
            self.touch(Collection::Questions, id);
        }
    }

    /// Change the prepared answer (dated revisions are kept, see `Question::edit_answer`).
    pub fn edit_answer(&self, id: &str, change: Box<dyn FnOnce(&mut Answer)>) {
        let now = platform::now_ms();
        self.edit_question(id, move |q| {
            let mut answer = q.answer.clone();
            change(&mut answer);
            q.edit_answer(answer, now);
        });
        self.meaningful_action();
    }

    pub fn restore_revision(&self, id: &str, index: usize) {
        let now = platform::now_ms();
        self.edit_question(id, move |q| {
            q.restore_revision(index, now);
        });
    }

    pub fn set_question_hidden(&self, id: &str, hidden: bool) {
        let now = platform::now_ms();
        self.edit_question(id, move |q| {
            q.hidden = hidden;
            q.updated = now;
        });
    }

    /// Delete a question of the user's own (starter questions are hidden instead).
    pub fn delete_question(&self, id: &str) {
        let removed = self.write(Collection::Questions, |db| {
            let before = db.questions.len();
            db.questions.retain(|q| q.id != id || q.starter);
            db.questions.len() != before
        });
        if removed != Some(true) {
            return;
        }
        self.forget(Collection::Questions, id);
        let had_card = self.cards.with_untracked(|c| c.iter().any(|c| c.id == id));
        if had_card {
            self.write(Collection::Cards, |db| db.cards.retain(|c| c.id != id));
            self.forget(Collection::Cards, id);
        }
    }

    /// The questions asked at one interview.
    pub fn questions_of_interview(&self, interview_id: &str) -> Vec<(Id, String)> {
        self.questions.with(|list| {
            list.iter()
                .filter(|q| q.interview_id.as_deref() == Some(interview_id))
                .map(|q| (q.id.clone(), q.text.clone()))
                .collect()
        })
    }

    pub fn practice_settings(&self) -> PracticeSettings {
        self.settings.with(|s| PracticeSettings {
            desired_retention: s.desired_retention,
            new_per_day: s.new_per_day,
        })
    }

    /// A drill of one category (see `practice::focus_queue`), leaving out `rated`.
    pub fn focus_queue(&self, category: Category, rated: &[Id]) -> Vec<Id> {
        let candidates: Vec<Id> = self.questions.with(|q| {
            let ids: Vec<Id> = questions::bank(q)
                .into_iter()
                .filter(|q| q.category == category)
                .map(|q| q.id)
                .collect();
            questions::split(&ids, q).0
        });
        self.cards
            .with(|cards| practice::focus_queue(&candidates, cards, rated, platform::now_ms(), 20))
    }

    /// The questions without an answer yet, in bank order: what "Write answers" offers.
    pub fn to_write(&self) -> Vec<Id> {
        self.questions.with(|q| questions::cards_and_to_write(q).1)
    }

    /// How many of the user's questions are cards (answered and visible), and how many are
    /// still to write (visible, no answer yet), in one pass over the bank.
    pub fn card_and_write_counts(&self) -> (usize, usize) {
        self.questions.with(|q| {
            let (cards, to_write) = questions::cards_and_to_write(q);
            (cards.len(), to_write.len())
        })
    }

    /// Which of `ids` are cards and which are still to write (see `questions::split`).
    pub fn split(&self, ids: &[Id]) -> (Vec<Id>, Vec<Id>) {
        self.questions.with(|q| questions::split(ids, q))
    }

    /// The ids to practise now, in order: only the user's answered questions are cards.
    pub fn due_queue(&self) -> Vec<Id> {
        let candidates = self.questions.with(|q| questions::cards_and_to_write(q).0);
        let settings = self.practice_settings();
        let today_start = platform::today_start();
        // The log is read (and tracked) only when there are new questions to allow.
        let new_rated_today = || {
            self.reviews
                .with(|log| practice::new_rated_today(log, today_start))
        };
        self.cards.with(|cards| {
            practice::due_queue_with(
                &candidates,
                cards,
                new_rated_today,
                platform::now_ms(),
                &settings,
            )
        })
    }

    /// How many questions are due now (for Today and the bank).
    pub fn due_count(&self) -> usize {
        self.due_queue().len()
    }

    /// Rate question `id` now, after `secs` seconds on the card (the due date spread by the
    /// load balancer); remembered for [`AppState::undo_rating`].
    pub fn rate(&self, id: &str, grade: Grade, secs: Option<u32>) {
        let now = platform::now_ms();
        let (before, load) = self.cards.with_untracked(|c| {
            (
                c.iter().find(|c| c.id == id).cloned(),
                DayLoad::new(c, platform::today_start()),
            )
        });
        let (card, mut entry) = practice::rate_balanced(
            before.as_ref(),
            id,
            grade,
            now,
            &self.practice_settings(),
            &load,
            balance::seed(id, now),
        );
        if let Some(secs) = secs {
            entry.set_secs(secs);
        }
        self.write(Collection::Cards, |db| {
            match db.cards.iter_mut().find(|c| c.id == id) {
                Some(c) => *c = card,
                None => db.cards.push(card),
            }
        });
        // Added without reading the whole log, which start-up may not have read yet.
        self.write(Collection::Reviews, |db| db.reviews.add(entry.clone()));
        // Only this month's chunk of the log is written.
        let chunk = collections::month_of(entry.at);
        self.saver.update_value(|s| {
            s.made_here.push((entry.id.clone(), entry.at));
        });
        self.w.last_rating.set(Some(UndoRecord { before, entry }));
        self.touch(Collection::Cards, id);
        self.changed_chunk(Collection::Reviews, chunk);
    }

    /// Undo the last rating exactly. Returns whether there was one to undo.
    pub fn undo_rating(&self) -> bool {
        let Some(record) = self.last_rating.get_untracked() else {
            return false;
        };
        let done = self
            .db
            .try_update_value(|db| practice::undo(&mut db.cards, &mut db.reviews, &record))
            .unwrap_or(false);
        if done {
            self.changed[super::index(Collection::Cards)].notify();
            self.changed[super::index(Collection::Reviews)].notify();
            let id = record.entry.id.clone();
            if record.before.is_some() {
                self.touch(Collection::Cards, &id);
            } else {
                self.forget(Collection::Cards, &id);
            }
            let entry = &record.entry;
            self.saver.update_value(|s| {
                s.made_here
                    .retain(|(id, at)| *id != entry.id || *at != entry.at);
            });
            self.changed_chunk(Collection::Reviews, collections::month_of(entry.at));
        }
        self.w.last_rating.set(None);
        done
    }
}
