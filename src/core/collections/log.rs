//! The review log: every rating, oldest first, stored one key a month (schema 3 on).
//!
//! **Chunks.** The log only grows (30,000 ratings in five years of heavy use), and a rating adds
//! one entry. So the log is stored in chunks, one key for the ratings of each month (UTC):
//! `rebound.reviews.2026-03`. A rating marks only its month's chunk for saving, and the save
//! writes that one small chunk, never the whole history. Chunks are packed from
//! [`CHUNK_PACK_FROM_BYTES`] (a month of heavy use is about 20 KB of JSON, which would cost twice
//! that as UTF-16 unpacked); a chunk with no ratings left is removed. A backup still holds the
//! log as one array.
//!
//! **Identity.** An entry is known by its question id and its time in milliseconds. One person
//! rates one card at a time, so two ratings of the same question never share a millisecond,
//! while ratings made in two tabs always differ in one or the other: the log of two tabs (or of
//! a backup merged in) is their union, in time order, with nothing lost and nothing twice. The
//! grade is not part of the identity, so the same rating read twice (from the one-key log and
//! its chunk after an interrupted migration, or from a backup merged twice, perhaps with
//! elements a newer version added after the grade) counts once.

use std::collections::{BTreeSet, HashSet};

use chrono::{Datelike, NaiveDate};

use super::{items, run, Data, Db, Folded, Merged, ReadError, Salvage, Unsaved};
use crate::core::model::{Id, Millis};
use crate::core::practice::ReviewEntry;

/// Chunks of at least this many bytes of JSON are stored packed (see `packing`).
pub const CHUNK_PACK_FROM_BYTES: usize = 4 * 1024;

/// An entry's identity: its question id and its time (see the module's doc).
pub fn identity(e: &ReviewEntry) -> (&str, Millis) {
    (e.id.as_str(), e.at)
}

/// The chunk a rating at `at` belongs to: its UTC month, `YYYY-MM` (times outside the years
/// 1970 to 9999 go to the nearest month).
pub fn month_of(at: Millis) -> String {
    let (y, m) = crate::core::display::from_millis(clamped(at))
        .map(|t| (t.year(), t.month()))
        .unwrap_or((1970, 1));
    format!("{y:04}-{m:02}")
}

/// `at` within the years 1970 to 9999.
fn clamped(at: Millis) -> Millis {
    const LAST_MS: Millis = 253_402_300_799_999; // 9999-12-31 23:59:59.999
    at.clamp(0, LAST_MS)
}

/// The first millisecond of chunk `month` and of the month after, if `month` is a chunk's name.
fn bounds(month: &str) -> Option<(Millis, Millis)> {
    let (y, m) = month.split_once('-')?;
    if y.len() != 4 || m.len() != 2 || !(y.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    let start = NaiveDate::from_ymd_opt(y, m, 1)?;
    let end = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    let ms = |d: NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .map(|t| t.and_utc().timestamp_millis())
    };
    Some((ms(start)?, end.and_then(ms).unwrap_or(Millis::MAX)))
}

/// Whether `name` names a chunk (`YYYY-MM`, a real month).
pub fn is_month(name: &str) -> bool {
    bounds(name).is_some()
}

/// Whether a rating at a time belongs to chunk `month` (worked out once for many ratings).
fn in_month(month: &str) -> impl Fn(&ReviewEntry) -> bool {
    let (start, end) = bounds(month).unwrap_or((1, 0));
    move |e| (start..end).contains(&clamped(e.at))
}

/// Put `log` in time order with one entry per identity (the first one read is kept). Cheap on
/// a log that is already in order.
pub fn normalize(log: &mut Vec<ReviewEntry>) {
    if !log.windows(2).all(|w| w[0].at <= w[1].at) {
        crate::core::order::sort_by_key(log, |e| e.at);
    }
    // Equal identities have equal times, so they sit in one run of equal times.
    let mut keep = Vec::with_capacity(log.len());
    let mut run_start = 0;
    for i in 0..log.len() {
        if log[i].at != log[run_start].at {
            run_start = i;
        }
        keep.push(!log[run_start..i].iter().any(|e| e.id == log[i].id));
    }
    let mut flags = keep.into_iter();
    log.retain(|_| flags.next().unwrap_or(true));
}

/// The chunks `log` fills, in the order of their first rating, each with its entries in order.
pub fn chunks(log: &[ReviewEntry]) -> Vec<(String, Vec<&ReviewEntry>)> {
    let mut out: Vec<(String, Vec<&ReviewEntry>)> = Vec::new();
    let mut last: Option<(usize, Millis, Millis)> = None;
    for e in log {
        let at = clamped(e.at);
        let slot = match last {
            Some((i, start, end)) if start <= at && at < end => i,
            _ => {
                let month = month_of(e.at);
                let (start, end) = bounds(&month).unwrap_or((at, at + 1));
                let i = match out.iter().position(|(m, _)| *m == month) {
                    Some(i) => i,
                    None => {
                        out.push((month, Vec::new()));
                        out.len() - 1
                    }
                };
                last = Some((i, start, end));
                i
            }
        };
        out[slot].1.push(e);
    }
    out
}

/// The stored text of chunk `month` (`None`: no rating of `log` is in it).
pub fn encode_month(log: &[ReviewEntry], month: &str) -> Result<Option<String>, serde_json::Error> {
    let inside = in_month(month);
    let entries: Vec<&ReviewEntry> = log.iter().filter(|e| inside(e)).collect();
    if entries.is_empty() {
        return Ok(None);
    }
    serde_json::to_string(&entries).map(Some)
}

