//! `markup.unpaired`: a backtick or a `**` that Markdown could not pair with another, so the reader sees
//! the mark itself and the code or bold it was meant to start never starts: "add the file `robots.txt to
//! the root", "this option is **required for the build". The mark touches one word; the first fix closes
//! the run around that word, the second takes the mark out. Only a block where the mark's character
//! stands once as written is judged (two unpaired marks are a longer story than a fix), and never a mark
//! written on purpose: escaped (`` \` ``), standing alone between spaces ("press the ` key"), inside a
//! word ("don`t"), naming a key ("Ctrl+`"), opening a TeX quotation ("`C-x C-f'"), a glob (`**/*.js`),
//! keyword arguments (`**kwargs`) or a footnote mark ("the Pro plan**").

use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use crate::core::markdown::{BlockKind, PLACEHOLDER};

pub const RULE: &str = "markup.unpaired";

/// Characters that may stand before a mark that opens a run: "(`foo", "\"**Note".
const OPENING: &[char] = &['(', '[', '"', '\'', '\u{201c}', '\u{2018}'];

/// Characters that may follow a mark that closes a run, or the word it touches: "foo`.", "**bar**)".
const CLOSING: &[char] = &[
    '.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '\u{201d}', '\u{2019}',
];

pub struct Unpaired;

impl Checker for Unpaired {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo {
            link: None,
            id: RULE.into(),
            severity: Severity::Warning,
            safety: Safety::Review,
            default_on: true,
            summary: "A backtick or ** with no partner, shown as itself (\"add `robots.txt to the root\")".into(),
            explain: "Markdown pairs a backtick with the next one, and ** with the next **. When the partner is \
                      missing, the reader sees the mark itself and the code or bold never starts: \"add the \
                      file `robots.txt to the root\" → \"`robots.txt`\", \"this option is **required for the \
                      build\" → \"**required**\". The first fix closes the run around the word the mark touches \
                      (check where it should end), the second takes the mark out; where the run's start or end is not \
                      clear, taking it out comes first. Only a block where the mark's character stands once \
                      as written is judged; escaped marks, a mark between spaces (\"the ` key\"), inside a \
                      word (\"don`t\"), naming a key (\"Ctrl+`\"), a TeX quotation (\"`C-x C-f'\"), globs \
                      (**/*.js), keyword arguments (**kwargs), footnote marks, alt text, HTML blocks and table \
                      cells are left alone."
                .into(),
        }]
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        if !active.has(RULE) {
            return;
        }
        let footnotes = std::cell::OnceCell::new();
        for (b, block) in doc.prose.blocks.iter().enumerate() {
            if !matches!(
                block.kind,
                BlockKind::Paragraph | BlockKind::Heading | BlockKind::Other
            ) {
                continue;
            }
            for mark in ['`', '*'] {
                let Some(at) = single_mark(doc, b, mark) else {
                    continue;
                };
                // A doc whose code writes `**` (globs, path patterns, keyword arguments) uses it in its
                // prose as code too ("granted on root.**"); one with a line that starts "** " uses it
                // as a footnote mark ("the Pro plan**").
                if hides_mark(doc, b, mark)
                    || (mark == '*'
                        && (doc.code_text().contains("**")
                            || *footnotes.get_or_init(|| footnote_stars(doc))))
                {
                    continue;
                }
                // A code span cut in two by a blank line leaves an opening backtick in one block and a
                // closing one in the next.
                let opens = |n: usize, at: usize| {
                    neighbours(&doc.prose.blocks[n].text, at, 1)
                        .1
                        .is_some_and(|c| !c.is_whitespace())
                };
                let closes = |n: usize, at: usize| {
                    neighbours(&doc.prose.blocks[n].text, at, 1)
                        .0
                        .is_some_and(|c| !c.is_whitespace())
                };
                let cut = mark == '`'
                    && (b
                        .checked_sub(1)
                        .and_then(|p| single_mark(doc, p, mark).map(|a| (p, a)))
                        .is_some_and(|(p, a)| opens(p, a) && closes(b, at))
                        || single_mark(doc, b + 1, mark)
                            .is_some_and(|a| opens(b, at) && closes(b + 1, a)));
                if !cut && let Some(hit) = pair(doc, b, at, mark) {
                    out.push(hit);
                }
            }
        }
    }
}

