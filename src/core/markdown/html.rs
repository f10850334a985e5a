//! The prose of an HTML block: the text between its tags ("<p>Replace any occurance of …</p>", a
//! paragraph that follows a `<h3>` line without a blank line). Tags, attributes, comments, entities and
//! the content of code-like elements are never prose; block-level elements break the text into blocks as
//! Markdown's own blocks do.

use super::*;

/// Where the reader of an HTML block stands between its lines.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) enum HtmlState {
    /// In text.
    #[default]
    Text,
    /// Inside a tag: where it starts in the file, its name, whether it closes, the quote of the
    /// attribute value it is in (`=` when a value may start), its `{` depth (JSX).
    Tag {
        start: usize,
        name: String,
        closing: bool,
        quote: Option<u8>,
        braces: usize,
    },
    /// Inside `<!-- … -->`, `<!…>` or `<?…?>`; the text that ends it.
    Comment(&'static str),
    /// Inside a fenced code block written in the HTML (MDX and framework components hold Markdown): its
    /// fence.
    Fence(String),
    /// Inside an element whose content is code or markup (`<pre>`, `<code>`, `<script>`, `<svg>`, …):
    /// its name, until its closing tag.
    Raw(String),
}

/// Elements whose content is not prose: code, scripts, styles, graphics, form fields.
const RAW: &[&str] = &[
    "code", "kbd", "samp", "var", "tt", "pre", "script", "style", "textarea", "svg", "math",
    "template", "iframe", "object", "video", "audio", "canvas", "select", "noscript",
];

/// Elements that start or end a block of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements of running text: their tags are left out and the sentence goes on.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "del", "dfn", "em", "font", "i", "ins",
    "label", "mark", "q", "s", "small", "span", "strike", "strong", "sub", "sup", "time", "u",
];

/// Elements without content that stand for something in the text (an image, a field).
const VOID: &[&str] = &["img", "input", "embed", "source", "wbr", "area"];

