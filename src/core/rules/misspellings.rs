//! Known misspellings: typos-dict, the list of real-world typos the `typos` checker is built on
//! ("occured" → "occurred", "paramater" → "parameter", "wih" → "with"), ~90,000 of them, each with its
//! correction. A word on this list is a typo with far more certainty than "the dictionary does not know
//! it", so spelling flags it even where an unknown word would pass as a compound or a name, and offers its
//! correction first.
//!
//! The list also gives a frequency for ranking suggestions: how many known typos lead to a word says how
//! often people write it ("with" has 29, "wig" none), which puts "with" before "wig" for "wih".

use std::collections::HashMap;
use std::sync::LazyLock;

/// The corrections of a known misspelling (case-insensitive lookup), best first; `Some(&[])` for a word
/// known to be wrong with no single correction. `None` when the word is not a known misspelling.
pub fn corrections(word: &str) -> Option<&'static [&'static str]> {
    if word.len() < 3
        || NOT_MISSPELLINGS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
    {
        return None;
    }
    let fixes = typos_dict::WORD
        .find(&unicase::UniCase::new(word))
        .copied()?;
    // A built-in name is no slip, in any case: "aks" is AKS ("azure aks"), not "ask"; "testng" is
    // TestNG. Its wrong case is the terminology rules' to judge.
    if crate::core::rules::terminology::is_known_name(word) {
        return None;
    }
    Some(fixes)
}

/// Words the list of misspellings holds that are words in docs: "encrypter" (a class in several
/// frameworks, and a spelling dictionaries give), "ands" ("no ifs, ands, or buts"; "ANDs" of bits),
/// "alls" ("catch-alls"), "seeked" (a stream or iterator seeked to an offset; the media event),
/// "darcula" (the editor theme), "discernable" and "inferrable" (variants dictionaries give beside
/// "discernible" and "inferable").
const NOT_MISSPELLINGS: &[&str] = &[
    "encrypter",
    "encrypters",
    "ands",
    "alls",
    "seeked",
    "darcula",
    "discernable",
    "inferrable",
];

/// How many known misspellings lead to `word` (lower case): a measure of how common the word is.
pub fn frequency(word: &str) -> u32 {
    static COUNTS: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
        let mut counts: HashMap<&'static str, u32> = HashMap::with_capacity(20_000);
        for fixes in typos_dict::WORD.map.values() {
            for fix in fixes.iter() {
                *counts.entry(fix).or_insert(0) += 1;
            }
        }
        counts
    });
    let lower = word.to_lowercase();
    COUNTS.get(lower.as_str()).copied().unwrap_or(0)
}

/// The corrections of a known misspelling in the word's own case ("Occured" → "Occurred"), the most
/// common first.
pub fn cased_corrections(word: &str) -> Option<Vec<String>> {
    let fixes = corrections(word)?;
    // A name takes its owner's spelling ("Javacript" → "JavaScript", not "Javascript").
    let owned = |f: String| match crate::core::rules::terminology::Terms::builtin()
        .scan(&f)
        .as_slice()
    {
        [(range, term)] if *range == (0..f.len()) => term.canonical.clone(),
        _ => f,
    };
    let mut out: Vec<String> = fixes.iter().map(|f| owned(match_case(word, f))).collect();
    // Stable: typos-dict's order stands among equally common words.
    out.sort_by_key(|f| std::cmp::Reverse(frequency(f)));
    Some(out)
}

/// `fix` written in the case of `like`: all capitals, a capital first letter, or as it is.
pub fn match_case(like: &str, fix: &str) -> String {
    let letters = || like.chars().filter(|c| c.is_alphabetic());
    if letters().count() > 1 && letters().all(char::is_uppercase) {
        fix.to_uppercase()
    } else if like.chars().next().is_some_and(char::is_uppercase) {
        super::text::capitalise(fix)
    } else {
        fix.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_typos_have_their_corrections_in_the_words_case() {
        assert_eq!(cased_corrections("occured"), Some(vec!["occurred".into()]));
        assert_eq!(
            cased_corrections("Paramater"),
            Some(vec!["Parameter".into()])
        );
        assert_eq!(
            cased_corrections("TARGETTING"),
            Some(vec!["TARGETING".into()])
        );
        // A name in its owner's spelling, whatever the case of the slip.
        assert_eq!(
            cased_corrections("Javacript").and_then(|f| f.first().cloned()),
            Some("JavaScript".into())
        );
        assert_eq!(cased_corrections("receive"), None);
        assert_eq!(cased_corrections("threadpool"), None);
        // Words in docs that the list of misspellings holds.
        assert_eq!(cased_corrections("Encrypter"), None);
        assert_eq!(cased_corrections("ands"), None);
        assert_eq!(cased_corrections("seeked"), None);
        assert_eq!(cased_corrections("inferrable"), None);
        // Built-in names the list holds as typos.
        assert_eq!(cased_corrections("aks"), None);
        assert_eq!(cased_corrections("TESTNG"), None);
        assert!(cased_corrections("testin").is_some());
    }

    #[test]
    fn common_words_are_counted_more_often_than_rare_ones() {
        assert!(frequency("with") > frequency("wig"));
        assert!(frequency("response") > frequency("respins"));
        assert_eq!(frequency("zzzz"), 0);
        // "wether" could be "weather" or "whether"; docs mean the more common one.
        let fixes = cased_corrections("wether").expect("known");
        assert_eq!(fixes.first().map(String::as_str), Some("whether"));
    }
}
