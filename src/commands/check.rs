//! `docreview check`: the findings in scope as a report for people or CI (human, JSON, SARIF, rdjson,
//! GitHub annotations, a diff of the fixes). A report is remembered whole in the repository's cache:
//! when nothing it depends on changed, the next one is written from memory
//! ([`crate::io::remembered`]).

use super::min_severity;
use crate::cli::{CheckArgs, FormatArg};
use crate::core::engine::{Doc, memo_key};
use crate::core::finding::Finding;
use crate::io::remembered::{self, Recorder};
use crate::report::{self, Summary};
use crate::session::{EXIT_CLEAN, EXIT_FINDINGS, Env, Error, Session, write_notices};
use std::collections::HashMap;
use std::io::Write;

/// `docreview check`.
pub fn run(
    args: &CheckArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Error> {
    // All a report depends on besides the rule set and the docs: the command line and how the
    // process was started (working folder, terminals, colour, environment).
    let how = format!("{args:?}\n{env:?}");
    let (mut session, notices) = Session::plan(&args.scope, env, true, Some(&how))?;
    let floor = min_severity(args.min_severity);
    let quiet = args.scope.quiet;
    if let Some(memory) = session.remembered.take() {
        let context = session.engine.needs_doc_set();
        let read = remembered::read_keys(&session.plan, env.part_bytes, context);
        // Every byte is checked before the first is written: a report damaged on disk is made afresh.
        if let Some(read) = read.filter(|r| memory.is_for(r.docs) && memory.is_whole()) {
            if !quiet {
                write_notices(err, &notices)?;
                write_notices(err, &read.notices)?;
            }
            let code = memory.write_to(out)?;
            out.flush()?;
            // The process ends now: freeing the engine piece by piece would only delay it.
            std::mem::forget(session);
            return Ok(code);
        }
        session.prefetch();
    }
    let findings: Vec<Finding> = session
        .report_findings(env, !quiet && env.stderr_tty, quiet, notices, err)?
        .into_iter()
        .filter(|f| f.severity >= floor)
        .collect();
    let summary = Summary::of(&findings, session.inputs.docs.len());
    // The check let each doc's text go once checked: the formats that show lines read the docs
    // with findings again.
    let shows_lines = matches!(
        args.format,
        FormatArg::Sarif | FormatArg::Rdjson | FormatArg::Diff | FormatArg::Human
    );
    let (texts, current) = if shows_lines {
        texts_again(&session, &findings, quiet, err)?
    } else {
        (HashMap::new(), true)
    };
    let dir = session.cache.as_ref().map(|c| c.dir());
    let out = &mut Recorder::new(out, dir);
    let sources: HashMap<&str, &str> = texts
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    match args.format {
        FormatArg::Json => report::json::write(out, &findings, summary)?,
        FormatArg::Github => report::github::write(out, &findings)?,
        FormatArg::Line => report::line::write(out, &findings)?,
        FormatArg::Sarif => {
            let rules: Vec<_> = session
                .engine
                .rules()
                .iter()
                .map(|r| (r.info.clone(), r.severity))
                .collect();
            report::sarif::write(out, &findings, &sources, &rules)?;
        }
        FormatArg::Rdjson => report::rdjson::write(out, &findings, &sources)?,
        FormatArg::Diff => {
            for (doc, diff_path) in session.inputs.docs.iter().zip(&session.inputs.diff_paths) {
                let edits: Vec<crate::core::edit::Edit> = findings
                    .iter()
                    .filter(|f| f.path == doc.path)
                    .filter_map(|f| f.fix(0))
                    .collect();
                let Some(text) = sources.get(doc.path.as_str()) else {
                    continue;
                };
                if edits.is_empty() {
                    continue;
                }
                let fixed = crate::core::edit::apply(text, &edits);
                report::diff::write(out, diff_path, text, &fixed.text)?;
            }
        }
        FormatArg::Human => {
            let style = report::human::Style {
                color: env.color(args.color, env.stdout_tty),
            };
            report::human::write(out, &findings, &sources, summary, style)?;
        }
    }
    out.flush()?;
    let code = if findings.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    };
    // Remembered only when every doc stayed as it was read while the report was made.
    if let (Some(cache), Some(docs), true) = (&session.cache, session.docs_key, current) {
        cache.keep_report(out, &how, docs, code);
    }
    // The report is out and the process is about to end: returning every doc and finding to the
    // allocator one by one would only delay the exit (measured on the corpus, warm: 71 against 84 ms).
    drop(sources);
    std::mem::forget(texts);
    std::mem::forget(findings);
    std::mem::forget(session);
    Ok(code)
}

/// The texts of the docs with findings, read again (in parallel) for a report that shows lines. A
/// doc whose text no longer holds its findings' words where they were found changed since it was
/// checked: it is shown without its lines (a notice says so) rather than with the wrong ones, and
/// the second value is then `false`.
fn texts_again(
    session: &Session,
    findings: &[Finding],
    quiet: bool,
    err: &mut dyn Write,
) -> Result<(HashMap<String, String>, bool), Error> {
    use rayon::prelude::*;
    let mut by_path: HashMap<&str, Vec<&Finding>> = HashMap::new();
    for f in findings {
        by_path.entry(f.path.as_str()).or_default().push(f);
    }
    // Each text read again, and whether it is the one checked (else the report is not remembered).
    let read: Vec<(String, Option<String>, bool)> = session
        .inputs
        .docs
        .par_iter()
        .enumerate()
        .filter_map(|(k, doc)| {
            let found = by_path.get(doc.path.as_str())?;
            let text = session.plan.text_again(&session.inputs, k).map(|text| Doc {
                text,
                ..doc.clone()
            });
            let same = text.as_ref().map(memo_key) == session.content.get(k).copied();
            let text = text
                .map(|d| d.text)
                .filter(|t| found.iter().all(|f| t.get(f.start..f.end) == Some(&f.text)));
            Some((doc.path.clone(), text, same))
        })
        .collect();
    let mut texts = HashMap::new();
    let current = read.iter().all(|(_, t, same)| t.is_some() && *same);
    for (path, text, _) in read {
        match text {
            Some(text) => {
                texts.insert(path, text);
            }
            None if !quiet => writeln!(
                err,
                "docreview: {path} changed since it was checked: its findings are shown without their lines"
            )?,
            None => {}
        }
    }
    Ok((texts, current))
}
