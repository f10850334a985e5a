//! The review journal's entries: each decision with enough context to apply it later
//! (`apply --accepted`) or to find its text again after the file changed ([`reanchor`]), and the last
//! decision per finding from earlier sessions ([`resume_from`]).

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ops::Range;

/// What a decision was, in the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    Accept,
    Reject,
    Skip,
    /// The last decision on this finding was taken back.
    Undo,
    /// A deferred accept was written to disk.
    Written,
}

/// One journal line: a decision and enough context to apply it later (`apply --accepted`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub session: String,
    pub decision: Decision,
    pub fingerprint: String,
    pub path: String,
    pub rule: String,
    pub start: usize,
    pub end: usize,
    /// The finding's text.
    pub before: String,
    /// The replacement (accepts only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Up to 40 bytes before and after the span, to find it again.
    #[serde(default)]
    pub context_before: String,
    #[serde(default)]
    pub context_after: String,
    /// The fix is in the file (accepts and writes).
    #[serde(default)]
    pub written: bool,
    /// The file's absolute path (filled in by the shell), so a later `apply --accepted` finds it
    /// from any working directory.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
}

/// The last decision on each finding in earlier sessions, by (path, fingerprint).
pub type Resume = HashMap<(String, String), Decision>;

/// Finds `before` again in `text` after the file changed: the occurrence whose surroundings match
/// `context_before`/`context_after` best, nearest to `hint` on a tie. `None` when the text is gone or
/// no occurrence has any matching context (too risky to guess).
pub fn reanchor(
    text: &str,
    before: &str,
    context_before: &str,
    context_after: &str,
    hint: usize,
) -> Option<Range<usize>> {
    if before.is_empty() {
        return None;
    }
    let mut best: Option<(usize, usize, usize)> = None; // (score, distance, start)
    for (start, _) in text.match_indices(before) {
        let end = start + before.len();
        let pre = &text[..start];
        let post = &text[end..];
        let score_pre = pre
            .chars()
            .rev()
            .zip(context_before.chars().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let score_post = post
            .chars()
            .zip(context_after.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let score = score_pre + score_post;
        let distance = start.abs_diff(hint);
        let better = match best {
            None => true,
            Some((s, d, _)) => score > s || score == s && distance < d,
        };
        if better {
            best = Some((score, distance, start));
        }
    }
    let (score, _, start) = best?;
    let needed = (context_before.chars().count() + context_after.chars().count()).min(8);
    (score >= needed).then(|| start..start + before.len())
}

/// The last decision per finding from journal entries (an undo takes the decision before it back).
/// `path_of` says which path an entry is about, as the session's docs name it.
pub fn resume_from(entries: &[Entry], path_of: impl Fn(&Entry) -> String) -> Resume {
    let mut history: HashMap<(String, String), Vec<Decision>> = HashMap::new();
    for e in entries {
        let h = history
            .entry((path_of(e), e.fingerprint.clone()))
            .or_default();
        match e.decision {
            Decision::Undo => {
                h.pop();
            }
            d => h.push(d),
        }
    }
    history
        .into_iter()
        .filter_map(|(fp, h)| Some((fp, *h.last()?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reanchor_prefers_matching_context() {
        let text = "a Github b\nc Github d\n";
        assert_eq!(reanchor(text, "Github", "c ", " d", 0), Some(13..19));
        assert_eq!(reanchor(text, "Github", "x ", " y", 0), None);
        assert_eq!(reanchor(text, "Gone", "a ", " b", 0), None);
    }
}
