//! Kind, true words for hard moments, and the next step to take. Our own words, plus short
//! quotes used with their authors.

use super::model::{Interview, Reflection};

/// The moment a quote is read at. A quote is only said at a moment it was chosen for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Moment {
    /// Right after a rejection, before any reason says it was in the person's hands: nothing
    /// about mistakes.
    AfterRejection,
    /// After a rejection the person sees as mostly in their hands: learning from it.
    Fixable,
    /// An ordinary day, nothing recent to answer: keep moving.
    QuietWeek,
    /// Before a practice session, above the first card: short, so the card stays in reach.
    BeforePractice,
    /// Right after an offer. No quote was chosen for it: every one we may use speaks of failing
    /// or of mistakes, which is not what an offer is about. Our own words say it.
    AfterOffer,
}

/// A short quote with its author, and the moments it fits.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Quote {
    pub text: &'static str,
    pub author: &'static str,
    pub moments: &'static [Moment],
}

/// The quotes, each tagged with the moments it fits. Left out on purpose: Confucius' "…and thus
/// make them crimes" (it can read as blame), and Tomlin's line about complaining (it mocked the
/// feelings box it stood beside). None is ever said after "outside your control".
pub const QUOTES: [Quote; 5] = [
    Quote {
        text: "Failure doesn't mean you are a failure; it just means you haven't succeeded yet.",
        author: "Robert H. Schuller",
        moments: &[Moment::AfterRejection, Moment::QuietWeek],
    },
    Quote {
        text: "Mistakes are a part of being human. Appreciate your mistakes for what they are: precious life lessons that can only be learned the hard way.",
        author: "Al Franken",
        moments: &[Moment::Fixable],
    },
    Quote {
        text: "A life spent making mistakes is not only more honorable, but more useful than a life spent doing nothing.",
        author: "George Bernard Shaw",
        moments: &[Moment::Fixable, Moment::QuietWeek],
    },
    Quote {
        text: "Continually strive to improve yourself.",
        author: "Anthony J. D'Angelo",
        moments: &[Moment::QuietWeek, Moment::BeforePractice],
    },
    Quote {
        text: "The successful man will profit from his mistakes and try again in a different way.",
        author: "Dale Carnegie",
        moments: &[Moment::Fixable],
    },
];

/// A quote for `moment`, the same one for the same `seed`.
pub fn quote_for(moment: Moment, seed: &str) -> Option<Quote> {
    let fitting: Vec<Quote> = QUOTES
        .into_iter()
        .filter(|q| q.moments.contains(&moment))
        .collect();
    (!fitting.is_empty()).then(|| pick(&fitting, seed))
}

/// A kind word for Today, fitted to the moment.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct KindWord {
    /// Our own words, first.
    pub message: &'static str,
    pub quote: Option<Quote>,
    /// True when it answers a recent rejection.
    pub after_rejection: bool,
    /// True when it answers a recent offer.
    pub after_offer: bool,
}

/// Our own words after a rejection: it is not personal.
const NOT_PERSONAL: [&str; 3] = [
    "A no is about one role, one day, one set of people. It is not a verdict on you.",
    "Most rejections come down to things no candidate can see: an internal hire, a budget, timing. It is not personal.",
    "You showed up and tried, and that is the part that was yours. The rest was never fully in your hands.",
];

/// Our own words on other days: keep moving.
const KEEP_MOVING: [&str; 3] = [
    "Small steps count. One application, one practised answer, one honest note: that is progress.",
    "Every interview makes the next one easier, whatever its outcome.",
    "You don't need to feel ready to take the next step. You only need to take it.",
];

/// Our own words after an offer: it was earned, and the choice is still the person's.
const WELL_EARNED: [&str; 3] = [
    "An offer: well earned. Take a moment to enjoy it before you weigh it up.",
    "Someone saw what you can do and said yes. Enjoy that; the decision can wait a day.",
    "An offer is yours to weigh, on your terms. Whatever you choose, this one was earned.",
];

/// Days after a rejection or an offer during which Today speaks to it.
pub const REJECTION_DAYS: i64 = 14;

