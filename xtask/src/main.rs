//! Build helpers for Rebound.
//!
//! `cargo run -p xtask -- post-build [DIR]` is Trunk's post-build hook. On the staged build
//! (`$TRUNK_STAGING_DIR`, or DIR when run by hand) it:
//! 1. hashes every inline `<script>` of `index.html` and puts the `'sha256-…'` sources in place of
//!    the `__INLINE_SCRIPT_HASHES__` token of the Content-Security-Policy;
//! 2. lists every file of the build into `sw.js` (the service worker's precache list) and stamps
//!    it with a build version derived from all file contents.
//!
//! Before both, it drops Trunk's `<link rel="preload">` of the wasm from `index.html` (see
//! [`drop_wasm_preload`]): on a first visit the loader fetches the wasm once the page is parsed.
//! On a returning visit `index.html`'s head compiles it at once (see [`early_wasm`]): this step
//! fills in the wasm's URL there and lets Trunk's loader take the compiled module.

use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

type Result<T> = std::result::Result<T, String>;

const CSP_PLACEHOLDER: &str = "__INLINE_SCRIPT_HASHES__";
const WASM_URL_PLACEHOLDER: &str = "__WASM_URL__";
const PRECACHE_MARKER: &str = "/* __PRECACHE__ */";
const VERSION_PLACEHOLDER: &str = "__BUILD_VERSION__";
const SERVICE_WORKER: &str = "sw.js";

const USAGE: &str = "usage: cargo run -p xtask -- post-build [DIR]\n\
    DIR defaults to $TRUNK_STAGING_DIR (set by Trunk for its hooks).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("post-build") => post_build_dir(args.get(1)).and_then(|dir| post_build(&dir)),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(summary) => {
            println!("xtask post-build: {summary}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("xtask: error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// The build directory: `$TRUNK_STAGING_DIR` when Trunk runs the hook, else the DIR argument.
fn post_build_dir(arg: Option<&String>) -> Result<PathBuf> {
    match std::env::var_os("TRUNK_STAGING_DIR") {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => arg
            .map(PathBuf::from)
            .ok_or_else(|| format!("TRUNK_STAGING_DIR is not set and no DIR was given\n{USAGE}")),
    }
}

/// Runs both steps on `dir` and returns a one-line summary.
fn post_build(dir: &Path) -> Result<String> {
    if !dir.is_dir() {
        return Err(format!("{} is not a directory", dir.display()));
    }

    // 1. CSP hashes of the inline scripts (before hashing files: this rewrites index.html).
    let index_path = dir.join("index.html");
    let (html, preloads) = drop_wasm_preload(&read_text(&index_path)?);
    if preloads == 0 {
        eprintln!(
            "xtask: warning: no <link rel=\"preload\"> of the wasm in {}",
            index_path.display()
        );
    }
    let html = if html.contains(WASM_URL_PLACEHOLDER) {
        early_wasm(&html).map_err(|err| format!("{}: {err}", index_path.display()))?
    } else {
        eprintln!(
            "xtask: warning: no {WASM_URL_PLACEHOLDER} in {}: the wasm is not compiled early",
            index_path.display()
        );
        html
    };
    let hashes: Vec<String> = inline_scripts(&html).into_iter().map(csp_hash).collect();
    if hashes.is_empty() {
        eprintln!(
            "xtask: warning: no inline <script> in {}",
            index_path.display()
        );
    }
    let html =
        fill_csp(&html, &hashes).map_err(|err| format!("{}: {err}", index_path.display()))?;
    write_text(&index_path, &html)?;

    // 2. Precache list and build version in the service worker.
    let sw_path = dir.join(SERVICE_WORKER);
    let sw = read_text(&sw_path)?;
    let files = build_files(dir)?;
    let version = build_version(&files, &sw);
    let urls: Vec<&str> = files.iter().map(|f| f.url.as_str()).collect();
    let sw = fill_service_worker(&sw, &urls, &version)
        .map_err(|err| format!("{}: {err}", sw_path.display()))?;
    write_text(&sw_path, &sw)?;

    let bytes: u64 = files.iter().map(|f| f.size).sum();
    Ok(format!(
        "{} inline script hash(es); precached {} files, {} bytes; version {version}",
        hashes.len(),
        files.len(),
        bytes
    ))
}

fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|err| format!("cannot read {}: {err}", path.display()))
}

fn write_text(path: &Path, text: &str) -> Result<()> {
    fs::write(path, text).map_err(|err| format!("cannot write {}: {err}", path.display()))
}

