//! Spelling, in two rules:
//!
//! - `spelling.known-typo`: a word on the list of known misspellings ([`super::misspellings`]:
//!   "occured", "paramater", "wih"), with its correction. Flagged in running text, at a sentence start
//!   or inside a camelCase name ("BroswerWindow"), but not where a capital marks a name (unless the word
//!   is long: "Certificate Transperancy"), and not when
//!   the project uses it in code, accepts it, or one doc writes it again and again. Inside inline code, a
//!   misspelt part of a name that only one doc writes ([`code`]: `.github/worflows`).
//! - `spelling.unknown-word`: a word in neither harper's English dictionary nor the project's technical
//!   vocabulary, with the dictionary's closest words. A spelling alarm on a technical term or a name is a
//!   bug, so a word is only a candidate when nothing says it is one:
//!   - its shape: digits (`int8`), inner capitals (`MXNet`, `HybridBlock`, `macOS`), all capitals
//!     (`ONNX`), joined to code-like neighbours (`snake_case`, `file.yaml`, `--flag`, `@user`), one or
//!     two letters; a capital first letter (a name: a product, a person, a place), wherever it stands;
//!   - the doc set: words that occur in inline code or code blocks of any doc, words that at least
//!     `min_docs` docs use, and words used in two sentences (a typo is rarely made the same way twice;
//!     a sentence copied to another doc is one use);
//!   - the team: `[vocabulary] accept` in `.docreview.toml` and `.docreview/vocabulary.txt`;
//!   - derivation: a known word with a prefix or suffix, or two known words joined ("threadpool"),
//!     unless a dictionary word is one slip away ("keybard" is "keyboard", not "key" + "bard"), or,
//!     for a suffix, a far commoner word than its root ("currantly" is "currently", not "currant" +
//!     "ly").
//!
//!   A candidate is reported only when it is at least five letters long and close to a dictionary
//!   word: a short or far-off unknown word is a name or a term far more often than a typo.
//!
//! Like consistency, spelling is a doc-set rule: each document yields [`Stats`] (cacheable by content),
//! the merged stats decide a [`Vocabulary`], and the vocabulary checks each document.

use super::dictionary::{self, is_known, near_known};
use super::text::{Word, is_all_upper};
use super::{Active, DocProse, Hit};
use crate::core::markdown::BlockKind;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, Mutex};

mod candidates;
mod code;
mod info;
mod likely;

pub use candidates::looks_technical;
pub use info::rules;
mod suggest;
mod twins;
mod words;

use candidates::*;
use likely::likely_typo;
use suggest::*;
use words::*;

pub const RULE: &str = "spelling.unknown-word";

pub const TYPO: &str = "spelling.known-typo";

pub const LIKELY: &str = "spelling.likely-typo";

pub const SLIP: &str = "spelling.code-slip";

/// Docs that must use a word before it counts as the project's vocabulary, by default.
pub const MIN_DOCS: usize = 3;

/// Uses of an unknown word across the doc set, each in its own words, that make it the project's own (a
/// typo is rarely made the same way twice, though a copied sentence copies it; a known misspelling is
/// flagged however often it is made).
const MIN_USES: usize = 2;

/// The words either side of a use that tell a use apart from a copy of it.
const CONTEXT_WORDS: usize = 3;

/// Uses of a known misspelling in a single doc that make it that doc's deliberate word (the same
/// misspelling in several docs is a common slip).
const TYPO_CHOSEN: u32 = 3;

/// The shortest capitalised known misspelling [`TYPO`] flags where a capital would mark a name
/// ("Certificate Transperancy"): names are short or known.
const TYPO_LONG: usize = 7;

/// The shortest word [`LIKELY`] judges: the longer a word, the fewer dictionary words lie one slip from
/// it by chance.
const LIKELY_LETTERS: usize = 7;

/// How many times a doc must write a capitalised name for a word one slip from it, written once, to be
/// that name misspelt (see [`LIKELY`]).
const NAME_USES: usize = 3;

/// How many known misspellings must lead to the word [`LIKELY`] offers: a slip is made toward a word
/// people write often; an unknown word one slip from a rare word ("automaton", "refile") is more often
/// a rare word itself.
const LIKELY_COMMON: u32 = 2;

/// The shortest unknown word reported: shorter ones are abbreviations, names and terms far more often
/// than typos ("nom", "mio", "mise").
const MIN_LETTERS: usize = 5;

/// Keeps the flagged words apart from the flagged code slips in [`Vocabulary::fingerprint`].
static SEPARATOR: String = String::new();

/// Is `rule` one of spelling's?
pub fn owns(rule: &str) -> bool {
    rule == RULE || rule == TYPO || rule == LIKELY || rule == SLIP
}

/// Is any spelling rule on?
pub fn any_on(active: &Active) -> bool {
    active.has(RULE) || active.has(TYPO) || active.has(LIKELY) || active.has(SLIP)
}

/// How often the doc set uses an unknown word.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
struct Uses {
    docs: u32,
    uses: u32,
    /// The uses' surroundings (see [`context`]), told apart up to [`MIN_USES`]: a sentence copied to
    /// another doc (a renamed page, a docs version) is one use, however many copies there are.
    contexts: Vec<u64>,
}

impl Uses {
    fn add_context(&mut self, context: u64) {
        if self.contexts.len() < MIN_USES && !self.contexts.contains(&context) {
            self.contexts.push(context);
        }
    }
}

