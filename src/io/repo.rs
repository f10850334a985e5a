//! Which docs to check and which of their lines changed, read from git with git2 (no `git` binary, no
//! network features).
//!
//! - Default: docs that differ from HEAD in the index or the working tree, plus untracked docs that are
//!   not ignored; renames are followed, so a moved file only reports its edited lines.
//! - `--staged`: the index against HEAD, with line numbers carried over to the working-tree file.
//! - `--base REV`: everything since the merge-base of REV and HEAD (like a pull request), including
//!   uncommitted and untracked work.
//! - `--all`: every tracked or untracked-but-not-ignored doc, whole.
//!
//! A repository without commits counts every doc as new. Submodules are skipped with a notice.

use crate::core::engine::Lines;
use git2::{Delta, Diff, DiffFindOptions, DiffOptions, FileMode, Patch, Repository};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// Which changes to look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    WorkTree,
    /// Staged changes, located in the working-tree file (what `apply` and `review` edit).
    Staged,
    /// Staged changes, with the staged text itself (what a commit would hold: `check --staged`).
    Index,
    Base(String),
    All,
}

/// A doc to check: its path relative to the repository root (`/`-separated) and the lines in scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub rel: String,
    pub lines: Lines,
    /// The text to check instead of the working-tree file ([`Scope::Index`]: the staged blob).
    pub content: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    #[error("git: {}", .0.message())]
    Git(#[from] git2::Error),
    #[error("{0} is a bare repository: it has no working tree to check")]
    Bare(PathBuf),
    #[error("cannot resolve --base {rev}: {}", .error.message())]
    BadBase { rev: String, error: git2::Error },
    #[error("--base {0} needs a HEAD commit to compare with, and this repository has none yet")]
    NoHead(String),
}

pub struct Repo {
    repo: Repository,
    root: PathBuf,
}

/// Per path, hunks of a later change as (old start, old line count, new line count).
type LineMoves = BTreeMap<String, Vec<(usize, usize, usize)>>;

