//! Letters: short, warm messages filled from an interview, ready to edit, and the `mailto:`
//! link that hands one to the user's mail app. Rebound never sends anything itself.

use crate::core::choice::Choice;
use chrono::NaiveDate;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use super::model::{Interview, LetterKind};

/// A drafted letter.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Letter {
    pub subject: String,
    pub body: String,
}

/// What a letter is filled with. Missing parts become gentle placeholders in brackets, so the
/// user sees what to fill in rather than a sentence with a hole in it.
pub struct LetterContext<'a> {
    pub interview: &'a Interview,
    pub your_name: &'a str,
    /// Today's date (follow-ups mention how long it has been).
    pub today: NaiveDate,
    /// When feedback was asked for, if it was.
    pub asked_on: Option<NaiveDate>,
}

fn or_placeholder(text: &str, placeholder: &str) -> String {
    let t = text.trim();
    if t.is_empty() {
        placeholder.to_string()
    } else {
        t.to_string()
    }
}

/// The first interviewer named, for the greeting ("Hello Ana," / "Hello,").
fn greeting(interviewers: &str) -> String {
    let first = interviewers
        .split([',', ';', '\n', '&'])
        .map(str::trim)
        .find(|s| !s.is_empty())
        .map(|s| s.split(" and ").next().unwrap_or(s).trim().to_string());
    match first {
        Some(name) => format!("Hello {name},"),
        None => "Hello,".to_string(),
    }
}

/// "on 3 March" for a date, or "" without one.
fn on_day(date: Option<NaiveDate>) -> String {
    date.map(|d| format!(" on {}", super::display::day_and_month(d)))
        .unwrap_or_default()
}

/// Fill a letter of `kind` from the context.
pub fn fill(kind: LetterKind, cx: &LetterContext) -> Letter {
    let i = cx.interview;
    let role = or_placeholder(&i.role, "[role]");
    let company = or_placeholder(&i.company, "[company]");
    let name = or_placeholder(cx.your_name, "[Your name]");
    let hello = greeting(&i.interviewers);
    let when = on_day(i.date);
    match kind {
        // A kind from a newer version is never offered; it reads as the plain thank-you.
        LetterKind::ThanksAfterInterview | LetterKind::Other(_) => Letter {
            subject: format!("Thank you — {role} interview"),
            body: format!(
                "{hello}\n\nThank you for talking with me{when} about the {role} role at \
                 {company}. I enjoyed hearing about the team and the work, and it left me even \
                 keener on the role.\n\nIf anything I said would be worth more detail, I'd be \
                 glad to follow up.\n\nBest wishes,\n{name}"
            ),
        },
        LetterKind::AskFeedback => Letter {
            subject: format!("Feedback on my {role} interview"),
            body: format!(
                "{hello}\n\nThank you again for the time you and the team gave me{when} for the \
                 {role} role at {company}. I understand you've decided not to go ahead with me, \
                 and I respect that.\n\nIf you could spare a few minutes, I would value any \
                 feedback on where I could have been stronger. Even a line or two would help me \
                 prepare better.\n\nThank you,\n{name}"
            ),
        },
        LetterKind::ThanksAfterRejection => Letter {
            subject: format!("Thank you — {role} at {company}"),
            body: format!(
                "{hello}\n\nThank you for letting me know, and for the care you took over the \
                 process. I'm disappointed, of course, but I enjoyed meeting the team and \
                 learning about the {role} role at {company}.\n\nI'd be glad to be considered for future roles, \
                 and I hope our paths cross again.\n\nWith best wishes,\n{name}"
            ),
        },
        LetterKind::FollowUp => {
            let since = match cx.asked_on.or(i.date) {
                Some(d) if cx.today > d => {
                    let days = (cx.today - d).num_days();
                    if days >= 14 {
                        format!(" It has been {} weeks, so", days / 7)
                    } else {
                        String::from(" So")
                    }
                }
                _ => String::from(" So"),
            };
            Letter {
                subject: format!("Following up — {role} at {company}"),
                body: format!(
                    "{hello}\n\nI hope you're well. I wanted to follow up on the {role} role at \
                     {company}.{since} I thought I'd check in and see whether there is any news, \
                     or any feedback you could share.\n\nThank you for your time, and no \
                     worries if things are busy.\n\nKind regards,\n{name}"
                ),
            }
        }
    }
}

