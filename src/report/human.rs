//! The human format: one block per finding, like a compiler diagnostic.
//!
//! ```text
//! docs/tuning.md:3:5: warning[grammar.allow-to] "allows" does not take a bare verb: …
//!   3 | INC allows automatically find better solution.
//!     |     ^^^^^^^^^^^^^^^^^^^^^^^^^
//!     = fix: allows you to automatically find  (or: allows to automatically find)
//! ```

use super::{Summary, per_rule, plural};
use crate::core::finding::{Finding, Safety, Severity};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{self, Write};
use unicode_width::UnicodeWidthChar;

/// ANSI styling, or none.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
    fn bold(self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(self, s: &str) -> String {
        self.paint("2", s)
    }
    fn severity(self, s: Severity) -> String {
        let code = match s {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Suggestion => "1;36",
        };
        self.paint(code, s.as_str())
    }
    fn gutter(self, s: &str) -> String {
        self.paint("34", s)
    }
    fn fix(self, s: &str) -> String {
        self.paint("32", s)
    }
}

/// Shows control characters and an empty replacement so a reader can see them.
fn visible(s: &str) -> String {
    if s.is_empty() {
        return "(delete)".to_owned();
    }
    s.replace("\r\n", "⏎")
        .replace(['\n', '\r'], "⏎")
        .replace('\t', "⇥")
}

pub fn write(
    out: &mut dyn Write,
    findings: &[Finding],
    sources: &HashMap<&str, &str>,
    summary: Summary,
    style: Style,
) -> io::Result<()> {
    // Each finding's block is built in memory (in parallel) and the report is written at once:
    // thousands of findings go out several times faster than through many small writes.
    let blocks: Vec<io::Result<Vec<u8>>> = findings
        .par_iter()
        .map(|f| {
            let mut block = Vec::with_capacity(256);
            write_finding(&mut block, f, sources.get(f.path.as_str()).copied(), style)?;
            Ok(block)
        })
        .collect();
    let mut buf = Vec::with_capacity(blocks.iter().flatten().map(Vec::len).sum::<usize>() + 512);
    for block in blocks {
        buf.extend_from_slice(&block?);
    }
    write_summary(&mut buf, findings, summary, style)?;
    out.write_all(&buf)
}

/// A path as shown in a diagnostic: control characters and quotes escaped, so a strange file name
/// cannot garble the terminal.
fn shown_path(path: &str) -> std::borrow::Cow<'_, str> {
    if path
        .bytes()
        .all(|b| (b.is_ascii_graphic() || b == b' ') && !matches!(b, b'\\' | b'"' | b'\''))
    {
        std::borrow::Cow::Borrowed(path)
    } else {
        std::borrow::Cow::Owned(path.escape_debug().to_string())
    }
}

