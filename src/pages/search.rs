//! What I'm looking for (`/search`): target roles, seniority, must-haves, nice-to-haves,
//! deal-breakers, kinds of company, notes; and the dated history of how it was refined, each
//! change linked to the interview that prompted it (`/search?from=<interview id>`).

use crate::erase::{rx, submit, Show};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::form::{Card, TextField, Width};
use crate::core::display::weekday_date;
use crate::core::search::{self, lines_to_list, ListField, SearchProfile};
use crate::state::use_app;

#[component]
pub fn SearchPage() -> impl IntoView {
    let state = use_app();
    let query = use_query_map();
    let from = query.read_untracked().get("from").filter(|f| !f.is_empty());
    let prompted_by = from
        .as_ref()
        .and_then(|id| state.interview(id))
        .map(|i| (i.id.clone(), i.title()));
    // The profile as it is being edited: list fields as the text typed (one item a line).
    let current = state.search.with_untracked(|v| search::current(v));
    let lists: Vec<(ListField, RwSignal<String>)> = ListField::ALL
        .into_iter()
        .map(|f| (f, RwSignal::new(f.get(&current).join("\n"))))
        .collect();
    let lists = StoredValue::new(lists);
    let seniority = RwSignal::new(current.seniority.clone());
    let notes = RwSignal::new(current.notes.clone());
    let status = RwSignal::new(None::<&'static str>);
    let draft = move || {
        let mut p = SearchProfile {
            seniority: seniority.get(),
            notes: notes.get(),
            ..SearchProfile::default()
        };
        lists.with_value(|l| {
            for (f, text) in l {
                *f.get_mut(&mut p) = lines_to_list(&text.get());
            }
        });
        p.tidied()
    };
    let unsaved = crate::erase::memo(move |_| draft() != state.search.with(|v| search::current(v)));
    let link_to = StoredValue::new(prompted_by.as_ref().map(|(id, _)| id.clone()));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let saved = state.save_search(draft(), link_to.get_value());
        status.set(Some(if saved {
            "Saved. The change is in your history below."
        } else {
            "Nothing has changed since the last save."
        }));
    };
    let history = crate::erase::memo(move |_| {
        state.search.with(|v| {
            search::history(v)
                .into_iter()
                .map(|(version, changes)| {
                    let day = chrono::DateTime::from_timestamp_millis(version.created)
                        .map(|d| d.date_naive());
                    let interview = version.interview_id.clone().map(|iid| {
                        let title = state.interview(&iid).map(|i| i.title());
                        (iid, title)
                    });
                    (
                        version.id.clone(),
                        day,
                        interview,
                        changes.iter().map(|c| c.describe()).collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });

    view! {
        <div class="page">
            <h1>"What I'm looking for"</h1>
            <p class="muted">
                "Every interview teaches you something about what you want. Write it down, and watch it get sharper."
            </p>
            {prompted_by
                .map(|(id, title)| {
                    view! {
                        <p class="hint-card">
                            "Prompted by " <a href=format!("/interviews/{id}")>{title}</a>
                            ". What did it show you about what you want, or don't?"
                        </p>
                    }
                })}
            <form class="card" on:submit=submit(save)>
                <div class="form-grid">
                    {lists
                        .get_value()
                        .into_iter()
                        .map(|(f, text)| {
                            let input_id = format!("s-{}", f.key());
                            view! {
                                <TextField
                                    id=input_id
                                    label=f.label()
                                    rows="3"
                                    hint=f.hint()
                                    help="One a line."
                                    value=text.get_untracked()
                                    on_input=Callback::new(move |t| text.set(t))
                                />
                            }
                        })
                        .collect_view()}
                    <TextField
                        id="s-seniority"
                        label="Seniority"
                        hint="e.g. Senior, or a step up to lead"
                        value=seniority.get_untracked()
                        on_input=Callback::new(move |t| seniority.set(t))
                    />
                </div>
                <TextField
                    id="s-notes"
                    label="Notes"
                    rows="3"
                    width=Width::Wide
                    value=notes.get_untracked()
                    on_input=Callback::new(move |t| notes.set(t))
                />
                <div class="actions">
                    <button type="submit" class="button primary">"Save changes"</button>
                    <Show when=move || unsaved.get()>
                        <span class="muted small">"Unsaved changes"</span>
                    </Show>
                </div>
                <p role="status" aria-live="polite" class="copy-status">{rx(move || status.get())}</p>
            </form>
            <Card heading_id="history-title" title="How my search has changed">
                <Show
                    when=move || !history.with(Vec::is_empty)
                    fallback=|| {
                        view! {
                            <p class="muted">
                                "Each time you save a change it is kept here with its date, and the interview that prompted it."
                            </p>
                        }
                    }
                >
                    <ol class="history" data-testid="search-history">
                        {rx(move || {
                            history
                                .get()
                                .into_iter()
                                .map(|(_, day, interview, changes)| {
                                    view! {
                                        <li>
                                            <p>
                                                <strong>{day.map(weekday_date).unwrap_or_default()}</strong>
                                                {interview
                                                    .map(|(iid, title)| match title {
                                                        Some(t) => {
                                                            view! {
                                                                " · after "
                                                                <a href=format!("/interviews/{iid}")>{t}</a>
                                                            }
                                                                .into_any()
                                                        }
                                                        None => {
                                                            view! {
                                                                " · after an interview "
                                                                <span class="muted">"(removed)"</span>
                                                            }
                                                                .into_any()
                                                        }
                                                    })}
                                            </p>
                                            <ul class="plain-list">
                                                {changes
                                                    .into_iter()
                                                    .map(|c| view! { <li>{c}</li> })
                                                    .collect_view()}
                                            </ul>
                                        </li>
                                    }
                                })
                                .collect_view()
                        })}
                    </ol>
                </Show>
            </Card>
        </div>
    }
}
