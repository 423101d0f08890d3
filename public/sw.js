// Rebound service worker: makes every screen work offline, from the first visit on.
//
// This file is a template. After each build, `cargo run -p xtask -- post-build` rewrites the two
// marked placeholders: the PRECACHE line (every file of the build) and the build version (a hash
// of all file contents, so it changes exactly when the build changes).
//
// Update flow: a new version installs and fills its own cache, then waits. The page asks it to take
// over by posting {type: 'SKIP_WAITING'}; on activation it deletes the older caches.
// Nothing here talks to another origin.

const PRECACHE = []; /* __PRECACHE__ */
const VERSION = "__BUILD_VERSION__";
const CACHE = "rebound-" + VERSION;
const APP_SHELL = "/index.html";
const OFFLINE_TEXT = "Rebound is offline and its files are not cached yet.";

self.addEventListener("install", (event) => {
  // `cache: 'reload'` bypasses the HTTP cache, so the new cache never mixes in stale files.
  // If any file fails, install fails on purpose: a half-filled cache must never become active.
  // The browser simply tries again on a later visit.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" }))))
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("rebound-") && name !== CACHE)
            .map((name) => caches.delete(name))
        )
      )
      .catch((err) => console.warn("Rebound: could not delete old caches", err))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") {
    self.skipWaiting();
  }
});

// A response that followed a redirect (e.g. a host sending /index.html to /) may not be used to
// answer a navigation, so copy it into a fresh, non-redirected one.
function unredirected(response) {
  if (!response || !response.redirected) return response;
  return response.blob().then(
    (body) =>
      new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      })
  );
}

// Look a request up in this version's cache only (exact match, query string included).
// The cache is opened once a worker's life, not once a request: a returning visit asks for the
// page, the CSS, the scripts and the wasm at once, and each open is a round trip of its own.
let opened = null;
function fromCache(request) {
  if (!opened) opened = caches.open(CACHE);
  return opened.then((cache) => cache.match(request)).catch(() => {
    opened = null; // opened again next time
    return undefined;
  });
}

function offline() {
  return new Response(OFFLINE_TEXT, {
    status: 503,
    statusText: "Service Unavailable",
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  // Only same-origin GETs; anything else goes to the network untouched.
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;

  if (request.mode === "navigate") {
    // Single-page app: every path (deep links included) is served by the cached app shell.
    event.respondWith(
      fromCache(APP_SHELL)
        .then((cached) => cached || fetch(APP_SHELL))
        .then(unredirected)
        .then((response) => response || offline())
        .catch(offline)
    );
    return;
  }

  // Everything else: cache first, then the network. If both fail, a plain network error.
  event.respondWith(
    fromCache(request)
      .then((cached) => cached || fetch(request))
      .catch(() => Response.error())
  );
});
