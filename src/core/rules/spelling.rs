//! `spelling.unknown-word`: words that are in neither harper's English dictionary nor the project's
//! technical vocabulary. A spelling alarm on a technical term is a bug, so a word is only a candidate
//! when nothing says it is a term:
//!
//! - its shape: digits (`int8`), inner capitals (`MXNet`, `HybridBlock`, `macOS`), all capitals
//!   (`ONNX`), joined to code-like neighbours (`snake_case`, `file.yaml`, `--flag`, `@user`), a
//!   capitalised word inside a sentence (a name), one or two letters;
//! - the doc set: words that occur in inline code or code blocks of any doc, and words that at least
//!   `min_docs` docs use (a typo is rarely made the same way in three files);
//! - the team: `[vocabulary] accept` in `.docreview.toml` and `.docreview/vocabulary.txt`.
//!
//! Like consistency, this is a doc-set rule: each document yields [`Stats`] (cacheable by content),
//! the merged stats decide a [`Vocabulary`], and the vocabulary checks each document.

use super::harper;
use super::text::{Word, is_all_upper, starts_sentence};
use super::{Active, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, Mutex};

pub const RULE: &str = "spelling.unknown-word";

/// Docs that must use a word before it counts as the project's vocabulary, by default.
pub const MIN_DOCS: usize = 3;

pub fn rule() -> RuleInfo {
    RuleInfo {
        id: RULE.into(),
        severity: Severity::Warning,
        safety: Safety::Review,
        default_on: true,
        summary: "A word in neither the English dictionary nor the project's technical vocabulary".into(),
        explain: "Flags words that harper-core's English dictionary does not know and that nothing marks as a \
                  technical term. These never count as misspelled:\n\
                  - identifiers by their shape: digits (int8), inner capitals (MXNet, HybridBlock, macOS), all \
                  capitals (ONNX), words joined to code-like characters (snake_case, config.yaml, --flag), \
                  capitalised words inside a sentence (names);\n\
                  - words that appear in inline code or a code block anywhere in the doc set;\n\
                  - words that at least 3 docs use ([vocabulary] min_docs);\n\
                  - words in [vocabulary] accept of .docreview.toml or in .docreview/vocabulary.txt (one a \
                  line). `docreview vocab add WORD` and the review screen's + key add to that file.\n\
                  The replacements are the dictionary's closest words, and for a lower-case word its \
                  formatting as code (a name such as del or impl is code); pick one, or add the word to the \
                  vocabulary if it is right."
            .into(),
    }
}

/// What one document tells about the vocabulary. Mergeable and storable like consistency counts.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Stats {
    /// Lower-cased words seen in code.
    code: HashSet<String>,
    /// Lower-cased candidate words (unknown to the dictionary) → how many docs use them.
    unknown: HashMap<String, u32>,
}

impl Stats {
    pub fn merge(mut self, other: Stats) -> Stats {
        if self.code.len() + self.unknown.len() < other.code.len() + other.unknown.len() {
            return other.merge(self);
        }
        self.code.extend(other.code);
        for (w, n) in other.unknown {
            *self.unknown.entry(w).or_insert(0) += n;
        }
        self
    }
}

/// The stats of one document.
pub fn stats(doc: &DocProse<'_>) -> Stats {
    let mut s = Stats::default();
    for range in &doc.prose.code {
        let Some(code) = doc.file.get(range.clone()) else {
            continue;
        };
        for w in code.split(|c: char| !c.is_alphanumeric()) {
            if w.chars().count() > 2 && w.chars().any(char::is_alphabetic) {
                s.code.insert(w.to_lowercase());
            }
        }
    }
    let mut seen: HashSet<String> = HashSet::new();
    for b in 0..doc.prose.blocks.len() {
        candidates(doc, b, |_, word| {
            let low = word.to_lowercase();
            if seen.insert(low.clone()) {
                *s.unknown.entry(low).or_insert(0) += 1;
            }
        });
    }
    s
}

/// The words docreview reads as the project's own, for one doc set.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    /// Lower-cased candidate words that are not misspellings after all.
    accepted: HashSet<String>,
    /// Lower-cased candidates that are flagged.
    flagged: HashSet<String>,
}

