//! Deciding one finding and writing its fix: the journal entry, the guarded write handed to the
//! shell, and what happens when the shell reports it done or failed (the file changed underneath:
//! found again by its text and context, or marked stale).

use super::*;
use crate::core::journal::reanchor;

/// How many bytes of context journal entries keep on each side.
const CONTEXT: usize = 40;

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

impl ReviewState {
    pub(super) fn next_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    pub(super) fn entry(
        &self,
        item: usize,
        decision: Decision,
        after: Option<String>,
        written: bool,
    ) -> Entry {
        let it = &self.items[item];
        let text = &self.docs[it.doc].text;
        let (s, e) = (
            it.finding.start.min(text.len()),
            it.finding.end.min(text.len()),
        );
        let cb = floor_boundary(text, s.saturating_sub(CONTEXT));
        let ca = ceil_boundary(text, e + CONTEXT);
        Entry {
            session: self.session.clone(),
            decision,
            fingerprint: it.finding.fingerprint.clone(),
            path: self.docs[it.doc].path.clone(),
            rule: it.finding.rule.clone(),
            start: it.finding.start,
            end: it.finding.end,
            before: it.finding.text.clone(),
            after,
            context_before: text.get(cb..s).unwrap_or("").to_owned(),
            context_after: text.get(e..ca).unwrap_or("").to_owned(),
            written,
            file: String::new(),
        }
    }

    pub(super) fn before(&self, item: usize) -> Before {
        let it = &self.items[item];
        Before {
            item,
            status: it.status.clone(),
            written: it.written,
            span: it.finding.start..it.finding.end,
        }
    }

    pub(super) fn decide_current(&mut self, status: Status, fx: &mut Vec<Effect>) {
        let Some(cur) = self.current else { return };
        if !self.items[cur].status.is_open() {
            self.say(Tone::Info, "Already decided; u undoes the last decision.");
            return;
        }
        let decision = if status == Status::Rejected {
            Decision::Reject
        } else {
            Decision::Skip
        };
        let step = Step {
            items: vec![self.before(cur)],
            writes: Vec::new(),
        };
        self.items[cur].status = status;
        fx.push(Effect::Journal(self.entry(cur, decision, None, false)));
        self.undo.push(step);
        self.advance();
    }

    /// Accepts the current item with alternative `n` or an edited replacement.
    pub(super) fn accept_current(
        &mut self,
        n: usize,
        edited: Option<String>,
        fx: &mut Vec<Effect>,
    ) {
        let Some(cur) = self.current else { return };
        let it = &self.items[cur];
        if !(it.status.is_open() || it.status == Status::Rejected) {
            self.say(Tone::Info, "Already decided; u undoes the last decision.");
            return;
        }
        let replacement = match edited {
            Some(e) if e == it.finding.text => {
                self.say(Tone::Info, "The text is unchanged: nothing to write.");
                return;
            }
            Some(e) => e,
            None => match it.finding.replacements.get(n) {
                Some(r) => r.clone(),
                None if it.finding.replacements.is_empty() => {
                    self.say(
                        Tone::Info,
                        "No fix to accept here: e writes one, o opens the file.",
                    );
                    return;
                }
                None => {
                    self.say(Tone::Info, format!("There is no alternative {}.", n + 1));
                    return;
                }
            },
        };
        let doc = &self.docs[it.doc].text;
        let span = it.finding.start..it.finding.end;
        if doc.get(span.clone()).map(|s| s.matches('\n').count())
            != Some(replacement.matches('\n').count())
        {
            self.say(
                Tone::Warning,
                "That fix would add or remove a line break; o edits the file instead.",
            );
            return;
        }
        if self.defer {
            let step = Step {
                items: vec![self.before(cur)],
                writes: Vec::new(),
            };
            self.items[cur].status = Status::Accepted(replacement.clone());
            self.items[cur].written = false;
            fx.push(Effect::Journal(self.entry(
                cur,
                Decision::Accept,
                Some(replacement),
                false,
            )));
            self.undo.push(step);
            self.advance();
            return;
        }
        let doc_i = it.doc;
        self.write_edits(
            doc_i,
            vec![(cur, replacement)],
            PendingKind::Accept(Vec::new()),
            fx,
        );
        self.finish_step_if_idle();
    }

