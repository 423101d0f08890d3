//! Two tabs, one person: folding a collection written by another tab into this tab's copy.

use std::collections::BTreeSet;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use super::model::{Id, Versioned};

/// The result of reconciling: the records to show, and the ids whose local edits lost to a
/// later write from the other tab (so this tab can say so).
#[derive(Clone, PartialEq, Debug)]
pub struct Reconciled<T> {
    pub records: Vec<T>,
    pub overwritten: Vec<Id>,
}

/// Fold `incoming` (what another tab just stored) into `local`.
///
/// - Records this tab has not touched since its last save take the stored version (including
///   deletions made in the other tab).
/// - Records this tab touched (`touched`: edited or created, not yet saved) are kept unless the
///   incoming version was written later, in which case the later write wins and the id is
///   reported in `overwritten`.
/// - Records this tab deleted but has not saved yet (`deleted`) stay deleted.
pub fn reconcile<T: Versioned>(
    local: &[T],
    incoming: &[T],
    touched: &BTreeSet<Id>,
    deleted: &BTreeSet<Id>,
) -> Reconciled<T> {
    reconcile_with(local, incoming, touched, deleted, |mine, theirs| {
        if theirs.updated() > mine.updated() {
            (theirs.clone(), true)
        } else {
            (mine.clone(), false)
        }
    })
}

/// [`reconcile`], with `resolve` deciding a record edited here and changed in the other tab:
/// it gives the record to keep and whether an edit made here was lost.
pub fn reconcile_with<T: Versioned>(
    local: &[T],
    incoming: &[T],
    touched: &BTreeSet<Id>,
    deleted: &BTreeSet<Id>,
    resolve: impl Fn(&T, &T) -> (T, bool),
) -> Reconciled<T> {
    let mut records = Vec::with_capacity(incoming.len().max(local.len()));
    let mut overwritten = Vec::new();
    for theirs in incoming {
        if deleted.contains(theirs.id()) {
            continue;
        }
        let mine = local.iter().find(|l| l.id() == theirs.id());
        match mine {
            Some(mine) if touched.contains(mine.id()) && mine != theirs => {
                let (kept, lost) = resolve(mine, theirs);
                if lost {
                    overwritten.push(theirs.id().to_string());
                }
                records.push(kept);
            }
            _ => records.push(theirs.clone()),
        }
    }
    // Records created here and not saved yet are not in the other tab's copy: keep them.
    for mine in local {
        if touched.contains(mine.id()) && !incoming.iter().any(|t| t.id() == mine.id()) {
            records.push(mine.clone());
        }
    }
    Reconciled {
        records,
        overwritten,
    }
}

/// Fields that say when a record was made or changed: they always differ between two edits,
/// and the later one is kept without counting as a lost edit.
const TIME_FIELDS: [&str; 3] = ["created", "updated", "u"];

/// Merge two versions of one record field by field, against `base`, the record as stored
/// before this tab's unsaved edits (its JSON text; `None`: this tab created it, so it is
/// compared with an empty record). A field changed on one side only takes that side's value;
/// a field changed on both sides takes the value of the record changed later, and is reported
/// as an edit lost here when that is the other tab's. Objects inside a record (the feedback,
/// a STAR answer) are merged the same way, field by field; lists are one value.
///
/// Returns `None` if a version cannot be turned into JSON and back (then the caller falls back
/// to keeping the later record whole).
pub fn merge_fields<T>(base: Option<&str>, mine: &T, theirs: &T) -> Option<(T, bool)>
where
    T: Versioned + Serialize + DeserializeOwned + Default,
{
    // The typed part is only JSON text in and out; the merging itself is compiled once.
    let json = |r: &T| serde_json::to_string(r).ok();
    let base = match base {
        Some(text) => text.to_string(),
        None => json(&T::default())?,
    };
    let theirs_later = theirs.updated() > mine.updated();
    let (merged, lost) = merge_json(&base, &json(mine)?, &json(theirs)?, theirs_later)?;
    Some((serde_json::from_str::<T>(&merged).ok()?, lost))
}

/// [`merge_fields`] on JSON texts of records: the merged record's text, and whether an edit
/// made here (`mine`) was lost.
fn merge_json(base: &str, mine: &str, theirs: &str, theirs_later: bool) -> Option<(String, bool)> {
    let (base, mine, theirs) = (parse(base)?, parse(mine)?, parse(theirs)?);
    let mut lost = false;
    let merged = merge_objects(&base, &mine, &theirs, theirs_later, &mut lost);
    Some((Value::Object(merged).to_string(), lost))
}

fn parse(text: &str) -> Option<Map<String, Value>> {
    match serde_json::from_str::<Value>(text).ok()? {
        Value::Object(map) => Some(map),
        _ => None,
    }
}