/// The word for today. When a rejection or an offer was logged in the last [`REJECTION_DAYS`]
/// days (by when the interview was last changed), it answers the latest of them: not taking a
/// no personally, or enjoying an offer (our words only: see [`Moment::AfterOffer`]); otherwise
/// it is about keeping moving. The choice is stable through a day and changes from day to day.
pub fn for_today(interviews: &[Interview], today: chrono::NaiveDate) -> KindWord {
    use super::model::Outcome;
    let latest = |outcome: Outcome| {
        interviews
            .iter()
            .filter(|i| i.outcome == outcome)
            .filter(|i| {
                chrono::DateTime::from_timestamp_millis(i.updated)
                    .is_some_and(|d| (today - d.date_naive()).num_days() <= REJECTION_DAYS)
            })
            .map(|i| i.updated)
            .max()
    };
    let (rejection, offer) = (latest(Outcome::Rejected), latest(Outcome::Offer));
    let after_offer = offer.is_some() && offer >= rejection;
    let after_rejection = rejection.is_some() && !after_offer;
    let seed = super::display::iso_date(today);
    let (words, moment): (&[&'static str], Moment) = if after_offer {
        (&WELL_EARNED, Moment::AfterOffer)
    } else if after_rejection {
        (&NOT_PERSONAL, Moment::AfterRejection)
    } else {
        (&KEEP_MOVING, Moment::QuietWeek)
    };
    KindWord {
        message: pick(words, &seed),
        quote: quote_for(moment, &seed),
        after_rejection,
        after_offer,
    }
}

/// The line above the feedback part: about learning from a no only once there was one.
pub fn feedback_intro(outcome: &super::model::Outcome) -> &'static str {
    match outcome {
        super::model::Outcome::Rejected => {
            "Feedback is the fastest way to learn from a no, and a short, warm note often gets a \
             kind answer."
        }
        _ => {
            "Asking what to work on is how the next one goes better, and a short, warm note often \
             gets a kind answer."
        }
    }
}

/// A step the user can take next, and where in the app it is.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct NextStep {
    pub label: String,
    /// An in-app link (path, optionally with a `#fragment`).
    pub href: String,
}

/// What the app says after a rejection is logged.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Encouragement {
    pub message: String,
    /// A quote only where one fits: none after "outside your control".
    pub quote: Option<Quote>,
    pub steps: Vec<NextStep>,
    /// Advice that is not (yet) a screen of its own.
    pub tip: Option<String>,
}

/// A stable pick from a list: the same interview always gets the same quote.
fn pick<T: Copy>(items: &[T], seed: &str) -> T {
    let hash = seed.bytes().fold(2166136261u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(16777619)
    });
    items[(hash as usize) % items.len()]
}

