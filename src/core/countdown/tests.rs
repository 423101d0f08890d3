//! Tests of the countdown: the memory it follows is `practice::rate`'s to the bit; plans
//! followed with `rate` reach the target on the day (or say which cards cannot, and what would
//! help); busy days are spread; the stored choice; and the speed over 1,500 cards.

use super::*;
use crate::core::practice::{rate, retrievability, Grade, PracticeSettings};
use proptest::prelude::*;

/// Local midnight of Monday 2 March 2026, taken as UTC (days are counted in 24-hour steps).
const T: Millis = 1_772_409_600_000;

fn settings() -> PracticeSettings {
    PracticeSettings::default()
}

fn ids(n: usize) -> Vec<Id> {
    (0..n).map(|i| format!("q{i}")).collect()
}

/// Follow `plan` with the app's own `rate`, rating Good at each planned session (a card seen
/// twice a day: again after its learning step). The cards after.
fn follow(plan: &Plan, cards: &[CardState], now: Millis) -> Vec<CardState> {
    let mut cards = cards.to_vec();
    for day in &plan.days {
        let t = session_at(day.day, now, T);
        for (id, times) in &day.cards {
            let mut at = t;
            for _ in 0..*times {
                let before = cards.iter().find(|c| &c.id == id).cloned();
                let (after, _) = rate(before.as_ref(), id, Grade::Good, at, &settings());
                match cards.iter_mut().find(|c| &c.id == id) {
                    Some(slot) => *slot = after,
                    None => cards.push(after),
                }
                at += 10 * MINUTE;
            }
        }
    }
    cards
}

fn recall_of(cards: &[CardState], id: &str, at: Millis) -> f64 {
    cards
        .iter()
        .find(|c| c.id == id)
        .and_then(|c| retrievability(c, at))
        .unwrap_or(0.0)
}

/// A card in a given state, as practice stores it.
fn card(id: &str, state: u8, stability: f64, difficulty: f64, last: Millis) -> CardState {
    CardState {
        id: id.into(),
        due: last + DAY,
        stability,
        difficulty,
        reps: 3,
        state,
        last_review: Some(last),
        updated: last,
        ..CardState::default()
    }
}

fn card_strategy(id: Id, now: Millis) -> impl Strategy<Value = Option<CardState>> {
    prop_oneof![
        2 => Just(None),
        1 => (0.1f64..6.0, 1.0f64..10.0, 0i64..2 * DAY).prop_map({
            let id = id.clone();
            move |(s, d, ago)| Some(card(&id, 1, s, d, now - ago))
        }),
        4 => (0.1f64..400.0, 1.0f64..10.0, 0i64..300 * DAY).prop_map({
            let id = id.clone();
            move |(s, d, ago)| Some(card(&id, 2, s, d, now - ago))
        }),
        1 => (0.1f64..10.0, 1.0f64..10.0, 0i64..3 * DAY).prop_map({
            move |(s, d, ago)| Some(card(&id, 3, s, d, now - ago))
        }),
    ]
}

