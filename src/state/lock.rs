//! The passphrase lock in the app's state: opening it at start-up ([`unlock`]), and turning it
//! on, changing the passphrase or turning it off ([`AppState::set_passphrase`]), each
//! re-encrypting everything in a way that can be cut off at any instant: the complete new form
//! is written first, then one commit write to the lock key, then the old form is removed (see
//! `core::lock::stored`). Encrypted saving itself is `storage`'s (it returns at once and
//! completes a moment later); a write that fails late marks its collection unsaved again.

use std::rc::Rc;

use leptos::prelude::*;

use super::{AppState, Notice};
use crate::core::collections::{parse_key, Collection, KEY_PREFIX};
use crate::core::lock::{self, LockInfo, CHECK, LOCK_KEY};
use crate::core::packing;
use crate::core::schema;
use crate::crypto::{self, CryptoError};
use crate::platform;
use crate::storage::{self, Opened, Vault, WriteError};

/// What a wrong passphrase is told.
pub const WRONG_PASSPHRASE: &str =
    "That passphrase does not open Rebound. Check it and try again: capitals and spaces count.";

/// The lock key, if the lock is on (`Some(None)`: it is there but does not read).
pub fn stored_lock() -> Option<Option<LockInfo>> {
    storage::lock_info()
}

/// The key of `pass`, if it is the passphrase of the lock: checked against the lock key alone,
/// so a wrong passphrase opens nothing and reads nothing. Slow on purpose (the derivation).
pub async fn check_passphrase(pass: String, info: &LockInfo) -> Result<crypto::Key, String> {
    let params = info.params().ok_or_else(|| {
        "The lock's settings in this browser are damaged, so Rebound cannot open them here."
            .to_string()
    })?;
    platform::mark("rebound:derive");
    let key = crypto::derive(&pass, &params).await;
    platform::mark("rebound:derived");
    let key = key.map_err(|e| format!("Rebound could not unlock here: {e}."))?;
    match crypto::open(&key, &info.check).await {
        Ok(text) if text == CHECK => Ok(key),
        Ok(_) | Err(CryptoError::DoesNotOpen) => Err(WRONG_PASSPHRASE.to_string()),
        Err(e) => Err(format!("Rebound could not unlock here: {e}.")),
    }
}

/// What an unlock opened and parsed, for [`AppState::provide_opened`].
#[derive(Default)]
pub struct Unlocked {
    /// Every value as the app reads it, and the encrypted ones as stored.
    pub opened: Opened,
    /// What `opened` parses as, the review log whole.
    loaded: schema::Loaded,
}

/// Read and decrypt everything with the checked `key`, keep the key for saving, and parse it.
/// Parsing takes tasks of its own, so none is long on a phone: everything but the review log,
/// then the log a few months a task. The log is read whole before the app starts: a month that
/// does not read is then kept aside sealed, as it was stored, like any value at start-up.
pub async fn open_everything(key: crypto::Key, generation: u32) -> Result<Unlocked, String> {
    let opened = storage::open_all(&key, generation)
        .await
        .map_err(|_| "This browser does not let Rebound read its storage.".to_string())?;
    storage::set_vault(Some(Vault { key, generation }));
    storage::next_task().await;
    let mut loaded = schema::load_deferring_log(&opened.values, true);
    while loaded.db.reviews.is_unread() {
        storage::next_task().await;
        loaded
            .db
            .reviews
            .read_some(super::loading::LOG_CHUNKS_A_TASK);
    }
    let late = loaded.db.reviews.take_problems();
    loaded.problems.extend(late);
    Ok(Unlocked { opened, loaded })
}

/// Open the lock with `pass`: [`check_passphrase`], then [`open_everything`].
pub async fn unlock(pass: String, info: LockInfo) -> Result<Unlocked, String> {
    let key = check_passphrase(pass, &info).await?;
    open_everything(key, info.generation).await
}

