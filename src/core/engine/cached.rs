//! The cached path: findings of unchanged docs come from the memo (placed again by text, so moved
//! lines keep theirs), only changed docs are checked, and doc-set rules are re-judged only when some
//! doc's counts changed.

use super::kinds::is_mdx;
use super::*;

impl Engine {
    /// Like [`Engine::check`], remembering and reusing results in `memo`: a document whose content was
    /// seen before under the same rule set is not parsed again, and a doc set whose contents are all
    /// unchanged reuses its consistency verdicts. `stored` is asked for consistency counts and harper's
    /// paragraphs only when they are needed (the doc set changed; a document is checked afresh).
    pub fn check_cached(
        &self,
        docs: &[Doc],
        context: &[Doc],
        memo: &mut Memo,
        stored: &mut dyn Stored,
        done: &AtomicUsize,
    ) -> Checked {
        let doc_set_on = self.needs_doc_set();
        let hashes: Vec<u64> = docs.par_iter().map(memo_key).collect();
        if self.has_slow_rules() && hashes.iter().any(|h| !memo.docs.contains_key(h)) {
            self.remember_harper(stored.load_paragraphs());
        }
        // Stage 1: per-document rules, from memory where possible.
        // Each document's prose is dropped as soon as its findings are made (stage 2 extracts it again
        // where it needs it): held for a whole doc set it would cost three times the text itself.
        let fresh: Vec<(usize, Vec<Finding>, Option<DocCounts>, usize)> = docs
            .par_iter()
            .enumerate()
            .filter(|(i, _)| !memo.docs.contains_key(&hashes[*i]))
            .map(|(i, doc)| {
                let prose = prose_of(doc, self.code_comments);
                let view = DocProse::new(&doc.text, &prose);
                let mut hits = Vec::new();
                self.run_checkers(&view, Speed::All, &mut hits);
                let counts = doc_set_on.then(|| self.doc_counts(&view));
                drop(view);
                let all = self.findings_on(doc, &Lines::All, &prose, hits);
                done.fetch_add(1, Ordering::Relaxed);
                (i, all, counts, prose.words())
            })
            .collect();
        done.store(docs.len(), Ordering::Relaxed);
        for (i, all, counts, words) in fresh {
            let h = hashes[i];
            memo.docs.insert(
                h,
                DocMemo {
                    findings: all.iter().map(pathless).collect(),
                    set: None,
                    words,
                },
            );
            if let Some(c) = counts {
                memo.counts.insert(h, c);
            }
            memo.dirty = true;
        }
        memo.used.extend(hashes.iter().copied());
        let words = hashes
            .iter()
            .map(|h| memo.docs.get(h).map_or(0, |m| m.words))
            .collect();
        if !doc_set_on {
            let mut out = place_stored(docs, &hashes, memo, false);
            sort_findings(&mut out);
            return Checked {
                findings: self.dedupe(out),
                words,
            };
        }
        // Stage 2: consistency. An unchanged doc set keeps its verdicts; findings stored under them
        // stay valid.
        let context_hashes: Vec<u64> = context.par_iter().map(memo_key).collect();
        memo.used.extend(context_hashes.iter().copied());
        let mut all_hashes: Vec<u64> = hashes.iter().chain(&context_hashes).copied().collect();
        all_hashes.sort_unstable();
        let set_bytes: Vec<u8> = all_hashes.iter().flat_map(|h| h.to_le_bytes()).collect();
        let set_key = crate::core::finding::fnv1a64(&[&set_bytes]);
        let known = memo.sets.get(&set_key).copied();
        let all_cached = known.is_some_and(|v| {
            hashes.iter().all(|h| {
                memo.docs
                    .get(h)
                    .and_then(|m| m.set.as_ref())
                    .is_some_and(|(fp, _)| *fp == v)
            })
        });
        if !all_cached {
            // Count the doc set: stored counts where there are any, fresh ones for the rest.
            let missing = hashes
                .iter()
                .chain(&context_hashes)
                .any(|h| !memo.counts.contains_key(h));
            if missing {
                stored.load_counts(memo);
            }
            let to_count: Vec<(u64, &Doc)> = docs
                .iter()
                .zip(&hashes)
                .chain(context.iter().zip(&context_hashes))
                .filter(|(_, h)| !memo.counts.contains_key(h))
                .map(|(d, h)| (*h, d))
                .collect();
            let counted: Vec<(u64, DocCounts)> = to_count
                .par_iter()
                .map(|(h, d)| {
                    let p = prose_of(d, self.code_comments);
                    (*h, self.doc_counts(&DocProse::new(&d.text, &p)))
                })
                .collect();
            if !counted.is_empty() {
                memo.dirty = true;
            }
            memo.counts.extend(counted);
            let mut seen = HashSet::new();
            let total = hashes
                .iter()
                .chain(&context_hashes)
                .filter(|h| seen.insert(**h))
                .filter_map(|h| memo.counts.get(h))
                .fold(DocCounts::default(), |acc, c| acc.merge(c.clone()));
            let verdicts = Consistency::decide(&total.consistency, &self.prefer, &self.terms);
            let vocabulary = Vocabulary::decide(&total.spelling, &self.vocabulary, self.min_docs);
            let fp = crate::core::finding::fnv1a64(&[
                &verdicts.fingerprint().to_le_bytes(),
                &vocabulary.fingerprint().to_le_bytes(),
            ]);
            memo.sets.insert(set_key, fp);
            memo.dirty = true;
            // Consistency findings for docs that have none under these verdicts.
            let todo: Vec<usize> = (0..docs.len())
                .filter(|&i| {
                    memo.docs
                        .get(&hashes[i])
                        .and_then(|m| m.set.as_ref())
                        .is_none_or(|(v, _)| *v != fp)
                })
                .collect();
            let computed: Vec<(usize, Vec<Finding>)> = todo
                .par_iter()
                .map(|&i| {
                    let doc = &docs[i];
                    let p = prose_of(doc, self.code_comments);
                    let mut hits = Vec::new();
                    let view = DocProse::new(&doc.text, &p);
                    verdicts.check(&view, &self.active, &mut hits);
                    vocabulary.check(&view, &self.active, &mut hits);
                    drop(view);
                    (i, self.findings_on(doc, &Lines::All, &p, hits))
                })
                .collect();
            for (i, found) in computed {
                if let Some(m) = memo.docs.get_mut(&hashes[i]) {
                    m.set = Some((fp, found.iter().map(pathless).collect()));
                }
            }
        }
        let mut out = place_stored(docs, &hashes, memo, false);
        out.extend(place_stored(docs, &hashes, memo, true));
        sort_findings(&mut out);
        Checked {
            findings: self.dedupe(out),
            words,
        }
    }
}

