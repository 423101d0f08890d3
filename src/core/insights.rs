//! Insights: patterns across reflections, feedback and practice that no single screen shows,
//! each with the evidence that showed it and, where there is one, a next step.
//!
//! The rules, one insight key each:
//! 1. `mistake:<kind>`: the same mistake ticked in two or more reflections.
//! 2. `unprepared:<topic>`: a word or two-word phrase in the "What wasn't I prepared for?" notes
//!    of two or more reflections (at most [`MAX_TOPICS`] topics).
//! 3. `again:<category>`: the question category with the most "Again" ratings in the last
//!    [`AGAIN_WINDOW_DAYS`] days (at least [`AGAIN_MIN`]).
//! 4. `feedback:<theme>` / `feedback:word:<word>`: what interviewers said, when the same theme
//!    (from [`THEMES`]) or the same meaningful word comes up after two or more interviews.
//! 5. `not-personal`: most rejection reasons were outside the user's hands (a reassurance).
//! 6. `pipeline:quiet`: few active opportunities and nothing new logged for
//!    [`QUIET_DAYS`] days.
//!
//! Dismissing: the shell stores `key -> fingerprint` in `Settings::dismissed_insights`;
//! [`visible`] hides an insight only while its fingerprint is unchanged, so new evidence
//! (another reflection, an edit) brings it back.
//!
//! Words: warm and concrete, never a score and never a verdict on the person.
//! Text is read Unicode-safely (lower-casing, splitting on anything not a letter or digit), and
//! only the first [`MAX_SCAN_CHARS`] characters of a note are read, so a huge paste stays cheap.
//!
//! This file is the framework: the types, [`compute`], [`visible`] and the fingerprints.
//! `rules` holds the six rules, `text` how a note is read (folding, terms, shared words),
//! `words` the word tables (stopwords, topic categories, feedback themes).

#![warn(missing_docs)]

mod rules;
#[cfg(test)]
mod tests;
mod text;
mod words;

pub use words::{Theme, THEMES};

use rules::{
    again_category, feedback_themes, not_personal, quiet_pipeline, repeated_mistakes,
    unprepared_topics,
};

use crate::core::choice::Choice;
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::display::{month_abbr, short_date};
use super::journey::{clip, day_of};
use super::model::{Id, Interview, Millis, Reflection};
use super::order;
use super::plan::PlanItem;
use super::practice::ReviewEntry;
use super::questions::{Category, Question};

const DAY: Millis = 86_400_000;
/// "Again" ratings this recent count for rule 3.
pub const AGAIN_WINDOW_DAYS: i64 = 30;
/// Rule 3 needs at least this many "Again" ratings in one category.
pub const AGAIN_MIN: usize = 3;
/// Rule 6: no interview logged for this many days.
pub const QUIET_DAYS: i64 = 14;
/// Rule 2 names at most this many topics.
pub const MAX_TOPICS: usize = 3;
/// Rule 4 names at most this many shared words beyond the themes.
pub const MAX_FEEDBACK_WORDS: usize = 2;
/// Only this much of each note is read for patterns.
pub const MAX_SCAN_CHARS: usize = 20_000;
/// Longer "words" are not words (a pasted hash or URL); they are skipped.
const MAX_WORD_CHARS: usize = 40;

/// What a piece of evidence points at.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub enum EvidenceKind {
    /// An interview (its id).
    Interview,
    /// The reflection on an interview (the interview's id).
    Reflection,
    /// The feedback on an interview (the interview's id).
    Feedback,
    /// A question in the bank (its id).
    Question,
}

/// One thing that showed a pattern, with a link back to it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Evidence {
    /// What it is.
    pub kind: EvidenceKind,
    /// The interview id for Interview, Reflection and Feedback; the question id for Question.
    pub id: Id,
    /// A short label, e.g. "Engineer at Acme, 3 Mar" (the year is added when not this year).
    pub label: String,
}

impl Evidence {
    /// Where it lives in the app: "/interviews/<id>" or "/questions/<id>".
    pub fn link(&self) -> String {
        match self.kind {
            EvidenceKind::Question => format!("/questions/{}", self.id),
            _ => format!("/interviews/{}", self.id),
        }
    }
}

/// What the user can do about an insight: one button.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum NextStep {
    /// Add an item to the development plan.
    AddPlanItem {
        /// The skill or gap, in a few words.
        skill: String,
        /// Why: what showed it.
        why: String,
    },
    /// Add a question to the bank.
    AddQuestion {
        /// The question.
        text: String,
        /// Its category.
        category: Category,
    },
    /// Practise the questions of one category.
    Practise {
        /// The category.
        category: Category,
    },
    /// Log a new interview or application.
    LogInterview,
}

