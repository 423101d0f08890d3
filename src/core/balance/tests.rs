//! Tests of load balancing and fuzz: Anki's ranges, the lightest day, determinism, exact undo,
//! cards added together drifting apart, and a simulated year with no spikes.

use super::*;
use crate::core::practice::{
    apply_rating, rate, rate_balanced, undo, Grade, PracticeSettings, ReviewEntry, HOUR, MINUTE,
};
use proptest::prelude::*;

/// 2025-01-06 00:00 UTC, taken as local midnight.
const T0: Millis = 1_736_121_600_000;

fn s() -> PracticeSettings {
    PracticeSettings::default()
}

#[test]
fn fuzz_ranges_are_ankis() {
    assert_eq!(fuzz_range(1.0, 0), None);
    assert_eq!(fuzz_range(2.4, 0), None);
    assert_eq!(fuzz_range(f64::NAN, 0), None);
    assert_eq!(fuzz_range(3.0, 0), Some((2, 4)));
    assert_eq!(fuzz_range(7.0, 0), Some((5, 9)));
    assert_eq!(fuzz_range(30.0, 0), Some((27, 33)));
    assert_eq!(fuzz_range(100.0, 0), Some((93, 107)));
    // Not sooner than the days already elapsed, when the interval is longer.
    assert_eq!(fuzz_range(7.0, 6), Some((7, 9)));
    assert_eq!(fuzz_range(1e12, 0).map(|(lo, hi)| lo <= hi), Some(true));
    for days in [2.5, 4.0, 12.0, 45.0, 400.0] {
        let (lo, hi) = fuzz_range(days, 0).unwrap();
        assert!(
            lo as f64 <= days && days <= hi as f64 && lo >= 2,
            "{days}: {lo}..{hi}"
        );
    }
}

#[test]
fn the_lightest_day_is_picked_and_equal_days_by_the_seed() {
    let loads = [5, 3, 7, 3, 9];
    let load = |d: i64| loads[d as usize];
    for seed in 0..50 {
        let d = pick_day(0, 4, load, seed);
        assert!(d == 1 || d == 3, "{d}");
        assert_eq!(pick_day(0, 4, load, seed), d, "deterministic");
    }
    let picked: std::collections::HashSet<i64> =
        (0..50).map(|seed| pick_day(0, 4, |_| 0, seed)).collect();
    assert!(
        picked.len() >= 4,
        "equal days are all picked some of the time: {picked:?}"
    );
    assert_ne!(seed("q1", 5), seed("q2", 5));
    assert_ne!(seed("q1", 5), seed("q1", 6));
}

/// A card in review, due now.
fn review_card(id: &str) -> crate::core::practice::CardState {
    let (c, _) = rate(None, id, Grade::Good, T0, &s());
    let (c, _) = rate(Some(&c), id, Grade::Good, c.due, &s());
    let (c, _) = rate(Some(&c), id, Grade::Good, c.due, &s());
    c
}

#[test]
fn only_the_due_date_moves_within_the_range_and_undo_is_exact() {
    let card = review_card("q");
    let now = card.due;
    let load = DayLoad::new(&[], T0);
    let (plain, plain_entry) = rate(Some(&card), "q", Grade::Good, now, &s());
    let (balanced, entry) = rate_balanced(Some(&card), "q", Grade::Good, now, &s(), &load, 7);
    assert_eq!(entry, plain_entry);
    assert_eq!(
        crate::core::practice::CardState {
            due: plain.due,
            ..balanced.clone()
        },
        plain
    );
    let days = (plain.due - now) as f64 / DAY as f64;
    let (lo, hi) = fuzz_range(days, 0).unwrap();
    let moved = (balanced.due - now) / DAY;
    assert!((lo..=hi).contains(&moved), "{moved} in {lo}..={hi}");
    assert_eq!((balanced.due - now) % DAY, 0, "the same time of day");

    // Short intervals and learning steps are left alone.
    let (new_plain, _) = rate(None, "n", Grade::Good, now, &s());
    let (new_balanced, _) = rate_balanced(None, "n", Grade::Good, now, &s(), &load, 7);
    assert_eq!(new_plain, new_balanced);

    // Undo restores the card before exactly.
    let mut cards = vec![card.clone()];
    let mut log: Vec<ReviewEntry> = Vec::new();
    let record = apply_rating(&mut cards, &mut log, balanced, entry);
    assert!(undo(&mut cards, &mut log, &record));
    assert_eq!((cards, log), (vec![card], vec![]));
}

