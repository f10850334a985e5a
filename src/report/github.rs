//! `check --format github`: GitHub Actions workflow commands (`::warning file=…,line=…,col=…::…`), which
//! show up as annotations on the pull request's changed lines.

use crate::core::finding::{Finding, Severity};
use std::io::{self, Write};

/// Escapes a workflow-command message.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow-command property value.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn write(out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
    for f in findings {
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Suggestion => "notice",
        };
        let mut message = f.message.clone();
        if let Some(r) = f.replacements.first() {
            message.push_str(&format!(" Suggested: \"{r}\"."));
        }
        writeln!(
            out,
            "::{level} file={},line={},col={},title={}::{}",
            escape_property(&f.path),
            f.line,
            f.column,
            escape_property(&f.rule),
            escape_data(&message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::finding::Safety;

    #[test]
    fn workflow_command_shape_and_escaping() {
        let f = Finding {
            path: "docs/a,b.md".into(),
            rule: "terminology.canonical".into(),
            severity: Severity::Suggestion,
            message: "100% wrong:\nyes".into(),
            line: 3,
            column: 7,
            start: 0,
            end: 1,
            text: "x".into(),
            replacements: vec!["y".into()],
            safety: Safety::Safe,
            fingerprint: "0".into(),
        };
        let mut out = Vec::new();
        write(&mut out, &[f]).expect("write");
        assert_eq!(
            String::from_utf8(out).expect("utf8"),
            "::notice file=docs/a%2Cb.md,line=3,col=7,title=terminology.canonical::100%25 wrong:%0Ayes Suggested: \"y\".\n"
        );
    }
}
