//! Tests of the question bank: categories, the starter set, answers and their revisions,
//! merging stored and starter questions, filtering, and loading.

use super::*;
use crate::core::choice::Choice;
use std::collections::BTreeSet;

#[test]
fn visible_ids_are_the_banks_visible_questions_in_order() {
    let mut own = Question::new("own-1".into(), "Mine".into(), Category::Technical, 5);
    own.hidden = false;
    let mut hidden = Question::new("own-2".into(), "Hidden".into(), Category::Technical, 9);
    hidden.hidden = true;
    let mut starter_hidden = Question::from_starter(&STARTER[3]);
    starter_hidden.hidden = true;
    starter_hidden.updated = 3;
    let stored = vec![own, hidden, starter_hidden];
    let expected: Vec<Id> = bank(&stored)
        .into_iter()
        .filter(|q| !q.hidden)
        .map(|q| q.id)
        .collect();
    assert_eq!(visible_ids(&stored), expected);
    assert_eq!(visible_ids(&[]).len(), STARTER.len());
}

const MIN: Millis = 60 * 1000;

fn free(text: &str) -> Answer {
    Answer {
        text: text.into(),
        ..Answer::default()
    }
}

fn star(s: &str, t: &str, a: &str, r: &str) -> Answer {
    Answer {
        star: true,
        situation: s.into(),
        task: t.into(),
        action: a.into(),
        result: r.into(),
        ..Answer::default()
    }
}

fn words(n: usize) -> String {
    vec!["word"; n].join(" ")
}

#[test]
fn category_keys_and_labels() {
    for c in Category::ALL {
        assert_eq!(Category::from_key(c.key()), Some(c.clone()));
        assert!(!c.label().is_empty());
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, format!("\"{}\"", c.key()), "serde name is the key");
    }
    assert_eq!(Category::from_key("nope"), None);
    assert_eq!(Category::CareerStory.key(), "career_story");
    assert_eq!(Category::AskThem.label(), "Questions to ask them");
    // A category from a newer version is kept as it was, and written back unchanged.
    let unknown: Category = serde_json::from_str("\"from_the_future\"").unwrap();
    assert_eq!(unknown, Category::Other("from_the_future".into()));
    assert_eq!(
        serde_json::to_string(&unknown).unwrap(),
        "\"from_the_future\""
    );
}

#[test]
fn starter_set_is_sound() {
    assert!(STARTER.len() >= 64);
    let ids: BTreeSet<&str> = STARTER.iter().map(|s| s.id).collect();
    assert_eq!(ids.len(), STARTER.len(), "ids are unique");
    let texts: BTreeSet<&str> = STARTER.iter().map(|s| s.text).collect();
    assert_eq!(texts.len(), STARTER.len(), "no question twice");
    for c in Category::ALL.iter().cloned() {
        let n = STARTER.iter().filter(|s| s.category == c).count();
        assert!(n >= 8, "{} has only {n}", c.key());
    }
    for s in STARTER {
        let prefix = format!("s-{}-", s.category.key().replace('_', "-"));
        assert!(s.id.starts_with(&prefix), "{} should start {prefix}", s.id);
        assert!(!s.text.trim().is_empty(), "{} has no text", s.id);
        assert!(!s.tip.trim().is_empty(), "{} has no tip", s.id);
        assert!(s.text.ends_with('?') || s.text.ends_with('.'), "{}", s.id);
        assert!(
            s.tip.ends_with('.'),
            "{} tip should end with a full stop",
            s.id
        );
        let len = s.tip.chars().count();
        assert!(len <= 140, "{} tip is {len} chars", s.id);
        assert_eq!(starter(s.id), Some(s));
    }
    assert_eq!(
        starter("s-behavioural-01").map(|s| s.category.clone()),
        Some(Category::Behavioural)
    );
    assert_eq!(starter("nope"), None);
}

