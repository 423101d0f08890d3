//! What the user is looking for, and how that changed. Each saved change is a dated version,
//! optionally linked to the interview that prompted it; the newest version is the current
//! profile, and the differences between versions are the history.

use serde::{Deserialize, Serialize};

use super::model::{Extra, Id, Millis, Versioned, MAX_FIELD_CHARS};

/// The parts of the profile that are lists (one item a line when edited).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ListField {
    TargetRoles,
    MustHaves,
    NiceToHaves,
    DealBreakers,
    CompanyKinds,
}

impl ListField {
    pub const ALL: [ListField; 5] = [
        ListField::TargetRoles,
        ListField::MustHaves,
        ListField::NiceToHaves,
        ListField::DealBreakers,
        ListField::CompanyKinds,
    ];
    pub fn key(self) -> &'static str {
        match self {
            ListField::TargetRoles => "target_roles",
            ListField::MustHaves => "must_haves",
            ListField::NiceToHaves => "nice_to_haves",
            ListField::DealBreakers => "deal_breakers",
            ListField::CompanyKinds => "company_kinds",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            ListField::TargetRoles => "Target roles",
            ListField::MustHaves => "Must-haves",
            ListField::NiceToHaves => "Nice-to-haves",
            ListField::DealBreakers => "Deal-breakers",
            ListField::CompanyKinds => "Kinds of company",
        }
    }
    pub fn hint(self) -> &'static str {
        match self {
            ListField::TargetRoles => "e.g. Backend engineer",
            ListField::MustHaves => "e.g. Remote two days a week",
            ListField::NiceToHaves => "e.g. A mentor on the team",
            ListField::DealBreakers => "e.g. On call every week",
            ListField::CompanyKinds => "e.g. Small product companies",
        }
    }
    pub fn get(self, p: &SearchProfile) -> &Vec<String> {
        match self {
            ListField::TargetRoles => &p.target_roles,
            ListField::MustHaves => &p.must_haves,
            ListField::NiceToHaves => &p.nice_to_haves,
            ListField::DealBreakers => &p.deal_breakers,
            ListField::CompanyKinds => &p.company_kinds,
        }
    }
    pub fn get_mut(self, p: &mut SearchProfile) -> &mut Vec<String> {
        match self {
            ListField::TargetRoles => &mut p.target_roles,
            ListField::MustHaves => &mut p.must_haves,
            ListField::NiceToHaves => &mut p.nice_to_haves,
            ListField::DealBreakers => &mut p.deal_breakers,
            ListField::CompanyKinds => &mut p.company_kinds,
        }
    }
}

/// What the user is looking for.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug, Default)]
#[serde(default)]
pub struct SearchProfile {
    pub target_roles: Vec<String>,
    pub seniority: String,
    pub must_haves: Vec<String>,
    pub nice_to_haves: Vec<String>,
    pub deal_breakers: Vec<String>,
    pub company_kinds: Vec<String>,
    pub notes: String,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Lines of a text area as list items: trimmed, empty lines dropped, repeats dropped.
pub fn lines_to_list(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let item: String = line.trim().chars().take(500).collect();
        if !item.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&item)) {
            out.push(item);
        }
    }
    out.truncate(100);
    out
}

impl SearchProfile {
    pub fn is_empty(&self) -> bool {
        *self == SearchProfile::default()
    }

    /// The same profile with every value cleaned up as the editor would (see [`lines_to_list`]).
    pub fn tidied(mut self) -> Self {
        for f in ListField::ALL {
            let joined = f.get(&self).join("\n");
            *f.get_mut(&mut self) = lines_to_list(&joined);
        }
        self.seniority = self.seniority.trim().chars().take(200).collect();
        self.notes = self.notes.chars().take(MAX_FIELD_CHARS).collect();
        self
    }
}

