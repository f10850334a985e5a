//! Grammar patterns of our own, chosen for precision on technical prose:
//!
//! - `grammar.allow-to`: "allows automatically find" → "allows you to automatically find".
//! - `grammar.article`: a missing article after "there is" + adjective ("there is tiny accuracy drop"),
//!   and "a"/"an" against the sound of the next word ("a hour", "an user"; "an SQL" and "a URL" are fine),
//!   inline code named by a singular noun with no article ("with `@layer` directive" → "with the
//!   `@layer` directive") and "for example of" → "for an example of".
//!
//! Each pattern needs word-class knowledge; that lives in `data/*.txt` (see [`super::lexicon`]). Every
//! pattern errs towards silence: a missed mistake costs less than a reviewer's trust.

use super::lexicon::{ADJECTIVES, COUNTABLE, UNCOUNTABLE, is_clear_verb, is_ly_adverb, is_verb};
use super::text::{Word, is_all_lower, is_all_upper, is_space, next, prev, starts_sentence};
use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};

pub const ALLOW_TO: &str = "grammar.allow-to";
pub const ARTICLE: &str = "grammar.article";

/// The `grammar` family (own patterns).
pub struct Grammar;

impl Checker for Grammar {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![
            RuleInfo {
                id: ALLOW_TO.into(),
                severity: Severity::Warning,
                safety: Safety::Review,
                default_on: false,
                summary: "\"allow\"/\"enable\" followed by a bare verb (\"allows automatically find\")".into(),
                explain: "\"Allow\", \"enable\" and \"permit\" take an object and a to-infinitive: \"INC allows you to \
                          automatically find a better solution\", or a gerund: \"allows finding\". Followed directly by a bare \
                          verb (\"allows automatically find\") the sentence no longer says who does what, which is exactly \
                          where technical explanations of cause and effect go wrong.\n\
                          The first replacement adds \"you to\", the second only \"to\"; pick the one that fits, or name \
                          the real actor. Words that are also nouns (\"allows access\") are only flagged after an adverb."
                    .into(),
            },
            RuleInfo {
                id: ARTICLE.into(),
                severity: Severity::Warning,
                safety: Safety::Review,
                default_on: true,
                summary: "Missing article in \"there is\" + adjective + noun; \"a\"/\"an\" against the next sound".into(),
                explain: "Two article mistakes reviewers correct again and again:\n\
                          1. \"there is/was\" + adjective + a singular countable noun with no article: \"there is tiny \
                          accuracy drop\" -> \"there is a tiny accuracy drop\". Mass nouns (\"there is significant \
                          overhead\") are left alone.\n\
                          2. \"a\" before a vowel sound or \"an\" before a consonant sound: \"a hour\" -> \"an hour\", \"an \
                          user\" -> \"a user\". Acronyms are read as they are spoken: \"an HTTP request\", \"a URL\"; \
                          spellings that people say both ways (\"SQL\", \"FAQ\") are never flagged.\n\
                          3. Inline code named by a singular noun after it, with no article: \"use `--force` flag\" -> \
                          \"use the `--force` flag\", \"set `minDomains` field\" -> \"set the `minDomains` field\". \
                          Only after a preposition or one of a few verbs (use, set, call, pass, run), only before \
                          nouns that name a thing in code (flag, option, field, method, …).\n\
                          4. \"For example of …\" -> \"For an example of …\"."
                    .into(),
            },
        ]
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        let allow = active.has(ALLOW_TO);
        let article = active.has(ARTICLE);
        if !allow && !article {
            return;
        }
        for (b, block) in doc.prose.blocks.iter().enumerate() {
            let text = block.text.as_str();
            let ws = doc.words(b);
            if allow {
                allow_to(b, text, ws, out);
            }
            if article {
                there_is_article(b, text, ws, out);
                a_or_an(b, text, ws, out);
                code_noun_article(doc, b, out);
                for_example_of(b, text, ws, out);
            }
        }
    }
}

fn lower(text: &str, w: Word) -> String {
    w.text(text).to_lowercase()
}

