//! Export and import a part at a time, so that the shell can yield to input between parts (a
//! phone four times slower than a desktop core takes over half a second to write or read five
//! years of data in one go, and `serde_json` cannot pause in the middle of a value).
//!
//! - [`ExportJob`]: one part per collection (a list of records or ratings in runs of
//!   [`RECORDS_PER_PART`] / [`RATINGS_PER_PART`]), each written compact and laid out by the
//!   streaming [`Pretty`] writer, which gives the same text whatever the parts: the sliced
//!   export is byte for byte the one-shot one ([`super::export`] runs the same job in one go).
//! - [`ImportJob`]: the whole file is checked first (its nesting, its envelope, where each
//!   collection's text is), then each collection is read in runs of about [`IMPORT_PART_BYTES`]
//!   (the settings whole). Nothing is kept until [`ImportJob::finish`] hands the whole file
//!   over: a file that fails at its last part changes nothing. [`super::parse_import`] runs
//!   the same job in one go.
//! - [`progress`]: the words shown beside the progress bar.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde_json::value::RawValue;
use serde_json::Value;

use super::{shorten, ImportError, ImportFile, Top, APP_NAME, MAX_IMPORT_BYTES};
use crate::core::collections::{Kind, ReadError, TABLE};
use crate::core::model::Millis;
use crate::core::schema::{migrate, Collection, Db, MigrateError, RawCollections, SCHEMA_VERSION};

/// Records written in one part of an export.
pub const RECORDS_PER_PART: usize = 50;
/// Ratings written in one part of an export.
pub const RATINGS_PER_PART: usize = 2_000;
/// About how many bytes of a backup one part of an import reads.
pub const IMPORT_PART_BYTES: usize = 256 * 1024;

// ---------------------------------------------------------------------------------------------
// Layout

/// Compact JSON (as serde_json writes it: no white space outside strings) laid out as
/// `serde_json::to_string_pretty` would, two spaces an indent, fed in pieces cut anywhere
/// between characters: the text is the same however it is cut. One small loop instead of a
/// pretty writer compiled for every record type.
#[derive(Default)]
pub struct Pretty {
    out: Vec<u8>,
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// A `{` or `[` just written: whether it is closed at once (`[]`) is seen at the next byte.
    open: bool,
}

impl Pretty {
    pub fn push(&mut self, compact: &str) {
        self.out.reserve(compact.len() + compact.len() / 2);
        for &b in compact.as_bytes() {
            if self.in_string {
                self.out.push(b);
                if self.escaped {
                    self.escaped = false;
                } else if b == b'\\' {
                    self.escaped = true;
                } else if b == b'"' {
                    self.in_string = false;
                }
                continue;
            }
            if std::mem::take(&mut self.open) {
                if b == b'}' || b == b']' {
                    self.out.push(b);
                    continue;
                }
                self.depth += 1;
                self.newline();
            }
            match b {
                b'"' => {
                    self.in_string = true;
                    self.out.push(b);
                }
                b'{' | b'[' => {
                    self.out.push(b);
                    self.open = true;
                }
                b'}' | b']' => {
                    self.depth = self.depth.saturating_sub(1);
                    self.newline();
                    self.out.push(b);
                }
                b',' => {
                    self.out.push(b);
                    self.newline();
                }
                b':' => self.out.extend_from_slice(b": "),
                _ => self.out.push(b),
            }
        }
    }
    fn newline(&mut self) {
        self.out.push(b'\n');
        self.out.extend(std::iter::repeat_n(b' ', self.depth * 2));
    }
    /// The text laid out so far (since the last `take`); the layout goes on where it was.
    pub fn take(&mut self) -> String {
        // Only ASCII bytes were added, between whole characters: still UTF-8.
        String::from_utf8(std::mem::take(&mut self.out))
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
    pub fn finish(mut self) -> String {
        self.take()
    }
}

// ---------------------------------------------------------------------------------------------
// Export

/// One part of an export: records (or ratings) `from..to` of row `row` of the table.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Part {
    row: usize,
    from: usize,
    to: usize,
}

