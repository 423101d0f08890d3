//! The settings, and the user's data as a whole: import, backups, deleting everything, the
//! storage meter, and asking the browser to keep the data.

use leptos::prelude::*;

use super::{AppState, Persistence};
use crate::core::collections::{Collection, Db, Kind, KEY_PREFIX, TABLE};
use crate::core::model::Settings;
use crate::platform;
use crate::storage;

impl AppState {
    pub fn edit_settings(&self, edit: impl FnOnce(&mut Settings)) {
        self.write(Collection::Settings, |db| {
            edit(&mut db.settings);
            db.settings = std::mem::take(&mut db.settings).clamped();
        });
        self.changed(Collection::Settings);
    }

    /// Put `db` in place of everything (replace) or of what it merges to, and save at once.
    pub fn apply_import(&self, db: Db) {
        self.put_import(db);
        self.flush();
    }

    /// [`AppState::apply_import`], saving a part at a time (a large backup).
    pub fn apply_import_in_parts(&self, db: Db) {
        self.put_import(db);
        self.flush_in_parts();
    }

    fn put_import(&self, mut db: Db) {
        db.settings = std::mem::take(&mut db.settings).clamped();
        let touched: Vec<(Collection, Vec<String>)> = TABLE
            .iter()
            .filter(|row| row.kind == Kind::Records)
            .map(|row| {
                let ids = row
                    .data
                    .versions(&db)
                    .into_iter()
                    .map(|(id, _)| id.to_string());
                (row.collection, ids.collect())
            })
            .collect();
        self.db.set_value(db);
        self.changed_all();
        self.w.last_rating.set(None);
        self.saver.update_value(|s| {
            for (c, ids) in touched {
                s.unsaved.entry(c).or_default().touched = ids.into_iter().collect();
            }
        });
        for c in Collection::all() {
            self.changed(c);
        }
        self.w.external_revision.update(|n| *n += 1);
    }

    /// Note that a backup was made now.
    pub fn mark_exported(&self) {
        self.w.meta.update(|m| m.exported(platform::now_ms()));
        self.save_meta();
    }

    /// Remove every key Rebound stored, and start afresh in memory.
    pub fn delete_everything(&self) {
        if let Ok(all) = storage::read_prefixed_raw(KEY_PREFIX) {
            for key in all.keys() {
                storage::remove(key);
            }
        }
        // The lock key went with the rest: nothing more is encrypted.
        storage::set_vault(None);
        self.reset_memory();
        self.w.undo.set(None);
        self.w.notices.set(Vec::new());
    }

    /// Bytes each stored key takes (as browsers count them), largest first.
    pub fn storage_usage(&self) -> Vec<(String, usize)> {
        let all = storage::read_prefixed_raw(KEY_PREFIX).unwrap_or_default();
        let mut list: Vec<(String, usize)> = all
            .into_iter()
            .map(|(k, v)| {
                let bytes = storage::stored_bytes(&k, &v);
                (k, bytes)
            })
            .collect();
        crate::core::order::sort_by_key(&mut list, |entry| std::cmp::Reverse(entry.1));
        list
    }

    /// Learn whether the browser already keeps the data.
    pub fn check_persistence(&self) {
        let state = *self;
        wasm_bindgen_futures::spawn_local(async move {
            let value = persistence(platform::storage_persisted().await);
            state.w.persistence.set(value);
        });
    }

    /// Ask the browser to keep the data (after a meaningful action, never on page load).
    pub fn request_persistence(&self) {
        let state = *self;
        wasm_bindgen_futures::spawn_local(async move {
            let value = persistence(platform::storage_persist().await);
            state.w.persistence.set(value);
        });
    }

    /// The first thing worth keeping was done: ask the browser to keep the data (once).
    pub(super) fn meaningful_action(&self) {
        if self.meta.with_untracked(|m| m.persist_asked) {
            return;
        }
        self.w.meta.update(|m| m.persist_asked = true);
        self.save_meta();
        self.request_persistence();
    }

    /// "Not now" on the install nudge: it stays away for a while (see `DeviceMeta`).
    pub fn dismiss_install_nudge(&self) {
        self.w
            .meta
            .update(|m| m.install_nudge_dismissed = Some(platform::now_ms()));
        self.save_meta();
    }
}

fn persistence(answer: Option<bool>) -> Persistence {
    match answer {
        Some(true) => Persistence::Granted,
        Some(false) => Persistence::NotGranted,
        None => Persistence::Unsupported,
    }
}
