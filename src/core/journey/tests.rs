//! Tests of the journey: text helpers, the timeline, milestones, and the numbers behind the
//! charts (heatmap, months, reflected share, recall, streak).

use super::*;
use crate::core::model::Stage;
use crate::core::model::{Feedback, FeedbackStatus, LetterKind, LetterUse, LetterVia};
use crate::core::model::{MistakeNote, RejectionReason};
use crate::core::plan::{Action, PlanStatus, Source};
use crate::core::practice::Grade;
use crate::core::questions::Answer;
use crate::core::questions::Category;
use crate::core::test_days::{at, d};

fn interview(id: &str, day: NaiveDate, outcome: Outcome) -> Interview {
    Interview {
        id: id.into(),
        company: format!("Co {id}"),
        role: "Engineer".into(),
        date: Some(day),
        stage: Stage::Interview,
        outcome,
        created: at(day),
        updated: at(day),
        ..Interview::default()
    }
}

fn review(id: &str, when: Millis) -> ReviewEntry {
    ReviewEntry {
        extra: Default::default(),
        id: id.into(),
        at: when,
        grade: Grade::Good,
    }
}

fn input<'a>(
    interviews: &'a [Interview],
    reflections: &'a [Reflection],
    questions: &'a [Question],
    reviews: &'a [ReviewEntry],
    plan: &'a [PlanItem],
    today: NaiveDate,
) -> JourneyInput<'a> {
    JourneyInput {
        interviews,
        reflections,
        questions,
        reviews,
        plan,
        today,
    }
}

#[test]
fn day_of_treats_zero_as_unknown() {
    assert_eq!(day_of(0), None);
    assert_eq!(day_of(-5), None);
    assert_eq!(day_of(i64::MAX), None);
    assert_eq!(day_of(at(d(2026, 3, 3))), Some(d(2026, 3, 3)));
    // 23:59:59.999 UTC is still that day.
    let late = d(2026, 3, 3)
        .and_hms_milli_opt(23, 59, 59, 999)
        .unwrap()
        .and_utc()
        .timestamp_millis();
    assert_eq!(day_of(late), Some(d(2026, 3, 3)));
    assert_eq!(day_of(late + 1), Some(d(2026, 3, 4)));
}

#[test]
fn clip_is_unicode_safe() {
    assert_eq!(clip("  short ", 10), "short");
    assert_eq!(clip("🙂🙂🙂🙂", 3), "🙂🙂…");
    assert_eq!(clip("abc", 3), "abc");
    assert_eq!(clip("", 0), "");
    assert_eq!(first_line("\n  \nsecond line\nthird", 50), "second line");
}

#[test]
fn everything_empty() {
    let today = d(2026, 3, 15);
    let inp = input(&[], &[], &[], &[], &[], today);
    assert!(timeline(&inp).is_empty());
    assert!(milestones(&inp).is_empty());
    let h = heatmap(&[], today);
    assert!(h.iter().all(|(_, n)| *n == 0));
    let months = interviews_per_month(&[], today);
    assert_eq!(months.len(), 12);
    assert!(months.iter().all(|m| m.total() == 0));
    assert_eq!(last_recall(&[], &[]), None);
    assert_eq!(streak(&[], today), Streak::default());
}

