#![cfg(not(target_arch = "wasm32"))]
//! End-to-end tests: the release build (`dist/`) served by a static server the test starts and
//! stops, driven in headless Chromium through WebDriver. Run by `scripts/test` after
//! `trunk build --release --offline`; alone: `cargo test --test e2e -- --test-threads=1`.

#[path = "e2e/support.rs"]
mod support;

use serde_json::json;
use support::{setup, Browser};

/// Choose `value` in the `<select>` matching `css`, as a user would.
async fn select(browser: &Browser, css: &str, value: &str) {
    browser.wait_for(css).await;
    browser
        .eval_with(
            "const el = document.querySelector(arguments[0]); el.value = arguments[1]; \
             el.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(css), json!(value)],
        )
        .await;
}

/// Log an interview through the form and return its id (from the page's URL).
async fn log_interview(browser: &Browser, company: &str, role: &str) -> String {
    browser.goto("/interviews/new").await;
    browser.fill("#new-company", company).await;
    browser.fill("#new-role", role).await;
    browser.click("button[type=submit]").await;
    browser
        .wait_text("h1", &format!("{role} at {company}"))
        .await;
    let path = browser.current_path().await;
    path.strip_prefix("/interviews/")
        .unwrap_or_else(|| panic!("unexpected path after saving: {path}"))
        .to_string()
}

/// Fill localStorage until it refuses more (in the page); returns how many filler keys.
async fn fill_quota(browser: &Browser) -> u64 {
    let n = browser
        .eval(
            "let chunk = 'x'.repeat(1 << 20); let n = 0; \
             while (chunk.length >= 16) { \
               try { localStorage.setItem('filler-' + n, chunk); n++; } \
               catch (e) { chunk = chunk.slice(0, chunk.length >> 1); } \
             } return n;",
        )
        .await;
    n.as_u64().unwrap_or(0)
}

