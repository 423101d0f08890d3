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

#[wasm_bindgen_test]
async fn rating_and_undo_change_the_schedule_exactly() {
    clear_storage();
    let el = container();
    let state_out = std::rc::Rc::new(std::cell::RefCell::new(None));
    let out = state_out.clone();
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        let state = AppState::init();
        provide_context(state);
        *out.borrow_mut() = Some(state);
        view! { <rebound::pages::practice::Practice/> }
    });
    sleep(50).await;
    let state = state_out.borrow().expect("state");
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
    let handle = leptos::mount::mount_to(el.clone(), || {
        provide_context(AppState::init());
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
    let _handle = leptos::mount::mount_to(el.clone(), || {
        provide_context(AppState::init());
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
    clear_storage();
}
