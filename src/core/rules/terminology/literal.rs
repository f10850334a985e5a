//! Where a name is kept as written: a label, a link text naming its address, a quotation, a person's
//! name, the title of someone else's page, a handle.

use super::*;

/// A lower-case label that opens a block and is followed by a colon ("**openssl**: upgrade to …",
/// "tls: make ciphers configurable", "url (string): the icon's address"): the name of a module, an
/// area or a parameter, as the project spells it. Anywhere, a lower-case name followed by a colon and a
/// list, a map or a string ("urls: [ "nats://…" ]", "format: \"json\"") is a key.
pub(super) fn is_label(text: &str, range: std::ops::Range<usize>) -> bool {
    if !is_all_lower(&text[range.clone()]) {
        return false;
    }
    let after = text[range.end..].trim_start_matches(['*', '_']);
    // A parameter's type in brackets may stand between its name and the colon.
    let after = match after.strip_prefix(" (") {
        Some(rest) if !rest[..rest.find(')').unwrap_or(0)].contains(' ') => {
            rest.split_once(')').map_or("", |(_, tail)| tail)
        }
        _ => after,
    };
    let Some(value) = after.strip_prefix(':') else {
        return false;
    };
    text[..range.start].trim_matches(['*', '_', ' ']).is_empty()
        || value
            .strip_prefix(' ')
            .and_then(|v| v.chars().next())
            .is_some_and(|c| matches!(c, '[' | '{' | '"' | '\'' | '\u{201c}'))
}

/// A lower-case name before a word for a key ("the tls property", "the url field") where the doc
/// writes that name as inline code too (`tls`): the key, spelled as the configuration spells it. Before
/// a word for a piece of code ("the json column", "the html tag", "the jwt module") where the doc's code
/// calls it, tags a template with it or reaches into it (`table.json(…)`, `` html`…` ``, `jwt.encode`),
/// it is that function or module. Before "template tag" or "tag function" it is one without more
/// evidence ("the sql template tag"): a tag for a template is always code.
pub(super) fn names_a_key(doc: &DocProse<'_>, text: &str, range: std::ops::Range<usize>) -> bool {
    const KEYS: &[&str] = &[
        "attribute",
        "attributes",
        "block",
        "field",
        "fields",
        "flag",
        "key",
        "keys",
        "option",
        "options",
        "parameter",
        "parameters",
        "property",
        "properties",
        "section",
        "setting",
        "settings",
    ];
    // One piece of code, singular: "firebase functions" are the product's.
    const CODE: &[&str] = &[
        "column",
        "decorator",
        "function",
        "helper",
        "hook",
        "macro",
        "module",
        "pragma",
        "prop",
        "tag",
    ];
    let surface = &text[range.clone()];
    if !is_all_lower(surface) {
        return false;
    }
    let mut words = text[range.end..]
        .split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',', ';', ':', ')']));
    let (next, then) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    (KEYS.contains(&next) && doc.inline_code_is(surface))
        || matches!(
            (next, then),
            ("template", "tag" | "tags") | ("tag", "function")
        )
        || (CODE.contains(&next) && (doc.inline_code_is(surface) || code_uses(doc, surface)))
}

/// Does the doc's code (or a call written in its prose, "table.json(name)") use a lower-case `name` as
/// a function, a template tag, a module or a component's prop: `name(`, `` name` ``, or `name.member`
/// and `name={…}` or `name="…"` in code?
fn code_uses(doc: &DocProse<'_>, name: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '/' | '$');
    let used = |text: &str, member: bool| {
        around(text, name).any(|(before, after)| {
            let prev = before.chars().next_back();
            !prev.is_some_and(word)
                && (after.starts_with('(')
                    // A tag before its template, not a span's closing mark (`` `.html` ``).
                    || (after.starts_with('`') && !matches!(prev, Some('`' | '.')))
                    // An element's attribute (`<h2 css="…">`, `<p css={…}>`).
                    || (member
                        && prev.is_some_and(char::is_whitespace)
                        && (after.starts_with("={") || after.starts_with("=\"")))
                    // A module's member, not one key of a dotted path (`overwrite.cli.url`).
                    || (member
                        && prev != Some('.')
                        && after
                            .strip_prefix('.')
                            .is_some_and(|m| m.starts_with(|c: char| c.is_ascii_lowercase()))))
        })
    };
    used(doc.code_text(), true) || used(doc.file, false)
}

