//! Which confusable word is a slip in its place: the word lists and the patterns of
//! `grammar.confused-words` (see the parent module for the rule).

use super::Around;
use super::context::{
    bare_verb, compared, has_before, names_a_thing, passive_after, possessed_thing,
};
use super::phrases::phrase;
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

pub(super) const MODALS: &[&str] = &[
    "will", "would", "could", "might", "may", "can", "cannot", "can't", "should", "must", "won't",
    "don't", "doesn't", "didn't", "not", "never",
];

pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "its", "their", "our", "your",
];

/// Simple pasts that follow "have" only by mistake, and their participles.
const PARTICIPLES: &[(&str, &str)] = &[
    ("ran", "run"),
    ("went", "gone"),
    ("wrote", "written"),
    ("began", "begun"),
    ("took", "taken"),
    ("gave", "given"),
    ("chose", "chosen"),
    ("broke", "broken"),
    ("saw", "seen"),
    ("forgot", "forgotten"),
    ("threw", "thrown"),
    ("drove", "driven"),
    ("spoke", "spoken"),
    ("stole", "stolen"),
    ("grew", "grown"),
    ("knew", "known"),
    ("drew", "drawn"),
    ("flew", "flown"),
    ("shook", "shaken"),
    ("froze", "frozen"),
    ("woke", "woken"),
    ("rode", "ridden"),
];

/// The words [`judge`] looks at (lower case; a curly apostrophe stands for a straight one).
const CONFUSABLE: &[&str] = &[
    "you",
    "it's",
    "its",
    "you're",
    "there",
    "they're",
    "your",
    "then",
    "than",
    "bellow",
    "boarder",
    "boarders",
    "therefor",
    "of",
    "weather",
    "loose",
    "loosing",
    "principal",
    "principals",
    "affect",
    "side-affect",
    "side-affects",
    "affects",
    "effect",
    "chose",
    "peak",
    "reign",
    "say",
    "build",
    "if",
    "it",
    "i",
    "the",
    "no",
    "seem",
    "though",
    "think",
    "window",
    "in",
    "or",
    "past",
    "copy-past",
    "other",
    "exited",
    "interesting",
    "van",
    "bee",
    "se",
    "let",
    "is",
    "wreck",
    "wrecks",
    "wrecked",
    "wrecking",
    "not",
    "to",
    "use",
];

/// Forms of "be" after which "no" before an article or a verb in "-ing" is a slip of "not" ("this is no
/// the only change", "we are no using it").
const BE: &[&str] = &[
    "is", "are", "was", "were", "am", "be", "been", "isn't", "aren't",
];

/// Subjects that make "no" after "be" a slip of "not": "we are no using it", "this is no the only
/// one"; "there is no escaping it" and "the answer is no" do not.
const SUBJECTS: &[&str] = &[
    "i", "you", "we", "they", "he", "she", "it", "this", "that", "which",
];

/// Prepositions after which "you" is the object, and a noun after it is a slip of "your" ("in you
/// config file").
const PREPOSITIONS: &[&str] = &[
    "in", "on", "into", "onto", "from", "with", "at", "within", "inside", "under", "to", "for",
];

/// Is `word` one [`judge`] may flag (any case)? One set lookup for the word made lower case in a
/// small buffer: every word of every paragraph asks, so nothing is allocated and no list is scanned.
pub(super) fn confusable(word: &str) -> bool {
    static KEYS: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| {
        CONFUSABLE
            .iter()
            .chain(PARTICIPLES.iter().map(|(past, _)| past))
            .map(|k| k.as_bytes())
            .collect()
    });
    // Longer than every key (a curly apostrophe is one character of three bytes).
    if word.len() > 16 {
        return false;
    }
    let mut buf = [0u8; 16];
    let mut n = 0;
    for c in word.chars() {
        let c = if c == '\u{2019}' { '\'' } else { c };
        if !c.is_ascii() {
            return false;
        }
        buf[n] = c.to_ascii_lowercase() as u8;
        n += 1;
    }
    let w = &buf[..n];
    KEYS.contains(w)
}