#[test]
fn empty_and_word_count_follow_the_mode() {
    let mut a = free("  \n ");
    assert!(a.is_empty());
    assert_eq!(a.word_count(), 0);
    a.situation = "Busy team".into();
    assert!(a.is_empty(), "STAR fields don't count in free mode");
    a.star = true;
    assert!(!a.is_empty());
    assert_eq!(a.word_count(), 2);
    a.text = "one two three".into();
    assert_eq!(a.word_count(), 2, "free text doesn't count in STAR mode");
    let s = star("a b", "c", " d  e\nf ", "g");
    assert_eq!(s.word_count(), 7);
    assert!(star(" ", "", "\t", "").is_empty());
}

#[test]
fn speaking_time() {
    assert_eq!(free("").speaking_seconds(), 0);
    assert_eq!(free("").speaking_label(), "");
    assert_eq!(free("   ").speaking_label(), "");
    assert_eq!(free("hi").speaking_seconds(), 0);
    assert_eq!(free("hi").speaking_label(), "about 5 seconds");
    assert_eq!(free(&words(140)).speaking_seconds(), 60);
    assert_eq!(free(&words(93)).speaking_seconds(), 40); // 39.86
    assert_eq!(free(&words(93)).speaking_label(), "about 40 seconds");
    assert_eq!(free(&words(140)).speaking_label(), "about a minute");
    assert_eq!(
        free(&words(210)).speaking_label(),
        "about a minute and a half"
    );
    assert_eq!(free(&words(280)).speaking_seconds(), 120);
    assert_eq!(free(&words(280)).speaking_label(), "about 2 minutes");
    assert_eq!(
        free(&words(350)).speaking_label(),
        "about 2 and a half minutes"
    );
    assert_eq!(free(&words(700)).speaking_label(), "about 5 minutes");
    let s = star(&words(70), &words(70), &words(70), &words(70));
    assert_eq!(s.speaking_seconds(), 120);
    assert_eq!(s.speaking_label(), "about 2 minutes");
}

#[test]
fn as_text_reads_back() {
    assert_eq!(free("  Hello there \n").as_text(), "Hello there");
    let s = star(" We were late ", "", "I replanned", "Shipped on time");
    assert_eq!(
        s.as_text(),
        "Situation: We were late\nAction: I replanned\nResult: Shipped on time"
    );
    assert_eq!(star("", "", "", "").as_text(), "");
}

#[test]
fn typing_does_not_spam_revisions() {
    let mut q = Question::new("q1".into(), "Why us?".into(), Category::Motivation, 0);
    let t0 = 10 * MIN;
    let mut pushed = 0;
    let mut text = String::new();
    for (i, ch) in "Because I love what you build".chars().enumerate() {
        text.push(ch);
        if q.edit_answer(free(&text), t0 + i as Millis * 1000) {
            pushed += 1;
        }
    }
    assert_eq!(pushed, 0, "one session, no revisions");
    assert!(q.revisions.is_empty());
    assert_eq!(q.answer.text, "Because I love what you build");
    assert_eq!(q.updated, t0 + 28 * 1000);
    // The same answer again changes nothing.
    assert!(!q.edit_answer(q.answer.clone(), t0 + 2 * REVISION_GAP_MS));
    assert_eq!(q.updated, t0 + 28 * 1000);
}

#[test]
fn a_new_session_keeps_the_old_answer() {
    let mut q = Question::new("q1".into(), "Why us?".into(), Category::Motivation, 0);
    assert!(
        !q.edit_answer(free("First take"), MIN),
        "empty answers aren't kept"
    );
    // Back 30 minutes later: the first take is kept, dated when it was written.
    let back = MIN + REVISION_GAP_MS;
    assert!(q.edit_answer(free("Second take"), back));
    assert_eq!(
        q.revisions,
        vec![Revision {
            extra: Default::default(),
            at: MIN,
            answer: free("First take")
        }]
    );
    // Carrying on in the same session adds nothing.
    assert!(!q.edit_answer(free("Second take, longer"), back + MIN));
    assert!(!q.edit_answer(free("Second take, longer still"), back + 29 * MIN));
    assert_eq!(q.revisions.len(), 1);
    // Next day.
    let next = back + 24 * 60 * MIN;
    assert!(q.edit_answer(star("S", "T", "A", "R"), next));
    assert_eq!(q.revisions.len(), 2);
    assert_eq!(q.revisions[1].at, back + 29 * MIN);
    assert_eq!(q.revisions[1].answer.text, "Second take, longer still");
    assert!(q.answer.star);
    assert_eq!(q.updated, next);
    // Clearing the answer after a pause keeps what was there.
    assert!(q.edit_answer(Answer::default(), next + REVISION_GAP_MS));
    assert_eq!(q.revisions.len(), 3);
    assert!(q.answer.is_empty());
}

