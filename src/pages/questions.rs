//! The question bank (`/questions`): the tough questions, filtered by category, searched as you
//! type, sorted by due / newest / weakest, and the way to add your own.

use crate::core::choice::Choice;
use crate::erase::{change, rx, submit, Show};
use leptos::prelude::*;

use crate::components::show_more::ShowMore;
use leptos_router::hooks::use_navigate;

use crate::components::category_select::CategorySelect;
use crate::components::form::{choices, ChoiceSelect, Choices, TextField};
use crate::core::order;
use crate::core::paging;
use crate::core::practice::{due_label, retrievability};
use crate::core::questions::{filter, Category, Question};
use crate::platform;
use crate::state::use_app;

/// How many rows are drawn at first, and added by "Show more" (a bank can hold 1,500
/// questions; the search and the filters go through all of them).
const PAGE: usize = paging::PAGE;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    Due,
    Newest,
    Weakest,
}

#[component]
pub fn QuestionBank() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let category = RwSignal::new(None::<Category>);
    let query = RwSignal::new(String::new());
    let order = RwSignal::new(Order::Due);
    let shown = RwSignal::new(PAGE);
    let show_hidden = RwSignal::new(false);
    let bank = state.bank();
    let due_now = crate::erase::memo(move |_| state.due_count());

    let rows = crate::erase::memo(move |_| {
        let now = platform::now_ms();
        let q = query.get();
        let hidden = show_hidden.get();
        bank.with(|all| {
            state.cards.with(|cards| {
                // Each question's card by id, the first of a duplicate as before (one pass
                // rather than a search through every card for each of 1,500 questions).
                let by_id: std::collections::HashMap<&str, &crate::core::practice::CardState> =
                    cards.iter().rev().map(|c| (c.id.as_str(), c)).collect();
                let mut list: Vec<(&Question, Option<i64>, Option<f64>)> =
                    filter(all, category.get(), &q)
                        .into_iter()
                        .filter(|x| x.hidden == hidden)
                        .map(|x| {
                            let card = by_id.get(x.id.as_str()).copied();
                            (
                                x,
                                card.map(|c| c.due),
                                card.and_then(|c| retrievability(c, now)),
                            )
                        })
                        .collect();
                match order.get() {
                    Order::Due => {
                        order::sort_by_key(&mut list, |(_, due, _)| due.unwrap_or(i64::MAX))
                    }
                    Order::Newest => {
                        order::sort_by_key(&mut list, |(x, _, _)| std::cmp::Reverse(x.created))
                    }
                    Order::Weakest => order::sort_by(&mut list, |a, b| {
                        a.2.unwrap_or(2.0)
                            .partial_cmp(&b.2.unwrap_or(2.0))
                            .unwrap_or(std::cmp::Ordering::Equal)
                    }),
                }
                let total = list.len();
                let rows: Vec<_> = list
                    .into_iter()
                    .take(shown.get())
                    .map(|(x, due, _)| {
                        (
                            x.id.clone(),
                            x.text.clone(),
                            x.category.label(),
                            // A question to ask them needs no answer of the user's.
                            (x.category != Category::AskThem).then(|| !x.answer.is_empty()),
                            due.map(|d| due_label(d, now)),
                        )
                    })
                    .collect();
                (rows, total)
            })
        })
    });

    let new_text = RwSignal::new(String::new());
    let new_category = RwSignal::new(Category::Behavioural);
    let add_error = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = new_text.get_untracked();
        if text.trim().is_empty() {
            add_error.set(true);
            return;
        }
        let id = state.add_question(text, new_category.get_untracked(), None);
        navigate(&format!("/questions/{id}"), Default::default());
    };

    view! {
        <div class="page">
            <div class="page-head">
                <h1>"Questions"</h1>
                <a class="button primary" href="/practice">
                    {rx(move || match due_now.get() {
                        0 => "Practise".to_string(),
                        n => format!("Practise ({n} due)"),
                    })}
                </a>
            </div>
            <p class="muted">
                "Tough questions, common ones and the ones that caught you out, each with your prepared answer."
            </p>
            <details class="card details-card">
                <summary>"Add a question"</summary>
                <form on:submit=submit(add)>
                    <TextField
                        id="new-question"
                        label="The question"
                        rows="2"
                        value=new_text
                        on_input=Callback::new(move |text| {
                            add_error.set(false);
                            new_text.set(text);
                        })
                    />
                    <CategorySelect id="new-question-category" value=new_category/>
                    <Show when=move || add_error.get()>
                        <p class="field-error" role="alert">"Write the question first."</p>
                    </Show>
                    <button type="submit" class="button primary">"Add to my bank"</button>
                </form>
            </details>
            <div class="filters" role="search">
                <TextField
                    id="q-search"
                    label="Search"
                    kind="search"
                    hint="Words in the question or your answer"
                    value=query
                    on_input=Callback::new(move |text| {
                        shown.set(PAGE);
                        query.set(text);
                    })
                />
                <ChoiceSelect
                    id="q-category"
                    label="Category"
                    choices=all_categories()
                    on_change=Callback::new(move |key: String| {
                        shown.set(PAGE);
                        category.set(Category::from_key(&key));
                    })
                />
                <ChoiceSelect
                    id="q-order"
                    label="Sort"
                    choices=Choices {
                        items: vec![
                            ("due".into(), "Due first".into()),
                            ("newest".into(), "Newest first".into()),
                            ("weakest".into(), "Weakest first".into()),
                        ],
                        selected: "due".into(),
                    }
                    on_change=Callback::new(move |key: String| {
                        order.set(match key.as_str() {
                            "newest" => Order::Newest,
                            "weakest" => Order::Weakest,
                            _ => Order::Due,
                        })
                    })
                />
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || show_hidden.get()
                        on:change=change(move |ev| show_hidden.set(event_target_checked(&ev)))
                    />
                    <span>"Show hidden questions"</span>
                </label>
            </div>
            <p class="muted small" aria-live="polite" data-testid="question-count">
                {rx(move || {
                    let total = rows.with(|r| r.1);
                    match total {
                        0 => "No questions match.".to_string(),
                        1 => "1 question".to_string(),
                        n => format!("{n} questions"),
                    }
                })}
            </p>
            <ul class="question-list">
                {rx(move || {
                    rows.get()
                        .0
                        .into_iter()
                        .map(|(id, text, category, answered, due)| {
                            view! {
                                <li>
                                    <a class="question-row" href=format!("/questions/{id}")>
                                        <span class="row-title">{text}</span>
                                        <span class="row-meta">
                                            <span class="badge">{category}</span>
                                            {answered.map(|yes| if yes {
                                                view! { <span class="badge reflected">"Answered"</span> }.into_any()
                                            } else {
                                                view! { <span class="muted small">"No answer yet"</span> }.into_any()
                                            })}
                                            {due.map(|d| view! { <span class="muted small">{format!("due {d}")}</span> })}
                                        </span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                })}
            </ul>
            <ShowMore total=Signal::derive(move || rows.with(|r| r.1)) shown=shown testid="questions-more"/>
        </div>
    }
}

/// The category filter's options: every category, after "All categories".
fn all_categories() -> Choices {
    let mut all = choices(&Category::Behavioural);
    all.items.insert(0, ("".into(), "All categories".into()));
    all.selected = String::new();
    all
}
