//! `grammar.repeated-word`: the same word twice in a row ("the the"), also across a line break, the
//! way it usually happens when a sentence is edited. Legitimate doubles ("had had", "that that is")
//! are left alone.

use super::text::{Word, is_all_lower, is_space};
use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};

mod apart;

pub use apart::RULE as APART_RULE;

pub const RULE: &str = "grammar.repeated-word";
/// The same, for a word that is not a function word: off by default (see `rules()`).
pub const CONTENT_RULE: &str = "grammar.repeated-content-word";

/// The small words of English (articles, prepositions, pronouns, auxiliaries, conjunctions): one of
/// them twice in a row is nearly always the trace of an edit ("the the", "to to", "is is").
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "above", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does",
    "each", "either", "for", "from", "has", "have", "he", "her", "his", "how", "i", "if", "in",
    "into", "is", "it", "its", "may", "me", "might", "must", "my", "neither", "nor", "not", "of",
    "off", "on", "onto", "or", "our", "shall", "she", "should", "so", "some", "such", "than",
    "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through",
    "to", "under", "until", "upon", "us", "was", "we", "were", "what", "when", "where", "whether",
    "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would",
    "you", "your",
];

/// Words that may legitimately follow themselves.
const LEGIT: &[&str] = &[
    "bye", "blah", "bora", "chop", "ha", "had", "hey", "knock", "la", "long", "many", "much", "no",
    "now", "really", "so", "tut", "very", "yes", "yeah", "hip", "pretty", "more", "far", "well",
    "round", "again", "over", "on", "after", "out", "by", "down", "up", "dum", "ta", "go", "do",
    "wait", "hurry", "step", "bit", "little", "day", "side", "back", "one", "two", "ok", "okay",
    "extra",
];

/// Spans of the calendar "this" picks out ("this week"), after which "this this" is a thing and a
/// time.
const TIMES: &[&str] = &[
    "week",
    "weekend",
    "month",
    "year",
    "quarter",
    "morning",
    "afternoon",
    "evening",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// "that that" is fine ("I know that that works") unless what follows cannot continue the clause.
fn that_that_is_wrong(next: Option<&str>) -> bool {
    match next {
        None => true,
        Some(w) => matches!(
            w,
            "the"
                | "a"
                | "an"
                | "we"
                | "you"
                | "they"
                | "i"
                | "he"
                | "she"
                | "there"
                | "our"
                | "your"
                | "their"
                | "this"
                | "these"
                | "those"
        ),
    }
}

pub struct Repetition;

impl Checker for Repetition {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo {
            link: None,
            id: RULE.into(),
            severity: Severity::Warning,
            safety: Safety::Safe,
            default_on: true,
            summary: "The same small word twice in a row (\"the the\"), also across line breaks".into(),
            explain: "Flags a small word of English (an article, a preposition, a pronoun, an auxiliary, \
                      a conjunction) written twice in a row, the classic trace of an edit: \"install the the \
                      package\". Other words doubled are grammar.repeated-content-word's (off by default: they \
                      are often doubled on purpose). Line breaks between the two do not hide it. Doubles that English allows are left \
                      alone: \"had had\", \"very very\", proper names (\"Walla Walla\"), numbers, \"that that\" \
                      unless it is clearly wrong (\"so that that the …\"), and words lined up in columns across a tab \
                      or three spaces (\"off    off    off\", a table written as text).\n\
                      The fix removes one copy and keeps the line structure (\"It it a\" and \"it it not\" \
                      become \"It is a\", \"it is not\": there the second stood for \"is\"); it is safe to \
                      apply in batch."
                .into(),
        }, RuleInfo {
            link: None,
            id: APART_RULE.into(),
            severity: Severity::Warning,
            safety: Safety::Review,
            default_on: false,
            summary: "A small word written again one word later (\"will be initially be narrowed\", \"the new the page\")".into(),
            explain: "Flags an auxiliary or modal verb written again one word later around an adverb, a noun \
                      or an adjective (\"will be initially be narrowed\", \"This is event is sent\", \"has significant \
                      has precedence\"), and an article written again around an adjective or adverb (\"the new \
                      the page\"): the copy an edit that moved the word left behind. Left alone: a verb or a \
                      pronoun between (\"to have to\", \"can you can\"), two forms of \"be\" around an \
                      adjective, a repeat after a word that opens a clause (\"what is new is\", \"the scenario \
                      under which this API is effective is\"), \"had already had\" (the past perfect), comparatives \
                      between articles (\"the more the merrier\", \"the worse the performance\") and words that make a phrase with the article after them (\"the first the \
                      user sees\").\n\
                      The fix removes one copy: the first before a noun or an adverb (\"will initially be narrowed\", \
                      \"is just a reference\"), the second after an adjective (\"the new page\"); both are offered \
                      for auxiliaries."
                .into(),
        }, RuleInfo {
            link: None,
            id: CONTENT_RULE.into(),
            severity: Severity::Warning,
            safety: Safety::Review,
            default_on: false,
            summary: "A word that is not a small function word written twice in a row (\"the bikes bikes\")".into(),
            explain: "Flags a word other than the small words of English (articles, prepositions, \
                      pronouns, auxiliaries, conjunctions) written twice in a row: \"install the package \
                      package\". Words said three times (\"Ho ho ho\"), doubles in headings, words no \
                      dictionary knows and abbreviations (\"yadda yadda\", \"etc etc\"), values (\"- normal \
                      normal\", \"[true true]\") and lines of code written as text are left alone. Off by \
                      default: such doubles are still often on purpose (\"bang bang\" for `!!`), names, or a \
                      copied spec's variable (\"a synthetic event event\"); a doubled \
                      small word (\"the the\") is grammar.repeated-word's, on by default."
                .into(),
        }]
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        if active.has(RULE) || active.has(CONTENT_RULE) {
            doubled(doc, active, out);
        }
        if active.has(APART_RULE) {
            for (b, block) in doc.prose.blocks.iter().enumerate() {
                // A block that speaks of a typo quotes it ("Fixed a typo: the new the page").
                if !super::text::mentions_typos(&block.text) {
                    apart::repeated_apart(doc, b, doc.words(b), out);
                }
            }
        }
    }
}

