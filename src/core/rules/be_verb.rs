//! `grammar.be-verb`: a form of "be" right before a verb that cannot follow it, the trace of an edit
//! half made or a letter lost ("The tool is contains a parser" → "contains", "according to what is
//! contains" → "what it contains", "the option will be appear" → "will appear"). Word classes come from
//! harper-core's dictionary: the word after "be" must be a verb in its base form or in -s that the
//! dictionary knows as nothing else (no noun, adjective, adverb or participle: "is set", "is run",
//! "is open" are right), so the pattern fires only where no reading of the sentence is English.

use super::dictionary::word_metadata;
use super::text::{Word, is_all_lower, starts_sentence};
use super::verb_forms::{base_form, participle, third_person};
use super::{Active, Checker, DocProse, Hit, RuleInfo};

pub const RULE: &str = "grammar.be-verb";

/// Forms of "be" that a finite verb never follows.
const BE: &[&str] = &["is", "are", "was", "were", "be"];

/// Words that open a clause without its subject: after them "is" stood for "it" ("what is contains").
const SUBJECTLESS: &[&str] = &[
    "what", "how", "where", "when", "if", "because", "since", "while", "whether", "as", "so",
    "once", "until", "unless",
];

/// Words that open a subject clause ("What it is depends on", "How fast it is varies"): their "is"
/// ends that clause and the verb after it is the sentence's own.
const CLAUSE_SUBJECTS: &[&str] = &[
    "what",
    "how",
    "whatever",
    "whoever",
    "whichever",
    "whether",
    "where",
    "when",
    "who",
    "why",
    "which",
];

pub struct BeVerb;

impl Checker for BeVerb {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::review(
            RULE,
            true,
            "A form of \"be\" before a verb that cannot follow it (\"is contains\", \"will be appear\")",
            "\"Is\", \"are\", \"was\", \"were\" and \"be\" take a participle or an adjective, never a \
                      verb in its base form or in -s: \"The tool is contains a parser\" → \"contains\", \"what \
                      is contains\" → \"what it contains\" (\"is\" for \"it\"), \"the option will be appear\" → \
                      \"will appear\", \"the file is provide by\" → \"is provided by\", \"the goal is \
                      describe\" → \"is to describe\"; the first fix offered follows what comes after (an \
                      object: the verb itself; \"by\": the passive). Only a word harper-core's dictionary \
                      knows as a verb and as nothing else counts, so \"is set\", \"is open\" and \"is run\" \
                      are fine. Left alone: \"all you need to do is install\", \"what it is depends on\", \
                      questions, a verb before a particle or a noun (\"is opt in\", \"are exclude \
                      patterns\") or that ends its clause or a list (\"the operators are contains, equals \
                      and matches\"), policy values (\"is deny\"), headings and table cells.\n\
                      Reads the comments of code blocks too.",
        )]
    }

    fn slow(&self) -> bool {
        true
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        if !active.has(RULE) {
            return;
        }
        for (b, text, ws) in doc.sentence_blocks() {
            let block = &doc.prose.blocks[b];
            for i in 0..ws.len() - 1 {
                let Some(hit) = at(text, ws, i) else {
                    continue;
                };
                // Markup between the two ("is **opt in to complexity**") sets the verb apart: a
                // saying, a name.
                if block.is_plain(hit.range.clone()) {
                    out.push(Hit { block: b, ..hit });
                }
            }
        }
    }
}

/// Verbs whose participle is their base form ("is set", "be overcome", "be rid of").
const SAME_PARTICIPLE: &[&str] = &[
    "come",
    "become",
    "overcome",
    "run",
    "rerun",
    "outrun",
    "overrun",
    "set",
    "reset",
    "upset",
    "preset",
    "put",
    "cut",
    "hit",
    "let",
    "shut",
    "spread",
    "cost",
    "hurt",
    "quit",
    "read",
    "bet",
    "broadcast",
    "cast",
    "forecast",
    "burst",
    "split",
    "shed",
    "bid",
    "fit",
    "rid",
    "wed",
    "beat",
    "slit",
    "spit",
    "thrust",
    "input",
    "output",
    "offset",
    "upcast",
    "downcast",
    "misread",
    "overfit",
    "underfit",
    "refit",
    "retrofit",
    "outbid",
    "typecast",
    "miscast",
    "beset",
    "knit",
    "sublet",
    "unset",
    "outcast",
    "undercut",
    "inset",
];

