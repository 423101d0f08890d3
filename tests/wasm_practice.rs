//! Tier 2: the practice screen in headless Chromium: rating and undo change what is stored;
//! read-aloud controls appear only where the browser has speech synthesis.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use rebound::state::AppState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear_storage() {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.clear();
    }
}

async fn sleep(ms: i32) {
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |ok, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&ok, ms);
    }))
    .await;
}

fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn click(root: &web_sys::HtmlElement, css: &str) {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no {css}"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

fn text(root: &web_sys::HtmlElement, css: &str) -> String {
    root.query_selector(css)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Answer the first `n` starter questions: since issue 14 only answered questions are cards.
fn answer_some(state: &AppState, n: usize) {
    for s in rebound::core::questions::STARTER.iter().take(n) {
        state.edit_answer(
            s.id,
            Box::new(|a| a.text = "What I did, and what came of it.".to_string()),
        );
    }
}

#[wasm_bindgen_test]
async fn rating_and_undo_change_the_schedule_exactly() {
    clear_storage();
    let el = container();
    // For the page's life, as the App holds it: the save timer a rating arms must not find it
    // disposed after the test (and is flushed before the storage is cleared).
    let state = AppState::init();
    answer_some(&state, 12);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(state);
        view! { <rebound::pages::practice::Practice/> }
    });
    sleep(50).await;
    assert_eq!(text(&el, "[data-testid=due-left]"), "10 cards to go");
    let first = text(&el, "[data-testid=flash-question]");

    click(&el, ".button.primary.big"); // Show my answer
    sleep(20).await;
    click(&el, ".rate-3"); // Good
    sleep(50).await;
    assert_eq!(text(&el, "[data-testid=due-left]"), "9 cards to go");
    assert_eq!(state.reviews.get_untracked().len(), 1);
    assert_eq!(state.cards.get_untracked().len(), 1);
    assert_ne!(text(&el, "[data-testid=flash-question]"), first);

    click(&el, ".practice-controls .button.quiet"); // Undo last rating
    sleep(50).await;
    assert_eq!(text(&el, "[data-testid=due-left]"), "10 cards to go");
    assert!(state.reviews.get_untracked().is_empty());
    assert!(
        state.cards.get_untracked().is_empty(),
        "a new card is new again"
    );
    assert_eq!(text(&el, "[data-testid=flash-question]"), first);
    state.flush(); // the pending save, before the storage is cleared
    clear_storage();
}

#[wasm_bindgen_test]
async fn read_aloud_controls_follow_the_browser() {
    clear_storage();
    let window = web_sys::window().unwrap();
    let has_speech = js_sys::Reflect::get(&window, &"speechSynthesis".into())
        .map(|v| v.is_object())
        .unwrap_or(false);
    let el = container();
    let state = AppState::init();
    answer_some(&state, 2);
    let handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(state);
        view! { <rebound::pages::practice::Practice/> }
    });
    sleep(30).await;
    assert_eq!(
        el.query_selector("[data-testid=speech-controls]")
            .unwrap()
            .is_some(),
        has_speech
    );
    drop(handle);

    // Take speech synthesis away, as on a browser without it.
    let hide = js_sys::Function::new_no_args(
        "Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });",
    );
    hide.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    let el = container();
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(state);
        view! { <rebound::pages::practice::Practice/> }
    });
    sleep(30).await;
    assert!(el
        .query_selector("[data-testid=speech-controls]")
        .unwrap()
        .is_none());
    assert!(
        el.query_selector("[data-testid=flash-question]")
            .unwrap()
            .is_some(),
        "practice still works"
    );
    state.flush();
    clear_storage();
}

// ----- lifetimes: nothing Practice (or anything) starts outlives it -----

