//! The review session as a state machine (The Elm Architecture): [`ReviewState`] holds the findings,
//! the docs' text as docreview believes it is on disk, the decisions, the undo stack and the screen's
//! mode; [`ReviewState::update`] takes a [`Msg`] (a key, a batch of findings, the result of a write)
//! and returns the [`Effect`]s the shell must carry out (write a file, append to the journal, open an
//! editor, quit). Nothing here touches the disk or the terminal, so every key sequence is testable with
//! plain values.
//!
//! A write is committed to the state only when the shell reports it done: the state never believes a
//! file holds text that is not on disk. When a file changed underneath, the finding is found again by
//! its text and context ([`reanchor`]) or marked stale.

use crate::core::edit::{self, Edit};
use crate::core::engine::Engine;
use crate::core::finding::Finding;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

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

/// A command from the key table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    Accept,
    /// Accept alternative N (1-based).
    Alternative(u8),
    Reject,
    Skip,
    BulkAccept,
    BulkReject,
    Undo,
    Edit,
    Open,
    Next,
    Prev,
    ScrollDown,
    ScrollUp,
    NextFile,
    PrevFile,
    Filter,
    ToggleView,
    Help,
    WriteAll,
    /// Add the word of a spelling finding to the team's vocabulary.
    AddWord,
    Quit,
}

/// A key in a text field or popup, where keys are not commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Char(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    Enter,
    Esc,
    Tab,
}

/// Everything that can happen to a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Action(Action),
    Input(Input),
    /// Findings from the checkers, with the text of their docs as read.
    Findings {
        docs: Vec<DocState>,
        findings: Vec<Finding>,
    },
    /// The checkers are done.
    CheckingDone,
    WriteDone {
        id: u64,
    },
    /// A write did not happen. `disk` is the file's current text when it changed underneath.
    WriteFailed {
        id: u64,
        disk: Option<String>,
        error: String,
    },
    /// A word is now in the team's vocabulary (or could not be added: `error`).
    WordAdded {
        word: String,
        error: Option<String>,
    },
    /// The doc was edited outside (editor) and checked again.
    Reloaded {
        doc: usize,
        text: String,
        findings: Vec<Finding>,
    },
}

/// What a decision was, in the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    Accept,
    Reject,
    Skip,
    /// The last decision on this finding was taken back.
    Undo,
    /// A deferred accept was written to disk.
    Written,
}

/// One journal line: a decision and enough context to apply it later (`apply --accepted`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub session: String,
    pub decision: Decision,
    pub fingerprint: String,
    pub path: String,
    pub rule: String,
    pub start: usize,
    pub end: usize,
    /// The finding's text.
    pub before: String,
    /// The replacement (accepts only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Up to 40 bytes before and after the span, to find it again.
    #[serde(default)]
    pub context_before: String,
    #[serde(default)]
    pub context_after: String,
    /// The fix is in the file (accepts and writes).
    #[serde(default)]
    pub written: bool,
    /// The file's absolute path (filled in by the shell), so a later `apply --accepted` finds it
    /// from any working directory.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
}

/// A side effect for the shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Replace the doc's content: only if it still is `expected` (guarded atomic write).
    Write {
        id: u64,
        doc: usize,
        expected: String,
        new: String,
    },
    Journal(Entry),
    /// Add a word to the team's vocabulary file, then send [`Msg::WordAdded`].
    AddWord(String),
    /// Open the doc in the user's editor at a line, then send [`Msg::Reloaded`].
    OpenEditor {
        doc: usize,
        line: usize,
    },
    Quit,
}

/// Severity of a status message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
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
    /// How far the diff pane can scroll, as its last drawing found (so scrolling never runs past the
    /// end into rows nobody sees). Unknown (no limit) until something is drawn.
    pub scroll_limit: std::cell::Cell<Option<usize>>,
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

/// Rows the diff pane moves per scroll key.
pub const SCROLL_STEP: usize = 3;

/// The last decision on each finding in earlier sessions, by (path, fingerprint).
pub type Resume = HashMap<(String, String), Decision>;

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

