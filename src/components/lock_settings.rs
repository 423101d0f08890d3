//! "Lock with a passphrase" in Settings: turning the lock on (after saying plainly that a
//! forgotten passphrase cannot be recovered, and offering a backup first), and, once it is on,
//! when it locks by itself, "Lock now", changing the passphrase and turning it off.

use leptos::prelude::*;

use crate::components::form::{Card, PassphraseField};
use crate::components::your_data::{backup_file, download_plain_backup, BackupFirst};
use crate::core::lock::{self, Strength, AUTO_MAX, AUTO_MIN};
use crate::erase::{change, click, rx, submit, Show};
use crate::lifetime;
use crate::platform;
use crate::state::{open_backup, seal_backup, use_app, AppState, Notice};

/// Two passphrase fields and the strength hint; `on_set` gets the passphrase once both match.
#[component]
fn NewPassphrase(
    id: &'static str,
    button: &'static str,
    busy: RwSignal<bool>,
    on_set: Callback<String>,
) -> impl IntoView {
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let hint = move || first.with(|p| lock::strength(p).1);
    let go = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pass = first.get_untracked();
        if lock::strength(&pass).0 == Strength::TooShort {
            error.set(Some("Choose a passphrase of at least 8 characters."));
        } else if pass != second.get_untracked() {
            error.set(Some(
                "The two passphrases are not the same. Type them again.",
            ));
        } else {
            error.set(None);
            on_set.run(pass);
        }
    };
    let first_id = format!("{id}-1");
    let second_id = format!("{id}-2");
    let hint_id = format!("{id}-hint");
    view! {
        <form class="lock-new" on:submit=submit(go)>
            <PassphraseField
                id=first_id
                label="New passphrase"
                autocomplete="new-password"
                value=first
                described_by=hint_id.clone()
            >
                <span id=hint_id class="muted small" aria-live="polite">{rx(hint)}</span>
            </PassphraseField>
            <PassphraseField id=second_id label="The same passphrase again" autocomplete="new-password" value=second/>
            {rx(move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> }))}
            <button type="submit" class="button primary" prop:disabled=busy>{button}</button>
        </form>
    }
}

/// Run a change of lock (`None`: turn it off) with `busy` and its outcome shown.
fn change_lock(
    state: AppState,
    pass: Option<String>,
    busy: RwSignal<bool>,
    status: RwSignal<String>,
    on: RwSignal<bool>,
    done: &'static str,
) {
    busy.set(true);
    status.set(match pass {
        Some(_) => "Encrypting everything… This takes a few seconds.".to_string(),
        None => "Decrypting everything…".to_string(),
    });
    lifetime::task(
        state.set_passphrase(pass),
        move |result| {
            busy.set(false);
            match result {
                Ok(()) => {
                    on.set(state.lock_on());
                    status.set(done.to_string());
                }
                Err(e) => status.set(e),
            }
        },
        |_| {},
    );
}

#[component]
pub fn LockSection() -> impl IntoView {
    let state = use_app();
    let on = RwSignal::new(state.lock_on());
    let busy = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let turn_on = Callback::new(move |pass: String| {
        change_lock(
            state,
            Some(pass),
            busy,
            status,
            on,
            "The lock is on. Rebound will ask for your passphrase when it opens.",
        )
    });
    let change_pass = Callback::new(move |pass: String| {
        change_lock(
            state,
            Some(pass),
            busy,
            status,
            on,
            "Your passphrase is changed.",
        )
    });
    let auto = state
        .lock_info()
        .map(|i| i.auto_lock_minutes())
        .unwrap_or(lock::AUTO_DEFAULT);
    view! {
        <Card heading_id="lock-title" title="Lock with a passphrase">
            <Show
                when=move || on.get()
                fallback=move || {
                    view! {
                        <p>
                            "Lock Rebound so that no one else who opens this browser can read what you wrote. Everything Rebound stores is then encrypted with your passphrase, and Rebound asks for it when it opens."
                        </p>
                        <p class="lock-warning">
                            <strong>"If you forget your passphrase, no one can recover your data"</strong>
                            ": not you, not us, not the browser. There is no reset. Make a backup first and keep it somewhere safe."
                        </p>
                        <BackupFirst/>
                        <NewPassphrase id="lock-new" button="Turn on the lock" busy on_set=turn_on/>
                    }
                }
            >
                <p>"Rebound is locked with your passphrase: everything it stores in this browser is encrypted, and so are the backups it makes (your passphrase opens them on any device)."</p>
                <div class="actions">
                    <button type="button" class="button" on:click=click(move |_| state.lock_now())>
                        "Lock now"
                    </button>
                </div>
                <div class="field">
                    <label for="auto-lock">"Lock by itself"</label>
                    <select
                        id="auto-lock"
                        on:change=change(move |ev| {
                            if let Ok(m) = event_target_value(&ev).parse::<u32>() {
                                state.set_auto_lock(m);
                            }
                        })
                    >
                        {[(1, "After 1 minute away"), (5, "After 5 minutes away"), (15, "After 15 minutes away"), (60, "After 1 hour away"), (240, "After 4 hours away"), (AUTO_MAX, "After 8 hours away"), (0, "Only when I close Rebound")]
                            .into_iter()
                            .filter(|(m, _)| *m == 0 || (AUTO_MIN..=AUTO_MAX).contains(m))
                            .map(|(m, label)| view! { <option value=m.to_string() selected=m == auto>{label}</option> })
                            .collect_view()}
                    </select>
                </div>
                <PlainBackup/>
                <details class="lock-change">
                    <summary>"Change the passphrase"</summary>
                    <NewPassphrase id="lock-change" button="Change the passphrase" busy on_set=change_pass/>
                </details>
                <div class="actions">
                    <button
                        type="button"
                        class="button quiet danger"
                        prop:disabled=busy
                        on:click=click(move |_| change_lock(state, None, busy, status, on, "The lock is off. Your data is stored without encryption again."))
                    >
                        "Turn the lock off"
                    </button>
                </div>
            </Show>
            <p class="lock-status" role="status">{rx(move || status.get())}</p>
        </Card>
    }
}