#[test]
fn timeline_has_every_kind_newest_first_and_no_future() {
    let today = d(2026, 3, 15);
    let mut acme = interview("a", d(2026, 3, 2), Outcome::Rejected);
    acme.company = "Acme".into();
    acme.rejection_reasons = vec![RejectionReason {
        extra: Default::default(),
        text: "Internal candidate".into(),
        in_my_control: false,
    }];
    acme.feedback = Feedback {
        extra: Default::default(),
        status: FeedbackStatus::Received,
        asked_on: Some(d(2026, 3, 5)),
        received_on: Some(d(2026, 3, 9)),
        follow_up_on: None,
        said: "Clear answers.\nMore depth on design.".into(),
    };
    acme.letters = vec![LetterUse {
        extra: Default::default(),
        kind: LetterKind::ThanksAfterRejection,
        on: d(2026, 3, 6),
        via: LetterVia::Copied,
    }];
    let future = interview("f", d(2026, 3, 20), Outcome::Pending);
    let reflection = Reflection {
        id: "a".into(),
        fell_short: "\nI rushed the design part".into(),
        vent: "private words".into(),
        created: at(d(2026, 3, 3)),
        updated: at(d(2026, 3, 3)),
        ..Reflection::default()
    };
    let unstarted = Reflection {
        id: "f".into(),
        created: at(d(2026, 3, 4)),
        ..Reflection::default()
    };
    let mut q = Question::new(
        "q1".into(),
        "Design a cache".into(),
        Category::Technical,
        at(d(2026, 3, 4)),
    );
    q.interview_id = Some("a".into());
    let edited_starter = Question {
        id: crate::core::questions::STARTER[0].id.into(),
        created: at(d(2026, 3, 4)),
        ..Question::default()
    };
    let plan = PlanItem {
        id: "p".into(),
        skill: "System design".into(),
        actions: vec![
            Action {
                id: "x".into(),
                text: "Read a book".into(),
                done: true,
                done_on: Some(d(2026, 3, 10)),
                ..Action::default()
            },
            Action {
                id: "y".into(),
                text: "Not yet".into(),
                ..Action::default()
            },
        ],
        status: PlanStatus::Done,
        done_on: Some(d(2026, 3, 12)),
        ..PlanItem::default()
    };
    let interviews = [acme, future];
    let reflections = [reflection, unstarted];
    let questions = [q, edited_starter];
    let plans = [plan];
    let inp = input(&interviews, &reflections, &questions, &[], &plans, today);
    let events = timeline(&inp);
    let kinds: Vec<EventKind> = events.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        vec![
            EventKind::Milestone,        // first plan item done, 12 Mar
            EventKind::PlanDone,         // 12 Mar
            EventKind::ActionDone,       // 10 Mar
            EventKind::Milestone,        // first feedback, 9 Mar
            EventKind::FeedbackReceived, // 9 Mar
            EventKind::Letter,           // 6 Mar
            EventKind::FeedbackAsked,    // 5 Mar
            EventKind::QuestionAdded,    // 4 Mar (the edited starter is not "added")
            EventKind::Milestone,        // first reflection, 3 Mar
            EventKind::Reflection,       // 3 Mar
            EventKind::Outcome,          // 2 Mar (the interview's date)
            EventKind::Interview,        // 2 Mar
        ],
        "{events:#?}"
    );
    assert!(events.windows(2).all(|w| w[0].date >= w[1].date));
    assert!(
        events.iter().all(|e| e.date <= today),
        "no future interview"
    );
    let reflection = events
        .iter()
        .find(|e| e.kind == EventKind::Reflection)
        .unwrap();
    assert_eq!(reflection.title, "Reflected on Engineer at Acme");
    assert_eq!(reflection.detail, "I rushed the design part");
    assert!(events.iter().all(|e| !e.detail.contains("private")));
    let outcome = events
        .iter()
        .find(|e| e.kind == EventKind::Outcome)
        .unwrap();
    assert_eq!(outcome.title, "Not this time: Engineer at Acme");
    assert_eq!(outcome.detail, "Internal candidate");
    assert_eq!(outcome.link.as_deref(), Some("/interviews/a"));
    let received = events
        .iter()
        .find(|e| e.kind == EventKind::FeedbackReceived)
        .unwrap();
    assert_eq!(received.detail, "Clear answers.");
    let question = events
        .iter()
        .find(|e| e.kind == EventKind::QuestionAdded)
        .unwrap();
    assert_eq!(question.link.as_deref(), Some("/questions/q1"));
    assert_eq!(question.detail, "Technical, from Engineer at Acme");
    let action = events
        .iter()
        .find(|e| e.kind == EventKind::ActionDone)
        .unwrap();
    assert_eq!(action.title, "Step done: Read a book");
    assert_eq!(action.link.as_deref(), Some("/plan"));

    // Once the future interview's day comes, it shows.
    let later = input(
        &interviews,
        &reflections,
        &questions,
        &[],
        &plans,
        d(2026, 3, 20),
    );
    assert_eq!(timeline(&later)[0].title, "Interview: Engineer at Co f");
}

#[test]
fn outcome_without_a_date_uses_the_day_it_was_updated() {
    let mut i = interview("a", d(2026, 1, 1), Outcome::Offer);
    i.date = None;
    i.created = at(d(2026, 1, 1));
    i.updated = at(d(2026, 2, 1));
    let interviews = [i];
    let inp = input(&interviews, &[], &[], &[], &[], d(2026, 3, 1));
    let events = timeline(&inp);
    let outcome = events
        .iter()
        .find(|e| e.kind == EventKind::Outcome)
        .unwrap();
    assert_eq!(outcome.date, d(2026, 2, 1));
    let interview = events
        .iter()
        .find(|e| e.kind == EventKind::Interview)
        .unwrap();
    assert_eq!(interview.date, d(2026, 1, 1), "logged day");
    let m = milestones(&inp);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].key, "first_offer");
    assert_eq!(m[0].date, d(2026, 2, 1));
}

