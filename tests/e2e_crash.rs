#![cfg(not(target_arch = "wasm32"))]
//! End to end: a real panic in the release build (issue 12, "a crash is calm, not a dead page").
//! The build exports `rebound_force_crash`, which Trunk's loader puts on `window.wasmBindings`, so
//! no second build is needed. Run by `scripts/test`; alone:
//! `cargo test --test e2e_crash -- --test-threads=1`.

#[path = "e2e/support.rs"]
mod support;

use serde_json::json;
use std::time::Duration;
use support::{artifacts_dir, setup, Browser};

const TAB: char = '\u{e004}';
const ENTER: char = '\u{e007}';
const ESCAPE: char = '\u{e00c}';

/// Every key and value in localStorage, as one JSON object.
async fn storage(browser: &Browser) -> serde_json::Value {
    browser
        .eval("return Object.assign({}, localStorage);")
        .await
}

/// Type `text` into the reflection field the way the app hears it (one `input` event, so the
/// debounced save starts), then, when `crash` is true, panic in the same task: the save is
/// still waiting when the wasm stops.
async fn type_reflection(browser: &Browser, text: &str, crash: bool) -> serde_json::Value {
    browser.wait_for("#rf-not_prepared").await;
    browser
        .eval_with(
            "const el = document.querySelector('#rf-not_prepared'); el.value = arguments[0]; \
             el.dispatchEvent(new Event('input', { bubbles: true })); \
             if (!arguments[1]) return 'typed'; \
             try { window.wasmBindings.rebound_force_crash(); return 'no crash'; } \
             catch (e) { return String(e); }",
            vec![json!(text), json!(crash)],
        )
        .await
}

/// Force the crash on the page of a freshly logged interview; returns the interview's id.
async fn crash_on_an_interview(browser: &Browser) -> String {
    let id = browser.log_interview("Initech", "Support Lead").await;
    // A reflection line that is saved (the debounce runs), then one still waiting at the crash.
    type_reflection(browser, "Capacity planning", false).await;
    browser
        .wait_js(
            "const v = JSON.stringify(localStorage); \
             return v.includes('Initech') && v.includes('Capacity planning') ? true : null;",
        )
        .await;
    let thrown = type_reflection(browser, "Typed just before the crash", true).await;
    assert!(
        thrown.as_str().is_some_and(|e| e.contains("RuntimeError")),
        "the forced panic aborts the wasm: {thrown}"
    );
    browser.wait_for(".crash").await;
    id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_shows_a_calm_screen_nothing_runs_after_it_and_reload_brings_everything_back() {
    let (_server, browser) = setup().await;
    browser.set_phone_viewport().await;
    let id = crash_on_an_interview(&browser).await;

    // What the user sees.
    assert_eq!(browser.text(".crash h1").await, "Rebound stopped");
    let said = browser.text(".crash").await;
    assert!(said.contains("It wasn't anything you did."), "{said}");
    assert!(
        said.contains("Everything saved before this is safe on this device."),
        "{said}"
    );
    assert!(
        said.contains("The last few seconds of typing may not have been saved"),
        "{said}"
    );
    assert_eq!(
        browser.attr(".crash-reload", "href").await.as_deref(),
        Some(format!("/interviews/{id}").as_str())
    );
    assert_eq!(
        browser
            .eval("return document.activeElement.className;")
            .await,
        json!("crash")
    );
    assert_eq!(
        browser
            .eval("return document.querySelector('.crash details').open;")
            .await,
        json!(false)
    );
    let panic_text = browser
        .eval("return document.querySelector('.crash pre').textContent;")
        .await;
    let panic_text = panic_text.as_str().unwrap_or_default();
    assert!(
        panic_text.starts_with("panicked at ")
            && panic_text.contains("a crash forced on purpose, to test the crash screen"),
        "{panic_text}"
    );
    // The console still gets the panic, as before.
    let errors = browser.browser_errors().await;
    assert!(
        errors
            .iter()
            .any(|e| e.contains("a crash forced on purpose")),
        "{errors:#?}"
    );

    // Nothing runs any more: the pending save, keys, pagehide and visibilitychange write
    // nothing and raise nothing.
    let stored = storage(&browser).await;
    for key in [' ', ENTER, '1', 'u', ESCAPE] {
        browser.press(key).await;
    }
    browser
        .eval(
            "dispatchEvent(new PageTransitionEvent('pagehide')); \
             document.dispatchEvent(new Event('visibilitychange')); \
             document.body.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));",
        )
        .await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(
        storage(&browser).await,
        stored,
        "nothing written after the crash"
    );
    assert!(
        !stored.to_string().contains("Typed just before the crash"),
        "the save that was still waiting never ran"
    );
    assert_eq!(browser.browser_errors().await, Vec::<String>::new());

    // Reload, by keyboard: Tab reaches the link first, Enter follows it.
    browser.press(TAB).await;
    assert_eq!(
        browser
            .eval("return document.activeElement.textContent;")
            .await,
        json!("Reload")
    );
    browser.press(ENTER).await;
    browser.wait_text("h1", "Support Lead at Initech").await;
    assert!(!browser.exists(".crash").await);
    assert_eq!(
        browser.prop("#rf-not_prepared", "value").await.as_deref(),
        Some("Capacity planning")
    );
    assert_eq!(browser.current_path().await, format!("/interviews/{id}"));
    // And the app runs again: an edit is saved.
    browser
        .fill("#rf-not_prepared", "Capacity planning, again")
        .await;
    browser
        .wait_js("return JSON.stringify(localStorage).includes('planning, again') ? true : null;")
        .await;
    assert_eq!(browser.browser_errors().await, Vec::<String>::new());
}

/// Not a test of behaviour: the crash screen at 390 and 320 px, light and dark (details closed
/// and open), into `tests/e2e-artifacts/crash-*.png`.
/// `cargo test --test e2e_crash crash_screen_screenshots -- --ignored`
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore]
async fn crash_screen_screenshots() {
    let (_server, browser) = setup().await;
    browser.set_phone_viewport().await;
    crash_on_an_interview(&browser).await;
    for scheme in ["light", "dark"] {
        browser.set_color_scheme(scheme).await;
        for width in [390, 320] {
            browser.set_viewport(width, 700).await;
            browser
                .eval("document.querySelector('.crash details').open = false;")
                .await;
            let _ = browser.screenshot(&format!("crash-{width}-{scheme}")).await;
            browser
                .eval("document.querySelector('.crash details').open = true;")
                .await;
            let _ = browser
                .screenshot(&format!("crash-{width}-{scheme}-details"))
                .await;
        }
    }
    println!("screenshots in {}", artifacts_dir().display());
}
