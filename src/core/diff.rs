//! The before/after view of one fix, as rows a screen can draw: lines of context around the finding,
//! line numbers on both sides, and the words that change marked for emphasis. Long lines are wrapped
//! here (by display width), so both columns of a side-by-side view always have the same number of
//! rows and stay aligned.

use similar::{ChangeTag, TextDiff};
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// A piece of a line: text, and whether it is part of the change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub emph: bool,
}

impl Seg {
    fn new(text: impl Into<String>, emph: bool) -> Seg {
        Seg {
            text: text.into(),
            emph,
        }
    }
}

/// One line of the file on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line number (the same on both sides: fixes never add or remove lines).
    pub line: usize,
    pub old: Vec<Seg>,
    pub new: Vec<Seg>,
    /// The line differs between the sides.
    pub changed: bool,
}

/// The lines of `old` and `new` (the file before and after one fix of `span`, which never changes the
/// number of lines) from `context` lines before the span to `context` lines after it.
pub fn rows(old: &str, new: &str, span: Range<usize>, context: usize) -> Vec<Row> {
    let old_lines: Vec<&str> = split_lines(old);
    let new_lines: Vec<&str> = split_lines(new);
    let first = old[..span.start.min(old.len())].matches('\n').count();
    let last = first
        + old[span.start.min(old.len())..span.end.min(old.len())]
            .matches('\n')
            .count();
    let from = first.saturating_sub(context);
    let to = (last + context).min(old_lines.len().saturating_sub(1));
    let mut out = Vec::new();
    for i in from..=to {
        let o = old_lines.get(i).copied().unwrap_or("");
        let n = new_lines.get(i).copied().unwrap_or("");
        let (old_segs, new_segs) = if o == n {
            (vec![Seg::new(o, false)], vec![Seg::new(n, false)])
        } else {
            emphasise(o, n)
        };
        out.push(Row {
            line: i + 1,
            old: old_segs,
            new: new_segs,
            changed: o != n,
        });
    }
    out
}

/// Lines without their line breaks (a CR before the LF is dropped too).
fn split_lines(text: &str) -> Vec<&str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect()
}

/// Word-level differences between two versions of a line.
pub fn emphasise(old: &str, new: &str) -> (Vec<Seg>, Vec<Seg>) {
    let diff = TextDiff::configure().diff_words(old, new);
    let mut o: Vec<Seg> = Vec::new();
    let mut n: Vec<Seg> = Vec::new();
    let push = |v: &mut Vec<Seg>, text: &str, emph: bool| match v.last_mut() {
        Some(last) if last.emph == emph => last.text.push_str(text),
        _ => v.push(Seg::new(text, emph)),
    };
    for change in diff.iter_all_changes() {
        let text = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                push(&mut o, text, false);
                push(&mut n, text, false);
            }
            ChangeTag::Delete => push(&mut o, text, true),
            ChangeTag::Insert => push(&mut n, text, true),
        }
    }
    (o, n)
}

/// Display width of a string (tabs count as 4).
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    if c == '\t' { 4 } else { c.width().unwrap_or(0) }
}

/// Wraps segments into lines of at most `width` columns, keeping emphasis: at spaces where it can, in
/// the middle of a word only when the word is wider than a line. Tabs become four spaces.
pub fn wrap(segs: &[Seg], width: usize) -> Vec<Vec<Seg>> {
    let width = width.max(1);
    // Cells: (shown text, width, emphasis), one per character.
    let cells: Vec<(String, usize, bool)> = segs
        .iter()
        .flat_map(|seg| {
            seg.text.chars().map(move |c| {
                if c == '\t' {
                    ("    ".to_owned(), 4, seg.emph)
                } else {
                    (c.to_string(), char_width(c), seg.emph)
                }
            })
        })
        .collect();
    let mut lines: Vec<Vec<Seg>> = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        // Take as many cells as fit.
        let mut used = 0;
        let mut j = i;
        while j < cells.len() && (used + cells[j].1 <= width || j == i) {
            used += cells[j].1;
            j += 1;
        }
        // Prefer to break after the last space, if the line is not the whole rest.
        if j < cells.len()
            && let Some(k) = (i + 1..j).rev().find(|&k| cells[k - 1].0 == " ")
        {
            j = k;
        }
        let mut line: Vec<Seg> = Vec::new();
        for (text, _, emph) in &cells[i..j] {
            match line.last_mut() {
                Some(last) if last.emph == *emph => last.text.push_str(text),
                _ => line.push(Seg::new(text.clone(), *emph)),
            }
        }
        lines.push(line);
        i = j;
    }
    if lines.is_empty() {
        lines.push(Vec::new());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(segs: &[Seg]) -> String {
        segs.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn rows_show_context_and_mark_the_changed_words() {
        let old = "one\ntwo\nWe use Github here.\nfour\nfive\nsix\n";
        let start = old.find("Github").expect("x");
        let new = old.replacen("Github", "GitHub", 1);
        let r = rows(old, &new, start..start + 6, 1);
        assert_eq!(r.iter().map(|r| r.line).collect::<Vec<_>>(), vec![2, 3, 4]);
        assert!(!r[0].changed && r[1].changed && !r[2].changed);
        let emph_old: Vec<&str> = r[1]
            .old
            .iter()
            .filter(|s| s.emph)
            .map(|s| s.text.as_str())
            .collect();
        let emph_new: Vec<&str> = r[1]
            .new
            .iter()
            .filter(|s| s.emph)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(emph_old, vec!["Github"]);
        assert_eq!(emph_new, vec!["GitHub"]);
        assert_eq!(text(&r[1].new), "We use GitHub here.");
    }

    #[test]
    fn rows_at_the_edges_of_the_file_and_with_crlf_and_bom() {
        let old = "\u{feff}Github\r\nend";
        let new = "\u{feff}GitHub\r\nend";
        let r = rows(old, new, 3..9, 3);
        assert_eq!(r.len(), 2);
        assert_eq!(text(&r[0].old), "Github");
        assert_eq!(text(&r[1].new), "end");
    }

    #[test]
    fn wrapping_keeps_emphasis_and_width() {
        let segs = vec![
            Seg::new("abc ", false),
            Seg::new("DEFGH", true),
            Seg::new(" ij", false),
        ];
        let w = wrap(&segs, 5);
        let shown: Vec<String> = w.iter().map(|l| text(l)).collect();
        assert_eq!(shown, vec!["abc ", "DEFGH", " ij"]);
        assert!(w[1][0].emph);
        // A word wider than the line is cut.
        let long = wrap(&[Seg::new("abcdefgh", false)], 3);
        assert_eq!(
            long.iter().map(|l| text(l)).collect::<Vec<_>>(),
            vec!["abc", "def", "gh"]
        );
        assert_eq!(wrap(&[], 4).len(), 1);
        assert_eq!(wrap(&[Seg::new("日本語", false)], 4).len(), 2);
        assert_eq!(width("a\tb"), 6);
    }
}