/// The words either side of the word at `w` in its sentence, lower-cased, as a number: two uses with the
/// same surroundings are one sentence written twice (whatever sentences stand around it).
fn context(text: &str, w: crate::core::rules::text::Word) -> u64 {
    let sentence = crate::core::rules::text::sentence_around(text, w.start..w.end);
    let before = text[sentence.start..w.start]
        .split_whitespace()
        .rev()
        .take(CONTEXT_WORDS);
    let after = text[w.end..sentence.end]
        .split_whitespace()
        .take(CONTEXT_WORDS);
    let around: Vec<String> = before
        .chain(std::iter::once(&text[w.start..w.end]))
        .chain(after)
        .map(str::to_lowercase)
        .collect();
    crate::core::finding::fnv1a64(&[around.join(" ").as_bytes()])
}

/// What one document tells about the vocabulary. Mergeable and storable like consistency counts.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Stats {
    /// Lower-cased words seen in code.
    code: HashSet<String>,
    /// Lower-cased candidate words (unknown to the dictionary, or known misspellings) → their uses.
    unknown: HashMap<String, Uses>,
    /// Known misspellings among the parts of names in code (`worflows` in `.github/worflows`).
    code_typos: HashMap<String, code::CodeUse>,
    /// Whole inline code spans that are names (see [`code::span_slips`]).
    #[serde(default)]
    spans: HashMap<String, code::SpanUse>,
    /// Parts of names in inline code that no dictionary knows (see [`code::part_slips`]).
    #[serde(default)]
    code_parts: HashMap<String, code::PartUse>,
    /// The last part of each camel-case name in code, lower-cased ("varint" of `ReadVarint`).
    #[serde(default)]
    code_tails: HashSet<String>,
}

impl Stats {
    pub fn merge(mut self, other: Stats) -> Stats {
        if self.code.len() + self.unknown.len() < other.code.len() + other.unknown.len() {
            return other.merge(self);
        }
        self.code.extend(other.code);
        self.code_tails.extend(other.code_tails);
        for (w, u) in other.code_typos {
            let e = self.code_typos.entry(w).or_default();
            e.docs += u.docs;
            e.in_block |= u.in_block;
        }
        for (w, n) in other.unknown {
            let e = self.unknown.entry(w).or_default();
            e.docs += n.docs;
            e.uses += n.uses;
            for c in n.contexts {
                e.add_context(c);
            }
        }
        for (c, n) in other.spans {
            let e = self.spans.entry(c).or_default();
            e.docs += n.docs;
            e.uses += n.uses;
        }
        for (c, n) in other.code_parts {
            let e = self.code_parts.entry(c).or_default();
            e.docs += n.docs;
            e.uses += n.uses;
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
        // A comment is not code: its words ("// the previous middleware fucntion") do not teach the
        // vocabulary, whether it reads as prose or sets code aside. What it quotes is a value of the
        // code ("// \"abd\"", "calling `next`") and still does.
        let inside = |c: &&std::ops::Range<usize>| range.start <= c.start && c.end <= range.end;
        let blanked: String;
        let code = if doc.prose.comment_text.iter().any(|c| inside(&c)) {
            let mut bytes = code.as_bytes().to_vec();
            for c in doc.prose.comment_text.iter().filter(inside) {
                let mut quote = None;
                for b in &mut bytes[c.start - range.start..c.end - range.start] {
                    match (quote, *b) {
                        (None, q @ (b'"' | b'`')) => quote = Some(q),
                        (Some(q), c) if c == q => quote = None,
                        (None, _) => *b = b' ',
                        _ => {}
                    }
                }
            }
            blanked = String::from_utf8_lossy(&bytes).into_owned();
            blanked.as_str()
        } else {
            code
        };
        code::count(code, code.contains('\n'), &mut s.code_typos);
        for w in code.split(|c: char| !c.is_alphanumeric()) {
            if w.chars().count() > 2 && w.chars().any(char::is_alphabetic) {
                s.code.insert(w.to_lowercase());
                if let [_, .., (_, tail)] = code::parts(w).as_slice()
                    && tail.len() >= 4
                {
                    s.code_tails.insert(tail.to_ascii_lowercase());
                }
            }
        }
    }
    for span in &doc.prose.code_spans {
        code::count_span(&span.text, &mut s.spans);
        code::count_parts(&span.text, &mut s.code_parts);
    }
    for b in 0..doc.prose.blocks.len() {
        let text = doc.prose.blocks[b].text.as_str();
        candidates(doc, b, |w, word, _| {
            let e = s.unknown.entry(word.to_lowercase()).or_default();
            if e.uses == 0 {
                e.docs = 1;
            }
            e.uses += 1;
            e.add_context(context(text, w));
        });
    }
    s
}

/// The words docreview reads as the project's own, for one doc set.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    /// Lower-cased candidates that are flagged.
    flagged: HashSet<String>,
    /// Lower-cased unknown words one doc writes in several sentences: its own term, unless a letter
    /// left out or two letters swapped make them a word the same doc writes (see [`Vocabulary::check`]).
    repeated: HashSet<String>,
    /// Lower-cased known misspellings flagged in inline code (see [`code`]).
    code_slips: HashSet<String>,
    /// Inline code one slip from the doc set's common code → the fix and its docs.
    span_slips: HashMap<String, (String, u32)>,
    /// Lower-cased parts of names in inline code that may be slips toward a word (see [`code`]).
    part_slips: HashSet<String>,
}

