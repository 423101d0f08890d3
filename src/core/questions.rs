//! The question bank: tough questions met in interviews, a starter set of common hard ones, and
//! the user's prepared answers (free text or STAR) with their dated revision history.
//!
//! The starter set itself is the `starters` submodule (`questions/starters.rs`).

mod starters;
#[cfg(test)]
mod tests;

pub use starters::STARTER;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::model::{Extra, Id, Millis, Versioned, MAX_FIELD_CHARS};

crate::choice! {
    /// What kind of question it is, for browsing and practising by theme.
    #[derive(Default)]
    pub enum Category {
        #[default]
        Behavioural = "behavioural", "Behavioural";
        Situational = "situational", "Situational";
        Technical = "technical", "Technical";
        Motivation = "motivation", "Why us, why this role";
        Weaknesses = "weaknesses", "Weaknesses and failures";
        Salary = "salary", "Salary and terms";
        CareerStory = "career_story", "Career story";
        AskThem = "ask_them", "Questions to ask them";
    }
}

/// A question from the built-in starter set, with a tip on what the interviewer is really asking.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct StarterQuestion {
    pub id: &'static str,
    pub category: Category,
    pub text: &'static str,
    pub tip: &'static str,
}

/// The starter question with this id, if there is one.
pub fn starter(id: &str) -> Option<&'static StarterQuestion> {
    STARTER.iter().find(|s| s.id == id)
}

/// About how many words a minute people speak in an interview.
pub const WORDS_PER_MINUTE: u32 = 140;

