//! The review screen's imperative shell: terminal set-up and restore, the event loop, the background
//! checker thread whose findings stream in, and the effects of [`ReviewState::update`] (guarded
//! writes, journal lines, the external editor). The state machine itself lives in
//! [`crate::core::review`]; drawing in [`view`].
//!
//! The terminal is restored on every way out: normal quit, error (a guard), and panic (ratatui's
//! hook), so a crash never leaves a user in raw mode; decisions are journaled as they happen.

pub mod keymap;
pub mod progress;
pub mod theme;
pub mod triage;
pub mod view;

use crate::core::engine::{Doc, Engine, Lines};
use crate::core::finding::Finding;
use crate::core::review::{DocState, Effect, Input, Mode, Msg, ReviewState, Tally, Tone};
use crate::io::cache::Cache;
use crate::io::files::{self, WriteError};
use crate::io::journal::Journal;
use crate::io::scope::Plan;
use keymap::KeyMap;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};
use theme::Theme;

/// How the screen looks and behaves.
pub struct Options {
    pub defer: bool,
    pub theme: Theme,
    pub keymap: KeyMap,
    /// A line shown at the top (the demo's hint).
    pub hint: Option<String>,
    pub session: String,
    /// The team vocabulary file the + key adds words to.
    pub vocabulary: PathBuf,
    /// Where harper's paragraph results are remembered between runs.
    pub cache: Option<Cache>,
    /// Findings to review instead of the engine's (a pull request's suggestions), with their docs.
    pub preset: Option<Preset>,
    /// The working directory, for the paths the screen shows.
    pub cwd: PathBuf,
    /// The editor command (`$VISUAL`, `$EDITOR`); vi when none is set.
    pub editor: Option<String>,
    /// Panic after the first frame (the test of the terminal's restoration, nothing else).
    pub test_panic: bool,
}

/// A flag raised when the process is asked to stop (SIGTERM, SIGHUP): the screen then closes as if the
/// user quit, so the terminal is restored and every decision so far is in the journal. (In raw mode
/// Ctrl-C is a key, not SIGINT; SIGINT keeps its default, so Ctrl-C in an editor opened from the screen
/// is the editor's.)
/// The handlers are removed when the screen closes (an editor opened later gets its signals back).
pub(crate) fn stop_flag() -> StopFlag {
    let flag = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let ids = [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP]
        .into_iter()
        // Without the handler the default stands: the process ends, as it would have.
        .filter_map(|signal| signal_hook::flag::register(signal, flag.clone()).ok())
        .collect();
    StopFlag { flag, ids }
}

/// See [`stop_flag`].
pub(crate) struct StopFlag {
    flag: Arc<std::sync::atomic::AtomicBool>,
    ids: Vec<signal_hook::SigId>,
}

