//! Start-up: everything stored is loaded with salvage (`core::schema::load`); a value that did
//! not fully read is copied, byte for byte, to a damaged key before anything can overwrite it,
//! and the user is told what happened. Start-up may read and parse in tasks of their own before
//! the app mounts ([`PRELOAD_STEPS`]); `init` then starts from what they loaded.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::saving::{keep_aside, Saver};
use super::{AppState, KeptAside, Notice};
use crate::core::backup::DeviceMeta;
use crate::core::collections::{parse_key, Collection, DAMAGED_PREFIX, KEY_PREFIX};
use crate::core::packing;
use crate::core::schema::{self, Problem};
use crate::platform;
use crate::storage;

type Read = Result<std::collections::BTreeMap<String, String>, storage::WriteError>;

/// How many of the review log's chunks are read a task when it is read in parts (after the
/// first screen, or at unlock): a month of heavy use is a few milliseconds on a phone.
pub(super) const LOG_CHUNKS_A_TASK: usize = 6;

/// What start-up read and parsed before the app mounted, a step a task ([`PRELOAD_STEPS`]).
struct Preload {
    read: Read,
    /// The questions (the largest collection a first screen reads) as stored, taken out of
    /// `read` to be unpacked and parsed in steps of their own; then `(key, text)`.
    questions: Option<(String, String)>,
    loaded: Option<schema::Loaded>,
}

thread_local! {
    /// What the start-up steps preloaded; taken by [`AppState::init`].
    static PRELOADED: std::cell::RefCell<Option<Preload>> = const { std::cell::RefCell::new(None) };
}

/// Start-up's steps before the app mounts, each run in a task of its own so that none is long
/// on a phone: read, parse all but the questions, unpack the questions, parse them.
/// [`AppState::init`] then starts from what they loaded (and does what is left undone).
pub const PRELOAD_STEPS: [fn(); 4] = [
    preload_read,
    preload_parse,
    preload_unpack_questions,
    preload_parse_questions,
];

/// Read (and unpack) everything stored, for [`AppState::init`]. The review log's chunks are
/// left as stored: the first screen seldom needs the log, so it is unpacked and parsed when
/// first read, or a few months a task after the first screen ([`AppState::read_log_some`]).
/// The questions are unpacked and parsed in steps of their own.
pub fn preload_read() {
    let questions = Collection::Questions.key();
    let read = storage::read_prefixed_unpacking(KEY_PREFIX, |key| {
        key != questions && !matches!(parse_key(key), Some((_, Some(_))))
    });
    PRELOADED.with(|p| {
        *p.borrow_mut() = Some(Preload {
            read,
            questions: None,
            loaded: None,
        })
    });
}

/// Whether what [`preload_read`] read is little enough to parse in the same task even on a
/// phone (under 64 KiB of stored text: a few milliseconds).
pub fn preloaded_is_light() -> bool {
    const LIGHT_BYTES: usize = 64 * 1024;
    PRELOADED.with(|p| match p.borrow().as_ref() {
        Some(Preload {
            read: Ok(stored), ..
        }) => stored.values().map(String::len).sum::<usize>() < LIGHT_BYTES,
        _ => true,
    })
}

/// Parse what [`preload_read`] read, but the review log and (stored in this schema, so read
/// as they are) the questions.
pub fn preload_parse() {
    PRELOADED.with(|p| {
        if let Some(preload) = p.borrow_mut().as_mut() {
            parse(preload);
        }
    });
}

/// Unpack the questions [`preload_parse`] left.
pub fn preload_unpack_questions() {
    PRELOADED.with(|p| {
        if let Some((_, text)) = p.borrow_mut().as_mut().and_then(|p| p.questions.as_mut()) {
            *text = storage::unpacked(std::mem::take(text));
        }
    });
}

/// Parse the questions into what [`preload_parse`] loaded.
pub fn preload_parse_questions() {
    PRELOADED.with(|p| {
        if let Some(preload) = p.borrow_mut().as_mut() {
            parse_questions(preload);
        }
    });
}

fn parse(preload: &mut Preload) {
    let Preload {
        read: Ok(stored),
        questions,
        loaded: loaded @ None,
    } = preload
    else {
        return;
    };
    let key = Collection::Questions.key();
    let current = stored
        .get(schema::SCHEMA_KEY)
        .and_then(|v| schema::stored_version(v))
        == Some(schema::SCHEMA_VERSION);
    if current {
        *questions = stored.remove_entry(&key);
    } else if let Some(text) = stored.get_mut(&key) {
        // An older schema: every collection goes through the migrations together.
        *text = storage::unpacked(std::mem::take(text));
    }
    *loaded = Some(schema::load_deferring_log(stored, true));
}

