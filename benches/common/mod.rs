//! What the benches share: the corpus of real docs, when it is present.

use docreview::core::engine::{Doc, Lines};
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p
            .extension()
            .is_some_and(|x| x == "md" || x == "markdown" || x == "mdx")
        {
            out.push(p);
        }
    }
}

/// The shared corpus (`../shared/corpus`, or `DOCREVIEW_CORPUS=/path`) as whole docs, with where it
/// came from; `None` when it is not there.
pub fn corpus() -> Option<(String, Vec<Doc>)> {
    let root = std::env::var_os("DOCREVIEW_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let mut paths = Vec::new();
    collect(&root, &mut paths);
    paths.sort();
    let docs: Vec<Doc> = paths
        .iter()
        .filter_map(|p| {
            Some(Doc {
                path: p.display().to_string(),
                text: std::fs::read_to_string(p).ok()?,
                lines: Lines::All,
            })
        })
        .collect();
    (!docs.is_empty()).then(|| (root.display().to_string(), docs))
}
