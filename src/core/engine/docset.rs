//! The doc-set stage (consistency and the doc set's vocabulary), in steps both kinds of check share:
//! a [`Run`] over docs held in memory (the review screen, `apply`) and a report's check of a doc set
//! read a part at a time ([`Engine::check_in_parts`]), which holds one part's texts at once: its
//! memory grows with what the doc-set counts need, not with the docs' text.
//!
//! A check in parts reads each part once to check it (per-document rules, counts, content hashes)
//! and again, after the verdicts, to make the doc-set findings of the docs that have none under them
//! (none at all when the doc set is unchanged since the memo's last run). A doc that changed between
//! the two readings is left out of the report by name rather than judged on a text nobody checked.

use super::run::{memo_key, place_stored, sorted};
use super::*;
use crate::core::rules::spelling::Vocabulary;

/// A doc set handed out a part at a time, each part a few megabytes of text.
pub trait Parts {
    /// How many parts the docs in scope come in, and how many the context docs (counted for the
    /// doc-set rules, never reported on).
    fn count(&self) -> (usize, usize);
    /// The first reading of part `n` (of the context docs when `context`): the docs it holds.
    fn first(&mut self, n: usize, context: bool) -> Vec<Doc>;
    /// A later reading of part `n`: the same docs as the first reading gave, in the same order,
    /// `None` for one that can no longer be read.
    fn again(&mut self, n: usize, context: bool) -> Vec<Option<Doc>>;
}

/// The doc set's verdicts.
pub(super) struct Verdicts {
    consistency: Consistency,
    vocabulary: Vocabulary,
    names: NameCase,
    code: CodeFormat,
    /// Identifies all four: doc-set findings stored under it stay valid.
    pub(super) fingerprint: u64,
}

/// What identifies a doc set: the contents of its docs and context docs, in any order.
pub(super) fn set_key(hashes: &[u64], context: &[u64]) -> u64 {
    let mut all: Vec<u64> = hashes.iter().chain(context).copied().collect();
    all.sort_unstable();
    let bytes: Vec<u8> = all.iter().flat_map(|h| h.to_le_bytes()).collect();
    crate::core::finding::fnv1a64(&[&bytes])
}

/// Has the doc with content `hash` its doc-set findings under the verdicts `fingerprint`?
fn judged(memo: &Memo, hash: u64, fingerprint: u64) -> bool {
    memo.docs
        .get(&hash)
        .and_then(|m| m.set.as_ref())
        .is_some_and(|(fp, _)| *fp == fingerprint)
}

/// Has every doc of `hashes` its doc-set findings under the verdicts remembered for doc set `key`?
pub(super) fn all_judged(memo: &Memo, hashes: &[u64], key: u64) -> bool {
    memo.sets
        .get(&key)
        .is_some_and(|&v| hashes.iter().all(|&h| judged(memo, h, v)))
}

/// Do any of `hashes` lack their counts in `memo`?
pub(super) fn counts_missing(memo: &Memo, hashes: &[u64]) -> bool {
    hashes.iter().any(|h| !memo.counts.contains_key(h))
}

impl Engine {
    /// Counts each of `docs` whose counts `memo` lacks (`hashes` are theirs, in order; a doc without
    /// text, one that could not be read again, is left out).
    pub(super) fn count_missing(&self, docs: &[Option<&Doc>], hashes: &[u64], memo: &mut Memo) {
        let counted: Vec<(u64, DocCounts)> = docs
            .par_iter()
            .zip(hashes)
            .filter(|(_, h)| !memo.counts.contains_key(h))
            .filter_map(|(d, h)| {
                let d = (*d)?;
                let p = prose_of(d, self.reading);
                Some((*h, self.doc_counts(&DocProse::new(&d.text, &p))))
            })
            .collect();
        if !counted.is_empty() {
            memo.dirty = true;
        }
        memo.counts.extend(counted);
    }

    /// Decides the doc set's verdicts from the counts of its docs (each content once) and remembers
    /// them for doc set `key`.
    pub(super) fn decide(&self, memo: &mut Memo, hashes: &[u64], key: u64) -> Verdicts {
        let mut seen = HashSet::new();
        let total = hashes
            .iter()
            .filter(|h| seen.insert(**h))
            .filter_map(|h| memo.counts.get(h))
            .fold(DocCounts::default(), |acc, c| acc.merge(c.clone()));
        let consistency = Consistency::decide(&total.consistency, &self.prefer, &self.terms);
        let vocabulary = Vocabulary::decide(&total.spelling, &self.vocabulary, self.min_docs);
        let names = NameCase::decide(&total.names, &self.terms);
        let code = CodeFormat::decide(&total.code);
        let fingerprint = crate::core::finding::fnv1a64(&[
            &consistency.fingerprint().to_le_bytes(),
            &vocabulary.fingerprint().to_le_bytes(),
            &names.fingerprint().to_le_bytes(),
            &code.fingerprint().to_le_bytes(),
        ]);
        memo.sets.insert(key, fingerprint);
        memo.dirty = true;
        Verdicts {
            consistency,
            vocabulary,
            names,
            code,
            fingerprint,
        }
    }