#[test]
fn a_day_already_full_is_avoided_and_cards_added_together_drift_apart() {
    let cards: Vec<_> = (0..20).map(|i| review_card(&format!("q{i}"))).collect();
    let now = cards[0].due;
    let (plain, _) = rate(Some(&cards[0]), "q0", Grade::Good, now, &s());
    // Every card would get the same interval; rated one after the other, they spread.
    let mut load = DayLoad::new(&cards, T0);
    let mut days = Vec::new();
    for (i, card) in cards.iter().enumerate() {
        let id = format!("q{i}");
        let at = now + i as i64 * 20_000;
        let (after, _) =
            rate_balanced(Some(card), &id, Grade::Good, at, &s(), &load, seed(&id, at));
        load.moved(Some(card), &after);
        days.push(load.day(after.due));
    }
    let mut distinct = days.clone();
    crate::core::order::sort_dedup(&mut distinct);
    let (lo, hi) = fuzz_range((plain.due - now) as f64 / DAY as f64, 0).unwrap();
    assert_eq!(
        distinct.len() as i64,
        hi - lo + 1,
        "every day of the range used: {days:?}"
    );
    let per_day: Vec<usize> = distinct
        .iter()
        .map(|d| days.iter().filter(|x| *x == d).count())
        .collect();
    let (min, max) = (per_day.iter().min(), per_day.iter().max());
    assert!(max.zip(min).is_some_and(|(a, b)| a - b <= 1), "{per_day:?}");
}

/// A fixed pseudo-random sequence (xorshift64*).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// Weighted to Good: Again 10%, Hard 15%, Good 65%, Easy 10%.
    fn grade(&mut self) -> Grade {
        match self.next() % 100 {
            0..10 => Grade::Again,
            10..25 => Grade::Hard,
            25..90 => Grade::Good,
            _ => Grade::Easy,
        }
    }
}

/// One day of a simulated year.
#[derive(Clone, Copy)]
struct Day {
    /// Cards practised that day (due reviews, relearning and new cards): the day's load.
    practised: u32,
    /// Of those, the reviews that were due (cards in review, the ones balancing moves).
    reviews: u32,
}

/// A year of daily practice of `n` cards coming in `per_day` a day, every due card rated with a
/// seeded mix of grades, through `rate_balanced` (or `rate` when not `balanced`).
fn simulated_year(n: usize, per_day: usize, balanced: bool, rng_seed: u64) -> Vec<Day> {
    let mut rng = Rng(rng_seed | 1);
    let settings = PracticeSettings {
        new_per_day: per_day as u32,
        ..s()
    };
    let mut cards: Vec<crate::core::practice::CardState> = Vec::new();
    let mut introduced = 0;
    let mut loads = Vec::new();
    for day in 0..365 {
        let today = T0 + day * DAY;
        let end = today + DAY;
        let mut load = DayLoad::new(&cards, T0);
        let mut reviews = 0;
        let mut practised = std::collections::HashSet::new();
        let mut new_today = 0;
        let mut now = today + 8 * HOUR;
        // Due cards, then learning steps as they come due, within the day.
        loop {
            let due: Vec<usize> = (0..cards.len()).filter(|&i| cards[i].due <= now).collect();
            let mut rated = false;
            for i in due {
                let before = cards[i].clone();
                if before.state == 2 {
                    reviews += 1;
                }
                practised.insert(i);
                let g = rng.grade();
                let (after, _) = if balanced {
                    rate_balanced(
                        Some(&before),
                        &before.id,
                        g,
                        now,
                        &settings,
                        &load,
                        seed(&before.id, now),
                    )
                } else {
                    rate(Some(&before), &before.id, g, now, &settings)
                };
                load.moved(Some(&before), &after);
                cards[i] = after;
                now += 20_000;
                rated = true;
            }
            if introduced < n && new_today == 0 {
                new_today = per_day.min(n - introduced);
                for _ in 0..new_today {
                    let id = format!("q{introduced}");
                    let (after, _) = rate_balanced(
                        None,
                        &id,
                        rng.grade(),
                        now,
                        &settings,
                        &load,
                        seed(&id, now),
                    );
                    load.moved(None, &after);
                    practised.insert(cards.len());
                    cards.push(after);
                    introduced += 1;
                    now += 20_000;
                }
                continue;
            }
            if !rated {
                match cards
                    .iter()
                    .map(|c| c.due)
                    .filter(|&d| d > now && d < end)
                    .min()
                {
                    Some(d) => now = d.max(now) + 10 * MINUTE,
                    None => break,
                }
            }
        }
        loads.push(Day {
            practised: practised.len() as u32,
            reviews,
        });
    }
    loads
}

