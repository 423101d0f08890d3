//! The sentences practice screens say about counts: what a session went through, what is left to
//! write, what preparing for an interview costs. Each states only what the data holds (a count
//! that matches, never praise for recall), so they live here, tested natively.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::countdown::{Help, Plan};
use super::display;
use super::model::{Id, Interview, Millis};
use super::practice::{CardState, DAY};

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// What a session went through, honestly: "8 answers gone through; 2 come back later today,
/// 1 tomorrow." `rated` holds the ids rated in the session (a card rated twice counts once);
/// `cards` their schedules now; `today_start` is local midnight today.
pub fn summary(rated: &[Id], cards: &[CardState], today_start: Millis) -> String {
    let mut seen: HashSet<&str> = HashSet::new();
    let ids: Vec<&str> = rated
        .iter()
        .map(Id::as_str)
        .filter(|id| seen.insert(id))
        .collect();
    if ids.is_empty() {
        return "Nothing gone through yet.".to_string();
    }
    let tomorrow = today_start.saturating_add(DAY);
    let after = tomorrow.saturating_add(DAY);
    let (mut today, mut next) = (0usize, 0usize);
    for id in &ids {
        // The latest schedule of each (a card stored twice after an odd merge).
        let due = cards
            .iter()
            .filter(|c| c.id == *id)
            .max_by_key(|c| c.updated)
            .map(|c| c.due);
        match due {
            Some(d) if d < tomorrow => today += 1,
            Some(d) if d < after => next += 1,
            _ => {}
        }
    }
    let mut text = plural(ids.len(), "answer gone through", "answers gone through");
    let come = |n: usize| if n == 1 { "comes" } else { "come" };
    match (today, next) {
        (0, 0) => {}
        (t, 0) => text.push_str(&format!("; {t} {} back later today", come(t))),
        (0, m) => text.push_str(&format!("; {m} {} back tomorrow", come(m))),
        (t, m) => text.push_str(&format!("; {t} {} back later today, {m} tomorrow", come(t))),
    }
    text.push('.');
    text
}

/// The questions still to write, for Practice and Today: "3 questions to answer" (with
/// " before Thursday" when `before` is given); "" when there are none.
pub fn to_write(n: usize, before: Option<&str>) -> String {
    if n == 0 {
        return String::new();
    }
    let mut text = plural(n, "question to answer", "questions to answer");
    if let Some(day) = before {
        text.push_str(" before ");
        text.push_str(day);
    }
    text
}

/// After the Write answers flow: "2 answers written: they're cards now." or, when none were,
/// a plain word that nothing changed.
pub fn written(n: usize) -> String {
    match n {
        0 => "No answers written this time. They'll be here when you're ready.".to_string(),
        1 => "1 answer written: it's a card now.".to_string(),
        n => format!("{n} answers written: they're cards now."),
    }
}

/// What preparing costs, from the plan: "About 9 minutes a day until Thursday." (`day` is the
/// interview's day word, as `display::day_word` says it).
pub fn plan_cost(plan: &Plan, day: &str) -> String {
    if plan.started {
        return "The interview has started: your answers are on their normal schedule again."
            .to_string();
    }
    let total = plan.total_ratings();
    if total == 0 {
        return if plan.recall.is_empty() {
            "Choose the answers to have fresh, and Rebound plans the practice.".to_string()
        } else {
            format!("Nothing to do: your chosen answers are fresh enough for {day}.")
        };
    }
    let today_only = plan.days.len() <= 1;
    let minutes = plan.minutes_a_day().max(1);
    let amount = plural(minutes as usize, "minute", "minutes");
    if today_only {
        format!("About {amount} today.")
    } else {
        format!("About {amount} a day until {day}.")
    }
}

/// When the plan asks nothing of today but has looks to come, where to start: "Nothing to
/// practise today: the first look is on Thursday." `None` when today has cards, or nothing is
/// planned.
pub fn first_look(plan: &Plan, today: NaiveDate) -> Option<String> {
    if plan.started || !plan.today().is_empty() {
        return None;
    }
    let first = plan.days.iter().find(|d| !d.cards.is_empty())?;
    let day = today.checked_add_signed(chrono::Duration::days(first.day))?;
    let when = match display::day_word(day, today).as_str() {
        "tomorrow" => "tomorrow".to_string(),
        word => format!("on {word}"),
    };
    Some(format!(
        "Nothing to practise today: the first look is {when}."
    ))
}

