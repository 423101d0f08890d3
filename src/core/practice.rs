//! Practise: spaced repetition over the question bank. Scheduling is FSRS through the `rs-fsrs`
//! crate (the scheduler modern Anki uses); this module only translates between the app's compact
//! stored records and the crate's types, and builds the due queue, undo and labels around it.
//!
//! Stored shapes (kept small: a year of practice over a big bank must fit in localStorage):
//! - [`CardState`]: one object a question, short keys (`i` id, `d` due, `s` stability,
//!   `df` difficulty, `r` reps, `l` lapses, `st` state, `lr` last review, `u` updated).
//! - [`ReviewEntry`]: one JSON array a rating, `[question id, at ms, grade 1-4, secs]`; the
//!   seconds spent on the card (since issue 14) are optional, and older entries have none.

use std::collections::{HashMap, HashSet};
use std::fmt;

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, Parameters, Rating, State, FSRS};
use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::model::{Extra, Id, Millis, Versioned};

pub(crate) const MINUTE: i64 = 60_000;
pub(crate) const HOUR: i64 = 60 * MINUTE;
pub(crate) const DAY: i64 = 24 * HOUR;
/// The latest time the scheduler is given (end of year 9999): later clocks are garbage, and
/// this keeps every date sum far inside chrono's range.
const MAX_MILLIS: Millis = 253_402_300_799_999;
/// Counts above this are clamped before they reach the crate (which adds to them in `i32`).
const MAX_COUNT: u32 = 1_000_000;

/// How well the answer came back.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    pub fn label(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }

    /// 1 (Again) to 4 (Easy): the keyboard shortcut and the stored form.
    pub fn key(self) -> u8 {
        match self {
            Grade::Again => 1,
            Grade::Hard => 2,
            Grade::Good => 3,
            Grade::Easy => 4,
        }
    }

    pub fn from_key(k: u8) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.key() == k)
    }

    fn rating(self) -> Rating {
        match self {
            Grade::Again => Rating::Again,
            Grade::Hard => Rating::Hard,
            Grade::Good => Rating::Good,
            Grade::Easy => Rating::Easy,
        }
    }
}

/// The schedule of one question, stored compactly.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug, Default)]
#[serde(default)]
pub struct CardState {
    /// The question's id.
    #[serde(rename = "i")]
    pub id: Id,
    #[serde(rename = "d")]
    pub due: Millis,
    #[serde(rename = "s")]
    pub stability: f64,
    #[serde(rename = "df")]
    pub difficulty: f64,
    #[serde(rename = "r")]
    pub reps: u32,
    #[serde(rename = "l", skip_serializing_if = "is_zero")]
    pub lapses: u32,
    /// 0 new, 1 learning, 2 review, 3 relearning.
    #[serde(rename = "st")]
    pub state: u8,
    #[serde(rename = "lr", skip_serializing_if = "Option::is_none")]
    pub last_review: Option<Millis>,
    /// When last rated.
    #[serde(rename = "u")]
    pub updated: Millis,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Versioned for CardState {
    fn id(&self) -> &str {
        &self.id
    }
    fn updated(&self) -> Millis {
        self.updated
    }
}

/// One rating. Stored as a JSON array `[question id, at ms, grade 1-4]`, followed by whatever
/// a newer version adds (kept in `extra` and written back unchanged).
///
/// The fourth element is the seconds spent on the card ([`ReviewEntry::secs`]), recorded since
/// issue 14. It lives in `extra` (as `extra[0]`) rather than in a field of its own: builds from
/// before it already keep trailing elements as they are, so they keep the seconds too, and an
/// entry without them is exactly the entry it always was.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ReviewEntry {
    pub id: Id,
    pub at: Millis,
    pub grade: Grade,
    /// Elements after the grade: the seconds ([`ReviewEntry::secs`]), then whatever a newer
    /// version adds.
    pub extra: Vec<serde_json::Value>,
}

