//! Tier 2: the storage module and the app state against the real localStorage of headless
//! Chromium: round trips, a full quota, a damaged stored value, the review log in chunks and
//! the migration to them.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use leptos::prelude::*;
use rebound::core::collections::{self, Collection, Db};
use rebound::core::model::Interview;
use rebound::core::practice::{Grade, ReviewEntry};
use rebound::state::{AppState, Notice};
use rebound::storage::{self, WriteError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage in the test browser")
}

/// Fill localStorage until the browser refuses more; returns the filler keys.
fn fill_quota() -> Vec<String> {
    let s = local();
    let mut keys = Vec::new();
    let mut chunk = "x".repeat(1 << 20);
    let mut n = 0;
    while chunk.len() >= 16 {
        let key = format!("filler-{n}");
        if s.set_item(&key, &chunk).is_ok() {
            keys.push(key);
            n += 1;
        } else {
            chunk.truncate(chunk.len() / 2);
        }
    }
    keys
}

fn unfill(keys: &[String]) {
    for k in keys {
        let _ = local().remove_item(k);
    }
}

#[wasm_bindgen_test]
fn round_trip_and_prefix() {
    local().clear().unwrap();
    storage::write("rebound.a", "1").unwrap();
    storage::write("rebound.b", "two ✓ 🚀").unwrap();
    storage::write("other", "x").unwrap();
    let all = storage::read_prefixed("rebound.").unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all["rebound.b"], "two ✓ 🚀");
    assert_eq!(storage::read("other").as_deref(), Some("x"));
    storage::remove("rebound.a");
    assert_eq!(storage::read("rebound.a"), None);
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn full_quota_is_reported_and_keeps_the_old_value() {
    local().clear().unwrap();
    storage::write("rebound.interviews", "[]").unwrap();
    let fillers = fill_quota();
    let big = "y".repeat(1 << 16);
    assert_eq!(
        storage::write("rebound.interviews", &big),
        Err(WriteError::QuotaFull)
    );
    assert_eq!(storage::read("rebound.interviews").as_deref(), Some("[]"));
    unfill(&fillers);
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn app_state_keeps_edits_in_memory_when_quota_is_full() {
    local().clear().unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::init();
        state.add_interview(Interview {
            company: "Saved Co".into(),
            ..Interview::default()
        });
        state.flush();
        let saved = storage::read("rebound.interviews").unwrap();
        assert!(saved.contains("Saved Co"));

        let fillers = fill_quota();
        state.add_interview(Interview {
            company: "Unsaved Co".into(),
            // Text that does not compress, so packing cannot make it fit.
            notes: noise(1 << 16),
            ..Interview::default()
        });
        state.flush();
        assert!(state.notices.get_untracked().contains(&Notice::QuotaFull));
        assert!(state.has_unsaved());
        assert_eq!(
            state.interviews.get_untracked().len(),
            2,
            "the edit stays in memory"
        );
        assert_eq!(
            storage::read("rebound.interviews").as_deref(),
            Some(saved.as_str()),
            "what was stored is untouched"
        );

        // Space comes back: the next save writes it and the notice goes away.
        unfill(&fillers);
        state.flush();
        assert!(!state.has_unsaved());
        assert!(storage::read("rebound.interviews")
            .unwrap()
            .contains("Unsaved Co"));
        assert!(!state.notices.get_untracked().contains(&Notice::QuotaFull));
    });
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn damaged_value_is_kept_aside_and_the_rest_loads() {
    local().clear().unwrap();
    let raw = r#"[{"id":"a","company":"Kept"},{"id":"b","stage":"astronaut"}"#; // truncated
    storage::write("rebound.schema", "1").unwrap();
    storage::write("rebound.interviews", raw).unwrap();
    storage::write("rebound.settings", r#"{"nudge_threshold":6}"#).unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::init();
        assert_eq!(state.settings.get_untracked().nudge_threshold, 6);
        let notices = state.notices.get_untracked();
        let kept_as = notices
            .iter()
            .find_map(|n| match n {
                Notice::Damaged { kept_as, .. } => kept_as.clone(),
                _ => None,
            })
            .expect("a damaged notice with the key it was kept under");
        assert_eq!(
            storage::read(&kept_as).as_deref(),
            Some(raw),
            "raw text kept exactly"
        );
        assert_eq!(state.kept_aside.get_untracked().len(), 1);

        // Loading again does not keep a second copy of the same text.
        let again = AppState::init();
        assert_eq!(again.kept_aside.get_untracked().len(), 1);
    });
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn damaged_value_is_never_overwritten_when_it_cannot_be_kept_aside() {
    local().clear().unwrap();
    storage::write("rebound.interviews", "{oops").unwrap();
    let fillers = fill_quota();
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::init();
        assert!(state
            .notices
            .get_untracked()
            .iter()
            .any(|n| matches!(n, Notice::Damaged { kept_as: None, .. })));
        unfill(&fillers);
        state.add_interview(Interview {
            company: "New".into(),
            ..Interview::default()
        });
        state.flush();
        assert_eq!(
            storage::read("rebound.interviews").as_deref(),
            Some("{oops")
        );
    });
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn edits_are_written_per_collection() {
    local().clear().unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::init();
        state.edit_settings(|s| s.nudge_threshold = 5);
        state.flush();
        assert_eq!(
            storage::read("rebound.interviews"),
            None,
            "untouched collections are not written"
        );
        assert!(storage::read("rebound.settings").unwrap().contains("5"));
        assert_eq!(storage::read("rebound.schema").as_deref(), Some("3"));
        state.edit_reflection("i1", |r| r.went_well = "rapport".into());
        state.flush();
        assert!(storage::read("rebound.reflections")
            .unwrap()
            .contains("rapport"));
    });
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn large_collections_are_stored_packed_and_read_back_whole() {
    local().clear().unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::init();
        for n in 0..400 {
            state.add_interview(Interview {
                company: format!("Company {n} — “quoted” & 🙂"),
                notes: "They asked about system design and I rambled. ".repeat(4),
                ..Interview::default()
            });
        }
        state.flush();
        let raw = local().get_item("rebound.interviews").unwrap().unwrap();
        assert!(raw.starts_with("\u{1}rb1:"), "stored packed");
        let plain = serde_json::to_string(&state.interviews.get_untracked()).unwrap();
        assert!(
            raw.encode_utf16().count() * 5 < plain.encode_utf16().count(),
            "packing saves most of the space: {} vs {}",
            raw.encode_utf16().count(),
            plain.encode_utf16().count()
        );
        // A fresh start reads every record back.
        let again = AppState::init();
        assert_eq!(again.interviews.get_untracked().len(), 400);
        assert_eq!(
            again.interviews.get_untracked()[399].company,
            "Company 399 — “quoted” & 🙂"
        );
        // A damaged packed value is kept aside exactly and reported, never lost.
        let cut: String = raw.chars().take(raw.chars().count() / 2).collect();
        local().set_item("rebound.interviews", &cut).unwrap();
        let damaged = AppState::init();
        assert!(damaged.notices.get_untracked().iter().any(|n| matches!(
            n,
            Notice::Damaged {
                kept_as: Some(_),
                ..
            }
        )));
        let kept = damaged.kept_aside.get_untracked();
        assert_eq!(kept.len(), 1);
        assert_eq!(storage::read(&kept[0].key).as_deref(), Some(cut.as_str()));
    });
    local().clear().unwrap();
}

