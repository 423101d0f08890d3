//! On an interview's page: the questions that caught the user out there, and a quick way to add
//! one to the bank (linked back to this interview).

use leptos::prelude::*;

use crate::core::questions::Category;
use crate::pages::questions::CategorySelect;
use crate::state::use_app;

#[component]
pub fn InterviewQuestions(interview_id: String) -> impl IntoView {
    let state = use_app();
    let id = StoredValue::new(interview_id);
    let list = Memo::new(move |_| state.questions_of_interview(&id.get_value()));
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
        <section class="card" id="questions" aria-labelledby="iq-title">
            <h2 id="iq-title">"Questions that caught me out"</h2>
            <Show
                when=move || !list.with(Vec::is_empty)
                fallback=|| view! { <p class="muted">"Note any question you'd like a better answer to. It goes to your bank, ready to practise."</p> }
            >
                <ul class="link-list">
                    {move || {
                        list.get()
                            .into_iter()
                            .map(|(qid, q)| view! { <li><a href=format!("/questions/{qid}")>{q}</a></li> })
                            .collect_view()
                    }}
                </ul>
            </Show>
            <form on:submit=add>
                <div class="field">
                    <label for="iq-text">"A question that caught me out"</label>
                    <textarea
                        id="iq-text"
                        rows="2"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    ></textarea>
                </div>
                <CategorySelect id="iq-category" value=category/>
                <button type="submit" class="button">"Add to my bank"</button>
            </form>
        </section>
    }
}
