//! Hands-free practice on the commute (commute mode with read-aloud): the question is read, the
//! user answers out loud while a countdown runs (`Settings::answer_aloud_secs`), then their own
//! answer is read back and the four big grade targets wait. The clock goes through `lifetime`,
//! and speech through `speech`, so leaving Practice stops both.

use std::time::Duration;

use leptos::prelude::*;

use crate::{lifetime, platform};

/// The countdown while the user answers out loud: `until` is when time is up (set once the
/// question has been read; `None` while not counting). When it passes, `until` is cleared and
/// `time_up` runs. Gives the whole seconds left, while counting.
pub fn use_answer_aloud(
    until: RwSignal<Option<i64>>,
    time_up: impl Fn() + 'static,
) -> impl Fn() -> Option<i64> + Copy + 'static {
    let now = RwSignal::new(platform::now_ms());
    lifetime::interval(
        move || {
            let t = platform::now_ms();
            now.set(t);
            if until.get_untracked().is_some_and(|u| t >= u) {
                until.set(None);
                time_up();
            }
        },
        Duration::from_millis(250),
    );
    move || {
        let u = until.get()?;
        Some(((u - now.get()).max(0) + 999) / 1000)
    }
}