/// `n` characters of noise (deterministic), which DEFLATE cannot shrink much.
fn noise(n: usize) -> String {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            char::from_u32(0x4E00 + (x % 0x5000) as u32).unwrap_or('x')
        })
        .collect()
}

async fn sleep(ms: i32) {
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |ok, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&ok, ms);
    }))
    .await;
}

/// Store `db` as this version stores it (every collection's keys, the schema key).
fn store_as_the_app_does(db: &Db) {
    storage::write("rebound.schema", "3").unwrap();
    for c in Collection::all() {
        for (key, text) in db.stored_texts(c).unwrap() {
            storage::write_packed_from(&key, &text, c.pack_from()).unwrap();
        }
    }
}

/// The keys whose stored text differs between two readings (added or removed ones too).
fn changed_keys(
    before: &BTreeMap<String, String>,
    after: &BTreeMap<String, String>,
) -> Vec<String> {
    let keys: std::collections::BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    keys.into_iter()
        .filter(|k| before.get(*k) != after.get(*k))
        .cloned()
        .collect()
}

#[wasm_bindgen_test]
async fn one_rating_writes_only_its_months_chunk() {
    local().clear().unwrap();
    let now = js_sys::Date::now() as i64;
    const DAY: i64 = 86_400_000;
    // Ratings over the months before this one, stored one key a month.
    let q = "s-behavioural-01";
    let db = Db {
        reviews: [200, 150, 100, 70, 40]
            .iter()
            .map(|d| ReviewEntry::new(q.into(), now - d * DAY, Grade::Good))
            .collect(),
        ..Db::default()
    };
    store_as_the_app_does(&db);
    let owner = Owner::new();
    let state = owner.with(AppState::init);
    sleep(50).await;
    assert_eq!(state.reviews.get_untracked().len(), 5, "every chunk loads");
    let before = storage::read_prefixed_raw("rebound.").unwrap();
    owner.with(|| {
        state.rate(q, Grade::Good, None);
        state.flush();
    });
    let after = storage::read_prefixed_raw("rebound.").unwrap();
    let rated_at = state.reviews.get_untracked()[5].at;
    let chunk = Collection::Reviews.chunk_key(&collections::month_of(rated_at));
    let log_keys: Vec<String> = changed_keys(&before, &after)
        .into_iter()
        .filter(|k| Collection::from_key(k) == Some(Collection::Reviews))
        .collect();
    assert_eq!(
        log_keys,
        std::slice::from_ref(&chunk),
        "only this month's chunk is written"
    );
    assert!(storage::read(&chunk).unwrap().contains(q));
    assert_eq!(storage::read("rebound.reviews"), None, "no one-key log");
    // Undone: the same chunk alone is written again, without the rating.
    let before = after;
    owner.with(|| {
        assert!(state.undo_rating());
        state.flush();
    });
    let after = storage::read_prefixed_raw("rebound.").unwrap();
    let log_keys: Vec<String> = changed_keys(&before, &after)
        .into_iter()
        .filter(|k| Collection::from_key(k) == Some(Collection::Reviews))
        .collect();
    assert_eq!(log_keys, [chunk]);
    assert_eq!(
        owner.with(AppState::init).reviews.get_untracked(),
        *db.reviews,
        "what is stored is the log as it was"
    );
    local().clear().unwrap();
}

