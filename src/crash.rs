//! A crash is calm, not a dead page.
//!
//! The release build keeps `panic = "abort"`: after a panic the wasm instance is in an undefined
//! state and no Rust may run in it again. So the panic hook logs the panic to the console (as
//! `console_error_panic_hook` does) and then hands over to `src/crash.js`, plain DOM without
//! Leptos, which covers the app with a kind message, a Reload link and the panic text, and from
//! then on turns every call from JS into the wasm (listeners, timers, the `pagehide` flush) into a
//! no-op. The snippet guards the instance's exports as it is created, before `start` runs.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/crash.js")]
extern "C" {
    /// Set the crash flag, then show the crash screen over the app with `text` in its details.
    fn show_crash(text: &str);
    fn reset_crash();
}

/// Install the panic hook. First thing in `start`, so every later panic shows the screen.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        // The panic's message and where it happened ("panicked at src/…:12:5:\n…").
        report(&info.to_string());
    }));
}

/// Stop every call into the wasm and show the crash screen with `text`. What the hook does after
/// logging; public so the browser tests can call it without a real panic.
pub fn report(text: &str) {
    show_crash(text);
}

/// Tests only: let calls into the wasm run again after [`report`] (the test removes the screen).
#[doc(hidden)]
pub fn reset_for_tests() {
    reset_crash();
}

/// A real panic, for the end-to-end test of the crash screen in the release build
/// (`window.wasmBindings.rebound_force_crash()`; nothing in the app calls it).
#[wasm_bindgen]
pub fn rebound_force_crash() {
    panic!("a crash forced on purpose, to test the crash screen");
}
