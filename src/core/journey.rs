//! The journey: what has happened so far, as a timeline of interviews and lessons, milestones,
//! and the numbers behind the journey's charts (practice per day, interviews per month, the
//! share of conversations reflected on, average recall, an opt-in streak).
//!
//! Everything here is counted, never graded: the app shows how far the user has come, not how
//! well they did. Days are UTC days (`Millis` are UTC), like the rest of the core.

#![warn(missing_docs)]

use crate::core::choice::Choice;
use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate};

use super::display::month_abbr;
use super::model::{Id, Interview, Millis, Outcome, Reflection};
use super::order;
use super::plan::PlanItem;
use super::practice::{retrievability, CardState, ReviewEntry};
use super::questions::{starter, Question};

/// The UTC day of a time. `None` for 0 and below (this app's "not recorded", e.g. a starter
/// question's `created`) and for times outside chrono's range.
pub fn day_of(ms: Millis) -> Option<NaiveDate> {
    if ms <= 0 {
        return None;
    }
    DateTime::from_timestamp_millis(ms).map(|d| d.date_naive())
}

/// The day an interview is placed on: its interview date, else the day it was logged.
pub fn interview_day(interview: &Interview) -> Option<NaiveDate> {
    interview.date.or_else(|| day_of(interview.created))
}

/// The text trimmed and cut to `max` characters (an ellipsis marks a cut).
pub(crate) fn clip(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.char_indices().nth(max).is_none() {
        return text.to_string();
    }
    let end = text
        .char_indices()
        .nth(max.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(0);
    format!("{}…", text[..end].trim_end())
}

/// The first non-blank line of a text, clipped to `max` characters ("" when there is none).
pub(crate) fn first_line(text: &str, max: usize) -> String {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .map(|l| clip(l, max))
        .unwrap_or_default()
}

/// What kind of moment an [`Event`] is.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum EventKind {
    /// An interview (or application) logged, on its interview date.
    Interview,
    /// Where an opportunity ended up (offer, not this time, withdrew, no reply).
    Outcome,
    /// A reflection written after an interview.
    Reflection,
    /// Feedback asked for.
    FeedbackAsked,
    /// Feedback received.
    FeedbackReceived,
    /// A letter taken from Rebound (copied or opened in the mail app).
    Letter,
    /// A plan item marked done.
    PlanDone,
    /// One action of a plan item ticked.
    ActionDone,
    /// A question of the user's own added to the bank.
    QuestionAdded,
    /// A milestone reached (see [`milestones`]).
    Milestone,
}

impl EventKind {
    /// A stable key, e.g. for a CSS class: "interview", "outcome", "feedback_asked", ...
    pub fn key(self) -> &'static str {
        match self {
            EventKind::Interview => "interview",
            EventKind::Outcome => "outcome",
            EventKind::Reflection => "reflection",
            EventKind::FeedbackAsked => "feedback_asked",
            EventKind::FeedbackReceived => "feedback_received",
            EventKind::Letter => "letter",
            EventKind::PlanDone => "plan_done",
            EventKind::ActionDone => "action_done",
            EventKind::QuestionAdded => "question_added",
            EventKind::Milestone => "milestone",
        }
    }

    /// Order within one day, newest first: what usually happens later in a day comes first.
    fn rank(self) -> u8 {
        match self {
            EventKind::Milestone => 0,
            EventKind::Outcome => 1,
            EventKind::PlanDone => 2,
            EventKind::ActionDone => 3,
            EventKind::FeedbackReceived => 4,
            EventKind::FeedbackAsked => 5,
            EventKind::Letter => 6,
            EventKind::Reflection => 7,
            EventKind::QuestionAdded => 8,
            EventKind::Interview => 9,
        }
    }
}

/// One moment on the timeline.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Event {
    /// The day it happened.
    pub date: NaiveDate,
    /// What kind of moment it is.
    pub kind: EventKind,
    /// A short line, e.g. "Final round: Engineer at Acme".
    pub title: String,
    /// A second line, possibly empty.
    pub detail: String,
    /// Where it lives in the app: "/interviews/<id>", "/plan", "/questions/<id>".
    pub link: Option<String>,
}

/// Everything the journey reads.
pub struct JourneyInput<'a> {
    /// Every interview.
    pub interviews: &'a [Interview],
    /// Every reflection (id == interview id).
    pub reflections: &'a [Reflection],
    /// The stored questions only (not the untouched starters).
    pub questions: &'a [Question],
    /// Practice schedules.
    pub cards: &'a [CardState],
    /// The practice log.
    pub reviews: &'a [ReviewEntry],
    /// The development plan.
    pub plan: &'a [PlanItem],
    /// Today (UTC).
    pub today: NaiveDate,
    /// Now.
    pub now: Millis,
}

/// A moment worth marking. Warm words, never a score.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Milestone {
    /// Stable: "first_reflection", "tenth_interview", "first_feedback", "first_offer",
    /// "first_plan_done", "hundred_ratings".
    pub key: &'static str,
    /// The day it was reached.
    pub date: NaiveDate,
    /// A short name, e.g. "First reflection".
    pub title: &'static str,
    /// What the app says, e.g. "Your first reflection. Looking back takes courage."
    pub text: String,
    /// Where it happened in the app, when there is one place.
    pub link: Option<String>,
}

