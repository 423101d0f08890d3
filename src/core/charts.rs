//! The journey's charts, as HTML the shell sets as a `<figure>`'s inner HTML: a heading, the
//! chart, its words as the `<figcaption>`, and the values month by month in a `<details>`.
//! Plain Rust, no browser.
//!
//! Made to be read on a phone: a chart is a list with a row a month, its name and its number
//! as HTML text at the page's own size (nothing is drawn small and scaled down), so any
//! width from 320 px up reads the same. Rules every chart here keeps:
//! - **No inline styles** (the CSP forbids them): no `style` attribute anywhere. Colour and
//!   layout come only from these class names, which `style/main.css` defines:
//!   - every chart: `chart-rows` on the `<ol>`, plus `chart-heatmap` or `chart-months`; a
//!     row's `chart-when` (the month) and `chart-n` (its number);
//!   - heatmap: `heat-weeks` holds a month's weeks, each a `heat-cell level-0` (no practice)
//!     to `level-4` (the busiest weeks), levels relative to the busiest week shown; an `<i>`
//!     keeps the place of a week before the first one shown;
//!   - months: a row's bar is an `<svg class="chart-bar-row">` as wide as the row allows
//!     (`preserveAspectRatio="none"`, no text in it) with `chart-bar offer`, `rejected`,
//!     `pending`, `other` (withdrawn or no reply) from the left.
//! - **Accessible**: each chart is `aria-hidden="true"`; its words ([`heatmap_text`],
//!   [`months_text`]) are the figure's caption and its values a list, read by everyone alike.
//!   `title`s give a week's or a bar's numbers on hover.
//! - **Escaped**: every piece of text goes through [`escape`] (`& < > " '`; characters XML does
//!   not allow are dropped).
//! - Counts, never scores: the words say how much happened, not how well.

#![warn(missing_docs)]

use std::collections::BTreeMap;
use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::display::{month_abbr, short_date};
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

/// "1 rating", "3 ratings".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "Mar 2026".
fn month_year(year: i32, month: u32) -> String {
    format!("{} {year}", month_abbr(month))
}

/// A row's month: with its year on the first row and in January, "Mar" otherwise.
fn row_label(first: bool, year: i32, month: u32) -> String {
    if first || month == 1 {
        month_year(year, month)
    } else {
        month_abbr(month).to_string()
    }
}

/// The figure's inner HTML: heading, chart (none when empty), caption, values (none when
/// empty).
fn figure(title: &str, chart: &str, extra: &str, caption: &str, values: &[String]) -> String {
    let mut html = format!(
        "<h3>{title}</h3>{chart}{extra}<figcaption>{}</figcaption>",
        escape(caption)
    );
    if !values.is_empty() {
        html.push_str("<details class=\"chart-values\"><summary>Month by month</summary><ul>");
        for v in values {
            let _ = write!(html, "<li>{}</li>", escape(v));
        }
        html.push_str("</ul></details>");
    }
    html
}

// Heatmap --------------------------------------------------------------------------------------

/// The level of a count, 0 (none) to 4, relative to the busiest.
fn level(n: u32, max: u32) -> u32 {
    if n == 0 || max == 0 {
        return 0;
    }
    let l = (u64::from(n) * 4).div_ceil(u64::from(max));
    l.clamp(1, 4) as u32
}

/// One week of a month: its place in the month's row (0 for the week the 1st is in), its first
/// and last day within the month, its ratings.
struct Week {
    slot: u32,
    first: NaiveDate,
    last: NaiveDate,
    n: u32,
}

/// A month of practice: its weeks (Monday to Sunday, cut at the month's ends) and the days
/// practised.
struct HeatMonth {
    year: i32,
    month: u32,
    weeks: Vec<Week>,
    days: usize,
}

impl HeatMonth {
    fn total(&self) -> u64 {
        self.weeks.iter().map(|w| u64::from(w.n)).sum()
    }
}

