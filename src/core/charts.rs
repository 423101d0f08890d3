//! The journey's charts as inline SVG strings: the shell sets them as inner HTML. Plain Rust,
//! no browser.
//!
//! Rules every chart here keeps:
//! - **Scales**: a `viewBox` and no fixed width or height; CSS sizes it (`width: 100%`).
//! - **No inline styles** (the CSP forbids them): no `style` attribute anywhere. Colour and
//!   type come only from these class names, which `style/main.css` defines:
//!   - every chart: `chart` on the `<svg>`, plus `chart-heatmap` or `chart-months`;
//!     `chart-label` (month and day names), `chart-value` (numbers: bar totals), `chart-axis`
//!     (the bars' baseline);
//!   - heatmap: `chart-cell level-0` (no practice) to `level-4` (the busiest days), levels
//!     relative to the busiest day shown;
//!   - months: `chart-bar offer`, `chart-bar rejected`, `chart-bar pending`,
//!     `chart-bar other` (withdrawn or no reply), stacked in that order from the baseline.
//! - **Accessible**: every `<svg>` is `aria-hidden="true"` and `focusable="false"`; its text
//!   equivalent comes separately from [`heatmap_text`] and [`months_text`], and
//!   the shell shows that text next to the chart (e.g. as its `<figcaption>`), so screen reader
//!   users and everyone else read the same words and no element ids are needed. `<title>`
//!   elements give the numbers on hover.
//! - **Escaped**: every piece of text goes through [`escape`] (`& < > " '`; characters XML does
//!   not allow are dropped).
//! - Counts, never scores: the words say how much happened, not how well.

#![warn(missing_docs)]

use std::collections::BTreeMap;
use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::display::{month_abbr, one_decimal, short_date, weekday_date, whole};
use super::journey::{week_start, MonthCount};

/// Text made safe for SVG/HTML content and attribute values: `&`, `<`, `>`, `"` and `'`
/// escaped; control characters other than tab and newlines dropped (XML does not allow them).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A number for an attribute: at most one decimal, no "-0".
fn num(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 {
        "0".to_string()
    } else if r.fract() == 0.0 {
        whole(r)
    } else {
        one_decimal(r)
    }
}

/// The opening `<svg>` tag.
fn open(kind: &str, width: f64, height: f64) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-{kind}\" viewBox=\"0 0 {} {}\" \
         aria-hidden=\"true\" focusable=\"false\">",
        num(width),
        num(height)
    )
}

/// "3 Mar 2026".
fn long_day(day: NaiveDate) -> String {
    short_date(day)
}

/// "1 rating", "3 ratings".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

// Heatmap --------------------------------------------------------------------------------------

const CELL: f64 = 10.0;
const PITCH: f64 = 12.0;
const HEAT_LEFT: f64 = 28.0;
const HEAT_TOP: f64 = 16.0;

/// The level of a day's count, 0 (none) to 4, relative to the busiest day.
fn level(n: u32, max: u32) -> u32 {
    if n == 0 || max == 0 {
        return 0;
    }
    let l = (u64::from(n) * 4).div_ceil(u64::from(max));
    l.clamp(1, 4) as u32
}

