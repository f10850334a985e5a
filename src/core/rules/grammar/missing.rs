//! A missing article: "there is" + adjective + singular noun, a flag or value written as code without
//! "the", "For example of".

use super::*;

/// Adverbs that may sit between "there is" and the noun phrase without changing the need for an article.
pub(super) const THERE_ADVERBS: &[&str] = &[
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
pub(super) const INTENSIFIERS: &[&str] = &[
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
pub(super) const AFTER_NOUN: &[&str] = &[
    "in", "on", "of", "for", "with", "when", "if", "between", "after", "before", "because",
    "since", "to", "from", "at", "by", "and", "or", "but", "that", "which", "as", "compared",
    "due", "than", "while", "where", "during", "here", "there", "until", "unless", "so",
    "whenever", "once", "within", "without", "across", "among", "around", "under", "over", "per",
    "about", "against",
];

/// Words that can never be part of the noun phrase's modifiers.
pub(super) fn is_function_word(w: &str) -> bool {
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

pub(super) fn there_is_article(b: usize, text: &str, ws: &[Word], out: &mut Vec<Hit>) {
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
pub(super) fn phrase_ends_after(text: &str, ws: &[Word], k: usize) -> bool {
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

/// Words after which inline code and its noun need an article: prepositions and verbs that take an
/// object ("with `x` flag", "set `x` field").
pub(super) const BEFORE_CODE: &[&str] = &[
    "with", "via", "by", "in", "into", "to", "from", "of", "on", "for", "using", "use", "set",
    "call", "calling", "pass", "run", "running", "enable", "disable",
];

/// Singular countable nouns that name a thing in code.
pub(super) const CODE_NOUNS: &[&str] = &[
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

/// Is block `b` a list item written in note style: no article anywhere in it and no full stop at its
/// end ("- Fixed error when charset is missing in `content-type` header", "- `enhanceAppFiles`:
/// removed, use `clientConfigFile` hook")? Its missing articles are its style.
fn telegraphic_item(doc: &DocProse<'_>, b: usize) -> bool {
    let block = &doc.prose.blocks[b];
    let text = block.text.trim_end();
    if text.ends_with(['.', '!', '?'])
        || doc.words(b).iter().any(|w| {
            matches!(
                w.text(&block.text).to_ascii_lowercase().as_str(),
                "the" | "a" | "an"
            )
        })
    {
        return false;
    }
    block.opens_list_item(doc.file)
}

/// "with `x` flag" → "with the `x` flag": inline code that a singular noun names, after a preposition or
/// a verb, with no article.
pub(super) fn code_noun_article(doc: &DocProse<'_>, b: usize, out: &mut Vec<Hit>) {
    let block = &doc.prose.blocks[b];
    // Headings and short table cells are terse by choice ("Deprecated: `null` value for `session`
    // property", "Via `distinct` parameter"); a cell that describes at length is written as prose.
    let ws = doc.words(b);
    if block.kind == crate::core::markdown::BlockKind::Heading
        || block.kind == crate::core::markdown::BlockKind::TableCell && ws.len() < 8
    {
        return;
    }
    let text = block.text.as_str();
    if telegraphic_item(doc, b) {
        return;
    }
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
        // "two types of `load` function", "any sort of `cfg` attribute": a kind, not one thing.
        if trigger.eq_ignore_ascii_case("of")
            && i >= 2
            && matches!(
                ws[i - 2].text(text).to_ascii_lowercase().as_str(),
                "type" | "types" | "kind" | "kinds" | "sort" | "sorts"
            )
        {
            continue;
        }
        // A participle inside a noun phrase an article already opens ("a correctly set `Host`
        // header"): the three words in a row.
        if i >= 3
            && text[ws[i - 3].end..ws[i - 2].start] == *" "
            && text[ws[i - 2].end..before.start] == *" "
            && is_ly_adverb(&ws[i - 2].text(text).to_lowercase())
            && crate::core::rules::function_words::OBJECT_DETERMINERS
                .contains(&ws[i - 3].text(text).to_lowercase().as_str())
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
                    || matches!(
                        w,
                        "name" | "value" | "line" | "type" | "usage" | "syntax" | "support"
                    )
                    || compound_noun(w)
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

/// A noun that makes a compound with the noun before it ("`kv` endpoint selection", "`x` option
/// parsing" is left to the reader): a listed noun or a word with a noun's ending, that is no verb
/// ("with `--debug` flag build it").
fn compound_noun(w: &str) -> bool {
    const ENDINGS: &[&str] = &["tion", "sion", "ment", "ness", "ity", "ance", "ence"];
    is_all_lower(w)
        && !is_verb(w)
        && (COUNTABLE.contains(w)
            || UNCOUNTABLE.contains(w)
            || ENDINGS
                .iter()
                .any(|e| w.len() > e.len() + 2 && w.ends_with(e)))
}

/// "For example of generating keys" → "For an example of generating keys".
pub(super) fn for_example_of(b: usize, text: &str, ws: &[Word], out: &mut Vec<Hit>) {
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
