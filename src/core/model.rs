//! The data model: what Rebound stores. Plain data, serde-friendly, no behaviour that needs a
//! browser. Every field has a default so that records written by an older or newer build, or
//! edited by hand, still load (see `schema` for versioned changes).

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

pub use super::choice::{Choice, Extra};

/// Record ids: short, unique per device and time (see [`new_id`]).
pub type Id = String;
/// Milliseconds since the Unix epoch (what `Date.now()` gives in the browser).
pub type Millis = i64;

/// A new id from the current time and some entropy: `"<ms base36>-<entropy base36>"`.
pub fn new_id(now: Millis, entropy: u64) -> Id {
    format!("{}-{}", base36(now.max(0) as u64), base36(entropy))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A stored record: it has an id and a last-changed time (merging and syncing go by these).
pub trait Versioned: Clone + PartialEq {
    fn id(&self) -> &str;
    fn updated(&self) -> Millis;
}

impl Versioned for Interview {
    fn id(&self) -> &str {
        &self.id
    }
    fn updated(&self) -> Millis {
        self.updated
    }
}

impl Versioned for Reflection {
    fn id(&self) -> &str {
        &self.id
    }
    fn updated(&self) -> Millis {
        self.updated
    }
}

crate::choice! {
    /// How far an opportunity has got.
    #[derive(Default)]
    pub enum Stage {
        #[default]
        Applied = "applied", "Applied";
        Screening = "screening", "Screening";
        Interview = "interview", "Interview";
        FinalRound = "final_round", "Final round";
    }
}

impl Stage {
    /// Whether an interview at this stage is a conversation that happened (worth reflecting on).
    /// A stage from a newer version counts as one.
    pub fn is_conversation(&self) -> bool {
        *self != Stage::Applied
    }
}

crate::choice! {
    /// Where an opportunity ended up. Only `Pending` counts as active.
    #[derive(Default)]
    pub enum Outcome {
        #[default]
        Pending = "pending", "Waiting to hear";
        Offer = "offer", "Offer";
        Rejected = "rejected", "Not this time";
        Withdrawn = "withdrawn", "I withdrew";
        Ghosted = "ghosted", "No reply";
    }
}

impl Outcome {
    /// Whether the opportunity is still open. An outcome from a newer version is not.
    pub fn is_active(&self) -> bool {
        *self == Outcome::Pending
    }
}

/// One opportunity: an application and the interviews for it.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug, Default)]
#[serde(default)]
pub struct Interview {
    pub id: Id,
    pub company: String,
    pub role: String,
    /// The day of the (latest) interview; `None` while not yet scheduled.
    #[serde(with = "crate::core::display::opt_date_serde")]
    pub date: Option<NaiveDate>,
    /// When it starts on that day, local time, stored "HH:MM"; `None` when no time is set. A
    /// stored value that does not read as a time reads as no time (see [`hhmm`]).
    #[serde(with = "hhmm", skip_serializing_if = "Option::is_none")]
    pub time: Option<NaiveTime>,
    /// How it happens; `None` when not said. See [`InterviewFormat`] for the user's own words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<InterviewFormat>,
    /// The format in the user's own words, kept as typed; used when `format` is
    /// [`InterviewFormat::Own`] (see [`Interview::format_label`]).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub format_words: String,
    pub interviewers: String,
    pub stage: Stage,
    /// Each stage it reached, dated, oldest first: written from the first change of stage on
    /// (a record stored before has none, and reads as its stage on the day it was logged, see
    /// [`Interview::stage_path`]). Left out of the stored text while empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<StageStep>,
    pub outcome: Outcome,
    pub notes: String,
    /// Why it did not work out, when the outcome is `Rejected`.
    pub rejection_reasons: Vec<RejectionReason>,
    /// Feedback asked for and received after this interview.
    pub feedback: Feedback,
    /// Letters the user took from Rebound for this interview (copied or opened in mail).
    pub letters: Vec<LetterUse>,
    pub created: Millis,
    pub updated: Millis,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Interview {
    /// The day it was logged (local dates are not known here: the UTC day of `created`).
    pub fn logged_on(&self) -> NaiveDate {
        chrono::DateTime::from_timestamp_millis(self.created)
            .map(|d| d.date_naive())
            .unwrap_or_default()
    }

    /// Its path through the stages, oldest first, each with its day: the stored history, or
    /// for a record from before there was one, its stage on the day it was logged.
    pub fn stage_path(&self) -> Vec<(Stage, NaiveDate)> {
        let mut path: Vec<(Stage, NaiveDate)> = self
            .stages
            .iter()
            .map(|s| (s.stage.clone(), s.on))
            .collect();
        if path.is_empty() {
            path.push((self.stage.clone(), self.logged_on()));
        } else if path.last().map(|(s, _)| s) != Some(&self.stage) {
            // Changed where no change was noted (an import, another build): on its last edit.
            let on = chrono::DateTime::from_timestamp_millis(self.updated)
                .map(|d| d.date_naive())
                .unwrap_or_default();
            path.push((self.stage.clone(), on));
        }
        path
    }

    /// Note a change of stage made `today` from `before`: the history starts with `before` on
    /// the day it was logged, then each new stage with its day. Nothing when the stage is the
    /// same.
    pub fn note_stage_change(&mut self, before: &Stage, today: NaiveDate) {
        if self.stage == *before {
            return;
        }
        if self.stages.is_empty() {
            self.stages.push(StageStep {
                stage: before.clone(),
                on: self.logged_on().min(today),
                ..StageStep::default()
            });
        }
        self.stages.push(StageStep {
            stage: self.stage.clone(),
            on: today,
            ..StageStep::default()
        });
    }

    /// A short title for lists and headings: "Role at Company", falling back gracefully.
    pub fn title(&self) -> String {
        match (self.role.trim(), self.company.trim()) {
            ("", "") => "Untitled interview".to_string(),
            (role, "") => role.to_string(),
            ("", company) => company.to_string(),
            (role, company) => format!("{role} at {company}"),
        }
    }

    /// Still to come: waiting to hear (pending) and dated `today` or later. An interview dated
    /// today counts all day, whatever its time.
    pub fn is_upcoming(&self, today: NaiveDate) -> bool {
        self.outcome.is_active() && self.date.is_some_and(|d| d >= today)
    }

    /// Begun by `now`: its start ([`Interview::starts_at`]) is not later than `now`.
    pub fn has_started(&self, now: NaiveDateTime) -> bool {
        self.starts_at().is_some_and(|start| start <= now)
    }

    /// "The day", as a local date and time: its start, or [`DEFAULT_START`] (09:00) on its
    /// date when no time is set. `None` while it has no date.
    pub fn starts_at(&self) -> Option<NaiveDateTime> {
        Some(self.date?.and_time(self.time.unwrap_or(DEFAULT_START)))
    }

    /// The format in words: a known format's label, the user's own words as typed (trimmed),
    /// or a format from a newer version in plain words. `None` when nothing is said.
    pub fn format_label(&self) -> Option<Cow<'_, str>> {
        let words = self.format_words.trim();
        match &self.format {
            Some(InterviewFormat::Own) | None if !words.is_empty() => Some(Cow::Borrowed(words)),
            None => None,
            Some(format) => Some(format.label()),
        }
    }
}

/// When an interview without a time is taken to start: 09:00.
pub const DEFAULT_START: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// The upcoming interviews (see [`Interview::is_upcoming`]), soonest first (by
/// [`Interview::starts_at`]; equal starts keep their order).
pub fn upcoming(interviews: &[Interview], today: NaiveDate) -> Vec<&Interview> {
    let mut list: Vec<&Interview> = interviews.iter().filter(|i| i.is_upcoming(today)).collect();
    crate::core::order::sort_by_key(&mut list, |i| i.starts_at());
    list
}

/// What Today lists under "Coming up": the upcoming interviews that have not begun by `now`,
/// soonest first. One that has begun waits for its reflection instead
/// ([`crate::core::pipeline::awaiting_reflection`]), so no interview is in both.
pub fn coming_up(interviews: &[Interview], now: NaiveDateTime) -> Vec<&Interview> {
    let mut list = upcoming(interviews, now.date());
    list.retain(|i| !i.has_started(now));
    list
}

crate::choice! {
    /// How an interview happens. The known formats are choices; anything else is
    /// [`InterviewFormat::Own`], with the user's words kept as typed in
    /// [`Interview::format_words`] and shown as typed.
    ///
    /// Why two fields rather than one word: a word this build does not know reads as
    /// `Other(word)`, which means "written by a newer version" and is labelled so. Keeping the
    /// user's own words apart keeps the two meanings apart: a newer build's new format stays a
    /// stored word, the user's words stay theirs.
    pub enum InterviewFormat {
        Phone = "phone", "Phone";
        Video = "video", "Video call";
        OnSite = "on_site", "On site";
        TakeHome = "take_home", "Take-home task";
        Own = "own", "Something else";
    }
}

/// Serde for [`Interview::time`]: written "HH:MM"; read leniently (anything that is not a
/// time, of any JSON type, reads as `None` rather than failing the record).
pub mod hhmm {
    use std::fmt;

    use chrono::NaiveTime;
    use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
    use serde::{Deserializer, Serializer};

    use crate::core::display::{hh_mm, parse_hh_mm};

    pub fn serialize<S: Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&hh_mm(*t)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        d.deserialize_any(Lenient)
    }

    struct Lenient;

    impl<'de> Visitor<'de> for Lenient {
        type Value = Option<NaiveTime>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a time \"HH:MM\"")
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(parse_hh_mm(v))
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(Lenient)
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(None)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(None)
        }
    }
}

