//! Faults: a run that writes fixes, killed at any moment, leaves every doc either as it was or fully
//! fixed, and the next run cleans up after it and finishes the job; two runs never write at once.

use crate::util::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime};

/// Docs in the tree, in a few folders; each has four safe fixes.
const DOCS: usize = 400;
const FOLDERS: usize = 8;
/// Only the rules the docs need: the test is about writing, not checking.
const RULES: [&str; 4] = [
    "--rule",
    "grammar.repeated-word",
    "--rule",
    "terminology.canonical",
];

fn doc_path(i: usize) -> String {
    format!("docs/part{}/page{i:03}.md", i % FOLDERS)
}

fn doc_text(i: usize) -> String {
    format!(
        "# Page {i}\n\nInstall the the tool from Github.\n\nIt runs on on Linux and and macOS; see Github for page {i}.\n"
    )
}

/// A repository holding the docs, committed.
fn tree() -> Repo {
    let r = Repo::with_defaults();
    for i in 0..DOCS {
        r.write(&doc_path(i), &doc_text(i));
    }
    r.commit("docs");
    r
}

/// docreview's own temporary files anywhere under `dir`.
fn leftovers(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if e.file_name().to_string_lossy().starts_with(".docreview-") {
                out.push(p);
            }
        }
    }
    out
}

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

#[test]
fn apply_killed_at_random_moments_leaves_each_doc_old_or_fixed_and_the_next_run_finishes() {
    // The fixed texts, and how long a whole run takes, from a run nobody kills.
    let reference = tree();
    let args: Vec<&str> = ["apply", "--all"].into_iter().chain(RULES).collect();
    // Without the cache, so that every run takes as long as the one timed.
    let no_cache = [("DOCREVIEW_NO_CACHE", "1")];
    let started = Instant::now();
    let o = run_in_env(&reference.root, &reference.home, &args, &no_cache);
    let whole = started.elapsed();
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    let fixed: Vec<Vec<u8>> = (0..DOCS).map(|i| reference.read(&doc_path(i))).collect();
    for (i, text) in fixed.iter().enumerate() {
        assert_ne!(
            text,
            doc_text(i).as_bytes(),
            "the reference run fixed page {i}"
        );
    }

    let r = tree();
    let mut rng = Rng(0x5eed_1234_abcd_0017);
    // 50 kills, more (up to 200) until at least 5 landed while docs were being written.
    let (mut partial, mut runs) = (0, 0);
    while runs < 50 || (partial < 5 && runs < 200) {
        runs += 1;
        let mut child = command(&r.root, &r.home, &args)
            .envs(no_cache)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start apply");
        let at = rng.below(whole.as_millis() as u64 + 50);
        std::thread::sleep(Duration::from_millis(at));
        let _ = child.kill(); // SIGKILL: no chance to clean up
        let _ = child.wait();
        let mut done = 0;
        for (i, fixed) in fixed.iter().enumerate() {
            let now = r.read(&doc_path(i));
            if &now == fixed {
                done += 1;
            } else {
                assert_eq!(
                    now,
                    doc_text(i).as_bytes(),
                    "page {i} is neither its old nor its fixed text after a kill at {at} ms"
                );
            }
        }
        if done > 0 && done < DOCS {
            partial += 1;
        }
        if done == DOCS {
            // All written before the kill: start over with the old texts (and whatever was left).
            for i in 0..DOCS {
                r.write(&doc_path(i), &doc_text(i));
            }
        }
    }
    eprintln!("{partial} of {runs} kills landed while docs were being written");
    assert!(
        partial >= 5,
        "only {partial} of {runs} kills landed while docs were being written: the test tests nothing"
    );
    // The next run finishes the job and removes what killed runs left behind.
    let o = r.run(&args);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    for (i, text) in fixed.iter().enumerate() {
        assert_eq!(&r.read(&doc_path(i)), text, "page {i}");
    }
    assert_eq!(leftovers(&r.root.join("docs")), Vec::<PathBuf>::new());
}

