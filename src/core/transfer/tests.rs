use super::*;
use crate::core::model::{
    Interview, MistakeNote, Mood, Outcome, Reflection, RejectionReason, Settings, Stage,
};
use crate::core::schema::NOT_NAMED;
use serde_json::Value;
use std::time::{Duration, Instant};

const V1: &str = include_str!("../../../tests/fixtures/export-v1.json");

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
pub(super) fn settings(nudge_threshold: u32) -> Settings {
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
    let mut names: Vec<Collection> = TABLE
        .iter()
        .filter(|r| r.exported)
        .map(|r| r.collection)
        .collect();
    names.sort();
    let mut all: Vec<Collection> = Collection::all().collect();
    all.sort();
    assert_eq!(names, all);
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
    let fixtures: [(u32, &str); 3] = [
        (1, V1),
        (2, include_str!("../../../tests/fixtures/export-v2.json")),
        (3, include_str!("../../../tests/fixtures/export-v3.json")),
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
        serde_json::from_str(include_str!("../../../tests/fixtures/storage-v1.json")).unwrap();
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
    let e = err(r#"{"app":"rebound","schema":4,"collections":"who knows"}"#);
    assert_eq!(e, ImportError::NewerSchema { found: 4 });
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

mod parts;
mod props;
