//! The benchmark of issue 17's lock: the five-year data set stored locked (the lock turned on
//! through Settings, as a person would, so it is stored exactly as the app stores it), then with
//! the CPU slowed 4x: unlocking to Today, and rating and typing with the lock on (their saves
//! encrypt). The key derivation runs on WebCrypto's own thread, which CPU throttling does not
//! slow, so its time (the app's `rebound:derive` / `rebound:derived` marks) counts 4x: unlock
//! to Today is the measured time plus 3 x the derivation.

use serde_json::{json, Value as Json};

use super::support::Browser;
use super::{measure_practice, measure_typing, median, phone, runs_list, section};
use super::{Practice, Typing, RUNS};

/// The passphrase the bench locks the data set with.
pub const PASS: &str = "tram at seven, rain";
/// Bar: unlock to Today, the derivation counted 4x (ms).
pub const BAR_UNLOCK_MS: f64 = 1500.0;
/// How long turning the lock on (encrypting the five-year data) may take, unthrottled.
const TURN_ON_TIMEOUT_MS: u64 = 60_000;

/// Turns the lock on in Settings with [`PASS`] (the data set stored plain) and waits until
/// the lock is on and everything stored is the sealed form.
pub async fn turn_on(browser: &Browser) {
    browser.goto("/settings").await;
    browser.fill("#lock-new-1", PASS).await;
    browser.fill("#lock-new-2", PASS).await;
    browser.click("form.lock-new button[type=submit]").await;
    let v = browser
        .eval_async(
            "const done = arguments[arguments.length - 1]; const limit = arguments[0]; \
             const t0 = performance.now(); \
             const check = () => { \
               const s = document.querySelector('.lock-status'); \
               const text = s ? s.textContent : ''; \
               if (text.includes('The lock is on')) done({ ms: performance.now() - t0 }); \
               else if (performance.now() - t0 > limit) done({ error: 'not on within ' + limit + ' ms: ' + text }); \
               else setTimeout(check, 50); }; \
             check();",
            vec![json!(TURN_ON_TIMEOUT_MS)],
        )
        .await;
    if let Some(e) = v.get("error") {
        panic!("turning the lock on: {e}");
    }
    // Let the last encrypted writes land, then check nothing plain is left.
    tokio::time::sleep(std::time::Duration::from_millis(1000)).await;
    let plain = browser
        .eval(
            "return Object.keys(localStorage).filter((k) => k.startsWith('rebound.') \
               && !k.startsWith('rebound.sealed.') && k !== 'rebound.lock');",
        )
        .await;
    println!(
        "  the lock turned on through Settings in {:.0} ms (unthrottled); plain keys left: {plain}",
        v["ms"].as_f64().unwrap_or(f64::NAN)
    );
}

/// Waits for the app's own lock screen (not index.html's first frame).
async fn wait_lock_screen(browser: &Browser) {
    browser
        .wait_js(
            "return performance.getEntriesByName('rebound:start').length > 0 \
               && !!document.querySelector('.lock-page #passphrase');",
        )
        .await;
}

/// On the lock screen: types [`PASS`] and presses Unlock, then waits until the lock screen is
/// gone (the app draws the page of the current address).
pub async fn unlock(browser: &Browser) {
    wait_lock_screen(browser).await;
    browser.fill("#passphrase", PASS).await;
    browser.click(".lock-form button[type=submit]").await;
    browser
        .wait_js(
            "return !document.querySelector('.lock-page') && !!document.querySelector('main h1');",
        )
        .await;
}

/// One unlock at the current CPU rate.
pub struct Unlock {
    /// From pressing Unlock to Today's `main h1` drawn by the app, as measured (ms).
    pub measured: f64,
    /// The key derivation, `rebound:derive` to `rebound:derived` (ms).
    pub derive: f64,
    /// Long tasks from pressing Unlock until [`phone::SETTLE_MS`] after Today is drawn.
    pub tasks: Vec<f64>,
}

impl Unlock {
    /// Unlock to Today with the derivation counted 4x.
    pub fn to_today(&self) -> f64 {
        self.measured + 3.0 * self.derive
    }
}

