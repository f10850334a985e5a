//! Spelling, in two rules:
//!
//! - `spelling.known-typo`: a word on the list of known misspellings ([`super::misspellings`]:
//!   "occured", "paramater", "wih"), with its correction. Flagged in running text, at a sentence start
//!   or inside a camelCase name ("BroswerWindow"), but not where a capital marks a name, and not when
//!   the project uses it in code, accepts it, or one doc writes it again and again.
//! - `spelling.unknown-word`: a word in neither harper's English dictionary nor the project's technical
//!   vocabulary, with the dictionary's closest words. A spelling alarm on a technical term or a name is a
//!   bug, so a word is only a candidate when nothing says it is one:
//!   - its shape: digits (`int8`), inner capitals (`MXNet`, `HybridBlock`, `macOS`), all capitals
//!     (`ONNX`), joined to code-like neighbours (`snake_case`, `file.yaml`, `--flag`, `@user`), one or
//!     two letters; a capital first letter (a name: a product, a person, a place), wherever it stands;
//!   - the doc set: words that occur in inline code or code blocks of any doc, words that at least
//!     `min_docs` docs use, and words used twice (a typo is rarely made the same way twice);
//!   - the team: `[vocabulary] accept` in `.docreview.toml` and `.docreview/vocabulary.txt`;
//!   - derivation: a known word with a prefix or suffix, or two known words joined ("threadpool"),
//!     unless a dictionary word is one slip away ("keybard" is "keyboard", not "key" + "bard").
//!
//!   A candidate is reported only when it is at least five letters long and close to a dictionary
//!   word: a short or far-off unknown word is a name or a term far more often than a typo.
//!
//! Like consistency, spelling is a doc-set rule: each document yields [`Stats`] (cacheable by content),
//! the merged stats decide a [`Vocabulary`], and the vocabulary checks each document.

use super::harper;
use super::text::{Word, is_all_upper};
use super::{Active, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use crate::core::markdown::BlockKind;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, Mutex};

pub const RULE: &str = "spelling.unknown-word";
pub const TYPO: &str = "spelling.known-typo";
pub const LIKELY: &str = "spelling.likely-typo";

/// Docs that must use a word before it counts as the project's vocabulary, by default.
pub const MIN_DOCS: usize = 3;

/// Uses of an unknown word across the doc set that make it the project's own (a typo is rarely made the
/// same way twice; a known misspelling is flagged however often it is made).
const MIN_USES: u32 = 2;

/// Uses of a known misspelling in a single doc that make it that doc's deliberate word (the same
/// misspelling in several docs is a common slip).
const TYPO_CHOSEN: u32 = 3;

/// The shortest word [`LIKELY`] judges: the longer a word, the fewer dictionary words lie one slip from
/// it by chance.
const LIKELY_LETTERS: usize = 7;

/// From this length on, [`LIKELY`] also takes the only dictionary word two slips away.
const LIKELY_TWO_SLIPS: usize = 10;

/// The shortest unknown word reported: shorter ones are abbreviations, names and terms far more often
/// than typos ("nom", "mio", "mise").
const MIN_LETTERS: usize = 5;

/// Is `rule` one of spelling's?
pub fn owns(rule: &str) -> bool {
    rule == RULE || rule == TYPO || rule == LIKELY
}

/// Is any spelling rule on?
pub fn any_on(active: &Active) -> bool {
    active.has(RULE) || active.has(TYPO) || active.has(LIKELY)
}

