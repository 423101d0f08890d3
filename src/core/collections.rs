//! The one table of stored collections.
//!
//! Everything Rebound stores is a [`Db`]: one field a collection. Each collection is declared
//! once, as a row of [`TABLE`]: its storage name, the words messages use, whether it goes into
//! a backup, and its [`Data`], the typed half that knows the field and how its records load,
//! merge and sync. Storage (`schema::load`, the shell's saving), backups (`transfer`), starting
//! afresh and folding in another tab's writes all loop over the table, so adding a collection
//! means a field in [`Db`] and a row here (and a reader in the shell's state), and a test in
//! `collections/tests.rs` fails if a row is missing from any of them.
//!
//! Three shapes of data:
//! - **records** with an id and an `updated` time ([`Versioned`]): loading keeps every record that
//!   reads; merging and tab sync go record by record, the later `updated` winning;
//! - **the log** of ratings: entries known by question and time; merging is a union, in time
//!   order; stored one key a month (`chunked`, see `collections/log.rs`);
//! - **the settings**: one object; a backup's settings never replace the current ones in a merge.
//!
//! The typed half is reached through a trait object (`&'static dyn Data`) rather than generics,
//! so each operation is compiled once per collection instead of once per caller.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::value::RawValue;

use super::countdown::Prep;
use super::model::{Id, Interview, Millis, Reflection, Settings, Versioned};
use super::plan::PlanItem;
use super::practice::CardState;
use super::questions::Question;
use super::search::SearchVersion;
use super::sync::{merge_fields, reconcile_with};

/// Everything the app holds: one field a collection (see [`TABLE`]).
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Db {
    pub interviews: Vec<Interview>,
    pub reflections: Vec<Reflection>,
    pub settings: Settings,
    /// Questions the user added or changed (starter questions not touched are not stored).
    pub questions: Vec<Question>,
    /// The practice schedule, one card per practised question.
    pub cards: Vec<CardState>,
    /// Every rating, oldest first (read from storage when first read, see [`Log`]).
    pub reviews: Log,
    /// The development plan.
    pub plan: Vec<PlanItem>,
    /// What the user is looking for, one version per saved change.
    pub search: Vec<SearchVersion>,
    /// The questions chosen to prepare for upcoming interviews, one record an interview.
    pub preps: Vec<Prep>,
}

impl Db {
    /// The JSON text stored for one collection.
    pub fn encode(&self, c: Collection) -> Result<String, String> {
        c.data()
            .encode(self)
            .map_err(|e| format!("could not encode {}: {e}", c.name()))
    }
}

/// A stored collection: one storage key and one field of [`Db`] each.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub enum Collection {
    Interviews,
    Reflections,
    Settings,
    Questions,
    Cards,
    Reviews,
    Plan,
    Search,
    Preps,
}

/// The shape of a collection's data.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// Records with ids: merged and synced record by record, the later `updated` winning.
    Records,
    /// Entries known by question and time (`log::identity`): merged as a union.
    Log,
    /// One object: a merge keeps the current one; another tab's is taken unless this tab has
    /// unsaved changes.
    Object,
}

/// One row of the table: a collection declared once.
pub struct Row {
    pub collection: Collection,
    /// The storage key's suffix (`rebound.<name>`) and the collection's name in a backup.
    pub name: &'static str,
    /// How the storage meter names it.
    pub title: &'static str,
    /// How messages name one record, and several.
    pub one: &'static str,
    pub many: &'static str,
    /// Whether a backup holds it.
    pub exported: bool,
    /// The shape of its data, which says how it merges and syncs.
    pub kind: Kind,
    /// Stored one key a month (`rebound.<name>.YYYY-MM`, see `log`) instead of one key.
    pub chunked: bool,
    /// The typed half: the field of [`Db`] and how its data loads, merges and syncs.
    pub data: &'static dyn Data,
}

