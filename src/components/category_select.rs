//! A question category picker bound to a signal (adding a question, on the bank and on an
//! interview's page).

use leptos::prelude::*;

use crate::components::form::{choices, ChoiceSelect};
use crate::core::choice::Choice;
use crate::core::questions::Category;

#[component]
pub fn CategorySelect(id: &'static str, value: RwSignal<Category>) -> impl IntoView {
    view! {
        <ChoiceSelect
            id=id
            label="Category"
            choices=choices(&value.get_untracked())
            selected=Signal::derive(move || value.with(|c| c.key().to_string()))
            on_change=Callback::new(move |key: String| value.set(Category::read(&key)))
        />
    }
}
