//! Code written as prose. Identifiers, calls, file names and paths read as code only when they are
//! formatted as code (`` `req.body` ``, `` `HF_ENDPOINT` ``, `` `next()` ``); reviewers ask for the
//! backticks again and again. Only shapes that cannot be English are flagged, by two rules:
//!
//! `markup.inline-code`, identifiers:
//! - words joined by underscores (`snake_case`, `SCREAMING_SNAKE`, `group_outputs=True`);
//! - calls (`next()`, `app.use()`, `type(x)`, `Client::build()`);
//! - camelCase that starts with two lower-case letters (`classNames`, `isUsernameAvailable`), unless
//!   it is a known name (`macOS`, `oneDNN`), and type names with a suffix only code uses;
//! - member access of lower-case names (`req.body`, `styles.root`), not domain names;
//! - the values true, false and null where they are values.
//!
//! `markup.file-path`, files and places:
//! - file names with a common extension (`index.html`, `stylecop.json`) and dotfiles (`.gitignore`);
//! - paths (`/var/lib/app`, `~/.cache/uv`, `./build`, `@prisma/client`).
//!
//! The two are apart because they are not equally sure: a lower-case name with a file's extension is
//! often a project's name ("io.js", "transfer.sh"), and a site-relative path is often a link that lost
//! its brackets. The fix wraps the token in backticks; it needs a human's look (the text may mean the
//! word).

use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use crate::core::markdown::PLACEHOLDER;
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

mod notation;
mod values;

use notation::{
    a_site, admonition_title, defines_item, definition_term, field_value, in_braces, in_notation,
    line_around, typed_term,
};

pub const RULE: &str = "markup.inline-code";
pub const FILE_RULE: &str = "markup.file-path";

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
        const LEFT_ALONE: &str = "Left alone: names such as macOS, Node.js or Mermaid.js, domain names and \
             abbreviations (e.g., i.e.), headings, table cells, link texts (a Markdown link's or an element's with href) and names a link gives, captions, \
             tokens the authors set apart (quoted, in bold or italics, in a quotation), the term a list item \
             defines (\"- run_id - the run's ID\") and the type after it (\"- `options` PopupOptions\"), a definition list's term (a line over \": its definition\"), a \
             field's value (\"- Feature Name: nested_method_call\"), an admonition's title \
             (\":::note[renamed from electronDownload]\"), braces, formulas, subscripts (\"S_k\") and a \
             grammar's productions in capitals, marks in parentheses (\"f(x)\", \"LL(k)\", \"HTTP(S)\", \
             \"Engine(CCE)\"), a path the doc's links hold, names of a case convention (\"lowerCamelCase\") and a name cut by emphasis (\"*page*Context\").\nThe fix wraps the token in backticks. \
             consistency.code-format is the part of these rules that the doc set's own formatting backs.";
        vec![
            RuleInfo {
                link: None,
                id: RULE.into(),
                severity: Severity::Suggestion,
                safety: Safety::Review,
                default_on: false,
                summary: "Identifiers written as plain text: names joined by underscores, calls, camelCase and type names need backticks".into(),
                explain: format!(
                    "Readers tell code from prose by its formatting, and reviewers ask for it again and again: \
                     `HF_ENDPOINT`, `req.body`, `next()`, `TypeError`. This rule flags identifiers whose shape \
                     cannot be English: words joined by underscores, calls with parentheses, camelCase \
                     (classNames), type names with a suffix only code uses (TypeError, HttpClient), member \
                     access (req.body), and the values true, false and null where they are values (\"When \
                     true,\", \"set to false\"), unless the doc writes three or more of them plain and no value as code \
                     (a flags reference whose style is \"If true, …\"). File names and paths are \
                     markup.file-path's. {LEFT_ALONE}"
                ),
            },
            RuleInfo {
                link: None,
                id: FILE_RULE.into(),
                severity: Severity::Suggestion,
                safety: Safety::Review,
                default_on: false,
                summary: "File names and paths written as plain text need backticks".into(),
                explain: format!(
                    "A file or a place on disk reads as one when it is formatted as code: `index.html`, \
                     `stylecop.json`, `.gitignore`, `/var/lib/app`, `~/.cache/uv`, `@prisma/client`. This \
                     rule flags file names with a common extension, dotfiles and paths written plain. It is \
                     less sure than markup.inline-code: a lower-case name with a file's extension is often \
                     a project's own name (\"io.js\", \"transfer.sh\"), and a site-relative path is often a \
                     link that lost its brackets. {LEFT_ALONE}"
                ),
            },
        ]
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        let (code, files) = (active.has(RULE), active.has(FILE_RULE));
        if !code && !files {
            return;
        }
        for (b, range) in plain_code(doc) {
            let token = &doc.prose.blocks[b].text[range.clone()];
            let (rule, wanted) = if names_a_file(token) {
                (FILE_RULE, files)
            } else {
                (RULE, code)
            };
            if !wanted {
                continue;
            }
            out.push(Hit {
                message: format!("\"{token}\" is code: format it as code."),
                replacements: vec![format!("`{token}`")],
                block: b,
                range,
                rule: rule.into(),
            });
        }
    }
}

