//! Docs the repository's own spell checker is told to skip. A team that keeps a spell checker and
//! names folders or files it must not read (older versions of the docs kept for the record, copies
//! waiting for translators, a changelog of quoted slips) has said whose prose those are not; docreview
//! leaves them out of a repository's docs the same way, with one notice, and checks one when it is
//! named on the command line.
//!
//! Read from the repository's root, as each checker reads its own configuration:
//! - typos: the first of `typos.toml`, `_typos.toml`, `.typos.toml` and a `pyproject.toml` with a
//!   `[tool.typos]` table (`[files] extend-exclude`); patterns as in `.gitignore` ("docs/0.3" is that
//!   folder, "*.svg" any such file at any depth, the last pattern that matches decides, and "!keep.md"
//!   takes a file back unless a folder above it is left out, which git cannot undo either);
//! - codespell: `skip` from the first of `.codespellrc`, `setup.cfg` (`[codespell]`) and
//!   `pyproject.toml` (`[tool.codespell]`) that sets it; comma-separated shell patterns matched as
//!   codespell matches them while it walks from the root: against the path ("./docs/x.md"), the
//!   file's name, and each folder on the way, by name ("locale") and by path ("./docs/locale").
//!
//! Configuration files in subfolders are not read.
//!
//! A pattern that names a kind of file only ("*.md", "**/*.mdx") says which files the checker suits,
//! not whose prose they are, so it leaves no doc out: a repository that spell-checks its code only
//! still has its docs reviewed.

use globset::{Glob, GlobBuilder, GlobMatcher};
use std::path::Path;

/// One checker's configuration: the file it was read from and its patterns, in order.
struct Source {
    file: &'static str,
    patterns: Vec<Pattern>,
}

struct Pattern {
    matcher: GlobMatcher,
    /// A "!pattern" of `.gitignore` style: a match takes the path back.
    negated: bool,
    /// codespell's way: the pattern is also tried on the file's name and on each folder above it.
    shell: bool,
}

/// The skip lists of every spell checker configured in a repository.
#[derive(Default)]
pub struct Skips {
    sources: Vec<Source>,
}

impl Skips {
    /// Reads the spell checkers' configuration files at `root`; a file that is missing, unreadable or
    /// malformed (the checker itself would stop on it) adds nothing.
    pub fn load(root: &Path) -> Skips {
        let read = |name: &str| std::fs::read_to_string(root.join(name)).ok();
        let pyproject = read("pyproject.toml").and_then(|t| t.parse::<toml::Table>().ok());
        let mut sources = Vec::new();
        // typos reads the first configuration it finds.
        let typos = ["typos.toml", "_typos.toml", ".typos.toml"]
            .into_iter()
            .find_map(|file| {
                let doc = read(file)?.parse::<toml::Table>().ok();
                Some((
                    file,
                    doc.map(|d| excludes(&d, &["files"])).unwrap_or_default(),
                ))
            })
            .or_else(|| {
                let doc = pyproject.as_ref()?;
                doc.get("tool")?.get("typos")?;
                Some(("pyproject.toml", excludes(doc, &["tool", "typos", "files"])))
            });
        if let Some((file, raw)) = typos {
            push(&mut sources, file, raw, false);
        }
        // codespell's `skip`: .codespellrc over setup.cfg over pyproject.toml.
        let codespell = [".codespellrc", "setup.cfg"]
            .into_iter()
            .find_map(|file| Some((file, ini_codespell_skip(&read(file)?)?)))
            .or_else(|| Some(("pyproject.toml", toml_codespell_skip(pyproject.as_ref()?)?)));
        if let Some((file, raw)) = codespell {
            push(&mut sources, file, raw, true);
        }
        Skips { sources }
    }

    /// The configuration file whose checker skips `rel` (a path from the repository's root, "/" as
    /// separator), if one does.
    pub fn skipped_by(&self, rel: &str) -> Option<&'static str> {
        self.sources
            .iter()
            .find(|s| skips(&s.patterns, rel))
            .map(|s| s.file)
    }
}

fn push(sources: &mut Vec<Source>, file: &'static str, raw: Vec<String>, shell: bool) {
    let patterns: Vec<Pattern> = raw
        .iter()
        .filter_map(|p| {
            if shell {
                shell_pattern(p)
            } else {
                gitignore_pattern(p)
            }
        })
        .flatten()
        .collect();
    if !patterns.is_empty() {
        sources.push(Source { file, patterns });
    }
}

