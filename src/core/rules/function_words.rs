//! Function words an edit left where English cannot have them:
//!
//! - `grammar.double-determiner`: an article right before another determiner, the trace of a rewrite
//!   that kept both ("for a the page" → "for the page", "into an a valid URL" → "a valid URL",
//!   "employ a their own strategy" → "their own");
//! - `grammar.the-same`: "same" without "the" after a verb or a preposition ("is same as" → "is
//!   the same as", "at same time" → "at the same time");
//! - `grammar.bare-infinitive`: "to" between a modal verb or "let" + its object and a verb, where
//!   English takes the bare verb ("you must to set" → "you must set", "lets you to use" → "lets you
//!   use").

use super::dictionary::word_metadata;
use super::text::{Word, is_all_lower, next, prev, starts_sentence};
use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::markdown::BlockKind;

pub const DOUBLE_DETERMINER: &str = "grammar.double-determiner";
pub const BARE_INFINITIVE: &str = "grammar.bare-infinitive";
pub const THE_SAME: &str = "grammar.the-same";

/// Words after which "same" needs "the" before it: forms of "be", prepositions and verbs that take an
/// object ("is same as", "at same time", "share same name").
const BEFORE_SAME: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "at", "in", "on", "of", "to", "from",
    "with", "for", "by", "into", "onto", "under", "has", "have", "had", "share", "shares",
    "shared", "use", "uses", "used", "using", "follow", "follows", "return", "returns", "get",
    "gets", "keep", "keeps", "remain", "remains", "stay", "stays",
];

/// The articles that open a noun phrase.
const ARTICLES: &[&str] = &["a", "an", "the"];

/// Determiners that never follow an article in English.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "their", "your", "our", "its", "my", "each",
    "every",
];

/// Borrowed phrases that open with "a" and may follow "the" ("the a priori estimate", "the a la carte
/// menu").
const BORROWED_A: &[&str] = &[
    "priori",
    "posteriori",
    "fortiori",
    "la",
    "capella",
    "cappella",
    "minima",
    "maxima",
];

/// Nouns that say what kind of thing a name is: before them "a" and "this" are the names of an
/// element, a key, a keyword ("the a element", "the a key in Vim", "the this keyword").
const KIND_NOUNS: &[&str] = &[
    "element",
    "elements",
    "tag",
    "tags",
    "key",
    "keys",
    "keyword",
    "command",
    "value",
    "values",
    "binding",
    "attribute",
    "operator",
    "variable",
    "parameter",
    "argument",
    "pointer",
    "reference",
    "context",
    "object",
    "method",
    "property",
    "field",
    "type",
    "prefix",
    "suffix",
    "flag",
    "option",
    "letter",
    "character",
    "register",
    "link",
    "links",
    "anchor",
    "button",
];

/// Words after which an "a" is a variable, not an article ("the a and b parameters").
const AFTER_A_VARIABLE: &[&str] = &[
    "and", "or", "nor", "is", "are", "was", "were", "has", "have", "equals", "to", "of", "in",
];

/// Modal verbs: the verb after them is bare. Not "would": it stands for a verb left out too often
/// ("the steps a user would to interact").
const MODALS: &[&str] = &[
    "can",
    "could",
    "should",
    "must",
    "may",
    "might",
    "shall",
    "will",
    "cannot",
    "can't",
    "couldn't",
    "shouldn't",
    "mustn't",
    "won't",
];

/// Personal pronouns that can be a modal's subject.
const SUBJECT_PRONOUNS: &[&str] = &["i", "you", "we", "they", "he", "she", "it", "one"];

/// Words that let a modal stand for a verb left out ("as hard as it can to make", "what we can to
/// help", "more work than it should to get"): "to" then opens a purpose, not the modal's verb.
const ELLIPSIS_OPENERS: &[&str] = &[
    "as",
    "what",
    "whatever",
    "than",
    "how",
    "everything",
    "anything",
    "all",
    "when",
    "whenever",
    "where",
    "wherever",
    "however",
    "if",
    "best",
];

