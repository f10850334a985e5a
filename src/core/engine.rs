//! The engine: runs every rule over a set of documents and turns rule hits into [`Finding`]s with exact
//! file offsets, applying rule levels, `--rule` selections, suppression comments and the changed-lines
//! scope. Documents are checked in parallel (rayon); the one cross-document rule (consistency) counts
//! over the whole doc set first.
//!
//! Mapping a hit back to the file is where "never lose a user's text" starts: a replacement is kept only
//! when the bytes it replaces are exactly the prose the rule saw (no markup inside) and it keeps the
//! number of line breaks. Otherwise the hit is narrowed to the part that really changes, and if even that
//! crosses markup, it is reported without a fix.

use crate::core::cache::{DocCounts, DocMemo, Memo, Stored, content_hash, pathless, placed};
use crate::core::finding::{Finding, Safety, Severity, fingerprint};
use crate::core::markdown::{self, Block, Prose, rule_matches};
use crate::core::rules::consistency::{self, Consistency, Counts};
use crate::core::rules::custom::{Custom, CustomRule};
use crate::core::rules::grammar::Grammar;
use crate::core::rules::harper::{HarperGrammar, ParagraphMemo};
use crate::core::rules::language;
use crate::core::rules::repetition::Repetition;
use crate::core::rules::spelling::{self, Vocabulary};
use crate::core::rules::terminology::{TermError, Terminology, Terms};
use crate::core::rules::text::sentence_around;
use crate::core::rules::{Active, Checker, DocProse, Hit, RuleInfo};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Which lines of a document findings may be reported on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lines {
    /// The whole file.
    All,
    /// 1-based inclusive line ranges (changed lines).
    Changed(Vec<(usize, usize)>),
}

impl Lines {
    fn touches(&self, first: usize, last: usize) -> bool {
        match self {
            Lines::All => true,
            Lines::Changed(ranges) => ranges.iter().any(|&(a, b)| first <= b && last >= a),
        }
    }
}

/// One document to check.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Path as shown to the user.
    pub path: String,
    /// The whole file as text (BOM included if present).
    pub text: String,
    pub lines: Lines,
}

/// Is the doc a changelog (`CHANGELOG.md`, `HISTORY.md`, `docs/changes.md`, `RELEASE-NOTES.md`, …)?
/// Its entries are commit and pull-request titles, kept as they were written: a reviewer fixes their
/// typos, not their style.
pub fn is_changelog(path: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    let stem = stem.replace(['-', '_', ' '], "");
    matches!(
        stem.as_str(),
        "changelog" | "changes" | "history" | "news" | "releasenotes" | "releases"
    )
}

/// Which rules read the comments of fenced code: spelling and grammar (never markup, names or links:
/// a comment names code as code does).
fn reads_code_comments(rule: &str) -> bool {
    spelling::owns(rule) || rule.starts_with("grammar.")
}

/// Is the doc as a whole in another language than English (a translation beside the English pages)?
fn is_foreign(prose: &Prose) -> bool {
    let mut tally = language::Tally::default();
    let (mut other, mut all) = (0usize, 0usize);
    for b in &prose.blocks {
        let words = crate::core::rules::text::words(&b.text);
        tally = tally.plus(language::tally(&b.text, &words));
        all += 1;
        if language::other_script(&b.text) {
            other += 1;
        }
    }
    (tally.foreign >= 5 && tally.is_foreign()) || (all > 0 && other * 2 > all)
}

/// Is a block an entry of a list of changes: a list item that cites a pull request, an issue or a
/// commit ("- Fix the parser ([#123](…))", "* [[`a1b2c3d`](…/commit/a1b2c3d)] - **fs**: …")? Its words are
/// a commit's or a pull request's title, kept as they were written, so no rule reads them.
fn is_change_entry(file: &str, block: &markdown::Block) -> bool {
    static REFERENCE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"\[#\d+\]|\(#\d+\)|/(?:pull|issues)/\d+|/commit/[0-9a-f]{7,40}|\[`?[0-9a-f]{7,40}`?\]",
        )
        .expect("static regex")
    });
    if !matches!(
        block.kind,
        markdown::BlockKind::Other | markdown::BlockKind::Paragraph
    ) {
        return false;
    }
    let (Some(first), Some(last)) = (block.segments.first(), block.segments.last()) else {
        return false;
    };
    let Some(before) = file.get(..first.src) else {
        return false;
    };
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let end = last.src + last.src_len;
    let line_end = file
        .get(end..)
        .and_then(|rest| rest.find('\n'))
        .map_or(file.len(), |i| end + i);
    let lead = before[line_start..].trim_start_matches([' ', '\t', '>']);
    let listed = lead.starts_with(['-', '*', '+'])
        || lead
            .split_once(['.', ')'])
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    // "- dns: set hostname property on error object (Ben Noordhuis)": a lower-case area, a colon, the
    // title and its author's name (not "- timeout: seconds to wait (default 30)").
    static TITLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^[-*+]\s+(?:\*\*)?[a-z][\w./-]*(?:\*\*)?(?:\([\w-]+\))?:\s.*\((?:[A-Z][\w.'-]*\s?){1,4}\)\s*$",
        )
        .expect("static regex")
    });
    let Some(text) = file.get(line_start..line_end) else {
        return false;
    };
    listed && (REFERENCE.is_match(text) || TITLE.is_match(lead_and_rest(text)))
}

/// A list line without its indentation and block-quote markers.
fn lead_and_rest(line: &str) -> &str {
    line.trim_start_matches([' ', '\t', '>'])
}

/// Is the doc a licence or a notice (`LICENSE.md`, `LICENSE-MIT.md`, `COPYING.md`, `NOTICE.md`,
/// `THIRD-PARTY-LICENSES.md`)?
pub fn is_license(path: &str) -> bool {
    let name = path
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(path)
        .to_ascii_lowercase();
    let stem = name.split('.').next().unwrap_or(&name);
    stem.starts_with("license")
        || stem.starts_with("licence")
        || matches!(stem, "copying" | "notice" | "notices")
        || (stem.contains("third") && (stem.contains("licen") || stem.contains("notice")))
}

/// Which rules read a changelog: misspellings and doubled words.
fn reads_changelogs(rule: &str) -> bool {
    spelling::owns(rule) || rule == crate::core::rules::repetition::RULE
}

/// How a rule is configured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    /// On at its default severity.
    On,
    At(Severity),
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "off" => Some(Level::Off),
            "on" => Some(Level::On),
            other => Severity::parse(other).map(Level::At),
        }
    }
}

