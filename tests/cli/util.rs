//! What every end-to-end test uses: the binary, temporary git repositories isolated from the user's git
//! configuration, the output of a run, and the binary in a pseudo-terminal.

use git2::{IndexAddOption, Repository, Signature};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use tempfile::TempDir;

pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_docreview");

/// The guideline's four examples.
pub(crate) const GUIDELINE: &str = "# Tuning\n\nINC allows automatically find better solution.\n\n\
It will find operator which mostly influence accuracy drops.\n\n\
With int8 there is tiny accuracy drop.\n\nBuild with ONEDNN enabled.\n";

pub(crate) struct Out {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Out {
    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", self.stdout, self.stderr))
    }

    /// (path, rule, text) of every finding in JSON output.
    pub(crate) fn findings(&self) -> Vec<(String, String, String)> {
        self.json()["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| {
                (
                    f["path"].as_str().expect("path").to_owned(),
                    f["rule"].as_str().expect("rule").to_owned(),
                    f["text"].as_str().expect("text").to_owned(),
                )
            })
            .collect()
    }

    pub(crate) fn texts(&self) -> Vec<String> {
        self.findings().into_iter().map(|f| f.2).collect()
    }

    /// The path of every finding in JSON output, in order.
    pub(crate) fn paths(&self) -> Vec<String> {
        self.findings().into_iter().map(|f| f.0).collect()
    }
}

pub(crate) fn run_in(dir: &Path, home: &Path, args: &[&str]) -> Out {
    run_in_env(dir, home, args, &[])
}

