//! From pulldown-cmark's events to prose blocks: text kept with its file offsets, code, HTML, links and
//! front matter cut out as placeholders that no fix may touch.

use super::*;

/// Elements whose text is code, as if it were in backticks.
pub(super) const CODE_ELEMENTS: &[&str] = &["code", "kbd", "samp", "var", "tt"];

/// Is `html` the opening (`Some(true)`) or closing (`Some(false)`) tag of an element whose text is code?
pub(super) fn html_code_tag(html: &str) -> Option<bool> {
    let tag = html.trim();
    let (closing, rest) = match tag.strip_prefix("</") {
        Some(rest) => (true, rest),
        None => (false, tag.strip_prefix('<')?),
    };
    if tag.ends_with("/>") {
        return None;
    }
    let name: String = rest
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .flat_map(|c| c.to_lowercase())
        .collect();
    CODE_ELEMENTS.contains(&name.as_str()).then_some(!closing)
}

pub(super) struct Extractor<'a> {
    pub(super) file: &'a str,
    pub(super) not_prose: &'a [Range<usize>],
    pub(super) blocks: Vec<Block>,
    pub(super) current: Option<Block>,
    /// > 0 while inside something whose text is not prose (code block, metadata, autolink, HTML block).
    pub(super) skip_depth: usize,
    /// HTML comments seen (file ranges), for suppressions.
    pub(super) comments: Vec<Range<usize>>,
    /// Open links and images: true when their text is also their reference label (`[text]`,
    /// `[text][]`), which a fix must not change or the link breaks.
    pub(super) links: Vec<bool>,
    /// Inline code and code blocks seen (file ranges).
    pub(super) code: Vec<Range<usize>>,
    /// The text of inline code spans, a block each (see [`Prose::code_spans`]).
    pub(super) code_spans: Vec<Block>,
    /// Front matter seen (file ranges).
    pub(super) metadata: Vec<Range<usize>>,
    /// Images seen (file ranges), outermost only.
    pub(super) images: Vec<Range<usize>>,
    /// File ranges of the HTML blocks read as prose.
    pub(super) html_ranges: Vec<Range<usize>>,
    /// File ranges of list items (see [`Prose::items`]).
    pub(super) items: Vec<Range<usize>>,
    /// Read the comments of fenced code as prose.
    pub(super) code_comments: bool,
    /// The text of every comment in fenced code (see [`Prose::comment_text`]).
    pub(super) comment_text: Vec<Range<usize>>,
    /// How many inline HTML code elements (`<code>…</code>`, `<kbd>`, `<samp>`, `<var>`) are open:
    /// their text is code, as if it were in backticks.
    pub(super) html_code: usize,
    /// Read the text of HTML blocks as prose.
    pub(super) html_blocks: bool,
    /// Inside an HTML block read as prose: where its reader stands (see [`super::html`]).
    pub(super) in_html_block: bool,
    pub(super) html: super::html::HtmlState,
}

