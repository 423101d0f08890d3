//! End-to-end test harness for Rebound.
//!
//! The harness drives the real Trunk release build (`dist/`) in headless
//! Chromium through chromedriver, using [`fantoccini`]. It has three parts:
//!
//! * [`StaticServer`]: a tiny HTTP/1.1 static file server (std threads, no extra
//!   crates) with SPA fallback, correct MIME types and `Cache-Control: no-cache`.
//!   [`StaticServer::stop`] really closes the listener *and* every open
//!   connection, so the port refuses connections afterwards (offline tests rely
//!   on this); [`StaticServer::restart`] brings it back on the same port.
//! * [`Browser`]: a chromedriver child process plus a fantoccini session running
//!   headless Chromium with a fresh profile (both removed when dropped), with
//!   helpers for waiting, reading, typing, clicking, localStorage, service
//!   workers, windows, screenshots and console errors. An element inside a part of an
//!   interview's page that is not on show, or inside a closed `<details>` (a plan item's
//!   row), is reached as a person would: its part's tab is tapped, or its row opened, first
//!   (a plan item's row draws its editor only once opened: when what a test looks for is not
//!   in the page, the plan's closed rows are opened).
//! * [`setup`] / [`setup_with_dir`]: start one of each for a test.
//!
//! Every test gets its own server port, chromedriver and browser profile, so
//! tests are independent. Run them with
//! `cargo test --test e2e -- --test-threads=1` after `trunk build --release --offline`
//! (`scripts/test` does both).
//!
//! Environment overrides: `REBOUND_DIST` (directory to serve, default
//! `<crate>/dist`), `CHROMEDRIVER` (default `/usr/bin/chromedriver`),
//! `CHROME_BIN` (default `/usr/bin/chromium`).
//!
//! Helpers on [`Browser`] panic with a descriptive message on failure (after
//! saving a screenshot to `tests/e2e-artifacts/`), which keeps tests short.
#![allow(dead_code)]

use std::collections::HashMap;
use std::fs;
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use fantoccini::elements::Element;
use fantoccini::wd::WindowHandle;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value as Json};

/// Default timeout of the `wait_*` helpers.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// Poll interval of the `wait_*` helpers.
const POLL: Duration = Duration::from_millis(50);

/// `<crate root>`.
pub fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Directory for screenshots and other failure artifacts (gitignored).
pub fn artifacts_dir() -> PathBuf {
    crate_root().join("tests").join("e2e-artifacts")
}

/// The directory [`setup`] serves: `$REBOUND_DIST` or `<crate root>/dist`.
pub fn dist_dir() -> PathBuf {
    match std::env::var_os("REBOUND_DIST") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => crate_root().join("dist"),
    }
}

/// Serves the release build ([`dist_dir`]) and opens a fresh browser on it.
///
/// Panics with a hint if there is no release build.
pub async fn setup() -> (StaticServer, Browser) {
    let dist = dist_dir();
    require_release_build(&dist);
    setup_with_dir(&dist).await
}

/// Panics with a hint unless `dist` contains an `index.html`.
pub fn require_release_build(dist: &Path) {
    let Ok(html) = std::fs::read_to_string(dist.join("index.html")) else {
        panic!(
            "no release build at {}: run `trunk build --release --offline` first (scripts/test does this)",
            dist.display()
        );
    };
    // The post-build step (xtask) fills these in; one left means it did not run, or an older
    // xtask binary did (e.g. one built from another checkout into the same target directory).
    for placeholder in ["__INLINE_SCRIPT_HASHES__", "__WASM_URL__"] {
        assert!(
            !html.contains(placeholder),
            "{placeholder} is still in {}/index.html: the post-build step did not fill it in; \
             `touch xtask/src/main.rs` and build again",
            dist.display()
        );
    }
}

/// Serves `dir` (any directory, e.g. a [`TempDir`] fixture) and opens a fresh
/// browser on it.
pub async fn setup_with_dir(dir: &Path) -> (StaticServer, Browser) {
    let server = StaticServer::start(dir)
        .unwrap_or_else(|e| panic!("cannot start static server for {}: {e}", dir.display()));
    let browser = Browser::start(&server.base_url()).await;
    (server, browser)
}

// ---------------------------------------------------------------------------
// Temp dirs and ports
// ---------------------------------------------------------------------------

