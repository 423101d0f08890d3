//! Tests of the .ics writer, read back with the `icalendar` crate's parser: every field of the
//! three uses, text with commas, semicolons, backslashes, newlines, emoji and Cyrillic, long
//! lines folded on character boundaries, and any text surviving the round trip.

use super::*;
use crate::core::model::{Feedback, FeedbackStatus, InterviewFormat};
use crate::core::test_days::day;
use icalendar::parser::{read_calendar, unfold, Component, Property};
use proptest::prelude::*;

/// Thu 26 Nov 2026 14:43:32 UTC.
const NOW: Millis = 1_795_704_212_000;

/// A property as read: name, value (unescaped), parameters.
type Read = (String, String, Vec<(String, String)>);

/// The calendar's own properties and its components, read by the `icalendar` crate.
fn read(text: &str) -> (Vec<Read>, Vec<Component<'static>>) {
    let unfolded: &'static str = Box::leak(unfold(text).into_boxed_str());
    let cal = read_calendar(unfolded).unwrap_or_else(|e| panic!("{e}\n{text}"));
    (cal.properties.iter().map(prop).collect(), cal.components)
}

fn prop(p: &Property) -> Read {
    (
        p.name.as_str().to_string(),
        p.val.as_str().to_string(),
        p.params
            .iter()
            .map(|x| {
                (
                    x.key.as_str().to_string(),
                    x.val
                        .as_ref()
                        .map(|v| v.as_str().to_string())
                        .unwrap_or_default(),
                )
            })
            .collect(),
    )
}

/// The value (and parameters) of property `name` of component `c`.
fn get(c: &Component, name: &str) -> Option<(String, Vec<(String, String)>)> {
    c.properties
        .iter()
        .find(|p| p.name.as_str() == name)
        .map(|p| {
            let (_, v, params) = prop(p);
            (v, params)
        })
}

fn value(c: &Component, name: &str) -> String {
    get(c, name).map(|(v, _)| v).unwrap_or_default()
}

/// Every line ends in CRLF and is at most 75 octets; no bare CR or LF.
fn well_formed(text: &str) {
    assert!(text.ends_with("\r\n"));
    for line in text.split_terminator("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
    }
}

fn tricky() -> Interview {
    Interview {
        id: "i-1".into(),
        company: "Initech, Robotics; Ltd \\ Группа 🤖".into(),
        role: "Data engineer".into(),
        date: Some(day("2026-12-03")),
        time: NaiveTime::from_hms_opt(14, 30, 0),
        format: Some(InterviewFormat::Own),
        format_words: "Walk, then coffee; bring a laptop \\ charger".into(),
        interviewers: "Дана Ким, Luis Ortega 👋".into(),
        ..Interview::default()
    }
}

#[test]
fn an_interview_with_a_time_round_trips_every_field() {
    let text = interview_event(&tricky(), NOW).unwrap();
    well_formed(&text);
    let (props, components) = read(&text);
    let names: Vec<&str> = props.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(names, ["VERSION", "PRODID", "CALSCALE"]);
    assert_eq!(props[0].1, "2.0");
    assert_eq!(props[1].1, "-//Rebound//Rebound//EN");
    assert_eq!(components.len(), 1);
    let e = &components[0];
    assert_eq!(e.name.as_str(), "VEVENT");
    assert_eq!(value(e, "UID"), "interview-i-1@rebound");
    assert_eq!(value(e, "DTSTAMP"), "20261126T144332Z");
    assert_eq!(get(e, "DTSTART"), Some(("20261203T143000".into(), vec![])));
    assert_eq!(value(e, "DURATION"), "PT60M");
    assert_eq!(
        value(e, "SUMMARY"),
        "Interview: Data engineer at Initech, Robotics; Ltd \\ Группа 🤖"
    );
    assert_eq!(
        value(e, "DESCRIPTION"),
        "Walk, then coffee; bring a laptop \\ charger\nWith Дана Ким, Luis Ortega 👋\nYour prep \
         sheet is in Rebound."
    );
    // The reminder: 18:00 the evening before 14:30.
    assert_eq!(e.components.len(), 1);
    let alarm = &e.components[0];
    assert_eq!(alarm.name.as_str(), "VALARM");
    assert_eq!(value(alarm, "ACTION"), "DISPLAY");
    assert_eq!(value(alarm, "TRIGGER"), "-PT20H30M");
    assert!(!text.contains("VTIMEZONE") && !text.contains("TZID"));
    // The crate's own calendar type reads it too.
    let cal: icalendar::Calendar = text.parse().unwrap();
    assert_eq!(cal.events().count(), 1);
}

