//! "Your data" in Settings: back up (download or share), import with a preview, how much space
//! is used, whether the browser keeps the data, and deleting everything.

use crate::erase::{change, click, rx, Show};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::form::{Card, TextField};
use crate::components::lock_settings::SealedBackup;
use crate::components::number_setting::NumberSetting;
use crate::core::display;
use crate::core::schema::Collection;
use crate::core::transfer::{self, Doing, ImportFile, ImportPreview, Newer, MAX_IMPORT_BYTES};
use crate::platform;
use crate::state::{use_app, AppState, Notice, Persistence};

/// localStorage holds about this much per site in current browsers.
const LOCAL_STORAGE_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

fn when(ms: i64) -> String {
    display::from_millis(ms)
        .map(|t| display::short_date(t.date()))
        .unwrap_or_else(|| "an unknown date".to_string())
}

/// Bytes as people read them: "820 bytes", "14 KB", "3.2 MB", "10 GB".
fn human_bytes(bytes: f64) -> String {
    const KB: f64 = 1024.0;
    if bytes < KB {
        format!("{} bytes", display::whole(bytes))
    } else if bytes < KB * KB {
        format!("{} KB", display::whole(bytes / KB))
    } else if bytes < KB * KB * KB {
        format!("{} MB", display::one_decimal(bytes / (KB * KB)))
    } else {
        format!("{} GB", display::whole(bytes / (KB * KB * KB)))
    }
}

/// Build the backup file; `None` (with a notice) if it cannot be made.
pub fn backup_file(state: AppState) -> Option<(String, String)> {
    match transfer::export(&state.snapshot(), platform::now_ms()) {
        Ok(text) => Some((
            transfer::export_file_name(state.today.get_untracked()),
            text,
        )),
        Err(e) => {
            state.notify(Notice::SaveFailed(format!(
                "the backup could not be made ({e})"
            )));
            None
        }
    }
}

/// What a backup a part at a time is doing and how far it is (parts done, parts in all once
/// known); `None` when nothing is under way. The buttons that would start another wait.
pub type Busy = RwSignal<Option<(Doing, usize, Option<usize>)>>;

/// The progress bar and its words while a backup is written or read.
pub fn progress_bar(busy: Busy) -> impl IntoView {
    rx(move || {
        busy.get().map(|(doing, done, total)| {
            let words = transfer::progress(doing, done, total);
            view! {
                <div class="transfer-progress" data-testid="transfer-progress">
                    <progress
                        max=total.unwrap_or(1)
                        value=total.map(|_| done)
                        aria-label=words.clone()
                    ></progress>
                    <p class="muted small" role="status">{words}</p>
                </div>
            }
        })
    })
}

/// Write a backup a part at a time, yielding to input between parts and showing how far it is
/// in `busy`; then hand its name and its text (in pieces: the browser gets each as bytes as it
/// is written, never the whole text at once) to `then`. Leaving the screen stops it.
fn backup_in_parts(state: AppState, busy: Busy, then: Box<dyn FnOnce(String, js_sys::Array)>) {
    if busy.get_untracked().is_some() {
        return;
    }
    let db = state.snapshot();
    let name = transfer::export_file_name(state.today.get_untracked());
    let mut job = Some(transfer::ExportJob::new(&db, platform::now_ms()));
    let mut then = Some(then);
    let pieces = js_sys::Array::new();
    busy.set(Some((
        Doing::Writing,
        0,
        job.as_ref().map(|j| j.progress().1),
    )));
    crate::lifetime::repeat(move || {
        let Some(j) = job.as_mut() else {
            return false;
        };
        if let Err(e) = j.step(&db) {
            busy.set(None);
            state.notify(Notice::SaveFailed(format!(
                "the backup could not be made ({e})"
            )));
            return false;
        }
        pieces.push(&js_sys::Uint8Array::from(j.take().as_bytes()));
        let (done, total) = j.progress();
        if done < total {
            busy.set(Some((Doing::Writing, done, Some(total))));
            return true;
        }
        busy.set(None);
        if let Some(then) = then.take() {
            job = None;
            then(name.clone(), pieces.clone());
        }
        false
    });
}

