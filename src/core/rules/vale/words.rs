//! Words for Vale's spelling and capitalization rules: how a block splits into words, whether
//! docreview's dictionaries know one, what to suggest, and the title- or sentence-cased form of a heading.

use crate::core::rules::text::capitalise;
use std::ops::Range;

/// The dictionary's nearest words to an unknown `word`, best first; none for a word shaped like an
/// identifier, an acronym or a version (`APIServer`, `CIDRs`, `v1beta1`: no English word is the fix).
/// Remembered for every thread: an unknown word tends to come back in many documents, and looking one
/// up is the slow part of spelling.
pub(super) fn suggestions(word: &str) -> Vec<String> {
    if crate::core::rules::spelling::looks_technical(word) {
        return Vec::new();
    }
    use std::collections::HashMap;
    use std::sync::{LazyLock, Mutex};
    static MEMO: LazyLock<Mutex<HashMap<String, Vec<String>>>> =
        LazyLock::new(|| Mutex::new(HashMap::new()));
    if let Some(known) = MEMO.lock().ok().and_then(|m| m.get(word).cloned()) {
        return known;
    }
    // One edit first (cheap, and most slips are one); two only where none is one away.
    let mut found = crate::core::rules::dictionary::near_words(word, 1, 3);
    if found.is_empty() && word.chars().count() >= 4 {
        found = crate::core::rules::dictionary::near_words(word, 2, 3);
    }
    if let Ok(mut memo) = MEMO.lock() {
        if memo.len() > 50_000 {
            memo.clear();
        }
        memo.insert(word.to_owned(), found.clone());
    }
    found
}

/// Is `word` spelled right by docreview's dictionaries (harper-core's, as written or in lower case, and
/// the longer English word list)?
pub(super) fn spelled(word: &str) -> bool {
    use crate::core::rules::dictionary;
    let w = word.trim_matches('\'');
    w.is_empty()
        || dictionary::is_known(w)
        || dictionary::is_listed(&w.to_lowercase())
        || w.strip_suffix("'s").is_some_and(dictionary::is_known)
}

/// The words of `text` as Vale's tokenizer splits them: runs between white space and punctuation;
/// hyphens, apostrophes and underscores stay inside a word.
pub(super) fn word_tokens(text: &str) -> Vec<Range<usize>> {
    let is_part = |c: char| c.is_alphanumeric() || matches!(c, '-' | '\'' | '_' | '’' | '‘');
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, is_part(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let w = &text[s..i];
                let lead = w.len() - w.trim_start_matches(['\'', '-', '’', '‘']).len();
                let trail = w.len() - w.trim_end_matches(['\'', '-', '’', '‘']).len();
                if lead + trail < w.len() {
                    out.push(s + lead..i - trail);
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Words a title keeps in lower case (AP style), unless first or last.
const SMALL: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "nor", "of", "on", "or",
    "per", "the", "to", "v.", "vs.", "via", "from", "into", "with",
];

/// The title- or sentence-cased form of `s`, and whether `s` is close enough to it (at least
/// `threshold` of its words as expected).
pub(super) fn cased(
    s: &str,
    exceptions: &[String],
    indicators: &[String],
    threshold: f64,
    title: bool,
) -> (String, bool) {
    let words: Vec<&str> = s.split_whitespace().collect();
    let n = words.len();
    let mut expected = Vec::with_capacity(n);
    let mut after_indicator = false;
    let numbered = |w: &str| {
        let digits = w.trim_end_matches('.');
        w.ends_with('.') && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
    };
    for (i, w) in words.iter().enumerate() {
        let exception = exceptions.iter().find(|e| e.eq_ignore_ascii_case(w));
        let lower = w.to_lowercase();
        let inner_caps = w.chars().skip(1).any(char::is_uppercase);
        let all_caps = w.chars().any(char::is_alphabetic) && *w == w.to_uppercase();
        let e = if let Some(e) = exception {
            e.clone()
        } else if title
            && (inner_caps || (all_caps && w.chars().filter(|c| c.is_alphabetic()).count() > 1))
        {
            (*w).to_owned()
        } else if title {
            if i > 0 && i + 1 < n && SMALL.contains(&lower.as_str()) {
                lower
            } else {
                capitalise(w)
            }
        } else if i == 0 || after_indicator || (i == 1 && numbered(words[0])) {
            capitalise(w)
        } else {
            lower
        };
        after_indicator = indicators.iter().any(|ind| w.ends_with(ind.as_str()));
        expected.push(e);
    }
    let mut good = 0usize;
    for (i, (w, e)) in words.iter().zip(&expected).enumerate() {
        if *w == e || exceptions.iter().any(|x| x == w) || (title && *w == w.to_uppercase()) {
            good += 1;
        } else if !title && i == 0 {
            return (expected.join(" "), false);
        }
    }
    let ok = n == 0 || good as f64 / n as f64 >= threshold;
    (expected.join(" "), ok)
}

#[cfg(test)]
mod tests {
    use super::suggestions;

    #[test]
    fn a_misspelled_word_gets_its_fix_and_an_identifier_gets_none() {
        assert!(suggestions("recieve").iter().any(|s| s == "receive"));
        assert!(suggestions("Recieve").iter().any(|s| s == "Receive"));
        // Shaped like code, an acronym or a version: no English word would be the fix.
        for word in ["MXNet", "APIServer", "CRDs", "v1beta1", "snake_case"] {
            assert_eq!(suggestions(word), Vec::<String>::new(), "{word}");
        }
    }
}
