//! Tests of the charts: a small well-formedness checker for the SVG, the rules every chart
//! keeps (no inline styles, a viewBox and no fixed size), escaping, each chart, and any input
//! staying well formed.

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
    rules(&heatmap_svg(&[(NaiveDate::MIN, 3), (NaiveDate::MAX, 1)]));
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn any_label_stays_well_formed(label in any::<String>()) {
        let mut months = interviews_per_month(&[], d(2026, 1, 1));
        months[3].label = label.clone();
        months[3].pending = 2;
        let svg = months_svg(&months);
        prop_assert!(well_formed(&svg).is_ok(), "{}", svg);
    }
}
