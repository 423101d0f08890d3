//! The development plan: skills or gaps to work on, why (the reflections, feedback and
//! questions that showed them), and the actions that close them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::{mistake_label, Extra, Id, Interview, Millis, Prompt, Reflection, Versioned};

/// Where a plan item (or a question) came from: a line of a reflection or feedback, a
/// question, or an insight. Links are kept by id; a link whose target is gone shows as
/// "removed" (see [`Source::describe`] callers).
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug, Default)]
#[serde(default)]
pub struct Source {
    /// The interview it came from, if any.
    pub interview_id: Option<Id>,
    /// The question it came from, if any.
    pub question_id: Option<Id>,
    /// Which part: a reflection prompt key ("fell_short", ...), "mistake", "feedback",
    /// "question" or "insight".
    pub part: String,
    /// The line itself, as it read when the item was made.
    pub text: String,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Source {
    /// The name of the part, for a link label.
    pub fn part_label(&self) -> &'static str {
        match self.part.as_str() {
            "went_well" => "What went well",
            "fell_short" => "Where I fell short",
            "said" => "What I said",
            "did_not_say" => "What I didn't say",
            "not_prepared" => "What I wasn't prepared for",
            "mistake" => "A mistake I noted",
            "feedback" => "Their feedback",
            "question" => "A question",
            "insight" => "An insight",
            _ => "A note",
        }
    }
}

crate::choice! {
    /// What kind of step an action is.
    #[derive(Default)]
    pub enum ActionKind {
        #[default]
        Practice = "practice", "Practice";
        Course = "course", "Course";
        Reading = "reading", "Reading";
        Responsibility = "responsibility", "Take on a responsibility";
        /// Any other kind of step (stored as "other").
        General = "other", "Other";
    }
}

/// One step towards a plan item.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug, Default)]
#[serde(default)]
pub struct Action {
    pub id: Id,
    pub kind: ActionKind,
    pub text: String,
    pub done: bool,
    /// The day it was ticked (for the journey).
    #[serde(with = "crate::core::display::opt_date_serde")]
    pub done_on: Option<NaiveDate>,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

crate::choice! {
    /// Where a plan item stands.
    #[derive(Default)]
    pub enum PlanStatus {
        #[default]
        NotStarted = "not_started", "Not started";
        InProgress = "in_progress", "In progress";
        Done = "done", "Done";
    }
}

/// A skill or gap to work on.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug, Default)]
#[serde(default)]
pub struct PlanItem {
    pub id: Id,
    /// The skill or gap, in a few words.
    pub skill: String,
    /// Why it matters, in the user's words.
    pub why: String,
    /// What showed it: reflection lines, feedback, questions, insights.
    pub sources: Vec<Source>,
    pub actions: Vec<Action>,
    pub status: PlanStatus,
    #[serde(with = "crate::core::display::opt_date_serde")]
    pub target: Option<NaiveDate>,
    /// Position in the list (smaller first); reordering rewrites these.
    pub order: i64,
    pub archived: bool,
    /// The day the item was marked done (for the journey).
    #[serde(with = "crate::core::display::opt_date_serde")]
    pub done_on: Option<NaiveDate>,
    pub created: Millis,
    pub updated: Millis,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Versioned for PlanItem {
    fn id(&self) -> &str {
        &self.id
    }
    fn updated(&self) -> Millis {
        self.updated
    }
}

impl PlanItem {
    /// Progress in percent: the share of actions done; without actions, 100 when done, else 0.
    pub fn progress(&self) -> u8 {
        if self.actions.is_empty() {
            return if self.status == PlanStatus::Done {
                100
            } else {
                0
            };
        }
        let done = self.actions.iter().filter(|a| a.done).count();
        ((done * 100) / self.actions.len()) as u8
    }

    /// A short title for lists.
    pub fn title(&self) -> String {
        let t = self.skill.trim();
        if t.is_empty() {
            "Untitled plan item".to_string()
        } else {
            t.to_string()
        }
    }

    /// Tick or untick an action; the status follows (first tick: in progress; every action
    /// done: done; unticking a done item: back in progress).
    pub fn set_action_done(&mut self, action_id: &str, done: bool, today: NaiveDate) {
        if let Some(a) = self.actions.iter_mut().find(|a| a.id == action_id) {
            a.done = done;
            a.done_on = done.then_some(today);
        }
        let all_done = !self.actions.is_empty() && self.actions.iter().all(|a| a.done);
        if all_done {
            self.set_status(PlanStatus::Done, today);
        } else if self.actions.iter().any(|a| a.done) || self.status == PlanStatus::Done {
            self.set_status(PlanStatus::InProgress, today);
        }
    }

