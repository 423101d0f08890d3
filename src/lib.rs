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
    // The static "Rebound" splash in index.html shows until the app is ready to draw.
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
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