fn interview_link(id: &str) -> Option<String> {
    Some(format!("/interviews/{id}"))
}

/// Reflections that have something in them, one per id (the latest write), by id.
fn started_reflections(reflections: &[Reflection]) -> HashMap<&str, &Reflection> {
    let mut out: HashMap<&str, &Reflection> = HashMap::new();
    for r in reflections.iter().filter(|r| r.is_started()) {
        match out.get(r.id.as_str()) {
            Some(old) if old.updated >= r.updated => {}
            _ => {
                out.insert(r.id.as_str(), r);
            }
        }
    }
    out
}

/// Milestones reached so far, oldest first: the first reflection, the tenth interview logged,
/// the first feedback received, the first offer, the first plan item done, the hundredth
/// practice rating.
pub fn milestones(input: &JourneyInput) -> Vec<Milestone> {
    let mut out = Vec::new();

    // The first reflection: the earliest started one, by the day it was written.
    if let Some((day, r)) = started_reflections(input.reflections)
        .values()
        .filter_map(|r| {
            day_of(r.created)
                .or_else(|| day_of(r.updated))
                .map(|d| (d, *r))
        })
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)))
    {
        out.push(Milestone {
            key: "first_reflection",
            date: day,
            title: "First reflection",
            text: "Your first reflection. Looking back takes courage.".to_string(),
            link: interview_link(&r.id),
        });
    }

    // The tenth interview, in the order they were logged.
    let mut logged: Vec<&Interview> = input.interviews.iter().collect();
    order::sort_by(&mut logged, |a, b| {
        a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id))
    });
    logged.dedup_by(|a, b| a.id == b.id);
    if let Some(tenth) = logged.get(9) {
        if let Some(day) = day_of(tenth.created).or(tenth.date) {
            out.push(Milestone {
                key: "tenth_interview",
                date: day,
                title: "Ten opportunities",
                text: "Ten opportunities logged. Each one took nerve to go after.".to_string(),
                link: interview_link(&tenth.id),
            });
        }
    }

    // The first feedback received.
    if let Some((day, i)) = input
        .interviews
        .iter()
        .filter_map(|i| i.feedback.received_on.map(|d| (d, i)))
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)))
    {
        out.push(Milestone {
            key: "first_feedback",
            date: day,
            title: "First feedback",
            text: "Your first feedback. Asking for it is brave; listening to it, braver."
                .to_string(),
            link: interview_link(&i.id),
        });
    }

    // The first offer (no stored date for an outcome: see `outcome_day`).
    if let Some((day, i)) = input
        .interviews
        .iter()
        .filter(|i| i.outcome == Outcome::Offer)
        .filter_map(|i| outcome_day(i).map(|d| (d, i)))
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)))
    {
        out.push(Milestone {
            key: "first_offer",
            date: day,
            title: "An offer",
            text: "An offer! All that work paid off. Take a moment to enjoy it.".to_string(),
            link: interview_link(&i.id),
        });
    }

    // The first plan item done.
    if let Some(day) = input.plan.iter().filter_map(|p| p.done_on).min() {
        out.push(Milestone {
            key: "first_plan_done",
            date: day,
            title: "First step on the plan",
            text: "The first thing on your plan, done. That is growth you can point to."
                .to_string(),
            link: Some("/plan".to_string()),
        });
    }

    // The hundredth practice rating.
    if input.reviews.len() >= 100 {
        let mut times: Vec<Millis> = input.reviews.iter().map(|r| r.at).collect();
        order::sort_by(&mut times, Millis::cmp);
        if let Some(day) = times.get(99).and_then(|t| day_of(*t)) {
            out.push(Milestone {
                key: "hundred_ratings",
                date: day,
                title: "A hundred answers practised",
                text: "A hundred practice ratings. These answers are becoming yours.".to_string(),
                link: Some("/practice".to_string()),
            });
        }
    }

    order::sort_by(&mut out, |a, b| {
        a.date.cmp(&b.date).then_with(|| a.key.cmp(b.key))
    });
    out
}

/// The day an outcome is shown on. There is no stored date for an outcome change, so this is
/// the interview's date, else the day the interview was last updated (when the outcome was most
/// likely set). `None` while pending.
fn outcome_day(interview: &Interview) -> Option<NaiveDate> {
    if interview.outcome == Outcome::Pending {
        return None;
    }
    interview.date.or_else(|| day_of(interview.updated))
}

/// What a reflection taught, in one line: where the user fell short, what they weren't
/// prepared for or didn't say, else the mistakes ticked, else what went well. Never the vent
/// (that is just for the user).
fn lesson(r: &Reflection) -> String {
    for text in [&r.fell_short, &r.not_prepared, &r.did_not_say] {
        let line = first_line(text, 120);
        if !line.is_empty() {
            return line;
        }
    }
    if !r.mistakes.is_empty() {
        let labels: Vec<&str> = r
            .mistakes
            .iter()
            .map(|m| super::model::mistake_label(m.kind.trim()))
            .filter(|l| !l.is_empty())
            .collect();
        if !labels.is_empty() {
            return clip(&format!("Noted: {}", labels.join("; ")), 120);
        }
    }
    first_line(&r.went_well, 120)
}