/// Object pronouns that may follow "let".
const OBJECT_PRONOUNS: &[&str] = &["me", "you", "us", "them", "him", "her", "it"];

/// Determiners that may open the object of "let"; each opens a noun phrase.
pub(crate) const OBJECT_DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "your", "our", "their", "its", "my", "his",
    "her", "each", "every", "any", "some", "all",
];

pub struct FunctionWords;

impl Checker for FunctionWords {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![
            RuleInfo::review(
                DOUBLE_DETERMINER,
                true,
                "An article right before another determiner (\"for a the page\", \"an a valid URL\")",
                "\"A\", \"an\" and \"the\" never stand right before another determiner: \"for a the \
                          page\" → \"for the page\", \"into an a valid URL\" → \"a valid URL\", \"employ a their \
                          own strategy\" → \"their own\", \"the this proposal\" → \"this proposal\". Two in a \
                          row are what a rewrite leaves when it adds one and keeps the other. The first fix \
                          keeps the second word, the other keeps the first (\"a\" or \"an\" by the sound of the \
                          next word); pick the one the sentence meant.\n\
                          Left alone: borrowed phrases (\"the a priori estimate\"), a letter that names a \
                          variable (\"the a and b parameters\", or any word the doc's code uses as a name, \
                          like JavaScript's \"this\"), \"a\" and \"this\" named as an element, a key or a \
                          keyword (\"the a element\", \"the a key\", \"the this keyword\"), capitalised \
                          names (\"The A Team\"), quoted pairs, sentences about articles themselves, \
                          headings and table cells. Across a line break inside a paragraph the fix keeps the \
                          break. Reads the comments of code blocks too.",
            ),
            RuleInfo::review(
                THE_SAME,
                true,
                "\"same\" without \"the\" (\"is same as\", \"at same time\")",
                "\"Same\" takes \"the\" in front of it: \"The limit is same as the default\" → \"is the \
                          same as\", \"requests arrive at same time\" → \"at the same time\", \"volumes of \
                          same type\" → \"of the same type\". Flagged after a form of \"be\", a preposition or a \
                          verb that takes an object (share, use, keep, return), before \"as\" or a noun. \
                          Compounds (\"same-origin\"), \"Same as above\" at the start of a line and \"the \
                          same\", \"this same\", \"its same\" are left alone.",
            ),
            RuleInfo::review(
                BARE_INFINITIVE,
                false,
                "\"to\" after a modal verb or after \"let\" + object (\"you must to set\", \"lets you to use\")",
                "After a modal verb (can, could, should, must, may, might, shall, will) and \
                          after \"let\" with its object, English takes the bare verb: \"you must to set\" → \
                          \"you must set\", \"Test should to create a Job\" → \"should create\", \"This lets \
                          you to use\" → \"lets you use\" (or \"allows you to use\", the second fix). \
                          Only a modal right after its subject counts, and not in a comparison or after \
                          \"what\", where the modal stands for a verb left out (\"as hard as it can to \
                          make\", \"what we can to help\"). \"The will to live\" is a noun. Reads the \
                          comments of code blocks too. Off by default: its findings are rare, and too few of \
                          the ones read before its last conditions were right (see the measured precision).",
            ),
        ]
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        let determiners = active.has(DOUBLE_DETERMINER);
        let infinitive = active.has(BARE_INFINITIVE);
        let same = active.has(THE_SAME);
        if !determiners && !infinitive && !same {
            return;
        }
        for (b, text, ws) in doc.sentence_blocks() {
            let block = &doc.prose.blocks[b];
            // Each hit must be plain text: markup between the words sets one apart ("the *this*
            // binding", "[a](…) the").
            for i in 0..ws.len() {
                if determiners
                    && let Some(hit) = double_determiner(doc, block.kind, text, ws, i)
                    && block.is_plain(hit.range.clone())
                    && !mentions_articles(
                        &text[super::text::sentence_around(text, hit.range.clone())],
                    )
                {
                    out.push(Hit { block: b, ..hit });
                }
                if infinitive
                    && let Some(hit) = bare_infinitive(text, ws, i)
                    && block.is_plain(hit.range.clone())
                {
                    out.push(Hit { block: b, ..hit });
                }
                if same
                    && let Some(hit) = the_same(text, ws, i)
                    && block.is_plain(hit.range.clone())
                {
                    out.push(Hit { block: b, ..hit });
                }
            }
        }
    }
}