impl Extractor<'_> {
    /// Reads one line of an HTML block (`range`, as pulldown-cmark gives it: without the markers of the
    /// containers around it).
    pub(super) fn html_line(&mut self, range: Range<usize>) {
        let Some(line) = self.file.get(range.clone()) else {
            return;
        };
        let base = range.start;
        // The line ending is pushed last, as a soft break.
        let content = line.trim_end_matches(['\r', '\n']);
        let ending = content.len()..line.len();
        let line = content;
        let bytes = line.as_bytes();
        let mut i = 0;
        // A line's indentation is layout, as in a Markdown paragraph.
        if self.html == HtmlState::Text {
            i = line.len() - line.trim_start_matches([' ', '\t']).len();
            if let Some(fence) = fence_of(&line[i..]) {
                self.flush();
                self.code.push(range);
                self.html = HtmlState::Fence(fence.to_owned());
                return;
            }
            // A Markdown list item or heading written in the HTML is a block of its own, as it would
            // be outside ("<FileTree>" and a list of files).
            if let Some(marker) = block_marker(&line[i..]) {
                self.flush();
                i += marker;
            }
        }
        if let HtmlState::Fence(fence) = &self.html {
            let body = line.trim_start_matches([' ', '\t']);
            let c = fence.chars().next().unwrap_or('`');
            let run = body.len() - body.trim_start_matches(c).len();
            if run >= fence.len() && body[run..].trim().is_empty() {
                self.html = HtmlState::Text;
            }
            self.code.push(range);
            return;
        }
        while i < bytes.len() {
            match std::mem::take(&mut self.html) {
                fence @ HtmlState::Fence(_) => {
                    self.html = fence;
                    i = bytes.len();
                }
                HtmlState::Text => {
                    let end = next_special(line, i);
                    if end > i {
                        self.text(&line[i..end], base + i..base + end);
                    }
                    i = end;
                    if i < bytes.len() {
                        i = self.special(line, base, i);
                    }
                }
                HtmlState::Comment(close) => match line[i..].find(close) {
                    Some(at) => i += at + close.len(),
                    None => {
                        self.html = HtmlState::Comment(close);
                        i = bytes.len();
                    }
                },
                HtmlState::Raw(name) => {
                    let from = i;
                    match find_closing(line, i, &name) {
                        Some(at) => {
                            self.raw_piece(&name, base + from..base + at);
                            self.html = HtmlState::Tag {
                                start: base + at,
                                name,
                                closing: true,
                                quote: None,
                                braces: 0,
                            };
                            i = at + 2;
                            // The name itself.
                            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                                i += 1;
                            }
                        }
                        None => {
                            self.raw_piece(&name, base + from..base + bytes.len());
                            self.html = HtmlState::Raw(name);
                            i = bytes.len();
                        }
                    }
                }
                HtmlState::Tag {
                    start,
                    name,
                    closing,
                    mut quote,
                    mut braces,
                } => {
                    let mut end = None;
                    while i < bytes.len() {
                        let c = bytes[i];
                        i += 1;
                        // `quote` is the quote of an attribute's value, or `=` while a value may
                        // start: an apostrophe elsewhere ("alt=Ann's") opens nothing. Inside a JSX
                        // expression only braces count.
                        match (quote, c) {
                            (Some(q), _) if q != b'=' && c == q => quote = None,
                            (Some(q), _) if q != b'=' => {}
                            (_, b'{') => {
                                braces += 1;
                                quote = None;
                            }
                            (_, b'}') => braces = braces.saturating_sub(1),
                            _ if braces > 0 => {}
                            (Some(b'='), b'"' | b'\'') => quote = Some(c),
                            (Some(b'='), c) if c.is_ascii_whitespace() => {}
                            (_, b'=') => quote = Some(b'='),
                            (_, b'>') => {
                                end = Some(i);
                                break;
                            }
                            _ => quote = None,
                        }
                    }
                    match end {
                        Some(end) => {
                            let self_closing = line[..end - 1].ends_with('/');
                            self.tag(&name, closing, self_closing, start..base + end);
                        }
                        None => {
                            self.html = HtmlState::Tag {
                                start,
                                name,
                                closing,
                                quote,
                                braces,
                            }
                        }
                    }
                }
            }
        }
        if self.html == HtmlState::Text && !ending.is_empty() && self.current.is_some() {
            let (file, start, len) = (self.file, base + ending.start, ending.len());
            self.block()
                .push(&file[start..start + len], start, len, true);
        }
    }

    /// Handles the special text at `i` of `line` (a tag, a comment, an entity, inline code, a link's
    /// address); returns where the text goes on.
    fn special(&mut self, line: &str, base: usize, i: usize) -> usize {
        let rest = &line[i..];
        let bytes = rest.as_bytes();
        // A comment, a declaration or a processing instruction: what opens it and what closes it.
        let aside = [("<!--", "-->"), ("<!", ">"), ("<?", "?>")]
            .into_iter()
            .find(|(open, _)| rest.starts_with(open));
        if let Some((open, close)) = aside {
            return match rest[open.len()..].find(close) {
                Some(at) => i + open.len() + at + close.len(),
                None => {
                    self.html = HtmlState::Comment(close);
                    line.len()
                }
            };
        }
        if bytes[0] == b'<' {
            let closing = bytes.get(1) == Some(&b'/');
            let from = if closing { 2 } else { 1 };
            let name: String = rest[from..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':'))
                .collect();
            if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                self.html = HtmlState::Tag {
                    start: base + i,
                    name,
                    closing,
                    quote: None,
                    braces: 0,
                };
                return i + from;
            }
            // A lone "<" ("a < b") is text.
            return self.literal(line, base, i, 1);
        }
        if bytes[0] == b'&' {
            let len = rest[1..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
                .map_or(0, |n| n + 1);
            if len > 1 && rest.as_bytes().get(len) == Some(&b';') {
                self.placeholder(base + i..base + i + len + 1);
                return i + len + 1;
            }
            return self.literal(line, base, i, 1);
        }
        if bytes[0] == b'`' {
            // Markdown's inline code, which authors write inside HTML too.
            let ticks = rest.len() - rest.trim_start_matches('`').len();
            let fence = &rest[..ticks];
            if let Some(at) = rest[ticks..].find(fence) {
                let end = i + ticks + at + ticks;
                self.code.push(base + i..base + end);
                self.placeholder(base + i..base + end);
                return end;
            }
            return self.literal(line, base, i, ticks);
        }
        // "](": a Markdown link's address.
        match rest[2..].find(')') {
            Some(at) => {
                self.literal(line, base, i, 1);
                self.placeholder(base + i + 1..base + i + 2 + at + 1);
                i + 2 + at + 1
            }
            None => self.literal(line, base, i, 2),
        }
    }

    /// Takes `len` bytes of `line` from `i` as text (a special character that turned out plain);
    /// returns where the text goes on.
    fn literal(&mut self, line: &str, base: usize, i: usize, len: usize) -> usize {
        self.text(&line[i..i + len], base + i..base + i + len);
        i + len
    }

    /// A tag (at `range` of the file) has ended: what it does to the text around it.
    fn tag(&mut self, name: &str, closing: bool, self_closing: bool, range: Range<usize>) {
        let lower = name.to_ascii_lowercase();
        // A component of MDX or a framework ("<Tabs>", "<TabItem value=…>") holds blocks; an HTML
        // element written in capitals ("<P>", "<B>") is that element.
        let component = name.starts_with(|c: char| c.is_ascii_uppercase())
            && ![BLOCKS, RAW, VOID, INLINE]
                .iter()
                .any(|l| l.contains(&lower.as_str()));
        let name = lower.as_str();
        if RAW.contains(&name) {
            if !closing && !self_closing {
                if !inline_code(name) {
                    self.flush();
                }
                self.html = HtmlState::Raw(lower);
            } else if closing && !inline_code(name) {
                self.flush();
            }
            return;
        }
        if BLOCKS.contains(&name) || component {
            if closing || self_closing {
                self.flush();
            } else {
                let kind = match name {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
                    "td" | "th" => BlockKind::TableCell,
                    _ => BlockKind::Paragraph,
                };
                self.open(kind, 64);
            }
        } else if name == "br" {
            self.block()
                .push("\n", range.start, range.end - range.start, false);
        } else if VOID.contains(&name) {
            self.placeholder(range);
        }
        // Any other element (`<a>`, `<em>`, `<span>`) is inline: its tags are left out of the text, as
        // Markdown's emphasis marks are.
    }

    /// Keeps the content of a code-like element out of the prose: inline code stands in the sentence as
    /// a placeholder; a block element's content is only code.
    fn raw_piece(&mut self, name: &str, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        if inline_code(name) {
            self.code.push(range.clone());
            self.placeholder(range);
        }
    }
}

