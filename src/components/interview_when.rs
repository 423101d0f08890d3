//! When and how an interview happens, beside its date: an optional start time and the format
//! (phone, video, on site, take-home, or the user's own words). Part of the interview form;
//! uncontrolled like the rest of it.

use crate::core::choice::Choice;
use crate::erase::{change, input, Show};
use leptos::prelude::*;

use crate::core::display::hh_mm;
use crate::core::model::{Interview, InterviewField, InterviewFormat};

#[component]
pub fn InterviewWhen(
    initial: Interview,
    on_edit: Callback<(InterviewField, String)>,
    prefix: &'static str,
) -> impl IntoView {
    let id = move |name: &str| format!("{prefix}-{name}");
    let own = RwSignal::new(
        matches!(initial.format, Some(InterviewFormat::Own))
            || (initial.format.is_none() && !initial.format_words.trim().is_empty()),
    );
    let chosen = initial.format.clone();
    view! {
        <div class="field">
            <label for=id("time")>"Start time (optional)"</label>
            <input
                id=id("time")
                name="time"
                type="time"
                prop:value=initial.time.map(hh_mm).unwrap_or_default()
                on:change=change(move |ev| on_edit.run((InterviewField::Time, event_target_value(&ev))))
            />
        </div>
        <div class="field">
            <label for=id("format")>"How it happens"</label>
            <select
                id=id("format")
                name="format"
                on:change=change(move |ev| {
                    let v = event_target_value(&ev);
                    own.set(v == InterviewFormat::Own.key());
                    on_edit.run((InterviewField::Format, v));
                })
            >
                <option value="" selected=chosen.is_none()>"Not said"</option>
                // A format from a newer version: shown in plain words, kept selected.
                {chosen
                    .clone()
                    .filter(|f| !f.is_known())
                    .map(|f| view! { <option value=f.key().to_string() selected=true>{f.label()}</option> })}
                {InterviewFormat::ALL
                    .iter()
                    .map(|f| {
                        let label = if *f == InterviewFormat::Own { "In my own words".into() } else { f.label() };
                        view! { <option value=f.key() selected=chosen.as_ref() == Some(f)>{label}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
        <Show when=move || own.get()>
            <div class="field">
                <label for=id("format-words")>"In your words"</label>
                <input
                    id=id("format-words")
                    name="format_words"
                    type="text"
                    autocomplete="off"
                    placeholder="e.g. Panel over lunch"
                    prop:value=initial.format_words.clone()
                    on:input=input(move |ev| on_edit.run((InterviewField::FormatWords, event_target_value(&ev))))
                />
            </div>
        </Show>
    }
}
