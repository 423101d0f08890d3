//! The one module that touches localStorage. It moves strings in and out and says precisely how
//! a write failed; it knows nothing of the data model (that is `core::schema`'s job).

use std::collections::BTreeMap;

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

/// Why a write did not happen. The value already stored under that key is unchanged.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum WriteError {
    /// The browser's storage for this site is full (`QuotaExceededError`).
    QuotaFull,
    /// The browser does not let this page use localStorage at all.
    Unavailable,
    Other(String),
}

/// Whether localStorage can be used here. Checked before every access, because gloo's
/// `LocalStorage::raw()` panics when it cannot be had (some private modes, blocked cookies).
pub fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

/// Every stored key that starts with `prefix`, with its exact text.
pub fn read_prefixed(prefix: &str) -> Result<BTreeMap<String, String>, WriteError> {
    if !available() {
        return Err(WriteError::Unavailable);
    }
    let storage = LocalStorage::raw();
    let len = storage.length().map_err(|e| describe(&e))?;
    let mut out = BTreeMap::new();
    for index in 0..len {
        let Ok(Some(key)) = storage.key(index) else {
            continue;
        };
        if key.starts_with(prefix) {
            if let Ok(Some(value)) = storage.get_item(&key) {
                out.insert(key, value);
            }
        }
    }
    Ok(out)
}

/// The exact text stored under `key`, if any.
pub fn read(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Store `value` under `key`. On failure the old value is still there.
pub fn write(key: &str, value: &str) -> Result<(), WriteError> {
    if !available() {
        return Err(WriteError::Unavailable);
    }
    LocalStorage::raw()
        .set_item(key, value)
        .map_err(|e| describe(&e))
}

/// Remove `key` (nothing happens if it is not there).
pub fn remove(key: &str) {
    if available() {
        LocalStorage::delete(key);
    }
}

/// Bytes the stored strings take, as browsers count them (UTF-16 code units, two bytes each).
pub fn used_bytes(entries: &BTreeMap<String, String>) -> usize {
    entries
        .iter()
        .map(|(k, v)| 2 * (k.encode_utf16().count() + v.encode_utf16().count()))
        .sum()
}

fn describe(error: &wasm_bindgen::JsValue) -> WriteError {
    if let Some(e) = error.dyn_ref::<web_sys::DomException>() {
        // Chromium and Safari say QuotaExceededError (code 22); old Firefox says
        // NS_ERROR_DOM_QUOTA_REACHED (code 1014).
        let name = e.name();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || e.code() == 22 {
            return WriteError::QuotaFull;
        }
        return WriteError::Other(format!("{name}: {}", e.message()));
    }
    WriteError::Other(format!("{error:?}"))
}
