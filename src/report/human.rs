//! The human format: one block per finding, like a compiler diagnostic.
//!
//! ```text
//! docs/tuning.md:3:5: warning[grammar.allow-to] "allows" does not take a bare verb: …
//!   3 | INC allows automatically find better solution.
//!     |     ^^^^^^^^^^^^^^^^^^^^^^^^^
//!     = fix: allows you to automatically find  (or: allows to automatically find)
//! ```

use super::{Summary, per_rule, plural};
use crate::core::finding::{Finding, Safety, Severity, visible};
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
    /// Writes `s` in the colour `code` (an SGR code), or plain.
    fn put(self, out: &mut Vec<u8>, code: &str, s: impl std::fmt::Display) -> io::Result<()> {
        if self.color {
            write!(out, "\x1b[{code}m{s}\x1b[0m")
        } else {
            write!(out, "{s}")
        }
    }
}

pub fn write(
    out: &mut dyn Write,
    findings: &[Finding],
    sources: &HashMap<&str, &str>,
    summary: Summary,
    style: Style,
) -> io::Result<()> {
    // Each finding's block is made on every core and written a batch at a time (see
    // `write_blocks`): thousands of findings go out several times faster than through many small writes.
    super::write_blocks(out, findings, |buf, _, f| {
        write_finding(buf, f, sources.get(f.path.as_str()).copied(), style)
    })?;
    let mut buf = Vec::with_capacity(512);
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
    // Written piece by piece straight into the block: thousands of findings, no temporary strings.
    style.put(
        out,
        "1",
        format_args!("{}:{}:{}", shown_path(&f.path), f.line, f.column),
    )?;
    out.extend_from_slice(b": ");
    style.put(out, severity_code(f.severity, true), f.severity.as_str())?;
    writeln!(out, "[{}] {}", f.rule, f.message)?;
    if let Some(text) = source {
        write_excerpt(out, text, f, style)?;
    }
    if let Some((first, rest)) = f.replacements.split_first() {
        write!(out, "{:w$} ", "", w = digits(f.line))?;
        style.put(out, "34", "=")?;
        out.extend_from_slice(b" fix: ");
        style.put(out, "32", visible(first))?;
        if !rest.is_empty() {
            out.extend_from_slice(b"  (or: ");
            for (i, r) in rest.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(b", ");
                }
                out.extend_from_slice(visible(r).as_bytes());
            }
            out.push(b')');
        }
        if f.safety == Safety::Review {
            style.put(out, "2", "  [review]")?;
        }
        out.push(b'\n');
    }
    out.push(b'\n');
    Ok(())
}

/// How many digits `n` has.
fn digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

fn write_excerpt(out: &mut Vec<u8>, text: &str, f: &Finding, style: Style) -> io::Result<()> {
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
    if line_end - line_start > WIDE && text[line_start..line_end].chars().count() > WIDE {
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
    style.put(out, "34", f.line)?;
    out.push(b' ');
    style.put(out, "34", "|")?;
    writeln!(out, " {prefix}{shown}{suffix}")?;
    // Caret line: same tabs as the source so it lines up, '^' under the span (to the end of the line).
    write!(out, "{:w$} ", "", w = digits(f.line))?;
    style.put(out, "34", "|")?;
    out.push(b' ');
    if !prefix.is_empty() {
        out.push(b' ');
    }
    for c in text[from..span_start].chars() {
        if c == '\u{feff}' {
            continue;
        }
        out.push(if c == '\t' { b'\t' } else { b' ' });
        for _ in 1..c.width().unwrap_or(0).max(1) {
            out.push(b' ');
        }
    }
    let width: usize = text[span_start..span_end]
        .chars()
        .map(|c| c.width().unwrap_or(0))
        .sum();
    style.put(
        out,
        severity_code(f.severity, false),
        format_args!("{:^<w$}", "", w = width.max(1)),
    )?;
    out.push(b'\n');
    Ok(())
}

/// The colour of a severity: bold for its name, plain for the carets under a span.
fn severity_code(s: Severity, bold: bool) -> &'static str {
    match (s, bold) {
        (Severity::Error, true) => "1;31",
        (Severity::Warning, true) => "1;33",
        (Severity::Suggestion, true) => "1;36",
        (Severity::Error, false) => "31",
        (Severity::Warning, false) => "33",
        (Severity::Suggestion, false) => "36",
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
