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

/// A repository holding the first `docs` docs, committed.
fn tree(docs: usize) -> Repo {
    let r = Repo::with_defaults();
    for i in 0..docs {
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

/// Kills a writer at random moments (fixed seed), at least 50 times and until at least 5 kills landed
/// while docs were being written (at most 200 runs). `kill_after(ms)` starts a writer over the
/// tree's `docs` docs and kills it (SIGKILL) `ms` into its writing; after each kill every doc must be
/// its old text or its `fixed` one. A run that wrote everything starts over: `reset` puts back what
/// a writer reads (the old texts are written back here).
fn kill_repeatedly(
    r: &Repo,
    docs: usize,
    fixed: &[Vec<u8>],
    whole: Duration,
    mut kill_after: impl FnMut(u64),
    mut reset: impl FnMut(),
) {
    let mut rng = Rng(0x5eed_1234_abcd_0017);
    let (mut partial, mut runs) = (0, 0);
    while runs < 50 || (partial < 5 && runs < 200) {
        runs += 1;
        let at = rng.below(whole.as_millis() as u64 + 50);
        kill_after(at);
        let mut done = 0;
        for (i, fixed) in fixed.iter().enumerate().take(docs) {
            let now = r.read(&doc_path(i));
            if &now == fixed {
                done += 1;
            } else {
                assert_eq!(
                    now,
                    doc_text(i).as_bytes(),
                    "page {i} is neither its old nor its fixed text after a kill at {at} ms (run {runs})"
                );
            }
        }
        if done > 0 && done < docs {
            partial += 1;
        }
        if done == docs {
            for i in 0..docs {
                r.write(&doc_path(i), &doc_text(i));
            }
            reset();
        }
    }
    eprintln!("{partial} of {runs} kills landed while docs were being written");
    assert!(
        partial >= 5,
        "only {partial} of {runs} kills landed while docs were being written: the test tests nothing"
    );
}

/// Starts `args` without a terminal (and without the cache, so every run takes as long as the one
/// timed) and kills it after `ms`.
fn spawn_and_kill(r: &Repo, args: &[&str], ms: u64) {
    let mut child = command(&r.root, &r.home, args)
        .env("DOCREVIEW_NO_CACHE", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start docreview");
    std::thread::sleep(Duration::from_millis(ms));
    let _ = child.kill(); // SIGKILL: no chance to clean up
    let _ = child.wait();
}

/// How long `args` takes, unkilled and uncached, and what it leaves in the first `docs` docs.
fn reference_run(r: &Repo, args: &[&str], docs: usize) -> (Duration, Vec<Vec<u8>>) {
    let started = Instant::now();
    let o = run_in_env(&r.root, &r.home, args, &[("DOCREVIEW_NO_CACHE", "1")]);
    let whole = started.elapsed();
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    let fixed: Vec<Vec<u8>> = (0..docs).map(|i| r.read(&doc_path(i))).collect();
    for (i, text) in fixed.iter().enumerate() {
        assert_ne!(
            text,
            doc_text(i).as_bytes(),
            "the reference run fixed page {i}"
        );
    }
    (whole, fixed)
}

#[test]
fn apply_killed_at_random_moments_leaves_each_doc_old_or_fixed_and_the_next_run_finishes() {
    let args: Vec<&str> = ["apply", "--all"].into_iter().chain(RULES).collect();
    let (whole, fixed) = reference_run(&tree(DOCS), &args, DOCS);
    let r = tree(DOCS);
    kill_repeatedly(
        &r,
        DOCS,
        &fixed,
        whole,
        |ms| spawn_and_kill(&r, &args, ms),
        || {},
    );
    // The next run finishes the job and removes what killed runs left behind.
    let o = r.run(&args);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    for (i, text) in fixed.iter().enumerate() {
        assert_eq!(&r.read(&doc_path(i)), text, "page {i}");
    }
    assert_eq!(leftovers(&r.root.join("docs")), Vec::<PathBuf>::new());
}

/// Accepts every finding of the tree in a deferred review (nothing written) and returns the journal
/// that records them.
fn defer_everything(r: &Repo, findings: usize) -> Vec<u8> {
    let mut args = vec!["review", "--all", "--defer"];
    args.extend(RULES);
    let mut s = pty::Screen::start(r, &args, 120, 35);
    s.wait_for("the findings", |s| {
        s.text().contains(&format!("[1/{findings}]"))
    });
    s.press("A");
    s.wait_for("the bulk question", |s| s.text().contains("Accept in bulk"));
    s.press("e");
    s.wait_for("everything chosen", |s| {
        s.text().contains(&format!("accept {findings}"))
    });
    s.press("\r");
    s.wait_for("all accepted", |s| {
        s.text().contains(&format!("✓{findings}"))
    });
    s.press("q");
    s.wait_for("the quit question", |s| {
        s.text().contains("not written yet")
    });
    s.press("n");
    assert!(s.wait_exit().success());
    fs::read(r.root.join(".git/docreview/journal.jsonl")).expect("the journal")
}

#[test]
fn apply_accepted_killed_at_random_moments_leaves_each_doc_old_or_fixed_and_the_next_run_finishes()
{
    const N: usize = 200;
    let args = ["apply", "--accepted"];
    let reference = tree(N);
    defer_everything(&reference, 4 * N);
    let (whole, fixed) = reference_run(&reference, &args, N);
    let r = tree(N);
    let journal = defer_everything(&r, 4 * N);
    let journal_path = r.root.join(".git/docreview/journal.jsonl");
    kill_repeatedly(
        &r,
        N,
        &fixed,
        whole,
        |ms| spawn_and_kill(&r, &args, ms),
        || fs::write(&journal_path, &journal).expect("the deferred journal again"),
    );
    // The next run writes what is left; the journal then knows every accepted fix is written.
    let o = r.run(&args);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    for (i, text) in fixed.iter().enumerate() {
        assert_eq!(&r.read(&doc_path(i)), text, "page {i}");
    }
    assert_eq!(leftovers(&r.root.join("docs")), Vec::<PathBuf>::new());
    let o = r.run(&args);
    assert!(
        o.stdout.contains("No accepted fixes wait"),
        "{}{}",
        o.stdout,
        o.stderr
    );
}

#[test]
fn the_review_screen_killed_while_accepting_leaves_each_doc_old_or_fixed() {
    const N: usize = 160;
    let mut args = vec!["review", "--all"];
    args.extend(RULES);
    // Accepts everything at once (each fix written as it is accepted); `kill` after `ms`, or waits
    // until all is written and returns how long that took.
    let accept_all = |r: &Repo, kill: Option<u64>| -> Duration {
        // Each run reviews what is left as if for the first time (a killed run's decisions would
        // hide findings its kill kept from being written).
        let _ = fs::remove_file(r.root.join(".git/docreview/journal.jsonl"));
        let mut s = pty::Screen::start(r, &args, 120, 35);
        s.wait_for("the findings", |s| s.text().contains("[1/"));
        let text = s.text();
        let count = text
            .split("[1/")
            .nth(1)
            .and_then(|t| t.split(']').next())
            .expect("the findings' count")
            .to_owned();
        s.press("A");
        s.wait_for("the bulk question", |s| s.text().contains("Accept in bulk"));
        s.press("e");
        s.wait_for("everything chosen", |s| {
            s.text().contains(&format!("accept {count}"))
        });
        s.press("\r");
        let started = Instant::now();
        match kill {
            Some(ms) => {
                std::thread::sleep(Duration::from_millis(ms));
                s.signal(nix::sys::signal::Signal::SIGKILL);
                s.wait_exit();
            }
            None => {
                s.wait_for("all accepted", |s| s.text().contains(&format!("✓{count}")));
                s.press("q");
                assert!(s.wait_exit().success());
            }
        }
        started.elapsed()
    };
    let reference = tree(N);
    let whole = accept_all(&reference, None);
    let fixed: Vec<Vec<u8>> = (0..N).map(|i| reference.read(&doc_path(i))).collect();
    assert!(
        fixed
            .iter()
            .enumerate()
            .all(|(i, t)| t != doc_text(i).as_bytes())
    );
    let r = tree(N);
    kill_repeatedly(
        &r,
        N,
        &fixed,
        whole,
        |ms| {
            accept_all(&r, Some(ms));
        },
        || {},
    );
    // The next run (batch) finishes the job and removes what killed runs left behind.
    let mut apply = vec!["apply", "--all"];
    apply.extend(RULES);
    let o = r.run(&apply);
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

/// A small tmpfs mounted over `dir` for a test, unmounted when dropped. Mounting needs root (CI runs
/// as root); elsewhere [`Tmpfs::mount`] gives `None` and the test says it was skipped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        fs::create_dir_all(dir).expect("mount point");
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Tmpfs(dir.to_owned()))
    }

    /// Mounts it again with `options` (`ro`: read-only, as a read-only mount or a locked-down share
    /// is; `size=1m`: room again).
    fn remount(&self, options: &str) {
        let ok = std::process::Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(&self.0)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "remount {options}");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.0)
            .status();
    }
}

