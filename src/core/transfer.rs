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
use serde_json::Value;

use super::collections::{Kind, ReadError, Row, TABLE};
use super::model::Millis;
use super::schema::{migrate, Collection, Db, MigrateError, RawCollections, SCHEMA_VERSION};

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
/// reading the file).
pub fn export(db: &Db, exported_at: Millis) -> Result<String, String> {
    let mut compact = format!(
        "{{\"app\":\"{APP_NAME}\",\"schema\":{SCHEMA_VERSION},\"exported_at\":{exported_at},\"collections\":{{"
    );
    for (n, row) in TABLE.iter().filter(|r| r.exported).enumerate() {
        if n > 0 {
            compact.push(',');
        }
        compact.push('"');
        compact.push_str(row.name);
        compact.push_str("\":");
        let text = row
            .data
            .encode(db)
            .map_err(|e| format!("could not write the backup: {e}"))?;
        compact.push_str(&text);
    }
    compact.push_str("}}");
    Ok(pretty(&compact))
}

/// Compact JSON (as serde_json writes it: no white space outside strings) laid out as
/// `serde_json::to_string_pretty` would, two spaces an indent. One small loop instead of a
/// pretty writer compiled for every record type.
fn pretty(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.extend(std::iter::repeat_n(b' ', depth * 2));
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            i += 1;
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                out.push(b);
            }
            b'{' | b'[' => {
                let close = if b == b'{' { b'}' } else { b']' };
                out.push(b);
                if bytes.get(i + 1) == Some(&close) {
                    out.push(close);
                    i += 1;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b);
            }
            b',' => {
                out.push(b);
                newline(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(b),
        }
        i += 1;
    }
    // Only ASCII bytes were added, between whole characters: still UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
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
    if let Some((line, column)) = too_deep(text) {
        return Err(ImportError::NotJson { line, column });
    }
    let top: &RawValue = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => ImportError::Truncated,
        _ => ImportError::NotJson {
            line: e.line(),
            column: e.column(),
        },
    })?;
    let envelope = read_envelope(top)?;
    let schema_found = envelope.schema;
    let db = decode_db(envelope)?;
    Ok(ImportFile {
        schema_found,
        exported_at: envelope_exported_at(top),
        db,
    })
}

/// Where (line and column, from 1) JSON `text` nests lists and objects deeper than a backup
/// ever does (serde_json's own limit, 128), if it does: such a file is refused before anything
/// reads it.
fn too_deep(text: &str) -> Option<(usize, usize)> {
    const MAX_DEPTH: usize = 128;
    let (mut depth, mut line, mut column) = (0usize, 1usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for b in text.bytes() {
        column += 1;
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some((line, column));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'\n' => {
                line += 1;
                column = 0;
            }
            _ => {}
        }
    }
    None
}

/// The top of a backup file; each part kept as its own JSON text.
struct Envelope<'a> {
    schema: u32,
    /// The collections this build knows, by their row, as JSON text of the file's schema.
    collections: Vec<(Collection, &'a RawValue)>,
}

/// The top-level fields of a backup, each kept as JSON text (unknown ones are ignored).
#[derive(serde::Deserialize)]
struct Top<'a> {
    #[serde(borrow, default)]
    app: Option<&'a RawValue>,
    #[serde(borrow, default)]
    schema: Option<&'a RawValue>,
    #[serde(borrow, default)]
    exported_at: Option<&'a RawValue>,
    #[serde(borrow, default)]
    collections: Option<&'a RawValue>,
}

fn top(raw: &RawValue) -> Result<Top<'_>, ImportError> {
    if !raw.get().trim_start().starts_with('{') {
        return Err(ImportError::NotAnObject);
    }
    serde_json::from_str(raw.get()).map_err(|_| ImportError::NotAnObject)
}

/// When the file says it was exported (informational: a missing or odd value is `None`).
fn envelope_exported_at(raw: &RawValue) -> Option<Millis> {
    let at = top(raw).ok()?.exported_at?;
    serde_json::from_str::<Millis>(at.get()).ok()
}

