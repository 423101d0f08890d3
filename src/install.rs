//! Installing Rebound to the home screen: the browser's own install prompt, kept when the
//! browser offers it (`beforeinstallprompt`) so that the install nudge can show it with one tap.
//! Listened for from the App's start, because the browser offers it once, early; the listeners
//! belong to the App and live as long as the page.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::lifetime;

thread_local! {
    /// The browser's deferred install prompt, until it is used.
    static OFFERED: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// Whether the browser's install prompt is ready, and whether Rebound was installed from this
/// page: in context for the install nudge.
#[derive(Clone, Copy)]
pub struct Install {
    pub ready: RwSignal<bool>,
    pub done: RwSignal<bool>,
}

/// Start listening for the browser's install prompt, and put [`Install`] in context.
pub fn provide() {
    let install = Install {
        ready: RwSignal::new(false),
        done: RwSignal::new(false),
    };
    if let Some(w) = web_sys::window() {
        let target: web_sys::EventTarget = w.into();
        lifetime::on(&target, "beforeinstallprompt", move |ev| {
            // Keep the browser's own banner away: the nudge offers it at a better moment.
            ev.prevent_default();
            OFFERED.with(|o| *o.borrow_mut() = Some(ev.into()));
            install.ready.set(true);
        });
        lifetime::on(&target, "appinstalled", move |_| {
            OFFERED.with(|o| o.borrow_mut().take());
            install.ready.set(false);
            install.done.set(true);
        });
    }
    provide_context(install);
}

/// Show the browser's install prompt (it can be shown once; the browser may offer it again).
pub fn prompt(install: Install) {
    let Some(offered) = OFFERED.with(|o| o.borrow_mut().take()) else {
        return;
    };
    install.ready.set(false);
    if let Ok(f) = js_sys::Reflect::get(&offered, &"prompt".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&offered);
        }
    }
}
