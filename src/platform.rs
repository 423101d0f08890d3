//! Small bridges to the browser that are not storage: the clock, random numbers, downloads.

use chrono::NaiveDate;
use wasm_bindgen::JsCast;

use crate::core::display;
use crate::core::model::Millis;

/// A User Timing mark (`performance.mark`), for the benchmark (`rebound:start`,
/// `rebound:mounted`, `rebound:derive`, `rebound:derived`); nothing else reads it.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Milliseconds since the epoch, from the device clock.
pub fn now_ms() -> Millis {
    js_sys::Date::now() as Millis
}

/// Today's date on the device, in its local time zone.
pub fn today() -> NaiveDate {
    local_day(&js_sys::Date::new_0())
}

/// The local day of `d`.
fn local_day(d: &js_sys::Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// The local date and time on the device, to the minute (day and time read from one clock
/// reading, so they agree across midnight).
pub fn now_local() -> chrono::NaiveDateTime {
    let d = js_sys::Date::new_0();
    local_day(&d)
        .and_hms_opt(d.get_hours(), d.get_minutes(), 0)
        .unwrap_or_default()
}

/// Open the first `<details>` inside the element with id `id` (a plan item's row), as a tap on
/// it would.
pub fn open_details_in(id: &str) {
    if let Some(details) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.query_selector("details").ok().flatten())
    {
        let _ = details.set_attribute("open", "");
    }
}

/// Local midnight today, in ms since the epoch (for "new cards today").
pub fn today_start() -> Millis {
    let d = js_sys::Date::new_0();
    d.set_hours(0);
    d.set_minutes(0);
    d.set_seconds(0);
    d.set_milliseconds(0);
    d.get_time() as Millis
}

/// Entropy for ids (not for secrets).
pub fn entropy() -> u64 {
    (js_sys::Math::random() * 4_294_967_296.0) as u64
}

/// A fresh record id.
pub fn new_id() -> String {
    crate::core::model::new_id(now_ms(), entropy())
}

/// Offer `text` to the user as a file download named `file_name`.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    download_parts(
        file_name,
        mime,
        &js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text)),
    )
}

/// [`download_text`] of a file given in parts (texts or bytes, joined in order), so that a
/// large file is handed over a piece at a time.
pub fn download_parts(file_name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    let fail = |what: &str| format!("could not prepare the download ({what})");
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(parts, &options)
        .map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("url"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("document"))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("link"))?
        .dyn_into()
        .map_err(|_| fail("link"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Move keyboard and screen-reader focus to the first element matching `selector`.
pub fn focus(selector: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Scroll the element with `id` into view.
pub fn scroll_to_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.scroll_into_view();
    }
}

/// `navigator.storage`, where the browser has it (secure contexts in current browsers).
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let has = js_sys::Reflect::get(&navigator, &"storage".into())
        .ok()
        .is_some_and(|v| v.is_object());
    has.then(|| navigator.storage())
}

async fn promise_value(
    promise: Result<js_sys::Promise, wasm_bindgen::JsValue>,
) -> Option<wasm_bindgen::JsValue> {
    wasm_bindgen_futures::JsFuture::from(promise.ok()?)
        .await
        .ok()
}

/// Whether the browser has agreed to keep this site's data (`None`: cannot tell).
pub async fn storage_persisted() -> Option<bool> {
    promise_value(storage_manager()?.persisted())
        .await?
        .as_bool()
}

/// Ask the browser to keep this site's data; returns its answer (`None`: not supported).
pub async fn storage_persist() -> Option<bool> {
    promise_value(storage_manager()?.persist()).await?.as_bool()
}

