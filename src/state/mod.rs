//! The app's state, provided to every page through context (see [`AppState::provide`] and
//! [`use_app`]).
//!
//! Everything stored lives in one [`Db`] (see `core::collections`), with one change signal a
//! collection, so a screen that reads the interviews redraws when they change and not when a
//! rating is saved. Screens read through the public [`Reader`]s and read-only signals, and change
//! data only through `AppState`'s methods, which mark what changed for saving:
//!
//! - `loading.rs`: start-up: load with salvage, keep aside what did not read, say what happened;
//! - `saving.rs`: writes, gathered per collection and made a moment later (or at once when the
//!   page is hidden), never over data from a newer version;
//! - `tabs.rs`: another tab's writes, folded in;
//! - `interviews.rs`, `plan.rs`, `preps.rs`, `questions.rs`, `your_data.rs`: the edits, one
//!   domain a file;
//! - `derived.rs`: what screens compute from the data (the bank, insights), once for the app.
//!
//! Only `storage` touches localStorage; pages never do.

mod derived;
mod interviews;
mod loading;
mod lock;
mod plan;
mod preps;
mod questions;
mod saving;
mod tabs;
mod your_data;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::core::backup::DeviceMeta;
use crate::core::collections::{Collection, Db, TABLE};
use crate::core::countdown::Prep;
use crate::core::insights::Insight;
use crate::core::model::{Interview, Millis, Reflection, Settings};
use crate::core::plan::PlanItem;
use crate::core::practice::{CardState, ReviewEntry, UndoRecord};
use crate::core::questions::Question;
use crate::core::search::SearchVersion;

pub use crate::storage::Opened;
pub use derived::Derived;
pub use loading::{
    discard_preloaded, preload_parse, preload_read, preloaded_is_light, PRELOAD_STEPS,
};
#[cfg(feature = "test-hooks")]
pub use lock::stop_next_change_after;
pub use lock::{
    check_passphrase, open_backup, open_everything, seal_backup, stored_lock, unlock, Unlocked,
    WRONG_PASSPHRASE,
};
pub use saving::SAVE_DELAY;

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
    /// Another tab, running a newer version, changed the stored data format: this tab stopped
    /// writing; its unsaved edits are offered as text.
    UpdatedElsewhere,
    /// The stored schema number was unreadable.
    BadSchemaKey,
    /// There is no room to move the stored data to this version's format (`needed` bytes):
    /// nothing was changed, and this tab saves nothing; its edits are offered as text.
    NoRoom { needed: usize },
    /// A new version of the app is installed and waiting.
    UpdateReady,
    /// Some other failure while saving, with what the browser said.
    SaveFailed(String),
    /// A record edited here was changed later in another tab; that later version is shown.
    ChangedElsewhere { title: String },
    /// Something finished (an import, a deletion): a plain confirmation.
    Done(String),
}

/// What can be undone right now (one level).
#[derive(Clone, PartialEq, Debug)]
pub enum Undo {
    DeletedInterview {
        interview: Box<Interview>,
        reflection: Option<Box<Reflection>>,
    },
    DeletedPlanItem(Box<PlanItem>),
}

impl Undo {
    /// What was done, for the undo toast.
    pub fn describe(&self) -> String {
        match self {
            Undo::DeletedInterview { interview, .. } => {
                format!("Deleted “{}”.", interview.title())
            }
            Undo::DeletedPlanItem(item) => format!("Deleted “{}” from your plan.", item.title()),
        }
    }
}

/// A raw value that did not load and was kept aside.
#[derive(Clone, PartialEq, Debug)]
pub struct KeptAside {
    pub key: String,
    pub collection: String,
    pub kept_at: Millis,
    pub bytes: usize,
}

/// Whether the browser keeps the data even under storage pressure.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Persistence {
    Unknown,
    Unsupported,
    Granted,
    NotGranted,
}

/// A read-only view of one collection of the [`Db`], tracked like a signal: reading it inside a
/// memo, effect or view subscribes to that collection's changes only.
pub struct Reader<T: 'static> {
    db: StoredValue<Db>,
    changed: Trigger,
    field: fn(&Db) -> &T,
}