pub fn rules() -> Vec<RuleInfo> {
    vec![
        RuleInfo {
            id: TYPO.into(),
            severity: Severity::Warning,
            safety: Safety::Review,
            default_on: true,
            summary: "A known misspelling (\"occured\", \"paramater\", \"wih\"), with its correction".into(),
            explain: "Flags words on a list of about 90,000 misspellings people really make (the list the \
                      typos checker uses), each with its correction: \"occured\" → \"occurred\", \
                      \"targetting\" → \"targeting\", \"wih\" → \"with\". Such a word is flagged wherever it \
                      stands in running text, also at a sentence start (after a full stop, or opening a \
                      paragraph or list item before a lower-case word), as a long word in a heading, or as \
                      part of a camelCase name (\"BroswerWindow\"), even where an unknown word would pass as \
                      a compound. It is left alone when it is a name (a capitalised word mid-sentence, \
                      \"Big Sur\", or before another capitalised word, \"Sven Aas\"), a whole link text, \
                      written three times or more in one doc and nowhere else (that doc's word), used in \
                      code (an API may be named so), or listed in [vocabulary] accept or \
                      .docreview/vocabulary.txt."
                .into(),
        },
        RuleInfo {
            id: LIKELY.into(),
            severity: Severity::Warning,
            safety: Safety::Review,
            default_on: false,
            summary: "An unknown word one slip from exactly one English word (\"enforicing\" → \"enforcing\")"
                .into(),
            explain: "Flags a lower-case word of seven letters or more that the dictionary and the project's \
                      vocabulary do not know, when exactly one English word is one slip away (a letter added, \
                      dropped or changed, or two letters swapped): \"prerequisistes\" → \"prerequisites\", \
                      \"validiating\" → \"validating\". From ten letters on, the only word two slips away \
                      counts too (\"incompabitility\" → \"incompatibility\"). The first letter must \
                      match: slips almost never change it. Everything that keeps a word \
                      from spelling.unknown-word keeps it from this rule as well (code, names, words used \
                      twice or by several docs, the vocabulary), and so do headings, table cells, link texts \
                      and words the doc's own links contain (package and project names: \"bytenode\"). \
                      When it is on it takes those words from spelling.unknown-word, with the one fix."
                .into(),
        },
        RuleInfo {
            id: RULE.into(),
            severity: Severity::Warning,
            safety: Safety::Review,
            default_on: false,
            summary: "A word in neither the English dictionary nor the project's technical vocabulary".into(),
            explain: "Flags words that harper-core's English dictionary does not know and that nothing marks as a \
                      technical term or a name. These never count as misspelled:\n\
                      - identifiers by their shape: digits (int8), inner capitals (MXNet, HybridBlock, macOS), all \
                      capitals (ONNX), words joined to code-like characters (snake_case, config.yaml, --flag);\n\
                      - names: words with a capital first letter, wherever they stand;\n\
                      - words that appear in inline code or a code block anywhere in the doc set, words that at \
                      least 3 docs use ([vocabulary] min_docs) and words used twice;\n\
                      - known words with a prefix or suffix and two known words joined (threadpool), unless a \
                      dictionary word is one slip away (keybard: keyboard);\n\
                      - words shorter than five letters, and words no dictionary word is close to;\n\
                      - words in [vocabulary] accept of .docreview.toml or in .docreview/vocabulary.txt (one a \
                      line). `docreview vocab add WORD` and the review screen's + key add to that file.\n\
                      The replacements are the closest dictionary words, the most common first, and for a \
                      lower-case word its formatting as code (a name such as impl is code); pick one, or add \
                      the word to the vocabulary if it is right."
                .into(),
        },
    ]
}

/// How often the doc set uses an unknown word.
#[derive(Debug, Default, Clone, Copy, Serialize, Deserialize)]
struct Uses {
    docs: u32,
    uses: u32,
}

/// What one document tells about the vocabulary. Mergeable and storable like consistency counts.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Stats {
    /// Lower-cased words seen in code.
    code: HashSet<String>,
    /// Lower-cased candidate words (unknown to the dictionary, or known misspellings) → their uses.
    unknown: HashMap<String, Uses>,
}

impl Stats {
    pub fn merge(mut self, other: Stats) -> Stats {
        if self.code.len() + self.unknown.len() < other.code.len() + other.unknown.len() {
            return other.merge(self);
        }
        self.code.extend(other.code);
        for (w, n) in other.unknown {
            let e = self.unknown.entry(w).or_default();
            e.docs += n.docs;
            e.uses += n.uses;
        }
        self
    }
}