/// How many uncaught errors the page has reported so far: a panic in a listener or a timer
/// (with `panic = "abort"`, an `unreachable` trap) is reported there, not to the caller.
fn uncaught_errors() -> f64 {
    js_sys::Function::new_no_args(
        "if (window.__uncaught === undefined) { window.__uncaught = 0; \
           window.addEventListener('error', () => { window.__uncaught += 1; }); } \
         return window.__uncaught;",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap()
    .as_f64()
    .unwrap()
}

/// Dispatch a keydown of `key` on `window`, as a key pressed outside any field.
fn press(key: &str) {
    let window = web_sys::window().unwrap();
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"key".into(), &key.into()).unwrap();
    js_sys::Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    let ctor: js_sys::Function = js_sys::Reflect::get(&window, &"KeyboardEvent".into())
        .unwrap()
        .unchecked_into();
    let args = js_sys::Array::of2(&"keydown".into(), &init);
    let event: web_sys::Event = js_sys::Reflect::construct(&ctor, &args)
        .unwrap()
        .unchecked_into();
    window.dispatch_event(&event).unwrap();
}

const EVERY_KEY: [&str; 14] = [
    " ",
    "Enter",
    "1",
    "2",
    "3",
    "4",
    "u",
    "U",
    "Escape",
    "ArrowUp",
    "ArrowDown",
    "ArrowLeft",
    "ArrowRight",
    " ",
];

#[wasm_bindgen_test]
async fn keys_after_leaving_practice_do_nothing_and_never_panic() {
    clear_storage();
    let errors = uncaught_errors();
    let el = container();
    let state = AppState::init(); // for the page's life, as the App holds it
    answer_some(&state, 12);
    let handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(state);
        view! { <rebound::pages::practice::Practice/> }
    });
    sleep(50).await;
    // While the screen is open, the keys work: Space shows the answer, 3 rates it Good.
    press(" ");
    sleep(20).await;
    assert!(
        el.query_selector(".ratings").unwrap().is_some(),
        "Space shows the answer"
    );
    press("3");
    sleep(50).await;
    assert_eq!(state.reviews.get_untracked().len(), 1);
    assert_eq!(text(&el, "[data-testid=due-left]"), "9 cards to go");

    drop(handle);
    sleep(20).await;
    for key in EVERY_KEY {
        press(key);
    }
    sleep(50).await;
    assert_eq!(
        uncaught_errors(),
        errors,
        "a key after leaving Practice panicked"
    );
    assert_eq!(
        state.reviews.get_untracked().len(),
        1,
        "a key after leaving rated nothing"
    );
    state.flush(); // the pending save, before the storage is cleared
    clear_storage();
}