/// The remembered findings of `docs` in scope, at their paths: the per-document ones, or (`set`) the
/// consistency ones. A memory used once that did not change will not be saved, so its findings are
/// moved out instead of copied (all but the last of several docs with the same content get copies).
pub(super) fn place_stored(
    docs: &[Doc],
    hashes: &[u64],
    memo: &mut Memo,
    set: bool,
) -> Vec<Finding> {
    let take = memo.once && !memo.dirty;
    let mut left: HashMap<u64, usize> = HashMap::new();
    for h in hashes {
        *left.entry(*h).or_default() += 1;
    }
    let mut out = Vec::new();
    for (doc, h) in docs.iter().zip(hashes) {
        let last = left.get_mut(h).is_some_and(|n| {
            *n -= 1;
            *n == 0
        });
        let Some(m) = memo.docs.get_mut(h) else {
            continue;
        };
        let stored = if set {
            match m.set.as_mut() {
                Some((_, found)) => found,
                None => continue,
            }
        } else {
            &mut m.findings
        };
        if take && last {
            out.extend(
                std::mem::take(stored)
                    .into_iter()
                    .filter(|f| touches(doc, f))
                    .map(|mut f| {
                        f.path.clone_from(&doc.path);
                        f
                    }),
            );
        } else {
            out.extend(
                stored
                    .iter()
                    .filter(|f| touches(doc, f))
                    .map(|f| placed(f, &doc.path)),
            );
        }
    }
    out
}

/// What a document is remembered by: its content, and what its path says about how it is read (MDX
/// reads differently; a changelog or a licence is held to other rules).
pub(super) fn memo_key(doc: &Doc) -> u64 {
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
