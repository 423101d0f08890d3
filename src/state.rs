//! The app's state, provided to every page through context: the collections as signals, the
//! notices shown at the top of the screen, and the saving machinery.
//!
//! Edits go through [`AppState`] methods, which change the signal and mark that collection
//! dirty. Dirty collections are written a short moment later (one write per collection, however
//! many keystrokes), and at once when the page is hidden or closed. Only `storage` touches
//! localStorage; pages never do.

use std::collections::BTreeSet;
use std::time::Duration;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::core::model::{Interview, Millis, Reflection, Settings};
use crate::core::schema::{self, Collection, Db, Problem, DAMAGED_PREFIX, KEY_PREFIX, SCHEMA_KEY};
use crate::platform;
use crate::storage::{self, WriteError};

/// How long edits are gathered before they are written.
pub const SAVE_DELAY: Duration = Duration::from_millis(300);

/// Something the user should know about, shown as a banner until dismissed or resolved.
#[derive(Clone, PartialEq, Debug)]
pub enum Notice {
    /// A stored collection did not fully load; its raw text was kept aside under `kept_as`
    /// (`None`: it could not be copied, so the collection is not written this session).
    Damaged {
        collection: Collection,
        reason: String,
        kept_as: Option<String>,
    },
    /// The browser's storage is full: the latest edits are only in memory.
    QuotaFull,
    /// localStorage cannot be used at all in this browser window.
    StorageUnavailable,
    /// Data written by a newer version: shown, but never overwritten.
    NewerVersion { found: u32 },
    /// The stored schema number was unreadable.
    BadSchemaKey,
    /// A new version of the app is installed and waiting.
    UpdateReady,
    /// Some other failure while saving, with what the browser said.
    SaveFailed(String),
}

/// What can be undone right now (one level), with the words for the toast.
#[derive(Clone, PartialEq, Debug)]
pub enum Undo {
    DeletedInterview {
        interview: Interview,
        reflection: Option<Reflection>,
    },
}

/// A raw value that did not load and was kept aside.
#[derive(Clone, PartialEq, Debug)]
pub struct KeptAside {
    pub key: String,
    pub collection: String,
    pub kept_at: Millis,
    pub bytes: usize,
}

struct Saver {
    dirty: BTreeSet<Collection>,
    timer_pending: bool,
    /// Collections never to be written this session (their damaged raw text could not be
    /// kept aside, or the data is from a newer version).
    frozen: BTreeSet<Collection>,
    read_only: bool,
    schema_written: bool,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub interviews: RwSignal<Vec<Interview>>,
    pub reflections: RwSignal<Vec<Reflection>>,
    pub settings: RwSignal<Settings>,
    pub notices: RwSignal<Vec<Notice>>,
    pub undo: RwSignal<Option<Undo>>,
    pub kept_aside: RwSignal<Vec<KeptAside>>,
    /// Today's date on this device; refreshed when the app comes back to the foreground.
    pub today: RwSignal<NaiveDate>,
    saver: StoredValue<Saver, LocalStorage>,
}

