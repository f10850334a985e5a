//! What a check produces: a [`Finding`] with its span in the file as on disk, its replacements and how
//! safe they are to apply without a human. The JSON shape of `Finding` is a public contract
//! (`check --format json`), so field names and order here are deliberate.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How much a finding matters. Ordered: `Suggestion < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Suggestion,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Suggestion => "suggestion",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "suggestion" => Some(Severity::Suggestion),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a finding's first replacement may be applied without a human looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Safety {
    /// Mechanical: fine to batch-apply (`docreview apply`).
    Safe,
    /// Needs a human: applied only on request (`apply --all-fixes`, the review screen).
    Review,
}

impl Safety {
    pub fn as_str(self) -> &'static str {
        match self {
            Safety::Safe => "safe",
            Safety::Review => "review",
        }
    }
}

impl fmt::Display for Safety {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Path as shown to the user (relative to the working directory when possible).
    pub path: String,
    /// `family.name`, e.g. `terminology.canonical`.
    pub rule: String,
    pub severity: Severity,
    /// What is wrong and why, in one sentence.
    pub message: String,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, counted in characters.
    pub column: usize,
    /// Byte offset into the file as on disk (a BOM counts).
    pub start: usize,
    /// Byte offset (exclusive) into the file as on disk.
    pub end: usize,
    /// The text of `[start, end)`.
    pub text: String,
    /// Alternatives for `[start, end)`, best first. Empty when the finding has no mechanical fix.
    pub replacements: Vec<String>,
    pub safety: Safety,
    /// Stable across line moves: rule + matched text + normalised sentence.
    pub fingerprint: String,
}

impl Finding {
    pub fn is_fixable(&self) -> bool {
        !self.replacements.is_empty()
    }

    /// The edit that applies replacement `n` (0 is the first, the proposed fix), if there is one.
    pub fn fix(&self, n: usize) -> Option<crate::core::edit::Edit> {
        Some(crate::core::edit::Edit {
            range: self.start..self.end,
            replacement: self.replacements.get(n)?.clone(),
        })
    }
}

/// Findings for tests: one builder instead of a copy per test module.
#[cfg(test)]
impl Finding {
    /// A finding of `text` at its first occurrence in `doc` at or after `from`, with fixes `reps`: line
    /// counted from `doc`, column 1, safe, message "fix TEXT", fingerprint from path, rule and offset.
    pub fn example(
        path: &str,
        doc: &str,
        text: &str,
        from: usize,
        rule: &str,
        reps: &[&str],
    ) -> Finding {
        let start = doc[from..].find(text).expect("text in doc") + from;
        Finding {
            path: path.into(),
            rule: rule.into(),
            severity: Severity::Warning,
            message: format!("fix {text}"),
            line: doc[..start].matches('\n').count() + 1,
            column: 1,
            start,
            end: start + text.len(),
            text: text.into(),
            replacements: reps.iter().map(|s| (*s).to_owned()).collect(),
            safety: Safety::Safe,
            fingerprint: format!("{path}:{rule}:{start}"),
        }
    }

    /// The same finding with another message.
    pub fn with_message(mut self, message: &str) -> Finding {
        self.message = message.into();
        self
    }

    /// The same finding with another fix safety.
    pub fn with_safety(mut self, safety: Safety) -> Finding {
        self.safety = safety;
        self
    }
}

/// A 64-bit FNV-1a hash: small, dependency-free and stable across platforms and releases, which is all a
/// fingerprint needs (it is an identity, not a security boundary).
pub fn fnv1a64(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        // Separate parts so ("ab", "c") and ("a", "bc") differ.
        hash ^= 0xff;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Fingerprint of a finding: rule, matched text, the sentence around it with whitespace collapsed and case
/// folded, and the occurrence number of the same match within that sentence.
pub fn fingerprint(rule: &str, text: &str, sentence: &str, occurrence: usize) -> String {
    fingerprint_normalised(rule, text, &normalise_sentence(sentence), occurrence)
}

/// [`fingerprint`] with the sentence already normalised ([`normalise_sentence`]): for many findings in
/// one sentence.
pub fn fingerprint_normalised(rule: &str, text: &str, norm: &str, occurrence: usize) -> String {
    let occ = occurrence.to_string();
    format!(
        "{:016x}",
        fnv1a64(&[
            rule.as_bytes(),
            text.as_bytes(),
            norm.as_bytes(),
            occ.as_bytes()
        ])
    )
}

/// Lower-case, with every run of whitespace (line breaks included) turned into one space.
pub fn normalise_sentence(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    for word in sentence.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// A replacement as a reader should see it: an empty one is "(delete)", line breaks are "⏎", tabs
/// "⇥", and a replacement of nothing but spaces shows each space as "␣" (it would look empty).
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_empty() {
        return "(delete)".into();
    }
    if s.chars().all(|c| c == ' ') {
        return "␣".repeat(s.len()).into();
    }
    if !s.contains(['\n', '\r', '\t']) {
        return s.into();
    }
    s.replace("\r\n", "⏎")
        .replace(['\n', '\r'], "⏎")
        .replace('\t', "⇥")
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacements_are_shown_so_that_nothing_looks_empty() {
        assert_eq!(visible(""), "(delete)");
        assert_eq!(visible(" "), "␣");
        assert_eq!(visible("a b"), "a b");
        assert_eq!(visible("a\nb\r\n\t"), "a⏎b⏎⇥");
    }

    #[test]
    fn severity_orders_from_suggestion_to_error() {
        assert!(Severity::Suggestion < Severity::Warning);
        assert!(Severity::Warning < Severity::Error);
        assert_eq!(Severity::parse("warning"), Some(Severity::Warning));
        assert_eq!(Severity::parse("fatal"), None);
    }

    #[test]
    fn fingerprint_ignores_line_breaks_and_case_but_not_words() {
        let a = fingerprint("r", "the the", "Put the the\ncat out.", 0);
        let b = fingerprint("r", "the the", "put   the the cat out.", 0);
        let c = fingerprint("r", "the the", "put the the dog out.", 0);
        let d = fingerprint("r", "the the", "put the the cat out.", 1);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_ne!(a, d);
        assert_eq!(a.len(), 16);
    }

    #[test]
    fn fnv_separates_parts() {
        assert_ne!(fnv1a64(&[b"ab", b"c"]), fnv1a64(&[b"a", b"bc"]));
    }
}
