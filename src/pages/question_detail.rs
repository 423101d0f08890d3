//! One question (`/questions/:id`): what the interviewer is really asking, the prepared answer
//! (free text or STAR) with word count and speaking time, and its earlier versions.

use crate::erase::{change, click, rx, Show};
use leptos::prelude::*;

use crate::core::choice::Choice;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::components::form::{Card, TextField, Width};
use crate::core::questions::Answer;
use crate::state::use_app;

fn when(ms: i64) -> String {
    crate::core::display::from_millis(ms)
        .map(crate::core::display::short_date_time)
        .unwrap_or_default()
}

#[component]
pub fn QuestionDetail() -> impl IntoView {
    let params = use_params_map();
    let id = crate::erase::memo(move |_| params.read().get("id").unwrap_or_default());
    let state = use_app();
    // Re-drawn when another tab changed the data, or an earlier answer was restored.
    let redraw = RwSignal::new(0u32);
    move || {
        state.external_revision.track();
        redraw.track();
        view! { <QuestionPage id=id.get() redraw=redraw/> }
    }
}

#[component]
fn QuestionPage(id: String, redraw: RwSignal<u32>) -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let bank = state.bank();
    let key = StoredValue::new(id.clone());
    let current = crate::erase::memo(move |_| {
        bank.with(|all| all.iter().find(|q| q.id == key.get_value()).cloned())
    });
    let Some(initial) = current.get_untracked() else {
        return view! {
            <div class="page">
                <h1>"Question not found"</h1>
                <section class="card empty">
                    <p>"This question isn't in your bank. It may have been deleted."</p>
                    <a class="button primary" href="/questions">"See all questions"</a>
                </section>
            </div>
        }
        .into_any();
    };
    let star = RwSignal::new(initial.answer.star);
    let edit = move |change: Box<dyn FnOnce(&mut Answer)>| {
        state.edit_answer(&key.get_value(), change);
    };
    let words = move || {
        current.with(|q| {
            q.as_ref()
                .map(|q| {
                    let n = q.answer.word_count();
                    let label = q.answer.speaking_label();
                    match n {
                        0 => "No answer yet.".to_string(),
                        1 => format!("1 word, {label} out loud."),
                        n => format!("{n} words, {label} out loud."),
                    }
                })
                .unwrap_or_default()
        })
    };
    let field = move |name: &'static str,
                      label: &'static str,
                      rows: &'static str,
                      value: String,
                      set: fn(&mut Answer, String)| {
        view! {
            <TextField
                id=format!("answer-{name}")
                label=label
                rows=rows
                width=Width::Wide
                value=value
                on_input=Callback::new(move |text| edit(Box::new(move |a: &mut Answer| set(a, text))))
            />
        }
    };
    let a = initial.answer.clone();
    let interview_link = initial.interview_id.clone().map(|iid| {
        let title = state.interview(&iid).map(|i| i.title());
        match title {
            Some(t) => view! {
                <p class="muted">"Came up at " <a href=format!("/interviews/{iid}")>{t}</a></p>
            }
            .into_any(),
            None => view! { <p class="muted">"Came up at an interview that has since been removed."</p> }
                .into_any(),
        }
    });
    let revisions = move || {
        current.with(|q| {
            q.as_ref()
                .map(|q| {
                    q.revisions
                        .iter()
                        .enumerate()
                        .rev()
                        .map(|(n, r)| (n, r.at, r.answer.as_text()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let is_starter = initial.starter;
    let hidden = move || current.with(|q| q.as_ref().is_some_and(|q| q.hidden));
    let confirm_delete = RwSignal::new(false);

    view! {
        <div class="page">
            <p class="crumb"><a href="/questions">"← Questions"</a></p>
            <h1 class="question-title">{initial.text.clone()}</h1>
            <p><span class="badge">{initial.category.label()}</span></p>
            {(!initial.tip.is_empty())
                .then(|| {
                    view! {
                        <p class="hint-card">
                            <strong>"What they're really asking: "</strong>
                            {initial.tip.clone()}
                        </p>
                    }
                })}
            {interview_link}
            <Card heading_id="answer-title" title="Your answer">
                <fieldset class="mode">
                    <legend class="visually-hidden">"How to write it"</legend>
                    <div class="mood-options">
                        <label class="chip">
                            <input
                                type="radio"
                                name="answer-mode"
                                prop:checked=move || !star.get()
                                on:change=change(move |_| {
                                    star.set(false);
                                    edit(Box::new(|a: &mut Answer| a.star = false));
                                })
                            />
                            <span>"Free text"</span>
                        </label>
                        <label class="chip">
                            <input
                                type="radio"
                                name="answer-mode"
                                prop:checked=move || star.get()
                                on:change=change(move |_| {
                                    star.set(true);
                                    edit(Box::new(|a: &mut Answer| a.star = true));
                                })
                            />
                            <span>"STAR"</span>
                        </label>
                    </div>
                </fieldset>
                <Show
                    when=move || star.get()
                    fallback={
                        let text = a.text.clone();
                        move || field("text", "In your own words", "8", text.clone(), |a, t| a.text = t)
                    }
                >
                    {field("situation", "Situation: where and when", "3", a.situation.clone(), |a, t| a.situation = t)}
                    {field("task", "Task: what you had to do", "3", a.task.clone(), |a, t| a.task = t)}
                    {field("action", "Action: what you did", "4", a.action.clone(), |a, t| a.action = t)}
                    {field("result", "Result: what came of it, with numbers if you can", "3", a.result.clone(), |a, t| a.result = t)}
                </Show>
                <p class="muted small" data-testid="word-count" aria-live="polite">{words}</p>
                <p class="muted small">"Saved on this device as you type. Earlier versions are kept below."</p>
            </Card>
            <Card heading_id="revisions-title" title="Earlier versions">
                <Show
                    when=move || !revisions().is_empty()
                    fallback=|| view! { <p class="muted">"When you rework this answer later, the earlier version is kept here."</p> }
                >
                    <ul class="revisions">
                        {rx(move || {
                            revisions()
                                .into_iter()
                                .map(|(n, at, text)| {
                                    view! {
                                        <li class="revision">
                                            <p class="muted small">{when(at)}</p>
                                            <p class="revision-text">{text}</p>
                                            <button
                                                type="button"
                                                class="button"
                                                on:click=click(move |_| {
                                                    state.restore_revision(&key.get_value(), n);
                                                    redraw.update(|r| *r += 1);
                                                })
                                            >
                                                "Bring this version back"
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()
                        })}
                    </ul>
                </Show>
            </Card>
            <section class="danger-zone">
                {if is_starter {
                    view! {
                        <button
                            type="button"
                            class="button quiet"
                            on:click=click(move |_| state.set_question_hidden(&key.get_value(), !hidden()))
                        >
                            {rx(move || if hidden() { "Show this question again" } else { "Hide this question (it won't come up in practice)" })}
                        </button>
                    }
                    .into_any()
                } else {
                    view! {
                        <button
                            type="button"
                            class="button quiet danger"
                            on:click=click(move |_| {
                                if confirm_delete.get_untracked() {
                                    state.delete_question(&key.get_value());
                                    navigate("/questions", Default::default());
                                } else {
                                    confirm_delete.set(true);
                                }
                            })
                        >
                            {rx(move || if confirm_delete.get() { "Press again to delete it and its answer" } else { "Delete this question" })}
                        </button>
                    }
                    .into_any()
                }}
            </section>
        </div>
    }
    .into_any()
}
