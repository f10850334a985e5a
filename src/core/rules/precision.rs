//! The evidence behind each rule's default: how many of its findings were right on docs the rules were
//! not tuned on. A rule is on by default only when a random sample of its findings there (fixed seed; 30,
//! or all if fewer), read one by one as a careful reviewer would, was at least [`GATE`] right. The
//! figures live in `data/precision.tsv` (how they were measured: `precision.md` beside this file); they
//! are shown by `docreview rules` and `docreview rules explain`, and a test keeps every rule's default in
//! line with them.

use std::collections::HashMap;
use std::sync::LazyLock;

/// The share of sampled findings that must be right for a rule to be on by default.
pub const GATE: f64 = 0.90;

/// One rule's measured precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measured {
    /// Findings the rule made on the measured docs.
    pub findings: u32,
    /// Findings read.
    pub sample: u32,
    /// Of those, right (a reviewer would want the finding; its fix may be a poor one).
    pub right: u32,
    /// Of the right ones, with a first replacement a reviewer would not pick.
    pub poor: u32,
    /// Where the docs came from.
    pub source: &'static str,
    /// When the sample was read (YYYY-MM-DD).
    pub date: &'static str,
}

impl Measured {
    /// Right findings per finding read (0 when nothing was read).
    pub fn precision(&self) -> f64 {
        if self.sample == 0 {
            0.0
        } else {
            f64::from(self.right) / f64::from(self.sample)
        }
    }

    /// Did the rule pass the gate? Nothing read is no evidence.
    pub fn passes(&self) -> bool {
        self.sample > 0 && self.precision() >= GATE
    }

    /// "93 % (28 of 30)", "no findings", for the rules table.
    pub fn short(&self) -> String {
        if self.sample == 0 {
            "no findings".to_owned()
        } else {
            format!(
                "{:.0} % ({} of {})",
                100.0 * self.precision(),
                self.right,
                self.sample
            )
        }
    }

    /// One sentence for `rules explain`.
    pub fn sentence(&self) -> String {
        let verdict = if self.passes() {
            "passes the gate for being on by default"
        } else {
            "is below the gate for being on by default"
        };
        if self.sample == 0 {
            return format!(
                "Measured precision: it made no findings on the docs it was measured on ({}, {}), so there \
                 is no evidence for it; it {verdict} ({:.0} % of a sample right).",
                self.source,
                self.date,
                100.0 * GATE
            );
        }
        let poor = if self.poor > 0 {
            format!(", {} of them with a poor first fix", self.poor)
        } else {
            String::new()
        };
        format!(
            "Measured precision: {} of {} sampled findings right ({:.0} %{poor}) on docs it was not tuned on \
             ({}; {} findings in all, read {}). It {verdict} ({:.0} %).",
            self.right,
            self.sample,
            100.0 * self.precision(),
            self.source,
            self.findings,
            self.date,
            100.0 * GATE
        )
    }
}

/// The measured precision of `rule`, if it was measured.
pub fn measured(rule: &str) -> Option<Measured> {
    static TABLE: LazyLock<HashMap<&'static str, Measured>> =
        LazyLock::new(|| parse(include_str!("data/precision.tsv")));
    TABLE.get(rule).copied()
}

/// Reads the table: `rule findings sample right wrong poor source date`, tab-separated, `#` comments.
fn parse(tsv: &'static str) -> HashMap<&'static str, Measured> {
    let mut out = HashMap::new();
    for line in super::lexicon::rows(tsv) {
        let f: Vec<&'static str> = line.split('\t').collect();
        let num = |i: usize| f.get(i).and_then(|v| v.trim().parse::<u32>().ok());
        if let (Some(rule), Some(findings), Some(sample), Some(right), Some(wrong), Some(poor)) =
            (f.first(), num(1), num(2), num(3), num(4), num(5))
            && right + wrong == sample
        {
            out.insert(
                rule.trim(),
                Measured {
                    findings,
                    sample,
                    right,
                    poor,
                    source: f.get(6).map_or("", |s| s.trim()),
                    date: f.get(7).map_or("", |s| s.trim()),
                },
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_table_reads() {
        let tsv = include_str!("data/precision.tsv");
        let rows = crate::core::rules::lexicon::rows(tsv).count();
        assert_eq!(
            parse(tsv).len(),
            rows,
            "a row that does not add up or parse"
        );
    }

    #[test]
    fn the_gate_needs_evidence_and_ninety_percent() {
        let m = |sample, right| Measured {
            findings: sample,
            sample,
            right,
            poor: 0,
            source: "test",
            date: "2026-11-29",
        };
        assert!(m(30, 27).passes());
        assert!(!m(30, 26).passes());
        assert!(m(3, 3).passes());
        assert!(!m(0, 0).passes());
        assert_eq!(m(30, 28).short(), "93 % (28 of 30)");
        assert_eq!(m(0, 0).short(), "no findings");
    }
}