#[test]
fn milestones_are_reached_once_with_warm_words() {
    let today = d(2026, 6, 1);
    let mut interviews: Vec<Interview> = (0..12)
        .map(|n| interview(&format!("i{n}"), d(2026, 1, 1 + n), Outcome::Pending))
        .collect();
    // Logged order, not interview date, decides the tenth.
    interviews[9].created = at(d(2026, 2, 20));
    interviews[10].created = at(d(2026, 1, 5));
    interviews[3].outcome = Outcome::Offer;
    interviews[7].outcome = Outcome::Offer;
    interviews[5].feedback.received_on = Some(d(2026, 2, 2));
    interviews[6].feedback.received_on = Some(d(2026, 1, 30));
    let reflections = vec![
        Reflection {
            id: "i1".into(),
            went_well: "x".into(),
            created: at(d(2026, 1, 9)),
            ..Reflection::default()
        },
        Reflection {
            id: "i2".into(),
            mistakes: vec![MistakeNote {
                extra: Default::default(),
                kind: "late".into(),
                fix: String::new(),
            }],
            created: at(d(2026, 1, 4)),
            ..Reflection::default()
        },
        // Empty: not a reflection yet.
        Reflection {
            id: "i0".into(),
            created: at(d(2026, 1, 1)),
            ..Reflection::default()
        },
    ];
    let plan = vec![
        PlanItem {
            done_on: Some(d(2026, 3, 3)),
            ..PlanItem::default()
        },
        PlanItem {
            done_on: Some(d(2026, 2, 3)),
            ..PlanItem::default()
        },
    ];
    let reviews: Vec<ReviewEntry> = (0..150)
        .map(|n| review("q", at(d(2026, 4, 1)) + n * 3_600_000 * 12))
        .collect();
    let inp = input(&interviews, &reflections, &[], &reviews, &plan, today);
    let m = milestones(&inp);
    let keys: Vec<&str> = m.iter().map(|m| m.key).collect();
    assert_eq!(
        keys,
        vec![
            "first_offer",
            "first_reflection",
            "tenth_interview",
            "first_feedback",
            "first_plan_done",
            "hundred_ratings"
        ],
        "{m:#?}"
    );
    let get = |k: &str| m.iter().find(|m| m.key == k).unwrap();
    assert_eq!(get("first_reflection").date, d(2026, 1, 4));
    assert_eq!(
        get("first_reflection").link.as_deref(),
        Some("/interviews/i2")
    );
    assert_eq!(
        get("first_offer").date,
        d(2026, 1, 4),
        "interview i3's date"
    );
    assert_eq!(get("first_feedback").date, d(2026, 1, 30));
    // Logged: i0..i8 on Jan 1..9, i10 on Jan 5, i11 on Jan 12, i9 on Feb 20; so the tenth
    // logged is i8, on Jan 9.
    assert_eq!(get("tenth_interview").date, d(2026, 1, 9));
    assert_eq!(get("first_plan_done").date, d(2026, 2, 3));
    // The 100th rating: 99 half-days after Apr 1 noon is midnight starting May 21.
    assert_eq!(get("hundred_ratings").date, d(2026, 5, 21));
    for m in &m {
        for word in ["score", "%", "fail", "should have"] {
            assert!(!m.text.to_lowercase().contains(word), "{}", m.text);
        }
    }

    // Nine interviews, 99 ratings: neither milestone.
    let reviews = &reviews[..99];
    let inp = input(&interviews[..9], &[], &[], reviews, &[], today);
    let keys: Vec<&str> = milestones(&inp).iter().map(|m| m.key).collect();
    assert!(!keys.contains(&"tenth_interview"));
    assert!(!keys.contains(&"hundred_ratings"));
}

