//! `guideline.<slug>.<n>`: rules and test cases from a team's review-guideline files.
//!
//! A guideline file is Markdown with YAML front matter (`title`, `description`, and anything else), a
//! body of advice, and optionally a JSON list of past review discussions after the body (or in a
//! sibling `NAME.json`):
//!
//! - "Incorrect: X" followed by "Correct: Y" becomes a literal substitution rule X → Y;
//! - "A not B" (two spellings of one name: "Node.js not NodeJS") and "use A instead of B" become
//!   terminology entries B → A;
//! - every ```` ```suggestion ```` block in a discussion becomes an [`Example`]: the lines the reviewer
//!   saw and the lines they proposed, for `docreview guidelines test`.
//!
//! Everything here is pure: the caller reads the files. A part that cannot be used (a front matter
//! line, a suggestion block) is reported as a [`Problem`] with its line, and the rest still loads;
//! a file that cannot be read as a guideline at all (front matter never closed, discussions that
//! are not JSON) is [`Guideline::malformed`], which stops the command.

use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use crate::core::suggestions::{new_lines, suggestion_blocks};
use regex::Regex;
use serde::Deserialize;
use std::sync::LazyLock;

mod derive;
mod discussions;

use derive::*;
use discussions::*;

/// A line that starts a JSON array: the discussions of a guideline pasted into it.
static JSON_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[\s*(\{|\])").expect("valid regex"));

/// One loaded guideline file.
#[derive(Debug, Clone, Default)]
pub struct Guideline {
    /// The file as the user named it.
    pub path: String,
    /// From the file name: `review/name-products.md` → `name-products`.
    pub slug: String,
    pub title: String,
    pub description: String,
    /// Every front matter field, in file order (title and description included).
    pub fields: Vec<(String, String)>,
    pub rules: Vec<GuidelineRule>,
    pub examples: Vec<Example>,
    pub problems: Vec<Problem>,
    /// What makes the file unreadable as a guideline (`path:line:column: what`): its front matter is
    /// not closed, its discussions are not JSON. Such a file stops every command, as a broken config
    /// does: fixes written under half a guideline are not what its team asked for.
    pub malformed: Option<String>,
}

impl Guideline {
    /// The same guideline under another slug (its rules renamed to match).
    pub fn with_slug(mut self, slug: &str) -> Guideline {
        for (i, r) in self.rules.iter_mut().enumerate() {
            r.id = format!("guideline.{slug}.{}", i + 1);
        }
        self.slug = slug.to_owned();
        self
    }
}

/// Where a derived rule came from in the guideline's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// An "Incorrect: X" / "Correct: Y" pair.
    Pair,
    /// "A not B" or "use A instead of B".
    Term,
}

/// A rule derived from a guideline: find `wrong` in prose (as a whole word or phrase, case as
/// written), replace it with `right`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GuidelineRule {
    /// `guideline.<slug>.<n>`.
    pub id: String,
    pub wrong: String,
    pub right: String,
    pub kind: Kind,
    /// Where it was derived from: the guideline's path and 1-based line.
    pub source: String,
    pub line: usize,
    /// The guideline's title and description: the "why" every finding cites.
    pub title: String,
    pub description: String,
}

impl GuidelineRule {
    pub fn message(&self) -> String {
        let why = if self.description.is_empty() {
            String::new()
        } else {
            format!(": {}", self.description.trim_end_matches('.'))
        };
        format!(
            "Write \"{}\", not \"{}\" (guideline \"{}\"{why}).",
            self.right, self.wrong, self.title
        )
    }
}

/// A reviewer's suggestion from a past discussion: the passage before and after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub discussion: String,
    pub pr_number: Option<u64>,
    pub pr_file: String,
    pub author: String,
    /// The comment's words without the suggestion block.
    pub comment: String,
    /// The new-file lines of the commented hunk, each ending in a newline.
    pub before: String,
    /// `before` with the suggestion applied.
    pub after: String,
    /// Byte range of `before` the suggestion replaces.
    pub changed: std::ops::Range<usize>,
}

