//! `check --format json`: `{"version": 1, "findings": [...], "summary": {files, findings, fixable}}`.
//! A public contract (see DESIGN.md, "The finding"): fields are only ever added, never renamed.

use super::Summary;
use crate::core::finding::Finding;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    findings: &'a [Finding],
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    findings: usize,
    fixable: usize,
}

pub fn write(out: &mut dyn Write, findings: &[Finding], summary: Summary) -> io::Result<()> {
    let report = Report {
        version: 1,
        findings,
        summary: JsonSummary {
            files: summary.files,
            findings: summary.findings,
            fixable: summary.fixable,
        },
    };
    // One buffer, one write: a large report goes out several times faster than through many small
    // writes to a `dyn Write`. The buffer is sized from the findings up front, so it is not copied as
    // it grows.
    let estimate: usize = findings
        .iter()
        .map(|f| {
            400 + f.path.len()
                + f.message.len()
                + f.text.len()
                + f.replacements.iter().map(|r| r.len() + 16).sum::<usize>()
        })
        .sum();
    let mut bytes = Vec::with_capacity(estimate + 256);
    serde_json::to_writer_pretty(&mut bytes, &report)?;
    bytes.push(b'\n');
    out.write_all(&bytes)
}