    pub fn set_status(&mut self, status: PlanStatus, today: NaiveDate) {
        if status == PlanStatus::Done && self.status != PlanStatus::Done {
            self.done_on = Some(today);
        }
        if status != PlanStatus::Done {
            self.done_on = None;
        }
        self.status = status;
    }

    /// Whether this item came from interview `id`.
    pub fn from_interview(&self, id: &str) -> bool {
        self.sources
            .iter()
            .any(|s| s.interview_id.as_deref() == Some(id))
    }
}

/// A line of a reflection or of feedback that can become a plan item or a question.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Lesson {
    /// As in [`Source::part`].
    pub part: &'static str,
    pub text: String,
}

/// A lesson as a question for the bank: a note such as "Capacity planning for a queue" is not a
/// question, so it becomes one with the note kept as its context. A line that already asks
/// something stays as written.
pub fn question_from_lesson(lesson: &Lesson) -> String {
    let text = lesson.text.trim();
    if text.ends_with('?') {
        text.to_string()
    } else if lesson.part == "did_not_say" {
        format!("How would I work this in next time? ({text})")
    } else {
        format!("How would I answer this now? ({text})")
    }
}

/// The lines worth acting on from one interview: feedback first, then where the user fell
/// short, what they did not say, what they were not prepared for, and the fixes of ticked
/// mistakes. What went well and the vent are left out (the vent is just for the user).
pub fn lessons(interview: &Interview, reflection: Option<&Reflection>) -> Vec<Lesson> {
    let mut out = Vec::new();
    let mut push = |part: &'static str, text: &str| {
        for line in text.lines() {
            let line = line.trim().trim_start_matches(['-', '*', '•']).trim();
            if !line.is_empty() && !out.iter().any(|l: &Lesson| l.text == line) {
                out.push(Lesson {
                    part,
                    text: line.to_string(),
                });
            }
        }
    };
    push("feedback", &interview.feedback.said);
    if let Some(r) = reflection {
        for prompt in [Prompt::FellShort, Prompt::DidNotSay, Prompt::NotPrepared] {
            push(prompt.key(), prompt.get(r));
        }
        for m in &r.mistakes {
            let label = mistake_label(&m.kind);
            let text = if m.fix.trim().is_empty() {
                label.to_string()
            } else {
                format!("{label}: {}", m.fix.trim())
            };
            push("mistake", &text);
        }
    }
    out
}

/// How long a plan item's title made from a longer line may be, in characters.
pub const TITLE_CHARS: usize = 48;

/// A short title from a longer line: what comes before a colon when that is a few words
/// ("System design: I froze when asked…" is "System design"), else the first
/// [`TITLE_CHARS`] characters, cut at a word.
pub fn skill_from(text: &str) -> String {
    let text = text.trim();
    if let Some((head, _)) = text.split_once(':') {
        let head = head.trim();
        if (3..=TITLE_CHARS).contains(&head.chars().count()) {
            return head.to_string();
        }
    }
    if text.chars().count() <= TITLE_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(TITLE_CHARS).collect();
    let at_word = match cut.rfind(' ') {
        Some(i) if i > TITLE_CHARS / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end())
}

/// A plan item's row in the list: where it stands, its steps counted, and the next one.
pub fn row_line(item: &PlanItem) -> String {
    use crate::core::choice::Choice;
    format!("{} · {}", item.status.label(), steps_line(item))
}

fn steps_line(item: &PlanItem) -> String {
    let n = item.actions.len();
    let done = item.actions.iter().filter(|a| a.done).count();
    let steps = if n == 1 { "step" } else { "steps" };
    let next = item
        .actions
        .iter()
        .find(|a| !a.done && !a.text.trim().is_empty());
    match (n, next) {
        (0, _) => "No steps yet".to_string(),
        (_, Some(a)) => format!("{done} of {n} {steps} done · Next: {}", a.text.trim()),
        (_, None) if done == n => format!("All {n} {steps} done"),
        (_, None) => format!("{done} of {n} {steps} done"),
    }
}

