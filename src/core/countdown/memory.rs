//! One card's memory as the countdown planner follows it through Good ratings: `rs-fsrs`'s own
//! functions (`Parameters::init_stability`, `short_term_stability`, `next_recall_stability`,
//! `next_difficulty`, `forgetting_curve`), called in the order its scheduler calls them for a
//! Good rating, on the values `practice::rate` gives it (repaired the same way) and rounded as
//! `rate` stores them. No FSRS maths of our own: this is the crate's, without building the
//! crate's whole scheduler (boxed, with a hash map and a seed string) for each of the thousands
//! of ratings a plan tries. A test checks that it and `practice::rate` agree exactly.

use rs_fsrs::{Parameters, Rating, State};

use crate::core::model::Millis;
use crate::core::practice::{
    clamp_millis, from_state, recall, repaired_difficulty, repaired_stability, round4, to_state,
    CardState, DAY,
};

/// What a Good rating depends on and changes (the stored `CardState`'s `st`, `s`, `df`, `lr`).
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) struct Memory {
    pub state: u8,
    pub stability: f64,
    pub difficulty: f64,
    pub last: Option<Millis>,
}

impl Memory {
    /// A stored schedule's memory; `None` (never practised) is a new card.
    pub fn of(card: Option<&CardState>) -> Memory {
        match card {
            Some(c) => Memory {
                state: c.state,
                stability: c.stability,
                difficulty: c.difficulty,
                last: c.last_review,
            },
            None => Memory {
                state: 0,
                stability: 0.0,
                difficulty: 0.0,
                last: None,
            },
        }
    }

    /// Whether it is between the steps of (re)learning: rated once, to be seen again shortly.
    pub fn learning(self) -> bool {
        matches!(self.state, 1 | 3)
    }

    /// Rated Good at `now`: what `practice::rate(.., Grade::Good, now, ..)` stores.
    pub fn good(self, now: Millis, p: &Parameters) -> Memory {
        // As `rate`: scheduled at `at`, never before the last review.
        let last = if self.state != 0 {
            self.last.unwrap_or(now)
        } else {
            now
        };
        let at = clamp_millis(now.max(last));
        let (s, d) = (
            repaired_stability(self.stability),
            repaired_difficulty(self.difficulty),
        );
        let (stability, difficulty, state) = match to_state(self.state) {
            State::New => (
                p.init_stability(Rating::Good),
                p.init_difficulty(Rating::Good),
                State::Learning,
            ),
            State::Learning | State::Relearning => (
                p.short_term_stability(s, Rating::Good),
                p.next_difficulty(d, Rating::Good),
                State::Review,
            ),
            State::Review => {
                // Whole days since the last review, as the crate counts them (chrono's
                // `num_days`, which truncates).
                let last_review = self.last.map(clamp_millis).unwrap_or(at);
                let elapsed = (at - last_review) / DAY;
                let r = Parameters::forgetting_curve(elapsed as f64, s);
                (
                    p.next_recall_stability(d, s, r, Rating::Good),
                    p.next_difficulty(d, Rating::Good),
                    State::Review,
                )
            }
        };
        Memory {
            state: from_state(state),
            stability: round4(stability),
            difficulty: round4(difficulty),
            last: Some(now),
        }
    }

    /// Predicted recall at `at` (0 for a card never practised): `practice::retrievability`.
    pub fn recall(self, at: Millis) -> f64 {
        recall(self.state, self.stability, self.last, at).unwrap_or(0.0)
    }
}
