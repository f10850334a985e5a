//! `grammar.agreement`: a singular subject with a verb in its base form ("The Collector utilize
//! memory" → "utilizes") or with "are"/"were" ("The pod are created" → "is"), and a plural subject
//! with a verb in -s ("These scripts runs" → "run"). Word classes come from harper-core's dictionary, and the pattern only fires
//! where every word is unambiguous: a determiner that takes the singular (or none, at the start of a
//! sentence), a word that is only a singular noun, and a word that is only a verb in its base form.
//! Constructions where a base verb is right ("let the server restart", "does the job run", "requires
//! that the user sign") are left alone.

use super::dictionary::word_metadata;
use super::text::{Word, is_all_lower, starts_sentence};
use super::verb_forms::{base_form, progressive, third_person};
use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};

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
pub(crate) const NUMBERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "hundred", "thousand", "million", "billion", "dozen", "both", "half",
];

/// Nouns whose plural is the same word ("The emoji are rendered"): harper's dictionary marks few
/// of them.
const ZERO_PLURAL: &[&str] = &[
    "emoji",
    "kanji",
    "sheep",
    "deer",
    "fish",
    "aircraft",
    "spacecraft",
    "offspring",
    "moose",
    "bison",
    "salmon",
    "trout",
    "shrimp",
    "squid",
    "swine",
    "cattle",
    "kudos",
    "dice",
    "kana",
    "haiku",
    "tofu",
];

/// Nouns for an organisation or a body of people, which British English gives a plural verb like
/// the collective nouns above ("The Foundation are pleased").
const INSTITUTIONS: &[&str] = &[
    "foundation",
    "department",
    "organisation",
    "organization",
    "university",
    "school",
    "squad",
    "crowd",
    "choir",
    "orchestra",
    "workforce",
    "electorate",
    "herd",
    "clergy",
    "infantry",
    "enemy",
    "youth",
    "team",
    "office",
    "ministry",
    "union",
    "society",
    "association",
    "institute",
    "college",
    "agency",
    "community",
    "project",
    "council",
    "federation",
];

/// Nouns of time and manner that open a phrase before an instruction ("Each time update the
/// lockfile", "This way install it once").
const TIMES: &[&str] = &[
    "time", "way", "day", "week", "month", "year", "moment", "morning", "evening", "night",
];