/// The stats of one document.
pub fn stats(doc: &DocProse<'_>) -> Stats {
    let mut s = Stats::default();
    // Comments read as prose are not code: their words do not teach the vocabulary.
    let comments: Vec<std::ops::Range<usize>> = doc
        .prose
        .blocks
        .iter()
        .filter(|b| b.kind == crate::core::markdown::BlockKind::CodeComment)
        .flat_map(|b| b.segments.iter().map(|g| g.src..g.src + g.src_len))
        .collect();
    for range in &doc.prose.code {
        let Some(code) = doc.file.get(range.clone()) else {
            continue;
        };
        let blanked: String;
        let code = if comments
            .iter()
            .any(|c| range.start <= c.start && c.end <= range.end)
        {
            let mut bytes = code.as_bytes().to_vec();
            for c in comments
                .iter()
                .filter(|c| range.start <= c.start && c.end <= range.end)
            {
                bytes[c.start - range.start..c.end - range.start].fill(b' ');
            }
            blanked = String::from_utf8_lossy(&bytes).into_owned();
            blanked.as_str()
        } else {
            code
        };
        for w in code.split(|c: char| !c.is_alphanumeric()) {
            if w.chars().count() > 2 && w.chars().any(char::is_alphabetic) {
                s.code.insert(w.to_lowercase());
            }
        }
    }
    for b in 0..doc.prose.blocks.len() {
        candidates(doc, b, |_, word, _| {
            let e = s.unknown.entry(word.to_lowercase()).or_default();
            if e.uses == 0 {
                e.docs = 1;
            }
            e.uses += 1;
        });
    }
    s
}

/// The words docreview reads as the project's own, for one doc set.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    /// Lower-cased candidates that are flagged.
    flagged: HashSet<String>,
}

