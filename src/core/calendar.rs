//! Calendar files without a server: `.ics` text (RFC 5545) the shell offers as a download, for
//! an upcoming interview ([`interview_event`]), a follow-up due date ([`follow_up_event`]) and a
//! daily practice block until the interview ([`practice_event`]).
//!
//! The writing, by hand (no crate: it all ships in the wasm):
//! - lines end in CRLF and are folded at 75 octets, never inside a UTF-8 character (a
//!   continuation line starts with one space, which counts toward its 75);
//! - TEXT values escape `\`, `;`, `,` and newlines (`\\`, `\;`, `\,`, `\n`); other control
//!   characters, which RFC 5545 does not allow in a value, are dropped (a tab is kept);
//! - times are floating local times (`DTSTART:20260305T143000`, no `Z`, no `VTIMEZONE`): the
//!   interview is at 14:30 wherever the calendar is; a day without a time is a `VALUE=DATE`
//!   (an all-day event); `DTSTAMP` is the time of writing in UTC, as required;
//! - `UID` is stable for a record and a use (`interview-<id>@rebound`), so adding the same
//!   interview again updates the event instead of doubling it;
//! - reminders (`VALARM`, `ACTION:DISPLAY`) are `TRIGGER`s relative to the start, e.g.
//!   `-PT20H30M` for 18:00 the evening before a 14:30 interview. Relative triggers are what
//!   calendars handle best: every calendar that imports alarms supports them, and they need no
//!   time zone, whereas an absolute trigger must be written in UTC, which a floating time cannot
//!   give without knowing the device's zone.

use std::fmt::Write as _;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::display::from_millis;
use super::model::{Interview, Millis};

/// The longest line, in octets, before folding (CRLF not counted).
const FOLD_AT: usize = 75;
/// Reminders the evening before go off at this hour.
const EVENING_HOUR: u32 = 18;
/// Follow-up reminders go off at this hour on the day.
const MORNING_HOUR: u32 = 9;
/// An interview with a start time is shown this long.
const INTERVIEW_MINUTES: u32 = 60;

/// When an event starts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Start {
    /// A floating local date and time.
    At(NaiveDateTime),
    /// A whole day.
    Day(NaiveDate),
}

impl Start {
    fn as_local(self) -> NaiveDateTime {
        match self {
            Start::At(t) => t,
            Start::Day(d) => d.and_time(NaiveTime::MIN),
        }
    }
}

/// One event of a calendar file.
#[derive(Clone, PartialEq, Debug)]
pub struct Event {
    /// Stable for the record and the use (see the module doc).
    pub uid: String,
    pub start: Start,
    /// How long a timed event lasts (whole days have none: they last the day).
    pub minutes: Option<u32>,
    pub summary: String,
    pub description: String,
    /// A reminder at this local time (before or after the start).
    pub remind_at: Option<NaiveDateTime>,
    /// Repeat daily, the last time on this day.
    pub daily_until: Option<NaiveDate>,
}

