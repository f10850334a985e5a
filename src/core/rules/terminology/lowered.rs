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
    let Some(src) = lower_case_source(doc, b, view) else {
        return false;
    };
    let line_start = doc.file[..src.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = doc.file[src.end..]
        .find('\n')
        .map_or(doc.file.len(), |i| src.end + i);
    let line = &doc.file[line_start..line_end];
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
    let Some(src) = lower_case_source(doc, b, view) else {
        return false;
    };
    let line_start = doc.file[..src.start].rfind('\n').map_or(0, |i| i + 1);
    let opens = crate::core::markdown::list_item_rest(&doc.file[line_start..src.start])
        .is_some_and(|rest| !rest.is_empty() && rest.trim().is_empty());
    let after = &doc.file[src.end..];
    opens
        && [" (", ":", " - ", " \u{2013} ", " \u{2014} "]
            .iter()
            .any(|g| after.starts_with(g))
}
