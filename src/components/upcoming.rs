//! Today's line for each interview coming up (upcoming and not yet begun) ("Initech Robotics · Thursday"), with what is left
//! to write for it when questions were chosen to prepare ("3 questions to answer before
//! Thursday"). Nothing at all when none is upcoming.

use leptos::prelude::*;

use crate::core::display::day_word;
use crate::core::model::coming_up;
use crate::core::session;
use crate::state::use_app;

#[component]
pub fn UpcomingInterviews() -> impl IntoView {
    let state = use_app();
    let list = crate::erase::memo(move |_| {
        let today = state.today.get();
        let now = crate::platform::now_local();
        let items: Vec<(String, String, Option<chrono::NaiveDate>)> =
            state.interviews.with(|all| {
                coming_up(all, now)
                    .into_iter()
                    .map(|i| (i.id.clone(), session::upcoming_line(i, today), i.date))
                    .collect()
            });
        items
            .into_iter()
            .map(|(id, line, date)| {
                let day = date.map(|d| day_word(d, today));
                let to_write = session::to_write(state.prep_to_write(&id).len(), day.as_deref());
                (id, line, to_write)
            })
            .collect::<Vec<_>>()
    });
    move || {
        let items = list.get();
        (!items.is_empty()).then(|| {
            view! {
                <section class="card upcoming" aria-labelledby="upcoming-title" data-testid="upcoming">
                    <h2 id="upcoming-title">"Coming up"</h2>
                    <ul class="link-list">
                        {items
                            .into_iter()
                            .map(|(id, line, to_write)| {
                                view! {
                                    <li>
                                        <a href=format!("/interviews/{id}#before")>{line}</a>
                                        {(!to_write.is_empty())
                                            .then(|| {
                                                view! {
                                                    <a class="small" href=format!("/practice/write?prep={id}") rel="external">{to_write}</a>
                                                }
                                            })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
