//! What the passphrase lock costs with five years of data (`tests/bench/dataset.rs`), measured
//! in headless Chromium and printed: the bytes stored plain and encrypted, turning the lock on,
//! and unlocking (the key derivation, decrypting everything, and loading). It asserts only what
//! is stored; speed lives in `scripts/bench`. Not part of `scripts/test`; run it optimised,
//! alone:
//! `cargo test --offline --release --target wasm32-unknown-unknown --test wasm_lock_cost -- --nocapture`
#![cfg(target_arch = "wasm32")]

#[path = "bench/dataset.rs"]
#[allow(dead_code)]
mod dataset;

use leptos::prelude::*;

use rebound::state::{self, AppState};
use rebound::storage;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_default()
}

fn local() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

/// Bytes stored under `rebound.`, as browsers count them.
fn stored_bytes() -> usize {
    (0..local().length().unwrap())
        .filter_map(|i| local().key(i).ok().flatten())
        .filter(|k| k.starts_with("rebound."))
        .map(|k| storage::stored_bytes(&k, &local().get_item(&k).unwrap().unwrap_or_default()))
        .sum()
}

#[wasm_bindgen_test]
async fn what_the_lock_costs_with_five_years_of_data() {
    local().clear().unwrap();
    storage::set_vault(None);
    let db = dataset::build();
    for (key, value) in dataset::storage_entries(&db) {
        local().set_item(&key, &value).unwrap();
    }
    let plain = stored_bytes();
    let owner = Owner::new();
    let state = owner.with(AppState::init);
    let start = now();
    state
        .set_passphrase(Some("tram at seven, rain".into()))
        .await
        .expect("room for both forms");
    let turn_on = now() - start;
    let sealed = stored_bytes();

    storage::set_vault(None);
    let info = state::stored_lock().flatten().expect("the lock key");
    let start = now();
    let key = state::check_passphrase("tram at seven, rain".into(), &info)
        .await
        .expect("the passphrase");
    let derived = now() - start;
    let opened = state::open_everything(key, info.generation)
        .await
        .expect("opened");
    let decrypted = now() - start;
    let reviews = Owner::new().with(|| {
        let state = AppState::provide_opened(opened);
        state.reviews.get_untracked().len()
    });
    let loaded = now() - start;
    assert_eq!(reviews, db.reviews.len());
    web_sys::console::log_1(
        &format!(
            "stored: plain {plain} bytes, encrypted {sealed} bytes; turning the lock on {turn_on:.0} ms; \
             unlocking: key derived and checked {derived:.0} ms, everything decrypted {decrypted:.0} ms, \
             loaded {loaded:.0} ms"
        )
        .into(),
    );
    local().clear().unwrap();
}