#[test]
fn answers_are_cut_to_the_field_limit() {
    let mut q = Question::new(
        "q".into(),
        "x".repeat(MAX_FIELD_CHARS + 5),
        Category::Technical,
        0,
    );
    assert_eq!(q.text.chars().count(), MAX_FIELD_CHARS);
    let long = "é".repeat(MAX_FIELD_CHARS + 5);
    q.edit_answer(star(&long, "", "", ""), 1);
    assert_eq!(q.answer.situation.chars().count(), MAX_FIELD_CHARS);
}

#[test]
fn restore_keeps_the_current_answer() {
    let mut q = Question::new("q".into(), "Weakness?".into(), Category::Weaknesses, 0);
    q.edit_answer(free("v1"), MIN);
    q.edit_answer(free("v2"), MIN + REVISION_GAP_MS);
    assert_eq!(q.revisions.len(), 1);
    let now = 10 * REVISION_GAP_MS;
    assert!(!q.restore_revision(5, now), "bad index");
    assert_eq!(q.answer, free("v2"));
    assert_eq!(q.revisions.len(), 1);

    assert!(q.restore_revision(0, now));
    assert_eq!(q.answer, free("v1"));
    assert_eq!(q.updated, now);
    let kept: Vec<&str> = q.revisions.iter().map(|r| r.answer.text.as_str()).collect();
    assert_eq!(kept, vec!["v1", "v2"], "nothing lost");
    assert_eq!(q.revisions[1].at, MIN + REVISION_GAP_MS);

    // Going back and forth doesn't duplicate history.
    assert!(q.restore_revision(1, now + 1));
    assert_eq!(q.answer, free("v2"));
    assert!(
        q.restore_revision(1, now + 2),
        "restoring the current answer is fine"
    );
    assert_eq!(q.updated, now + 1, "and changes nothing");
    assert!(q.restore_revision(0, now + 3));
    assert_eq!(q.answer, free("v1"));
    assert_eq!(
        q.revisions.len(),
        2,
        "both versions are already in the history"
    );
    // An edited restored answer is kept after a pause, like any other.
    q.edit_answer(free("v1, improved"), now + 4);
    q.edit_answer(free("v3"), now + 4 + REVISION_GAP_MS);
    let kept: Vec<&str> = q.revisions.iter().map(|r| r.answer.text.as_str()).collect();
    assert_eq!(kept, vec!["v1", "v2", "v1, improved"]);

    // An empty current answer isn't kept as a revision.
    let mut q = Question::new("r".into(), "?".into(), Category::Salary, 0);
    q.revisions.push(Revision {
        extra: Default::default(),
        at: 5,
        answer: free("old"),
    });
    assert!(q.restore_revision(0, 9));
    assert_eq!(q.answer, free("old"));
    assert_eq!(q.revisions.len(), 1);
}

