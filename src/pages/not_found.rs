//! Any path that is not a screen.

use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div class="page">
            <h1>"Nothing here"</h1>
            <section class="card empty">
                <p>"This page doesn't exist. Your data is safe; pick a place to go."</p>
                <div class="actions">
                    <a class="button primary" href="/">"Today"</a>
                    <a class="button" href="/interviews">"Interviews"</a>
                </div>
            </section>
        </div>
    }
}