impl ReviewEntry {
    /// The most seconds recorded for one card: a card left open while away says nothing about
    /// how long one takes.
    pub const MAX_SECS: u32 = 30 * 60;

    pub fn new(id: Id, at: Millis, grade: Grade) -> ReviewEntry {
        ReviewEntry {
            id,
            at,
            grade,
            extra: Vec::new(),
        }
    }

    /// The seconds spent on the card before rating it, when recorded: the fourth element, read
    /// leniently (a number is rounded and kept within 0..=u32::MAX; `null`, a missing element or
    /// anything else is unknown).
    pub fn secs(&self) -> Option<u32> {
        let secs = self.extra.first()?.as_f64()?;
        // `as` saturates; NaN cannot come from JSON.
        secs.is_finite().then(|| secs.round().max(0.0) as u32)
    }

    /// Record the seconds spent on the card (cut to [`ReviewEntry::MAX_SECS`]) as the fourth
    /// element. Meant for a rating just made (whose `extra` is empty); on an entry that already
    /// has a fourth element, that element is replaced and the rest kept.
    pub fn set_secs(&mut self, secs: u32) {
        let value = serde_json::Value::from(secs.min(Self::MAX_SECS));
        match self.extra.first_mut() {
            Some(slot) => *slot = value,
            None => self.extra.push(value),
        }
    }

    /// The same entry with the seconds recorded (see [`ReviewEntry::set_secs`]).
    pub fn with_secs(mut self, secs: u32) -> ReviewEntry {
        self.set_secs(secs);
        self
    }
}

/// The time per card assumed before any rating has recorded one.
pub const DEFAULT_SECS_PER_CARD: u32 = 90;
/// How many of the latest timed ratings [`secs_per_card`] looks at.
const SECS_WINDOW: usize = 100;

/// The user's own time per card: the median of the seconds recorded on the latest
/// [`SECS_WINDOW`] ratings that have them (the log's last entries are the latest), at least 1;
/// [`DEFAULT_SECS_PER_CARD`] (90 s) before any rating has them.
pub fn secs_per_card(log: &[ReviewEntry]) -> u32 {
    let mut recent: Vec<u32> = log
        .iter()
        .rev()
        .filter_map(ReviewEntry::secs)
        .take(SECS_WINDOW)
        .collect();
    if recent.is_empty() {
        return DEFAULT_SECS_PER_CARD;
    }
    crate::core::order::sort_by_key(&mut recent, |s| *s);
    let mid = recent.len() / 2;
    let median = if recent.len() % 2 == 1 {
        recent[mid]
    } else {
        let (a, b) = (u64::from(recent[mid - 1]), u64::from(recent[mid]));
        u32::try_from((a + b).div_ceil(2)).unwrap_or(u32::MAX)
    };
    median.max(1)
}

impl Serialize for ReviewEntry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(3 + self.extra.len()))?;
        seq.serialize_element(&self.id)?;
        seq.serialize_element(&self.at)?;
        seq.serialize_element(&self.grade.key())?;
        for e in &self.extra {
            seq.serialize_element(e)?;
        }
        seq.end()
    }
}

/// A number written as an integer or a float (hand-edited or foreign data).
#[derive(Deserialize)]
#[serde(untagged)]
enum LenientNumber {
    Int(i64),
    Float(f64),
}

impl LenientNumber {
    fn to_i64(&self) -> i64 {
        match *self {
            LenientNumber::Int(n) => n,
            // `as` saturates (NaN gives 0).
            LenientNumber::Float(f) => f.round() as i64,
        }
    }
}

