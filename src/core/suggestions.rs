//! Reviewers' ```` ```suggestion ```` comments from a pull request, as findings on today's files.
//!
//! Two JSON shapes are read: GitHub's review comments (the list the `pulls/N/comments` REST endpoint
//! returns: `path`, `line`, `start_line`, `original_line`, `diff_hunk`, `body`, `user.login`,
//! `html_url`, `created_at`) and the discussions format of guideline files (`pr_file`,
//! `commented_code`, `discussion_comments`). A suggestion replaces the last lines of the commented
//! hunk; [`locate`] finds those lines in the current file by their text (nearest the line the comment
//! was on), so a suggestion follows text that moved, is "done" when its text is already there, and
//! "outdated" when the lines it replaces are gone.

use crate::core::finding::{Finding, Safety, Severity, fingerprint};
use serde_json::Value;
use std::ops::Range;

/// The new-file lines of a diff hunk (lines starting with '+' or ' '; '-' lines are gone), without
/// the '@@' header.
pub fn new_lines(hunk: &str) -> Vec<String> {
    hunk.lines()
        .filter(|l| !l.starts_with("@@") && !l.starts_with('\\'))
        .filter_map(|l| {
            if let Some(rest) = l.strip_prefix('+').or_else(|| l.strip_prefix(' ')) {
                Some(rest.trim_end_matches('\r').to_owned())
            } else if l.starts_with('-') {
                None
            } else {
                // An empty context line whose leading space was trimmed away.
                Some(l.trim_end_matches('\r').to_owned())
            }
        })
        .collect()
}

/// What a review comment holds ([`suggestion_blocks`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentParts {
    /// Its ```` ```suggestion ```` blocks, each as its lines.
    pub blocks: Vec<Vec<String>>,
    /// The comment's other words.
    pub words: String,
    /// A suggestion block was left open.
    pub unclosed: bool,
}

/// Splits a review comment into its ```` ```suggestion ```` blocks and its other words.
pub fn suggestion_blocks(body: &str) -> CommentParts {
    let mut blocks = Vec::new();
    let mut words = Vec::new();
    let mut open: Option<(String, Vec<String>)> = None;
    for line in body.lines() {
        let line = line.trim_end_matches('\r');
        match &mut open {
            Some((fence, lines)) => {
                let t = line.trim();
                if t.starts_with(fence.as_str()) && t.chars().all(|c| fence.starts_with(c)) {
                    blocks.push(std::mem::take(lines));
                    open = None;
                } else {
                    lines.push(line.to_owned());
                }
            }
            None => {
                let t = line.trim_start();
                let ticks: String = t.chars().take_while(|&c| c == '`' || c == '~').collect();
                if ticks.len() >= 3 && t[ticks.len()..].trim() == "suggestion" {
                    open = Some((ticks, Vec::new()));
                } else {
                    words.push(line);
                }
            }
        }
    }
    CommentParts {
        blocks,
        words: words.join("\n").trim().to_owned(),
        unclosed: open.is_some(),
    }
}

/// One suggestion block from one comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The file, relative to the repository root.
    pub path: String,
    pub author: String,
    /// The comment's words, without the suggestion block.
    pub comment: String,
    pub url: String,
    pub created_at: String,
    /// The lines it replaces, as the reviewer saw them.
    pub old: Vec<String>,
    /// The lines the reviewer proposed (empty: delete `old`).
    pub new: Vec<String>,
    /// The hunk's line just before `old`, if any (tells a deletion that is done from one that is gone).
    pub context: Option<String>,
    /// The 1-based line where `old` started, when known.
    pub line: Option<usize>,
    /// Position in the input, to order comments made at the same time.
    pub order: usize,
}

/// Where a suggestion stands against the current text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// It applies: replace `range` (whole lines, with their line ends) with `replacement`.
    Ready {
        range: Range<usize>,
        replacement: String,
    },
    /// The file already reads as suggested.
    Done,
    /// The lines it replaces are no longer in the file.
    Outdated,
}

