//! Output formats for findings: `human` (the default on a terminal), `json` (the public contract),
//! `github` (workflow commands that annotate a pull request) and unified diffs of fixes. Renderers write
//! to any `io::Write`; they never decide exit codes or touch files.

pub mod diff;
pub mod github;
pub mod human;
pub mod json;
pub mod line;
pub mod rdjson;
pub mod sarif;

use crate::core::finding::{Finding, Safety};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Writes one block per item, made on every core and written in order, a batch at a time: a report
/// of hundreds of thousands of findings goes out without being held in memory whole, and without
/// many small writes to `out`. `block(buf, index, item)` appends item `index`'s block to `buf`.
pub fn write_blocks<T: Sync>(
    out: &mut dyn Write,
    items: &[T],
    block: impl Fn(&mut Vec<u8>, usize, &T) -> io::Result<()> + Sync,
) -> io::Result<()> {
    const CHUNK: usize = 2048;
    const BATCH: usize = 16 * CHUNK;
    for (b, batch) in items.chunks(BATCH).enumerate() {
        let parts: Vec<io::Result<Vec<u8>>> = batch
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                let mut buf = Vec::with_capacity(chunk.len() * 512);
                for (i, item) in chunk.iter().enumerate() {
                    block(&mut buf, b * BATCH + c * CHUNK + i, item)?;
                }
                Ok(buf)
            })
            .collect();
        for part in parts {
            out.write_all(&part?)?;
        }
    }
    Ok(())
}

/// Counts shown at the end of a report and in the JSON summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Docs checked.
    pub files: usize,
    pub findings: usize,
    /// Findings with at least one replacement.
    pub fixable: usize,
    /// Fixable findings whose fix is safe to batch-apply.
    pub safe: usize,
    /// Docs with at least one finding.
    pub files_with_findings: usize,
}

impl Summary {
    pub fn of(findings: &[Finding], files: usize) -> Summary {
        let mut paths: Vec<&str> = findings.iter().map(|f| f.path.as_str()).collect();
        paths.dedup();
        Summary {
            files,
            findings: findings.len(),
            fixable: findings.iter().filter(|f| f.is_fixable()).count(),
            safe: findings
                .iter()
                .filter(|f| f.is_fixable() && f.safety == Safety::Safe)
                .count(),
            files_with_findings: paths.len(),
        }
    }
}

/// Findings per rule, sorted by rule id.
pub fn per_rule<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> BTreeMap<&'a str, usize> {
    let mut m = BTreeMap::new();
    for f in findings {
        *m.entry(f.rule.as_str()).or_insert(0) += 1;
    }
    m
}

pub use crate::core::counts::{plural, thousands};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_well() {
        assert_eq!(plural(1, "finding", "findings"), "1 finding");
        assert_eq!(plural(4434, "finding", "findings"), "4,434 findings");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(0), "0");
    }
}