    /// Splices `edits` (item, replacement) into a doc and asks the shell to write it.
    pub(super) fn write_edits(
        &mut self,
        doc: usize,
        edits: Vec<(usize, String)>,
        kind: PendingKind,
        fx: &mut Vec<Effect>,
    ) -> Vec<usize> {
        let text = self.docs[doc].text.clone();
        let list: Vec<Edit> = edits
            .iter()
            .map(|(i, r)| Edit {
                range: self.items[*i].finding.start..self.items[*i].finding.end,
                replacement: r.clone(),
            })
            .collect();
        let result = edit::apply(&text, &list);
        let mut skipped = Vec::new();
        for (k, _) in &result.skipped {
            skipped.push(edits[*k].0);
        }
        let applied: Vec<(usize, String)> =
            result.applied.iter().map(|&k| edits[k].clone()).collect();
        if applied.is_empty() {
            return skipped;
        }
        let kind = match kind {
            PendingKind::Accept(_) => PendingKind::Accept(applied),
            PendingKind::WriteAll(_) => {
                PendingKind::WriteAll(applied.iter().map(|(i, _)| *i).collect())
            }
            PendingKind::Undo(b) => PendingKind::Undo(b),
        };
        let id = self.next_id();
        self.pending.insert(
            id,
            PendingWrite {
                doc,
                before: text.clone(),
                after: result.text.clone(),
                kind,
                retried: false,
            },
        );
        if self.step.is_none() {
            self.step = Some(Step {
                items: Vec::new(),
                writes: Vec::new(),
            });
        }
        fx.push(Effect::Write {
            id,
            doc,
            expected: text,
            new: result.text,
        });
        skipped
    }

    /// Commits edits to a doc's text and items once their write is on disk.
    pub(super) fn commit_doc(
        &mut self,
        doc: usize,
        before: &str,
        after: String,
        edits: &[(usize, String)],
        fx: &mut Vec<Effect>,
    ) {
        // Remember every item of the doc as it was, for undo.
        let mine = self.doc_items(doc);
        let snapshot: Vec<Before> = mine.iter().map(|&i| self.before(i)).collect();
        // Shift the other items past the edits: each moves by the total length change of the edits
        // before it; one that an edit overlaps is stale. Edits are sorted and disjoint, so a binary
        // search and running sums keep this linear-logarithmic however many there are.
        let mut sorted: Vec<(Range<usize>, usize, String)> = edits
            .iter()
            .map(|(i, r)| {
                (
                    self.items[*i].finding.start..self.items[*i].finding.end,
                    *i,
                    r.clone(),
                )
            })
            .collect();
        sorted.sort_by_key(|(r, _, _)| r.start);
        let edited: HashSet<usize> = sorted.iter().map(|(_, i, _)| *i).collect();
        let mut prefix: Vec<isize> = Vec::with_capacity(sorted.len() + 1);
        prefix.push(0);
        for (r, _, rep) in &sorted {
            let last = prefix.last().copied().unwrap_or(0);
            prefix.push(last + rep.len() as isize - r.len() as isize);
        }
        for &other in &mine {
            if edited.contains(&other) {
                continue;
            }
            let o = &mut self.items[other];
            let span = o.finding.start..o.finding.end;
            // Edits wholly before the item (an insertion right at its start counts as touching it).
            let k = sorted.partition_point(|(r, _, _)| {
                r.end <= span.start && !(r.is_empty() && r.start == span.start && !span.is_empty())
            });
            let touching = sorted.get(k).is_some_and(|(r, _, rep)| {
                let e = Edit {
                    range: r.clone(),
                    replacement: rep.clone(),
                };
                edit::shift(span.clone(), &e).is_none()
            });
            if touching {
                if o.status.is_open() {
                    o.status = Status::Stale("overlaps a fix you accepted".into());
                }
                continue;
            }
            let d = prefix[k];
            o.finding.start = (span.start as isize + d) as usize;
            o.finding.end = (span.end as isize + d) as usize;
        }
        // The accepted items now cover their replacements.
        let mut delta: isize = 0;
        for (range, item, replacement) in sorted {
            let start = (range.start as isize + delta) as usize;
            let it = &mut self.items[item];
            let entry_before = it.finding.text.clone();
            it.finding.start = start;
            it.finding.end = start + replacement.len();
            it.status = Status::Accepted(replacement.clone());
            it.written = true;
            delta += replacement.len() as isize - range.len() as isize;
            // Journal with the text as it was before this write.
            let mut entry = Entry {
                session: self.session.clone(),
                decision: if self.defer {
                    Decision::Written
                } else {
                    Decision::Accept
                },
                fingerprint: it.finding.fingerprint.clone(),
                path: self.docs[doc].path.clone(),
                rule: it.finding.rule.clone(),
                start: range.start,
                end: range.end,
                before: entry_before,
                after: Some(replacement),
                context_before: String::new(),
                context_after: String::new(),
                written: true,
                file: String::new(),
            };
            let cb = floor_boundary(before, range.start.saturating_sub(CONTEXT));
            let ca = ceil_boundary(before, range.end + CONTEXT);
            entry.context_before = before.get(cb..range.start).unwrap_or("").to_owned();
            entry.context_after = before
                .get(range.end.min(before.len())..ca)
                .unwrap_or("")
                .to_owned();
            fx.push(Effect::Journal(entry));
        }
        self.docs[doc].text = after.clone();
        if !self.written_docs.contains(&doc) {
            self.written_docs.push(doc);
            self.originals
                .insert(doc, crate::core::finding::fnv1a64(&[before.as_bytes()]));
        }
        let step = self.step.get_or_insert_with(|| Step {
            items: Vec::new(),
            writes: Vec::new(),
        });
        let known: HashSet<usize> = step.items.iter().map(|x| x.item).collect();
        step.items
            .extend(snapshot.into_iter().filter(|b| !known.contains(&b.item)));
        step.writes.push((doc, before.to_owned(), after));
    }

