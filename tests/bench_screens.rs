#![cfg(not(target_arch = "wasm32"))]
//! Screens on a slow phone: the longest task when switching screens and when rating cards, with
//! the five-year data set and the CPU slowed 4x through the DevTools protocol
//! (`Emulation.setCPUThrottlingRate`), long tasks from a `PerformanceObserver('longtask')` added
//! before the app's own scripts (`Page.addScriptToEvaluateOnNewDocument`).
//!
//! Prints numbers, asserts nothing about them. Not part of `scripts/test`. After
//! `trunk build --release --offline`:
//! `cargo test --offline --test bench_screens -- --ignored --nocapture`
//! (`REBOUND_BENCH_CPU=1` for no throttling, `REBOUND_BENCH_ROUNDS=n` rounds of the places,
//! `REBOUND_DIST=dir` to serve another build, `REBOUND_BENCH_PROFILE=dir` to write a
//! DevTools CPU profile of each tap of the first round there: `<place>.cpuprofile`).

#[path = "e2e/support.rs"]
mod support;

#[path = "bench/dataset.rs"]
#[allow(dead_code)]
mod dataset;

use serde_json::{json, Value as Json};
use support::{dist_dir, require_release_build, Browser, StaticServer};

/// Every long task, with its start, from before the app's first script.
const PROBE: &str = "(() => { window.__lt = []; \
    try { new PerformanceObserver((l) => l.getEntries().forEach((e) => \
        window.__lt.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true }); \
    } catch (e) {} })();";

/// In the page: click `arguments[0]`, wait for `main h1` to read `arguments[1]`, then 2.5 s
/// more (work done in idle slices lands then); the long tasks from the click on, and when the
/// heading showed.
const SWITCH: &str = "const done = arguments[arguments.length - 1]; \
    const [css, heading] = [arguments[0], arguments[1]]; \
    const link = document.querySelector(css); \
    if (!link) { done({ error: 'no ' + css }); return; } \
    const t0 = performance.now(); link.click(); \
    const h1 = () => { const h = document.querySelector('main h1'); return h ? h.textContent.trim() : ''; }; \
    let shown = null; \
    const mo = new MutationObserver(() => { if (shown === null && h1() === heading) shown = performance.now() - t0; }); \
    mo.observe(document.body, { childList: true, subtree: true, characterData: true }); \
    if (h1() === heading) shown = performance.now() - t0; \
    setTimeout(() => { mo.disconnect(); \
      done({ shown, long: window.__lt.filter(([s, d]) => s + d > t0).map(([s, d]) => [s - t0, d]) }); }, 2500);";

/// In the page, on /practice: `arguments[0]` times, Show then Good; the long tasks from each
/// rating.s click on, up to 900 ms after it (the debounced save included), with their start.
const RATE: &str = "const done = arguments[arguments.length - 1]; const n = arguments[0]; \
    const wait = (ms) => new Promise((r) => setTimeout(r, ms)); \
    const out = []; \
    (async () => { \
      for (let i = 0; i < n; i++) { \
        const show = document.querySelector('.practice-controls .button.primary'); \
        if (!show) break; show.click(); await wait(300); \
        const good = document.querySelector('.ratings .rate-3'); if (!good) break; \
        const t0 = performance.now(); good.click(); await wait(900); \
        out.push(window.__lt.filter(([s, d]) => s + d > t0).map(([s, d]) => [s - t0, d])); \
      } \
      done(out); })().catch((e) => done({ error: String(e) }));";

fn longest(tasks: &Json) -> f64 {
    tasks
        .as_array()
        .map(|l| l.iter().filter_map(|t| t[1].as_f64()).fold(0.0, f64::max))
        .unwrap_or(0.0)
}