/// Check the envelope and take out the collections this build knows, at the file's schema.
/// Unknown top-level fields and unknown collections are ignored.
fn read_envelope(raw: &RawValue) -> Result<Envelope<'_>, ImportError> {
    let top = top(raw)?;
    match top.app.map(|a| serde_json::from_str::<String>(a.get())) {
        Some(Ok(app)) if app == APP_NAME => {}
        Some(Ok(app)) => return Err(ImportError::WrongApp { found: Some(app) }),
        _ => return Err(ImportError::WrongApp { found: None }),
    }
    let schema = match top.schema.map(|s| serde_json::from_str::<u64>(s.get())) {
        Some(Ok(v)) => u32::try_from(v).unwrap_or(u32::MAX),
        _ => return Err(ImportError::NoSchema),
    };
    // A newer file may be shaped differently: say so before looking inside.
    if schema > SCHEMA_VERSION {
        return Err(ImportError::NewerSchema { found: schema });
    }
    let collections = top
        .collections
        .filter(|c| c.get().trim_start().starts_with('{'))
        .and_then(|c| serde_json::from_str::<HashMap<String, &RawValue>>(c.get()).ok())
        .ok_or(ImportError::NoCollections)?;
    Ok(Envelope {
        schema,
        collections: TABLE
            .iter()
            .filter(|r| r.exported)
            .filter_map(|r| collections.get(r.name).map(|v| (r.collection, *v)))
            .collect(),
    })
}

/// Decode migrated collections strictly: every record must read, with a unique, non-empty id.
/// A collection missing from the file is empty (the settings: the defaults).
fn decode_db(envelope: Envelope) -> Result<Db, ImportError> {
    // Files of an earlier schema go through the same migrations as stored data (on JSON
    // values); files of this schema are read as they are.
    let mut texts: Vec<(Collection, std::borrow::Cow<str>)> = Vec::new();
    if envelope.schema == SCHEMA_VERSION {
        for (c, raw) in envelope.collections {
            texts.push((c, raw.get().into()));
        }
    } else {
        let mut raw = RawCollections {
            schema: envelope.schema,
            ..RawCollections::default()
        };
        for (c, text) in envelope.collections {
            // Valid JSON: it came out of a parsed file.
            let value = serde_json::from_str::<Value>(text.get()).unwrap_or(Value::Null);
            raw.values.insert(c, value);
        }
        let migrated = migrate(raw).map_err(|e| match e {
            MigrateError::Newer { found } => ImportError::NewerSchema { found },
        })?;
        for (c, value) in migrated.values {
            texts.push((c, value.to_string().into()));
        }
    }
    let mut db = Db::default();
    for row in &TABLE {
        let collection = row.collection;
        let Some((_, text)) = texts.iter().find(|(c, _)| *c == collection) else {
            continue;
        };
        row.data.import(&mut db, text).map_err(|e| match e {
            // The text came out of a parsed file: it is JSON.
            ReadError::NotAList | ReadError::NotJson(_) => ImportError::NotAList { collection },
            ReadError::MissingId { index } => ImportError::MissingId { collection, index },
            ReadError::DuplicateId { id } => ImportError::DuplicateId { collection, id },
            ReadError::NotNamed if collection == Collection::Settings => ImportError::BadSettings {
                reason: super::schema::NOT_NAMED.to_string(),
            },
            ReadError::Bad { reason, .. } if collection == Collection::Settings => {
                ImportError::BadSettings {
                    reason: shorten(&reason, 200),
                }
            }
            ReadError::NotNamed => ImportError::BadRecord {
                collection,
                index: 0,
                reason: super::schema::NOT_NAMED.to_string(),
            },
            ReadError::Bad { index, reason } => ImportError::BadRecord {
                collection,
                index,
                reason: shorten(&reason, 200),
            },
        })?;
    }
    Ok(db)
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
