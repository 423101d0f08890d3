#![cfg(not(target_arch = "wasm32"))]
//! End-to-end tests of issue 17's passphrase lock: turned on in Settings, a reload opens to the
//! lock screen, a wrong passphrase opens nothing, the right one brings everything back, nothing
//! typed is readable in localStorage once locked, and typing then hiding the page keeps the
//! text. The release build in headless Chromium. Alone:
//! `cargo test --test e2e_lock -- --test-threads=1`.

#[path = "e2e/support.rs"]
mod support;

use support::{setup, Browser};

const PASS: &str = "tram at seven, rain";

/// Turn the lock on in Settings with `pass`, and wait until it is.
async fn turn_lock_on(browser: &Browser, pass: &str) {
    browser.goto("/settings").await;
    browser.fill("#lock-new-1", pass).await;
    browser.fill("#lock-new-2", pass).await;
    browser.click("form.lock-new button[type=submit]").await;
    browser.wait_text(".lock-status", "The lock is on").await;
}

/// Type `pass` on the lock screen and press Unlock.
async fn try_unlock(browser: &Browser, pass: &str) {
    browser
        .wait_text(".lock-page h1", "Rebound is locked")
        .await;
    browser.fill("#passphrase", pass).await;
    browser.click(".lock-form button[type=submit]").await;
}

/// Every value stored under `rebound.`, joined.
async fn everything_stored(browser: &Browser) -> String {
    browser
        .eval(
            "return Object.keys(localStorage).filter(k => k.startsWith('rebound.'))\
             .map(k => k + '=' + localStorage.getItem(k)).join('\\n');",
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn a_locked_profile_opens_only_with_its_passphrase() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    browser
        .log_interview("Initech Robotics", "Platform engineer")
        .await;
    turn_lock_on(&browser, PASS).await;
    // Let the last encrypted writes land.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;

    let stored = everything_stored(&browser).await;
    assert!(stored.contains("rebound.lock="), "{stored}");
    assert!(stored.contains("rebound.sealed.1.interviews="), "{stored}");
    for typed in ["Initech", "Platform engineer"] {
        assert!(
            !stored.contains(typed),
            "{typed} is readable in storage: {stored}"
        );
    }

    browser.reload().await;
    browser
        .wait_text(".lock-page h1", "Rebound is locked")
        .await;
    assert!(!browser.text("body").await.contains("Initech"));

    try_unlock(&browser, "tram at seven, sun").await;
    let said = browser.wait_text("[role=alert]", "does not open").await;
    assert!(said.contains("Check it and try again"), "{said}");
    assert!(!browser.text("body").await.contains("Initech"));
    assert!(browser.exists(".lock-page").await);

    try_unlock(&browser, PASS).await;
    browser.wait_text("h1", "Settings").await;
    browser.click("a.nav-item[href='/interviews']").await;
    browser.wait_text("main", "Initech Robotics").await;
}

#[tokio::test]
async fn typing_then_hiding_the_page_keeps_the_text() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    turn_lock_on(&browser, PASS).await;
    browser
        .eval(
            "const el = document.getElementById('your-name'); el.value = 'Ada Hidden-Page'; \
             el.dispatchEvent(new Event('input', { bubbles: true })); \
             Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true }); \
             Object.defineProperty(document, 'hidden', { value: true, configurable: true }); \
             document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));",
        )
        .await;
    // Well within the save's 300 ms delay: only the flush on hiding can have saved it.
    tokio::time::sleep(std::time::Duration::from_millis(120)).await;
    browser.reload().await;
    try_unlock(&browser, PASS).await;
    browser.wait_text("h1", "Settings").await;
    let name = browser
        .prop("#your-name", "value")
        .await
        .unwrap_or_default();
    assert_eq!(name, "Ada Hidden-Page");
    assert!(!everything_stored(&browser).await.contains("Hidden-Page"));
}

