//! Dates for the core's tests, shared so each test module does not write them again.

use chrono::NaiveDate;

use super::model::Millis;

/// The day `y`-`m`-`day`.
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The day written "2026-03-03".
pub fn day(iso: &str) -> NaiveDate {
    iso.parse().unwrap()
}

/// Noon UTC of a day, in milliseconds.
pub fn at(day: NaiveDate) -> Millis {
    day.and_hms_opt(12, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp_millis()
}
