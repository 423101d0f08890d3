//! Edits of interviews and their reflections.

use leptos::prelude::*;

use super::{AppState, Undo};
use crate::core::collections::Collection;
use crate::core::model::{Interview, Reflection};
use crate::platform;

impl AppState {
    pub fn interview(&self, id: &str) -> Option<Interview> {
        self.interviews
            .with(|list| list.iter().find(|i| i.id == id).cloned())
    }

    pub fn reflection(&self, id: &str) -> Option<Reflection> {
        self.reflections
            .with(|list| list.iter().find(|r| r.id == id).cloned())
    }

    /// Add a new interview and return its id.
    pub fn add_interview(&self, mut interview: Interview) -> String {
        let now = platform::now_ms();
        if interview.id.is_empty() {
            interview.id = platform::new_id();
        }
        interview.created = now;
        interview.updated = now;
        let id = interview.id.clone();
        self.write(Collection::Interviews, |db| db.interviews.push(interview));
        self.touch(Collection::Interviews, &id);
        self.meaningful_action();
        id
    }

    /// Change one interview in place. Does nothing if it no longer exists.
    pub fn edit_interview(&self, id: &str, edit: impl FnOnce(&mut Interview)) {
        self.before_edit(Collection::Interviews, id);
        let now = platform::now_ms();
        let found = self.write(Collection::Interviews, |db| {
            db.interviews
                .iter_mut()
                .find(|i| i.id == id)
                .map(|i| {
                    edit(i);
                    i.updated = now;
                })
                .is_some()
        });
        if found == Some(true) {
            self.touch(Collection::Interviews, id);
        }
    }

    /// Delete an interview and its reflection; it can be brought back with [`AppState::undo`].
    pub fn delete_interview(&self, id: &str) {
        let removed = self.write(Collection::Interviews, |db| {
            let pos = db.interviews.iter().position(|i| i.id == id)?;
            Some(db.interviews.remove(pos))
        });
        let Some(Some(interview)) = removed else {
            return;
        };
        let reflection = self
            .write(Collection::Reflections, |db| {
                let pos = db.reflections.iter().position(|r| r.id == id)?;
                Some(db.reflections.remove(pos))
            })
            .flatten();
        self.forget(Collection::Interviews, id);
        if reflection.is_some() {
            self.forget(Collection::Reflections, id);
        }
        self.w.undo.set(Some(Undo::DeletedInterview {
            interview: Box::new(interview),
            reflection: reflection.map(Box::new),
        }));
    }

    /// Change the reflection on interview `id`, creating it on first edit.
    pub fn edit_reflection(&self, id: &str, edit: impl FnOnce(&mut Reflection)) {
        self.before_edit(Collection::Reflections, id);
        let now = platform::now_ms();
        self.write(Collection::Reflections, |db| {
            let list = &mut db.reflections;
            let pos = match list.iter().position(|r| r.id == id) {
                Some(pos) => pos,
                None => {
                    list.push(Reflection {
                        id: id.to_string(),
                        created: now,
                        ..Reflection::default()
                    });
                    list.len() - 1
                }
            };
            edit(&mut list[pos]);
            list[pos].updated = now;
        });
        self.touch(Collection::Reflections, id);
        self.meaningful_action();
    }
}
