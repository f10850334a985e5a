//! Review screen speed: `cargo bench --bench review`.
//!
//! 1. First frame: the release binary in a pseudo-terminal, in a git repository made from the shared
//!    corpus (`../shared/corpus`, or `DOCREVIEW_CORPUS`; generated docs otherwise) with 20 changed
//!    docs: time from launch to the first frame, and to the first finding on screen.
//! 2. Keypress → redraw with 10,000 findings loaded (update + draw on a 120×35 test terminal).
//! 3. Accept → the fix on disk (update, guarded atomic write with fsync, journal line).
//!
//! Budgets from the issue: 150 ms, 16 ms, 20 ms. Build the binary first (`cargo build --release`).

use docreview::core::finding::{Finding, Safety, Severity};
use docreview::core::review::{Action, DocState, Effect, Msg, ReviewState};
use docreview::io::files;
use docreview::io::journal::Journal;
use docreview::tui::keymap::KeyMap;
use docreview::tui::theme::Theme;
use docreview::tui::view::{self, Ui};
use git2::{IndexAddOption, Repository, Signature};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn copy_docs(from: &Path, to: &Path, n: &mut usize) {
    let Ok(entries) = std::fs::read_dir(from) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let dest = to.join(e.file_name());
        if p.is_dir() {
            let _ = std::fs::create_dir_all(&dest);
            copy_docs(&p, &dest, n);
        } else if p.extension().is_some_and(|x| x == "md") {
            let _ = std::fs::copy(&p, &dest);
            *n += 1;
        }
    }
}

/// A repository with the corpus committed and 20 docs edited; returns (dir, docs, edited paths).
fn corpus_repo() -> (tempfile::TempDir, usize) {
    let dir = tempfile::tempdir().expect("tmp");
    let root = dir.path();
    let corpus = std::env::var_os("DOCREVIEW_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let mut n = 0;
    copy_docs(&corpus, root, &mut n);
    if n == 0 {
        let para = "Docs about the product, written over the years by many people. ";
        for i in 0..1500 {
            let _ = std::fs::write(
                root.join(format!("doc{i}.md")),
                format!("# Doc {i}\n\n{}\n", para.repeat(40)),
            );
        }
        n = 1500;
    }
    let repo = Repository::init(root).expect("init");
    let mut index = repo.index().expect("index");
    index
        .add_all(["*"], IndexAddOption::DEFAULT, None)
        .expect("add");
    index.write().expect("write");
    let tree = repo
        .find_tree(index.write_tree().expect("tree"))
        .expect("tree");
    let sig = Signature::now("bench", "bench@example.invalid").expect("sig");
    repo.commit(Some("HEAD"), &sig, &sig, "corpus", &tree, &[])
        .expect("commit");
    // Edit 20 docs: a new paragraph with mistakes at the end of each.
    let mut edited = 0;
    for entry in index.iter() {
        if edited == 20 {
            break;
        }
        let Ok(rel) = String::from_utf8(entry.path.clone()) else {
            continue;
        };
        if entry.path.len() % 7 != 0 {
            continue;
        }
        let p = root.join(&rel);
        if let Ok(mut text) = std::fs::read_to_string(&p) {
            text.push_str(
                "\nThis allows automatically find the the issues on Github with ONEDNN.\n",
            );
            let _ = std::fs::write(&p, text);
            edited += 1;
        }
    }
    (dir, n)
}

fn first_frame() {
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/docreview");
    if !bin.is_file() {
        println!("first frame: skipped (build the release binary first: cargo build --release)");
        return;
    }
    let (dir, n) = corpus_repo();
    let mut frames = Vec::new();
    let mut findings = Vec::new();
    for _ in 0..5 {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 35,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(&bin);
        cmd.cwd(dir.path());
        cmd.env("TERM", "xterm-256color");
        cmd.env("DOCREVIEW_CONFIG_DIR", dir.path().join(".no-config"));
        let start = Instant::now();
        let mut child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let mut writer = pair.master.take_writer().expect("writer");
        let out = Arc::new(Mutex::new(Vec::new()));
        let sink = out.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(k) = reader.read(&mut buf) {
                if k == 0 {
                    break;
                }
                if let Ok(mut o) = sink.lock() {
                    o.extend_from_slice(&buf[..k]);
                }
            }
        });
        let screen = |out: &Arc<Mutex<Vec<u8>>>| {
            let bytes = out.lock().map(|o| o.clone()).unwrap_or_default();
            let size = |v: u16| std::num::NonZero::new(v).expect("non-zero");
            let mut p = vt100::Parser::new(size(35), size(120), 0);
            p.process(&bytes);
            p.screen().contents()
        };
        let mut first = None;
        let mut with_findings = None;
        while start.elapsed() < Duration::from_secs(20) {
            let s = screen(&out);
            if first.is_none() && s.contains("docreview") {
                first = Some(start.elapsed());
            }
            if s.contains("[1/") {
                with_findings = Some(start.elapsed());
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        let _ = std::io::Write::write_all(&mut writer, b"q");
        let _ = child.wait();
        if let (Some(f), Some(w)) = (first, with_findings) {
            frames.push(f);
            findings.push(w);
        }
    }
    frames.sort();
    findings.sort();
    if let (Some(f), Some(w)) = (
        frames.get(frames.len() / 2),
        findings.get(findings.len() / 2),
    ) {
        println!(
            "first frame ({n} docs, 20 changed): median {:.1} ms (budget 150); first finding on screen: median {:.1} ms",
            f.as_secs_f64() * 1e3,
            w.as_secs_f64() * 1e3
        );
    } else {
        println!("first frame: the screen never showed a finding");
    }
}

fn finding(path: &str, start: usize, text: &str) -> Finding {
    Finding {
        path: path.into(),
        rule: "terminology.canonical".into(),
        severity: Severity::Warning,
        message: format!("Write the name properly, not \"{text}\"."),
        line: 1,
        column: start + 1,
        start,
        end: start + text.len(),
        text: text.into(),
        replacements: vec!["GitHub".into()],
        safety: Safety::Safe,
        fingerprint: format!("{path}:{start}"),
    }
}

fn keypress_redraw() {
    // 200 docs × 50 findings.
    let line = "Hosted on Github. ";
    let text = line.repeat(50);
    let mut docs = Vec::new();
    let mut findings = Vec::new();
    for d in 0..200 {
        let path = format!("docs/{d:03}.md");
        docs.push(DocState {
            path: path.clone(),
            text: text.clone(),
        });
        for k in 0..50 {
            findings.push(finding(&path, k * line.len() + 10, "Github"));
        }
    }
    let mut state = ReviewState::new("bench".into(), false, HashMap::new());
    state.update(Msg::Findings { docs, findings });
    state.update(Msg::CheckingDone);
    let theme = Theme::built_in("default").expect("theme");
    let keymap = KeyMap::default();
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).expect("terminal");
    let presses = 2000;
    let mut worst = Duration::ZERO;
    let start = Instant::now();
    for i in 0..presses {
        let t = Instant::now();
        let action = if i % 10 == 9 {
            Action::NextFile
        } else {
            Action::Next
        };
        state.update(Msg::Action(action));
        let ui = Ui {
            theme: &theme,
            keymap: &keymap,
            hint: None,
            tick: 0,
        };
        terminal
            .draw(|f| {
                view::draw(f, &state, &ui);
            })
            .expect("draw");
        worst = worst.max(t.elapsed());
    }
    let per = start.elapsed() / presses;
    println!(
        "keypress → redraw with {} findings: mean {:.3} ms, worst {:.3} ms (budget 16)",
        state.items.len(),
        per.as_secs_f64() * 1e3,
        worst.as_secs_f64() * 1e3
    );
}

