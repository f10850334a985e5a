//! Sentence mechanics reviewers fix by hand, with patterns that cannot be English:
//!
//! - `grammar.sentence-spacing`: no space after a full stop ("an external package.This would") → ". ";
//! - `grammar.capital-after-comma`: a function word capitalised after a comma ("In the above code, The
//!   first focus") → lower case, or a full stop where the comma joins two sentences;
//! - `markup.code-spacing`: inline code glued to a word ("the `entryPoints`option") → a space between
//!   (two spaces beside code are one once rendered: nothing a reader sees);
//! - `grammar.final-period`: a paragraph whose other sentences end with full stops, but not its last;
//! - `grammar.double-capital`: a Shift key held a letter too long ("THe current design") → "The".

use super::text::{is_all_lower, words};
use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use crate::core::markdown::PLACEHOLDER;

pub const SENTENCE_SPACING: &str = "grammar.sentence-spacing";
pub const CAPITAL_AFTER_COMMA: &str = "grammar.capital-after-comma";
pub const CODE_SPACING: &str = "markup.code-spacing";
pub const FINAL_PERIOD: &str = "grammar.final-period";
pub const DOUBLE_CAPITAL: &str = "grammar.double-capital";

/// Words that open a phrase or clause a comma closes before the sentence's own subject ("In the
/// above code, the first …", "If it fails, it retries"), split at white space: asked once per finding.
const OPENS_A_PHRASE: &str = "if when whenever while once after before although though because \
     since unless until as in on at for with without by to from during instead however otherwise also then now here \
     so but and or note first next optionally based depending like unlike similar similarly \
     besides moreover furthermore therefore nevertheless currently today";

/// Words that start a clause, never a name: capitalised after a comma, they are a slip.
const FUNCTION_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "These",
    "Those",
    "It",
    "Its",
    "We",
    "Our",
    "You",
    "Your",
    "They",
    "Their",
    "There",
    "Then",
    "If",
    "When",
    "While",
    "But",
    "And",
    "Or",
    "So",
    "For",
    "To",
    "In",
    "On",
    "With",
    "As",
    "Which",
    "What",
    "That",
    "Is",
    "Are",
    "Some",
    "Each",
    "Every",
    "Since",
    "Because",
    "Although",
    "Otherwise",
    "However",
    "Therefore",
];

pub struct Sentences;