/// Opens `/` (the lock screen), puts [`PASS`] in the field, then presses Unlock and times it
/// in the page until Today's heading is drawn (a MutationObserver), and [`phone::SETTLE_MS`]
/// more for the long tasks.
pub async fn unlock_to_today(browser: &Browser) -> Unlock {
    browser.goto("/").await;
    wait_lock_screen(browser).await;
    tokio::time::sleep(std::time::Duration::from_millis(1000)).await;
    let v = browser
        .eval_async(
            "const done = arguments[arguments.length - 1]; const [pass, settle] = arguments; \
             const field = document.querySelector('.lock-page #passphrase'); \
             field.value = pass; field.dispatchEvent(new Event('input', { bubbles: true })); \
             const button = document.querySelector('.lock-form button[type=submit]'); \
             const today = () => { const h = document.querySelector('main h1'); \
               return !!h && h.textContent === 'Today' && !document.querySelector('.lock-page'); }; \
             let finished = false; \
             const t0 = performance.now(); \
             const drawn = (t) => { if (finished) return; finished = true; mo.disconnect(); \
               setTimeout(() => { \
                 const a = performance.getEntriesByName('rebound:derive'), b = performance.getEntriesByName('rebound:derived'); \
                 const derive = a.length && b.length ? b[b.length - 1].startTime - a[a.length - 1].startTime : null; \
                 const alert = document.querySelector('[role=alert]'); \
                 done({ measured: t - t0, derive, alert: alert ? alert.textContent : null, \
                   long: window.__bench.long.filter(([s, d]) => s + d > t0).map(([s, d]) => d) }); \
               }, settle); }; \
             const mo = new MutationObserver(() => { if (today()) drawn(performance.now()); }); \
             mo.observe(document.body, { childList: true, subtree: true, characterData: true }); \
             setTimeout(() => { if (!finished) { finished = true; mo.disconnect(); \
               done({ error: 'Today not drawn within 30 s; the screen: ' + document.body.innerText.replace(/\\s+/g, ' ').slice(0, 300) }); } }, 30000); \
             button.click();",
            vec![json!(PASS), json!(phone::SETTLE_MS)],
        )
        .await;
    if let Some(e) = v.get("error") {
        panic!("unlocking: {e}");
    }
    let derive = v["derive"].as_f64().unwrap_or_else(|| {
        panic!("no rebound:derive / rebound:derived marks after unlocking: {v}")
    });
    Unlock {
        measured: v["measured"].as_f64().unwrap_or(f64::NAN),
        derive,
        tasks: v["long"]
            .as_array()
            .map(|a| a.iter().filter_map(Json::as_f64).collect())
            .unwrap_or_default(),
    }
}

/// Issue 17's round: the data set stored locked, the CPU slowed `rate` times.
pub struct LockRound {
    pub calibration: f64,
    pub unlocks: Vec<Unlock>,
    pub typing: Option<Typing>,
    pub practice: Option<Practice>,
    /// The same typing and rating with the lock still off, just before turning it on (same
    /// browser, same moment of the machine's load), when asked for: (typing, rating) longest.
    pub unlocked: Option<(Option<f64>, Option<f64>)>,
}

impl LockRound {
    fn of(&self, f: impl Fn(&Unlock) -> f64) -> f64 {
        median(&self.unlocks.iter().map(f).collect::<Vec<_>>())
    }
    /// Median of unlock to Today, the derivation counted 4x.
    pub fn unlock_to_today(&self) -> f64 {
        self.of(Unlock::to_today)
    }
    pub fn derive(&self) -> f64 {
        self.of(|u| u.derive)
    }
    pub fn measured(&self) -> f64 {
        self.of(|u| u.measured)
    }
    /// Median over the unlocks of each one's longest task.
    pub fn unlock_longest(&self) -> f64 {
        self.of(|u| phone::longest(&u.tasks))
    }
    pub fn typing_longest(&self) -> Option<f64> {
        self.typing.as_ref().map(|t| phone::longest(&t.long))
    }
    pub fn rating_longest(&self) -> Option<f64> {
        self.practice.as_ref().map(|p| phone::longest(&p.long))
    }

    /// The numbers of `summary.json`'s `lock_4x`.
    pub fn summary(&self) -> Json {
        json!({
            "unlock_to_today_ms": self.unlock_to_today(),
            "unlock_derive_ms": self.derive(),
            "unlock_longest_task_ms": self.unlock_longest(),
            "rating_longest_task_ms": self.rating_longest(),
            "typing_longest_task_ms": self.typing_longest(),
            "unlock_measured_ms": self.measured(),
            "calibration_loop_ms": self.calibration,
            "reference_lock_off": self.unlocked.map(|(typing, rating)| json!({
                "typing_longest_task_ms": typing, "rating_longest_task_ms": rating,
            })),
            "unlock_runs": self.unlocks.iter().map(|u| json!({
                "measured_ms": u.measured, "derive_ms": u.derive,
                "long_tasks_ms": u.tasks,
            })).collect::<Vec<_>>(),
        })
    }
}

