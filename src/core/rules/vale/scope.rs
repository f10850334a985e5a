//! Vale's scopes over a Markdown doc. Each block of prose gets Vale's name for where it sits
//! (`text.heading.h2.md`, `text.list.md`, `text.table.header.md`, `text.blockquote.md`, `text.md` for a
//! paragraph, with `paragraph.md` and `sentence.md` blocks of each paragraph where a rule asks for
//! them), plus `raw.md` (the file as written) and `summary.md` (the running text of the whole doc). A
//! rule's `scope` selects blocks by those names, as Vale does (every name of the scope among the
//! block's): `heading` matches every heading, `text` (the default) every `text.…` block but not a
//! paragraph's sentences, `~heading` every block of prose but headings (sentences too),
//! `list & ~blockquote` both.

use crate::core::markdown::{BlockKind, Prose};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};
use std::ops::Range;

/// One `part` of a rule's scope: dot-separated names, maybe negated.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Selector {
    negated: bool,
    names: Vec<String>,
}

/// A rule's `scope`: any of the alternatives; an alternative is parts joined by `&`, all of which must
/// hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    alternatives: Vec<Vec<Selector>>,
}

/// Scopes Vale retired in favour of `raw`.
const INLINE: &[&str] = &["code", "link", "strong", "emphasis"];

impl Scope {
    pub fn parse(values: &[String]) -> Result<Scope, String> {
        let mut alternatives = Vec::new();
        for v in values {
            let mut parts = Vec::new();
            for part in v.split('&') {
                let part = part.trim();
                let (negated, name) = match part.strip_prefix('~') {
                    Some(rest) => (true, rest),
                    None => (false, part),
                };
                if name.is_empty() || name.contains(char::is_whitespace) {
                    return Err(format!("the scope `{v}` is not a scope name"));
                }
                if !v.contains('&') && INLINE.contains(&name.split('.').next().unwrap_or("")) {
                    return Err(format!(
                        "the scope `{name}` is gone from Vale: write `raw` instead"
                    ));
                }
                parts.push(Selector {
                    negated,
                    names: name.split('.').map(str::to_owned).collect(),
                });
            }
            alternatives.push(parts);
        }
        Ok(Scope { alternatives })
    }

    /// Does a block named `block` (`text.heading.h1.md`) fall in this scope?
    pub fn matches(&self, block: &str) -> bool {
        // Asked for every rule and block: no allocation here.
        let named = |name: &str| block.split('.').any(|n| n == name);
        let has = |sel: &Selector| sel.names.iter().all(|n| named(n));
        self.alternatives.iter().any(|parts| {
            parts.iter().all(|part| {
                let inside = has(part);
                if part.negated {
                    // A negated scope selects the blocks of prose, a paragraph's sentences too, as
                    // in Vale: never the raw file or the summary.
                    !inside && !named("raw") && !named("summary")
                } else {
                    inside
                }
            })
        })
    }

    /// Does any alternative name `what` (`sentence`, `paragraph`, `raw`, `summary`)?
    pub fn names(&self, what: &str) -> bool {
        self.alternatives
            .iter()
            .flatten()
            .any(|s| !s.negated && s.names.iter().any(|n| n == what))
    }
}

/// Where a block's text comes from.
#[derive(Debug, Clone)]
pub enum Origin {
    /// The file itself: offsets in the text are offsets in the file.
    Raw,
    /// Pieces of docreview's prose blocks: (start in this text, block index, start in that block's text,
    /// length).
    Pieces(Vec<(usize, usize, usize, usize)>),
    /// Runs of the file: (start in this text, start in the file, length).
    Spans(Vec<(usize, usize, usize)>),
}

/// A block of text as Vale's rules see it.
#[derive(Debug, Clone)]
pub struct VBlock {
    /// `text.heading.h1.md`, `sentence.md`, `raw.md`, …
    pub scope: String,
    pub text: String,
    pub origin: Origin,
}

impl VBlock {
    fn of(scope: String, prose: &Prose, b: usize, range: Range<usize>) -> VBlock {
        let text = prose.blocks[b].text[range.clone()].to_owned();
        VBlock {
            scope,
            origin: Origin::Pieces(vec![(0, b, range.start, text.len())]),
            text,
        }
    }

