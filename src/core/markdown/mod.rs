//! Prose extraction: which bytes of a Markdown file are prose a reviewer would read, and which are code,
//! markup, URLs, front matter or math that no prose rule may ever touch.
//!
//! pulldown-cmark parses the file once; every inline container (paragraph, heading, table cell, tight
//! list item, …) becomes a [`Block`] whose `text` is the prose as a reader sees it: emphasis and link
//! markers gone, inline code, inline HTML, math, footnote references, bare URLs and Hugo/Jinja shortcodes
//! replaced by [`PLACEHOLDER`]. Each block keeps [`Segment`]s that map its text back to exact byte offsets
//! in the file, so a rule can work on clean prose and its finding still lands on the right bytes.
//!
//! Suppression comments (`<!-- docreview-disable … -->`, `<!-- vale off -->`, …) are read here too, from
//! HTML events only, so a comment shown inside a code block suppresses nothing.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

mod extractor;
mod html;
mod not_prose;
mod suppressions;

use extractor::Extractor;
use not_prose::{generator_code, mdx_code, not_prose_spans};
use suppressions::suppressions;
pub use suppressions::{Suppression, opens_generated_part, rule_matches};

/// Stands in for anything inside a prose block that is not prose (inline code, HTML, math, URLs, …).
/// U+FFFC OBJECT REPLACEMENT CHARACTER: not a word character, so rules never match across it.
pub const PLACEHOLDER: char = '\u{FFFC}';

/// Does the line (its indent already trimmed) open or close a fenced code block ("```js", "~~~")?
pub fn is_fence_line(line: &str) -> bool {
    line.starts_with("```") || line.starts_with("~~~")
}

/// What kind of container a block of prose came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    TableCell,
    /// Text directly inside a tight list item, a footnote or another container.
    Other,
    /// The text of a comment in a fenced code block (see [`crate::core::comments`]): only spelling
    /// and grammar read it.
    CodeComment,
    /// A web address written in the doc (see [`Prose::links`]): not prose, only link rules read it.
    Link,
    /// The text of an inline code span (see [`Prose::code_spans`]): not prose, only spelling reads it.
    InlineCode,
}

/// A run of a block's text and the bytes of the file it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Start in the block's `text`.
    pub view: usize,
    /// Length in the block's `text`.
    pub view_len: usize,
    /// Start in the file.
    pub src: usize,
    /// Length in the file.
    pub src_len: usize,
    /// The file's bytes equal the text byte for byte (false for entities, escapes, placeholders).
    pub verbatim: bool,
}

/// One inline container's prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    pub segments: Vec<Segment>,
}

/// The text after a list item's marker, when `line` opens one: a bullet (`-`, `*`, `+`) or a number
/// (`1.`, `2)`) after any indentation or quote marks, then a space, a tab or the line's end. "*Note: …*"
/// is emphasis and "2024.01" a version, not items.
pub fn list_item_rest(line: &str) -> Option<&str> {
    let lead = line.trim_start_matches([' ', '\t', '>']);
    let digits = lead.len() - lead.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = if digits > 0 {
        lead[digits..].strip_prefix(['.', ')'])
    } else {
        lead.strip_prefix(['-', '*', '+'])
    }?;
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then_some(rest)
}

impl Block {
    /// The text of the block's first line before its first byte: a list item's marker, a quote's
    /// marks, indentation (empty for a block that starts its line).
    pub fn line_lead<'f>(&self, file: &'f str) -> Option<&'f str> {
        let before = file.get(..self.segments.first()?.src)?;
        Some(&before[before.rfind('\n').map_or(0, |i| i + 1)..])
    }

    /// Does the block open a list item: only the marker, and the markup that opens its first words
    /// (`**`, `_`, `[`, a backtick), stand before its text on its line?
    pub fn opens_list_item(&self, file: &str) -> bool {
        self.line_lead(file)
            .and_then(list_item_rest)
            .is_some_and(|rest| {
                !rest.is_empty()
                    && rest
                        .trim_matches(|c: char| c.is_whitespace() || "*_[~`".contains(c))
                        .is_empty()
            })
    }

    fn new(kind: BlockKind, capacity: usize) -> Block {
        Block {
            kind,
            text: String::with_capacity(capacity),
            segments: Vec::with_capacity(4),
        }
    }

    /// An empty block of `kind`, to be filled with [`Block::push_piece`].
    pub(crate) fn empty(kind: BlockKind) -> Block {
        Block::new(kind, 64)
    }

    /// Appends text shown as `text` that comes from `src_len` bytes at `src` in the file (`verbatim`: the
    /// file's bytes are the text).
    pub(crate) fn push_piece(&mut self, text: &str, src: usize, src_len: usize, verbatim: bool) {
        self.push(text, src, src_len, verbatim);
    }

    fn push(&mut self, text: &str, src: usize, src_len: usize, verbatim: bool) {
        if text.is_empty() && src_len == 0 {
            return;
        }
        self.segments.push(Segment {
            view: self.text.len(),
            view_len: text.len(),
            src,
            src_len,
            verbatim,
        });
        self.text.push_str(text);
    }

    fn has_prose(&self) -> bool {
        self.segments
            .iter()
            .any(|s| s.verbatim && !self.text[s.view..s.view + s.view_len].trim().is_empty())
    }

    /// The file offset of a span start (or an insertion point) at `v` in the block's text.
    fn source_start(&self, v: usize) -> Option<usize> {
        // Segments are in view order: the first that ends after `v` holds it.
        let i = self.segments.partition_point(|s| s.view + s.view_len <= v);
        let seg = self
            .segments
            .get(i)
            .filter(|s| s.view <= v)
            .or_else(|| self.segments.last().filter(|s| s.view + s.view_len == v))?;
        if seg.verbatim {
            Some(seg.src + (v - seg.view))
        } else if v == seg.view {
            Some(seg.src)
        } else if v == seg.view + seg.view_len {
            Some(seg.src + seg.src_len)
        } else {
            None
        }
    }

    /// The file offset of a span end at `v` in the block's text.
    fn source_end(&self, v: usize) -> Option<usize> {
        // The first segment that ends at or after `v` (and starts before it) holds it.
        let i = self.segments.partition_point(|s| s.view + s.view_len < v);
        let seg = self
            .segments
            .get(i)
            .filter(|s| s.view < v)
            .or_else(|| self.segments.first().filter(|s| s.view == v))?;
        if seg.verbatim {
            Some(seg.src + (v - seg.view))
        } else if v == seg.view + seg.view_len {
            Some(seg.src + seg.src_len)
        } else if v == seg.view {
            Some(seg.src)
        } else {
            None
        }
    }

    /// File byte range of `view`, or `None` when the file's bytes there are not the same text (the span
    /// crosses markup, an entity, an escape or a placeholder). A fix may only replace a span for which this
    /// returns `Some`, so markup can never be lost.
    pub fn to_source(&self, file: &str, view: Range<usize>) -> Option<Range<usize>> {
        if view.start > view.end || view.end > self.text.len() {
            return None;
        }
        let start = self.source_start(view.start)?;
        let end = if view.is_empty() {
            start
        } else {
            // Text that is shown but not ours to change (an entity, a reference label) is off limits
            // even where its bytes happen to read the same.
            if self.touches_frozen(view.clone()) {
                return None;
            }
            self.source_end(view.end)?
        };
        (start <= end && file.get(start..end) == self.text.get(view.clone())).then_some(start..end)
    }

    /// Does `view` take in text that is shown but not written as it reads and not ours to change (an
    /// entity, a reference link's label, a placeholder)? An escape is not such text: it is a gap between
    /// verbatim runs.
    pub fn touches_frozen(&self, view: Range<usize>) -> bool {
        let first = self
            .segments
            .partition_point(|s| s.view + s.view_len <= view.start);
        self.segments[first..]
            .iter()
            .take_while(|s| s.view < view.end)
            .any(|s| !s.verbatim && s.view_len > 0)
    }

    /// Where an insertion at `v` goes when `v` is where markup opens (`*`, `[`): before the markup, so
    /// "allows *automatically*" becomes "allows you to *automatically*", not "allows *you to …*".
    /// `None` when `v` is not at such a boundary.
    pub fn insert_before_markup(&self, v: usize) -> Option<usize> {
        let i = self.segments.partition_point(|s| s.view + s.view_len < v);
        let prev = self.segments.get(i)?;
        let next = self.segments.get(i + 1)?;
        (prev.verbatim
            && prev.view + prev.view_len == v
            && next.view == v
            && next.src > prev.src + prev.src_len)
            .then_some(prev.src + prev.src_len)
    }

    /// Is `view` written in the file exactly as it reads, with no markup inside it ("is **opt in**",
    /// "The *options* is")? Words set apart by markup are a name or a saying, not a slip.
    pub fn is_plain(&self, view: Range<usize>) -> bool {
        self.to_source_lossy(view.clone())
            .is_some_and(|src| src.len() == view.len())
    }

    /// File byte range covered by `view`, even when it crosses markup (for reporting a finding that
    /// cannot be fixed mechanically).
    pub fn to_source_lossy(&self, view: Range<usize>) -> Option<Range<usize>> {
        let start = (view.start..=view.end).find_map(|v| self.source_start(v))?;
        let end = (view.start..=view.end)
            .rev()
            .find_map(|v| self.source_end(v))
            .unwrap_or(start);
        if end > start || view.is_empty() {
            return Some(start..end.max(start));
        }
        // Inside text shown but not ours to map byte by byte (a reference label, an entity): the
        // whole of the segments it lies in, so the finding still points at the words.
        let covering = self
            .segments
            .iter()
            .filter(|s| s.view < view.end && view.start < s.view + s.view_len);
        let from = covering.clone().map(|s| s.src).min()?;
        let to = covering.map(|s| s.src + s.src_len).max()?;
        Some(from..to)
    }
}