/// With the data set stored plain in `browser`'s origin: turns the lock on through Settings,
/// then with the CPU slowed `rate` times unlocks [`RUNS`] times, types into the reflection of
/// interview `id` and rates on Practice (each opened through the lock screen). With `reference`,
/// first types and rates the same way with the lock still off, at the same rate, for comparison.
/// Leaves the data set stored locked and the rate at 1.
pub async fn lock_round(browser: &Browser, id: &str, rate: f64, reference: bool) -> LockRound {
    section(&format!(
        "12. The lock (issue 17): the large data set stored locked, CPU slowed {rate}x: unlock to Today, typing and rating"
    ));
    let unlocked = if reference {
        phone::throttle(browser, rate).await;
        let tag = format!(" [CPU {rate}x, lock off: the reference]");
        let typing = measure_typing(browser, id, &tag, None).await;
        let practice = measure_practice(browser, &tag, None).await;
        phone::throttle(browser, 1.0).await;
        Some((
            Some(phone::longest(&typing.long)),
            practice.map(|p| phone::longest(&p.long)),
        ))
    } else {
        None
    };
    section("12b. Turning the lock on in Settings, then unlocking");
    turn_on(browser).await;
    phone::throttle(browser, rate).await;
    browser.goto("/").await;
    let calibration = phone::calibrate(browser).await;
    println!(
        "  a fixed JavaScript loop, timed in the page after a navigation: {calibration:.0} ms"
    );
    let mut unlocks = Vec::new();
    for _ in 0..RUNS {
        unlocks.push(unlock_to_today(browser).await);
    }
    for (n, u) in unlocks.iter().enumerate() {
        println!(
            "  unlock {}: pressed to Today {:.0} ms measured, of which the key derivation {:.0} ms; counted 4x: {:.0} ms; longest task {:.0} ms; long tasks: {}",
            n + 1,
            u.measured,
            u.derive,
            u.to_today(),
            phone::longest(&u.tasks),
            runs_list(&u.tasks)
        );
    }
    let tag = format!(" [CPU {rate}x, locked]");
    let typing = measure_typing(browser, id, &tag, Some(PASS)).await;
    let practice = measure_practice(browser, &tag, Some(PASS)).await;
    phone::throttle(browser, 1.0).await;
    let round = LockRound {
        calibration,
        unlocks,
        typing: Some(typing),
        practice,
        unlocked,
    };
    println!(
        "  UNLOCK TO TODAY{tag}: median {:.0} ms (measured {:.0} ms + 3 x derivation {:.0} ms), longest task median {:.0} ms",
        round.unlock_to_today(),
        round.measured(),
        round.derive(),
        round.unlock_longest()
    );
    let shown = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.0} ms"));
    if let Some((typing, rating)) = round.unlocked {
        println!(
            "  LONGEST TASK{tag}: rating {}, typing {}; with the lock off just before: rating {}, typing {}",
            shown(round.rating_longest()),
            shown(round.typing_longest()),
            shown(rating),
            shown(typing)
        );
    }
    round
}

/// The summary table's rows of the round: (bar, measured, target, result).
pub fn rows(round: &LockRound) -> Vec<(String, String, String, &'static str)> {
    let ms = |v: f64| format!("{v:.0} ms");
    let at = |what: &str| format!("12. lock 4x: {what}");
    let task = |label: String, v: Option<f64>| match v {
        Some(v) => (
            label,
            ms(v),
            format!("<= {:.0} ms", super::BAR_4X_ACTION_TASK_MS),
            super::verdict(v <= super::BAR_4X_ACTION_TASK_MS),
        ),
        None => (label, "not measured".into(), "-".into(), "N/A"),
    };
    vec![
        (
            at("unlock to Today"),
            format!(
                "{} (derivation {}, 4x)",
                ms(round.unlock_to_today()),
                ms(round.derive())
            ),
            format!("< {BAR_UNLOCK_MS:.0} ms"),
            super::verdict(round.unlock_to_today() < BAR_UNLOCK_MS),
        ),
        (
            at("unlock, longest task"),
            ms(round.unlock_longest()),
            "no bar".into(),
            "-",
        ),
        task(at("rating (+save), longest task"), round.rating_longest()),
        task(at("typing (+save), longest task"), round.typing_longest()),
    ]
}