/// Words that after a bare verb show it was a noun: "the identity precompile was", "the update
/// can". After any word they show it ends a subject ("set to false will disable").
pub(crate) const AUXILIARIES: &[&str] = &[
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
            summary: "A subject and a verb that disagree in number (\"The Collector utilize\", \"These scripts runs\")".into(),
            explain: "When explaining what a component does, the verb must agree with it: \"The Collector \
                      utilize memory\" → \"The Collector utilizes memory\", \"This section introduce how to\" → \
                      \"introduces\". Only a subject that opens its sentence counts (\"The\", \"This\", \"Each\", \
                      \"Our\" and a singular noun), with a word harper-core's dictionary knows only as a verb \
                      right after it, and no other verb of the clause further on (\"The skip reconcile option is \
                      configured\" is one long subject). Collective nouns (\"the team decide\"), numbers, names, \
                      headings and table cells are left alone, so it misses many cases but is rarely wrong.\n\
                      The mirror case too: a plural subject that opens its sentence with a verb in -s (\"These \
                      scripts runs within the renderer\" → \"run\", \"The following examples shows\" → \
                      \"show\"), when the noun is one the dictionary knows only as a plural and no other verb \
                      of the clause follows; and \"are\" or \"were\" after a singular subject (\"The pod are \
                      created\" → \"is\"), except after nouns whose plural is the same word (\"emoji\").\n\
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
        for (b, text, ws) in doc.sentence_blocks() {
            for i in 0..ws.len() - 1 {
                // In a code comment a plural subject is mostly a variable ("// The options
                // contains the settings").
                let comment =
                    doc.prose.blocks[b].kind == crate::core::markdown::BlockKind::CodeComment;
                let plural = || (!comment).then(|| plural_at(text, ws, i)).flatten();
                // A subject set off by markup is a name ("The *options* is a list").
                let plain =
                    || doc.prose.blocks[b].is_plain(ws[i.saturating_sub(1)].start..ws[i + 1].end);
                if agreement
                    && let Some(hit) = at(text, ws, i).or_else(plural)
                    && plain()
                {
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
    // "are" and "were" after a singular subject: whatever follows, the verb is "is" or "was" ("The
    // file are cached"), when the noun is singular for sure (not in -s: "The status are").
    if let Some(agreed) = match verb {
        "are" => Some("is"),
        "were" => Some("was"),
        _ => None,
    } {
        // Latin and Greek plurals ("The metadata are", "The nuclei were") and nouns that take a
        // plural verb in British English ("The department are") are not singular here.
        if noun_lower.ends_with(['s', 'a', 'i'])
            || noun_lower.ends_with("ae")
            || ZERO_PLURAL.contains(&noun_lower.as_str())
            || INSTITUTIONS.contains(&noun_lower.as_str())
            || !is_all_lower(noun)
        {
            return None;
        }
        ws.get(i + 2)?;
        return Some(Hit {
            block: 0,
            range: verb_w.start..verb_w.end,
            rule: RULE.into(),
            message: format!("\"{noun}\" is singular: the verb is \"{agreed}\", not \"{verb}\"."),
            replacements: vec![agreed.to_owned()],
        });
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
    // After a key's name and a colon the words gloss the key, most often as a noun phrase
    // ("`listen_address`: The network address the server listens to"), so a noun there is the
    // phrase's head. The name is inline code or one identifier on its line ("Note: The step run" is
    // a sentence).
    if v.is_noun()
        && text[..det.start]
            .trim_end()
            .strip_suffix(':')
            .is_some_and(|label| {
                let label = label.rsplit('\n').next().unwrap_or(label).trim();
                // Inline code stands as one placeholder in the text.
                label.strip_prefix(crate::core::markdown::PLACEHOLDER) == Some("")
                    || (!label.contains(char::is_whitespace)
                        && label.contains(['_', '.', '-', '/']))
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

/// Determiners that open a sentence with a plural noun phrase as its subject ("These scripts").
const PLURAL_DETERMINERS: &[&str] = &[
    "the", "these", "those", "all", "many", "several", "both", "some", "most", "our", "your",
    "their", "its", "my", "his",
];

/// Words after a verb that show it is one: an object, a clause or a question word ("These scripts
/// runs within", "Both frameworks allows you", "These steps shows how").
const VERB_FOLLOWERS: &[&str] = &[
    "how", "what", "which", "that", "when", "where", "whether", "why", "if", "you", "us", "we",
    "to", "up", "out",
];

/// Is `noun` a plural and nothing else: in -s (not -ss, -us, -ics, "news", "series"), not a
/// collective, and known to the dictionary only as a plural noun?
pub(crate) fn plainly_plural(noun: &str) -> bool {
    if !noun.ends_with('s')
        || noun.ends_with("ss")
        || noun.ends_with("us")
        || noun.ends_with("ics")
        || [
            "news",
            "means",
            "series",
            "species",
            "headquarters",
            "barracks",
            "crossroads",
            "gallows",
            "whereabouts",
            "thanks",
        ]
        .contains(&noun)
        || COLLECTIVE.split_whitespace().any(|c| c == noun)
    {
        return false;
    }
    word_metadata(noun).is_some_and(|n| {
        n.is_plural_noun_only() && !n.is_adjective() && !n.is_pronoun() && !n.is_determiner()
    })
}

/// A finding for a plural subject `ws[i]` and a verb in -s `ws[i + 1]` ("These scripts runs
/// within the renderer" → "run"). The mirror of [`at`], held to the same conditions: a subject
/// that opens its sentence with a determiner, a noun the dictionary knows only as a plural (in -s,
/// not a science or a noun that takes a singular verb: "physics", "news"), a verb form that cannot be a noun there, and no other verb of the
/// clause further on ("The settings pages lists are long").
fn plural_at(text: &str, ws: &[Word], i: usize) -> Option<Hit> {
    let (noun_w, verb_w) = (ws[i], ws[i + 1]);
    if text[noun_w.end..verb_w.start] != *" " {
        return None;
    }
    let noun = noun_w.text(text);
    let verb = verb_w.text(text);
    if !is_all_lower(verb) || !is_all_lower(noun) || !noun.chars().all(char::is_alphabetic) {
        return None;
    }
    // The determiner, maybe across one adjective ("The following options allows").
    let mut det = *ws[..i].last()?;
    if text[det.end..noun_w.start] != *" " {
        return None;
    }
    let first = det.text(text).to_lowercase();
    if !PLURAL_DETERMINERS.contains(&first.as_str()) {
        let adjective = ["following", "other", "new", "same"].contains(&first.as_str())
            || is_all_lower(det.text(text))
                && word_metadata(&first).is_some_and(|m| {
                    m.is_adjective() && !m.is_noun() && !m.is_verb() && !m.is_adverb()
                });
        let before = *ws[..i - 1].last()?;
        if !adjective || text[before.end..det.start] != *" " {
            return None;
        }
        det = before;
    }
    let det_word = det.text(text).to_lowercase();
    if !PLURAL_DETERMINERS.contains(&det_word.as_str()) || !starts_sentence(text, det.start) {
        return None;
    }
    if !plainly_plural(noun) {
        return None;
    }
    let agreed = base_form(verb)?;
    let v = word_metadata(verb)?;
    if v.is_adjective() || v.is_adverb() || v.preposition || v.is_determiner() {
        return None;
    }
    // What comes next must be part of the verb's clause: a word that would start its object, a
    // preposition, a clause. A verb form that is a noun too ("runs", "shows") is the verb only so;
    // otherwise "The problems teams describe" is a noun phrase with a relative clause.
    let after_w = ws.get(i + 2)?;
    if text[verb_w.end..after_w.start] != *" " {
        return None;
    }
    let after = after_w.text(text).to_lowercase();
    let m = word_metadata(&after);
    // "all", "each" and "both" after a plural float from its subject ("the flags values all
    // satisfy").
    let opens_clause = (OBJECT_STARTS.contains(&after.as_str())
        && !["all", "each", "both"].contains(&after.as_str()))
        || VERB_FOLLOWERS.contains(&after.as_str())
        || m.as_ref().is_some_and(|m| m.preposition && !m.is_verb());
    if v.is_noun() && !opens_clause {
        return None;
    }
    if AUXILIARIES.contains(&after.as_str())
        || m.as_ref()
            .is_some_and(|m| m.is_verb() && !m.is_noun() && !m.preposition)
        || finite_verb_follows(text, &ws[i + 2..])
    {
        return None;
    }
    Some(Hit {
        block: 0,
        range: verb_w.start..verb_w.end,
        rule: RULE.into(),
        message: format!("\"{noun}\" is plural: the verb is \"{agreed}\", not \"{verb}\"."),
        replacements: vec![agreed],
    })
}

/// Whether a finite verb (an auxiliary, a verb form in -s or a past that is no noun, or a bare verb
/// right after a plural that opens `rest`) comes in `rest` before the clause ends (punctuation, a
/// conjunction, a relative pronoun).
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
        // A plural noun right after the word taken for the verb, and the bare verb that plural
        // takes: the subject was a compound whose head is that plural ("The default opt levels
        // exist as constants"). Further on, the plural starts a clause of its own ("return the
        // values users expect").
        let plural_before = k == 1
            && text[rest[k - 1].end..w.start] == *" "
            && looks_plural(&rest[k - 1].text(text).to_lowercase());
        if plural_before && word_metadata(&word).is_some_and(|m| m.is_verb_lemma() && !m.is_noun())
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
                 method return the values users expect.\n"
            ),
            [
                ("calibrate".to_owned(), vec!["calibrates".to_owned()]),
                ("utilize".to_owned(), vec!["utilizes".to_owned()]),
                ("return".to_owned(), vec!["returns".to_owned()]),
            ]
        );
    }

    #[test]
    fn a_gloss_after_a_label_keeps_its_plain_verbs() {
        // After a colon a word that is only a verb is still one; a noun is the phrase's head.
        assert_eq!(
            run("- `workers`: This option utilize every core.\n"),
            [("utilize".to_owned(), vec!["utilizes".to_owned()])]
        );
        // After a word that is no key's name, after words, or with no label, the words are a
        // sentence of their own.
        for md in [
            "See my_key: The network address the server directly.\n",
            "Note: The network address the server directly.\n",
            "The network address the server directly.\n",
        ] {
            let address = [("address".to_owned(), vec!["addresses".to_owned()])];
            assert_eq!(run(md), address, "{md}");
        }
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
            "- `listen_address`: The network address the server listens to.\n",
            "listen_address: The network address the server listens to.\n",
            "This will generate a file. This may seem odd. This can happen twice.\n",
            "- A default enqueue plugin to honor the semantics.\n",
            "This Docker compose file contains five services.\n",
            "Our findings indicate robust use of the collector.\n",
            "The skip reconcile option is configured with an annotation.\n",
            "The default ignore inbound ports list has changed.\n",
            "The default opt levels exist as constants.\n",
            "The skip reconcile option (`--skip`) is configured with an annotation.\n",
            "Each time update the lockfile. This time install it with the flag.\n",
            "The two contain the same information.\n",
            "| Name | What |\n|---|---|\n| `r` | The form submit response. |\n",
        ] {
            assert!(run(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn a_sentence_opening_plural_subject_with_a_verb_in_s() {
        assert_eq!(
            run(
                "These scripts runs within the renderer. Both frameworks allows you to start. \
                 These steps shows how it works. The changes impacts the build.\n"
            ),
            [
                ("runs".to_owned(), vec!["run".to_owned()]),
                ("allows".to_owned(), vec!["allow".to_owned()]),
                ("shows".to_owned(), vec!["show".to_owned()]),
                ("impacts".to_owned(), vec!["impact".to_owned()]),
            ]
        );
        assert_eq!(
            run("All entries applies to the cluster.\n"),
            [("applies".to_owned(), vec!["apply".to_owned()])]
        );
    }

    #[test]
    fn are_and_were_after_a_singular_subject() {
        assert_eq!(
            run("The pod are created successfully. Its syntax were close to CSV.\n"),
            [
                ("are".to_owned(), vec!["is".to_owned()]),
                ("were".to_owned(), vec!["was".to_owned()]),
            ]
        );
        for ok in [
            "The emoji are rendered as images. The pods are created.\n",
            "The status are shown. The following are supported. The two are unrelated.\n",
            "The team are here. The data are stored. The pod are\n",
            "The antennae are aligned. The *options* is a list.\n",
            "The metadata are stored. The nuclei are counted. The Foundation are pleased.\n",
            "The department are reviewing it. The haiku are short.\n",
        ] {
            assert!(run(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn plural_subjects_that_agree_or_are_not_plural_are_left_alone() {
        for ok in [
            "These scripts run within the renderer.\n",
            "The analysis shows how it works. The status looks fine. The alias keeps it.\n",
            "The physics makes sense. The news reaches you.\n",
            "The problems teams describe are real.\n",
            "The settings pages lists are long.\n",
            "The unit tests runs finished.\n",
            "The following flags values all satisfy it.\n",
            "The barracks houses the soldiers. Our thanks goes to you.\n",
            "```js\n// The options contains the settings.\nlet x = 1;\n```\n",
            "After that the scripts runs within the renderer.\n",
            "## These scripts runs within the renderer\n",
            "These Scripts runs within the renderer.\n",
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
