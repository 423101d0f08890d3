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
    /// When "Not now" was last tapped on the install nudge.
    pub install_nudge_dismissed: Option<Millis>,
}

/// Days the install nudge stays away after "Not now".
pub const NUDGE_PAUSE_DAYS: Millis = 30;

/// How this browser lets Rebound be installed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum InstallWay {
    /// The browser offered its own install prompt (`beforeinstallprompt`): one tap.
    Prompt,
    /// iOS: Share, then Add to Home Screen.
    HomeScreenSteps,
}

/// What keeping the data means on this browser, said beside the browser's answer. Only iOS
/// needs words of its own: Safari deletes everything a site stored after seven days without a
/// visit unless it is on the Home Screen, whatever `persist()` says.
pub fn eviction_note(ios: bool, installed: bool) -> Option<&'static str> {
    match (ios, installed) {
        (true, false) => Some(
            "Not installed: on iPhone and iPad, Safari deletes the data of sites not on the Home \
             Screen after 7 days without a visit. Add Rebound to your Home Screen to keep it, and \
             keep a backup.",
        ),
        (true, true) => {
            Some("Installed on your Home Screen: Safari keeps Rebound's data as it keeps an app's.")
        }
        _ => None,
    }
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

    /// The install nudge to show, if any: something is stored, Rebound is not running installed,
    /// the browser offers a way to install it, and "Not now" was not tapped in the last
    /// [`NUDGE_PAUSE_DAYS`] days (a clock moved backwards keeps it away).
    pub fn install_nudge(
        &self,
        has_data: bool,
        installed: bool,
        way: Option<InstallWay>,
        now: Millis,
    ) -> Option<InstallWay> {
        if !has_data || installed {
            return None;
        }
        if let Some(at) = self.install_nudge_dismissed {
            if now < at || now - at < NUDGE_PAUSE_DAYS * DAY_MS {
                return None;
            }
        }
        way
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
    fn the_install_nudge_waits_for_data_and_a_way_and_rests_after_not_now() {
        let mut m = DeviceMeta::default();
        let way = Some(InstallWay::Prompt);
        let now = 100 * DAY_MS;
        assert_eq!(
            m.install_nudge(false, false, way, now),
            None,
            "nothing stored yet"
        );
        assert_eq!(
            m.install_nudge(true, true, way, now),
            None,
            "already installed"
        );
        assert_eq!(
            m.install_nudge(true, false, None, now),
            None,
            "no way offered"
        );
        assert_eq!(m.install_nudge(true, false, way, now), way);
        let steps = Some(InstallWay::HomeScreenSteps);
        assert_eq!(m.install_nudge(true, false, steps, now), steps);
        m.install_nudge_dismissed = Some(now);
        assert_eq!(m.install_nudge(true, false, way, now + 29 * DAY_MS), None);
        assert_eq!(m.install_nudge(true, false, way, now + 30 * DAY_MS), way);
        assert_eq!(
            m.install_nudge(true, false, way, now - DAY_MS),
            None,
            "clock moved back"
        );
    }

    #[test]
    fn only_ios_gets_words_of_its_own_about_keeping_data() {
        let note = eviction_note(true, false).unwrap_or_default();
        assert!(note.contains("7 days without a visit"), "{note}");
        assert!(eviction_note(true, true).is_some_and(|n| n.contains("Home Screen")));
        assert_eq!(eviction_note(false, false), None);
        assert_eq!(eviction_note(false, true), None);
    }

    #[test]
    fn loads_from_partial_or_unknown_json() {
        let m: DeviceMeta = serde_json::from_str(r#"{"last_export":5,"x":1}"#).unwrap();
        assert_eq!(m.last_export, Some(5));
        assert!(!m.persist_asked);
    }
}
