//! One finding per place: when rules flag overlapping text, the better-ranked rule's finding stays.

use super::*;

impl Engine {
    /// Which of two overlapping findings wins: docreview's own rules (0) over harper's linters (1)
    /// over spelling (2).
    pub(super) fn rank(&self, rule: &str) -> u8 {
        if spelling::owns(rule) {
            2
        } else if self.harper.owns(rule) {
            1
        } else {
            0
        }
    }

    /// `later` without the findings that overlap one of `earlier` (same file) of the same or a better
    /// rank: one place, one finding, the most specific rule's.
    pub fn without_overlaps(&self, earlier: &[Finding], later: Vec<Finding>) -> Vec<Finding> {
        let mut by_path: HashMap<&str, Vec<(usize, usize, u8)>> = HashMap::new();
        for f in earlier {
            by_path.entry(f.path.as_str()).or_default().push((
                f.start,
                f.end.max(f.start + 1),
                self.rank(&f.rule),
            ));
        }
        later
            .into_iter()
            .filter(|f| {
                let (s, e, r) = (f.start, f.end.max(f.start + 1), self.rank(&f.rule));
                !by_path
                    .get(f.path.as_str())
                    .is_some_and(|v| v.iter().any(|&(a, b, q)| a < e && s < b && q <= r))
            })
            .collect()
    }

    /// Sorts findings from several passes and drops the ones a better-ranked finding overlaps.
    pub fn finish(&self, mut findings: Vec<Finding>) -> Vec<Finding> {
        sort_findings(&mut findings);
        self.dedupe(findings)
    }

    /// Drops findings that overlap a better-ranked one in the same file (see [`Engine::rank`]): a
    /// harper finding under one of docreview's own, a spelling finding under either. `findings` are
    /// sorted ([`sort_findings`]) and stay in that order.
    pub(super) fn dedupe(&self, findings: Vec<Finding>) -> Vec<Finding> {
        let ranks: Vec<u8> = findings.iter().map(|f| self.rank(&f.rule)).collect();
        if ranks.iter().all(|&r| r == 0) {
            return findings;
        }
        let span = |f: &Finding| (f.start, f.end.max(f.start + 1));
        let mut keep = vec![true; findings.len()];
        let mut first = 0;
        while first < findings.len() {
            let path = findings[first].path.as_str();
            let end = first
                + findings[first..]
                    .iter()
                    .take_while(|f| f.path == path)
                    .count();
            for rank in 1..=2 {
                for k in (first..end).filter(|&k| ranks[k] == rank) {
                    let (s, e) = span(&findings[k]);
                    keep[k] = !(first..end).any(|m| {
                        let (a, b) = span(&findings[m]);
                        keep[m] && ranks[m] < rank && a < e && s < b
                    });
                }
            }
            first = end;
        }
        // In place: a warm run may hold hundreds of thousands of findings here.
        let mut findings = findings;
        let mut kept = keep.into_iter();
        findings.retain(|_| kept.next().unwrap_or(true));
        findings
    }
}