/// A calendar file holding `events`, written at `now` (ms, for `DTSTAMP`).
pub fn write(events: &[Event], now: Millis) -> String {
    let stamp = from_millis(now).unwrap_or_default();
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Rebound//Rebound//EN",
        "CALSCALE:GREGORIAN",
    ] {
        push_line(&mut out, line);
    }
    for e in events {
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", escape_text(&e.uid)));
        push_line(&mut out, &format!("DTSTAMP:{}Z", date_time(stamp)));
        match e.start {
            Start::At(t) => {
                push_line(&mut out, &format!("DTSTART:{}", date_time(t)));
                if let Some(m) = e.minutes {
                    push_line(&mut out, &format!("DURATION:PT{m}M"));
                }
            }
            Start::Day(d) => {
                push_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", date(d)));
                if let Some(next) = d.succ_opt() {
                    push_line(&mut out, &format!("DTEND;VALUE=DATE:{}", date(next)));
                }
            }
        }
        if let Some(until) = e.daily_until {
            // UNTIL takes the value type of DTSTART: a floating time, or a date.
            let until = match e.start {
                Start::At(t) => date_time(until.and_time(t.time())),
                Start::Day(_) => date(until),
            };
            push_line(&mut out, &format!("RRULE:FREQ=DAILY;UNTIL={until}"));
        }
        push_line(&mut out, &format!("SUMMARY:{}", escape_text(&e.summary)));
        if !e.description.is_empty() {
            let text = format!("DESCRIPTION:{}", escape_text(&e.description));
            push_line(&mut out, &text);
        }
        if let Some(at) = e.remind_at {
            push_line(&mut out, "BEGIN:VALARM");
            push_line(&mut out, "ACTION:DISPLAY");
            push_line(
                &mut out,
                &format!("DESCRIPTION:{}", escape_text(&e.summary)),
            );
            push_line(
                &mut out,
                &format!("TRIGGER:{}", duration(at - e.start.as_local())),
            );
            push_line(&mut out, "END:VALARM");
        }
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// The calendar file of an upcoming interview: at its time (an hour long), or all day when it
/// has none, with a reminder at 18:00 the evening before. `None` while it has no date.
pub fn interview_event(interview: &Interview, now: Millis) -> Option<String> {
    let date = interview.date?;
    let start = match interview.time {
        Some(t) => Start::At(date.and_time(t)),
        None => Start::Day(date),
    };
    let mut about: Vec<String> = Vec::new();
    if let Some(format) = interview.format_label() {
        about.push(format.into_owned());
    }
    if !interview.interviewers.trim().is_empty() {
        about.push(format!("With {}", interview.interviewers.trim()));
    }
    about.push("Your prep sheet is in Rebound.".to_string());
    let event = Event {
        uid: format!("interview-{}@rebound", interview.id),
        start,
        minutes: interview.time.map(|_| INTERVIEW_MINUTES),
        summary: format!("Interview: {}", interview.title()),
        description: about.join("\n"),
        remind_at: evening_before(date),
        daily_until: None,
    };
    Some(write(&[event], now))
}

/// The calendar file of a follow-up due date (asking again about feedback): all day on the
/// day, with a reminder at 09:00 that morning (a follow-up is something to do in the day, not
/// to prepare the evening before). `None` when no follow-up date is set.
pub fn follow_up_event(interview: &Interview, now: Millis) -> Option<String> {
    let day = interview.feedback.follow_up_on?;
    let who = match interview.company.trim() {
        "" => interview.title(),
        company => company.to_string(),
    };
    let description = match interview.feedback.asked_on {
        Some(asked) => format!(
            "You asked for feedback on {}. A short, friendly note is enough.",
            super::display::day_and_month(asked)
        ),
        None => "A short, friendly note is enough.".to_string(),
    };
    let event = Event {
        uid: format!("follow-up-{}@rebound", interview.id),
        start: Start::Day(day),
        minutes: None,
        summary: format!("Follow up with {who} about feedback"),
        description,
        remind_at: day.and_hms_opt(MORNING_HOUR, 0, 0),
        daily_until: None,
    };
    Some(write(&[event], now))
}

/// The calendar file of a daily practice block for an interview: `minutes` long at `at`, from
/// `first_day` to the day before the interview, with a reminder as it starts. `None` when the
/// interview has no date or `first_day` is not before it.
pub fn practice_event(
    interview: &Interview,
    first_day: NaiveDate,
    at: NaiveTime,
    minutes: u32,
    now: Millis,
) -> Option<String> {
    let last = interview.date?.pred_opt()?;
    if first_day > last {
        return None;
    }
    let start = first_day.and_time(at);
    let minutes = minutes.clamp(1, 24 * 60);
    let event = Event {
        uid: format!("practice-{}@rebound", interview.id),
        start: Start::At(start),
        minutes: Some(minutes),
        summary: format!("Practise for {}", interview.title()),
        description: match minutes {
            1 => "About 1 minute with your answers in Rebound.".to_string(),
            m => format!("About {m} minutes with your answers in Rebound."),
        },
        remind_at: Some(start),
        daily_until: Some(last),
    };
    Some(write(&[event], now))
}

/// The daily practice block offered before an interview starts at this hour.
const PRACTICE_HOUR: u32 = 8;
/// Its shortest length: a slot worth keeping, also while the plan asks for no time (nothing
/// chosen yet, or all fresh).
const PRACTICE_MINUTES: u32 = 10;

/// The daily practice block "Before the interview" offers: at 08:00, as long as the plan's
/// minutes a day (`plan_minutes`, at least 10), from today (tomorrow once 08:00 has
/// passed: `now` and `today_start`, local midnight, in ms) to the day before the interview.
/// `None` when no such day is left, or the interview has no date.
pub fn practice_block(
    interview: &Interview,
    today: NaiveDate,
    today_start: Millis,
    plan_minutes: u32,
    now: Millis,
) -> Option<String> {
    let at = NaiveTime::from_hms_opt(PRACTICE_HOUR, 0, 0)?;
    let hour_ms: Millis = 60 * 60 * 1000;
    let passed = now.saturating_sub(today_start) >= Millis::from(PRACTICE_HOUR) * hour_ms;
    let first = if passed { today.succ_opt()? } else { today };
    practice_event(
        interview,
        first,
        at,
        plan_minutes.max(PRACTICE_MINUTES),
        now,
    )
}

/// 18:00 the day before `date`.
fn evening_before(date: NaiveDate) -> Option<NaiveDateTime> {
    date.pred_opt()?.and_hms_opt(EVENING_HOUR, 0, 0)
}

/// `20260305`.
fn date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// `20260305T143000`.
fn date_time(t: NaiveDateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}",
        date(t.date()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// A DURATION value: `-PT20H30M`, `PT9H`, `PT0S`.
fn duration(d: Duration) -> String {
    let sign = if d < Duration::zero() { "-" } else { "" };
    let secs = d.num_seconds().unsigned_abs();
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let mut out = format!("{sign}PT");
    if h > 0 {
        let _ = write!(out, "{h}H");
    }
    if m > 0 {
        let _ = write!(out, "{m}M");
    }
    if s > 0 || secs == 0 {
        let _ = write!(out, "{s}S");
    }
    out
}

/// A TEXT value escaped (RFC 5545 3.3.11): `\` `;` `,` and newlines (CRLF, CR or LF) escaped,
/// other control characters but the tab dropped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Append one content line, folded at [`FOLD_AT`] octets on character boundaries, with CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut room = FOLD_AT;
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > room {
            out.push_str("\r\n ");
            // The leading space takes one octet of the next line.
            room = FOLD_AT - 1;
            used = 0;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests;
