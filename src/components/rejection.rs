//! "Why it didn't work out": reasons, each in the user's control or not, and a kind, true answer
//! that points to the next step.

use crate::erase::{change, click, input, rx, submit};
use leptos::prelude::*;

use crate::components::form::{clip, Card};
use crate::components::quote::QuoteBlock;
use crate::core::encouragement::after_rejection;
use crate::core::model::{RejectionReason, COMMON_REJECTION_REASONS};
use crate::state::use_app;

#[component]
pub fn RejectionSection(interview_id: String) -> impl IntoView {
    let state = use_app();
    let id = StoredValue::new(interview_id);
    let reasons = crate::erase::memo(move |_| {
        state
            .interview(&id.get_value())
            .map(|i| i.rejection_reasons)
            .unwrap_or_default()
    });
    let encouragement = crate::erase::memo(move |_| {
        let interview = state.interview(&id.get_value())?;
        let reflection = state.reflection(&id.get_value());
        Some(after_rejection(&interview, reflection.as_ref()))
    });
    let toggle_common = move |text: &'static str, mine: bool| {
        state.edit_interview(&id.get_value(), |i| {
            if let Some(pos) = i.rejection_reasons.iter().position(|r| r.text == text) {
                i.rejection_reasons.remove(pos);
            } else {
                i.rejection_reasons.push(RejectionReason {
                    text: text.to_string(),
                    in_my_control: mine,
                    ..RejectionReason::default()
                });
            }
        })
    };
    let custom = RwSignal::new(String::new());
    let add_custom = move || {
        let text = custom.get_untracked().trim().to_string();
        if text.is_empty() {
            return;
        }
        state.edit_interview(&id.get_value(), |i| {
            if !i.rejection_reasons.iter().any(|r| r.text == text) {
                i.rejection_reasons.push(RejectionReason {
                    text,
                    ..RejectionReason::default()
                });
            }
        });
        custom.set(String::new());
    };

    view! {
        <Card id="rejection" heading_id="rejection-title" title="Why it didn't work out">
            <p class="muted">
                "Pick what you know or suspect. Mark each as in your control or not: it helps to see which is which."
            </p>
            <div class="chips" role="group" aria-label="Common reasons">
                {COMMON_REJECTION_REASONS
                    .into_iter()
                    .map(|(text, mine)| {
                        let pressed = move || reasons.with(|rs| rs.iter().any(|r| r.text == text));
                        view! {
                            <button
                                type="button"
                                class="chip"
                                aria-pressed=move || pressed().to_string()
                                on:click=click(move |_| toggle_common(text, mine))
                            >
                                {text}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <form
                class="inline-add"
                on:submit=submit(move |ev| {
                    ev.prevent_default();
                    add_custom();
                })
            >
                <label for="custom-reason">"Another reason"</label>
                <div class="row">
                    <input
                        id="custom-reason"
                        type="text"
                        placeholder="In your own words"
                        prop:value=move || custom.get()
                        on:input=input(move |ev| custom.set(clip(event_target_value(&ev))))
                    />
                    <button type="submit" class="button">"Add"</button>
                </div>
            </form>
            <ul class="reasons">
                <For
                    each=move || reasons.get().into_iter().enumerate()
                    key=|(n, r)| (*n, r.text.clone(), r.in_my_control)
                    children=move |(n, reason)| {
                        let text = reason.text.clone();
                        view! {
                            <li class="reason">
                                <span class="reason-text">{reason.text.clone()}</span>
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        prop:checked=reason.in_my_control
                                        on:change=change(move |ev| {
                                            let on = event_target_checked(&ev);
                                            state.edit_interview(&id.get_value(), |i| {
                                                if let Some(r) = i.rejection_reasons.get_mut(n) {
                                                    r.in_my_control = on;
                                                }
                                            })
                                        })
                                    />
                                    <span>"In my control"</span>
                                </label>
                                <button
                                    type="button"
                                    class="button quiet"
                                    aria-label=format!("Remove reason: {text}")
                                    on:click=click(move |_| {
                                        state.edit_interview(&id.get_value(), |i| {
                                            if n < i.rejection_reasons.len() {
                                                i.rejection_reasons.remove(n);
                                            }
                                        })
                                    })
                                >
                                    "Remove"
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
            {rx(move || {
                encouragement
                    .get()
                    .map(|e| {
                        view! {
                            <div class="kind-word" role="note">
                                <p class="kind-message">{e.message}</p>
                                {e.quote.map(|q| view! { <QuoteBlock quote=q/> })}
                                <p class="next-title">"Next step"</p>
                                <ul class="next-steps">
                                    {e
                                        .steps
                                        .into_iter()
                                        .map(|s| view! { <li><a class="button" href=s.href>{s.label}</a></li> })
                                        .collect_view()}
                                </ul>
                                {e.tip.map(|t| view! { <p class="tip">{t}</p> })}
                            </div>
                        }
                    })
            })}
        </Card>
    }
}