/// Something in a guideline that could not be used; the rest of the file still loads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    /// 1-based; 0 when the problem is the whole file.
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path, self.message)
        } else {
            write!(f, "{}:{}: {}", self.path, self.line, self.message)
        }
    }
}

/// `Name Products.md` → `name-products`.
pub fn slug(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let mut out = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "guideline".into()
    } else {
        out
    }
}

/// Parses a guideline file. `sibling` is the text of `NAME.json` next to it, with its path, if any.
pub fn parse(path: &str, text: &str, sibling: Option<(&str, &str)>) -> Guideline {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut g = Guideline {
        path: path.to_owned(),
        slug: slug(path),
        ..Guideline::default()
    };
    let problem = |line: usize, message: String| Problem {
        path: path.to_owned(),
        line,
        message,
    };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // Front matter.
    let mut body_start = 0;
    if lines.first().is_some_and(|l| l.trim_end() == "---") {
        match lines
            .iter()
            .skip(1)
            .position(|l| matches!(l.trim_end(), "---" | "..."))
        {
            None => {
                g.malformed = Some(format!(
                    "{path}:1:1: the front matter has no closing \"---\" line"
                ));
            }
            Some(end) => {
                let end = end + 1;
                for (i, line) in lines[1..end].iter().enumerate() {
                    let n = i + 2;
                    let raw = line.trim_end();
                    let t = raw.trim_start();
                    if t.is_empty() || t.starts_with('#') {
                        continue;
                    }
                    if raw.starts_with([' ', '\t']) || t.starts_with("- ") {
                        // A nested value (a list or a map under the previous key): not used.
                        continue;
                    }
                    match t.split_once(':') {
                        Some((key, value)) if !key.trim().is_empty() && !key.contains(' ') => {
                            let value = unquote(value.trim());
                            let key = key.trim().to_owned();
                            match key.as_str() {
                                "title" => g.title = value.clone(),
                                "description" => g.description = value.clone(),
                                _ => {}
                            }
                            g.fields.push((key, value));
                        }
                        _ => g.problems.push(problem(
                            n,
                            format!("front matter: expected \"key: value\", found \"{t}\""),
                        )),
                    }
                }
                body_start = end + 1;
            }
        }
    } else {
        g.problems.push(problem(
            1,
            "no front matter (a \"---\" line, then title: and description:)".into(),
        ));
    }
    if g.title.is_empty() {
        g.title = g.slug.clone();
    }
    // The body runs up to a JSON list, if one follows it.
    let mut body_end = lines.len();
    let mut fence: Option<String> = None;
    for (i, line) in lines.iter().enumerate().skip(body_start) {
        if in_code(&mut fence, line) {
            continue;
        }
        if line.starts_with('[') && JSON_START.is_match(&lines[i..].concat()) {
            body_end = i;
            break;
        }
    }
    derive_rules(&mut g, &lines, body_start, body_end);
    if body_end < lines.len() {
        let json = lines[body_end..].concat();
        read_discussions(&mut g, path, &json, body_end);
    }
    if let Some((json_path, json)) = sibling {
        read_discussions(&mut g, json_path, json, 0);
    }
    g
}

/// Follows fenced code blocks line by line: true for a fence line or a line inside a block.
fn in_code(fence: &mut Option<String>, line: &str) -> bool {
    let t = line.trim_start();
    if let Some(f) = fence {
        if t.starts_with(f.as_str()) {
            *fence = None;
        }
        return true;
    }
    if t.starts_with("```") || t.starts_with("~~~") {
        *fence = Some(t[..3].to_owned());
        return true;
    }
    false
}

/// The checker for every loaded guideline's rules.
pub struct Guidelines {
    rules: Vec<(GuidelineRule, Regex)>,
}

impl Guidelines {
    pub fn new(rules: &[GuidelineRule]) -> Guidelines {
        let rules = rules
            .iter()
            .filter_map(|r| {
                let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                // Whole words only where the text starts or ends with a letter or digit.
                let start = if word(r.wrong.chars().next()) {
                    r"\b"
                } else {
                    ""
                };
                let end = if word(r.wrong.chars().last()) {
                    r"\b"
                } else {
                    ""
                };
                let body = regex::escape(&r.wrong).replace(' ', r"\s+");
                Regex::new(&format!("{start}{body}{end}"))
                    .ok()
                    .map(|re| (r.clone(), re))
            })
            .collect();
        Guidelines { rules }
    }
}

