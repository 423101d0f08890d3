//! Countdown: practice aimed at an upcoming interview.
//!
//! Given the cards chosen for an interview, [`plan`] says which to go through on which day so
//! that FSRS's predicted recall of each (its retrievability, `rs-fsrs`'s forgetting curve) at the
//! interview's start is at least a target ([`target`], the `prep_target` setting, 0.9 unless
//! changed), what that costs a day in minutes at the user's own time per card, and which cards
//! cannot get there in the days left, with what would help.
//!
//! How it plans:
//! - Practice is planned from today (at `now`) to the day before the interview; days after today
//!   are taken at [`SESSION_HOUR`] (07:00), the earliest a session is assumed to start. When the
//!   interview is today, today is the only day. At most the last [`MAX_DAYS`] days are planned:
//!   before that, normal scheduling goes on.
//! - Each planned look is assumed rated Good. A card never practised is seen twice on its first
//!   day (its learning step, ten minutes apart), as the practice queue serves it.
//! - A card already fresh enough for the day needs nothing. Most cards need one look, on any day
//!   from the earliest that still carries it to the day before: the planner puts it on the
//!   lightest of those days. A card one look cannot carry is seen on the last few days running.
//! - When a card's days are busy (busier than the plan's average, and more than
//!   [`LIGHT_DAY_SECS`]), an earlier first look is added if that lets its second look go on a
//!   lighter day: one more rating to keep any one day from piling up.
//! - The outcome is a pure function of its inputs: nothing is stored but what the user chose
//!   ([`Prep`]). Recomputed after each rating, it moves on by itself; after the interview the
//!   cards simply follow their normal schedule.
//!
//! [`suggest`] offers the questions worth preparing for an interview (those asked there, then
//! the categories its stage and role tend to ask).
//!
//! The memory of each card is followed with `rs-fsrs`'s own functions (see `memory`), the same
//! values `practice::rate` gives; the tests follow plans with `rate` itself.
//!
//! Speed: 1,500 cards, the interview 30 days away, plan in about 3 ms in a release build on one
//! desktop core, 6 ms when all 1,500 are new and every one is spread (the bar is 12 ms;
//! `cargo test --release --offline -p rebound --lib countdown_speed -- --nocapture`, see
//! `countdown/tests.rs`): a card costs at most a few dozen Good ratings, followed with the
//! crate's functions without allocating.

mod memory;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use rs_fsrs::Parameters;
use serde::{Deserialize, Serialize};

use super::model::{Extra, Id, Interview, Millis, Stage, Versioned};
use super::practice::{CardState, DAY, HOUR, MINUTE};
use super::questions::{self, Category, Question};
use memory::Memory;

/// The lowest target a plan aims for: lower would not be "prepared".
pub const MIN_TARGET: f64 = 0.8;
/// The highest: beyond it, the reviews needed grow fast for little.
pub const MAX_TARGET: f64 = 0.97;
/// The target unless the user changes it.
pub const DEFAULT_TARGET: f64 = 0.9;
/// Sessions after today are taken to start at this hour (local).
pub const SESSION_HOUR: i64 = 7;
/// At most this many days before the interview are planned.
pub const MAX_DAYS: i64 = 42;
/// A day with at most this much practice (in seconds) is light enough: no extra look is added
/// to lighten it.
pub const LIGHT_DAY_SECS: u64 = 15 * 60;
/// The most days running tried for a card one look cannot carry.
const MAX_RUN: i64 = 7;
/// The learning step of a card seen for the first time (as `rs-fsrs` schedules Good).
const LEARNING_STEP: Millis = 10 * MINUTE;
/// "Tonight", for [`Help::AgainTonight`]: 21:00 local.
const TONIGHT_HOUR: i64 = 21;