/// Every collection, in the order backups write them and messages list them.
pub static TABLE: [Row; 9] = [
    Row {
        collection: Collection::Interviews,
        name: "interviews",
        title: "Interviews",
        one: "interview",
        many: "interviews",
        exported: true,
        kind: Kind::Records,
        chunked: false,
        data: &Records::<Interview> {
            field: |db| &db.interviews,
            field_mut: |db| &mut db.interviews,
            id_mut: |r| &mut r.id,
            merge_fields: true,
        },
    },
    Row {
        collection: Collection::Reflections,
        name: "reflections",
        title: "Reflections",
        one: "reflection",
        many: "reflections",
        exported: true,
        kind: Kind::Records,
        chunked: false,
        data: &Records::<Reflection> {
            field: |db| &db.reflections,
            field_mut: |db| &mut db.reflections,
            id_mut: |r| &mut r.id,
            merge_fields: true,
        },
    },
    Row {
        collection: Collection::Questions,
        name: "questions",
        title: "Questions and answers",
        one: "question",
        many: "questions",
        exported: true,
        kind: Kind::Records,
        chunked: false,
        data: &Records::<Question> {
            field: |db| &db.questions,
            field_mut: |db| &mut db.questions,
            id_mut: |r| &mut r.id,
            merge_fields: true,
        },
    },
    Row {
        collection: Collection::Cards,
        name: "cards",
        title: "Practice schedule",
        one: "practice card",
        many: "practice cards",
        exported: true,
        kind: Kind::Records,
        chunked: false,
        data: &Records::<CardState> {
            field: |db| &db.cards,
            field_mut: |db| &mut db.cards,
            id_mut: |r| &mut r.id,
            // A schedule is one state: the later rating's card is kept whole.
            merge_fields: false,
        },
    },
    Row {
        collection: Collection::Plan,
        name: "plan",
        title: "My plan",
        one: "plan item",
        many: "plan items",
        exported: true,
        kind: Kind::Records,
        chunked: false,
        data: &Records::<PlanItem> {
            field: |db| &db.plan,
            field_mut: |db| &mut db.plan,
            id_mut: |r| &mut r.id,
            merge_fields: true,
        },
    },
    Row {
        collection: Collection::Search,
        name: "search",
        title: "What I'm looking for",
        one: "version of what I'm looking for",
        many: "versions of what I'm looking for",
        exported: true,
        kind: Kind::Records,
        chunked: false,
        data: &Records::<SearchVersion> {
            field: |db| &db.search,
            field_mut: |db| &mut db.search,
            id_mut: |r| &mut r.id,
            merge_fields: true,
        },
    },
    Row {
        collection: Collection::Preps,
        name: "preps",
        title: "Interview prep",
        one: "interview preparation",
        many: "interview preparations",
        exported: true,
        kind: Kind::Records,
        chunked: false,
        data: &Records::<Prep> {
            field: |db| &db.preps,
            field_mut: |db| &mut db.preps,
            id_mut: |r| &mut r.id,
            merge_fields: true,
        },
    },
    Row {
        collection: Collection::Settings,
        name: "settings",
        title: "Settings",
        one: "setting",
        many: "settings",
        exported: true,
        kind: Kind::Object,
        chunked: false,
        data: &SettingsData,
    },
    Row {
        collection: Collection::Reviews,
        name: "reviews",
        title: "Practice history",
        one: "rating",
        many: "ratings",
        exported: true,
        kind: Kind::Log,
        chunked: true,
        data: &LogData,
    },
];

pub const KEY_PREFIX: &str = "rebound.";
pub const DAMAGED_PREFIX: &str = "rebound.damaged.";