impl<'de> Deserialize<'de> for ReviewEntry {
    /// Lenient: a float time is rounded, a grade outside 1-4 is clamped into it, a missing grade
    /// reads as Good, and extra trailing elements are kept as they are. The id and time are
    /// required.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntryVisitor;
        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = ReviewEntry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array [question id, at ms, grade 1-4]")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ReviewEntry, A::Error> {
                let id: String = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let at: LenientNumber = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(1, &self))?;
                let grade = match seq.next_element::<LenientNumber>()? {
                    Some(n) => {
                        let key = n.to_i64().clamp(1, 4) as u8;
                        Grade::from_key(key).unwrap_or(Grade::Good)
                    }
                    None => Grade::Good,
                };
                let mut extra = Vec::new();
                while let Some(e) = seq.next_element::<serde_json::Value>()? {
                    extra.push(e);
                }
                Ok(ReviewEntry {
                    id,
                    at: at.to_i64(),
                    grade,
                    extra,
                })
            }
        }
        deserializer.deserialize_seq(EntryVisitor)
    }
}

/// The user's practice settings.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct PracticeSettings {
    /// The recall probability FSRS aims for when a card comes due; used clamped to 0.7..=0.97.
    pub desired_retention: f64,
    /// New questions introduced a day.
    pub new_per_day: u32,
}

impl Default for PracticeSettings {
    fn default() -> Self {
        PracticeSettings {
            desired_retention: 0.9,
            new_per_day: 10,
        }
    }
}

impl PracticeSettings {
    pub const MIN_RETENTION: f64 = 0.7;
    pub const MAX_RETENTION: f64 = 0.97;

    /// The retention actually used: clamped to 0.7..=0.97 (0.9 if not a number).
    pub fn retention(&self) -> f64 {
        if self.desired_retention.is_finite() {
            self.desired_retention
                .clamp(Self::MIN_RETENTION, Self::MAX_RETENTION)
        } else {
            0.9
        }
    }
}

fn to_datetime(ms: Millis) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(clamp_millis(ms)).unwrap_or_default()
}

pub(crate) fn to_state(s: u8) -> State {
    match s {
        0 => State::New,
        1 => State::Learning,
        3 => State::Relearning,
        // 2, or anything unknown from a newer build: a reviewed card.
        _ => State::Review,
    }
}

pub(crate) fn from_state(s: State) -> u8 {
    match s {
        State::New => 0,
        State::Learning => 1,
        State::Review => 2,
        State::Relearning => 3,
    }
}

/// Stored values are kept to 4 decimals: plenty for scheduling, and a third of the bytes.
pub(crate) fn round4(x: f64) -> f64 {
    if x.is_finite() {
        (x * 10_000.0).round() / 10_000.0
    } else {
        x
    }
}

fn count_to_i32(n: u32) -> i32 {
    n.min(MAX_COUNT) as i32
}

/// A stored stability as the scheduler is given it: positive (hand-edited or damaged values
/// cannot make the maths produce NaN).
pub(crate) fn repaired_stability(stability: f64) -> f64 {
    if stability.is_finite() && stability > 0.0 {
        stability
    } else {
        0.1
    }
}

/// A stored difficulty as the scheduler is given it: in 1..=10.
pub(crate) fn repaired_difficulty(difficulty: f64) -> f64 {
    if difficulty.is_finite() {
        difficulty.clamp(1.0, 10.0)
    } else {
        5.0
    }
}

/// A time as the scheduler is given it: within 0..=end of year 9999.
pub(crate) fn clamp_millis(ms: Millis) -> Millis {
    ms.clamp(0, MAX_MILLIS)
}

/// The crate's card for a stored one, repaired so that hand-edited or damaged values cannot make
/// the maths produce NaN: a reviewed card needs a positive stability and a difficulty in 1..=10.
fn to_card(card: &CardState, at: DateTime<Utc>) -> Card {
    let state = to_state(card.state);
    Card {
        due: to_datetime(card.due),
        stability: repaired_stability(card.stability),
        difficulty: repaired_difficulty(card.difficulty),
        elapsed_days: 0,
        scheduled_days: 0,
        reps: count_to_i32(card.reps),
        lapses: count_to_i32(card.lapses),
        state,
        last_review: card.last_review.map(to_datetime).unwrap_or(at),
    }
}

