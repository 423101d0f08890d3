//! The install nudge on Today: once something is stored and Rebound is not running installed,
//! offer to install it (the browser's own prompt in one tap where it offers one; on iOS the Share
//! → Add to Home Screen steps), saying why: installed, the browser keeps the data. "Not now"
//! puts it away for 30 days.

use leptos::prelude::*;

use crate::components::form::Card;
use crate::core::backup::InstallWay;
use crate::erase::{click, rx};
use crate::install::{self, Install};
use crate::platform;
use crate::state::use_app;

#[component]
pub fn InstallNudge() -> impl IntoView {
    let state = use_app();
    let Some(install) = use_context::<Install>() else {
        return ().into_any();
    };
    let ios = platform::is_ios();
    let installed = platform::installed();
    let nudge = crate::erase::memo(move |_| {
        let has_data = state.interviews.with(|l| !l.is_empty())
            || state.questions.with(|l| !l.is_empty())
            || state.plan.with(|l| !l.is_empty());
        let way = if ios {
            Some(InstallWay::HomeScreenSteps)
        } else if install.ready.get() {
            Some(InstallWay::Prompt)
        } else {
            None
        };
        state.meta.with(|m| {
            m.install_nudge(
                has_data,
                installed || install.done.get(),
                way,
                platform::now_ms(),
            )
        })
    });
    let not_now = move || {
        view! {
            <button
                type="button"
                class="button quiet"
                on:click=click(move |_| state.dismiss_install_nudge())
            >
                "Not now"
            </button>
        }
    };
    view! {
        {rx(move || {
            nudge
                .get()
                .map(|way| {
                    let body = match way {
                        InstallWay::Prompt => {
                            view! {
                                <p>
                                    "Installed, Rebound opens like an app, works offline, and this browser is much more likely to keep what you write."
                                </p>
                                <div class="actions">
                                    <button
                                        type="button"
                                        class="button"
                                        on:click=click(move |_| install::prompt(install))
                                    >
                                        "Install Rebound"
                                    </button>
                                    {not_now()}
                                </div>
                            }
                                .into_any()
                        }
                        InstallWay::HomeScreenSteps => {
                            view! {
                                <p>
                                    "Safari deletes the data of sites not on your Home Screen after 7 days without a visit. To keep everything:"
                                </p>
                                <ol class="steps">
                                    <li>"Tap Share (the square with an arrow)."</li>
                                    <li>"Choose Add to Home Screen, then open Rebound from there."</li>
                                </ol>
                                <div class="actions">{not_now()}</div>
                            }
                                .into_any()
                        }
                    };
                    view! {
                        <Card heading_id="install-title" title="Keep Rebound on this device" class="install-nudge">
                            {body}
                        </Card>
                    }
                })
        })}
    }
    .into_any()
}