/// The fence that opens a fenced code block on this line ("```js", "~~~"), if it does.
fn fence_of(line: &str) -> Option<&str> {
    let c = line.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let n = line.len() - line.trim_start_matches(c).len();
    // "```" opens a fence when no backtick follows in its info string (else it is inline code).
    (n >= 3 && !(c == '`' && line[n..].contains('`'))).then(|| &line[..n])
}

/// How long the Markdown list marker or heading marker that opens this line is ("- ", "1. ", "## "), if
/// one does.
fn block_marker(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let hashes = bytes.iter().take_while(|&&b| b == b'#').count();
    let n = match bytes.first()? {
        b'-' | b'*' | b'+' => 1,
        b'#' if hashes <= 6 => hashes,
        b'0'..=b'9' if digits <= 9 && matches!(bytes.get(digits), Some(b'.' | b')')) => digits + 1,
        _ => return None,
    };
    matches!(bytes.get(n), Some(b' ' | b'\t')).then_some(n + 1)
}

/// Is an element's content inline code (`<code>`, `<kbd>`, …): a placeholder in its sentence.
fn inline_code(name: &str) -> bool {
    super::extractor::CODE_ELEMENTS.contains(&name)
}

/// Where the next tag, comment, entity, inline code or link address starts in `line` from `i`.
fn next_special(line: &str, i: usize) -> usize {
    let bytes = line.as_bytes();
    let mut j = i;
    while j < bytes.len() {
        match bytes[j] {
            b'<' | b'&' | b'`' => return j,
            b']' if bytes.get(j + 1) == Some(&b'(') => return j,
            _ => j += 1,
        }
    }
    j
}

/// Where `</name` starts in `line` from `i` (any case).
fn find_closing(line: &str, i: usize, name: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let n = name.len();
    (i..bytes.len().saturating_sub(n + 1)).find(|&j| {
        bytes[j] == b'<'
            && bytes[j + 1] == b'/'
            && bytes[j + 2..j + 2 + n].eq_ignore_ascii_case(name.as_bytes())
            && !bytes.get(j + 2 + n).is_some_and(|c| {
                c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b':' | b'_')
            })
    })
}
