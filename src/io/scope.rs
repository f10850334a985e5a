//! Which docs a command reads: the plan (docs in scope, with the lines to check, and the other docs of
//! the repository that only feed doc-set-wide counts), walking folders given on the command line, and
//! reading the docs in parallel. All of it touches the file system, so it lives in `io`; deciding *what*
//! is in scope from the command line is the session's job.

use crate::core::baseline::Baseline;
use crate::core::engine::{Doc, Lines, is_test_input, translation_sources, written_by_program};
use crate::core::finding::Finding;
use crate::io::files;
use crate::io::repo::{Repo, RepoError, Scope, Target};
use crate::io::skips::Skips;
use crate::io::vendored::Vendored;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Component, Path, PathBuf};

/// A doc that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("cannot read {path}")]
pub struct ReadError {
    pub path: String,
    #[source]
    pub source: io::Error,
}

/// The docs to check and the docs that only inform doc-set-wide counts.
#[derive(Default)]
pub struct Inputs {
    pub docs: Vec<Doc>,
    /// Path to write each doc back to (symlinks resolved), parallel to `docs`.
    pub reals: Vec<PathBuf>,
    /// Path of each doc for diff headers (repository-relative when in a repository).
    pub diff_paths: Vec<String>,
    pub context: Vec<Doc>,
    /// The plan's index of each doc of `docs`.
    pub planned: Vec<usize>,
}

/// A doc to read: where it is, how to show it, which lines are in scope.
#[derive(Debug, Clone)]
pub struct Planned {
    pub abs: PathBuf,
    pub shown: String,
    pub diff_path: String,
    pub lines: Lines,
    /// The text to check when it is not the file on disk (the staged version, for `check --staged`).
    pub content: Option<String>,
    /// Named on the command line (a file, or a folder walked): checked even when a program writes it
    /// (see [`written_by_program`]).
    pub named: bool,
}

/// What to read: the docs in scope, and (for doc-set-wide rules) every other doc of the repository.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub docs: Vec<Planned>,
    /// (absolute path, repository-relative path) of docs that only feed doc-set-wide counts.
    pub context: Vec<(PathBuf, String)>,
    /// The folder symlinks must stay inside (the repository root).
    pub root: Option<PathBuf>,
    /// Findings to hide (empty with `--no-baseline`).
    pub baseline: Baseline,
}

impl Plan {
    /// Reads the docs in scope (in parallel); unreadable kinds of file become notices.
    pub fn read_docs(&self, notices: &mut Vec<String>) -> Result<Inputs, ReadError> {
        let mut reader = Reader::new(self);
        let docs = reader.read(0..self.docs.len(), notices)?;
        notices.extend(reader.generated_notice());
        Ok(Inputs {
            docs,
            ..reader.inputs
        })
    }

    /// Leaves out the findings recorded in the baseline.
    pub fn unbaselined(&self, findings: Vec<Finding>) -> Vec<Finding> {
        if self.baseline.is_empty() {
            return findings;
        }
        let rel: HashMap<&str, &str> = self
            .docs
            .iter()
            .map(|d| (d.shown.as_str(), d.diff_path.as_str()))
            .collect();
        findings
            .into_iter()
            .filter(|f| {
                let path = rel.get(f.path.as_str()).copied().unwrap_or(f.path.as_str());
                !self.baseline.contains(path, &f.rule, &f.fingerprint)
            })
            .collect()
    }

    /// Reads the context docs (silently skipping what cannot be read).
    pub fn read_context(&self) -> Vec<Doc> {
        (0..self.context.len())
            .into_par_iter()
            .filter_map(|i| self.context_doc(i))
            .collect()
    }

    /// Context doc `i`, read now (`None` when it cannot be read: it is left out of the counts).
    pub fn context_doc(&self, i: usize) -> Option<Doc> {
        let (abs, rel) = &self.context[i];
        let l = files::read(abs, self.root.as_deref()).ok()?.ok()?;
        Some(Doc {
            path: rel.clone(),
            text: l.text,
            lines: Lines::All,
        })
    }

    /// The text of doc `k` of `inputs` (read from this plan) as it is now: its staged text, or the
    /// file (`None` when it can no longer be read).
    pub fn text_again(&self, inputs: &Inputs, k: usize) -> Option<String> {
        match &self.docs.get(*inputs.planned.get(k)?)?.content {
            Some(text) => Some(text.clone()),
            None => Some(
                files::read(inputs.reals.get(k)?, self.root.as_deref())
                    .ok()?
                    .ok()?
                    .text,
            ),
        }
    }
}

