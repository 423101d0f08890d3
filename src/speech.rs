//! Read-aloud with the browser's on-device speech synthesis, and the screen wake lock. Both are
//! optional: when the browser has neither, the controls that use them are not shown.

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

/// Call `f` when the list of voices changes (browsers load them lazily).
pub fn on_voices_changed(f: impl Fn() + 'static) {
    if let Some(s) = synth() {
        let closure = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
        s.set_onvoiceschanged(Some(closure.as_ref().unchecked_ref()));
        closure.forget();
    }
}

/// Speak `text`, in the voice named `voice` when it exists.
pub fn speak(text: &str, voice: &str) {
    let Some(s) = synth() else {
        return;
    };
    s.cancel();
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
    s.speak(&utterance);
}

pub fn stop() {
    if let Some(s) = synth() {
        s.cancel();
    }
}

/// Keep the screen on while practising, where the browser offers a wake lock. Returns the
/// lock's sentinel (release it with [`release_wake_lock`]), or `None`.
pub async fn keep_screen_on() -> Option<JsValue> {
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

pub fn release_wake_lock(sentinel: &JsValue) {
    if let Ok(release) = js_sys::Reflect::get(sentinel, &"release".into()) {
        if let Ok(f) = release.dyn_into::<js_sys::Function>() {
            let _ = f.call0(sentinel);
        }
    }
}