/// Download a backup now, and remember that it was made: encrypted in one go when the lock is
/// on (`lock_settings::download_sealed_backup`), otherwise written a part at a time.
pub fn download_backup(state: AppState, busy: Busy) {
    if state.lock_on() {
        return crate::components::lock_settings::download_sealed_backup(state);
    }
    backup_in_parts(
        state,
        busy,
        Box::new(move |name, pieces| {
            match platform::download_parts(&name, "application/json", &pieces) {
                Ok(()) => state.mark_exported(),
                Err(e) => state.notify(Notice::SaveFailed(e)),
            }
        }),
    );
}

/// Download a backup without encryption in one go, and remember that it was made.
pub fn download_plain_backup(state: AppState) {
    let Some((name, text)) = backup_file(state) else {
        return;
    };
    match platform::download_text(&name, "application/json", &text) {
        Ok(()) => state.mark_exported(),
        Err(e) => state.notify(Notice::SaveFailed(e)),
    }
}

#[component]
pub fn YourData() -> impl IntoView {
    view! {
        <BackupSection/>
        <ImportSection/>
        <StorageSection/>
        <DeleteEverything/>
    }
}

#[component]
fn BackupSection() -> impl IntoView {
    let state = use_app();
    let can_share = platform::can_share_files();
    let last = move || {
        state.meta.with(|m| match m.last_export {
            Some(ms) => format!("Last backup: {}.", when(ms)),
            None => "No backup yet.".to_string(),
        })
    };
    let busy: Busy = RwSignal::new(None);
    let share = move |_| {
        let share = move |name: String, pieces: js_sys::Array| {
            // Not tied to the screen: a backup shared is a backup made, even if Settings was
            // left while the share sheet was open. Writes only app state after the await.
            leptos::task::spawn_local(async move {
                match platform::share_file(&name, "application/json", &pieces).await {
                    Ok(true) => state.mark_exported(),
                    Ok(false) => {}
                    Err(e) => state.notify(Notice::SaveFailed(e)),
                }
            });
        };
        if state.lock_on() {
            let Some((name, text)) = backup_file(state) else {
                return;
            };
            // Not tied to the screen, like the share below. Writes only app state after the
            // await.
            leptos::task::spawn_local(async move {
                let text = match crate::state::seal_backup(text.clone()).await {
                    None => text,
                    Some(Ok(sealed)) => sealed,
                    Some(Err(e)) => return state.notify(Notice::SaveFailed(e)),
                };
                let pieces = js_sys::Array::of1(&js_sys::Uint8Array::from(text.as_bytes()));
                match platform::share_file(&name, "application/json", &pieces).await {
                    Ok(true) => state.mark_exported(),
                    Ok(false) => {}
                    Err(e) => state.notify(Notice::SaveFailed(e)),
                }
            });
            return;
        }
        backup_in_parts(state, busy, Box::new(share));
    };
    let waiting = move || busy.with(Option::is_some);
    view! {
        <Card heading_id="backup-title" title="Back up your data">
            <p>
                "Your data lives only in this browser. A backup file lets you keep it safe, or move it to another device."
            </p>
            <p class="muted" data-testid="last-backup">{last}</p>
            <div class="actions">
                <button
                    type="button"
                    class="button primary"
                    prop:disabled=waiting
                    on:click=click(move |_| download_backup(state, busy))
                >
                    "Download a backup"
                </button>
                {can_share
                    .then(|| {
                        view! {
                            <button type="button" class="button" prop:disabled=waiting on:click=click(share)>
                                "Share…"
                            </button>
                        }
                    })}
            </div>
            {progress_bar(busy)}
            <NumberSetting
                id="backup-days"
                label="Remind me to back up after this many days (0 for never)"
                min=0
                max=crate::core::model::Settings::BACKUP_DAYS_MAX
                initial=state.settings.with_untracked(|s| s.backup_reminder_days)
                on_set=Callback::new(move |n| state.edit_settings(|s| s.backup_reminder_days = n))
            />
        </Card>
    }
}

