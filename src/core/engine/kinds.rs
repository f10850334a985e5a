//! Docs and blocks that are not the doc's own English prose, and which rules still read them: changelogs
//! and change-list entries (spelling and doubled words only), licences (nothing), translations, comments
//! in code blocks (spelling and grammar only).

use super::*;

/// Is the doc a changelog (`CHANGELOG.md`, `HISTORY.md`, `docs/changes.md`, `RELEASE-NOTES.md`, …)?
/// Its entries are commit and pull-request titles, kept as they were written: a reviewer fixes their
/// typos, not their style.
/// A folder's own page (`docs/changelog/index.md`, `changes/README.md`) is one by the folder's name.
pub fn is_changelog(path: &str) -> bool {
    let stem = |name: &str| {
        name.split('.')
            .next()
            .unwrap_or(name)
            .to_ascii_lowercase()
            .replace(['-', '_', ' '], "")
    };
    let mut parts = path.rsplit(['/', '\\']);
    let mut name = stem(parts.next().unwrap_or(path));
    if matches!(name.as_str(), "index" | "readme") {
        name = parts.next().map(stem).unwrap_or_default();
    }
    matches!(
        name.as_str(),
        "changelog" | "changes" | "history" | "news" | "releasenotes" | "releases"
    )
}

/// Which rules read the comments of fenced code: spelling and grammar (never markup, names or links:
/// a comment names code as code does).
pub(super) fn reads_code_comments(rule: &str) -> bool {
    spelling::owns(rule) || rule.starts_with("grammar.")
}

/// Is the doc as a whole in another language than English (a translation beside the English pages)?
/// In a language's folder (`es/book/…`, see [`translation_sources`]) it is, unless its small words are
/// plainly English: a translated page of tables and commands has few of them.
pub(super) fn is_foreign(prose: &Prose, path: &str) -> bool {
    let mut tally = language::Tally::default();
    let (mut other, mut all) = (0usize, 0usize);
    for b in &prose.blocks {
        let words = crate::core::rules::text::words(&b.text);
        tally = tally.plus(language::tally(&b.text, &words));
        all += 1;
        if language::other_script(&b.text) {
            other += 1;
        }
    }
    let in_language_folder = !translation_sources(path).is_empty();
    (tally.foreign >= 5 && tally.is_foreign())
        || (all > 0 && other * 2 > all)
        || (in_language_folder && !(tally.english >= 5 && tally.foreign * 10 < tally.english))
}

/// Is a block an entry of a list of changes: a list item that cites a pull request, an issue or a
/// commit ("- Fix the parser ([#123](…))", "* [[`a1b2c3d`](…/commit/a1b2c3d)] - **fs**: …"), alone or
/// beside an item that reads like a change too (see [`reads_like_change`])? Its words are a commit's or
/// a pull request's title, kept as they were written: like a changelog's, they are read for misspellings
/// and doubled words only. One item citing a pull request among items that do not ("- App is
/// unmaintained … [discontinued](…/pull/22699)") is the doc's own prose.
pub(super) fn is_change_entry(file: &str, block: &markdown::Block) -> bool {
    let Some((line_start, line_end)) = item_lines(file, block) else {
        return false;
    };
    let text = &file[line_start..line_end];
    if !cites(text) {
        return under_change_lead(&file[..line_start]);
    }
    // The nearest other items of the same list, above and below: a change list's items all read
    // like changes.
    let indent = indent_of(text);
    let above = sibling(file[..line_start].lines().rev(), indent, true);
    let below = sibling(file.get(line_end..).unwrap_or("").lines(), indent, false);
    match (above, below) {
        (None, None) => true,
        (a, b) => a == Some(true) || b == Some(true),
    }
}

