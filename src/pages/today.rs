//! Today (`/`), in order of what matters now: the interviews coming up, follow-ups due,
//! answers to refresh (one tap to practise), the next step of the plan, interviews waiting for a
//! reflection, the newest insight, pipeline health with the two quick actions, a backup
//! reminder when one is due, the install nudge (see `components::install_nudge`), and a kind
//! word that fits the moment. A first visit shows a one-line welcome with one primary action
//! instead of the empty pipeline.

use crate::erase::Show;
use leptos::prelude::*;

use crate::components::today::{
    BackupReminder, FollowUps, KindWord, NewestInsight, NextPlanStep, NoReplyYet, Pipeline,
    PracticeDue, WaitingForReflection,
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
            // index.html draws this heading and welcome on a first visit before the wasm
            // arrives (its `welcome` template): change both together.
            <Show when=is_empty>
                <section class="card welcome">
                    <h2>"Welcome to Rebound"</h2>
                    <p>"Start with your most recent interview, however it went. Everything stays on this device."</p>
                    <a class="button primary" href="/interviews/new">"Log my first interview"</a>
                </section>
            </Show>
            <FollowUps/>
            <PracticeDue/>
            <NextPlanStep/>
            <WaitingForReflection/>
            <NoReplyYet/>
            <Show when=move || !is_empty()>
                <Pipeline/>
            </Show>
            <BackupReminder/>
            <KindWord/>
            // Last, the two cards that arrive after the first frame (the insight from idle
            // slices, the nudge when the browser offers to install): drawn below everything
            // else, they move nothing already on screen (no layout shift).
            <NewestInsight/>
            <crate::components::install_nudge::InstallNudge/>
        </div>
    }
}
