//! `grammar.agreement`: a singular subject with a verb in its base form ("The Collector utilize
//! memory" → "utilizes"). Word classes come from harper-core's dictionary, and the pattern only fires
//! where every word is unambiguous: a determiner that takes the singular (or none, at the start of a
//! sentence), a word that is only a singular noun, and a word that is only a verb in its base form.
//! Constructions where a base verb is right ("let the server restart", "does the job run", "requires
//! that the user sign") are left alone.

use super::dictionary::word_metadata;
use super::text::{Word, is_all_lower, starts_sentence};
use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use crate::core::markdown::BlockKind;

pub const RULE: &str = "grammar.agreement";
pub const GERUND: &str = "grammar.gerund";

/// Words that start a verb's object: after a noun they would make no sense.
const OBJECT_STARTS: &[&str] = &[
    "it", "them", "these", "those", "the", "a", "an", "all", "your", "our", "their", "its", "his",
    "her", "my", "each", "every", "any",
];

/// Verbs that take a gerund, never a bare verb: "consider using", "avoid calling".
const TAKE_GERUND: &[&str] = &[
    "consider",
    "considers",
    "considering",
    "avoid",
    "avoids",
    "avoiding",
    "recommend",
    "recommends",
];

/// Determiners that open a sentence with a singular noun phrase as its subject ("The", "Each").
/// "That" and "One" are left out: at a sentence's start they are as often pronouns; "A" and "An"
/// too: a list item that opens with one is a noun phrase more often than a sentence ("A default
/// enqueue plugin").
const SENTENCE_DETERMINERS: &[&str] = &[
    "the", "this", "each", "every", "its", "our", "your", "their", "his", "my", "another",
];

/// Nouns for a group, which British English gives a plural verb ("the team decide", "the majority
/// agree").
const COLLECTIVE: &str = "majority minority team staff group family committee government crew \
    audience public community couple pair rest remainder number variety personnel police board council \
    jury management company press band class army party panel firm club faculty population data media";

/// Numbers, which the dictionary also knows as nouns ("The two contain the same data").
const NUMBERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "hundred", "thousand", "million", "billion", "dozen", "both", "half",
];

/// Nouns of time and manner that open a phrase before an instruction ("Each time update the
/// lockfile", "This way install it once").
const TIMES: &[&str] = &[
    "time", "way", "day", "week", "month", "year", "moment", "morning", "evening", "night",
];

/// Words that after a bare verb show it was a noun: "the identity precompile was", "the update
/// can".
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "can", "could", "will",
    "would", "should", "may", "might", "must", "shall", "does", "do", "did", "isn't", "wasn't",
    "can't", "won't", "doesn't", "cannot",
];

pub struct Agreement;

impl Checker for Agreement {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![
            RuleInfo {
                link: None,
                id: GERUND.into(),
                severity: Severity::Warning,
                safety: Safety::Review,
                default_on: false,
                summary: "A bare verb after \"consider\", \"avoid\" or \"recommend\" (\"Consider destructure\")".into(),
                explain: "These verbs take the -ing form: \"Consider explicitly destructure the props\" → \
                          \"destructuring\", \"avoid call it twice\" → \"calling\". Only words that harper-core's \
                          dictionary knows as verbs and never as nouns or adjectives count, so \"avoid use of\" \
                          and \"consider support for\" are fine."
                    .into(),
            },
            RuleInfo {
            link: None,
            id: RULE.into(),
            severity: Severity::Warning,
            safety: Safety::Review,
            default_on: true,
            summary: "A singular subject with a plural verb form (\"The Collector utilize\")".into(),
            explain: "When explaining what a component does, the verb must agree with it: \"The Collector \
                      utilize memory\" → \"The Collector utilizes memory\", \"This section introduce how to\" → \
                      \"introduces\". Only a subject that opens its sentence counts (\"The\", \"This\", \"Each\", \
                      \"Our\" and a singular noun), with a word harper-core's dictionary knows only as a verb \
                      right after it, and no other verb of the clause further on (\"The skip reconcile option is \
                      configured\" is one long subject). Collective nouns (\"the team decide\"), numbers, names, \
                      headings and table cells are left alone, so it misses many cases but is rarely wrong.\n\
                      Reads the comments of code blocks too (\"# this function calibrate the model\")."
                .into(),
            },
        ]
    }

    fn slow(&self) -> bool {
        true
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        let agreement = active.has(RULE);
        let gerund = active.has(GERUND);
        if !agreement && !gerund {
            return;
        }
        for (b, block) in doc.prose.blocks.iter().enumerate() {
            // Headings and table cells are mostly noun phrases ("The form submit response").
            if !matches!(
                block.kind,
                BlockKind::Paragraph | BlockKind::Other | BlockKind::CodeComment
            ) {
                continue;
            }
            let text = block.text.as_str();
            let ws = doc.words(b);
            if ws.len() < 3 || !super::language::is_english(text, ws) {
                continue;
            }
            for i in 0..ws.len() - 1 {
                if agreement && let Some(hit) = at(text, ws, i) {
                    out.push(Hit { block: b, ..hit });
                }
                if gerund && let Some(hit) = gerund_at(text, ws, i) {
                    out.push(Hit { block: b, ..hit });
                }
            }
        }
    }
}

