//! What makes an unknown word a word after all: a known word with a prefix or suffix, two known words
//! joined, a syllable typed twice, a technical term docreview knows.

use super::*;

/// Prefixes technical English builds words with freely ("refetch", "subclasses", "unreferenced").
pub(super) const PREFIXES: &[&str] = &[
    "re", "pre", "un", "sub", "post", "auto", "over", "under", "multi", "non", "de", "co", "micro",
    "inter", "intra", "super", "hyper", "meta", "mis", "out", "cross", "self", "semi", "bi", "tri",
];

/// Suffixes that make new words of known ones ("retryable", "persister", "callables"), with what
/// the root may have lost.
pub(super) const SUFFIXES: &[(&str, &[&str])] = &[
    ("ables", &["", "e"]),
    ("able", &["", "e"]),
    ("ers", &["", "e"]),
    ("er", &["", "e"]),
    ("ings", &["", "e"]),
    ("ing", &["", "e"]),
    ("ed", &["", "e"]),
    ("es", &[""]),
    ("s", &[""]),
    ("ly", &[""]),
    ("ness", &[""]),
    ("ization", &["ize", "ise"]),
    ("izations", &["ize", "ise"]),
];

/// Is the word a regular derivation of known words: a known word with a productive prefix or suffix
/// ("prefetch", "retryable"), a compound of two ("threadpool", "keybindings", "basename")? Typos are
/// not: "recieve" and "seperate" split into nothing known, and "keybard" and "outpit" split into two
/// known words but are one slip from a dictionary word ("keyboard", "output").
pub(super) fn is_derived(word: &str) -> bool {
    let w = word.to_lowercase();
    if !w.is_ascii() || w.len() < 5 || destuttered(&w).is_some() {
        return false;
    }
    affixed(&w) || (compound(&w) && !near_known(&w))
}

/// A word typed with a syllable twice ("prerenderered", "informationation"): the word without the
/// repeat, when that one is English.
pub(super) fn destuttered(w: &str) -> Option<String> {
    let b = w.as_bytes();
    for len in 2..=3 {
        // Not at the start: "reregister" is a prefix on a word, not a slip.
        for i in 1..b.len().saturating_sub(2 * len) + 1 {
            if i + 2 * len <= b.len() && b[i..i + len] == b[i + len..i + 2 * len] {
                let candidate = format!("{}{}", &w[..i + len], &w[i + 2 * len..]);
                if candidate.len() >= 4 && (is_known(&candidate) || derived(&candidate)) {
                    return Some(candidate);
                }
            }
        }
    }
    None
}

/// Made of known words: a prefix, a suffix, or two words joined.
pub(super) fn derived(w: &str) -> bool {
    affixed(w) || compound(w)
}

pub(super) fn known_or_inflected(part: &str) -> bool {
    part.len() >= 3 && (is_known(part) || inflected(part))
}

/// A known word with a productive prefix or suffix ("unpatched", "resumable").
pub(super) fn affixed(w: &str) -> bool {
    inflected(w)
        || PREFIXES
            .iter()
            .any(|p| w.strip_prefix(p).is_some_and(known_or_inflected))
}

/// Two known words joined, each of at least three letters ("threadpool").
pub(super) fn compound(w: &str) -> bool {
    (3..w.len().saturating_sub(2))
        .any(|i| w.is_char_boundary(i) && is_known(&w[..i]) && known_or_inflected(&w[i..]))
}

/// A known word with a productive suffix ("callables", "persister").
pub(super) fn inflected(w: &str) -> bool {
    SUFFIXES.iter().any(|(suffix, restore)| {
        w.strip_suffix(suffix).is_some_and(|root| {
            root.len() >= 3 && restore.iter().any(|r| is_known(&format!("{root}{r}")))
        }) || w
            .strip_suffix(suffix)
            .and_then(|root| root.strip_suffix('i'))
            .is_some_and(|root| root.len() >= 2 && is_known(&format!("{root}y")))
    })
}

/// Technical names docreview knows (its terminology list, any spelling variant it corrects is a
/// terminology finding, not a spelling one) and common technical words.
pub(super) fn is_term(word: &str) -> bool {
    static WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
        let mut s: HashSet<String> =
            crate::core::rules::lexicon::lines(include_str!("../data/tech-words.txt"))
                .map(str::to_lowercase)
                .collect();
        for line in crate::core::rules::lexicon::lines(include_str!("../data/terms.txt")) {
            for part in line.split(['=', ',', '~', '|']) {
                for w in part.split(|c: char| !c.is_alphanumeric()) {
                    if w.len() > 2 {
                        s.insert(w.to_lowercase());
                    }
                }
            }
        }
        s
    });
    WORDS.contains(&word.to_lowercase())
}
