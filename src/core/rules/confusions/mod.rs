//! `grammar.confused-words`: a real word written for another that sounds or looks like it ("it's own",
//! "more then", "as shown bellow", "should of", "has ran"). The dictionary knows both words, so spelling
//! cannot see the slip; only the words around it can. Each pattern here names the neighbours that make
//! the slip certain, and leaves every other use of the word alone: "then" is flagged after "more", never
//! on its own; "its" before "a" or "not", never before a noun.

use super::misspellings::match_case;
use super::text::{Word, next, prev, sentence_around};
use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use std::borrow::Cow;
use std::ops::Range;

mod context;
mod judge;
mod phrases;
use judge::{confusable, judge};

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
                      \"you're own\", \"there own\" -> \"your own\", \"their own\"; \"in you config file\", \"in you \
                      `.travis.yml`\" and \"in you config.yml\" -> \"your\";\n\
                      - then / than: \"more then\", \"rather then\", \"less then\", \"cheaper then\", \
                      \"more often then\" -> \"than\"; \"since than\", \
                      \"Than run\" at a sentence start and \"If it is empty, than run it\" -> \"then\";\n\
                      - \"as shown bellow\" -> \"below\", \"boarder\" -> \"border\", \"should of\" -> \"should have\", \
                      \"weather or not\" / \"check weather\" -> \"whether\", \"will loose data\" -> \"lose\", \
                      \"in principal,\" -> \"in principle\", \"no affect on\" -> \"effect\", \"the affects of\" \
                      and \"Affects on\" opening a sentence -> \"effects\", \"to chose\" -> \
                      \"choose\", \"has ran\" -> \"has run\", \"has also seem\" -> \"seen\", \"was build with\" \
                      and \"is build from\" -> \"built\", \"They though that\" -> \"thought\", \"the only think \
                      that\" -> \"thing\", \"sneak peak\" -> \
                      \"peek\", \"free reign\" -> \"rein\", \"per say\" -> \"per se\", \"is therefor harmless\" and \
                      \"Therefor,\" -> \"therefore\" (the legal \"payment therefor\" stays), \"copy & past\" \
                      and \"copy-past\" -> \"paste\", \"either or them\" -> \"either of\", \"In other to \
                      build\" -> \"In order to\", \"we're exited to\" -> \"excited\", \"are interesting in \
                      contributing\" -> \"interested\", \"You van even\" -> \"can\", \"can bee seen\" -> \"be\", \
                      \"Se the guide\" -> \"See\", \"Linux, Window and macOS\" -> \"Windows\" (\"the Window \
                      menu\" and \"X Window\" stay);\n\
                      - if / it / they / not, where a sentence has lost a word's place: \"If is set\" -> \"If \
                      it\" (or \"It\"), \"It you use it\" or \"I you use it\" -> \"If\", \"The have been \
                      fixed\" -> \"They\", \"this is no the only one\", \"we are no using it\" or \"it will no show\" -> \"not\", \"the method in not available\" -> \"is\".\n\
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
            // A block's inline code, gathered once, when first asked.
            let mut code: Option<Vec<Range<usize>>> = None;
            for i in 0..ws.len() {
                // Most words are none of the confusable ones: no neighbours to gather for them.
                if !confusable(ws[i].text(text)) {
                    continue;
                }
                // Inline code matters only after "you" ("in you `.travis.yml`"): "in" and "or" are in
                // most blocks, and their code need not be gathered.
                let code: &[Range<usize>] = if ws[i].text(text).eq_ignore_ascii_case("you") {
                    code.get_or_insert_with(|| doc.inline_code(b).collect())
                } else {
                    &[]
                };
                let comment = block.kind == crate::core::markdown::BlockKind::CodeComment;
                let Some((fix, why)) = judge(&Around::new(text, ws, i, code, comment)) else {
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

/// Does `rest` (the text after a word) hold a file name's extension: a dot and two to five lower-case
/// letters, then no more letters (".yml" of "config.yml", not ".Then" of a missing space)?
fn file_extension(rest: &str) -> bool {
    let Some(ext) = rest.strip_prefix('.') else {
        return false;
    };
    let n = ext.len()
        - ext
            .trim_start_matches(|c: char| c.is_ascii_lowercase())
            .len();
    (2..=5).contains(&n) && !ext[n..].starts_with(|c: char| c.is_alphanumeric())
}

/// `word` in lower case with a curly apostrophe made straight, borrowed when it is so already.
fn lower(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else if word.is_ascii() {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Owned(word.to_lowercase().replace('\u{2019}', "'"))
    }
}

/// A word and its neighbours (lower case, curly apostrophes made straight); a neighbour is `None`
/// unless only white space separates it from the word. A word already in lower-case ASCII is borrowed
/// from the text, as most are: a frequent confusable word ("to", "is", "the") costs no allocation.
struct Around<'a> {
    before2: Option<Cow<'a, str>>,
    before: Option<Cow<'a, str>>,
    word: Cow<'a, str>,
    after: Option<Cow<'a, str>>,
    /// The word after that one (lower case), when only white space separates them.
    after2: Option<Cow<'a, str>>,
    /// Is the next word written in lower case (not "A" of a DNS record, not "CAN" of a bus)?
    after_lower: bool,
    /// Does a clause end right after the next word (a stop, a comma, a closing bracket, the text's
    /// end: "it's purpose, along with", "it's use.")?
    after_stop: bool,
    /// Does a sentence start at the word (nothing or a full stop, `!`, `?` or `:` before it)?
    starts: bool,
    /// Is the word written with a capital, as at a sentence start?
    capital: bool,
    /// Is it written with a capital and the rest in lower case ("If", not "IF" of a spreadsheet)?
    title: bool,
    /// Does inline code follow after white space ("in you `.travis.yml`")?
    after_code: bool,
    /// Is the next word the stem of a file name ("config" of "in you config.yml")?
    after_file: bool,
    /// The word before, whatever stands between (lower case: "copy" in "copy & past"), and what stands
    /// between, trimmed ("&").
    prior: Option<Cow<'a, str>>,
    gap: &'a str,
    /// The first word of the sentence (lower case; only for "than" and "then", whose patterns ask for
    /// it).
    opener: Option<Cow<'a, str>>,
    /// Does another operating system's name stand within four words ("Linux, Window and macOS";
    /// only for "Window")?
    beside_os: bool,
    /// Is the word in a code block's comment, where nouns are often the code's names ("// If it's
    /// nil")?
    comment: bool,
}

impl<'a> Around<'a> {
    fn new(text: &'a str, ws: &[Word], i: usize, code: &[Range<usize>], comment: bool) -> Self {
        let norm = |w: Word| lower(w.text(text));
        let before = prev(text, ws, i);
        let before2 = before.and_then(|_| prev(text, ws, i - 1));
        let after = next(text, ws, i);
        let after2 = after.and_then(|_| next(text, ws, i + 1));
        let lead = text[..ws[i].start].trim_end();
        let prior = i.checked_sub(1).map(|p| ws[p]);
        let rest = &text[ws[i].end..];
        let code_at = ws[i].end + (rest.len() - rest.trim_start().len());
        let word = norm(ws[i]);
        Around {
            after_code: rest.starts_with(char::is_whitespace)
                && code.iter().any(|r| r.start == code_at),
            after_file: after.is_some_and(|w| file_extension(&text[w.end..])),
            prior: prior.map(norm),
            gap: prior
                .map(|p| text[p.end..ws[i].start].trim())
                .unwrap_or_default(),
            opener: (word == "than" || word == "then").then(|| {
                let s = sentence_around(text, ws[i].range()).start;
                ws.iter()
                    .find(|w| w.start >= s)
                    .map(|w| norm(*w))
                    .unwrap_or_default()
            }),
            beside_os: ws[i].text(text) == "Window" && {
                let near = &ws[i.saturating_sub(4)..(i + 5).min(ws.len())];
                near.iter().any(|w| {
                    matches!(
                        w.text(text),
                        "Linux"
                            | "macOS"
                            | "MacOS"
                            | "Mac"
                            | "OSX"
                            | "Unix"
                            | "Ubuntu"
                            | "iOS"
                            | "Android"
                            | "FreeBSD"
                            | "Debian"
                    )
                })
            },
            comment,
            before2: before2.map(norm),
            before: before.map(norm),
            word,
            after: after.map(norm),
            after2: after2.map(norm),
            after_lower: after.is_some_and(|w| !w.text(text).chars().any(char::is_uppercase)),
            after_stop: after.is_some_and(|w| {
                let rest = &text[w.end..];
                let mut cs = rest.chars();
                match cs.next() {
                    None => true,
                    Some('.' | ',' | '?' | '!' | ';' | ':' | ')') => {
                        cs.next().is_none_or(char::is_whitespace)
                    }
                    Some(_) => false,
                }
            }),
            starts: lead.is_empty() || lead.ends_with(['.', '!', '?', ':']),
            capital: ws[i].text(text).starts_with(|c: char| c.is_uppercase()),
            title: {
                let mut cs = ws[i].text(text).chars();
                cs.next().is_some_and(char::is_uppercase) && !cs.any(char::is_uppercase)
            },
        }
    }

    /// Is the word before `prior`, with only `gaps` between ("copy" and "&" or "/" before "past")?
    fn prior_is(&self, prior: &str, gaps: &[&str]) -> bool {
        self.prior.as_deref() == Some(prior) && gaps.contains(&self.gap)
    }

    fn before_in(&self, set: &[&str]) -> bool {
        self.before.as_deref().is_some_and(|w| set.contains(&w))
    }

    fn before2_in(&self, set: &[&str]) -> bool {
        self.before2.as_deref().is_some_and(|w| set.contains(&w))
    }

    fn after2_in(&self, set: &[&str]) -> bool {
        self.after2.as_deref().is_some_and(|w| set.contains(&w))
    }

    fn after_in(&self, set: &[&str]) -> bool {
        self.after.as_deref().is_some_and(|w| set.contains(&w))
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
    fn a_confusable_word_is_known_in_any_case_and_with_either_apostrophe() {
        for w in [
            "its",
            "ITS",
            "It\u{2019}s",
            "it's",
            "Than",
            "ran",
            "Side-Affects",
        ] {
            assert!(confusable(w), "{w}");
        }
        for w in [
            "itself",
            "it\u{2019}ss",
            "tha",
            "\u{e9}s",
            "side-affects-and-effects",
            "",
        ] {
            assert!(!confusable(w), "{w}");
        }
        assert_eq!(lower("It\u{2019}s"), "it's");
        assert_eq!(lower("THAN"), "than");
        assert!(matches!(lower("than"), Cow::Borrowed("than")));
        assert_eq!(lower("\u{c9}t\u{c9}"), "\u{e9}t\u{e9}");
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
    fn a_conditions_then_after_a_range_is_left_alone() {
        // "17 or higher" is a range; the "then" that follows opens the condition's result.
        let md = "If the value is 17 or higher then it is an error. When it is 2.0 or newer then \
                  the server runs it.\n\nIt is higher then the old one, or higher then that. If \
                  latency is higher or lower then expected, alert.\n";
        assert_eq!(
            run(md),
            pairs(&[("then", "than"), ("then", "than"), ("then", "than")])
        );
    }

    #[test]
    fn its_is_left_where_its_fix_would_leave_the_clause_without_a_verb() {
        // "own" as the clause's verb, and "it is" of a passive after a preposition.
        let md = "It scales every resource that it\u{2019}s own. Each is part of it's packaged \
                  using internal types, and none of it's deployed.\n";
        assert_eq!(run(md), Vec::<(String, String)>::new());
        // The possessive is still asked for where a noun follows.
        let md = "It keeps every resource that it's own configuration names. The files in it's \
                  compiled form are small. Part of it's own packaged tools. The size of it's \
                  compiled Qwzbin is small.\n";
        assert_eq!(
            run(md),
            pairs(&[
                ("it's", "its"),
                ("it's", "its"),
                ("it's", "its"),
                ("it's", "its")
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
    fn a_thing_it_or_you_owns_and_a_participle_after_be_are_flagged() {
        let md = "It's size is set here. The proxy keeps it's container small. It had it's schema changed. It's screen is dark. If you repository is \
                  stuck, restart. The script is designed to be ran once, and it was wrote before.\n";
        assert_eq!(
            run(md),
            pairs(&[
                ("It's", "Its"),
                ("it's", "its"),
                ("it's", "its"),
                ("It's", "Its"),
                ("you", "your"),
                ("ran", "run"),
                ("wrote", "written"),
            ])
        );
        // "It is" before a value, an adverb, a mass, a noun that is a verb without a verb after it,
        // or a participle; "you" before a noun that is a verb; a comment's names; "was broke".
        let fine = "If it's nil, stop. It's seven letters long. It's thus critical. It's overkill \
                    here. It's time to go. It's example here. Whether \
                    it's safe is unclear. It's information, not code. What you record is kept. The way it's run is odd. What you need is here. What \
                    you see is what you get. The team was broke.\n";
        assert_eq!(run(fine), Vec::<(String, String)>::new());
        // A code block's comment names the code's things as nouns ("// If it's nil"): left alone.
        let comment = "```go\n// If it's size is zero, stop here\n// If you repository is empty, stop\nx := 1\n```\n";
        let reading = crate::core::markdown::Reading {
            comments: true,
            ..Default::default()
        };
        assert!(
            crate::core::rules::hits_in_read(&Confusions, &[RULE], comment, reading).is_empty()
        );
        let prose = "If it's size is zero, stop here. If you repository is empty, stop.\n";
        assert_eq!(run(prose).len(), 2);
    }

    #[test]
    fn it_s_before_a_thing_it_owns_as_an_object_is_its() {
        let md = "To reduce it's size, strip it. The form and it's methods. The terminal will start \
                  it's work, pausing. It is dated, but it's examples are clear. We rely for it's \
                  ability to run on a flag.\n";
        assert_eq!(run(md), pairs(&[("it's", "its"); 5]));
        // "It is" before a thing it is: a plural, a mass or a noun that is also a verb, where "it"
        // is the subject ("If it's tests", after a conjunction, at a sentence's start); "time".
        let fine = "If it's tests, it drifts. Oh, it's traces, of course. It's vibes. It looked \
                    nice, but it's backwards, as shown. It's product. Whether it's failures or \
                    not, we log it. It's emulation, not adherence. Now it's time. Is it code? No, \
                    it's data. It's work in progress. I think it's time. We know it's data, and \
                    we saw it's building, then stopped. Upgrade when you see it's time. Ask \
                    whether the team sees it's code review that slows it.\n";
        assert_eq!(run(fine), Vec::<(String, String)>::new());
    }

    #[test]
    fn let_before_a_verb_and_its_object_and_slipped_set_phrases_are_flagged() {
        let md = "Let try it! So let take a look. Keep is mind that it can wreck havoc. Please not \
                  that it runs. How to you load it? It can be use to run.\n";
        assert_eq!(
            run(md),
            pairs(&[
                ("Let", "Let's"),
                ("let", "let's"),
                ("is", "in"),
                ("wreck", "wreak"),
                ("not", "note"),
                ("to", "do"),
                ("use", "used"),
            ])
        );
        let fine = "Let time pass. Let go of the key. Let go the rope. Let x be the set. Let us \
                    start. Let the PR run. Let users decide. Let developers through the gate. Then \
                    let it run. The key is mind-blowing. The word keep is a verb. Wreck the car. \
                    Please note that it runs. It is not that slow. How to use it. See how to help \
                    fix it. It is used to run. The rest is to use it. Tools we use to build it.\n";
        assert_eq!(run(fine), Vec::<(String, String)>::new());
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
    fn a_participle_a_noun_a_comparison_or_a_negation_in_another_word_s_place_is_flagged() {
        let md = "Hugo is build from source. It fails far more often then it runs, and it is \
                  cheaper then the old one. The project has also seem growth. They though that it \
                  was fine. The only think that matters is speed. Errors will no show in the log.\n";
        assert_eq!(
            run(md),
            pairs(&[
                ("build", "built"),
                ("then", "than"),
                ("then", "than"),
                ("seem", "seen"),
                ("though", "thought"),
                ("think", "thing"),
                ("no", "not"),
            ])
        );
        let fine = "All you need to do is build from source. Crashes were more likely then than \
                    now, and ran more often then than today. Divide it by the number then by two. It \
                    runs even though it is slow. The attacker then sends a request; divide by the number then use the rest. \
                    Save it and later then restart it; do it later then it runs. Things seem fine and they seem to work. \
                    They, though, stay. You only think of it, and some think that it is slow. It \
                    will no longer show, it will no doubt fail, and it can do no harm.\n";
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
        let fine = "It is sent to you first. You developers are lucky. We built it for you developers, for you all, with you \
                    today, and it comes to you free of charge, made for you using a tool. Is it on you? Thanks to you, it runs \
                    in you and me. Each one you intend to you use. Once logged in you can start; \
                    from now on you will see it, and after signing in you need nothing.\n";
        assert_eq!(run(fine), Vec::<(String, String)>::new());
    }

    #[test]
    fn a_word_slipped_inside_a_phrase_is_flagged_where_the_phrase_shows_it() {
        let md = "The build happens in you `.travis.yml` file, as defined in you config.yml. It runs \
                  on Linux, Window and macOS. The method in not available here. If the cache is \
                  empty, than they rebuild it. Copy & past the lines, then copy and past more. When \
                  either or them is missing, it fails. In other to build it, run this. We're \
                  exited to announce it, and we are exited about it. If you are interesting in \
                  contributing, read on. You van even run it twice. The lists can bee seen below. \
                  Se the guide for more.\n";
        assert_eq!(
            run(md),
            pairs(&[
                ("you", "your"),
                ("you", "your"),
                ("Window", "Windows"),
                ("in", "is"),
                ("than", "then"),
                ("past", "paste"),
                ("past", "paste"),
                ("or", "of"),
                ("other", "order"),
                ("exited", "excited"),
                ("exited", "excited"),
                ("interesting", "interested"),
                ("van", "can"),
                ("bee", "be"),
                ("Se", "See"),
            ])
        );
        let fine = "It sends them to you `user` by mail, and thanks you.Then it stops. It runs the X \
                    Window System on Linux; open the Window menu on macOS. Window sizes on Linux \
                    differ. On Linux, close the Window or press Esc. It is interested in not \
                    paying and results in not only speed but size; \
                    run it in not older version than this. If it runs longer, than the old one does, \
                    it fails. Copy past versions. Use either or both of them. In other words, \
                    run it. The loop was exited to the caller. The results are interesting in \
                    that way. Drive the van to the shop. A bee can sting. Per se.\n";
        assert_eq!(run(fine), Vec::<(String, String)>::new());
    }
}