    /// Makes and remembers the doc-set findings of each of `docs` that has none under `verdicts`
    /// (`hashes` are theirs, in order). Returns the positions of the docs that needed them but had no
    /// text (could not be read again).
    pub(super) fn judge_docs(
        &self,
        verdicts: &Verdicts,
        docs: &[Option<&Doc>],
        hashes: &[u64],
        memo: &mut Memo,
    ) -> Vec<usize> {
        let fp = verdicts.fingerprint;
        let todo: Vec<usize> = (0..docs.len())
            .filter(|&i| !judged(memo, hashes[i], fp))
            .collect();
        let computed: Vec<(usize, Option<Vec<Finding>>)> = todo
            .par_iter()
            .map(|&i| {
                let Some(doc) = docs[i] else {
                    return (i, None);
                };
                let p = prose_of(doc, self.reading);
                let mut hits = Vec::new();
                let view = DocProse::new(&doc.text, &p);
                verdicts.consistency.check(&view, &self.active, &mut hits);
                verdicts.vocabulary.check(&view, &self.active, &mut hits);
                verdicts.names.check(&view, &self.active, &mut hits);
                verdicts.code.check(&view, &self.active, &mut hits);
                drop(view);
                (i, Some(self.findings_on(doc, &Lines::All, &p, hits)))
            })
            .collect();
        let mut unread = Vec::new();
        for (i, found) in computed {
            match found {
                Some(found) => {
                    if let Some(m) = memo.docs.get_mut(&hashes[i]) {
                        m.set = Some((fp, sorted(found.iter().map(pathless).collect())));
                    }
                }
                None => unread.push(i),
            }
        }
        unread
    }

    /// A report's check of a doc set read a part at a time (see the module notes): the same findings
    /// as [`Run::check`] over the whole set, holding one part's texts at once. `done` counts the docs
    /// checked. Docs that changed between the readings are named in [`Checked::changed`] and have no
    /// findings.
    pub fn check_in_parts(
        &self,
        parts: &mut dyn Parts,
        memo: &mut Memo,
        stored: &mut dyn Stored,
        done: &AtomicUsize,
    ) -> Checked {
        let (doc_parts, context_parts) = parts.count();
        // The docs without their text: what placing their findings needs.
        let mut shells: Vec<Doc> = Vec::new();
        let mut hashes: Vec<u64> = Vec::new();
        let mut bounds: Vec<Range<usize>> = Vec::new();
        for n in 0..doc_parts {
            let docs = parts.first(n, false);
            let mut run = self.run(&docs, memo, stored);
            run.per_doc(Speed::All, done);
            hashes.append(&mut run.hashes);
            bounds.push(shells.len()..shells.len() + docs.len());
            shells.extend(docs.into_iter().map(|d| Doc {
                text: String::new(),
                ..d
            }));
        }
        let doc_set = self.needs_doc_set();
        let mut changed: Vec<usize> = Vec::new();
        let mut context: Vec<u64> = Vec::new();
        if doc_set {
            let mut context_bounds: Vec<Range<usize>> = Vec::new();
            for n in 0..context_parts {
                let docs = parts.first(n, true);
                let start = context.len();
                context.extend(docs.par_iter().map(memo_key).collect::<Vec<_>>());
                context_bounds.push(start..context.len());
            }
            memo.used.extend(context.iter().copied());
            let key = set_key(&hashes, &context);
            if !all_judged(memo, &hashes, key) {
                if counts_missing(memo, &hashes) || counts_missing(memo, &context) {
                    stored.load_counts(memo);
                }
                // Counts a memo lacks (context docs, docs remembered without theirs): read again.
                for (is_context, bounds, hashes) in
                    [(false, &bounds, &hashes), (true, &context_bounds, &context)]
                {
                    for (n, range) in bounds.iter().enumerate() {
                        if counts_missing(memo, &hashes[range.clone()]) {
                            let docs = parts.again(n, is_context);
                            let docs = same_texts(&docs, &hashes[range.clone()]);
                            self.count_missing(&docs, &hashes[range.clone()], memo);
                        }
                    }
                }
                let all: Vec<u64> = hashes.iter().chain(&context).copied().collect();
                let verdicts = self.decide(memo, &all, key);
                for (n, range) in bounds.iter().enumerate() {
                    let fp = verdicts.fingerprint;
                    if hashes[range.clone()].iter().any(|&h| !judged(memo, h, fp)) {
                        let docs = parts.again(n, false);
                        let docs = same_texts(&docs, &hashes[range.clone()]);
                        let unread =
                            self.judge_docs(&verdicts, &docs, &hashes[range.clone()], memo);
                        changed.extend(unread.into_iter().map(|i| range.start + i));
                    }
                }
            }
        }
        let words = hashes
            .iter()
            .map(|h| memo.docs.get(h).map_or(0, |m| m.words))
            .collect();
        // Nothing changes the memo after this point: one used once is saved now and hands its
        // findings over instead of copying them.
        if memo.once {
            stored.save_now(memo);
        }
        let take = memo.once && !memo.dirty;
        let kinds: &[bool] = if doc_set { &[false, true] } else { &[false] };
        let mut out = place_stored(&shells, &hashes, memo, kinds, take);
        changed.sort_unstable();
        changed.dedup();
        let changed: Vec<String> = changed
            .into_iter()
            .map(|i| std::mem::take(&mut shells[i].path))
            .collect();
        if !changed.is_empty() {
            out.retain(|f| !changed.contains(&f.path));
        }
        Checked {
            findings: self.finish(out),
            words,
            changed,
            content: hashes,
            context,
        }
    }
}

