//! The baseline: findings a team has decided to live with for now (legacy docs), recorded so that
//! `check`, `review` and `triage` report only new problems. An entry is a doc's path (relative to the
//! repository root), a rule and the finding's content fingerprint (rule + matched text + normalised
//! sentence), so moving text around or editing other lines keeps it matched, and editing the sentence
//! itself makes the finding new again.
//!
//! The file (`.docreview-baseline.json`, meant to be committed) lists one entry per line in a stable
//! order, so its diffs are small and merge well.

use crate::core::Located;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// One accepted-for-now finding.
/// The baseline file's name, at the repository root (or in the working directory outside one).
pub const FILE_NAME: &str = ".docreview-baseline.json";

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Record {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
}

/// A set of entries.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    entries: Vec<Record>,
    index: HashSet<Record>,
}

/// The entries, in order, and not the index made of them: a hash set's order changes from one run
/// to the next, and a report remembered whole is keyed by the debug text of the plan that holds this.
impl std::fmt::Debug for Baseline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Baseline")
            .field("entries", &self.entries)
            .finish_non_exhaustive()
    }
}

/// Why a baseline's text is not a baseline, and where.
#[derive(Debug, thiserror::Error)]
#[error("{}", .0.message)]
pub struct BaselineError(pub crate::core::Located);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    #[serde(default)]
    #[allow(dead_code)]
    note: String,
    findings: Vec<Record>,
}

const NOTE: &str = "Findings docreview no longer reports: written by `docreview baseline write`, \
trimmed by `docreview baseline update`. Commit this file; delete entries to see them again.";

impl Baseline {
    pub fn new(entries: impl IntoIterator<Item = Record>) -> Baseline {
        let mut entries: Vec<Record> = entries.into_iter().collect();
        entries.sort();
        entries.dedup();
        let index = entries.iter().cloned().collect();
        Baseline { entries, index }
    }

    pub fn entries(&self) -> &[Record] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn contains(&self, path: &str, rule: &str, fingerprint: &str) -> bool {
        // The common case (no baseline) costs nothing.
        !self.index.is_empty()
            && self.index.contains(&Record {
                path: path.to_owned(),
                rule: rule.to_owned(),
                fingerprint: fingerprint.to_owned(),
            })
    }

    /// Parses the file's text.
    pub fn parse(text: &str) -> Result<Baseline, BaselineError> {
        let f: File = serde_json::from_str(text)
            .map_err(|e| BaselineError(Located::json(&e, "not a docreview baseline")))?;
        if f.version != 1 {
            return Err(BaselineError(Located::file(format!(
                "not a docreview baseline: version {} is newer than this docreview understands (1)",
                f.version
            ))));
        }
        Ok(Baseline::new(f.findings))
    }

    /// The file's text: stable order, one entry per line.
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str("{\n  \"version\": 1,\n");
        out.push_str(&format!("  \"note\": {},\n", json_string(NOTE)));
        out.push_str("  \"findings\": [");
        for (i, e) in self.entries.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            out.push_str(&format!(
                "    {{\"path\": {}, \"rule\": {}, \"fingerprint\": {}}}",
                json_string(&e.path),
                json_string(&e.rule),
                json_string(&e.fingerprint)
            ));
        }
        out.push_str(if self.entries.is_empty() {
            "]\n}\n"
        } else {
            "\n  ]\n}\n"
        });
        out
    }

    /// Keeps only the entries `still` says still match (for `baseline update`).
    pub fn retain(&self, still: impl Fn(&Record) -> bool) -> Baseline {
        Baseline::new(self.entries.iter().filter(|e| still(e)).cloned())
    }
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(path: &str, rule: &str, fp: &str) -> Record {
        Record {
            path: path.into(),
            rule: rule.into(),
            fingerprint: fp.into(),
        }
    }

    /// Two baselines of the same entries read the same, whatever order their sets keep.
    #[test]
    fn the_debug_text_is_the_entries_in_order() {
        let records: Vec<Record> = (0..12).map(|i| e(&format!("{i}.md"), "r.x", "f")).collect();
        let first = format!("{:?}", Baseline::new(records.clone()));
        for _ in 0..20 {
            let mut shuffled = records.clone();
            shuffled.rotate_left(5);
            assert_eq!(format!("{:?}", Baseline::new(shuffled)), first);
        }
        assert!(
            first.contains("\"0.md\"") && !first.contains("index"),
            "{first}"
        );
    }

    #[test]
    fn round_trip_with_stable_order_one_entry_per_line() {
        let b = Baseline::new([
            e("b.md", "r.x", "2"),
            e("a.md", "r.y", "1"),
            e("a.md", "r.x", "9"),
            e("a.md", "r.x", "9"),
        ]);
        let text = b.render();
        let lines: Vec<&str> = text.lines().filter(|l| l.contains("\"path\"")).collect();
        assert_eq!(lines.len(), 3, "duplicates collapse:\n{text}");
        assert!(
            lines[0].contains("\"a.md\"") && lines[0].contains("\"r.x\""),
            "{text}"
        );
        assert!(lines[2].contains("\"b.md\""), "{text}");
        let back = Baseline::parse(&text).expect("parse");
        assert_eq!(back, b);
        assert!(back.contains("a.md", "r.y", "1"));
        assert!(!back.contains("a.md", "r.y", "2"));
        assert_eq!(
            Baseline::parse(&Baseline::default().render()).expect("empty"),
            Baseline::default()
        );
    }

    #[test]
    fn bad_files_are_errors() {
        assert!(Baseline::parse("{}").is_err());
        assert!(Baseline::parse("{\"version\": 2, \"findings\": []}").is_err());
        assert!(Baseline::parse("not json").is_err());
    }

    #[test]
    fn retain_only_removes() {
        let b = Baseline::new([e("a.md", "r.x", "1"), e("a.md", "r.x", "2")]);
        let kept = b.retain(|x| x.fingerprint == "2");
        assert_eq!(kept.len(), 1);
        assert!(kept.contains("a.md", "r.x", "2"));
    }
}
