//! Tests of the insights: the helpers and data sets they share, reading words, the
//! framework (order, dismissing, fingerprints), robustness and speed. The tests of each
//! rule are in the `rules` submodule (`insights/tests/rules.rs`).

use super::text::{fold, meaningful, normalised, terms};
use super::words::STOPWORDS;
use super::*;
use crate::core::model::{MistakeNote, Outcome, RejectionReason, Stage, COMMON_MISTAKES};
use crate::core::plan::Source;
use crate::core::practice::Grade;
use crate::core::questions::{bank, STARTER};
use crate::core::test_days::{at, d};
use proptest::prelude::*;

mod rules;

fn today() -> NaiveDate {
    d(2026, 3, 15)
}

fn now() -> Millis {
    at(today())
}

fn days_ago(n: i64) -> Millis {
    now() - n * DAY
}

fn interview(id: &str, company: &str, outcome: Outcome) -> Interview {
    Interview {
        id: id.into(),
        company: company.into(),
        role: "Engineer".into(),
        date: Some(d(2026, 3, 3)),
        stage: Stage::Interview,
        outcome,
        created: days_ago(30),
        updated: days_ago(20),
        ..Interview::default()
    }
}

fn reflection(id: &str, updated: Millis) -> Reflection {
    Reflection {
        id: id.into(),
        created: updated,
        updated,
        ..Reflection::default()
    }
}

fn mistake(kind: &str, fix: &str) -> MistakeNote {
    MistakeNote {
        extra: Default::default(),
        kind: kind.into(),
        fix: fix.into(),
    }
}

fn again(id: &str, when: Millis) -> ReviewEntry {
    ReviewEntry {
        extra: Default::default(),
        id: id.into(),
        at: when,
        grade: Grade::Again,
    }
}

#[derive(Default)]
struct Data {
    interviews: Vec<Interview>,
    reflections: Vec<Reflection>,
    questions: Vec<Question>,
    reviews: Vec<ReviewEntry>,
    plan: Vec<PlanItem>,
}

impl Data {
    fn run(&self) -> Vec<Insight> {
        let questions = if self.questions.is_empty() {
            bank(&[])
        } else {
            self.questions.clone()
        };
        compute(&InsightInput {
            interviews: &self.interviews,
            reflections: &self.reflections,
            questions: &questions,
            reviews: &self.reviews,
            plan: &self.plan,
            nudge_threshold: 3,
            today: today(),
            now: now(),
        })
    }
}

fn find<'a>(all: &'a [Insight], key: &str) -> Option<&'a Insight> {
    all.iter().find(|i| i.key == key)
}

fn keys_with(all: &[Insight], prefix: &str) -> Vec<String> {
    all.iter()
        .filter(|i| i.key.starts_with(prefix))
        .map(|i| i.key.clone())
        .collect()
}

/// Three interviews at Acme, Globex and Initech.
fn three() -> Vec<Interview> {
    vec![
        interview("a", "Acme", Outcome::Rejected),
        interview("b", "Globex", Outcome::Rejected),
        interview("c", "Initech", Outcome::Pending),
    ]
}

fn reason(text: &str, in_my_control: bool) -> RejectionReason {
    RejectionReason {
        extra: Default::default(),
        text: text.into(),
        in_my_control,
    }
}

#[test]
fn stopwords_are_sorted_and_long_enough() {
    assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    assert!(STOPWORDS.iter().all(|w| w.chars().count() >= 4));
}

#[test]
fn folding_and_words() {
    assert_eq!(fold("stories"), "story");
    assert_eq!(fold("processes"), "process");
    assert_eq!(fold("approaches"), "approach");
    assert_eq!(fold("designs"), "design");
    assert_eq!(fold("status"), "status");
    assert_eq!(fold("analysis"), "analysis");
    assert_eq!(fold("class"), "class");
    assert_eq!(fold("négociations"), "négociation");
    assert_eq!(fold("bus"), "bus");
    assert_eq!(meaningful("really"), None);
    assert_eq!(meaningful("questions"), None, "folds to a stopword");
    assert_eq!(meaningful("sql"), None, "too short");
    assert_eq!(meaningful("2024"), None, "no letter");
    assert_eq!(meaningful(&"a".repeat(41)), None);
    let t = terms("System design, and: caching-layers! 🙂 SYSTEM design");
    assert_eq!(
        t.get("system design").map(String::as_str),
        Some("system design")
    );
    assert_eq!(
        t.get("caching layer").map(String::as_str),
        Some("caching layers")
    );
    assert!(
        !t.contains_key("design caching"),
        "punctuation breaks a phrase"
    );
    assert_eq!(normalised("Clear. Stories!"), " clear | story | ");
}