/// The target in use: `x` within [`MIN_TARGET`]..=[`MAX_TARGET`], [`DEFAULT_TARGET`] when not a
/// number.
pub fn target(x: f64) -> f64 {
    if x.is_finite() {
        x.clamp(MIN_TARGET, MAX_TARGET)
    } else {
        DEFAULT_TARGET
    }
}

/// What the user chose to prepare for one upcoming interview: the questions to have fresh on the
/// day. Its id is the interview's id (one a interview). Stored in the `preps` collection.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug, Default)]
#[serde(default)]
pub struct Prep {
    /// The interview's id.
    pub id: Id,
    /// The chosen questions, in the order chosen. Those without an answer yet are the ones to
    /// write first (see `questions::split`); the plan takes the cards among them.
    pub questions: Vec<Id>,
    pub created: Millis,
    pub updated: Millis,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Versioned for Prep {
    fn id(&self) -> &str {
        &self.id
    }
    fn updated(&self) -> Millis {
        self.updated
    }
}

/// The categories worth preparing at each stage: what a screening call, an interview and a
/// final round tend to ask.
fn stage_categories(stage: &Stage) -> &'static [Category] {
    match stage {
        Stage::Applied | Stage::Screening => &[
            Category::Motivation,
            Category::CareerStory,
            Category::Salary,
            Category::AskThem,
        ],
        Stage::Interview => &[
            Category::Behavioural,
            Category::Situational,
            Category::Weaknesses,
            Category::AskThem,
        ],
        Stage::FinalRound => &[
            Category::Behavioural,
            Category::Weaknesses,
            Category::Salary,
            Category::AskThem,
        ],
        Stage::Other(_) => &[
            Category::Behavioural,
            Category::Motivation,
            Category::AskThem,
        ],
    }
}

/// Words in a role that say technical questions will come up.
const TECHNICAL_ROLES: [&str; 12] = [
    "engineer",
    "developer",
    "programmer",
    "software",
    "data",
    "analyst",
    "scientist",
    "architect",
    "devops",
    "technical",
    "security",
    "sre",
];

/// The most questions [`suggest`] offers.
pub const MAX_SUGGESTED: usize = 12;

/// Questions worth preparing for `interview`, from the bank (`stored`, as `questions::bank`
/// merges it), at most [`MAX_SUGGESTED`]: first those linked to it (asked there), then, from
/// the categories its stage tends to ask (and technical ones when its role sounds technical),
/// the answered ones (ready to practise) before those still to write. Hidden questions are left
/// out. In bank order within each part; the user picks from these.
pub fn suggest(interview: &Interview, stored: &[Question]) -> Vec<Id> {
    let bank = questions::bank(stored);
    let role = interview.role.to_lowercase();
    let technical = role
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| TECHNICAL_ROLES.iter().any(|t| w.starts_with(t)));
    let wanted = |q: &Question| {
        stage_categories(&interview.stage).contains(&q.category)
            || (technical && q.category == Category::Technical)
    };
    let visible = || bank.iter().filter(|q| !q.hidden);
    let linked = visible().filter(|q| q.interview_id.as_deref() == Some(interview.id.as_str()));
    let answered = visible().filter(|q| wanted(q) && q.is_card());
    let to_write = visible().filter(|q| wanted(q) && !q.is_card());
    let mut seen: HashSet<&str> = HashSet::new();
    linked
        .chain(answered)
        .chain(to_write)
        .filter(|q| seen.insert(q.id.as_str()))
        .take(MAX_SUGGESTED)
        .map(|q| q.id.clone())
        .collect()
}

/// One day of the plan.
#[derive(Clone, PartialEq, Debug)]
pub struct PlanDay {
    /// Days from today: 0 is today, 1 tomorrow.
    pub day: i64,
    /// The cards to go through that day, in the order chosen, each with how many times (2 for
    /// a card seen for the first time: once, then again about ten minutes later).
    pub cards: Vec<(Id, u8)>,
}