/// Rate: the new card state and the log entry. A clock that moved backwards (now < last_review)
/// is treated as no time elapsed: never a panic, never a negative interval, due >= now.
pub fn rate(
    card: Option<&CardState>,
    id: &str,
    grade: Grade,
    now: Millis,
    settings: &PracticeSettings,
) -> (CardState, ReviewEntry) {
    // Schedule at `at`, never before the last review; the result is then placed relative to the
    // real `now`, so a backwards clock means "no time elapsed" rather than a negative interval.
    let last = card
        .filter(|c| c.state != 0)
        .and_then(|c| c.last_review)
        .unwrap_or(now);
    let at = to_datetime(now.max(last));
    let fsrs_card = match card {
        Some(c) => to_card(c, at),
        None => Card {
            due: at,
            last_review: at,
            ..Card::default()
        },
    };
    let parameters = Parameters {
        request_retention: settings.retention(),
        ..Parameters::default()
    };
    let next = FSRS::new(parameters)
        .next(fsrs_card, at, grade.rating())
        .card;
    let interval = (next.due - at).num_milliseconds().max(0);
    let state = CardState {
        id: id.to_string(),
        due: now.saturating_add(interval),
        stability: round4(next.stability),
        difficulty: round4(next.difficulty),
        reps: next.reps.max(0) as u32,
        lapses: next.lapses.max(0) as u32,
        state: from_state(next.state),
        last_review: Some(now),
        updated: now,
        extra: card.map(|c| c.extra.clone()).unwrap_or_default(),
    };
    let entry = ReviewEntry::new(id.to_string(), now, grade);
    (state, entry)
}

/// [`rate`], with the due date spread by the load balancer (see `balance`): an interval of
/// [`balance::MIN_FUZZ_DAYS`](super::balance::MIN_FUZZ_DAYS) or more becomes the day of its fuzz
/// range with the fewest cards already due in `load`, equal days decided by `seed` (the shell
/// passes `balance::seed(id, now)`). Only the due date moves; undo restores the card before, as
/// for [`rate`]. Keep `load` in step with `DayLoad::moved` when rating several in a row.
pub fn rate_balanced(
    card: Option<&CardState>,
    id: &str,
    grade: Grade,
    now: Millis,
    settings: &PracticeSettings,
    load: &super::balance::DayLoad,
    seed: u64,
) -> (CardState, ReviewEntry) {
    let (mut next, entry) = rate(card, id, grade, now, settings);
    if next.state == from_state(State::Review) {
        let days = next.due.saturating_sub(now) as f64 / DAY as f64;
        let elapsed = card
            .filter(|c| c.state != 0)
            .and_then(|c| c.last_review)
            .map_or(0, |last| now.saturating_sub(last).max(0) / DAY);
        if let Some((lo, hi)) = super::balance::fuzz_range(days, elapsed) {
            let at = |d: i64| now.saturating_add(d.saturating_mul(DAY));
            let day = super::balance::pick_day(lo, hi, |d| load.on(at(d)), seed);
            next.due = at(day);
        }
    }
    (next, entry)
}

/// What rating `card` (None: never practised) with each grade at `now` would give: the next due
/// time and a short human label of the interval ("1 min", "10 min", "1 day", "3 days", "2 months").
pub fn preview(
    card: Option<&CardState>,
    id: &str,
    now: Millis,
    settings: &PracticeSettings,
) -> [(Grade, Millis, String); 4] {
    Grade::ALL.map(|grade| {
        let (next, _) = rate(card, id, grade, now, settings);
        (
            grade,
            next.due,
            interval_label(next.due.saturating_sub(now)),
        )
    })
}

/// Everything needed to undo one rating exactly: the card before (None: it was new) and the
/// entry that was appended.
#[derive(Clone, PartialEq, Debug)]
pub struct UndoRecord {
    pub before: Option<CardState>,
    pub entry: ReviewEntry,
}