// ---------------------------------------------------------------------------------------------
// Before step 1: the wasm's preload

/// `html` without its `<link rel="preload">` tags of a `.wasm` file, and how many there were.
///
/// Trunk preloads the wasm from `<head>`, so its 600 KiB (gzipped) start down the link with the
/// CSS and the rest of the page, which the first frame needs first: on a slow phone link they
/// share the bandwidth and the first paint waits. Without the preload, the loader (the module
/// script, run once the page is parsed and its CSS is in) fetches the wasm itself, streaming it
/// into compilation as before. The service worker still precaches it.
fn drop_wasm_preload(html: &str) -> (String, usize) {
    let lower = html.to_ascii_lowercase(); // ASCII-only change: byte offsets stay valid
    let mut out = String::with_capacity(html.len());
    let mut dropped = 0;
    let mut copied = 0;
    let mut pos = 0;
    while let Some(found) = lower[pos..].find("<link") {
        let start = pos + found;
        let Some(end) = tag_end(&lower, start + "<link".len()) else {
            break; // unterminated tag: nothing more to find
        };
        let attrs = &lower[start + "<link".len()..end];
        if attrs.contains("rel=\"preload\"") && attrs.contains(".wasm\"") {
            out.push_str(&html[copied..start]);
            copied = end + 1;
            dropped += 1;
        }
        pos = end + 1;
    }
    out.push_str(&html[copied..]);
    (out, dropped)
}

/// `html` with the wasm compiled early on a returning visit.
///
/// `index.html`'s head starts `WebAssembly.compileStreaming` of `__WASM_URL__` into
/// `window.reboundWasm` when a service worker controls the page (everything comes from its
/// cache, so nothing shares a slow link with the CSS). This fills in the URL from Trunk's loader
/// (`init({ module_or_path: '<url>' })`) and has the loader take that module, or fetch the URL
/// itself as before when there is none or it failed. Without it, the wasm's fetch and compile
/// wait until the page is parsed and its scripts are in, one after the other.
fn early_wasm(html: &str) -> Result<String> {
    const LOADER: &str = "module_or_path: '";
    let mut loaders = html.match_indices(LOADER);
    let (Some((at, _)), None) = (loaders.next(), loaders.next()) else {
        return Err(format!("expected Trunk's loader (`{LOADER}…'`) once"));
    };
    let from = at + LOADER.len();
    let url = html[from..]
        .find('\'')
        .map(|len| &html[from..from + len])
        .filter(|url| url.ends_with(".wasm") && !url.contains(['"', '\\', '<']))
        .ok_or("the loader's module_or_path is not a .wasm URL")?;
    if html.matches(WASM_URL_PLACEHOLDER).count() != 1 {
        return Err(format!("expected {WASM_URL_PLACEHOLDER} once"));
    }
    let loader = format!("{LOADER}{url}'");
    let taking = format!(
        "module_or_path: window.reboundWasm ? window.reboundWasm.catch(() => fetch('{url}')) : '{url}'"
    );
    Ok(html
        .replacen(&loader, &taking, 1)
        .replacen(WASM_URL_PLACEHOLDER, url, 1))
}

// ---------------------------------------------------------------------------------------------
// Step 1: inline scripts and the Content-Security-Policy

/// The exact text of every inline `<script>` element (one without a `src` attribute), in order.
/// HTML comments are skipped. Tag names are matched case-insensitively.
fn inline_scripts(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase(); // ASCII-only change: byte offsets stay valid
    let mut scripts = Vec::new();
    let mut pos = 0;
    while let Some(found) = lower[pos..].find('<') {
        let start = pos + found;
        if lower[start..].starts_with("<!--") {
            pos = lower[start..]
                .find("-->")
                .map_or(html.len(), |end| start + end + 3);
            continue;
        }
        pos = start + 1;
        let after_name = start + "<script".len();
        let is_script = lower[start..].starts_with("<script")
            && lower[after_name..]
                .chars()
                .next()
                .is_some_and(|c| c == '>' || c == '/' || c.is_ascii_whitespace());
        if !is_script {
            continue;
        }
        let Some(tag_end) = tag_end(&lower, after_name) else {
            break; // unterminated tag: nothing more to find
        };
        let body_start = tag_end + 1;
        let body_end = lower[body_start..]
            .find("</script")
            .map_or(html.len(), |end| body_start + end);
        if !has_src_attribute(&lower[after_name..tag_end]) {
            scripts.push(&html[body_start..body_end]);
        }
        pos = body_end;
    }
    scripts
}

