//! Export and import: the whole of the user's data as one JSON file, and back.
//!
//! The file is an envelope around the same collections that storage keeps (see `schema`):
//!
//! ```json
//! {"app":"rebound","schema":2,"exported_at":1762100000000,
//!  "collections":{"interviews":[...],"reflections":[...],"settings":{...}}}
//! ```
//!
//! Import is all or nothing: [`parse_import`] reads and checks the whole file before the shell
//! touches anything stored, and says in plain words what is wrong with a file it refuses.
//! Files of every earlier schema go through the same [`migrate`] as stored data. Unlike loading
//! from storage (which salvages what it can), import is strict: a record that does not read, a
//! missing or repeated id, refuses the file rather than dropping or renaming anything.
//!
//! Record collections are handled generically through `Record` and
//! `each_record_collection`: adding one (questions, plan items, ...) takes a `Collection`
//! variant and a `Db` field in `schema`, a `Record` impl and one line in that function.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

use super::model::{Interview, Millis, Reflection, Versioned};
use super::plan::PlanItem;
use super::practice::{CardState, ReviewEntry};
use super::questions::Question;
use super::schema::{
    self, migrate, Collection, Db, MigrateError, RawCollections, NOT_NAMED, SCHEMA_VERSION,
};
use super::search::SearchVersion;

/// What the `app` field of an export says.
pub const APP_NAME: &str = "rebound";
/// The largest file [`parse_import`] reads (localStorage holds about 5 MB anyway).
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Record collections, generically

/// A collection of records with ids (every collection but the settings).
trait Record: Versioned + Serialize + DeserializeOwned {
    const COLLECTION: Collection;
    fn all(db: &Db) -> &Vec<Self>;
    fn all_mut(db: &mut Db) -> &mut Vec<Self>;
}

impl Record for Interview {
    const COLLECTION: Collection = Collection::Interviews;
    fn all(db: &Db) -> &Vec<Self> {
        &db.interviews
    }
    fn all_mut(db: &mut Db) -> &mut Vec<Self> {
        &mut db.interviews
    }
}

impl Record for Reflection {
    const COLLECTION: Collection = Collection::Reflections;
    fn all(db: &Db) -> &Vec<Self> {
        &db.reflections
    }
    fn all_mut(db: &mut Db) -> &mut Vec<Self> {
        &mut db.reflections
    }
}

impl Record for Question {
    const COLLECTION: Collection = Collection::Questions;
    fn all(db: &Db) -> &Vec<Self> {
        &db.questions
    }
    fn all_mut(db: &mut Db) -> &mut Vec<Self> {
        &mut db.questions
    }
}

impl Record for CardState {
    const COLLECTION: Collection = Collection::Cards;
    fn all(db: &Db) -> &Vec<Self> {
        &db.cards
    }
    fn all_mut(db: &mut Db) -> &mut Vec<Self> {
        &mut db.cards
    }
}

impl Record for PlanItem {
    const COLLECTION: Collection = Collection::Plan;
    fn all(db: &Db) -> &Vec<Self> {
        &db.plan
    }
    fn all_mut(db: &mut Db) -> &mut Vec<Self> {
        &mut db.plan
    }
}

impl Record for SearchVersion {
    const COLLECTION: Collection = Collection::Search;
    fn all(db: &Db) -> &Vec<Self> {
        &db.search
    }
    fn all_mut(db: &mut Db) -> &mut Vec<Self> {
        &mut db.search
    }
}

/// Something done once for each record collection, whatever its record type.
trait RecordVisitor {
    fn visit<T: Record>(&mut self);
}

/// Every record collection of [`Db`], in the order they are exported and reported. The settings
/// are the one collection that is not a list of records; they are handled beside these.
fn each_record_collection(v: &mut impl RecordVisitor) {
    v.visit::<Interview>();
    v.visit::<Reflection>();
    v.visit::<Question>();
    v.visit::<CardState>();
    v.visit::<PlanItem>();
    v.visit::<SearchVersion>();
}

/// How a collection is named in messages: (one record, several records).
fn record_words(c: Collection) -> (&'static str, &'static str) {
    match c {
        Collection::Interviews => ("interview", "interviews"),
        Collection::Reflections => ("reflection", "reflections"),
        Collection::Settings => ("setting", "settings"),
        Collection::Questions => ("question", "questions"),
        Collection::Cards => ("practice card", "practice cards"),
        Collection::Reviews => ("rating", "ratings"),
        Collection::Plan => ("plan item", "plan items"),
        Collection::Search => (
            "version of what I'm looking for",
            "versions of what I'm looking for",
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Export

/// The whole of `db` as the text of an export file (pretty-printed JSON).
pub fn export(db: &Db, exported_at: Millis) -> Result<String, String> {
    #[derive(Serialize)]
    struct Envelope<'a> {
        app: &'a str,
        schema: u32,
        exported_at: Millis,
        collections: ExportCollections<'a>,
    }
    let envelope = Envelope {
        app: APP_NAME,
        schema: SCHEMA_VERSION,
        exported_at,
        collections: ExportCollections(db),
    };
    serde_json::to_string_pretty(&envelope).map_err(|e| format!("could not write the backup: {e}"))
}

/// The name offered for an export file: `rebound-backup-2026-11-22.json`.
pub fn export_file_name(date: NaiveDate) -> String {
    format!("rebound-backup-{}.json", super::display::iso_date(date))
}

/// The `collections` object of an export, written straight from `Db` (records keep their
/// fields in the model's order, which is kinder to anyone reading the file).
struct ExportCollections<'a>(&'a Db);

impl Serialize for ExportCollections<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Entries<'a, M: SerializeMap> {
            db: &'a Db,
            map: &'a mut M,
            result: Result<(), M::Error>,
        }
        impl<M: SerializeMap> RecordVisitor for Entries<'_, M> {
            fn visit<T: Record>(&mut self) {
                if self.result.is_ok() {
                    self.result = self
                        .map
                        .serialize_entry(T::COLLECTION.name(), T::all(self.db));
                }
            }
        }
        let mut map = serializer.serialize_map(None)?;
        let mut entries = Entries {
            db: self.0,
            map: &mut map,
            result: Ok(()),
        };
        each_record_collection(&mut entries);
        entries.result?;
        map.serialize_entry(Collection::Settings.name(), &self.0.settings)?;
        map.serialize_entry(Collection::Reviews.name(), &self.0.reviews)?;
        map.end()
    }
}

// ---------------------------------------------------------------------------------------------
// Import

/// A file that read completely, brought to the current schema.
#[derive(Clone, PartialEq, Debug)]
pub struct ImportFile {
    /// The schema version the file was written in (before migration).
    pub schema_found: u32,
    /// When the file was exported, if it says (informational: a missing or odd value is `None`).
    pub exported_at: Option<Millis>,
    /// The file's data, in the current schema. Ids are unique and non-empty in each collection.
    pub db: Db,
}