/// Everything the engine needs from configuration, as plain values.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// `[rules]`: (pattern, level). A more specific pattern wins: exact id over family over glob.
    pub levels: Vec<(String, Level)>,
    /// `--rule`: when not empty, only rules matching one of these patterns run.
    pub only: Vec<String>,
    /// `[terms]`: canonical spelling → extra variants.
    pub terms: Vec<(String, Vec<String>)>,
    /// `[consistency] prefer`.
    pub prefer: Vec<String>,
    /// `[[rule]]`.
    pub custom: Vec<CustomRule>,
    /// Rules derived from review-guideline files.
    pub guidelines: Vec<crate::core::rules::guideline::GuidelineRule>,
    /// `[vocabulary] accept` and `.docreview/vocabulary.txt`: words that are never misspelled.
    pub vocabulary: Vec<String>,
    /// `[vocabulary] min_docs` (0: the default).
    pub min_docs: usize,
    /// `[code] comments`: read the comments of fenced code as prose (`None`: the default,
    /// [`CODE_COMMENTS`]).
    pub code_comments: Option<bool>,
}

/// Whether the comments of fenced code are checked when the config does not say.
pub const CODE_COMMENTS: bool = true;

/// What the first stage of a check leaves for the second: each doc's prose and the doc-set counts.
pub struct Staged {
    prose: Vec<Prose>,
    counts: Counts,
}

/// A rule with its effective configuration.
#[derive(Debug, Clone)]
pub struct RuleState {
    pub info: RuleInfo,
    /// `None` when off.
    pub severity: Option<Severity>,
}

/// Which checkers a pass runs: the fast ones, harper's (slow: its own pass where results stream in),
/// or all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speed {
    Fast,
    Slow,
    All,
}

pub struct Engine {
    checkers: Vec<Box<dyn Checker>>,
    harper: HarperGrammar,
    terms: Terms,
    prefer: Vec<String>,
    vocabulary: Vec<String>,
    min_docs: usize,
    states: Vec<RuleState>,
    active: Active,
    severity: HashMap<String, (Severity, Safety)>,
    /// The settings as text, for [`Engine::version`].
    settings_key: String,
    /// Comments in fenced code are prose.
    code_comments: bool,
}

fn specificity(pattern: &str) -> u8 {
    if pattern.contains('*') {
        0
    } else if pattern.contains('.') {
        2
    } else {
        1
    }
}

/// What [`Engine::check_cached`] found, and each document's words of prose (counted by the check and
/// remembered with its findings, for findings per 1,000 words).
#[derive(Debug)]
pub struct Checked {
    pub findings: Vec<Finding>,
    /// Per document of `docs`, in order.
    pub words: Vec<usize>,
}

impl Engine {
    pub fn new(settings: &Settings) -> Result<Engine, TermError> {
        let terms = Terms::with_project(&settings.terms)?;
        let checkers: Vec<Box<dyn Checker>> = vec![
            Box::new(Terminology::new(terms.clone())),
            Box::new(Grammar),
            Box::new(crate::core::rules::usage::Usage),
            Box::new(Repetition),
            Box::new(crate::core::rules::markup::Markup),
            Box::new(crate::core::rules::links::Links),
            Box::new(crate::core::rules::sentences::Sentences),
            Box::new(crate::core::rules::agreement::Agreement),
            Box::new(Custom::new(settings.custom.clone())),
            Box::new(crate::core::rules::guideline::Guidelines::new(
                &settings.guidelines,
            )),
        ];
        let harper = HarperGrammar::new();
        let mut infos: Vec<RuleInfo> = checkers.iter().flat_map(|c| c.rules()).collect();
        infos.extend(harper.rules());
        infos.push(Consistency::rule());
        infos.extend(spelling::rules());
        let mut levels = settings.levels.clone();
        levels.sort_by_key(|(p, _)| specificity(p));
        let states: Vec<RuleState> = infos
            .into_iter()
            .map(|info| {
                let mut level = if info.default_on {
                    Level::On
                } else {
                    Level::Off
                };
                for (pattern, l) in &levels {
                    if rule_matches(pattern, &info.id) {
                        level = *l;
                    }
                }
                if !settings.only.is_empty() {
                    if !settings.only.iter().any(|p| rule_matches(p, &info.id)) {
                        level = Level::Off;
                    } else if level == Level::Off && settings.only.contains(&info.id) {
                        // `--rule ID` names a rule exactly: it runs even when it is off by default or
                        // in the config (the command line is the later word).
                        level = Level::On;
                    }
                }
                let severity = match level {
                    Level::Off => None,
                    Level::On => Some(info.severity),
                    Level::At(s) => Some(s),
                };
                RuleState { info, severity }
            })
            .collect();
        let active = Active(
            states
                .iter()
                .filter(|s| s.severity.is_some())
                .map(|s| s.info.id.clone())
                .collect(),
        );
        let severity = states
            .iter()
            .filter_map(|s| Some((s.info.id.clone(), (s.severity?, s.info.safety))))
            .collect();
        Ok(Engine {
            settings_key: format!("{settings:?}"),
            code_comments: settings.code_comments.unwrap_or(CODE_COMMENTS),
            checkers,
            harper,
            terms,
            prefer: settings.prefer.clone(),
            vocabulary: settings.vocabulary.clone(),
            min_docs: if settings.min_docs == 0 {
                spelling::MIN_DOCS
            } else {
                settings.min_docs
            },
            states,
            active,
            severity,
        })
    }

    /// Every rule with its effective level, in registry order.
    pub fn rules(&self) -> &[RuleState] {
        &self.states
    }

