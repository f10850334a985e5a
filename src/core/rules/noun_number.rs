//! `grammar.determiner-number`: a determiner that takes one thing before a plural noun ("a known
//! issues" → "a known issue", "for every vtables" → "every vtable", "In this docs" → "these docs"). The
//! noun must be one the dictionary knows only as a plural (see [`super::agreement::plainly_plural`]),
//! and it must end its noun phrase: a plural that describes the noun after it is fine ("a jobs API", "a
//! metrics server").

use super::dictionary::word_metadata;
use super::text::{Word, is_all_lower, next, starts_sentence};
use super::{Active, Checker, DocProse, Hit, RuleInfo};

pub const RULE: &str = "grammar.determiner-number";

/// Determiners that take a singular noun.
const SINGULAR: &[&str] = &["a", "an", "every", "each", "another", "this"];

/// Words that count, and so may stand between a determiner and a plural ("a few days", "every two
/// weeks", "another hundred rows").
const COUNTING: &[&str] = &[
    "few", "couple", "dozen", "several", "many", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "fifty", "hundred",
    "thousand", "million", "billion", "other", "lot", "number", "total", "pair", "set",
];

/// Prepositions that also join clauses: a pronoun may follow them as a subject.
const CONJUNCTIONS: &[&str] = &[
    "as", "since", "until", "till", "before", "after", "like", "but", "than", "so", "while",
    "because", "whereas", "once",
];

pub struct NounNumber;

impl Checker for NounNumber {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::review(
            RULE,
            false,
            "\"a\", \"every\", \"each\", \"another\" or \"this\" before a plural (\"a known issues\")",
            "\"A\", \"an\", \"every\", \"each\", \"another\" and \"this\" take one thing: \"this is a \
                      known issues\" → \"a known issue\" (or \"known issues\"), \"for every vtables\" → \
                      \"every vtable\", \"In this docs\" → \"these docs\". Only a noun the dictionary knows \
                      as a plural and nothing else counts, and only where it ends its noun phrase: a plural \
                      that describes the noun after it is fine (\"a jobs API\", \"a settings page\"), as \
                      are counting words between (\"a few days\", \"every two weeks\") and \"this\" before a \
                      verb (\"this changes the flow\"), \"each\" after its subject (\"`a()` and `b()` each \
                      normalized derivatives\") and a verb in -s before a determiner (\"an enumerable \
                      matches some condition\"). Reads the comments of code blocks too. Off by \
                      default: fewer of its findings were right than the gate asks where it was not \
                      tuned (see the measured precision); turn it on where your docs need it.",
        )]
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        if !active.has(RULE) {
            return;
        }
        for (b, text, ws) in doc.sentence_blocks() {
            let block = &doc.prose.blocks[b];
            for i in 0..ws.len() {
                if let Some(hit) = at(text, ws, i)
                    && block.is_plain(hit.range.clone())
                {
                    out.push(Hit { block: b, ..hit });
                }
            }
        }
    }
}