/// Is a token of code shape a file name, a dotfile or a path rather than an identifier: the shapes
/// of `markup.file-path`? Names joined by underscores and calls are identifiers whatever else they
/// hold (`group_outputs=True`, `path.join()`).
fn names_a_file(token: &str) -> bool {
    !CALL.is_match(token)
        && !UNDERSCORED.is_match(token)
        && (PATH.is_match(token) || FILE.is_match(token))
}

/// The code a doc writes as plain text, where backticks may go: each token's block and range. Shared
/// by this rule and `consistency.code-format`, which asks of the same tokens whether the doc set
/// writes them as code elsewhere.
pub(super) fn plain_code<'f>(doc: &DocProse<'f>) -> Vec<(usize, std::ops::Range<usize>)> {
    let mut found = Vec::new();
    let mut bracketed: Option<HashSet<&'f str>> = None;
    for (b, block) in doc.prose.blocks.iter().enumerate() {
        let text = block.text.as_str();
        if is_label(text) {
            continue;
        }
        for (start, token) in tokens(text) {
            if !may_be_code(token) {
                continue;
            }
            let end = start + token.len();
            let code = looks_like_code(token)
                && !text[end..].starts_with(':')
                && (!MEMBER_ONLY.is_match(token)
                    || FILE.is_match(token)
                    || doc.code_text().contains(token));
            if !(code || values::is_literal_value(token, &text[..start], &text[end..]))
                || !fits_code(doc, b, start..end)
                || set_apart(doc, b, start..end)
                || defines_item(block, start..end)
                || field_value(text, start..end)
                || admonition_title(text, start..end)
                || definition_term(text, start..end)
                || typed_term(text, start)
                || a_site(doc, token)
                || in_notation(text, start..end)
                || in_braces(text, start..end)
                || names_a_link(doc, token, &mut bracketed)
            {
                continue;
            }
            found.push((b, start..end, !code));
        }
    }
    let values = found.iter().filter(|(_, _, value)| *value).count();
    let plain_values = values::writes_values_plain(doc, values);
    found
        .into_iter()
        .filter(|(_, _, value)| !(*value && plain_values))
        .map(|(b, range, _)| (b, range))
        .collect()
}

/// A quick test every word of the prose passes through: only a token with a mark that code uses
/// (an underscore, a dot, a slash, parentheses, an at sign, a tilde), a capital after a small letter
/// (camelCase, type names) or one of the values true, false and null can be code of the shapes above.
fn may_be_code(token: &str) -> bool {
    MARK.is_match(token)
}