/// Finds `before` again in `text` after the file changed: the occurrence whose surroundings match
/// `context_before`/`context_after` best, nearest to `hint` on a tie. `None` when the text is gone or
/// no occurrence has any matching context (too risky to guess).
pub fn reanchor(
    text: &str,
    before: &str,
    context_before: &str,
    context_after: &str,
    hint: usize,
) -> Option<Range<usize>> {
    if before.is_empty() {
        return None;
    }
    let mut best: Option<(usize, usize, usize)> = None; // (score, distance, start)
    for (start, _) in text.match_indices(before) {
        let end = start + before.len();
        let pre = &text[..start];
        let post = &text[end..];
        let score_pre = pre
            .chars()
            .rev()
            .zip(context_before.chars().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let score_post = post
            .chars()
            .zip(context_after.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let score = score_pre + score_post;
        let distance = start.abs_diff(hint);
        let better = match best {
            None => true,
            Some((s, d, _)) => score > s || score == s && distance < d,
        };
        if better {
            best = Some((score, distance, start));
        }
    }
    let (score, _, start) = best?;
    let needed = (context_before.chars().count() + context_after.chars().count()).min(8);
    (score >= needed).then(|| start..start + before.len())
}

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
            scroll_limit: std::cell::Cell::new(None),
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

    // ---- queries for the screen -------------------------------------------------------------------

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

    /// (accepted, rejected, skipped, open) over all items.
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        let mut c = (0, 0, 0, 0);
        for i in &self.order {
            match self.items[*i].status {
                Status::Accepted(_) => c.0 += 1,
                Status::Rejected => c.1 += 1,
                Status::Skipped => {
                    c.2 += 1;
                    c.3 += 1;
                }
                Status::Undecided => c.3 += 1,
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

    /// Per doc (in path order): path, decided items, total items.
    pub fn files(&self) -> Vec<(usize, usize, usize)> {
        let mut out: Vec<(usize, usize, usize)> = Vec::new();
        for &i in &self.order {
            let item = &self.items[i];
            let decided = usize::from(!item.status.is_open());
            match out.last_mut() {
                Some(last) if last.0 == item.doc => {
                    last.1 += decided;
                    last.2 += 1;
                }
                _ => out.push((item.doc, decided, 1)),
            }
        }
        out
    }

    /// The actions that do something right now (drives the key bar and the help).
    pub fn valid_actions(&self) -> Vec<Action> {
        let mut v = Vec::new();
        let cur = self.current();
        let open = cur.is_some_and(|i| i.status.is_open() || i.status == Status::Rejected);
        let fixable = cur.is_some_and(|i| !i.finding.replacements.is_empty());
        if open && fixable {
            v.push(Action::Accept);
            for n in 1..=cur.map_or(0, |i| i.finding.replacements.len()).min(9) {
                v.push(Action::Alternative(n as u8));
            }
        }
        if cur.is_some_and(|i| i.status.is_open()) {
            v.push(Action::Reject);
            v.push(Action::Skip);
        }
        if open {
            v.push(Action::Edit);
        }
        if self
            .open_items()
            .any(|i| !self.items[i].finding.replacements.is_empty())
        {
            v.push(Action::BulkAccept);
        }
        if self.open_items().next().is_some() {
            v.push(Action::BulkReject);
        }
        if !self.undo.is_empty() {
            v.push(Action::Undo);
        }
        if cur.is_some() {
            v.push(Action::Open);
        }
        if cur.is_some_and(|i| i.status.is_open() && is_spelling(&i.finding.rule)) {
            v.push(Action::AddWord);
        }
        if self.visible.len() > 1 {
            v.push(Action::Next);
            v.push(Action::Prev);
        }
        if cur.is_some() {
            v.push(Action::ScrollDown);
            v.push(Action::ScrollUp);
        }
        if self.files().len() > 1 {
            v.push(Action::NextFile);
            v.push(Action::PrevFile);
        }
        v.push(Action::Filter);
        v.push(Action::ToggleView);
        if self.defer && self.unwritten() > 0 {
            v.push(Action::WriteAll);
        }
        v.push(Action::Help);
        v.push(Action::Quit);
        v
    }

    /// Counts for the bulk popup: items `A`/`R` would act on in each scope.
    pub fn bulk_count(&self, accept: bool, scope: BulkScope) -> usize {
        self.bulk_targets(accept, scope).len()
    }

    fn open_items(&self) -> impl Iterator<Item = usize> + '_ {
        self.visible
            .iter()
            .copied()
            .filter(|&i| self.items[i].status.is_open())
    }

    fn bulk_targets(&self, accept: bool, scope: BulkScope) -> Vec<usize> {
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

    // ---- update -----------------------------------------------------------------------------------

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

    fn say(&mut self, tone: Tone, text: impl Into<String>) {
        self.message = Some((tone, text.into()));
    }

    fn doc_index(&mut self, doc: DocState) -> usize {
        if let Some(i) = self.docs.iter().position(|d| d.path == doc.path) {
            return i;
        }
        self.docs.push(doc);
        self.docs.len() - 1
    }

    fn add_findings(&mut self, docs: Vec<DocState>, findings: Vec<Finding>) {
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

    /// Recomputes the visible list and keeps the current item if it is still visible.
    fn refilter(&mut self) {
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

    fn set_current(&mut self, id: Option<usize>) {
        if id != self.current {
            self.scroll = 0;
        }
        self.current = id;
    }

    /// Moves to the next open item after the current one (wrapping), or says all are decided.
    fn advance(&mut self) {
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

    fn step_by(&mut self, delta: isize) {
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

    fn file_step(&mut self, forward: bool) {
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

    fn action(&mut self, a: Action, fx: &mut Vec<Effect>) {
        if self.mode != Mode::Normal {
            return;
        }
        self.message = None;
        match a {
            Action::Accept => self.accept_current(0, None, fx),
            Action::Alternative(n) => self.accept_current(usize::from(n.max(1)) - 1, None, fx),
            Action::Reject => self.decide_current(Status::Rejected, fx),
            Action::Skip => self.decide_current(Status::Skipped, fx),
            Action::BulkAccept | Action::BulkReject => {
                let accept = a == Action::BulkAccept;
                if self.bulk_count(accept, BulkScope::Everything) == 0 {
                    self.say(Tone::Info, "Nothing left to decide in bulk.");
                } else {
                    // A misspelt word repeated across the docs is one decision: that is where the
                    // popup starts for a spelling finding.
                    let word = self.current().is_some_and(|c| is_spelling(&c.finding.rule))
                        && self.bulk_count(accept, BulkScope::Word) > 1;
                    self.mode = Mode::Bulk {
                        accept,
                        scope: if word {
                            BulkScope::Word
                        } else {
                            BulkScope::File
                        },
                    };
                }
            }
            Action::Undo => self.undo(fx),
            Action::Edit => {
                let Some(cur) = self.current() else { return };
                if !(cur.status.is_open() || cur.status == Status::Rejected) {
                    self.say(
                        Tone::Info,
                        "This finding is decided; u undoes the last decision.",
                    );
                    return;
                }
                let buffer = cur
                    .finding
                    .replacements
                    .first()
                    .cloned()
                    .unwrap_or_else(|| cur.finding.text.clone());
                let cursor = buffer.chars().count();
                self.mode = Mode::Edit { buffer, cursor };
            }
            Action::Open => {
                if let Some(cur) = self.current() {
                    fx.push(Effect::OpenEditor {
                        doc: cur.doc,
                        line: cur.finding.line,
                    });
                }
            }
            Action::AddWord => {
                if let Some(cur) = self.current()
                    && is_spelling(&cur.finding.rule)
                {
                    fx.push(Effect::AddWord(cur.finding.text.clone()));
                }
            }
            Action::Next => self.step_by(1),
            Action::Prev => self.step_by(-1),
            Action::ScrollDown => {
                let next = self.scroll.saturating_add(SCROLL_STEP);
                self.scroll = self.scroll_limit.get().map_or(next, |max| next.min(max));
            }
            Action::ScrollUp => self.scroll = self.scroll.saturating_sub(SCROLL_STEP),
            Action::NextFile => self.file_step(true),
            Action::PrevFile => self.file_step(false),
            Action::Filter => {
                self.before_filter = self.current;
                let buffer = self.filter.clone();
                let cursor = buffer.chars().count();
                self.mode = Mode::Filter { buffer, cursor };
            }
            Action::ToggleView => {
                self.view = match self.view {
                    View::SideBySide => View::Inline,
                    View::Inline => View::SideBySide,
                }
            }
            Action::Help => self.mode = Mode::Help,
            Action::WriteAll => self.write_all(fx),
            Action::Quit => {
                if self.defer && self.unwritten() > 0 {
                    self.mode = Mode::ConfirmQuit;
                } else if !self.pending.is_empty() {
                    self.say(Tone::Warning, "A write is still in progress.");
                } else {
                    fx.push(Effect::Quit);
                }
            }
        }
    }

    fn input(&mut self, key: Input, fx: &mut Vec<Effect>) {
        match self.mode.clone() {
            Mode::Normal => {
                // Esc at the top level only clears a filter; it never decides anything.
                if key == Input::Esc && !self.filter.is_empty() {
                    self.filter.clear();
                    self.refilter();
                }
            }
            Mode::Help => {
                if matches!(key, Input::Esc | Input::Char('?' | 'q') | Input::Enter) {
                    self.mode = Mode::Normal;
                }
            }
            Mode::ConfirmQuit => match key {
                Input::Char('y' | 'Y' | 'w') | Input::Enter => {
                    self.mode = Mode::Normal;
                    self.write_all(fx);
                    fx.push(Effect::Quit);
                }
                Input::Char('n' | 'N' | 'q') => {
                    self.mode = Mode::Normal;
                    fx.push(Effect::Quit);
                }
                Input::Esc => self.mode = Mode::Normal,
                _ => {}
            },
            Mode::Bulk { accept, scope } => match key {
                Input::Char('w') => {
                    self.mode = Mode::Bulk {
                        accept,
                        scope: BulkScope::Word,
                    }
                }
                Input::Char('f') => {
                    self.mode = Mode::Bulk {
                        accept,
                        scope: BulkScope::File,
                    }
                }
                Input::Char('r') => {
                    self.mode = Mode::Bulk {
                        accept,
                        scope: BulkScope::Rule,
                    }
                }
                Input::Char('e') => {
                    self.mode = Mode::Bulk {
                        accept,
                        scope: BulkScope::Everything,
                    }
                }
                Input::Tab | Input::Right | Input::Char('j' | 'l') => {
                    self.mode = Mode::Bulk {
                        accept,
                        scope: scope.step(1),
                    };
                }
                Input::Left | Input::Char('k' | 'h') => {
                    self.mode = Mode::Bulk {
                        accept,
                        scope: scope.step(-1),
                    };
                }
                Input::Enter | Input::Char('y' | 'Y') => {
                    self.mode = Mode::Normal;
                    self.bulk(accept, scope, fx);
                }
                Input::Esc | Input::Char('n' | 'N' | 'q') => self.mode = Mode::Normal,
                _ => {}
            },
            Mode::Edit {
                mut buffer,
                mut cursor,
            } => {
                if edit_field(&mut buffer, &mut cursor, key) {
                    self.mode = Mode::Edit { buffer, cursor };
                    return;
                }
                match key {
                    Input::Enter => {
                        self.mode = Mode::Normal;
                        self.accept_current(0, Some(buffer), fx);
                    }
                    Input::Esc => {
                        self.mode = Mode::Normal;
                        self.say(Tone::Info, "Edit cancelled.");
                    }
                    _ => self.mode = Mode::Edit { buffer, cursor },
                }
            }
            Mode::Filter {
                mut buffer,
                mut cursor,
            } => {
                if edit_field(&mut buffer, &mut cursor, key) {
                    self.filter = buffer.clone();
                    self.refilter();
                    self.mode = Mode::Filter { buffer, cursor };
                    return;
                }
                match key {
                    Input::Enter => self.mode = Mode::Normal,
                    Input::Esc => {
                        // Cancelling a filter puts you back where you were.
                        self.filter.clear();
                        self.refilter();
                        if let Some(c) = self.before_filter.take()
                            && self.visible.contains(&c)
                        {
                            self.set_current(Some(c));
                        }
                        self.mode = Mode::Normal;
                    }
                    _ => self.mode = Mode::Filter { buffer, cursor },
                }
            }
        }
    }

    fn next_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    fn entry(
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

    fn before(&self, item: usize) -> Before {
        let it = &self.items[item];
        Before {
            item,
            status: it.status.clone(),
            written: it.written,
            span: it.finding.start..it.finding.end,
        }
    }

    fn decide_current(&mut self, status: Status, fx: &mut Vec<Effect>) {
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
    fn accept_current(&mut self, n: usize, edited: Option<String>, fx: &mut Vec<Effect>) {
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
    fn write_edits(
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
    fn commit_doc(
        &mut self,
        doc: usize,
        before: &str,
        after: String,
        edits: &[(usize, String)],
        fx: &mut Vec<Effect>,
    ) {
        // Remember every item of the doc as it was, for undo.
        let mine: Vec<usize> = self
            .order
            .iter()
            .copied()
            .filter(|&i| self.items[i].doc == doc)
            .collect();
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

    fn finish_step_if_idle(&mut self) {
        if !self.pending.is_empty() {
            return;
        }
        if let Some(step) = self.step.take()
            && (!step.items.is_empty() || !step.writes.is_empty())
        {
            self.undo.push(step);
        }
    }

    fn write_done(&mut self, id: u64, fx: &mut Vec<Effect>) {
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

    fn advance_if_current_decided(&mut self) {
        if self.current().is_some_and(|c| !c.status.is_open()) {
            self.advance();
        }
    }

    fn write_failed(&mut self, id: u64, disk: Option<String>, error: String, fx: &mut Vec<Effect>) {
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
    fn reanchor_doc(&mut self, doc: usize, old_text: &str) {
        let ids: Vec<usize> = self
            .order
            .iter()
            .copied()
            .filter(|&i| self.items[i].doc == doc)
            .collect();
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

    fn bulk(&mut self, accept: bool, scope: BulkScope, fx: &mut Vec<Effect>) {
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

    /// Takes the last decision back (as the `u` key).
    pub fn undo_last(&mut self) -> Vec<Effect> {
        let mut fx = Vec::new();
        self.undo(&mut fx);
        fx
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

    fn bulk_apply(&mut self, accept: bool, targets: Vec<usize>, fx: &mut Vec<Effect>) {
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

    fn write_all(&mut self, fx: &mut Vec<Effect>) {
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

    fn undo(&mut self, fx: &mut Vec<Effect>) {
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

    /// Puts items back as they were before a step and shows the first of them.
    fn restore(&mut self, items: &[Before], fx: &mut Vec<Effect>) {
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

    /// A word joined the vocabulary: its open spelling findings are gone from the list.
    fn word_added(&mut self, word: &str, error: Option<String>) {
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

    fn reloaded(&mut self, doc: usize, text: String, findings: Vec<Finding>) {
        if doc >= self.docs.len() {
            return;
        }
        let old = std::mem::replace(&mut self.docs[doc].text, text);
        self.reanchor_doc(doc, &old);
        let mine: Vec<usize> = self
            .order
            .iter()
            .copied()
            .filter(|&i| self.items[i].doc == doc)
            .collect();
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

/// Applies a text-field key; returns false when the key is not an editing key (Enter, Esc, Tab).
fn edit_field(buffer: &mut String, cursor: &mut usize, key: Input) -> bool {
    let len = buffer.chars().count();
    *cursor = (*cursor).min(len);
    let byte = |b: &String, c: usize| b.char_indices().nth(c).map_or(b.len(), |(i, _)| i);
    match key {
        Input::Char(c) if c != '\n' && c != '\r' => {
            let at = byte(buffer, *cursor);
            buffer.insert(at, c);
            *cursor += 1;
        }
        Input::Backspace if *cursor > 0 => {
            let at = byte(buffer, *cursor - 1);
            buffer.remove(at);
            *cursor -= 1;
        }
        Input::Delete if *cursor < len => {
            let at = byte(buffer, *cursor);
            buffer.remove(at);
        }
        Input::Left => *cursor = cursor.saturating_sub(1),
        Input::Right => *cursor = (*cursor + 1).min(len),
        Input::Home => *cursor = 0,
        Input::End => *cursor = len,
        Input::Backspace | Input::Delete | Input::Char(_) => {}
        Input::Enter | Input::Esc | Input::Tab => return false,
    }
    true
}

/// The last decision per finding from journal entries (an undo takes the decision before it back).
/// `path_of` says which path an entry is about, as the session's docs name it.
pub fn resume_from(entries: &[Entry], path_of: impl Fn(&Entry) -> String) -> Resume {
    let mut history: HashMap<(String, String), Vec<Decision>> = HashMap::new();
    for e in entries {
        let h = history
            .entry((path_of(e), e.fingerprint.clone()))
            .or_default();
        match e.decision {
            Decision::Undo => {
                h.pop();
            }
            d => h.push(d),
        }
    }
    history
        .into_iter()
        .filter_map(|(fp, h)| Some((fp, *h.last()?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::finding::{Safety, Severity};

    /// A finding of `text` at its first occurrence in `doc` at or after `from`.
    fn f(path: &str, doc: &str, text: &str, from: usize, rule: &str, reps: &[&str]) -> Finding {
        let start = doc[from..].find(text).expect("text in doc") + from;
        Finding {
            path: path.into(),
            rule: rule.into(),
            severity: Severity::Warning,
            message: format!("fix {text}"),
            line: doc[..start].matches('\n').count() + 1,
            column: 1,
            start,
            end: start + text.len(),
            text: text.into(),
            replacements: reps.iter().map(|s| (*s).to_owned()).collect(),
            safety: Safety::Safe,
            fingerprint: format!("{path}:{rule}:{start}"),
        }
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
        assert_eq!(sim.s.counts(), (1, 0, 0, 3));
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
        assert_eq!(sim.s.counts(), (0, 1, 1, 3));
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
        assert_eq!(sim.s.counts(), (0, 0, 0, 4));
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
        assert_eq!(sim.s.counts(), (3, 0, 0, 1));
        assert_eq!(sim.current_text(), "nodejs");
        sim.key(Action::Undo);
        assert_eq!(sim.disk[0], A);
        assert_eq!(sim.s.counts(), (0, 0, 0, 4));
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
        assert_eq!(sim.s.counts(), (3, 0, 0, 1));
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
        assert_eq!(sim.s.counts(), (0, 0, 0, 4), "Esc decides nothing");
        sim.key(Action::BulkReject);
        sim.input(&[Input::Char('r'), Input::Char('y')]);
        assert_eq!(sim.s.counts(), (0, 3, 0, 1));
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
        assert_eq!(sim.s.counts(), (1, 0, 0, 3));
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
        // Never past what the pane can show: one key up is visibly one step up.
        sim.s.scroll_limit.set(Some(4));
        sim.key(Action::ScrollDown);
        sim.key(Action::ScrollDown);
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
        assert_eq!(sim.s.counts(), (0, 0, 0, 4));
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

    #[test]
    fn reanchor_prefers_matching_context() {
        let text = "a Github b\nc Github d\n";
        assert_eq!(reanchor(text, "Github", "c ", " d", 0), Some(13..19));
        assert_eq!(reanchor(text, "Github", "x ", " y", 0), None);
        assert_eq!(reanchor(text, "Gone", "a ", " b", 0), None);
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
        assert_eq!(s.counts().0, 20_000);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }
}
