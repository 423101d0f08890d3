//! More (`/more`): the screens that do not fit in the phone's bottom bar.

use crate::erase::rx;
use leptos::prelude::*;

use crate::state::use_app;

#[component]
pub fn MorePage() -> impl IntoView {
    let state = use_app();
    let due = crate::erase::memo(move |_| state.due_count());
    view! {
        <div class="page">
            <h1>"More"</h1>
            <ul class="link-list big-links">
                <li>
                    <a href="/journey">
                        <span>"Your journey"</span>
                        <span class="muted small">"Milestones, charts, what you've learned"</span>
                    </a>
                </li>
                <li>
                    <a href="/practice">
                        <span>"Practice"</span>
                        <span class="muted small">
                            {rx(move || match due.get() {
                                0 => "Nothing due".to_string(),
                                n => format!("{n} due"),
                            })}
                        </span>
                    </a>
                </li>
                <li>
                    <a href="/search">
                        <span>"What I'm looking for"</span>
                        <span class="muted small">"Roles, must-haves, deal-breakers"</span>
                    </a>
                </li>
                <li>
                    <a href="/settings">
                        <span>"Settings and my data"</span>
                        <span class="muted small">"Backups, practice, appearance"</span>
                    </a>
                </li>
            </ul>
        </div>
    }
}
