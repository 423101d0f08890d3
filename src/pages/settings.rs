//! Settings (`/settings`): preferences, and data that was kept aside.

use leptos::prelude::*;

use crate::components::your_data::YourData;
use crate::core::model::Settings;
use crate::platform;
use crate::state::use_app;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_app();
    let threshold_error = RwSignal::new(false);
    let initial_threshold = state.settings.with_untracked(|s| s.nudge_threshold);
    let download_error = RwSignal::new(None::<String>);

    view! {
        <div class="page">
            <h1>"Settings"</h1>
            <section class="card" aria-labelledby="pipeline-settings">
                <h2 id="pipeline-settings">"Pipeline"</h2>
                <div class="field">
                    <label for="nudge-threshold">"Suggest lining up more when fewer than this many are active"</label>
                    <input
                        id="nudge-threshold"
                        type="number"
                        inputmode="numeric"
                        min=Settings::NUDGE_MIN
                        max=Settings::NUDGE_MAX
                        prop:value=initial_threshold
                        aria-describedby="nudge-help"
                        on:input=move |ev| {
                            match event_target_value(&ev).trim().parse::<u32>() {
                                Ok(n) if (Settings::NUDGE_MIN..=Settings::NUDGE_MAX).contains(&n) => {
                                    threshold_error.set(false);
                                    state.edit_settings(|s| s.nudge_threshold = n);
                                }
                                _ => threshold_error.set(true),
                            }
                        }
                    />
                    <p id="nudge-help" class="muted small">
                        "Today shows a gentle note when your active opportunities drop below this number."
                    </p>
                    <Show when=move || threshold_error.get()>
                        <p class="field-error" role="alert">
                            {format!(
                                "Enter a whole number from {} to {}. The saved value is still {}.",
                                Settings::NUDGE_MIN,
                                Settings::NUDGE_MAX,
                                state.settings.with_untracked(|s| s.nudge_threshold),
                            )}
                        </p>
                    </Show>
                </div>
            </section>

            <PracticeSettingsSection/>

            <Show when=move || !state.kept_aside.with(|k| k.is_empty())>
                <section class="card" aria-labelledby="kept-title">
                    <h2 id="kept-title">"Data kept aside"</h2>
                    <p class="muted">
                        "Saved data that could not be read was kept exactly as it was. Download it to keep it or to get help recovering it; delete it when you no longer need it."
                    </p>
                    <ul class="kept-list">
                        <For
                            each=move || state.kept_aside.get()
                            key=|k| k.key.clone()
                            children=move |k| {
                                let key_dl = k.key.clone();
                                let key_rm = k.key.clone();
                                let name = k.collection.clone();
                                let when = chrono::DateTime::from_timestamp_millis(k.kept_at)
                                    .map(|d| d.format("%Y-%m-%d %H:%M UTC").to_string())
                                    .unwrap_or_default();
                                view! {
                                    <li class="kept">
                                        <span>{format!("{name} · {when} · {} bytes", k.bytes)}</span>
                                        <div class="row">
                                            <button
                                                type="button"
                                                class="button"
                                                on:click=move |_| {
                                                    let Some(text) = state.kept_aside_text(&key_dl) else {
                                                        return;
                                                    };
                                                    let file = format!("rebound-kept-{}.txt", key_dl.replace('.', "-"));
                                                    if let Err(e) = platform::download_text(&file, "text/plain", &text) {
                                                        download_error.set(Some(e));
                                                    }
                                                }
                                            >
                                                "Download"
                                            </button>
                                            <button
                                                type="button"
                                                class="button quiet danger"
                                                on:click=move |_| state.discard_kept_aside(&key_rm)
                                            >
                                                "Delete"
                                            </button>
                                        </div>
                                    </li>
                                }
                            }
                        />
                    </ul>
                    {move || download_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                </section>
            </Show>

            <YourData/>

            <section class="card" aria-labelledby="privacy-title">
                <h2 id="privacy-title">"Your privacy"</h2>
                <p>
                    "Rebound has no account and no server. What you write stays in this browser on this device; nothing is sent anywhere."
                </p>
            </section>
        </div>
    }
}

/// Practice preferences: retention, new questions a day, the answer timer.
#[component]
fn PracticeSettingsSection() -> impl IntoView {
    let state = use_app();
    let error = RwSignal::new(None::<&'static str>);
    let initial = state.settings.get_untracked();
    view! {
        <section class="card" aria-labelledby="practice-settings">
            <h2 id="practice-settings">"Practice"</h2>
            <div class="field">
                <label for="retention">"How much to remember (desired retention, in %)"</label>
                <input
                    id="retention"
                    type="number"
                    inputmode="numeric"
                    min="70"
                    max="97"
                    prop:value=(initial.desired_retention * 100.0).round()
                    on:input=move |ev| { match event_target_value(&ev).trim().parse::<f64>() {
                        Ok(n) if (70.0..=97.0).contains(&n) => {
                            error.set(None);
                            state.edit_settings(|s| s.desired_retention = n / 100.0);
                        }
                        _ => error.set(Some("Retention is a number from 70 to 97. The saved value is unchanged.")),
                    } }
                />
                <p class="muted small">"90 is a good balance. Higher means more reviews."</p>
            </div>
            <div class="field">
                <label for="new-per-day">"New questions a day"</label>
                <input
                    id="new-per-day"
                    type="number"
                    inputmode="numeric"
                    min="0"
                    max="200"
                    prop:value=initial.new_per_day
                    on:input=move |ev| { match event_target_value(&ev).trim().parse::<u32>() {
                        Ok(n) if n <= 200 => {
                            error.set(None);
                            state.edit_settings(|s| s.new_per_day = n);
                        }
                        _ => error.set(Some("New questions a day is a whole number from 0 to 200. The saved value is unchanged.")),
                    } }
                />
            </div>
            <div class="field">
                <label for="timer">"Answer timer, in seconds (0 for none)"</label>
                <input
                    id="timer"
                    type="number"
                    inputmode="numeric"
                    min="0"
                    max="3600"
                    prop:value=initial.answer_timer_secs
                    on:input=move |ev| { match event_target_value(&ev).trim().parse::<u32>() {
                        Ok(n) if n <= 3600 => {
                            error.set(None);
                            state.edit_settings(|s| s.answer_timer_secs = n);
                        }
                        _ => error.set(Some("The timer is a whole number of seconds from 0 to 3600. The saved value is unchanged.")),
                    } }
                />
            </div>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </section>
    }
}