/// The days by calendar month and week, oldest first (any days in any order work; a day given
/// twice adds up).
fn heat_months(days: &[(NaiveDate, u32)]) -> Vec<HeatMonth> {
    let mut by_day: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    for (d, n) in days {
        let slot = by_day.entry(*d).or_default();
        *slot = slot.saturating_add(*n);
    }
    let mut months: Vec<HeatMonth> = Vec::new();
    for (d, n) in by_day {
        // Monday-based place of the 1st in its week, then the week of the month `d` is in.
        let offset = (d.weekday().num_days_from_monday() + 35 - d.day0() % 7) % 7;
        let slot = (d.day0() + offset) / 7;
        let same = months
            .last()
            .is_some_and(|m| (m.year, m.month) == (d.year(), d.month()));
        if !same {
            months.push(HeatMonth {
                year: d.year(),
                month: d.month(),
                weeks: Vec::new(),
                days: 0,
            });
        }
        let Some(m) = months.last_mut() else { continue };
        m.days += usize::from(n > 0);
        match m.weeks.last_mut() {
            Some(w) if w.slot == slot => {
                w.last = d;
                w.n = w.n.saturating_add(n);
            }
            _ => m.weeks.push(Week {
                slot,
                first: d,
                last: d,
                n,
            }),
        }
    }
    months
}

/// The practice heatmap: a row a month from the first month with practice, a square a week
/// (Monday to Sunday, cut at the month's ends), the month's ratings at the end of its row.
/// Takes [`super::journey::heatmap`]'s output. No practice at all gives "" (the caption says
/// so).
pub fn heatmap_html(days: &[(NaiveDate, u32)]) -> String {
    let months = heat_months(days);
    let Some(start) = months.iter().position(|m| m.total() > 0) else {
        return String::new();
    };
    let max = months
        .iter()
        .flat_map(|m| m.weeks.iter().map(|w| w.n))
        .max()
        .unwrap_or(0);
    let mut html = "<ol class=\"chart-rows chart-heatmap\" aria-hidden=\"true\">".to_string();
    for (i, m) in months[start..].iter().enumerate() {
        let _ = write!(
            html,
            "<li><span class=\"chart-when\">{}</span><span class=\"heat-weeks\">",
            row_label(i == 0, m.year, m.month)
        );
        let mut next = 0;
        for w in &m.weeks {
            for _ in next..w.slot {
                html.push_str("<i></i>");
            }
            next = w.slot + 1;
            let when = if w.first == w.last {
                short_date(w.last)
            } else {
                format!("{}–{}", w.first.day(), short_date(w.last))
            };
            let _ = write!(
                html,
                "<span class=\"heat-cell level-{}\" title=\"{when}: {}\"></span>",
                level(w.n, max),
                plural(w.n as usize, "rating", "ratings")
            );
        }
        let _ = write!(
            html,
            "</span><span class=\"chart-n\">{}</span></li>",
            m.total()
        );
    }
    html.push_str("</ol>");
    html
}

/// The heatmap in words, for everyone and as its caption: "Practised on 47 days in the last
/// 12 months, 312 ratings in all. Busiest week: the week of 3 Mar 2025, with 25 ratings."
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
        plural(total as usize, "rating", "ratings")
    );
    if let Some((week, n)) = busiest {
        let _ = write!(
            text,
            " Busiest week: the week of {}, with {}.",
            short_date(week),
            plural(n as usize, "rating", "ratings")
        );
    }
    text
}

/// The heatmap's values, a line a month with practice: "Mar 2026: 12 ratings on 4 days".
pub fn heatmap_values(days: &[(NaiveDate, u32)]) -> Vec<String> {
    heat_months(days)
        .iter()
        .filter(|m| m.total() > 0)
        .map(|m| {
            format!(
                "{}: {} on {}",
                month_year(m.year, m.month),
                plural(m.total() as usize, "rating", "ratings"),
                plural(m.days, "day", "days")
            )
        })
        .collect()
}

/// The practice figure's inner HTML: heading, heatmap, caption, values.
pub fn heatmap_figure(days: &[(NaiveDate, u32)]) -> String {
    figure(
        "Practice, week by week",
        &heatmap_html(days),
        "",
        &heatmap_text(days),
        &heatmap_values(days),
    )
}

// Interviews per month -------------------------------------------------------------------------

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