#[test]
fn heatmap_spans_53_weeks_from_a_monday() {
    // Sunday 2026-03-15: this week started on Monday 9 March.
    let today = d(2026, 3, 15);
    let reviews = vec![
        review("a", at(today)),
        review("b", at(today)),
        review("a", at(d(2026, 3, 9))),
        review("a", at(d(2025, 3, 10))), // the first day shown
        review("a", at(d(2025, 3, 9))),  // the day before: not shown
        review("a", at(d(2026, 3, 16))), // tomorrow: not shown
        review("a", 0),
    ];
    let h = heatmap(&reviews, today);
    assert_eq!(h.len(), 53 * 7);
    assert_eq!(h[0].0, d(2025, 3, 10));
    assert_eq!(h[0].0.weekday(), chrono::Weekday::Mon);
    assert_eq!(h.last().unwrap(), &(today, 2));
    assert_eq!(h[0].1, 1);
    assert_eq!(h.iter().map(|(_, n)| n).sum::<u32>(), 4);
    assert!(h.windows(2).all(|w| w[1].0 == w[0].0.succ_opt().unwrap()));

    // On a Monday, this week is just today.
    let monday = d(2026, 3, 9);
    let h = heatmap(&reviews, monday);
    assert_eq!(h.len(), 52 * 7 + 1);
    assert_eq!(h.last().unwrap().0, monday);

    // Across a year boundary (Thursday 1 Jan 2026).
    let h = heatmap(&[review("a", at(d(2025, 12, 31)))], d(2026, 1, 1));
    assert_eq!(h.len(), 52 * 7 + 4);
    assert_eq!(h[0].0, d(2024, 12, 30));
    assert_eq!(h[h.len() - 2], (d(2025, 12, 31), 1));
}

#[test]
fn the_ends_of_the_calendar_do_not_panic() {
    for today in [NaiveDate::MIN, NaiveDate::MAX] {
        let reviews = [review("a", i64::MIN), review("a", i64::MAX), review("a", 1)];
        let h = heatmap(&reviews, today);
        assert!(h.iter().all(|(_, n)| *n == 0));
        assert!(!h.is_empty());
        assert_eq!(interviews_per_month(&[], today).len(), 12);
        assert_eq!(streak(&reviews, today).current, 0);
        let _ = week_start(today);
    }
}

#[test]
fn months_cover_a_year_across_the_boundary() {
    let today = d(2026, 2, 10);
    let mut no_date = interview("n", d(2000, 1, 1), Outcome::Withdrawn);
    no_date.date = None;
    no_date.created = at(d(2026, 1, 31));
    let interviews = vec![
        interview("a", d(2026, 2, 28), Outcome::Pending), // later this month: counted
        interview("b", d(2026, 2, 1), Outcome::Offer),
        interview("c", d(2025, 3, 1), Outcome::Rejected), // first month shown
        interview("d", d(2025, 2, 28), Outcome::Rejected), // too old
        interview("e", d(2026, 3, 1), Outcome::Pending),  // next month
        interview("g", d(2025, 12, 31), Outcome::Ghosted),
        no_date,
    ];
    let m = interviews_per_month(&interviews, today);
    assert_eq!(m.len(), 12);
    let months: Vec<(i32, u32)> = m.iter().map(|m| (m.year, m.month)).collect();
    assert_eq!(months[0], (2025, 3));
    assert_eq!(months[10], (2026, 1));
    assert_eq!(months[11], (2026, 2));
    assert_eq!((m[0].year, m[0].month, m[0].rejected), (2025, 3, 1));
    assert_eq!((m[9].year, m[9].month, m[9].other), (2025, 12, 1));
    assert_eq!((m[10].year, m[10].month, m[10].other), (2026, 1, 1));
    assert_eq!((m[11].offer, m[11].pending), (1, 1));
    assert_eq!(m.iter().map(|m| m.total()).sum::<u32>(), 5);

    // December: the year is not split.
    let m = interviews_per_month(&[], d(2025, 12, 31));
    assert_eq!((m[0].year, m[0].month), (2025, 1));
    assert_eq!((m[11].year, m[11].month), (2025, 12));
    // January: twelve months back is February of last year.
    let m = interviews_per_month(&[], d(2026, 1, 1));
    assert_eq!((m[0].year, m[0].month), (2025, 2));
    assert_eq!((m[11].year, m[11].month), (2026, 1));
}

