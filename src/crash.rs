//! A crash is calm, not a dead page.
//!
//! The release build keeps `panic = "abort"`: after a panic the wasm instance is in an undefined
//! state and no Rust may run in it again. So the panic hook logs the panic to the console (as
//! `console_error_panic_hook` does) and then hands over to `src/crash.js`, plain DOM without
//! Leptos, which covers the app with a kind message, a Reload link (a plain `<a href>`: no Rust can
//! run, and the CSP forbids inline handlers) and the panic text in a closed `<details>`.
//!
//! The guard: wasm-bindgen's glue imports the snippet statically, so the snippet's top level runs
//! before the wasm is instantiated. It wraps `WebAssembly.instantiateStreaming`/`instantiate` for
//! the first instance (the app's; then puts them back) and hands the glue an instance whose
//! function exports check a flag. `show_crash` sets the flag, and from then on every call from JS
//! into the wasm (event listeners, timers, promise callbacks, the `pagehide` flush, the closure
//! destructors, which wasm-bindgen 0.2.130's glue calls as the export
//! `__wbindgen_destroy_closure`, never through a function table) returns an empty array and runs
//! nothing. `initSync` (unused here) is not guarded. The snippet ships unminified: its comments
//! stay short and the explanations live here.
//!
//! Only panics show the screen: an abort without a panic (out of memory) still stops silently.

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

// A real panic, for the end-to-end test of the crash screen in the release build, where Trunk's
// loader makes it `window.wasmBindings.rebound_force_crash()`. Nothing in the app calls it. (A
// plain comment: a doc comment would ship in the glue.)
#[wasm_bindgen]
pub fn rebound_force_crash() {
    panic!("a crash forced on purpose, to test the crash screen");
}