/// Does a list of patterns leave `rel` out?
fn skips(patterns: &[Pattern], rel: &str) -> bool {
    if patterns.first().is_some_and(|p| p.shell) {
        // codespell prunes a folder whose name or path matches, and skips a file whose name or path
        // does; its paths start with "./" when it walks from the root.
        let mut tried: Vec<String> = vec![rel.to_owned(), format!("./{rel}")];
        tried.push(rel.rsplit('/').next().unwrap_or(rel).to_owned());
        for (i, _) in rel.match_indices('/') {
            let folder = &rel[..i];
            tried.push(folder.rsplit('/').next().unwrap_or(folder).to_owned());
            tried.push(folder.to_owned());
            tried.push(format!("./{folder}"));
        }
        return patterns
            .iter()
            .any(|p| tried.iter().any(|t| p.matcher.is_match(t)));
    }
    // As git reads .gitignore: each folder on the way down, then the file; the last pattern that
    // matches a path decides for it, and a folder left out takes everything below it along.
    let state = |path: &str| {
        let mut out = false;
        for p in patterns {
            if p.matcher.is_match(path) {
                out = !p.negated;
            }
        }
        out
    };
    rel.match_indices('/').any(|(i, _)| state(&rel[..i])) || state(rel)
}

/// A pattern that only names a kind of file: "*.md", "**/*.mdx", "*.{md,mdx}".
fn names_a_kind(pattern: &str) -> bool {
    let p = pattern.trim_start_matches("**/");
    p.starts_with("*.") && !p.contains('/')
}

/// A `.gitignore`-style pattern as globs over a path from the root: the path itself and anything
/// below it; anchored to the root when it holds a "/" before its end, anywhere otherwise.
fn gitignore_pattern(raw: &str) -> Option<Vec<Pattern>> {
    let raw = raw.trim();
    if raw.is_empty() || raw.starts_with('#') {
        return None;
    }
    let (negated, raw) = match raw.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let body = raw.trim_end_matches('/');
    if body.is_empty() || names_a_kind(body) {
        return None;
    }
    let anchored = body.starts_with('/') || body.contains('/');
    let body = body.trim_start_matches('/');
    let base = if anchored {
        body.to_owned()
    } else {
        format!("**/{body}")
    };
    let glob = GlobBuilder::new(&base)
        .literal_separator(true)
        .build()
        .ok()?;
    Some(vec![Pattern {
        matcher: glob.compile_matcher(),
        negated,
        shell: false,
    }])
}

/// One of codespell's comma-separated skip patterns ("./docs/old", "*.svg", "CHANGELOG.md").
fn shell_pattern(raw: &str) -> Option<Vec<Pattern>> {
    let body = raw.trim().trim_end_matches('/');
    if body.is_empty() || body == "." || names_a_kind(body.trim_start_matches("./")) {
        return None;
    }
    let matcher = Glob::new(body).ok()?.compile_matcher();
    Some(vec![Pattern {
        matcher,
        negated: false,
        shell: true,
    }])
}

/// typos' `extend-exclude` list under the table at `path`.
fn excludes(doc: &toml::Table, path: &[&str]) -> Vec<String> {
    let mut table = doc;
    for key in path {
        match table.get(*key).and_then(|v| v.as_table()) {
            Some(t) => table = t,
            None => return Vec::new(),
        }
    }
    table
        .get("extend-exclude")
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// `[tool.codespell] skip` in `pyproject.toml`: one comma-separated string (or a list of them), if set.
fn toml_codespell_skip(doc: &toml::Table) -> Option<Vec<String>> {
    match doc.get("tool")?.get("codespell")?.get("skip")? {
        toml::Value::String(s) => Some(split_commas(s)),
        toml::Value::Array(a) => Some(
            a.iter()
                .filter_map(|v| v.as_str())
                .flat_map(split_commas)
                .collect(),
        ),
        _ => None,
    }
}

/// `skip` in an INI file's `[codespell]` section, if set, as Python's configparser reads it: "skip =
/// a,b" or "Skip: a,b" (keys in any case), continued on the indented lines below it (blank lines and
/// comment lines in between are passed over; a line break is part of the value, as codespell sees it).
fn ini_codespell_skip(text: &str) -> Option<Vec<String>> {
    let mut in_section = false;
    let mut value: Option<String> = None;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with(['#', ';']) {
            continue;
        }
        if let Some(v) = value.as_mut() {
            if line.starts_with([' ', '\t']) {
                v.push('\n');
                v.push_str(trimmed);
                continue;
            }
            break;
        }
        if trimmed.starts_with('[') {
            in_section = trimmed == "[codespell]";
            continue;
        }
        if !in_section || line.starts_with([' ', '\t']) {
            continue;
        }
        if let Some((key, v)) = trimmed.split_once(['=', ':'])
            && key.trim().eq_ignore_ascii_case("skip")
        {
            value = Some(v.trim().to_owned());
        }
    }
    value.as_deref().map(split_commas)
}