/// Where block `b` holds its one run of `mark` written as itself in the file, if that run is the length
/// that opens a run (one backtick, two asterisks) and the block holds no other.
fn single_mark(doc: &DocProse<'_>, b: usize, mark: char) -> Option<usize> {
    let block = doc.prose.blocks.get(b)?;
    let text = block.text.as_str();
    let mut found = None;
    let mut runs = 0;
    let mut i = 0;
    while let Some(off) = text[i..].find(mark) {
        let start = i + off;
        let len = text[start..].len() - text[start..].trim_start_matches(mark).len();
        i = start + len;
        // Escaped marks and entities are not written as themselves ("\\`" is an escaped backslash
        // and a mark).
        let written = block
            .to_source(doc.file, start..start + len)
            .is_some_and(|r| {
                let slashes =
                    doc.file[..r.start].len() - doc.file[..r.start].trim_end_matches('\\').len();
                slashes.is_multiple_of(2)
            });
        if !written {
            continue;
        }
        runs += 1;
        found = Some((start, len));
    }
    match found {
        Some((start, len)) if runs == 1 && len == opener_len(mark) => Some(start),
        _ => None,
    }
}

/// How many of `mark` open a run: one backtick, two asterisks.
fn opener_len(mark: char) -> usize {
    if mark == '`' { 1 } else { 2 }
}

/// The characters either side of the mark of `len` bytes at `at` in `text`.
fn neighbours(text: &str, at: usize, len: usize) -> (Option<char>, Option<char>) {
    (
        text[..at].chars().next_back(),
        text[at + len..].chars().next(),
    )
}

/// Does a block of the doc start with "** ", a footnote mark's note ("** Only in the EU.")?
fn footnote_stars(doc: &DocProse<'_>) -> bool {
    doc.prose
        .blocks
        .iter()
        .any(|b| b.text.trim_start().starts_with("** "))
}

/// Does something block `b` shows as a placeholder hold `mark` in the file: math, HTML or a template
/// that may pair with it ("costs $0.30 … approximately **$3/month each**")? A code span's own
/// backticks are paired.
///
/// A code span that starts or ends with a space, but not both, is prose the backticks paired by mistake
/// ("`The process of `yurtadm join` will"): which backtick is the unpaired one is not clear either.
fn hides_mark(doc: &DocProse<'_>, b: usize, mark: char) -> bool {
    let block = &doc.prose.blocks[b];
    block.segments.iter().filter(|s| !s.verbatim).any(|s| {
        let src = doc.file.get(s.src..s.src + s.src_len).unwrap_or("");
        if mark == '`' && src.len() > 1 && src.starts_with('`') && src.ends_with('`') {
            let inner = src.trim_matches('`');
            return inner.starts_with(' ') != inner.ends_with(' ');
        }
        src.contains(mark)
    })
}

/// The finding for the unpaired `mark` at `at` in block `b`: it opens a run before a word or closes one
/// after it.
fn pair(doc: &DocProse<'_>, b: usize, at: usize, mark: char) -> Option<Hit> {
    let text = doc.prose.blocks[b].text.as_str();
    let len = opener_len(mark);
    let m = &text[at..at + len];
    let (before, after) = neighbours(text, at, len);
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let (range, word) = if space(before) || before.is_some_and(|c| OPENING.contains(&c)) {
        // Opens: the word after it runs to the next space, less the punctuation that ends a sentence
        // (bold keeps a colon: "**Note:**").
        let first = after?;
        if first.is_whitespace() || CLOSING.contains(&first) {
            return None;
        }
        let rest = &text[at + len..];
        let raw = rest.split(char::is_whitespace).next()?;
        // Bold starts a word; "**/*.js" is a glob, "(self, **kwargs)" and "accepts **kwargs" unpack
        // arguments.
        let word = trim_end(raw, mark == '*');
        if mark == '*'
            && (!first.is_alphanumeric()
                || raw.contains(['(', ')', '[', ']', ',', '='])
                || text[..at].trim_end().ends_with(['(', ','])
                || (word
                    .bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_')
                    && !super::dictionary::is_known(word)))
        {
            return None;
        }
        // "`quoted'", "`C-x C-f'": a TeX quotation, written so on purpose.
        if mark == '`' && tex_quote(rest) {
            return None;
        }
        (at..at + len + word.len(), word)
    } else if space(after) || after.is_some_and(|c| CLOSING.contains(&c)) {
        // Closes: the word before it starts after the last space, less opening punctuation.
        let last = before?;
        // Not after a dot: "root.**" is a path pattern.
        if mark == '*' && !(last.is_alphanumeric() || matches!(last, ':' | ')')) {
            return None;
        }
        let head = &text[..at];
        let from = head
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = head[from..].trim_start_matches(OPENING);
        // A key is named by its mark ("Ctrl+`", "⌃`", "~`"); a bracket the word does not open
        // ("(see foo)`") leaves the run's start unclear.
        let balanced = word.matches('(').count() >= word.matches(')').count()
            && word.matches('[').count() >= word.matches(']').count();
        if !balanced || word.ends_with(['+', '-']) {
            return None;
        }
        (at - word.len()..at + len, word)
    } else {
        // Inside a word ("don`t", "2**32").
        return None;
    };
    if word.contains(PLACEHOLDER) || word.contains(mark) || !word.chars().any(char::is_alphanumeric)
    {
        return None;
    }
    // Alt text is shown as plain text, and Markdown is not rendered in an HTML block: no code or bold
    // there. A fix must land on the bytes as written ("****Project Setting**" shows two marks that
    // are four in the file).
    let block = &doc.prose.blocks[b];
    if block
        .to_source(doc.file, range.clone())
        .is_none_or(|src| !doc.prose.renders_markup(&src))
    {
        return None;
    }
    let what = if mark == '`' { "code" } else { "bold" };
    // A closing mark goes before the punctuation that ends the word ("foo,`" → "`foo`,").
    let closes = range.end == at + len;
    let core = if closes {
        trim_end(word, mark == '*')
    } else {
        word
    };
    if core.is_empty() {
        return None;
    }
    let paired = format!("{m}{core}{m}{}", &word[core.len()..]);
    // Where the run would start is not clear after punctuation ("… as well.`") or after an everyday
    // word ("remedied by applying` the flag": code names are not everyday words): the mark is left
    // over. Nor where it would end when bold opens a block ("**In kind cluster setup, you can …"),
    // unless it is a label ("**Note:").
    let everyday = mark == '`'
        && core.bytes().all(|c| c.is_ascii_lowercase())
        && super::dictionary::is_known(core);
    let unclear_start = closes && (core.len() < word.len() || everyday);
    let unclear_end =
        mark == '*' && !closes && text[..at].trim().is_empty() && !word.ends_with(':');
    let (message, replacements) = if unclear_start || unclear_end {
        let side = if closes { "start" } else { "end" };
        (
            format!(
                "\"{m}\" has no partner, and where its {what} would {side} is not clear: take it out?"
            ),
            vec![word.to_owned(), paired],
        )
    } else {
        (
            format!("\"{m}\" has no partner, so the {what} never starts: \"{paired}\"?"),
            vec![paired, word.to_owned()],
        )
    };
    Some(Hit {
        block: b,
        range,
        rule: RULE.into(),
        message,
        replacements,
    })
}