impl NextStep {
    /// The button text: "Add to my plan", "Add this question", "Practise Behavioural",
    /// "Log an interview".
    pub fn label(&self) -> String {
        match self {
            NextStep::AddPlanItem { .. } => "Add to my plan".to_string(),
            NextStep::AddQuestion { .. } => "Add this question".to_string(),
            NextStep::Practise { category } => format!("Practise {}", category.label()),
            NextStep::LogInterview => "Log an interview".to_string(),
        }
    }
}

/// A pattern worth knowing about.
#[derive(Clone, PartialEq, Debug)]
pub struct Insight {
    /// Stable per pattern, e.g. "mistake:rambling", "again:technical".
    pub key: String,
    /// Short and warm.
    pub title: String,
    /// One or two sentences explaining the pattern.
    pub body: String,
    /// What showed it.
    pub evidence: Vec<Evidence>,
    /// The suggested next step, if there is one.
    pub step: Option<NextStep>,
    /// Changes when the evidence changes (a hash of the key, the evidence ids and their
    /// last-changed times): dismissals are stored against it.
    pub fingerprint: String,
    /// True for the "it is not personal" kind: nothing to fix, just a kind word.
    pub reassurance: bool,
    /// The time of the newest evidence, to pick "the newest insight".
    pub newest: Millis,
}

/// Everything the insights read.
pub struct InsightInput<'a> {
    /// Every interview.
    pub interviews: &'a [Interview],
    /// Every reflection.
    pub reflections: &'a [Reflection],
    /// The whole bank (`questions::bank`), starters included.
    pub questions: &'a [Question],
    /// The practice log.
    pub reviews: &'a [ReviewEntry],
    /// The development plan (a step already on it is not suggested again).
    pub plan: &'a [PlanItem],
    /// `Settings::nudge_threshold`.
    pub nudge_threshold: u32,
    /// Today (UTC).
    pub today: NaiveDate,
    /// Now.
    pub now: Millis,
}

/// Every insight that applies now, newest first (then by key).
pub fn compute(input: &InsightInput) -> Vec<Insight> {
    let mut out = Vec::new();
    for part in 0..PARTS {
        out.extend(compute_part(input, part));
    }
    in_order(&mut out);
    out
}

/// How many parts [`compute_part`] splits the work into.
pub const PARTS: usize = 6;

/// One part of [`compute`] (one kind of insight; `part` from 0 to [`PARTS`] - 1, nothing
/// beyond), so that a screen can work them out one at a time, yielding between them. The
/// parts together, put [`in_order`], are exactly [`compute`].
pub fn compute_part(input: &InsightInput, part: usize) -> Vec<Insight> {
    let ctx = Ctx::new(input);
    let rule: fn(&Ctx) -> Vec<Insight> = match part {
        0 => repeated_mistakes,
        1 => unprepared_topics,
        2 => again_category,
        3 => feedback_themes,
        4 => not_personal,
        5 => quiet_pipeline,
        _ => return Vec::new(),
    };
    rule(&ctx)
}

/// Newest first, then by key: the order [`compute`] gives.
pub fn in_order(out: &mut [Insight]) {
    order::sort_by(out, |a, b| {
        b.newest.cmp(&a.newest).then_with(|| a.key.cmp(&b.key))
    });
}

/// The insights to show: all but those dismissed with their current fingerprint.
pub fn visible<'a>(all: &'a [Insight], dismissed: &BTreeMap<String, String>) -> Vec<&'a Insight> {
    all.iter()
        .filter(|i| dismissed.get(&i.key) != Some(&i.fingerprint))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Shared context

struct Ctx<'a> {
    input: &'a InsightInput<'a>,
    /// One interview per id (the latest write), in input order.
    interviews: Vec<&'a Interview>,
    /// How to name each interview, by id (made once: thousands of evidence links reuse them).
    names: HashMap<&'a str, Named>,
    /// Started reflections, one per id (the latest write), in input order.
    reflections: Vec<&'a Reflection>,
}

/// How an interview is named in evidence and in sentences.
struct Named {
    /// "Engineer at Acme, 3 Mar" (the year added when not this year).
    label: String,
    /// "Acme" (the company, else the title).
    short: String,
}

impl Named {
    fn new(i: &Interview, today: NaiveDate) -> Named {
        let title = clip(&i.title(), 60);
        let label = match i.date.or_else(|| day_of(i.created)) {
            Some(day) if day.year() == today.year() => {
                format!("{title}, {} {}", day.day(), month_abbr(day.month()))
            }
            Some(day) => format!("{title}, {}", short_date(day)),
            None => title,
        };
        let company = i.company.trim();
        let short = if company.is_empty() {
            clip(&i.title(), 40)
        } else {
            clip(company, 40)
        };
        Named { label, short }
    }
}

