//! Practice's hooks: what the practice screen keeps running while it is open, each started
//! through `lifetime` and so released when the screen goes: the keys, the answer timer's clock,
//! the wake lock in commute mode, and the device's list of voices.

use std::time::Duration;

use leptos::prelude::*;

use crate::core::practice::Grade;
use crate::{lifetime, platform, speech};

/// Space reveals, 1–4 rate, U undoes: ignored while typing in a field or with a modifier key.
pub fn use_practice_keys(
    reveal: impl Fn() + 'static,
    rate: impl Fn(Grade) + 'static,
    undo: impl Fn() + 'static,
) {
    lifetime::on_window(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            " " => {
                ev.prevent_default();
                reveal();
            }
            "1" | "2" | "3" | "4" => {
                if let Some(g) = ev.key().parse::<u8>().ok().and_then(Grade::from_key) {
                    rate(g);
                }
            }
            "u" | "U" => undo(),
            _ => {}
        }
    });
}

fn clock(seconds: i64) -> String {
    let s = seconds.max(0);
    format!("{}:{:02}", s / 60, s % 60)
}

/// The answer timer: a clock that ticks once a second while the screen is open. Gives the time
/// left on the card shown at `shown_at` (and whether it is up) while the answer is hidden and a
/// limit is set.
pub fn use_answer_timer(
    limit_secs: Memo<u32>,
    shown_at: RwSignal<i64>,
    revealed: RwSignal<bool>,
) -> impl Fn() -> Option<(String, bool)> + Copy + 'static {
    let now = RwSignal::new(platform::now_ms());
    lifetime::interval(move || now.set(platform::now_ms()), Duration::from_secs(1));
    move || {
        let limit = i64::from(limit_secs.get());
        if limit == 0 || revealed.get() {
            return None;
        }
        let left = limit - (now.get() - shown_at.get()) / 1000;
        Some(if left > 0 {
            (clock(left), false)
        } else {
            ("Time's up: wrap up your answer".to_string(), true)
        })
    }
}

/// Keep the screen on while `on` holds (commute mode), where the browser can. Turning it off
/// or leaving the screen releases the lock, even one the browser grants only afterwards.
pub fn use_wake_lock(on: impl Fn() -> bool + 'static) {
    Effect::new(move |_| {
        if on() {
            speech::keep_screen_on();
        }
    });
}

/// The device's voices, kept up to date while the screen is open (browsers load them lazily).
pub fn use_voices() -> ReadSignal<Vec<String>> {
    let voices = RwSignal::new(speech::voices());
    if speech::available() {
        speech::on_voices_changed(move || voices.set(speech::voices()));
    }
    voices.read_only()
}
