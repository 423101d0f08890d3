//! The pipeline: what is active right now, what is waiting for a reflection, and how the
//! interview list is grouped. Pure functions over the model.

use chrono::NaiveDate;

use super::model::{Interview, Reflection};

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

/// Conversations that have happened (dated today or earlier) with no reflection written yet,
/// newest first, at most `limit`.
pub fn awaiting_reflection<'a>(
    interviews: &'a [Interview],
    reflections: &[Reflection],
    today: NaiveDate,
    limit: usize,
) -> Vec<&'a Interview> {
    let mut items: Vec<&Interview> = interviews
        .iter()
        .filter(|i| i.stage.is_conversation())
        .filter(|i| i.date.is_some_and(|d| d <= today))
        .filter(|i| !reflections.iter().any(|r| r.id == i.id && r.is_started()))
        .collect();
    newest_first(&mut items);
    items.truncate(limit);
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Outcome, Stage};
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
        let ids: Vec<_> = awaiting_reflection(&list, &reflections, today, 10)
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(ids, ["today", "blank", "past"]);
        assert_eq!(awaiting_reflection(&list, &reflections, today, 1).len(), 1);
    }
}