/// Index of the `>` closing the tag whose attributes start at `from` (quotes respected).
fn tag_end(html: &str, from: usize) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in html[from..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(from + i),
            (None, _) => {}
        }
    }
    None
}

/// Whether the attribute text of a tag (lower-cased) has an attribute named exactly `src`.
fn has_src_attribute(attrs: &str) -> bool {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return false;
        }
        let name_len = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        if &rest[..name_len] == "src" {
            return true;
        }
        rest = rest[name_len..].trim_start();
        if let Some(value) = rest.strip_prefix('=') {
            let value = value.trim_start();
            rest = match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].find(q).map_or("", |end| &value[end + 2..]),
                _ => {
                    let end = value
                        .find(|c: char| c.is_ascii_whitespace())
                        .unwrap_or(value.len());
                    &value[end..]
                }
            };
        }
    }
}

/// The CSP source for a script body: `'sha256-<base64 of its SHA-256>'`.
fn csp_hash(script: &str) -> String {
    let digest = Sha256::digest(script.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Replaces the CSP placeholder with the space-separated hash sources.
fn fill_csp(html: &str, hashes: &[String]) -> Result<String> {
    if !html.contains(CSP_PLACEHOLDER) {
        return Err(format!(
            "placeholder {CSP_PLACEHOLDER} not found (it belongs in the Content-Security-Policy \
             <meta> tag's script-src)"
        ));
    }
    Ok(html.replace(CSP_PLACEHOLDER, &hashes.join(" ")))
}

// ---------------------------------------------------------------------------------------------
// Step 2: precache list and build version

/// One file of the build.
#[derive(Debug)]
struct BuildFile {
    /// Absolute URL path, e.g. `/icons/icon-192.png`.
    url: String,
    /// Lower-case hex SHA-256 of the content.
    sha256: String,
    size: u64,
}

/// Every file under `dir` except the root `sw.js` and dotfiles (or anything in a dot folder),
/// sorted by URL.
fn build_files(dir: &Path) -> Result<Vec<BuildFile>> {
    let mut files = Vec::new();
    collect_files(dir, "", &mut files)?;
    files.sort_by(|a, b| a.url.cmp(&b.url));
    Ok(files)
}

fn collect_files(dir: &Path, url_prefix: &str, files: &mut Vec<BuildFile>) -> Result<()> {
    let entries =
        fs::read_dir(dir).map_err(|err| format!("cannot list {}: {err}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|err| format!("cannot list {}: {err}", dir.display()))?;
        let path = entry.path();
        let name = entry.file_name();
        let name = name
            .to_str()
            .ok_or_else(|| format!("file name is not UTF-8: {}", path.display()))?;
        if name.starts_with('.') || (url_prefix.is_empty() && name == SERVICE_WORKER) {
            continue;
        }
        let url = format!("{url_prefix}/{}", url_encode(name));
        let meta =
            fs::metadata(&path).map_err(|err| format!("cannot stat {}: {err}", path.display()))?;
        if meta.is_dir() {
            collect_files(&path, &url, files)?;
        } else {
            let content =
                fs::read(&path).map_err(|err| format!("cannot read {}: {err}", path.display()))?;
            files.push(BuildFile {
                url,
                sha256: hex(&Sha256::digest(&content)),
                size: content.len() as u64,
            });
        }
    }
    Ok(())
}

/// Percent-encodes a path segment (everything but RFC 3986 unreserved characters).
fn url_encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        })
}

/// First 16 hex digits of the SHA-256 of `"<url>\0<sha256>\n"` for every file, followed by the
/// same line for the service-worker template itself (so a change to sw.js alone also renames the
/// cache). Changes exactly when a file's content, name or presence changes.
fn build_version(files: &[BuildFile], sw_template: &str) -> String {
    let mut hasher = Sha256::new();
    for file in files {
        hasher.update(format!("{}\0{}\n", file.url, file.sha256));
    }
    let sw_hash = hex(&Sha256::digest(sw_template.as_bytes()));
    hasher.update(format!("/{SERVICE_WORKER}\0{sw_hash}\n"));
    hex(&hasher.finalize())[..16].to_string()
}

