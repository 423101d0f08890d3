#![cfg(not(target_arch = "wasm32"))]
//! End-to-end tests of issue 16's first frame: `index.html` draws the skip link, the navigation
//! (with the current screen marked and the theme chosen in Settings) and, on a first visit,
//! Today's welcome before the wasm arrives; the app then draws the same in the same places.
//! "Before the wasm arrives" is seen by blocking the wasm through the DevTools protocol: what the
//! page shows then is the static frame alone. Screenshots at 390 px go to `tests/e2e-artifacts/`.
//! Run by `scripts/test`; alone: `cargo test --test e2e_frame -- --test-threads=1`.

#[path = "e2e/support.rs"]
mod support;

use serde_json::{json, Value as Json};
use support::{setup, Browser};

/// What the user sees of the frame, read in the page: a normalized copy of the markup (elements
/// with their attributes in order of name, text with its spaces collapsed, comments dropped) of
/// the skip link, the navigation, Today's heading and the welcome; the boxes of the navigation,
/// the heading, the welcome and everything inside them; whether the app has started.
const SNAPSHOT: &str = "\
    const norm = (el) => { if (!el) return null; \
      const walk = (n) => { \
        if (n.nodeType === 3) { const t = n.textContent.replace(/\\s+/g, ' ').trim(); return t || null; } \
        if (n.nodeType !== 1) return null; \
        const attrs = [...n.attributes].map((a) => a.name + '=\"' + a.value + '\"').sort().join(' '); \
        const kids = [...n.childNodes].map(walk).filter((k) => k !== null).join(''); \
        return '<' + n.localName + (attrs ? ' ' + attrs : '') + '>' + kids + '</' + n.localName + '>'; }; \
      return walk(el); }; \
    const boxes = [...document.querySelectorAll( \
        'body > nav, body > nav *, main h1, main .welcome, main .welcome *')].map((el) => { \
      const r = el.getBoundingClientRect(); \
      return [el.localName + '.' + el.getAttribute('class'), r.left, r.top, r.width, r.height]; }); \
    const main = document.querySelector('body > main'); \
    return { skip: norm(document.querySelector('body > .skip-link')), \
             nav: norm(document.querySelector('body > nav')), \
             h1: norm(document.querySelector('main h1')), \
             welcome: norm(document.querySelector('main .welcome')), \
             mainChildren: main ? main.children.length : -1, \
             current: [...document.querySelectorAll('.nav-item[aria-current=page]')].map((a) => a.getAttribute('href')), \
             theme: document.documentElement.getAttribute('data-theme'), \
             background: getComputedStyle(document.body).backgroundColor, \
             started: performance.getEntriesByName('rebound:start').length > 0, \
             boxes };";

/// Blocks (or with `false`, allows again) every `.wasm` request of the page.
async fn block_wasm(browser: &Browser, blocked: bool) {
    browser.cdp("Network.enable", json!({})).await;
    let urls = if blocked {
        json!(["*.wasm"])
    } else {
        json!([])
    };
    browser
        .cdp("Network.setBlockedURLs", json!({ "urls": urls }))
        .await;
}

/// Loads `path` with the wasm blocked: the static frame alone, never taken over by the app; no
/// console message about the Content-Security-Policy.
async fn static_frame(browser: &Browser, path: &str) -> Json {
    block_wasm(browser, true).await;
    let url = format!("{}{path}", browser.base_url());
    if let Err(e) = browser.client().goto(&url).await {
        panic!("goto {url}: {e}");
    }
    browser.wait_for("body > nav .nav-item").await;
    let frame = browser.eval(SNAPSHOT).await;
    assert_eq!(
        frame["started"],
        json!(false),
        "the app started although its wasm was blocked"
    );
    block_wasm(browser, false).await;
    // The frame's inline scripts ran under the CSP (the blocked wasm's errors are dropped here).
    let refused = csp_messages(browser).await;
    assert!(refused.is_empty(), "CSP errors at {path}: {refused:?}");
    frame
}