    /// Does any configured pattern name no rule at all? Returns the unknown patterns.
    pub fn unknown_patterns<'a>(&self, patterns: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        patterns
            .into_iter()
            .filter(|p| !self.states.iter().any(|s| rule_matches(p, &s.info.id)))
            .map(str::to_owned)
            .collect()
    }

    /// Checks `docs`; `context` documents only feed the doc-set-wide counts (consistency) and are never
    /// reported on. Findings come sorted by path and position.
    pub fn check(&self, docs: &[Doc], context: &[Doc]) -> Vec<Finding> {
        let (mut findings, staged) = self.check_docs(docs);
        findings.extend(self.check_doc_set(docs, staged, context));
        sort_findings(&mut findings);
        self.dedupe(findings)
    }

    /// The first stage: every per-document rule. What it returns lets [`Engine::check_doc_set`] run
    /// the doc-set-wide rules later without parsing again, so a caller (the review screen) can show
    /// these findings while the rest is computed.
    pub fn check_docs(&self, docs: &[Doc]) -> (Vec<Finding>, Staged) {
        self.check_docs_counted(docs, &AtomicUsize::new(0), Speed::All)
    }

    /// The per-document rules of one speed; with [`Speed::Fast`], [`Engine::check_slow`] gives the rest
    /// later from the staged prose.
    pub fn check_docs_at(&self, docs: &[Doc], speed: Speed) -> (Vec<Finding>, Staged) {
        self.check_docs_counted(docs, &AtomicUsize::new(0), speed)
    }

    /// The slow per-document rules (harper) over `docs` as staged by [`Engine::check_docs_at`].
    pub fn check_slow(&self, docs: &[Doc], staged: &Staged) -> Vec<Finding> {
        if staged.prose.len() != docs.len() || !self.has_slow_rules() {
            return Vec::new();
        }
        let mut out: Vec<Finding> = docs
            .par_iter()
            .zip(staged.prose.par_iter())
            .flat_map_iter(|(doc, prose)| {
                let mut hits = Vec::new();
                self.run_checkers(&DocProse::new(&doc.text, prose), Speed::Slow, &mut hits);
                self.findings(doc, prose, hits)
            })
            .collect();
        sort_findings(&mut out);
        out
    }

    /// Which of two overlapping findings wins: docreview's own rules (0) over harper's linters (1)
    /// over spelling (2).
    fn rank(&self, rule: &str) -> u8 {
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
    fn dedupe(&self, findings: Vec<Finding>) -> Vec<Finding> {
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
        findings
            .into_iter()
            .zip(keep)
            .filter_map(|(f, k)| k.then_some(f))
            .collect()
    }

    /// Is `rule` one of harper-core's linters?
    pub fn is_harper_rule(&self, rule: &str) -> bool {
        self.harper.owns(rule)
    }

    /// Does any slow rule run?
    pub fn has_slow_rules(&self) -> bool {
        self.checkers
            .iter()
            .filter(|c| c.slow())
            .flat_map(|c| c.rules())
            .chain(self.harper.rules())
            .any(|r| self.active.has(&r.id))
    }

    fn run_checkers(&self, view: &DocProse<'_>, speed: Speed, hits: &mut Vec<Hit>) {
        for checker in &self.checkers {
            let run = match speed {
                Speed::All => true,
                Speed::Fast => !checker.slow(),
                Speed::Slow => checker.slow(),
            };
            if run {
                checker.check(view, &self.active, hits);
            }
        }
        if speed != Speed::Fast {
            self.harper.check(view, &self.active, hits);
        }
    }

    /// Paragraphs harper linted (to save), and whether any are new.
    pub fn harper_memo(&self) -> (ParagraphMemo, bool) {
        self.harper.memo()
    }

    /// Paragraphs harper linted in earlier runs.
    pub fn remember_harper(&self, memo: ParagraphMemo) {
        self.harper.remember(memo);
    }

    /// [`Engine::check_docs`], counting finished documents in `done` (for a progress bar).
    pub fn check_docs_counted(
        &self,
        docs: &[Doc],
        done: &AtomicUsize,
        speed: Speed,
    ) -> (Vec<Finding>, Staged) {
        let consistency_on = self.active.has(consistency::RULE);
        // Each worker keeps one running count (merging a count per document would cost more than
        // counting).
        let (mut parsed, counts) = docs
            .par_iter()
            .enumerate()
            .fold(
                || (Vec::new(), Counts::default()),
                |(mut parsed, mut counts), (i, doc)| {
                    let prose = prose_of(doc, self.code_comments);
                    let view = DocProse::new(&doc.text, &prose);
                    let mut hits = Vec::new();
                    self.run_checkers(&view, speed, &mut hits);
                    if consistency_on {
                        consistency::count_into(&mut counts, &view);
                    }
                    drop(view);
                    done.fetch_add(1, Ordering::Relaxed);
                    parsed.push((i, prose, hits));
                    (parsed, counts)
                },
            )
            .reduce(
                || (Vec::new(), Counts::default()),
                |(mut a, ca), (b, cb)| {
                    a.extend(b);
                    (a, ca.merge(cb))
                },
            );
        parsed.sort_unstable_by_key(|(i, _, _)| *i);
        let mut first: Vec<Finding> = parsed
            .par_iter_mut()
            .flat_map_iter(|(i, prose, hits)| self.findings(&docs[*i], prose, std::mem::take(hits)))
            .collect();
        sort_findings(&mut first);
        let staged = Staged {
            prose: parsed.into_iter().map(|(_, p, _)| p).collect(),
            counts,
        };
        (first, staged)
    }

    /// The second stage: doc-set-wide rules over `docs` (as staged by [`Engine::check_docs`]), counting
    /// `context` too.
    pub fn check_doc_set(&self, docs: &[Doc], staged: Staged, context: &[Doc]) -> Vec<Finding> {
        if !self.needs_doc_set() || staged.prose.len() != docs.len() {
            return Vec::new();
        }
        let consistency_on = self.active.has(consistency::RULE);
        let spelling_on = spelling::any_on(&self.active);
        let (counts, stats) = context
            .par_iter()
            .map(|doc| {
                let prose = prose_of(doc, self.code_comments);
                let view = DocProse::new(&doc.text, &prose);
                let mut c = Counts::default();
                if consistency_on {
                    consistency::count_into(&mut c, &view);
                }
                let stats = if spelling_on {
                    spelling::stats(&view)
                } else {
                    Default::default()
                };
                (c, stats)
            })
            .chain(
                docs.par_iter()
                    .zip(staged.prose.par_iter())
                    .map(|(doc, prose)| {
                        let stats = if spelling_on {
                            spelling::stats(&DocProse::new(&doc.text, prose))
                        } else {
                            Default::default()
                        };
                        (Counts::default(), stats)
                    }),
            )
            .reduce(
                || (Counts::default(), spelling::Stats::default()),
                |(c1, s1), (c2, s2)| (c1.merge(c2), s1.merge(s2)),
            );
        let verdicts = Consistency::decide(&counts.merge(staged.counts), &self.prefer, &self.terms);
        let vocabulary = Vocabulary::decide(&stats, &self.vocabulary, self.min_docs);
        let mut out: Vec<Finding> = docs
            .par_iter()
            .zip(staged.prose.into_par_iter())
            .flat_map_iter(|(doc, prose)| {
                let mut hits = Vec::new();
                let view = DocProse::new(&doc.text, &prose);
                verdicts.check(&view, &self.active, &mut hits);
                vocabulary.check(&view, &self.active, &mut hits);
                drop(view);
                self.findings(doc, &prose, hits)
            })
            .collect();
        sort_findings(&mut out);
        out
    }

    /// Identifies the rule set: docreview's version, every setting and the built-in word lists. Cached
    /// results are only valid under the same version.
    pub fn version(&self) -> u64 {
        let levels = format!(
            "{:?}",
            self.states
                .iter()
                .map(|s| (&s.info.id, s.severity))
                .collect::<Vec<_>>()
        );
        crate::core::finding::fnv1a64(&[
            env!("CARGO_PKG_VERSION").as_bytes(),
            levels.as_bytes(),
            self.settings_key.as_bytes(),
            &crate::core::rules::lexicon::data_version().to_le_bytes(),
        ])
    }

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

    /// Is `rule` judged across the doc set (so re-checking one document alone cannot judge it)?
    pub fn is_doc_set_rule(rule: &str) -> bool {
        rule == consistency::RULE || spelling::owns(rule)
    }

    /// Does any doc-set-wide rule run (so context docs are worth reading)?
    pub fn needs_doc_set(&self) -> bool {
        self.active.has(consistency::RULE) || spelling::any_on(&self.active)
    }

    /// What one document contributes to the doc-set rules that are on.
    fn doc_counts(&self, view: &DocProse<'_>) -> DocCounts {
        DocCounts {
            consistency: if self.active.has(consistency::RULE) {
                consistency::count(view)
            } else {
                Counts::default()
            },
            spelling: if spelling::any_on(&self.active) {
                spelling::stats(view)
            } else {
                spelling::Stats::default()
            },
        }
    }

    /// Turns one document's hits into findings.
    fn findings(&self, doc: &Doc, prose: &Prose, hits: Vec<Hit>) -> Vec<Finding> {
        self.findings_on(doc, &doc.lines, prose, hits)
    }

    /// Turns one document's hits into findings on `lines`.
    fn findings_on(&self, doc: &Doc, lines: &Lines, prose: &Prose, hits: Vec<Hit>) -> Vec<Finding> {
        let file = doc.text.as_str();
        let line_starts = line_starts(file);
        let mut out: Vec<Finding> = Vec::new();
        let mut seen: HashSet<(usize, usize, String)> = HashSet::new();
        let mut occurrences: HashMap<(String, String, u64), usize> = HashMap::new();
        let mut hits = hits;
        hits.sort_by_key(|h| (h.block, h.range.start, h.range.end));
        // harper's findings give way to docreview's own where they overlap (ours are tuned for
        // technical prose, and one place gets one finding).
        let own: Vec<(usize, Range<usize>)> = hits
            .iter()
            .filter(|h| !self.harper.owns(&h.rule))
            .map(|h| (h.block, h.range.clone()))
            .collect();
        if own.len() < hits.len() {
            hits.retain(|h| {
                !self.harper.owns(&h.rule)
                    || !own.iter().any(|(b, r)| {
                        *b == h.block
                            && r.start < h.range.end.max(h.range.start + 1)
                            && h.range.start < r.end.max(r.start + 1)
                    })
            });
        }
        let mut column_at = (0usize, 0usize, 1usize);
        // A licence is a legal text kept word for word (often a third party's): nothing to review.
        if is_license(&doc.path) {
            return Vec::new();
        }
        let changelog = is_changelog(&doc.path);
        let mut change_entries: HashMap<usize, bool> = HashMap::new();
        // A translated page (or a passage in another language) is not for English rules; only the link
        // rules read it.
        let mut foreign_doc: Option<bool> = None;
        let mut foreign_blocks: HashMap<usize, bool> = HashMap::new();
        for hit in hits {
            let Some(&(severity, safety)) = self.severity.get(&hit.rule) else {
                continue;
            };
            if changelog && !reads_changelogs(&hit.rule) {
                continue;
            }
            let Some(block) = prose.block(hit.block) else {
                continue;
            };
            if block.kind == markdown::BlockKind::CodeComment && !reads_code_comments(&hit.rule) {
                continue;
            }
            if *change_entries
                .entry(hit.block)
                .or_insert_with(|| is_change_entry(file, block))
            {
                continue;
            }
            if !hit.rule.starts_with("links.")
                && (*foreign_doc.get_or_insert_with(|| is_foreign(prose))
                    || *foreign_blocks.entry(hit.block).or_insert_with(|| {
                        let words = crate::core::rules::text::words(&block.text);
                        language::other_script(&block.text)
                            || (words.len() >= language::BLOCK_WORDS
                                && language::tally(&block.text, &words).is_foreign())
                    }))
            {
                continue;
            }
            let Some((span, replacements)) =
                place(file, block, hit.range.clone(), &hit.replacements)
            else {
                continue;
            };
            if prose.is_suppressed(span.start, &hit.rule) {
                continue;
            }
            if !seen.insert((span.start, span.end, hit.rule.clone())) {
                continue;
            }
            let text = file[span.clone()].to_owned();
            let sentence_range = sentence_around(&block.text, hit.range.clone());
            let sentence = &block.text[sentence_range];
            // Occurrences are counted over the whole file, so a fingerprint does not depend on which
            // lines are in scope.
            let occ_key = (
                hit.rule.clone(),
                text.clone(),
                crate::core::finding::fnv1a64(&[sentence.as_bytes()]),
            );
            let occurrence = occurrences.entry(occ_key).or_insert(0);
            let fp = fingerprint(&hit.rule, &text, sentence, *occurrence);
            *occurrence += 1;
            let line = line_of(&line_starts, span.start);
            let last = line_of(&line_starts, span.end.saturating_sub(1).max(span.start));
            if !lines.touches(line, last) {
                continue;
            }
            // Columns count characters as an editor shows them (a BOM is not one), counted on from the
            // previous finding of the same line so a very long line costs one pass.
            let line_start = line_starts[line - 1];
            let (from, base) = match column_at {
                (l, offset, col) if l == line && offset <= span.start => (offset, col),
                _ => (line_start, 1),
            };
            let column = base
                + file[from..span.start]
                    .chars()
                    .filter(|&c| !(c == '\u{feff}' && from == 0))
                    .count();
            column_at = (line, span.start, column);
            out.push(Finding {
                path: doc.path.clone(),
                rule: hit.rule,
                severity,
                message: hit.message,
                line,
                column,
                start: span.start,
                end: span.end,
                text,
                replacements,
                safety,
                fingerprint: fp,
            });
        }
        out
    }
}

