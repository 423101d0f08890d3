//! Tier 2: the passphrase lock with the app state, against headless Chromium's WebCrypto and
//! localStorage: a change of passphrase (or turning the lock off) stopped half-way still opens
//! with one of the passphrases and loses nothing, and a changed byte of a stored value is kept
//! aside with a clear message. Needs the `test-hooks` feature (the fault hook).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use rebound::core::collections::{self, Collection, Db};
use rebound::core::lock::{self as lock_format, LockInfo, LOCK_KEY};
use rebound::core::model::Interview;
use rebound::core::practice::{Grade, ReviewEntry};
use rebound::core::schema;
use rebound::state::{self, stop_next_change_after, AppState, Notice, WRONG_PASSPHRASE};
use rebound::storage;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FIRST: &str = "tram at seven, rain";
const SECOND: &str = "a long walk by the river";

fn local() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage in the test browser")
}

fn companies(values: &std::collections::BTreeMap<String, String>) -> Vec<String> {
    let mut out: Vec<String> = schema::load(values)
        .db
        .interviews
        .iter()
        .map(|i| i.company.clone())
        .collect();
    out.sort();
    out
}

/// The stored lock key.
fn info() -> LockInfo {
    state::stored_lock().flatten().expect("the lock key reads")
}

/// A state with two interviews and the lock on with [`FIRST`].
async fn locked_state(owner: &Owner) -> AppState {
    local().clear().unwrap();
    storage::set_vault(None);
    let state = owner.with(AppState::init);
    for company in ["Kept Co", "Also Kept Co"] {
        state.add_interview(Interview {
            company: company.into(),
            ..Interview::default()
        });
    }
    state.flush();
    assert_eq!(state.set_passphrase(Some(FIRST.into())).await, Ok(()));
    assert!(state.lock_on());
    state
}

/// Forget the key, as a reload does, and open with `pass`: the companies stored.
async fn reopen(pass: &str) -> Result<Vec<String>, String> {
    storage::set_vault(None);
    state::unlock(pass.into(), info())
        .await
        .map(|unlocked| companies(&unlocked.opened.values))
}