/// Does a sentence speak of articles or determiners ("use "the" or "a", not "the a"")? Its pairs
/// are quoted, not made.
fn mentions_articles(sentence: &str) -> bool {
    sentence.split(|c: char| !c.is_alphanumeric()).any(|w| {
        let w = w.to_ascii_lowercase();
        matches!(
            w.as_str(),
            "article" | "articles" | "determiner" | "determiners"
        )
    })
}

/// Does the doc's code use `word` as a name ("this.state", "a = 1", "f(a, b)")? Then its prose means
/// that name by it ("the this binding", "the a argument").
fn code_name(doc: &DocProse<'_>, word: &str) -> bool {
    let code = doc.code_text();
    code.match_indices(word).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = &code[at + word.len()..];
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && (after.starts_with(['.', '[', ',', ')', '='])
                || after.starts_with("->")
                || after.starts_with(" =")
                || after.starts_with(" +"))
    })
}

/// An article at `ws[i]` right before another determiner.
fn double_determiner(
    doc: &DocProse<'_>,
    kind: BlockKind,
    text: &str,
    ws: &[Word],
    i: usize,
) -> Option<Hit> {
    let (w1, w2) = (ws[i], next(text, ws, i)?);
    let (first, second) = (w1.text(text), w2.text(text));
    let article = first.to_ascii_lowercase();
    if !ARTICLES.contains(&article.as_str()) || !DETERMINERS.contains(&second) || article == second
    {
        return None;
    }
    // A capital mid-sentence is a name ("Option A the …"); at a sentence start it is a capital.
    if !is_all_lower(first) && !starts_sentence(text, w1.start) {
        return None;
    }
    // A noun phrase follows: a word or inline code after only white space ("the a." is a variable).
    let third = match next(text, ws, i + 1) {
        Some(w3) => w3.text(text).to_lowercase(),
        None if text[w2.end..]
            .trim_start()
            .starts_with(crate::core::markdown::PLACEHOLDER)
            && text[w2.end..].starts_with(char::is_whitespace) =>
        {
            String::new()
        }
        None => return None,
    };
    if matches!(second, "a" | "an")
        && (BORROWED_A.contains(&third.as_str())
            || AFTER_A_VARIABLE.contains(&third.as_str())
            || third.chars().count() == 1
            || third.is_empty()
            || kind == BlockKind::CodeComment)
    {
        return None;
    }
    if code_name(doc, second)
        || (matches!(second, "a" | "this") && KIND_NOUNS.contains(&third.as_str()))
    {
        return None;
    }
    // Quoted: the pair is mentioned ("\"a the\" is a slip").
    if super::text::quoted(text, w1.start, w2.end) {
        return None;
    }
    // "a" or "an" kept is chosen by the sound of the word after the pair.
    let sounded = |article: &str| -> String {
        match article {
            "a" | "an" => super::grammar::indefinite_article(&third)
                .unwrap_or(article)
                .to_owned(),
            other => other.to_owned(),
        }
    };
    let kept = sounded(second);
    let keep_second = if is_all_lower(first) {
        kept
    } else {
        super::text::capitalise(&kept)
    };
    let keep_first = super::misspellings::match_case(first, &sounded(&article));
    // Keeping the article is English only before an article or a demonstrative, and "a same",
    // "an own" never are ("employ a their own strategy", "share an the same resolver").
    let possessive = matches!(
        second,
        "their" | "your" | "our" | "its" | "my" | "each" | "every"
    );
    let never_a =
        matches!(article.as_str(), "a" | "an") && matches!(third.as_str(), "same" | "own");
    let first_can_stay = !(possessive || never_a);
    let mut replacements = vec![keep_second];
    if first_can_stay && !replacements.contains(&keep_first) {
        replacements.push(keep_first);
    }
    let message = format!("\"{first} {second}\": two determiners in a row; keep one.");
    let gap = &text[w1.end..w2.start];
    if !gap.contains('\n') {
        return Some(Hit {
            block: 0,
            range: w1.start..w2.end,
            rule: DOUBLE_DETERMINER.into(),
            message,
            replacements,
        });
    }
    // Across a line break the fix keeps the break, and leaves no space at a line's end: the spaces
    // before the first word and after the second go with the word that goes.
    let horizontal = |c: char| c == ' ' || c == '\t';
    let start = text[..w1.start].trim_end_matches(horizontal).len();
    let end = text.len() - text[w2.end..].trim_start_matches(horizontal).len();
    Some(Hit {
        block: 0,
        range: start..end,
        rule: DOUBLE_DETERMINER.into(),
        message,
        replacements: replacements
            .iter()
            .enumerate()
            .map(|(k, kept)| {
                if k == 0 {
                    format!("{gap}{kept}{}", &text[w2.end..end])
                } else {
                    format!("{}{kept}{gap}", &text[start..w1.start])
                }
            })
            .collect(),
    })
}

