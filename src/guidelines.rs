//! Review-guideline files as inputs: loading them (the `guidelines` globs in `.docreview.toml` and
//! `--guideline FILE`), and the `docreview guidelines list` / `test` commands.

use crate::app::{EXIT_CLEAN, EXIT_FINDINGS, Env, Error, build_engine, display_path, load_config};
use crate::cli::{GuidelinesAction, GuidelinesArgs, TestFormat};
use crate::config::Config;
use crate::core::edit::{self, Edit};
use crate::core::engine::{Doc, Engine, Lines};
use crate::core::finding::Finding;
use crate::core::rules::guideline::{self, Example, Guideline, Kind};
use crate::io::repo::Repo;
use globset::{GlobBuilder, GlobSetBuilder};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Folders never searched for guideline files.
const SKIP_DIRS: &[&str] = &[".git", "target", "node_modules"];

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() {
            let name = e.file_name();
            if !SKIP_DIRS.iter().any(|s| name == *s) {
                walk(&path, out);
            }
        } else if kind.is_file() {
            out.push(path);
        }
    }
}

/// Reads the guideline files the config names (globs relative to the config file's folder) and the
/// `extra` ones, and adds their rules to the config's settings. A file that cannot be read is an
/// error; what a file holds that cannot be used is kept as its problems (see [`notices`]).
pub fn load(config: &mut Config, extra: &[PathBuf], env: &Env) -> Result<(), Error> {
    let mut files: Vec<PathBuf> = Vec::new();
    if !config.guidelines.is_empty() {
        let base = config
            .path
            .as_deref()
            .and_then(Path::parent)
            .map_or_else(|| env.cwd.clone(), Path::to_path_buf);
        let mut set = GlobSetBuilder::new();
        for g in &config.guidelines {
            let glob = GlobBuilder::new(g)
                .literal_separator(true)
                .build()
                .map_err(|e| Error::Usage(format!("guidelines: bad glob \"{g}\": {}", e.kind())))?;
            set.add(glob);
        }
        let set = set
            .build()
            .map_err(|e| Error::Usage(format!("guidelines: {e}")))?;
        let mut all = Vec::new();
        walk(&base, &mut all);
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
        let p = env.cwd.join(p);
        if !p.is_file() {
            return Err(Error::Usage(format!(
                "--guideline {}: no such file",
                display_path(&p, &env.cwd)
            )));
        }
        if !files.contains(&p) {
            files.push(p);
        }
    }
    let mut slugs = std::collections::HashSet::new();
    for file in files {
        let read = |p: &Path| {
            std::fs::read_to_string(p).map_err(|source| Error::Io {
                path: display_path(p, &env.cwd),
                source,
            })
        };
        let text = read(&file)?;
        let sibling_path = file.with_extension("json");
        let sibling = if sibling_path.is_file() {
            Some((display_path(&sibling_path, &env.cwd), read(&sibling_path)?))
        } else {
            None
        };
        let mut g = guideline::parse(
            &display_path(&file, &env.cwd),
            &text,
            sibling.as_ref().map(|(p, t)| (p.as_str(), t.as_str())),
        );
        // Two files with the same name in different folders: the second one's ids get a number.
        let base = g.slug.clone();
        let mut n = 1;
        while !slugs.insert(g.slug.clone()) {
            n += 1;
            g = g.with_slug(&format!("{base}-{n}"));
        }
        config.settings.guidelines.extend(g.rules.iter().cloned());
        config.loaded.push(g);
    }
    Ok(())
}

/// What the loaded guidelines hold that could not be used, one line each.
pub fn notices(config: &Config) -> Vec<String> {
    config
        .loaded
        .iter()
        .flat_map(|g| &g.problems)
        .map(|p| format!("guideline {p}"))
        .collect()
}

