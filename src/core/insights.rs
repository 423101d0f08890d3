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

#![warn(missing_docs)]

use crate::core::choice::Choice;
use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::display::{month_abbr, short_date};
use super::journey::{clip, day_of, first_line};
use super::model::{mistake_label, Id, Interview, Millis, Outcome, Reflection, COMMON_MISTAKES};
use super::order;
use super::plan::PlanItem;
use super::practice::{Grade, ReviewEntry};
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
    let ctx = Ctx::new(input);
    let mut out = Vec::new();
    out.extend(repeated_mistakes(&ctx));
    out.extend(unprepared_topics(&ctx));
    out.extend(again_category(&ctx));
    out.extend(feedback_themes(&ctx));
    out.extend(not_personal(&ctx));
    out.extend(quiet_pipeline(&ctx));
    order::sort_by(&mut out, |a, b| {
        b.newest.cmp(&a.newest).then_with(|| a.key.cmp(&b.key))
    });
    out
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

// ---------------------------------------------------------------------------------------------
// Words

/// Common words that carry no topic (4+ letters; shorter words are skipped anyway), sorted for
/// binary search. Also interview filler ("question", "interview", "asked").
const STOPWORDS: &[&str] = &[
    "able",
    "about",
    "above",
    "actually",
    "after",
    "again",
    "against",
    "also",
    "although",
    "always",
    "among",
    "another",
    "answer",
    "anyone",
    "anything",
    "aren",
    "around",
    "asked",
    "asking",
    "back",
    "basically",
    "because",
    "been",
    "before",
    "being",
    "below",
    "better",
    "between",
    "both",
    "came",
    "candidate",
    "cannot",
    "come",
    "company",
    "completely",
    "could",
    "couldn",
    "didn",
    "does",
    "doesn",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "enough",
    "especially",
    "even",
    "ever",
    "every",
    "everything",
    "expect",
    "expected",
    "feedback",
    "felt",
    "from",
    "further",
    "gave",
    "give",
    "given",
    "going",
    "gone",
    "good",
    "great",
    "hadn",
    "hasn",
    "have",
    "haven",
    "having",
    "here",
    "hers",
    "herself",
    "himself",
    "however",
    "interview",
    "interviewer",
    "into",
    "itself",
    "just",
    "kind",
    "knew",
    "know",
    "least",
    "less",
    "like",
    "liked",
    "little",
    "look",
    "lots",
    "made",
    "make",
    "many",
    "maybe",
    "mentioned",
    "might",
    "more",
    "most",
    "much",
    "must",
    "myself",
    "need",
    "needed",
    "never",
    "next",
    "none",
    "nothing",
    "once",
    "only",
    "other",
    "ought",
    "ours",
    "ourselves",
    "over",
    "overall",
    "part",
    "position",
    "prepare",
    "prepared",
    "pretty",
    "probably",
    "properly",
    "question",
    "quite",
    "rather",
    "ready",
    "really",
    "role",
    "round",
    "said",
    "same",
    "seem",
    "seemed",
    "several",
    "shall",
    "should",
    "shouldn",
    "since",
    "some",
    "someone",
    "something",
    "sort",
    "still",
    "such",
    "sure",
    "take",
    "talk",
    "talked",
    "talking",
    "tell",
    "than",
    "that",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "think",
    "this",
    "those",
    "though",
    "thought",
    "through",
    "time",
    "together",
    "told",
    "took",
    "totally",
    "toward",
    "under",
    "until",
    "upon",
    "very",
    "want",
    "wanted",
    "wasn",
    "well",
    "went",
    "were",
    "weren",
    "what",
    "whatever",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "whom",
    "whose",
    "will",
    "with",
    "within",
    "without",
    "work",
    "worked",
    "working",
    "would",
    "wouldn",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

/// Simple English plural folding: "stories" -> "story", "processes" -> "process",
/// "approaches" -> "approach", "designs" -> "design"; "status", "analysis", "class" stay.
fn fold(word: &str) -> Cow<'_, str> {
    if word.chars().nth(3).is_none() {
        return Cow::Borrowed(word);
    }
    if let Some(stem) = word.strip_suffix("ies") {
        if stem.chars().nth(1).is_some() {
            return Cow::Owned(format!("{stem}y"));
        }
    }
    // The suffixes are ASCII, so cutting their bytes keeps the text on a char boundary.
    for suffix in ["sses", "ches", "shes", "xes"] {
        if word.ends_with(suffix) {
            return Cow::Borrowed(&word[..word.len() - 2]);
        }
    }
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return Cow::Borrowed(word);
    }
    Cow::Borrowed(word.strip_suffix('s').unwrap_or(word))
}

/// A word worth noticing, folded: 4+ characters with a letter among them, not a stopword
/// (before or after folding), not absurdly long.
fn meaningful(word: &str) -> Option<Cow<'_, str>> {
    let n = word.chars().count();
    if !(4..=MAX_WORD_CHARS).contains(&n) || !word.chars().any(char::is_alphabetic) {
        return None;
    }
    if is_stopword(word) {
        return None;
    }
    let folded = fold(word);
    (!is_stopword(&folded)).then_some(folded)
}

/// Punctuation that ends a phrase (whitespace, hyphens and apostrophes do not).
fn is_phrase_break(c: char) -> bool {
    !(c.is_alphanumeric() || c.is_whitespace() || matches!(c, '-' | '\'' | '’' | '‘'))
}