impl Checker for Sentences {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![
            RuleInfo {
                link: None,
                id: SENTENCE_SPACING.into(),
                severity: Severity::Warning,
                safety: Safety::Safe,
                default_on: true,
                summary: "No space after a full stop between two sentences (\"package.This\")".into(),
                explain: "Flags a full stop with no space before the next sentence: \"an external package.This would \
                          …\" → \"package. This\". Only a lower-case word, a full stop and a capitalised word count, \
                          so names (ASP.NET), abbreviations (e.g.) and code (System.IO) are left alone. The fix adds \
                          the space and is safe to apply in batch."
                    .into(),
            },
            RuleInfo {
                link: None,
                id: CAPITAL_AFTER_COMMA.into(),
                severity: Severity::Warning,
                safety: Safety::Review,
                default_on: false,
                summary: "A capitalised function word after a comma (\"In the above code, The first\")".into(),
                explain: "After a comma the sentence goes on, so \"The\", \"It\", \"When\" and other function words \
                          are written in lower case: \"In the above code, The first focus\" → \"the first focus\". \
                          The capital may also mean a new sentence that the comma should have ended (\"a volume of \
                          20GB, You can start\"), so a full stop is offered too: first, unless what comes before the \
                          comma is a short lead (four words or fewer: \"Finally,\", \"For both cases,\") or opens \
                          with a phrase's word (\"In …\", \"If …\", \"Based on …\"). Titles (\"…, The Lord \
                          of the Rings\", two capitalised words in a row) are left alone. Off by default: on docs it was not \
                          tuned on it fell under the 90 % gate (a capital after \"e.g.,\" written so throughout a \
                          guide, a list of \"Name, Description\" labels)."
                    .into(),
            },
            RuleInfo {
                link: None,
                id: CODE_SPACING.into(),
                severity: Severity::Warning,
                safety: Safety::Review,
                default_on: true,
                summary: "Inline code glued to the next or previous word (\"`entryPoints`option\")".into(),
                explain: "Inline code needs a space on each side when a word follows or precedes it: \"the \
                          `entryPoints`option\" → \"the `entryPoints` option\". Plural and possessive endings \
                          (`Pod`s, `Pod`'s) and punctuation are fine; so are languages written without spaces. Two spaces \
                          beside code (\"and  `href` set\") are left alone: Markdown shows them as one, so a \
                          reader never sees them (grammar.spaces, off by default, finds double spaces anywhere). \
                          Where backticks pair wrongly (one left out, or one \"escaped\" inside code, where a \
                          backslash is literal) the glued words are symptoms, and nothing is flagged."
                    .into(),
            },
            RuleInfo {
                link: None,
                id: FINAL_PERIOD.into(),
                severity: Severity::Suggestion,
                safety: Safety::Review,
                default_on: false,
                summary: "A paragraph's last sentence without the full stop its other sentences have".into(),
                explain: "A paragraph of two or more sentences that end with full stops should end with one too: \
                          \"… are prioritized. Those bugs will be fixed in future releases\" → \"releases.\". \
                          Only paragraphs count (not headings, list items or table cells), only a last sentence of \
                          four words or more that ends in a letter or digit, and only when nothing (a link, code, \
                          emphasis) follows it in the file."
                    .into(),
            },
            RuleInfo {
                link: None,
                id: DOUBLE_CAPITAL.into(),
                severity: Severity::Warning,
                safety: Safety::Review,
                default_on: true,
                summary: "A function word's second letter capitalised by a held Shift key (\"THe\", \"WHen\")".into(),
                explain: "A function word with two capitals and then lower case: \"THe current design\" → \"The \
                          current design\", \"WHen\" → \"When\". Other words written that way are names (OAuth, GLib) or \
                          show where an abbreviation comes from (\"Vi IMproved\", \"Bourne-Again SHell\"), and are \
                          left alone, as are an abbreviation's plurals (ITs, PRs)."
                    .into(),
            },
        ]
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        let spacing = active.has(SENTENCE_SPACING);
        let comma = active.has(CAPITAL_AFTER_COMMA);
        let code = active.has(CODE_SPACING);
        let period = active.has(FINAL_PERIOD);
        let capitals = active.has(DOUBLE_CAPITAL);
        if !spacing && !comma && !code && !period && !capitals {
            return;
        }
        for (b, block) in doc.prose.blocks.iter().enumerate() {
            let text = block.text.as_str();
            let ws = doc.words(b);
            for (i, w) in ws.iter().enumerate() {
                let word = w.text(text);
                if capitals && let Some(fix) = held_shift(word) {
                    out.push(Hit {
                        block: b,
                        range: w.start..w.end,
                        rule: DOUBLE_CAPITAL.into(),
                        message: format!("One capital too many: \"{fix}\"."),
                        replacements: vec![fix],
                    });
                }
                if spacing
                    && let Some(next) = ws.get(i + 1)
                    && &text[w.end..next.start] == "."
                    && w.end - w.start >= 3
                    && is_all_lower(word)
                    && word.chars().all(|c| c.is_ascii_alphabetic())
                    && is_sentence_word(next.text(text))
                    // A sentence goes on after its first word ("package.This would"); a type name
                    // ("reflect.Type") ends where it is.
                    && text[next.end..].starts_with(' ')
                    // A link whose whole text is the name ("[gluon.Block](api.md) and") is an API name.
                    && !starts_link_text(doc.file, block, w.start)
                {
                    out.push(Hit {
                        block: b,
                        range: w.end..w.end + 1,
                        rule: SENTENCE_SPACING.into(),
                        message: "A sentence starts here: put a space after the full stop.".into(),
                        replacements: vec![". ".into()],
                    });
                }
                if comma
                    && text[..w.start].ends_with(", ")
                    && FUNCTION_WORDS.contains(&word)
                    && ws.get(i + 1).is_none_or(|n| {
                        !n.text(text).chars().next().is_some_and(char::is_uppercase)
                    })
                {
                    let lower = word.to_lowercase();
                    // The capital may mean a new sentence the comma should have ended ("a PV of
                    // 20GB, You can start"): a full stop is offered too, first unless the part
                    // before the comma is a lead it closes ("In the above code, The first …").
                    let goes_on = format!(", {lower}");
                    let new_sentence = format!(". {word}");
                    let sentence = super::text::sentence_around(text, w.start..w.end);
                    // A short lead ("Finally,", "For both cases,") or one that opens with a
                    // phrase's word is closed by the comma.
                    let lead: Vec<&str> = text[sentence.start..w.start - 2]
                        .split_whitespace()
                        .collect();
                    let opener = lead.len() <= 4
                        || lead.first().is_some_and(|first| {
                            let first = first.trim_matches(|c: char| !c.is_alphanumeric());
                            let first = first.to_lowercase();
                            OPENS_A_PHRASE.split_whitespace().any(|w| w == first)
                        });
                    out.push(Hit {
                        block: b,
                        range: w.start - 2..w.end,
                        rule: CAPITAL_AFTER_COMMA.into(),
                        message: format!(
                            "After a comma the sentence goes on (\"{goes_on}\"), or a full stop \
                             ends it (\"{new_sentence}\")."
                        ),
                        replacements: if opener {
                            vec![goes_on, new_sentence]
                        } else {
                            vec![new_sentence, goes_on]
                        },
                    });
                }
            }
            if code {
                code_spacing(doc, b, out);
            }
            if period {
                final_period(doc, b, out);
            }
        }
    }
}