impl Collection {
    /// Every collection, in the table's order.
    pub fn all() -> impl Iterator<Item = Collection> {
        TABLE.iter().map(|r| r.collection)
    }
    pub fn row(self) -> &'static Row {
        // Every collection has a row (checked by a test); the first row is a harmless fallback.
        TABLE
            .iter()
            .find(|r| r.collection == self)
            .unwrap_or(&TABLE[0])
    }
    pub fn data(self) -> &'static dyn Data {
        self.row().data
    }
    pub fn name(self) -> &'static str {
        self.row().name
    }
    /// Its storage key: `rebound.<name>`.
    pub fn key(self) -> String {
        format!("{KEY_PREFIX}{}", self.name())
    }
    /// The collection a stored key holds: its one key, or one of its chunks' keys.
    pub fn from_key(key: &str) -> Option<Collection> {
        parse_key(key).map(|(c, _)| c)
    }
    /// The key of chunk `chunk` of a chunked collection: `rebound.reviews.2026-03`.
    pub fn chunk_key(self, chunk: &str) -> String {
        format!("{}.{chunk}", self.key())
    }
    /// Where a damaged value of this collection is kept aside.
    pub fn damaged_key(self, now_ms: i64) -> String {
        format!("{DAMAGED_PREFIX}{}.{now_ms}", self.name())
    }
    /// Values of at least this many bytes are stored packed (chunks earlier than other values:
    /// many small ones add up).
    pub fn pack_from(self) -> usize {
        if self.row().chunked {
            CHUNK_PACK_FROM_BYTES
        } else {
            super::packing::PACK_FROM_BYTES
        }
    }
}

/// The collection a stored key holds and, for a chunk's key, the chunk (`None`: its one key).
pub fn parse_key(key: &str) -> Option<(Collection, Option<&str>)> {
    let name = key.strip_prefix(KEY_PREFIX)?;
    TABLE.iter().find_map(|r| {
        if r.name == name {
            return Some((r.collection, None));
        }
        let chunk = name.strip_prefix(r.name)?.strip_prefix('.')?;
        (r.chunked && is_month(chunk)).then_some((r.collection, Some(chunk)))
    })
}

/// Where the damaged value stored under `key` (a collection's or a chunk's) is kept aside:
/// `rebound.damaged.reviews.2026-03.<ms>`.
pub fn damaged_key_of(key: &str, now_ms: i64) -> String {
    let name = key.strip_prefix(KEY_PREFIX).unwrap_or(key);
    format!("{DAMAGED_PREFIX}{name}.{now_ms}")
}

impl Db {
    /// Every key collection `c` is stored under, with its JSON text: its one key, or one key a
    /// chunk for a chunked collection (each month that has ratings).
    pub fn stored_texts(&self, c: Collection) -> Result<Vec<(String, String)>, String> {
        let fail = |e: serde_json::Error| format!("could not encode {}: {e}", c.name());
        if !c.row().chunked {
            return Ok(vec![(c.key(), self.encode(c)?)]);
        }
        let mut out = Vec::new();
        for (month, entries) in chunks(&self.reviews) {
            let text = serde_json::to_string(&entries).map_err(fail)?;
            out.push((c.chunk_key(&month), text));
        }
        Ok(out)
    }
    /// The JSON text of chunk `chunk` of `c` (`None`: the chunk is empty, and its key goes).
    pub fn chunk_text(&self, c: Collection, chunk: &str) -> Result<Option<String>, String> {
        encode_month(&self.reviews, chunk)
            .map_err(|e| format!("could not encode {}: {e}", c.name()))
    }
}

/// How the storage meter names a stored key: the collection's title, never the key itself.
pub fn storage_label(key: &str) -> &'static str {
    // An encrypted value counts as its collection.
    let plain = super::lock::unsealed_key(key).map(|(_, k)| k);
    match Collection::from_key(plain.as_deref().unwrap_or(key)) {
        Some(c) => c.row().title,
        None if key.starts_with(DAMAGED_PREFIX) => "Kept aside (could not be read)",
        None => "Rebound's own notes",
    }
}