/// The binary with `args`, run in `dir` with `home` as its home and no user or system git config.
pub(crate) fn command(dir: &Path, home: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.args(args)
        .current_dir(dir)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("NO_COLOR", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .stdin(Stdio::null());
    c
}

/// [`run_in`] with more environment variables.
pub(crate) fn run_in_env(dir: &Path, home: &Path, args: &[&str], env: &[(&str, &str)]) -> Out {
    let o = command(dir, home, args)
        .envs(env.iter().copied())
        .output()
        .expect("run docreview");
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// A temporary git repository with a small vocabulary for tests.
pub(crate) struct Repo {
    pub(crate) _tmp: TempDir,
    pub(crate) root: PathBuf,
    pub(crate) home: PathBuf,
    pub(crate) git: Repository,
    /// Its `.docreview.toml` always turns on [`TEST_RULES`].
    pub(crate) test_rules: bool,
}

/// Rules that are off by default (below the precision gate) but that these tests use to exercise the
/// commands: a repository made by [`Repo::new`] turns them on in its `.docreview.toml`.
pub(crate) const TEST_RULES: &str = "\"terminology\" = \"on\"\n\"grammar.allow-to\" = \"on\"\n\
    \"grammar.agreement\" = \"on\"\n\"grammar.gerund\" = \"on\"\n\"consistency\" = \"on\"\n\
    \"links.tracking\" = \"on\"\n\"markup.inline-code\" = \"on\"\n\"spelling.unknown-word\" = \"on\"\n";

impl Repo {
    /// A repository whose config turns on [`TEST_RULES`] (a test's own `.docreview.toml` keeps them).
    pub(crate) fn new() -> Repo {
        let mut r = Repo::with_defaults();
        r.test_rules = true;
        r.write(".docreview.toml", "");
        r
    }

    /// A repository with docreview's default rules only.
    pub(crate) fn with_defaults() -> Repo {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = tmp.path().join("repo");
        let home = tmp.path().join("home");
        fs::create_dir_all(&home).expect("home");
        let git = Repository::init(&root).expect("init");
        isolate(&git, &home);
        Repo {
            _tmp: tmp,
            root,
            home,
            git,
            test_rules: false,
        }
    }

    pub(crate) fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub(crate) fn write(&self, rel: &str, text: &str) -> &Repo {
        if rel == ".docreview.toml" && self.test_rules {
            // The test's own lines win over the ones it repeats.
            let own: Vec<&str> = text.lines().collect();
            let base: String = TEST_RULES
                .lines()
                .filter(|l| {
                    let key = l.split('=').next().unwrap_or("").trim();
                    !own.iter()
                        .any(|o| o.split('=').next().unwrap_or("").trim() == key)
                })
                .map(|l| format!("{l}\n"))
                .collect();
            let config = match text.find("[rules]\n") {
                Some(i) => format!("{}[rules]\n{base}{}", &text[..i], &text[i + 8..]),
                None => format!("{text}\n[rules]\n{base}"),
            };
            return self.write_bytes(rel, config.as_bytes());
        }
        self.write_bytes(rel, text.as_bytes())
    }

    pub(crate) fn write_bytes(&self, rel: &str, bytes: &[u8]) -> &Repo {
        let p = self.path(rel);
        fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        fs::write(p, bytes).expect("write");
        self
    }

    pub(crate) fn read(&self, rel: &str) -> Vec<u8> {
        fs::read(self.path(rel)).expect("read")
    }

    pub(crate) fn stage_all(&self) -> &Repo {
        let mut index = self.git.index().expect("index");
        index
            .add_all(["*"], IndexAddOption::DEFAULT, None)
            .expect("add");
        index.update_all(["*"], None).expect("update");
        index.write().expect("write index");
        self
    }

    pub(crate) fn stage(&self, rel: &str) -> &Repo {
        let mut index = self.git.index().expect("index");
        index.add_path(Path::new(rel)).expect("add");
        index.write().expect("write index");
        self
    }

    pub(crate) fn commit(&self, msg: &str) -> &Repo {
        self.stage_all();
        let mut index = self.git.index().expect("index");
        let tree = self
            .git
            .find_tree(index.write_tree().expect("tree"))
            .expect("tree");
        let sig = Signature::now("Test", "test@example.invalid").expect("sig");
        let parents: Vec<git2::Commit<'_>> = self
            .git
            .head()
            .ok()
            .and_then(|h| h.peel_to_commit().ok())
            .into_iter()
            .collect();
        let parent_refs: Vec<&git2::Commit<'_>> = parents.iter().collect();
        self.git
            .commit(Some("HEAD"), &sig, &sig, msg, &tree, &parent_refs)
            .expect("commit");
        self
    }

    pub(crate) fn branch(&self, name: &str) -> &Repo {
        let head = self
            .git
            .head()
            .expect("head")
            .peel_to_commit()
            .expect("commit");
        self.git.branch(name, &head, false).expect("branch");
        self
    }

    pub(crate) fn run(&self, args: &[&str]) -> Out {
        run_in(&self.root, &self.home, args)
    }

    /// Runs docreview with its cache turned off.
    pub(crate) fn run_uncached(&self, args: &[&str]) -> Out {
        run_in_env(&self.root, &self.home, args, &[("DOCREVIEW_NO_CACHE", "1")])
    }

    pub(crate) fn check_json(&self, extra: &[&str]) -> Out {
        let mut args = vec!["check", "--format", "json"];
        args.extend_from_slice(extra);
        self.run(&args)
    }
}

pub(crate) mod pty {
    use super::*;
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    /// The binary running in a pseudo-terminal, with everything it printed so far.
    pub struct Screen {
        child: Box<dyn portable_pty::Child + Send + Sync>,
        writer: Box<dyn Write + Send>,
        output: Arc<Mutex<Vec<u8>>>,
        reader: std::thread::JoinHandle<()>,
        _master: Box<dyn portable_pty::MasterPty + Send>,
        rows: u16,
        cols: u16,
    }

    impl Screen {
        pub fn start(repo: &Repo, args: &[&str], cols: u16, rows: u16) -> Screen {
            Screen::start_env(repo, args, cols, rows, &[])
        }

        /// [`Screen::start`] with more environment variables.
        pub fn start_env(
            repo: &Repo,
            args: &[&str],
            cols: u16,
            rows: u16,
            env: &[(&str, &str)],
        ) -> Screen {
            let pair = native_pty_system()
                .openpty(PtySize {
                    rows,
                    cols,
                    pixel_width: 0,
                    pixel_height: 0,
                })
                .expect("pty");
            let mut cmd = CommandBuilder::new(BIN);
            cmd.args(args);
            cmd.cwd(&repo.root);
            cmd.env("HOME", &repo.home);
            cmd.env("XDG_CONFIG_HOME", repo.home.join(".config"));
            cmd.env("DOCREVIEW_CONFIG_DIR", repo.home.join("docreview-config"));
            cmd.env("GIT_CONFIG_NOSYSTEM", "1");
            cmd.env("TERM", "xterm-256color");
            cmd.env("NO_COLOR", "1");
            cmd.env_remove("VISUAL");
            cmd.env_remove("EDITOR");
            for (k, v) in env {
                cmd.env(k, v);
            }
            let child = pair.slave.spawn_command(cmd).expect("spawn in pty");
            drop(pair.slave);
            let mut reader = pair.master.try_clone_reader().expect("reader");
            let writer = pair.master.take_writer().expect("writer");
            let output = Arc::new(Mutex::new(Vec::new()));
            let sink = output.clone();
            let reader = std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n) = reader.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    if let Ok(mut o) = sink.lock() {
                        o.extend_from_slice(&buf[..n]);
                    }
                }
            });
            Screen {
                child,
                writer,
                output,
                reader,
                _master: pair.master,
                rows,
                cols,
            }
        }

        /// Everything the program wrote, escape sequences included.
        pub fn raw(&self) -> String {
            String::from_utf8_lossy(&self.output.lock().map(|o| o.clone()).unwrap_or_default())
                .into_owned()
        }

        /// The screen as a person sees it now (a terminal emulator replays the output).
        pub fn text(&self) -> String {
            let bytes = self.output.lock().map(|o| o.clone()).unwrap_or_default();
            let size = |n: u16| std::num::NonZero::new(n.max(1)).expect("at least 1");
            let mut parser = vt100::Parser::new(size(self.rows), size(self.cols), 0);
            parser.process(&bytes);
            parser.screen().contents()
        }

        /// Waits until `cond` holds, or fails with what the screen showed.
        pub fn wait_for(&self, what: &str, cond: impl Fn(&Screen) -> bool) {
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(15) {
                if cond(self) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            panic!(
                "timed out waiting for {what}; the terminal showed:\n{}",
                self.text()
            );
        }

        pub fn press(&mut self, keys: &str) {
            self.writer.write_all(keys.as_bytes()).expect("type");
            self.writer.flush().expect("flush");
        }

        /// Sends the program a signal, as `kill` would.
        pub fn signal(&self, signal: nix::sys::signal::Signal) {
            let pid = self.child.process_id().expect("pid");
            let pid = nix::unistd::Pid::from_raw(i32::try_from(pid).expect("a pid"));
            nix::sys::signal::kill(pid, signal).expect("kill");
        }

        /// Is the terminal back in its ordinary mode (lines edited and echoed), as a shell needs it?
        pub fn cooked(&self) -> bool {
            use nix::sys::termios::LocalFlags;
            self._master.get_termios().is_some_and(|t| {
                t.local_flags.contains(LocalFlags::ICANON)
                    && t.local_flags.contains(LocalFlags::ECHO)
            })
        }

        pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(15) {
                if let Ok(Some(status)) = self.child.try_wait() {
                    // Everything it wrote, read to the end, before anyone looks at it.
                    let drained = Instant::now();
                    while !self.reader.is_finished() && drained.elapsed() < Duration::from_secs(5) {
                        std::thread::sleep(Duration::from_millis(10));
                    }
                    return status;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = self.child.kill();
            panic!(
                "the review screen did not exit; it showed:\n{}",
                self.text()
            );
        }
    }

    impl Drop for Screen {
        fn drop(&mut self) {
            let _ = self.child.kill();
        }
    }
}

