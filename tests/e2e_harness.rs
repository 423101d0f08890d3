#![cfg(not(target_arch = "wasm32"))]
//! Self-checks of the end-to-end harness (tests/e2e/support.rs), on small fixtures.
//!
//! Needs `chromium` and `chromedriver`, and (for app tests using [`support::setup`])
//! a release build in `dist/`: run `trunk build --release --offline` first
//! (`scripts/test` does this). Run with
//! `cargo test --test e2e -- --test-threads=1`.
//!
//! The `harness_*` tests below check the harness itself against small fixtures
//! in temp dirs; they do not need the real `dist/`.

#[path = "e2e/support.rs"]
mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use serde_json::json;
use support::{http_request, setup_with_dir, Browser, StaticServer, TempDir};

// ---------------------------------------------------------------------------
// Harness self-checks (fixtures, not the real dist)
// ---------------------------------------------------------------------------

const PLAIN_INDEX: &str =
    "<!doctype html><html><head><title>fixture</title></head><body><h1 id=t>hello</h1></body></html>";

/// A script-free fixture site.
fn plain_fixture() -> TempDir {
    let dir = TempDir::new("fixture").expect("create fixture dir");
    dir.write("index.html", PLAIN_INDEX)
        .expect("write index.html");
    dir.write("app.js", "console.log('app');")
        .expect("write app.js");
    dir.write("app_bg.wasm", b"\0asm\x01\0\0\0")
        .expect("write wasm");
    dir.write("style.css", "h1 { color: red }")
        .expect("write css");
    dir.write("manifest.webmanifest", "{}")
        .expect("write manifest");
    dir.write(
        "icons/icon.svg",
        "<svg xmlns='http://www.w3.org/2000/svg'/>",
    )
    .expect("write svg");
    dir.write("probe.txt", "probe").expect("write probe");
    dir
}

/// `fetch()` from inside the page; returns `"status N"` or `"error ..."`.
async fn page_fetch(browser: &Browser, path: &str) -> String {
    let js = r#"
        const done = arguments[arguments.length - 1];
        fetch(arguments[0] + '?' + Date.now(), { cache: 'no-store' })
            .then((r) => done('status ' + r.status), (e) => done('error ' + e));
    "#;
    let v = browser.eval_async(js, vec![json!(path)]).await;
    v.as_str().unwrap_or_default().to_string()
}

#[test]
fn harness_server_types_fallback_404_and_traversal() {
    let site = plain_fixture();
    let server = StaticServer::start(site.path()).expect("start server");
    let get = |path: &str| http_request(server.addr(), "GET", path, None).expect("GET");

    let index = get("/");
    assert_eq!(index.status, 200);
    assert_eq!(
        index.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(index.header("cache-control"), Some("no-cache"));
    assert!(index.text().contains("<h1 id=t>hello</h1>"));

    for (path, ty) in [
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/app_bg.wasm", "application/wasm"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/manifest.webmanifest", "application/manifest+json"),
        ("/icons/icon.svg", "image/svg+xml"),
        ("/index.html", "text/html; charset=utf-8"),
    ] {
        let r = get(path);
        assert_eq!(
            (r.status, r.header("content-type")),
            (200, Some(ty)),
            "{path}"
        );
    }

    // SPA fallback for extension-less paths, 404 for missing files.
    for path in ["/a/b", "/history", "/deep/link?x=1"] {
        let r = get(path);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.text(), PLAIN_INDEX, "{path}");
    }
    assert_eq!(get("/missing.js").status, 404);
    assert_eq!(get("/icons/missing.png").status, 404);

    // Traversal is rejected.
    for path in [
        "/../etc/passwd",
        "/%2e%2e/etc/passwd",
        "/a/..%2f..%2fetc/passwd",
        "/a\\..\\b.txt",
    ] {
        let r = get(path);
        assert!(r.status == 400 || r.status == 404, "{path}: {}", r.status);
        assert!(!r.text().contains("root:"), "{path}");
    }

    // HEAD has headers but no body; other methods are 405.
    let head = http_request(server.addr(), "HEAD", "/app.js", None).expect("HEAD");
    assert_eq!(head.status, 200);
    assert_eq!(head.header("content-length"), Some("19"));
    assert!(head.body.is_empty());
    let post = http_request(server.addr(), "POST", "/", Some("{}")).expect("POST");
    assert_eq!(post.status, 405);

    assert!(server
        .requests()
        .contains(&"GET /missing.js 404".to_string()));
}

