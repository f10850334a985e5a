//! Docs and blocks that are not the doc's own English prose, and which rules still read them: changelogs
//! (spelling and doubled words only), licences (nothing), translations, change-list entries, comments
//! in code blocks (spelling and grammar only).

use super::*;

/// Is the doc a changelog (`CHANGELOG.md`, `HISTORY.md`, `docs/changes.md`, `RELEASE-NOTES.md`, …)?
/// Its entries are commit and pull-request titles, kept as they were written: a reviewer fixes their
/// typos, not their style.
pub fn is_changelog(path: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    let stem = stem.replace(['-', '_', ' '], "");
    matches!(
        stem.as_str(),
        "changelog" | "changes" | "history" | "news" | "releasenotes" | "releases"
    )
}

/// Which rules read the comments of fenced code: spelling and grammar (never markup, names or links:
/// a comment names code as code does).
pub(super) fn reads_code_comments(rule: &str) -> bool {
    spelling::owns(rule) || rule.starts_with("grammar.")
}

/// Is the doc as a whole in another language than English (a translation beside the English pages)?
pub(super) fn is_foreign(prose: &Prose) -> bool {
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
    (tally.foreign >= 5 && tally.is_foreign()) || (all > 0 && other * 2 > all)
}

/// Is a block an entry of a list of changes: a list item that cites a pull request, an issue or a
/// commit ("- Fix the parser ([#123](…))", "* [[`a1b2c3d`](…/commit/a1b2c3d)] - **fs**: …")? Its words are
/// a commit's or a pull request's title, kept as they were written, so no rule reads them.
pub(super) fn is_change_entry(file: &str, block: &markdown::Block) -> bool {
    static REFERENCE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"\[#\d+\]|\(#\d+\)|/(?:pull|issues)/\d+|/commit/[0-9a-f]{7,40}|\[`?[0-9a-f]{7,40}`?\]",
        )
        .expect("static regex")
    });
    if !matches!(
        block.kind,
        markdown::BlockKind::Other | markdown::BlockKind::Paragraph
    ) {
        return false;
    }
    let (Some(first), Some(last)) = (block.segments.first(), block.segments.last()) else {
        return false;
    };
    let Some(before) = file.get(..first.src) else {
        return false;
    };
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let end = last.src + last.src_len;
    let line_end = file
        .get(end..)
        .and_then(|rest| rest.find('\n'))
        .map_or(file.len(), |i| end + i);
    let lead = before[line_start..].trim_start_matches([' ', '\t', '>']);
    // A bullet is followed by a space: "*Note: … (#123)*" is emphasis, not an entry.
    let listed = lead
        .strip_prefix(['-', '*', '+'])
        .is_some_and(|rest| rest.starts_with([' ', '\t']))
        || lead
            .split_once(['.', ')'])
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    // "- dns: set hostname property on error object (Ben Noordhuis)": a lower-case area, a colon, the
    // title and its author's name (not "- timeout: seconds to wait (default 30)").
    static TITLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^[-*+]\s+(?:\*\*)?[a-z][\w./-]*(?:\*\*)?(?:\([\w-]+\))?:\s.*\((?:[A-Z][\w.'-]*\s?){1,4}\)\s*$",
        )
        .expect("static regex")
    });
    let Some(text) = file.get(line_start..line_end) else {
        return false;
    };
    listed && (REFERENCE.is_match(text) || TITLE.is_match(lead_and_rest(text)))
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

/// Which rules read a changelog: misspellings and doubled words.
pub(super) fn reads_changelogs(rule: &str) -> bool {
    spelling::owns(rule) || rule == crate::core::rules::repetition::RULE
}

pub(super) fn is_mdx(doc: &Doc) -> bool {
    doc.path.ends_with(".mdx")
}

/// The prose of a doc: MDX files (`.mdx`) also leave out their imports, exports and `{…}` expressions;
/// with `comments`, the comments of fenced code are prose too.
pub(super) fn prose_of(doc: &Doc, comments: bool) -> Prose {
    markdown::extract_with(
        &doc.text,
        markdown::Reading {
            mdx: is_mdx(doc),
            comments,
        },
    )
}
