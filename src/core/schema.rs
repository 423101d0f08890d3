//! How the data is laid out in storage, its schema version, migrations, and loading with salvage.
//!
//! Storage is a flat map of string keys to JSON text (localStorage in the browser). Each
//! collection lives under its own key so that an edit writes one collection, not the world:
//!
//! | key                         | value                              |
//! |-----------------------------|------------------------------------|
//! | `rebound.schema`            | the schema version, e.g. `2`       |
//! | `rebound.interviews`        | JSON array of `Interview`          |
//! | `rebound.reflections`       | JSON array of `Reflection`         |
//! | `rebound.settings`          | JSON object `Settings`             |
//! | `rebound.questions`         | JSON array of `Question` (added or changed ones) |
//! | `rebound.cards`             | JSON array of `CardState` (the FSRS schedule) |
//! | `rebound.reviews.YYYY-MM`   | JSON array of `[question id, ms, grade, ...]`, the ratings of one month (schema 3 on; see `collections/log.rs`) |
//! | `rebound.reviews`           | the same for every month: schema 1 and 2, and during the migration to 3 |
//! | `rebound.plan`              | JSON array of `PlanItem`           |
//! | `rebound.search`            | JSON array of `SearchVersion` (what I'm looking for, dated) |
//! | `rebound.damaged.<c>.<ms>`  | raw text of a value that did not load, kept for export |
//!
//! Values of 32 KiB or more (chunks: 4 KiB) are stored packed (see `packing`; schema 2 on). The
//! storage module unpacks them before this module sees them, so everything here works on JSON
//! text.
//!
//! Schema 3 stores the review log one key a month. Its migration is safe to stop at any point:
//! the shell checks there is room, writes the chunks, then the schema key, and only then removes
//! the one-key log; a loader that finds both reads them as one log (a union by identity), so
//! every state in between loads complete.
//!
//! Loading never fails: what parses is kept, record by record; what does not is reported as a
//! [`Problem`] carrying the raw text, so the shell can set it aside before anything overwrites it.

use std::collections::BTreeMap;

use serde_json::Value;

pub use super::collections::{Collection, Db, Kind, ReadError, DAMAGED_PREFIX, KEY_PREFIX, TABLE};

/// The schema this build reads and writes. Bump it with a migration step in [`migrate`] and a
/// fixture `tests/fixtures/storage-v<N>.json` of the old version.
pub const SCHEMA_VERSION: u32 = 3;
pub const SCHEMA_KEY: &str = "rebound.schema";

/// Something that did not load as it should. Nothing is dropped without one of these.
#[derive(Clone, PartialEq, Debug)]
pub enum Problem {
    /// A collection's stored text did not fully load. `raw` is the exact stored text.
    Damaged {
        collection: Collection,
        /// The key it is stored under (a chunk's key for one chunk of the log).
        key: String,
        raw: String,
        /// What was wrong, in plain words.
        reason: String,
        /// Records that loaded and are in use.
        kept: usize,
        /// Records that could not be read (they are still in `raw`).
        unreadable: usize,
    },
    /// The data was written by a newer build: load what we can but write nothing.
    NewerSchema { found: u32 },
    /// The schema key itself is not a number; the data is read as the oldest version.
    BadSchemaKey { raw: String },
}

/// The result of loading: the usable data plus everything that needs the user's attention.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Loaded {
    pub db: Db,
    pub problems: Vec<Problem>,
    /// The version found in storage (`None`: a fresh start).
    pub stored_schema: Option<u32>,
    /// True when the stored data must not be overwritten (written by a newer build).
    pub read_only: bool,
    /// A chunked collection is still (also) stored under its one key: the migration to schema
    /// 3 has not finished.
    pub unchunked: bool,
}

impl Loaded {
    /// Whether storage should be rewritten in the current schema right after loading.
    pub fn needs_upgrade(&self) -> bool {
        !self.read_only
            && (self.unchunked || matches!(self.stored_schema, Some(v) if v < SCHEMA_VERSION))
    }
}

/// Why a set of collections could not be brought to the current schema.
#[derive(Clone, PartialEq, Debug)]
pub enum MigrateError {
    Newer { found: u32 },
}

impl std::fmt::Display for MigrateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MigrateError::Newer { found } => write!(
                f,
                "this data is from a newer version of Rebound (format {found}; this one reads up to {SCHEMA_VERSION})"
            ),
        }
    }
}

/// Collections as JSON values at a given schema version: the shape migrations work on, shared
/// by loading from storage and importing a file.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct RawCollections {
    pub schema: u32,
    pub values: BTreeMap<Collection, Value>,
}