fn split_commas(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skips_in(files: &[(&str, &str)]) -> (tempfile::TempDir, Skips) {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).expect("write");
        }
        let skips = Skips::load(dir.path());
        (dir, skips)
    }

    #[test]
    fn typos_folders_are_skipped_with_everything_below_them() {
        let (_d, s) = skips_in(&[(
            "_typos.toml",
            "[default.extend-words]\nlits = \"lits\"\n\n[files]\nextend-exclude = [\"translations/*\", \
             \"docs-src/0.3\", \"CHANGELOG.md\", \"*.js\", \"*.md\"]\n",
        )]);
        assert_eq!(
            s.skipped_by("docs-src/0.3/src/intro.md"),
            Some("_typos.toml")
        );
        assert_eq!(
            s.skipped_by("translations/de/intro.md"),
            Some("_typos.toml")
        );
        // A name without a slash matches at any depth, as in .gitignore.
        assert_eq!(s.skipped_by("CHANGELOG.md"), Some("_typos.toml"));
        assert_eq!(s.skipped_by("packages/x/CHANGELOG.md"), Some("_typos.toml"));
        // "docs-src/0.3" is anchored: it is no other folder's "0.3", nor "0.30".
        assert_eq!(s.skipped_by("docs-src/0.7/src/intro.md"), None);
        assert_eq!(s.skipped_by("other/docs-src/0.3/intro.md"), None);
        assert_eq!(s.skipped_by("docs-src/0.30/intro.md"), None);
        // "*.md" names a kind of file, not whose prose it is: no doc is left out for it.
        assert_eq!(s.skipped_by("README.md"), None);
    }

    #[test]
    fn a_negated_typos_pattern_takes_a_file_back_but_not_from_a_folder_left_out() {
        let (_d, s) = skips_in(&[(
            "typos.toml",
            "[files]\nextend-exclude = [\"archive/*\", \"!archive/current.md\", \"old/\", \
             \"!old/keep.md\"]\n",
        )]);
        assert_eq!(s.skipped_by("archive/past.md"), Some("typos.toml"));
        assert_eq!(s.skipped_by("archive/current.md"), None);
        // "old/" leaves the folder out, and git cannot take back a file from it either.
        assert_eq!(s.skipped_by("old/keep.md"), Some("typos.toml"));
        assert_eq!(s.skipped_by("docs/old/x.md"), Some("typos.toml"));
    }

    #[test]
    fn typos_reads_only_its_first_configuration() {
        let (_d, s) = skips_in(&[
            ("_typos.toml", "[default]\n"),
            (".typos.toml", "[files]\nextend-exclude = [\"docs\"]\n"),
            (
                "pyproject.toml",
                "[tool.typos.files]\nextend-exclude = [\"docs\"]\n",
            ),
        ]);
        assert_eq!(s.skipped_by("docs/a.md"), None);
        // A "./" is part of a typos pattern, so "./docs" names no path.
        let (_d, s) = skips_in(&[("typos.toml", "[files]\nextend-exclude = [\"./docs\"]\n")]);
        assert_eq!(s.skipped_by("docs/a.md"), None);
    }

    #[test]
    fn pyproject_holds_typos_and_codespell_tables() {
        let (_d, s) = skips_in(&[(
            "pyproject.toml",
            "[tool.typos.files]\nextend-exclude = [\"docs/vendored\"]\n\n[tool.codespell]\n\
             skip = \"./docs/legacy,*.svg\"\n",
        )]);
        assert_eq!(s.skipped_by("docs/vendored/a.md"), Some("pyproject.toml"));
        assert_eq!(s.skipped_by("docs/legacy/b.md"), Some("pyproject.toml"));
        assert_eq!(s.skipped_by("docs/guide.md"), None);
    }

    #[test]
    fn codespell_skip_is_read_from_its_ini_section_with_continued_lines() {
        let (_d, s) = skips_in(&[
            (
                ".codespellrc",
                "[other]\nskip = everything\n\n[codespell]\n# comment\nignore-words-list = teh\n\
                 Skip = ./old-docs,\n\n  # between\n  HISTORY.md,locale, */i18n/*\ncount =\n",
            ),
            ("setup.cfg", "[codespell]\nskip = docs\n"),
        ]);
        assert_eq!(s.skipped_by("old-docs/a/b.md"), Some(".codespellrc"));
        // codespell tries each pattern on the file's name and each folder's name too.
        assert_eq!(s.skipped_by("docs/HISTORY.md"), Some(".codespellrc"));
        assert_eq!(s.skipped_by("docs/locale/fr.md"), Some(".codespellrc"));
        // Its paths start with "./": "*/i18n/*" takes a folder at the root too.
        assert_eq!(s.skipped_by("i18n/de.md"), Some(".codespellrc"));
        // Another section's "skip" is not codespell's, and .codespellrc's list wins over setup.cfg's.
        assert_eq!(s.skipped_by("everything"), None);
        assert_eq!(s.skipped_by("docs/guide.md"), None);
        // A line break inside a pattern is part of it, as codespell splits on commas only.
        let (_d, s) = skips_in(&[(".codespellrc", "[codespell]\nskip = a.md\n  b.md\n")]);
        assert_eq!(s.skipped_by("b.md"), None);
    }

    #[test]
    fn a_malformed_or_missing_config_skips_nothing() {
        let (_d, s) = skips_in(&[("_typos.toml", "[files\nextend-exclude = [\"docs\"]")]);
        assert_eq!(s.skipped_by("docs/a.md"), None);
        let (_d, s) = skips_in(&[]);
        assert_eq!(s.skipped_by("docs/a.md"), None);
    }
}
