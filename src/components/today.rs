//! Today's sections, one component each, in the order the page shows them: follow-ups due,
//! practice, waiting for a reflection, the newest insight, the pipeline with "I heard back", the
//! backup reminder and a kind word. Each reads the state it needs through `use_app`.

use crate::erase::{click, rx, Show};
use leptos::prelude::*;

use crate::components::form::Card;
use crate::components::insight_card::InsightCard;
use crate::components::quote::QuoteBlock;
use crate::core::display::weekday_date;
use crate::core::encouragement;
use crate::core::pipeline::{awaiting_reflection, PipelineHealth};
use crate::state::use_app;

/// Follow-ups due: asked for feedback, no answer yet.
#[component]
pub fn FollowUps() -> impl IntoView {
    let state = use_app();
    let follow_ups = crate::erase::memo(move |_| {
        let today = state.today.get();
        state.interviews.with(|list| {
            list.iter()
                .filter(|i| i.feedback.follow_up_due(today))
                .map(|i| (i.id.clone(), i.title(), i.feedback.asked_on))
                .collect::<Vec<_>>()
        })
    });
    let snooze = move |id: String, days: i64| {
        let today = state.today.get_untracked();
        state.edit_interview(&id, |i| i.feedback.snooze(today, days));
    };
    view! {
    <Show when=move || !follow_ups.with(Vec::is_empty)>
        <Card class="follow-ups" heading_id="follow-ups-title" title="Follow-ups due">
            <p class="muted">"You asked for feedback and haven't heard back. A short, friendly nudge is normal."</p>
            <ul class="follow-up-list">
                {rx(move || {
                    follow_ups
                        .get()
                        .into_iter()
                        .map(|(id, title, asked)| {
                            let id_snooze = id.clone();
                            view! {
                                <li class="follow-up">
                                    <p>
                                        <a href=format!("/interviews/{id}#feedback")>{title}</a>
                                        <span class="muted small">
                                            {asked.map(|d| format!(" · asked {}", weekday_date(d))).unwrap_or_default()}
                                        </span>
                                    </p>
                                    <div class="actions">
                                        <a class="button small" href=format!("/interviews/{id}#letters")>
                                            "Write a follow-up"
                                        </a>
                                        <button
                                            type="button"
                                            class="button quiet small"
                                            on:click=click(move |_| snooze(id_snooze.clone(), 3))
                                        >
                                            "Snooze 3 days"
                                        </button>
                                    </div>
                                </li>
                            }
                        })
                        .collect_view()
                })}
            </ul>
        </Card>
    </Show>
    }
}

/// Opportunities with no word for the user's number of days: one tap marks one "No reply",
/// which closes it in the pipeline. Leaving it open is just as fine.
#[component]
pub fn NoReplyYet() -> impl IntoView {
    let state = use_app();
    let quiet = crate::erase::memo(move |_| {
        let today = state.today.get();
        let days = state.settings.with(|s| s.no_reply_days);
        state.interviews.with(|list| {
            crate::core::pipeline::silent(list, today, days)
                .into_iter()
                .map(|(i, d)| (i.id.clone(), i.title(), d))
                .collect::<Vec<_>>()
        })
    });
    let mark = move |id: String| {
        state.edit_interview(&id, |i| {
            i.outcome = crate::core::model::Outcome::Ghosted;
        })
    };
    view! {
    <Show when=move || !quiet.with(Vec::is_empty)>
        <Card class="no-reply" heading_id="no-reply-title" title="Still no word">
            <p class="muted">"Silence after an interview is common, and it says nothing about you. Mark one as no reply to close it, or leave it open."</p>
            <ul class="follow-up-list">
                {rx(move || {
                    quiet
                        .get()
                        .into_iter()
                        .map(|(id, title, days)| {
                            let href = format!("/interviews/{id}");
                            view! {
                                <li class="follow-up" data-testid="no-reply">
                                    <p>
                                        <a href=href>{title}</a>
                                        <span class="muted small">{format!(" · {}", crate::core::pipeline::silent_line(days))}</span>
                                    </p>
                                    <div class="actions">
                                        <button type="button" class="button quiet small" on:click=click(move |_| mark(id.clone()))>
                                            "Mark as no reply"
                                        </button>
                                    </div>
                                </li>
                            }
                        })
                        .collect_view()
                })}
            </ul>
        </Card>
    </Show>
    }
}