fn parse_questions(preload: &mut Preload) {
    let (Some((key, stored)), Some(loaded)) = (preload.questions.take(), preload.loaded.as_mut())
    else {
        return;
    };
    let text = storage::unpacked(stored);
    loaded.problems.extend(schema::read_text(
        &mut loaded.db,
        Collection::Questions,
        &key,
        &text,
        &text,
    ));
}

/// Forget what was preloaded (another tab wrote meanwhile): [`AppState::init`] reads again.
pub fn discard_preloaded() {
    PRELOADED.with(|p| p.borrow_mut().take());
}

/// What loading found that did not read, dealt with: each damaged value kept aside (or, when
/// it could not be, its key frozen so nothing writes over it) and what the user is told.
struct Triage {
    notices: Vec<Notice>,
    frozen: BTreeSet<String>,
    /// Collections to write again whole (what read of them replaces what was kept aside).
    rewrite: BTreeSet<Collection>,
    /// Chunks of the log to write again.
    rewrite_chunks: Vec<String>,
}

/// Deal with `problems` (see [`Triage`]); `stored` holds what is kept aside already, `opened`
/// the encrypted text of each value with the lock on.
fn triage(
    problems: &[Problem],
    stored: &std::collections::BTreeMap<String, String>,
    opened: &storage::Opened,
) -> Triage {
    let mut out = Triage {
        notices: Vec::new(),
        frozen: BTreeSet::new(),
        rewrite: BTreeSet::new(),
        rewrite_chunks: Vec::new(),
    };
    let now = platform::now_ms();
    for problem in problems {
        match problem {
            Problem::Damaged {
                collection,
                key,
                raw,
                reason,
                ..
            } => {
                let raw = opened.sealed.get(key).unwrap_or(raw);
                let reason = opened.failed.get(key).unwrap_or(reason);
                let kept_as = keep_aside(stored, key, raw, now);
                match (&kept_as, parse_key(key)) {
                    (None, _) => {
                        out.frozen.insert(key.clone());
                    }
                    // One damaged chunk: that chunk is written again, the others stay.
                    (Some(_), Some((_, Some(chunk)))) => {
                        out.rewrite_chunks.push(chunk.to_string());
                    }
                    (Some(_), _) => {
                        out.rewrite.insert(*collection);
                    }
                }
                out.notices.push(Notice::Damaged {
                    collection: *collection,
                    reason: reason.clone(),
                    kept_as,
                });
            }
            Problem::NewerSchema { found } => {
                out.notices.push(Notice::NewerVersion { found: *found })
            }
            Problem::BadSchemaKey { .. } => out.notices.push(Notice::BadSchemaKey),
        }
    }
    out
}

impl AppState {
    /// Load everything from storage (or take what start-up preloaded), deal with what did not
    /// load, and return the state.
    pub fn init() -> AppState {
        let opened = storage::Opened::default();
        match PRELOADED.with(|p| p.borrow_mut().take()) {
            Some(mut preload) => {
                // Whatever steps did not run yet, now.
                parse(&mut preload);
                parse_questions(&mut preload);
                Self::init_loaded(preload.read, preload.loaded, &opened)
            }
            None => Self::init_from(storage::read_prefixed(KEY_PREFIX), &opened),
        }
    }

    /// [`init`](Self::init) from what was read (`read`); with the lock on, `opened` holds the
    /// encrypted values as stored (kept aside as they were if they do not load) and why any did
    /// not open.
    pub(super) fn init_from(read: Read, opened: &storage::Opened) -> AppState {
        Self::init_loaded(read, None, opened)
    }

    /// [`init_from`](Self::init_from), with `loaded` already parsed from `read` when `Some`.
    pub(super) fn init_loaded(
        read: Read,
        loaded: Option<schema::Loaded>,
        opened: &storage::Opened,
    ) -> AppState {
        let mut notices = Vec::new();
        let stored = match read {
            Ok(s) => s,
            Err(_) => {
                notices.push(Notice::StorageUnavailable);
                Default::default()
            }
        };
        let loaded = loaded.unwrap_or_else(|| schema::load(&stored));
        let Triage {
            notices: found,
            frozen,
            mut rewrite,
            rewrite_chunks,
        } = triage(&loaded.problems, &stored, opened);
        notices.extend(found);
        let upgrade = loaded.needs_upgrade();
        if upgrade {
            rewrite.extend(Collection::all());
        }
        let meta = stored
            .get(DeviceMeta::KEY)
            .and_then(|text| serde_json::from_str::<DeviceMeta>(text).ok())
            .unwrap_or_default();
        let saver = Saver {
            frozen,
            read_only: loaded.read_only,
            schema_written: loaded.stored_schema == Some(schema::SCHEMA_VERSION),
            ..Saver::default()
        };
        let state = AppState::new(loaded.db, meta, notices, saver);
        state.refresh_kept_aside();
        if !rewrite_chunks.is_empty() {
            state.saver.update_value(|s| {
                s.dirty.insert(Collection::Reviews);
                s.chunks.extend(rewrite_chunks);
            });
        }
        if !rewrite.is_empty() {
            state.saver.update_value(|s| {
                s.whole.extend(rewrite.iter().filter(|c| c.row().chunked));
                s.dirty.extend(rewrite);
            });
        }
        if upgrade {
            state.upgrade_when_room();
        } else if state.has_unsaved() {
            state.flush();
        }
        state
    }

