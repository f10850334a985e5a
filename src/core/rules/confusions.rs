//! `grammar.confused-words`: a real word written for another that sounds or looks like it ("it's own",
//! "more then", "as shown bellow", "should of", "has ran"). The dictionary knows both words, so spelling
//! cannot see the slip; only the words around it can. Each pattern here names the neighbours that make
//! the slip certain, and leaves every other use of the word alone: "then" is flagged after "more", never
//! on its own; "its" before "a" or "not", never before a noun.

use super::misspellings::match_case;
use super::text::{Word, next, prev};
use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};

pub const RULE: &str = "grammar.confused-words";

pub struct Confusions;

impl Checker for Confusions {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo {
            link: None,
            id: RULE.into(),
            severity: Severity::Warning,
            safety: Safety::Review,
            default_on: true,
            summary: "A word confused with one that sounds like it (\"it's own\", \"more then\", \"should of\")"
                .into(),
            explain: "Flags a real word written for another, only where its neighbours make the slip certain:\n\
                      - its / it's: \"it's own\", \"in it's place\" -> \"its\"; \"its a\", \"its not\", \"its been\" -> \"it's\";\n\
                      - your / you / you're: \"your are\", \"your can\" -> \"you\"; \"if your using\" -> \"you're\"; \
                      \"you're own\", \"there own\" -> \"your own\", \"their own\"; \"in you config file\" -> \"your\";\n\
                      - then / than: \"more then\", \"rather then\", \"less then\" -> \"than\"; \"since than\", \
                      \"Than run\" at a sentence start -> \"then\";\n\
                      - \"as shown bellow\" -> \"below\", \"boarder\" -> \"border\", \"should of\" -> \"should have\", \
                      \"weather or not\" / \"check weather\" -> \"whether\", \"will loose data\" -> \"lose\", \
                      \"in principal,\" -> \"in principle\", \"no affect on\" -> \"effect\", \"the affects of\" \
                      and \"Affects on\" opening a sentence -> \"effects\", \"to chose\" -> \
                      \"choose\", \"has ran\" -> \"has run\", \"was build with\" -> \"built\", \"sneak peak\" -> \
                      \"peek\", \"free reign\" -> \"rein\", \"per say\" -> \"per se\", \"is therefor harmless\" and \
                      \"Therefor,\" -> \"therefore\" (the legal \"payment therefor\" stays);\n\
                      - if / it / they / not, where a sentence has lost a word's place: \"If is set\" -> \"If \
                      it\" (or \"It\"), \"It you use it\" or \"I you use it\" -> \"If\", \"The have been \
                      fixed\" -> \"They\", \"this is no the only one\" or \"we are no using it\" -> \"not\".\n\
                      Every other use of these words is left alone."
                .into(),
        }]
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        if !active.has(RULE) {
            return;
        }
        for (b, block) in doc.prose.blocks.iter().enumerate() {
            let text = block.text.as_str();
            let ws = doc.words(b);
            for i in 0..ws.len() {
                // Most words are none of the confusable ones: no neighbours to gather for them.
                if !confusable(ws[i].text(text)) {
                    continue;
                }
                let Some((fix, why)) = judge(&Around::new(text, ws, i)) else {
                    continue;
                };
                let written = ws[i].text(text);
                let replacements: Vec<String> =
                    fix.split('|').map(|f| match_case(written, f)).collect();
                let fixed = &replacements[0];
                out.push(Hit {
                    block: b,
                    range: ws[i].range(),
                    rule: RULE.into(),
                    message: format!("\"{written}\" {why} \"{fixed}\"."),
                    replacements,
                });
            }
        }
    }
}