/// The next step of the plan, ticked with one tap (the one after it then shows).
#[component]
pub fn NextPlanStep() -> impl IntoView {
    let state = use_app();
    let next = crate::erase::memo(move |_| state.plan.with(|p| crate::core::plan::next_step(p)));
    let ticked = RwSignal::new(None::<String>);
    let tick = move |_| {
        let Some(n) = next.get_untracked() else {
            return;
        };
        let today = state.today.get_untracked();
        state.edit_plan_item(&n.item_id, |i| i.set_action_done(&n.action_id, true, today));
        ticked.set(Some(n.step));
    };
    view! {
    <Show when=move || next.with(Option::is_some) || ticked.with(Option::is_some)>
        <Card class="next-step" heading_id="next-step-title" title="Next in your plan">
            {rx(move || {
                next.get()
                    .map(|n| {
                        view! {
                            <p class="next-step-text" data-testid="next-step">{n.step}</p>
                            <p class="muted small">
                                <a href=format!("/plan#plan-{}", n.item_id)>{n.item}</a>
                                {n.target.map(|d| format!(" · by {}", weekday_date(d)))}
                            </p>
                            <div class="actions">
                                <button type="button" class="button small" on:click=click(tick)>
                                    "Done"
                                </button>
                            </div>
                        }
                    })
            })}
            <p class="muted small" role="status">
                {rx(move || ticked.get().map(|s| format!("Ticked off: {s}")))}
            </p>
        </Card>
    </Show>
    }
}

/// How many questions are due, one tap to practise.
#[component]
pub fn PracticeDue() -> impl IntoView {
    let state = use_app();
    let due = crate::erase::memo(move |_| state.due_count());
    let counts = crate::erase::memo(move |_| state.card_and_write_counts());
    let cards = move || counts.get().0;
    // Coming up says what is left to write for an upcoming interview: not said twice.
    let upcoming = crate::erase::memo(move |_| {
        state.today.track();
        let now = crate::platform::now_local();
        state
            .interviews
            .with(|l| !crate::core::model::coming_up(l, now).is_empty())
    });
    let still_to_write = move || {
        let (cards, to_write) = counts.get();
        crate::core::session::still_to_write(to_write, cards, upcoming.get())
    };
    view! {
    <Card class="practice-card" heading_id="practice-title" title="Practice">
        <p data-testid="due-count">
            {rx(move || crate::core::session::practice_line(due.get(), cards()))}
        </p>
        <div class="actions">
            <Show when=move || { due.get() > 0 }>
                <a class="button" href="/practice">"Practise now"</a>
            </Show>
            <Show when=move || { cards() == 0 }>
                <a class="button quiet" href="/practice/write">"Write an answer"</a>
            </Show>
            {rx(move || {
                still_to_write()
                    .map(|text| {
                        view! {
                            <a class="button quiet small" href="/practice/write" data-testid="still-to-write">
                                {text}
                            </a>
                        }
                    })
            })}
        </div>
    </Card>
    }
}

