//! Rule packs. Each family lives in its own file and implements [`Checker`]: a pure function from a
//! document's prose to [`Hit`]s in block-text coordinates. The engine maps hits back to file offsets,
//! applies levels, scope and suppressions. Cross-document rules (consistency) get the whole doc set.

pub mod agreement;
pub mod be_verb;
pub mod code_format;
pub mod confusions;
pub mod consistency;
pub mod custom;
pub mod dictionary;
pub mod function_words;
pub mod grammar;
pub mod guideline;
pub mod harper;
pub mod language;
pub mod lexicon;
pub mod links;
pub mod markup;
pub mod misspellings;
pub mod name_case;
pub mod noun_number;
pub mod precision;
pub mod repetition;
pub mod sentences;
pub mod spelling;
pub mod terminology;
pub mod text;
pub mod unpaired;
pub mod usage;
pub mod vale;
pub mod verb_forms;

use crate::core::finding::{Safety, Severity};
use crate::core::markdown::{Prose, is_fence_line};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// What a rule is, for `docreview rules`, the JSON/SARIF metadata and the engine's defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInfo {
    /// `family.name`.
    pub id: String,
    pub severity: Severity,
    pub safety: Safety,
    /// Enabled unless the config turns it off.
    pub default_on: bool,
    /// One line: what it catches.
    pub summary: String,
    /// Several lines for `docreview rules explain`: why, examples, how to silence it.
    pub explain: String,
    /// Where the rule is explained at length (a Vale rule's `link`), for editors' links.
    pub link: Option<String>,
}

impl RuleInfo {
    /// A warning whose fix needs a reviewer's eye, the shape of most grammar rules; `default_on` as
    /// measured (see `precision.md`).
    pub fn review(id: &str, default_on: bool, summary: &str, explain: &str) -> RuleInfo {
        RuleInfo {
            link: None,
            id: id.into(),
            severity: crate::core::finding::Severity::Warning,
            safety: crate::core::finding::Safety::Review,
            default_on,
            summary: summary.into(),
            explain: explain.into(),
        }
    }
}

/// A rule's finding in one block's text (see [`crate::core::markdown::Block`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub block: usize,
    /// Byte range in the block's text.
    pub range: Range<usize>,
    pub rule: String,
    pub message: String,
    /// Replacements for `range`, best first.
    pub replacements: Vec<String>,
}

/// One document as the checkers see it. Each block is split into words once, on first use, and every
/// checker shares the result.
pub struct DocProse<'a> {
    pub file: &'a str,
    pub prose: &'a Prose,
    words: Vec<std::cell::OnceCell<Vec<text::Word>>>,
    code: std::cell::OnceCell<String>,
    /// Every word of the doc's prose, in ASCII lower case.
    written: std::cell::OnceCell<HashSet<String>>,
    /// How often the doc's prose writes each word with a capital first letter, as written.
    capitalised: std::cell::OnceCell<HashMap<String, usize>>,
    english: std::cell::OnceCell<bool>,
    /// Whether each block is English ([`language::is_english`]), judged once.
    english_blocks: Vec<std::cell::OnceCell<bool>>,
    /// The parts of the doc's web addresses between punctuation, in lower case.
    address_parts: std::cell::OnceCell<HashSet<String>>,
}

