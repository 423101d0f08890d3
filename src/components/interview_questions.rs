//! On an interview's page: the questions that caught the user out there, and a quick way to add
//! one to the bank (linked back to this interview).

use crate::erase::{rx, submit, Show};
use leptos::prelude::*;

use crate::components::category_select::CategorySelect;
use crate::components::form::{Card, TextField};
use crate::core::questions::Category;
use crate::state::use_app;

#[component]
pub fn InterviewQuestions(interview_id: String) -> impl IntoView {
    let state = use_app();
    let id = StoredValue::new(interview_id);
    let list = crate::erase::memo(move |_| state.questions_of_interview(&id.get_value()));
    let text = RwSignal::new(String::new());
    let category = RwSignal::new(Category::Behavioural);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = text.get_untracked();
        if t.trim().is_empty() {
            return;
        }
        state.add_question(t, category.get_untracked(), Some(id.get_value()));
        text.set(String::new());
    };
    view! {
        <Card id="questions" heading_id="iq-title" title="Questions that caught me out">
            <Show
                when=move || !list.with(Vec::is_empty)
                fallback=|| view! { <p class="muted">"Note any question you'd like a better answer to. It goes to your bank, ready to practise."</p> }
            >
                <ul class="link-list">
                    {rx(move || {
                        list.get()
                            .into_iter()
                            .map(|(qid, q)| view! { <li><a href=format!("/questions/{qid}")>{q}</a></li> })
                            .collect_view()
                    })}
                </ul>
            </Show>
            <form on:submit=submit(add)>
                <TextField
                    id="iq-text"
                    label="A question that caught me out"
                    rows="2"
                    value=text
                    on_input=Callback::new(move |t| text.set(t))
                />
                <CategorySelect id="iq-category" value=category/>
                <button type="submit" class="button">"Add to my bank"</button>
            </form>
        </Card>
    }
}
