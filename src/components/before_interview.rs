//! "Before the interview", on an upcoming interview's page: the questions to have fresh on the
//! day (suggested by `countdown::suggest`, the user picks; stored as the interview's `Prep`),
//! what that costs a day (`countdown::plan`, said by `core::session`), one tap to practise
//! today's part, the prep sheet, and calendar files: the interview, and a daily practice block
//! until it (`calendar::practice_block`, offered while a day before it is left).

use crate::core::choice::Choice;
use crate::erase::{change, click, rx, Show};
use leptos::prelude::*;

use crate::core::calendar;
use crate::core::display::{day_word, iso_date};
use crate::core::model::Id;
use crate::core::questions::Category;
use crate::core::session;
use crate::platform;
use crate::state::{use_app, AppState, Notice};

/// Download an `.ics` file, saying so if the browser refused.
pub fn download_ics(state: AppState, name: &str, text: Option<String>) {
    let Some(text) = text else {
        return;
    };
    match platform::download_text(name, "text/calendar", &text) {
        Ok(()) => state.notify(Notice::Done(
            "Calendar file downloaded: open it to add the event.".to_string(),
        )),
        Err(e) => state.notify(Notice::SaveFailed(e)),
    }
}

#[component]
pub fn BeforeInterview(interview_id: String) -> impl IntoView {
    let state = use_app();
    let key = StoredValue::new(interview_id);
    // A memo, so editing the interview redraws this part only when it stops (or starts) being
    // upcoming.
    let upcoming = crate::erase::memo(move |_| {
        let today = state.today.get();
        state
            .interview(&key.get_value())
            .is_some_and(|i| i.is_upcoming(today))
    });
    move || upcoming.get().then(|| view! { <Prepare key=key/> })
}