impl Vocabulary {
    /// Decides which candidates are vocabulary: in code, in at least `min_docs` docs, or accepted by
    /// the team (`accept`, any case).
    pub fn decide(stats: &Stats, accept: &[String], min_docs: usize) -> Vocabulary {
        let team: HashSet<String> = accept.iter().map(|w| w.to_lowercase()).collect();
        let mut v = Vocabulary::default();
        for (w, &n) in &stats.unknown {
            if team.contains(w) || stats.code.contains(w) || n as usize >= min_docs.max(1) {
                v.accepted.insert(w.clone());
            } else {
                v.flagged.insert(w.clone());
            }
        }
        v
    }

    /// Identifies what this vocabulary flags (findings stored under it stay valid while it holds).
    pub fn fingerprint(&self) -> u64 {
        let mut words: Vec<&String> = self.flagged.iter().collect();
        words.sort_unstable();
        let joined: Vec<u8> = words.iter().flat_map(|w| w.bytes().chain([0])).collect();
        crate::core::finding::fnv1a64(&[&joined])
    }

    /// Spelling findings in one document.
    pub fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        if !active.has(RULE) || self.flagged.is_empty() {
            return;
        }
        for b in 0..doc.prose.blocks.len() {
            candidates(doc, b, |w, word| {
                if !self.flagged.contains(&word.to_lowercase()) {
                    return;
                }
                let mut replacements = suggestions(word);
                // A lower-case word no dictionary knows is often a code name ("del", "impl"):
                // formatting it as code is the last alternative.
                if word.chars().all(|c| c.is_ascii_lowercase()) {
                    replacements.push(format!("`{word}`"));
                }
                let message = match replacements.first().filter(|r| !r.starts_with('`')) {
                    Some(r) => format!(
                        "\"{word}\" is not in the dictionary or the project's vocabulary: \"{r}\"?"
                    ),
                    None => {
                        format!("\"{word}\" is not in the dictionary or the project's vocabulary.")
                    }
                };
                out.push(Hit {
                    block: b,
                    range: w.start..w.start + word.len(),
                    rule: RULE.into(),
                    message,
                    replacements,
                });
            });
        }
    }
}

/// Is a block of prose English (so an English dictionary and grammar can judge it)? Blocks in another
/// script, or whose words the dictionary mostly does not know, are another language: docs often quote
/// or translate.
pub fn is_english(text: &str, words: &[Word]) -> bool {
    let (mut letters, mut latin) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c) {
            latin += 1;
        }
    }
    if letters > 0 && latin * 5 < letters * 4 {
        return false;
    }
    // Plain lower-case words are the ones a foreign sentence is made of (names and terms are not).
    let plain: Vec<&str> = words
        .iter()
        .map(|w| w.text(text))
        .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_lowercase()))
        .collect();
    if plain.len() < 5 {
        return true;
    }
    let known = plain.iter().filter(|w| is_known(w)).count();
    known * 2 >= plain.len()
}

/// Calls `f` with each candidate word of block `b`: prose words the dictionary does not know and whose
/// shape and place do not say "term". A hyphenated word is judged by its parts; a possessive `'s` is
/// not part of the word.
fn candidates(doc: &DocProse<'_>, b: usize, mut f: impl FnMut(Word, &str)) {
    let text = doc.prose.blocks[b].text.as_str();
    if !is_english(text, doc.words(b)) {
        return;
    }
    for &w in doc.words(b) {
        if technical_neighbours(text, w) {
            continue;
        }
        let whole = w.text(text);
        // Three or more parts joined by hyphens name a flag, a package or a job ("kube-qpi-burst",
        // "gke-kubernetes-engprod"), not English.
        if whole.split('-').filter(|p| !p.is_empty()).count() >= 3 {
            continue;
        }
        let mut start = w.start;
        for part in whole.split('-') {
            let word = part
                .strip_suffix("'s")
                .or_else(|| part.strip_suffix("\u{2019}s"))
                .unwrap_or(part);
            let here = Word {
                start,
                end: start + word.len(),
            };
            start += part.len() + 1;
            if looks_technical(word) {
                continue;
            }
            // A capitalised word inside a sentence is a name (a product, a person, a place).
            if word.chars().next().is_some_and(char::is_uppercase)
                && !starts_sentence(text, here.start)
            {
                continue;
            }
            if !is_known(word) && !is_derived(word) && !is_term(word) {
                f(here, word);
            }
        }
    }
}

/// Shapes that mark identifiers, acronyms and versions rather than English words.
fn looks_technical(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // Letters outside ASCII: a word of another language (or a name), not an English typo.
    letters <= 2
        || !word.is_ascii()
        || word.chars().any(|c| c.is_ascii_digit())
        || word.chars().skip(1).any(char::is_uppercase)
        || is_all_upper(word)
        || !word
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '\u{2019}')
}

