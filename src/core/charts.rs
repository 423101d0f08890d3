//! The journey's charts as inline SVG strings: the shell sets them as inner HTML. Plain Rust,
//! no browser.
//!
//! Rules every chart here keeps:
//! - **Scales**: a `viewBox` and no fixed width or height; CSS sizes it (`width: 100%`).
//! - **No inline styles** (the CSP forbids them): no `style` attribute anywhere. Colour and
//!   type come only from these class names, which `style/main.css` defines:
//!   - every chart: `chart` on the `<svg>`, plus `chart-heatmap`, `chart-months` or
//!     `chart-meter`; `chart-label` (month and day names, the meter's label), `chart-value`
//!     (numbers: bar totals, the meter's percent), `chart-axis` (the bars' baseline);
//!   - heatmap: `chart-cell level-0` (no practice) to `level-4` (the busiest days), levels
//!     relative to the busiest day shown;
//!   - months: `chart-bar offer`, `chart-bar rejected`, `chart-bar pending`,
//!     `chart-bar other` (withdrawn or no reply), stacked in that order from the baseline;
//!   - meter: `chart-meter-track` (the whole bar), `chart-meter-fill` (the filled part).
//! - **Accessible**: every `<svg>` is `aria-hidden="true"` and `focusable="false"`; its text
//!   equivalent comes separately from [`heatmap_text`], [`months_text`] and [`meter_text`], and
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

fn plural(n: u32, one: &str, many: &str) -> String {
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
                plural(*n, "rating", "ratings"),
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
        format!("in the last {}", plural(days.len() as u32, "day", "days"))
    };
    let active = days.iter().filter(|(_, n)| *n > 0).count() as u32;
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
        ("offer", m.offer, plural(m.offer, "offer", "offers")),
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
    let mut text = format!("{} {span}.", plural(total, "interview", "interviews"));
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

// Meter ----------------------------------------------------------------------------------------

const METER_WIDTH: f64 = 200.0;

/// A fraction as a whole percent, 0 to 100 (NaN and infinities count as 0).
fn percent(fraction: f64) -> u32 {
    let f = if fraction.is_finite() {
        fraction.clamp(0.0, 1.0)
    } else {
        0.0
    };
    (f * 100.0).round() as u32
}

/// A horizontal meter with its label and percent: for the share of conversations reflected
/// on, average recall, plan progress. `fraction` is clamped to 0..=1 (NaN counts as 0); the
/// label is cut to 60 characters.
pub fn meter_svg(label: &str, fraction: f64) -> String {
    let p = percent(fraction);
    let label = super::journey::clip(label, 60);
    let mut svg = open("meter", METER_WIDTH, 34.0);
    let _ = write!(
        svg,
        "<title>{}</title>\
         <text class=\"chart-label\" x=\"0\" y=\"12\">{}</text>\
         <text class=\"chart-value\" x=\"{w}\" y=\"12\" text-anchor=\"end\">{p}%</text>\
         <rect class=\"chart-meter-track\" x=\"0\" y=\"20\" width=\"{w}\" height=\"10\" rx=\"5\"/>\
         <rect class=\"chart-meter-fill\" x=\"0\" y=\"20\" width=\"{}\" height=\"10\" rx=\"5\"/>\
         </svg>",
        escape(&meter_text(&label, fraction)),
        escape(&label),
        num(METER_WIDTH * f64::from(p) / 100.0),
        w = num(METER_WIDTH),
    );
    svg
}

