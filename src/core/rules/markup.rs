//! `markup.inline-code`: code written as prose. Identifiers, calls, file names and paths read as code
//! only when they are formatted as code (`` `req.body` ``, `` `HF_ENDPOINT` ``, `` `next()` ``); reviewers
//! ask for the backticks again and again. Only shapes that cannot be English are flagged:
//!
//! - words joined by underscores (`snake_case`, `SCREAMING_SNAKE`, `group_outputs=True`);
//! - calls (`next()`, `app.use()`, `type(x)`, `Client::build()`);
//! - camelCase that starts with two lower-case letters (`classNames`, `isUsernameAvailable`), unless
//!   it is a known name (`macOS`, `oneDNN`);
//! - member access of lower-case names (`req.body`, `styles.root`), not domain names;
//! - file names with a common extension (`index.html`, `stylecop.json`) and dotfiles (`.gitignore`);
//! - paths (`/var/lib/app`, `~/.cache/uv`, `./build`, `@prisma/client`).
//!
//! The fix wraps the token in backticks; it needs a human's look (the text may mean the word).

use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use crate::core::markdown::PLACEHOLDER;
use regex::Regex;
use std::sync::LazyLock;

pub const RULE: &str = "markup.inline-code";

static UNDERSCORED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Za-z][A-Za-z0-9]*(?:_+[A-Za-z0-9]+)+(?:=[\w.-]+)?$").expect("regex")
});
static CALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Za-z_][\w]*(?:(?:\.|::)[A-Za-z_]\w*)*\([^()\s]*\)$").expect("regex")
});
/// camelCase: two lower-case letters, then a capitalised part ("classNames"); a lower-case prefix on an
/// acronym ("macFUSE", "iOS") is a product's name.
static CAMEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z]{2,}[A-Z][a-z0-9][A-Za-z0-9]*$").expect("regex"));
/// PascalCase type names with a suffix only code uses: `TypeError`, `DefaultAzureCredential`,
/// `HttpClient`, `BatchSpanProcessor`.
static TYPE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[A-Z][a-z0-9]+)+(?:Error|Exception|Credential|Client|Builder|Handler|Provider|Factory|Options|Listener|Callback|Adapter|Controller|Exporter|Processor)$",
    )
    .expect("regex")
});
static MEMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z_][a-z0-9_]+(?:\.[a-z_][A-Za-z0-9_]+)+$").expect("regex"));
static FILE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[\w-]+(?:\.[\w-]+)*\.(?:json|jsonc|yaml|yml|toml|html|htm|js|mjs|cjs|ts|tsx|jsx|py|rs|go|sh|bash|txt|xml|csv|lock|cfg|ini|conf|properties|gradle|java|kt|rb|php|cpp|hpp|cs|swift|sql|proto|ipynb|dockerfile)|\.[a-z][\w.-]+)$",
    )
    .expect("regex")
});
static PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:~|\.{1,2})?/[\w.@+-]+(?:/[\w.@+-]*)*|@[\w-]+/[\w.-]+)$").expect("regex")
});

/// Last parts that make a dotted word a domain name, not code.
const DOMAINS: &[&str] = &[
    "com", "org", "net", "io", "dev", "ai", "co", "gov", "edu", "app", "sh", "me", "info", "cloud",
];

pub struct Markup;

impl Checker for Markup {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo {
            link: None,
            id: RULE.into(),
            severity: Severity::Suggestion,
            safety: Safety::Review,
            default_on: false,
            summary: "Code written as plain text: identifiers, calls, file names and paths need backticks".into(),
            explain: "Readers tell code from prose by its formatting, and reviewers ask for it again and again: \
                      `HF_ENDPOINT`, `req.body`, `next()`, `index.html`, `/var/lib/app`. This rule flags tokens whose \
                      shape cannot be English: words joined by underscores, calls with parentheses, camelCase \
                      (classNames), type names with a suffix only code uses (TypeError, HttpClient), member \
                      access (req.body), file names with a common extension, dotfiles and paths, and the values \
                      true, false and null where they are values (\"When true,\", \"set to false\"). Names such as macOS or Node.js, domain names and abbreviations (e.g., i.e.) are left \
                      alone.\nThe fix wraps the token in backticks."
                .into(),
        }]
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        if !active.has(RULE) {
            return;
        }
        for (b, block) in doc.prose.blocks.iter().enumerate() {
            let text = block.text.as_str();
            if is_label(text) {
                continue;
            }
            for (start, token) in tokens(text) {
                let end = start + token.len();
                let code = looks_like_code(token)
                    && !text[end..].starts_with(':')
                    && (!MEMBER_ONLY.is_match(token)
                        || FILE.is_match(token)
                        || doc.code_text().contains(token));
                if !(code || is_literal_value(token, &text[..start]))
                    || !fits_code(doc, b, start..end)
                {
                    continue;
                }
                out.push(Hit {
                    block: b,
                    range: start..end,
                    rule: RULE.into(),
                    message: format!("\"{token}\" is code: format it as code."),
                    replacements: vec![format!("`{token}`")],
                });
            }
        }
    }
}