/// Is the word glued to characters that only code uses (`snake_case`, `file.yaml`, `--flag`, `@user`,
/// `#tag`, `$VAR`, `a/b`, `f()`)?
fn technical_neighbours(text: &str, w: Word) -> bool {
    let before = text[..w.start].chars().next_back();
    let mut after = text[w.end..].chars();
    let next = after.next();
    let next2 = after.next();
    matches!(
        before,
        Some(
            '_' | '/'
                | '\\'
                | '@'
                | '#'
                | '$'
                | '='
                | '~'
                | '<'
                | '{'
                | '['
                | '%'
                | '&'
                | '*'
                | '^'
                | '|'
        )
    ) || (before == Some('-') && text[..w.start].ends_with("--"))
        || (before == Some('.')
            && text[..w.start - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric))
        || (before == Some(':')
            && text[..w.start - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric))
        || matches!(
            next,
            Some('_' | '/' | '\\' | '(' | '=' | '{' | '[' | '<' | '@' | '#' | '$')
        )
        || (matches!(next, Some('.' | ':')) && next2.is_some_and(char::is_alphanumeric))
}

/// Prefixes technical English builds words with freely ("refetch", "subclasses", "unreferenced").
const PREFIXES: &[&str] = &[
    "re", "pre", "un", "sub", "post", "auto", "over", "under", "multi", "non", "de", "co", "micro",
    "inter", "intra", "super", "hyper", "meta", "mis", "out", "cross", "self", "semi", "bi", "tri",
];