fn merge_objects(
    base: &Map<String, Value>,
    mine: &Map<String, Value>,
    theirs: &Map<String, Value>,
    theirs_later: bool,
    lost: &mut bool,
) -> Map<String, Value> {
    let mut out = Map::new();
    for key in mine.keys().chain(theirs.keys()) {
        if out.contains_key(key) {
            continue;
        }
        let (b, m, t) = (base.get(key), mine.get(key), theirs.get(key));
        let value = if m == t || t == b {
            m
        } else if m == b {
            t
        } else if let (Some(Value::Object(mo)), Some(Value::Object(to))) = (m, t) {
            let empty = Map::new();
            let bo = match b {
                Some(Value::Object(bo)) => bo,
                _ => &empty,
            };
            out.insert(
                key.clone(),
                Value::Object(merge_objects(bo, mo, to, theirs_later, lost)),
            );
            continue;
        } else if theirs_later {
            *lost |= !TIME_FIELDS.contains(&key.as_str());
            t
        } else {
            m
        };
        if let Some(v) = value {
            out.insert(key.clone(), v.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Interview, Millis};

    fn iv(id: &str, company: &str, updated: Millis) -> Interview {
        Interview {
            id: id.into(),
            company: company.into(),
            updated,
            ..Interview::default()
        }
    }

    fn ids(list: &[Interview]) -> Vec<(&str, &str)> {
        let mut v: Vec<_> = list
            .iter()
            .map(|i| (i.id.as_str(), i.company.as_str()))
            .collect();
        v.sort();
        v
    }

    fn set(items: &[&str]) -> BTreeSet<Id> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn untouched_records_follow_the_other_tab_including_deletions() {
        let local = vec![iv("a", "A", 1), iv("b", "B", 1)];
        let incoming = vec![iv("a", "A2", 2), iv("c", "C", 2)];
        let r = reconcile(&local, &incoming, &set(&[]), &set(&[]));
        assert_eq!(ids(&r.records), [("a", "A2"), ("c", "C")]);
        assert!(r.overwritten.is_empty());
    }

    #[test]
    fn different_records_edited_in_two_tabs_both_survive() {
        let local = vec![iv("a", "A-mine", 5), iv("b", "B", 1), iv("new", "Mine", 5)];
        let incoming = vec![iv("a", "A", 1), iv("b", "B-theirs", 6)];
        let r = reconcile(&local, &incoming, &set(&["a", "new"]), &set(&[]));
        assert_eq!(
            ids(&r.records),
            [("a", "A-mine"), ("b", "B-theirs"), ("new", "Mine")]
        );
        assert!(r.overwritten.is_empty());
    }

    #[test]
    fn same_record_later_write_wins_and_is_reported() {
        let local = vec![iv("a", "mine", 5)];
        let later = vec![iv("a", "theirs", 9)];
        let r = reconcile(&local, &later, &set(&["a"]), &set(&[]));
        assert_eq!(ids(&r.records), [("a", "theirs")]);
        assert_eq!(r.overwritten, vec!["a".to_string()]);
        let earlier = vec![iv("a", "theirs", 3)];
        let r = reconcile(&local, &earlier, &set(&["a"]), &set(&[]));
        assert_eq!(ids(&r.records), [("a", "mine")]);
        assert!(r.overwritten.is_empty());
    }

    #[test]
    fn unsaved_local_deletions_stay_deleted() {
        let local = vec![iv("b", "B", 1)];
        let incoming = vec![iv("a", "A", 1), iv("b", "B", 1)];
        let r = reconcile(&local, &incoming, &set(&[]), &set(&["a"]));
        assert_eq!(ids(&r.records), [("b", "B")]);
    }

    #[test]
    fn fields_edited_on_different_sides_are_both_kept() {
        let base = Interview {
            id: "a".into(),
            company: "Acme".into(),
            notes: "old".into(),
            updated: 1,
            ..Interview::default()
        };
        let base_text = serde_json::to_string(&base).unwrap();
        let mine = Interview {
            company: "Acme Corp".into(),
            updated: 5,
            ..base.clone()
        };
        let theirs = Interview {
            notes: "new notes".into(),
            updated: 6,
            ..base.clone()
        };
        let (merged, lost) = merge_fields(Some(&base_text), &mine, &theirs).unwrap();
        assert_eq!(merged.company, "Acme Corp");
        assert_eq!(merged.notes, "new notes");
        assert_eq!(merged.updated, 6);
        assert!(!lost);
        // The same field on both sides: the later record's value wins, and it is reported when
        // that is the other tab's.
        let theirs = Interview {
            company: "Acme Inc".into(),
            updated: 7,
            ..base.clone()
        };
        let (merged, lost) = merge_fields(Some(&base_text), &mine, &theirs).unwrap();
        assert_eq!(merged.company, "Acme Inc");
        assert!(lost);
        let (merged, lost) = merge_fields(Some(&base_text), &theirs, &mine).unwrap();
        assert_eq!(merged.company, "Acme Inc", "mine (here: theirs) is later");
        assert!(!lost);
    }

    #[test]
    fn a_record_made_in_both_tabs_merges_against_an_empty_one() {
        use crate::core::model::Reflection;
        let mine = Reflection {
            id: "a".into(),
            went_well: "Clear story".into(),
            updated: 5,
            ..Reflection::default()
        };
        let theirs = Reflection {
            id: "a".into(),
            fell_short: "Rambled".into(),
            updated: 6,
            ..Reflection::default()
        };
        let (merged, lost) = merge_fields(None, &mine, &theirs).unwrap();
        assert_eq!(merged.went_well, "Clear story");
        assert_eq!(merged.fell_short, "Rambled");
        assert!(!lost);
    }

    #[test]
    fn nested_parts_merge_field_by_field() {
        use crate::core::model::FeedbackStatus;
        let base = iv("a", "A", 1);
        let base_text = serde_json::to_string(&base).unwrap();
        let mut mine = base.clone();
        mine.feedback.said = "They liked the portfolio".into();
        mine.updated = 5;
        let mut theirs = base.clone();
        theirs.feedback.status = FeedbackStatus::Asked;
        theirs.updated = 6;
        let (merged, lost) = merge_fields(Some(&base_text), &mine, &theirs).unwrap();
        assert_eq!(merged.feedback.said, "They liked the portfolio");
        assert_eq!(merged.feedback.status, FeedbackStatus::Asked);
        assert!(!lost);
    }
}