/// The browser's estimate of bytes used and available for this site (`None`: not supported).
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let value = promise_value(storage_manager()?.estimate()).await?;
    let get = |name: &str| {
        js_sys::Reflect::get(&value, &name.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some((get("usage")?, get("quota")?))
}

/// Whether the system share sheet can share a file here (Web Share with files; mostly phones).
pub fn can_share_files() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let Ok(can_share) = js_sys::Reflect::get(&navigator, &"canShare".into()) else {
        return false;
    };
    let Some(can_share) = can_share.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    let probe = js_sys::Array::of1(&"{}".into());
    let Ok(probe) = file_of("probe.json", "application/json", &probe) else {
        return false;
    };
    can_share
        .call1(&navigator, &share_data(&probe, "probe"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

fn file_of(
    name: &str,
    mime: &str,
    parts: &js_sys::Array,
) -> Result<web_sys::File, wasm_bindgen::JsValue> {
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    web_sys::File::new_with_str_sequence_and_options(parts, name, &options)
}

fn share_data(file: &web_sys::File, title: &str) -> js_sys::Object {
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(file));
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    data
}

/// Open the system share sheet with `text` as a file. `Ok(true)`: shared; `Ok(false)`: the user
/// closed the sheet.
pub async fn share_file(
    file_name: &str,
    mime: &str,
    parts: &js_sys::Array,
) -> Result<bool, String> {
    let window = web_sys::window().ok_or("no window")?;
    let navigator = window.navigator();
    let file = file_of(file_name, mime, parts).map_err(|_| "could not prepare the file")?;
    let share = js_sys::Reflect::get(&navigator, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("sharing files is not supported here")?;
    let promise = share
        .call1(&navigator, &share_data(&file, file_name))
        .map_err(|_| "the share sheet could not open")?;
    let promise: js_sys::Promise = promise
        .dyn_into()
        .map_err(|_| "the share sheet could not open")?;
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => Ok(true),
        Err(_) => Ok(false),
    }
}

/// Read a picked file's bytes, refusing anything larger than `max_bytes` before reading it.
pub async fn read_file_bytes(file: &web_sys::File, max_bytes: f64) -> Result<Vec<u8>, String> {
    if file.size() > max_bytes {
        return Err(format!(
            "This file is {} MB, far larger than any Rebound backup (at most {} MB). Nothing was changed.",
            display::one_decimal(file.size() / 1_000_000.0),
            display::whole(max_bytes / 1_000_000.0)
        ));
    }
    // Bytes, not text: the browser decodes nothing, and the bytes are copied in at once (a
    // large backup decoded to text and back costs a long task on a phone).
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "The file could not be read. Nothing was changed.".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Put `text` on the clipboard. `Err` with a plain reason when the browser will not (no
/// clipboard API here, or permission refused): the caller says so and leaves the text visible.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let navigator = web_sys::window().ok_or("no window")?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|c| c.is_object())
        .ok_or("this browser has no clipboard access here")?;
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("this browser cannot copy text here")?;
    let promise = write
        .call1(&clipboard, &text.into())
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or("copying was refused")?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| "copying was refused".to_string())
}

/// Set `data-theme` on the root element ("light" or "dark"), or remove it to follow the device.
pub fn set_theme(theme: &str) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match theme {
        "light" | "dark" => root.set_attribute("data-theme", theme),
        _ => root.remove_attribute("data-theme"),
    };
}

/// A parameter of the current page's query string (`None` when absent or unreadable).
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Reload the page.
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// A local date and time (as the device's time zone reads it) in ms since the epoch; `None`
/// for a time the browser cannot place.
pub fn local_ms(t: chrono::NaiveDateTime) -> Option<Millis> {
    use chrono::{Datelike, Timelike};
    let d = js_sys::Date::new_with_year_month_day_hr_min(
        t.year() as u32,
        t.month0() as i32,
        t.day() as i32,
        t.hour() as i32,
        t.minute() as i32,
    );
    let ms = d.get_time();
    ms.is_finite().then_some(ms as Millis)
}

/// Open the browser's print dialog (the prep sheet).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Whether this is an iPhone or iPad (iPadOS says "Macintosh", with a touch screen), where
/// Safari deletes a site's data after seven days without a visit unless it is on the Home
/// Screen.
pub fn is_ios() -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let ua = nav.user_agent().unwrap_or_default();
    ["iPhone", "iPad", "iPod"].iter().any(|d| ua.contains(d))
        || (ua.contains("Macintosh") && nav.max_touch_points() > 1)
}

/// Whether Rebound runs installed (from the home screen, in its own window).
pub fn installed() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let standalone = w
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    // iOS Safari says so through `navigator.standalone` instead.
    standalone
        || js_sys::Reflect::get(&w.navigator(), &"standalone".into())
            .is_ok_and(|v| v.as_bool() == Some(true))
}

/// Whether the page is hidden (another tab or app in front, the screen off).
pub fn hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}
