//! Vale's `sequence` rules: a run of words, each given by a pattern, a part-of-speech tag (Penn
//! Treebank names: `NN`, `VBZ`, `JJS`, `MD`, …) or both, with `skip` for up to so many words in between
//! and `negate` to ask for anything but. Words are tagged by harper's part-of-speech tagger (the same
//! one its grammar rules use), and its tags are named as Vale's rules expect.

use super::pattern::Pattern;
use harper_brill::{Tagger, UPOS};

/// One step of a sequence, as Vale expands it (a `skip` becomes that many optional steps).
#[derive(Debug, Clone)]
pub struct Step {
    pub pattern: Option<Pattern>,
    pub tag: Option<Pattern>,
    pub negate: bool,
    pub skip: usize,
    pub optional: bool,
    pub start: bool,
    pub end: bool,
}

/// A word of a sentence with its tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagged {
    pub text: String,
    pub tag: String,
}

/// Expands the rule's tokens as Vale does: `skip: n` adds n optional steps before the token itself.
pub fn steps(tokens: Vec<(Option<Pattern>, Option<Pattern>, bool, usize)>) -> Vec<Step> {
    let mut out = Vec::new();
    for (pattern, tag, negate, skip) in tokens {
        let base = Step {
            pattern,
            tag,
            negate,
            skip,
            optional: true,
            start: false,
            end: false,
        };
        for i in (1..=skip).rev() {
            out.push(Step {
                start: i == skip,
                ..base.clone()
            });
        }
        if base.pattern.is_some() || base.tag.is_some() {
            out.push(Step {
                optional: false,
                end: true,
                ..base
            });
        }
    }
    out
}

/// Splits a sentence into words and punctuation the way a treebank tokenizer does (a possessive or
/// contracted `'s` is a word of its own).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in text.split_whitespace() {
        let mut rest = piece;
        let mut tail = Vec::new();
        // Leading and trailing punctuation become words of their own.
        while let Some(c) = rest.chars().next().filter(|c| !c.is_alphanumeric()) {
            out.push(c.to_string());
            rest = &rest[c.len_utf8()..];
        }
        while let Some(c) = rest.chars().last().filter(|c| !c.is_alphanumeric()) {
            tail.push(c.to_string());
            rest = &rest[..rest.len() - c.len_utf8()];
        }
        if !rest.is_empty() {
            let lower = rest.to_lowercase();
            let clitic = ["'s", "’s", "n't", "'re", "'ll", "'ve", "'d", "'m"]
                .iter()
                .find(|c| lower.ends_with(**c) && lower.len() > c.len());
            match clitic {
                Some(c) => {
                    let at = rest.len() - c.len();
                    out.push(rest[..at].to_owned());
                    out.push(rest[at..].to_owned());
                }
                None => out.push(rest.to_owned()),
            }
        }
        out.extend(tail.into_iter().rev());
    }
    out
}

const MODALS: &[&str] = &[
    "can", "could", "may", "might", "must", "shall", "should", "will", "would", "ca", "wo",
];
const POSSESSIVE: &[&str] = &["my", "your", "his", "her", "its", "our", "their", "whose"];

/// The Penn Treebank tag of a word, from harper's universal tag and its dictionary.
fn penn(word: &str, upos: Option<UPOS>) -> String {
    let lower = word.to_lowercase();
    let meta = crate::core::rules::dictionary::word_metadata(word)
        .or_else(|| crate::core::rules::dictionary::word_metadata(&lower));
    if !word.chars().any(char::is_alphanumeric) {
        return word.to_owned();
    }
    if lower == "'s" || lower == "’s" {
        return "POS".into();
    }
    let plural = meta.as_ref().is_some_and(|m| m.is_plural_nominal())
        || (lower.ends_with('s') && !lower.ends_with("ss") && meta.is_none());
    let tag = match upos {
        Some(UPOS::NOUN) => {
            if plural {
                "NNS"
            } else {
                "NN"
            }
        }
        Some(UPOS::PROPN) => {
            if plural {
                "NNPS"
            } else {
                "NNP"
            }
        }
        Some(UPOS::VERB | UPOS::AUX) => {
            if MODALS.contains(&lower.as_str()) {
                "MD"
            } else if lower.ends_with("ing") {
                "VBG"
            } else if meta
                .as_ref()
                .is_some_and(|m| m.is_verb_third_person_singular_present_form())
                || lower == "is"
                || lower == "has"
            {
                "VBZ"
            } else if meta
                .as_ref()
                .is_some_and(|m| m.is_verb_past_participle_only())
            {
                "VBN"
            } else if meta.as_ref().is_some_and(|m| m.is_verb_simple_past_form())
                || matches!(lower.as_str(), "was" | "were")
            {
                "VBD"
            } else if matches!(lower.as_str(), "am" | "are") {
                "VBP"
            } else {
                "VB"
            }
        }
        Some(UPOS::ADJ) => {
            if meta.as_ref().is_some_and(|m| m.is_superlative_adjective())
                || (lower.ends_with("est") && lower.len() > 4)
            {
                "JJS"
            } else if meta.as_ref().is_some_and(|m| m.is_comparative_adjective()) {
                "JJR"
            } else {
                "JJ"
            }
        }
        Some(UPOS::ADV) => "RB",
        Some(UPOS::PRON) => {
            if POSSESSIVE.contains(&lower.as_str()) {
                "PRP$"
            } else {
                "PRP"
            }
        }
        Some(UPOS::DET) => "DT",
        Some(UPOS::ADP | UPOS::SCONJ) => "IN",
        Some(UPOS::CCONJ) => "CC",
        Some(UPOS::NUM) => "CD",
        Some(UPOS::PART) => {
            if lower == "to" {
                "TO"
            } else {
                "RP"
            }
        }
        Some(UPOS::INTJ) => "UH",
        Some(UPOS::PUNCT) => return word.to_owned(),
        Some(UPOS::SYM) => "SYM",
        None => {
            if MODALS.contains(&lower.as_str()) {
                "MD"
            } else if word.chars().next().is_some_and(char::is_uppercase) {
                "NNP"
            } else {
                "NN"
            }
        }
    };
    tag.to_owned()
}