/// A word and its neighbours (lower case, curly apostrophes made straight); a neighbour is `None`
/// unless only white space separates it from the word.
struct Around {
    before2: Option<String>,
    before: Option<String>,
    word: String,
    after: Option<String>,
    /// The word after that one (lower case), when only white space separates them.
    after2: Option<String>,
    /// Is the next word written in lower case (not "A" of a DNS record, not "CAN" of a bus)?
    after_lower: bool,
    /// Does a sentence start at the word (nothing or a full stop, `!`, `?` or `:` before it)?
    starts: bool,
    /// Is the word written with a capital, as at a sentence start?
    capital: bool,
    /// Is it written with a capital and the rest in lower case ("If", not "IF" of a spreadsheet)?
    title: bool,
}

impl Around {
    fn new(text: &str, ws: &[Word], i: usize) -> Around {
        let norm = |w: Word| w.text(text).to_lowercase().replace('\u{2019}', "'");
        let before = prev(text, ws, i);
        let before2 = before.and_then(|_| prev(text, ws, i - 1));
        let after = next(text, ws, i);
        let after2 = after.and_then(|_| next(text, ws, i + 1));
        let lead = text[..ws[i].start].trim_end();
        Around {
            before2: before2.map(norm),
            before: before.map(norm),
            word: norm(ws[i]),
            after: after.map(norm),
            after2: after2.map(norm),
            after_lower: after.is_some_and(|w| !w.text(text).chars().any(char::is_uppercase)),
            starts: lead.is_empty() || lead.ends_with(['.', '!', '?', ':']),
            capital: ws[i].text(text).starts_with(|c: char| c.is_uppercase()),
            title: {
                let mut cs = ws[i].text(text).chars();
                cs.next().is_some_and(char::is_uppercase) && !cs.any(char::is_uppercase)
            },
        }
    }

    fn before_in(&self, set: &[&str]) -> bool {
        self.before.as_deref().is_some_and(|w| set.contains(&w))
    }

    fn after_in(&self, set: &[&str]) -> bool {
        self.after.as_deref().is_some_and(|w| set.contains(&w))
    }
}

const MODALS: &[&str] = &[
    "will", "would", "could", "might", "may", "can", "cannot", "can't", "should", "must", "won't",
    "don't", "doesn't", "didn't", "not", "never",
];