/// The weeks of a simulated year as (mean reviews a day, busiest day / mean), from week
/// `from` on, those whose mean is at least `min_mean`.
fn weeks(loads: &[u32], from: usize, min_mean: f64) -> Vec<(f64, f64)> {
    loads
        .chunks(7)
        .skip(from)
        .filter(|w| w.len() == 7)
        .map(|w| {
            let mean = f64::from(w.iter().sum::<u32>()) / 7.0;
            let busiest = f64::from(w.iter().copied().max().unwrap_or(0));
            (mean, busiest / mean.max(f64::MIN_POSITIVE))
        })
        .filter(|(mean, _)| *mean >= min_mean)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4))]

    /// The property: over a simulated year, the busiest day's load (the cards practised
    /// that day) is at most 1.5 times the mean of its week, every week from the third (once the
    /// first cards come back daily). The deck: 1,000 cards coming in 4 a day, as questions are
    /// added over months. (300 cards coming in all at once settle to 2 or 3 a day within months,
    /// where one card more is already half the mean again, and their weeks follow the deck's
    /// own rise and fall more than any spike.)
    #[test]
    fn no_day_is_a_spike_in_a_simulated_year(rng_seed in any::<u64>()) {
        let loads: Vec<u32> = simulated_year(1_000, 4, true, rng_seed)
            .iter()
            .map(|d| d.practised)
            .collect();
        let checked = weeks(&loads, 2, 0.0);
        prop_assert_eq!(checked.len(), 50);
        for (w, (mean, ratio)) in checked.iter().enumerate() {
            prop_assert!(*ratio <= 1.5, "week {}: mean {mean}, busiest {ratio}x: {loads:?}", w + 2);
        }
    }
}

/// What balancing does, printed for the record (`-- --nocapture`): the worst week's busiest day
/// over its mean, with and without it, counting all cards practised and only the due reviews.
#[test]
fn balancing_flattens_the_weeks() {
    let worst = |balanced, reviews_only: bool| {
        let loads: Vec<u32> = simulated_year(1_000, 4, balanced, 42)
            .iter()
            .map(|d| if reviews_only { d.reviews } else { d.practised })
            .collect();
        weeks(&loads, 2, 0.0)
            .iter()
            .map(|(_, r)| *r)
            .fold(0.0, f64::max)
    };
    let (with, without) = (worst(true, false), worst(false, false));
    let (with_r, without_r) = (worst(true, true), worst(false, true));
    println!(
        "simulated year, 1,000 cards: busiest day / mean of its week at worst {with:.2} \
         balanced, {without:.2} without (due reviews alone: {with_r:.2} and {without_r:.2})"
    );
    assert!(with < without && with_r < without_r);
}