/// The kind word when some chosen answers cannot reach the target, with what would help most
/// often among them; `None` when every one can.
pub fn shortfall(plan: &Plan) -> Option<String> {
    let n = plan.short.len();
    if n == 0 {
        return None;
    }
    let count = |h: Help| plan.short.iter().filter(|s| s.help == h).count();
    let lead = if n == 1 {
        "1 answer won't be quite as fresh as you asked by then, and that's fine: it will still be much fresher for the practice.".to_string()
    } else {
        format!("{n} answers won't be quite as fresh as you asked by then, and that's fine: they'll still be much fresher for the practice.")
    };
    let help = if count(Help::AgainTonight) > 0 {
        " Going through them once more tonight would help."
    } else if count(Help::OnTheWay) > 0 {
        " Reading them once more on the way there would help."
    } else {
        ""
    };
    Some(format!("{lead}{help}"))
}

/// How Today names an upcoming interview: "Initech Robotics · Thursday" (the company, else
/// its title; the day as `display::day_word` says it, capitalised; " · 14:30" when it has a
/// time). "" when it has no date.
pub fn upcoming_line(interview: &Interview, today: NaiveDate) -> String {
    let Some(date) = interview.date else {
        return String::new();
    };
    let company = interview.company.trim();
    let name = if company.is_empty() {
        interview.title()
    } else {
        company.to_string()
    };
    let day = display::day_word(date, today);
    let mut chars = day.chars();
    let day: String = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => day,
    };
    match interview.time {
        Some(t) => format!("{name} · {day} · {}", display::hh_mm(t)),
        None => format!("{name} · {day}"),
    }
}

/// Today's practice line: how many answers are ready, and nothing about freshness while there
/// is no answer to practise at all.
pub fn practice_line(due: usize, cards: usize) -> String {
    match (due, cards) {
        (0, 0) => "No answers to practise yet. Write one, and it becomes a card.".to_string(),
        (0, _) => "Nothing due. Your answers are fresh.".to_string(),
        (1, _) => "1 question is ready to practise.".to_string(),
        (n, _) => format!("{n} questions are ready to practise."),
    }
}

