//! A whole-number setting: a labelled number field that saves only values in range, and says
//! so (keeping the saved value) when the text is not one.

use crate::erase::{input, Show};
use leptos::prelude::*;

#[component]
pub fn NumberSetting(
    id: &'static str,
    label: &'static str,
    min: u32,
    max: u32,
    initial: u32,
    /// Called with every valid value as it is typed.
    on_set: Callback<u32>,
    #[prop(optional)] help: Option<&'static str>,
) -> impl IntoView {
    let invalid = RwSignal::new(false);
    let help_id = format!("{id}-help");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="number"
                inputmode="numeric"
                min=min
                max=max
                prop:value=initial
                aria-describedby=help.map(|_| help_id.clone())
                on:input=input(move |ev| {
                    match event_target_value(&ev).trim().parse::<u32>() {
                        Ok(n) if (min..=max).contains(&n) => {
                            invalid.set(false);
                            on_set.run(n);
                        }
                        _ => invalid.set(true),
                    }
                })
            />
            {help.map(|h| view! { <p id=help_id.clone() class="muted small">{h}</p> })}
            <Show when=move || invalid.get()>
                <p class="field-error" role="alert">
                    {format!("Enter a whole number from {min} to {max}. The saved value is unchanged.")}
                </p>
            </Show>
        </div>
    }
}
