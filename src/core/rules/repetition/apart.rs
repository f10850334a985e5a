//! `grammar.repeated-apart`: a small word written again one word later, the trace of an edit that
//! moved a word and kept its old copy: "will be initially be narrowed", "This is event is sent", "the
//! new the page". Only where the word between cannot make the repeat grammatical: an adverb, a noun or
//! an adjective between two auxiliaries, an adjective between two articles; never after a word that
//! opens a clause ("what it is is", "the scenario under which this API is effective is").

use super::super::dictionary::word_metadata;
use super::super::lexicon::{ADJECTIVES, COUNTABLE, UNCOUNTABLE, is_ly_adverb, is_verb};
use super::super::text::{Word, is_all_lower, is_space};
use super::super::{DocProse, Hit};

pub const RULE: &str = "grammar.repeated-apart";

/// Auxiliaries and modal verbs: one of them twice around a word that is no verb or pronoun is an edit's
/// trace ("would example would", "will actually will").
/// Not "had": "had already had" is the past perfect of "have".
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "will", "would", "can", "could",
    "should", "must", "may", "might", "does",
];

/// Forms of "be": around an adjective they make a clause inside a clause ("whether it is valid is
/// checked"), so only an adverb or a noun between them counts.
const COPULAS: &[&str] = &["is", "are", "was", "were", "be", "been"];

/// Words that open a clause: a repeat after one of them is the clause's verb and then the sentence's
/// ("what is new is", "everything that is scheduled is").
const OPENERS: &[&str] = &[
    "what",
    "whatever",
    "whichever",
    "who",
    "whoever",
    "whom",
    "whose",
    "that",
    "which",
    "all",
    "everything",
    "anything",
    "something",
    "nothing",
    "how",
    "where",
    "when",
    "why",
    "whether",
    "if",
    "because",
    "since",
    "while",
    "unless",
    "until",
    "once",
    "as",
];

/// Short adverbs that sit between an auxiliary and its verb ("will be now be broken").
const ADVERBS: &[&str] = &[
    "now", "still", "already", "just", "even", "never", "always", "often", "soon", "ever", "also",
    "then",
];

#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    Adverb,
    Adjective,
    Noun,
}

/// What the word between is, when it is plainly one thing.
fn kind(w: &str) -> Option<Kind> {
    if is_ly_adverb(w) || ADVERBS.contains(&w) {
        return Some(Kind::Adverb);
    }
    if is_verb(w) {
        return None;
    }
    // Comparatives make a phrase with the article after them ("the more the merrier", "the longer
    // the wait", "the worse the performance").
    const IRREGULAR: &[&str] = &[
        "worse", "worst", "further", "farther", "best", "less", "least",
    ];
    if ADJECTIVES.contains(w)
        && !w.ends_with("er")
        && !w.ends_with("est")
        && !IRREGULAR.contains(&w)
    {
        return Some(Kind::Adjective);
    }
    let meta = word_metadata(w);
    let plain_noun = meta.as_ref().is_some_and(|m| {
        m.is_noun() && !m.is_verb() && !m.is_adjective() && !m.is_adverb() && !m.is_pronoun()
    });
    ((COUNTABLE.contains(w) || UNCOUNTABLE.contains(w) || plain_noun)
        && !super::FUNCTION_WORDS.contains(&w))
    .then_some(Kind::Noun)
}

/// Findings in block `b`: each "A x A" as described in the module's doc.
pub(super) fn repeated_apart(doc: &DocProse<'_>, b: usize, ws: &[Word], out: &mut Vec<Hit>) {
    let text = doc.prose.blocks[b].text.as_str();
    for i in 2..ws.len() {
        let (w1, x, w2) = (ws[i - 2], ws[i - 1], ws[i]);
        let (a, between, z) = (w1.text(text), x.text(text), w2.text(text));
        if !is_all_lower(z)
            || !a.eq_ignore_ascii_case(z)
            || !between.chars().all(|c| c.is_ascii_alphabetic())
            || !is_space(&text[w1.end..x.start])
            || !is_space(&text[x.end..w2.start])
        {
            continue;
        }
        let Some(kind) = kind(between) else { continue };
        // Quoted as an example of the slip ("avoid “will be now be”") or from elsewhere.
        let sentence = super::super::text::sentence_around(text, w1.start..w2.end);
        if super::super::text::quotations(&text[sentence.clone()])
            .iter()
            .any(|q| sentence.start + q.start <= w1.start && w2.end <= sentence.start + q.end)
        {
            continue;
        }
        let auxiliary = AUXILIARIES.contains(&z);
        let article = matches!(z, "the" | "a" | "an");
        // Three words back to the clause's start: "what this API is effective is" has its opener
        // before the subject.
        let opened = ws[i.saturating_sub(5)..i - 2]
            .iter()
            .any(|w| OPENERS.contains(&w.text(text).to_ascii_lowercase().as_str()));
        let fits = if auxiliary {
            !opened && (kind != Kind::Adjective || !COPULAS.contains(&z))
        } else {
            article && kind != Kind::Noun
        };
        if !fits {
            continue;
        }
        // Drop the stray copy: the first before a noun ("This is event is sent" → "This event is
        // sent") and before an adverb, which then sits before the verb or the noun phrase ("will be
        // initially be narrowed" → "will initially be narrowed", "is a just a reference" → "is just
        // a reference"); the second after an adjective ("has significant has precedence" → "has
        // significant precedence", "the new the page" → "the new page").
        let drop_first = format!("{}{}{}", cased(between, a), &text[x.end..w2.start], z);
        let drop_second = format!("{a}{}{between}", &text[w1.end..x.start]);
        let replacements = match (auxiliary, kind) {
            (false, Kind::Adjective) => vec![drop_second],
            (false, _) => vec![drop_first],
            (true, Kind::Adjective) => vec![drop_second, drop_first],
            (true, _) => vec![drop_first, drop_second],
        };
        out.push(Hit {
            block: b,
            range: w1.start..w2.end,
            rule: RULE.into(),
            message: format!(
                "\"{z}\" is written twice with one word between: one copy is left from an edit?"
            ),
            replacements,
        });
    }
}

