//! Where a built-in name written all in lower case is how the doc names a thing as its system spells it
//! (a program, a value, a component), and where lower case is a slip whatever the doc: a name with
//! capitals inside it.

use super::*;

/// Does `canonical`, the owner's spelling, hold a capital after its first letter ("JSON", "GitHub",
/// "macOS", "gRPC") while `surface` writes it all in lower case, in three letters or more? Lowering
/// such a name gives no program's name ("git", "docker" are; "javascript" and "json" name nothing to
/// run), so it is `terminology.inner-capitals`' finding, not `terminology.lower-case`'s. Two letters
/// are too few to tell a name from a word ("vs", "io").
pub(super) fn inner_capitals(surface: &str, canonical: &str) -> bool {
    surface.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && canonical
            .chars()
            .filter(|c| c.is_alphabetic())
            .skip(1)
            .any(char::is_uppercase)
}

/// A lower-case name just before "command" ("an openssl command", "the git commands"): the program as
/// typed, named by what it is. Not an acronym, which names a kind of thing ("a cli command" is a CLI's).
pub(super) fn names_the_command(
    text: &str,
    range: std::ops::Range<usize>,
    canonical: &str,
) -> bool {
    is_all_lower(&text[range.clone()])
        && !super::super::text::is_all_upper(canonical)
        && word_after(text, range.end)
            .is_some_and(|(next, _)| matches!(next, "command" | "commands"))
}

/// A lower-case name in bold or italics beside another lower-case word marked alike on its line
/// ("make sure **email,** **profile** and **openid** are enabled"): a list of values (scopes, flags,
/// states) as the system spells them.
pub(super) fn among_marked_values(
    doc: &DocProse<'_>,
    b: usize,
    view: std::ops::Range<usize>,
) -> bool {
    static MARKED: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(\*\*|__|\*|_)[a-z][a-z0-9._-]*[,;]?(\*\*|__|\*|_)")
            .expect("static regex")
    });
    let Some((src, line_start, line)) = source_line(doc, b, view, false) else {
        return false;
    };
    let runs: Vec<std::ops::Range<usize>> = MARKED
        .find_iter(line)
        .filter(|m| m.as_str().starts_with(['*', '_']))
        .map(|m| line_start + m.start()..line_start + m.end())
        .collect();
    runs.len() >= 2
        && runs
            .iter()
            .any(|r| r.start < src.start && src.end < r.end && r.end - src.end <= 3)
}

/// A lower-case name that opens a list item and is glossed there ("- mariadb (the provisioning
/// service's database)", "- ironic: deploys the hosts", "- keystone – identity"): the item names a
/// component, a container or a key as the system spells it.
pub(super) fn opens_glossed_item(
    doc: &DocProse<'_>,
    b: usize,
    view: std::ops::Range<usize>,
) -> bool {
    let Some((src, line_start, _)) = source_line(doc, b, view, false) else {
        return false;
    };
    let opens = crate::core::markdown::list_item_rest(&doc.file[line_start..src.start])
        .is_some_and(|rest| !rest.is_empty() && rest.trim().is_empty());
    let after = &doc.file[src.end..];
    opens
        && [" (", ":", " - ", " \u{2013} ", " \u{2014} "]
            .iter()
            .any(|g| after.starts_with(g))
}

/// A lower-case name the doc gives as an id: after "named" or "called" ("a container named api"), or
/// in brackets right after the name in another case ("HyperDX API (api)"), as its system spells it.
pub(super) fn given_as_id(text: &str, range: std::ops::Range<usize>) -> bool {
    let surface = &text[range.clone()];
    if !is_all_lower(surface) {
        return false;
    }
    let lead = text[..range.start].trim_end_matches(['`', '"', '\'', '*', '_', '\u{201c}']);
    fn previous(lead: &str) -> &str {
        lead.split_whitespace().next_back().unwrap_or("")
    }
    if ["named", "called"]
        .iter()
        .any(|w| previous(lead).eq_ignore_ascii_case(w))
    {
        return true;
    }
    text[..range.start].strip_suffix('(').is_some_and(|lead| {
        text[range.end..].starts_with(')') && previous(lead).eq_ignore_ascii_case(surface)
    })
}

/// Words that open a phrase, never a part's name, beyond English's function words
/// ([`FUNCTION_WORDS`](crate::core::rules::repetition::FUNCTION_WORDS)): "the api and other services".
const QUANTIFIERS: &[&str] = &["other", "over", "more", "most"];

/// The parts of a running system, named after the list of them ("the api and worker services").
const PARTS: &[&str] = &[
    "service",
    "services",
    "container",
    "containers",
    "instance",
    "instances",
    "pod",
    "pods",
    "port",
    "ports",
    "component",
    "components",
    "process",
    "processes",
    "deployment",
    "deployments",
];