#[test]
fn reflections_line_counts_what_was_written_and_what_it_gave() {
    let r = |id: &str, text: &str| Reflection {
        id: id.into(),
        fell_short: text.into(),
        ..Reflection::default()
    };
    let from = |part: &str| PlanItem {
        sources: vec![Source {
            interview_id: Some("a".into()),
            part: part.into(),
            ..Source::default()
        }],
        ..PlanItem::default()
    };
    assert_eq!(
        reflections_line(&[], &[from("fell_short")]),
        "Your reflections will show here. A few lines after an interview are enough."
    );
    // An empty reflection is not one written; an id stored twice counts once.
    let one = vec![r("a", "Ran long"), r("b", " "), r("a", "Ran long, again")];
    assert_eq!(
        reflections_line(&one, &[]),
        "You've written 1 reflection, something to take into the next interview."
    );
    assert_eq!(
        reflections_line(&one, &[from("fell_short")]),
        "You've written 1 reflection, and 1 lesson from it went into your plan."
    );
    let four: Vec<Reflection> = ["a", "b", "c", "d"].iter().map(|id| r(id, "x")).collect();
    assert_eq!(
        reflections_line(&four, &[]),
        "You've written 4 reflections, each one something to take into the next interview."
    );
    // Items from a reflection's lines count; from feedback, an insight or nowhere, not.
    let mut insight = from("insight");
    insight.sources[0].interview_id = None;
    let plan = vec![
        from("fell_short"),
        from("mistake"),
        from("feedback"),
        insight,
        PlanItem::default(),
    ];
    let line = reflections_line(&four, &plan);
    assert_eq!(
        line,
        "You've written 4 reflections, and 2 lessons from them went into your plan."
    );
    // Never a share of the interviews: no "4 of 6", no percent.
    assert!(!line.contains(" of ") && !line.contains('%'), "{line}");
}

#[test]
fn plan_line_counts_steps_done() {
    let action = |done: bool| Action {
        done,
        ..Action::default()
    };
    let item = |actions: Vec<Action>, status: PlanStatus, archived: bool| PlanItem {
        actions,
        status,
        archived,
        ..PlanItem::default()
    };
    assert_eq!(
        plan_line(&[]),
        "Nothing on your plan yet. A lesson from an interview can start it."
    );
    let waiting = item(vec![action(false)], PlanStatus::NotStarted, false);
    assert_eq!(
        plan_line(std::slice::from_ref(&waiting)),
        "Your plan has 1 thing to work on. Any small step counts."
    );
    let put_away = item(vec![], PlanStatus::NotStarted, true);
    assert_eq!(
        plan_line(&[waiting.clone(), waiting.clone(), put_away.clone()]),
        "Your plan has 2 things to work on. Any small step counts."
    );
    // Ticked steps, and items done without steps, archived or not.
    let plan = vec![
        waiting.clone(),
        item(
            vec![action(true), action(false)],
            PlanStatus::InProgress,
            false,
        ),
        item(vec![], PlanStatus::Done, false),
        item(vec![action(true)], PlanStatus::Done, true),
        put_away,
    ];
    assert_eq!(plan_line(&plan), "You've done 3 steps on your plan so far.");
    assert_eq!(
        plan_line(&[item(vec![action(true)], PlanStatus::InProgress, false)]),
        "You've done 1 step on your plan so far."
    );
    assert!(!plan_line(&plan).contains('%'));
}

fn answered(id: &str) -> Question {
    Question {
        id: id.into(),
        text: format!("Question {id}?"),
        answer: Answer {
            text: "What I did.".into(),
            ..Answer::default()
        },
        ..Question::default()
    }
}

fn rated(id: &str, day: u32, grade: Grade) -> ReviewEntry {
    ReviewEntry {
        grade,
        ..review(id, at(d(2026, 3, day)))
    }
}

#[test]
fn recall_waits_for_enough_ratings_of_answered_cards() {
    let cards: Vec<Id> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
    let good = |id, day| rated(id, day, Grade::Good);
    // Four ratings over three cards: not yet.
    let four = vec![good("a", 1), good("b", 1), good("c", 1), good("a", 2)];
    assert_eq!(last_recall(&cards, &four), None);
    // Five ratings over two cards: not yet either.
    let two_cards: Vec<ReviewEntry> = (1..=5)
        .map(|day| good(["a", "b"][day as usize % 2], day))
        .collect();
    assert_eq!(last_recall(&cards, &two_cards), None);
    // Ratings of ids that are not cards (no answer) do not count towards the minimum.
    let mut others = four.clone();
    others.push(good("unanswered", 3));
    assert_eq!(last_recall(&cards, &others), None);
    // Five over three: the latest rating of each card decides, whatever the log's order.
    let mut five = four.clone();
    five.push(rated("b", 3, Grade::Again));
    five.insert(0, rated("c", 9, Grade::Again));
    assert_eq!(five.len(), RECALL_MIN_RATINGS + 1);
    assert_eq!(cards.len(), RECALL_MIN_CARDS);
    assert_eq!(last_recall(&cards, &five), Some((1, 3)));
}