/// The prose of one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prose {
    pub blocks: Vec<Block>,
    /// File ranges of inline code and code blocks (what the spelling vocabulary learns from).
    pub code: Vec<Range<usize>>,
    /// File ranges of the text of every comment in fenced code of a known language, prose or code put
    /// aside (see [`crate::core::comments::Comments`]): the spelling vocabulary does not learn from it.
    pub comment_text: Vec<Range<usize>>,
    pub suppressions: Vec<Suppression>,
    /// Web addresses (`http://`, `https://`) outside code and front matter: link destinations,
    /// reference definitions, autolinks, bare URLs and HTML attributes, one block each. Rules address
    /// them after the prose blocks (see [`Prose::block`]).
    pub links: Vec<Block>,
    /// The text inside inline code spans (`` `.github/worflows` ``), one block each, numbered after the web
    /// addresses: only spelling reads them, for known misspellings in names. Spans inside a link whose
    /// text is its reference label are left out (changing them would break the link).
    pub code_spans: Vec<Block>,
    /// File ranges of images (`![alt](src)`): their alt text is prose, but it is shown as plain text,
    /// so no markup may be added to it.
    pub images: Vec<Range<usize>>,
    /// File ranges of HTML blocks read as prose (`[markdown] html_blocks`): Markdown is not rendered
    /// there, so no Markdown may be added to their text.
    pub html: Vec<Range<usize>>,
    /// File ranges of list items as the parser reads them, each from its marker to its last line (its
    /// later paragraphs, nested lists and code included), outer items before the items inside them.
    pub items: Vec<Range<usize>>,
}

impl Prose {
    /// Block `i` in one numbering: the prose blocks first, then the web addresses, then the code spans.
    pub fn block(&self, i: usize) -> Option<&Block> {
        match i.checked_sub(self.blocks.len()) {
            None => self.blocks.get(i),
            Some(l) => match l.checked_sub(self.links.len()) {
                None => self.links.get(l),
                Some(c) => self.code_spans.get(c),
            },
        }
    }

    /// The number [`Prose::block`] gives the first code span.
    pub fn first_code_span(&self) -> usize {
        self.blocks.len() + self.links.len()
    }

    /// Is the file range `r` inside inline code or a code block?
    pub fn in_code(&self, r: &Range<usize>) -> bool {
        within(&self.code, r)
    }

    /// Does Markdown written at the file range `r` show as Markdown? Not in an image's alt text (shown
    /// as plain text) nor in an HTML block read as prose (not rendered): a fix that adds backticks or
    /// asterisks must not land there.
    pub fn renders_markup(&self, r: &Range<usize>) -> bool {
        !within(&self.images, r) && !within(&self.html, r)
    }

    /// Words of prose (whitespace-separated runs), the measure behind "findings per 1,000 words".
    pub fn words(&self) -> usize {
        self.blocks
            .iter()
            .map(|b| b.text.split_whitespace().count())
            .sum()
    }

    /// Byte ranges of the file that are prose, in order, adjacent runs merged. What `check` may flag.
    pub fn ranges(&self) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        for seg in self.blocks.iter().flat_map(|b| &b.segments) {
            if !seg.verbatim || seg.src_len == 0 {
                continue;
            }
            let r = seg.src..seg.src + seg.src_len;
            match out.last_mut() {
                Some(last) if last.end == r.start => last.end = r.end,
                _ => out.push(r),
            }
        }
        out
    }

    /// Is a finding of `rule` starting at `offset` silenced by a suppression comment?
    pub fn is_suppressed(&self, offset: usize, rule: &str) -> bool {
        self.suppressions.iter().any(|s| s.silences(offset, rule))
    }

    /// Is a finding of `rule` at `offset` on `text` silenced (Vale's comments may name the text)?
    pub fn is_suppressed_text(&self, offset: usize, rule: &str, text: &str) -> bool {
        self.suppressions
            .iter()
            .any(|s| s.silences_text(offset, rule, text))
    }
}

/// Is `r` inside one of `ranges` (sorted, disjoint)? A binary search.
fn within(ranges: &[Range<usize>], r: &Range<usize>) -> bool {
    let i = ranges.partition_point(|c| c.end < r.end);
    ranges.get(i).is_some_and(|c| c.start <= r.start)
}

const UTF8_BOM: &str = "\u{feff}";

/// The Markdown dialect docreview reads (tables, footnotes, front matter, math, …): whoever parses a
/// doc again must parse it the same way.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_MATH
}

