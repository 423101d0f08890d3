//! Views compiled once, not once a call site.
//!
//! Leptos compiles its rendering code for every distinct type: each closure given to `on:click`,
//! each `{move || ...}` child and each `<Show>` is a type of its own, so the same listener,
//! reactive-child and memo code was compiled again for each of them (about 24 KiB of the
//! gzipped wasm, measured with `twiggy` and `scripts/bench`). The helpers here box the closure
//! into one type an event, one type for every reactive child, and one `Show`, so that code is
//! compiled once. Views use them everywhere (a test in `layering.rs` checks):
//!
//! - `on:click=click(move |_| ...)`, likewise `change`, `input`, `submit`, `toggle`;
//! - `{rx(move || ...)}` for a reactive child;
//! - `<Show when=...>` is this module's `Show` (import it by name: it shadows Leptos's);
//! - `memo(move |_| ...)` instead of `Memo::new`: one memo type a value type (2.1 KiB less).

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;

/// A click handler, boxed: every click listener is then one type.
pub fn click(f: impl FnMut(ev::MouseEvent) + 'static) -> Box<dyn FnMut(ev::MouseEvent)> {
    Box::new(f)
}

/// A change handler, boxed.
pub fn change(f: impl FnMut(ev::Event) + 'static) -> Box<dyn FnMut(ev::Event)> {
    Box::new(f)
}

/// An input handler, boxed.
pub fn input(f: impl FnMut(ev::Event) + 'static) -> Box<dyn FnMut(ev::Event)> {
    Box::new(f)
}

/// A form's submit handler, boxed.
pub fn submit(f: impl FnMut(ev::SubmitEvent) + 'static) -> Box<dyn FnMut(ev::SubmitEvent)> {
    Box::new(f)
}

/// A `<details>` toggle handler, boxed.
pub fn toggle(f: impl FnMut(ev::Event) + 'static) -> Box<dyn FnMut(ev::Event)> {
    Box::new(f)
}

/// A reactive child, `{rx(move || ...)}`: redrawn when what it reads changes, like a bare
/// closure, through one boxed type.
pub fn rx<V: IntoView + 'static>(
    f: impl Fn() -> V + Send + 'static,
) -> Box<dyn FnMut() -> AnyView + Send> {
    Box::new(move || f().into_any())
}

/// The condition of a [`Show`]: any `Fn() -> bool`, boxed once.
#[derive(Clone)]
pub struct When(Arc<dyn Fn() -> bool + Send + Sync>);

impl<F: Fn() -> bool + Send + Sync + 'static> From<F> for When {
    fn from(f: F) -> Self {
        When(Arc::new(f))
    }
}

/// Leptos's `Show`, compiled once: its children while `when` is true, else the fallback,
/// redrawn only when the condition flips.
#[component]
pub fn Show(
    children: ChildrenFn,
    #[prop(into)] when: When,
    #[prop(optional, into)] fallback: ViewFn,
) -> impl IntoView {
    let shown = Memo::new(move |_| (when.0)());
    move || {
        if shown.get() {
            children()
        } else {
            fallback.run()
        }
    }
}

/// A memo's function, boxed.
type MemoFn<T> = Box<dyn Fn(Option<&T>) -> T + Send + Sync>;

/// A memo, its function boxed: every memo of one value type is then one type.
pub fn memo<T: PartialEq + Send + Sync + 'static>(
    f: impl Fn(Option<&T>) -> T + Send + Sync + 'static,
) -> Memo<T> {
    let f: MemoFn<T> = Box::new(f);
    Memo::new(f)
}
