//! Two screens, a list kept in localStorage, and one FSRS rating: every fixed crate in use,
//! and nothing of Rebound's own.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use serde::{Deserialize, Serialize};

#[derive(Clone, Serialize, Deserialize)]
struct Note {
    id: u32,
    text: String,
    stability: f64,
}

#[component]
fn Notes() -> impl IntoView {
    let notes = RwSignal::new(LocalStorage::get::<Vec<Note>>("notes").unwrap_or_default());
    let text = RwSignal::new(String::new());
    Effect::new(move |_| {
        let _ = LocalStorage::set("notes", notes.get());
    });
    let add = move |_| {
        let card = rs_fsrs::Card::new();
        let scheduled = rs_fsrs::FSRS::default().next(card, chrono::Utc::now(), rs_fsrs::Rating::Good);
        notes.update(|n| {
            let id = n.len() as u32;
            n.push(Note { id, text: text.get_untracked(), stability: scheduled.card.stability });
        });
        text.set(String::new());
    };
    view! {
        <h1>"Notes"</h1>
        <label>"Note " <input bind:value=text /></label>
        <button on:click=add>"Add"</button>
        <ul>
            <For each=move || notes.get() key=|n| n.id let:n>
                <li>{n.text} " · " {n.stability.round().to_string()}</li>
            </For>
        </ul>
    }
}

#[component]
fn About() -> impl IntoView {
    view! { <h1>"About"</h1> <p>"Everything stays on this device."</p> }
}

fn main() {
    console_error_panic_hook::set_once();
    mount_to_body(|| {
        view! {
            <Router>
                <nav><A href="/">"Notes"</A> " " <A href="/about">"About"</A></nav>
                <main>
                    <Routes fallback=|| "Not found">
                        <Route path=path!("/") view=Notes />
                        <Route path=path!("/about") view=About />
                    </Routes>
                </main>
            </Router>
        }
    })
}