/// Sorts ranges and merges overlapping ones (the text splitter needs them disjoint).
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Extracts the prose of a Markdown file. `file` is the whole file as text, BOM included if it has one;
/// every offset returned is an offset into `file`.
pub fn extract(file: &str) -> Prose {
    extract_as(file, false)
}

/// How to read a file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    /// As MDX: import/export lines and `{…}` expressions are code.
    pub mdx: bool,
    /// The comments in fenced code blocks of known languages are prose too
    /// ([`BlockKind::CodeComment`]).
    pub comments: bool,
    /// The text between the tags of HTML blocks is prose too (see [`html`]).
    pub html: bool,
}

/// Extracts the prose of a file, as MDX (`mdx`: import/export lines and `{…}` expressions are code)
/// or as plain Markdown.
pub fn extract_as(file: &str, mdx: bool) -> Prose {
    extract_with(
        file,
        Reading {
            mdx,
            comments: false,
            html: false,
        },
    )
}

/// Extracts the prose of a file, read as `how` says.
pub fn extract_with(file: &str, how: Reading) -> Prose {
    let mdx = how.mdx;
    let base = if file.starts_with(UTF8_BOM) {
        UTF8_BOM.len()
    } else {
        0
    };
    let body = &file[base..];
    let mut not_prose: Vec<Range<usize>> = not_prose_spans(body)
        .into_iter()
        .map(|r| r.start + base..r.end + base)
        .collect();
    let urls: Vec<Range<usize>> = not_prose
        .iter()
        .filter(|r| file[(*r).clone()].starts_with("http"))
        .cloned()
        .collect();
    let mut extra = generator_code(body);
    if mdx {
        extra.extend(mdx_code(body));
    }
    if !extra.is_empty() {
        not_prose.extend(extra.into_iter().map(|r| r.start + base..r.end + base));
        not_prose = merge(not_prose);
    }

    let mut x = Extractor {
        file,
        not_prose: &not_prose,
        blocks: Vec::new(),
        current: None,
        skip_depth: 0,
        comments: Vec::new(),
        links: Vec::new(),
        code: Vec::new(),
        code_spans: Vec::new(),
        metadata: Vec::new(),
        images: Vec::new(),
        html_ranges: Vec::new(),
        items: Vec::new(),
        code_comments: how.comments,
        comment_text: Vec::new(),
        html_code: 0,
        html_blocks: how.html,
        in_html_block: false,
        html: html::HtmlState::default(),
    };
    // A file with old Mac line breaks (a lone carriage return) is parsed with each one read as a line
    // feed: the same length, so every offset still points into the file as written.
    let lone_cr = body
        .bytes()
        .enumerate()
        .any(|(i, b)| b == b'\r' && body.as_bytes().get(i + 1) != Some(&b'\n'));
    let unix;
    let body = if lone_cr {
        let b = body.as_bytes();
        let bytes: Vec<u8> = (0..b.len())
            .map(|i| match b[i] {
                b'\r' if b.get(i + 1) != Some(&b'\n') => b'\n',
                other => other,
            })
            .collect();
        // Only ASCII bytes changed, so the text is still UTF-8.
        unix = String::from_utf8(bytes).unwrap_or_else(|_| body.to_owned());
        unix.as_str()
    } else {
        body
    };
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        x.event(event, range.start + base..range.end + base);
    }
    x.flush();
    if mdx {
        // MDX comments (`{/* vale off */}`) switch rules like HTML comments do.
        x.comments.extend(
            not_prose
                .iter()
                .filter(|r| file[r.start..r.end].starts_with("{/*"))
                .cloned(),
        );
        x.comments.sort_by_key(|r| r.start);
    }
    let suppressions = suppressions(file, &x.comments);
    let links = urls
        .into_iter()
        .filter(|r| !within(&x.code, r) && !within(&x.metadata, r))
        .map(|r| {
            let mut block = Block::new(BlockKind::Link, r.len());
            block.push(&file[r.clone()], r.start, r.len(), true);
            block
        })
        .collect();
    Prose {
        blocks: x.blocks,
        code: x.code,
        comment_text: x.comment_text,
        suppressions,
        links,
        code_spans: x.code_spans,
        images: x.images,
        html: x.html_ranges,
        items: x.items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The prose ranges of `md` as (start offset, text).
    /// The prose of `md` run together, to ask what it holds.
    fn prose_text(md: &str) -> String {
        prose(md).iter().map(|(_, t)| *t).collect()
    }

    /// The prose of `md` holds every piece of `kept` and none of `hidden`.
    fn assert_prose(md: &str, kept: &[&str], hidden: &[&str]) {
        let words = prose_text(md);
        for piece in kept {
            assert!(words.contains(piece), "{piece:?} lost from {words:?}");
        }
        for piece in hidden {
            assert!(!words.contains(piece), "{piece:?} left in {words:?}");
        }
    }

    fn prose(md: &str) -> Vec<(usize, &str)> {
        extract(md)
            .ranges()
            .into_iter()
            .map(|r| (r.start, &md[r]))
            .collect()
    }

    fn offsets(md: &str) -> Vec<Range<usize>> {
        extract(md).ranges()
    }

    fn texts(md: &str) -> Vec<String> {
        extract(md).blocks.into_iter().map(|b| b.text).collect()
    }

    // ---- what is prose -------------------------------------------------------------------------

    #[test]
    fn within_finds_a_range_inside_sorted_ranges() {
        let ranges = [2..5, 8..12, 20..30];
        assert!(within(&ranges, &(8..12)));
        assert!(within(&ranges, &(21..25)));
        assert!(!within(&ranges, &(4..9)), "across two ranges");
        assert!(!within(&ranges, &(12..14)), "after one");
        assert!(!within(&ranges, &(31..32)));
        assert!(!within(&[], &(0..1)));
    }

    #[test]
    fn paragraph_is_prose_with_exact_offsets() {
        let md = "Hello world.\n\nSecond one.\n";
        assert_eq!(offsets(md), vec![0..12, 14..25]);
        assert_eq!(texts(md), vec!["Hello world.", "Second one."]);
    }

    #[test]
    fn heading_is_prose_without_marker_or_attributes() {
        let md = "## Install it {#install}\n";
        assert_eq!(offsets(md), vec![3..13]);
        assert_eq!(extract(md).blocks[0].kind, BlockKind::Heading);
    }

    #[test]
    fn list_items_are_prose() {
        let md = "- first item\n- second item\n";
        assert_eq!(offsets(md), vec![2..12, 15..26]);
    }

    #[test]
    fn table_cells_are_prose_one_block_each() {
        let md = "| Name | Use |\n|---|---|\n| a cell | b cell |\n";
        assert_eq!(
            prose(md),
            vec![(2, "Name"), (9, "Use"), (27, "a cell"), (36, "b cell")]
        );
        assert_eq!(offsets(md)[2], 27..33);
        assert!(
            extract(md)
                .blocks
                .iter()
                .all(|b| b.kind == BlockKind::TableCell)
        );
    }

    #[test]
    fn block_quote_is_prose_without_markers() {
        let md = "> quoted words\n> more words\n";
        assert_eq!(offsets(md), vec![2..15, 17..27]);
        assert_eq!(texts(md), vec!["quoted words\nmore words"]);
    }

    #[test]
    fn emphasis_text_is_prose_and_joins_its_sentence() {
        let md = "a *very* **big** ~~old~~ deal\n";
        assert_eq!(
            prose(md),
            vec![
                (0, "a "),
                (3, "very"),
                (8, " "),
                (11, "big"),
                (16, " "),
                (19, "old"),
                (24, " deal")
            ]
        );
        assert_eq!(texts(md), vec!["a very big old deal"]);
        assert_eq!(offsets(md)[1], 3..7);
    }

    #[test]
    fn link_text_is_prose_but_not_its_url() {
        let md = "See [the guide](https://example.com/guide) now.\n";
        assert_eq!(
            prose(md),
            vec![(0, "See "), (5, "the guide"), (42, " now.")]
        );
        assert_eq!(offsets(md), vec![0..4, 5..14, 42..47]);
    }

    #[test]
    fn image_alt_text_is_prose_but_not_its_url() {
        let md = "![a diagram of it](img/x.png)\n";
        assert_eq!(offsets(md), vec![2..17]);
    }

    // ---- what is never prose -------------------------------------------------------------------

    #[test]
    fn fenced_code_is_not_prose() {
        let md = "Text.\n\n```python\nthe the ONEDNN\n```\n\nMore.\n";
        assert_eq!(prose(md), vec![(0, "Text."), (37, "More.")]);
    }

    #[test]
    fn tilde_fence_is_not_prose() {
        let md = "~~~\nthe the\n~~~\n";
        assert!(prose(md).is_empty());
    }

    #[test]
    fn indented_code_is_not_prose() {
        let md = "Text.\n\n    the the code\n\nMore.\n";
        assert_eq!(prose(md), vec![(0, "Text."), (25, "More.")]);
    }

    #[test]
    fn inline_code_is_a_placeholder() {
        let md = "Run `the the` now.\n";
        assert_eq!(prose(md), vec![(0, "Run "), (13, " now.")]);
        assert_eq!(texts(md), vec![format!("Run {PLACEHOLDER} now.")]);
        let block = &extract(md).blocks[0];
        assert_eq!(block.segments[1].src..block.segments[1].src + 9, 4..13);
    }

    #[test]
    fn html_block_is_not_prose_by_default() {
        let md = "<div>\nthe the\n</div>\n\nAfter.\n";
        assert_eq!(prose(md), vec![(22, "After.")]);
    }

    /// The prose of `md` read with the text of HTML blocks.
    fn extract_html(md: &str) -> Prose {
        extract_with(
            md,
            Reading {
                html: true,
                ..Reading::default()
            },
        )
    }

    #[test]
    fn text_between_the_tags_of_an_html_block_is_prose() {
        // A heading tag and the paragraph glued to it: two blocks, the heading's kind kept.
        let md = "<h3 id=\"x\" title=\"Not prose\">Custom setup</h3>\nSince then, it works.\n";
        let p = extract_html(md);
        let blocks: Vec<(BlockKind, &str)> =
            p.blocks.iter().map(|b| (b.kind, b.text.trim())).collect();
        assert_eq!(
            blocks,
            [
                (BlockKind::Heading, "Custom setup"),
                (BlockKind::Other, "Since then, it works.")
            ]
        );
        assert_eq!(&md[p.blocks[1].segments[0].src..][..5], "Since");
        // Attributes, comments, entities, code elements, Markdown code and link addresses are left
        // out; indentation is layout; a cell is a table cell.
        let md = "<div class=\"note\">\n  <p>Use <code>x teh</code> &amp; <b>bold</b> \
                  `y teh`, see [docs](../a/teh).</p> <!-- teh -->\n\
                  <table><tr><td>One cell</td></tr></table>\n</div>\n";
        let p = extract_html(md);
        let blocks: Vec<(BlockKind, &str)> =
            p.blocks.iter().map(|b| (b.kind, b.text.trim())).collect();
        assert_eq!(
            blocks,
            [
                (
                    BlockKind::Paragraph,
                    "Use \u{fffc} \u{fffc} bold \u{fffc}, see [docs]\u{fffc}."
                ),
                (BlockKind::TableCell, "One cell")
            ]
        );
        assert!(!p.blocks.iter().any(|b| b.text.contains("teh")));
    }

    #[test]
    fn attributes_stay_out_of_html_prose_whatever_their_quotes() {
        // An apostrophe in an unquoted value opens no quote; a ">" inside a quoted value ends nothing.
        let md = "<p><img alt=Ann's photo><a title='a > the teh'>link</a> text.</p>\n\
                  <P>This is <B>the</B> the best.</P>\n";
        let texts: Vec<String> = extract_html(md)
            .blocks
            .iter()
            .map(|b| b.text.trim().to_owned())
            .collect();
        assert_eq!(texts, ["\u{fffc}link text.", "This is the the best."]);
    }

    #[test]
    fn code_and_markup_inside_an_html_block_are_not_prose() {
        // A tag, a comment and a <pre> across lines; fenced code and list items in a component.
        let md = "<div\n  class=\"a teh\">Kept\n<!-- teh\nteh -->\n<pre>\nteh\n</pre>\n</div>\n\n\
                  <Steps>\n1. Install it:\n   ```sh\n   pnpm add teh\n   ```\n- firebase\n</Steps>\n";
        let texts: Vec<String> = extract_html(md)
            .blocks
            .iter()
            .map(|b| b.text.trim().to_owned())
            .collect();
        assert_eq!(texts, ["Kept", "Install it:", "firebase"]);
    }

    #[test]
    fn inline_html_is_not_prose() {
        let md = "one <b class=\"x\">bold</b> two\n";
        assert_eq!(prose(md), vec![(0, "one "), (17, "bold"), (25, " two")]);
        assert_eq!(offsets(md), vec![0..4, 17..21, 25..29]);
    }

    #[test]
    fn text_of_html_code_elements_is_code() {
        let md = "Type: <code>(url: string) => void</code>, press <kbd>Ctrl</kbd> or <b>teh</b>.\n";
        assert_eq!(
            prose(md),
            vec![
                (0, "Type: "),
                (40, ", press "),
                (63, " or "),
                (70, "teh"),
                (77, ".")
            ]
        );
        // A self-closing or unknown tag opens nothing.
        let md = "A <code/> tag and <codex>words</codex> stay prose.\n";
        assert!(prose(md).iter().any(|(_, t)| *t == "words"));
    }

    #[test]
    fn html_comment_is_not_prose() {
        let md = "before <!-- the the --> after\n\n<!--\nthe the\n-->\n";
        assert_eq!(prose(md), vec![(0, "before "), (23, " after")]);
    }

    #[test]
    fn autolink_is_not_prose() {
        let md = "Go to <https://onednn.example> or <me@example.com>.\n";
        assert_eq!(prose(md), vec![(0, "Go to "), (30, " or "), (50, ".")]);
    }

    #[test]
    fn bare_url_is_not_prose() {
        let md = "Visit https://github.com/ONEDNN/the_the, then www.mxnet.io.\n";
        assert_eq!(prose(md), vec![(0, "Visit "), (39, ", then "), (58, ".")]);
        assert_eq!(offsets(md), vec![0..6, 39..46, 58..59]);
    }

    #[test]
    fn yaml_front_matter_is_not_prose() {
        let md = "---\ntitle: the the\n---\n\nBody.\n";
        assert_eq!(prose(md), vec![(24, "Body.")]);
        assert_eq!(offsets(md), vec![24..29]);
    }

    #[test]
    fn toml_front_matter_is_not_prose() {
        let md = "+++\ntitle = \"the the\"\n+++\n\nBody.\n";
        assert_eq!(prose(md), vec![(27, "Body.")]);
    }

    #[test]
    fn math_is_not_prose() {
        let md = "Let $a a$ be.\n\n$$\nthe the\n$$\n";
        assert_eq!(prose(md), vec![(0, "Let "), (9, " be.")]);
    }

    #[test]
    fn footnote_label_is_not_prose_but_its_text_is() {
        let md = "Claim[^note].\n\n[^note]: The source text.\n";
        assert_eq!(
            prose(md),
            vec![(0, "Claim"), (12, "."), (24, "The source text.")]
        );
        assert_eq!(offsets(md)[2], 24..40);
    }

    #[test]
    fn hugo_and_jinja_shortcodes_are_not_prose() {
        let md =
            "A {{< figure src=\"the the\" >}} B {{% note %}} C {% raw %} D {{ .Site.Title }} E\n";
        assert_eq!(
            prose(md),
            vec![(0, "A "), (30, " B "), (45, " C "), (57, " D "), (77, " E")]
        );
    }

    #[test]
    fn erb_and_plush_tags_are_not_prose() {
        // Buffalo's Plush and Ruby's ERB write calls into Markdown that the site renders away.
        let md = "<%= sinceVersion(\"0.10.0\") %>\n\nSee <%= doclink(\"a#B\") %> now.\n\n<%= note() { %>\nThe note.\n<% } %>\n";
        assert_prose(
            md,
            &["See", "now.", "The note."],
            &["sinceVersion", "doclink", "note()"],
        );
        // Like the other template tags, one may run over lines of a paragraph, never past it.
        let md = "A <% if admin\n  then %> B.\n\nOpen with <% here.\n\nThe the middle.\n\nClose %> there.\n";
        assert_prose(md, &["here.", "The the middle."], &["admin"]);
    }

    #[test]
    fn options_of_a_directive_are_not_prose() {
        // Options may end in CRLF, a valueless one too.
        let md = ":::{grid-item-card} Access Widget Values\n:open:\r\n:link: widget_values\n:link-type: doc\n\n\
                  How to acess widget values.\n:::\n\nA line :like: this is prose.\n";
        assert_prose(
            md,
            &[
                "Access Widget Values",
                "How to acess widget values.",
                "A line :like: this is prose.",
            ],
            &["widget_values", "link-type"],
        );
    }

    #[test]
    fn a_breadcrumb_trail_is_not_prose() {
        let md = "***\n\n[@acme/db](../globals.md) / [embedding](../README.md) / FieldOptions\n\n\
                  # Interface: FieldOptions\n\nOptions for a fieldd.\n";
        assert_prose(md, &["Options for a fieldd."], &["embedding", "@acme"]);
        // A trail inside a paragraph, a line that starts with words, or a sentence after a link is
        // prose.
        let md = "See [the guide](g.md) / the FAQ for more.\nIt helps.\n\nRead [a](a.md) / b now, or not.\n\n\
                  [Docs](d.md) / read these first before you install anything.\n";
        assert_prose(md, &["the FAQ", "now, or not", "before you install"], &[]);
    }

    #[test]
    fn shell_commands_written_as_text_are_not_prose() {
        // Continued lines (a space left after a backslash too), and the line they continue into.
        let md = "Upgrade it:\n\nhelm upgrade \\ \n--namespace kuma-system \\ \nkuma kuma/kuma\n\nThis is achieved by a binding.\n";
        assert_prose(
            md,
            &["Upgrade it:", "This is achieved by a binding."],
            &["helm", "namespace", "kuma/kuma"],
        );
        // A prompt opens a command, continued or not, indented in a list item or not.
        let md = "1. Open a shell:\n\n    $ kubectl exec -it client \\\n    -- ./cockroach sql \\\n    --host=public\n\n    $ cockroach sql\n\n    Then run the query.\n";
        assert_prose(
            md,
            &["Open a shell:", "Then run the query."],
            &["kubectl", "sql", "host"],
        );
        // One line ending in a continuation is a hard line break; lines that open with a capital, a
        // list's marker or bold, or that carry no flag, are prose; a price is no prompt.
        let md = "The first line \\\nand the second.\n\nRoses are red \\\nViolets are blue \\\nSo it goes.\n\n$ 5 a month buys it.\n\n\
                  see the notes \\\nbelow.\n\n**Author:** Jane \\\n**Status:** Draft \\\nThe design.\n\n\
                  - step one \\\n- step two \\\n- step three\n\nsee the notes \\\nbelow the table \\\nand on.\n";
        assert_prose(
            md,
            &[
                "The first line",
                "and the second.",
                "Violets are blue",
                "So it goes.",
                "5 a month",
                "see the notes",
                "Draft",
                "The design.",
                "step two",
                "below the table",
            ],
            &[],
        );
    }

    #[test]
    fn code_that_liquid_renders_is_not_prose() {
        // A highlight block is code, blank lines and all; the prose around it is prose.
        let md = "Add it:\n\n{% highlight scala %}\nenablePlugins(SitePlugin)\n\nval dir = sourceDirectory.value\n\
                  {% endhighlight %}\n\nThe plugin adds a task.\n";
        assert_prose(
            md,
            &["Add it:", "The plugin adds a task."],
            &["enablePlugins", "sourceDirectory"],
        );
        // A diagram's source is drawn, not read: its labels are no sentences.
        let md = "It works so:\n\n{% mermaid %}\n sequenceDiagram\n     participant In as kuma sidecar(15006)\n\n\
                  {% endmermaid %}\n\nThe proxy sees it.\n";
        assert_prose(
            md,
            &["It works so:", "The proxy sees it."],
            &["sidecar", "participant"],
        );
        // A block ends at its own end tag; one left open hides nothing.
        let md = "{% mermaid %}\ngraph\n\nThe text stays.\n\n{% highlight ruby %}\nx = 1\n{% endhighlight %}\n";
        assert_prose(md, &["The text stays."], &["x = 1"]);
        // Lines indented as code right under a tag's line are the tag's code block, up to the first
        // line that is not indented.
        let md = "Rewrite it:\n\n{% tab 'Scala 2' %}\n    val quote = Future {\n      connection.get(USD)\n\n    }\n\
                  {% endtab %}\nIt then runs on its own.\n";
        assert_prose(md, &["It then runs on its own."], &["connection", "quote"]);
        // Tags named inline, with paragraphs between them, hide nothing.
        let md = "Wrap code in {% highlight ruby %} tags.\n\nThe the middle.\n\nClose with {% endhighlight %}.\n";
        assert_prose(md, &["The the middle."], &[]);
        // Indented less than a code block, the lines are the paragraph's own.
        let md = "{% include note.html %}\n  The note says it.\n";
        assert_prose(md, &["The note says it."], &[]);
    }

    #[test]
    fn braces_that_open_no_template_hide_nothing_past_their_paragraph() {
        // `{{` in one code block and `}}` in a later one are code, not a template around the prose
        // between them.
        let md = "```rust\n/* {{i,u}{8, 16}, *{const,mut} T} */\nfn f() {}\n```\n\nThese are alse here.\n\n\
                  ```rust\nif x { None } else { Some(y) }}\n```\n";
        assert!(
            prose(md)
                .iter()
                .any(|(_, t)| t.contains("These are alse here."))
        );
        // A tag written over several lines is still one tag.
        let md = "Before {{< figure\n  src=\"a b\"\n  alt=\"the the\"\n>}} after.\n";
        let words = prose_text(md);
        assert_eq!(
            words.split_whitespace().collect::<Vec<_>>(),
            ["Before", "after."]
        );
    }

    #[test]
    fn list_items_are_told_from_emphasis_and_versions() {
        for (line, rest) in [
            ("- a change", Some(" a change")),
            ("  * nested", Some(" nested")),
            ("> 1. quoted", Some(" quoted")),
            ("2) second", Some(" second")),
            ("-", Some("")),
        ] {
            assert_eq!(list_item_rest(line), rest, "{line}");
        }
        for line in ["*Note: this*", "2024.01 release", "-flag", "text - more"] {
            assert_eq!(list_item_rest(line), None, "{line}");
        }
        // A block opens its item when only the marker and opening markup stand before it.
        let md = "- **Hover Card**: add it\n- plain item\n\nText - not an item\n";
        let p = extract(md);
        let opens: Vec<bool> = p.blocks.iter().map(|b| b.opens_list_item(md)).collect();
        assert_eq!(opens, [true, true, false], "{:?}", p.blocks);
    }

    #[test]
    fn site_generator_code_outside_fences_is_not_prose() {
        // Docusaurus reads `.md` as MDX: an import line is code even in plain Markdown.
        let md = "import Flag from './_flag.mdx'\n\nUse the the flag.\n";
        assert_eq!(texts(md), vec!["Use the the flag."]);
        // Prose that starts with the word is still prose.
        assert_eq!(
            texts("import the data first, then go.\n"),
            vec!["import the data first, then go."]
        );
        // A Hugo shortcode named for code holds code, others hold prose.
        let md = "{{< code-toggle file=hugo >}}\n[module]\npageRef = 'x'\n{{< /code-toggle >}}\n\n\
                  {{< note >}}\nA real note.\n{{< /note >}}\n\n\
                  {{< code-toggle config=build />}}\n\nThe prose between.\n\n\
                  {{< code-toggle >}}\nkey = 1\n{{< /code-toggle >}}\n";
        let all = texts(md).join("|");
        assert!(!all.contains("pageRef") && !all.contains("module"), "{all}");
        assert!(
            all.contains("A real note.") && all.contains("The prose between."),
            "{all}"
        );
        // An MDC block component's props (YAML between "---" lines right after it) are data; its
        // body, and a component without props, are prose.
        let md = "::component-code\n---\nignore:\n  - modelValue\nitems:\n  - label: useToast\n---\n\
                  Its own words.\n::\n";
        let all = texts(md).join("|");
        assert!(
            !all.contains("modelValue")
                && !all.contains("useToast")
                && all.contains("Its own words."),
            "{all}"
        );
        let md = "::note\nA real note.\n::\n\n::tip{icon=x}\nMore text.\n::\n";
        let all = texts(md).join("|");
        assert!(
            all.contains("A real note.") && all.contains("More text."),
            "{all}"
        );
        // A bracket shortcode named for code, on lines of its own, holds code to its closing tag;
        // a link label that happens to say "code" is prose.
        let md = "Run it:\n\n[prism classes=\"language-bash command-line\"]\n$ php -v\nPHP 5.5 (cli)\n\
                  [/prism]\n\nSee [code] and the [code](x) page.\n";
        let all = texts(md).join("|");
        assert!(!all.contains("php") && !all.contains("cli"), "{all}");
        assert!(all.contains("Run it:") && all.contains("page."), "{all}");
        // A fence inside an element whose content the site reads as Markdown is code to its end,
        // past the blank line where CommonMark ends the HTML block.
        // (CommonMark then opens a fence at its last line: what follows is code to it as well.)
        let md = "Before the figure.\n\n<figure markdown=\"1\">\n```bash\n$ doctrine\n\n  dbal\n \
                  dbal\n```\n</figure>\n";
        let all = texts(md).join("|");
        assert!(!all.contains("dbal"), "{all}");
        assert!(all.contains("Before the figure."), "{all}");
        // A fence in the indented body of an admonition or a content tab is code, whether
        // CommonMark reads it as a paragraph's text or, past a blank line, as indented code.
        let md = "!!! example \"nginx\"\n    ```\n    server {\n      listen 80 ssl;\n\n      \
                  listen 443 ssl;\n    }\n    ```\n\nAfter the example.\n\n=== \"Tab\"\n\n    \
                  Use the tab.\n\n    ```yaml\n    ssl: true\n    ```\n";
        let all = texts(md).join("|");
        assert!(!all.contains("ssl") && !all.contains("```"), "{all}");
        assert!(all.contains("After the example."), "{all}");
        // A <pre> element is code to its closing tag, past the blank line where CommonMark ends the
        // HTML block a <p> line opened.
        let md = "<p>Define the constructors.</p>\n<pre><code>type 'a start = Start of 'a a\n\n\
                  and 'a a =\n  | C : 'a a -&gt; 'a a\n</code></pre>\n\nAfter the code.\n";
        let all = texts(md).join("|");
        assert!(!all.contains("'a a"), "{all}");
        assert!(all.contains("After the code."), "{all}");
        // The admonition's type is a style's name; its quoted title is prose.
        let all =
            texts("??? api \"API Documentation\"\n\n!!! note inline end\n\nText.\n").join("|");
        assert!(!all.contains("api") && !all.contains("note"), "{all}");
        assert!(
            all.contains("API Documentation") && all.contains("Text."),
            "{all}"
        );
        // A fence on the line after a JSX tag is code to its closing fence, past the blank line
        // where CommonMark ends the tag's HTML block. (CommonMark then opens a fence at its last line.)
        let md = "The tab shows it.\n\n<Tabs>\n  <Tab title=\"Python\">\n```python\nx = 1\n\n\
                  print(x_value)\n```\n  </Tab>\n</Tabs>\n";
        let all = texts(md).join("|");
        assert!(!all.contains("x_value"), "{all}");
        assert!(all.contains("The tab shows it."), "{all}");
        // A tag line inside a fence is code already: the fences after it pair as CommonMark reads them.
        let md = "```mdx-code-block\n<p>\n  <br />\n</p>\n```\n\nThe prose between.\n\n```\nscoop x\n```\n";
        let all = texts(md).join("|");
        assert!(all.contains("The prose between."), "{all}");
        // An API directive and its indented options are the generator's; a container is prose.
        let md = "::: pydantic_core\n    options:\n      members:\n        - SchemaSerializer\n\n\
                  ::: tip\nA real tip.\n:::\n";
        let all = texts(md).join("|");
        assert!(
            !all.contains("Schema") && !all.contains("pydantic"),
            "{all}"
        );
        assert!(all.contains("A real tip."), "{all}");
        // Windows line ends too.
        assert_eq!(
            texts("import Flag from './_flag.mdx'\r\n\r\nUse the flag.\r\n"),
            vec!["Use the flag."]
        );
        // Kramdown attribute lists and templates inside an address are markup.
        let md = "A warning.\n{: .note .warning}\n\n[x](https://x.com/{{ user.handle }}) y\n";
        let all = texts(md).join("|");
        assert!(!all.contains("note") && !all.contains("handle"), "{all}");
    }

    #[test]
    fn a_span_inside_a_reference_label_maps_to_the_label() {
        let md = "See the [Github ToS].\n\n[Github ToS]: https://example.com/tos\n";
        let p = extract(md);
        let b = &p.blocks[0];
        let at = b.text.find("Github").expect("in the text");
        // Not fixable byte by byte (the label is the link's key), but it points at the words.
        assert_eq!(b.to_source(md, at..at + 6), None);
        let span = b.to_source_lossy(at..at + 6).expect("a span");
        assert_eq!(&md[span], "Github ToS");
    }

    #[test]
    fn alt_text_and_html_blocks_are_prose_where_markdown_does_not_render() {
        let md =
            "See ![the node_modules tree](tree.svg) and node_modules.\n\n<p>node_modules</p>\n";
        let p = extract_with(
            md,
            Reading {
                html: true,
                ..Default::default()
            },
        );
        let at: Vec<usize> = md.match_indices("node_modules").map(|(i, _)| i).collect();
        let shown = |i: usize| p.renders_markup(&(at[i]..at[i] + 12));
        assert_eq!([shown(0), shown(1), shown(2)], [false, true, false]);
    }

    #[test]
    fn entities_and_escapes_are_shown_but_not_verbatim() {
        let md = "a &amp; b \\* c\n";
        let p = extract(md);
        assert_eq!(p.blocks[0].text, "a & b * c");
        // Only the verbatim runs are prose ranges a fix may touch.
        assert_eq!(prose(md), vec![(0, "a "), (7, " b "), (11, "* c")]);
    }

    #[test]
    fn bom_is_skipped_and_offsets_stay_file_offsets() {
        let md = "\u{feff}# Title\n\nText.\n";
        assert_eq!(offsets(md), vec![5..10, 12..17]);
    }

    #[test]
    fn crlf_soft_break_is_kept_verbatim() {
        let md = "one\r\ntwo\r\n";
        assert_eq!(texts(md), vec!["one\r\ntwo"]);
        assert_eq!(offsets(md), vec![0..8]);
    }

    #[test]
    fn backslash_math_and_raw_blocks_are_not_prose() {
        let md = "Let \\(the the\\) and \\[a a\\] be. {% raw %}the the{% endraw %} End.\n";
        let t = texts(md).join("");
        assert!(!t.contains("the") && !t.contains("a a"), "{t}");
        assert!(t.starts_with("Let ") && t.ends_with(" End."), "{t}");
    }

    #[test]
    fn liquid_comment_blocks_are_not_prose() {
        // Never rendered, however many paragraphs it holds; the text around it is read.
        let md = "Intro.\n\n{% comment %}\nConsider the websocket sample.\n\nA a draft.\n{% endcomment %}\n\nOutro {%- comment -%} the the {%- endcomment -%} end.\n";
        let t = texts(md).join("|");
        assert!(
            !t.contains("websocket") && !t.contains("draft") && !t.contains("the the"),
            "{t}"
        );
        assert!(
            t.contains("Intro.") && t.contains("Outro") && t.contains("end."),
            "{t}"
        );
    }

    #[test]
    fn franklin_page_variable_names_and_values_are_not_prose_but_their_strings_are() {
        let md = "@def rss_pubdate = Date(2024, 10, 5)\n@def rss = \"\"\"A newsletter\"\"\"\n\nThe text is read. We @def nothing here.\n";
        let t = texts(md).join("|");
        assert!(
            !t.contains("rss") && !t.contains("Date") && !t.contains("@def rss"),
            "{t}"
        );
        assert!(t.contains("A newsletter"), "{t}");
        assert!(t.contains("The text is read. We @def nothing here."), "{t}");
    }

    #[test]
    fn mdx_imports_exports_and_expressions_are_not_prose() {
        let md = "import Github from './Github'\nexport const meta = { title: 'the the' }\n\n# Title\n\nText {'the the'} and {props.name} end.\n";
        let p = extract_as(md, true);
        let t: Vec<&str> = p.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            t,
            vec![
                "Title".to_owned(),
                format!("Text {PLACEHOLDER} and {PLACEHOLDER} end.")
            ]
        );
        // A component's opening tag is code to its closing ">", blank lines and all; its children
        // are prose.
        let md = "<Mini\n\tsetup=\"\n\t\tDEFINE FIELD full_name ON person;\n\n\t\tCREATE person;\n\t\"\n/>\n\n\
                  <Note title=\"x\">\n\nA real note.\n\n</Note>\n";
        let all: Vec<String> = extract_as(md, true)
            .blocks
            .into_iter()
            .map(|b| b.text)
            .collect();
        assert_eq!(all, ["A real note."]);
        // A component named by a member is a tag, opening or closing, at a line's start or within
        // it; a "<" before anything else stays text.
        let md = "<CardGrid.Wrapper>\n  <CardGrid.Item asChild>\n    See the demo.\n  </CardGrid.Item>\n\
                  </CardGrid.Wrapper>\n\nA <motion.div layout>box</motion.div> moves; 1 <2, a<b, <Ctrl+C> or <F1>.\n";
        let all: Vec<String> = extract_as(md, true)
            .blocks
            .into_iter()
            .map(|b| b.text)
            .collect();
        let p = PLACEHOLDER;
        assert_eq!(
            all,
            [
                format!("{p}\n{p}\nSee the demo.\n{p}\n{p}"),
                format!("A {p}box{p} moves; 1 <2, a<b, <Ctrl+C> or {p}.")
            ]
        );
        // The same text as plain Markdown keeps its braces as prose.
        let md = "Text {props.name} end.\n";
        assert!(
            extract(md)
                .blocks
                .iter()
                .any(|b| b.text.contains("{props.name}"))
        );
    }

    #[test]
    fn reference_link_labels_are_shown_but_never_fixable() {
        let md = "Also [the the] thing and [the the][] too.\n\n[the the]: https://example.com/\n";
        let p = extract(md);
        assert_eq!(p.blocks[0].text, "Also the the thing and the the too.");
        // Only the text outside the links is prose a fix may touch.
        assert_eq!(
            prose(md),
            vec![(0, "Also "), (14, " thing and "), (36, " too.")]
        );
    }

    #[test]
    fn the_label_of_a_full_reference_without_a_definition_is_not_prose() {
        // No definition here (a site may append them to every page): Markdown leaves the brackets as
        // text, and the label is still a key, not words.
        let p = extract("Built on [MkDocs][mkdocs] and [Python Markdown][python-markdown].\n");
        assert_eq!(p.blocks[0].text.matches(PLACEHOLDER).count(), 2);
        assert!(!p.blocks[0].text.contains("mkdocs"));
        assert!(p.blocks[0].text.contains("[MkDocs"));
        assert!(!p.blocks[0].text.contains("python-markdown"));
    }

    // ---- mapping back to the file ------------------------------------------------------------------

    #[test]
    fn spans_map_back_only_when_the_bytes_are_the_same() {
        let md = "> the\n> the cat *is* here\n";
        let p = extract(md);
        let b = &p.blocks[0];
        assert_eq!(b.text, "the\nthe cat is here");
        // "cat" maps exactly.
        assert_eq!(b.to_source(md, 8..11), Some(12..15));
        // Across the quote marker: refused.
        assert_eq!(b.to_source(md, 3..7), None);
        // Across emphasis markers: refused; the lossy span still covers it for reporting.
        assert_eq!(b.to_source(md, 8..14), None);
        assert_eq!(b.to_source_lossy(8..14), Some(12..19));
        // Insertion points map too.
        assert_eq!(b.to_source(md, 12..12), Some(17..17));
    }

    // ---- suppressions ------------------------------------------------------------------------------

    /// For each place `word` is written in `md`: is a finding of `rule` there silenced?
    fn silenced_at(md: &str, word: &str, rule: &str) -> Vec<bool> {
        let prose = extract(md);
        md.match_indices(word)
            .map(|(at, _)| prose.suppressions.iter().any(|s| s.silences(at, rule)))
            .collect()
    }

    #[test]
    fn a_part_a_program_writes_between_two_comments_is_silent() {
        let md = "Intro for Github.\n\n\
                  <!-- autogenerated options start - DO NOT EDIT - edit backend.go instead -->\n\n\
                  - Config: access_key_id on Github\n\n\
                  <!-- autogenerated options stop -->\n\nOutro for Github.\n\n\
                  <!-- DOCS-SITE-LINK:START automatically generated -->\n\nGithub link\n";
        let silenced = silenced_at(md, "Github", "terminology.canonical");
        // Inside the part, silent; before and after it, and after a start with no end, not.
        assert_eq!(silenced, [false, true, false, false]);
    }

    #[test]
    fn all_below_a_comment_that_says_a_program_writes_it_is_silent() {
        let md = "# Settings\n\nSet them on Github.\n\n\
                  <!-- Everything below this line is generated. DO NOT EDIT. -->\n\n\
                  ## `go.a`\n\nOn Github.\n\n<!-- end tabs -->\n\nAlso on Github.\n";
        let silenced = silenced_at(md, "Github", "markup.inline-code");
        // The introduction is the authors'; all below the comment is written by the program, past
        // a comment that ends something else.
        assert_eq!(silenced, [false, true, true]);
        // Said without "do not edit", it is the same; a comment about a table below, or one that asks
        // for edits below, marks nothing.
        let md = "Intro on Github.\n\n<!-- All below here was auto-generated by gen.go -->\n\nOn Github.\n";
        assert_eq!(silenced_at(md, "Github", "spelling"), [false, true]);
        for comment in [
            "<!-- The table below is automatically generated. -->",
            "<!-- Add new entries below this line. Do not edit the released sections above. -->",
        ] {
            let md = format!("{comment}\n\nOn Github.\n");
            assert!(extract(&md).suppressions.is_empty(), "{comment}");
        }
    }

    #[test]
    fn disable_enable_silences_a_region() {
        let md = "a\n\n<!-- docreview-disable -->\n\nb\n\n<!-- docreview-enable -->\n\nc\n";
        let p = extract(md);
        let b = md.find("b\n").expect("b");
        let c = md.rfind('c').expect("c");
        assert!(!p.is_suppressed(0, "grammar.article"));
        assert!(p.is_suppressed(b, "grammar.article"));
        assert!(!p.is_suppressed(c, "grammar.article"));
    }

    #[test]
    fn disable_names_rules_and_families() {
        let md = "<!-- docreview-disable grammar terminology.canonical -->\n\nx y\n";
        let p = extract(md);
        let x = md.find("x y").expect("x");
        assert!(p.is_suppressed(x, "grammar.article"));
        assert!(p.is_suppressed(x, "terminology.canonical"));
        assert!(!p.is_suppressed(x, "consistency.variant"));
    }

    #[test]
    fn enable_of_one_rule_inside_disable_all() {
        let md = "<!-- docreview-disable -->\n\n<!-- docreview-enable grammar.article -->\n\nx\n";
        let p = extract(md);
        let x = md.rfind('x').expect("x");
        assert!(!p.is_suppressed(x, "grammar.article"));
        assert!(p.is_suppressed(x, "terminology.canonical"));
    }

    #[test]
    fn old_mac_line_breaks_are_line_breaks() {
        let md = "# Title\r\rSome text.\r\r```py\rx = 1  # very\r```\r";
        let p = extract(md);
        let texts: Vec<&str> = p.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Title", "Some text."], "the fenced code is code");
    }

    #[test]
    fn disable_next_line_silences_only_the_next_line() {
        let md = "<!-- docreview-disable-next-line grammar.* -->\nthe the line\nthe the again\n";
        let p = extract(md);
        let first = md.find("the the line").expect("first");
        let second = md.find("the the again").expect("second");
        assert!(p.is_suppressed(first, "grammar.repeated-word"));
        assert!(!p.is_suppressed(first, "terminology.canonical"));
        assert!(!p.is_suppressed(second, "grammar.repeated-word"));
    }

    #[test]
    fn inline_disable_next_line_in_a_paragraph() {
        let md = "Text <!-- docreview-disable-next-line -->\nthe the\n";
        let p = extract(md);
        assert!(p.is_suppressed(md.find("the the").expect("x"), "any.rule"));
    }

    #[test]
    fn vale_off_and_on_are_honoured() {
        let md = "<!-- vale off -->\n\nquiet\n\n<!-- vale on -->\n\nloud\n";
        let p = extract(md);
        assert!(p.is_suppressed(md.find("quiet").expect("q"), "grammar.article"));
        assert!(!p.is_suppressed(md.find("loud").expect("l"), "grammar.article"));
    }

    #[test]
    fn comments_inside_code_do_not_suppress() {
        let md = "```\n<!-- docreview-disable -->\n```\n\ntext\n";
        let p = extract(md);
        assert!(p.suppressions.is_empty());
        assert!(!p.is_suppressed(md.find("text").expect("t"), "x.y"));
    }

    #[test]
    fn unterminated_disable_runs_to_the_end() {
        let md = "a\n\n<!-- docreview-disable -->\n\nb\n";
        let p = extract(md);
        assert!(p.is_suppressed(md.len() - 2, "x.y"));
    }

    #[test]
    fn rule_patterns() {
        assert!(rule_matches("grammar", "grammar.article"));
        assert!(!rule_matches("gram", "grammar.article"));
        assert!(rule_matches("grammar.*", "grammar.article"));
        assert!(rule_matches("*.article", "grammar.article"));
        assert!(rule_matches("grammar.article", "grammar.article"));
        assert!(!rule_matches("grammar.article", "grammar.allow-to"));
    }
}
