#![cfg(not(target_arch = "wasm32"))]
//! Accessibility: axe-core (installed by `scripts/setup` into `.tools/node_modules`) runs on
//! every screen of the release build, with data in it, in light and in dark, at phone width.
//! Any violation of WCAG 2.1 A/AA or axe's best practices fails the test, listing what and where,
//! and so does any control smaller than the 44 × 44 px the issue asks for. A second test
//! presses Tab through every screen: every control must be reached, each with a visible focus ring.
//! Alone: `cargo test --test e2e_a11y -- --test-threads=1`.

#[path = "e2e/support.rs"]
mod support;

use serde_json::json;
use support::{crate_root, setup, Browser};

/// axe-core's script, run in the page as a WebDriver script (not subject to the page's CSP,
/// which rightly refuses inline scripts).
fn axe_source() -> String {
    let path = crate_root().join(".tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core is missing at {} ({e}); run scripts/setup",
            path.display()
        )
    })
}

/// Run axe on the current page; returns the violations, one line each.
async fn violations(browser: &Browser, axe: &str) -> Vec<String> {
    let loaded = browser
        .eval("return typeof window.axe !== 'undefined';")
        .await;
    if loaded != json!(true) {
        browser
            .eval(&format!("{axe}\n;window.axe = axe; return true;"))
            .await;
    }
    let result = browser
        .eval_async(
            "const done = arguments[arguments.length - 1]; \
             axe.run(document, { runOnly: { type: 'tag', values: \
               ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }) \
             .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + \
                 v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))) \
             .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await;
    serde_json::from_value(result).unwrap_or_else(|_| vec!["axe returned nothing".to_string()])
}

/// Controls smaller than 44 × 44 CSS px on the current page, one line each. A checkbox or
/// radio counts with its label, which takes the tap too; a link inside a line of text is
/// exempt, as WCAG's target-size rules exempt inline targets.
async fn small_targets(browser: &Browser) -> Vec<String> {
    let result = browser
        .eval(
            "const small = []; \
             const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]'; \
             for (const el of document.querySelectorAll(sel)) { \
               let r = el.getBoundingClientRect(); \
               const label = el.closest('label') || (el.id && document.querySelector('label[for=\"' + el.id + '\"]')); \
               if (label) { const l = label.getBoundingClientRect(); \
                 r = { width: Math.max(r.width, l.width), height: Math.max(r.height, l.height) }; } \
               if (r.width === 0 && r.height === 0) continue; \
               if (getComputedStyle(el).display === 'inline' && el.parentElement \
                   && el.parentElement.textContent.trim() !== el.textContent.trim()) continue; \
               if (r.width < 44 || r.height < 44) { \
                 const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') \
                   + (el.className ? '.' + String(el.className).trim().split(/\\s+/).join('.') : ''); \
                 small.push(name + ' \"' + (el.textContent || el.value || '').trim().slice(0, 30) + '\" ' \
                   + Math.round(r.width) + '×' + Math.round(r.height)); } } \
             return small;",
        )
        .await;
    serde_json::from_value(result).unwrap_or_else(|_| vec!["no answer".to_string()])
}

/// Log an interview with a rejection, a reflection, feedback and a plan item; returns its id.
async fn seed(browser: &Browser) -> String {
    let id = browser.log_interview("Umbrella", "QA Lead").await;
    browser.choose("#d-outcome", "rejected").await;
    browser
        .fill("#rf-fell_short", "Test strategy for mobile")
        .await;
    browser.click("input[name=mistake-rambling]").await;
    browser.click("#lessons .lesson button").await;
    browser.wait_text("#lessons", "In my plan").await;
    id
}

/// Every screen, one with data of each kind.
fn screens(interview_id: &str) -> Vec<String> {
    [
        "/",
        "/interviews",
        "/interviews/new",
        &format!("/interviews/{interview_id}"),
        "/questions",
        "/questions/s-behavioural-01",
        "/practice",
        "/plan",
        "/search",
        "/journey",
        "/more",
        "/settings",
        "/no-such-page",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// Numbers every visible, enabled control on the page in `data-kb` (not those inside a closed
/// `<details>`) and drops the focus back to the top of the page; returns how many there are.
const TAG_CONTROLS: &str = "\
    if (document.activeElement) document.activeElement.blur(); \
    let n = 0; \
    for (const el of document.querySelectorAll( \
        'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')) { \
      if (el.disabled || el.getAttribute('tabindex') === '-1') continue; \
      if (el.closest('[inert], [aria-hidden=true]')) continue; \
      if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue; \
      let shut = false; \
      for (let d = el.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) { \
        const summary = d.querySelector(':scope > summary'); \
        if (!d.open && !(summary && summary.contains(el))) shut = true; \
      } \
      if (shut) continue; \
      el.dataset.kb = String(n++); \
    } \
    return n;";

/// What has the focus: its `data-kb` number (-1 if none), a name, and whether a focus ring
/// shows on it or, for a control inside or named by a label, on that label.
const FOCUSED: &str = "\
    const el = document.activeElement; \
    if (!el || !el.dataset || el.dataset.kb === undefined) return [-1, String(el && el.tagName), true]; \
    const ring = (e) => { const s = getComputedStyle(e); \
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'; }; \
    const label = el.closest('label') || (el.id && document.querySelector('label[for=\"' + el.id + '\"]')); \
    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' \"' \
      + (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 30) + '\"'; \
    return [Number(el.dataset.kb), name, ring(el) || (label ? ring(label) : false)];";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tab_reaches_every_control_on_every_screen_with_a_visible_focus_ring() {
    let (_server, browser) = setup().await;
    browser.set_phone_viewport().await;
    let id = seed(&browser).await;
    let mut faults = Vec::new();
    for path in screens(&id) {
        browser.goto(&path).await;
        browser.wait_for("main h1").await;
        let total = browser.eval(TAG_CONTROLS).await.as_u64().unwrap_or(0);
        let mut reached = std::collections::BTreeSet::new();
        let mut last = None;
        // A date field takes three presses (day, month, year).
        for _ in 0..3 * total + 10 {
            browser.press('\u{e004}').await;
            let (index, name, ring): (i64, String, bool) = serde_json::from_value(
                browser.eval(FOCUSED).await,
            )
            .unwrap_or((-1, String::new(), true));
            // A date field keeps the focus over its parts; back at an earlier control means
            // Tab has gone round the page.
            if index < 0 || Some(index) == last {
                continue;
            }
            if !reached.insert(index) {
                break;
            }
            last = Some(index);
            if !ring {
                faults.push(format!("{path}: no visible focus on {name}"));
            }
        }
        // A radio group is one stop: Tab reaches its chosen radio, the arrow keys the rest.
        let missed = browser
            .eval_with(
                "const reached = arguments[0]; \
                 const hit = e => reached.includes(Number(e.dataset.kb)); \
                 return [...document.querySelectorAll('[data-kb]')] \
                   .filter(e => !hit(e)) \
                   .filter(e => !(e.type === 'radio' && [...document.querySelectorAll( \
                       'input[type=radio][name=\"' + e.name + '\"]')].some(hit))) \
                   .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' \"' \
                     + (e.textContent || e.value || '').trim().slice(0, 30) + '\"');",
                vec![json!(reached.iter().collect::<Vec<_>>())],
            )
            .await;
        let missed: Vec<String> = serde_json::from_value(missed).unwrap_or_default();
        faults.extend(
            missed
                .into_iter()
                .map(|m| format!("{path}: Tab never reaches {m}")),
        );
    }
    assert!(faults.is_empty(), "keyboard faults:\n{}", faults.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_no_violation_and_targets_are_44px_on_every_screen() {
    let (_server, browser) = setup().await;
    let axe = axe_source();
    browser.set_phone_viewport().await;
    let id = seed(&browser).await;
    let screens = screens(&id);
    let mut found = Vec::new();
    let mut small = Vec::new();
    for scheme in ["light", "dark"] {
        browser.set_color_scheme(scheme).await;
        for path in &screens {
            browser.goto(path).await;
            browser.wait_for("main h1").await;
            for v in violations(&browser, &axe).await {
                found.push(format!("{scheme} {path}: {v}"));
            }
            if scheme == "light" {
                for t in small_targets(&browser).await {
                    small.push(format!("{path}: {t}"));
                }
            }
        }
    }
    assert!(found.is_empty(), "axe violations:\n{}", found.join("\n"));
    assert!(
        small.is_empty(),
        "controls under 44 × 44 px at 390 px wide:\n{}",
        small.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_crash_screen_has_no_axe_violation_light_and_dark() {
    let (_server, browser) = setup().await;
    let axe = axe_source();
    browser.set_phone_viewport().await;
    browser.goto("/").await;
    browser.wait_for("main h1").await;
    // A real panic (the release build exports it for this): the crash screen covers the app.
    browser
        .eval("try { window.wasmBindings.rebound_force_crash(); } catch (e) {}")
        .await;
    browser.wait_for(".crash").await;
    let mut found = Vec::new();
    for scheme in ["light", "dark"] {
        browser.set_color_scheme(scheme).await;
        for open in [false, true] {
            browser
                .eval_with(
                    "document.querySelector('.crash details').open = arguments[0];",
                    vec![json!(open)],
                )
                .await;
            for v in violations(&browser, &axe).await {
                found.push(format!("{scheme}, details open {open}: {v}"));
            }
        }
    }
    assert!(found.is_empty(), "axe violations:\n{}", found.join("\n"));
    let small = small_targets(&browser).await;
    assert!(
        small.is_empty(),
        "controls under 44 × 44 px:\n{}",
        small.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lock_screen_and_the_lock_settings_have_no_axe_violation() {
    let (_server, browser) = setup().await;
    let axe = axe_source();
    browser.set_phone_viewport().await;
    browser.goto("/settings").await;
    browser.wait_for("#lock-new-1").await;
    let mut found = Vec::new();
    let mut small = Vec::new();
    for v in violations(&browser, &axe).await {
        found.push(format!("lock off: {v}"));
    }
    let pass = "tram at seven, rain";
    browser.fill("#lock-new-1", pass).await;
    browser.fill("#lock-new-2", pass).await;
    browser.click("form.lock-new button[type=submit]").await;
    browser.wait_text(".lock-status", "The lock is on").await;
    for scheme in ["light", "dark"] {
        browser.set_color_scheme(scheme).await;
        browser.goto("/settings").await;
        browser
            .wait_text(".lock-page h1", "Rebound is locked")
            .await;
        for v in violations(&browser, &axe).await {
            found.push(format!("{scheme} lock screen: {v}"));
        }
        for t in small_targets(&browser).await {
            small.push(format!("lock screen: {t}"));
        }
        browser.fill("#passphrase", pass).await;
        browser.click(".lock-form button[type=submit]").await;
        browser.wait_text("h1", "Settings").await;
        for v in violations(&browser, &axe).await {
            found.push(format!("{scheme} settings, lock on: {v}"));
        }
        for t in small_targets(&browser).await {
            small.push(format!("settings, lock on: {t}"));
        }
    }
    assert!(found.is_empty(), "axe violations:\n{}", found.join("\n"));
    assert!(
        small.is_empty(),
        "controls under 44 × 44 px:\n{}",
        small.join("\n")
    );
}