/// A uniquely named directory under the system temp dir, removed on drop.
#[derive(Debug)]
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    /// Creates `<tmp>/rebound-e2e-<prefix>-<pid>-<n>-<nanos>`.
    pub fn new(prefix: &str) -> io::Result<Self> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(
            "rebound-e2e-{prefix}-{}-{n}-{nanos}",
            std::process::id()
        ));
        fs::create_dir_all(&path)?;
        Ok(Self { path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `contents` to `relative` (creating parent directories).
    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> io::Result<PathBuf> {
        let path = self.path.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, contents)?;
        Ok(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// A currently free TCP port on 127.0.0.1 (chosen by the OS).
pub fn free_port() -> io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

// ---------------------------------------------------------------------------
// Static server
// ---------------------------------------------------------------------------

const MAX_HEAD: usize = 64 * 1024;
const IDLE_TIMEOUT: Duration = Duration::from_secs(60);

/// Static HTTP/1.1 file server on `127.0.0.1` for the app's build output.
///
/// * `GET`/`HEAD` of existing files, with Content-Type by extension and
///   `Cache-Control: no-cache`; a directory serves its `index.html`.
/// * Paths whose last segment has no extension fall back to `/index.html`
///   (SPA routing); missing files with an extension are `404`.
/// * Path traversal (`..`, backslashes, NUL, symlinks leaving the root) is `400`/`404`.
/// * One thread per connection, keep-alive and `Connection: close` honoured.
/// * Opt-in ([`StaticServer::start_gzip_static`]): like nginx's `gzip_static`, a request that
///   accepts gzip gets a file's precompressed sibling `<file>.gz`, when there is one, with
///   `Content-Encoding: gzip` (and `Vary: Accept-Encoding`).
///
/// Dropping the server stops it.
#[derive(Debug)]
pub struct StaticServer {
    root: PathBuf,
    addr: SocketAddr,
    log: Arc<Mutex<Vec<String>>>,
    gzip_static: bool,
    running: Option<Running>,
}

#[derive(Debug)]
struct Running {
    stop: Arc<AtomicBool>,
    accept: JoinHandle<()>,
    conns: Arc<Mutex<HashMap<u64, TcpStream>>>,
    workers: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl StaticServer {
    /// Serves `root` on an OS-chosen port.
    pub fn start(root: impl AsRef<Path>) -> io::Result<Self> {
        Self::start_on(root, 0)
    }

    /// Serves `root` on `port` (0 = OS-chosen).
    pub fn start_on(root: impl AsRef<Path>, port: u16) -> io::Result<Self> {
        Self::start_with(root.as_ref(), port, false)
    }

    /// Serves `root` on an OS-chosen port, answering requests that accept gzip with a file's
    /// precompressed `<file>.gz` when there is one (`Content-Encoding: gzip`), as static hosts
    /// compress what they send.
    pub fn start_gzip_static(root: impl AsRef<Path>) -> io::Result<Self> {
        Self::start_with(root.as_ref(), 0, true)
    }

    fn start_with(root: &Path, port: u16, gzip_static: bool) -> io::Result<Self> {
        let root = root.canonicalize()?;
        let mut server = Self {
            root,
            addr: SocketAddr::from(([127, 0, 0, 1], port)),
            log: Arc::new(Mutex::new(Vec::new())),
            gzip_static,
            running: None,
        };
        server.listen()?;
        Ok(server)
    }

    /// `http://127.0.0.1:<port>` (no trailing slash).
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Absolute URL of `path` (which should start with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url(), path)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Requests served so far, as `"GET /path 200"` (kept across restarts).
    pub fn requests(&self) -> Vec<String> {
        lock(&self.log).clone()
    }

    /// Forgets the request log.
    pub fn clear_requests(&self) {
        lock(&self.log).clear();
    }

    /// Closes the listener and every open connection, and waits for all server
    /// threads to finish. Afterwards connections to the port are refused.
    /// Idempotent.
    pub fn stop(&mut self) {
        let Some(running) = self.running.take() else {
            return;
        };
        running.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept(); it sees the flag and drops the listener.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(2));
        let _ = running.accept.join();
        for stream in lock(&running.conns).values() {
            let _ = stream.shutdown(Shutdown::Both);
        }
        let workers = std::mem::take(&mut *lock(&running.workers));
        for worker in workers {
            let _ = worker.join();
        }
    }

    /// Starts serving again on the same port (after [`stop`](Self::stop)).
    /// No-op if running.
    pub fn restart(&mut self) -> io::Result<()> {
        if self.running.is_none() {
            self.listen()?;
        }
        Ok(())
    }

    fn listen(&mut self) -> io::Result<()> {
        // std sets SO_REUSEADDR on Unix, so rebinding a just-closed port works.
        let listener = TcpListener::bind(self.addr)?;
        self.addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let conns: Arc<Mutex<HashMap<u64, TcpStream>>> = Arc::default();
        let workers: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::default();
        let accept = {
            let (stop, conns, workers) = (stop.clone(), conns.clone(), workers.clone());
            let (root, log, gzip) = (self.root.clone(), self.log.clone(), self.gzip_static);
            std::thread::Builder::new()
                .name(format!("static-server-{}", self.addr.port()))
                .spawn(move || accept_loop(listener, root, gzip, log, stop, conns, workers))?
        };
        self.running = Some(Running {
            stop,
            accept,
            conns,
            workers,
        });
        Ok(())
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn accept_loop(
    listener: TcpListener,
    root: PathBuf,
    gzip: bool,
    log: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    conns: Arc<Mutex<HashMap<u64, TcpStream>>>,
    workers: Arc<Mutex<Vec<JoinHandle<()>>>>,
) {
    let mut next_id: u64 = 0;
    loop {
        let accepted = listener.accept();
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Transient (e.g. ECONNABORTED, EMFILE): back off briefly.
                std::thread::sleep(Duration::from_millis(10));
                continue;
            }
        };
        let Ok(registered) = stream.try_clone() else {
            continue;
        };
        next_id += 1;
        let id = next_id;
        lock(&conns).insert(id, registered);
        let (root, log, stop, conns_for_worker) =
            (root.clone(), log.clone(), stop.clone(), conns.clone());
        let spawned = std::thread::Builder::new()
            .name(format!("static-conn-{id}"))
            .spawn(move || {
                handle_connection(stream, &root, gzip, &log, &stop);
                lock(&conns_for_worker).remove(&id);
            });
        let mut workers = lock(&workers);
        workers.retain(|w| !w.is_finished());
        match spawned {
            Ok(handle) => workers.push(handle),
            Err(_) => {
                if let Some(stream) = lock(&conns).remove(&id) {
                    let _ = stream.shutdown(Shutdown::Both);
                }
            }
        }
    }
    // The listener is dropped here: the port now refuses connections.
}

struct Request {
    method: String,
    target: String,
    keep_alive: bool,
    content_length: usize,
    chunked: bool,
    accepts_gzip: bool,
}

fn parse_head(head: &str) -> Option<Request> {
    let mut lines = head.split("\r\n");
    let mut parts = lines.next()?.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    let version = parts.next()?;
    if parts.next().is_some() || !version.starts_with("HTTP/1.") {
        return None;
    }
    let mut keep_alive = version == "HTTP/1.1";
    let mut content_length = 0;
    let mut chunked = false;
    let mut accepts_gzip = false;
    for line in lines {
        let (name, value) = line.split_once(':')?;
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "connection" => {
                let value = value.to_ascii_lowercase();
                if value.split(',').any(|v| v.trim() == "close") {
                    keep_alive = false;
                } else if value.split(',').any(|v| v.trim() == "keep-alive") {
                    keep_alive = true;
                }
            }
            "content-length" => content_length = value.parse().ok()?,
            "transfer-encoding" => chunked = !value.eq_ignore_ascii_case("identity"),
            "accept-encoding" => {
                accepts_gzip = value.split(',').any(|coding| {
                    let mut parts = coding.split(';').map(str::trim);
                    parts.next().is_some_and(|c| c.eq_ignore_ascii_case("gzip"))
                        && parts.all(|p| p.replace(' ', "") != "q=0")
                })
            }
            _ => {}
        }
    }
    Some(Request {
        method,
        target,
        keep_alive,
        content_length,
        chunked,
        accepts_gzip,
    })
}

fn find_head_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n")
}

/// Reads more bytes into `buf`; `false` on EOF or error.
fn fill_buf(stream: &mut TcpStream, buf: &mut Vec<u8>) -> bool {
    let mut chunk = [0u8; 8192];
    loop {
        match stream.read(&mut chunk) {
            Ok(0) => return false,
            Ok(n) => {
                buf.extend_from_slice(&chunk[..n]);
                return true;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return false,
        }
    }
}

fn handle_connection(
    mut stream: TcpStream,
    root: &Path,
    gzip: bool,
    log: &Mutex<Vec<String>>,
    stop: &AtomicBool,
) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_read_timeout(Some(IDLE_TIMEOUT));
    let _ = stream.set_write_timeout(Some(IDLE_TIMEOUT));
    let mut buf: Vec<u8> = Vec::with_capacity(8192);
    loop {
        let head_end = loop {
            if let Some(pos) = find_head_end(&buf) {
                break pos;
            }
            if buf.len() > MAX_HEAD {
                let _ = write_response(&mut stream, &Response::error(431), false, false);
                return;
            }
            if !fill_buf(&mut stream, &mut buf) {
                return;
            }
        };
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
        buf.drain(..head_end + 4);
        let Some(req) = parse_head(&head) else {
            let _ = write_response(&mut stream, &Response::error(400), false, false);
            return;
        };
        if req.chunked {
            let _ = write_response(&mut stream, &Response::error(501), false, false);
            return;
        }
        // Discard any request body.
        while buf.len() < req.content_length {
            if !fill_buf(&mut stream, &mut buf) {
                return;
            }
        }
        buf.drain(..req.content_length);

        let mut response = respond(root, &req.method, &req.target);
        if gzip {
            gzip_static(&mut response, req.accepts_gzip);
        }
        lock(log).push(format!("{} {} {}", req.method, req.target, response.status));
        let head_only = req.method == "HEAD";
        if write_response(&mut stream, &response, head_only, req.keep_alive).is_err() {
            return;
        }
        if !req.keep_alive {
            let _ = stream.shutdown(Shutdown::Write);
            return;
        }
    }
}

struct Response {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    allow: bool,
    /// The file served (for [`gzip_static`]).
    file: Option<PathBuf>,
    /// Set by [`gzip_static`]: `Some(_)` when the file has a `.gz` sibling (sends `Vary:
    /// Accept-Encoding`), `Some(true)` when the body is that sibling (`Content-Encoding: gzip`).
    gzip: Option<bool>,
}

impl Response {
    fn error(status: u16) -> Self {
        Self {
            status,
            content_type: "text/plain; charset=utf-8",
            body: format!("{status} {}\n", reason(status)).into_bytes(),
            allow: status == 405,
            file: None,
            gzip: None,
        }
    }
}

/// For a served file with a precompressed sibling `<file>.gz`: the compressed body when the
/// client accepts gzip, and `Vary: Accept-Encoding` either way.
fn gzip_static(response: &mut Response, accepts_gzip: bool) {
    let Some(file) = &response.file else {
        return;
    };
    let mut name = file.clone().into_os_string();
    name.push(".gz");
    let compressed = PathBuf::from(name);
    if !compressed.is_file() {
        return;
    }
    response.gzip = Some(false);
    if accepts_gzip {
        if let Ok(body) = fs::read(&compressed) {
            response.body = body;
            response.gzip = Some(true);
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        _ => "Unknown",
    }
}

fn write_response(
    stream: &mut TcpStream,
    response: &Response,
    head_only: bool,
    keep_alive: bool,
) -> io::Result<()> {
    let mut out = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: {}\r\n",
        response.status,
        reason(response.status),
        response.content_type,
        response.body.len(),
        if keep_alive { "keep-alive" } else { "close" },
    )
    .into_bytes();
    if response.allow {
        out.extend_from_slice(b"Allow: GET, HEAD\r\n");
    }
    if let Some(gzip) = response.gzip {
        if gzip {
            out.extend_from_slice(b"Content-Encoding: gzip\r\n");
        }
        out.extend_from_slice(b"Vary: Accept-Encoding\r\n");
    }
    out.extend_from_slice(b"\r\n");
    if !head_only {
        out.extend_from_slice(&response.body);
    }
    stream.write_all(&out)?;
    stream.flush()
}

/// Content-Type for a file name, by extension.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Maps a request target to a file under `root`; `Err(status)` if rejected.
fn resolve(root: &Path, target: &str) -> Result<PathBuf, u16> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return Err(400);
    }
    let decoded = percent_decode(path).ok_or(400u16)?;
    let mut rel = PathBuf::new();
    let mut last = "";
    for seg in decoded.split('/') {
        if seg == ".." || seg.contains('\\') || seg.contains('\0') {
            return Err(400);
        }
        if seg.is_empty() || seg == "." {
            continue;
        }
        rel.push(seg);
        last = seg;
    }
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(400);
    }
    let mut candidate = root.join(&rel);
    if candidate.is_dir() {
        candidate = candidate.join("index.html");
    }
    if candidate.is_file() {
        // Refuse symlinks that lead outside the served root.
        let real = candidate.canonicalize().map_err(|_| 404u16)?;
        return if real.starts_with(root) {
            Ok(real)
        } else {
            Err(404)
        };
    }
    if last.contains('.') {
        Err(404)
    } else {
        // SPA fallback: client-side routes get the app shell.
        let index = root.join("index.html");
        if index.is_file() {
            Ok(index)
        } else {
            Err(404)
        }
    }
}