/// A mark of code: see [`may_be_code`].
static MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[_./(@~]|[a-z][A-Z]|(?-u:\b)(?:true|false|null)(?-u:\b)").expect("regex")
});

/// Does the doc write code plain by choice: `found` tokens of code shape written plain, three or
/// more, and fewer inline code spans than that (a generated reference, a doc whose authors never
/// use backticks)? Then backticks are a question of its style, not a slip to point at.
pub(super) fn writes_code_plain(doc: &DocProse<'_>, found: usize) -> bool {
    found >= 3 && doc.prose.code_spans.len() < found
}

/// Is `code` of a shape that cannot be English (`Cargo.toml`, `next()`, `run_id`)? The values true,
/// false and null are not: they are words too, and a doc that writes `true` for the value also writes
/// "returns true when…" for the meaning.
pub(super) fn is_code_shaped(code: &str) -> bool {
    may_be_code(code) && looks_like_code(code)
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
    // Backticks wrap the source as it is: a token cut by emphasis ("*page*Context") is no one span.
    let written = doc.file.get(src.clone()).unwrap_or("").replace('\\', "");
    written == block.text[view.clone()]
        && doc.prose.renders_markup(&src)
        && doc.link_text(b, view).is_none()
        && !in_html_link(doc.file, src)
}

/// Is the source at `src` the text of a link written as an element on its line (`<a href="…">`,
/// `<CourseLink href="…">Learn useRefHistory</CourseLink>`)? Like a Markdown link's text, it is the
/// words a reader clicks, in the authors' chosen style.
fn in_html_link(file: &str, src: std::ops::Range<usize>) -> bool {
    let (left, right) = beside(file, src);
    let Some(open) = left.rfind('<') else {
        return false;
    };
    let tag = &left[open..];
    let Some(tag_end) = tag.find('>') else {
        return false;
    };
    tag[1..].starts_with(|c: char| c.is_ascii_alphabetic())
        && tag[..tag_end].contains("href=")
        && right.contains("</")
}

/// The source on the line of `src`, before it and after it.
fn beside(file: &str, src: std::ops::Range<usize>) -> (&str, &str) {
    let line_start = file[..src.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = file[src.end..]
        .find('\n')
        .map_or(file.len(), |i| src.end + i);
    (&file[line_start..src.start], &file[src.end..line_end])
}

/// Is the token at `view` of block `b` already set apart by the authors' own choice of mark: quoted
/// ("the \"cssClass\" key", 'main.py') or inside a run of bold or italics ("**APPLE_PASSWORD** with",
/// "**WorkPoolInfo.type renamed to pool_type**")? The doc chose how to show it; backticks are a
/// second opinion on style, not a finding.
fn set_apart(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    let text = doc.prose.blocks[b].text.as_str();
    let before = text[..view.start].chars().next_back();
    let after = text[view.end..]
        .trim_start_matches(['.', ',', '?', '!'])
        .chars()
        .next();
    let quoted = matches!(
        (before, after),
        (Some('"'), Some('"'))
            | (Some('\''), Some('\''))
            | (Some('“'), Some('”'))
            | (Some('‘'), Some('’'))
    );
    // Inside a quotation on its line: words someone says or types ("_\"update my extendTheme config\"_").
    let (line, rest) = line_around(text, view.clone());
    let in_quotes = line.matches('"').count() % 2 == 1 && rest.contains('"')
        || line
            .rfind('“')
            .is_some_and(|open| !line[open..].contains('”'))
            && rest.contains('”');
    if quoted || in_quotes {
        return true;
    }
    let Some(src) = doc.prose.blocks[b].to_source_lossy(view) else {
        return false;
    };
    let (left, right) = beside(doc.file, src);
    // Emphasis by asterisks: a run of them opened before it on the line (a bullet's lone star is
    // none), and one after it.
    let (mut italic, mut bold) = (false, false);
    let mut chars = left.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c != '*' {
            continue;
        }
        let mut len = 1;
        while chars.next_if(|&(_, c)| c == '*').is_some() {
            len += 1;
        }
        let spaced_before = left[..at]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        let spaced_after = left[at + len..]
            .chars()
            .next()
            .is_some_and(char::is_whitespace);
        if spaced_before && spaced_after {
            continue;
        }
        italic ^= len % 2 == 1;
        bold ^= len >= 2;
    }
    let opened = italic || bold;
    // Underscores also join a name's words, so only a marker right beside the token counts.
    let underscored = left.ends_with('_') && right.starts_with('_');
    (opened && right.contains('*')) || underscored
}