/// Bring collections up to [`SCHEMA_VERSION`], one step at a time. Every step is idempotent, so
/// migrating twice (say, after an interrupted write) gives the same result as once.
pub fn migrate(mut raw: RawCollections) -> Result<RawCollections, MigrateError> {
    if raw.schema > SCHEMA_VERSION {
        return Err(MigrateError::Newer { found: raw.schema });
    }
    raw.schema = raw.schema.max(1);
    // 1 -> 2: the JSON of every collection is unchanged; version 2 means large values may be
    // stored packed (`packing`, undone by the storage module before anything here sees them).
    // The new number keeps an older build, which cannot unpack, from ever writing over them.
    if raw.schema == 1 {
        raw.schema = 2;
    }
    // 2 -> 3: the JSON is unchanged again; version 3 stores the review log one key a month
    // (`collections/log.rs`), which an older build would not read.
    if raw.schema == 2 {
        raw.schema = 3;
    }
    Ok(raw)
}

/// The schema version stored under [`SCHEMA_KEY`], if it reads as one.
pub fn stored_version(text: &str) -> Option<u32> {
    text.trim().parse::<u32>().ok()
}

/// Load from the stored key/value map (every key that starts with [`KEY_PREFIX`]).
pub fn load(stored: &BTreeMap<String, String>) -> Loaded {
    let mut loaded = load_deferring_log(stored, false);
    // Eager: the log is read now, and what did not read is reported with the rest.
    loaded.problems.extend(loaded.db.reviews.take_problems());
    loaded
}

/// [`load`], except that with `defer`, the review log's chunks (stored text, packed or not)
/// are left unread in the `Db` until something reads the log (see `collections::Log`), unless
/// the log is also stored under its one key (a move to chunks not finished), which is read now.
/// What does not read in them is then reported by `Log::take_problems`, not in `problems`.
pub fn load_deferring_log(stored: &BTreeMap<String, String>, defer: bool) -> Loaded {
    let mut problems = Vec::new();
    let has_data = stored
        .keys()
        .any(|k| super::collections::parse_key(k).is_some());
    let stored_schema = match stored.get(SCHEMA_KEY) {
        Some(text) => match stored_version(text) {
            Some(v) => Some(v),
            None => {
                problems.push(Problem::BadSchemaKey { raw: text.clone() });
                Some(1)
            }
        },
        None if has_data => Some(1),
        None => None,
    };
    let current = stored_schema.is_none_or(|v| v == SCHEMA_VERSION);

    // Text in the current schema is read as it is. Text of an older schema goes through the
    // migrations (on JSON values) first; text of a newer one is read as it is, leniently, and
    // never written over. Chunks exist from schema 3 on: they are read as they are, whatever
    // the schema key says (a migration stopped before writing it).
    let mut texts: Vec<(Collection, &str, std::borrow::Cow<str>)> = Vec::new();
    let mut read_only = false;
    if current {
        for row in &TABLE {
            if let Some((key, text)) = stored.get_key_value(&row.collection.key()) {
                texts.push((row.collection, key, text.into()));
            }
        }
    } else {
        let mut raw = RawCollections {
            schema: stored_schema.unwrap_or(SCHEMA_VERSION),
            values: BTreeMap::new(),
        };
        for row in &TABLE {
            let c = row.collection;
            let Some((key, text)) = stored.get_key_value(&c.key()) else {
                continue;
            };
            match serde_json::from_str::<Value>(text) {
                Ok(v) => {
                    raw.values.insert(c, v);
                }
                // Not JSON at all: reported below, as it is.
                Err(_) => texts.push((c, key, text.into())),
            }
        }
        let raw = match migrate(raw.clone()) {
            Ok(m) => m,
            Err(MigrateError::Newer { found }) => {
                problems.push(Problem::NewerSchema { found });
                read_only = true;
                raw
            }
        };
        for (c, value) in raw.values {
            let key = stored
                .get_key_value(&c.key())
                .map(|(k, _)| k.as_str())
                .unwrap_or_default();
            texts.push((c, key, value.to_string().into()));
        }
    }
    let unchunked = texts.iter().any(|(c, _, _)| c.row().chunked);
    let defer = defer && !unchunked;
    let mut unread = Vec::new();
    for (key, text) in stored {
        if let Some((c, Some(_))) = super::collections::parse_key(key) {
            if defer {
                unread.push((key.clone(), text.clone()));
            } else {
                texts.push((c, key, text.into()));
            }
        }
    }

    let mut db = Db::default();
    for (c, key, text) in texts {
        let raw = stored.get(key).map(String::as_str).unwrap_or_default();
        problems.extend(read_text(&mut db, c, key, &text, raw));
    }
    if defer {
        db.reviews = super::collections::Log::unread(unread);
    } else {
        super::collections::normalize(&mut db.reviews);
    }
    Loaded {
        db,
        problems,
        stored_schema,
        read_only,
        unchunked,
    }
}