/// Fold in chunk `month` as another tab just stored it (`theirs`). The ratings of that month
/// follow the other tab, which holds every rating it has seen, less one it undid; ratings made
/// in this tab (`made_here`, by identity) are kept even when the other tab has not seen them
/// yet (a union), so two tabs rating at once both keep both. Other months are untouched.
pub fn fold_chunk(
    log: &mut Vec<ReviewEntry>,
    month: &str,
    theirs: Vec<ReviewEntry>,
    made_here: &[(Id, Millis)],
) -> Folded {
    let inside = in_month(month);
    let before: Vec<ReviewEntry> = log.iter().filter(|e| inside(e)).cloned().collect();
    let mut after: Vec<ReviewEntry> = theirs.iter().filter(|e| inside(e)).cloned().collect();
    let theirs_ids: HashSet<(&str, Millis)> = after.iter().map(identity).collect();
    let mine: Vec<ReviewEntry> = before
        .iter()
        .filter(|e| !theirs_ids.contains(&identity(e)))
        .filter(|e| made_here.iter().any(|(id, at)| *id == e.id && *at == e.at))
        .cloned()
        .collect();
    let differs_from_stored = !mine.is_empty() || after.len() != theirs.len();
    after.extend(mine);
    normalize(&mut after);
    let changed = after != before;
    if changed {
        log.retain(|e| !inside(e));
        log.extend(after);
        normalize(log);
    }
    Folded {
        overwritten: Vec::new(),
        differs_from_stored,
        changed,
    }
}

/// The log of ratings: entries without ids of their own, oldest first.
pub struct LogData;

impl Data for LogData {
    fn encode(&self, db: &Db) -> Result<String, serde_json::Error> {
        serde_json::to_string(db.reviews.as_slice())
    }
    /// Loading adds to what is there (the chunks and, during a migration, the one-key log are
    /// read one after another); `schema::load` puts the whole in order once at the end.
    fn load(&self, db: &mut Db, text: &str) -> Salvage {
        if let Ok(log) = serde_json::from_str::<Vec<ReviewEntry>>(text) {
            let kept = log.len();
            db.reviews.extend(log);
            return Salvage {
                kept,
                ..Salvage::default()
            };
        }
        let items = match items(text) {
            Ok(items) => items,
            Err(e) => return Salvage::whole(e),
        };
        let total = items.len();
        let read: Vec<ReviewEntry> = items
            .into_iter()
            .filter_map(|item| serde_json::from_str::<ReviewEntry>(item.get()).ok())
            .collect();
        let kept = read.len();
        db.reviews.extend(read);
        Salvage {
            kept,
            unreadable: total - kept,
            whole: None,
        }
    }
    fn import_items(
        &self,
        db: &mut Db,
        items: &[&str],
        first: usize,
        _seen: &mut HashSet<String>,
    ) -> Result<(), ReadError> {
        db.reviews.reserve(items.len());
        for (index, item) in (first..).zip(items) {
            let entry = serde_json::from_str::<ReviewEntry>(item).map_err(|e| ReadError::Bad {
                index,
                reason: e.to_string(),
            })?;
            db.reviews.push(entry);
        }
        Ok(())
    }
    fn encode_range(&self, db: &Db, from: usize, to: usize) -> Result<String, serde_json::Error> {
        serde_json::to_string(run(&db.reviews, from, to))
    }
    fn len(&self, db: &Db) -> usize {
        db.reviews.len()
    }
    fn versions<'a>(&self, _db: &'a Db) -> Vec<(&'a str, Millis)> {
        Vec::new()
    }
    fn merge(&self, db: &mut Db, incoming: &Db) -> Option<Merged> {
        // Every rating on either side, once (by identity), in time order.
        let known: HashSet<(&str, Millis)> = db.reviews.iter().map(identity).collect();
        let added: Vec<ReviewEntry> = incoming
            .reviews
            .iter()
            .filter(|e| !known.contains(&identity(e)))
            .cloned()
            .collect();
        let count = added.len();
        if count > 0 {
            db.reviews.extend(added);
            normalize(&mut db.reviews);
        }
        Some(Merged {
            added: count,
            updated: 0,
            unchanged: db.reviews.len().saturating_sub(count),
        })
    }
    fn record_json(&self, _db: &Db, _id: &str) -> Option<String> {
        None
    }
    fn fold_in(&self, db: &mut Db, incoming: &mut Db, _unsaved: &Unsaved, _dirty: bool) -> Folded {
        // The whole log at once (tab sync goes chunk by chunk, see `fold_chunk`): a union.
        let mut union = incoming.clone();
        self.merge(&mut union, db);
        let differs_from_stored = union.reviews != incoming.reviews;
        let changed = union.reviews != db.reviews;
        if changed {
            db.reviews = union.reviews;
        }
        Folded {
            overwritten: Vec::new(),
            differs_from_stored,
            changed,
        }
    }
    fn take(&self, from: &mut Db, to: &mut Db) {
        to.reviews = std::mem::take(&mut from.reviews);
    }
    fn copy_some(&self, from: &Db, _ids: &BTreeSet<Id>, to: &mut Db) {
        to.reviews = from.reviews.clone();
    }
    fn same(&self, a: &Db, b: &Db) -> bool {
        a.reviews == b.reviews
    }
}

mod held;
pub use held::Log;

#[cfg(test)]
mod tests;
