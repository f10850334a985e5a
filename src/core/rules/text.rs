//! Small text helpers shared by the rules: word tokens with byte offsets, sentence bounds, case tests.

use std::ops::Range;

/// A word in a block's text: letters and digits, with single inner hyphens or apostrophes
/// (`don't`, `well-known`), as a byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

impl Word {
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '\u{2019}')
}

/// The character at byte `i` of `text` (which must be a char boundary) and its length, with a fast path
/// for ASCII.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Splits `text` into words.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut start: Option<usize> = None;
    let mut i = 0;
    while let Some((c, len)) = char_at(text, i) {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start {
            let joins =
                is_joiner(c) && char_at(text, i + len).is_some_and(|(n, _)| is_word_char(n));
            if !joins {
                out.push(Word { start: s, end: i });
                start = None;
            }
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
        });
    }
    out
}

/// Runs of letters and digits only, as byte ranges: the words split at their inner hyphens and
/// apostrophes ("Node-JS" → "Node", "JS").
pub fn runs_of(text: &str, words: &[Word]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        let mut start = w.start;
        for (i, c) in text[w.start..w.end].char_indices() {
            if is_joiner(c) {
                out.push((start, w.start + i));
                start = w.start + i + c.len_utf8();
            }
        }
        out.push((start, w.end));
    }
    out
}

/// A hasher for keys that already are hashes (see [`hash_key`]): hashing them again would be waste.
#[derive(Default, Clone, Copy)]
pub struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by [`hash_key`] values.
pub type ByHash<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<Prehashed>>;

/// FNV-1a offset basis, the start value for [`hash_key`].
pub const HASH_START: u64 = 0xcbf2_9ce4_8422_2325;

/// Continues an FNV-1a hash over the lower-cased characters of `s`, skipping spaces, hyphens and dots:
/// the hash of a matching key. Hashing two strings one after the other equals hashing their
/// concatenation, so multi-word keys are hashed word by word without building a string.
#[inline]
pub fn hash_key(mut h: u64, s: &str) -> u64 {
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for c in s.chars() {
        if c.is_ascii() {
            if !matches!(c, '-' | ' ' | '.') {
                eat(c.to_ascii_lowercase() as u8);
            }
            continue;
        }
        for l in c.to_lowercase() {
            let mut buf = [0u8; 4];
            for &b in l.encode_utf8(&mut buf).as_bytes() {
                eat(b);
            }
        }
    }
    h
}

/// The word after `ws[i]` when only white space separates them.
pub fn next(text: &str, ws: &[Word], i: usize) -> Option<Word> {
    let n = *ws.get(i + 1)?;
    is_space(&text[ws[i].end..n.start]).then_some(n)
}

/// The word before `ws[i]` when only white space separates them.
pub fn prev(text: &str, ws: &[Word], i: usize) -> Option<Word> {
    let p = *ws.get(i.checked_sub(1)?)?;
    is_space(&text[p.end..ws[i].start]).then_some(p)
}

/// True when `gap` (the text between two words) is plain white space, possibly a line break, and
/// nothing else: no punctuation and no placeholder.
pub fn is_space(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(char::is_whitespace)
}

/// The sentence of `text` around `range`: from after the previous `.`, `!`, `?` followed by white space
/// (or the start) to the next one (or the end).
pub fn sentence_around(text: &str, range: Range<usize>) -> Range<usize> {
    // A "sentence" of thousands of characters (a list without full stops, a generated table) is cut to
    // a window, so that finding its edges stays cheap however many findings it holds.
    const WINDOW: usize = 400;
    let bytes = text.as_bytes();
    let mut floor = range.start.min(text.len()).saturating_sub(WINDOW);
    while !text.is_char_boundary(floor) {
        floor -= 1;
    }
    let mut ceiling = (range.end + WINDOW).min(text.len());
    while !text.is_char_boundary(ceiling) {
        ceiling += 1;
    }
    let mut start = floor;
    let mut i = range.start.min(text.len());
    while i > floor {
        let c = bytes[i - 1];
        if c.is_ascii_whitespace() && i >= 2 && matches!(bytes[i - 2], b'.' | b'!' | b'?') {
            start = i;
            break;
        }
        i -= 1;
    }
    let mut end = ceiling;
    let mut j = range.end.min(text.len());
    while j < ceiling {
        if matches!(bytes[j], b'.' | b'!' | b'?')
            && (j + 1 == text.len() || bytes[j + 1].is_ascii_whitespace())
        {
            end = j + 1;
            break;
        }
        j += 1;
    }
    start..end
}

/// A word without its possessive "'s" ("Jekyll's" → "Jekyll"; a curly apostrophe too).
pub fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word)
}