/// An export under way (see the module's doc).
pub struct ExportJob {
    parts: Vec<Part>,
    next: usize,
    out: Pretty,
}

impl ExportJob {
    pub fn new(db: &Db, exported_at: Millis) -> ExportJob {
        ExportJob::with_sizes(db, exported_at, RECORDS_PER_PART, RATINGS_PER_PART)
    }
    /// With `records` records and `ratings` ratings a part (tests cut smaller parts).
    pub fn with_sizes(db: &Db, exported_at: Millis, records: usize, ratings: usize) -> ExportJob {
        let mut parts = Vec::new();
        for (row, r) in TABLE.iter().enumerate().filter(|(_, r)| r.exported) {
            let (len, per) = match r.kind {
                Kind::Object => (0, 1),
                Kind::Records => (r.data.len(db), records.max(1)),
                Kind::Log => (r.data.len(db), ratings.max(1)),
            };
            let mut from = 0;
            loop {
                let to = (from + per).min(len);
                parts.push(Part { row, from, to });
                from = to;
                if from >= len {
                    break;
                }
            }
        }
        let mut out = Pretty::default();
        out.push(&format!(
            "{{\"app\":\"{APP_NAME}\",\"schema\":{SCHEMA_VERSION},\"exported_at\":{exported_at},\"collections\":{{"
        ));
        ExportJob {
            parts,
            next: 0,
            out,
        }
    }
    /// (parts written, parts in all).
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.parts.len())
    }
    pub fn is_done(&self) -> bool {
        self.next >= self.parts.len()
    }
    /// Write the next part of `db` (the same `db` the job was made for).
    pub fn step(&mut self, db: &Db) -> Result<(), String> {
        let Some(&part) = self.parts.get(self.next) else {
            return Ok(());
        };
        let row = &TABLE[part.row];
        let first_of_row = self.next == 0 || self.parts[self.next - 1].row != part.row;
        let last_of_row = self
            .parts
            .get(self.next + 1)
            .is_none_or(|p| p.row != part.row);
        let list = row.kind != Kind::Object;
        let text = row
            .data
            .encode_range(db, part.from, part.to)
            .map_err(|e| format!("could not write the backup: {e}"))?;
        let mut compact = String::with_capacity(text.len() + row.name.len() + 8);
        if first_of_row {
            if self.next > 0 {
                compact.push(',');
            }
            compact.push('"');
            compact.push_str(row.name);
            compact.push_str("\":");
            if list {
                compact.push('[');
            }
        }
        // A list's run without its brackets (serde_json writes `[a,b]`).
        let body = if list {
            text.get(1..text.len().saturating_sub(1)).unwrap_or("")
        } else {
            &text
        };
        if !first_of_row && !body.is_empty() {
            compact.push(',');
        }
        compact.push_str(body);
        if last_of_row && list {
            compact.push(']');
        }
        if self.next + 1 == self.parts.len() {
            compact.push_str("}}");
        }
        self.out.push(&compact);
        self.next += 1;
        Ok(())
    }
    /// The file's text written since the last `take` (the pieces, joined, are the file).
    pub fn take(&mut self) -> String {
        self.out.take()
    }
    /// The text of the file (call when [`ExportJob::is_done`]), less what was taken.
    pub fn finish(self) -> String {
        self.out.finish()
    }
}

// ---------------------------------------------------------------------------------------------
// Import

/// Bytes of the file whose nesting one part checks.
const NESTING_PART_BYTES: usize = 1024 * 1024;

/// How deep a backup may nest lists and objects (serde_json's own limit).
const MAX_DEPTH: usize = 128;

/// Checks that JSON text nests lists and objects no deeper than [`MAX_DEPTH`], a piece at a
/// time: a file nested deeper is refused before anything reads it.
#[derive(Default)]
struct Nesting {
    depth: usize,
    in_string: bool,
    escaped: bool,
}