async fn unfill_quota(browser: &Browser) {
    browser
        .eval(
            "Object.keys(localStorage).filter(k => k.startsWith('filler-')) \
             .forEach(k => localStorage.removeItem(k));",
        )
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn log_an_interview_and_a_reflection_then_reload() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    browser.wait_text("main", "Welcome to Rebound").await;
    let id = log_interview(&browser, "Northwind", "Product Designer").await;

    // Reflect, and reload in the middle of typing: nothing may be lost.
    browser
        .fill(
            "#rf-went_well",
            "Rapport with the panel; the research story landed",
        )
        .await;
    browser.click("input[name=mistake-no_questions]").await;
    browser
        .fill(
            "#fix-no_questions",
            "Write three questions the night before",
        )
        .await;
    browser.fill("#rf-vent", "Honestly exhausting.").await;
    browser.reload().await;

    browser
        .wait_text("h1", "Product Designer at Northwind")
        .await;
    assert_eq!(
        browser.prop("#rf-went_well", "value").await.as_deref(),
        Some("Rapport with the panel; the research story landed")
    );
    assert_eq!(
        browser.prop("#fix-no_questions", "value").await.as_deref(),
        Some("Write three questions the night before")
    );
    assert_eq!(
        browser.prop("#rf-vent", "value").await.as_deref(),
        Some("Honestly exhausting.")
    );
    let stored = browser
        .local_storage_get("rebound.reflections")
        .await
        .unwrap_or_default();
    assert!(stored.contains(&id) && stored.contains("Rapport with the panel"));

    // It is in the list, grouped under its stage.
    browser.goto("/interviews").await;
    browser
        .wait_text("main", "Product Designer at Northwind")
        .await;
    assert!(browser.text("main").await.contains("Reflected"));
    assert!(browser.browser_errors().await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejection_gets_reasons_a_kind_word_and_a_next_step() {
    let (_server, browser) = setup().await;
    let id = log_interview(&browser, "Contoso", "UX Researcher").await;
    select(&browser, "#d-outcome", "rejected").await;
    browser
        .wait_text("#rejection", "Why it didn't work out")
        .await;
    browser
        .click("#rejection button.chip:first-child") // "They hired an internal candidate"
        .await;
    let text = browser
        .wait_text("#rejection", "nothing here to take personally")
        .await;
    assert!(text.contains("Reflect while it's fresh"), "{text}");
    browser
        .wait_js("return (localStorage.getItem('rebound.interviews') || '').includes('internal candidate');")
        .await;
    let stored = browser
        .local_storage_get("rebound.interviews")
        .await
        .unwrap_or_default();
    assert!(stored.contains("\"outcome\":\"rejected\""));
    assert!(stored.contains("They hired an internal candidate"));

    // Today no longer counts it as active, and still lists it for a reflection.
    browser.goto("/").await;
    browser
        .wait_text("[data-testid=active-count]", "No active opportunities")
        .await;
    browser.wait_text("main", "UX Researcher at Contoso").await;
    assert!(
        browser
            .exists(&format!("a[href='/interviews/{id}#reflect']"))
            .await
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_can_be_undone() {
    let (_server, browser) = setup().await;
    log_interview(&browser, "Fabrikam", "Design Lead").await;
    browser.fill("#rf-went_well", "Good energy").await;
    browser.click(".danger-zone button").await;
    browser.wait_text(".toast", "Deleted").await;
    browser.wait_text("main", "No interviews yet").await;
    browser.click(".toast .button").await; // Undo
    browser.wait_text("main", "Design Lead at Fabrikam").await;
    browser.reload().await;
    browser.wait_text("main", "Design Lead at Fabrikam").await;
    assert!(browser
        .local_storage_get("rebound.reflections")
        .await
        .unwrap_or_default()
        .contains("Good energy"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn works_offline_from_the_service_worker_including_deep_links() {
    let (mut server, browser) = setup().await;
    browser.goto("/").await;
    browser.wait_for_service_worker_control().await;
    let id = log_interview(&browser, "Globex", "Analyst").await;
    browser.goto("/settings").await;
    browser.wait_text("h1", "Settings").await;

    server.stop();

    browser.goto("/").await;
    browser.wait_text("h1", "Today").await;
    browser
        .wait_text("[data-testid=active-count]", "1 active opportunity")
        .await;
    browser.goto(&format!("/interviews/{id}")).await;
    browser.wait_text("h1", "Analyst at Globex").await;
    browser.goto("/interviews").await;
    browser.wait_text("main", "Analyst at Globex").await;
    // Editing offline still saves locally.
    browser.goto("/settings").await;
    browser.fill("#nudge-threshold", "5").await;
    browser.reload().await;
    browser.wait_text("h1", "Settings").await;
    assert_eq!(
        browser.prop("#nudge-threshold", "value").await.as_deref(),
        Some("5")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_stored_value_is_kept_and_the_app_still_starts() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    browser.wait_for("h1").await;
    let damaged = r#"[{"id":"a","company":"Readable Co","role":"Engineer"},{"id":"b","stage":"#;
    browser.local_storage_set("rebound.schema", "1").await;
    browser
        .local_storage_set("rebound.interviews", damaged)
        .await;
    browser
        .local_storage_set("rebound.settings", r#"{"nudge_threshold":4}"#)
        .await;
    browser.reload().await;

    browser.wait_text(".notices", "could not all be read").await;
    browser.wait_text("h1", "Today").await;
    let keys = browser.local_storage_keys().await;
    let kept: Vec<_> = keys
        .iter()
        .filter(|k| k.starts_with("rebound.damaged.interviews."))
        .collect();
    assert_eq!(kept.len(), 1, "{keys:?}");
    assert_eq!(
        browser.local_storage_get(kept[0]).await.as_deref(),
        Some(damaged),
        "the raw value is still in storage, exactly"
    );
    browser.goto("/settings").await;
    browser.wait_text("main", "Data kept aside").await;
    assert_eq!(
        browser.prop("#nudge-threshold", "value").await.as_deref(),
        Some("4"),
        "the undamaged settings loaded"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_quota_shows_a_message_and_loses_nothing() {
    let (_server, browser) = setup().await;
    log_interview(&browser, "Saved Co", "Engineer").await;
    browser
        .wait_js("return (localStorage.getItem('rebound.interviews') || '').includes('Saved Co');")
        .await;
    let before = browser
        .local_storage_get("rebound.interviews")
        .await
        .unwrap_or_default();
    assert!(before.contains("Saved Co"));

    assert!(fill_quota(&browser).await > 0);
    browser.goto("/interviews/new").await;
    browser.fill("#new-company", "Unsaved Co").await;
    browser.fill("#new-notes", &"n".repeat(5000)).await;
    browser.click("button[type=submit]").await;
    browser.wait_text(".notices", "Storage is full").await;
    // The edit is on screen, and what was stored before is untouched.
    browser.wait_text("h1", "Unsaved Co").await;
    assert_eq!(
        browser
            .local_storage_get("rebound.interviews")
            .await
            .as_deref(),
        Some(before.as_str())
    );

    // Space is freed: trying again saves everything.
    unfill_quota(&browser).await;
    browser.click(".notice button.button:not(.quiet)").await; // "Try saving again"
    browser.wait_gone(".notice").await;
    browser
        .wait_js(
            "return (localStorage.getItem('rebound.interviews') || '').includes('Unsaved Co');",
        )
        .await;
    let after = browser
        .local_storage_get("rebound.interviews")
        .await
        .unwrap_or_default();
    assert!(after.contains("Saved Co") && after.contains("Unsaved Co"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn data_from_every_earlier_schema_version_opens() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    browser.wait_for("h1").await;
    let fixture: std::collections::BTreeMap<String, String> =
        serde_json::from_str(include_str!("fixtures/storage-v1.json")).expect("fixture");
    for (key, value) in &fixture {
        browser.local_storage_set(key, value).await;
    }
    browser.goto("/interviews").await;
    browser
        .wait_text("main", "Product Designer at Northwind")
        .await;
    browser.goto("/interviews/m1a2-1").await;
    browser
        .wait_text("#rejection", "They hired an internal candidate")
        .await;
    assert_eq!(
        browser.prop("#rf-did_not_say", "value").await.as_deref(),
        Some("The accessibility audit I led.")
    );
    assert!(
        !browser.exists(".notice").await,
        "a clean load raises no notice"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn csp_allows_the_app_and_nothing_goes_to_another_origin() {
    let (server, browser) = setup().await;
    browser.goto("/").await;
    browser.wait_text("h1", "Today").await;
    log_interview(&browser, "<img src=x onerror=alert(1)>", "Role").await;
    assert_eq!(
        browser.count("main img").await,
        0,
        "markup typed by the user is text"
    );
    let errors = browser.browser_errors().await;
    assert!(
        errors.is_empty(),
        "console errors (CSP violations show here): {errors:?}"
    );
    let foreign = browser
        .eval(
            "return performance.getEntriesByType('resource') \
               .map(e => e.name).filter(u => !u.startsWith(location.origin));",
        )
        .await;
    assert_eq!(foreign, json!([]), "requests to other origins");
    assert!(server.requests().iter().all(|r| !r.contains(" 404")));
}
