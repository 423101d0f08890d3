//! Write answers (`/practice/write`): the questions without an answer yet, one at a time: the
//! question, its tip, a box for the answer, Next. What is written is saved as typed (a revision
//! per editing session, as in the bank) and makes the question a practice card.
//! `?prep=<interview id>` offers only the questions chosen for that interview.

use crate::core::choice::Choice;
use crate::erase::{click, Show};
use leptos::prelude::*;

use crate::components::answer_view::AnswerEditor;
use crate::core::session;
use crate::platform;
use crate::state::use_app;

#[component]
pub fn WriteAnswers() -> impl IntoView {
    let state = use_app();
    let prep = platform::query_param("prep");
    // The list is fixed when the screen opens, so a question answered stays where it was.
    let ids = match &prep {
        Some(interview) => state.prep_to_write(interview),
        None => state.to_write(),
    };
    let back = match &prep {
        Some(interview) => format!("/interviews/{interview}#before"),
        None => "/practice".to_string(),
    };
    let ids = StoredValue::new(ids);
    let total = ids.with_value(Vec::len);
    let index = RwSignal::new(0usize);
    let bank = state.bank();

    let step = move || {
        let i = index.get();
        let Some(id) = ids.with_value(|l| l.get(i).cloned()) else {
            let written = ids.with_value(|l| state.split(l).0.len());
            return view! {
                <section class="card" data-testid="write-done">
                    <h2>"That's all for now"</h2>
                    <p data-testid="written-summary">{session::written(written)}</p>
                    <div class="actions">
                        <a class="button primary" href="/practice">"Practise"</a>
                        <button type="button" class="button quiet" on:click=click(move |_| index.set(0))>
                            "Go through them again"
                        </button>
                    </div>
                </section>
            }
            .into_any();
        };
        let Some(q) = bank.with_untracked(|b| b.iter().find(|q| q.id == id).cloned()) else {
            return ().into_any();
        };
        view! {
            <section class="card write-step" aria-labelledby="write-q">
                <p class="muted small">{format!("Question {} of {total}", i + 1)} " · " {q.category.label()}</p>
                <h2 id="write-q" class="flash-question" data-testid="write-question">{q.text.clone()}</h2>
                {(!q.tip.is_empty()).then(|| view! { <p class="hint-card">{q.tip.clone()}</p> })}
                <AnswerEditor id=q.id.clone() initial=q.answer.clone() prefix="write"/>
                <p class="muted small">"Saved on this device as you type. A few lines is plenty to start."</p>
            </section>
        }
        .into_any()
    };

    view! {
        <div class="page write-answers">
            <p class="crumb"><a href=back>"← Back"</a></p>
            <h1>"Write answers"</h1>
            <p class="muted">
                "Each answer you write becomes a practice card. Skip any you'd rather leave for later."
            </p>
            {(total == 0)
                .then(|| {
                    view! {
                        <section class="card empty" data-testid="write-done">
                            <h2>"Every question here has an answer"</h2>
                            <p>"Add a question that caught you out in the bank, and it shows up here to answer."</p>
                            <a class="button primary" href="/practice">"Practise"</a>
                        </section>
                    }
                })}
            {(total > 0).then_some(step)}
            <Show when=move || { total > 0 && index.get() < total }>
                <div class="actions">
                    <button type="button" class="button primary" on:click=click(move |_| index.update(|i| *i += 1))>
                        "Next"
                    </button>
                    <Show when=move || { index.get() > 0 }>
                        <button type="button" class="button quiet" on:click=click(move |_| index.update(|i| *i = i.saturating_sub(1)))>
                            "Previous"
                        </button>
                    </Show>
                </div>
            </Show>
        </div>
    }
}
