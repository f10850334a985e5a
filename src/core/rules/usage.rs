//! Word-usage slips that reviewers fix and that no harper linter covers, each a narrow pattern chosen for
//! precision:
//!
//! - `grammar.can-not`: "can not" → "cannot" ("can not only …" is left alone);
//! - `grammar.less-fewer`: "less" before a plural countable noun → "fewer" ("less files");
//! - `grammar.number-unit`: a number and a unit that together describe a noun take a hyphen
//!   ("a 10 second timeout" → "a 10-second timeout");
//! - `grammar.going-to`: "is going generate" → "is going to generate".

use super::lexicon::is_clear_verb;
use super::text::{Word, next, prev};
use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};

pub const CAN_NOT: &str = "grammar.can-not";
pub const LESS_FEWER: &str = "grammar.less-fewer";
pub const NUMBER_UNIT: &str = "grammar.number-unit";
pub const GOING_TO: &str = "grammar.going-to";

/// The `grammar` family's word-usage patterns.
pub struct Usage;

/// A rule of this family; `default_on` as measured (see `precision.md`).
fn info(id: &str, default_on: bool, summary: &str, explain: &str) -> RuleInfo {
    RuleInfo {
        link: None,
        id: id.into(),
        severity: Severity::Warning,
        safety: Safety::Review,
        default_on,
        summary: summary.into(),
        explain: explain.into(),
    }
}

impl Checker for Usage {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![
            info(
                CAN_NOT,
                true,
                "\"can not\" written for \"cannot\"",
                "\"Cannot\" is one word: \"the file can not be read\" -> \"the file cannot be read\". \"Can not \
                 only …\" (where \"not only\" belongs together) and an emphasised \"not\" are left alone.",
            ),
            info(
                LESS_FEWER,
                false,
                "\"less\" before a plural countable noun (\"less files\" -> \"fewer files\")",
                "Things you count take \"fewer\", amounts take \"less\": \"fewer files\", \"fewer requests\", but \
                 \"less memory\". Flagged only where \"less\" stands right before a plural noun the dictionary \
                 knows as countable, and not in \"more or less\", \"no less\" or \"much less\".",
            ),
            info(
                NUMBER_UNIT,
                true,
                "A number and a unit before a noun without a hyphen (\"a 10 second timeout\")",
                "A number and a unit that together describe a noun are joined by a hyphen: \"a 10-second \
                 timeout\", \"a 3-step process\", \"a 64-bit integer\". Flagged only after \"a\", \"an\" or \"the\", \
                 with the unit in the singular and a noun right after it.",
            ),
            info(
                GOING_TO,
                false,
                "\"going\" before a bare verb without \"to\" (\"is going generate\")",
                "\"Going\" in the sense of the future takes \"to\": \"the build is going to fail\". Flagged after a \
                 form of \"be\" when a verb that is not also a noun follows; \"going forward\", \"going live\" and \
                 the like are left alone.",
            ),
        ]
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        let on = [
            active.has(CAN_NOT),
            active.has(LESS_FEWER),
            active.has(NUMBER_UNIT),
            active.has(GOING_TO),
        ];
        if !on.iter().any(|x| *x) {
            return;
        }
        for (b, block) in doc.prose.blocks.iter().enumerate() {
            let text = block.text.as_str();
            let ws = doc.words(b);
            for i in 0..ws.len() {
                let w = ws[i].text(text);
                match w.to_ascii_lowercase().as_str() {
                    "can" if on[0] => can_not(doc, b, ws, i, out),
                    "less" if on[1] => less_fewer(b, text, ws, i, out),
                    "a" | "an" | "the" if on[2] => number_unit(b, text, ws, i, out),
                    "going" if on[3] => going_to(b, text, ws, i, out),
                    _ => {}
                }
            }
        }
    }
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
        crate::core::rules::hits_in(&Usage, &[CAN_NOT, LESS_FEWER, NUMBER_UNIT, GOING_TO], md)
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
}