#[test]
fn a_second_writer_waits_for_the_first_then_gives_up_and_writes_nothing() {
    let r = Repo::with_defaults();
    r.write("a.md", "Install the the tool.\n").commit("init");
    // Another docreview holds the write lock.
    let lock_path = r.root.join(".git/docreview/journal.lock");
    fs::create_dir_all(lock_path.parent().expect("parent")).expect("dir");
    let holder = fs::File::create(&lock_path).expect("lock file");
    holder.lock().expect("lock");
    let o = run_in_env(
        &r.root,
        &r.home,
        &["apply", "--all"],
        &[("DOCREVIEW_LOCK_WAIT", "1")],
    );
    assert_eq!(o.code, 2, "{}{}", o.stdout, o.stderr);
    assert!(
        o.stderr.contains("waiting up to 1 s")
            && o.stderr.contains("another docreview is writing fixes here"),
        "{}",
        o.stderr
    );
    assert_eq!(r.read("a.md"), b"Install the the tool.\n");
    // Once it is done, the same run writes.
    drop(holder);
    let o = r.run(&["apply", "--all"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert_eq!(r.read("a.md"), b"Install the tool.\n");
}

#[test]
fn a_killed_run_s_temporary_file_is_removed_by_the_next_writer_and_no_other_file() {
    let r = Repo::with_defaults();
    r.write("docs/a.md", "Install the the tool.\n")
        .commit("init");
    let old = r.root.join("docs/.docreview-fix-Ab12Cd.tmp");
    fs::write(&old, "half a file").expect("write");
    let f = fs::File::options().write(true).open(&old).expect("open");
    f.set_modified(SystemTime::now() - Duration::from_secs(3600))
        .expect("age it");
    drop(f);
    // Not a fix's: the user's own, and docreview's baseline or config being written right now.
    let other = r.root.join("docs/notes.tmp");
    fs::write(&other, "mine").expect("write");
    let baseline = r.root.join("docs/.docreview-Zz99Yy.tmp");
    fs::write(&baseline, "being written").expect("write");
    let o = r.run(&["apply", "--all"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert!(!old.exists(), "the leftover is gone");
    assert!(other.exists() && baseline.exists());
    assert_eq!(r.read("docs/a.md"), b"Install the tool.\n");
}

#[test]
fn a_journal_line_torn_by_a_crash_is_skipped_with_a_notice() {
    let r = Repo::with_defaults();
    r.write("a.md", "Install the the tool.\n").commit("init");
    let journal = r.root.join(".git/docreview/journal.jsonl");
    fs::create_dir_all(journal.parent().expect("parent")).expect("dir");
    // The last write stopped in the middle of a line, and of a multi-byte character.
    fs::write(&journal, b"{\"time\":1,\"decision\":\"acc\xc3").expect("write");
    let o = r.run(&["apply", "--accepted"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert!(
        o.stderr
            .contains("skipped 1 unreadable line of the journal"),
        "{}",
        o.stderr
    );
    assert!(o.stdout.contains("No accepted fixes wait"), "{}", o.stdout);
    assert_eq!(r.read("a.md"), b"Install the the tool.\n");
}

/// The review screen's terminal after it ended: out of the alternate screen, lines edited and echoed
/// again, and the doc as it was.
fn assert_restored(s: &pty::Screen, r: &Repo, text: &[u8]) {
    let raw = s.raw();
    let entered = raw.rfind("\x1b[?1049h").expect("the screen was entered");
    assert!(
        raw[entered..].contains("\x1b[?1049l"),
        "the alternate screen was left"
    );
    assert!(s.cooked(), "the terminal is out of raw mode");
    assert_eq!(r.read("a.md"), text);
}

#[test]
fn the_terminal_is_restored_after_a_panic_in_the_review_screen() {
    let r = Repo::with_defaults();
    r.write("a.md", "x\n").commit("init");
    r.write("a.md", "Install the the tool.\n");
    let mut s = pty::Screen::start_env(&r, &["review"], 100, 30, &[("DOCREVIEW_TEST_PANIC", "1")]);
    let status = s.wait_exit();
    assert!(!status.success());
    assert!(s.raw().contains("panics on purpose"), "{}", s.raw());
    assert_restored(&s, &r, b"Install the the tool.\n");
}

#[test]
fn the_review_screen_closes_cleanly_on_sigterm_and_sighup() {
    use nix::sys::signal::Signal;
    for signal in [Signal::SIGTERM, Signal::SIGHUP] {
        let r = Repo::with_defaults();
        r.write("a.md", "x\n").commit("init");
        r.write("a.md", "Install the the tool.\n");
        let mut s = pty::Screen::start(&r, &["review"], 100, 30);
        s.wait_for("the finding", |s| s.text().contains("[1/1]"));
        s.signal(signal);
        s.wait_exit();
        assert_restored(&s, &r, b"Install the the tool.\n");
    }
}
