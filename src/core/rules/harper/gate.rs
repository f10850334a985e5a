//! Which pieces of prose harper-core parses at all: its parse of every paragraph was nearly all of a
//! cold run, and a linter can match only where its trigger words are.

/// What one linter needs in a piece of prose for harper to parse it: one of `words` (whole runs of
/// ASCII letters, any case: harper's words are Latin letters, and a letter of another script beside
/// one is no part of it), right after one of `before` and right before one of `after` where those
/// are not empty. Read from each linter's pattern in harper-core 3.0 (its Rust source or `.weir`
/// file), with other forms of a word where harper might take them too.
pub(super) struct Trigger {
    linter: &'static str,
    before: &'static [&'static str],
    words: &'static [&'static str],
    after: &'static [&'static str],
}

/// A linter that needs one of `words` anywhere.
const fn any(linter: &'static str, words: &'static [&'static str]) -> Trigger {
    framed(linter, &[], words, &[])
}

/// A linter that needs one of `words` between its neighbours ("this type of", not "the type").
const fn framed(
    linter: &'static str,
    before: &'static [&'static str],
    words: &'static [&'static str],
    after: &'static [&'static str],
) -> Trigger {
    Trigger {
        linter,
        before,
        words,
        after,
    }
}

/// The triggers of the linters on by default (and a few more): a piece of prose holding none of the
/// enabled linters' triggers is not parsed at all. "type" and "kind" alone once opened about half
/// of the pieces harper read on the corpus; "this type of" is rare. `CorrectNumberSuffix` needs a
/// wrong ordinal suffix instead (see [`wrong_ordinal`]). When a linter not listed here is on, every
/// piece is parsed.
const TRIGGERS: &[Trigger] = &[
    any("DotInitialisms", &["ie", "eg"]),
    any("ViceVersa", &["vice", "vise"]),
    framed(
        "DoubleCheckHyphen",
        &[],
        &["double"],
        &["check", "checks", "checked", "checking"],
    ),
    framed(
        "ThisTypeOfThing",
        &["this", "these", "that", "those"],
        &["kind", "kinds", "sort", "sorts", "type", "types"],
        &["of"],
    ),
    framed(
        "WorstCaseScenario",
        &["worst", "worse"],
        &["case"],
        &["scenario", "scenarios"],
    ),
    any(
        "CriteriaPhenomena",
        &["criteria", "phenomena", "criterion", "phenomenon"],
    ),
    any("InDetail", &["details"]),
    any(
        "OpenCompounds",
        &[
            "afew",
            "alot",
            "aswell",
            "atall",
            "atleast",
            "eachother",
            "incase",
            "infact",
            "infront",
            "upto",
        ],
    ),
    framed(
        "TakeCareOf",
        &["take", "taken", "takes", "taking", "took"],
        &["care"],
        &["about"],
    ),
    any("AwaitFor", &["await", "awaited", "awaiting", "awaits"]),
    any("CorrectNumberSuffix", &[]),
];

/// What a piece must hold for the enabled linters to have anything to find: `None` when some enabled
/// linter has no known trigger (then every piece is parsed).
pub(super) struct Gate {
    triggers: Vec<&'static Trigger>,
    numbers: bool,
}

impl Gate {
    pub(super) fn of(enabled: &[String]) -> Option<Gate> {
        let mut gate = Gate {
            triggers: Vec::new(),
            numbers: false,
        };
        for name in enabled {
            gate.triggers
                .push(TRIGGERS.iter().find(|t| t.linter == name)?);
            gate.numbers |= name == "CorrectNumberSuffix";
        }
        Some(gate)
    }

    /// Could an enabled linter match in `text`?
    pub(super) fn open(&self, text: &str) -> bool {
        if self.numbers && wrong_ordinal(text.as_bytes()) {
            return true;
        }
        let mut words = text
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty());
        let one_of = |list: &[&str], w: &str| list.iter().any(|x| w.eq_ignore_ascii_case(x));
        let (mut before, mut word) = ("", words.next());
        while let Some(w) = word {
            let after = words.next();
            if self.triggers.iter().any(|t| {
                one_of(t.words, w)
                    && (t.before.is_empty() || one_of(t.before, before))
                    && (t.after.is_empty() || after.is_some_and(|a| one_of(t.after, a)))
            }) {
                return true;
            }
            (before, word) = (w, after);
        }
        false
    }
}