/// Why a file cannot be imported. `Display` says so in plain words, ending with the fact that
/// nothing was changed.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum ImportError {
    /// Larger than [`MAX_IMPORT_BYTES`]; `bytes` is its size.
    TooLarge { bytes: usize },
    /// Nothing in it but (perhaps) white space.
    Empty,
    /// Not UTF-8 text.
    NotText,
    /// Text, but not JSON; where the reading stopped (both from 1).
    NotJson { line: usize, column: usize },
    /// JSON that ends too early: the file was cut off.
    Truncated,
    /// JSON, but not an object.
    NotAnObject,
    /// The `app` field is missing or is not `"rebound"`; `found` is what it says, if text.
    WrongApp { found: Option<String> },
    /// The `schema` field is missing or is not a whole number.
    NoSchema,
    /// Written by a newer version of Rebound.
    NewerSchema { found: u32 },
    /// The `collections` field is missing or is not an object.
    NoCollections,
    /// A record collection is not a list.
    NotAList { collection: Collection },
    /// A record that does not read. `index` counts from 0; `reason` is serde's, shortened.
    BadRecord {
        collection: Collection,
        index: usize,
        reason: String,
    },
    /// A record with an empty id. `index` counts from 0.
    MissingId {
        collection: Collection,
        index: usize,
    },
    /// Two records of one collection share an id.
    DuplicateId { collection: Collection, id: String },
    /// The settings do not read; `reason` is serde's, shortened.
    BadSettings { reason: String },
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const NOT_A_BACKUP: &str = "This file isn't a Rebound backup";
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "This file is too big to be a Rebound backup ({} MB; a backup is at most {} MB).",
                super::display::one_decimal(*bytes as f64 / (1024.0 * 1024.0)),
                MAX_IMPORT_BYTES / (1024 * 1024)
            )?,
            ImportError::Empty => write!(f, "This file is empty: there is nothing in it to import.")?,
            ImportError::NotText => write!(f, "{NOT_A_BACKUP}: it isn't a text file.")?,
            ImportError::NotJson { line, column } => write!(
                f,
                "{NOT_A_BACKUP}: it isn't readable JSON (line {line}, column {column})."
            )?,
            ImportError::Truncated => write!(
                f,
                "This backup looks cut off: it ends before it should, perhaps because a \
                 download or copy was interrupted. If you have another copy, try that one."
            )?,
            ImportError::NotAnObject => write!(
                f,
                "{NOT_A_BACKUP}: it is JSON, but not in the shape Rebound exports."
            )?,
            ImportError::WrongApp { found: Some(app) } => write!(
                f,
                "{NOT_A_BACKUP}: it says it comes from \u{201c}{}\u{201d}.",
                shorten(app, 40)
            )?,
            ImportError::WrongApp { found: None } => write!(
                f,
                "{NOT_A_BACKUP}: it doesn't say it comes from Rebound."
            )?,
            ImportError::NoSchema => write!(
                f,
                "This file doesn't say which version of Rebound made it, so it can't be read safely."
            )?,
            ImportError::NewerSchema { found } => write!(
                f,
                "This backup was made by a newer version of Rebound (format {found}; this one \
                 reads up to format {SCHEMA_VERSION}). Reload the app to update it, then try again."
            )?,
            ImportError::NoCollections => write!(
                f,
                "This file looks like a Rebound backup, but the part that holds the data is missing."
            )?,
            ImportError::NotAList { collection } => write!(
                f,
                "The {} in this backup aren't stored as a list, so they can't be read.",
                record_words(*collection).1
            )?,
            ImportError::BadRecord {
                collection,
                index,
                reason,
            } => write!(
                f,
                "{} number {} in this backup can't be read ({reason}).",
                capitalized(record_words(*collection).0),
                index.saturating_add(1)
            )?,
            ImportError::MissingId { collection, index } => write!(
                f,
                "{} number {} in this backup has no id, so it can't be matched with your data.",
                capitalized(record_words(*collection).0),
                index.saturating_add(1)
            )?,
            ImportError::DuplicateId { collection, id } => write!(
                f,
                "This backup has two {} with the same id (\u{201c}{}\u{201d}), so it can't be \
                 imported safely.",
                record_words(*collection).1,
                shorten(id, 40)
            )?,
            ImportError::BadSettings { reason } => write!(
                f,
                "The settings in this backup can't be read ({reason})."
            )?,
        }
        write!(f, " Nothing was changed.")
    }
}

impl std::error::Error for ImportError {}

/// Read and check a whole export file. Nothing is stored: the shell decides what to do with
/// the result (preview, then merge or replace).
pub fn parse_import(bytes: &[u8]) -> Result<ImportFile, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    // Some editors start a UTF-8 file with a byte order mark; it is not part of the JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| match e.error_len() {
        // The text stops in the middle of a character: the file was cut off.
        None => ImportError::Truncated,
        Some(_) => ImportError::NotText,
    })?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => ImportError::Truncated,
        _ => ImportError::NotJson {
            line: e.line(),
            column: e.column(),
        },
    })?;
    let (raw, exported_at) = read_envelope(value)?;
    let schema_found = raw.schema;
    let raw = migrate(raw).map_err(|e| match e {
        MigrateError::Newer { found } => ImportError::NewerSchema { found },
    })?;
    let db = decode_db(&raw)?;
    Ok(ImportFile {
        schema_found,
        exported_at,
        db,
    })
}

/// Check the envelope and take out the collections this build knows, at the file's schema.
/// Unknown top-level fields and unknown collections are ignored.
fn read_envelope(value: Value) -> Result<(RawCollections, Option<Millis>), ImportError> {
    let Value::Object(mut top) = value else {
        return Err(ImportError::NotAnObject);
    };
    match top.get("app") {
        Some(Value::String(app)) if app == APP_NAME => {}
        Some(Value::String(app)) => {
            return Err(ImportError::WrongApp {
                found: Some(app.clone()),
            })
        }
        _ => return Err(ImportError::WrongApp { found: None }),
    }
    let schema = match top.get("schema").and_then(Value::as_u64) {
        Some(v) => u32::try_from(v).unwrap_or(u32::MAX),
        None => return Err(ImportError::NoSchema),
    };
    // A newer file may be shaped differently: say so before looking inside.
    if schema > SCHEMA_VERSION {
        return Err(ImportError::NewerSchema { found: schema });
    }
    let exported_at = top.get("exported_at").and_then(Value::as_i64);
    let Some(Value::Object(mut collections)) = top.remove("collections") else {
        return Err(ImportError::NoCollections);
    };
    let mut raw = RawCollections {
        schema,
        ..RawCollections::default()
    };
    for c in Collection::ALL {
        if let Some(v) = collections.remove(c.name()) {
            raw.values.insert(c, v);
        }
    }
    Ok((raw, exported_at))
}

/// The review log, strictly: every entry must read (entries have no ids of their own).
fn decode_reviews(raw: &RawCollections) -> Result<Vec<ReviewEntry>, ImportError> {
    let collection = Collection::Reviews;
    let Some(value) = raw.values.get(&collection) else {
        return Ok(Vec::new());
    };
    let Some(items) = value.as_array() else {
        return Err(ImportError::NotAList { collection });
    };
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            serde_json::from_value::<ReviewEntry>(item.clone()).map_err(|e| {
                ImportError::BadRecord {
                    collection,
                    index,
                    reason: shorten(&e.to_string(), 200),
                }
            })
        })
        .collect()
}

