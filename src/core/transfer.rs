//! Export and import: the whole of the user's data as one JSON file, and back.
//!
//! The file is an envelope around the same collections that storage keeps (see `schema`):
//!
//! ```json
//! {"app":"rebound","schema":3,"exported_at":1762100000000,
//!  "collections":{"interviews":[...],"reflections":[...],"settings":{...}}}
//! ```
//!
//! The review log is one array here, although storage keeps it one key a month (schema 3 on).
//!
//! Import is all or nothing: [`parse_import`] reads and checks the whole file before the shell
//! touches anything stored, and says in plain words what is wrong with a file it refuses.
//! Files of every earlier schema go through the same [`migrate`] as stored data. Unlike loading
//! from storage (which salvages what it can), import is strict: a record that does not read, a
//! missing or repeated id, refuses the file rather than dropping or renaming anything.
//!
//! Every collection is handled through the one table of collections (`collections::TABLE`):
//! adding a collection there adds it to backups, import, preview and merge.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use serde_json::value::RawValue;

use super::collections::{Kind, Row, TABLE};
use super::model::Millis;
use super::schema::{Collection, Db, SCHEMA_VERSION};

mod parts;
pub use parts::{
    progress, Doing, ExportJob, ImportJob, Pretty, IMPORT_PART_BYTES, RATINGS_PER_PART,
    RECORDS_PER_PART,
};

/// What the `app` field of an export says.
pub const APP_NAME: &str = "rebound";
/// The largest file [`parse_import`] reads (localStorage holds about 5 MB anyway).
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

/// How a collection is named in messages: (one record, several records).
fn record_words(c: Collection) -> (&'static str, &'static str) {
    let row = c.row();
    (row.one, row.many)
}

/// The rows of collections made of records with ids (what previews and merge reports count).
fn record_rows() -> impl Iterator<Item = &'static Row> {
    TABLE.iter().filter(|r| r.kind == Kind::Records)
}

// ---------------------------------------------------------------------------------------------
// Export

/// The whole of `db` as the text of an export file: pretty-printed JSON, each collection as its
/// row stores it (so records keep their fields in the model's order, which is kinder to anyone
/// reading the file). The same text as [`ExportJob`] writes a part at a time.
pub fn export(db: &Db, exported_at: Millis) -> Result<String, String> {
    let mut job = ExportJob::new(db, exported_at);
    while !job.is_done() {
        job.step(db)?;
    }
    Ok(job.finish())
}

/// Compact JSON laid out as `serde_json::to_string_pretty` would (see [`Pretty`]).
pub fn pretty(compact: &str) -> String {
    let mut out = Pretty::default();
    out.push(compact);
    out.finish()
}

/// The name offered for an export file: `rebound-backup-2026-11-22.json`.
pub fn export_file_name(date: NaiveDate) -> String {
    format!("rebound-backup-{}.json", super::display::iso_date(date))
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
/// the result (preview, then merge or replace). The same as [`ImportJob`] a part at a time.
pub fn parse_import(bytes: &[u8]) -> Result<ImportFile, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let mut job = ImportJob::new(bytes.to_vec())?;
    while !job.is_done() {
        job.step()?;
    }
    Ok(job.finish())
}

/// The top-level fields of a backup, each kept as JSON text (unknown ones are ignored).
#[derive(serde::Deserialize)]
pub(crate) struct Top<'a> {
    #[serde(borrow, default)]
    pub app: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub schema: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub exported_at: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub collections: Option<&'a RawValue>,
}

/// At most `max` characters of `s`, with an ellipsis when cut.
pub(crate) fn shorten(s: &str, max: usize) -> String {
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
    let collections = record_rows()
        .map(|row| {
            let current = row.data.versions(current);
            let file = row.data.versions(&file.db);
            let current_by_id: HashMap<&str, Millis> = current.iter().copied().collect();
            let mut p = CollectionPreview {
                collection: row.collection,
                in_file: file.len(),
                in_current: current.len(),
                new_in_file: 0,
                in_both: 0,
                newer_in_file: 0,
                only_in_current: 0,
            };
            let mut file_ids = BTreeSet::new();
            for (id, updated) in &file {
                file_ids.insert(*id);
                match current_by_id.get(id) {
                    Some(&mine) => {
                        p.in_both += 1;
                        if *updated > mine {
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
            p
        })
        .collect();
    ImportPreview {
        schema_found: file.schema_found,
        exported_at: file.exported_at,
        collections,
        file_newest: newest(&file.db),
        current_newest: newest(current),
        settings_differ: file.db.settings != current.settings,
    }
}

/// The latest `updated` of any record in `db`.
fn newest(db: &Db) -> Option<Millis> {
    record_rows()
        .flat_map(|row| row.data.versions(db))
        .map(|(_, updated)| updated)
        .max()
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
/// dropped. The current settings are kept; the review log becomes the union of both, in time
/// order. Current records keep their order, with incoming ones added after them in the file's
/// order. (An interview's reflection shares its id, so each collection is merged on its own.)
/// Expects unique ids in each collection, as `schema::load` and [`parse_import`] give.
pub fn merge(current: &Db, incoming: &Db) -> (Db, MergeReport) {
    let mut db = current.clone();
    let mut report = MergeReport::default();
    for row in &TABLE {
        let merged = row.data.merge(&mut db, incoming);
        if let (Some(m), Kind::Records) = (merged, row.kind) {
            report.collections.push(MergeCounts {
                collection: row.collection,
                added: m.added,
                updated: m.updated,
                unchanged: m.unchanged,
            });
        }
    }
    (db, report)
}

#[cfg(test)]
mod tests;
