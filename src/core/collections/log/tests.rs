use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use super::*;
use crate::core::collections::{damaged_key_of, parse_key, Collection};
use crate::core::practice::Grade;
use crate::core::schema::{self, Problem, SCHEMA_KEY, SCHEMA_VERSION};

const DAY: Millis = 86_400_000;
/// 2026-03-01 00:00 UTC.
const MARCH: Millis = 1_772_323_200_000;

fn rating(id: &str, at: Millis) -> ReviewEntry {
    ReviewEntry::new(id.into(), at, Grade::Good)
}

fn db_with(reviews: Vec<ReviewEntry>) -> Db {
    Db {
        reviews: reviews.into(),
        ..Db::default()
    }
}

/// What the app stores for `db` in this schema (the schema key and every collection's keys).
fn store(db: &Db) -> BTreeMap<String, String> {
    let mut out = BTreeMap::from([(SCHEMA_KEY.to_string(), SCHEMA_VERSION.to_string())]);
    for c in Collection::all() {
        out.extend(db.stored_texts(c).unwrap());
    }
    out
}

#[test]
fn a_chunk_is_a_month_named_in_its_key() {
    assert_eq!(month_of(MARCH), "2026-03");
    assert_eq!(month_of(MARCH - 1), "2026-02");
    assert_eq!(
        month_of(-5),
        "1970-01",
        "times before 1970 go to the first month"
    );
    assert_eq!(month_of(Millis::MAX), "9999-12");
    assert!(is_month("2026-03") && is_month("1970-01"));
    for bad in [
        "2026-13",
        "2026-3",
        "26-03",
        "2026-0x",
        "",
        "2026-03-01",
        "２０２６-03",
    ] {
        assert!(!is_month(bad), "{bad}");
    }
    let r = Collection::Reviews;
    assert_eq!(r.chunk_key("2026-03"), "rebound.reviews.2026-03");
    assert_eq!(
        parse_key("rebound.reviews.2026-03"),
        Some((r, Some("2026-03")))
    );
    assert_eq!(parse_key("rebound.reviews"), Some((r, None)));
    assert_eq!(parse_key("rebound.reviews.soon"), None);
    assert_eq!(
        parse_key("rebound.interviews.2026-03"),
        None,
        "only the log is chunked"
    );
    assert_eq!(Collection::from_key("rebound.reviews.2026-03"), Some(r));
    assert_eq!(
        damaged_key_of("rebound.reviews.2026-03", 7),
        "rebound.damaged.reviews.2026-03.7"
    );
    assert_eq!(
        damaged_key_of(&Collection::Plan.key(), 7),
        Collection::Plan.damaged_key(7)
    );
    assert_eq!(
        crate::core::collections::storage_label("rebound.reviews.2026-03"),
        "Practice history"
    );
}

#[test]
fn the_log_is_stored_one_key_a_month_and_a_rating_changes_one_chunk() {
    let mut db = db_with(vec![
        rating("a", MARCH - DAY),
        rating("a", MARCH + DAY),
        rating("b", MARCH + 2 * DAY),
        rating("a", MARCH + 40 * DAY),
    ]);
    let keys: Vec<String> = db
        .stored_texts(Collection::Reviews)
        .unwrap()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(
        keys,
        [
            "rebound.reviews.2026-02",
            "rebound.reviews.2026-03",
            "rebound.reviews.2026-04"
        ]
    );
    let before = store(&db);
    assert_eq!(
        schema::load(&before).db,
        db,
        "the chunks load as the whole log"
    );
    // A rating in March: only March's chunk changes.
    db.reviews.push(rating("c", MARCH + 20 * DAY));
    let after = store(&db);
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(changed, ["rebound.reviews.2026-03"]);
    assert_eq!(
        db.chunk_text(Collection::Reviews, "2026-03").unwrap(),
        Some(after["rebound.reviews.2026-03"].clone())
    );
    assert_eq!(db.chunk_text(Collection::Reviews, "2026-05").unwrap(), None);
    assert_eq!(Collection::Reviews.pack_from(), CHUNK_PACK_FROM_BYTES);
}

