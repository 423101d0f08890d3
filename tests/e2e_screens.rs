#![cfg(not(target_arch = "wasm32"))]
//! Long lists draw what fits on the screen first (issue 16): the plan, the interviews and the
//! question bank show a page of rows and a "Show 20 more" that draws the rest; a link to a row
//! out of sight still reaches it; the search goes through every question, not only those drawn.
//! Run after `trunk build --release --offline`:
//! `cargo test --offline --test e2e_screens -- --test-threads=1`.

#[path = "e2e/support.rs"]
mod support;

use serde_json::json;
use support::setup;

/// `n` plan items ("Skill 1" ... "Skill n", in that order), each with one step to do.
const SEED_PLAN: &str = "const n = arguments[0]; const now = Date.now(); const plan = []; \
    for (let k = 1; k <= n; k++) { plan.push({ id: 'p' + k, skill: 'Skill ' + k, why: 'Why ' + k, \
      sources: [], actions: [{ id: 'a' + k, kind: 'practice', text: 'Step of skill ' + k, done: false }], \
      status: 'in_progress', order: k, created: now - k, updated: now - k }); } \
    localStorage.setItem('rebound.schema', localStorage.getItem('rebound.schema') || '2'); \
    localStorage.setItem('rebound.plan', JSON.stringify(plan));";

/// `n` closed interviews ("Company 1" the newest).
const SEED_INTERVIEWS: &str =
    "const n = arguments[0]; const day = 86400000; const now = Date.now(); \
    const iso = (ms) => new Date(ms).toISOString().slice(0, 10); const list = []; \
    for (let k = 1; k <= n; k++) { const at = now - (k + 1) * day; \
      list.push({ id: 'i' + k, company: 'Company ' + k, role: 'Engineer', date: iso(at), \
        stage: 'interview', outcome: 'rejected', created: at, updated: at }); } \
    localStorage.setItem('rebound.schema', localStorage.getItem('rebound.schema') || '2'); \
    localStorage.setItem('rebound.interviews', JSON.stringify(list));";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_plan_shows_a_page_of_rows_then_the_rest_on_request() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    browser.wait_for("h1").await;
    browser.eval_with(SEED_PLAN, vec![json!(45)]).await;
    browser.goto("/plan").await;
    browser.wait_text("h1", "My plan").await;
    browser.wait_text(".plan-row", "Skill 1").await;
    assert_eq!(browser.count(".plan-item").await, 20);
    assert_eq!(
        browser.text("[data-testid=plan-more]").await,
        "Show 20 more"
    );
    assert!(!browser.text("main").await.contains("Skill 21"));

    browser.click("[data-testid=plan-more]").await;
    browser.wait_text("main", "Skill 40").await;
    assert_eq!(browser.count(".plan-item").await, 40);
    assert_eq!(browser.text("[data-testid=plan-more]").await, "Show 5 more");
    browser.click("[data-testid=plan-more]").await;
    browser.wait_text("main", "Skill 45").await;
    assert_eq!(browser.count(".plan-item").await, 45);
    assert!(!browser.exists("[data-testid=plan-more]").await);

    // A row opens into its editor, as before.
    browser.click("#plan-p45 .plan-row").await;
    assert_eq!(
        browser.prop("#skill-p45", "value").await.as_deref(),
        Some("Skill 45")
    );
    assert!(browser.browser_errors().await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_to_a_plan_item_out_of_sight_opens_it() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    browser.wait_for("h1").await;
    browser.eval_with(SEED_PLAN, vec![json!(45)]).await;
    browser.goto("/plan#plan-p33").await;
    browser.wait_text("h1", "My plan").await;
    browser.wait_text("#plan-p33 .plan-row", "Skill 33").await;
    assert_eq!(
        browser
            .eval("return document.querySelector('#plan-p33 details').open;")
            .await,
        json!(true)
    );
    assert_eq!(
        browser.prop("#why-p33", "value").await.as_deref(),
        Some("Why 33")
    );
    // Its page is drawn, and the rest still on request.
    assert_eq!(browser.count(".plan-item").await, 40);
    assert_eq!(browser.text("[data-testid=plan-more]").await, "Show 5 more");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_plan_item_after_a_long_plan_is_drawn_open() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    browser.wait_for("h1").await;
    browser.eval_with(SEED_PLAN, vec![json!(25)]).await;
    browser.goto("/plan").await;
    browser.wait_text(".plan-row", "Skill 1").await;
    browser.fill("#plan-new", "Negotiating an offer").await;
    browser.click("form.add-row button[type=submit]").await;
    browser
        .wait_text("main .plan-list", "Negotiating an offer")
        .await;
    let why = browser
        .wait_js(
            "const f = document.activeElement; \
             return f && f.id.startsWith('why-') ? f.id : null;",
        )
        .await;
    assert!(why.as_str().is_some_and(|id| id.starts_with("why-")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_interviews_show_a_page_of_rows_then_the_rest_on_request() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    browser.wait_for("h1").await;
    browser.eval_with(SEED_INTERVIEWS, vec![json!(30)]).await;
    browser.goto("/interviews").await;
    browser.wait_text("main", "Company 1").await;
    // The group's count goes by every interview; a page of them is drawn.
    browser.wait_text("main .group-title", "30").await;
    assert_eq!(browser.count(".interview-row").await, 20);
    assert!(!browser.text("main").await.contains("Company 21"));
    assert_eq!(
        browser.text("[data-testid=interviews-more]").await,
        "Show 10 more"
    );
    browser.click("[data-testid=interviews-more]").await;
    browser.wait_text("main", "Company 30").await;
    assert_eq!(browser.count(".interview-row").await, 30);
    assert!(!browser.exists("[data-testid=interviews-more]").await);
    assert!(browser.browser_errors().await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_search_finds_a_question_beyond_the_first_page() {
    let (_server, browser) = setup().await;
    browser.seed_answers(80).await;
    browser.goto("/questions").await;
    browser.wait_text("h1", "Questions").await;
    browser.wait_for(".question-row").await;
    assert_eq!(browser.count(".question-row").await, 20);
    assert_eq!(
        browser.text("[data-testid=questions-more]").await,
        "Show 20 more"
    );
    // One of the questions not drawn: the search finds it all the same.
    let drawn = browser.text(".question-list").await;
    let Some(hidden) = (10..=80)
        .map(|k| format!("Seeded question {k}?"))
        .find(|q| !drawn.contains(q.as_str()))
    else {
        panic!("all 80 questions are drawn: {drawn}");
    };
    browser.fill("#q-search", &hidden).await;
    browser.wait_text(".question-list", &hidden).await;
    assert_eq!(browser.count(".question-row").await, 1);
    assert!(!browser.exists("[data-testid=questions-more]").await);
}
