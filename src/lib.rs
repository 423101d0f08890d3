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

/// A User Timing mark (`performance.mark`), for the benchmark; nothing else reads it.
fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}
