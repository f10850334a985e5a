//! Word lists compiled into the binary (`data/*.txt`, one lower-case word a line, `#` comments): the
//! part-of-speech knowledge the grammar patterns need, kept as data so it can be reviewed and extended
//! without touching code.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// A built-in set of words. Rules look a word up in these for nearly every word of every block, so
/// they hash with rustc-hash's Fx hash: the standard SipHash, built against attacks a compiled-in
/// list never meets, cost more per short word than the rest of the lookup.
pub type WordSet = FxHashSet<&'static str>;

/// Parses a word-list file (built in, or a team's vocabulary): lines, trimmed, without blanks and `#`
/// comments.
pub fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The rows of a tab-separated data file: lines as they are (an empty last field keeps its tab),
/// without blanks and `#` comments.
pub fn rows(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

fn set(data: &'static str) -> WordSet {
    lines(data)
        .map(|l| l.split_whitespace().next().unwrap_or(l))
        .collect()
}

/// Base-form verbs; the value is true when the same form is also commonly a noun ("access", "use").
pub static VERBS: LazyLock<FxHashMap<&'static str, bool>> = LazyLock::new(|| {
    lines(include_str!("data/verbs.txt"))
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let word = parts.next()?;
            Some((word, parts.any(|p| p == "noun")))
        })
        .collect()
});

/// Adjectives of size, degree and quality that precede a countable noun ("tiny", "significant").
pub static ADJECTIVES: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("data/adjectives.txt")));

/// Singular nouns that are countable in technical prose ("drop", "bug", "difference").
pub static COUNTABLE: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("data/countable_nouns.txt")));

/// Mass nouns that read fine without an article ("overhead", "support", "latency").
pub static UNCOUNTABLE: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("data/uncountable_nouns.txt")));

/// A hash of every built-in word list (and the term list), so cached results notice a data change.
pub fn data_version() -> u64 {
    static V: LazyLock<u64> = LazyLock::new(|| {
        crate::core::finding::fnv1a64(&[
            include_str!("data/verbs.txt").as_bytes(),
            include_str!("data/adjectives.txt").as_bytes(),
            include_str!("data/countable_nouns.txt").as_bytes(),
            include_str!("data/uncountable_nouns.txt").as_bytes(),
            include_str!("data/compounds.txt").as_bytes(),
            include_str!("data/terms.txt").as_bytes(),
            include_str!("data/tech-words.txt").as_bytes(),
            include_str!("data/harper.tsv").as_bytes(),
        ])
    });
    *V
}

pub fn is_verb(word: &str) -> bool {
    VERBS.contains_key(word)
}

/// A base-form verb that is not also a common noun.
pub fn is_clear_verb(word: &str) -> bool {
    VERBS.get(word).is_some_and(|noun| !noun)
}

/// Adverbs of manner that sit between "allows" and a verb ("automatically", "easily"). Words in -ly
/// that are not adverbs are excluded.
pub fn is_ly_adverb(word: &str) -> bool {
    const NOT_ADVERBS: &[&str] = &[
        "apply",
        "assembly",
        "butterfly",
        "comply",
        "daily",
        "early",
        "family",
        "fly",
        "friendly",
        "holy",
        "hourly",
        "imply",
        "italy",
        "jelly",
        "likely",
        "lonely",
        "lovely",
        "monthly",
        "multiply",
        "only",
        "poly",
        "rely",
        "reply",
        "silly",
        "supply",
        "ugly",
        "unlikely",
        "weekly",
        "yearly",
        "costly",
        "timely",
        "elderly",
        "orderly",
        "anomaly",
        "july",
        "ally",
        "belly",
        "bully",
        "curly",
        "rally",
        "tally",
        "lily",
        "firefly",
    ];
    word.len() > 4 && word.ends_with("ly") && !NOT_ADVERBS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_list(name: &str, data: &str) {
        let words: Vec<&str> = lines(data)
            .map(|l| l.split_whitespace().next().unwrap_or(l))
            .collect();
        assert!(words.len() > 50, "{name} is too short");
        let mut seen = std::collections::HashSet::new();
        for w in &words {
            assert_eq!(*w, w.to_lowercase(), "{name}: {w} is not lower case");
            assert!(seen.insert(*w), "{name}: {w} is listed twice");
        }
    }

    #[test]
    fn word_lists_are_clean() {
        check_list("verbs", include_str!("data/verbs.txt"));
        check_list("adjectives", include_str!("data/adjectives.txt"));
        check_list("countable", include_str!("data/countable_nouns.txt"));
        check_list("uncountable", include_str!("data/uncountable_nouns.txt"));
    }

    #[test]
    fn countable_and_uncountable_do_not_overlap() {
        for w in COUNTABLE.iter() {
            assert!(
                !UNCOUNTABLE.contains(w),
                "{w} is both countable and uncountable"
            );
        }
    }

    #[test]
    fn verbs_know_their_nouns() {
        assert!(is_clear_verb("find"));
        assert!(is_verb("access"));
        assert!(!is_clear_verb("access"));
        assert!(is_ly_adverb("automatically"));
        assert!(!is_ly_adverb("only"));
    }
}