const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't",
    "not", "also", "get", "gets", "got",
];

fn allow_to(b: usize, text: &str, ws: &[Word], out: &mut Vec<Hit>) {
    for i in 0..ws.len() {
        let raw = ws[i].text(text);
        // Cheap first test: every trigger starts with a, e or p and has 5 to 10 letters.
        if !(5..=10).contains(&raw.len()) || !raw.starts_with(['a', 'A', 'e', 'E', 'p', 'P']) {
            continue;
        }
        let trigger = raw.to_ascii_lowercase();
        let direct_ok = match trigger.as_str() {
            "allow" | "allows" | "allowing" | "permit" | "permits" | "permitting" => true,
            "allowed" | "permitted" | "enabled" => false,
            "enable" | "enables" | "enabling" => false,
            _ => continue,
        };
        let past = trigger.ends_with("ed");
        // "is allowed", "are enabled": passive, and often the end of a clause missing its comma.
        if past && prev(text, ws, i).is_some_and(|p| BE.contains(&lower(text, p).as_str())) {
            continue;
        }
        let Some(w1) = next(text, ws, i) else {
            continue;
        };
        let first = w1.text(text);
        if !is_all_lower(first) {
            continue;
        }
        let verb = if is_ly_adverb(first) {
            match next(text, ws, i + 1) {
                Some(w2) if is_all_lower(w2.text(text)) && is_verb(w2.text(text)) => w2,
                _ => continue,
            }
        } else if direct_ok && is_clear_verb(first) && object_follows(text, ws, i + 1) {
            w1
        } else {
            continue;
        };
        // "allows find-and-replace" style compounds and "allow list" nouns are excluded by the word list;
        // a verb followed by "of" is a noun ("allows review of").
        if let Some(after) = ws.iter().find(|w| w.start >= verb.end)
            && is_space(&text[verb.end..after.start])
            && lower(text, *after) == "of"
        {
            continue;
        }
        let head = ws[i].text(text);
        let gap = &text[ws[i].end..w1.start];
        let rest = &text[w1.start..verb.end];
        let verb_text = verb.text(text);
        out.push(Hit {
            block: b,
            range: ws[i].start..verb.end,
            rule: ALLOW_TO.into(),
            message: format!(
                "\"{head}\" does not take a bare verb: say who it lets \"{verb_text}\" (\"{head} you to {verb_text}\") or add \"to\"."
            ),
            replacements: vec![
                format!("{head}{gap}you to {rest}"),
                format!("{head}{gap}to {rest}"),
            ],
        });
    }
}

/// Words that start the object of a verb: without an adverb before it, a bare verb after "allows" is
/// only trusted when one of these follows ("allows create the file"); otherwise the word is too often a
/// noun or a modifier ("allow create persistentvolumes", "allows unset").
fn object_follows(text: &str, ws: &[Word], verb: usize) -> bool {
    next(text, ws, verb).is_some_and(|w| {
        matches!(
            w.text(text).to_ascii_lowercase().as_str(),
            "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "these"
                | "those"
                | "your"
                | "their"
                | "its"
                | "our"
                | "his"
                | "her"
                | "them"
                | "it"
                | "you"
                | "us"
                | "me"
                | "him"
                | "all"
                | "any"
                | "each"
                | "every"
                | "some"
                | "more"
                | "multiple"
                | "several"
        )
    })
}

/// Adverbs that may sit between "there is" and the noun phrase without changing the need for an article.
const THERE_ADVERBS: &[&str] = &[
    "also",
    "still",
    "now",
    "usually",
    "often",
    "typically",
    "generally",
    "sometimes",
    "always",
    "probably",
    "currently",
    "already",
    "actually",
    "clearly",
    "obviously",
];

/// Intensifiers that may precede the adjective ("a very small drop").
const INTENSIFIERS: &[&str] = &[
    "very",
    "quite",
    "rather",
    "really",
    "slightly",
    "extremely",
    "relatively",
    "fairly",
    "somewhat",
    "pretty",
    "reasonably",
    "surprisingly",
    "potentially",
    "particularly",
    "highly",
    "fully",
];

