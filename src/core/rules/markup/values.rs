//! The words `true`, `false` and `null`: values where a sentence sets, tests or returns them, English
//! where they describe a noun.

/// `true`, `false` and `null` where they are values, not English: "When true, …", "If false",
/// "set to true", "defaults to false", "returns null" (never "this is true"). Before a noun or an
/// adjective they describe it, as English does ("migrate to null safety", "returns null pointers");
/// a modal or a form of "be", "have" or "do" is the sentence going on ("set to false will disable").
pub(super) fn is_literal_value(token: &str, before: &str, after: &str) -> bool {
    if !matches!(token, "true" | "false" | "null") {
        return false;
    }
    let previous = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if !matches!(
        previous.as_str(),
        "when" | "if" | "to" | "returns" | "return" | "returning" | "equals"
    ) {
        return false;
    }
    let next: String = after
        .strip_prefix([' ', '-'])
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_ascii_alphabetic() || *c == '\'')
        .collect::<String>()
        .to_ascii_lowercase();
    if crate::core::rules::agreement::AUXILIARIES.contains(&next.as_str()) {
        return true;
    }
    let singular = crate::core::rules::noun_number::singular(&next);
    let describes = [Some(next.as_str()), singular.as_deref()]
        .into_iter()
        .flatten()
        .filter_map(crate::core::rules::dictionary::word_metadata)
        .any(|m| {
            (m.is_noun() || m.is_adjective())
                && !m.preposition
                && m.conjunction.is_none()
                && m.determiner.is_none()
                && m.pronoun.is_none()
        });
    !describes
}

/// Does the doc write its values plain by choice: `found` values written plain, three or more, and
/// not one value in inline code (`true`, `0`, `"auto"`)? A flags reference that says "If true, …" for
/// every flag has a style; a page that writes `1` and `0` as code and "set to true" plain has a slip.
pub(super) fn writes_values_plain(doc: &crate::core::rules::DocProse<'_>, found: usize) -> bool {
    let literal = |code: &str| {
        matches!(code, "true" | "false" | "null")
            || code.parse::<f64>().is_ok()
            || (code.len() >= 2
                && (code.starts_with('"') && code.ends_with('"')
                    || code.starts_with('\'') && code.ends_with('\'')))
    };
    found >= 3
        && !doc
            .prose
            .code_spans
            .iter()
            .any(|span| literal(span.text.trim()))
}
