//! `--suggestions FILE.json` for `review` and `apply`: a pull request's ```suggestion comments, located
//! in today's files, reviewed one by one or written in a batch.

use crate::core::edit::{self, Edit};
use crate::core::finding::Finding;
use crate::core::suggestions::{self, Suggestion};
use crate::io::files;
use crate::io::repo::Repo;
use crate::io::scope::display_path;
use crate::report::plural;
use crate::session::{EXIT_CLEAN, EXIT_ERROR, Env, Error};
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One file's suggestions that apply.
pub struct FileSuggestions {
    /// As shown to the user.
    pub path: String,
    /// The file to write.
    pub real: PathBuf,
    pub text: String,
    /// Ready to apply, in position order, none overlapping.
    pub kept: Vec<(Suggestion, Range<usize>, String)>,
}

/// Every suggestion of an input file, sorted by what can be done with it.
pub struct Located {
    pub files: Vec<FileSuggestions>,
    pub done: Vec<Suggestion>,
    /// With why (the lines are gone, the file is gone or unreadable).
    pub outdated: Vec<(Suggestion, String)>,
    pub superseded: Vec<Suggestion>,
    pub problems: Vec<String>,
}

/// Where a suggestion's path points: relative to the repository root (the working directory
/// outside a repository).
fn root(env: &Env) -> Result<PathBuf, Error> {
    Ok(Repo::discover(&env.cwd)?.map_or_else(|| env.cwd.clone(), |r| r.root().to_path_buf()))
}

/// Reads the JSON and locates every suggestion in the current files.
pub fn locate_all(json_path: &Path, env: &Env) -> Result<Located, Error> {
    let shown_json = display_path(&env.cwd.join(json_path), &env.cwd);
    let json = std::fs::read_to_string(env.cwd.join(json_path)).map_err(|source| {
        if source.kind() == std::io::ErrorKind::InvalidData {
            Error::Malformed(format!("{shown_json}: not UTF-8 text"))
        } else {
            Error::Io {
                path: shown_json.clone(),
                source,
            }
        }
    })?;
    let suggestions::Parsed {
        suggestions: all,
        skipped: problems,
    } = suggestions::parse(&json).map_err(|e| Error::Malformed(e.in_file(&shown_json)))?;
    let root = root(env)?;
    let mut located = Located {
        files: Vec::new(),
        done: Vec::new(),
        outdated: Vec::new(),
        superseded: Vec::new(),
        problems: problems
            .into_iter()
            .map(|p| format!("{shown_json}: {p}"))
            .collect(),
    };
    let mut paths: Vec<String> = all.iter().map(|s| s.path.clone()).collect();
    paths.sort();
    paths.dedup();
    for rel in paths {
        let mine: Vec<Suggestion> = all.iter().filter(|s| s.path == rel).cloned().collect();
        // A comment's path is data from elsewhere: it may only name a file inside the repository.
        let inside = Path::new(&rel).components().all(|c| {
            matches!(
                c,
                std::path::Component::Normal(_) | std::path::Component::CurDir
            )
        });
        if !inside {
            let why = format!("{rel} is outside the repository; not touched");
            located
                .outdated
                .extend(mine.into_iter().map(|s| (s, why.clone())));
            continue;
        }
        let abs = root.join(&rel);
        let loaded = match files::read(&abs, Some(&root)) {
            Ok(Ok(l)) => l,
            Ok(Err(skip)) => {
                let why = format!("{rel}: {skip}");
                located
                    .outdated
                    .extend(mine.into_iter().map(|s| (s, why.clone())));
                continue;
            }
            Err(e) => {
                let why = if e.kind() == std::io::ErrorKind::NotFound {
                    format!("{rel} no longer exists")
                } else {
                    format!("{rel}: {e}")
                };
                located
                    .outdated
                    .extend(mine.into_iter().map(|s| (s, why.clone())));
                continue;
            }
        };
        let resolved = suggestions::sort(&loaded.text, mine);
        located.done.extend(resolved.done);
        located.outdated.extend(
            resolved
                .outdated
                .into_iter()
                .map(|s| (s, "the lines it replaces are no longer there".into())),
        );
        located.superseded.extend(resolved.superseded);
        if !resolved.kept.is_empty() {
            located.files.push(FileSuggestions {
                path: display_path(&abs, &env.cwd),
                real: loaded.real,
                text: loaded.text,
                kept: resolved.kept,
            });
        }
    }
    Ok(located)
}

