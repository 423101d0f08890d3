use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::core::choice::Choice;
use crate::core::model::{LetterKind, LetterVia, Mood, Outcome, Stage};
use crate::core::plan::{ActionKind, PlanStatus};
use crate::core::practice::Grade;
use crate::core::questions::Category;
use crate::core::schema::{self, SCHEMA_KEY, SCHEMA_VERSION};
use crate::core::transfer;

/// Every collection, by an exhaustive match: adding a variant without a row fails to compile
/// here, and a missing row fails the test below.
fn every_collection() -> Vec<Collection> {
    let all = [
        Collection::Interviews,
        Collection::Reflections,
        Collection::Settings,
        Collection::Questions,
        Collection::Cards,
        Collection::Reviews,
        Collection::Plan,
        Collection::Search,
        Collection::Preps,
    ];
    for c in all {
        match c {
            Collection::Interviews
            | Collection::Reflections
            | Collection::Settings
            | Collection::Questions
            | Collection::Cards
            | Collection::Reviews
            | Collection::Plan
            | Collection::Search
            | Collection::Preps => {}
        }
    }
    all.to_vec()
}

/// A `Db` with something in every collection. Destructured with every field named, so a new
/// field of `Db` must be filled here, and then the tests below check it has a row that stores,
/// exports, imports, resets, merges and syncs it.
fn full_db() -> Db {
    let db = Db {
        interviews: vec![Interview {
            id: "i1".into(),
            company: "Initech".into(),
            updated: 5,
            ..Interview::default()
        }],
        reflections: vec![Reflection {
            id: "i1".into(),
            vent: "Tired".into(),
            updated: 5,
            ..Reflection::default()
        }],
        settings: Settings {
            nudge_threshold: 7,
            ..Settings::default()
        },
        questions: vec![Question {
            id: "q1".into(),
            text: "Why us?".into(),
            updated: 5,
            ..Question::default()
        }],
        cards: vec![CardState {
            id: "q1".into(),
            due: 9,
            updated: 5,
            ..CardState::default()
        }],
        reviews: vec![crate::core::practice::ReviewEntry::new(
            "q1".into(),
            4,
            Grade::Good,
        )]
        .into(),
        plan: vec![PlanItem {
            id: "p1".into(),
            skill: "SQL".into(),
            updated: 5,
            ..PlanItem::default()
        }],
        search: vec![SearchVersion {
            id: "v1".into(),
            updated: 5,
            ..SearchVersion::default()
        }],
        preps: vec![crate::core::countdown::Prep {
            id: "i1".into(),
            questions: vec!["q1".into()],
            updated: 5,
            ..Default::default()
        }],
    };
    let Db {
        interviews,
        reflections,
        settings,
        questions,
        cards,
        reviews,
        plan,
        search,
        preps,
    } = &db;
    assert!(
        !interviews.is_empty()
            && !reflections.is_empty()
            && *settings != Settings::default()
            && !questions.is_empty()
            && !cards.is_empty()
            && !reviews.is_empty()
            && !plan.is_empty()
            && !search.is_empty()
            && !preps.is_empty()
    );
    db
}

#[test]
fn every_collection_has_one_row_with_its_own_name() {
    let all = every_collection();
    assert_eq!(TABLE.len(), all.len());
    for c in &all {
        assert_eq!(
            TABLE.iter().filter(|r| r.collection == *c).count(),
            1,
            "{c:?}"
        );
        assert_eq!(c.row().collection, *c);
        assert_eq!(Collection::from_key(&c.key()), Some(*c));
        assert!(c.damaged_key(5).starts_with(DAMAGED_PREFIX));
    }
    let names: BTreeSet<&str> = TABLE.iter().map(|r| r.name).collect();
    assert_eq!(names.len(), TABLE.len(), "names are unique");
    assert_eq!(Collection::from_key("rebound.nothing"), None);
    assert_eq!(Collection::from_key("interviews"), None);
}

#[test]
fn the_storage_meter_names_every_key_in_plain_words() {
    for c in every_collection() {
        let label = storage_label(&c.key());
        assert!(!label.is_empty() && label != c.name(), "{label}");
    }
    assert_eq!(storage_label("rebound.reviews"), "Practice history");
    assert_eq!(
        storage_label(&Collection::Plan.damaged_key(5)),
        "Kept aside (could not be read)"
    );
    assert_eq!(storage_label("rebound.schema"), "Rebound's own notes");
    let usage = [
        ("rebound.schema".to_string(), 1),
        ("rebound.interviews".to_string(), 50),
        ("rebound.meta".to_string(), 30),
    ];
    assert_eq!(
        usage_by_label(&usage),
        vec![("Interviews", 50), ("Rebound's own notes", 31)]
    );
}