/// The practice heatmap: one square a day, a column a week (Monday at the top), month names
/// above, Mon/Wed/Fri at the side. Takes [`super::journey::heatmap`]'s output (any days in any
/// order work). Empty input gives a small chart saying there is nothing yet.
pub fn heatmap_svg(days: &[(NaiveDate, u32)]) -> String {
    let Some(first) = days.iter().map(|(d, _)| *d).min() else {
        let mut svg = open("heatmap", 200.0, 24.0);
        svg.push_str("<text class=\"chart-label\" x=\"0\" y=\"16\">No practice yet</text></svg>");
        return svg;
    };
    let monday = week_start(first);
    let max = days.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let col_of = |d: NaiveDate| ((d - monday).num_days() / 7) as f64;
    let cols = days.iter().map(|(d, _)| col_of(*d)).fold(0.0, f64::max) + 1.0;
    let width = HEAT_LEFT + cols * PITCH;
    let height = HEAT_TOP + 7.0 * PITCH;
    let mut svg = open("heatmap", width, height);

    for (row, name) in [(0.0, "Mon"), (2.0, "Wed"), (4.0, "Fri")] {
        let _ = write!(
            svg,
            "<text class=\"chart-label\" x=\"0\" y=\"{}\">{name}</text>",
            num(HEAT_TOP + row * PITCH + 9.0)
        );
    }

    // A month's name above the week its first Monday is in, if there is room.
    let mut sorted: Vec<NaiveDate> = days.iter().map(|(d, _)| *d).collect();
    crate::core::order::sort_dedup(&mut sorted);
    let mut last_label: Option<f64> = None;
    for d in sorted {
        if d.weekday() == chrono::Weekday::Mon && d.day() <= 7 {
            let col = col_of(d);
            if last_label.is_none_or(|l| col - l >= 3.0) {
                let _ = write!(
                    svg,
                    "<text class=\"chart-label\" x=\"{}\" y=\"10\">{}</text>",
                    num(HEAT_LEFT + col * PITCH),
                    month_abbr(d.month())
                );
                last_label = Some(col);
            }
        }
    }

    for (d, n) in days {
        let row = f64::from(d.weekday().num_days_from_monday());
        let title = if *n == 0 {
            format!("No practice on {}", weekday_date(*d))
        } else {
            format!(
                "{} on {}",
                plural(*n as usize, "rating", "ratings"),
                weekday_date(*d)
            )
        };
        let _ = write!(
            svg,
            "<rect class=\"chart-cell level-{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" \
             rx=\"2\"><title>{}</title></rect>",
            level(*n, max),
            num(HEAT_LEFT + col_of(*d) * PITCH),
            num(HEAT_TOP + row * PITCH),
            num(CELL),
            num(CELL),
            escape(&title)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The heatmap in words, for screen readers and as its caption: "Practised on 47 days in the
/// last 12 months, 312 ratings in all. Busiest week: the week of 3 Mar 2025, with 25 ratings."
pub fn heatmap_text(days: &[(NaiveDate, u32)]) -> String {
    let period = if days.len() >= 364 {
        "in the last 12 months".to_string()
    } else if days.is_empty() {
        "yet".to_string()
    } else {
        format!("in the last {}", plural(days.len(), "day", "days"))
    };
    let active = days.iter().filter(|(_, n)| *n > 0).count();
    if active == 0 {
        return format!("No practice {period}. Each session you do will show here.");
    }
    let total: u64 = days.iter().map(|(_, n)| u64::from(*n)).sum();
    let mut weeks: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    for (d, n) in days {
        *weeks.entry(week_start(*d)).or_default() += u64::from(*n);
    }
    // The busiest week; the most recent of equals.
    let busiest = weeks
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(b.0)))
        .map(|(w, n)| (*w, *n));
    let mut text = format!(
        "Practised on {} {period}, {} in all.",
        plural(active, "day", "days"),
        if total == 1 {
            "1 rating".to_string()
        } else {
            format!("{total} ratings")
        }
    );
    if let Some((week, n)) = busiest {
        let _ = write!(
            text,
            " Busiest week: the week of {}, with {}.",
            long_day(week),
            if n == 1 {
                "1 rating".to_string()
            } else {
                format!("{n} ratings")
            }
        );
    }
    text
}

// Interviews per month -------------------------------------------------------------------------

const BAR: f64 = 24.0;
const BAR_GAP: f64 = 8.0;
const MONTHS_TOP: f64 = 16.0;
const MONTHS_HEIGHT: f64 = 100.0;
const MONTHS_BOTTOM: f64 = 30.0;

/// A month with its year, "Mar 2026".
fn month_year(m: &MonthCount) -> String {
    format!("{} {}", month_abbr(m.month), m.year)
}

/// The outcome parts of a month, in stacking order: (class, count, words).
fn parts(m: &MonthCount) -> [(&'static str, u32, String); 4] {
    [
        (
            "offer",
            m.offer,
            plural(m.offer as usize, "offer", "offers"),
        ),
        (
            "rejected",
            m.rejected,
            format!("{} not this time", m.rejected),
        ),
        (
            "pending",
            m.pending,
            format!("{} waiting to hear", m.pending),
        ),
        (
            "other",
            m.other,
            format!("{} withdrew or no reply", m.other),
        ),
    ]
}

/// Interviews per month as stacked bars by outcome (offer, not this time, waiting, other, from
/// the baseline up), each month's total above its bar, the month below (with the year on a
/// second line where the label has one). Takes [`super::journey::interviews_per_month`]'s
/// output. Empty input gives a small chart saying there is nothing yet.
pub fn months_svg(months: &[MonthCount]) -> String {
    if months.is_empty() {
        let mut svg = open("months", 200.0, 24.0);
        svg.push_str("<text class=\"chart-label\" x=\"0\" y=\"16\">No months yet</text></svg>");
        return svg;
    }
    let pitch = BAR + BAR_GAP;
    let width = months.len() as f64 * pitch;
    let height = MONTHS_TOP + MONTHS_HEIGHT + MONTHS_BOTTOM;
    let base = MONTHS_TOP + MONTHS_HEIGHT;
    let max = months
        .iter()
        .map(MonthCount::total)
        .max()
        .unwrap_or(0)
        .max(1);
    let scale = MONTHS_HEIGHT / f64::from(max);
    let mut svg = open("months", width, height);

    for (i, m) in months.iter().enumerate() {
        let x = i as f64 * pitch + BAR_GAP / 2.0;
        let center = x + BAR / 2.0;
        let mut top = base;
        let when = month_year(m);
        for (class, n, words) in parts(m) {
            if n == 0 {
                continue;
            }
            let h = f64::from(n) * scale;
            top -= h;
            let _ = write!(
                svg,
                "<rect class=\"chart-bar {class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">\
                 <title>{}</title></rect>",
                num(x),
                num(top),
                num(BAR),
                num(h),
                escape(&format!("{when}: {words}"))
            );
        }
        if m.total() > 0 {
            let _ = write!(
                svg,
                "<text class=\"chart-value\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                num(center),
                num(top - 4.0),
                m.total()
            );
        }
        let mut label = m.label.splitn(2, ' ');
        let name = escape(label.next().unwrap_or_default());
        let _ = write!(
            svg,
            "<text class=\"chart-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{name}",
            num(center),
            num(base + 13.0)
        );
        if let Some(year) = label.next() {
            let _ = write!(
                svg,
                "<tspan x=\"{}\" dy=\"12\">{}</tspan>",
                num(center),
                escape(year)
            );
        }
        svg.push_str("</text>");
    }
    let _ = write!(
        svg,
        "<line class=\"chart-axis\" x1=\"0\" y1=\"{b}\" x2=\"{}\" y2=\"{b}\"/></svg>",
        num(width),
        b = num(base)
    );
    svg
}

/// The months chart in words: "7 interviews from Apr 2025 to Mar 2026. Jan 2026: 2 (1 offer,
/// 1 not this time). Mar 2026: 5 (5 waiting to hear). None in the other months."
pub fn months_text(months: &[MonthCount]) -> String {
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return "No months to show yet.".to_string();
    };
    let span = format!("from {} to {}", month_year(first), month_year(last));
    let total: u32 = months.iter().map(MonthCount::total).sum();
    if total == 0 {
        return format!("No interviews logged {span} yet.");
    }
    let mut text = format!(
        "{} {span}.",
        plural(total as usize, "interview", "interviews")
    );
    let mut busy = 0;
    for m in months.iter().filter(|m| m.total() > 0) {
        busy += 1;
        let detail: Vec<String> = parts(m)
            .into_iter()
            .filter(|(_, n, _)| *n > 0)
            .map(|(_, _, words)| words)
            .collect();
        let _ = write!(
            text,
            " {}: {} ({}).",
            month_year(m),
            m.total(),
            detail.join(", ")
        );
    }
    if busy < months.len() {
        text.push_str(" None in the other months.");
    }
    text
}

#[cfg(test)]
mod tests;
