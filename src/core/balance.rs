//! Load balancing and fuzz of due dates, like Anki's (24.11) load balancer: when a rating gives
//! a card an interval of a few days or more, its due day is picked among the days that interval
//! allows (a small range around it, Anki's fuzz ranges), the lightest of them (fewest cards
//! already due that day), with a small seeded random part, so no day becomes a spike and cards
//! added together do not stay together. Deterministic given the seed (`practice::rate_balanced`
//! takes it; [`seed`] makes one from the card's id and the time).
//!
//! FSRS itself (stability, difficulty, the interval) stays in `rs-fsrs`; this only moves the
//! due date within the range, as Anki does.

use std::collections::HashMap;

use super::model::Millis;
use super::practice::{CardState, DAY};

/// Intervals shorter than this many days are left as they are (as in Anki).
pub const MIN_FUZZ_DAYS: f64 = 2.5;

/// How many cards are due on each local day: what new due dates are spread over.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct DayLoad {
    today_start: Millis,
    counts: HashMap<i64, u32>,
}

impl DayLoad {
    /// The cards that have a schedule (not new), counted by the local day they are due on;
    /// `today_start` is local midnight today in ms (days are counted in 24-hour steps from it).
    pub fn new(cards: &[CardState], today_start: Millis) -> DayLoad {
        let mut load = DayLoad {
            today_start,
            counts: HashMap::with_capacity(cards.len()),
        };
        for card in cards.iter().filter(|c| c.state != 0) {
            load.add(card.due);
        }
        load
    }

    fn day(&self, t: Millis) -> i64 {
        t.saturating_sub(self.today_start).div_euclid(DAY)
    }

    /// Cards due on the local day of `t`.
    pub fn on(&self, t: Millis) -> u32 {
        self.counts.get(&self.day(t)).copied().unwrap_or(0)
    }

    /// One more card due on the day of `t`.
    pub fn add(&mut self, t: Millis) {
        *self.counts.entry(self.day(t)).or_insert(0) += 1;
    }

    /// One card fewer due on the day of `t`.
    pub fn remove(&mut self, t: Millis) {
        let day = self.day(t);
        if let Some(n) = self.counts.get_mut(&day) {
            *n = n.saturating_sub(1);
        }
    }

    /// Keep in step with a rating: the card's day before (if it had a schedule) loses it, its
    /// new day gains it.
    pub fn moved(&mut self, before: Option<&CardState>, after: &CardState) {
        if let Some(b) = before.filter(|b| b.state != 0) {
            self.remove(b.due);
        }
        if after.state != 0 {
            self.add(after.due);
        }
    }
}

/// The days an interval of `days` may become: `days` rounded, give or take 1 day plus 15% of the
/// part between 2.5 and 7 days, 10% of the part up to 20 and 5% beyond (Anki's fuzz ranges),
/// never under 2 days, and more than `elapsed` (the whole days since the last review) when the
/// interval is longer than that. `None` for an interval under [`MIN_FUZZ_DAYS`].
pub fn fuzz_range(days: f64, elapsed: i64) -> Option<(i64, i64)> {
    if !(days.is_finite() && days >= MIN_FUZZ_DAYS) {
        return None;
    }
    let days = days.min(36_500.0);
    let part = |from: f64, to: f64| (days.min(to) - from).max(0.0);
    let delta = 1.0 + 0.15 * part(2.5, 7.0) + 0.1 * part(7.0, 20.0) + 0.05 * part(20.0, f64::MAX);
    let mut lo = (days - delta).round().max(2.0) as i64;
    let hi = (days + delta).round() as i64;
    if days > elapsed as f64 {
        lo = lo.max(elapsed.saturating_add(1));
    }
    Some((lo.min(hi), hi))
}

/// A seed for the fuzz from the card's id and the time of the rating (FNV-1a).
pub fn seed(id: &str, now: Millis) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes().chain(now.to_le_bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A number in 0..1 for `day` under `seed` (splitmix64).
fn jitter(seed: u64, day: i64) -> f64 {
    let mut z = seed ^ (day as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64
}

/// The day in `lo..=hi` (days from now) with the fewest cards due (`load`), equal loads decided
/// by the seeded random part.
pub fn pick_day(lo: i64, hi: i64, load: impl Fn(i64) -> u32, seed: u64) -> i64 {
    let mut best = (f64::MAX, lo);
    for d in lo..=hi {
        let score = f64::from(load(d)) + jitter(seed, d);
        if score < best.0 {
            best = (score, d);
        }
    }
    best.1
}

#[cfg(test)]
mod tests;
