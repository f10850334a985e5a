//! `docreview guidelines list` and `docreview guidelines test`: the rules the team's review-guideline
//! files hold, and whether each one's examples are flagged and fixed as the guideline says (loading
//! the files is the session's job: [`crate::session::load_guidelines`]).

use crate::cli::{GuidelinesAction, GuidelinesArgs, TestFormat};
use crate::core::edit::{self, Edit};
use crate::core::engine::{Doc, Engine, Lines};
use crate::core::finding::Finding;
use crate::core::rules::guideline::{Example, Guideline, Kind};
use crate::io::repo::Repo;
use crate::io::scope::display_path;
use crate::session::{
    EXIT_CLEAN, EXIT_FINDINGS, Env, Error, build_engine, guideline_notices, load_config,
};
use serde::Serialize;
use std::io::Write;

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
    let config = load_config(args.config.as_deref(), files, None, env, repo.as_ref())?;
    crate::session::write_notices(err, &guideline_notices(&config)).map_err(Error::Output)?;
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
pub enum Verdict {
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
    pub outcome: Verdict,
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
pub fn judge(engine: &Engine, e: &Example) -> (Verdict, Vec<String>) {
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
        return (Verdict::Missed, rules);
    }
    let edits: Vec<Edit> = findings.iter().filter_map(|f| f.fix(0)).collect();
    let fixed = edit::apply(&e.before, &edits).text == e.after;
    (
        if fixed {
            Verdict::Fixed
        } else {
            Verdict::Caught
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
    let count = |o: Verdict| examples.iter().filter(|e| e.outcome == o).count();
    GuidelineResult {
        path: g.path.clone(),
        title: g.title.clone(),
        rules: g.rules.len(),
        fixed: count(Verdict::Fixed),
        caught: count(Verdict::Caught),
        missed: count(Verdict::Missed),
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
                Verdict::Fixed => "fixed ",
                Verdict::Caught => "caught",
                Verdict::Missed => "missed",
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
