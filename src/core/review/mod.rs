//! The review session as a state machine (The Elm Architecture): [`ReviewState`] holds the findings,
//! the docs' text as docreview believes it is on disk, the decisions, the undo stack and the screen's
//! mode; [`ReviewState::update`] takes a [`Msg`] (a key, a batch of findings, the result of a write)
//! and returns the [`Effect`]s the shell must carry out (write a file, append to the journal, open an
//! editor, quit). Nothing here touches the disk or the terminal, so every key sequence is testable with
//! plain values.
//!
//! A write is committed to the state only when the shell reports it done: the state never believes a
//! file holds text that is not on disk. When a file changed underneath, the finding is found again by
//! its text and context ([`crate::core::journal::reanchor`]) or marked stale.
//!
//! This module holds the state and [`ReviewState::update`]; the rest is one concern a file: `msg` (what
//! goes in and comes out), `nav` (queries for the screen and moving between findings), `input` (keys to
//! decisions, mode by mode), `writes` (one decision and its guarded write) and `bulk` (many decisions at
//! once, deferred writes, undo). The journal's entries are [`crate::core::journal`]'s.

use crate::core::edit::{self, Edit};
use crate::core::engine::Engine;
use crate::core::finding::Finding;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

mod bulk;
mod input;
mod msg;
mod nav;
mod writes;

pub use crate::core::journal::{Decision, Entry, Resume};
pub use msg::{Action, Effect, Input, Msg, Tone};

/// A doc under review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocState {
    /// Path as shown (and as findings name it).
    pub path: String,
    /// The text docreview believes is on disk.
    pub text: String,
}

/// Where a finding stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Undecided,
    /// Accepted with this replacement (written to disk unless deferred and not yet written).
    Accepted(String),
    Rejected,
    Skipped,
    /// Cannot be applied any more, and why.
    Stale(String),
}

impl Status {
    pub fn is_open(&self) -> bool {
        matches!(self, Status::Undecided | Status::Skipped)
    }
}

/// One finding in the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub finding: Finding,
    pub doc: usize,
    pub status: Status,
    /// For accepted items: the fix is in the file.
    pub written: bool,
}

/// What `A`/`R` act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkScope {
    /// The same rule's findings on the same text, in any file ("paramater" wherever it is misspelt):
    /// one decision for a repeated word.
    Word,
    File,
    Rule,
    Everything,
}

impl BulkScope {
    pub const ALL: [BulkScope; 4] = [
        BulkScope::Word,
        BulkScope::File,
        BulkScope::Rule,
        BulkScope::Everything,
    ];

    /// The scope after (`step` 1) or before (`step` -1) this one, round the list.
    fn step(self, step: isize) -> BulkScope {
        let n = BulkScope::ALL.len() as isize;
        let i = BulkScope::ALL.iter().position(|s| *s == self).unwrap_or(0) as isize;
        BulkScope::ALL[(i + step).rem_euclid(n) as usize]
    }
}

/// The screen's mode: what keys mean right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    Bulk {
        accept: bool,
        scope: BulkScope,
    },
    /// Editing the replacement of the current finding.
    Edit {
        buffer: String,
        cursor: usize,
    },
    /// Typing a filter.
    Filter {
        buffer: String,
        cursor: usize,
    },
    /// Deferred mode, quitting with accepted fixes not written.
    ConfirmQuit,
}

/// How the diff is laid out (the screen falls back to inline when narrow).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    SideBySide,
    Inline,
}

/// Item state before a step, so undo can put it back.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Before {
    item: usize,
    status: Status,
    written: bool,
    span: Range<usize>,
}