/// The last sentence of a paragraph without the full stop its earlier sentences have.
fn final_period(doc: &DocProse<'_>, b: usize, out: &mut Vec<Hit>) {
    let block = &doc.prose.blocks[b];
    if block.kind != crate::core::markdown::BlockKind::Paragraph {
        return;
    }
    let text = block.text.trim_end();
    if !text.chars().next_back().is_some_and(char::is_alphanumeric) {
        return;
    }
    // Sentence ends inside the paragraph: a lower-case word or digit, ". ", a capital.
    let bytes = text.as_bytes();
    let mut ends = Vec::new();
    for (i, w) in bytes.windows(3).enumerate() {
        if w[0] == b'.'
            && (w[1] == b' ' || w[1] == b'\n')
            && (w[2].is_ascii_uppercase())
            && i > 0
            && (bytes[i - 1].is_ascii_lowercase() || bytes[i - 1].is_ascii_digit())
        {
            ends.push(i + 1);
        }
    }
    let Some(&last_start) = ends.last() else {
        return;
    };
    let last = &text[last_start..];
    let ws = doc.words(b);
    let in_last = ws.iter().filter(|w| w.start >= last_start).count();
    if in_last < 4 || last.contains(PLACEHOLDER) || last.contains(['?', '!', ':']) {
        return;
    }
    let Some(word) = ws.iter().rev().find(|w| w.end <= text.len()) else {
        return;
    };
    if word.end != text.len() {
        return;
    }
    // The end of a path or file name ("src/themes/sequence.scss"), or an attribution ("— Wikipedia").
    let before_word = text[..word.start].chars().next_back();
    let line = text[..word.start]
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .trim_start();
    if matches!(before_word, Some('.' | '/' | '_' | '-'))
        || line.starts_with(['-', '\u{2014}', '\u{2013}'])
        || last.trim_start().starts_with(['"', '\u{201c}'])
    {
        return;
    }
    // Nothing but the end of the line may follow in the file (no link, emphasis or code).
    let Some(seg) = block
        .segments
        .iter()
        .find(|s| s.verbatim && s.view < word.end && word.end <= s.view + s.view_len)
    else {
        return;
    };
    let src_end = seg.src + (word.end - seg.view);
    let rest = doc.file.get(src_end..).unwrap_or("");
    if !rest.split('\n').next().unwrap_or("").trim().is_empty() {
        return;
    }
    let last_word = &text[word.start..word.end];
    // A sentence that leads into a list or a code block ends with a colon.
    let after = rest
        .split_once('\n')
        .map_or("", |(_, r)| r)
        .trim_start_matches(['\n', '\r']);
    let first = after.lines().next().unwrap_or("").trim_start();
    // A sentence may go on after a code block ("if you have a constraint like ``` … ``` then …"): say
    // nothing there.
    if first.starts_with("```") || first.starts_with("~~~") || after.starts_with("    ") {
        return;
    }
    let leads_in = ["- ", "* ", "+ "].iter().any(|m| first.starts_with(m))
        || first
            .split_once(['.', ')'])
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    let (message, replacements) = if leads_in {
        (
            "This sentence leads into what follows: end it with a colon, as the paragraph's other \
             sentences end with a full stop.",
            vec![format!("{last_word}:"), format!("{last_word}.")],
        )
    } else {
        (
            "The paragraph's other sentences end with a full stop; so should its last one.",
            vec![format!("{last_word}.")],
        )
    };
    out.push(Hit {
        block: b,
        range: word.start..word.end,
        rule: FINAL_PERIOD.into(),
        message: message.into(),
        replacements,
    });
}

