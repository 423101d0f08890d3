//! Tests of practice: ratings and intervals, undo, damaged or odd cards and clocks, the due
//! and focus queues, labels, the compact stored shapes, and a simulated year that fits.

use super::*;
use crate::core::model::new_id;

#[test]
fn a_focus_queue_puts_the_weakest_first_and_skips_what_was_rated() {
    let now = 100 * DAY;
    let card = |id: &str, stability: f64| CardState {
        id: id.into(),
        stability,
        state: 2,
        last_review: Some(now - 10 * DAY),
        due: now + DAY,
        ..CardState::default()
    };
    let cards = vec![card("strong", 300.0), card("weak", 2.0)];
    let ids: Vec<Id> = ["new", "strong", "weak"].map(String::from).to_vec();
    assert_eq!(
        focus_queue(&ids, &cards, &[], now, 10),
        ["weak", "strong", "new"]
    );
    assert_eq!(
        focus_queue(&ids, &cards, &["weak".into()], now, 1),
        ["strong"]
    );
    assert!(focus_queue(&[], &cards, &[], now, 10).is_empty());
}

/// 2025-01-06 00:00 UTC.
const T0: Millis = 1_736_121_600_000;

fn s() -> PracticeSettings {
    PracticeSettings::default()
}

/// A card in review, reached by rating Good twice (new -> learning -> review).
fn review_card(id: &str) -> CardState {
    let (c, _) = rate(None, id, Grade::Good, T0, &s());
    let (c, _) = rate(Some(&c), id, Grade::Good, c.due, &s());
    assert_eq!(c.state, 2);
    c
}

fn intervals(card: Option<&CardState>, now: Millis) -> Vec<Millis> {
    preview(card, "q", now, &s())
        .iter()
        .map(|(_, due, _)| due - now)
        .collect()
}

#[test]
fn grade_keys_and_labels() {
    for g in Grade::ALL {
        assert_eq!(Grade::from_key(g.key()), Some(g));
    }
    assert_eq!(Grade::from_key(0), None);
    assert_eq!(Grade::from_key(5), None);
    assert_eq!(Grade::Again.label(), "Again");
    assert_eq!(Grade::Easy.key(), 4);
}

#[test]
fn good_grows_the_interval() {
    let mut card = review_card("q");
    let mut last_interval = card.due - card.last_review.unwrap_or_default();
    assert!(last_interval >= DAY);
    for _ in 0..5 {
        let now = card.due;
        let (next, entry) = rate(Some(&card), "q", Grade::Good, now, &s());
        let interval = next.due - now;
        assert!(interval > last_interval, "{interval} <= {last_interval}");
        assert_eq!(entry.at, now);
        assert_eq!(next.reps, card.reps + 1);
        last_interval = interval;
        card = next;
    }
    assert_eq!(card.lapses, 0);
}

#[test]
fn again_on_a_review_card_relearns() {
    let card = review_card("q");
    let now = card.due + 2 * DAY;
    let (next, _) = rate(Some(&card), "q", Grade::Again, now, &s());
    assert_eq!(next.state, 3);
    assert_eq!(next.lapses, card.lapses + 1);
    assert!(next.due - now <= 10 * MINUTE);
    assert!(next.stability < card.stability);
    // Good from relearning goes back to review.
    let (back, _) = rate(Some(&next), "q", Grade::Good, next.due, &s());
    assert_eq!(back.state, 2);
    assert!(back.due - next.due >= DAY);
}

#[test]
fn grades_order_intervals() {
    let new = intervals(None, T0);
    assert!(new.windows(2).all(|w| w[0] < w[1]), "{new:?}");
    assert_eq!(new[0], MINUTE);
    let card = review_card("q");
    let review = intervals(Some(&card), card.due);
    assert!(review.windows(2).all(|w| w[0] < w[1]), "{review:?}");
    let (learning, _) = rate(None, "q", Grade::Again, T0, &s());
    let l = intervals(Some(&learning), learning.due);
    assert!(l.windows(2).all(|w| w[0] < w[1]), "{l:?}");
}

