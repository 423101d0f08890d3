//! Registers the service worker (release builds only) and runs the update flow: a waiting new
//! version raises `Notice::UpdateReady`, and takes over only when the user presses Reload.
//!
//! Lifetimes: everything here lives as long as the page, on purpose. `register` runs once, from
//! the App; the handlers are the `on…` properties of the page's one worker container and
//! registration (set once, each replacing the last, never added up), and they write only app
//! state. So they are forgotten rather than tied to an owner (see `lifetime`).

use leptos::task::spawn_local as spawn;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::state::{AppState, Notice};

thread_local! {
    /// Set when the user pressed Reload on "a new version is ready".
    static RELOAD_REQUESTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Older browsers and insecure origins have no `serviceWorker`.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()?
        .then(|| navigator.service_worker())
}

/// Register `/sw.js` and watch for updates.
pub fn register(state: AppState) {
    if cfg!(debug_assertions) {
        return; // a caching worker in development would serve stale builds
    }
    let Some(sw) = container() else {
        return;
    };
    // When a new worker takes control after the user chose Reload, load the new version. The
    // first worker also takes control (clients.claim) on a first visit: that must not reload,
    // or it would wipe whatever the user had started typing.
    // Page lifetime (see the module doc): forgotten below.
    let on_change = Closure::<dyn FnMut()>::new(|| {
        if RELOAD_REQUESTED.with(|r| r.get()) {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
    sw.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();

    spawn(async move {
        let promise = sw.register("/sw.js");
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        watch(state, &reg);
    });
}

fn has_controller() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

fn watch(state: AppState, reg: &web_sys::ServiceWorkerRegistration) {
    if reg.waiting().is_some() && has_controller() {
        state.notify(Notice::UpdateReady);
    }
    let reg2 = reg.clone();
    let on_found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = reg2.installing() else {
            return;
        };
        let worker = installing.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            if worker.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
                state.notify(Notice::UpdateReady);
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        // One per new version found (a handful in the page's life), kept with its worker.
        on_state.forget();
    });
    reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    // Page lifetime: set once, after registering (see the module doc).
    on_found.forget();
}

/// Tell the waiting worker to take over; `controllerchange` then reloads the page.
pub fn activate_waiting() {
    let Some(sw) = container() else {
        return;
    };
    RELOAD_REQUESTED.with(|r| r.set(true));
    spawn(async move {
        let Ok(ready) = sw.ready() else {
            return;
        };
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(ready).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        match reg.waiting() {
            Some(waiting) => {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
                let _ = waiting.post_message(&message);
            }
            None => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        }
    });
}