/// Does the list that ends `before` follow a lead-in that announces changes: a line ending with a colon
/// that speaks of them ("Changes in this version include:", "This release fixes:") or a heading that
/// names them ("## Bug fixes", "### Added")? Its items are a release's change titles, terse on purpose
/// ("Add support for `X-Forwarded-For` header").
fn under_change_lead(before: &str) -> bool {
    const HEADINGS: &[&str] = &[
        "changes",
        "changelog",
        "change log",
        "bug fixes",
        "bugfixes",
        "fixes",
        "fixed",
        "added",
        "removed",
        "deprecated",
        "improvements",
        "breaking changes",
        "new features",
        "release notes",
        "what's new",
    ];
    let Some(lead) = before
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty() && !is_item(l) && indent_of(l) == 0)
    else {
        return false;
    };
    let lead = lead.trim().to_lowercase();
    if let Some(heading) = lead.strip_prefix('#') {
        let heading = heading.trim_start_matches('#').trim();
        // Or a heading that opens or ends with such a word: "## Full Changelog", "### Changes in 2.3".
        let words: Vec<&str> = heading
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .collect();
        let ends = |w: &&str| ["changelog", "changes", "fixes", "improvements"].contains(w);
        return HEADINGS.iter().any(|h| heading.starts_with(h))
            || words.first().is_some_and(&ends)
            || words.last().is_some_and(ends);
    }
    lead.ends_with(':')
        && [
            "change",
            "fixes",
            "fixed",
            "this release",
            "this version",
            "improvements",
        ]
        .iter()
        .any(|w| lead.contains(w))
}

/// Is a changelog's list item only a person's name, with their handle in brackets or not ("Martijn
/// Gribnau", "cui fliter (cuishuang)", "Chris Denton (ChrisDenton)"): two to four words, no punctuation
/// of a sentence, and either the handle after them or all capitalised with a first word no dictionary
/// knows (not "Update Dependecies").
pub(super) fn is_credit_item(file: &str, block: &markdown::Block) -> bool {
    if item_lines(file, block).is_none() {
        return false;
    }
    let text = block.text.trim();
    let (name, handle) = match text.strip_suffix(')').and_then(|t| t.rsplit_once(" (")) {
        Some((name, handle)) => (name, Some(handle)),
        None => (text, None),
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let handle_ok = handle.is_none_or(|h| {
        !h.is_empty()
            && h.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '@'))
    });
    // Without a handle, a first word no dictionary knows in lower case: "Martijn Gribnau", not
    // "Update Dependecies".
    let first_is_a_name = words
        .first()
        .is_some_and(|w| !crate::core::rules::dictionary::is_known(&w.to_lowercase()));
    (2..=4).contains(&words.len())
        && handle_ok
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'))
        })
        && (handle.is_some()
            || first_is_a_name && words.iter().all(|w| w.starts_with(char::is_uppercase)))
}

/// Is `range` of a block's text inside a change entry's credit: brackets that hold only capitalised
/// names ("(Sebastiaan Deckers)", "(Ann Lee, Bob Noordhuis)"), or the entry's last brackets holding one
/// handle ("… (#21104) (beeen)")?
pub(super) fn in_credit(text: &str, range: std::ops::Range<usize>) -> bool {
    let (Some(before), Some(after)) = (text.get(..range.start), text.get(range.end..)) else {
        return false;
    };
    let Some(open) = before.rfind('(') else {
        return false;
    };
    let Some(close) = after.find(')').map(|i| range.end + i) else {
        return false;
    };
    let last = text[close + 1..]
        .chars()
        .all(|c| c.is_whitespace() || c == '.' || c == crate::core::markdown::PLACEHOLDER)
        && !text[open + 1..close].trim().contains(char::is_whitespace);
    (last
        || text[open + 1..close]
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .all(|w| w == "and" || w.chars().next().is_some_and(char::is_uppercase)))
        && !before[open..].contains(')')
}

