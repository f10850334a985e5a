//! From rule hits to findings at exact file offsets: a fix is kept only where the bytes it replaces are
//! exactly the prose the rule saw and it keeps the number of line breaks; otherwise it is narrowed to
//! what really changes, or the finding is reported without a fix.

use super::*;
use crate::core::finding::{fingerprint_normalised, normalise_sentence};

impl Engine {
    /// Turns one document's hits into findings on `lines`.
    pub(super) fn findings_on(
        &self,
        doc: &Doc,
        lines: &Lines,
        prose: &Prose,
        hits: Vec<Hit>,
    ) -> Vec<Finding> {
        let file = doc.text.as_str();
        let line_starts = line_starts(file);
        let mut out: Vec<Finding> = Vec::new();
        let mut seen: HashSet<(usize, usize, String)> = HashSet::new();
        let mut occurrences: HashMap<(String, String, u64), usize> = HashMap::new();
        let mut hits = hits;
        hits.sort_by_key(|h| (h.block, h.range.start, h.range.end));
        // harper's findings give way to docreview's own where they overlap (ours are tuned for
        // technical prose, and one place gets one finding).
        let own: Vec<(usize, Range<usize>)> = hits
            .iter()
            .filter(|h| !self.harper.owns(&h.rule))
            .map(|h| (h.block, h.range.clone()))
            .collect();
        if own.len() < hits.len() {
            hits.retain(|h| {
                !self.harper.owns(&h.rule)
                    || !own.iter().any(|(b, r)| {
                        *b == h.block
                            && r.start < h.range.end.max(h.range.start + 1)
                            && h.range.start < r.end.max(r.start + 1)
                    })
            });
        }
        let mut column_at = (0usize, 0usize, 1usize);
        // A licence is a legal text kept word for word (often a third party's): nothing to review.
        if is_license(&doc.path) {
            return Vec::new();
        }
        let changelog = is_changelog(&doc.path);
        let mut change_entries: HashMap<usize, bool> = HashMap::new();
        let mut change_records: HashMap<usize, bool> = HashMap::new();
        // A translated page (or a passage in another language) is not for English rules; only the link
        // rules read it.
        let mut foreign_doc: Option<bool> = None;
        // Another author's quoted words and wiki pages' titles are kept as written.
        let mut kept_ranges: Option<Vec<std::ops::Range<usize>>> = None;
        let mut foreign_blocks: HashMap<usize, bool> = HashMap::new();
        for hit in hits {
            let Some(&(severity, safety)) = self.severity.get(&hit.rule) else {
                continue;
            };
            if changelog && !reads_changelogs(&hit.rule) {
                continue;
            }
            let Some(block) = prose.block(hit.block) else {
                continue;
            };
            // A changelog's list of contributors: each item a name, as its owner writes it.
            if changelog && spelling::owns(&hit.rule) && is_credit_item(file, block) {
                continue;
            }
            if *change_records
                .entry(hit.block)
                .or_insert_with(|| is_change_record(file, prose, block))
            {
                continue;
            }
            if block.kind == markdown::BlockKind::CodeComment && !reads_code_comments(&hit.rule) {
                continue;
            }
            // A change entry is a commit's or a pull request's title: like a changelog, it is read for
            // typos and doubled words only, and never in its authors' names.
            if (!reads_changelogs(&hit.rule)
                || (spelling::owns(&hit.rule) && in_credit(&block.text, hit.range.clone())))
                && *change_entries
                    .entry(hit.block)
                    .or_insert_with(|| is_change_entry(file, block))
            {
                continue;
            }
            if !hit.rule.starts_with("links.")
                && (*foreign_doc.get_or_insert_with(|| is_foreign(prose, &doc.path))
                    || *foreign_blocks.entry(hit.block).or_insert_with(|| {
                        let words = crate::core::rules::text::words(&block.text);
                        language::other_script(&block.text)
                            || (words.len() >= language::BLOCK_WORDS
                                && language::tally(&block.text, &words).is_foreign())
                    }))
            {
                continue;
            }
            let Some((span, replacements)) =
                place(file, block, hit.range.clone(), &hit.replacements)
            else {
                continue;
            };
            if prose.is_suppressed(span.start, &hit.rule) {
                continue;
            }
            if !hit.rule.starts_with("links.")
                && super::quotes::kept(
                    kept_ranges.get_or_insert_with(|| super::quotes::kept_as_written(file, prose)),
                    span.start,
                )
            {
                continue;
            }
            if !seen.insert((span.start, span.end, hit.rule.clone())) {
                continue;
            }
            let text = file[span.clone()].to_owned();
            let sentence_range = sentence_around(&block.text, hit.range.clone());
            // A sentence that quotes the fix beside the flagged form speaks of the forms (a style
            // guide's "always "Meilisearch" (not MeiliSearch)"): its wrong form is an example.
            let within =
                hit.range.start - sentence_range.start..hit.range.end - sentence_range.start;
            let sentence = &block.text[sentence_range];
            if crate::core::rules::text::contrasts(sentence, within, &hit.replacements) {
                continue;
            }
            // Occurrences are counted over the whole file, so a fingerprint does not depend on which
            // lines are in scope.
            let occ_key = (
                hit.rule.clone(),
                text.clone(),
                crate::core::finding::fnv1a64(&[sentence.as_bytes()]),
            );
            let occurrence = occurrences.entry(occ_key).or_insert(0);
            let fp = fingerprint(&hit.rule, &text, sentence, *occurrence);
            *occurrence += 1;
            let line = line_of(&line_starts, span.start);
            let last = line_of(&line_starts, span.end.saturating_sub(1).max(span.start));
            if !lines.touches(line, last) {
                continue;
            }
            // Columns count characters as an editor shows them (a BOM is not one), counted on from the
            // previous finding of the same line so a very long line costs one pass.
            let line_start = line_starts[line - 1];
            let (from, base) = match column_at {
                (l, offset, col) if l == line && offset <= span.start => (offset, col),
                _ => (line_start, 1),
            };
            let column = base
                + file[from..span.start]
                    .chars()
                    .filter(|&c| !(c == '\u{feff}' && from == 0))
                    .count();
            column_at = (line, span.start, column);
            out.push(Finding {
                path: doc.path.clone(),
                rule: hit.rule,
                severity,
                message: hit.message,
                line,
                column,
                start: span.start,
                end: span.end,
                text,
                replacements,
                safety,
                fingerprint: fp,
            });
        }
        out
    }
}

