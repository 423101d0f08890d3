//! Navigation: a bar at the bottom on phones, at the top on wider screens.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The screens in the navigation, with the path prefix that marks each as current.
const ITEMS: [(&str, &str, &str); 5] = [
    ("/", "Today", "M4 11l8-7 8 7v9h-5v-6H9v6H4z"),
    (
        "/interviews",
        "Interviews",
        "M5 4h14v16H5zM8 8h8M8 12h8M8 16h5",
    ),
    (
        "/questions",
        "Questions",
        "M12 18h.01M9.5 9a2.5 2.5 0 115 0c0 1.5-2.5 2-2.5 4M4 4h16v16H4z",
    ),
    ("/practice", "Practice", "M4 6h12v12H4zM8 3h12v12"),
    (
        "/settings",
        "Settings",
        "M12 8a4 4 0 100 8 4 4 0 000-8zM12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2",
    ),
];

#[component]
pub fn NavBar() -> impl IntoView {
    let location = use_location();
    let is_current = move |href: &str| {
        let path = location.pathname.get();
        if href == "/" {
            path == "/"
        } else {
            path == href || path.starts_with(&format!("{href}/"))
        }
    };
    view! {
        <nav class="nav" aria-label="Main">
            <a class="brand" href="/">"Rebound"</a>
            <ul class="nav-items">
                {ITEMS
                    .into_iter()
                    .map(|(href, label, icon)| {
                        view! {
                            <li>
                                <a
                                    class="nav-item"
                                    href=href
                                    aria-current=move || is_current(href).then_some("page")
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