/// What a suggestions file holds: the suggestions, and one line for each item that could not be used
/// (located by the item's position in the list).
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub suggestions: Vec<Suggestion>,
    pub skipped: Vec<String>,
}

/// Reads either JSON shape. An input that is not a JSON list is an error; items that cannot be used
/// are problems, and the rest still loads.
pub fn parse(json: &str) -> Result<Parsed, crate::core::Located> {
    let value: Value =
        serde_json::from_str(json).map_err(|e| crate::core::Located::json(&e, "not valid JSON"))?;
    let Value::Array(items) = value else {
        return Err(crate::core::Located::file(
            "expected a JSON list of review comments".into(),
        ));
    };
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let n = i + 1;
        let str_of =
            |v: &Value, key: &str| v.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
        let num_of = |v: &Value, key: &str| {
            v.get(key)
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
        };
        if let Some(comments) = item.get("discussion_comments").and_then(Value::as_array) {
            let path = str_of(item, "pr_file");
            let hunk = str_of(item, "commented_code");
            let created = str_of(item, "created_at");
            for c in comments {
                let body = str_of(c, "comment_body");
                let author = str_of(c, "comment_author");
                push_blocks(
                    &mut out,
                    &mut problems,
                    n,
                    Source {
                        path: &path,
                        hunk: &hunk,
                        body: &body,
                        author: &author,
                        url: "",
                        created: &created,
                        lines: None,
                        line: None,
                    },
                );
            }
        } else if item.get("diff_hunk").is_some() || item.get("body").is_some() {
            let line = num_of(item, "line").or_else(|| num_of(item, "original_line"));
            let start = num_of(item, "start_line").or_else(|| num_of(item, "original_start_line"));
            let lines = match (start, line) {
                (Some(s), Some(l)) if l >= s => Some(l - s + 1),
                (_, Some(_)) => Some(1),
                _ => None,
            };
            let author = item
                .get("user")
                .and_then(|u| u.get("login"))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            push_blocks(
                &mut out,
                &mut problems,
                n,
                Source {
                    path: &str_of(item, "path"),
                    hunk: &str_of(item, "diff_hunk"),
                    body: &str_of(item, "body"),
                    author: &author,
                    url: &str_of(item, "html_url"),
                    created: &str_of(item, "created_at"),
                    lines,
                    line: line.zip(lines).map(|(l, k)| (l + 1).saturating_sub(k)),
                },
            );
        } else {
            problems.push(format!(
                "item {n}: neither a GitHub review comment (diff_hunk, body) nor a discussion (commented_code, discussion_comments)"
            ));
        }
    }
    for (i, s) in out.iter_mut().enumerate() {
        s.order = i;
    }
    Ok(Parsed {
        suggestions: out,
        skipped: problems,
    })
}

struct Source<'a> {
    path: &'a str,
    hunk: &'a str,
    body: &'a str,
    author: &'a str,
    url: &'a str,
    created: &'a str,
    /// How many lines the comment covers, when the input says.
    lines: Option<usize>,
    /// The first commented line, when the input says.
    line: Option<usize>,
}

fn push_blocks(out: &mut Vec<Suggestion>, problems: &mut Vec<String>, n: usize, s: Source<'_>) {
    let CommentParts {
        blocks,
        words: comment,
        unclosed,
    } = suggestion_blocks(s.body);
    if unclosed {
        problems.push(format!(
            "item {n}: a suggestion block by {} is not closed; it is skipped",
            or_unknown(s.author)
        ));
    }
    if blocks.is_empty() {
        return;
    }
    if s.path.is_empty() {
        problems.push(format!("item {n}: no file path"));
        return;
    }
    let hunk = new_lines(s.hunk);
    for block in blocks {
        let k = s.lines.unwrap_or(block.len()).max(1);
        if hunk.len() < k {
            problems.push(format!(
                "item {n}: the diff hunk has fewer lines than the suggestion replaces ({k})"
            ));
            continue;
        }
        let first = hunk.len() - k;
        // Without a line number, the hunk header says where the hunk starts in the new file.
        let line = s
            .line
            .or_else(|| new_start(s.hunk).map(|start| start + first));
        out.push(Suggestion {
            path: s.path.to_owned(),
            author: s.author.to_owned(),
            comment: comment.clone(),
            url: s.url.to_owned(),
            created_at: s.created.to_owned(),
            old: hunk[first..].to_vec(),
            new: block,
            context: first.checked_sub(1).map(|i| hunk[i].clone()),
            line,
            order: 0,
        });
    }
}

