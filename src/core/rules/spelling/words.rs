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
    prefixed(&w)
        || (inflected(&w) && !slip_toward_commoner(&w))
        || (compound(&w) && !near_known(&w))
}

/// The shortest word with an ending that [`slip_toward_commoner`] judges: shorter ones are
/// abbreviations with a plural ("comms") as often as slips.
const COMMONER_LETTERS: usize = 7;

/// Is the word with an ending `w` one slip from a word people write far more often than the word it is
/// made of ("currantly": "currant" + "ly", but "currently")? A writer reaches for the common word; a
/// rare root with an ending is a coincidence. A derivation of a word about as common as its neighbour
/// stays one ("persister" beside "persisted"). A prefix makes words too freely to judge this way
/// ("metaballs", "unsustainably").
fn slip_toward_commoner(w: &str) -> bool {
    use crate::core::rules::misspellings::frequency;
    if w.len() < COMMONER_LETTERS {
        return false;
    }
    let root = suffix_roots(w).map(|r| frequency(&r)).max().unwrap_or(0);
    dictionary::near_words_remembered(w).iter().any(|c| {
        let f = frequency(c);
        f >= LIKELY_COMMON
            && f > 2 * root + 1
            && c.chars().next() == w.chars().next()
            && c.chars().all(|ch| ch.is_ascii_lowercase())
            && strsim::osa_distance(w, c) == 1
    })
}

/// The known words `w` is made of by one suffix of [`SUFFIXES`], with what the root may have lost
/// ("currant" of "currantly", "retry" of "retriable"), found lazily.
fn suffix_roots(w: &str) -> impl Iterator<Item = String> + '_ {
    SUFFIXES.iter().flat_map(move |(suffix, restore)| {
        let root = w.strip_suffix(suffix).unwrap_or("");
        let whole = restore
            .iter()
            .filter(move |_| root.len() >= 3)
            .map(move |r| format!("{root}{r}"));
        let y = root
            .strip_suffix('i')
            .filter(|stem| stem.len() >= 2)
            .map(|stem| format!("{stem}y"));
        whole.chain(y).filter(|r| is_known(r))
    })
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
    inflected(w) || prefixed(w)
}

/// A known word, or one with a suffix, after a productive prefix ("unpatched", "refetch").
fn prefixed(w: &str) -> bool {
    PREFIXES
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
    suffix_roots(w).next().is_some()
}

/// Technical names docreview knows (its terminology list, any spelling variant it corrects is a
/// terminology finding, not a spelling one: each word of a name, and a name of several written as one,
/// "tailwindcss" for "Tailwind CSS") and common technical words.
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
                let joined: String = part.chars().filter(|c| c.is_alphanumeric()).collect();
                if joined.len() > 2 {
                    s.insert(joined.to_lowercase());
                }
            }
        }
        s
    });
    WORDS.contains(&word.to_lowercase())
}