impl<'a> DocProse<'a> {
    pub fn new(file: &'a str, prose: &'a Prose) -> DocProse<'a> {
        DocProse {
            file,
            prose,
            words: (0..prose.blocks.len())
                .map(|_| std::cell::OnceCell::new())
                .collect(),
            code: std::cell::OnceCell::new(),
            written: std::cell::OnceCell::new(),
            capitalised: std::cell::OnceCell::new(),
            english: std::cell::OnceCell::new(),
            english_blocks: (0..prose.blocks.len())
                .map(|_| std::cell::OnceCell::new())
                .collect(),
            address_parts: std::cell::OnceCell::new(),
        }
    }

    /// Does one of the doc's web addresses hold `word` as a whole part between punctuation ("mirrord"
    /// in github.com/metalbear-co/mirrord, "ratatui" in ratatui.rs; not "lates" in …/templates)? A word
    /// the doc links to is a name, whatever word it resembles. Case is ignored.
    pub fn addresses_hold(&self, word: &str) -> bool {
        self.address_parts
            .get_or_init(|| {
                self.prose
                    .links
                    .iter()
                    .flat_map(|l| l.text.split(|c: char| !c.is_alphanumeric()))
                    .filter(|part| !part.is_empty())
                    .map(str::to_lowercase)
                    .collect()
            })
            .contains(&word.to_lowercase())
    }

    /// Is the doc's prose as a whole plainly English (see [`language::Tally::is_plainly_english`])?
    /// Rules that judge words a translated page keeps in its own language (its code's placeholders, a
    /// rare word one slip from an English one) ask this; asked once per doc.
    pub fn plainly_english(&self) -> bool {
        *self.english.get_or_init(|| {
            (0..self.prose.blocks.len())
                .map(|b| language::tally(&self.prose.blocks[b].text, self.words(b)))
                .fold(language::Tally::default(), language::Tally::plus)
                .is_plainly_english()
        })
    }

    /// Is block `b` English ([`language::is_english`])? Every rule that reads a block as English asks
    /// this; it is judged once per block.
    pub fn block_is_english(&self, b: usize) -> bool {
        let judge = || {
            self.prose
                .block(b)
                .is_some_and(|block| language::is_english(&block.text, self.words(b)))
        };
        match self.english_blocks.get(b) {
            Some(cell) => *cell.get_or_init(judge),
            None => judge(),
        }
    }

    /// The places in block `b`'s text that stand for inline code (placeholders, not cut-out HTML).
    pub fn inline_code(&self, b: usize) -> impl Iterator<Item = Range<usize>> + '_ {
        let block = &self.prose.blocks[b];
        block.segments.iter().filter_map(move |seg| {
            let view = seg.view..seg.view + seg.view_len;
            let code = !seg.verbatim
                && block.text[view.clone()].starts_with(crate::core::markdown::PLACEHOLDER)
                && self.prose.in_code(&(seg.src..seg.src + seg.src_len));
            code.then_some(view)
        })
    }

    /// Is `view` in block `b` the whole text of a link (`[view](…)`, `[**view**][ref]`)? A link's text
    /// that is one name is usually the name of what it links to, written as its owner writes it.
    pub fn whole_link_text(&self, b: usize, view: Range<usize>) -> bool {
        let Some(src) = self.prose.blocks[b].to_source_lossy(view) else {
            return false;
        };
        let before = self.file[..src.start].trim_end_matches(['*', '_']);
        let after = self.file[src.end..].trim_start_matches(['*', '_']);
        before.ends_with('[') && after.starts_with(']')
    }

    /// The whole text of the link `view` of block `b` stands in (`[… view …](…)`, `[… view …][ref]`),
    /// if it stands in one. Only the block's own bytes are searched (one byte either side, where a
    /// link's brackets may sit), so asking for every word of a long doc stays linear.
    pub fn link_text(&self, b: usize, view: Range<usize>) -> Option<&'a str> {
        self.link_span(b, view).map(|r| &self.file[r])
    }

    /// Where in the file the text of [`Self::link_text`] is.
    pub fn link_span(&self, b: usize, view: Range<usize>) -> Option<Range<usize>> {
        let block = &self.prose.blocks[b];
        let src = block.to_source_lossy(view)?;
        let file = self.file;
        let (first, last) = (block.segments.first()?, block.segments.last()?);
        let mut from = first.src.saturating_sub(1).min(src.start);
        while !file.is_char_boundary(from) {
            from += 1;
        }
        let mut to = (last.src + last.src_len + 1).min(file.len()).max(src.end);
        while !file.is_char_boundary(to) {
            to -= 1;
        }
        // A link's text may run over a line end ("[regexFind\n(mustRegexFind)](…)") and hold
        // brackets of its own ("[[Pitch] Rename flatten() to joined()](…)").
        let mut depth = 0usize;
        let open = file[from..src.start]
            .char_indices()
            .rev()
            .find_map(|(i, c)| {
                match c {
                    ']' => depth += 1,
                    '[' if depth == 0 => return Some(from + i),
                    '[' => depth -= 1,
                    _ => {}
                }
                None
            })?;
        depth = 0;
        let close = file[src.end..to].char_indices().find_map(|(i, c)| {
            match c {
                '[' => depth += 1,
                ']' if depth == 0 => return Some(src.end + i),
                ']' => depth -= 1,
                _ => {}
            }
            None
        })?;
        let after = &file[close..];
        (after.starts_with("](") || after.starts_with("][")).then(|| open + 1..close)
    }

    /// The doc's code (inline code and code blocks, without their fence lines), one piece a line;
    /// built on first use.
    pub fn code_text(&self) -> &str {
        self.code.get_or_init(|| {
            let mut all = String::new();
            for r in &self.prose.code {
                let Some(code) = self.file.get(r.clone()) else {
                    continue;
                };
                let fenced = is_fence_line(code);
                for line in code.lines() {
                    if !(fenced && is_fence_line(line.trim_start())) {
                        all.push_str(line);
                        all.push('\n');
                    }
                }
            }
            all
        })
    }

    /// The doc's fenced code blocks, each as the file writes it, fences and all.
    pub fn code_blocks(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.prose
            .code
            .iter()
            .filter_map(|r| self.file.get(r.clone()))
            .filter(|code| is_fence_line(code))
    }

    /// Does the doc's code hold `word` as a quoted string (`'ios'`, `"vue"`)?
    pub fn code_quotes(&self, word: &str) -> bool {
        let code = self.code_text();
        ['\'', '"']
            .iter()
            .any(|q| code.contains(&format!("{q}{word}{q}")))
    }

    /// Does the doc write `word` as a whole inline code span (`` `tls` ``, `` `details` ``): then the
    /// word names that code (a key, an element) wherever the prose uses it as a name.
    pub fn inline_code_is(&self, word: &str) -> bool {
        self.prose
            .code_spans
            .iter()
            .any(|span| span.text.trim() == word)
    }

    /// Does the doc's prose write `word` (in ASCII lower case) as a word of its own, in any case? The
    /// doc's words are gathered on first use.
    pub fn writes(&self, word: &str) -> bool {
        self.written_words().contains(word)
    }

    /// Every word the doc's prose writes, in ASCII lower case (see [`DocProse::writes`]).
    pub fn written_words(&self) -> &HashSet<String> {
        self.written.get_or_init(|| {
            (0..self.prose.blocks.len())
                .flat_map(|b| {
                    let text = self.prose.blocks[b].text.as_str();
                    self.words(b)
                        .iter()
                        .map(|w| w.text(text).to_ascii_lowercase())
                })
                .collect()
        })
    }

    /// The words the doc's prose writes with a capital first letter inside a sentence, as written
    /// ("Jekyll", not "jekyll"), and how many times each: its names. A capital that opens a sentence
    /// or a word of a heading (often in title case) tells nothing. Counted on first use.
    pub fn capitalised(&self) -> &HashMap<String, usize> {
        self.capitalised.get_or_init(|| {
            let mut counts = HashMap::new();
            for b in 0..self.prose.blocks.len() {
                let block = &self.prose.blocks[b];
                if block.kind == crate::core::markdown::BlockKind::Heading {
                    continue;
                }
                let text = block.text.as_str();
                for w in self.words(b) {
                    if text::starts_sentence(text, w.start) {
                        continue;
                    }
                    for part in w.text(text).split('-') {
                        let part = text::without_possessive(part);
                        if part.starts_with(|c: char| c.is_uppercase()) {
                            *counts.entry(part.to_owned()).or_insert(0) += 1;
                        }
                    }
                }
            }
            counts
        })
    }

    /// The words of block `b`.
    pub fn words(&self, b: usize) -> &[text::Word] {
        match self.words.get(b) {
            Some(cell) => cell.get_or_init(|| text::words(&self.prose.blocks[b].text)),
            None => &[],
        }
    }

    /// The blocks whose sentences the grammar rules read, with their index, text and words: English
    /// paragraphs, list items and code comments of three words or more. Headings and table cells are
    /// left out: they are mostly noun phrases ("The form submit response").
    pub fn sentence_blocks(&self) -> impl Iterator<Item = (usize, &str, &[text::Word])> + '_ {
        self.prose
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, block)| {
                matches!(
                    block.kind,
                    crate::core::markdown::BlockKind::Paragraph
                        | crate::core::markdown::BlockKind::Other
                        | crate::core::markdown::BlockKind::CodeComment
                )
            })
            .map(|(b, block)| (b, block.text.as_str(), self.words(b)))
            .filter(|&(b, _, ws)| ws.len() >= 3 && self.block_is_english(b))
    }
}