pub(crate) fn repo_with_mistakes() -> Repo {
    let r = Repo::new();
    r.write("docs/a.md", "x\n")
        .write("docs/b.md", "y\n")
        .commit("init");
    r.write(
        "docs/a.md",
        "# Guide\n\nHosted on Github; install the the tool.\n\nWait a hour, Über Gitlab.\n",
    );
    r.write(
        "docs/b.md",
        "INC allows automatically find better solution.\n",
    );
    r
}

/// (rule, text, replacements) of every finding in JSON output.
pub(crate) fn findings_with_fixes(o: &Out) -> Vec<(String, String, Vec<String>)> {
    o.json()["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let fixes = f["replacements"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|r| r.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            (
                f["rule"].as_str().expect("rule").to_owned(),
                f["text"].as_str().expect("text").to_owned(),
                fixes,
            )
        })
        .collect()
}

pub(crate) fn spelling_words(o: &Out) -> Vec<String> {
    findings_with_fixes(o)
        .into_iter()
        .filter(|f| f.0.starts_with("spelling."))
        .map(|f| f.1)
        .collect()
}

pub(crate) const GUIDELINE_FILE: &str = "---
title: Name products exactly
description: Spell product and library names the way their owners do.
repository: example/widgets
label: Documentation
language: Markdown
---
Key practices:
1. Use the owners' spelling:
   - Incorrect: \"the GITHUB API\"
   - Correct: \"the GitHub API\"