impl Extractor<'_> {
    pub(super) fn flush(&mut self) {
        if let Some(block) = self.current.take()
            && block.has_prose()
        {
            self.blocks.push(block);
        }
    }

    pub(super) fn open(&mut self, kind: BlockKind, capacity: usize) {
        self.flush();
        self.current = Some(Block::new(kind, capacity));
    }

    pub(super) fn block(&mut self) -> &mut Block {
        self.current
            .get_or_insert_with(|| Block::new(BlockKind::Other, 64))
    }

    pub(super) fn placeholder(&mut self, range: Range<usize>) {
        let mut buf = [0u8; 4];
        let ph = PLACEHOLDER.encode_utf8(&mut buf);
        let block = self.block();
        // Adjacent non-prose pieces collapse into one placeholder.
        if let Some(last) = block.segments.last_mut()
            && !last.verbatim
            && last.src + last.src_len == range.start
            && block.text.ends_with(PLACEHOLDER)
        {
            last.src_len += range.len();
            return;
        }
        block.push(ph, range.start, range.len(), false);
    }

    /// Keeps the text of an inline code span as a block of its own, where it is written byte for byte in
    /// the file (not across lines) and not part of a link's reference label.
    fn code_span(&mut self, text: &str, range: Range<usize>) {
        if text.trim().is_empty() || self.links.iter().any(|frozen| *frozen) {
            return;
        }
        let Some(at) = self.file.get(range.clone()).and_then(|raw| raw.find(text)) else {
            return;
        };
        let mut block = Block::new(BlockKind::InlineCode, text.len());
        block.push(text, range.start + at, text.len(), true);
        self.code_spans.push(block);
    }

    /// Adds text from the file, cutting out URLs and shortcodes.
    pub(super) fn text(&mut self, text: &str, range: Range<usize>) {
        let frozen = self.links.iter().any(|f| *f);
        let verbatim = !frozen && self.file.get(range.clone()) == Some(text);
        if !verbatim {
            // An entity or escape: keep what the reader sees, but never let a fix touch it.
            self.block().push(text, range.start, range.len(), false);
            return;
        }
        let mut pos = range.start;
        // The ranges are sorted and do not overlap: find the first that ends after this text starts.
        let first = self.not_prose.partition_point(|r| r.end <= range.start);
        let overlapping = self.not_prose[first..]
            .iter()
            .take_while(|r| r.start < range.end)
            .cloned()
            .collect::<Vec<_>>();
        for np in overlapping {
            if np.start > pos {
                let piece = &self.file[pos..np.start];
                self.block().push(piece, pos, piece.len(), true);
            }
            let cut = np.start.max(pos)..np.end.min(range.end);
            if !cut.is_empty() {
                self.placeholder(cut.clone());
            }
            pos = pos.max(cut.end);
        }
        if pos < range.end {
            let piece = &self.file[pos..range.end];
            self.block().push(piece, pos, piece.len(), true);
        }
    }

    pub(super) fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            _ if self.skip_depth > 0 => {
                if let Event::Html(_) | Event::InlineHtml(_) = event {
                    self.comments.push(range);
                }
            }
            Event::Html(_) if self.in_html_block => self.html_line(range),
            Event::Text(_) if self.html_code > 0 => {
                self.code.push(range.clone());
                self.placeholder(range);
            }
            Event::Text(text) => self.text(&text, range),
            Event::SoftBreak => {
                let raw = &self.file[range.clone()];
                let verbatim = raw.chars().all(char::is_whitespace) && !raw.is_empty();
                let shown = if verbatim { raw } else { "\n" };
                self.block().push(shown, range.start, range.len(), verbatim);
            }
            Event::HardBreak => self.block().push("\n", range.start, range.len(), false),
            Event::Code(text) => {
                self.code.push(range.clone());
                self.code_span(&text, range.clone());
                self.placeholder(range);
            }
            Event::InlineMath(_) | Event::DisplayMath(_) | Event::FootnoteReference(_) => {
                self.placeholder(range)
            }
            Event::InlineHtml(html) | Event::Html(html) => {
                match html_code_tag(&html) {
                    Some(true) => self.html_code += 1,
                    Some(false) => self.html_code = self.html_code.saturating_sub(1),
                    None => {}
                }
                self.comments.push(range.clone());
                self.placeholder(range);
            }
            Event::Rule | Event::TaskListMarker(_) => {}
        }
    }

    pub(super) fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        if self.skip_depth > 0 {
            self.skip_depth += 1;
            return;
        }
        match tag {
            Tag::Paragraph => self.open(BlockKind::Paragraph, range.len()),
            Tag::Heading { .. } => self.open(BlockKind::Heading, range.len()),
            Tag::TableCell => self.open(BlockKind::TableCell, range.len()),
            Tag::HtmlBlock if self.html_blocks => {
                // Its text between the tags is prose (see [`super::html`]); its comments still switch
                // rules.
                self.flush();
                self.comments.push(range.clone());
                self.html_ranges.push(range);
                self.in_html_block = true;
                self.html = super::html::HtmlState::default();
            }
            Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock => {
                self.flush();
                match &tag {
                    Tag::CodeBlock(kind) => {
                        self.code.push(range.clone());
                        if let pulldown_cmark::CodeBlockKind::Fenced(info) = kind {
                            let comments =
                                crate::core::comments::read(self.file, range.clone(), info);
                            if self.code_comments {
                                self.blocks.extend(comments.blocks);
                            }
                            self.comment_text.extend(comments.spans);
                        }
                    }
                    Tag::MetadataBlock(_) => self.metadata.push(range.clone()),
                    _ => {}
                }
                self.skip_depth = 1;
                if matches!(tag, Tag::HtmlBlock) {
                    self.comments.push(range);
                }
            }
            Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            } => {
                self.placeholder(range);
                self.skip_depth = 1;
            }
            Tag::Link { link_type, .. } | Tag::Image { link_type, .. } => {
                if matches!(tag, Tag::Image { .. })
                    && self
                        .images
                        .last()
                        .is_none_or(|last| last.end <= range.start)
                {
                    self.images.push(range.clone());
                }
                self.links.push(matches!(
                    link_type,
                    LinkType::Shortcut
                        | LinkType::ShortcutUnknown
                        | LinkType::Collapsed
                        | LinkType::CollapsedUnknown
                ));
            }
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => {}
            Tag::Item => {
                self.items.push(range);
                self.flush();
            }
            Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::FootnoteDefinition(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => self.flush(),
        }
    }

    pub(super) fn end(&mut self, tag: TagEnd) {
        if self.skip_depth > 0 {
            self.skip_depth -= 1;
            return;
        }
        match tag {
            TagEnd::Link | TagEnd::Image => {
                self.links.pop();
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => {}
            TagEnd::HtmlBlock if self.in_html_block => {
                self.in_html_block = false;
                self.flush();
            }
            _ => self.flush(),
        }
    }
}