/// `word` with a capital when `like` has one (the first copy opened the sentence).
fn cased(word: &str, like: &str) -> String {
    if like.starts_with(char::is_uppercase) {
        super::super::text::capitalise(word)
    } else {
        word.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(md: &str) -> Vec<(String, Vec<String>)> {
        crate::core::rules::hits_in(&super::super::Repetition, &[RULE], md)
            .into_iter()
            .map(|(_, text, fixes)| (text, fixes))
            .collect()
    }

    fn pair(flagged: &str, fixes: &[&str]) -> (String, Vec<String>) {
        (
            flagged.to_owned(),
            fixes.iter().map(|f| (*f).to_owned()).collect(),
        )
    }

    #[test]
    fn an_auxiliary_again_around_an_adverb_or_a_noun_is_flagged() {
        assert_eq!(
            run("The scope will be initially be narrowed to the core.\n"),
            [pair("be initially be", &["initially be", "be initially"])]
        );
        assert_eq!(
            run("The function will actually will not return anything.\n"),
            [pair(
                "will actually will",
                &["actually will", "will actually"]
            )]
        );
        // Before a noun the first copy is the stray one.
        assert_eq!(
            run("This is event is usually sent at startup.\n"),
            [pair("is event is", &["event is", "is event"])]
        );
        assert_eq!(
            run("The above would example would give us the following error.\n"),
            [pair(
                "would example would",
                &["example would", "would example"]
            )]
        );
        // A modal or "have" around an adjective; across a line break too.
        assert_eq!(
            run("Display sleep has significant has\nprecedence over it.\n"),
            [pair(
                "has significant has",
                &["has significant", "significant has"]
            )]
        );
    }

    #[test]
    fn an_article_again_around_an_adjective_is_flagged() {
        assert_eq!(
            run("The examples here use a new a top-level field.\n"),
            [pair("a new a", &["a new"])]
        );
        // Before an adverb the first goes: the adverb then opens the noun phrase.
        assert_eq!(
            run("It is narrowed to the just the target service.\n"),
            [pair("the just the", &["just the"])]
        );
    }

    #[test]
    fn repeats_english_allows_are_left_alone() {
        for ok in [
            // A verb or a pronoun between: a clause before the sentence's verb.
            "You will need to have to pay for it.",
            "The port the server will use will be 8080.",
            "The image the job will build will be pushed.",
            "The bug the patch is fixing is in the proxy.",
            "If it fails, can you can retry it?",
            "Do not do this in production.",
            "The option that was considered was to use a webhook.",
            "How it is used is determined when it is deployed.",
            // A clause opened before the first.
            "What is new is the cache.",
            "The scenario under which this API is effective is rare.",
            "Everything that is scheduled is only a tag.",
            "All it really is is a wrapper.",
            "What it is now is a library for the web.",
            // Two forms of "be" around an adjective: a clause inside a clause.
            "Whether it is valid is checked later.",
            "The one place it is obvious is in generic code.",
            "The data is correct is what we assume.",
            // A noun between two articles: a clause with its own subject.
            "Find the node the pod runs on.",
            "It runs once a day a week.",
            // Comparatives and words that make a phrase with the article after them.
            "The more the merrier, the longer the wait.",
            "The more it grows, the worse the performance.",
            // The past perfect of "have".
            "The project had already had a release by then.",
            "It is the same the docs use.",
            "It is the first the user sees of it.",
            // Punctuation between, capitals, code, quotations.
            "It is new, is it not?",
            "Read The New The Guide.",
            "Use `is` new `is` here.",
            "Avoid \u{201c}will be now be\u{201d} in prose.",
            // A block that speaks of the slip.
            "- Fixed a typo: the new the page.\n",
        ] {
            assert!(run(ok).is_empty(), "{ok}: {:?}", run(ok));
        }
    }
}