/// Does the block's text at `view` start a link's text in the file (`[` just before it)?
fn starts_link_text(file: &str, block: &crate::core::markdown::Block, view: usize) -> bool {
    block
        .to_source(file, view..view)
        .is_some_and(|src| file[..src.start].ends_with('['))
}

/// A capitalised English word of at least two more lower-case letters ("This", not "NET" or "IO").
fn is_sentence_word(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(|c| c.is_ascii_uppercase())
        && cs.as_str().len() >= 2
        && cs.all(|c| c.is_ascii_lowercase())
        && opens_sentences(w)
}

/// Words that open sentences (pronouns, determiners, conjunctions, common adverbs): after "word." one
/// of these starts a new sentence, while a capitalised noun is a member name ("net.Server",
/// "stream.Readable").
fn opens_sentences(w: &str) -> bool {
    // Function words only: verbs and adverbs such as "once", "is", "run" or "next" are method names
    // too ("sync.Once", "errors.Is", "t.Run", "rows.Next").
    const OPENERS: &[&str] = &[
        "the",
        "this",
        "that",
        "these",
        "those",
        "there",
        "it",
        "its",
        "we",
        "you",
        "they",
        "he",
        "she",
        "our",
        "your",
        "their",
        "if",
        "when",
        "while",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "as",
        "an",
        "and",
        "but",
        "or",
        "so",
        "then",
        "also",
        "however",
        "each",
        "all",
        "some",
        "any",
        "no",
        "not",
        "here",
        "after",
        "before",
        "since",
        "because",
        "although",
        "otherwise",
        "instead",
        "what",
        "which",
        "how",
        "why",
        "where",
        "who",
        "please",
    ];
    OPENERS.contains(&w.to_ascii_lowercase().as_str())
}