/// 1-based inclusive line ranges, merged.
fn merge_ranges(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (a, b) in ranges {
        match out.last_mut() {
            Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

fn rel_path(p: Option<&Path>) -> Option<String> {
    let s = p?.to_str()?;
    Some(s.replace('\\', "/"))
}

impl Repo {
    /// The repository containing `dir`, or `None` when there is none.
    pub fn discover(dir: &Path) -> Result<Option<Repo>, RepoError> {
        let repo = match Repository::discover(dir) {
            Ok(r) => r,
            Err(e) if e.code() == git2::ErrorCode::NotFound => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        let Some(root) = repo.workdir().map(Path::to_path_buf) else {
            return Err(RepoError::Bare(repo.path().to_path_buf()));
        };
        Ok(Some(Repo { repo, root }))
    }

    /// The working tree's root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The `.git` folder (where docreview keeps its own state).
    pub fn git_dir(&self) -> &Path {
        self.repo.path()
    }

    /// Is `rel` (relative to the root) ignored by `.gitignore` and friends?
    pub fn is_ignored(&self, rel: &str) -> bool {
        self.repo.is_path_ignored(rel).unwrap_or(false)
    }

    /// Does git track `rel` (relative to the root): the file itself, or any file under it when it is a
    /// folder?
    pub fn tracks(&self, rel: &str) -> bool {
        let Ok(index) = self.repo.index() else {
            return false;
        };
        index.get_path(Path::new(rel), 0).is_some()
            || index.find_prefix(Path::new(&format!("{rel}/"))).is_ok()
    }

    fn head_tree(&self) -> Result<Option<git2::Tree<'_>>, RepoError> {
        match self.repo.head() {
            Ok(head) => Ok(Some(head.peel_to_tree()?)),
            Err(e)
                if e.code() == git2::ErrorCode::UnbornBranch
                    || e.code() == git2::ErrorCode::NotFound =>
            {
                Ok(None)
            }
            Err(e) => Err(e.into()),
        }
    }

    fn diff_options(untracked: bool) -> DiffOptions {
        let mut o = DiffOptions::new();
        o.context_lines(0)
            .include_untracked(untracked)
            .recurse_untracked_dirs(untracked)
            .show_untracked_content(untracked)
            .include_typechange(true)
            .ignore_submodules(false);
        o
    }

    /// The docs in scope and their changed lines; `notices` get one line per skipped item.
    pub fn targets(
        &self,
        scope: &Scope,
        is_doc: &dyn Fn(&str) -> bool,
        notices: &mut Vec<String>,
    ) -> Result<Vec<Target>, RepoError> {
        match scope {
            Scope::All => self.all(is_doc, notices),
            Scope::WorkTree => {
                let tree = self.head_tree()?;
                let diff = self.repo.diff_tree_to_workdir_with_index(
                    tree.as_ref(),
                    Some(&mut Self::diff_options(true)),
                )?;
                self.targets_of(diff, is_doc, notices, None, false)
            }
            Scope::Base(rev) => {
                let bad = |error| RepoError::BadBase {
                    rev: rev.clone(),
                    error,
                };
                let other = self
                    .repo
                    .revparse_single(rev)
                    .and_then(|o| o.peel_to_commit())
                    .map_err(bad)?;
                let head = match self.repo.head() {
                    Ok(h) => h.peel_to_commit()?,
                    Err(_) => return Err(RepoError::NoHead(rev.clone())),
                };
                let base = self.repo.merge_base(other.id(), head.id()).map_err(bad)?;
                let tree = self.repo.find_commit(base)?.tree()?;
                let diff = self.repo.diff_tree_to_workdir_with_index(
                    Some(&tree),
                    Some(&mut Self::diff_options(true)),
                )?;
                self.targets_of(diff, is_doc, notices, None, false)
            }
            Scope::Staged => {
                let tree = self.head_tree()?;
                let diff = self.repo.diff_tree_to_index(
                    tree.as_ref(),
                    None,
                    Some(&mut Self::diff_options(false)),
                )?;
                // Unstaged edits on top of staged ones move lines; carry the index's line numbers over.
                let later = self
                    .repo
                    .diff_index_to_workdir(None, Some(&mut Self::diff_options(false)))?;
                let moves = hunks_by_path(&later, |h| {
                    (
                        h.old_start() as usize,
                        h.old_lines() as usize,
                        h.new_lines() as usize,
                    )
                })?;
                self.targets_of(diff, is_doc, notices, Some(&moves), false)
            }
            Scope::Index => {
                let tree = self.head_tree()?;
                let diff = self.repo.diff_tree_to_index(
                    tree.as_ref(),
                    None,
                    Some(&mut Self::diff_options(false)),
                )?;
                self.targets_of(diff, is_doc, notices, None, true)
            }
        }
    }

    fn targets_of(
        &self,
        mut diff: Diff<'_>,
        is_doc: &dyn Fn(&str) -> bool,
        notices: &mut Vec<String>,
        moves: Option<&LineMoves>,
        staged_text: bool,
    ) -> Result<Vec<Target>, RepoError> {
        let mut find = DiffFindOptions::new();
        find.renames(true).for_untracked(true);
        diff.find_similar(Some(&mut find))?;
        let mut out = Vec::new();
        for (i, delta) in diff.deltas().enumerate() {
            let new = delta.new_file();
            let Some(rel) = rel_path(new.path()) else {
                notices.push(format!(
                    "skipping {}: the path is not UTF-8",
                    new.path()
                        .map_or_else(String::new, |p| p.display().to_string())
                ));
                continue;
            };
            if new.mode() == FileMode::Commit || delta.old_file().mode() == FileMode::Commit {
                notices.push(format!(
                    "skipping submodule {rel}: its docs belong to its own repository"
                ));
                continue;
            }
            if !is_doc(&rel) {
                continue;
            }
            let lines = match delta.status() {
                Delta::Deleted | Delta::Ignored | Delta::Unreadable | Delta::Unmodified => continue,
                Delta::Conflicted => {
                    notices.push(format!("skipping {rel}: it has unresolved merge conflicts"));
                    continue;
                }
                Delta::Added | Delta::Untracked | Delta::Typechange | Delta::Copied => Lines::All,
                Delta::Modified | Delta::Renamed => {
                    let Some(patch) = Patch::from_diff(&diff, i)? else {
                        continue; // binary: the reader will skip it
                    };
                    let mut ranges = Vec::new();
                    for h in 0..patch.num_hunks() {
                        let (hunk, _) = patch.hunk(h)?;
                        let (start, n) = (hunk.new_start() as usize, hunk.new_lines() as usize);
                        if n > 0 {
                            ranges.push((start, start + n - 1));
                        }
                    }
                    if let Some(moves) = moves {
                        ranges =
                            carry_over(&ranges, moves.get(&rel).map_or(&[][..], Vec::as_slice));
                    }
                    if ranges.is_empty() {
                        continue; // renamed or mode change only: no line of prose changed
                    }
                    Lines::Changed(merge_ranges(ranges))
                }
            };
            let content = if staged_text {
                let blob = self.repo.find_blob(new.id())?;
                match std::str::from_utf8(blob.content()) {
                    Ok(t) if !blob.is_binary() => Some(t.to_owned()),
                    _ => {
                        notices.push(format!(
                            "skipping {rel}: the staged version is not UTF-8 text"
                        ));
                        continue;
                    }
                }
            } else {
                None
            };
            out.push(Target {
                rel,
                lines,
                content,
            });
        }
        out.sort_by(|a, b| a.rel.cmp(&b.rel));
        Ok(out)
    }

    fn all(
        &self,
        is_doc: &dyn Fn(&str) -> bool,
        notices: &mut Vec<String>,
    ) -> Result<Vec<Target>, RepoError> {
        let mut rels = Vec::new();
        let index = self.repo.index()?;
        let mut tracked: HashSet<Vec<u8>> = HashSet::new();
        let mut tracked_dirs: HashSet<Vec<u8>> = HashSet::new();
        for entry in index.iter() {
            for (i, &b) in entry.path.iter().enumerate() {
                if b == b'/' {
                    tracked_dirs.insert(entry.path[..i].to_vec());
                }
            }
            tracked.insert(entry.path.clone());
            let Ok(rel) = String::from_utf8(entry.path.clone()) else {
                notices.push(format!(
                    "skipping {}: the path is not UTF-8",
                    String::from_utf8_lossy(&entry.path)
                ));
                continue;
            };
            if entry.mode == 0o160000 {
                notices.push(format!(
                    "skipping submodule {rel}: its docs belong to its own repository"
                ));
                continue;
            }
            // Stage 1-3 entries of a conflict repeat the path. (A doc deleted from the working tree is
            // passed over by the reader.)
            if is_doc(&rel) && rels.last() != Some(&rel) {
                rels.push(rel);
            }
        }
        let untracked = Untracked {
            repo: self,
            tracked: &tracked,
            tracked_dirs: &tracked_dirs,
            is_doc,
        };
        untracked.walk(&self.root, "", &mut rels, notices);
        rels.sort();
        rels.dedup();
        Ok(rels
            .into_iter()
            .map(|rel| Target {
                rel,
                lines: Lines::All,
                content: None,
            })
            .collect())
    }
}

/// The walk for untracked docs behind `--all`. It does what `git status` would report as untracked
/// (ignored files and nested repositories left out, symlinks not followed) without comparing every
/// tracked file with the index, which costs a content hash per file whenever the index is stale.
struct Untracked<'a> {
    repo: &'a Repo,
    tracked: &'a HashSet<Vec<u8>>,
    /// Folders holding a tracked file: entered without asking the ignore rules.
    tracked_dirs: &'a HashSet<Vec<u8>>,
    is_doc: &'a dyn Fn(&str) -> bool,
}

impl Untracked<'_> {
    /// `rel`: the folder relative to the root, `""` or ending in `/`.
    fn walk(&self, dir: &Path, rel: &str, out: &mut Vec<String>, notices: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                // Tracked files with such names were reported from the index already.
                let raw = entry.path();
                let lossy = raw.to_string_lossy();
                let shown = lossy
                    .strip_prefix(&*self.repo.root.to_string_lossy())
                    .unwrap_or(&lossy);
                notices.push(format!(
                    "skipping {}: the path is not UTF-8",
                    shown.trim_start_matches('/')
                ));
                continue;
            };
            if name == ".git" {
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let child = format!("{rel}{name}");
            if kind.is_dir() {
                if self.tracked_dirs.contains(child.as_bytes()) {
                    self.walk(&entry.path(), &format!("{child}/"), out, notices);
                } else if entry.path().join(".git").exists() {
                    // A repository of its own (git lists it as one untracked folder, never its files).
                } else if !self.repo.is_ignored(&format!("{child}/")) {
                    self.walk(&entry.path(), &format!("{child}/"), out, notices);
                }
            } else if !self.tracked.contains(child.as_bytes())
                && (self.is_doc)(&child)
                && !self.repo.is_ignored(&child)
            {
                out.push(child);
            }
        }
    }
}

