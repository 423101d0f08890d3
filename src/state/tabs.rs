//! Another tab or window of Rebound wrote to storage (the `storage` event): fold it in. Records
//! this tab has not touched follow the other tab; for one edited in both, the later write wins
//! and the user is told (`core::sync`). A new stored format from a newer version stops this tab
//! from writing (see `saving.rs`).

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::{AppState, Notice};
use crate::core::backup::DeviceMeta;
use crate::core::collections::{fold_chunk, parse_key, Collection, Db, DAMAGED_PREFIX};
use crate::core::schema::{self, SCHEMA_KEY, SCHEMA_VERSION};
use crate::storage;

impl AppState {
    /// Another tab stored `new_value` under `key` (`None` key: it cleared storage).
    pub fn on_external_change(&self, key: Option<String>, new_value: Option<String>) {
        let Some(key) = key else {
            self.reset_memory();
            return;
        };
        if key == SCHEMA_KEY {
            let newer = new_value
                .as_deref()
                .and_then(schema::stored_version)
                .is_some_and(|v| v > SCHEMA_VERSION);
            if newer {
                self.stop_writing_newer();
            }
            return;
        }
        if key == DeviceMeta::KEY {
            let meta = new_value
                .and_then(|t| serde_json::from_str::<DeviceMeta>(&t).ok())
                .unwrap_or_default();
            self.w.meta.set(meta);
            return;
        }
        if key.starts_with(DAMAGED_PREFIX) {
            self.refresh_kept_aside();
            return;
        }
        let Some((c, chunk)) = parse_key(&key) else {
            return;
        };
        // A newer version may have written this in a format this build does not know: once the
        // stored format has moved on, this tab keeps what it shows and writes nothing.
        if !self.may_write() {
            return;
        }
        if c.row().chunked {
            // The one-key log going (another tab finished the migration) changes nothing: its
            // chunks hold the same ratings.
            if let Some(chunk) = chunk {
                self.fold_in_chunk(c, chunk, new_value);
            }
            return;
        }
        // A removed key reads as an empty collection (the settings: the defaults).
        let text = new_value
            .map(storage::unpacked)
            .unwrap_or_else(|| Db::default().encode(c).unwrap_or_default());
        let loaded = schema::load(&BTreeMap::from([
            (SCHEMA_KEY.to_string(), SCHEMA_VERSION.to_string()),
            (c.key(), text),
        ]));
        if !loaded.problems.is_empty() {
            return; // never adopt something unreadable; what is here stays as it is
        }
        let mut incoming = loaded.db;
        let (unsaved, dirty) = self.saver.with_value(|s| {
            (
                s.unsaved.get(&c).cloned().unwrap_or_default(),
                s.dirty.contains(&c),
            )
        });
        let folded = self
            .db
            .try_update_value(|db| c.data().fold_in(db, &mut incoming, &unsaved, dirty));
        let Some(folded) = folded else {
            return;
        };
        for id in &folded.overwritten {
            let title = self
                .interview(id)
                .map(|i| i.title())
                .unwrap_or_else(|| "A record".to_string());
            self.notify(Notice::ChangedElsewhere { title });
        }
        if folded.changed {
            self.changed[super::index(c)].notify();
        }
        if folded.differs_from_stored {
            // Our unsaved edits are still newer: write them (with the other tab's changes).
            self.changed(c);
        }
        self.w.external_revision.update(|n| *n += 1);
    }

    /// Another tab stored chunk `chunk` of `c` (`None`: removed it): fold it in. Its ratings of
    /// that month follow the other tab, and ratings made here that it has not seen yet stay (and
    /// are written again with its own).
    fn fold_in_chunk(&self, c: Collection, chunk: &str, new_value: Option<String>) {
        let text = new_value
            .map(storage::unpacked)
            .unwrap_or_else(|| "[]".to_string());
        let mut incoming = Db::default();
        let salvage = c.data().load(&mut incoming, &text);
        if salvage.whole.is_some() || salvage.unreadable > 0 {
            return; // never adopt something unreadable; what is here stays as it is
        }
        let made_here = self.saver.with_value(|s| s.made_here.clone());
        let theirs = std::mem::take(&mut *incoming.reviews);
        let folded = self
            .db
            .try_update_value(|db| fold_chunk(&mut db.reviews, chunk, theirs, &made_here));
        let Some(folded) = folded else {
            return;
        };
        if folded.changed {
            self.changed[super::index(c)].notify();
        }
        if folded.differs_from_stored {
            self.changed_chunk(c, chunk.to_string());
        }
        self.w.external_revision.update(|n| *n += 1);
    }

    /// Forget everything held in memory and every pending write (storage was emptied).
    pub(super) fn reset_memory(&self) {
        self.saver.update_value(|s| {
            s.dirty.clear();
            s.unsaved.clear();
            s.whole.clear();
            s.chunks.clear();
            s.made_here.clear();
            s.schema_written = false;
        });
        self.db.set_value(Db::default());
        self.changed_all();
        self.w.last_rating.set(None);
        self.w.meta.set(DeviceMeta::default());
        self.refresh_kept_aside();
        self.w.external_revision.update(|n| *n += 1);
    }
}