/// Reads a plan's docs in scope, all at once or a range at a time: each file once (a symlink to
/// another doc in scope is that doc), unreadable kinds of file as notices.
pub struct Reader<'a> {
    pub plan: &'a Plan,
    /// git never looks through a symlinked folder, so only a doc itself can be a link: the real path
    /// of any other doc of a repository is the real root joined with its path.
    real_root: Option<PathBuf>,
    seen_real: HashSet<PathBuf>,
    /// The docs read so far without their text (`docs`), where each is written (`reals`), its diff
    /// path and its place in the plan; `context` stays empty.
    pub inputs: Inputs,
    /// Docs left out because a program writes them: (shown path, what the doc says).
    generated: Vec<(String, String)>,
}

impl<'a> Reader<'a> {
    pub fn new(plan: &'a Plan) -> Reader<'a> {
        let root = plan.root.as_deref();
        Reader {
            plan,
            real_root: root.map(|r| std::fs::canonicalize(r).unwrap_or_else(|_| r.to_path_buf())),
            seen_real: HashSet::new(),
            inputs: Inputs::default(),
            generated: Vec::new(),
        }
    }

    /// One notice for the docs left out so far because a program writes them, if any; they are not
    /// named again.
    pub fn generated_notice(&mut self) -> Option<String> {
        let generated = std::mem::take(&mut self.generated);
        let (first, said) = generated.first()?;
        // The statement's first sentence, cut short at a word when it runs long.
        let said = said.split_inclusive(". ").next().unwrap_or(said).trim_end();
        let said = match said.char_indices().nth(80) {
            Some((end, _)) => format!(
                "{}…",
                said[..end]
                    .rsplit_once(' ')
                    .map_or(&said[..end], |(a, _)| a)
            ),
            None => said.to_owned(),
        };
        Some(format!(
            "skipping {first} (\"{said}\"){}: written by a program, its fixes belong in what generates \
             it (name a path to check it)",
            more(generated.len())
        ))
    }

    /// Reads the plan's docs `range` (in parallel), after the ranges read before: the docs kept.
    pub fn read(
        &mut self,
        range: std::ops::Range<usize>,
        notices: &mut Vec<String>,
    ) -> Result<Vec<Doc>, ReadError> {
        let root = self.plan.root.as_deref();
        let planned = &self.plan.docs[range.clone()];
        let loaded: Vec<_> = planned.par_iter().map(|d| load(d, root)).collect();
        let mut docs = Vec::new();
        for ((i, d), r) in range.zip(planned).zip(loaded) {
            match r {
                Ok(Some(l)) => {
                    if !d.named
                        && let Some(said) = written_by_program(&l.text, &d.shown)
                    {
                        self.generated.push((d.shown.clone(), said));
                        continue;
                    }
                    // A symlink to another doc in scope is that doc: check it once.
                    let real = match &self.real_root {
                        Some(rr) if l.real == d.abs => rr.join(&d.diff_path),
                        _ => l.real.clone(),
                    };
                    if !self.seen_real.insert(real) {
                        notices.push(format!(
                            "skipping {}: the same file as another doc in scope",
                            d.shown
                        ));
                        continue;
                    }
                    docs.push(Doc {
                        path: d.shown.clone(),
                        text: l.text,
                        lines: d.lines.clone(),
                    });
                    self.inputs.docs.push(Doc {
                        path: d.shown.clone(),
                        text: String::new(),
                        lines: d.lines.clone(),
                    });
                    self.inputs.reals.push(l.real);
                    self.inputs.diff_paths.push(d.diff_path.clone());
                    self.inputs.planned.push(i);
                }
                Ok(None) => {}
                Err((notice, None)) => notices.push(notice),
                Err((_, Some(e))) => return Err(e),
            }
        }
        Ok(docs)
    }

    /// Reads doc `k` of those read so far again, as it is now (`None` when it can no longer be read).
    pub fn again(&self, k: usize) -> Option<Doc> {
        let text = self.plan.text_again(&self.inputs, k)?;
        Some(Doc {
            text,
            ..self.inputs.docs.get(k)?.clone()
        })
    }
}

/// Reads one planned doc: its staged text, or the file.
fn load(
    d: &Planned,
    root: Option<&Path>,
) -> Result<Option<files::Loaded>, (String, Option<ReadError>)> {
    match &d.content {
        Some(text) => Ok(Some(files::Loaded {
            real: d.abs.clone(),
            text: text.clone(),
        })),
        None => read_one(&d.abs, root, &d.shown),
    }
}

/// The docs of the files and folders given on the command line (relative to `cwd`), each once:
/// folders are walked (hidden entries git does not track, ignored files and symlinked folders left
/// out), files are taken as they are.
pub fn given_paths(
    paths: &[PathBuf],
    cwd: &Path,
    repo: Option<&Repo>,
    is_doc: &dyn Fn(&str) -> bool,
    notices: &mut Vec<String>,
) -> Result<Vec<Planned>, ReadError> {
    let mut found: Vec<(PathBuf, String, String)> = Vec::new();
    for p in paths {
        let abs = cwd.join(p);
        let meta = std::fs::symlink_metadata(&abs).map_err(|source| ReadError {
            path: p.display().to_string(),
            source,
        })?;
        if meta.is_dir() {
            walk(&abs, &abs, p, is_doc, repo, &mut found, notices);
        } else {
            let shown = p.display().to_string();
            let diff_path = repo_rel(repo, &abs).unwrap_or_else(|| shown.clone());
            found.push((abs, shown, diff_path));
        }
    }
    let mut seen = HashSet::new();
    found.retain(|(abs, _, _)| {
        seen.insert(std::fs::canonicalize(abs).unwrap_or_else(|_| abs.clone()))
    });
    Ok(found
        .into_iter()
        .map(|(abs, shown, diff_path)| Planned {
            abs,
            shown,
            diff_path,
            lines: Lines::All,
            content: None,
            named: true,
        })
        .collect())
}

/// `path` as the user should see it: relative to the working directory when that is shorter.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    let rel = relative_to(path, cwd);
    let s = rel.as_deref().unwrap_or(path).display().to_string();
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

fn relative_to(path: &Path, base: &Path) -> Option<PathBuf> {
    if !path.is_absolute() {
        return Some(path.to_owned());
    }
    let p: Vec<Component> = path.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return None;
    }
    let ups = b.len() - common;
    if ups > 3 {
        return None;
    }
    let mut out = PathBuf::new();
    for _ in 0..ups {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c.as_os_str());
    }
    Some(out)
}

