//! "How did it go?": the reflection prompts, the mistakes checklist with fixes, mood, and a place
//! to vent. Saves as the user types (see `state` for how writes are gathered).

use crate::core::choice::Choice;
use crate::erase::{change, Show};
use leptos::prelude::*;

use crate::components::form::{Card, TextField, Width};
use crate::core::model::{MistakeNote, Mood, Prompt, COMMON_MISTAKES};
use crate::state::use_app;

#[component]
pub fn ReflectionForm(interview_id: String) -> impl IntoView {
    let state = use_app();
    let initial = StoredValue::new(state.reflection(&interview_id).unwrap_or_default());
    let id = StoredValue::new(interview_id);

    let prompt_field = move |prompt: Prompt, rows: &'static str| {
        let name = prompt.key();
        view! {
            <TextField
                id=format!("rf-{name}")
                name=name
                label=prompt.label()
                rows=rows
                width=Width::Wide
                value=initial.with_value(|r| prompt.get(r).to_string())
                on_input=Callback::new(move |text| {
                    state.edit_reflection(&id.get_value(), |r| prompt.set(r, text));
                })
            />
        }
    };

    let mistakes = COMMON_MISTAKES
        .iter()
        .map(|(kind, label, hint)| {
            let kind = *kind;
            let checked = crate::erase::memo(move |_| {
                state.reflections.with(|list| {
                    list.iter()
                        .find(|r| r.id == id.get_value())
                        .is_some_and(|r| r.mistakes.iter().any(|m| m.kind == kind))
                })
            });
            let initial_fix = initial.with_value(|r| {
                r.mistakes
                    .iter()
                    .find(|m| m.kind == kind)
                    .map(|m| m.fix.clone())
                    .unwrap_or_default()
            });
            view! {
                <li class="mistake">
                    <label class="check">
                        <input
                            type="checkbox"
                            name=format!("mistake-{kind}")
                            prop:checked=move || checked.get()
                            on:change=change(move |ev| {
                                let on = event_target_checked(&ev);
                                state.edit_reflection(&id.get_value(), |r| {
                                    r.mistakes.retain(|m| m.kind != kind);
                                    if on {
                                        r.mistakes.push(MistakeNote { kind: kind.to_string(), ..MistakeNote::default() });
                                    }
                                });
                            })
                        />
                        <span>{*label}</span>
                    </label>
                    <Show when=move || checked.get()>
                        <TextField
                            id=format!("fix-{kind}")
                            label="The fix"
                            width=Width::Fix
                            hint=*hint
                            value=initial_fix.clone()
                            on_input=Callback::new(move |text| {
                                state.edit_reflection(&id.get_value(), |r| {
                                    if let Some(m) = r.mistakes.iter_mut().find(|m| m.kind == kind) {
                                        m.fix = text;
                                    }
                                });
                            })
                        />
                    </Show>
                </li>
            }
        })
        .collect_view();

    let mood = crate::erase::memo(move |_| {
        state.reflections.with(|list| {
            list.iter()
                .find(|r| r.id == id.get_value())
                .and_then(|r| r.mood.clone())
        })
    });

    view! {
        <Card id="reflect" heading_id="reflect-title" title="How did it go?">
            <p class="muted">
                "Good or bad, a few honest lines now make the next interview easier. It saves as you type."
            </p>
            <div class="form-grid">
                {Prompt::QUESTIONS.into_iter().map(|p| prompt_field(p, "3")).collect_view()}
            </div>

            <h3>"Mistakes worth fixing"</h3>
            <p class="muted">"Tick any that happened, and note what you'll do differently."</p>
            <ul class="mistakes">{mistakes}</ul>

            <fieldset class="mood">
                <legend>"How do you feel about it?"</legend>
                <div class="mood-options">
                    {Mood::ALL
                        .iter()
                        .map(|m| {
                            view! {
                                <label class="chip">
                                    <input
                                        type="radio"
                                        name="mood"
                                        value=m.key()
                                        prop:checked=move || mood.get().as_ref() == Some(m)
                                        on:change=change(move |_| {
                                            state.edit_reflection(&id.get_value(), |r| r.mood = Some(m.clone()))
                                        })
                                    />
                                    <span>{m.label()}</span>
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>

            {prompt_field(Prompt::Vent, "4")}
        </Card>
    }
}