pub fn run(
    args: &GuidelinesArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Error> {
    let repo = Repo::discover(&env.cwd).ok().flatten();
    let (files, only) = match &args.action {
        GuidelinesAction::List { files } => (files, false),
        GuidelinesAction::Test { files, .. } => (files, !files.is_empty()),
    };
    let config = load_config(args.config.as_deref(), files, env, repo.as_ref())?;
    for n in notices(&config) {
        writeln!(err, "docreview: {n}").map_err(Error::Output)?;
    }
    // With files named, `test` covers only those; the rules of every loaded guideline still run.
    let chosen: Vec<&Guideline> = if only {
        let named: Vec<String> = files
            .iter()
            .map(|f| display_path(&env.cwd.join(f), &env.cwd))
            .collect();
        config
            .loaded
            .iter()
            .filter(|g| named.contains(&g.path))
            .collect()
    } else {
        config.loaded.iter().collect()
    };
    if chosen.is_empty() {
        return Err(Error::Usage(
            "no guideline files are loaded: add guidelines = [\"review/*.md\"] to .docreview.toml \
             or name the files (docreview guidelines list review/products.md)"
                .into(),
        ));
    }
    match &args.action {
        GuidelinesAction::List { .. } => {
            list(&chosen, out).map_err(Error::Output)?;
            Ok(EXIT_CLEAN)
        }
        GuidelinesAction::Test { format, strict, .. } => {
            let engine = build_engine(&config, &[])?;
            let results: Vec<GuidelineResult> =
                chosen.iter().map(|g| test_guideline(&engine, g)).collect();
            match format {
                TestFormat::Human => print_results(&results, out).map_err(Error::Output)?,
                TestFormat::Json => {
                    let json = serde_json::json!({ "version": 1, "guidelines": results });
                    writeln!(out, "{json:#}").map_err(Error::Output)?;
                }
            }
            let missed = results.iter().any(|r| r.missed > 0);
            Ok(if *strict && missed {
                EXIT_FINDINGS
            } else {
                EXIT_CLEAN
            })
        }
    }
}

fn list(guidelines: &[&Guideline], out: &mut dyn Write) -> std::io::Result<()> {
    for (i, g) in guidelines.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}  \"{}\"", g.path, g.title)?;
        if !g.description.is_empty() {
            writeln!(out, "  {}", g.description)?;
        }
        if g.rules.is_empty() {
            writeln!(
                out,
                "  no rules (no \"Incorrect:\"/\"Correct:\" pairs or \"A not B\" advice found)"
            )?;
        }
        let width = g.rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
        for r in &g.rules {
            let from = match r.kind {
                Kind::Pair => "Incorrect/Correct",
                Kind::Term => "preferred spelling",
            };
            writeln!(
                out,
                "  {:width$}  \"{}\" → \"{}\"  (line {}, {from})",
                r.id, r.wrong, r.right, r.line
            )?;
        }
        let discussions: std::collections::HashSet<&str> =
            g.examples.iter().map(|e| e.discussion.as_str()).collect();
        writeln!(
            out,
            "  {} from {}",
            crate::report::plural(g.examples.len(), "example", "examples"),
            crate::report::plural(discussions.len(), "discussion", "discussions")
        )?;
    }
    Ok(())
}

/// How the rules did on one example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The findings' fixes turn the text into exactly the reviewer's.
    Fixed,
    /// Some finding touches the lines the reviewer changed, but its fix is not theirs.
    Caught,
    Missed,
}

#[derive(Debug, Serialize)]
pub struct ExampleResult {
    pub discussion: String,
    pub pr_number: Option<u64>,
    pub pr_file: String,
    pub author: String,
    pub outcome: Outcome,
    /// The rules whose findings touch the changed lines.
    pub rules: Vec<String>,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Serialize)]
pub struct GuidelineResult {
    pub path: String,
    pub title: String,
    pub rules: usize,
    pub examples: Vec<ExampleResult>,
    pub fixed: usize,
    pub caught: usize,
    pub missed: usize,
}