/// Today's quiet way into Write answers: "12 questions still to answer" (`to_write`: the
/// visible questions without an answer). Only while no interview is coming up (Coming up says
/// what is left to write for it) and some answer is written (with none, Today offers "Write an
/// answer" already); `None` otherwise.
pub fn still_to_write(to_write: usize, cards: usize, upcoming: bool) -> Option<String> {
    (to_write > 0 && cards > 0 && !upcoming).then(|| {
        plural(
            to_write,
            "question still to answer",
            "questions still to answer",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn still_to_write_counts_and_stays_out_of_the_way() {
        assert_eq!(
            still_to_write(12, 3, false).as_deref(),
            Some("12 questions still to answer")
        );
        assert_eq!(
            still_to_write(1, 3, false).as_deref(),
            Some("1 question still to answer")
        );
        assert_eq!(still_to_write(0, 3, false), None);
        // Coming up already says what is left to write for the interview.
        assert_eq!(still_to_write(12, 3, true), None);
        // With no answer at all, "Write an answer" is offered instead.
        assert_eq!(still_to_write(12, 0, false), None);
    }

    #[test]
    fn the_practice_line_matches_the_cards() {
        assert_eq!(
            practice_line(0, 0),
            "No answers to practise yet. Write one, and it becomes a card."
        );
        assert_eq!(practice_line(0, 4), "Nothing due. Your answers are fresh.");
        assert_eq!(practice_line(1, 4), "1 question is ready to practise.");
        assert_eq!(practice_line(7, 9), "7 questions are ready to practise.");
    }

    #[test]
    fn upcoming_line_names_the_company_and_the_day() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default(); // a Monday
        let mut i = Interview {
            company: "Initech Robotics".to_string(),
            role: "Engineer".to_string(),
            date: today
                .succ_opt()
                .and_then(|d| d.succ_opt())
                .and_then(|d| d.succ_opt()),
            ..Interview::default()
        };
        assert_eq!(upcoming_line(&i, today), "Initech Robotics · Thursday");
        i.time = display::parse_hh_mm("14:30");
        i.date = Some(today);
        assert_eq!(upcoming_line(&i, today), "Initech Robotics · Today · 14:30");
        i.company.clear();
        i.time = None;
        i.date = today.succ_opt();
        assert_eq!(upcoming_line(&i, today), "Engineer · Tomorrow");
        i.date = None;
        assert_eq!(upcoming_line(&i, today), "");
    }

    fn card(id: &str, due: Millis) -> CardState {
        CardState {
            id: id.to_string(),
            due,
            state: 2,
            ..CardState::default()
        }
    }

    fn ids(list: &[&str]) -> Vec<Id> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_summary_counts_what_was_rated_and_when_it_comes_back() {
        let start = 1_000 * DAY;
        let cards = vec![
            card("a", start + HOUR_MS),
            card("b", start + DAY + HOUR_MS),
            card("c", start + 5 * DAY),
            card("d", start + DAY + 2 * HOUR_MS),
        ];
        assert_eq!(
            summary(&ids(&["a", "b", "c", "d", "a"]), &cards, start),
            "4 answers gone through; 1 comes back later today, 2 tomorrow."
        );
        assert_eq!(
            summary(&ids(&["c"]), &cards, start),
            "1 answer gone through."
        );
        assert_eq!(
            summary(&ids(&["b", "d"]), &cards, start),
            "2 answers gone through; 2 come back tomorrow."
        );
        assert_eq!(
            summary(&ids(&["a"]), &cards, start),
            "1 answer gone through; 1 comes back later today."
        );
        assert_eq!(summary(&[], &cards, start), "Nothing gone through yet.");
        // A rating undone leaves no card: counted as gone through, coming back with nothing.
        assert_eq!(
            summary(&ids(&["x"]), &cards, start),
            "1 answer gone through."
        );
    }

    const HOUR_MS: Millis = 60 * 60 * 1000;

    #[test]
    fn to_write_and_written_say_the_count() {
        assert_eq!(to_write(0, Some("Thursday")), "");
        assert_eq!(to_write(1, None), "1 question to answer");
        assert_eq!(
            to_write(3, Some("Thursday")),
            "3 questions to answer before Thursday"
        );
        assert_eq!(written(1), "1 answer written: it's a card now.");
        assert_eq!(written(4), "4 answers written: they're cards now.");
        assert!(written(0).starts_with("No answers written"));
    }

    #[test]
    fn plan_cost_follows_the_plan() {
        use crate::core::countdown;
        let start = 1_000 * DAY;
        let now = start + 8 * HOUR_MS;
        let chosen = ids(&["a", "b", "c"]);
        let day_at = start + 3 * DAY + 9 * HOUR_MS;
        let plan = countdown::plan(&chosen, &[], now, start, day_at, 0.9, 90);
        let text = plan_cost(&plan, "Thursday");
        let m = plan.minutes_a_day().max(1);
        assert_eq!(text, format!("About {m} minutes a day until Thursday."));
        let nothing = countdown::plan(&[], &[], now, start, day_at, 0.9, 90);
        assert!(plan_cost(&nothing, "Thursday").starts_with("Choose"));
        let past = countdown::plan(&chosen, &[], day_at + 1, start, day_at, 0.9, 90);
        assert!(plan_cost(&past, "Thursday").contains("started"));
        // The interview is today: only today is planned.
        let soon = countdown::plan(&chosen, &[], now, start, now + 3 * HOUR_MS, 0.9, 90);
        assert!(
            plan_cost(&soon, "today").ends_with("today."),
            "{}",
            plan_cost(&soon, "today")
        );
        assert!(shortfall(&plan).is_none() || !plan.short.is_empty());
    }

    #[test]
    fn the_first_look_says_where_to_start() {
        use crate::core::countdown::{Plan, PlanDay};
        let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default(); // a Monday
        let day = |day: i64, n: usize| PlanDay {
            day,
            cards: (0..n).map(|k| (format!("q{k}"), 1)).collect(),
        };
        let mut plan = Plan {
            started: false,
            target: 0.9,
            secs_per_card: 90,
            days: vec![day(0, 0), day(1, 0), day(3, 2)],
            ready: vec![],
            short: vec![],
            recall: vec![],
        };
        assert_eq!(
            first_look(&plan, today).as_deref(),
            Some("Nothing to practise today: the first look is on Thursday.")
        );
        plan.days = vec![day(1, 1)];
        assert_eq!(
            first_look(&plan, today).as_deref(),
            Some("Nothing to practise today: the first look is tomorrow.")
        );
        plan.days = vec![day(0, 1)];
        assert_eq!(first_look(&plan, today), None, "today has cards");
        plan.days = vec![];
        assert_eq!(first_look(&plan, today), None, "nothing planned");
    }

    #[test]
    fn shortfall_is_kind_and_counts() {
        use crate::core::countdown;
        let start = 1_000 * DAY;
        let now = start + 8 * HOUR_MS;
        // New cards an hour before the interview cannot reach a 0.97 target.
        let chosen = ids(&["a", "b"]);
        let plan = countdown::plan(&chosen, &[], now, start, now + HOUR_MS, 0.97, 90);
        let n = plan.short.len();
        match shortfall(&plan) {
            Some(text) if n == 2 => assert!(text.starts_with("2 answers won't"), "{text}"),
            Some(text) if n == 1 => assert!(text.starts_with("1 answer won't"), "{text}"),
            Some(text) => panic!("{n}: {text}"),
            None => assert_eq!(n, 0),
        }
    }
}
