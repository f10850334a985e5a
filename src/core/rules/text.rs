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

/// Splits `text` into words.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start {
            let next_is_word = chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
            if is_joiner(c) && next_is_word {
                continue;
            }
            out.push(Word { start: s, end: i });
            start = None;
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
        });
    }
    out
}

/// True when `gap` (the text between two words) is plain white space, possibly a line break, and
/// nothing else: no punctuation and no placeholder.
pub fn is_space(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(char::is_whitespace)
}

/// The sentence of `text` around `range`: from after the previous `.`, `!`, `?` followed by white space
/// (or the start) to the next one (or the end).
pub fn sentence_around(text: &str, range: Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = range.start.min(text.len());
    while i > 0 {
        let c = bytes[i - 1];
        if c.is_ascii_whitespace() && i >= 2 && matches!(bytes[i - 2], b'.' | b'!' | b'?') {
            start = i;
            break;
        }
        i -= 1;
    }
    let mut end = text.len();
    let mut j = range.end.min(text.len());
    while j < text.len() {
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

/// True when the word starts a sentence: nothing but white space, quotes or brackets before it in the
/// block, or a sentence end before that.
pub fn starts_sentence(text: &str, at: usize) -> bool {
    let before =
        text[..at].trim_end_matches(|c: char| c.is_whitespace() || "\"'“‘([*_".contains(c));
    before.is_empty() || before.ends_with(['.', '!', '?', ':'])
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

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        words(s).into_iter().map(|w| w.text(s)).collect()
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
    fn cases() {
        assert!(is_all_upper("ONEDNN"));
        assert!(!is_all_upper("oneDNN"));
        assert!(is_capitalised("Github"));
        assert!(!is_capitalised("GitHub"));
        assert!(is_all_lower("github"));
        assert_eq!(capitalise("allows"), "Allows");
    }
}