fn respond(root: &Path, method: &str, target: &str) -> Response {
    if method != "GET" && method != "HEAD" {
        return Response::error(405);
    }
    let file = match resolve(root, target) {
        Ok(file) => file,
        Err(status) => return Response::error(status),
    };
    match fs::read(&file) {
        Ok(body) => Response {
            status: 200,
            content_type: content_type(&file),
            body,
            allow: false,
            file: Some(file),
            gzip: None,
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => Response::error(404),
        Err(_) => Response::error(500),
    }
}

// ---------------------------------------------------------------------------
// Minimal blocking HTTP client (chromedriver plumbing and server self-checks)
// ---------------------------------------------------------------------------

/// A response read by [`http_request`].
#[derive(Debug, Clone)]
pub struct HttpResponse {
    pub status: u16,
    /// Header names lower-cased.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One blocking HTTP/1.1 request with `Connection: close` (5 s timeouts).
/// `path` is sent verbatim, so it can carry traversal attempts.
pub fn http_request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    body: Option<&str>,
) -> io::Result<HttpResponse> {
    let timeout = Duration::from_secs(5);
    let mut stream = TcpStream::connect_timeout(&addr, timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    let body = body.unwrap_or("");
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if !body.is_empty() || method == "POST" {
        req.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            body.len()
        ));
    }
    req.push_str("\r\n");
    req.push_str(body);
    stream.write_all(req.as_bytes())?;
    // Servers may ignore `Connection: close` (chromedriver does), so read
    // exactly the head plus Content-Length bytes rather than until EOF.
    let bad = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_string());
    let mut raw = Vec::new();
    let head_end = loop {
        if let Some(pos) = find_head_end(&raw) {
            break pos;
        }
        if !fill_buf(&mut stream, &mut raw) {
            return Err(bad("connection closed before end of response head"));
        }
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad("bad status line"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw.split_off(head_end + 4);
    let content_length = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok());
    if method == "HEAD" || status == 204 || status == 304 {
        body.clear();
    } else if let Some(len) = content_length {
        while body.len() < len {
            if !fill_buf(&mut stream, &mut body) {
                return Err(bad("connection closed before end of response body"));
            }
        }
        body.truncate(len);
    } else {
        stream.read_to_end(&mut body)?;
    }
    Ok(HttpResponse {
        status,
        headers,
        body,
    })
}

