//! One check of a doc set, in stages: the fast per-document rules, harper's slow linters, then the
//! doc-set rules. A report runs them all at once ([`Run::check`]); the review screen runs them one
//! by one and shows each stage's findings as they come ([`Run::fast`], [`Run::slow`],
//! [`Run::doc_set`]). Both go through the memo of earlier runs: a document whose content was seen
//! under the same rule set is not parsed again (its findings are placed again by text, so moved lines
//! keep theirs), and a doc set whose contents are all unchanged keeps its doc-set verdicts.

use super::docset::{all_judged, counts_missing, set_key};
use super::kinds::is_mdx;
use super::*;

/// A check in progress over `docs`, remembering what it finds in a memo.
pub struct Run<'a> {
    engine: &'a Engine,
    docs: &'a [Doc],
    memo: &'a mut Memo,
    stored: &'a mut dyn Stored,
    /// Each doc's memo key, in order.
    pub(super) hashes: Vec<u64>,
    /// Docs the fast stage checked afresh, waiting for the slow stage before they are remembered.
    waiting: Vec<Waiting>,
}

/// A document checked by the fast rules only.
struct Waiting {
    index: usize,
    /// Kept for the slow stage (extracting it again would cost a second parse).
    prose: Prose,
    /// The fast rules' findings on the whole document.
    findings: Vec<Finding>,
    words: usize,
}

impl Engine {
    /// Starts a check of `docs` that reuses and extends `memo`. `stored` is asked for doc-set counts
    /// and harper's paragraphs only when they are needed (the doc set changed; a document is checked
    /// afresh).
    pub fn run<'a>(
        &'a self,
        docs: &'a [Doc],
        memo: &'a mut Memo,
        stored: &'a mut dyn Stored,
    ) -> Run<'a> {
        Run {
            engine: self,
            hashes: docs.par_iter().map(memo_key).collect(),
            docs,
            memo,
            stored,
            waiting: Vec::new(),
        }
    }

    /// Checks `docs`; `context` documents only feed the doc-set-wide counts (consistency) and are never
    /// reported on. Findings come sorted by path and position, one per place.
    pub fn check(&self, docs: &[Doc], context: &[Doc]) -> Vec<Finding> {
        let mut memo = Memo {
            once: true,
            ..Memo::default()
        };
        self.run(docs, &mut memo, &mut crate::core::cache::Nothing)
            .check(context, &AtomicUsize::new(0))
            .findings
    }

    /// The per-document rules (every rule but the doc-set ones) over one document.
    pub fn check_doc(&self, doc: &Doc) -> Vec<Finding> {
        let mut memo = Memo::default();
        let docs = std::slice::from_ref(doc);
        let mut nothing = crate::core::cache::Nothing;
        let mut run = self.run(docs, &mut memo, &mut nothing);
        let mut findings = run.fast(&AtomicUsize::new(0));
        findings.extend(run.slow());
        self.finish(findings)
    }
}

