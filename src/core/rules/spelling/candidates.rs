//! Which words of a block are spelling candidates: known misspellings where they stand in running text,
//! and words no dictionary or vocabulary knows whose shape does not say "name" or "term" (the word such
//! a word is a likely slip for is `likely`'s).

use super::*;

/// What kind of spelling candidate a word is.
pub(super) enum Candidate {
    /// A known misspelling, with its corrections in the word's case.
    Typo(Vec<String>),
    /// Unknown to the dictionary and to everything that marks terms.
    Unknown,
    /// Like [`Candidate::Unknown`], with a capital first letter: a name, unless one slip from a word the
    /// doc writes.
    Capital,
}

/// Calls `f` with each candidate word of block `b`: known misspellings, and prose words the dictionary
/// does not know and whose shape does not say "term" or "name". A hyphenated word is judged by its parts;
/// a possessive `'s` is not part of the word.
pub(super) fn candidates(doc: &DocProse<'_>, b: usize, mut f: impl FnMut(Word, &str, Candidate)) {
    let text = doc.prose.blocks[b].text.as_str();
    if !doc.block_is_english(b) || crate::core::rules::text::mentions_typos(text) {
        return;
    }
    // Letters glued to inline code end or begin its word ("`Box::pin`ned", "`Sized`ness"): no word of
    // their own.
    let code: Vec<std::ops::Range<usize>> = doc.inline_code(b).collect();
    for &w in doc.words(b) {
        if technical_neighbours(text, w) && !slash_alternative(text, w) {
            continue;
        }
        if code.iter().any(|c| c.end == w.start || c.start == w.end) {
            continue;
        }
        let whole = w.text(text);
        // Three or more parts joined by hyphens name a flag, a package or a job ("kube-qpi-burst",
        // "gke-kubernetes-engprod"): a part is judged only when all the others are English
        // ("ignore-worksapce-cycles").
        let many = whole.split('-').filter(|p| !p.is_empty()).count() >= 3;
        let mut start = w.start;
        for part in whole.split('-') {
            let word = crate::core::rules::text::without_possessive(part);
            let here = Word {
                start,
                end: start + word.len(),
            };
            start += part.len() + 1;
            if word.is_empty()
                || (many
                    && whole
                        .split('-')
                        .any(|p| !p.is_empty() && p != part && !is_known(p)))
            {
                continue;
            }
            // "somethin'", "gettin'": a dropped "g" written on purpose.
            let after = &text[here.end..];
            if after.starts_with(['\'', '\u{2019}'])
                && !after.chars().nth(1).is_some_and(char::is_alphanumeric)
                && word.ends_with("in")
                && is_known(&format!("{word}g"))
            {
                continue;
            }
            if let Some(mut fixes) = typo(word) {
                // Of several corrections, one the doc writes comes first: "assests" in a guide to
                // assets is "assets", not the more common "assess". Then the more common ("fution"
                // is "function" before the nearer "futon"); of words as common, the one fewest slips
                // away, a swap of two letters counting one.
                let lower = word.to_lowercase();
                fixes.sort_by_key(|f| {
                    let f = f.to_lowercase();
                    (
                        !doc.writes(&f),
                        std::cmp::Reverse(crate::core::rules::misspellings::frequency(&f)),
                        strsim::osa_distance(&lower, &f),
                    )
                });
                // In prose a camel-case word with a misspelt part is a name ("FlippinBerger", a
                // handle) unless the doc writes the mended name ("BroswerWindow" beside
                // "BrowserWindow").
                let camel = word.chars().skip(1).any(|c| c.is_ascii_uppercase());
                if camel && !fixes.iter().any(|f| doc.file.contains(f.as_str())) {
                    continue;
                }
                if plain_typo(doc, b, whole, here, word) {
                    f(here, word, Candidate::Typo(fixes));
                }
                continue;
            }
            if looks_technical(word) {
                continue;
            }
            let unknown = |w: &str| {
                !is_known(w)
                    && !dictionary::is_listed(&w.to_lowercase())
                    && !is_other_dialect(w)
                    && !is_derived(w)
                    && !is_term(w)
            };
            // A capitalised word is a name (a product, a person, a place), at a sentence start too: in
            // docs, names open list items, headings and table cells all the time. A long one may still
            // be a slip for a word the doc writes (see [`super::likely::likely_typo`]).
            if word.chars().next().is_some_and(char::is_uppercase) {
                if word.chars().count() >= MIN_LETTERS && unknown(word) {
                    f(here, word, Candidate::Capital);
                }
                continue;
            }
            if unknown(word) {
                f(here, word, Candidate::Unknown);
            }
        }
    }
}

