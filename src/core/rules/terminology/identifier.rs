//! Where a name written in lower case is the identifier of something the doc names, not a slip of
//! case: a package the doc calls by its published name, a repository an HTML link points at, a tag in
//! square brackets, a word of a link that names the page it links to; and where the doc's code
//! writes the very name or text (a component's tag, a demo rendered under its listing).

use super::*;

/// What a doc calls a thing it names by its published, lower-case identifier ("the json package",
/// "the gradle manager", "the openssl gem").
const PUBLISHED: &[&str] = &[
    "builder",
    "cookbook",
    "crate",
    "datasource",
    "formula",
    "gem",
    "manager",
    "module",
    "package",
    "preset",
    "versioning",
];

/// The lower-case names the doc calls a package, a module, a gem, a crate, a builder or a manager's id
/// after "the", plain or as code ("For more see the json package documentation", "The gradle manager
/// supports …", "the `dockerfile` builder"). There the name
/// is that identifier, and so it is wherever else the doc writes it in lower case ("For an example
/// usage of json see …"): one doc does not switch between Go's json package and the JSON format.
pub(super) fn published_names(doc: &DocProse<'_>) -> Vec<String> {
    static THE_NAME: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"\b[Tt]he\s+`?([a-z][a-z0-9+.-]*)`?\s+([a-z]+)\b").expect("static regex")
    });
    let mut out: Vec<String> = Vec::new();
    if !doc.file.contains("he ") {
        return out;
    }
    for c in THE_NAME.captures_iter(doc.file) {
        let (Some(name), Some(word)) = (c.get(1), c.get(2)) else {
            continue;
        };
        // One thing: "the python packages" are the packages for a language.
        if PUBLISHED.contains(&word.as_str()) && !out.iter().any(|n| n == name.as_str()) {
            out.push(name.as_str().to_owned());
        }
    }
    out
}

/// How many built-in names a doc must write as ids beside their labels to be a catalog of ids.
const CATALOG: usize = 3;

/// The lower-case ids the doc writes beside their labels in a record of fields split by "|" (a table
/// row, or a list item or line written as one: "- gitlab | GitLab | source-control | …"), and whether
/// the doc does so for several of the names `terms` holds. Such an id is how the doc names that thing, so it is one wherever
/// else the doc writes it ("the github preset", "EXCLUDE firebase"). A doc that keeps a catalog of ids
/// beside labels writes its lower-case names as ids throughout ("jwt es256", "hmac-sha256").
pub(super) fn record_ids(doc: &DocProse<'_>, terms: &Terms) -> (Vec<String>, bool) {
    let mut ids: Vec<String> = Vec::new();
    if !doc.file.contains('|') {
        return (ids, false);
    }
    for line in doc.file.lines().filter(|l| l.matches('|').count() >= 2) {
        let fields: Vec<&str> = line
            .split('|')
            .map(|f| strip_item_marker(f.trim()))
            .collect();
        for id in &fields {
            let is_id = id.starts_with(|c: char| c.is_ascii_lowercase())
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "+.-".contains(c));
            if !is_id || ids.iter().any(|i| i == id) {
                continue;
            }
            let labelled = fields.iter().any(|label| {
                let label = label.split(" (").next().unwrap_or(label);
                label != *id && !is_all_lower(label) && key(label) == key(id)
            });
            if labelled {
                ids.push((*id).to_owned());
            }
        }
    }
    // A row of a table of values ("| fog | Fog |", "| focus | Focus. |") names no product: only
    // names count toward a catalog.
    let names = ids
        .iter()
        .filter(|id| terms.get(&key(id)).is_some_and(|t| t.canonical != **id))
        .count();
    let catalog = names >= CATALOG;
    (ids, catalog)
}

/// A field without the marker of the list item it opens ("- ", "* ", "1. ").
fn strip_item_marker(field: &str) -> &str {
    let rest = field.trim_start_matches(|c: char| c.is_ascii_digit());
    let marked = if rest.len() < field.len() {
        rest.strip_prefix(['.', ')'])
    } else {
        rest.strip_prefix(['-', '*', '+'])
    };
    match marked {
        Some(after) if after.starts_with(' ') => after.trim_start(),
        _ => field,
    }
}