/// The storage meter's rows: bytes per [`storage_label`], keys with the same label added up,
/// largest first.
pub fn usage_by_label(usage: &[(String, usize)]) -> Vec<(&'static str, usize)> {
    let mut rows: Vec<(&'static str, usize)> = Vec::new();
    for (key, bytes) in usage {
        let label = storage_label(key);
        match rows.iter_mut().find(|(l, _)| *l == label) {
            Some(row) => row.1 += bytes,
            None => rows.push((label, *bytes)),
        }
    }
    crate::core::order::sort_by_key(&mut rows, |r| std::cmp::Reverse(r.1));
    rows
}

/// Why a collection's value was not fully read.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum ReadError {
    /// The text is not JSON; serde's words.
    NotJson(String),
    /// It is not a list (of records or entries).
    NotAList,
    /// The settings are not an object of named values.
    NotNamed,
    /// Entry `index` (from 0) does not read; `reason` is serde's.
    Bad { index: usize, reason: String },
    /// Record `index` has no id.
    MissingId { index: usize },
    /// Two records share this id.
    DuplicateId { id: Id },
}

/// What a lenient load kept of a collection.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Salvage {
    /// Records or entries that loaded and are in use.
    pub kept: usize,
    /// Records or entries that could not be read (still in the raw text).
    pub unreadable: usize,
    /// Set when the value as a whole could not be read (nothing of it is in use).
    pub whole: Option<ReadError>,
}

impl Salvage {
    fn whole(e: ReadError) -> Salvage {
        Salvage {
            whole: Some(e),
            ..Salvage::default()
        }
    }
}

/// What a merge did to one collection.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Merged {
    /// Records only in the incoming data, now added.
    pub added: usize,
    /// Records on both sides where the incoming one was newer and replaced the current one.
    pub updated: usize,
    /// Current records kept as they were (also those the incoming data did not have).
    pub unchanged: usize,
}

/// What folding in another tab's copy of a collection did.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Folded {
    /// Records edited here that lost to a later write in the other tab.
    pub overwritten: Vec<Id>,
    /// Whether this tab's copy now differs from what the other tab stored (so it must be
    /// written again, with both tabs' changes).
    pub differs_from_stored: bool,
    /// Whether this tab's copy changed.
    pub changed: bool,
}

/// What this tab holds of one collection that storage does not yet.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Unsaved {
    /// Records edited or created here, not yet written.
    pub touched: BTreeSet<Id>,
    /// Records deleted here, not yet written.
    pub deleted: BTreeSet<Id>,
    /// The records edited here as they were stored before the first unsaved edit (their JSON
    /// text; `None`: made here).
    pub bases: std::collections::BTreeMap<Id, Option<String>>,
}

/// The typed half of a row: one field of [`Db`] and how its data loads, merges and syncs.
/// Values are read from JSON text and written as JSON text (never through `serde_json::Value`,
/// whose reading code would be compiled again for every record type).
pub trait Data: Sync {
    /// The stored JSON text.
    fn encode(&self, db: &Db) -> Result<String, serde_json::Error>;
    /// Read stored text leniently: keep everything that reads (records with a missing or
    /// repeated id get a fresh, deterministic one).
    fn load(&self, db: &mut Db, text: &str) -> Salvage;
    /// Read a backup's text strictly: every record must read, with a unique, non-empty id.
    fn import(&self, db: &mut Db, text: &str) -> Result<(), ReadError> {
        let items: Vec<&str> = items(text)?.iter().map(|i| i.get()).collect();
        self.take(&mut Db::default(), db);
        self.import_items(db, &items, 0, &mut HashSet::new())
    }
    /// Add a run of a backup's records (or entries), strictly, the first being number `first`;
    /// `seen`: the ids read so far. The settings are read whole ([`Data::import`]).
    fn import_items(
        &self,
        db: &mut Db,
        items: &[&str],
        first: usize,
        seen: &mut HashSet<String>,
    ) -> Result<(), ReadError>;
    /// The JSON text of records (or entries) `from..to` (clamped), as a list; the settings whole.
    fn encode_range(&self, db: &Db, from: usize, to: usize) -> Result<String, serde_json::Error>;
    /// Records (or entries) held.
    fn len(&self, db: &Db) -> usize;
    /// (id, updated) of every record; empty for the log and the settings.
    fn versions<'a>(&self, db: &'a Db) -> Vec<(&'a str, Millis)>;
    /// Merge `incoming` into `db`; `None` for the settings (the current ones are kept).
    fn merge(&self, db: &mut Db, incoming: &Db) -> Option<Merged>;
    /// The JSON text of one record (`None`: no such record, or not a collection of records).
    fn record_json(&self, db: &Db, id: &str) -> Option<String>;
    /// Fold in another tab's copy (`incoming`, just stored there): see `core::sync`. `dirty`:
    /// this tab has unsaved changes to this collection; `bases`: the records it edited, as
    /// they were stored before (their JSON text; `None`: made here).
    fn fold_in(&self, db: &mut Db, incoming: &mut Db, unsaved: &Unsaved, dirty: bool) -> Folded;
    /// Move this collection from `from` into `to`.
    fn take(&self, from: &mut Db, to: &mut Db);
    /// Copy into `to` the records of `from` whose ids are in `ids` (the whole value for the
    /// log and the settings): what this tab holds that storage does not.
    fn copy_some(&self, from: &Db, ids: &BTreeSet<Id>, to: &mut Db);
    /// Whether `a` and `b` hold the same value.
    fn same(&self, a: &Db, b: &Db) -> bool;
}

