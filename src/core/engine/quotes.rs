//! Words a doc keeps as someone else wrote them: a quotation of another author and the name of a wiki
//! page. A post that gathers comments from an issue tracker quotes each one (`<blockquote>` after "Comment
//! by @x posted on …", or a `>` quote under "[comment from 2026-03-16](…#issuecomment-…)"); a newsletter
//! credits its quote of the week after it ("— [/u/x on Reddit](…)"), a users' page cites a testimonial
//! at its end ("([source](https://twitter.com/…))"); a typo, a
//! name's case or an article in there is the commenter's, and the quotation is not the doc's to edit.
//! A wiki link (`[[Open embedded url]]`) names a page by its title: changing its words breaks the link.
//! The speakers' names that label the remarks of minutes or a transcript ("* Gui: it's unsound", "Martin:
//! …") are people's names, whatever word they look like.
//! A link to another site that cites a work ("[Sveltekit Markdown Blog](https://youtube.com/…) by
//! WebJeda") gives that work's title as its author wrote it.
//! Only the link rules read these places (an address is no one's words). A change's record a release
//! tool copied into a history (see [`is_change_record`]) is its author's words too: no rule reports in it.

use crate::core::markdown::Prose;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The byte ranges of `file` kept as written: HTML `<blockquote>` elements, `>` quotes whose lead-in
/// attributes them to someone (see [`attributes`]) or that name their source at their end or in a
/// credit after them, the titles inside `[[…]]` and the titles of works
/// a link cites (see [`cited_titles`]). Nothing inside
/// code (`prose`'s code blocks and inline code) counts.
pub(super) fn kept_as_written(file: &str, prose: &Prose) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut html_quote: Option<(usize, usize)> = None; // (start, depth)
    let mut md_quote: Option<usize> = None;
    let mut lead_in = "";
    let mut last_quoted = "";
    let mut said = false;
    let mut at = 0;
    for line in file.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let trimmed = line.trim();
        let first = start + (line.len() - line.trim_start().len());
        if trimmed.is_empty() || prose.in_code(&(first..first + 1)) {
            continue;
        }
        // HTML quotations, nested or not, from the opening tag to the closing one.
        let lower = line.to_ascii_lowercase();
        let mut from = 0;
        while let Some(i) = lower[from..].find("blockquote") {
            let i = from + i;
            from = i + "blockquote".len();
            // Not a tag named in inline code ("- `<blockquote>`").
            if prose.in_code(&(start + i..start + from)) {
                continue;
            }
            let closing = lower[..i].ends_with("</");
            let opening = !closing && lower[..i].ends_with('<');
            match (&mut html_quote, opening, closing) {
                (None, true, _) => html_quote = Some((start + i - 1, 1)),
                (Some((_, depth)), true, _) => *depth += 1,
                (Some((begin, depth)), _, true) => {
                    *depth -= 1;
                    if *depth == 0 {
                        out.push(*begin..start + from + 1);
                        html_quote = None;
                    }
                }
                _ => {}
            }
        }
        // Markdown quotes: a run of lines opening with `>` (after any list indentation), kept when
        // the line before attributes it, or its last line or the line after names its source.
        let quoted = trimmed.starts_with('>');
        match (md_quote, quoted) {
            (None, true) => {
                md_quote = Some(start);
                said = attributes(lead_in);
            }
            (Some(begin), false) => {
                if said || cites_its_source(last_quoted) || credits_the_quote(trimmed) {
                    out.push(begin..start);
                }
                md_quote = None;
            }
            _ => {}
        }
        if quoted {
            last_quoted = trimmed;
        } else {
            lead_in = trimmed;
        }
        out.extend(wiki_titles(line, start));
        out.extend(cited_titles(line, start));
    }
    if let Some(begin) = md_quote.filter(|_| said || cites_its_source(last_quoted)) {
        out.push(begin..file.len());
    }
    out.extend(speaker_labels(file, prose));
    out.extend(quoted_issue_titles(file));
    out.extend(contents_entries(file, prose));
    // An element never closed is no quotation docreview can bound: the rest of the doc stays its own.
    out
}

