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
    let next: String = after
        .strip_prefix([' ', '-'])
        .unwrap_or("")
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    let next = next.to_ascii_lowercase();
    let auxiliary = matches!(
        next.as_str(),
        "will"
            | "can"
            | "may"
            | "must"
            | "shall"
            | "should"
            | "would"
            | "could"
            | "might"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "has"
            | "have"
            | "had"
            | "does"
            | "do"
            | "did"
    );
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
    matches!(
        previous.as_str(),
        "when" | "if" | "to" | "returns" | "return" | "returning" | "equals"
    ) && (auxiliary || !describes)
}
