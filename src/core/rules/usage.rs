//! Word-usage slips that reviewers fix and that no harper linter covers, each a narrow pattern chosen for
//! precision:
//!
//! - `grammar.can-not`: "can not" → "cannot" ("can not only …" is left alone);
//! - `grammar.less-fewer`: "less" before a plural countable noun → "fewer" ("less files");
//! - `grammar.number-unit`: a number and a unit that together describe a noun take a hyphen
//!   ("a 10 second timeout" → "a 10-second timeout");
//! - `grammar.going-to`: "is going generate" → "is going to generate";
//! - `grammar.abbreviation-dots`: "e.g" and "i.e" without their last period → "e.g.", "i.e.";
//! - `grammar.missing-be`: a modal verb before a participle → "cannot be resolved".

use super::lexicon::is_clear_verb;
use super::text::{Word, next, prev};
use super::{Active, Checker, DocProse, Hit, RuleInfo};

pub const CAN_NOT: &str = "grammar.can-not";
pub const LESS_FEWER: &str = "grammar.less-fewer";
pub const NUMBER_UNIT: &str = "grammar.number-unit";
pub const GOING_TO: &str = "grammar.going-to";
pub const ABBREVIATION_DOTS: &str = "grammar.abbreviation-dots";
pub const MISSING_BE: &str = "grammar.missing-be";

/// The `grammar` family's word-usage patterns.
pub struct Usage;

impl Checker for Usage {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![
            RuleInfo::review(
                CAN_NOT,
                true,
                "\"can not\" written for \"cannot\"",
                "\"Cannot\" is one word: \"the file can not be read\" -> \"the file cannot be read\". \"Can not \
                 only …\" (where \"not only\" belongs together) and an emphasised \"not\" are left alone.",
            ),
            RuleInfo::review(
                LESS_FEWER,
                false,
                "\"less\" before a plural countable noun (\"less files\" -> \"fewer files\")",
                "Things you count take \"fewer\", amounts take \"less\": \"fewer files\", \"fewer requests\", but \
                 \"less memory\". Flagged only where \"less\" stands right before a plural noun the dictionary \
                 knows as countable, and not in \"more or less\", \"no less\" or \"much less\".",
            ),
            RuleInfo::review(
                NUMBER_UNIT,
                true,
                "A number and a unit before a noun without a hyphen (\"a 10 second timeout\")",
                "A number and a unit that together describe a noun are joined by a hyphen: \"a 10-second \
                 timeout\", \"a 3-step process\", \"a 64-bit integer\". Flagged only after \"a\", \"an\" or \"the\", \
                 with the unit in the singular and a noun right after it.",
            ),
            RuleInfo::review(
                GOING_TO,
                false,
                "\"going\" before a bare verb without \"to\" (\"is going generate\")",
                "\"Going\" in the sense of the future takes \"to\": \"the build is going to fail\". Flagged after a \
                 form of \"be\" when a verb that is not also a noun follows; \"going forward\", \"going live\" and \
                 the like are left alone.",
            ),
            RuleInfo::review(
                ABBREVIATION_DOTS,
                true,
                "\"e.g\" or \"i.e\" without its last period (\"e.g.\", \"i.e.\")",
                "Each letter of \"e.g.\" and \"i.e.\" stands for a word and takes its period: \"(e.g \
                 YAML)\" -> \"(e.g. YAML)\", \"i.e, the file\" -> \"i.e., the file\". Flagged only where the \
                 abbreviation stands apart (a space, a bracket or the start of the text before it); \"eg\" and \
                 \"ie\" are left to `grammar.dot-initialisms` (off by default).",
            ),
            RuleInfo::review(
                MISSING_BE,
                true,
                "A modal verb before a participle (\"cannot resolved\", \"can changed the\")",
                "After \"can\", \"must\", \"will\" and the other modal verbs comes a verb's base form; a \
                 participle there has lost its \"be\" (\"the link cannot resolved\" -> \"cannot be resolved\", \
                 \"must only installed\" -> \"must only be installed\") or was meant as the base form, when \
                 its object follows (\"you can changed the padding\" -> \"can change\"); both fixes are \
                 offered. Questions (\"Where should generated files be stored?\") and comparisons (\"as can \
                 named arguments\") are left alone. Flagged only for a participle in -ed of a \
                 verb the word list knows, right after the modal or one adverb (\"not\", \"only\", \"also\", \
                 …); a base form that ends in -ed (\"need\", \"embed\") and a noun before \"will\" or \"can\" \
                 (\"free will based on\") are left alone.",
            ),
        ]
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        let on = [
            active.has(CAN_NOT),
            active.has(LESS_FEWER),
            active.has(NUMBER_UNIT),
            active.has(GOING_TO),
            active.has(ABBREVIATION_DOTS),
            active.has(MISSING_BE),
        ];
        if !on.iter().any(|x| *x) {
            return;
        }
        for (b, block) in doc.prose.blocks.iter().enumerate() {
            let text = block.text.as_str();
            let ws = doc.words(b);
            for i in 0..ws.len() {
                let lower = ws[i].text(text).to_ascii_lowercase();
                match lower.as_str() {
                    "can" if on[0] => can_not(doc, b, ws, i, out),
                    "less" if on[1] => less_fewer(b, text, ws, i, out),
                    "a" | "an" | "the" if on[2] => number_unit(b, text, ws, i, out),
                    "going" if on[3] => going_to(b, text, ws, i, out),
                    "e" | "i" if on[4] => abbreviation_dots(b, text, ws, i, out),
                    _ => {}
                }
                if on[5] && is_modal(&lower) {
                    missing_be(b, text, ws, i, out);
                }
            }
        }
    }
}