/// A lowered acronym joined by "and", "or" or a comma to an English word in lower case that names no
/// product, the list then named as parts of a system ("the api and worker services", "per api, worker
/// and clock instances", "the app (8080) or api (8000) ports"): the parts as the system names them, a
/// generic acronym among them.
pub(super) fn joined_to_parts(text: &str, range: std::ops::Range<usize>, canonical: &str) -> bool {
    if !is_all_lower(&text[range.clone()]) || !super::super::text::is_all_upper(canonical) {
        return false;
    }
    let part = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.len() >= 3
            && w.chars().all(|c| c.is_ascii_lowercase())
            && crate::core::rules::dictionary::is_known(w)
            && !is_known_name(w)
            && !crate::core::rules::repetition::FUNCTION_WORDS.contains(&w)
            && !QUANTIFIERS.contains(&w)
    };
    let names_parts = |w: Option<&String>| {
        w.is_some_and(|w| PARTS.contains(&w.trim_end_matches(['.', ',', ';', ':'])))
    };
    // Words without a bracketed aside ("app (8080)").
    let words = |s: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut depth = 0usize;
        for w in s.split_whitespace() {
            if depth > 0 || w.starts_with('(') {
                depth += w.matches('(').count();
                depth = depth.saturating_sub(w.matches(')').count());
                continue;
            }
            out.push(w.to_owned());
        }
        out
    };
    // Within the name's sentence (cut to a window in a long one): a list ends with it.
    let sentence = super::super::text::sentence_around(text, range.clone());
    let before = words(&text[sentence.start..range.start]);
    let after: Vec<String> = words(&text[range.end..sentence.end])
        .into_iter()
        .filter(|w| w != ",")
        .collect();
    // The name closes the list: "app or api ports", "worker, api services".
    let closes = match before.as_slice() {
        [.., partner, joiner] if matches!(joiner.as_str(), "and" | "or") => part(partner),
        [.., partner] if partner.ends_with(',') => part(partner),
        _ => false,
    };
    if closes && names_parts(after.first()) {
        return true;
    }
    // The name opens it: "api and worker services", "api, worker and clock instances".
    if !(text[range.end..].starts_with(',')
        || after.first().is_some_and(|w| w == "and" || w == "or"))
    {
        return false;
    }
    let mut rest = after.iter().peekable();
    let mut last = None;
    while let Some(w) = rest.next() {
        if w == "and" || w == "or" {
            continue;
        }
        if !part(w) {
            return false;
        }
        last = Some(w);
        let joined = rest.peek().is_some_and(|n| *n == "and" || *n == "or");
        if !w.ends_with(',') && !joined {
            break;
        }
    }
    last.is_some() && names_parts(rest.next())
}

/// A name inside a short run of bold that opens with a capital and ends no sentence ("leave **Idp
/// metadata xml** empty", "next to **Frontend url**", "turn on **Allow Websockets**"): a label as the
/// screen shows it, quoted. A name with capitals of its own counts only after the label's first word: a
/// bold name alone or opening the run ("**Javascript**", "**Typescript** support") is the doc's own.
pub(super) fn in_bold_label(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    let lower = is_all_lower(&doc.prose.blocks[b].text[view.clone()]);
    let Some((src, line_start, line)) = source_line(doc, b, view, !lower) else {
        return false;
    };
    let at = src.start - line_start;
    // The bold run around the name: the last "**" before it opens one when an odd number stand before.
    let before = &line[..at];
    if before.matches("**").count().is_multiple_of(2) {
        return false;
    }
    let Some(open) = before.rfind("**") else {
        return false;
    };
    let Some(len) = line[open + 2..].find("**") else {
        return false;
    };
    let label = &line[open + 2..open + 2 + len];
    let words = label.split_whitespace().count();
    label.starts_with(|c: char| c.is_uppercase())
        && words <= 5
        && !label.contains(['.', '!', '?', ':', ','])
        && (lower || at > open + 2 + label.find(' ').unwrap_or(len))
}

/// The file's bytes of a name at `view` of block `b` (a lower-case one only, unless `any_case`), where
/// its line starts, and the line.
fn source_line<'f>(
    doc: &DocProse<'f>,
    b: usize,
    view: std::ops::Range<usize>,
    any_case: bool,
) -> Option<(std::ops::Range<usize>, usize, &'f str)> {
    let src = if any_case {
        doc.prose.blocks[b].to_source_lossy(view)?
    } else {
        lower_case_source(doc, b, view)?
    };
    let line_start = doc.file[..src.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = doc.file[src.end..]
        .find('\n')
        .map_or(doc.file.len(), |i| src.end + i);
    Some((src, line_start, &doc.file[line_start..line_end]))
}