/// The items of a JSON list, each as its own text; or why the text is not a list.
fn items(text: &str) -> Result<Vec<&RawValue>, ReadError> {
    serde_json::from_str::<Vec<&RawValue>>(text).map_err(|_| {
        match serde_json::from_str::<&RawValue>(text) {
            Ok(_) => ReadError::NotAList,
            Err(e) => ReadError::NotJson(e.to_string()),
        }
    })
}

/// Items `from..to` of `all`, clamped to it.
fn run<T>(all: &[T], from: usize, to: usize) -> &[T] {
    let from = from.min(all.len());
    &all[from..to.clamp(from, all.len())]
}

/// Whether a JSON text is an object (serde would read a list as a struct, field by field: a
/// record must name its fields).
fn is_object(raw: &RawValue) -> bool {
    raw.get().trim_start().starts_with('{')
}

/// A collection of records with ids.
pub struct Records<T: 'static> {
    pub field: fn(&Db) -> &Vec<T>,
    pub field_mut: fn(&mut Db) -> &mut Vec<T>,
    pub id_mut: fn(&mut T) -> &mut Id,
    /// When one record was edited in two tabs at once: merge the two field by field (`true`),
    /// or keep the later one whole.
    pub merge_fields: bool,
}

impl<T> Data for Records<T>
where
    T: Versioned + Serialize + DeserializeOwned + Default + Sync + 'static,
{
    fn encode(&self, db: &Db) -> Result<String, serde_json::Error> {
        // As a slice, like `encode_range`: one serializer compiled per record type.
        serde_json::to_string((self.field)(db).as_slice())
    }
    fn load(&self, db: &mut Db, text: &str) -> Salvage {
        // The usual case: every record reads, with unique ids.
        if let Ok(records) = serde_json::from_str::<Vec<T>>(text) {
            let mut seen = HashSet::with_capacity(records.len());
            if records
                .iter()
                .all(|r| !r.id().trim().is_empty() && seen.insert(r.id()))
            {
                let kept = records.len();
                *(self.field_mut)(db) = records;
                return Salvage {
                    kept,
                    ..Salvage::default()
                };
            }
        }
        // Otherwise record by record.
        let items = match items(text) {
            Ok(items) => items,
            Err(e) => return Salvage::whole(e),
        };
        let total = items.len();
        let mut out: Vec<T> = Vec::with_capacity(total);
        let mut seen: HashSet<String> = HashSet::with_capacity(total);
        for (index, item) in items.into_iter().enumerate() {
            if !is_object(item) {
                continue;
            }
            let Ok(mut record) = serde_json::from_str::<T>(item.get()) else {
                continue;
            };
            if record.id().trim().is_empty() || seen.contains(record.id()) {
                *(self.id_mut)(&mut record) = format!("recovered-{index}");
            }
            seen.insert(record.id().to_string());
            out.push(record);
        }
        let kept = out.len();
        *(self.field_mut)(db) = out;
        Salvage {
            kept,
            unreadable: total - kept,
            whole: None,
        }
    }
    fn import_items(
        &self,
        db: &mut Db,
        items: &[&str],
        first: usize,
        seen: &mut HashSet<String>,
    ) -> Result<(), ReadError> {
        let out = (self.field_mut)(db);
        out.reserve(items.len());
        for (index, item) in (first..).zip(items) {
            if !item.trim_start().starts_with('{') {
                return Err(ReadError::Bad {
                    index,
                    reason: super::schema::NOT_NAMED.to_string(),
                });
            }
            let record = serde_json::from_str::<T>(item).map_err(|e| ReadError::Bad {
                index,
                reason: e.to_string(),
            })?;
            if record.id().trim().is_empty() {
                return Err(ReadError::MissingId { index });
            }
            if !seen.insert(record.id().to_string()) {
                return Err(ReadError::DuplicateId {
                    id: record.id().to_string(),
                });
            }
            out.push(record);
        }
        Ok(())
    }
    fn encode_range(&self, db: &Db, from: usize, to: usize) -> Result<String, serde_json::Error> {
        serde_json::to_string(run((self.field)(db), from, to))
    }
    fn len(&self, db: &Db) -> usize {
        (self.field)(db).len()
    }
    fn versions<'a>(&self, db: &'a Db) -> Vec<(&'a str, Millis)> {
        (self.field)(db)
            .iter()
            .map(|r| (r.id(), r.updated()))
            .collect()
    }
    fn merge(&self, db: &mut Db, incoming: &Db) -> Option<Merged> {
        let current = (self.field_mut)(db);
        let before = current.len();
        let mut at: HashMap<String, usize> = HashMap::with_capacity(before);
        for (i, r) in current.iter().enumerate() {
            at.entry(r.id().to_string()).or_insert(i);
        }
        let (mut added, mut updated) = (0, 0);
        for r in (self.field)(incoming) {
            match at.get(r.id()).and_then(|&i| current.get_mut(i)) {
                Some(kept) => {
                    if r.updated() > kept.updated() {
                        *kept = r.clone();
                        updated += 1;
                    }
                }
                None => {
                    at.insert(r.id().to_string(), current.len());
                    current.push(r.clone());
                    added += 1;
                }
            }
        }
        Some(Merged {
            added,
            updated,
            unchanged: before.saturating_sub(updated),
        })
    }
    fn record_json(&self, db: &Db, id: &str) -> Option<String> {
        let record = (self.field)(db).iter().find(|r| r.id() == id)?;
        serde_json::to_string(record).ok()
    }
    fn fold_in(&self, db: &mut Db, incoming: &mut Db, unsaved: &Unsaved, _dirty: bool) -> Folded {
        let theirs = (self.field)(incoming);
        let local = (self.field_mut)(db);
        let later_whole = |mine: &T, theirs: &T| {
            if theirs.updated() > mine.updated() {
                (theirs.clone(), true)
            } else {
                (mine.clone(), false)
            }
        };
        let result = reconcile_with(
            local,
            theirs,
            &unsaved.touched,
            &unsaved.deleted,
            |mine, theirs| {
                if !self.merge_fields {
                    return later_whole(mine, theirs);
                }
                let base = unsaved.bases.get(mine.id()).cloned().flatten();
                merge_fields(base.as_deref(), mine, theirs)
                    .unwrap_or_else(|| later_whole(mine, theirs))
            },
        );
        let differs_from_stored = result.records != *theirs;
        let changed = result.records != *local;
        if changed {
            *local = result.records;
        }
        Folded {
            overwritten: result.overwritten,
            differs_from_stored,
            changed,
        }
    }
    fn take(&self, from: &mut Db, to: &mut Db) {
        *(self.field_mut)(to) = std::mem::take((self.field_mut)(from));
    }
    fn copy_some(&self, from: &Db, ids: &BTreeSet<Id>, to: &mut Db) {
        let picked = (self.field)(from)
            .iter()
            .filter(|r| ids.contains(r.id()))
            .cloned();
        (self.field_mut)(to).extend(picked);
    }
    fn same(&self, a: &Db, b: &Db) -> bool {
        (self.field)(a) == (self.field)(b)
    }
}

