//! Keeping data safe: what this device remembers about backups, and when to remind.

use serde::{Deserialize, Serialize};

use super::model::Millis;

pub const DAY_MS: Millis = 24 * 60 * 60 * 1000;

/// Facts about this device's copy of the data. Not exported: a backup restored elsewhere
/// starts its own history.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug, Default)]
#[serde(default)]
pub struct DeviceMeta {
    /// When the user last exported a backup.
    pub last_export: Option<Millis>,
    /// The first change not yet in a backup (`None`: everything is backed up).
    pub unexported_since: Option<Millis>,
    /// Whether the browser has been asked to keep the data (persistent storage).
    pub persist_asked: bool,
}

impl DeviceMeta {
    pub const KEY: &'static str = "rebound.device";

    /// Record a change to the data at `now`.
    pub fn changed(&mut self, now: Millis) {
        if self.unexported_since.is_none() {
            self.unexported_since = Some(now);
        }
    }

    /// Record a backup made at `now`.
    pub fn exported(&mut self, now: Millis) {
        self.last_export = Some(now);
        self.unexported_since = None;
    }

    /// Whether to remind: there are changes not in a backup, and the last backup (or, with none
    /// yet, the first such change) is at least `every_days` old. `every_days == 0` turns it off.
    /// A clock moved backwards never triggers it.
    pub fn backup_due(&self, now: Millis, every_days: u32) -> bool {
        if every_days == 0 {
            return false;
        }
        let Some(since) = self.unexported_since else {
            return false;
        };
        let reference = self.last_export.unwrap_or(since);
        now.saturating_sub(reference) >= Millis::from(every_days) * DAY_MS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminds_only_after_changes_and_enough_days() {
        let mut m = DeviceMeta::default();
        assert!(!m.backup_due(100 * DAY_MS, 14), "nothing changed yet");
        m.changed(DAY_MS);
        m.changed(5 * DAY_MS);
        assert_eq!(m.unexported_since, Some(DAY_MS), "the first change counts");
        assert!(!m.backup_due(14 * DAY_MS, 14));
        assert!(m.backup_due(15 * DAY_MS, 14));
        m.exported(15 * DAY_MS);
        assert!(
            !m.backup_due(40 * DAY_MS, 14),
            "no changes since the backup"
        );
        m.changed(16 * DAY_MS);
        assert!(!m.backup_due(28 * DAY_MS, 14));
        assert!(
            m.backup_due(29 * DAY_MS, 14),
            "14 days after the last backup"
        );
        assert!(!m.backup_due(29 * DAY_MS, 0), "0 turns reminders off");
        assert!(!m.backup_due(0, 14), "a clock moved back never reminds");
    }

    #[test]
    fn loads_from_partial_or_unknown_json() {
        let m: DeviceMeta = serde_json::from_str(r#"{"last_export":5,"x":1}"#).unwrap();
        assert_eq!(m.last_export, Some(5));
        assert!(!m.persist_asked);
    }
}
