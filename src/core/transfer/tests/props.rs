//! Property tests of backups: strategies for data and for files near a real backup, and what
//! must hold for any of them (never a panic; export then import is the identity; merge drops
//! nothing).

use super::super::*;
use super::settings;

use crate::core::choice::Choice;
use crate::core::model::{
    Interview, InterviewFormat, MistakeNote, Mood, Outcome, Reflection, RejectionReason, Settings,
    Stage, Versioned,
};
use crate::core::plan::PlanItem;
use crate::core::questions::Question;
use crate::core::schema::{migrate, RawCollections};
use crate::core::search::SearchVersion;
use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeSet;

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
        (
            prop::option::of((0u32..24, 0u32..60)),
            prop::option::of(prop::sample::select(InterviewFormat::ALL.to_vec())),
            text(),
        ),
    )
        .prop_map(
            |(
                (company, role, date, interviewers),
                stage,
                outcome,
                notes,
                rejection_reasons,
                (created, updated, said, asked_on),
                (time, format, format_words),
            )| Interview {
                extra: Default::default(),
                id: String::new(),
                company,
                role,
                date,
                time: time.and_then(|(h, m)| chrono::NaiveTime::from_hms_opt(h, m, 0)),
                format,
                format_words,
                interviewers,
                // A history whenever there is a date, so its round trip is tested too.
                stages: date
                    .map(|on| crate::core::model::StageStep {
                        stage: stage.clone(),
                        on,
                        ..Default::default()
                    })
                    .into_iter()
                    .collect(),
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
            (prop_oneof![Just("rambling".to_string()), text()], text()).prop_map(|(kind, fix)| {
                MistakeNote {
                    extra: Default::default(),
                    kind,
                    fix,
                }
            }),
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
                let mut collections: serde_json::Map<String, Value> = other.into_iter().collect();
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
/// The schema and the collections this build knows of a file whose envelope reads (setup of
/// the migration test).
fn envelope_of(value: &Value) -> Option<RawCollections> {
    if value.get("app")? != APP_NAME {
        return None;
    }
    let schema = u32::try_from(value.get("schema")?.as_u64()?).ok()?;
    let collections = value.get("collections")?.as_object()?;
    (schema <= SCHEMA_VERSION).then(|| RawCollections {
        schema,
        values: TABLE
            .iter()
            .filter(|r| r.exported)
            .filter_map(|r| Some((r.collection, collections.get(r.name)?.clone())))
            .collect(),
    })
}

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

fn ids<T: Versioned>(list: &[T]) -> BTreeSet<String> {
    list.iter().map(|r| r.id().to_string()).collect()
}

/// Merging `b` into `a` gave `m` (with `counts`, previewed as `p`): every id of either side is
/// there once, the newer record wins, and the counts agree with the preview.
fn merged_soundly<T: Versioned>(
    a: &[T],
    b: &[T],
    m: &[T],
    counts: Option<&MergeCounts>,
    p: Option<&CollectionPreview>,
) -> bool {
    let union: BTreeSet<String> = ids(a).union(&ids(b)).cloned().collect();
    let newest_wins = m.iter().all(|r| {
        let in_a = a.iter().find(|x| x.id() == r.id());
        let in_b = b.iter().find(|x| x.id() == r.id());
        match (in_a, in_b) {
            (Some(x), Some(y)) => r == (if y.updated() > x.updated() { y } else { x }),
            (Some(x), None) => r == x,
            (None, Some(y)) => r == y,
            (None, None) => false,
        }
    });
    ids(m) == union
        && m.len() == union.len()
        && newest_wins
        && counts.is_some_and(|k| {
            k.added + k.unchanged + k.updated == m.len()
                && p.is_some_and(|p| {
                    p.new_in_file == k.added
                        && p.newer_in_file == k.updated
                        && p.in_both + p.only_in_current == p.in_current
                        && p.in_both + p.new_in_file == p.in_file
                })
        })
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
        if let Some(raw) = envelope_of(&value) {
            if let Ok(once) = migrate(raw) {
                prop_assert_eq!(migrate(once.clone()).unwrap(), once);
            }
        }
    }

    #[test]
    fn prop_the_backup_layout_is_serde_jsons_pretty_layout(value in json_value()) {
        let compact = serde_json::to_string(&value).unwrap();
        prop_assert_eq!(pretty(&compact), serde_json::to_string_pretty(&value).unwrap());
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

        let sound = |c: Collection| (report.collection(c), p.collection(c));
        let (k, q) = sound(Collection::Interviews);
        prop_assert!(merged_soundly::<Interview>(&a.interviews, &b.interviews, &merged.interviews, k, q));
        let (k, q) = sound(Collection::Reflections);
        prop_assert!(merged_soundly::<Reflection>(&a.reflections, &b.reflections, &merged.reflections, k, q));
        let (k, q) = sound(Collection::Questions);
        prop_assert!(merged_soundly::<Question>(&a.questions, &b.questions, &merged.questions, k, q));
        let (k, q) = sound(Collection::Cards);
        prop_assert!(merged_soundly(&a.cards, &b.cards, &merged.cards, k, q));
        let (k, q) = sound(Collection::Plan);
        prop_assert!(merged_soundly::<PlanItem>(&a.plan, &b.plan, &merged.plan, k, q));
        let (k, q) = sound(Collection::Search);
        prop_assert!(merged_soundly::<SearchVersion>(&a.search, &b.search, &merged.search, k, q));

    }
}

// --- a part at a time ------------------------------------------------------------------------

/// A log of ratings of questions from [`IDS`], in time order (as the app keeps it).
fn log_strategy() -> impl Strategy<Value = Vec<crate::core::practice::ReviewEntry>> {
    use crate::core::practice::{Grade, ReviewEntry};
    prop::collection::vec(
        (
            prop::sample::select(IDS.to_vec()),
            0i64..4_000_000_000_000,
            prop::sample::select(Grade::ALL.to_vec()),
            prop::option::of(0u32..100),
        ),
        0..40,
    )
    .prop_map(|entries| {
        let mut log: Vec<ReviewEntry> = entries
            .into_iter()
            .map(|(id, at, grade, secs)| ReviewEntry {
                id: id.to_string(),
                at,
                grade,
                extra: secs.map(|s| vec![Value::from(s)]).unwrap_or_default(),
            })
            .collect();
        crate::core::collections::normalize(&mut log);
        log
    })
}

/// The existing generators' data, with a log of ratings.
fn db_with_log() -> impl Strategy<Value = Db> {
    (db_strategy(), log_strategy()).prop_map(|(db, reviews)| Db {
        reviews: reviews.into(),
        ..db
    })
}

/// The export as it was written before it went a part at a time: every collection compact in
/// one text, then laid out in one pass.
fn one_shot_export(db: &Db, exported_at: Millis) -> String {
    let mut compact = format!(
        "{{\"app\":\"{APP_NAME}\",\"schema\":{SCHEMA_VERSION},\"exported_at\":{exported_at},\"collections\":{{"
    );
    for (n, row) in TABLE.iter().filter(|r| r.exported).enumerate() {
        if n > 0 {
            compact.push(',');
        }
        compact.push_str(&format!(
            "\"{}\":{}",
            row.name,
            row.data.encode(db).unwrap()
        ));
    }
    compact.push_str("}}");
    pretty(&compact)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn prop_sliced_export_is_the_one_shot_export_and_reads_back_in_parts(
        db in prop_oneof![db_strategy(), db_with_log()],
        at in any::<i64>(),
        records in 1usize..4,
        ratings in 1usize..6,
        part_bytes in prop_oneof![1usize..200, Just(IMPORT_PART_BYTES)],
    ) {
        let mut job = ExportJob::with_sizes(&db, at, records, ratings);
        let mut parts = 0;
        let mut text = String::new();
        while !job.is_done() {
            job.step(&db).unwrap();
            parts += 1;
            prop_assert_eq!(job.progress().0, parts);
            if parts % 2 == 0 {
                text.push_str(&job.take());
            }
        }
        prop_assert_eq!(job.progress(), (parts, parts));
        text.push_str(&job.finish());
        prop_assert_eq!(&text, &one_shot_export(&db, at));
        prop_assert_eq!(&text, &export(&db, at).unwrap());

        let mut import = ImportJob::with_part_bytes(text.into_bytes(), part_bytes).unwrap();
        while !import.is_done() {
            import.step().unwrap();
            if let (done, Some(total)) = import.progress() {
                prop_assert!(done <= total);
            }
        }
        let (done, total) = import.progress();
        prop_assert_eq!(Some(done), total);
        let file = import.finish();
        prop_assert_eq!(&file.db, &db);
        prop_assert_eq!(file.exported_at, Some(at));
    }

    #[test]
    fn prop_the_layout_is_the_same_however_the_text_is_cut(
        value in json_value(),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
    ) {
        let compact = serde_json::to_string(&value).unwrap();
        let mut at: Vec<usize> = cuts
            .iter()
            .map(|i| i.index(compact.len() + 1))
            .filter(|&i| compact.is_char_boundary(i))
            .collect();
        at.push(0);
        at.push(compact.len());
        crate::core::order::sort_by_key(&mut at, |i| *i);
        let mut out = Pretty::default();
        for w in at.windows(2) {
            out.push(&compact[w[0]..w[1]]);
        }
        prop_assert_eq!(out.finish(), pretty(&compact));
    }

    #[test]
    fn prop_a_file_refused_in_parts_is_refused_the_same_at_once(
        value in near_export(),
        part_bytes in 1usize..300,
    ) {
        let text = value.to_string();
        let at_once = parse_import(text.as_bytes());
        let in_parts = ImportJob::with_part_bytes(text.into_bytes(), part_bytes).and_then(|mut job| {
            while !job.is_done() {
                job.step()?;
            }
            Ok(job.finish())
        });
        prop_assert_eq!(in_parts, at_once);
    }
}