/// A plan item made from one lesson of an interview: a short title, and the lesson as its why
/// when the title had to leave some of it out.
pub fn item_from_lesson(interview_id: &str, lesson: &Lesson) -> PlanItem {
    let skill = skill_from(&lesson.text);
    let why = if skill == lesson.text.trim() {
        String::new()
    } else {
        lesson.text.trim().to_string()
    };
    PlanItem {
        skill,
        why,
        sources: vec![Source {
            interview_id: Some(interview_id.to_string()),
            question_id: None,
            part: lesson.part.to_string(),
            text: lesson.text.clone(),
            extra: Extra::new(),
        }],
        ..PlanItem::default()
    }
}

/// Whether some item already came from this exact lesson of this interview.
pub fn has_lesson(items: &[PlanItem], interview_id: &str, text: &str) -> Option<Id> {
    items
        .iter()
        .find(|i| {
            i.sources
                .iter()
                .any(|s| s.interview_id.as_deref() == Some(interview_id) && s.text == text)
        })
        .map(|i| i.id.clone())
}

/// The next thing to do in the plan, for Today.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct NextStep {
    pub item_id: Id,
    pub action_id: Id,
    /// The plan item it belongs to, as its title reads.
    pub item: String,
    pub step: String,
    pub target: Option<NaiveDate>,
}

/// The first step not done yet, of the first item in the plan's order that is neither done nor
/// archived and has one. `None` when every step is done or there is none.
pub fn next_step(items: &[PlanItem]) -> Option<NextStep> {
    ordered(items, false)
        .into_iter()
        .filter(|i| i.status != PlanStatus::Done)
        .find_map(|i| {
            let action = i
                .actions
                .iter()
                .find(|a| !a.done && !a.text.trim().is_empty())?;
            Some(NextStep {
                item_id: i.id.clone(),
                action_id: action.id.clone(),
                item: i.title(),
                step: action.text.trim().to_string(),
                target: i.target,
            })
        })
}

/// The items to show, in order: active ones by `order`, archived ones apart.
pub fn ordered(items: &[PlanItem], archived: bool) -> Vec<&PlanItem> {
    let mut out: Vec<&PlanItem> = items.iter().filter(|i| i.archived == archived).collect();
    crate::core::order::sort_by(&mut out, |a, b| {
        a.order.cmp(&b.order).then(a.created.cmp(&b.created))
    });
    out
}

/// Move item `id` one place up (`-1`) or down (`1`) among the active items, renumbering them
/// all. Returns the ids whose `order` changed.
pub fn move_item(items: &mut [PlanItem], id: &str, by: i64) -> Vec<Id> {
    let mut ids: Vec<Id> = ordered(items, false).iter().map(|i| i.id.clone()).collect();
    let Some(pos) = ids.iter().position(|i| i == id) else {
        return Vec::new();
    };
    let target = pos as i64 + by;
    if target < 0 || target >= ids.len() as i64 {
        return Vec::new();
    }
    ids.swap(pos, target as usize);
    let mut changed = Vec::new();
    for (n, id) in ids.iter().enumerate() {
        if let Some(item) = items.iter_mut().find(|i| &i.id == id) {
            if item.order != n as i64 {
                item.order = n as i64;
                changed.push(id.clone());
            }
        }
    }
    changed
}

/// The `order` for a new item: after every active one.
pub fn next_order(items: &[PlanItem]) -> i64 {
    items.iter().map(|i| i.order + 1).max().unwrap_or(0)
}