impl Engine {
    /// The Vale rules' findings on one document (on the whole document), placed like every other
    /// finding: suppression comments honoured, columns in characters, a fingerprint by the line's text.
    pub(super) fn vale_findings(&self, doc: &Doc, prose: &Prose) -> Vec<Finding> {
        let Some(vale) = &self.vale else {
            return Vec::new();
        };
        if is_license(&doc.path) {
            return Vec::new();
        }
        let file = doc.text.as_str();
        let alerts = vale.check(&doc.path, file, prose, &self.active);
        if alerts.is_empty() {
            return Vec::new();
        }
        let starts = line_starts(file);
        let mut occurrences: HashMap<(String, String, u64), usize> = HashMap::new();
        // A style may flag a line many times: its normal form and hash are worked out once.
        let mut last_line: Option<(usize, String, u64)> = None;
        // Whether the config set each rule's level, asked once per rule.
        let mut configured: HashMap<String, bool> = HashMap::new();
        let mut out = Vec::with_capacity(alerts.len());
        for a in alerts {
            let Some(&(severity, safety)) = self.severity.get(&a.rule) else {
                continue;
            };
            if !a.raw && prose.is_suppressed_text(a.range.start, &a.rule, &file[a.range.clone()]) {
                continue;
            }
            let line = line_of(&starts, a.range.start);
            let line_start = starts[line - 1];
            let column = 1 + file[line_start..a.range.start]
                .chars()
                .filter(|&c| !(c == '\u{feff}' && line_start == 0))
                .count();
            let line_end = file[line_start..]
                .find('\n')
                .map_or(file.len(), |i| line_start + i);
            let text = file[a.range.clone()].to_owned();
            let (norm, hash) = match &last_line {
                Some((l, norm, hash)) if *l == line => (norm.as_str(), *hash),
                _ => {
                    let around = &file[line_start..line_end];
                    let (_, norm, hash) = last_line.insert((
                        line,
                        normalise_sentence(around),
                        crate::core::finding::fnv1a64(&[around.as_bytes()]),
                    ));
                    (norm.as_str(), *hash)
                }
            };
            let n = occurrences
                .entry((a.rule.clone(), text.clone(), hash))
                .or_insert(0);
            let fp = fingerprint_normalised(&a.rule, &text, norm, *n);
            *n += 1;
            // A rule the config set to a level keeps it; otherwise the level Vale's setup gives.
            let configured = match configured.get(&a.rule) {
                Some(&c) => c,
                None => {
                    let c = self
                        .states
                        .iter()
                        .find(|s| s.info.id == a.rule)
                        .is_some_and(|s| s.severity != Some(s.info.severity));
                    configured.insert(a.rule.clone(), c);
                    c
                }
            };
            out.push(Finding {
                path: doc.path.clone(),
                rule: a.rule,
                severity: if configured { severity } else { a.severity },
                message: a.message,
                line,
                column,
                start: a.range.start,
                end: a.range.end,
                text,
                replacements: a.replacements,
                safety,
                fingerprint: fp,
            });
        }
        out
    }
}

