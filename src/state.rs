//! The app's state, provided to every page through context: the collections as signals, the
//! notices shown at the top of the screen, and the saving machinery.
//!
//! Edits go through [`AppState`] methods, which change the signal and mark that collection
//! dirty. Dirty collections are written a short moment later (one write per collection, however
//! many keystrokes), and at once when the page is hidden or closed. Writes from another tab
//! arrive as `storage` events and are folded in by [`AppState::on_external_change`]. Only
//! `storage` touches localStorage; pages never do.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::core::backup::DeviceMeta;
use crate::core::model::{Id, Interview, Millis, Reflection, Settings, Versioned};
use crate::core::plan::{self, PlanItem};
use crate::core::practice::{self, CardState, Grade, PracticeSettings, ReviewEntry, UndoRecord};
use crate::core::questions::{self, Answer, Category, Question};
use crate::core::schema::{self, Collection, Db, Problem, DAMAGED_PREFIX, KEY_PREFIX, SCHEMA_KEY};
use crate::core::search::{self, SearchProfile, SearchVersion};
use crate::core::sync::reconcile;
use crate::platform;
use crate::storage::{self, WriteError};

/// How long edits are gathered before they are written.
pub const SAVE_DELAY: Duration = Duration::from_millis(300);

/// Something the user should know about, shown as a banner until dismissed or resolved.
#[derive(Clone, PartialEq, Debug)]
pub enum Notice {
    /// A stored collection did not fully load; its raw text was kept aside under `kept_as`
    /// (`None`: it could not be copied, so the collection is not written this session).
    Damaged {
        collection: Collection,
        reason: String,
        kept_as: Option<String>,
    },
    /// The browser's storage is full: the latest edits are only in memory.
    QuotaFull,
    /// localStorage cannot be used at all in this browser window.
    StorageUnavailable,
    /// Data written by a newer version: shown, but never overwritten.
    NewerVersion { found: u32 },
    /// The stored schema number was unreadable.
    BadSchemaKey,
    /// A new version of the app is installed and waiting.
    UpdateReady,
    /// Some other failure while saving, with what the browser said.
    SaveFailed(String),
    /// A record edited here was changed later in another tab; that later version is shown.
    ChangedElsewhere { title: String },
    /// Something finished (an import, a deletion): a plain confirmation.
    Done(String),
}

/// What can be undone right now (one level).
#[derive(Clone, PartialEq, Debug)]
pub enum Undo {
    DeletedInterview {
        interview: Box<Interview>,
        reflection: Option<Box<Reflection>>,
    },
    DeletedPlanItem(Box<PlanItem>),
}

impl Undo {
    /// What was done, for the undo toast.
    pub fn describe(&self) -> String {
        match self {
            Undo::DeletedInterview { interview, .. } => {
                format!("Deleted “{}”.", interview.title())
            }
            Undo::DeletedPlanItem(item) => format!("Deleted “{}” from your plan.", item.title()),
        }
    }
}

/// A raw value that did not load and was kept aside.
#[derive(Clone, PartialEq, Debug)]
pub struct KeptAside {
    pub key: String,
    pub collection: String,
    pub kept_at: Millis,
    pub bytes: usize,
}

/// Whether the browser keeps the data even under storage pressure.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Persistence {
    Unknown,
    Unsupported,
    Granted,
    NotGranted,
}

