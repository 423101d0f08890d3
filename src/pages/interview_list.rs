//! Interviews (`/interviews`): every opportunity, the active ones first, then the closed ones,
//! each newest first, with its stage, outcome and date.

use crate::erase::{rx, Show};
use leptos::prelude::*;

use crate::components::show_more::ShowMore;

use crate::core::choice::Choice;

use crate::core::display::weekday_date;
use crate::core::paging;
use crate::core::pipeline::active_then_closed;
use crate::state::use_app;

#[component]
pub fn InterviewList() -> impl IntoView {
    let state = use_app();
    let groups = crate::erase::memo(move |_| {
        state.interviews.with(|list| {
            state.reflections.with(|refl| {
                active_then_closed(list)
                    .into_iter()
                    .map(|(group, items)| {
                        let rows = items
                            .into_iter()
                            .map(|i| {
                                let reflected = refl.iter().any(|r| r.id == i.id && r.is_started());
                                (
                                    i.id.clone(),
                                    i.title(),
                                    i.stage.label(),
                                    i.date,
                                    i.outcome.clone(),
                                    reflected,
                                )
                            })
                            .collect::<Vec<_>>();
                        (group, rows)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    // A page of rows at a time, across the groups in order (the counts go by every row).
    let shown = RwSignal::new(paging::PAGE);
    let total = crate::erase::memo(move |_| {
        groups.with(|g| g.iter().map(|(_, rows)| rows.len()).sum::<usize>())
    });
    view! {
        <div class="page">
            <div class="page-head">
                <h1>"Interviews"</h1>
                <a class="button primary" href="/interviews/new">"Log an interview"</a>
            </div>
            <Show
                when=move || !groups.get().is_empty()
                fallback=|| {
                    view! {
                        <section class="card empty">
                            <h2>"No interviews yet"</h2>
                            <p>
                                "Log each application and interview here: the company, the role, the stage, and how it turned out. Reflections and lessons hang off each one."
                            </p>
                            <a class="button primary" href="/interviews/new">"Log your first interview"</a>
                        </section>
                    }
                }
            >
                {rx(move || {
                    let groups = groups.get();
                    let sizes: Vec<usize> = groups.iter().map(|(_, rows)| rows.len()).collect();
                    groups
                        .into_iter()
                        .zip(paging::split(&sizes, shown.get()))
                        .filter(|(_, drawn)| *drawn > 0)
                        .map(|((group, rows), drawn)| {
                            let count = rows.len();
                            view! {
                                <section class="group" aria-label=group>
                                    <h2 class="group-title">
                                        {group} <span class="count">{format!(" · {count}")}</span>
                                    </h2>
                                    <ul class="interview-list">
                                        {rows
                                            .into_iter()
                                            .take(drawn)
                                            .map(|(id, title, stage, date, outcome, reflected)| {
                                                view! {
                                                    <li>
                                                        <a class="interview-row" href=format!("/interviews/{id}")>
                                                            <span class="row-title">{title}</span>
                                                            <span class="row-meta">
                                                                <span class="badge">{stage}</span>
                                                                <span class=format!("badge outcome-{}", outcome.key())>
                                                                    {outcome.label()}
                                                                </span>
                                                                {date.map(|d| view! { <span class="muted small">{weekday_date(d)}</span> })}
                                                                {reflected
                                                                    .then(|| view! { <span class="badge reflected">"Reflected"</span> })}
                                                            </span>
                                                        </a>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                </section>
                            }
                        })
                        .collect_view()
                })}
                <ShowMore total=total shown=shown testid="interviews-more"/>
            </Show>
        </div>
    }
}