/// Interviews still waiting for a reflection.
#[component]
pub fn WaitingForReflection() -> impl IntoView {
    let state = use_app();
    let is_empty = move || state.interviews.with(|l| l.is_empty());
    let waiting = crate::erase::memo(move |_| {
        state.today.track();
        let now = crate::platform::now_local();
        state.interviews.with(|list| {
            state.reflections.with(|refl| {
                awaiting_reflection(list, refl, now, 5)
                    .into_iter()
                    .map(|i| (i.id.clone(), i.title(), i.date))
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
    <Card heading_id="waiting-title" title="Waiting for a reflection">
        <Show
            when=move || !waiting.get().is_empty()
            fallback=move || {
                view! {
                    <p class="muted">
                        {rx(move || {
                            if is_empty() {
                                "After an interview, it shows up here until you've jotted down how it went."
                            } else {
                                "All caught up: every interview so far has a reflection."
                            }
                        })}
                    </p>
                }
            }
        >
            <ul class="link-list">
                {rx(move || {
                    waiting
                        .get()
                        .into_iter()
                        .map(|(id, title, date)| {
                            view! {
                                <li>
                                    <a href=format!("/interviews/{id}#reflect")>
                                        <span>{title}</span>
                                        <span class="muted small">
                                            {date.map(weekday_date).unwrap_or_default()}
                                        </span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                })}
            </ul>
        </Show>
    </Card>
    }
}

/// The newest insight, worked out in idle slices once Today is on screen (see
/// `AppState::insights_in_slices`): Today's first frame never waits for it.
#[component]
pub fn NewestInsight() -> impl IntoView {
    let state = use_app();
    let shown_insights = state.insights_in_slices();
    let newest_insight = crate::erase::memo(move |_| {
        shown_insights.with(|l| l.as_ref().and_then(|l| l.first().cloned()))
    });
    view! {
    {rx(move || {
        newest_insight
            .get()
            .map(|insight| {
                view! {
                    <Card heading_id="insight-title" title="Newest insight" hidden_title=true>
                        <InsightCard insight=insight heading="Newest insight"/>
                        <p class="small">
                            <a href="/journey">"All insights and your journey"</a>
                        </p>
                    </Card>
                }
            })
    })}
    }
}

/// Pipeline health, the two quick actions and "I heard back".
#[component]
pub fn Pipeline() -> impl IntoView {
    let state = use_app();
    let health = crate::erase::memo(move |_| {
        let threshold = state.settings.with(|s| s.nudge_threshold);
        state
            .interviews
            .with(|list| PipelineHealth::new(list, threshold))
    });
    let pending = crate::erase::memo(move |_| {
        state.interviews.with(|list| {
            let mut items: Vec<_> = list.iter().filter(|i| i.outcome.is_active()).collect();
            crate::core::pipeline::newest_first(&mut items);
            items
                .into_iter()
                .map(|i| (i.id.clone(), i.title()))
                .collect::<Vec<_>>()
        })
    });
    let heard_back_open = RwSignal::new(false);
    view! {
    <Card class="pipeline" heading_id="pipeline-title" title="Your pipeline">
        <p class="big-number" data-testid="active-count">
            {rx(move || health.get().summary())}
        </p>
        {rx(move || health.get().nudge().map(|n| view! { <p class="nudge">{n}</p> }))}
    </Card>

    <div class="actions">
        <a class="button primary" href="/interviews/new">"Log an interview"</a>
        <button
            type="button"
            class="button"
            aria-expanded=move || heard_back_open.get().to_string()
            aria-controls="heard-back"
            on:click=click(move |_| {
                heard_back_open.update(|o| *o = !*o);
                // Its choices open below the fold on a phone: bring them into view once drawn.
                if heard_back_open.get_untracked() {
                    crate::lifetime::frame(|| crate::platform::scroll_to_id("heard-back"));
                }
            })
        >
            "I heard back"
        </button>
    </div>
    <Show when=move || heard_back_open.get()>
        <Card id="heard-back" heading_id="heard-back-title" title="Who did you hear from?">
            <Show
                when=move || !pending.get().is_empty()
                fallback=|| {
                    view! {
                        <p class="muted">
                            "Nothing is waiting for an answer right now. Log an interview first, then come back here when they reply."
                        </p>
                    }
                }
            >
                <ul class="link-list">
                    {rx(move || {
                        pending
                            .get()
                            .into_iter()
                            .map(|(id, title)| {
                                view! {
                                    <li>
                                        <a href=format!("/interviews/{id}?heard=1")>{title}</a>
                                    </li>
                                }
                            })
                            .collect_view()
                    })}
                </ul>
            </Show>
        </Card>
    </Show>
    }
}

/// A backup reminder, when one is due.
#[component]
pub fn BackupReminder() -> impl IntoView {
    use crate::components::your_data;
    let state = use_app();
    let busy: your_data::Busy = RwSignal::new(None);
    let backup_due = move || {
        let days = state.settings.with(|s| s.backup_reminder_days);
        state
            .meta
            .with(|m| m.backup_due(crate::platform::now_ms(), days))
    };

    view! {
    <Show when=backup_due>
        <Card class="backup-reminder" heading_id="backup-reminder-title" title="Time for a backup">
            <p>
                "You've added things since your last backup. Your data lives only in this browser; a backup file keeps it safe if anything happens to it."
            </p>
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    prop:disabled=move || busy.with(Option::is_some)
                    on:click=click(move |_| your_data::download_backup(state, busy))
                >
                    "Download a backup"
                </button>
                <a class="button quiet" href="/settings">"Backup settings"</a>
            </div>
            {your_data::progress_bar(busy)}
        </Card>
    </Show>
    }
}

/// A kind word that fits the moment.
#[component]
pub fn KindWord() -> impl IntoView {
    let state = use_app();
    let kind_word = crate::erase::memo(move |_| {
        let today = state.today.get();
        state
            .interviews
            .with(|l| encouragement::for_today(l, today))
    });
    view! {
    <Card class="kind-word-card" heading_id="kind-title" title="A kind word" hidden_title=true>
        {rx(move || {
            let w = kind_word.get();
            view! {
                <p class="kind-word" data-testid="kind-word">{w.message}</p>
                {w.quote.map(|q| view! { <QuoteBlock quote=q small=true/> })}
            }
        })}
    </Card>
    }
}