/// Loads `path` normally and waits until the app has drawn its first screen.
async fn app_frame(browser: &Browser, path: &str) -> Json {
    browser.goto(path).await;
    browser
        .wait_js("return performance.getEntriesByName('rebound:mounted').length > 0;")
        .await;
    browser.wait_for("main h1").await;
    browser.eval(SNAPSHOT).await
}

/// Every box of the static frame `a` is the same element in the same place in the app's `b`
/// (within 0.5 px); the app may draw more after them (a returning user's Today).
fn assert_same_boxes(a: &Json, b: &Json, what: &str) {
    let (a, b) = (
        a["boxes"].as_array().cloned().unwrap_or_default(),
        b["boxes"].as_array().cloned().unwrap_or_default(),
    );
    assert!(!a.is_empty(), "{what}: no boxes measured");
    assert!(
        a.len() <= b.len(),
        "{what}: the app does not draw every element of the frame: {a:?}\n{b:?}"
    );
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x[0], y[0], "{what}: not the same element");
        for i in 1..5 {
            let (p, q) = (
                x[i].as_f64().unwrap_or(f64::NAN),
                y[i].as_f64().unwrap_or(f64::NAN),
            );
            assert!(
                (p - q).abs() <= 0.5,
                "{what}: {} moved or changed size: static {x:?}, app {y:?}",
                x[0]
            );
        }
    }
}

/// The sum of every layout shift of the page since it started (a buffered
/// `PerformanceObserver('layout-shift')`), read after the app has drawn and a second more.
async fn layout_shift(browser: &Browser) -> f64 {
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    let v = browser
        .eval_async(
            "const done = arguments[arguments.length - 1]; let sum = 0; \
             new PerformanceObserver((list) => list.getEntries().forEach((e) => { sum += e.value; })) \
               .observe({ type: 'layout-shift', buffered: true }); \
             setTimeout(() => done(sum), 500);",
            vec![],
        )
        .await;
    v.as_f64().unwrap_or(f64::NAN)
}

