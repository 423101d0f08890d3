//! The layering rule, checked on the source: components never import pages, and pages never
//! import other pages (what two screens share lives in `components`, `state` or `core`).
//! `pages/mod.rs` holds only its doc comment and `mod` lines.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources(under: &str) -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(under);
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    assert!(!files.is_empty(), "no sources under src/{under}");
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            (p, text)
        })
        .collect()
}

/// The lines of `text` that break the rule, for the failure message.
fn offending(text: &str, bad: &[&str]) -> Vec<String> {
    text.lines()
        .filter(|l| bad.iter().any(|b| l.contains(b)))
        .map(|l| l.trim().to_string())
        .collect()
}

#[test]
fn components_never_import_pages() {
    for (path, text) in sources("components") {
        let lines = offending(&text, &["crate::pages"]);
        assert!(
            lines.is_empty(),
            "{} uses a page: {lines:?}",
            path.display()
        );
    }
}

#[test]
fn pages_never_import_other_pages() {
    let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/pages");
    for (path, text) in sources("pages") {
        // A page split into a folder may reach its own parts through `super::`; a page file
        // directly under `pages/` has only other pages above it.
        let top_level = path.parent() == Some(pages.as_path());
        let bad: &[&str] = if top_level {
            &["crate::pages", "super::"]
        } else {
            &["crate::pages"]
        };
        let lines = offending(&text, bad);
        assert!(
            lines.is_empty(),
            "{} uses another page: {lines:?}",
            path.display()
        );
    }
}

#[test]
fn pages_mod_holds_only_mod_lines() {
    let text = include_str!("pages/mod.rs");
    for line in text.lines() {
        let l = line.trim();
        let ok = l.is_empty()
            || l.starts_with("//!")
            || (l.starts_with("pub mod ") || l.starts_with("mod ")) && l.ends_with(';');
        assert!(ok, "pages/mod.rs holds more than mod lines: {l}");
    }
}

#[test]
fn the_check_sees_a_page_import() {
    assert_eq!(
        offending(
            "use crate::pages::journey::x;\nlet a = 1;",
            &["crate::pages"]
        ),
        vec!["use crate::pages::journey::x;".to_string()]
    );
}

/// What a view line must not hold: a bare closure as an event handler or a reactive child.
/// Each compiles the same listener or reactive code again; `crate::erase` boxes them into one
/// type (`on:click=click(...)`, `{rx(move || ...)}`), which saved 21.6 KiB gzipped.
fn unerased(line: &str) -> bool {
    let handler = ["click", "change", "input", "submit", "toggle"]
        .iter()
        .any(|ev| line.contains(&format!("on:{ev}=move")) || line.contains(&format!("on:{ev}=|")));
    let child = line.trim_start().starts_with("{move ||");
    // A memo through `erase::memo` boxes its function: 2.1 KiB less gzipped over 66 memos.
    let memo = line.contains("Memo::new(");
    handler || child || memo
}

#[test]
fn views_use_the_erase_helpers() {
    for under in ["components", "pages", "state"] {
        for (path, text) in sources(under) {
            let lines: Vec<&str> = text.lines().filter(|l| unerased(l)).collect();
            assert!(
                lines.is_empty(),
                "{} has a view closure not through crate::erase: {lines:?}",
                path.display()
            );
        }
    }
}

#[test]
fn the_check_sees_a_bare_closure() {
    assert!(unerased("    on:click=move |_| go()"));
    assert!(unerased("            {move || count.get()}"));
    assert!(!unerased("    on:click=click(move |_| go())"));
    assert!(!unerased("            {rx(move || count.get())}"));
    assert!(!unerased("    prop:value=move || text.get()"));
    assert!(unerased("    let due = Memo::new(move |_| queue.len());"));
    assert!(!unerased("    let due = memo(move |_| queue.len());"));
}