impl Vocabulary {
    /// Decides which candidates are flagged: not in code, not accepted by the team (`accept`, any case),
    /// and, unless a known misspelling, used by fewer than `min_docs` docs and in one sentence only (a
    /// sentence copied to other docs is still one).
    pub fn decide(stats: &Stats, accept: &[String], min_docs: usize) -> Vocabulary {
        let team: HashSet<String> = accept.iter().map(|w| w.to_lowercase()).collect();
        let mut v = Vocabulary {
            code_slips: code::slips(&stats.code_typos, &team),
            span_slips: code::span_slips(&stats.spans, &team),
            part_slips: code::part_slips(&stats.code_parts, &stats.unknown, &team),
            ..Vocabulary::default()
        };
        for (w, n) in &stats.unknown {
            let known_typo = super::misspellings::corrections(w).is_some();
            let common = n.docs as usize >= min_docs.max(1) || n.contexts.len() >= MIN_USES;
            // A known misspelling one doc writes again and again is its word ("queued onces"), not a
            // slip.
            let chosen = n.uses >= TYPO_CHOSEN && n.docs == 1;
            // The plural of a name the doc set's code writes, whole or as the last part of a
            // camel-case name, is that name's ("Expandos" of `Expando`, "varints" of `ReadVarint`);
            // not the plural of an English word ("informations") nor a known misspelling.
            let code_plural = !known_typo
                && w.strip_suffix('s').is_some_and(|one| {
                    (stats.code.contains(one) || stats.code_tails.contains(one)) && !is_known(one)
                });
            let own = team.contains(w) || stats.code.contains(w) || code_plural;
            if !(own || (common && !known_typo) || chosen) {
                v.flagged.insert(w.clone());
            } else if !own && !known_typo && n.docs == 1 && min_docs > 1 {
                // Common only by its sentences in this one doc (see [`Vocabulary::repeated`]).
                v.repeated.insert(w.clone());
            }
        }
        v
    }

    /// Identifies what this vocabulary flags (findings stored under it stay valid while it holds).
    pub fn fingerprint(&self) -> u64 {
        let mut words: Vec<&String> = self.flagged.iter().collect();
        words.sort_unstable();
        let mut repeated: Vec<&String> = self.repeated.iter().collect();
        repeated.sort_unstable();
        words.push(&SEPARATOR);
        words.extend(repeated);
        let mut slips: Vec<&String> = self.code_slips.iter().collect();
        slips.sort_unstable();
        // A separator no word contains keeps the two lists apart.
        words.push(&SEPARATOR);
        words.extend(slips);
        let mut spans: Vec<(&String, &(String, u32))> = self.span_slips.iter().collect();
        spans.sort_unstable();
        let pairs: Vec<String> = spans
            .iter()
            .map(|(slip, (fix, docs))| format!("{slip}\u{1}{fix}\u{1}{docs}"))
            .collect();
        words.push(&SEPARATOR);
        words.extend(pairs.iter());
        let mut parts: Vec<&String> = self.part_slips.iter().collect();
        parts.sort_unstable();
        words.push(&SEPARATOR);
        words.extend(parts);
        let joined: Vec<u8> = words.iter().flat_map(|w| w.bytes().chain([0])).collect();
        crate::core::finding::fnv1a64(&[&joined])
    }