/// A finding for subject `ws[i]` and verb `ws[i + 1]`, if they disagree.
///
/// Only a subject that opens its sentence counts: a singular determiner, then the noun, then the verb
/// ("The Collector utilize memory", "This function calibrate the model"). Further into a sentence the
/// noun next to the verb is too often not its subject ("elements of this transaction represent", "in
/// this scenario the EVM can reinterpret"), and a noun in front of another noun is a modifier ("the
/// identity precompile was").
fn at(text: &str, ws: &[Word], i: usize) -> Option<Hit> {
    let (noun_w, verb_w) = (ws[i], ws[i + 1]);
    if text[noun_w.end..verb_w.start] != *" " {
        return None;
    }
    let noun = noun_w.text(text);
    let verb = verb_w.text(text);
    if !is_all_lower(verb) || verb.len() < 3 || !noun.chars().all(char::is_alphabetic) {
        return None;
    }
    let det = ws[..i]
        .last()
        .filter(|d| text[d.end..noun_w.start] == *" ")?;
    let det_word = det.text(text).to_lowercase();
    if !SENTENCE_DETERMINERS.contains(&det_word.as_str()) || !starts_sentence(text, det.start) {
        return None;
    }
    let noun_lower = noun.to_lowercase();
    if COLLECTIVE.split_whitespace().any(|c| c == noun_lower)
        || AUXILIARIES.contains(&noun_lower.as_str())
        || ["need", "dare", "ought", "used"].contains(&noun_lower.as_str())
        || NUMBERS.contains(&noun_lower.as_str())
        || TIMES.contains(&noun_lower.as_str())
    {
        return None;
    }
    let n = word_metadata(noun)?;
    // After a determiner a noun that is a verb too is the noun ("this function"); an adjective may
    // still be the first word of a longer noun phrase ("the main process").
    if !n.is_noun() || !n.is_singular_noun() || n.is_adjective() {
        return None;
    }
    if n.is_non_singular_noun() || n.is_pronoun() || n.is_determiner() {
        return None;
    }
    // A product's name is often the first word of a longer one ("This Docker compose file"); a
    // plural the dictionary does not mark as one ("Our findings indicate") is not singular.
    if n.noun.is_some_and(|d| d.is_proper == Some(true)) || looks_plural(&noun_lower) {
        return None;
    }
    let v = word_metadata(verb)?;
    if !v.is_verb() || !v.is_verb_lemma() || v.is_adjective() || v.is_adverb() {
        return None;
    }
    if v.is_verb_third_person_singular_present_form() || v.is_verb_past_form() || v.preposition {
        return None;
    }
    // A word that is a noun too ("run", "manage", "return") is the verb only with its object right
    // after it: "Each node run its own agent", not "The build step run". A pronoun there starts a
    // relative clause as often ("The opcode table it imports").
    if v.is_noun()
        && !ws.get(i + 2).is_some_and(|o| {
            let o_word = o.text(text).to_lowercase();
            text[verb_w.end..o.start] == *" "
                && OBJECT_STARTS.contains(&o_word.as_str())
                && !["it", "them"].contains(&o_word.as_str())
        })
    {
        return None;
    }
    // A verb has something after it in its sentence, and that is not another verb: "the identity
    // precompile was rendered" and a heading "The server restart" are noun phrases.
    let after = ws.get(i + 2)?;
    let gap = &text[verb_w.end..after.start];
    if gap != " " {
        return None;
    }
    let after = after.text(text).to_lowercase();
    if AUXILIARIES.contains(&after.as_str())
        || word_metadata(&after).is_some_and(|m| {
            m.is_verb() && !m.is_noun() && !m.is_determiner() && !m.is_adverb() && !m.preposition
        })
    {
        return None;
    }
    // The clause's real verb further on: the words up to it were one long subject ("The skip
    // reconcile option is configured", "The default ignore inbound ports list has").
    if finite_verb_follows(text, &ws[i + 2..]) {
        return None;
    }
    let agreed = third_person(verb)?;
    Some(Hit {
        block: 0,
        range: verb_w.start..verb_w.end,
        rule: RULE.into(),
        message: format!("\"{noun}\" is singular: the verb is \"{agreed}\", not \"{verb}\"."),
        replacements: vec![agreed],
    })
}