impl StopFlag {
    /// Was the process asked to stop?
    pub(crate) fn raised(&self) -> bool {
        self.flag.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl Drop for StopFlag {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// Docs (with the file each is written to) and findings decided elsewhere.
pub struct Preset {
    pub docs: Vec<(DocState, PathBuf)>,
    pub findings: Vec<Finding>,
}

/// The review queue from preset findings: one batch, then done.
fn preset_work(preset: Preset) -> Receiver<Work> {
    let (tx, rx) = channel();
    let _ = tx.send(Work::Batch {
        docs: preset.docs,
        findings: preset.findings,
    });
    let _ = tx.send(Work::Done);
    rx
}

/// What happened, for the summary printed after the terminal is restored.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub total: usize,
    pub accepted: usize,
    pub rejected: usize,
    pub skipped: usize,
    pub written: Vec<String>,
    pub unwritten: usize,
    pub resumed: usize,
    /// A problem that ended the session early (shown after restore).
    pub failure: Option<String>,
}

/// From the checker thread.
enum Work {
    Batch {
        docs: Vec<(DocState, PathBuf)>,
        findings: Vec<Finding>,
    },
    Notice(String),
    Done,
    Failed(String),
}

/// Re-reads one doc after the editor closed: its text and its findings (per-document rules).
pub type Reloader = Box<dyn FnMut(&str) -> Option<(String, Vec<Finding>)>>;

/// Restores the terminal when dropped (errors and early returns included).
pub(crate) struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

fn spawn_checker(plan: Plan, engine: Arc<Engine>, mut cache: Option<Cache>) -> Receiver<Work> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut notices = Vec::new();
        let inputs = match plan.read_docs(&mut notices) {
            Ok(i) => i,
            Err(e) => {
                let _ = tx.send(Work::Failed(e.to_string()));
                return;
            }
        };
        for n in notices {
            let _ = tx.send(Work::Notice(n));
        }
        // The same staged check as a report, through the same memo: fast rules first (and whatever
        // earlier runs remembered), then harper's linters, then the doc-set rules. Each batch leaves
        // out what overlaps a finding already shown by a better-placed rule.
        let mut memo = crate::io::cache::memo_of(&mut cache);
        let mut run = engine.run(&inputs.docs, &mut memo, &mut cache);
        let first = plan.unbaselined(run.fast(&AtomicUsize::new(0)));
        let mut shown = first.clone();
        let docs = inputs
            .docs
            .iter()
            .zip(&inputs.reals)
            .map(|(d, r)| {
                (
                    DocState {
                        path: d.path.clone(),
                        text: d.text.clone(),
                    },
                    r.clone(),
                )
            })
            .collect();
        if tx
            .send(Work::Batch {
                docs,
                findings: first,
            })
            .is_err()
        {
            return;
        }
        let slow = engine.without_overlaps(&shown, plan.unbaselined(run.slow()));
        if !slow.is_empty() {
            shown.extend(slow.iter().cloned());
            if tx
                .send(Work::Batch {
                    docs: Vec::new(),
                    findings: slow,
                })
                .is_err()
            {
                return;
            }
        }
        if engine.needs_doc_set() {
            let context = plan.read_context();
            let set = engine.without_overlaps(&shown, plan.unbaselined(run.doc_set(&context)));
            if tx
                .send(Work::Batch {
                    docs: Vec::new(),
                    findings: set,
                })
                .is_err()
            {
                return;
            }
        }
        drop(run);
        crate::io::cache::keep(&mut cache, &mut memo, &engine);
        let _ = tx.send(Work::Done);
    });
    rx
}

/// Text-field and popup keys.
fn input_of(key: &KeyEvent) -> Option<Input> {
    Some(match key.code {
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => Input::Char(c),
        KeyCode::Backspace => Input::Backspace,
        KeyCode::Delete => Input::Delete,
        KeyCode::Left => Input::Left,
        KeyCode::Right => Input::Right,
        KeyCode::Home => Input::Home,
        KeyCode::End => Input::End,
        KeyCode::Enter => Input::Enter,
        KeyCode::Esc => Input::Esc,
        KeyCode::Tab => Input::Tab,
        _ => return None,
    })
}

/// Maps a key press to a message for the current mode.
pub fn message_for(state: &ReviewState, keymap: &KeyMap, key: &KeyEvent) -> Option<Msg> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl_c = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
    match state.mode {
        Mode::Normal => {
            if let Some(a) = keymap.action(key) {
                return Some(Msg::Action(a));
            }
            input_of(key).filter(|i| *i == Input::Esc).map(Msg::Input)
        }
        // Ctrl-c at the quit question quits (the accepts stay in the journal for `apply --accepted`);
        // in any other popup or field it cancels like Esc.
        Mode::ConfirmQuit if ctrl_c => Some(Msg::Input(Input::Char('n'))),
        _ if ctrl_c => Some(Msg::Input(Input::Esc)),
        _ => input_of(key).map(Msg::Input),
    }
}