#[test]
fn a_rating_is_known_by_its_question_and_its_time() {
    // The same rating twice (a backup merged twice, a newer version's extra element) is one;
    // two ratings of one question, or of two questions in the same millisecond, are two.
    let mut db = db_with(vec![rating("a", 10), rating("b", 10)]);
    let incoming = db_with(vec![
        ReviewEntry::new("a".into(), 10, Grade::Hard).with_secs(4),
        rating("a", 5),
        rating("c", 20),
    ]);
    let merged = LogData.merge(&mut db, &incoming).unwrap();
    assert_eq!(merged.added, 2);
    let seen: Vec<(&str, Millis)> = db.reviews.iter().map(identity).collect();
    assert_eq!(
        seen,
        [("a", 5), ("a", 10), ("b", 10), ("c", 20)],
        "a union, in time order"
    );
    assert_eq!(db.reviews[1].grade, Grade::Good, "the rating held is kept");
    // Merging again adds nothing.
    assert_eq!(LogData.merge(&mut db, &incoming).unwrap().added, 0);
}

#[test]
fn two_tabs_rating_at_once_both_keep_both() {
    let shared = vec![rating("old", MARCH)];
    let (mut tab_a, mut tab_b) = (shared.clone(), shared.clone());
    let mine_a = [("qa".to_string(), MARCH + 5)];
    let mine_b = [("qb".to_string(), MARCH + 6)];
    tab_a.push(rating("qa", MARCH + 5));
    tab_b.push(rating("qb", MARCH + 6));
    let month = "2026-03";
    let stored_by = |log: &[ReviewEntry]| -> Vec<ReviewEntry> {
        log.iter()
            .filter(|e| month_of(e.at) == month)
            .cloned()
            .collect()
    };
    // Both wrote at once; each then hears of the other's write, which lacks its own rating.
    let (from_a, from_b) = (stored_by(&tab_a), stored_by(&tab_b));
    let fa = fold_chunk(&mut tab_a, month, from_b, &mine_a);
    let fb = fold_chunk(&mut tab_b, month, from_a, &mine_b);
    assert!(fa.changed && fa.differs_from_stored, "A writes the union");
    assert!(fb.changed && fb.differs_from_stored);
    assert_eq!(tab_a, tab_b);
    let ids: Vec<&str> = tab_a.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["old", "qa", "qb"]);
    // A's union reaches B: nothing more to write.
    let again = fold_chunk(&mut tab_b, month, stored_by(&tab_a), &mine_b);
    assert!(!again.changed && !again.differs_from_stored);
}

#[test]
fn a_rating_undone_in_another_tab_goes_and_other_months_stay() {
    let mut here = vec![
        rating("feb", MARCH - DAY),
        rating("x", MARCH + 1),
        rating("y", MARCH + 2),
    ];
    // The other tab undid its rating "y": its March chunk holds "x" only.
    let folded = fold_chunk(&mut here, "2026-03", vec![rating("x", MARCH + 1)], &[]);
    assert!(folded.changed && !folded.differs_from_stored);
    let ids: Vec<&str> = here.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["feb", "x"]);
    // A removed chunk empties its month only.
    fold_chunk(&mut here, "2026-03", Vec::new(), &[]);
    assert_eq!(here, [rating("feb", MARCH - DAY)]);
}

