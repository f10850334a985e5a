//! The bridge to harper-core: its English dictionary (with part-of-speech data) and its linters, run on
//! the engine's prose only. Harper never sees Markdown: each block's text goes in as plain English, and
//! the placeholders that stand for inline code, HTML or math become tokens harper leaves alone.
//!
//! Harper works in characters, docreview in bytes: [`lint_block`] maps every span back to byte offsets
//! in the block's text, and turns harper's suggestions into replacements of that span.
//!
//! Loading harper is the slow part (its dictionary and ~370 linters take a second or more to build), so
//! everything here is lazy: the dictionary is built on first use and shared, and each worker thread
//! builds its own linter set once (harper's linters keep caches, so they are not shared across
//! threads). Nothing here runs before a harper rule is asked for.

use super::dictionary::{aside, dictionary};
use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use crate::core::markdown::PLACEHOLDER;
use gate::Gate;
use harper_core::linting::{LintGroup, Suggestion};
use harper_core::parsers::{Parser, PlainEnglish};
use harper_core::{Dialect, Document, Span, Token, TokenKind};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

mod gate;

/// Plain English, except that each placeholder (code, HTML, math in the original) is one token harper
/// does not lint, as harper's own Markdown parser does with code.
struct ProseParser;

impl Parser for ProseParser {
    fn parse(&self, source: &[char]) -> Vec<Token> {
        let mut out = Vec::new();
        let mut start = 0;
        let lex = |from: usize, to: usize, out: &mut Vec<Token>| {
            if from < to {
                let mut tokens = PlainEnglish.parse(&source[from..to]);
                for t in &mut tokens {
                    t.span.push_by(from);
                }
                out.extend(tokens);
            }
        };
        for (i, c) in source.iter().enumerate() {
            if *c == PLACEHOLDER {
                lex(start, i, &mut out);
                out.push(Token::new(Span::new(i, i + 1), TokenKind::Unlintable));
                start = i + 1;
            }
        }
        lex(start, source.len(), &mut out);
        // Runs of spaces that a reader never sees are one space to harper: indentation after a line
        // break, spaces before a line break (two of them are Markdown's hard break) and spaces next to
        // a placeholder (around code or HTML that was cut out).
        for i in 0..out.len() {
            if !matches!(out[i].kind, TokenKind::Space(n) if n > 1) {
                continue;
            }
            let invisible = |t: Option<&Token>| {
                t.is_none_or(|t| matches!(t.kind, TokenKind::Newline(_) | TokenKind::Unlintable))
            };
            let before = i.checked_sub(1).and_then(|j| out.get(j));
            if invisible(before)
                || out
                    .get(i + 1)
                    .is_some_and(|t| matches!(t.kind, TokenKind::Unlintable))
            {
                out[i].kind = TokenKind::Space(1);
            }
        }
        out
    }
}

/// One harper lint in a block's text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HarperHit {
    /// harper's linter name (`AnA`, `SpellCheck`, …).
    pub linter: String,
    /// Byte range in the block's text.
    pub range: Range<usize>,
    pub message: String,
    /// Replacements for `range`, best first.
    pub replacements: Vec<String>,
}

thread_local! {
    /// This thread's linter set and the names it was configured with.
    static GROUP: RefCell<Option<(Vec<String>, LintGroup)>> = const { RefCell::new(None) };
}

/// harper linters docreview does not offer: its own rules do the job (`SpellCheck`: the spelling rules
/// with a technical vocabulary; `AllowTo`: `grammar.allow-to`), or harper-core 3.0 writes debug lines
/// from them (`LookingForwardTo` to standard output, which would corrupt `check --format json`;
/// `ChickenAndEgg` to standard error).
pub const LEFT_OUT: &[&str] = &["SpellCheck", "AllowTo", "LookingForwardTo", "ChickenAndEgg"];