    /// File offsets of `range` of this block's text, when it maps onto the file.
    pub fn to_file(&self, prose: &Prose, range: Range<usize>) -> Option<Range<usize>> {
        match &self.origin {
            Origin::Raw => Some(range),
            Origin::Pieces(pieces) => {
                let &(at, b, from, len) =
                    pieces.iter().rev().find(|(at, ..)| *at <= range.start)?;
                let end = range.end.min(at + len).max(range.start);
                let view = from + (range.start - at)..from + (end - at);
                prose.blocks.get(b)?.to_source_lossy(view)
            }
            Origin::Spans(spans) => {
                let &(at, from, len) = spans.iter().rev().find(|(at, ..)| *at <= range.start)?;
                let start = from + (range.start - at);
                let end = from + (range.end - at).min(len).max(range.start - at);
                Some(start..end)
            }
        }
    }
}

/// The front matter's string values as Vale reads them: one block each, named
/// `text.frontmatter.KEY.ext`.
fn front_matter(file: &str, ext: &str) -> Vec<VBlock> {
    let body_start = if file.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &file[body_start..];
    let Some(after) = rest
        .strip_prefix("---\n")
        .or_else(|| rest.strip_prefix("---\r\n"))
    else {
        return Vec::new();
    };
    let start = file.len() - after.len();
    let Some(end) = after
        .match_indices("\n---")
        .map(|(i, _)| i)
        .find(|&i| matches!(after[i + 4..].chars().next(), None | Some('\n' | '\r')))
    else {
        return Vec::new();
    };
    let fm = &after[..end];
    let Ok(serde_norway::Value::Mapping(map)) = serde_norway::from_str::<serde_norway::Value>(fm)
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (k, v) in &map {
        let (Some(key), Some(value)) = (k.as_str(), v.as_str()) else {
            continue;
        };
        // Each line of the value, found in order after the key's line.
        let Some(key_at) = fm
            .match_indices(key)
            .map(|(i, _)| i)
            .find(|&i| i == 0 || fm.as_bytes()[i - 1] == b'\n')
        else {
            continue;
        };
        let mut from = key_at + key.len();
        let mut text = String::new();
        let mut spans = Vec::new();
        for line in value.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let Some(i) = fm[from..].find(line) else {
                break;
            };
            if !text.is_empty() {
                text.push('\n');
            }
            spans.push((text.len(), start + from + i, line.len()));
            text.push_str(line);
            from += i + line.len();
        }
        if !spans.is_empty() {
            out.push(VBlock {
                scope: format!("text.frontmatter.{key}.{ext}"),
                text,
                origin: Origin::Spans(spans),
            });
        }
    }
    out
}

/// Which scopes the doc's rules ask for beyond the blocks themselves.
#[derive(Debug, Clone, Copy, Default)]
pub struct Wants {
    pub sentence: bool,
    pub paragraph: bool,
    pub raw: bool,
    pub summary: bool,
}

/// Where each container of the doc sits, from one parse.
#[derive(Default)]
struct Containers {
    headings: Vec<(Range<usize>, u8)>,
    items: Vec<Range<usize>>,
    quotes: Vec<Range<usize>>,
    table_heads: Vec<Range<usize>>,
    strong: Vec<Range<usize>>,
    emphasis: Vec<Range<usize>>,
}

fn containers(file: &str) -> Containers {
    let mut c = Containers::default();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_MATH;
    for (event, range) in Parser::new_ext(file, options).into_offset_iter() {
        if let Event::Start(tag) = event {
            match tag {
                Tag::Heading { level, .. } => {
                    let n = match level {
                        HeadingLevel::H1 => 1,
                        HeadingLevel::H2 => 2,
                        HeadingLevel::H3 => 3,
                        HeadingLevel::H4 => 4,
                        HeadingLevel::H5 => 5,
                        HeadingLevel::H6 => 6,
                    };
                    c.headings.push((range, n));
                }
                Tag::Item => c.items.push(range),
                Tag::BlockQuote(_) => c.quotes.push(range),
                Tag::TableHead => c.table_heads.push(range),
                Tag::Strong => c.strong.push(range),
                Tag::Emphasis => c.emphasis.push(range),
                _ => {}
            }
        }
    }
    c
}