/// Does a quote's last line end by citing where it comes from ("… in our monorepo is fast. ([Speedy
/// Scala Builds with Bazel](https://databricks.com/blog/…))", "([source](https://twitter.com/…))")?
/// Or does it end with a passage in quotation marks credited after a dash: a credit set in emphasis
/// (`> "It just works." **- participant 2436 (data science)**`) or one that opens with a name, a
/// handle or a link ("… says it all.” — Jane Doe"); not `"Fast" - it recieves updates`, the doc's own
/// words going on?
fn cites_its_source(last: &str) -> bool {
    static CITED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\(\[[^\]]+\]\(https?://[^)\s]+\)\)\.?$").expect("static regex")
    });
    static CREDITED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"^>[\s>]*[*_]*["\u{201c}].*["\u{201d}][*_]*\s+(?:[*_]+\s*(?:\u{2014}|\u{2013}|--?)\s*[\w@\[]|(?:\u{2014}|\u{2013}|--?)\s*[*_]*\s*[\p{Lu}@\[])"#)
            .expect("static regex")
    });
    CITED.is_match(last) || CREDITED.is_match(last)
}

/// Is the line after a quote its credit, opened by a dash ("— [/u/freakhill on Reddit](…)", "-- Linus
/// Torvalds", "– Jane, in the forum")? A hyphen and a space open a list item, not a credit.
fn credits_the_quote(after: &str) -> bool {
    // A rule of dashes ("---") ends a section, and credits no one.
    ["\u{2014}", "\u{2013}", "\u{2015}", "--"]
        .iter()
        .filter_map(|dash| after.strip_prefix(dash))
        .any(|rest| {
            rest.trim_start()
                .starts_with(|c: char| c.is_alphanumeric() || "[@*_".contains(c))
        })
        && after.len() <= 200
}

/// Does a quote's lead-in line attribute it to someone: a link to a comment or a review on a tracker,
/// or words that say someone wrote it ("Jane wrote:", "@x said:")?
fn attributes(lead_in: &str) -> bool {
    const COMMENT_LINKS: &[&str] = &[
        "#issuecomment-",
        "#discussion_r",
        "#pullrequestreview-",
        "#note_",
        "#comment-",
        "/comments/",
    ];
    const SAID: &[&str] = &[
        "wrote:",
        "writes:",
        "said:",
        "says:",
        "commented:",
        "asked:",
        "answered:",
        "replied:",
        "responded:",
        "explained:",
    ];
    let lower = lead_in.to_ascii_lowercase();
    COMMENT_LINKS.iter().any(|l| lower.contains(l)) || SAID.iter().any(|s| lower.ends_with(s))
}

/// The titles inside `[[…]]` on `line` (which starts at `offset` of the file), brackets included.
fn wiki_titles(line: &str, offset: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = line[from..].find("[[") {
        let open = from + i;
        let Some(len) = line[open + 2..].find("]]") else {
            break;
        };
        let close = open + 2 + len + 2;
        if !line[open + 2..close - 2].contains(['[', ']']) {
            out.push(offset + open..offset + close);
        }
        from = close;
    }
    out
}