#[test]
fn recall_line_is_the_cards_never_a_score() {
    let questions = vec![
        answered("a"),
        answered("b"),
        answered("c"),
        Question {
            id: "d".into(),
            text: "Not answered yet?".into(),
            ..Question::default()
        },
    ];
    let mut log = vec![
        rated("a", 1, Grade::Good),
        rated("b", 1, Grade::Hard),
        rated("c", 1, Grade::Easy),
        rated("a", 2, Grade::Good),
        rated("d", 2, Grade::Again),
        rated("d", 3, Grade::Again),
    ];
    assert_eq!(
        recall_line(&[], &log),
        "Write an answer or two and practise them: this shows how they come back to you."
    );
    // The unanswered question's ratings do not make up the five.
    assert_eq!(
        recall_line(&questions, &log),
        "Practise a few of your answers and this shows how they come back to you."
    );
    log.push(rated("b", 2, Grade::Good));
    assert_eq!(
        recall_line(&questions, &log),
        "At their last practice, all 3 of your answers came back to you."
    );
    // An Again right after: that card did not come back (no "100%" after a miss).
    log.push(rated("c", 4, Grade::Again));
    let line = recall_line(&questions, &log);
    assert_eq!(
        line,
        "At their last practice, 2 of your 3 answers came back to you."
    );
    for word in ["%", "score", "average", "recall"] {
        assert!(!line.to_lowercase().contains(word), "{line}");
    }
    log.push(rated("a", 5, Grade::Again));
    log.push(rated("b", 5, Grade::Again));
    assert_eq!(
        recall_line(&questions, &log),
        "Your 3 answers are still settling in: none came back at their last practice. Each \
         round makes the next one easier."
    );
    // A hidden question is not a card.
    let mut hidden = questions.clone();
    hidden[0].hidden = true;
    assert_eq!(
        recall_line(&hidden, &log),
        "Practise a few of your answers and this shows how they come back to you."
    );
}

#[test]
fn streak_line_says_days_in_words() {
    let line = |current, longest| streak_line(Streak { current, longest });
    assert_eq!(line(0, 0), "Your runs of practice days will show here.");
    assert_eq!(
        line(0, 1),
        "Your longest run so far: 1 day. Any day is a good day to start again."
    );
    assert_eq!(
        line(0, 6),
        "Your longest run so far: 6 days. Any day is a good day to start again."
    );
    assert_eq!(
        line(1, 1),
        "Practised today or yesterday. Longest run: 1 day."
    );
    assert_eq!(line(3, 5), "3 days in a row. Longest run: 5 days.");
}

#[test]
fn streak_forgives_today_and_counts_the_longest() {
    let today = d(2026, 3, 1); // across the end of February
    let days = [
        d(2026, 2, 27),
        d(2026, 2, 28),
        d(2026, 2, 28),
        d(2026, 1, 1),
        d(2026, 1, 2),
        d(2026, 1, 3),
        d(2026, 1, 4),
        d(2026, 3, 5), // in the future: ignored
    ];
    let reviews: Vec<ReviewEntry> = days.iter().map(|d| review("q", at(*d))).collect();
    assert_eq!(
        streak(&reviews, today),
        Streak {
            current: 2,
            longest: 4
        },
        "not practised yet today: the run to yesterday stands"
    );
    let mut with_today = reviews.clone();
    with_today.push(review("q", at(today)));
    assert_eq!(streak(&with_today, today).current, 3);
    // Two days later the run is over.
    assert_eq!(streak(&reviews, d(2026, 3, 2)).current, 0);
    assert_eq!(streak(&reviews, d(2026, 3, 2)).longest, 4);
    // Across a year boundary.
    let ny = [d(2025, 12, 30), d(2025, 12, 31), d(2026, 1, 1)];
    let reviews: Vec<ReviewEntry> = ny.iter().map(|d| review("q", at(*d))).collect();
    assert_eq!(
        streak(&reviews, d(2026, 1, 1)),
        Streak {
            current: 3,
            longest: 3
        }
    );
}
