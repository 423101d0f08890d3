//! The interview page in parts, each for a different moment: before it, how it went (the
//! outcome and the reasons), the reflection, feedback and letters, and lessons. One part shows
//! at a time; which one opens first follows the interview's state, and a link to an anchor
//! inside a part (`#reflect`, `#letters`, …) opens that part.

use chrono::{NaiveDate, NaiveDateTime};

use super::model::{FeedbackStatus, Interview, Outcome, Reflection};

/// One part of an interview's page.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Part {
    /// Preparing: only while the interview is upcoming.
    Before,
    /// Where it stands, the reasons after a no, and the details.
    Outcome,
    /// "How did it go?" and what it changed in the search.
    Reflection,
    /// Asking for feedback, and the letters.
    Feedback,
    /// Lessons into plan items and questions, and the questions it raised.
    Lessons,
}

impl Part {
    /// Every part, in page order.
    pub const ALL: [Part; 5] = [
        Part::Before,
        Part::Outcome,
        Part::Reflection,
        Part::Feedback,
        Part::Lessons,
    ];

    /// Its name in ids and data attributes.
    pub fn key(self) -> &'static str {
        match self {
            Part::Before => "before",
            Part::Outcome => "outcome",
            Part::Reflection => "reflection",
            Part::Feedback => "feedback",
            Part::Lessons => "lessons",
        }
    }

    /// The words on its tab: short, to fit five on a 320 px phone.
    pub fn label(self) -> &'static str {
        match self {
            Part::Before => "Prep",
            Part::Outcome => "Outcome",
            Part::Reflection => "Reflect",
            Part::Feedback => "Feedback",
            Part::Lessons => "Lessons",
        }
    }
}

/// The parts this interview's page has: "Before" only while it is upcoming.
pub fn parts(interview: &Interview, today: NaiveDate) -> Vec<Part> {
    Part::ALL
        .into_iter()
        .filter(|p| *p != Part::Before || interview.is_upcoming(today))
        .collect()
}

/// Whether it is still ahead at `now`: a later day, or today at a start time not yet come.
/// Today with no time set reads as just happened: most people log an interview after it.
fn still_ahead(interview: &Interview, now: NaiveDateTime) -> bool {
    let today = now.date();
    interview.outcome.is_active()
        && match (interview.date, interview.time) {
            (Some(d), _) if d > today => true,
            (Some(d), Some(t)) if d == today => d.and_time(t) > now,
            _ => false,
        }
}

/// The part that fits the interview's state at `now`, opened first:
/// - the user came to say they heard back: the outcome;
/// - still ahead: preparing for it;
/// - a no with no reasons given yet: the outcome, where the reasons and a kind word are;
/// - not reflected on yet: the reflection;
/// - feedback not asked for yet: feedback and letters;
/// - otherwise: the lessons.
pub fn default_part(
    interview: &Interview,
    reflection: Option<&Reflection>,
    now: NaiveDateTime,
    heard_back: bool,
) -> Part {
    if heard_back {
        Part::Outcome
    } else if still_ahead(interview, now) {
        Part::Before
    } else if interview.outcome == Outcome::Rejected && interview.rejection_reasons.is_empty() {
        Part::Outcome
    } else if !reflection.is_some_and(Reflection::is_started) {
        Part::Reflection
    } else if interview.feedback.status == FeedbackStatus::NotAsked {
        Part::Feedback
    } else {
        Part::Lessons
    }
}

/// The part holding the element with id `anchor` (a URL fragment, with or without its `#`).
pub fn part_of_anchor(anchor: &str) -> Option<Part> {
    let id = anchor.trim_start_matches('#');
    let part = match id {
        "before" | "prepare" => Part::Before,
        "outcome" | "rejection" | "details" | "d-outcome" => Part::Outcome,
        "reflect" | "reflection" | "search-prompt" => Part::Reflection,
        "feedback" | "letters" | "letter-body" => Part::Feedback,
        "lessons" | "interview-questions" => Part::Lessons,
        _ => return None,
    };
    Some(part)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::RejectionReason;
    use crate::core::test_days::day;

    fn interview(date: Option<&str>, outcome: Outcome) -> Interview {
        Interview {
            id: "i".into(),
            date: date.map(day),
            outcome,
            ..Interview::default()
        }
    }

    #[test]
    fn the_part_that_fits_opens_first() {
        let today = day("2026-05-10").and_hms_opt(12, 0, 0).unwrap_or_default();
        let reflected = Reflection {
            id: "i".into(),
            went_well: "rapport".into(),
            ..Reflection::default()
        };
        let upcoming = interview(Some("2026-05-12"), Outcome::Pending);
        assert_eq!(default_part(&upcoming, None, today, false), Part::Before);
        assert_eq!(default_part(&upcoming, None, today, true), Part::Outcome);

        let mut no = interview(Some("2026-05-01"), Outcome::Rejected);
        assert_eq!(default_part(&no, None, today, false), Part::Outcome);
        no.rejection_reasons.push(RejectionReason {
            text: "internal".into(),
            ..RejectionReason::default()
        });
        assert_eq!(default_part(&no, None, today, false), Part::Reflection);
        assert_eq!(
            default_part(&no, Some(&reflected), today, false),
            Part::Feedback
        );
        no.feedback.status = FeedbackStatus::Asked;
        assert_eq!(
            default_part(&no, Some(&reflected), today, false),
            Part::Lessons
        );

        let past = interview(Some("2026-05-09"), Outcome::Pending);
        assert_eq!(default_part(&past, None, today, false), Part::Reflection);
        let undated = interview(None, Outcome::Pending);
        assert_eq!(default_part(&undated, None, today, false), Part::Reflection);
        // Today: logged after it (no time, or a time gone by) is for reflecting; later today
        // is for preparing.
        let mut same_day = interview(Some("2026-05-10"), Outcome::Pending);
        assert_eq!(
            default_part(&same_day, None, today, false),
            Part::Reflection
        );
        same_day.time = chrono::NaiveTime::from_hms_opt(9, 30, 0);
        assert_eq!(
            default_part(&same_day, None, today, false),
            Part::Reflection
        );
        same_day.time = chrono::NaiveTime::from_hms_opt(15, 0, 0);
        assert_eq!(default_part(&same_day, None, today, false), Part::Before);
    }

    #[test]
    fn before_is_a_part_only_while_upcoming() {
        let today = day("2026-05-10");
        let upcoming = interview(Some("2026-05-10"), Outcome::Pending);
        assert_eq!(parts(&upcoming, today), Part::ALL.to_vec());
        let past = interview(Some("2026-05-09"), Outcome::Pending);
        assert_eq!(parts(&past, today).len(), 4);
        assert!(!parts(&past, today).contains(&Part::Before));
    }

    #[test]
    fn anchors_open_their_part() {
        assert_eq!(part_of_anchor("#reflect"), Some(Part::Reflection));
        assert_eq!(part_of_anchor("letters"), Some(Part::Feedback));
        assert_eq!(part_of_anchor("#rejection"), Some(Part::Outcome));
        assert_eq!(part_of_anchor("#lessons"), Some(Part::Lessons));
        assert_eq!(part_of_anchor("#before"), Some(Part::Before));
        assert_eq!(part_of_anchor(""), None);
        assert_eq!(part_of_anchor("#plan-3"), None);
        for p in Part::ALL {
            assert!(part_of_anchor(p.key()).is_some(), "{p:?}");
        }
    }
}