/// The fix and the reason, when the word is a confusion in its place; alternatives are split by `|`,
/// the likelier first ("If is set" lost its "it" more often than it was "It is set").
pub(super) fn judge(a: &Around) -> Option<(&'static str, &'static str)> {
    let w = &*a.word;
    match w {
        // Not "every resource that it's own.", where "own" is the clause's verb ("that it owns"),
        // so "its own" would leave the clause without one.
        "it's"
            if (a.after_in(&["own"]) && !(a.before_in(&["that", "which"]) && a.after_stop))
                || (!a.comment && possessed_thing(a, false)) =>
        {
            Some(("its", "means \"it is\"; the possessive is"))
        }
        // Not "part of it's packaged using …": before a participle that no noun follows, "it's" is
        // "it is" of a passive ("its packaged form" has its noun).
        "it's"
            if a.after.is_some()
                && !passive_after(a)
                && a.before_in(&[
                    "of", "with", "in", "on", "by", "from", "into", "onto", "at", "within",
                    "without", "through", "under",
                ]) =>
        {
            Some(("its", "means \"it is\"; the possessive is"))
        }
        "its"
            if a.after_lower
                && a.after_in(&[
                    "a", "an", "the", "not", "been", "also", "already", "just", "still", "because",
                    "going",
                ]) =>
        {
            Some(("it's", "is the possessive; \"it is\" is"))
        }
        "you're" if a.after_in(&["own"]) => Some(("your", "means \"you are\"; the possessive is")),
        "there" | "they're" if a.after_in(&["own"]) => {
            Some(("their", "is not the possessive; that is"))
        }
        // Not in "how to you load it", where "to" is the slip (see `phrases`).
        "you"
            if !(a.before_in(&["to"]) && a.before2_in(&["how"]))
                && ((a.before_in(PREPOSITIONS) && a.after_lower && names_a_thing(a))
                    || (!a.comment && possessed_thing(a, true))) =>
        {
            Some((
                "your",
                "is the person; before the thing of theirs it names, the possessive is",
            ))
        }
        "your"
            if a.after_lower
                && a.after_in(&[
                    "are", "were", "can", "cannot", "can't", "will", "won't", "should", "must",
                    "could", "would", "might", "don't", "doesn't",
                ]) =>
        {
            Some(("you", "is the possessive; before a verb it is"))
        }
        "your"
            if a.after_in(&["using", "trying", "looking", "getting"])
                && a.before_in(&[
                    "if", "when", "while", "because", "since", "as", "unless", "whether", "once",
                ]) =>
        {
            Some(("you're", "is the possessive; \"you are\" is"))
        }
        // A sentence opened by "If" and a verb has lost its subject ("If is set, …": "If it"; "If will
        // always have a value": "It");
        // one opened by "It" or "I" and a subject has lost its condition ("I you use i18n, ...").
        "if" if a.starts
            && a.title
            && a.after_lower
            && a.after_in(&[
                "is", "was", "will", "has", "does", "can", "should", "would", "must", "may",
                "might", "could", "isn't", "doesn't", "won't", "wasn't",
            ]) =>
        {
            // "If would like to contribute": the person asked is "you".
            if a.after_in(&["would"]) && a.after2.as_deref() == Some("like") {
                Some(("if you", "needs its subject before a verb:"))
            } else {
                Some(("if it|it", "needs its subject before a verb:"))
            }
        }
        "it" | "i"
            if a.starts && a.title && a.after_lower && a.after_in(&["you", "we", "they"]) =>
        {
            Some((
                "if",
                "cannot stand before another subject; a condition opens with",
            ))
        }
        // "The have been hardened": an article before a verb is a slip of "they".
        "the"
            if a.starts
                && a.title
                && a.after_lower
                && a.after_in(&["have", "are", "were", "don't", "didn't", "won't", "can't"]) =>
        {
            Some(("they", "needs a noun; before a verb the subject is"))
        }
        // "This is no the only one", "we are no using it": a pronoun is the subject. "If the answer
        // is no the script exits" (a value), "there is no escaping it", "no a priori reason" and "it is
        // no laughing matter" stay; a word in "-ing" is a verb only when its object follows.
        "no" if a.before_in(BE)
            && a.after_lower
            && a.before2.as_deref().is_some_and(|s| SUBJECTS.contains(&s))
            && ((a.after_in(&["a", "an", "the"])
                && !a.after2.as_deref().is_some_and(|w| w.ends_with("priori")))
                || (a.after.as_deref().is_some_and(|w| {
                    w.len() >= 5 && w.ends_with("ing") && !w.ends_with("thing")
                }) && a.after2.as_deref().is_some_and(|w| {
                    DETERMINERS.contains(&w)
                        || matches!(
                            w,
                            "it" | "them" | "him" | "her" | "us" | "me" | "any" | "all"
                        )
                }))) =>
        {
            Some(("not", "is none; the negation of a verb is"))
        }
        // Not "If it is 17 or higher then it is an error": a range, then the condition's result,
        // a clause of its own ("then it", "then the server"; "or lower then expected" compares).
        "then"
            if !(a.before2_in(&["or", "and"])
                && matches!(
                    a.opener.as_deref(),
                    Some("if" | "when" | "whenever" | "once")
                )
                && a.after_in(&[
                    "it", "you", "we", "they", "he", "she", "i", "the", "this", "that", "there",
                    "its", "your", "our", "their",
                ]))
                && (a.before_in(&[
                    "more", "less", "fewer", "rather", "better", "worse", "greater", "larger",
                    "smaller", "faster", "slower", "higher", "lower", "longer", "shorter",
                    "bigger", "easier", "harder", "older", "newer",
                ]) || (a.before_in(&["other"])
                    && !a.before2.as_deref().is_some_and(|d| {
                        DETERMINERS.contains(&d) || matches!(d, "each" | "one")
                    }))
                    || compared(a)) =>
        {
            Some(("than", "follows a comparison, which takes"))
        }
        "than" if a.before_in(&["since", "until", "till", "back"]) => {
            Some(("then", "compares; in time it is"))
        }
        "than" if a.starts && a.capital && a.after.is_some() => {
            Some(("then", "compares; in time it is"))
        }
        "bellow"
            if !a.before_in(&["to", "a", "loud", "i", "we", "they", "you", "he", "she"])
                && !a.before.as_deref().is_some_and(|b| MODALS.contains(&b)) =>
        {
            Some(("below", "is a loud cry; the place under is"))
        }
        "boarder" => Some(("border", "is a lodger; an edge is a")),
        // "Therefor" is the legal "for that", after the noun or verb it completes ("payment therefor",
        // "the reasons therefor are", "liable therefor under"); one that opens a sentence or goes on to
        // the words it qualifies ("is therefor harmless", "should therefor always") means "as a result".
        "therefor"
            if a.starts
                || (a.after_lower
                    && a.after.is_some()
                    && !a.after_in(&[
                        "is", "are", "was", "were", "be", "being", "shall", "will", "must", "may",
                        "to", "by", "in", "under", "of", "and", "or", "from", "at", "with", "for",
                    ])) =>
        {
            Some(("therefore", "is the legal \"for that\"; \"as a result\" is"))
        }
        "boarders" => Some(("borders", "are lodgers; edges are")),
        "of" if a.before_in(&["should", "could", "would", "must"]) && !a.after_in(&["course"]) => {
            Some(("have", "after a modal verb is"))
        }
        "weather"
            if (a.after_in(&["or"]) && a.after2.as_deref() == Some("not"))
                || (a.before_in(&[
                    "check",
                    "checks",
                    "checking",
                    "checked",
                    "determine",
                    "determines",
                    "determining",
                    "decide",
                    "decides",
                    "know",
                    "verify",
                    "verifies",
                    "indicate",
                    "indicates",
                    "indicating",
                    "specify",
                    "specifies",
                    "control",
                    "controls",
                    "controlling",
                    "matter",
                    "choose",
                    "ask",
                    "asks",
                    "test",
                    "tests",
                    "regardless",
                ]) && a.after_in(&[
                    "the", "a", "an", "it", "this", "that", "you", "your", "there", "they", "we",
                    "its", "their", "all", "any",
                ])) =>
        {
            Some(("whether", "is rain and sun; a choice is"))
        }
        "loose" | "loosing"
            if a.before
                .as_deref()
                .is_some_and(|b| MODALS.contains(&b) || b == "to")
                && a.after_in(&[
                    "your",
                    "the",
                    "all",
                    "any",
                    "data",
                    "access",
                    "track",
                    "information",
                    "changes",
                    "connection",
                    "work",
                    "its",
                    "their",
                    "some",
                    "everything",
                    "progress",
                    "state",
                    "them",
                    "it",
                ]) =>
        {
            Some(if w == "loose" {
                ("lose", "means not tight; to stop having is")
            } else {
                ("losing", "means setting free; to stop having is")
            })
        }
        "principal"
            if a.before_in(&["in"])
                && (a.after.is_none()
                    || a.after_in(&[
                        "it", "this", "that", "the", "we", "you", "they", "but", "and", "there",
                    ])) =>
        {
            Some(("principle", "is the head or the sum; a rule is a"))
        }
        "principals" if a.before_in(&["design", "guiding", "basic", "fundamental", "general"]) => {
            Some(("principles", "are people in charge; rules are"))
        }
        "affect" if a.after_in(&["on"]) && a.before_in(&["no", "an", "any", "little", "side"]) => {
            Some(("effect", "is the verb; the result is an"))
        }
        // "the affects of the change", "Affects on workflows:" opening a sentence; after a subject it
        // is the verb ("it affects, of course, …", "it affects on average one run").
        "affect" | "affects"
            if (a.after_in(&["of"]) || (w == "affects" && a.after_in(&["on"])))
                && ((a.starts && a.title)
                    || a.before_in(&["the", "its", "their", "no", "any", "possible", "side"])) =>
        {
            Some(if w == "affect" {
                ("effect", "is the verb; the result is an")
            } else {
                ("effects", "is the verb; the results are")
            })
        }
        "side-affect" => Some(("side-effect", "takes the verb \"affect\"; the noun is")),
        "side-affects" => Some(("side-effects", "takes the verb \"affect\"; the noun is")),
        // "the side affects of …", not "one side affects the other".
        "affects"
            if a.before_in(&["side"])
                && a.before2.as_deref().is_some_and(|d| {
                    matches!(
                        d,
                        "the"
                            | "any"
                            | "no"
                            | "its"
                            | "their"
                            | "possible"
                            | "unintended"
                            | "unwanted"
                    )
                }) =>
        {
            Some(("effects", "is the verb; the results are"))
        }
        "effect"
            if a.before.as_deref().is_some_and(|b| MODALS.contains(&b))
                && a.after_in(&[
                    "how",
                    "your",
                    "performance",
                    "the",
                    "existing",
                    "other",
                    "any",
                ]) =>
        {
            Some(("affect", "is the result; to change something is to"))
        }
        "chose"
            if a.before
                .as_deref()
                .is_some_and(|b| MODALS.contains(&b) || b == "to")
                && !a.before_in(&["never"]) =>
        {
            Some(("choose", "is the past; the verb's base form is"))
        }
        "peak" if a.before_in(&["sneak"]) => Some(("peek", "is a summit; a glance is a")),
        "reign" if a.before_in(&["free"]) => {
            Some(("rein", "is a monarch's rule; the idiom says free"))
        }
        "say" if a.before_in(&["per"]) => Some(("se", "is not Latin; the phrase says per")),
        // "Hugo is build from source"; not "all you need to do is build from source".
        "build"
            if (a.before_in(&["was", "were", "been", "being", "has", "have", "had"])
                || (a.before_in(&["is", "are"]) && !a.before2_in(&["do", "to"])))
                && a.after_in(&[
                    "with",
                    "on",
                    "using",
                    "from",
                    "by",
                    "upon",
                    "into",
                    "against",
                    "automatically",
                ]) =>
        {
            Some((
                "built",
                "is the base form; after \"was\" or \"has\" the participle is",
            ))
        }
        // "has also seem some growth": after "have" the participle of "see".
        "seem" if has_before(a) => Some(("seen", "is a verb of its own; after \"have\" it is")),
        // "They though that it was fine": after its subject the verb "thought" ("They, though, ...",
        // with its commas, is the adverb).
        "though"
            if a.before_in(&["i", "we", "they", "he", "she"])
                && a.after_lower
                && a.after_in(&[
                    "that", "it", "this", "so", "about", "of", "the", "we", "they", "he", "she",
                    "you", "i",
                ]) =>
        {
            Some((
                "thought",
                "joins two clauses; after its subject the verb is",
            ))
        }
        // "the only think that matters": after a determiner the noun "thing" ("you only think of",
        // "some think that" are the verb).
        "think"
            if a.before_in(&["the", "every", "each", "another"])
                || (a.before_in(&["only", "first", "last", "next", "same", "other", "one"])
                    && a.before2_in(&[
                        "the", "a", "an", "this", "that", "every", "each", "no",
                    ])) =>
        {
            Some(("thing", "is a verb; after a determiner the noun is"))
        }
        // "Errors will no show", "it can no be changed": a modal before a verb is negated by "not"
        // ("will no longer", "will no doubt", "can do no harm" stay).
        "no" if a.before_in(&[
            "will", "would", "can", "could", "should", "shall", "must", "may", "might",
        ]) && a.after_lower
            && a.after.as_deref().is_some_and(bare_verb) =>
        {
            Some(("not", "is none; the negation of a verb is"))
        }
        // The words slipped inside a phrase ("in you `.travis.yml`", "copy & past"), then a simple
        // past after "have"; the two sets share no word.
        _ => phrase(a).or_else(|| {
            a.before_in(&["has", "have", "had", "having", "'ve"])
                .then(|| PARTICIPLES.iter().find(|(past, _)| *past == w))
                .flatten()
                .map(|(_, participle)| (*participle, "is the simple past; after \"have\" it is"))
                .or_else(|| {
                    // "designed to be ran", "was wrote": a passive takes the participle too. Not
                    // "broke", "saw", "went" or "froze", which "be" may take as an adjective or a
                    // noun ("was broke", "is gone").
                    a.before_in(&["be", "been", "being", "is", "are", "was", "were"])
                        .then(|| {
                            PARTICIPLES.iter().find(|(past, _)| {
                                *past == w && !matches!(w, "broke" | "saw" | "went" | "froze")
                            })
                        })
                        .flatten()
                        .map(|(_, participle)| {
                            (
                                *participle,
                                "is the simple past; after \"be\" the participle is",
                            )
                        })
                })
        }),
    }
}