/// Is a whole-file finding on the doc's lines in scope?
pub(super) fn touches(doc: &Doc, f: &Finding) -> bool {
    match &doc.lines {
        Lines::All => true,
        lines => {
            let last = f.line + f.text.matches('\n').count();
            lines.touches(f.line, last)
        }
    }
}

/// Sorts findings by path, position and rule.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.path.as_str(), a.start, a.end, a.rule.as_str()).cmp(&(
            b.path.as_str(),
            b.start,
            b.end,
            b.rule.as_str(),
        ))
    });
}

/// Byte offsets where each line starts.
pub fn line_starts(text: &str) -> Vec<usize> {
    // A line ends at LF, CRLF, or a lone CR (old Mac files), as Markdown itself reads them.
    let bytes = text.as_bytes();
    std::iter::once(0)
        .chain(bytes.iter().enumerate().filter_map(|(i, &b)| match b {
            b'\n' => Some(i + 1),
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => Some(i + 1),
            _ => None,
        }))
        .collect()
}

/// 1-based line of a byte offset.
pub fn line_of(line_starts: &[usize], offset: usize) -> usize {
    line_starts.partition_point(|&s| s <= offset).max(1)
}

/// Places a hit in the file: its byte span and the replacements that can be applied there safely.
pub(super) fn place(
    file: &str,
    block: &Block,
    view: Range<usize>,
    replacements: &[String],
) -> Option<(Range<usize>, Vec<String>)> {
    let keeps_lines = |span: &Range<usize>, r: &String| {
        file[span.clone()].matches('\n').count() == r.matches('\n').count()
    };
    if let Some(span) = block.to_source(file, view.clone()) {
        let ok: Vec<String> = replacements
            .iter()
            .filter(|r| keeps_lines(&span, r))
            .cloned()
            .collect();
        if ok.len() == replacements.len() {
            return Some((span, ok));
        }
    }
    // Narrow to what really changes, then widen to whole words, and try again.
    if !replacements.is_empty() {
        let original = &block.text[view.clone()];
        let (p, s) = common_affixes(original, replacements);
        let mut inner = view.start + p..view.end - s;
        let mut reps: Vec<String> = replacements
            .iter()
            .map(|r| r[p..r.len() - s].to_owned())
            .collect();
        // Words added where markup opens go before the markup, not inside it.
        if inner.start == inner.end
            && let Some(at) = block.insert_before_markup(inner.start)
            && reps.iter().all(|r| !r.contains('\n'))
        {
            return Some((at..at, reps));
        }
        widen_to_words(&block.text, &mut inner, &mut reps, view.clone());
        if let Some(span) = block.to_source(file, inner.clone())
            && reps.iter().all(|r| keeps_lines(&span, r))
        {
            return Some((span, reps));
        }
    }
    let span = block.to_source_lossy(view.clone())?;
    // A token written with backslash escapes ("NUM\_FORKS") becomes code whole: a code span shows
    // its text as it is, so the escapes go with the backticks.
    let unescaped = |source: &str| {
        let mut out = String::with_capacity(source.len());
        let mut chars = source.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
                continue;
            }
            out.push(c);
        }
        out
    };
    let as_code = |r: &String| {
        r.strip_prefix('`').and_then(|r| r.strip_suffix('`')) == Some(&block.text[view.clone()])
    };
    // Only escapes may stand between: text shown but not ours to change (a reference link's label,
    // an entity) keeps the span from any fix.
    if !replacements.is_empty()
        && !block.touches_frozen(view.clone())
        && replacements.iter().all(as_code)
        && unescaped(&file[span.clone()]) == block.text[view.clone()]
    {
        return Some((span, replacements.to_vec()));
    }
    Some((span, Vec::new()))
}