/// "to" between a modal verb or "let" + object at `ws[i]` and a bare verb.
fn bare_infinitive(text: &str, ws: &[Word], i: usize) -> Option<Hit> {
    let w = ws[i];
    let word = w.text(text);
    let lower = word.replace('\u{2019}', "'");
    if is_all_lower(word) && MODALS.contains(&lower.as_str()) {
        let to = next(text, ws, i)?;
        if to.text(text) != "to" || !modal_subject(text, ws, i) {
            return None;
        }
        let verb = infinitive_verb(text, ws, i + 2)?;
        if clause_before(text, ws, i)
            .any(|w| ELLIPSIS_OPENERS.contains(&w.text(text).to_lowercase().as_str()))
        {
            return None;
        }
        let rest = text[to.end..verb.end].trim_start();
        // A line break after "to" stays: the fix then runs from the modal's end.
        let (range, fix) = if text[to.end..verb.end].contains('\n') {
            (w.end..verb.end, text[to.end..verb.end].to_owned())
        } else {
            (to.start..verb.end, rest.to_owned())
        };
        return Some(Hit {
            block: 0,
            range,
            rule: BARE_INFINITIVE.into(),
            message: format!("After \"{word}\" the verb takes no \"to\": \"{word} {rest}\"."),
            replacements: vec![fix],
        });
    }
    let let_form = word.to_ascii_lowercase();
    if !matches!(let_form.as_str(), "let" | "lets" | "letting")
        || !(is_all_lower(word) || starts_sentence(text, w.start))
    {
        return None;
    }
    // "let" + object: a pronoun, or a noun with a determiner and at most one word before it, or a
    // plural noun alone ("let users to"; a bare singular is more often a verb: "let go to").
    let o = next(text, ws, i)?;
    let object = o.text(text);
    let last = if OBJECT_PRONOUNS.contains(&object) {
        i + 1
    } else {
        let determiner = OBJECT_DETERMINERS.contains(&object);
        let first = if determiner { i + 2 } else { i + 1 };
        next(text, ws, first - 1)?;
        // Two words: an adjective and its noun ("the external components"); after a noun the word
        // before "to" is a verb of its own ("let the function try to determine").
        let describes =
            word_metadata(ws[first].text(text)).is_some_and(|m| m.is_adjective() && !m.is_noun());
        let noun_at = (first..first + 1 + usize::from(describes))
            .take_while(|&k| k == first || next(text, ws, k - 1).is_some())
            .find(|&k| next(text, ws, k).is_some_and(|t| t.text(text) == "to"))?;
        let noun = ws[noun_at].text(text);
        let known = word_metadata(noun);
        let plural_only = known
            .as_ref()
            .is_some_and(|m| m.is_plural_noun() && !m.is_verb());
        if !is_all_lower(noun)
            || !known.is_some_and(|m| m.is_noun())
            || !(determiner || plural_only)
        {
            return None;
        }
        noun_at
    };
    let to = next(text, ws, last)?;
    let verb = infinitive_verb(text, ws, last + 2)?;
    if to.text(text) != "to" {
        return None;
    }
    let between = &text[w.start..to.start];
    let after = &text[to.end..verb.end];
    let allow = match let_form.as_str() {
        "let" => "allow",
        "lets" => "allows",
        _ => "allowing",
    };
    let allow = crate::core::rules::misspellings::match_case(word, allow);
    // A line break after "to" stays in the fix.
    let without = if after.contains('\n') {
        format!("{}{after}", between.trim_end())
    } else {
        format!("{between}{}", after.trim_start())
    };
    Some(Hit {
        block: 0,
        range: w.start..verb.end,
        rule: BARE_INFINITIVE.into(),
        message: format!("\"{word}\" takes the bare verb: \"{without}\"."),
        replacements: vec![
            without.clone(),
            format!("{allow}{}to{after}", &between[word.len()..]),
        ],
    })
}

