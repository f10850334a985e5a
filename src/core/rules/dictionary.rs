//! harper-core's English dictionary behind one door: whether a word is known (remembered per thread),
//! what harper knows of it (parts of speech), and the words a slip or two away. Spelling, grammar,
//! consistency and harper's linters all ask here.
//!
//! Beside it, a longer list of real English words harper's curated dictionary lacks ("chrominance",
//! "modularize", "focussed"): SCOWL's large British and huge American lists, lower-case words only,
//! known misspellings left out (see `data/english-words.md`). Spelling asks it before calling a word
//! unknown; suggestions still come from harper's dictionary, whose words are the common ones.

use harper_core::DictWordMetadata;
use harper_core::spell::{Dictionary, FstDictionary};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// harper's curated English dictionary (built on first use, then shared).
pub fn dictionary() -> Arc<FstDictionary> {
    static DICT: std::sync::OnceLock<Arc<FstDictionary>> = std::sync::OnceLock::new();
    DICT.get_or_init(|| aside(FstDictionary::curated)).clone()
}

/// Runs harper's one-time set-up work in a pool of its own. That work uses rayon inside; run on the
/// shared pool while the shared pool's threads wait for the same set-up, it would wait forever.
///
/// The caller waits on a plain thread rather than in `install`: a shared-pool worker waiting in
/// `install` picks up other queued work meanwhile, and that work may ask for the very value being set
/// up on this thread, which a `OnceLock` answers by waiting on itself.
pub(super) fn aside<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    let Some(pool) =
        POOL.get_or_init(|| rayon::ThreadPoolBuilder::new().num_threads(1).build().ok())
    else {
        return f();
    };
    if pool.current_thread_index().is_some() {
        // Already set-up work (the linters' set-up asks for the dictionary): run it here.
        return f();
    }
    std::thread::scope(|scope| match scope.spawn(|| pool.install(f)).join() {
        Ok(value) => value,
        Err(panic) => std::panic::resume_unwind(panic),
    })
}

/// What harper knows about a word (its parts of speech), if it knows the word.
pub fn word_metadata(word: &str) -> Option<DictWordMetadata> {
    dictionary()
        .get_word_metadata_str(word)
        .map(std::borrow::Cow::into_owned)
}

/// Does the dictionary know the word, as written or in lower case (any English dialect)?
pub fn is_known_word(word: &str) -> bool {
    let dict = dictionary();
    let normal = word.replace('\u{2019}', "'");
    dict.contains_exact_word_str(&normal) || {
        let lower = normal.to_lowercase();
        lower != normal && dict.contains_exact_word_str(&lower)
    }
}

/// The dictionary's words within `max_distance` edits of `word`, at most `limit`, in harper's order
/// (its own ranking of likely typos) and in the word's case ("Recieve" → "Receive").
pub fn near_words(word: &str, max_distance: u8, limit: usize) -> Vec<String> {
    let dict = dictionary();
    let chars: Vec<char> = word.chars().collect();
    let capital = chars.first().is_some_and(|c| c.is_uppercase());
    let mut out: Vec<String> = Vec::new();
    for s in
        harper_core::spell::suggest_correct_spelling(&chars, limit.max(1) * 4, max_distance, &*dict)
    {
        let mut s: String = s.iter().collect();
        if capital && !s.chars().skip(1).any(char::is_uppercase) {
            s = super::text::capitalise(&s);
        }
        if s != word && !out.iter().any(|o| o.to_lowercase() == s.to_lowercase()) {
            out.push(s);
        }
        if out.len() == limit {
            break;
        }
    }
    out
}

/// Is a dictionary word one edit away from `word` (a letter added, dropped, changed or two swapped)?
/// Such a word is a typo of it far more often than a new compound.
pub fn near_word_known(word: &str) -> bool {
    let lower: Vec<char> = word.to_lowercase().chars().collect();
    let dict = dictionary();
    // A near word that only adds a hyphen, a space or an apostrophe ("fail-safe" for "failsafe") is the
    // same compound written open, not a slip.
    let letters =
        |w: &[char]| -> Vec<char> { w.iter().copied().filter(|c| c.is_alphanumeric()).collect() };
    dict.fuzzy_match(&lower, 1, 8)
        .iter()
        .any(|m| m.edit_distance <= 1 && letters(m.word) != letters(&lower))
        || swapped_known(&lower)
}