/// The settings: one object of named values, each brought into its allowed range.
pub struct SettingsData;

impl Data for SettingsData {
    fn encode(&self, db: &Db) -> Result<String, serde_json::Error> {
        serde_json::to_string(&db.settings)
    }
    fn load(&self, db: &mut Db, text: &str) -> Salvage {
        match decode_settings(text) {
            Ok(s) => {
                db.settings = s;
                Salvage {
                    kept: 1,
                    ..Salvage::default()
                }
            }
            Err(e) => Salvage {
                unreadable: 1,
                ..Salvage::whole(e)
            },
        }
    }
    fn import(&self, db: &mut Db, text: &str) -> Result<(), ReadError> {
        db.settings = decode_settings(text)?;
        Ok(())
    }
    fn import_items(
        &self,
        _db: &mut Db,
        _items: &[&str],
        _first: usize,
        _seen: &mut HashSet<String>,
    ) -> Result<(), ReadError> {
        Err(ReadError::NotNamed)
    }
    fn encode_range(&self, db: &Db, _from: usize, _to: usize) -> Result<String, serde_json::Error> {
        self.encode(db)
    }
    fn len(&self, _db: &Db) -> usize {
        1
    }
    fn versions<'a>(&self, _db: &'a Db) -> Vec<(&'a str, Millis)> {
        Vec::new()
    }
    fn merge(&self, _db: &mut Db, _incoming: &Db) -> Option<Merged> {
        None
    }
    fn record_json(&self, _db: &Db, _id: &str) -> Option<String> {
        None
    }
    fn fold_in(&self, db: &mut Db, incoming: &mut Db, _unsaved: &Unsaved, dirty: bool) -> Folded {
        // Unsaved settings here are written after; otherwise the other tab's are taken.
        let changed = !dirty && db.settings != incoming.settings;
        if changed {
            db.settings = std::mem::take(&mut incoming.settings);
        }
        Folded {
            overwritten: Vec::new(),
            differs_from_stored: dirty,
            changed,
        }
    }
    fn take(&self, from: &mut Db, to: &mut Db) {
        to.settings = std::mem::take(&mut from.settings);
    }
    fn copy_some(&self, from: &Db, _ids: &BTreeSet<Id>, to: &mut Db) {
        to.settings = from.settings.clone();
    }
    fn same(&self, a: &Db, b: &Db) -> bool {
        a.settings == b.settings
    }
}

/// Decode the settings object, bringing every value into its allowed range. Only an object is
/// accepted (serde would otherwise read a list as a struct, field by field).
fn decode_settings(text: &str) -> Result<Settings, ReadError> {
    let raw =
        serde_json::from_str::<&RawValue>(text).map_err(|e| ReadError::NotJson(e.to_string()))?;
    if !is_object(raw) {
        return Err(ReadError::NotNamed);
    }
    serde_json::from_str::<Settings>(raw.get())
        .map(Settings::clamped)
        .map_err(|e| ReadError::Bad {
            index: 0,
            reason: e.to_string(),
        })
}

mod log;
pub use log::{
    chunks, encode_month, fold_chunk, identity, is_month, month_of, normalize, Log, LogData,
    CHUNK_PACK_FROM_BYTES,
};

#[cfg(test)]
mod tests;