#[test]
fn a_damaged_chunk_is_reported_by_its_key_and_the_other_months_load() {
    let db = db_with(vec![rating("a", MARCH - DAY), rating("b", MARCH + DAY)]);
    let mut stored = store(&db);
    stored.insert(
        "rebound.reviews.2026-03".into(),
        "[[\"b\",1772409600000,3],{oops".into(),
    );
    let loaded = schema::load(&stored);
    assert_eq!(*loaded.db.reviews, [rating("a", MARCH - DAY)]);
    match &loaded.problems[..] {
        [Problem::Damaged {
            collection: Collection::Reviews,
            key,
            raw,
            reason,
            ..
        }] => {
            assert_eq!(key, "rebound.reviews.2026-03");
            assert!(raw.ends_with("{oops"));
            assert!(reason.contains("2026-03"), "{reason}");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(!loaded.needs_upgrade());
}

#[test]
fn start_up_may_leave_the_log_unread_until_something_reads_it() {
    let db = db_with(vec![rating("a", MARCH - DAY), rating("b", MARCH + DAY)]);
    let mut stored = store(&db);
    // Stored packed, as the app stores a month of heavy use.
    for (key, text) in stored.iter_mut() {
        if key.starts_with("rebound.reviews.") {
            *text = crate::core::packing::pack_from(text, 0).into_owned();
        }
    }
    let loaded = schema::load_deferring_log(&stored, true);
    assert!(loaded.db.reviews.is_unread());
    assert!(loaded.problems.is_empty());
    // Read a chunk at a time (a task each in the app): unread until the last.
    assert!(loaded.db.reviews.read_some(1));
    assert!(loaded.db.reviews.is_unread());
    assert!(!loaded.db.reviews.read_some(1));
    assert!(!loaded.db.reviews.is_unread());
    // Read through `&self`, as a screen reads it.
    assert_eq!(loaded.db.reviews.as_slice(), db.reviews.as_slice());
    assert!(!loaded.db.reviews.is_unread());
    assert!(loaded.db.reviews.take_problems().is_empty());
    assert_eq!(loaded.db, db);
}

#[test]
fn a_rating_added_before_the_log_is_read_is_in_it_once_read() {
    let db = db_with(vec![rating("a", MARCH - DAY), rating("b", MARCH + DAY)]);
    let mut loaded = schema::load_deferring_log(&store(&db), true);
    assert!(loaded.db.reviews.read_some(1));
    loaded.db.reviews.add(rating("c", MARCH + 2 * DAY));
    assert!(loaded.db.reviews.is_unread(), "adding read nothing more");
    assert_eq!(
        loaded.db.reviews.as_slice(),
        [
            rating("a", MARCH - DAY),
            rating("b", MARCH + DAY),
            rating("c", MARCH + 2 * DAY)
        ]
    );
    loaded.db.reviews.add(rating("d", MARCH + 3 * DAY));
    assert_eq!(loaded.db.reviews.len(), 4);
}

#[test]
fn a_log_also_stored_under_its_one_key_is_read_at_once() {
    let (mut stored, db) = v2_store();
    stored.insert(SCHEMA_KEY.into(), SCHEMA_VERSION.to_string());
    stored.insert("rebound.reviews.2026-03".into(), "[]".into());
    let loaded = schema::load_deferring_log(&stored, true);
    assert!(!loaded.db.reviews.is_unread());
    assert_eq!(loaded.db.reviews, db.reviews);
}

#[test]
fn a_damaged_chunk_read_late_is_reported_when_the_log_is_read() {
    let db = db_with(vec![rating("a", MARCH - DAY), rating("b", MARCH + DAY)]);
    let mut stored = store(&db);
    stored.insert(
        "rebound.reviews.2026-03".into(),
        "[[\"b\",1772409600000,3],{oops".into(),
    );
    let eager = schema::load(&stored);
    let mut late = schema::load_deferring_log(&stored, true);
    assert!(late.problems.is_empty(), "nothing is read yet");
    // Changing the log reads it first.
    late.db.reviews.push(rating("c", MARCH + 2 * DAY));
    assert_eq!(
        late.db.reviews.as_slice(),
        [rating("a", MARCH - DAY), rating("c", MARCH + 2 * DAY)]
    );
    assert_eq!(late.db.reviews.take_problems(), eager.problems);
    assert!(late.db.reviews.take_problems().is_empty(), "taken once");
}

/// A v2 store with ratings over three months.
fn v2_store() -> (BTreeMap<String, String>, Db) {
    let db = db_with(vec![
        rating("a", MARCH - DAY),
        rating("b", MARCH + DAY).with_secs(30),
        rating("a", MARCH + 40 * DAY),
    ]);
    let stored = BTreeMap::from([
        (SCHEMA_KEY.to_string(), "2".to_string()),
        (
            "rebound.reviews".to_string(),
            db.encode(Collection::Reviews).unwrap(),
        ),
    ]);
    (stored, db)
}

/// The migration's writes, in the shell's order: every chunk, the schema key, then the
/// one-key log removed.
fn migration_steps(db: &Db) -> Vec<(String, Option<String>)> {
    let mut steps: Vec<(String, Option<String>)> = db
        .stored_texts(Collection::Reviews)
        .unwrap()
        .into_iter()
        .map(|(k, v)| (k, Some(v)))
        .collect();
    steps.push((SCHEMA_KEY.to_string(), Some(SCHEMA_VERSION.to_string())));
    steps.push(("rebound.reviews".to_string(), None));
    steps
}

/// Stopped after any number of the migration's writes, the store loads the same log.
fn check_interrupted_migration(mut stored: BTreeMap<String, String>, db: &Db) {
    let first = schema::load(&stored);
    assert_eq!(first.db.reviews, db.reviews);
    assert!(first.needs_upgrade());
    for (key, value) in migration_steps(&first.db) {
        match value {
            Some(v) => stored.insert(key.clone(), v),
            None => stored.remove(&key),
        };
        let loaded = schema::load(&stored);
        assert_eq!(loaded.problems, vec![]);
        assert_eq!(loaded.db.reviews, db.reviews, "after writing {key}");
    }
    let done = schema::load(&stored);
    assert!(!done.needs_upgrade(), "the migration is over");
    assert_eq!(done.stored_schema, Some(SCHEMA_VERSION));
    assert!(!stored.contains_key("rebound.reviews"));
}

#[test]
fn v2_to_v3_moves_the_log_into_chunks_and_can_stop_anywhere() {
    let (stored, db) = v2_store();
    check_interrupted_migration(stored, &db);
    // An older build's ratings in the one-key log after chunks were written: both are read.
    let (mut stored, _) = v2_store();
    stored.insert(
        "rebound.reviews.2026-03".into(),
        serde_json::to_string(&[rating("later", MARCH + 3 * DAY)]).unwrap(),
    );
    let loaded = schema::load(&stored);
    assert_eq!(loaded.db.reviews.len(), 4);
    assert!(loaded.needs_upgrade());
}

#[test]
fn the_future_v2_store_migrates_with_its_extra_elements() {
    let stored: BTreeMap<String, String> = serde_json::from_str(include_str!(
        "../../../../tests/fixtures/storage-v2-future.json"
    ))
    .unwrap();
    let db = schema::load(&stored).db;
    assert_eq!(db.reviews.len(), 3);
    check_interrupted_migration(stored, &db);
}

#[test]
fn the_room_notice_says_how_much_in_plain_words() {
    let words = schema::no_room_words(520_300);
    assert!(words.contains("about 521 KB"), "{words}");
    assert!(words.contains("Nothing was changed and nothing is lost"));
    assert!(schema::no_room_words(1_250_000).contains("about 1.3 MB"));
    assert!(schema::no_room_words(1).contains("about 1 KB"));
}

fn arb_log() -> impl Strategy<Value = Vec<ReviewEntry>> {
    proptest::collection::vec((0u8..4, -DAY..(60 * 365 * DAY), 1u8..=4), 0..60).prop_map(|v| {
        let mut log: Vec<ReviewEntry> = v
            .into_iter()
            .map(|(q, at, g)| {
                let grade = match g {
                    1 => Grade::Again,
                    2 => Grade::Hard,
                    3 => Grade::Good,
                    _ => Grade::Easy,
                };
                ReviewEntry::new(format!("q{q}"), at, grade)
            })
            .collect();
        normalize(&mut log);
        log
    })
}

proptest! {
    #[test]
    fn chunks_round_trip_and_migrations_can_stop_anywhere(log in arb_log()) {
        let db = db_with(log);
        prop_assert_eq!(&schema::load(&store(&db)).db, &db);
        let stored = BTreeMap::from([
            (SCHEMA_KEY.to_string(), "2".to_string()),
            ("rebound.reviews".to_string(), db.encode(Collection::Reviews).unwrap()),
        ]);
        check_interrupted_migration(stored, &db);
    }

    #[test]
    fn a_union_holds_every_rating_once_in_time_order(a in arb_log(), b in arb_log()) {
        let mut db = db_with(a.clone());
        LogData.merge(&mut db, &db_with(b.clone())).unwrap();
        prop_assert!(db.reviews.windows(2).all(|w| w[0].at <= w[1].at));
        let ids: BTreeSet<(&str, Millis)> = a.iter().chain(&b).map(identity).collect();
        prop_assert_eq!(db.reviews.len(), ids.len());
    }

    #[test]
    fn a_log_read_late_is_the_log_read_at_once(
        log in arb_log(),
        damaged in proptest::option::of((0u32..14, ".{0,40}")),
        some in 0usize..4,
    ) {
        let mut stored = store(&db_with(log));
        if let Some((month, text)) = damaged {
            stored.insert(format!("rebound.reviews.2026-{month:02}"), text);
        }
        let eager = schema::load(&stored);
        let late = schema::load_deferring_log(&stored, true);
        // Some chunks read a few at a time first, the rest when read.
        late.db.reviews.read_some(some);
        prop_assert_eq!(&late.db, &eager.db);
        let mut problems = late.problems.clone();
        problems.extend(late.db.reviews.take_problems());
        prop_assert_eq!(problems, eager.problems);
    }

    #[test]
    fn any_stored_chunk_text_loads_without_panicking(text in ".{0,200}", month in 0u32..14) {
        let key = format!("rebound.reviews.2026-{month:02}");
        let stored = BTreeMap::from([
            (SCHEMA_KEY.to_string(), SCHEMA_VERSION.to_string()),
            (key, text),
        ]);
        let _ = schema::load(&stored);
    }
}
