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
//! | `rebound.reviews`           | JSON array of `[question id, ms, grade]` |
//! | `rebound.plan`              | JSON array of `PlanItem`           |
//! | `rebound.search`            | JSON array of `SearchVersion` (what I'm looking for, dated) |
//! | `rebound.damaged.<c>.<ms>`  | raw text of a value that did not load, kept for export |
//!
//! Values of 32 KiB or more are stored packed (see `packing`; schema 2 on). The storage module
//! unpacks them before this module sees them, so everything here works on JSON text.
//!
//! Loading never fails: what parses is kept, record by record; what does not is reported as a
//! [`Problem`] carrying the raw text, so the shell can set it aside before anything overwrites it.

use std::collections::{BTreeMap, BTreeSet};

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::model::{Interview, Reflection, Settings};
use super::plan::PlanItem;
use super::practice::{CardState, ReviewEntry};
use super::questions::Question;
use super::search::SearchVersion;

/// The schema this build reads and writes. Bump it with a migration step in [`migrate`] and a
/// fixture `tests/fixtures/storage-v<N>.json` of the old version.
pub const SCHEMA_VERSION: u32 = 2;
pub const KEY_PREFIX: &str = "rebound.";
pub const SCHEMA_KEY: &str = "rebound.schema";
pub const DAMAGED_PREFIX: &str = "rebound.damaged.";

/// A stored collection: one storage key each.
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
}

impl Collection {
    pub const ALL: [Collection; 8] = [
        Collection::Interviews,
        Collection::Reflections,
        Collection::Settings,
        Collection::Questions,
        Collection::Cards,
        Collection::Reviews,
        Collection::Plan,
        Collection::Search,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Collection::Interviews => "interviews",
            Collection::Reflections => "reflections",
            Collection::Settings => "settings",
            Collection::Questions => "questions",
            Collection::Cards => "cards",
            Collection::Reviews => "reviews",
            Collection::Plan => "plan",
            Collection::Search => "search",
        }
    }
    pub fn key(self) -> String {
        format!("{KEY_PREFIX}{}", self.name())
    }
    pub fn from_key(key: &str) -> Option<Collection> {
        Collection::ALL.into_iter().find(|c| c.key() == key)
    }
    /// Where a damaged value of this collection is kept aside.
    pub fn damaged_key(self, now_ms: i64) -> String {
        format!("{DAMAGED_PREFIX}{}.{now_ms}", self.name())
    }
}

/// Everything the app holds in memory.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Db {
    pub interviews: Vec<Interview>,
    pub reflections: Vec<Reflection>,
    pub settings: Settings,
    /// Questions the user added or changed (starter questions not touched are not stored).
    pub questions: Vec<Question>,
    /// The practice schedule, one card per practised question.
    pub cards: Vec<CardState>,
    /// Every rating, oldest first.
    pub reviews: Vec<ReviewEntry>,
    /// The development plan.
    pub plan: Vec<PlanItem>,
    /// What the user is looking for, one version per saved change.
    pub search: Vec<SearchVersion>,
}

impl Db {
    /// The JSON text stored for one collection.
    pub fn encode(&self, c: Collection) -> Result<String, String> {
        let out = match c {
            Collection::Interviews => serde_json::to_string(&self.interviews),
            Collection::Reflections => serde_json::to_string(&self.reflections),
            Collection::Settings => serde_json::to_string(&self.settings),
            Collection::Questions => serde_json::to_string(&self.questions),
            Collection::Cards => serde_json::to_string(&self.cards),
            Collection::Reviews => serde_json::to_string(&self.reviews),
            Collection::Plan => serde_json::to_string(&self.plan),
            Collection::Search => serde_json::to_string(&self.search),
        };
        out.map_err(|e| format!("could not encode {}: {e}", c.name()))
    }
}