/// Each place `name` is written in `text`, as the text before it and the text after it.
pub(super) fn around<'t>(text: &'t str, name: &'t str) -> impl Iterator<Item = (&'t str, &'t str)> {
    text.match_indices(name)
        .map(move |(at, _)| (&text[..at], &text[at + name.len()..]))
}

/// A link text in lower case that its address spells the same way ("[sqlite](https://jsr.io/@db/
/// sqlite)", "[png](logo.png)", "[nats top](nats_tools/nats_top/)"): the name of the module, file or
/// command it links to, as its owner writes it.
pub(super) fn names_its_target(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    let surface = &doc.prose.blocks[b].text[view.clone()];
    if !is_all_lower(surface) {
        return false;
    }
    // A link's text, or the whole text of a shortcut reference ("[tauri]").
    let span = match doc.link_span(b, view.clone()) {
        Some(span) => span,
        None if doc.whole_link_text(b, view.clone()) => {
            let Some(src) = doc.prose.blocks[b].to_source_lossy(view) else {
                return false;
            };
            src
        }
        None => return false,
    };
    let link = doc.file[span.clone()].trim_matches(['*', '_']);
    if !is_all_lower(link) {
        return false;
    }
    let after = doc.file[span.end..].trim_start_matches(['*', '_']);
    let target = if let Some(inline) = after.strip_prefix("](") {
        inline.split(')').next().unwrap_or("")
    } else {
        // A reference link ("[tauri]", "[text][label]"): the address is on its definition's line.
        let label = after
            .strip_prefix("][")
            .and_then(|t| t.split(']').next())
            .filter(|l| !l.is_empty())
            .unwrap_or(link);
        definition(doc.file, label).unwrap_or("")
    }
    .to_lowercase();
    let words: Vec<&str> = link.split_whitespace().collect();
    if words.len() == 1 {
        return target.contains(link);
    }
    // A name of several words is written in an address with underscores or nothing between
    // ("nats_top", "natsbench"); hyphens join the words of any title made into an address.
    ["_", ""]
        .iter()
        .any(|join| target.contains(&words.join(join)))
}

/// The address of the link reference definition `[label]: address` in `file` (labels match without
/// regard to case).
pub(super) fn definition<'f>(file: &'f str, label: &str) -> Option<&'f str> {
    file.lines().find_map(|line| {
        let rest = line.trim_start().strip_prefix('[')?;
        let (name, def) = rest.split_once("]:")?;
        name.eq_ignore_ascii_case(label)
            .then(|| def.split_whitespace().next().unwrap_or(""))
    })
}

