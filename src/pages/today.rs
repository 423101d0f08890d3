//! Today (`/`), in order of what matters now: follow-ups due, questions due (one tap to
//! practise), interviews waiting for a reflection, the newest insight, pipeline health with the
//! two quick actions, a backup reminder when one is due, and a kind word that fits the moment.

use crate::erase::Show;
use leptos::prelude::*;

use crate::components::today::{
    BackupReminder, FollowUps, KindWord, NewestInsight, Pipeline, PracticeDue, WaitingForReflection,
};
use crate::state::use_app;

#[component]
pub fn Today() -> impl IntoView {
    let state = use_app();
    let is_empty = move || state.interviews.with(|l| l.is_empty());
    view! {
        <div class="page">
            <h1>"Today"</h1>
            <crate::components::upcoming::UpcomingInterviews/>
            <Show when=is_empty>
                <section class="card welcome">
                    <h2>"Welcome to Rebound"</h2>
                    <p>
                        "A quiet place to log your interviews, look back on each one, and walk into the next better prepared. Everything stays on this device."
                    </p>
                    <p>"Start with the interview you had most recently, however it went."</p>
                    <a class="button primary" href="/interviews/new">"Log my first interview"</a>
                </section>
            </Show>
            <FollowUps/>
            <PracticeDue/>
            <WaitingForReflection/>
            <NewestInsight/>
            <Pipeline/>
            <BackupReminder/>
            <KindWord/>
        </div>
    }
}
