//! `docreview check`: the findings in scope as a report for people or CI (human, JSON, SARIF, rdjson,
//! GitHub annotations, a diff of the fixes).

use super::min_severity;
use crate::cli::{CheckArgs, FormatArg};
use crate::core::finding::Finding;
use crate::report::{self, Summary};
use crate::session::{EXIT_CLEAN, EXIT_FINDINGS, Env, Error, Session};
use std::collections::HashMap;
use std::io::Write;

/// `docreview check`.
pub fn run(
    args: &CheckArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Error> {
    let mut session = Session::open(&args.scope, env, err, true)?;
    let floor = min_severity(args.min_severity);
    let findings: Vec<Finding> = session
        .findings(!args.scope.quiet && env.stderr_tty)
        .into_iter()
        .filter(|f| f.severity >= floor)
        .collect();
    let summary = Summary::of(&findings, session.inputs.docs.len());
    let sources: HashMap<&str, &str> = session
        .inputs
        .docs
        .iter()
        .map(|d| (d.path.as_str(), d.text.as_str()))
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
                if edits.is_empty() {
                    continue;
                }
                let fixed = crate::core::edit::apply(&doc.text, &edits);
                report::diff::write(out, diff_path, &doc.text, &fixed.text)?;
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
    // The report is out and the process is about to end: returning every doc and finding to the
    // allocator one by one would only delay the exit (measured on the corpus, warm: 71 against 84 ms).
    drop(sources);
    std::mem::forget(findings);
    std::mem::forget(session);
    Ok(code)
}