/// True when the word starts a sentence: nothing but white space, quotes or brackets before it in the
/// block, or a sentence end before that.
pub fn starts_sentence(text: &str, at: usize) -> bool {
    let before =
        text[..at].trim_end_matches(|c: char| c.is_whitespace() || "\"'“‘([*_".contains(c));
    before.is_empty() || before.ends_with(['.', '!', '?', ':'])
}

/// Is `text[start..end]` a word in quotes ("the \"strimzi\" template", a coinage: "\"springified\"")?
pub fn quoted(text: &str, start: usize, end: usize) -> bool {
    text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| "\"“'‘".contains(c))
        && text[end..]
            .chars()
            .next()
            .is_some_and(|c| "\"”'’".contains(c))
}

/// The quotations of a sentence (within straight or curly double quotes, or single quotes that are not
/// apostrophes), as ranges of their insides; long ones (more than eight words) are passages, not forms.
pub fn quotations(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (open, close) in [
        ('"', '"'),
        ('\u{201c}', '\u{201d}'),
        ('\'', '\''),
        ('\u{2018}', '\u{2019}'),
    ] {
        let mut from = 0;
        while let Some(o) = text[from..].find(open).map(|i| from + i) {
            let inside = o + open.len_utf8();
            if text[..o]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                from = inside;
                continue;
            }
            // A closing mark followed by a letter is an apostrophe ("don't"), not the quotation's end.
            let Some(c) = text[inside..]
                .match_indices(close)
                .map(|(i, _)| inside + i)
                .find(|&c| {
                    text[c + close.len_utf8()..]
                        .chars()
                        .next()
                        .is_none_or(|n| !n.is_alphanumeric())
                })
            else {
                break;
            };
            if c > inside && text[inside..c].split_whitespace().count() <= 8 {
                out.push(inside..c);
            }
            from = c + close.len_utf8();
        }
    }
    out
}

/// Does the sentence set `text[range]` beside its fix, quoted, as a wrong form against the right one:
/// itself quoted ("write "a URL" (not "an URL")", "a user types "run", "runn""), or after the quoted
/// fix and a "not" ("always "Meilisearch" (not MeiliSearch)")? Then it speaks of the forms, and the
/// wrong one is an example, not a slip. A quoted label elsewhere in the sentence ("open the "GitHub"
/// tab, then Github") is no such contrast.
pub fn contrasts(sentence: &str, range: Range<usize>, fixes: &[String]) -> bool {
    let quotes = quotations(sentence);
    if quotes.is_empty() {
        return false;
    }
    let quoted_as = |form: &str| {
        let form = form.trim();
        quotes
            .iter()
            .find(|q| !form.is_empty() && sentence[(*q).clone()].trim() == form)
            .cloned()
    };
    let inside = quotes
        .iter()
        .find(|q| q.start <= range.start && range.end <= q.end);
    fixes.iter().take(3).any(|fix| match inside {
        Some(q) => {
            let fixed = format!(
                "{}{fix}{}",
                &sentence[q.start..range.start],
                &sentence[range.end..q.end]
            );
            quoted_as(fix).is_some() || quoted_as(&fixed).is_some()
        }
        None => quoted_as(fix).is_some_and(|q| {
            q.end < range.start
                && sentence[q.end..range.start].len() < 40
                && sentence[q.end..range.start]
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| w.eq_ignore_ascii_case("not"))
        }),
    })
}

pub fn is_all_lower(s: &str) -> bool {
    s.chars().all(|c| !c.is_alphabetic() || c.is_lowercase())
}

pub fn is_all_upper(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && s.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// `Word` with only its first letter in upper case.
pub fn is_capitalised(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_uppercase) && is_all_lower(chars.as_str())
}