/// The texts of the links on `line` (which starts at `offset` of the file) that cite another author's
/// work by its title: a link to another site followed, in the same sentence, by the author ("[Drizzle
/// ORM with Sveltekit](https://medium.com/…) and [Sveltekit — Streaming SSR](…) by Mohammed Anas", "…
/// is a tutorial series by WebJeda"), a link that opens a list item (a newsletter's list of articles,
/// a list of events), a link to a video, whose text is the video's title, and a link to an issue whose
/// text gives its number and then its title. A title
/// has three words or more: a shorter text names the site or the thing ("tutorials on
/// [Youtube](https://www.youtube.com/…)"). "by" before a word in lower case ("[install it](https://…)
/// by running") names no author.
fn cited_titles(line: &str, offset: usize) -> Vec<Range<usize>> {
    static LINK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"\[([^\[\]\n]+)\]\((https?://[^\s)]+)(?:\s+"[^"\n]*")?\)"#)
            .expect("static regex")
    });
    static VIDEO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^https?://(?:www\.|m\.)?(?:youtube\.com|youtu\.be|vimeo\.com)/")
            .expect("static regex")
    });
    static AUTHOR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\bby\s+(?:\*\*|\*|_)?[\[@\p{Lu}]").expect("static regex"));
    static SENTENCE_END: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[.!?](?:\s|$)").expect("static regex"));
    // A list item that opens with the link, after tags at most ("* [video] [Title](…)", "* [**Meetup
    // title**](…)"): a list of links to other people's pages, each named by its page's title.
    static ITEM_LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[^\]\[\n]{1,12}\]\s+)*[*_]*$")
            .expect("static regex")
    });
    // "[#4636 Gitlab formatting issues in v0.28](…/issues/4636)": an issue's number, then its title.
    static ISSUE_TITLE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^#\d+:?\s").expect("static regex"));
    LINK.captures_iter(line)
        .filter_map(|c| {
            let (whole, text, url) = (c.get(0)?, c.get(1)?, c.get(2)?);
            let rest = &line[whole.end()..];
            let sentence = &rest[..SENTENCE_END.find(rest).map_or(rest.len(), |m| m.start())];
            (text.as_str().split_whitespace().count() >= 3
                && (VIDEO.is_match(url.as_str())
                    || ISSUE_TITLE.is_match(text.as_str()) && ISSUE_ADDRESS.is_match(url.as_str())
                    || AUTHOR.is_match(sentence)
                    || ITEM_LEAD.is_match(&line[..whole.start()])))
            .then(|| offset + text.start()..offset + text.end())
        })
        .collect()
}

/// The titles of issues a list of changes quotes: a quoted text of three words or more in an item or
/// paragraph that links to an issue or a pull request ("- Fixed \"httpclient hangs if it recieves an
/// HTTP 204\"" over "([#13910](https://github.com/nim-lang/Nim/issues/13910))"). The title is its
/// reporter's words, quoted as they were filed.
fn quoted_issue_titles(file: &str) -> Vec<Range<usize>> {
    static ISSUE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"{}|\(#\d+\)", ISSUE_ADDRESS.as_str())).expect("static regex")
    });
    static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new("\"([^\"\n]+)\"|\u{201c}([^\u{201d}\n]+)\u{201d}").expect("static regex")
    });
    let mut out = Vec::new();
    if !ISSUE.is_match(file) {
        return out;
    }
    for unit in items_and_paragraphs(file) {
        let text = &file[unit.clone()];
        if !ISSUE.is_match(text) {
            continue;
        }
        for c in QUOTED.captures_iter(text) {
            if let Some(t) = c.get(1).or_else(|| c.get(2))
                && t.as_str().split_whitespace().count() >= 3
            {
                out.push(unit.start + t.start()..unit.start + t.end());
            }
        }
    }
    out
}