/// The docs of a later reading whose text is still the one first read (`hashes`), `None` for the rest.
fn same_texts<'a>(docs: &'a [Option<Doc>], hashes: &[u64]) -> Vec<Option<&'a Doc>> {
    docs.par_iter()
        .zip(hashes)
        .map(|(d, h)| d.as_ref().filter(|d| memo_key(d) == *h))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::cache::Nothing;

    /// Docs in memory, a doc a part; `edit` changes a doc's text after its first reading.
    struct Held {
        docs: Vec<Doc>,
        context: Vec<Doc>,
        edit: Option<(usize, &'static str)>,
        readings: usize,
    }

    impl Parts for Held {
        fn count(&self) -> (usize, usize) {
            (self.docs.len(), self.context.len())
        }

        fn first(&mut self, n: usize, context: bool) -> Vec<Doc> {
            self.readings += 1;
            vec![if context { &self.context } else { &self.docs }[n].clone()]
        }

        fn again(&mut self, n: usize, context: bool) -> Vec<Option<Doc>> {
            self.readings += 1;
            let mut doc = if context { &self.context } else { &self.docs }[n].clone();
            if let Some((i, text)) = self.edit
                && i == n
                && !context
            {
                doc.text = text.into();
            }
            vec![Some(doc)]
        }
    }

    fn engine() -> Engine {
        Engine::new(&Settings {
            levels: vec![("*".into(), Level::On)],
            ..Settings::default()
        })
        .expect("engine")
    }

    fn doc(path: &str, text: &str) -> Doc {
        Doc {
            path: path.into(),
            text: text.into(),
            lines: Lines::All,
        }
    }

    fn held(edit: Option<(usize, &'static str)>) -> Held {
        Held {
            docs: vec![
                doc(
                    "a.md",
                    "# Setup\n\nThe the dataset is on Github. Their is data-set.\n",
                ),
                doc(
                    "b.md",
                    "A dataset here, a dataset there.\n\nIt dont work.\n",
                ),
                doc("c.md", "The same data-set again, recieve it.\n"),
            ],
            context: vec![doc("d.md", "A dataset, the dataset, each dataset.\n")],
            edit,
            readings: 0,
        }
    }

    #[test]
    fn a_check_in_parts_finds_what_one_check_of_the_whole_set_finds() {
        let e = engine();
        let mut parts = held(None);
        let whole = e.check(&parts.docs, &parts.context);
        assert!(
            whole.iter().any(|f| f.rule == consistency::RULE),
            "the sample must exercise the doc-set stage: {whole:?}"
        );
        let mut memo = Memo::default();
        let got = e.check_in_parts(&mut parts, &mut memo, &mut Nothing, &AtomicUsize::new(0));
        assert_eq!(got.findings, whole);
        assert!(got.changed.is_empty());
        assert_eq!(got.words.len(), 3);
        // Unchanged, the same memo judges nothing again: each part is read once.
        let mut again = held(None);
        let second = e.check_in_parts(&mut again, &mut memo, &mut Nothing, &AtomicUsize::new(0));
        assert_eq!(second.findings, whole);
        assert_eq!(again.readings, 4, "docs and context read once each");
    }

    #[test]
    fn a_doc_that_changes_between_readings_is_named_and_left_out() {
        let e = engine();
        let mut parts = held(Some((2, "Something else entirely.\n")));
        let mut memo = Memo::default();
        let got = e.check_in_parts(&mut parts, &mut memo, &mut Nothing, &AtomicUsize::new(0));
        assert_eq!(got.changed, vec!["c.md".to_owned()]);
        assert!(
            got.findings.iter().all(|f| f.path != "c.md"),
            "{:?}",
            got.findings
        );
        assert!(got.findings.iter().any(|f| f.path == "a.md"));
    }
}