/// `s` with its first letter in upper case.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Lower-case ASCII copy (rules compare against lower-case word lists).
pub fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Does a block speak of typos ("fix typo in example usage "occured"", "Docs: fixes typo
/// peerDepencies", "Spelling fix: 'comma seperated'=>'comma-separated'")? Its misspellings and doubled
/// words are quoted, not made. "Spelling" counts only beside an arrow from the slip to its fix.
pub fn mentions_typos(text: &str) -> bool {
    // A block without "typo" or "spel" (any case) says none of it: every "p" is found at memchr's
    // speed and only its neighbours are compared, instead of splitting every block (two rules ask
    // this of every block).
    let bytes = text.as_bytes();
    let near = |from: usize, to: usize, what: &[u8]| {
        bytes
            .get(from..to)
            .is_some_and(|s| s.eq_ignore_ascii_case(what))
    };
    if !memchr::memchr2_iter(b'p', b'P', bytes)
        .any(|i| (i >= 2 && near(i - 2, i + 2, b"typo")) || (i >= 1 && near(i - 1, i + 3, b"spel")))
    {
        return false;
    }
    let arrow = || ["->", "=>", "\u{2192}"].iter().any(|a| text.contains(a));
    text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        ["typo", "typos", "typoed"]
            .iter()
            .any(|t| w.eq_ignore_ascii_case(t))
            || w.get(..7)
                .is_some_and(|p| p.eq_ignore_ascii_case("misspel"))
            || (w.eq_ignore_ascii_case("spelling") && arrow())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        words(s).into_iter().map(|w| w.text(s)).collect()
    }

    #[test]
    fn a_block_that_speaks_of_a_typo_quotes_it() {
        for yes in [
            "docs: fix typo in example usage \"occured\"",
            "Fixes a misspelled key",
            "Spelling fix: 'comma seperated'=>'comma-separated'",
            "Typo (at at -> at)",
        ] {
            assert!(mentions_typos(yes), "{yes}");
        }
        // "Spelling" alone is a topic, not a quoted slip.
        for no in [
            "The typography scale keeps the headings.",
            "Spelling fixes matter in names.",
            "Check the spelling of names.",
        ] {
            assert!(!mentions_typos(no), "{no}");
        }
    }

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        assert_eq!(
            split("Don't re-run the well-known x86 tool -- now."),
            vec!["Don't", "re-run", "the", "well-known", "x86", "tool", "now"]
        );
        assert_eq!(split("GitHub's API"), vec!["GitHub's", "API"]);
        assert_eq!(split("a-"), vec!["a"]);
        assert_eq!(split("naïve café"), vec!["naïve", "café"]);
    }

    #[test]
    fn sentence_bounds() {
        let t = "First one. Second has it here. Third.";
        let at = t.find("it").expect("it");
        assert_eq!(&t[sentence_around(t, at..at + 2)], "Second has it here.");
        assert_eq!(&t[sentence_around(t, 0..5)], "First one.");
        let v = "v1.2 is it";
        assert_eq!(&v[sentence_around(v, 0..2)], v);
    }

    #[test]
    fn sentence_starts() {
        let t = "Hello. **World** and (this)";
        assert!(starts_sentence(t, 0));
        assert!(starts_sentence(t, t.find("World").expect("w")));
        assert!(!starts_sentence(t, t.find("and").expect("a")));
    }

    #[test]
    fn a_wrong_form_quoted_beside_its_fix_is_an_example() {
        let fix = |s: &str| vec![s.to_owned()];
        let t = r#"Product name: always "Meilisearch" (not MeiliSearch, meiliSearch)."#;
        let at = t.find("MeiliSearch").expect("m");
        assert!(contrasts(t, at..at + 11, &fix("Meilisearch")));
        let t = r#"Write "a URL", "an HTML" (not "an URL", "a HTML")."#;
        let at = t.find("an URL").expect("a");
        assert!(contrasts(t, at..at + 2, &fix("a")));
        assert!(contrasts(t, at..at + 6, &fix("a URL")));
        let t = "A user typing \u{201c}run\u{201d}, \u{201c}runn\u{201d} sends two requests.";
        let at = t.find("runn").expect("r");
        assert!(contrasts(t, at..at + 4, &fix("run")));
        // The fix only in the doc's words, a quoted label beside the doc's own slip, or no quotation
        // at all: a slip.
        let t = r#"Click "Save" and open Github, then GitHub."#;
        let at = t.find("Github").expect("g");
        assert!(!contrasts(t, at..at + 6, &fix("GitHub")));
        let t = r#"Open the "GitHub" tab, then sign in to Github."#;
        let at = t.find("Github").expect("g");
        assert!(!contrasts(t, at..at + 6, &fix("GitHub")));
        let t = r#"Set "receive" to true to recieve events."#;
        let at = t.find("recieve").expect("r");
        assert!(!contrasts(t, at..at + 7, &fix("receive")));
        let t = r#"Write "a URL" and then an URL here."#;
        let at = t.find("an URL").expect("a");
        assert!(!contrasts(t, at..at + 6, &fix("a URL")));
        let t = "Don't open Github: it's GitHub's page.";
        let at = t.find("Github").expect("g");
        assert!(!contrasts(t, at..at + 6, &fix("GitHub")));
    }

    #[test]
    fn quotations_skip_apostrophes_and_passages() {
        let t = r#"It's "one" and 'two' but don't 'x y'."#;
        let q: Vec<&str> = quotations(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(q, vec!["one", "two", "x y"]);
        let long = r#""one two three four five six seven eight nine""#;
        assert!(quotations(long).is_empty());
    }

    #[test]
    fn cases() {
        assert!(is_all_upper("ONEDNN"));
        assert!(!is_all_upper("oneDNN"));
        assert!(is_capitalised("Github"));
        assert!(!is_capitalised("GitHub"));
        assert!(is_all_lower("github"));
        assert_eq!(capitalise("allows"), "Allows");
    }
}
