//! The application shell: state in context, the router, the layout around every page.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::nav::NavBar;
use crate::components::notices::{NoticeBar, UndoToast};
use crate::erase::{click, rx, Show};
use crate::pages::{
    interview_detail::InterviewDetail, interview_list::InterviewList, interview_new::InterviewNew,
    journey::JourneyPage, more::MorePage, not_found::NotFound, plan::PlanPage, practice::Practice,
    prep_sheet::PrepSheet, question_detail::QuestionDetail, questions::QuestionBank,
    search::SearchPage, settings::SettingsPage, today::Today, unlock::LockScreen,
    write_answers::WriteAnswers,
};
use crate::state::{AppState, Unlocked};
use crate::{lifetime, platform, service_worker};

#[component]
pub fn App() -> impl IntoView {
    match crate::state::stored_lock() {
        None => {
            let state = AppState::provide();
            view! {
                <Router>
                    <a class="skip-link" href="#main">"Skip to content"</a>
                    <NavBar/>
                    <Shell state/>
                </Router>
            }
            .into_any()
        }
        // The lock is on: the lock screen, inside the same frame, until the passphrase opens
        // everything; then the app as usual.
        Some(info) => {
            let opened = StoredValue::new_local(None::<Unlocked>);
            let open = RwSignal::new(false);
            let on_open = Callback::new(move |o: Unlocked| {
                opened.set_value(Some(o));
                open.set(true);
            });
            view! {
                <Router>
                    <a class="skip-link" href="#main">"Skip to content"</a>
                    <NavBar/>
                    {rx(move || {
                        if open.get() {
                            let o = opened.try_update_value(Option::take).flatten().unwrap_or_default();
                            view! { <Shell state=AppState::provide_opened(o)/> }.into_any()
                        } else {
                            view! {
                                <main id="main" tabindex="-1">
                                    <LockScreen info=info.clone() on_open/>
                                </main>
                            }
                            .into_any()
                        }
                    })}
                </Router>
            }
            .into_any()
        }
    }
}

/// Read the review log a few chunks a task (`AppState::read_log_some`), then deal with what did
/// not read (`settle_log`). App lifetime: it ends when the log is read or the state is gone.
/// Not `lifetime::repeat`: its 30 ms slices are long tasks on a 4x-slower phone, and this runs
/// while the first screen is still being judged; each task here is a few milliseconds.
fn read_log_in_tasks(state: AppState) {
    set_timeout(
        move || {
            if state.read_log_some() {
                read_log_in_tasks(state);
            } else {
                state.settle_log();
            }
        },
        std::time::Duration::ZERO,
    );
}

/// The app around a loaded state: its app-lifetime listeners, the notices, the screens.
#[component]
fn Shell(state: AppState) -> impl IntoView {
    // These listeners belong to the App, so they live as long as the page: the App's owner is
    // the root one, never cleaned up (they would be removed with it, as in tests that unmount).
    // Save at once when the page is hidden or closed (tab switch, reload, app switch).
    lifetime::on_window(leptos::ev::pagehide, move |_| state.flush());
    lifetime::on_window(leptos::ev::visibilitychange, move |_| {
        state.flush();
        state.refresh_today();
        state.auto_lock_on_visibility(platform::hidden());
    });
    // Another tab or window saved something: fold it in.
    lifetime::on_window(leptos::ev::storage, move |ev| {
        let from_local_storage = ev
            .storage_area()
            .zip(web_sys::window().and_then(|w| w.local_storage().ok().flatten()))
            .is_some_and(|(area, local)| area == local);
        if from_local_storage {
            state.on_storage_event(ev.key(), ev.new_value());
        }
    });
    // The colour scheme: follow the device unless the user picked one.
    Effect::new(move |_| {
        let theme = state.settings.with(|s| s.theme.clone());
        platform::set_theme(&theme);
        state.note_theme(&theme);
    });
    // Once the first screen is drawn: what it does not need. The service worker's registration
    // and asking whether storage is kept, in a task after that frame; then the review log, which
    // start-up leaves unread (see `state::preload_read`), a few months a task, unless something
    // read it before.
    request_animation_frame(move || {
        set_timeout(
            move || {
                state.check_persistence();
                service_worker::register(state);
            },
            std::time::Duration::ZERO,
        );
        read_log_in_tasks(state);
    });
    crate::install::provide();

    view! {
        // With the lock on (from the moment it is turned on): "Lock now" in a slim header above
        // the screen (not in the bottom bar).
        <Show when=move || state.lock_on_tracked()>
            <header class="lock-bar">
                <button type="button" class="button quiet small" on:click=click(move |_| state.lock_now())>
                    "Lock now"
                </button>
            </header>
        </Show>
        <NoticeBar/>
        <main id="main" tabindex="-1">
            <Routes fallback=NotFound>
                <Route path=path!("/") view=Today/>
                <Route path=path!("/interviews") view=InterviewList/>
                <Route path=path!("/interviews/new") view=InterviewNew/>
                <Route path=path!("/interviews/:id") view=InterviewDetail/>
                <Route path=path!("/interviews/:id/prep") view=PrepSheet/>
                <Route path=path!("/questions") view=QuestionBank/>
                <Route path=path!("/questions/:id") view=QuestionDetail/>
                <Route path=path!("/practice") view=Practice/>
                <Route path=path!("/practice/write") view=WriteAnswers/>
                <Route path=path!("/plan") view=PlanPage/>
                <Route path=path!("/journey") view=JourneyPage/>
                <Route path=path!("/search") view=SearchPage/>
                <Route path=path!("/more") view=MorePage/>
                <Route path=path!("/settings") view=SettingsPage/>
            </Routes>
        </main>
        <UndoToast/>
    }
}