/// Could `CorrectNumberSuffix` flag something in `b`: a digit, then "st", "nd", "rd" or "th" (any case)
/// as a word of two letters, unless the number is a plain integer that takes that very suffix ("1st",
/// "12th", "23rd"). Where harper could read the number otherwise (after a letter, a period or a sign:
/// "1e+1st", "1.0th"; or longer than `f64` holds exactly) or a byte after the suffix could begin a
/// letter, the piece is opened.
fn wrong_ordinal(b: &[u8]) -> bool {
    (0..b.len().saturating_sub(2)).any(|i| {
        if !b[i].is_ascii_digit() {
            return false;
        }
        let suffix = [b[i + 1].to_ascii_lowercase(), b[i + 2].to_ascii_lowercase()];
        if !matches!(&suffix, b"st" | b"nd" | b"rd" | b"th") {
            return false;
        }
        match b.get(i + 3) {
            Some(c) if c.is_ascii_alphanumeric() => return false,
            Some(c) if !c.is_ascii() => return true,
            _ => {}
        }
        let start = b[..=i]
            .iter()
            .rposition(|c| !c.is_ascii_digit())
            .map_or(0, |p| p + 1);
        // harper reads the longest number Rust's `f64` parser takes: after a letter, a period or a sign
        // the run may be part of a longer one ("1e+1st" is 10, "1.0th" is 1), and past 15 digits `f64`
        // rounds it.
        if (start > 0
            && (b[start - 1].is_ascii_alphanumeric() || matches!(b[start - 1], b'.' | b'+' | b'-')))
            || i + 1 - start > 15
        {
            return true;
        }
        let tens = if i > start { b[i - 1] - b'0' } else { 0 };
        let right: &[u8; 2] = match (tens, b[i] - b'0') {
            (1, _) | (_, 0 | 4..=9) => b"th",
            (_, 1) => b"st",
            (_, 2) => b"nd",
            _ => b"rd",
        };
        &suffix != right
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rules::harper::lint_block;

    #[test]
    fn a_piece_without_any_enabled_linter_s_words_is_not_parsed() {
        let on: Vec<String> = ["DotInitialisms", "CorrectNumberSuffix", "ViceVersa"]
            .map(String::from)
            .to_vec();
        let gate = Gate::of(&on).expect("every one has triggers");
        assert!(!gate.open("Plain words about fields and begin, version 1.2.3."));
        assert!(gate.open("Use it, ie. when needed."));
        assert!(gate.open("The 2st item"));
        assert!(gate.open("and VICE-versa"));
        // An ordinal with its own suffix, or a unit, cannot be flagged; a wrong suffix can, and so can
        // a number read otherwise.
        assert!(!gate.open("The 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st and 112th runs."));
        assert!(!gate.open("Wait 10s for the 2nd-gen node, 3rds aside, 1thing."));
        for wrong in [
            "the 11st",
            "the 1th",
            "the 23th",
            "the 12nd",
            "the 0x21st",
            "1.0th",
            "the 1e+1st place",
            "2e-0th",
            "9007199254740993rd",
        ] {
            assert!(gate.open(wrong), "{wrong}");
        }
        assert!(gate.open("the 1st\u{2019}s"));
        // "type" and "kind" only between "this" (or "these", "that", "those") and "of".
        let this_type = Gate::of(&["ThisTypeOfThing".to_owned()]).expect("it has triggers");
        assert!(!this_type.open("Set the type of the field; each kind of these is fine."));
        assert!(!this_type.open("this type"));
        assert!(this_type.open("These kind of errors are rare."));
        assert!(this_type.open("For that\nsort of things"));
        assert!(this_type.open("\u{6211}\u{4eec}these kind of errors."));
        // The same for "double check", "worst case scenario" and "take care about".
        let framed_on: Vec<String> = ["DoubleCheckHyphen", "WorstCaseScenario", "TakeCareOf"]
            .map(String::from)
            .to_vec();
        let framed = Gate::of(&framed_on).expect("each has triggers");
        assert!(!framed.open("A double quote; in case of doubt, take care of it, worst of all."));
        for yes in [
            "Please DOUBLE check it.",
            "the worst-case-scenario",
            "the worse case scenario",
            "You took care about it.",
            "Please double check\u{4e00}\u{4e0b} the config.",
            "Plan for the worst case scenario\u{2bc}s cost.",
        ] {
            assert!(framed.open(yes), "{yes}");
            assert_eq!(
                lint_block(yes, &framed_on).is_empty(),
                yes.contains("worse"),
                "{yes}"
            );
        }
        // Whatever the gate says, the findings are the same as harper's on the whole text.
        for text in [
            "Plain words, fields.",
            "Use it, ie when needed, vice-versa, the 2st.",
            "The 1st and 22th runs, the 3rd run.",
        ] {
            let gated = if gate.open(text) {
                lint_block(text, &on)
            } else {
                Vec::new()
            };
            assert_eq!(gated.len(), lint_block(text, &on).len(), "{text}");
        }
        // A linter without known triggers: every piece is parsed.
        assert!(Gate::of(&["Spaces".to_owned()]).is_none());
    }

    #[test]
    fn every_linter_on_by_default_has_its_trigger_words() {
        let defaults: Vec<String> = include_str!("../data/harper.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let name = cols.next()?;
                (cols.next() == Some("on")).then(|| name.to_owned())
            })
            .collect();
        assert!(!defaults.is_empty());
        assert!(
            Gate::of(&defaults).is_some(),
            "a linter on by default needs its words in TRIGGERS, or cold runs parse every paragraph"
        );
    }
}