/// Whether a finite verb (an auxiliary, or a verb form in -s or a past that is no noun) comes in
/// `rest` before the clause ends (punctuation, a conjunction, a relative pronoun).
fn finite_verb_follows(text: &str, rest: &[Word]) -> bool {
    const CLAUSE_ENDS: &[&str] = &[
        "that", "which", "who", "whom", "whose", "and", "or", "but", "if", "when", "because", "so",
        "as", "while", "where", "since", "after", "before", "until", "unless", "than", "to",
        "then", "once",
    ];
    for (k, w) in rest.iter().enumerate() {
        // Punctuation ends the clause; a parenthesis or inline code inside it does not ("The
        // skip reconcile option (`--skip`) is configured").
        if k > 0 && text[rest[k - 1].end..w.start].contains(['.', ',', ';', ':', '!', '?']) {
            return false;
        }
        let word = w.text(text).to_lowercase();
        if CLAUSE_ENDS.contains(&word.as_str()) {
            return false;
        }
        if AUXILIARIES.contains(&word.as_str())
            || word_metadata(&word).is_some_and(|m| {
                !m.is_noun()
                    && (m.is_verb_third_person_singular_present_form() || m.is_verb_past_form())
            })
        {
            return true;
        }
    }
    false
}

/// A word in -s whose stem is a noun: a plural, whatever the dictionary marks ("findings").
fn looks_plural(noun: &str) -> bool {
    noun.strip_suffix('s').is_some_and(|stem| {
        !stem.ends_with(['s', 'u', 'i']) && word_metadata(stem).is_some_and(|m| m.is_noun())
    })
}

/// A bare verb after `ws[i]` ("consider", "avoid", …), maybe across one "-ly" adverb.
fn gerund_at(text: &str, ws: &[Word], i: usize) -> Option<Hit> {
    let head = ws[i].text(text).to_lowercase();
    if !TAKE_GERUND.contains(&head.as_str()) {
        return None;
    }
    let mut j = i + 1;
    let next = ws.get(j)?;
    if text[ws[i].end..next.start] != *" " {
        return None;
    }
    if next.text(text).ends_with("ly") && next.text(text).len() > 4 {
        j += 1;
        if ws
            .get(j)
            .is_none_or(|w| text[ws[j - 1].end..w.start] != *" ")
        {
            return None;
        }
    }
    let verb_w = ws[j];
    let verb = verb_w.text(text);
    if !is_all_lower(verb) || verb.len() < 3 {
        return None;
    }
    let v = word_metadata(verb)?;
    if !v.is_verb() || !v.is_verb_lemma() || v.is_adjective() || v.is_adverb() {
        return None;
    }
    if v.is_verb_past_form() || v.is_verb_progressive_form() || v.preposition || v.is_determiner() {
        return None;
    }
    // A word that is a noun too ("use", "support") is a verb only with its object right after it:
    // "avoid use of globals" is fine, "avoid configure it" is not.
    if v.is_noun() {
        let object = ws
            .get(j + 1)
            .filter(|w| text[verb_w.end..w.start] == *" ")
            .map(|w| w.text(text).to_lowercase());
        if !object
            .as_deref()
            .is_some_and(|o| OBJECT_STARTS.contains(&o))
        {
            return None;
        }
    }
    let ing = progressive(verb)?;
    Some(Hit {
        block: 0,
        range: verb_w.start..verb_w.end,
        rule: GERUND.into(),
        message: format!("\"{head}\" takes the -ing form: \"{ing}\", not \"{verb}\"."),
        replacements: vec![ing],
    })
}