impl Nesting {
    /// Scan the next piece; where (from the piece's start) it first nests too deep, if it does.
    fn scan(&mut self, piece: &[u8]) -> Option<usize> {
        for (i, &b) in piece.iter().enumerate() {
            if self.in_string {
                match b {
                    _ if self.escaped => self.escaped = false,
                    b'\\' => self.escaped = true,
                    b'"' => self.in_string = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => self.in_string = true,
                b'[' | b'{' => {
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Some(i);
                    }
                }
                b']' | b'}' => self.depth = self.depth.saturating_sub(1),
                _ => {}
            }
        }
        None
    }
}

/// The line and column (both from 1) of byte `at` of `text`.
fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..at.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    (line, column)
}

/// Where an import is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Stage {
    /// The file's nesting from byte `0` on (a file nested too deep is refused before anything
    /// reads it).
    Nesting(usize),
    /// The whole file read as JSON, and its envelope checked.
    Envelope,
    /// Where each collection's text is.
    Collections,
    /// An older file: migrated and read in one part.
    Migrate,
    /// Collection `found[i]`: its items found (the settings: read whole).
    Split(usize),
    /// Run `run` of the items of collection `found[i]`.
    Items(usize, usize),
    Done,
}

/// An import under way (see the module's doc). Holds the file's text; every other part of it
/// is kept as a byte range of that text.
pub struct ImportJob {
    text: String,
    stage: Stage,
    nesting: Nesting,
    done: usize,
    total: Option<usize>,
    schema: u32,
    exported_at: Option<Millis>,
    collections: Range<usize>,
    /// The collections this build knows that the file has, in the table's order.
    found: Vec<(Collection, Range<usize>)>,
    /// The items of the collection being read, and how many of them are read.
    items: Vec<Range<usize>>,
    read: usize,
    seen: HashSet<String>,
    db: Db,
    /// About how many bytes a part reads ([`IMPORT_PART_BYTES`]; tests cut smaller parts).
    part_bytes: usize,
}