2. Keep names consistent (e.g., Node.js not NodeJS).

[ { \"discussion_id\": \"1\", \"pr_number\": 7, \"pr_file\": \"docs/intro.md\", \"created_at\": \"2024-01-02T03:04:05Z\",
    \"commented_code\": \"@@ -1,3 +1,3 @@\\n # Intro\\n-old\\n+Call the GITHUB API first.\",
    \"discussion_comments\": [ { \"comment_id\": \"1\", \"comment_author\": \"someone\",
       \"comment_body\": \"```suggestion\\nCall the GitHub API first.\\n```\" } ] },
  { \"discussion_id\": \"2\", \"pr_number\": 8, \"pr_file\": \"docs/setup.md\",
    \"commented_code\": \"@@ -4,2 +4,2 @@\\n Setup\\n+Install it with NodeJS 20 and run it.\",
    \"discussion_comments\": [ { \"comment_id\": \"2\", \"comment_author\": \"other\",
       \"comment_body\": \"Name and wording.\\n```suggestion\\nInstall it with Node.js 20, then run it.\\n```\" } ] },
  { \"discussion_id\": \"3\", \"pr_number\": 9, \"pr_file\": \"docs/x.md\",
    \"commented_code\": \"@@ -1,1 +1,1 @@\\n+This section explains things.\",
    \"discussion_comments\": [ { \"comment_id\": \"3\", \"comment_author\": \"third\",
       \"comment_body\": \"```suggestion\\nThis section explains the setup.\\n```\" } ] } ]
";

/// A GitHub review comment with a suggestion (the pulls/N/comments shape).
pub(crate) fn review_comment(
    path: &str,
    hunk: &str,
    line: usize,
    start: Option<usize>,
    body: &str,
    author: &str,
    at: &str,
) -> Value {
    serde_json::json!({
        "path": path, "line": line, "start_line": start, "original_line": line,
        "diff_hunk": hunk, "body": body, "user": {"login": author},
        "html_url": format!("https://github.com/o/r/pull/1#discussion_r{line}"), "created_at": at,
    })
}

/// The binary runs with HOME in the temporary folder, so it never reads the user's git configuration;
/// the tests' own in-process git2 calls (add, commit) would. These repository settings override every
/// global setting that could change what a test writes or sees: line-ending conversion, a global
/// ignore file, hidden untracked files, the file mode.
fn isolate(git: &Repository, home: &Path) {
    let empty = home.join("no-global-ignores");
    fs::write(&empty, "").expect("empty ignore file");
    let mut config = git.config().expect("repository config");
    for (key, value) in [
        ("core.autocrlf", "false"),
        ("core.safecrlf", "false"),
        ("core.eol", "native"),
        ("core.filemode", "true"),
        ("status.showUntrackedFiles", "normal"),
    ] {
        config.set_str(key, value).expect("set config");
    }
    config
        .set_str("core.excludesFile", &empty.to_string_lossy())
        .expect("set config");
}