/// Modal verbs: a base form follows them, never a participle.
const MODALS: &[&str] = &[
    "can",
    "cannot",
    "can't",
    "could",
    "couldn't",
    "should",
    "shouldn't",
    "would",
    "wouldn't",
    "will",
    "won't",
    "must",
    "mustn't",
    "may",
    "might",
    "shall",
];

/// Is the lower-case `word` a modal verb (a curly apostrophe standing for a straight one)?
fn is_modal(word: &str) -> bool {
    MODALS.contains(&word)
        || (word.contains('\u{2019}') && MODALS.contains(&word.replace('\u{2019}', "'").as_str()))
}

/// Adverbs that may stand between a modal and its verb ("must only be amended").
const BETWEEN: &[&str] = &[
    "not",
    "only",
    "also",
    "never",
    "always",
    "still",
    "just",
    "even",
    "now",
    "then",
    "easily",
    "automatically",
    "simply",
    "usually",
    "typically",
    "probably",
    "already",
    "safely",
    "directly",
];

/// The base form a participle in -ed comes from, if the word list knows it as a verb and the word is
/// not a base form itself ("resolved" → "resolve", "installed" → "install", "applied" → "apply",
/// "stopped" → "stop"; not "need", "embed").
fn participle_of(word: &str) -> Option<String> {
    let stem = word.strip_suffix("ed")?;
    if !word.is_ascii() || stem.len() < 2 || super::lexicon::is_verb(word) {
        return None;
    }
    let mut bases = vec![format!("{stem}e"), stem.to_owned()];
    if let Some(y) = stem.strip_suffix('i') {
        bases.push(format!("{y}y"));
    }
    let b = stem.as_bytes();
    if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
        bases.push(stem[..stem.len() - 1].to_owned());
    }
    bases.into_iter().find(|v| super::lexicon::is_verb(v))
}

