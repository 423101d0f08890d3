//! The development plan (`/plan`): skills or gaps to work on, why, and the actions that close
//! them. Reorder, archive, delete with undo.

use crate::core::choice::Choice;
use crate::erase::{change, click, rx, submit, toggle, Show};
use leptos::prelude::*;

use crate::components::show_more::ShowMore;
use wasm_bindgen::JsCast;

use crate::components::form::{choices, ChoiceSelect, DateField, TextField, Width};
use crate::core::paging;
use crate::core::plan::{self, Action, ActionKind, PlanItem, PlanStatus, Source};
use crate::platform;
use crate::state::use_app;

#[component]
pub fn PlanPage() -> impl IntoView {
    let state = use_app();
    let active = crate::erase::memo(move |_| {
        state.plan.with(|l| {
            plan::ordered(l, false)
                .into_iter()
                .map(|i| i.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let archived = crate::erase::memo(move |_| {
        state.plan.with(|l| {
            plan::ordered(l, true)
                .into_iter()
                .map(|i| i.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let overall = crate::erase::memo(move |_| state.plan.with(|l| plan::overall_line(l)));
    // The rows drawn (a page at a time), and the item whose row is drawn open (arriving from a
    // link to it, or just added).
    let shown = RwSignal::new(paging::PAGE);
    let opening = RwSignal::new(None::<String>);
    let keep_in_view = Callback::new(move |id: String| {
        if let Some(pos) = active.with_untracked(|ids| ids.iter().position(|x| *x == id)) {
            shown.update(|n| *n = paging::reveal(*n, pos));
        }
    });
    let new_skill = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let skill = new_skill.get_untracked();
        if skill.trim().is_empty() {
            platform::focus("#plan-new");
            return;
        }
        let id = state.add_plan_item(PlanItem {
            skill: plan::skill_from(&skill),
            ..PlanItem::default()
        });
        new_skill.set(String::new());
        opening.set(Some(id.clone()));
        keep_in_view.run(id.clone());
        crate::lifetime::frame(move || {
            platform::focus(&format!("#why-{id}"));
        });
    };
    // Arriving from a link to one item: draw it open and bring it into view once drawn.
    let hash = leptos_router::hooks::use_location().hash.get_untracked();
    if let Some(target) = hash.strip_prefix('#').map(str::to_string) {
        if let Some(id) = target.strip_prefix("plan-") {
            opening.set(Some(id.to_string()));
            keep_in_view.run(id.to_string());
        }
        crate::lifetime::frame(move || {
            platform::open_details_in(&target);
            platform::scroll_to_id(&target);
        });
    }

    view! {
        <div class="page">
            <h1>"My plan"</h1>
            <p class="muted">
                "The skills and gaps your interviews pointed to, and small steps to close them. One step at a time is plenty."
            </p>
            {rx(move || overall.get().map(|line| view! { <p class="plan-overall">{line}</p> }))}
            <form class="card add-row" on:submit=submit(add)>
                <TextField
                    id="plan-new"
                    label="A skill or gap to work on"
                    width=Width::Wide
                    hint="e.g. Explaining system design out loud"
                    value=new_skill
                    on_input=Callback::new(move |text| new_skill.set(text))
                />
                <button type="submit" class="button primary">"Add to my plan"</button>
            </form>
            <Show
                when=move || !active.with(Vec::is_empty)
                fallback=|| {
                    view! {
                        <section class="card empty">
                            <p>
                                "Nothing in your plan yet. Add a skill above, or open an interview and turn a lesson from it into a plan item with one tap."
                            </p>
                            <a class="button" href="/interviews">"Go to my interviews"</a>
                        </section>
                    }
                }
            >
                <PlanRows ids=active shown=shown opening=opening keep_in_view=keep_in_view/>
            </Show>
            <Show when=move || !archived.with(Vec::is_empty)>
                <details class="card details-card">
                    <summary>{rx(move || format!("Archived ({})", archived.with(Vec::len)))}</summary>
                    <PlanRows
                        ids=archived
                        shown=RwSignal::new(paging::PAGE)
                        opening=opening
                        keep_in_view=keep_in_view
                    />
                </details>
            </Show>
        </div>
    }
}

/// The rows of `ids`, a page at a time, with "Show 20 more" under them.
#[component]
fn PlanRows(
    ids: Memo<Vec<String>>,
    shown: RwSignal<usize>,
    opening: RwSignal<Option<String>>,
    keep_in_view: Callback<String>,
) -> impl IntoView {
    let drawn = crate::erase::memo(move |_| {
        let n = shown.get();
        ids.with(|ids| ids.iter().take(n).cloned().collect::<Vec<_>>())
    });
    view! {
        <ol class="plan-list">
            <For each=move || drawn.get() key=|id| id.clone() let:id>
                <PlanItemCard id=id opening=opening keep_in_view=keep_in_view/>
            </For>
        </ol>
        <ShowMore total=Signal::derive(move || ids.with(Vec::len)) shown=shown testid="plan-more"/>
    }
}

#[component]
fn PlanItemCard(
    id: String,
    opening: RwSignal<Option<String>>,
    keep_in_view: Callback<String>,
) -> impl IntoView {
    let state = use_app();
    let key = StoredValue::new(id.clone());
    let item = crate::erase::memo(move |_| {
        state
            .plan
            .with(|l| l.iter().find(|i| i.id == key.get_value()).cloned())
    });
    // A row (title, steps done, the next one) that opens into the editor. The editor is drawn
    // when the row is opened, not for every row up front (a hundred editors cost a phone over
    // a second).
    let open = RwSignal::new(opening.with_untracked(|o| o.as_deref() == Some(id.as_str())));
    view! {
        <li class="card plan-item" id=format!("plan-{id}")>
            <details
                class="plan-details"
                open=open.get_untracked()
                on:toggle=toggle(move |ev| {
                    if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                        open.set(d.has_attribute("open"));
                    }
                })
            >
                <summary class="plan-row">
                    <span class="plan-row-title">
                        {rx(move || item.with(|i| i.as_ref().map(|i| i.title()).unwrap_or_default()))}
                    </span>
                    <span class="plan-row-line muted small">
                        {rx(move || item.with(|i| i.as_ref().map(plan::row_line).unwrap_or_default()))}
                    </span>
                </summary>
                <Show when=move || open.get()>
                    <PlanItemHead id=key.get_value() item=item/>
                    <PlanItemSources item=item/>
                    <PlanItemSteps id=key.get_value() item=item/>
                    <AddStep id=key.get_value()/>
                    <PlanItemTools id=key.get_value() item=item keep_in_view=keep_in_view/>
                </Show>
            </details>
        </li>
    }
}

/// The skill (also the heading, for screen readers), progress, status, target date and why.
#[component]
fn PlanItemHead(id: String, item: Memo<Option<PlanItem>>) -> impl IntoView {
    let state = use_app();
    let key = StoredValue::new(id.clone());
    let edit = move |f: Box<dyn FnOnce(&mut PlanItem)>| state.edit_plan_item(&key.get_value(), f);
    let initial = item.get_untracked().unwrap_or_default();
    let progress = move || item.get().map(|i| i.progress()).unwrap_or(0);
    let status = move || item.get().map(|i| i.status).unwrap_or_default();
    let skill_id = format!("skill-{id}");
    let why_id = format!("why-{id}");
    let status_id = format!("status-{id}");
    let target_id = format!("target-{id}");
    view! {
        <>
            // A heading for screen-reader navigation; the editable title is the field below.
            <h2 class="visually-hidden">{rx(move || item.get().map(|i| i.title()).unwrap_or_default())}</h2>
            <div class="plan-head">
                <TextField
                    id=skill_id
                    label="Skill or gap"
                    width=Width::Wide
                    input_class="plan-skill"
                    value=initial.skill.clone()
                    on_input=Callback::new(move |text| edit(Box::new(move |i| i.skill = text)))
                />
                <p class="plan-progress">
                    <progress max="100" value=progress aria-label="Progress"></progress>
                    <span data-testid="progress">{rx(move || format!("{}%", progress()))}</span>
                </p>
            </div>
            <div class="form-grid">
                <ChoiceSelect
                    id=status_id
                    label="Status"
                    choices=choices(&initial.status)
                    selected=Signal::derive(move || status().key().to_string())
                    on_change=Callback::new(move |key: String| {
                        let s = PlanStatus::read(&key);
                        let today = state.today.get_untracked();
                        edit(Box::new(move |i| i.set_status(s, today)));
                    })
                />
                <DateField
                    id=target_id
                    label="Target date"
                    value=initial.target
                    on_change=Callback::new(move |day| edit(Box::new(move |i| i.target = day)))
                />
            </div>
            <TextField
                id=why_id
                label="Why it matters"
                rows="2"
                width=Width::Wide
                value=initial.why.clone()
                on_input=Callback::new(move |text| edit(Box::new(move |i| i.why = text)))
            />
        </>
    }
}

/// Where the item came from, when it came from somewhere.
#[component]
fn PlanItemSources(item: Memo<Option<PlanItem>>) -> impl IntoView {
    view! {
        <Show when=move || item.with(|i| i.as_ref().is_some_and(|i| !i.sources.is_empty()))>
            <h3 class="small-heading">"Where it came from"</h3>
            <ul class="sources">
                {rx(move || {
                    item.get()
                        .map(|i| i.sources)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|s| view! { <SourceLink source=s/> })
                        .collect_view()
                })}
            </ul>
        </Show>
    }
}

/// The steps, each ticked off or removed.
#[component]
fn PlanItemSteps(id: String, item: Memo<Option<PlanItem>>) -> impl IntoView {
    let state = use_app();
    let key = StoredValue::new(id.clone());
    let edit = move |f: Box<dyn FnOnce(&mut PlanItem)>| state.edit_plan_item(&key.get_value(), f);

    view! {
        <h3 class="small-heading">"Steps"</h3>
        <ul class="actions-list">
            {rx(move || {
                item.get()
                    .map(|i| i.actions)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|a| {
                        let aid = StoredValue::new(a.id.clone());
                        let check_id = format!("step-{}", a.id);
                        view! {
                            <li class="step">
                                <label class="check">
                                    <input
                                        id=check_id
                                        type="checkbox"
                                        prop:checked=a.done
                                        on:change=change(move |ev| {
                                            let done = event_target_checked(&ev);
                                            let today = state.today.get_untracked();
                                            edit(Box::new(move |i| i.set_action_done(&aid.get_value(), done, today)));
                                        })
                                    />
                                    <span>
                                        <span class="badge">{a.kind.label()}</span>
                                        " "
                                        {a.text.clone()}
                                    </span>
                                </label>
                                <button
                                    type="button"
                                    class="button quiet small"
                                    aria-label=format!("Remove step: {}", a.text)
                                    on:click=click(move |_| {
                                        edit(Box::new(move |i| i.actions.retain(|x| x.id != aid.get_value())));
                                    })
                                >
                                    "×"
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            })}
        </ul>
    }
}

/// A form for the next step (a new step reopens a finished item).
#[component]
fn AddStep(id: String) -> impl IntoView {
    let state = use_app();
    let key = StoredValue::new(id.clone());
    let edit = move |f: Box<dyn FnOnce(&mut PlanItem)>| state.edit_plan_item(&key.get_value(), f);
    let new_action = RwSignal::new(String::new());
    let new_kind = RwSignal::new(ActionKind::Practice);
    let add_action = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = new_action.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        let kind = new_kind.get_untracked();
        let today = state.today.get_untracked();
        edit(Box::new(move |i| {
            i.actions.push(Action {
                id: platform::new_id(),
                kind,
                text: text.trim().to_string(),
                ..Action::default()
            });
            // A new step reopens a finished item.
            if i.status == PlanStatus::Done {
                i.set_status(PlanStatus::InProgress, today);
            }
        }));
        new_action.set(String::new());
    };
    let action_id = format!("action-{id}");
    let kind_id = format!("kind-{id}");
    view! {
        <form class="add-step" on:submit=submit(add_action)>
            <ChoiceSelect
                id=kind_id
                label="Kind of step"
                choices=choices(&ActionKind::Practice)
                selected=Signal::derive(move || new_kind.with(|k| k.key().to_string()))
                on_change=Callback::new(move |key: String| {
                    if let Some(k) = ActionKind::from_key(&key) {
                        new_kind.set(k);
                    }
                })
            />
            <TextField
                id=action_id
                label="A next step"
                width=Width::Wide
                hint="e.g. Sketch two designs a week and explain them out loud"
                value=new_action
                on_input=Callback::new(move |text| new_action.set(text))
            />
            <button type="submit" class="button">"Add step"</button>
        </form>
    }
}

/// Move up or down, archive or bring back, delete.
#[component]
fn PlanItemTools(
    id: String,
    item: Memo<Option<PlanItem>>,
    keep_in_view: Callback<String>,
) -> impl IntoView {
    let state = use_app();
    let key = StoredValue::new(id.clone());
    let edit = move |f: Box<dyn FnOnce(&mut PlanItem)>| state.edit_plan_item(&key.get_value(), f);
    let archived = move || item.get().is_some_and(|i| i.archived);
    view! {
        <div class="actions plan-tools">
            <Show when=move || !archived()>
                <button
                    type="button"
                    class="button quiet small"
                    on:click=click(move |_| {
                        state.move_plan_item(&key.get_value(), -1);
                        keep_in_view.run(key.get_value());
                    })
                >
                    "Move up"
                </button>
                <button
                    type="button"
                    class="button quiet small"
                    on:click=click(move |_| {
                        state.move_plan_item(&key.get_value(), 1);
                        keep_in_view.run(key.get_value());
                    })
                >
                    "Move down"
                </button>
            </Show>
            <button
                type="button"
                class="button quiet small"
                on:click=click(move |_| {
                    let to = !archived();
                    edit(Box::new(move |i| i.archived = to));
                })
            >
                {rx(move || if archived() { "Bring back" } else { "Archive" })}
            </button>
            <button
                type="button"
                class="button quiet small danger"
                on:click=click(move |_| state.delete_plan_item(&key.get_value()))
            >
                "Delete"
            </button>
        </div>
    }
}

/// A link to where a plan item came from, or "removed" when that is gone.
#[component]
fn SourceLink(source: Source) -> impl IntoView {
    let state = use_app();
    let part = source.part_label();
    let text = source.text.clone();
    let target = if let Some(iid) = source.interview_id.clone() {
        state
            .interview(&iid)
            .map(|i| (format!("/interviews/{iid}"), i.title()))
    } else if let Some(qid) = source.question_id.clone() {
        // Stored questions first, then the starter set: no copy of the whole bank.
        state
            .questions
            .with_untracked(|l| l.iter().find(|q| q.id == qid).map(|q| q.text.clone()))
            .or_else(|| crate::core::questions::starter(&qid).map(|s| s.text.to_string()))
            .map(|t| (format!("/questions/{qid}"), plan::skill_from(&t)))
    } else {
        None
    };
    let dangling =
        target.is_none() && (source.interview_id.is_some() || source.question_id.is_some());
    view! {
        <li>
            <span class="muted small">{part} ": "</span>
            {(!text.is_empty()).then(|| view! { <q>{text}</q> " " })}
            {match target {
                Some((href, title)) => view! { <a href=href>{title}</a> }.into_any(),
                None if dangling => view! { <span class="muted">"(removed)"</span> }.into_any(),
                None => ().into_any(),
            }}
        </li>
    }
}