/// Suffixes that make new words of known ones ("retryable", "persister", "callables"), with what
/// the root may have lost.
const SUFFIXES: &[(&str, &[&str])] = &[
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

/// Is the word a regular derivation of known words: a compound of two ("threadpool", "keybindings",
/// "basename"), a known word with a productive prefix or suffix ("prefetch", "retryable")? Typos are
/// not: "recieve" and "seperate" split into nothing known.
fn is_derived(word: &str) -> bool {
    let w = word.to_lowercase();
    if !w.is_ascii() || w.len() < 5 || destuttered(&w).is_some() {
        return false;
    }
    derived(&w)
}

/// A word typed with a syllable twice ("prerenderered", "informationation"): the word without the
/// repeat, when that one is English.
fn destuttered(w: &str) -> Option<String> {
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
fn derived(w: &str) -> bool {
    let known_or_inflected = |part: &str| part.len() >= 3 && (is_known(part) || inflected(part));
    if inflected(w) {
        return true;
    }
    for p in PREFIXES {
        if let Some(rest) = w.strip_prefix(p)
            && known_or_inflected(rest)
        {
            return true;
        }
    }
    // Two known words, each of at least three letters.
    (3..w.len().saturating_sub(2))
        .any(|i| w.is_char_boundary(i) && is_known(&w[..i]) && known_or_inflected(&w[i..]))
}

/// A known word with a productive suffix ("callables", "persister").
fn inflected(w: &str) -> bool {
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
fn is_term(word: &str) -> bool {
    static WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
        let mut s: HashSet<String> = super::lexicon::lines(include_str!("data/tech-words.txt"))
            .map(str::to_lowercase)
            .collect();
        for line in super::lexicon::lines(include_str!("data/terms.txt")) {
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

thread_local! {
    /// Words this thread has looked up (most words repeat, and a dictionary lookup is not free).
    static KNOWN: RefCell<HashMap<String, bool>> = RefCell::new(HashMap::new());
}

/// Does harper's dictionary know the word (as written, or in lower case)?
fn is_known(word: &str) -> bool {
    if let Some(k) = KNOWN.with(|m| m.borrow().get(word).copied()) {
        return k;
    }
    let k = harper::is_known_word(word);
    KNOWN.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() > 200_000 {
            m.clear();
        }
        m.insert(word.to_owned(), k);
    });
    k
}

/// Closest dictionary words, best first, in the word's case (shared by all threads: computing them is
/// the slow part of spelling).
fn suggestions(word: &str) -> Vec<String> {
    static MEMO: LazyLock<Mutex<HashMap<String, Vec<String>>>> =
        LazyLock::new(|| Mutex::new(HashMap::new()));
    if let Some(s) = MEMO.lock().ok().and_then(|m| m.get(word).cloned()) {
        return s;
    }
    let mut s = harper::suggest(word, 3);
    if word.is_ascii()
        && let Some(fixed) = destuttered(&word.to_lowercase())
    {
        // The same case as the word: the first letter, or all capitals.
        let fixed = if word.chars().all(|c| !c.is_lowercase()) {
            fixed.to_uppercase()
        } else if word.chars().next().is_some_and(char::is_uppercase) {
            super::text::capitalise(&fixed)
        } else {
            fixed
        };
        s.retain(|x| *x != fixed);
        s.insert(0, fixed);
        s.truncate(3);
    }
    if let Ok(mut m) = MEMO.lock() {
        m.insert(word.to_owned(), s.clone());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::markdown::extract;

    fn flagged(docs: &[&str], accept: &[&str], min_docs: usize) -> Vec<Vec<(String, Vec<String>)>> {
        let prose: Vec<_> = docs.iter().map(|d| extract(d)).collect();
        let views: Vec<_> = docs
            .iter()
            .zip(&prose)
            .map(|(d, p)| DocProse::new(d, p))
            .collect();
        let all = views.iter().map(stats).fold(Stats::default(), Stats::merge);
        let accept: Vec<String> = accept.iter().map(|s| s.to_string()).collect();
        let v = Vocabulary::decide(&all, &accept, min_docs);
        let active = Active(HashSet::from([RULE.to_owned()]));
        views
            .iter()
            .map(|view| {
                let mut hits = Vec::new();
                v.check(view, &active, &mut hits);
                hits.into_iter()
                    .map(|h| {
                        (
                            view.prose.blocks[h.block].text[h.range].to_owned(),
                            h.replacements,
                        )
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn misspellings_are_found_with_suggestions() {
        let found = flagged(&["We recieve the data and seperate it.\n"], &[], 3);
        let words: Vec<&str> = found[0].iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["recieve", "seperate"]);
        assert_eq!(found[0][0].1.first().map(String::as_str), Some("receive"));
        assert_eq!(found[0][1].1.first().map(String::as_str), Some("separate"));
        // A syllable typed twice is a slip even where prefix and suffix rules would explain it.
        let found = flagged(
            &["Fetch prerenderered routes, then reregister them.\n"],
            &[],
            3,
        );
        assert_eq!(found[0].len(), 1, "{found:?}");
        assert_eq!(found[0][0].0, "prerenderered");
        assert_eq!(
            found[0][0].1.first().map(String::as_str),
            Some("prerendered")
        );
    }

    #[test]
    fn technical_shapes_are_never_misspellings() {
        let doc = "Use MXNet, HybridBlock and int8 with ONNX on macOS. Set snake_case and \
                   config.yaml, pass --verbose, ping @someone, read $HOME, call run() today, set \
                   kube-qpi-burst and run the post-gogo-generation step.\n\
                   Kubeflow runs here, and Kubernetes's scheduler too.\n";
        assert_eq!(flagged(&[doc], &[], 3), vec![Vec::new()]);
    }

    #[test]
    fn code_words_and_common_words_are_vocabulary() {
        let a = "Call `requantize` first, then requantize again. Also frobnicate it.\n";
        let b = "```python\nx = dequantize(y)\n```\n\nWe dequantize and frobnicate it.\n";
        let c = "Then frobnicate.\n";
        // "requantize" and "dequantize" are in code; "frobnicate" is used by three docs.
        assert_eq!(flagged(&[a, b, c], &[], 3), vec![vec![], vec![], vec![]]);
        // With a higher bar, "frobnicate" is flagged again.
        let found = flagged(&[a, b, c], &[], 4);
        assert!(
            found
                .iter()
                .all(|d| d.iter().all(|(w, _)| w == "frobnicate"))
        );
        assert_eq!(found.iter().map(Vec::len).sum::<usize>(), 3);
        // Accepted by the team, in any case.
        assert_eq!(
            flagged(&[a, b, c], &["Frobnicate"], 4),
            vec![vec![], vec![], vec![]]
        );
    }

    #[test]
    fn a_capitalised_misspelling_at_a_sentence_start_is_found() {
        let found = flagged(&["Recieve it. Then Kubeflow.\n"], &[], 3);
        assert_eq!(found[0].len(), 1);
        assert_eq!(found[0][0].0, "Recieve");
        assert_eq!(found[0][0].1.first().map(String::as_str), Some("Receive"));
    }
}
