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

/// Mount the app on `<body>`.
pub fn start() {
    crash::install();
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
    mark("rebound:start");
    leptos::mount::mount_to_body(app::App);
    // The router draws the first screen just after mounting; by the next animation frame it is
    // in the DOM. Loading, parsing and the first render are done: the benchmark reads the marks.
    leptos::prelude::request_animation_frame(|| mark("rebound:mounted"));
}

thread_local! {
    static TYPED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// What was typed in the first frame's passphrase field before the app took over (once).
pub fn typed_in_frame() -> String {
    TYPED.with(|t| std::mem::take(&mut *t.borrow_mut()))
}

/// A User Timing mark (`performance.mark`), for the benchmark; nothing else reads it.
fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}
