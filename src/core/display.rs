//! How dates and numbers read on screen: "Tue 3 Mar 2026", "3 March", "2026-03-03", "3.2".
//!
//! Written out by hand rather than through chrono's `format("%…")` and `{:.1}`: those pull
//! chrono's strftime machinery and core's exact float formatting into the wasm, which every
//! user downloads. English names, as in the rest of the app.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn month_name(d: NaiveDate) -> &'static str {
    MONTHS.get(d.month0() as usize).copied().unwrap_or("")
}

/// The short name of month `month`, 1 to 12: "Mar" ("?" otherwise).
pub fn month_abbr(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|m| MONTHS.get(m as usize))
        .and_then(|name| name.get(..3))
        .unwrap_or("?")
}

/// "2026-03-03", the form of a date field's value.
pub fn iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// A date field's text as a date: "2026-03-03", spaces around it ignored. Written out by hand:
/// chrono's `FromStr` brings its whole format parser into the wasm.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text.strip_prefix('+').unwrap_or(text)),
    };
    let mut parts = rest.split('-');
    let mut number = |max_digits: usize| -> Option<i32> {
        let part = parts.next()?;
        if part.is_empty() || part.len() > max_digits || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let (year, month, day) = (number(6)?, number(2)?, number(2)?);
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(
        sign * year,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    )
}

/// Serde for stored dates, as "2026-03-03" (see [`iso_date`] and [`parse_iso_date`]): used with
/// `#[serde(with = "crate::core::display::date_serde")]`.
pub mod date_serde {
    use super::{iso_date, parse_iso_date};
    use chrono::NaiveDate;
    use serde::{de, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&iso_date(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        struct Day;
        impl de::Visitor<'_> for Day {
            type Value = NaiveDate;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date like 2026-03-03")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
                parse_iso_date(v).ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
            }
        }
        d.deserialize_str(Day)
    }
}

/// [`date_serde`] for an optional date (`null` when there is none).
pub mod opt_date_serde {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => super::date_serde::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped(#[serde(with = "super::date_serde")] NaiveDate);
        Ok(Option::<Wrapped>::deserialize(d)?.map(|w| w.0))
    }
}

/// "3 Mar 2026".
pub fn short_date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_abbr(d.month()), d.year())
}

/// "Tue 3 Mar 2026".
pub fn weekday_date(d: NaiveDate) -> String {
    let weekday = WEEKDAYS
        .get(d.weekday().num_days_from_monday() as usize)
        .copied()
        .unwrap_or("");
    format!("{weekday} {}", short_date(d))
}

/// "3 March".
pub fn day_and_month(d: NaiveDate) -> String {
    format!("{} {}", d.day(), month_name(d))
}

/// "3 Mar 2026, 14:05".
pub fn short_date_time(t: NaiveDateTime) -> String {
    format!(
        "{}, {:02}:{:02}",
        short_date(t.date()),
        t.hour(),
        t.minute()
    )
}

/// "2026-03-03 14:05".
pub fn iso_date_time(t: NaiveDateTime) -> String {
    format!("{} {:02}:{:02}", iso_date(t.date()), t.hour(), t.minute())
}

/// "14:05", the form of a time field's value and how a time is stored.
pub fn hh_mm(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// A time field's text as a time: "14:05" or "9:30" (seconds, "14:05:30", are accepted and
/// dropped); spaces around it ignored. Anything else is `None`.
pub fn parse_hh_mm(text: &str) -> Option<NaiveTime> {
    let mut parts = text.trim().split(':');
    let mut number = |max: u32, digits: std::ops::RangeInclusive<usize>| {
        let p = parts.next()?;
        let ok = digits.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| p.parse::<u32>().ok())
            .flatten()
            .filter(|n| *n <= max)
    };
    let (hour, minute) = (number(23, 1..=2)?, number(59, 2..=2)?);
    match parts.next() {
        None => {}
        Some(s) if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) && s < "60" => {}
        Some(_) => return None,
    }
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(hour, minute, 0)
}

/// The day `day` as said from `today`: "today", "tomorrow", its weekday within the week
/// ahead ("Thursday"), "Thu 12 Mar 2026" further on, or for a day already past.
pub fn day_word(day: NaiveDate, today: NaiveDate) -> String {
    match (day - today).num_days() {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        2..=6 => WEEKDAY_NAMES
            .get(day.weekday().num_days_from_monday() as usize)
            .copied()
            .unwrap_or("")
            .to_string(),
        _ => weekday_date(day),
    }
}

/// A time stamp in milliseconds as a UTC date and time, if it is one.
pub fn from_millis(ms: i64) -> Option<NaiveDateTime> {
    chrono::DateTime::from_timestamp_millis(ms).map(|t| t.naive_utc())
}

/// `x` rounded to a whole number: "3". Not a number reads "0".
pub fn whole(x: f64) -> String {
    let x = if x.is_finite() { x.round() } else { 0.0 };
    // Saturating cast; "-0" reads "0".
    format!("{}", x as i64)
}

/// `x` with one decimal: "3.2", "-0.5", "12.0". Not a number reads "0.0".
pub fn one_decimal(x: f64) -> String {
    let tenths = if x.is_finite() {
        (x * 10.0).round() as i64
    } else {
        0
    };
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}