/// The meter in words: "Reflected on: 60%".
pub fn meter_text(label: &str, fraction: f64) -> String {
    format!("{}: {}%", label.trim(), percent(fraction))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::journey::{heatmap, interviews_per_month};
    use crate::core::model::{Interview, Outcome};
    use crate::core::practice::{Grade, ReviewEntry};
    use crate::core::test_days::{at, d};
    use proptest::prelude::*;

    /// A simple well-formedness check: tags balance, the root is one `<svg>`, text and
    /// attribute values hold no raw `<`, `>` or stray `&`, attributes are quoted.
    fn well_formed(svg: &str) -> Result<(), String> {
        fn check_text(text: &str) -> Result<(), String> {
            if text.contains('>') || text.contains('<') {
                return Err(format!("raw angle bracket in {text:?}"));
            }
            let mut rest = text;
            while let Some(i) = rest.find('&') {
                rest = &rest[i + 1..];
                if !["amp;", "lt;", "gt;", "quot;", "#39;"]
                    .iter()
                    .any(|e| rest.starts_with(e))
                {
                    return Err(format!("stray & in {text:?}"));
                }
            }
            Ok(())
        }
        if !svg.starts_with("<svg ") || !svg.ends_with("</svg>") {
            return Err("not one <svg>".into());
        }
        let mut stack: Vec<String> = Vec::new();
        let mut rest = svg;
        let mut roots = 0;
        while let Some(i) = rest.find('<') {
            check_text(&rest[..i])?;
            let end = rest[i..].find('>').ok_or("unclosed tag")? + i;
            let tag = &rest[i + 1..end];
            if tag.contains('<') {
                return Err(format!("< inside tag {tag:?}"));
            }
            if !tag.matches('"').count().is_multiple_of(2) {
                return Err(format!("unbalanced quotes in {tag:?}"));
            }
            // Attribute values: the text between quotes.
            for (n, part) in tag.split('"').enumerate() {
                if n % 2 == 1 {
                    check_text(part)?;
                }
            }
            if let Some(name) = tag.strip_prefix('/') {
                match stack.pop() {
                    Some(open) if open == name => {}
                    other => return Err(format!("</{name}> closes {other:?}")),
                }
            } else if !tag.ends_with('/') {
                let name = tag
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_string();
                if stack.is_empty() {
                    roots += 1;
                }
                stack.push(name);
            } else if stack.is_empty() {
                return Err("self-closing root".into());
            }
            rest = &rest[end + 1..];
        }
        check_text(rest)?;
        if !stack.is_empty() {
            return Err(format!("unclosed {stack:?}"));
        }
        if roots != 1 {
            return Err(format!("{roots} roots"));
        }
        Ok(())
    }

    fn rules(svg: &str) {
        well_formed(svg).unwrap_or_else(|e| panic!("{e}: {svg}"));
        assert!(!svg.contains("style="), "{svg}");
        assert!(!svg.contains("<script"), "{svg}");
        let root = &svg[..svg.find('>').unwrap()];
        assert!(root.contains("viewBox=\"0 0 "), "{root}");
        assert!(root.contains("aria-hidden=\"true\""), "{root}");
        assert!(!root.contains(" width="), "scales: {root}");
        assert!(!root.contains(" height="), "scales: {root}");
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
    }

    #[test]
    fn the_checker_catches_bad_markup() {
        assert!(well_formed("<svg a=\"1\"><g></g></svg>").is_ok());
        assert!(well_formed("<svg><g></svg>").is_err());
        assert!(well_formed("<svg><title>a < b</title></svg>").is_err());
        assert!(well_formed("<svg><title>a & b</title></svg>").is_err());
        assert!(well_formed("<svg a=\"x></svg>").is_err());
        assert!(well_formed("<svg></svg><svg></svg>").is_err());
    }

    #[test]
    fn escape_everything() {
        assert_eq!(
            escape("<b>Tom & \"Jerry\"'s</b>\u{0}\u{7}\n🙂"),
            "&lt;b&gt;Tom &amp; &quot;Jerry&quot;&#39;s&lt;/b&gt;\n🙂"
        );
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.34), "12.3");
    }

    #[test]
    fn heatmap_chart() {
        let today = d(2026, 3, 15);
        let mut reviews: Vec<ReviewEntry> = Vec::new();
        for (day, n) in [(d(2026, 3, 3), 8), (d(2026, 3, 4), 1), (d(2025, 12, 1), 3)] {
            for _ in 0..n {
                reviews.push(ReviewEntry {
                    extra: Default::default(),
                    id: "q".into(),
                    at: at(day),
                    grade: Grade::Good,
                });
            }
        }
        let days = heatmap(&reviews, today);
        let svg = heatmap_svg(&days);
        rules(&svg);
        assert_eq!(svg.matches("<rect ").count(), days.len());
        assert_eq!(svg.matches("level-4").count(), 1);
        assert_eq!(svg.matches("level-0").count(), days.len() - 3);
        assert!(svg.contains("<title>8 ratings on Tue 3 Mar 2026</title>"));
        assert!(svg.contains("<title>1 rating on Wed 4 Mar 2026</title>"));
        assert!(svg.contains("<title>No practice on Sun 15 Mar 2026</title>"));
        assert!(svg.contains(">Mar</text>") && svg.contains(">Jan</text>"));
        assert!(svg.contains(">Mon</text>"));
        // 53 columns.
        assert!(svg.contains("viewBox=\"0 0 664 100\""), "{}", &svg[..200]);

        let text = heatmap_text(&days);
        assert_eq!(
            text,
            "Practised on 3 days in the last 12 months, 12 ratings in all. Busiest week: the \
             week of 2 Mar 2026, with 9 ratings."
        );
        let none = heatmap(&[], today);
        rules(&heatmap_svg(&none));
        assert_eq!(
            heatmap_text(&none),
            "No practice in the last 12 months. Each session you do will show here."
        );
    }

    #[test]
    fn heatmap_levels() {
        assert_eq!(level(0, 10), 0);
        assert_eq!(level(1, 10), 1);
        assert_eq!(level(3, 10), 2);
        assert_eq!(level(6, 10), 3);
        assert_eq!(level(10, 10), 4);
        assert_eq!(level(1, 1), 4);
        assert_eq!(level(u32::MAX, u32::MAX), 4);
        assert_eq!(level(5, 0), 0);
    }

    #[test]
    fn months_chart() {
        let today = d(2026, 3, 10);
        let mk = |id: &str, day: NaiveDate, outcome| Interview {
            id: id.into(),
            date: Some(day),
            outcome,
            ..Interview::default()
        };
        let interviews = vec![
            mk("a", d(2026, 1, 5), Outcome::Offer),
            mk("b", d(2026, 1, 6), Outcome::Rejected),
            mk("c", d(2026, 3, 1), Outcome::Pending),
            mk("d", d(2026, 3, 2), Outcome::Pending),
            mk("e", d(2026, 3, 3), Outcome::Ghosted),
        ];
        let months = interviews_per_month(&interviews, today);
        let svg = months_svg(&months);
        rules(&svg);
        assert_eq!(svg.matches("<rect ").count(), 4);
        for class in ["offer", "rejected", "pending", "other"] {
            assert!(
                svg.contains(&format!("class=\"chart-bar {class}\"")),
                "{class}"
            );
        }
        assert!(svg.contains("<title>Jan 2026: 1 offer</title>"));
        assert!(svg.contains("<title>Mar 2026: 2 waiting to hear</title>"));
        assert!(svg.contains("class=\"chart-axis\""));
        assert!(svg.contains(">Jan<tspan") && svg.contains(">2026</tspan>"));
        assert!(svg.contains(">Apr<tspan") && svg.contains(">2025</tspan>"));
        // The busiest month (3) reaches the top of the plot area.
        assert!(svg.contains("y=\"16\" width=\"24\""), "{svg}");
        assert_eq!(
            months_text(&months),
            "5 interviews from Apr 2025 to Mar 2026. Jan 2026: 2 (1 offer, 1 not this time). \
             Mar 2026: 3 (2 waiting to hear, 1 withdrew or no reply). None in the other months."
        );

        let empty = interviews_per_month(&[], today);
        rules(&months_svg(&empty));
        assert_eq!(
            months_text(&empty),
            "No interviews logged from Apr 2025 to Mar 2026 yet."
        );
        rules(&months_svg(&[]));
        assert_eq!(months_text(&[]), "No months to show yet.");

        // A label with markup in it is escaped.
        let mut odd = empty.clone();
        odd[0].label = "<&\"> 'x'".into();
        odd[0].offer = 1;
        rules(&months_svg(&odd));
    }

    #[test]
    fn meter_chart() {
        let svg = meter_svg("Reflected <on> & \"done\" 'yes'", 0.6);
        rules(&svg);
        assert!(svg.contains("Reflected &lt;on&gt; &amp; &quot;done&quot; &#39;yes&#39;"));
        assert!(svg.contains(">60%</text>"));
        assert!(svg.contains("class=\"chart-meter-fill\" x=\"0\" y=\"20\" width=\"120\""));
        assert!(svg.contains("class=\"chart-meter-track\""));
        assert!(svg.contains("<title>Reflected &lt;on&gt;"));
        for (f, p) in [
            (f64::NAN, "0%"),
            (-1.0, "0%"),
            (1.5, "100%"),
            (f64::INFINITY, "0%"),
        ] {
            let svg = meter_svg("x", f);
            rules(&svg);
            assert!(svg.contains(&format!(">{p}</text>")), "{f}: {svg}");
        }
        rules(&meter_svg("", 0.0));
        rules(&heatmap_svg(&[(NaiveDate::MIN, 3), (NaiveDate::MAX, 1)]));
        assert_eq!(meter_text(" Average recall ", 0.873), "Average recall: 87%");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn any_label_stays_well_formed(label in any::<String>(), f in any::<f64>()) {
            let svg = meter_svg(&label, f);
            prop_assert!(well_formed(&svg).is_ok(), "{}", svg);
            prop_assert!(!svg.contains("style="));
            let mut months = interviews_per_month(&[], d(2026, 1, 1));
            months[3].label = label.clone();
            months[3].pending = 2;
            let svg = months_svg(&months);
            prop_assert!(well_formed(&svg).is_ok(), "{}", svg);
        }
    }
}
