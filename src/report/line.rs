//! `check --format line`: one finding a line, `path:line:column:rule:message`, the shape of Vale's
//! `--output=line`, so scripts written for Vale (grep, awk, editors' error formats) read docreview's
//! findings too. Line and column are 1-based, the column in characters; a message's line breaks become
//! spaces, so one finding is always one line.

use crate::core::finding::Finding;
use std::io::{self, Write};

pub fn write(out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
    for f in findings {
        let message: String = f
            .message
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        writeln!(
            out,
            "{}:{}:{}:{}:{}",
            f.path, f.line, f.column, f.rule, message
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_finding_one_line_in_vales_shape() {
        let doc = "# T\n\nOne\nUse Github here.\n";
        let mut a = Finding::example(
            "docs/a b.md",
            doc,
            "Github",
            0,
            "terminology.canonical",
            &["GitHub"],
        );
        a.message = "Write \"GitHub\",\nnot \"Github\".".into();
        let mut out = Vec::new();
        write(&mut out, &[a]).expect("write");
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            "docs/a b.md:4:1:terminology.canonical:Write \"GitHub\", not \"Github\".\n"
        );
    }
}