#[test]
fn nothing_from_nothing() {
    let all = Data::default().run();
    assert!(all.is_empty(), "{all:#?}");
    let empty = compute(&InsightInput {
        interviews: &[],
        reflections: &[],
        questions: &[],
        reviews: &[],
        plan: &[],
        nudge_threshold: 0,
        today: today(),
        now: 0,
    });
    assert!(empty.is_empty());
}

#[test]
fn next_step_labels() {
    let plan = NextStep::AddPlanItem {
        skill: "x".into(),
        why: "y".into(),
    };
    assert_eq!(plan.label(), "Add to my plan");
    let q = NextStep::AddQuestion {
        text: "x".into(),
        category: Category::Technical,
    };
    assert_eq!(q.label(), "Add this question");
    let p = NextStep::Practise {
        category: Category::Behavioural,
    };
    assert_eq!(p.label(), "Practise Behavioural");
    assert_eq!(NextStep::LogInterview.label(), "Log an interview");
}

// Dismissing, order, fingerprints -----------------------------------------------------

fn patterned() -> Data {
    let mut r1 = reflection("a", days_ago(10));
    r1.mistakes = vec![mistake("late", "")];
    let mut r2 = reflection("b", days_ago(5));
    r2.mistakes = vec![mistake("late", "")];
    let mut interviews = three();
    interviews[0].rejection_reasons = vec![reason("Internal candidate", false)];
    interviews[1].rejection_reasons = vec![reason("Frozen", false)];
    interviews[1].updated = days_ago(1);
    Data {
        interviews,
        reflections: vec![r1, r2],
        ..Data::default()
    }
}

#[test]
fn newest_first() {
    let all = patterned().run();
    let keys: Vec<&str> = all.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, vec!["not-personal", "mistake:late", "pipeline:quiet"]);
    assert!(all.windows(2).all(|w| w[0].newest >= w[1].newest));
}

#[test]
fn dismissed_stays_hidden_until_the_evidence_changes() {
    let data = patterned();
    let all = data.run();
    let late = find(&all, "mistake:late").unwrap().clone();
    let mut dismissed = BTreeMap::new();
    dismissed.insert(late.key.clone(), late.fingerprint.clone());
    dismissed.insert("unknown".to_string(), "x".to_string());
    let shown = visible(&all, &dismissed);
    assert_eq!(shown.len(), all.len() - 1);
    assert!(shown.iter().all(|i| i.key != "mistake:late"));

    // Same data, other order: same fingerprint, still hidden.
    let mut reordered = patterned();
    reordered.reflections.reverse();
    reordered.interviews.reverse();
    let again = reordered.run();
    assert_eq!(
        find(&again, "mistake:late").unwrap().fingerprint,
        late.fingerprint
    );
    assert_eq!(visible(&again, &dismissed).len(), all.len() - 1);

    // A reflection edited: the insight comes back.
    let mut edited = patterned();
    edited.reflections[0].updated += 1;
    let after = edited.run();
    assert_ne!(
        find(&after, "mistake:late").unwrap().fingerprint,
        late.fingerprint
    );
    assert_eq!(visible(&after, &dismissed).len(), after.len());

    // A third reflection: back too.
    let mut more = patterned();
    let mut r3 = reflection("c", days_ago(1));
    r3.mistakes = vec![mistake("late", "")];
    more.reflections.push(r3);
    let after = more.run();
    assert!(visible(&after, &dismissed)
        .iter()
        .any(|i| i.key == "mistake:late"));
    // Fingerprints differ between insights.
    let fps: HashSet<&str> = all.iter().map(|i| i.fingerprint.as_str()).collect();
    assert_eq!(fps.len(), all.len());
}