/// Words that may follow the head noun of the phrase ("… drop in accuracy", "… bug when …").
const AFTER_NOUN: &[&str] = &[
    "in", "on", "of", "for", "with", "when", "if", "between", "after", "before", "because",
    "since", "to", "from", "at", "by", "and", "or", "but", "that", "which", "as", "compared",
    "due", "than", "while", "where", "during", "here", "there", "until", "unless", "so",
    "whenever", "once", "within", "without", "across", "among", "around", "under", "over", "per",
    "about", "against",
];

/// Words that can never be part of the noun phrase's modifiers.
fn is_function_word(w: &str) -> bool {
    AFTER_NOUN.contains(&w)
        || matches!(
            w,
            "a" | "an"
                | "the"
                | "no"
                | "not"
                | "any"
                | "some"
                | "this"
                | "that"
                | "these"
                | "those"
                | "is"
                | "are"
                | "was"
                | "were"
                | "be"
                | "it"
                | "its"
                | "we"
                | "you"
                | "they"
                | "one"
                | "two"
                | "more"
                | "less"
                | "much"
                | "many"
                | "only"
                | "just"
                | "also"
        )
}

fn there_is_article(b: usize, text: &str, ws: &[Word], out: &mut Vec<Hit>) {
    for i in 0..ws.len() {
        let raw = ws[i].text(text);
        if !(5..=9).contains(&raw.len()) || !raw.starts_with(['t', 'T']) {
            continue;
        }
        let w = raw.to_lowercase();
        let mut j = match w.as_str() {
            "there's" | "there\u{2019}s" => i + 1,
            "there" => match next(text, ws, i).map(|n| lower(text, n)).as_deref() {
                Some("is" | "was") => i + 2,
                _ => continue,
            },
            _ => continue,
        };
        // Only white space between "there is" and the phrase.
        if j >= ws.len() || !is_space(&text[ws[j - 1].end..ws[j].start]) {
            continue;
        }
        while j < ws.len() && THERE_ADVERBS.contains(&lower(text, ws[j]).as_str()) {
            match next(text, ws, j) {
                Some(_) => j += 1,
                None => break,
            }
        }
        let phrase_start = j;
        if INTENSIFIERS.contains(&lower(text, ws[j]).as_str()) {
            if next(text, ws, j).is_none() {
                continue;
            }
            j += 1;
        }
        let Some(adj) = ws.get(j) else { continue };
        let adj_text = adj.text(text);
        if !is_all_lower(adj_text) || !ADJECTIVES.contains(adj_text) {
            continue;
        }
        // Head noun within the next three words, with only lower-case content words before it.
        let mut head = None;
        let mut k = j;
        for _ in 0..3 {
            let Some(n) = next(text, ws, k) else { break };
            let nt = n.text(text);
            if !is_all_lower(nt) || is_function_word(nt) || nt.contains(['\'', '\u{2019}']) {
                break;
            }
            k += 1;
            if COUNTABLE.contains(nt) && !UNCOUNTABLE.contains(nt) && phrase_ends_after(text, ws, k)
            {
                head = Some(k);
                break;
            }
        }
        let Some(h) = head else { continue };
        let first = ws[phrase_start];
        let range = first.start..ws[h].end;
        let phrase = &text[range.clone()];
        let Some(sound) = sound_of(first.text(text)) else {
            continue;
        };
        let article = if sound == Sound::Vowel { "an" } else { "a" };
        out.push(Hit {
            block: b,
            range,
            rule: ARTICLE.into(),
            message: format!(
                "\"{}\" is a singular countable noun and needs an article here: \"there is {article} {phrase}\".",
                ws[h].text(text)
            ),
            replacements: vec![format!("{article} {phrase}")],
        });
    }
}