#[component]
fn ImportSection() -> impl IntoView {
    let state = use_app();
    let pending = RwSignal::new(None::<(ImportFile, ImportPreview)>);
    let error = RwSignal::new(None::<String>);
    let confirm_replace = RwSignal::new(false);
    let input_key = RwSignal::new(0u32);
    // An encrypted backup waiting for its passphrase (`lock_settings::SealedBackup`).
    let sealed = RwSignal::new(None::<String>);
    let accept = move |text: String| match transfer::parse_import(text.as_bytes()) {
        Ok(parsed) => {
            let preview = transfer::preview(&state.snapshot(), &parsed);
            pending.set(Some((parsed, preview)));
        }
        Err(e) => error.set(Some(e.to_string())),
    };

    let busy: Busy = RwSignal::new(None);
    let on_pick = move |ev: leptos::ev::Event| {
        if busy.get_untracked().is_some() {
            return;
        }
        error.set(None);
        pending.set(None);
        sealed.set(None);
        confirm_replace.set(false);
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        let Some(file) = file else {
            return;
        };
        busy.set(Some((Doing::Reading, 0, None)));
        // Read, then checked a part at a time only while Settings is open (otherwise dropped).
        crate::lifetime::task(
            async move { platform::read_file_bytes(&file, MAX_IMPORT_BYTES as f64).await },
            move |bytes| {
                // An encrypted backup waits for its passphrase, then is read in one go.
                if let Ok(Ok(text)) = bytes.as_deref().map(std::str::from_utf8) {
                    if crate::core::lock::looks_sealed(text) {
                        busy.set(None);
                        sealed.set(Some(text.to_string()));
                        return;
                    }
                }
                let job = bytes
                    .and_then(|bytes| transfer::ImportJob::new(bytes).map_err(|e| e.to_string()));
                let mut job = match job {
                    Ok(job) => Some(job),
                    Err(e) => {
                        busy.set(None);
                        error.set(Some(e));
                        return;
                    }
                };
                crate::lifetime::repeat(move || {
                    let Some(j) = job.as_mut() else {
                        return false;
                    };
                    if let Err(e) = j.step() {
                        job = None;
                        busy.set(None);
                        error.set(Some(e.to_string()));
                        return false;
                    }
                    if !j.is_done() {
                        let (done, total) = j.progress();
                        busy.set(Some((Doing::Reading, done, total)));
                        return true;
                    }
                    if let Some(file) = job.take().map(transfer::ImportJob::finish) {
                        let preview = state.with_db(|db| transfer::preview(db, &file));
                        pending.set(Some((file, preview)));
                    }
                    busy.set(None);
                    false
                });
            },
            move |_| busy.set(None),
        );
    };
    let finish = move |message: String| {
        pending.set(None);
        confirm_replace.set(false);
        input_key.update(|k| *k += 1);
        state.notify(Notice::Done(message));
    };
    // The file is taken out of `pending` (not copied): a backup can be large.
    let take_file = move || pending.try_update(Option::take).flatten().map(|(f, _)| f);
    let merge = move |_| {
        let Some(file) = take_file() else {
            return;
        };
        let (merged, report) = state.with_db(|db| transfer::merge(db, &file.db));
        let added: usize = report.collections.iter().map(|c| c.added).sum();
        let updated: usize = report.collections.iter().map(|c| c.updated).sum();
        state.apply_import_in_parts(merged);
        finish(format!(
            "Backup merged: {added} added, {updated} updated, nothing removed."
        ));
    };
    let replace = move |_| {
        if !confirm_replace.get_untracked() {
            confirm_replace.set(true);
            return;
        }
        let Some(file) = take_file() else {
            return;
        };
        let count = file.db.interviews.len();
        state.apply_import_in_parts(file.db);
        finish(format!(
            "Your data was replaced by the backup ({count} interview{}).",
            if count == 1 { "" } else { "s" }
        ));
    };

    view! {
        <Card heading_id="import-title" title="Bring back a backup">
            <p class="muted">
                "Pick a Rebound backup file. You'll see what's in it before anything changes."
            </p>
            {rx(move || {
                input_key.track();
                view! {
                    <div class="field">
                        <label for="import-file">"Backup file"</label>
                        <input
                            id="import-file"
                            type="file"
                            accept="application/json,.json"
                            prop:disabled=move || busy.with(Option::is_some)
                            on:change=change(on_pick)
                        />
                    </div>
                }
            })}
            {progress_bar(busy)}
            {rx(move || error.get().map(|e| view! { <p class="field-error" role="alert" data-testid="import-error">{e}</p> }))}
            {rx(move || sealed.get().map(|file| view! { <SealedBackup file on_open=Callback::new(accept)/> }))}
            {rx(move || {
                // Only the preview is copied: the file can be large.
                pending
                    .with(|x| x.as_ref().map(|(_, p)| p.clone()))
                    .map(|p| {
                        let count = |c: Collection| p.collection(c).map(|x| x.in_file).unwrap_or(0);
                        let newer = match p.newer() {
                            Newer::File => "The backup has newer changes than this device.",
                            Newer::Current => "This device has newer changes than the backup.",
                            Newer::Same => "The backup and this device were last changed at the same time.",
                        };
                        let exported = p
                            .exported_at
                            .map(|ms| format!("Made on {}. ", when(ms)))
                            .unwrap_or_default();
                        view! {
                            <div class="import-preview" data-testid="import-preview">
                                <p>
                                    {exported}
                                    {format!(
                                        "It holds {}, {}, {} and {}.",
                                        counted(count(Collection::Interviews), "interview", "interviews"),
                                        counted(count(Collection::Reflections), "reflection", "reflections"),
                                        counted(count(Collection::Questions), "question", "questions"),
                                        counted(count(Collection::Plan), "plan item", "plan items"),
                                    )}
                                </p>
                                <p>{newer}</p>
                                <p class="muted small">
                                    "Merge keeps everything on this device and adds or updates from the backup, the newer version of each record winning. Replace makes this device exactly like the backup."
                                </p>
                                <div class="actions">
                                    <button type="button" class="button primary" on:click=click(merge)>
                                        "Merge"
                                    </button>
                                    <button type="button" class="button danger" on:click=click(replace)>
                                        {rx(move || {
                                            if confirm_replace.get() {
                                                "Yes, replace everything"
                                            } else {
                                                "Replace everything…"
                                            }
                                        })}
                                    </button>
                                    <button
                                        type="button"
                                        class="button quiet"
                                        on:click=click(move |_| {
                                            pending.set(None);
                                            confirm_replace.set(false);
                                            input_key.update(|k| *k += 1);
                                        })
                                    >
                                        "Cancel"
                                    </button>
                                </div>
                                <Show when=move || confirm_replace.get()>
                                    <p class="field-error" role="alert">
                                        "Replacing removes what is on this device and not in the backup. Press again to confirm, or Merge to keep both."
                                    </p>
                                </Show>
                            </div>
                        }
                    })
            })}
        </Card>
    }
}