/// Every word written twice in a row: a small word's as [`RULE`] hits, another's as [`CONTENT_RULE`]
/// ones (a doubled small word is an edit's trace; another word is often doubled on purpose, "super
/// super", "bang bang", "Ho ho ho", or is a name or code in running text), each where it is on.
fn doubled(doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
    for (b, block) in doc.prose.blocks.iter().enumerate() {
        let text = block.text.as_str();
        let ws = doc.words(b);
        // A short table cell is data ("644 root root"), not a sentence; a block that speaks of a typo
        // quotes it ("Typo (at at -> at)").
        if (block.kind == crate::core::markdown::BlockKind::TableCell && ws.len() < 6)
            || super::text::mentions_typos(text)
        {
            continue;
        }
        let mut i = 0;
        while i + 1 < ws.len() {
            i += 1;
            let (w1, w2) = (ws[i - 1], ws[i]);
            if !is_space(&text[w1.end..w2.start]) {
                continue;
            }
            let (a, z) = (w1.text(text), w2.text(text));
            if !a.eq_ignore_ascii_case(z) || !a.chars().all(char::is_alphabetic) {
                continue;
            }
            // The first is the last part of a name in code ("v8::Function::Call call", "obj.Set
            // set").
            if text[..w1.start].ends_with([':', '.', '/', '#', '\\', '@', '$']) {
                continue;
            }
            // Written differently, the two are different things ("Amazon Web Services services",
            // "of type TYPE", ":::tip Tip"); only a capital that starts a sentence may differ.
            if a != z
                && !(super::text::is_capitalised(a)
                    && is_all_lower(z)
                    && super::text::starts_sentence(text, w1.start))
            {
                continue;
            }
            // Quoted ("the duplicate word "to to"") or across the lines of a code comment (the same
            // comment line repeated): written so on purpose.
            // A quotation that starts at the first ("crashed on "new new Foo();"") is copied as
            // it was written.
            let quoted = text[..w1.start].ends_with(['"', '\u{201c}'])
                    && text[w2.end..]
                        .split('\n')
                        .next()
                        .is_some_and(|line| line.contains(['"', '\u{201d}']))
                    || text[..w1.start].ends_with('\'') && text[w2.end..].starts_with('\'')
                    // Inside a short quotation: an example of the slip ("avoid "This is is wrong""),
                    // or words quoted from elsewhere.
                    || {
                        let sentence = super::text::sentence_around(text, w1.start..w2.end);
                        super::text::quotations(&text[sentence.clone()]).iter().any(|q| {
                            sentence.start + q.start <= w1.start && w2.end <= sentence.start + q.end
                        })
                    };
            let comment_lines = block.kind == crate::core::markdown::BlockKind::CodeComment
                && text[w1.end..w2.start].contains('\n');
            // Columns: a tab or three spaces or more within a line line up a table written as
            // text ("off    off    off", a program's output kept as comments), not an edit's trace.
            let gap = &text[w1.end..w2.start];
            let columns = !gap.contains('\n') && (gap.contains('\t') || gap.len() >= 3);
            // The texts of two links or images side by side ("![Logo](a.png) ![Logo](b.png)").
            // Or one of them is formatted apart ("> info **info**", a callout's kind and its title).
            let apart = block.to_source_lossy(w1.start..w2.end).is_some_and(|src| {
                let between = &doc.file[src];
                between.contains("](")
                    || between.contains("![")
                    || between.contains(['*', '_', '`'])
            });
            // "removed from the session [session:forget](…)": the second is a name that goes on
            // past a colon.
            // "with with_options": the second opens an identifier.
            let named = text[w2.end..]
                .strip_prefix(':')
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_alphanumeric()))
                || text[w2.end..].starts_with('_')
                || text[..w1.start].ends_with('_');
            if quoted || comment_lines || columns || apart || named {
                continue;
            }
            let low = a.to_lowercase();
            let rule = if FUNCTION_WORDS.contains(&low.as_str()) {
                RULE
            } else {
                CONTENT_RULE
            };
            if !active.has(rule) {
                continue;
            }
            if LEGIT.contains(&low.as_str()) {
                continue;
            }
            if rule == CONTENT_RULE && said_on_purpose(doc, b, ws, i, &low) {
                continue;
            }
            // "opted in in the config": a particle verb followed by the same preposition.
            if low == "in" && i >= 2 && particle_verb(ws[i - 2].text(text)) {
                continue;
            }
            if low.chars().count() == 1 && low != "a" && low != "i" {
                continue; // "x x", "b b": variables and labels
            }
            // "Walla Walla", "Sirhan Sirhan": both capitalised and not a common word.
            if !is_all_lower(a) && !is_all_lower(z) && !COMMON.contains(&low.as_str()) {
                continue;
            }
            if low == "that" {
                let after = ws
                    .get(i + 1)
                    .filter(|n| is_space(&text[w2.end..n.start]))
                    .map(|n| n.text(text).to_lowercase());
                let ends = ws
                    .get(i + 1)
                    .is_none_or(|n| !is_space(&text[w2.end..n.start]));
                if !(ends || that_that_is_wrong(after.as_deref())) {
                    continue;
                }
            }
            // "work on this this week": the first "this" is the thing, the second a time's
            // determiner. Only spans of the calendar: "in this this release" is a slip.
            if low == "this"
                && ws
                    .get(i + 1)
                    .filter(|n| is_space(&text[w2.end..n.start]))
                    .is_some_and(|n| TIMES.contains(&n.text(text).to_lowercase().as_str()))
            {
                continue;
            }
            // "when a method is not found in it it will be looked up": the first "it" ends a
            // clause that a preposition opened, the second opens the next, before its verb.
            if low == "it" && clause_break(text, ws, i, AUXILIARIES) {
                continue;
            }
            // "if it breaks things for you you can revert": the first "you" ends a clause, the
            // second opens the next; a comma was meant, not one word.
            if low == "you"
                && clause_break(text, ws, i, AFTER_YOU)
                && text[w1.end..w2.start] == *" "
            {
                out.push(Hit {
                    block: b,
                    range: w1.start..w2.end,
                    rule: rule.into(),
                    message: format!(
                        "\"{a}\" is written twice in a row: a comma between the two clauses?"
                    ),
                    replacements: vec![format!("{a}, {}", w2.text(text)), a.to_owned()],
                });
                continue;
            }
            // "the the the": one finding for the whole run, not one per pair.
            let mut last = i;
            while ws.get(last + 1).is_some_and(|n| {
                is_space(&text[ws[last].end..n.start]) && n.text(text).eq_ignore_ascii_case(a)
            }) {
                last += 1;
            }
            if last > i {
                let run = w1.start..ws[last].end;
                let one_line = !text[run.clone()].contains('\n');
                out.push(Hit {
                    block: b,
                    range: run,
                    rule: rule.into(),
                    message: format!("\"{a}\" is written {} times in a row.", last - i + 2),
                    replacements: if one_line {
                        vec![a.to_owned()]
                    } else {
                        Vec::new()
                    },
                });
                i = last;
                continue;
            }
            // "It it a compile-time error": before an article or "not", the second "it" stood
            // for "is".
            let next = ws
                .get(i + 1)
                .filter(|n| is_space(&text[w2.end..n.start]))
                .map(|n| n.text(text).to_lowercase());
            // Also before a participle: "when it it created".
            let participle = next
                .as_deref()
                .is_some_and(|n| n.len() > 4 && n.ends_with("ed"));
            if low == "it"
                && (matches!(next.as_deref(), Some("a" | "an" | "the" | "not")) || participle)
            {
                out.push(Hit {
                    block: b,
                    range: w1.start..w2.end,
                    rule: rule.into(),
                    message: format!("\"{a}\" is written twice in a row."),
                    replacements: vec![format!("{a} is"), a.to_owned()],
                });
                continue;
            }
            if let Some((range, replacement)) = deletion(text, w1, w2) {
                out.push(Hit {
                    block: b,
                    range,
                    rule: rule.into(),
                    message: format!("\"{a}\" is written twice in a row."),
                    replacements: vec![replacement],
                });
            } else {
                out.push(Hit {
                    block: b,
                    range: w1.start..w2.end,
                    rule: rule.into(),
                    message: format!("\"{a}\" is written twice in a row."),
                    replacements: Vec::new(),
                });
            }
        }
    }
}