const V2_FUTURE: &str = include_str!("fixtures/storage-v2-future.json");

fn seed_v2() {
    let store: BTreeMap<String, String> = serde_json::from_str(V2_FUTURE).unwrap();
    for (key, value) in &store {
        local().set_item(key, value).unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_v2_store_moves_its_log_into_chunks() {
    local().clear().unwrap();
    seed_v2();
    let owner = Owner::new();
    let state = owner.with(AppState::init);
    sleep(300).await;
    assert_eq!(storage::read("rebound.schema").as_deref(), Some("3"));
    assert_eq!(
        storage::read("rebound.reviews"),
        None,
        "the one-key log is gone"
    );
    let chunks: Vec<String> = storage::keys_prefixed("rebound.reviews.");
    assert_eq!(chunks, ["rebound.reviews.2025-11"]);
    let chunk = storage::read(&chunks[0]).unwrap();
    assert!(
        chunk.contains("\"device\":\"phone\""),
        "kept whole: {chunk}"
    );
    assert_eq!(state.reviews.get_untracked().len(), 3);
    assert!(state.notices.get_untracked().is_empty());
    let again = owner.with(AppState::init);
    assert_eq!(again.reviews.get_untracked(), state.reviews.get_untracked());
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn without_room_the_migration_says_so_and_changes_nothing() {
    local().clear().unwrap();
    seed_v2();
    let before = storage::read_prefixed_raw("rebound.").unwrap();
    let fillers = fill_quota();
    let owner = Owner::new();
    let state = owner.with(AppState::init);
    sleep(300).await;
    assert!(
        state
            .notices
            .get_untracked()
            .iter()
            .any(|n| matches!(n, Notice::NoRoom { .. })),
        "{:?}",
        state.notices.get_untracked()
    );
    assert_eq!(
        state.reviews.get_untracked().len(),
        3,
        "everything is shown"
    );
    owner.with(|| {
        state.edit_settings(|s| s.nudge_threshold = 6);
        state.flush();
    });
    unfill(&fillers);
    sleep(400).await;
    assert_eq!(
        storage::read_prefixed_raw("rebound.").unwrap(),
        before,
        "nothing stored was changed"
    );
    assert!(
        state.unsaved_as_backup().is_some(),
        "the edit is offered to copy"
    );
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_damaged_chunk_is_kept_aside_by_itself_and_the_other_months_load() {
    local().clear().unwrap();
    const DAY: i64 = 86_400_000;
    let now = js_sys::Date::now() as i64;
    let db = Db {
        reviews: [120, 60]
            .iter()
            .map(|d| ReviewEntry::new("s-behavioural-01".into(), now - d * DAY, Grade::Good))
            .collect(),
        ..Db::default()
    };
    store_as_the_app_does(&db);
    let damaged_month = collections::month_of(db.reviews[1].at);
    let damaged_key = Collection::Reviews.chunk_key(&damaged_month);
    local()
        .set_item(&damaged_key, "[[\"s-behavioural-01\",")
        .unwrap();
    let owner = Owner::new();
    let state = owner.with(AppState::init);
    sleep(50).await;
    assert_eq!(
        state.reviews.get_untracked(),
        db.reviews[..1],
        "the other month loads"
    );
    let notices = state.notices.get_untracked();
    assert!(
        notices.iter().any(|n| matches!(
            n,
            Notice::Damaged { reason, kept_as: Some(_), .. } if reason.contains(&damaged_month)
        )),
        "said, with its month: {notices:?}"
    );
    let kept = state.kept_aside.get_untracked();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].collection, format!("reviews.{damaged_month}"));
    assert_eq!(
        storage::read(&kept[0].key).as_deref(),
        Some("[[\"s-behavioural-01\","),
        "kept byte for byte"
    );
    local().clear().unwrap();
}

/// Start-up leaves the review log unread (`state::preload_read`); a damaged chunk found when
/// it is read late is kept aside, byte for byte, before a rating writes that month again, and
/// the user is told, as at start-up.
#[wasm_bindgen_test]
async fn a_damaged_chunk_read_after_start_up_is_kept_aside_before_its_month_is_written() {
    local().clear().unwrap();
    const DAY: i64 = 86_400_000;
    let now = js_sys::Date::now() as i64;
    let db = Db {
        reviews: [now - 120 * DAY, now - 1_000]
            .iter()
            .map(|at| ReviewEntry::new("s-behavioural-01".into(), *at, Grade::Good))
            .collect(),
        ..Db::default()
    };
    store_as_the_app_does(&db);
    let month = collections::month_of(now);
    let key = Collection::Reviews.chunk_key(&month);
    local().set_item(&key, "[[\"s-behavioural-01\",").unwrap();
    let other = Collection::Reviews.chunk_key(&collections::month_of(now - 120 * DAY));
    let other_before = local().get_item(&other).unwrap();
    let owner = Owner::new();
    let state = owner.with(|| {
        rebound::state::preload_read();
        rebound::state::preload_parse();
        AppState::init()
    });
    assert!(
        state.kept_aside.get_untracked().is_empty(),
        "the log is not read yet"
    );
    owner.with(|| {
        state.rate("s-behavioural-01", Grade::Good, None);
        state.flush();
    });
    sleep(50).await;
    let kept = state.kept_aside.get_untracked();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(
        storage::read(&kept[0].key).as_deref(),
        Some("[[\"s-behavioural-01\","),
        "kept byte for byte"
    );
    assert!(state.notices.get_untracked().iter().any(|n| matches!(
        n,
        Notice::Damaged { reason, kept_as: Some(_), .. } if reason.contains(&month)
    )));
    let log = state.reviews.get_untracked();
    assert_eq!(log.len(), 2, "the other month and the new rating: {log:?}");
    assert_eq!(log[0], db.reviews[0]);
    let stored = storage::read(&key).unwrap_or_default();
    assert!(stored.contains(&log[1].at.to_string()), "{stored}");
    assert_eq!(local().get_item(&other).unwrap(), other_before);
    local().clear().unwrap();
}

/// A backup's data: `months` months of ratings (three a month) and `n` interviews.
fn backup_data(months: i64, n: usize, from: i64) -> Db {
    const DAY: i64 = 86_400_000;
    Db {
        interviews: (0..n)
            .map(|i| Interview {
                id: format!("b{i}"),
                company: format!("Backup Co {i}"),
                updated: from + i as i64,
                ..Interview::default()
            })
            .collect(),
        reviews: (0..months * 3)
            .map(|k| ReviewEntry::new(format!("q{}", k % 4), from + k * 10 * DAY, Grade::Good))
            .collect(),
        ..Db::default()
    }
}

/// What is stored, read back as the app reads it at start-up.
fn stored_db() -> Db {
    let stored = storage::read_prefixed("rebound.").unwrap();
    rebound::core::schema::load(&stored).db
}

#[wasm_bindgen_test]
async fn an_import_saved_in_parts_stores_what_a_whole_save_stores() {
    local().clear().unwrap();
    // On this device: ratings in months the backup does not have, and one interview.
    let current = backup_data(4, 1, 1_500_000_000_000);
    store_as_the_app_does(&current);
    let owner = Owner::new();
    let state = owner.with(AppState::init);
    sleep(50).await;
    // The data, less the device's own notes (when the last change was made).
    let data = || {
        let mut all = storage::read_prefixed_raw("rebound.").unwrap();
        all.remove("rebound.device");
        all
    };
    let before = data();
    // Replace everything with a backup of 30 months of ratings: saved in idle slices.
    let backup = backup_data(30, 120, 1_700_000_000_000);
    owner.with(|| state.apply_import_in_parts(backup.clone()));
    assert_eq!(
        data(),
        before,
        "no data is written in the task that applies the import"
    );
    for _ in 0..40 {
        if !state.has_unsaved() {
            break;
        }
        sleep(100).await;
    }
    assert!(!state.has_unsaved(), "every part is written");
    let mut expected = backup.clone();
    expected.settings = expected.settings.clamped();
    assert_eq!(stored_db(), expected, "what is stored is the backup, whole");
    let months: std::collections::BTreeSet<String> = collections::chunks(&backup.reviews)
        .into_iter()
        .map(|(m, _)| Collection::Reviews.chunk_key(&m))
        .collect();
    assert_eq!(
        storage::keys_prefixed("rebound.reviews.")
            .into_iter()
            .collect::<std::collections::BTreeSet<_>>(),
        months,
        "the months only this device had are removed"
    );
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_page_hidden_while_an_import_is_saved_writes_the_rest_at_once() {
    local().clear().unwrap();
    let owner = Owner::new();
    let state = owner.with(AppState::init);
    let backup = backup_data(30, 120, 1_700_000_000_000);
    owner.with(|| state.apply_import_in_parts(backup.clone()));
    sleep(20).await;
    // The page is hidden (pagehide, visibilitychange): everything left is written now.
    owner.with(|| state.flush());
    assert!(!state.has_unsaved());
    let mut expected = backup.clone();
    expected.settings = expected.settings.clamped();
    assert_eq!(stored_db(), expected);
    // The slices still under way find nothing left, and change nothing.
    let after = storage::read_prefixed_raw("rebound.").unwrap();
    sleep(1000).await;
    assert_eq!(storage::read_prefixed_raw("rebound.").unwrap(), after);
    local().clear().unwrap();
}

/// Start-up reads, then parses, in tasks of their own before the app mounts
/// (`state::preload_read`, `preload_parse`); what they preloaded is what the app starts from,
/// and when another tab wrote in between, start-up drops it and reads again: nothing is missed.
#[wasm_bindgen_test]
fn start_up_in_tasks_starts_from_what_it_read_and_reads_again_after_another_tabs_write() {
    local().clear().unwrap();
    let one = |company: &str| {
        serde_json::to_string(&vec![Interview {
            id: "i1".into(),
            company: company.into(),
            ..Interview::default()
        }])
        .unwrap()
    };
    storage::write("rebound.interviews", &one("Before Co")).unwrap();
    let company = |state: AppState| state.interviews.with_untracked(|l| l[0].company.clone());
    let owner = Owner::new();
    owner.with(|| {
        rebound::state::preload_read();
        rebound::state::preload_parse();
        assert_eq!(company(AppState::init()), "Before Co");

        rebound::state::preload_read();
        rebound::state::preload_parse();
        // Another tab writes before the app mounts; start-up heard it.
        storage::write("rebound.interviews", &one("Other Tab Co")).unwrap();
        rebound::state::discard_preloaded();
        assert_eq!(company(AppState::init()), "Other Tab Co");
    });
    local().clear().unwrap();
}

/// Every start-up step (`state::PRELOAD_STEPS`: the questions unpacked and parsed in steps of
/// their own) gives the app what one load gives, packed values and all, in this schema and in
/// an older one (where everything goes through the migrations together).
#[wasm_bindgen_test]
fn start_up_steps_load_what_one_load_loads() {
    use rebound::core::questions::{Answer, Question};
    const DAY: i64 = 86_400_000;
    let now = js_sys::Date::now() as i64;
    let db = Db {
        interviews: vec![Interview {
            id: "i1".into(),
            company: "Steps Co".into(),
            ..Interview::default()
        }],
        // Large enough to be stored packed.
        questions: (0..300)
            .map(|n| Question {
                id: format!("own-{n}"),
                text: format!("Question {n}: tell me about a time you led a change."),
                answer: Answer {
                    text: "I listened first, then wrote down what we agreed. ".repeat(3),
                    ..Answer::default()
                },
                ..Question::default()
            })
            .collect(),
        reviews: [now - 40 * DAY, now - DAY]
            .iter()
            .map(|at| ReviewEntry::new("own-1".into(), *at, Grade::Good))
            .collect(),
        ..Db::default()
    };
    for schema in ["3", "2"] {
        local().clear().unwrap();
        store_as_the_app_does(&db);
        storage::write("rebound.schema", schema).unwrap();
        assert!(
            local()
                .get_item("rebound.questions")
                .unwrap()
                .is_some_and(|v| !v.starts_with('[')),
            "stored packed"
        );
        let owner = Owner::new();
        let state = owner.with(|| {
            for step in rebound::state::PRELOAD_STEPS {
                step();
            }
            AppState::init()
        });
        assert_eq!(state.snapshot(), db, "schema {schema}");
        assert!(state.notices.get_untracked().is_empty(), "schema {schema}");
    }
    local().clear().unwrap();
}