/// Characters left as they are in a `mailto:` component (RFC 3986 unreserved). Everything
/// else, including spaces, `&`, `=`, `?`, `#`, `%`, line breaks and every non-ASCII byte, is
/// percent-encoded as UTF-8.
const MAILTO_KEEP: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encode one component (address, subject or body) of a `mailto:` link.
pub fn encode_component(text: &str) -> String {
    utf8_percent_encode(text, MAILTO_KEEP).to_string()
}

/// The inverse of [`encode_component`] (`None` if the bytes are not UTF-8).
pub fn decode_component(text: &str) -> Option<String> {
    percent_decode_str(text)
        .decode_utf8()
        .ok()
        .map(|c| c.into_owned())
}

/// A `mailto:` link carrying subject and body. `to` may be empty (the user picks in the app).
pub fn mailto(to: &str, letter: &Letter) -> String {
    let to = to
        .split(',')
        .map(|a| encode_component(a.trim()).replace("%40", "@"))
        .filter(|a| !a.is_empty())
        .collect::<Vec<_>>()
        .join(",");
    format!(
        "mailto:{to}?subject={}&body={}",
        encode_component(&letter.subject),
        encode_component(&letter.body)
    )
}

/// The letters that fit where an interview stands, most fitting first.
pub fn suggested(i: &Interview) -> Vec<LetterKind> {
    use super::model::{FeedbackStatus, Outcome};
    let mut out = Vec::new();
    match i.outcome {
        Outcome::Rejected => {
            if i.feedback.status == FeedbackStatus::NotAsked {
                out.push(LetterKind::AskFeedback);
            }
            out.push(LetterKind::ThanksAfterRejection);
        }
        Outcome::Pending | Outcome::Ghosted => {
            out.push(LetterKind::ThanksAfterInterview);
            out.push(LetterKind::FollowUp);
        }
        _ => out.push(LetterKind::ThanksAfterInterview),
    }
    if i.feedback.status == FeedbackStatus::Asked && !out.contains(&LetterKind::FollowUp) {
        out.insert(0, LetterKind::FollowUp);
    }
    for k in LetterKind::ALL {
        if !out.contains(k) {
            out.push(k.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{FeedbackStatus, Outcome};
    use crate::core::test_days::day;
    use proptest::prelude::*;

    fn interview() -> Interview {
        Interview {
            company: "Zoë & Sons \"Ltd\"".into(),
            role: "Data engineer".into(),
            interviewers: "Łukasz Nowak, 田中さん".into(),
            date: Some(day("2026-03-03")),
            ..Interview::default()
        }
    }

    fn cx<'a>(i: &'a Interview, name: &'a str) -> LetterContext<'a> {
        LetterContext {
            interview: i,
            your_name: name,
            today: day("2026-03-20"),
            asked_on: None,
        }
    }

    #[test]
    fn letters_are_filled_from_the_interview() {
        let i = interview();
        for kind in LetterKind::ALL {
            let l = fill(kind.clone(), &cx(&i, "Sam 🙂"));
            assert!(l.body.starts_with("Hello Łukasz Nowak,"), "{kind:?}");
            assert!(l.body.contains("Data engineer"), "{kind:?}");
            assert!(l.body.ends_with("Sam 🙂"), "{kind:?}");
            assert!(!l.body.contains('['), "no placeholder left: {kind:?}");
            assert!(l.subject.chars().count() < 80);
        }
        let thanks = fill(LetterKind::ThanksAfterInterview, &cx(&i, "Sam"));
        assert!(thanks.body.contains("on 3 March"));
        assert!(thanks.body.contains("Zoë & Sons \"Ltd\""));
    }

    #[test]
    fn missing_parts_become_placeholders() {
        let i = Interview::default();
        let l = fill(LetterKind::AskFeedback, &cx(&i, " "));
        assert!(l.body.starts_with("Hello,\n"));
        assert!(l.body.contains("[role]") && l.body.contains("[company]"));
        assert!(l.body.ends_with("[Your name]"));
    }

    #[test]
    fn follow_up_says_how_long_it_has_been() {
        let i = interview();
        let mut c = cx(&i, "Sam");
        c.asked_on = Some(day("2026-02-27"));
        let l = fill(LetterKind::FollowUp, &c);
        assert!(l.body.contains("It has been 3 weeks"), "{}", l.body);
        c.asked_on = Some(day("2026-03-15"));
        assert!(!fill(LetterKind::FollowUp, &c).body.contains("weeks"));
    }

    #[test]
    fn mailto_encodes_everything_that_matters() {
        let l = Letter {
            subject: "Q&A = 100% #1?".into(),
            body: "Line one\nLine two\r\n\"quoted\" & 🙂 Zoë".into(),
        };
        let link = mailto("ana@example.com", &l);
        assert_eq!(
            link,
            "mailto:ana@example.com?subject=Q%26A%20%3D%20100%25%20%231%3F&body=Line%20one%0ALine%20two%0D%0A%22quoted%22%20%26%20%F0%9F%99%82%20Zo%C3%AB"
        );
        let (_, query) = link.split_once('?').unwrap();
        let parts: Vec<&str> = query.split('&').collect();
        assert_eq!(parts.len(), 2, "no raw & inside a component");
        assert_eq!(
            decode_component(parts[1].trim_start_matches("body=")).unwrap(),
            l.body
        );
        assert!(mailto("", &l).starts_with("mailto:?subject="));
    }

    #[test]
    fn suggestions_fit_the_outcome() {
        let mut i = interview();
        i.outcome = Outcome::Rejected;
        assert_eq!(suggested(&i)[0], LetterKind::AskFeedback);
        i.feedback.status = FeedbackStatus::Asked;
        assert_eq!(suggested(&i)[0], LetterKind::FollowUp);
        i.outcome = Outcome::Pending;
        i.feedback.status = FeedbackStatus::NotAsked;
        assert_eq!(suggested(&i)[0], LetterKind::ThanksAfterInterview);
        assert_eq!(suggested(&i).len(), LetterKind::ALL.len());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn decode_of_encode_is_identity(x in any::<String>()) {
            let encoded = encode_component(&x);
            prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
            prop_assert_eq!(decode_component(&encoded), Some(x));
        }

        #[test]
        fn a_mailto_link_carries_subject_and_body_exactly(
            subject in any::<String>(), body in any::<String>()
        ) {
            let link = mailto("", &Letter { subject: subject.clone(), body: body.clone() });
            let query = link.strip_prefix("mailto:?").unwrap();
            let mut parts = query.split('&');
            let s = parts.next().unwrap().strip_prefix("subject=").unwrap();
            let b = parts.next().unwrap().strip_prefix("body=").unwrap();
            prop_assert!(parts.next().is_none());
            prop_assert_eq!(decode_component(s), Some(subject));
            prop_assert_eq!(decode_component(b), Some(body));
        }

        #[test]
        fn filling_never_panics(company in any::<String>(), role in any::<String>(),
                                who in any::<String>(), name in any::<String>()) {
            let i = Interview { company, role, interviewers: who, ..Interview::default() };
            for kind in LetterKind::ALL.iter().cloned() {
                let l = fill(kind, &cx(&i, &name));
                prop_assert!(!l.body.is_empty());
            }
        }
    }
}
