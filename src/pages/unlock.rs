//! The lock screen: shown instead of every screen while the passphrase lock is on, inside the
//! app's frame (`index.html` draws the same markup before the wasm arrives: change both
//! together). The passphrase is checked first (slow on purpose), then everything is decrypted
//! and loaded; each step says what it is doing, and a wrong passphrase opens nothing.

use leptos::prelude::*;

use crate::components::form::PassphraseField;
use crate::core::lock::LockInfo;
use crate::erase::{rx, submit};
use crate::lifetime;
use crate::state::{check_passphrase, open_everything, Unlocked};

#[component]
pub fn LockScreen(info: Option<LockInfo>, on_open: Callback<Unlocked>) -> impl IntoView {
    // What was typed in the first frame before the app took over is kept.
    let pass = RwSignal::new(crate::typed_in_frame());
    let status = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let info = StoredValue::new(info);
    let go = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(info) = info.get_value() else {
            error.set(Some(
                "The lock's settings in this browser are damaged, so Rebound cannot open them here."
                    .to_string(),
            ));
            return;
        };
        busy.set(true);
        error.set(None);
        status.set("Checking your passphrase…".to_string());
        let generation = info.generation;
        let typed = pass.get_untracked();
        lifetime::task(
            async move { check_passphrase(typed, &info).await },
            move |checked| match checked {
                Ok(key) => {
                    status.set("Opening your data…".to_string());
                    lifetime::task(
                        open_everything(key, generation),
                        move |opened| match opened {
                            Ok(opened) => on_open.run(opened),
                            Err(e) => {
                                busy.set(false);
                                status.set(String::new());
                                error.set(Some(e));
                            }
                        },
                        |_| {},
                    );
                }
                Err(e) => {
                    busy.set(false);
                    status.set(String::new());
                    error.set(Some(e));
                }
            },
            |_| {},
        );
    };
    view! {
        <div class="page lock-page">
            <h1>"Rebound is locked"</h1>
            <form class="card lock-form" on:submit=submit(go)>
                <PassphraseField
                    id="passphrase".to_string()
                    label="Your passphrase"
                    autocomplete="current-password"
                    value=pass
                    described_by="lock-status".to_string()
                />
                <button type="submit" class="button primary" prop:disabled=busy>
                    "Unlock"
                </button>
                <p id="lock-status" class="muted lock-status" role="status">{rx(move || status.get())}</p>
                {rx(move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> }))}
            </form>
        </div>
    }
}