/// Replaces the line holding the precache marker with the URL list, and the version placeholder.
fn fill_service_worker(sw: &str, urls: &[&str], version: &str) -> Result<String> {
    let marker_lines = sw.lines().filter(|l| l.contains(PRECACHE_MARKER)).count();
    if marker_lines != 1 {
        return Err(format!(
            "expected exactly one line marked {PRECACHE_MARKER}, found {marker_lines}"
        ));
    }
    if !sw.contains(VERSION_PLACEHOLDER) {
        return Err(format!("placeholder {VERSION_PLACEHOLDER} not found"));
    }
    let list = format!("const PRECACHE = {};", json_string_array(urls));
    let mut out = String::with_capacity(sw.len() + list.len());
    for line in sw.split_inclusive('\n') {
        if line.contains(PRECACHE_MARKER) {
            let indent = &line[..line.len() - line.trim_start().len()];
            let eol = &line[line.trim_end_matches(['\r', '\n']).len()..];
            out.push_str(indent);
            out.push_str(&list);
            out.push_str(eol);
        } else {
            out.push_str(line);
        }
    }
    Ok(out.replace(VERSION_PLACEHOLDER, version))
}

/// A JSON array of strings (also a valid JavaScript array literal).
fn json_string_array(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| json_string(s)).collect();
    format!("[{}]", quoted.join(", "))
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            // U+2028/2029 are fine in JSON but were line breaks in older JavaScript.
            c if c < ' ' || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<!DOCTYPE html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' __INLINE_SCRIPT_HASHES__">
