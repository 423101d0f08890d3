//! Tier 2: importing through the Settings component in headless Chromium. A file that fails to
//! import leaves localStorage byte for byte as it was.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use rebound::core::model::Interview;
use rebound::state::AppState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

/// Every key and value in localStorage, sorted.
fn everything() -> Vec<(String, String)> {
    let s = local();
    let mut out = Vec::new();
    for i in 0..s.length().unwrap_or(0) {
        if let Ok(Some(k)) = s.key(i) {
            let v = s.get_item(&k).ok().flatten().unwrap_or_default();
            out.push((k, v));
        }
    }
    out.sort();
    out
}

async fn sleep(ms: i32) {
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |ok, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&ok, ms);
    }))
    .await;
}

/// Put a file with `text` into the file input, as picking it would.
fn pick_file(input: &web_sys::HtmlInputElement, text: &str) {
    let set = js_sys::Function::new_with_args(
        "input, text",
        "const dt = new DataTransfer(); \
         dt.items.add(new File([text], 'backup.json', { type: 'application/json' })); \
         input.files = dt.files; \
         input.dispatchEvent(new Event('change', { bubbles: true }));",
    );
    set.call2(&wasm_bindgen::JsValue::NULL, input, &text.into())
        .expect("set the file");
}

#[wasm_bindgen_test]
async fn a_failed_import_leaves_storage_byte_for_byte_unchanged() {
    local().clear().unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&el).unwrap();
    let _handle = leptos::mount::mount_to(el.clone(), || {
        let state = AppState::init();
        provide_context(state);
        state.add_interview(Interview {
            company: "Stays".into(),
            ..Interview::default()
        });
        state.edit_reflection("x", |r| r.vent = "ugh ✓".into());
        state.flush();
        view! { <rebound::components::your_data::YourData/> }
    });
    sleep(50).await;
    let before = everything();
    assert!(before
        .iter()
        .any(|(k, v)| k == "rebound.interviews" && v.contains("Stays")));

    let input: web_sys::HtmlInputElement = el
        .query_selector("#import-file")
        .unwrap()
        .expect("file input")
        .unchecked_into();
    let bad_files = [
        "not json at all",
        r#"{"app":"rebound","schema":1,"collections":{"interviews":[{"id":"a"},{"id":"a"}]}}"#,
        r#"{"app":"rebound","schema":1,"collections":{"interviews":[{"id":"a","stage":["moon"]}]}}"#,
        r#"{"app":"rebound","schema":42,"collections":{}}"#,
        r#"[1,2,3]"#,
        "",
    ];
    for text in bad_files {
        pick_file(&input, text);
        sleep(100).await;
        let message = el
            .query_selector("[data-testid=import-error]")
            .unwrap()
            .map(|e| e.text_content().unwrap_or_default())
            .unwrap_or_default();
        assert!(
            message.to_lowercase().contains("nothing was changed"),
            "for {text:?}: {message:?}"
        );
        assert!(el
            .query_selector("[data-testid=import-preview]")
            .unwrap()
            .is_none());
        assert_eq!(everything(), before, "storage unchanged for {text:?}");
    }
    local().clear().unwrap();
}