#[derive(Default)]
struct Saver {
    dirty: BTreeSet<Collection>,
    timer_pending: bool,
    /// Collections never to be written this session (their damaged raw text could not be
    /// kept aside, or the data is from a newer version).
    frozen: BTreeSet<Collection>,
    read_only: bool,
    schema_written: bool,
    /// Records edited or created here and not yet written, per collection.
    touched: BTreeMap<Collection, BTreeSet<Id>>,
    /// Records deleted here and not yet written, per collection.
    deleted: BTreeMap<Collection, BTreeSet<Id>>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub interviews: RwSignal<Vec<Interview>>,
    pub reflections: RwSignal<Vec<Reflection>>,
    pub settings: RwSignal<Settings>,
    /// Questions the user added or changed (see `questions::bank` for the whole bank).
    pub questions: RwSignal<Vec<Question>>,
    pub cards: RwSignal<Vec<CardState>>,
    pub reviews: RwSignal<Vec<ReviewEntry>>,
    pub plan: RwSignal<Vec<PlanItem>>,
    /// What I'm looking for: one version per saved change (see `core::search`).
    pub search: RwSignal<Vec<SearchVersion>>,
    /// The last rating in this session, for undo.
    pub last_rating: RwSignal<Option<UndoRecord>>,
    pub notices: RwSignal<Vec<Notice>>,
    pub undo: RwSignal<Option<Undo>>,
    pub kept_aside: RwSignal<Vec<KeptAside>>,
    /// Backups and persistence on this device.
    pub meta: RwSignal<DeviceMeta>,
    pub persistence: RwSignal<Persistence>,
    /// Bumped when another tab changed the data, so forms that keep their own text re-read it.
    pub external_revision: RwSignal<u64>,
    /// Today's date on this device; refreshed when the app comes back to the foreground.
    pub today: RwSignal<NaiveDate>,
    saver: StoredValue<Saver, LocalStorage>,
}