impl PlanDay {
    /// Ratings that day.
    pub fn ratings(&self) -> u32 {
        self.cards.iter().map(|(_, n)| u32::from(*n)).sum()
    }
}

/// What would help a card the plan cannot bring to the target.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Help {
    /// Going through it once more late tonight (about 21:00) would do it.
    AgainTonight,
    /// Reading it once more on the way there (about an hour before) would do it.
    OnTheWay,
    /// Nothing in the time left would: it will still be much fresher for the practice.
    AsFreshAsItGets,
}

/// A card that cannot reach the target on the day.
#[derive(Clone, PartialEq, Debug)]
pub struct Shortfall {
    pub id: Id,
    /// Its predicted recall on the day when the plan is followed (0..=1).
    pub recall: f64,
    pub help: Help,
}

/// The plan: see the module doc.
#[derive(Clone, PartialEq, Debug)]
pub struct Plan {
    /// The interview has started (or the day is past): nothing is planned.
    pub started: bool,
    /// The target aimed for, after [`target`].
    pub target: f64,
    /// The time per card the minutes are worked out with.
    pub secs_per_card: u32,
    /// Every day from the first planned to the day before the interview (only today when it is
    /// today), soonest first; days with nothing to do have no cards.
    pub days: Vec<PlanDay>,
    /// Cards fresh enough for the day already: nothing to do.
    pub ready: Vec<Id>,
    /// Cards that cannot reach the target, with what would help.
    pub short: Vec<Shortfall>,
    /// Every chosen card's predicted recall on the day when the plan is followed, in the order
    /// chosen.
    pub recall: Vec<(Id, f64)>,
}

impl Plan {
    /// Today's cards (empty when nothing is planned today).
    pub fn today(&self) -> &[(Id, u8)] {
        match self.days.first() {
            Some(d) if d.day == 0 => &d.cards,
            _ => &[],
        }
    }

    /// Every rating the plan asks for.
    pub fn total_ratings(&self) -> u32 {
        self.days.iter().map(PlanDay::ratings).sum()
    }

    /// Minutes that `day` takes, rounded up.
    pub fn minutes(&self, day: &PlanDay) -> u32 {
        minutes(u64::from(day.ratings()), self.secs_per_card)
    }

    /// Minutes a day on average over the days planned (rounded up): "about 9 minutes a day
    /// until Thursday". 0 when there is nothing to do.
    pub fn minutes_a_day(&self) -> u32 {
        let days = u64::try_from(self.days.len()).unwrap_or(1).max(1);
        let total = u64::from(self.total_ratings()) * u64::from(self.secs_per_card);
        minutes(total.div_ceil(days), 1)
    }

    /// Minutes of the busiest day.
    pub fn busiest_minutes(&self) -> u32 {
        self.days.iter().map(|d| self.minutes(d)).max().unwrap_or(0)
    }
}

fn minutes(units: u64, secs_each: u32) -> u32 {
    u32::try_from((units * u64::from(secs_each)).div_ceil(60)).unwrap_or(u32::MAX)
}

/// The days of a plan and when each session is taken.
struct Horizon {
    now: Millis,
    today_start: Millis,
    day_at: Millis,
    target: f64,
    params: Parameters,
    /// The first and last planned day (days from today).
    first: i64,
    last: i64,
}

/// When the plan takes the session of day `k` (days from today) to be: `now` today, and
/// [`SESSION_HOUR`] (07:00 local) on later days.
pub fn session_at(k: i64, now: Millis, today_start: Millis) -> Millis {
    if k <= 0 {
        now
    } else {
        k.saturating_mul(DAY)
            .saturating_add(SESSION_HOUR * HOUR)
            .saturating_add(today_start)
            .max(now)
    }
}

impl Horizon {
    /// When the session of day `k` is taken.
    fn session(&self, k: i64) -> Millis {
        session_at(k, self.now, self.today_start)
    }