#[test]
fn harness_server_keep_alive_pipelining_and_concurrency() {
    let site = plain_fixture();
    let server = StaticServer::start(site.path()).expect("start server");

    // Two pipelined keep-alive requests, then one with `Connection: close`.
    let mut s = TcpStream::connect(server.addr()).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    s.write_all(
        b"GET /probe.txt HTTP/1.1\r\nHost: x\r\n\r\nGET /app.js HTTP/1.1\r\nHost: x\r\n\r\n\
          GET /probe.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .expect("write");
    let mut all = String::new();
    s.read_to_string(&mut all)
        .expect("read until the server closes");
    assert_eq!(all.matches("HTTP/1.1 200 OK").count(), 3, "{all}");
    assert_eq!(all.matches("Connection: keep-alive").count(), 2, "{all}");
    assert!(all.ends_with("probe"), "{all}");

    // Many parallel connections.
    let addr = server.addr();
    let threads: Vec<_> = (0..32)
        .map(|i| {
            std::thread::spawn(move || {
                let path = if i % 2 == 0 { "/app.js" } else { "/x/y" };
                http_request(addr, "GET", path, None)
                    .expect("parallel GET")
                    .status
            })
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().expect("join"), 200);
    }
}

#[test]
fn harness_missing_release_build_has_clear_message() {
    let empty = TempDir::new("nodist").expect("temp dir");
    let err = std::panic::catch_unwind(|| support::require_release_build(empty.path()))
        .expect_err("must panic without index.html");
    let msg = err.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(msg.starts_with("no release build at "), "{msg}");
    assert!(msg.contains("trunk build --release --offline"), "{msg}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn harness_browser_sees_fixture_and_spa_fallback() {
    let site = plain_fixture();
    let (server, browser) = setup_with_dir(site.path()).await;

    browser.goto("/").await;
    assert_eq!(browser.wait_text("#t", "hello").await, "hello");
    browser.goto("/a/b").await;
    assert_eq!(browser.text("h1#t").await, "hello");
    assert_eq!(browser.current_path().await, "/a/b");
    assert!(!browser.exists("#nope").await);
    assert!(server.requests().iter().any(|r| r == "GET /a/b 200"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn harness_stop_really_closes_the_port_and_restart_reopens_it() {
    let site = plain_fixture();
    let (mut server, browser) = setup_with_dir(site.path()).await;
    browser.goto("/").await;
    browser.wait_text("#t", "hello").await;
    assert_eq!(page_fetch(&browser, "/probe.txt").await, "status 200");

    server.stop();
    assert!(!server.is_running());
    let refused = TcpStream::connect_timeout(&server.addr(), Duration::from_secs(2));
    assert!(
        refused.is_err(),
        "port still accepts connections after stop()"
    );
    let fetched = page_fetch(&browser, "/probe.txt").await;
    assert!(
        fetched.starts_with("error"),
        "fetch after stop(): {fetched}"
    );

    server.restart().expect("restart on the same port");
    assert_eq!(page_fetch(&browser, "/probe.txt").await, "status 200");
    browser.goto("/again").await;
    browser.wait_text("#t", "hello").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn harness_local_storage_and_two_windows() {
    let site = plain_fixture();
    let (_server, browser) = setup_with_dir(site.path()).await;
    browser.goto("/").await;
    browser.local_storage_clear().await;
    assert_eq!(browser.local_storage_get("k").await, None);
    browser.local_storage_set("k", "v1").await;
    browser.local_storage_set("a", "{\"x\":1}").await;
    assert_eq!(browser.local_storage_get("k").await.as_deref(), Some("v1"));
    assert_eq!(browser.local_storage_keys().await, ["a", "k"]);

    let first = browser.window().await;
    let second = browser.new_window().await;
    browser.switch_to(&second).await;
    browser.goto("/other").await;
    browser.wait_text("#t", "hello").await;
    assert_eq!(browser.local_storage_get("k").await.as_deref(), Some("v1"));
    browser.local_storage_set("k", "v2").await;
    assert_eq!(browser.windows().await.len(), 2);

    browser.switch_to(&first).await;
    assert_eq!(browser.local_storage_get("k").await.as_deref(), Some("v2"));
    browser.local_storage_remove("a").await;
    assert_eq!(browser.local_storage_keys().await, ["k"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn harness_browser_errors_and_screenshot() {
    let site = plain_fixture();
    site.write(
        "err.html",
        "<!doctype html><p id=p>errs</p><script>console.error('boom-' + (40 + 2));</script>",
    )
    .expect("write err.html");
    let (_server, browser) = setup_with_dir(site.path()).await;
    browser.goto("/err.html").await;
    browser.wait_for("#p").await;
    let errors = browser.browser_errors().await;
    assert!(errors.iter().any(|e| e.contains("boom-42")), "{errors:?}");

    let shot = browser
        .screenshot("harness-screenshot")
        .await
        .expect("save screenshot");
    let png = std::fs::read(&shot).expect("read screenshot");
    assert!(png.starts_with(b"\x89PNG"), "not a PNG: {}", shot.display());
    let _ = std::fs::remove_file(shot);
}

const SW_INDEX: &str = r#"<!doctype html>
<html><head><title>sw fixture</title></head>
<body><h1 id=t>hello</h1><script src="/app.js"></script></body></html>"#;

const SW_APP: &str = r#"navigator.serviceWorker.register('/sw.js');"#;

const SW: &str = r#"
const CACHE = 'fixture-v1';
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE)
    .then((c) => c.addAll(['/index.html', '/app.js']))
    .then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (e) => {
  if (e.request.mode === 'navigate') {
    e.respondWith(fetch(e.request).catch(() => caches.match('/index.html')));
    return;
  }
  e.respondWith(caches.match(e.request).then((r) => r || fetch(e.request)));
});
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn harness_service_worker_serves_app_offline() {
    let site = TempDir::new("sw-fixture").expect("create fixture dir");
    site.write("index.html", SW_INDEX)
        .expect("write index.html");
    site.write("app.js", SW_APP).expect("write app.js");
    site.write("sw.js", SW).expect("write sw.js");
    let (mut server, browser) = setup_with_dir(site.path()).await;

    browser.goto("/").await;
    browser.wait_text("#t", "hello").await;
    browser.wait_for_service_worker_control().await;

    server.stop();
    assert!(
        TcpStream::connect(server.addr()).is_err(),
        "server still up"
    );

    browser.reload().await;
    browser.wait_text("#t", "hello").await;
    browser.goto("/deep/link").await;
    browser.wait_text("#t", "hello").await;
    assert_eq!(browser.current_path().await, "/deep/link");
    let fetched = page_fetch(&browser, "/not-cached.txt").await;
    assert!(
        fetched.starts_with("error"),
        "network should be gone: {fetched}"
    );
}