/// The repositories the doc links from an HTML anchor whose text opens with the repository's name, as
/// (key, name in the address): `<a href="https://github.com/railwayapp-templates/fastapi">fastapi
/// GitHub repo</a>` names that repository, spelled as its owner registered it.
pub(super) fn anchored_repositories(file: &str) -> Vec<(String, String)> {
    static ANCHOR: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r#"<a\s[^>]*?href=["']https?://(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)/([^"'#?]+)["'][^>]*>\s*([\w.-]+)"#,
        )
        .expect("static regex")
    });
    if !file.contains("<a ") {
        return Vec::new();
    }
    ANCHOR
        .captures_iter(file)
        .filter_map(|c| {
            let path = c.get(1)?.as_str().trim_end_matches('/');
            let last = path.rsplit('/').next()?.trim_end_matches(".git");
            let text = c.get(2)?.as_str();
            last.eq_ignore_ascii_case(text)
                .then(|| (key(text), last.to_owned()))
        })
        .collect()
}

/// A lower-case name alone in square brackets that are no link ("* [pdf] [Writing network drivers in
/// Rust](…)", "[video]"): a tag the doc puts before an entry, kept in its own style.
pub(super) fn is_bracket_tag(text: &str, range: std::ops::Range<usize>) -> bool {
    is_all_lower(&text[range.clone()])
        && text[..range.start].ends_with('[')
        && text[range.end..].starts_with(']')
}

/// A lower-case name in a lower-case link text of several words whose address ends in a page of that
/// name ("[:help api](https://neovim.io/doc/user/api.html)", "[railway cdn](/cli/cdn)"): the page,
/// command or module linked, spelled as its owner spells it; so is a command whose page joins its words
/// ("[fly ssh sftp](/docs/flyctl/ssh-sftp/)"). A name elsewhere in the address says
/// nothing ("[ralf on github](https://github.com/…)", "[git trailers](…/git-interpret-trailers)").
pub(super) fn names_its_page(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    let surface = &doc.prose.blocks[b].text[view.clone()];
    if !is_all_lower(surface) {
        return false;
    }
    let Some(span) = doc.link_span(b, view) else {
        return false;
    };
    let text = &doc.file[span.clone()];
    if !is_all_lower(text) || text.split_whitespace().count() < 2 {
        return false;
    }
    let Some(target) = doc.file[span.end..].strip_prefix("](") else {
        return false;
    };
    let target = target.split([')', ' ', '#', '?']).next().unwrap_or("");
    let page = target
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("");
    let stem = page.rsplit_once('.').map_or(page, |(stem, _)| stem);
    // The page of several such things is named for them ("[dockerfile documentation](…/dockerfiles.md)").
    let stem = stem
        .strip_suffix('s')
        .filter(|s| s.eq_ignore_ascii_case(surface))
        .unwrap_or(stem);
    // Or a command's page, the words after the program joined by hyphens ("[fly ssh sftp](/docs/
    // flyctl/ssh-sftp/)"); a page named for the whole text is a title ("[git worktree](…/git-worktree)").
    let words: Vec<&str> = text.split_whitespace().collect();
    let command_page = (1..words.len().saturating_sub(1))
        .any(|i| words[i..].contains(&surface) && words[i..].join("-").eq_ignore_ascii_case(stem));
    !target.ends_with(&format!("://{page}")) && (stem.eq_ignore_ascii_case(surface) || command_page)
}

/// Does the doc's code give the lower-case name as a spec: with a version after `@`
/// (`mise use python@3.12`, `node@lts`) or a prefix's value after `:` (`github:cli/cli`,
/// `image: python:3.12-slim`)? Then the doc uses the name as that identifier, and writes it so in its
/// prose too ("backends like aqua and github", "e.g. node, python"). An address (`git@github.com`,
/// `https://`) or a key with its value after a space (`github: token`) is no spec.
pub(super) fn specified_in_code(doc: &DocProse<'_>, surface: &str) -> bool {
    if !is_all_lower(surface) {
        return false;
    }
    let code = doc.code_text();
    let word = |c: char| c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '/' | '@' | ':');
    code.match_indices(surface).any(|(at, _)| {
        let after = &code[at + surface.len()..];
        let mut rest = after.chars();
        let (mark, next) = (rest.next(), rest.next());
        !code[..at].chars().next_back().is_some_and(word)
            && match (mark, next) {
                (Some('@'), Some(c)) => {
                    c.is_ascii_digit()
                        || after[1..].starts_with("latest")
                        || after[1..].starts_with("lts")
                }
                (Some(':'), Some(c)) => c.is_ascii_lowercase() || c.is_ascii_digit(),
                _ => false,
            }
    })
}