/// The verb forms `word` may be after "be": `Some(true)` for a form in -s, `Some(false)` for a base
/// form, `None` when it may follow "be" or is no clear verb. A word counts only with its other form
/// in the dictionary (a base form with its form in -s, and the other way round), which leaves out
/// the irregular participles it marks as verbs without a form ("upheld", "spun", "learnt") and
/// adverbs and slang it marks so ("hence", "gonna"). A form in -s the dictionary also knows as a
/// noun is taken as the verb when its base form is no noun ("depends", "does"): "the output is
/// files" is English, "is supports" may be.
fn finite_only(word: &str) -> Option<bool> {
    if ["does", "has"].contains(&word) {
        return Some(true);
    }
    let m = word_metadata(word)?;
    if !m.is_verb()
        || m.is_adjective()
        || m.is_adverb()
        || m.preposition
        || m.is_determiner()
        || m.is_pronoun()
        || m.is_conjunction()
        || m.is_verb_past_form()
        || m.is_verb_progressive_form()
        || word.ends_with("ed")
        || SAME_PARTICIPLE.contains(&word)
    {
        return None;
    }
    if m.is_verb_third_person_singular_present_form() {
        let base = base_form(word)?;
        word_metadata(&base)
            .is_some_and(|b| !b.is_noun() || !m.is_noun())
            .then_some(true)
    } else if m.is_verb_lemma() && !m.is_noun() && third_person(word).is_some() {
        Some(false)
    } else {
        None
    }
}

/// Words that start a verb's object: after a verb they show it is meant as one ("will be publish
/// the code" → "will publish").
const OBJECT_STARTS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "it", "them", "you", "your", "its",
    "their", "our", "my", "his", "her", "each", "every", "some", "any", "all",
];

