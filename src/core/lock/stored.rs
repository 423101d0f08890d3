//! How the lock is stored: which keys stay plain, where encrypted values live, the plain lock
//! key (the commit point of every change), and what a value holds before it is encrypted.
//!
//! Encrypted values live under `rebound.sealed.<generation>.<name>` (`<name>` as in the plain
//! key: `interviews`, `reviews.2026-03`). Turning the lock on, changing the passphrase and
//! turning it off each write the complete new form first, then make one commit write to
//! [`LOCK_KEY`] (written for a new passphrase, removed for "off"), then remove the old form.
//! A cut-off at any instant leaves the form the lock key names complete; [`leftovers`] lists
//! what is left of the other one.

use serde::{Deserialize, Serialize};

use super::{decode, encode, KeyParams, ITERATIONS, MAX_ITERATIONS, SALT_LEN};
use crate::core::collections::{parse_key, KEY_PREFIX};
use crate::core::packing;

/// The plain key that says the lock is on, with the key's parameters.
pub const LOCK_KEY: &str = "rebound.lock";
/// Where encrypted values are stored.
pub const SEALED_PREFIX: &str = "rebound.sealed.";
/// The text sealed in [`LockInfo::check`]: a wrong passphrase is known before anything is read.
pub const CHECK: &str = "rebound";
/// Auto-lock: the fewest and most minutes hidden, and the default.
pub const AUTO_MIN: u32 = 1;
pub const AUTO_MAX: u32 = 8 * 60;
pub const AUTO_DEFAULT: u32 = 15;

/// What [`LOCK_KEY`] holds, in plain.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct LockInfo {
    /// The generation of the encrypted keys (`rebound.sealed.<gen>.`): raised by every change of
    /// passphrase.
    pub generation: u32,
    pub iter: u32,
    pub salt: String,
    /// [`CHECK`] sealed with the key.
    pub check: String,
    /// Minutes hidden before Rebound locks itself; 0: only when it is closed.
    pub auto_lock: u32,
    /// The colour scheme, for the first frame (the settings themselves are encrypted).
    pub theme: String,
    /// When a tab last locked (ms): other tabs lock too when it changes.
    pub locked_at: i64,
}

impl Default for LockInfo {
    fn default() -> LockInfo {
        LockInfo {
            generation: 1,
            iter: ITERATIONS,
            salt: String::new(),
            check: String::new(),
            auto_lock: AUTO_DEFAULT,
            theme: String::new(),
            locked_at: 0,
        }
    }
}

impl LockInfo {
    pub fn new(generation: u32, params: &KeyParams, check: String) -> LockInfo {
        LockInfo {
            generation,
            iter: params.iterations,
            salt: encode(&params.salt),
            check,
            ..LockInfo::default()
        }
    }

    /// The stored lock key, if it reads. A lock key that does not read still means "locked":
    /// the caller shows the lock screen with a clear message rather than the data's absence.
    pub fn read(text: &str) -> Option<LockInfo> {
        serde_json::from_str(text).ok()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The key parameters, if they are ones this version accepts.
    pub fn params(&self) -> Option<KeyParams> {
        let salt: [u8; SALT_LEN] = decode(&self.salt)?.try_into().ok()?;
        (ITERATIONS..=MAX_ITERATIONS)
            .contains(&self.iter)
            .then_some(KeyParams {
                iterations: self.iter,
                salt,
            })
    }

    /// The auto-lock setting as it is used: within range, or 0 (when Rebound is closed).
    pub fn auto_lock_minutes(&self) -> u32 {
        match self.auto_lock {
            0 => 0,
            m => m.clamp(AUTO_MIN, AUTO_MAX),
        }
    }
}

/// Whether the value stored under `key` is encrypted when the lock is on: the collections and
/// the review log's chunks. Everything else stays plain: the schema version, the lock key,
/// device metadata, values kept aside, and keys this version does not know.
pub fn sealable(key: &str) -> bool {
    parse_key(key).is_some()
}

/// Where the encrypted form of `key` is stored in generation `generation`.
pub fn sealed_key(generation: u32, key: &str) -> String {
    let name = key.strip_prefix(KEY_PREFIX).unwrap_or(key);
    format!("{SEALED_PREFIX}{generation}.{name}")
}

/// The generation and plain key of an encrypted key.
pub fn unsealed_key(key: &str) -> Option<(u32, String)> {
    let (generation, name) = key.strip_prefix(SEALED_PREFIX)?.split_once('.')?;
    let generation = generation.parse().ok()?;
    Some((generation, format!("{KEY_PREFIX}{name}")))
}

/// The stored keys that belong to the form the lock key does not name (left by a change that
/// was cut off after its commit, or before it): with the lock on, the plain collections and
/// other generations; with it off, every encrypted key.
pub fn leftovers<'a>(
    keys: impl Iterator<Item = &'a String>,
    lock: Option<&LockInfo>,
) -> Vec<String> {
    keys.filter(|key| match (unsealed_key(key), lock) {
        (Some((generation, _)), Some(info)) => generation != info.generation,
        (Some(_), None) => true,
        (None, Some(_)) => sealable(key),
        (None, None) => false,
    })
    .cloned()
    .collect()
}

/// The first byte of a value that was compressed before it was encrypted (JSON never starts
/// with it).
const DEFLATED: u8 = 1;

/// What is encrypted for `value`: its JSON, compressed first (DEFLATE) when it has at least
/// `pack_from` bytes. Compressing first is what makes it smaller: encrypted bytes do not
/// compress.
pub fn inner(value: &str, pack_from: usize) -> Vec<u8> {
    if value.len() < pack_from {
        return value.as_bytes().to_vec();
    }
    let mut out = vec![DEFLATED];
    out.extend(miniz_oxide::deflate::compress_to_vec(
        value.as_bytes(),
        packing::LEVEL,
    ));
    out
}

/// The JSON of an [`inner`] value, or why it is not one.
pub fn outer(bytes: &[u8]) -> Result<String, String> {
    let plain = match bytes.split_first() {
        Some((&DEFLATED, rest)) => {
            miniz_oxide::inflate::decompress_to_vec_with_limit(rest, packing::MAX_UNPACKED)
                .map_err(|_| "its compressed data is damaged".to_string())?
        }
        _ => bytes.to_vec(),
    };
    String::from_utf8(plain).map_err(|_| "it is not text".to_string())
}

/// What the user is told when there is no room to re-encrypt (or decrypt) everything: the new
/// form is written before the old one goes, so both must fit for a moment. Nothing was changed
/// when this is said.
pub fn no_room_words(needed_bytes: usize) -> String {
    let kb = needed_bytes.div_ceil(1000).max(1);
    let size = if kb < 1000 {
        format!("{kb} KB")
    } else {
        format!(
            "{} MB",
            crate::core::display::one_decimal(kb as f64 / 1000.0)
        )
    };
    format!(
        "This needs about {size} of free space in this browser for a moment, and it isn't there \
         right now. Nothing was changed. To make room, download a backup and remove data kept \
         aside, or free space in the browser, then try again."
    )
}
