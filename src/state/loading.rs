//! Start-up: everything stored is loaded with salvage (`core::schema::load`); a value that did
//! not fully read is copied, byte for byte, to a damaged key before anything can overwrite it,
//! and the user is told what happened.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::saving::{keep_aside, Saver};
use super::{AppState, KeptAside, Notice};
use crate::core::backup::DeviceMeta;
use crate::core::collections::{Collection, DAMAGED_PREFIX, KEY_PREFIX};
use crate::core::schema::{self, Problem};
use crate::platform;
use crate::storage;

impl AppState {
    /// Load everything from storage, deal with what did not load, and return the state.
    pub fn init() -> AppState {
        let mut notices = Vec::new();
        let stored = match storage::read_prefixed(KEY_PREFIX) {
            Ok(s) => s,
            Err(_) => {
                notices.push(Notice::StorageUnavailable);
                Default::default()
            }
        };
        let loaded = schema::load(&stored);
        let mut frozen = BTreeSet::new();
        let mut rewrite = BTreeSet::new();
        let now = platform::now_ms();
        for problem in &loaded.problems {
            match problem {
                Problem::Damaged {
                    collection,
                    raw,
                    reason,
                    ..
                } => {
                    let kept_as = keep_aside(&stored, *collection, raw, now);
                    if kept_as.is_some() {
                        rewrite.insert(*collection);
                    } else {
                        frozen.insert(*collection);
                    }
                    notices.push(Notice::Damaged {
                        collection: *collection,
                        reason: reason.clone(),
                        kept_as,
                    });
                }
                Problem::NewerSchema { found } => {
                    notices.push(Notice::NewerVersion { found: *found })
                }
                Problem::BadSchemaKey { .. } => notices.push(Notice::BadSchemaKey),
            }
        }
        if loaded.needs_upgrade() {
            rewrite.extend(Collection::all());
        }
        let meta = stored
            .get(DeviceMeta::KEY)
            .and_then(|text| serde_json::from_str::<DeviceMeta>(text).ok())
            .unwrap_or_default();
        let saver = Saver {
            frozen,
            read_only: loaded.read_only,
            schema_written: loaded.stored_schema == Some(schema::SCHEMA_VERSION),
            ..Saver::default()
        };
        let state = AppState::new(loaded.db, meta, notices, saver);
        state.refresh_kept_aside();
        if !rewrite.is_empty() {
            state.saver.update_value(|s| s.dirty.extend(rewrite));
            state.flush();
        }
        state
    }

    pub fn refresh_kept_aside(&self) {
        let entries = storage::read_prefixed(DAMAGED_PREFIX).unwrap_or_default();
        let list = entries
            .iter()
            .map(|(key, value)| {
                let rest = &key[DAMAGED_PREFIX.len()..];
                let (collection, at) = rest.rsplit_once('.').unwrap_or((rest, "0"));
                KeptAside {
                    key: key.clone(),
                    collection: collection.to_string(),
                    kept_at: at.parse().unwrap_or(0),
                    bytes: value.len(),
                }
            })
            .collect();
        self.w.kept_aside.set(list);
    }

    /// The exact text kept aside under `key`.
    pub fn kept_aside_text(&self, key: &str) -> Option<String> {
        key.starts_with(DAMAGED_PREFIX)
            .then(|| storage::read(key))
            .flatten()
    }

    pub fn discard_kept_aside(&self, key: &str) {
        if key.starts_with(DAMAGED_PREFIX) {
            storage::remove(key);
        }
        self.refresh_kept_aside();
    }
}