#[test]
fn every_collection_is_stored_and_loaded() {
    let db = full_db();
    let mut stored = BTreeMap::from([(SCHEMA_KEY.to_string(), SCHEMA_VERSION.to_string())]);
    for c in every_collection() {
        stored.insert(c.key(), db.encode(c).unwrap());
    }
    let loaded = schema::load(&stored);
    assert_eq!(loaded.problems, vec![]);
    assert_eq!(loaded.db, db);
}

#[test]
fn every_collection_is_exported_and_imported() {
    let db = full_db();
    let text = transfer::export(&db, 1).unwrap();
    let file = transfer::parse_import(text.as_bytes()).unwrap();
    assert_eq!(file.db, db);
    for row in &TABLE {
        assert!(row.exported, "{} is in every backup", row.name);
        assert!(text.contains(&format!("\"{}\": ", row.name)));
    }
}

#[test]
fn every_collection_is_reset_moved_and_copied() {
    let full = full_db();
    for row in &TABLE {
        assert!(row.data.len(&full) > 0, "{}", row.name);
    }
    // Starting afresh (the shell holds `Db::default()`): nothing is left of any collection.
    let fresh = Db::default();
    for row in &TABLE {
        assert!(!row.data.same(&full, &fresh), "{} is reset", row.name);
    }
    // Moving every row from one value to another moves everything.
    let mut from = full.clone();
    let mut to = Db::default();
    for row in &TABLE {
        row.data.take(&mut from, &mut to);
    }
    assert_eq!(to, full);
    // Copying every record (all ids) copies everything.
    let all_ids: BTreeSet<Id> = ["i1", "q1", "p1", "v1"].map(String::from).into();
    let mut copy = Db::default();
    for row in &TABLE {
        row.data.copy_some(&full, &all_ids, &mut copy);
    }
    assert_eq!(copy, full);
}

#[test]
fn every_collection_merges_and_syncs() {
    let full = full_db();
    // Merging everything into nothing gives everything (the settings stay the current ones).
    let mut merged = Db::default();
    for row in &TABLE {
        let m = row.data.merge(&mut merged, &full);
        assert_eq!(m.is_none(), row.kind == Kind::Object, "{}", row.name);
    }
    assert_eq!(
        merged,
        Db {
            settings: Settings::default(),
            ..full.clone()
        }
    );
    // Another tab stored everything: a tab with nothing unsaved takes it all.
    let mut local = Db::default();
    let none = Unsaved::default();
    for row in &TABLE {
        let mut incoming = full.clone();
        let folded = row.data.fold_in(&mut local, &mut incoming, &none, false);
        assert!(folded.changed, "{} follows the other tab", row.name);
        assert!(!folded.differs_from_stored, "{}", row.name);
    }
    assert_eq!(local, full);
}

#[test]
fn unsaved_settings_and_ratings_are_kept_when_another_tab_writes() {
    let none = Unsaved::default();
    for c in [Collection::Settings, Collection::Reviews] {
        let mut local = full_db();
        let mut incoming = Db::default();
        let folded = c.data().fold_in(&mut local, &mut incoming, &none, true);
        assert!(!folded.changed && folded.differs_from_stored, "{c:?}");
        assert!(c.data().same(&local, &full_db()));
    }
}

/// A store written by a "future" schema-2 Rebound: a stage, outcome, feedback status, mistake
/// kind, letter kind and channel, mood, category, plan status and action kind this build does
/// not know, extra fields on records and on their parts, extra elements on ratings.
const FUTURE: &str = include_str!("../../../tests/fixtures/storage-v2-future.json");

fn future_store() -> BTreeMap<String, String> {
    serde_json::from_str(FUTURE).unwrap()
}