/// Splits `text` into sentences: after `.`, `!` or `?` (and any closing quotes or brackets) followed by
/// white space and a word that does not start in lower case.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len()
                && matches!(
                    chars[j].1,
                    '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '”' | '’'
                )
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(o, _)| o);
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next_ok = chars.get(k).is_none_or(|&(_, n)| !n.is_lowercase());
            if k > j && next_ok {
                push_trimmed(text, start..end, &mut out);
                start = chars.get(k).map_or(text.len(), |&(o, _)| o);
                i = k;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

/// A doc as Vale's rules see it.
pub struct Layout {
    pub blocks: Vec<VBlock>,
    /// Where bold (`strong`) and italic (`em`) text is, for `IgnoredScopes`.
    pub strong: Vec<Range<usize>>,
    pub emphasis: Vec<Range<usize>>,
}

/// The doc's blocks as Vale's rules see them. `ext` is the file's extension (`md`, `mdx`).
pub fn layout(file: &str, prose: &Prose, ext: &str, wants: Wants) -> Layout {
    let c = containers(file);
    let mut all = front_matter(file, ext);
    all.extend(blocks(file, prose, ext, wants, &c));
    Layout {
        blocks: all,
        strong: c.strong,
        emphasis: c.emphasis,
    }
}

fn blocks(file: &str, prose: &Prose, ext: &str, wants: Wants, c: &Containers) -> Vec<VBlock> {
    let inside = |ranges: &[Range<usize>], at: usize| ranges.iter().any(|r| r.contains(&at));
    let mut out = Vec::new();
    let mut summary = VBlock {
        scope: format!("summary.{ext}"),
        text: String::new(),
        origin: Origin::Pieces(Vec::new()),
    };
    for (b, block) in prose.blocks.iter().enumerate() {
        let Some(first) = block.segments.first() else {
            continue;
        };
        if block.text.trim().is_empty() {
            continue;
        }
        let at = first.src;
        let name = match block.kind {
            BlockKind::CodeComment | BlockKind::Link | BlockKind::InlineCode => continue,
            BlockKind::Heading => {
                let level = c
                    .headings
                    .iter()
                    .filter(|(r, _)| r.contains(&at))
                    .map(|(_, l)| *l)
                    .next_back()
                    .unwrap_or(1);
                format!("text.heading.h{level}")
            }
            BlockKind::TableCell => {
                if inside(&c.table_heads, at) {
                    "text.table.header".to_owned()
                } else {
                    "text.table.cell".to_owned()
                }
            }
            BlockKind::Paragraph | BlockKind::Other => {
                // The outermost container names the block, as in Vale.
                let quote = c.quotes.iter().find(|r| r.contains(&at)).map(|r| r.start);
                let item = c.items.iter().find(|r| r.contains(&at)).map(|r| r.start);
                match (quote, item) {
                    (Some(q), Some(i)) if i < q => "text.list".to_owned(),
                    (Some(_), _) => "text.blockquote".to_owned(),
                    (None, Some(_)) => "text.list".to_owned(),
                    (None, None) => "text".to_owned(),
                }
            }
        };
        let whole = 0..block.text.len();
        if name == "text" {
            if wants.paragraph {
                out.push(VBlock::of(
                    format!("paragraph.{ext}"),
                    prose,
                    b,
                    whole.clone(),
                ));
            }
            if wants.sentence {
                for s in sentences(&block.text) {
                    out.push(VBlock::of(format!("sentence.{ext}"), prose, b, s));
                }
            }
        }
        if wants.summary && (name == "text" || name == "text.list" || name == "text.blockquote") {
            if let Origin::Pieces(p) = &mut summary.origin {
                p.push((summary.text.len(), b, 0, block.text.len()));
            }
            summary.text.push_str(&block.text);
            summary.text.push_str("\n\n");
        }
        out.push(VBlock::of(format!("{name}.{ext}"), prose, b, whole));
    }
    if wants.summary {
        out.push(summary);
    }
    if wants.raw {
        out.push(VBlock {
            scope: format!("raw.{ext}"),
            text: file.to_owned(),
            origin: Origin::Raw,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(s: &[&str]) -> Scope {
        Scope::parse(&s.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>()).expect("scope")
    }

    #[test]
    fn scopes_select_blocks_as_vale_names_them() {
        assert!(scope(&["heading"]).matches("text.heading.h2.md"));
        assert!(scope(&["heading.h2"]).matches("text.heading.h2.md"));
        assert!(!scope(&["heading.h1"]).matches("text.heading.h2.md"));
        assert!(scope(&["text"]).matches("text.list.md"));
        assert!(scope(&["~heading"]).matches("text.md"));
        assert!(!scope(&["~heading"]).matches("text.heading.h1.md"));
        assert!(!scope(&["~heading"]).matches("raw.md"));
        assert!(scope(&["list & ~blockquote"]).matches("text.list.md"));
        assert!(!scope(&["list & ~blockquote"]).matches("text.blockquote.md"));
        assert!(scope(&["heading", "list"]).matches("text.list.md"));
        assert!(scope(&["sentence"]).matches("sentence.md"));
        assert!(!scope(&["sentence"]).matches("text.md"));
        assert!(
            !scope(&["text"]).matches("sentence.md"),
            "text rules read the whole text once"
        );
        assert!(scope(&["~heading"]).matches("sentence.md"));
        assert!(scope(&["sentence & ~heading"]).matches("sentence.md"));
        assert!(scope(&["paragraph & ~blockquote"]).matches("paragraph.md"));
        assert!(!scope(&["text"]).matches("paragraph.md"));
        assert!(Scope::parse(&["code".to_owned()]).is_err());
    }

    #[test]
    fn each_block_gets_the_name_of_its_container() {
        let md = "# Title\n\nA paragraph. Another one.\n\n- an item\n\n> a quote\n\n\
                  | Head |\n|---|\n| cell |\n\n## Sub\n";
        let prose = crate::core::markdown::extract(md);
        let wants = Wants {
            sentence: true,
            ..Wants::default()
        };
        let got: Vec<(String, String)> = layout(md, &prose, "md", wants)
            .blocks
            .into_iter()
            .map(|b| (b.scope, b.text))
            .collect();
        let want = [
            ("text.heading.h1.md", "Title"),
            ("sentence.md", "A paragraph."),
            ("sentence.md", "Another one."),
            ("text.md", "A paragraph. Another one."),
            ("text.list.md", "an item"),
            ("text.blockquote.md", "a quote"),
            ("text.table.header.md", "Head"),
            ("text.table.cell.md", "cell"),
            ("text.heading.h2.md", "Sub"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn front_matter_values_are_blocks_of_their_own() {
        let md = "---\ntitle: \"My document\"\ndescription: |\n  A short NOTE\n  and more\nweight: 8\n---\n\nText.\n";
        let prose = crate::core::markdown::extract(md);
        let blocks = layout(md, &prose, "md", Wants::default()).blocks;
        let fm: Vec<(&str, &str)> = blocks
            .iter()
            .filter(|b| b.scope.contains("frontmatter"))
            .map(|b| (b.scope.as_str(), b.text.as_str()))
            .collect();
        assert_eq!(
            fm,
            [
                ("text.frontmatter.title.md", "My document"),
                ("text.frontmatter.description.md", "A short NOTE\nand more")
            ]
        );
        // Offsets map back to the file, line by line.
        let d = &blocks[1];
        let note = d.text.find("and").expect("and");
        let span = d.to_file(&prose, note..note + 3).expect("maps");
        assert_eq!(&md[span], "and");
    }

    #[test]
    fn sentences_end_at_stops_followed_by_a_new_sentence() {
        let t = "It ran. Then it stopped! Was it e.g. fine? yes it was.";
        let got: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            got,
            [
                "It ran.",
                "Then it stopped!",
                "Was it e.g. fine? yes it was."
            ]
        );
    }
}
