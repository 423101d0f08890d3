//! Banners that say what happened, that nothing was lost, and what to do next; and the undo
//! toast.

use crate::erase::{click, rx, toggle, Show};
use leptos::prelude::*;

use crate::state::{use_app, Notice, Undo};
use crate::{platform, service_worker};

fn words(notice: &Notice) -> (&'static str, String) {
    match notice {
        Notice::Damaged {
            collection,
            reason,
            kept_as: Some(_),
        } => (
            "Some saved data could not be read",
            format!(
                "Your saved {} could not all be read: {reason}. Everything readable is here, and \
                 the original text is kept safe in Settings, where you can download it.",
                collection.name()
            ),
        ),
        Notice::Damaged {
            collection,
            reason,
            kept_as: None,
        } => (
            "Some saved data could not be read",
            format!(
                "Your saved {} could not all be read: {reason}. To protect the original, changes \
                 to them won't be saved in this session. Free some space, then reload.",
                collection.name()
            ),
        ),
        Notice::QuotaFull => (
            "Storage is full",
            "Your browser's storage for Rebound is full, so the latest changes are only on this \
             screen for now. Everything saved before is safe. Free space (or remove old data \
             kept aside in Settings), then make any edit to save again."
                .to_string(),
        ),
        Notice::StorageUnavailable => (
            "This browser isn't letting Rebound save",
            "Storage is blocked in this window (private browsing or site settings), so changes \
             will be gone when you close it. Allow site data for Rebound to keep them."
                .to_string(),
        ),
        Notice::NewerVersion { found } => (
            "Saved by a newer version",
            format!(
                "Your data was saved by a newer version of Rebound (format {found}). It is shown \
                 here but nothing will be saved until you reload to get the new version."
            ),
        ),
        Notice::UpdatedElsewhere => (
            "Rebound was updated in another tab",
            "Reload to keep going. This tab has stopped saving, so it can't write over what the \
             newer version saved; everything saved before is safe."
                .to_string(),
        ),
        Notice::BadSchemaKey => (
            "A saved setting was unreadable",
            "The data format marker was damaged; your data was read as the first format and \
             looks complete. Nothing was deleted."
                .to_string(),
        ),
        Notice::NoRoom { needed } => (
            "Not enough room to update how your data is kept",
            crate::core::schema::no_room_words(*needed),
        ),
        Notice::UpdateReady => (
            "A new version is ready",
            "Reload to start using it. Your data stays as it is.".to_string(),
        ),
        Notice::ChangedElsewhere { title } => (
            "Changed in another tab",
            format!(
                "“{title}” was edited in another tab or window after your change here, so that \
                 later version is the one shown and saved."
            ),
        ),
        Notice::Done(text) => ("Done", text.clone()),
        Notice::SaveFailed(e) => (
            "Couldn't save just now",
            format!(
                "The browser said: {e}. Your changes are still on this screen; try again in a \
                 moment."
            ),
        ),
    }
}

#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = use_app();
    view! {
        <div class="notices" role="region" aria-label="Messages" aria-live="polite">
            <For
                each=move || state.notices.get()
                key=|n| format!("{n:?}")
                children=move |notice| {
                    let (title, body) = words(&notice);
                    let is_update = notice == Notice::UpdateReady;
                    let is_info = is_update || matches!(notice, Notice::Done(_));
                    let is_quota = notice == Notice::QuotaFull;
                    let is_elsewhere = matches!(
                        notice,
                        Notice::UpdatedElsewhere | Notice::NoRoom { .. }
                    );
                    let dismiss_notice = notice.clone();
                    view! {
                        <div class="notice" class:notice-info=is_info role="status">
                            <p class="notice-title">{title}</p>
                            <p>{body}</p>
                            <div class="notice-actions">
                                {(is_update || is_elsewhere)
                                    .then(|| {
                                        view! {
                                            <button
                                                class="button primary"
                                                on:click=click(move |_| {
                                                    if is_update {
                                                        service_worker::activate_waiting()
                                                    } else {
                                                        platform::reload()
                                                    }
                                                })
                                            >
                                                "Reload"
                                            </button>
                                        }
                                    })}
                                {is_elsewhere.then(|| view! { <UnsavedEdits/> })}
                                {is_quota
                                    .then(|| {
                                        view! {
                                            <button
                                                class="button"
                                                on:click=click(move |_| state.flush())
                                            >
                                                "Try saving again"
                                            </button>
                                        }
                                    })}
                                <button
                                    class="button quiet"
                                    on:click=click(move |_| state.dismiss(&dismiss_notice))
                                >
                                    {if is_update { "Later" } else { "Dismiss" }}
                                </button>
                            </div>
                        </div>
                    }
                }
            />
        </div>
    }
}

#[component]
pub fn UndoToast() -> impl IntoView {
    let state = use_app();
    let text = move || state.undo.with(|u| u.as_ref().map(Undo::describe));
    view! {
        <Show when=move || text().is_some()>
            <div class="toast" role="status" aria-live="polite">
                <span>{text}</span>
                <button class="button" on:click=click(move |_| state.undo())>
                    "Undo"
                </button>
                <button
                    class="button quiet"
                    aria-label="Close"
                    on:click=click(move |_| state.drop_undo())
                >
                    "×"
                </button>
            </div>
        </Show>
    }
}

/// The edits a tab that stopped saving still holds, as text to copy before reloading. The text
/// is a backup file: after the reload, Settings → Import (merge) brings them back. Worked out
/// when opened, so it holds everything typed until then.
#[component]
fn UnsavedEdits() -> impl IntoView {
    let state = use_app();
    let text = RwSignal::new(None::<String>);
    let copied = RwSignal::new(None::<Result<(), String>>);
    let copy = move |_| {
        let Some(text) = text.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            copied.set(Some(platform::copy_text(&text).await));
        });
    };
    view! {
        <details class="unsaved-edits" on:toggle=toggle(move |_| text.set(state.unsaved_as_backup()))>
            <summary>"Edits this tab hasn't saved"</summary>
            {rx(move || match text.get() {
                Some(t) => {
                    view! {
                        <p class="small">
                            "Copy them before you reload. Afterwards, save them in a file and import it in Settings (merge): nothing else changes."
                        </p>
                        <textarea readonly rows="4" aria-label="Edits not saved yet">{t}</textarea>
                        <button type="button" class="button" on:click=click(copy)>"Copy"</button>
                        {rx(move || {
                            copied
                                .get()
                                .map(|r| match r {
                                    Ok(()) => "Copied.".to_string(),
                                    Err(e) => format!("Couldn't copy ({e}): select the text and copy it."),
                                })
                        })}
                    }
                        .into_any()
                }
                None => view! { <p class="small">"None: everything done in this tab was saved."</p> }.into_any(),
            })}
        </details>
    }
}
