// Rebound's crash screen, in plain DOM (no Leptos, no Rust after the crash). See src/crash.rs.
//
// wasm-bindgen's glue imports this module statically, so its top level runs before the wasm is
// instantiated. It wraps WebAssembly.instantiate(Streaming) once, for the app's instance: every
// function the instance exports goes through a guard. After a crash the guard turns each call
// into a no-op, so no Rust runs in the aborted instance: not the listeners, timers and promise
// callbacks, not the pagehide flush, not the closure destructors (the glue frees closures through
// the exported __wbindgen_destroy_closure; it calls nothing through a function table).

let crashed = false;

// What a guarded call returns after the crash. Not `undefined`: the glue reads a closure's
// Result as `ret[0]`, `ret[1]`; an empty array reads as "no error" there and as 0 elsewhere.
const NOTHING = Object.freeze([]);

const W = WebAssembly;
const originals = {};

function guarded(instance) {
  const exports = {};
  for (const [name, value] of Object.entries(instance.exports)) {
    exports[name] =
      typeof value !== "function"
        ? value
        : (...args) => (crashed ? NOTHING : value(...args));
  }
  return Object.create(W.Instance.prototype, { exports: { value: Object.freeze(exports) } });
}

for (const name of ["instantiate", "instantiateStreaming"]) {
  const original = W[name];
  if (typeof original !== "function") continue;
  originals[name] = original;
  W[name] = (...args) =>
    original.apply(W, args).then((result) => {
      // Only the first instance (the app's) is guarded; then WebAssembly is as it was.
      Object.assign(W, originals);
      return result instanceof W.Instance
        ? guarded(result)
        : { module: result.module, instance: guarded(result.instance) };
    });
}

function add(parent, tag, text, className) {
  const el = document.createElement(tag);
  if (text) el.textContent = text;
  if (className) el.className = className;
  parent.append(el);
  return el;
}

// Sets the flag first (focus and inert below fire events the app listens to), then covers the
// app with the message, makes the app inert and hidden from screen readers, and moves focus.
export function show_crash(text) {
  if (crashed) return;
  crashed = true;
  const body = document.body;
  const box = document.createElement("div");
  box.className = "crash";
  box.tabIndex = -1;
  box.setAttribute("role", "alertdialog");
  box.setAttribute("aria-modal", "true");
  box.setAttribute("aria-labelledby", "crash-title");
  box.setAttribute("aria-describedby", "crash-what crash-safe");
  const inner = add(box, "div", "", "crash-inner");
  add(inner, "h1", "Rebound stopped").id = "crash-title";
  add(inner, "p", "A mistake in Rebound's own code made it stop. It wasn't anything you did.").id =
    "crash-what";
  add(
    inner,
    "p",
    "Everything saved before this is safe on this device. The last few seconds of typing may " +
      "not have been saved, so glance over your last change after reloading."
  ).id = "crash-safe";
  // A plain link: no Rust can run now, and the CSP forbids inline handlers. No hash, so it
  // always loads the page again (a link that differs only by its hash would just scroll).
  add(inner, "a", "Reload", "button primary crash-reload").href =
    location.pathname + location.search;
  const details = add(inner, "details", "", "crash-details");
  add(details, "summary", "What went wrong, to copy into a bug report");
  add(details, "pre", text);
  for (const el of body.children) {
    el.inert = true;
    el.setAttribute("aria-hidden", "true");
  }
  body.append(box);
  box.focus();
}

// Tests only: make calls into the wasm run again (the test removes the screen itself).
export function reset_crash() {
  crashed = false;
}
