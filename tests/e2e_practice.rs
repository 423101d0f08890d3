#![cfg(not(target_arch = "wasm32"))]
//! End-to-end tests of issue 14 (practice that prepares you for the next interview): cards are
//! the user's answers, Write answers, upcoming interviews on Today, preparing for one, and its
//! calendar file. The release build in headless Chromium, served by a static server the test
//! starts and stops. Run by `scripts/test`; alone:
//! `cargo test --test e2e_practice -- --test-threads=1`.

#[path = "e2e/support.rs"]
mod support;

use support::{setup, Browser};

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

fn days_ahead(n: i64) -> String {
    (chrono::Local::now().date_naive() + chrono::Duration::days(n))
        .format("%Y-%m-%d")
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_nothing_answered_practice_says_so_and_offers_write_answers() {
    let (_server, browser) = setup().await;
    browser.goto("/practice").await;
    browser
        .wait_text("[data-testid=practice-done]", "Your answers become cards")
        .await;
    assert!(
        !browser.exists("[data-testid=flash-question]").await,
        "an unanswered question was served as a card"
    );
    assert!(browser
        .text("[data-testid=to-write]")
        .await
        .contains("64 questions to answer"));

    // Write answers: the question, its tip, a box, Next.
    browser
        .click("[data-testid=practice-done] a[href='/practice/write']")
        .await;
    browser.wait_text("h1", "Write answers").await;
    let first = browser.text("[data-testid=write-question]").await;
    assert!(browser.exists(".write-step .hint-card").await, "the tip");
    browser
        .fill(
            "#write-text",
            "At my last job I cut our release time in half by automating the checks.",
        )
        .await;
    stored_with(&browser, "questions", "release time in half").await;
    browser
        .click(".write-answers .actions .button.primary")
        .await; // Next
    browser.wait_text("[data-testid=write-question]", "").await;
    assert_ne!(browser.text("[data-testid=write-question]").await, first);

    // Practice now serves that answer, and only it.
    browser.goto("/practice").await;
    browser
        .wait_text("[data-testid=due-left]", "1 card to go")
        .await;
    assert_eq!(browser.text("[data-testid=flash-question]").await, first);
    browser.click(".button.primary.big").await; // Show my answer
    browser
        .wait_text("[data-testid=prepared-answer]", "release time in half")
        .await;
    browser.click(".rate-3").await;
    browser
        .wait_text(
            "[data-testid=session-summary]",
            "1 answer gone through; 1 comes back later today.",
        )
        .await;
    let summary = browser.text("[data-testid=practice-done]").await;
    assert!(!summary.contains("Every one came back"), "{summary}");
    // The seconds on the card are in the log's fourth element.
    // The log is stored one key a month (schema 3): this month's chunk.
    let chunk = format!("reviews.{}", chrono::Utc::now().format("%Y-%m"));
    let log = stored_with(&browser, &chunk, "[").await;
    assert!(log[0][3].is_number(), "seconds recorded: {log}");
    assert!(browser.browser_errors().await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_star_answer_is_shown_labelled_and_edited_from_the_card_with_a_revision() {
    let (_server, browser) = setup().await;
    browser.goto("/").await;
    browser.wait_for("h1").await;
    // An answer written in STAR form, an hour ago (so editing now starts a new revision).
    browser
        .eval(
            "const t = Date.now() - 3600 * 1000; \
             localStorage.setItem('rebound.schema', '2'); \
             localStorage.setItem('rebound.questions', JSON.stringify([{ id: 'own-1', \
               text: 'Tell me about a conflict', category: 'behavioural', \
               answer: { star: true, situation: 'Two teams, one release', task: 'Get them to agree', \
                 action: 'I set up a shared checklist', result: 'Shipped on time' }, \
               created: t, updated: t }]));",
        )
        .await;
    browser.goto("/practice").await;
    browser
        .wait_text("[data-testid=flash-question]", "Tell me about a conflict")
        .await;
    // Phones show no keyboard hints (the headless browser has a fine pointer, so check the rule).
    let rule = browser
        .eval(
            "return [...document.styleSheets].flatMap(s => [...s.cssRules]) \
               .some(r => r.conditionText && r.conditionText.includes('any-hover: hover') \
                 && r.cssText.includes('.keys'));",
        )
        .await;
    assert_eq!(rule, serde_json::json!(true));
    browser.click(".button.primary.big").await;
    let back = browser.text("[data-testid=prepared-answer]").await;
    for part in [
        "Situation",
        "Two teams",
        "Task",
        "Action",
        "Result",
        "Shipped on time",
    ] {
        assert!(back.contains(part), "{back}");
    }
    // The grade buttons stay on screen whatever the answer's length: the back scrolls.
    let overflow = browser
        .eval("return getComputedStyle(document.querySelector('.card-back')).overflowY;")
        .await;
    assert_eq!(overflow, serde_json::json!("auto"));

    browser.click(".flashcard .button.quiet").await; // Edit my answer
    browser.fill("#card-result", "Shipped a day early").await;
    let stored = stored_with(&browser, "questions", "a day early").await;
    assert_eq!(
        stored[0]["revisions"][0]["answer"]["result"],
        "Shipped on time"
    );
    browser.click(".flashcard .button.quiet").await; // Done editing
    browser
        .wait_text("[data-testid=prepared-answer]", "Shipped a day early")
        .await;
    assert!(
        browser.exists(".ratings").await,
        "still revealed, ready to rate"
    );
    assert!(browser.browser_errors().await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unanswered_questions_are_never_cards() {
    let (_server, browser) = setup().await;
    browser.seed_answers(3).await;
    browser.goto("/practice").await;
    browser
        .wait_text("[data-testid=due-left]", "3 cards to go")
        .await;
    for left in ["2 cards to go", "1 card to go", ""] {
        let q = browser.text("[data-testid=flash-question]").await;
        assert!(q.starts_with("Seeded question"), "{q}");
        browser.click(".button.primary.big").await;
        assert!(browser
            .text("[data-testid=prepared-answer]")
            .await
            .starts_with("Answer"));
        browser.click(".rate-4").await;
        if left.is_empty() {
            browser.wait_for("[data-testid=practice-done]").await;
        } else {
            browser.wait_text("[data-testid=due-left]", left).await;
        }
    }
    browser
        .wait_text("[data-testid=session-summary]", "3 answers gone through")
        .await;
    // A drill of a category serves its answered questions only.
    browser.goto("/practice?category=behavioural").await;
    browser.wait_for("h1").await;
    let drill = browser.text("main").await;
    assert!(!drill.contains("No prepared answer"), "{drill}");
}

/// The weekday name of the day `n` days from now, as Today says it within the week ahead.
fn weekday_ahead(n: i64) -> String {
    (chrono::Local::now().date_naive() + chrono::Duration::days(n))
        .format("%A")
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upcoming_interview_with_its_time_and_format_is_named_on_today() {
    let (_server, browser) = setup().await;
    let id = browser.log_interview("Initech Robotics", "Engineer").await;
    browser.choose("#d-date", &days_ahead(3)).await;
    browser.choose("#d-time", "14:30").await;
    browser.choose("#d-format", "own").await;
    browser.wait_for("#d-format-words").await;
    browser.choose("#d-format-words", "Panel over lunch").await;
    let stored = stored_with(&browser, "interviews", "Panel over lunch").await;
    assert_eq!(stored[0]["time"], "14:30");
    assert_eq!(stored[0]["format"], "own");
    browser.goto("/").await;
    let line = browser
        .wait_text(
            "[data-testid=upcoming]",
            &format!("Initech Robotics · {} · 14:30", weekday_ahead(3)),
        )
        .await;
    assert!(line.contains("Coming up"), "{line}");
    // The form shows them again after a reload.
    browser.goto(&format!("/interviews/{id}")).await;
    browser.wait_for("#d-time").await;
    assert_eq!(
        browser.prop("#d-time", "value").await.as_deref(),
        Some("14:30")
    );
    assert_eq!(
        browser.prop("#d-format", "value").await.as_deref(),
        Some("own")
    );
    assert!(browser.browser_errors().await.is_empty());
}

/// Tick the checkbox of the offered question whose text contains `text`.
async fn choose_question(browser: &Browser, text: &str) {
    browser.wait_text("#before .prep-choice", text).await;
    browser
        .eval_with(
            "const li = [...document.querySelectorAll('#before .prep-choice li')] \
               .find(l => l.textContent.includes(arguments[0])); \
             li.querySelector('input').click();",
            vec![serde_json::json!(text)],
        )
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn prepare_for_tomorrow_practise_the_set_and_read_the_summary() {
    let (_server, browser) = setup().await;
    let downloads = support::TempDir::new("rebound-ics").expect("temp dir");
    browser.allow_downloads(downloads.path()).await;
    // Seeded 1 is situational, 2 weaknesses: both asked at an interview stage.
    browser.seed_answers(2).await;
    let id = browser.log_interview("Initech Robotics", "Engineer").await;
    browser.choose("#d-date", &days_ahead(1)).await;
    browser.choose("#d-time", "10:00").await;
    browser
        .choose(
            "#d-notes",
            "Robots for warehouses; the team is twelve people.",
        )
        .await;
    browser.wait_for("#before").await;
    choose_question(&browser, "Seeded question 1?").await;
    choose_question(&browser, "Seeded question 2?").await;
    let preps = stored_with(&browser, "preps", "seed-2").await;
    assert_eq!(preps[0]["id"], serde_json::json!(id));
    browser
        .wait_text("[data-testid=prep-cost]", "minutes today")
        .await;
    browser
        .wait_text("[data-testid=prep-practise]", "Practise today's 2 answers")
        .await;

    // The calendar file: the interview at its time, a reminder the evening before.
    browser.click("[data-testid=add-calendar]").await;
    let ics = support::downloaded_text(downloads.path(), "ics").await;
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(
        ics.contains("SUMMARY:Interview: Engineer at Initech Robotics\r\n"),
        "{ics}"
    );
    let day = days_ahead(1).replace('-', "");
    assert!(ics.contains(&format!("DTSTART:{day}T100000\r\n")), "{ics}");
    assert!(ics.contains("BEGIN:VALARM"), "{ics}");

    // One tap practises the set; the summary says what happened.
    browser.click("[data-testid=prep-practise]").await;
    browser
        .wait_text("h1", "Practice for Initech Robotics")
        .await;
    browser
        .wait_text("[data-testid=due-left]", "2 cards to go")
        .await;
    for _ in 0..2 {
        let q = browser.text("[data-testid=flash-question]").await;
        assert!(q.starts_with("Seeded question"), "{q}");
        browser.click(".button.primary.big").await;
        browser.click(".rate-3").await;
        browser
            .wait_js(&format!(
                "const h = document.querySelector('[data-testid=flash-question]'); \
                 return !h || h.textContent !== {q:?} || null;"
            ))
            .await;
    }
    browser
        .wait_text(
            "[data-testid=session-summary]",
            "2 answers gone through; 2 come back later today.",
        )
        .await;

    // The prep sheet: notes, the chosen questions with the answers.
    browser.goto(&format!("/interviews/{id}/prep")).await;
    browser.wait_text("h1", "Prep sheet").await;
    let sheet = browser.text("main").await;
    for part in [
        "Robots for warehouses",
        "Seeded question 1?",
        "Answer 1:",
        "Seeded question 2?",
        "Questions to ask them",
    ] {
        assert!(sheet.contains(part), "{part}: {sheet}");
    }
    let print_rule = browser
        .eval(
            "return [...document.styleSheets].flatMap(s => [...s.cssRules]) \
               .some(r => r.media && [...r.media].includes('print'));",
        )
        .await;
    assert_eq!(print_rule, serde_json::json!(true));

    // The target is a setting.
    browser.goto("/settings").await;
    browser.fill("#prep-target", "95").await;
    let settings = stored_with(&browser, "settings", "0.95").await;
    assert_eq!(settings["prep_target"], serde_json::json!(0.95));
    assert!(browser.browser_errors().await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hands_free_reads_the_question_waits_then_reads_the_answer_and_stops_on_leaving() {
    let (_server, browser) = setup().await;
    browser.seed_answers(2).await;
    browser
        .local_storage_set(
            "rebound.settings",
            r#"{"commute_mode":true,"read_aloud":true,"answer_aloud_secs":20}"#,
        )
        .await;
    browser.goto("/").await;
    browser
        .wait_text("[data-testid=due-count]", "2 questions")
        .await;
    // A speech stub: records what is read and ends each utterance at once.
    browser
        .eval(
            "window.__spoken = []; window.__cancelled = 0; \
             const s = window.speechSynthesis; \
             s.speak = u => { window.__spoken.push(u.text); setTimeout(() => u.dispatchEvent(new Event('end')), 20); }; \
             s.cancel = () => { window.__cancelled++; };",
        )
        .await;
    browser.click("main a[href='/practice']").await; // in-app, so the stub stays
    let question = browser
        .wait_text("[data-testid=flash-question]", "Seeded")
        .await;
    browser
        .wait_text("[data-testid=hands-free]", "Answer out loud")
        .await;
    let spoken = browser.eval("return window.__spoken;").await;
    assert_eq!(spoken, serde_json::json!([question]));
    assert!(!browser.exists(".ratings").await, "the answer waits");
    // After the wait, the user's own answer is read back and the grades are there.
    browser
        .wait_for_timeout(".ratings", std::time::Duration::from_secs(30))
        .await;
    let spoken = browser.eval("return window.__spoken;").await;
    let answer = spoken[1].as_str().unwrap_or_default().to_string();
    assert!(answer.starts_with("Answer "), "{spoken}");
    assert!(browser.exists(".practice.commute .ratings .rate-4").await);
    browser.click(".rate-3").await;
    browser
        .wait_js("return window.__spoken.length === 3 || null;")
        .await; // the next question
                // Leaving Practice stops speech.
    let before = browser.eval("return window.__cancelled;").await;
    browser.click("nav a.nav-item[href='/']").await;
    browser.wait_text("h1", "Today").await;
    let after = browser.eval("return window.__cancelled;").await;
    assert!(after.as_u64() > before.as_u64(), "{before} → {after}");
    assert!(browser.browser_errors().await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_follow_up_date_goes_to_the_calendar() {
    let (_server, browser) = setup().await;
    let downloads = support::TempDir::new("rebound-follow-up").expect("temp dir");
    browser.allow_downloads(downloads.path()).await;
    browser.log_interview("Initech", "Support Lead").await;
    browser.choose("#fb-status", "asked").await;
    browser.wait_for("#fb-follow-up").await;
    browser.click("[data-testid=follow-up-calendar]").await;
    let ics = support::downloaded_text(downloads.path(), "ics").await;
    let day = days_ahead(7).replace('-', "");
    assert!(
        ics.contains(&format!("DTSTART;VALUE=DATE:{day}\r\n")),
        "{ics}"
    );
    assert!(
        ics.contains("SUMMARY:Follow up with Initech about feedback\r\n"),
        "{ics}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_daily_practice_block_goes_to_the_calendar_until_the_day_before() {
    let (_server, browser) = setup().await;
    let downloads = support::TempDir::new("rebound-practice-block").expect("temp dir");
    browser.allow_downloads(downloads.path()).await;
    browser.seed_answers(2).await;
    browser.log_interview("Initech Robotics", "Engineer").await;
    browser.choose("#d-date", &days_ahead(5)).await;
    browser.wait_for("#before").await;
    choose_question(&browser, "Seeded question 1?").await;
    browser
        .wait_text("[data-testid=prep-cost]", "a day until")
        .await;
    browser.click("[data-testid=add-practice-block]").await;
    browser
        .wait_text(".notices", "Calendar file downloaded")
        .await;
    let ics = support::downloaded_text(downloads.path(), "ics").await;
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(
        ics.contains("SUMMARY:Practise for Engineer at Initech Robotics\r\n"),
        "{ics}"
    );
    // At 08:00 from the next 08:00 to come, every day until the day before the interview.
    let first = if chrono::Timelike::hour(&chrono::Local::now()) < 8 {
        days_ahead(0)
    } else {
        days_ahead(1)
    };
    let at = |day: String| format!("{}T080000", day.replace('-', ""));
    assert!(ics.contains(&format!("DTSTART:{}\r\n", at(first))), "{ics}");
    assert!(
        ics.contains(&format!("RRULE:FREQ=DAILY;UNTIL={}\r\n", at(days_ahead(4)))),
        "{ics}"
    );
    assert!(ics.contains("DURATION:PT"), "{ics}");
    assert!(ics.contains("TRIGGER:PT0S"), "{ics}");
    assert!(browser.browser_errors().await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn today_offers_the_questions_still_to_answer_while_no_interview_is_coming_up() {
    let (_server, browser) = setup().await;
    // Two answered questions of the user's own; the 64 starters are still to answer.
    browser.seed_answers(2).await;
    browser.goto("/").await;
    browser
        .wait_text(
            "[data-testid=still-to-write]",
            "64 questions still to answer",
        )
        .await;
    browser.click("[data-testid=still-to-write]").await;
    browser.wait_text("h1", "Write answers").await;
    browser.wait_text(".write-step", "Question 1 of 64").await;

    // With an interview coming up, Coming up says what is left: Today does not say it twice.
    browser.log_interview("Initech Robotics", "Engineer").await;
    browser.choose("#d-date", &days_ahead(3)).await;
    stored_with(&browser, "interviews", &days_ahead(3)).await;
    browser.goto("/").await;
    browser.wait_for("[data-testid=upcoming]").await;
    browser.wait_for("[data-testid=due-count]").await;
    assert!(!browser.exists("[data-testid=still-to-write]").await);
    assert!(browser.browser_errors().await.is_empty());
}

/// Not a test of behaviour: Today's practice card and "Before the interview" at 390 and 320 px,
/// light and dark, saved to tests/e2e-artifacts/ for a person to look at.
/// `cargo test --test e2e_practice practice_screenshots -- --ignored`
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore]
async fn practice_screenshots() {
    let (_server, browser) = setup().await;
    browser.seed_answers(2).await;
    let id = browser.log_interview("Initech Robotics", "Engineer").await;
    browser.choose("#d-date", &days_ahead(5)).await;
    browser.choose("#d-time", "10:00").await;
    browser.wait_for("#before").await;
    choose_question(&browser, "Seeded question 1?").await;
    choose_question(&browser, "Seeded question 2?").await;
    stored_with(&browser, "preps", "seed-2").await;
    for width in [390, 320] {
        browser.set_viewport(width, 844).await;
        for scheme in ["light", "dark"] {
            browser.set_color_scheme(scheme).await;
            browser.goto(&format!("/interviews/{id}")).await;
            browser.wait_for("#before .actions").await;
            browser
                .eval(
                    "document.querySelector('#before .actions').scrollIntoView({ block: 'end' });",
                )
                .await;
            let _ = browser
                .screenshot(&format!("shot-{width}-{scheme}-before"))
                .await;
            // Today with an interview coming up, then with none (the interview moved to the past).
            browser.goto("/").await;
            browser.wait_for("[data-testid=due-count]").await;
            browser
                .eval(
                    "document.querySelector('.practice-card').scrollIntoView({ block: 'center' });",
                )
                .await;
            let _ = browser
                .screenshot(&format!("shot-{width}-{scheme}-today-upcoming"))
                .await;
        }
    }
    browser.goto(&format!("/interviews/{id}")).await;
    browser.choose("#d-date", &days_ahead(-2)).await;
    browser.goto("/").await;
    for width in [390, 320] {
        browser.set_viewport(width, 844).await;
        for scheme in ["light", "dark"] {
            browser.set_color_scheme(scheme).await;
            browser.goto("/").await;
            browser.wait_for("[data-testid=still-to-write]").await;
            browser
                .eval(
                    "document.querySelector('.practice-card').scrollIntoView({ block: 'center' });",
                )
                .await;
            let _ = browser
                .screenshot(&format!("shot-{width}-{scheme}-today"))
                .await;
        }
    }
}