/// A doc of about 40 KB with one fix near its end.
fn big_doc() -> String {
    let mut text = String::from("# Big\n\n");
    while text.len() < 40_000 {
        text.push_str("A line of plain prose that needs nothing at all.\n\n");
    }
    text.push_str("Install the the tool.\n");
    text
}

#[test]
fn a_full_disk_leaves_the_doc_as_it_was_and_the_other_docs_are_still_fixed() {
    let r = Repo::with_defaults();
    let Some(disk) = Tmpfs::mount(&r.root.join("docs"), "64k") else {
        eprintln!("skipped: a small tmpfs cannot be mounted here (needs root)");
        return;
    };
    let big = big_doc();
    r.write("docs/big.md", &big)
        .write("docs/small.md", "Install the the tool.\n")
        .commit("docs");
    // The fixed big doc cannot be written beside the old one: 2 x 40 KB on a 64 KB disk.
    let o = r.run(&["apply", "--all"]);
    assert_eq!(o.code, 2, "{}{}", o.stdout, o.stderr);
    assert!(
        o.stdout
            .contains("error: docs/big.md: not written: No space left on device"),
        "{}{}",
        o.stdout,
        o.stderr
    );
    assert_eq!(
        r.read("docs/big.md"),
        big.as_bytes(),
        "the doc is as it was"
    );
    assert_eq!(r.read("docs/small.md"), b"Install the tool.\n");
    assert_eq!(leftovers(&r.root.join("docs")), Vec::<PathBuf>::new());
    // With room again, the next run writes it.
    disk.remount("size=1m");
    let o = r.run(&["apply", "--all"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert!(String::from_utf8_lossy(&r.read("docs/big.md")).ends_with("Install the tool.\n"));
}

#[test]
fn a_read_only_folder_is_refused_with_one_line_and_nothing_is_written() {
    let r = Repo::with_defaults();
    let disk = Tmpfs::mount(&r.root.join("docs"), "1m");
    r.write("docs/a.md", "Install the the tool.\n")
        .write("b.md", "Install the the tool.\n")
        .commit("docs");
    // As root only a read-only file system stops a write; otherwise the folder's permissions do.
    let unlock = match &disk {
        Some(d) => {
            d.remount("ro");
            None
        }
        None => {
            use std::os::unix::fs::PermissionsExt;
            let docs = r.root.join("docs");
            fs::set_permissions(&docs, fs::Permissions::from_mode(0o555)).expect("chmod");
            if fs::write(docs.join("probe"), "x").is_ok() {
                eprintln!("skipped: this user can write into a read-only folder");
                return;
            }
            Some(docs)
        }
    };
    let o = r.run(&["apply", "--all"]);
    assert_eq!(o.code, 2, "{}{}", o.stdout, o.stderr);
    let line = o
        .stdout
        .lines()
        .find(|l| l.starts_with("error: docs/a.md: not written: "))
        .unwrap_or_else(|| panic!("no error line: {}{}", o.stdout, o.stderr));
    assert!(
        line.contains("Read-only file system") || line.contains("Permission denied"),
        "{line}"
    );
    assert_eq!(r.read("docs/a.md"), b"Install the the tool.\n");
    assert_eq!(
        r.read("b.md"),
        b"Install the tool.\n",
        "the writable doc is fixed"
    );
    if let Some(docs) = unlock {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&docs, fs::Permissions::from_mode(0o755)).expect("chmod back");
    }
}

#[test]
fn every_malformed_input_stops_with_one_located_line_and_writes_nothing() {
    // (file, its bytes, the command, what the error line says after "error: " and the path's start)
    let cases: [(&str, &[u8], &[&str], &str); 9] = [
        (".docreview.toml", b"[rules]\n\"grammar\" = \n", &["apply", "--all"], ".docreview.toml:2:13: "),
        (".docreview.toml", b"\xff\xfe[rules]\n", &["apply", "--all"], ".docreview.toml:1:1: not UTF-8 text"),
        (
            ".vale.ini",
            b"[*]\nBasedOnStyles = Vale\nMinAlertLevel = error\n",
            &["apply", "--all"],
            ".vale.ini:3: `MinAlertLevel` is a core option",
        ),
        (
            "review/g.md",
            b"---\ntitle: T\n---\nIncorrect: the the\nCorrect: the\n\n[ {\"discussion_id\": 1,\n  oops } ]\n",
            &["apply", "--all", "--guideline", "review/g.md"],
            "review/g.md:8:3: the discussions are not valid JSON: key must be a string",
        ),
        (
            "review/g.md",
            b"---\ntitle: T\nIncorrect: the the\n",
            &["apply", "--all", "--guideline", "review/g.md"],
            "review/g.md:1:1: the front matter has no closing \"---\" line",
        ),
        (
            "review/g.md",
            b"---\ntitle: \xff\n---\n",
            &["apply", "--all", "--guideline", "review/g.md"],
            "review/g.md: not UTF-8 text",
        ),
        (
            "s.json",
            b"[{\"body\": ",
            &["apply", "--suggestions", "s.json"],
            "s.json:1:10: not valid JSON: EOF while parsing a value",
        ),
        (
            "s.json",
            b"{\"body\": 1}",
            &["apply", "--suggestions", "s.json"],
            "s.json: expected a JSON list of review comments",
        ),
        (
            ".docreview-baseline.json",
            b"{\"version\": 1, \"findings\": [}",
            &["apply", "--all"],
            ".docreview-baseline.json:1:29: not a docreview baseline: expected value",
        ),
    ];
    for (file, bytes, args, says) in cases {
        let r = Repo::with_defaults();
        r.write("a.md", "Install the the tool.\n").commit("init");
        r.write_bytes(file, bytes);
        let o = r.run(args);
        assert_eq!(o.code, 2, "{file}: {}{}", o.stdout, o.stderr);
        let first = o.stderr.lines().next().unwrap_or_default();
        let located = first
            .strip_prefix("error: ")
            .and_then(|l| l.find(says).map(|at| &l[..at]))
            .unwrap_or_else(|| panic!("{file}: expected \"{says}\" in: {}", o.stderr));
        assert!(
            located.is_empty() || located.ends_with('/'),
            "{file}: the line starts with the file's path: {first}"
        );
        // One line (a Vale setup adds how to turn it off).
        let lines = o.stderr.lines().count();
        assert!(
            lines == 1 || (file == ".vale.ini" && lines == 2),
            "{file}: {}",
            o.stderr
        );
        assert_eq!(
            r.read("a.md"),
            b"Install the the tool.\n",
            "{file}: nothing written"
        );
        assert!(o.stdout.is_empty(), "{file}: {}", o.stdout);
    }
}

#[test]
fn odd_files_among_the_docs_are_skipped_with_a_notice_and_the_rest_is_fixed() {
    use std::os::unix::ffi::OsStrExt;
    let r = Repo::with_defaults();
    r.write("docs/a.md", "Install the the tool.\n")
        .commit("init");
    let docs = r.root.join("docs");
    let fifo = std::process::Command::new("mkfifo")
        .arg(docs.join("fifo.md"))
        .status()
        .expect("mkfifo");
    assert!(fifo.success());
    let odd_name = docs.join(std::ffi::OsStr::from_bytes(b"bad\xffname.md"));
    fs::write(&odd_name, "Install the the tool.\n").expect("odd name");
    fs::write(
        docs.join("big.md"),
        "Install the the tool.\n".repeat(250_000),
    )
    .expect("big");
    std::os::unix::fs::symlink("/dev/zero", docs.join("zero.md")).expect("symlink");
    for args in [
        &["apply", "docs"][..],
        &["check", "docs/fifo.md", "/dev/zero"],
    ] {
        // A FIFO or a device read as a file would never end: the run must.
        let mut child = command(&r.root, &r.home, args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start");
        let started = Instant::now();
        while child.try_wait().expect("wait").is_none() {
            if started.elapsed() > Duration::from_secs(30) {
                let _ = child.kill();
                panic!("{args:?} hung on an odd file");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let o = child.wait_with_output().expect("output");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {stderr}");
        let expected: &[&str] = if args[0] == "apply" {
            &[
                "skipping docs/bad\u{fffd}name.md: the name is not UTF-8",
                "skipping docs/big.md: larger than 5 MB",
                "skipping docs/zero.md: symlink to /dev/zero, outside the repository",
            ]
        } else {
            &[
                "skipping docs/fifo.md: not a regular file",
                "skipping /dev/zero: not a regular file",
            ]
        };
        for notice in expected {
            assert!(
                stderr.contains(notice),
                "{args:?}: no \"{notice}\" in {stderr}"
            );
        }
    }
    assert_eq!(r.read("docs/a.md"), b"Install the tool.\n");
    assert_eq!(
        fs::read(&odd_name).expect("read"),
        b"Install the the tool.\n"
    );
}

#[test]
fn a_doc_of_one_five_megabyte_line_is_checked_and_fixed_in_bounded_time() {
    let r = Repo::with_defaults();
    // Just under the 5 MB limit, one line, no line break at all; one doubled word near its end.
    let sentence = "Plain words go on and on without a break here. ";
    let mut text = sentence.repeat(4_900_000 / sentence.len());
    text.push_str("Install the the tool.");
    r.write("long.md", &text).commit("init");
    let started = Instant::now();
    let o = r.run_uncached(&["apply", "--all"]);
    let took = started.elapsed();
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert!(o.stdout.contains("Fixed 1 finding"), "{}", o.stdout);
    let fixed = r.read("long.md");
    assert_eq!(fixed.len(), text.len() - 4);
    assert!(fixed.ends_with(b"Install the tool."));
    // Minutes would mean a parse that grows faster than the text (it once did).
    assert!(took < Duration::from_secs(120), "took {took:?}");
}

#[test]
fn accepted_fixes_found_already_written_are_recorded_not_reported_outdated() {
    // A run killed between writing a file and recording it leaves the file fixed and the journal
    // unaware; the same fixes made another way look alike.
    let r = tree(2);
    defer_everything(&r, 8);
    let mut apply: Vec<&str> = vec!["apply", "--all"];
    apply.extend(RULES);
    assert_eq!(r.run(&apply).code, 0);
    let fixed: Vec<Vec<u8>> = (0..2).map(|i| r.read(&doc_path(i))).collect();
    let o = r.run(&["apply", "--accepted"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert!(!o.stdout.contains("outdated"), "{}", o.stdout);
    assert_eq!(
        (0..2).map(|i| r.read(&doc_path(i))).collect::<Vec<_>>(),
        fixed
    );
    let o = r.run(&["apply", "--accepted"]);
    assert!(o.stdout.contains("No accepted fixes wait"), "{}", o.stdout);
}