/// The remembered findings of `docs` in scope, at their paths: the per-document ones, or (`set`) the
/// consistency ones. A memory used once that did not change will not be saved, so its findings are
/// moved out instead of copied (all but the last of several docs with the same content get copies).
fn place_stored(docs: &[Doc], hashes: &[u64], memo: &mut Memo, set: bool) -> Vec<Finding> {
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
fn memo_key(doc: &Doc) -> u64 {
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

fn is_mdx(doc: &Doc) -> bool {
    doc.path.ends_with(".mdx")
}

/// The prose of a doc: MDX files (`.mdx`) also leave out their imports, exports and `{…}` expressions;
/// with `comments`, the comments of fenced code are prose too.
fn prose_of(doc: &Doc, comments: bool) -> Prose {
    markdown::extract_with(
        &doc.text,
        markdown::Reading {
            mdx: is_mdx(doc),
            comments,
        },
    )
}

/// Is a whole-file finding on the doc's lines in scope?
fn touches(doc: &Doc, f: &Finding) -> bool {
    match &doc.lines {
        Lines::All => true,
        lines => {
            let last = f.line + f.text.matches('\n').count();
            lines.touches(f.line, last)
        }
    }
}

/// Sorts findings by path, position and rule.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.path.as_str(), a.start, a.end, a.rule.as_str()).cmp(&(
            b.path.as_str(),
            b.start,
            b.end,
            b.rule.as_str(),
        ))
    });
}