/// Decode migrated collections strictly: every record must read, with a unique, non-empty id.
/// A collection missing from the file is empty (the settings: the defaults).
fn decode_db(raw: &RawCollections) -> Result<Db, ImportError> {
    struct Decode<'a> {
        raw: &'a RawCollections,
        db: Db,
        result: Result<(), ImportError>,
    }
    impl RecordVisitor for Decode<'_> {
        fn visit<T: Record>(&mut self) {
            if self.result.is_ok() {
                match decode_strict::<T>(self.raw) {
                    Ok(records) => *T::all_mut(&mut self.db) = records,
                    Err(e) => self.result = Err(e),
                }
            }
        }
    }
    let mut decode = Decode {
        raw,
        db: Db::default(),
        result: Ok(()),
    };
    each_record_collection(&mut decode);
    decode.result?;
    let mut db = decode.db;
    db.reviews = decode_reviews(raw)?;
    if let Some(value) = raw.values.get(&Collection::Settings) {
        db.settings =
            schema::decode_settings(value).map_err(|reason| ImportError::BadSettings {
                reason: shorten(&reason, 200),
            })?;
    }
    Ok(db)
}

fn decode_strict<T: Record>(raw: &RawCollections) -> Result<Vec<T>, ImportError> {
    let collection = T::COLLECTION;
    let Some(value) = raw.values.get(&collection) else {
        return Ok(Vec::new());
    };
    let Some(items) = value.as_array() else {
        return Err(ImportError::NotAList { collection });
    };
    let mut out = Vec::with_capacity(items.len());
    let mut seen = BTreeSet::new();
    for (index, item) in items.iter().enumerate() {
        let bad = |reason: String| ImportError::BadRecord {
            collection,
            index,
            reason,
        };
        // serde would read a list as a struct, field by field: a record must name its fields.
        if !item.is_object() {
            return Err(bad(NOT_NAMED.to_string()));
        }
        let record = T::deserialize(item).map_err(|e| bad(shorten(&e.to_string(), 200)))?;
        let id = record.id();
        if id.trim().is_empty() {
            return Err(ImportError::MissingId { collection, index });
        }
        if !seen.insert(id.to_string()) {
            return Err(ImportError::DuplicateId {
                collection,
                id: id.to_string(),
            });
        }
        out.push(record);
    }
    Ok(out)
}

/// At most `max` characters of `s`, with an ellipsis when cut.
fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}\u{2026}", &s[..cut]),
        None => s.to_string(),
    }
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// Preview

/// One record collection compared between the file and the current data.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CollectionPreview {
    pub collection: Collection,
    /// Records in the file.
    pub in_file: usize,
    /// Records in the current data.
    pub in_current: usize,
    /// Ids only in the file: merging adds these.
    pub new_in_file: usize,
    /// Ids on both sides.
    pub in_both: usize,
    /// Of `in_both`, how many the file has a newer version of: merging updates these.
    pub newer_in_file: usize,
    /// Ids only in the current data: merging keeps these, replacing removes them.
    pub only_in_current: usize,
}

/// Which side's data was edited last.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Newer {
    File,
    Current,
    /// The same newest time on both sides (or no records on either).
    Same,
}

/// What importing a file would do, for the user to see before choosing merge or replace.
#[derive(Clone, PartialEq, Debug)]
pub struct ImportPreview {
    pub schema_found: u32,
    pub exported_at: Option<Millis>,
    /// Every record collection, in a fixed order (interviews first).
    pub collections: Vec<CollectionPreview>,
    /// The latest `updated` of any record in the file.
    pub file_newest: Option<Millis>,
    /// The latest `updated` of any record in the current data.
    pub current_newest: Option<Millis>,
    /// Whether the file's settings differ from the current ones (replace would change them;
    /// merge keeps the current ones).
    pub settings_differ: bool,
}

impl ImportPreview {
    /// Which side is newer overall (a side with no records is the older one).
    pub fn newer(&self) -> Newer {
        match self.file_newest.cmp(&self.current_newest) {
            std::cmp::Ordering::Greater => Newer::File,
            std::cmp::Ordering::Less => Newer::Current,
            std::cmp::Ordering::Equal => Newer::Same,
        }
    }
    pub fn collection(&self, c: Collection) -> Option<&CollectionPreview> {
        self.collections.iter().find(|p| p.collection == c)
    }
}

pub fn preview(current: &Db, file: &ImportFile) -> ImportPreview {
    struct Compare<'a> {
        current: &'a Db,
        file: &'a Db,
        out: Vec<CollectionPreview>,
    }
    impl RecordVisitor for Compare<'_> {
        fn visit<T: Record>(&mut self) {
            let current = T::all(self.current);
            let file = T::all(self.file);
            let current_by_id: HashMap<&str, Millis> =
                current.iter().map(|r| (r.id(), r.updated())).collect();
            let mut p = CollectionPreview {
                collection: T::COLLECTION,
                in_file: file.len(),
                in_current: current.len(),
                new_in_file: 0,
                in_both: 0,
                newer_in_file: 0,
                only_in_current: 0,
            };
            let mut file_ids = BTreeSet::new();
            for r in file {
                file_ids.insert(r.id());
                match current_by_id.get(r.id()) {
                    Some(&updated) => {
                        p.in_both += 1;
                        if r.updated() > updated {
                            p.newer_in_file += 1;
                        }
                    }
                    None => p.new_in_file += 1,
                }
            }
            p.only_in_current = current_by_id
                .keys()
                .filter(|id| !file_ids.contains(*id))
                .count();
            self.out.push(p);
        }
    }
    let mut compare = Compare {
        current,
        file: &file.db,
        out: Vec::new(),
    };
    each_record_collection(&mut compare);
    ImportPreview {
        schema_found: file.schema_found,
        exported_at: file.exported_at,
        collections: compare.out,
        file_newest: newest(&file.db),
        current_newest: newest(current),
        settings_differ: file.db.settings != current.settings,
    }
}

/// The latest `updated` of any record in `db`.
fn newest(db: &Db) -> Option<Millis> {
    struct Newest<'a>(&'a Db, Option<Millis>);
    impl RecordVisitor for Newest<'_> {
        fn visit<T: Record>(&mut self) {
            let max = T::all(self.0).iter().map(Versioned::updated).max();
            self.1 = self.1.max(max);
        }
    }
    let mut n = Newest(db, None);
    each_record_collection(&mut n);
    n.1
}

// ---------------------------------------------------------------------------------------------
// Merge

/// What a merge did to one record collection.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct MergeCounts {
    pub collection: Collection,
    /// Records only in the incoming data, now added.
    pub added: usize,
    /// Records on both sides where the incoming one was newer and replaced the current one.
    pub updated: usize,
    /// Current records kept as they were (also those the incoming data did not have).
    pub unchanged: usize,
}

#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct MergeReport {
    /// Every record collection, in a fixed order (interviews first).
    pub collections: Vec<MergeCounts>,
}

impl MergeReport {
    pub fn collection(&self, c: Collection) -> Option<&MergeCounts> {
        self.collections.iter().find(|m| m.collection == c)
    }
    /// Whether the merge changed anything at all.
    pub fn changed_anything(&self) -> bool {
        self.collections
            .iter()
            .any(|m| m.added > 0 || m.updated > 0)
    }
}

