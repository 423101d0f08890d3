//! A quote with its author, as every screen shows one.

use leptos::prelude::*;

use crate::core::encouragement::Quote;

/// `quote` in a blockquote, its author under it; `small` for a quieter one.
#[component]
pub fn QuoteBlock(quote: Quote, #[prop(optional)] small: bool) -> impl IntoView {
    view! {
        <blockquote class="quote" class:small=small data-testid="quote">
            <p>{quote.text}</p>
            <footer>"— " {quote.author}</footer>
        </blockquote>
    }
}