/// Something that did not load as it should. Nothing is dropped without one of these.
#[derive(Clone, PartialEq, Debug)]
pub enum Problem {
    /// A collection's stored text did not fully load. `raw` is the exact stored text.
    Damaged {
        collection: Collection,
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
}

impl Loaded {
    /// Whether storage should be rewritten in the current schema right after loading.
    pub fn needs_upgrade(&self) -> bool {
        !self.read_only && matches!(self.stored_schema, Some(v) if v < SCHEMA_VERSION)
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
/// by loading from storage and (later) importing a file.
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
    Ok(raw)
}

/// Load from the stored key/value map (every key that starts with [`KEY_PREFIX`]).
pub fn load(stored: &BTreeMap<String, String>) -> Loaded {
    let mut problems = Vec::new();
    let has_data = Collection::ALL
        .iter()
        .any(|c| stored.contains_key(&c.key()));
    let stored_schema = match stored.get(SCHEMA_KEY) {
        Some(text) => match text.trim().parse::<u32>() {
            Ok(v) => Some(v),
            Err(_) => {
                problems.push(Problem::BadSchemaKey { raw: text.clone() });
                Some(1)
            }
        },
        None if has_data => Some(1),
        None => None,
    };

    // Parse each collection's text to JSON; text that is not JSON is damaged as a whole.
    let mut raw = RawCollections {
        schema: stored_schema.unwrap_or(SCHEMA_VERSION),
        values: BTreeMap::new(),
    };
    for c in Collection::ALL {
        let Some(text) = stored.get(&c.key()) else {
            continue;
        };
        match serde_json::from_str::<Value>(text) {
            Ok(v) => {
                raw.values.insert(c, v);
            }
            Err(e) => problems.push(Problem::Damaged {
                collection: c,
                raw: text.clone(),
                reason: format!("it is not valid JSON ({e})"),
                kept: 0,
                unreadable: 1,
            }),
        }
    }

    let mut read_only = false;
    let raw = match migrate(raw.clone()) {
        Ok(m) => m,
        Err(MigrateError::Newer { found }) => {
            // Read leniently (unknown fields are ignored) but never write over it.
            problems.push(Problem::NewerSchema { found });
            read_only = true;
            raw
        }
    };

    let mut db = Db::default();
    for (c, value) in &raw.values {
        let text = || stored.get(&c.key()).cloned().unwrap_or_default();
        match c {
            Collection::Interviews => {
                let (items, p) = decode_records::<Interview>(*c, value, text, |i| &mut i.id);
                db.interviews = items;
                problems.extend(p);
            }
            Collection::Reflections => {
                let (items, p) = decode_records::<Reflection>(*c, value, text, |r| &mut r.id);
                db.reflections = items;
                problems.extend(p);
            }
            Collection::Questions => {
                let (items, p) = decode_records::<Question>(*c, value, text, |q| &mut q.id);
                db.questions = items;
                problems.extend(p);
            }
            Collection::Cards => {
                let (items, p) = decode_records::<CardState>(*c, value, text, |q| &mut q.id);
                db.cards = items;
                problems.extend(p);
            }
            Collection::Plan => {
                let (items, p) = decode_records::<PlanItem>(*c, value, text, |q| &mut q.id);
                db.plan = items;
                problems.extend(p);
            }
            Collection::Search => {
                let (items, p) = decode_records::<SearchVersion>(*c, value, text, |q| &mut q.id);
                db.search = items;
                problems.extend(p);
            }
            Collection::Reviews => {
                let (items, p) = decode_list::<ReviewEntry>(*c, value, text);
                db.reviews = items;
                problems.extend(p);
            }
            Collection::Settings => match decode_settings(value) {
                Ok(s) => db.settings = s,
                Err(e) => problems.push(Problem::Damaged {
                    collection: *c,
                    raw: text(),
                    reason: format!("the settings could not be read ({e})"),
                    kept: 0,
                    unreadable: 1,
                }),
            },
        }
    }
    Loaded {
        db,
        problems,
        stored_schema,
        read_only,
    }
}

/// Decode the settings object, bringing every value into its allowed range. Only an object is
/// accepted (serde would otherwise read a list as a struct, field by field).
/// The error text is the plain reason ([`NOT_NAMED`] or serde's), for callers to word.
pub fn decode_settings(value: &Value) -> Result<Settings, String> {
    if !value.is_object() {
        return Err(NOT_NAMED.to_string());
    }
    serde_json::from_value::<Settings>(value.clone())
        .map(Settings::clamped)
        .map_err(|e| e.to_string())
}

/// Why a value that should be an object of named fields is not one.
pub const NOT_NAMED: &str = "it is not a set of named values";

/// Decode a JSON array of entries that have no ids of their own (the review log), keeping
/// every entry that reads.
pub fn decode_list<T: DeserializeOwned>(
    c: Collection,
    value: &Value,
    raw_text: impl Fn() -> String,
) -> (Vec<T>, Option<Problem>) {
    let Some(items) = value.as_array() else {
        return (
            Vec::new(),
            Some(Problem::Damaged {
                collection: c,
                raw: raw_text(),
                reason: "it is not a list".to_string(),
                kept: 0,
                unreadable: 1,
            }),
        );
    };
    let out: Vec<T> = items
        .iter()
        .filter_map(|item| serde_json::from_value::<T>(item.clone()).ok())
        .collect();
    let unreadable = items.len() - out.len();
    let problem = (unreadable > 0).then(|| Problem::Damaged {
        collection: c,
        raw: raw_text(),
        reason: format!("{unreadable} of {} entries could not be read", items.len()),
        kept: out.len(),
        unreadable,
    });
    (out, problem)
}

/// Decode a JSON array of records one by one, keeping every record that reads. Records with a
/// missing or repeated id are kept under a fresh, deterministic id rather than dropped.
pub fn decode_records<T: DeserializeOwned>(
    c: Collection,
    value: &Value,
    raw_text: impl Fn() -> String,
    id_of: impl Fn(&mut T) -> &mut String,
) -> (Vec<T>, Option<Problem>) {
    let Some(items) = value.as_array() else {
        return (
            Vec::new(),
            Some(Problem::Damaged {
                collection: c,
                raw: raw_text(),
                reason: "it is not a list of records".to_string(),
                kept: 0,
                unreadable: 1,
            }),
        );
    };
    let mut out = Vec::with_capacity(items.len());
    let mut seen = BTreeSet::new();
    let mut unreadable = 0;
    for (index, item) in items.iter().enumerate() {
        match serde_json::from_value::<T>(item.clone()) {
            Ok(mut record) => {
                let id = id_of(&mut record);
                if id.trim().is_empty() || seen.contains(id.as_str()) {
                    *id = format!("recovered-{index}");
                }
                seen.insert(id.clone());
                out.push(record);
            }
            Err(_) => unreadable += 1,
        }
    }
    let problem = (unreadable > 0).then(|| Problem::Damaged {
        collection: c,
        raw: raw_text(),
        reason: format!("{unreadable} of {} records could not be read", items.len()),
        kept: out.len(),
        unreadable,
    });
    (out, problem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Outcome, Stage};

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// Every fixture of an earlier (or the current) schema loads through the migrations.
    #[test]
    fn fixture_of_every_version_loads() {
        let fixtures: [(u32, &str); 2] = [
            (1, include_str!("../../tests/fixtures/storage-v1.json")),
            (2, include_str!("../../tests/fixtures/storage-v2.json")),
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
            for c in Collection::ALL {
                again.insert(c.key(), loaded.db.encode(c).unwrap());
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
        for c in Collection::ALL {
            assert_eq!(Collection::from_key(&c.key()), Some(c));
            assert!(c.damaged_key(5).starts_with(DAMAGED_PREFIX));
        }
    }
}