const DETERMINERS: &[&str] = &[
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

/// Does the word after "you" name a thing: a singular noun ("in you browser"; one that may be a verb
/// too only before a noun: "to you home directory") or a lower-case word no dictionary knows ("in you
/// config")? Not a plural ("for you developers"), a pronoun, a determiner ("for you all") or a
/// word of time or place ("to you first", "with you today").
fn names_a_thing(a: &Around) -> bool {
    use super::dictionary::{is_known_word, word_metadata};
    const NOT_THINGS: &[&str] = &[
        "time", "way", "day", "week", "month", "year", "today", "tomorrow", "now", "here", "there",
        "alone", "first", "last", "next", "too", "guys", "folks", "people", "back", "up", "down",
        "out", "off", "free", "right", "again", "know", "like", "both",
    ];
    let Some(w) = a.after.as_deref() else {
        return false;
    };
    // "-ing" words after "you" are its verb ("for you using the annotation").
    // Nor a modal, however the dictionary also knows it as a noun ("in you can start", "on you
    // need nothing").
    if NOT_THINGS.contains(&w)
        || MODALS.contains(&w)
        || w == "need"
        || !w.chars().all(|c| c.is_ascii_lowercase())
        || w.ends_with("ing")
    {
        return false;
    }
    match word_metadata(w) {
        Some(m) => {
            m.noun.as_ref().is_some_and(|n| {
                n.is_plural != Some(true)
                    && n.is_proper != Some(true)
                    && n.is_possessive != Some(true)
            }) && m.pronoun.is_none()
                && m.determiner.is_none()
                && m.conjunction.is_none()
                && !m.preposition
                // A word that may be a verb ("logged in you can", "you intend to you use", "in you
                // see") says "your" only before a noun ("to you home directory").
                && (m.verb.is_none() || a.after2.as_deref().is_some_and(noun_only))
        }
        None => w.len() >= 3 && !is_known_word(w),
    }
}

/// Is `w` a noun and no verb ("directory", not "use")?
fn noun_only(w: &str) -> bool {
    super::dictionary::word_metadata(w).is_some_and(|m| m.noun.is_some() && m.verb.is_none())
}

/// Is `word` one [`judge`] may flag (any case)?
fn confusable(word: &str) -> bool {
    let same = |key: &str| {
        word.len() >= key.len()
            && word.len() <= key.len() + 2
            && word
                .chars()
                .map(|c| {
                    if c == '\u{2019}' {
                        '\''
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .eq(key.chars())
    };
    CONFUSABLE.iter().any(|k| same(k)) || PARTICIPLES.iter().any(|(past, _)| same(past))
}

/// The fix and the reason, when the word is a confusion in its place; alternatives are split by `|`,
/// the likelier first ("If is set" lost its "it" more often than it was "It is set").
fn judge(a: &Around) -> Option<(&'static str, &'static str)> {
    let w = a.word.as_str();
    match w {
        "it's" if a.after_in(&["own"]) => Some(("its", "means \"it is\"; the possessive is")),
        "it's"
            if a.after.is_some()
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
        "you" if a.before_in(PREPOSITIONS) && a.after_lower && names_a_thing(a) => Some((
            "your",
            "is the person; before the thing of theirs it names, the possessive is",
        )),
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
        "then"
            if a.before_in(&[
                "more", "less", "fewer", "rather", "better", "worse", "greater", "larger",
                "smaller", "faster", "slower", "higher", "lower", "longer", "shorter", "bigger",
                "easier", "harder", "older", "newer",
            ]) || (a.before_in(&["other"])
                && !a
                    .before2
                    .as_deref()
                    .is_some_and(|d| DETERMINERS.contains(&d) || matches!(d, "each" | "one"))) =>
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
        // "the affects of the change", "Affects on workflows:" opening a sentence; the verb takes its
        // object with no preposition ("it affects, of course, …" has its commas).
        "affect" | "affects"
            if (a.after_in(&["of"]) || (w == "affects" && a.after_in(&["on"])))
                && a.after2.as_deref() != Some("course")
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
        "build"
            if a.before_in(&["was", "were", "been", "being", "has", "have", "had"])
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
        _ if a.before_in(&["has", "have", "had", "having", "'ve"]) => PARTICIPLES
            .iter()
            .find(|(past, _)| *past == w)
            .map(|(_, participle)| (*participle, "is the simple past; after \"have\" it is")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(md: &str) -> Vec<(String, String)> {
        crate::core::rules::hits_in(&Confusions, &[RULE], md)
            .into_iter()
            .map(|(_, text, r)| (text, r.into_iter().next().unwrap_or_default()))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn confusions_are_flagged_where_the_neighbours_make_them_certain() {
        let md = "The crate has it's own parser, kept in it's place. Its a tool, and its not slow.\n\n\
                  If your using the CLI, your can pass flags in you're own config or there own.\n\n\
                  It is faster then the old one, rather then slower. Install it. Than run it, and \
                  since than it works.\n\n\
                  As shown bellow, the boarder is thin. You should of checked weather or not to \
                  check weather it runs.\n\n\
                  You will loose data, in principal, with the design principals. There is no affect \
                  on speed, only side-affects, and the side affects are few. It may effect performance. Remember to chose one. The affects of the change \
                  are small.\n\nAffects on workflows:\n\n\
                  It has ran twice and was build with care: a sneak peak, free reign, per say. It \
                  is therefor harmless. Therefor, it runs.\n";
        assert_eq!(
            run(md),
            pairs(&[
                ("it's", "its"),
                ("it's", "its"),
                ("Its", "It's"),
                ("its", "it's"),
                ("your", "you're"),
                ("your", "you"),
                ("you're", "your"),
                ("there", "their"),
                ("then", "than"),
                ("then", "than"),
                ("Than", "Then"),
                ("than", "then"),
                ("bellow", "below"),
                ("boarder", "border"),
                ("of", "have"),
                ("weather", "whether"),
                ("weather", "whether"),
                ("loose", "lose"),
                ("principal", "principle"),
                ("principals", "principles"),
                ("affect", "effect"),
                ("side-affects", "side-effects"),
                ("affects", "effects"),
                ("effect", "affect"),
                ("chose", "choose"),
                ("affects", "effects"),
                ("Affects", "Effects"),
                ("ran", "run"),
                ("build", "built"),
                ("peak", "peek"),
                ("reign", "rein"),
                ("say", "se"),
                ("therefor", "therefore"),
                ("Therefor", "Therefore"),
            ])
        );
    }

    #[test]
    fn the_same_words_in_their_right_places_are_left_alone() {
        let md = "It's fast and it's free; its parser and its own tests, its true value, at its best. \
                  Your code, your own config, you're welcome. Then run it; more than that, other than \
                  this, the other then waits. The table below; the bull will bellow. \
                  Of course you should, of course. The weather is fine. A loose fit, loose coupling. \
                  The principal investigator and the principal component. The effect of it, the side \
                  effects. You chose well and never chose badly. The build has build errors. \
                                    May of 2024. It ran and it went; a free country. Its A record, your CAN bus, the \
                  following principals, one side affects the other, its likely cause, nodes talk to \
                  each other then elect, check weather data, weather or climate. The payment \
                  therefor. The reasons therefor are given, and the buyer is liable therefor under \
                  the law. It affects of course everyone. It affects on average one run.\n\n\
                  ```\nit's own code\n```\n";
        assert_eq!(run(md), Vec::<(String, String)>::new());
    }

    #[test]
    fn a_word_standing_in_another_words_place_is_flagged_only_there() {
        let md = "If would like to help, ask. If will always have a value. I you use it, it runs. It we stop, it stops. The have \
                  been fixed. This is no the only way, and we are no using it.\n";
        assert_eq!(
            run(md),
            pairs(&[
                ("If", "If you"),
                ("If", "If it"),
                ("I", "If"),
                ("It", "If"),
                ("The", "They"),
                ("no", "not"),
                ("no", "not"),
            ])
        );
        // The likelier fix first, the other one after it.
        let all = crate::core::rules::hits_in(&Confusions, &[RULE], "If is set, it runs.\n");
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].2, vec!["If it".to_owned(), "It".to_owned()]);
        let fine = "If it is set, it runs. If you use it, it runs. It is what you need; I think you \
                    know. The tools have changed, and the ones that are here will stay. There is no \
                    escaping it, there is no a priori reason, it is no longer used, and this is no \
                    setting of ours. Say it if will power fails; then it is done. It is often then \
                    that it fails. The Have button. It: you decide. IF is a function. IT you can trust. \
                    It is no laughing matter. It is no string but a number. It is no warning; it is \
                    an error. If the answer is no the script exits. Crashes were more likely then \
                    than now.\n";
        assert_eq!(run(fine), Vec::<(String, String)>::new());
    }

    #[test]
    fn you_before_the_thing_it_owns_is_your() {
        for md in [
            "Keep it in you repository.\n",
            "It points to you home directory.\n",
            "Open it in you browser.\n",
        ] {
            assert_eq!(run(md), pairs(&[("you", "your")]), "{md}");
        }
        let fine = "It is sent to you first. We built it for you developers, for you all, with you \
                    today, and it comes to you free of charge, made for you using a tool. Is it on you? Thanks to you, it runs \
                    in you and me. Each one you intend to you use. Once logged in you can start; \
                    from now on you will see it, and after signing in you need nothing.\n";
        assert_eq!(run(fine), Vec::<(String, String)>::new());
    }
}