/// Screenshots of Settings' lock section and of the lock screen at 390 and 320 px, light and
/// dark, for looking at (not run by `scripts/test`): `cargo test --test e2e_lock -- --ignored`.
#[tokio::test]
#[ignore]
async fn screenshots() {
    let (_server, browser) = setup().await;
    for theme in ["light", "dark"] {
        browser.goto("/settings").await;
        browser.local_storage_clear().await;
        browser.goto("/settings").await;
        browser
            .click(&format!("input[name=theme][value={theme}]"))
            .await;
        for width in [390, 320] {
            browser.set_viewport(width, 844).await;
            browser
                .eval("document.getElementById('lock-title').scrollIntoView();")
                .await;
            browser.fill("#lock-new-1", "tram at").await;
            let _ = browser
                .screenshot(&format!("lock-settings-{width}-{theme}"))
                .await;
        }
        browser.fill("#lock-new-1", PASS).await;
        browser.fill("#lock-new-2", PASS).await;
        browser.click("form.lock-new button[type=submit]").await;
        browser.wait_text(".lock-status", "The lock is on").await;
        for width in [390, 320] {
            browser.set_viewport(width, 844).await;
            browser
                .eval("document.getElementById('lock-title').scrollIntoView();")
                .await;
            let _ = browser
                .screenshot(&format!("lock-settings-on-{width}-{theme}"))
                .await;
        }
        browser.reload().await;
        for width in [390, 320] {
            browser.set_viewport(width, 844).await;
            browser
                .wait_text(".lock-page h1", "Rebound is locked")
                .await;
            let _ = browser
                .screenshot(&format!("lock-screen-{width}-{theme}"))
                .await;
        }
        try_unlock(&browser, "wrong passphrase").await;
        browser.wait_text("[role=alert]", "does not open").await;
        let _ = browser
            .screenshot(&format!("lock-screen-wrong-320-{theme}"))
            .await;
        try_unlock(&browser, PASS).await;
        browser.wait_for("header.lock-bar").await;
        let _ = browser.screenshot(&format!("lock-bar-320-{theme}")).await;
        browser.set_viewport(390, 844).await;
    }
}

#[tokio::test]
async fn lock_now_is_in_the_header_as_soon_as_the_lock_is_on() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    browser.log_interview("Umbrella Labs", "QA lead").await;
    browser.goto("/settings").await;
    assert!(!browser.exists("header.lock-bar").await);
    turn_lock_on(&browser, PASS).await;
    // No reload: the header has it right away.
    let button = browser.text("header.lock-bar button").await;
    assert_eq!(button, "Lock now");
    browser.click("header.lock-bar button").await;
    browser
        .wait_text(".lock-page h1", "Rebound is locked")
        .await;
    assert!(!browser.text("body").await.contains("Umbrella"));

    // Turned off again: the header goes with it, still without a reload.
    try_unlock(&browser, PASS).await;
    browser.wait_text("h1", "Settings").await;
    browser.wait_for("header.lock-bar button").await;
    browser
        .click("[aria-labelledby=lock-title] .button.danger")
        .await;
    browser.wait_text(".lock-status", "The lock is off").await;
    browser.wait_gone("header.lock-bar").await;
    browser.click("a.nav-item[href='/interviews']").await;
    browser.wait_text("main", "Umbrella Labs").await;
}

/// The header right after turning the lock on, at 390 and 320 px, light and dark, for looking
/// at (not run by `scripts/test`): `cargo test --test e2e_lock -- --ignored header_screenshots`.
#[tokio::test]
#[ignore]
async fn header_screenshots() {
    let (_server, browser) = setup().await;
    for theme in ["light", "dark"] {
        for width in [390, 320] {
            browser.goto("/settings").await;
            browser.local_storage_clear().await;
            browser.goto("/settings").await;
            browser.set_viewport(width, 844).await;
            browser
                .click(&format!("input[name=theme][value={theme}]"))
                .await;
            turn_lock_on(&browser, PASS).await;
            browser.wait_for("header.lock-bar button").await;
            browser.eval("window.scrollTo(0, 0);").await;
            let _ = browser
                .screenshot(&format!("lock-header-on-{width}-{theme}"))
                .await;
        }
    }
    browser.set_viewport(390, 844).await;
}

