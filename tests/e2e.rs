#![cfg(not(target_arch = "wasm32"))]
//! End-to-end tests: the release build (`dist/`) served by a static server the test starts and
//! stops, driven in headless Chromium through WebDriver. Run by `scripts/test` after
//! `trunk build --release --offline`; alone: `cargo test --test e2e -- --test-threads=1`.

#[path = "e2e/support.rs"]
mod support;

use serde_json::json;
use support::{setup, Browser};

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
    let id = browser.log_interview("Northwind", "Product Designer").await;

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
    let id = browser.log_interview("Contoso", "UX Researcher").await;
    browser.choose("#d-outcome", "rejected").await;
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
    browser.log_interview("Fabrikam", "Design Lead").await;
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
    // A first visit leaves the link to the CSS: the loader fetches the wasm itself.
    assert_eq!(
        browser.eval("return typeof window.reboundWasm;").await,
        "undefined"
    );
    browser.wait_for_service_worker_control().await;
    let id = browser.log_interview("Globex", "Analyst").await;
    browser.goto("/settings").await;
    browser.wait_text("h1", "Settings").await;

    server.stop();

    browser.goto("/").await;
    browser.wait_text("h1", "Today").await;
    browser
        .wait_text("[data-testid=active-count]", "1 active opportunity")
        .await;
    // A returning visit compiled the wasm from the service worker's cache as the page began
    // (index.html's head), and the app started from that module.
    assert_eq!(
        browser
            .eval_async(
                "const done = arguments[arguments.length - 1]; \
                 Promise.resolve(window.reboundWasm).then((m) => done(m instanceof WebAssembly.Module), (e) => done('rejected: ' + e));",
                vec![],
            )
            .await,
        true
    );
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
    browser.log_interview("Saved Co", "Engineer").await;
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
    for (version, text) in [
        (1, include_str!("fixtures/storage-v1.json")),
        (2, include_str!("fixtures/storage-v2.json")),
    ] {
        browser.goto("/").await;
        browser.wait_for("h1").await;
        browser.local_storage_clear().await;
        let fixture: std::collections::BTreeMap<String, String> =
            serde_json::from_str(text).expect("fixture");
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
            "a clean load of v{version} raises no notice"
        );
        // Opened by this build, the data is in the current format.
        browser
            .wait_js("return localStorage.getItem('rebound.schema') === '3' || null;")
            .await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn csp_allows_the_app_and_nothing_goes_to_another_origin() {
    let (server, browser) = setup().await;
    browser.goto("/").await;
    browser.wait_text("h1", "Today").await;
    browser
        .log_interview("<img src=x onerror=alert(1)>", "Role")
        .await;
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

// ----- Issue 4: question bank and practice -----

async fn reviews_stored(browser: &Browser) -> usize {
    let v = browser
        .eval("try { return Object.keys(localStorage).filter(k => k.startsWith('rebound.reviews.')).reduce((n, k) => n + JSON.parse(localStorage.getItem(k)).length, 0); } catch (e) { return -1; }")
        .await;
    v.as_u64().unwrap_or(0) as usize
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn practise_three_cards_undo_and_reload_mid_session() {
    let (mut server, browser) = setup().await;
    // Issue 14: only answered questions are cards; twelve answers, ten new a day.
    browser.seed_answers(12).await;
    browser.goto("/").await;
    browser
        .wait_text("[data-testid=due-count]", "10 questions are ready")
        .await;
    browser.wait_for_service_worker_control().await;
    browser.goto("/practice").await;
    browser
        .wait_text("[data-testid=due-left]", "10 cards to go")
        .await;

    for left in [9, 8, 7] {
        let question = browser.text("[data-testid=flash-question]").await;
        browser
            .eval("document.activeElement && document.activeElement.blur();")
            .await;
        browser.type_keys("body", " ").await; // Space reveals
        browser.wait_for(".ratings").await;
        // Each grade shows the interval it would give.
        let good = browser.text(".rate-3").await;
        assert!(
            good.contains("Good") && good.chars().any(|c| c.is_ascii_digit()),
            "{good}"
        );
        browser.click(".rate-3").await;
        browser
            .wait_text("[data-testid=due-left]", &format!("{left} cards to go"))
            .await;
        assert_ne!(browser.text("[data-testid=flash-question]").await, question);
    }
    browser
        .wait_js("return Object.keys(localStorage).filter(k => k.startsWith('rebound.reviews.')).reduce((n, k) => n + JSON.parse(localStorage.getItem(k)).length, 0) === 3;")
        .await;

    // Undo the last rating with U: the card comes back, the log loses that entry.
    browser.type_keys("body", "u").await;
    browser
        .wait_text("[data-testid=due-left]", "8 cards to go")
        .await;
    browser
        .wait_js("return Object.keys(localStorage).filter(k => k.startsWith('rebound.reviews.')).reduce((n, k) => n + JSON.parse(localStorage.getItem(k)).length, 0) === 2;")
        .await;
    browser.click(".button.primary.big").await; // Show my answer
    browser.click(".rate-4").await;
    browser
        .wait_text("[data-testid=due-left]", "7 cards to go")
        .await;
    browser
        .wait_js("return Object.keys(localStorage).filter(k => k.startsWith('rebound.reviews.')).reduce((n, k) => n + JSON.parse(localStorage.getItem(k)).length, 0) === 3;")
        .await;

    // Reload mid-session, then go offline: the queue and ratings are as left.
    browser.reload().await;
    browser
        .wait_text("[data-testid=due-left]", "7 cards to go")
        .await;
    assert_eq!(reviews_stored(&browser).await, 3);
    server.stop();
    browser.goto("/practice").await;
    browser
        .wait_text("[data-testid=due-left]", "7 cards to go")
        .await;
    browser.goto("/").await;
    browser
        .wait_text("[data-testid=due-count]", "7 questions are ready")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answer_a_question_in_star_form_and_it_survives_a_reload() {
    let (_server, browser) = setup().await;
    browser.goto("/questions").await;
    browser
        .wait_text("[data-testid=question-count]", "64 questions")
        .await;
    browser.fill("#q-search", "weakness").await;
    browser
        .wait_text("[data-testid=question-count]", "question")
        .await;
    browser.click(".question-row").await;
    browser
        .wait_text("main", "What they're really asking")
        .await;
    browser
        .fill(
            "#answer-text",
            "I used to over-prepare slides; now I timebox them.",
        )
        .await;
    browser
        .wait_text("[data-testid=word-count]", "9 words")
        .await;
    browser
        .eval("document.querySelectorAll('input[name=answer-mode]')[1].click();")
        .await;
    browser
        .fill("#answer-situation", "Quarterly review at my last job")
        .await;
    browser
        .fill("#answer-result", "Prep time down by half")
        .await;
    browser
        .wait_text("[data-testid=word-count]", "out loud")
        .await;
    browser
        .wait_js("return (localStorage.getItem('rebound.questions') || '').includes('Prep time down by half');")
        .await;
    browser.reload().await;
    assert_eq!(
        browser.prop("#answer-result", "value").await.as_deref(),
        Some("Prep time down by half")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_question_that_caught_me_out_is_linked_both_ways() {
    let (_server, browser) = setup().await;
    let id = browser.log_interview("Wayne Enterprises", "Analyst").await;
    browser
        .fill("#iq-text", "How would you price a new product?")
        .await;
    browser.click("#questions button[type=submit]").await;
    browser
        .wait_text("#questions", "How would you price a new product?")
        .await;
    browser.click("#questions .link-list a").await;
    browser
        .wait_text("h1", "How would you price a new product?")
        .await;
    browser
        .wait_text("main", "Analyst at Wayne Enterprises")
        .await;
    assert!(browser.exists(&format!("a[href='/interviews/{id}']")).await);
    browser.goto("/questions").await;
    browser
        .wait_text("[data-testid=question-count]", "65 questions")
        .await;
}

/// A copy of the release build in a temp dir, so a test can change it (a "new version").
fn copy_of_dist() -> support::TempDir {
    let dist = support::dist_dir();
    support::require_release_build(&dist);
    let copy = support::TempDir::new("rebound-dist").expect("temp dir");
    fn walk(from: &std::path::Path, base: &std::path::Path, to: &support::TempDir) {
        for entry in std::fs::read_dir(from).expect("read dist").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, base, to);
            } else {
                let rel = path.strip_prefix(base).expect("inside dist");
                let bytes = std::fs::read(&path).expect("read file");
                to.write(&rel.to_string_lossy(), bytes).expect("copy file");
            }
        }
    }
    walk(&dist, &dist, &copy);
    copy
}

/// On a first visit the service worker installs and takes control while the user may already
/// be typing: that must not reload the page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typing_on_a_first_visit_survives_the_service_worker_taking_over() {
    let (_server, browser) = setup().await;
    browser.goto("/interviews/new").await;
    browser
        .fill("#new-company", "Typed before the worker")
        .await;
    browser
        .wait_js("return !!navigator.serviceWorker.controller;")
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        browser.prop("#new-company", "value").await.as_deref(),
        Some("Typed before the worker")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chromium_reports_no_installability_errors() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    browser.wait_text("h1", "Today").await;
    browser.wait_for_service_worker_control().await;
    let result = browser.cdp("Page.getInstallabilityErrors", json!({})).await;
    assert_eq!(result["installabilityErrors"], json!([]), "{result}");
    let manifest = browser.cdp("Page.getAppManifest", json!({})).await;
    assert_eq!(manifest["errors"], json!([]), "{manifest}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_version_waits_until_the_user_says_reload() {
    let dist = copy_of_dist();
    let (_server, browser) = support::setup_with_dir(dist.path()).await;
    browser.goto("/").await;
    browser.wait_text("h1", "Today").await;
    browser.wait_for_service_worker_control().await;
    browser.eval("window.__samePage = true;").await;

    // Publish a new version: a changed service worker (its cache version moves).
    let sw = std::fs::read_to_string(dist.path().join("sw.js")).expect("sw.js");
    let marker = "const VERSION = \"";
    let at = sw.find(marker).expect("the built sw.js has a version") + marker.len();
    let new_sw = format!("{}e2e-{}", &sw[..at], &sw[at..]);
    dist.write("sw.js", new_sw).expect("write new sw.js");
    browser
        .eval("navigator.serviceWorker.getRegistration().then(r => r && r.update());")
        .await;

    browser
        .wait_text(".notices", "A new version is ready")
        .await;
    // It waits: still the same page, still the old worker's cache.
    assert_eq!(
        browser.eval("return window.__samePage === true;").await,
        json!(true)
    );
    let caches = browser
        .eval_async(
            "const done = arguments[arguments.length - 1]; caches.keys().then(done);",
            vec![],
        )
        .await;
    assert_eq!(
        caches.as_array().map(Vec::len),
        Some(2),
        "old and new caches: {caches}"
    );

    browser.click(".notice-info .button.primary").await; // Reload
    browser
        .wait_js("return window.__samePage === undefined && !!document.querySelector('h1');")
        .await;
    browser.wait_text("h1", "Today").await;
    let caches = browser
        .wait_js(
            "return caches.keys().then(k => k.length === 1 && k[0].startsWith('rebound-e2e-') ? k : null);",
        )
        .await;
    assert!(caches.is_array(), "only the new cache is left: {caches}");
}

/// Not a test of behaviour: walks the main screens and saves screenshots (light and dark, 390 px
/// wide) to tests/e2e-artifacts/ for a person to look at.
/// `cargo test --test e2e screenshots -- --ignored`
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore]
async fn screenshots() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    browser.wait_text("h1", "Today").await;
    let _ = browser.screenshot("shot-today-empty").await;
    let fixture: std::collections::BTreeMap<String, String> =
        serde_json::from_str(include_str!("fixtures/storage-v1.json")).expect("fixture");
    for (key, value) in &fixture {
        browser.local_storage_set(key, value).await;
    }
    browser.set_phone_viewport().await;
    for scheme in ["light", "dark"] {
        browser.set_color_scheme(scheme).await;
        for (name, path, wait) in [
            ("today", "/", "Today"),
            ("interviews", "/interviews", "Interviews"),
            ("detail", "/interviews/m1a2-1", "Northwind"),
            ("new", "/interviews/new", "Log an interview"),
            ("questions", "/questions", "Questions"),
            ("question", "/questions/s-weaknesses-01", ""),
            ("practice", "/practice", "Practice"),
            ("plan", "/plan", "My plan"),
            ("journey", "/journey", "Your journey"),
            ("search", "/search", "What I'm looking for"),
            ("more", "/more", "More"),
            ("settings", "/settings", "Settings"),
        ] {
            if name == "journey" || name == "detail" {
                // Long pages: the top, then further down.
                browser.goto(path).await;
                browser.wait_text("h1", wait).await;
                let _ = browser.screenshot(&format!("shot-{scheme}-{name}")).await;
                for (n, id) in ["charts-title", "timeline-title", "feedback", "letters"]
                    .iter()
                    .enumerate()
                {
                    let found = browser
                        .eval_with(
                            "const el = document.getElementById(arguments[0]); \
                             if (el) { el.scrollIntoView(); } return !!el;",
                            vec![json!(id)],
                        )
                        .await;
                    if found == json!(true) {
                        let _ = browser
                            .screenshot(&format!("shot-{scheme}-{name}-{}", n + 2))
                            .await;
                    }
                }
                continue;
            }
            if name == "settings" {
                // Scroll through the long page in two shots.
                browser.goto(path).await;
                browser.wait_text("h1", wait).await;
                let _ = browser.screenshot(&format!("shot-{scheme}-{name}")).await;
                browser
                    .eval("document.querySelector('#import-title').scrollIntoView();")
                    .await;
                let _ = browser.screenshot(&format!("shot-{scheme}-{name}-2")).await;
                browser
                    .eval("document.querySelector('#delete-title').scrollIntoView();")
                    .await;
                let _ = browser.screenshot(&format!("shot-{scheme}-{name}-3")).await;
                continue;
            }
            browser.goto(path).await;
            browser.wait_text("h1", wait).await;
            let _ = browser.screenshot(&format!("shot-{scheme}-{name}")).await;
        }
    }
}