#[test]
fn an_interview_without_a_time_is_a_whole_day_reminded_the_evening_before() {
    let i = Interview {
        time: None,
        format: Some(InterviewFormat::Phone),
        interviewers: String::new(),
        ..tricky()
    };
    let text = interview_event(&i, NOW).unwrap();
    well_formed(&text);
    let (_, components) = read(&text);
    let e = &components[0];
    assert_eq!(
        get(e, "DTSTART"),
        Some(("20261203".into(), vec![("VALUE".into(), "DATE".into())]))
    );
    assert_eq!(
        get(e, "DTEND"),
        Some(("20261204".into(), vec![("VALUE".into(), "DATE".into())]))
    );
    assert_eq!(get(e, "DURATION"), None);
    assert_eq!(
        value(e, "DESCRIPTION"),
        "Phone\nYour prep sheet is in Rebound."
    );
    assert_eq!(value(&e.components[0], "TRIGGER"), "-PT6H");
    assert_eq!(interview_event(&Interview::default(), NOW), None, "no date");
}

#[test]
fn a_follow_up_is_a_whole_day_reminded_that_morning() {
    let mut i = tricky();
    i.feedback = Feedback::default();
    assert_eq!(follow_up_event(&i, NOW), None);
    i.feedback
        .set_status(FeedbackStatus::Asked, day("2026-12-04"));
    let text = follow_up_event(&i, NOW).unwrap();
    well_formed(&text);
    let (_, components) = read(&text);
    let e = &components[0];
    assert_eq!(value(e, "UID"), "follow-up-i-1@rebound");
    assert_eq!(
        get(e, "DTSTART").map(|(v, _)| v).as_deref(),
        Some("20261211")
    );
    assert_eq!(
        value(e, "SUMMARY"),
        "Follow up with Initech, Robotics; Ltd \\ Группа 🤖 about feedback"
    );
    assert_eq!(
        value(e, "DESCRIPTION"),
        "You asked for feedback on 4 December. A short, friendly note is enough."
    );
    assert_eq!(value(&e.components[0], "TRIGGER"), "PT9H");
}

#[test]
fn a_practice_block_repeats_daily_until_the_day_before() {
    let i = tricky();
    let at = NaiveTime::from_hms_opt(7, 30, 0).unwrap();
    let text = practice_event(&i, day("2026-11-27"), at, 9, NOW).unwrap();
    well_formed(&text);
    let (_, components) = read(&text);
    let e = &components[0];
    assert_eq!(value(e, "UID"), "practice-i-1@rebound");
    assert_eq!(value(e, "DTSTART"), "20261127T073000");
    assert_eq!(value(e, "DURATION"), "PT9M");
    assert_eq!(value(e, "RRULE"), "FREQ=DAILY;UNTIL=20261202T073000");
    assert_eq!(
        value(e, "SUMMARY"),
        "Practise for Data engineer at Initech, Robotics; Ltd \\ Группа 🤖"
    );
    assert_eq!(value(&e.components[0], "TRIGGER"), "PT0S");
    assert_eq!(practice_event(&i, day("2026-12-03"), at, 9, NOW), None);
    let no_date = Interview {
        date: None,
        ..tricky()
    };
    assert_eq!(
        practice_event(&no_date, day("2026-11-27"), at, 9, NOW),
        None
    );
}

