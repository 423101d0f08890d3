//! Lifetimes: nothing a screen starts outlives it.
//!
//! Whatever a screen, a component or an effect starts that the browser would otherwise keep
//! going (a window or document listener, a timeout, an interval, an animation frame, an idle
//! callback or a chain of idle slices, a held resource such as a wake lock, an async task that
//! writes back) is started through here, and is released when the reactive owner that started
//! it is cleaned up (`on_cleanup`): when the screen is left, the component unmounted, or the
//! effect runs again.
//!
//! Why a helper: Leptos 0.8's own `window_event_listener` returns a handle that detaches only
//! through `.remove()`, and `set_timeout` / `set_interval` / `request_animation_frame` are never
//! cleared unless asked. Dropped on the floor, a keydown listener left on `window` fires on the
//! next screen and reads a disposed memo: a panic, and with `panic = "abort"` a dead app.
//!
//! - Callbacks run under the owner that started them, so what they start in turn (a timeout
//!   from a frame, a lock a task receives) belongs to that owner too.
//! - The owner is held weakly: a pending timer or listener never keeps a screen alive.
//! - With no owner at all (outside any component), what is started lives as long as the page,
//!   as Leptos's own helpers do. Nothing in the app calls these outside an owner.
//! - A task's `keep` runs only if its owner is still there when the work resolves; otherwise
//!   `release` gets the result (a wake lock granted after Practice was left is let go at once).
//! - `on_cleanup_local` is `on_cleanup` for what holds browser objects (a listener's closure, a
//!   wake lock), which are not `Send`.
//!
//! Reading a disposed signal (`get`, `with`, `get_untracked`) panics; writing one (`set`,
//! `update`) is a silent no-op. Work that must land whatever the screen does (a letter copied, a
//! backup shared) reads what it needs *before* its await and writes only app state after it.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use leptos::ev::EventDescriptor;
use leptos::prelude::*;
use leptos::reactive::owner::WeakOwner;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

// The generic entry points box their callback and hand it to one non-generic function each:
// every timer, listener and task in the app shares one compiled body (fewer bytes of wasm).
type Job = Box<dyn FnOnce()>;

fn current() -> Option<WeakOwner> {
    Owner::current().map(|o| o.downgrade())
}

/// Run `f` under `owner` (or plainly when there was none). `false` if the owner is gone.
#[inline(never)]
fn under(owner: &Option<WeakOwner>, f: &mut dyn FnMut()) -> bool {
    match owner {
        None => f(),
        Some(weak) => match weak.upgrade() {
            Some(o) => o.with(f),
            None => return false,
        },
    }
    true
}

/// Run a job once, under `owner`.
fn run_under(owner: &Option<WeakOwner>, job: Job) {
    let mut job = Some(job);
    under(owner, &mut || {
        if let Some(job) = job.take() {
            job();
        }
    });
}

/// Run `f` when the current owner is cleaned up, like `on_cleanup`, for work that holds
/// browser objects (`on_cleanup` needs `Send`; a `StoredValue` of the owner holds `f` instead).
pub fn on_cleanup_local(f: impl FnOnce() + 'static) {
    cleanup_local(Box::new(f));
}

#[inline(never)]
fn cleanup_local(f: Job) {
    let held = StoredValue::new_local(Some(f));
    on_cleanup(move || {
        if let Some(f) = held.try_update_value(Option::take).flatten() {
            f();
        }
    });
}

/// Listen for `name` on `target` until the current owner is cleaned up.
pub fn on(target: &web_sys::EventTarget, name: &'static str, f: impl Fn(web_sys::Event) + 'static) {
    listen(target.clone(), name.into(), Box::new(f));
}

/// A typed listener on `window`, removed when the current owner is cleaned up.
pub fn on_window<E>(event: E, f: impl Fn(E::EventType) + 'static)
where
    E: EventDescriptor + 'static,
    E::EventType: JsCast,
{
    if let Some(w) = web_sys::window() {
        let name = event.name();
        listen(w.into(), name, Box::new(move |e| f(e.unchecked_into())));
    }
}

/// A typed listener on `document`, removed when the current owner is cleaned up.
pub fn on_document<E>(event: E, f: impl Fn(E::EventType) + 'static)
where
    E: EventDescriptor + 'static,
    E::EventType: JsCast,
{
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        let name = event.name();
        listen(d.into(), name, Box::new(move |e| f(e.unchecked_into())));
    }
}

#[inline(never)]
fn listen(
    target: web_sys::EventTarget,
    name: std::borrow::Cow<'static, str>,
    f: Box<dyn Fn(web_sys::Event)>,
) {
    let owner = current();
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        let mut e = Some(e);
        under(&owner, &mut || {
            if let Some(e) = e.take() {
                f(e);
            }
        });
    });
    if target
        .add_event_listener_with_callback(&name, closure.as_ref().unchecked_ref())
        .is_err()
    {
        return;
    }
    // Removed, then the closure dropped (wasm-bindgen defers the drop if it is running).
    cleanup_local(Box::new(move || {
        let _ = target.remove_event_listener_with_callback(&name, closure.as_ref().unchecked_ref());
    }));
}

/// Run `f` once after `after`, unless the current owner is cleaned up first.
pub fn timeout(f: impl FnOnce() + 'static, after: Duration) {
    timeout_boxed(Box::new(f), after);
}

#[inline(never)]
fn timeout_boxed(f: Job, after: Duration) {
    let owner = current();
    if let Ok(handle) = set_timeout_with_handle(move || run_under(&owner, f), after) {
        on_cleanup(move || handle.clear());
    }
}