/// A deck of up to 40 chosen cards (a third never practised), now at some time of today.
fn deck() -> impl Strategy<Value = (Millis, Vec<Id>, Vec<CardState>)> {
    (0i64..24 * HOUR, 1usize..40).prop_flat_map(|(hour_ms, n)| {
        let now = T + hour_ms;
        let chosen = ids(n);
        let cards: Vec<_> = chosen
            .iter()
            .map(|id| card_strategy(id.clone(), now))
            .collect();
        (Just(now), Just(chosen), cards)
            .prop_map(|(now, chosen, cards)| (now, chosen, cards.into_iter().flatten().collect()))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The issue's property: for any deck and any interview 1 to 30 days away, following the
    /// plan (Good on each planned day, through `practice::rate`) gives every chosen card at
    /// least the target on the day, or the plan says which cannot.
    #[test]
    fn following_the_plan_reaches_the_target_or_says_which_cannot(
        (now, chosen, cards) in deck(),
        days_away in 1i64..=30,
        start in 6 * HOUR..21 * HOUR,
        target_recall in MIN_TARGET..=MAX_TARGET,
        secs in 10u32..300,
    ) {
        let day_at = T + days_away * DAY + start;
        let plan = plan(&chosen, &cards, now, T, day_at, target_recall, secs);
        prop_assert!(!plan.started);
        prop_assert_eq!(plan.days.len() as i64, days_away);
        let after = follow(&plan, &cards, now);
        let short: HashSet<&str> = plan.short.iter().map(|s| s.id.as_str()).collect();
        for id in &chosen {
            let r = recall_of(&after, id, day_at);
            if short.contains(id.as_str()) {
                prop_assert!(r < plan.target, "{id} reported short at {r}");
            } else {
                prop_assert!(r >= plan.target, "{id}: {r} < {}", plan.target);
            }
            let said = plan.recall.iter().find(|(i, _)| i == id).map(|(_, r)| *r);
            prop_assert_eq!(said, Some(r), "the plan's own prediction, to the bit");
        }
        // The ready ones need nothing; no card is planned twice on one day.
        for day in &plan.days {
            let mut seen = HashSet::new();
            prop_assert!(day.cards.iter().all(|(id, _)| seen.insert(id)));
            prop_assert!(day.cards.iter().all(|(id, _)| !plan.ready.contains(id)));
        }
    }

    /// The memory the planner follows is exactly what `rate` stores for Good.
    #[test]
    fn the_planners_memory_is_rates_to_the_bit(
        (now, chosen, cards) in deck(),
        later in prop::collection::vec(0i64..20 * DAY, 1..4),
    ) {
        for id in &chosen {
            let mut stored = cards.iter().find(|c| &c.id == id).cloned();
            let mut m = Memory::of(stored.as_ref());
            let mut t = now;
            for step in &later {
                t += step;
                let (next, _) = rate(stored.as_ref(), id, Grade::Good, t, &settings());
                m = m.good(t, &Parameters::default());
                prop_assert_eq!(
                    (m.state, m.stability, m.difficulty, m.last),
                    (next.state, next.stability, next.difficulty, next.last_review)
                );
                prop_assert_eq!(Some(m.recall(t + DAY)), retrievability(&next, t + DAY).or(Some(0.0)));
                stored = Some(next);
            }
        }
    }
}

#[test]
fn a_new_answer_the_day_before_is_practised_twice_today() {
    let now = T + 8 * HOUR;
    let chosen = ids(1);
    let day_at = T + DAY + 9 * HOUR;
    let plan = plan(&chosen, &[], now, T, day_at, 0.9, 90);
    assert_eq!(plan.days.len(), 1);
    assert_eq!(plan.today(), [("q0".to_string(), 2)]);
    assert!(plan.short.is_empty() && plan.ready.is_empty());
    assert_eq!(plan.minutes_a_day(), 3, "two looks at 90 s");
    let after = follow(&plan, &[], now);
    assert!(recall_of(&after, "q0", day_at) >= 0.9);
}

#[test]
fn a_fresh_card_needs_nothing_and_a_past_interview_plans_nothing() {
    let now = T + 8 * HOUR;
    let fresh = card("q0", 2, 200.0, 4.0, now - DAY);
    let plan = plan(
        &ids(1),
        std::slice::from_ref(&fresh),
        now,
        T,
        T + 5 * DAY,
        0.9,
        60,
    );
    assert_eq!(plan.ready, ["q0"]);
    assert_eq!(plan.total_ratings(), 0);
    assert_eq!(plan.minutes_a_day(), 0);
    assert_eq!(plan.days.len(), 5, "every day until the day before, empty");
    let done = super::plan(&ids(1), &[fresh], now, T, now - HOUR, 0.9, 60);
    assert!(done.started && done.days.is_empty() && done.recall.is_empty());
}

#[test]
fn an_interview_later_today_is_planned_now() {
    let now = T + 8 * HOUR;
    let day_at = T + 14 * HOUR;
    let plan = plan(&ids(2), &[], now, T, day_at, 0.9, 60);
    assert_eq!(plan.days.len(), 1);
    assert_eq!(plan.days[0].day, 0);
    assert_eq!(plan.today().len(), 2);
    assert!(plan.short.is_empty());
}

#[test]
fn a_card_that_cannot_get_there_is_said_kindly_with_what_would_help() {
    let now = T + 8 * HOUR;
    // Forgotten this morning: relearning with little stability. The interview is tomorrow
    // evening and the target the highest.
    let weak = card("q0", 3, 0.1, 9.0, now - HOUR);
    let day_at = T + DAY + 19 * HOUR;
    let plan = plan(
        &ids(1),
        std::slice::from_ref(&weak),
        now,
        T,
        day_at,
        0.97,
        90,
    );
    assert_eq!(plan.short.len(), 1, "{plan:?}");
    let short = &plan.short[0];
    assert_eq!(short.id, "q0");
    assert!(short.recall < 0.97);
    assert!(plan.today().len() == 1, "still practised today: {plan:?}");
    assert_eq!(short.help, Help::OnTheWay);
    // What would help does help: a read an hour before.
    let after = follow(&plan, &[weak], now);
    let c = after.iter().find(|c| c.id == "q0").cloned();
    let (read, _) = rate(c.as_ref(), "q0", Grade::Good, day_at - HOUR, &settings());
    assert!(retrievability(&read, day_at).unwrap_or(0.0) >= 0.97);
}

#[test]
fn once_more_tonight_is_offered_when_that_is_enough() {
    // Tomorrow at 18:00, a weak card, forgotten this morning: this morning's look is not quite
    // enough, another tonight brings it there.
    let now = T + 7 * HOUR;
    let weak = card("q0", 3, 0.6, 8.0, now - 2 * HOUR);
    let day_at = T + DAY + 18 * HOUR;
    let target_recall = 0.88;
    let plan = plan(
        &ids(1),
        std::slice::from_ref(&weak),
        now,
        T,
        day_at,
        target_recall,
        90,
    );
    if let Some(short) = plan.short.first() {
        assert_eq!(short.help, Help::AgainTonight, "{plan:?}");
        let after = follow(&plan, &[weak], now);
        let c = after.iter().find(|c| c.id == "q0").cloned();
        let (tonight, _) = rate(c.as_ref(), "q0", Grade::Good, T + 21 * HOUR, &settings());
        assert!(retrievability(&tonight, day_at).unwrap_or(0.0) >= target_recall);
    } else {
        panic!("expected a shortfall: {plan:?}");
    }
}

#[test]
fn a_card_reviewed_today_is_not_planned_again_today() {
    let now = T + 20 * HOUR;
    let seen = card("q0", 2, 3.0, 5.0, T + 8 * HOUR);
    let plan = plan(&ids(1), &[seen], now, T, T + 10 * DAY + 9 * HOUR, 0.9, 60);
    assert!(plan.today().is_empty(), "{plan:?}");
    assert_eq!(plan.total_ratings(), 1);
}

#[test]
fn many_new_answers_are_spread_over_the_days_left() {
    let now = T + 8 * HOUR;
    let chosen = ids(300);
    let days_away = 20;
    let day_at = T + days_away * DAY + 9 * HOUR;
    let plan = plan(&chosen, &[], now, T, day_at, 0.9, 60);
    assert!(plan.short.is_empty());
    let loads: Vec<u32> = plan.days.iter().map(PlanDay::ratings).collect();
    let busiest = loads.iter().copied().max().unwrap_or(0);
    let mean = f64::from(plan.total_ratings()) / loads.len() as f64;
    println!("300 new answers over {days_away} days: {loads:?} (mean {mean})");
    assert!(
        f64::from(busiest) <= 1.5 * mean,
        "busiest {busiest} vs mean {mean}: {loads:?}"
    );
    // One look (two ratings) alone would need the last four days: 150 ratings each.
    assert!(busiest < 100, "{loads:?}");
    let after = follow(&plan, &[], now);
    assert!(chosen.iter().all(|id| recall_of(&after, id, day_at) >= 0.9));
}

#[test]
fn a_few_cards_are_not_spread_for_nothing() {
    let now = T + 8 * HOUR;
    let plan = plan(&ids(5), &[], now, T, T + 20 * DAY + 9 * HOUR, 0.9, 90);
    assert_eq!(plan.total_ratings(), 10, "one first look each: {plan:?}");
}

#[test]
fn replanning_every_day_and_doing_todays_part_reaches_the_target() {
    // The shell recomputes the plan whenever it shows it: do today's part, come back tomorrow
    // at another time of day, and so on.
    let chosen = ids(60);
    let mut cards: Vec<CardState> = Vec::new();
    for (i, id) in chosen.iter().enumerate().skip(20) {
        cards.push(card(id, 2, 1.0 + i as f64, 5.0, T - (i as i64 % 9) * DAY));
    }
    let day_at = T + 12 * DAY + 10 * HOUR;
    for k in 0..12 {
        let today_start = T + k * DAY;
        let now = today_start + (7 + (k * 5) % 13) * HOUR;
        let plan = plan(&chosen, &cards, now, today_start, day_at, 0.9, 60);
        for (id, times) in plan.today() {
            let mut at = now;
            for _ in 0..*times {
                let before = cards.iter().find(|c| &c.id == id).cloned();
                let (after, _) = rate(before.as_ref(), id, Grade::Good, at, &settings());
                match cards.iter_mut().find(|c| &c.id == id) {
                    Some(slot) => *slot = after,
                    None => cards.push(after),
                }
                at += 10 * MINUTE;
            }
        }
    }
    let low: Vec<(&Id, f64)> = chosen
        .iter()
        .map(|id| (id, recall_of(&cards, id, day_at)))
        .filter(|(_, r)| *r < 0.9)
        .collect();
    assert!(low.is_empty(), "{low:?}");
}

#[test]
fn targets_are_clamped() {
    assert_eq!(target(0.5), MIN_TARGET);
    assert_eq!(target(1.0), MAX_TARGET);
    assert_eq!(target(f64::NAN), DEFAULT_TARGET);
    assert_eq!(target(0.93), 0.93);
}

#[test]
fn a_prep_is_stored_small_and_loads_leniently() {
    let p = Prep {
        id: "i1".into(),
        questions: vec!["q1".into(), "s-behavioural-01".into()],
        created: 1,
        updated: 2,
        ..Prep::default()
    };
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(
        json,
        r#"{"id":"i1","questions":["q1","s-behavioural-01"],"created":1,"updated":2}"#
    );
    let newer: Prep = serde_json::from_str(r#"{"id":"i1","mode":"sprint"}"#).unwrap();
    assert!(newer.questions.is_empty());
    assert_eq!(newer.extra["mode"], "sprint");
}

/// Speed: planning 1,500 cards (a third never practised, the rest in every state) for an
/// interview 30 days away. Measured with
/// `cargo test --release --offline -p rebound --lib countdown_speed -- --nocapture`
/// (the bar: under 12 ms unthrottled on a desktop core; it measured about 3 ms).
#[test]
fn countdown_speed() {
    let now = T + 8 * HOUR;
    let chosen = ids(1_500);
    let mut cards = Vec::new();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    };
    for id in chosen.iter() {
        let r = next();
        if r % 3 == 0 {
            continue; // never practised
        }
        let state = [1, 2, 2, 2, 3][(r >> 8) as usize % 5];
        let stability = 0.1 + (r >> 16) as f64 % 300.0;
        let ago = ((r >> 32) % (60 * DAY as u64)) as i64;
        cards.push(card(
            id,
            state,
            stability,
            1.0 + (r >> 40) as f64 % 9.0,
            now - ago,
        ));
    }
    let day_at = T + 30 * DAY + 9 * HOUR;
    let mut times = Vec::new();
    let mut result = None;
    for _ in 0..15 {
        let start = std::time::Instant::now();
        result = Some(plan(&chosen, &cards, now, T, day_at, 0.9, 60));
        times.push(start.elapsed());
    }
    times.sort();
    let plan = result.unwrap();
    println!(
        "countdown over {} cards, 30 days: median {:?}, fastest {:?}; {} ratings, busiest day \
         {} min, {} ready, {} short",
        chosen.len(),
        times[times.len() / 2],
        times[0],
        plan.total_ratings(),
        plan.busiest_minutes(),
        plan.ready.len(),
        plan.short.len()
    );
    let after = follow(&plan, &cards, now);
    let short: HashSet<&str> = plan.short.iter().map(|s| s.id.as_str()).collect();
    assert!(chosen
        .iter()
        .filter(|id| !short.contains(id.as_str()))
        .all(|id| recall_of(&after, id, day_at) >= 0.9));

    // The heaviest case: 1,500 answers never practised, every one to spread.
    let mut times = Vec::new();
    let mut result = None;
    for _ in 0..15 {
        let start = std::time::Instant::now();
        result = Some(super::plan(&chosen, &[], now, T, day_at, 0.9, 60));
        times.push(start.elapsed());
    }
    times.sort();
    let plan = result.unwrap();
    println!(
        "countdown over {} new cards, 30 days: median {:?}, fastest {:?}; {} ratings, busiest \
         day {} min",
        chosen.len(),
        times[times.len() / 2],
        times[0],
        plan.total_ratings(),
        plan.busiest_minutes(),
    );
}

#[test]
fn suggestions_start_with_what_was_asked_there_then_the_stage_answered_first() {
    use crate::core::model::Stage;
    use crate::core::questions::{Answer, Category, Question, STARTER};
    let answered = |id: &str, category: Category, created: Millis| {
        let mut q = Question::new(id.into(), format!("Question {id}"), category, created);
        q.answer = Answer {
            text: "My answer".into(),
            ..Answer::default()
        };
        q
    };
    let mut asked = Question::new(
        "asked".into(),
        "Why Initech?".into(),
        Category::Motivation,
        1,
    );
    asked.interview_id = Some("i1".into());
    let mut hidden = answered("hidden", Category::Weaknesses, 2);
    hidden.hidden = true;
    let stored = vec![
        asked,
        answered("weak", Category::Weaknesses, 3),
        answered("tech", Category::Technical, 4),
        answered("salary", Category::Salary, 5),
        hidden,
    ];
    let interview = Interview {
        id: "i1".into(),
        role: "Product designer".into(),
        stage: Stage::Interview,
        ..Interview::default()
    };
    let picked = suggest(&interview, &stored);
    assert_eq!(picked[..2], ["asked", "weak"]);
    assert!(picked.len() <= MAX_SUGGESTED);
    assert!(!picked
        .iter()
        .any(|id| id == "hidden" || id == "tech" || id == "salary"));
    // The rest are starters still to write, in the stage's categories.
    let stage_starters = |id: &Id| {
        STARTER.iter().any(|s| {
            s.id == id
                && [
                    Category::Behavioural,
                    Category::Situational,
                    Category::Weaknesses,
                    Category::AskThem,
                ]
                .contains(&s.category)
        })
    };
    assert!(picked[2..].iter().all(stage_starters), "{picked:?}");

    // A technical role brings the technical questions in.
    let engineer = Interview {
        role: "Senior Data Engineer".into(),
        ..interview.clone()
    };
    assert!(suggest(&engineer, &stored).contains(&"tech".to_string()));
    // A screening call: motivation, career story, salary.
    let screening = Interview {
        stage: Stage::Screening,
        ..interview
    };
    assert_eq!(suggest(&screening, &stored)[..2], ["asked", "salary"]);
}