#[tokio::test]
async fn lock_now_locks_this_window_and_the_others() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    browser.log_interview("Globex", "Data analyst").await;
    turn_lock_on(&browser, PASS).await;
    let first = browser.window().await;

    let second = browser.new_window().await;
    browser.switch_to(&second).await;
    browser.goto("/interviews").await;
    try_unlock(&browser, PASS).await;
    browser.wait_text("main", "Globex").await;

    browser.switch_to(&first).await;
    browser.goto("/settings").await;
    try_unlock(&browser, PASS).await;
    browser.wait_text("h1", "Settings").await;
    browser.click("header.lock-bar button").await;
    browser
        .wait_text(".lock-page h1", "Rebound is locked")
        .await;
    assert!(!browser.text("body").await.contains("Globex"));

    browser.switch_to(&second).await;
    browser
        .wait_text(".lock-page h1", "Rebound is locked")
        .await;
    assert!(!browser.text("body").await.contains("Globex"));
}

#[tokio::test]
async fn an_encrypted_backup_opens_on_a_fresh_profile_with_its_passphrase_only() {
    let downloads = support::TempDir::new("rebound-lock-downloads").expect("temp dir");
    let file = {
        let (_server, browser) = setup().await;
        browser.allow_downloads(downloads.path()).await;
        browser.goto("/").await;
        browser.log_interview("Hooli", "Staff engineer").await;
        turn_lock_on(&browser, PASS).await;
        browser
            .click("#backup-title ~ .actions .button.primary")
            .await;
        support::downloaded_json(downloads.path()).await
    };
    let text = std::fs::read_to_string(&file).expect("the backup file");
    assert!(text.starts_with("{\"v\":1,"), "{text}");
    assert!(!text.contains("Hooli"), "{text}");

    let (_server, browser) = setup().await;
    browser.goto("/settings").await;
    browser
        .type_keys("#import-file", &file.to_string_lossy())
        .await;
    browser.wait_for("[data-testid=sealed-backup]").await;
    browser
        .fill("#backup-passphrase", "tram at seven, sun")
        .await;
    browser
        .click("[data-testid=sealed-backup] button[type=submit]")
        .await;
    browser
        .wait_text(
            "[data-testid=sealed-backup] [role=alert]",
            "does not open this backup",
        )
        .await;
    assert!(!browser.exists("[data-testid=import-preview]").await);

    browser.fill("#backup-passphrase", PASS).await;
    browser
        .click("[data-testid=sealed-backup] button[type=submit]")
        .await;
    browser
        .wait_text("[data-testid=import-preview]", "1 interview")
        .await;
    browser.wait_for("[data-testid=offer-lock]").await;
    browser
        .click("[data-testid=import-preview] .button.primary")
        .await; // Merge
    browser.wait_text(".notices", "Backup merged").await;
    browser.click("a.nav-item[href='/interviews']").await;
    browser.wait_text("main", "Hooli").await;
}

#[tokio::test]
async fn it_locks_by_itself_after_the_chosen_time_hidden() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    browser.log_interview("Umbrella", "QA lead").await;
    turn_lock_on(&browser, PASS).await;
    browser.choose("#auto-lock", "1").await;
    let hide = |hidden: bool| {
        format!(
            "Object.defineProperty(document, 'hidden', {{ value: {hidden}, configurable: true }}); \
             document.dispatchEvent(new Event('visibilitychange', {{ bubbles: true }}));"
        )
    };
    browser.eval(&hide(true)).await;
    // Shown again after 30 seconds away: still open.
    browser
        .eval("const now = Date.now; Date.now = () => now() + 30000;")
        .await;
    browser.eval(&hide(false)).await;
    browser.click("a.nav-item[href='/interviews']").await;
    browser.wait_text("main", "Umbrella").await;
    // Hidden again, and shown after more than a minute: locked.
    browser.eval(&hide(true)).await;
    browser
        .eval("const later = Date.now; Date.now = () => later() + 61000;")
        .await;
    browser.eval(&hide(false)).await;
    browser
        .wait_text(".lock-page h1", "Rebound is locked")
        .await;
    assert!(!browser.text("body").await.contains("Umbrella"));
}