/// Run `f` every `every` until the current owner is cleaned up.
pub fn interval(f: impl Fn() + 'static, every: Duration) {
    interval_boxed(Box::new(f), every);
}

#[inline(never)]
fn interval_boxed(f: Box<dyn Fn()>, every: Duration) {
    let owner = current();
    if let Ok(handle) = set_interval_with_handle(
        move || {
            under(&owner, &mut || f());
        },
        every,
    ) {
        on_cleanup(move || handle.clear());
    }
}

/// Run `f` before the next repaint, unless the current owner is cleaned up first.
pub fn frame(f: impl FnOnce() + 'static) {
    frame_boxed(Box::new(f));
}

#[inline(never)]
fn frame_boxed(f: Job) {
    let owner = current();
    if let Ok(handle) = request_animation_frame_with_handle(move || run_under(&owner, f)) {
        on_cleanup(move || handle.cancel());
    }
}

/// Run `f` when the browser is idle (`requestIdleCallback`, within half a second; a
/// `setTimeout(0)` where that is missing), unless the current owner is cleaned up first. Each
/// call is a task of its own, so input is handled between two of them.
pub fn idle(f: impl FnOnce() + 'static) {
    idle_boxed(Box::new(f));
}

/// The longest an idle slice waits for the page to idle.
const IDLE_TIMEOUT_MS: u32 = 500;

#[inline(never)]
fn idle_boxed(f: Job) {
    let owner = current();
    let Some(window) = web_sys::window() else {
        return;
    };
    let job = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let run = std::rc::Rc::clone(&job);
    let closure = Closure::<dyn FnMut()>::new(move || {
        if let Some(f) = run.take() {
            run_under(&owner, f);
        }
    });
    let callback = closure.as_ref().unchecked_ref();
    // At most IDLE_TIMEOUT_MS later even when the page never idles: a window in the background
    // (another one on top) may not idle at all, and what it shows must still arrive.
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(IDLE_TIMEOUT_MS);
    match window.request_idle_callback_with_options(callback, &options) {
        Ok(handle) => cleanup_local(Box::new(move || {
            job.take();
            if let Some(w) = web_sys::window() {
                w.cancel_idle_callback(handle);
            }
            drop(closure);
        })),
        Err(_) => {
            if let Ok(handle) =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(callback, 0)
            {
                cleanup_local(Box::new(move || {
                    job.take();
                    if let Some(w) = web_sys::window() {
                        w.clear_timeout_with_handle(handle);
                    }
                    drop(closure);
                }));
            }
        }
    }
}

/// Run `steps` one after another, each in an idle slice of its own ([`idle`]): heavy work
/// that yields to input between its parts. What is left is dropped when the current owner is
/// cleaned up.
pub fn slices(steps: Vec<Box<dyn FnOnce()>>) {
    let mut steps = steps.into_iter();
    next_slice(Box::new(move || steps.next()));
}

type NextStep = Box<dyn FnMut() -> Option<Box<dyn FnOnce()>>>;

/// How long one idle slice of [`repeat`] keeps taking steps.
const SLICE_MS: f64 = 30.0;

/// Call `step` in idle slices ([`idle`]), as many times in a slice as fit in [`SLICE_MS`],
/// until it returns `false`: a long job cut into small steps that yields to input between
/// slices. What is left is dropped when the current owner is cleaned up.
pub fn repeat(step: impl FnMut() -> bool + 'static) {
    repeat_boxed(Box::new(step));
}

fn repeat_boxed(mut step: Box<dyn FnMut() -> bool>) {
    idle_boxed(Box::new(move || {
        let start = js_sys::Date::now();
        while step() {
            if js_sys::Date::now() - start >= SLICE_MS {
                repeat_boxed(step);
                return;
            }
        }
    }));
}

fn next_slice(mut next: NextStep) {
    idle_boxed(Box::new(move || {
        if let Some(step) = next() {
            step();
            next_slice(next);
        }
    }));
}

/// Await `work`; then, if the owner that started it is still there (not cleaned up, nor its
/// effect run again), hand the result to `keep`, under that owner (so `keep` can tie what it
/// got to the owner with [`on_cleanup_local`]). Otherwise hand it to `release`, which lets go
/// of whatever it got.
pub fn task<T: 'static>(
    work: impl Future<Output = T> + 'static,
    keep: impl FnOnce(T) + 'static,
    release: impl FnOnce(T) + 'static,
) {
    task_boxed(Box::pin(async move {
        let value = work.await;
        Box::new(
            move |alive: bool| {
                if alive {
                    keep(value)
                } else {
                    release(value)
                }
            },
        ) as Box<dyn FnOnce(bool)>
    }));
}

type Settle = Box<dyn FnOnce(bool)>;

#[inline(never)]
fn task_boxed(work: Pin<Box<dyn Future<Output = Settle>>>) {
    let owner = current();
    let alive = Arc::new(AtomicBool::new(true));
    let flag = Arc::clone(&alive);
    on_cleanup(move || flag.store(false, Ordering::Relaxed));
    wasm_bindgen_futures::spawn_local(async move {
        let mut settle = Some(work.await);
        let kept = alive.load(Ordering::Relaxed)
            && under(&owner, &mut || {
                if let Some(settle) = settle.take() {
                    settle(true);
                }
            });
        if !kept {
            if let Some(settle) = settle.take() {
                settle(false);
            }
        }
    });
}