/// A lower-case name and the word after it as the doc's code runs them ("as in hugo list drafts"
/// beside `hugo list drafts`), or one program twice with two subcommands ("use git log or git
/// blame"): a command as typed, not the name in prose. After a determiner the pair is a noun phrase
/// ("a docker image" is Docker's image, whatever `docker image ls` does).
pub(super) fn runs_as_in_code(
    doc: &DocProse<'_>,
    text: &str,
    range: std::ops::Range<usize>,
) -> bool {
    let surface = &text[range.clone()];
    if !is_all_lower(surface) {
        return false;
    }
    let Some((next, rest)) = word_after(text, range.end) else {
        return false;
    };
    let before = text[..range.start].trim_end();
    let previous = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let determiner = crate::core::rules::function_words::OBJECT_DETERMINERS;
    if next.is_empty() || determiner.contains(&previous.to_lowercase().as_str()) {
        return false;
    }
    // The same program twice, each with its own subcommand ("git log or git blame", "docker save
    // and docker load"): commands, whatever the code shows.
    let after = &rest[next.len()..];
    let twice = [" or ", " and ", ", "].iter().any(|sep| {
        after
            .strip_prefix(sep)
            .is_some_and(|a| a.starts_with(&format!("{surface} ")))
    });
    let once_before = [" or", " and", ","].iter().any(|sep| {
        before.strip_suffix(sep).is_some_and(|b| {
            let b = b.trim_end_matches(|c: char| c.is_ascii_lowercase() || c == '-');
            b.ends_with(&format!(" {surface} ")) || b == format!("{surface} ")
        })
    });
    if twice || once_before {
        return true;
    }
    let pair = format!("{surface} {next}");
    let code = doc.code_text();
    let word = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '/');
    // Where a command starts: a line of its own, after a prompt or `sudo`, or after `&&`, `|` or `;`
    // (a comment's words, "# git repositories here", are no command).
    code.match_indices(&pair).any(|(at, _)| {
        let line = code[..at].rsplit('\n').next().unwrap_or("").trim_start();
        let line = line.strip_prefix("sudo ").unwrap_or(line);
        let starts = ["", "$ ", "> ", "% "].contains(&line)
            || ["&& ", "| ", "; "].iter().any(|s| line.ends_with(s));
        starts && !code[at + pair.len()..].chars().next().is_some_and(word)
    })
}

/// A lower-case name as a key given a value (`cpu = 2` in "Resize #2: cpu = 2"), or as the one value
/// after a field's label that ends the text ("Type: **url**", "Default: json"): the configuration's
/// own word, as it is typed.
pub(super) fn is_typed_value(text: &str, range: std::ops::Range<usize>) -> bool {
    if !is_all_lower(&text[range.clone()]) {
        return false;
    }
    let after = &text[range.end..];
    if after.trim_start_matches(' ').starts_with('=')
        && !after.trim_start_matches(' ').starts_with("==")
    {
        return true;
    }
    if in_key_value_label(text, range.clone()) {
        return true;
    }
    let label = text[..range.start]
        .trim_end_matches(['*', '_', '`'])
        .trim_end();
    let Some(label) = label.strip_suffix(':') else {
        return false;
    };
    after.trim_matches(['*', '_', '`', '.', ' ']).is_empty()
        && !label.is_empty()
        && label.split_whitespace().count() <= 2
        && label.chars().next().is_some_and(char::is_uppercase)
}

