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
/// writes that name as inline code too (`tls`): the key, spelled as the configuration spells it.
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
    let surface = &text[range.clone()];
    let next = text[range.end..].split_whitespace().next().unwrap_or("");
    is_all_lower(surface)
        && KEYS.contains(&next.trim_end_matches(['.', ',', ';', ':', ')']))
        && doc.inline_code_is(surface)
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
/// or jpeg", "(i.e. ios, tvos, macos)", "(cpu,memory,wifi)"): each is spelled as a program reads it.
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
    items >= 3
        && ["(", ":", "i.e.", "one of", " be", " is", " are"]
            .iter()
            .any(|o| opener.ends_with(o))
}

/// A lower-case name before a word for a package, alone or with others ("the cocoapods gem", "the json
/// and csv gems", "the php, phpenv and php-build cookbooks"): the package's name as published.
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
    let Some(next) = rest.strip_prefix(' ') else {
        return false;
    };
    // A full stop ends the sentence, not the word.
    let next = next[..token(next)].trim_end_matches('.');
    PACKAGES.contains(&next)
}