fn accept_to_disk() {
    let dir = tempfile::tempdir().expect("tmp");
    let text = "Hosted on Github. ".repeat(200);
    let mut docs = Vec::new();
    let mut findings = Vec::new();
    let mut reals = HashMap::new();
    for d in 0..5 {
        let path = format!("doc{d}.md");
        let real = dir.path().join(&path);
        std::fs::write(&real, &text).expect("write");
        reals.insert(path.clone(), real);
        docs.push(DocState {
            path: path.clone(),
            text: text.clone(),
        });
        for k in 0..20 {
            findings.push(finding(&path, k * 18 + 10, "Github"));
        }
    }
    let journal = Journal::at(dir.path().join("journal.jsonl"));
    let mut state = ReviewState::new("bench".into(), false, HashMap::new());
    state.update(Msg::Findings { docs, findings });
    state.update(Msg::CheckingDone);
    let mut times = Vec::new();
    for _ in 0..100 {
        let t = Instant::now();
        let mut queue = state.update(Msg::Action(Action::Accept));
        while !queue.is_empty() {
            let mut next = Vec::new();
            let mut entries = Vec::new();
            for e in queue {
                match e {
                    Effect::Write {
                        id,
                        doc,
                        expected,
                        new,
                    } => {
                        let real = &reals[&state.docs[doc].path];
                        let msg =
                            match files::write_guarded(real, expected.as_bytes(), new.as_bytes()) {
                                Ok(()) => Msg::WriteDone { id },
                                Err(e) => Msg::WriteFailed {
                                    id,
                                    disk: None,
                                    error: e.to_string(),
                                },
                            };
                        next.extend(state.update(msg));
                    }
                    Effect::Journal(j) => entries.push(j),
                    _ => {}
                }
            }
            journal.append(&entries).expect("journal");
            queue = next;
        }
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "accept → fix on disk (guarded write + fsync + journal): median {:.2} ms, worst {:.2} ms (budget 20)",
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3
    );
}

fn main() {
    println!("docreview review-screen bench\n");
    keypress_redraw();
    accept_to_disk();
    first_frame();
}
