//! Tier 2: the crash screen and the guard of `src/crash.js` in headless Chromium, without a real
//! panic: one would stop this test instance for good. The panic hook's wiring (a real panic, its
//! text on the screen and in the console) is tested on the release build, in `e2e_crash`.
//!
//! While the crash flag is set no call from JS into the wasm runs, the test's own promise
//! callbacks included: so each test observes synchronously, resets the flag, then asserts.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A stand-in for the app: a div in `<body>` with a focused button.
fn fake_app() -> web_sys::HtmlElement {
    let document = document();
    let app: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    app.set_inner_html("<button type=button>Save</button>");
    document.body().unwrap().append_child(&app).unwrap();
    app.first_element_child()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .focus()
        .unwrap();
    app
}

/// Remove the crash screen and what it did to the rest of the page.
fn clean_up(app: &web_sys::HtmlElement) {
    let document = document();
    while let Some(screen) = document.query_selector(".crash").unwrap() {
        screen.remove();
    }
    let body = document.body().unwrap();
    let children = body.children();
    for i in 0..children.length() {
        let el = children.item(i).unwrap();
        let _ = el.remove_attribute("inert");
        let _ = el.remove_attribute("aria-hidden");
    }
    app.remove();
}

fn text_of(css: &str) -> String {
    document()
        .query_selector(css)
        .unwrap()
        .and_then(|el| el.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn the_crash_screen_says_what_happened_and_offers_a_reload() {
    let app = fake_app();
    let panic_text = "panicked at src/pages/practice.rs:12:5:\nsomething was disposed";
    rebound::crash::report(panic_text);
    rebound::crash::report("a second report while stopped shows nothing more");
    rebound::crash::reset_for_tests();

    let document = document();
    assert_eq!(document.get_elements_by_class_name("crash").length(), 1);
    let screen = document.query_selector(".crash").unwrap().unwrap();
    assert_eq!(screen.get_attribute("role").as_deref(), Some("alertdialog"));
    assert_eq!(
        document.active_element().as_ref(),
        Some(&screen),
        "focus moves to the screen"
    );
    assert_eq!(text_of(".crash h1"), "Rebound stopped");
    let said = text_of(".crash-inner");
    assert!(said.contains("It wasn't anything you did."), "{said}");
    assert!(
        said.contains("Everything saved before this is safe on this device."),
        "{said}"
    );
    assert!(
        said.contains("The last few seconds of typing may not have been saved"),
        "{said}"
    );

    // Reload: a real link to this page's path (no hash), reachable by keyboard.
    let reload = document
        .query_selector(".crash a.crash-reload")
        .unwrap()
        .expect("a Reload link");
    assert_eq!(reload.text_content().as_deref(), Some("Reload"));
    let location = web_sys::window().unwrap().location();
    let here = location.pathname().unwrap() + &location.search().unwrap();
    assert_eq!(reload.get_attribute("href"), Some(here));

    // The panic text, closed, to copy.
    let details = document
        .query_selector(".crash details")
        .unwrap()
        .expect("details");
    assert!(!details.has_attribute("open"), "the details start closed");
    assert_eq!(text_of(".crash details pre"), panic_text);
    assert!(text_of(".crash details summary").contains("bug report"));

    // The stopped app underneath: inert and hidden from screen readers.
    assert!(app.has_attribute("inert"));
    assert_eq!(app.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert!(!screen.has_attribute("inert"));
    clean_up(&app);
}

#[wasm_bindgen_test]
fn after_a_crash_no_listener_runs_until_the_flag_is_reset() {
    let app = fake_app();
    let runs = Rc::new(Cell::new(0));
    let listener = {
        let runs = runs.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |_| runs.set(runs.get() + 1))
    };
    app.add_event_listener_with_callback("ping", listener.as_ref().unchecked_ref())
        .unwrap();
    let ping = || {
        app.dispatch_event(&web_sys::Event::new("ping").unwrap())
            .unwrap();
        runs.get()
    };

    let before = ping();
    rebound::crash::report("panicked at somewhere");
    let while_stopped = [ping(), ping()];
    rebound::crash::reset_for_tests();
    let after_reset = ping();

    clean_up(&app);
    assert_eq!(before, 1, "the listener runs normally");
    assert_eq!(
        while_stopped,
        [1, 1],
        "after the crash, calls into the wasm do nothing"
    );
    assert_eq!(after_reset, 2, "reset lets them run again");
}