// ---------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------

/// A console message from the browser log.
#[derive(Debug, Clone)]
pub struct LogEntry {
    /// `SEVERE`, `WARNING`, `INFO`, `DEBUG`.
    pub level: String,
    pub message: String,
}

/// Headless Chromium driven through a private chromedriver.
///
/// Dropping it ends the WebDriver session (Chromium quits), kills chromedriver
/// and deletes the profile directory.
#[derive(Debug)]
pub struct Browser {
    client: Client,
    base_url: String,
    driver: tokio::process::Child,
    driver_addr: SocketAddr,
    session_id: String,
    // Declared last: removed after chromedriver/Chromium are gone.
    profile: TempDir,
}

const CHROME_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--window-size=390,844",
];

/// Wait for a finished `.json` download in `dir` and return its path.
pub async fn downloaded_json(dir: &Path) -> PathBuf {
    for _ in 0..100 {
        if let Ok(entries) = fs::read_dir(dir) {
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "json") {
                    return path;
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no backup file was downloaded into {}", dir.display());
}

/// Wait for a finished, non-empty download in `dir` whose name ends in `.{ext}` and return its
/// text (a file still being written has Chromium's `.crdownload` ending, or is empty).
pub async fn downloaded_text(dir: &Path, ext: &str) -> String {
    for _ in 0..100 {
        let path = fs::read_dir(dir).ok().and_then(|d| {
            d.flatten()
                .map(|e| e.path())
                .find(|p| p.extension().is_some_and(|e| e == ext))
        });
        if let Some(text) = path.and_then(|p| fs::read_to_string(p).ok()) {
            if !text.is_empty() {
                return text;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no .{ext} file was downloaded into {}", dir.display());
}

fn env_path(var: &str, default: &str) -> String {
    match std::env::var(var) {
        Ok(v) if !v.is_empty() => v,
        _ => default.to_string(),
    }
}

impl Browser {
    // --- the app's own steps, shared by the test files ---------------------

    /// Set the value of the `<select>` or `<input>` matching `css` and send `input` and `change`,
    /// as a select, a date picker or a colour picker does when the user picks something.
    pub async fn choose(&self, css: &str, value: &str) {
        self.wait_for(css).await;
        self.eval_with(
            "const el = document.querySelector(arguments[0]); el.value = arguments[1]; \
             el.dispatchEvent(new Event('input', { bubbles: true })); \
             el.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![serde_json::json!(css), serde_json::json!(value)],
        )
        .await;
    }

    /// Let downloads land in `dir` (headless Chromium blocks them by default).
    pub async fn allow_downloads(&self, dir: &Path) {
        self.cdp(
            "Browser.setDownloadBehavior",
            serde_json::json!({ "behavior": "allow", "downloadPath": dir.to_string_lossy() }),
        )
        .await;
    }

    /// Log an interview through the app's form and return its id (from the page's URL).
    pub async fn log_interview(&self, company: &str, role: &str) -> String {
        self.goto("/interviews/new").await;
        self.fill("#new-company", company).await;
        self.fill("#new-role", role).await;
        self.click("button[type=submit]").await;
        self.wait_text("h1", &format!("{role} at {company}")).await;
        let path = self.current_path().await;
        match path.strip_prefix("/interviews/") {
            Some(id) => id.to_string(),
            None => {
                self.fail(format!("unexpected path after saving: {path}"))
                    .await
            }
        }
    }

    /// Store `n` questions of the user's own with answers ("Seeded question <k>?", answered
    /// "Answer <k>: …"), from Today, and reload there: since issue 14 only answered questions
    /// are practice cards. Keeps whatever else is stored.
    pub async fn seed_answers(&self, n: usize) {
        self.goto("/").await;
        self.wait_for("h1").await;
        self.eval_with(
            "const n = arguments[0]; \
             const list = JSON.parse(localStorage.getItem('rebound.questions') || '[]'); \
             const cats = ['behavioural','situational','weaknesses','motivation','career_story','salary','technical','ask_them']; \
             for (let k = 1; k <= n; k++) { \
               list.push({ id: 'seed-' + k, text: 'Seeded question ' + k + '?', category: cats[k % cats.length], \
                 answer: { text: 'Answer ' + k + ': what I did and what came of it.' }, created: k, updated: k }); } \
             localStorage.setItem('rebound.schema', localStorage.getItem('rebound.schema') || '2'); \
             localStorage.setItem('rebound.questions', JSON.stringify(list));",
            vec![serde_json::json!(n)],
        )
        .await;
        self.reload().await;
        self.wait_for("h1").await;
    }

    /// Starts chromedriver and headless Chromium with a fresh profile;
    /// relative paths given to [`goto`](Self::goto) resolve against `base_url`.
    /// Panics with a clear message if anything fails.
    pub async fn start(base_url: &str) -> Self {
        let chromedriver = env_path("CHROMEDRIVER", "/usr/bin/chromedriver");
        let chrome = env_path("CHROME_BIN", "/usr/bin/chromium");
        let profile = TempDir::new("profile").expect("create browser profile dir");

        // The port can be taken between probing and chromedriver binding it;
        // retry a few times with a new port if chromedriver does not come up.
        let mut last_err = String::new();
        for _attempt in 0..3 {
            let port = free_port().expect("find a free port for chromedriver");
            let driver_addr = SocketAddr::from(([127, 0, 0, 1], port));
            let mut driver = tokio::process::Command::new(&chromedriver)
                .arg(format!("--port={port}"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .kill_on_drop(true)
                .spawn()
                .unwrap_or_else(|e| {
                    panic!("cannot run chromedriver at {chromedriver} (set CHROMEDRIVER): {e}")
                });
            match wait_driver_ready(&mut driver, driver_addr).await {
                Ok(()) => {
                    let client = connect(&chrome, profile.path(), port).await;
                    let session_id = client
                        .session_id()
                        .await
                        .ok()
                        .flatten()
                        .expect("WebDriver session has an id");
                    return Self {
                        client,
                        base_url: base_url.trim_end_matches('/').to_string(),
                        driver,
                        driver_addr,
                        session_id,
                        profile,
                    };
                }
                Err(e) => {
                    last_err = e;
                    let _ = driver.kill().await;
                }
            }
        }
        panic!("chromedriver ({chromedriver}) did not become ready: {last_err}");
    }

    /// The underlying fantoccini client, for anything not wrapped here.
    pub fn client(&self) -> &Client {
        &self.client
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The browser profile directory (shared by all windows of this browser).
    pub fn profile_dir(&self) -> &Path {
        self.profile.path()
    }

    // --- navigation -------------------------------------------------------

    /// Navigates to `path` relative to the server (`"/"`, `"/deep/link"`), or
    /// to an absolute `http(s)://` URL. Waits for the load event.
    pub async fn goto(&self, path: &str) {
        let url = if path.starts_with("http://") || path.starts_with("https://") {
            path.to_string()
        } else if path.starts_with('/') {
            format!("{}{path}", self.base_url)
        } else {
            format!("{}/{path}", self.base_url)
        };
        if let Err(e) = self.client.goto(&url).await {
            self.fail::<()>(format!("goto {url} failed: {e}")).await;
        }
        self.wait_app_started().await;
    }

    /// Reloads the current page.
    pub async fn reload(&self) {
        if let Err(e) = self.client.refresh().await {
            self.fail::<()>(format!("reload failed: {e}")).await;
        }
        self.wait_app_started().await;
    }

    /// After a page load: waits (up to [`DEFAULT_TIMEOUT`], without failing) until the app has
    /// replaced index.html's static first frame with its own drawing (its `rebound:start` mark;
    /// it mounts in the same task), so that a step never acts on the static frame. Pages that are
    /// not the app (no `#welcome` template) and a page that never starts return at once or on
    /// the timeout; the steps after it say what went wrong.
    pub async fn wait_app_started(&self) {
        let start = Instant::now();
        while start.elapsed() < DEFAULT_TIMEOUT {
            let ready = self
                .client
                .execute(
                    "return !document.getElementById('welcome') \
                        || performance.getEntriesByName('rebound:start').length > 0;",
                    vec![],
                )
                .await;
            if !matches!(ready, Ok(Json::Bool(false))) {
                return;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// The current URL.
    pub async fn current_url(&self) -> String {
        match self.client.current_url().await {
            Ok(url) => url.to_string(),
            Err(e) => self.fail(format!("current_url failed: {e}")).await,
        }
    }

    /// Path (plus query) of the current URL, e.g. `"/history?x=1"`.
    pub async fn current_path(&self) -> String {
        let value = self
            .eval("return location.pathname + location.search;")
            .await;
        value.as_str().unwrap_or_default().to_string()
    }

    // --- finding and waiting ----------------------------------------------

    /// Waits (up to [`DEFAULT_TIMEOUT`]) for an element matching `css`.
    pub async fn wait_for(&self, css: &str) -> Element {
        self.wait_for_timeout(css, DEFAULT_TIMEOUT).await
    }

    /// [`wait_for`](Self::wait_for) with an explicit timeout.
    pub async fn wait_for_timeout(&self, css: &str, timeout: Duration) -> Element {
        let start = Instant::now();
        loop {
            let err = match self.client.find(Locator::Css(css)).await {
                Ok(el) => {
                    self.open_part_of(&el).await;
                    return el;
                }
                Err(e) => e,
            };
            self.open_closed_rows().await;
            if err.is_invalid_selector() {
                self.fail::<()>(format!("invalid CSS selector `{css}`: {err}"))
                    .await;
            }
            if start.elapsed() >= timeout {
                let msg = format!("timed out after {timeout:?} waiting for `{css}`: {err}");
                self.fail::<()>(msg).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// An element inside a part of the interview page that is not on show: tap that part's tab
    /// first, as a person would before reading or using it.
    async fn open_part_of(&self, el: &Element) {
        let Ok(arg) = serde_json::to_value(el) else {
            return;
        };
        let opened = self
            .client
            .execute(
                "const el = arguments[0]; let opened = false; \
                 for (let d = el.closest('details:not([open])'); d; \
                      d = d.parentElement && d.parentElement.closest('details:not([open])')) { \
                   const s = d.querySelector(':scope > summary'); \
                   if (!(s && s.contains(el))) { d.open = true; opened = true; } } \
                 const part = arguments[0].closest('[data-part][hidden]'); \
                 const tab = part && document.querySelector(`[data-part-tab=\"${part.dataset.part}\"]`); \
                 if (tab) { tab.click(); return true; } return opened;",
                vec![arg],
            )
            .await;
        if matches!(opened, Ok(Json::Bool(true))) {
            tokio::time::sleep(POLL).await;
        }
    }

    /// A plan item's row draws its editor only once opened: when what a test looks for is not
    /// in the page, the closed rows of the plan are opened, as a person looking for it would.
    async fn open_closed_rows(&self) {
        let _ = self
            .client
            .execute(
                "document.querySelectorAll('details.plan-details:not([open])') \
                   .forEach((d) => { d.open = true; });",
                vec![],
            )
            .await;
    }

    /// Waits until no element matches `css`.
    pub async fn wait_gone(&self, css: &str) {
        let start = Instant::now();
        while self.exists(css).await {
            if start.elapsed() >= DEFAULT_TIMEOUT {
                let msg =
                    format!("timed out after {DEFAULT_TIMEOUT:?} waiting for `{css}` to disappear");
                self.fail::<()>(msg).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Whether an element matches `css` right now (no waiting).
    pub async fn exists(&self, css: &str) -> bool {
        matches!(self.client.find_all(Locator::Css(css)).await, Ok(v) if !v.is_empty())
    }

    /// Number of elements matching `css` right now.
    pub async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .map(|v| v.len())
            .unwrap_or(0)
    }

    /// All elements matching `css` right now.
    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        match self.client.find_all(Locator::Css(css)).await {
            Ok(v) => v,
            Err(e) => self.fail(format!("find_all `{css}` failed: {e}")).await,
        }
    }

    /// Waits until the (first) element matching `css` has text containing
    /// `needle`; returns the full text.
    pub async fn wait_text(&self, css: &str, needle: &str) -> String {
        let start = Instant::now();
        let mut last = String::from("<no element>");
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                self.open_part_of(&el).await;
                if let Ok(text) = el.text().await {
                    if text.contains(needle) {
                        return text;
                    }
                    last = format!("{text:?}");
                }
            } else {
                self.open_closed_rows().await;
            }
            if start.elapsed() >= DEFAULT_TIMEOUT {
                let msg = format!(
                    "timed out after {DEFAULT_TIMEOUT:?} waiting for `{css}` to contain {needle:?}; last text: {last}"
                );
                self.fail::<()>(msg).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the JavaScript expression `js` (a function body that
    /// `return`s a value) is truthy; returns that value.
    pub async fn wait_js(&self, js: &str) -> Json {
        let start = Instant::now();
        loop {
            let last = self.client.execute(js, vec![]).await;
            match &last {
                Ok(v) if truthy(v) => return v.clone(),
                _ => {}
            }
            if start.elapsed() >= DEFAULT_TIMEOUT {
                let msg = format!(
                    "timed out after {DEFAULT_TIMEOUT:?} waiting for JS to be truthy: {js}\nlast: {last:?}"
                );
                self.fail::<()>(msg).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    // --- reading and acting -----------------------------------------------

    /// Visible text of the (first) element matching `css`, waiting for it to exist.
    pub async fn text(&self, css: &str) -> String {
        let el = self.wait_for(css).await;
        match el.text().await {
            Ok(t) => t,
            Err(e) => self.fail(format!("text of `{css}` failed: {e}")).await,
        }
    }

    /// An attribute of the (first) element matching `css`, waiting for it.
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        let el = self.wait_for(css).await;
        match el.attr(name).await {
            Ok(v) => v,
            Err(e) => {
                self.fail(format!("attr {name} of `{css}` failed: {e}"))
                    .await
            }
        }
    }

    /// A DOM property (e.g. `value`, `checked`) of the element matching `css`.
    pub async fn prop(&self, css: &str, name: &str) -> Option<String> {
        let el = self.wait_for(css).await;
        match el.prop(name).await {
            Ok(v) => v,
            Err(e) => {
                self.fail(format!("prop {name} of `{css}` failed: {e}"))
                    .await
            }
        }
    }

    /// Clears the input/textarea matching `css` and types `text` into it.
    pub async fn fill(&self, css: &str, text: &str) {
        let start = Instant::now();
        loop {
            let el = self.wait_for(css).await;
            let result = async {
                el.clear().await?;
                el.send_keys(text).await
            }
            .await;
            let err = match result {
                Ok(()) => return,
                Err(e) => e,
            };
            if start.elapsed() >= DEFAULT_TIMEOUT {
                self.fail::<()>(format!("fill `{css}` failed: {err}")).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Types `text` into the element matching `css` without clearing it first
    /// (use [`fantoccini::key::Key`] chars such as `'\u{e007}'` for Enter).
    pub async fn type_keys(&self, css: &str, text: &str) {
        let el = self.wait_for(css).await;
        if let Err(e) = el.send_keys(text).await {
            self.fail::<()>(format!("typing into `{css}` failed: {e}"))
                .await;
        }
    }

    /// Presses and releases one key on whatever has the focus, as a keyboard would
    /// (use [`fantoccini::key::Key`] chars such as `'\u{e004}'` for Tab).
    pub async fn press(&self, key: char) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let keys = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        if let Err(e) = self.client.perform_actions(keys).await {
            self.fail::<()>(format!("pressing {key:?} failed: {e}"))
                .await;
        }
    }

    /// Clicks the element matching `css`, retrying while it is not yet
    /// clickable (covered, detached, not interactable).
    pub async fn click(&self, css: &str) {
        let start = Instant::now();
        loop {
            let el = self.wait_for(css).await;
            // Bring it to the middle of the screen first, as a person scrolls before tapping:
            // chromedriver's own scrolling stops at the bottom edge, under the fixed nav bar.
            if let Ok(arg) = serde_json::to_value(&el) {
                let _ = self
                    .client
                    .execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg])
                    .await;
            }
            let err = match el.click().await {
                Ok(()) => return,
                Err(e) => e,
            };
            if start.elapsed() >= DEFAULT_TIMEOUT {
                self.fail::<()>(format!("click `{css}` failed: {err}"))
                    .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Runs `js` (a function body; use `return` for a value, `arguments[i]`
    /// for args) in the page.
    pub async fn eval_with(&self, js: &str, args: Vec<Json>) -> Json {
        match self.client.execute(js, args).await {
            Ok(v) => v,
            Err(e) => self.fail(format!("script failed: {e}\n{js}")).await,
        }
    }

    /// [`eval_with`](Self::eval_with) without arguments.
    pub async fn eval(&self, js: &str) -> Json {
        self.eval_with(js, vec![]).await
    }

    /// Runs async `js`: the last argument is a callback to call with the result.
    pub async fn eval_async(&self, js: &str, args: Vec<Json>) -> Json {
        match self.client.execute_async(js, args).await {
            Ok(v) => v,
            Err(e) => self.fail(format!("async script failed: {e}\n{js}")).await,
        }
    }

    // --- localStorage -----------------------------------------------------

    pub async fn local_storage_get(&self, key: &str) -> Option<String> {
        let v = self
            .eval_with(
                "return window.localStorage.getItem(arguments[0]);",
                vec![json!(key)],
            )
            .await;
        v.as_str().map(str::to_string)
    }

    pub async fn local_storage_set(&self, key: &str, value: &str) {
        self.eval_with(
            "window.localStorage.setItem(arguments[0], arguments[1]);",
            vec![json!(key), json!(value)],
        )
        .await;
    }

    pub async fn local_storage_remove(&self, key: &str) {
        self.eval_with(
            "window.localStorage.removeItem(arguments[0]);",
            vec![json!(key)],
        )
        .await;
    }

    pub async fn local_storage_clear(&self) {
        self.eval("window.localStorage.clear();").await;
    }

    /// All localStorage keys of the current origin, sorted.
    pub async fn local_storage_keys(&self) -> Vec<String> {
        let v = self.eval("return Object.keys(window.localStorage);").await;
        let mut keys: Vec<String> = v
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|k| k.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        keys.sort();
        keys
    }

    // --- service worker ---------------------------------------------------

    /// Waits until the page is controlled by a service worker
    /// (`navigator.serviceWorker.controller` non-null). If a worker is active
    /// but the page is still uncontrolled (no `clients.claim()`), reloads once.
    pub async fn wait_for_service_worker_control(&self) {
        const PROBE: &str = r#"
            const done = arguments[arguments.length - 1];
            if (!('serviceWorker' in navigator)) { done({ unsupported: true }); return; }
            const controlled = navigator.serviceWorker.controller !== null;
            navigator.serviceWorker.getRegistration().then(
                (reg) => done({ controlled, active: !!(reg && reg.active && reg.active.state === 'activated') }),
                (err) => done({ controlled, active: false, error: String(err) }),
            );
        "#;
        let start = Instant::now();
        let mut active_since: Option<Instant> = None;
        let mut reloaded = false;
        let mut last = Json::Null;
        while start.elapsed() < DEFAULT_TIMEOUT {
            last = self
                .client
                .execute_async(PROBE, vec![])
                .await
                .unwrap_or_else(|e| json!({ "error": e.to_string() }));
            if last["unsupported"] == json!(true) {
                self.fail::<()>(
                    "navigator.serviceWorker is not available (insecure context?)".into(),
                )
                .await;
            }
            if last["controlled"] == json!(true) {
                return;
            }
            if last["active"] == json!(true) {
                let since = *active_since.get_or_insert_with(Instant::now);
                if !reloaded && since.elapsed() > Duration::from_millis(500) {
                    reloaded = true;
                    self.reload().await;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        self.fail::<()>(format!(
            "timed out after {DEFAULT_TIMEOUT:?} waiting for service worker control (reloaded: {reloaded}); last probe: {last}"
        ))
        .await;
    }

    // --- windows ----------------------------------------------------------

    /// Opens a new top-level window (same profile, so same localStorage) and
    /// returns its handle. Does not switch to it; use [`switch_to`](Self::switch_to).
    pub async fn new_window(&self) -> WindowHandle {
        match self.client.new_window(false).await {
            Ok(w) => w.handle,
            Err(e) => self.fail(format!("new_window failed: {e}")).await,
        }
    }

    /// Makes `window` the target of subsequent commands.
    pub async fn switch_to(&self, window: &WindowHandle) {
        if let Err(e) = self.client.switch_to_window(window.clone()).await {
            self.fail::<()>(format!("switch_to {window:?} failed: {e}"))
                .await;
        }
    }

    /// Handle of the current window.
    pub async fn window(&self) -> WindowHandle {
        match self.client.window().await {
            Ok(w) => w,
            Err(e) => self.fail(format!("window() failed: {e}")).await,
        }
    }

    /// Handles of all open windows.
    pub async fn windows(&self) -> Vec<WindowHandle> {
        match self.client.windows().await {
            Ok(w) => w,
            Err(e) => self.fail(format!("windows() failed: {e}")).await,
        }
    }

    // --- diagnostics ------------------------------------------------------

    /// Saves a PNG of the current viewport to `tests/e2e-artifacts/<name>.png`
    /// (name sanitised) and returns its path.
    pub async fn screenshot(&self, name: &str) -> io::Result<PathBuf> {
        let png = self
            .client
            .screenshot()
            .await
            .map_err(|e| io::Error::other(e.to_string()))?;
        let dir = artifacts_dir();
        fs::create_dir_all(&dir)?;
        let file: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let path = dir.join(format!("{file}.png"));
        fs::write(&path, png)?;
        Ok(path)
    }

    /// Lay the page out as a 390 px wide phone (headless Chromium's window cannot be narrower
    /// than 500 px, so this goes through the DevTools protocol).
    pub async fn set_phone_viewport(&self) {
        self.set_viewport(390, 844).await;
    }

    /// Lay the page out as a phone `width` × `height` CSS px.
    pub async fn set_viewport(&self, width: u32, height: u32) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": true }),
        )
        .await;
    }

    /// Let the page read and write the clipboard, as a person who allowed it would.
    pub async fn grant_clipboard(&self) {
        let origin = self.base_url().to_string();
        self.cdp(
            "Browser.grantPermissions",
            serde_json::json!({"origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]}),
        )
        .await;
    }

    /// Show the page as a device set to `scheme` ("light" or "dark") would.
    pub async fn set_color_scheme(&self, scheme: &str) {
        self.cdp(
            "Emulation.setEmulatedMedia",
            serde_json::json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        )
        .await;
    }

    /// Runs a Chrome DevTools Protocol command through chromedriver
    /// (`goog/cdp/execute`) and returns its result (`Json::Null` on failure).
    /// E.g. `cdp("Page.getInstallabilityErrors", json!({}))`.
    pub async fn cdp(&self, cmd: &str, params: Json) -> Json {
        let addr = self.driver_addr;
        let path = format!("/session/{}/goog/cdp/execute", self.session_id);
        let body = serde_json::json!({ "cmd": cmd, "params": params }).to_string();
        let result =
            tokio::task::spawn_blocking(move || http_request(addr, "POST", &path, Some(&body)))
                .await;
        let Ok(Ok(resp)) = result else {
            return Json::Null;
        };
        let json: Json = serde_json::from_slice(&resp.body).unwrap_or(Json::Null);
        json["value"].clone()
    }

    /// Console/browser log entries since the last call (chromedriver drains
    /// its buffer on every read).
    pub async fn browser_logs(&self) -> Vec<LogEntry> {
        let addr = self.driver_addr;
        let path = format!("/session/{}/se/log", self.session_id);
        let result = tokio::task::spawn_blocking(move || {
            http_request(addr, "POST", &path, Some(r#"{"type":"browser"}"#))
        })
        .await;
        let Ok(Ok(resp)) = result else {
            return Vec::new();
        };
        let json: Json = serde_json::from_slice(&resp.body).unwrap_or(Json::Null);
        json["value"]
            .as_array()
            .map(|entries| {
                entries
                    .iter()
                    .map(|e| LogEntry {
                        level: e["level"].as_str().unwrap_or_default().to_string(),
                        message: e["message"].as_str().unwrap_or_default().to_string(),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Messages of `SEVERE` log entries (console.error, uncaught exceptions,
    /// failed resource loads) since the last log read.
    pub async fn browser_errors(&self) -> Vec<String> {
        self.browser_logs()
            .await
            .into_iter()
            .filter(|e| e.level == "SEVERE")
            .map(|e| e.message)
            .collect()
    }

    /// Saves a screenshot named after the current test and panics with `msg`,
    /// the screenshot path and recent console errors.
    pub async fn fail<T>(&self, msg: String) -> T {
        let name = std::thread::current()
            .name()
            .unwrap_or("e2e")
            .replace("::", "-");
        let shot = match self.screenshot(&format!("{name}-failure")).await {
            Ok(p) => format!("screenshot: {}", p.display()),
            Err(e) => format!("no screenshot: {e}"),
        };
        let errors = self.browser_errors().await;
        let url = self
            .client
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_default();
        panic!("{msg}\n  at: {url}\n  {shot}\n  console errors: {errors:#?}");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // End the session synchronously so Chromium quits cleanly (the async
        // client cannot be awaited here), then kill chromedriver.
        let _ = http_request(
            self.driver_addr,
            "DELETE",
            &format!("/session/{}", self.session_id),
            None,
        );
        let _ = self.driver.start_kill();
    }
}

fn truthy(v: &Json) -> bool {
    match v {
        Json::Null => false,
        Json::Bool(b) => *b,
        Json::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Json::String(s) => !s.is_empty(),
        _ => true,
    }
}

async fn wait_driver_ready(
    driver: &mut tokio::process::Child,
    addr: SocketAddr,
) -> Result<(), String> {
    let start = Instant::now();
    loop {
        if let Ok(Some(status)) = driver.try_wait() {
            return Err(format!("chromedriver exited early with {status}"));
        }
        let probe =
            tokio::task::spawn_blocking(move || http_request(addr, "GET", "/status", None)).await;
        if let Ok(Ok(resp)) = probe {
            let json: Json = serde_json::from_slice(&resp.body).unwrap_or(Json::Null);
            if resp.status == 200 && json["value"]["ready"] == json!(true) {
                return Ok(());
            }
        }
        if start.elapsed() > Duration::from_secs(10) {
            return Err(format!("no ready /status on {addr} after 10s"));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn connect(chrome: &str, profile: &Path, port: u16) -> Client {
    let mut args: Vec<String> = CHROME_ARGS.iter().map(|s| s.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": { "binary": chrome, "args": args },
        "goog:loggingPrefs": { "browser": "ALL" },
    });
    let Json::Object(caps) = caps else {
        unreachable!("capabilities are a JSON object")
    };
    let mut builder = ClientBuilder::rustls().expect("TLS setup for the WebDriver client");
    builder.capabilities(caps);
    let url = format!("http://127.0.0.1:{port}");
    match builder.connect(&url).await {
        Ok(client) => client,
        Err(e) => panic!(
            "cannot start headless Chromium ({chrome}, set CHROME_BIN) through chromedriver: {e}"
        ),
    }
}