fn or_unknown(author: &str) -> &str {
    if author.is_empty() { "someone" } else { author }
}

/// The new-file start line of a hunk: `@@ -a,b +c,d @@` → c.
fn new_start(hunk: &str) -> Option<usize> {
    let header = hunk.lines().next()?.strip_prefix("@@ ")?;
    let plus = header.split_whitespace().find(|p| p.starts_with('+'))?;
    plus[1..].split(',').next()?.parse().ok()
}

/// Each line of `text` with its byte range (line end included) and its content (line end excluded).
fn lines_of(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for l in text.split_inclusive('\n') {
        let content = l.strip_suffix('\n').unwrap_or(l);
        let content = content.strip_suffix('\r').unwrap_or(content);
        out.push((pos..pos + l.len(), content));
        pos += l.len();
    }
    out
}

/// Where `want` (consecutive lines) occurs in `lines`, nearest to the 1-based `near`.
fn find_lines(
    lines: &[(Range<usize>, &str)],
    want: &[String],
    near: Option<usize>,
) -> Option<usize> {
    if want.is_empty() || want.len() > lines.len() {
        return None;
    }
    (0..=lines.len() - want.len())
        .filter(|&i| want.iter().enumerate().all(|(j, w)| lines[i + j].1 == w))
        .min_by_key(|&i| near.map_or(i, |n| (i + 1).abs_diff(n)))
}

/// Finds a suggestion's lines in the current text of its file.
pub fn locate(text: &str, s: &Suggestion) -> Standing {
    let lines = lines_of(text);
    if let Some(i) = find_lines(&lines, &s.old, s.line) {
        if s.old == s.new {
            return Standing::Done;
        }
        let last = &lines[i + s.old.len() - 1].0;
        let ending = &text[last.start..last.end];
        let newline = if ending.ends_with("\r\n") {
            "\r\n"
        } else if ending.ends_with('\n') {
            "\n"
        } else {
            ""
        };
        let mut replacement = s.new.join(if newline.is_empty() { "\n" } else { newline });
        if !s.new.is_empty() {
            replacement.push_str(newline);
        }
        return Standing::Ready {
            range: lines[i].0.start..last.end,
            replacement,
        };
    }
    if s.new.is_empty() {
        // A deletion whose lines are gone: done if the line before them is still there.
        let context_there = s
            .context
            .as_ref()
            .is_none_or(|c| lines.iter().any(|(_, l)| l == c));
        return if context_there {
            Standing::Done
        } else {
            Standing::Outdated
        };
    }
    if find_lines(&lines, &s.new, s.line).is_some() {
        Standing::Done
    } else {
        Standing::Outdated
    }
}

/// The suggestions of one file that apply, and those another one overlapping it supersedes: of two
/// on the same lines, the later comment wins.
pub fn resolve(ready: Vec<(Suggestion, Range<usize>, String)>) -> Resolved {
    let mut ready = ready;
    // Latest first.
    ready.sort_by(|a, b| {
        (b.0.created_at.as_str(), b.0.order).cmp(&(a.0.created_at.as_str(), a.0.order))
    });
    let mut kept: Vec<(Suggestion, Range<usize>, String)> = Vec::new();
    let mut superseded = Vec::new();
    for r in ready {
        let overlaps = kept.iter().any(|k| {
            r.1.start < k.1.end.max(k.1.start + 1) && k.1.start < r.1.end.max(r.1.start + 1)
        });
        if overlaps {
            superseded.push(r.0);
        } else {
            kept.push(r);
        }
    }
    kept.sort_by_key(|k| k.1.start);
    Resolved {
        kept,
        superseded,
        done: Vec::new(),
        outdated: Vec::new(),
    }
}