/// Runs the review screen until the user quits.
pub fn run(
    plan: Plan,
    engine: Arc<Engine>,
    journal: Journal,
    mut opts: Options,
    mut reload: Reloader,
) -> io::Result<Outcome> {
    let cwd = opts.cwd.clone();
    let resume = crate::core::journal::resume_from(&journal.read().unwrap_or_default(), |e| {
        if e.file.is_empty() {
            e.path.clone()
        } else {
            crate::io::scope::display_path(Path::new(&e.file), &cwd)
        }
    });
    let mut state = ReviewState::new(opts.session.clone(), opts.defer, resume);
    let mut reals: HashMap<String, PathBuf> = HashMap::new();
    let rx = match opts.preset.take() {
        Some(preset) => preset_work(preset),
        None => spawn_checker(plan, engine, opts.cache.take()),
    };

    let stop = stop_flag();
    let mut terminal = ratatui::try_init()?;
    let guard = Restore;
    let mut tick = 0usize;
    let mut last_tick = Instant::now();
    let mut dirty = true;
    // How far the diff pane can scroll, as the last drawing found.
    let mut scroll_limit: Option<usize> = None;
    let mut failure = None;
    let mut worker_open = true;
    'main: loop {
        if stop.raised() {
            break 'main;
        }
        // Findings and notices from the checker thread.
        while worker_open {
            match rx.try_recv() {
                Ok(Work::Batch { docs, findings }) => {
                    let mut states = Vec::new();
                    for (d, real) in docs {
                        reals.insert(d.path.clone(), real);
                        states.push(d);
                    }
                    apply(
                        &mut state,
                        Msg::Findings {
                            docs: states,
                            findings,
                        },
                        &journal,
                        &mut failure,
                    );
                    dirty = true;
                }
                Ok(Work::Notice(n)) => {
                    state.message = Some((Tone::Warning, n));
                    dirty = true;
                }
                Ok(Work::Done) => {
                    apply(&mut state, Msg::CheckingDone, &journal, &mut failure);
                    dirty = true;
                }
                Ok(Work::Failed(e)) => {
                    failure = Some(e);
                    break 'main;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    worker_open = false;
                    if state.checking {
                        apply(&mut state, Msg::CheckingDone, &journal, &mut failure);
                        dirty = true;
                    }
                }
            }
        }
        if state.checking && last_tick.elapsed() >= Duration::from_millis(90) {
            tick += 1;
            last_tick = Instant::now();
            dirty = true;
        }
        if dirty {
            let ui = view::Ui {
                theme: &opts.theme,
                keymap: &opts.keymap,
                hint: opts.hint.as_deref(),
                tick,
            };
            terminal.draw(|f| scroll_limit = view::draw(f, &state, &ui))?;
            dirty = false;
            if opts.test_panic {
                panic!("DOCREVIEW_TEST_PANIC: the review screen panics on purpose");
            }
        }
        let wait = if state.checking {
            Duration::from_millis(50)
        } else {
            Duration::from_millis(250)
        };
        if !event::poll(wait)? {
            continue;
        }
        match event::read()? {
            Event::Key(key) => {
                if view::is_too_small(terminal.size()?) && !view::works_when_small(&key) {
                    continue;
                }
                let Some(msg) = message_for(&state, &opts.keymap, &key) else {
                    continue;
                };
                let effects = state.update(msg);
                if let Some(max) = scroll_limit {
                    state.clamp_scroll(max);
                }
                let outside = Outside {
                    journal: &journal,
                    reals: &reals,
                    vocabulary: &opts.vocabulary,
                    editor: opts.editor.as_deref(),
                };
                if carry_out(&mut state, effects, &mut terminal, &outside, &mut reload)? {
                    break 'main;
                }
                dirty = true;
            }
            Event::Resize(_, _) => dirty = true,
            _ => {}
        }
    }
    drop(guard);
    let Tally {
        accepted,
        rejected,
        skipped,
        ..
    } = state.counts();
    Ok(Outcome {
        total: state.items.len(),
        accepted,
        rejected,
        skipped,
        written: state
            .changed_docs()
            .into_iter()
            .map(str::to_owned)
            .collect(),
        unwritten: state.unwritten(),
        resumed: state.resumed,
        failure,
    })
}

/// Where the effects of a review session land: the journal, the docs' files, the team's vocabulary
/// and the user's editor.
pub struct Outside<'a> {
    pub journal: &'a Journal,
    /// The file each doc (by its shown path) is written to.
    pub reals: &'a HashMap<String, PathBuf>,
    pub vocabulary: &'a Path,
    /// `$VISUAL` or `$EDITOR`; vi when none is set.
    pub editor: Option<&'a str>,
}

