//! `check --format rdjson`: reviewdog's Diagnostic Format, so a pull-request bot can post findings as
//! review comments and their replacements as GitHub suggested changes. Columns are 1-based UTF-8 byte
//! counts, as reviewdog expects.

use crate::core::engine::{line_of, line_starts};
use crate::core::finding::{Finding, Severity};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{self, Write};

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Suggestion => "INFO",
    }
}

/// 1-based line and UTF-8 byte column of an offset.
fn pos(starts: &[usize], offset: usize) -> Value {
    let line = line_of(starts, offset);
    json!({ "line": line, "column": offset - starts[line - 1] + 1 })
}

pub fn write(
    out: &mut dyn Write,
    findings: &[Finding],
    sources: &HashMap<&str, &str>,
) -> io::Result<()> {
    let mut cache: HashMap<&str, Vec<usize>> = HashMap::new();
    let diagnostics: Vec<Value> = findings
        .iter()
        .map(|f| {
            let text = sources.get(f.path.as_str()).copied().unwrap_or("");
            let starts = cache
                .entry(f.path.as_str())
                .or_insert_with(|| line_starts(text));
            let range = json!({ "start": pos(starts, f.start), "end": pos(starts, f.end) });
            let mut d = json!({
                "message": f.message,
                "location": { "path": f.path, "range": range },
                "severity": severity(f.severity),
                "code": { "value": f.rule },
            });
            if !f.replacements.is_empty() {
                d["suggestions"] = Value::Array(
                    f.replacements
                        .iter()
                        .map(|r| json!({ "range": range, "text": r }))
                        .collect(),
                );
            }
            d
        })
        .collect();
    let doc = json!({
        "source": { "name": "docreview" },
        "diagnostics": diagnostics,
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::finding::Safety;

    #[test]
    fn byte_columns_and_suggestions() {
        let text = "ab\nÜber Github\n";
        let start = text.find("Github").expect("x");
        let f = Finding {
            path: "a.md".into(),
            rule: "terminology.canonical".into(),
            severity: Severity::Warning,
            message: "m".into(),
            line: 2,
            column: 6,
            start,
            end: start + 6,
            text: "Github".into(),
            replacements: vec!["GitHub".into()],
            safety: Safety::Safe,
            fingerprint: "0".into(),
        };
        let mut out = Vec::new();
        write(&mut out, &[f], &HashMap::from([("a.md", text)])).expect("write");
        let v: Value = serde_json::from_slice(&out).expect("json");
        let d = &v["diagnostics"][0];
        assert_eq!(
            d["location"]["range"]["start"],
            json!({"line": 2, "column": 7}),
            "Ü is two bytes"
        );
        assert_eq!(d["suggestions"][0]["text"], "GitHub");
        assert_eq!(d["code"]["value"], "terminology.canonical");
    }
}