/// The timeline, newest first: interviews, outcomes, reflections, feedback, letters, plan
/// items and actions done, questions added, and milestones. Events dated after `today` (a
/// scheduled interview) are left out: the journey is what has happened. Within a day, what
/// usually comes later is listed first (a milestone above the step that reached it).
pub fn timeline(input: &JourneyInput) -> Vec<Event> {
    let mut events = Vec::new();
    let mut push = |date: Option<NaiveDate>, kind, title: String, detail: String, link| {
        if let Some(date) = date {
            events.push(Event {
                date,
                kind,
                title,
                detail,
                link,
            });
        }
    };

    let mut seen: HashSet<&str> = HashSet::new();
    let mut by_id: HashMap<&str, &Interview> = HashMap::new();
    for i in input.interviews {
        match by_id.get(i.id.as_str()) {
            Some(old) if old.updated >= i.updated => {}
            _ => {
                by_id.insert(i.id.as_str(), i);
            }
        }
    }
    for i in input.interviews {
        // One set of events per id (the latest write), should an id be stored twice.
        if by_id
            .get(i.id.as_str())
            .is_some_and(|kept| !std::ptr::eq(*kept, i))
            || !seen.insert(i.id.as_str())
        {
            continue;
        }
        let title = i.title();
        let link = interview_link(&i.id);
        let what = i.stage.label().to_string();
        push(
            interview_day(i),
            EventKind::Interview,
            format!("{what}: {title}"),
            first_line(&i.interviewers, 80),
            link.clone(),
        );
        if i.outcome != Outcome::Pending {
            let detail = if i.outcome == Outcome::Rejected {
                let reasons: Vec<String> = i
                    .rejection_reasons
                    .iter()
                    .map(|r| clip(&r.text, 60))
                    .filter(|t| !t.is_empty())
                    .collect();
                reasons.join("; ")
            } else {
                String::new()
            };
            push(
                outcome_day(i),
                EventKind::Outcome,
                format!("{}: {title}", i.outcome.label()),
                detail,
                link.clone(),
            );
        }
        let f = &i.feedback;
        push(
            f.asked_on,
            EventKind::FeedbackAsked,
            format!("Asked for feedback: {title}"),
            String::new(),
            link.clone(),
        );
        push(
            f.received_on,
            EventKind::FeedbackReceived,
            format!("Feedback received: {title}"),
            first_line(&f.said, 120),
            link.clone(),
        );
        for letter in &i.letters {
            push(
                Some(letter.on),
                EventKind::Letter,
                format!("Letter: {}", letter.kind.label()),
                title.clone(),
                link.clone(),
            );
        }
    }

    let reflections = started_reflections(input.reflections);
    let mut reflections: Vec<&Reflection> = reflections.into_values().collect();
    order::sort_by(&mut reflections, |a, b| a.id.cmp(&b.id));
    for r in reflections {
        let about = by_id
            .get(r.id.as_str())
            .map(|i| i.title())
            .unwrap_or_else(|| "an interview".to_string());
        push(
            day_of(r.created).or_else(|| day_of(r.updated)),
            EventKind::Reflection,
            format!("Reflected on {about}"),
            lesson(r),
            interview_link(&r.id),
        );
    }

    for item in input.plan {
        push(
            item.done_on,
            EventKind::PlanDone,
            format!("Done: {}", clip(&item.title(), 80)),
            String::new(),
            Some("/plan".to_string()),
        );
        for a in item.actions.iter().filter(|a| a.done) {
            push(
                a.done_on,
                EventKind::ActionDone,
                format!("Step done: {}", clip(&a.text, 80)),
                clip(&item.title(), 80),
                Some("/plan".to_string()),
            );
        }
    }

    for q in input.questions.iter().filter(|q| starter(&q.id).is_none()) {
        let mut detail = q.category.label().to_string();
        if let Some(i) = q.interview_id.as_deref().and_then(|id| by_id.get(id)) {
            detail = format!("{detail}, from {}", i.title());
        }
        push(
            day_of(q.created),
            EventKind::QuestionAdded,
            format!("New question: {}", clip(&q.text, 80)),
            detail,
            Some(format!("/questions/{}", q.id)),
        );
    }

    for m in milestones(input) {
        push(
            Some(m.date),
            EventKind::Milestone,
            m.title.to_string(),
            m.text,
            m.link,
        );
    }

    events.retain(|e| e.date <= input.today);
    order::sort_by(&mut events, |a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| a.kind.rank().cmp(&b.kind.rank()))
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.link.cmp(&b.link))
    });
    events
}

/// The Monday of the week `day` is in (`day` itself at the very start of the calendar).
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day.checked_sub_signed(Duration::days(i64::from(
        day.weekday().num_days_from_monday(),
    )))
    .unwrap_or(day)
}

