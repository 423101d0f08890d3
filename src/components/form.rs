//! Form parts: a text field, a select fed by a [`Choice`], and a section card with its heading.
//!
//! Each is one non-generic component, so with `--cfg erase_components` its markup is compiled
//! once instead of at every place a form is written.
//!
//! - [`TextField`]: label, optional placeholder and help, one line or many. Inputs are
//!   uncontrolled when given a plain `String` (filled once, never re-rendered while typing) and
//!   follow a signal when given one. `on_input` gets the text already cut to
//!   [`MAX_FIELD_CHARS`]: the cap lives here, once. Text areas grow with their text (CSS
//!   `field-sizing: content`; where the browser lacks it, the height is set from `scrollHeight`).
//! - [`ChoiceSelect`]: a labelled `<select>`. [`choices`] turns a [`Choice`] into its options;
//!   a value this build does not know (from a newer version) is an extra, selected option that
//!   stays on offer, so choosing it again keeps it.
//! - [`DateField`]: a labelled date input that reports a day only when the text is one.
//! - [`Card`]: `<section class="card …" aria-labelledby=ID><h2 id=ID>title</h2>…</section>`.

use std::borrow::Cow;

use crate::erase::{change, input};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use chrono::NaiveDate;

use crate::core::choice::Choice;
use crate::core::display;
use crate::core::model::MAX_FIELD_CHARS;

/// `text` cut to [`MAX_FIELD_CHARS`] characters.
pub fn clip(text: String) -> String {
    match text.char_indices().nth(MAX_FIELD_CHARS) {
        Some((end, _)) => text[..end].to_string(),
        None => text,
    }
}

/// How much of a form row a field takes.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub enum Width {
    /// One column of the form grid.
    #[default]
    Narrow,
    /// The whole row.
    Wide,
    /// The fix noted under a ticked mistake.
    Fix,
}

impl Width {
    fn class(self) -> &'static str {
        match self {
            Width::Narrow => "field",
            Width::Wide => "field field-wide",
            Width::Fix => "field fix",
        }
    }
}

/// Whether text areas size themselves (`field-sizing: content`); asked once.
fn sizes_itself() -> bool {
    thread_local! {
        static SUPPORTED: bool = web_sys::css::supports_with_value("field-sizing", "content")
            .unwrap_or(false);
    }
    SUPPORTED.with(|s| *s)
}

/// Where `field-sizing` is missing: a text area as tall as its text (CSSOM, which the CSP
/// allows; an inline style attribute it would not).
fn fit_height(el: &web_sys::HtmlElement) {
    let style = el.style();
    let _ = style.set_property("height", "auto");
    // The border is outside `scrollHeight`; boxes are `border-box`.
    let border = el.offset_height() - el.client_height();
    let _ = style.set_property(
        "height",
        &format!("{}px", el.scroll_height() + border.max(0)),
    );
}

/// [`fit_height`] for the text area with id `id`, if it is (still) in the page.
fn fit_height_of(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        fit_height(&el);
    }
}

/// A labelled text field: one line (`<input>`), or many (`<textarea>`) when `rows` is given.
#[component]
pub fn TextField(
    /// The element id (the label points at it).
    #[prop(into)]
    id: String,
    label: &'static str,
    /// The text: a `String` fills the field once (uncontrolled); a signal is followed.
    #[prop(into)]
    value: Signal<String>,
    /// Called with every edit, already cut to [`MAX_FIELD_CHARS`].
    on_input: Callback<String>,
    #[prop(optional)] name: Option<&'static str>,
    /// The placeholder.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// A line of help under the field, linked to it by `aria-describedby`.
    #[prop(optional)]
    help: Option<&'static str>,
    /// Many lines: a text area at least this many rows tall, growing with its text.
    #[prop(optional)]
    rows: Option<&'static str>,
    /// The input's type when one line: `text` unless given (`email`, `search`).
    #[prop(optional)]
    kind: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// A class on the input itself.
    #[prop(optional)]
    input_class: Option<&'static str>,
    #[prop(optional)] width: Width,
) -> impl IntoView {
    let help_id = help.map(|_| format!("{id}-help"));
    let described = help_id.clone();
    let control = match rows {
        None => view! {
            <input
                id=id.clone()
                name=name
                class=input_class
                type=kind.unwrap_or("text")
                autocomplete=autocomplete
                placeholder=hint
                aria-describedby=described
                prop:value=value
                on:input=input(move |ev| on_input.run(clip(event_target_value(&ev))))
            />
        }
        .into_any(),
        Some(rows) => {
            let grows = !sizes_itself();
            let fit_id = id.clone();
            view! {
                <textarea
                    id=id.clone()
                    name=name
                    class=input_class
                    rows=rows
                    autocomplete=autocomplete
                    placeholder=hint
                    aria-describedby=described
                    // Where the text area cannot size itself: fitted once drawn, and whenever
                    // the text is set from outside (a frame tied to this field's owner).
                    prop:value=move || {
                        if grows {
                            let id = fit_id.clone();
                            crate::lifetime::frame(move || fit_height_of(&id));
                        }
                        value.get()
                    }
                    on:input=input(move |ev| {
                        if grows {
                            if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                                fit_height(&el);
                            }
                        }
                        on_input.run(clip(event_target_value(&ev)))
                    })
                ></textarea>
            }
            .into_any()
        }
    };
    view! {
        <div class=width.class()>
            <label for=id>{label}</label>
            {control}
            {help.map(|h| view! { <span id=help_id class="muted small">{h}</span> })}
        </div>
    }
}

