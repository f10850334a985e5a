//! `check --format sarif`: SARIF 2.1.0, the format code-scanning services read (GitHub code scanning,
//! Azure DevOps). Every rule is described under `tool.driver.rules`; findings with a replacement carry
//! a `fixes` entry; columns count Unicode code points (`columnKind`), as docreview's do.

use crate::core::engine::{line_of, line_starts};
use crate::core::finding::{Finding, Severity};
use crate::core::rules::RuleInfo;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{self, Write};

/// A path as a URI reference: `/`-separated, with anything but unreserved characters percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// (line, column) of a byte offset, both 1-based, the column in characters.
pub fn position(text: &str, starts: &[usize], offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let line = line_of(starts, offset);
    let from = starts[line - 1].min(offset);
    let col = text.get(from..offset).map_or(0, |s| {
        s.chars()
            .filter(|&c| !(c == '\u{feff}' && from == 0))
            .count()
    });
    (line, col + 1)
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Suggestion => "note",
    }
}

pub fn write(
    out: &mut dyn Write,
    findings: &[Finding],
    sources: &HashMap<&str, &str>,
    rules: &[(RuleInfo, Option<Severity>)],
) -> io::Result<()> {
    let index: HashMap<&str, usize> = rules
        .iter()
        .enumerate()
        .map(|(i, (r, _))| (r.id.as_str(), i))
        .collect();
    let rule_objects: Vec<Value> = rules
        .iter()
        .map(|(r, level_now)| {
            json!({
                "id": r.id,
                "name": r.id.replace(['.', '-'], "_"),
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.explain },
                "defaultConfiguration": {
                    "level": level(level_now.unwrap_or(r.severity)),
                    "enabled": level_now.is_some(),
                },
                "properties": { "fixSafety": r.safety.as_str() },
            })
        })
        .collect();
    let mut starts_cache: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut results = Vec::new();
    for f in findings {
        let text = sources.get(f.path.as_str()).copied().unwrap_or("");
        let starts = starts_cache
            .entry(f.path.as_str())
            .or_insert_with(|| line_starts(text));
        let (sl, sc) = position(text, starts, f.start);
        let (el, ec) = position(text, starts, f.end);
        let region = json!({
            "startLine": sl,
            "startColumn": sc,
            "endLine": el,
            "endColumn": ec,
            "snippet": { "text": f.text },
        });
        let location = json!({
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&f.path) },
                "region": region,
            }
        });
        let mut result = json!({
            "ruleId": f.rule,
            "level": level(f.severity),
            "message": { "text": f.message },
            "locations": [location],
            "partialFingerprints": { "docreview/v1": f.fingerprint },
            "properties": { "fixSafety": f.safety.as_str() },
        });
        if let Some(&i) = index.get(f.rule.as_str()) {
            result["ruleIndex"] = json!(i);
        }
        if !f.replacements.is_empty() {
            let fixes: Vec<Value> = f
                .replacements
                .iter()
                .map(|r| {
                    json!({
                        "description": { "text": format!("Replace with \"{r}\"") },
                        "artifactChanges": [{
                            "artifactLocation": { "uri": uri(&f.path) },
                            "replacements": [{
                                "deletedRegion": {
                                    "startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec,
                                },
                                "insertedContent": { "text": r },
                            }],
                        }],
                    })
                })
                .collect();
            result["fixes"] = Value::Array(fixes);
        }
        results.push(result);
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "docreview",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rule_objects,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_and_positions() {
        assert_eq!(uri("docs/a b.md"), "docs/a%20b.md");
        assert_eq!(uri("docs\\ü.md"), "docs/%C3%BC.md");
        let text = "\u{feff}ab\nÜber Github\n";
        let starts = line_starts(text);
        let at = text.find("Github").expect("x");
        assert_eq!(position(text, &starts, at), (2, 6));
        assert_eq!(
            position(text, &starts, 3),
            (1, 1),
            "the BOM is not a column"
        );
    }
}