    /// One look on day `k`: rated Good, and Good again after the learning step if that left it
    /// learning (and there is time before the interview). The memory after, and the ratings.
    fn look(&self, m: Memory, k: i64) -> (Memory, u8) {
        self.look_at(m, self.session(k))
    }

    fn look_at(&self, m: Memory, t: Millis) -> (Memory, u8) {
        let once = m.good(t, &self.params);
        let again = t.saturating_add(LEARNING_STEP);
        if once.learning() && again < self.day_at {
            (once.good(again, &self.params), 2)
        } else {
            (once, 1)
        }
    }

    /// Predicted recall on the day after looks on `days` (in order).
    fn follow(&self, mut m: Memory, days: &[i64]) -> f64 {
        for &k in days {
            m = self.look(m, k).0;
        }
        m.recall(self.day_at)
    }

    fn enough(&self, r: f64) -> bool {
        r >= self.target
    }

    /// The earliest day in `from..=self.last` from which one look (after `m`) carries to the
    /// day, taking "carries" to hold from some day on (checked again where it is used). `None`
    /// when even the last day does not.
    fn earliest_single(&self, m: Memory, from: i64) -> Option<i64> {
        if from > self.last || !self.enough(self.look(m, self.last).0.recall(self.day_at)) {
            return None;
        }
        let (mut lo, mut hi) = (from, self.last);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.enough(self.look(m, mid).0.recall(self.day_at)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        Some(lo)
    }
}

/// What one card needs.
enum Need {
    /// Nothing: fresh enough already.
    Ready,
    /// One look, on any day from `from` to the last.
    Window { from: i64 },
    /// Looks on these days (the last few days running), reaching the target or not.
    Run { days: Vec<i64> },
}

struct Chosen<'a> {
    id: &'a Id,
    memory: Memory,
    /// The first day it may be looked at (today is left out for a card already reviewed today:
    /// another look the same day adds nothing to what it holds).
    first: i64,
    need: Need,
    /// The days of its looks, once placed.
    days: Vec<i64>,
}

/// Plan the practice of the `chosen` cards (ids of answered questions, see
/// `questions::split`; `cards` holds their schedules, a card without one has never been
/// practised) so that each is recalled with at least `target` (see [`target`]) at `day_at`,
/// the interview's start. `now` and `today_start` (local midnight today) are in ms, like
/// `day_at` (the shell turns `Interview::starts_at`, a local time, into ms). Days are counted
/// from `today_start` in steps of 24 hours. `secs_per_card`: `practice::secs_per_card`.
pub fn plan(
    chosen: &[Id],
    cards: &[CardState],
    now: Millis,
    today_start: Millis,
    day_at: Millis,
    target_recall: f64,
    secs_per_card: u32,
) -> Plan {
    let target_recall = target(target_recall);
    let secs_per_card = secs_per_card.max(1);
    let mut plan = Plan {
        started: day_at <= now,
        target: target_recall,
        secs_per_card,
        days: Vec::new(),
        ready: Vec::new(),
        short: Vec::new(),
        recall: Vec::new(),
    };
    if plan.started {
        return plan;
    }
    // The interview's day, counted from today; planning ends the day before (today when it is
    // today).
    let day_of_interview = day_at.saturating_sub(today_start).div_euclid(DAY).max(0);
    let last = (day_of_interview - 1).max(0);
    let first = (day_of_interview - MAX_DAYS).clamp(0, last);
    let h = Horizon {
        now,
        today_start,
        day_at,
        target: target_recall,
        params: Parameters::default(),
        first,
        last,
    };

    // The latest schedule of each card (a card stored twice after an odd merge: the latest).
    let mut by_id: HashMap<&str, &CardState> = HashMap::with_capacity(cards.len());
    for card in cards {
        let slot = by_id.entry(card.id.as_str()).or_insert(card);
        if card.updated > slot.updated {
            *slot = card;
        }
    }
    let mut seen: HashSet<&str> = HashSet::with_capacity(chosen.len());
    let mut list: Vec<Chosen> = chosen
        .iter()
        .filter(|id| seen.insert(id.as_str()))
        .map(|id| {
            let memory = Memory::of(by_id.get(id.as_str()).copied());
            let reviewed_today = memory.last.is_some_and(|l| l >= today_start);
            let first = if first == 0 && reviewed_today && !memory.learning() && memory.state != 0 {
                1.min(last)
            } else {
                first
            };
            let need = need(&h, memory, first);
            Chosen {
                id,
                memory,
                first,
                need,
                days: Vec::new(),
            }
        })
        .collect();

    place(&h, &mut list, secs_per_card);

    // The plan as days, and what each card comes to on the day.
    let mut days: Vec<PlanDay> = (first..=last)
        .map(|day| PlanDay {
            day,
            cards: Vec::new(),
        })
        .collect();
    for c in &list {
        let mut m = c.memory;
        for &k in &c.days {
            let (after, n) = h.look(m, k);
            m = after;
            if let Some(d) = usize::try_from(k - first)
                .ok()
                .and_then(|i| days.get_mut(i))
            {
                d.cards.push((c.id.clone(), n));
            }
        }
        let r = m.recall(day_at);
        plan.recall.push((c.id.clone(), r));
        match &c.need {
            Need::Ready => plan.ready.push(c.id.clone()),
            _ if h.enough(r) => {}
            _ => plan.short.push(Shortfall {
                id: c.id.clone(),
                recall: r,
                help: help(&h, m, &c.days),
            }),
        }
    }
    plan.days = days;
    plan
}

