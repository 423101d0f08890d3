//! "Show 20 more" under a long list: the rows drawn grow a page at a time (`core::paging`).

use leptos::prelude::*;

use crate::core::paging;
use crate::erase::{click, memo, rx, Show};

/// The button under a list of `total` rows of which `shown` are drawn; gone once all are.
#[component]
pub fn ShowMore(
    #[prop(into)] total: Signal<usize>,
    shown: RwSignal<usize>,
    testid: &'static str,
) -> impl IntoView {
    let more = memo(move |_| paging::more_label(total.get(), shown.get()));
    view! {
        <Show when=move || more.with(Option::is_some)>
            <button
                type="button"
                class="button"
                data-testid=testid
                on:click=click(move |_| shown.update(|n| *n += paging::PAGE))
            >
                {rx(move || more.get().unwrap_or_default())}
            </button>
        </Show>
    }
}