/// The verb a "to" at `ws[k - 1]` opens, with at most one adverb in -ly before it ("to explicitly
/// choose"); none for an idiom that keeps its "to" ("to date", "to begin with").
fn infinitive_verb(text: &str, ws: &[Word], k: usize) -> Option<Word> {
    let mut at = k;
    let mut w = next(text, ws, k - 1)?;
    if !bare_verb(w.text(text)) {
        if !super::lexicon::is_ly_adverb(w.text(text)) {
            return None;
        }
        at += 1;
        w = next(text, ws, k)?;
        if !bare_verb(w.text(text)) {
            return None;
        }
    }
    let v = w.text(text);
    let after = next(text, ws, at).map(|n| n.text(text));
    let idiom = v == "date" || (matches!(v, "begin" | "start") && after == Some("with"));
    (!idiom).then_some(w)
}

/// "same" at `ws[i]` after a verb or preposition, before "as" or a noun, with no "the".
fn the_same(text: &str, ws: &[Word], i: usize) -> Option<Hit> {
    let w = ws[i];
    if w.text(text) != "same" {
        return None;
    }
    let before = prev(text, ws, i)?;
    let after = next(text, ws, i)?;
    let (b, a) = (before.text(text).to_lowercase(), after.text(text));
    let noun = || {
        is_all_lower(a)
            && word_metadata(a).is_some_and(|m| {
                m.is_noun() && !m.preposition && !m.is_determiner() && !m.is_conjunction()
            })
    };
    if !BEFORE_SAME.contains(&b.as_str()) || !(a == "as" || noun()) {
        return None;
    }
    Some(Hit {
        block: 0,
        range: w.start..w.end,
        rule: THE_SAME.into(),
        message: "\"same\" takes \"the\": \"the same\".".into(),
        replacements: vec!["the same".into()],
    })
}

/// A verb in its base form that is nothing else a modal's "to" could open ("to set", "to create";
/// not "to the", "to production").
fn bare_verb(word: &str) -> bool {
    is_all_lower(word)
        && word_metadata(word).is_some_and(|m| {
            m.is_verb()
                && m.is_verb_lemma()
                && !m.is_determiner()
                && !m.preposition
                && !m.is_pronoun()
        })
}