/// The noun phrase ends after `ws[k]`: end of block, punctuation, or a word that starts a new part.
fn phrase_ends_after(text: &str, ws: &[Word], k: usize) -> bool {
    match ws.get(k + 1) {
        None => text[ws[k].end..]
            .trim()
            .chars()
            .all(|c| !c.is_alphanumeric()),
        Some(n) => {
            let gap = &text[ws[k].end..n.start];
            !is_space(gap) || AFTER_NOUN.contains(&lower(text, *n).as_str())
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sound {
    Vowel,
    Consonant,
}

/// Letters whose names start with a vowel sound ("an F", "an HTTP request").
fn letter_sound(c: char) -> Sound {
    if "aefhilmnorsx".contains(c.to_ascii_lowercase()) {
        Sound::Vowel
    } else {
        Sound::Consonant
    }
}

/// Spellings people pronounce both ways: never flag either article before them.
const EITHER: &[&str] = &[
    "umount",
    "uuid",
    "sql",
    "faq",
    "historic",
    "historical",
    "hotel",
    "herb",
    "herbal",
    "hereditary",
    "heroic",
    "homage",
    "humble",
    "eula",
    "ieee",
];

/// Words starting with "u" (or "uni") that are said with a "you" sound.
const YOU_WORDS: &[&str] = &[
    "uefi",
    "uid",
    "ui",
    "uint",
    "url",
    "usb",
    "ux",
    "ubiquit",
    "ukulele",
    "unanim",
    "unary",
    "unicast",
    "unicode",
    "unicorn",
    "unidirection",
    "unification",
    "unified",
    "uniform",
    "unify",
    "unilateral",
    "union",
    "unique",
    "unison",
    "unit",
    "univers",
    "unix",
    "usab",
    "usag",
    "use",
    "usi",
    "usu",
    "utensil",
    "uter",
    "utf",
    "util",
    "utopia",
    "ura",
    "ure",
    "uri",
    "uro",
];

/// How `word` (the word after the article) begins, or `None` when unsure.
fn sound_of(word: &str) -> Option<Sound> {
    let first_part = word.split('-').next().unwrap_or(word);
    let mut chars = first_part.chars();
    let c0 = chars.next()?;
    if c0.is_ascii_digit() {
        return number_sound(first_part);
    }
    if !c0.is_ascii_alphabetic() {
        return None;
    }
    // A single letter ("an x-axis", "a k-means", "an n-gram").
    if first_part.chars().count() == 1 {
        return Some(letter_sound(c0));
    }
    let lowered = word.to_lowercase();
    // Two consonants ("fn", "ls", "rm"): read as letters or as the word they stand for ("a fn body").
    if first_part.len() == 2
        && first_part
            .chars()
            .all(|c| c.is_ascii_lowercase() && !"aeiouy".contains(c))
    {
        return None;
    }
    if EITHER
        .iter()
        .any(|e| lowered == *e || lowered.starts_with(&format!("{e}-")))
    {
        return None;
    }
    if lowered.starts_with("sql") {
        return None;
    }
    // Letters with digits are spelled out: "an S3 bucket", "an h2c server", "a k8s cluster".
    if first_part.chars().take(3).any(|c| c.is_ascii_digit()) {
        return Some(letter_sound(c0));
    }
    // Words no English word starts like are spelled out too: "an nftables rule", "an ndarray", "an npm
    // package", "an Rspack build", "an Xcode project". Two letters ("fn", "ls") may be read as the word
    // they stand for ("a fn body": a function body).
    if first_part.chars().count() >= 3
        && first_part.chars().skip(1).all(|c| c.is_ascii_lowercase())
        && spelled_out(&lowered)
    {
        return Some(letter_sound(c0));
    }
    // A name in camel case that opens with such a syllable ("NgModule": "en-gee").
    let syllable: String = first_part
        .char_indices()
        .take_while(|&(i, c)| i == 0 || c.is_ascii_lowercase())
        .map(|(_, c)| c)
        .collect();
    if syllable.len() >= 2
        && syllable.len() < first_part.len()
        && c0.is_ascii_uppercase()
        && spelled_out(&syllable.to_lowercase())
    {
        return Some(letter_sound(c0));
    }
    // "iOS", "eBPF": a lower-case letter said by its name, then capitals.
    let c1 = chars.next();
    if c0.is_ascii_lowercase() && c1.is_some_and(|c| c.is_ascii_uppercase()) {
        return Some(letter_sound(c0));
    }
    // Acronyms and names that start with one ("HTTP", "MXNet", "NVMe").
    let caps: String = first_part
        .chars()
        .take_while(char::is_ascii_uppercase)
        .collect();
    let acronym = if is_all_upper(first_part) {
        first_part
            .chars()
            .filter(char::is_ascii_alphabetic)
            .collect::<String>()
    } else if caps.chars().count() >= 3 {
        // "MXNet": the last capital starts the word "Net".
        caps.chars().take(caps.chars().count() - 1).collect()
    } else {
        String::new()
    };
    if acronym.chars().count() >= 2 {
        return acronym_sound(&acronym);
    }
    if c0.is_ascii_uppercase() && c1.is_some_and(|c| c.is_ascii_uppercase()) {
        return None; // "LLaMA" and friends: said as a word, but which?
    }
    Some(word_sound(&lowered))
}

fn acronym_sound(acronym: &str) -> Option<Sound> {
    let first = acronym.chars().next()?;
    // W and Y make an acronym sayable as a word ("SWF" is "swiff").
    let has_vowel = acronym.chars().skip(1).any(|c| "AEIOUWY".contains(c));
    match first {
        // Vowels sound like vowels whether spelled out or said as a word ("an API", "an OS").
        'A' | 'E' | 'I' | 'O' => Some(Sound::Vowel),
        // "a URL", "a USB drive", "a UI"; "UPDATE" or "UNIX" may be said as words.
        'U' => (!has_vowel || acronym == "UI" || acronym == "UUID").then_some(Sound::Consonant),
        // F, H, L, M, N, R, S, X are vowel sounds spelled out ("an HTML page") but consonants when the
        // acronym is said as a word ("a REST API", "a RAM disk", "a NOTE"); only the unpronounceable ones
        // are certain.
        c if letter_sound(c) == Sound::Vowel => (!has_vowel).then_some(Sound::Vowel),
        _ => Some(Sound::Consonant),
    }
}

fn number_sound(n: &str) -> Option<Sound> {
    let digits: String = n.chars().take_while(char::is_ascii_digit).collect();
    if digits.starts_with('8') {
        return Some(Sound::Vowel);
    }
    if digits == "11" || digits == "18" {
        return Some(Sound::Vowel);
    }
    if digits.starts_with("11") || digits.starts_with("18") {
        return None; // "an 1800" (eighteen hundred) or "a 1800" (one thousand …)
    }
    Some(Sound::Consonant)
}

/// Does `w` (lower case) start with two letters that begin no English word ("nf", "nd", "ssh")?
fn spelled_out(w: &str) -> bool {
    let mut cs = w.chars();
    let (Some(a), Some(b)) = (cs.next(), cs.next()) else {
        return false;
    };
    let vowel = |c: char| "aeiouy".contains(c);
    if vowel(a) || vowel(b) || !b.is_ascii_alphabetic() {
        return false;
    }
    let ok_after: &str = match a {
        'b' | 'c' | 'g' | 'p' => "lrh",
        'd' | 't' => "rhw",
        'f' => "lrj",
        'k' => "lnrh",
        's' => "chklmnpqtw",
        'w' => "rh",
        'r' => "h",
        _ => "",
    };
    !ok_after.contains(b)
}

fn word_sound(w: &str) -> Sound {
    let joined: String;
    let w = if w.contains('-') {
        joined = w.replace('-', "");
        joined.as_str()
    } else {
        w
    };
    if w.starts_with("one") && !w.starts_with("oner") || w.starts_with("once") {
        return Sound::Consonant;
    }
    if w.starts_with("eu") || w.starts_with("ewe") {
        return Sound::Consonant;
    }
    if w.starts_with('u') {
        return if YOU_WORDS.iter().any(|p| w.starts_with(p)) {
            Sound::Consonant
        } else {
            Sound::Vowel
        };
    }
    if ["hour", "honest", "honor", "honour", "heir"]
        .iter()
        .any(|p| w.starts_with(p))
    {
        return Sound::Vowel;
    }
    if w.starts_with(['a', 'e', 'i', 'o']) {
        Sound::Vowel
    } else {
        Sound::Consonant
    }
}

/// Words after which an article is never an article ("option a or b").
fn not_a_noun_start(w: &str) -> bool {
    is_function_word(w)
        || matches!(
            w,
            "or" | "nor" | "if" | "then" | "else" | "de" | "la" | "le"
        )
}

fn a_or_an(b: usize, text: &str, ws: &[Word], out: &mut Vec<Hit>) {
    for i in 0..ws.len() {
        let art = ws[i].text(text);
        let is_an = match art {
            "a" | "A" => false,
            "an" | "An" => true,
            _ => continue,
        };
        // A capital "A" mid-sentence is a label ("type A"), not an article.
        if art.starts_with('A') && !starts_sentence(text, ws[i].start) {
            continue;
        }
        // "a" glued to something else ("a.k.a", "a/b") is not an article.
        if text[..ws[i].start]
            .chars()
            .next_back()
            .is_some_and(|c| "/.-_'\u{2019}".contains(c))
        {
            continue;
        }
        let Some(n) = next(text, ws, i) else { continue };
        let word = n.text(text);
        if not_a_noun_start(&word.to_lowercase()) {
            continue;
        }
        // The word must end cleanly (no "a foo.bar" identifiers).
        if text[n.end..].chars().next().is_some_and(|c| {
            "_/.@:".contains(c) && text[n.end + 1..].starts_with(|c: char| c.is_alphanumeric())
        }) {
            continue;
        }
        let Some(sound) = sound_of(word) else {
            continue;
        };
        let wants_an = sound == Sound::Vowel;
        if wants_an == is_an {
            continue;
        }
        let fixed = match (art, wants_an) {
            ("a", true) => "an",
            ("A", true) => "An",
            ("an", false) => "a",
            ("An", false) => "A",
            _ => continue,
        };
        let gap = &text[ws[i].end..n.start];
        out.push(Hit {
            block: b,
            range: ws[i].start..n.end,
            rule: ARTICLE.into(),
            message: if wants_an {
                format!("Use \"an\" before a vowel sound: \"{fixed} {word}\".")
            } else {
                format!("Use \"a\" before a consonant sound: \"{fixed} {word}\".")
            },
            replacements: vec![format!("{fixed}{gap}{word}")],
        });
    }
}

/// Words after which inline code and its noun need an article: prepositions and verbs that take an
/// object ("with `x` flag", "set `x` field").
const BEFORE_CODE: &[&str] = &[
    "with", "via", "by", "in", "into", "to", "from", "of", "on", "for", "using", "use", "set",
    "call", "calling", "pass", "run", "running", "enable", "disable",
];

/// Singular countable nouns that name a thing in code.
const CODE_NOUNS: &[&str] = &[
    "flag",
    "option",
    "directive",
    "attribute",
    "parameter",
    "argument",
    "method",
    "function",
    "property",
    "field",
    "command",
    "subcommand",
    "variable",
    "setting",
    "prop",
    "hook",
    "annotation",
    "endpoint",
    "header",
    "macro",
];

/// "with `x` flag" → "with the `x` flag": inline code that a singular noun names, after a preposition or
/// a verb, with no article.
fn code_noun_article(doc: &DocProse<'_>, b: usize, out: &mut Vec<Hit>) {
    let block = &doc.prose.blocks[b];
    // Headings are terse by choice ("Deprecated: `null` value for `session` property").
    if block.kind == crate::core::markdown::BlockKind::Heading {
        return;
    }
    let text = block.text.as_str();
    let ws = doc.words(b);
    for view in doc.inline_code(b) {
        // The word right before and right after, one space apart.
        let i = ws.partition_point(|w| w.end <= view.start);
        let (Some(before), Some(noun)) = (i.checked_sub(1).and_then(|k| ws.get(k)), ws.get(i))
        else {
            continue;
        };
        if &text[before.end..view.start] != " " || &text[view.end..noun.start] != " " {
            continue;
        }
        let trigger = before.text(text);
        if !BEFORE_CODE.contains(&trigger.to_lowercase().as_str())
            || !CODE_NOUNS.contains(&noun.text(text))
        {
            continue;
        }
        // The noun ends the phrase: no noun compound follows ("`x` flag values").
        let rest = &text[noun.end..];
        let follows = ws.get(i + 1).filter(|n| text[noun.end..n.start] == *" ");
        if rest.starts_with(['-', '_', '/', '.']) && rest[1..].starts_with(char::is_alphanumeric)
            || follows.is_some_and(|n| {
                let w = n.text(text);
                w.ends_with('s') && !w.ends_with("ss") && !is_verb(&w.to_lowercase())
                    || CODE_NOUNS.contains(&w)
                    || matches!(w, "name" | "value" | "line" | "type")
            })
        {
            continue;
        }
        out.push(Hit {
            block: b,
            range: before.range(),
            rule: ARTICLE.into(),
            message: format!(
                "A singular \"{}\" needs an article: \"{trigger} the `…` {}\".",
                noun.text(text),
                noun.text(text)
            ),
            replacements: vec![format!("{trigger} the")],
        });
    }
}

/// "For example of generating keys" → "For an example of generating keys".
fn for_example_of(b: usize, text: &str, ws: &[Word], out: &mut Vec<Hit>) {
    for i in 0..ws.len().saturating_sub(2) {
        if !ws[i].text(text).eq_ignore_ascii_case("for")
            || ws[i + 1].text(text) != "example"
            || ws[i + 2].text(text) != "of"
            || next(text, ws, i).is_none()
            || next(text, ws, i + 1).is_none()
        {
            continue;
        }
        out.push(Hit {
            block: b,
            range: ws[i + 1].range(),
            rule: ARTICLE.into(),
            message: "\"For example\" introduces an example; \"for an example of\" points to one."
                .into(),
            replacements: vec!["an example".into()],
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(md: &str) -> Vec<(String, String, Vec<String>)> {
        crate::core::rules::hits_in(&Grammar, &[ALLOW_TO, ARTICLE], md)
    }

    fn fixes(md: &str) -> Vec<(String, String)> {
        run(md)
            .into_iter()
            .map(|(_, t, r)| (t, r.into_iter().next().unwrap_or_default()))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.into(), b.into())
    }

    #[test]
    fn allow_plus_adverb_plus_bare_verb() {
        let r = run("INC allows automatically find better solution.\n");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, ALLOW_TO);
        assert_eq!(r[0].1, "allows automatically find");
        assert_eq!(
            r[0].2,
            vec![
                "allows you to automatically find",
                "allows to automatically find"
            ]
        );
    }

    #[test]
    fn allow_plus_bare_verb() {
        assert_eq!(
            fixes("This allows create the new files.\n"),
            vec![pair("allows create", "allows you to create")]
        );
        assert_eq!(
            fixes("It enables quickly build images.\n"),
            vec![pair(
                "enables quickly build",
                "enables you to quickly build"
            )]
        );
    }

    #[test]
    fn allow_with_object_or_gerund_or_noun_is_fine() {
        for ok in [
            "This allows you to find it.",
            "This allows finding it.",
            "This allows access to the API.",
            "It allows users to run jobs.",
            "Once it is enabled run the script.",
            "Enable debug logging.",
            "The allow list is empty.",
            "This allows use of the cache.",
            "Policies allow create persistentvolumes.",
            "It allows unset, RuntimeDefault and Localhost.",
        ] {
            assert!(run(ok).is_empty(), "{ok}: {:?}", run(ok));
        }
    }

    #[test]
    fn there_is_adjective_noun_needs_an_article() {
        assert_eq!(
            fixes("With int8 there is tiny accuracy drop.\n"),
            vec![pair("tiny accuracy drop", "a tiny accuracy drop")]
        );
        assert_eq!(
            fixes("There was significant difference in speed.\n"),
            vec![pair("significant difference", "a significant difference")]
        );
        assert_eq!(
            fixes("There is very obvious bug here.\n"),
            vec![pair("very obvious bug", "a very obvious bug")]
        );
    }

    #[test]
    fn there_is_with_article_or_mass_noun_is_fine() {
        for ok in [
            "There is a tiny accuracy drop.",
            "There is significant overhead in this path.",
            "There is little difference.",
            "There are tiny accuracy drops.",
            "There is good support for it.",
        ] {
            assert!(run(ok).is_empty(), "{ok}: {:?}", run(ok));
        }
    }

    #[test]
    fn a_versus_an() {
        assert_eq!(fixes("Wait a hour.\n"), vec![pair("a hour", "an hour")]);
        assert_eq!(fixes("Add an user.\n"), vec![pair("an user", "a user")]);
        assert_eq!(
            fixes("A example follows.\n"),
            vec![pair("A example", "An example")]
        );
        assert_eq!(
            fixes("Send a HTTP request.\n"),
            vec![pair("a HTTP", "an HTTP")]
        );
        assert_eq!(fixes("Open an URL.\n"), vec![pair("an URL", "a URL")]);
        assert_eq!(
            fixes("Use a 8-bit type.\n"),
            vec![pair("a 8-bit", "an 8-bit")]
        );
        assert_eq!(
            fixes("Build a MXNet model.\n"),
            vec![pair("a MXNet", "an MXNet")]
        );
        assert_eq!(fixes("On a iOS device.\n"), vec![pair("a iOS", "an iOS")]);
    }

    #[test]
    fn a_versus_an_leaves_correct_and_ambiguous_alone() {
        for ok in [
            "an SQL query and a SQL query",
            "an nftables rule, an ndarray, an h2c server, an S3 bucket, a k8s node, an e2e test",
            "a uni-directional stream, a SPDY connection, a unidirectional one",
            "a URL, a user, a unique id, a one-time token, a European server, a url, a usb stick",
            "an hour, an honest answer, a historic and an historic event",
            "an HTTP call, an API, an x-axis, a k-means model, an n-gram",
            "an Rspack build, an Xcode-only setup, a SWF file, a fn body, an fn body, an NgModule",
            "a REST API, a RAM disk, a NOTE, a README",
            "choose type A or B; option a or b",
            "a.k.a. the thing",
            "a `code` span and an <b>html</b> tag",
            "an 11-bit field, an 18 GB disk, a 1 GB file",
        ] {
            assert!(run(ok).is_empty(), "{ok}: {:?}", run(ok));
        }
    }

    #[test]
    fn code_named_by_a_singular_noun_needs_an_article() {
        assert_eq!(
            fixes("Configure the styles to generate with `@layer` directive.\n"),
            [pair("with", "with the")]
        );
        assert_eq!(
            fixes("Use `AddSource` method to enable it, or set `minDomains` field.\n"),
            [pair("Use", "Use the"), pair("set", "set the")]
        );
        for ok in [
            "Use the `--force` flag.",
            "Pass `--force` flags or `x` flag values.",
            "Run `make` command-line tools.",
            "Use `kubectl` to list the fields.",
            "Start with <b>bold</b> option.",
            // A miss kept on purpose: another noun after the first may head a plural ("`x` flag
            // values" needs no article), so any noun compound is passed over.
            "Use `--config` command line flag.",
        ] {
            assert!(run(ok).is_empty(), "{ok}: {:?}", run(ok));
        }
    }

    #[test]
    fn for_example_of_needs_an_article() {
        assert_eq!(
            fixes("For example of generating keys, see the guide.\n"),
            [pair("example", "an example")]
        );
        assert!(run("For example, of all the options this is best.\n").is_empty());
    }

    #[test]
    fn nothing_inside_code() {
        let md =
            "```\nINC allows automatically find\nthere is tiny accuracy drop\n```\n\n`a hour`\n";
        assert!(run(md).is_empty());
    }
}