/// The texts of links to an anchor of the same doc that copy one of its headings ("- [Why is a Eventing
/// needed](#why-is-a-eventing-needed)"): a table of contents, often written by a tool from the headings.
/// A slip there is the heading's, reported once, at the heading; the entry follows when the heading
/// is mended and the table written again.
fn contents_entries(file: &str, prose: &Prose) -> Vec<Range<usize>> {
    static TO_ANCHOR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\[([^\[\]\n]+)\]\(#[^)\s]*\)").expect("static regex"));
    // As written but for asterisks of emphasis, which a table of contents may drop or add: "`Foo`
    // *bar*" is "`Foo` bar". Code marks count: "[`post_start](#post_start)" is a slip of the link's
    // own. (The anchor is not compared: each site makes its anchors its own way.)
    let plain = |t: &str| t.replace('*', "").trim().to_owned();
    if !file.contains("](#") {
        return Vec::new();
    }
    let headings: std::collections::HashSet<String> = prose
        .blocks
        .iter()
        .filter(|b| b.kind == crate::core::markdown::BlockKind::Heading)
        .filter_map(|b| {
            // The heading's line, without the marks of an ATX heading ("## Title ##").
            let at = b.segments.first()?.src;
            let start = file[..at].rfind('\n').map_or(0, |i| i + 1);
            let end = file[at..].find('\n').map_or(file.len(), |i| at + i);
            // A closing run of "#" follows a space ("## Title ##"); "## Using C#" keeps its own.
            let line = file[start..end].trim().trim_start_matches('#');
            let closed = line.trim_end_matches('#');
            let line = if closed.ends_with([' ', '\t']) || closed.is_empty() {
                closed
            } else {
                line
            };
            Some(plain(line))
        })
        .filter(|h| !h.is_empty())
        .collect();
    TO_ANCHOR
        .captures_iter(file)
        .filter_map(|c| c.get(1))
        .filter(|t| !prose.in_code(&t.range()) && headings.contains(&plain(t.as_str())))
        .map(|t| t.range())
        .collect()
}

/// The file's list items and paragraphs: a line that opens a list item or follows a blank line starts
/// one.
fn items_and_paragraphs(file: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut unit = 0..0;
    let mut at = 0;
    for line in file.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let t = line.trim_start();
        let item = t.starts_with(['-', '*', '+'])
            || t.split_once(['.', ')']).is_some_and(|(n, _)| {
                !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit())
            });
        if t.trim().is_empty() || item {
            if !unit.is_empty() {
                out.push(unit);
            }
            unit = start..start;
        }
        unit.end = at;
    }
    if !unit.is_empty() {
        out.push(unit);
    }
    out
}

/// The speakers' names of minutes or a transcript: a capitalised name (one or two words, bold or not) that
/// opens a line or a list item and ends in a colon ("* Gui: we might change it", "**Seb**: not yet"),
/// where at least three names each label two remarks or more. A doc whose items open with "Note:" or
/// "Go: …", "Python: …" once each is no transcript.
fn speaker_labels(file: &str, prose: &Prose) -> Vec<Range<usize>> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?(?:\*\*|__)?(\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}[\p{Ll}'’-]+)?)(?:\*\*|__)?:(?:\*\*|__)?[ \t]")
            .expect("static regex")
    });
    let labels: Vec<(&str, Range<usize>)> = LABEL
        .captures_iter(file)
        .filter_map(|c| c.get(1))
        .filter(|m| !prose.in_code(&m.range()))
        .map(|m| (m.as_str(), m.range()))
        .collect();
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (name, _) in &labels {
        *counts.entry(name).or_default() += 1;
    }
    if counts.values().filter(|&&n| n >= 2).count() < 3 {
        return Vec::new();
    }
    labels
        .into_iter()
        .filter(|(name, _)| counts.get(name).is_some_and(|&n| n >= 2))
        .map(|(_, r)| r)
        .collect()
}