/// The lock screen as the user sees it: `main`'s markup, normalized (attributes sorted, spaces
/// collapsed, empty text dropped), the boxes of the navigation and of everything in `main`, and
/// whether the app has started.
const LOCK_SNAPSHOT: &str = "\
    const walk = (n) => { \
      if (n.nodeType === 3) { const t = n.textContent.replace(/\\s+/g, ' ').trim(); return t || null; } \
      if (n.nodeType !== 1) return null; \
      const attrs = [...n.attributes].map((a) => a.name + '=\"' + a.value + '\"').sort().join(' '); \
      const kids = [...n.childNodes].map(walk).filter((k) => k !== null).join(''); \
      return '<' + n.localName + (attrs ? ' ' + attrs : '') + '>' + kids + '</' + n.localName + '>'; }; \
    const boxes = [...document.querySelectorAll('body > nav, body > nav *, main, main *')].map((el) => { \
      const r = el.getBoundingClientRect(); \
      return [el.localName + '.' + el.getAttribute('class'), r.left, r.top, r.width, r.height]; }); \
    return { main: walk(document.querySelector('body > main')), \
             started: performance.getEntriesByName('rebound:start').length > 0, boxes };";

#[tokio::test]
async fn the_lock_screen_is_in_the_first_frame_and_the_app_draws_it_in_the_same_place() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    turn_lock_on(&browser, PASS).await;

    // The wasm blocked: the static frame alone.
    browser.cdp("Network.enable", serde_json::json!({})).await;
    browser
        .cdp(
            "Network.setBlockedURLs",
            serde_json::json!({ "urls": ["*.wasm"] }),
        )
        .await;
    let url = format!("{}/settings", browser.base_url());
    browser.client().goto(&url).await.expect("load");
    browser.wait_for("main .lock-page h1").await;
    let frame = browser.eval(LOCK_SNAPSHOT).await;
    assert_eq!(frame["started"], serde_json::json!(false));
    browser
        .cdp("Network.setBlockedURLs", serde_json::json!({ "urls": [] }))
        .await;

    browser.goto("/settings").await;
    browser
        .wait_js("return performance.getEntriesByName('rebound:mounted').length > 0;")
        .await;
    browser.wait_for("main .lock-page h1").await;
    let app = browser.eval(LOCK_SNAPSHOT).await;
    assert_eq!(
        frame["main"], app["main"],
        "the app draws the frame's lock screen"
    );
    let (a, b) = (
        frame["boxes"].as_array().cloned().unwrap_or_default(),
        app["boxes"].as_array().cloned().unwrap_or_default(),
    );
    assert!(a.len() > 5 && a.len() == b.len(), "{a:?}\n{b:?}");
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x[0], y[0]);
        for i in 1..5 {
            let (p, q) = (
                x[i].as_f64().unwrap_or(f64::NAN),
                y[i].as_f64().unwrap_or(f64::NAN),
            );
            assert!(
                (p - q).abs() <= 0.5,
                "{} moved: static {x:?}, app {y:?}",
                x[0]
            );
        }
    }
}

#[tokio::test]
async fn with_the_lock_on_an_edit_in_one_window_shows_up_in_the_other() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    browser.log_interview("Vandelay", "Importer").await;
    // Turned on here while another window is open: that one locks, this one stays open.
    let first = browser.window().await;
    let second = browser.new_window().await;
    browser.switch_to(&second).await;
    browser.goto("/interviews").await;
    browser.wait_text("main", "Vandelay").await;
    browser.switch_to(&first).await;
    turn_lock_on(&browser, PASS).await;
    browser.switch_to(&second).await;
    browser
        .wait_text(".lock-page h1", "Rebound is locked")
        .await;
    browser.switch_to(&first).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(
        browser.exists("#lock-title").await,
        "this window stays open"
    );

    browser.switch_to(&second).await;
    browser.goto("/settings").await;
    try_unlock(&browser, PASS).await;
    browser.wait_text("h1", "Settings").await;
    browser.switch_to(&first).await;
    browser.click("input[name=theme][value=dark]").await;
    browser.switch_to(&second).await;
    browser
        .wait_js("return document.querySelector('input[name=theme][value=dark]').checked || null;")
        .await;
    assert!(browser.exists(".lock-bar").await, "still open");
}