#[component]
fn StorageSection() -> impl IntoView {
    let state = use_app();
    // Read once when the section opens (and after saves, via the collections it depends on).
    let usage = crate::erase::memo(move |_| {
        state.interviews.track();
        state.reflections.track();
        state.settings.track();
        state.kept_aside.track();
        state.storage_usage()
    });
    let total = move || usage.with(|u| u.iter().map(|(_, b)| *b).sum::<usize>());
    let estimate = RwSignal::new(None::<(f64, f64)>);
    crate::lifetime::task(platform::storage_estimate(), move |e| estimate.set(e), drop);
    // Set by a tap on "Ask the browser to keep it", so the answer shows even when it is no.
    let asked = RwSignal::new(false);
    let persistence = move || {
        match state.persistence.get() {
        Persistence::Granted => "Your browser has agreed to keep Rebound's data, even when space runs low.",
        Persistence::NotGranted => "Your browser may clear Rebound's data if space runs low or the site goes unused for a while. Installing Rebound to your home screen makes it much more likely to keep it; a backup keeps it safe either way.",
        Persistence::Unsupported => "This browser doesn't say whether it keeps site data. Installing Rebound to your home screen and keeping a backup are the safest choices.",
        Persistence::Unknown => "Checking whether your browser keeps Rebound's data…",
    }
    };
    let kb = human_bytes;
    view! {
        <Card heading_id="storage-title" title="Storage">
            <p data-testid="storage-used">
                {rx(move || format!("Rebound uses {} of about 5 MB this browser allows.", kb(total() as f64)))}
            </p>
            <meter
                min="0"
                max=LOCAL_STORAGE_BYTES
                prop:value=move || total() as f64
                aria-label="Storage used"
            ></meter>
            <ul class="usage-list">
                {rx(move || {
                    usage
                        .with(|u| crate::core::collections::usage_by_label(u))
                        .into_iter()
                        .map(|(name, bytes)| {
                            view! { <li><span>{name}</span><span class="muted">{kb(bytes as f64)}</span></li> }
                        })
                        .collect_view()
                })}
            </ul>
            {rx(move || {
                estimate
                    .get()
                    .map(|(used, quota)| {
                        view! {
                            <p class="muted small">
                                {format!(
                                    "All of this site's storage in this browser: {} used of {} available.",
                                    kb(used),
                                    kb(quota),
                                )}
                            </p>
                        }
                    })
            })}
            <h3>"Keeping your data"</h3>
            <p data-testid="persistence">{persistence}</p>
            {crate::core::backup::eviction_note(platform::is_ios(), platform::installed())
                .map(|note| view! { <p class="hint-card" data-testid="eviction-note">{note}</p> })}
            <Show when=move || state.persistence.get() == Persistence::NotGranted>
                <button
                    type="button"
                    class="button"
                    on:click=click(move |_| {
                        asked.set(true);
                        state.request_persistence();
                    })
                >
                    "Ask the browser to keep it"
                </button>
                <Show when=move || asked.get()>
                    <p class="hint-card" role="status" data-testid="persist-answer">
                        "Asked just now: this browser said not yet. It decides by itself, and installing Rebound or using it more often usually helps. A backup keeps everything safe meanwhile."
                    </p>
                </Show>
            </Show>
        </Card>
    }
}

