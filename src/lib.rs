//! Rebound: a private, offline-first app for bouncing back after interviews.
//! See ARCHITECTURE.md for the map: `core` is the pure functional core; everything else is the
//! browser shell.

pub mod app;
pub mod components;
pub mod core;
pub mod crash;
pub mod crypto;
pub mod erase;
pub mod install;
#[cfg(test)]
mod layering;
pub mod lifetime;
pub mod pages;
pub mod platform;
pub mod service_worker;
pub mod speech;
pub mod state;
pub mod storage;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Mount the app on `<body>`.
pub fn start() {
    crash::install();
    if state::stored_lock().is_some() {
        return mount();
    }
    // A phone is slow and the data only grows: reading, parsing (`state::PRELOAD_STEPS`) and
    // drawing the first screen each get a task of their own (no one long task), while
    // index.html's first frame shows.
    // Another tab's write in between would be missed, so then everything is read again.
    let written = std::rc::Rc::new(std::cell::Cell::new(false));
    let listener = web_sys::window().and_then(|window| {
        let heard = written.clone();
        let closure = Closure::<dyn FnMut()>::new(move || heard.set(true));
        window
            .add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref())
            .ok()?;
        Some((window, closure))
    });
    run_steps(&state::PRELOAD_STEPS, move || {
        if let Some((window, closure)) = &listener {
            let _ = window
                .remove_event_listener_with_callback("storage", closure.as_ref().unchecked_ref());
        }
        if written.get() {
            state::discard_preloaded();
        }
        mount();
    });
}

/// Run `steps` then `then`, each in a task of its own (the first in this one), unless what was
/// read is little (`state::preloaded_is_light`): then all in this task, as a handoff between
/// tasks may wait for a frame.
fn run_steps(steps: &'static [fn()], then: impl FnOnce() + 'static) {
    match steps.split_first() {
        Some((step, rest)) => {
            step();
            if state::preloaded_is_light() {
                rest.iter().for_each(|step| step());
                then();
            } else {
                next_task(move || run_steps(rest, then));
            }
        }
        None => then(),
    }
}

/// Run `f` once in a task of its own, next: a message to this page through a `MessageChannel`,
/// which the browser neither delays nor clamps as it may a timeout while the page loads (a
/// timeout where there is none). Start-up only, before any owner exists.
fn next_task(f: impl FnOnce() + 'static) {
    match web_sys::MessageChannel::new() {
        Ok(channel) => {
            let run = Closure::once_into_js(f);
            channel.port1().set_onmessage(Some(run.unchecked_ref()));
            let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
        }
        Err(_) => leptos::prelude::set_timeout(f, std::time::Duration::ZERO),
    }
}

/// Remove index.html's first frame and mount the app, in one task.
fn mount() {
    // index.html's first frame (the skip link, the navigation, <main>) shows until the app
    // draws its own: removed and drawn in this one task, so no frame is painted in between.
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        // A passphrase typed on the first frame's lock screen is kept for the app's.
        if let Some(field) = document
            .get_element_by_id("passphrase")
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok())
        {
            TYPED.with(|t| *t.borrow_mut() = field.value());
        }
        while let Ok(Some(frame)) =
            document.query_selector("body > .skip-link, body > nav, body > main")
        {
            frame.remove();
        }
    }
    platform::mark("rebound:start");
    leptos::mount::mount_to_body(app::App);
    // The router draws the first screen just after mounting; by the next animation frame it is
    // in the DOM. Loading, parsing and the first render are done: the benchmark reads the marks.
    leptos::prelude::request_animation_frame(|| platform::mark("rebound:mounted"));
}

thread_local! {
    static TYPED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// What was typed in the first frame's passphrase field before the app took over (once).
pub fn typed_in_frame() -> String {
    TYPED.with(|t| std::mem::take(&mut *t.borrow_mut()))
}