/// A prepared answer: free text, or the four parts of STAR when `star` is set. Both are kept,
/// so switching modes never loses what was written in the other.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug, Default)]
#[serde(default)]
pub struct Answer {
    pub star: bool,
    pub text: String,
    pub situation: String,
    pub task: String,
    pub action: String,
    pub result: String,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Answer {
    /// The STAR parts with their labels, in order.
    fn star_parts(&self) -> [(&'static str, &str); 4] {
        [
            ("Situation", &self.situation),
            ("Task", &self.task),
            ("Action", &self.action),
            ("Result", &self.result),
        ]
    }

    /// Nothing written in the mode in use (whitespace counts as nothing).
    pub fn is_empty(&self) -> bool {
        if self.star {
            self.star_parts().iter().all(|(_, s)| s.trim().is_empty())
        } else {
            self.text.trim().is_empty()
        }
    }

    /// Words in the mode in use (for STAR, all four parts together).
    pub fn word_count(&self) -> usize {
        if self.star {
            self.star_parts()
                .iter()
                .map(|(_, s)| s.split_whitespace().count())
                .sum()
        } else {
            self.text.split_whitespace().count()
        }
    }

    /// How long the answer takes to say, at about [`WORDS_PER_MINUTE`], rounded to the second.
    pub fn speaking_seconds(&self) -> u32 {
        let words = u64::try_from(self.word_count()).unwrap_or(u64::MAX);
        let wpm = u64::from(WORDS_PER_MINUTE);
        let secs = words.saturating_mul(60).saturating_add(wpm / 2) / wpm;
        u32::try_from(secs).unwrap_or(u32::MAX)
    }

    /// A friendly estimate: "about 40 seconds", "about a minute and a half", "about 2 minutes";
    /// "" when there is nothing to say yet.
    pub fn speaking_label(&self) -> String {
        if self.is_empty() {
            return String::new();
        }
        speaking_label(self.speaking_seconds())
    }

    /// The answer as one text, for reading back in practice: the free text, or
    /// "Situation: …\nTask: …\nAction: …\nResult: …" without the parts left empty.
    pub fn as_text(&self) -> String {
        if self.star {
            self.star_parts()
                .iter()
                .filter(|(_, s)| !s.trim().is_empty())
                .map(|(label, s)| format!("{label}: {}", s.trim()))
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            self.text.trim().to_string()
        }
    }

    /// The same answer with every field cut to [`MAX_FIELD_CHARS`].
    fn clamped(mut self) -> Answer {
        for field in [
            &mut self.text,
            &mut self.situation,
            &mut self.task,
            &mut self.action,
            &mut self.result,
        ] {
            clamp_chars(field);
        }
        self
    }
}

fn clamp_chars(s: &mut String) {
    if let Some((cut, _)) = s.char_indices().nth(MAX_FIELD_CHARS) {
        s.truncate(cut);
    }
}

fn speaking_label(secs: u32) -> String {
    // Under a minute: to the nearest 5 seconds (never "0 seconds").
    let fives = (secs.saturating_add(2) / 5 * 5).max(5);
    if fives < 60 {
        return format!("about {fives} seconds");
    }
    // Up to three minutes, halves are worth saying; beyond that, whole minutes.
    let halves = secs.saturating_add(15) / 30;
    match halves {
        0..=2 => "about a minute".to_string(),
        3 => "about a minute and a half".to_string(),
        5 => "about 2 and a half minutes".to_string(),
        _ => format!("about {} minutes", secs.saturating_add(30) / 60),
    }
}

/// An earlier answer and when it was last written.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug, Default)]
#[serde(default)]
pub struct Revision {
    pub at: Millis,
    pub answer: Answer,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A question in the bank, with the user's answer and its history.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug, Default)]
#[serde(default)]
pub struct Question {
    pub id: Id,
    pub text: String,
    pub category: Category,
    pub tip: String,
    /// True when `id` is a [`STARTER`] id: text, tip and category then come from [`STARTER`].
    pub starter: bool,
    /// Hidden questions never come up in practice.
    pub hidden: bool,
    pub answer: Answer,
    /// Earlier answers, oldest first.
    pub revisions: Vec<Revision>,
    /// The interview where this question caught the user out, if any.
    pub interview_id: Option<Id>,
    pub created: Millis,
    pub updated: Millis,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Versioned for Question {
    fn id(&self) -> &str {
        &self.id
    }
    fn updated(&self) -> Millis {
        self.updated
    }
}

/// A pause in editing at least this long starts a new revision.
pub const REVISION_GAP_MS: Millis = 30 * 60 * 1000;

impl Question {
    /// Whether it is a practice card: not hidden, with an answer written (in the mode in use).
    /// Practice serves only cards: a question without an answer is something to write.
    pub fn is_card(&self) -> bool {
        !self.hidden && !self.answer.is_empty()
    }

    /// A question of the user's own, not yet answered.
    pub fn new(id: Id, text: String, category: Category, now: Millis) -> Question {
        let mut text = text;
        clamp_chars(&mut text);
        Question {
            id,
            text,
            category,
            created: now,
            updated: now,
            ..Question::default()
        }
    }

    /// The question as built from a starter, not yet stored.
    fn from_starter(s: &StarterQuestion) -> Question {
        Question {
            id: s.id.to_string(),
            text: s.text.to_string(),
            category: s.category.clone(),
            tip: s.tip.to_string(),
            starter: true,
            ..Question::default()
        }
    }

    /// Keep the current answer as a revision dated `self.updated`, unless it is empty, equal to
    /// `next`, or already in the history (so switching back and forth adds nothing).
    fn keep_current(&mut self, next: &Answer) -> bool {
        if self.answer.is_empty() || self.answer == *next {
            return false;
        }
        if self.revisions.iter().any(|r| r.answer == self.answer) {
            return false;
        }
        self.revisions.push(Revision {
            at: self.updated,
            answer: self.answer.clone(),
            extra: Extra::new(),
        });
        true
    }

    /// Replace the answer as the user types (each field cut to [`MAX_FIELD_CHARS`]).
    ///
    /// Dated history without a revision per keystroke: when the user comes back to a non-empty
    /// answer after a pause of at least [`REVISION_GAP_MS`], the answer as it stood is pushed as
    /// a [`Revision`] dated `self.updated` (when it was last written) before being replaced. So
    /// each editing session leaves one revision, and two revisions are never pushed less than
    /// the gap apart. Sets `updated = now` when the answer changes (an identical answer changes
    /// nothing). Returns whether a revision was pushed.
    pub fn edit_answer(&mut self, answer: Answer, now: Millis) -> bool {
        let answer = answer.clamped();
        if answer == self.answer {
            return false;
        }
        let paused = now.saturating_sub(self.updated) >= REVISION_GAP_MS;
        let pushed = paused && self.keep_current(&answer);
        self.answer = answer;
        self.updated = now;
        pushed
    }

    /// Bring back revision `index` as the current answer. The current answer (if non-empty and
    /// different) becomes the newest revision first, so nothing is lost; the restored revision
    /// stays in the history too. Returns false for a bad index.
    pub fn restore_revision(&mut self, index: usize, now: Millis) -> bool {
        let Some(restored) = self.revisions.get(index).map(|r| r.answer.clone()) else {
            return false;
        };
        if restored == self.answer {
            return true;
        }
        self.keep_current(&restored);
        self.answer = restored;
        self.updated = now;
        true
    }
}

/// The ids of the bank's questions that may come up in practice (not hidden), in the bank's
/// order, without copying any question. Same as `bank(stored)` filtered on `!hidden` and mapped
/// to ids. Practice serves only the cards among them: see [`cards_and_to_write`].
pub fn visible_ids(stored: &[Question]) -> Vec<Id> {
    let mut own: Vec<&Question> = stored.iter().filter(|q| starter(&q.id).is_none()).collect();
    crate::core::order::sort_by_key(&mut own, |q| std::cmp::Reverse(q.created));
    let mut ids: Vec<Id> = own
        .into_iter()
        .filter(|q| !q.hidden)
        .map(|q| q.id.clone())
        .collect();
    for s in STARTER {
        let latest = stored.iter().filter(|q| q.id == s.id).reduce(|a, b| {
            if b.updated > a.updated {
                b
            } else {
                a
            }
        });
        if !latest.is_some_and(|q| q.hidden) {
            ids.push(s.id.to_string());
        }
    }
    ids
}

/// Which of `ids` are practice cards ([`Question::is_card`]) and which are still to write
/// (not hidden, no answer yet; a starter never stored has none), each in the order given. Hidden
/// questions and ids that are in neither the store nor [`STARTER`] are left out; a repeated id
/// counts once. When a question is stored twice, the latest write counts.
pub fn split(ids: &[Id], stored: &[Question]) -> (Vec<Id>, Vec<Id>) {
    let mut latest: HashMap<&str, &Question> = HashMap::with_capacity(stored.len());
    for q in stored {
        let slot = latest.entry(q.id.as_str()).or_insert(q);
        if q.updated > slot.updated {
            *slot = q;
        }
    }
    let mut seen: HashSet<&str> = HashSet::with_capacity(ids.len());
    let (mut cards, mut to_write) = (Vec::new(), Vec::new());
    for id in ids {
        if !seen.insert(id.as_str()) {
            continue;
        }
        match latest.get(id.as_str()) {
            Some(q) if q.hidden => {}
            Some(q) if q.is_card() => cards.push(id.clone()),
            Some(_) => to_write.push(id.clone()),
            None if starter(id).is_some() => to_write.push(id.clone()),
            None => {}
        }
    }
    (cards, to_write)
}

/// The whole bank split the same way, in the bank's order: the cards Practice serves (the
/// candidates for `practice::due_queue`) and the questions the "Write answers" flow offers.
pub fn cards_and_to_write(stored: &[Question]) -> (Vec<Id>, Vec<Id>) {
    split(&visible_ids(stored), stored)
}

/// The whole bank: every stored question, plus every [`STARTER`] question not stored yet (built
/// with `starter: true`, created/updated 0). A stored question whose id is a starter id takes its
/// text, tip and category from [`STARTER`] (so wording fixes reach users), keeping the user's
/// answer, history and hidden flag. A stored starter whose id has left [`STARTER`] is kept as a
/// question of the user's own (nothing is lost).
///
/// Order: the user's own questions first (newest `created` first), then the starters in
/// [`STARTER`] order.
pub fn bank(stored: &[Question]) -> Vec<Question> {
    let mut own: Vec<Question> = stored
        .iter()
        .filter(|q| starter(&q.id).is_none())
        .cloned()
        .map(|mut q| {
            q.starter = false;
            q
        })
        .collect();
    crate::core::order::sort_by_key(&mut own, |q| std::cmp::Reverse(q.created));

    let starters = STARTER.iter().map(|s| {
        // Should the same starter be stored twice, the latest write wins.
        let stored = stored.iter().filter(|q| q.id == s.id).reduce(|a, b| {
            if b.updated > a.updated {
                b
            } else {
                a
            }
        });
        match stored {
            Some(q) => Question {
                text: s.text.to_string(),
                tip: s.tip.to_string(),
                category: s.category.clone(),
                starter: true,
                ..q.clone()
            },
            None => Question::from_starter(s),
        }
    });
    own.extend(starters);
    own
}

/// Case-insensitive search in the question, its tip and its answer (both modes), optionally
/// within one category. Every word of the query must appear; an empty query matches all. Keeps
/// the input order.
pub fn filter<'a>(
    questions: &'a [Question],
    category: Option<Category>,
    query: &str,
) -> Vec<&'a Question> {
    let query = query.to_lowercase();
    let words: Vec<&str> = query.split_whitespace().collect();
    questions
        .iter()
        .filter(|q| category.as_ref().is_none_or(|c| q.category == *c))
        .filter(|q| {
            if words.is_empty() {
                return true;
            }
            let a = &q.answer;
            let haystack = [
                &q.text,
                &q.tip,
                &a.text,
                &a.situation,
                &a.task,
                &a.action,
                &a.result,
            ]
            .iter()
            .map(|s| s.to_lowercase())
            .collect::<Vec<_>>()
            .join("\n");
            words.iter().all(|w| haystack.contains(w))
        })
        .collect()
}