/// Words for a rejection: shaped by how much of it was in the user's hands, and pointing to
/// the next step.
pub fn after_rejection(interview: &Interview, reflection: Option<&Reflection>) -> Encouragement {
    let reasons = &interview.rejection_reasons;
    let outside = reasons.iter().filter(|r| !r.in_my_control).count();
    let inside = reasons.len() - outside;
    let company = interview.company.trim();
    let where_ = if company.is_empty() {
        "this one".to_string()
    } else {
        company.to_string()
    };
    let s = if inside == 1 { "" } else { "s" };
    let are = if inside == 1 { "is" } else { "are" };
    let (message, moment) = if reasons.is_empty() {
        (
            format!(
                "Not getting {where_} stings, and that's allowed. It is one decision about one role on \
                 one day, not a verdict on you. You were picked to interview out of many; that part was real."
            ),
            Some(Moment::AfterRejection),
        )
    } else if inside == 0 {
        (
            "Everything you listed was outside your hands. Decisions like these are made about \
             circumstances, not about you, so there is nothing here to take personally."
                .to_string(),
            None,
        )
    } else if outside > inside {
        (
            format!(
                "Most of this was outside your control. The {inside} thing{s} you can work on {are} \
                 yours to improve, and that's good news: it can be fixed before the next one."
            ),
            None,
        )
    } else if outside == inside {
        (
            format!(
                "About half of this was outside your control. The {inside} thing{s} you can work on \
                 {are} yours to improve, and that's good news: it can be fixed before the next one."
            ),
            None,
        )
    } else {
        (
            "Some of this was in your hands, which means it's fixable. Noticing it now is exactly \
             how the next interview goes better. Be as kind to yourself as you'd be to a friend."
                .to_string(),
            Some(Moment::Fixable),
        )
    };

    let mut steps = Vec::new();
    if !reflection.is_some_and(Reflection::is_started) {
        steps.push(NextStep {
            label: "Reflect while it's fresh".to_string(),
            href: format!("/interviews/{}#reflect", interview.id),
        });
    }
    steps.push(NextStep {
        label: "Line up the next one".to_string(),
        href: "/interviews/new".to_string(),
    });
    Encouragement {
        message,
        quote: moment.and_then(|m| quote_for(m, &interview.id)),
        steps,
        tip: Some(
            "Ask them for feedback: a short, polite note thanking them for their time and asking \
             what would have made you a stronger candidate. It also keeps the door open."
                .to_string(),
        ),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn today_speaks_to_a_recent_rejection_then_moves_on() {
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let at = |s: &str| {
            day(s)
                .and_hms_opt(12, 0, 0)
                .unwrap()
                .and_utc()
                .timestamp_millis()
        };
        let mut i = Interview {
            outcome: crate::core::model::Outcome::Rejected,
            updated: at("2026-03-01"),
            ..Interview::default()
        };
        let w = for_today(std::slice::from_ref(&i), day("2026-03-05"));
        assert!(w.after_rejection);
        assert!(NOT_PERSONAL.contains(&w.message));
        assert!(!for_today(std::slice::from_ref(&i), day("2026-03-20")).after_rejection);
        // An offer has words of its own (see the next test); other outcomes keep moving.
        i.outcome = crate::core::model::Outcome::Withdrawn;
        let w = for_today(&[i], day("2026-03-05"));
        assert!(KEEP_MOVING.contains(&w.message));
        assert_eq!(
            w,
            for_today(&[], day("2026-03-05")),
            "stable through the day"
        );
    }

    use super::*;
    use crate::core::model::RejectionReason;

    fn reason(text: &str, mine: bool) -> RejectionReason {
        RejectionReason {
            extra: Default::default(),
            text: text.into(),
            in_my_control: mine,
        }
    }

    #[test]
    fn message_depends_on_control() {
        let mut i = Interview {
            id: "x".into(),
            company: "Acme".into(),
            ..Interview::default()
        };
        assert!(after_rejection(&i, None).message.contains("Acme"));
        i.rejection_reasons = vec![reason("internal", false)];
        assert!(after_rejection(&i, None)
            .message
            .contains("nothing here to take personally"));
        assert_eq!(
            after_rejection(&i, None).quote,
            None,
            "no quote after 'outside'"
        );
        // (outside, inside) -> how the message starts; never a quote after "outside".
        for (outside, inside, starts) in [
            (
                1,
                1,
                "About half of this was outside your control. The 1 thing you can work on is",
            ),
            (
                2,
                1,
                "Most of this was outside your control. The 1 thing you can work on is",
            ),
            (
                2,
                2,
                "About half of this was outside your control. The 2 things you can work on are",
            ),
        ] {
            i.rejection_reasons = (0..outside)
                .map(|n| reason(&format!("out {n}"), false))
                .chain((0..inside).map(|n| reason(&format!("in {n}"), true)))
                .collect();
            let e = after_rejection(&i, None);
            assert!(
                e.message.starts_with(starts),
                "{outside}/{inside}: {}",
                e.message
            );
            assert_eq!(e.quote, None);
        }
        i.rejection_reasons = vec![reason("rambled", true)];
        let e = after_rejection(&i, None);
        assert!(e.message.contains("fixable"));
        assert!(e
            .quote
            .is_some_and(|q| q.moments.contains(&Moment::Fixable)));
    }

    #[test]
    fn next_steps_point_to_reflection_until_started() {
        let i = Interview {
            id: "abc".into(),
            ..Interview::default()
        };
        let e = after_rejection(&i, None);
        assert_eq!(e.steps[0].href, "/interviews/abc#reflect");
        let r = Reflection {
            id: "abc".into(),
            went_well: "rapport".into(),
            ..Reflection::default()
        };
        let e = after_rejection(&i, Some(&r));
        assert_eq!(e.steps[0].href, "/interviews/new");
        assert!(e.tip.is_some());
    }

    #[test]
    fn feedback_speaks_of_a_no_only_after_one() {
        use crate::core::model::Outcome;
        assert!(feedback_intro(&Outcome::Rejected).contains("learn from a no"));
        for o in [
            Outcome::Pending,
            Outcome::Offer,
            Outcome::Withdrawn,
            Outcome::Ghosted,
        ] {
            assert!(!feedback_intro(&o).contains(" no."), "{o:?}");
        }
    }

    #[test]
    fn quote_is_stable_per_interview() {
        let i = Interview {
            id: "stable".into(),
            ..Interview::default()
        };
        assert_eq!(
            after_rejection(&i, None).quote,
            after_rejection(&i, None).quote
        );
        assert!(QUOTES
            .iter()
            .all(|q| !q.author.is_empty() && !q.text.is_empty() && !q.moments.is_empty()));
        let q = after_rejection(&i, None).quote;
        assert!(q.is_some_and(|q| q.moments.contains(&Moment::AfterRejection)));
    }

    #[test]
    fn quotes_fit_their_moment_and_none_reads_as_blame() {
        for q in QUOTES {
            assert!(
                !q.text.contains("crime") && !q.text.contains("complain"),
                "{}",
                q.text
            );
            if q.moments.contains(&Moment::AfterRejection) {
                assert!(!q.text.to_lowercase().contains("mistake"), "{}", q.text);
            }
        }
        for seed in ["a", "b", "c", "2026-03-05"] {
            for m in [
                Moment::AfterRejection,
                Moment::Fixable,
                Moment::QuietWeek,
                Moment::BeforePractice,
            ] {
                let q = quote_for(m, seed);
                assert!(q.is_some_and(|q| q.moments.contains(&m)));
            }
            assert_eq!(quote_for(Moment::AfterOffer, seed), None);
        }
        for q in QUOTES
            .iter()
            .filter(|q| q.moments.contains(&Moment::BeforePractice))
        {
            assert!(
                !q.text.contains("failure") && !q.text.contains("profit"),
                "{}",
                q.text
            );
        }
    }

    #[test]
    fn today_answers_the_latest_of_a_recent_offer_and_a_recent_rejection() {
        use crate::core::model::Outcome;
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap_or_default();
        let at = |y, m, d| {
            chrono::NaiveDate::from_ymd_opt(y, m, d)
                .and_then(|d| d.and_hms_opt(12, 0, 0))
                .map(|t| t.and_utc().timestamp_millis())
                .unwrap_or_default()
        };
        let interview = |outcome, updated| Interview {
            outcome,
            updated,
            ..Interview::default()
        };
        let offer = interview(Outcome::Offer, at(2026, 3, 18));
        let no = interview(Outcome::Rejected, at(2026, 3, 10));
        let w = for_today(&[no.clone(), offer.clone()], today);
        assert!(w.after_offer && !w.after_rejection);
        assert!(WELL_EARNED.contains(&w.message));
        assert_eq!(w.quote, None);

        let later_no = interview(Outcome::Rejected, at(2026, 3, 19));
        let w = for_today(&[offer.clone(), later_no], today);
        assert!(w.after_rejection && !w.after_offer);
        assert!(NOT_PERSONAL.contains(&w.message));

        let old_offer = interview(Outcome::Offer, at(2026, 1, 2));
        let w = for_today(&[old_offer], today);
        assert!(!w.after_offer && KEEP_MOVING.contains(&w.message));
    }
}
