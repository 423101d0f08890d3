// The crash screen and the guard on the wasm's exports: see src/crash.rs (this file ships as is).

let crashed = false;

// Returned by every call after the crash (not undefined: the glue reads some results as ret[1]).
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
      // Only the first instance, the app's, is guarded.
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

// The flag first: focus and inert below fire events the app listens to.
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
  // No hash: a link that differs only by its hash would scroll, not load.
  add(inner, "a", "Reload", "button primary crash-reload").href =
    location.pathname + location.search;
  const details = add(inner, "details", "", "crash-details");
  add(details, "summary", "Details for a bug report");
  add(details, "pre", text);
  for (const el of body.children) {
    el.inert = true;
    el.setAttribute("aria-hidden", "true");
  }
  body.append(box);
  box.focus();
}

// Tests only.
export function reset_crash() {
  crashed = false;
}