/// Inline code with a word glued to it, on either side.
fn code_spacing(doc: &DocProse<'_>, b: usize, out: &mut Vec<Hit>) {
    let block = &doc.prose.blocks[b];
    let text = block.text.as_str();
    // A backtick left out pairs the others wrongly: the block holds an odd number of them, and a span
    // opens or closes with a space on one side only ("`theme = \"x\" or `theme: x` in the [`a.toml`").
    // The words glued to such spans are symptoms of the missing backtick, not of missing spaces. (A
    // backtick put one word too far, "`q.X `and", pairs right: that word is glued.)
    let end = block
        .segments
        .last()
        .map_or(0, |last| last.src + last.src_len);
    let start = block.segments.first().map_or(end, |first| first.src);
    let source = doc.file.get(start..end).unwrap_or("");
    let spans: Vec<std::ops::Range<usize>> = doc.inline_code(b).collect();
    // Each span's place in the file and its code without the backticks.
    let code_of = |view: &std::ops::Range<usize>| {
        block
            .to_source_lossy(view.clone())
            .map(|src| (src.end, doc.file[src].trim_matches('`')))
    };
    let stray = source.matches('`').count() % 2 == 1
        && spans.iter().any(|view| {
            code_of(view).is_some_and(|(_, code)| {
                code.trim().contains(' ') && code.starts_with(' ') != code.ends_with(' ')
            })
        });
    // So does a backtick "escaped" inside code (`sql\`now()\``): a backslash is literal there, so the
    // backtick after it closes the span, the code goes on right after it, and the backtick meant to
    // end it comes later, escaped too. A path or a lone backslash ending its code (`C:\Users\`, `\`)
    // is code like any other.
    let escaped = spans.iter().any(|view| {
        code_of(view).is_some_and(|(after, code)| {
            code.ends_with('\\')
                && doc.file[after..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
                && doc
                    .file
                    .get(after..end.max(after))
                    .is_some_and(|rest| rest.contains("\\`"))
        })
    });
    if stray || escaped {
        return;
    }
    for view in spans {
        let after = view.end;
        let tail = &text[after..];
        // Glued words count only where the code is a name (not an operator such as `..`), the word
        // touches the backticks in the file (no link or emphasis between), and the two do not make one
        // word on purpose ("`desc`ription", "`Sized`ness").
        let Some(src) = block.to_source_lossy(view.clone()) else {
            continue;
        };
        let code = doc.file[src.clone()].trim_matches('`');
        // An operator (`..`) is not a name; code ending in a hyphen makes a compound on purpose
        // ("`gitignore-`style").
        if !code.chars().any(char::is_alphanumeric) || code.ends_with('-') {
            continue;
        }
        let glued: String = tail
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        let head = &text[..view.start];
        let before: String = head
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        // Letters glued on either side or both that make one word with the code set a part of it
        // apart on purpose: "e`X`tract" shows where the `-x` flag's letter comes from, "re`run`" the
        // command a word is made of.
        if !(before.is_empty() && glued.is_empty())
            && super::dictionary::is_known_word(&format!("{before}{code}{glued}").to_lowercase())
        {
            continue;
        }
        if glued.len() >= 2
            && !matches!(glued.as_str(), "s" | "es" | "ed" | "ing")
            && doc.file[src.end..].starts_with(&glued)
            && !makes_a_word(code, &glued)
        {
            out.push(Hit {
                block: b,
                range: after..after + glued.len(),
                rule: CODE_SPACING.into(),
                message: format!("Put a space between the code and \"{glued}\"."),
                replacements: vec![format!(" {glued}")],
            });
        }
        if before.len() >= 2 && doc.file[..src.start].ends_with(&before) {
            let start = view.start - before.len();
            // The word must start there (not the tail of something longer, like an identifier).
            let whole = words(&text[start..view.start]).len() == 1
                && !text[..start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_');
            if whole {
                out.push(Hit {
                    block: b,
                    range: start..view.start,
                    rule: CODE_SPACING.into(),
                    message: format!("Put a space between \"{before}\" and the code."),
                    replacements: vec![format!("{before} ")],
                });
            }
        }
    }
}

/// Do code and the letters glued after it make one word ("desc" + "ription", "Sized" + "ness"), or an
/// ordinal ("the `i`th slot", "the `n`th")?
fn makes_a_word(code: &str, glued: &str) -> bool {
    if matches!(glued, "th" | "st" | "nd" | "rd") {
        return true;
    }
    const SUFFIXES: &[&str] = &[
        "able", "ability", "ible", "ness", "ful", "less", "ish", "ity", "ify", "ize", "ise",
        "ization", "ation", "er", "ers", "y",
    ];
    SUFFIXES.contains(&glued)
        || super::dictionary::is_known_word(&format!("{code}{glued}").to_lowercase())
        || glued.len() > 2
            && super::dictionary::is_known_word(&format!("{code}{}", &glued[1..]).to_lowercase())
}

/// "THe" → "The": two capitals, then lower case, in a function word. Other words written so are names
/// ("OAuth", "GLib") or show where an abbreviation comes from ("Vi IMproved", "Bourne-Again SHell",
/// "Universally Unique IDentifier"); an abbreviation's plural ("ITs", "PRs") is none of these.
fn held_shift(word: &str) -> Option<String> {
    let b = word.as_bytes();
    if b.len() < 3
        || !b[0].is_ascii_uppercase()
        || !b[1].is_ascii_uppercase()
        || !b[2..].iter().all(u8::is_ascii_lowercase)
        || &word[2..] == "s"
    {
        return None;
    }
    let mut fix = word.to_ascii_lowercase();
    fix[..1].make_ascii_uppercase();
    FUNCTION_WORDS.contains(&fix.as_str()).then_some(fix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(md: &str) -> Vec<(String, String, String)> {
        let rules = [
            SENTENCE_SPACING,
            CAPITAL_AFTER_COMMA,
            CODE_SPACING,
            FINAL_PERIOD,
            DOUBLE_CAPITAL,
        ];
        let hits = crate::core::rules::hits_in(&Sentences, &rules, md);
        hits.into_iter()
            .map(|(rule, text, r)| (rule, text, r[0].clone()))
            .collect()
    }

    #[test]
    fn missing_sentence_space() {
        assert_eq!(
            run("We could offload it to an external package.This would help.\n"),
            [(SENTENCE_SPACING.into(), ".".into(), ". ".into())]
        );
        // Names, abbreviations, code and versions are not sentences.
        assert!(run("Use ASP.NET and System.IO, e.g. this, or node.Js and v1.Two.\n").is_empty());
        assert!(run("It will now return nil reflect.Type\n- calls to it\n").is_empty());
        assert!(run("Support net.Server options and align stream.Duplex with it.\n").is_empty());
        assert!(run("Use sync.Once to guard it, or call t.Run and rows.Next here.\n").is_empty());
    }

    #[test]
    fn a_held_shift_key_is_one_capital_too_many() {
        assert_eq!(
            run("THe fix is included in v2.1.4. It stops WHen asked.\n"),
            [
                (DOUBLE_CAPITAL.into(), "THe".into(), "The".into()),
                (DOUBLE_CAPITAL.into(), "WHen".into(), "When".into())
            ]
        );
        // Names written with two capitals, where an abbreviation comes from, plurals of abbreviations,
        // all capitals.
        assert!(
            run("OAuth, GLib and XPath pass their ITs and PRs; THE END and `THe`.\n").is_empty()
        );
        assert!(
            run("Vim (Vi IMproved) and the Z SHell use a UUID (Unique IDentifier).\n").is_empty()
        );
    }

    #[test]
    fn a_linked_api_name_is_not_two_sentences() {
        assert!(run("You can inherit from [gluon.Block](api.md) and more.\n").is_empty());
        assert_eq!(
            run("See [the package.This would](a.md) work.\n").len(),
            1,
            "a slip inside link text is still one"
        );
    }

    #[test]
    fn capital_after_comma() {
        // (text, what the finding covers, its first fix)
        let cases = [
            // After a phrase the comma closes, the sentence goes on.
            (
                "In the above code, The first focus is skipped.\n",
                ", The",
                ", the",
            ),
            (
                "Based on what the users told us, These are the changes.\n",
                ", These",
                ", these",
            ),
            (
                "(In the code of this sample, The first focus is skipped.)\n",
                ", The",
                ", the",
            ),
            // A short lead, whatever its first word.
            ("Yes, It works.\n", ", It", ", it"),
            // Two sentences joined by a comma: a full stop first.
            (
                "We created a volume of 20GB, You can start the pod now.\n",
                ", You",
                ". You",
            ),
        ];
        for (text, found, fix) in cases {
            assert_eq!(
                run(text),
                [(CAPITAL_AFTER_COMMA.into(), found.into(), fix.into())],
                "{text}"
            );
        }
        // A title after a comma keeps its capitals.
        assert!(run("We read books, The Lord of the Rings among them.\n").is_empty());
    }

    #[test]
    fn code_glued_to_words() {
        assert_eq!(
            run("Do not define their own `entryPoints`option here.\n"),
            [(CODE_SPACING.into(), "option".into(), " option".into())]
        );
        assert_eq!(
            run("Call the`run` function.\n"),
            [(CODE_SPACING.into(), "the".into(), "the ".into())]
        );
        // Glued on both sides, words that make no word together are both flagged.
        assert_eq!(
            run("Call the`run`function.\n"),
            [
                (CODE_SPACING.into(), "function".into(), " function".into()),
                (CODE_SPACING.into(), "the".into(), "the ".into())
            ]
        );
        // Plurals, punctuation and HTML are fine.
        assert!(run("Two `Pod`s, one `Job`, and a <br>break.\n").is_empty());
        // An ordinal of a variable.
        assert!(
            run("It gets the value in the `i`th slot, then the `2`nd and `3`rd ones.\n").is_empty()
        );
        // A word made with the code on purpose, an operator between names, markup between them.
        assert!(
            run(
                "The `desc`ription is a `bool`ean; write start`..`end, see [`desc`](x)ription \
                 and `note = \"`*free text*`\"` fields, `gitignore-`style, e`X`tract, in`form`ation, re`run`.\n"
            )
            .is_empty()
        );
        // Two spaces beside code are one once rendered: nothing a reader sees.
        assert!(run("Fixed buttons with `variant` and  `href` set.\n").is_empty());
        assert!(run("Set `href`  to a link, `x`    aligned.\n").is_empty());
        // A backtick left out: the spans pair up wrongly, and the glued words are its symptoms.
        assert!(
            run("Set it as `theme = \"mytheme\" or `theme: mytheme` in the [`config.toml` file.\n")
                .is_empty()
        );
        // A backtick one word too far pairs right: the word it glues is flagged.
        assert_eq!(
            run("It holds if `T = q.X `and `q.X` is a type.\n"),
            [(CODE_SPACING.into(), "and".into(), " and".into())]
        );
        // A backtick escaped inside code closes it (the backslash is literal there): what follows
        // pairs wrongly, and its glued words are symptoms too.
        assert!(run("Use raw `sql\\`col desc nulls last\\`` in `orderBy` for it.\n").is_empty());
        // A path or a backslash that ends its code is code like any other: a word glued elsewhere is
        // flagged (a word glued to an operator such as `\` never is).
        for md in [
            "Open `C:\\Users\\` and the`run` script.\n",
            "Copy `C:\\Users\\` to `D:\\Temp\\` and the`run` script.\n",
            "Escape it with `\\`then call the`run` script.\n",
        ] {
            assert_eq!(
                run(md),
                [(CODE_SPACING.into(), "the".into(), "the ".into())],
                "{md}"
            );
        }
    }

    #[test]
    fn a_paragraph_ends_like_its_other_sentences() {
        assert_eq!(
            run("We monitor usage. If errors are hit often, those bug fixes will be prioritized\n"),
            [(
                FINAL_PERIOD.into(),
                "prioritized".into(),
                "prioritized.".into()
            )]
        );
        // Leading into a list or code: a colon first.
        assert_eq!(
            run("We monitor usage. The following fixes will be prioritized\n\n- one\n- two\n"),
            [(
                FINAL_PERIOD.into(),
                "prioritized".into(),
                "prioritized:".into()
            )]
        );
        // One sentence, a short last sentence, a list item, a heading, a link or code at the end, a
        // question: nothing.
        for md in [
            "Fixes will be prioritized in future releases\n",
            "We monitor usage. Thanks everyone\n",
            "- We monitor usage. Fixes will be prioritized in releases\n",
            "# We monitor usage. Fixes will be prioritized in releases\n",
            "We monitor usage. Fixes are listed in [the release notes](notes.md)\n",
            "We monitor usage. Fixes are listed in the file *notes*\n",
            "We monitor usage. Fixes are listed in the `notes` file here\n",
            "We monitor usage. Are fixes listed in the release notes?\n",
            "We monitor usage. The classes come from src/themes/sequence.scss\n",
            "We monitor usage. If you have a constraint like\n\n```\nA: B\n```\n\nthen it holds.\n",
            "We monitor usage. Fixes are listed in the release notes.\n",
        ] {
            assert!(
                run(md).iter().all(|h| h.0 != FINAL_PERIOD),
                "{md:?}: {:?}",
                run(md)
            );
        }
    }
}