/// The sentence's words with their tags.
pub fn tag(text: &str) -> Vec<Tagged> {
    let words = words(text);
    let tags = harper_brill::brill_tagger().tag_sentence(&words);
    words
        .into_iter()
        .enumerate()
        .map(|(i, w)| Tagged {
            tag: penn(&w, tags.get(i).copied().flatten()),
            text: w,
        })
        .collect()
}

fn matches(step: &Step, word: &Tagged) -> bool {
    let tag_ok = step
        .tag
        .as_ref()
        .map(|t| t.is_match(&word.tag) != step.negate);
    let word_ok = step
        .pattern
        .as_ref()
        .map(|p| p.is_match(&word.text) != step.negate);
    match (tag_ok, word_ok) {
        (Some(t), Some(w)) => t && w,
        (Some(t), None) => t,
        (None, Some(w)) => w,
        (None, None) => true,
    }
}

/// The words of a sequence matching around the anchor step `idx`, found at the first word that
/// matches it and is not in `history`; returns the words and that word's index.
fn sequence_at(
    idx: usize,
    steps: &[Step],
    words: &[Tagged],
    history: &[usize],
) -> (Vec<String>, usize) {
    let target = &steps[idx];
    let mut text: Vec<String> = Vec::new();
    let Some(j) = (0..words.len()).find(|&j| matches(target, &words[j]) && !history.contains(&j))
    else {
        return (Vec::new(), 0);
    };
    // Backwards from the anchor.
    let mut i = 1;
    while i <= idx {
        if j < i {
            return (Vec::new(), j);
        }
        let mut step = steps[idx - i].clone();
        let word = &words[j - i];
        text.insert(0, word.text.clone());
        if step.skip > 0 {
            step.optional = (step.optional || step.end) && !step.start;
        }
        let m = matches(&step, word);
        if !m && !step.optional {
            return (Vec::new(), j);
        } else if m && step.optional {
            break;
        }
        i += 1;
    }
    // Forwards from the anchor (the anchor itself first).
    for (k, step) in steps.iter().enumerate().skip(idx) {
        let Some(word) = words.get(j + (k - idx)) else {
            return (Vec::new(), j);
        };
        text.push(word.text.clone());
        let m = matches(step, word);
        if !m && !step.optional {
            return (Vec::new(), j);
        } else if m && step.optional {
            break;
        }
    }
    (text, j)
}

/// Joins words back into text as they were written: no space before closing punctuation or a
/// clitic (`'s`), none after an opening bracket.
pub fn join(words: &[String]) -> String {
    let mut out = String::new();
    for w in words {
        let tight = matches!(
            w.as_str(),
            "." | "," | ":" | ";" | "!" | "?" | ")" | "'" | "\""
        ) || w.starts_with('\'')
            || w.starts_with('’')
            || w == "n't";
        if !out.is_empty() && !tight && !out.ends_with('(') {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.trim().to_owned()
}

/// Runs a sequence over one sentence: each match as (byte range in `text`, the words).
pub fn run(steps: &[Step], text: &str) -> Vec<(std::ops::Range<usize>, Vec<String>)> {
    let Some(idx) = steps.iter().position(|s| !s.negate && s.pattern.is_some()) else {
        return Vec::new();
    };
    let Some(anchor) = &steps[idx].pattern else {
        return Vec::new();
    };
    let hits = anchor.find_all(text);
    if hits.is_empty() {
        return Vec::new();
    }
    let words = tag(text);
    let mut history = Vec::new();
    let mut out = Vec::new();
    for _ in hits {
        let (seq, index) = sequence_at(idx, steps, &words, &history);
        history.push(index);
        if seq.is_empty() {
            continue;
        }
        let joined = join(&seq);
        if let Some(at) = text.find(&joined) {
            out.push((at..at + joined.len(), seq));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(
        pattern: Option<&str>,
        tag: Option<&str>,
        skip: usize,
    ) -> (Option<Pattern>, Option<Pattern>, bool, usize) {
        let p = |s: &str| Pattern::new(&format!("(?m)(?:{s})")).expect("pattern");
        (pattern.map(p), tag.map(p), false, skip)
    }

    #[test]
    fn words_split_like_a_treebank() {
        assert_eq!(
            words("The endpoint's are (really) done."),
            [
                "The", "endpoint", "'s", "are", "(", "really", ")", "done", "."
            ]
        );
    }

    #[test]
    fn a_sequence_with_tags_finds_the_run() {
        let s = steps(vec![
            step(None, Some("MD"), 0),
            step(Some("be"), None, 0),
            step(None, Some("JJ"), 0),
            step(None, Some("VB|VBN"), 0),
        ]);
        let text = "It would be great write a story.";
        let got = run(&s, text);
        assert_eq!(got.len(), 1, "{:?}", tag(text));
        assert_eq!(&text[got[0].0.clone()], "would be great write");
        assert!(run(&s, "It would be great to write a story.").is_empty());
    }
}