/// Is a list item a change's record as a tool copied it? It names the change (a pull request, an issue,
/// `#1146`) and credits its author's handle where a tool puts it: at the end ("- [#5129](…/pull/5129):
/// re-enbale the workflow ( @TrickyPi)", "- [#1219](…) Avoid commitmsg hooks. ([@alan](…))", "* Fix the
/// parser by @x in …/pull/12") or right after the number that opens it ("- #1146: @michaelshobbs allow
/// multple domains"). Or it links the commit by its hash ("- Small improvements in code sturcture
/// ([#1562](…)) ([42c13e2](…/commit/42c13e2))", a commit message a release tool copied). Such a record
/// is history, kept as it was merged: nothing in it is reported. Notes that speak of a person and a pull
/// request in their own words ("- [@rich](…) (author and mantainer of musl) recommends [a name](…/pull/1)")
/// are the doc's. A record is its whole item as the Markdown parser reads it ([`Prose::items`]): the
/// paragraphs, nested items and code under it are the same change's description (a changeset's text in
/// several paragraphs).
pub(super) fn is_change_record(
    file: &str,
    prose: &Prose,
    block: &crate::core::markdown::Block,
) -> bool {
    let Some(at) = block.segments.first().map(|s| s.src) else {
        return false;
    };
    prose
        .items
        .iter()
        .filter(|item| item.contains(&at))
        .any(|item| item_around(file, item.start).is_some_and(is_record))
}

/// Does a list item's first paragraph name a change and credit its author, or link its commit?
fn is_record(item: &str) -> bool {
    static CHANGE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&format!(r"{}|(?:^|[\s(\[`])#\d+\b", ISSUE_ADDRESS.as_str()))
            .expect("static regex")
    });
    // The handle last (bare or linked, in brackets or not), or after "by" before the change's address, or
    // right after the opening number.
    static HANDLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(concat!(
            r"(?:^|[\s(\[])@[A-Za-z0-9][\w-]*(?:\[bot\])?(?:\]\([^)\s]*\))?[)\].!]*\s*$",
            r"|\sby @[A-Za-z0-9][\w-]*(?:\[bot\])? in \S+\s*$",
            r"|^\s*(?:[-*+]|\d+[.)])\s+\[?`?#\d+`?\]?(?:\([^)\s]*\))?:?\s+\[?@[A-Za-z0-9]",
        ))
        .expect("static regex")
    });
    static COMMIT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"/commits?/[0-9a-f]{7,40}\b").expect("static regex")
    });
    COMMIT.is_match(item) || (CHANGE.is_match(item) && HANDLE.is_match(item))
}

/// The list item whose text holds byte `at` of the file (inline code in it too): from the line that
/// opens it to the next item, blank line or end. `None` outside list items.
fn item_around(file: &str, at: usize) -> Option<&str> {
    let before = file.get(..at)?;
    let mut start = before.rfind('\n').map_or(0, |i| i + 1);
    loop {
        let line = file[start..].lines().next().unwrap_or("");
        if crate::core::markdown::list_item_rest(line).is_some() {
            break;
        }
        if line.trim().is_empty() || start == 0 {
            return None;
        }
        start = file[..start - 1].rfind('\n').map_or(0, |i| i + 1);
    }
    let line_end = |from: usize| from + file[from..].find('\n').unwrap_or(file.len() - from);
    let mut end = line_end(start);
    while end < file.len() {
        let next_end = line_end(end + 1);
        let next = &file[end + 1..next_end];
        if next.trim().is_empty() || crate::core::markdown::list_item_rest(next).is_some() {
            break;
        }
        end = next_end;
    }
    file.get(start..end)
}

/// The path of an issue, a pull request or a merge request in a tracker's address ("…/issues/4636",
/// "…/pull/12"): what the kept places below look for, one pattern for all of them.
static ISSUE_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/(?:issues|pull|pulls|merge_requests)/\d+").expect("static regex")
});