/// Read `text`, stored under `key` as `raw`, into collection `c` of `db`: `None` when all of it
/// read, else what did not, in plain words.
pub fn read_text(db: &mut Db, c: Collection, key: &str, text: &str, raw: &str) -> Option<Problem> {
    let row = c.row();
    let salvage = row.data.load(db, text);
    let chunk = super::collections::parse_key(key).and_then(|(_, chunk)| chunk);
    let reason = match (&salvage.whole, row.kind) {
        (None, _) if salvage.unreadable == 0 => return None,
        (None, kind) => {
            let what = if kind == Kind::Log {
                "entries"
            } else {
                "records"
            };
            format!(
                "{} of {} {what} could not be read",
                salvage.unreadable,
                salvage.kept + salvage.unreadable
            )
        }
        (Some(ReadError::NotJson(e)), _) => format!("it is not valid JSON ({e})"),
        (Some(ReadError::NotAList), Kind::Log) => "it is not a list".to_string(),
        (Some(ReadError::NotAList), _) => "it is not a list of records".to_string(),
        (Some(ReadError::Bad { reason, .. }), Kind::Object) => {
            format!("the settings could not be read ({reason})")
        }
        (Some(_), Kind::Object) => format!("the settings could not be read ({NOT_NAMED})"),
        (Some(e), _) => format!("it could not be read ({e:?})"),
    };
    let reason = match chunk {
        Some(month) => format!("in the part kept for {month}, {reason}"),
        None => reason,
    };
    Some(Problem::Damaged {
        collection: c,
        key: key.to_string(),
        raw: raw.to_string(),
        reason,
        kept: salvage.kept,
        unreadable: salvage.unreadable.max(1),
    })
}

/// What the user is told when there is no room to bring the stored data to this schema
/// (`needed_bytes`: what the move needs). Nothing was changed when this is said.
pub fn no_room_words(needed_bytes: usize) -> String {
    let kb = needed_bytes.div_ceil(1000).max(1);
    let size = if kb < 1000 {
        format!("{kb} KB")
    } else {
        format!("{} MB", super::display::one_decimal(kb as f64 / 1000.0))
    };
    format!(
        "This version of Rebound keeps your practice history in a faster way, and moving it \
         needs about {size} of free space in this browser, which isn't there right now. Nothing \
         was changed and nothing is lost: all your data is here. Until there is room, changes in \
         this window won't be saved (you can copy them below). To make room, download a backup \
         and remove data kept aside in Settings, or free space in the browser, then reload."
    )
}