/// Two neighbouring letters swapped ("recieve" for "receive"): one slip, two edits for harper.
fn swapped_known(word: &[char]) -> bool {
    let dict = dictionary();
    let mut w = word.to_vec();
    (0..w.len().saturating_sub(1)).any(|i| {
        if w[i] == w[i + 1] {
            return false;
        }
        w.swap(i, i + 1);
        let hit = dict.contains_exact_word(&w);
        w.swap(i, i + 1);
        hit
    })
}

/// Is `word` (lower case) on the longer list of English words (see the module notes)? A lookup in a
/// finite-state set kept in the binary: nothing to load, nothing to build.
pub fn is_listed(word: &str) -> bool {
    static WORDS: std::sync::LazyLock<Option<fst::Set<&'static [u8]>>> =
        std::sync::LazyLock::new(|| {
            fst::Set::new(&include_bytes!("data/english-words.fst")[..]).ok()
        });
    WORDS.as_ref().is_some_and(|set| set.contains(word))
}

thread_local! {
    /// Words this thread has asked [`near_word_known`] about.
    static NEAR: RefCell<HashMap<String, bool>> = RefCell::new(HashMap::new());
}

/// Is a dictionary word one slip from `w` (lower case)? Remembered per thread: a fuzzy search is costly.
pub fn near_known(w: &str) -> bool {
    remembered(&NEAR, w, 50_000, near_word_known)
}

thread_local! {
    /// Words this thread has looked up (most words repeat, and a dictionary lookup is not free).
    static KNOWN: RefCell<HashMap<String, bool>> = RefCell::new(HashMap::new());
}

/// Does harper's dictionary know the word (as written, or in lower case)?
pub fn is_known(word: &str) -> bool {
    remembered(&KNOWN, word, 200_000, is_known_word)
}

/// `answer(word)`, remembered in this thread's `memo` (cleared when it holds more than `limit` words).
fn remembered<V: Clone>(
    memo: &'static std::thread::LocalKey<RefCell<HashMap<String, V>>>,
    word: &str,
    limit: usize,
    answer: impl FnOnce(&str) -> V,
) -> V {
    if let Some(k) = memo.with(|m| m.borrow().get(word).cloned()) {
        return k;
    }
    let k = answer(word);
    memo.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() > limit {
            m.clear();
        }
        m.insert(word.to_owned(), k.clone());
    });
    k
}

thread_local! {
    /// Dictionary words near each word this thread asked [`near_words_remembered`] about.
    static NEAR_WORDS: RefCell<HashMap<String, Vec<String>>> = RefCell::new(HashMap::new());
}

/// [`near_words`] within two edits, at most 12, remembered per thread: the search is costly, and a
/// doc set is judged again whenever its vocabulary changes.
pub fn near_words_remembered(word: &str) -> Vec<String> {
    remembered(&NEAR_WORDS, word, 20_000, |w| near_words(w, 2, 12))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longer_list_knows_real_words_harper_lacks_and_no_known_typo() {
        for word in ["chrominance", "modularize", "distinguishably", "focussed"] {
            assert!(is_listed(word) || is_known_word(word), "{word}");
        }
        assert!(is_listed("chrominance") && !is_known_word("chrominance"));
        for typo in [
            "reponsability",
            "prerequisistes",
            "queryalbe",
            "teh",
            "recieve",
        ] {
            assert!(!is_listed(typo), "{typo}");
        }
        assert!(!is_listed("Chrominance"), "lower-case words only");
    }

    /// Writes data/english-words.fst from a word list, one word a line (`scripts/english-words.sh`
    /// makes the list and runs this): lower-case ASCII words harper's dictionary does not know and
    /// that are not known misspellings, as a finite-state set.
    #[test]
    #[ignore]
    fn english_word_list() {
        let Some(source) = std::env::var_os("DOCREVIEW_WORD_LIST") else {
            return;
        };
        let text = std::fs::read_to_string(source).expect("read the word list");
        let mut words: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|w| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_lowercase()))
            .filter(|w| !is_known_word(w))
            .filter(|w| super::super::misspellings::corrections(w).is_none())
            .collect();
        words.sort_unstable();
        words.dedup();
        let set = fst::Set::from_iter(words.iter()).expect("sorted words");
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/core/rules/data/english-words.fst"
        );
        std::fs::write(path, set.as_fst().as_bytes()).expect("write the set");
        println!("{} words", words.len());
    }
}