/// Every linter harper has, with its description (builds a linter set: not cheap).
pub fn all_linters() -> BTreeMap<String, String> {
    let group = aside(|| LintGroup::new_curated(dictionary(), Dialect::American));
    group
        .all_descriptions()
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

/// The longest text harper reads at once. Its parse grows faster than the text (a page written on one
/// line, 300 KB, took 7 s; twice that, 21 s), so a longer block is read in pieces cut at sentence ends,
/// or at white space where there are none. Paragraphs people write are far shorter.
const PIECE: usize = 8_000;

/// The pieces of `text` harper reads (see [`PIECE`]): the whole text when it is short enough.
fn pieces(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > PIECE {
        let mut end = start + PIECE;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let window = &text[start..end];
        let half = window.len() / 2;
        let sentence = window
            .char_indices()
            .rev()
            .take_while(|(i, _)| *i > half)
            .find(|(i, c)| {
                matches!(c, '.' | '!' | '?') && window[i + 1..].starts_with(char::is_whitespace)
            })
            .map(|(i, _)| i + 1);
        let space = || {
            window
                .char_indices()
                .rev()
                .take_while(|(i, _)| *i > half)
                .find(|(_, c)| c.is_whitespace())
                .map(|(i, _)| i)
        };
        let cut = sentence.or_else(space).unwrap_or(window.len());
        out.push(start..start + cut);
        start += cut;
    }
    out.push(start..text.len());
    out
}

/// Runs the harper linters named in `enabled` (sorted) over one block of prose.
pub fn lint_block(text: &str, enabled: &[String]) -> Vec<HarperHit> {
    if enabled.is_empty() || text.trim().is_empty() {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    // Byte offset of each char index (and of the end).
    let mut byte_at: Vec<usize> = Vec::with_capacity(chars.len() + 1);
    let mut b = 0;
    for c in &chars {
        byte_at.push(b);
        b += c.len_utf8();
    }
    byte_at.push(b);
    let dict = dictionary();
    let document = Document::new_from_chars(Arc::from(chars.as_slice()), &ProseParser, &*dict);
    let organized = GROUP.with(|cell| {
        let mut slot = cell.borrow_mut();
        let fresh = slot.as_ref().is_none_or(|(names, _)| names != enabled);
        if fresh {
            let d = dict.clone();
            let mut group = aside(move || LintGroup::new_curated(d, Dialect::American));
            group.set_all_rules_to(Some(false));
            for name in enabled {
                group.config.set_rule_enabled(name, true);
            }
            *slot = Some((enabled.to_vec(), group));
        }
        match slot.as_mut() {
            Some((_, group)) => group.organized_lints(&document),
            None => BTreeMap::new(),
        }
    });
    // Where linters overlap, one finding: the earliest, then the longest, then harper's priority.
    let mut all: Vec<(String, harper_core::linting::Lint)> = organized
        .into_iter()
        .flat_map(|(name, lints)| lints.into_iter().map(move |l| (name.clone(), l)))
        .collect();
    all.sort_by_key(|(_, l)| (l.span.start, std::cmp::Reverse(l.span.end), l.priority));
    let mut reach = 0;
    all.retain(|(_, l)| {
        let keep = l.span.start >= reach;
        if keep {
            reach = l.span.end;
        }
        keep
    });
    let mut out = Vec::new();
    for (linter, lint) in all {
        {
            let (s, e) = (lint.span.start, lint.span.end);
            if s > e || e > chars.len() {
                continue;
            }
            // A span over a placeholder would rewrite code the user never meant as prose.
            if chars[s..e].contains(&PLACEHOLDER) {
                continue;
            }
            let original: String = chars[s..e].iter().collect();
            // Runs of four or more spaces line things up on purpose (aligned text), and so do spaces
            // in a row of a table (a pipe on the line, next to the spaces, or starting it).
            if linter == "Spaces" && original.chars().all(|c| c == ' ') {
                let line_start = chars[..s]
                    .iter()
                    .rposition(|&c| c == '\n')
                    .map_or(0, |i| i + 1);
                let table_row = chars[line_start..s]
                    .iter()
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|&c| c == '|');
                let by_pipe = (s > 0 && chars[s - 1] == '|') || chars.get(e) == Some(&'|');
                // Spaces at the end of a line never show.
                let trailing = chars.get(e).is_none_or(|&c| c == '\n');
                // A single space "before the end of a sentence" is mostly a name that starts with a dot
                // (".spec", ".asnumpy()").
                let single = original.len() < 2;
                if single || original.len() >= 4 || table_row || by_pipe || trailing {
                    continue;
                }
            }
            let mut replacements: Vec<String> = Vec::new();
            for sug in &lint.suggestions {
                let r = match sug {
                    Suggestion::ReplaceWith(with) => with.iter().collect(),
                    Suggestion::InsertAfter(add) => {
                        format!("{original}{}", add.iter().collect::<String>())
                    }
                    Suggestion::Remove => String::new(),
                };
                if r != original && !r.contains(PLACEHOLDER) && !replacements.contains(&r) {
                    replacements.push(r);
                }
            }
            out.push(HarperHit {
                linter: linter.clone(),
                range: byte_at[s]..byte_at[e],
                message: plain_message(&lint.message),
                replacements,
            });
        }
    }
    out
}

/// harper writes messages in Markdown (`` `word` ``, `**word**`); docreview shows plain text and
/// quotes words with double quotes.
fn plain_message(m: &str) -> String {
    let m = m.replace("**", "").replace('`', "\"");
    m.trim().to_owned()
}

/// `AnA` → `an-a`, `SpellCheck` → `spell-check`, `ToDoHyphen` → `to-do-hyphen`: harper's linter names as
/// docreview rule names.
pub fn kebab(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in chars.iter().enumerate() {
        if c.is_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase() || prev.is_ascii_digit() || (prev.is_uppercase() && next_lower) {
                out.push('-');
            }
        } else if c.is_ascii_digit() && i > 0 && chars[i - 1].is_alphabetic() {
            out.push('-');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// One harper linter as a docreview rule.
#[derive(Debug, Clone)]
struct Linter {
    name: String,
    id: String,
    default_on: bool,
    description: String,
}

/// harper's linters as rules. A linter whose name would be the id of one of docreview's own rules
/// (`taken`) is `grammar.harper-<name>`: harper's `GoingTo` mends "gong to", docreview's
/// `grammar.going-to` a missing "to", and a level set for one must never reach the other.
fn catalogue(taken: &std::collections::HashSet<String>) -> Vec<Linter> {
    super::lexicon::rows(include_str!("data/harper.tsv"))
        .filter_map(|l| {
            let mut parts = l.splitn(3, '\t');
            let name = parts.next()?.trim().to_owned();
            let default_on = parts.next()? == "on";
            let description = plain_message(parts.next().unwrap_or(""));
            let id = format!("grammar.{}", kebab(&name));
            Some(Linter {
                id: if taken.contains(&id) {
                    format!("grammar.harper-{}", kebab(&name))
                } else {
                    id
                },
                name,
                default_on,
                description,
            })
        })
        .collect()
}

/// Paragraphs linted so far: (hash of the enabled linters and the text) → hits. Shared by all threads,
/// and saved with the engine's cache so an unchanged paragraph is never linted twice.
pub type ParagraphMemo = HashMap<u64, Vec<HarperHit>>;

/// harper-core's linters as `grammar.<name>` rules.
pub struct HarperGrammar {
    linters: Vec<Linter>,
    id_of: HashMap<String, String>,
    ids: std::collections::HashSet<String>,
    memo: Mutex<ParagraphMemo>,
    /// Paragraphs linted by this process (what is worth saving).
    fresh: AtomicUsize,
}

impl Default for HarperGrammar {
    fn default() -> Self {
        HarperGrammar::new()
    }
}

impl HarperGrammar {
    pub fn new() -> HarperGrammar {
        HarperGrammar::beside(&std::collections::HashSet::new())
    }

    /// harper's linters beside docreview's own rules, whose ids (`taken`) they leave to them.
    pub fn beside(taken: &std::collections::HashSet<String>) -> HarperGrammar {
        let linters = catalogue(taken);
        let id_of = linters
            .iter()
            .map(|l| (l.name.clone(), l.id.clone()))
            .collect();
        let ids = linters.iter().map(|l| l.id.clone()).collect();
        HarperGrammar {
            linters,
            id_of,
            ids,
            memo: Mutex::new(HashMap::new()),
            fresh: AtomicUsize::new(0),
        }
    }

    /// Is `rule` one of harper's?
    pub fn owns(&self, rule: &str) -> bool {
        rule.starts_with("grammar.") && self.ids.contains(rule)
    }

    /// The harper linters behind the active rules, sorted.
    fn enabled(&self, active: &Active) -> Vec<String> {
        let mut names: Vec<String> = self
            .linters
            .iter()
            .filter(|l| active.has(&l.id))
            .map(|l| l.name.clone())
            .collect();
        names.sort_unstable();
        names
    }

    /// What was linted, to be saved; and whether anything new was.
    pub fn memo(&self) -> (ParagraphMemo, bool) {
        let m = self.memo.lock().map(|m| m.clone()).unwrap_or_default();
        (m, self.fresh.load(Ordering::Relaxed) > 0)
    }

    /// Paragraphs linted by an earlier run.
    pub fn remember(&self, memo: ParagraphMemo) {
        if let Ok(mut m) = self.memo.lock() {
            m.extend(memo);
        }
    }
}

impl Checker for HarperGrammar {
    fn rules(&self) -> Vec<RuleInfo> {
        self.linters
            .iter()
            .map(|l| RuleInfo {
                link: None,
                id: l.id.clone(),
                severity: Severity::Warning,
                safety: Safety::Review,
                default_on: l.default_on,
                summary: l.description.clone(),
                explain: format!(
                    "{}\n\nThis rule is harper-core's {} linter, run on prose only (never code, URLs or \
                     markup). {}",
                    l.description,
                    l.name,
                    if l.default_on {
                        "It is on by default: a sample of its findings on docs it was not tuned on was \
                         right often enough (see the measured precision below)."
                    } else {
                        "It is off by default (below the precision gate on docs it was not tuned on, no \
                         findings there to judge it by, a matter of style, or docreview has its own rule \
                         for it); turn it on under [rules]."
                    }
                ),
            })
            .collect()
    }

    fn slow(&self) -> bool {
        true
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        let enabled = self.enabled(active);
        if enabled.is_empty() {
            return;
        }
        let set_key = crate::core::finding::fnv1a64(&[enabled.join(",").as_bytes()]);
        let gate = Gate::of(&enabled);
        // Whether the page writes "eg" and "ie" without dots as its style: counted once per doc, and
        // only if DotInitialisms flags something.
        let undotted = std::cell::OnceCell::new();
        for (b, block) in doc.prose.blocks.iter().enumerate() {
            if block.text.trim().is_empty() || !doc.block_is_english(b) {
                continue;
            }
            for piece in pieces(&block.text) {
                let text = &block.text[piece.clone()];
                if gate.as_ref().is_some_and(|g| !g.open(text)) {
                    continue;
                }
                let key = crate::core::finding::fnv1a64(&[&set_key.to_le_bytes(), text.as_bytes()]);
                let known = self.memo.lock().ok().and_then(|m| m.get(&key).cloned());
                let hits = match known {
                    Some(h) => h,
                    None => {
                        let h = lint_block(text, &enabled);
                        if let Ok(mut m) = self.memo.lock() {
                            m.insert(key, h.clone());
                        }
                        self.fresh.fetch_add(1, Ordering::Relaxed);
                        h
                    }
                };
                for h in hits {
                    let Some(id) = self.id_of.get(&h.linter) else {
                        continue;
                    };
                    let range = piece.start + h.range.start..piece.start + h.range.end;
                    let Some((range, replacements, message)) =
                        mend(doc, &block.text, h, range, &undotted)
                    else {
                        continue;
                    };
                    out.push(Hit {
                        block: b,
                        range,
                        rule: id.clone(),
                        message,
                        replacements,
                    });
                }
            }
        }
    }
}

/// What docreview makes of harper's finding `h` at `range` of `text` (a block of `doc`): its span,
/// fixes and message, mended where a linter's own do not fit docs, or `None` to leave it out.
fn mend(
    doc: &DocProse<'_>,
    text: &str,
    h: HarperHit,
    range: Range<usize>,
    undotted: &std::cell::OnceCell<[bool; 2]>,
) -> Option<(Range<usize>, Vec<String>, String)> {
    let flagged = &text[range.clone()];
    match h.linter.as_str() {
        // "Anchors in details": the doc's HTML element (it writes `details` as code or a tag), not
        // "in detail" said wrongly.
        "InDetail" if details_named(doc, text, &range) => None,
        // "this type of data": a mass noun has no number to disagree with.
        "ThisTypeOfThing"
            if flagged.split_whitespace().next_back().is_some_and(|w| {
                crate::core::rules::lexicon::UNCOUNTABLE.contains(w.to_lowercase().as_str())
            }) =>
        {
            None
        }
        // "this kind of indexes": harper offers its placeholder "thing" for the noun; the noun's own
        // singular is the fix ("index"), and without one there is no fix to give.
        "ThisTypeOfThing"
            if h.replacements.iter().any(|r| r == "thing" || r == "things")
                && !flagged.eq_ignore_ascii_case("thing")
                && !flagged.eq_ignore_ascii_case("things") =>
        {
            let fixes = crate::core::rules::noun_number::singular(flagged)
                .filter(|_| h.replacements.iter().any(|r| r == "thing"))
                .into_iter()
                .collect();
            Some((range, fixes, h.message))
        }
        // "for eg": "e.g." already says "for example", so "for e.g." says it twice, whatever the page's
        // style. Elsewhere a page that writes "eg" three times or more and "e.g." never has chosen it.
        "DotInitialisms" => match for_example(text, &range) {
            Some((span, fix)) => Some((span, vec![fix], FOR_EG.to_owned())),
            None if flagged.get(..2).is_some_and(|l| {
                let [eg, ie] = *undotted
                    .get_or_init(|| [writes_undotted(doc, "eg"), writes_undotted(doc, "ie")]);
                (l == "eg" && eg) || (l == "ie" && ie)
            }) =>
            {
                None
            }
            None => Some((range, h.replacements, h.message)),
        },
        _ => Some((range, h.replacements, h.message)),
    }
}

const FOR_EG: &str = "\"for e.g.\" says \"for\" twice: \"e.g.\" means \"for example\".";

/// "for eg" (`range` of `text` is "eg", with any punctuation harper takes after it, after the word
/// "for"): the span of "for eg" (and the period of "eg.", the abbreviation's) and its fix, "for
/// example", since "for e.g." reads "for for example". Other punctuation after "eg" stays.
fn for_example(text: &str, range: &Range<usize>) -> Option<(Range<usize>, String)> {
    let head = text[..range.start].trim_end_matches([' ', '\t', '\n', '\u{a0}']);
    let word_start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(head.len(), |(i, _)| i);
    let word = &head[word_start..];
    let flagged = &text[range.clone()];
    let (eg, after) = (flagged.get(..2)?, &flagged[2..]);
    // "for" as a word of its own, not the end of a name ("use_for eg").
    let glued = head[..word_start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_');
    if !eg.eq_ignore_ascii_case("eg") || !word.eq_ignore_ascii_case("for") || glued {
        return None;
    }
    let fix = match word {
        "FOR" => "FOR EXAMPLE",
        w if w.starts_with('F') => "For example",
        _ => "for example",
    };
    let end = range.start + 2 + usize::from(after.starts_with('.'));
    Some((word_start..end, fix.to_owned()))
}

/// Does the doc write the initialism `letters` ("eg" or "ie", in lower case: harper flags only that)
/// without dots three times or more and never with them? Then it is the page's chosen style ("eg." a
/// hundred times in a CLI reference), not a slip; a page that mixes the two is still asked for the
/// dots. Capitals are another word ("IE 11" is a browser) and do not count.
fn writes_undotted(doc: &DocProse<'_>, letters: &str) -> bool {
    let dotted = format!("{}.{}.", &letters[..1], &letters[1..]);
    let (mut bare, mut dots) = (0, 0);
    for block in &doc.prose.blocks {
        dots += block.text.to_lowercase().matches(dotted.as_str()).count();
        bare += block
            .text
            .split(|c: char| !c.is_alphanumeric() && c != '.')
            .filter(|w| w.trim_end_matches('.') == letters)
            .count();
    }
    bare >= 3 && dots == 0
}

/// Is "in details" at `range` of `text` the plural noun, not "in detail" said wrongly: the doc's HTML
/// element (it writes `details` as code or a tag), "details of" something, or the object of
/// "interested in"?
fn details_named(doc: &DocProse<'_>, text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].split_whitespace().next_back();
    let after = text[range.end..].split_whitespace().next();
    doc.file.contains("<details")
        || doc.inline_code_is("details")
        || after.is_some_and(|w| w.eq_ignore_ascii_case("of"))
        || before.is_some_and(|w| w.to_lowercase().starts_with("interest"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The catalogue names exactly harper's linters (minus the ones left out): a harper
    /// upgrade that adds or renames linters fails here until the list is regenerated.
    #[test]
    fn the_catalogue_matches_harper() {
        let ours: std::collections::BTreeSet<String> = catalogue(&Default::default())
            .into_iter()
            .map(|l| l.name)
            .collect();
        let theirs: std::collections::BTreeSet<String> = all_linters()
            .into_keys()
            .filter(|n| !LEFT_OUT.contains(&n.as_str()))
            .collect();
        assert_eq!(ours, theirs);
    }

    /// Writes data/harper.tsv from the harper-core in use, keeping docreview's default column.
    #[test]
    #[ignore]
    fn harper_catalogue() {
        if std::env::var_os("DOCREVIEW_WRITE_HARPER").is_none() {
            return;
        }
        let defaults: HashMap<String, bool> = catalogue(&Default::default())
            .into_iter()
            .map(|l| (l.name, l.default_on))
            .collect();
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/core/rules/data/harper.tsv"
        );
        let old = std::fs::read_to_string(path).unwrap_or_default();
        let mut out: String = old
            .lines()
            .filter(|l| l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        for (name, description) in all_linters() {
            if LEFT_OUT.contains(&name.as_str()) {
                continue;
            }
            let on = defaults.get(&name).copied().unwrap_or(false);
            let description = description.replace(['\n', '\t'], " ");
            out.push_str(&format!(
                "{name}\t{}\t{description}\n",
                if on { "on" } else { "off" }
            ));
        }
        std::fs::write(path, out).expect("write the catalogue");
    }

    #[test]
    fn a_long_block_is_read_in_pieces_cut_at_sentence_ends_or_spaces() {
        assert_eq!(pieces("Short."), vec![0..6]);
        let sentences = "A sentence ends here. ".repeat(1_000);
        let cut = pieces(&sentences);
        assert!(cut.len() > 2, "{cut:?}");
        for w in cut.windows(2) {
            assert_eq!(w[0].end, w[1].start, "the pieces cover the text");
            assert!(
                sentences[..w[0].end].ends_with("here."),
                "cut after a full stop"
            );
        }
        assert_eq!(cut.last().map(|r| r.end), Some(sentences.len()));
        // No full stop at all, and no space: cut at a character boundary.
        let words = "wörd ".repeat(5_000);
        let cut = pieces(&words);
        assert!(cut.len() > 2);
        assert!(cut.iter().all(|r| r.len() <= PIECE));
        assert!(
            cut[..cut.len() - 1]
                .iter()
                .all(|r| words[..r.end].ends_with("wörd"))
        );
        let solid = "é".repeat(10_000);
        assert!(pieces(&solid).iter().all(|r| solid.is_char_boundary(r.end)));
    }

    #[test]
    fn names_become_rule_names() {
        assert_eq!(kebab("AnA"), "an-a");
        assert_eq!(kebab("SpellCheck"), "spell-check");
        assert_eq!(kebab("ToDoHyphen"), "to-do-hyphen");
        assert_eq!(kebab("PHDTerms"), "phd-terms");
        assert_eq!(kebab("Catch22"), "catch-22");
    }

    #[test]
    fn spans_map_to_bytes_and_code_is_left_alone() {
        let enabled = vec!["AnA".to_owned()];
        // "é" is two bytes: the hit's byte range must still cover "a".
        let text = "Café aside, this is a example.";
        let hits = lint_block(text, &enabled);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(&text[hits[0].range.clone()], "a");
        assert_eq!(hits[0].replacements, ["an"]);
        // The same mistake next to code (a placeholder) is still found; the placeholder never is.
        let text = format!("Run {PLACEHOLDER} in a example.");
        let hits = lint_block(&text, &enabled);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(&text[hits[0].range.clone()], "a");
    }

    /// The texts one of harper's linters flags in `md`.
    fn flagged(rule: &str, md: &str) -> Vec<String> {
        crate::core::rules::hits_in(&HarperGrammar::new(), &[rule], md)
            .into_iter()
            .map(|(_, w, _)| w)
            .collect()
    }

    #[test]
    fn in_details_is_a_slip_unless_the_doc_names_the_details_element() {
        let run = |md: &str| flagged("grammar.in-detail", md);
        assert_eq!(
            run("The options are explained in details below.\n"),
            ["in details"]
        );
        assert!(run("If you are interested in more details, ask.\n").is_empty());
        assert!(run("It will log in details of the results.\n").is_empty());
        let element = "- Fixed anchors in details.\n- Improved printing of `details`.\n";
        assert!(run(element).is_empty());
        assert!(
            run("Fixed anchors in details.\n\n<details>\n<summary>More</summary>\n</details>\n")
                .is_empty()
        );
    }

    #[test]
    fn for_eg_is_for_example_not_for_e_g() {
        let fixes = |md: &str| -> Vec<(String, Vec<String>)> {
            crate::core::rules::hits_in(&HarperGrammar::new(), &["grammar.dot-initialisms"], md)
                .into_iter()
                .map(|(_, w, r)| (w, r))
                .collect()
        };
        let one = |w: &str, r: &str| vec![(w.to_owned(), vec![r.to_owned()])];
        assert_eq!(
            fixes("If a change occurs (for eg: the version changes), it runs.\n"),
            one("for eg", "for example")
        );
        assert_eq!(
            fixes("It runs. For eg, if you edit the app, it runs.\n"),
            one("For eg", "For example")
        );
        // Elsewhere "eg" is "e.g.", and a word that merely ends in "for" is no "for".
        assert_eq!(
            fixes("Use a format (eg: YAML) for it.\n"),
            one("eg:", "e.g.")
        );
        assert_eq!(fixes("Ask the platfor eg: a name.\n"), one("eg:", "e.g."));
        // "eg." loses its period with the abbreviation; other spaces between the words; a name that
        // ends in "for" is no "for"; capitals stay capitals.
        assert_eq!(
            fixes("It runs (for eg. when you edit it).\n"),
            one("for eg.", "for example")
        );
        assert_eq!(
            fixes("It runs, for\u{a0}eg: on edits.\n"),
            one("for\u{a0}eg", "for example")
        );
        assert_eq!(fixes("Set use_for eg: on.\n"), one("eg:", "e.g."));
        assert_eq!(fixes("FOR eg: THIS.\n"), one("FOR eg", "FOR EXAMPLE"));
    }

    #[test]
    fn a_page_that_writes_eg_throughout_has_chosen_it() {
        let found = |md: &str| {
            crate::core::rules::hits_in(&HarperGrammar::new(), &["grammar.dot-initialisms"], md)
                .len()
        };
        let thrice = "Pick a mode, eg. locked.\n\nPick a pane, eg. the first.\n\nPick a tab, eg. the last.\n";
        assert_eq!(found(thrice), 0);
        // Twice is no style yet, and a page that also writes "e.g." mixes the two: all are asked for.
        assert_eq!(
            found("Pick a mode, eg. locked.\n\nPick a pane, eg. the first.\n"),
            2
        );
        let mixed = format!("{thrice}\nPick a session, e.g. the current one.\n");
        assert_eq!(found(&mixed), 3);
        // "ie" is counted apart from "eg"; "IE" is a browser, and a word holding "eg" is no "eg".
        assert_eq!(
            found(&format!("{thrice}\nIt runs once, ie. at start.\n")),
            1
        );
        assert_eq!(
            found("It runs once, ie. at start.\n\nOn IE. 11, IE, and IE 10 too.\n"),
            1
        );
        assert_eq!(
            found("Pick a leg, eg. left.\n\nA peg, a keg, an egg and a beg.\n"),
            1
        );
        // "for eg" says "for" twice on any page.
        assert_eq!(found(&format!("{thrice}\nFor eg. a tab.\n")), 1);
    }

    #[test]
    fn this_type_of_a_mass_noun_is_left_alone() {
        let run = |md: &str| flagged("grammar.this-type-of-thing", md);
        assert!(run("Some systems have a column type for this type of data.\n").is_empty());
        assert!(!run("These type of errors are rare.\n").is_empty());
    }

    #[test]
    fn this_kind_of_a_plural_is_mended_with_the_nouns_singular_not_a_placeholder() {
        let fixes: Vec<(String, Vec<String>)> = crate::core::rules::hits_in(
            &HarperGrammar::new(),
            &["grammar.this-type-of-thing"],
            "You may think you cannot use this kind of indexes here.\n",
        )
        .into_iter()
        .map(|(_, w, r)| (w, r))
        .collect();
        assert_eq!(fixes, [("indexes".to_owned(), vec!["index".to_owned()])]);
    }
}
