//! Tier 2: the storage module and the app state against the real localStorage of headless
//! Chromium: round trips, a full quota, a damaged stored value.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use rebound::core::model::Interview;
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
        assert_eq!(storage::read("rebound.schema").as_deref(), Some("2"));
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