#[cfg(test)]
mod tests {
    #[derive(serde::Serialize, serde::Deserialize)]
    struct Wrapped(#[serde(with = "super::date_serde")] chrono::NaiveDate);

    use super::*;
    use crate::core::test_days::d as day;
    use proptest::prelude::*;

    #[test]
    fn dates_read_like_chrono_formatted_them() {
        let d = day(2026, 3, 3);
        assert_eq!(iso_date(d), "2026-03-03");
        assert_eq!(short_date(d), "3 Mar 2026");
        assert_eq!(weekday_date(d), "Tue 3 Mar 2026");
        assert_eq!(day_and_month(d), "3 March");
        assert_eq!(month_abbr(9), "Sep");
        assert_eq!(month_abbr(0), "?");
        assert_eq!(month_abbr(13), "?");
        let t = d.and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(short_date_time(t), "3 Mar 2026, 09:05");
        assert_eq!(iso_date_time(t), "2026-03-03 09:05");
        assert_eq!(
            from_millis(0).map(iso_date_time).as_deref(),
            Some("1970-01-01 00:00")
        );
    }

    #[test]
    fn date_fields_parse_with_spaces_and_refuse_nonsense() {
        assert_eq!(parse_iso_date(" 2026-12-31 "), Some(day(2026, 12, 31)));
        assert_eq!(parse_iso_date("2026-02-30"), None);
        assert_eq!(parse_iso_date("31/12/2026"), None);
        assert_eq!(parse_iso_date(""), None);
    }

    #[test]
    fn times_read_and_write_as_hh_mm() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(parse_hh_mm("14:05"), t(14, 5));
        assert_eq!(parse_hh_mm(" 9:30 "), t(9, 30));
        assert_eq!(parse_hh_mm("00:00"), t(0, 0));
        assert_eq!(parse_hh_mm("23:59:59"), t(23, 59));
        for bad in [
            "",
            "24:00",
            "12:60",
            "12",
            "12:5",
            "1205",
            "12:05:60",
            "12:05:00:00",
            "-1:00",
            "+1:00",
            "١٢:٠٥",
            "12:05pm",
            "12:05:",
            ":",
        ] {
            assert_eq!(parse_hh_mm(bad), None, "{bad:?}");
        }
        assert_eq!(t(7, 5).map(hh_mm).as_deref(), Some("07:05"));
    }

    #[test]
    fn days_are_said_from_today() {
        let today = day(2026, 3, 3); // a Tuesday
        assert_eq!(day_word(today, today), "today");
        assert_eq!(day_word(day(2026, 3, 4), today), "tomorrow");
        assert_eq!(day_word(day(2026, 3, 5), today), "Thursday");
        assert_eq!(day_word(day(2026, 3, 9), today), "Monday");
        assert_eq!(day_word(day(2026, 3, 10), today), "Tue 10 Mar 2026");
        assert_eq!(day_word(day(2026, 3, 2), today), "Mon 2 Mar 2026");
    }

    #[test]
    fn numbers_round_like_format_did() {
        assert_eq!(whole(2.5), "3");
        assert_eq!(whole(-0.4), "0");
        assert_eq!(whole(f64::NAN), "0");
        assert_eq!(one_decimal(3.25), "3.3");
        assert_eq!(one_decimal(12.0), "12.0");
        assert_eq!(one_decimal(-0.04), "0.0");
        assert_eq!(one_decimal(-0.5), "-0.5");
        assert_eq!(one_decimal(f64::INFINITY), "0.0");
    }

    proptest! {
        #[test]
        fn every_day_matches_chrono(n in -100_000i64..100_000) {
            let d = day(2000, 1, 1) + chrono::Duration::days(n);
            prop_assert_eq!(iso_date(d), d.format("%Y-%m-%d").to_string());
            prop_assert_eq!(weekday_date(d), d.format("%a %-d %b %Y").to_string());
            prop_assert_eq!(day_and_month(d), d.format("%-d %B").to_string());
            prop_assert_eq!(parse_iso_date(&iso_date(d)), Some(d));
            // Reads what chrono reads, and stores what chrono stored.
            let json = serde_json::to_string(&d).unwrap();
            let ours: Wrapped = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(ours.0, d);
            prop_assert_eq!(serde_json::to_string(&ours).unwrap(), json);
        }

        #[test]
        fn any_text_reads_as_chrono_reads_a_date(text in "[-+ 0-9]{0,4}[0-9]{0,3}-?[0-9]{0,3}-?[0-9]{0,3} ?") {
            let chrono_reads = text.trim().parse::<NaiveDate>().ok();
            if let Some(d) = parse_iso_date(&text) {
                prop_assert_eq!(Some(d), chrono_reads, "{}", text);
            }
        }

        #[test]
        fn any_text_parses_as_a_time_or_not_without_panicking(text in "\\PC{0,12}") {
            if let Some(t) = parse_hh_mm(&text) {
                prop_assert_eq!(parse_hh_mm(&hh_mm(t)), Some(t));
            }
        }

        #[test]
        fn every_minute_round_trips(h in 0u32..24, m in 0u32..60) {
            let t = NaiveTime::from_hms_opt(h, m, 0).unwrap();
            prop_assert_eq!(hh_mm(t), t.format("%H:%M").to_string());
            prop_assert_eq!(parse_hh_mm(&hh_mm(t)), Some(t));
        }

        #[test]
        fn one_decimal_matches_format(x in -1.0e6f64..1.0e6) {
            // Away from exact halves, where `{:.1}` rounds half to even and we round half away.
            prop_assume!(((x * 10.0).fract().abs() - 0.5).abs() > 1e-6);
            let expected = format!("{x:.1}");
            let expected = if expected == "-0.0" { "0.0".to_string() } else { expected };
            prop_assert_eq!(one_decimal(x), expected);
        }
    }
}
