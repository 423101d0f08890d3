//! The six rules, one function each, in the order of the list in the module doc. Each reads
//! the shared context and returns its insights, finished as [`Draft`]s.

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::core::choice::Choice;
use crate::core::journey::{clip, first_line};
use crate::core::model::{mistake_label, Interview, Millis, Outcome, Reflection, COMMON_MISTAKES};
use crate::core::order;
use crate::core::practice::Grade;
use crate::core::questions::{Category, Question};

use super::text::{fold, for_each_term, lowered, meaningful, normalised, segments, Shared};
use super::words::{THEMES, TOPIC_CATEGORIES};
use super::{
    capitalised, times, Ctx, Draft, Evidence, EvidenceKind, Insight, NextStep, AGAIN_MIN,
    AGAIN_WINDOW_DAYS, DAY, MAX_FEEDBACK_WORDS, MAX_TOPICS, QUIET_DAYS,
};

// ---------------------------------------------------------------------------------------------
// Rule 1: the same mistake, again

fn fix_hint(kind: &str) -> Option<&'static str> {
    COMMON_MISTAKES
        .iter()
        .find(|(k, _, _)| *k == kind)
        .map(|(_, _, hint)| hint.strip_prefix("e.g. ").unwrap_or(hint))
}

pub(super) fn repeated_mistakes(ctx: &Ctx) -> Vec<Insight> {
    let mut by_kind: BTreeMap<&str, Vec<(&Reflection, &str)>> = BTreeMap::new();
    for r in &ctx.reflections {
        let mut seen: HashSet<&str> = HashSet::new();
        for m in &r.mistakes {
            let kind = m.kind.trim();
            if !kind.is_empty() && seen.insert(kind) {
                by_kind.entry(kind).or_default().push((r, m.fix.trim()));
            }
        }
    }
    let mut out = Vec::new();
    for (kind, mut refs) in by_kind {
        if refs.len() < 2 {
            continue;
        }
        order::sort_by(&mut refs, |a, b| {
            b.0.updated.cmp(&a.0.updated).then(a.0.id.cmp(&b.0.id))
        });
        let n = refs.len();
        let label = clip(mistake_label(kind), 80);
        let key = format!("mistake:{}", clip(kind, 60));
        let ids: Vec<&str> = refs.iter().map(|(r, _)| r.id.as_str()).collect();
        let names = ctx.names(&ids);
        let hint = fix_hint(kind);
        let own_fix = refs
            .iter()
            .map(|(_, fix)| first_line(fix, 120))
            .find(|f| !f.is_empty());

        let mut body = format!("You ticked this after {n} interviews");
        if !names.is_empty() {
            body.push_str(&format!(" ({names})"));
        }
        body.push_str(". Noticing it yourself is the hard part, and it is very fixable");
        match hint {
            Some(h) => body.push_str(&format!(": {h}.")),
            None => body.push('.'),
        }
        if let Some(fix) = &own_fix {
            body.push_str(&format!(" Your own note: “{fix}”."));
        }
        let mut why = format!("Came up in {n} interviews");
        if !names.is_empty() {
            why.push_str(&format!(" ({names})"));
        }
        why.push('.');
        match (hint, &own_fix) {
            (Some(h), _) => why.push_str(&format!(" Try: {h}.")),
            (None, Some(fix)) => why.push_str(&format!(" My fix: {fix}.")),
            (None, None) => {}
        }
        let step = if ctx.in_plan(&label, &key) {
            body.push_str(" It is already on your plan.");
            None
        } else {
            Some(NextStep::AddPlanItem {
                skill: label.clone(),
                why,
            })
        };
        out.push(
            Draft {
                title: format!("{label}, {}", times(n)),
                body,
                evidence: refs
                    .iter()
                    .map(|(r, _)| (ctx.evidence_for(EvidenceKind::Reflection, &r.id), r.updated))
                    .collect(),
                step,
                reassurance: false,
                newest: refs.iter().map(|(r, _)| r.updated).max().unwrap_or(0),
                extra: Vec::new(),
                key,
            }
            .finish(),
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Rule 2: not prepared for the same topic again

/// A sensible category for a (folded) topic (Situational when nothing suggests one).
fn topic_category(topic: &str) -> Category {
    let words: Vec<&str> = topic.split(' ').collect();
    TOPIC_CATEGORIES
        .iter()
        .find(|(w, _)| words.contains(&fold(w).as_ref()))
        .map(|(_, c)| c.clone())
        .unwrap_or(Category::Situational)
}

/// A question to prepare about a topic.
fn topic_question(topic: &str, category: &Category) -> String {
    match category {
        Category::Technical | Category::Situational => format!("How would you approach {topic}?"),
        _ => format!("What can you tell us about {topic}?"),
    }
}

pub(super) fn unprepared_topics(ctx: &Ctx) -> Vec<Insight> {
    let mut shared = Shared::default();
    for (n, r) in ctx.reflections.iter().enumerate() {
        if r.not_prepared.trim().is_empty() {
            continue;
        }
        for_each_term(&r.not_prepared, |term, surface| {
            shared.add(n, term, surface)
        });
    }
    let mut candidates = shared.repeated();
    if candidates.is_empty() {
        return Vec::new();
    }
    let newest = |refs: &[usize]| {
        refs.iter()
            .map(|&n| ctx.reflections[n].updated)
            .max()
            .unwrap_or(0)
    };
    // Most reflections first; a phrase before a word; newer first; then alphabetical.
    order::sort_by_cached_key(&mut candidates, |(term, refs, _)| {
        (
            Reverse(refs.len()),
            Reverse(term.contains(' ')),
            Reverse(newest(refs)),
            term.clone(),
        )
    });
    let bigrams: Vec<&str> = candidates
        .iter()
        .map(|(t, _, _)| t.as_str())
        .filter(|t| t.contains(' '))
        .collect();
    // A word used by a chosen topic, or by a shared phrase with a chosen word, is covered: one
    // insight for "system design", not three.
    let mut covered: HashSet<String> = HashSet::new();
    let mut chosen: Vec<(String, Vec<usize>, String)> = Vec::new();
    for (term, refs, surface) in &candidates {
        if chosen.len() >= MAX_TOPICS {
            break;
        }
        let words: Vec<&str> = term.split(' ').collect();
        if words.iter().any(|w| covered.contains(*w)) {
            continue;
        }
        for w in &words {
            covered.insert(w.to_string());
            for b in &bigrams {
                if b.split(' ').any(|x| x == *w) {
                    covered.extend(b.split(' ').map(str::to_string));
                }
            }
        }
        chosen.push((term.clone(), refs.clone(), surface.clone()));
    }

    let mut out = Vec::new();
    for (term, refs, topic) in chosen {
        let n = refs.len();
        let ids: Vec<&str> = refs
            .iter()
            .map(|&i| ctx.reflections[i].id.as_str())
            .collect();
        let names = ctx.names(&ids);
        let key = format!("unprepared:{term}");
        let category = topic_category(&term);
        let text = topic_question(&topic, &category);
        // Already in the bank: practise it rather than add it twice.
        let lower = text.to_lowercase();
        let in_bank = ctx
            .input
            .questions
            .iter()
            .find(|q| q.text.trim().to_lowercase() == lower);
        let step = match in_bank {
            Some(q) => Some(NextStep::Practise {
                category: q.category.clone(),
            }),
            None => Some(NextStep::AddQuestion { text, category }),
        };
        let mut body =
            format!("You wrote that you weren't prepared for {topic} after {n} interviews");
        if !names.is_empty() {
            body.push_str(&format!(" ({names})"));
        }
        body.push_str(
            ". Now you know it tends to come up, and that is an advantage: an answer ready in \
             your bank turns a surprise into a strength.",
        );
        out.push(
            Draft {
                title: format!("{} came up again", capitalised(&topic)),
                body,
                evidence: refs
                    .iter()
                    .map(|&i| {
                        let r = ctx.reflections[i];
                        (ctx.evidence_for(EvidenceKind::Reflection, &r.id), r.updated)
                    })
                    .collect(),
                step,
                reassurance: false,
                newest: newest(&refs),
                extra: Vec::new(),
                key,
            }
            .finish(),
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Rule 3: the category that keeps coming back "Again"

pub(super) fn again_category(ctx: &Ctx) -> Vec<Insight> {
    let since = ctx.input.now.saturating_sub(AGAIN_WINDOW_DAYS * DAY);
    let questions: HashMap<&str, &Question> = ctx
        .input
        .questions
        .iter()
        .map(|q| (q.id.as_str(), q))
        .collect();
    // Category -> (Again count, newest Again, question id -> (count, newest)).
    type PerQuestion<'q> = HashMap<&'q str, (usize, Millis)>;
    let mut per: BTreeMap<Category, (usize, Millis, PerQuestion)> = BTreeMap::new();
    for r in ctx.input.reviews {
        if r.grade != Grade::Again || r.at < since {
            continue;
        }
        let Some(q) = questions.get(r.id.as_str()) else {
            continue;
        };
        let entry = per.entry(q.category.clone()).or_default();
        entry.0 += 1;
        entry.1 = entry.1.max(r.at);
        let qe = entry.2.entry(q.id.as_str()).or_default();
        qe.0 += 1;
        qe.1 = qe.1.max(r.at);
    }
    let best = per
        .into_iter()
        .filter(|(_, (count, _, _))| *count >= AGAIN_MIN)
        .max_by(|a, b| {
            (a.1 .0, a.1 .1)
                .cmp(&(b.1 .0, b.1 .1))
                // Ties: the category listed first wins.
                .then_with(|| b.0.cmp(&a.0))
        });
    let Some((category, (count, newest, per_question))) = best else {
        return Vec::new();
    };
    let mut qs: Vec<(&str, usize, Millis)> = per_question
        .into_iter()
        .map(|(id, (n, t))| (id, n, t))
        .collect();
    order::sort_by(&mut qs, |a, b| {
        b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0))
    });
    let evidence = qs
        .iter()
        .filter_map(|(id, _, _)| questions.get(id))
        .map(|q| {
            (
                Evidence {
                    kind: EvidenceKind::Question,
                    id: q.id.clone(),
                    label: clip(&q.text, 60),
                },
                q.updated,
            )
        })
        .collect::<Vec<_>>();
    let label = category.label();
    let nq = evidence.len();
    let body = format!(
        "In the last {AGAIN_WINDOW_DAYS} days you chose “Again” {count} times on {label} \
         questions, across {nq} {}. That is exactly what practice is for: a few more rounds \
         and these answers will come more easily.",
        if nq == 1 { "question" } else { "questions" }
    );
    vec![Draft {
        key: format!("again:{}", category.key()),
        title: format!("Tricky lately: {label}"),
        body,
        evidence,
        step: Some(NextStep::Practise { category }),
        reassurance: false,
        newest,
        extra: Vec::new(),
    }
    .finish()]
}

// ---------------------------------------------------------------------------------------------
// Rule 4: feedback that repeats

pub(super) fn feedback_themes(ctx: &Ctx) -> Vec<Insight> {
    let with_feedback: Vec<&Interview> = ctx
        .interviews
        .iter()
        .copied()
        .filter(|i| !i.feedback.said.trim().is_empty())
        .collect();
    if with_feedback.len() < 2 {
        return Vec::new();
    }
    let texts: Vec<String> = with_feedback
        .iter()
        .map(|i| normalised(&i.feedback.said))
        .collect();
    // Theme words, normalised the same way (" system design ").
    let theme_words: Vec<Vec<String>> = THEMES
        .iter()
        .map(|t| {
            t.words
                .iter()
                .map(|w| normalised(w).replace("| ", ""))
                .collect()
        })
        .collect();
    let covered: HashSet<String> = theme_words
        .iter()
        .flatten()
        .flat_map(|w| w.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect();

    // (key, name, skill, interviews)
    let mut found: Vec<(String, String, String, Vec<&Interview>)> = Vec::new();
    for (theme, words) in THEMES.iter().zip(&theme_words) {
        let hits: Vec<&Interview> = with_feedback
            .iter()
            .zip(&texts)
            .filter(|(_, text)| words.iter().any(|w| text.contains(w.as_str())))
            .map(|(i, _)| *i)
            .collect();
        if hits.len() >= 2 {
            found.push((
                format!("feedback:{}", theme.key),
                theme.name.to_string(),
                theme.skill.to_string(),
                hits,
            ));
        }
    }

    // Meaningful words shared by two or more, beyond the themes.
    let mut df = Shared::default();
    for (n, i) in with_feedback.iter().enumerate() {
        let lower = lowered(&i.feedback.said);
        for seg in segments(&lower) {
            for w in seg {
                if let Some(f) = meaningful(w).filter(|f| !covered.contains(f.as_ref())) {
                    df.add(n, &f, w);
                }
            }
        }
    }
    let mut shared = df.repeated();
    let newest = |v: &[usize]| {
        v.iter()
            .map(|&n| with_feedback[n].updated)
            .max()
            .unwrap_or(0)
    };
    order::sort_by_cached_key(&mut shared, |(term, refs, _)| {
        (Reverse(refs.len()), Reverse(newest(refs)), term.clone())
    });
    for (term, refs, word) in shared.into_iter().take(MAX_FEEDBACK_WORDS) {
        found.push((
            format!("feedback:word:{term}"),
            format!("“{word}”"),
            capitalised(&word),
            refs.iter().map(|&n| with_feedback[n]).collect(),
        ));
    }

    let mut out = Vec::new();
    for (key, name, skill, hits) in found {
        let n = hits.len();
        let ids: Vec<&str> = hits.iter().map(|i| i.id.as_str()).collect();
        let names = ctx.names(&ids);
        let mut body = format!("Feedback after {n} interviews");
        if !names.is_empty() {
            body.push_str(&format!(" ({names})"));
        }
        body.push_str(&format!(
            " touched on {name}. When more than one person mentions something, it is worth a \
             look: a strength to lean on, or the clearest hint of where a little work goes far."
        ));
        let mut why = format!("Feedback after {n} interviews");
        if !names.is_empty() {
            why.push_str(&format!(" ({names})"));
        }
        why.push_str(&format!(" mentioned {name}."));
        let step = if ctx.in_plan(&skill, &key) {
            body.push_str(" It is already on your plan.");
            None
        } else {
            Some(NextStep::AddPlanItem { skill, why })
        };
        out.push(
            Draft {
                title: format!("Feedback that repeats: {name}"),
                body,
                evidence: hits
                    .iter()
                    .map(|i| (ctx.evidence_for(EvidenceKind::Feedback, &i.id), i.updated))
                    .collect(),
                step,
                reassurance: false,
                newest: hits.iter().map(|i| i.updated).max().unwrap_or(0),
                extra: Vec::new(),
                key,
            }
            .finish(),
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Rule 5: it is not personal

pub(super) fn not_personal(ctx: &Ctx) -> Vec<Insight> {
    let rejected: Vec<&Interview> = ctx
        .interviews
        .iter()
        .copied()
        .filter(|i| i.outcome == Outcome::Rejected)
        .filter(|i| {
            i.rejection_reasons
                .iter()
                .any(|r| !r.text.trim().is_empty())
        })
        .collect();
    if rejected.len() < 2 {
        return Vec::new();
    }
    let reasons = rejected
        .iter()
        .flat_map(|i| &i.rejection_reasons)
        .filter(|r| !r.text.trim().is_empty());
    let total = reasons.clone().count();
    let outside: Vec<&str> = reasons
        .filter(|r| !r.in_my_control)
        .map(|r| r.text.trim())
        .collect();
    if outside.len() * 2 <= total {
        return Vec::new();
    }
    let mut examples: Vec<String> = Vec::new();
    for text in &outside {
        let t = clip(text, 60);
        if !examples
            .iter()
            .any(|e| e.to_lowercase() == t.to_lowercase())
        {
            examples.push(t);
        }
        if examples.len() == 2 {
            break;
        }
    }
    let examples = examples
        .iter()
        .map(|e| format!("“{e}”"))
        .collect::<Vec<_>>()
        .join(" and ");
    let body = format!(
        "Of the {total} reasons you noted for not getting an offer, {} were outside your \
         hands, like {examples}. They say more about the company's situation than about you. \
         Nothing to fix here; carry on at your own pace.",
        outside.len()
    );
    let evidence: Vec<(Evidence, Millis)> = rejected
        .iter()
        .filter(|i| {
            i.rejection_reasons
                .iter()
                .any(|r| !r.in_my_control && !r.text.trim().is_empty())
        })
        .map(|i| (ctx.evidence_for(EvidenceKind::Interview, &i.id), i.updated))
        .collect();
    let newest = rejected.iter().map(|i| i.updated).max().unwrap_or(0);
    vec![Draft {
        key: "not-personal".to_string(),
        title: "It is not personal".to_string(),
        body,
        evidence,
        step: None,
        reassurance: true,
        newest,
        extra: Vec::new(),
    }
    .finish()]
}

// ---------------------------------------------------------------------------------------------
// Rule 6: a quiet pipeline

pub(super) fn quiet_pipeline(ctx: &Ctx) -> Vec<Insight> {
    let Some(latest) = ctx.interviews.iter().map(|i| i.created).max() else {
        return Vec::new();
    };
    let active: Vec<&Interview> = ctx
        .interviews
        .iter()
        .copied()
        .filter(|i| i.outcome.is_active())
        .collect();
    let quiet = latest < ctx.input.now.saturating_sub(QUIET_DAYS * DAY);
    if !quiet || active.len() as u64 >= u64::from(ctx.input.nudge_threshold) {
        return Vec::new();
    }
    let body = match active.len() {
        0 => "Nothing is in motion right now, and that is okay: searches have pauses. When you \
              feel ready, one new application is enough to get things moving again."
            .to_string(),
        1 => "One opportunity is in motion and nothing new has come in for a couple of weeks. \
              Lining up one or two more takes the pressure off that one, whatever it brings."
            .to_string(),
        n => format!(
            "{n} opportunities are in motion and nothing new has come in for a couple of \
             weeks. A few more would spread the pressure, so no single answer decides your week."
        ),
    };
    vec![Draft {
        key: "pipeline:quiet".to_string(),
        title: "A quiet couple of weeks".to_string(),
        body,
        evidence: active
            .iter()
            .map(|i| (ctx.evidence_for(EvidenceKind::Interview, &i.id), i.updated))
            .collect(),
        step: Some(NextStep::LogInterview),
        reassurance: false,
        newest: latest,
        extra: vec![latest],
    }
    .finish()]
}