/// A dotted name with nothing else to tell code from a name or a handle ("maul.esel", "in.dis"): code
/// only where the doc's own code uses it.
static MEMBER_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z]+(?:\.[a-z]+)+$").expect("regex"));

/// May the text at `view` in block `b` take backticks, and is it the doc's running text? Not where
/// Markdown does not render (alt text, HTML blocks), not in a heading, a table cell or a link text, and
/// not in a caption (a paragraph that is one bold or italic run, "**webpack.config.js**" above a code
/// block): a reference page's headings, tables and indexes name an API in the style its authors chose
/// (and a heading's words make its anchor).
fn fits_code(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    use crate::core::markdown::BlockKind;
    let block = &doc.prose.blocks[b];
    if matches!(block.kind, BlockKind::Heading | BlockKind::TableCell) || is_caption(doc, b) {
        return false;
    }
    let Some(src) = block.to_source_lossy(view.clone()) else {
        return false;
    };
    doc.prose.renders_markup(&src) && doc.link_text(b, view).is_none()
}

/// Is a block's text one token alone, perhaps with a note in parentheses: a list of field names
/// ("- run_number", "- max_duration (max)") or a bare caption line above a code block ("main.js")? Such
/// lists are written in their authors' chosen style; code formatting is asked for in sentences.
fn is_label(text: &str) -> bool {
    let text = text.trim();
    let text = match text.strip_suffix(')').and_then(|t| t.rsplit_once(" (")) {
        Some((head, _)) => head.trim_end(),
        None => text,
    };
    !text.is_empty() && !text.contains(char::is_whitespace)
}

/// Is block `b` a caption: a line that is one bold or italic run and nothing else ("**index.js**",
/// "_webpack.config.js_:")?
fn is_caption(doc: &DocProse<'_>, b: usize) -> bool {
    let block = &doc.prose.blocks[b];
    let Some(src) = block.to_source_lossy(0..block.text.len()) else {
        return false;
    };
    let first = doc.file[..src.start].rfind('\n').map_or(0, |i| i + 1);
    let last = doc.file[src.end..]
        .find('\n')
        .map_or(doc.file.len(), |i| src.end + i);
    let Some(line) = doc.file.get(first..last) else {
        return false;
    };
    let line = line.trim().trim_end_matches(':');
    ["**", "__", "*", "_"].iter().any(|m| {
        line.len() > 2 * m.len()
            && line.starts_with(m)
            && line.ends_with(m)
            && !line[m.len()..line.len() - m.len()].contains(m)
    })
}

/// Whitespace-separated tokens with surrounding punctuation trimmed, and their byte offsets.
fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut runs: Vec<(usize, &str)> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                runs.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push((s, &text[s..]));
    }
    runs.into_iter().filter_map(|(at, raw)| {
        if raw.is_empty() || raw.contains(PLACEHOLDER) || raw.contains('`') {
            return None;
        }
        // Markup that is not prose: attribute lists ("{.mt-3}") and template markers ("<<[UNRESOLVED]>>").
        if raw.starts_with('{') && raw.ends_with('}') || raw.starts_with("<<") {
            return None;
        }
        let lead = raw.len()
            - raw
                .trim_start_matches(['(', '[', '{', '"', '\'', '*', '<'])
                .len();
        let inner = &raw[lead..];
        // Trailing punctuation goes, and a sentence's full stop ("see index.html."); a closing
        // parenthesis stays only when the token opens one (a call).
        let mut core = inner;
        loop {
            let trimmed = core
                .trim_end_matches([',', ';', ':', '!', '?', '"', '\'', '*', ']', '}', '>', '.']);
            let trimmed = match trimmed.strip_suffix(')') {
                Some(t) if trimmed.matches('(').count() < trimmed.matches(')').count() => t,
                _ => trimmed,
            };
            if trimmed.len() == core.len() {
                break;
            }
            core = trimmed;
        }
        (!core.is_empty()).then_some((at + lead, core))
    })
}

/// `true`, `false` and `null` where they are values, not English: "When true, …", "If false",
/// "set to true", "defaults to false", "returns null" (never "this is true").
fn is_literal_value(token: &str, before: &str) -> bool {
    if !matches!(token, "true" | "false" | "null") {
        return false;
    }
    let previous = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        previous.as_str(),
        "when" | "if" | "to" | "returns" | "return" | "returning" | "equals"
    )
}

/// Words of code shape that name a convention, an architecture or a site, and read as terms.
const TERMS: &[&str] = &[
    "camelCase",
    "snake_case",
    "kebab-case",
    "PascalCase",
    "SCREAMING_SNAKE_CASE",
    "x86_64",
    "docs.rs",
];