/// Does a list line cite a pull request, an issue or a commit, or read like a commit title?
fn cites(line: &str) -> bool {
    // "(#123)" cites an issue; "[1](#1)" links a note further down the page.
    static REFERENCE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"\[#\d+\]|(?:^|[^\]])\(#\d+\b|/(?:pull|issues)/\d+|/commit/[0-9a-f]{7,40}|\[`?[0-9a-f]{7,40}`?\]",
        )
        .expect("static regex")
    });
    // "- dns: set hostname property on error object (Ben Noordhuis)": a lower-case area, a colon, the
    // title and its author's name (not "- timeout: seconds to wait (default 30)").
    static TITLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^[-*+]\s+(?:\*\*)?[a-z][\w./-]*(?:\*\*)?(?:\([\w-]+\))?:\s.*\((?:[A-Z][\w.'-]*\s?){1,4}\)\s*$",
        )
        .expect("static regex")
    });
    REFERENCE.is_match(line) || TITLE.is_match(lead_and_rest(line))
}

/// Does a list line read like a change: does it cite (see [`cites`]), or end with its authors' names or
/// handles ("- net: throw on invalid socket timeouts (cjihrig)", "- Proper EPERM error code support (Igor
/// Zinkovsky, isaacs)": capitalised names, or single words no dictionary knows; not a remark,
/// "(optional)", "(default 30)", "(which, amongst other things, …)")? Asked of the items beside one that
/// cites.
fn reads_like_change(line: &str) -> bool {
    static AUTHORS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\(([^()]+)\)\.?\s*$").expect("static regex")
    });
    let rest = lead_and_rest(line);
    let author = |who: &str| {
        let words: Vec<&str> = who.split_whitespace().collect();
        match words.as_slice() {
            [one] => {
                one.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
                    && !crate::core::rules::dictionary::is_known(one)
            }
            [_, _, ..] if words.len() <= 4 => words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase())),
            _ => false,
        }
    };
    cites(line)
        || AUTHORS
            .captures(rest)
            .and_then(|c| c.get(1))
            .is_some_and(|who| who.as_str().split(", ").all(author))
}

/// Does the line open a list item? A bullet is followed by a space: "*Note: … (#123)*" is emphasis.
fn is_item(line: &str) -> bool {
    markdown::list_item_rest(line).is_some()
}

/// Where in the file the lines of a list item's block are (the start of its first line, the end of
/// its last), when the block opens one.
fn item_lines(file: &str, block: &markdown::Block) -> Option<(usize, usize)> {
    if !matches!(
        block.kind,
        markdown::BlockKind::Other | markdown::BlockKind::Paragraph
    ) {
        return None;
    }
    let (first, last) = (block.segments.first()?, block.segments.last()?);
    let start = file.get(..first.src)?.rfind('\n').map_or(0, |i| i + 1);
    let end = last.src + last.src_len;
    let end = end + file.get(end..)?.find('\n').unwrap_or(file.len() - end);
    is_item(file.get(start..end)?).then_some((start, end))
}

fn indent_of(line: &str) -> usize {
    line.len() - lead_and_rest(line).len()
}

/// Does the nearest other item at `indent` among `lines` (read away from an item, `upward` or down) read
/// like a change, its nested items and wrapped lines included? `None` when the list ends first: a line
/// indented less, or a line at the same margin that opens no item (a paragraph, a heading, a lazily
/// wrapped line), or none within 60 lines.
fn sibling<'a>(lines: impl Iterator<Item = &'a str>, indent: usize, upward: bool) -> Option<bool> {
    // Above an item, the lines indented more belong to the item above; below it, to the item itself
    // until the next item, and then to that one.
    let mut deeper = false;
    let mut found: Option<bool> = None;
    for line in lines.take(60) {
        // A blank line, or a block quote's empty line (">"), neither ends nor belongs to an item.
        if lead_and_rest(line).trim().is_empty() {
            continue;
        }
        let here = indent_of(line);
        if let Some(change) = found {
            if here > indent {
                if reads_like_change(line) {
                    return Some(true);
                }
                continue;
            }
            return Some(change);
        }
        if here < indent || (here == indent && !is_item(line)) {
            return None;
        }
        if here == indent {
            let change = reads_like_change(line) || (upward && deeper);
            if upward || change {
                return Some(change);
            }
            found = Some(false);
            continue;
        }
        deeper |= upward && reads_like_change(line);
    }
    found
}