/// Hunks of a diff per new path, mapped by `f`.
fn hunks_by_path<T>(
    diff: &Diff<'_>,
    f: impl Fn(&git2::DiffHunk<'_>) -> T,
) -> Result<BTreeMap<String, Vec<T>>, git2::Error> {
    let mut out: BTreeMap<String, Vec<T>> = BTreeMap::new();
    for (i, delta) in diff.deltas().enumerate() {
        let Some(rel) = rel_path(delta.new_file().path()) else {
            continue;
        };
        let Some(patch) = Patch::from_diff(diff, i)? else {
            continue;
        };
        for h in 0..patch.num_hunks() {
            let (hunk, _) = patch.hunk(h)?;
            out.entry(rel.clone()).or_default().push(f(&hunk));
        }
    }
    Ok(out)
}

/// Carries line ranges of one version of a file over to a later version, given the hunks between them
/// as (old start, old line count, new line count). Lines that the later change rewrote are dropped.
pub fn carry_over(
    ranges: &[(usize, usize)],
    hunks: &[(usize, usize, usize)],
) -> Vec<(usize, usize)> {
    let map = |line: usize| -> Option<usize> {
        let mut delta: isize = 0;
        for &(os, ol, nl) in hunks {
            if ol == 0 {
                // Insertion after line `os`.
                if line > os {
                    delta += nl as isize;
                }
                continue;
            }
            if line >= os && line < os + ol {
                return None;
            }
            if line >= os + ol {
                delta += nl as isize - ol as isize;
            }
        }
        usize::try_from(line as isize + delta).ok()
    };
    let mut out = Vec::new();
    for &(a, b) in ranges {
        for line in a..=b {
            if let Some(l) = map(line) {
                out.push((l, l));
            }
        }
    }
    merge_ranges(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_merge() {
        assert_eq!(
            merge_ranges(vec![(5, 6), (1, 2), (3, 4), (9, 9)]),
            vec![(1, 6), (9, 9)]
        );
    }

    #[test]
    fn carry_over_follows_later_edits() {
        // Later change: 2 lines inserted after line 1, line 10 rewritten.
        let hunks = [(1, 0, 2), (10, 1, 1)];
        assert_eq!(
            carry_over(&[(3, 4), (10, 11)], &hunks),
            vec![(5, 6), (13, 13)]
        );
    }
}