fn list(tasks: &Json) -> String {
    let items: Vec<String> = tasks
        .as_array()
        .map(|l| {
            l.iter()
                .map(|t| {
                    format!(
                        "{:.0}@{:.0}",
                        t[1].as_f64().unwrap_or(0.0),
                        t[0].as_f64().unwrap_or(0.0)
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    if items.is_empty() {
        "none".into()
    } else {
        items.join(" ")
    }
}

#[tokio::test]
#[ignore = "a measurement, not a test: run by hand (see the module doc)"]
async fn screens_at_4x() {
    let dist = dist_dir();
    require_release_build(&dist);
    let profile_dir = std::env::var("REBOUND_BENCH_PROFILE").ok();
    let server = StaticServer::start(&dist).expect("start the static server");
    let browser = Browser::start(&server.base_url()).await;
    let added = browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": PROBE }),
        )
        .await;
    assert!(added["identifier"].is_string(), "cannot add the probe");
    let rate: f64 = std::env::var("REBOUND_BENCH_CPU")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4.0);
    let rounds: usize = std::env::var("REBOUND_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);

    // The data set, stored as the app stores it, then the app opened with it.
    browser.goto("/").await;
    browser.wait_for("main h1").await;
    browser.local_storage_clear().await;
    let db = dataset::build();
    for (key, value) in dataset::storage_entries(&db) {
        browser.local_storage_set(&key, &value).await;
    }
    browser.wait_for_service_worker_control().await;
    browser
        .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": rate }))
        .await;
    browser.reload().await;
    browser.wait_text("main h1", "Today").await;
    tokio::time::sleep(std::time::Duration::from_millis(3000)).await;
    let open = browser.eval("return window.__lt;").await;
    println!("\nCPU x{rate}, five-year data set");
    println!(
        "open the app (Today): longest {:.0} ms   [{}]",
        longest(&open),
        list(&open)
    );

    // The bottom bar, in order, `rounds` times; the journey through More.
    let places: [(&str, &str, &str); 6] = [
        ("Interviews", "nav a[href='/interviews']", "Interviews"),
        ("Questions", "nav a[href='/questions']", "Questions"),
        ("Plan", "nav a[href='/plan']", "My plan"),
        ("More", "nav a[href='/more']", "More"),
        ("Journey", "main a[href='/journey']", "Your journey"),
        ("Today", "nav a[href='/']", "Today"),
    ];
    let mut worst = vec![0.0f64; places.len()];
    for round in 1..=rounds {
        println!("round {round}");
        for (n, (name, css, heading)) in places.iter().enumerate() {
            let profiling = round == 1 && profile_dir.is_some();
            if profiling {
                browser.cdp("Profiler.enable", json!({})).await;
                browser
                    .cdp("Profiler.setSamplingInterval", json!({ "interval": 200 }))
                    .await;
                browser.cdp("Profiler.start", json!({})).await;
            }
            let v = browser
                .eval_async(SWITCH, vec![json!(css), json!(heading)])
                .await;
            if let (true, Some(dir)) = (profiling, &profile_dir) {
                let p = browser.cdp("Profiler.stop", json!({})).await;
                let path = std::path::Path::new(dir).join(format!("{name}.cpuprofile"));
                std::fs::write(&path, p["profile"].to_string()).expect("write the profile");
            }
            if let Some(e) = v.get("error") {
                println!("  {name}: {e}");
                continue;
            }
            let l = longest(&v["long"]);
            worst[n] = worst[n].max(l);
            println!(
                "  tap {name:<11} heading after {:>5} ms, longest task {l:>5.0} ms   [{}]",
                v["shown"]
                    .as_f64()
                    .map_or("never".into(), |s| format!("{s:.0}")),
                list(&v["long"])
            );
        }
    }

    // Practice: Show, then Good, ten times.
    browser.goto("/practice").await;
    browser
        .wait_js(
            "return !!document.querySelector('[data-testid=flash-question], [data-testid=practice-done]');",
        )
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(2000)).await;
    let v = browser.eval_async(RATE, vec![json!(10)]).await;
    let mut rating_worst = 0.0f64;
    let mut save_worst = 0.0f64;
    match v.as_array() {
        Some(ratings) => {
            for (i, r) in ratings.iter().enumerate() {
                // What starts within 250 ms of the click is the rating; later, the save.
                let (mut on, mut after) = (0.0f64, 0.0f64);
                for t in r.as_array().into_iter().flatten() {
                    let (s, d) = (t[0].as_f64().unwrap_or(0.0), t[1].as_f64().unwrap_or(0.0));
                    if s < 250.0 {
                        on = on.max(d);
                    } else {
                        after = after.max(d);
                    }
                }
                rating_worst = rating_worst.max(on);
                save_worst = save_worst.max(after);
                println!(
                    "  rating {:>2}: on the tap {on:>4.0} ms, after (save) {after:>4.0} ms   [{}]",
                    i + 1,
                    list(r)
                );
            }
        }
        None => println!("  practice: {v}"),
    }

    println!("\nsummary (longest task, ms, worst of {rounds} rounds, CPU x{rate}):");
    for (n, (name, _, _)) in places.iter().enumerate() {
        println!("  {name:<11} {:>6.0}", worst[n]);
    }
    println!("  rating     {rating_worst:>6.0}  (save after it: {save_worst:.0})");
}

/// What the screens compute from the data set, timed natively (one desktop core, no
/// throttling; a phone at 4x in wasm is roughly ten times slower):
/// `cargo test --release --offline --test bench_screens core_costs -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a test: run by hand (see the module doc)"]
fn core_costs() {
    use rebound::core::{charts, insights, journey, pipeline, plan, practice, questions};
    use std::time::Instant;
    let db = dataset::build();
    let now = chrono::Utc::now().timestamp_millis();
    let today = chrono::Utc::now().date_naive();
    let time = |name: &str, f: &mut dyn FnMut()| {
        let t = Instant::now();
        for _ in 0..5 {
            f();
        }
        println!(
            "  {name:<34} {:>8.2} ms",
            t.elapsed().as_secs_f64() * 1000.0 / 5.0
        );
    };
    let bank = questions::bank(&db.questions);
    let input = journey::JourneyInput {
        interviews: &db.interviews,
        reflections: &db.reflections,
        questions: &db.questions,
        reviews: &db.reviews,
        plan: &db.plan,
        today,
    };
    println!();
    time("questions::bank", &mut || {
        drop(questions::bank(&db.questions))
    });
    time("questions::cards_and_to_write", &mut || {
        drop(questions::cards_and_to_write(&db.questions))
    });
    let cards = questions::cards_and_to_write(&db.questions).0;
    time("practice::due_queue", &mut || {
        drop(practice::due_queue(
            &cards,
            &db.cards,
            &db.reviews,
            now,
            now - now.rem_euclid(86_400_000),
            &practice::PracticeSettings::default(),
        ))
    });
    time("insights::compute", &mut || {
        drop(insights::compute(&insights::InsightInput {
            interviews: &db.interviews,
            reflections: &db.reflections,
            questions: &bank,
            reviews: &db.reviews,
            plan: &db.plan,
            nudge_threshold: 3,
            today,
            now,
        }))
    });
    let insight_input = insights::InsightInput {
        interviews: &db.interviews,
        reflections: &db.reflections,
        questions: &bank,
        reviews: &db.reviews,
        plan: &db.plan,
        nudge_threshold: 3,
        today,
        now,
    };
    let all = insights::compute(&insight_input);
    println!(
        "  insights: {}, evidence links: {}",
        all.len(),
        all.iter().map(|i| i.evidence.len()).sum::<usize>()
    );
    for part in 0..insights::PARTS {
        time(&format!("insights::compute_part {part}"), &mut || {
            drop(insights::compute_part(&insight_input, part))
        });
    }
    time("journey::timeline", &mut || drop(journey::timeline(&input)));
    time("journey::milestones", &mut || {
        drop(journey::milestones(&input))
    });
    time("heatmap + figure", &mut || {
        drop(charts::heatmap_figure(&journey::heatmap(
            &db.reviews,
            today,
        )))
    });
    time("months + figure", &mut || {
        drop(charts::months_figure(&journey::interviews_per_month(
            &db.interviews,
            today,
        )))
    });
    time("funnel + figure", &mut || {
        drop(charts::funnel_figure(&pipeline::funnel(&db.interviews)))
    });
    time("journey::recall_line", &mut || {
        drop(journey::recall_line(&db.questions, &db.reviews))
    });
    time("journey::reflections_line", &mut || {
        drop(journey::reflections_line(&db.reflections, &db.plan))
    });
    time("journey::streak", &mut || {
        let _ = journey::streak(&db.reviews, today);
    });
    time("pipeline::active_then_closed", &mut || {
        drop(pipeline::active_then_closed(&db.interviews))
    });
    time("plan::ordered", &mut || {
        drop(plan::ordered(&db.plan, false))
    });
}

/// Each part of exporting and importing the five-year backup, timed natively (see
/// [`core_costs`]; a phone at 4x in wasm is roughly ten times slower):
/// `cargo test --release --offline --test bench_screens transfer_costs -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a test: run by hand (see the module doc)"]
fn transfer_costs() {
    use rebound::core::transfer::{ExportJob, ImportJob};
    use std::time::Instant;
    let db = dataset::build();
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;
    let mut job = ExportJob::new(&db, 0);
    let mut slowest = (0.0f64, 0);
    let t = Instant::now();
    while !job.is_done() {
        let s = Instant::now();
        job.step(&db).expect("export");
        if ms(s) > slowest.0 {
            slowest = (ms(s), job.progress().0);
        }
    }
    let s = Instant::now();
    let text = job.finish();
    println!(
        "\nexport: {} parts in {:.1} ms, slowest part {:.1} ms (part {}), finish {:.1} ms; {} KiB",
        job_parts(&db),
        ms(t),
        slowest.0,
        slowest.1,
        ms(s),
        text.len() / 1024
    );
    let t = Instant::now();
    let mut job = ImportJob::new(text.into_bytes()).expect("import");
    println!("import: new {:.1} ms", ms(t));
    while !job.is_done() {
        let s = Instant::now();
        job.step().expect("import");
        let took = ms(s);
        if took > 1.0 {
            println!("  part {:?}: {took:.1} ms", job.progress());
        }
    }
    println!("import: {:.1} ms in all", ms(t));
    let file = job.finish();
    let empty = rebound::core::schema::Db::default();
    let t = Instant::now();
    let _preview = rebound::core::transfer::preview(&empty, &file);
    println!("preview against an empty store: {:.1} ms", ms(t));
    let t = Instant::now();
    let (merged, _) = rebound::core::transfer::merge(&empty, &file.db);
    println!("merge into an empty store: {:.1} ms", ms(t));
    let t = Instant::now();
    let _copy = merged.clone();
    println!("a copy of the data: {:.1} ms", ms(t));
    let t = Instant::now();
    let (_again, _) = rebound::core::transfer::merge(&merged, &file.db);
    println!("merge into the same data: {:.1} ms", ms(t));
}

fn job_parts(db: &rebound::core::schema::Db) -> usize {
    rebound::core::transfer::ExportJob::new(db, 0).progress().1
}

/// What start-up does with the five-year data set, per collection, timed natively (see
/// [`core_costs`]): unpacking what is stored packed, then `schema::load` of everything, and of
/// the data set less the log (what start-up would cost if the log were read later):
/// `cargo test --release --offline --test bench_screens startup_costs -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a test: run by hand (see the module doc)"]
fn startup_costs() {
    use rebound::core::collections::Collection;
    use rebound::core::{packing, schema};
    use std::collections::BTreeMap;
    use std::time::Instant;
    let db = dataset::build();
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;
    let entries: BTreeMap<String, String> = dataset::storage_entries(&db).into_iter().collect();
    let mut unpacked = BTreeMap::new();
    let mut by_collection: BTreeMap<String, (usize, usize, f64, f64)> = BTreeMap::new();
    for (key, value) in &entries {
        let t = Instant::now();
        let text = packing::unpack(value).expect("unpack").into_owned();
        let unpack = ms(t);
        let name = Collection::from_key(key).map_or("other".to_string(), |c| c.name().to_string());
        let t = Instant::now();
        drop(schema::load(&BTreeMap::from([(key.clone(), text.clone())])));
        let load = ms(t);
        let row = by_collection.entry(name).or_default();
        row.0 += value.len();
        row.1 += text.len();
        row.2 += unpack;
        row.3 += load;
        unpacked.insert(key.clone(), text);
    }
    println!("\nstart-up, per collection: stored chars, JSON bytes, unpack ms, load ms");
    for (name, (stored, json, unpack, load)) in &by_collection {
        println!("  {name:<12} {stored:>9} {json:>9} {unpack:>7.2} {load:>7.2}");
    }
    let t = Instant::now();
    drop(schema::load(&unpacked));
    println!("schema::load of everything: {:.1} ms", ms(t));
    let without_log: BTreeMap<String, String> = unpacked
        .iter()
        .filter(|(k, _)| Collection::from_key(k) != Some(Collection::Reviews))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let t = Instant::now();
    drop(schema::load(&without_log));
    println!("schema::load less the log: {:.1} ms", ms(t));
}
