//! The benchmark's measurements of issue 16 ("fast on a cheap phone"), run once as the machine
//! is and once with the CPU slowed through the DevTools protocol
//! (`Emulation.setCPUThrottlingRate`): long tasks, read from the `PerformanceObserver('longtask')`
//! that the bench's probe registers in every page before the app's first script
//! (`window.__bench.long`, `[startTime, duration]` pairs), while opening the app with the data set,
//! switching screens in the bottom bar, and exporting and importing the five-year backup. Typing
//! and rating keep their own observers (in `bench.rs`); every longest task includes what follows
//! the action until the 300 ms debounced save is done (800 ms after the action).

use std::path::Path;

use serde_json::{json, Value as Json};

use super::support::{downloaded_json, Browser, TempDir};

/// How long after an action its long tasks are still counted: the 300 ms save delay, the save,
/// and some room.
pub const SETTLE_MS: u64 = 800;
/// After the first screen of an opening: how long its long tasks are still counted (idle work
/// that follows the first drawing included).
const OPEN_SETTLE_MS: u64 = 2000;

/// Slows the page's CPU `rate` times (1: as the machine is).
pub async fn throttle(browser: &Browser, rate: f64) {
    let r = browser
        .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": rate }))
        .await;
    if r.is_null() {
        panic!("Emulation.setCPUThrottlingRate failed through chromedriver");
    }
}

/// A fixed piece of JavaScript work, timed in the page (ms): shows that the throttling is on
/// in the current page (it is set once and holds across navigations).
pub async fn calibrate(browser: &Browser) -> f64 {
    let v = browser
        .eval(
            "const t = performance.now(); let x = 0; \
             for (let i = 0; i < 2e7; i++) x = (x + i * 7) % 1000003; \
             return [performance.now() - t, x];",
        )
        .await;
    v[0].as_f64().unwrap_or(f64::NAN)
}

/// Durations of the long tasks of the current page that ended after `t0` (page time, ms).
pub async fn long_tasks_since(browser: &Browser, t0: f64) -> Vec<f64> {
    let v = browser
        .eval_with(
            "const t0 = arguments[0]; \
             return ((window.__bench && window.__bench.long) || []) \
               .filter(([s, d]) => s + d > t0).map(([s, d]) => d);",
            vec![json!(t0)],
        )
        .await;
    v.as_array()
        .map(|a| a.iter().filter_map(Json::as_f64).collect())
        .unwrap_or_default()
}

/// The page's clock (`performance.now()`).
pub async fn page_now(browser: &Browser) -> f64 {
    browser
        .eval("return performance.now();")
        .await
        .as_f64()
        .unwrap_or(0.0)
}

pub fn longest(tasks: &[f64]) -> f64 {
    tasks.iter().copied().fold(0.0, f64::max)
}

/// Total blocking time: what every long task takes beyond 50 ms, summed.
pub fn blocking(tasks: &[f64]) -> f64 {
    tasks.iter().map(|d| (d - 50.0).max(0.0)).sum()
}