impl Run<'_> {
    /// Every stage at once, for a report: the per-document rules in one pass over each document not
    /// remembered, then the doc-set rules. `done` counts the documents checked (for a progress bar).
    pub fn check(mut self, context: &[Doc], done: &AtomicUsize) -> Checked {
        self.per_doc(Speed::All, done);
        let doc_set = self.engine.needs_doc_set();
        if doc_set {
            self.judge(context);
        }
        let words = self.words();
        // Nothing changes the memo after this point: one used once is saved now and hands its
        // findings over instead of copying them.
        if self.memo.once {
            self.stored.save_now(self.memo);
        }
        let take = self.memo.once && !self.memo.dirty;
        let kinds: &[bool] = if doc_set { &[false, true] } else { &[false] };
        let out = place_stored(self.docs, &self.hashes, self.memo, kinds, take);
        Checked {
            findings: self.engine.finish(out),
            words,
            changed: Vec::new(),
            content: Vec::new(),
            context: Vec::new(),
        }
    }

    /// The first stage: the remembered per-document findings, and the fast rules' findings on every
    /// document not remembered. Sorted, one per place.
    pub fn fast(&mut self, done: &AtomicUsize) -> Vec<Finding> {
        let mut out = place_stored(self.docs, &self.hashes, self.memo, &[false], false);
        out.extend(self.per_doc(Speed::Fast, done));
        self.engine.finish(out)
    }

    /// The second stage: harper's linters (and any other slow rule) over the documents the first stage
    /// checked afresh. Sorted; not yet weighed against the first stage's findings.
    pub fn slow(&mut self) -> Vec<Finding> {
        if self.waiting.is_empty() {
            return Vec::new();
        }
        self.engine.remember_harper(self.stored.load_paragraphs());
        let (engine, docs) = (self.engine, self.docs);
        let checked: Vec<(Waiting, Vec<Finding>)> = std::mem::take(&mut self.waiting)
            .into_par_iter()
            .map(|w| {
                let doc = &docs[w.index];
                let mut hits = Vec::new();
                engine.run_checkers(&DocProse::new(&doc.text, &w.prose), Speed::Slow, &mut hits);
                let slow = engine.findings_on(doc, &Lines::All, &w.prose, hits);
                (w, slow)
            })
            .collect();
        let mut out = Vec::new();
        for (mut w, slow) in checked {
            let doc = &docs[w.index];
            out.extend(slow.iter().filter(|f| touches(doc, f)).cloned());
            w.findings.extend(slow);
            self.remember(w.index, w.findings, w.words);
        }
        sort_findings(&mut out);
        out
    }

    /// The third stage: the doc-set rules, counting `context` too. Runs what is left of the slow
    /// stage first (a document is remembered whole), so those findings come with these. Sorted; not
    /// yet weighed against earlier stages' findings.
    pub fn doc_set(&mut self, context: &[Doc]) -> Vec<Finding> {
        let mut out = self.slow();
        if self.engine.needs_doc_set() {
            self.judge(context);
            out.extend(place_stored(
                self.docs,
                &self.hashes,
                self.memo,
                &[true],
                false,
            ));
            sort_findings(&mut out);
        }
        out
    }

    /// Each document's words of prose, in order (0 for one not checked yet).
    pub fn words(&self) -> Vec<usize> {
        self.hashes
            .iter()
            .map(|h| self.memo.docs.get(h).map_or(0, |m| m.words))
            .collect()
    }

    /// Runs the per-document rules of `speed` over every document not remembered, and returns their
    /// findings in scope. With every rule, or no slow rule on, the documents are remembered at once;
    /// otherwise they wait for [`Run::slow`].
    pub(super) fn per_doc(&mut self, speed: Speed, done: &AtomicUsize) -> Vec<Finding> {
        let engine = self.engine;
        let waits = speed == Speed::Fast && engine.has_slow_rules();
        let todo: Vec<usize> = (0..self.docs.len())
            .filter(|&i| !self.memo.docs.contains_key(&self.hashes[i]))
            .collect();
        if speed != Speed::Fast && engine.has_slow_rules() && !todo.is_empty() {
            engine.remember_harper(self.stored.load_paragraphs());
        }
        let doc_set = engine.needs_doc_set();
        let docs = self.docs;
        // Each document's prose is dropped as soon as its findings are made unless the slow stage
        // needs it (the doc-set stage extracts it again where it must): held for a whole doc set it
        // would cost three times the text itself.
        let checked: Vec<(Waiting, Option<DocCounts>)> = todo
            .par_iter()
            .map(|&i| {
                let doc = &docs[i];
                let prose = prose_of(doc, engine.reading);
                let view = DocProse::new(&doc.text, &prose);
                let mut hits = Vec::new();
                engine.run_checkers(&view, speed, &mut hits);
                let counts = doc_set.then(|| engine.doc_counts(&view));
                drop(view);
                let mut findings = engine.findings_on(doc, &Lines::All, &prose, hits);
                let vale = engine.vale_findings(doc, &prose);
                if !vale.is_empty() {
                    // Where the team's Vale rule says the same as one of docreview's (the same text, the
                    // same fix), the team's rule, the name it knows, is the one shown.
                    findings.retain(|f| {
                        !vale.iter().any(|v| {
                            v.start == f.start
                                && v.end == f.end
                                && v.replacements.first() == f.replacements.first()
                        })
                    });
                    findings.extend(vale);
                }
                // Sorted here, on every core, rather than when remembered.
                sort_findings(&mut findings);
                done.fetch_add(1, Ordering::Relaxed);
                let words = prose.words();
                let prose = if waits { prose } else { Prose::default() };
                let w = Waiting {
                    index: i,
                    prose,
                    findings,
                    words,
                };
                (w, counts)
            })
            .collect();
        // The remembered docs are done too (each checked one counted itself).
        done.fetch_add(docs.len() - checked.len(), Ordering::Relaxed);
        let mut out = Vec::new();
        for (w, counts) in checked {
            if let Some(c) = counts {
                self.memo.counts.insert(self.hashes[w.index], c);
                self.memo.dirty = true;
            }
            if speed == Speed::Fast {
                let doc = &docs[w.index];
                out.extend(w.findings.iter().filter(|f| touches(doc, f)).cloned());
            }
            if waits {
                self.waiting.push(w);
            } else {
                self.remember(w.index, w.findings, w.words);
            }
        }
        self.memo.used.extend(self.hashes.iter().copied());
        out
    }

    /// Remembers one document's per-document findings (on the whole document).
    fn remember(&mut self, index: usize, mut findings: Vec<Finding>, words: usize) {
        for f in &mut findings {
            f.path = String::new();
        }
        self.memo.docs.insert(
            self.hashes[index],
            DocMemo {
                findings: sorted(findings),
                set: None,
                words,
            },
        );
        self.memo.dirty = true;
    }

    /// Judges the doc set (`docs` and `context`) and remembers each doc's doc-set findings under the
    /// verdicts. An unchanged doc set keeps its verdicts; findings stored under them stay valid.
    fn judge(&mut self, context: &[Doc]) {
        let (engine, docs) = (self.engine, self.docs);
        let memo = &mut *self.memo;
        let context_hashes: Vec<u64> = context.par_iter().map(memo_key).collect();
        memo.used.extend(context_hashes.iter().copied());
        let key = set_key(&self.hashes, &context_hashes);
        if all_judged(memo, &self.hashes, key) {
            return;
        }
        // Count the doc set: stored counts where there are any, fresh ones for the rest.
        if counts_missing(memo, &self.hashes) || counts_missing(memo, &context_hashes) {
            self.stored.load_counts(memo);
        }
        let all: Vec<Option<&Doc>> = docs.iter().chain(context).map(Some).collect();
        let all_hashes: Vec<u64> = self.hashes.iter().chain(&context_hashes).copied().collect();
        engine.count_missing(&all, &all_hashes, memo);
        let verdicts = engine.decide(memo, &all_hashes, key);
        engine.judge_docs(&verdicts, &all[..docs.len()], &self.hashes, memo);
    }
}

