//! The one module that touches localStorage. It moves strings in and out and says precisely how
//! a write failed; it knows nothing of the data model (that is `core::schema`'s job). Large
//! values are packed on the way in and unpacked on the way out (`core::packing`), so everything
//! above this module sees plain JSON.
//!
//! With the passphrase lock open (see [`set_vault`]), the collections' values are encrypted on
//! the way in (`core::lock`: compressed, then sealed by `crypto`, stored under their sealed keys):
//! a write returns at once and completes a moment later, in order for each key (a newer write is
//! never overwritten by an older one finishing late). [`open_all`] reads them back at unlock.

use std::collections::BTreeMap;

use gloo_storage::{LocalStorage, Storage};

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::core::lock::{self, LockInfo, LOCK_KEY};
use crate::core::packing;
use crate::crypto::{self, CryptoError, Key};
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
    read_prefixed_unpacking(prefix, |_| true)
}

/// [`read_prefixed`], except that only the values whose key `unpack` accepts are unpacked; the
/// others come back exactly as stored.
pub fn read_prefixed_unpacking(
    prefix: &str,
    unpack: impl Fn(&str) -> bool,
) -> Result<BTreeMap<String, String>, WriteError> {
    let mut all = read_prefixed_raw(prefix)?;
    for (key, value) in all.iter_mut() {
        if unpack(key) {
            *value = packing::unpack_or_keep(std::mem::take(value));
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
    packing::unpack_or_keep(stored)
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
    if let Some(vault) = vault().filter(|_| lock::sealable(key)) {
        seal_later(vault, key, lock::inner(value, from_bytes));
        return Ok(());
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
    if let Some(vault) = vault().filter(|_| lock::sealable(prefix.trim_end_matches('.'))) {
        let sealed = lock::sealed_key(vault.generation, prefix);
        return keys_prefixed_raw(&sealed)
            .iter()
            .filter_map(|k| lock::unsealed_key(k).map(|(_, plain)| plain))
            .collect();
    }
    keys_prefixed_raw(prefix)
}

fn keys_prefixed_raw(prefix: &str) -> Vec<String> {
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
    if !available() {
        return;
    }
    match vault().filter(|_| lock::sealable(key)) {
        Some(vault) => {
            let sealed = lock::sealed_key(vault.generation, key);
            next_write(&sealed);
            LocalStorage::delete(&sealed);
        }
        None => LocalStorage::delete(key),
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

// ----- the passphrase lock -----

/// The key that encrypts the collections, while the lock is open.
pub struct Vault {
    pub key: Key,
    pub generation: u32,
}

/// A write that failed after it had returned (an encrypted one): the plain key and why.
pub type LateFailure = Rc<dyn Fn(&str, WriteError)>;

thread_local! {
    static VAULT: RefCell<Option<Rc<Vault>>> = const { RefCell::new(None) };
    /// The latest write to each encrypted key: an earlier one finishing later is dropped.
    static LATEST: RefCell<BTreeMap<String, u64>> = const { RefCell::new(BTreeMap::new()) };
    static COUNTER: Cell<u64> = const { Cell::new(0) };
    static PENDING: Cell<u32> = const { Cell::new(0) };
    static ON_LATE_FAILURE: RefCell<Option<LateFailure>> = const { RefCell::new(None) };
}

/// Open the lock for this session (`None`: forget the key; values are then written plain).
pub fn set_vault(vault: Option<Vault>) {
    VAULT.with(|v| *v.borrow_mut() = vault.map(Rc::new));
}

fn vault() -> Option<Rc<Vault>> {
    VAULT.with(|v| v.borrow().clone())
}

/// Whether the lock is open in this tab (values are written encrypted).
pub fn vault_generation() -> Option<u32> {
    vault().map(|v| v.generation)
}

/// The key of the open lock, if it is of `generation`.
pub fn vault_key(generation: u32) -> Option<Key> {
    vault()
        .filter(|v| v.generation == generation)
        .map(|v| v.key.clone())
}

/// Who hears of an encrypted write that failed after it returned.
pub fn on_late_failure(f: Option<LateFailure>) {
    ON_LATE_FAILURE.with(|h| *h.borrow_mut() = f);
}

fn next_write(sealed_key: &str) -> u64 {
    let n = COUNTER.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    LATEST.with(|l| l.borrow_mut().insert(sealed_key.to_string(), n));
    n
}

fn seal_later(vault: Rc<Vault>, key: &str, inner: Vec<u8>) {
    let sealed_key = lock::sealed_key(vault.generation, key);
    let n = next_write(&sealed_key);
    let key = key.to_string();
    PENDING.with(|p| p.set(p.get() + 1));
    // App lifetime: a save must complete whatever screen is shown (and after locking).
    wasm_bindgen_futures::spawn_local(async move {
        let sealed = crypto::seal_bytes(&vault.key, &inner).await;
        PENDING.with(|p| p.set(p.get().saturating_sub(1)));
        if LATEST.with(|l| l.borrow().get(&sealed_key) != Some(&n)) {
            return; // a newer write of this key was made meanwhile
        }
        let result = match sealed {
            Ok(text) => write_raw(&sealed_key, &text),
            Err(e) => Err(WriteError::Other(e.to_string())),
        };
        if let Err(e) = result {
            if let Some(hook) = ON_LATE_FAILURE.with(|h| h.borrow().clone()) {
                hook(&key, e);
            }
        }
    });
}

/// Store `value` under `key` exactly as given (no packing, no encryption).
pub fn write_raw(key: &str, value: &str) -> Result<(), WriteError> {
    if !available() {
        return Err(WriteError::Unavailable);
    }
    LocalStorage::raw()
        .set_item(key, value)
        .map_err(|e| describe(&e))
}

/// The text stored under `key` exactly as it is (not unpacked, not decrypted).
pub fn read_raw(key: &str) -> Option<String> {
    available()
        .then(|| LocalStorage::raw().get_item(key).ok().flatten())
        .flatten()
}

/// Remove `key` exactly as named (never mapped to its encrypted key).
pub fn remove_raw(key: &str) {
    if available() {
        LocalStorage::delete(key);
    }
}

/// Wait until every encrypted write made so far is in storage.
pub async fn settled() {
    while PENDING.with(|p| p.get()) > 0 {
        tick().await;
    }
}

/// How long [`open_all`] works before it lets the page draw and answer (ms).
const SLICE_MS: i64 = 30;

/// A moment (a timer's turn).
pub async fn tick() {
    wait(10).await;
}

/// The next task: lets the page draw and answer before going on.
pub async fn next_task() {
    wait(0).await;
}

/// A timer's turn after `ms` (0: the next task).
async fn wait(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The lock key, if the lock is on: `Some(None)` when it is there but does not read.
pub fn lock_info() -> Option<Option<LockInfo>> {
    let text = available()
        .then(|| LocalStorage::raw().get_item(LOCK_KEY).ok().flatten())
        .flatten()?;
    Some(LockInfo::read(&text))
}

/// What the stored data reads as with the lock opened by `key`.
#[derive(Default)]
pub struct Opened {
    /// Every key under `rebound.` as the app reads it (encrypted ones under their plain keys).
    pub values: BTreeMap<String, String>,
    /// Every encrypted value as stored, by plain key (what is kept aside if it does not load).
    pub sealed: BTreeMap<String, String>,
    /// Why an encrypted value did not open, by plain key.
    pub failed: BTreeMap<String, String>,
}

/// Read everything stored, opening the encrypted values of `generation` with `key`. A value
/// that does not open is read as its stored text (so it loads as damaged and is kept aside
/// exactly as it was). The other form, if a change of lock was cut off, is removed.
pub async fn open_all(key: &Key, generation: u32) -> Result<Opened, WriteError> {
    let all = read_prefixed_raw(crate::core::collections::KEY_PREFIX)?;
    let info = lock_info().flatten();
    for k in lock::leftovers(all.keys(), info.as_ref()) {
        LocalStorage::delete(&k);
    }
    let mut out = Opened::default();
    let mut slice = crate::platform::now_ms();
    for (k, stored) in all {
        match lock::unsealed_key(&k) {
            Some((g, plain)) if g == generation => {
                // Opening everything is long on a slow phone: a task of its own every 30 ms,
                // so the page can draw and answer meanwhile.
                if crate::platform::now_ms() - slice > SLICE_MS {
                    wait(0).await;
                    slice = crate::platform::now_ms();
                }
                let opened = crypto::open_bytes(key, &stored)
                    .await
                    .map_err(|e| match e {
                        CryptoError::DoesNotOpen => {
                            "it does not open with this passphrase: it was changed or damaged since it was written".to_string()
                        }
                        e => e.to_string(),
                    })
                    .and_then(|bytes| lock::outer(&bytes));
                match opened {
                    Ok(text) => {
                        out.values.insert(plain.clone(), text);
                    }
                    Err(why) => {
                        out.values.insert(plain.clone(), stored.clone());
                        out.failed.insert(plain.clone(), why);
                    }
                }
                out.sealed.insert(plain, stored);
            }
            Some(_) => {}
            None if lock::sealable(&k) => {}
            None => {
                out.values.insert(k, unpacked(stored));
            }
        }
    }
    Ok(out)
}
