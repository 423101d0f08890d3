//! Settings (`/settings`): preferences, and data that was kept aside.

use crate::erase::{change, click, rx, Show};
use leptos::prelude::*;

use crate::components::form::{Card, TextField};
use crate::components::lock_settings::LockSection;
use crate::components::number_setting::NumberSetting;
use crate::components::your_data::YourData;
use crate::core::display;
use crate::core::model::Settings;
use crate::platform;
use crate::state::use_app;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_app();
    let download_error = RwSignal::new(None::<String>);

    view! {
        <div class="page">
            <h1>"Settings"</h1>
            <Card heading_id="pipeline-settings" title="Pipeline">
                <NumberSetting
                    id="nudge-threshold"
                    label="Suggest lining up more when fewer than this many are active"
                    min=Settings::NUDGE_MIN
                    max=Settings::NUDGE_MAX
                    initial=state.settings.with_untracked(|s| s.nudge_threshold)
                    on_set=Callback::new(move |n| state.edit_settings(|s| s.nudge_threshold = n))
                    help="Today shows a gentle note when your active opportunities drop below this number."
                />
                <NumberSetting
                    id="no-reply-days"
                    label="Offer to mark one \"No reply\" after this many days without word"
                    min=Settings::NO_REPLY_MIN
                    max=Settings::NO_REPLY_MAX
                    initial=state.settings.with_untracked(|s| s.no_reply_days)
                    on_set=Callback::new(move |n| state.edit_settings(|s| s.no_reply_days = n))
                />
            </Card>

            <PracticeSettingsSection/>

            <AboutYouSection/>

            <Show when=move || !state.kept_aside.with(|k| k.is_empty())>
                <Card heading_id="kept-title" title="Data kept aside">
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
                                let when = display::from_millis(k.kept_at)
                                    .map(|t| format!("{} UTC", display::iso_date_time(t)))
                                    .unwrap_or_default();
                                view! {
                                    <li class="kept">
                                        <span>{format!("{name} · {when} · {} bytes", k.bytes)}</span>
                                        <div class="row">
                                            <button
                                                type="button"
                                                class="button"
                                                on:click=click(move |_| {
                                                    let Some(text) = state.kept_aside_text(&key_dl) else {
                                                        return;
                                                    };
                                                    let file = format!("rebound-kept-{}.txt", key_dl.replace('.', "-"));
                                                    if let Err(e) = platform::download_text(&file, "text/plain", &text) {
                                                        download_error.set(Some(e));
                                                    }
                                                })
                                            >
                                                "Download"
                                            </button>
                                            <button
                                                type="button"
                                                class="button quiet danger"
                                                on:click=click(move |_| state.discard_kept_aside(&key_rm))
                                            >
                                                "Delete"
                                            </button>
                                        </div>
                                    </li>
                                }
                            }
                        />
                    </ul>
                    {rx(move || download_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> }))}
                </Card>
            </Show>

            <YourData/>

            <LockSection/>

            <Card heading_id="privacy-title" title="Your privacy">
                <p>
                    "Rebound has no account and no server. What you write stays in this browser on this device; nothing is sent anywhere."
                </p>
            </Card>
        </div>
    }
}

/// The user's name for letters, the colour scheme, and streaks.
#[component]
fn AboutYouSection() -> impl IntoView {
    let state = use_app();
    let initial = state.settings.get_untracked();
    let theme = move || state.settings.with(|s| s.theme.clone());
    view! {
        <Card heading_id="you-settings" title="You and how Rebound looks">
            <TextField
                id="your-name"
                label="Your name, to sign letters with"
                autocomplete="name"
                value=initial.your_name
                on_input=Callback::new(move |name| state.edit_settings(|s| s.your_name = name))
            />
            <fieldset class="field">
                <legend>"Colours"</legend>
                <div class="chips">
                    {[("system", "Follow my device"), ("light", "Light"), ("dark", "Dark")]
                        .into_iter()
                        .map(|(key, label)| {
                            view! {
                                <label class="chip">
                                    <input
                                        type="radio"
                                        name="theme"
                                        value=key
                                        prop:checked=move || theme() == key
                                        on:change=change(move |_| state.edit_settings(|s| s.theme = key.to_string()))
                                    />
                                    <span>{label}</span>
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <label class="check">
                <input
                    id="streaks"
                    type="checkbox"
                    prop:checked=initial.streaks
                    on:change=change(move |ev| {
                        let on = event_target_checked(&ev);
                        state.edit_settings(|s| s.streaks = on);
                    })
                />
                <span>"Show my practice streak on the journey (a missed day is never a failure)"</span>
            </label>
        </Card>
    }
}

/// Practice preferences: retention, new questions a day, the answer timer.
#[component]
fn PracticeSettingsSection() -> impl IntoView {
    let state = use_app();
    let initial = state.settings.get_untracked();
    view! {
        <Card heading_id="practice-settings" title="Practice">
            <NumberSetting
                id="retention"
                label="How much to remember (desired retention, in %)"
                min=70
                max=97
                initial=(initial.desired_retention * 100.0).round() as u32
                on_set=Callback::new(move |n: u32| state.edit_settings(|s| s.desired_retention = f64::from(n) / 100.0))
                help="90 is a good balance. Higher means more reviews."
            />
            <NumberSetting
                id="new-per-day"
                label="New questions a day"
                min=0
                max=200
                initial=initial.new_per_day
                on_set=Callback::new(move |n| state.edit_settings(|s| s.new_per_day = n))
            />
            <NumberSetting
                id="timer"
                label="Answer timer, in seconds (0 for none)"
                min=0
                max=3600
                initial=initial.answer_timer_secs
                on_set=Callback::new(move |n| state.edit_settings(|s| s.answer_timer_secs = n))
            />
            <NumberSetting
                id="prep-target"
                label="Before an interview: how fresh to have your chosen answers on the day (in %)"
                min=80
                max=97
                initial=(initial.prep_target * 100.0).round() as u32
                on_set=Callback::new(move |n: u32| state.edit_settings(|s| s.prep_target = f64::from(n) / 100.0))
                help="90 is a good balance. Higher means more practice in the days before."
            />
            <NumberSetting
                id="aloud-secs"
                label="Hands-free on the commute: seconds to answer out loud"
                min=Settings::ALOUD_MIN
                max=Settings::ALOUD_MAX
                initial=initial.answer_aloud_secs
                on_set=Callback::new(move |n| state.edit_settings(|s| s.answer_aloud_secs = n))
                help="With commute mode and read-aloud on, Rebound reads the question, waits this long, then reads your answer."
            />
        </Card>
    }
}