#[test]
fn labels_add_the_year_when_not_this_year_and_survive_missing_interviews() {
    let mut interviews = three();
    interviews[0].date = Some(d(2025, 11, 30));
    interviews[1].date = None;
    interviews[1].created = at(d(2026, 1, 2));
    let mut r1 = reflection("a", days_ago(10));
    r1.mistakes = vec![mistake("late", "")];
    let mut r2 = reflection("b", days_ago(5));
    r2.mistakes = vec![mistake("late", "")];
    let mut r3 = reflection("deleted", days_ago(4));
    r3.mistakes = vec![mistake("late", "")];
    let data = Data {
        interviews,
        reflections: vec![r1, r2, r3],
        ..Data::default()
    };
    let all = data.run();
    let labels: Vec<&str> = find(&all, "mistake:late")
        .unwrap()
        .evidence
        .iter()
        .map(|e| e.label.as_str())
        .collect();
    assert_eq!(
        labels,
        vec![
            "An earlier interview",
            "Engineer at Globex, 2 Jan",
            "Engineer at Acme, 30 Nov 2025"
        ]
    );
}

// Robustness and speed ----------------------------------------------------------------

#[test]
fn huge_and_strange_text_is_fine() {
    let huge = "système 🙂 design\u{0}\u{200b}—".repeat(50_000);
    let mut interviews = three();
    for i in &mut interviews {
        i.feedback.said = huge.clone();
        i.company = huge.clone();
    }
    let reflections: Vec<Reflection> = ["a", "b", "c"]
        .iter()
        .map(|id| Reflection {
            not_prepared: huge.clone(),
            mistakes: vec![mistake(&huge, &huge)],
            ..reflection(id, days_ago(1))
        })
        .collect();
    let data = Data {
        interviews,
        reflections,
        ..Data::default()
    };
    let all = data.run();
    // Emoji, NUL, zero-width space and dashes end phrases: "système" and "design" are
    // words of their own here.
    assert!(find(&all, "unprepared:système").is_some(), "{all:#?}");
    for i in &all {
        assert!(i.key.chars().count() < 200, "{}", i.key.len());
        assert!(i.title.chars().count() < 300);
        assert!(i.body.chars().count() < 2_000, "{}", i.body.len());
        assert!(i.evidence.iter().all(|e| e.label.chars().count() < 100));
    }
}

/// A big but plausible data set: 300 interviews and reflections, 1,500 questions, 30,000
/// ratings over a year.
fn big() -> Data {
    const FEEDBACK: [&str; 6] = [
        "Strong on technical depth but answers were long; more structure would help.",
        "We went with someone with more experience in distributed systems.",
        "Good examples, though some were vague on the result.",
        "Lovely conversation. We were looking for more leadership experience.",
        "Communication was clear; system design could go deeper.",
        "Not enough research about our product and customers.",
    ];
    const TOPICS: [&str; 6] = [
        "System design of a rate limiter",
        "Questions about stakeholder management and conflicts",
        "Salary expectations and notice period",
        "The take-home about SQL window functions",
        "Why I left my last job, and a gap in my résumé",
        "Behavioural questions on failure 😅",
    ];
    let mut interviews = Vec::new();
    let mut reflections = Vec::new();
    for n in 0..300i64 {
        let id = format!("i{n}");
        let mut i = interview(
            &id,
            &format!("Company {n}"),
            Outcome::ALL[n as usize % 5].clone(),
        );
        i.created = days_ago(400 - n);
        i.updated = days_ago(399 - n);
        i.feedback.said = FEEDBACK[n as usize % FEEDBACK.len()].repeat(2);
        i.rejection_reasons = vec![
            reason(
                COMMON_REJECTION[n as usize % 8].0,
                COMMON_REJECTION[n as usize % 8].1,
            ),
            reason("Another reason", n % 3 == 0),
        ];
        interviews.push(i);
        let mut r = reflection(&id, days_ago(399 - n));
        r.not_prepared = format!(
            "{}. Also {}. {}",
            TOPICS[n as usize % TOPICS.len()],
            TOPICS[(n as usize * 7) % TOPICS.len()],
            "Some more thoughts about the day and how it went, written at length. ".repeat(5)
        );
        r.fell_short = "I rambled a bit".into();
        r.mistakes = vec![
            mistake(COMMON_MISTAKES[n as usize % 8].0, "a fix"),
            mistake(COMMON_MISTAKES[(n as usize + 3) % 8].0, ""),
        ];
        reflections.push(r);
    }
    let own: Vec<Question> = (0..1_436)
        .map(|n| {
            Question::new(
                format!("q{n}"),
                format!("Question number {n} about something hard?"),
                Category::ALL[n % 8].clone(),
                days_ago(300),
            )
        })
        .collect();
    let questions = bank(&own);
    assert_eq!(questions.len(), 1_500);
    let mut seed: u64 = 42;
    let mut next = || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        seed >> 33
    };
    let reviews: Vec<ReviewEntry> = (0..30_000)
        .map(|_| ReviewEntry {
            extra: Default::default(),
            id: questions[next() as usize % questions.len()].id.clone(),
            at: days_ago((next() % 365) as i64),
            grade: Grade::ALL[next() as usize % 4],
        })
        .collect();
    let plan: Vec<PlanItem> = (0..40)
        .map(|n| PlanItem {
            skill: format!("Skill {n}"),
            sources: vec![Source::default()],
            ..PlanItem::default()
        })
        .collect();
    Data {
        interviews,
        reflections,
        questions,
        reviews,
        plan,
    }
}

