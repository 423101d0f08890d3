//! On an interview's page: every line of feedback and reflection worth acting on, each one tap
//! from becoming a plan item or a question in the bank (linked back to this interview); the plan
//! items that came from here; and the gentle "did this change what you're looking for?" prompt.

use crate::erase::{click, rx, Show};
use leptos::prelude::*;

use crate::components::form::Card;

use crate::core::plan::{self, Lesson};
use crate::core::questions::Category;
use crate::state::use_app;

#[component]
pub fn LessonsSection(interview_id: String) -> impl IntoView {
    let state = use_app();
    let id = StoredValue::new(interview_id);
    let lessons = crate::erase::memo(move |_| {
        let iid = id.get_value();
        let interview = state.interview(&iid);
        let reflection = state.reflection(&iid);
        interview
            .map(|i| plan::lessons(&i, reflection.as_ref()))
            .unwrap_or_default()
    });
    let items = crate::erase::memo(move |_| state.plan_items_of_interview(&id.get_value()));
    let row = move |lesson: Lesson| {
        let text = StoredValue::new(lesson.text.clone());
        let in_plan = crate::erase::memo(move |_| {
            state
                .plan
                .with(|p| plan::has_lesson(p, &id.get_value(), &text.get_value()))
        });
        let question = StoredValue::new(plan::question_from_lesson(&lesson));
        let in_bank = crate::erase::memo(move |_| {
            state.questions.with(|q| {
                q.iter()
                    .find(|q| {
                        q.interview_id.as_deref() == Some(id.get_value().as_str())
                            && (q.text == question.get_value() || q.text == text.get_value())
                    })
                    .map(|q| q.id.clone())
            })
        });
        let lesson = StoredValue::new(lesson);
        let to_plan = move |_| {
            let item = plan::item_from_lesson(&id.get_value(), &lesson.get_value());
            state.add_plan_item(item);
        };
        let to_bank = move |_| {
            let category = match lesson.with_value(|l| l.part) {
                "mistake" | "fell_short" => Category::Behavioural,
                _ => Category::Technical,
            };
            state.add_question(question.get_value(), category, Some(id.get_value()));
        };
        view! {
            <li class="lesson">
                <p class="lesson-text">
                    <span class="muted small">{lesson.with_value(|l| part_label(l.part))} ": "</span>
                    {text.get_value()}
                </p>
                <div class="lesson-actions">
                    {rx(move || match in_plan.get() {
                        Some(pid) => {
                            view! { <a class="chip done" href=format!("/plan#plan-{pid}")>"✓ In my plan"</a> }
                                .into_any()
                        }
                        None => {
                            view! {
                                <button type="button" class="button small" on:click=click(to_plan)>
                                    "+ Plan item"
                                </button>
                            }
                                .into_any()
                        }
                    })}
                    {rx(move || match in_bank.get() {
                        Some(qid) => {
                            view! { <a class="chip done" href=format!("/questions/{qid}")>"✓ In my bank"</a> }
                                .into_any()
                        }
                        None => {
                            view! {
                                <button type="button" class="button small" on:click=click(to_bank)>
                                    "+ Question"
                                </button>
                            }
                                .into_any()
                        }
                    })}
                </div>
            </li>
        }
    };

    view! {
        <Card id="lessons" heading_id="lessons-title" title="Turn lessons into actions">
            <Show
                when=move || !lessons.with(Vec::is_empty)
                fallback=|| {
                    view! {
                        <p class="muted">
                            "What you write above under where you fell short, what you didn't say, what you weren't prepared for, and their feedback shows up here, one line at a time, ready to become a plan item or a question to practise."
                        </p>
                    }
                }
            >
                <ul class="lessons">
                    <For each=move || lessons.get() key=|l| (l.part, l.text.clone()) let:lesson>
                        {row(lesson)}
                    </For>
                </ul>
            </Show>
            <Show when=move || !items.with(Vec::is_empty)>
                <h3>"In my plan from this interview"</h3>
                <ul class="link-list" data-testid="plan-from-interview">
                    {rx(move || {
                        items
                            .get()
                            .into_iter()
                            .map(|(pid, title, progress)| {
                                view! {
                                    <li>
                                        <a href=format!("/plan#plan-{pid}")>
                                            <span>{title}</span>
                                            <span class="muted small">{format!("{progress}%")}</span>
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    })}
                </ul>
            </Show>
        </Card>
    }
}

fn part_label(part: &str) -> &'static str {
    crate::core::plan::Source {
        part: part.to_string(),
        ..Default::default()
    }
    .part_label()
}

/// After a reflection: "Did this interview change what you're looking for?"
#[component]
pub fn SearchPrompt(interview_id: String) -> impl IntoView {
    let state = use_app();
    let id = StoredValue::new(interview_id);
    let dismissed = RwSignal::new(false);
    let reflected = crate::erase::memo(move |_| {
        state
            .reflection(&id.get_value())
            .is_some_and(|r| r.is_started())
    });
    let already = crate::erase::memo(move |_| {
        state.search.with(|v| {
            v.iter()
                .any(|s| s.interview_id.as_deref() == Some(id.get_value().as_str()))
        })
    });
    view! {
        <Show when=move || reflected.get() && !dismissed.get()>
            <Card class="search-prompt" heading_id="search-prompt-title" title="Did this interview change what you're looking for?">
                {rx(move || {
                    if already.get() {
                        view! {
                            <p>
                                "You refined your search after this one. "
                                <a href="/search">"See what you're looking for"</a>
                            </p>
                        }
                            .into_any()
                    } else {
                        view! {
                            <p class="muted">
                                "Interviews teach us about the job as much as about ourselves. If something here shifted what you want, note it while it's fresh."
                            </p>
                            <div class="actions">
                                <a class="button" href=format!("/search?from={}", id.get_value())>
                                    "Update what I'm looking for"
                                </a>
                                <button type="button" class="button quiet" on:click=click(move |_| dismissed.set(true))>
                                    "Not now"
                                </button>
                            </div>
                        }
                            .into_any()
                    }
                })}
            </Card>
        </Show>
    }
}