impl FileSuggestions {
    pub fn findings(&self) -> Vec<Finding> {
        findings(&self.path, &self.text, &self.kept)
    }
}

/// The suggestions that apply to `text` (the file shown as `path`), as findings.
pub fn findings(
    path: &str,
    text: &str,
    kept: &[(Suggestion, Range<usize>, String)],
) -> Vec<Finding> {
    kept.iter()
        .map(|(s, range, replacement)| {
            suggestions::finding(path, text, s, range.clone(), replacement.clone())
        })
        .collect()
}

/// One section of the "not applied" list: a heading with the count, then a line per suggestion.
fn section(
    out: &mut dyn Write,
    heading: &str,
    items: &[(&Suggestion, Option<&str>)],
) -> std::io::Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "{heading}: {}.",
        plural(items.len(), "suggestion", "suggestions")
    )?;
    for (s, why) in items {
        match why {
            Some(why) => writeln!(out, "  {} ({why})", describe(s))?,
            None => writeln!(out, "  {}", describe(s))?,
        }
    }
    Ok(())
}

fn describe(s: &Suggestion) -> String {
    let line = s.line.map(|l| format!(":{l}")).unwrap_or_default();
    let by = if s.author.is_empty() {
        String::new()
    } else {
        format!(" by {}", s.author)
    };
    let url = if s.url.is_empty() {
        String::new()
    } else {
        format!(" {}", s.url)
    };
    format!("{}{line}{by}{url}", s.path)
}

/// Lists what was not applied (done, outdated, superseded) and the input's problems.
pub fn report_rest(located: &Located, out: &mut dyn Write) -> std::io::Result<()> {
    fn plain(list: &[Suggestion]) -> Vec<(&Suggestion, Option<&str>)> {
        list.iter().map(|s| (s, None)).collect()
    }
    section(out, "Already applied", &plain(&located.done))?;
    let outdated: Vec<_> = located
        .outdated
        .iter()
        .map(|(s, why)| (s, Some(why.as_str())))
        .collect();
    section(out, "Outdated, not applied", &outdated)?;
    section(
        out,
        "Superseded by a later suggestion on the same lines, not applied",
        &plain(&located.superseded),
    )
}

/// `docreview apply --suggestions FILE [--dry-run]`: commits the suggestions in a batch.
pub fn apply(
    json: &Path,
    dry_run: bool,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Error> {
    let located = locate_all(json, env)?;
    for p in &located.problems {
        writeln!(err, "docreview: {p}")?;
    }
    let _lock = if dry_run || located.files.is_empty() {
        None
    } else {
        Some(super::apply::write_lock(
            env,
            err,
            located.files.iter().map(|f| f.real.as_path()),
        )?)
    };
    let mut report: Vec<u8> = Vec::new();
    let mut applied = 0;
    let mut files_written = 0;
    let mut failed = false;
    for f in &located.files {
        let edits: Vec<Edit> = f
            .kept
            .iter()
            .map(|(_, range, replacement)| Edit {
                range: range.clone(),
                replacement: replacement.clone(),
            })
            .collect();
        let result = edit::apply(&f.text, &edits);
        if dry_run {
            crate::report::diff::write(out, &f.path, &f.text, &result.text)?;
        } else if let Err(e) =
            files::write_guarded(&f.real, f.text.as_bytes(), result.text.as_bytes())
        {
            failed = true;
            writeln!(
                report,
                "error: {}: {}",
                f.path,
                super::apply::not_written(&e)
            )?;
            continue;
        }
        applied += result.applied.len();
        files_written += 1;
    }
    let verb = if dry_run { "Would apply" } else { "Applied" };
    if applied == 0 {
        writeln!(report, "No suggestion to apply.")?;
    } else {
        writeln!(
            report,
            "{verb} {} in {}.",
            plural(applied, "suggestion", "suggestions"),
            plural(files_written, "file", "files")
        )?;
        for f in &located.files {
            let mut authors: Vec<&str> = f.kept.iter().map(|k| k.0.author.as_str()).collect();
            authors.sort_unstable();
            authors.dedup();
            writeln!(
                report,
                "  {}: {} (by {})",
                f.path,
                plural(f.kept.len(), "suggestion", "suggestions"),
                authors.join(", ")
            )?;
        }
    }
    report_rest(&located, &mut report)?;
    if dry_run {
        err.write_all(&report)?;
    } else {
        out.write_all(&report)?;
    }
    Ok(if failed { EXIT_ERROR } else { EXIT_CLEAN })
}