/// Inside a short quotation ("select 'NodeJS Static'", "the “Github Pages” tab"): a label or a title
/// quoted as it is, not the doc's own words.
pub(super) fn in_quotes(text: &str, range: std::ops::Range<usize>) -> bool {
    let sentence = crate::core::rules::text::sentence_around(text, range.clone());
    let before = &text[sentence.start..range.start];
    let after = &text[range.end..sentence.end];
    [('"', '"'), ('\u{201c}', '\u{201d}'), ('\'', '\'')]
        .iter()
        .any(|&(open, close)| {
            let Some(o) = before.rfind(open) else {
                return false;
            };
            // The opening quote starts a quotation (not an apostrophe inside a word).
            let opens = before[..o]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let inside = &before[o + open.len_utf8()..];
            let Some(c) = after.find(close) else {
                return false;
            };
            let closes = after[c + close.len_utf8()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            let words = inside.split_whitespace().count() + after[..c].split_whitespace().count();
            opens && closes && !inside.contains(close) && words <= 6
        })
}

/// A capitalised word next to another capitalised word, where the name is an acronym ("Bert Belder" is
/// a person, not BERT).
pub(super) fn is_persons_name(text: &str, range: std::ops::Range<usize>, canonical: &str) -> bool {
    if !crate::core::rules::text::is_all_upper(canonical) || !is_capitalised(&text[range.clone()]) {
        return false;
    }
    let next = text[range.end..].split_whitespace().next().unwrap_or("");
    let prev = text[..range.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    let capital = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    capital(next) || (capital(prev) && !prev.ends_with(['.', ':', '!', '?']))
}

/// Is the view inside the text of a link written in Title Case ("[Jamstack For Free With Azure And
/// CloudFlare]"): the title of someone else's page, quoted as it is.
pub(super) fn in_title_link(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    let Some(link_text) = doc.link_text(b, view) else {
        return false;
    };
    let words: Vec<&str> = link_text
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let capitals = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 4 && capitals * 4 >= words.len() * 3
}

/// Followed by what names an account ("the nodejs GitHub organization", "the **rust-lang** org"): a
/// handle, spelled as its owner registered it.
pub(super) fn names_an_account(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches(['*', '_', '`', '[', ']', ' ']);
    let mut words = rest.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let mut next = words.next().unwrap_or_default();
    if matches!(next.as_str(), "github" | "gitlab" | "npm" | "docker") {
        next = words.next().unwrap_or_default();
    }
    matches!(
        next.as_str(),
        "organization" | "organisation" | "org" | "account" | "handle" | "username"
    )
}

/// What separates the items of a list, the longest first: a comma, a last "or" or "and" with or
/// without it.
const LIST_SEPARATORS: &[&str] = &[", or ", ", and ", " or ", " and ", ", ", ","];

/// A character of a name as a program spells it, any case ("php-build", "c++", "v1.2", "Node.js").
fn name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "._+-".contains(c)
}

/// A lower-case name that is one item of a list of three or more lower-case one-word items, opened as
/// a list of values is ("Valid values are: standard, basic, rspec, or raw", "extension can be png, jpg
/// or jpeg", "(i.e. ios, tvos, macos)", "(cpu,memory,wifi)"), or two that fill a bracket ending the
/// text ("protocol used (tcp or udp)"): each is spelled as a program reads it.
pub(super) fn in_value_list(text: &str, range: std::ops::Range<usize>) -> bool {
    if !is_all_lower(&text[range.clone()]) {
        return false;
    }
    let item = |s: &str| !s.is_empty() && is_all_lower(s) && s.chars().all(name_char);
    // The separator before an item: a comma, and a last "or"/"and" with or without it.
    let separator = |s: &str| -> Option<usize> {
        LIST_SEPARATORS
            .iter()
            .find(|sep| s.ends_with(**sep))
            .map(|sep| sep.len())
    };
    let mut items = 1;
    // Leftwards.
    let mut left = &text[..range.start];
    while let Some(n) = separator(left) {
        let rest = &left[..left.len() - n];
        let start = rest
            .char_indices()
            .rfind(|&(_, c)| !name_char(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        if !item(&rest[start..]) {
            break;
        }
        items += 1;
        left = &rest[..start];
    }
    // Rightwards.
    let mut right = &text[range.end..];
    while let Some(sep) = LIST_SEPARATORS.iter().find(|sep| right.starts_with(**sep)) {
        let rest = &right[sep.len()..];
        let end = rest.find(|c: char| !name_char(c)).unwrap_or(rest.len());
        if !item(&rest[..end]) {
            break;
        }
        items += 1;
        right = &rest[end..];
    }
    // What opens the list says it lists values: a bracket, a colon, "i.e.", "one of", "can be",
    // "format is", "values are". A list in running prose ("used by jest, eslint, and others") names
    // things, and names take their owners' spelling.
    let opener = left.trim_end().to_ascii_lowercase();
    // Two are enough when they fill a bracket that ends the text, after what they are the values of
    // ("`{proto}`: protocol used (tcp or udp)", "Python implementation to use. (cpython, pypy)").
    // So are two that end the text after "e.g." ("Tools to prune, e.g.: node, python"); after a
    // colon alone they may be names ("a pair: png or svg").
    let ends = |rest: &str| rest.trim_end_matches(['.', ' ']).is_empty();
    let fills_bracket = opener.ends_with('(') && right.strip_prefix(')').is_some_and(ends);
    let closes_example = ["e.g.:", "e.g."].iter().any(|o| opener.ends_with(o)) && ends(right);
    (items >= 3 || items == 2 && (fills_bracket || closes_example))
        && ["(", ":", "i.e.", "e.g.", "one of", " be", " is", " are"]
            .iter()
            .any(|o| opener.ends_with(o))
}

/// A lower-case name before a word for a package, alone or with others ("the cocoapods gem", "the json
/// and csv gems", "the php, phpenv and php-build cookbooks", "the aqua and github backends"): the
/// package's or backend's name as published.
pub(super) fn names_a_package(text: &str, range: std::ops::Range<usize>) -> bool {
    const PACKAGES: &[&str] = &[
        "gem",
        "gems",
        "package",
        "packages",
        "crate",
        "crates",
        "module",
        "modules",
        "plugin",
        "plugins",
        "cookbook",
        "cookbooks",
        "formula",
        "formulae",
        "library",
        "libraries",
        "backend",
        "backends",
    ];
    if !is_all_lower(&text[range.clone()]) {
        return false;
    }
    let token = |s: &str| {
        s.find(|c: char| !name_char(c) || c.is_ascii_uppercase())
            .unwrap_or(s.len())
    };
    // The whole name the word opens ("php-build").
    let mut rest = &text[range.end..];
    rest = &rest[token(rest)..];
    // Past the other names of a list: ", phpenv and php-build".
    while let Some(sep) = LIST_SEPARATORS.iter().find(|sep| rest.starts_with(**sep)) {
        let after = &rest[sep.len()..];
        let n = token(after);
        if n == 0 {
            break;
        }
        rest = &after[n..];
    }
    // A line break is a space ("the json\npackage").
    let Some(next) = rest.strip_prefix([' ', '\n']) else {
        return false;
    };
    // A full stop ends the sentence, not the word.
    let next = next[..token(next)].trim_end_matches('.');
    PACKAGES.contains(&next)
}

/// Where in the file a lower-case name of block `b` is written, if it is in lower case.
pub(super) fn lower_case_source(
    doc: &DocProse<'_>,
    b: usize,
    view: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let block = &doc.prose.blocks[b];
    is_all_lower(&block.text[view.clone()])
        .then(|| block.to_source_lossy(view))
        .flatten()
}

/// A lower-case name in bold that opens a list item, alone in its bold ("- **uri** is the URI to set",
/// "- **tls** <span id=\"tls\"/> uses HTTPS"): the key, option or subdirective the item defines, as
/// the configuration spells it.
pub(super) fn defines_an_item(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    let Some(src) = lower_case_source(doc, b, view) else {
        return false;
    };
    let line_start = doc.file[..src.start].rfind('\n').map_or(0, |i| i + 1);
    let Some(lead) = doc.file[line_start..src.start]
        .strip_suffix("**")
        .or_else(|| doc.file[line_start..src.start].strip_suffix("__"))
    else {
        return false;
    };
    crate::core::markdown::list_item_rest(lead)
        .is_some_and(|rest| !rest.is_empty() && rest.trim().is_empty())
        && (doc.file[src.end..].starts_with("**") || doc.file[src.end..].starts_with("__"))
}

/// A lower-case program name before one of its subcommands ("on mkdocs build", "run docker compose
/// up"), or a subcommand after such a name ("[wezterm cli list](…)"): the command as typed, not the
/// name in prose.
pub(super) fn before_subcommand(text: &str, range: std::ops::Range<usize>) -> bool {
    const SUBCOMMANDS: &[&str] = &[
        "build",
        "serve",
        "deploy",
        "gh-deploy",
        "exec",
        "cli",
        "init",
        "run",
        "start",
        "stop",
        "push",
        "pull",
        "compose",
        "completion",
        "apply",
        "login",
        "logout",
        "publish",
    ];
    let surface = &text[range.clone()];
    if !is_all_lower(surface) {
        return false;
    }
    // A subcommand itself after a program name no dictionary knows ("wezterm cli list").
    if SUBCOMMANDS.contains(&surface)
        && let Some(program) = text[..range.start].strip_suffix(' ')
    {
        let program = &program[program
            .char_indices()
            .rfind(|&(_, c)| !(c.is_ascii_lowercase() || c == '-'))
            .map_or(0, |(i, c)| i + c.len_utf8())..];
        if !program.is_empty() && !crate::core::rules::dictionary::is_known(program) {
            return true;
        }
    }
    word_after(text, range.end).is_some_and(|(next, _)| SUBCOMMANDS.contains(&next))
}

/// A lower-case name alone in italics ("`--git` _url_", "* *dnssec* now signs NODATA responses",
/// "_crate_`@`_version_"): the doc marks a plugin's, a value's or a synopsis placeholder's name so,
/// spelled as the program spells it.
pub(super) fn in_lone_italics(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    let Some(src) = lower_case_source(doc, b, view) else {
        return false;
    };
    let file = doc.file;
    let mut before = file[..src.start].chars().rev();
    let (Some(open), Some(close)) = (before.next(), file[src.end..].chars().next()) else {
        return false;
    };
    // Italics of one marker, not bold, and not a word inside a longer stretch of italics.
    let mut after = file[src.end..].chars().skip(1);
    open == close
        && matches!(open, '_' | '*')
        && before
            .next()
            .is_none_or(|c| c != open && !c.is_alphanumeric())
        && after
            .next()
            .is_none_or(|c| c != open && !c.is_alphanumeric())
}

/// In the alternative text of an image (`![CondaForge](…badge.svg)`): a label for the picture, often a
/// badge's, not the doc's prose.
pub(super) fn in_image_alt(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    doc.link_span(b, view)
        .is_some_and(|span| doc.file[..span.start].ends_with("!["))
}

/// What a Markdown table's column is headed, for the cell of block `b` at `view` (the header cell's
/// text, without markup, in lower case), when the cell is in a pipe table.
fn column_header(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> Option<String> {
    column(doc, b, view, false).map(|(header, _)| header)
}

/// The header of the table column a cell at `view` of block `b` stands in, in lower case without
/// markup, and, when `with_cells` asks for them, the column's other cells as written (read only then: the
/// header alone needs the rows above the cell, not the whole table).
pub(super) fn column(
    doc: &DocProse<'_>,
    b: usize,
    view: std::ops::Range<usize>,
    with_cells: bool,
) -> Option<(String, Vec<String>)> {
    let src = doc.prose.blocks[b].to_source_lossy(view)?;
    let file = doc.file;
    let line_start = file[..src.start].rfind('\n').map_or(0, |i| i + 1);
    // The cells of a row, split at pipes that are not escaped.
    let cells = |line: &str| -> Vec<String> {
        let row = line.trim();
        let row = row.strip_prefix('|').unwrap_or(row);
        let mut out = vec![String::new()];
        let mut escaped = false;
        for c in row.chars() {
            match c {
                '|' if !escaped => out.push(String::new()),
                _ => out.last_mut().into_iter().for_each(|s| s.push(c)),
            }
            escaped = c == '\\';
        }
        out
    };
    let column = cells(&file[line_start..src.start]).len().checked_sub(1)?;
    let delimiter = |line: &str| {
        let row = line.trim();
        row.contains('-')
            && row
                .chars()
                .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
    };
    let row = |line: &str| !line.trim().is_empty() && line.contains('|');
    let cell = |line: &str| {
        cells(line)
            .into_iter()
            .nth(column)
            .map(|c| c.trim().to_owned())
    };
    // Up the table to its delimiter row; the header is the row above it.
    let mut lines = file[..line_start].lines().rev();
    let mut others: Vec<String> = Vec::new();
    loop {
        let line = lines.next()?;
        if !row(line) {
            return None;
        }
        if delimiter(line) {
            break;
        }
        if with_cells {
            others.extend(cell(line));
        }
    }
    let header = lines.next()?;
    if with_cells {
        let below = file[line_start..].lines().skip(1).take_while(|l| row(l));
        others.extend(below.filter_map(cell));
    }
    let cell = cells(header).into_iter().nth(column)?;
    // Without HTML tags and emphasis ("<div className=\"wideColumn\">Name</div>", "**Name**").
    let mut plain = String::new();
    let mut in_tag = false;
    for c in cell.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            '*' | '_' | '`' => {}
            _ if !in_tag => plain.push(c),
            _ => {}
        }
    }
    Some((plain.trim().to_lowercase(), others))
}

/// A lower-case name that opens a cell of a table's column of names ("| uri | string | The location
/// of the image. |" under "Name", "Parameter", "Prop", "Option", "Field", "Key"…): the name of a
/// parameter, a prop or a key, as the code spells it.
pub(super) fn opens_name_cell(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    const HEADERS: &[&str] = &[
        "name",
        "parameter",
        "parameters",
        "param",
        "prop",
        "property",
        "option",
        "field",
        "key",
        "argument",
        "attribute",
        "setting",
        "variable",
        "flag",
        "value",
    ];
    let block = &doc.prose.blocks[b];
    block.kind == crate::core::markdown::BlockKind::TableCell
        && is_all_lower(&block.text[view.clone()])
        && block.text[..view.start].trim().is_empty()
        && column_header(doc, b, view).is_some_and(|h| HEADERS.contains(&h.as_str()))
}