fn list(tasks: &[f64]) -> String {
    if tasks.is_empty() {
        "none".into()
    } else {
        tasks
            .iter()
            .map(|t| format!("{t:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
            + " ms"
    }
}

/// One opening of `/` with the data set (the page answered by the service worker).
pub struct Open {
    /// The app's first screen (first `main h1` it draws), ms since navigation start.
    pub first_screen: f64,
    /// Long tasks from navigation start until [`OPEN_SETTLE_MS`] after the first screen.
    pub tasks: Vec<f64>,
}

/// Opens `/` and waits for the app's first screen and [`OPEN_SETTLE_MS`] more.
pub async fn open(browser: &Browser) -> Open {
    browser.goto("/").await;
    browser
        .wait_js("return !!window.__bench && window.__bench.drawn !== undefined;")
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(OPEN_SETTLE_MS)).await;
    let drawn = browser.eval("return window.__bench.drawn;").await;
    let first_screen = drawn.as_f64().unwrap_or(f64::NAN);
    let tasks = long_tasks_since(browser, 0.0).await;
    Open {
        first_screen,
        tasks,
    }
}

/// The screens tapped in turn, from Today: (what is tapped, CSS of the link, the path it opens).
/// The Journey is under More: More is tapped, then the Journey's link there.
const SWITCHES: [(&str, &str, &str); 6] = [
    ("Plan", "body > nav a[href='/plan']", "/plan"),
    ("More", "body > nav a[href='/more']", "/more"),
    ("Journey (on More)", "main a[href='/journey']", "/journey"),
    (
        "Interviews",
        "body > nav a[href='/interviews']",
        "/interviews",
    ),
    ("Questions", "body > nav a[href='/questions']", "/questions"),
    ("Today", "body > nav a[href='/']", "/"),
];

/// Taps each of [`SWITCHES`] in turn, from Today: per screen, the time to its `main h1` and the
/// long tasks from the tap until [`SETTLE_MS`] after it is drawn. Returns (screen, drawn ms,
/// long tasks).
pub async fn screen_switches(browser: &Browser) -> Vec<(String, f64, Vec<f64>)> {
    browser.goto("/").await;
    browser.wait_for("main h1").await;
    tokio::time::sleep(std::time::Duration::from_millis(OPEN_SETTLE_MS)).await;
    let mut out = Vec::new();
    for (name, css, path) in SWITCHES {
        browser.wait_for(css).await;
        let v = browser
            .eval_async(
                "const done = arguments[arguments.length - 1]; const [css, path, settle] = arguments; \
                 const before = document.querySelector('main h1'); \
                 const t0 = performance.now(); \
                 document.querySelector(css).click(); \
                 const check = () => { \
                   const h = document.querySelector('main h1'); \
                   if (location.pathname === path && h && h !== before) { \
                     const drawn = performance.now() - t0; \
                     setTimeout(() => done({ drawn, long: window.__bench.long \
                       .filter(([s, d]) => s + d > t0).map(([s, d]) => d) }), settle); \
                   } else if (performance.now() - t0 > 20000) { done({ error: 'not drawn within 20 s' }); } \
                   else { setTimeout(check, 5); } }; \
                 check();",
                vec![json!(css), json!(path), json!(SETTLE_MS)],
            )
            .await;
        if let Some(e) = v.get("error") {
            panic!("tapping {name}: {e}");
        }
        let tasks: Vec<f64> = v["long"]
            .as_array()
            .map(|a| a.iter().filter_map(Json::as_f64).collect())
            .unwrap_or_default();
        out.push((
            name.to_string(),
            v["drawn"].as_f64().unwrap_or(f64::NAN),
            tasks,
        ));
    }
    for (name, drawn, tasks) in &out {
        println!(
            "  tap {name:<18} drawn in {drawn:>7.1} ms; longest task {:>5.0} ms; long tasks: {}",
            longest(tasks),
            list(tasks)
        );
    }
    out
}

/// Exports the backup from Settings (the data set loaded): long tasks from the tap until the file
/// is downloaded and [`SETTLE_MS`] more (the "last backup" date is saved).
pub async fn export(browser: &Browser, downloads: &Path) -> Vec<f64> {
    browser.allow_downloads(downloads).await;
    browser.goto("/settings").await;
    let button = "#backup-title ~ .actions .button.primary";
    browser.wait_for(button).await;
    tokio::time::sleep(std::time::Duration::from_millis(OPEN_SETTLE_MS)).await;
    let t0 = page_now(browser).await;
    browser
        .eval_with(
            "document.querySelector(arguments[0]).click();",
            vec![json!(button)],
        )
        .await;
    let file = downloaded_json(downloads).await;
    tokio::time::sleep(std::time::Duration::from_millis(SETTLE_MS)).await;
    let tasks = long_tasks_since(browser, t0).await;
    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    println!(
        "  export ({:.0} KiB file): longest task {:.0} ms; long tasks: {}",
        size as f64 / 1024.0,
        longest(&tasks),
        list(&tasks)
    );
    tasks
}

/// Imports `backup` into an empty store, as on a new phone: every `rebound.` key removed, then in
/// Settings the file chosen, its preview, Merge, until "Backup merged" shows and [`SETTLE_MS`]
/// more (the merged data saved). Long tasks from choosing the file. Leaves the data set stored.
pub async fn import(browser: &Browser, backup: &Path) -> Vec<f64> {
    browser.goto("/settings").await;
    browser
        .eval(
            "Object.keys(localStorage).filter((k) => k.startsWith('rebound.')) \
               .forEach((k) => localStorage.removeItem(k));",
        )
        .await;
    browser.goto("/settings").await;
    browser.wait_for("#import-file").await;
    tokio::time::sleep(std::time::Duration::from_millis(OPEN_SETTLE_MS)).await;
    let t0 = page_now(browser).await;
    browser
        .type_keys("#import-file", &backup.to_string_lossy())
        .await;
    browser
        .wait_for("[data-testid=import-preview] .button.primary")
        .await;
    let shown = page_now(browser).await;
    browser
        .eval("document.querySelector('[data-testid=import-preview] .button.primary').click();")
        .await;
    println!(
        "  import: chosen at {t0:.0} ms, preview seen by {shown:.0} ms, Merge pressed after it (page time)"
    );
    browser.wait_text(".notices", "Backup merged").await;
    tokio::time::sleep(std::time::Duration::from_millis(SETTLE_MS)).await;
    let tasks = long_tasks_since(browser, t0).await;
    let size = std::fs::metadata(backup).map(|m| m.len()).unwrap_or(0);
    println!(
        "  import into an empty store ({:.0} KiB file, preview then Merge): longest task {:.0} ms; long tasks: {}",
        size as f64 / 1024.0,
        longest(&tasks),
        list(&tasks)
    );
    tasks
}

/// Writes the five-year backup, as the app exports it, into `dir`.
pub fn backup_file(db: &rebound::core::schema::Db, dir: &TempDir) -> std::path::PathBuf {
    let text = rebound::core::transfer::export(db, chrono::Utc::now().timestamp_millis())
        .unwrap_or_else(|e| panic!("exporting the data set failed: {e}"));
    dir.write("rebound-backup-bench.json", text)
        .unwrap_or_else(|e| panic!("cannot write the backup: {e}"))
}