/// One undoable step: decisions, and the file contents a write replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Step {
    items: Vec<Before>,
    /// (doc, text before, text after) for each file written.
    writes: Vec<(usize, String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum PendingKind {
    /// Accepting these items with these replacements.
    Accept(Vec<(usize, String)>),
    /// Writing deferred accepts of these items.
    WriteAll(Vec<usize>),
    /// Restoring the file for an undo step; these items go back once it is on disk.
    Undo(Vec<Before>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct PendingWrite {
    doc: usize,
    before: String,
    after: String,
    kind: PendingKind,
    /// Re-anchored once already after a conflict.
    retried: bool,
}

/// The whole session.
#[derive(Debug, Clone)]
pub struct ReviewState {
    pub docs: Vec<DocState>,
    /// Every item ever seen, in arrival order; ids are indices and never change.
    pub items: Vec<Item>,
    /// Item ids sorted by path and position.
    order: Vec<usize>,
    /// Item ids passing the filter, in order.
    visible: Vec<usize>,
    /// The item on screen.
    current: Option<usize>,
    pub filter: String,
    pub mode: Mode,
    pub defer: bool,
    pub view: View,
    /// Diff pane scroll, in rows.
    pub scroll: usize,
    pub message: Option<(Tone, String)>,
    /// Checkers still running.
    pub checking: bool,
    /// Decided in an earlier session (hidden).
    pub resumed: usize,
    session: String,
    resume: Resume,
    undo: Vec<Step>,
    pending: BTreeMap<u64, PendingWrite>,
    /// The step being assembled while writes are in flight.
    step: Option<Step>,
    next_id: u64,
    /// Docs written during the session.
    written_docs: Vec<usize>,
    /// Hash of each written doc's text before docreview first wrote it.
    originals: HashMap<usize, u64>,
    /// (path, fingerprint) of every finding seen: the same sentence in two files is two findings.
    seen: HashSet<(String, String)>,
    /// When set, only these items are shown (a triage group under review).
    restriction: Option<HashSet<usize>>,
    /// Findings fixed and files written by the writes in flight (for one message at the end).
    batch: (usize, usize),
    /// The item on screen when a filter was started, to come back to when it is cancelled.
    before_filter: Option<usize>,
}

/// Is `rule` a spelling rule, whose findings can be answered by adding the word to the vocabulary?
fn is_spelling(rule: &str) -> bool {
    crate::core::rules::spelling::owns(rule)
}

/// The decisions of a session so far ([`ReviewState::counts`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub accepted: usize,
    pub rejected: usize,
    pub skipped: usize,
    /// Not decided yet, skipped ones included.
    pub open: usize,
}

/// One doc's progress ([`ReviewState::files`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileProgress {
    pub doc: usize,
    pub decided: usize,
    pub total: usize,
}

/// Rows the diff pane moves per scroll key.
pub const SCROLL_STEP: usize = 3;

impl ReviewState {
    /// A new session. `resume` has the last decision taken on findings earlier.
    pub fn new(session: String, defer: bool, resume: Resume) -> ReviewState {
        ReviewState {
            docs: Vec::new(),
            items: Vec::new(),
            order: Vec::new(),
            visible: Vec::new(),
            current: None,
            filter: String::new(),
            mode: Mode::Normal,
            defer,
            view: View::SideBySide,
            scroll: 0,
            message: None,
            checking: true,
            resumed: 0,
            session,
            resume,
            undo: Vec::new(),
            pending: BTreeMap::new(),
            step: None,
            next_id: 1,
            written_docs: Vec::new(),
            originals: HashMap::new(),
            seen: HashSet::new(),
            restriction: None,
            batch: (0, 0),
            before_filter: None,
        }
    }

    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let mut fx = Vec::new();
        match msg {
            Msg::Findings { docs, findings } => self.add_findings(docs, findings),
            Msg::CheckingDone => {
                self.checking = false;
                if self.order.is_empty() {
                    self.say(Tone::Info, "No findings: nothing to review.");
                }
            }
            Msg::Action(a) => self.action(a, &mut fx),
            Msg::Input(i) => self.input(i, &mut fx),
            Msg::WriteDone { id } => self.write_done(id, &mut fx),
            Msg::WriteFailed { id, disk, error } => self.write_failed(id, disk, error, &mut fx),
            Msg::Reloaded {
                doc,
                text,
                findings,
            } => self.reloaded(doc, text, findings),
            Msg::WordAdded { word, error } => self.word_added(&word, error),
        }
        fx
    }

    pub(super) fn say(&mut self, tone: Tone, text: impl Into<String>) {
        self.message = Some((tone, text.into()));
    }

    pub(super) fn doc_index(&mut self, doc: DocState) -> usize {
        if let Some(i) = self.docs.iter().position(|d| d.path == doc.path) {
            return i;
        }
        self.docs.push(doc);
        self.docs.len() - 1
    }

    pub(super) fn add_findings(&mut self, docs: Vec<DocState>, findings: Vec<Finding>) {
        for d in docs {
            self.doc_index(d);
        }
        let index: HashMap<String, usize> = self
            .docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.path.clone(), i))
            .collect();
        for f in findings {
            let Some(&doc) = index.get(&f.path) else {
                continue;
            };
            let key = (f.path.clone(), f.fingerprint.clone());
            if !self.seen.insert(key.clone()) {
                continue;
            }
            if matches!(
                self.resume.get(&key),
                Some(Decision::Accept | Decision::Reject | Decision::Written)
            ) {
                self.resumed += 1;
                continue;
            }
            self.items.push(Item {
                finding: f,
                doc,
                status: Status::Undecided,
                written: false,
            });
            self.order.push(self.items.len() - 1);
        }
        let items = &self.items;
        let docs = &self.docs;
        self.order.sort_by(|&a, &b| {
            let (x, y) = (&items[a], &items[b]);
            (docs[x.doc].path.as_str(), x.finding.start, x.finding.end).cmp(&(
                docs[y.doc].path.as_str(),
                y.finding.start,
                y.finding.end,
            ))
        });
        self.refilter();
    }

    /// A word joined the vocabulary: its open spelling findings are gone from the list.
    pub(super) fn word_added(&mut self, word: &str, error: Option<String>) {
        if let Some(e) = error {
            self.say(
                Tone::Error,
                format!("\"{word}\" was not added to the vocabulary: {e}"),
            );
            return;
        }
        let low = word.to_lowercase();
        let gone: HashSet<usize> = self
            .order
            .iter()
            .copied()
            .filter(|&i| {
                let it = &self.items[i];
                it.status.is_open()
                    && is_spelling(&it.finding.rule)
                    && it.finding.text.to_lowercase() == low
            })
            .collect();
        // Go on from where the reviewer was, not from the top.
        let at = self
            .current
            .and_then(|c| self.visible.iter().position(|&v| v == c))
            .unwrap_or(0);
        let next = self.visible[at.min(self.visible.len())..]
            .iter()
            .copied()
            .find(|&i| !gone.contains(&i) && self.items[i].status.is_open());
        self.order.retain(|i| !gone.contains(i));
        if let Some(n) = next {
            self.set_current(Some(n));
        }
        self.refilter();
        self.say(
            Tone::Info,
            format!(
                "Added \"{word}\" to the vocabulary; {} gone.",
                crate::core::counts::plural(gone.len(), "finding is", "findings are")
            ),
        );
    }

    pub(super) fn reloaded(&mut self, doc: usize, text: String, findings: Vec<Finding>) {
        if doc >= self.docs.len() {
            return;
        }
        let old = std::mem::replace(&mut self.docs[doc].text, text);
        self.reanchor_doc(doc, &old);
        let mine = self.doc_items(doc);
        // Match each fresh finding to the item it continues: same fingerprint, or the same rule on the
        // same (re-anchored) text, whose fingerprint changed because its sentence did.
        let mut matched: HashSet<usize> = HashSet::new();
        let mut new = Vec::new();
        for f in findings {
            let same = mine.iter().copied().find(|&i| {
                let it = &self.items[i];
                !matched.contains(&i)
                    && (it.finding.fingerprint == f.fingerprint
                        || it.finding.rule == f.rule
                            && it.finding.start == f.start
                            && it.finding.end == f.end)
            });
            match same {
                Some(i) => {
                    matched.insert(i);
                    let it = &mut self.items[i];
                    if it.status.is_open() || matches!(it.status, Status::Stale(_)) {
                        self.seen
                            .remove(&(it.finding.path.clone(), it.finding.fingerprint.clone()));
                        self.seen.insert((f.path.clone(), f.fingerprint.clone()));
                        if matches!(it.status, Status::Stale(_)) {
                            it.status = Status::Undecided;
                        }
                        it.finding = f;
                    }
                }
                None => new.push(f),
            }
        }
        // Open findings the edit made go away are gone from the list. A re-check reads one document
        // alone, so doc-set-wide findings are not judged by it: they stay (re-anchored, or stale).
        let gone: HashSet<usize> = mine
            .iter()
            .copied()
            .filter(|i| {
                !matched.contains(i)
                    && !Engine::is_doc_set_rule(&self.items[*i].finding.rule)
                    && (self.items[*i].status.is_open()
                        || matches!(self.items[*i].status, Status::Stale(_)))
            })
            .collect();
        self.order.retain(|i| !gone.contains(i));
        let n = new.len();
        let d = self.docs[doc].clone();
        self.add_findings(vec![d], new);
        let path = self.docs[doc].path.clone();
        self.say(
            Tone::Info,
            match (n, gone.len()) {
                (0, 0) => format!("Re-read {path}."),
                (n, g) => format!("Re-read {path}: {n} new, {g} gone."),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::core::journal::resume_from;

    /// A finding of `text` at its first occurrence in `doc` at or after `from`.
    fn f(path: &str, doc: &str, text: &str, from: usize, rule: &str, reps: &[&str]) -> Finding {
        Finding::example(path, doc, text, from, rule, reps)
    }

    /// A session plus a fake disk; effects are carried out like the real shell does.
    struct Sim {
        s: ReviewState,
        disk: Vec<String>,
        journal: Vec<Entry>,
        quit: bool,
        opened: Vec<(usize, usize)>,
        added: Vec<String>,
    }

    impl Sim {
        fn new(defer: bool, docs: &[(&str, &str)], findings: Vec<Finding>) -> Sim {
            Sim::resumed(defer, docs, findings, HashMap::new())
        }

        fn resumed(
            defer: bool,
            docs: &[(&str, &str)],
            findings: Vec<Finding>,
            resume: Resume,
        ) -> Sim {
            let mut s = ReviewState::new("s1".into(), defer, resume);
            let states: Vec<DocState> = docs
                .iter()
                .map(|(p, t)| DocState {
                    path: (*p).into(),
                    text: (*t).into(),
                })
                .collect();
            let mut sim = Sim {
                s: ReviewState::new(String::new(), false, HashMap::new()),
                disk: Vec::new(),
                journal: Vec::new(),
                quit: false,
                opened: Vec::new(),
                added: Vec::new(),
            };
            s.update(Msg::Findings {
                docs: states,
                findings,
            });
            s.update(Msg::CheckingDone);
            sim.disk = s.docs.iter().map(|d| d.text.clone()).collect();
            sim.s = s;
            sim
        }

        fn send(&mut self, msg: Msg) {
            let mut queue = vec![msg];
            while let Some(m) = queue.pop() {
                for e in self.s.update(m) {
                    match e {
                        Effect::Write {
                            id,
                            doc,
                            expected,
                            new,
                        } => {
                            if self.disk[doc] == expected {
                                self.disk[doc] = new;
                                queue.insert(0, Msg::WriteDone { id });
                            } else {
                                queue.insert(
                                    0,
                                    Msg::WriteFailed {
                                        id,
                                        disk: Some(self.disk[doc].clone()),
                                        error: "changed".into(),
                                    },
                                );
                            }
                        }
                        Effect::Journal(e) => self.journal.push(e),
                        Effect::Quit => self.quit = true,
                        Effect::OpenEditor { doc, line } => self.opened.push((doc, line)),
                        Effect::AddWord(word) => {
                            self.added.push(word.clone());
                            queue.insert(0, Msg::WordAdded { word, error: None });
                        }
                    }
                }
            }
        }

        fn key(&mut self, a: Action) {
            self.send(Msg::Action(a));
        }

        fn input(&mut self, keys: &[Input]) {
            for k in keys {
                self.send(Msg::Input(*k));
            }
        }

        fn typed(&mut self, text: &str) {
            for c in text.chars() {
                self.send(Msg::Input(Input::Char(c)));
            }
        }

        fn current_text(&self) -> String {
            self.s
                .current()
                .map(|i| i.finding.text.clone())
                .unwrap_or_default()
        }
    }

    const A: &str = "Use Github and Gitlab.\nThe the end.\n";
    const B: &str = "Install nodejs.\n";

    fn two_docs() -> Sim {
        Sim::new(
            false,
            &[("a.md", A), ("b.md", B)],
            vec![
                f("a.md", A, "Github", 0, "terminology.canonical", &["GitHub"]),
                f(
                    "a.md",
                    A,
                    "Gitlab",
                    0,
                    "terminology.canonical",
                    &["GitLab", "GITLAB"],
                ),
                f("a.md", A, "The the", 0, "grammar.repeated-word", &["The"]),
                f(
                    "b.md",
                    B,
                    "nodejs",
                    0,
                    "terminology.canonical",
                    &["Node.js"],
                ),
            ],
        )
    }

    #[test]
    fn accept_writes_at_once_shifts_later_findings_and_advances() {
        let mut sim = two_docs();
        assert_eq!(sim.current_text(), "Github");
        sim.key(Action::Accept);
        assert_eq!(sim.disk[0], "Use GitHub and Gitlab.\nThe the end.\n");
        assert_eq!(sim.s.docs[0].text, sim.disk[0]);
        // The next finding moved with nothing lost, and is current now.
        assert_eq!(sim.current_text(), "Gitlab");
        let cur = sim.s.current().expect("current");
        assert_eq!(&sim.disk[0][cur.finding.start..cur.finding.end], "Gitlab");
        assert_eq!(
            sim.s.counts(),
            Tally {
                accepted: 1,
                rejected: 0,
                skipped: 0,
                open: 3
            }
        );
        assert_eq!(sim.journal.len(), 1);
        assert_eq!(sim.journal[0].decision, Decision::Accept);
        assert_eq!(sim.journal[0].after.as_deref(), Some("GitHub"));
        assert!(sim.journal[0].written);
    }

    #[test]
    fn alternatives_by_number() {
        let mut sim = two_docs();
        sim.key(Action::Next);
        sim.key(Action::Alternative(2));
        assert_eq!(sim.disk[0], "Use Github and GITLAB.\nThe the end.\n");
        sim.key(Action::Alternative(5));
        assert!(
            sim.s
                .message
                .as_ref()
                .is_some_and(|m| m.1.contains("no alternative 5"))
        );
    }

    #[test]
    fn reject_and_skip_record_decisions_and_move_on() {
        let mut sim = two_docs();
        sim.key(Action::Reject);
        assert_eq!(sim.current_text(), "Gitlab");
        sim.key(Action::Skip);
        assert_eq!(sim.current_text(), "The the");
        assert_eq!(
            sim.s.counts(),
            Tally {
                accepted: 0,
                rejected: 1,
                skipped: 1,
                open: 3
            }
        );
        assert_eq!(sim.disk[0], A, "nothing written");
        let d: Vec<Decision> = sim.journal.iter().map(|e| e.decision).collect();
        assert_eq!(d, vec![Decision::Reject, Decision::Skip]);
    }

    #[test]
    fn undo_restores_the_file_and_the_decision() {
        let mut sim = two_docs();
        sim.key(Action::Accept);
        assert_eq!(sim.s.changed_docs(), ["a.md"]);
        sim.key(Action::Reject);
        sim.key(Action::Undo); // the reject
        assert_eq!(sim.current_text(), "Gitlab");
        assert!(
            sim.s
                .current()
                .is_some_and(|i| i.status == Status::Undecided)
        );
        sim.key(Action::Undo); // the accept
        assert_eq!(sim.disk[0], A);
        assert!(sim.s.changed_docs().is_empty(), "a.md is as it was");
        assert_eq!(sim.current_text(), "Github");
        assert_eq!(
            sim.s.counts(),
            Tally {
                accepted: 0,
                rejected: 0,
                skipped: 0,
                open: 4
            }
        );
        // Spans are back where they were.
        for &i in sim.s.visible() {
            let it = &sim.s.items[i];
            assert_eq!(
                &sim.disk[it.doc][it.finding.start..it.finding.end],
                it.finding.text
            );
        }
        sim.key(Action::Undo);
        assert!(
            sim.s
                .message
                .as_ref()
                .is_some_and(|m| m.1 == "Nothing to undo.")
        );
    }

    #[test]
    fn undo_refuses_when_the_file_changed_since_it_was_written() {
        let mut sim = two_docs();
        sim.key(Action::Accept);
        sim.disk[0].push_str("Someone else's line.\n");
        // The state still believes its own write; the restore is refused by the guarded write.
        sim.key(Action::Undo);
        assert!(sim.disk[0].ends_with("Someone else's line.\n"));
        assert!(sim.disk[0].contains("GitHub"));
        assert!(
            sim.s
                .message
                .as_ref()
                .is_some_and(|m| m.1.contains("Not undone"))
        );
        assert!(matches!(sim.s.items[0].status, Status::Accepted(_)));
    }

    #[test]
    fn a_file_changed_on_disk_is_reanchored_or_marked_stale() {
        let mut sim = two_docs();
        // Someone adds a line at the top: the finding moves but is still there.
        sim.disk[0] = format!("New intro.\n{A}");
        sim.key(Action::Accept);
        assert_eq!(
            sim.disk[0],
            "New intro.\nUse GitHub and Gitlab.\nThe the end.\n"
        );
        assert!(
            sim.s
                .message
                .as_ref()
                .is_some_and(|m| m.1.contains("found again"))
        );
        // Now the text of the next finding disappears underneath.
        sim.disk[0] = "New intro.\nUse GitHub only.\nThe the end.\n".into();
        assert_eq!(sim.current_text(), "Gitlab");
        sim.key(Action::Accept);
        assert!(matches!(sim.s.items[1].status, Status::Stale(_)));
        assert!(sim.disk[0].contains("GitHub only"));
        // The other finding of that doc was found again at its new place.
        let it = &sim.s.items[2];
        assert_eq!(
            &sim.s.docs[0].text[it.finding.start..it.finding.end],
            "The the"
        );
    }

    #[test]
    fn bulk_accept_by_file_is_one_write_and_one_undo_step() {
        let mut sim = two_docs();
        sim.key(Action::BulkAccept);
        assert_eq!(
            sim.s.mode,
            Mode::Bulk {
                accept: true,
                scope: BulkScope::File
            }
        );
        assert_eq!(sim.s.bulk_count(true, BulkScope::File), 3);
        assert_eq!(sim.s.bulk_count(true, BulkScope::Rule), 3);
        assert_eq!(sim.s.bulk_count(true, BulkScope::Everything), 4);
        sim.input(&[Input::Enter]);
        assert_eq!(sim.disk[0], "Use GitHub and GitLab.\nThe end.\n");
        assert_eq!(sim.disk[1], B);
        assert_eq!(
            sim.s.counts(),
            Tally {
                accepted: 3,
                rejected: 0,
                skipped: 0,
                open: 1
            }
        );
        assert_eq!(sim.current_text(), "nodejs");
        sim.key(Action::Undo);
        assert_eq!(sim.disk[0], A);
        assert_eq!(
            sim.s.counts(),
            Tally {
                accepted: 0,
                rejected: 0,
                skipped: 0,
                open: 4
            }
        );
    }

    #[test]
    fn a_misspelt_word_across_the_docs_is_one_decision() {
        const C: &str = "We recieve it. Then we recieve more.\n";
        const D: &str = "They recieve data, and occured twice.\n";
        let typo = "spelling.known-typo";
        let mut sim = Sim::new(
            false,
            &[("c.md", C), ("d.md", D)],
            vec![
                f("c.md", C, "recieve", 0, typo, &["receive"]),
                f("c.md", C, "recieve", 10, typo, &["receive"]),
                f("d.md", D, "recieve", 0, typo, &["receive"]),
                f("d.md", D, "occured", 0, typo, &["occurred"]),
            ],
        );
        // On a spelling finding the popup opens on "this text": every file, this word only.
        sim.key(Action::BulkAccept);
        assert_eq!(
            sim.s.mode,
            Mode::Bulk {
                accept: true,
                scope: BulkScope::Word
            }
        );
        assert_eq!(sim.s.bulk_count(true, BulkScope::Word), 3);
        sim.input(&[Input::Enter]);
        assert_eq!(sim.disk[0], "We receive it. Then we receive more.\n");
        assert_eq!(sim.disk[1], "They receive data, and occured twice.\n");
        assert_eq!(
            sim.s.counts(),
            Tally {
                accepted: 3,
                rejected: 0,
                skipped: 0,
                open: 1
            }
        );
        // Tab goes round all four scopes.
        sim.key(Action::BulkReject);
        sim.input(&[Input::Tab, Input::Tab, Input::Tab, Input::Tab]);
        assert_eq!(
            sim.s.mode,
            Mode::Bulk {
                accept: false,
                scope: BulkScope::File
            }
        );
    }

    #[test]
    fn bulk_scopes_and_cancel() {
        let mut sim = two_docs();
        sim.key(Action::BulkReject);
        sim.input(&[Input::Char('r')]);
        assert_eq!(
            sim.s.mode,
            Mode::Bulk {
                accept: false,
                scope: BulkScope::Rule
            }
        );
        sim.input(&[Input::Esc]);
        assert_eq!(sim.s.mode, Mode::Normal);
        assert_eq!(
            sim.s.counts(),
            Tally {
                accepted: 0,
                rejected: 0,
                skipped: 0,
                open: 4
            },
            "Esc decides nothing"
        );
        sim.key(Action::BulkReject);
        sim.input(&[Input::Char('r'), Input::Char('y')]);
        assert_eq!(
            sim.s.counts(),
            Tally {
                accepted: 0,
                rejected: 3,
                skipped: 0,
                open: 1
            }
        );
        assert_eq!(sim.disk[0], A);
        sim.key(Action::BulkAccept);
        sim.input(&[Input::Char('e'), Input::Enter]);
        assert_eq!(sim.disk[0], "Use Github and Gitlab.\nThe end.\n");
        assert_eq!(sim.disk[1], B);
    }

    #[test]
    fn deferred_mode_records_then_writes_on_w() {
        let mut sim = Sim::new(
            true,
            &[("a.md", A)],
            vec![
                f("a.md", A, "Github", 0, "terminology.canonical", &["GitHub"]),
                f("a.md", A, "Gitlab", 0, "terminology.canonical", &["GitLab"]),
            ],
        );
        sim.key(Action::Accept);
        sim.key(Action::Accept);
        assert_eq!(sim.disk[0], A, "nothing written yet");
        assert_eq!(sim.s.unwritten(), 2);
        assert!(sim.s.valid_actions().contains(&Action::WriteAll));
        assert!(sim.journal.iter().all(|e| !e.written));
        sim.key(Action::WriteAll);
        assert_eq!(sim.disk[0], "Use GitHub and GitLab.\nThe the end.\n");
        assert_eq!(sim.s.unwritten(), 0);
        assert_eq!(
            sim.journal
                .iter()
                .filter(|e| e.decision == Decision::Written)
                .count(),
            2
        );
        sim.key(Action::Undo);
        assert_eq!(sim.disk[0], A);
    }

    #[test]
    fn deferred_quit_asks_before_leaving_fixes_unwritten() {
        let mut sim = Sim::new(
            true,
            &[("a.md", A)],
            vec![f("a.md", A, "Github", 0, "t.c", &["GitHub"])],
        );
        sim.key(Action::Accept);
        sim.key(Action::Quit);
        assert_eq!(sim.s.mode, Mode::ConfirmQuit);
        assert!(!sim.quit);
        sim.input(&[Input::Esc]);
        assert_eq!(sim.s.mode, Mode::Normal);
        sim.key(Action::Quit);
        sim.input(&[Input::Char('y')]);
        assert!(sim.quit);
        assert_eq!(sim.disk[0], "Use GitHub and Gitlab.\nThe the end.\n");

        let mut sim = Sim::new(
            true,
            &[("a.md", A)],
            vec![f("a.md", A, "Github", 0, "t.c", &["GitHub"])],
        );
        sim.key(Action::Accept);
        sim.key(Action::Quit);
        sim.input(&[Input::Char('n')]);
        assert!(sim.quit);
        assert_eq!(sim.disk[0], A);
    }

    #[test]
    fn inline_edit_accepts_the_typed_replacement() {
        let mut sim = two_docs();
        sim.key(Action::Edit);
        assert_eq!(
            sim.s.mode,
            Mode::Edit {
                buffer: "GitHub".into(),
                cursor: 6
            }
        );
        sim.input(&[Input::Backspace, Input::Backspace, Input::Backspace]);
        sim.typed("Lab");
        sim.input(&[Input::Home, Input::Delete]);
        sim.typed("g");
        sim.input(&[Input::Enter]);
        assert_eq!(sim.disk[0], "Use gitLab and Gitlab.\nThe the end.\n");
        // Esc cancels without deciding.
        sim.key(Action::Edit);
        sim.input(&[Input::Char('x'), Input::Esc]);
        assert_eq!(sim.s.mode, Mode::Normal);
        assert_eq!(
            sim.s.counts(),
            Tally {
                accepted: 1,
                rejected: 0,
                skipped: 0,
                open: 3
            }
        );
    }

    #[test]
    fn filter_narrows_and_esc_clears() {
        let mut sim = two_docs();
        sim.key(Action::Filter);
        sim.typed("b.md");
        assert_eq!(sim.s.visible().len(), 1);
        assert_eq!(sim.current_text(), "nodejs");
        sim.input(&[Input::Enter]);
        assert_eq!(sim.s.filter, "b.md");
        sim.input(&[Input::Esc]);
        assert_eq!(sim.s.visible().len(), 4);
        sim.key(Action::Filter);
        sim.typed("repeated");
        assert_eq!(sim.s.visible().len(), 1);
        sim.input(&[Input::Esc]);
        assert!(sim.s.filter.is_empty());
        assert_eq!(sim.s.mode, Mode::Normal);
    }

    #[test]
    fn navigation_wraps_and_jumps_between_files() {
        let mut sim = two_docs();
        sim.key(Action::Prev);
        assert_eq!(sim.current_text(), "nodejs");
        sim.key(Action::Next);
        assert_eq!(sim.current_text(), "Github");
        sim.key(Action::NextFile);
        assert_eq!(sim.current_text(), "nodejs");
        sim.key(Action::NextFile);
        assert!(
            sim.s
                .message
                .as_ref()
                .is_some_and(|m| m.1.contains("last file"))
        );
        sim.key(Action::PrevFile);
        assert_eq!(sim.current_text(), "Github");
        sim.key(Action::ScrollDown);
        assert_eq!(sim.s.scroll, SCROLL_STEP);
        // Never past what the pane can show (the screen clamps after each key, with what its last
        // drawing found): one key up is visibly one step up.
        sim.key(Action::ScrollDown);
        sim.s.clamp_scroll(4);
        sim.key(Action::ScrollDown);
        sim.s.clamp_scroll(4);
        assert_eq!(sim.s.scroll, 4);
        sim.key(Action::ScrollUp);
        assert_eq!(sim.s.scroll, 4 - SCROLL_STEP);
        sim.key(Action::Next);
        assert_eq!(sim.s.scroll, 0, "scroll resets on a new finding");
    }

    #[test]
    fn help_view_and_esc_never_decide() {
        let mut sim = two_docs();
        sim.key(Action::Help);
        assert_eq!(sim.s.mode, Mode::Help);
        sim.key(Action::Accept);
        assert_eq!(sim.disk[0], A, "keys do nothing under the help");
        sim.input(&[Input::Esc]);
        assert_eq!(sim.s.mode, Mode::Normal);
        sim.input(&[Input::Esc]);
        assert_eq!(
            sim.s.counts(),
            Tally {
                accepted: 0,
                rejected: 0,
                skipped: 0,
                open: 4
            }
        );
        sim.key(Action::ToggleView);
        assert_eq!(sim.s.view, View::Inline);
        sim.key(Action::Open);
        assert_eq!(sim.opened, vec![(0, 1)]);
        sim.key(Action::Quit);
        assert!(sim.quit);
    }

    #[test]
    fn resume_hides_decided_and_brings_back_skipped() {
        let a1 = f("a.md", A, "Github", 0, "t.c", &["GitHub"]);
        let a2 = f("a.md", A, "Gitlab", 0, "t.c", &["GitLab"]);
        let a3 = f("a.md", A, "The the", 0, "g.r", &["The"]);
        let mut journal = Vec::new();
        let mut sim = Sim::new(
            false,
            &[("a.md", A)],
            vec![a1.clone(), a2.clone(), a3.clone()],
        );
        sim.key(Action::Reject);
        sim.key(Action::Skip);
        sim.key(Action::Accept);
        sim.key(Action::Undo);
        journal.extend(sim.journal.clone());
        let resume = resume_from(&journal, |e| e.path.clone());
        let key = |f: &Finding| (f.path.clone(), f.fingerprint.clone());
        assert_eq!(resume.get(&key(&a1)), Some(&Decision::Reject));
        assert_eq!(resume.get(&key(&a2)), Some(&Decision::Skip));
        assert_eq!(resume.get(&key(&a3)), None, "the accept was undone");
        let again = Sim::resumed(false, &[("a.md", A)], vec![a1, a2, a3], resume);
        assert_eq!(again.s.resumed, 1);
        assert_eq!(again.s.visible().len(), 2);
        assert_eq!(again.current_text(), "Gitlab");
    }

    #[test]
    fn the_same_sentence_in_two_files_is_two_findings() {
        let mut a = f("a.md", A, "Github", 0, "t.c", &["GitHub"]);
        let mut b = f("b.md", A, "Github", 0, "t.c", &["GitHub"]);
        a.fingerprint = "same".into();
        b.fingerprint = "same".into();
        let mut sim = Sim::new(false, &[("a.md", A), ("b.md", A)], vec![a, b]);
        assert_eq!(sim.s.visible().len(), 2);
        sim.key(Action::Reject);
        let resume = resume_from(&sim.journal, |e| e.path.clone());
        assert_eq!(resume.len(), 1, "the decision is about a.md only");
    }

    #[test]
    fn reload_after_an_editor_refreshes_findings() {
        let mut sim = two_docs();
        let edited = "Use Github here.\nThe the end.\nAlso nodejs.\n".to_owned();
        let fresh = vec![
            f(
                "a.md",
                &edited,
                "Github",
                0,
                "terminology.canonical",
                &["GitHub"],
            ),
            f(
                "a.md",
                &edited,
                "nodejs",
                0,
                "terminology.canonical",
                &["Node.js"],
            ),
        ];
        let mut fresh = fresh;
        fresh[0].fingerprint = sim.s.items[0].finding.fingerprint.clone();
        sim.send(Msg::Reloaded {
            doc: 0,
            text: edited.clone(),
            findings: fresh,
        });
        assert_eq!(sim.s.docs[0].text, edited);
        assert!(!sim.s.visible().contains(&1), "Gitlab is gone");
        assert!(
            sim.s
                .items
                .iter()
                .any(|i| i.finding.text == "nodejs" && i.doc == 0)
        );
        let it = &sim.s.items[0];
        assert_eq!(&edited[it.finding.start..it.finding.end], "Github");
    }

    #[test]
    fn adding_a_word_to_the_vocabulary_clears_its_findings() {
        let text = "We frobnicate it.\nThen Frobnicate again, and recieve.\n";
        let spell = |word: &str, nth: usize| {
            f(
                "a.md",
                text,
                word,
                nth,
                crate::core::rules::spelling::RULE,
                &["frobnication"],
            )
        };
        let mut sim = Sim::new(
            false,
            &[("a.md", text)],
            vec![
                spell("frobnicate", 0),
                spell("Frobnicate", 0),
                spell("recieve", 0),
            ],
        );
        assert!(sim.s.valid_actions().contains(&Action::AddWord));
        sim.key(Action::AddWord);
        assert_eq!(sim.added, ["frobnicate"]);
        // Both spellings of the word are gone; the reviewer is on the next finding.
        let shown: Vec<&str> = sim
            .s
            .visible()
            .iter()
            .map(|&i| sim.s.items[i].finding.text.as_str())
            .collect();
        assert_eq!(shown, ["recieve"]);
        assert_eq!(sim.current_text(), "recieve");
        assert!(
            sim.s
                .message
                .as_ref()
                .is_some_and(|m| m.1.contains("2 findings are gone"))
        );
        assert_eq!(sim.disk[0], text, "the doc is not touched");
    }

    #[test]
    fn only_spelling_findings_offer_the_vocabulary_key() {
        let sim = two_docs();
        assert!(!sim.s.valid_actions().contains(&Action::AddWord));
    }

    #[test]
    fn a_reload_keeps_doc_set_findings_it_cannot_judge() {
        let text = "Use Github here.\nWe use the data-set.\n";
        let mut sim = Sim::new(
            false,
            &[("a.md", text)],
            vec![
                f(
                    "a.md",
                    text,
                    "Github",
                    0,
                    "terminology.canonical",
                    &["GitHub"],
                ),
                f(
                    "a.md",
                    text,
                    "data-set",
                    0,
                    "consistency.variant",
                    &["dataset"],
                ),
            ],
        );
        // The user fixed the first line in an editor; the re-check (one doc alone) finds nothing.
        let edited = "Use GitHub here, now.\nWe use the data-set.\n".to_owned();
        sim.send(Msg::Reloaded {
            doc: 0,
            text: edited.clone(),
            findings: vec![],
        });
        let shown: Vec<&str> = sim
            .s
            .visible()
            .iter()
            .map(|&i| sim.s.items[i].finding.text.as_str())
            .collect();
        assert_eq!(shown, ["data-set"]);
        let it = &sim.s.items[1];
        assert_eq!(&edited[it.finding.start..it.finding.end], "data-set");
    }

    #[test]
    fn valid_actions_follow_the_state() {
        let mut sim = two_docs();
        let v = sim.s.valid_actions();
        assert!(v.contains(&Action::Accept) && v.contains(&Action::Alternative(1)));
        assert!(!v.contains(&Action::Undo) && !v.contains(&Action::WriteAll));
        sim.key(Action::Accept);
        assert!(sim.s.valid_actions().contains(&Action::Undo));
        let unfixable = Sim::new(
            false,
            &[("a.md", A)],
            vec![f("a.md", A, "Github", 0, "t.c", &[])],
        );
        let v = unfixable.s.valid_actions();
        assert!(
            !v.contains(&Action::Accept)
                && v.contains(&Action::Reject)
                && v.contains(&Action::Edit)
        );
    }

    #[test]
    fn fixes_that_change_line_breaks_are_refused() {
        let mut sim = Sim::new(
            false,
            &[("a.md", A)],
            vec![f("a.md", A, "Github", 0, "t.c", &["Git\nHub"])],
        );
        sim.key(Action::Accept);
        assert_eq!(sim.disk[0], A);
        assert!(
            sim.s
                .message
                .as_ref()
                .is_some_and(|m| m.1.contains("line break"))
        );
    }
}

#[cfg(test)]
mod scale_tests {
    use super::*;
    use crate::core::finding::{Safety, Severity};

    /// Accepting 20,000 findings of one file in bulk is quick (it once took minutes).
    #[test]
    fn bulk_accept_of_a_huge_file_is_fast() {
        let unit = "On Github. ";
        let text = unit.repeat(20_000);
        let findings: Vec<Finding> = (0..20_000)
            .map(|k| {
                let start = k * unit.len() + 3;
                Finding {
                    path: "big.md".into(),
                    rule: "t.c".into(),
                    severity: Severity::Warning,
                    message: String::new(),
                    line: 1,
                    column: start + 1,
                    start,
                    end: start + 6,
                    text: "Github".into(),
                    replacements: vec!["GitHub".into()],
                    safety: Safety::Safe,
                    fingerprint: k.to_string(),
                }
            })
            .collect();
        let mut s = ReviewState::new("t".into(), false, HashMap::new());
        s.update(Msg::Findings {
            docs: vec![DocState {
                path: "big.md".into(),
                text: text.clone(),
            }],
            findings,
        });
        let started = std::time::Instant::now();
        let ids: Vec<usize> = (0..20_000).collect();
        let fx = s.bulk_items(true, &ids);
        let Some(Effect::Write { id, new, .. }) =
            fx.into_iter().find(|e| matches!(e, Effect::Write { .. }))
        else {
            panic!("no write");
        };
        s.update(Msg::WriteDone { id });
        assert_eq!(new, text.replace("Github", "GitHub"));
        assert_eq!(s.counts().accepted, 20_000);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }
}