/// The plan's steps counted, not a score: "3 of 8 steps done across your plan". `None` while
/// no active item has a step.
pub fn overall_line(items: &[PlanItem]) -> Option<String> {
    let steps = items
        .iter()
        .filter(|i| !i.archived)
        .flat_map(|i| &i.actions);
    let (done, all) = steps.fold((0, 0), |(d, n), a| (d + usize::from(a.done), n + 1));
    match all {
        0 => None,
        1 => Some(format!("{done} of 1 step done across your plan")),
        n => Some(format!("{done} of {n} steps done across your plan")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::choice::Choice;
    use crate::core::test_days::day;

    fn item(id: &str, order: i64) -> PlanItem {
        PlanItem {
            id: id.into(),
            skill: format!("skill {id}"),
            order,
            ..PlanItem::default()
        }
    }

    fn action(id: &str) -> Action {
        Action {
            id: id.into(),
            text: format!("do {id}"),
            ..Action::default()
        }
    }

    #[test]
    fn progress_follows_the_actions_and_the_status_follows_progress() {
        let mut p = item("a", 0);
        assert_eq!(p.progress(), 0);
        p.set_status(PlanStatus::Done, day("2026-01-02"));
        assert_eq!(p.progress(), 100);
        assert_eq!(p.done_on, Some(day("2026-01-02")));
        p.set_status(PlanStatus::NotStarted, day("2026-01-03"));
        p.actions = vec![action("1"), action("2"), action("3")];
        p.set_action_done("1", true, day("2026-01-05"));
        assert_eq!(p.progress(), 33);
        assert_eq!(p.status, PlanStatus::InProgress);
        p.set_action_done("2", true, day("2026-01-06"));
        p.set_action_done("3", true, day("2026-01-07"));
        assert_eq!(p.progress(), 100);
        assert_eq!(p.status, PlanStatus::Done);
        assert_eq!(p.done_on, Some(day("2026-01-07")));
        p.set_action_done("2", false, day("2026-01-08"));
        assert_eq!(p.status, PlanStatus::InProgress);
        assert_eq!(p.done_on, None);
        assert_eq!(p.actions[1].done_on, None);
        p.set_action_done("missing", true, day("2026-01-08"));
        assert_eq!(p.progress(), 66);
    }

    #[test]
    fn reordering_moves_one_place_and_stops_at_the_ends() {
        let mut items = vec![item("a", 0), item("b", 1), item("c", 2)];
        items[2].archived = true;
        assert!(move_item(&mut items, "a", -1).is_empty());
        assert!(move_item(&mut items, "b", 1).is_empty(), "c is archived");
        let changed = move_item(&mut items, "b", -1);
        assert_eq!(changed.len(), 2);
        let ids: Vec<&str> = ordered(&items, false)
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(ids, ["b", "a"]);
        assert_eq!(ordered(&items, true)[0].id, "c");
        assert_eq!(next_order(&items), 3);
        assert!(move_item(&mut items, "zzz", 1).is_empty());
    }

    #[test]
    fn the_next_step_is_the_first_open_one_in_plan_order() {
        let step = |id: &str, text: &str, done: bool| Action {
            id: id.into(),
            text: text.into(),
            done,
            ..Action::default()
        };
        let item = |id: &str, order: i64, actions: Vec<Action>| PlanItem {
            id: id.into(),
            skill: format!("Skill {id}"),
            order,
            actions,
            ..PlanItem::default()
        };
        let mut items = vec![
            item("b", 2, vec![step("b1", "Mock interview", false)]),
            item(
                "a",
                1,
                vec![step("a1", "Read", true), step("a2", "  Practise  ", false)],
            ),
            item("c", 0, vec![]),
        ];
        let next = next_step(&items);
        assert_eq!(
            next.as_ref()
                .map(|n| (n.item_id.as_str(), n.action_id.as_str(), n.step.as_str())),
            Some(("a", "a2", "Practise"))
        );
        items[1].status = PlanStatus::Done;
        assert_eq!(
            next_step(&items).map(|n| n.action_id),
            Some("b1".to_string())
        );
        items[0].archived = true;
        assert_eq!(next_step(&items), None);
    }

    #[test]
    fn a_lesson_becomes_a_real_question() {
        let l = |part, text: &str| Lesson {
            part,
            text: text.to_string(),
        };
        assert_eq!(
            question_from_lesson(&l("not_prepared", "Capacity planning for a queue")),
            "How would I answer this now? (Capacity planning for a queue)"
        );
        assert_eq!(
            question_from_lesson(&l("did_not_say", " My on-call work ")),
            "How would I work this in next time? (My on-call work)"
        );
        assert_eq!(
            question_from_lesson(&l("feedback", "Why did you leave Initech?")),
            "Why did you leave Initech?"
        );
    }

    #[test]
    fn lessons_come_from_feedback_and_the_reflection_line_by_line() {
        let mut i = Interview {
            id: "i1".into(),
            ..Interview::default()
        };
        i.feedback.said = "- More detail on system design\n\n• Speak up sooner".into();
        let r = Reflection {
            fell_short: "Rambled on the first answer\nSpeak up sooner".into(),
            went_well: "Rapport".into(),
            vent: "ugh".into(),
            mistakes: vec![crate::core::model::MistakeNote {
                extra: Default::default(),
                kind: "rambling".into(),
                fix: "STAR order".into(),
            }],
            ..Reflection::default()
        };
        let l = lessons(&i, Some(&r));
        let texts: Vec<&str> = l.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "More detail on system design",
                "Speak up sooner",
                "Rambled on the first answer",
                "Rambled or lost the thread: STAR order"
            ]
        );
        assert_eq!(l[0].part, "feedback");
        assert_eq!(l[2].part, "fell_short");
        let item = item_from_lesson("i1", &l[2]);
        assert_eq!(item.skill, "Rambled on the first answer");
        assert!(item.from_interview("i1"));
        assert_eq!(
            has_lesson(
                std::slice::from_ref(&item),
                "i1",
                "Rambled on the first answer"
            ),
            Some(item.id.clone())
        );
        assert_eq!(
            has_lesson(&[item], "i2", "Rambled on the first answer"),
            None
        );
        assert!(lessons(&Interview::default(), None).is_empty());
    }

    #[test]
    fn long_lines_make_short_titles() {
        let long = "word ".repeat(40);
        let s = skill_from(&long);
        assert!(s.chars().count() <= TITLE_CHARS + 1 && s.ends_with('…'));
        let emoji = "🙂".repeat(100);
        assert_eq!(skill_from(&emoji).chars().count(), TITLE_CHARS + 1);
        assert_eq!(
            skill_from("System design: I froze when asked to scale the queue"),
            "System design"
        );
        assert_eq!(skill_from("Q: what"), "Q: what", "too short a head");
        let item = item_from_lesson(
            "i1",
            &Lesson {
                part: "feedback",
                text: "System design: I froze when asked to scale the queue".into(),
            },
        );
        assert_eq!(item.skill, "System design");
        assert_eq!(
            item.why,
            "System design: I froze when asked to scale the queue"
        );
        let short = item_from_lesson(
            "i1",
            &Lesson {
                part: "feedback",
                text: "Speak up sooner".into(),
            },
        );
        assert_eq!(
            (short.skill.as_str(), short.why.as_str()),
            ("Speak up sooner", "")
        );
    }

    #[test]
    fn the_plan_counts_its_steps() {
        let step = |done: bool| Action {
            done,
            ..Action::default()
        };
        let mut items = vec![
            PlanItem {
                actions: vec![step(true), step(false)],
                ..PlanItem::default()
            },
            PlanItem {
                actions: vec![step(true)],
                archived: true,
                ..PlanItem::default()
            },
        ];
        assert_eq!(
            overall_line(&items).as_deref(),
            Some("1 of 2 steps done across your plan")
        );
        items[0].actions.pop();
        assert_eq!(
            overall_line(&items).as_deref(),
            Some("1 of 1 step done across your plan")
        );
        assert_eq!(overall_line(&[PlanItem::default()]), None);
    }

    #[test]
    fn a_row_counts_the_steps_and_names_the_next() {
        let step = |text: &str, done: bool| Action {
            text: text.into(),
            done,
            ..Action::default()
        };
        let mut item = PlanItem::default();
        assert_eq!(row_line(&item), "Not started · No steps yet");
        item.actions = vec![step("Read", false)];
        assert_eq!(
            row_line(&item),
            "Not started · 0 of 1 step done · Next: Read"
        );
        item.actions.push(step("Mock", false));
        item.actions[0].done = true;
        item.status = PlanStatus::InProgress;
        assert_eq!(
            row_line(&item),
            "In progress · 1 of 2 steps done · Next: Mock"
        );
        item.actions[1].done = true;
        item.status = PlanStatus::Done;
        assert_eq!(row_line(&item), "Done · All 2 steps done");
        item.status = PlanStatus::read("paused");
        assert!(row_line(&item).starts_with("paused (from a newer version of Rebound) · "));
    }

    #[test]
    fn items_load_with_missing_fields_and_unknown_sources() {
        let p: PlanItem = serde_json::from_str(
            r#"{"id":"x","sources":[{"part":"something_new","text":"hi"}],"future":1}"#,
        )
        .unwrap();
        assert_eq!(p.sources[0].part_label(), "A note");
        assert_eq!(p.title(), "Untitled plan item");
        for k in ActionKind::ALL.iter().cloned() {
            assert_eq!(ActionKind::from_key(k.key()), Some(k));
        }
        for s in PlanStatus::ALL.iter().cloned() {
            assert_eq!(PlanStatus::from_key(s.key()), Some(s));
        }
    }
}
