//! The review log as a [`Db`](super::Db) holds it: its entries, or, straight after start-up,
//! the chunks as they were read from storage, not yet unpacked or parsed.
//!
//! The log is the largest thing stored (30,000 ratings in five years) and the first screen
//! seldom needs it, so start-up may leave it unread ([`Log::unread`]); the first read of it
//! (through `Deref`, from anywhere) parses it then. Parsing needs only `&self`, so a reader in
//! the middle of reading other collections gets the whole log too. What did not read is kept as
//! [`Problem`]s until the shell takes them ([`Log::take_problems`]), which it must do before it
//! writes any chunk.

use std::ops::{Deref, DerefMut};
use std::sync::{Mutex, OnceLock};

use crate::core::collections::Collection;
use crate::core::packing;
use crate::core::practice::ReviewEntry;
use crate::core::schema::{self, Problem};

/// The review log held in a [`Db`](super::Db): reads as a `Vec<ReviewEntry>`, oldest first.
#[derive(Default)]
pub struct Log {
    /// The entries (empty while the chunks are unread or parsed into `parsed`).
    entries: Vec<ReviewEntry>,
    /// The chunks, once all read through `&self`.
    parsed: OnceLock<Vec<ReviewEntry>>,
    /// Chunks as stored (key, text, packed or not), not yet read.
    unread: Mutex<Option<Vec<(String, String)>>>,
    /// The entries of the chunks read so far ([`read_some`](Log::read_some)), and ratings
    /// added while some were unread ([`add`](Log::add)).
    read: Mutex<Vec<ReviewEntry>>,
    /// What did not read when the chunks were parsed, until the shell takes it.
    problems: Mutex<Vec<Problem>>,
}

impl Log {
    /// A log read from `chunks` (key and stored text) the first time anything reads it.
    pub fn unread(chunks: Vec<(String, String)>) -> Log {
        Log {
            unread: Mutex::new(Some(chunks)),
            ..Log::default()
        }
    }

    /// Add a rating just made, without reading the chunks still unread (the first rating may
    /// come before they are all read; it is in the log, in order, once they are).
    pub fn add(&mut self, entry: ReviewEntry) {
        let unread = self.parsed.get().is_none() && self.is_unread();
        match self.read.get_mut() {
            Ok(read) if unread => read.push(entry),
            _ => self.deref_mut().push(entry),
        }
    }

    /// Whether some chunks are still unread.
    pub fn is_unread(&self) -> bool {
        self.unread.lock().is_ok_and(|u| u.is_some())
    }

    /// Read up to `chunks` of the chunks still unread (a few at a time, so that no task is long
    /// on a phone); the last of them makes the log whole. Returns whether any are left.
    pub fn read_some(&self, chunks: usize) -> bool {
        let (some, left) = match self.unread.lock().as_deref_mut() {
            Ok(Some(unread)) => {
                let some: Vec<_> = unread.drain(..chunks.min(unread.len())).collect();
                (some, !unread.is_empty())
            }
            _ => return false,
        };
        self.read_chunks(some);
        if !left {
            let _ = <Log as Deref>::deref(self);
        }
        left
    }

    /// Read the log if it is still unread, and take what did not read (each as
    /// `schema::load` reports it).
    pub fn take_problems(&self) -> Vec<Problem> {
        let _ = <Log as Deref>::deref(self);
        self.problems
            .lock()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or_default()
    }

    /// Parse `chunks` as `schema::load` does into `read`, keeping what did not read for
    /// [`take_problems`](Self::take_problems).
    fn read_chunks(&self, chunks: Vec<(String, String)>) {
        let mut db = super::Db::default();
        let mut problems = Vec::new();
        for (key, stored) in chunks {
            // Unpacked as storage unpacks: a value that does not unpack is read as stored.
            let text = packing::unpack_or_keep(stored);
            problems.extend(schema::read_text(
                &mut db,
                Collection::Reviews,
                &key,
                &text,
                &text,
            ));
        }
        if let Ok(mut p) = self.problems.lock() {
            p.extend(problems);
        }
        if let Ok(mut read) = self.read.lock() {
            read.append(&mut db.reviews.entries);
        }
    }

    /// Every chunk read: the entries in order.
    fn whole(&self) -> Vec<ReviewEntry> {
        let mut entries = self
            .read
            .lock()
            .map(|mut r| std::mem::take(&mut *r))
            .unwrap_or_default();
        super::normalize(&mut entries);
        entries
    }
}

impl Deref for Log {
    type Target = Vec<ReviewEntry>;
    fn deref(&self) -> &Vec<ReviewEntry> {
        if let Some(parsed) = self.parsed.get() {
            return parsed;
        }
        let chunks = self.unread.lock().ok().and_then(|mut u| u.take());
        match chunks {
            Some(chunks) => {
                self.read_chunks(chunks);
                self.parsed.get_or_init(|| self.whole())
            }
            None => &self.entries,
        }
    }
}

impl DerefMut for Log {
    fn deref_mut(&mut self) -> &mut Vec<ReviewEntry> {
        // Read first (`Log`'s own `deref`, not the `&mut` reference's).
        let _ = <Log as Deref>::deref(self);
        if let Some(parsed) = self.parsed.take() {
            self.entries = parsed;
        }
        &mut self.entries
    }
}

impl FromIterator<ReviewEntry> for Log {
    fn from_iter<I: IntoIterator<Item = ReviewEntry>>(iter: I) -> Log {
        Log::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl From<Vec<ReviewEntry>> for Log {
    fn from(entries: Vec<ReviewEntry>) -> Log {
        Log {
            entries,
            ..Log::default()
        }
    }
}

/// A copy holds the entries (read first if need be); what did not read stays with the original.
impl Clone for Log {
    fn clone(&self) -> Log {
        Log::from(self.deref().clone())
    }
}

impl PartialEq for Log {
    fn eq(&self, other: &Log) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for Log {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.deref().fmt(f)
    }
}