/// Why a value that should be an object of named fields is not one.
pub const NOT_NAMED: &str = "it is not a set of named values";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Outcome, Settings, Stage};

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// Every fixture of an earlier (or the current) schema loads through the migrations.
    #[test]
    fn fixture_of_every_version_loads() {
        let fixtures: [(u32, &str); 3] = [
            (1, include_str!("../../tests/fixtures/storage-v1.json")),
            (2, include_str!("../../tests/fixtures/storage-v2.json")),
            (3, include_str!("../../tests/fixtures/storage-v3.json")),
        ];
        assert_eq!(
            fixtures.len() as u32,
            SCHEMA_VERSION,
            "add a fixture for every version"
        );
        for (version, text) in fixtures {
            let stored: BTreeMap<String, String> = serde_json::from_str(text).unwrap();
            let loaded = load(&stored);
            assert_eq!(loaded.problems, vec![], "v{version} fixture loads cleanly");
            assert_eq!(loaded.stored_schema, Some(version));
            assert_eq!(loaded.db.interviews.len(), 3);
            let i = &loaded.db.interviews[0];
            assert_eq!(i.company, "Northwind");
            assert_eq!(i.stage, Stage::FinalRound);
            assert_eq!(i.outcome, Outcome::Rejected);
            assert_eq!(i.rejection_reasons.len(), 2);
            assert_eq!(loaded.db.reflections.len(), 1);
            assert_eq!(loaded.db.reflections[0].mistakes.len(), 2);
            assert_eq!(loaded.db.settings.nudge_threshold, 4);
            // Writing back and loading again changes nothing.
            let mut again = BTreeMap::new();
            again.insert(SCHEMA_KEY.to_string(), SCHEMA_VERSION.to_string());
            for c in Collection::all() {
                again.extend(loaded.db.stored_texts(c).unwrap());
            }
            assert_eq!(load(&again).db, loaded.db);
        }
    }

    #[test]
    fn empty_storage_is_a_fresh_start() {
        let loaded = load(&BTreeMap::new());
        assert_eq!(loaded.stored_schema, None);
        assert!(loaded.problems.is_empty());
        assert!(!loaded.needs_upgrade());
        assert_eq!(loaded.db, Db::default());
    }

    #[test]
    fn text_that_is_not_json_is_reported_with_its_raw_text() {
        let stored = map(&[
            ("rebound.schema", "1"),
            ("rebound.interviews", "{not json"),
            ("rebound.settings", r#"{"nudge_threshold":5}"#),
        ]);
        let loaded = load(&stored);
        assert_eq!(
            loaded.db.settings.nudge_threshold, 5,
            "the rest still loads"
        );
        assert!(loaded.db.interviews.is_empty());
        match &loaded.problems[..] {
            [Problem::Damaged {
                collection: Collection::Interviews,
                raw,
                kept: 0,
                ..
            }] => assert_eq!(raw, "{not json"),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn readable_records_are_salvaged_one_by_one() {
        let stored = map(&[(
            "rebound.interviews",
            r#"[{"id":"a","company":"A"},{"id":"b","stage":["astronaut"]},{"id":"c","company":"C"}]"#,
        )]);
        let loaded = load(&stored);
        let names: Vec<_> = loaded
            .db
            .interviews
            .iter()
            .map(|i| i.company.as_str())
            .collect();
        assert_eq!(names, ["A", "C"]);
        assert!(matches!(
            loaded.problems[..],
            [Problem::Damaged {
                kept: 2,
                unreadable: 1,
                ..
            }]
        ));
        assert_eq!(
            loaded.stored_schema,
            Some(1),
            "data without a schema key is version 1"
        );
    }

    #[test]
    fn a_damaged_stage_history_is_kept_aside_like_any_damaged_record() {
        let stored = map(&[(
            "rebound.interviews",
            r#"[{"id":"a","company":"A","stages":"garbage"},
                {"id":"b","company":"B","stages":[{"stage":"screening","on":"not a day"}]},
                {"id":"c","company":"C","stages":[{"stage":"screening","on":"2026-03-05"}]}]"#,
        )]);
        let loaded = load(&stored);
        let names: Vec<&str> = loaded
            .db
            .interviews
            .iter()
            .map(|i| i.company.as_str())
            .collect();
        // Every readable record loads; one that cannot be read is kept aside, said, not lost.
        // Like any record that cannot be read, the two with a damaged history are kept aside
        // as they were, and said so; the rest load.
        assert_eq!(names, ["C"]);
        assert!(matches!(
            loaded.problems[..],
            [Problem::Damaged {
                kept: 1,
                unreadable: 2,
                ..
            }]
        ));
        assert_eq!(loaded.db.interviews[0].stage_path().len(), 2);
    }

    #[test]
    fn a_non_list_is_damaged_and_wrong_settings_fall_back() {
        let stored = map(&[
            ("rebound.reflections", r#"{"id":"x"}"#),
            ("rebound.settings", r#"[1,2]"#),
        ]);
        let loaded = load(&stored);
        assert_eq!(loaded.problems.len(), 2);
        assert_eq!(loaded.db.settings, Settings::default());
    }

    #[test]
    fn duplicate_and_missing_ids_are_kept_under_new_ids() {
        let stored = map(&[(
            "rebound.interviews",
            r#"[{"id":"a"},{"id":"a"},{"company":"no id"}]"#,
        )]);
        let loaded = load(&stored);
        let ids: Vec<_> = loaded.db.interviews.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["a", "recovered-1", "recovered-2"]);
    }

    #[test]
    fn newer_schema_is_read_only() {
        let stored = map(&[
            ("rebound.schema", "99"),
            (
                "rebound.interviews",
                r#"[{"id":"a","company":"A","new_thing":[1]}]"#,
            ),
        ]);
        let loaded = load(&stored);
        assert!(loaded.read_only);
        assert!(!loaded.needs_upgrade());
        assert_eq!(loaded.db.interviews.len(), 1);
        assert!(loaded
            .problems
            .contains(&Problem::NewerSchema { found: 99 }));
    }

    #[test]
    fn garbage_schema_key_is_reported_and_read_as_v1() {
        let stored = map(&[("rebound.schema", "banana"), ("rebound.interviews", "[]")]);
        let loaded = load(&stored);
        assert_eq!(loaded.stored_schema, Some(1));
        assert!(matches!(&loaded.problems[..], [Problem::BadSchemaKey { raw }] if raw == "banana"));
    }

    #[test]
    fn migrating_twice_is_migrating_once() {
        let raw = RawCollections {
            schema: 1,
            values: BTreeMap::from([(Collection::Interviews, serde_json::json!([{"id":"a"}]))]),
        };
        let once = migrate(raw).unwrap();
        assert_eq!(migrate(once.clone()).unwrap(), once);
        assert_eq!(
            migrate(RawCollections {
                schema: 7,
                values: BTreeMap::new()
            }),
            Err(MigrateError::Newer { found: 7 })
        );
    }

    #[test]
    fn keys_round_trip() {
        for c in Collection::all() {
            assert_eq!(Collection::from_key(&c.key()), Some(c));
            assert!(c.damaged_key(5).starts_with(DAMAGED_PREFIX));
        }
    }
}
