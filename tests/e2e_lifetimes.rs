#![cfg(not(target_arch = "wasm32"))]
//! Lifetimes (issue 12): nothing a screen starts outlives it. For every screen: open it, leave
//! it through the app's own navigation (a link in the bottom bar or on the page, never a page
//! load), then press Space, Enter, 1–4, U, Escape and the arrow keys on the next screen. No
//! panic may reach the console, and the next screen must still work: its heading is there and
//! one more in-app navigation lands. Practice is left with a card shown, its answer revealed and
//! commute mode on (key listener, timer, wake lock all running).
//! One browser for every screen. Alone: `cargo test --test e2e_lifetimes -- --test-threads=1`.

#[path = "e2e/support.rs"]
mod support;

use support::{setup, Browser};

/// WebDriver key codes: Enter, Escape and the four arrows.
const ENTER: char = '\u{e007}';
const ESCAPE: char = '\u{e00c}';
const ARROWS: [char; 4] = ['\u{e012}', '\u{e013}', '\u{e014}', '\u{e015}'];

/// The bottom bar's link to `href`.
fn nav(href: &str) -> String {
    format!("nav a.nav-item[href='{href}']")
}

/// Press every key the issue names, with the focus on the page itself (outside any field).
async fn press_every_key(browser: &Browser) {
    browser
        .eval("document.activeElement && document.activeElement.blur();")
        .await;
    let keys = [' ', ENTER, '1', '2', '3', '4', 'u', 'U', ESCAPE]
        .into_iter()
        .chain(ARROWS);
    for key in keys {
        browser.press(key).await;
    }
}

/// Fail if the console has a panic (or any other error) since the last read.
async fn no_errors(browser: &Browser, what: &str) {
    let errors = browser.browser_errors().await;
    let panicked = errors
        .iter()
        .any(|e| e.contains("panicked") || e.contains("unreachable") || e.contains("disposed"));
    if panicked || !errors.is_empty() {
        browser
            .fail::<()>(format!(
                "{what}: the console has {} (panic: {panicked})",
                errors
                    .iter()
                    .map(|e| e.chars().take(300).collect::<String>())
                    .collect::<Vec<_>>()
                    .join("\n")
            ))
            .await;
    }
}

struct Visit {
    /// Where the screen is (opened with a page load).
    path: String,
    /// A heading (or text in it) the screen shows once drawn.
    heading: &'static str,
    /// The link that leaves it, and the heading of the screen it leads to.
    leave_by: String,
    next: &'static str,
    /// The bottom-bar link of one more navigation from there, and its heading.
    then: &'static str,
    then_heading: &'static str,
}

fn visit(
    path: &str,
    heading: &'static str,
    leave_by: String,
    next: &'static str,
    then: &'static str,
    then_heading: &'static str,
) -> Visit {
    Visit {
        path: path.to_string(),
        heading,
        leave_by,
        next,
        then,
        then_heading,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_any_screen_leaves_nothing_running_behind() {
    let (_server, browser) = setup().await;
    // Issue 14: only answered questions are cards, so Practice has some to show.
    browser.seed_answers(3).await;
    let interview = browser.log_interview("Hooli", "Data Analyst").await;
    no_errors(&browser, "logging an interview").await;

    let visits = [
        visit(
            "/",
            "Today",
            nav("/interviews"),
            "Interviews",
            "/plan",
            "My plan",
        ),
        visit(
            "/interviews",
            "Interviews",
            nav("/plan"),
            "My plan",
            "/",
            "Today",
        ),
        visit(
            "/interviews/new",
            "Log an interview",
            nav("/more"),
            "More",
            "/plan",
            "My plan",
        ),
        visit(
            &format!("/interviews/{interview}"),
            "Data Analyst at Hooli",
            "main a[href='/interviews']".to_string(),
            "Interviews",
            "/questions",
            "Questions",
        ),
        visit(
            "/questions",
            "Questions",
            nav("/"),
            "Today",
            "/plan",
            "My plan",
        ),
        visit(
            "/questions/s-behavioural-01",
            "",
            "main a[href='/questions']".to_string(),
            "Questions",
            "/",
            "Today",
        ),
        // Practice is handled below: a card shown and revealed, commute mode on.
        visit(
            "/practice",
            "Practice",
            nav("/"),
            "Today",
            "/questions",
            "Questions",
        ),
        visit(
            "/practice",
            "Practice",
            nav("/questions"),
            "Questions",
            "/",
            "Today",
        ),
        visit(
            "/plan",
            "My plan",
            nav("/more"),
            "More",
            "/interviews",
            "Interviews",
        ),
        visit(
            "/journey",
            "Your journey",
            nav("/"),
            "Today",
            "/plan",
            "My plan",
        ),
        visit(
            "/search",
            "What I'm looking for",
            nav("/interviews"),
            "Interviews",
            "/more",
            "More",
        ),
        visit(
            "/more",
            "More",
            "main a[href='/settings']".to_string(),
            "Settings",
            "/",
            "Today",
        ),
        visit(
            "/settings",
            "Settings",
            nav("/plan"),
            "My plan",
            "/",
            "Today",
        ),
    ];

    for v in &visits {
        browser.goto(&v.path).await;
        browser.wait_text("h1", v.heading).await;
        if v.path == "/practice" {
            // Everything Practice starts, running: the keys, the timer, commute mode's lock.
            browser.wait_for("[data-testid=flash-question]").await;
            let commute = browser
                .eval(
                    "const l = [...document.querySelectorAll('label')] \
                       .find(l => l.textContent.trim() === 'Commute mode'); \
                     const input = l && l.querySelector('input'); \
                     if (input && !input.checked) input.click(); \
                     return !!(input && input.checked);",
                )
                .await;
            assert_eq!(commute, serde_json::json!(true), "commute mode is on");
            browser
                .eval("document.activeElement && document.activeElement.blur();")
                .await;
            browser.press(' ').await; // Space shows the answer
            browser.wait_for(".ratings").await;
        }
        let what = format!("{} → {}", v.path, v.next);
        no_errors(&browser, &format!("opening {}", v.path)).await;

        browser.click(&v.leave_by).await;
        browser.wait_text("h1", v.next).await;
        press_every_key(&browser).await;
        no_errors(&browser, &format!("keys after {what}")).await;

        // The next screen still works: still there, and one more navigation lands.
        browser.wait_text("h1", v.next).await;
        browser.click(&nav(v.then)).await;
        browser.wait_text("h1", v.then_heading).await;
        no_errors(&browser, &format!("navigating on after {what}")).await;
    }

    // Practice in commute mode was left twice: neither visit rated a card after leaving.
    let reviews = browser
        .eval("return Object.keys(localStorage).filter(k => k.startsWith('rebound.reviews.')).reduce((n, k) => n + JSON.parse(localStorage.getItem(k)).length, 0);")
        .await;
    assert_eq!(
        reviews.as_u64(),
        Some(0),
        "a key after leaving rated a card"
    );
}