#[test]
fn preview_matches_rate() {
    let card = review_card("q");
    for (c, now) in [(None, T0), (Some(&card), card.due + 3 * DAY)] {
        let p = preview(c, "q", now, &s());
        for (grade, due, label) in p {
            let (next, _) = rate(c, "q", grade, now, &s());
            assert_eq!(next.due, due);
            assert_eq!(label, interval_label(due - now));
        }
    }
    let labels: Vec<String> = preview(None, "q", T0, &s())
        .into_iter()
        .map(|(_, _, l)| l)
        .collect();
    assert_eq!(labels[..3], ["1 min", "5 min", "10 min"]);
    assert!(labels[3].ends_with("days"), "{labels:?}");
}

#[test]
fn undo_restores_exactly() {
    let other = review_card("other");
    let mut cards = vec![other.clone()];
    let mut log = vec![ReviewEntry {
        extra: Default::default(),
        id: "other".into(),
        at: T0,
        grade: Grade::Good,
    }];
    let (cards0, log0) = (cards.clone(), log.clone());

    // A new card.
    let (c, e) = rate(None, "q", Grade::Good, T0 + HOUR, &s());
    let record = apply_rating(&mut cards, &mut log, c, e);
    assert_eq!(record.before, None);
    assert_eq!(cards.len(), 2);
    assert!(undo(&mut cards, &mut log, &record));
    assert_eq!((&cards, &log), (&cards0, &log0));

    // An existing card.
    let (c, e) = rate(Some(&other), "other", Grade::Hard, other.due, &s());
    let record = apply_rating(&mut cards, &mut log, c, e);
    assert_eq!(record.before.as_ref(), Some(&other));
    assert_ne!(cards, cards0);
    assert!(undo(&mut cards, &mut log, &record));
    assert_eq!((&cards, &log), (&cards0, &log0));

    // A record that is not the last entry changes nothing.
    assert!(!undo(&mut cards, &mut log, &record));
    let (c, e) = rate(Some(&other), "other", Grade::Easy, other.due, &s());
    let first = apply_rating(&mut cards, &mut log, c.clone(), e);
    let (c2, e2) = rate(Some(&c), "other", Grade::Good, c.due, &s());
    let _second = apply_rating(&mut cards, &mut log, c2, e2);
    let (cards1, log1) = (cards.clone(), log.clone());
    assert!(!undo(&mut cards, &mut log, &first));
    assert_eq!((&cards, &log), (&cards1, &log1));
}

#[test]
fn clock_going_backwards() {
    let card = review_card("q");
    let last = card.last_review.unwrap_or_default();
    for now in [last - MINUTE, last - 30 * DAY, 0, -5, i64::MIN, i64::MAX] {
        for grade in Grade::ALL {
            let (next, entry) = rate(Some(&card), "q", grade, now, &s());
            assert!(next.due >= now, "{grade:?} at {now}");
            assert!(next.stability.is_finite() && next.stability > 0.0);
            assert!(next.difficulty.is_finite());
            assert_eq!(entry.at, now);
            let _ = preview(Some(&next), "q", now, &s());
        }
    }
    // No time elapsed: the same as rating exactly at the last review, shifted to now.
    let (back, _) = rate(Some(&card), "q", Grade::Good, last - DAY, &s());
    let (same, _) = rate(Some(&card), "q", Grade::Good, last, &s());
    assert_eq!(back.due - (last - DAY), same.due - last);
    assert_eq!(back.stability, same.stability);
}

