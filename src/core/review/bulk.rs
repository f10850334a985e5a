//! Decisions on many findings at once (by file, rule, word or everywhere), writing deferred fixes, and
//! undo.

use super::*;

impl ReviewState {
    /// Counts for the bulk popup: items `A`/`R` would act on in each scope.
    pub fn bulk_count(&self, accept: bool, scope: BulkScope) -> usize {
        self.bulk_targets(accept, scope).len()
    }

    pub(super) fn bulk_targets(&self, accept: bool, scope: BulkScope) -> Vec<usize> {
        let Some(cur) = self.current() else {
            return Vec::new();
        };
        let word = cur.finding.text.to_lowercase();
        self.open_items()
            .filter(|&i| {
                let it = &self.items[i];
                (!accept || !it.finding.replacements.is_empty())
                    && match scope {
                        BulkScope::Word => {
                            it.finding.rule == cur.finding.rule
                                && it.finding.text.to_lowercase() == word
                        }
                        BulkScope::File => it.doc == cur.doc,
                        BulkScope::Rule => it.finding.rule == cur.finding.rule,
                        BulkScope::Everything => true,
                    }
            })
            .collect()
    }

    pub(super) fn bulk(&mut self, accept: bool, scope: BulkScope, fx: &mut Vec<Effect>) {
        let targets = self.bulk_targets(accept, scope);
        self.bulk_apply(accept, targets, fx);
    }

    /// Accepts (the fixable ones) or rejects the open items among `ids`, as one undo step.
    pub fn bulk_items(&mut self, accept: bool, ids: &[usize]) -> Vec<Effect> {
        let targets: Vec<usize> = ids
            .iter()
            .copied()
            .filter(|&i| {
                i < self.items.len()
                    && self.items[i].status.is_open()
                    && (!accept || !self.items[i].finding.replacements.is_empty())
            })
            .collect();
        let mut fx = Vec::new();
        self.message = None;
        self.bulk_apply(accept, targets, &mut fx);
        fx
    }

    pub(super) fn bulk_apply(&mut self, accept: bool, targets: Vec<usize>, fx: &mut Vec<Effect>) {
        if targets.is_empty() {
            return;
        }
        if !accept || self.defer {
            let step = Step {
                items: targets.iter().map(|&i| self.before(i)).collect(),
                writes: Vec::new(),
            };
            for &i in &targets {
                let (status, decision, after) = if accept {
                    let r = self.items[i].finding.replacements[0].clone();
                    (Status::Accepted(r.clone()), Decision::Accept, Some(r))
                } else {
                    (Status::Rejected, Decision::Reject, None)
                };
                fx.push(Effect::Journal(self.entry(i, decision, after, false)));
                self.items[i].status = status;
                self.items[i].written = false;
            }
            self.undo.push(step);
            self.say(
                Tone::Info,
                format!(
                    "{} {} findings.",
                    if accept { "Accepted" } else { "Rejected" },
                    targets.len()
                ),
            );
            self.advance();
            return;
        }
        let mut by_doc: BTreeMap<usize, Vec<(usize, String)>> = BTreeMap::new();
        for &i in &targets {
            let r = self.items[i].finding.replacements[0].clone();
            by_doc.entry(self.items[i].doc).or_default().push((i, r));
        }
        let mut overlapping = 0;
        for (doc, edits) in by_doc {
            let skipped = self.write_edits(doc, edits, PendingKind::Accept(Vec::new()), fx);
            overlapping += skipped.len();
        }
        if overlapping > 0 {
            self.say(
                Tone::Info,
                format!("{overlapping} overlapping fixes were left undecided."),
            );
        }
        self.finish_step_if_idle();
    }

    pub(super) fn write_all(&mut self, fx: &mut Vec<Effect>) {
        let mut by_doc: BTreeMap<usize, Vec<(usize, String)>> = BTreeMap::new();
        for &i in &self.order {
            if let Status::Accepted(r) = &self.items[i].status
                && !self.items[i].written
            {
                by_doc
                    .entry(self.items[i].doc)
                    .or_default()
                    .push((i, r.clone()));
            }
        }
        if by_doc.is_empty() {
            self.say(Tone::Info, "No accepted fixes wait to be written.");
            return;
        }
        for (doc, edits) in by_doc {
            let skipped = self.write_edits(doc, edits, PendingKind::WriteAll(Vec::new()), fx);
            for i in skipped {
                self.items[i].status = Status::Stale("overlaps another accepted fix".into());
            }
        }
        self.finish_step_if_idle();
    }

    /// Takes the last decision back (as the `u` key).
    pub fn undo_last(&mut self) -> Vec<Effect> {
        let mut fx = Vec::new();
        self.undo(&mut fx);
        fx
    }

    pub(super) fn undo(&mut self, fx: &mut Vec<Effect>) {
        let Some(step) = self.undo.pop() else {
            self.say(Tone::Info, "Nothing to undo.");
            return;
        };
        // Files come back only when they are still exactly as docreview wrote them.
        if let Some((doc, _, _)) = step
            .writes
            .iter()
            .find(|(d, _, after)| self.docs[*d].text != *after)
        {
            let path = self.docs[*doc].path.clone();
            self.say(
                Tone::Warning,
                format!("Not undone: {path} changed since docreview wrote it; the fix stays."),
            );
            return;
        }
        let written: HashSet<usize> = step.writes.iter().map(|(d, _, _)| *d).collect();
        let (later, now): (Vec<Before>, Vec<Before>) = step
            .items
            .into_iter()
            .partition(|b| written.contains(&self.items[b.item].doc));
        for (doc, before, after) in step.writes.into_iter().rev() {
            let mine: Vec<Before> = later
                .iter()
                .filter(|b| self.items[b.item].doc == doc)
                .cloned()
                .collect();
            let id = self.next_id();
            self.pending.insert(
                id,
                PendingWrite {
                    doc,
                    before: after.clone(),
                    after: before.clone(),
                    kind: PendingKind::Undo(mine),
                    retried: false,
                },
            );
            fx.push(Effect::Write {
                id,
                doc,
                expected: after,
                new: before,
            });
        }
        self.restore(&now, fx);
    }

    /// Puts items back as they were before a step and shows the first of them.
    pub(super) fn restore(&mut self, items: &[Before], fx: &mut Vec<Effect>) {
        let mut first = None;
        let mut decisions = 0;
        for b in items {
            let it = &mut self.items[b.item];
            let changed = it.status != b.status;
            let unwritten = it.written && !b.written;
            it.status = b.status.clone();
            it.written = b.written;
            it.finding.start = b.span.start;
            it.finding.end = b.span.end;
            if changed {
                first.get_or_insert(b.item);
                decisions += 1;
                let e = self.entry(b.item, Decision::Undo, None, false);
                fx.push(Effect::Journal(e));
            } else if unwritten && let Status::Accepted(r) = &b.status {
                // A deferred accept whose write was undone is pending again: say so in the journal,
                // so `apply --accepted` and the next session see it.
                first.get_or_insert(b.item);
                decisions += 1;
                let e = self.entry(b.item, Decision::Accept, Some(r.clone()), false);
                fx.push(Effect::Journal(e));
            }
        }
        if let Some(i) = first {
            if !self.visible.contains(&i) {
                self.filter.clear();
                self.refilter();
            }
            self.set_current(Some(i));
            self.say(
                Tone::Info,
                if decisions == 1 {
                    "Undone.".to_owned()
                } else {
                    format!("Undone: {decisions} decisions.")
                },
            );
        }
    }
}