/// "Download a backup first", with its progress: before deleting everything or turning the
/// lock on.
#[component]
pub fn BackupFirst() -> impl IntoView {
    let state = use_app();
    let busy: Busy = RwSignal::new(None);
    view! {
        <div class="actions">
            <button
                type="button"
                class="button"
                prop:disabled=move || busy.with(Option::is_some)
                on:click=click(move |_| download_backup(state, busy))
            >
                "Download a backup first"
            </button>
        </div>
        {progress_bar(busy)}
    }
}

#[component]
fn DeleteEverything() -> impl IntoView {
    let state = use_app();
    let typed = RwSignal::new(String::new());
    let confirmed = move || typed.with(|t| t.trim().eq_ignore_ascii_case("delete"));
    view! {
        <Card class="danger-card" heading_id="delete-title" title="Delete everything">
            <p>
                "This removes every interview, reflection and setting from this browser. It cannot be undone, so download a backup first if you might want any of it."
            </p>
            <BackupFirst/>
            <TextField
                id="delete-confirm"
                label="Type DELETE to confirm"
                autocomplete="off"
                value=typed
                on_input=Callback::new(move |t| typed.set(t))
            />
            <button
                type="button"
                class="button danger-solid"
                prop:disabled=move || !confirmed()
                on:click=click(move |_| {
                    if confirmed() {
                        state.delete_everything();
                        typed.set(String::new());
                        state.notify(Notice::Done("Everything was deleted from this browser.".to_string()));
                    }
                })
            >
                "Delete everything"
            </button>
        </Card>
    }
}

/// "1 interview", "3 interviews".
fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