/// Practice ratings per UTC day, one entry for every day from the Monday 52 weeks before this
/// week's Monday up to and including `today` (so 365 to 371 days), oldest first.
pub fn heatmap(reviews: &[ReviewEntry], today: NaiveDate) -> Vec<(NaiveDate, u32)> {
    let monday = week_start(today);
    let start = monday
        .checked_sub_signed(Duration::weeks(52))
        .unwrap_or(monday);
    let len = (today - start).num_days() + 1;
    let mut counts = vec![0u32; len.max(0) as usize];
    for r in reviews {
        if let Some(day) = day_of(r.at) {
            let i = (day - start).num_days();
            if (0..len).contains(&i) {
                counts[i as usize] = counts[i as usize].saturating_add(1);
            }
        }
    }
    counts
        .into_iter()
        .enumerate()
        .filter_map(|(i, n)| Some((start.checked_add_signed(Duration::days(i as i64))?, n)))
        .collect()
}

/// Interviews in one month, by outcome.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct MonthCount {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// "Mar", or "Mar 2026" for the first month shown and for every January.
    pub label: String,
    /// Ended in an offer.
    pub offer: u32,
    /// Not this time.
    pub rejected: u32,
    /// Still waiting to hear.
    pub pending: u32,
    /// Withdrawn or no reply.
    pub other: u32,
}

impl MonthCount {
    /// All interviews in the month.
    pub fn total(&self) -> u32 {
        self.offer + self.rejected + self.pending + self.other
    }
}

/// Short English month names.
/// Interviews per month for the last 12 months including this one, oldest first, by the
/// interview date, else the day it was logged. Interviews outside those months are not
/// counted.
pub fn interviews_per_month(interviews: &[Interview], today: NaiveDate) -> Vec<MonthCount> {
    let this = today.year() * 12 + today.month0() as i32;
    let first = this - 11;
    let mut months: Vec<MonthCount> = (first..=this)
        .map(|n| {
            let year = n.div_euclid(12);
            let month = n.rem_euclid(12) as u32 + 1;
            let label = if n == first || month == 1 {
                format!("{} {year}", month_abbr(month))
            } else {
                month_abbr(month).to_string()
            };
            MonthCount {
                year,
                month,
                label,
                offer: 0,
                rejected: 0,
                pending: 0,
                other: 0,
            }
        })
        .collect();
    let mut seen: HashSet<&Id> = HashSet::new();
    for i in interviews {
        if !seen.insert(&i.id) {
            continue;
        }
        let Some(day) = interview_day(i) else {
            continue;
        };
        let n = day.year() * 12 + day.month0() as i32;
        if !(first..=this).contains(&n) {
            continue;
        }
        let m = &mut months[(n - first) as usize];
        match i.outcome {
            Outcome::Offer => m.offer += 1,
            Outcome::Rejected => m.rejected += 1,
            Outcome::Pending => m.pending += 1,
            Outcome::Withdrawn | Outcome::Ghosted | Outcome::Other(_) => m.other += 1,
        }
    }
    months
}

/// (conversations reflected on, conversations): interviews past the application stage
/// ([`Stage::is_conversation`]) and how many of them have a started reflection.
pub fn reflected_share(interviews: &[Interview], reflections: &[Reflection]) -> (usize, usize) {
    let started: HashSet<&str> = reflections
        .iter()
        .filter(|r| r.is_started())
        .map(|r| r.id.as_str())
        .collect();
    let mut seen: HashSet<&str> = HashSet::new();
    let conversations: Vec<&Interview> = interviews
        .iter()
        .filter(|i| i.stage.is_conversation())
        .filter(|i| seen.insert(i.id.as_str()))
        .collect();
    let reflected = conversations
        .iter()
        .filter(|i| started.contains(i.id.as_str()))
        .count();
    (reflected, conversations.len())
}

/// The mean predicted recall (0 to 1) now over the cards practised at least once; `None` when
/// none has been.
pub fn average_recall(cards: &[CardState], now: Millis) -> Option<f64> {
    let values: Vec<f64> = cards
        .iter()
        .filter(|c| c.reps > 0)
        .filter_map(|c| retrievability(c, now))
        .collect();
    if values.is_empty() {
        return None;
    }
    Some(values.iter().sum::<f64>() / values.len() as f64)
}

/// Days in a row with at least one practice rating.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Streak {
    /// The run that reaches today, or yesterday when today has no rating yet (0 otherwise).
    pub current: u32,
    /// The longest run ever.
    pub longest: u32,
}