fn looks_like_code(t: &str) -> bool {
    if t.len() < 3
        || t.contains("://")
        || t.contains('@') && !t.starts_with('@')
        || TERMS.contains(&t)
    {
        return false;
    }
    if CALL.is_match(t) {
        // "Loading(IO)" and "Feature(*Enabled*)" are prose with a note in parentheses.
        let (name, args) = t.split_once('(').unwrap_or((t, ""));
        let args = args.trim_end_matches(')');
        // "value(s)", "match(es)", "entr(ies)": English with its plural. "brew(1)", "ls(1)": a manual
        // page by its section.
        if matches!(args, "s" | "es" | "ies")
            || (args.len() <= 2 && args.starts_with(|c: char| c.is_ascii_digit()))
        {
            return false;
        }
        let capital_word = name.chars().next().is_some_and(char::is_uppercase)
            && name.chars().skip(1).all(|c| c.is_ascii_lowercase());
        // The note: an abbreviation or a capitalised word ("IO", "Enabled").
        let note = args.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && args.chars().all(|c| c.is_ascii_alphabetic());
        return !(capital_word && note);
    }
    if UNDERSCORED.is_match(t) || PATH.is_match(t) {
        return true;
    }
    if CAMEL.is_match(t) || TYPE_NAME.is_match(t) {
        return !super::terminology::is_known_name(t);
    }
    if FILE.is_match(t) {
        // "install.sh" is a file, "Roadmap.sh" a site.
        let ext = t.rsplit('.').next().unwrap_or("");
        let capital = t.chars().next().is_some_and(char::is_uppercase);
        return (!capital || !DOMAINS.contains(&ext)) && !super::terminology::is_known_name(t);
    }
    if MEMBER.is_match(t) {
        let last = t.rsplit('.').next().unwrap_or("");
        return !DOMAINS.contains(&last) && !super::terminology::is_known_name(t);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(md: &str) -> Vec<String> {
        let hits = crate::core::rules::hits_in(&Markup, &[RULE], md);
        hits.into_iter().map(|(_, text, _)| text).collect()
    }

    #[test]
    fn no_backticks_are_added_where_markdown_does_not_render() {
        let how = crate::core::markdown::Reading {
            html: true,
            ..Default::default()
        };
        let doc = "Call next() here.\n\n<p>Call next() here.</p>\n\n![Call next() here](a.png)\n";
        let hits = crate::core::rules::hits_in_read(&Markup, &[RULE], doc, how);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].1, "next()");
    }

    #[test]
    fn code_shapes_are_flagged() {
        let md = "Set HF_ENDPOINT and group_outputs=True, then call next() or app.use() with \
                  req.body from index.html, stylecop.json and .gitignore; see /var/lib/tailscale, \
                  ~/.cache/uv and @prisma/client (classNames, isUsernameAvailable), raising a \
                  TypeError in DefaultAzureCredential.\n\n```js\nconsole.log(req.body)\n```\n";
        assert_eq!(
            run(md),
            [
                "HF_ENDPOINT",
                "group_outputs=True",
                "next()",
                "app.use()",
                "req.body",
                "index.html",
                "stylecop.json",
                ".gitignore",
                "/var/lib/tailscale",
                "~/.cache/uv",
                "@prisma/client",
                "classNames",
                "isUsernameAvailable",
                "TypeError",
                "DefaultAzureCredential",
            ]
        );
    }

    #[test]
    fn places_that_cannot_or_need_not_take_backticks_are_left_alone() {
        let md = "# publishConfig\n\n## Set the cacheDir option\n\nSee ls(1) and brew(1).\n\n\
                  See [fetchRetries](./network.md) and the ![node_modules tree](t.svg) image.\n\n\
                  Thanks to maul.esel, the value(s) of docs(Windows): it works on macFUSE.\n\n\
                  Names in camelCase or snake_case build for x86_64; see docs.rs.\n\n\
                  Set publishConfig in package.json; req.body stays plain until code uses it.\n";
        assert_eq!(run(md), ["publishConfig", "package.json"]);
        // A caption, a table cell and a link's words are the authors' chosen style; the same
        // tokens in running text are code.
        let md = "**webpack.config.js**\n\n_index.js_:\n\n| key | use |\n|---|---|\n| frameIndex | x |\n\n\
                  See [the markup_fmt plugin](https://example.com) for **more** on it.\n\n\
                  Edit webpack.config.js and frameIndex, then markup_fmt.\n";
        assert_eq!(run(md), ["webpack.config.js", "frameIndex", "markup_fmt"]);
        // A list of field names, or a bare caption line, is a label list in the authors' style.
        let md = "- run_number\n- max_pass_duration (max)\n\nmain.js\n\n```js\nx\n```\n\n\
                  Pass run_number to main.js.\n";
        assert_eq!(run(md), ["run_number", "main.js"]);
    }

    #[test]
    fn english_names_and_formatted_code_are_left_alone() {
        let md = "Use Node.js on macOS with oneDNN, e.g. and/or I/O, see example.com and \
                  github.io, version v1.2.3, `already_code` and (a note). The iPhone works. An \
                  Error, a Client, the PowerShell Provider and JavaScript. This is true, \
                  and false hopes are false. Data Loading(IO) and Feature(*Enabled*) are notes, \
                  {.mt-3} is an attribute and <<[/UNRESOLVED]>> a marker.\n";
        assert_eq!(run(md), Vec::<String>::new());
        assert_eq!(
            run("When true, it waits. It defaults to false and returns null.\n"),
            ["true", "false", "null"]
        );
    }
}