/// A modal (`ws[i]`), maybe an adverb, then a participle in -ed: "be" is missing before it.
fn missing_be(b: usize, text: &str, ws: &[Word], i: usize, out: &mut Vec<Hit>) {
    // "free will based on", "a can opened": the noun, not the modal; "as can named arguments": a
    // comparison that leaves its verb out.
    if prev(text, ws, i).is_some_and(|p| {
        matches!(
            p.text(text).to_ascii_lowercase().as_str(),
            "the"
                | "a"
                | "an"
                | "free"
                | "good"
                | "ill"
                | "own"
                | "at"
                | "his"
                | "her"
                | "their"
                | "as"
                | "so"
                | "than"
                | "nor"
        )
    }) {
        return;
    }
    // A question puts its subject after the modal, and a participle may describe it ("Where should
    // generated files be stored?").
    // A modal that opens its sentence asks one, with or without the mark ("Should checked elements
    // be included"); a negative one there states ("Cannot resolved, it fails").
    let rest = &text[ws[i].end..];
    let modal = ws[i].text(text).to_ascii_lowercase();
    if rest
        .find(['.', '!', '?', ';'])
        .is_some_and(|end| rest[end..].starts_with('?'))
        || super::text::starts_sentence(text, ws[i].start)
            && !modal.contains("not")
            && !modal.contains("n't")
            && !text[ws[i].end..].starts_with(['\'', '\u{2019}'])
    {
        return;
    }
    let Some(mut verb) = next(text, ws, i) else {
        return;
    };
    // No reading of a modal takes a participle, right after it or after one adverb.
    let mut at = i + 1;
    if BETWEEN.contains(&verb.text(text)) {
        let Some(after) = next(text, ws, at) else {
            return;
        };
        verb = after;
        at += 1;
    }
    let v = verb.text(text);
    if !v.chars().all(|c| c.is_ascii_lowercase()) {
        return;
    }
    let Some(base) = participle_of(v) else {
        return;
    };
    // "can changed the padding", "will not updated it": with its object after it the verb meant its
    // base form; "can deployed with 2 nodes", "will created.": the passive lost its "be".
    let object = next(text, ws, at)
        .map(|w| w.text(text).to_ascii_lowercase())
        .is_some_and(|w| {
            !super::lexicon::is_ly_adverb(&w)
                && !matches!(
                    w.as_str(),
                    "by" | "to"
                        | "in"
                        | "on"
                        | "at"
                        | "for"
                        | "from"
                        | "with"
                        | "as"
                        | "into"
                        | "using"
                        | "via"
                        | "after"
                        | "before"
                        | "when"
                        | "if"
                        | "and"
                        | "or"
                        | "again"
                        | "twice"
                        | "here"
                        | "there"
                        | "later"
                        | "now"
                        | "first"
                        | "instead"
                        | "inside"
                        | "under"
                        | "over"
                        | "through"
                        | "during"
                        | "without"
                        | "within"
                        | "until"
                        | "unless"
                        | "once"
                        | "only"
                        | "also"
                        | "together"
                )
        });
    let passive = format!("be {v}");
    let (message, replacements) = if object {
        (
            format!("After a modal verb comes the base form: \"{base}\" (or \"{passive}\")."),
            vec![base, passive],
        )
    } else {
        (
            format!("A modal verb takes \"be\" before a participle: \"{passive}\"."),
            vec![passive, base],
        )
    };
    out.push(Hit {
        block: b,
        range: verb.start..verb.end,
        rule: MISSING_BE.into(),
        message,
        replacements,
    });
}

