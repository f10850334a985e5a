//! `check --format json`: `{"version": 1, "findings": [...], "summary": {files, findings, fixable}}`.
//! A public contract (see DESIGN.md, "The finding"): fields are only ever added, never renamed.

use super::Summary;
use crate::core::finding::Finding;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    findings: usize,
    fixable: usize,
}

pub fn write(out: &mut dyn Write, findings: &[Finding], summary: Summary) -> io::Result<()> {
    let summary = JsonSummary {
        files: summary.files,
        findings: summary.findings,
        fixable: summary.fixable,
    };
    // The same bytes `serde_json::to_writer_pretty` gives for the whole report (a test holds it to
    // that), with each finding serialised on its own, on every core, and written a batch at a time.
    out.write_all(b"{\n  \"version\": 1,\n  \"findings\": [")?;
    super::write_blocks(out, findings, |buf, i, f| {
        buf.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
        nested(buf, f, 2)
    })?;
    out.write_all(if findings.is_empty() { b"]" } else { b"\n  ]" })?;
    let mut tail = b",\n  \"summary\": ".to_vec();
    nested(&mut tail, &summary, 1)?;
    tail.extend_from_slice(b"\n}\n");
    out.write_all(&tail)
}

/// `value` pretty-printed as it sits `depth` levels deep in the report (its first line not indented:
/// the caller writes what comes before it).
fn nested(buf: &mut Vec<u8>, value: &impl Serialize, depth: usize) -> io::Result<()> {
    use serde_json::ser::Formatter;
    let mut pretty = serde_json::ser::PrettyFormatter::new();
    for _ in 0..depth {
        // Opening (and never closing) an array elsewhere is how the formatter is told how deep it is.
        pretty.begin_array(&mut io::sink())?;
    }
    let mut ser = serde_json::Serializer::with_formatter(buf, pretty);
    value.serialize(&mut ser)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Whole<'a> {
        version: u32,
        findings: &'a [Finding],
        summary: JsonSummary,
    }

    /// The report written a finding at a time is byte for byte what serde_json makes of it whole.
    #[test]
    fn the_report_is_what_serde_json_makes_of_it_whole() {
        let doc = "A line\\nwith \"quotes\", a tab\t and é\nthe the end\n";
        let all = [
            Finding::example("a.md", doc, "line", 0, "grammar.x", &["row"]),
            Finding::example("a.md", doc, "\"quotes\"", 0, "style.q", &[]),
            Finding::example(
                "b/é.md",
                doc,
                "the the",
                0,
                "grammar.repeated-word",
                &["the", ""],
            ),
        ];
        // Past one batch of blocks (2,048 a chunk, 16 chunks a batch): still in order.
        let many: Vec<Finding> = (0..40_000)
            .map(|i| {
                let mut f = all[i % 3].clone();
                f.line = i;
                f
            })
            .collect();
        for findings in [&all[..0], &all[..1], &all[..], &many[..]] {
            let n = findings.len();
            let summary = Summary::of(findings, 2);
            let mut ours = Vec::new();
            write(&mut ours, findings, summary).expect("writes");
            let mut whole = serde_json::to_vec_pretty(&Whole {
                version: 1,
                findings,
                summary: JsonSummary {
                    files: summary.files,
                    findings: summary.findings,
                    fixable: summary.fixable,
                },
            })
            .expect("serialises");
            whole.push(b'\n');
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&whole),
                "{n} findings"
            );
        }
    }
}
