//! Vale's regular expressions. Vale's rules may use look-around and back-references; the `regex` crate
//! has neither but runs in linear time. A pattern is compiled with `regex` when it can be, and only
//! otherwise with `fancy-regex` (which backtracks, bounded by its step limit).

use std::ops::Range;

#[derive(Debug, Clone)]
pub enum Pattern {
    Plain(regex::Regex),
    Fancy(Box<fancy_regex::Regex>),
}

/// Vale writes patterns for Go's regexp2; a few spellings differ in Rust.
fn translate(src: &str) -> String {
    // `\Z` (end of text, before a final newline) is `\z` closely enough for prose blocks.
    src.replace(r"\Z", r"\z")
}

impl Pattern {
    pub fn new(src: &str) -> Result<Pattern, String> {
        let src = translate(src);
        match regex::Regex::new(&src) {
            Ok(re) => Ok(Pattern::Plain(re)),
            Err(plain) => match fancy_regex::Regex::new(&src) {
                Ok(re) => Ok(Pattern::Fancy(Box::new(re))),
                Err(_) => Err(plain.to_string()),
            },
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Pattern::Plain(re) => re.as_str(),
            Pattern::Fancy(re) => re.as_str(),
        }
    }

    pub fn is_match(&self, text: &str) -> bool {
        match self {
            Pattern::Plain(re) => re.is_match(text),
            Pattern::Fancy(re) => re.is_match(text).unwrap_or(false),
        }
    }

    /// Every non-overlapping match.
    pub fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        match self {
            Pattern::Plain(re) => re.find_iter(text).map(|m| m.range()).collect(),
            Pattern::Fancy(re) => re
                .find_iter(text)
                .map_while(Result::ok)
                .map(|m| m.range())
                .collect(),
        }
    }

    /// Every match with its groups (index 0: the whole match).
    pub fn captures_all(&self, text: &str) -> Vec<Vec<Option<Range<usize>>>> {
        match self {
            Pattern::Plain(re) => re
                .captures_iter(text)
                .map(|c| c.iter().map(|g| g.map(|m| m.range())).collect())
                .collect(),
            Pattern::Fancy(re) => re
                .captures_iter(text)
                .map_while(Result::ok)
                .map(|c| c.iter().map(|g| g.map(|m| m.range())).collect())
                .collect(),
        }
    }

    /// `text` with every match replaced by `with` (`$1`, `${name}` expand).
    pub fn replace_all(&self, text: &str, with: &str) -> String {
        match self {
            Pattern::Plain(re) => re.replace_all(text, with).into_owned(),
            Pattern::Fancy(re) => re.replace_all(text, with).into_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_patterns_stay_linear_and_look_around_still_works() {
        assert!(matches!(Pattern::new(r"\bfoo\b"), Ok(Pattern::Plain(_))));
        let look = Pattern::new(r"\bfoo(?! bar)\b").expect("compiles");
        assert!(matches!(look, Pattern::Fancy(_)));
        assert_eq!(look.find_all("foo bar, foo baz"), vec![9..12]);
        let back = Pattern::new(r"\b(\w+) \1\b").expect("compiles");
        assert_eq!(back.find_all("it is is so"), vec![3..8]);
        assert!(Pattern::new("(unclosed").is_err());
    }
}