/// A singular determiner at `ws[i]` before a plural that ends its noun phrase.
fn at(text: &str, ws: &[Word], i: usize) -> Option<Hit> {
    let det = ws[i];
    let d = det.text(text);
    let lower = d.to_ascii_lowercase();
    if !SINGULAR.contains(&lower.as_str()) || !(is_all_lower(d) || starts_sentence(text, det.start))
    {
        return None;
    }
    // One adjective may stand between: a word the dictionary knows as an adjective and not a noun.
    // "n/a", "I/O a": a determiner glued to a mark is no determiner.
    if text[..det.start]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace() && !"(\"“*_[".contains(c))
    {
        return None;
    }
    let first = next(text, ws, i)?;
    let described = word_metadata(first.text(text)).is_some_and(|m| {
        m.is_adjective() && !m.is_noun() && !m.is_determiner() && !m.is_quantifier()
    }) && !COUNTING.contains(&first.text(text));
    // "Each" and "another" after a preposition are determiners ("for each steps").
    // Not after a word that also joins clauses ("as each serves a purpose").
    // Asked only of a determiner before a plural, or before a verb-like adjective: most are neither.
    let after_preposition = || {
        super::text::prev(text, ws, i).is_some_and(|p| {
            let p = p.text(text).to_lowercase();
            !CONJUNCTIONS.contains(&p.as_str()) && word_metadata(&p).is_some_and(|m| m.preposition)
        })
    };
    // "each" right after its subject: code, a closing bracket, or a noun or pronoun that is no verb
    // ("`a()` and `b()` each", "the files each", "they each"); not at a sentence's start or after a
    // verb ("We read each normalized derivatives").
    let after_subject = || {
        text[..det.start]
            .trim_end()
            .ends_with([crate::core::markdown::PLACEHOLDER, ')', ']'])
            || super::text::prev(text, ws, i).is_some_and(|p| {
                word_metadata(&p.text(text).to_lowercase())
                    .is_some_and(|m| (m.is_noun() || m.is_pronoun()) && !m.is_verb())
            })
    };
    // "This placed restrictions": "this" and a verb in -ed. "`a()` and `b()` each normalized
    // derivatives": "each" after its subject, then the verb.
    if described
        && (lower == "this" || lower == "each")
        && word_metadata(first.text(text)).is_some_and(|m| m.is_verb())
        && (lower == "this" || (!after_preposition() && after_subject()))
    {
        return None;
    }
    let (n_at, noun) = if described {
        (i + 2, next(text, ws, i + 1)?)
    } else {
        (i + 1, first)
    };
    let n = noun.text(text);
    if !is_all_lower(n) || COUNTING.contains(&first.text(text)) {
        return None;
    }
    if !super::agreement::plainly_plural(n) {
        return None;
    }
    let m = word_metadata(n)?;
    let after_preposition = after_preposition();
    // "this changes the flow", "each serves a purpose", "A depends on B": a pronoun or a name before a
    // verb.
    let pronoun = match lower.as_str() {
        "this" => true,
        "each" | "another" => !after_preposition,
        _ => d == "A",
    };
    if m.is_verb() && pronoun {
        return None;
    }
    // "a ways to go": an idiom.
    if n == "ways" && matches!(lower.as_str(), "a" | "an") {
        return None;
    }
    // The plural must end its noun phrase: no noun after it (nor a word the dictionary does not
    // know, a number or inline code: "a docs approver", "a macros 2.0 feature", "a metrics
    // `Server`"), no participle ("a links based sampler"), and it is not part of a name or a
    // possessive ("a crates.io account", "a sponsors' funding").
    let rest = &text[noun.end..];
    if rest
        .trim_start()
        .starts_with(crate::core::markdown::PLACEHOLDER)
        || rest.starts_with(['\'', '\u{2019}'])
        || (rest.starts_with(':') && !rest[1..].starts_with(char::is_whitespace))
        || (rest.starts_with(['.', '-', '/', '_'])
            && rest[1..].starts_with(|c: char| c.is_alphanumeric()))
    {
        return None;
    }
    if let Some(after) = next(text, ws, n_at) {
        let a = after.text(text);
        let known = word_metadata(a);
        // A verb in -s before a preposition or an article is the verb ("a composable depends on",
        // "a hands on tutorial"); before another determiner, even after a preposition ("in an
        // enumerable matches some condition").
        // Not "that", "which", "what" or "whose", which open a clause about the plural ("add a tests that
        // validates").
        let article = matches!(a, "a" | "an" | "the");
        let clause = matches!(a, "that" | "which" | "what" | "whose");
        let verb_phrase = m.is_verb()
            && ((!after_preposition && (article || known.as_ref().is_some_and(|k| k.preposition)))
                || (!article
                    && !clause
                    && known
                        .as_ref()
                        .is_some_and(|k| k.is_determiner() || k.is_quantifier())));
        // "a pros and cons list", "an issues and milestone approach": nouns joined to describe one.
        if !is_all_lower(a)
            || verb_phrase
            || matches!(a, "and" | "or")
            || a.starts_with(|c: char| c.is_ascii_digit())
            || known
                .as_ref()
                .is_none_or(|m| m.is_noun() || m.is_verb_past_participle_form())
            || a.ends_with("ed")
        {
            return None;
        }
    }
    let one = singular(n)?;
    let between = &text[det.start..noun.start];
    let middle = &between[d.len()..];
    let other = match lower.as_str() {
        "a" | "an" => {
            let rest = format!("{}{n}", middle.trim_start());
            Some(if is_all_lower(d) {
                rest
            } else {
                super::text::capitalise(&rest)
            })
        }
        "this" => Some(format!(
            "{}{middle}{n}",
            crate::core::rules::misspellings::match_case(d, "these")
        )),
        _ => None,
    };
    let mut replacements = vec![format!("{between}{one}")];
    // Across a line break only the fix that keeps the break is offered.
    if !between.contains('\n') {
        replacements.extend(other);
    }
    Some(Hit {
        block: 0,
        range: det.start..noun.end,
        rule: RULE.into(),
        message: format!("\"{d}\" takes one thing: \"{between}{one}\"."),
        replacements,
    })
}