#[component]
fn Prepare(key: StoredValue<String>) -> impl IntoView {
    let state = use_app();
    let bank = state.bank();
    let id = key.get_value();
    let chosen = crate::erase::memo(move |_| state.prep_questions(&key.get_value()));
    // Offered: what was chosen, then the suggestions, then more from a category if asked.
    let more = RwSignal::new(None::<Category>);
    let offered = crate::erase::memo(move |_| {
        let mut list: Vec<Id> = chosen.get();
        for q in state.prep_suggestions(&key.get_value()) {
            if !list.contains(&q) {
                list.push(q);
            }
        }
        if let Some(c) = more.get() {
            bank.with(|b| {
                for q in b.iter().filter(|q| !q.hidden && q.category == c) {
                    if !list.contains(&q.id) {
                        list.push(q.id.clone());
                    }
                }
            });
        }
        list
    });
    let plan = crate::erase::memo(move |_| {
        chosen.track();
        state.prep_plan(&key.get_value())
    });
    let day = move || {
        let today = state.today.get();
        state
            .interview(&key.get_value())
            .and_then(|i| i.date)
            .map(|d| day_word(d, today))
            .unwrap_or_default()
    };
    let cost = move || {
        plan.with(|p| {
            p.as_ref()
                .map(|p| (session::plan_cost(p, &day()), session::shortfall(p)))
        })
    };
    let today_n = move || plan.with(|p| p.as_ref().map_or(0, |p| p.today().len()));
    let to_write = move || {
        chosen.track();
        state.prep_to_write(&key.get_value()).len()
    };
    let calendar = move |_| {
        let Some(i) = state.interview(&key.get_value()) else {
            return;
        };
        let name = format!("interview-{}.ics", i.date.map(iso_date).unwrap_or_default());
        download_ics(
            state,
            &name,
            calendar::interview_event(&i, platform::now_ms()),
        );
    };
    // The daily practice block, as long as the plan's minutes a day; `None` (not offered) once
    // no day before the interview is left.
    let block = move || {
        let today = state.today.get();
        let minutes = plan.with(|p| p.as_ref().map_or(0, |p| p.minutes_a_day()));
        let i = state.interview(&key.get_value())?;
        calendar::practice_block(
            &i,
            today,
            platform::today_start(),
            minutes,
            platform::now_ms(),
        )
    };
    let has_block = move || block().is_some();
    let add_block = move |_| {
        download_ics(state, "daily-practice.ics", block());
    };

    view! {
        <section class="card before" id="before" aria-labelledby="before-title" data-testid="before">
            <h2 id="before-title">"Before the interview"</h2>
            <p class="muted">"Pick the answers to have fresh on the day. Rebound spreads the practice over the days left."</p>
            <fieldset class="field prep-choice">
                <legend>"Questions to prepare"</legend>
                <ul class="plain-list">
                    {rx(move || {
                        let picked = chosen.get();
                        offered
                            .get()
                            .into_iter()
                            .filter_map(|qid| {
                                let q = bank.with(|b| b.iter().find(|q| q.id == qid).cloned())?;
                                let on = picked.contains(&qid);
                                let note = if q.is_card() { "" } else { "· to write" };
                                Some(view! {
                                    <li>
                                        <label class="check">
                                            <input
                                                type="checkbox"
                                                prop:checked=on
                                                on:change=change(move |ev| {
                                                    state.choose_for_prep(&key.get_value(), &qid, event_target_checked(&ev));
                                                })
                                            />
                                            <span>{q.text.clone()} " " <span class="muted small prep-note">{note}</span></span>
                                        </label>
                                    </li>
                                })
                            })
                            .collect_view()
                    })}
                </ul>
                <div class="field">
                    <label for="prep-more">"More from a category"</label>
                    <select
                        id="prep-more"
                        on:change=change(move |ev| more.set(Category::from_key(&event_target_value(&ev))))
                    >
                        <option value="">"Choose a category"</option>
                        {Category::ALL
                            .iter()
                            .map(|c| view! { <option value=c.key()>{c.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
            </fieldset>
            <p data-testid="prep-cost">{rx(move || cost().map(|(c, _)| c))}</p>
            <p class="muted" data-testid="prep-to-write">{rx(move || session::to_write(to_write(), Some(&day())))}</p>
            {rx(move || cost().and_then(|(_, s)| s).map(|s| view! { <p class="hint-card" data-testid="prep-short">{s}</p> }))}
            {rx(move || {
                let today = state.today.get();
                plan.with(|p| p.as_ref().and_then(|p| session::first_look(p, today)))
                    .map(|t| view! { <p class="muted" data-testid="prep-first-look">{t}</p> })
            })}
            <div class="actions">
                <Show when=move || { today_n() > 0 }>
                    <a class="button primary" href=format!("/practice?prep={id}") data-testid="prep-practise" rel="external">
                        {rx(move || match today_n() {
                            1 => "Practise today's answer".to_string(),
                            n => format!("Practise today's {n} answers"),
                        })}
                    </a>
                </Show>
                <Show when=move || { to_write() > 0 }>
                    <a class="button" href=format!("/practice/write?prep={}", key.get_value()) rel="external">"Write answers"</a>
                </Show>
                <a class="button quiet small" href=format!("/interviews/{}/prep", key.get_value())>"Prep sheet"</a>
                <button type="button" class="button quiet small" on:click=click(calendar) data-testid="add-calendar">
                    "Add to calendar"
                </button>
                <Show when=has_block>
                    <button type="button" class="button quiet small" on:click=click(add_block) data-testid="add-practice-block">
                        "Add a daily practice block"
                    </button>
                </Show>
            </div>
        </section>
    }
}

/// "Add to calendar" for the follow-up date of interview `id` (shown beside that date).
#[component]
pub fn FollowUpCalendar(id: StoredValue<String>) -> impl IntoView {
    let state = use_app();
    let download = move |_| {
        let Some(i) = state.interview(&id.get_value()) else {
            return;
        };
        download_ics(
            state,
            "follow-up.ics",
            calendar::follow_up_event(&i, platform::now_ms()),
        );
    };
    view! {
        <button type="button" class="button quiet small" on:click=click(download) data-testid="follow-up-calendar">
            "Add the follow-up to my calendar"
        </button>
    }
}