/// A hash of a doc-set rule's verdicts, each a word and a count, in any order: doc-set findings
/// cached under an equal hash stay right.
pub fn verdicts_fingerprint<'a>(verdicts: impl Iterator<Item = (&'a str, u32)>) -> u64 {
    let mut all: Vec<(&str, u32)> = verdicts.collect();
    all.sort_unstable();
    let parts: Vec<String> = all.iter().map(|(w, c)| format!("{w}\u{1}{c}")).collect();
    let refs: Vec<&[u8]> = parts.iter().map(|p| p.as_bytes()).collect();
    crate::core::finding::fnv1a64(&refs)
}

/// The rules that will be reported; checkers may skip work for the others.
#[derive(Debug, Clone, Default)]
pub struct Active(pub HashSet<String>);

impl Active {
    pub fn has(&self, rule: &str) -> bool {
        self.0.contains(rule)
    }
}

/// A family of per-document rules.
pub trait Checker: Send + Sync {
    fn rules(&self) -> Vec<RuleInfo>;
    /// Slow checkers (harper) run after the others where results stream in (the review screen).
    fn slow(&self) -> bool {
        false
    }
    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>);
}

/// For the rules' tests: runs one checker over a Markdown text with the given rules on and returns each
/// hit as (rule, flagged text, replacements).
#[cfg(test)]
pub(crate) fn hits_in(
    checker: &dyn Checker,
    rules: &[&str],
    md: &str,
) -> Vec<(String, String, Vec<String>)> {
    hits_in_read(
        checker,
        rules,
        md,
        crate::core::markdown::Reading::default(),
    )
}

/// [`hits_in`], the text read as `how` (HTML blocks, comments in code, MDX).
#[cfg(test)]
pub(crate) fn hits_in_read(
    checker: &dyn Checker,
    rules: &[&str],
    md: &str,
    how: crate::core::markdown::Reading,
) -> Vec<(String, String, Vec<String>)> {
    let prose = crate::core::markdown::extract_with(md, how);
    let doc = DocProse::new(md, &prose);
    let active = Active(rules.iter().map(|r| (*r).to_owned()).collect());
    let mut out = Vec::new();
    checker.check(&doc, &active, &mut out);
    out.into_iter()
        .map(|h| {
            let text = prose.block(h.block).expect("hit in a block").text[h.range].to_owned();
            (h.rule, text, h.replacements)
        })
        .collect()
}
