//! Long lists (the plan, the interviews, the journey's timeline, the question bank) drawn a page
//! at a time: what fits on a phone's screen first, the rest when asked for. Filtering and
//! counting go by the whole list; only the drawing is paged.

/// How many rows a list draws at first, and how many more each "Show more" adds.
pub const PAGE: usize = 20;

/// The button under a list of `total` rows with `shown` drawn: "Show 20 more", "Show 3 more",
/// `None` once every row is drawn.
pub fn more_label(total: usize, shown: usize) -> Option<String> {
    let left = total.saturating_sub(shown);
    (left > 0).then(|| format!("Show {} more", left.min(PAGE)))
}

/// How many rows to draw so that the row at `index` is among them (a link to it, a row just
/// added or moved): whole pages, never fewer than `shown`.
pub fn reveal(shown: usize, index: usize) -> usize {
    shown.max((index / PAGE + 1) * PAGE)
}

/// The first `shown` rows of groups drawn one after another (the interviews: active, then
/// closed): how many of each group to draw, in order.
pub fn split(groups: &[usize], shown: usize) -> Vec<usize> {
    let mut left = shown;
    groups
        .iter()
        .map(|&n| {
            let take = n.min(left);
            left -= take;
            take
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_button_says_how_many_more_it_draws() {
        assert_eq!(more_label(100, 20).as_deref(), Some("Show 20 more"));
        assert_eq!(more_label(23, 20).as_deref(), Some("Show 3 more"));
        assert_eq!(more_label(1, 0).as_deref(), Some("Show 1 more"));
        assert_eq!(more_label(20, 20), None);
        assert_eq!(more_label(5, 20), None);
        assert_eq!(more_label(0, 0), None);
    }

    #[test]
    fn a_row_out_of_sight_is_drawn_with_its_page() {
        assert_eq!(reveal(PAGE, 0), PAGE);
        assert_eq!(reveal(PAGE, PAGE - 1), PAGE);
        assert_eq!(reveal(PAGE, PAGE), 2 * PAGE);
        assert_eq!(reveal(PAGE, 99), 100);
        assert_eq!(reveal(60, 3), 60);
    }

    #[test]
    fn groups_share_the_rows_drawn_in_order() {
        assert_eq!(split(&[6, 294], 20), vec![6, 14]);
        assert_eq!(split(&[30, 10], 20), vec![20, 0]);
        assert_eq!(split(&[3, 4], 20), vec![3, 4]);
        assert_eq!(split(&[], 20), Vec::<usize>::new());
    }
}
