//! The checker thread: documents go in as the editor changes them, findings come out in two stages
//! (the fast rules at once, harper's linters when they are done). Only a document's newest text is
//! checked: a change that arrives while an older text waits, or between the two stages, replaces it.

use crate::core::cache::Memo;
use crate::core::engine::{Doc, Engine, Lines};
use crate::core::finding::Finding;
use crossbeam_channel::{Receiver, Sender};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

/// Work for the checker.
pub enum Job {
    /// Check this text of the document at `uri` (shown as `path`).
    Check {
        uri: String,
        path: String,
        version: i32,
        text: String,
    },
    /// The editor closed the document at `path`: its text on disk counts again in the doc set.
    Closed { path: String },
    /// Check with these rules and this list of the workspace's docs from now on (the config,
    /// vocabulary or Vale setup changed); the docs are read again when next needed.
    Engine(Arc<Engine>, Vec<(PathBuf, String)>),
}

/// Findings for one version of a document.
pub struct Checked {
    pub uri: String,
    pub version: i32,
    pub findings: Vec<Finding>,
}

/// Starts the checker; it ends when `jobs` is closed. `workspace`: every doc of the workspace (file,
/// path shown), read on the first check that needs the doc set (consistency, the vocabulary the doc
/// set makes).
/// `git_dir`: where the repository's content cache is (`None`: no cache), whose stored doc-set counts
/// and harper paragraphs spare the first checks the work an earlier run did.
pub fn start(
    engine: Arc<Engine>,
    workspace: Vec<(PathBuf, String)>,
    git_dir: Option<PathBuf>,
    jobs: Receiver<Job>,
    out: Sender<Checked>,
) {
    let spawned = std::thread::Builder::new()
        .name("docreview-lsp-check".into())
        .spawn(move || run(engine, workspace, git_dir, &jobs, &out));
    if let Err(e) = spawned {
        eprintln!("docreview lsp: cannot start the checker thread: {e}");
    }
}

/// The workspace's docs as on disk, read once.
fn read_all(files: &[(PathBuf, String)]) -> Vec<Doc> {
    use rayon::prelude::*;
    files
        .par_iter()
        .filter_map(|(abs, rel)| {
            let read = crate::io::files::read(abs, None).ok()?.ok()?;
            Some(Doc {
                path: rel.clone(),
                text: read.text,
                lines: Lines::All,
            })
        })
        .collect()
}

fn run(
    mut engine: Arc<Engine>,
    workspace: Vec<(PathBuf, String)>,
    git_dir: Option<PathBuf>,
    jobs: &Receiver<Job>,
    out: &Sender<Checked>,
) {
    let cache_of = |engine: &Engine| Stored {
        cache: git_dir
            .as_deref()
            .map(|dir| crate::io::cache::Cache::new(dir, engine.version())),
        paragraphs_given: false,
    };
    let mut stored = cache_of(&engine);
    let mut stored_for = engine.version();
    let mut state = DocSet {
        files: workspace,
        read: None,
        edited: std::collections::HashMap::new(),
    };
    // What is waiting, newest text per document, in the order documents first asked.
    let mut waiting: BTreeMap<String, (String, i32, String)> = BTreeMap::new();
    // Findings of texts seen before (an undo, a reopened file) come back at once; bounded.
    let mut memo = Memo::default();
    loop {
        if waiting.is_empty() {
            match jobs.recv() {
                Ok(job) => take(job, &mut waiting, &mut engine, &mut memo, &mut state),
                Err(_) => return,
            }
        }
        while let Ok(job) = jobs.try_recv() {
            take(job, &mut waiting, &mut engine, &mut memo, &mut state);
        }
        let Some((uri, (path, version, text))) = waiting.pop_first() else {
            continue;
        };
        if stored_for != engine.version() {
            stored = cache_of(&engine);
            stored_for = engine.version();
        }
        if memo.docs.len() > 500 {
            // Forget findings of old texts; keep the doc set's counts (costly to make again).
            memo.docs.clear();
            memo.sets.clear();
        }
        let docs = [Doc {
            path,
            text,
            lines: Lines::All,
        }];
        let mut run = engine.run(&docs, &mut memo, &mut stored);
        let fast = run.fast(&AtomicUsize::new(0));
        let doc_set = engine.needs_doc_set();
        let slow_left = engine.has_slow_rules() || doc_set;
        let first = Checked {
            uri: uri.clone(),
            version,
            findings: fast.clone(),
        };
        if out.send(first).is_err() {
            return;
        }
        if !slow_left {
            continue;
        }
        // A newer text of this document, or new rules, make the slow stage of this one worthless.
        let later: Vec<Job> = jobs.try_iter().collect();
        let stale = later.iter().any(|job| {
            matches!(job, Job::Check { uri: u, .. } if *u == uri) || matches!(job, Job::Engine(..))
        });
        let findings = if stale {
            None
        } else {
            let mut all = fast;
            if doc_set {
                // The doc set as the editor sees it: the open documents' texts as last sent, the
                // others' as on disk; this document's own text is the one checked.
                let (files, edited) = (&state.files, &state.edited);
                let others = state.read.get_or_insert_with(|| {
                    let mut read = read_all(files);
                    for d in &mut read {
                        if let Some(text) = edited.get(&d.path) {
                            d.text.clone_from(text);
                        }
                    }
                    read
                });
                let own = others.iter().position(|d| d.path == docs[0].path);
                let on_disk = own.map(|i| others.remove(i));
                all.extend(run.doc_set(others));
                if let (Some(i), Some(d)) = (own, on_disk) {
                    others.insert(i, d);
                }
            } else {
                all.extend(run.slow());
            }
            Some(engine.finish(all))
        };
        drop(run);
        for job in later {
            take(job, &mut waiting, &mut engine, &mut memo, &mut state);
        }
        let Some(findings) = findings else {
            continue;
        };
        let done = Checked {
            uri,
            version,
            findings,
        };
        if out.send(done).is_err() {
            return;
        }
    }
}