#[test]
fn the_offered_block_is_at_eight_from_the_next_eight_oclock_to_come() {
    let i = tricky();
    let hour: Millis = 60 * 60 * 1000;
    // 07:43 local: today's 08:00 is still to come.
    let text = practice_block(&i, day("2026-11-26"), NOW - 7 * hour, 12, NOW).unwrap();
    let (_, components) = read(&text);
    let e = &components[0];
    assert_eq!(value(e, "DTSTART"), "20261126T080000");
    assert_eq!(value(e, "DURATION"), "PT12M");
    assert_eq!(value(e, "RRULE"), "FREQ=DAILY;UNTIL=20261202T080000");
    assert_eq!(
        value(e, "DESCRIPTION"),
        "About 12 minutes with your answers in Rebound."
    );
    // 15:43 local: from tomorrow; a plan asking little or no time gets ten minutes.
    for little in [0, 1, 9] {
        let text = practice_block(&i, day("2026-11-26"), NOW - 15 * hour, little, NOW).unwrap();
        let (_, components) = read(&text);
        assert_eq!(value(&components[0], "DTSTART"), "20261127T080000");
        assert_eq!(value(&components[0], "DURATION"), "PT10M");
    }
    let one = practice_event(&i, day("2026-11-27"), NaiveTime::MIN, 1, NOW).unwrap();
    assert_eq!(
        value(&read(&one).1[0], "DESCRIPTION"),
        "About 1 minute with your answers in Rebound."
    );
    // The day before the interview, after 08:00: no block left to offer.
    assert_eq!(
        practice_block(&i, day("2026-12-02"), NOW - 15 * hour, 5, NOW),
        None
    );
    assert!(practice_block(&i, day("2026-12-02"), NOW - 7 * hour, 5, NOW).is_some());
    assert_eq!(
        practice_block(&i, day("2026-12-03"), NOW - 7 * hour, 5, NOW),
        None
    );
}

#[test]
fn a_long_description_folds_on_character_boundaries_and_reads_back_whole() {
    let long = "Пожалуйста, приходите заранее; 🤝 bring notes, \\ ".repeat(12) + "end";
    let event = Event {
        uid: "x@rebound".into(),
        start: Start::Day(day("2026-12-03")),
        minutes: None,
        summary: "Long".into(),
        description: long.clone(),
        remind_at: None,
        daily_until: None,
    };
    let text = write(&[event], NOW);
    well_formed(&text);
    let folded = text.split("\r\n").filter(|l| l.starts_with(' ')).count();
    assert!(folded >= 10, "{folded} continuation lines");
    let (_, components) = read(&text);
    assert_eq!(value(&components[0], "DESCRIPTION"), long);
}

#[test]
fn text_is_escaped_as_rfc_5545_says() {
    assert_eq!(escape_text("a,b;c\\d"), "a\\,b\\;c\\\\d");
    assert_eq!(
        escape_text("one\ntwo\r\nthree\rfour"),
        "one\\ntwo\\nthree\\nfour"
    );
    assert_eq!(escape_text("tab\there\u{7}bell\u{0}"), "tab\therebell");
    assert_eq!(escape_text("Группа 🤖"), "Группа 🤖");
}

#[test]
fn durations_read_as_iso() {
    assert_eq!(duration(Duration::hours(-15)), "-PT15H");
    assert_eq!(duration(Duration::minutes(-1230)), "-PT20H30M");
    assert_eq!(duration(Duration::zero()), "PT0S");
    assert_eq!(duration(Duration::seconds(3_725)), "PT1H2M5S");
}

proptest! {
    /// Any text survives the round trip as the summary and the description: newlines read back
    /// as LF, control characters other than the tab are left out, everything else is kept.
    #[test]
    fn any_text_survives_the_round_trip(summary in "\\PC{0,200}", description in any::<String>()) {
        let event = Event {
            uid: "p@rebound".into(),
            start: Start::At(day("2026-12-03").and_hms_opt(9, 0, 0).unwrap()),
            minutes: Some(30),
            summary: summary.clone(),
            description: description.clone(),
            remind_at: day("2026-12-02").and_hms_opt(18, 0, 0),
            daily_until: None,
        };
        let text = write(&[event], NOW);
        for line in text.split_terminator("\r\n") {
            prop_assert!(line.len() <= 75);
        }
        let expect = |s: &str| -> String {
            s.replace("\r\n", "\n")
                .replace('\r', "\n")
                .chars()
                .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
                .collect()
        };
        let (_, components) = read(&text);
        prop_assert_eq!(components.len(), 1);
        let e = &components[0];
        prop_assert_eq!(value(e, "SUMMARY"), expect(&summary));
        let description = expect(&description);
        if description.is_empty() {
            prop_assert_eq!(get(e, "DESCRIPTION"), None);
        } else {
            prop_assert_eq!(value(e, "DESCRIPTION"), description);
        }
        prop_assert_eq!(value(&e.components[0], "TRIGGER"), "-PT15H");
    }
}
