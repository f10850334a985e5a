//! Queries for the screen (the item on screen, counts, files) and moving between findings.

use super::*;

impl ReviewState {
    /// Keeps the diff pane's scroll within `max` rows, as far as the screen's last drawing lets it
    /// go (so scrolling never runs past the end into rows nobody sees).
    pub fn clamp_scroll(&mut self, max: usize) {
        self.scroll = self.scroll.min(max);
    }

    /// The items of doc `doc`, in the order findings are reviewed.
    pub(super) fn doc_items(&self, doc: usize) -> Vec<usize> {
        self.order
            .iter()
            .copied()
            .filter(|&i| self.items[i].doc == doc)
            .collect()
    }

    /// The item on screen.
    pub fn current(&self) -> Option<&Item> {
        self.current.map(|i| &self.items[i])
    }

    pub fn current_id(&self) -> Option<usize> {
        self.current
    }

    /// Position of the current item among the visible ones (0-based) and how many are visible.
    pub fn position(&self) -> (usize, usize) {
        let at = self
            .current
            .and_then(|c| self.visible.iter().position(|&v| v == c))
            .unwrap_or(0);
        (at, self.visible.len())
    }

    /// Visible item ids in order.
    pub fn visible(&self) -> &[usize] {
        &self.visible
    }

    /// How many findings were accepted, rejected and skipped, and how many are open (skipped ones
    /// included), over all items.
    pub fn counts(&self) -> Tally {
        let mut c = Tally::default();
        for i in &self.order {
            match self.items[*i].status {
                Status::Accepted(_) => c.accepted += 1,
                Status::Rejected => c.rejected += 1,
                Status::Skipped => {
                    c.skipped += 1;
                    c.open += 1;
                }
                Status::Undecided => c.open += 1,
                Status::Stale(_) => {}
            }
        }
        c
    }

    /// Accepted fixes not yet written (deferred mode).
    pub fn unwritten(&self) -> usize {
        self.items
            .iter()
            .filter(|i| matches!(i.status, Status::Accepted(_)) && !i.written)
            .count()
    }

    /// Each doc with findings (in path order) and how many of them are decided.
    pub fn files(&self) -> Vec<FileProgress> {
        let mut out: Vec<FileProgress> = Vec::new();
        for &i in &self.order {
            let item = &self.items[i];
            let decided = usize::from(!item.status.is_open());
            match out.last_mut() {
                Some(last) if last.doc == item.doc => {
                    last.decided += decided;
                    last.total += 1;
                }
                _ => out.push(FileProgress {
                    doc: item.doc,
                    decided,
                    total: 1,
                }),
            }
        }
        out
    }

    /// Item ids in path order (hidden items left out).
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// Shows only `ids` (one triage group), or everything again with `None`.
    pub fn restrict(&mut self, ids: Option<HashSet<usize>>) {
        self.restriction = ids;
        self.current = None;
        self.refilter();
    }

    /// Removes items from the session for good (baselined, or their rule turned off).
    pub fn hide(&mut self, ids: &HashSet<usize>) {
        self.order.retain(|i| !ids.contains(i));
        self.refilter();
    }

    /// Recomputes the visible list and keeps the current item if it is still visible.
    pub(super) fn refilter(&mut self) {
        let needle = self.filter.to_lowercase();
        let docs = &self.docs;
        let only = self.restriction.as_ref();
        self.visible = self
            .order
            .iter()
            .copied()
            .filter(|&i| only.is_none_or(|o| o.contains(&i)))
            .filter(|&i| {
                let it = &self.items[i];
                needle.is_empty()
                    || docs[it.doc].path.to_lowercase().contains(&needle)
                    || it.finding.rule.to_lowercase().contains(&needle)
                    || it.finding.message.to_lowercase().contains(&needle)
            })
            .collect();
        if self.current.is_none_or(|c| !self.visible.contains(&c)) {
            self.current = self
                .visible
                .iter()
                .copied()
                .find(|&i| self.items[i].status.is_open())
                .or_else(|| self.visible.first().copied());
            self.scroll = 0;
        }
    }

    pub(super) fn set_current(&mut self, id: Option<usize>) {
        if id != self.current {
            self.scroll = 0;
        }
        self.current = id;
    }

    /// Moves to the next open item after the current one (wrapping), or says all are decided.
    pub(super) fn advance(&mut self) {
        let (at, n) = self.position();
        if n == 0 {
            return;
        }
        let next = (1..=n)
            .map(|k| self.visible[(at + k) % n])
            .find(|&i| self.items[i].status.is_open());
        match next {
            Some(i) => self.set_current(Some(i)),
            None if self.checking => {}
            None => {
                let hint = if self.defer && self.unwritten() > 0 {
                    "Every finding is decided: w writes the accepted fixes, q quits."
                } else {
                    "Every finding is decided: q quits."
                };
                self.say(Tone::Info, hint);
            }
        }
    }

    pub(super) fn step_by(&mut self, delta: isize) {
        let (at, n) = self.position();
        if n == 0 {
            return;
        }
        let next = (at as isize + delta).rem_euclid(n as isize) as usize;
        if delta > 0 && next < at {
            self.say(Tone::Info, "Back to the first finding.");
        } else if delta < 0 && next > at {
            self.say(Tone::Info, "On to the last finding.");
        }
        self.set_current(Some(self.visible[next]));
    }

    pub(super) fn file_step(&mut self, forward: bool) {
        let Some(cur) = self.current() else { return };
        let doc = cur.doc;
        let (at, n) = self.position();
        let vis = &self.visible;
        let target = if forward {
            (at + 1..n)
                .map(|k| vis[k])
                .find(|&i| self.items[i].doc != doc)
        } else {
            // The first item of the previous file.
            let prev_doc = (0..at)
                .rev()
                .map(|k| vis[k])
                .find(|&i| self.items[i].doc != doc)
                .map(|i| self.items[i].doc);
            prev_doc.and_then(|d| vis.iter().copied().find(|&i| self.items[i].doc == d))
        };
        match target {
            Some(t) => self.set_current(Some(t)),
            None => self.say(
                Tone::Info,
                if forward {
                    "This is the last file."
                } else {
                    "This is the first file."
                },
            ),
        }
    }

    pub(super) fn open_items(&self) -> impl Iterator<Item = usize> + '_ {
        self.visible
            .iter()
            .copied()
            .filter(|&i| self.items[i].status.is_open())
    }

    /// The docs docreview wrote whose text now differs from what they held before (a doc whose
    /// fixes were all undone is not among them).
    pub fn changed_docs(&self) -> Vec<&str> {
        self.written_docs
            .iter()
            .filter(|d| {
                self.originals.get(d)
                    != Some(&crate::core::finding::fnv1a64(&[self.docs[**d]
                        .text
                        .as_bytes()]))
            })
            .map(|&d| self.docs[d].path.as_str())
            .collect()
    }
}