#[test]
fn damaged_cards_do_not_panic_or_nan() {
    let weird = [
        CardState::default(),
        CardState {
            state: 2,
            ..CardState::default()
        },
        CardState {
            state: 9,
            stability: f64::NAN,
            difficulty: f64::INFINITY,
            reps: u32::MAX,
            lapses: u32::MAX,
            last_review: Some(i64::MAX),
            due: i64::MIN,
            ..CardState::default()
        },
        CardState {
            state: 1,
            stability: -3.0,
            difficulty: -1.0,
            last_review: Some(T0),
            ..CardState::default()
        },
    ];
    for card in &weird {
        for grade in Grade::ALL {
            let (next, _) = rate(Some(card), "q", grade, T0, &s());
            assert!(next.due >= T0);
            assert!(next.stability.is_finite() && next.difficulty.is_finite());
        }
        let r = retrievability(card, T0);
        assert!(r.is_none_or(|r| (0.0..=1.0).contains(&r)));
    }
}

#[test]
fn retention_is_clamped() {
    let card = review_card("q");
    let due = |r: f64| {
        let settings = PracticeSettings {
            desired_retention: r,
            ..s()
        };
        rate(Some(&card), "q", Grade::Good, card.due, &settings)
            .0
            .due
    };
    assert_eq!(due(0.1), due(0.7));
    assert_eq!(due(1.0), due(0.97));
    assert_eq!(due(f64::NAN), due(0.9));
    assert!(due(0.8) > due(0.95), "lower retention, longer interval");
    assert_eq!(
        PracticeSettings {
            desired_retention: 2.0,
            new_per_day: 1
        }
        .retention(),
        0.97
    );
}

fn ids(n: usize) -> Vec<Id> {
    (0..n).map(|i| format!("q{i}")).collect()
}

#[test]
fn due_queue_orders_and_limits_new() {
    let ids = ids(6);
    let settings = PracticeSettings {
        new_per_day: 2,
        ..s()
    };
    let card = |id: &str, due: Millis| CardState {
        id: id.into(),
        due,
        stability: 3.0,
        difficulty: 5.0,
        reps: 2,
        state: 2,
        last_review: Some(due - 3 * DAY),
        updated: due - 3 * DAY,
        ..CardState::default()
    };
    let now = T0 + 10 * HOUR;
    let today = T0;
    // q1 due long ago, q3 due a little ago, q4 not due yet; q0, q2, q5 new.
    let cards = vec![
        card("q3", now - HOUR),
        card("q1", now - 5 * DAY),
        card("q4", now + HOUR),
        card("gone", now - 9 * DAY), // no longer a candidate (hidden or deleted)
    ];
    let queue = due_queue(&ids, &cards, &[], now, today, &settings);
    assert_eq!(queue, ["q1", "q3", "q0", "q2"]);
    // With no new questions, the log (the largest thing stored) is not read at all.
    let scheduled = ["q1".to_string(), "q3".into(), "q4".into()];
    let queue = due_queue_with(
        &scheduled,
        &cards,
        || panic!("the log was read"),
        now,
        &settings,
    );
    assert_eq!(queue, ["q1", "q3"]);
    assert_eq!(due_count(&ids, &cards, &[], now, today, &settings), 4);

    // One new card first rated today leaves one new slot.
    let (c, e) = rate(None, "q0", Grade::Good, T0 + HOUR, &settings);
    let (mut cards2, mut log) = (cards.clone(), vec![]);
    apply_rating(&mut cards2, &mut log, c, e);
    // An old card's review today does not count against new.
    log.insert(
        0,
        ReviewEntry {
            extra: Default::default(),
            id: "q1".into(),
            at: T0 - 4 * DAY,
            grade: Grade::Good,
        },
    );
    log.push(ReviewEntry {
        extra: Default::default(),
        id: "q1".into(),
        at: T0 + 2 * HOUR,
        grade: Grade::Good,
    });
    let queue = due_queue(&ids, &cards2, &log, now, today, &settings);
    assert_eq!(queue, ["q1", "q0", "q3", "q2"]);
    // Tomorrow the allowance is back; the learning card q0 is due by then.
    let tomorrow = today + DAY;
    let queue = due_queue(&ids, &cards2, &log, tomorrow + HOUR, tomorrow, &settings);
    assert_eq!(queue[..4], ["q1", "q0", "q3", "q4"]);
    assert_eq!(queue[4..], ["q2", "q5"]);

    // Limit 0: only due cards; duplicates in candidates count once.
    let zero = PracticeSettings {
        new_per_day: 0,
        ..s()
    };
    let mut dup = ids.clone();
    dup.push("q1".into());
    assert_eq!(
        due_queue(&dup, &cards, &[], now, today, &zero),
        ["q1", "q3"]
    );
}