/// Where `inner` (a part of `outer`) starts in `outer`.
fn offset(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

impl ImportJob {
    /// Start reading a file: what can be told at once (its size, whether it is text at all).
    pub fn new(bytes: Vec<u8>) -> Result<ImportJob, ImportError> {
        ImportJob::with_part_bytes(bytes, IMPORT_PART_BYTES)
    }
    /// With parts of about `part_bytes` bytes.
    pub fn with_part_bytes(
        mut bytes: Vec<u8>,
        part_bytes: usize,
    ) -> Result<ImportJob, ImportError> {
        if bytes.len() > MAX_IMPORT_BYTES {
            return Err(ImportError::TooLarge { bytes: bytes.len() });
        }
        // Some editors start a UTF-8 file with a byte order mark; it is not part of the JSON.
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        let text = String::from_utf8(bytes).map_err(|e| match e.utf8_error().error_len() {
            // The text stops in the middle of a character: the file was cut off.
            None => ImportError::Truncated,
            Some(_) => ImportError::NotText,
        })?;
        if text.trim().is_empty() {
            return Err(ImportError::Empty);
        }
        Ok(ImportJob {
            text,
            stage: Stage::Nesting(0),
            nesting: Nesting::default(),
            done: 0,
            total: None,
            schema: 0,
            exported_at: None,
            collections: 0..0,
            found: Vec::new(),
            items: Vec::new(),
            read: 0,
            seen: HashSet::new(),
            db: Db::default(),
            part_bytes: part_bytes.max(1),
        })
    }

    /// (parts read, parts in all: known once the whole file is checked).
    pub fn progress(&self) -> (usize, Option<usize>) {
        (self.done, self.total)
    }
    pub fn is_done(&self) -> bool {
        self.stage == Stage::Done
    }

    /// Read the next part. An error ends the job: the file cannot be imported.
    pub fn step(&mut self) -> Result<(), ImportError> {
        let next = match self.stage {
            Stage::Nesting(from) => {
                let to = (from + NESTING_PART_BYTES).min(self.text.len());
                if let Some(at) = self.nesting.scan(&self.text.as_bytes()[from..to]) {
                    let (line, column) = line_and_column(&self.text, from + at);
                    return Err(ImportError::NotJson { line, column });
                }
                if to < self.text.len() {
                    Stage::Nesting(to)
                } else {
                    Stage::Envelope
                }
            }
            Stage::Envelope => self.envelope()?,
            Stage::Collections => self.find_collections()?,
            Stage::Migrate => self.migrate()?,
            Stage::Split(i) => self.split(i)?,
            Stage::Items(i, run) => self.read_run(i, run)?,
            Stage::Done => Stage::Done,
        };
        if self.stage != Stage::Done {
            self.done += 1;
        }
        self.stage = next;
        Ok(())
    }

    /// The file, read and checked (call when [`ImportJob::is_done`]).
    pub fn finish(self) -> ImportFile {
        ImportFile {
            schema_found: self.schema,
            exported_at: self.exported_at,
            db: self.db,
        }
    }

    fn envelope(&mut self) -> Result<Stage, ImportError> {
        let text = &self.text;
        let syntax = |e: serde_json::Error| match e.classify() {
            serde_json::error::Category::Eof => ImportError::Truncated,
            _ => ImportError::NotJson {
                line: e.line(),
                column: e.column(),
            },
        };
        if !text.trim_start().starts_with('{') {
            serde_json::from_str::<&RawValue>(text).map_err(syntax)?;
            return Err(ImportError::NotAnObject);
        }
        let top: Top = serde_json::from_str(text).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => ImportError::NotAnObject,
            _ => syntax(e),
        })?;
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
            .ok_or(ImportError::NoCollections)?;
        self.schema = schema;
        self.exported_at = top
            .exported_at
            .and_then(|at| serde_json::from_str::<Millis>(at.get()).ok());
        let start = offset(text, collections.get());
        self.collections = start..start + collections.get().len();
        Ok(Stage::Collections)
    }

    fn find_collections(&mut self) -> Result<Stage, ImportError> {
        let text = &self.text;
        let map =
            serde_json::from_str::<HashMap<String, &RawValue>>(&text[self.collections.clone()])
                .map_err(|_| ImportError::NoCollections)?;
        self.found = TABLE
            .iter()
            .filter(|r| r.exported)
            .filter_map(|r| {
                let raw = map.get(r.name)?.get();
                let start = offset(text, raw);
                Some((r.collection, start..start + raw.len()))
            })
            .collect();
        if self.schema != SCHEMA_VERSION {
            self.total = Some(self.done + 2);
            return Ok(Stage::Migrate);
        }
        let parts: usize = self
            .found
            .iter()
            .map(|(c, range)| match c.row().kind {
                Kind::Object => 1,
                _ => 1 + self.runs(range.len()),
            })
            .sum();
        self.total = Some(self.done + 1 + parts);
        Ok(self.after(0))
    }

    /// Parts that read a list of `bytes` bytes.
    fn runs(&self, bytes: usize) -> usize {
        bytes.div_ceil(self.part_bytes).max(1)
    }

    /// The stage that reads `found[i]`, or the end.
    fn after(&self, i: usize) -> Stage {
        if i < self.found.len() {
            Stage::Split(i)
        } else {
            Stage::Done
        }
    }

    /// Files of an earlier schema go through the same migrations as stored data (on JSON
    /// values), in one part: they come from versions before the data grew large.
    fn migrate(&mut self) -> Result<Stage, ImportError> {
        let mut raw = RawCollections {
            schema: self.schema,
            ..RawCollections::default()
        };
        for (c, range) in &self.found {
            // Valid JSON: it came out of a parsed file.
            let value =
                serde_json::from_str::<Value>(&self.text[range.clone()]).unwrap_or(Value::Null);
            raw.values.insert(*c, value);
        }
        let migrated = migrate(raw).map_err(|e| match e {
            MigrateError::Newer { found } => ImportError::NewerSchema { found },
        })?;
        for row in &TABLE {
            if let Some(value) = migrated.values.get(&row.collection) {
                row.data
                    .import(&mut self.db, &value.to_string())
                    .map_err(|e| import_error(row.collection, e))?;
            }
        }
        Ok(Stage::Done)
    }

    fn split(&mut self, i: usize) -> Result<Stage, ImportError> {
        let Some((c, range)) = self.found.get(i).cloned() else {
            return Ok(Stage::Done);
        };
        let text = &self.text[range.clone()];
        if c.row().kind == Kind::Object {
            c.data()
                .import(&mut self.db, text)
                .map_err(|e| import_error(c, e))?;
            return Ok(self.after(i + 1));
        }
        // The text came out of a parsed file: it is JSON.
        let items = serde_json::from_str::<Vec<&RawValue>>(text)
            .map_err(|_| ImportError::NotAList { collection: c })?;
        self.items = items
            .iter()
            .map(|item| {
                let start = range.start + offset(text, item.get());
                start..start + item.get().len()
            })
            .collect();
        self.read = 0;
        self.seen.clear();
        Ok(Stage::Items(i, 0))
    }

    /// Run `run` of collection `found[i]`: the items that start in its `part_bytes` bytes.
    fn read_run(&mut self, i: usize, run: usize) -> Result<Stage, ImportError> {
        let Some((c, range)) = self.found.get(i).cloned() else {
            return Ok(Stage::Done);
        };
        let end = range.start + (run + 1) * self.part_bytes;
        let upto = self.read + self.items[self.read..].partition_point(|r| r.start < end);
        let items: Vec<&str> = self.items[self.read..upto]
            .iter()
            .map(|r| &self.text[r.clone()])
            .collect();
        c.data()
            .import_items(&mut self.db, &items, self.read, &mut self.seen)
            .map_err(|e| import_error(c, e))?;
        self.read = upto;
        Ok(if run + 1 < self.runs(range.len()) {
            Stage::Items(i, run + 1)
        } else {
            self.items.clear();
            self.after(i + 1)
        })
    }
}