/// Is block `b` a heading in title case ("Page in Menues")? It capitalises every longer word, names or
/// not.
pub(super) fn title_case_heading(doc: &DocProse<'_>, b: usize) -> bool {
    let block = &doc.prose.blocks[b];
    if block.kind != BlockKind::Heading {
        return false;
    }
    let long: Vec<&str> = doc
        .words(b)
        .iter()
        .map(|w| w.text(&block.text))
        .filter(|w| w.chars().count() >= 4)
        .collect();
    long.len() >= 2 && long.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// Is a known misspelling at `here` a slip, not a name or a deliberate form? Capitalised, a short one is
/// a slip only inside running text, after the end of a sentence and before a lower-case word ("It works.
/// Occured twice") or anywhere in a heading in title case ("Using Menues"): at the start of a block (a
/// list of people, a heading) and mid-sentence ("Big Sur") a capital marks a name; a long one is a slip anywhere ("Certificate Transperancy"). A whole link text
/// is a name too, a prefix kept apart by a hyphen ("mis-parse") or a short part of a hyphenated word
/// is not a word of its own, and a word beside one with a letter English does not write belongs to
/// another language ("raison d'être").
pub(super) fn plain_typo(
    doc: &DocProse<'_>,
    b: usize,
    whole: &str,
    here: Word,
    word: &str,
) -> bool {
    let text = doc.prose.blocks[b].text.as_str();
    if whole.contains('-') {
        let lower = word.to_lowercase();
        if word.len() < 4 || PREFIXES.contains(&lower.as_str()) || lower == "mis" {
            return false;
        }
        // A part of a compound the dictionary knows written whole ("take-aways", "takeaways").
        if is_known(&whole.replace('-', "").to_lowercase()) {
            return false;
        }
    }
    let mut chars = word.chars();
    let capitalised =
        chars.next().is_some_and(char::is_uppercase) && !chars.any(|c| c.is_uppercase());
    if capitalised {
        let kind = doc.prose.blocks[b].kind;
        let before = text[..here.start]
            .trim_end_matches(|c: char| c.is_whitespace() || "\"'“‘([*_".contains(c));
        // A sentence starts after a full stop, or at the start of a paragraph or list item; a name
        // is followed by another capitalised word ("Calle Englund").
        // A line of nothing but what is not prose (a shortcode's opening tag, "{{% note %}}") ends
        // no sentence, but the line after it opens the text the tag wraps.
        let ph = crate::core::markdown::PLACEHOLDER;
        let after_tag_line = before.ends_with(ph)
            && text[before.len()..here.start].contains('\n')
            && before
                .rsplit('\n')
                .next()
                .is_some_and(|line| line.chars().all(|c| c == ph || c.is_whitespace()));
        let starts = before.ends_with(['.', '!', '?'])
            || ((before.is_empty() || after_tag_line)
                && !matches!(kind, BlockKind::Heading | BlockKind::TableCell));
        let next = text[here.end..].trim_start();
        // A handle in brackets after it makes it a person's name ("Divy (@designmoreweb)"; not
        // "Thnaks @alice", a slip before whom it thanks), and so does a handle or a mail address on
        // the same line that holds it ("Shuting Zhao (@realshuting)").
        if next.starts_with("(@") || next.starts_with("[@") || in_a_handle(text, here, word) {
            return false;
        }
        let next_lower = next.is_empty()
            || next.starts_with([',', ':', ';', '.'])
            || next
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(|c: char| c.is_lowercase());
        // A long word, anywhere: names are short or known, a long misspelling is a slip even where
        // a capital marks a name ("## Configure Syntax Hightlighter", "Certificate Transperancy").
        let long = word.chars().count() >= TYPO_LONG;
        if !((starts && next_lower) || long || title_case_heading(doc, b)) {
            return false;
        }
        // After a capitalised word the dictionary does not know, a surname or a company in a list of
        // names ("Kelsey Grammer", "VeriSign, Nominet"); not after a word ("Certificate Transperancy").
        let previous = before
            .trim_end_matches(',')
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if previous.starts_with(char::is_uppercase)
            && !is_known(&previous.to_lowercase())
            && !dictionary::is_listed(&previous.to_lowercase())
        {
            return false;
        }
    }
    // A table cell of one short word is a key, an alias or a value ("| pacin | `sudo pacman -S` |"),
    // named as its program names it.
    if doc.prose.blocks[b].kind == BlockKind::TableCell
        && word.chars().count() <= 6
        && text.split_whitespace().count() == 1
    {
        return false;
    }
    // Beside a word with an accented letter that English does not know ("raison d'être"; not "naïve" or
    // "10 µs"), the word belongs to a phrase of another language.
    let foreign = |token: Option<&str>| {
        token.is_some_and(|t| {
            let t = t.trim_matches(|c: char| !c.is_alphanumeric());
            t.chars().any(|c| ('\u{c0}'..='\u{24f}').contains(&c))
                && !t.contains(|c: char| c.is_ascii_digit())
                && !super::words::known_or_inflected(&t.to_lowercase())
        })
    };
    // A word the doc's own link addresses hold as a part is a name ("mirrord" beside
    // github.com/metalbear-co/mirrord, "Ratatui" beside ratatui.rs), whatever word it resembles.
    !doc.whole_link_text(b, here.start..here.end)
        && !doc.addresses_hold(word)
        && !foreign(text[..here.start].split_whitespace().next_back())
        && !foreign(text[here.end..].split_whitespace().next())
}

/// Does a handle ("@realshuting") or a mail address ("shuting@x.com") on the line of the word at
/// `here` hold the word, so that it is a name?
fn in_a_handle(text: &str, here: Word, word: &str) -> bool {
    if word.chars().count() < 4 {
        return false;
    }
    let start = text[..here.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[here.end..]
        .find('\n')
        .map_or(text.len(), |i| here.end + i);
    let lower = word.to_lowercase();
    text[start..end]
        .split(|c: char| c.is_whitespace() || "()[]<>,;".contains(c))
        .filter(|t| t.contains('@'))
        .any(|t| t.to_lowercase().contains(&lower))
}

/// What one English dialect writes where another writes something else: British, then American.
const DIALECT_SWAPS: &[(&str, &str)] = &[
    ("is", "iz"),
    ("ys", "yz"),
    ("our", "or"),
    ("tre", "ter"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("ogue", "og"),
    ("ence", "ense"),
];

/// The word as the other dialects write it, one swap at a time ("colour" → "color"; with `both_ways`,
/// "color" → "colour" too). Each is a spelling, known or not.
fn dialect_swaps(word: &str, both_ways: bool) -> impl Iterator<Item = String> + '_ {
    DIALECT_SWAPS
        .iter()
        .flat_map(move |&(british, american)| {
            let back = both_ways.then_some((american, british));
            std::iter::once((british, american)).chain(back)
        })
        .flat_map(move |(from, to)| {
            word.match_indices(from)
                .map(move |(i, _)| format!("{}{to}{}", &word[..i], &word[i + from.len()..]))
        })
}

/// A known misspelling's corrections, the doc's dialect first: where the list's first correction is
/// spelled as one dialect spells it ("behavious" → "behaviour") and the doc writes the word as the
/// other does ("behavior") but never so, the doc's spelling goes first.
pub(super) fn in_doc_dialect(doc: &DocProse<'_>, mut fixes: Vec<String>) -> Vec<String> {
    let Some(first) = fixes.first() else {
        return fixes;
    };
    if doc.writes(&first.to_lowercase()) {
        return fixes;
    }
    // The other spelling must be a word ("thorough" is no dialect of "thourough").
    let found = dialect_swaps(first, true).find(|other| {
        let lower = other.to_lowercase();
        is_known(&lower) && doc.writes(&lower)
    });
    if let Some(other) = found {
        fixes.retain(|f| *f != other);
        fixes.insert(0, other);
    }
    fixes
}

/// A word spelled the way another English dialect spells a known word ("synthesised", "anonymising",
/// "colour", "centre", "travelled", "catalogue"): a choice of dialect, not a typo.
pub(super) fn is_other_dialect(word: &str) -> bool {
    dialect_swaps(&word.to_lowercase(), false).any(|other| is_known(&other) || affixed(&other))
}

/// A known misspelling, with its corrections in the word's case: the word itself ("occured"), or one
/// part of a camelCase name ("BroswerWindow" → "BrowserWindow"). Words of all capitals are acronyms.
pub(super) fn typo(word: &str) -> Option<Vec<String>> {
    if !word.is_ascii() || word.len() < 3 || is_all_upper(word) {
        return None;
    }
    if !word.chars().skip(1).any(|c| c.is_ascii_uppercase()) {
        if !word.chars().all(|c| c.is_ascii_alphabetic()) || is_known(word) {
            return None;
        }
        return crate::core::rules::misspellings::cased_corrections(word);
    }
    camel_typo(word).map(|fixed| vec![fixed])
}

/// A camelCase or PascalCase name with one misspelt part (of at least six letters): the name with that
/// part corrected ("BroswerWindow" → "BrowserWindow").
pub(super) fn camel_typo(word: &str) -> Option<String> {
    if !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    // Parts start at each capital that follows a lower-case letter ("getHTTPBroswer" keeps "HTTP").
    let bytes = word.as_bytes();
    let mut cuts = vec![0];
    for i in 1..bytes.len() {
        if bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase() {
            cuts.push(i);
        }
    }
    if cuts.len() < 2 {
        return None;
    }
    cuts.push(bytes.len());
    for pair in cuts.windows(2) {
        let part = &word[pair[0]..pair[1]];
        // Short parts are too often a name's syllable ("Hashi" of HashiCorp).
        if part.len() < 6 || is_all_upper(part) || is_known(part) {
            continue;
        }
        let Some(fix) = crate::core::rules::misspellings::cased_corrections(part)
            .and_then(|f| f.into_iter().next())
        else {
            continue;
        };
        return Some(format!("{}{fix}{}", &word[..pair[0]], &word[pair[1]..]));
    }
    None
}

/// Shapes that mark identifiers, acronyms and versions rather than English words.
pub fn looks_technical(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // Letters outside ASCII: a word of another language (or a name), not an English typo.
    letters <= 2
        || !word.is_ascii()
        || word.chars().any(|c| c.is_ascii_digit())
        || word.chars().skip(1).any(char::is_uppercase)
        || is_all_upper(word)
        || !word
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '\u{2019}')
}

/// Is the word at `w` one of two or three words joined by slashes, each other one a dictionary word
/// ("incldue/exclude", "Chinese/Janapese/Korean")? Such a run offers alternatives in prose; a path or a
/// URL has other characters around it, or parts no dictionary knows.
pub(super) fn slash_alternative(text: &str, w: Word) -> bool {
    let is_part = |c: char| c.is_ascii_alphabetic() || c == '/';
    let start = text[..w.start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_part(c))
        .last()
        .map_or(w.start, |(i, _)| i);
    let end = w.end
        + text[w.end..]
            .chars()
            .take_while(|&c| is_part(c))
            .map(char::len_utf8)
            .sum::<usize>();
    let parts: Vec<&str> = text[start..end].split('/').collect();
    // "a/incldue", "x/y/z": single letters are a path's or a math's, not words offered in turn.
    if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.len() < 3) {
        return false;
    }
    let open = text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || "(\"'\u{201c}\u{2018}".contains(c));
    let mut after = text[end..].chars();
    let close = match after.next() {
        None => true,
        Some(c) if c.is_whitespace() || ",;)!?\"'\u{201d}\u{2019}".contains(c) => true,
        Some('.' | ':') => after.next().is_none_or(char::is_whitespace),
        _ => false,
    };
    let me = w.text(text);
    open && close && parts.iter().all(|p| *p == me || is_known(p))
}

/// Is the word glued to characters that only code uses (`snake_case`, `file.yaml`, `--flag`, `@user`,
/// `#tag`, `$VAR`, `a/b`, `f()`)?
pub(super) fn technical_neighbours(text: &str, w: Word) -> bool {
    let before = text[..w.start].chars().next_back();
    let mut after = text[w.end..].chars();
    let next = after.next();
    let next2 = after.next();
    matches!(
        before,
        Some(
            '_' | '/'
                | '\\'
                | '@'
                | '#'
                | '$'
                | '='
                | '~'
                | '<'
                | '{'
                | '['
                | ']'
                | ')'
                | '%'
                | '&'
                | '*'
                | '^'
                | '|'
        )
    ) || (before == Some('-') && text[..w.start].ends_with("--"))
        || (before == Some('.')
            && text[..w.start - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric))
        || (before == Some(':')
            && text[..w.start - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric))
        || matches!(
            next,
            Some('_' | '/' | '\\' | '(' | '=' | '{' | '[' | '<' | '@' | '#' | '$')
        )
        || (matches!(next, Some('.' | ':')) && next2.is_some_and(char::is_alphanumeric))
}