/// Is the other word at `ws[i - 1]` and `ws[i]` of block `b` doubled on purpose or not English: said
/// three times or more ("Ho ho ho", "share share share"), a heading's play on words ("Bang bang and
/// more"), a word no dictionary knows ("yadda yadda") or an abbreviation ("etc etc"), values ("- normal
/// normal", "[true true]"), or in a line of code written as text ("object end end type c", "node --test
/// test/*.test.ts")?
fn said_on_purpose(doc: &DocProse<'_>, b: usize, ws: &[Word], i: usize, low: &str) -> bool {
    let block = &doc.prose.blocks[b];
    let text = block.text.as_str();
    let (w1, w2) = (ws[i - 1], ws[i]);
    let same = |w: &Word| w.text(text).eq_ignore_ascii_case(low);
    let thrice = (i >= 2 && same(&ws[i - 2]) && is_space(&text[ws[i - 2].end..w1.start]))
        || ws
            .get(i + 1)
            .is_some_and(|n| same(n) && is_space(&text[w2.end..n.start]));
    let english = super::dictionary::word_metadata(low)
        .is_some_and(|m| m.abbreviation != Some(true))
        && !low.starts_with("etc");
    // Code as text: symbols of code around the pair on its line.
    let line_start = text[..w1.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[w2.end..].find('\n').map_or(text.len(), |i| w2.end + i);
    let line = &text[line_start..line_end];
    let code = line.split_whitespace().any(|t| {
        t.strip_prefix("--")
            .is_some_and(|f| f.starts_with(char::is_alphabetic))
    }) || line.contains(" = ")
        || line.contains("/*")
        || line
            .split_whitespace()
            .any(|t| t.contains(['/', '*']) && t.contains('.'));
    // Values: a block of little more than the pair ("- normal normal", a font's style and weight),
    // or the pair inside brackets on its line ("Output: [true true]").
    let values = ws.len() <= 3
        || (text[line_start..w1.start].contains('[')
            && !text[line_start..w1.start].contains(']')
            && text[w2.end..line_end].starts_with(']'));
    thrice || block.kind == crate::core::markdown::BlockKind::Heading || !english || code || values
}

/// Verbs that take "in" as a particle ("opted in", "logged in"), so "opted in in X" is fine.
fn particle_verb(w: &str) -> bool {
    let w = w.to_lowercase();
    w.ends_with("ed")
        || w.ends_with("ing")
        || matches!(
            w.as_str(),
            "opt"
                | "log"
                | "sign"
                | "check"
                | "plug"
                | "build"
                | "built"
                | "fill"
                | "lock"
                | "zoom"
                | "dial"
                | "phase"
                | "bake"
                | "factor"
                | "break"
                | "get"
                | "got"
                | "give"
                | "gave"
                | "cave"
                | "turn"
                | "hand"
                | "send"
                | "sent"
                | "join"
                | "fit"
                | "chime"
                | "tune"
                | "rope"
                | "pencil"
                | "fold"
                | "roll"
                | "set"
                | "kick"
                | "weigh"
                | "swap"
                | "drop"
        )
}

/// Common words that are doubled by mistake even when capitalised ("The the").
const COMMON: &[&str] = &[
    "the", "a", "an", "and", "or", "to", "of", "in", "is", "it", "for", "with", "this", "you",
    "we", "are", "be", "can", "if", "as", "at", "from", "that", "on", "not", "will",
];

/// Removes one copy without joining or splitting lines: (span, replacement) in block coordinates.
fn deletion(text: &str, w1: Word, w2: Word) -> Option<(std::ops::Range<usize>, String)> {
    let gap = &text[w1.end..w2.start];
    let first = w1.text(text);
    if !gap.contains('\n') {
        // "the the" → "the"
        return Some((w1.start..w2.end, first.to_owned()));
    }
    // Across a line break: drop the second copy with the spaces after it when the line goes on…
    let trailing = text[w2.end..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .map(char::len_utf8)
        .sum::<usize>();
    let rest_of_line = text[w2.end + trailing..].chars().next();
    if trailing > 0 && rest_of_line.is_some_and(|c| c != '\n' && c != '\r') {
        return Some((w1.start..w2.end + trailing, format!("{first}{gap}")));
    }
    // …or the first copy with the spaces before it when its line has something before it.
    let leading = text[..w1.start]
        .chars()
        .rev()
        .take_while(|c| *c == ' ' || *c == '\t')
        .map(char::len_utf8)
        .sum::<usize>();
    let before = text[..w1.start - leading].chars().next_back();
    if leading > 0 && before.is_some_and(|c| c != '\n') {
        return Some((
            w1.start - leading..w2.end,
            format!("{gap}{}", w2.text(text)),
        ));
    }
    None
}

/// Prepositions after which "it" can end a clause ("found in it it will"): see the check.
const PREPOSITIONS: &[&str] = &[
    "in", "on", "with", "to", "for", "of", "from", "at", "by", "into", "about", "over", "under",
];

/// Does the doubled word at `ws[i - 1]`, `ws[i]` end one clause and open the next: the first the object
/// of a preposition (or of "thank"), the second the subject of the verb after it, one of `verbs` ("found
/// in it it will", "for you you can")?
fn clause_break(text: &str, ws: &[Word], i: usize, verbs: &[&str]) -> bool {
    i >= 2
        && {
            let before = ws[i - 2].text(text).to_lowercase();
            PREPOSITIONS.contains(&before.as_str()) || before == "thank"
        }
        && ws.get(i + 1).is_some_and(|n| {
            is_space(&text[ws[i].end..n.start])
                && verbs.contains(&n.text(text).to_lowercase().as_str())
        })
}

/// Verbs that open a clause's predicate after its subject "you".
const AFTER_YOU: &[&str] = &[
    "can", "could", "should", "may", "might", "must", "will", "would", "need", "have", "want",
    "are",
];

/// Verbs that open a clause's predicate after its subject "it".
const AUXILIARIES: &[&str] = &[
    "will", "would", "is", "was", "can", "could", "should", "may", "might", "must", "has", "had",
    "does", "did", "becomes", "gets", "needs",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn run(md: &str) -> Vec<(String, Vec<String>)> {
        let hits = crate::core::rules::hits_in(&Repetition, &[RULE], md);
        hits.into_iter().map(|(_, text, r)| (text, r)).collect()
    }

    #[test]
    fn flags_doubles_on_one_line() {
        assert_eq!(
            run("Install the the package.\n"),
            vec![("the the".into(), vec!["the".into()])]
        );
        assert_eq!(
            run("The the end.\n"),
            vec![("The the".into(), vec!["The".into()])]
        );
    }

    #[test]
    fn a_run_of_three_is_one_finding() {
        assert_eq!(
            run("Install the the the package.\n"),
            vec![("the the the".into(), vec!["the".into()])]
        );
        // Across lines there is no fix that keeps the lines, so it is only reported.
        assert_eq!(
            run("Install the the\nthe package.\n"),
            vec![("the the\nthe".into(), vec![])]
        );
    }

    #[test]
    fn flags_doubles_across_a_line_break_keeping_lines() {
        // The second copy goes with the space after it; the line break stays.
        assert_eq!(
            run("Install the\nthe package.\n"),
            vec![("the\nthe ".into(), vec!["the\n".into()])]
        );
        // Second copy alone at the end of a line: the first copy goes with the space before it.
        assert_eq!(
            run("Install the\nthe\npackage.\n"),
            vec![(" the\nthe".into(), vec!["\nthe".into()])]
        );
    }

    #[test]
    fn words_written_differently_or_quoted_are_not_doubles() {
        for ok in [
            "Back up Amazon Web Services services daily.",
            "The key is not of type TYPE here.",
            ":::warning Warning\n",
            "Refactor the deprecated v8::Function::Call call.\n",
            "Set obj.Set set.\n",
            "Fix the duplicate word \"to to\" in the docs.",
            "Fix a crash on \"new new Foo();\" (#15850).",
            "Avoid doubled words (e.g. \u{201c}This is is wrong\u{201d}).",
            "See ![Logo](a.png) ![Logo](b.png) here.",
            "> info **info** Use it.",
            "- #1237: [docs] Typo (at at -> at)\n",
        ] {
            assert!(run(ok).is_empty(), "{ok}: {:?}", run(ok));
        }
        assert_eq!(run("The the file.\n").len(), 1);
        // Quotation marks that close no quotation are no quotation.
        assert_eq!(run("Its \"size is is 4.\n").len(), 1);
    }

    #[test]
    fn words_in_columns_are_no_doubles() {
        // Comments of fenced code are read, as by default.
        let run = |md: &str| {
            let how = crate::core::markdown::Reading {
                comments: true,
                ..Default::default()
            };
            crate::core::rules::hits_in_read(&Repetition, &[RULE], md, how)
        };
        // A program's output kept as comments, its columns lined up with spaces or a tab.
        for ok in [
            "```sh\n# NAME    MTLS    the    the    the\n```\n",
            "```sh\n# mesh\tto\tto\n```\n",
            "The flags are on   on   to.\n",
        ] {
            assert!(run(ok).is_empty(), "{ok}: {:?}", run(ok));
        }
        // Two spaces are a slip of the thumb, in a comment or in prose.
        assert_eq!(run("```sh\n# install the  the package\n```\n").len(), 1);
        assert_eq!(run("Install the  the package.\n").len(), 1);
    }

    #[test]
    fn leaves_legitimate_doubles_alone() {
        for ok in [
            "He had had enough.",
            "It is very very fast.",
            "We know that that works.",
            "Visit Walla Walla soon.",
            "Set x x to 1, 2 2.",
            "the theme",
            "the `the` word",
            "Only when explicitly opted in in the config.",
            "| 644 | root root |\n|---|---|\n| x | y |",
        ] {
            assert!(run(ok).is_empty(), "{ok}: {:?}", run(ok));
        }
    }

    #[test]
    fn it_it_before_an_article_or_not_was_it_is() {
        let hits =
            crate::core::rules::hits_in(&Repetition, &[RULE], "It it a compile-time error.\n");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].1, "It it");
        assert_eq!(hits[0].2, ["It is", "It"]);
        // Elsewhere one copy goes.
        // A doubled word that is not a small function word is the opt-in rule's.
        let md = "Merge the bikes bikes into the the set.\n";
        let rules: Vec<String> = crate::core::rules::hits_in(&Repetition, &[RULE], md)
            .into_iter()
            .map(|(_, w, _)| w)
            .collect();
        assert_eq!(rules, ["the the"]);
        let content: Vec<String> = crate::core::rules::hits_in(&Repetition, &[CONTENT_RULE], md)
            .into_iter()
            .map(|(_, w, _)| w)
            .collect();
        assert_eq!(content, ["bikes bikes"]);
        // Before a participle the second "it" stood for "is" too.
        let hits = crate::core::rules::hits_in(
            &Repetition,
            &[RULE],
            "It must not depend on the relation when it it created.\n",
        );
        assert_eq!(hits[0].2, ["it is", "it"]);
        // After a preposition, before a modal, two clauses meet: the comma is the first fix.
        let hits = crate::core::rules::hits_in(
            &Repetition,
            &[RULE],
            "If it breaks things for you you can revert the change. Now you you can go.\n",
        );
        let fixes: Vec<&Vec<String>> = hits.iter().map(|h| &h.2).collect();
        assert_eq!(
            fixes,
            [
                &vec!["you, you".to_owned(), "you".to_owned()],
                &vec!["you".to_owned()]
            ]
        );
        // A size ("extra extra large") and a name that goes on past a colon are no slips, even with
        // the rule for such words on.
        let hits = crate::core::rules::hits_in(
            &Repetition,
            &[RULE, CONTENT_RULE],
            "Eight columns on extra extra large devices. Remove it from the session \
             [session:forget](/tags/session-forget). Call it with with_options first.\n",
        );
        assert!(hits.is_empty(), "{hits:?}");
        // A clause that ends in "it" before one that opens with it.
        let hits = crate::core::rules::hits_in(
            &Repetition,
            &[RULE],
            "When a method is not found in it it will be looked up.\n",
        );
        assert!(hits.is_empty(), "{hits:?}");
        let hits = crate::core::rules::hits_in(&Repetition, &[RULE], "Run it it now.\n");
        assert_eq!(hits[0].2.len(), 1);
    }

    #[test]
    fn other_words_doubled_on_purpose_or_in_code_are_left_alone() {
        let md = "## Bang bang and more\n\n\
                  Ho ho ho, happy holidays. Share share share the news.\n\n\
                  It fails with errors, yadda yadda, and some retries etc etc.\n\n\
                  Run npm test with node --test test/*.test.ts each time.\n\n\
                  - normal normal\n\n\
                  It prints Verbosity: [true true] and stops.\n\n\
                  Then we use use this client, which improves performance performance -- massively.\n";
        let content: Vec<String> = crate::core::rules::hits_in(&Repetition, &[CONTENT_RULE], md)
            .into_iter()
            .map(|(_, w, _)| w)
            .collect();
        // Said thrice, a heading's play, words no dictionary knows, an abbreviation, a line of
        // code: on purpose. A dash between sentences is no flag.
        assert_eq!(content, ["use use", "performance performance"]);
    }

    #[test]
    fn that_that_when_clearly_wrong() {
        assert_eq!(run("So that that the test passes.\n").len(), 1);
    }

    #[test]
    fn this_this_before_a_time_is_a_thing_and_the_time() {
        assert!(run("John will work on this this week.\n").is_empty());
        assert_eq!(run("Use this this function to load it.\n").len(), 1);
        assert_eq!(run("In this this release we fixed it.\n").len(), 1);
    }
}