/// The practice streak (shown only if the user opts in). A day not yet practised today does not
/// break a run that reached yesterday. Ratings dated after `today` (a clock moved back) are
/// not counted.
pub fn streak(reviews: &[ReviewEntry], today: NaiveDate) -> Streak {
    let days: BTreeSet<NaiveDate> = reviews
        .iter()
        .filter_map(|r| day_of(r.at))
        .filter(|d| *d <= today)
        .collect();
    let mut longest = 0u32;
    let mut run = 0u32;
    let mut prev: Option<NaiveDate> = None;
    for &d in &days {
        run = match prev {
            Some(p) if d.pred_opt() == Some(p) => run + 1,
            _ => 1,
        };
        longest = longest.max(run);
        prev = Some(d);
    }
    let mut current = 0u32;
    let mut day = if days.contains(&today) {
        Some(today)
    } else {
        today.pred_opt()
    };
    while let Some(d) = day.filter(|d| days.contains(d)) {
        current += 1;
        day = d.pred_opt();
    }
    Streak { current, longest }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Stage;
    use crate::core::model::{Feedback, FeedbackStatus, LetterKind, LetterUse, LetterVia};
    use crate::core::model::{MistakeNote, RejectionReason};
    use crate::core::plan::{Action, PlanStatus};
    use crate::core::practice::Grade;
    use crate::core::questions::Category;
    use crate::core::test_days::{at, d};

    fn interview(id: &str, day: NaiveDate, outcome: Outcome) -> Interview {
        Interview {
            id: id.into(),
            company: format!("Co {id}"),
            role: "Engineer".into(),
            date: Some(day),
            stage: Stage::Interview,
            outcome,
            created: at(day),
            updated: at(day),
            ..Interview::default()
        }
    }

    fn review(id: &str, when: Millis) -> ReviewEntry {
        ReviewEntry {
            extra: Default::default(),
            id: id.into(),
            at: when,
            grade: Grade::Good,
        }
    }

    fn input<'a>(
        interviews: &'a [Interview],
        reflections: &'a [Reflection],
        questions: &'a [Question],
        reviews: &'a [ReviewEntry],
        plan: &'a [PlanItem],
        today: NaiveDate,
    ) -> JourneyInput<'a> {
        JourneyInput {
            interviews,
            reflections,
            questions,
            cards: &[],
            reviews,
            plan,
            today,
            now: at(today),
        }
    }

    #[test]
    fn day_of_treats_zero_as_unknown() {
        assert_eq!(day_of(0), None);
        assert_eq!(day_of(-5), None);
        assert_eq!(day_of(i64::MAX), None);
        assert_eq!(day_of(at(d(2026, 3, 3))), Some(d(2026, 3, 3)));
        // 23:59:59.999 UTC is still that day.
        let late = d(2026, 3, 3)
            .and_hms_milli_opt(23, 59, 59, 999)
            .unwrap()
            .and_utc()
            .timestamp_millis();
        assert_eq!(day_of(late), Some(d(2026, 3, 3)));
        assert_eq!(day_of(late + 1), Some(d(2026, 3, 4)));
    }

    #[test]
    fn clip_is_unicode_safe() {
        assert_eq!(clip("  short ", 10), "short");
        assert_eq!(clip("🙂🙂🙂🙂", 3), "🙂🙂…");
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(clip("", 0), "");
        assert_eq!(first_line("\n  \nsecond line\nthird", 50), "second line");
    }

    #[test]
    fn everything_empty() {
        let today = d(2026, 3, 15);
        let inp = input(&[], &[], &[], &[], &[], today);
        assert!(timeline(&inp).is_empty());
        assert!(milestones(&inp).is_empty());
        let h = heatmap(&[], today);
        assert!(h.iter().all(|(_, n)| *n == 0));
        let months = interviews_per_month(&[], today);
        assert_eq!(months.len(), 12);
        assert!(months.iter().all(|m| m.total() == 0));
        assert_eq!(reflected_share(&[], &[]), (0, 0));
        assert_eq!(average_recall(&[], 0), None);
        assert_eq!(streak(&[], today), Streak::default());
    }

    #[test]
    fn timeline_has_every_kind_newest_first_and_no_future() {
        let today = d(2026, 3, 15);
        let mut acme = interview("a", d(2026, 3, 2), Outcome::Rejected);
        acme.company = "Acme".into();
        acme.rejection_reasons = vec![RejectionReason {
            extra: Default::default(),
            text: "Internal candidate".into(),
            in_my_control: false,
        }];
        acme.feedback = Feedback {
            extra: Default::default(),
            status: FeedbackStatus::Received,
            asked_on: Some(d(2026, 3, 5)),
            received_on: Some(d(2026, 3, 9)),
            follow_up_on: None,
            said: "Clear answers.\nMore depth on design.".into(),
        };
        acme.letters = vec![LetterUse {
            extra: Default::default(),
            kind: LetterKind::ThanksAfterRejection,
            on: d(2026, 3, 6),
            via: LetterVia::Copied,
        }];
        let future = interview("f", d(2026, 3, 20), Outcome::Pending);
        let reflection = Reflection {
            id: "a".into(),
            fell_short: "\nI rushed the design part".into(),
            vent: "private words".into(),
            created: at(d(2026, 3, 3)),
            updated: at(d(2026, 3, 3)),
            ..Reflection::default()
        };
        let unstarted = Reflection {
            id: "f".into(),
            created: at(d(2026, 3, 4)),
            ..Reflection::default()
        };
        let mut q = Question::new(
            "q1".into(),
            "Design a cache".into(),
            Category::Technical,
            at(d(2026, 3, 4)),
        );
        q.interview_id = Some("a".into());
        let edited_starter = Question {
            id: crate::core::questions::STARTER[0].id.into(),
            created: at(d(2026, 3, 4)),
            ..Question::default()
        };
        let plan = PlanItem {
            id: "p".into(),
            skill: "System design".into(),
            actions: vec![
                Action {
                    id: "x".into(),
                    text: "Read a book".into(),
                    done: true,
                    done_on: Some(d(2026, 3, 10)),
                    ..Action::default()
                },
                Action {
                    id: "y".into(),
                    text: "Not yet".into(),
                    ..Action::default()
                },
            ],
            status: PlanStatus::Done,
            done_on: Some(d(2026, 3, 12)),
            ..PlanItem::default()
        };
        let interviews = [acme, future];
        let reflections = [reflection, unstarted];
        let questions = [q, edited_starter];
        let plans = [plan];
        let inp = input(&interviews, &reflections, &questions, &[], &plans, today);
        let events = timeline(&inp);
        let kinds: Vec<EventKind> = events.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            vec![
                EventKind::Milestone,        // first plan item done, 12 Mar
                EventKind::PlanDone,         // 12 Mar
                EventKind::ActionDone,       // 10 Mar
                EventKind::Milestone,        // first feedback, 9 Mar
                EventKind::FeedbackReceived, // 9 Mar
                EventKind::Letter,           // 6 Mar
                EventKind::FeedbackAsked,    // 5 Mar
                EventKind::QuestionAdded,    // 4 Mar (the edited starter is not "added")
                EventKind::Milestone,        // first reflection, 3 Mar
                EventKind::Reflection,       // 3 Mar
                EventKind::Outcome,          // 2 Mar (the interview's date)
                EventKind::Interview,        // 2 Mar
            ],
            "{events:#?}"
        );
        assert!(events.windows(2).all(|w| w[0].date >= w[1].date));
        assert!(
            events.iter().all(|e| e.date <= today),
            "no future interview"
        );
        let reflection = events
            .iter()
            .find(|e| e.kind == EventKind::Reflection)
            .unwrap();
        assert_eq!(reflection.title, "Reflected on Engineer at Acme");
        assert_eq!(reflection.detail, "I rushed the design part");
        assert!(events.iter().all(|e| !e.detail.contains("private")));
        let outcome = events
            .iter()
            .find(|e| e.kind == EventKind::Outcome)
            .unwrap();
        assert_eq!(outcome.title, "Not this time: Engineer at Acme");
        assert_eq!(outcome.detail, "Internal candidate");
        assert_eq!(outcome.link.as_deref(), Some("/interviews/a"));
        let received = events
            .iter()
            .find(|e| e.kind == EventKind::FeedbackReceived)
            .unwrap();
        assert_eq!(received.detail, "Clear answers.");
        let question = events
            .iter()
            .find(|e| e.kind == EventKind::QuestionAdded)
            .unwrap();
        assert_eq!(question.link.as_deref(), Some("/questions/q1"));
        assert_eq!(question.detail, "Technical, from Engineer at Acme");
        let action = events
            .iter()
            .find(|e| e.kind == EventKind::ActionDone)
            .unwrap();
        assert_eq!(action.title, "Step done: Read a book");
        assert_eq!(action.link.as_deref(), Some("/plan"));

        // Once the future interview's day comes, it shows.
        let later = input(
            &interviews,
            &reflections,
            &questions,
            &[],
            &plans,
            d(2026, 3, 20),
        );
        assert_eq!(timeline(&later)[0].title, "Interview: Engineer at Co f");
    }

    #[test]
    fn outcome_without_a_date_uses_the_day_it_was_updated() {
        let mut i = interview("a", d(2026, 1, 1), Outcome::Offer);
        i.date = None;
        i.created = at(d(2026, 1, 1));
        i.updated = at(d(2026, 2, 1));
        let interviews = [i];
        let inp = input(&interviews, &[], &[], &[], &[], d(2026, 3, 1));
        let events = timeline(&inp);
        let outcome = events
            .iter()
            .find(|e| e.kind == EventKind::Outcome)
            .unwrap();
        assert_eq!(outcome.date, d(2026, 2, 1));
        let interview = events
            .iter()
            .find(|e| e.kind == EventKind::Interview)
            .unwrap();
        assert_eq!(interview.date, d(2026, 1, 1), "logged day");
        let m = milestones(&inp);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].key, "first_offer");
        assert_eq!(m[0].date, d(2026, 2, 1));
    }

    #[test]
    fn milestones_are_reached_once_with_warm_words() {
        let today = d(2026, 6, 1);
        let mut interviews: Vec<Interview> = (0..12)
            .map(|n| interview(&format!("i{n}"), d(2026, 1, 1 + n), Outcome::Pending))
            .collect();
        // Logged order, not interview date, decides the tenth.
        interviews[9].created = at(d(2026, 2, 20));
        interviews[10].created = at(d(2026, 1, 5));
        interviews[3].outcome = Outcome::Offer;
        interviews[7].outcome = Outcome::Offer;
        interviews[5].feedback.received_on = Some(d(2026, 2, 2));
        interviews[6].feedback.received_on = Some(d(2026, 1, 30));
        let reflections = vec![
            Reflection {
                id: "i1".into(),
                went_well: "x".into(),
                created: at(d(2026, 1, 9)),
                ..Reflection::default()
            },
            Reflection {
                id: "i2".into(),
                mistakes: vec![MistakeNote {
                    extra: Default::default(),
                    kind: "late".into(),
                    fix: String::new(),
                }],
                created: at(d(2026, 1, 4)),
                ..Reflection::default()
            },
            // Empty: not a reflection yet.
            Reflection {
                id: "i0".into(),
                created: at(d(2026, 1, 1)),
                ..Reflection::default()
            },
        ];
        let plan = vec![
            PlanItem {
                done_on: Some(d(2026, 3, 3)),
                ..PlanItem::default()
            },
            PlanItem {
                done_on: Some(d(2026, 2, 3)),
                ..PlanItem::default()
            },
        ];
        let reviews: Vec<ReviewEntry> = (0..150)
            .map(|n| review("q", at(d(2026, 4, 1)) + n * 3_600_000 * 12))
            .collect();
        let inp = input(&interviews, &reflections, &[], &reviews, &plan, today);
        let m = milestones(&inp);
        let keys: Vec<&str> = m.iter().map(|m| m.key).collect();
        assert_eq!(
            keys,
            vec![
                "first_offer",
                "first_reflection",
                "tenth_interview",
                "first_feedback",
                "first_plan_done",
                "hundred_ratings"
            ],
            "{m:#?}"
        );
        let get = |k: &str| m.iter().find(|m| m.key == k).unwrap();
        assert_eq!(get("first_reflection").date, d(2026, 1, 4));
        assert_eq!(
            get("first_reflection").link.as_deref(),
            Some("/interviews/i2")
        );
        assert_eq!(
            get("first_offer").date,
            d(2026, 1, 4),
            "interview i3's date"
        );
        assert_eq!(get("first_feedback").date, d(2026, 1, 30));
        // Logged: i0..i8 on Jan 1..9, i10 on Jan 5, i11 on Jan 12, i9 on Feb 20; so the tenth
        // logged is i8, on Jan 9.
        assert_eq!(get("tenth_interview").date, d(2026, 1, 9));
        assert_eq!(get("first_plan_done").date, d(2026, 2, 3));
        // The 100th rating: 99 half-days after Apr 1 noon is midnight starting May 21.
        assert_eq!(get("hundred_ratings").date, d(2026, 5, 21));
        for m in &m {
            for word in ["score", "%", "fail", "should have"] {
                assert!(!m.text.to_lowercase().contains(word), "{}", m.text);
            }
        }

        // Nine interviews, 99 ratings: neither milestone.
        let reviews = &reviews[..99];
        let inp = input(&interviews[..9], &[], &[], reviews, &[], today);
        let keys: Vec<&str> = milestones(&inp).iter().map(|m| m.key).collect();
        assert!(!keys.contains(&"tenth_interview"));
        assert!(!keys.contains(&"hundred_ratings"));
    }

    #[test]
    fn heatmap_spans_53_weeks_from_a_monday() {
        // Sunday 2026-03-15: this week started on Monday 9 March.
        let today = d(2026, 3, 15);
        let reviews = vec![
            review("a", at(today)),
            review("b", at(today)),
            review("a", at(d(2026, 3, 9))),
            review("a", at(d(2025, 3, 10))), // the first day shown
            review("a", at(d(2025, 3, 9))),  // the day before: not shown
            review("a", at(d(2026, 3, 16))), // tomorrow: not shown
            review("a", 0),
        ];
        let h = heatmap(&reviews, today);
        assert_eq!(h.len(), 53 * 7);
        assert_eq!(h[0].0, d(2025, 3, 10));
        assert_eq!(h[0].0.weekday(), chrono::Weekday::Mon);
        assert_eq!(h.last().unwrap(), &(today, 2));
        assert_eq!(h[0].1, 1);
        assert_eq!(h.iter().map(|(_, n)| n).sum::<u32>(), 4);
        assert!(h.windows(2).all(|w| w[1].0 == w[0].0.succ_opt().unwrap()));

        // On a Monday, this week is just today.
        let monday = d(2026, 3, 9);
        let h = heatmap(&reviews, monday);
        assert_eq!(h.len(), 52 * 7 + 1);
        assert_eq!(h.last().unwrap().0, monday);

        // Across a year boundary (Thursday 1 Jan 2026).
        let h = heatmap(&[review("a", at(d(2025, 12, 31)))], d(2026, 1, 1));
        assert_eq!(h.len(), 52 * 7 + 4);
        assert_eq!(h[0].0, d(2024, 12, 30));
        assert_eq!(h[h.len() - 2], (d(2025, 12, 31), 1));
    }

    #[test]
    fn the_ends_of_the_calendar_do_not_panic() {
        for today in [NaiveDate::MIN, NaiveDate::MAX] {
            let reviews = [review("a", i64::MIN), review("a", i64::MAX), review("a", 1)];
            let h = heatmap(&reviews, today);
            assert!(h.iter().all(|(_, n)| *n == 0));
            assert!(!h.is_empty());
            assert_eq!(interviews_per_month(&[], today).len(), 12);
            assert_eq!(streak(&reviews, today).current, 0);
            let _ = week_start(today);
        }
    }

    #[test]
    fn months_cover_a_year_across_the_boundary() {
        let today = d(2026, 2, 10);
        let mut no_date = interview("n", d(2000, 1, 1), Outcome::Withdrawn);
        no_date.date = None;
        no_date.created = at(d(2026, 1, 31));
        let interviews = vec![
            interview("a", d(2026, 2, 28), Outcome::Pending), // later this month: counted
            interview("b", d(2026, 2, 1), Outcome::Offer),
            interview("c", d(2025, 3, 1), Outcome::Rejected), // first month shown
            interview("d", d(2025, 2, 28), Outcome::Rejected), // too old
            interview("e", d(2026, 3, 1), Outcome::Pending),  // next month
            interview("g", d(2025, 12, 31), Outcome::Ghosted),
            no_date,
        ];
        let m = interviews_per_month(&interviews, today);
        assert_eq!(m.len(), 12);
        let labels: Vec<&str> = m.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(
            labels,
            vec![
                "Mar 2025", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
                "Jan 2026", "Feb"
            ]
        );
        assert_eq!((m[0].year, m[0].month, m[0].rejected), (2025, 3, 1));
        assert_eq!((m[9].year, m[9].month, m[9].other), (2025, 12, 1));
        assert_eq!((m[10].year, m[10].month, m[10].other), (2026, 1, 1));
        assert_eq!((m[11].offer, m[11].pending), (1, 1));
        assert_eq!(m.iter().map(|m| m.total()).sum::<u32>(), 5);

        // December: the year is not split.
        let m = interviews_per_month(&[], d(2025, 12, 31));
        assert_eq!(m[0].label, "Jan 2025");
        assert_eq!(m[11].label, "Dec");
        assert_eq!((m[11].year, m[11].month), (2025, 12));
        // January: twelve months back is February of last year.
        let m = interviews_per_month(&[], d(2026, 1, 1));
        assert_eq!((m[0].year, m[0].month), (2025, 2));
        assert_eq!(m[0].label, "Feb 2025");
        assert_eq!(m[11].label, "Jan 2026");
    }

    #[test]
    fn reflected_share_counts_conversations_only() {
        let mut applied = interview("x", d(2026, 1, 1), Outcome::Pending);
        applied.stage = Stage::Applied;
        let interviews = vec![
            interview("a", d(2026, 1, 1), Outcome::Pending),
            interview("b", d(2026, 1, 1), Outcome::Pending),
            interview("c", d(2026, 1, 1), Outcome::Pending),
            applied,
        ];
        let reflections = vec![
            Reflection {
                id: "a".into(),
                went_well: "ok".into(),
                ..Reflection::default()
            },
            Reflection {
                id: "b".into(),
                ..Reflection::default()
            },
            Reflection {
                id: "x".into(),
                went_well: "applied only".into(),
                ..Reflection::default()
            },
        ];
        assert_eq!(reflected_share(&interviews, &reflections), (1, 3));
        assert_eq!(reflected_share(&interviews, &[]), (0, 3));
    }

    #[test]
    fn average_recall_over_practised_cards() {
        let now = at(d(2026, 3, 1));
        let fresh = CardState {
            id: "a".into(),
            stability: 10.0,
            reps: 3,
            state: 2,
            last_review: Some(now),
            ..CardState::default()
        };
        let older = CardState {
            id: "b".into(),
            last_review: Some(now - 10 * 86_400_000),
            ..fresh.clone()
        };
        let new_card = CardState {
            id: "c".into(),
            ..CardState::default()
        };
        assert_eq!(average_recall(std::slice::from_ref(&new_card), now), None);
        let just = average_recall(std::slice::from_ref(&fresh), now).unwrap();
        assert!((just - 1.0).abs() < 1e-9);
        let both = average_recall(&[fresh, older.clone(), new_card], now).unwrap();
        let r_older = retrievability(&older, now).unwrap();
        assert!((both - (1.0 + r_older) / 2.0).abs() < 1e-9);
        assert!(r_older < 1.0 && r_older > 0.5);
    }

    #[test]
    fn streak_forgives_today_and_counts_the_longest() {
        let today = d(2026, 3, 1); // across the end of February
        let days = [
            d(2026, 2, 27),
            d(2026, 2, 28),
            d(2026, 2, 28),
            d(2026, 1, 1),
            d(2026, 1, 2),
            d(2026, 1, 3),
            d(2026, 1, 4),
            d(2026, 3, 5), // in the future: ignored
        ];
        let reviews: Vec<ReviewEntry> = days.iter().map(|d| review("q", at(*d))).collect();
        assert_eq!(
            streak(&reviews, today),
            Streak {
                current: 2,
                longest: 4
            },
            "not practised yet today: the run to yesterday stands"
        );
        let mut with_today = reviews.clone();
        with_today.push(review("q", at(today)));
        assert_eq!(streak(&with_today, today).current, 3);
        // Two days later the run is over.
        assert_eq!(streak(&reviews, d(2026, 3, 2)).current, 0);
        assert_eq!(streak(&reviews, d(2026, 3, 2)).longest, 4);
        // Across a year boundary.
        let ny = [d(2025, 12, 30), d(2025, 12, 31), d(2026, 1, 1)];
        let reviews: Vec<ReviewEntry> = ny.iter().map(|d| review("q", at(*d))).collect();
        assert_eq!(
            streak(&reviews, d(2026, 1, 1)),
            Streak {
                current: 3,
                longest: 3
            }
        );
    }
}