    /// Spelling findings in one document.
    pub fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        if active.has(TYPO) {
            code::check(&self.code_slips, doc, out);
        }
        if active.has(SLIP) && !self.span_slips.is_empty() {
            let none = HashSet::new();
            let typos = if active.has(TYPO) {
                &self.code_slips
            } else {
                &none
            };
            code::check_spans(&self.span_slips, typos, doc, out);
        }
        if active.has(LIKELY) && !self.part_slips.is_empty() {
            code::check_parts(&self.part_slips, &self.span_slips, doc, out);
        }
        if active.has(SLIP) {
            twins::check(doc, out);
        }
        if !any_on(active) || (self.flagged.is_empty() && self.repeated.is_empty()) {
            return;
        }
        for b in 0..doc.prose.blocks.len() {
            let words = doc.words(b);
            let text = doc.prose.blocks[b].text.as_str();
            candidates(doc, b, |w, word, kind| {
                let lower = word.to_lowercase();
                if !self.repeated.contains(&lower) && !self.flagged.contains(&lower) {
                    return;
                }
                // A word among words of another language is theirs, whatever English it resembles.
                // (Counted all the same when the doc set's words are tallied.)
                let i = words.partition_point(|x| x.end <= w.start);
                if crate::core::rules::language::in_foreign_phrase(text, words, i) {
                    return;
                }
                let range = w.start..w.start + word.len();
                // A word one doc writes again and again is its term ("unifcation" twice) unless it
                // is the commonest slip, a letter left out or two swapped, from a word the same doc
                // writes ("unification"): then the writer misspells a word they know, every time.
                if self.repeated.contains(&lower) {
                    if active.has(LIKELY)
                        && matches!(kind, Candidate::Unknown)
                        && let Some(fixes) = likely_typo(doc, b, range.clone(), word)
                            .filter(|f| repeated_slip(doc, &lower, &f[0]))
                    {
                        out.push(likely_hit(b, range, word, fixes));
                    }
                    return;
                }
                if !self.flagged.contains(&lower) {
                    return;
                }
                let capital = matches!(kind, Candidate::Capital);
                match kind {
                    Candidate::Typo(fixes) if active.has(TYPO) => {
                        if paired_with_base(text, words, i) {
                            return;
                        }
                        let fixes = candidates::in_doc_dialect(doc, fixes);
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
                    Candidate::Unknown | Candidate::Capital
                        if active.has(RULE) || active.has(LIKELY) =>
                    {
                        if word.chars().count() < MIN_LETTERS {
                            return;
                        }
                        if active.has(LIKELY)
                            && let Some(fixes) = likely_typo(doc, b, range.clone(), word)
                        {
                            out.push(likely_hit(b, range, word, fixes));
                            return;
                        }
                        // A capitalised word no slip explains is a name.
                        if capital || !active.has(RULE) {
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

/// A `spelling.likely-typo` finding on `word` at `range` of block `b`, the first fix named.
fn likely_hit(b: usize, range: std::ops::Range<usize>, word: &str, fixes: Vec<String>) -> Hit {
    Hit {
        block: b,
        range,
        rule: LIKELY.into(),
        message: format!("\"{word}\" looks like a slip for \"{}\".", fixes[0]),
        replacements: fixes,
    }
}

/// Is `word`, written in several sentences of one doc, a letter left out or two letters swapped from
/// `fix`, a word the same doc writes?
fn repeated_slip(doc: &DocProse<'_>, word: &str, fix: &str) -> bool {
    let fix = fix.to_lowercase();
    doc.writes(&fix) && (likely::dropped(word, &fix).is_some() || likely::swapped(word, &fix))
}

/// A word in "un" set beside the word it negates ("stall and unstall", "unpin/pin"): a pair coined
/// on purpose, not a slip of the word a misspelling list makes of it ("unstall" for "uninstall"). The
/// two are joined by "and", "or", "and/or", a slash or a comma, on either side.
fn paired_with_base(text: &str, ws: &[crate::core::rules::text::Word], i: usize) -> bool {
    let word = ws[i].text(text).to_lowercase();
    let Some(base) = word.strip_prefix("un").filter(|b| b.len() >= 3) else {
        return false;
    };
    let joins = |gap: &str| matches!(gap.trim(), "and" | "or" | "and/or" | "/" | ",");
    let near = i.saturating_sub(3)..(i + 4).min(ws.len());
    near.filter(|&k| k != i && ws[k].text(text).eq_ignore_ascii_case(base))
        .any(|k| joins(&text[ws[k.min(i)].end..ws[k.max(i)].start]))
}

#[cfg(test)]
pub(super) mod tests {
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
    pub(super) fn found_with(
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
                        let block = view.prose.block(h.block).expect("a hit's block");
                        let word = block.text[h.range].to_owned();
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

    /// The words the known-typo and likely-typo rules find in one doc.
    fn slips(doc: &str) -> Vec<String> {
        found_with(&[doc], &[], MIN_DOCS, &[LIKELY, TYPO])[0]
            .iter()
            .map(|(_, w, _)| w.clone())
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
                   [pkg]: https://example.com/diciplines\n\
                   [all]: https://example.com/all-prerequisistesguide\n";
        let likely: Vec<(String, Vec<String>)> = found_with(&[doc], &[], MIN_DOCS, &[LIKELY, TYPO])
            [0]
        .iter()
        .filter(|(rule, _, _)| rule == LIKELY)
        .map(|(_, w, r)| (w.clone(), r.clone()))
        .collect();
        // "enforicing" is used more than once here, so it is the doc set's word; "diciplines" is a part
        // of a link address of the doc, "prerequisistes" only a piece of a longer part.
        assert_eq!(
            likely,
            [(
                "prerequisistes".to_owned(),
                vec!["prerequisites".to_owned()]
            )]
        );
        // A name glued to "js" is no slip.
        let js = "It uses [`import`] (esm), not [`require`] (commonjs), and the prerequisistes.\n";
        let js = found_with(&[js], &[], MIN_DOCS, &[LIKELY]);
        let words: Vec<&str> = js[0].iter().map(|(_, w, _)| w.as_str()).collect();
        assert_eq!(words, ["prerequisistes"]);
        // Of several words one slip away, the one a finger slip explains.
        let doubled = found_with(&["You add a customm field.\n"], &[], MIN_DOCS, &[LIKELY]);
        assert_eq!(doubled[0].len(), 1, "{doubled:?}");
        assert_eq!(doubled[0][0].2, ["custom"]);
        // After the finger slip, the common words (here one the doc writes) a letter left out
        // explains as well.
        let left_out = found_with(
            &["Our exporations of this future are done.\n\nWe like explorations.\n"],
            &[],
            MIN_DOCS,
            &[LIKELY],
        );
        assert_eq!(left_out[0][0].2, ["expirations", "explorations"]);
        for (typo, fix, slip) in [
            ("customm", "custom", true),   // a key pressed twice
            ("customm", "customs", false), // m for s: far apart
            ("alwayd", "always", true),    // d beside s
            ("healhty", "healthy", true),  // two letters swapped
            ("executioni", "execution", false),
        ] {
            assert_eq!(suggest::finger_slip(typo, fix), slip, "{typo} {fix}");
        }
        // A known word with a "d" added is a daemon, no slip for another ending ("journals").
        let daemon = "The log is kept even when journald has rotated old entries away.\n";
        let found = found_with(&[daemon], &[], MIN_DOCS, &[LIKELY]);
        assert!(found[0].is_empty(), "{found:?}");
        // A daemon-like word whose "e" was left out is still a slip, toward the "-ed" form only.
        let returned = found_with(
            &["The door was unlockd. Unlocked doors are open.\n"],
            &[],
            MIN_DOCS,
            &[LIKELY],
        );
        assert_eq!(returned[0].len(), 1, "{returned:?}");
        assert_eq!(returned[0][0].2, ["unlocked"]);
        let once = "Each rule is enforicing one thing.\n";
        let hits = found_with(&[once], &[], MIN_DOCS, &[LIKELY, RULE]);
        assert_eq!(hits[0].len(), 1, "{hits:?}");
        assert_eq!(hits[0][0].0, LIKELY);
        assert_eq!(hits[0][0].2, ["enforcing"]);
        // A short word, or one whose first letter would change, is not judged; nor is one two slips
        // from the nearest word, one a slip from a rare word only ("refile"), or one the longer word
        // list knows.
        for text in [
            "It holds a bardz and an ncryption key.\n",
            "It reports an incompabitility here.\n",
            "Open the recfile first.\n",
            "The chrominance channel is kept.\n",
            // A list of handles, a word in quotes, a letter added at the end that is no key pressed
            // twice.
            "- immutablet\n- tim-sendible\n",
            "New apps ship with \"springified\" binstubs.\n",
            "Prompts become more brackety over time.\n",
        ] {
            let hits = found_with(&[text], &[], MIN_DOCS, &[LIKELY]);
            assert!(hits[0].is_empty(), "{text}: {hits:?}");
        }
    }

    #[test]
    fn a_word_in_un_beside_the_word_it_negates_is_coined() {
        let words = |doc: &str| -> Vec<String> {
            found_with(&[doc], &[], MIN_DOCS, &[TYPO])[0]
                .iter()
                .map(|(_, w, _)| w.clone())
                .collect()
        };
        assert!(words("The disk can stall and unstall many times a day.\n").is_empty());
        assert!(words("Each Unstall/stall event is logged by the store.\n").is_empty());
        // Alone, or beside another word, it is the misspelling the list knows.
        assert_eq!(
            words("To unstall the app, open the settings.\n"),
            ["unstall"]
        );
        assert_eq!(words("You can install and unstall the app.\n"), ["unstall"]);
        assert_eq!(words("After a stall, then unstall the app.\n"), ["unstall"]);
        assert_eq!(words("Read unstall and stalled events.\n"), ["unstall"]);
    }

    #[test]
    fn a_capital_that_only_opens_a_sentence_or_a_title_case_heading_is_no_name() {
        let doc = "## Normilized tables\n\n\
                   Each table is split so that every fact is kept once. Querying gets slower, and \
                   the data stays consistent.\n\n\
                   Alterntatively, the rows are read in order.\n\n\
                   ## Reading Ordred Rows\n\n\
                   ## Reading the Ordred rows\n";
        let found: Vec<(String, String, String)> =
            found_with(&[doc], &[], MIN_DOCS, &[LIKELY, TYPO])[0]
                .iter()
                .map(|(rule, w, r)| {
                    let fix = r.first().cloned().unwrap_or_default();
                    (rule.clone(), w.clone(), fix)
                })
                .collect();
        let hit = |rule: &str, w: &str, r: &str| (rule.to_owned(), w.to_owned(), r.to_owned());
        assert_eq!(
            found,
            [
                hit(LIKELY, "Normilized", "Normalized"),
                hit(LIKELY, "Alterntatively", "Alternatively"),
                hit(TYPO, "Ordred", "Ordered"),
            ]
        );
        // Where the doc writes the word or another of its forms with its capital inside a sentence
        // ("an Expando"), or the doc set's code writes its singular, the word is a name.
        let english = "It is the one thing that we want, and it is not hard to see why it works. ";
        let named = format!("{english}Expandos are kept alive. We back a field by an Expando.\n");
        assert!(found_with(&[&named], &[], MIN_DOCS, &[LIKELY])[0].is_empty());
        for (plural, api) in [
            (
                format!("{english}Expandos, and the handles of objects, are kept alive.\n"),
                "Back a field by an `Expando` when no object holds it.\n",
            ),
            (
                format!("{english}It reads incorrectly encoded varints.\n"),
                "Use `binary.ReadVarint` for each.\n",
            ),
        ] {
            let alone = found_with(&[&plural], &[], MIN_DOCS, &[LIKELY]);
            assert_eq!(alone[0].len(), 1, "{plural}: {alone:?}");
            let found = found_with(&[&plural, api], &[], MIN_DOCS, &[LIKELY]);
            assert!(found[0].is_empty(), "{found:?}");
        }
    }

    #[test]
    fn a_package_or_an_item_of_a_list_of_names_is_no_likely_typo() {
        let doc = "- Update the clircle dependency to drop winapi.\n\
                   - Add file types for ASP, Bazel, dvc, Futhark, pofiles (from GNU gettext) and Mint.\n\
                   - Add an icon for config.ru, Gemfile, Gemfile.lock, procfile, rake and rakefile.\n\
                   - Fix the prerequisistes of tar, zip, gzip and bzip2.\n\
                   - Print the outdtaed dependencies.\n";
        let likely: Vec<String> = found_with(&[doc], &[], MIN_DOCS, &[LIKELY])[0]
            .iter()
            .map(|(_, w, _)| w.clone())
            .collect();
        // A list of lower-case words is no list of names; a word before a plural describes it.
        assert_eq!(likely, ["prerequisistes", "outdtaed"]);
    }

    /// The likely typos of one doc, with their fixes.
    #[test]
    fn slips_made_again_or_hidden_by_an_ending_are_likely_typos() {
        let fixes = |text: &str| -> Vec<(String, Vec<String>)> {
            likely_fixes(text)
                .into_iter()
                .map(|(w, r)| (w, r.into_iter().take(1).collect()))
                .collect()
        };
        let one = |w: &str, f: &str| (w.to_owned(), vec![f.to_owned()]);
        // A slip written in two sentences is the writer's habit when the doc writes the word too.
        let twice = "Feature unification is new.\n\nWe control feature unifcation.\n\n\
                     Two modes join feature unifcation:\n";
        assert_eq!(
            fixes(twice),
            [
                one("unifcation", "unification"),
                one("unifcation", "unification")
            ]
        );
        assert!(fixes("We control unifcation.\n\nTwo modes join unifcation:\n").is_empty());
        // An ending on a rare word, one slip from a common one; not a prefix's word, nor a short
        // word with a plural, nor a derivation of a word as common as its neighbour.
        assert_eq!(
            fixes("Bep currantly leads it.\n"),
            [one("currantly", "currently")]
        );
        for text in [
            "Growth spent unsustainably.\n",
            "It draws metaballs.\n",
            "Ask in the comms channel.\n",
            "The persister stores the state.\n",
        ] {
            assert!(fixes(text).is_empty(), "{text}");
        }
        // A key beside the last letter pressed after it, toward a common word; not an ending.
        assert_eq!(
            fixes("It is like a package withb features.\n"),
            [one("withb", "with")]
        );
        // One vowel for another in a long word; a shorter one may be a coinage.
        let english = "It is the one thing that we want, and it is not hard to see why: ";
        assert_eq!(
            fixes(&format!("{english}use the paranthetical notation.\n")),
            [one("paranthetical", "parenthetical")]
        );
        assert!(fixes(&format!("{english}draw the isomatric view.\n")).is_empty());
        // A heading of one word is no list of handles.
        assert_eq!(
            fixes(&format!("## Nomencalture\n\n{english}the terms we use.\n")),
            [one("Nomencalture", "Nomenclature")]
        );
    }

    fn likely_fixes(text: &str) -> Vec<(String, Vec<String>)> {
        found_with(&[text], &[], MIN_DOCS, &[LIKELY])[0]
            .iter()
            .map(|(_, w, r)| (w.clone(), r.clone()))
            .collect()
    }

    #[test]
    fn a_short_word_or_a_name_is_a_slip_only_on_strong_evidence() {
        let fixes = likely_fixes;
        let pair = |w: &str, r: &str| (w.to_owned(), vec![r.to_owned()]);
        let english = "It is the one thing that we want, and it is not hard to see why it works: ";
        // Five or six letters: the one word a letter left out or two swapped explain ("input", not
        // "inept"), or the only word one finger slip away, and a word people write often.
        let doc = format!("{english}we alwayd read the inupt first.\n");
        assert_eq!(
            fixes(&doc),
            [pair("alwayd", "always"), pair("inupt", "input")]
        );
        // Not a name's doubled first letter, an abbreviation that is a letter and a word, nor a word
        // several words are one slip from; a negation without its apostrophe gets it back.
        let doc = format!(
            "{english}the bbolt store, an instance ident, the rxjs-compat shim and pathe wasnt here.\n"
        );
        assert_eq!(fixes(&doc), [pair("wasnt", "wasn't")]);
        // A short capitalised word is a name ("Talos" is no slip for "talks"), unless one slip from a
        // name the doc writes again and again inside its sentences.
        let doc = "Sites that Jekyll builds are static; run Jekyll once, as Jekyll reads Liquid.\n\n\
                   Deploy your Jekull site on a host, or use Talos for the talks.\n";
        assert_eq!(fixes(doc), [pair("Jekull", "Jekyll")]);
        let doc = "Jekyll builds sites. Jekyll reads Liquid. Jekyll runs.\n\n\
                   Deploy your Jekull site on a host.\n";
        assert!(
            fixes(doc).is_empty(),
            "a capital that opens sentences names nothing"
        );
        // A name beside another capitalised name or before an address is a person's, of whom a doc
        // names many; a name with a letter more at its end is another name.
        let doc = "Thanks to Vasily, Vasily and Vasily for the work on Istio, Istio and Istio, and to \
                   Peter, Peter and Peter.\n\n\
                   - Vasile Razdalovschi\n- Vasila <vasila@example.com>\n\
                   - Pieter van Oostrum <pieter@example.org>\n\n\
                   It runs istiod as Istiod.\n";
        assert!(fixes(doc).is_empty(), "{:?}", fixes(doc));
    }

    #[test]
    fn two_slips_toward_a_word_of_the_docs_topic_are_likely_only_where_nothing_else_is_as_near() {
        let fixes = likely_fixes;
        let pair = |w: &str, r: &str| (w.to_owned(), vec![r.to_owned()]);
        // Two slips from a word whose family the doc writes: the word itself, or one sharing all but
        // its last letters ("ambiguity" beside "ambiguous").
        let doc = "The configuration is read once. Each configuration names a source, so nothing \
                   is ambiguous.\n\nChange the confuguratio file, and the amibuity goes away.\n";
        assert_eq!(
            fixes(doc),
            [
                pair("confuguratio", "configuration"),
                pair("amibuity", "ambiguity")
            ]
        );
        // Not without the doc's word, nor toward a word as near as another ("compilent": compiling or
        // compliant), nor a word among words of another language (a known word with an ending: see
        // likely::tests).
        let doc = "The confuguratio file is read once.\n";
        assert!(fixes(doc).is_empty(), "{:?}", fixes(doc));
        let doc = "It is compiling now, and the stream is compliant.\n\n\
                   It makes the stream compilent for the test.\n";
        assert!(fixes(doc).is_empty(), "{:?}", fixes(doc));
        let doc = "Use the singular form of each noun, in the singular always.\n\n\
                   The rule (la troisième personne du singulier) is kept for pages in French.\n";
        assert!(fixes(doc).is_empty(), "{:?}", fixes(doc));
    }

    #[test]
    fn words_in_a_phrase_of_another_language_are_not_english_slips() {
        // Course titles in Spanish in a list written in English.
        let doc = "The classes below teach with it, and each of them has its own page.\n\n\
                   * [Algoritmos Evolutivos y de Inteligencia Colectiva](https://x.mx/a), Fall 2019\n\
                   * IN2022, Modelos de Optimización (Prof. Khakifirooz), Spring 2020\n\
                   * It mends the occured cases, Spring 2021\n";
        assert_eq!(slips(doc), ["occured"]);
        // Letters glued to inline code belong to its word.
        let glued = "Functions that return `Box::pin`ned futures are recieved here, and `Sized`ness \
                     is kept for the rest of them.\n";
        assert_eq!(slips(glued), ["recieved"]);
    }

    #[test]
    fn a_slip_toward_a_word_the_doc_writes_is_likely_in_either_case() {
        let fixes = likely_fixes;
        // "unification" is no word people often misspell, but this doc writes it: the slip is toward it.
        let doc = "Feature unification is hard. Allow users to control feature unifcation.\n";
        assert_eq!(
            fixes(doc),
            [("unifcation".to_owned(), vec!["unification".to_owned()])]
        );
        // Without it, a word one added letter from a rare word is left alone ("refile" + "c"); one
        // dropped letter or two swapped neighbours from it is a slip, in a doc written in English
        // (a line of it is too short to tell).
        let english = "It is the one thing that we want, and it is not hard to see why: ";
        assert!(fixes(&format!("{english}the recfile is kept.\n")).is_empty());
        assert_eq!(
            fixes(&format!(
                "{english}feature unifcation, and the crate is aflicted by it.\n"
            )),
            [
                ("unifcation".to_owned(), vec!["unification".to_owned()]),
                ("aflicted".to_owned(), vec!["afflicted".to_owned()])
            ]
        );
        // A finger slip toward a rare word ("exigence": a "g" beside the "t") gives way to the one
        // common word a letter left out explains.
        assert_eq!(
            fixes(&format!("{english}the exitence of the file.\n")),
            [("exitence".to_owned(), vec!["existence".to_owned()])]
        );
        assert_eq!(
            fixes(&format!("{english}the reintepretation of it.\n")),
            [(
                "reintepretation".to_owned(),
                vec!["reinterpretation".to_owned()]
            )]
        );
        // Of several words one slip away, none is chosen by the letter left out alone: "tailered" is
        // "tailored" with a vowel changed, not "trailered".
        assert!(fixes(&format!("{english}a tailered fit.\n")).is_empty());
        assert_eq!(
            fixes(&format!("{english}the queryalbe store.\n")),
            [("queryalbe".to_owned(), vec!["queryable".to_owned()])]
        );
        assert_eq!(
            fixes(&format!("{english}the pemitted values.\n")),
            [("pemitted".to_owned(), vec!["permitted".to_owned()])]
        );
        for coined in [
            "it could be de-magified again",
            "we keep dog-fooding it",
            "it could be de\u{2010}magified again",
            "a magified-ish build",
            "lvalues and rvalues",
            "the smartypant step",
        ] {
            assert!(
                fixes(&format!("{english}{coined}.\n")).is_empty(),
                "{coined}"
            );
        }
        assert!(fixes("Allow users to control feature unifcation.\n").is_empty());
        // A capital that only opens a sentence marks no name.
        assert_eq!(
            fixes(&format!("{english}Unifcation.\n")),
            [("Unifcation".to_owned(), vec!["Unification".to_owned()])]
        );
        // A capital marks a name unless the doc writes the word one slip away; the fix keeps the case.
        let doc = "It disables the agent.\n\n## Disabales observability\n";
        assert_eq!(
            fixes(doc),
            [("Disabales".to_owned(), vec!["Disables".to_owned()])]
        );
        let table =
            "It disables the agent.\n\n| Flag | Effect |\n|---|---|\n| off | Disabales it |\n";
        assert_eq!(fixes(table).len(), 1, "{:?}", fixes(table));
        assert!(fixes("Thanks to Bastian Muller for the review.\n").is_empty());
        assert!(fixes("Disabales the agent.\n").is_empty());
        // The singular of a plural the doc writes is a form of it, not a slip.
        assert!(
            fixes("Use the smartypants filter, as most smartypant processors do.\n").is_empty()
        );
    }

    #[test]
    fn a_long_known_misspelling_is_found_where_a_capital_would_mark_a_name() {
        assert_eq!(
            words(&[
                "It disables Certificate Transperancy checks.\n\n| Key | Descripion |\n|---|---|\n"
            ]),
            ["Transperancy", "Descripion"]
        );
        // A short one mid-sentence is still a name's to keep ("Big Sur").
        assert!(words(&["It runs on Big Sur and Othere Linux.\n"]).is_empty());
        // After a line that holds only a shortcode's tag, a new sentence starts; after one in the
        // middle of a line, it does not.
        assert_eq!(
            words(&["{{% note %}}\nRember to save.\n{{% /note %}}\n"]),
            ["Rember"]
        );
        assert!(words(&["Ask {{< param name >}} Rember about it.\n"]).is_empty());
    }

    #[test]
    fn a_known_misspelling_is_mended_in_the_doc_s_dialect() {
        for (doc, fix) in [
            // The list mends "behavious" the British way; a doc that writes "behavior" gets its own.
            (
                "The behavior is set here, and this behavious is odd.\n",
                "behavior",
            ),
            (
                "The behaviour is set here, and this behavious is odd.\n",
                "behaviour",
            ),
            (
                "The setting is here, and this behavious is odd.\n",
                "behaviour",
            ),
            // Where the doc writes both, the list's first stands.
            (
                "The behaviour and the behavior are set here, and this behavious is odd.\n",
                "behaviour",
            ),
            // The other way round: mended the American way, in a British doc.
            (
                "The organisation is here, and this orginization is odd.\n",
                "organisation",
            ),
            // A swap that makes the misspelling itself, or no word, is no dialect.
            (
                "A thourough check, then a second thourough pass, and the third one.\n",
                "thorough",
            ),
        ] {
            assert_eq!(first_fix(doc).as_deref(), Some(fix), "{doc}");
        }
    }

    #[test]
    fn known_misspellings_are_found_anywhere_with_their_correction() {
        // A camel-case name with a misspelt part, where the doc writes the mended name; a handle
        // ("FlippinBerger") where it does not is a name.
        let doc = "We recieve the data. Occured twice, then the KubeflowBroswerWindow opened.\n\n\
                   # Paramater\n\nIt ran. Paramater checks follow. The `KubeflowBrowserWindow` \
                   class. Thanks to FlippinBerger. Guest stars: Kelsey Grammer.\n\n\
                   | Alias | Command |\n|---|---|\n| pacin | `pacman -S` |\n";
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
        // A handle after a capitalised word makes it a person's name; a part of a compound the
        // dictionary knows whole is no word of its own.
        assert_eq!(
            words(&["- Divy (@designmoreweb)\n\n- Divy will write \
                     the key take-aways; it aways runs.\n\nThnaks @alice for it.\n"]),
            ["Divy", "aways", "Thnaks"]
        );
        assert!(
            words(&["- Mentor: Shuting Zhao (@realshuting, shuting@example.com)\n"]).is_empty()
        );
        // A word the doc's link addresses hold is a name: a product, a crate.
        let products = "Read [mirrord internals](https://metalbear.co/blog/mirrord-internals) and \
                        the [Ratatui 0.29.0](https://ratatui.rs/highlights/v029/) notes; Ratatui \
                        draws. It recieves the contex ([docs](https://x.dev/context/templates)) \
                        lates.\n";
        assert_eq!(words(&[products]), ["recieves", "contex", "lates"]);
        // A dropped "g" is written on purpose; the same word without the apostrophe is a slip.
        assert_eq!(
            words(&["You got somethin' to show, it's gettin’ late, and somethin is off.\n"]),
            ["somethin"]
        );
        // A sentence about typos quotes them; typography is no typo.
        assert!(words(&["- docs: fix typo in example usage \"occured\" (#1)\n"]).is_empty());
        assert_eq!(
            words(&["The typography scale keeps the occurance of headings.\n"]),
            ["occurance"]
        );
        // Beside a word of another language, a word belongs to that language's phrase.
        assert_eq!(
            words(&["Its very raison d'être, and the raison we chose it.\n"]),
            ["raison"]
        );
        assert_eq!(
            words(&["The naïve recieve loop took 10 µs occured twice.\n"]),
            ["recieve", "occured"]
        );
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
        // Of a known typo's corrections, the one the doc writes comes first.
        assert_eq!(
            first_fix("It takes time to compile assests.\n").as_deref(),
            Some("assess")
        );
        assert_eq!(
            first_fix("Put the assets in one folder. It takes time to compile assests.\n")
                .as_deref(),
            Some("assets")
        );
        // The more common leads: "fution" is "function", not the nearer "futon".
        assert_eq!(
            first_fix("Call the fution twice.\n").as_deref(),
            Some("function")
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
        // A name of several words written as one is that name, a matter for the terminology rules,
        // even beside a word it is two slips from ("tailwinds" of the doc's "tailwind").
        let joined = "The tailwind design helps here, with plain tailwindcss classes for the \
                      table and its controls, written by hand.\n";
        let found = found_with(&[joined], &[], MIN_DOCS, &[LIKELY, TYPO, RULE]);
        assert!(found[0].is_empty(), "{:?}", found[0]);
    }

    #[test]
    fn words_offered_in_turn_and_flags_of_english_words_are_read_part_by_part() {
        let doc = "Set the incldue/exclude filters for Chinese/Korean/Japanese text, then set \
                   ignore-worksapce-cycles and allow-by-defaylt.\n\n\
                   Paths stay: src/incldue/x, a/incldue, incldue/exclude/x, incldue/exclude.yaml, \
                   incldue/qpzx, ~/incldue/exclude, incldue/exclude:x and kube-worksapce-qpi.\n";
        let found: Vec<(String, String)> = found_with(&[doc], &[], MIN_DOCS, &[LIKELY, TYPO])[0]
            .iter()
            .map(|(rule, w, r)| {
                (
                    w.clone(),
                    r.first().cloned().unwrap_or_default() + " " + rule,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("incldue".to_owned(), format!("include {TYPO}")),
                ("worksapce".to_owned(), format!("workspace {TYPO}")),
                ("defaylt".to_owned(), format!("default {LIKELY}")),
            ]
        );
    }

    #[test]
    fn sentence_headings_own_link_texts_and_comments_hold_slips() {
        // A heading that reads as a sentence, a link text in the writer's words.
        let doc = "## Code example: a test strcutured with the pattern\n\n\
                   Read [the import map specifiaction](https://example.com/maps) first.\n";
        assert_eq!(slips(doc), ["strcutured", "specifiaction"]);
        // A heading of a few words names a thing, as does a link's text of one word; a capital in a
        // link's text marks a title.
        for names in [
            "## strcutured\n",
            "## the strcutured one\n",
            "Read the [specifiaction](https://example.com/maps) first.\n",
            "Read [specifiaction.md](docs/spec.md) first.\n",
            "[Specifiaction of import maps](https://example.com/maps) is a draft.\n",
        ] {
            assert_eq!(slips(names), Vec::<String>::new(), "{names}");
        }
        // A comment's words are not the code's names, though what it quotes is a value.
        let comment = "The middleware fucntion runs.\n\n\
                       ```javascript\n// the previous middleware fucntion calling `next` with an error\n\
                       f(\"ab\", \"d\") // \"abd\"\n```\n\n\
                       It prints \"abd\" twice, as abd.\n";
        assert_eq!(slips(comment), ["fucntion"]);
    }

    #[test]
    fn code_words_and_common_words_are_vocabulary() {
        let a = "Call `requantize` first, then requantize again. The environvent differs.\n";
        let b = "```python\nx = dequantize(y)\n```\n\nWe dequantize the environvent.\n";
        // "requantize" and "dequantize" are in code; "environvent" is used twice.
        assert!(words(&[a, b]).is_empty());
        // Used once, it is flagged.
        assert_eq!(words(&["The environvent differs.\n"]), ["environvent"]);
        // A sentence copied to another doc (a renamed page, a docs version) is still one use: the typo
        // is flagged in both copies. Written in another sentence, the word is the doc set's.
        let copy = "We saw how the environvent differs between runs.\n";
        assert_eq!(words(&[copy, copy]), ["environvent", "environvent"]);
        // Whatever sentences stand around the copy.
        let around = "See below. We saw how the environvent differs between runs. Read on.\n";
        assert_eq!(words(&[copy, around]), ["environvent", "environvent"]);
        assert!(words(&[copy, "The environvent is ready.\n"]).is_empty());
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
