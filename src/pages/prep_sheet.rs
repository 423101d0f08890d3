//! The prep sheet (`/interviews/:id/prep`): one page to read on the way there, or print: when
//! and how, the notes on the company and role, the chosen questions with the user's answers,
//! and the questions to ask them. `style/main.css` has its print stylesheet.

use crate::erase::click;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::answer_view::AnswerView;
use crate::core::questions::{Category, Question};
use crate::core::session;
use crate::state::use_app;

#[component]
pub fn PrepSheet() -> impl IntoView {
    let params = use_params_map();
    let state = use_app();
    let bank = state.bank();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let Some(interview) = state.interview(&id) else {
            return view! {
                <div class="page">
                    <h1>"Prep sheet"</h1>
                    <section class="card empty">
                        <p>"This interview isn't here. It may have been deleted, or the link is from another device."</p>
                        <a class="button primary" href="/interviews">"See all interviews"</a>
                    </section>
                </div>
            }
            .into_any();
        };
        let chosen = state.prep_questions(&id);
        let (questions, mut ask): (Vec<Question>, Vec<Question>) = bank.with(|b| {
            chosen
                .iter()
                .filter_map(|q| b.iter().find(|x| x.id == *q).cloned())
                .partition(|q| q.category != Category::AskThem)
        });
        if ask.is_empty() {
            ask = bank.with(|b| {
                b.iter()
                    .filter(|q| q.category == Category::AskThem && q.is_card())
                    .cloned()
                    .collect()
            });
        }
        let when = session::upcoming_line(&interview, state.today.get());
        let format = interview.format_label().map(|f| f.into_owned());
        let notes = interview.notes.trim().to_string();
        let item = |q: Question| {
            view! {
                <li class="sheet-item">
                    <h3>{q.text.clone()}</h3>
                    {if q.answer.is_empty() {
                        view! { <p class="muted">"No answer written yet."</p> }.into_any()
                    } else {
                        view! { <AnswerView answer=q.answer/> }.into_any()
                    }}
                </li>
            }
        };
        view! {
            <div class="page prep-sheet">
                <p class="crumb"><a href=format!("/interviews/{id}#before")>"← Back to the interview"</a></p>
                <h1>{format!("Prep sheet: {}", interview.title())}</h1>
                <p data-testid="sheet-when">{when} {format.map(|f| format!(" · {f}"))}</p>
                <section class="card" aria-labelledby="sheet-notes">
                    <h2 id="sheet-notes">"About the company and the role"</h2>
                    {if notes.is_empty() {
                        view! { <p class="muted">"No notes yet. Add them in the interview's details."</p> }.into_any()
                    } else {
                        view! { <p class="prepared-answer">{notes}</p> }.into_any()
                    }}
                </section>
                <section class="card" aria-labelledby="sheet-answers">
                    <h2 id="sheet-answers">"Your answers"</h2>
                    {if questions.is_empty() {
                        view! { <p class="muted">"No questions chosen yet: pick them under Before the interview."</p> }.into_any()
                    } else {
                        view! { <ol class="sheet-list">{questions.into_iter().map(item).collect_view()}</ol> }.into_any()
                    }}
                </section>
                <section class="card" aria-labelledby="sheet-ask">
                    <h2 id="sheet-ask">"Questions to ask them"</h2>
                    {if ask.is_empty() {
                        view! { <p class="muted">"None written yet. The bank has a few in Questions to ask them."</p> }.into_any()
                    } else {
                        view! { <ul class="sheet-list">{ask.into_iter().map(item).collect_view()}</ul> }.into_any()
                    }}
                </section>
                <div class="actions">
                    <button type="button" class="button" on:click=click(|_| crate::platform::print())>"Print"</button>
                </div>
            </div>
        }
        .into_any()
    }
}
