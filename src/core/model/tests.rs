//! Tests of the data model: ids, titles and lenient loading, feedback follow-ups, and applying
//! an interview form's fields.

use super::*;
use crate::core::test_days::day;

#[test]
fn ids_are_distinct_for_distinct_inputs() {
    assert_ne!(new_id(1, 2), new_id(1, 3));
    assert_ne!(new_id(1, 2), new_id(2, 2));
    assert_eq!(new_id(0, 0), "0-0");
    assert_eq!(new_id(-5, 35), "0-z");
}

#[test]
fn title_falls_back() {
    let mut i = Interview::default();
    assert_eq!(i.title(), "Untitled interview");
    i.company = "Acme".into();
    assert_eq!(i.title(), "Acme");
    i.role = "Engineer".into();
    assert_eq!(i.title(), "Engineer at Acme");
}

#[test]
fn keys_round_trip() {
    for s in Stage::ALL.iter().cloned() {
        assert_eq!(Stage::from_key(s.key()), Some(s));
    }
    for o in Outcome::ALL.iter().cloned() {
        assert_eq!(Outcome::from_key(o.key()), Some(o));
    }
    assert_eq!(Outcome::from_key("nope"), None);
}

#[test]
fn only_pending_is_active() {
    let active: Vec<_> = Outcome::ALL
        .iter()
        .filter(|&o| o.is_active())
        .cloned()
        .collect();
    assert_eq!(active, vec![Outcome::Pending]);
}

#[test]
fn reflection_started_by_any_field() {
    let mut r = Reflection::default();
    assert!(!r.is_started());
    r.vent = "  ".into();
    assert!(!r.is_started());
    Prompt::DidNotSay.set(&mut r, "my leadership story".into());
    assert!(r.is_started());
    assert_eq!(Prompt::DidNotSay.get(&r), "my leadership story");
    let r = Reflection {
        mood: Some(Mood::Low),
        ..Reflection::default()
    };
    assert!(r.is_started());
}

#[test]
fn settings_clamp() {
    let s = Settings {
        nudge_threshold: 0,
        ..Settings::default()
    }
    .clamped();
    assert_eq!(s.nudge_threshold, 1);
    let s = Settings {
        nudge_threshold: 999,
        backup_reminder_days: 9999,
        desired_retention: f64::NAN,
        ..Settings::default()
    }
    .clamped();
    assert_eq!(s.desired_retention, 0.9);
    assert_eq!(s.nudge_threshold, 20);
    assert_eq!(s.backup_reminder_days, 365);
}

#[test]
fn unknown_fields_and_missing_fields_load() {
    let i: Interview =
        serde_json::from_str(r#"{"id":"a","company":"X","future_field":1}"#).unwrap();
    assert_eq!(i.company, "X");
    assert_eq!(i.outcome, Outcome::Pending);
    assert_eq!(i.date, None);
}

// Feedback ----------------------------------------------------------------------------

#[test]
fn asking_sets_a_follow_up_a_week_later_and_it_comes_due() {
    let mut f = Feedback::default();
    assert!(!f.follow_up_due(day("2026-03-01")));
    f.set_status(FeedbackStatus::Asked, day("2026-03-01"));
    assert_eq!(f.asked_on, Some(day("2026-03-01")));
    assert_eq!(f.follow_up_on, Some(day("2026-03-08")));
    assert!(!f.follow_up_due(day("2026-03-07")));
    assert!(f.follow_up_due(day("2026-03-08")));
    assert!(f.follow_up_due(day("2026-04-01")));
    f.snooze(day("2026-03-08"), 3);
    assert!(!f.follow_up_due(day("2026-03-10")));
    assert!(f.follow_up_due(day("2026-03-11")));
    f.set_status(FeedbackStatus::Received, day("2026-03-12"));
    assert!(
        !f.follow_up_due(day("2026-05-01")),
        "answered: nothing to chase"
    );
    assert_eq!(f.received_on, Some(day("2026-03-12")));
}

#[test]
fn moving_the_asked_day_moves_a_default_follow_up_only() {
    let mut f = Feedback::default();
    f.set_status(FeedbackStatus::Asked, day("2026-03-01"));
    f.set_asked_on(Some(day("2026-02-20")));
    assert_eq!(f.follow_up_on, Some(day("2026-02-27")));
    f.follow_up_on = Some(day("2026-03-20"));
    f.set_asked_on(Some(day("2026-02-21")));
    assert_eq!(
        f.follow_up_on,
        Some(day("2026-03-20")),
        "the user's own date stays"
    );
    // Asking again after a reply keeps the original day.
    f.set_status(FeedbackStatus::NoReply, day("2026-03-30"));
    f.set_status(FeedbackStatus::Asked, day("2026-04-01"));
    assert_eq!(f.asked_on, Some(day("2026-02-21")));
}

#[test]
fn older_interviews_without_feedback_load() {
    let i: Interview = serde_json::from_str(r#"{"id":"a"}"#).unwrap();
    assert_eq!(i.feedback, Feedback::default());
    assert!(i.letters.is_empty());
    for s in FeedbackStatus::ALL.iter().cloned() {
        assert_eq!(FeedbackStatus::from_key(s.key()), Some(s));
    }
    for k in LetterKind::ALL.iter().cloned() {
        assert_eq!(LetterKind::from_key(k.key()), Some(k));
    }
}

// Interview fields --------------------------------------------------------------------

#[test]
fn fields_apply_and_reject_bad_values_without_loss() {
    let mut i = Interview::default();
    assert!(InterviewField::Company.apply(&mut i, "  Acme <b>&</b> 🚀 "));
    assert_eq!(i.company, "  Acme <b>&</b> 🚀 ", "kept exactly as typed");
    assert!(InterviewField::Date.apply(&mut i, "2026-02-28"));
    assert!(!InterviewField::Date.apply(&mut i, "2026-02-30"));
    assert_eq!(i.date, NaiveDate::from_ymd_opt(2026, 2, 28));
    assert!(InterviewField::Date.apply(&mut i, ""));
    assert_eq!(i.date, None);
    assert!(InterviewField::Stage.apply(&mut i, "final_round"));
    assert!(!InterviewField::Stage.apply(&mut i, "ceo"));
    assert_eq!(i.stage, Stage::FinalRound);
    assert!(InterviewField::Outcome.apply(&mut i, "ghosted"));
    assert_eq!(i.outcome, Outcome::Ghosted);
    let long = "x".repeat(MAX_FIELD_CHARS + 10);
    assert!(InterviewField::Notes.apply(&mut i, &long));
    assert_eq!(i.notes.chars().count(), MAX_FIELD_CHARS);
}