/// Store a rating from [`rate`]: replace (or add) the card and append the entry. Returns what
/// [`undo`] needs to take it back.
pub fn apply_rating(
    cards: &mut Vec<CardState>,
    log: &mut Vec<ReviewEntry>,
    card: CardState,
    entry: ReviewEntry,
) -> UndoRecord {
    let before = match cards.iter_mut().find(|c| c.id == card.id) {
        Some(slot) => Some(std::mem::replace(slot, card)),
        None => {
            cards.push(card);
            None
        }
    };
    log.push(entry.clone());
    UndoRecord { before, entry }
}

/// Apply an undo to the stored cards and log: restores exactly the previous card state (or
/// removes the card if it was new) and removes that last log entry. Returns false if the log's
/// last entry is not `undo.entry` (then nothing changes).
pub fn undo(cards: &mut Vec<CardState>, log: &mut Vec<ReviewEntry>, undo: &UndoRecord) -> bool {
    if log.last() != Some(&undo.entry) {
        return false;
    }
    log.pop();
    let id = &undo.entry.id;
    match &undo.before {
        Some(before) => match cards.iter_mut().find(|c| &c.id == id) {
            Some(slot) => *slot = before.clone(),
            None => cards.push(before.clone()),
        },
        None => cards.retain(|c| &c.id != id),
    }
    true
}

/// How many questions were practised for the first time since `today_start`: rated today and
/// never before (the log's order does not matter, so a merged log counts the same).
pub fn new_rated_today(log: &[ReviewEntry], today_start: Millis) -> usize {
    let mut today: Vec<&str> = log
        .iter()
        .filter(|e| e.at >= today_start)
        .map(|e| e.id.as_str())
        .collect();
    if today.is_empty() {
        return 0;
    }
    crate::core::order::sort_dedup(&mut today);
    let mut seen_before = vec![false; today.len()];
    for entry in log.iter().filter(|e| e.at < today_start) {
        if let Ok(i) = today.binary_search(&entry.id.as_str()) {
            seen_before[i] = true;
        }
    }
    seen_before.iter().filter(|&&b| !b).count()
}

/// The due queue: ids of questions to practise now, from `candidates` (the cards: visible
/// questions with an answer, in bank order, as `questions::cards_and_to_write` gives them; a
/// question without an answer is something to write, never a card): cards due (due <= now)
/// first, most overdue first; then cards never practised (no schedule yet) up to `new_per_day`
/// minus how many new cards were first rated today (`today_start` = local midnight in ms, given
/// by the caller).
pub fn due_queue(
    candidates: &[Id],
    cards: &[CardState],
    log: &[ReviewEntry],
    now: Millis,
    today_start: Millis,
    settings: &PracticeSettings,
) -> Vec<Id> {
    due_queue_with(
        candidates,
        cards,
        || new_rated_today(log, today_start),
        now,
        settings,
    )
}

/// [`due_queue`], with how many new questions were first practised today asked of
/// `new_rated_today` (see [`new_rated_today`]) only when there are new questions to allow: the
/// log is the largest thing stored, and then need not be read.
pub fn due_queue_with(
    candidates: &[Id],
    cards: &[CardState],
    new_rated_today: impl FnOnce() -> usize,
    now: Millis,
    settings: &PracticeSettings,
) -> Vec<Id> {
    // If a card appears twice (a merge gone odd), the latest rating counts.
    let mut by_id: HashMap<&str, &CardState> = HashMap::with_capacity(cards.len());
    for card in cards {
        let slot = by_id.entry(card.id.as_str()).or_insert(card);
        if card.updated > slot.updated {
            *slot = card;
        }
    }
    let mut seen: HashSet<&str> = HashSet::with_capacity(candidates.len());
    let mut due: Vec<(Millis, &Id)> = Vec::new();
    let mut new: Vec<&Id> = Vec::new();
    for id in candidates {
        if !seen.insert(id.as_str()) {
            continue;
        }
        match by_id.get(id.as_str()) {
            // A stored card that was never scheduled is still a new question.
            Some(card) if card.state != 0 => {
                if card.due <= now {
                    due.push((card.due, id));
                }
            }
            _ => new.push(id),
        }
    }
    // Stable: equally overdue cards keep bank order.
    crate::core::order::sort_by_key(&mut due, |(d, _)| *d);
    let allowance = if new.is_empty() {
        0
    } else {
        (settings.new_per_day as usize).saturating_sub(new_rated_today())
    };
    due.into_iter()
        .map(|(_, id)| id.clone())
        .chain(new.into_iter().take(allowance).cloned())
        .collect()
}