#[test]
fn retrievability_and_labels() {
    let card = review_card("q");
    assert_eq!(retrievability(&CardState::default(), T0), None);
    let at_review = retrievability(&card, card.last_review.unwrap_or_default());
    assert_eq!(at_review, Some(1.0));
    let at_due = retrievability(&card, card.due).unwrap_or_default();
    assert!((at_due - 0.9).abs() < 0.03, "{at_due}");
    let later = retrievability(&card, card.due + 30 * DAY).unwrap_or_default();
    assert!(later < at_due);

    assert_eq!(interval_label(0), "1 min");
    assert_eq!(interval_label(10 * MINUTE), "10 min");
    assert_eq!(interval_label(3 * HOUR), "3 hours");
    assert_eq!(interval_label(DAY), "1 day");
    assert_eq!(interval_label(3 * DAY), "3 days");
    assert_eq!(interval_label(61 * DAY), "2 months");
    assert_eq!(interval_label(365 * DAY), "1 year");
    assert_eq!(interval_label(548 * DAY), "1.5 years");
    assert_eq!(due_label(T0, T0), "now");
    assert_eq!(due_label(T0 - DAY, T0), "now");
    assert_eq!(due_label(T0 + 3 * DAY, T0), "in 3 days");
    assert_eq!(due_label(T0 + 10 * MINUTE, T0), "in 10 min");
}