/// Lengths of the prefix and suffix (in bytes, on char boundaries) shared by `original` and every
/// replacement, not overlapping.
pub(super) fn common_affixes(original: &str, replacements: &[String]) -> (usize, usize) {
    let mut prefix = original.len();
    let mut suffix = original.len();
    for r in replacements {
        let p = original
            .char_indices()
            .zip(r.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8());
        prefix = prefix.min(p);
        let s = original
            .chars()
            .rev()
            .zip(r.chars().rev())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum::<usize>();
        suffix = suffix.min(s);
    }
    for r in replacements {
        let limit = original.len().min(r.len());
        if prefix + suffix > limit {
            suffix = limit.saturating_sub(prefix);
        }
    }
    // Keep both on char boundaries of every string.
    while !original.is_char_boundary(original.len() - suffix)
        || replacements
            .iter()
            .any(|r| !r.is_char_boundary(r.len() - suffix))
    {
        suffix -= 1;
    }
    (prefix, suffix)
}

/// Grows an edit to cover the whole words it touches (staying inside `outer`), so the reader sees
/// "tiny" → "a tiny" instead of an insertion of "a ".
pub(super) fn widen_to_words(
    text: &str,
    inner: &mut Range<usize>,
    reps: &mut [String],
    outer: Range<usize>,
) {
    let is_word = |c: char| c.is_alphanumeric();
    let word_len = |s: &str| {
        s.chars()
            .take_while(|&c| is_word(c))
            .map(char::len_utf8)
            .sum::<usize>()
    };
    let word_len_back = |s: &str| {
        s.chars()
            .rev()
            .take_while(|&c| is_word(c))
            .map(char::len_utf8)
            .sum::<usize>()
    };
    let (mut start, mut end) = (inner.start, inner.end);
    if inner.start == inner.end {
        // An insertion takes the word after it along, or else the word before it.
        let after = word_len(&text[end..outer.end]);
        if after > 0 {
            end += after;
        } else {
            start -= word_len_back(&text[outer.start..start]);
        }
    } else {
        // Edges in the middle of a word grow to the word's edges.
        if text[..start].ends_with(is_word) && text[start..].starts_with(is_word) {
            start -= word_len_back(&text[outer.start..start]);
        }
        if text[..end].ends_with(is_word) && text[end..].starts_with(is_word) {
            end += word_len(&text[end..outer.end]);
        }
    }
    let (before, after) = (&text[start..inner.start], &text[inner.end..end]);
    for r in reps.iter_mut() {
        *r = format!("{before}{r}{after}");
    }
    *inner = start..end;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_and_widening() {
        assert_eq!(
            common_affixes("tiny accuracy drop", &["a tiny accuracy drop".into()]),
            (0, 18)
        );
        let text = "is tiny drop";
        let mut inner = 3..3;
        let mut reps = vec!["a ".to_owned()];
        widen_to_words(text, &mut inner, &mut reps, 3..12);
        assert_eq!((inner, reps), (3..7, vec!["a tiny".to_owned()]));
    }
}