/// Does the doc make the token a link's whole text somewhere (`[coc.nvim](…)`, `[rustup.rs]`)? Then
/// it is the name of a project or a site, written as its owners write it.
fn names_a_link<'f>(
    doc: &DocProse<'f>,
    token: &str,
    bracketed: &mut Option<HashSet<&'f str>>,
) -> bool {
    let file = doc.file;
    bracketed
        .get_or_insert_with(|| {
            // Every "[…]" of the file with nothing bracketed inside, gathered once.
            let mut all = HashSet::new();
            let mut open = None;
            for (at, c) in file.char_indices() {
                match c {
                    '[' => open = Some(at + 1),
                    ']' => {
                        if let Some(from) = open.take() {
                            all.insert(&file[from..at]);
                        }
                    }
                    '\n' if file[at + 1..].starts_with('\n') => open = None,
                    _ => {}
                }
            }
            all
        })
        .contains(token)
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
    let (left, right) = beside(doc.file, src.clone());
    let Some(line) = doc.file.get(src.start - left.len()..src.end + right.len()) else {
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

/// The whitespace-separated tokens that hold a mark of code (see [`may_be_code`]), with surrounding
/// punctuation trimmed, and their byte offsets.
fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    // The runs between whitespace that hold a mark of code (most runs are English words and hold
    // none), found from the marks: one pass of a small automaton over the text.
    let mut last = usize::MAX;
    let runs = MARK.find_iter(text).filter_map(move |m| {
        let from = text[..m.start()].rfind(char::is_whitespace).map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
        if from == last {
            return None;
        }
        last = from;
        let to = text[m.start()..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| m.start() + i);
        Some((from, &text[from..to]))
    });
    runs.filter_map(|(at, raw)| {
        if raw.is_empty() || raw.contains(PLACEHOLDER) || raw.contains('`') {
            return None;
        }
        // Markup that is not prose: attribute lists ("{.mt-3}") and template markers ("<<[UNRESOLVED]>>").
        if raw.starts_with('{') && raw.ends_with('}') || raw.starts_with("<<") {
            return None;
        }
        let lead = raw.len()
            - raw
                .trim_start_matches(['(', '[', '{', '"', '\'', '<'])
                .len();
        let inner = &raw[lead..];
        // Trailing punctuation goes, and a sentence's full stop ("see index.html."); a closing
        // parenthesis stays only when the token opens one (a call).
        let mut core = inner;
        loop {
            let trimmed =
                core.trim_end_matches([',', ';', ':', '!', '?', '"', '\'', ']', '}', '>', '.']);
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

/// A letter with a subscript, mathematics written in plain text ("S_k", "x_1", "P_ij").
static SUBSCRIPT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Za-z]_[A-Za-z0-9]{1,2}$").expect("regex"));

/// Words of code shape that name a convention, an architecture or a site, and read as terms.
const TERMS: &[&str] = &[
    "camelCase",
    "snake_case",
    "kebab-case",
    "PascalCase",
    "SCREAMING_SNAKE_CASE",
    "x86_64",
    "docs.rs",
    "tar.gz",
    "tar.xz",
    "tar.bz2",
    "tar.zst",
];

/// Does the word name a way of writing names ("lowerCamelCase", "camelCased", "UpperCamelCase")?
/// Then it is a term of the trade, like "camelCase" itself.
fn names_a_case(t: &str) -> bool {
    let t = t.to_ascii_lowercase();
    ["camelcase", "pascalcase", "snakecase", "kebabcase"]
        .iter()
        .any(|case| t.contains(case))
}

fn looks_like_code(t: &str) -> bool {
    // "e.g" and "a.k.a" (a full stop lost or moved) are abbreviations.
    let dotted_letters = t
        .trim_matches('.')
        .split('.')
        .all(|p| p.chars().count() == 1);
    if t.len() < 3
        || dotted_letters
        || SUBSCRIPT.is_match(t)
        || t.contains("://")
        || t.contains('@') && !t.starts_with('@')
        || TERMS.contains(&t)
        || names_a_case(t)
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
        // "standard(!)" is an aside and "notebooks(*.ipynb)" a pattern; "f(x)", "O(n)", "C(N,K)"
        // and "LL(k)" are mathematics, "HTTP(S)" an abbreviation, "thing(tm)" a mark.
        let opens_args = |c: char| c.is_alphanumeric() || "_\"'&$[{".contains(c);
        let glob = args.starts_with('*')
            && !args[1..].starts_with(|c: char| c.is_alphabetic() || c == '*');
        if !args.is_empty() && !args.starts_with(|c: char| opens_args(c) || c == '*')
            || glob
            || name.chars().count() == 1
            || name
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            || matches!(args, "tm" | "TM" | "R" | "c" | "C")
        {
            return false;
        }
        let capital_word = name.chars().next().is_some_and(char::is_uppercase)
            && name.chars().skip(1).all(|c| c.is_ascii_lowercase());
        // The note: an abbreviation or a capitalised word ("IO", "Enabled").
        let note = args.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && args.chars().all(|c| c.is_ascii_alphabetic());
        // An English word with a note glued on: an abbreviation ("Container Engine(CCE)") or a
        // hyphenated word ("Moves window to top(z-order)"), never a call's argument.
        let english = name.chars().all(|c| c.is_ascii_lowercase())
            && super::dictionary::is_known(name)
            && (args.len() >= 2 && args.chars().all(|c| c.is_ascii_uppercase())
                || args.trim_matches('-').contains('-'));
        return !(capital_word && note || english);
    }
    // A path has a name in it: "/24" is a network's prefix length.
    let named_path =
        PATH.is_match(t) && t.is_ascii() && t.contains(|c: char| c.is_ascii_alphabetic());
    if UNDERSCORED.is_match(t) || named_path {
        return true;
    }
    if CAMEL.is_match(t) || TYPE_NAME.is_match(t) {
        return !super::terminology::is_known_name(t);
    }
    if FILE.is_match(t) {
        // "install.sh" is a file, "Roadmap.sh" a site.
        let ext = t.rsplit('.').next().unwrap_or("");
        let capital = t.chars().next().is_some_and(char::is_uppercase);
        // "Mermaid.js" and "Chart.js" are libraries by their names, "Shuttle.rs" a company.
        return (!capital || !DOMAINS.contains(&ext) && !matches!(ext, "js" | "ts" | "rs"))
            && !super::terminology::is_known_name(t);
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
        hits(&[RULE, FILE_RULE], md)
            .into_iter()
            .map(|(_, text)| text)
            .collect()
    }

    /// (rule, text) of each finding of `rules` in `md`.
    fn hits(rules: &[&str], md: &str) -> Vec<(String, String)> {
        crate::core::rules::hits_in(&Markup, rules, md)
            .into_iter()
            .map(|(rule, text, _)| (rule, text))
            .collect()
    }

    #[test]
    fn identifiers_and_files_are_two_rules_each_on_alone() {
        let md = "Set HF_ENDPOINT, call path.join() and next(), read req.body and my_app.json from \
                  ./build, index.html, .gitignore and @prisma/client when true.\n\n\
                  ```js\nreq.body\n```\n";
        let of = |rules: &[&str]| {
            hits(rules, md)
                .into_iter()
                .map(|(rule, text)| format!("{rule} {text}"))
                .collect::<Vec<_>>()
        };
        let code = [
            "markup.inline-code HF_ENDPOINT",
            "markup.inline-code path.join()",
            "markup.inline-code next()",
            "markup.inline-code req.body",
            "markup.inline-code true",
        ];
        let files = [
            "markup.file-path my_app.json",
            "markup.file-path ./build",
            "markup.file-path index.html",
            "markup.file-path .gitignore",
            "markup.file-path @prisma/client",
        ];
        assert_eq!(of(&[RULE]), code);
        assert_eq!(of(&[FILE_RULE]), files);
        assert_eq!(of(&[RULE, FILE_RULE]).len(), 10);
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
                  Names in camelCase or snake_case (lowerCamelCase, not camelCased) build for x86_64; \
                  see docs.rs.\n\n\
                  Set publishConfig in package.json; req.body stays plain until code uses it.\n";
        assert_eq!(run(md), ["publishConfig", "package.json"]);
        // A caption, a table cell and a link's words are the authors' chosen style; the same
        // tokens in running text are code.
        let md = "**webpack.config.js**\n\n_index.js_:\n\n| key | use |\n|---|---|\n| frameIndex | x |\n\n\
                  See [the markup_fmt plugin](https://example.com) for **more** on it, and \
                  [[Pitch] Rename flatten() to joined()](https://example.com/t/3) for the thread.\n\n\
                  Edit webpack.config.js and frameIndex, then markup_fmt; [a] joined() [b](./b.md).\n";
        assert_eq!(
            run(md),
            ["webpack.config.js", "frameIndex", "markup_fmt", "joined()"]
        );
        // A list of field names, or a bare caption line, is a label list in the authors' style.
        let md = "- run_number\n- max_pass_duration (max)\n\nmain.js\n\n```js\nx\n```\n\n\
                  Pass run_number to main.js.\n";
        assert_eq!(run(md), ["run_number", "main.js"]);
    }

    #[test]
    fn marks_the_authors_chose_and_notation_are_left_alone() {
        // Quoted, in bold or italics, inside a quotation, in braces, a term a list item defines, a
        // name a link gives, mathematics, an abbreviation, a mark, a glob and a library's name.
        let md = "Set \"cssClass\" and **APPLE_PASSWORD** with _main_py_ or *run_id here*.\n\n\
                  Try _\"update my extendTheme config\"_ first.\n\n\
                  - task_run_tracker (TaskVizTracker): an object\n- Member_ID - the member\n\n\
                  :smile:{ .lg .middle } See [coc.nvim](https://x.example); coc.nvim is fast.\n\n\
                  C(N,K) and LL(k) over HTTP(S), the right thing(tm), notebooks(*.ipynb) and \
                  standard(!) with Mermaid.js on Shuttle.rs as tar.gz.\n";
        assert_eq!(run(md), Vec::<String>::new());
        // The same tokens in running text are code.
        let md =
            "Set cssClass and APPLE_PASSWORD, then run_id and task_run_tracker; call type(x).\n";
        assert_eq!(
            run(md),
            [
                "cssClass",
                "APPLE_PASSWORD",
                "run_id",
                "task_run_tracker",
                "type(x)"
            ]
        );
        // A name cut by emphasis is no one span to wrap; an escaped underscore is still one.
        assert_eq!(
            run("It is *page*Context, not **app**Context, and run\\_id.\n"),
            ["run_id"]
        );
        // A link written as an element is a link too; the same name after it is running text.
        assert_eq!(
            run(
                "<CourseLink href=\"https://x.example/a\">Learn useRefHistory here</CourseLink> and \
                 useRefHistory.\n\n<a href=\"/b\">see run_id</a>\n"
            ),
            ["useRefHistory"]
        );
        // A link's text may run over a line end.
        assert_eq!(
            run("See [regexFind\n(mustRegexFind)](#r) now.\n"),
            Vec::<String>::new()
        );
        // An admonition's title is a heading; its text is running text.
        assert_eq!(
            run(
                ":::note[v27: renamed from electronDownload]\nThis key was electronDownload in v26.\n:::\n"
            ),
            ["electronDownload"]
        );
    }

    #[test]
    fn notation_fields_and_a_list_s_types_are_left_alone() {
        // A template's field values, a formula, a grammar's production, subscripts, a checklist
        // line in capitals, a type after the term a reference list defines, a site's section the
        // doc links, a prefix length, a lost full stop and English with a note glued on.
        let md = "- Feature Name: nested_method_call\n- Metric name: csi_operations_seconds\n\n\
                  Then FIRST(M) = FIRST(tt) ∪ sep_set holds.\n\n\
                  > RESERVED_RAW_STRING_LITERAL : IDENTIFIER_OR_KEYWORD RAW_STRING_LITERAL\n\n\
                  With sets S_1, S_2 and S_k we drop.\n\n- [ ] API .status\n\n\
                  - `options` PopupOptions (optional) - the options\n\n\
                  As [this comment](https://www.reddit.com/r/programming/c/1) in /r/programming says, \
                  each node gets a /24 range (.e.g a small one), moves to top(z-order) and runs \
                  Container Engine(CCE).\n";
        assert_eq!(run(md), Vec::<String>::new());
        // The same tokens in sentences are code.
        let md = "Name it nested_method_call and add sep_set, then RAW_STRING_LITERAL and the \
                  PopupOptions type; see /r/programming and /var/24, and call top(x) or \
                  engine(CCE_MODE).\n";
        assert_eq!(
            run(md),
            [
                "nested_method_call",
                "sep_set",
                "RAW_STRING_LITERAL",
                "PopupOptions",
                "/r/programming",
                "/var/24",
                "top(x)",
                "engine(CCE_MODE)"
            ]
        );
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
            run("When true, it waits. It defaults to false and returns null, or `0`.\n"),
            ["true", "false", "null"]
        );
        // Before a noun or an adjective a value word is English: Dart's "null safety".
        assert_eq!(
            run(
                "Migrate to null safety, when null safe code returns null pointers. Set it to \
                 true or to false when done. Set to false will disable it; set to false won't. \
                 Set `\"auto\"` for both.\n"
            ),
            ["true", "false", "false", "false"]
        );
    }

    #[test]
    fn the_term_of_a_definition_list_is_left_alone() {
        let md = "DEFOLD_CUSTOM_CSS_INLINE\n: Where the page inlines the CSS.\n\n\
                  Specular (KHR_materials_specular)\n: Adds a specular channel.\n\n\
                  Set DEFOLD_CUSTOM_CSS_INLINE first,\nthen: a plain line.\n";
        assert_eq!(run(md), ["DEFOLD_CUSTOM_CSS_INLINE"]);
    }

    #[test]
    fn values_a_doc_always_writes_plain_are_its_style() {
        // A flags reference that writes every value plain and none as code has chosen to.
        let flags = "- `cache`: if true, keep it.\n- `log`: if false, be quiet.\n\
                     - `sync`: when true, wait.\n- `dir`: set it with fs_dir.\n";
        assert_eq!(run(flags), ["fs_dir"]);
        // Two are not yet a style; a value written as code elsewhere makes the plain ones slips.
        assert_eq!(
            run("- `cache`: if true, keep it.\n- `log`: if false, be quiet.\n"),
            ["true", "false"]
        );
        assert_eq!(
            run(&format!("{flags}- `level`: `0` for none.\n")),
            ["true", "false", "true", "fs_dir"]
        );
    }
}
