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

// Upcoming interviews: time and format ------------------------------------------------

fn at_time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

#[test]
fn an_old_record_loads_unchanged_and_writes_back_the_same() {
    let old = r#"{"id":"a","company":"Initech","role":"","date":"2026-03-05","interviewers":"","stage":"interview","outcome":"pending","notes":"","rejection_reasons":[],"feedback":{"status":"not_asked","asked_on":null,"received_on":null,"follow_up_on":null,"said":""},"letters":[],"created":1,"updated":2}"#;
    let i: Interview = serde_json::from_str(old).unwrap();
    assert_eq!(
        (i.time, &i.format, i.format_words.as_str()),
        (None, &None, "")
    );
    assert_eq!(
        serde_json::to_string(&i).unwrap(),
        old,
        "nothing new is written"
    );
}

#[test]
fn time_and_format_are_stored_compactly_and_read_back() {
    let i = Interview {
        id: "a".into(),
        time: Some(at_time(14, 30)),
        format: Some(InterviewFormat::Own),
        format_words: "Walk in the park, 🌳 with the CTO".into(),
        ..Interview::default()
    };
    let json = serde_json::to_string(&i).unwrap();
    assert!(
        json.contains(
            r#""time":"14:30","format":"own","format_words":"Walk in the park, 🌳 with the CTO""#
        ),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<Interview>(&json).unwrap(), i);
}