/// Is the word before the modal at `ws[i]` its subject: a personal pronoun, or a noun that is not
/// itself a modal's object ("the will to live": "will" is the noun)?
fn modal_subject(text: &str, ws: &[Word], i: usize) -> bool {
    let Some(s) = prev(text, ws, i) else {
        return false;
    };
    let subject = s.text(text).to_lowercase();
    if SUBJECT_PRONOUNS.contains(&subject.as_str()) {
        return true;
    }
    // "will", "can" and "may" are nouns and a month too: only a pronoun makes them modals for sure.
    let modal = ws[i].text(text);
    !matches!(modal, "will" | "can" | "may")
        && word_metadata(&subject).is_some_and(|m| {
            m.is_noun() && !m.is_determiner() && !m.is_adjective() && !m.preposition
        })
}

/// The words of the clause before `ws[i]`, nearest first: back to a sentence end or a clause mark.
fn clause_before<'a>(text: &'a str, ws: &'a [Word], i: usize) -> impl Iterator<Item = Word> + 'a {
    let mut k = i;
    std::iter::from_fn(move || {
        let cur = ws[k];
        let p = *ws.get(k.checked_sub(1)?)?;
        if text[p.end..cur.start].contains(['.', ',', ';', ':', '!', '?', '(', ')']) {
            return None;
        }
        k -= 1;
        Some(p)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixes(md: &str, rule: &str) -> Vec<(String, Vec<String>)> {
        let hits = crate::core::rules::hits_in(&FunctionWords, &[rule], md);
        hits.into_iter().map(|(_, text, r)| (text, r)).collect()
    }

    #[test]
    fn two_determiners_in_a_row_keep_one() {
        let got = fixes(
            "Use a command to convert the header into an a valid URL for the site.\n\n\
             Put the file in the `_layouts` folder for a the page layout you want.\n\n\
             The `Title` property is a method on a the `Page` object of the site.\n\n\
             Also consider how the this all fits into the roadmap for the project.\n\n\
             Teams want to employ a their own strategy when they deploy the service.\n\n\
             Keep the first logs of a level for a each interval of the sampling.\n",
            DOUBLE_DETERMINER,
        );
        assert_eq!(
            got,
            vec![
                ("an a".into(), vec!["a".into()]),
                ("a the".into(), vec!["the".into(), "a".into()]),
                ("a the".into(), vec!["the".into(), "a".into()]),
                ("the this".into(), vec!["this".into(), "the".into()]),
                ("a their".into(), vec!["their".into()]),
                ("a each".into(), vec!["each".into()]),
            ]
        );
    }

    #[test]
    fn across_a_line_break_the_fix_keeps_the_break() {
        let md = "Pulls try the queue first. Once the queue is empty, the\na new page is pulled.\n";
        let got = fixes(md, DOUBLE_DETERMINER);
        assert_eq!(
            got,
            vec![(" the\na ".into(), vec!["\na ".into(), " the\n".into()])]
        );
    }

    #[test]
    fn an_article_kept_is_chosen_by_the_next_sound() {
        let got = fixes(
            "They share an the same resolver in every cluster we run.\n",
            DOUBLE_DETERMINER,
        );
        assert_eq!(got, vec![("an the".into(), vec!["the".into()])]);
        let got = fixes(
            "Once the a device is allocated, the claim holds it for an hour.\n",
            DOUBLE_DETERMINER,
        );
        assert_eq!(got, vec![("the a".into(), vec!["a".into(), "the".into()])]);
    }

    #[test]
    fn a_capital_at_a_sentence_start_is_kept_on_the_word_that_stays() {
        let got = fixes(
            "No. The this KEP proposes extensions to an existing API.\n",
            DOUBLE_DETERMINER,
        );
        assert_eq!(
            got,
            vec![("The this".into(), vec!["This".into(), "The".into()])]
        );
    }

    #[test]
    fn names_variables_borrowed_phrases_and_mentions_are_left_alone() {
        let quiet = [
            "We compare the a priori estimate with the measured one in this test.\n",
            "Pass the a and b parameters to the function before you call it.\n",
            "The Option A the team picked is the default for new projects.\n",
            "In JavaScript the this depends on how a function is called.\n\n```js\nthis.state = 1;\n```\n",
            "Write \"a the\" only when you quote a slip like this one here.\n",
            "Use the article a or an, never the a before the same noun.\n",
            "Style the a element, press the a key in Vim, and read about the this keyword.\n",
        ];
        for md in quiet {
            assert_eq!(fixes(md, DOUBLE_DETERMINER), vec![], "{md}");
        }
    }

    #[test]
    fn a_sentence_about_articles_keeps_only_itself_quiet() {
        let got = fixes(
            "Publish articles on the blog. Then open a the page you wrote.\n",
            DOUBLE_DETERMINER,
        );
        assert_eq!(got, vec![("a the".into(), vec!["the".into(), "a".into()])]);
    }

    #[test]
    fn same_after_a_verb_or_preposition_takes_the() {
        let got = fixes(
            "The limit is same as the default one.\n\n\
             Requests can arrive at same time at different servers.\n\n\
             It counts both kinds of volumes of same type in the cluster.\n\n\
             Same as above, and the same as before, on the same node.\n\n\
             It offers same-origin checks and this same rule for all. The mode can be same or cross.\n",
            THE_SAME,
        );
        let the_same = || vec!["the same".to_owned()];
        assert_eq!(
            got,
            vec![
                ("same".into(), the_same()),
                ("same".into(), the_same()),
                ("same".into(), the_same()),
            ]
        );
    }

    #[test]
    fn to_after_a_modal_or_let_and_its_object_goes() {
        let got = fixes(
            "To enable this feature, you must to set the flag on every node.\n\n\
             The test should to create a Job which can catch a signal.\n\n\
             This lets you to use the resource detector in your own code.\n\n\
             We let the users to explicitly choose a node for each pod.\n",
            BARE_INFINITIVE,
        );
        assert_eq!(
            got,
            vec![
                ("to set".into(), vec!["set".into()]),
                ("to create".into(), vec!["create".into()]),
                (
                    "lets you to use".into(),
                    vec!["lets you use".into(), "allows you to use".into()]
                ),
                (
                    "let the users to explicitly choose".into(),
                    vec![
                        "let the users explicitly choose".into(),
                        "allow the users to explicitly choose".into()
                    ]
                ),
            ]
        );
    }

    #[test]
    fn let_at_a_sentence_start_and_a_line_break_after_to() {
        let got = fixes(
            "Let me to explain the setup first.\n\nTo enable it, you must to\nset the flag.\n",
            BARE_INFINITIVE,
        );
        assert_eq!(
            got,
            vec![
                (
                    "Let me to explain".into(),
                    vec!["Let me explain".into(), "Allow me to explain".into()]
                ),
                (" to\nset".into(), vec!["\nset".into()]),
            ]
        );
    }

    /// The modal stands for a verb left out, "would" is not read, "will" after "the" is a noun, an
    /// idiom keeps its "to", and a passive "let" has no object.
    #[test]
    fn a_modal_standing_for_a_verb_left_out_is_left_alone() {
        let quiet = [
            "A controller tries as hard as it can to make the status match the spec.\n",
            "We want to do what we can to make their jobs easier every day.\n",
            "The site requires more configuration work than it should to get up and running.\n",
            "Browsers correct invalid HTML where they can to ensure that pages still load.\n",
            "The test takes the exact steps a user would to interact with an element.\n",
            "He had the will to finish the work before the release was cut.\n",
            "Apply the same scrutiny you would to any code you run as root here.\n",
            "The room was let to a tenant while the owners were away from home.\n",
            "It will to date have run every night, and whether they could to begin with.\n",
            "Pass a string and let the function try to determine the radix from it.\n",
        ];
        for md in quiet {
            assert_eq!(fixes(md, BARE_INFINITIVE), vec![], "{md}");
        }
    }
}
