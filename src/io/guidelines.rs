//! Review-guideline files: finding them (the config's `guidelines` globs, relative to the config's
//! folder, and `--guideline FILE`), reading each with its sibling `.json` of discussions. The session adds
//! their rules to the config.

use super::scope::display_path;
use crate::core::rules::guideline::{self, Guideline};
use globset::{GlobBuilder, GlobSetBuilder};
use std::path::{Path, PathBuf};

/// Why the guideline files could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A `guidelines` glob of the config that does not parse.
    #[error("guidelines: {0}")]
    Glob(String),
    #[error("--guideline {0}: no such file")]
    NoSuchFile(String),
    /// A file that cannot be read as a guideline: `path:line:column: what`.
    #[error("{0}")]
    Malformed(String),
    #[error("cannot read {path}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Folders never searched for guideline files.
const SKIP_DIRS: &[&str] = &[".git", "target", "node_modules"];

/// Every file under `dir`, outside the folders in [`SKIP_DIRS`].
fn guideline_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() {
            let name = e.file_name();
            if !SKIP_DIRS.iter().any(|s| name == *s) {
                guideline_files(&path, out);
            }
        } else if kind.is_file() {
            out.push(path);
        }
    }
}

/// Reads the guideline files named by `globs` (relative to the folder of the config file at
/// `config_path`, else to `cwd`) and the `extra` ones, in order. A file that cannot be read is an error;
/// what a file holds that cannot be used is kept as its problems (see `session::guideline_notices`).
pub fn load(
    globs: &[String],
    config_path: Option<&Path>,
    extra: &[PathBuf],
    cwd: &Path,
) -> Result<Vec<Guideline>, LoadError> {
    let mut files: Vec<PathBuf> = Vec::new();
    if !globs.is_empty() {
        let base = config_path
            .and_then(Path::parent)
            .map_or_else(|| cwd.to_path_buf(), Path::to_path_buf);
        let mut set = GlobSetBuilder::new();
        for g in globs {
            let glob = GlobBuilder::new(g)
                .literal_separator(true)
                .build()
                .map_err(|e| LoadError::Glob(format!("bad glob \"{g}\": {}", e.kind())))?;
            set.add(glob);
        }
        let set = set.build().map_err(|e| LoadError::Glob(e.to_string()))?;
        let mut all = Vec::new();
        guideline_files(&base, &mut all);
        let mut matched: Vec<PathBuf> = all
            .into_iter()
            .filter(|p| {
                p.strip_prefix(&base).is_ok_and(|rel| {
                    let rel = rel.to_string_lossy().replace('\\', "/");
                    set.is_match(&rel) && !rel.ends_with(".json")
                })
            })
            .collect();
        matched.sort();
        files.extend(matched);
    }
    for p in extra {
        let p = cwd.join(p);
        if !p.is_file() {
            return Err(LoadError::NoSuchFile(display_path(&p, cwd)));
        }
        if !files.contains(&p) {
            files.push(p);
        }
    }
    let mut slugs = std::collections::HashSet::new();
    let mut loaded = Vec::new();
    for file in files {
        let read = |p: &Path| {
            std::fs::read_to_string(p).map_err(|source| {
                if source.kind() == std::io::ErrorKind::InvalidData {
                    LoadError::Malformed(format!("{}: not UTF-8 text", display_path(p, cwd)))
                } else {
                    LoadError::Read {
                        path: display_path(p, cwd),
                        source,
                    }
                }
            })
        };
        let text = read(&file)?;
        let sibling_path = file.with_extension("json");
        let sibling = if sibling_path.is_file() {
            Some((display_path(&sibling_path, cwd), read(&sibling_path)?))
        } else {
            None
        };
        let mut g = guideline::parse(
            &display_path(&file, cwd),
            &text,
            sibling.as_ref().map(|(p, t)| (p.as_str(), t.as_str())),
        );
        if let Some(what) = g.malformed.take() {
            return Err(LoadError::Malformed(what));
        }
        // Two files with the same name in different folders: the second one's ids get a number.
        let base = g.slug.clone();
        let mut n = 1;
        while !slugs.insert(g.slug.clone()) {
            n += 1;
            g = g.with_slug(&format!("{base}-{n}"));
        }
        loaded.push(g);
    }
    Ok(loaded)
}
