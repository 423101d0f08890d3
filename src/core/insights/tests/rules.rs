//! Tests of the six rules, one section each: when a pattern shows, when it does not, and
//! what it suggests.

use super::*;

// Rule 1 ------------------------------------------------------------------------------

#[test]
fn the_same_mistake_twice_suggests_a_plan_item() {
    let mut r1 = reflection("a", days_ago(10));
    r1.mistakes = vec![mistake("rambling", ""), mistake("late", "")];
    let mut r2 = reflection("b", days_ago(5));
    r2.mistakes = vec![mistake("rambling", "Stop after the result")];
    let data = Data {
        interviews: three(),
        reflections: vec![r1, r2],
        ..Data::default()
    };
    let all = data.run();
    assert_eq!(keys_with(&all, "mistake:"), vec!["mistake:rambling"]);
    let i = find(&all, "mistake:rambling").unwrap();
    assert_eq!(i.title, "Rambled or lost the thread, twice");
    assert!(
        i.body.contains("2 interviews (Globex and Acme)"),
        "{}",
        i.body
    );
    assert!(
        i.body.contains("Stop after the result"),
        "the user's own fix"
    );
    assert_eq!(i.evidence.len(), 2);
    assert!(i
        .evidence
        .iter()
        .all(|e| e.kind == EvidenceKind::Reflection));
    assert_eq!(i.evidence[0].id, "b", "newest first");
    assert_eq!(i.evidence[0].label, "Engineer at Globex, 3 Mar");
    assert_eq!(i.evidence[0].link(), "/interviews/b");
    assert_eq!(i.newest, days_ago(5));
    assert!(!i.reassurance);
    match &i.step {
        Some(NextStep::AddPlanItem { skill, why }) => {
            assert_eq!(skill, "Rambled or lost the thread");
            assert!(why.contains("2 interviews"), "{why}");
            assert!(why.contains("answer in STAR order"), "{why}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn one_mistake_once_is_not_a_pattern() {
    // Ticked twice in one reflection, stored twice under one id, or ticked once.
    let mut r1 = reflection("a", days_ago(10));
    r1.mistakes = vec![mistake("rambling", ""), mistake(" rambling ", "")];
    let mut r1_again = r1.clone();
    r1_again.updated += 1;
    let mut r2 = reflection("b", days_ago(5));
    r2.mistakes = vec![mistake("late", ""), mistake("", "")];
    let mut r3 = reflection("c", days_ago(5));
    r3.mistakes = vec![mistake("", "")];
    let data = Data {
        interviews: three(),
        reflections: vec![r1, r1_again, r2, r3],
        ..Data::default()
    };
    assert!(keys_with(&data.run(), "mistake:").is_empty());
}

#[test]
fn a_mistake_already_on_the_plan_has_no_step_and_unknown_kinds_show_as_themselves() {
    let mut r1 = reflection("a", days_ago(10));
    r1.mistakes = vec![
        mistake("nerves", ""),
        mistake("Forgot water", "bring a bottle"),
    ];
    let mut r2 = reflection("b", days_ago(5));
    r2.mistakes = vec![mistake("nerves", ""), mistake("Forgot water", "")];
    let data = Data {
        interviews: three(),
        reflections: vec![r1, r2],
        plan: vec![PlanItem {
            skill: " nerves got the better of me ".into(),
            ..PlanItem::default()
        }],
        ..Data::default()
    };
    let all = data.run();
    let nerves = find(&all, "mistake:nerves").unwrap();
    assert_eq!(nerves.step, None);
    assert!(nerves.body.contains("already on your plan"));
    let water = find(&all, "mistake:Forgot water").unwrap();
    match &water.step {
        Some(NextStep::AddPlanItem { skill, why }) => {
            assert_eq!(skill, "Forgot water");
            assert!(why.contains("bring a bottle"), "{why}");
        }
        other => panic!("{other:?}"),
    }
}

// Rule 2 ------------------------------------------------------------------------------

#[test]
fn a_topic_unprepared_for_twice_suggests_a_question() {
    let mut r1 = reflection("a", days_ago(10));
    r1.not_prepared = "System design questions about scaling a chat app".into();
    let mut r2 = reflection("b", days_ago(5));
    r2.not_prepared = "The SYSTEM DESIGN round, especially caching.".into();
    let mut r3 = reflection("c", days_ago(4));
    r3.not_prepared = "Salary expectations".into();
    let data = Data {
        interviews: three(),
        reflections: vec![r1, r2, r3],
        ..Data::default()
    };
    let all = data.run();
    assert_eq!(
        keys_with(&all, "unprepared:"),
        vec!["unprepared:system design"],
        "one insight for the phrase, not one per word"
    );
    let i = find(&all, "unprepared:system design").unwrap();
    assert_eq!(i.title, "System design came up again");
    assert!(i.body.contains("2 interviews"));
    assert_eq!(i.evidence.len(), 2);
    assert_eq!(
        i.step,
        Some(NextStep::AddQuestion {
            text: "How would you approach system design?".into(),
            category: Category::Technical,
        })
    );
}

#[test]
fn topics_fold_plurals_and_case_in_any_script() {
    let mut r1 = reflection("a", days_ago(10));
    r1.not_prepared = "Questions about difficult stakeholders".into();
    let mut r2 = reflection("b", days_ago(5));
    r2.not_prepared = "a stakeholder question 🙃".into();
    let mut r3 = reflection("c", days_ago(3));
    r3.not_prepared = "CAFÉ Négociations".into();
    let mut r4 = reflection("d", days_ago(2));
    r4.not_prepared = "café négociation?".into();
    let mut interviews = three();
    interviews.push(interview("d", "Dunder", Outcome::Pending));
    let data = Data {
        interviews,
        reflections: vec![r1, r2, r3, r4],
        ..Data::default()
    };
    let all = data.run();
    let mut keys = keys_with(&all, "unprepared:");
    keys.sort();
    assert_eq!(
        keys,
        vec!["unprepared:café négociation", "unprepared:stakeholder"]
    );
    let s = find(&all, "unprepared:stakeholder").unwrap();
    assert!(matches!(
        s.step,
        Some(NextStep::AddQuestion {
            category: Category::Behavioural,
            ..
        })
    ));
}

#[test]
fn no_topic_from_one_reflection_or_from_stopwords() {
    let mut r1 = reflection("a", days_ago(10));
    r1.not_prepared = "system design, system design, system design".into();
    let data = Data {
        interviews: three(),
        reflections: vec![r1],
        ..Data::default()
    };
    assert!(keys_with(&data.run(), "unprepared:").is_empty());

    let mut r1 = reflection("a", days_ago(10));
    r1.not_prepared = "I was not really prepared for that at all, they asked about it".into();
    let mut r2 = reflection("b", days_ago(5));
    r2.not_prepared = "Nothing really. What they asked was about the interview".into();
    let mut r3 = reflection("c", days_ago(5));
    r3.not_prepared = "SQL, SQL and more SQL: 2024 2024".into();
    let mut r4 = reflection("d", days_ago(5));
    r4.not_prepared = "sql 2024".into();
    let data = Data {
        interviews: three(),
        reflections: vec![r1, r2, r3, r4],
        ..Data::default()
    };
    assert!(keys_with(&data.run(), "unprepared:").is_empty());
}

#[test]
fn a_topic_already_in_the_bank_suggests_practice() {
    let mut r1 = reflection("a", days_ago(10));
    r1.not_prepared = "Kubernetes".into();
    let mut r2 = reflection("b", days_ago(5));
    r2.not_prepared = "kubernetes again".into();
    let mut questions = bank(&[]);
    questions.push(Question::new(
        "q".into(),
        "How would you approach Kubernetes?".into(),
        Category::Technical,
        days_ago(3),
    ));
    let data = Data {
        interviews: three(),
        reflections: vec![r1, r2],
        questions,
        ..Data::default()
    };
    let all = data.run();
    // The key is folded; the words are shown as written.
    let i = find(&all, "unprepared:kubernete").unwrap();
    assert_eq!(i.title, "Kubernetes came up again");
    assert_eq!(
        i.step,
        Some(NextStep::Practise {
            category: Category::Technical
        })
    );
}

// Rule 3 ------------------------------------------------------------------------------

fn starters(category: Category) -> Vec<&'static str> {
    STARTER
        .iter()
        .filter(|s| s.category == category)
        .map(|s| s.id)
        .collect()
}

#[test]
fn the_category_with_most_agains_lately_suggests_practice() {
    let tech = starters(Category::Technical);
    let beh = starters(Category::Behavioural);
    let sal = starters(Category::Salary);
    let mut reviews = vec![
        again(tech[0], days_ago(1)),
        again(tech[0], days_ago(2)),
        again(tech[1], days_ago(29)),
        again(beh[0], days_ago(1)),
        again(beh[0], days_ago(1)),
        again("gone", days_ago(1)),
        again("gone", days_ago(1)),
        again("gone", days_ago(1)),
        again("gone", days_ago(1)),
    ];
    // Many Agains on salary, but more than 30 days ago.
    for n in 0..10 {
        reviews.push(again(sal[0], days_ago(31 + n)));
    }
    for n in 0..10 {
        reviews.push(ReviewEntry {
            extra: Default::default(),
            id: beh[1].into(),
            at: days_ago(n),
            grade: Grade::Good,
        });
    }
    let data = Data {
        reviews,
        ..Data::default()
    };
    let all = data.run();
    assert_eq!(keys_with(&all, "again:"), vec!["again:technical"]);
    let i = find(&all, "again:technical").unwrap();
    assert_eq!(
        i.step,
        Some(NextStep::Practise {
            category: Category::Technical
        })
    );
    let ids: Vec<&str> = i.evidence.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, vec![tech[0], tech[1]], "most Agains first");
    assert!(i.evidence.iter().all(|e| e.kind == EvidenceKind::Question));
    assert_eq!(i.evidence[0].link(), format!("/questions/{}", tech[0]));
    assert_eq!(i.newest, days_ago(1));
    assert!(i.body.contains("3 times"), "{}", i.body);
    assert!(i.body.contains("2 questions"), "{}", i.body);
}

#[test]
fn too_few_agains_is_no_pattern() {
    let tech = starters(Category::Technical);
    let data = Data {
        reviews: vec![
            again(tech[0], days_ago(1)),
            again(tech[1], days_ago(2)),
            again(tech[2], days_ago(31)),
            ReviewEntry {
                extra: Default::default(),
                id: tech[3].into(),
                at: days_ago(1),
                grade: Grade::Hard,
            },
        ],
        ..Data::default()
    };
    assert!(keys_with(&data.run(), "again:").is_empty());
}

// Rule 4 ------------------------------------------------------------------------------

#[test]
fn feedback_themes_and_shared_words_repeat() {
    let mut interviews = three();
    interviews[0].feedback.said =
        "Answers could be more concise; communication was a bit unclear. Loved your \
         Kubernetes work. Lots of experience."
            .into();
    interviews[0].updated = days_ago(3);
    interviews[1].feedback.said =
        "Work on clarity and STRUCTURE. Needs more kubernetes depth.".into();
    interviews[1].updated = days_ago(2);
    interviews[2].feedback.said = "   ".into();
    let data = Data {
        interviews,
        ..Data::default()
    };
    let all = data.run();
    let mut keys = keys_with(&all, "feedback:");
    keys.sort();
    assert_eq!(
        keys,
        vec!["feedback:communication", "feedback:word:kubernete"],
        "experience and depth come up once only"
    );
    let c = find(&all, "feedback:communication").unwrap();
    assert_eq!(c.title, "Feedback that repeats: communication and clarity");
    assert!(c.evidence.iter().all(|e| e.kind == EvidenceKind::Feedback));
    assert_eq!(c.evidence.len(), 2);
    assert_eq!(c.newest, days_ago(2));
    match &c.step {
        Some(NextStep::AddPlanItem { skill, why }) => {
            assert_eq!(skill, "Clear, concise answers");
            assert!(why.contains("2 interviews (Acme and Globex)"), "{why}");
        }
        other => panic!("{other:?}"),
    }
    let k = find(&all, "feedback:word:kubernete").unwrap();
    assert_eq!(k.title, "Feedback that repeats: “kubernetes”");
    assert!(matches!(&k.step, Some(NextStep::AddPlanItem { skill, .. }) if skill == "Kubernetes"));
}

#[test]
fn feedback_once_or_without_common_ground_is_no_pattern() {
    let mut interviews = three();
    interviews[0].feedback.said = "Communication was unclear.".into();
    let data = Data {
        interviews: interviews.clone(),
        ..Data::default()
    };
    assert!(keys_with(&data.run(), "feedback:").is_empty());

    interviews[1].feedback.said = "Great energy, thanks for coming in.".into();
    let data = Data {
        interviews,
        ..Data::default()
    };
    assert!(keys_with(&data.run(), "feedback:").is_empty());
}

// Rule 5 ------------------------------------------------------------------------------

#[test]
fn mostly_outside_reasons_say_it_is_not_personal() {
    let mut interviews = three();
    interviews[0].rejection_reasons = vec![reason("They hired an internal candidate", false)];
    interviews[1].rejection_reasons = vec![
        reason("The role was frozen", false),
        reason("A skill gap they pointed out", true),
    ];
    let data = Data {
        interviews,
        ..Data::default()
    };
    let all = data.run();
    let i = find(&all, "not-personal").unwrap();
    assert!(i.reassurance);
    assert_eq!(i.step, None);
    assert_eq!(i.title, "It is not personal");
    assert!(i.body.contains("Of the 3 reasons"), "{}", i.body);
    assert!(i.body.contains("2 were outside your hands"), "{}", i.body);
    assert!(i.body.contains("internal candidate"));
    assert_eq!(i.evidence.len(), 2);
    assert!(i.evidence.iter().all(|e| e.kind == EvidenceKind::Interview));
}

#[test]
fn not_personal_needs_two_rejections_and_a_majority() {
    // One rejection only (the other interview with reasons is not a rejection).
    let mut interviews = three();
    interviews[0].rejection_reasons = vec![reason("Internal candidate", false)];
    interviews[2].rejection_reasons = vec![reason("Referral", false)];
    interviews[1].rejection_reasons = vec![reason("  ", false)];
    let data = Data {
        interviews,
        ..Data::default()
    };
    assert!(find(&data.run(), "not-personal").is_none());

    // Half and half is not most.
    let mut interviews = three();
    interviews[0].rejection_reasons = vec![reason("Internal candidate", false)];
    interviews[1].rejection_reasons = vec![
        reason("Referral", false),
        reason("Skill gap", true),
        reason("How I came across", true),
    ];
    let data = Data {
        interviews,
        ..Data::default()
    };
    assert!(find(&data.run(), "not-personal").is_none());
}

// Rule 6 ------------------------------------------------------------------------------

#[test]
fn a_quiet_pipeline_gently_suggests_logging_one() {
    let data = Data {
        interviews: three(), // one pending, the newest logged 30 days ago
        ..Data::default()
    };
    let all = data.run();
    let i = find(&all, "pipeline:quiet").unwrap();
    assert_eq!(i.step, Some(NextStep::LogInterview));
    assert!(
        i.body.starts_with("One opportunity is in motion"),
        "{}",
        i.body
    );
    assert_eq!(i.evidence.len(), 1);
    assert_eq!(i.evidence[0].id, "c");
    assert_eq!(i.newest, days_ago(30));
    for word in ["should", "must", "only", "failed", "score"] {
        assert!(!i.body.to_lowercase().contains(word), "{}", i.body);
    }
}

#[test]
fn a_busy_or_recent_pipeline_is_left_alone() {
    // Something logged 5 days ago.
    let mut interviews = three();
    interviews[0].created = days_ago(5);
    let data = Data {
        interviews,
        ..Data::default()
    };
    assert!(find(&data.run(), "pipeline:quiet").is_none());
    // Three active with a threshold of three.
    let mut interviews = three();
    for i in &mut interviews {
        i.outcome = Outcome::Pending;
    }
    let data = Data {
        interviews,
        ..Data::default()
    };
    assert!(find(&data.run(), "pipeline:quiet").is_none());
    // Exactly 14 days ago still counts as recent.
    let mut interviews = three();
    interviews[1].created = days_ago(QUIET_DAYS);
    let data = Data {
        interviews,
        ..Data::default()
    };
    assert!(find(&data.run(), "pipeline:quiet").is_none());
}