/// "e.g" or "i.e" (`ws[i]` is its first letter) with no period after its last letter.
fn abbreviation_dots(b: usize, text: &str, ws: &[Word], i: usize, out: &mut Vec<Hit>) {
    let Some(last) = ws.get(i + 1) else {
        return;
    };
    let first = ws[i];
    // "e.g" and "E.g", not the outline number "I.E".
    if !matches!(
        (first.text(text), last.text(text)),
        ("e" | "E", "g") | ("i" | "I", "e")
    )
        || &text[first.end..last.start] != "."
        // Standing apart: not a part of a dotted name ("config.e.g") nor of a longer run ("i.e.g").
        || text[..first.start]
            .chars()
            .next_back()
            .is_some_and(|c| !(c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\u{201c}')))
        || text[last.end..].starts_with(['.', '@', '/', '_'])
    {
        return;
    }
    let written = &text[first.start..last.end];
    out.push(Hit {
        block: b,
        range: first.start..last.end,
        rule: ABBREVIATION_DOTS.into(),
        message: format!("\"{written}\" lacks its last period."),
        replacements: vec![format!("{written}.")],
    });
}

fn can_not(doc: &DocProse<'_>, b: usize, ws: &[Word], i: usize, out: &mut Vec<Hit>) {
    let block = &doc.prose.blocks[b];
    let text = block.text.as_str();
    let Some(not) = next(text, ws, i).filter(|n| n.text(text) == "not") else {
        return;
    };
    // "can **not**": an emphasised "not" is a choice.
    if block.to_source(doc.file, ws[i].start..not.end).is_none() {
        return;
    }
    // "can not only …, but also …": "not only" belongs together.
    if next(text, ws, i + 1).is_some_and(|w| {
        matches!(
            w.text(text).to_ascii_lowercase().as_str(),
            "only" | "just" | "merely" | "simply" | "always" | "necessarily"
        )
    }) {
        return;
    }
    let fixed = super::misspellings::match_case(ws[i].text(text), "cannot");
    out.push(Hit {
        block: b,
        range: ws[i].start..not.end,
        rule: CAN_NOT.into(),
        message: format!("\"{fixed}\" is one word."),
        replacements: vec![fixed],
    });
}

fn less_fewer(b: usize, text: &str, ws: &[Word], i: usize, out: &mut Vec<Hit>) {
    let Some(noun) = next(text, ws, i) else {
        return;
    };
    let before = prev(text, ws, i).map(|p| p.text(text).to_ascii_lowercase());
    if matches!(
        before.as_deref(),
        Some("or" | "no" | "much" | "even" | "far" | "any")
    ) {
        return;
    }
    let n = noun.text(text);
    if !n.chars().all(|c| c.is_ascii_lowercase()) || !is_countable_plural(n) {
        return;
    }
    let fewer = super::misspellings::match_case(ws[i].text(text), "fewer");
    out.push(Hit {
        block: b,
        range: ws[i].start..ws[i].end,
        rule: LESS_FEWER.into(),
        message: format!("\"{n}\" can be counted: \"{fewer} {n}\"."),
        replacements: vec![fewer],
    });
}

/// A plural noun the dictionary knows as countable.
fn is_countable_plural(word: &str) -> bool {
    let Some(meta) = super::dictionary::word_metadata(word) else {
        return false;
    };
    let plural_noun = meta.noun.as_ref().is_some_and(|n| {
        n.is_plural == Some(true) && n.is_mass != Some(true) && n.is_proper != Some(true)
    });
    plural_noun && meta.adjective.is_none() && word.ends_with('s')
}

/// Units that, with a number, describe a noun ("a 10-second timeout").
const UNITS: &[&str] = &[
    "bit",
    "byte",
    "character",
    "column",
    "core",
    "day",
    "digit",
    "hour",
    "kilobyte",
    "gigabyte",
    "megabyte",
    "line",
    "millisecond",
    "microsecond",
    "minute",
    "month",
    "node",
    "page",
    "nanosecond",
    "second",
    "step",
    "thread",
    "week",
    "word",
    "year",
];

fn number_unit(b: usize, text: &str, ws: &[Word], i: usize, out: &mut Vec<Hit>) {
    let (Some(num), Some(unit)) = (next(text, ws, i), next(text, ws, i + 1)) else {
        return;
    };
    let Some(noun) = next(text, ws, i + 2) else {
        return;
    };
    let number = num.text(text);
    if !number.chars().all(|c| c.is_ascii_digit()) || number.len() > 6 {
        return;
    }
    let u = unit.text(text);
    if !UNITS.contains(&u) {
        return;
    }
    // The unit describes what follows only when a noun follows ("a 10 second timeout", not "the 10
    // second mark is" … which is the same shape; "a 10 second wait" is a noun too).
    let n = noun.text(text);
    if !n.chars().all(|c| c.is_ascii_lowercase()) || !is_plain_noun(n) {
        return;
    }
    let joined = format!("{number}-{u}");
    out.push(Hit {
        block: b,
        range: num.start..unit.end,
        rule: NUMBER_UNIT.into(),
        message: format!("A number and a unit before a noun take a hyphen: \"{joined} {n}\"."),
        replacements: vec![joined],
    });
}

/// A singular noun that is not also a preposition, a determiner, a conjunction or a pronoun (so "a 10
/// second delay" counts, "a 10 second or so" does not, and "the 2 core developers" are two developers).
fn is_plain_noun(word: &str) -> bool {
    super::dictionary::word_metadata(word).is_some_and(|m| {
        m.noun.as_ref().is_some_and(|n| n.is_plural != Some(true))
            && !word.ends_with('s')
            && !m.preposition
            && m.determiner.is_none()
            && m.conjunction.is_none()
            && m.pronoun.is_none()
            && m.adverb.is_none()
    })
}

fn going_to(b: usize, text: &str, ws: &[Word], i: usize, out: &mut Vec<Hit>) {
    let Some(be) = prev(text, ws, i) else {
        return;
    };
    if !matches!(
        be.text(text).to_ascii_lowercase().as_str(),
        "am" | "is" | "are" | "was" | "were" | "be" | "been" | "not"
    ) {
        return;
    }
    let Some(verb) = next(text, ws, i) else {
        return;
    };
    let v = verb.text(text);
    // Idioms: "going forward", "going live", "going wrong" … and verbs that are also nouns.
    if !is_clear_verb(v)
        || matches!(
            v,
            "live" | "forward" | "back" | "home" | "wrong" | "well" | "ahead" | "away" | "out"
        )
    {
        return;
    }
    out.push(Hit {
        block: b,
        range: ws[i].start..verb.end,
        rule: GOING_TO.into(),
        message: format!("\"Going\" for the future takes \"to\": \"going to {v}\"."),
        replacements: vec![format!("going to {v}")],
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(md: &str) -> Vec<(String, String, String)> {
        crate::core::rules::hits_in(
            &Usage,
            &[
                CAN_NOT,
                LESS_FEWER,
                NUMBER_UNIT,
                GOING_TO,
                ABBREVIATION_DOTS,
                MISSING_BE,
            ],
            md,
        )
        .into_iter()
        .map(|(rule, text, fixes)| (rule, text, fixes.into_iter().next().unwrap_or_default()))
        .collect()
    }

    fn one(rule: &str, text: &str, fix: &str) -> Vec<(String, String, String)> {
        vec![(rule.into(), text.into(), fix.into())]
    }

    #[test]
    fn can_not_is_one_word_unless_not_only_follows() {
        assert_eq!(
            run("The file can not be read.\n"),
            one(CAN_NOT, "can not", "cannot")
        );
        assert_eq!(
            run("Can not parse it.\n"),
            one(CAN_NOT, "Can not", "Cannot")
        );
        assert!(run("You can not only read it but also write it.\n").is_empty());
        assert!(run("You cannot. It can note that. It can **not** be.\n").is_empty());
    }

    #[test]
    fn less_before_things_you_count_is_fewer() {
        assert_eq!(
            run("It needs less files now.\n"),
            one(LESS_FEWER, "less", "fewer")
        );
        for ok in [
            "It uses less memory.",
            "more or less files",
            "no less requests than that",
            "less than ten files",
            "It works less.",
        ] {
            assert!(run(ok).is_empty(), "{ok}: {:?}", run(ok));
        }
    }

    #[test]
    fn a_number_and_a_unit_before_a_noun_take_a_hyphen() {
        assert_eq!(
            run("Set a 10 second timeout.\n"),
            one(NUMBER_UNIT, "10 second", "10-second")
        );
        assert_eq!(
            run("It is a 64 bit integer.\n"),
            one(NUMBER_UNIT, "64 bit", "64-bit")
        );
        for ok in [
            "Wait 10 seconds.",
            "a 10-second timeout",
            "in 2 days or so",
            "Within a 10 second or two.",
            "the 3 steps ahead",
            "the 2 core developers",
            "the 4 thread pools",
        ] {
            assert!(run(ok).is_empty(), "{ok}: {:?}", run(ok));
        }
    }

    #[test]
    fn going_without_to() {
        assert_eq!(
            run("The build is going fail.\n"),
            one(GOING_TO, "going fail", "going to fail")
        );
        for ok in [
            "It is going to fail.",
            "We are going forward.",
            "It was going well.",
            "Keep going.",
            "The site is going live today.",
        ] {
            assert!(run(ok).is_empty(), "{ok}: {:?}", run(ok));
        }
    }

    /// Each case's text has exactly the one finding (rule, flagged text, first fix); each fine text none.
    fn expect(rule: &str, cases: &[(&str, &str, &str)], fine: &[&str]) {
        for (md, text, fix) in cases {
            assert_eq!(run(md), one(rule, text, fix), "{md}");
        }
        for ok in fine {
            assert!(run(ok).is_empty(), "{ok}: {:?}", run(ok));
        }
    }

    #[test]
    fn e_g_and_i_e_take_their_last_period() {
        expect(
            ABBREVIATION_DOTS,
            &[
                ("Use a format (e.g YAML) for it.\n", "e.g", "e.g."),
                ("A sequence, i.e, an array.\n", "i.e", "i.e."),
                ("E.g: a list.\n", "E.g", "E.g."),
            ],
            &[
                "Use a format (e.g. YAML) for it.",
                "A sequence, i.e., an array.",
                "Set config.e.g to one.",
                "The key i.e.g is odd.",
                "Mail e.g@example.com now.",
                "A file e.g/x.md here.",
                "See Section I.E for details.",
            ],
        );
    }

    #[test]
    fn a_modal_before_a_participle_has_lost_be() {
        expect(
            MISSING_BE,
            &[
                (
                    "If a link cannot resolved, it fails.\n",
                    "resolved",
                    "be resolved",
                ),
                (
                    "The tool must only installed by an admin.\n",
                    "installed",
                    "be installed",
                ),
                ("The rule can applied twice.\n", "applied", "be applied"),
                ("You can changed the padding.\n", "changed", "change"),
                ("Cannot resolved, it fails.\n", "resolved", "be resolved"),
                (
                    "It can\u{2019}t resolved, it fails.\n",
                    "resolved",
                    "be resolved",
                ),
            ],
            &[
                "Where should generated files be stored?",
                "Should checked elements be included. By default they are.",
                "How can signed URLs expire?",
                "As can named arguments.",
                "It cannot be resolved.",
                "You will need a key.",
                "You can embed it.",
                "Of his own free will based on reason.",
                "It can, used well, help.",
                "The can opened easily.",
                "It may not be used.",
            ],
        );
    }
}
