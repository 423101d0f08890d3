//! Read-aloud with the browser's on-device speech synthesis, and the screen wake lock. Both are
//! optional: when the browser has neither, the controls that use them are not shown.
//! Like everything a screen starts, each is let go when its owner goes (see `lifetime`): speech
//! stops, the voice-list subscription is removed, the wake lock is released.

use wasm_bindgen::{JsCast, JsValue};

fn synth() -> Option<web_sys::SpeechSynthesis> {
    let window = web_sys::window()?;
    let has = js_sys::Reflect::get(&window, &"speechSynthesis".into())
        .ok()
        .is_some_and(|v| v.is_object());
    if !has {
        return None;
    }
    window.speech_synthesis().ok()
}

/// Whether read-aloud can be offered at all.
pub fn available() -> bool {
    synth().is_some()
}

/// The names of the voices on this device, local (on-device) ones only when there are any.
pub fn voices() -> Vec<String> {
    let Some(s) = synth() else {
        return Vec::new();
    };
    let all: Vec<web_sys::SpeechSynthesisVoice> = s
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
        .collect();
    let local: Vec<_> = all.iter().filter(|v| v.local_service()).collect();
    let chosen: Vec<_> = if local.is_empty() {
        all.iter().collect()
    } else {
        local
    };
    chosen.into_iter().map(|v| v.name()).collect()
}

/// Call `f` when the list of voices changes (browsers load them lazily), until the current
/// owner is cleaned up. A listener rather than the `onvoiceschanged` property: a screen that
/// goes cannot unset a newer screen's handler.
pub fn on_voices_changed(f: impl Fn() + 'static) {
    if let Some(s) = synth() {
        crate::lifetime::on(&s, "voiceschanged", move |_| f());
    }
}

/// Speak `text`, in the voice named `voice` when it exists. Speech stops when the current owner
/// is cleaned up (the screen left, or the effect that asked runs again).
pub fn speak(text: &str, voice: &str) {
    speak_then(text, voice, None::<fn()>);
}

/// [`speak`], then `done` when the utterance has been read out (its `end` event), unless the
/// current owner is cleaned up first (the listener goes with it).
pub fn speak_then(text: &str, voice: &str, done: Option<impl Fn() + 'static>) {
    let Some(s) = synth() else {
        return;
    };
    s.cancel();
    leptos::prelude::on_cleanup(stop);
    let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    if let Some(v) = s
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
        .find(|v| v.name() == voice)
    {
        utterance.set_voice(Some(&v));
    }
    if let Some(done) = done {
        crate::lifetime::on(&utterance, "end", move |_| done());
    }
    s.speak(&utterance);
}

pub fn stop() {
    if let Some(s) = synth() {
        s.cancel();
    }
}

/// Keep the screen on, where the browser offers a wake lock, until the current owner is cleaned
/// up. A lock granted after that (the request is a promise) is released as soon as it arrives.
pub fn keep_screen_on() {
    crate::lifetime::task(
        request_wake_lock(),
        |lock| {
            if let Some(lock) = lock {
                crate::lifetime::on_cleanup_local(move || release_wake_lock(&lock));
            }
        },
        |lock| {
            if let Some(lock) = lock {
                release_wake_lock(&lock);
            }
        },
    );
}

/// The lock's sentinel, or `None`.
async fn request_wake_lock() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let wake_lock = js_sys::Reflect::get(&navigator, &"wakeLock".into()).ok()?;
    if !wake_lock.is_object() {
        return None;
    }
    let request: js_sys::Function = js_sys::Reflect::get(&wake_lock, &"request".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: js_sys::Promise = request
        .call1(&wake_lock, &"screen".into())
        .ok()?
        .dyn_into()
        .ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

fn release_wake_lock(sentinel: &JsValue) {
    if let Ok(release) = js_sys::Reflect::get(sentinel, &"release".into()) {
        if let Ok(f) = release.dyn_into::<js_sys::Function>() {
            let _ = f.call0(sentinel);
        }
    }
}