/// Console messages about the Content-Security-Policy since the last read.
async fn csp_messages(browser: &Browser) -> Vec<String> {
    browser
        .browser_logs()
        .await
        .into_iter()
        .map(|e| e.message)
        .filter(|m| m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_frame_is_what_the_app_draws_on_a_first_and_a_returning_visit() {
    let (_server, browser) = setup().await;
    browser.set_phone_viewport().await;

    // A first visit: the navigation with Today marked, and Today's welcome.
    browser.set_color_scheme("light").await;
    let frame = static_frame(&browser, "/").await;
    browser.screenshot("frame-390-first-visit-light").await.ok();
    browser.set_color_scheme("dark").await;
    browser.screenshot("frame-390-first-visit-dark").await.ok();
    browser.set_color_scheme("light").await;
    assert_eq!(frame["current"], json!(["/"]));
    assert!(
        frame["welcome"].as_str().is_some_and(
            |w| w.contains("Welcome to Rebound") && w.contains("Log my first interview")
        ),
        "no welcome on a first visit: {frame}"
    );

    let app = app_frame(&browser, "/").await;
    for part in ["skip", "nav", "h1", "welcome"] {
        assert_eq!(
            frame[part], app[part],
            "the static {part} is not what the app draws"
        );
    }
    assert_same_boxes(&frame, &app, "first visit");
    let shift = layout_shift(&browser).await;
    assert_eq!(shift, 0.0, "layout shift on a first visit");
    let errors = browser.browser_errors().await;
    assert!(
        errors.is_empty(),
        "console errors (CSP violations show here): {errors:?}"
    );

    // A returning user: the navigation and an empty <main> until the app draws.
    browser.log_interview("Northwind", "Product Designer").await;
    let frame = static_frame(&browser, "/").await;
    assert_eq!(
        frame["mainChildren"],
        json!(0),
        "returning: <main> is empty"
    );
    assert_eq!(frame["welcome"], Json::Null);
    let app = app_frame(&browser, "/").await;
    assert_eq!(frame["skip"], app["skip"]);
    assert_eq!(frame["nav"], app["nav"]);
    assert_same_boxes(&frame, &app, "returning visit");
    assert!(
        app["h1"].as_str().is_some_and(|h| h.contains("Today")),
        "{app}"
    );
    let shift = layout_shift(&browser).await;
    assert_eq!(shift, 0.0, "layout shift on a returning visit");
    let errors = browser.browser_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_frame_marks_the_screen_the_app_marks_and_links_work_without_the_app() {
    let (_server, browser) = setup().await;
    browser.set_phone_viewport().await;
    for (path, current) in [
        ("/interviews", "/interviews"),
        ("/practice", "/questions"),
        ("/plan", "/plan"),
        ("/journey", "/more"),
        ("/settings", "/more"),
    ] {
        let frame = static_frame(&browser, path).await;
        assert_eq!(frame["current"], json!([current]), "static frame at {path}");
        assert_eq!(frame["mainChildren"], json!(0), "only Today has a welcome");
        let app = app_frame(&browser, path).await;
        assert_eq!(frame["nav"], app["nav"], "the navigation at {path}");
    }
    // On a wider screen the bar is at the top with the name: the same places too.
    browser.set_viewport(1024, 768).await;
    let frame = static_frame(&browser, "/").await;
    let app = app_frame(&browser, "/").await;
    assert_same_boxes(&frame, &app, "1024 px wide");
    browser.set_phone_viewport().await;
    // Before the app is there, a tap in the bar is a plain link: it opens that screen.
    static_frame(&browser, "/").await;
    browser.click("body > nav a[href='/plan']").await;
    browser
        .wait_js("return location.pathname === '/plan';")
        .await;
    browser.wait_app_started().await;
    browser.wait_text("main h1", "My plan").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_theme_chosen_in_settings_is_there_before_the_app() {
    let (_server, browser) = setup().await;
    browser.set_phone_viewport().await;
    browser.set_color_scheme("light").await;
    browser.goto("/settings").await;
    browser.click("input[name=theme][value=dark]").await;
    browser
        .wait_js("return (localStorage.getItem('rebound.settings') || '').includes('\"dark\"');")
        .await;

    let frame = static_frame(&browser, "/").await;
    browser.screenshot("frame-390-returning-dark").await.ok();
    assert_eq!(frame["theme"], json!("dark"));
    assert_eq!(
        frame["background"],
        json!("rgb(27, 26, 24)"),
        "the page is dark before the app"
    );
    let app = app_frame(&browser, "/").await;
    assert_eq!(app["theme"], json!("dark"));
    assert_eq!(app["background"], frame["background"]);
    assert_same_boxes(&frame, &app, "dark");

    // Light chosen on a dark device.
    browser.set_color_scheme("dark").await;
    browser.goto("/settings").await;
    browser.click("input[name=theme][value=light]").await;
    browser
        .wait_js("return (localStorage.getItem('rebound.settings') || '').includes('\"light\"');")
        .await;
    let frame = static_frame(&browser, "/").await;
    assert_eq!(frame["theme"], json!("light"));
    assert_eq!(frame["background"], json!("rgb(247, 244, 239)"));

    // Settings that cannot be read: the device's scheme, and the rest of the frame still drawn.
    for stored in ["not json", "null", "{\"theme\":5}", "[\"dark\"]"] {
        browser.local_storage_set("rebound.settings", stored).await;
        let frame = static_frame(&browser, "/plan").await;
        assert_eq!(frame["theme"], Json::Null, "settings {stored:?}");
        assert_eq!(frame["background"], json!("rgb(27, 26, 24)"));
        assert_eq!(frame["current"], json!(["/plan"]), "settings {stored:?}");
    }
}
