//! docreview: reviews Markdown documentation the way a careful human reviewer does and writes the fixes
//! the author accepts back to disk, safely.
//!
//! Layers only point down: `commands` (one module per command) load what they need through `session`,
//! which calls `config`, `core` and `io`; `core` is pure (no file system, git, terminal or clock), `io`
//! holds every side effect, and `report` and `tui` render what the commands hand them.
#![forbid(unsafe_code)]

pub mod cli;
pub mod commands;
pub mod config;
pub mod core;
pub mod io;
pub mod lsp;
pub mod report;
pub mod session;
pub mod tui;

#[cfg(test)]
mod layers {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    /// What each top-level module may import of the others: the arrows only point down, so there is
    /// no cycle. A new arrow is a design decision: add it here and say why in the README's Layout.
    const ALLOWED: &[(&str, &[&str])] = &[
        ("core", &[]),
        ("report", &["core"]),
        ("io", &["core"]),
        ("config", &["core", "io"]),
        ("tui", &["core", "io", "report", "config"]),
        ("cli", &[]),
        ("session", &["core", "io", "report", "config", "tui", "cli"]),
        ("lsp", &["core", "io", "config", "session"]),
        (
            "commands",
            &[
                "core", "io", "report", "config", "tui", "cli", "session", "lsp",
            ],
        ),
    ];

    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    #[test]
    fn modules_import_only_the_layers_below_them() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let layers: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
        let mut wrong = BTreeSet::new();
        for file in files {
            let rel = file.strip_prefix(&src).expect("under src");
            let first = rel.iter().next().and_then(|p| p.to_str()).unwrap_or("");
            let module = first.trim_end_matches(".rs");
            let Some(allowed) = layers.get(module) else {
                continue;
            };
            let text = std::fs::read_to_string(&file).expect("read");
            // Shipped code only: comments may name any module.
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for (at, _) in line.match_indices("crate::") {
                    let target: String = line[at + 7..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if layers.contains_key(target.as_str())
                        && target != module
                        && !allowed.contains(&target.as_str())
                    {
                        wrong.insert(format!("{} imports {target}", rel.display()));
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
}