#[test]
fn compact_serialization_round_trips() {
    let card = review_card("q");
    let json = serde_json::to_string(&card).unwrap();
    assert!(json.starts_with(r#"{"i":"q","d":"#), "{json}");
    assert!(!json.contains("\"l\""), "zero lapses are left out: {json}");
    assert_eq!(serde_json::from_str::<CardState>(&json).unwrap(), card);

    let entry = ReviewEntry {
        extra: Default::default(),
        id: "q".into(),
        at: T0,
        grade: Grade::Hard,
    };
    let json = serde_json::to_string(&vec![entry.clone()]).unwrap();
    assert_eq!(json, format!(r#"[["q",{T0},2]]"#));
    assert_eq!(
        serde_json::from_str::<Vec<ReviewEntry>>(&json).unwrap(),
        [entry]
    );
}

#[test]
fn loads_leniently() {
    let card: CardState = serde_json::from_str(r#"{"i":"q","d":5,"future":[1]}"#).unwrap();
    assert_eq!((card.id.as_str(), card.due, card.state), ("q", 5, 0));
    assert_eq!(card.last_review, None);
    let entries: Vec<ReviewEntry> =
        serde_json::from_str(r#"[["a",1.7e12,9],["b",2,0,"extra"],["c",3]]"#).unwrap();
    assert_eq!(entries[0].at, 1_700_000_000_000);
    assert_eq!(
        entries.iter().map(|e| e.grade).collect::<Vec<_>>(),
        [Grade::Easy, Grade::Again, Grade::Good]
    );
    assert!(serde_json::from_str::<ReviewEntry>(r#"["a"]"#).is_err());
    assert!(serde_json::from_str::<ReviewEntry>(r#"{"id":"a"}"#).is_err());
}

/// A fixed pseudo-random sequence (xorshift64*).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// Weighted to Good: Again 10%, Hard 15%, Good 65%, Easy 10%.
    fn grade(&mut self) -> Grade {
        match self.next() % 100 {
            0..10 => Grade::Again,
            10..25 => Grade::Hard,
            25..90 => Grade::Good,
            _ => Grade::Easy,
        }
    }
}

#[test]
fn simulated_year_fits() {
    const QUESTIONS: usize = 1_500;
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    // Ids as the app makes them: created over a few weeks, with 64 bits of entropy.
    let bank: Vec<Id> = (0..QUESTIONS)
        .map(|i| new_id(T0 - 30 * DAY + i as i64 * 37_000, rng.next()))
        .collect();
    let settings = PracticeSettings {
        new_per_day: 20,
        ..s()
    };
    let mut cards: Vec<CardState> = Vec::new();
    let mut log: Vec<ReviewEntry> = Vec::new();
    let mut index: HashMap<Id, usize> = HashMap::new();
    let mut max_day = 0;
    for day in 0..365 {
        let today = T0 + day * DAY;
        let session_end = today + 9 * HOUR;
        let mut now = today + 8 * HOUR;
        let mut done_today = 0;
        loop {
            let queue = due_queue(&bank, &cards, &log, now, today, &settings);
            if queue.is_empty() {
                // Come back for learning steps that come due within the session (a short
                // break takes those due within a few minutes of each other together).
                match cards
                    .iter()
                    .map(|c| c.due)
                    .filter(|&d| d > now && d < session_end)
                    .min()
                {
                    Some(d) => now = d + 10 * MINUTE,
                    None => break,
                }
                continue;
            }
            for id in queue {
                let before = index.get(&id).map(|&i| &cards[i]);
                let (card, entry) = rate(before, &id, rng.grade(), now, &settings);
                assert!(card.due > now);
                match index.get(&id) {
                    Some(&i) => cards[i] = card,
                    None => {
                        index.insert(id.clone(), cards.len());
                        cards.push(card);
                    }
                }
                log.push(entry);
                now += 20_000;
                done_today += 1;
            }
        }
        max_day = max_day.max(done_today);
    }
    assert_eq!(cards.len(), QUESTIONS, "every question introduced");
    let cards_json = serde_json::to_string(&cards).unwrap();
    let log_json = serde_json::to_string(&log).unwrap();
    let (c, l) = (cards_json.len(), log_json.len());
    let utf16 = 2 * (c + l);
    println!(
        "simulated year: {QUESTIONS} questions, {} ratings (busiest day {max_day}); \
         cards {c} B, log {l} B, total {} B UTF-8 = {utf16} B as UTF-16",
        log.len(),
        c + l
    );
    assert!(utf16 < 2_000_000, "{utf16} bytes as UTF-16");
    // It loads back exactly.
    assert_eq!(
        serde_json::from_str::<Vec<CardState>>(&cards_json).unwrap(),
        cards
    );
    assert_eq!(
        serde_json::from_str::<Vec<ReviewEntry>>(&log_json).unwrap(),
        log
    );
}

// Seconds per card ---------------------------------------------------------------------

#[test]
fn seconds_are_stored_as_the_fourth_element_and_read_back() {
    let (_, entry) = rate(None, "q", Grade::Good, T0, &s());
    assert_eq!(entry.secs(), None);
    let json = serde_json::to_string(&entry).unwrap();
    assert_eq!(json, format!(r#"["q",{T0},3]"#), "no seconds: as before");
    let timed = entry.with_secs(41);
    assert_eq!(timed.secs(), Some(41));
    let json = serde_json::to_string(&timed).unwrap();
    assert_eq!(json, format!(r#"["q",{T0},3,41]"#));
    assert_eq!(serde_json::from_str::<ReviewEntry>(&json).unwrap(), timed);
    // Cut to the most worth recording.
    assert_eq!(
        timed.clone().with_secs(5 * 3600).secs(),
        Some(ReviewEntry::MAX_SECS)
    );
}

#[test]
fn seconds_written_by_a_newer_build_with_more_after_them_are_read_and_kept() {
    let text = r#"[["q-1",1763500000000,3,41],["q-1",1763600000000,4,35,{"device":"phone"}],["s-1",1763600000000,1]]"#;
    let log: Vec<ReviewEntry> = serde_json::from_str(text).unwrap();
    let secs: Vec<Option<u32>> = log.iter().map(ReviewEntry::secs).collect();
    assert_eq!(secs, [Some(41), Some(35), None]);
    assert_eq!(
        serde_json::to_string(&log).unwrap(),
        text,
        "written back unchanged"
    );
}

#[test]
fn a_fourth_element_that_is_not_a_number_is_unknown_and_kept() {
    for (fourth, expected) in [
        ("null", None),
        (r#""41""#, None),
        ("[41]", None),
        (r#"{"s":41}"#, None),
        ("true", None),
        ("-5", Some(0)),
        ("12.5", Some(13)),
        ("1e300", Some(u32::MAX)),
        ("0", Some(0)),
    ] {
        let text = format!(r#"["q",1,3,{fourth},"later"]"#);
        let entry: ReviewEntry = serde_json::from_str(&text).unwrap();
        assert_eq!(entry.secs(), expected, "{fourth}");
        let back: serde_json::Value =
            serde_json::from_str(&serde_json::to_string(&entry).unwrap()).unwrap();
        let original: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, original, "{fourth} kept");
    }
}

#[test]
fn the_time_per_card_is_the_median_of_the_latest_timed_ratings() {
    assert_eq!(secs_per_card(&[]), DEFAULT_SECS_PER_CARD);
    let entry = |secs: Option<u32>| {
        let e = ReviewEntry::new("q".into(), T0, Grade::Good);
        match secs {
            Some(s) => e.with_secs(s),
            None => e,
        }
    };
    let untimed = vec![entry(None); 5];
    assert_eq!(secs_per_card(&untimed), 90, "90 s before there is one");
    let log: Vec<ReviewEntry> = [Some(30), None, Some(200), Some(40), Some(50)]
        .into_iter()
        .map(entry)
        .collect();
    assert_eq!(secs_per_card(&log), 45, "median of 30, 40, 50, 200");
    assert_eq!(secs_per_card(&log[..1]), 30);
    assert_eq!(secs_per_card(&[entry(Some(0))]), 1, "never 0");
    // Only the latest 100 timed ratings count: 100 quick ones after many slow ones.
    let mut long: Vec<ReviewEntry> = (0..300).map(|_| entry(Some(600))).collect();
    long.extend((0..100).map(|_| entry(Some(20))));
    assert_eq!(secs_per_card(&long), 20);
}

mod lenient_log {
    use super::*;
    use proptest::prelude::*;

    fn json_leaf() -> impl Strategy<Value = serde_json::Value> {
        prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<u64>().prop_map(serde_json::Value::from),
            (-1.0e12f64..1.0e12).prop_map(serde_json::Value::from),
            "\\PC{0,8}".prop_map(serde_json::Value::from),
        ]
    }

    proptest! {
        #[test]
        fn any_trailing_elements_read_without_panic_and_are_kept(
            tail in proptest::collection::vec(json_leaf(), 0..4),
            nested in any::<bool>(),
        ) {
            let mut tail = tail;
            if nested {
                tail.push(serde_json::json!({"a": [1, "b"]}));
            }
            let mut array = vec![serde_json::json!("q"), serde_json::json!(T0), serde_json::json!(3)];
            array.extend(tail.iter().cloned());
            let text = serde_json::Value::Array(array.clone()).to_string();
            let entry: ReviewEntry = serde_json::from_str(&text).unwrap();
            let secs = entry.secs();
            if let Some(n) = tail.first().and_then(|v| v.as_f64()) {
                prop_assert!(secs.is_some());
                prop_assert!(n >= 0.0 || secs == Some(0));
            } else {
                prop_assert_eq!(secs, None);
            }
            let back: serde_json::Value = serde_json::from_str(&serde_json::to_string(&entry).unwrap()).unwrap();
            prop_assert_eq!(back, serde_json::Value::Array(array));
            let _ = secs_per_card(&[entry]);
        }
    }
}