/// Byte offsets where each line starts.
pub fn line_starts(text: &str) -> Vec<usize> {
    // A line ends at LF, CRLF, or a lone CR (old Mac files), as Markdown itself reads them.
    let bytes = text.as_bytes();
    std::iter::once(0)
        .chain(bytes.iter().enumerate().filter_map(|(i, &b)| match b {
            b'\n' => Some(i + 1),
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => Some(i + 1),
            _ => None,
        }))
        .collect()
}

/// 1-based line of a byte offset.
pub fn line_of(line_starts: &[usize], offset: usize) -> usize {
    line_starts.partition_point(|&s| s <= offset).max(1)
}

/// Places a hit in the file: its byte span and the replacements that can be applied there safely.
fn place(
    file: &str,
    block: &Block,
    view: Range<usize>,
    replacements: &[String],
) -> Option<(Range<usize>, Vec<String>)> {
    let keeps_lines = |span: &Range<usize>, r: &String| {
        file[span.clone()].matches('\n').count() == r.matches('\n').count()
    };
    if let Some(span) = block.to_source(file, view.clone()) {
        let ok: Vec<String> = replacements
            .iter()
            .filter(|r| keeps_lines(&span, r))
            .cloned()
            .collect();
        if ok.len() == replacements.len() {
            return Some((span, ok));
        }
    }
    // Narrow to what really changes, then widen to whole words, and try again.
    if !replacements.is_empty() {
        let original = &block.text[view.clone()];
        let (p, s) = common_affixes(original, replacements);
        let mut inner = view.start + p..view.end - s;
        let mut reps: Vec<String> = replacements
            .iter()
            .map(|r| r[p..r.len() - s].to_owned())
            .collect();
        // Words added where markup opens go before the markup, not inside it.
        if inner.start == inner.end
            && let Some(at) = block.insert_before_markup(inner.start)
            && reps.iter().all(|r| !r.contains('\n'))
        {
            return Some((at..at, reps));
        }
        widen_to_words(&block.text, &mut inner, &mut reps, view.clone());
        if let Some(span) = block.to_source(file, inner.clone())
            && reps.iter().all(|r| keeps_lines(&span, r))
        {
            return Some((span, reps));
        }
    }
    let span = block.to_source_lossy(view)?;
    Some((span, Vec::new()))
}

/// Lengths of the prefix and suffix (in bytes, on char boundaries) shared by `original` and every
/// replacement, not overlapping.
fn common_affixes(original: &str, replacements: &[String]) -> (usize, usize) {
    let mut prefix = original.len();
    let mut suffix = original.len();
    for r in replacements {
        let p = original
            .char_indices()
            .zip(r.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8());
        prefix = prefix.min(p);
        let s = original
            .chars()
            .rev()
            .zip(r.chars().rev())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum::<usize>();
        suffix = suffix.min(s);
    }
    for r in replacements {
        let limit = original.len().min(r.len());
        if prefix + suffix > limit {
            suffix = limit.saturating_sub(prefix);
        }
    }
    // Keep both on char boundaries of every string.
    while !original.is_char_boundary(original.len() - suffix)
        || replacements
            .iter()
            .any(|r| !r.is_char_boundary(r.len() - suffix))
    {
        suffix -= 1;
    }
    (prefix, suffix)
}