/// Download a backup encrypted with the lock's key (the passphrase opens it anywhere).
pub fn download_sealed_backup(state: AppState) {
    let Some((name, text)) = backup_file(state) else {
        return;
    };
    // Not tied to the screen, like sharing: a backup encrypted is downloaded even if Settings
    // was left meanwhile. Writes only app state after the await.
    leptos::task::spawn_local(async move {
        match seal_backup(text).await {
            Some(Ok(sealed)) => match platform::download_text(&name, "application/json", &sealed) {
                Ok(()) => state.mark_exported(),
                Err(e) => state.notify(Notice::SaveFailed(e)),
            },
            Some(Err(e)) => state.notify(Notice::SaveFailed(e)),
            None => download_plain_backup(state),
        }
    });
}

/// A backup without encryption, while the lock is on: only after asking twice.
#[component]
fn PlainBackup() -> impl IntoView {
    let state = use_app();
    let asked = RwSignal::new(false);
    view! {
        <div class="actions">
            <button
                type="button"
                class="button quiet"
                on:click=click(move |_| {
                    if asked.get_untracked() {
                        asked.set(false);
                        download_plain_backup(state);
                    } else {
                        asked.set(true);
                    }
                })
            >
                {rx(move || if asked.get() { "Yes, download it readable" } else { "Download a backup without encryption…" })}
            </button>
        </div>
        <Show when=move || asked.get()>
            <p class="field-error" role="alert">
                "Anyone who gets this file can read everything in it, without a passphrase. Press again to download it anyway."
            </p>
        </Show>
    }
}

/// An encrypted backup picked for import: its passphrase first (a wrong one changes nothing);
/// once open, `on_open` gets its text, and a profile without a lock is offered one.
#[component]
pub fn SealedBackup(file: String, on_open: Callback<String>) -> impl IntoView {
    let state = use_app();
    let pass = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let opened = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let locked_here = RwSignal::new(state.lock_on());
    let file = StoredValue::new(file);
    let go = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        lifetime::task(
            open_backup(pass.get_untracked(), file.get_value()),
            move |result| {
                busy.set(false);
                match result {
                    Ok(text) => {
                        opened.set(true);
                        on_open.run(text);
                    }
                    Err(e) => error.set(Some(e)),
                }
            },
            |_| {},
        );
    };
    view! {
        <Show
            when=move || opened.get()
            fallback=move || {
                view! {
                    <form class="lock-new" data-testid="sealed-backup" on:submit=submit(go)>
                        <p>"This backup is encrypted. Type the passphrase it was made with."</p>
                        <PassphraseField
                            id="backup-passphrase".to_string()
                            label="The backup's passphrase"
                            autocomplete="current-password"
                            value=pass
                        />
                        {rx(move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> }))}
                        <button type="submit" class="button primary" prop:disabled=busy>"Open the backup"</button>
                    </form>
                }
            }
        >
            <Show when=move || !locked_here.get()>
                <div class="hint-card" data-testid="offer-lock">
                    <p>"This backup was locked with a passphrase, and Rebound on this device is not. Lock it here too, with the same passphrase?"</p>
                    <button
                        type="button"
                        class="button"
                        prop:disabled=busy
                        on:click=click(move |_| {
                            busy.set(true);
                            status.set("Encrypting everything… This takes a few seconds.".to_string());
                            lifetime::task(
                                state.set_passphrase(Some(pass.get_untracked())),
                                move |r| {
                                    busy.set(false);
                                    match r {
                                        Ok(()) => {
                                            locked_here.set(true);
                                            status.set("The lock is on, with the backup's passphrase.".to_string());
                                        }
                                        Err(e) => status.set(e),
                                    }
                                },
                                |_| {},
                            );
                        })
                    >
                        "Lock Rebound with this passphrase"
                    </button>
                </div>
            </Show>
            <p class="lock-status" role="status">{rx(move || status.get())}</p>
        </Show>
    }
}