#[test]
fn a_future_store_loads_with_every_record_shown() {
    let loaded = schema::load(&future_store());
    assert_eq!(loaded.problems, vec![], "nothing is damaged");
    assert!(!loaded.read_only, "same schema number: editable");
    let db = &loaded.db;
    assert_eq!(db.interviews.len(), 2);
    let i = &db.interviews[0];
    assert_eq!(i.stage, Stage::Other("take_home_review".into()));
    assert_eq!(
        i.stage.label(),
        "take home review (from a newer version of Rebound)"
    );
    assert_eq!(i.outcome, Outcome::Other("on_hold".into()));
    assert!(!i.outcome.is_active());
    assert_eq!(i.feedback.status.key(), "scheduled_call");
    assert_eq!(
        i.letters[0].kind,
        LetterKind::Other("reference_request".into())
    );
    assert_eq!(i.letters[0].via, LetterVia::Other("sms".into()));
    assert_eq!(i.letters[1].kind, LetterKind::AskFeedback);
    // A field the future fixture anticipated, known since issue 14.
    assert_eq!(i.time, chrono::NaiveTime::from_hms_opt(14, 30, 0));
    assert_eq!(
        i.format,
        Some(crate::core::model::InterviewFormat::TakeHome)
    );
    assert_eq!(i.rejection_reasons[0].extra["weight"], 3);
    let r = &db.reflections[0];
    assert_eq!(r.mistakes[0].kind, "camera_off");
    assert_eq!(r.mood, Some(Mood::Other("hopeful".into())));
    assert_eq!(r.extra["energy"], 4);
    let q = &db.questions[0];
    assert_eq!(q.category, Category::Other("take_home".into()));
    assert_eq!(q.answer.extra["audio_note"], "n-1");
    let p = &db.plan[0];
    assert_eq!(p.status, PlanStatus::Other("paused".into()));
    assert_eq!(p.actions[0].kind, ActionKind::Other("mentoring".into()));
    assert_eq!(db.cards[0].extra["pin"], "f-1");
    assert_eq!(db.reviews[0].extra, vec![serde_json::json!(41)]);
    assert_eq!(db.settings.extra["auto_lock_minutes"], 15);
    assert_eq!(db.search[0].profile.extra["salary_floor"], 90000);
    assert_eq!(db.preps[0].questions, ["q-1", "s-behavioural-01"]);
    assert_eq!(db.preps[0].extra["mode"], "sprint");
}

/// Every JSON value of `original` is in `written` unchanged (written may add defaults).
fn keeps_everything(original: &serde_json::Value, written: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (original, written) {
        (Value::Object(a), Value::Object(b)) => a.iter().all(|(k, v)| {
            b.get(k)
                .is_some_and(|w| keeps_everything(v, w) || (v.is_null() && w.is_null()))
        }),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| keeps_everything(x, y))
        }
        (a, b) => a == b,
    }
}

#[test]
fn a_future_store_saves_and_exports_every_unknown_value_unchanged() {
    let store = future_store();
    let loaded = schema::load(&store);
    // Saved again by this build: every value the future build wrote is still there.
    for c in every_collection() {
        let original: serde_json::Value = serde_json::from_str(&store[&c.key()]).unwrap();
        let saved: serde_json::Value = serde_json::from_str(&loaded.db.encode(c).unwrap()).unwrap();
        assert!(
            keeps_everything(&original, &saved),
            "{}: {original} became {saved}",
            c.name()
        );
    }
    // Edited here (a field this build knows), then saved: the unknown values stay.
    let mut db = loaded.db.clone();
    db.interviews[0].notes = "Edited here".into();
    let saved: serde_json::Value =
        serde_json::from_str(&db.encode(Collection::Interviews).unwrap()).unwrap();
    assert_eq!(saved[0]["stage"], "take_home_review");
    assert_eq!(saved[0]["outcome"], "on_hold");
    assert_eq!(saved[0]["format"], "take_home");
    assert_eq!(saved[0]["notes"], "Edited here");
    // Exported and imported (into another device): the same, unknown values and all.
    let text = transfer::export(&loaded.db, 1).unwrap();
    let file = transfer::parse_import(text.as_bytes()).unwrap();
    assert_eq!(file.db, loaded.db);
    for needle in [
        "take_home_review",
        "on_hold",
        "scheduled_call",
        "reference_request",
        "camera_off",
        "hopeful",
        "take_home",
        "paused",
        "mentoring",
        "salary_floor",
        "auto_lock_minutes",
        "\"device\": \"phone\"",
    ] {
        assert!(text.contains(needle), "{needle} is in the backup");
    }
}
