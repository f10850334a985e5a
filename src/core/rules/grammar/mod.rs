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

use super::dictionary::word_metadata;
use super::lexicon::{ADJECTIVES, COUNTABLE, UNCOUNTABLE, is_clear_verb, is_ly_adverb, is_verb};
use super::text::{Word, is_all_lower, is_all_upper, is_space, next, prev, starts_sentence};
use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use crate::core::markdown::BlockKind;

mod missing;
mod sound;

use missing::*;
use sound::*;

pub const ALLOW_TO: &str = "grammar.allow-to";

pub const ARTICLE: &str = "grammar.article";

/// The `grammar` family (own patterns).
pub struct Grammar;

impl Checker for Grammar {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![
            RuleInfo {
                link: None,
                id: ALLOW_TO.into(),
                severity: Severity::Warning,
                safety: Safety::Review,
                default_on: true,
                summary: "\"allow\"/\"enable\" followed by a bare verb (\"allows automatically find\")".into(),
                explain: "\"Allow\", \"enable\" and \"permit\" take an object and a to-infinitive: \"INC allows you to \
                          automatically find a better solution\", or a gerund: \"allows finding\". Followed directly by a bare \
                          verb (\"allows automatically find\") the sentence no longer says who does what, which is exactly \
                          where technical explanations of cause and effect go wrong.\n\
                          The first replacement adds \"you to\", the second only \"to\"; pick the one that fits, or name \
                          the real actor. Words that are also nouns (\"allows access\") are only flagged after an adverb, \
                          adjectives (\"allows completely secure provisioning\") only before their object, and \
                          \"permit\" only after \"it\", \"this\", \"that\", \"which\", \"who\" or \"also\" (\"work \
                          permits simply expire\" is the noun)."
                    .into(),
            },
            RuleInfo {
                link: None,
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
                          spellings that people say both ways (\"SQL\", \"FAQ\", and code's \"src\", \"cfg\" in lower case) are \
                          never flagged, nor are names in \"U\" no dictionary knows, said as their owners say them \
                          (\"a UnoCSS preset\", \"an Umbraco site\"), nor camel case that opens with an abbreviation \
                          said as letters or as its word (\"an httpOnly cookie\", \"a fsType\"). A quoted word counts as written (a \
                          \"Open Recent\" menu -> an \"Open Recent\" menu).\n\
                          3. Inline code named by a singular noun after it, with no article: \"use `--force` flag\" -> \
                          \"use the `--force` flag\", \"set `minDomains` field\" -> \"set the `minDomains` field\". \
                          Only after a preposition or one of a few verbs (use, set, call, pass, run), only before \
                          nouns that name a thing in code (flag, option, field, method, …).\n\
                          4. \"For example of …\" -> \"For an example of …\".\n\
                          5. \"an\" where no article can stand is a slip: of \"and\" before a word that never \
                          follows an article (\"unsafe an hence\"), between a word and its negation (\"named an \
                          unnamed\") or before a phrase that repeats the word before it (\"C code an Rust code\"); of \
                          \"can\" after a subject (\"You an also scale out\")."
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
            // English grammar reads English blocks only (not a quoted translation, nor placeholder
            // Latin: "Molestie a iaculis at erat").
            if !doc.block_is_english(b) {
                continue;
            }
            let text = block.text.as_str();
            let ws = doc.words(b);
            // A table cell is a fragment, often a quoted title ("allow define it as a variable").
            if allow && block.kind != BlockKind::TableCell {
                allow_to(b, text, ws, out);
            }
            if article {
                there_is_article(b, text, ws, out);
                let first = out.len();
                a_or_an(b, text, ws, out);
                // In a code sample's comment, an "a" the code names is that variable ("-- orders by
                // b, then a ascending" beside `CREATE TABLE ab(a INT, b INT)`), no article.
                if block.kind == BlockKind::CodeComment
                    && out[first..]
                        .iter()
                        .any(|h| opens_with_a(&text[h.range.clone()]))
                    && code_names_a(doc, b)
                {
                    let mut tail = out.split_off(first);
                    tail.retain(|h| !opens_with_a(&text[h.range.clone()]));
                    out.append(&mut tail);
                }
                code_noun_article(doc, b, out);
                for_example_of(b, text, ws, out);
            }
        }
    }
}

/// Does a finding's text open with the article "a" (not "an")?
fn opens_with_a(flagged: &str) -> bool {
    flagged.split_whitespace().next() == Some("a")
}

/// Does the code of the fenced block that comment block `b` is in use `a` as a name of its own (a
/// column, a variable: `ab(a INT, b INT)`, `let a = 1`), outside its comments? Not a flag (`ls -a`),
/// an HTML tag (`<a href>`), a lifetime or anything in quotes on its line (`open(p, "a")`).
fn code_names_a(doc: &DocProse<'_>, b: usize) -> bool {
    let block = &doc.prose.blocks[b];
    let Some(at) = block.to_source_lossy(0..block.text.len()) else {
        return false;
    };
    let Some(fence) = doc
        .prose
        .code
        .iter()
        .find(|r| r.start <= at.start && at.end <= r.end)
    else {
        return false;
    };
    let file = doc.file;
    let word = |c: char| c.is_alphanumeric() || c == '_';
    file[fence.clone()].match_indices('a').any(|(i, _)| {
        let at = fence.start + i;
        let line = &file[file[..at].rfind('\n').map_or(0, |n| n + 1)..at];
        let quoted = line.matches('"').count() % 2 == 1 || line.matches('\'').count() % 2 == 1;
        !file[..at]
            .chars()
            .next_back()
            .is_some_and(|c| word(c) || "-</'\"".contains(c))
            && !file[at + 1..].chars().next().is_some_and(word)
            && !quoted
            && !doc.prose.comment_text.iter().any(|c| c.contains(&at))
    })
}

/// "a" or "an" before `word`, by its sound, when that is clear ("an hour", "a URL").
pub(crate) fn indefinite_article(word: &str) -> Option<&'static str> {
    Some(match sound_of(word)? {
        Sound::Vowel => "an",
        Sound::Consonant => "a",
    })
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
        // "permit" is as often the noun ("work permits automatically add a stage", "those permits
        // simply rank last"): any form of it is a verb only after its subject's pronoun ("which
        // permits") or "also".
        if trigger.starts_with('p')
            && !prev(text, ws, i).is_some_and(|p| {
                matches!(
                    lower(text, p).as_str(),
                    "it" | "this" | "that" | "which" | "who" | "also"
                )
            })
        {
            continue;
        }
        // "/allow add the model": a command.
        if text[..ws[i].start].ends_with(['/', '-', '`']) {
            continue;
        }
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
        // An adverb, and only that: "nightly" and "weekly" are adjectives too ("enable nightly
        // support to compile").
        let adverb = is_ly_adverb(first)
            && first.chars().all(char::is_alphabetic)
            && word_metadata(first).is_none_or(|m| !m.is_adjective() && !m.is_noun());
        let verb = if adverb {
            match next(text, ws, i + 1) {
                // "allows completely secure provisioning", "allow fully free candidates": after an
                // adverb, a word that is an adjective too acts only when its object or a preposition
                // follows ("allowing seamlessly switch to").
                Some(w2)
                    if is_all_lower(w2.text(text))
                        && is_verb(w2.text(text))
                        && (word_metadata(w2.text(text)).is_none_or(|m| !m.is_adjective())
                            || object_follows(text, ws, i + 2)
                            || next(text, ws, i + 2).is_some_and(|w| {
                                matches!(
                                    lower(text, w).as_str(),
                                    "to" | "from" | "into" | "with" | "between" | "across" | "over"
                                )
                            })) =>
                {
                    w2
                }
                _ => continue,
            }
        } else if direct_ok && is_clear_verb(first) && object_follows(text, ws, i + 1) {
            w1
        } else {
            continue;
        };
        // A word joined to the next by a hyphen is a modifier ("allows read-only access"); one that is
        // an adjective too, or ends a list item before a comma, describes rather than acts ("enables
        // truly open, multi-cloud clusters").
        let tail = &text[verb.end..];
        if tail.starts_with(['-', ',', '/']) || ADJECTIVES.contains(verb.text(text)) {
            continue;
        }
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
    fn an_a_the_code_names_is_no_article_in_its_comments() {
        let how = crate::core::markdown::Reading {
            comments: true,
            ..Default::default()
        };
        let hits = |md: &str| -> Vec<String> {
            crate::core::rules::hits_in_read(&Grammar, &[ARTICLE], md, how)
                .into_iter()
                .map(|(_, t, _)| t)
                .collect()
        };
        let column = "```sql\nCREATE TABLE ab(a INT, b INT);\n\
                      SELECT * FROM ab ORDER BY b, a; -- orders by b, then a ascending order\n\
                      -- and this is an test of the order\n```\n";
        // "an" there is still an article.
        assert_eq!(hits(column), ["an test"]);
        // Without `a` in the code (only in a word, or in another comment) it is an article.
        let article = "```sql\nCREATE TABLE data(b INT, amount INT); -- a table\n\
                       SELECT * FROM data; -- orders by b, then a ascending order\n```\n";
        assert_eq!(hits(article), ["a ascending"]);
        // A flag, a tag or a string is no name.
        for code in ["ls -a", "<a href=\"x\">y</a>", "echo \"x a y\""] {
            let md = format!("```sh\n{code} # orders by b, then a ascending order\n```\n");
            assert_eq!(hits(&md), ["a ascending"], "{md}");
        }
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
        assert_eq!(
            fixes("A class which permits simply connect to it.\n"),
            vec![pair(
                "permits simply connect",
                "permits you to simply connect"
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
            "Allows read-only access to the bucket.",
            "It enables truly open, multi-cloud Kubernetes.",
            "The flag will enable nightly support to compile tests.",
            "| PR | Title |\n|---|---|\n| #1 | allow define it as a variable |",
            "This allows use of the cache.",
            "Policies allow create persistentvolumes.",
            "It allows unset, RuntimeDefault and Localhost.",
            "High-risk work permits automatically add a stage.",
            "Those permits simply rank last.",
            "A backend allows completely secure provisioning.",
            "Allow fully free candidates to be chosen.",
            "Run /allow add the model to retry.",
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
        // "a other" is "another" run apart; "an other" comes second.
        assert_eq!(run("Pick a other one.\n")[0].2, ["another", "an other"]);
        assert_eq!(
            fixes("A example follows.\n"),
            vec![pair("A example", "An example")]
        );
        assert_eq!(
            fixes("Send a HTTP request.\n"),
            vec![pair("a HTTP", "an HTTP")]
        );
        assert_eq!(fixes("Open an URL.\n"), vec![pair("an URL", "a URL")]);
        // Two letters are still an acronym when they differ.
        assert_eq!(fixes("Open a XML file.\n"), vec![pair("a XML", "an XML")]);
        assert_eq!(fixes("Run a NN on a GPU.\n"), vec![pair("a NN", "an NN")]);
        assert_eq!(fixes("Use an WWW server.\n"), vec![pair("an WWW", "a WWW")]);
        assert_eq!(
            fixes("Use a 8-bit type.\n"),
            vec![pair("a 8-bit", "an 8-bit")]
        );
        assert_eq!(
            fixes("Build a MXNet model.\n"),
            vec![pair("a MXNet", "an MXNet")]
        );
        assert_eq!(fixes("On a iOS device.\n"), vec![pair("a iOS", "an iOS")]);
        assert_eq!(fixes("Save a MGR file.\n"), vec![pair("a MGR", "an MGR")]);
        // "ll" and "mn" open words said as one sound before a vowel, letters before a consonant.
        assert_eq!(
            fixes("Run an llamafile.\n"),
            vec![pair("an llamafile", "a llamafile")]
        );
        assert_eq!(
            fixes("Write a llvm pass.\n"),
            vec![pair("a llvm", "an llvm")]
        );
        // A longer word before an ellipsis is whole.
        assert_eq!(
            fixes("Loading a image…\n"),
            vec![pair("a image", "an image")]
        );
        // A quoted word is said as it is written.
        assert_eq!(
            fixes("It is a \"Open Recent\" menu with an 'Exit' item.\n"),
            vec![pair("a \"Open", "an \"Open")]
        );
        // A known word in "u", a prefix "un-" or "up-" and a name in camel case keep their sound.
        assert_eq!(
            fixes("Drop a unused import, a unmarshal error and a UpDownCounter.\n"),
            vec![
                pair("a unused", "an unused"),
                pair("a unmarshal", "an unmarshal"),
                pair("a UpDownCounter", "an UpDownCounter")
            ]
        );
    }

    /// Where no article can stand, "an" is a slip for "and" (or "can" after a subject), and "a" would
    /// be the wrong fix; elsewhere it is an article, right or wrong by the next sound.
    #[test]
    fn an_that_joins_two_words_is_and() {
        for (md, want) in [
            (
                "You can't mix named an unnamed parameters.\n",
                Some(("an", "and")),
            ),
            ("It is a mix of C code an Rust code.\n", Some(("an", "and"))),
            (
                "They are object unsafe an hence placed apart.\n",
                Some(("an", "and")),
            ),
            ("Build it an then run it.\n", Some(("an", "and"))),
            ("You an also scale out.\n", Some(("an", "can"))),
            ("It shows an still image.\n", Some(("an still", "a still"))),
            ("Add an user list.\n", Some(("an user", "a user"))),
            (
                "Open an tsConfig file.\n",
                Some(("an tsConfig", "a tsConfig")),
            ),
            ("Take an intake survey.\n", None),
            ("Post an SO answer.\n", None),
            ("It is an unnamed value.\n", None),
            ("Give the user an idea.\n", None),
            ("It fails by using an not existing API.\n", None),
        ] {
            let want: Vec<(String, String)> = want.map(|(a, b)| pair(a, b)).into_iter().collect();
            assert_eq!(fixes(md), want, "{md}");
        }
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
            // Camel case in lower case opening with an abbreviation, said as letters or as its word
            // ("an httpOnly cookie", "a fsType": "file system type"); with a vowel, as a word.
            "an httpOnly cookie, a httpOnly cookie, an fsGroup, a fsType, a useState call, an onClick",
            "a tsConfig file, a llamaIndex engine, a pkgName",
            // A placeholder of one letter again and again stands for a value said otherwise.
            "a \"XX elements updated\" notice, an XX value, a NNN code, a YYYY-MM-DD date",
            // Placeholder Latin is no English.
            "Cursus turpis massa tincidunt dui ut. Nulla pharetra diam sit amet nisl suscipit \
             adipiscing bibendum est. Et netus et malesuada fames. Nisl nisi scelerisque eu ultrices \
             vitae auctor eu augue ut. Molestie a iaculis at erat pellentesque adipiscing.",
            "a REST API, a RAM disk, a NOTE, a README",
            "a Svelte frontend, a svelte component",
            "a llama, a llamafile, a Lloyd's policy, a mnemonic, an llvm pass, an LLM",
            // A word cut short.
            "a process requiring a s… | an object of a us...",
            "an mnist model",
            "choose type A or B; option a or b",
            "a.k.a. the thing",
            "in HTML, \\<a href=\"URL\">Text\\</a>.",
            "a `code` span and an <b>html</b> tag",
            "a src folder, an src folder, a \"src-*\" folder, a msg queue",
            "an \"Open Recent\" menu, a \"Close\" item, the letters \"a\" \"o\" and \"an\" \"u\"",
            "an 11-bit field, an 18 GB disk, a 1 GB file",
            // Unsure: a vowelless abbreviation read as a word or as letters, an unknown word in "u".
            "a MsgProto message, an MsgProto message, a CfgLoader, an XmlReader",
            "urna rutrum a. Nam vehicula nunc mauris, a ultricies libero",
            // A name in "U" no dictionary knows is said as its owners say it.
            "a UnoCSS preset, an UnoCSS preset, an Umbraco site, a Umbraco site",
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
        // An adverb before the verb opens no noun phrase unless an article stands right before it.
        for (md, word) in [
            ("You can quickly set `minDomains` field.\n", "set"),
            ("Start the app quickly with `--debug` flag.\n", "with"),
            ("Do all of this, quickly set `minDomains` field.\n", "set"),
            ("Read this quickly; set `minDomains` field.\n", "set"),
        ] {
            assert_eq!(fixes(md), [pair(word, &format!("{word} the"))], "{md}");
        }
        // A verb or a word that opens the next part ends the noun phrase.
        assert_eq!(
            fixes("Start it with `x` option instead, or with `--debug` flag build it.\n"),
            [pair("with", "with the"), pair("with", "with the")]
        );
        // A list item that is a sentence still needs one.
        assert_eq!(
            fixes("- Setup scripts are included as test cases with `kind` property.\n"),
            [pair("with", "with the")]
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
            // The noun heads a compound ("method usage", "field syntax"), and tables are terse.
            "Here is an example of `Actor::start()` method usage.",
            "There are two types of `load` function, and any sort of `cfg` attribute.",
            // A list item in note style: no article in it, no full stop.
            "- `enhanceAppFiles`: removed, use `clientConfigFile` hook\n- Fixed error in `x` header",
            "For `\"id\"` field syntax, see the reference.",
            // An article opens the phrase the participle is in.
            "It needs a correctly set `Host` header to work.",
            // A noun by its ending or the noun lists: "endpoint selection", "header size".
            "The value is hashed and used for `kv` endpoint selection.",
            "Set it with `x` header latency in mind, or with `y` option timeout in mind.",
            "| Grouping | Via `distinct` parameter |\n|---|---|\n| a | b |",
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