/// How many are due now (cards due + new allowance), for Today.
pub fn due_count(
    candidates: &[Id],
    cards: &[CardState],
    log: &[ReviewEntry],
    now: Millis,
    today_start: Millis,
    settings: &PracticeSettings,
) -> usize {
    due_queue(candidates, cards, log, now, today_start, settings).len()
}

/// A drill of one category, whatever is due: the candidates (the cards of that category: visible
/// and answered, see `questions::split`) not yet rated in this session, the weakest first (lowest predicted recall now), then the never
/// practised; at most `limit`.
pub fn focus_queue(
    candidates: &[Id],
    cards: &[CardState],
    rated: &[Id],
    now: Millis,
    limit: usize,
) -> Vec<Id> {
    let by_id: HashMap<&str, &CardState> = cards.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut list: Vec<(f64, &Id)> = candidates
        .iter()
        .filter(|id| !rated.contains(id))
        .map(|id| {
            let recall = by_id
                .get(id.as_str())
                .and_then(|c| retrievability(c, now))
                .unwrap_or(2.0);
            (recall, id)
        })
        .collect();
    crate::core::order::sort_by(&mut list, |a, b| {
        a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal)
    });
    list.into_iter()
        .take(limit)
        .map(|(_, id)| id.clone())
        .collect()
}

/// Predicted recall probability now (0..=1), None for a new card.
pub fn retrievability(card: &CardState, now: Millis) -> Option<f64> {
    recall(card.state, card.stability, card.last_review, now)
}

/// [`retrievability`] of a schedule given by its parts: FSRS's forgetting curve (from
/// `rs-fsrs`) over the days since the last review, in fractions of a day.
pub(crate) fn recall(state: u8, stability: f64, last: Option<Millis>, now: Millis) -> Option<f64> {
    if state == 0 || !(stability.is_finite() && stability > 0.0) {
        return None;
    }
    let elapsed_days = now.saturating_sub(last?).max(0) as f64 / DAY as f64;
    let r = Parameters::forgetting_curve(elapsed_days, stability);
    r.is_finite().then(|| r.clamp(0.0, 1.0))
}

fn plural(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// A short human label for a length of time: "1 min", "3 hours", "1 day", "2 months", "1.5 years".
pub fn interval_label(ms: Millis) -> String {
    let ms = ms.max(0) as f64;
    let minutes = (ms / MINUTE as f64).round() as i64;
    if minutes < 60 {
        return format!("{} min", minutes.max(1));
    }
    let hours = (ms / HOUR as f64).round() as i64;
    if hours < 24 {
        return plural(hours, "hour");
    }
    let days = (ms / DAY as f64).round() as i64;
    if days < 30 {
        return plural(days, "day");
    }
    let months = (days as f64 / 30.44).round() as i64;
    if months < 12 {
        return plural(months, "month");
    }
    let years = days as f64 / 365.25;
    if years < 10.0 {
        let tenths = (years * 10.0).round() as i64;
        if tenths % 10 == 0 {
            plural(tenths / 10, "year")
        } else {
            format!("{}.{} years", tenths / 10, tenths % 10)
        }
    } else {
        plural(years.round() as i64, "year")
    }
}

/// "in 3 days", "now", "in 10 min" — for a due time relative to now.
pub fn due_label(due: Millis, now: Millis) -> String {
    if due <= now {
        "now".to_string()
    } else {
        format!("in {}", interval_label(due.saturating_sub(now)))
    }
}

#[cfg(test)]
mod tests;
