//! Comments in fenced code blocks, as prose. Reviewers fix the English in a code sample's comments as
//! they fix the text around it ("# Quantize the the model"); the code itself is never prose. For a fence
//! whose language has a known comment syntax (`#`, `//`, `/* */`, `--`, `<!-- -->`, `;`), each comment's
//! text becomes a [`Block`] of kind [`BlockKind::CodeComment`] that maps back to the file byte for byte,
//! so spelling and grammar findings land on the comment and nowhere else.
//!
//! Left out: shebangs and editor or encoding lines, comments that are code put aside ("# x = f(y)",
//! "// console.log(a);"), and comments of fewer than three words.

use crate::core::markdown::{Block, BlockKind};
use std::ops::Range;

/// How a language writes comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    /// `#` to the end of the line (Python, shell, YAML, TOML, Ruby, …).
    Hash,
    /// `//` to the end of the line and `/* … */` (C family, JavaScript, Rust, Go, Java, …).
    Slash,
    /// `--` to the end of the line (SQL, Lua, Haskell).
    Dash,
    /// `<!-- … -->` (HTML, XML, Vue).
    Angle,
    /// `;` to the end of the line (INI, Lisp, assembly).
    Semicolon,
}

fn syntax(info: &str) -> Option<Syntax> {
    let lang: String = info
        .trim_start_matches(['{', '.', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '-' | '_'))
        .collect::<String>()
        .to_ascii_lowercase();
    Some(match lang.as_str() {
        "python" | "py" | "python3" | "sh" | "bash" | "shell" | "zsh" | "fish" | "yaml" | "yml"
        | "toml" | "ruby" | "rb" | "perl" | "pl" | "r" | "dockerfile" | "makefile" | "make"
        | "cmake" | "conf" | "powershell" | "ps1" | "pwsh" | "nix" | "elixir" | "ex" | "exs"
        | "julia" | "jl" | "tcl" | "graphql" | "gql" | "terraform" | "tf" | "hcl" | "starlark"
        | "bzl" | "coffee" | "nim" => Syntax::Hash,
        "js" | "javascript" | "jsx" | "mjs" | "cjs" | "ts" | "typescript" | "tsx" | "rust"
        | "rs" | "go" | "golang" | "c" | "h" | "cpp" | "c++" | "cc" | "cxx" | "hpp" | "java"
        | "kotlin" | "kt" | "kts" | "swift" | "scala" | "cs" | "csharp" | "c#" | "dart"
        | "groovy" | "gradle" | "json5" | "jsonc" | "proto" | "protobuf" | "zig" | "solidity"
        | "sol" | "php" | "objc" | "objective-c" | "scss" | "less" | "css" => Syntax::Slash,
        "sql" | "mysql" | "postgresql" | "postgres" | "psql" | "plsql" | "sqlite" | "lua"
        | "haskell" | "hs" | "elm" | "ada" => Syntax::Dash,
        "html" | "xml" | "svg" | "vue" | "xhtml" | "svelte" => Syntax::Angle,
        "ini" | "lisp" | "clojure" | "clj" | "scheme" | "elisp" | "asm" | "nasm" => {
            Syntax::Semicolon
        }
        _ => return None,
    })
}

/// The comments of one fenced code block: the blocks of those that read as prose, and the text of
/// every one, prose or code put aside (file ranges). A comment holds English or code set aside, never
/// the names the code defines, so the spelling vocabulary does not learn from either.
pub struct Comments {
    pub blocks: Vec<Block>,
    pub spans: Vec<Range<usize>>,
}

/// The comments of one fenced code block: `range` is the whole fence in `file`, `info` its info string.
pub fn read(file: &str, range: Range<usize>, info: &str) -> Comments {
    let pieces = scan(file, range, info);
    let spans = pieces.iter().map(|p| p.text.clone()).collect();
    let blocks = join(file, pieces.into_iter().filter(|p| p.prose).collect());
    Comments { blocks, spans }
}

/// The comments of one fenced code block, line by line.
fn scan(file: &str, range: Range<usize>, info: &str) -> Vec<Piece> {
    let Some(syntax) = syntax(info) else {
        return Vec::new();
    };
    let Some(fence) = file.get(range.clone()) else {
        return Vec::new();
    };
    // The lines between the opening and the closing fence.
    let Some(first_break) = fence.find('\n') else {
        return Vec::new();
    };
    let body_start = range.start + first_break + 1;
    let body_end = {
        let trimmed = fence.trim_end_matches(['\n', '\r']);
        let last_line = trimmed.rfind('\n').map_or(0, |i| i + 1);
        let closing = trimmed[last_line..].trim_start();
        if closing.starts_with("```") || closing.starts_with("~~~") {
            range.start + last_line
        } else {
            range.end
        }
    };
    if body_start >= body_end {
        return Vec::new();
    }
    let mut pieces: Vec<Piece> = Vec::new();
    let mut in_block = false;
    let mut at = body_start;
    for line in file[body_start..body_end].split_inclusive('\n') {
        let start = at;
        at += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if let Some(p) = comment_in(content, start, syntax, &mut in_block) {
            pieces.push(p);
        }
    }
    pieces
}