use crate::core::model::COMMON_REJECTION_REASONS as COMMON_REJECTION;

#[test]
fn fast_on_a_big_data_set() {
    let data = big();
    let input = InsightInput {
        interviews: &data.interviews,
        reflections: &data.reflections,
        questions: &data.questions,
        reviews: &data.reviews,
        plan: &data.plan,
        nudge_threshold: 3,
        today: today(),
        now: now(),
    };
    // Warm up once, then take the best of three.
    let all = compute(&input);
    let mut best = std::time::Duration::MAX;
    for _ in 0..3 {
        let start = std::time::Instant::now();
        let again = compute(&input);
        best = best.min(start.elapsed());
        assert_eq!(again, all);
    }
    println!(
        "insights::compute on 300 interviews + reflections, 1,500 questions, 30,000 \
         ratings: {best:?} ({} insights)",
        all.len()
    );
    assert!(best.as_millis() < 500, "{best:?}");
    // Every rule that can fire on this data does.
    for prefix in [
        "mistake:",
        "unprepared:",
        "again:",
        "feedback:",
        "not-personal",
    ] {
        assert!(!keys_with(&all, prefix).is_empty(), "{prefix}");
    }
    assert!(keys_with(&all, "unprepared:").len() <= MAX_TOPICS);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_on_any_text(
        texts in proptest::collection::vec(any::<String>(), 1..6),
        said in proptest::collection::vec(".{0,200}", 1..6),
        kinds in proptest::collection::vec(any::<String>(), 0..4),
        stamps in proptest::collection::vec(any::<i64>(), 1..6),
        threshold in any::<u32>(),
        now in any::<i64>(),
    ) {
        let interviews: Vec<Interview> = said
            .iter()
            .enumerate()
            .map(|(n, s)| Interview {
                id: format!("i{n}"),
                company: s.clone(),
                role: texts[n % texts.len()].clone(),
                date: None,
                outcome: Outcome::ALL[n % 5].clone(),
                rejection_reasons: vec![reason(s, n % 2 == 0), reason(s, false)],
                created: stamps[n % stamps.len()],
                updated: stamps[(n + 1) % stamps.len()],
                feedback: crate::core::model::Feedback {
                    said: s.clone(),
                    ..Default::default()
                },
                ..Interview::default()
            })
            .collect();
        let reflections: Vec<Reflection> = texts
            .iter()
            .enumerate()
            .map(|(n, t)| Reflection {
                id: format!("i{}", n % (said.len() + 1)),
                not_prepared: t.clone(),
                mistakes: kinds.iter().map(|k| mistake(k, t)).collect(),
                created: stamps[n % stamps.len()],
                updated: stamps[n % stamps.len()],
                ..Reflection::default()
            })
            .collect();
        let questions = bank(&[]);
        let reviews: Vec<ReviewEntry> = stamps
            .iter()
            .enumerate()
            .map(|(n, t)| again(questions[n % questions.len()].id.as_str(), *t))
            .collect();
        let all = compute(&InsightInput {
            interviews: &interviews,
            reflections: &reflections,
            questions: &questions,
            reviews: &reviews,
            plan: &[],
            nudge_threshold: threshold,
            today: today(),
            now,
        });
        for i in &all {
            prop_assert!(!i.key.is_empty());
            prop_assert_eq!(i.fingerprint.len(), 16);
            prop_assert!(!i.title.is_empty());
        }
        let none = BTreeMap::new();
        prop_assert_eq!(visible(&all, &none).len(), all.len());
    }
}