/// Grows an edit to cover the whole words it touches (staying inside `outer`), so the reader sees
/// "tiny" → "a tiny" instead of an insertion of "a ".
fn widen_to_words(text: &str, inner: &mut Range<usize>, reps: &mut [String], outer: Range<usize>) {
    let is_word = |c: char| c.is_alphanumeric();
    let word_len = |s: &str| {
        s.chars()
            .take_while(|&c| is_word(c))
            .map(char::len_utf8)
            .sum::<usize>()
    };
    let word_len_back = |s: &str| {
        s.chars()
            .rev()
            .take_while(|&c| is_word(c))
            .map(char::len_utf8)
            .sum::<usize>()
    };
    let (mut start, mut end) = (inner.start, inner.end);
    if inner.start == inner.end {
        // An insertion takes the word after it along, or else the word before it.
        let after = word_len(&text[end..outer.end]);
        if after > 0 {
            end += after;
        } else {
            start -= word_len_back(&text[outer.start..start]);
        }
    } else {
        // Edges in the middle of a word grow to the word's edges.
        if text[..start].ends_with(is_word) && text[start..].starts_with(is_word) {
            start -= word_len_back(&text[outer.start..start]);
        }
        if text[..end].ends_with(is_word) && text[end..].starts_with(is_word) {
            end += word_len(&text[end..outer.end]);
        }
    }
    let (before, after) = (&text[start..inner.start], &text[inner.end..end]);
    for r in reps.iter_mut() {
        *r = format!("{before}{r}{after}");
    }
    *inner = start..end;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(path: &str, text: &str) -> Doc {
        Doc {
            path: path.into(),
            text: text.into(),
            lines: Lines::All,
        }
    }

    /// The rules of the findings `e` makes on one doc, in order.
    fn rules_of(e: &Engine, path: &str, text: &str) -> Vec<String> {
        e.check(&[doc(path, text)], &[])
            .into_iter()
            .map(|f| f.rule)
            .collect()
    }

    /// Every rule on, harper-core's linters included.
    fn every_rule() -> Engine {
        Engine::new(&Settings {
            levels: vec![("*".into(), Level::On)],
            ..Settings::default()
        })
        .expect("engine")
    }

    /// The default rules plus the ones these tests exercise that are off by default (below the precision
    /// gate, see precision.md): the engine's mechanics do not depend on which rules are on.
    fn engine() -> Engine {
        let on = |p: &str| (p.to_owned(), Level::On);
        Engine::new(&Settings {
            levels: vec![
                on("terminology"),
                on("grammar.allow-to"),
                on("consistency"),
                on("grammar.agreement"),
            ],
            ..Settings::default()
        })
        .expect("engine")
    }

    const GUIDELINE: &str = "# Tuning\n\nINC allows automatically find better solution.\n\n\
        It will find operator which mostly influence accuracy drops.\n\n\
        With int8 there is tiny accuracy drop.\n\nBuild with ONEDNN enabled.\n";

    #[test]
    fn guideline_examples_are_flagged_with_the_right_fix() {
        let f = engine().check(&[doc("g.md", GUIDELINE)], &[]);
        let got: Vec<(&str, &str, &str)> = f
            .iter()
            .map(|f| (f.rule.as_str(), f.text.as_str(), f.replacements[0].as_str()))
            .collect();
        assert!(
            got.contains(&(
                "grammar.allow-to",
                "allows automatically find",
                "allows you to automatically find"
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&(
                "grammar.article",
                "tiny accuracy drop",
                "a tiny accuracy drop"
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&("terminology.canonical", "ONEDNN", "oneDNN")),
            "{got:?}"
        );
        for f in &f {
            assert_eq!(&GUIDELINE[f.start..f.end], f.text);
        }
    }

    /// Every rule on, over documents stitched at random from the shapes that broke rules before
    /// (multi-byte spaces and quotes, box drawing, code comments, templates, change lists): no panic,
    /// and every finding's span is the text it reports.
    #[test]
    fn every_rule_survives_awkward_text() {
        const PIECES: &[&str] = &[
            "The the file",
            "\u{a0}",
            "’s",
            "“Github ‘quoted’ here”",
            "├── tree # the tree of files",
            "\n\n```py\n# c’est\u{a0}la vie ├ — the the\nx = 1  # keep the the GPU\n```\n\n",
            "\n\n```js\n/* a block ├\n * comment of the the kind */\n```\n\n",
            "[link ‘x’](http://x.com/{{ a.b }})",
            "**bold** and `code`",
            "Ünïcödé 日本語 🙂",
            "can not",
            "a 10 second timeout",
            "less files",
            "'dom-ready'",
            "{: .note}",
            "\n\nimport X from './x.mdx'\n\n",
            "{{< highlight go >}}x := 1{{< /highlight >}}",
            "\n\n- dns: fix the parser (Ann Lee)\n",
            "\n\n* [[`abc1234`](https://x/commit/abc1234)] - **fs**: the the (A) [#1](https://x/pull/1)\n",
            "occured",
            "BroswerWindow",
            "- [l]ist",
            "It ran.This works",
            "`desc`ription",
            "start`..`end",
            "Bert Belder",
            "\n\n> info **info** note\n",
            "is going generate",
            "there is tiny drop",
            "\n\n# Heading ├\n\n",
            "  ",
            ".",
            "\n",
        ];
        let e = every_rule();
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        let docs: Vec<Doc> = (0..60)
            .map(|i| {
                let n = 5 + next() % 30;
                let text: String = (0..n)
                    .map(|_| {
                        let p = PIECES[next() % PIECES.len()];
                        if next() % 3 == 0 {
                            format!("{p} ")
                        } else {
                            p.to_owned()
                        }
                    })
                    .collect();
                // Some open with a byte-order mark.
                let text = if i % 5 == 0 {
                    format!("\u{feff}{text}")
                } else {
                    text
                };
                doc(if i % 2 == 0 { "a.md" } else { "b.mdx" }, &text)
            })
            .collect();
        for d in &docs {
            for f in e.check(std::slice::from_ref(d), &[]) {
                assert!(
                    d.text.is_char_boundary(f.start) && d.text.is_char_boundary(f.end),
                    "{f:?} in {:?}",
                    d.text
                );
                assert_eq!(&d.text[f.start..f.end], f.text, "{:?}", d.text);
            }
        }
        // And as one doc set, so the doc-set rules meet every shape together.
        assert!(e.check(&docs, &[]).len() < 100_000);
    }

    #[test]
    fn a_translation_is_left_to_its_own_language() {
        let es = "# Instalación\n\nPara usar el componente de la API, instale el paquete con npm. \
                  Es un paquete para Github y los usuarios de a API.\n\n- Una lista de cosas\n\n\
                  Ver el [vídeo](https://youtu.be/x?si=abc) para más.\n";
        let rules = rules_of(&every_rule(), "docs/es/install.md", es);
        assert_eq!(rules, ["links.tracking"]);
        // An English doc that quotes a Spanish sentence still gets its English findings.
        let en =
            "# Install\n\nThe the package is on Github.\n\n> Para usar el componente de la API.\n";
        let rules = rules_of(&engine(), "docs/install.md", en);
        assert!(
            rules.contains(&"terminology.canonical".to_owned()),
            "{rules:?}"
        );
    }

    #[test]
    fn every_rule_on_by_default_passed_the_precision_gate() {
        use crate::core::rules::precision;
        let mut problems = Vec::new();
        for r in engine().rules() {
            let m = precision::measured(&r.info.id);
            match (r.info.default_on, m) {
                (true, None) => {
                    problems.push(format!("{} is on but was never measured", r.info.id))
                }
                (true, Some(m)) if !m.passes() => {
                    problems.push(format!("{} is on but measured {}", r.info.id, m.short()))
                }
                (false, Some(m)) if m.passes() => problems.push(format!(
                    "{} passed the gate ({}) but is off: turn it on or say why in precision.tsv",
                    r.info.id,
                    m.short()
                )),
                _ => {}
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn a_changelog_is_read_for_typos_and_doubled_words_only() {
        let md =
            "# Changes\n\n- Fix the the paramater in ONEDNN build\n- add hook to `New` command\n";
        for path in [
            "CHANGELOG.md",
            "docs/History.md",
            "release-notes.md",
            "NEWS.markdown",
        ] {
            assert!(is_changelog(path), "{path}");
            let mut got = rules_of(&engine(), path, md);
            got.sort();
            assert_eq!(
                got,
                ["grammar.repeated-word", "spelling.known-typo"],
                "{path}"
            );
        }
        assert!(!is_changelog("docs/changing-things.md"));
        // A licence is not reviewed at all.
        for path in [
            "LICENSE.md",
            "docs/LICENSE-MIT.md",
            "THIRD-PARTY-LICENSES.md",
            "NOTICE.md",
        ] {
            assert!(is_license(path), "{path}");
            assert!(rules_of(&engine(), path, md).is_empty(), "{path}");
        }
        assert!(!is_license("docs/licensing-faq.md"));
        // Anywhere, a list item that cites a pull request, an issue or a commit is a commit's title.
        let notes = "# Release 2.0\n\nThe the release brings a new parser.\n\n\
                     * [[`a1b2c3d4e5`](https://github.com/o/r/commit/a1b2c3d4e5)] - **deps**: update the the \
                     paramater (Ann) [#42](https://github.com/o/r/pull/42)\n\
                     - fix teh ONEDNN build (#43)\n\
                     - dns: set the the hostname on error objects (Ben Noordhuis)\n\
                     - feat(cli): add a dns flag (Ann Lee)\n\
                     - timeout: the the seconds to wait (default 30)\n";
        let found: Vec<(String, String)> = engine()
            .check(&[doc("blog/release-2.0.md", notes)], &[])
            .into_iter()
            .map(|f| (f.rule, f.text))
            .collect();
        assert_eq!(
            found,
            [
                ("grammar.repeated-word".to_owned(), "The the".to_owned()),
                ("grammar.repeated-word".to_owned(), "the the".to_owned())
            ]
        );
        let rules = rules_of(&engine(), "guide.md", md);
        assert!(
            rules.contains(&"terminology.canonical".to_owned()),
            "{rules:?}"
        );
    }

    #[test]
    fn nothing_in_code_urls_or_front_matter() {
        let md = "---\ntitle: INC allows automatically find\n---\n\n```\nthere is tiny accuracy drop ONEDNN\n```\n\n\
                  `ONEDNN` and https://example.com/ONEDNN/the the and [x](https://ONEDNN.io)\n";
        assert!(engine().check(&[doc("c.md", md)], &[]).is_empty());
    }

    #[test]
    fn line_and_column_are_one_based_and_in_characters() {
        let md = "# Título\n\nÜber Github.\n";
        let f = engine().check(&[doc("x.md", md)], &[]);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].line, f[0].column), (3, 6));
        assert_eq!(&md[f[0].start..f[0].end], "Github");
    }

    #[test]
    fn changed_lines_scope_filters() {
        let md = "Github one.\n\nGithub two.\n";
        let d = Doc {
            path: "x.md".into(),
            text: md.into(),
            lines: Lines::Changed(vec![(3, 3)]),
        };
        let f = engine().check(&[d], &[]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].line, 3);
    }

    #[test]
    fn levels_and_only_select_rules() {
        let s = Settings {
            levels: vec![
                ("grammar".into(), Level::Off),
                ("grammar.article".into(), Level::At(Severity::Error)),
            ],
            ..Settings::default()
        };
        let e = Engine::new(&s).expect("engine");
        let f = e.check(&[doc("g.md", GUIDELINE)], &[]);
        assert!(f.iter().all(|f| f.rule != "grammar.allow-to"));
        let art: Vec<_> = f.iter().filter(|f| f.rule == "grammar.article").collect();
        assert_eq!(art.len(), 1);
        assert_eq!(art[0].severity, Severity::Error);

        // A glob selects among the rules that are on; an exact id runs the rule even when it is off by
        // default.
        let only = |p: &str| {
            Engine::new(&Settings {
                only: vec![p.into()],
                ..Settings::default()
            })
            .expect("engine")
            .check(&[doc("g.md", GUIDELINE)], &[])
        };
        assert!(only("grammar.allow*").is_empty());
        let f = only("grammar.allow-to");
        assert!(f.iter().all(|f| f.rule == "grammar.allow-to"));
        assert!(!f.is_empty());
    }

    #[test]
    fn suppression_comments_silence_findings() {
        let md = "<!-- docreview-disable-next-line terminology -->\nGithub here.\nGithub there.\n";
        let f = engine().check(&[doc("x.md", md)], &[]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].line, 3);
    }

    #[test]
    fn fixes_never_swallow_markup() {
        // The article goes before the emphasis; the asterisks survive.
        let md = "With int8 there is *tiny* accuracy drop.\n";
        let f = engine().check(&[doc("x.md", md)], &[]);
        let a = f
            .iter()
            .find(|f| f.rule == "grammar.article")
            .expect("article");
        let mut fixed = md.to_owned();
        fixed.replace_range(a.start..a.end, &a.replacements[0]);
        assert_eq!(fixed, "With int8 there is a *tiny* accuracy drop.\n");
        // And before a link's text.
        let md = "INC allows *automatically* find it. There is [tiny accuracy](x) drop.\n";
        let mut fixed = md.to_owned();
        let mut f = engine().check(&[doc("x.md", md)], &[]);
        f.retain(|f| f.rule.starts_with("grammar"));
        f.sort_by_key(|f| std::cmp::Reverse(f.start));
        for x in &f {
            fixed.replace_range(x.start..x.end, &x.replacements[0]);
        }
        assert_eq!(
            fixed,
            "INC allows you to *automatically* find it. There is a [tiny accuracy](x) drop.\n"
        );
        // A double across a block-quote line break keeps the "> " marker.
        let md = "> Install the\n> the package.\n";
        let f = engine().check(&[doc("q.md", md)], &[]);
        let r = f
            .iter()
            .find(|f| f.rule == "grammar.repeated-word")
            .expect("double");
        let mut fixed = md.to_owned();
        fixed.replace_range(r.start..r.end, &r.replacements[0]);
        assert_eq!(fixed, "> Install the\n> package.\n");
    }

    #[test]
    fn consistency_counts_context_docs_but_reports_only_checked_ones() {
        let ctx = doc("ctx.md", "A dataset. The dataset. Each dataset.\n");
        let checked = doc("new.md", "A data set.\n");
        let f = engine().check(&[checked], &[ctx]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].path, "new.md");
        assert_eq!(f[0].replacements, vec!["dataset"]);
    }

    #[test]
    fn fingerprints_survive_line_moves() {
        let a = engine().check(&[doc("x.md", "Use Github here.\n")], &[]);
        let b = engine().check(
            &[doc("x.md", "# New title\n\nText.\n\nUse Github here.\n")],
            &[],
        );
        assert_eq!(a[0].fingerprint, b[0].fingerprint);
        assert_ne!(a[0].line, b[0].line);
    }

    /// Random documents built from awkward pieces never make the engine panic, and every finding's span
    /// and fix is valid for the file.
    #[test]
    fn random_documents_give_valid_findings() {
        const PIECES: &[&str] = &[
            "the",
            " ",
            "the ",
            "\n",
            "\r\n",
            "\n\n",
            "*",
            "**",
            "_",
            "`",
            "```\n",
            "> ",
            "- ",
            "1. ",
            "# ",
            "[x](http://y.z)",
            "Github",
            "ONEDNN",
            "a",
            "an",
            "hour",
            "user",
            "there is tiny accuracy drop",
            "allows automatically find",
            "e-mail",
            "email",
            "data set",
            "dataset",
            "\u{feff}",
            "Ü",
            "日本語",
            "\t",
            "<b>",
            "</b>",
            "<!-- docreview-disable -->",
            "<!-- docreview-enable -->",
            "$x$",
            "{{< x >}}",
            "https://x.io/a",
            "&amp;",
            "\\*",
            "|",
            "---\n",
            "  \n",
            "[^1]",
            "[^1]: note\n",
            "é",
            "\u{200b}",
        ];
        let e = engine();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..400 {
            let len = (next() % 60) as usize;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let findings = e.check(&[doc("r.md", &text)], &[]);
            for f in &findings {
                assert!(f.start <= f.end && f.end <= text.len(), "{f:?} in {text:?}");
                assert!(
                    text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
                    "{f:?} in {text:?}"
                );
                assert_eq!(text[f.start..f.end], f.text);
                for r in &f.replacements {
                    let mut fixed = text.clone();
                    fixed.replace_range(f.start..f.end, r);
                    assert_eq!(
                        fixed.matches('\n').count(),
                        text.matches('\n').count(),
                        "{f:?} in {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn cached_results_equal_fresh_ones_and_survive_changes() {
        let e = engine();
        let docs = vec![
            Doc {
                path: "a.md".into(),
                text: GUIDELINE.into(),
                lines: Lines::All,
            },
            Doc {
                path: "b.md".into(),
                text: "A data set. Github.\n\nThe the end.\n".into(),
                lines: Lines::Changed(vec![(3, 3)]),
            },
        ];
        let context = vec![doc("c.md", "A dataset, the dataset, each dataset.\n")];
        let fresh = e.check(&docs, &context);
        let mut memo = Memo::default();
        #[derive(Default)]
        struct Loads(usize);
        impl Stored for Loads {
            fn load_counts(&mut self, _: &mut Memo) {
                self.0 += 1;
            }
            fn load_paragraphs(&mut self) -> crate::core::rules::harper::ParagraphMemo {
                Default::default()
            }
        }
        let mut loads = Loads::default();
        let done = AtomicUsize::new(0);
        let first = e
            .check_cached(&docs, &context, &mut memo, &mut loads, &done)
            .findings;
        assert_eq!(first, fresh);
        assert!(memo.dirty);
        let loads_after_first = loads.0;
        // Second run: everything from memory, no counts needed.
        memo.dirty = false;
        let again = e.check_cached(&docs, &context, &mut memo, &mut loads, &done);
        // Words of prose come back from memory too, as a fresh count has them.
        let counted: Vec<usize> = docs
            .iter()
            .map(|d| prose_of(d, CODE_COMMENTS).words())
            .collect();
        assert_eq!(again.words, counted);
        let again = again.findings;
        assert_eq!(again, fresh);
        assert!(!memo.dirty, "nothing new to remember");
        assert_eq!(
            loads.0, loads_after_first,
            "an unchanged doc set needs no stored counts"
        );
        // One doc changes: its findings are new, the others come from memory, and the answer is
        // still what a fresh check says.
        let mut changed = docs.clone();
        changed[1].text = "A data set. Gitlab.\n\nThe the end.\n".into();
        let fresh2 = e.check(&changed, &context);
        let cached2 = e
            .check_cached(&changed, &context, &mut memo, &mut loads, &done)
            .findings;
        assert_eq!(cached2, fresh2);
        // A memory used once hands its findings over when unchanged; the answer is the same.
        let mut once = memo.clone();
        once.once = true;
        once.dirty = false;
        assert_eq!(
            e.check_cached(&changed, &context, &mut once, &mut loads, &done)
                .findings,
            fresh2
        );
        assert!(!once.dirty);
        assert_eq!(done.load(Ordering::Relaxed), 2);
    }

    #[test]
    fn the_same_text_as_markdown_and_as_mdx_is_remembered_apart() {
        let e = engine();
        let text = "Intro on Github.\n\n{props.flag ? 'Tick the the box' : 'none'}\n";
        let md = vec![doc("a.md", text)];
        let mdx = vec![doc("a.mdx", text)];
        let mut memo = Memo::default();
        use crate::core::cache::Nothing;
        let done = AtomicUsize::new(0);
        let as_md = e
            .check_cached(&md, &[], &mut memo, &mut Nothing, &done)
            .findings;
        let as_mdx = e
            .check_cached(&mdx, &[], &mut memo, &mut Nothing, &done)
            .findings;
        assert_eq!(as_md, e.check(&md, &[]));
        assert_eq!(as_mdx, e.check(&mdx, &[]));
        assert!(as_mdx.len() < as_md.len(), "an MDX expression is code");
        // Nor are a changelog and a licence remembered as the same text elsewhere.
        for name in ["CHANGELOG.md", "LICENSE.md"] {
            let other = vec![doc(name, text)];
            let cached = e
                .check_cached(&other, &[], &mut memo, &mut Nothing, &done)
                .findings;
            assert_eq!(cached, e.check(&other, &[]), "{name}");
            assert!(cached.len() < as_md.len(), "{name}");
        }
    }

    #[test]
    fn one_place_gets_the_best_ranked_finding() {
        let e = engine();
        let f = |path: &str, rule: &str, start: usize, end: usize| Finding {
            path: path.into(),
            rule: rule.into(),
            severity: Severity::Warning,
            message: String::new(),
            line: 1,
            column: start + 1,
            start,
            end,
            text: String::new(),
            replacements: Vec::new(),
            safety: Safety::Review,
            fingerprint: String::new(),
        };
        let harper = "grammar.spaces";
        assert!(e.is_harper_rule(harper));
        let mut all = vec![
            f("a.md", "terminology.canonical", 10, 16),
            f("a.md", harper, 12, 14), // under docreview's own: dropped
            f("a.md", harper, 20, 25), // alone: kept
            f("a.md", spelling::RULE, 22, 23), // under a kept harper finding: dropped
            f("a.md", spelling::RULE, 30, 34), // alone: kept
            f("b.md", harper, 12, 14), // another file: kept
            f("b.md", spelling::RULE, 0, 4), // kept
            f("b.md", "grammar.repeated-word", 40, 40), // an insertion point still counts
            f("b.md", spelling::RULE, 40, 41), // dropped
        ];
        sort_findings(&mut all);
        let kept: Vec<(String, usize)> = e
            .finish(all)
            .into_iter()
            .map(|f| (f.path, f.start))
            .collect();
        let kept: Vec<(&str, usize)> = kept.iter().map(|(p, s)| (p.as_str(), *s)).collect();
        assert_eq!(
            kept,
            [
                ("a.md", 10),
                ("a.md", 20),
                ("a.md", 30),
                ("b.md", 0),
                ("b.md", 12),
                ("b.md", 40)
            ]
        );
    }

    #[test]
    fn affixes_and_widening() {
        assert_eq!(
            common_affixes("tiny accuracy drop", &["a tiny accuracy drop".into()]),
            (0, 18)
        );
        let text = "is tiny drop";
        let mut inner = 3..3;
        let mut reps = vec!["a ".to_owned()];
        widen_to_words(text, &mut inner, &mut reps, 3..12);
        assert_eq!((inner, reps), (3..7, vec!["a tiny".to_owned()]));
    }
}
