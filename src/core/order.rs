//! Sorting for the whole app through one copy of the standard library's sort.
//!
//! Every `sort_by` with its own closure compiles its own copy of the standard sort, 3 to 4 KB
//! of wasm each; twenty of them were about 6% of what a first visit downloads. Here the
//! comparisons go through `&dyn Fn` on positions, so the sort itself is compiled once, and
//! only a small in-place reordering is compiled per element type. The sort is stable.

use std::cmp::Ordering;

/// Positions `0..len` in stable sorted order, comparing positions with `cmp`.
fn sorted_positions(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|&a, &b| cmp(a, b));
    positions
}

/// Put `items` in the order of `positions`: place `k` gets the item that was at
/// `positions[k]`. `positions` is a permutation of the indices; each cycle of it is followed
/// with swaps, so nothing is cloned.
fn reorder<T>(items: &mut [T], positions: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut k = start;
        while !placed[k] {
            placed[k] = true;
            let from = positions[k];
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

/// Stable sort by a comparison, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let positions = sorted_positions(items.len(), &|a, b| cmp(&items[a], &items[b]));
    reorder(items, &positions);
}

/// Stable sort by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Stable sort by a key worked out once an item, like `slice::sort_by_cached_key`.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let positions = sorted_positions(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    reorder(items, &positions);
}

/// Sort into ascending order and drop repeats, like `sort` then `dedup`.
pub fn sort_dedup<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
    items.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_are_stable() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, vec![(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut w = vec![(2, 'a'), (1, 'b'), (2, 'c')];
        sort_by_cached_key(&mut w, |p| std::cmp::Reverse(p.0));
        assert_eq!(w, vec![(2, 'a'), (2, 'c'), (1, 'b')]);
        let mut e: Vec<u8> = Vec::new();
        sort_dedup(&mut e);
        assert!(e.is_empty());
    }

    proptest! {
        #[test]
        fn same_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut theirs = v.clone();
            theirs.sort_by_key(|b| std::cmp::Reverse(b.0));
            prop_assert_eq!(ours, theirs);

            let mut ours = v.clone();
            sort_dedup(&mut ours);
            let mut theirs = v;
            theirs.sort();
            theirs.dedup();
            prop_assert_eq!(ours, theirs);
        }
    }
}
