//! Saving: edits mark their collection dirty; dirty collections are written [`SAVE_DELAY`]
//! later (one write per collection, however many keystrokes), and at once when the page is
//! hidden or closed. A failed write leaves the stored value untouched and the edit in memory,
//! with a notice that says so. The review log is stored one key a month: a rating marks only its
//! month's chunk, and the save writes that chunk alone (`core::collections::log`). Nothing is
//! ever written over data from a newer version: neither when this tab loaded it, nor when
//! another tab running a newer version moved the stored format on while this one was open
//! (checked before every write).

use std::collections::{BTreeMap, BTreeSet};

use std::time::Duration;

use leptos::prelude::*;

use super::{AppState, Notice};
use crate::core::backup::DeviceMeta;
use crate::core::collections::{chunks, damaged_key_of, parse_key, Collection, Db, Kind, Unsaved};
use crate::core::model::{Id, Millis};
use crate::core::schema::{self, DAMAGED_PREFIX, SCHEMA_KEY, SCHEMA_VERSION};
use crate::platform;
use crate::storage::{self, WriteError};

/// How long edits are gathered before they are written.
pub const SAVE_DELAY: Duration = Duration::from_millis(300);
/// The log's chunks written in one part of [`AppState::flush_in_parts`].
const CHUNKS_PER_PART: usize = 6;

#[derive(Default)]
pub(super) struct Saver {
    pub dirty: BTreeSet<Collection>,
    pub timer_pending: bool,
    /// Stored keys never to be written this session (their damaged raw text could not be kept
    /// aside).
    pub frozen: BTreeSet<String>,
    /// Nothing is written: the data is from a newer version.
    pub read_only: bool,
    pub schema_written: bool,
    /// What this tab holds that storage does not yet, per collection: records edited, created
    /// or deleted here, and how the edited ones were stored before (for merging with another
    /// tab's writes field by field).
    pub unsaved: BTreeMap<Collection, Unsaved>,
    /// Chunked collections to write whole: every chunk, removing the keys of chunks no longer
    /// held and then the one-key value. A dirty chunked collection not in here writes only
    /// `chunks`.
    pub whole: BTreeSet<Collection>,
    /// The log's chunks (months) with changes not yet written.
    pub chunks: Vec<String>,
    /// Ratings made in this tab, by identity: kept when another tab's write has not seen them.
    pub made_here: Vec<(Id, Millis)>,
    /// Whether the check for room before the schema migration is under way (nothing is written
    /// until it has found room).
    pub checking_room: bool,
    /// Whether [`AppState::flush_in_parts`] is writing: the save timer leaves it to that.
    pub in_parts: bool,
}

impl AppState {
    /// Record `id` of `c` is about to be edited: remember how it is stored now, unless an
    /// earlier unsaved edit already did (another tab's write is merged against it).
    pub(super) fn before_edit(&self, c: Collection, id: &str) {
        if self
            .saver
            .with_value(|s| s.unsaved.get(&c).is_some_and(|u| u.bases.contains_key(id)))
        {
            return;
        }
        let base = self.with_db(|db| c.data().record_json(db, id));
        self.saver.update_value(|s| {
            s.unsaved
                .entry(c)
                .or_default()
                .bases
                .insert(id.to_string(), base);
        });
    }

    /// Record `id` of `c` was edited or created: save it.
    pub(super) fn touch(&self, c: Collection, id: &str) {
        self.saver.update_value(|s| {
            let u = s.unsaved.entry(c).or_default();
            u.touched.insert(id.to_string());
            u.deleted.remove(id);
        });
        self.changed(c);
    }

    /// Record `id` of `c` was deleted: save that.
    pub(super) fn forget(&self, c: Collection, id: &str) {
        self.saver.update_value(|s| {
            let u = s.unsaved.entry(c).or_default();
            u.deleted.insert(id.to_string());
            u.touched.remove(id);
        });
        self.changed(c);
    }