/// A finding for "be" at `ws[i]` and the verb after it.
fn at(text: &str, ws: &[Word], i: usize) -> Option<Hit> {
    let (be_w, verb_w) = (ws[i], ws[i + 1]);
    let be = be_w.text(text);
    if !BE.contains(&be) || text[be_w.end..verb_w.start] != *" " {
        return None;
    }
    let verb = verb_w.text(text);
    if verb.len() < 3 || !is_all_lower(verb) || !verb.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    // The levels of a lint or a policy are values ("the lint is warn by default", "the default is
    // deny all").
    if ["allow", "deny", "warn", "forbid"].contains(&verb) {
        return None;
    }
    let in_s = finite_only(verb)?;
    // The word after the verb, when the clause goes on to it (no punctuation between): a verb that
    // ends its clause, or is one of a list, is a name ("the only case is concat (a sequence)", "the
    // operators are contains, equals and matches", "the commands are describe and explain").
    let next = ws
        .get(i + 2)
        .filter(|w| text[verb_w.end..w.start] == *" ")
        .map(|w| w.text(text).to_lowercase());
    if next
        .as_deref()
        .is_none_or(|n| ["and", "or", "nor"].contains(&n))
        && be != "be"
    {
        return None;
    }
    let next = next.unwrap_or_default();
    if ["and", "or", "nor"].contains(&next.as_str()) {
        return None;
    }
    let word_after = ws
        .get(i + 3)
        .filter(|w| text[ws[i + 2].end..w.start] == *" ")
        .map(|w| w.text(text).to_lowercase());
    // A particle makes the verb a phrasal name when nothing it could govern follows ("telemetry is
    // opt in by default", "are opt out for now"); as a preposition it goes on to a noun phrase
    // ("will be appear in the menu", "is relies on cluster autoscaling", "is provide in libproc").
    let particle = ["in", "out", "up", "off", "on", "down"].contains(&next.as_str())
        && word_after.as_deref().is_none_or(|w| {
            word_metadata(w).is_some_and(|m| {
                !m.is_noun() && !m.is_determiner() && !m.is_pronoun() && !m.is_adjective()
            })
        });
    // A noun after it makes the verb the first word of a compound ("sidecars are init containers",
    // "these are exclude patterns").
    let noun = word_metadata(&next).is_some_and(|m| {
        m.is_noun()
            && (!m.is_verb() || m.is_plural_noun())
            && !m.is_determiner()
            && !m.is_pronoun()
            && !m.is_adverb()
            && !m.preposition
    });
    if particle || noun {
        return None;
    }
    // A question may put a name where the verb would be ("What is provide used for?", "The real
    // question is does the cache help?").
    let rest = &text[verb_w.end..];
    if rest
        .find(['.', '!', '?', ';'])
        .is_some_and(|end| rest[end..].starts_with('?'))
    {
        return None;
    }
    let sentence_start = sentence_start(text, ws, i);
    let before: Vec<String> = ws[sentence_start..i]
        .iter()
        .map(|w| w.text(text).to_lowercase())
        .collect();
    // After "do" a base form is right: "All you need to do is install it".
    if !in_s
        && before
            .iter()
            .any(|w| ["do", "does", "did", "done"].contains(&w.as_str()))
    {
        return None;
    }
    let prev = before.last().map(String::as_str);
    // "if need be, rebase": the idiom ends where the instruction starts.
    if be == "be" && prev == Some("need") {
        return None;
    }
    let opens_without_subject = prev.is_some_and(|p| SUBJECTLESS.contains(&p));
    // A clause before "is" that opens with a question word may end at it and be the subject of the
    // verb after ("What it is depends on the load"): any such word earlier in the sentence, unless
    // it stands right before "is" ("what is contains" lost its "it").
    if !opens_without_subject && before.iter().any(|w| CLAUSE_SUBJECTS.contains(&w.as_str())) {
        return None;
    }
    // "be" needs what makes it a verb before it ("will be", "to be"); "is" and the rest a subject,
    // and not a number: "0 is unmute the line" names a state.
    if prev.is_none_or(|p| p.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let fixes = fixes(be, verb, in_s, opens_without_subject, &next);
    Some(Hit {
        block: 0,
        range: be_w.start..verb_w.end,
        rule: RULE.into(),
        message: format!("\"{be}\" cannot be followed by the verb \"{verb}\"."),
        replacements: fixes,
    })
}

/// The fixes for `be` + `verb`, likeliest first. A verb in -s lost its subject ("what is contains" →
/// "it contains") or has a "be" too many, and then agrees with the subject ("The tools are
/// contains" → "contain"). A base form after "be" is the verb itself when its object follows ("will
/// be publish the code" → "will publish") and otherwise mostly a passive that lost its -ed ("is
/// replace by" → "is replaced by"); after "is", also "is to" ("The goal is describe why").
fn fixes(be: &str, verb: &str, in_s: bool, opens_without_subject: bool, next: &str) -> Vec<String> {
    let mut fixes = Vec::new();
    if in_s {
        let it = format!("it {verb}");
        if opens_without_subject && be == "is" {
            fixes.push(it.clone());
        }
        match be {
            "is" | "was" => fixes.push(verb.to_owned()),
            _ => fixes.extend(base_form(verb)),
        }
        // Second after a subject: "it" may still be meant, in a clause without its "that" ("the
        // template is applies to" → "the template it applies to").
        if !opens_without_subject && be == "is" {
            fixes.push(it);
        }
        // Before "by" or "with", a passive may have taken an -s for its -ed ("is replaces by" → "is
        // replaced"; "will be replaces with" → "be replaced"): first before "by", last before "with",
        // where a verb is as often active ("is communicates with").
        if let Some(passive) = base_form(verb)
            .and_then(|base| participle(&base))
            .map(|p| format!("{be} {p}"))
        {
            match next {
                "by" => fixes.insert(0, passive),
                "with" => fixes.push(passive),
                _ => {}
            }
        }
        return fixes;
    }
    let active = match be {
        "is" => third_person(verb),
        "was" => participle(verb),
        _ => Some(verb.to_owned()),
    };
    let passive = participle(verb).map(|p| format!("{be} {p}"));
    let object_follows = OBJECT_STARTS.contains(&next);
    if next == "by" || !object_follows && be != "be" {
        fixes.extend(passive);
        fixes.extend(active);
    } else {
        fixes.extend(active);
        fixes.extend(passive);
    }
    if be == "is" || be == "was" {
        fixes.push(format!("{be} to {verb}"));
    }
    fixes
}

/// The index of the first word of the sentence `ws[i]` is in.
fn sentence_start(text: &str, ws: &[Word], i: usize) -> usize {
    (0..=i)
        .rev()
        .find(|&k| starts_sentence(text, ws[k].start))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(md: &str) -> Vec<(String, Vec<String>)> {
        let hits = crate::core::rules::hits_in(&BeVerb, &[RULE], md);
        hits.into_iter().map(|(_, text, r)| (text, r)).collect()
    }

    fn strings(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|x| (*x).to_owned()).collect()
    }

    #[test]
    fn a_verb_in_s_after_is() {
        assert_eq!(
            run(
                "The tool is contains a parser. Hugo reads what is contains the marker. That is does not.\n"
            ),
            [
                (
                    "is contains".to_owned(),
                    strings(&["contains", "it contains"])
                ),
                (
                    "is contains".to_owned(),
                    strings(&["it contains", "contains"])
                ),
                ("is does".to_owned(), strings(&["does", "it does"])),
            ]
        );
    }

    #[test]
    fn a_base_verb_after_be() {
        assert_eq!(
            run(
                "The option will be appear in the menu. The flag should be provide for now. The goal is \
                 describe it.\n"
            ),
            [
                ("be appear".to_owned(), strings(&["appear", "be appeared"])),
                (
                    "be provide".to_owned(),
                    strings(&["provide", "be provided"])
                ),
                (
                    "is describe".to_owned(),
                    strings(&["describes", "is described", "is to describe"])
                ),
            ]
        );
    }

    #[test]
    fn a_verb_before_a_preposition_or_at_a_clause_end_after_be() {
        assert_eq!(
            run(
                "The cluster is relies on cluster autoscaling. These require `new` to be \
                 instantiate: both.\n"
            ),
            [
                ("is relies".to_owned(), strings(&["relies", "it relies"])),
                (
                    "be instantiate".to_owned(),
                    strings(&["instantiate", "be instantiated"])
                ),
            ]
        );
    }

    #[test]
    fn the_first_fix_fits_the_subject_and_what_follows() {
        assert_eq!(
            run(
                "The tools are contains a parser. The tool is provide a parser. The event is emit \
                 when it ends. The file is provide by the host. It will be replaces with a link. The module is \
                 communicates with the daemon. The text is replaces by a link.\n"
            ),
            [
                ("are contains".to_owned(), strings(&["contain"])),
                (
                    "is provide".to_owned(),
                    strings(&["provides", "is provided", "is to provide"])
                ),
                (
                    "is emit".to_owned(),
                    strings(&["is emitted", "emits", "is to emit"])
                ),
                (
                    "is provide".to_owned(),
                    strings(&["is provided", "provides", "is to provide"])
                ),
                (
                    "be replaces".to_owned(),
                    strings(&["replace", "be replaced"])
                ),
                (
                    "is communicates".to_owned(),
                    strings(&["communicates", "it communicates", "is communicated"])
                ),
                (
                    "is replaces".to_owned(),
                    strings(&["is replaced", "replaces", "it replaces"])
                ),
            ]
        );
    }

    #[test]
    fn names_lists_questions_and_policy_values_are_left_alone() {
        for ok in [
            "Telemetry is opt in by default. Both crates are opt out for now.\n",
            "Those are exclude patterns. The commands are describe and explain.\n",
            "The operator is contains, not equals. What is provide used for?\n",
            "The real question is does the cache help? The lint level is deny in CI.\n",
            "The model is overfit on the data. The project is beset with problems.\n",
            "Set it so that 0 is unmute the line here.\n",
        ] {
            assert!(run(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn what_may_follow_be_is_left_alone() {
        for ok in [
            "The value is set by the server. The port is open. The job is run nightly.\n",
            "All you need to do is install the package. What you do is create a file.\n",
            "What it is depends on the load. How fast it is varies.\n",
            "The tool is used to parse. The tool is ready. The tool is here.\n",
            "## The tool is contains a parser\n",
            "- is contains a function here\n",
            "The limits must be upheld. It can be overcome. Pods are spun up. It is hence safe.\n",
            "These are properties of the file. There could be retries. Logs are gonna help.\n",
            "The only interesting case is concat (a sequence).\n",
            "Our motto is **opt in to complexity**.\n",
            "New editions are opt in, and old ones are not. Sidecars are init containers.\n",
            "The lint is warn by default. These are allow by default. We can be rid of it.\n",
            "Create the branch and if need be rebase it before you push.\n",
        ] {
            assert!(run(ok).is_empty(), "{ok}");
        }
    }
}