/// A labelled date field. `on_change` gets the day picked, or `None` when the field is
/// cleared; text that is not a date changes nothing.
#[component]
pub fn DateField(
    #[prop(into)] id: String,
    label: &'static str,
    /// The day: a `NaiveDate` once, or a signal followed.
    #[prop(into)]
    value: Signal<Option<NaiveDate>>,
    on_change: Callback<Option<NaiveDate>>,
    #[prop(optional)] name: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type="date"
                prop:value=move || value.get().map(display::iso_date).unwrap_or_default()
                on:change=change(move |ev| {
                    let text = event_target_value(&ev);
                    let day = display::parse_iso_date(&text);
                    if day.is_some() || text.trim().is_empty() {
                        on_change.run(day);
                    }
                })
            />
        </div>
    }
}

/// The options of a select, as stored words and words on screen, and the one chosen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Choices {
    pub items: Vec<(Cow<'static, str>, Cow<'static, str>)>,
    pub selected: String,
}

/// The options for a [`Choice`] currently `current`: every known value, then `current` itself
/// when this build does not know it. The one generic part; the select is not.
pub fn choices<C: Choice>(current: &C) -> Choices {
    let mut items: Vec<_> = C::ALL
        .iter()
        .map(|c| (Cow::Borrowed(c.key()), c.label()))
        .collect();
    if !current.is_known() {
        items.push((Cow::Owned(current.key().to_string()), current.label()));
    }
    Choices {
        items,
        selected: current.key().to_string(),
    }
}

/// A labelled `<select>`. `on_change` gets the stored word chosen (`Choice::read` turns it back
/// into the value, an unknown word included).
#[component]
pub fn ChoiceSelect(
    #[prop(into)] id: String,
    label: &'static str,
    choices: Choices,
    on_change: Callback<String>,
    /// The chosen word as it changes; otherwise `choices.selected` once.
    #[prop(optional)]
    selected: Option<Signal<String>>,
    #[prop(optional)] name: Option<&'static str>,
) -> impl IntoView {
    let Choices {
        items,
        selected: initial,
    } = choices;
    let selected = selected.unwrap_or_else(|| Signal::stored(initial));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name on:change=change(move |ev| on_change.run(event_target_value(&ev)))>
                {items
                    .into_iter()
                    .map(|(key, text)| {
                        let is = key.clone();
                        view! {
                            <option value=key selected=move || selected.with(|s| *s == *is)>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A section card with its heading: `<section class="card {class}" aria-labelledby=heading_id>`.
/// A passphrase field (lock screen, turning the lock on, an encrypted backup): its label, the
/// typed text kept in `value`, and `children` (a hint) under it.
#[component]
pub fn PassphraseField(
    id: String,
    label: &'static str,
    /// `new-password` or `current-password`.
    autocomplete: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] described_by: Option<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="password"
                autocomplete=autocomplete
                aria-describedby=described_by
                prop:value=value
                on:input=input(move |ev| value.set(event_target_value(&ev)))
            />
            {children.map(|c| c())}
        </div>
    }
}

#[component]
pub fn Card(
    /// The heading's id (the section is labelled by it).
    heading_id: &'static str,
    title: &'static str,
    children: Children,
    /// More classes after `card`.
    #[prop(optional)]
    class: &'static str,
    /// The section's own id (a link target).
    #[prop(optional)]
    id: Option<&'static str>,
    /// A heading for screen readers only.
    #[prop(optional)]
    hidden_title: bool,
) -> impl IntoView {
    let class = if class.is_empty() {
        "card".to_string()
    } else {
        format!("card {class}")
    };
    view! {
        <section class=class id=id aria-labelledby=heading_id>
            <h2 id=heading_id class=hidden_title.then_some("visually-hidden")>{title}</h2>
            {children()}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_cuts_on_characters() {
        let long = "é".repeat(MAX_FIELD_CHARS + 5);
        assert_eq!(clip(long).chars().count(), MAX_FIELD_CHARS);
        assert_eq!(clip("short".into()), "short");
    }
}