    pub(super) fn finish_step_if_idle(&mut self) {
        if !self.pending.is_empty() {
            return;
        }
        if let Some(step) = self.step.take()
            && (!step.items.is_empty() || !step.writes.is_empty())
        {
            self.undo.push(step);
        }
    }

    pub(super) fn write_done(&mut self, id: u64, fx: &mut Vec<Effect>) {
        let Some(p) = self.pending.remove(&id) else {
            return;
        };
        let mut decided = false;
        match p.kind {
            PendingKind::Accept(edits) => {
                let n = edits.len();
                self.batch.0 += n;
                self.batch.1 += 1;
                self.commit_doc(p.doc, &p.before, p.after, &edits, fx);
                let path = self.docs[p.doc].path.clone();
                if p.retried {
                    self.say(
                        Tone::Warning,
                        format!(
                            "{path} had changed on disk; the finding was found again and fixed."
                        ),
                    );
                } else {
                    self.say(
                        Tone::Info,
                        if n == 1 {
                            format!("Fixed {path}.")
                        } else {
                            format!("Fixed {n} findings in {path}.")
                        },
                    );
                }
                decided = true;
            }
            PendingKind::WriteAll(items) => {
                let edits: Vec<(usize, String)> = items
                    .iter()
                    .filter_map(|&i| match &self.items[i].status {
                        Status::Accepted(r) => Some((i, r.clone())),
                        _ => None,
                    })
                    .collect();
                self.commit_doc(p.doc, &p.before, p.after, &edits, fx);
                self.say(Tone::Info, format!("Wrote {}.", self.docs[p.doc].path));
            }
            PendingKind::Undo(items) => {
                self.docs[p.doc].text = p.after;
                self.restore(&items, fx);
                let path = self.docs[p.doc].path.clone();
                self.say(Tone::Info, format!("Undone; {path} is as it was."));
            }
        }
        if self.pending.is_empty() {
            self.finish_step_if_idle();
            if decided && self.mode == Mode::Normal {
                self.advance_if_current_decided();
            }
            let (n, files) = std::mem::take(&mut self.batch);
            if files > 1 && self.message.as_ref().is_none_or(|m| m.0 == Tone::Info) {
                self.say(Tone::Info, format!("Fixed {n} findings in {files} files."));
            }
        }
    }

