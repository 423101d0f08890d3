//! The pipeline: what is active right now, what is waiting for a reflection, and how the
//! interview list is grouped. Pure functions over the model.

use chrono::{NaiveDate, NaiveDateTime};

use super::model::{Interview, Reflection, Stage};

/// How many opportunities are in motion, and whether that is few enough to say so.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct PipelineHealth {
    pub active: usize,
    pub threshold: u32,
}

impl PipelineHealth {
    pub fn new(interviews: &[Interview], threshold: u32) -> Self {
        PipelineHealth {
            active: interviews.iter().filter(|i| i.outcome.is_active()).count(),
            threshold,
        }
    }

    pub fn is_low(&self) -> bool {
        (self.active as u64) < u64::from(self.threshold)
    }

    /// "3 active opportunities" in words.
    pub fn summary(&self) -> String {
        match self.active {
            0 => "No active opportunities right now".to_string(),
            1 => "1 active opportunity".to_string(),
            n => format!("{n} active opportunities"),
        }
    }

    /// A gentle suggestion when the pipeline is thin; `None` when it is healthy.
    pub fn nudge(&self) -> Option<String> {
        if !self.is_low() {
            return None;
        }
        Some(match self.active {
            0 => "A fresh start. Lining up two or three applications this week gets things \
                  moving again, and no single one has to carry all the hope."
                .to_string(),
            1 => "All your eggs are in one basket right now. Lining up a couple more takes the \
                  pressure off this one, whatever it brings."
                .to_string(),
            n => format!(
                "{n} in motion. A few more would spread the pressure, so no single answer \
                 decides your week."
            ),
        })
    }
}

/// The date an interview sorts by: its interview date, else the day it was logged.
fn sort_day(i: &Interview) -> NaiveDate {
    i.date.unwrap_or_else(|| {
        chrono::DateTime::from_timestamp_millis(i.created)
            .map(|d| d.date_naive())
            .unwrap_or_default()
    })
}

/// Newest first: by date, then by when it was logged.
pub fn newest_first(interviews: &mut [&Interview]) {
    crate::core::order::sort_by(interviews, |a, b| {
        sort_day(b)
            .cmp(&sort_day(a))
            .then(b.created.cmp(&a.created))
            .then(a.id.cmp(&b.id))
    });
}

/// Interviews in two groups, each newest first: the active ones (still waiting to hear), then
/// the closed ones (an offer, a no, withdrawn, no reply, or an outcome from a newer version).
/// Empty groups are left out.
pub fn active_then_closed(interviews: &[Interview]) -> Vec<(&'static str, Vec<&Interview>)> {
    let (mut active, mut closed): (Vec<&Interview>, Vec<&Interview>) =
        interviews.iter().partition(|i| i.outcome.is_active());
    newest_first(&mut active);
    newest_first(&mut closed);
    [("Active", active), ("Closed", closed)]
        .into_iter()
        .filter(|(_, items)| !items.is_empty())
        .collect()
}