/// The remembered findings of `docs` in scope, at their paths: for each of `kinds`, the per-document
/// ones (`false`) or the doc-set ones (`true`). With `take` (a memory used once and already saved, or
/// with nowhere to be saved), findings are moved out instead of copied (all but the last of several
/// docs with the same content get copies).
pub(super) fn place_stored(
    docs: &[Doc],
    hashes: &[u64],
    memo: &mut Memo,
    kinds: &[bool],
    take: bool,
) -> Vec<Finding> {
    // Sized once: a warm run over a large doc set places hundreds of thousands of findings, and a
    // vector grown by doubling would copy them all again at every step.
    let room = kinds
        .iter()
        .flat_map(|&set| hashes.iter().map(move |h| (set, h)))
        .filter_map(|(set, h)| memo.docs.get(h)?.stored(set).map(Vec::len))
        .sum();
    let mut out = Vec::with_capacity(room);
    if !take {
        // Copies, made on every core (a warm run places every finding of the doc set).
        let memo = &*memo;
        let places: Vec<(bool, &Doc, &u64)> = kinds
            .iter()
            .flat_map(|&set| docs.iter().zip(hashes).map(move |(d, h)| (set, d, h)))
            .collect();
        let parts: Vec<Vec<Finding>> = places
            .par_iter()
            .map(|&(set, doc, h)| {
                let found = memo.docs.get(h).and_then(|m| m.stored(set));
                found.map_or_else(Vec::new, |found| {
                    found
                        .iter()
                        .filter(|f| touches(doc, f))
                        .map(|f| placed(f, &doc.path))
                        .collect()
                })
            })
            .collect();
        for part in parts {
            out.extend(part);
        }
        return out;
    }
    for &set in kinds {
        let mut left: HashMap<u64, usize> = HashMap::new();
        for h in hashes {
            *left.entry(*h).or_default() += 1;
        }
        for (doc, h) in docs.iter().zip(hashes) {
            let last = left.get_mut(h).is_some_and(|n| {
                *n -= 1;
                *n == 0
            });
            let Some(found) = memo.docs.get_mut(h).and_then(|m| m.stored_mut(set)) else {
                continue;
            };
            if last {
                out.extend(
                    std::mem::take(found)
                        .into_iter()
                        .filter(|f| touches(doc, f))
                        .map(|mut f| {
                            f.path.clone_from(&doc.path);
                            f
                        }),
                );
            } else {
                out.extend(
                    found
                        .iter()
                        .filter(|f| touches(doc, f))
                        .map(|f| placed(f, &doc.path)),
                );
            }
        }
    }
    out
}

/// Findings kept in the memo are kept in report order, so that a warm run's findings, placed
/// document by document, are already (nearly) sorted and the final sort is a linear pass.
pub(super) fn sorted(mut findings: Vec<Finding>) -> Vec<Finding> {
    sort_findings(&mut findings);
    findings
}