/// What one card needs (see [`Need`]).
fn need(h: &Horizon, m: Memory, first: i64) -> Need {
    if h.enough(m.recall(h.day_at)) {
        return Need::Ready;
    }
    if let Some(from) = h.earliest_single(m, first) {
        return Need::Window { from };
    }
    // The last days running, as few as reach the target; if none do, the run that comes
    // closest.
    let mut best: Option<(f64, Vec<i64>)> = None;
    for n in 2..=MAX_RUN.min(h.last - first + 1) {
        let days: Vec<i64> = (h.last - n + 1..=h.last).collect();
        let r = h.follow(m, &days);
        if h.enough(r) {
            return Need::Run { days };
        }
        if best.as_ref().is_none_or(|(b, _)| r > *b) {
            best = Some((r, days));
        }
    }
    let days = best.map(|(_, d)| d).unwrap_or_else(|| vec![h.last]);
    Need::Run { days }
}

/// The lightest day in `range` (by `load`, indexed from `first`); ties go to the latest day
/// when `late`, else the earliest.
fn lightest(loads: &[u64], first: i64, range: std::ops::RangeInclusive<i64>, late: bool) -> i64 {
    let load = |k: i64| {
        usize::try_from(k - first)
            .ok()
            .and_then(|i| loads.get(i))
            .copied()
            .unwrap_or(u64::MAX)
    };
    let mut best = *range.start();
    for k in range {
        let (l, b) = (load(k), load(best));
        if l < b || (late && l == b) {
            best = k;
        }
    }
    best
}

fn add(loads: &mut [u64], first: i64, k: i64, n: u8) {
    if let Some(l) = usize::try_from(k - first)
        .ok()
        .and_then(|i| loads.get_mut(i))
    {
        *l += u64::from(n);
    }
}

fn load_on(loads: &[u64], first: i64, k: i64) -> u64 {
    usize::try_from(k - first)
        .ok()
        .and_then(|i| loads.get(i))
        .copied()
        .unwrap_or(0)
}