impl<T> Clone for Reader<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Reader<T> {}

impl<T: Clone + 'static> Reader<T> {
    /// Read the collection, subscribing to its changes.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.changed.track();
        self.with_untracked(f)
    }
    /// Read the collection without subscribing.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        let field = self.field;
        self.db.with_value(|db| f(field(db)))
    }
    pub fn get(&self) -> T {
        self.with(T::clone)
    }
    pub fn get_untracked(&self) -> T {
        self.with_untracked(T::clone)
    }
    /// Subscribe to the collection's changes without reading it.
    pub fn track(&self) {
        self.changed.track();
    }
}

/// The signals only `AppState`'s own methods write (screens get the read halves).
#[derive(Clone, Copy)]
struct Writers {
    last_rating: WriteSignal<Option<UndoRecord>>,
    notices: WriteSignal<Vec<Notice>>,
    undo: WriteSignal<Option<Undo>>,
    kept_aside: WriteSignal<Vec<KeptAside>>,
    meta: WriteSignal<DeviceMeta>,
    persistence: WriteSignal<Persistence>,
    external_revision: WriteSignal<u64>,
    today: WriteSignal<NaiveDate>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    db: StoredValue<Db>,
    /// One change signal a collection, in the table's order.
    changed: [Trigger; TABLE.len()],
    pub interviews: Reader<Vec<Interview>>,
    pub reflections: Reader<Vec<Reflection>>,
    pub settings: Reader<Settings>,
    /// Questions the user added or changed (see `derived.bank` for the whole bank).
    pub questions: Reader<Vec<Question>>,
    pub cards: Reader<Vec<CardState>>,
    pub reviews: Reader<Vec<ReviewEntry>>,
    pub plan: Reader<Vec<PlanItem>>,
    /// What I'm looking for: one version per saved change (see `core::search`).
    pub search: Reader<Vec<SearchVersion>>,
    /// The questions chosen to prepare for upcoming interviews (see `preps.rs`).
    pub preps: Reader<Vec<Prep>>,
    /// The last rating in this session, for undo.
    pub last_rating: ReadSignal<Option<UndoRecord>>,
    pub notices: ReadSignal<Vec<Notice>>,
    pub undo: ReadSignal<Option<Undo>>,
    pub kept_aside: ReadSignal<Vec<KeptAside>>,
    /// Backups and persistence on this device.
    pub meta: ReadSignal<DeviceMeta>,
    pub persistence: ReadSignal<Persistence>,
    /// Bumped when another tab changed the data, so forms that keep their own text re-read it.
    pub external_revision: ReadSignal<u64>,
    /// Today's date on this device; refreshed when the app comes back to the foreground.
    pub today: ReadSignal<NaiveDate>,
    /// What screens compute from the data, worked out once for the whole app.
    pub derived: Derived,
    w: Writers,
    saver: StoredValue<saving::Saver, LocalStorage>,
}