impl Checker for Guidelines {
    fn rules(&self) -> Vec<RuleInfo> {
        self.rules
            .iter()
            .map(|(r, _)| RuleInfo {
                link: None,
                id: r.id.clone(),
                severity: Severity::Warning,
                safety: Safety::Review,
                default_on: true,
                summary: format!("\"{}\" → \"{}\" ({})", r.wrong, r.right, r.title),
                explain: format!(
                    "From the review guideline \"{}\" ({}, line {}).\n{}\n\n{}: \"{}\" becomes \"{}\".",
                    r.title,
                    r.source,
                    r.line,
                    r.description,
                    match r.kind {
                        Kind::Pair => "An Incorrect/Correct pair",
                        Kind::Term => "A preferred spelling",
                    },
                    r.wrong,
                    r.right
                ),
            })
            .collect()
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        for (rule, re) in self.rules.iter().filter(|(r, _)| active.has(&r.id)) {
            for (b, block) in doc.prose.blocks.iter().enumerate() {
                for m in re.find_iter(&block.text) {
                    out.push(Hit {
                        block: b,
                        range: m.range(),
                        rule: rule.id.clone(),
                        message: rule.message(),
                        replacements: vec![rule.right.clone()],
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "---\n\
title: Name products exactly\n\
description: Spell product and library names the way their owners do.\n\
repository: example/widgets\n\
label: Documentation\n\
language: Markdown\n\
---\n\
Key practices:\n\
1. Use the owners' spelling:\n   \
   - Incorrect: \"the GITHUB API\"\n   \
   - Correct: \"the GitHub API\"\n\
2. Keep names consistent (e.g., Node.js not NodeJS).\n\
3. Do not use jargon; use \"use\" instead of \"utilize\".\n\
\n\
[ { \"discussion_id\": \"1\", \"pr_number\": 7, \"pr_file\": \"docs/intro.md\", \"created_at\": \"2024-01-02T03:04:05Z\",\n\
    \"commented_code\": \"@@ -1,3 +1,3 @@\\n # Intro\\n-old\\n+Call the GITHUB API first.\",\n\
    \"discussion_comments\": [ { \"comment_id\": \"1\", \"comment_author\": \"someone\",\n\
       \"comment_body\": \"Owners' spelling.\\n```suggestion\\nCall the GitHub API first.\\n```\" } ] } ]\n";

    #[test]
    fn front_matter_pairs_terms_and_discussions() {
        let g = parse("review/Name Products.md", FILE, None);
        assert_eq!(g.problems, []);
        assert_eq!(g.slug, "name-products");
        assert_eq!(g.title, "Name products exactly");
        assert_eq!(g.fields.len(), 5);
        let rules: Vec<(&str, &str, &str, Kind, usize)> = g
            .rules
            .iter()
            .map(|r| {
                (
                    r.id.as_str(),
                    r.wrong.as_str(),
                    r.right.as_str(),
                    r.kind,
                    r.line,
                )
            })
            .collect();
        assert_eq!(
            rules,
            [
                (
                    "guideline.name-products.1",
                    "the GITHUB API",
                    "the GitHub API",
                    Kind::Pair,
                    10
                ),
                (
                    "guideline.name-products.2",
                    "NodeJS",
                    "Node.js",
                    Kind::Term,
                    12
                ),
                (
                    "guideline.name-products.3",
                    "utilize",
                    "use",
                    Kind::Term,
                    13
                ),
            ]
        );
        assert_eq!(g.examples.len(), 1);
        let e = &g.examples[0];
        assert_eq!(e.before, "# Intro\nCall the GITHUB API first.\n");
        assert_eq!(e.after, "# Intro\nCall the GitHub API first.\n");
        assert_eq!(&e.before[e.changed.clone()], "Call the GITHUB API first.\n");
        assert_eq!(
            (e.author.as_str(), e.comment.as_str()),
            ("someone", "Owners' spelling.")
        );
        assert_eq!(e.pr_number, Some(7));
        assert!(g.rules[0].message().contains("Name products exactly"));
        assert!(g.rules[0].message().contains("the way their owners do"));
    }

    #[test]
    fn prose_with_not_is_not_a_rule() {
        let g = parse(
            "g.md",
            "---\ntitle: T\n---\nDo not use this. Write clearly, not loosely. Use it instead of that.\n",
            None,
        );
        assert_eq!(g.rules, []);
    }

    #[test]
    fn unusable_parts_are_problems_with_lines_and_a_broken_file_is_malformed() {
        let g = parse(
            "g.md",
            "---\ntitle: T\nthis is not a field\n---\nIncorrect: `ONEDNN`\nCorrect: `oneDNN`\n",
            None,
        );
        assert_eq!(g.rules.len(), 1, "{:?}", g.rules);
        let lines: Vec<usize> = g.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [3], "{:?}", g.problems);
        assert_eq!(g.malformed, None);
        let json = parse(
            "g.md",
            "---\ntitle: T\n---\nIncorrect: `ONEDNN`\nCorrect: `oneDNN`\n\n[ {\"discussion_id\": 1,\n  oops } ]\n",
            None,
        );
        assert_eq!(
            json.malformed.as_deref(),
            Some("g.md:8:3: the discussions are not valid JSON: key must be a string")
        );
        let open = parse("g.md", "---\ntitle: T\nIncorrect: \"a\"\n", None);
        assert_eq!(
            open.malformed.as_deref(),
            Some("g.md:1:1: the front matter has no closing \"---\" line")
        );
        let none = parse("g.md", "Just advice.\n", None);
        assert_eq!(none.problems.len(), 1);
    }

    #[test]
    fn sibling_json_and_suggestion_shapes() {
        let json = r#"[{"discussion_id": 5, "commented_code": "@@ -1,4 +1,4 @@\n a\n b\n-c\n+c\n+d",
            "discussion_comments": [
              {"comment_author": "x", "comment_body": "Both lines:\n```suggestion\nC\nD\n```"},
              {"comment_author": "y", "comment_body": "Drop it.\n```suggestion\n```"},
              {"comment_author": "z", "comment_body": "```suggestion\nnever closed"}
            ]}]"#;
        let g = parse("g.md", "---\ntitle: T\n---\n", Some(("g.json", json)));
        assert_eq!(g.examples.len(), 2);
        assert_eq!(g.examples[0].before, "a\nb\nc\nd\n");
        assert_eq!(g.examples[0].after, "a\nb\nC\nD\n");
        assert_eq!(
            g.examples[1].after, "a\nb\nc\n",
            "an empty block deletes the line"
        );
        assert_eq!(g.problems.len(), 1);
        assert!(g.problems[0].message.contains("not closed"));
        assert_eq!(
            (g.problems[0].path.as_str(), g.problems[0].line),
            ("g.json", 1)
        );
        let bad = parse("g.md", "---\ntitle: T\n---\n", Some(("g.json", "[1, 2")));
        assert_eq!(
            bad.malformed.as_deref(),
            Some(
                "g.json:1:2: the discussions are not a list of review discussions: invalid type: \
                 integer `1`, expected struct Discussion"
            )
        );
    }

    #[test]
    fn rules_match_whole_words_in_prose() {
        let g = parse("g.md", FILE, None);
        let checker = Guidelines::new(&g.rules);
        let ids: Vec<&str> = g.rules.iter().map(|r| r.id.as_str()).collect();
        let hits = crate::core::rules::hits_in(
            &checker,
            &ids,
            "Call the GITHUB API from NodeJS, not NodeJSX; `NodeJS` stays.\n",
        );
        let got: Vec<(&str, &str)> = hits
            .iter()
            .map(|(_, text, r)| (text.as_str(), r[0].as_str()))
            .collect();
        assert_eq!(
            got,
            [("the GITHUB API", "the GitHub API"), ("NodeJS", "Node.js")]
        );
    }
}