/// Put every card's looks on days (see the module doc): runs first (they cannot move), then the
/// cards with the fewest days to choose from.
fn place(h: &Horizon, list: &mut [Chosen], secs_per_card: u32) {
    let span = usize::try_from(h.last - h.first + 1).unwrap_or(1);
    let mut loads = vec![0u64; span];
    // The ratings the plan needs at the least, to know what an average day holds.
    let mut least = 0u64;
    for c in list.iter_mut() {
        match &c.need {
            Need::Ready => {}
            Need::Window { from } => least += u64::from(h.look(c.memory, *from).1),
            Need::Run { days } => {
                let mut m = c.memory;
                for &k in days {
                    let (after, n) = h.look(m, k);
                    m = after;
                    add(&mut loads, h.first, k, n);
                    least += u64::from(n);
                }
                c.days = days.clone();
            }
        }
    }
    let light = LIGHT_DAY_SECS / u64::from(secs_per_card);
    let busy = least.div_ceil(span as u64).max(light);

    let mut order: Vec<(i64, usize)> = list
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match c.need {
            Need::Window { from } => Some((h.last - from, i)),
            _ => None,
        })
        .collect();
    crate::core::order::sort_by_key(&mut order, |&(width, i)| (width, i));

    for (_, i) in order {
        let Some(c) = list.get_mut(i) else { continue };
        let Need::Window { from } = c.need else {
            continue;
        };
        // One look, on the lightest day it may go on (the later of equals: fresher).
        let mut one = lightest(&loads, h.first, from..=h.last, true);
        if !h.enough(h.follow(c.memory, &[one])) {
            one = h.last;
        }
        let n_one = h.look(c.memory, one).1;
        let cost_one = load_on(&loads, h.first, one) + u64::from(n_one);
        let mut days = vec![one];
        if cost_one > busy && from > c.first {
            if let Some((two, cost_two, extra)) = spread(h, c, from, &loads) {
                if cost_two + extra < cost_one {
                    days = two;
                }
            }
        }
        let mut m = c.memory;
        for &k in &days {
            let (after, n) = h.look(m, k);
            m = after;
            add(&mut loads, h.first, k, n);
        }
        c.days = days;
    }
}

/// Two looks instead of one: the first on the lightest day before `from`, the second on the
/// lightest day that then carries to the interview. The days, the busiest of the two days
/// with them added, and how many more ratings than one look.
fn spread(h: &Horizon, c: &Chosen, from: i64, loads: &[u64]) -> Option<(Vec<i64>, u64, u64)> {
    let early = lightest(loads, h.first, c.first..=from - 1, false);
    let (after, n_early) = h.look(c.memory, early);
    let from_two = h.earliest_single(after, early + 1)?;
    let mut two = lightest(loads, h.first, from_two..=h.last, true);
    if !h.enough(h.follow(after, &[two])) {
        two = h.last;
    }
    let n_two = h.look(after, two).1;
    let cost = (load_on(loads, h.first, early) + u64::from(n_early))
        .max(load_on(loads, h.first, two) + u64::from(n_two));
    let n_one = u64::from(h.look(c.memory, from).1);
    let extra = (u64::from(n_early) + u64::from(n_two)).saturating_sub(n_one);
    Some((vec![early, two], cost, extra))
}

/// What would help a card the plan leaves short: `m` is its memory after its planned looks.
fn help(h: &Horizon, m: Memory, days: &[i64]) -> Help {
    let tonight = h.today_start.saturating_add(TONIGHT_HOUR * HOUR);
    let only_today = days.iter().all(|&k| k == 0);
    if only_today && tonight > h.now && tonight < h.day_at {
        let later = h.look_at(m, tonight).0;
        if h.enough(later.recall(h.day_at)) {
            return Help::AgainTonight;
        }
    }
    let on_the_way = h.day_at.saturating_sub(HOUR);
    if on_the_way > h.now && on_the_way > m.last.unwrap_or(Millis::MIN) {
        let read = h.look_at(m, on_the_way).0;
        if h.enough(read.recall(h.day_at)) {
            return Help::OnTheWay;
        }
    }
    Help::AsFreshAsItGets
}
