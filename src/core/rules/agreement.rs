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

/// Determiners before a singular noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "this", "that", "each", "every", "a", "an", "its", "our", "your", "their", "his", "her",
    "my", "another", "one",
];

/// Words after which a noun phrase is followed by a bare verb on purpose: causatives and perception
/// verbs ("let the job run"), auxiliaries in questions ("does the job run"), subjunctive "that".
const BARE_VERB_BEFORE: &[&str] = &[
    "let",
    "lets",
    "make",
    "makes",
    "made",
    "making",
    "help",
    "helps",
    "helped",
    "have",
    "has",
    "had",
    "see",
    "sees",
    "saw",
    "watch",
    "watches",
    "hear",
    "hears",
    "do",
    "does",
    "did",
    "can",
    "could",
    "should",
    "would",
    "will",
    "may",
    "might",
    "must",
    "shall",
    "that",
    "if",
    "whether",
    "lest",
    "unless",
    "to",
    "and",
    "or",
    "not",
    "why",
    "how",
    "where",
    "when",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "bid",
    "require",
    "requires",
    "required",
    "demand",
    "demands",
    "suggest",
    "suggests",
    "recommend",
    "recommends",
    "insist",
    "ensure",
    "ensures",
];

pub struct Agreement;

impl Checker for Agreement {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![
            RuleInfo {
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
            id: RULE.into(),
            severity: Severity::Warning,
            safety: Safety::Review,
            default_on: false,
            summary: "A singular subject with a plural verb form (\"The Collector utilize\")".into(),
            explain: "When explaining what a component does, the verb must agree with it: \"The Collector \
                      utilize memory\" → \"The Collector utilizes memory\". The rule uses harper-core's \
                      dictionary for word classes and only fires when the subject is unmistakably a singular noun \
                      and the verb unmistakably a verb in its base form, so it is rarely wrong but misses \
                      many cases. Causatives and questions (\"let the job run\", \"does the job run\") are \
                      fine."
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
fn at(text: &str, ws: &[Word], i: usize) -> Option<Hit> {
    let (noun_w, verb_w) = (ws[i], ws[i + 1]);
    let gap = &text[noun_w.end..verb_w.start];
    if gap != " " {
        return None;
    }
    let noun = noun_w.text(text);
    let verb = verb_w.text(text);
    if !is_all_lower(verb) || verb.len() < 3 || !noun.chars().all(char::is_alphabetic) {
        return None;
    }
    // Subject: a determiner before it, or the start of a sentence (a capitalised noun).
    let det = i
        .checked_sub(1)
        .map(|j| ws[j])
        .filter(|d| text[d.end..noun_w.start] == *" ");
    let det_word = det.map(|d| d.text(text).to_lowercase());
    match &det_word {
        Some(d) if DETERMINERS.contains(&d.as_str()) => {
            let before = det
                .and_then(|d| ws.iter().position(|w| *w == d))
                .and_then(|k| k.checked_sub(1))
                .map(|k| ws[k].text(text).to_lowercase());
            if before
                .as_deref()
                .is_some_and(|w| BARE_VERB_BEFORE.contains(&w))
            {
                return None;
            }
        }
        _ => {
            if !starts_sentence(text, noun_w.start) {
                return None;
            }
        }
    }
    let n = word_metadata(noun)?;
    if !n.is_noun()
        || !n.is_singular_noun()
        || n.is_verb()
        || n.is_adjective()
        || n.is_likely_homograph()
    {
        return None;
    }
    if n.is_non_singular_noun() || n.is_pronoun() || n.is_determiner() {
        return None;
    }
    let v = word_metadata(verb)?;
    if !v.is_verb() || !v.is_verb_lemma() || v.is_noun() || v.is_adjective() || v.is_adverb() {
        return None;
    }
    if v.is_verb_third_person_singular_present_form() || v.is_verb_past_form() || v.preposition {
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
    fn right_uses_of_the_base_form_are_left_alone() {
        for ok in [
            "Let the collector utilize memory.\n",
            "Does the collector utilize memory?\n",
            "The collectors utilize memory.\n",
            "The collector utilizes memory.\n",
            "We require that the collector utilize memory.\n",
            "The data processing pipeline runs.\n",
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
