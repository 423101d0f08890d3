//! Tier 2: components rendered into the real DOM of headless Chromium.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use rebound::core::model::{Interview, Outcome, RejectionReason, Stage};
use rebound::state::AppState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear_storage() {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.clear();
    }
}

fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

async fn tick() {
    // Let effects and scheduled renders run.
    let promise = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |ok, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&ok, 20);
    }))
    .await;
}

#[wasm_bindgen_test]
async fn today_shows_pipeline_and_gentle_nudge() {
    clear_storage();
    let el = container();
    let handle = leptos::mount::mount_to(el.clone(), || {
        let state = AppState::init();
        provide_context(state);
        state.add_interview(Interview {
            company: "Acme".into(),
            stage: Stage::Interview,
            ..Interview::default()
        });
        state.add_interview(Interview {
            company: "Globex".into(),
            outcome: Outcome::Rejected,
            ..Interview::default()
        });
        view! { <rebound::pages::today::Today/> }
    });
    tick().await;
    let text = el.inner_text();
    assert!(text.contains("1 active opportunity"), "{text}");
    assert!(text.contains("eggs are in one basket"), "{text}");
    drop(handle);
    clear_storage();
}

#[wasm_bindgen_test]
async fn rejection_section_answers_kindly_and_renders_text_inert() {
    clear_storage();
    let el = container();
    let handle = leptos::mount::mount_to(el.clone(), || {
        let state = AppState::init();
        provide_context(state);
        let id = state.add_interview(Interview {
            company: "<img src=x onerror=alert(1)>".into(),
            outcome: Outcome::Rejected,
            rejection_reasons: vec![RejectionReason {
                text: "They hired an internal candidate".into(),
                in_my_control: false,
                ..RejectionReason::default()
            }],
            ..Interview::default()
        });
        view! { <rebound::components::rejection::RejectionSection interview_id=id/> }
    });
    tick().await;
    let text = el.inner_text();
    assert!(text.contains("nothing here to take personally"), "{text}");
    assert!(text.contains("Reflect while it's fresh"), "{text}");
    assert!(
        el.query_selector("img").unwrap().is_none(),
        "markup is shown as text"
    );
    drop(handle);
    clear_storage();
}