    pub(super) fn advance_if_current_decided(&mut self) {
        if self.current().is_some_and(|c| !c.status.is_open()) {
            self.advance();
        }
    }

    pub(super) fn write_failed(
        &mut self,
        id: u64,
        disk: Option<String>,
        error: String,
        fx: &mut Vec<Effect>,
    ) {
        let Some(p) = self.pending.remove(&id) else {
            return;
        };
        let path = self.docs[p.doc].path.clone();
        let edits: Vec<(usize, String)> = match &p.kind {
            PendingKind::Accept(e) => e.clone(),
            PendingKind::WriteAll(items) => items
                .iter()
                .filter_map(|&i| match &self.items[i].status {
                    Status::Accepted(r) => Some((i, r.clone())),
                    _ => None,
                })
                .collect(),
            PendingKind::Undo(_) => Vec::new(),
        };
        match (&p.kind, disk) {
            (PendingKind::Undo(_), _) => {
                self.say(
                    Tone::Warning,
                    format!("Not undone: {path} changed since docreview wrote it; the fix stays."),
                );
            }
            (_, Some(disk)) if !p.retried => {
                self.docs[p.doc].text = disk;
                self.reanchor_doc(p.doc, &p.before);
                let again: Vec<(usize, String)> = edits
                    .into_iter()
                    .filter(|(i, _)| !matches!(self.items[*i].status, Status::Stale(_)))
                    .collect();
                if again.is_empty() {
                    self.say(
                        Tone::Warning,
                        format!(
                            "{path} changed on disk and the text is gone: the finding is stale."
                        ),
                    );
                } else {
                    let kind = match p.kind {
                        PendingKind::WriteAll(_) => PendingKind::WriteAll(Vec::new()),
                        _ => PendingKind::Accept(Vec::new()),
                    };
                    let known: HashSet<u64> = self.pending.keys().copied().collect();
                    self.write_edits(p.doc, again, kind, fx);
                    for (k, w) in self.pending.iter_mut() {
                        if !known.contains(k) {
                            w.retried = true;
                        }
                    }
                    self.say(
                        Tone::Warning,
                        format!("{path} changed on disk; the finding was found again there."),
                    );
                }
            }
            (_, Some(disk)) => {
                self.docs[p.doc].text = disk;
                self.reanchor_doc(p.doc, &p.before);
                self.say(
                    Tone::Warning,
                    format!("{path} keeps changing on disk; nothing written."),
                );
            }
            (_, None) => self.say(Tone::Error, format!("Not written: {error}")),
        }
        self.finish_step_if_idle();
    }

    /// After a doc changed underneath: finds every open item again, or marks it stale.
    pub(super) fn reanchor_doc(&mut self, doc: usize, old_text: &str) {
        let ids = self.doc_items(doc);
        let text = self.docs[doc].text.clone();
        for i in ids {
            let it = &self.items[i];
            if matches!(it.status, Status::Stale(_)) || it.written {
                continue;
            }
            let (s, e) = (
                it.finding.start.min(old_text.len()),
                it.finding.end.min(old_text.len()),
            );
            let cb = floor_boundary(old_text, s.saturating_sub(CONTEXT));
            let ca = ceil_boundary(old_text, e + CONTEXT);
            let found = reanchor(
                &text,
                &it.finding.text,
                old_text.get(cb..s).unwrap_or(""),
                old_text.get(e..ca).unwrap_or(""),
                s,
            );
            let it = &mut self.items[i];
            match found {
                Some(r) => {
                    it.finding.start = r.start;
                    it.finding.end = r.end;
                    let line = text[..r.start].matches('\n').count() + 1;
                    it.finding.line = line;
                }
                None => it.status = Status::Stale("its text changed on disk".into()),
            }
        }
    }
}