/// Is the file range starting at `offset` inside one of `ranges`?
pub(super) fn kept(ranges: &[Range<usize>], offset: usize) -> bool {
    ranges.iter().any(|r| r.contains(&offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept_texts(file: &str) -> Vec<&str> {
        kept_as_written(file, &crate::core::markdown::extract(file))
            .into_iter()
            .map(|r| file[r].trim())
            .collect()
    }

    #[test]
    fn attributed_quotations_and_wiki_titles_are_kept_as_written() {
        let post = "Comment by @x posted on 2025-05-25:<br>\n\n<blockquote>\n\nWe don't fully \
                    support the macos runners.\n\n</blockquote>\n\nOur own text about macos.\n";
        let kept = kept_texts(post);
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert!(kept[0].starts_with("<blockquote>") && kept[0].ends_with("</blockquote>"));
        assert!(kept[0].contains("the macos runners"));
        let list = "- **[Tomas]** — [comment from 2026-03-16](https://x.example/1#issuecomment-4)\n\n  \
                    > We don't have a issue for this.\n  >\n  > Next steps.\n\n- Our own item.\n";
        assert_eq!(
            kept_texts(list),
            ["> We don't have a issue for this.\n  >\n  > Next steps."]
        );
        for lead in ["Jane wrote:", "@m-ou-se answered:"] {
            let said = format!("{lead}\n\n> It work fine.\n");
            assert_eq!(kept_texts(&said), ["> It work fine."]);
        }
        // The doc's own notes and quotes without a lead-in that names an author are its own words.
        for own in [
            "Read this first.\n\n> **Note**: a issue here.\n",
            "> [!TIP]\n> Use the macos runner.\n",
            "See the tracker:\n\n> a issue\n",
            "```md\n<blockquote>\n```\n\nOur text.\n",
            "The `<blockquote>` and `</blockquote>` tags wrap a quote.\n",
            "<blockquote>\n\nNever closed.\n",
        ] {
            assert!(kept_texts(own).is_empty(), "{own}");
        }
        // Speakers' names in minutes; a list whose items open with a name once each is no transcript.
        let minutes = "- Martin: it is sound\n- Gui: it's unsound\n- Seb: why?\n- Gui: see the Gui guide\n\
                       - **Martin**: fine\n- Seb: agreed\n";
        assert_eq!(
            kept_texts(minutes),
            ["Martin", "Gui", "Seb", "Gui", "Martin", "Seb"]
        );
        assert!(
            kept_texts("- Javascript: >= v0.10.3\n- Go: 1.21\n- Python: 3.12\n- Gui: none\n")
                .is_empty()
        );
        // A cited work's title, as its author wrote it; the doc's own words around it are read.
        assert_eq!(
            kept_texts(
                "- [Drizzle ORM with Sveltekit](https://medium.com/a) and [Sveltekit Streaming SSR](https://medium.com/b) by Mo Anas\n\
                 - [Sveltekit Blog Tutorial](https://www.youtube.com/watch?v=1) walks through a Github setup\n\
                 - [The auth guide](https://example.com/c) is a tutorial series by WebJeda. Thanks to [x](https://example.com/d).\n"
            ),
            [
                "Drizzle ORM with Sveltekit",
                "Sveltekit Streaming SSR",
                "Sveltekit Blog Tutorial",
                "The auth guide"
            ]
        );
        // A list of other people's pages, each item opening with its link.
        assert_eq!(
            kept_texts(
                "* [Insights of porting Tokenizers to WASM](https://blog.x.io/a)\n\
                 * [video] [**RUST MEETUP at HACKER DOJO**](https://www.meetup.com/e/1)\n\
                 * See [the Github setup guide](https://example.com/g) first.\n"
            ),
            [
                "Insights of porting Tokenizers to WASM",
                "**RUST MEETUP at HACKER DOJO**"
            ]
        );
        // An issue's number and title, in a table; the doc's own words about an issue are its own.
        assert_eq!(
            kept_texts(
                "| 4 | [#4636 Gitlab formatting in v0.28](https://github.com/o/r/issues/4636) | 11 |\n\n\
                 See [the Gitlab formatting issue](https://github.com/o/r/issues/4636) first.\n"
            ),
            ["#4636 Gitlab formatting in v0.28"]
        );
        for own in [
            "Install [homebrew](https://brew.sh) by running the script.\n",
            "Tutorials on [Youtube](https://www.youtube.com/watch?v=1) by Mike Dane.\n",
            "See [our Github guide](/guides/github) by Jane.\n",
            "Read [the Github docs](https://docs.github.com). It was written by GitHub.\n",
        ] {
            assert!(kept_texts(own).is_empty(), "{own}");
        }
        assert_eq!(
            kept_texts("Open [[Url input]] and [[Open embedded url]].\n"),
            ["[[Url input]]", "[[Open embedded url]]"]
        );
    }

    #[test]
    fn a_quote_that_names_its_source_after_it_or_at_its_end_is_kept_as_written() {
        // A credit after the quote, opened by a dash.
        let credited = "# Quote of the Week\n\n> it's easy to learn becuase of the docs\n\n\
                        \u{2014} [/u/someone on Reddit](https://www.reddit.com/r/x/1).\n\nOur text.\n";
        assert_eq!(
            kept_texts(credited),
            ["> it's easy to learn becuase of the docs"]
        );
        // A citation closing its last line.
        let cited = "> Our build in Javascript is fast. ([Fast builds](https://example.com/post))\n\n\
                     Next.\n";
        assert_eq!(kept_texts(cited).len(), 1, "{:?}", kept_texts(cited));
        // A passage in quotation marks, credited after a dash at the end of its last line; the
        // doc's own words going on after a dash credit no one.
        let survey = "Answers:\n\n> \"The latest version of of the package\" **- participant \
                      2438 (testing, 4 years)**\n\nAnd:\n\n> \u{201c}A 25 year old tool.\u{201d} \u{2014} Jane\n\n\
                      Ours:\n\n> \"Fast\" - it recieves updates in seconds\n\nEnd.\n";
        assert_eq!(
            kept_texts(survey),
            [
                "> \"The latest version of of the package\" **- participant 2438 (testing, 4 years)**",
                "> \u{201c}A 25 year old tool.\u{201d} \u{2014} Jane"
            ]
        );
        // A rule of dashes or a list item after a quote credits no one: the quote is the doc's.
        for after in ["---", "- an item", "Our own text."] {
            let own = format!("> Note: the Javascript build is slow.\n\n{after}\n");
            assert!(kept_texts(&own).is_empty(), "{own}: {:?}", kept_texts(&own));
        }
    }

    #[test]
    fn a_table_of_contents_entry_that_copies_a_heading_is_the_headings() {
        let doc = "# Guide\n\n- [Why is a Eventing needed](#why-is-a-eventing-needed)\n\
                   - [See `the` *recieve* step](#step)\n- [Our own recieve notes](#notes)\n\n\
                   ## Why is a Eventing needed\n\nText.\n\n## See `the` recieve step\n\nMore.\n\n\
                   ## Notes\n\nSee [the Eventing part](#why-is-a-eventing-needed) and \
                   [`post_start](#post_start).\n\n## post_start\n\nLast.\n\n- [Using C#](#using-c)\n\n\
                   ## Using C#\n";
        assert_eq!(
            kept_texts(doc),
            [
                "Why is a Eventing needed",
                "See `the` *recieve* step",
                "Using C#"
            ]
        );
    }

    #[test]
    fn issue_titles_a_list_of_changes_quotes_are_kept_as_written() {
        let changes = "- Fixed \"httpclient hangs if it recieves an HTTP 204\"\n  \
                       ([#13910](https://github.com/nim-lang/Nim/issues/13910))\n\
                       - Fixed \u{201c}name collision with instanciated template\u{201d} (#5331)\n\
                       - Our own \"quoted words here\" with no issue, and it recieves one.\n\n\
                       A paragraph with \"a quoted phrase\" but no link.\n";
        assert_eq!(
            kept_texts(changes),
            [
                "httpclient hangs if it recieves an HTTP 204",
                "name collision with instanciated template"
            ]
        );
    }
}