/// Carries out the effects of an update (and of the updates they lead to): guarded writes, journal
/// lines, the editor. Returns true when the session asked to quit.
pub fn carry_out(
    state: &mut ReviewState,
    effects: Vec<Effect>,
    terminal: &mut ratatui::DefaultTerminal,
    outside: &Outside<'_>,
    reload: &mut Reloader,
) -> io::Result<bool> {
    let Outside {
        journal,
        reals,
        vocabulary,
        editor,
    } = *outside;
    let mut queue = effects;
    let mut quit = false;
    while !queue.is_empty() {
        let mut next = Vec::new();
        let mut entries = Vec::new();
        for e in queue {
            match e {
                Effect::Journal(mut entry) => {
                    if let Some(real) = reals.get(&entry.path) {
                        entry.file = real.display().to_string();
                    }
                    entries.push(entry);
                }
                Effect::Quit => quit = true,
                Effect::Write {
                    id,
                    doc,
                    expected,
                    new,
                } => {
                    let msg = write(&state.docs[doc].path, reals, id, &expected, &new);
                    next.extend(state.update(msg));
                }
                Effect::AddWord(word) => {
                    let error = crate::io::vocabulary::add(vocabulary, std::slice::from_ref(&word))
                        .err()
                        .map(|e| e.to_string());
                    next.extend(state.update(Msg::WordAdded { word, error }));
                }
                Effect::OpenEditor { doc, line } => {
                    let path = state.docs[doc].path.clone();
                    let Some(real) = reals.get(&path).cloned() else {
                        continue;
                    };
                    ratatui::restore();
                    let status = crate::io::editor::command(editor, &real, line).status();
                    *terminal = ratatui::try_init()?;
                    terminal.clear()?;
                    match status {
                        Ok(_) => {
                            if let Some((text, findings)) = reload(&path) {
                                next.extend(state.update(Msg::Reloaded {
                                    doc,
                                    text,
                                    findings,
                                }));
                            }
                        }
                        Err(e) => {
                            state.message =
                                Some((Tone::Error, format!("Cannot start the editor: {e}")));
                        }
                    }
                }
            }
        }
        if let Err(e) = journal.append(&entries) {
            state.message = Some((Tone::Error, format!("Cannot write the journal: {e}")));
        }
        queue = next;
    }
    Ok(quit)
}

/// Feeds a message whose effects can only be journal lines (findings arriving, checking done).
fn apply(state: &mut ReviewState, msg: Msg, journal: &Journal, failure: &mut Option<String>) {
    let entries: Vec<_> = state
        .update(msg)
        .into_iter()
        .filter_map(|e| match e {
            Effect::Journal(j) => Some(j),
            _ => None,
        })
        .collect();
    if let Err(e) = journal.append(&entries) {
        *failure = Some(format!("cannot write the journal: {e}"));
    }
}

/// Carries out one guarded write and reports how it went.
pub fn write(
    path: &str,
    reals: &HashMap<String, PathBuf>,
    id: u64,
    expected: &str,
    new: &str,
) -> Msg {
    let Some(real) = reals.get(path) else {
        return Msg::WriteFailed {
            id,
            disk: None,
            error: format!("{path}: unknown file"),
        };
    };
    match files::write_guarded(real, expected.as_bytes(), new.as_bytes()) {
        Ok(()) => Msg::WriteDone { id },
        Err(WriteError::Changed(_)) => Msg::WriteFailed {
            id,
            disk: std::fs::read_to_string(real).ok(),
            error: format!("{path} changed on disk"),
        },
        Err(WriteError::ReadOnly(_)) => Msg::WriteFailed {
            id,
            disk: None,
            error: format!("{path} is read-only; nothing was changed"),
        },
        Err(WriteError::Io { source, .. }) => Msg::WriteFailed {
            id,
            disk: None,
            error: format!("{path}: {source}"),
        },
    }
}

/// Per-document findings of one doc read again from disk (after the editor).
pub fn recheck(
    engine: &Engine,
    path: &str,
    real: &Path,
    lines: Lines,
) -> Option<(String, Vec<Finding>)> {
    let text = files::read(real, None).ok()?.ok()?.text;
    let doc = Doc {
        path: path.to_owned(),
        text: text.clone(),
        lines,
    };
    Some((text, engine.check_doc(&doc)))
}

/// "3 accepted, 1 rejected, 2 skipped of 13 findings; wrote a.md, b.md."
pub fn summary(o: &Outcome) -> String {
    let mut s = format!(
        "docreview: {} accepted, {} rejected, {} skipped of {} findings",
        o.accepted, o.rejected, o.skipped, o.total
    );
    if o.resumed > 0 {
        s.push_str(&format!(" ({} decided in earlier sessions)", o.resumed));
    }
    if o.written.is_empty() {
        s.push_str("; no file changed.");
    } else {
        s.push_str(&format!("; wrote {}.", o.written.join(", ")));
    }
    if o.unwritten > 0 {
        s.push_str(&format!(
            "\n{} accepted fixes are not written yet: `docreview apply --accepted` writes them.",
            o.unwritten
        ));
    }
    s
}