/// Is the lower-case name at `range` the key or the value of a pair written plain and called a label,
/// an annotation, a selector or a tag ("add the prometheus: cockroachdb label", "the app: web
/// selector")? The pair is typed as the cluster reads it.
fn in_key_value_label(text: &str, range: std::ops::Range<usize>) -> bool {
    // Nouns only: "labels" and "tags" are verbs as often ("github labels every PR").
    const PAIRS: &[&str] = &["label", "annotation", "selector", "tag"];
    let token = |t: &str| {
        !t.is_empty()
            && t.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-._/".contains(&b))
    };
    let called = |rest: &str| {
        rest.strip_prefix(' ').is_some_and(|r| {
            let noun = r
                .split(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or("");
            PAIRS.contains(&noun)
        })
    };
    let after = &text[range.end..];
    // The key: its value follows, then the noun.
    if let Some(rest) = after.strip_prefix(": ") {
        let n = rest.find(' ').unwrap_or(rest.len());
        let value = &rest[..n];
        if token(value)
            && !crate::core::rules::repetition::FUNCTION_WORDS.contains(&value)
            && called(&rest[n..])
        {
            return true;
        }
    }
    // The value: its key before it, the noun after it.
    let before = &text[..range.start];
    before.strip_suffix(": ").is_some_and(|b| {
        let key = b.rsplit(' ').next().unwrap_or("");
        token(key) && !crate::core::rules::repetition::FUNCTION_WORDS.contains(&key)
    }) && called(after)
}

/// The lower-case word (letters and hyphens, maybe empty) after the space at `end` of `text`, and the
/// text from there on: a subcommand's place after its program.
pub(super) fn word_after(text: &str, end: usize) -> Option<(&str, &str)> {
    let rest = text[end..].strip_prefix(' ')?;
    let n = rest
        .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
        .unwrap_or(rest.len());
    Some((&rest[..n], rest))
}

/// Does the block write plain, around a name in capitals at `range`, a phrase longer than the name
/// that the doc writes elsewhere as a whole inline code span (a heading "Emulation and WITH DOCKER"
/// where the text says `WITH DOCKER`, an Earthfile command; SQL's `ORDER BY`)? The phrase is that
/// language's keywords, in the capitals the language spells them with. A name in other case that
/// repeats a span (a heading that names a label, "Use Javascript is weird") is the doc's own prose.
pub(super) fn writes_code_plain(
    doc: &DocProse<'_>,
    text: &str,
    range: std::ops::Range<usize>,
) -> bool {
    let surface = &text[range.clone()];
    if !crate::core::rules::text::is_all_upper(surface) {
        return false;
    }
    doc.prose.code_spans.iter().any(|span| {
        let code = span.text.trim();
        let word = |c: char| c.is_alphanumeric();
        code.len() > surface.len()
            && around(text, code).any(|(before, after)| {
                let at = before.len();
                !before.chars().next_back().is_some_and(word)
                    && !after.chars().next().is_some_and(word)
                    && at <= range.start
                    && range.end <= at + code.len()
            })
    })
}

/// Is the text around `view` in block `b` the content of a tag in a code block of the doc, words and
/// all (a live demo under its listing: `<Tab value="Javascript">Javascript is weird</Tab>` shown, then
/// rendered)? A fix there would part the demo from its code, so the code's spelling stands. The text
/// is the run between the markup the prose hides (the component's tags) or line ends; a run of one
/// word, one an inline code span holds (a label the prose names) or one a comment or a longer text
/// of the code holds (a heading "Install on Macos" beside `# Install on Macos (Homebrew)`) is no
/// evidence.
pub(super) fn copies_code(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    use crate::core::markdown::PLACEHOLDER;
    let text = &doc.prose.blocks[b].text;
    let bounds = [PLACEHOLDER, '\n'];
    let start = text[..view.start].rfind(bounds).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = text[view.end..]
        .find(bounds)
        .map_or(text.len(), |i| view.end + i);
    let run = text[start..end].trim();
    // Between a tag's `>` and the next `<`, spaces aside.
    let content = |code: &str| {
        code.match_indices(run).any(|(i, _)| {
            code[..i].trim_end().ends_with('>')
                && code[i + run.len()..].trim_start().starts_with('<')
        })
    };
    run.contains(' ') && doc.code_blocks().any(content)
}

/// A name in mixed case that the doc's code writes exactly so, as a whole word ("the _Json_ extractor"
/// beside `Json<T>`, "the Url object" beside `url::Url`, "`lang` on Html" beside `<Html lang="en">`)
/// or as a whole inline code span ("## WebGpu" beside `WebGpu`): the code's type,
/// function, component or value, not the name in prose.
pub(super) fn names_code(doc: &DocProse<'_>, surface: &str) -> bool {
    if is_all_lower(surface) || crate::core::rules::text::is_all_upper(surface) {
        return false;
    }
    // A whole inline code span of its own spelling: a type, a value ("## WebGpu" beside `WebGpu`, "The
    // `Url` object").
    if doc.inline_code_is(surface) {
        return true;
    }
    let code = doc.code_text();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    // As code uses a name: a type with parameters or a call after it, a path or a field before it
    // (a diagram's or a comment's words are no evidence).
    around(code, surface).any(|(before, after)| {
        !before.chars().next_back().is_some_and(word)
            && !after.chars().next().is_some_and(word)
            && (before.ends_with("::")
                || before.ends_with('.')
                || after.starts_with(['<', '(', '{', ':', '.'])
                // A component's tag in JSX or a template: `<Html>`, `<Html lang="en">`, `</Html>`.
                || ((before.ends_with('<') || before.ends_with("</")) && closes_tag(after)))
    })
}

/// A lower-case name in a table cell whose row names, in inline code, an identifier built of that very
/// word ("`sql.mem.current` | Current sql statement memory usage", "`sys.cpu.user.ns` | Total user cpu
/// time"): the row describes its id in the id's own words, as the help text it was made from does.
/// What follows the id's last dot is no such word, as it may be a file's extension ("`package.json` |
/// the json file" is still JSON).
pub(super) fn describes_its_id(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    let block = &doc.prose.blocks[b];
    let name = &block.text[view.clone()];
    if block.kind != crate::core::markdown::BlockKind::TableCell || !is_all_lower(name) {
        return false;
    }
    let Some(src) = block.to_source_lossy(view) else {
        return false;
    };
    let file = doc.file;
    let start = file[..src.start].rfind('\n').map_or(0, |i| i + 1);
    let end = file[src.end..]
        .find('\n')
        .map_or(file.len(), |i| src.end + i);
    let row = &file[start..end];
    row.split('`').skip(1).step_by(2).any(|id| {
        // Without what follows its last dot, which may be a file's extension ("package.json",
        // "tsconfig.app.json").
        let stem = id.rsplit_once('.').map_or(id, |(stem, _)| stem);
        !id.contains(char::is_whitespace)
            && stem
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|part| part == name)
    })
}