/// A list line without its indentation and block-quote markers.
pub(super) fn lead_and_rest(line: &str) -> &str {
    line.trim_start_matches([' ', '\t', '>'])
}

/// Is the doc a licence or a notice (`LICENSE.md`, `LICENSE-MIT.md`, `COPYING.md`, `NOTICE.md`,
/// `THIRD-PARTY-LICENSES.md`)?
pub fn is_license(path: &str) -> bool {
    let name = path
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(path)
        .to_ascii_lowercase();
    let stem = name.split('.').next().unwrap_or(&name);
    stem.starts_with("license")
        || stem.starts_with("licence")
        || matches!(stem, "copying" | "notice" | "notices")
        || (stem.contains("third") && (stem.contains("licen") || stem.contains("notice")))
}

/// Languages a docs site is translated into, by their ISO 639-1 codes (English left out): a folder
/// named so, alone or with a region ("de", "pt-br", "zh_CN", "zh-Hans"), holds one language's pages.
/// Codes that are English words a folder could be named ("be", "is", "my") are left out.
const LANGUAGES: &[&str] = &[
    "af", "ar", "az", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "eo", "es", "et", "eu",
    "fa", "fi", "fr", "ga", "gl", "gu", "he", "hi", "hr", "hu", "hy", "id", "it", "ja", "ka", "kk",
    "km", "kn", "ko", "lt", "lv", "mk", "ml", "mn", "mr", "ms", "nb", "ne", "nl", "nn", "no", "pa",
    "pl", "pt", "ro", "ru", "si", "sk", "sl", "sq", "sr", "sv", "sw", "ta", "te", "th", "tl", "tr",
    "uk", "ur", "uz", "vi", "zh",
];

/// Is `name` a language tag of a translation ("de", "nl-nl", "zh_CN", "pt-BR", "zh-Hans")?
fn is_language_tag(name: &str) -> bool {
    let (language, region) = match name.split_once(['-', '_']) {
        Some((l, r)) => (l, Some(r)),
        None => (name, None),
    };
    LANGUAGES.contains(&language)
        && region.is_none_or(|r| {
            (2..=4).contains(&r.len()) && r.chars().all(|c| c.is_ascii_alphabetic())
        })
}

/// Is `rel` a test's input rather than a doc: anything under a fixtures or test-data folder
/// (`fixtures/`, `__fixtures__/`, `testdata/`, `__snapshots__/`), and in a folder below a tests folder
/// (`tests/format/markdown/…`, `test/cases/…`) anything but a README, CONTRIBUTING or AGENTS page (a
/// formatter's test cases are Markdown written wrong on purpose). A page right in `tests/` may be a
/// doc about testing.
pub fn is_test_input(rel: &str) -> bool {
    let parts: Vec<&str> = rel.split(['/', '\\']).collect();
    let Some((name, folders)) = parts.split_last() else {
        return false;
    };
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    let guide = matches!(stem.as_str(), "readme" | "contributing" | "agents");
    folders.iter().enumerate().any(|(i, f)| {
        let f = f.to_ascii_lowercase();
        matches!(
            f.as_str(),
            "fixtures"
                | "__fixtures__"
                | "test-fixtures"
                | "testdata"
                | "test-data"
                | "__snapshots__"
        ) || matches!(f.as_str(), "tests" | "test" | "__tests__") && i + 1 < folders.len() && !guide
    })
}