    /// Collection `c` changed (all of it, for a chunked one): write it a moment from now.
    pub(super) fn changed(&self, c: Collection) {
        self.schedule(c, None);
    }

    /// Chunk `chunk` of the chunked collection `c` changed: write that chunk a moment from now.
    pub(super) fn changed_chunk(&self, c: Collection, chunk: String) {
        self.schedule(c, Some(chunk));
    }

    fn schedule(&self, c: Collection, chunk: Option<String>) {
        let first_unsaved = self.saver.with_value(|s| !s.timer_pending);
        self.saver.update_value(|s| {
            s.dirty.insert(c);
            match chunk {
                Some(chunk) if !s.chunks.contains(&chunk) => s.chunks.push(chunk),
                Some(_) => {}
                None if c.row().chunked => {
                    s.whole.insert(c);
                }
                None => {}
            }
            s.timer_pending = true;
        });
        if first_unsaved {
            // App lifetime, on purpose: armed from a screen's handler, but it must fire after
            // that screen is gone (so not `lifetime::timeout`). A state unmounted meanwhile (in
            // tests) is left alone.
            let state = *self;
            set_timeout(
                move || {
                    if !state.saver.is_disposed() && !state.saver.with_value(|s| s.in_parts) {
                        state.flush();
                    }
                },
                SAVE_DELAY,
            );
        }
        if self.meta.with_untracked(|m| m.unexported_since.is_none()) {
            self.w.meta.update(|m| m.changed(platform::now_ms()));
            self.save_meta();
        }
    }

    pub(super) fn save_meta(&self) {
        if !self.may_write() {
            return;
        }
        if let Ok(text) = serde_json::to_string(&self.meta.get_untracked()) {
            let _ = storage::write(DeviceMeta::KEY, &text);
        }
    }

    /// Whether some edits are not in storage yet.
    pub fn has_unsaved(&self) -> bool {
        self.saver.with_value(|s| !s.dirty.is_empty())
    }

    /// Whether this tab may write: not read-only, and no other tab has moved the stored format
    /// past what this build knows (if one has, this tab stops writing from now on and says so).
    pub(super) fn may_write(&self) -> bool {
        if self.saver.with_value(|s| s.read_only) {
            return false;
        }
        let moved_on = storage::read(SCHEMA_KEY)
            .and_then(|text| schema::stored_version(&text))
            .is_some_and(|v| v > SCHEMA_VERSION);
        if moved_on {
            self.stop_writing_newer();
        }
        !moved_on
    }

    /// Another tab runs a newer version and moved the stored format on: keep every edit here in
    /// memory, write nothing more, and offer to reload.
    pub(super) fn stop_writing_newer(&self) {
        self.saver.update_value(|s| s.read_only = true);
        self.notify(Notice::UpdatedElsewhere);
    }

    /// Write every dirty collection now (of a chunked one, its changed chunks). Failures leave
    /// the data in memory and dirty, and say so in a notice; the value already in storage is
    /// never touched by a failed write.
    pub fn flush(&self) {
        self.flush_only(None);
    }