impl Vocabulary {
    /// Decides which candidates are flagged: not in code, not accepted by the team (`accept`, any case),
    /// and, unless a known misspelling, used by fewer than `min_docs` docs and only once.
    pub fn decide(stats: &Stats, accept: &[String], min_docs: usize) -> Vocabulary {
        let team: HashSet<String> = accept.iter().map(|w| w.to_lowercase()).collect();
        let mut v = Vocabulary::default();
        for (w, n) in &stats.unknown {
            let known_typo = super::misspellings::corrections(w).is_some();
            let common = n.docs as usize >= min_docs.max(1) || n.uses >= MIN_USES;
            // A known misspelling one doc writes again and again is its word ("queued onces"), not a
            // slip.
            let chosen = n.uses >= TYPO_CHOSEN && n.docs == 1;
            if !(team.contains(w) || stats.code.contains(w) || (common && !known_typo) || chosen) {
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
        if !any_on(active) || self.flagged.is_empty() {
            return;
        }
        for b in 0..doc.prose.blocks.len() {
            candidates(doc, b, |w, word, kind| {
                if !self.flagged.contains(&word.to_lowercase()) {
                    return;
                }
                let range = w.start..w.start + word.len();
                match kind {
                    Candidate::Typo(fixes) if active.has(TYPO) => {
                        let message = match fixes.first() {
                            Some(fix) => {
                                format!("\"{word}\" is a common misspelling of \"{fix}\".")
                            }
                            None => format!("\"{word}\" is a common misspelling."),
                        };
                        out.push(Hit {
                            block: b,
                            range,
                            rule: TYPO.into(),
                            message,
                            replacements: fixes,
                        });
                    }
                    Candidate::Unknown if active.has(RULE) || active.has(LIKELY) => {
                        if word.chars().count() < MIN_LETTERS {
                            return;
                        }
                        if active.has(LIKELY)
                            && let Some(fix) = likely_typo(doc, b, range.clone(), word)
                        {
                            out.push(Hit {
                                block: b,
                                range,
                                rule: LIKELY.into(),
                                message: format!("\"{word}\" looks like a slip for \"{fix}\"."),
                                replacements: vec![fix],
                            });
                            return;
                        }
                        if !active.has(RULE) {
                            return;
                        }
                        let mut replacements = suggestions(word);
                        if replacements.is_empty() {
                            return;
                        }
                        // A lower-case word no dictionary knows is often a code name ("impl"): formatting
                        // it as code is the last alternative.
                        if word.chars().all(|c| c.is_ascii_lowercase()) {
                            replacements.push(format!("`{word}`"));
                        }
                        out.push(Hit {
                            block: b,
                            range,
                            rule: RULE.into(),
                            message: format!(
                                "\"{word}\" is not in the dictionary or the project's vocabulary: \"{}\"?",
                                replacements[0]
                            ),
                            replacements,
                        });
                    }
                    _ => {}
                }
            });
        }
    }
}

/// The one English word an unknown word at `view` of block `b` is a slip for, if there is exactly one
/// (see [`LIKELY`]); none in headings, table cells and link texts, nor for a word the doc's links contain.
fn likely_typo(
    doc: &DocProse<'_>,
    b: usize,
    view: std::ops::Range<usize>,
    word: &str,
) -> Option<String> {
    let letters = word.chars().count();
    if letters < LIKELY_LETTERS || !word.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let block = &doc.prose.blocks[b];
    if matches!(block.kind, BlockKind::Heading | BlockKind::TableCell)
        || doc.whole_link_text(b, view.clone())
        || in_link_text(doc, b, view)
        || doc
            .prose
            .links
            .iter()
            .any(|l| l.text.to_lowercase().contains(word))
    {
        return None;
    }
    let near = harper::near_words(word, 2, 12);
    let plain = |c: &&String| {
        c.chars().all(|c| c.is_ascii_lowercase())
            && c.len() >= 4
            && c.replace(['-', ' ', '\''], "") != word
            // Slips almost never change a word's first letter; another first letter is another word
            // ("decapsulate", not "encapsulate").
            && c.chars().next() == word.chars().next()
    };
    let at = |d: usize| -> Vec<&String> {
        near.iter()
            .filter(plain)
            .filter(|c| strsim::osa_distance(word, c) == d)
            .collect()
    };
    match at(1).as_slice() {
        [one] => Some((*one).clone()),
        [] if letters >= LIKELY_TWO_SLIPS => match at(2).as_slice() {
            [one] => Some((*one).clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Is `view` of block `b` inside the text of a link (`[… view …](…)`)?
fn in_link_text(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    let Some(src) = doc.prose.blocks[b].to_source_lossy(view) else {
        return true;
    };
    let line_start = doc.file[..src.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = doc.file[src.end..]
        .find('\n')
        .map_or(doc.file.len(), |i| src.end + i);
    let before = &doc.file[line_start..src.start];
    let after = &doc.file[src.end..line_end];
    match (before.rfind('['), after.find(']')) {
        (Some(open), Some(close)) => {
            !before[open..].contains(']')
                && !after[..close].contains('[')
                && (after[close..].starts_with("](") || after[close..].starts_with("]["))
        }
        _ => false,
    }
}

/// What kind of spelling candidate a word is.
enum Candidate {
    /// A known misspelling, with its corrections in the word's case.
    Typo(Vec<String>),
    /// Unknown to the dictionary and to everything that marks terms.
    Unknown,
}

/// Is a block of prose English (so an English dictionary and grammar can judge it)? Blocks in another
/// script, or whose words the dictionary mostly does not know, are another language: docs often quote
/// or translate.
pub fn is_english(text: &str, words: &[Word]) -> bool {
    if super::language::other_script(text) || super::language::tally(text, words).is_foreign() {
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

/// Calls `f` with each candidate word of block `b`: known misspellings, and prose words the dictionary
/// does not know and whose shape does not say "term" or "name". A hyphenated word is judged by its parts;
/// a possessive `'s` is not part of the word.
fn candidates(doc: &DocProse<'_>, b: usize, mut f: impl FnMut(Word, &str, Candidate)) {
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
            if word.is_empty() {
                continue;
            }
            if let Some(fixes) = typo(word) {
                if plain_typo(doc, b, whole, here, word) {
                    f(here, word, Candidate::Typo(fixes));
                }
                continue;
            }
            // A capitalised word is a name (a product, a person, a place), at a sentence start too: in
            // docs, names open list items, headings and table cells all the time.
            if looks_technical(word) || word.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if !is_known(word) && !is_other_dialect(word) && !is_derived(word) && !is_term(word) {
                f(here, word, Candidate::Unknown);
            }
        }
    }
}

/// Is a known misspelling at `here` a slip, not a name or a deliberate form? Capitalised, it is a slip
/// only inside running text, after the end of a sentence and before a lower-case word ("It works.
/// Occured twice"): at the start of a block (a list of people, a heading) and mid-sentence ("Big Sur")
/// a capital marks a name. A whole link text is a name too, and a prefix kept apart by a hyphen
/// ("mis-parse") or a short part of a hyphenated word is not a word of its own.
fn plain_typo(doc: &DocProse<'_>, b: usize, whole: &str, here: Word, word: &str) -> bool {
    let text = doc.prose.blocks[b].text.as_str();
    if whole.contains('-') {
        let lower = word.to_lowercase();
        if word.len() < 4 || PREFIXES.contains(&lower.as_str()) || lower == "mis" {
            return false;
        }
    }
    let mut chars = word.chars();
    let capitalised =
        chars.next().is_some_and(char::is_uppercase) && !chars.any(|c| c.is_uppercase());
    if capitalised {
        let kind = doc.prose.blocks[b].kind;
        let before = text[..here.start]
            .trim_end_matches(|c: char| c.is_whitespace() || "\"'“‘([*_".contains(c));
        // A sentence starts after a full stop, or at the start of a paragraph or list item; a name
        // is followed by another capitalised word ("Calle Englund").
        let starts = before.ends_with(['.', '!', '?'])
            || (before.is_empty() && !matches!(kind, BlockKind::Heading | BlockKind::TableCell));
        let next = text[here.end..].trim_start();
        let next_lower = next.is_empty()
            || next.starts_with([',', ':', ';', '.'])
            || next
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(|c: char| c.is_lowercase());
        // In a heading, a long word: names there are short or known ("## Configure Syntax
        // Hightlighter").
        let heading_word = kind == BlockKind::Heading && word.chars().count() >= 7;
        if !((starts && next_lower) || heading_word) {
            return false;
        }
    }
    !doc.whole_link_text(b, here.start..here.end)
}

/// A word spelled the way another English dialect spells a known word ("synthesised", "anonymising",
/// "colour", "centre", "travelled", "catalogue"): a choice of dialect, not a typo.
fn is_other_dialect(word: &str) -> bool {
    const SWAPS: &[(&str, &str)] = &[
        ("is", "iz"),
        ("ys", "yz"),
        ("our", "or"),
        ("tre", "ter"),
        ("lled", "led"),
        ("lling", "ling"),
        ("ller", "ler"),
        ("ogue", "og"),
        ("ence", "ense"),
    ];
    let w = word.to_lowercase();
    SWAPS.iter().any(|(from, to)| {
        w.match_indices(from).any(|(i, _)| {
            let other = format!("{}{to}{}", &w[..i], &w[i + from.len()..]);
            is_known(&other) || affixed(&other)
        })
    })
}

/// A known misspelling, with its corrections in the word's case: the word itself ("occured"), or one
/// part of a camelCase name ("BroswerWindow" → "BrowserWindow"). Words of all capitals are acronyms.
fn typo(word: &str) -> Option<Vec<String>> {
    if !word.is_ascii() || word.len() < 3 || is_all_upper(word) {
        return None;
    }
    if !word.chars().skip(1).any(|c| c.is_ascii_uppercase()) {
        if !word.chars().all(|c| c.is_ascii_alphabetic()) || is_known(word) {
            return None;
        }
        return super::misspellings::cased_corrections(word);
    }
    camel_typo(word).map(|fixed| vec![fixed])
}

/// A camelCase or PascalCase name with one misspelt part (of at least six letters): the name with that
/// part corrected ("BroswerWindow" → "BrowserWindow").
fn camel_typo(word: &str) -> Option<String> {
    if !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    // Parts start at each capital that follows a lower-case letter ("getHTTPBroswer" keeps "HTTP").
    let bytes = word.as_bytes();
    let mut cuts = vec![0];
    for i in 1..bytes.len() {
        if bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase() {
            cuts.push(i);
        }
    }
    if cuts.len() < 2 {
        return None;
    }
    cuts.push(bytes.len());
    for pair in cuts.windows(2) {
        let part = &word[pair[0]..pair[1]];
        // Short parts are too often a name's syllable ("Hashi" of HashiCorp).
        if part.len() < 6 || is_all_upper(part) || is_known(part) {
            continue;
        }
        let Some(fix) =
            super::misspellings::cased_corrections(part).and_then(|f| f.into_iter().next())
        else {
            continue;
        };
        return Some(format!("{}{fix}{}", &word[..pair[0]], &word[pair[1]..]));
    }
    None
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
                | ']'
                | ')'
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

/// Is the word a regular derivation of known words: a known word with a productive prefix or suffix
/// ("prefetch", "retryable"), a compound of two ("threadpool", "keybindings", "basename")? Typos are
/// not: "recieve" and "seperate" split into nothing known, and "keybard" and "outpit" split into two
/// known words but are one slip from a dictionary word ("keyboard", "output").
fn is_derived(word: &str) -> bool {
    let w = word.to_lowercase();
    if !w.is_ascii() || w.len() < 5 || destuttered(&w).is_some() {
        return false;
    }
    affixed(&w) || (compound(&w) && !near_known(&w))
}

thread_local! {
    /// Words this thread has asked [`harper::near_known`] about.
    static NEAR: RefCell<HashMap<String, bool>> = RefCell::new(HashMap::new());
}

/// Is a dictionary word one slip from `w` (lower case)? Remembered per thread: a fuzzy search is costly.
fn near_known(w: &str) -> bool {
    remembered(&NEAR, w, 50_000, harper::near_known)
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
    affixed(w) || compound(w)
}

fn known_or_inflected(part: &str) -> bool {
    part.len() >= 3 && (is_known(part) || inflected(part))
}

/// A known word with a productive prefix or suffix ("unpatched", "resumable").
fn affixed(w: &str) -> bool {
    inflected(w)
        || PREFIXES
            .iter()
            .any(|p| w.strip_prefix(p).is_some_and(known_or_inflected))
}

/// Two known words joined, each of at least three letters ("threadpool").
fn compound(w: &str) -> bool {
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
    remembered(&KNOWN, word, 200_000, harper::is_known_word)
}

/// `answer(word)`, remembered in this thread's `memo` (cleared when it holds more than `limit` words).
fn remembered(
    memo: &'static std::thread::LocalKey<RefCell<HashMap<String, bool>>>,
    word: &str,
    limit: usize,
    answer: impl FnOnce(&str) -> bool,
) -> bool {
    if let Some(k) = memo.with(|m| m.borrow().get(word).copied()) {
        return k;
    }
    let k = answer(word);
    memo.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() > limit {
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
    let mut s = ranked(word, harper::near_words(word, 2, 12));
    if s.is_empty() && word.chars().count() >= 8 {
        s = ranked(word, harper::near_words(word, 3, 12));
    }
    if word.is_ascii()
        && let Some(fixed) = destuttered(&word.to_lowercase())
    {
        let fixed = super::misspellings::match_case(word, &fixed);
        s.retain(|x| *x != fixed);
        s.insert(0, fixed);
    }
    s.truncate(3);
    if let Ok(mut m) = MEMO.lock() {
        m.insert(word.to_owned(), s.clone());
    }
    s
}

/// Candidate corrections in the order a reviewer would pick them: fewest slips first (two letters
/// swapped is one slip), then the more common word (how many known misspellings lead to it), then a
/// neighbouring key on the keyboard, then harper's own order.
fn ranked(word: &str, candidates: Vec<String>) -> Vec<String> {
    let lower = word.to_lowercase();
    let mut keyed: Vec<_> = candidates
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let cl = c.to_lowercase();
            let slips = strsim::osa_distance(&lower, &cl);
            let common = match super::misspellings::frequency(&cl) {
                0 => 0u8,
                1..=4 => 1,
                5..=14 => 2,
                _ => 3,
            };
            let far_key = !keyboard_slip(&lower, &cl);
            ((slips, std::cmp::Reverse(common), far_key, i), c)
        })
        .collect();
    keyed.sort_by_key(|k| k.0);
    keyed.into_iter().map(|(_, c)| c).collect()
}

/// Do `a` and `b` differ in one letter only, one key apart on a QWERTY keyboard ("wotk" for "work")?
fn keyboard_slip(a: &str, b: &str) -> bool {
    const ROWS: [&str; 3] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
    // Each row sits a little to the right of the one above it.
    const SHIFT: [f32; 3] = [0.0, 0.25, 0.75];
    let key = |c: char| {
        ROWS.iter()
            .enumerate()
            .find_map(|(r, row)| row.find(c).map(|x| (r as f32, x as f32 + SHIFT[r])))
    };
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<(char, char)> = a.chars().zip(b.chars()).filter(|(x, y)| x != y).collect();
    match diff.as_slice() {
        [(x, y)] => match (key(*x), key(*y)) {
            (Some((r1, c1)), Some((r2, c2))) => (r1 - r2).abs() <= 1.0 && (c1 - c2).abs() <= 1.0,
            _ => false,
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::markdown::extract;

    /// Each doc's findings as (rule, word, replacements), both spelling rules on.
    fn found(
        docs: &[&str],
        accept: &[&str],
        min_docs: usize,
    ) -> Vec<Vec<(String, String, Vec<String>)>> {
        found_with(docs, accept, min_docs, &[RULE, TYPO])
    }

    /// Each doc's findings as (rule, word, replacements), with the given rules on.
    fn found_with(
        docs: &[&str],
        accept: &[&str],
        min_docs: usize,
        rules: &[&str],
    ) -> Vec<Vec<(String, String, Vec<String>)>> {
        let prose: Vec<_> = docs.iter().map(|d| extract(d)).collect();
        let views: Vec<_> = docs
            .iter()
            .zip(&prose)
            .map(|(d, p)| DocProse::new(d, p))
            .collect();
        let all = views.iter().map(stats).fold(Stats::default(), Stats::merge);
        let accept: Vec<String> = accept.iter().map(|s| s.to_string()).collect();
        let v = Vocabulary::decide(&all, &accept, min_docs);
        let active = Active(rules.iter().map(|r| r.to_string()).collect());
        views
            .iter()
            .map(|view| {
                let mut hits = Vec::new();
                v.check(view, &active, &mut hits);
                hits.into_iter()
                    .map(|h| {
                        let word = view.prose.blocks[h.block].text[h.range].to_owned();
                        (h.rule, word, h.replacements)
                    })
                    .collect()
            })
            .collect()
    }

    fn words(docs: &[&str]) -> Vec<String> {
        found(docs, &[], MIN_DOCS)
            .into_iter()
            .flatten()
            .map(|(_, w, _)| w)
            .collect()
    }

    fn first_fix(doc: &str) -> Option<String> {
        found(&[doc], &[], MIN_DOCS)[0]
            .first()
            .and_then(|(_, _, r)| r.first().cloned())
    }

    #[test]
    fn a_likely_typo_is_one_slip_from_exactly_one_word_in_running_text() {
        let doc = "The tool keeps enforicing the policies, the prerequisistes and the diciplines.\n\n\
                   ## Enforicing rules in a heading\n\n\
                   It uses [enforicing](https://example.com/x) links and the enforicing package.\n\n\
                   [pkg]: https://example.com/diciplines\n";
        let likely: Vec<(String, Vec<String>)> = found_with(&[doc], &[], MIN_DOCS, &[LIKELY, TYPO])
            [0]
        .iter()
        .filter(|(rule, _, _)| rule == LIKELY)
        .map(|(_, w, r)| (w.clone(), r.clone()))
        .collect();
        // "enforicing" is used more than once here, so it is the doc set's word; "diciplines" is in a
        // link of the doc.
        assert_eq!(
            likely,
            [(
                "prerequisistes".to_owned(),
                vec!["prerequisites".to_owned()]
            )]
        );
        let once = "Each rule is enforicing one thing.\n";
        let hits = found_with(&[once], &[], MIN_DOCS, &[LIKELY, RULE]);
        assert_eq!(hits[0].len(), 1, "{hits:?}");
        assert_eq!(hits[0][0].0, LIKELY);
        assert_eq!(hits[0][0].2, ["enforcing"]);
        // A short word, or one whose first letter would change, is not judged.
        let hits = found_with(
            &["It holds a bardz and an ncryption key.\n"],
            &[],
            MIN_DOCS,
            &[LIKELY],
        );
        assert!(hits[0].is_empty(), "{hits:?}");
    }

    #[test]
    fn known_misspellings_are_found_anywhere_with_their_correction() {
        let doc = "We recieve the data. Occured twice, then the KubeflowBroswerWindow opened.\n\n\
                   # Paramater\n\nIt ran. Paramater checks follow.\n";
        let hits = &found(&[doc], &[], MIN_DOCS)[0];
        let summary: Vec<(&str, &str, Option<&str>)> = hits
            .iter()
            .map(|(r, w, fixes)| (r.as_str(), w.as_str(), fixes.first().map(String::as_str)))
            .collect();
        assert_eq!(
            summary,
            [
                (TYPO, "recieve", Some("receive")),
                (TYPO, "Occured", Some("Occurred")),
                (TYPO, "KubeflowBroswerWindow", Some("KubeflowBrowserWindow")),
                (TYPO, "Paramater", Some("Parameter")),
                (TYPO, "Paramater", Some("Parameter")),
            ]
        );
        // A capital at the start of a block, mid-sentence or in a link marks a name; a prefix kept apart
        // by a hyphen is not a word.
        let names = "* Sven Aas\n* Stephen Childs\n\n## Big Sur\n\nIt runs on Big Sur with HashiCorp Vault. Thanks to [jus](https://jus.li), \
                     it does not mis-parse.\n\n- [l]ist the files, [o]utput them.\n";
        assert!(words(&[names]).is_empty(), "{:?}", words(&[names]));
        // A paragraph or a list item starts a sentence.
        assert_eq!(
            words(&["Rember to use it.\n\n- Othere examples follow.\n\n- Calle Englund\n"]),
            ["Rember", "Othere"]
        );
        // Across docs a known misspelling stays one; used again and again by one doc, it is its word.
        assert_eq!(
            words(&["The paramater.\n", "A paramater.\n", "Each paramater.\n"]).len(),
            3
        );
        assert!(words(&["The paramater, a paramater and each paramater.\n"]).is_empty());
        // Unless the project names something so in code, or accepts it.
        let api = ["Set the paramater.\n", "```js\napi.paramater = 1\n```\n"];
        assert!(words(&api).is_empty());
        assert!(found(&["The paramater.\n"], &["Paramater"], MIN_DOCS)[0].is_empty());
    }

    #[test]
    fn unknown_words_close_to_english_are_found_with_the_closest_words() {
        let hits = &found(
            &["It checks the environvent and the functioanlity.\n"],
            &[],
            MIN_DOCS,
        )[0];
        let summary: Vec<(&str, &str)> = hits
            .iter()
            .map(|(r, w, _)| (r.as_str(), w.as_str()))
            .collect();
        assert_eq!(summary, [(RULE, "environvent"), (RULE, "functioanlity")]);
        assert_eq!(hits[0].2.first().map(String::as_str), Some("environment"));
        assert_eq!(hits[1].2.first().map(String::as_str), Some("functionality"));
        // A syllable typed twice is a slip even where prefix and suffix rules would explain it.
        assert_eq!(
            first_fix("Fetch prerenderered routes, then reregister them.\n").as_deref(),
            Some("prerendered")
        );
        // The most common of equally close words comes first.
        assert_eq!(
            first_fix("We ship it wih care and respons fast.\n").as_deref(),
            Some("with")
        );
    }

    #[test]
    fn a_compound_is_a_word_only_when_no_dictionary_word_is_one_slip_away() {
        // Two known words joined, far from any dictionary word: a compound.
        assert!(words(&["The threadpool reads the basename.\n"]).is_empty());
        // Two known words joined, one slip from a dictionary word: a typo of that word.
        assert_eq!(
            words(&["Check the dashbard in the sidebard.\n"]),
            ["dashbard", "sidebard"]
        );
        assert_eq!(
            first_fix("Check the dashbard.\n").as_deref(),
            Some("dashboard")
        );
    }

    #[test]
    fn names_terms_and_short_or_far_words_are_not_misspellings() {
        let doc = "Use MXNet, HybridBlock and int8 with ONNX on macOS. Set snake_case and \
                   config.yaml, pass --verbose, ping @someone, read $HOME, call run() today, set \
                   kube-qpi-burst and run the post-gogo-generation step.\n\
                   Kubeflow runs here, and Kubernetes's scheduler too.\n\n\
                   - Zanthor Quibbleton: thanks!\n\n\
                   # Grobnify\n\n\
                   Run nom and mise, then the zqxjvk step.\n";
        assert_eq!(words(&[doc]), Vec::<String>::new());
    }

    #[test]
    fn code_words_and_common_words_are_vocabulary() {
        let a = "Call `requantize` first, then requantize again. The environvent differs.\n";
        let b = "```python\nx = dequantize(y)\n```\n\nWe dequantize the environvent.\n";
        // "requantize" and "dequantize" are in code; "environvent" is used twice.
        assert!(words(&[a, b]).is_empty());
        // Used once, it is flagged.
        assert_eq!(words(&["The environvent differs.\n"]), ["environvent"]);
        // Accepted by the team, in any case.
        assert!(found(&["The environvent differs.\n"], &["Environvent"], MIN_DOCS)[0].is_empty());
    }

    #[test]
    fn suggestions_prefer_common_words_and_neighbouring_keys() {
        assert!(keyboard_slip("wotk", "work"));
        assert!(!keyboard_slip("wobk", "work"));
        let order = ranked("wih", vec!["wig".into(), "win".into(), "with".into()]);
        assert_eq!(order.first().map(String::as_str), Some("with"));
    }
}