#[wasm_bindgen_test]
async fn a_change_of_passphrase_stopped_half_way_opens_with_the_old_one() {
    for stop_after in 0..3 {
        let owner = Owner::new();
        let state = locked_state(&owner).await;
        stop_next_change_after(Some(stop_after));
        assert!(state.set_passphrase(Some(SECOND.into())).await.is_err());
        stop_next_change_after(None);
        assert_eq!(reopen(SECOND).await, Err(WRONG_PASSPHRASE.to_string()));
        assert_eq!(
            reopen(FIRST).await,
            Ok(vec!["Also Kept Co".to_string(), "Kept Co".to_string()]),
            "stopped after {stop_after} writes"
        );
        // What the stopped change wrote is gone once opened.
        let keys: Vec<String> = (0..local().length().unwrap())
            .filter_map(|i| local().key(i).ok().flatten())
            .collect();
        assert!(
            !keys.iter().any(|k| k.starts_with("rebound.sealed.2.")),
            "{keys:?}"
        );
    }
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_change_of_passphrase_completed_opens_with_the_new_one_only() {
    let owner = Owner::new();
    let state = locked_state(&owner).await;
    assert_eq!(state.set_passphrase(Some(SECOND.into())).await, Ok(()));
    assert_eq!(reopen(FIRST).await, Err(WRONG_PASSPHRASE.to_string()));
    assert_eq!(
        reopen(SECOND).await,
        Ok(vec!["Also Kept Co".to_string(), "Kept Co".to_string()])
    );
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn turning_the_lock_off_stopped_half_way_still_opens_and_loses_nothing() {
    let owner = Owner::new();
    let state = locked_state(&owner).await;
    stop_next_change_after(Some(1));
    assert!(state.set_passphrase(None).await.is_err());
    stop_next_change_after(None);
    assert!(local().get_item(LOCK_KEY).unwrap().is_some());
    assert_eq!(
        reopen(FIRST).await,
        Ok(vec!["Also Kept Co".to_string(), "Kept Co".to_string()])
    );
    // The plain value the stopped change wrote is removed, not read.
    assert_eq!(local().get_item("rebound.interviews").unwrap(), None);

    // Completed: everything is plain again, and the lock key and encrypted values are gone.
    assert_eq!(state.set_passphrase(None).await, Ok(()));
    assert!(!state.lock_on());
    assert_eq!(local().get_item(LOCK_KEY).unwrap(), None);
    assert!(local()
        .get_item("rebound.interviews")
        .unwrap()
        .is_some_and(|v| v.contains("Also Kept Co")));
    assert_eq!(
        local().get_item("rebound.sealed.1.interviews").unwrap(),
        None
    );
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_changed_byte_is_kept_aside_as_stored_with_a_clear_message() {
    let owner = Owner::new();
    let _state = locked_state(&owner).await;
    storage::settled().await;
    let key = "rebound.sealed.1.interviews";
    let stored = local()
        .get_item(key)
        .unwrap()
        .expect("the encrypted interviews");
    // Change one character of the ciphertext (inside the base64 of `ct`).
    let at = stored.find("\"ct\":\"").unwrap() + 10;
    let mut bytes = stored.clone().into_bytes();
    bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(bytes).unwrap();
    local().set_item(key, &tampered).unwrap();

    storage::set_vault(None);
    let opened = state::unlock(FIRST.into(), info())
        .await
        .expect("the passphrase is right");
    assert!(opened.opened.failed["rebound.interviews"].contains("does not open"));
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::provide_opened(opened);
        let notices = state.notices.get_untracked();
        let damaged = notices
            .iter()
            .find_map(|n| match n {
                Notice::Damaged {
                    reason, kept_as, ..
                } => Some((reason.clone(), kept_as.clone())),
                _ => None,
            })
            .expect("a notice says what happened");
        assert!(damaged.0.contains("does not open"), "{}", damaged.0);
        let kept = damaged.1.expect("kept aside");
        assert_eq!(
            local().get_item(&kept).unwrap().as_deref(),
            Some(tampered.as_str())
        );
        assert!(state.interviews.get_untracked().is_empty());
    });
    local().clear().unwrap();
}

/// An unlock parses the review log a few months a task, yet reads it whole before the app
/// starts: a month that does not open is kept aside sealed, exactly as stored, and every other
/// month is in the log.
#[wasm_bindgen_test]
async fn a_month_of_the_log_that_does_not_open_is_kept_aside_sealed_and_the_rest_read() {
    local().clear().unwrap();
    storage::set_vault(None);
    const DAY: i64 = 86_400_000;
    const MONTHS: i64 = 15; // more months than an unlock parses a task
    let now = js_sys::Date::now() as i64;
    let db = Db {
        reviews: (0..MONTHS)
            .map(|m| ReviewEntry::new("s-behavioural-01".into(), now - m * 31 * DAY, Grade::Good))
            .collect(),
        ..Db::default()
    };
    // Stored as the app stores it (test setup).
    storage::write("rebound.schema", "3").unwrap();
    for c in Collection::all() {
        for (key, text) in db.stored_texts(c).unwrap() {
            storage::write_packed_from(&key, &text, c.pack_from()).unwrap();
        }
    }
    let owner = Owner::new();
    let state = owner.with(AppState::init);
    assert_eq!(state.set_passphrase(Some(FIRST.into())).await, Ok(()));
    storage::settled().await;
    let month = collections::month_of(now - 5 * 31 * DAY);
    let key = lock_format::sealed_key(1, &Collection::Reviews.chunk_key(&month));
    let stored = local()
        .get_item(&key)
        .unwrap()
        .expect("the month, encrypted");
    let at = stored.find("\"ct\":\"").unwrap() + 10;
    let mut bytes = stored.into_bytes();
    bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(bytes).unwrap();
    local().set_item(&key, &tampered).unwrap();

    storage::set_vault(None);
    let unlocked = state::unlock(FIRST.into(), info())
        .await
        .expect("the passphrase is right");
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::provide_opened(unlocked);
        let kept = state.kept_aside.get_untracked();
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert_eq!(
            local().get_item(&kept[0].key).unwrap().as_deref(),
            Some(tampered.as_str()),
            "kept aside sealed, byte for byte"
        );
        assert!(state.notices.get_untracked().iter().any(|n| matches!(
            n,
            Notice::Damaged { reason, kept_as: Some(_), .. } if reason.contains("does not open")
        )));
        let read: std::collections::BTreeSet<i64> =
            state.reviews.get_untracked().iter().map(|r| r.at).collect();
        let others: std::collections::BTreeSet<i64> = db
            .reviews
            .iter()
            .map(|r| r.at)
            .filter(|at| collections::month_of(*at) != month)
            .collect();
        assert_eq!(read, others, "every other month is read");
    });
    local().clear().unwrap();
}

/// Every key and value in localStorage, in key order.
fn everything() -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = (0..local().length().unwrap())
        .filter_map(|i| local().key(i).ok().flatten())
        .map(|k| {
            let v = local().get_item(&k).unwrap().unwrap_or_default();
            (k, v)
        })
        .collect();
    all.sort();
    all
}

#[wasm_bindgen_test]
async fn without_room_for_both_forms_nothing_changes_and_it_says_so() {
    local().clear().unwrap();
    storage::set_vault(None);
    let owner = Owner::new();
    let state = owner.with(AppState::init);
    state.add_interview(Interview {
        company: "Roomless Co".into(),
        ..Interview::default()
    });
    state.flush();
    // Fill the quota.
    let mut chunk = "x".repeat(1 << 20);
    let mut n = 0;
    while chunk.len() >= 16 {
        if local().set_item(&format!("filler-{n}"), &chunk).is_ok() {
            n += 1;
        } else {
            chunk.truncate(chunk.len() / 2);
        }
    }
    let before = everything();
    let said = state.set_passphrase(Some(FIRST.into())).await;
    let said = said.expect_err("there is no room");
    assert!(
        said.contains("free space") && said.contains("Nothing was changed"),
        "{said}"
    );
    assert_eq!(everything(), before, "storage is byte for byte as it was");
    assert!(!state.lock_on());
    local().clear().unwrap();
}