/// One comment's text on one line (file range), and whether the line holds nothing but it.
struct Piece {
    text: Range<usize>,
    whole_line: bool,
    /// Does it read as prose (see [`reads_as_prose`])?
    prose: bool,
}

/// The comment on one line of code, if any. `in_block` carries an open `/* … */` or `<!-- … -->`.
fn comment_in(line: &str, at: usize, syntax: Syntax, in_block: &mut bool) -> Option<Piece> {
    let (open, close) = match syntax {
        Syntax::Slash => ("/*", "*/"),
        Syntax::Angle => ("<!--", "-->"),
        _ => ("", ""),
    };
    if *in_block {
        let end = line.find(close);
        *in_block = end.is_none();
        let body = &line[..end.unwrap_or(line.len())];
        // " * continued" lines of a block comment.
        let lead = body.len() - body.trim_start_matches([' ', '\t', '*']).len();
        return piece(line, at, lead, end.unwrap_or(line.len()), true);
    }
    let start = marker(line, syntax)?;
    if syntax == Syntax::Hash && line[..start].trim().is_empty() && root_prompt(&line[start + 1..])
    {
        return None;
    }
    let (marker_len, closing) = if !open.is_empty() && line[start..].starts_with(open) {
        (open.len(), Some(close))
    } else {
        (line_marker(syntax).len(), None)
    };
    let whole_line = line[..start].trim().is_empty();
    let mut text_start = start + marker_len;
    // A word right after the marker is a directive for a tool ("/*global x*/", "//eslint-disable",
    // "#pragma", "# noqa" is spaced but short): prose comments leave a space.
    if line[text_start..].starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    // Doc comments ("///", "//!"), repeated markers ("##") and a star after "/*".
    text_start += line[text_start..].len()
        - line[text_start..]
            .trim_start_matches(['/', '!', '#', '*', '-', ';'])
            .len();
    let end = match closing {
        // The close is looked for right after the opener: in "/**/" or a "/*****/" banner the stars
        // trimmed above are the close's own.
        Some(close) => match line[start + marker_len..].find(close) {
            Some(i) => (start + marker_len + i).max(text_start),
            None => {
                *in_block = true;
                line.len()
            }
        },
        None => line.len(),
    };
    piece(line, at, text_start, end, whole_line)
}

/// A shell line shown with a root prompt ("# systemctl restart nginx", "# apt install -y curl"): a
/// command, not a comment.
fn root_prompt(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or("");
    first.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && words.any(|w| w.starts_with('-') || w.contains('/'))
}

/// The piece of `line` from `from` to `to`, trimmed, unless empty.
fn piece(line: &str, at: usize, from: usize, to: usize, whole_line: bool) -> Option<Piece> {
    let raw = line.get(from..to)?;
    let text = raw.trim();
    if text.is_empty() {
        return None;
    }
    let lead = raw.len() - raw.trim_start().len();
    let s = at + from + lead;
    Some(Piece {
        text: s..s + text.len(),
        whole_line,
        prose: reads_as_prose(text),
    })
}

fn line_marker(syntax: Syntax) -> &'static str {
    match syntax {
        Syntax::Hash => "#",
        Syntax::Slash => "//",
        Syntax::Dash => "--",
        Syntax::Angle => "<!--",
        Syntax::Semicolon => ";",
    }
}

/// Where the comment on a line starts, outside string literals.
fn marker(line: &str, syntax: Syntax) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        if !line.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) if b == b'\\' => i += 1,
            Some(_) => {}
            None => {
                if matches!(b, b'"' | b'\'' | b'`') && syntax != Syntax::Angle {
                    // An apostrophe inside a word ("don't") in shell output is not a quote.
                    let word_before = i > 0 && bytes[i - 1].is_ascii_alphanumeric();
                    if !(b == b'\'' && word_before) {
                        quote = Some(b);
                    }
                } else {
                    let rest = &line[i..];
                    let spaced = i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t';
                    let hit = match syntax {
                        Syntax::Hash => b == b'#' && spaced && !rest.starts_with("#!"),
                        Syntax::Slash => {
                            (rest.starts_with("//") && (i == 0 || bytes[i - 1] != b':'))
                                || rest.starts_with("/*")
                        }
                        Syntax::Dash => rest.starts_with("--") && spaced,
                        Syntax::Angle => rest.starts_with("<!--"),
                        Syntax::Semicolon => b == b';' && spaced,
                    };
                    if hit {
                        return Some(i);
                    }
                }
            }
        }
        i += 1;
    }
    None
}

/// Words, not code put aside: none of the characters code is made of, not a call or a path first.
fn reads_as_prose(text: &str) -> bool {
    const CODE: &[&str] = &[
        "=", ";", "{", "}", "`", "$", "()", "->", "=>", "::", "[]", "</", "/>", "&&", "||", "-*-",
    ];
    if CODE.iter().any(|c| text.contains(c)) {
        return false;
    }
    let first = text.split_whitespace().next().unwrap_or("");
    if first.contains('(') || first.contains('.') && first.len() > 1 && !first.ends_with('.') {
        return false;
    }
    true
}