/// The first [`MAX_SCAN_CHARS`] characters of a text.
fn scanned(text: &str) -> &str {
    match text.char_indices().nth(MAX_SCAN_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// A text as read for patterns: its first [`MAX_SCAN_CHARS`] characters, lower-cased.
fn lowered(text: &str) -> String {
    scanned(text).to_lowercase()
}

/// Runs of words between punctuation, in a [`lowered`] text.
fn segments(lower: &str) -> Vec<Vec<&str>> {
    lower
        .split(is_phrase_break)
        .map(|seg| {
            seg.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect::<Vec<&str>>()
        })
        .filter(|seg| !seg.is_empty())
        .collect()
}

/// Calls `f(term, as written)` for each term of a text, folded, with the words as written
/// (lower-cased): meaningful words, and two-word phrases of meaningful words next to each other
/// ("system design"). A term may come more than once.
fn for_each_term(text: &str, mut f: impl FnMut(&str, &str)) {
    let mut term = String::new();
    let mut surface = String::new();
    let lower = lowered(text);
    for seg in segments(&lower) {
        let mut prev: Option<(Cow<str>, &str)> = None;
        for word in seg {
            let this = meaningful(word).map(|folded| (folded, word));
            if let (Some((a, raw_a)), Some((b, raw_b))) = (&prev, &this) {
                if a != b {
                    term.clear();
                    term.push_str(a);
                    term.push(' ');
                    term.push_str(b);
                    surface.clear();
                    surface.push_str(raw_a);
                    surface.push(' ');
                    surface.push_str(raw_b);
                    f(&term, &surface);
                }
            }
            if let Some((folded, raw)) = &this {
                f(folded, raw);
            }
            prev = this;
        }
    }
}

/// The distinct terms of a text with how each is written (see [`for_each_term`]).
#[cfg(test)]
fn terms(text: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for_each_term(text, |term, surface| {
        out.entry(term.to_string())
            .or_insert_with(|| surface.to_string());
    });
    out
}

/// FNV-1a as a `Hasher`: much faster than SipHash on the many short words counted here (the
/// data is the user's own, so flooding is no concern).
#[derive(Clone, Copy)]
struct FastHash(u64);

impl Default for FastHash {
    fn default() -> Self {
        FastHash(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FastHash {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FastHash>>;

/// Term -> (the indices of the texts it is in, how to show it). A term is shown as written:
/// the shortest spelling seen (usually the singular: "stakeholder", not "stakeholders"; and
/// "kubernetes" stays "kubernetes" though its key is folded).
#[derive(Default)]
struct Shared(FastMap<String, (Vec<usize>, String)>);

impl Shared {
    /// Text `n` has `term`, written `surface`. Texts are added in order, so a repeat of the same
    /// text is the last one recorded.
    fn add(&mut self, n: usize, term: &str, surface: &str) {
        let Some(entry) = self.0.get_mut(term) else {
            self.0
                .insert(term.to_string(), (vec![n], surface.to_string()));
            return;
        };
        if entry.0.last() != Some(&n) {
            entry.0.push(n);
        }
        let shorter =
            (surface.chars().count(), surface) < (entry.1.chars().count(), entry.1.as_str());
        if shorter {
            entry.1 = surface.to_string();
        }
    }

    /// The terms in two or more texts: (term, texts, shown as).
    fn repeated(self) -> Vec<(String, Vec<usize>, String)> {
        self.0
            .into_iter()
            .filter(|(_, (refs, _))| refs.len() >= 2)
            .map(|(t, (refs, surface))| (t, refs, surface))
            .collect()
    }
}

/// All words of a text, folded, joined by single spaces with a space at each end (so that
/// `contains(" word ")` finds whole words and phrases).
fn normalised(text: &str) -> String {
    let mut out = String::from(" ");
    let lower = lowered(text);
    for seg in segments(&lower) {
        for word in seg {
            out.push_str(&fold(word));
            out.push(' ');
        }
        // Punctuation breaks phrases.
        out.push_str("| ");
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Rule 1: the same mistake, again

fn fix_hint(kind: &str) -> Option<&'static str> {
    COMMON_MISTAKES
        .iter()
        .find(|(k, _, _)| *k == kind)
        .map(|(_, _, hint)| hint.strip_prefix("e.g. ").unwrap_or(hint))
}

fn repeated_mistakes(ctx: &Ctx) -> Vec<Insight> {
    let mut by_kind: BTreeMap<&str, Vec<(&Reflection, &str)>> = BTreeMap::new();
    for r in &ctx.reflections {
        let mut seen: HashSet<&str> = HashSet::new();
        for m in &r.mistakes {
            let kind = m.kind.trim();
            if !kind.is_empty() && seen.insert(kind) {
                by_kind.entry(kind).or_default().push((r, m.fix.trim()));
            }
        }
    }
    let mut out = Vec::new();
    for (kind, mut refs) in by_kind {
        if refs.len() < 2 {
            continue;
        }
        order::sort_by(&mut refs, |a, b| {
            b.0.updated.cmp(&a.0.updated).then(a.0.id.cmp(&b.0.id))
        });
        let n = refs.len();
        let label = clip(mistake_label(kind), 80);
        let key = format!("mistake:{}", clip(kind, 60));
        let ids: Vec<&str> = refs.iter().map(|(r, _)| r.id.as_str()).collect();
        let names = ctx.names(&ids);
        let hint = fix_hint(kind);
        let own_fix = refs
            .iter()
            .map(|(_, fix)| first_line(fix, 120))
            .find(|f| !f.is_empty());

        let mut body = format!("You ticked this after {n} interviews");
        if !names.is_empty() {
            body.push_str(&format!(" ({names})"));
        }
        body.push_str(". Noticing it yourself is the hard part, and it is very fixable");
        match hint {
            Some(h) => body.push_str(&format!(": {h}.")),
            None => body.push('.'),
        }
        if let Some(fix) = &own_fix {
            body.push_str(&format!(" Your own note: “{fix}”."));
        }
        let mut why = format!("Came up in {n} interviews");
        if !names.is_empty() {
            why.push_str(&format!(" ({names})"));
        }
        why.push('.');
        match (hint, &own_fix) {
            (Some(h), _) => why.push_str(&format!(" Try: {h}.")),
            (None, Some(fix)) => why.push_str(&format!(" My fix: {fix}.")),
            (None, None) => {}
        }
        let step = if ctx.in_plan(&label, &key) {
            body.push_str(" It is already on your plan.");
            None
        } else {
            Some(NextStep::AddPlanItem {
                skill: label.clone(),
                why,
            })
        };
        out.push(
            Draft {
                title: format!("{label}, {}", times(n)),
                body,
                evidence: refs
                    .iter()
                    .map(|(r, _)| (ctx.evidence_for(EvidenceKind::Reflection, &r.id), r.updated))
                    .collect(),
                step,
                reassurance: false,
                newest: refs.iter().map(|(r, _)| r.updated).max().unwrap_or(0),
                extra: Vec::new(),
                key,
            }
            .finish(),
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Rule 2: not prepared for the same topic again

/// Words that suggest a question category for a topic, checked in order.
const TOPIC_CATEGORIES: &[(&str, Category)] = &[
    ("salary", Category::Salary),
    ("compensation", Category::Salary),
    ("equity", Category::Salary),
    ("benefit", Category::Salary),
    ("negotiation", Category::Salary),
    ("notice", Category::Salary),
    ("weakness", Category::Weaknesses),
    ("failure", Category::Weaknesses),
    ("mistake", Category::Weaknesses),
    ("career", Category::CareerStory),
    ("background", Category::CareerStory),
    ("resume", Category::CareerStory),
    ("story", Category::CareerStory),
    ("motivation", Category::Motivation),
    ("mission", Category::Motivation),
    ("product", Category::Motivation),
    ("value", Category::Motivation),
    ("culture", Category::Motivation),
    ("conflict", Category::Behavioural),
    ("leadership", Category::Behavioural),
    ("stakeholder", Category::Behavioural),
    ("disagreement", Category::Behavioural),
    ("teamwork", Category::Behavioural),
    ("deadline", Category::Behavioural),
    ("pressure", Category::Behavioural),
    ("mentoring", Category::Behavioural),
    ("scenario", Category::Situational),
    ("hypothetical", Category::Situational),
    ("prioritisation", Category::Situational),
    ("prioritization", Category::Situational),
    ("system", Category::Technical),
    ("design", Category::Technical),
    ("coding", Category::Technical),
    ("code", Category::Technical),
    ("algorithm", Category::Technical),
    ("database", Category::Technical),
    ("architecture", Category::Technical),
    ("testing", Category::Technical),
    ("debugging", Category::Technical),
    ("security", Category::Technical),
    ("performance", Category::Technical),
    ("scaling", Category::Technical),
    ("scalability", Category::Technical),
    ("concurrency", Category::Technical),
    ("complexity", Category::Technical),
    ("programming", Category::Technical),
    ("infrastructure", Category::Technical),
    ("cloud", Category::Technical),
    ("data", Category::Technical),
    ("api", Category::Technical),
    ("sql", Category::Technical),
    ("kubernetes", Category::Technical),
    ("whiteboard", Category::Technical),
    ("statistic", Category::Technical),
    ("excel", Category::Technical),
];

/// A sensible category for a (folded) topic (Situational when nothing suggests one).
fn topic_category(topic: &str) -> Category {
    let words: Vec<&str> = topic.split(' ').collect();
    TOPIC_CATEGORIES
        .iter()
        .find(|(w, _)| words.contains(&fold(w).as_ref()))
        .map(|(_, c)| c.clone())
        .unwrap_or(Category::Situational)
}

/// A question to prepare about a topic.
fn topic_question(topic: &str, category: &Category) -> String {
    match category {
        Category::Technical | Category::Situational => format!("How would you approach {topic}?"),
        _ => format!("What can you tell us about {topic}?"),
    }
}

fn unprepared_topics(ctx: &Ctx) -> Vec<Insight> {
    let mut shared = Shared::default();
    for (n, r) in ctx.reflections.iter().enumerate() {
        if r.not_prepared.trim().is_empty() {
            continue;
        }
        for_each_term(&r.not_prepared, |term, surface| {
            shared.add(n, term, surface)
        });
    }
    let mut candidates = shared.repeated();
    if candidates.is_empty() {
        return Vec::new();
    }
    let newest = |refs: &[usize]| {
        refs.iter()
            .map(|&n| ctx.reflections[n].updated)
            .max()
            .unwrap_or(0)
    };
    // Most reflections first; a phrase before a word; newer first; then alphabetical.
    order::sort_by_cached_key(&mut candidates, |(term, refs, _)| {
        (
            Reverse(refs.len()),
            Reverse(term.contains(' ')),
            Reverse(newest(refs)),
            term.clone(),
        )
    });
    let bigrams: Vec<&str> = candidates
        .iter()
        .map(|(t, _, _)| t.as_str())
        .filter(|t| t.contains(' '))
        .collect();
    // A word used by a chosen topic, or by a shared phrase with a chosen word, is covered: one
    // insight for "system design", not three.
    let mut covered: HashSet<String> = HashSet::new();
    let mut chosen: Vec<(String, Vec<usize>, String)> = Vec::new();
    for (term, refs, surface) in &candidates {
        if chosen.len() >= MAX_TOPICS {
            break;
        }
        let words: Vec<&str> = term.split(' ').collect();
        if words.iter().any(|w| covered.contains(*w)) {
            continue;
        }
        for w in &words {
            covered.insert(w.to_string());
            for b in &bigrams {
                if b.split(' ').any(|x| x == *w) {
                    covered.extend(b.split(' ').map(str::to_string));
                }
            }
        }
        chosen.push((term.clone(), refs.clone(), surface.clone()));
    }

    let mut out = Vec::new();
    for (term, refs, topic) in chosen {
        let n = refs.len();
        let ids: Vec<&str> = refs
            .iter()
            .map(|&i| ctx.reflections[i].id.as_str())
            .collect();
        let names = ctx.names(&ids);
        let key = format!("unprepared:{term}");
        let category = topic_category(&term);
        let text = topic_question(&topic, &category);
        // Already in the bank: practise it rather than add it twice.
        let lower = text.to_lowercase();
        let in_bank = ctx
            .input
            .questions
            .iter()
            .find(|q| q.text.trim().to_lowercase() == lower);
        let step = match in_bank {
            Some(q) => Some(NextStep::Practise {
                category: q.category.clone(),
            }),
            None => Some(NextStep::AddQuestion { text, category }),
        };
        let mut body =
            format!("You wrote that you weren't prepared for {topic} after {n} interviews");
        if !names.is_empty() {
            body.push_str(&format!(" ({names})"));
        }
        body.push_str(
            ". Now you know it tends to come up, and that is an advantage: an answer ready in \
             your bank turns a surprise into a strength.",
        );
        out.push(
            Draft {
                title: format!("{} came up again", capitalised(&topic)),
                body,
                evidence: refs
                    .iter()
                    .map(|&i| {
                        let r = ctx.reflections[i];
                        (ctx.evidence_for(EvidenceKind::Reflection, &r.id), r.updated)
                    })
                    .collect(),
                step,
                reassurance: false,
                newest: newest(&refs),
                extra: Vec::new(),
                key,
            }
            .finish(),
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Rule 3: the category that keeps coming back "Again"

fn again_category(ctx: &Ctx) -> Vec<Insight> {
    let since = ctx.input.now.saturating_sub(AGAIN_WINDOW_DAYS * DAY);
    let questions: HashMap<&str, &Question> = ctx
        .input
        .questions
        .iter()
        .map(|q| (q.id.as_str(), q))
        .collect();
    // Category -> (Again count, newest Again, question id -> (count, newest)).
    type PerQuestion<'q> = HashMap<&'q str, (usize, Millis)>;
    let mut per: BTreeMap<Category, (usize, Millis, PerQuestion)> = BTreeMap::new();
    for r in ctx.input.reviews {
        if r.grade != Grade::Again || r.at < since {
            continue;
        }
        let Some(q) = questions.get(r.id.as_str()) else {
            continue;
        };
        let entry = per.entry(q.category.clone()).or_default();
        entry.0 += 1;
        entry.1 = entry.1.max(r.at);
        let qe = entry.2.entry(q.id.as_str()).or_default();
        qe.0 += 1;
        qe.1 = qe.1.max(r.at);
    }
    let best = per
        .into_iter()
        .filter(|(_, (count, _, _))| *count >= AGAIN_MIN)
        .max_by(|a, b| {
            (a.1 .0, a.1 .1)
                .cmp(&(b.1 .0, b.1 .1))
                // Ties: the category listed first wins.
                .then_with(|| b.0.cmp(&a.0))
        });
    let Some((category, (count, newest, per_question))) = best else {
        return Vec::new();
    };
    let mut qs: Vec<(&str, usize, Millis)> = per_question
        .into_iter()
        .map(|(id, (n, t))| (id, n, t))
        .collect();
    order::sort_by(&mut qs, |a, b| {
        b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0))
    });
    let evidence = qs
        .iter()
        .filter_map(|(id, _, _)| questions.get(id))
        .map(|q| {
            (
                Evidence {
                    kind: EvidenceKind::Question,
                    id: q.id.clone(),
                    label: clip(&q.text, 60),
                },
                q.updated,
            )
        })
        .collect::<Vec<_>>();
    let label = category.label();
    let nq = evidence.len();
    let body = format!(
        "In the last {AGAIN_WINDOW_DAYS} days you chose “Again” {count} times on {label} \
         questions, across {nq} {}. That is exactly what practice is for: a few more rounds \
         and these answers will come more easily.",
        if nq == 1 { "question" } else { "questions" }
    );
    vec![Draft {
        key: format!("again:{}", category.key()),
        title: format!("Tricky lately: {label}"),
        body,
        evidence,
        step: Some(NextStep::Practise { category }),
        reassurance: false,
        newest,
        extra: Vec::new(),
    }
    .finish()]
}

// ---------------------------------------------------------------------------------------------
// Rule 4: feedback that repeats

/// A feedback theme: key, name (in a sentence), the plan skill it suggests, and the words and
/// phrases that point to it (matched as whole words after plural folding).
pub struct Theme {
    /// Stable key, used in the insight key `feedback:<key>`.
    pub key: &'static str,
    /// The theme's name, as used in a sentence ("communication and clarity").
    pub name: &'static str,
    /// The plan item suggested for it.
    pub skill: &'static str,
    /// Words and phrases that point to it.
    pub words: &'static [&'static str],
}

/// The feedback themes rule 4 looks for.
pub const THEMES: &[Theme] = &[
    Theme {
        key: "communication",
        name: "communication and clarity",
        skill: "Clear, concise answers",
        words: &[
            "communication",
            "communicate",
            "communicating",
            "clarity",
            "clear",
            "unclear",
            "concise",
            "rambling",
            "rambled",
            "ramble",
            "structure",
            "structured",
            "unstructured",
            "articulate",
            "waffle",
            "waffled",
            "verbose",
            "long-winded",
            "explain",
            "explanation",
            "listening",
            "to the point",
        ],
    },
    Theme {
        key: "technical",
        name: "technical depth",
        skill: "Technical depth",
        words: &[
            "technical",
            "depth",
            "deeper",
            "in-depth",
            "shallow",
            "fundamental",
            "coding",
            "algorithm",
            "hands-on",
            "expertise",
            "technically",
        ],
    },
    Theme {
        key: "experience",
        name: "experience level",
        skill: "Showing the depth of my experience",
        words: &[
            "experience",
            "experienced",
            "inexperienced",
            "senior",
            "seniority",
            "junior",
            "overqualified",
            "underqualified",
            "years of",
            "track record",
        ],
    },
    Theme {
        key: "examples",
        name: "concrete examples",
        skill: "Concrete examples with results",
        words: &[
            "example",
            "specific",
            "specifics",
            "concrete",
            "vague",
            "generic",
            "detail",
            "detailed",
            "metric",
            "number",
            "impact",
            "result",
            "star",
            "evidence",
        ],
    },
    Theme {
        key: "system_design",
        name: "system design",
        skill: "System design",
        words: &[
            "system design",
            "architecture",
            "scalability",
            "scalable",
            "scaling",
            "distributed",
            "trade-off",
            "tradeoff",
        ],
    },
    Theme {
        key: "culture",
        name: "culture and team fit",
        skill: "Showing how I work with a team",
        words: &[
            "culture",
            "cultural",
            "team fit",
            "culture fit",
            "fit",
            "values",
            "collaboration",
            "collaborative",
            "teamwork",
        ],
    },
    Theme {
        key: "confidence",
        name: "confidence",
        skill: "Confidence in the room",
        words: &[
            "confidence",
            "confident",
            "nervous",
            "nerves",
            "hesitant",
            "unsure",
            "assertive",
            "presence",
            "self-assured",
        ],
    },
    Theme {
        key: "preparation",
        name: "preparation and research",
        skill: "Researching the company and the role",
        words: &[
            "preparation",
            "prepared",
            "unprepared",
            "research",
            "researched",
            "homework",
            "knowledge of the company",
            "about the company",
            "about us",
        ],
    },
    Theme {
        key: "motivation",
        name: "motivation for the role",
        skill: "Saying why I want the role",
        words: &[
            "motivation",
            "motivated",
            "enthusiasm",
            "enthusiastic",
            "passion",
            "passionate",
            "interest in",
            "why this",
            "why us",
        ],
    },
];

fn feedback_themes(ctx: &Ctx) -> Vec<Insight> {
    let with_feedback: Vec<&Interview> = ctx
        .interviews
        .iter()
        .copied()
        .filter(|i| !i.feedback.said.trim().is_empty())
        .collect();
    if with_feedback.len() < 2 {
        return Vec::new();
    }
    let texts: Vec<String> = with_feedback
        .iter()
        .map(|i| normalised(&i.feedback.said))
        .collect();
    // Theme words, normalised the same way (" system design ").
    let theme_words: Vec<Vec<String>> = THEMES
        .iter()
        .map(|t| {
            t.words
                .iter()
                .map(|w| normalised(w).replace("| ", ""))
                .collect()
        })
        .collect();
    let covered: HashSet<String> = theme_words
        .iter()
        .flatten()
        .flat_map(|w| w.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect();

    // (key, name, skill, interviews)
    let mut found: Vec<(String, String, String, Vec<&Interview>)> = Vec::new();
    for (theme, words) in THEMES.iter().zip(&theme_words) {
        let hits: Vec<&Interview> = with_feedback
            .iter()
            .zip(&texts)
            .filter(|(_, text)| words.iter().any(|w| text.contains(w.as_str())))
            .map(|(i, _)| *i)
            .collect();
        if hits.len() >= 2 {
            found.push((
                format!("feedback:{}", theme.key),
                theme.name.to_string(),
                theme.skill.to_string(),
                hits,
            ));
        }
    }

    // Meaningful words shared by two or more, beyond the themes.
    let mut df = Shared::default();
    for (n, i) in with_feedback.iter().enumerate() {
        let lower = lowered(&i.feedback.said);
        for seg in segments(&lower) {
            for w in seg {
                if let Some(f) = meaningful(w).filter(|f| !covered.contains(f.as_ref())) {
                    df.add(n, &f, w);
                }
            }
        }
    }
    let mut shared = df.repeated();
    let newest = |v: &[usize]| {
        v.iter()
            .map(|&n| with_feedback[n].updated)
            .max()
            .unwrap_or(0)
    };
    order::sort_by_cached_key(&mut shared, |(term, refs, _)| {
        (Reverse(refs.len()), Reverse(newest(refs)), term.clone())
    });
    for (term, refs, word) in shared.into_iter().take(MAX_FEEDBACK_WORDS) {
        found.push((
            format!("feedback:word:{term}"),
            format!("“{word}”"),
            capitalised(&word),
            refs.iter().map(|&n| with_feedback[n]).collect(),
        ));
    }

    let mut out = Vec::new();
    for (key, name, skill, hits) in found {
        let n = hits.len();
        let ids: Vec<&str> = hits.iter().map(|i| i.id.as_str()).collect();
        let names = ctx.names(&ids);
        let mut body = format!("Feedback after {n} interviews");
        if !names.is_empty() {
            body.push_str(&format!(" ({names})"));
        }
        body.push_str(&format!(
            " touched on {name}. When more than one person mentions something, it is worth a \
             look: a strength to lean on, or the clearest hint of where a little work goes far."
        ));
        let mut why = format!("Feedback after {n} interviews");
        if !names.is_empty() {
            why.push_str(&format!(" ({names})"));
        }
        why.push_str(&format!(" mentioned {name}."));
        let step = if ctx.in_plan(&skill, &key) {
            body.push_str(" It is already on your plan.");
            None
        } else {
            Some(NextStep::AddPlanItem { skill, why })
        };
        out.push(
            Draft {
                title: format!("Feedback that repeats: {name}"),
                body,
                evidence: hits
                    .iter()
                    .map(|i| (ctx.evidence_for(EvidenceKind::Feedback, &i.id), i.updated))
                    .collect(),
                step,
                reassurance: false,
                newest: hits.iter().map(|i| i.updated).max().unwrap_or(0),
                extra: Vec::new(),
                key,
            }
            .finish(),
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Rule 5: it is not personal

fn not_personal(ctx: &Ctx) -> Vec<Insight> {
    let rejected: Vec<&Interview> = ctx
        .interviews
        .iter()
        .copied()
        .filter(|i| i.outcome == Outcome::Rejected)
        .filter(|i| {
            i.rejection_reasons
                .iter()
                .any(|r| !r.text.trim().is_empty())
        })
        .collect();
    if rejected.len() < 2 {
        return Vec::new();
    }
    let reasons = rejected
        .iter()
        .flat_map(|i| &i.rejection_reasons)
        .filter(|r| !r.text.trim().is_empty());
    let total = reasons.clone().count();
    let outside: Vec<&str> = reasons
        .filter(|r| !r.in_my_control)
        .map(|r| r.text.trim())
        .collect();
    if outside.len() * 2 <= total {
        return Vec::new();
    }
    let mut examples: Vec<String> = Vec::new();
    for text in &outside {
        let t = clip(text, 60);
        if !examples
            .iter()
            .any(|e| e.to_lowercase() == t.to_lowercase())
        {
            examples.push(t);
        }
        if examples.len() == 2 {
            break;
        }
    }
    let examples = examples
        .iter()
        .map(|e| format!("“{e}”"))
        .collect::<Vec<_>>()
        .join(" and ");
    let body = format!(
        "Of the {total} reasons you noted for not getting an offer, {} were outside your \
         hands, like {examples}. They say more about the company's situation than about you. \
         Nothing to fix here; carry on at your own pace.",
        outside.len()
    );
    let evidence: Vec<(Evidence, Millis)> = rejected
        .iter()
        .filter(|i| {
            i.rejection_reasons
                .iter()
                .any(|r| !r.in_my_control && !r.text.trim().is_empty())
        })
        .map(|i| (ctx.evidence_for(EvidenceKind::Interview, &i.id), i.updated))
        .collect();
    let newest = rejected.iter().map(|i| i.updated).max().unwrap_or(0);
    vec![Draft {
        key: "not-personal".to_string(),
        title: "It is not personal".to_string(),
        body,
        evidence,
        step: None,
        reassurance: true,
        newest,
        extra: Vec::new(),
    }
    .finish()]
}

// ---------------------------------------------------------------------------------------------
// Rule 6: a quiet pipeline

fn quiet_pipeline(ctx: &Ctx) -> Vec<Insight> {
    let Some(latest) = ctx.interviews.iter().map(|i| i.created).max() else {
        return Vec::new();
    };
    let active: Vec<&Interview> = ctx
        .interviews
        .iter()
        .copied()
        .filter(|i| i.outcome.is_active())
        .collect();
    let quiet = latest < ctx.input.now.saturating_sub(QUIET_DAYS * DAY);
    if !quiet || active.len() as u64 >= u64::from(ctx.input.nudge_threshold) {
        return Vec::new();
    }
    let body = match active.len() {
        0 => "Nothing is in motion right now, and that is okay: searches have pauses. When you \
              feel ready, one new application is enough to get things moving again."
            .to_string(),
        1 => "One opportunity is in motion and nothing new has come in for a couple of weeks. \
              Lining up one or two more takes the pressure off that one, whatever it brings."
            .to_string(),
        n => format!(
            "{n} opportunities are in motion and nothing new has come in for a couple of \
             weeks. A few more would spread the pressure, so no single answer decides your week."
        ),
    };
    vec![Draft {
        key: "pipeline:quiet".to_string(),
        title: "A quiet couple of weeks".to_string(),
        body,
        evidence: active
            .iter()
            .map(|i| (ctx.evidence_for(EvidenceKind::Interview, &i.id), i.updated))
            .collect(),
        step: Some(NextStep::LogInterview),
        reassurance: false,
        newest: latest,
        extra: vec![latest],
    }
    .finish()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{MistakeNote, RejectionReason, Stage};
    use crate::core::plan::Source;
    use crate::core::questions::{bank, STARTER};
    use crate::core::test_days::{at, d};
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        d(2026, 3, 15)
    }

    fn now() -> Millis {
        at(today())
    }

    fn days_ago(n: i64) -> Millis {
        now() - n * DAY
    }

    fn interview(id: &str, company: &str, outcome: Outcome) -> Interview {
        Interview {
            id: id.into(),
            company: company.into(),
            role: "Engineer".into(),
            date: Some(d(2026, 3, 3)),
            stage: Stage::Interview,
            outcome,
            created: days_ago(30),
            updated: days_ago(20),
            ..Interview::default()
        }
    }

    fn reflection(id: &str, updated: Millis) -> Reflection {
        Reflection {
            id: id.into(),
            created: updated,
            updated,
            ..Reflection::default()
        }
    }

    fn mistake(kind: &str, fix: &str) -> MistakeNote {
        MistakeNote {
            extra: Default::default(),
            kind: kind.into(),
            fix: fix.into(),
        }
    }

    fn again(id: &str, when: Millis) -> ReviewEntry {
        ReviewEntry {
            extra: Default::default(),
            id: id.into(),
            at: when,
            grade: Grade::Again,
        }
    }

    #[derive(Default)]
    struct Data {
        interviews: Vec<Interview>,
        reflections: Vec<Reflection>,
        questions: Vec<Question>,
        reviews: Vec<ReviewEntry>,
        plan: Vec<PlanItem>,
    }

    impl Data {
        fn run(&self) -> Vec<Insight> {
            let questions = if self.questions.is_empty() {
                bank(&[])
            } else {
                self.questions.clone()
            };
            compute(&InsightInput {
                interviews: &self.interviews,
                reflections: &self.reflections,
                questions: &questions,
                reviews: &self.reviews,
                plan: &self.plan,
                nudge_threshold: 3,
                today: today(),
                now: now(),
            })
        }
    }

    fn find<'a>(all: &'a [Insight], key: &str) -> Option<&'a Insight> {
        all.iter().find(|i| i.key == key)
    }

    fn keys_with(all: &[Insight], prefix: &str) -> Vec<String> {
        all.iter()
            .filter(|i| i.key.starts_with(prefix))
            .map(|i| i.key.clone())
            .collect()
    }

    /// Three interviews at Acme, Globex and Initech.
    fn three() -> Vec<Interview> {
        vec![
            interview("a", "Acme", Outcome::Rejected),
            interview("b", "Globex", Outcome::Rejected),
            interview("c", "Initech", Outcome::Pending),
        ]
    }

    #[test]
    fn stopwords_are_sorted_and_long_enough() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOPWORDS.iter().all(|w| w.chars().count() >= 4));
    }

    #[test]
    fn folding_and_words() {
        assert_eq!(fold("stories"), "story");
        assert_eq!(fold("processes"), "process");
        assert_eq!(fold("approaches"), "approach");
        assert_eq!(fold("designs"), "design");
        assert_eq!(fold("status"), "status");
        assert_eq!(fold("analysis"), "analysis");
        assert_eq!(fold("class"), "class");
        assert_eq!(fold("négociations"), "négociation");
        assert_eq!(fold("bus"), "bus");
        assert_eq!(meaningful("really"), None);
        assert_eq!(meaningful("questions"), None, "folds to a stopword");
        assert_eq!(meaningful("sql"), None, "too short");
        assert_eq!(meaningful("2024"), None, "no letter");
        assert_eq!(meaningful(&"a".repeat(41)), None);
        let t = terms("System design, and: caching-layers! 🙂 SYSTEM design");
        assert_eq!(
            t.get("system design").map(String::as_str),
            Some("system design")
        );
        assert_eq!(
            t.get("caching layer").map(String::as_str),
            Some("caching layers")
        );
        assert!(
            !t.contains_key("design caching"),
            "punctuation breaks a phrase"
        );
        assert_eq!(normalised("Clear. Stories!"), " clear | story | ");
    }

    #[test]
    fn nothing_from_nothing() {
        let all = Data::default().run();
        assert!(all.is_empty(), "{all:#?}");
        let empty = compute(&InsightInput {
            interviews: &[],
            reflections: &[],
            questions: &[],
            reviews: &[],
            plan: &[],
            nudge_threshold: 0,
            today: today(),
            now: 0,
        });
        assert!(empty.is_empty());
    }

    #[test]
    fn next_step_labels() {
        let plan = NextStep::AddPlanItem {
            skill: "x".into(),
            why: "y".into(),
        };
        assert_eq!(plan.label(), "Add to my plan");
        let q = NextStep::AddQuestion {
            text: "x".into(),
            category: Category::Technical,
        };
        assert_eq!(q.label(), "Add this question");
        let p = NextStep::Practise {
            category: Category::Behavioural,
        };
        assert_eq!(p.label(), "Practise Behavioural");
        assert_eq!(NextStep::LogInterview.label(), "Log an interview");
    }

    // Rule 1 ------------------------------------------------------------------------------

    #[test]
    fn the_same_mistake_twice_suggests_a_plan_item() {
        let mut r1 = reflection("a", days_ago(10));
        r1.mistakes = vec![mistake("rambling", ""), mistake("late", "")];
        let mut r2 = reflection("b", days_ago(5));
        r2.mistakes = vec![mistake("rambling", "Stop after the result")];
        let data = Data {
            interviews: three(),
            reflections: vec![r1, r2],
            ..Data::default()
        };
        let all = data.run();
        assert_eq!(keys_with(&all, "mistake:"), vec!["mistake:rambling"]);
        let i = find(&all, "mistake:rambling").unwrap();
        assert_eq!(i.title, "Rambled or lost the thread, twice");
        assert!(
            i.body.contains("2 interviews (Globex and Acme)"),
            "{}",
            i.body
        );
        assert!(
            i.body.contains("Stop after the result"),
            "the user's own fix"
        );
        assert_eq!(i.evidence.len(), 2);
        assert!(i
            .evidence
            .iter()
            .all(|e| e.kind == EvidenceKind::Reflection));
        assert_eq!(i.evidence[0].id, "b", "newest first");
        assert_eq!(i.evidence[0].label, "Engineer at Globex, 3 Mar");
        assert_eq!(i.evidence[0].link(), "/interviews/b");
        assert_eq!(i.newest, days_ago(5));
        assert!(!i.reassurance);
        match &i.step {
            Some(NextStep::AddPlanItem { skill, why }) => {
                assert_eq!(skill, "Rambled or lost the thread");
                assert!(why.contains("2 interviews"), "{why}");
                assert!(why.contains("answer in STAR order"), "{why}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn one_mistake_once_is_not_a_pattern() {
        // Ticked twice in one reflection, stored twice under one id, or ticked once.
        let mut r1 = reflection("a", days_ago(10));
        r1.mistakes = vec![mistake("rambling", ""), mistake(" rambling ", "")];
        let mut r1_again = r1.clone();
        r1_again.updated += 1;
        let mut r2 = reflection("b", days_ago(5));
        r2.mistakes = vec![mistake("late", ""), mistake("", "")];
        let mut r3 = reflection("c", days_ago(5));
        r3.mistakes = vec![mistake("", "")];
        let data = Data {
            interviews: three(),
            reflections: vec![r1, r1_again, r2, r3],
            ..Data::default()
        };
        assert!(keys_with(&data.run(), "mistake:").is_empty());
    }

    #[test]
    fn a_mistake_already_on_the_plan_has_no_step_and_unknown_kinds_show_as_themselves() {
        let mut r1 = reflection("a", days_ago(10));
        r1.mistakes = vec![
            mistake("nerves", ""),
            mistake("Forgot water", "bring a bottle"),
        ];
        let mut r2 = reflection("b", days_ago(5));
        r2.mistakes = vec![mistake("nerves", ""), mistake("Forgot water", "")];
        let data = Data {
            interviews: three(),
            reflections: vec![r1, r2],
            plan: vec![PlanItem {
                skill: " nerves got the better of me ".into(),
                ..PlanItem::default()
            }],
            ..Data::default()
        };
        let all = data.run();
        let nerves = find(&all, "mistake:nerves").unwrap();
        assert_eq!(nerves.step, None);
        assert!(nerves.body.contains("already on your plan"));
        let water = find(&all, "mistake:Forgot water").unwrap();
        match &water.step {
            Some(NextStep::AddPlanItem { skill, why }) => {
                assert_eq!(skill, "Forgot water");
                assert!(why.contains("bring a bottle"), "{why}");
            }
            other => panic!("{other:?}"),
        }
    }

    // Rule 2 ------------------------------------------------------------------------------

    #[test]
    fn a_topic_unprepared_for_twice_suggests_a_question() {
        let mut r1 = reflection("a", days_ago(10));
        r1.not_prepared = "System design questions about scaling a chat app".into();
        let mut r2 = reflection("b", days_ago(5));
        r2.not_prepared = "The SYSTEM DESIGN round, especially caching.".into();
        let mut r3 = reflection("c", days_ago(4));
        r3.not_prepared = "Salary expectations".into();
        let data = Data {
            interviews: three(),
            reflections: vec![r1, r2, r3],
            ..Data::default()
        };
        let all = data.run();
        assert_eq!(
            keys_with(&all, "unprepared:"),
            vec!["unprepared:system design"],
            "one insight for the phrase, not one per word"
        );
        let i = find(&all, "unprepared:system design").unwrap();
        assert_eq!(i.title, "System design came up again");
        assert!(i.body.contains("2 interviews"));
        assert_eq!(i.evidence.len(), 2);
        assert_eq!(
            i.step,
            Some(NextStep::AddQuestion {
                text: "How would you approach system design?".into(),
                category: Category::Technical,
            })
        );
    }

    #[test]
    fn topics_fold_plurals_and_case_in_any_script() {
        let mut r1 = reflection("a", days_ago(10));
        r1.not_prepared = "Questions about difficult stakeholders".into();
        let mut r2 = reflection("b", days_ago(5));
        r2.not_prepared = "a stakeholder question 🙃".into();
        let mut r3 = reflection("c", days_ago(3));
        r3.not_prepared = "CAFÉ Négociations".into();
        let mut r4 = reflection("d", days_ago(2));
        r4.not_prepared = "café négociation?".into();
        let mut interviews = three();
        interviews.push(interview("d", "Dunder", Outcome::Pending));
        let data = Data {
            interviews,
            reflections: vec![r1, r2, r3, r4],
            ..Data::default()
        };
        let all = data.run();
        let mut keys = keys_with(&all, "unprepared:");
        keys.sort();
        assert_eq!(
            keys,
            vec!["unprepared:café négociation", "unprepared:stakeholder"]
        );
        let s = find(&all, "unprepared:stakeholder").unwrap();
        assert!(matches!(
            s.step,
            Some(NextStep::AddQuestion {
                category: Category::Behavioural,
                ..
            })
        ));
    }

    #[test]
    fn no_topic_from_one_reflection_or_from_stopwords() {
        let mut r1 = reflection("a", days_ago(10));
        r1.not_prepared = "system design, system design, system design".into();
        let data = Data {
            interviews: three(),
            reflections: vec![r1],
            ..Data::default()
        };
        assert!(keys_with(&data.run(), "unprepared:").is_empty());

        let mut r1 = reflection("a", days_ago(10));
        r1.not_prepared = "I was not really prepared for that at all, they asked about it".into();
        let mut r2 = reflection("b", days_ago(5));
        r2.not_prepared = "Nothing really. What they asked was about the interview".into();
        let mut r3 = reflection("c", days_ago(5));
        r3.not_prepared = "SQL, SQL and more SQL: 2024 2024".into();
        let mut r4 = reflection("d", days_ago(5));
        r4.not_prepared = "sql 2024".into();
        let data = Data {
            interviews: three(),
            reflections: vec![r1, r2, r3, r4],
            ..Data::default()
        };
        assert!(keys_with(&data.run(), "unprepared:").is_empty());
    }

    #[test]
    fn a_topic_already_in_the_bank_suggests_practice() {
        let mut r1 = reflection("a", days_ago(10));
        r1.not_prepared = "Kubernetes".into();
        let mut r2 = reflection("b", days_ago(5));
        r2.not_prepared = "kubernetes again".into();
        let mut questions = bank(&[]);
        questions.push(Question::new(
            "q".into(),
            "How would you approach Kubernetes?".into(),
            Category::Technical,
            days_ago(3),
        ));
        let data = Data {
            interviews: three(),
            reflections: vec![r1, r2],
            questions,
            ..Data::default()
        };
        let all = data.run();
        // The key is folded; the words are shown as written.
        let i = find(&all, "unprepared:kubernete").unwrap();
        assert_eq!(i.title, "Kubernetes came up again");
        assert_eq!(
            i.step,
            Some(NextStep::Practise {
                category: Category::Technical
            })
        );
    }

    // Rule 3 ------------------------------------------------------------------------------

    fn starters(category: Category) -> Vec<&'static str> {
        STARTER
            .iter()
            .filter(|s| s.category == category)
            .map(|s| s.id)
            .collect()
    }

    #[test]
    fn the_category_with_most_agains_lately_suggests_practice() {
        let tech = starters(Category::Technical);
        let beh = starters(Category::Behavioural);
        let sal = starters(Category::Salary);
        let mut reviews = vec![
            again(tech[0], days_ago(1)),
            again(tech[0], days_ago(2)),
            again(tech[1], days_ago(29)),
            again(beh[0], days_ago(1)),
            again(beh[0], days_ago(1)),
            again("gone", days_ago(1)),
            again("gone", days_ago(1)),
            again("gone", days_ago(1)),
            again("gone", days_ago(1)),
        ];
        // Many Agains on salary, but more than 30 days ago.
        for n in 0..10 {
            reviews.push(again(sal[0], days_ago(31 + n)));
        }
        for n in 0..10 {
            reviews.push(ReviewEntry {
                extra: Default::default(),
                id: beh[1].into(),
                at: days_ago(n),
                grade: Grade::Good,
            });
        }
        let data = Data {
            reviews,
            ..Data::default()
        };
        let all = data.run();
        assert_eq!(keys_with(&all, "again:"), vec!["again:technical"]);
        let i = find(&all, "again:technical").unwrap();
        assert_eq!(
            i.step,
            Some(NextStep::Practise {
                category: Category::Technical
            })
        );
        let ids: Vec<&str> = i.evidence.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, vec![tech[0], tech[1]], "most Agains first");
        assert!(i.evidence.iter().all(|e| e.kind == EvidenceKind::Question));
        assert_eq!(i.evidence[0].link(), format!("/questions/{}", tech[0]));
        assert_eq!(i.newest, days_ago(1));
        assert!(i.body.contains("3 times"), "{}", i.body);
        assert!(i.body.contains("2 questions"), "{}", i.body);
    }

    #[test]
    fn too_few_agains_is_no_pattern() {
        let tech = starters(Category::Technical);
        let data = Data {
            reviews: vec![
                again(tech[0], days_ago(1)),
                again(tech[1], days_ago(2)),
                again(tech[2], days_ago(31)),
                ReviewEntry {
                    extra: Default::default(),
                    id: tech[3].into(),
                    at: days_ago(1),
                    grade: Grade::Hard,
                },
            ],
            ..Data::default()
        };
        assert!(keys_with(&data.run(), "again:").is_empty());
    }

    // Rule 4 ------------------------------------------------------------------------------

    #[test]
    fn feedback_themes_and_shared_words_repeat() {
        let mut interviews = three();
        interviews[0].feedback.said =
            "Answers could be more concise; communication was a bit unclear. Loved your \
             Kubernetes work. Lots of experience."
                .into();
        interviews[0].updated = days_ago(3);
        interviews[1].feedback.said =
            "Work on clarity and STRUCTURE. Needs more kubernetes depth.".into();
        interviews[1].updated = days_ago(2);
        interviews[2].feedback.said = "   ".into();
        let data = Data {
            interviews,
            ..Data::default()
        };
        let all = data.run();
        let mut keys = keys_with(&all, "feedback:");
        keys.sort();
        assert_eq!(
            keys,
            vec!["feedback:communication", "feedback:word:kubernete"],
            "experience and depth come up once only"
        );
        let c = find(&all, "feedback:communication").unwrap();
        assert_eq!(c.title, "Feedback that repeats: communication and clarity");
        assert!(c.evidence.iter().all(|e| e.kind == EvidenceKind::Feedback));
        assert_eq!(c.evidence.len(), 2);
        assert_eq!(c.newest, days_ago(2));
        match &c.step {
            Some(NextStep::AddPlanItem { skill, why }) => {
                assert_eq!(skill, "Clear, concise answers");
                assert!(why.contains("2 interviews (Acme and Globex)"), "{why}");
            }
            other => panic!("{other:?}"),
        }
        let k = find(&all, "feedback:word:kubernete").unwrap();
        assert_eq!(k.title, "Feedback that repeats: “kubernetes”");
        assert!(
            matches!(&k.step, Some(NextStep::AddPlanItem { skill, .. }) if skill == "Kubernetes")
        );
    }

    #[test]
    fn feedback_once_or_without_common_ground_is_no_pattern() {
        let mut interviews = three();
        interviews[0].feedback.said = "Communication was unclear.".into();
        let data = Data {
            interviews: interviews.clone(),
            ..Data::default()
        };
        assert!(keys_with(&data.run(), "feedback:").is_empty());

        interviews[1].feedback.said = "Great energy, thanks for coming in.".into();
        let data = Data {
            interviews,
            ..Data::default()
        };
        assert!(keys_with(&data.run(), "feedback:").is_empty());
    }

    // Rule 5 ------------------------------------------------------------------------------

    fn reason(text: &str, in_my_control: bool) -> RejectionReason {
        RejectionReason {
            extra: Default::default(),
            text: text.into(),
            in_my_control,
        }
    }

    #[test]
    fn mostly_outside_reasons_say_it_is_not_personal() {
        let mut interviews = three();
        interviews[0].rejection_reasons = vec![reason("They hired an internal candidate", false)];
        interviews[1].rejection_reasons = vec![
            reason("The role was frozen", false),
            reason("A skill gap they pointed out", true),
        ];
        let data = Data {
            interviews,
            ..Data::default()
        };
        let all = data.run();
        let i = find(&all, "not-personal").unwrap();
        assert!(i.reassurance);
        assert_eq!(i.step, None);
        assert_eq!(i.title, "It is not personal");
        assert!(i.body.contains("Of the 3 reasons"), "{}", i.body);
        assert!(i.body.contains("2 were outside your hands"), "{}", i.body);
        assert!(i.body.contains("internal candidate"));
        assert_eq!(i.evidence.len(), 2);
        assert!(i.evidence.iter().all(|e| e.kind == EvidenceKind::Interview));
    }

    #[test]
    fn not_personal_needs_two_rejections_and_a_majority() {
        // One rejection only (the other interview with reasons is not a rejection).
        let mut interviews = three();
        interviews[0].rejection_reasons = vec![reason("Internal candidate", false)];
        interviews[2].rejection_reasons = vec![reason("Referral", false)];
        interviews[1].rejection_reasons = vec![reason("  ", false)];
        let data = Data {
            interviews,
            ..Data::default()
        };
        assert!(find(&data.run(), "not-personal").is_none());

        // Half and half is not most.
        let mut interviews = three();
        interviews[0].rejection_reasons = vec![reason("Internal candidate", false)];
        interviews[1].rejection_reasons = vec![
            reason("Referral", false),
            reason("Skill gap", true),
            reason("How I came across", true),
        ];
        let data = Data {
            interviews,
            ..Data::default()
        };
        assert!(find(&data.run(), "not-personal").is_none());
    }

    // Rule 6 ------------------------------------------------------------------------------

    #[test]
    fn a_quiet_pipeline_gently_suggests_logging_one() {
        let data = Data {
            interviews: three(), // one pending, the newest logged 30 days ago
            ..Data::default()
        };
        let all = data.run();
        let i = find(&all, "pipeline:quiet").unwrap();
        assert_eq!(i.step, Some(NextStep::LogInterview));
        assert!(
            i.body.starts_with("One opportunity is in motion"),
            "{}",
            i.body
        );
        assert_eq!(i.evidence.len(), 1);
        assert_eq!(i.evidence[0].id, "c");
        assert_eq!(i.newest, days_ago(30));
        for word in ["should", "must", "only", "failed", "score"] {
            assert!(!i.body.to_lowercase().contains(word), "{}", i.body);
        }
    }

    #[test]
    fn a_busy_or_recent_pipeline_is_left_alone() {
        // Something logged 5 days ago.
        let mut interviews = three();
        interviews[0].created = days_ago(5);
        let data = Data {
            interviews,
            ..Data::default()
        };
        assert!(find(&data.run(), "pipeline:quiet").is_none());
        // Three active with a threshold of three.
        let mut interviews = three();
        for i in &mut interviews {
            i.outcome = Outcome::Pending;
        }
        let data = Data {
            interviews,
            ..Data::default()
        };
        assert!(find(&data.run(), "pipeline:quiet").is_none());
        // Exactly 14 days ago still counts as recent.
        let mut interviews = three();
        interviews[1].created = days_ago(QUIET_DAYS);
        let data = Data {
            interviews,
            ..Data::default()
        };
        assert!(find(&data.run(), "pipeline:quiet").is_none());
    }

    // Dismissing, order, fingerprints -----------------------------------------------------

    fn patterned() -> Data {
        let mut r1 = reflection("a", days_ago(10));
        r1.mistakes = vec![mistake("late", "")];
        let mut r2 = reflection("b", days_ago(5));
        r2.mistakes = vec![mistake("late", "")];
        let mut interviews = three();
        interviews[0].rejection_reasons = vec![reason("Internal candidate", false)];
        interviews[1].rejection_reasons = vec![reason("Frozen", false)];
        interviews[1].updated = days_ago(1);
        Data {
            interviews,
            reflections: vec![r1, r2],
            ..Data::default()
        }
    }

    #[test]
    fn newest_first() {
        let all = patterned().run();
        let keys: Vec<&str> = all.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys, vec!["not-personal", "mistake:late", "pipeline:quiet"]);
        assert!(all.windows(2).all(|w| w[0].newest >= w[1].newest));
    }

    #[test]
    fn dismissed_stays_hidden_until_the_evidence_changes() {
        let data = patterned();
        let all = data.run();
        let late = find(&all, "mistake:late").unwrap().clone();
        let mut dismissed = BTreeMap::new();
        dismissed.insert(late.key.clone(), late.fingerprint.clone());
        dismissed.insert("unknown".to_string(), "x".to_string());
        let shown = visible(&all, &dismissed);
        assert_eq!(shown.len(), all.len() - 1);
        assert!(shown.iter().all(|i| i.key != "mistake:late"));

        // Same data, other order: same fingerprint, still hidden.
        let mut reordered = patterned();
        reordered.reflections.reverse();
        reordered.interviews.reverse();
        let again = reordered.run();
        assert_eq!(
            find(&again, "mistake:late").unwrap().fingerprint,
            late.fingerprint
        );
        assert_eq!(visible(&again, &dismissed).len(), all.len() - 1);

        // A reflection edited: the insight comes back.
        let mut edited = patterned();
        edited.reflections[0].updated += 1;
        let after = edited.run();
        assert_ne!(
            find(&after, "mistake:late").unwrap().fingerprint,
            late.fingerprint
        );
        assert_eq!(visible(&after, &dismissed).len(), after.len());

        // A third reflection: back too.
        let mut more = patterned();
        let mut r3 = reflection("c", days_ago(1));
        r3.mistakes = vec![mistake("late", "")];
        more.reflections.push(r3);
        let after = more.run();
        assert!(visible(&after, &dismissed)
            .iter()
            .any(|i| i.key == "mistake:late"));
        // Fingerprints differ between insights.
        let fps: HashSet<&str> = all.iter().map(|i| i.fingerprint.as_str()).collect();
        assert_eq!(fps.len(), all.len());
    }

    #[test]
    fn labels_add_the_year_when_not_this_year_and_survive_missing_interviews() {
        let mut interviews = three();
        interviews[0].date = Some(d(2025, 11, 30));
        interviews[1].date = None;
        interviews[1].created = at(d(2026, 1, 2));
        let mut r1 = reflection("a", days_ago(10));
        r1.mistakes = vec![mistake("late", "")];
        let mut r2 = reflection("b", days_ago(5));
        r2.mistakes = vec![mistake("late", "")];
        let mut r3 = reflection("deleted", days_ago(4));
        r3.mistakes = vec![mistake("late", "")];
        let data = Data {
            interviews,
            reflections: vec![r1, r2, r3],
            ..Data::default()
        };
        let all = data.run();
        let labels: Vec<&str> = find(&all, "mistake:late")
            .unwrap()
            .evidence
            .iter()
            .map(|e| e.label.as_str())
            .collect();
        assert_eq!(
            labels,
            vec![
                "An earlier interview",
                "Engineer at Globex, 2 Jan",
                "Engineer at Acme, 30 Nov 2025"
            ]
        );
    }

    // Robustness and speed ----------------------------------------------------------------

    #[test]
    fn huge_and_strange_text_is_fine() {
        let huge = "système 🙂 design\u{0}\u{200b}—".repeat(50_000);
        let mut interviews = three();
        for i in &mut interviews {
            i.feedback.said = huge.clone();
            i.company = huge.clone();
        }
        let reflections: Vec<Reflection> = ["a", "b", "c"]
            .iter()
            .map(|id| Reflection {
                not_prepared: huge.clone(),
                mistakes: vec![mistake(&huge, &huge)],
                ..reflection(id, days_ago(1))
            })
            .collect();
        let data = Data {
            interviews,
            reflections,
            ..Data::default()
        };
        let all = data.run();
        // Emoji, NUL, zero-width space and dashes end phrases: "système" and "design" are
        // words of their own here.
        assert!(find(&all, "unprepared:système").is_some(), "{all:#?}");
        for i in &all {
            assert!(i.key.chars().count() < 200, "{}", i.key.len());
            assert!(i.title.chars().count() < 300);
            assert!(i.body.chars().count() < 2_000, "{}", i.body.len());
            assert!(i.evidence.iter().all(|e| e.label.chars().count() < 100));
        }
    }

    /// A big but plausible data set: 300 interviews and reflections, 1,500 questions, 30,000
    /// ratings over a year.
    fn big() -> Data {
        const FEEDBACK: [&str; 6] = [
            "Strong on technical depth but answers were long; more structure would help.",
            "We went with someone with more experience in distributed systems.",
            "Good examples, though some were vague on the result.",
            "Lovely conversation. We were looking for more leadership experience.",
            "Communication was clear; system design could go deeper.",
            "Not enough research about our product and customers.",
        ];
        const TOPICS: [&str; 6] = [
            "System design of a rate limiter",
            "Questions about stakeholder management and conflicts",
            "Salary expectations and notice period",
            "The take-home about SQL window functions",
            "Why I left my last job, and a gap in my résumé",
            "Behavioural questions on failure 😅",
        ];
        let mut interviews = Vec::new();
        let mut reflections = Vec::new();
        for n in 0..300i64 {
            let id = format!("i{n}");
            let mut i = interview(
                &id,
                &format!("Company {n}"),
                Outcome::ALL[n as usize % 5].clone(),
            );
            i.created = days_ago(400 - n);
            i.updated = days_ago(399 - n);
            i.feedback.said = FEEDBACK[n as usize % FEEDBACK.len()].repeat(2);
            i.rejection_reasons = vec![
                reason(
                    COMMON_REJECTION[n as usize % 8].0,
                    COMMON_REJECTION[n as usize % 8].1,
                ),
                reason("Another reason", n % 3 == 0),
            ];
            interviews.push(i);
            let mut r = reflection(&id, days_ago(399 - n));
            r.not_prepared = format!(
                "{}. Also {}. {}",
                TOPICS[n as usize % TOPICS.len()],
                TOPICS[(n as usize * 7) % TOPICS.len()],
                "Some more thoughts about the day and how it went, written at length. ".repeat(5)
            );
            r.fell_short = "I rambled a bit".into();
            r.mistakes = vec![
                mistake(COMMON_MISTAKES[n as usize % 8].0, "a fix"),
                mistake(COMMON_MISTAKES[(n as usize + 3) % 8].0, ""),
            ];
            reflections.push(r);
        }
        let own: Vec<Question> = (0..1_436)
            .map(|n| {
                Question::new(
                    format!("q{n}"),
                    format!("Question number {n} about something hard?"),
                    Category::ALL[n % 8].clone(),
                    days_ago(300),
                )
            })
            .collect();
        let questions = bank(&own);
        assert_eq!(questions.len(), 1_500);
        let mut seed: u64 = 42;
        let mut next = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            seed >> 33
        };
        let reviews: Vec<ReviewEntry> = (0..30_000)
            .map(|_| ReviewEntry {
                extra: Default::default(),
                id: questions[next() as usize % questions.len()].id.clone(),
                at: days_ago((next() % 365) as i64),
                grade: Grade::ALL[next() as usize % 4],
            })
            .collect();
        let plan: Vec<PlanItem> = (0..40)
            .map(|n| PlanItem {
                skill: format!("Skill {n}"),
                sources: vec![Source::default()],
                ..PlanItem::default()
            })
            .collect();
        Data {
            interviews,
            reflections,
            questions,
            reviews,
            plan,
        }
    }

    use crate::core::model::COMMON_REJECTION_REASONS as COMMON_REJECTION;

    #[test]
    fn fast_on_a_big_data_set() {
        let data = big();
        let input = InsightInput {
            interviews: &data.interviews,
            reflections: &data.reflections,
            questions: &data.questions,
            reviews: &data.reviews,
            plan: &data.plan,
            nudge_threshold: 3,
            today: today(),
            now: now(),
        };
        // Warm up once, then take the best of three.
        let all = compute(&input);
        let mut best = std::time::Duration::MAX;
        for _ in 0..3 {
            let start = std::time::Instant::now();
            let again = compute(&input);
            best = best.min(start.elapsed());
            assert_eq!(again, all);
        }
        println!(
            "insights::compute on 300 interviews + reflections, 1,500 questions, 30,000 \
             ratings: {best:?} ({} insights)",
            all.len()
        );
        assert!(best.as_millis() < 500, "{best:?}");
        // Every rule that can fire on this data does.
        for prefix in [
            "mistake:",
            "unprepared:",
            "again:",
            "feedback:",
            "not-personal",
        ] {
            assert!(!keys_with(&all, prefix).is_empty(), "{prefix}");
        }
        assert!(keys_with(&all, "unprepared:").len() <= MAX_TOPICS);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn never_panics_on_any_text(
            texts in proptest::collection::vec(any::<String>(), 1..6),
            said in proptest::collection::vec(".{0,200}", 1..6),
            kinds in proptest::collection::vec(any::<String>(), 0..4),
            stamps in proptest::collection::vec(any::<i64>(), 1..6),
            threshold in any::<u32>(),
            now in any::<i64>(),
        ) {
            let interviews: Vec<Interview> = said
                .iter()
                .enumerate()
                .map(|(n, s)| Interview {
                    id: format!("i{n}"),
                    company: s.clone(),
                    role: texts[n % texts.len()].clone(),
                    date: None,
                    outcome: Outcome::ALL[n % 5].clone(),
                    rejection_reasons: vec![reason(s, n % 2 == 0), reason(s, false)],
                    created: stamps[n % stamps.len()],
                    updated: stamps[(n + 1) % stamps.len()],
                    feedback: crate::core::model::Feedback {
                        said: s.clone(),
                        ..Default::default()
                    },
                    ..Interview::default()
                })
                .collect();
            let reflections: Vec<Reflection> = texts
                .iter()
                .enumerate()
                .map(|(n, t)| Reflection {
                    id: format!("i{}", n % (said.len() + 1)),
                    not_prepared: t.clone(),
                    mistakes: kinds.iter().map(|k| mistake(k, t)).collect(),
                    created: stamps[n % stamps.len()],
                    updated: stamps[n % stamps.len()],
                    ..Reflection::default()
                })
                .collect();
            let questions = bank(&[]);
            let reviews: Vec<ReviewEntry> = stamps
                .iter()
                .enumerate()
                .map(|(n, t)| again(questions[n % questions.len()].id.as_str(), *t))
                .collect();
            let all = compute(&InsightInput {
                interviews: &interviews,
                reflections: &reflections,
                questions: &questions,
                reviews: &reviews,
                plan: &[],
                nudge_threshold: threshold,
                today: today(),
                now,
            });
            for i in &all {
                prop_assert!(!i.key.is_empty());
                prop_assert_eq!(i.fingerprint.len(), 16);
                prop_assert!(!i.title.is_empty());
            }
            let none = BTreeMap::new();
            prop_assert_eq!(visible(&all, &none).len(), all.len());
        }
    }
}
