#![cfg(not(target_arch = "wasm32"))]
//! End-to-end tests of issue 5 (feedback, letters, the plan, what I'm looking for) and issue 6
//! (journey, insights, Today): the release build in headless Chromium, served by a static server
//! the test starts and stops. Run by `scripts/test`; alone:
//! `cargo test --test e2e_actions -- --test-threads=1`.

#[path = "e2e/support.rs"]
mod support;

use serde_json::json;
use support::{setup, Browser};

fn days_ago(n: i64) -> String {
    (chrono::Utc::now().date_naive() - chrono::Duration::days(n))
        .format("%Y-%m-%d")
        .to_string()
}

/// The stored JSON of one collection, once the debounced save has written `needle`.
async fn stored_with(browser: &Browser, collection: &str, needle: &str) -> serde_json::Value {
    let key = format!("rebound.{collection}");
    browser
        .wait_js(&format!(
            "const v = localStorage.getItem({key:?}); return v && v.includes({needle:?}) ? v : null;"
        ))
        .await;
    let text = browser.local_storage_get(&key).await.unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(serde_json::Value::Null)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feedback_asked_ten_days_ago_shows_a_follow_up_on_today_and_snooze_moves_it() {
    let (_server, browser) = setup().await;
    let id = browser.log_interview("Initech", "Support Lead").await;
    browser.choose("#fb-status", "asked").await;
    // The follow-up defaults to a week after asking.
    browser.wait_for("#fb-follow-up").await;
    let asked_today = browser.prop("#fb-asked", "value").await.unwrap_or_default();
    assert_eq!(asked_today, days_ago(0));
    assert_eq!(
        browser.prop("#fb-follow-up", "value").await.as_deref(),
        Some(days_ago(-7).as_str())
    );
    browser.goto("/").await;
    browser.wait_text("h1", "Today").await;
    assert!(!browser.exists(".follow-ups").await, "not due yet");

    // Set the day it was asked to ten days ago: the follow-up moves with it and is due.
    browser.goto(&format!("/interviews/{id}")).await;
    browser.choose("#fb-asked", &days_ago(10)).await;
    browser
        .wait_text("#feedback", "Time for a gentle follow-up")
        .await;
    browser.goto("/").await;
    browser
        .wait_text(".follow-ups", "Support Lead at Initech")
        .await;
    assert!(browser.text(".follow-ups").await.contains("asked"));

    // Snooze: gone from Today, and the stored follow-up date is three days from now.
    browser.click(".follow-ups button").await;
    browser.wait_gone(".follow-ups").await;
    let stored = stored_with(&browser, "interviews", &days_ago(-3)).await;
    assert_eq!(stored[0]["feedback"]["follow_up_on"], json!(days_ago(-3)));
    assert_eq!(stored[0]["feedback"]["status"], json!("asked"));

    // Received: never due again.
    browser.goto(&format!("/interviews/{id}")).await;
    browser.choose("#fb-status", "received").await;
    browser
        .fill("#fb-said", "Strong on support, less on metrics")
        .await;
    stored_with(&browser, "interviews", "less on metrics").await;
    browser.reload().await;
    browser.wait_text("h1", "Support Lead at Initech").await;
    assert_eq!(
        browser.prop("#fb-said", "value").await.as_deref(),
        Some("Strong on support, less on metrics")
    );
    assert!(browser.browser_errors().await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reflection_line_becomes_a_plan_item_linked_both_ways() {
    let (_server, browser) = setup().await;
    let id = browser.log_interview("Hooli", "Platform Engineer").await;
    browser
        .fill(
            "#rf-not_prepared",
            "Capacity planning for a queue\nThe on-call question",
        )
        .await;
    browser
        .wait_text("#lessons", "Capacity planning for a queue")
        .await;
    browser.click("#lessons .lesson button").await;
    browser.wait_text("#lessons", "✓ In my plan").await;
    browser
        .wait_text(
            "[data-testid=plan-from-interview]",
            "Capacity planning for a queue",
        )
        .await;
    // The second line goes to the bank instead.
    browser
        .click("#lessons .lesson:nth-child(2) .lesson-actions button:last-child")
        .await;
    browser.wait_text("#lessons", "✓ In my bank").await;

    // On the plan: the item, where it came from, a link back.
    browser.click("[data-testid=plan-from-interview] a").await;
    browser.wait_text("h1", "My plan").await;
    let skill = browser
        .prop(".plan-skill", "value")
        .await
        .unwrap_or_default();
    assert_eq!(skill, "Capacity planning for a queue");
    browser
        .wait_text(".sources", "Platform Engineer at Hooli")
        .await;
    assert!(browser
        .text(".sources")
        .await
        .contains("wasn't prepared for"));

    // Steps: add two, tick one, progress is 50% and stored.
    browser
        .fill(".add-step input[type=text]", "Read the queueing chapter")
        .await;
    browser.click(".add-step button").await;
    browser
        .wait_text(".actions-list", "Read the queueing chapter")
        .await;
    browser.choose(".add-step select", "practice").await;
    browser
        .fill(".add-step input[type=text]", "Explain it out loud twice")
        .await;
    browser.click(".add-step button").await;
    browser
        .wait_text(".actions-list", "Explain it out loud twice")
        .await;
    browser.click(".actions-list input[type=checkbox]").await;
    browser.wait_text("[data-testid=progress]", "50%").await;
    let stored = stored_with(&browser, "plan", "\"done\":true").await;
    assert_eq!(stored[0]["status"], json!("in_progress"));
    assert_eq!(stored[0]["sources"][0]["interview_id"], json!(id));

    browser.click(".sources a").await;
    browser.wait_text("h1", "Platform Engineer at Hooli").await;
    browser
        .wait_text("[data-testid=plan-from-interview]", "50%")
        .await;

    // Delete the interview: the plan keeps the item and says its source was removed.
    browser.click(".danger-zone button").await;
    browser.wait_text("h1", "Interviews").await;
    browser.goto("/plan").await;
    browser.wait_text(".sources", "(removed)").await;

    // Delete the item, then undo.
    browser.click(".plan-tools .danger").await;
    browser.wait_text(".toast", "from your plan").await;
    assert!(!browser.exists(".plan-item").await);
    browser.click(".toast .button").await;
    browser.wait_for(".plan-item").await;
    assert!(browser.browser_errors().await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_letter_with_awkward_text_survives_the_clipboard_and_the_mailto_link() {
    let (_server, browser) = setup().await;
    browser.goto("/settings").await;
    browser.fill("#your-name", "Zoë O'Brien 🙂").await;
    let id = browser
        .log_interview("Ben & Jerry's \"Labs\"", "Дизайнер")
        .await;
    browser.goto(&format!("/interviews/{id}")).await;
    browser
        .wait_text("#letters", "Thank-you after the interview")
        .await;
    let body = browser
        .prop("#letter-body", "value")
        .await
        .unwrap_or_default();
    assert!(
        body.contains("Дизайнер role at Ben & Jerry's \"Labs\""),
        "{body}"
    );
    assert!(body.ends_with("Zoë O'Brien 🙂"), "{body}");

    // The mailto link carries subject and body exactly (decoded, as a mail app reads it).
    let decoded = browser
        .eval(
            "const href = document.querySelector('#letters a.button').getAttribute('href'); \
             const q = new URLSearchParams(href.split('?')[1].replace(/\\+/g, '%2B')); \
             return [href.startsWith('mailto:?subject='), q.get('subject'), q.get('body'), \
                     document.querySelector('#letter-subject').value, \
                     document.querySelector('#letter-body').value];",
        )
        .await;
    assert_eq!(decoded[0], json!(true));
    assert_eq!(decoded[1], decoded[3]);
    assert_eq!(decoded[2], decoded[4]);

    // Copy, with clipboard permission granted: the clipboard holds the letter unchanged.
    browser.grant_clipboard().await;
    browser.click("#letters button.primary").await;
    browser.wait_text(".copy-status", "Copied").await;
    let clip = browser
        .eval_async(
            "const done = arguments[arguments.length - 1]; \
             navigator.clipboard.readText().then(done, e => done('ERR ' + e));",
            vec![],
        )
        .await;
    let subject = browser
        .prop("#letter-subject", "value")
        .await
        .unwrap_or_default();
    assert_eq!(clip, json!(format!("{subject}\n\n{body}")));

    // Each letter used is logged on the interview with its date.
    browser
        .wait_text(
            "[data-testid=letters-used]",
            "Thank-you after the interview · copied",
        )
        .await;
    let stored = stored_with(&browser, "interviews", "\"letters\":[{").await;
    assert_eq!(stored[0]["letters"][0]["via"], json!("copied"));
    assert_eq!(stored[0]["letters"][0]["on"], json!(days_ago(0)));

    // A very long company name does not push the page wider than the screen.
    browser.goto(&format!("/interviews/{id}")).await;
    browser.click("details.details-card summary").await;
    browser
        .fill("#d-company", &"Averyveryverylongcompanyname".repeat(20))
        .await;
    browser.goto(&format!("/interviews/{id}")).await;
    browser.wait_for("#letter-body").await;
    let overflow = browser
        .eval("return document.documentElement.scrollWidth - window.innerWidth;")
        .await;
    assert!(
        overflow.as_i64().unwrap_or(99) <= 0,
        "page scrolls sideways: {overflow}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reflection_prompts_a_refined_search_with_a_dated_history() {
    let (_server, browser) = setup().await;
    browser.goto("/search").await;
    browser.wait_text("h1", "What I'm looking for").await;
    browser.fill("#s-target_roles", "Backend engineer").await;
    browser
        .fill("#s-must_haves", "Remote two days a week")
        .await;
    browser.click("form button[type=submit]").await;
    browser.wait_text("form .copy-status", "Saved").await;

    let id = browser
        .log_interview("Pied Piper", "Backend Engineer")
        .await;
    assert!(
        !browser.exists(".search-prompt").await,
        "only after reflecting"
    );
    browser
        .fill("#rf-fell_short", "They want someone on call every week")
        .await;
    browser
        .wait_text(".search-prompt", "change what you're looking for")
        .await;
    browser.click(".search-prompt a").await;
    browser
        .wait_text(".hint-card", "Backend Engineer at Pied Piper")
        .await;
    assert_eq!(
        browser.prop("#s-must_haves", "value").await.as_deref(),
        Some("Remote two days a week")
    );
    browser.fill("#s-deal_breakers", "On call every week").await;
    browser.click("form button[type=submit]").await;
    browser.wait_text("form .copy-status", "Saved").await;
    let history = browser.text("[data-testid=search-history]").await;
    assert!(
        history.contains("Deal-breakers: added “On call every week”"),
        "{history}"
    );
    assert!(
        history.contains("after Backend Engineer at Pied Piper"),
        "{history}"
    );
    assert!(
        history.contains("Target roles: added “Backend engineer”"),
        "{history}"
    );
    let stored = stored_with(&browser, "search", "On call").await;
    assert_eq!(stored.as_array().map(Vec::len), Some(2));

    // Back on the interview, the prompt says the search was refined after it.
    browser.goto(&format!("/interviews/{id}")).await;
    browser
        .wait_text(".search-prompt", "You refined your search after this one")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plan_and_search_work_offline() {
    let (mut server, browser) = setup().await;
    browser.goto("/").await;
    browser.wait_for_service_worker_control().await;
    browser.goto("/plan").await;
    browser.wait_text("h1", "My plan").await;

    server.stop();

    browser.goto("/plan").await;
    browser.wait_text("h1", "My plan").await;
    browser.fill("#plan-new", "Salary conversations").await;
    browser.click("form.add-row button").await;
    browser.wait_for(".plan-item").await;
    browser.goto("/search").await;
    browser.wait_text("h1", "What I'm looking for").await;
    browser.fill("#s-seniority", "Senior").await;
    browser.click("form button[type=submit]").await;
    browser.wait_text("form .copy-status", "Saved").await;
    browser.goto("/more").await;
    browser.wait_text("main", "What I'm looking for").await;
    browser.reload().await;
    browser.goto("/plan").await;
    let skill = browser
        .prop(".plan-skill", "value")
        .await
        .unwrap_or_default();
    assert_eq!(skill, "Salary conversations");
}

/// Log an interview and tick the "rambled" mistake in its reflection.
async fn interview_where_i_rambled(browser: &Browser, company: &str) -> String {
    let id = browser.log_interview(company, "Engineer").await;
    browser.click("input[name=mistake-rambling]").await;
    browser.wait_for("#fix-rambling").await;
    stored_with(browser, "reflections", &id).await;
    id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_mistake_twice_becomes_an_insight_whose_step_makes_a_plan_item() {
    let (_server, browser) = setup().await;
    let first = interview_where_i_rambled(&browser, "Acme").await;
    browser.goto("/journey").await;
    browser.wait_text("h1", "Your journey").await;
    let insights = browser
        .eval("return [...document.querySelectorAll('[data-testid=insight]')].map(e => e.textContent).join('|');")
        .await;
    assert!(
        !insights
            .as_str()
            .unwrap_or_default()
            .contains("Engineer at Acme"),
        "one interview is not a pattern: {insights}"
    );
    let second = interview_where_i_rambled(&browser, "Globex").await;

    // Today shows it as the newest insight; the journey lists it with both interviews.
    browser.goto("/").await;
    browser.wait_for("[data-testid=insight]").await;
    browser.goto("/journey").await;
    browser.wait_for("[data-testid=insight]").await;
    browser.click("[data-testid=insight] summary").await;
    let insight = browser
        .wait_text("[data-testid=insight]", "Engineer at Globex")
        .await;
    assert!(insight.contains("Engineer at Acme"), "{insight}");
    for id in [&first, &second] {
        assert!(
            browser
                .exists(&format!(
                    "[data-testid=insight] a[href^='/interviews/{id}']"
                ))
                .await
        );
    }

    // Its one-tap step makes a plan item linked to both interviews.
    browser.click("[data-testid=insight] .button.primary").await;
    browser
        .wait_text("[data-testid=insight]", "Added to your plan")
        .await;
    browser.click("[data-testid=insight] .chip.done").await;
    browser.wait_text("h1", "My plan").await;
    browser.wait_text(".sources", "Engineer at Globex").await;
    assert!(browser.text(".sources").await.contains("Engineer at Acme"));
    let plan = stored_with(&browser, "plan", &second).await;
    assert_eq!(plan.as_array().map(Vec::len), Some(1));

    // Dismissed, it stays away until its evidence changes: a third interview brings it back.
    browser.goto("/journey").await;
    browser.wait_for("[data-testid=insight]").await;
    let before = browser.count("[data-testid=insight]").await;
    browser.click("[data-testid=insight] .button.quiet").await;
    browser
        .wait_js(&format!(
            "return document.querySelectorAll('[data-testid=insight]').length < {before} || null;"
        ))
        .await;
    browser.reload().await;
    browser.wait_text("h1", "Your journey").await;
    let insights = browser
        .eval("return [...document.querySelectorAll('[data-testid=insight]')].map(e => e.textContent).join('|');")
        .await;
    assert!(
        !insights
            .as_str()
            .unwrap_or_default()
            .contains("Engineer at Globex"),
        "{insights}"
    );
    interview_where_i_rambled(&browser, "Initech").await;
    browser.goto("/journey").await;
    // The evidence is drawn once opened: open it, as a person would, to read it.
    browser
        .wait_js(
            "document.querySelectorAll('[data-testid=insight] details:not([open])') \
               .forEach((d) => { d.open = true; }); \
             return [...document.querySelectorAll('[data-testid=insight]')] \
             .some(e => e.textContent.includes('Engineer at Initech')) || null;",
        )
        .await;
    assert!(browser.browser_errors().await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_journey_draws_its_charts_offline() {
    let (mut server, browser) = setup().await;
    browser.goto("/").await;
    browser.wait_for_service_worker_control().await;
    let id = browser.log_interview("Soylent", "Analyst").await;
    browser
        .fill("#rf-went_well", "Clear story about the migration")
        .await;
    stored_with(&browser, "reflections", &id).await;

    server.stop();

    browser.goto("/journey").await;
    browser.wait_text("h1", "Your journey").await;
    // The parts appear once worked out, after the first frame; the timeline last.
    browser.wait_for("[data-testid=timeline]").await;
    // Each chart is drawn, with its words beside it for screen readers and everyone else.
    assert_eq!(browser.count(".chart-months li").await, 1);
    let captions = browser.text(".journey").await;
    assert!(
        captions.contains("1 interview in the last 12 months.")
            && captions.contains("No practice in the last"),
        "{captions}"
    );
    // What the reflection gave, counted: never "1 of 1 interviews have a reflection".
    assert!(
        captions
            .contains("You've written 1 reflection, something to take into the next interview."),
        "{captions}"
    );
    assert!(!captions.contains('%'), "{captions}");
    assert!(browser.exists("[data-testid=timeline]").await);
    browser
        .wait_text("[data-testid=timeline]", "Analyst at Soylent")
        .await;
    // Dark mode: the charts use the theme's colours through classes, never inline styles.
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.chart-figure [style]').length;")
            .await,
        json!(0)
    );
}

/// A journey with some months behind it, stored directly: nine interviews over five months
/// (each outcome), four reflections, a plan item from one of them with a step done, five
/// answered questions rated over many days (the last rating of one an Again), streaks on.
/// Dates are relative to now, so the charts have something in them whenever this runs.
const SEED_JOURNEY: &str = "\
    const day = 86400000; const now = Date.now(); \
    const iso = (ms) => new Date(ms).toISOString().slice(0, 10); \
    const outcomes = ['rejected','offer','pending','ghosted','rejected','withdrawn','rejected','pending','rejected']; \
    const interviews = outcomes.map((outcome, k) => { const at = now - (k * 17 + 2) * day; \
      return { id: 'j' + k, company: 'Company ' + k, role: 'Product Designer', date: iso(at), \
        stage: 'interview', outcome, interviewers: '', notes: '', rejection_reasons: [], \
        created: at, updated: at }; }); \
    const reflections = [0, 1, 3, 4].map((k) => ({ id: 'j' + k, went_well: 'A clear story', \
      fell_short: 'Ran long on the case study', created: now - (k * 17 + 1) * day, \
      updated: now - (k * 17 + 1) * day })); \
    const questions = [1, 2, 3, 4, 5].map((k) => ({ id: 'own-' + k, text: 'My question ' + k + '?', \
      category: 'behavioural', answer: { text: 'What I did, and what came of it.' }, \
      created: now - (k * 20 + 3) * day, updated: now - (k * 20 + 3) * day })); \
    const reviews = []; \
    for (let k = 0; k < 60; k++) { reviews.push(['own-' + (k % 5 + 1), now - (k * 2 + 1) * day, 3]); } \
    reviews.push(['own-1', now - 3600000, 1]); \
    const plan = [{ id: 'p1', skill: 'Keep answers short', why: '', \
      sources: [{ interview_id: 'j0', part: 'fell_short', text: 'Ran long on the case study' }], \
      actions: [{ id: 'a1', kind: 'practice', text: 'Time my answers', done: true, done_on: iso(now - 5 * day) }, \
        { id: 'a2', kind: 'practice', text: 'Record one answer', done: false }], \
      status: 'in_progress', order: 0, created: now - 30 * day, updated: now - 5 * day }]; \
    localStorage.setItem('rebound.schema', '2'); \
    localStorage.setItem('rebound.interviews', JSON.stringify(interviews)); \
    localStorage.setItem('rebound.reflections', JSON.stringify(reflections)); \
    localStorage.setItem('rebound.questions', JSON.stringify(questions)); \
    localStorage.setItem('rebound.reviews', JSON.stringify(reviews)); \
    localStorage.setItem('rebound.plan', JSON.stringify(plan)); \
    localStorage.setItem('rebound.settings', JSON.stringify({ streaks: true }));";

/// Every visible piece of text on the page smaller than 12 CSS px, as "size px: text": HTML
/// text by its computed font size, SVG text by its font size times the SVG's scale on screen.
const SMALL_TEXT: &str = "\
    const small = []; \
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); \
    while (walk.nextNode()) { \
      const node = walk.currentNode; const el = node.parentElement; \
      if (!el || !node.textContent.trim() || el.closest('title, script, style, noscript')) continue; \
      const range = document.createRange(); range.selectNodeContents(node); \
      const box = range.getBoundingClientRect(); \
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue; \
      if (box.right <= 0 || box.left >= innerWidth) continue; \
      let px = parseFloat(getComputedStyle(el).fontSize); \
      if (el instanceof SVGElement) { const m = el.getScreenCTM(); px *= m ? Math.hypot(m.a, m.b) : 0; } \
      if (px < 12) small.push(px.toFixed(1) + ' px: ' + node.textContent.trim().slice(0, 40)); \
    } \
    return small;";

/// Controls smaller than a 44 × 44 px tap (as in e2e_a11y: a link inside a line of text is
/// exempt), one line each.
const SMALL_TARGETS: &str = "\
    const small = []; \
    for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary')) { \
      const r = el.getBoundingClientRect(); \
      if (r.width === 0 && r.height === 0) continue; \
      if (getComputedStyle(el).display === 'inline' && el.parentElement \
          && el.parentElement.textContent.trim() !== el.textContent.trim()) continue; \
      if (r.width < 44 || r.height < 44) small.push(el.textContent.trim().slice(0, 30) + ' ' \
        + Math.round(r.width) + '×' + Math.round(r.height)); \
    } \
    return small;";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_journey_reads_on_a_phone_at_390_and_320_px() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    browser.wait_for("h1").await;
    browser.eval(SEED_JOURNEY).await;
    for (width, height) in [(390, 844), (320, 568)] {
        browser.set_viewport(width, height).await;
        browser.goto("/journey").await;
        browser.wait_text("h1", "Your journey").await;
        browser
            .wait_text("[data-testid=timeline]", "Product Designer at Company 0")
            .await;
        assert_eq!(
            browser.eval("return innerWidth;").await,
            json!(width),
            "the page is laid out {width} px wide"
        );
        // The values under each chart, opened: they read at 12 px and more too.
        browser
            .eval("for (const d of document.querySelectorAll('.chart-values')) d.open = true;")
            .await;
        assert!(browser.count(".chart-values li").await >= 8);
        let small = browser.eval(SMALL_TEXT).await;
        assert_eq!(small, json!([]), "text under 12 px at {width} px");
        let small = browser.eval(SMALL_TARGETS).await;
        assert_eq!(small, json!([]), "taps under 44 px at {width} px");
        let scroll = browser
            .eval("return [document.documentElement.scrollWidth, innerWidth];")
            .await;
        assert!(
            scroll[0].as_f64() <= scroll[1].as_f64(),
            "no sideways scroll at {width} px: {scroll}"
        );
    }
    assert!(browser.browser_errors().await.is_empty());
}

/// Not a test of behaviour: the journey with data at 390 and 320 px, light and dark, screen by
/// screen from the top to the timeline, into `tests/e2e-artifacts/journey-<width>-<theme>-<n>.png`.
/// `cargo test --test e2e_actions journey_screenshots -- --ignored`
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore]
async fn journey_screenshots() {
    let (_server, browser) = setup().await;
    // Before anything is stored: what each part of the journey says it will show.
    browser.set_phone_viewport().await;
    browser.goto("/journey").await;
    browser.wait_text("h1", "Your journey").await;
    browser
        .eval("document.getElementById('charts-title').scrollIntoView();")
        .await;
    let _ = browser.screenshot("journey-390-empty").await;
    browser.eval(SEED_JOURNEY).await;
    for theme in ["light", "dark"] {
        browser
            .local_storage_set(
                "rebound.settings",
                &json!({ "streaks": true, "theme": theme }).to_string(),
            )
            .await;
        for (width, height) in [(390, 844), (320, 568)] {
            browser.set_viewport(width, height).await;
            browser.goto("/journey").await;
            browser.wait_text("h1", "Your journey").await;
            for n in 1..=8 {
                let _ = browser
                    .screenshot(&format!("journey-{width}-{theme}-{n}"))
                    .await;
                // On to the next screen (less the bottom bar and a line of overlap), until the
                // timeline's heading is in sight.
                let more = browser
                    .eval(
                        "const t = document.getElementById('timeline-title').getBoundingClientRect(); \
                         if (t.top < innerHeight - 100) return false; \
                         scrollBy(0, innerHeight - 120); return true;",
                    )
                    .await;
                if more != json!(true) {
                    break;
                }
            }
            // The values, month by month, opened.
            browser
                .eval(
                    "for (const d of document.querySelectorAll('.chart-values')) d.open = true; \
                     document.querySelector('.chart-values').scrollIntoView();",
                )
                .await;
            let _ = browser
                .screenshot(&format!("journey-{width}-{theme}-values"))
                .await;
        }
    }
    println!("screenshots in {}", support::artifacts_dir().display());
}