    /// [`AppState::flush`], of one collection only (`Some`) or of every dirty one.
    fn flush_only(&self, only: Option<Collection>) {
        // A damaged chunk of a log read late is kept aside before anything is written.
        self.settle_log();
        self.saver.update_value(|s| s.timer_pending = false);
        let (dirty, frozen, checking) = self
            .saver
            .with_value(|s| (s.dirty.clone(), s.frozen.clone(), s.checking_room));
        if dirty.is_empty() || checking || !self.may_write() {
            return;
        }
        let mut quota_full = false;
        let mut unchunk = Vec::new();
        let picked = |c: &&Collection| !frozen.contains(&c.key()) && only.is_none_or(|o| o == **c);
        for &c in dirty.iter().filter(picked) {
            let whole = self.saver.with_value(|s| s.whole.contains(&c));
            let result = self.writes(c, whole).and_then(|writes| {
                for (key, text) in writes.iter().filter(|(k, _)| !frozen.contains(k)) {
                    match text {
                        Some(text) => storage::write_packed_from(key, text, c.pack_from())?,
                        None => storage::remove(key),
                    }
                }
                Ok(())
            });
            match result {
                Ok(()) => {
                    self.saver.update_value(|s| {
                        s.dirty.remove(&c);
                        s.unsaved.remove(&c);
                        if c.row().chunked {
                            s.whole.remove(&c);
                            s.chunks.clear();
                        }
                    });
                    if whole {
                        unchunk.push(c);
                    }
                }
                Err(WriteError::QuotaFull) => quota_full = true,
                Err(WriteError::Unavailable) => self.notify(Notice::StorageUnavailable),
                Err(WriteError::Other(e)) => self.notify(Notice::SaveFailed(e)),
            }
        }
        if !self.saver.with_value(|s| s.schema_written)
            && storage::write(SCHEMA_KEY, &SCHEMA_VERSION.to_string()).is_ok()
        {
            self.saver.update_value(|s| s.schema_written = true);
        }
        // Every chunk is written and the schema key says so: the one-key value can go (a
        // migration stopped before this point loads as the union of both).
        if self.saver.with_value(|s| s.schema_written) {
            for c in unchunk {
                if !frozen.contains(&c.key()) {
                    storage::remove(&c.key());
                }
            }
        }
        if quota_full {
            self.notify(Notice::QuotaFull);
        } else if !self.has_unsaved() {
            self.dismiss(&Notice::QuotaFull);
        }
    }

    /// Write what is dirty a part at a time, in idle slices: a collection a part, of the log
    /// [`CHUNKS_PER_PART`] months' chunks a part; for a save too large for one task (after an
    /// import). App lifetime, like the save timer: the save finishes whatever screen is shown.
    /// [`AppState::flush`] at any moment (the page hidden) writes whatever is left.
    pub fn flush_in_parts(&self) {
        self.settle_log();
        self.saver.update_value(|s| s.in_parts = true);
        let state = *self;
        let owner = Owner::new_root(None);
        let keep = owner.clone();
        owner.with(|| {
            crate::lifetime::repeat(move || {
                let _app_lifetime = &keep;
                if state.saver.is_disposed() {
                    return false;
                }
                let more = state.flush_part();
                if !more {
                    state.saver.update_value(|s| s.in_parts = false);
                }
                more
            })
        });
    }

    /// Write one part of what is dirty (see [`AppState::flush_in_parts`]); `false` when nothing
    /// more can be written now.
    fn flush_part(&self) -> bool {
        let (dirty, frozen, checking) = self
            .saver
            .with_value(|s| (s.dirty.clone(), s.frozen.clone(), s.checking_room));
        let Some(&c) = dirty.iter().find(|c| !frozen.contains(&c.key())) else {
            return false;
        };
        if checking || !self.may_write() {
            return false;
        }
        if c.row().chunked && self.by_chunk(c) {
            let (chunks, left) = self.saver.with_value(|s| {
                let first: Vec<String> = s.chunks.iter().take(CHUNKS_PER_PART).cloned().collect();
                (first, s.chunks.len())
            });
            if chunks.len() < left {
                for chunk in chunks {
                    let key = c.chunk_key(&chunk);
                    let written = match self.with_db(|db| db.chunk_text(c, &chunk)) {
                        Ok(_) if frozen.contains(&key) => Ok(()),
                        Ok(Some(text)) => storage::write_packed_from(&key, &text, c.pack_from()),
                        Ok(None) => {
                            storage::remove(&key);
                            Ok(())
                        }
                        Err(e) => Err(WriteError::Other(e)),
                    };
                    if written.is_err() {
                        // `flush` tries again and says what went wrong.
                        self.flush();
                        return false;
                    }
                    self.saver
                        .update_value(|s| s.chunks.retain(|m| *m != chunk));
                }
                return true;
            }
        }
        self.flush_only(Some(c));
        !self.saver.with_value(|s| s.dirty.contains(&c))
    }