/// The -ing form of a base verb ("destructure" → "destructuring", "run" → "running"), if the
/// dictionary knows it.
fn progressive(verb: &str) -> Option<String> {
    let chars: Vec<char> = verb.chars().collect();
    let mut forms = Vec::new();
    if let Some(stem) = verb.strip_suffix("ie") {
        forms.push(format!("{stem}ying"));
    }
    if let Some(stem) = verb.strip_suffix('e')
        && !verb.ends_with("ee")
    {
        forms.push(format!("{stem}ing"));
    }
    if let [.., a, b, c] = chars.as_slice()
        && !"aeiou".contains(*a)
        && "aeiou".contains(*b)
        && !"aeiouwxy".contains(*c)
    {
        forms.push(format!("{verb}{c}ing"));
    }
    forms.push(format!("{verb}ing"));
    forms
        .into_iter()
        .find(|f| word_metadata(f).is_some_and(|m| m.is_verb_progressive_form()))
}

/// The third person singular of a base verb ("utilize" → "utilizes"), if the dictionary knows it.
fn third_person(verb: &str) -> Option<String> {
    let form = match verb {
        "be" => "is".to_owned(),
        "have" => "has".to_owned(),
        v if v.ends_with(['s', 'x', 'z', 'o']) || v.ends_with("sh") || v.ends_with("ch") => {
            format!("{v}es")
        }
        v if v.ends_with('y') && !v[..v.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']) => {
            format!("{}ies", &v[..v.len() - 1])
        }
        v => format!("{v}s"),
    };
    let m = word_metadata(&form)?;
    m.is_verb_third_person_singular_present_form()
        .then_some(form)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(md: &str) -> Vec<(String, Vec<String>)> {
        let hits = crate::core::rules::hits_in(&Agreement, &[RULE], md);
        hits.into_iter().map(|(_, text, r)| (text, r)).collect()
    }

    #[test]
    fn the_guideline_example() {
        assert_eq!(
            run("The Collector utilize memory to buffer spans.\n"),
            [("utilize".to_owned(), vec!["utilizes".to_owned()])]
        );
    }

    #[test]
    fn a_sentence_opening_subject_with_a_bare_verb() {
        assert_eq!(
            run(
                "This function calibrate the model. Each worker utilize its own pool. This \
                 method return the value.\n"
            ),
            [
                ("calibrate".to_owned(), vec!["calibrates".to_owned()]),
                ("utilize".to_owned(), vec!["utilizes".to_owned()]),
                ("return".to_owned(), vec!["returns".to_owned()]),
            ]
        );
    }

    #[test]
    fn right_uses_of_the_base_form_are_left_alone() {
        for ok in [
            "Let the collector utilize memory.\n",
            "Does the collector utilize memory?\n",
            "The collectors utilize memory.\n",
            "The collector utilizes memory.\n",
            "We require that the collector utilize memory.\n",
            "The data processing pipeline runs.\n",
            "The identity precompile was rendered ineffective by it.\n",
            "The elements of this transaction represent a signature.\n",
            "In this scenario the EVM can reinterpret legacy calls.\n",
            "The majority decide to make a hard fork.\n",
            "Two precompile contracts are specified.\n",
            "## The server restart\n",
            "The identity precompile (`0x04`) is cheap.\n",
            "That way users create fewer files.\n",
            "The build step run takes a minute. The user name field is empty.\n",
            "The opcode table it imports is long. This cannot control the output.\n",
            "This will generate a file. This may seem odd. This can happen twice.\n",
            "- A default enqueue plugin to honor the semantics.\n",
            "This Docker compose file contains five services.\n",
            "Our findings indicate robust use of the collector.\n",
            "The skip reconcile option is configured with an annotation.\n",
            "The default ignore inbound ports list has changed.\n",
            "The skip reconcile option (`--skip`) is configured with an annotation.\n",
            "Each time update the lockfile. This time install it with the flag.\n",
            "The two contain the same information.\n",
            "| Name | What |\n|---|---|\n| `r` | The form submit response. |\n",
        ] {
            assert!(run(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn a_bare_verb_after_consider_takes_the_ing_form() {
        let gerunds = |md: &str| -> Vec<(String, Vec<String>)> {
            let hits = crate::core::rules::hits_in(&Agreement, &[GERUND], md);
            hits.into_iter().map(|(_, text, r)| (text, r)).collect()
        };
        assert_eq!(
            gerunds("Consider explicitly destructure all the props. Avoid configure it twice.\n"),
            [
                ("destructure".to_owned(), vec!["destructuring".to_owned()]),
                ("configure".to_owned(), vec!["configuring".to_owned()]),
            ]
        );
        for fine in [
            "Consider using it. Avoid use of globals. Consider support for it.\n",
            "We recommend the default. Consider this carefully. Avoid running twice.\n",
        ] {
            assert_eq!(gerunds(fine), Vec::<(String, Vec<String>)>::new(), "{fine}");
        }
    }
}