/// The state from context. Every page is rendered inside `App`, which provides it.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Load everything from storage and provide the state to everything below.
    pub fn provide() -> AppState {
        let state = AppState::init();
        provide_context(state);
        state
    }

    /// A state around `db` (nothing is read from or written to storage here).
    fn new(db: Db, meta: DeviceMeta, notices: Vec<Notice>, saver: saving::Saver) -> AppState {
        let db = StoredValue::new(db);
        let changed: [Trigger; TABLE.len()] = std::array::from_fn(|_| Trigger::new());
        let trigger = |c: Collection| changed[index(c)];
        let (last_rating, w_last_rating) = signal(None);
        let (notices, w_notices) = signal(notices);
        let (undo, w_undo) = signal(None);
        let (kept_aside, w_kept_aside) = signal(Vec::new());
        let (meta, w_meta) = signal(meta);
        let (persistence, w_persistence) = signal(Persistence::Unknown);
        let (external_revision, w_external_revision) = signal(0);
        let (today, w_today) = signal(crate::platform::today());
        let interviews = Reader {
            db,
            changed: trigger(Collection::Interviews),
            field: |db| &db.interviews,
        };
        let reflections = Reader {
            db,
            changed: trigger(Collection::Reflections),
            field: |db| &db.reflections,
        };
        let settings = Reader {
            db,
            changed: trigger(Collection::Settings),
            field: |db| &db.settings,
        };
        let questions = Reader {
            db,
            changed: trigger(Collection::Questions),
            field: |db| &db.questions,
        };
        let cards = Reader {
            db,
            changed: trigger(Collection::Cards),
            field: |db| &db.cards,
        };
        let reviews = Reader {
            db,
            changed: trigger(Collection::Reviews),
            // Reading the log reads it from storage if start-up left it unread.
            field: |db| &*db.reviews,
        };
        let plan = Reader {
            db,
            changed: trigger(Collection::Plan),
            field: |db| &db.plan,
        };
        let search = Reader {
            db,
            changed: trigger(Collection::Search),
            field: |db| &db.search,
        };
        let preps = Reader {
            db,
            changed: trigger(Collection::Preps),
            field: |db| &db.preps,
        };
        let derived = Derived::new(
            interviews,
            reflections,
            settings,
            questions,
            reviews,
            plan,
            today,
        );
        AppState {
            db,
            changed,
            interviews,
            reflections,
            settings,
            questions,
            cards,
            reviews,
            plan,
            search,
            preps,
            last_rating,
            notices,
            undo,
            kept_aside,
            meta,
            persistence,
            external_revision,
            today,
            derived,
            w: Writers {
                last_rating: w_last_rating,
                notices: w_notices,
                undo: w_undo,
                kept_aside: w_kept_aside,
                meta: w_meta,
                persistence: w_persistence,
                external_revision: w_external_revision,
                today: w_today,
            },
            saver: StoredValue::new_local(saver),
        }
    }

    /// Read everything held, untracked (for export, preview and merge).
    pub fn with_db<R>(&self, f: impl FnOnce(&Db) -> R) -> R {
        self.db.with_value(f)
    }

    /// Everything held, as one value (a copy).
    pub fn snapshot(&self) -> Db {
        self.db.get_value()
    }

    /// Change collection `c` through `f` and tell whoever reads it. Marks nothing for saving:
    /// the edit methods do that (see `saving.rs`).
    fn write<R>(&self, c: Collection, f: impl FnOnce(&mut Db) -> R) -> Option<R> {
        let out = self.db.try_update_value(f);
        self.changed[index(c)].notify();
        out
    }

    /// Tell the readers of every collection that everything may have changed.
    fn changed_all(&self) {
        for t in &self.changed {
            t.notify();
        }
    }

    /// Refresh today's date (the app came back to the foreground).
    pub fn refresh_today(&self) {
        self.w.today.set(crate::platform::today());
    }

    // ----- notices and undo -----

    pub fn notify(&self, notice: Notice) {
        self.w.notices.update(|list| {
            if !list.contains(&notice) {
                list.push(notice);
            }
        });
    }

    pub fn dismiss(&self, notice: &Notice) {
        self.w.notices.update(|list| list.retain(|n| n != notice));
    }

    /// Forget what could be undone (the toast was closed).
    pub fn drop_undo(&self) {
        self.w.undo.set(None);
    }

    /// Undo the last undoable action.
    pub fn undo(&self) {
        match self.undo.get_untracked() {
            Some(Undo::DeletedInterview {
                interview,
                reflection,
            }) => {
                let id = interview.id.clone();
                self.write(Collection::Interviews, |db| db.interviews.push(*interview));
                self.touch(Collection::Interviews, &id);
                if let Some(r) = reflection {
                    self.write(Collection::Reflections, |db| db.reflections.push(*r));
                    self.touch(Collection::Reflections, &id);
                }
            }
            Some(Undo::DeletedPlanItem(item)) => {
                let id = item.id.clone();
                self.write(Collection::Plan, |db| db.plan.push(*item));
                self.touch(Collection::Plan, &id);
            }
            None => {}
        }
        self.w.undo.set(None);
    }
}

/// The position of `c` in the table (and so of its change signal).
fn index(c: Collection) -> usize {
    TABLE.iter().position(|r| r.collection == c).unwrap_or(0)
}

/// The insights over everything stored (shared by Today and the journey), once worked out.
pub type Insights = Memo<Option<Vec<Insight>>>;