    /// Whether the chunked collection `c` can be written chunk by chunk: a whole write becomes
    /// one of every chunk held or stored (a chunk no longer held is removed), once the schema
    /// key is written and no one-key value is left to remove.
    fn by_chunk(&self, c: Collection) -> bool {
        if !self.saver.with_value(|s| s.whole.contains(&c)) {
            return true;
        }
        let stored = storage::keys_prefixed(&c.key());
        if !self.saver.with_value(|s| s.schema_written) || stored.contains(&c.key()) {
            return false;
        }
        let mut months: Vec<String> =
            self.with_db(|db| chunks(&db.reviews).into_iter().map(|(m, _)| m).collect());
        for key in &stored {
            if let Some((_, Some(month))) = parse_key(key) {
                if !months.iter().any(|m| m == month) {
                    months.push(month.to_string());
                }
            }
        }
        self.saver.update_value(|s| {
            s.whole.remove(&c);
            for m in months {
                if !s.chunks.contains(&m) {
                    s.chunks.push(m);
                }
            }
        });
        true
    }

    /// What writing `c` stores (`Some`) and removes (`None`), key by key: its one key, or its
    /// changed chunks, or (`whole`) every chunk, removing the keys of chunks no longer held.
    fn writes(
        &self,
        c: Collection,
        whole: bool,
    ) -> Result<Vec<(String, Option<String>)>, WriteError> {
        let chunks = self.saver.with_value(|s| s.chunks.clone());
        self.with_db(|db| -> Result<_, String> {
            if !c.row().chunked {
                return Ok(vec![(c.key(), Some(db.encode(c)?))]);
            }
            if !whole {
                let mut out = Vec::with_capacity(chunks.len());
                for chunk in chunks {
                    out.push((c.chunk_key(&chunk), db.chunk_text(c, &chunk)?));
                }
                return Ok(out);
            }
            let mut out: Vec<(String, Option<String>)> = db
                .stored_texts(c)?
                .into_iter()
                .map(|(key, text)| (key, Some(text)))
                .collect();
            for key in storage::keys_prefixed(&c.chunk_key("")) {
                let is_chunk = matches!(parse_key(&key), Some((_, Some(_))));
                if is_chunk && !out.iter().any(|(k, _)| *k == key) {
                    out.push((key, None));
                }
            }
            Ok(out)
        })
        .map_err(WriteError::Other)
    }

    /// The edits this tab holds that storage does not, as the text of a backup file (records
    /// edited or created here, and the settings and ratings if they changed), so they can be
    /// copied when this tab may no longer write. `None` when there are none.
    pub fn unsaved_as_backup(&self) -> Option<String> {
        let (dirty, pending) = self
            .saver
            .with_value(|s| (s.dirty.clone(), s.unsaved.clone()));
        if dirty.is_empty() {
            return None;
        }
        let mut held = Db::default();
        self.with_db(|db| {
            for c in &dirty {
                let ids = pending
                    .get(c)
                    .map(|u| u.touched.clone())
                    .unwrap_or_default();
                if c.row().kind != Kind::Records || !ids.is_empty() {
                    c.data().copy_some(db, &ids, &mut held);
                }
            }
        });
        crate::core::transfer::export(&held, platform::now_ms()).ok()
    }
}

/// Keep `raw` aside under a damaged key, unless the same text is already kept. Returns the key,
/// or `None` if it could not be written (then the original must not be overwritten).
pub(super) fn keep_aside(
    stored: &BTreeMap<String, String>,
    stored_key: &str,
    raw: &str,
    now: Millis,
) -> Option<String> {
    if let Some((key, _)) = stored
        .iter()
        .find(|(k, v)| k.starts_with(DAMAGED_PREFIX) && v.as_str() == raw)
    {
        return Some(key.clone());
    }
    let key = damaged_key_of(stored_key, now);
    storage::write(&key, raw).ok().map(|_| key)
}