#[test]
fn bank_merges_stored_and_starter_questions() {
    let first = &STARTER[0];
    let stored_starter = Question {
        id: first.id.into(),
        text: "old wording".into(),
        tip: "old tip".into(),
        category: Category::Salary,
        starter: true,
        hidden: true,
        answer: free("my answer"),
        created: 5,
        updated: 6,
        ..Question::default()
    };
    let old_custom = Question::new("c-old".into(), "Old one".into(), Category::Technical, 100);
    let new_custom = Question::new("c-new".into(), "New one".into(), Category::AskThem, 200);
    let retired = Question {
        id: "s-behavioural-99".into(),
        text: "A starter we removed".into(),
        starter: true,
        answer: free("still mine"),
        created: 150,
        updated: 150,
        ..Question::default()
    };
    let stored = vec![
        old_custom.clone(),
        stored_starter,
        retired,
        new_custom.clone(),
    ];
    let bank = bank(&stored);
    assert_eq!(bank.len(), STARTER.len() + 3);

    let ids: Vec<&str> = bank.iter().take(3).map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        vec!["c-new", "s-behavioural-99", "c-old"],
        "own questions, newest first"
    );
    assert_eq!(bank[0], new_custom);
    assert!(
        !bank[1].starter,
        "a retired starter is kept as the user's own"
    );
    assert_eq!(bank[1].text, "A starter we removed");
    assert_eq!(bank[1].answer, free("still mine"));

    let merged = &bank[3];
    assert_eq!(merged.id, first.id);
    assert_eq!(merged.text, first.text, "wording comes from STARTER");
    assert_eq!(merged.tip, first.tip);
    assert_eq!(merged.category, first.category);
    assert!(merged.starter && merged.hidden);
    assert_eq!(merged.answer, free("my answer"));
    assert_eq!((merged.created, merged.updated), (5, 6));

    for (q, s) in bank[3..].iter().zip(STARTER) {
        assert_eq!(q.id, s.id, "starters in STARTER order");
        assert!(q.starter);
    }
    let unstored = &bank[4];
    assert_eq!(unstored.text, STARTER[1].text);
    assert_eq!((unstored.created, unstored.updated), (0, 0));
    assert!(!unstored.hidden && unstored.answer.is_empty());

    let ids: BTreeSet<&str> = bank.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids.len(), bank.len(), "no id twice");
    assert_eq!(super::bank(&[]).len(), STARTER.len());
}

#[test]
fn bank_takes_the_latest_copy_of_a_starter_stored_twice() {
    let mk = |text: &str, updated| Question {
        id: STARTER[2].id.into(),
        starter: true,
        answer: free(text),
        updated,
        ..Question::default()
    };
    let bank = bank(&[mk("newer", 9), mk("older", 3)]);
    assert_eq!(bank.len(), STARTER.len());
    assert_eq!(bank[2].answer, free("newer"));
}

#[test]
fn filter_by_category_and_words() {
    let mut mine = Question::new("m".into(), "Why Rust?".into(), Category::Technical, 1);
    mine.edit_answer(star("", "", "I rewrote the PARSER", ""), 2);
    let mut all = vec![mine];
    all.extend(bank(&[]));

    assert_eq!(filter(&all, None, "").len(), all.len());
    assert_eq!(filter(&all, None, "   ").len(), all.len());
    let tech = filter(&all, Some(Category::Technical), "");
    assert_eq!(tech.len(), 9);
    assert!(tech.iter().all(|q| q.category == Category::Technical));

    let hits = filter(&all, None, "parser");
    assert_eq!(hits.len(), 1, "answer text is searched");
    assert_eq!(hits[0].id, "m");
    assert_eq!(filter(&all, Some(Category::Salary), "parser").len(), 0);
    assert_eq!(
        filter(&all, None, "why RUST").len(),
        1,
        "case and word order don't matter"
    );
    assert_eq!(filter(&all, None, "rust why").len(), 1);

    let weakness = filter(&all, None, "GREATEST WEAKNESS");
    assert_eq!(weakness.len(), 1);
    assert_eq!(weakness[0].id, "s-weaknesses-01");
    assert!(
        !filter(&all, None, "homework").is_empty(),
        "tips are searched"
    );

    let many = filter(&all, None, "tell me");
    let positions: Vec<usize> = many
        .iter()
        .map(|h| all.iter().position(|q| q.id == h.id).unwrap())
        .collect();
    assert!(positions.len() > 5);
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "input order kept"
    );
}

