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
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