/// Merge `incoming` into `current`, record by record and id by id: the record with the newer
/// `updated` wins (a tie keeps the current one); records on one side only are kept. Nothing is
/// dropped. The current settings are kept. Current records keep their order, with incoming ones
/// added after them in the file's order. (An interview's reflection shares its id, so each
/// collection is merged on its own.) Expects unique ids in each collection, as `schema::load`
/// and [`parse_import`] give.
pub fn merge(current: &Db, incoming: &Db) -> (Db, MergeReport) {
    struct Merge<'a> {
        incoming: &'a Db,
        db: Db,
        report: MergeReport,
    }
    impl RecordVisitor for Merge<'_> {
        fn visit<T: Record>(&mut self) {
            let (records, counts) = merge_records(T::all(&self.db), T::all(self.incoming));
            *T::all_mut(&mut self.db) = records;
            self.report.collections.push(counts);
        }
    }
    let mut m = Merge {
        incoming,
        db: current.clone(),
        report: MergeReport::default(),
    };
    each_record_collection(&mut m);
    // The review log: every rating on either side, once, in time order.
    let mut reviews = current.reviews.clone();
    let known: std::collections::HashSet<(&str, Millis, u8)> = current
        .reviews
        .iter()
        .map(|e| (e.id.as_str(), e.at, e.grade.key()))
        .collect();
    let added: Vec<ReviewEntry> = incoming
        .reviews
        .iter()
        .filter(|e| !known.contains(&(e.id.as_str(), e.at, e.grade.key())))
        .cloned()
        .collect();
    if !added.is_empty() {
        reviews.extend(added);
        crate::core::order::sort_by_key(&mut reviews, |e| e.at);
    }
    m.db.reviews = reviews;
    (m.db, m.report)
}