/// The state from context. Every page is rendered inside `App`, which provides it.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

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
            rewrite.extend(Collection::ALL);
        }
        let meta = stored
            .get(DeviceMeta::KEY)
            .and_then(|text| serde_json::from_str::<DeviceMeta>(text).ok())
            .unwrap_or_default();
        let Db {
            interviews,
            reflections,
            settings,
            questions,
            cards,
            reviews,
            plan,
            search,
        } = loaded.db.clone();
        let state = AppState {
            interviews: RwSignal::new(interviews),
            reflections: RwSignal::new(reflections),
            settings: RwSignal::new(settings),
            questions: RwSignal::new(questions),
            cards: RwSignal::new(cards),
            reviews: RwSignal::new(reviews),
            plan: RwSignal::new(plan),
            search: RwSignal::new(search),
            last_rating: RwSignal::new(None),
            notices: RwSignal::new(notices),
            undo: RwSignal::new(None),
            kept_aside: RwSignal::new(Vec::new()),
            meta: RwSignal::new(meta),
            persistence: RwSignal::new(Persistence::Unknown),
            external_revision: RwSignal::new(0),
            today: RwSignal::new(platform::today()),
            saver: StoredValue::new_local(Saver {
                frozen,
                read_only: loaded.read_only,
                schema_written: loaded.stored_schema == Some(schema::SCHEMA_VERSION),
                ..Saver::default()
            }),
        };
        state.refresh_kept_aside();
        if !rewrite.is_empty() {
            state.saver.update_value(|s| s.dirty.extend(rewrite));
            state.flush();
        }
        state
    }

    /// Everything in memory, as one value (for export and import).
    pub fn snapshot(&self) -> Db {
        Db {
            interviews: self.interviews.get_untracked(),
            reflections: self.reflections.get_untracked(),
            settings: self.settings.get_untracked(),
            questions: self.questions.get_untracked(),
            cards: self.cards.get_untracked(),
            reviews: self.reviews.get_untracked(),
            plan: self.plan.get_untracked(),
            search: self.search.get_untracked(),
        }
    }

    // ----- reading -----

    pub fn interview(&self, id: &str) -> Option<Interview> {
        self.interviews
            .with(|list| list.iter().find(|i| i.id == id).cloned())
    }

    pub fn reflection(&self, id: &str) -> Option<Reflection> {
        self.reflections
            .with(|list| list.iter().find(|r| r.id == id).cloned())
    }

    // ----- editing -----

    /// Add a new interview and return its id.
    pub fn add_interview(&self, mut interview: Interview) -> String {
        let now = platform::now_ms();
        if interview.id.is_empty() {
            interview.id = platform::new_id();
        }
        interview.created = now;
        interview.updated = now;
        let id = interview.id.clone();
        self.interviews.update(|list| list.push(interview));
        self.touch(Collection::Interviews, &id);
        self.meaningful_action();
        id
    }

    /// Change one interview in place. Does nothing if it no longer exists.
    pub fn edit_interview(&self, id: &str, edit: impl FnOnce(&mut Interview)) {
        self.edit_record(
            Collection::Interviews,
            self.interviews,
            id,
            edit,
            |i, at| i.updated = at,
        );
    }

    /// Change record `id` of a collection in place, stamp when, and mark it for saving. Does
    /// nothing if it no longer exists.
    fn edit_record<T: Versioned + Send + Sync + 'static>(
        &self,
        c: Collection,
        signal: RwSignal<Vec<T>>,
        id: &str,
        edit: impl FnOnce(&mut T),
        stamp: fn(&mut T, Millis),
    ) {
        let mut found = false;
        signal.update(|list| {
            if let Some(r) = list.iter_mut().find(|r| r.id() == id) {
                edit(r);
                stamp(r, platform::now_ms());
                found = true;
            }
        });
        if found {
            self.touch(c, id);
        }
    }

    /// Delete an interview and its reflection; it can be brought back with [`AppState::undo`].
    pub fn delete_interview(&self, id: &str) {
        let mut removed = None;
        self.interviews.update(|list| {
            if let Some(pos) = list.iter().position(|i| i.id == id) {
                removed = Some(list.remove(pos));
            }
        });
        let Some(interview) = removed else {
            return;
        };
        let mut reflection = None;
        self.reflections.update(|list| {
            if let Some(pos) = list.iter().position(|r| r.id == id) {
                reflection = Some(list.remove(pos));
            }
        });
        self.forget(Collection::Interviews, id);
        if reflection.is_some() {
            self.forget(Collection::Reflections, id);
        }
        self.undo.set(Some(Undo::DeletedInterview {
            interview: Box::new(interview),
            reflection: reflection.map(Box::new),
        }));
    }

    /// Undo the last undoable action.
    pub fn undo(&self) {
        match self.undo.get_untracked() {
            Some(Undo::DeletedInterview {
                interview,
                reflection,
            }) => {
                let id = interview.id.clone();
                self.interviews.update(|list| list.push(*interview));
                self.touch(Collection::Interviews, &id);
                if let Some(r) = reflection {
                    self.reflections.update(|list| list.push(*r));
                    self.touch(Collection::Reflections, &id);
                }
            }
            Some(Undo::DeletedPlanItem(item)) => {
                let id = item.id.clone();
                self.plan.update(|list| list.push(*item));
                self.touch(Collection::Plan, &id);
            }
            None => {}
        }
        self.undo.set(None);
    }

    /// Change the reflection on interview `id`, creating it on first edit.
    pub fn edit_reflection(&self, id: &str, edit: impl FnOnce(&mut Reflection)) {
        let now = platform::now_ms();
        self.reflections.update(|list| {
            let pos = match list.iter().position(|r| r.id == id) {
                Some(pos) => pos,
                None => {
                    list.push(Reflection {
                        id: id.to_string(),
                        created: now,
                        ..Reflection::default()
                    });
                    list.len() - 1
                }
            };
            edit(&mut list[pos]);
            list[pos].updated = now;
        });
        self.touch(Collection::Reflections, id);
        self.meaningful_action();
    }

    pub fn edit_settings(&self, edit: impl FnOnce(&mut Settings)) {
        self.settings.update(|s| {
            edit(s);
            *s = s.clone().clamped();
        });
        self.changed(Collection::Settings);
    }

    // ----- the plan -----

    /// Add a plan item (at the end of the list) and return its id.
    pub fn add_plan_item(&self, mut item: PlanItem) -> Id {
        let now = platform::now_ms();
        item.id = platform::new_id();
        item.created = now;
        item.updated = now;
        item.order = self.plan.with_untracked(|l| plan::next_order(l));
        let id = item.id.clone();
        self.plan.update(|l| l.push(item));
        self.touch(Collection::Plan, &id);
        self.meaningful_action();
        id
    }

    /// Change one plan item in place. Does nothing if it no longer exists.
    pub fn edit_plan_item(&self, id: &str, edit: impl FnOnce(&mut PlanItem)) {
        self.edit_record(Collection::Plan, self.plan, id, edit, |p, at| {
            p.updated = at
        });
    }

    /// Move a plan item one place up (-1) or down (1).
    pub fn move_plan_item(&self, id: &str, by: i64) {
        let mut changed = Vec::new();
        let now = platform::now_ms();
        self.plan.update(|list| {
            changed = plan::move_item(list, id, by);
            for item in list.iter_mut().filter(|i| changed.contains(&i.id)) {
                item.updated = now;
            }
        });
        for id in changed {
            self.touch(Collection::Plan, &id);
        }
    }

    /// Delete a plan item; it can be brought back with [`AppState::undo`].
    pub fn delete_plan_item(&self, id: &str) {
        let mut removed = None;
        self.plan.update(|list| {
            if let Some(pos) = list.iter().position(|i| i.id == id) {
                removed = Some(list.remove(pos));
            }
        });
        if let Some(item) = removed {
            self.forget(Collection::Plan, id);
            self.undo.set(Some(Undo::DeletedPlanItem(Box::new(item))));
        }
    }

    /// The plan items that came from one interview: (id, title, progress).
    pub fn plan_items_of_interview(&self, interview_id: &str) -> Vec<(Id, String, u8)> {
        self.plan.with(|list| {
            plan::ordered(list, false)
                .into_iter()
                .chain(plan::ordered(list, true))
                .filter(|p| p.from_interview(interview_id))
                .map(|p| (p.id.clone(), p.title(), p.progress()))
                .collect()
        })
    }

    // ----- what I'm looking for -----

    /// Save `profile` as a new version (if it differs from the current one), noting the
    /// interview that prompted it. Returns whether anything was saved.
    pub fn save_search(&self, profile: SearchProfile, interview_id: Option<Id>) -> bool {
        let profile = profile.tidied();
        if self.search.with_untracked(|v| search::current(v)) == profile {
            return false;
        }
        let now = platform::now_ms();
        let version = SearchVersion {
            id: platform::new_id(),
            profile,
            interview_id,
            created: now,
            updated: now,
            ..SearchVersion::default()
        };
        let id = version.id.clone();
        self.search.update(|l| l.push(version));
        self.touch(Collection::Search, &id);
        self.meaningful_action();
        true
    }

    // ----- questions and practice -----

    /// The whole question bank (stored questions plus untouched starter questions), as a memo.
    pub fn bank(&self) -> Memo<Vec<Question>> {
        let questions = self.questions;
        Memo::new(move |_| questions.with(|q| questions::bank(q)))
    }

    /// Add a question of the user's own and return its id.
    pub fn add_question(&self, text: String, category: Category, interview_id: Option<Id>) -> Id {
        let now = platform::now_ms();
        let mut q = Question::new(
            platform::new_id(),
            text.trim()
                .chars()
                .take(crate::core::model::MAX_FIELD_CHARS)
                .collect(),
            category,
            now,
        );
        q.interview_id = interview_id;
        let id = q.id.clone();
        self.questions.update(|list| list.insert(0, q));
        self.touch(Collection::Questions, &id);
        self.meaningful_action();
        id
    }

    /// Change a question, storing a starter question the first time it is changed.
    fn edit_question(&self, id: &str, edit: impl FnOnce(&mut Question)) {
        let stored = self
            .questions
            .with_untracked(|l| l.iter().any(|q| q.id == id));
        if !stored {
            let starter = self
                .questions
                .with_untracked(|l| questions::bank(l))
                .into_iter()
                .find(|q| q.id == id);
            let Some(starter) = starter else {
                return;
            };
            self.questions.update(|l| l.push(starter));
        }
        self.questions.update(|list| {
            if let Some(q) = list.iter_mut().find(|q| q.id == id) {
                edit(q);
            }
        });
        self.touch(Collection::Questions, id);
    }

    /// Change the prepared answer (dated revisions are kept, see `Question::edit_answer`).
    pub fn edit_answer(&self, id: &str, change: Box<dyn FnOnce(&mut Answer)>) {
        let now = platform::now_ms();
        self.edit_question(id, move |q| {
            let mut answer = q.answer.clone();
            change(&mut answer);
            q.edit_answer(answer, now);
        });
        self.meaningful_action();
    }

    pub fn restore_revision(&self, id: &str, index: usize) {
        let now = platform::now_ms();
        self.edit_question(id, move |q| {
            q.restore_revision(index, now);
        });
    }

    pub fn set_question_hidden(&self, id: &str, hidden: bool) {
        let now = platform::now_ms();
        self.edit_question(id, move |q| {
            q.hidden = hidden;
            q.updated = now;
        });
    }

    /// Delete a question of the user's own (starter questions are hidden instead).
    pub fn delete_question(&self, id: &str) {
        let mut removed = false;
        self.questions.update(|list| {
            let before = list.len();
            list.retain(|q| q.id != id || q.starter);
            removed = list.len() != before;
        });
        if removed {
            self.forget(Collection::Questions, id);
            let had_card = self.cards.with_untracked(|c| c.iter().any(|c| c.id == id));
            if had_card {
                self.cards.update(|c| c.retain(|c| c.id != id));
                self.forget(Collection::Cards, id);
            }
        }
    }

    /// The questions asked at one interview.
    pub fn questions_of_interview(&self, interview_id: &str) -> Vec<(Id, String)> {
        self.questions.with(|list| {
            list.iter()
                .filter(|q| q.interview_id.as_deref() == Some(interview_id))
                .map(|q| (q.id.clone(), q.text.clone()))
                .collect()
        })
    }

    pub fn practice_settings(&self) -> PracticeSettings {
        self.settings.with(|s| PracticeSettings {
            desired_retention: s.desired_retention,
            new_per_day: s.new_per_day,
        })
    }

    fn candidates(&self) -> Vec<Id> {
        self.questions.with(|q| questions::visible_ids(q))
    }

    /// A drill of one category (see `practice::focus_queue`), leaving out `rated`.
    pub fn focus_queue(&self, category: Category, rated: &[Id]) -> Vec<Id> {
        let candidates: Vec<Id> = self.questions.with(|q| {
            questions::bank(q)
                .into_iter()
                .filter(|q| !q.hidden && q.category == category)
                .map(|q| q.id)
                .collect()
        });
        self.cards
            .with(|cards| practice::focus_queue(&candidates, cards, rated, platform::now_ms(), 20))
    }

    /// The ids to practise now, in order.
    pub fn due_queue(&self) -> Vec<Id> {
        let candidates = self.candidates();
        let settings = self.practice_settings();
        self.cards.with(|cards| {
            self.reviews.with(|log| {
                practice::due_queue(
                    &candidates,
                    cards,
                    log,
                    platform::now_ms(),
                    platform::today_start(),
                    &settings,
                )
            })
        })
    }

    /// How many questions are due now (for Today and the bank).
    pub fn due_count(&self) -> usize {
        self.due_queue().len()
    }

    /// Rate question `id` now; remembered for [`AppState::undo_rating`].
    pub fn rate(&self, id: &str, grade: Grade) {
        let before = self
            .cards
            .with_untracked(|c| c.iter().find(|c| c.id == id).cloned());
        let (card, entry) = practice::rate(
            before.as_ref(),
            id,
            grade,
            platform::now_ms(),
            &self.practice_settings(),
        );
        self.cards
            .update(|cards| match cards.iter_mut().find(|c| c.id == id) {
                Some(c) => *c = card,
                None => cards.push(card),
            });
        self.reviews.update(|log| log.push(entry.clone()));
        self.last_rating.set(Some(UndoRecord { before, entry }));
        self.touch(Collection::Cards, id);
        self.changed(Collection::Reviews);
    }

    /// Undo the last rating exactly. Returns whether there was one to undo.
    pub fn undo_rating(&self) -> bool {
        let Some(record) = self.last_rating.get_untracked() else {
            return false;
        };
        let mut cards = self.cards.get_untracked();
        let mut log = self.reviews.get_untracked();
        let done = practice::undo(&mut cards, &mut log, &record);
        if done {
            self.cards.set(cards);
            self.reviews.set(log);
            let id = record.entry.id.clone();
            if record.before.is_some() {
                self.touch(Collection::Cards, &id);
            } else {
                self.forget(Collection::Cards, &id);
            }
            self.changed(Collection::Reviews);
        }
        self.last_rating.set(None);
        done
    }

    // ----- import, export, delete everything -----

    /// Put `db` in place of everything (replace) or of what it merges to, and save at once.
    pub fn apply_import(&self, db: Db) {
        let Db {
            interviews,
            reflections,
            settings,
            questions,
            cards,
            reviews,
            plan,
            search,
        } = db;
        let interview_ids: BTreeSet<Id> = interviews.iter().map(|i| i.id.clone()).collect();
        let reflection_ids: BTreeSet<Id> = reflections.iter().map(|r| r.id.clone()).collect();
        let question_ids: BTreeSet<Id> = questions.iter().map(|q| q.id.clone()).collect();
        let card_ids: BTreeSet<Id> = cards.iter().map(|c| c.id.clone()).collect();
        let plan_ids: BTreeSet<Id> = plan.iter().map(|c| c.id.clone()).collect();
        let search_ids: BTreeSet<Id> = search.iter().map(|c| c.id.clone()).collect();
        self.interviews.set(interviews);
        self.reflections.set(reflections);
        self.settings.set(settings.clamped());
        self.questions.set(questions);
        self.cards.set(cards);
        self.reviews.set(reviews);
        self.plan.set(plan);
        self.search.set(search);
        self.last_rating.set(None);
        self.saver.update_value(|s| {
            s.touched.insert(Collection::Interviews, interview_ids);
            s.touched.insert(Collection::Reflections, reflection_ids);
            s.touched.insert(Collection::Questions, question_ids);
            s.touched.insert(Collection::Cards, card_ids);
            s.touched.insert(Collection::Plan, plan_ids);
            s.touched.insert(Collection::Search, search_ids);
        });
        for c in Collection::ALL {
            self.changed(c);
        }
        self.external_revision.update(|n| *n += 1);
        self.flush();
    }

    /// Note that a backup was made now.
    pub fn mark_exported(&self) {
        self.meta.update(|m| m.exported(platform::now_ms()));
        self.save_meta();
    }

    /// Remove every key Rebound stored, and start afresh in memory.
    pub fn delete_everything(&self) {
        if let Ok(all) = storage::read_prefixed(KEY_PREFIX) {
            for key in all.keys() {
                storage::remove(key);
            }
        }
        self.reset_memory();
        self.undo.set(None);
        self.notices.set(Vec::new());
    }

    /// Forget everything held in memory and every pending write (storage was emptied).
    fn reset_memory(&self) {
        self.saver.update_value(|s| {
            s.dirty.clear();
            s.touched.clear();
            s.deleted.clear();
            s.schema_written = false;
        });
        self.interviews.set(Vec::new());
        self.reflections.set(Vec::new());
        self.settings.set(Settings::default());
        self.questions.set(Vec::new());
        self.cards.set(Vec::new());
        self.reviews.set(Vec::new());
        self.plan.set(Vec::new());
        self.search.set(Vec::new());
        self.last_rating.set(None);
        self.meta.set(DeviceMeta::default());
        self.refresh_kept_aside();
        self.external_revision.update(|n| *n += 1);
    }

    /// Bytes each stored key takes (as browsers count them), largest first.
    pub fn storage_usage(&self) -> Vec<(String, usize)> {
        let all = storage::read_prefixed_raw(KEY_PREFIX).unwrap_or_default();
        let mut list: Vec<(String, usize)> = all
            .iter()
            .map(|(k, v)| {
                let single = BTreeMap::from([(k.clone(), v.clone())]);
                (k.clone(), storage::used_bytes(&single))
            })
            .collect();
        crate::core::order::sort_by_key(&mut list, |entry| std::cmp::Reverse(entry.1));
        list
    }

    // ----- persistence -----

    /// Learn whether the browser already keeps the data.
    pub fn check_persistence(&self) {
        let state = *self;
        wasm_bindgen_futures::spawn_local(async move {
            let value = match platform::storage_persisted().await {
                Some(true) => Persistence::Granted,
                Some(false) => Persistence::NotGranted,
                None => Persistence::Unsupported,
            };
            state.persistence.set(value);
        });
    }

    /// Ask the browser to keep the data (after a meaningful action, never on page load).
    pub fn request_persistence(&self) {
        let state = *self;
        wasm_bindgen_futures::spawn_local(async move {
            let value = match platform::storage_persist().await {
                Some(true) => Persistence::Granted,
                Some(false) => Persistence::NotGranted,
                None => Persistence::Unsupported,
            };
            state.persistence.set(value);
        });
    }

    fn meaningful_action(&self) {
        if self.meta.with_untracked(|m| m.persist_asked) {
            return;
        }
        self.meta.update(|m| m.persist_asked = true);
        self.save_meta();
        self.request_persistence();
    }

    // ----- notices -----

    pub fn notify(&self, notice: Notice) {
        self.notices.update(|list| {
            if !list.contains(&notice) {
                list.push(notice);
            }
        });
    }

    pub fn dismiss(&self, notice: &Notice) {
        self.notices.update(|list| list.retain(|n| n != notice));
    }

    // ----- data kept aside -----

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
        self.kept_aside.set(list);
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

    // ----- another tab -----

    /// Another tab stored `new_value` under `key` (`None` key: it cleared storage).
    pub fn on_external_change(&self, key: Option<String>, new_value: Option<String>) {
        let Some(key) = key else {
            self.reset_memory();
            return;
        };
        if key == DeviceMeta::KEY {
            let meta = new_value
                .and_then(|t| serde_json::from_str::<DeviceMeta>(&t).ok())
                .unwrap_or_default();
            self.meta.set(meta);
            return;
        }
        if key.starts_with(DAMAGED_PREFIX) {
            self.refresh_kept_aside();
            return;
        }
        let Some(c) = Collection::from_key(&key) else {
            return;
        };
        let text = new_value.map(storage::unpacked).unwrap_or_else(|| match c {
            Collection::Settings => "{}".to_string(),
            _ => "[]".to_string(),
        });
        let loaded = schema::load(&BTreeMap::from([
            (SCHEMA_KEY.to_string(), schema::SCHEMA_VERSION.to_string()),
            (c.key(), text),
        ]));
        if !loaded.problems.is_empty() {
            return; // never adopt something unreadable; what is here stays as it is
        }
        let (touched, deleted) = self.saver.with_value(|s| {
            (
                s.touched.get(&c).cloned().unwrap_or_default(),
                s.deleted.get(&c).cloned().unwrap_or_default(),
            )
        });
        match c {
            Collection::Interviews => self.fold_in(
                c,
                self.interviews,
                &loaded.db.interviews,
                &touched,
                &deleted,
            ),
            Collection::Reflections => self.fold_in(
                c,
                self.reflections,
                &loaded.db.reflections,
                &touched,
                &deleted,
            ),
            Collection::Questions => {
                self.fold_in(c, self.questions, &loaded.db.questions, &touched, &deleted)
            }
            Collection::Cards => self.fold_in(c, self.cards, &loaded.db.cards, &touched, &deleted),
            Collection::Plan => self.fold_in(c, self.plan, &loaded.db.plan, &touched, &deleted),
            Collection::Search => {
                self.fold_in(c, self.search, &loaded.db.search, &touched, &deleted)
            }
            Collection::Settings => {
                if !self.saver.with_value(|s| s.dirty.contains(&c)) {
                    self.settings.set(loaded.db.settings);
                }
            }
            Collection::Reviews => {
                // A log without ids: take the other tab's unless ours has unsaved ratings, which
                // will be written (with theirs lost only if both rated in the same moment).
                if !self.saver.with_value(|s| s.dirty.contains(&c)) {
                    self.reviews.set(loaded.db.reviews);
                }
            }
        }
        self.external_revision.update(|n| *n += 1);
    }

    fn fold_in<T: Versioned + Send + Sync + 'static>(
        &self,
        c: Collection,
        signal: RwSignal<Vec<T>>,
        incoming: &[T],
        touched: &BTreeSet<Id>,
        deleted: &BTreeSet<Id>,
    ) {
        let local = signal.get_untracked();
        let result = reconcile(&local, incoming, touched, deleted);
        let differs_from_stored = result.records.as_slice() != incoming;
        for id in &result.overwritten {
            let title = self
                .interview(id)
                .map(|i| i.title())
                .unwrap_or_else(|| "A record".to_string());
            self.notify(Notice::ChangedElsewhere { title });
        }
        if result.records != local {
            signal.set(result.records);
        }
        if differs_from_stored {
            // Our unsaved edits are still newer: write them (with the other tab's changes).
            self.changed(c);
        }
    }

    // ----- saving -----

    fn touch(&self, c: Collection, id: &str) {
        self.saver.update_value(|s| {
            s.touched.entry(c).or_default().insert(id.to_string());
            if let Some(d) = s.deleted.get_mut(&c) {
                d.remove(id);
            }
        });
        self.changed(c);
    }

    fn forget(&self, c: Collection, id: &str) {
        self.saver.update_value(|s| {
            s.deleted.entry(c).or_default().insert(id.to_string());
            if let Some(t) = s.touched.get_mut(&c) {
                t.remove(id);
            }
        });
        self.changed(c);
    }

    fn changed(&self, c: Collection) {
        let first_unsaved = self.saver.with_value(|s| !s.timer_pending);
        self.saver.update_value(|s| {
            s.dirty.insert(c);
            s.timer_pending = true;
        });
        if first_unsaved {
            let state = *self;
            set_timeout(move || state.flush(), SAVE_DELAY);
        }
        if self.meta.with_untracked(|m| m.unexported_since.is_none()) {
            self.meta.update(|m| m.changed(platform::now_ms()));
            self.save_meta();
        }
    }

    fn save_meta(&self) {
        if self.saver.with_value(|s| s.read_only) {
            return;
        }
        if let Ok(text) = serde_json::to_string(&self.meta.get_untracked()) {
            let _ = storage::write(DeviceMeta::KEY, &text);
        }
    }

    /// Whether some edits are not in storage yet.
    pub fn has_unsaved(&self) -> bool {
        self.saver.with_value(|s| !s.dirty.is_empty())
    }

    /// Write every dirty collection now. Failures leave the data in memory and dirty, and say
    /// so in a notice; the value already in storage is never touched by a failed write.
    pub fn flush(&self) {
        self.saver.update_value(|s| s.timer_pending = false);
        let (dirty, frozen, read_only) = self
            .saver
            .with_value(|s| (s.dirty.clone(), s.frozen.clone(), s.read_only));
        if dirty.is_empty() || read_only {
            return;
        }
        let db = self.snapshot();
        let mut quota_full = false;
        for c in dirty.iter().filter(|c| !frozen.contains(c)) {
            let result = db
                .encode(*c)
                .map_err(WriteError::Other)
                .and_then(|text| storage::write(&c.key(), &text));
            match result {
                Ok(()) => self.saver.update_value(|s| {
                    s.dirty.remove(c);
                    s.touched.remove(c);
                    s.deleted.remove(c);
                }),
                Err(WriteError::QuotaFull) => quota_full = true,
                Err(WriteError::Unavailable) => self.notify(Notice::StorageUnavailable),
                Err(WriteError::Other(e)) => self.notify(Notice::SaveFailed(e)),
            }
        }
        if !self.saver.with_value(|s| s.schema_written)
            && storage::write(SCHEMA_KEY, &schema::SCHEMA_VERSION.to_string()).is_ok()
        {
            self.saver.update_value(|s| s.schema_written = true);
        }
        if quota_full {
            self.notify(Notice::QuotaFull);
        } else if !self.has_unsaved() {
            self.dismiss(&Notice::QuotaFull);
        }
    }
}

/// Keep `raw` aside under a damaged key, unless the same text is already kept. Returns the key,
/// or `None` if it could not be written (then the original must not be overwritten).
fn keep_aside(
    stored: &BTreeMap<String, String>,
    c: Collection,
    raw: &str,
    now: Millis,
) -> Option<String> {
    if let Some((key, _)) = stored
        .iter()
        .find(|(k, v)| k.starts_with(DAMAGED_PREFIX) && v.as_str() == raw)
    {
        return Some(key.clone());
    }
    let key = c.damaged_key(now);
    storage::write(&key, raw).ok().map(|_| key)
}