/// Why a collection's text refuses the file.
fn import_error(collection: Collection, e: ReadError) -> ImportError {
    match e {
        // The text came out of a parsed file: it is JSON.
        ReadError::NotAList | ReadError::NotJson(_) => ImportError::NotAList { collection },
        ReadError::MissingId { index } => ImportError::MissingId { collection, index },
        ReadError::DuplicateId { id } => ImportError::DuplicateId { collection, id },
        ReadError::NotNamed if collection == Collection::Settings => ImportError::BadSettings {
            reason: crate::core::schema::NOT_NAMED.to_string(),
        },
        ReadError::Bad { reason, .. } if collection == Collection::Settings => {
            ImportError::BadSettings {
                reason: shorten(&reason, 200),
            }
        }
        ReadError::NotNamed => ImportError::BadRecord {
            collection,
            index: 0,
            reason: crate::core::schema::NOT_NAMED.to_string(),
        },
        ReadError::Bad { index, reason } => ImportError::BadRecord {
            collection,
            index,
            reason: shorten(&reason, 200),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Words

/// What a backup part at a time is doing.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Doing {
    Writing,
    Reading,
}

/// The words beside the progress bar: "Reading your backup: 3 of 9 parts" (before the number
/// of parts is known: "Reading your backup…").
pub fn progress(doing: Doing, done: usize, total: Option<usize>) -> String {
    let what = match doing {
        Doing::Writing => "Writing your backup",
        Doing::Reading => "Reading your backup",
    };
    match total {
        Some(total) => format!(
            "{what}: {} of {total} part{}",
            done.min(total),
            if total == 1 { "" } else { "s" }
        ),
        None => format!("{what}\u{2026}"),
    }
}