    /// Read a few more of the review log's chunks, if start-up left them unread (a month of
    /// heavy use is a few milliseconds of work on a phone); returns whether any are left. Then
    /// [`settle_log`](Self::settle_log).
    pub fn read_log_some(&self) -> bool {
        self.db
            .try_with_value(|db| db.reviews.read_some(LOG_CHUNKS_A_TASK))
            .unwrap_or(false)
    }

    /// Read the review log if start-up left it unread, and deal with what did not read in it
    /// as start-up deals with the rest (kept aside first, then the user told). Called in a task
    /// after the first screen, and before anything is written.
    pub fn settle_log(&self) {
        if self.saver.is_disposed() {
            return;
        }
        let problems = self
            .db
            .try_with_value(|db| db.reviews.take_problems())
            .unwrap_or_default();
        if problems.is_empty() {
            return;
        }
        let stored = storage::read_prefixed_raw(DAMAGED_PREFIX).unwrap_or_default();
        let found = triage(&problems, &stored, &storage::Opened::default());
        self.saver.update_value(|s| {
            s.frozen.extend(found.frozen);
            if !found.rewrite_chunks.is_empty() {
                s.dirty.insert(Collection::Reviews);
                s.chunks.extend(found.rewrite_chunks);
            }
        });
        for notice in found.notices {
            self.notify(notice);
        }
        self.refresh_kept_aside();
    }

    /// Bring storage to this schema (the review log in chunks), once there is room for it: the
    /// chunks are written before the one-key log is removed, so the move needs their size free.
    /// When the browser's estimate or localStorage itself says there is not that much, nothing
    /// is written this session and the user is told, kindly, what to do.
    fn upgrade_when_room(&self) {
        self.saver.update_value(|s| s.checking_room = true);
        let state = *self;
        // App lifetime, like the save timer: the move must finish whatever screen is shown.
        wasm_bindgen_futures::spawn_local(async move {
            let estimate = platform::storage_estimate().await;
            if state.saver.is_disposed() {
                return;
            }
            let needed: usize = state.with_db(|db| {
                Collection::all()
                    .filter(|c| c.row().chunked)
                    .flat_map(|c| {
                        db.stored_texts(c)
                            .unwrap_or_default()
                            .into_iter()
                            .map(move |(k, t)| (c, k, t))
                    })
                    .map(|(c, key, text)| {
                        storage::stored_bytes(&key, &packing::pack_from(&text, c.pack_from()))
                    })
                    .sum()
            });
            let room = estimate.is_none_or(|(usage, quota)| quota - usage >= needed as f64)
                && storage::has_room(needed);
            state.saver.update_value(|s| {
                s.checking_room = false;
                s.read_only |= !room;
            });
            if room {
                state.flush();
            } else {
                state.notify(Notice::NoRoom { needed });
            }
        });
    }

    pub fn refresh_kept_aside(&self) {
        let entries = storage::read_prefixed(DAMAGED_PREFIX).unwrap_or_default();
        let list = entries
            .iter()
            .map(|(key, value)| {
                let rest = &key[DAMAGED_PREFIX.len()..];
                let (collection, at) = rest.rsplit_once('.').unwrap_or((rest, "0"));
                KeptAside {
                    key: key.clone(),
                    collection: collection.to_string(),
                    kept_at: at.parse().unwrap_or(0),
                    bytes: value.len(),
                }
            })
            .collect();
        self.w.kept_aside.set(list);
    }

    /// The exact text kept aside under `key`.
    pub fn kept_aside_text(&self, key: &str) -> Option<String> {
        key.starts_with(DAMAGED_PREFIX)
            .then(|| storage::read(key))
            .flatten()
    }

    pub fn discard_kept_aside(&self, key: &str) {
        if key.starts_with(DAMAGED_PREFIX) {
            storage::remove(key);
        }
        self.refresh_kept_aside();
    }
}
