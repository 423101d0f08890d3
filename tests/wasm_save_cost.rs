//! What one save costs with five years of data (`tests/bench/dataset.rs`), measured with
//! `performance.now()` in headless Chromium and printed: a rating's save (its month's chunk of
//! the review log and the practice card), the save of the whole log as one key (what a rating
//! cost before schema 3), and one save of each other collection (what editing one of its
//! records costs). It asserts only what is stored; speed lives in `scripts/bench`. Not part of
//! `scripts/test`; run it optimised, alone:
//! `cargo test --offline --release --target wasm32-unknown-unknown --test wasm_save_cost -- --nocapture`
#![cfg(target_arch = "wasm32")]

#[path = "bench/dataset.rs"]
#[allow(dead_code)]
mod dataset;

use leptos::prelude::*;
use std::collections::BTreeMap;

use rebound::core::collections::{month_of, Collection};
use rebound::core::practice::Grade;
use rebound::core::schema::{self, SCHEMA_KEY, SCHEMA_VERSION};
use rebound::state::AppState;
use rebound::storage;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_default()
}

/// The median of `n` timings of `f`, in ms.
fn median(n: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..n)
        .map(|_| {
            let start = now();
            f();
            now() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[n / 2]
}

#[wasm_bindgen_test]
fn what_one_save_costs_with_five_years_of_data() {
    let local = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage");
    local.clear().unwrap();
    let db = dataset::build();
    for (key, value) in dataset::storage_entries(&db) {
        local.set_item(&key, &value).unwrap();
    }
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::init();
        assert_eq!(state.reviews.get_untracked().len(), db.reviews.len());
        let id = db.cards[0].id.clone();
        let rating = median(7, || {
            state.rate(&id, Grade::Good, None);
            state.flush();
        });
        let chunk = Collection::Reviews.chunk_key(&month_of(
            state
                .reviews
                .get_untracked()
                .last()
                .map(|e| e.at)
                .unwrap_or_default(),
        ));
        assert!(storage::read(&chunk).is_some_and(|t| t.contains(id.as_str())));
        let chunk_only = median(7, || {
            let text = state
                .with_db(|d| {
                    d.chunk_text(Collection::Reviews, &month_of(js_sys::Date::now() as i64))
                })
                .unwrap()
                .unwrap_or_default();
            storage::write_packed_from(&chunk, &text, Collection::Reviews.pack_from()).unwrap();
        });
        let whole_log = median(5, || {
            let text = state.with_db(|d| d.encode(Collection::Reviews)).unwrap();
            storage::write("rebound.bench-whole-log", &text).unwrap();
        });
        storage::remove("rebound.bench-whole-log");
        console_log!("a rating's save (its chunk of the log and its card): {rating:.1} ms");
        console_log!("  the log's chunk alone: {chunk_only:.1} ms");
        console_log!("  before schema 3, the whole log as one key: {whole_log:.1} ms");
        for c in Collection::all().filter(|c| !c.row().chunked) {
            let bytes = storage::read(&c.key()).map(|t| t.len()).unwrap_or_default();
            let ms = median(5, || {
                let text = state.with_db(|d| d.encode(c)).unwrap();
                storage::write(&c.key(), &text).unwrap();
            });
            console_log!(
                "one save of {}: {ms:.1} ms ({bytes} bytes of JSON)",
                c.name()
            );
        }
        // Start-up's reading of the log: its chunks, and the one key it was before schema 3.
        let db = state.snapshot();
        let chunked: BTreeMap<String, String> = Collection::all()
            .flat_map(|c| db.stored_texts(c).unwrap())
            .chain([(SCHEMA_KEY.to_string(), SCHEMA_VERSION.to_string())])
            .collect();
        let mut one_key: BTreeMap<String, String> = chunked
            .iter()
            .filter(|(k, _)| !k.starts_with("rebound.reviews."))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        one_key.insert(
            Collection::Reviews.key(),
            db.encode(Collection::Reviews).unwrap(),
        );
        let load_chunked = median(5, || assert!(schema::load(&chunked).problems.is_empty()));
        let load_one_key = median(5, || {
            let _ = schema::load(&one_key);
        });
        console_log!(
            "loading everything (unpacked text), the log in chunks: {load_chunked:.1} ms; \
             the log as one key: {load_one_key:.1} ms"
        );
    });
    local.clear().unwrap();
}