#[cfg(feature = "test-hooks")]
thread_local! {
    static STOP_AFTER: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Tests only: stop the next change of lock after `writes` writes of the new form, as a closed
/// tab or a power cut would (nothing is cleaned up).
#[cfg(feature = "test-hooks")]
pub fn stop_next_change_after(writes: Option<usize>) {
    STOP_AFTER.with(|s| s.set(writes));
}

fn stop_here(written: usize) -> bool {
    #[cfg(feature = "test-hooks")]
    {
        STOP_AFTER.with(|s| s.get() == Some(written))
    }
    #[cfg(not(feature = "test-hooks"))]
    {
        let _ = written;
        false
    }
}

impl AppState {
    /// The state of what was opened at unlock, provided to everything below.
    pub fn provide_opened(unlocked: Unlocked) -> AppState {
        let Unlocked { opened, loaded } = unlocked;
        let state = AppState::init_loaded(Ok(opened.values.clone()), Some(loaded), &opened);
        provide_context(state);
        OPENED_AT.with(|o| o.set(platform::now_ms()));
        state.hear_late_failures();
        state
    }

    /// An encrypted write that fails after it returned marks its collection unsaved again and
    /// says so, like a write that fails at once.
    fn hear_late_failures(&self) {
        let state = *self;
        storage::on_late_failure(Some(Rc::new(move |key: &str, e: WriteError| {
            if state.saver.is_disposed() {
                return;
            }
            if let Some((c, chunk)) = parse_key(key) {
                state.saver.update_value(|s| {
                    s.dirty.insert(c);
                    match chunk {
                        Some(chunk) if !s.chunks.iter().any(|k| k == chunk) => {
                            s.chunks.push(chunk.to_string())
                        }
                        Some(_) => {}
                        None if c.row().chunked => {
                            s.whole.insert(c);
                        }
                        None => {}
                    }
                });
            }
            state.notify(match e {
                WriteError::QuotaFull => Notice::QuotaFull,
                WriteError::Unavailable => Notice::StorageUnavailable,
                WriteError::Other(e) => Notice::SaveFailed(e),
            });
        })));
    }

    /// Whether the lock is on (this tab opened it with the passphrase).
    pub fn lock_on(&self) -> bool {
        storage::vault_generation().is_some()
    }

    /// [`AppState::lock_on`], tracked: what reads it follows the lock turned on or off here.
    pub fn lock_on_tracked(&self) -> bool {
        LOCK_CHANGED.with(ArcTrigger::track);
        self.lock_on()
    }

    /// The lock's settings as stored (with the lock on).
    pub fn lock_info(&self) -> Option<LockInfo> {
        storage::lock_info().flatten()
    }

    /// Keep the colour scheme beside the lock, in plain, so the first frame has it.
    pub fn note_theme(&self, theme: &str) {
        if let Some(mut info) = self.lock_info().filter(|i| i.theme != theme) {
            info.theme = theme.to_string();
            let _ = storage::write_raw(LOCK_KEY, &info.to_json());
        }
    }

    /// Encrypt everything with `pass` (turning the lock on, or changing the passphrase), or
    /// (`None`) store everything plain again. Saving waits meanwhile. When there is no room
    /// for both forms, or anything fails before the commit, nothing is changed.
    pub async fn set_passphrase(self, pass: Option<String>) -> Result<(), String> {
        if !self.may_write() {
            return Err(
                "Rebound cannot change how your data is stored in this window right now."
                    .to_string(),
            );
        }
        self.flush();
        storage::settled().await;
        if self.has_unsaved() {
            return Err(
                "Some changes could not be saved yet, so nothing was changed. Try again in a moment."
                    .to_string(),
            );
        }
        self.saver.update_value(|s| s.checking_room = true);
        let result = self.relock(pass).await;
        if !self.saver.is_disposed() {
            self.saver.update_value(|s| s.checking_room = false);
            self.flush();
        }
        result
    }

    async fn relock(self, pass: Option<String>) -> Result<(), String> {
        let failed = |e: CryptoError| format!("Nothing was changed: {e}.");
        let old = self.lock_info();
        let texts: Vec<(String, String, usize)> = self.with_db(|db| {
            Collection::all()
                .flat_map(|c| {
                    db.stored_texts(c)
                        .unwrap_or_default()
                        .into_iter()
                        .map(move |(k, t)| (k, t, c.pack_from()))
                })
                .collect()
        });
        let mut forms = Vec::with_capacity(texts.len());
        let (info, vault) = match pass {
            Some(pass) => {
                let params = crypto::new_params().map_err(failed)?;
                let key = crypto::derive(&pass, &params).await.map_err(failed)?;
                let generation = old.as_ref().map_or(1, |i| i.generation + 1);
                for (k, t, from) in &texts {
                    let sealed = crypto::seal_bytes(&key, &lock::inner(t, *from))
                        .await
                        .map_err(failed)?;
                    forms.push((lock::sealed_key(generation, k), sealed));
                }
                let check = crypto::seal(&key, CHECK).await.map_err(failed)?;
                let mut info = LockInfo::new(generation, &params, check);
                if let Some(old) = &old {
                    info.auto_lock = old.auto_lock;
                }
                info.theme = self.settings.with_untracked(|s| s.theme.clone());
                (Some(info), Some(Vault { key, generation }))
            }
            None => {
                for (k, t, from) in &texts {
                    forms.push((k.clone(), packing::pack_from(t, *from).into_owned()));
                }
                (None, None)
            }
        };
        let lock_text = info.as_ref().map(LockInfo::to_json).unwrap_or_default();
        let needed: usize = forms
            .iter()
            .map(|(k, v)| storage::stored_bytes(k, v))
            .sum::<usize>()
            + storage::stored_bytes(LOCK_KEY, &lock_text);
        let estimate = platform::storage_estimate().await;
        let room = estimate.is_none_or(|(usage, quota)| quota - usage >= needed as f64)
            && storage::has_room(needed);
        if !room {
            return Err(lock::no_room_words(needed));
        }
        // 0. What an earlier change stopped half-way left of this form is not read: it goes.
        let stale: Vec<String> = match &info {
            Some(info) => storage::keys_prefixed(&lock::sealed_key(info.generation, "")),
            None if old.is_some() => storage::keys_prefixed(KEY_PREFIX)
                .into_iter()
                .filter(|k| lock::sealable(k))
                .collect(),
            None => Vec::new(),
        };
        for k in stale {
            storage::remove_raw(&k);
        }
        // 1. The new form, complete.
        for (i, (k, v)) in forms.iter().enumerate() {
            if stop_here(i) {
                return Err("Stopped half-way (a test).".to_string());
            }
            if let Err(e) = storage::write_raw(k, v) {
                for (k, _) in &forms[..i] {
                    storage::remove_raw(k);
                }
                return Err(match e {
                    WriteError::QuotaFull => lock::no_room_words(needed),
                    e => format!("Nothing was changed: the browser said {e:?}."),
                });
            }
        }
        // Another tab opening meanwhile removes what is not the committed form: write again
        // anything of the new form that went.
        for (k, v) in &forms {
            if storage::read_raw(k).as_deref() != Some(v.as_str())
                && storage::write_raw(k, v).is_err()
            {
                return Err(lock::no_room_words(needed));
            }
        }
        // 2. The commit: from here on the new form is the one read.
        let committed = match &info {
            Some(_) => storage::write_raw(LOCK_KEY, &lock_text),
            None => {
                storage::remove_raw(LOCK_KEY);
                Ok(())
            }
        };
        if committed.is_err() {
            for (k, _) in &forms {
                storage::remove_raw(k);
            }
            return Err(lock::no_room_words(needed));
        }
        let opened = vault.is_some();
        storage::set_vault(vault);
        LOCK_CHANGED.with(ArcTrigger::notify);
        if opened {
            OPENED_AT.with(|o| o.set(platform::now_ms()));
            self.hear_late_failures();
        }
        // 3. The old form goes.
        let keys = storage::keys_prefixed(KEY_PREFIX);
        for k in lock::leftovers(keys.iter(), info.as_ref()) {
            storage::remove_raw(&k);
        }
        Ok(())
    }
}

thread_local! {
    /// Notified when this tab turns the lock on or off (or changes the passphrase).
    static LOCK_CHANGED: ArcTrigger = ArcTrigger::new();
    /// When this tab opened the lock (ms); a lock made elsewhere after it locks this tab too.
    static OPENED_AT: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
    /// When the page was last hidden (ms), for auto-lock.
    static HIDDEN_AT: std::cell::Cell<Option<i64>> = const { std::cell::Cell::new(None) };
}

impl AppState {
    /// A `storage` event from another tab: the lock key changed (lock this tab if it now means
    /// another passphrase, a lock made there, or the lock turned on or off), an encrypted value
    /// (decrypted, then folded in like a plain one), or a plain value.
    pub fn on_storage_event(&self, key: Option<String>, value: Option<String>) {
        let Some(k) = key.as_deref() else {
            return self.on_external_change(key, value);
        };
        if k == LOCK_KEY {
            let info = value.as_deref().and_then(LockInfo::read);
            let ours = storage::vault_generation();
            let relock = match (&info, ours) {
                (None, None) => false,
                (Some(info), Some(generation)) => {
                    info.generation != generation || info.locked_at > OPENED_AT.with(|o| o.get())
                }
                _ => true,
            };
            if relock {
                self.lock(false);
            }
            return;
        }
        match lock::unsealed_key(k) {
            Some((generation, plain)) => {
                let Some(key) = storage::vault_key(generation) else {
                    return;
                };
                let state = *self;
                // App lifetime, like the listener that heard it; it only writes app state.
                wasm_bindgen_futures::spawn_local(async move {
                    let text = match value {
                        Some(stored) => match crypto::open_bytes(&key, &stored).await {
                            Ok(bytes) => match lock::outer(&bytes) {
                                Ok(text) => Some(text),
                                Err(_) => return,
                            },
                            Err(_) => return, // never adopt what does not open
                        },
                        None => None,
                    };
                    if !state.saver.is_disposed() {
                        state.on_external_change(Some(plain), text);
                    }
                });
            }
            // A plain collection written by a tab without the key: not ours to read.
            None if lock::sealable(k) && self.lock_on() => {}
            None => self.on_external_change(key, value),
        }
    }

    /// Lock now: save what is unsaved, forget the key, tell the other tabs, and start again at
    /// the lock screen (a reload: nothing of the data stays in memory).
    pub fn lock_now(&self) {
        self.lock(true);
    }

    /// Lock this tab; `tell_others`: also the other tabs (a lock the user asked for, or
    /// auto-lock; not a lock because another tab changed the lock).
    fn lock(&self, tell_others: bool) {
        self.flush();
        // App lifetime: the lock must complete whatever screen is shown.
        wasm_bindgen_futures::spawn_local(async move {
            storage::settled().await;
            let info = storage::lock_info()
                .flatten()
                .filter(|_| tell_others && storage::vault_generation().is_some());
            if let Some(mut info) = info {
                info.locked_at = platform::now_ms();
                let _ = storage::write_raw(LOCK_KEY, &info.to_json());
            }
            storage::set_vault(None);
            platform::reload();
        });
    }

    /// The page was hidden or shown again: lock once it has been hidden for the auto-lock time.
    pub fn auto_lock_on_visibility(&self, hidden: bool) {
        let Some(minutes) = self
            .lock_info()
            .filter(|_| self.lock_on())
            .map(|i| i.auto_lock_minutes())
            .filter(|m| *m > 0)
        else {
            return;
        };
        let now = platform::now_ms();
        let after = i64::from(minutes) * 60_000;
        if hidden {
            HIDDEN_AT.with(|h| h.set(Some(now)));
            let state = *self;
            // App lifetime: a hidden page shows no screen to own it; checked again when shown.
            set_timeout(
                move || {
                    let since = HIDDEN_AT.with(|h| h.get());
                    if !state.saver.is_disposed()
                        && since.is_some_and(|t| platform::now_ms() - t >= after)
                    {
                        state.lock_now();
                    }
                },
                std::time::Duration::from_millis(after as u64),
            );
        } else if HIDDEN_AT
            .with(|h| h.take())
            .is_some_and(|t| now - t >= after)
        {
            self.lock_now();
        }
    }

    /// Set the auto-lock time (minutes hidden; 0: when Rebound is closed).
    pub fn set_auto_lock(&self, minutes: u32) {
        if let Some(mut info) = self.lock_info() {
            info.auto_lock = minutes;
            let _ = storage::write_raw(LOCK_KEY, &info.to_json());
        }
    }
}

/// A backup file's text sealed with the open lock's key (its envelope carries the lock's key
/// parameters, so the passphrase alone opens it on another device). `None`: the lock is off.
pub async fn seal_backup(text: String) -> Option<Result<String, String>> {
    let generation = storage::vault_generation()?;
    let key = storage::vault_key(generation)?;
    Some(
        crypto::seal_bytes(&key, &lock::inner(&text, 0))
            .await
            .map_err(|e| format!("the backup could not be encrypted ({e})")),
    )
}

/// The text of an encrypted backup file opened with `pass`; a wrong passphrase opens nothing.
pub async fn open_backup(pass: String, file: String) -> Result<String, String> {
    let sealed =
        lock::parse(&file).map_err(|e| format!("This backup cannot be opened here: {e}."))?;
    let key = crypto::derive(&pass, &sealed.params)
        .await
        .map_err(|e| format!("This backup cannot be opened here: {e}."))?;
    match crypto::open_bytes(&key, &file).await {
        Ok(bytes) => lock::outer(&bytes)
            .map_err(|e| format!("This backup opened but is damaged: {e}.")),
        Err(CryptoError::DoesNotOpen) => Err(
            "That passphrase does not open this backup. Nothing was changed. Check it and try again."
                .to_string(),
        ),
        Err(e) => Err(format!("This backup cannot be opened here: {e}.")),
    }
}