crate::choice! {
    /// Where asking for feedback stands.
    #[derive(Default)]
    pub enum FeedbackStatus {
        #[default]
        NotAsked = "not_asked", "Not asked";
        Asked = "asked", "Asked";
        Received = "received", "Received";
        Declined = "declined", "They declined";
        NoReply = "no_reply", "No reply";
    }
}

/// Days after asking for feedback that a follow-up is suggested.
pub const FOLLOW_UP_AFTER_DAYS: i64 = 7;

/// Feedback on one interview: whether it was asked for, when, and what was said.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug, Default)]
#[serde(default)]
pub struct Feedback {
    pub status: FeedbackStatus,
    #[serde(with = "crate::core::display::opt_date_serde")]
    pub asked_on: Option<NaiveDate>,
    #[serde(with = "crate::core::display::opt_date_serde")]
    pub received_on: Option<NaiveDate>,
    /// When to follow up if nothing came back (set to a week after asking; editable; snoozing
    /// moves it).
    #[serde(with = "crate::core::display::opt_date_serde")]
    pub follow_up_on: Option<NaiveDate>,
    /// What the interviewer said, in the user's words.
    pub said: String,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Feedback {
    /// Move to `status` on `today`, filling the dates that go with it (never overwriting a date
    /// the user set).
    pub fn set_status(&mut self, status: FeedbackStatus, today: NaiveDate) {
        self.status = status.clone();
        match status {
            FeedbackStatus::Asked => {
                let asked = *self.asked_on.get_or_insert(today);
                if self.follow_up_on.is_none() {
                    self.follow_up_on =
                        asked.checked_add_signed(chrono::Duration::days(FOLLOW_UP_AFTER_DAYS));
                }
            }
            FeedbackStatus::Received => {
                self.received_on.get_or_insert(today);
            }
            _ => {}
        }
    }

    /// Set the day it was asked; the follow-up moves with it when it was still the default.
    pub fn set_asked_on(&mut self, day: Option<NaiveDate>) {
        let default_follow_up = |d: Option<NaiveDate>| {
            d.and_then(|d| d.checked_add_signed(chrono::Duration::days(FOLLOW_UP_AFTER_DAYS)))
        };
        if self.follow_up_on.is_none() || self.follow_up_on == default_follow_up(self.asked_on) {
            self.follow_up_on = default_follow_up(day);
        }
        self.asked_on = day;
    }

    /// Whether a follow-up is due on `today`: asked, no answer yet, and the day has come.
    pub fn follow_up_due(&self, today: NaiveDate) -> bool {
        self.status == FeedbackStatus::Asked && self.follow_up_on.is_some_and(|d| d <= today)
    }

    /// Put the follow-up off by `days` from `today`.
    pub fn snooze(&mut self, today: NaiveDate, days: i64) {
        self.follow_up_on = today.checked_add_signed(chrono::Duration::days(days));
    }
}

crate::choice! {
    /// The kinds of letter Rebound drafts (see `letters`), in the order they are offered.
    pub enum LetterKind {
        ThanksAfterInterview = "thanks_after_interview", "Thank-you after the interview";
        AskFeedback = "ask_feedback", "Ask for feedback";
        ThanksAfterRejection = "thanks_after_rejection", "Thank them, keep the door open";
        FollowUp = "follow_up", "Polite follow-up";
    }
}

crate::choice! {
    /// How a letter left Rebound.
    #[derive(Default)]
    pub enum LetterVia {
        #[default]
        Copied = "copied", "copied";
        MailApp = "mail_app", "opened in mail";
    }
}

/// A letter the user took, and when.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(default)]
pub struct LetterUse {
    pub kind: LetterKind,
    #[serde(with = "crate::core::display::date_serde")]
    pub on: NaiveDate,
    pub via: LetterVia,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for LetterUse {
    fn default() -> Self {
        LetterUse {
            kind: LetterKind::Other(String::new()),
            on: NaiveDate::default(),
            via: LetterVia::default(),
            extra: Extra::new(),
        }
    }
}

/// One stage an opportunity reached, and the day it did.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug, Default)]
#[serde(default)]
pub struct StageStep {
    pub stage: Stage,
    #[serde(with = "crate::core::display::date_serde")]
    pub on: NaiveDate,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A reason for a rejection, and whether it was in the user's hands.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug, Default)]
#[serde(default)]
pub struct RejectionReason {
    pub text: String,
    pub in_my_control: bool,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Common reasons offered as one-tap choices, with whether each is usually in one's control.
pub const COMMON_REJECTION_REASONS: [(&str, bool); 8] = [
    ("They hired an internal candidate", false),
    ("Someone came through a referral", false),
    ("The role was frozen or cancelled", false),
    ("They chose someone with more experience", false),
    ("Salary expectations didn't match", false),
    ("A skill gap they pointed out", true),
    ("How I came across in the interview", true),
    ("I wasn't prepared enough", true),
];

crate::choice! {
    /// How the user felt afterwards.
    pub enum Mood {
        Rough = "rough", "Rough";
        Low = "low", "Low";
        Okay = "okay", "Okay";
        Good = "good", "Good";
        Great = "great", "Great";
    }
}

/// A mistake from the checklist, ticked, with what the user will do differently.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug, Default)]
#[serde(default)]
pub struct MistakeNote {
    /// A key from [`COMMON_MISTAKES`].
    pub kind: String,
    pub fix: String,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The checklist of common interview mistakes: (key, label, a hint for the fix).
pub const COMMON_MISTAKES: [(&str, &str, &str); 8] = [
    (
        "late",
        "Arrived late or flustered",
        "e.g. plan the route, arrive 15 minutes early",
    ),
    (
        "dress",
        "Dressed wrong for the place",
        "e.g. ask the recruiter about the dress code",
    ),
    (
        "no_questions",
        "Had no questions to ask them",
        "e.g. prepare three questions about the team and the work",
    ),
    (
        "no_research",
        "Hadn't researched the company",
        "e.g. read their last announcements and product pages",
    ),
    (
        "rambling",
        "Rambled or lost the thread",
        "e.g. answer in STAR order, stop after the result",
    ),
    (
        "weak_examples",
        "Examples were vague",
        "e.g. keep five concrete stories with numbers ready",
    ),
    (
        "nerves",
        "Nerves got the better of me",
        "e.g. rehearse out loud; breathe before answering",
    ),
    (
        "salary",
        "Fumbled the salary question",
        "e.g. research the range and practise saying it",
    ),
];

/// The label of a mistake key (unknown keys show as themselves).
pub fn mistake_label(kind: &str) -> &str {
    COMMON_MISTAKES
        .iter()
        .find(|(k, _, _)| *k == kind)
        .map(|(_, label, _)| *label)
        .unwrap_or(kind)
}

/// Looking back at one interview. Its id is the interview's id: one reflection per interview.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug, Default)]
#[serde(default)]
pub struct Reflection {
    pub id: Id,
    pub went_well: String,
    pub fell_short: String,
    pub said: String,
    pub did_not_say: String,
    pub not_prepared: String,
    pub mistakes: Vec<MistakeNote>,
    pub mood: Option<Mood>,
    pub vent: String,
    pub created: Millis,
    pub updated: Millis,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Reflection {
    /// Whether the user has written or ticked anything yet.
    pub fn is_started(&self) -> bool {
        [
            &self.went_well,
            &self.fell_short,
            &self.said,
            &self.did_not_say,
            &self.not_prepared,
            &self.vent,
        ]
        .iter()
        .any(|s| !s.trim().is_empty())
            || !self.mistakes.is_empty()
            || self.mood.is_some()
    }
}

/// Which text prompt of a reflection a field is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Prompt {
    WentWell,
    FellShort,
    Said,
    DidNotSay,
    NotPrepared,
    Vent,
}

impl Prompt {
    pub const QUESTIONS: [Prompt; 5] = [
        Prompt::WentWell,
        Prompt::FellShort,
        Prompt::Said,
        Prompt::DidNotSay,
        Prompt::NotPrepared,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Prompt::WentWell => "went_well",
            Prompt::FellShort => "fell_short",
            Prompt::Said => "said",
            Prompt::DidNotSay => "did_not_say",
            Prompt::NotPrepared => "not_prepared",
            Prompt::Vent => "vent",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Prompt::WentWell => "What went well?",
            Prompt::FellShort => "Where did I fall short?",
            Prompt::Said => "What did I say that I want to remember?",
            Prompt::DidNotSay => "What didn't I say that I wish I had?",
            Prompt::NotPrepared => "What wasn't I prepared for?",
            Prompt::Vent => "How do I feel? (just for me)",
        }
    }
    pub fn get(self, r: &Reflection) -> &str {
        match self {
            Prompt::WentWell => &r.went_well,
            Prompt::FellShort => &r.fell_short,
            Prompt::Said => &r.said,
            Prompt::DidNotSay => &r.did_not_say,
            Prompt::NotPrepared => &r.not_prepared,
            Prompt::Vent => &r.vent,
        }
    }
    pub fn set(self, r: &mut Reflection, text: String) {
        let field = match self {
            Prompt::WentWell => &mut r.went_well,
            Prompt::FellShort => &mut r.fell_short,
            Prompt::Said => &mut r.said,
            Prompt::DidNotSay => &mut r.did_not_say,
            Prompt::NotPrepared => &mut r.not_prepared,
            Prompt::Vent => &mut r.vent,
        };
        *field = text;
    }
}

/// The user's preferences.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(default)]
pub struct Settings {
    /// Below this many active opportunities, Today gently suggests lining up more.
    pub nudge_threshold: u32,
    /// Remind to export a backup when changes are this many days older than the last backup
    /// (0: never remind).
    pub backup_reminder_days: u32,
    /// Practice: the share of answers FSRS aims for you to recall (0.7 to 0.97).
    pub desired_retention: f64,
    /// Practice: how many questions never practised come up a day.
    pub new_per_day: u32,
    /// Practice: seconds on the answer timer (0: no timer).
    pub answer_timer_secs: u32,
    /// Practice: big targets low on the screen, for one thumb.
    pub commute_mode: bool,
    /// Practice: read each question aloud with the device's speech synthesis.
    pub read_aloud: bool,
    /// The name of the voice to read aloud with ("" for the default).
    pub voice: String,
    /// The user's name, to sign letters with ("" leaves a placeholder).
    pub your_name: String,
    /// Show a practice streak on the journey (off unless the user asks for it).
    pub streaks: bool,
    /// Insights the user dismissed: insight key -> the fingerprint of its evidence then.
    pub dismissed_insights: std::collections::BTreeMap<String, String>,
    /// Colour scheme: "system" (follow the device), "light" or "dark".
    pub theme: String,
    /// Preparing for an interview: the predicted recall to have of each chosen answer on the
    /// day (0.8 to 0.97; see `countdown::target`).
    pub prep_target: f64,
    /// Hands-free practice (commute mode with read-aloud): the seconds to answer out loud
    /// between the question read and the user's answer read back (20 to 120). Written only
    /// when changed, so settings from before it write back as they were.
    #[serde(skip_serializing_if = "is_default_aloud")]
    pub answer_aloud_secs: u32,
    /// Days without word after which Today offers to mark an opportunity "No reply" (7 to 90).
    /// Written only when changed.
    #[serde(skip_serializing_if = "is_default_no_reply")]
    pub no_reply_days: u32,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            nudge_threshold: 3,
            backup_reminder_days: 14,
            desired_retention: 0.9,
            new_per_day: 10,
            answer_timer_secs: 120,
            commute_mode: false,
            read_aloud: false,
            voice: String::new(),
            your_name: String::new(),
            streaks: false,
            dismissed_insights: Default::default(),
            theme: "system".to_string(),
            prep_target: super::countdown::DEFAULT_TARGET,
            answer_aloud_secs: Settings::ALOUD_DEFAULT,
            no_reply_days: Settings::NO_REPLY_DEFAULT,
            extra: Extra::new(),
        }
    }
}

impl Settings {
    pub const NUDGE_MIN: u32 = 1;
    pub const NUDGE_MAX: u32 = 20;
    pub const BACKUP_DAYS_MAX: u32 = 365;
    pub const ALOUD_MIN: u32 = 20;
    pub const ALOUD_MAX: u32 = 120;
    pub const ALOUD_DEFAULT: u32 = 45;
    pub const NO_REPLY_MIN: u32 = 7;
    pub const NO_REPLY_MAX: u32 = 90;
    pub const NO_REPLY_DEFAULT: u32 = 21;
    /// The same settings with every value brought into its allowed range.
    pub fn clamped(mut self) -> Self {
        self.nudge_threshold = self.nudge_threshold.clamp(Self::NUDGE_MIN, Self::NUDGE_MAX);
        self.backup_reminder_days = self.backup_reminder_days.min(Self::BACKUP_DAYS_MAX);
        self.desired_retention = if self.desired_retention.is_finite() {
            self.desired_retention.clamp(0.7, 0.97)
        } else {
            0.9
        };
        self.new_per_day = self.new_per_day.min(200);
        self.prep_target = super::countdown::target(self.prep_target);
        self.answer_timer_secs = self.answer_timer_secs.min(60 * 60);
        self.answer_aloud_secs = self
            .answer_aloud_secs
            .clamp(Self::ALOUD_MIN, Self::ALOUD_MAX);
        self.no_reply_days = self
            .no_reply_days
            .clamp(Self::NO_REPLY_MIN, Self::NO_REPLY_MAX);
        self.voice = self.voice.chars().take(200).collect();
        self.your_name = self.your_name.chars().take(200).collect();
        if !["system", "light", "dark"].contains(&self.theme.as_str()) {
            self.theme = "system".to_string();
        }
        self
    }
}

fn is_default_aloud(secs: &u32) -> bool {
    *secs == Settings::ALOUD_DEFAULT
}

fn is_default_no_reply(days: &u32) -> bool {
    *days == Settings::NO_REPLY_DEFAULT
}

/// An editable field of an interview, as the form sends it: the field and the typed text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum InterviewField {
    Company,
    Role,
    Date,
    /// "HH:MM", or "" for no time.
    Time,
    Interviewers,
    Stage,
    Outcome,
    Notes,
    /// A format's stored word, or "" for not said.
    Format,
    /// The format in the user's own words (kept as typed).
    FormatWords,
}

/// Longest text kept in one field; longer input is cut here rather than refused.
pub const MAX_FIELD_CHARS: usize = 20_000;

impl InterviewField {
    /// Apply typed text to the interview. Text is kept as typed (trimmed only for dates, times
    /// and choices); an unknown choice or a malformed date or time leaves the field as it was
    /// and returns `false`, so the form can say so without losing anything.
    pub fn apply(self, interview: &mut Interview, text: &str) -> bool {
        let text: String = text.chars().take(MAX_FIELD_CHARS).collect();
        match self {
            InterviewField::Company => interview.company = text,
            InterviewField::Role => interview.role = text,
            InterviewField::Interviewers => interview.interviewers = text,
            InterviewField::Notes => interview.notes = text,
            InterviewField::FormatWords => interview.format_words = text,
            InterviewField::Time => {
                let t = text.trim();
                if t.is_empty() {
                    interview.time = None;
                } else {
                    match super::display::parse_hh_mm(t) {
                        Some(time) => interview.time = Some(time),
                        None => return false,
                    }
                }
            }
            InterviewField::Format => {
                let t = text.trim();
                if t.is_empty() {
                    interview.format = None;
                } else {
                    match InterviewFormat::from_key(t) {
                        Some(f) => interview.format = Some(f),
                        None => return false,
                    }
                }
            }
            InterviewField::Date => {
                let t = text.trim();
                if t.is_empty() {
                    interview.date = None;
                } else {
                    match super::display::parse_iso_date(t) {
                        Some(d) => interview.date = Some(d),
                        None => return false,
                    }
                }
            }
            InterviewField::Stage => match Stage::from_key(text.trim()) {
                Some(s) => interview.stage = s,
                None => return false,
            },
            InterviewField::Outcome => match Outcome::from_key(text.trim()) {
                Some(o) => interview.outcome = o,
                None => return false,
            },
        }
        true
    }

    /// Like [`InterviewField::apply`], for a choice picked from what a form offered: a stage or
    /// outcome this build does not know is offered only because the record held it (written by
    /// a newer version), so choosing it again keeps it.
    pub fn apply_offered(self, interview: &mut Interview, text: &str) -> bool {
        match self {
            InterviewField::Stage if !text.trim().is_empty() => {
                interview.stage = Stage::read(text.trim())
            }
            InterviewField::Outcome if !text.trim().is_empty() => {
                interview.outcome = Outcome::read(text.trim())
            }
            _ => return self.apply(interview, text),
        }
        true
    }
}

#[cfg(test)]
mod tests;
