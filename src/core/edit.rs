//! Splicing fixes into a file's text: edits applied in ascending order with a running offset, overlaps
//! refused (the first edit by position wins), and nothing outside an edit's span ever changes.

use std::ops::Range;

/// Replace `range` (byte offsets into the original text) with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

/// Why an edit was not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// It overlaps an earlier edit (by position), which was applied instead.
    Overlaps(usize),
    /// Its range is outside the text or not on character boundaries.
    OutOfBounds,
}

/// The outcome of [`apply`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub text: String,
    /// Indices (into the input slice) of the edits applied.
    pub applied: Vec<usize>,
    /// Indices of the edits left out, with the reason.
    pub skipped: Vec<(usize, Skip)>,
}

/// Applies `edits` to `text`. Edits are taken in order of position (ties: input order); an edit that
/// overlaps one already taken, or that starts where another starts, is skipped.
pub fn apply(text: &str, edits: &[Edit]) -> Applied {
    let mut order: Vec<usize> = (0..edits.len()).collect();
    order.sort_by_key(|&i| (edits[i].range.start, edits[i].range.end, i));
    let mut out = String::with_capacity(text.len());
    let mut applied = Vec::new();
    let mut skipped = Vec::new();
    let mut pos = 0;
    let mut last: Option<usize> = None;
    for i in order {
        let r = &edits[i].range;
        let valid = r.start <= r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end);
        if !valid {
            skipped.push((i, Skip::OutOfBounds));
            continue;
        }
        if let Some(prev) = last {
            let p = &edits[prev].range;
            if r.start < p.end || r.start == p.start {
                skipped.push((i, Skip::Overlaps(prev)));
                continue;
            }
        }
        out.push_str(&text[pos..r.start]);
        out.push_str(&edits[i].replacement);
        pos = r.end;
        last = Some(i);
        applied.push(i);
    }
    out.push_str(&text[pos..]);
    applied.sort_unstable();
    Applied {
        text: out,
        applied,
        skipped,
    }
}

/// Where `range` (in the text before `edit`) lies after `edit` was applied, or `None` when the edit
/// touched it.
pub fn shift(range: Range<usize>, edit: &Edit) -> Option<Range<usize>> {
    let e = &edit.range;
    if range.end <= e.start && !(range.is_empty() && range.start == e.start && !e.is_empty()) {
        return Some(range);
    }
    if range.start >= e.end && !(e.is_empty() && range.start == e.start) {
        let delta = edit.replacement.len() as isize - e.len() as isize;
        let move_by = |x: usize| (x as isize + delta) as usize;
        return Some(move_by(range.start)..move_by(range.end));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(r: Range<usize>, s: &str) -> Edit {
        Edit {
            range: r,
            replacement: s.into(),
        }
    }

    #[test]
    fn applies_in_order_with_running_offset() {
        let t = "the the cat on Github";
        let a = apply(t, &[e(15..21, "GitHub"), e(0..7, "the")]);
        assert_eq!(a.text, "the cat on GitHub");
        assert_eq!(a.applied, vec![0, 1]);
        assert!(a.skipped.is_empty());
    }

    #[test]
    fn first_by_position_wins_on_overlap() {
        let t = "abcdef";
        let a = apply(t, &[e(2..5, "X"), e(1..3, "Y"), e(5..6, "Z")]);
        assert_eq!(a.text, "aYdeZ");
        assert_eq!(a.applied, vec![1, 2]);
        assert_eq!(a.skipped, vec![(0, Skip::Overlaps(1))]);
    }

    #[test]
    fn insertions_at_the_same_point_conflict_but_adjacent_edits_do_not() {
        let a = apply("ab", &[e(1..1, "x"), e(1..1, "y"), e(1..2, "B")]);
        assert_eq!(a.text, "axb");
        assert_eq!(a.skipped.len(), 2);
        let b = apply("abcd", &[e(0..2, "X"), e(2..4, "Y")]);
        assert_eq!(b.text, "XY");
    }

    #[test]
    fn bad_ranges_are_skipped_not_panicking() {
        let a = apply("héllo", &[e(2..3, "x"), e(4..99, "y")]);
        assert_eq!(a.text, "héllo");
        assert_eq!(a.skipped.len(), 2);
        assert!(a.skipped.iter().all(|(_, s)| *s == Skip::OutOfBounds));
    }

    #[test]
    fn bytes_outside_edits_are_untouched() {
        let t = "\u{feff}line one\r\nline two\r\nno newline";
        let a = apply(t, &[e(8..11, "ONE")]);
        assert_eq!(a.text, "\u{feff}line ONE\r\nline two\r\nno newline");
    }

    #[test]
    fn shifting_later_spans() {
        let ed = e(4..7, "a");
        assert_eq!(shift(0..3, &ed), Some(0..3));
        assert_eq!(shift(8..10, &ed), Some(6..8));
        assert_eq!(shift(5..9, &ed), None);
    }
}