/// Interviews per month as a row a month from the first month with one: the month, a bar of
/// its outcomes (offer, not this time, waiting, other, from the left; the busiest month fills
/// the row), its total. Takes [`super::journey::interviews_per_month`]'s output. No interviews
/// gives "" (the caption says so).
pub fn months_html(months: &[MonthCount]) -> String {
    let Some(start) = months.iter().position(|m| m.total() > 0) else {
        return String::new();
    };
    let max = months.iter().map(MonthCount::total).max().unwrap_or(1);
    let mut html = "<ol class=\"chart-rows chart-months\" aria-hidden=\"true\">".to_string();
    for (i, m) in months[start..].iter().enumerate() {
        let when = month_year(m.year, m.month);
        let _ = write!(
            html,
            "<li><span class=\"chart-when\">{}</span><svg class=\"chart-bar-row\" \
             viewBox=\"0 0 {max} 1\" preserveAspectRatio=\"none\" aria-hidden=\"true\" \
             focusable=\"false\">",
            row_label(i == 0, m.year, m.month)
        );
        let mut x = 0;
        for (class, n, words) in parts(m) {
            if n > 0 {
                let _ = write!(
                    html,
                    "<rect class=\"chart-bar {class}\" x=\"{x}\" y=\"0\" width=\"{n}\" \
                     height=\"1\"><title>{when}: {}</title></rect>",
                    escape(&words)
                );
                x += n;
            }
        }
        let _ = write!(
            html,
            "</svg><span class=\"chart-n\">{}</span></li>",
            m.total()
        );
    }
    html.push_str("</ol>");
    html
}

/// The months chart in one sentence, its caption: "7 interviews in the last 12 months." Takes
/// [`super::journey::interviews_per_month`]'s output, which ends with this month (the chart's
/// rows start at the first month with an interview, so the sentence names no first month).
pub fn months_text(months: &[MonthCount]) -> String {
    if months.is_empty() {
        return "No months to show yet.".to_string();
    }
    let span = format!("in the last {}", plural(months.len(), "month", "months"));
    match months.iter().map(MonthCount::total).sum::<u32>() {
        0 => format!("No interviews logged {span} yet."),
        total => format!(
            "{} {span}.",
            plural(total as usize, "interview", "interviews")
        ),
    }
}

/// The months chart's values, a line a month with interviews: "Jan 2026: 2 (1 offer, 1 not
/// this time)".
pub fn months_values(months: &[MonthCount]) -> Vec<String> {
    months
        .iter()
        .filter(|m| m.total() > 0)
        .map(|m| {
            let detail: Vec<String> = parts(m)
                .into_iter()
                .filter(|(_, n, _)| *n > 0)
                .map(|(_, _, words)| words)
                .collect();
            format!(
                "{}: {} ({})",
                month_year(m.year, m.month),
                m.total(),
                detail.join(", ")
            )
        })
        .collect()
}

/// The months figure's inner HTML: heading, chart, its legend (with the chart), caption,
/// values.
pub fn months_figure(months: &[MonthCount]) -> String {
    let chart = months_html(months);
    let legend = if chart.is_empty() {
        ""
    } else {
        "<ul class=\"legend\" aria-hidden=\"true\"><li><span class=\"swatch offer\"></span>Offer</li>\
         <li><span class=\"swatch rejected\"></span>Not this time</li>\
         <li><span class=\"swatch pending\"></span>Waiting</li>\
         <li><span class=\"swatch other\"></span>Withdrew or no reply</li></ul>"
    };
    figure(
        "Interviews per month, by outcome",
        &chart,
        legend,
        &months_text(months),
        &months_values(months),
    )
}

// Funnel ---------------------------------------------------------------------------------------

/// How far opportunities got (see [`super::pipeline::funnel`]): a row a step, each bar as long
/// as its share of all of them, with its number; the caption says it in words.
pub fn funnel_figure(funnel: &[(&'static str, usize); 5]) -> String {
    let all = funnel[0].1;
    let mut chart = String::new();
    if all > 0 {
        chart.push_str("<ol class=\"chart-rows chart-funnel\" aria-hidden=\"true\">");
        for (label, n) in funnel {
            let _ = write!(
                chart,
                "<li><span class=\"chart-when\">{label}</span><svg class=\"chart-bar-row\" \
                 viewBox=\"0 0 {all} 1\" preserveAspectRatio=\"none\" aria-hidden=\"true\" \
                 focusable=\"false\"><rect class=\"chart-bar funnel\" x=\"0\" y=\"0\" \
                 width=\"{n}\" height=\"1\"></rect></svg><span class=\"chart-n\">{n}</span></li>"
            );
        }
        chart.push_str("</ol>");
    }
    figure(
        "How far they got",
        &chart,
        "",
        &super::pipeline::funnel_text(funnel),
        &[],
    )
}

#[cfg(test)]
mod tests;