fn write_finding(
    out: &mut Vec<u8>,
    f: &Finding,
    source: Option<&str>,
    style: Style,
) -> io::Result<()> {
    {
        writeln!(
            out,
            "{}: {}[{}] {}",
            style.bold(&format!("{}:{}:{}", shown_path(&f.path), f.line, f.column)),
            style.severity(f.severity),
            f.rule,
            f.message
        )?;
        if let Some(text) = source {
            write_excerpt(out, text, f, style)?;
        }
        let pad = " ".repeat(f.line.to_string().len());
        if let Some((first, rest)) = f.replacements.split_first() {
            let mut line = format!(
                "{pad} {} {} {}",
                style.gutter("="),
                "fix:",
                style.fix(&visible(first))
            );
            if !rest.is_empty() {
                let others: Vec<String> = rest.iter().map(|r| visible(r)).collect();
                line.push_str(&format!("  (or: {})", others.join(", ")));
            }
            if f.safety == Safety::Review {
                line.push_str(&style.dim("  [review]"));
            }
            writeln!(out, "{line}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_excerpt(out: &mut impl Write, text: &str, f: &Finding, style: Style) -> io::Result<()> {
    /// Longer lines are shown as a window around the finding.
    const WIDE: usize = 160;
    const AROUND: usize = 60;
    let start = f.start.min(text.len());
    let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line_end = text[line_start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| line_start + i);
    let span_start = f.start.clamp(line_start, line_end);
    let span_end = f.end.clamp(span_start, line_end);
    let mut from = line_start;
    let mut to = line_end;
    let (mut prefix, mut suffix) = ("", "");
    if text[line_start..line_end].chars().count() > WIDE {
        let before: Vec<(usize, char)> = text[line_start..span_start].char_indices().collect();
        if before.len() > AROUND {
            from = line_start + before[before.len() - AROUND].0;
            prefix = "…";
        }
        if let Some((i, _)) = text[span_end..line_end].char_indices().nth(AROUND) {
            to = span_end + i;
            suffix = "…";
        }
    }
    let shown = text[from..to].trim_start_matches('\u{feff}');
    let number = f.line.to_string();
    let pad = " ".repeat(number.len());
    writeln!(
        out,
        "{} {} {prefix}{shown}{suffix}",
        style.gutter(&number),
        style.gutter("|")
    )?;
    // Caret line: same tabs as the source so it lines up, '^' under the span (to the end of the line).
    let mut marks = " ".repeat(prefix.chars().count());
    for c in text[from..span_start].chars() {
        if c == '\u{feff}' {
            continue;
        }
        marks.push(if c == '\t' { '\t' } else { ' ' });
        for _ in 1..c.width().unwrap_or(0).max(1) {
            marks.push(' ');
        }
    }
    let width: usize = text[span_start..span_end]
        .chars()
        .map(|c| c.width().unwrap_or(0))
        .sum();
    let carets = "^".repeat(width.max(1));
    writeln!(
        out,
        "{pad} {} {marks}{}",
        style.gutter("|"),
        style.severity_caret(f.severity, &carets)
    )
}

impl Style {
    fn severity_caret(self, s: Severity, carets: &str) -> String {
        let code = match s {
            Severity::Error => "31",
            Severity::Warning => "33",
            Severity::Suggestion => "36",
        };
        self.paint(code, carets)
    }
}

fn write_summary(
    out: &mut impl Write,
    findings: &[Finding],
    s: Summary,
    style: Style,
) -> io::Result<()> {
    if s.findings == 0 {
        return writeln!(
            out,
            "{} in {}.",
            style.bold("No findings"),
            plural(s.files, "file checked", "files checked")
        );
    }
    writeln!(
        out,
        "{} in {} of {} ({} fixable, {} safe to apply with `docreview apply`).",
        style.bold(&plural(s.findings, "finding", "findings")),
        plural(s.files_with_findings, "file", "files"),
        plural(s.files, "file checked", "files checked"),
        s.fixable,
        s.safe
    )?;
    let rules: Vec<String> = per_rule(findings)
        .into_iter()
        .map(|(r, n)| format!("{r} {n}"))
        .collect();
    writeln!(
        out,
        "{}",
        style.dim(&format!("By rule: {}.", rules.join(", ")))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_shown_as_a_window_around_the_span() {
        let text = format!("{}Github{}\n", "x ".repeat(200), " y".repeat(200));
        let start = text.find("Github").expect("x");
        let f = Finding {
            path: "a.md".into(),
            rule: "r.x".into(),
            severity: Severity::Warning,
            message: "m".into(),
            line: 1,
            column: start + 1,
            start,
            end: start + 6,
            text: "Github".into(),
            replacements: vec!["GitHub\n".into()],
            safety: Safety::Safe,
            fingerprint: "0".into(),
        };
        let mut out = Vec::new();
        write_excerpt(&mut out, &text, &f, Style { color: false }).expect("write");
        let s = String::from_utf8(out).expect("utf8");
        let lines: Vec<&str> = s.lines().collect();
        assert!(
            lines[0].starts_with("1 | …") && lines[0].ends_with('…'),
            "{s}"
        );
        assert!(lines[0].chars().count() < 140, "{s}");
        // Columns, not bytes: "…" is one column wide.
        let caret = lines[1].chars().position(|c| c == '^').expect("caret");
        let under: String = lines[0].chars().skip(caret).take(6).collect();
        assert_eq!(under, "Github");
        assert_eq!(visible("a\nb\r\n"), "a⏎b⏎");
    }

    #[test]
    fn excerpt_with_caret_under_the_span() {
        let text = "# T\n\n\tINC allows automatically find it.\n";
        let start = text.find("allows").expect("x");
        let f = Finding {
            path: "a.md".into(),
            rule: "grammar.allow-to".into(),
            severity: Severity::Warning,
            message: "msg".into(),
            line: 3,
            column: 6,
            start,
            end: start + "allows automatically find".len(),
            text: "allows automatically find".into(),
            replacements: vec![
                "allows you to automatically find".into(),
                "allows to automatically find".into(),
            ],
            safety: Safety::Review,
            fingerprint: "0".into(),
        };
        let mut out = Vec::new();
        let sources = HashMap::from([("a.md", text)]);
        write(
            &mut out,
            &[f],
            &sources,
            Summary {
                files: 1,
                findings: 1,
                fixable: 1,
                safe: 0,
                files_with_findings: 1,
            },
            Style { color: false },
        )
        .expect("write");
        let s = String::from_utf8(out).expect("utf8");
        let expected = "a.md:3:6: warning[grammar.allow-to] msg\n\
                        3 | \tINC allows automatically find it.\n  \
                        | \t    ^^^^^^^^^^^^^^^^^^^^^^^^^\n  \
                        = fix: allows you to automatically find  (or: allows to automatically find)  [review]\n\n\
                        1 finding in 1 file of 1 file checked (1 fixable, 0 safe to apply with `docreview apply`).\n\
                        By rule: grammar.allow-to 1.\n";
        assert_eq!(s, expected);
    }
}