/// Does `after`, the code right after a name that follows `<`, go on as a tag does: closed (`>`,
/// `/>`) or with an attribute (` lang="en"`, ` {...props}`, ` disabled />`)? A placeholder in a
/// command (`<Github user>`) goes on with a word and no attribute.
fn closes_tag(after: &str) -> bool {
    if after.starts_with('>') || after.starts_with("/>") {
        return true;
    }
    let rest = after.trim_start();
    rest.len() < after.len()
        && (rest.starts_with("/>")
            || rest.starts_with('{')
            || rest
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .is_some_and(|attr| attr.contains('=')))
}

/// A cell that is only a name, in a table's column of a schema's types ("| `meta_org_id` | Utf8 |"
/// under "Type", beside cells such as `Int64` or "string"): the name of a type, as the schema or
/// language spells it (`Utf8`, `Json`). A column of other names under "Type" ("| .js | Javascript |")
/// is prose.
pub(super) fn fills_type_cell(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    let block = &doc.prose.blocks[b];
    let schema = |cell: &String| {
        cell.starts_with('`')
            || cell.contains(|c: char| c.is_ascii_digit())
            || (!cell.is_empty() && cell.chars().all(|c| c.is_ascii_lowercase()))
    };
    block.kind == crate::core::markdown::BlockKind::TableCell
        && block.text.trim() == &block.text[view.clone()]
        && column(doc, b, view, true).is_some_and(|(header, others)| {
            matches!(header.as_str(), "type" | "types" | "data type" | "datatype")
                && others.iter().any(schema)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bracket_tag_is_a_lone_lower_case_name() {
        let text = "[pdf] Writing network drivers";
        assert!(is_bracket_tag(text, 1..4));
        assert!(!is_bracket_tag("[Pdf] Writing", 1..4));
        assert!(!is_bracket_tag("the [pdf file] here", 5..8));
    }
}
