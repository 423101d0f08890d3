//! Two tabs, one person: folding a collection written by another tab into this tab's copy.

use std::collections::BTreeSet;

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
    let mut records = Vec::with_capacity(incoming.len().max(local.len()));
    let mut overwritten = Vec::new();
    for theirs in incoming {
        if deleted.contains(theirs.id()) {
            continue;
        }
        let mine = local.iter().find(|l| l.id() == theirs.id());
        match mine {
            Some(mine) if touched.contains(mine.id()) && mine != theirs => {
                if theirs.updated() > mine.updated() {
                    overwritten.push(theirs.id().to_string());
                    records.push(theirs.clone());
                } else {
                    records.push(mine.clone());
                }
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
}