/// Runs the engine on one example's text and judges the findings on the changed lines.
pub fn judge(engine: &Engine, e: &Example) -> (Outcome, Vec<String>) {
    let doc = Doc {
        path: if e.pr_file.is_empty() {
            "example.md".into()
        } else {
            e.pr_file.clone()
        },
        text: e.before.clone(),
        lines: Lines::All,
    };
    let findings: Vec<Finding> = engine
        .check(&[doc], &[])
        .into_iter()
        .filter(|f| {
            // Touching the changed lines (a deletion's finding may sit at their edge).
            f.start < e.changed.end.max(e.changed.start + 1) && f.end >= e.changed.start
        })
        .collect();
    let mut rules: Vec<String> = findings.iter().map(|f| f.rule.clone()).collect();
    rules.dedup();
    if findings.is_empty() {
        return (Outcome::Missed, rules);
    }
    let edits: Vec<Edit> = findings
        .iter()
        .filter_map(|f| {
            Some(Edit {
                range: f.start..f.end,
                replacement: f.replacements.first()?.clone(),
            })
        })
        .collect();
    let fixed = edit::apply(&e.before, &edits).text == e.after;
    (
        if fixed {
            Outcome::Fixed
        } else {
            Outcome::Caught
        },
        rules,
    )
}

fn test_guideline(engine: &Engine, g: &Guideline) -> GuidelineResult {
    let examples: Vec<ExampleResult> = g
        .examples
        .iter()
        .map(|e| {
            let (outcome, rules) = judge(engine, e);
            ExampleResult {
                discussion: e.discussion.clone(),
                pr_number: e.pr_number,
                pr_file: e.pr_file.clone(),
                author: e.author.clone(),
                outcome,
                rules,
                before: e.before[e.changed.clone()].to_owned(),
                after: e.after[e.changed.start..e.after.len() - (e.before.len() - e.changed.end)]
                    .to_owned(),
            }
        })
        .collect();
    let count = |o: Outcome| examples.iter().filter(|e| e.outcome == o).count();
    GuidelineResult {
        path: g.path.clone(),
        title: g.title.clone(),
        rules: g.rules.len(),
        fixed: count(Outcome::Fixed),
        caught: count(Outcome::Caught),
        missed: count(Outcome::Missed),
        examples,
    }
}

fn one_line(s: &str, max: usize) -> String {
    let s = s.trim_end().replace('\n', " ⏎ ");
    if s.chars().count() > max {
        let cut: String = s.chars().take(max - 1).collect();
        format!("{cut}…")
    } else {
        s
    }
}

fn print_results(results: &[GuidelineResult], out: &mut dyn Write) -> std::io::Result<()> {
    let (mut fixed, mut caught, mut missed) = (0, 0, 0);
    for r in results {
        writeln!(
            out,
            "{}  \"{}\"  ({})",
            r.path,
            r.title,
            crate::report::plural(r.rules, "rule", "rules")
        )?;
        for e in &r.examples {
            let label = match e.outcome {
                Outcome::Fixed => "fixed ",
                Outcome::Caught => "caught",
                Outcome::Missed => "missed",
            };
            let pr = e.pr_number.map(|n| format!("#{n} ")).unwrap_or_default();
            let by = if e.rules.is_empty() {
                String::new()
            } else {
                format!("  [{}]", e.rules.join(", "))
            };
            writeln!(
                out,
                "  {label}  {pr}{} ({}): \"{}\" → \"{}\"{by}",
                if e.pr_file.is_empty() {
                    "-"
                } else {
                    &e.pr_file
                },
                if e.author.is_empty() { "?" } else { &e.author },
                one_line(&e.before, 60),
                one_line(&e.after, 60),
            )?;
        }
        let total = r.examples.len();
        writeln!(
            out,
            "  {} of {} caught ({} with the reviewer's exact fix), {} missed\n",
            r.fixed + r.caught,
            crate::report::plural(total, "example", "examples"),
            r.fixed,
            r.missed
        )?;
        fixed += r.fixed;
        caught += r.caught;
        missed += r.missed;
    }
    let total = fixed + caught + missed;
    let pct = |n: usize| {
        if total == 0 {
            0.0
        } else {
            n as f64 * 100.0 / total as f64
        }
    };
    writeln!(
        out,
        "Overall: {} caught of {total} ({:.0}%), {} fixed exactly ({:.0}%), {} missed.",
        fixed + caught,
        pct(fixed + caught),
        fixed,
        pct(fixed),
        missed
    )
}