#[test]
fn serde_round_trip_and_lenient_loading() {
    let mut q = Question::new(
        "q".into(),
        "Tell me about a gap".into(),
        Category::CareerStory,
        1,
    );
    q.edit_answer(star("S", "T", "A", "R"), 2);
    q.edit_answer(free("text"), 2 + REVISION_GAP_MS);
    q.interview_id = Some("iv-1".into());
    q.hidden = true;
    let json = serde_json::to_string(&q).unwrap();
    assert!(json.contains("\"category\":\"career_story\""));
    let back: Question = serde_json::from_str(&json).unwrap();
    assert_eq!(back, q);
    assert_eq!(back.revisions.len(), 1);

    let partial: Question = serde_json::from_str(
        r#"{"id":"x","text":"Hi","answer":{"star":true,"action":"Did it"},
            "revisions":[{"at":3},{}],"category":"new_kind","extra":[1,2]}"#,
    )
    .unwrap();
    assert_eq!(partial.id, "x");
    assert_eq!(partial.category, Category::Other("new_kind".into()));
    assert_eq!(partial.extra["extra"], serde_json::json!([1, 2]), "kept");
    assert_eq!(partial.answer.as_text(), "Action: Did it");
    assert_eq!(partial.revisions.len(), 2);
    assert_eq!(partial.revisions[0].at, 3);
    assert!(partial.revisions[1].answer.is_empty());
    assert_eq!(partial.interview_id, None);
    assert!(!partial.hidden && !partial.starter);

    let empty: Question = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, Question::default());
    let answer: Answer = serde_json::from_str(r#"{"text":"only"}"#).unwrap();
    assert_eq!(answer, free("only"));
}

// Cards are the user's answers ---------------------------------------------------------

#[test]
fn only_answered_visible_questions_are_cards_the_rest_are_to_write() {
    let answered = |id: &str, created: Millis, a: Answer| {
        let mut q = Question::new(
            id.into(),
            format!("Question {id}"),
            Category::Technical,
            created,
        );
        q.answer = a;
        q
    };
    let mine = answered("own-1", 9, free("My story"));
    let blank = answered("own-2", 8, free("   "));
    let star_half = answered("own-3", 7, star("", "", "I led it", ""));
    // Free text written, then switched to STAR with nothing in it: not a card (the mode in use).
    let mut switched = answered("own-4", 6, free("Old free text"));
    switched.answer.star = true;
    let mut hidden = answered("own-5", 5, free("Hidden answer"));
    hidden.hidden = true;
    let mut starter_answered = Question::from_starter(&STARTER[2]);
    starter_answered.answer = free("Because...");
    starter_answered.updated = 4;
    let stored = vec![mine, blank, star_half, switched, hidden, starter_answered];

    let (cards, to_write) = cards_and_to_write(&stored);
    assert_eq!(cards, ["own-1", "own-3", STARTER[2].id]);
    assert_eq!(to_write[..2], ["own-2", "own-4"]);
    assert_eq!(
        to_write.len(),
        2 + STARTER.len() - 1,
        "every other starter is to write"
    );
    assert!(!to_write
        .iter()
        .any(|id| id == "own-5" || id == STARTER[2].id));
    assert!(stored[0].is_card() && !stored[1].is_card() && !stored[4].is_card());

    // A chosen set, split in the order given; repeats once; unknown and hidden ids left out.
    let chosen: Vec<Id> = [
        STARTER[2].id,
        "own-2",
        "gone",
        "own-1",
        "own-5",
        STARTER[0].id,
        "own-1",
    ]
    .map(String::from)
    .to_vec();
    let (cards, to_write) = split(&chosen, &stored);
    assert_eq!(cards, [STARTER[2].id, "own-1"]);
    assert_eq!(to_write, ["own-2", STARTER[0].id]);
}

#[test]
fn practice_serves_only_cards() {
    use crate::core::practice::{due_queue, PracticeSettings};
    let mut q = Question::new("own-1".into(), "Tell me".into(), Category::Behavioural, 1);
    q.answer = free("My answer");
    let stored = vec![q];
    let (cards, _) = cards_and_to_write(&stored);
    let settings = PracticeSettings {
        new_per_day: 100,
        ..PracticeSettings::default()
    };
    assert_eq!(due_queue(&cards, &[], &[], 10, 0, &settings), ["own-1"]);
}

#[test]
fn the_latest_copy_of_a_question_stored_twice_decides() {
    let mut old = Question::from_starter(&STARTER[0]);
    old.answer = free("An answer");
    old.updated = 1;
    let mut newer = old.clone();
    newer.answer = Answer::default();
    newer.updated = 2;
    let ids = vec![STARTER[0].id.to_string()];
    assert_eq!(split(&ids, &[old.clone(), newer.clone()]).1, ids);
    assert_eq!(split(&ids, &[newer, old]).1, ids);
}