fn latest_by_id<T>(
    items: &[T],
    id: impl Fn(&T) -> &str,
    updated: impl Fn(&T) -> Millis,
) -> (Vec<&T>, HashMap<&str, &T>) {
    let mut by_id: HashMap<&str, &T> = HashMap::new();
    for item in items {
        match by_id.get(id(item)) {
            Some(old) if updated(old) >= updated(item) => {}
            _ => {
                by_id.insert(id(item), item);
            }
        }
    }
    let list = items
        .iter()
        .filter(|item| {
            by_id
                .get(id(item))
                .is_some_and(|kept| std::ptr::eq(*kept, *item))
        })
        .collect();
    (list, by_id)
}

impl<'a> Ctx<'a> {
    fn new(input: &'a InsightInput<'a>) -> Self {
        let (interviews, by_id) = latest_by_id(input.interviews, |i| &i.id, |i| i.updated);
        let (reflections, _) = latest_by_id(input.reflections, |r| &r.id, |r| r.updated);
        let reflections = reflections.into_iter().filter(|r| r.is_started()).collect();
        let names = by_id
            .into_iter()
            .map(|(id, i)| (id, Named::new(i, input.today)))
            .collect();
        Ctx {
            input,
            interviews,
            names,
            reflections,
        }
    }

    fn evidence_for(&self, kind: EvidenceKind, id: &str) -> Evidence {
        let label = match self.names.get(id) {
            Some(named) => named.label.clone(),
            None => "An earlier interview".to_string(),
        };
        Evidence {
            kind,
            id: id.to_string(),
            label,
        }
    }

    /// A short name for an interview in a sentence: the company, else the title.
    fn short_name(&self, id: &str) -> Option<String> {
        self.names.get(id).map(|named| named.short.clone())
    }

    /// "Acme, Globex and 2 more" for the interviews with these ids (distinct names, in order).
    fn names(&self, ids: &[&str]) -> String {
        let mut seen: HashSet<String> = HashSet::new();
        let mut first: Vec<String> = Vec::new();
        for id in ids {
            if let Some(n) = self.short_name(id) {
                if seen.insert(n.clone()) && first.len() < 3 {
                    first.push(n);
                }
            }
        }
        match (seen.len(), first.as_slice()) {
            (_, []) => String::new(),
            (_, [one]) => one.clone(),
            (2, [a, b, ..]) => format!("{a} and {b}"),
            (3, [a, b, c]) => format!("{a}, {b} and {c}"),
            (n, [a, b, ..]) => format!("{a}, {b} and {} more", n - 2),
        }
    }

    /// Whether an active plan item already covers `skill` or came from insight `key`.
    fn in_plan(&self, skill: &str, key: &str) -> bool {
        let skill = skill.trim().to_lowercase();
        self.input.plan.iter().filter(|p| !p.archived).any(|p| {
            p.skill.trim().to_lowercase() == skill
                || p.sources
                    .iter()
                    .any(|s| s.part == "insight" && s.text.trim() == key)
        })
    }
}

/// FNV-1a 64: small, fast and stable across builds and platforms (unlike `DefaultHasher`).
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn bytes(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        // A separator no UTF-8 text contains, so fields cannot run into each other.
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
    fn finish(&self) -> String {
        format!("{:016x}", self.0)
    }
}

/// Builds an insight, computing its fingerprint from the key, each piece of evidence (kind, id,
/// last-changed time, in a stable order) and any extra numbers.
struct Draft {
    key: String,
    title: String,
    body: String,
    evidence: Vec<(Evidence, Millis)>,
    step: Option<NextStep>,
    reassurance: bool,
    newest: Millis,
    extra: Vec<i64>,
}

impl Draft {
    fn finish(self) -> Insight {
        let mut fnv = Fnv::new();
        fnv.bytes(self.key.as_bytes());
        let mut parts: Vec<(EvidenceKind, &str, Millis)> = self
            .evidence
            .iter()
            .map(|(e, t)| (e.kind, e.id.as_str(), *t))
            .collect();
        order::sort_by(&mut parts, |a, b| a.cmp(b));
        for (kind, id, t) in parts {
            fnv.bytes(&[kind as u8]);
            fnv.bytes(id.as_bytes());
            fnv.bytes(&t.to_le_bytes());
        }
        for n in &self.extra {
            fnv.bytes(&n.to_le_bytes());
        }
        Insight {
            key: self.key,
            title: self.title,
            body: self.body,
            evidence: self.evidence.into_iter().map(|(e, _)| e).collect(),
            step: self.step,
            fingerprint: fnv.finish(),
            reassurance: self.reassurance,
            newest: self.newest,
        }
    }
}

/// "twice", "3 times".
fn times(n: usize) -> String {
    match n {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}

/// The text with its first letter upper-cased.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