/// The singular of a plural in -s the dictionary knows as a singular noun ("issues" → "issue",
/// "policies" → "policy", "patches" → "patch").
pub(crate) fn singular(plural: &str) -> Option<String> {
    let mut tries = Vec::new();
    if let Some(stem) = plural.strip_suffix("ies") {
        tries.push(format!("{stem}y"));
    }
    if let Some(stem) = plural.strip_suffix("es")
        && (stem.ends_with("ch")
            || stem.ends_with("sh")
            || stem.ends_with('x')
            || stem.ends_with('s')
            || stem.ends_with('z'))
    {
        tries.push(stem.to_owned());
    }
    tries.push(plural.strip_suffix('s')?.to_owned());
    tries
        .into_iter()
        .find(|s| word_metadata(s).is_some_and(|m| m.is_singular_noun()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(md: &str) -> Vec<(String, Vec<String>)> {
        let hits = crate::core::rules::hits_in(&NounNumber, &[RULE], md);
        hits.into_iter().map(|(_, text, r)| (text, r)).collect()
    }

    #[test]
    fn a_determiner_of_one_before_a_plural() {
        let got = run("This is a known issues, see the tracker.\n\n\
             The table holds one entry for every vtables.\n\n\
             In this docs we describe the setup of the server.\n\n\
             Create helper functions for each steps of the build.\n\n\
             Read the notes for each detailed steps of the build.\n\n\
             We should add a tests that validates the metrics.\n\n\
             We read each normalized derivatives of the word.\n");
        assert_eq!(
            got,
            vec![
                (
                    "a known issues".into(),
                    vec!["a known issue".into(), "known issues".into()]
                ),
                ("every vtables".into(), vec!["every vtable".into()]),
                (
                    "this docs".into(),
                    vec!["this doc".into(), "these docs".into()]
                ),
                ("each steps".into(), vec!["each step".into()]),
                (
                    "each detailed steps".into(),
                    vec!["each detailed step".into()]
                ),
                ("a tests".into(), vec!["a test".into(), "tests".into()]),
                (
                    "each normalized derivatives".into(),
                    vec!["each normalized derivative".into()]
                ),
            ]
        );
    }

    #[test]
    fn plurals_that_describe_count_or_follow_a_verb_are_fine() {
        for md in [
            "Start a settings page and a jobs queue on the node.\n",
            "Wait a few seconds, then retry every two weeks or every other day.\n",
            "In short, this changes the flow of the request for the client.\n",
            "It runs a metrics `Server` on the host for you.\n",
            "This is a series of steps, and each means something else.\n",
            "Create a robots.txt file and a crates.io account for the sponsor.\n",
            "It shows the impact of a sponsors' funding and a macros 2.0 feature.\n",
            "Each serves a purpose, and another reconstructs it. A depends on B.\n",
            "Releases differ between channels, as each serves a purpose of its own.\n",
            "[`to_tsvector()`](#a) and [`to_tsquery()`](#b) each normalized derivatives of the word.\n",
            "The two parsers each normalized derivatives of the word.\n",
            "It is true if every item in an enumerable matches some condition.\n",
            "It is true if the last item in an enumerable matches its key.\n",
            "If one finishes early while another runs for long, because each maps to a job.\n",
            "If a composable depends on a plugin, run a hands on tutorial; it has a ways to go.\n",
            "It is provided as an argument for a gs:// URL here.\n",
            "Make a pros and cons list before you choose one of them.\n",
            "This placed restrictions on labels. Use a links based sampler.\n",
            "One is written by a docs approver and set to n/a for now.\n",
        ] {
            assert_eq!(run(md), vec![], "{md}");
        }
    }
}
