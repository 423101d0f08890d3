//! How the insights read a note: only its first [`MAX_SCAN_CHARS`] characters, lower-cased,
//! split Unicode-safely into words and phrases, plurals folded, stopwords skipped; and
//! [`Shared`], which counts the terms that come up in two or more notes.

use std::borrow::Cow;
use std::collections::HashMap;

use super::words::STOPWORDS;
use super::{MAX_SCAN_CHARS, MAX_WORD_CHARS};

fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

/// Simple English plural folding: "stories" -> "story", "processes" -> "process",
/// "approaches" -> "approach", "designs" -> "design"; "status", "analysis", "class" stay.
pub(super) fn fold(word: &str) -> Cow<'_, str> {
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
pub(super) fn meaningful(word: &str) -> Option<Cow<'_, str>> {
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
pub(super) fn lowered(text: &str) -> String {
    scanned(text).to_lowercase()
}

/// Runs of words between punctuation, in a [`lowered`] text.
pub(super) fn segments(lower: &str) -> Vec<Vec<&str>> {
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
pub(super) fn for_each_term(text: &str, mut f: impl FnMut(&str, &str)) {
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
pub(super) fn terms(text: &str) -> HashMap<String, String> {
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
pub(super) struct Shared(FastMap<String, (Vec<usize>, String)>);

impl Shared {
    /// Text `n` has `term`, written `surface`. Texts are added in order, so a repeat of the same
    /// text is the last one recorded.
    pub(super) fn add(&mut self, n: usize, term: &str, surface: &str) {
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
    pub(super) fn repeated(self) -> Vec<(String, Vec<usize>, String)> {
        self.0
            .into_iter()
            .filter(|(_, (refs, _))| refs.len() >= 2)
            .map(|(t, (refs, surface))| (t, refs, surface))
            .collect()
    }
}

/// All words of a text, folded, joined by single spaces with a space at each end (so that
/// `contains(" word ")` finds whole words and phrases).
pub(super) fn normalised(text: &str) -> String {
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
