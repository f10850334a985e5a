//! Where a token of code's shape is left alone because the doc writes notation or fills a template,
//! not running text: the term a list item defines and the type after it, a field's value, an
//! admonition's title, a path the doc links, formulas and grammar productions, braces.

use super::{DocProse, PATH};
use crate::core::markdown::PLACEHOLDER;

/// Does the token at `view` open a list item or a paragraph as the term it defines ("- run_id - the
/// run's ID", "- task_run_tracker (TaskVizTracker): An object…", "Member_ID – the member")? A
/// reference list of fields is written in its authors' chosen style.
pub(super) fn defines_item(
    block: &crate::core::markdown::Block,
    view: std::ops::Range<usize>,
) -> bool {
    let text = block.text.as_str();
    if !text[..view.start].trim().is_empty() {
        return false;
    }
    let rest = &text[view.end..];
    [" - ", " – ", " — ", " (", ":", " = "]
        .iter()
        .any(|sep| rest.starts_with(sep))
        || rest.trim().is_empty()
}

/// Is the token on the term line of a definition list, the line right above one that opens with
/// ": " ("DEFOLD_CUSTOM_CSS_INLINE" or "Specular (KHR_materials_specular)" over ": Adds a …")? A term
/// heads its definition, like a list item's defined term, in its authors' chosen style.
pub(super) fn definition_term(text: &str, view: std::ops::Range<usize>) -> bool {
    text[view.end..]
        .split_once('\n')
        .is_some_and(|(_, next)| next.trim_start_matches([' ', '\t']).starts_with(": "))
}

/// Is the token at `view` in the title of an admonition (`:::note[renamed from electronDownload]`,
/// `::: tip Use electronDownload`)? A title is a heading: it names an API in the style its authors
/// chose.
pub(super) fn admonition_title(text: &str, view: std::ops::Range<usize>) -> bool {
    line_around(text, view).0.trim_start().starts_with(":::")
}

/// Is the token the whole value of a field on its line ("- Feature Name: nested_method_call",
/// "- Metric name: storage_operation_duration_seconds")? A template's fields are filled in its
/// authors' chosen style, like a list of field names.
pub(super) fn field_value(text: &str, view: std::ops::Range<usize>) -> bool {
    let (before, after) = line_around(text, view);
    let label = before.trim_end().strip_suffix(':').map(str::trim);
    after.trim_end_matches(['.', ',', ';']).trim().is_empty()
        && label.is_some_and(|l| {
            l.starts_with(char::is_uppercase)
                && l.split_whitespace().count() <= 4
                && l.chars().all(|c| c.is_alphabetic() || c == ' ')
        })
}

/// Does the token follow the code that opens its block, alone: the type of the term a reference
/// list defines ("- `options` PopupOptions (optional)"), written plain by the list's convention?
pub(super) fn typed_term(text: &str, start: usize) -> bool {
    let lead = text[..start].trim();
    !lead.is_empty() && lead.chars().all(|c| c == PLACEHOLDER)
}

/// Is a path-shaped token a part of a web address the doc links ("/r/programming" beside a link to
/// reddit.com/r/programming/…): a site's section, not a file?
pub(super) fn a_site(doc: &DocProse<'_>, token: &str) -> bool {
    token.starts_with('/')
        && PATH.is_match(token)
        && doc.prose.links.iter().any(|l| l.text.contains(token))
}

/// Symbols of mathematics and logic: a line that holds one is a formula ("FIRST(M) ∪ sep_set").
const MATH: &[char] = &[
    '∈', '∉', '∪', '∩', '⊆', '⊂', '⊇', '⊃', '∀', '∃', 'ε', '≤', '≥', '≠', '⇒', '↦', '∧', '∨', '¬',
    '∑', '∏',
];

/// Is the token's line written in a notation, not as a sentence: a formula, or a grammar's
/// production ("RESERVED_RAW_STRING_LITERAL : IDENTIFIER_OR_KEYWORD"), a line with another word in
/// capitals and no word in lower case? A sentence that names a variable has small words around it
/// ("Set HF_ENDPOINT and …", "See MY_VAR.").
pub(super) fn in_notation(text: &str, view: std::ops::Range<usize>) -> bool {
    let (before, after) = line_around(text, view);
    if before.contains(MATH) || after.contains(MATH) {
        return true;
    }
    let words = || {
        [before, after]
            .into_iter()
            .flat_map(|p| p.split(|c: char| !c.is_alphabetic()))
            .filter(|w| w.chars().count() >= 2)
    };
    !words().any(|w| w.chars().all(char::is_lowercase))
        && words().any(|w| w.chars().all(char::is_uppercase))
}

/// Is the token inside braces on its line: an attribute list (`{ .lg .middle }`), a JSX expression or a
/// template's placeholder, not words of the text?
pub(super) fn in_braces(text: &str, view: std::ops::Range<usize>) -> bool {
    let (line, rest) = line_around(text, view);
    line.rfind('{')
        .is_some_and(|open| !line[open..].contains('}'))
        && rest
            .find('}')
            .is_some_and(|close| !rest[..close].contains('{'))
}

/// The text of `view`'s line before and after it, a few hundred bytes at most each way: quotes and
/// braces that set a token apart sit near it, and a long paragraph with many tokens stays linear.
pub(super) fn line_around(text: &str, view: std::ops::Range<usize>) -> (&str, &str) {
    const REACH: usize = 400;
    let mut from = view.start.saturating_sub(REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (view.end + REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let before = &text[from..view.start];
    let after = &text[view.end..to];
    (
        before.rsplit('\n').next().unwrap_or(""),
        after.split('\n').next().unwrap_or(""),
    )
}