pub struct Resolved {
    pub kept: Vec<(Suggestion, Range<usize>, String)>,
    pub superseded: Vec<Suggestion>,
    /// Already applied.
    pub done: Vec<Suggestion>,
    /// Their lines are no longer in the file.
    pub outdated: Vec<Suggestion>,
}

/// One file's suggestions against its current text: which apply, which are done, outdated, or
/// superseded by a later one on the same lines.
pub fn sort(text: &str, suggestions: impl IntoIterator<Item = Suggestion>) -> Resolved {
    let mut ready = Vec::new();
    let (mut done, mut outdated) = (Vec::new(), Vec::new());
    for s in suggestions {
        match locate(text, &s) {
            Standing::Ready { range, replacement } => ready.push((s, range, replacement)),
            Standing::Done => done.push(s),
            Standing::Outdated => outdated.push(s),
        }
    }
    Resolved {
        done,
        outdated,
        ..resolve(ready)
    }
}

/// The rule id of an author's suggestions: `suggestion.<login>` (lower case, '-' for anything else).
pub fn rule_of(author: &str) -> String {
    let login: String = or_unknown(author)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("suggestion.{login}")
}

/// A suggestion that applies, as a finding on `text` (the file as on disk, shown as `path`).
pub fn finding(
    path: &str,
    text: &str,
    s: &Suggestion,
    range: Range<usize>,
    replacement: String,
) -> Finding {
    let before = &text[..range.start];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let rule = rule_of(&s.author);
    let message = if s.comment.is_empty() {
        format!("Suggested change by {}.", or_unknown(&s.author))
    } else {
        format!(
            "{} (suggested by {})",
            s.comment.replace('\n', " "),
            or_unknown(&s.author)
        )
    };
    let matched = text[range.clone()].to_owned();
    Finding {
        path: path.to_owned(),
        fingerprint: fingerprint(&rule, &matched, &s.new.join("\n"), s.order),
        rule,
        severity: Severity::Warning,
        message,
        line,
        column,
        start: range.start,
        end: range.end,
        text: matched,
        replacements: vec![replacement],
        safety: Safety::Review,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn github(
        path: &str,
        hunk: &str,
        body: &str,
        line: usize,
        start: Option<usize>,
        at: &str,
    ) -> Value {
        serde_json::json!({
            "path": path, "line": line, "start_line": start, "original_line": line,
            "diff_hunk": hunk, "body": body, "user": {"login": "Rev-Iewer"},
            "html_url": "https://example.invalid/c", "created_at": at,
        })
    }

    fn one(v: Value) -> Suggestion {
        let Parsed {
            suggestions: mut s,
            skipped: problems,
        } = parse(&v.to_string()).expect("parses");
        assert_eq!(problems, Vec::<String>::new());
        assert_eq!(s.len(), 1, "{s:?}");
        s.remove(0)
    }

    const HUNK: &str =
        "@@ -1,3 +1,4 @@\n # Guide\n \n-Old line.\n+Install on Github.\n+Then run it.";

    #[test]
    fn github_comments_locate_follow_moves_and_know_done_and_outdated() {
        // GitHub's hunk ends at the commented line.
        let s = one(serde_json::json!([github(
            "docs/a.md",
            "@@ -1,3 +1,3 @@\n # Guide\n \n-Old line.\n+Install on Github.",
            "Name it right.\n```suggestion\nInstall on GitHub.\n```",
            3,
            None,
            "2024-01-01T00:00:00Z"
        )]));
        assert_eq!(s.old, ["Install on Github."]);
        assert_eq!(s.line, Some(3));
        assert_eq!(s.comment, "Name it right.");
        assert_eq!(rule_of(&s.author), "suggestion.rev-iewer");
        let text = "# Guide\n\nInstall on Github.\nThen run it.\n";
        let Standing::Ready { range, replacement } = locate(text, &s) else {
            panic!("not ready")
        };
        assert_eq!(&text[range.clone()], "Install on Github.\n");
        assert_eq!(replacement, "Install on GitHub.\n");
        // Moved down by two lines: followed.
        let moved = "# Guide\n\nNew.\n\nInstall on Github.\nThen run it.\n";
        assert!(matches!(locate(moved, &s), Standing::Ready { range, .. } if range.start == 15));
        assert_eq!(
            locate("# Guide\n\nInstall on GitHub.\n", &s),
            Standing::Done
        );
        assert_eq!(
            locate("# Guide\n\nSomething else.\n", &s),
            Standing::Outdated
        );
    }

    #[test]
    fn multi_line_deletion_and_crlf() {
        let s = one(serde_json::json!([github(
            "a.md",
            HUNK,
            "```suggestion\nInstall on GitHub, then run it.\n```",
            4,
            Some(3),
            ""
        )]));
        assert_eq!(s.old, ["Install on Github.", "Then run it."]);
        let text = "# Guide\r\n\r\nInstall on Github.\r\nThen run it.\r\n";
        let Standing::Ready { range, replacement } = locate(text, &s) else {
            panic!("not ready")
        };
        assert_eq!(&text[range], "Install on Github.\r\nThen run it.\r\n");
        assert_eq!(replacement, "Install on GitHub, then run it.\r\n");
        let del = one(serde_json::json!([github(
            "a.md",
            HUNK,
            "Drop it.\n```suggestion\n```",
            4,
            None,
            ""
        )]));
        assert!(del.new.is_empty());
        let text = "# Guide\n\nInstall on Github.\nThen run it.\n";
        assert!(
            matches!(locate(text, &del), Standing::Ready { replacement, .. } if replacement.is_empty())
        );
        assert_eq!(
            locate("# Guide\n\nInstall on Github.\n", &del),
            Standing::Done
        );
    }

    #[test]
    fn discussions_shape_uses_the_hunk_header_for_the_line() {
        let json = r#"[{"discussion_id": "1", "pr_file": "docs/intro.md",
            "commented_code": "@@ -1,3 +10,3 @@\n # Intro\n-old\n+Call the GITHUB API first.",
            "discussion_comments": [{"comment_author": "someone",
              "comment_body": "```suggestion\nCall the GitHub API first.\n```"}]}]"#;
        let s = parse(json).expect("parses").suggestions;
        assert_eq!(s[0].line, Some(11));
        assert_eq!(s[0].path, "docs/intro.md");
        assert_eq!(s[0].old, ["Call the GITHUB API first."]);
    }

    #[test]
    fn the_later_of_two_overlapping_suggestions_wins() {
        let a = Suggestion {
            path: "a.md".into(),
            author: "early".into(),
            comment: String::new(),
            url: String::new(),
            created_at: "2024-01-01".into(),
            old: vec![],
            new: vec![],
            context: None,
            line: None,
            order: 0,
        };
        let b = Suggestion {
            author: "late".into(),
            created_at: "2024-02-01".into(),
            order: 1,
            ..a.clone()
        };
        let c = Suggestion {
            author: "elsewhere".into(),
            order: 2,
            ..a.clone()
        };
        let r = resolve(vec![
            (a, 0..10, "x".into()),
            (b, 5..12, "y".into()),
            (c, 20..30, "z".into()),
        ]);
        let kept: Vec<&str> = r.kept.iter().map(|k| k.0.author.as_str()).collect();
        assert_eq!(kept, ["late", "elsewhere"]);
        assert_eq!(r.superseded[0].author, "early");
    }

    #[test]
    fn bad_input_is_an_error_or_a_problem() {
        assert!(parse("{").is_err());
        assert!(parse("{}").is_err());
        let Parsed {
            suggestions: s,
            skipped: problems,
        } = parse(r#"[{"x": 1}, {"path": "a.md", "diff_hunk": "@@ -1 +1 @@\n+a", "body": "```suggestion\nb"}]"#)
            .expect("a list");
        assert!(s.is_empty());
        assert_eq!(problems.len(), 2, "{problems:?}");
    }
}