/// The repository's content cache, read from, never written: its doc-set counts, and harper's
/// paragraphs once (the engine keeps them; every keystroke reading the file again cost ~15 ms).
struct Stored {
    cache: Option<crate::io::cache::Cache>,
    paragraphs_given: bool,
}

impl crate::core::cache::Stored for Stored {
    fn load_counts(&mut self, memo: &mut Memo) {
        if let Some(c) = self.cache.as_mut() {
            c.load_counts(memo);
        }
    }

    fn load_paragraphs(&mut self) -> crate::core::rules::harper::ParagraphMemo {
        if std::mem::replace(&mut self.paragraphs_given, true) {
            return Default::default();
        }
        self.cache
            .as_ref()
            .map(crate::io::cache::Cache::load_paragraphs)
            .unwrap_or_default()
    }

    /// Never written: the server's memory lives on from edit to edit.
    fn save_now(&mut self, _: &mut Memo) {}
}

/// The workspace's docs: the list, their texts once read, and the texts the editor sent for open ones
/// (by path).
struct DocSet {
    files: Vec<(PathBuf, String)>,
    read: Option<Vec<Doc>>,
    edited: std::collections::HashMap<String, String>,
}

fn take(
    job: Job,
    waiting: &mut BTreeMap<String, (String, i32, String)>,
    engine: &mut Arc<Engine>,
    memo: &mut Memo,
    state: &mut DocSet,
) {
    match job {
        Job::Check {
            uri,
            path,
            version,
            text,
        } => {
            if let Some(d) = state
                .read
                .as_mut()
                .and_then(|read| read.iter_mut().find(|d| d.path == path))
            {
                d.text.clone_from(&text);
            }
            state.edited.insert(path.clone(), text.clone());
            waiting.insert(uri, (path, version, text));
        }
        Job::Closed { path } => {
            state.edited.remove(&path);
            let on_disk = state
                .files
                .iter()
                .find(|(_, rel)| *rel == path)
                .and_then(|(abs, _)| crate::io::files::read(abs, None).ok()?.ok());
            if let (Some(read), Some(loaded)) = (state.read.as_mut(), on_disk)
                && let Some(d) = read.iter_mut().find(|d| d.path == path)
            {
                d.text = loaded.text;
            }
        }
        Job::Engine(e, files) => {
            *engine = e;
            *memo = Memo::default();
            let edited = std::mem::take(&mut state.edited);
            *state = DocSet {
                files,
                read: None,
                edited,
            };
        }
    }
}
