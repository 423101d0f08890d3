//! The one module that touches localStorage. It moves strings in and out and says precisely how
//! a write failed; it knows nothing of the data model (that is `core::schema`'s job). Large
//! values are packed on the way in and unpacked on the way out (`core::packing`), so everything
//! above this module sees plain JSON.

use std::collections::BTreeMap;

use gloo_storage::{LocalStorage, Storage};

use crate::core::packing;
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

/// Every stored key that starts with `prefix`, with its text as the app reads it: large values
/// are stored packed (see `core::packing`) and come back unpacked. A packed value that does not
/// unpack comes back exactly as stored, so loading reports it as damaged and keeps it aside.
pub fn read_prefixed(prefix: &str) -> Result<BTreeMap<String, String>, WriteError> {
    let mut all = read_prefixed_raw(prefix)?;
    for value in all.values_mut() {
        if let Ok(std::borrow::Cow::Owned(text)) = packing::unpack(value) {
            *value = text;
        }
    }
    Ok(all)
}

/// Every stored key that starts with `prefix`, with its exact stored text (packed or not).
pub fn read_prefixed_raw(prefix: &str) -> Result<BTreeMap<String, String>, WriteError> {
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

/// The text stored under `key`, if any, unpacked as in [`read_prefixed`].
pub fn read(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    let stored = LocalStorage::raw().get_item(key).ok().flatten()?;
    Some(unpacked(stored))
}

/// A value as stored (by this tab or another) made readable: unpacked if it is packed and
/// unpacks, else exactly as it was.
pub fn unpacked(stored: String) -> String {
    match packing::unpack(&stored) {
        Ok(std::borrow::Cow::Owned(text)) => text,
        _ => stored,
    }
}

/// Store `value` under `key`, packed if it is large (see `core::packing`). On failure the old
/// value is still there.
pub fn write(key: &str, value: &str) -> Result<(), WriteError> {
    write_packed_from(key, value, packing::PACK_FROM_BYTES)
}

/// [`write`], packing from `from_bytes` bytes on.
pub fn write_packed_from(key: &str, value: &str, from_bytes: usize) -> Result<(), WriteError> {
    if !available() {
        return Err(WriteError::Unavailable);
    }
    LocalStorage::raw()
        .set_item(key, &packing::pack_from(value, from_bytes))
        .map_err(|e| describe(&e))
}

/// Every stored key that starts with `prefix` (values not read).
pub fn keys_prefixed(prefix: &str) -> Vec<String> {
    if !available() {
        return Vec::new();
    }
    let storage = LocalStorage::raw();
    let len = storage.length().unwrap_or(0);
    (0..len)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect()
}

/// Whether localStorage has room for `bytes` more bytes (as browsers count them): probed by
/// storing that much under a key of its own and removing it at once.
pub fn has_room(bytes: usize) -> bool {
    const PROBE: &str = "rebound-room-probe";
    if !available() {
        return false;
    }
    let filler = "x".repeat(bytes.div_ceil(2));
    let storage = LocalStorage::raw();
    let fits = storage.set_item(PROBE, &filler).is_ok();
    let _ = storage.remove_item(PROBE);
    fits
}

/// Remove `key` (nothing happens if it is not there).
pub fn remove(key: &str) {
    if available() {
        LocalStorage::delete(key);
    }
}

/// Bytes a stored key and its value take, as browsers count them (UTF-16 code units, two bytes
/// each).
pub fn stored_bytes(key: &str, value: &str) -> usize {
    2 * (key.encode_utf16().count() + value.encode_utf16().count())
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