/// What a document is remembered by: its content, and what its path says about how it is read (MDX
/// reads differently; a changelog or a licence is held to other rules).
pub fn memo_key(doc: &Doc) -> u64 {
    let mut hash = content_hash(&doc.text);
    if is_mdx(doc) {
        hash = hash.rotate_left(1) ^ 0x006d_6478;
    }
    if is_changelog(&doc.path) {
        hash = hash.rotate_left(3) ^ 0x0063_686c;
    }
    if is_license(&doc.path) {
        hash = hash.rotate_left(5) ^ 0x006c_6963;
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::cache::Nothing;

    /// Every rule on (harper's linters and the doc-set rules included).
    fn every_rule() -> Engine {
        Engine::new(&Settings {
            levels: vec![("*".into(), Level::On)],
            ..Settings::default()
        })
        .expect("engine")
    }

    fn docs() -> (Vec<Doc>, Vec<Doc>) {
        let doc = |path: &str, text: &str, lines: Lines| Doc {
            path: path.into(),
            text: text.into(),
            lines,
        };
        (
            vec![
                doc(
                    "a.md",
                    "# Setup\n\nThe the data set is on Github. Their is a tiny accuracy drop.\n",
                    Lines::All,
                ),
                doc(
                    "b.md",
                    "A dataset here.\n\nIt dont work on Github.\n\nAn other line.\n",
                    Lines::Changed(vec![(3, 3)]),
                ),
            ],
            vec![doc(
                "c.md",
                "A dataset, the dataset, each dataset.\n",
                Lines::All,
            )],
        )
    }

    #[test]
    fn the_stages_together_find_what_one_pass_finds() {
        let e = every_rule();
        let (docs, context) = docs();
        let whole = e.check(&docs, &context);
        let rules: HashSet<&str> = whole.iter().map(|f| f.rule.as_str()).collect();
        assert!(
            rules.iter().any(|r| e.is_harper_rule(r)) && rules.len() >= 3,
            "the sample must exercise every stage: {rules:?}"
        );
        let mut memo = Memo::default();
        let mut none = Nothing;
        let mut run = e.run(&docs, &mut memo, &mut none);
        let fast = run.fast(&AtomicUsize::new(0));
        assert!(fast.iter().all(|f| !e.is_harper_rule(&f.rule)), "{fast:?}");
        let slow = run.slow();
        assert!(!slow.is_empty() && slow.iter().all(|f| e.is_harper_rule(&f.rule)));
        let set = run.doc_set(&context);
        let mut staged = fast;
        staged.extend(slow);
        staged.extend(set);
        assert_eq!(e.finish(staged), whole);
        // Nothing outside the changed line of b.md.
        assert!(
            whole.iter().all(|f| f.path == "a.md" || f.line == 3),
            "{whole:?}"
        );
    }

    #[test]
    fn a_second_screen_gets_every_finding_from_memory_at_once() {
        let e = every_rule();
        let (docs, context) = docs();
        let mut memo = Memo::default();
        let mut none = Nothing;
        let mut run = e.run(&docs, &mut memo, &mut none);
        run.fast(&AtomicUsize::new(0));
        run.slow();
        run.doc_set(&context);
        assert!(memo.dirty);
        memo.dirty = false;
        let mut none = Nothing;
        let mut again = e.run(&docs, &mut memo, &mut none);
        let fast = again.fast(&AtomicUsize::new(0));
        assert!(fast.iter().any(|f| e.is_harper_rule(&f.rule)), "{fast:?}");
        assert!(again.slow().is_empty(), "nothing is left to lint");
        let set = again.doc_set(&context);
        let mut all = fast;
        all.extend(set);
        assert_eq!(e.finish(all), e.check(&docs, &context));
        assert!(!memo.dirty, "nothing new to remember");
    }

    #[test]
    fn the_doc_set_stage_finishes_the_slow_one_so_nothing_is_remembered_half() {
        let e = every_rule();
        let (docs, context) = docs();
        let mut memo = Memo::default();
        let mut none = Nothing;
        let mut run = e.run(&docs, &mut memo, &mut none);
        let mut found = run.fast(&AtomicUsize::new(0));
        found.extend(run.doc_set(&context));
        assert_eq!(e.finish(found), e.check(&docs, &context));
        assert_eq!(run.words().iter().filter(|&&w| w > 0).count(), 2);
        // What was remembered is whole: a report from this memo agrees with a fresh one.
        let again = e
            .run(&docs, &mut memo, &mut Nothing)
            .check(&context, &AtomicUsize::new(0));
        assert_eq!(again.findings, e.check(&docs, &context));
    }

    #[test]
    fn one_doc_alone_gets_every_per_document_rule_but_no_doc_set_rule() {
        let e = every_rule();
        let (docs, _) = docs();
        let one = e.check_doc(&docs[0]);
        assert!(one.iter().any(|f| e.is_harper_rule(&f.rule)), "{one:?}");
        assert!(
            one.iter().any(|f| f.rule == "grammar.repeated-word"),
            "{one:?}"
        );
        assert!(
            one.iter().all(|f| !Engine::is_doc_set_rule(&f.rule)),
            "{one:?}"
        );
    }
}