fn read_one(
    path: &Path,
    root: Option<&Path>,
    shown: &str,
) -> Result<Option<files::Loaded>, (String, Option<ReadError>)> {
    match files::read(path, root) {
        Ok(Ok(loaded)) => Ok(Some(loaded)),
        Ok(Err(skip)) => Err((format!("skipping {shown}: {skip}"), None)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err((
            String::new(),
            Some(ReadError {
                path: shown.to_owned(),
                source,
            }),
        )),
    }
}

/// The docs a repository lists for `scope` ([`Repo::targets`]), less the translations whose English
/// page is in the repository (see [`translation_sources`]): a translation's fixes belong in its source,
/// and a translation tool that copies untranslated English into every language's folder would repeat
/// each finding once per language. Docs the repository's own spell checker is told to skip are left out
/// too ([`Skips`]). One notice per kind says how many were left out and how to check one anyway.
pub fn repo_docs(
    repo: &Repo,
    scope: &Scope,
    is_doc: &dyn Fn(&str) -> bool,
    notices: &mut Vec<String>,
) -> Result<Vec<Target>, RepoError> {
    let root = repo.root();
    let targets = repo.targets(scope, is_doc, notices)?;
    let mut left: Vec<(String, String)> = Vec::new();
    let mut test_inputs: Vec<String> = Vec::new();
    let skips = Skips::load(root);
    let mut skipped: Vec<(String, &str)> = Vec::new();
    let vendored = Vendored::new(root);
    let mut copies: Vec<(String, String)> = Vec::new();
    let kept = targets
        .into_iter()
        .filter(|t| {
            if is_test_input(&t.rel) {
                test_inputs.push(t.rel.clone());
                return false;
            }
            if let Some(file) = skips.skipped_by(&t.rel) {
                skipped.push((t.rel.clone(), file));
                return false;
            }
            if let Some(folder) = vendored.copy_of(&t.rel) {
                copies.push((t.rel.clone(), folder));
                return false;
            }
            let Some(source) = translation_sources(&t.rel)
                .into_iter()
                .find(|s| root.join(s).is_file())
            else {
                return true;
            };
            left.push((t.rel.clone(), source));
            false
        })
        .collect();
    if let Some((first, source)) = left.first() {
        notices.push(format!(
            "skipping {first}, a translation of {source}{}: fixes belong in the English pages \
             (name a translation's path to check it)",
            more(left.len())
        ));
    }
    if let Some((first, file)) = skipped.first() {
        notices.push(format!(
            "skipping {first}{}: the spell checker set up in {file} is told to skip {} (name a path \
             to check it)",
            more(skipped.len()),
            if skipped.len() == 1 { "it" } else { "them" }
        ));
    }
    if let Some((first, folder)) = copies.first() {
        let mut folders: Vec<&str> = copies.iter().map(|(_, f)| f.as_str()).collect();
        folders.sort_unstable();
        folders.dedup();
        let keeps = match folders.len() {
            1 => format!("{folder} keeps a licence of its own"),
            2 => format!("{folder} and 1 other folder keep a licence of their own"),
            n => format!(
                "{folder} and {} other folders keep a licence of their own",
                n - 1
            ),
        };
        notices.push(format!(
            "skipping {first}{}: {} ({keeps}), whose fixes belong upstream (name a path to check it)",
            more(copies.len()),
            if folders.len() == 1 {
                "inside a copy of another project"
            } else {
                "inside copies of other projects"
            }
        ));
    }
    if let Some(first) = test_inputs.first() {
        notices.push(format!(
            "skipping {first}{}: test inputs, not docs (name a path to check it)",
            more(test_inputs.len())
        ));
    }
    Ok(kept)
}

/// "…, and 3 more" after the first of `n` docs left out.
fn more(n: usize) -> String {
    match n {
        0 | 1 => String::new(),
        n => format!(", and {} more", n - 1),
    }
}

pub fn repo_rel(repo: Option<&Repo>, abs: &Path) -> Option<String> {
    let root = std::fs::canonicalize(repo?.root()).ok()?;
    let abs = std::fs::canonicalize(abs).ok()?;
    Some(abs.strip_prefix(root).ok()?.to_str()?.replace('\\', "/"))
}

/// Collects docs under a folder: hidden entries (but those git tracks) and symlinked folders are not
/// entered, ignored files are left out inside a repository, and `is_doc` (the `[files]` globs) decides what is a doc.
fn walk(
    base: &Path,
    dir: &Path,
    shown: &Path,
    is_doc: &dyn Fn(&str) -> bool,
    repo: Option<&Repo>,
    found: &mut Vec<(PathBuf, String, String)>,
    notices: &mut Vec<String>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            notices.push(format!("skipping {}: {e}", shown.display()));
            return;
        }
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        let Some(name_str) = name.to_str() else {
            notices.push(format!(
                "skipping {}: the name is not UTF-8",
                shown.join(&name).display()
            ));
            continue;
        };
        let abs = entry.path();
        let rel = repo_rel(repo, &abs);
        // A hidden entry is passed over (a tool's cache, an editor's state) unless git tracks it: a
        // repository's `.github/CONTRIBUTING.md` is one of its docs, as `--all` counts it.
        if name_str.starts_with('.')
            && (name_str == ".git"
                || !repo
                    .zip(rel.as_deref())
                    .is_some_and(|(r, rel)| r.tracks(rel)))
        {
            continue;
        }
        let shown_child = shown.join(name_str);
        let Ok(ft) = entry.file_type() else { continue };
        if let (Some(r), Some(rel)) = (repo, &rel)
            && r.is_ignored(rel)
        {
            continue;
        }
        if ft.is_dir() {
            walk(base, &abs, &shown_child, is_doc, repo, found, notices);
        } else if ft.is_file() || ft.is_symlink() {
            // Globs are relative to the repository root, or to the folder given outside a repository.
            let glob_path = rel.clone().unwrap_or_else(|| {
                abs.strip_prefix(base)
                    .unwrap_or(&abs)
                    .to_string_lossy()
                    .replace('\\', "/")
            });
            if is_doc(&glob_path) {
                if ft.is_symlink() && std::fs::metadata(&abs).is_ok_and(|m| m.is_dir()) {
                    continue;
                }
                let shown_s = shown_child.display().to_string();
                found.push((abs, shown_s.clone(), rel.unwrap_or(shown_s)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_paths_are_relative_when_close() {
        let cwd = Path::new("/repo/docs");
        assert_eq!(display_path(Path::new("/repo/docs/a.md"), cwd), "a.md");
        assert_eq!(
            display_path(Path::new("/repo/README.md"), cwd),
            "../README.md"
        );
        assert_eq!(display_path(Path::new("docs/x.md"), cwd), "docs/x.md");
        assert_eq!(
            display_path(
                Path::new("/elsewhere/far/away/deep/x.md"),
                Path::new("/a/b/c/d")
            ),
            "/elsewhere/far/away/deep/x.md"
        );
    }
}