/// Enough words to be worth reading as prose (a one- or two-word label is not).
fn has_words(text: &str) -> bool {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
        >= 3
}

/// Consecutive whole-line comments become one block (a sentence may run over several lines); a
/// comment after code is a block of its own.
fn join(file: &str, pieces: Vec<Piece>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut last: Option<(usize, bool)> = None; // (end of the last piece, whole line)
    for p in pieces {
        let continues = last.is_some_and(|(end, whole)| {
            whole && p.whole_line && !file[end..p.text.start].contains("\n\n") && {
                let gap = &file[end..p.text.start];
                gap.matches('\n').count() == 1
            }
        });
        if continues && let Some(block) = out.last_mut() {
            let end = last.map_or(p.text.start, |(e, _)| e);
            block.push_piece("\n", end, p.text.start - end, false);
            block.push_piece(&file[p.text.clone()], p.text.start, p.text.len(), true);
        } else {
            let mut block = Block::empty(BlockKind::CodeComment);
            block.push_piece(&file[p.text.clone()], p.text.start, p.text.len(), true);
            out.push(block);
        }
        last = Some((p.text.end, p.whole_line));
    }
    out.retain(|b| has_words(&b.text));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comments(md: &str) -> Vec<String> {
        let start = 0;
        let info = md.lines().next().unwrap_or("").trim_start_matches('`');
        read(md, start..md.len(), info)
            .blocks
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn comments_of_known_languages_are_prose() {
        let py = "```python\n# Load the the model first.\nx = load()  # keep the weights on the GPU\n\
                  url = \"http://x # not a comment\"\n#!/usr/bin/env python\n# x = f(y)\n```\n";
        assert_eq!(
            comments(py),
            ["Load the the model first.", "keep the weights on the GPU"]
        );
        let rs = "```rust\n/// Returns the the value.\n/// It never fails.\nlet a = 1; // add one to it\n\
                  /* A block\n * comment here */\n```\n";
        assert_eq!(
            comments(rs),
            [
                "Returns the the value.\nIt never fails.",
                "add one to it",
                "A block\ncomment here"
            ]
        );
        assert_eq!(
            comments("```sql\nSELECT 1; -- count the rows here\n```\n"),
            ["count the rows here"]
        );
        assert_eq!(
            comments("```html\n<p>x</p> <!-- the main text block -->\n```\n"),
            ["the main text block"]
        );
    }

    #[test]
    fn every_comment_of_a_fence_is_a_span_prose_or_not() {
        let md = "```js\nf(x); // hexidecimal for: 243\n// calls `next` with it here\nlet s = \"// no\";\n```\n";
        let read = read(md, 0..md.len(), "js");
        let found: Vec<&str> = read.spans.into_iter().map(|r| &md[r]).collect();
        assert_eq!(found, ["hexidecimal for: 243", "calls `next` with it here"]);
        // Neither reads as prose; a fence without a known language has no comments.
        assert!(read.blocks.is_empty());
        assert!(
            super::read("```\n# a note here\n```\n", 0..22, "")
                .spans
                .is_empty()
        );
    }

    #[test]
    fn any_text_is_safe() {
        let md =
            "```sh\n├── my # the tree of files here\n'quoted ├ # here' # and a note on ├\n```\n";
        assert_eq!(comments(md), ["the tree of files here", "and a note on ├"]);
    }

    #[test]
    fn empty_block_comments_close_and_root_prompts_are_commands() {
        let rs = "```rust\n/**/\nimpl Foo for Bar {}\n/*****/\ncase Foo, Bar, Baz:\n// the the real comment\n```\n";
        assert_eq!(comments(rs), ["the the real comment"]);
        let sh = "```sh\n# systemctl restart the nginx service --now\n# apt install -y curl\n# Install the tools first\n```\n";
        assert_eq!(comments(sh), ["Install the tools first"]);
    }

    #[test]
    fn directives_for_tools_are_not_prose() {
        let js = "```js\n/*global global names here*/\n//eslint-disable-next-line no-alert for this\n```\n";
        assert!(comments(js).is_empty(), "{:?}", comments(js));
    }

    #[test]
    fn unknown_languages_and_code_put_aside_are_not() {
        assert!(comments("```text\n# Not code, not a comment either.\n```\n").is_empty());
        assert!(comments("```\n# No language at all here.\n```\n").is_empty());
        assert!(comments("```js\n// console.log(a);\n// ok\n```\n").is_empty());
    }

    #[test]
    fn comment_text_maps_to_the_file_byte_for_byte() {
        let md = "```sh\necho hi  # say hello to them\n```\n";
        let b = &read(md, 0..md.len(), "sh").blocks[0];
        let at = b.text.find("hello").expect("word");
        let span = b.to_source(md, at..at + 5).expect("verbatim");
        assert_eq!(&md[span], "hello");
    }
}
