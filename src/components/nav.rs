//! Navigation: a bar at the bottom on phones, at the top on wider screens.
//!
//! `index.html` carries a copy of this markup, drawn before the wasm arrives (with the current
//! item marked by its inline script): change both together; `tests/e2e_frame.rs` compares them.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The screens in the navigation: (href, label, icon path, other path prefixes that mark it as
/// current). Five, so that their labels stand apart on a 320 px phone; the rest are under More.
const ITEMS: [(&str, &str, &str, &[&str]); 5] = [
    ("/", "Today", "M4 11l8-7 8 7v9h-5v-6H9v6H4z", &[]),
    (
        "/interviews",
        "Interviews",
        "M5 4h14v16H5zM8 8h8M8 12h8M8 16h5",
        &[],
    ),
    (
        "/questions",
        "Questions",
        "M12 18h.01M9.5 9a2.5 2.5 0 115 0c0 1.5-2.5 2-2.5 4M4 4h16v16H4z",
        &["/practice"],
    ),
    (
        "/plan",
        "Plan",
        "M5 5h2M5 12h2M5 19h2M10 5h9M10 12h9M10 19h9",
        &[],
    ),
    (
        "/more",
        "More",
        "M5 12h.01M12 12h.01M19 12h.01",
        &["/journey", "/search", "/settings"],
    ),
];

#[component]
pub fn NavBar() -> impl IntoView {
    let location = use_location();
    let is_current = move |href: &str, also: &[&str]| {
        let path = location.pathname.get();
        let under = |prefix: &str| path == prefix || path.starts_with(&format!("{prefix}/"));
        if href == "/" {
            path == "/"
        } else {
            under(href) || also.iter().any(|p| under(p))
        }
    };
    view! {
        <nav class="nav" aria-label="Main">
            <a class="brand" href="/">"Rebound"</a>
            <ul class="nav-items">
                {ITEMS
                    .into_iter()
                    .map(|(href, label, icon, also)| {
                        view! {
                            <li>
                                <a
                                    class="nav-item"
                                    href=href
                                    aria-current=move || is_current(href, also).then_some("page")
                                >
                                    <svg viewBox="0 0 24 24" aria-hidden="true" class="nav-icon">
                                        <path d=icon></path>
                                    </svg>
                                    <span>{label}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