/// Does the text after an opening backtick close a TeX quotation: a straight apostrophe that ends a word
/// ("`C-x C-f' to visit"), not one inside it ("it's")?
fn tex_quote(rest: &str) -> bool {
    rest.char_indices().any(|(i, c)| {
        c == '\''
            && i > 0
            && !rest[..i].ends_with(char::is_whitespace)
            && !rest[i + 1..].starts_with(char::is_alphanumeric)
    })
}

/// `word` without the punctuation that follows a word rather than belongs to it: a sentence's end, and
/// a closing bracket or quote with no opening one in the word ("`foo())" keeps one). A colon stays when
/// `keep_colon` ("**Note:").
fn trim_end(word: &str, keep_colon: bool) -> &str {
    let mut w = word;
    loop {
        let Some(c) = w.chars().next_back() else {
            return w;
        };
        let cut = match c {
            ')' => w.matches('(').count() < w.matches(')').count(),
            ']' => w.matches('[').count() < w.matches(']').count(),
            // A quote the word opened stays ("--name=\"x\"").
            '"' | '\'' => w.matches(c).count() % 2 == 1,
            '\u{201d}' => w.matches(['\u{201c}', c]).count() % 2 == 1,
            '\u{2019}' => w.matches(['\u{2018}', c]).count() % 2 == 1,
            ':' => !keep_colon,
            _ => CLOSING.contains(&c),
        };
        if !cut {
            return w;
        }
        w = &w[..w.len() - c.len_utf8()];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (flagged text, fixes) for each finding in `doc`.
    fn hits(doc: &str) -> Vec<(String, Vec<String>)> {
        crate::core::rules::hits_in(&Unpaired, &[RULE], doc)
            .into_iter()
            .map(|(_, text, fixes)| (text, fixes))
            .collect()
    }

    /// (flagged text, first fix) for each finding in `doc`.
    fn found(doc: &str) -> Vec<(String, String)> {
        hits(doc)
            .into_iter()
            .map(|(text, fixes)| (text, fixes[0].clone()))
            .collect()
    }

    /// The fixes of the one finding in `doc`, best first.
    fn fixes(doc: &str) -> Vec<String> {
        let mut all = hits(doc);
        assert_eq!(all.len(), 1, "{doc:?}");
        all.remove(0).1
    }

    #[test]
    fn a_backtick_with_no_partner_is_closed_around_its_word() {
        assert_eq!(
            found("Add the file `robots.txt to the root of the site.\n"),
            [("`robots.txt".into(), "`robots.txt`".into())]
        );
        assert_eq!(
            found("Run `init`.\n\nRun gist-logs` first.\n"),
            [("gist-logs`".into(), "`gist-logs`".into())]
        );
        assert_eq!(
            found("Call (`foo()), then stop.\n"),
            [("`foo()".into(), "`foo()`".into())]
        );
    }

    #[test]
    fn bold_with_no_partner_is_closed_and_keeps_a_colon() {
        assert_eq!(
            found("This option is **required for the build.\n"),
            [("**required".into(), "**required**".into())]
        );
        assert_eq!(
            found("**Note: the cache is kept.\n"),
            [("**Note:".into(), "**Note:**".into())]
        );
        assert_eq!(
            found("The option is required** for the build.\n"),
            [("required**".into(), "**required**".into())]
        );
    }

    #[test]
    fn marks_written_on_purpose_are_left_alone() {
        for doc in [
            "Press the ` key to open the console.\n",
            "Press Ctrl+` or (Ctrl+Shift+`) to open it.\n",
            "Type ~` twice.\n",
            "Don`t do this.\n",
            "He wrote `quoted' text in TeX.\n",
            "Type `C-x C-f' to visit a file.\n",
            "Escape it: \\`foo stays.\n",
            "Match **/*.js files.\n",
            "It holds 2**32 values.\n",
            "The function accepts **kwargs and passes them on.\n",
            "The Pro plan** has it.\n\n** Only in the EU.\n",
            "Call it (see foo)` now.\n",
            "Code `a` and `b` are paired.\n",
            "Two marks `a and ``b leave it unclear.\n",
            "| a | `b |\n|---|---|\n| c | d |\n",
            "```\ncode ` here\n```\n",
            "Start `a code span\n\nthat a blank line cut` in two.\n",
            "Bold **here** and *there* are paired.\n",
            "#### .login(self, \\*args, **kwargs)\n",
            "It costs $0.30 a month, then **$3 a month each**.\n",
            "![The Linked Editing` option](shot.png)\n",
            "Privileges are granted on root.** only.\n",
            "Grant it on root** only.\n\nIn code: `root.**`.\n",
            "* `When the value is `NEXT(B.totalprice, 2)`\n",
            "Enter into ****Project Setting**, then click.\n",
        ] {
            assert_eq!(found(doc), [], "{doc:?}");
        }
    }

    #[test]
    fn a_mark_whose_run_has_no_clear_end_is_taken_out_first() {
        assert_eq!(
            fixes("If it leaves a parent empty, the parent is removed as well.`\n"),
            ["well.", "`well`."]
        );
        assert_eq!(
            found("Set foo,` then bar.\n"),
            [("foo,`".into(), "foo,".into())]
        );
        assert_eq!(
            found("It is remedied by applying` the flag.\n"),
            [("applying`".into(), "applying".into())]
        );
        assert_eq!(
            found("Set URL` to the path.\n"),
            [("URL`".into(), "`URL`".into())]
        );
        assert_eq!(
            found("**In kind clusters, visit the service on localhost.\n"),
            [("**In".into(), "In".into())]
        );
    }

    #[test]
    fn a_quote_the_word_opened_stays_inside_the_code() {
        assert_eq!(
            found("Set `--name=\"x\" now.\n"),
            [("`--name=\"x\"".into(), "`--name=\"x\"`".into())]
        );
        assert_eq!(
            found("Run \"`make\" now.\n"),
            [("`make".into(), "`make`".into())]
        );
    }

    #[test]
    fn only_a_code_span_cut_by_a_blank_line_silences_two_blocks() {
        assert_eq!(
            found("Press the ` key.\n\nAdd the file `robots.txt to the root.\n"),
            [("`robots.txt".into(), "`robots.txt`".into())]
        );
    }

    #[test]
    fn nothing_is_added_to_an_html_block() {
        let how = crate::core::markdown::Reading {
            html: true,
            ..Default::default()
        };
        let doc = "<p>Add the file `robots.txt to the root.</p>\n";
        assert!(
            !crate::core::markdown::extract_with(doc, how)
                .blocks
                .is_empty(),
            "the HTML block is read as prose"
        );
        assert_eq!(
            crate::core::rules::hits_in_read(&Unpaired, &[RULE], doc, how),
            []
        );
    }

    #[test]
    fn words_after_wide_spaces_are_cut_at_a_character() {
        assert_eq!(
            found("Dragonfly\u{a0}\u{a0}架构` here.\n"),
            [("架构`".into(), "`架构`".into())]
        );
    }

    #[test]
    fn the_second_fix_takes_the_mark_out() {
        assert_eq!(
            fixes("This option is **required for the build.\n"),
            ["**required**", "required"]
        );
    }
}