/// A fake `navigator.wakeLock` whose requests wait until the test grants them.
fn fake_wake_lock() {
    js_sys::Function::new_no_args(
        "window.__wl = { requests: 0, released: 0, pending: [] }; \
         Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: { \
           request(kind) { window.__wl.requests++; return new Promise(ok => window.__wl.pending.push( \
             () => ok({ release() { window.__wl.released++; return Promise.resolve(); } }))); } } });",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
}

fn wake_lock(field: &str) -> f64 {
    js_sys::Function::new_with_args("f", "return window.__wl[f];")
        .call1(&wasm_bindgen::JsValue::NULL, &field.into())
        .unwrap()
        .as_f64()
        .unwrap()
}

fn grant_wake_lock() {
    js_sys::Function::new_no_args("window.__wl.pending.shift()();")
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_wake_lock_never_outlives_commute_mode_or_the_screen() {
    clear_storage();
    fake_wake_lock();
    let state = AppState::init(); // for the page's life, as the App holds it
    state.edit_settings(|s| s.commute_mode = true);
    let mount = || {
        leptos::mount::mount_to(container(), move || {
            provide_context(state);
            view! { <rebound::pages::practice::Practice/> }
        })
    };

    // Left before the browser grants the lock: released the moment it arrives.
    let handle = mount();
    sleep(30).await;
    assert_eq!(wake_lock("requests"), 1.0);
    drop(handle);
    grant_wake_lock();
    sleep(20).await;
    assert_eq!(wake_lock("released"), 1.0, "a late lock is let go at once");

    // Granted while open: held until commute mode goes off, then until the screen goes.
    let handle = mount();
    sleep(30).await;
    assert_eq!(wake_lock("requests"), 2.0);
    grant_wake_lock();
    sleep(20).await;
    assert_eq!(wake_lock("released"), 1.0, "held while commuting");
    state.edit_settings(|s| s.commute_mode = false);
    sleep(20).await;
    assert_eq!(wake_lock("released"), 2.0, "commute mode off lets go");
    state.edit_settings(|s| s.commute_mode = true);
    sleep(20).await;
    assert_eq!(wake_lock("requests"), 3.0);
    grant_wake_lock();
    sleep(20).await;
    drop(handle);
    sleep(20).await;
    assert_eq!(wake_lock("released"), 3.0, "leaving lets go");
    state.flush(); // the pending save, before the storage is cleared
    clear_storage();
}

#[wasm_bindgen_test]
async fn what_the_lifetime_helpers_start_stops_with_its_owner() {
    use rebound::lifetime;
    use std::cell::Cell;
    use std::rc::Rc;
    use std::time::Duration;

    // (timeouts, interval ticks, frames, keydowns, tasks kept, tasks released, holds released)
    #[derive(Default)]
    struct Seen([Cell<u32>; 7]);
    impl Seen {
        fn bump(&self, i: usize) {
            self.0[i].set(self.0[i].get() + 1);
        }
        fn get(&self, i: usize) -> u32 {
            self.0[i].get()
        }
    }
    fn start(seen: &Rc<Seen>) {
        let s = seen.clone();
        lifetime::timeout(move || s.bump(0), Duration::from_millis(5));
        let s = seen.clone();
        lifetime::interval(move || s.bump(1), Duration::from_millis(5));
        let s = seen.clone();
        lifetime::frame(move || s.bump(2));
        let s = seen.clone();
        lifetime::on_window(leptos::ev::keydown, move |_| s.bump(3));
        let (kept, released) = (seen.clone(), seen.clone());
        lifetime::task(
            sleep(10),
            move |()| kept.bump(4),
            move |()| released.bump(5),
        );
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(0));
        let count = flag.clone();
        lifetime::on_cleanup_local(move || {
            count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        });
        LOCAL_CLEANUPS.with(|h| h.borrow_mut().push(flag));
    }
    thread_local! {
        static LOCAL_CLEANUPS: std::cell::RefCell<Vec<std::sync::Arc<std::sync::atomic::AtomicU32>>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    let local_cleanups = |i: usize| {
        LOCAL_CLEANUPS.with(|h| h.borrow()[i].load(std::sync::atomic::Ordering::Relaxed))
    };

    // A live owner: everything runs (so the check below is not vacuous).
    let live = Rc::new(Seen::default());
    let owner = Owner::new();
    owner.with(|| start(&live));
    sleep(200).await;
    press("x");
    assert_eq!(live.get(0), 1, "timeout");
    assert!(live.get(1) >= 2, "interval");
    assert_eq!(live.get(2), 1, "frame");
    assert_eq!(live.get(3), 1, "listener");
    assert_eq!((live.get(4), live.get(5)), (1, 0), "task kept");
    assert_eq!(local_cleanups(0), 0, "held while the owner lives");
    let ticks = live.get(1);
    owner.cleanup();
    assert_eq!(local_cleanups(0), 1, "released with the owner");
    sleep(50).await;
    press("x");
    assert_eq!(live.get(1), ticks, "the interval stopped");
    assert_eq!(live.get(3), 1, "the listener is gone");

    // An owner gone at once: nothing fires, and the task's result is released.
    let gone = Rc::new(Seen::default());
    let owner = Owner::new();
    owner.with(|| start(&gone));
    drop(owner);
    assert_eq!(local_cleanups(1), 1, "released when the owner is dropped");
    sleep(200).await;
    press("x");
    for (i, what) in ["timeout", "interval", "frame", "listener", "task kept"]
        .iter()
        .enumerate()
    {
        assert_eq!(gone.get(i), 0, "{what} ran after its owner went");
    }
    assert_eq!(gone.get(5), 1, "the task's result was released");
}