fn merge_records<T: Record>(current: &[T], incoming: &[T]) -> (Vec<T>, MergeCounts) {
    let mut out = current.to_vec();
    let mut at: HashMap<String, usize> = HashMap::with_capacity(out.len() + incoming.len());
    for (i, r) in current.iter().enumerate() {
        at.entry(r.id().to_string()).or_insert(i);
    }
    let mut counts = MergeCounts {
        collection: T::COLLECTION,
        added: 0,
        updated: 0,
        unchanged: 0,
    };
    for r in incoming {
        match at.get(r.id()).and_then(|&i| out.get_mut(i)) {
            Some(kept) => {
                if r.updated() > kept.updated() {
                    *kept = r.clone();
                    counts.updated += 1;
                }
            }
            None => {
                at.insert(r.id().to_string(), out.len());
                out.push(r.clone());
                counts.added += 1;
            }
        }
    }
    counts.unchanged = current.len().saturating_sub(counts.updated);
    (out, counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::choice::Choice;
    use crate::core::model::{MistakeNote, Mood, Outcome, RejectionReason, Settings, Stage};
    use proptest::prelude::*;
    use std::time::{Duration, Instant};

    const V1: &str = include_str!("../../tests/fixtures/export-v1.json");

    fn interview(id: &str, updated: Millis, company: &str) -> Interview {
        Interview {
            id: id.into(),
            company: company.into(),
            updated,
            ..Interview::default()
        }
    }

    fn reflection(id: &str, updated: Millis, vent: &str) -> Reflection {
        Reflection {
            id: id.into(),
            vent: vent.into(),
            updated,
            ..Reflection::default()
        }
    }

    /// Settings with this nudge threshold and the defaults for anything else (settings gain
    /// fields over time, hence the update that may cover no field).
    #[allow(clippy::needless_update)]
    fn settings(nudge_threshold: u32) -> Settings {
        Settings {
            nudge_threshold,
            ..Settings::default()
        }
    }

    fn err(text: &str) -> ImportError {
        match parse_import(text.as_bytes()) {
            Err(e) => e,
            Ok(f) => panic!("expected an error, got {f:?}"),
        }
    }

    fn envelope(collections: &str) -> String {
        format!(r#"{{"app":"rebound","schema":1,"exported_at":5,"collections":{collections}}}"#)
    }

    // --- examples -----------------------------------------------------------------------------

    #[test]
    fn every_collection_is_transferred() {
        struct Names(Vec<Collection>);
        impl RecordVisitor for Names {
            fn visit<T: Record>(&mut self) {
                self.0.push(T::COLLECTION);
            }
        }
        let mut names = Names(Vec::new());
        each_record_collection(&mut names);
        names.0.push(Collection::Settings);
        names.0.push(Collection::Reviews);
        names.0.sort();
        assert_eq!(names.0, Collection::ALL.to_vec());
    }

    #[test]
    fn export_has_the_envelope_and_a_dated_name() {
        let db = Db {
            interviews: vec![interview("a", 3, "Acme")],
            reflections: vec![reflection("a", 4, "ok")],
            settings: settings(7),
            ..Db::default()
        };
        let text = export(&db, 1_762_100_000_000).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["app"], "rebound");
        assert_eq!(v["schema"], SCHEMA_VERSION);
        assert_eq!(v["exported_at"], 1_762_100_000_000i64);
        assert_eq!(v["collections"]["interviews"][0]["company"], "Acme");
        assert_eq!(v["collections"]["reflections"][0]["vent"], "ok");
        assert_eq!(v["collections"]["settings"]["nudge_threshold"], 7);
        assert!(text.starts_with("{\n  \"app\": \"rebound\",\n  \"schema\""));
        assert_eq!(
            export_file_name(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()),
            "rebound-backup-2026-11-22.json"
        );
        let back = parse_import(text.as_bytes()).unwrap();
        assert_eq!(back.db, db);
        assert_eq!(back.exported_at, Some(1_762_100_000_000));
        assert_eq!(back.schema_found, SCHEMA_VERSION);
    }

    /// Every export format there has been imports through the migrations.
    #[test]
    fn export_fixture_of_every_version_imports() {
        let fixtures: [(u32, &str); 2] = [
            (1, V1),
            (2, include_str!("../../tests/fixtures/export-v2.json")),
        ];
        assert_eq!(
            fixtures.len() as u32,
            SCHEMA_VERSION,
            "add an export fixture for every version"
        );
        for (version, text) in fixtures {
            let file = parse_import(text.as_bytes()).unwrap();
            assert_eq!(file.schema_found, version);
            assert_eq!(file.db.interviews.len(), 3);
            assert_eq!(file.db.reflections.len(), 1);
        }
    }

    #[test]
    fn v1_fixture_imports_with_everything_in_it() {
        let file = parse_import(V1.as_bytes()).unwrap();
        assert_eq!(file.exported_at, Some(1_762_100_000_000));
        let i = &file.db.interviews[0];
        assert_eq!(i.id, "m1a2-1");
        assert_eq!(i.company, "Northwind");
        assert_eq!(i.role, "Product Designer");
        assert_eq!(i.date, NaiveDate::from_ymd_opt(2026, 10, 14));
        assert_eq!(i.stage, Stage::FinalRound);
        assert_eq!(i.outcome, Outcome::Rejected);
        assert_eq!(
            i.rejection_reasons[1],
            RejectionReason {
                extra: Default::default(),
                text: "My portfolio walkthrough ran long".into(),
                in_my_control: true
            }
        );
        assert_eq!(i.updated, 1_760_900_000_000);
        assert_eq!(file.db.interviews[2].date, None);
        let r = &file.db.reflections[0];
        assert_eq!(r.id, i.id, "the reflection belongs to the interview");
        assert_eq!(r.mood, Some(Mood::Low));
        assert_eq!(r.mistakes[0].kind, "rambling");
        assert_eq!(file.db.settings.nudge_threshold, 4);

        // The same data as the storage fixture of the same version.
        let stored: std::collections::BTreeMap<String, String> =
            serde_json::from_str(include_str!("../../tests/fixtures/storage-v1.json")).unwrap();
        assert_eq!(crate::core::schema::load(&stored).db, file.db);
    }

    #[test]
    fn plan_search_feedback_and_letters_round_trip_and_merge() {
        use crate::core::model::{FeedbackStatus, LetterKind, LetterUse, LetterVia};
        use crate::core::plan::{Action, PlanItem, Source};
        use crate::core::search::{SearchProfile, SearchVersion};
        let mut i = interview("i1", 5, "Acme");
        i.feedback.status = FeedbackStatus::Asked;
        i.feedback.asked_on = NaiveDate::from_ymd_opt(2026, 3, 1);
        i.feedback.said = "More depth & detail 🙂".into();
        i.letters.push(LetterUse {
            extra: Default::default(),
            kind: LetterKind::AskFeedback,
            on: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            via: LetterVia::MailApp,
        });
        let item = PlanItem {
            id: "p1".into(),
            skill: "System design".into(),
            sources: vec![Source {
                interview_id: Some("i1".into()),
                part: "feedback".into(),
                text: "More depth".into(),
                ..Source::default()
            }],
            actions: vec![Action {
                id: "a1".into(),
                text: "Read".into(),
                ..Action::default()
            }],
            updated: 7,
            ..PlanItem::default()
        };
        let version = SearchVersion {
            extra: Default::default(),
            id: "s1".into(),
            profile: SearchProfile {
                must_haves: vec!["Remote".into()],
                ..SearchProfile::default()
            },
            interview_id: Some("i1".into()),
            created: 9,
            updated: 9,
        };
        let db = Db {
            interviews: vec![i],
            plan: vec![item.clone()],
            search: vec![version],
            ..Db::default()
        };
        let file = parse_import(export(&db, 1).unwrap().as_bytes()).unwrap();
        assert_eq!(file.db, db);
        let p = preview(&Db::default(), &file);
        assert_eq!(p.collection(Collection::Plan).unwrap().new_in_file, 1);
        assert_eq!(p.collection(Collection::Search).unwrap().new_in_file, 1);
        let mut newer = item;
        newer.skill = "Systems design".into();
        newer.updated = 8;
        let (merged, report) = merge(
            &db,
            &Db {
                plan: vec![newer],
                ..Db::default()
            },
        );
        assert_eq!(merged.plan[0].skill, "Systems design");
        assert_eq!(report.collection(Collection::Plan).unwrap().updated, 1);
        assert_eq!(merged.search.len(), 1);
    }

    #[test]
    fn a_50_mb_file_is_refused_at_once() {
        let big = vec![b' '; 50 * 1024 * 1024];
        let start = Instant::now();
        let e = parse_import(&big).unwrap_err();
        assert!(start.elapsed() < Duration::from_millis(100));
        assert_eq!(e, ImportError::TooLarge { bytes: big.len() });
        assert!(e.to_string().contains("50.0 MB"), "{e}");
        assert!(e.to_string().contains("20 MB"), "{e}");
    }

    #[test]
    fn a_truncated_file_looks_cut_off() {
        let cut = &V1[..V1.len() / 2];
        let e = err(cut);
        assert_eq!(e, ImportError::Truncated);
        assert!(e.to_string().contains("cut off"));
        // Cut in the middle of a character.
        let text = export(
            &Db {
                interviews: vec![interview("a", 1, "\u{1F680}")],
                ..Db::default()
            },
            0,
        )
        .unwrap();
        let at = text.find('\u{1F680}').unwrap() + 2;
        assert_eq!(
            parse_import(&text.as_bytes()[..at]),
            Err(ImportError::Truncated)
        );
    }

    #[test]
    fn text_that_is_not_json_says_where() {
        let e = err("{\n  \"app\": rebound\n}");
        assert_eq!(
            e,
            ImportError::NotJson {
                line: 2,
                column: 10
            }
        );
        assert_eq!(
            e.to_string(),
            "This file isn't a Rebound backup: it isn't readable JSON (line 2, column 10). \
             Nothing was changed."
        );
        assert!(matches!(err("hello"), ImportError::NotJson { .. }));
        assert!(matches!(err("{} {}"), ImportError::NotJson { .. }));
    }

    #[test]
    fn bytes_that_are_not_text_or_nothing_at_all() {
        assert_eq!(
            parse_import(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(ImportError::NotText)
        );
        assert_eq!(parse_import(b""), Err(ImportError::Empty));
        assert_eq!(parse_import(b" \n\t"), Err(ImportError::Empty));
    }

    #[test]
    fn json_of_another_shape_is_not_a_backup() {
        assert_eq!(err("[1,2]"), ImportError::NotAnObject);
        assert_eq!(err("\"rebound\""), ImportError::NotAnObject);
        assert_eq!(
            err(r#"{"app":"other","schema":1,"collections":{}}"#),
            ImportError::WrongApp {
                found: Some("other".into())
            }
        );
        assert_eq!(
            err(r#"{"schema":1,"collections":{}}"#),
            ImportError::WrongApp { found: None }
        );
        assert_eq!(
            err(r#"{"app":"rebound","collections":{}}"#),
            ImportError::NoSchema
        );
        assert_eq!(
            err(r#"{"app":"rebound","schema":"1","collections":{}}"#),
            ImportError::NoSchema
        );
        assert_eq!(
            err(r#"{"app":"rebound","schema":-1,"collections":{}}"#),
            ImportError::NoSchema
        );
        assert_eq!(
            err(r#"{"app":"rebound","schema":1}"#),
            ImportError::NoCollections
        );
        assert_eq!(
            err(r#"{"app":"rebound","schema":1,"collections":[]}"#),
            ImportError::NoCollections
        );
        for e in [
            ImportError::NotAnObject,
            ImportError::WrongApp { found: None },
        ] {
            assert!(e
                .to_string()
                .starts_with("This file isn't a Rebound backup"));
        }
    }

    #[test]
    fn a_file_from_a_newer_version_is_refused() {
        let e = err(r#"{"app":"rebound","schema":3,"collections":"who knows"}"#);
        assert_eq!(e, ImportError::NewerSchema { found: 3 });
        assert!(e.to_string().contains("newer version of Rebound"), "{e}");
        assert_eq!(
            err(r#"{"app":"rebound","schema":99999999999,"collections":{}}"#),
            ImportError::NewerSchema { found: u32::MAX }
        );
    }

    #[test]
    fn duplicate_ids_are_named() {
        let e = err(&envelope(
            r#"{"interviews":[{"id":"a"},{"id":"b"},{"id":"a","company":"X"}]}"#,
        ));
        assert_eq!(
            e,
            ImportError::DuplicateId {
                collection: Collection::Interviews,
                id: "a".into()
            }
        );
        assert!(e
            .to_string()
            .contains("two interviews with the same id (\u{201c}a\u{201d})"));
        // An interview and its reflection share an id: that is how they belong together.
        let ok = parse_import(
            envelope(r#"{"interviews":[{"id":"a"}],"reflections":[{"id":"a"}]}"#).as_bytes(),
        )
        .unwrap();
        assert_eq!(ok.db.reflections[0].id, "a");
    }

    #[test]
    fn a_record_that_does_not_read_is_named_with_the_reason() {
        let e = err(&envelope(
            r#"{"interviews":[{"id":"a"},{"id":"b","company":["astronaut"]}]}"#,
        ));
        let ImportError::BadRecord {
            collection,
            index,
            reason,
        } = &e
        else {
            panic!("unexpected {e:?}");
        };
        assert_eq!((*collection, *index), (Collection::Interviews, 1));
        assert!(reason.contains("a string"), "{reason}");
        assert!(e
            .to_string()
            .starts_with("Interview number 2 in this backup can't be read ("));
        let e = err(&envelope(
            r#"{"reflections":[{"id":"a","updated":"yesterday"}]}"#,
        ));
        assert!(matches!(
            e,
            ImportError::BadRecord {
                collection: Collection::Reflections,
                index: 0,
                ..
            }
        ));
        // A long value in serde's reason is shortened.
        let long = "x".repeat(5000);
        let e = err(&envelope(&format!(
            r#"{{"interviews":[{{"id":"a","updated":"{long}"}}]}}"#
        )));
        assert!(e.to_string().len() < 400, "{e}");
    }

    #[test]
    fn records_need_an_id_and_collections_must_be_lists() {
        assert_eq!(
            err(&envelope(r#"{"interviews":[{"id":"a"},{"company":"X"}]}"#)),
            ImportError::MissingId {
                collection: Collection::Interviews,
                index: 1
            }
        );
        assert_eq!(
            err(&envelope(r#"{"reflections":[{"id":"  "}]}"#)),
            ImportError::MissingId {
                collection: Collection::Reflections,
                index: 0
            }
        );
        assert_eq!(
            err(&envelope(r#"{"interviews":{"id":"a"}}"#)),
            ImportError::NotAList {
                collection: Collection::Interviews
            }
        );
        assert!(matches!(
            err(&envelope(r#"{"settings":{"nudge_threshold":"lots"}}"#)),
            ImportError::BadSettings { .. }
        ));
        assert!(matches!(
            err(&envelope(r#"{"settings":null}"#)),
            ImportError::BadSettings { .. }
        ));
        assert!(matches!(
            err(&envelope(r#"{"settings":[5]}"#)),
            ImportError::BadSettings { .. }
        ));
        assert_eq!(
            err(&envelope(r#"{"interviews":[{"id":"a"},["b","Acme"]]}"#)),
            ImportError::BadRecord {
                collection: Collection::Interviews,
                index: 1,
                reason: NOT_NAMED.into()
            }
        );
    }

    #[test]
    fn markup_is_just_text_and_is_accepted() {
        let markup = "<img src=x onerror=alert(1)><script>alert('hi')</script>&amp;\"'";
        let db = Db {
            interviews: vec![Interview {
                notes: markup.into(),
                rejection_reasons: vec![RejectionReason {
                    extra: Default::default(),
                    text: markup.into(),
                    in_my_control: true,
                }],
                ..interview(markup, 1, markup)
            }],
            reflections: vec![Reflection {
                mistakes: vec![MistakeNote {
                    extra: Default::default(),
                    kind: markup.into(),
                    fix: markup.into(),
                }],
                ..reflection(markup, 2, markup)
            }],
            settings: Settings::default(),
            ..Db::default()
        };
        let file = parse_import(export(&db, 9).unwrap().as_bytes()).unwrap();
        assert_eq!(file.db, db);
        let hand_written =
            envelope(r#"{"interviews":[{"id":"x","company":"<img src=x onerror=alert(1)>"}]}"#);
        let file = parse_import(hand_written.as_bytes()).unwrap();
        assert_eq!(
            file.db.interviews[0].company,
            "<img src=x onerror=alert(1)>"
        );
    }

    #[test]
    fn unknown_fields_and_collections_are_ignored_and_missing_ones_are_empty() {
        let text = r#"{"app":"rebound","schema":1,"device":"phone","collections":{
            "interviews":[{"id":"a","company":"A","mood_ring":true}],
            "plan_items":[{"anything":1}],
            "settings":{"nudge_threshold":99,"theme":"dark"}}}"#;
        let file = parse_import(text.as_bytes()).unwrap();
        assert_eq!(file.exported_at, None);
        assert_eq!(file.db.interviews.len(), 1);
        assert!(file.db.reflections.is_empty());
        assert_eq!(file.db.settings.nudge_threshold, Settings::NUDGE_MAX);
        let file = parse_import(envelope("{}").as_bytes()).unwrap();
        assert_eq!(file.db, Db::default());
    }

    #[test]
    fn a_byte_order_mark_is_fine_and_deep_nesting_is_refused() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(V1.as_bytes());
        assert!(parse_import(&bytes).is_ok());
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(matches!(err(&deep), ImportError::NotJson { .. }));
    }

    #[test]
    fn every_message_says_nothing_was_changed() {
        let all = [
            ImportError::TooLarge { bytes: 1 },
            ImportError::Empty,
            ImportError::NotText,
            ImportError::NotJson { line: 1, column: 1 },
            ImportError::Truncated,
            ImportError::NotAnObject,
            ImportError::WrongApp { found: None },
            ImportError::WrongApp {
                found: Some("é".repeat(100)),
            },
            ImportError::NoSchema,
            ImportError::NewerSchema { found: 2 },
            ImportError::NoCollections,
            ImportError::NotAList {
                collection: Collection::Reflections,
            },
            ImportError::BadRecord {
                collection: Collection::Interviews,
                index: 0,
                reason: "r".into(),
            },
            ImportError::MissingId {
                collection: Collection::Interviews,
                index: usize::MAX,
            },
            ImportError::DuplicateId {
                collection: Collection::Reflections,
                id: "i".into(),
            },
            ImportError::BadSettings { reason: "r".into() },
        ];
        for e in all {
            let text = e.to_string();
            assert!(text.ends_with(". Nothing was changed."), "{text}");
            assert!(text.len() < 300, "{text}");
        }
    }

    #[test]
    fn merge_keeps_the_newer_record_and_the_current_settings() {
        let current = Db {
            interviews: vec![
                interview("a", 5, "current a"),
                interview("b", 5, "current b"),
                interview("c", 5, "current c"),
            ],
            reflections: vec![reflection("a", 1, "old")],
            settings: settings(2),
            ..Db::default()
        };
        let incoming = Db {
            interviews: vec![
                interview("d", 1, "file d"),
                interview("a", 6, "file a"),
                interview("b", 5, "file b (tie)"),
                interview("c", 4, "file c (older)"),
            ],
            reflections: vec![reflection("a", 2, "new"), reflection("d", 1, "d")],
            settings: settings(9),
            ..Db::default()
        };
        let file = ImportFile {
            schema_found: 1,
            exported_at: None,
            db: incoming.clone(),
        };
        let p = preview(&current, &file);
        let (merged, report) = merge(&current, &incoming);
        let companies: Vec<_> = merged
            .interviews
            .iter()
            .map(|i| i.company.as_str())
            .collect();
        assert_eq!(companies, ["file a", "current b", "current c", "file d"]);
        let vents: Vec<_> = merged.reflections.iter().map(|r| r.vent.as_str()).collect();
        assert_eq!(vents, ["new", "d"]);
        assert_eq!(merged.settings.nudge_threshold, 2);
        assert_eq!(
            report.collection(Collection::Interviews),
            Some(&MergeCounts {
                collection: Collection::Interviews,
                added: 1,
                updated: 1,
                unchanged: 2
            })
        );
        assert_eq!(
            report.collection(Collection::Reflections),
            Some(&MergeCounts {
                collection: Collection::Reflections,
                added: 1,
                updated: 1,
                unchanged: 0
            })
        );
        assert!(report.changed_anything());
        assert!(!merge(&merged, &incoming).1.changed_anything());

        assert_eq!(
            p.collection(Collection::Interviews),
            Some(&CollectionPreview {
                collection: Collection::Interviews,
                in_file: 4,
                in_current: 3,
                new_in_file: 1,
                in_both: 3,
                newer_in_file: 1,
                only_in_current: 0,
            })
        );
        assert_eq!(p.file_newest, Some(6));
        assert_eq!(p.current_newest, Some(5));
        assert_eq!(p.newer(), Newer::File);
        assert!(p.settings_differ);
        assert_eq!(p.exported_at, None);
    }

    #[test]
    fn preview_of_an_empty_side() {
        let file = parse_import(V1.as_bytes()).unwrap();
        let p = preview(&Db::default(), &file);
        assert_eq!(p.current_newest, None);
        assert_eq!(p.file_newest, Some(1_762_000_000_000));
        assert_eq!(p.newer(), Newer::File);
        let i = p.collection(Collection::Interviews).unwrap();
        assert_eq!((i.in_file, i.new_in_file, i.in_current), (3, 3, 0));
        let p = preview(&file.db, &file);
        assert_eq!(p.newer(), Newer::Same);
        assert!(!p.settings_differ);
        let p = preview(
            &file.db,
            &ImportFile {
                db: Db::default(),
                ..file.clone()
            },
        );
        assert_eq!(p.newer(), Newer::Current);
        assert_eq!(
            p.collection(Collection::Interviews)
                .unwrap()
                .only_in_current,
            3
        );
    }

    // --- strategies ---------------------------------------------------------------------------

    /// Ids drawn from a small pool so that two generated databases share some.
    const IDS: [&str; 10] = [
        "a",
        "b",
        "m1a2-1",
        "<b>x</b>",
        "ü🚀",
        "with space",
        "\"q\"\\",
        "0",
        "z-9",
        "\u{202e}rtl",
    ];

    fn text() -> BoxedStrategy<String> {
        prop_oneof![
            4 => prop::collection::vec(any::<char>(), 0..12).prop_map(|c| c.into_iter().collect()),
            1 => Just("<img src=x onerror=alert(1)>".to_string()),
            1 => Just("</script><script>alert('x')</script>".to_string()),
            1 => Just(String::new()),
        ]
        .boxed()
    }

    fn millis() -> impl Strategy<Value = Millis> {
        prop_oneof![0i64..4, any::<i64>()]
    }

    fn date() -> impl Strategy<Value = Option<NaiveDate>> {
        prop_oneof![
            1 => Just(None),
            3 => (-1_000_000i32..4_000_000).prop_map(NaiveDate::from_num_days_from_ce_opt),
        ]
    }

    fn interview_strategy() -> impl Strategy<Value = Interview> {
        (
            (text(), text(), date(), text()),
            prop::sample::select(Stage::ALL.to_vec()),
            prop::sample::select(Outcome::ALL.to_vec()),
            text(),
            prop::collection::vec(
                (text(), any::<bool>()).prop_map(|(text, in_my_control)| RejectionReason {
                    extra: Default::default(),
                    text,
                    in_my_control,
                }),
                0..3,
            ),
            (millis(), millis(), text(), date()),
        )
            .prop_map(
                |(
                    (company, role, date, interviewers),
                    stage,
                    outcome,
                    notes,
                    rejection_reasons,
                    (created, updated, said, asked_on),
                )| Interview {
                    extra: Default::default(),
                    id: String::new(),
                    company,
                    role,
                    date,
                    interviewers,
                    stage,
                    outcome,
                    notes,
                    rejection_reasons,
                    feedback: crate::core::model::Feedback {
                        said,
                        asked_on,
                        ..Default::default()
                    },
                    letters: Vec::new(),
                    created,
                    updated,
                },
            )
    }

    fn reflection_strategy() -> impl Strategy<Value = Reflection> {
        (
            (text(), text(), text(), text(), text()),
            prop::collection::vec(
                (prop_oneof![Just("rambling".to_string()), text()], text()).prop_map(
                    |(kind, fix)| MistakeNote {
                        extra: Default::default(),
                        kind,
                        fix,
                    },
                ),
                0..3,
            ),
            prop::option::of(prop::sample::select(Mood::ALL.to_vec())),
            text(),
            millis(),
            millis(),
        )
            .prop_map(
                |(
                    (went_well, fell_short, said, did_not_say, not_prepared),
                    mistakes,
                    mood,
                    vent,
                    created,
                    updated,
                )| Reflection {
                    extra: Default::default(),
                    id: String::new(),
                    went_well,
                    fell_short,
                    said,
                    did_not_say,
                    not_prepared,
                    mistakes,
                    mood,
                    vent,
                    created,
                    updated,
                },
            )
    }

    /// Records with distinct ids from [`IDS`].
    fn records<T: std::fmt::Debug>(
        record: impl Strategy<Value = T>,
        set_id: fn(&mut T, String),
    ) -> impl Strategy<Value = Vec<T>> {
        (
            prop::sample::subsequence(IDS.to_vec(), 0..=IDS.len()).prop_shuffle(),
            prop::collection::vec(record, IDS.len()),
        )
            .prop_map(move |(ids, recs)| {
                ids.into_iter()
                    .zip(recs)
                    .map(|(id, mut r)| {
                        set_id(&mut r, id.to_string());
                        r
                    })
                    .collect()
            })
    }

    fn db_strategy() -> impl Strategy<Value = Db> {
        (
            records(interview_strategy(), |i, id| i.id = id),
            records(reflection_strategy(), |r, id| r.id = id),
            Settings::NUDGE_MIN..=Settings::NUDGE_MAX,
        )
            .prop_map(|(interviews, reflections, nudge_threshold)| Db {
                interviews,
                reflections,
                settings: settings(nudge_threshold),
                ..Db::default()
            })
    }

    fn json_value() -> BoxedStrategy<Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            prop_oneof![
                text(),
                prop::sample::select(IDS.to_vec()).prop_map(String::from)
            ]
            .prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec((field_name(), inner), 0..6)
                    .prop_map(|fields| Value::Object(fields.into_iter().collect())),
            ]
        })
        .boxed()
    }

    /// Field names that a record or envelope could have, and some it could not.
    fn field_name() -> BoxedStrategy<String> {
        prop_oneof![
            3 => prop::sample::select(vec![
                "id", "company", "role", "date", "stage", "outcome", "notes",
                "rejection_reasons", "text", "in_my_control", "created", "updated", "mistakes",
                "kind", "fix", "mood", "vent", "nudge_threshold", "app", "schema",
                "collections", "interviews", "reflections", "settings",
            ])
            .prop_map(String::from),
            1 => text(),
        ]
        .boxed()
    }

    /// A real record as JSON, then perhaps with fields removed, set to anything, or added.
    fn near_record() -> BoxedStrategy<Value> {
        let real = prop_oneof![
            interview_strategy().prop_map(|i| serde_json::to_value(i).unwrap()),
            reflection_strategy().prop_map(|r| serde_json::to_value(r).unwrap()),
        ];
        let edits = prop::collection::vec((field_name(), prop::option::of(json_value())), 0..3);
        (real, prop::sample::select(IDS.to_vec()), edits)
            .prop_map(|(mut value, id, edits)| {
                if let Value::Object(fields) = &mut value {
                    fields.insert("id".into(), id.into());
                    for (field, edit) in edits {
                        match edit {
                            Some(v) => fields.insert(field, v),
                            None => fields.remove(&field),
                        };
                    }
                }
                value
            })
            .boxed()
    }

    /// Values shaped almost like a real export: the right envelope around collections of
    /// nearly right records, and sometimes anything at all in any place.
    fn near_export() -> impl Strategy<Value = Value> {
        let records = prop_oneof![
            6 => prop::collection::vec(near_record(), 0..4).prop_map(Value::Array),
            1 => near_record(),
            1 => json_value(),
        ];
        let settings = prop_oneof![
            4 => (0u32..30).prop_map(|n| serde_json::json!({ "nudge_threshold": n })),
            1 => json_value(),
        ];
        (
            prop_oneof![8 => Just(Value::from("rebound")), 1 => json_value()],
            prop_oneof![
                8 => (0..=u64::from(SCHEMA_VERSION)).prop_map(Value::from),
                1 => (0u64..5).prop_map(Value::from),
                1 => json_value(),
            ],
            prop::option::of(json_value()),
            (
                prop::option::of(records.clone()),
                prop::option::of(records),
                prop::option::of(settings),
                prop::collection::vec((text(), json_value()), 0..2),
            ),
        )
            .prop_map(
                |(app, schema, exported_at, (interviews, reflections, settings, other))| {
                    let mut collections: serde_json::Map<String, Value> =
                        other.into_iter().collect();
                    for (name, value) in [
                        ("interviews", interviews),
                        ("reflections", reflections),
                        ("settings", settings),
                    ] {
                        if let Some(value) = value {
                            collections.insert(name.into(), value);
                        }
                    }
                    let mut top = serde_json::Map::new();
                    top.insert("app".into(), app);
                    top.insert("schema".into(), schema);
                    if let Some(at) = exported_at {
                        top.insert("exported_at".into(), at);
                    }
                    top.insert("collections".into(), Value::Object(collections));
                    Value::Object(top)
                },
            )
    }

    /// What an accepted file must satisfy.
    fn check_accepted(file: &ImportFile) {
        for list in [
            file.db
                .interviews
                .iter()
                .map(|i| i.id.as_str())
                .collect::<Vec<_>>(),
            file.db.reflections.iter().map(|r| r.id.as_str()).collect(),
        ] {
            let unique: BTreeSet<_> = list.iter().collect();
            assert_eq!(unique.len(), list.len());
            assert!(list.iter().all(|id| !id.trim().is_empty()));
        }
        assert_eq!(file.db.settings.clone().clamped(), file.db.settings);
        assert!(file.schema_found <= SCHEMA_VERSION);
    }

    fn ids<T: Record>(db: &Db) -> BTreeSet<String> {
        T::all(db).iter().map(|r| r.id().to_string()).collect()
    }

    // --- properties ---------------------------------------------------------------------------

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        #[test]
        fn prop_any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
            if let Ok(file) = parse_import(&bytes) {
                check_accepted(&file);
            }
        }

    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn prop_damaged_exports_never_panic(
            db in db_strategy(),
            edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
            cut in any::<prop::sample::Index>(),
        ) {
            let mut bytes = export(&db, 1).unwrap().into_bytes();
            let len = bytes.len();
            let prefix = cut.index(len);
            prop_assert!(parse_import(&bytes[..prefix]).is_err(), "a cut file is refused");
            for (at, byte) in edits {
                bytes[at.index(len)] = byte;
            }
            if let Ok(file) = parse_import(&bytes) {
                check_accepted(&file);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn prop_any_json_value_never_panics(value in json_value()) {
            let bytes = serde_json::to_vec(&value).unwrap();
            prop_assert!(parse_import(&bytes).is_err() || value.get("app") == Some(&Value::from("rebound")));
        }

    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn prop_near_exports_never_panic(value in near_export()) {
            let bytes = serde_json::to_vec(&value).unwrap();
            match parse_import(&bytes) {
                Ok(file) => {
                    check_accepted(&file);
                    // What was accepted is exported and imported again unchanged.
                    let again = parse_import(export(&file.db, 0).unwrap().as_bytes()).unwrap();
                    prop_assert_eq!(again.db, file.db);
                }
                Err(e) => prop_assert!(e.to_string().ends_with("Nothing was changed.")),
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn prop_export_then_import_is_the_identity(db in db_strategy(), at in any::<i64>()) {
            let text = export(&db, at).unwrap();
            let file = parse_import(text.as_bytes()).unwrap();
            prop_assert_eq!(&file.db, &db);
            prop_assert_eq!(file.exported_at, Some(at));
            prop_assert_eq!(file.schema_found, SCHEMA_VERSION);
            // And the file says the same thing when exported again.
            prop_assert_eq!(export(&file.db, at).unwrap(), text);
        }

        #[test]
        fn prop_migrating_twice_is_migrating_once(
            value in prop_oneof![
                db_strategy().prop_map(|db| serde_json::from_str(&export(&db, 0).unwrap()).unwrap()),
                near_export(),
            ],
        ) {
            if let Ok((raw, _)) = read_envelope(value) {
                if let Ok(once) = migrate(raw) {
                    prop_assert_eq!(migrate(once.clone()).unwrap(), once);
                }
            }
        }

        #[test]
        fn prop_merge_with_itself_changes_nothing(a in db_strategy()) {
            let (merged, report) = merge(&a, &a);
            prop_assert_eq!(&merged, &a);
            prop_assert!(!report.changed_anything());
        }

        #[test]
        fn prop_merge_is_idempotent(a in db_strategy(), b in db_strategy()) {
            let (once, _) = merge(&a, &b);
            let (twice, report) = merge(&once, &b);
            prop_assert_eq!(&twice, &once);
            prop_assert!(!report.changed_anything());
        }

        #[test]
        fn prop_merge_drops_nothing_and_reports_what_it_did(a in db_strategy(), b in db_strategy()) {
            let (merged, report) = merge(&a, &b);
            prop_assert_eq!(&merged.settings, &a.settings);
            let file = ImportFile { schema_found: 1, exported_at: None, db: b.clone() };
            let p = preview(&a, &file);
            prop_assert_eq!(p.newer() == Newer::File, newest(&b) > newest(&a));

            struct Check<'a> { a: &'a Db, b: &'a Db, merged: &'a Db, report: &'a MergeReport, p: &'a ImportPreview, ok: bool }
            impl RecordVisitor for Check<'_> {
                fn visit<T: Record>(&mut self) {
                    let c = T::COLLECTION;
                    let union: BTreeSet<String> = ids::<T>(self.a).union(&ids::<T>(self.b)).cloned().collect();
                    let m = T::all(self.merged);
                    let counts = self.report.collection(c).cloned();
                    let p = self.p.collection(c).cloned();
                    let newest_wins = m.iter().all(|r| {
                        let in_a = T::all(self.a).iter().find(|x| x.id() == r.id());
                        let in_b = T::all(self.b).iter().find(|x| x.id() == r.id());
                        match (in_a, in_b) {
                            (Some(x), Some(y)) => r == (if y.updated() > x.updated() { y } else { x }),
                            (Some(x), None) => r == x,
                            (None, Some(y)) => r == y,
                            (None, None) => false,
                        }
                    });
                    self.ok &= ids::<T>(self.merged) == union
                        && m.len() == union.len()
                        && newest_wins
                        && counts.as_ref().is_some_and(|k| {
                            k.added + k.unchanged + k.updated == m.len()
                                && p.as_ref().is_some_and(|p| {
                                    p.new_in_file == k.added
                                        && p.newer_in_file == k.updated
                                        && p.in_both + p.only_in_current == p.in_current
                                        && p.in_both + p.new_in_file == p.in_file
                                })
                        });
                }
            }
            let mut check = Check { a: &a, b: &b, merged: &merged, report: &report, p: &p, ok: true };
            each_record_collection(&mut check);
            prop_assert!(check.ok);
        }
    }
}