/// The state from context. Every page is rendered inside `App`, which provides it.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Load everything from storage, deal with what did not load, and provide the state.
    pub fn init() -> AppState {
        let mut notices = Vec::new();
        let stored = match storage::read_prefixed(KEY_PREFIX) {
            Ok(s) => s,
            Err(_) => {
                notices.push(Notice::StorageUnavailable);
                Default::default()
            }
        };
        let loaded = schema::load(&stored);
        let mut frozen = BTreeSet::new();
        let mut rewrite = BTreeSet::new();
        let now = platform::now_ms();
        for problem in &loaded.problems {
            match problem {
                Problem::Damaged {
                    collection,
                    raw,
                    reason,
                    ..
                } => {
                    let kept_as = keep_aside(&stored, *collection, raw, now);
                    if kept_as.is_some() {
                        rewrite.insert(*collection);
                    } else {
                        frozen.insert(*collection);
                    }
                    notices.push(Notice::Damaged {
                        collection: *collection,
                        reason: reason.clone(),
                        kept_as,
                    });
                }
                Problem::NewerSchema { found } => {
                    notices.push(Notice::NewerVersion { found: *found })
                }
                Problem::BadSchemaKey { .. } => notices.push(Notice::BadSchemaKey),
            }
        }
        if loaded.needs_upgrade() {
            rewrite.extend(Collection::ALL);
        }
        let Db {
            interviews,
            reflections,
            settings,
        } = loaded.db.clone();
        let state = AppState {
            interviews: RwSignal::new(interviews),
            reflections: RwSignal::new(reflections),
            settings: RwSignal::new(settings),
            notices: RwSignal::new(notices),
            undo: RwSignal::new(None),
            kept_aside: RwSignal::new(Vec::new()),
            today: RwSignal::new(platform::today()),
            saver: StoredValue::new_local(Saver {
                dirty: BTreeSet::new(),
                timer_pending: false,
                frozen,
                read_only: loaded.read_only,
                schema_written: loaded.stored_schema == Some(schema::SCHEMA_VERSION),
            }),
        };
        state.refresh_kept_aside();
        if !rewrite.is_empty() {
            state.saver.update_value(|s| s.dirty.extend(rewrite));
            state.flush();
        }
        state
    }

    // ----- reading -----

    pub fn interview(&self, id: &str) -> Option<Interview> {
        self.interviews
            .with(|list| list.iter().find(|i| i.id == id).cloned())
    }

    pub fn reflection(&self, id: &str) -> Option<Reflection> {
        self.reflections
            .with(|list| list.iter().find(|r| r.id == id).cloned())
    }

    // ----- editing -----

    /// Add a new interview (its id must be fresh) and return its id.
    pub fn add_interview(&self, mut interview: Interview) -> String {
        let now = platform::now_ms();
        if interview.id.is_empty() {
            interview.id = platform::new_id();
        }
        interview.created = now;
        interview.updated = now;
        let id = interview.id.clone();
        self.interviews.update(|list| list.push(interview));
        self.changed(Collection::Interviews);
        id
    }

    /// Change one interview in place. Does nothing if it no longer exists.
    pub fn edit_interview(&self, id: &str, edit: impl FnOnce(&mut Interview)) {
        let mut found = false;
        self.interviews.update(|list| {
            if let Some(i) = list.iter_mut().find(|i| i.id == id) {
                edit(i);
                i.updated = platform::now_ms();
                found = true;
            }
        });
        if found {
            self.changed(Collection::Interviews);
        }
    }

    /// Delete an interview and its reflection; it can be brought back with [`AppState::undo`].
    pub fn delete_interview(&self, id: &str) {
        let mut removed = None;
        self.interviews.update(|list| {
            if let Some(pos) = list.iter().position(|i| i.id == id) {
                removed = Some(list.remove(pos));
            }
        });
        let Some(interview) = removed else {
            return;
        };
        let mut reflection = None;
        self.reflections.update(|list| {
            if let Some(pos) = list.iter().position(|r| r.id == id) {
                reflection = Some(list.remove(pos));
            }
        });
        self.changed(Collection::Interviews);
        if reflection.is_some() {
            self.changed(Collection::Reflections);
        }
        self.undo.set(Some(Undo::DeletedInterview {
            interview,
            reflection,
        }));
    }

    /// Undo the last undoable action.
    pub fn undo(&self) {
        match self.undo.get_untracked() {
            Some(Undo::DeletedInterview {
                interview,
                reflection,
            }) => {
                self.interviews.update(|list| list.push(interview));
                self.changed(Collection::Interviews);
                if let Some(r) = reflection {
                    self.reflections.update(|list| list.push(r));
                    self.changed(Collection::Reflections);
                }
            }
            None => {}
        }
        self.undo.set(None);
    }

    /// Change the reflection on interview `id`, creating it on first edit.
    pub fn edit_reflection(&self, id: &str, edit: impl FnOnce(&mut Reflection)) {
        let now = platform::now_ms();
        self.reflections.update(|list| {
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
        self.changed(Collection::Reflections);
    }

    pub fn edit_settings(&self, edit: impl FnOnce(&mut Settings)) {
        self.settings.update(|s| {
            edit(s);
            *s = s.clone().clamped();
        });
        self.changed(Collection::Settings);
    }

    // ----- notices -----

    pub fn notify(&self, notice: Notice) {
        self.notices.update(|list| {
            if !list.contains(&notice) {
                list.push(notice);
            }
        });
    }

    pub fn dismiss(&self, notice: &Notice) {
        self.notices.update(|list| list.retain(|n| n != notice));
    }

    // ----- data kept aside -----

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
        self.kept_aside.set(list);
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

    // ----- saving -----

    fn changed(&self, c: Collection) {
        self.saver.update_value(|s| {
            s.dirty.insert(c);
        });
        let already = self.saver.with_value(|s| s.timer_pending);
        if !already {
            self.saver.update_value(|s| s.timer_pending = true);
            let state = *self;
            set_timeout(move || state.flush(), SAVE_DELAY);
        }
    }

    /// Whether some edits are not in storage yet.
    pub fn has_unsaved(&self) -> bool {
        self.saver.with_value(|s| !s.dirty.is_empty())
    }

    /// Write every dirty collection now. Failures leave the data in memory and dirty, and say
    /// so in a notice; the value already in storage is never touched by a failed write.
    pub fn flush(&self) {
        self.saver.update_value(|s| s.timer_pending = false);
        let (dirty, frozen, read_only) = self
            .saver
            .with_value(|s| (s.dirty.clone(), s.frozen.clone(), s.read_only));
        if dirty.is_empty() || read_only {
            return;
        }
        let db = Db {
            interviews: self.interviews.get_untracked(),
            reflections: self.reflections.get_untracked(),
            settings: self.settings.get_untracked(),
        };
        let mut quota_full = false;
        for c in dirty.iter().filter(|c| !frozen.contains(c)) {
            let result = db
                .encode(*c)
                .map_err(WriteError::Other)
                .and_then(|text| storage::write(&c.key(), &text));
            match result {
                Ok(()) => self.saver.update_value(|s| {
                    s.dirty.remove(c);
                }),
                Err(WriteError::QuotaFull) => quota_full = true,
                Err(WriteError::Unavailable) => self.notify(Notice::StorageUnavailable),
                Err(WriteError::Other(e)) => self.notify(Notice::SaveFailed(e)),
            }
        }
        if !self.saver.with_value(|s| s.schema_written)
            && storage::write(SCHEMA_KEY, &schema::SCHEMA_VERSION.to_string()).is_ok()
        {
            self.saver.update_value(|s| s.schema_written = true);
        }
        if quota_full {
            self.notify(Notice::QuotaFull);
        } else if !self.has_unsaved() {
            self.dismiss(&Notice::QuotaFull);
        }
    }
}

/// Keep `raw` aside under a damaged key, unless the same text is already kept. Returns the key,
/// or `None` if it could not be written (then the original must not be overwritten).
fn keep_aside(
    stored: &std::collections::BTreeMap<String, String>,
    c: Collection,
    raw: &str,
    now: Millis,
) -> Option<String> {
    if let Some((key, _)) = stored
        .iter()
        .find(|(k, v)| k.starts_with(DAMAGED_PREFIX) && v.as_str() == raw)
    {
        return Some(key.clone());
    }
    let key = c.damaged_key(now);
    storage::write(&key, raw).ok().map(|_| key)
}
