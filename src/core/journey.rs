//! The journey: what has happened so far, as a timeline of interviews and lessons, milestones,
//! the numbers behind the journey's charts (practice per day, interviews per month), and its
//! sentences: what the reflections gave, the plan's steps done, how the answers come back at
//! practice, an opt-in streak.
//!
//! Everything here is counted, never graded: the app shows how far the user has come, not how
//! well they did. Days are UTC days (`Millis` are UTC), like the rest of the core.

#![warn(missing_docs)]

use crate::core::choice::Choice;
use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate};

use super::charts::plural;
use super::model::{Id, Interview, Millis, Outcome, Reflection};
use super::order;
use super::plan::PlanItem;
use super::plan::PlanStatus;
use super::practice::{Grade, ReviewEntry};
use super::questions::{cards_and_to_write, starter, Question};

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
    /// The practice log.
    pub reviews: &'a [ReviewEntry],
    /// The development plan.
    pub plan: &'a [PlanItem],
    /// Today (UTC).
    pub today: NaiveDate,
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
            MonthCount {
                year,
                month,
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

/// What the reflections gave, in one sentence: how many were written (started, one per
/// interview) and how many plan items came from a line of one. Counts, never a share of the
/// interviews: "You've written 4 reflections, and 2 lessons from them went into your plan."
pub fn reflections_line(reflections: &[Reflection], plan: &[PlanItem]) -> String {
    let written = started_reflections(reflections).len();
    if written == 0 {
        return "Your reflections will show here. A few lines after an interview are enough."
            .to_string();
    }
    let lessons = plan
        .iter()
        .filter(|item| {
            item.sources.iter().any(|s| {
                s.interview_id.is_some()
                    && matches!(
                        s.part.as_str(),
                        "went_well"
                            | "fell_short"
                            | "said"
                            | "did_not_say"
                            | "not_prepared"
                            | "mistake"
                    )
            })
        })
        .count();
    let wrote = format!(
        "You've written {}",
        plural(written, "reflection", "reflections")
    );
    match lessons {
        0 if written == 1 => format!("{wrote}, something to take into the next interview."),
        0 => format!("{wrote}, each one something to take into the next interview."),
        n => format!(
            "{wrote}, and {} from {} went into your plan.",
            plural(n, "lesson", "lessons"),
            if written == 1 { "it" } else { "them" }
        ),
    }
}

/// The plan in counts: the steps done so far (ticked actions, and items marked done that have
/// no actions), archived items included, since the journey is what happened. "You've done 3
/// steps on your plan so far."
pub fn plan_line(plan: &[PlanItem]) -> String {
    let done: usize = plan
        .iter()
        .map(|item| {
            if item.actions.is_empty() {
                usize::from(item.status == PlanStatus::Done)
            } else {
                item.actions.iter().filter(|a| a.done).count()
            }
        })
        .sum();
    if done > 0 {
        return format!(
            "You've done {} on your plan so far.",
            plural(done, "step", "steps")
        );
    }
    match plan.iter().filter(|i| !i.archived).count() {
        0 => "Nothing on your plan yet. A lesson from an interview can start it.".to_string(),
        n => format!(
            "Your plan has {} to work on. Any small step counts.",
            plural(n, "thing", "things")
        ),
    }
}

/// The fewest practice ratings of answered questions before the journey says how the answers
/// come back: a handful of ratings says little.
pub const RECALL_MIN_RATINGS: usize = 5;
/// The fewest answered questions those ratings must be spread over.
pub const RECALL_MIN_CARDS: usize = 3;

/// (answers that came back at their last rating, answers rated) over the practice cards
/// (`cards`: ids of questions with an answer), once there are at least [`RECALL_MIN_RATINGS`]
/// ratings of at least [`RECALL_MIN_CARDS`] of them; `None` before that. An answer came back
/// when its latest rating is anything but Again.
pub fn last_recall(cards: &[Id], reviews: &[ReviewEntry]) -> Option<(usize, usize)> {
    let cards: HashSet<&str> = cards.iter().map(Id::as_str).collect();
    let mut latest: HashMap<&str, &ReviewEntry> = HashMap::new();
    let mut ratings = 0;
    for r in reviews.iter().filter(|r| cards.contains(r.id.as_str())) {
        ratings += 1;
        match latest.get(r.id.as_str()) {
            Some(old) if old.at > r.at => {}
            _ => {
                latest.insert(r.id.as_str(), r);
            }
        }
    }
    if ratings < RECALL_MIN_RATINGS || latest.len() < RECALL_MIN_CARDS {
        return None;
    }
    let came_back = latest.values().filter(|r| r.grade != Grade::Again).count();
    Some((came_back, latest.len()))
}

/// How the answers come back, worded as the cards', never as the user's score: "At their last
/// practice, 7 of your 9 answers came back to you." Only answered questions count, and only
/// once there is enough to go on (see [`last_recall`]).
pub fn recall_line(questions: &[Question], reviews: &[ReviewEntry]) -> String {
    let (cards, _) = cards_and_to_write(questions);
    match last_recall(&cards, reviews) {
        None if cards.is_empty() => {
            "Write an answer or two and practise them: this shows how they come back to you."
                .to_string()
        }
        None => {
            "Practise a few of your answers and this shows how they come back to you.".to_string()
        }
        Some((0, n)) => format!(
            "Your {n} answers are still settling in: none came back at their last practice. \
             Each round makes the next one easier."
        ),
        Some((k, n)) if k == n => {
            format!("At their last practice, all {n} of your answers came back to you.")
        }
        Some((k, n)) => {
            format!("At their last practice, {k} of your {n} answers came back to you.")
        }
    }
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

/// The opt-in streak in words: "3 days in a row. Longest run: 5 days."
pub fn streak_line(s: Streak) -> String {
    let longest = plural(s.longest as usize, "day", "days");
    match s.current {
        _ if s.longest == 0 => "Your runs of practice days will show here.".to_string(),
        0 => format!("Your longest run so far: {longest}. Any day is a good day to start again."),
        1 => format!("Practised today or yesterday. Longest run: {longest}."),
        n => format!("{n} days in a row. Longest run: {longest}."),
    }
}

#[cfg(test)]
mod tests;