/// How far opportunities got, for the funnel: how many reached at least applied, screening,
/// an interview, a final round, and an offer. A stage from a newer version counts as an
/// interview. The counts never grow down the funnel.
pub fn funnel(interviews: &[Interview]) -> [(&'static str, usize); 5] {
    fn rank(stage: &Stage) -> usize {
        match stage {
            Stage::Applied => 0,
            Stage::Screening => 1,
            Stage::FinalRound => 3,
            _ => 2,
        }
    }
    let mut reached = [0usize; 5];
    for i in interviews {
        let furthest = i
            .stage_path()
            .iter()
            .map(|(s, _)| rank(s))
            .max()
            .unwrap_or(0);
        for n in reached.iter_mut().take(furthest + 1) {
            *n += 1;
        }
        if i.outcome == super::model::Outcome::Offer {
            reached[4] += 1;
        }
    }
    [
        ("Applied", reached[0]),
        ("Screening", reached[1]),
        ("Interview", reached[2]),
        ("Final round", reached[3]),
        ("Offer", reached[4]),
    ]
}

/// The funnel in one sentence, its caption: "Of 12 opportunities, 7 reached screening, 5 an
/// interview and 2 a final round; 1 became an offer."
pub fn funnel_text(funnel: &[(&'static str, usize); 5]) -> String {
    let [(_, all), (_, screening), (_, interview), (_, final_round), (_, offers)] = *funnel;
    if all == 0 {
        return "No opportunities logged yet.".to_string();
    }
    let offers = match offers {
        0 => "no offer yet".to_string(),
        1 => "1 became an offer".to_string(),
        n => format!("{n} became offers"),
    };
    format!(
        "Of {all} {}, {screening} reached screening, {interview} an interview and {final_round} a \
         final round; {offers}.",
        if all == 1 {
            "opportunity"
        } else {
            "opportunities"
        }
    )
}

/// An interview's path through the stages, with its days and where it ended:
/// "Applied 1 Mar → Screening 5 Mar → Final round 12 Mar → Not this time".
pub fn path_line(interview: &Interview) -> String {
    use crate::core::choice::Choice;
    let mut steps: Vec<String> = interview
        .stage_path()
        .into_iter()
        .map(|(stage, on)| {
            use chrono::Datelike;
            format!(
                "{} {} {}",
                stage.label(),
                on.day(),
                super::display::month_abbr(on.month())
            )
        })
        .collect();
    if !interview.outcome.is_active() {
        steps.push(interview.outcome.label().to_string());
    }
    steps.join(" → ")
}

/// Opportunities still waiting to hear with no word for at least `days` days (since their
/// interview date, or since they were last changed, whichever is later), the longest silent
/// first, each with its days of silence. Upcoming ones are never silent.
pub fn silent(interviews: &[Interview], today: NaiveDate, days: u32) -> Vec<(&Interview, i64)> {
    let mut out: Vec<(&Interview, i64)> = interviews
        .iter()
        .filter(|i| i.outcome.is_active() && !i.is_upcoming(today))
        .filter_map(|i| {
            let touched = chrono::DateTime::from_timestamp_millis(i.updated)
                .map(|d| d.date_naive())
                .unwrap_or_default();
            let last = i.date.map_or(touched, |d| d.max(touched));
            let quiet = (today - last).num_days();
            (quiet >= i64::from(days)).then_some((i, quiet))
        })
        .collect();
    crate::core::order::sort_by_key(&mut out, |(_, d)| std::cmp::Reverse(*d));
    out
}

/// "25 days without a reply".
pub fn silent_line(days: i64) -> String {
    format!("{days} days without a reply")
}

/// Conversations that have happened (dated today or earlier) with no reflection written yet,
/// newest first, at most `limit`. One still waiting to hear and dated today that has not begun
/// by `now` is coming up ([`crate::core::model::coming_up`]), not waiting for a reflection.
pub fn awaiting_reflection<'a>(
    interviews: &'a [Interview],
    reflections: &[Reflection],
    now: NaiveDateTime,
    limit: usize,
) -> Vec<&'a Interview> {
    let today = now.date();
    let mut items: Vec<&Interview> = interviews
        .iter()
        .filter(|i| i.stage.is_conversation())
        .filter(|i| i.date.is_some_and(|d| d <= today))
        .filter(|i| !i.is_upcoming(today) || i.has_started(now))
        .filter(|i| !reflections.iter().any(|r| r.id == i.id && r.is_started()))
        .collect();
    newest_first(&mut items);
    items.truncate(limit);
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Outcome;
    use crate::core::test_days::day;

    fn interview(id: &str, stage: Stage, outcome: Outcome, date: Option<&str>) -> Interview {
        Interview {
            id: id.into(),
            company: id.to_uppercase(),
            stage,
            outcome,
            date: date.map(day),
            ..Interview::default()
        }
    }

    #[test]
    fn counts_only_pending_as_active_and_nudges_below_threshold() {
        let list = vec![
            interview("a", Stage::Interview, Outcome::Pending, None),
            interview("b", Stage::Applied, Outcome::Pending, None),
            interview("c", Stage::FinalRound, Outcome::Rejected, None),
            interview("d", Stage::Screening, Outcome::Ghosted, None),
        ];
        let h = PipelineHealth::new(&list, 3);
        assert_eq!(h.active, 2);
        assert!(h.is_low());
        assert!(h.nudge().unwrap().starts_with("2 in motion"));
        assert_eq!(h.summary(), "2 active opportunities");
        let h = PipelineHealth::new(&list, 2);
        assert!(!h.is_low());
        assert_eq!(h.nudge(), None);
        assert!(PipelineHealth::new(&[], 3)
            .nudge()
            .unwrap()
            .contains("fresh start"));
    }

    #[test]
    fn nudges_never_scold() {
        for active in 0..5 {
            let h = PipelineHealth {
                active,
                threshold: 5,
            };
            let text = h.nudge().unwrap().to_lowercase();
            for word in ["should", "must", "failed", "lazy", "only "] {
                assert!(!text.contains(word), "{text:?} contains {word:?}");
            }
        }
    }

    #[test]
    fn groups_active_then_closed_newest_first() {
        let list = vec![
            interview(
                "old",
                Stage::Interview,
                Outcome::Pending,
                Some("2026-01-02"),
            ),
            interview(
                "new",
                Stage::Interview,
                Outcome::Pending,
                Some("2026-03-02"),
            ),
            interview(
                "final",
                Stage::FinalRound,
                Outcome::Offer,
                Some("2026-02-01"),
            ),
            interview("app", Stage::Applied, Outcome::Pending, None),
        ];
        let groups = active_then_closed(&list);
        let shape: Vec<(&str, Vec<&str>)> = groups
            .iter()
            .map(|(s, items)| (*s, items.iter().map(|i| i.id.as_str()).collect()))
            .collect();
        assert_eq!(
            shape,
            vec![
                ("Active", vec!["new", "old", "app"]),
                ("Closed", vec!["final"])
            ]
        );
        assert_eq!(active_then_closed(&list[3..]).len(), 1, "no empty group");
    }

    #[test]
    fn the_funnel_counts_how_far_each_got() {
        let mut rejected_at_final = interview("a", Stage::FinalRound, Outcome::Rejected, None);
        rejected_at_final.stages = vec![]; // an old record: its stage is how far it got
        let mut offer = interview("b", Stage::Interview, Outcome::Offer, None);
        offer.note_stage_change(&Stage::Applied, day("2026-03-02"));
        let applied = interview("c", Stage::Applied, Outcome::Ghosted, None);
        // Went to a final round, then the stage was set back to screening: it still got there.
        let mut back = interview("d", Stage::FinalRound, Outcome::Pending, None);
        back.note_stage_change(&Stage::Applied, day("2026-03-03"));
        back.stage = Stage::Screening;
        back.note_stage_change(&Stage::FinalRound, day("2026-03-04"));
        let all = [rejected_at_final.clone(), offer, applied, back];
        let counts: Vec<usize> = funnel(&all).iter().map(|(_, n)| *n).collect();
        assert_eq!(counts, vec![4, 3, 3, 2, 1]);
        let f = funnel(&all);
        assert_eq!(
            funnel_text(&f),
            "Of 4 opportunities, 3 reached screening, 3 an interview and 2 a final round; 1 became an offer."
        );
        assert_eq!(
            funnel_text(&funnel(std::slice::from_ref(&rejected_at_final))),
            "Of 1 opportunity, 1 reached screening, 1 an interview and 1 a final round; no offer yet."
        );
        assert_eq!(funnel_text(&funnel(&[])), "No opportunities logged yet.");
        let mut i = interview("e", Stage::Applied, Outcome::Pending, None);
        i.created = day("2026-03-01")
            .and_hms_opt(12, 0, 0)
            .unwrap_or_default()
            .and_utc()
            .timestamp_millis();
        i.stage = Stage::Screening;
        i.note_stage_change(&Stage::Applied, day("2026-03-05"));
        assert_eq!(path_line(&i), "Applied 1 Mar → Screening 5 Mar");
        i.outcome = Outcome::Rejected;
        assert_eq!(
            path_line(&i),
            "Applied 1 Mar → Screening 5 Mar → Not this time"
        );
        assert_eq!(funnel(&[]).iter().map(|(_, n)| *n).sum::<usize>(), 0);
    }

    #[test]
    fn silence_counts_from_the_later_of_the_date_and_the_last_change() {
        let today = day("2026-05-30");
        let at = |s: &str| {
            day(s)
                .and_hms_opt(12, 0, 0)
                .unwrap_or_default()
                .and_utc()
                .timestamp_millis()
        };
        let mut old = interview(
            "old",
            Stage::Interview,
            Outcome::Pending,
            Some("2026-05-01"),
        );
        old.updated = at("2026-05-02");
        let mut touched = interview("t", Stage::Interview, Outcome::Pending, Some("2026-04-01"));
        touched.updated = at("2026-05-20");
        let mut closed = interview("c", Stage::Interview, Outcome::Rejected, Some("2026-04-01"));
        closed.updated = at("2026-04-01");
        let upcoming = interview("u", Stage::Interview, Outcome::Pending, Some("2026-06-02"));
        let list = [old, touched, closed, upcoming];
        let quiet: Vec<(&str, i64)> = silent(&list, today, 21)
            .into_iter()
            .map(|(i, d)| (i.id.as_str(), d))
            .collect();
        assert_eq!(quiet, vec![("old", 28)]);
        assert_eq!(silent(&list, today, 7).len(), 2);
        assert_eq!(silent_line(28), "28 days without a reply");
    }

    #[test]
    fn awaiting_reflection_skips_future_unstarted_and_reflected() {
        let today = day("2026-05-10");
        let list = vec![
            interview(
                "past",
                Stage::Interview,
                Outcome::Pending,
                Some("2026-05-01"),
            ),
            interview(
                "today",
                Stage::Screening,
                Outcome::Rejected,
                Some("2026-05-10"),
            ),
            interview(
                "future",
                Stage::Interview,
                Outcome::Pending,
                Some("2026-05-20"),
            ),
            interview(
                "applied",
                Stage::Applied,
                Outcome::Pending,
                Some("2026-05-01"),
            ),
            interview(
                "done",
                Stage::Interview,
                Outcome::Pending,
                Some("2026-05-02"),
            ),
            interview(
                "blank",
                Stage::Interview,
                Outcome::Pending,
                Some("2026-05-03"),
            ),
        ];
        let reflections = vec![
            Reflection {
                id: "done".into(),
                went_well: "yes".into(),
                ..Reflection::default()
            },
            Reflection {
                id: "blank".into(),
                ..Reflection::default()
            },
        ];
        let now = today.and_hms_opt(12, 0, 0).unwrap_or_default();
        let ids: Vec<_> = awaiting_reflection(&list, &reflections, now, 10)
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(ids, ["today", "blank", "past"]);
        assert_eq!(awaiting_reflection(&list, &reflections, now, 1).len(), 1);
    }

    /// An interview dated today is coming up until it begins (its time, or 09:00 without one)
    /// and waits for its reflection from then on: never both, never neither.
    #[test]
    fn an_interview_today_is_coming_up_until_it_begins_then_waits_for_a_reflection() {
        let today = day("2026-05-10");
        let mut timed = interview(
            "timed",
            Stage::Interview,
            Outcome::Pending,
            Some("2026-05-10"),
        );
        timed.time = chrono::NaiveTime::from_hms_opt(14, 30, 0);
        let untimed = interview(
            "untimed",
            Stage::Interview,
            Outcome::Pending,
            Some("2026-05-10"),
        );
        let list = vec![timed, untimed];
        let at = |h, m| today.and_hms_opt(h, m, 0).unwrap_or_default();
        let ids = |v: Vec<&Interview>| v.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
        let coming = |now| ids(crate::core::model::coming_up(&list, now));
        let waiting = |now| ids(awaiting_reflection(&list, &[], now, 10));
        assert_eq!(coming(at(8, 0)), ["untimed", "timed"]);
        assert!(waiting(at(8, 0)).is_empty());
        assert_eq!(coming(at(10, 0)), ["timed"]);
        assert_eq!(waiting(at(10, 0)), ["untimed"]);
        assert!(coming(at(14, 30)).is_empty());
        assert_eq!(waiting(at(14, 30)).len(), 2);
    }
}
