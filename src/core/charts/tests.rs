//! Tests of the charts: a small well-formedness checker for the markup, the rules every chart
//! keeps (no inline styles, hidden from screen readers beside its words, no text in a scaled
//! SVG), escaping, each chart, and any input staying well formed.

use super::*;
use crate::core::journey::{heatmap, interviews_per_month};
use crate::core::model::{Interview, Outcome};
use crate::core::practice::{Grade, ReviewEntry};
use crate::core::test_days::{at, d};
use proptest::prelude::*;

/// A simple well-formedness check: tags balance, there is one root element, text and
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
    if !svg.starts_with('<') || !svg.ends_with('>') {
        return Err("not one element".into());
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

/// A chart: well formed with one root, no inline style or script, hidden from screen readers
/// (its words are beside it), every `<svg>` scaled by a viewBox with no fixed size.
fn rules(html: &str) {
    well_formed(html).unwrap_or_else(|e| panic!("{e}: {html}"));
    assert!(!html.contains("style="), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("NaN") && !html.contains("inf"), "{html}");
    let root = &html[..html.find('>').unwrap()];
    assert!(root.contains("aria-hidden=\"true\""), "{root}");
    for svg in html.split("<svg ").skip(1) {
        let tag = &svg[..svg.find('>').unwrap()];
        assert!(tag.contains("viewBox=\"0 0 "), "{tag}");
        assert!(
            !tag.contains(" width=") && !tag.contains(" height="),
            "{tag}"
        );
        assert!(
            !svg[..svg.find("</svg>").unwrap()].contains("<text"),
            "no text to scale"
        );
    }
}

/// A figure's inner HTML is well formed once wrapped in its `<figure>`.
fn figure_rules(html: &str) {
    let wrapped = format!("<figure>{html}</figure>");
    well_formed(&wrapped).unwrap_or_else(|e| panic!("{e}: {html}"));
    assert!(!html.contains("style="), "{html}");
}

#[test]
fn the_checker_catches_bad_markup() {
    assert!(well_formed("<svg a=\"1\"><g></g></svg>").is_ok());
    assert!(well_formed("<ol a=\"1\"><li>x<i></i></li></ol>").is_ok());
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
}

fn ratings(list: &[(NaiveDate, usize)]) -> Vec<ReviewEntry> {
    let mut reviews: Vec<ReviewEntry> = Vec::new();
    for (day, n) in list {
        for _ in 0..*n {
            reviews.push(ReviewEntry {
                extra: Default::default(),
                id: "q".into(),
                at: at(*day),
                grade: Grade::Good,
            });
        }
    }
    reviews
}

#[test]
fn heatmap_chart() {
    let today = d(2026, 3, 15);
    let reviews = ratings(&[(d(2026, 3, 3), 8), (d(2026, 3, 4), 1), (d(2025, 12, 1), 3)]);
    let days = heatmap(&reviews, today);
    let html = heatmap_html(&days);
    rules(&html);
    // A row a month from the first with practice: Dec 2025 to Mar 2026.
    assert_eq!(html.matches("<li>").count(), 4, "{html}");
    assert!(html.contains("<span class=\"chart-when\">Dec 2025</span>"));
    assert!(html.contains("<span class=\"chart-when\">Jan 2026</span>"));
    assert!(html.contains("<span class=\"chart-when\">Feb</span>"));
    assert!(html.contains("<span class=\"chart-when\">Mar</span>"));
    // The month's ratings end its row.
    assert!(html.contains("<span class=\"chart-n\">3</span></li><li>"));
    assert!(html.contains("<span class=\"chart-n\">9</span></li></ol>"));
    // A square a week, cut at the month's ends: March 2026 starts on a Sunday, so 1 Mar is a
    // week of its own; today (the 15th) ends the third week shown.
    let march = &html[html.rfind("<li>").unwrap()..];
    assert_eq!(march.matches("heat-cell").count(), 3, "{march}");
    assert!(march.contains("title=\"1 Mar 2026: 0 ratings\""), "{march}");
    assert!(march.contains("class=\"heat-cell level-4\" title=\"2–8 Mar 2026: 9 ratings\""));
    assert!(march.contains("title=\"9–15 Mar 2026: 0 ratings\""));
    // December 2025 starts on a Monday: five weeks, the last cut at the 31st.
    let december = &html[..html.find("</li>").unwrap()];
    assert_eq!(december.matches("heat-cell").count(), 5, "{december}");
    assert!(december.contains("class=\"heat-cell level-2\" title=\"1–7 Dec 2025: 3 ratings\""));
    assert!(december.contains("title=\"29–31 Dec 2025: 0 ratings\""));
    assert!(!html.contains("<i></i>"), "no week to skip: {html}");
    assert!(
        !html.contains("1970") && !html.contains("Nov"),
        "empty months before are left out"
    );

    assert_eq!(
        heatmap_text(&days),
        "Practised on 3 days in the last 12 months, 12 ratings in all. Busiest week: the \
         week of 2 Mar 2026, with 9 ratings."
    );
    assert_eq!(
        heatmap_values(&days),
        vec![
            "Dec 2025: 3 ratings on 1 day".to_string(),
            "Mar 2026: 9 ratings on 2 days".to_string()
        ]
    );
    let figure = heatmap_figure(&days);
    figure_rules(&figure);
    assert!(figure.starts_with("<h3>Practice, week by week</h3><ol "));
    assert!(figure.contains("<figcaption>Practised on 3 days"));
    assert!(figure.contains(
        "<details class=\"chart-values\"><summary>Month by month</summary><ul>\
         <li>Dec 2025: 3 ratings on 1 day</li><li>Mar 2026: 9 ratings on 2 days</li></ul></details>"
    ));

    let none = heatmap(&[], today);
    assert_eq!(heatmap_html(&none), "");
    assert!(heatmap_values(&none).is_empty());
    assert_eq!(
        heatmap_text(&none),
        "No practice in the last 12 months. Each session you do will show here."
    );
    let figure = heatmap_figure(&none);
    figure_rules(&figure);
    assert!(
        !figure.contains("<ol") && !figure.contains("<details"),
        "{figure}"
    );
}

#[test]
fn heatmap_weeks_keep_their_place() {
    // The 12 months start mid-month: the weeks before the first one shown keep their place.
    let today = d(2026, 3, 15);
    let days = heatmap(&ratings(&[(d(2025, 3, 10), 1), (d(2025, 3, 20), 1)]), today);
    assert_eq!(days[0].0, d(2025, 3, 10));
    let html = heatmap_html(&days);
    rules(&html);
    let first = &html[..html.find("</li>").unwrap()];
    // March 2025 starts on a Saturday: weeks 1 and 2 (1-2 and 3-9 Mar) are before the data.
    assert!(
        first.contains("<span class=\"heat-weeks\"><i></i><i></i><span class=\"heat-cell level-4\" title=\"10–16 Mar 2025: 1 rating\">"),
        "{first}"
    );
    assert!(first.contains("<span class=\"chart-n\">2</span>"));
    // Busiest-relative levels: one rating a week is the busiest here.
    assert_eq!(html.matches("level-4").count(), 2);
    // A day given twice adds up; any order works.
    let odd = heatmap_html(&[(d(2026, 1, 2), 1), (d(2026, 1, 1), 2), (d(2026, 1, 2), 3)]);
    rules(&odd);
    assert!(odd.contains("title=\"1–2 Jan 2026: 6 ratings\""), "{odd}");
    // The ends of the calendar.
    rules(&heatmap_html(&[(NaiveDate::MIN, 3), (NaiveDate::MAX, 1)]));
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
    let html = months_html(&months);
    rules(&html);
    // A row a month from the first with an interview; the busiest (3) fills its row.
    assert_eq!(html.matches("<li>").count(), 3, "{html}");
    assert_eq!(html.matches("viewBox=\"0 0 3 1\"").count(), 3);
    assert!(html.starts_with("<ol class=\"chart-rows chart-months\" aria-hidden=\"true\"><li><span class=\"chart-when\">Jan 2026</span>"));
    assert!(html.contains("<span class=\"chart-when\">Feb</span><svg "));
    assert_eq!(html.matches("<rect ").count(), 4);
    assert!(html.contains(
        "<rect class=\"chart-bar offer\" x=\"0\" y=\"0\" width=\"1\" height=\"1\">\
         <title>Jan 2026: 1 offer</title></rect>\
         <rect class=\"chart-bar rejected\" x=\"1\" y=\"0\" width=\"1\" height=\"1\">"
    ));
    assert!(html.contains(
        "<rect class=\"chart-bar pending\" x=\"0\" y=\"0\" width=\"2\" height=\"1\">\
         <title>Mar 2026: 2 waiting to hear</title></rect>\
         <rect class=\"chart-bar other\" x=\"2\" y=\"0\" width=\"1\" height=\"1\">"
    ));
    assert!(html.contains("</svg><span class=\"chart-n\">2</span></li>"));
    assert!(html.contains("</svg><span class=\"chart-n\">0</span></li>"));
    assert!(html.contains("</svg><span class=\"chart-n\">3</span></li></ol>"));
    assert_eq!(months_text(&months), "5 interviews in the last 12 months.");
    assert_eq!(
        months_values(&months),
        vec![
            "Jan 2026: 2 (1 offer, 1 not this time)".to_string(),
            "Mar 2026: 3 (2 waiting to hear, 1 withdrew or no reply)".to_string()
        ]
    );
    let figure = months_figure(&months);
    figure_rules(&figure);
    assert!(figure.starts_with("<h3>Interviews per month, by outcome</h3><ol "));
    assert!(figure.contains("</ol><ul class=\"legend\" aria-hidden=\"true\">"));
    assert!(figure.contains("<figcaption>5 interviews in the last 12 months.</figcaption>"));
    assert!(figure.contains("<li>Jan 2026: 2 (1 offer, 1 not this time)</li>"));

    let empty = interviews_per_month(&[], today);
    assert_eq!(months_html(&empty), "");
    assert!(months_values(&empty).is_empty());
    assert_eq!(
        months_text(&empty),
        "No interviews logged in the last 12 months yet."
    );
    let figure = months_figure(&empty);
    figure_rules(&figure);
    assert!(
        !figure.contains("legend") && !figure.contains("<details"),
        "{figure}"
    );
    assert_eq!(months_html(&[]), "");
    assert_eq!(months_text(&[]), "No months to show yet.");
    figure_rules(&months_figure(&[]));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_counts_stay_well_formed(
        counts in proptest::collection::vec((0u32..5, 0u32..5, 0u32..5, 0u32..5), 12),
        days in proptest::collection::vec((0i64..400, 0u32..40), 0..60),
    ) {
        let mut months = interviews_per_month(&[], d(2026, 1, 1));
        for (m, (a, b, c, e)) in months.iter_mut().zip(counts) {
            (m.offer, m.rejected, m.pending, m.other) = (a, b, c, e);
        }
        let html = months_html(&months);
        prop_assert!(html.is_empty() || well_formed(&html).is_ok(), "{}", html);
        let figure = format!("<figure>{}</figure>", months_figure(&months));
        prop_assert!(well_formed(&figure).is_ok(), "{}", figure);
        let days: Vec<(NaiveDate, u32)> = days
            .into_iter()
            .map(|(k, n)| (d(2025, 1, 1) + chrono::Duration::days(k), n))
            .collect();
        let html = heatmap_html(&days);
        prop_assert!(html.is_empty() || well_formed(&html).is_ok(), "{}", html);
        // Every month's number is the sum of its squares' ratings.
        let total: u64 = days.iter().map(|(_, n)| u64::from(*n)).sum();
        let shown: u64 = html
            .split("<span class=\"chart-n\">")
            .skip(1)
            .filter_map(|s| s.split('<').next()?.parse::<u64>().ok())
            .sum();
        prop_assert_eq!(shown, total);
    }
}