/// One saved version of the profile.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug, Default)]
#[serde(default)]
pub struct SearchVersion {
    pub id: Id,
    pub profile: SearchProfile,
    /// The interview that prompted this change, if one did.
    pub interview_id: Option<Id>,
    pub created: Millis,
    pub updated: Millis,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Versioned for SearchVersion {
    fn id(&self) -> &str {
        &self.id
    }
    fn updated(&self) -> Millis {
        self.updated
    }
}

/// The versions newest first.
pub fn newest_first(versions: &[SearchVersion]) -> Vec<&SearchVersion> {
    let mut v: Vec<&SearchVersion> = versions.iter().collect();
    crate::core::order::sort_by(&mut v, |a, b| {
        b.created.cmp(&a.created).then(b.id.cmp(&a.id))
    });
    v
}

/// The current profile (the newest version), or an empty one.
pub fn current(versions: &[SearchVersion]) -> SearchProfile {
    newest_first(versions)
        .first()
        .map(|v| v.profile.clone())
        .unwrap_or_default()
}

/// One change between two versions, in words the history can show.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Change {
    Added { field: &'static str, item: String },
    Removed { field: &'static str, item: String },
    Seniority { from: String, to: String },
    Notes,
}

impl Change {
    pub fn describe(&self) -> String {
        match self {
            Change::Added { field, item } => format!("{field}: added “{item}”"),
            Change::Removed { field, item } => format!("{field}: removed “{item}”"),
            Change::Seniority { from, to } if from.is_empty() => format!("Seniority: “{to}”"),
            Change::Seniority { from, to } if to.is_empty() => {
                format!("Seniority: no longer “{from}”")
            }
            Change::Seniority { from, to } => format!("Seniority: “{from}” → “{to}”"),
            Change::Notes => "Notes changed".to_string(),
        }
    }
}

/// What changed from `before` to `after`.
pub fn changes(before: &SearchProfile, after: &SearchProfile) -> Vec<Change> {
    let mut out = Vec::new();
    for f in ListField::ALL {
        let (old, new) = (f.get(before), f.get(after));
        for item in new {
            if !old.contains(item) {
                out.push(Change::Added {
                    field: f.label(),
                    item: item.clone(),
                });
            }
        }
        for item in old {
            if !new.contains(item) {
                out.push(Change::Removed {
                    field: f.label(),
                    item: item.clone(),
                });
            }
        }
    }
    if before.seniority != after.seniority {
        out.push(Change::Seniority {
            from: before.seniority.clone(),
            to: after.seniority.clone(),
        });
    }
    if before.notes != after.notes {
        out.push(Change::Notes);
    }
    out
}

/// The history, newest first: each version with what it changed from the one before it.
pub fn history(versions: &[SearchVersion]) -> Vec<(&SearchVersion, Vec<Change>)> {
    let ordered = newest_first(versions);
    let empty = SearchProfile::default();
    ordered
        .iter()
        .enumerate()
        .map(|(n, v)| {
            let before = ordered.get(n + 1).map(|b| &b.profile).unwrap_or(&empty);
            (*v, changes(before, &v.profile))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(id: &str, created: Millis, profile: SearchProfile) -> SearchVersion {
        SearchVersion {
            extra: Default::default(),
            id: id.into(),
            profile,
            interview_id: None,
            created,
            updated: created,
        }
    }

    #[test]
    fn lines_become_a_tidy_list() {
        assert_eq!(
            lines_to_list("  Remote \n\n remote\nMentor 🙂\r\n"),
            vec!["Remote".to_string(), "Mentor 🙂".to_string()]
        );
        assert!(lines_to_list("").is_empty());
    }

    #[test]
    fn the_newest_version_is_current_and_history_says_what_changed() {
        assert!(current(&[]).is_empty());
        let first = SearchProfile {
            target_roles: vec!["Backend engineer".into()],
            must_haves: vec!["Remote".into()],
            ..SearchProfile::default()
        };
        let second = SearchProfile {
            target_roles: vec!["Backend engineer".into(), "Platform engineer".into()],
            seniority: "Senior".into(),
            deal_breakers: vec!["On call every week".into()],
            ..SearchProfile::default()
        };
        let versions = vec![version("b", 20, second.clone()), version("a", 10, first)];
        assert_eq!(current(&versions), second);
        let h = history(&versions);
        assert_eq!(h[0].0.id, "b");
        let words: Vec<String> = h[0].1.iter().map(Change::describe).collect();
        assert_eq!(
            words,
            [
                "Target roles: added “Platform engineer”",
                "Must-haves: removed “Remote”",
                "Deal-breakers: added “On call every week”",
                "Seniority: “Senior”",
            ]
        );
        assert_eq!(
            h[1].1.len(),
            2,
            "the first version against an empty profile"
        );
    }

    #[test]
    fn tidied_cleans_lists_from_anywhere() {
        let p = SearchProfile {
            must_haves: vec![" a ".into(), "".into(), "A".into()],
            seniority: "  Lead ".into(),
            ..SearchProfile::default()
        }
        .tidied();
        assert_eq!(p.must_haves, vec!["a".to_string()]);
        assert_eq!(p.seniority, "Lead");
    }
}