// ----- Issue 3: the user owns the data -----

async fn stored_rebound(browser: &Browser) -> serde_json::Value {
    browser
        .eval(
            "const out = {}; Object.keys(localStorage).filter(k => k.startsWith('rebound.')) \
             .sort().forEach(k => out[k] = localStorage.getItem(k)); return out;",
        )
        .await
}

async fn delete_everything(browser: &Browser) {
    browser.goto("/settings").await;
    browser.fill("#delete-confirm", "DELETE").await;
    browser.click(".button.danger-solid").await;
    browser
        .wait_text(".notices", "Everything was deleted")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_delete_everything_import_and_all_is_back() {
    let (_server, browser) = setup().await;
    let downloads = support::TempDir::new("rebound-downloads").expect("temp dir");
    browser.allow_downloads(downloads.path()).await;
    let id = browser.log_interview("Initech", "Platform Engineer").await;
    browser.fill("#rf-did_not_say", "My migration story").await;
    browser.goto("/settings").await;
    browser
        .wait_text("[data-testid=last-backup]", "No backup yet")
        .await;
    browser
        .click("#backup-title ~ .actions .button.primary")
        .await;
    let file = support::downloaded_json(downloads.path()).await;
    let name = file
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    assert!(name.starts_with("rebound-backup-"), "{name}");
    browser
        .wait_text("[data-testid=last-backup]", "Last backup")
        .await;
    let before = stored_rebound(&browser).await;

    delete_everything(&browser).await;
    browser.goto("/interviews").await;
    browser.wait_text("main", "No interviews yet").await;
    assert_eq!(
        stored_rebound(&browser).await,
        json!({}),
        "nothing of Rebound's is left in storage"
    );

    browser.goto("/settings").await;
    browser
        .type_keys("#import-file", &file.to_string_lossy())
        .await;
    browser
        .wait_text(
            "[data-testid=import-preview]",
            "1 interview, 1 reflection, 0 questions and 0 plan items",
        )
        .await;
    browser
        .click("[data-testid=import-preview] .button.primary")
        .await; // Merge
    browser
        .wait_text(".notices", "Backup merged: 2 added")
        .await;
    browser.goto(&format!("/interviews/{id}")).await;
    browser
        .wait_text("h1", "Platform Engineer at Initech")
        .await;
    assert_eq!(
        browser.prop("#rf-did_not_say", "value").await.as_deref(),
        Some("My migration story")
    );
    let after = stored_rebound(&browser).await;
    for key in ["rebound.interviews", "rebound.reflections"] {
        assert_eq!(after[key], before[key], "{key} is exactly as before");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_file_gets_a_clear_message_and_changes_nothing() {
    let (_server, browser) = setup().await;
    browser.log_interview("Keep Me", "Role").await;
    browser
        .wait_js("return (localStorage.getItem('rebound.interviews') || '').includes('Keep Me');")
        .await;
    let before = stored_rebound(&browser).await;
    let dir = support::TempDir::new("rebound-bad").expect("temp dir");
    let cases = [
        ("not-json.json", "this is not json {".to_string(), "isn't"),
        ("other.json", r#"{"hello":"world"}"#.to_string(), "Rebound"),
        (
            "future.json",
            r#"{"app":"rebound","schema":999,"collections":{}}"#.to_string(),
            "newer version",
        ),
        (
            "truncated.json",
            r#"{"app":"rebound","schema":1,"collections":{"interviews":[{"id":"a""#.to_string(),
            "cut off",
        ),
    ];
    for (name, text, needle) in cases {
        let path = dir.write(name, text).expect("write fixture");
        browser.goto("/settings").await;
        browser
            .type_keys("#import-file", &path.to_string_lossy())
            .await;
        let message = browser
            .wait_text("[data-testid=import-error]", needle)
            .await;
        assert!(
            message.contains("Nothing was changed") || message.contains("nothing was changed"),
            "{message}"
        );
        assert_eq!(
            stored_rebound(&browser).await,
            before,
            "storage unchanged after {name}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_imported_file_with_markup_in_every_string_renders_inert() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    browser.wait_text("h1", "Today").await;
    let evil =
        "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>";
    let file = json!({
        "app": "rebound",
        "schema": 1,
        "exported_at": 1_760_000_000_000_i64,
        "collections": {
            "interviews": [{
                "id": "evil-1", "company": evil, "role": evil, "date": "2026-10-01",
                "interviewers": evil, "stage": "interview", "outcome": "rejected", "notes": evil,
                "rejection_reasons": [{ "text": evil, "in_my_control": false }],
                "created": 1, "updated": 2
            }],
            "reflections": [{
                "id": "evil-1", "went_well": evil, "fell_short": evil, "said": evil,
                "did_not_say": evil, "not_prepared": evil, "vent": evil,
                "mistakes": [{ "kind": evil, "fix": evil }], "created": 1, "updated": 2
            }],
            "settings": { "nudge_threshold": 3 }
        }
    });
    let dir = support::TempDir::new("rebound-evil").expect("temp dir");
    let path = dir.write("evil.json", file.to_string()).expect("write");
    browser.goto("/settings").await;
    browser
        .type_keys("#import-file", &path.to_string_lossy())
        .await;
    browser.wait_for("[data-testid=import-preview]").await;
    browser
        .click("[data-testid=import-preview] .button.primary")
        .await;
    browser.wait_text(".notices", "Backup merged").await;
    for path in ["/interviews", "/interviews/evil-1", "/"] {
        browser.goto(path).await;
        if path == "/" {
            browser.wait_text("h1", "Today").await;
        } else {
            browser.wait_text("main", "<img src=x").await;
        }
        assert_eq!(browser.count("main img, main script").await, 0, "on {path}");
    }
    let title = browser.eval("return document.title;").await;
    assert_eq!(title, json!("Rebound"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_in_one_window_shows_up_in_the_other() {
    let (_server, browser) = setup().await;
    let id = browser.log_interview("Umbrella", "Analyst").await;
    let first = browser.window().await;
    let second = browser.new_window().await;
    browser.switch_to(&second).await;
    browser.goto("/interviews").await;
    browser.wait_text("main", "Analyst at Umbrella").await;

    // Window one: rename the company and log a second interview.
    browser.switch_to(&first).await;
    browser.goto(&format!("/interviews/{id}")).await;
    browser.click("details.details-card summary").await;
    browser.fill("#d-company", "Umbrella Corp").await;
    browser.log_interview("Hooli", "Engineer").await;

    // Window two sees both, without a reload.
    browser.switch_to(&second).await;
    browser.wait_text("main", "Analyst at Umbrella Corp").await;
    browser.wait_text("main", "Engineer at Hooli").await;

    // Window two edits a different record; window one keeps both changes.
    browser.goto(&format!("/interviews/{id}")).await;
    browser.fill("#rf-went_well", "Edited in window two").await;
    browser.switch_to(&first).await;
    browser.goto("/interviews").await;
    browser.wait_text("main", "Engineer at Hooli").await;
    browser
        .wait_js("return (localStorage.getItem('rebound.reflections') || '').includes('Edited in window two');")
        .await;
    let stored = browser
        .local_storage_get("rebound.interviews")
        .await
        .unwrap_or_default();
    assert!(
        stored.contains("Umbrella Corp") && stored.contains("Hooli"),
        "{stored}"
    );
}

/// A backup with `n` interviews and five ratings for each.
/// [`large_backup`] of 3,000 interviews written to a backup file in a new temporary directory
/// named `name` (kept while the directory is); with the file's text.
fn large_backup_file(name: &str) -> (support::TempDir, std::path::PathBuf, String) {
    let dir = support::TempDir::new(name).expect("temp dir");
    let text =
        rebound::core::transfer::export(&large_backup(3000), 1_700_000_000_000).expect("export");
    let file = dir
        .write("rebound-backup-large.json", &text)
        .expect("write");
    (dir, file, text)
}

fn large_backup(n: usize) -> rebound::core::schema::Db {
    use rebound::core::practice::{Grade, ReviewEntry};
    const DAY: i64 = 86_400_000;
    rebound::core::schema::Db {
        interviews: (0..n)
            .map(|i| rebound::core::model::Interview {
                id: format!("big-{i}"),
                company: format!("Company {i}"),
                role: "Platform Engineer".into(),
                notes: "Talked about the migration, the on-call rota and the team's next year. "
                    .repeat(4),
                updated: 1_700_000_000_000 + i as i64,
                ..Default::default()
            })
            .collect(),
        reviews: (0..n * 5)
            .map(|k| {
                ReviewEntry::new(
                    format!("q{}", k % 50),
                    1_600_000_000_000 + k as i64 * DAY / 7,
                    Grade::Good,
                )
            })
            .collect(),
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_backup_is_read_and_written_with_progress_and_the_buttons_wait() {
    let (_server, browser) = setup().await;
    let (_dir, file, text) = large_backup_file("rebound-large");
    browser.goto("/settings").await;
    browser.wait_for("#import-file").await;
    // A slow phone: the parts take long enough to be seen.
    browser
        .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 20 }))
        .await;
    browser
        .type_keys("#import-file", &file.to_string_lossy())
        .await;
    // While it is read: a progress bar with its words, and no second file can be chosen.
    let seen = browser
        .wait_js(
            "const p = document.querySelector('[data-testid=transfer-progress]'); \
             return p && p.textContent.includes(' of ') \
               ? [p.textContent, document.querySelector('#import-file').disabled, \
                  !!p.querySelector('progress')] : null;",
        )
        .await;
    let words = seen[0].as_str().unwrap_or_default().to_string();
    assert!(
        words.starts_with("Reading your backup: ") && words.ends_with(" parts"),
        "{words}"
    );
    assert_eq!(seen[1], json!(true), "the file input waits: {seen}");
    assert_eq!(seen[2], json!(true), "a progress bar: {seen}");
    browser
        .wait_text("[data-testid=import-preview]", "3000 interviews")
        .await;
    assert!(
        browser
            .eval("return !document.querySelector('[data-testid=transfer-progress]');")
            .await
            .as_bool()
            .unwrap_or(false),
        "the progress bar is gone once the file is read"
    );
    browser
        .click("[data-testid=import-preview] .button.primary")
        .await; // Merge
    browser.wait_text(".notices", "Backup merged").await;

    // Written back: progress again, the button waits, and the file holds what was imported.
    let downloads = support::TempDir::new("rebound-large-out").expect("temp dir");
    browser.allow_downloads(downloads.path()).await;
    browser
        .click("#backup-title ~ .actions .button.primary")
        .await;
    let seen = browser
        .wait_js(
            "const p = document.querySelector('[data-testid=transfer-progress]'); \
             return p && p.textContent.includes(' of ') \
               ? [p.textContent, document.querySelector('#backup-title ~ .actions .button.primary').disabled] \
               : null;",
        )
        .await;
    let words = seen[0].as_str().unwrap_or_default().to_string();
    assert!(words.starts_with("Writing your backup: "), "{words}");
    assert_eq!(seen[1], json!(true), "the button waits: {seen}");
    let out = support::downloaded_json(downloads.path()).await;
    browser
        .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 1 }))
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("read")).expect("json");
    let original: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(
        written["collections"]["interviews"],
        original["collections"]["interviews"]
    );
    assert_eq!(
        written["collections"]["reviews"],
        original["collections"]["reviews"]
    );
}

/// Screenshots of the progress of reading a large backup, at 390 and 320 px, light and dark
/// (run by hand: `cargo test --test e2e -- --ignored progress_screenshots`; they land in
/// tests/e2e-artifacts/).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore]
async fn progress_screenshots() {
    let (_server, browser) = setup().await;
    let (_dir, file, _) = large_backup_file("rebound-large-shots");
    for (width, height) in [(390, 844), (320, 568)] {
        for scheme in ["light", "dark"] {
            browser.set_viewport(width, height).await;
            browser.set_color_scheme(scheme).await;
            browser.goto("/settings").await;
            browser.wait_for("#import-file").await;
            browser
                .eval("document.querySelector('#import-file').scrollIntoView({block: 'center'});")
                .await;
            browser
                .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 20 }))
                .await;
            browser
                .type_keys("#import-file", &file.to_string_lossy())
                .await;
            browser
                .wait_js(
                    "const p = document.querySelector('[data-testid=transfer-progress]'); \
                     return p && p.textContent.includes(' of ') ? true : null;",
                )
                .await;
            let _ = browser
                .screenshot(&format!("progress-{width}-{scheme}"))
                .await;
            browser
                .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 1 }))
                .await;
            browser.wait_for("[data-testid=import-preview]").await;
        }
    }
}