#[test]
fn a_stored_time_that_is_not_a_time_reads_as_none_and_keeps_the_record() {
    for time in [
        r#""25:00""#,
        r#""half past two""#,
        "14",
        "null",
        "true",
        r#"[14,30]"#,
        r#"{"h":14}"#,
        r#""""#,
    ] {
        let json = format!(r#"{{"id":"a","company":"X","time":{time},"future":1}}"#);
        let i: Interview = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{time}: {e}"));
        assert_eq!((i.time, i.company.as_str()), (None, "X"), "{time}");
        assert!(i.extra.contains_key("future"));
    }
    let i: Interview = serde_json::from_str(r#"{"id":"a","time":" 9:05 "}"#).unwrap();
    assert_eq!(i.time, Some(at_time(9, 5)));
}

#[test]
fn the_format_says_the_users_words_as_typed() {
    let mut i = Interview::default();
    assert_eq!(i.format_label(), None);
    i.format = Some(InterviewFormat::Video);
    assert_eq!(i.format_label().as_deref(), Some("Video call"));
    i.format = Some(InterviewFormat::Own);
    assert_eq!(i.format_label().as_deref(), Some("Something else"));
    i.format_words = "  Coffee with the team  ".into();
    assert_eq!(i.format_label().as_deref(), Some("Coffee with the team"));
    // Words without a format (edited by hand) still show.
    i.format = None;
    assert_eq!(i.format_label().as_deref(), Some("Coffee with the team"));
    // A format from a newer version is said as one; the user's words stay apart from it.
    let newer: Interview =
        serde_json::from_str(r#"{"id":"a","format":"panel_stream","format_words":"x"}"#).unwrap();
    assert_eq!(
        newer.format,
        Some(InterviewFormat::Other("panel_stream".into()))
    );
    assert_eq!(
        newer.format_label().as_deref(),
        Some("panel stream (from a newer version of Rebound)")
    );
    assert!(serde_json::to_string(&newer)
        .unwrap()
        .contains(r#""format":"panel_stream""#));
    for f in InterviewFormat::ALL {
        assert_eq!(InterviewFormat::from_key(f.key()).as_ref(), Some(f));
    }
}

#[test]
fn upcoming_means_pending_and_today_or_later_soonest_first() {
    let today = day("2026-03-03");
    let interview = |id: &str, date: &str, time: Option<NaiveTime>, outcome: Outcome| Interview {
        id: id.into(),
        date: Some(day(date)),
        time,
        outcome,
        ..Interview::default()
    };
    let list = vec![
        interview("later", "2026-03-10", None, Outcome::Pending),
        interview("past", "2026-03-02", None, Outcome::Pending),
        interview(
            "today-afternoon",
            "2026-03-03",
            Some(at_time(15, 0)),
            Outcome::Pending,
        ),
        interview("today-no-time", "2026-03-03", None, Outcome::Pending),
        interview(
            "early",
            "2026-03-03",
            Some(at_time(8, 30)),
            Outcome::Pending,
        ),
        interview("offer", "2026-03-05", None, Outcome::Offer),
        Interview {
            id: "undated".into(),
            ..Interview::default()
        },
    ];
    let ids: Vec<&str> = upcoming(&list, today)
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["early", "today-no-time", "today-afternoon", "later"]);
    assert!(!list[1].is_upcoming(today));
    assert!(list[1].is_upcoming(day("2026-03-02")));
    assert_eq!(
        list[3].starts_at(),
        Some(day("2026-03-03").and_time(at_time(9, 0)))
    );
    assert_eq!(
        list[2].starts_at(),
        Some(day("2026-03-03").and_time(at_time(15, 0)))
    );
    assert_eq!(list[6].starts_at(), None);
}

#[test]
fn time_and_format_fields_apply_and_refuse_without_loss() {
    let mut i = Interview::default();
    assert!(InterviewField::Time.apply(&mut i, " 14:30 "));
    assert_eq!(i.time, Some(at_time(14, 30)));
    assert!(!InterviewField::Time.apply(&mut i, "2pm"));
    assert_eq!(i.time, Some(at_time(14, 30)), "kept");
    assert!(InterviewField::Time.apply(&mut i, ""));
    assert_eq!(i.time, None);
    assert!(InterviewField::Format.apply(&mut i, "take_home"));
    assert_eq!(i.format, Some(InterviewFormat::TakeHome));
    assert!(!InterviewField::Format.apply(&mut i, "hologram"));
    assert_eq!(i.format, Some(InterviewFormat::TakeHome), "kept");
    assert!(InterviewField::FormatWords.apply(&mut i, " Lunch, then a walk "));
    assert_eq!(i.format_words, " Lunch, then a walk ", "kept as typed");
    assert!(InterviewField::Format.apply(&mut i, ""));
    assert_eq!(i.format, None);
}

#[test]
fn the_prep_target_is_a_setting_kept_in_range() {
    assert_eq!(Settings::default().prep_target, 0.9);
    for (given, kept) in [(0.5, 0.8), (0.99, 0.97), (f64::NAN, 0.9), (0.85, 0.85)] {
        let s = Settings {
            prep_target: given,
            ..Settings::default()
        }
        .clamped();
        assert_eq!(s.prep_target, kept, "{given}");
    }
    // Settings stored before it read with the default.
    let s: Settings = serde_json::from_str(r#"{"nudge_threshold":4}"#).unwrap();
    assert_eq!(s.prep_target, 0.9);
}

#[test]
fn the_answer_aloud_wait_is_kept_in_range_and_written_only_when_changed() {
    let s = Settings {
        answer_aloud_secs: 5,
        ..Settings::default()
    }
    .clamped();
    assert_eq!(s.answer_aloud_secs, Settings::ALOUD_MIN);
    let s = Settings {
        answer_aloud_secs: 999,
        ..Settings::default()
    }
    .clamped();
    assert_eq!(s.answer_aloud_secs, Settings::ALOUD_MAX);
    let default = serde_json::to_string(&Settings::default()).unwrap_or_default();
    assert!(!default.contains("answer_aloud_secs"), "{default}");
    let old: Settings = serde_json::from_str(r#"{"nudge_threshold":4}"#).unwrap_or_default();
    assert_eq!(old.answer_aloud_secs, Settings::ALOUD_DEFAULT);
    let changed = Settings {
        answer_aloud_secs: 60,
        ..Settings::default()
    };
    let text = serde_json::to_string(&changed).unwrap_or_default();
    assert!(text.contains("\"answer_aloud_secs\":60"), "{text}");
}

#[test]
fn a_choice_offered_from_a_newer_version_is_kept_when_chosen_again() {
    let mut i = Interview {
        stage: Stage::Other("take_home_review".into()),
        ..Interview::default()
    };
    assert!(InterviewField::Stage.apply_offered(&mut i, "applied"));
    assert_eq!(i.stage, Stage::Applied);
    assert!(InterviewField::Stage.apply_offered(&mut i, "take_home_review"));
    assert_eq!(i.stage, Stage::Other("take_home_review".into()));
    assert!(InterviewField::Outcome.apply_offered(&mut i, "on_hold"));
    assert_eq!(i.outcome, Outcome::Other("on_hold".into()));
    assert!(!InterviewField::Stage.apply_offered(&mut i, " "));
    assert!(InterviewField::Role.apply_offered(&mut i, "Analyst"));
    assert_eq!(i.role, "Analyst");
}

#[test]
fn the_stage_path_is_kept_from_the_first_change_on() {
    use crate::core::test_days::day;
    let logged = day("2026-03-01")
        .and_hms_opt(12, 0, 0)
        .unwrap_or_default()
        .and_utc()
        .timestamp_millis();
    let mut i = Interview {
        created: logged,
        updated: logged,
        ..Interview::default()
    };
    // Stored before there was a history: its stage on the day it was logged.
    assert_eq!(i.stage_path(), vec![(Stage::Applied, day("2026-03-01"))]);
    let text = serde_json::to_string(&i).unwrap_or_default();
    assert!(
        !text.contains("stages"),
        "no history written until a change: {text}"
    );

    i.stage = Stage::Screening;
    i.note_stage_change(&Stage::Applied, day("2026-03-05"));
    i.note_stage_change(&Stage::Screening, day("2026-03-06"));
    i.stage = Stage::FinalRound;
    i.note_stage_change(&Stage::Screening, day("2026-03-12"));
    assert_eq!(
        i.stage_path(),
        vec![
            (Stage::Applied, day("2026-03-01")),
            (Stage::Screening, day("2026-03-05")),
            (Stage::FinalRound, day("2026-03-12")),
        ]
    );
    // It round-trips, and a stage from a newer version is kept in it.
    i.stage = Stage::read("take_home_review");
    i.note_stage_change(&Stage::FinalRound, day("2026-03-15"));
    let back: Interview =
        serde_json::from_str(&serde_json::to_string(&i).unwrap_or_default()).unwrap_or_default();
    assert_eq!(back.stage_path(), i.stage_path());
    assert_eq!(back.stage_path().len(), 4);
}