<script src="/external.js" defer></script>
<!-- <script>commented out</script> -->
<script type="module">import init from '/rebound-abc.js';
init();</script>
<SCRIPT data-src="not-src" title="a > b">console.log("two")</SCRIPT>
</head><body></body></html>"#;

    /// A fresh, empty directory under the system temp dir.
    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-test-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create temp dir");
        dir
    }

    #[test]
    fn finds_only_inline_scripts_with_exact_text() {
        assert_eq!(
            inline_scripts(SAMPLE),
            vec![
                "import init from '/rebound-abc.js';\ninit();",
                "console.log(\"two\")"
            ]
        );
    }

    #[test]
    fn drops_only_the_wasm_preload() {
        let html = r#"<head><link rel="stylesheet" href="/main.css"/>
<script type="module">init('/rebound_bg.wasm')</script>
<link rel="modulepreload" href="/rebound.js" crossorigin="anonymous"><LINK REL="preload" href="/rebound_bg.wasm" crossorigin="anonymous" integrity="sha384-a>b" as="fetch" type="application/wasm"></head>"#;
        let (out, dropped) = drop_wasm_preload(html);
        assert_eq!(dropped, 1);
        assert_eq!(
            out,
            r#"<head><link rel="stylesheet" href="/main.css"/>
<script type="module">init('/rebound_bg.wasm')</script>
<link rel="modulepreload" href="/rebound.js" crossorigin="anonymous"></head>"#
        );
        assert_eq!(drop_wasm_preload(&out), (out.clone(), 0));
    }

    #[test]
    fn the_early_wasm_gets_its_url_and_the_loader_takes_it() {
        let html = r#"<head><script>if(c){window.reboundWasm=WebAssembly.compileStreaming(fetch("__WASM_URL__"))}</script>
<script type="module">
const wasm = await init({ module_or_path: '/rebound-1f_bg.wasm' });
</script></head>"#;
        assert_eq!(
            early_wasm(html).expect("both parts present"),
            r#"<head><script>if(c){window.reboundWasm=WebAssembly.compileStreaming(fetch("/rebound-1f_bg.wasm"))}</script>
<script type="module">
const wasm = await init({ module_or_path: window.reboundWasm ? window.reboundWasm.catch(() => fetch('/rebound-1f_bg.wasm')) : '/rebound-1f_bg.wasm' });
</script></head>"#
        );
        // Without the loader, without the placeholder, with a loader that is not a wasm, or
        // twice: a clear error, never a half-rewritten page.
        assert!(early_wasm("<script>fetch(\"__WASM_URL__\")</script>").is_err());
        let no_placeholder = "init({ module_or_path: '/a_bg.wasm' })";
        assert!(early_wasm(no_placeholder).is_err());
        assert!(early_wasm("__WASM_URL__ init({ module_or_path: '/a.js' })").is_err());
        assert!(early_wasm(&format!("__WASM_URL__ {no_placeholder} {no_placeholder}")).is_err());
    }

    #[test]
    fn src_attribute_detection() {
        assert!(has_src_attribute(r#" src="/a.js""#));
        assert!(has_src_attribute(" defer src=/a.js"));
        assert!(has_src_attribute(r#" type="module" src='x'"#));
        assert!(!has_src_attribute(r#" data-src="x" type="module""#));
        assert!(!has_src_attribute(r#" title="src" nonce='src'"#));
        assert!(!has_src_attribute(""));
    }

    #[test]
    fn csp_hash_matches_known_value() {
        // SHA-256 of the empty string.
        assert_eq!(
            csp_hash(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
    }

    #[test]
    fn fills_csp_or_reports_missing_placeholder() {
        let hashes: Vec<String> = inline_scripts(SAMPLE).into_iter().map(csp_hash).collect();
        let html = fill_csp(SAMPLE, &hashes).expect("placeholder present");
        assert!(!html.contains(CSP_PLACEHOLDER));
        assert!(html.contains(&format!("script-src 'self' {} {}\"", hashes[0], hashes[1])));
        assert!(fill_csp("<html></html>", &hashes).is_err());
    }

    #[test]
    fn fills_service_worker() {
        let sw =
            "// sw\n  const PRECACHE = []; /* __PRECACHE__ */\nconst V = \"__BUILD_VERSION__\";\n";
        let out = fill_service_worker(sw, &["/index.html", "/a b\"c"], "0123456789abcdef")
            .expect("placeholders present");
        assert_eq!(
            out,
            "// sw\n  const PRECACHE = [\"/index.html\", \"/a b\\\"c\"];\nconst V = \"0123456789abcdef\";\n"
        );
        assert!(fill_service_worker("const V = \"__BUILD_VERSION__\";", &[], "v").is_err());
        assert!(fill_service_worker("const PRECACHE = []; /* __PRECACHE__ */", &[], "v").is_err());
    }

    #[test]
    fn lists_files_sorted_and_version_tracks_content() {
        let dir = temp_dir("files");
        fs::create_dir_all(dir.join("icons")).unwrap();
        fs::create_dir_all(dir.join(".hidden")).unwrap();
        fs::write(dir.join("index.html"), "<html></html>").unwrap();
        fs::write(dir.join("app_bg.wasm"), [0u8, 97, 115, 109]).unwrap();
        fs::write(dir.join("icons/icon 1.png"), "png").unwrap();
        fs::write(dir.join(".DS_Store"), "x").unwrap();
        fs::write(dir.join(".hidden/secret"), "x").unwrap();
        fs::write(dir.join("sw.js"), "sw").unwrap();

        let files = build_files(&dir).unwrap();
        let urls: Vec<&str> = files.iter().map(|f| f.url.as_str()).collect();
        assert_eq!(urls, ["/app_bg.wasm", "/icons/icon%201.png", "/index.html"]);
        assert_eq!(files.iter().map(|f| f.size).sum::<u64>(), 4 + 3 + 13);

        let v1 = build_version(&files, "sw");
        assert_eq!(v1.len(), 16);
        assert_eq!(v1, build_version(&build_files(&dir).unwrap(), "sw"));
        assert_ne!(v1, build_version(&files, "sw changed"));

        fs::write(dir.join("icons/icon 1.png"), "png2").unwrap();
        let v2 = build_version(&build_files(&dir).unwrap(), "sw");
        assert_ne!(v1, v2);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn post_build_rewrites_a_staging_dir() {
        let dir = temp_dir("post-build");
        fs::write(dir.join("index.html"), SAMPLE).unwrap();
        fs::write(dir.join("rebound_bg.wasm"), "wasm").unwrap();
        fs::write(
            dir.join("sw.js"),
            "const PRECACHE = []; /* __PRECACHE__ */\nconst VERSION = \"__BUILD_VERSION__\";\n",
        )
        .unwrap();

        let summary = post_build(&dir).unwrap();
        assert!(summary.contains("2 inline script hash(es); precached 2 files"));
        let html = fs::read_to_string(dir.join("index.html")).unwrap();
        assert!(html.contains("script-src 'self' 'sha256-"));
        let sw = fs::read_to_string(dir.join("sw.js")).unwrap();
        assert!(sw.starts_with("const PRECACHE = [\"/index.html\", \"/rebound_bg.wasm\"];\n"));
        assert!(!sw.contains(VERSION_PLACEHOLDER));

        // Running again fails clearly: the placeholders are gone.
        let err = post_build(&dir).unwrap_err();
        assert!(err.contains(CSP_PLACEHOLDER), "{err}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
