#![cfg(not(target_arch = "wasm32"))]
//! End-to-end tests of issue 12 (reliability): data from a newer version is never hidden or
//! overwritten, and two windows of the same profile lose nothing. The release build in
//! headless Chromium, served by a static server the test starts and stops. Run by
//! `scripts/test`; alone: `cargo test --test e2e_reliability -- --test-threads=1`.

#[path = "e2e/support.rs"]
mod support;

use serde_json::json;
use support::{setup, Browser};

/// Put every key of a stored-state fixture into localStorage and reload.
async fn seed(browser: &Browser, fixture: &str) {
    let store: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(fixture).expect("fixture is a JSON object");
    browser.goto("/").await;
    browser.local_storage_clear().await;
    for (key, value) in &store {
        browser
            .local_storage_set(key, value.as_str().unwrap_or_default())
            .await;
    }
    browser.reload().await;
}

/// The stored text of `key` once it contains `needle`.
async fn stored_once(browser: &Browser, key: &str, needle: &str) -> String {
    browser
        .wait_js(&format!(
            "const v = localStorage.getItem({key:?}); return v && v.includes({needle:?}) ? v : null;"
        ))
        .await;
    browser.local_storage_get(key).await.unwrap_or_default()
}

/// Evaluate `js` until it gives something other than null, for at most `ms` milliseconds
/// (null if it never does).
async fn poll_js(browser: &Browser, js: &str, ms: u64) -> serde_json::Value {
    let start = std::time::Instant::now();
    loop {
        let v = browser.eval(js).await;
        if !v.is_null() || start.elapsed().as_millis() as u64 >= ms {
            return v;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Set a text field's value as typing would (one `input` event), in the current window.
async fn type_into(browser: &Browser, css: &str, text: &str) {
    browser
        .eval_with(
            "const el = document.querySelector(arguments[0]); el.value = arguments[1]; \
             el.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![json!(css), json!(text)],
        )
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tab_stops_writing_once_another_tab_moves_the_format_on() {
    let (_server, browser) = setup().await;
    browser.log_interview("Acme", "Engineer").await;
    browser.fill("#rf-went_well", "Saved before").await;
    stored_once(&browser, "rebound.reflections", "Saved before").await;
    let first = browser.window().await;

    // A second window plays a newer Rebound: it moves the stored format on and writes its own
    // data in a shape this build has never seen.
    let second = browser.new_window().await;
    browser.switch_to(&second).await;
    browser.goto("/more").await;
    browser
        .eval(
            "localStorage.setItem('rebound.schema', '99'); \
             localStorage.setItem('rebound.reflections', '{\"v3\":\"newer format\"}');",
        )
        .await;

    // The first window notices, says so, and writes nothing more.
    browser.switch_to(&first).await;
    browser
        .wait_text(".notices", "Rebound was updated in another tab")
        .await;
    browser
        .fill("#rf-went_well", "Typed after the update")
        .await;
    browser.eval("document.dispatchEvent(new Event('visibilitychange')); window.dispatchEvent(new Event('pagehide'));").await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(
        browser.local_storage_get("rebound.reflections").await,
        Some("{\"v3\":\"newer format\"}".to_string()),
        "the newer version's data is untouched"
    );
    assert_eq!(
        browser.local_storage_get("rebound.schema").await,
        Some("99".to_string())
    );
    // The edit it still holds is offered as text to copy, as a backup file to import later.
    browser.click(".unsaved-edits summary").await;
    let text = browser.prop(".unsaved-edits textarea", "value").await;
    let text = text.unwrap_or_default();
    assert!(text.contains("Typed after the update"), "{text}");
    assert!(text.contains("\"app\": \"rebound\""), "{text}");
    assert!(
        browser.exists(".notices .button.primary").await,
        "a Reload button"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_edits_in_two_windows_lose_nothing() {
    let (_server, browser) = setup().await;
    let shared = browser.log_interview("Shared Co", "Analyst").await;
    let first = browser.window().await;
    let second = browser.new_window().await;
    browser.switch_to(&second).await;
    browser.goto(&format!("/interviews/{shared}")).await;
    browser.wait_text("h1", "Analyst at Shared Co").await;
    let windows = [first, second];

    // Each window logs its own interview and plan item, then they take turns: 100 edits in all,
    // each window writing its own interview's notes, the shared reflection's prompts (one
    // prompt each) and its own plan item's "why".
    let mut own = Vec::new();
    for (n, w) in windows.iter().enumerate() {
        browser.switch_to(w).await;
        let id = browser
            .log_interview(&format!("Window {n} Ltd"), "Engineer")
            .await;
        browser.goto("/plan").await;
        browser
            .fill("#plan-new", &format!("Plan of window {n}"))
            .await;
        browser.click("form.add-row button[type=submit]").await;
        browser
            .wait_text("main", &format!("Plan of window {n}"))
            .await;
        own.push(id);
    }
    let prompts = ["#rf-went_well", "#rf-fell_short"];
    let mut last: Vec<[String; 3]> = vec![Default::default(), Default::default()];
    for edit in 0..100 {
        let n = edit % 2;
        browser.switch_to(&windows[n]).await;
        let text = format!("edit {edit} from window {n}");
        match (edit / 2) % 3 {
            0 => {
                browser.goto(&format!("/interviews/{}", own[n])).await;
                browser.click("details.details-card summary").await;
                type_into(&browser, "#d-notes", &text).await;
                last[n][0] = text;
            }
            1 => {
                browser.goto(&format!("/interviews/{shared}")).await;
                browser.wait_for(prompts[n]).await;
                type_into(&browser, prompts[n], &text).await;
                last[n][1] = text;
            }
            _ => {
                browser.goto("/plan").await;
                browser
                    .wait_text("main", &format!("Plan of window {n}"))
                    .await;
                // Its row opened first: the editor is drawn then.
                browser
                    .eval_with(
                        "const card = [...document.querySelectorAll('.plan-item')] \
                         .find(c => c.textContent.includes(arguments[0])); \
                         if (card) card.querySelector('details').open = true;",
                        vec![json!(format!("Plan of window {n}"))],
                    )
                    .await;
                browser
                    .wait_js("return !!document.querySelector('.plan-details[open] textarea[id^=why-]');")
                    .await;
                let why = browser
                    .eval_with(
                        "const card = [...document.querySelectorAll('.plan-item')] \
                         .find(c => c.textContent.includes(arguments[0])); \
                         const f = card && card.querySelector('textarea[id^=why-]'); \
                         return f ? '#' + f.id : null;",
                        vec![json!(format!("Plan of window {n}"))],
                    )
                    .await;
                let css = why.as_str().unwrap_or("#missing").to_string();
                type_into(&browser, &css, &text).await;
                last[n][2] = text;
            }
        }
    }
    // Both windows save (as when hidden) and are reloaded: every window's last edit is there.
    for w in &windows {
        browser.switch_to(w).await;
        browser
            .eval("document.dispatchEvent(new Event('visibilitychange'));")
            .await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    for w in &windows {
        browser.switch_to(w).await;
        browser.reload().await;
        browser.wait_for("main h1").await;
    }
    let interviews = browser
        .local_storage_get("rebound.interviews")
        .await
        .unwrap_or_default();
    let reflections = browser
        .local_storage_get("rebound.reflections")
        .await
        .unwrap_or_default();
    let plan = browser
        .local_storage_get("rebound.plan")
        .await
        .unwrap_or_default();
    for (n, [notes, prompt, why]) in last.iter().enumerate() {
        assert!(interviews.contains(notes.as_str()), "window {n}: {notes}");
        assert!(
            reflections.contains(prompt.as_str()),
            "window {n}: {prompt}"
        );
        assert!(plan.contains(why.as_str()), "window {n}: {why}");
        assert!(interviews.contains(&format!("Window {n} Ltd")));
        assert!(plan.contains(&format!("Plan of window {n}")));
    }
    // What the user sees after reloading says the same.
    browser.goto(&format!("/interviews/{shared}")).await;
    for (n, prompt) in prompts.iter().enumerate() {
        let value = browser.prop(prompt, "value").await.unwrap_or_default();
        assert_eq!(value, last[n][1]);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_record_edited_in_both_windows_says_which_version_was_kept() {
    let (_server, browser) = setup().await;
    let id = browser.log_interview("Both Co", "Designer").await;
    let first = browser.window().await;
    let second = browser.new_window().await;
    browser.switch_to(&second).await;
    browser.goto(&format!("/interviews/{id}")).await;
    browser.click("details.details-card summary").await;
    browser.switch_to(&first).await;
    browser.goto(&format!("/interviews/{id}")).await;
    browser.click("details.details-card summary").await;

    // The first window types; its save waits 300 ms, and its timers are paused here (as on a
    // busy phone) so that the edit is still unsaved when the second window types into the same
    // field and is hidden, which saves that straight away. The first window then holds an
    // unsaved edit older than what was just stored.
    browser.switch_to(&first).await;
    browser
        .cdp(
            "Emulation.setVirtualTimePolicy",
            json!({ "policy": "pause" }),
        )
        .await;
    type_into(&browser, "#d-notes", "first window").await;
    browser.switch_to(&second).await;
    type_into(&browser, "#d-notes", "second window").await;
    browser
        .eval("document.dispatchEvent(new Event('visibilitychange'));")
        .await;
    browser.switch_to(&first).await;
    // Give the other window's write a moment to arrive, then let time run again.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    browser
        .cdp(
            "Emulation.setVirtualTimePolicy",
            json!({ "policy": "advance" }),
        )
        .await;
    let seen = poll_js(
        &browser,
        "const n = document.querySelector('.notices'); \
         return n && n.textContent.includes('Changed in another tab') ? true : null;",
        5000,
    )
    .await
        == json!(true);
    assert!(seen, "the first window says its edit lost to a later one");
    let notices = browser.text(".notices").await;
    assert!(notices.contains("Designer at Both Co"), "{notices}");
    // The later version is the one shown and stored, in both windows.
    let stored = browser
        .local_storage_get("rebound.interviews")
        .await
        .unwrap_or_default();
    assert!(stored.contains("second window"), "{stored}");
    let shown = browser.prop("#d-notes", "value").await.unwrap_or_default();
    assert_eq!(shown, "second window");
}

const FUTURE: &str = include_str!("fixtures/storage-v2-future.json");

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_store_from_a_newer_version_is_shown_edited_saved_and_exported_intact() {
    let (_server, browser) = setup().await;
    seed(&browser, FUTURE).await;
    // Every interview is listed, the one with a newer stage and outcome too.
    browser.goto("/interviews").await;
    browser
        .wait_text("main", "Data engineer at Initech Robotics")
        .await;
    browser.wait_text("main", "Analyst at Globex").await;
    assert!(
        !browser.exists(".notices .notice").await,
        "nothing was damaged: {}",
        browser.text("body").await
    );
    // Its page says the values in plain words, and the selects keep them, selected.
    browser.goto("/interviews/f-1").await;
    browser
        .wait_text("main", "take home review (from a newer version of Rebound)")
        .await;
    browser.click("details.details-card summary").await;
    let stage = browser
        .eval(
            "const s = document.querySelector('#d-stage'); return s.options[s.selectedIndex].text;",
        )
        .await;
    assert_eq!(
        stage,
        json!("take home review (from a newer version of Rebound)")
    );
    let outcome = browser
        .eval("const s = document.querySelector('#d-outcome'); return s.value;")
        .await;
    assert_eq!(outcome, json!("on_hold"));
    // A field this build knows is edited and saved; every unknown value stays.
    type_into(&browser, "#d-notes", "Edited by the older build").await;
    let stored = stored_once(&browser, "rebound.interviews", "Edited by the older build").await;
    for needle in [
        "\"stage\":\"take_home_review\"",
        "\"outcome\":\"on_hold\"",
        "\"format\":\"take_home\"",
        "\"time\":\"14:30\"",
        "\"kind\":\"reference_request\"",
        "\"via\":\"sms\"",
        "\"status\":\"scheduled_call\"",
        "\"weight\":3",
        "\"stage_history\"",
    ] {
        assert!(stored.contains(needle), "{needle} kept in {stored}");
    }
    // The other screens show their records too.
    browser.goto("/plan").await;
    browser
        .wait_text("main", "paused (from a newer version of Rebound)")
        .await;
    browser.goto("/questions/q-1").await;
    browser
        .wait_text("main", "Walk me through your take-home.")
        .await;
    // And a backup holds every unknown value.
    let downloads = support::TempDir::new("rebound-future").expect("temp dir");
    browser.allow_downloads(downloads.path()).await;
    browser.goto("/settings").await;
    browser
        .click("#backup-title ~ .actions .button.primary")
        .await;
    let file = support::downloaded_json(downloads.path()).await;
    let backup = std::fs::read_to_string(file).expect("backup text");
    for needle in [
        "take_home_review",
        "on_hold",
        "reference_request",
        "camera_off",
        "hopeful",
        "\"category\": \"take_home\"",
        "paused",
        "mentoring",
        "salary_floor",
        "auto_lock_minutes",
        "Edited by the older build",
    ] {
        assert!(backup.contains(needle), "{needle} is in the backup");
    }
}

/// The ratings stored in every chunk of the review log (schema 3: one key a month), as
/// `[question id, ms]` pairs.
const STORED_RATINGS: &str = "return Object.keys(localStorage) \
     .filter(k => k.startsWith('rebound.reviews.')) \
     .flatMap(k => JSON.parse(localStorage.getItem(k))) \
     .map(e => [e[0], e[1]]);";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ratings_made_at_once_in_two_windows_are_both_kept() {
    let (_server, browser) = setup().await;
    browser.seed_answers(4).await;
    let first = browser.window().await;
    let second = browser.new_window().await;
    let windows = [first, second];
    // Both windows open practice on the same first card.
    for w in &windows {
        browser.switch_to(w).await;
        browser.goto("/practice").await;
        browser
            .wait_text("[data-testid=due-left]", "4 cards to go")
            .await;
        browser.click(".button.primary.big").await; // Show my answer
        browser.wait_for(".ratings").await;
    }
    // Each rates it, one right after the other: the two saves cross.
    for w in &windows {
        browser.switch_to(w).await;
        browser.click(".rate-3").await;
    }
    for w in &windows {
        browser.switch_to(w).await;
        browser
            .wait_text("[data-testid=due-left]", "3 cards to go")
            .await;
        browser
            .eval("document.dispatchEvent(new Event('visibilitychange'));")
            .await;
    }
    // Storage holds both ratings, once each.
    let stored = poll_js(
        &browser,
        &format!("const r = (() => {{ {STORED_RATINGS} }})(); return r.length === 2 ? r : null;"),
        5_000,
    )
    .await;
    let ratings = stored.as_array().cloned().unwrap_or_default();
    assert_eq!(ratings.len(), 2, "both ratings are stored: {stored}");
    assert_ne!(ratings[0], ratings[1], "two ratings, not one twice");
    // Each window holds both too (it shows them without a reload).
    for w in &windows {
        browser.switch_to(w).await;
        browser.click("nav a[href='/more']").await;
        browser.click("main a[href='/journey']").await;
        browser.wait_text("main", "2 ratings in all").await;
    }
    // And after a reload of either, still both.
    browser.reload().await;
    browser.wait_text("main", "2 ratings in all").await;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    let after = browser
        .eval(&format!("return (() => {{ {STORED_RATINGS} }})().length;"))
        .await;
    assert_eq!(after, json!(2));
}