/// Where the English page of a translation would be, when `rel` lies in a language's folder or names
/// its language before the extension: "nl-nl/api/acl.md" → "en/api/acl.md", "en-us/api/acl.md", …,
/// "api/acl.md"; "content/de/about.md" → "content/en/about.md", …, "content/about.md";
/// "guide/intro.zh-cn.md" → "guide/intro.md". The caller asks which of them exists: a translation
/// whose English source sits beside it is the translators' to change (or their tool's, which copies
/// the English text into the pages not yet translated): a fix belongs in the source.
pub fn translation_sources(rel: &str) -> Vec<String> {
    const ENGLISH: &[&str] = &["en", "en-us", "en_us", "en-US", "en_US", "en-gb", "en_GB"];
    let parts: Vec<&str> = rel.split('/').collect();
    let mut out = Vec::new();
    let Some((name, folders)) = parts.split_last() else {
        return out;
    };
    for (i, folder) in folders.iter().enumerate() {
        // "pages.nl/common/ls.md" translates "pages/common/ls.md": the language after the folder's
        // name, as "intro.zh-cn.md" has it after the file's (below).
        if let Some((stem, tag)) = folder.rsplit_once('.')
            && !stem.is_empty()
            && is_language_tag(tag)
        {
            let mut source = parts.clone();
            source[i] = stem;
            out.push(source.join("/"));
            continue;
        }
        if !is_language_tag(folder) {
            continue;
        }
        // Docusaurus: "i18n/ko/docusaurus-plugin-content-docs/current/x.md" translates "docs/x.md",
        // ".../version-2.0/x.md" "versioned_docs/version-2.0/x.md", ".../docusaurus-plugin-content-blog/
        // x.md" "blog/x.md", ".../docusaurus-plugin-content-pages/x.md" "src/pages/x.md".
        if i > 0 && folders[i - 1] == "i18n" {
            let site = &parts[..i - 1];
            let rest = &parts[(i + 1).min(parts.len())..];
            let source: Option<Vec<&str>> = match rest {
                ["docusaurus-plugin-content-docs", "current", tail @ ..] => {
                    Some([&["docs"], tail].concat())
                }
                ["docusaurus-plugin-content-docs", version, tail @ ..] => {
                    Some([&["versioned_docs", version], tail].concat())
                }
                ["docusaurus-plugin-content-blog", tail @ ..] => Some([&["blog"], tail].concat()),
                ["docusaurus-plugin-content-pages", tail @ ..] => {
                    Some([&["src", "pages"], tail].concat())
                }
                _ => None,
            };
            if let Some(source) = source {
                out.push([site, &source[..]].concat().join("/"));
            }
        }
        for english in ENGLISH {
            let mut swapped = parts.clone();
            swapped[i] = english;
            out.push(swapped.join("/"));
        }
        let mut without = parts.clone();
        without.remove(i);
        out.push(without.join("/"));
    }
    // "intro.zh-cn.md": the language between the stem and the extension.
    let mut pieces: Vec<&str> = name.split('.').collect();
    if pieces.len() >= 3 && is_language_tag(pieces[pieces.len() - 2]) {
        pieces.remove(pieces.len() - 2);
        let mut source = parts[..parts.len() - 1].to_vec();
        let plain = pieces.join(".");
        source.push(&plain);
        out.push(source.join("/"));
    }
    out
}

/// Which rules read a changelog: misspellings and doubled words.
pub(super) fn reads_changelogs(rule: &str) -> bool {
    spelling::owns(rule) || rule == crate::core::rules::repetition::RULE
}

pub(super) fn is_mdx(doc: &Doc) -> bool {
    doc.path.ends_with(".mdx")
}

/// The prose of a doc: MDX files (`.mdx`) also leave out their imports, exports and `{…}` expressions;
/// as `reading` says, the comments of fenced code and the text of HTML blocks are prose too.
pub(super) fn prose_of(doc: &Doc, reading: markdown::Reading) -> Prose {
    markdown::extract_with(
        &doc.text,
        markdown::Reading {
            mdx: is_mdx(doc),
            ..reading
        },
    )
}
