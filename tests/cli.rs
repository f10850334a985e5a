//! End-to-end tests: the real `docreview` binary against real temporary git repositories, isolated from
//! the user's git configuration (HOME points into the temporary folder, system config is off).

use git2::{IndexAddOption, Repository, Signature};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_docreview");

/// The guideline's four examples.
const GUIDELINE: &str = "# Tuning\n\nINC allows automatically find better solution.\n\n\
It will find operator which mostly influence accuracy drops.\n\n\
With int8 there is tiny accuracy drop.\n\nBuild with ONEDNN enabled.\n";

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Out {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", self.stdout, self.stderr))
    }

    /// (path, rule, text) of every finding in JSON output.
    fn findings(&self) -> Vec<(String, String, String)> {
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

    fn texts(&self) -> Vec<String> {
        self.findings().into_iter().map(|f| f.2).collect()
    }
}

fn run_in(dir: &Path, home: &Path, args: &[&str]) -> Out {
    run_in_env(dir, home, args, &[])
}

/// [`run_in`] with more environment variables.
fn run_in_env(dir: &Path, home: &Path, args: &[&str], env: &[(&str, &str)]) -> Out {
    let o = Command::new(BIN)
        .args(args)
        .envs(env.iter().copied())
        .current_dir(dir)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("NO_COLOR", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .stdin(Stdio::null())
        .output()
        .expect("run docreview");
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// A temporary git repository with a small vocabulary for tests.
struct Repo {
    _tmp: TempDir,
    root: PathBuf,
    home: PathBuf,
    git: Repository,
    /// Its `.docreview.toml` always turns on [`TEST_RULES`].
    test_rules: bool,
}

/// Rules that are off by default (below the precision gate) but that these tests use to exercise the
/// commands: a repository made by [`Repo::new`] turns them on in its `.docreview.toml`.
const TEST_RULES: &str = "\"terminology\" = \"on\"\n\"grammar.allow-to\" = \"on\"\n\
    \"grammar.agreement\" = \"on\"\n\"grammar.gerund\" = \"on\"\n\"consistency\" = \"on\"\n\
    \"links.tracking\" = \"on\"\n\"markup.inline-code\" = \"on\"\n\"spelling.unknown-word\" = \"on\"\n";

impl Repo {
    /// A repository whose config turns on [`TEST_RULES`] (a test's own `.docreview.toml` keeps them).
    fn new() -> Repo {
        let mut r = Repo::with_defaults();
        r.test_rules = true;
        r.write(".docreview.toml", "");
        r
    }

    /// A repository with docreview's default rules only.
    fn with_defaults() -> Repo {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = tmp.path().join("repo");
        let home = tmp.path().join("home");
        fs::create_dir_all(&home).expect("home");
        let git = Repository::init(&root).expect("init");
        Repo {
            _tmp: tmp,
            root,
            home,
            git,
            test_rules: false,
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn write(&self, rel: &str, text: &str) -> &Repo {
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

    fn write_bytes(&self, rel: &str, bytes: &[u8]) -> &Repo {
        let p = self.path(rel);
        fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        fs::write(p, bytes).expect("write");
        self
    }

    fn read(&self, rel: &str) -> Vec<u8> {
        fs::read(self.path(rel)).expect("read")
    }

    fn stage_all(&self) -> &Repo {
        let mut index = self.git.index().expect("index");
        index
            .add_all(["*"], IndexAddOption::DEFAULT, None)
            .expect("add");
        index.update_all(["*"], None).expect("update");
        index.write().expect("write index");
        self
    }

    fn stage(&self, rel: &str) -> &Repo {
        let mut index = self.git.index().expect("index");
        index.add_path(Path::new(rel)).expect("add");
        index.write().expect("write index");
        self
    }

    fn commit(&self, msg: &str) -> &Repo {
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

    fn branch(&self, name: &str) -> &Repo {
        let head = self
            .git
            .head()
            .expect("head")
            .peel_to_commit()
            .expect("commit");
        self.git.branch(name, &head, false).expect("branch");
        self
    }

    fn run(&self, args: &[&str]) -> Out {
        run_in(&self.root, &self.home, args)
    }

    /// Runs docreview with its cache turned off.
    fn run_uncached(&self, args: &[&str]) -> Out {
        run_in_env(&self.root, &self.home, args, &[("DOCREVIEW_NO_CACHE", "1")])
    }

    fn check_json(&self, extra: &[&str]) -> Out {
        let mut args = vec!["check", "--format", "json"];
        args.extend_from_slice(extra);
        self.run(&args)
    }
}

// ---- scope: which docs and lines -----------------------------------------------------------------

#[test]
fn guideline_examples_in_a_modified_doc() {
    let r = Repo::new();
    r.write("docs/tuning.md", "# Tuning\n").commit("init");
    r.write("docs/tuning.md", GUIDELINE);
    let o = r.check_json(&[]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let j = o.json();
    let f = j["findings"].as_array().expect("findings");
    let by_rule = |rule: &str| {
        f.iter()
            .find(|x| x["rule"] == rule)
            .unwrap_or_else(|| panic!("no {rule}: {j}"))
    };
    assert_eq!(
        by_rule("grammar.allow-to")["replacements"][0],
        "allows you to automatically find"
    );
    assert_eq!(
        by_rule("grammar.allow-to")["replacements"][1],
        "allows to automatically find"
    );
    assert_eq!(
        by_rule("grammar.article")["replacements"][0],
        "a tiny accuracy drop"
    );
    assert_eq!(
        by_rule("terminology.canonical")["replacements"][0],
        "oneDNN"
    );
    assert_eq!(by_rule("terminology.canonical")["text"], "ONEDNN");
}

#[test]
fn the_same_mistakes_in_code_inline_code_and_urls_produce_nothing() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    r.write(
        "a.md",
        "```\nINC allows automatically find better solution\nthere is tiny accuracy drop with ONEDNN\n```\n\n\
         Use `INC allows automatically find` and `there is tiny accuracy drop` and `ONEDNN`.\n\n\
         See https://example.com/ONEDNN/allows-automatically-find and <https://ONEDNN.example>.\n",
    );
    let o = r.check_json(&[]);
    assert_eq!(o.code, 0, "{}", o.stdout);
    assert!(o.findings().is_empty());
}

#[test]
fn only_changed_lines_are_reported_unless_lines_all() {
    let r = Repo::new();
    r.write("a.md", "Old Github line.\n\nStable text.\n")
        .commit("init");
    r.write(
        "a.md",
        "Old Github line.\n\nStable text.\n\nNew Github line.\n",
    );
    let o = r.check_json(&[]);
    let j = o.json();
    let f = j["findings"].as_array().expect("findings");
    assert_eq!(f.len(), 1, "{j}");
    assert_eq!(f[0]["line"], 5);
    let all = r.check_json(&["--lines", "all"]);
    assert_eq!(all.findings().len(), 2);
}

#[test]
fn staged_untracked_and_ignored_docs() {
    let r = Repo::new();
    r.write(".gitignore", "ignored/\n")
        .write("a.md", "Fine.\n")
        .commit("init");
    r.write("staged.md", "Staged Github.\n").stage("staged.md");
    r.write("untracked.md", "Untracked Github.\n");
    r.write("ignored/x.md", "Ignored Github.\n");
    r.write("notes.txt", "Not a doc Github.\n");
    let paths: Vec<String> = r
        .check_json(&[])
        .findings()
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(paths, vec!["staged.md", "untracked.md"]);
    let staged: Vec<String> = r
        .check_json(&["--staged"])
        .findings()
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(staged, vec!["staged.md"]);
}

#[test]
fn staged_checks_the_staged_text_and_apply_follows_it_into_the_working_tree() {
    let r = Repo::new();
    r.write("a.md", "One.\n\nTwo.\n").commit("init");
    r.write("a.md", "One.\n\nTwo Github.\n").stage("a.md");
    // An unstaged paragraph above moves the staged line down by two.
    r.write("a.md", "Zero Gitlab.\n\nOne.\n\nTwo Github.\n");
    // check --staged reads what the commit would hold: the staged text, its line 3.
    let o = r.check_json(&["--staged"]);
    let j = o.json();
    let f = j["findings"].as_array().expect("findings");
    assert_eq!(f.len(), 1, "{j}");
    assert_eq!(f[0]["text"], "Github");
    assert_eq!(f[0]["line"], 3);
    // apply --staged fixes the staged change where it now sits in the working tree (line 5).
    let o = r.run(&["apply", "--staged"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert_eq!(r.read("a.md"), b"Zero Gitlab.\n\nOne.\n\nTwo GitHub.\n");
}

#[test]
fn staged_check_sees_mistakes_fixed_only_in_the_working_tree() {
    let r = Repo::new();
    r.write("a.md", "One.\n").commit("init");
    r.write("a.md", "One.\n\nNew staged Pytorch line.\n")
        .stage("a.md");
    r.write("a.md", "One.\n\nNew staged PyTorch line.\n");
    r.write("gone.md", "Staged Gitlab.\n").stage("gone.md");
    fs::remove_file(r.path("gone.md")).expect("rm");
    let texts = r.check_json(&["--staged"]).texts();
    assert_eq!(
        texts,
        vec!["Pytorch", "Gitlab"],
        "the commit would hold both"
    );
}

#[test]
fn renamed_doc_reports_only_its_edited_lines() {
    let r = Repo::new();
    let body: String = (1..=20)
        .map(|i| format!("Line {i} mentions Github.\n\n"))
        .collect();
    r.write("old.md", &body).commit("init");
    fs::rename(r.path("old.md"), r.path("new.md")).expect("mv");
    let edited = body.replacen("Line 20 mentions Github.", "Line 20 mentions Gitlab.", 1);
    r.write("new.md", &edited).stage_all();
    let f = r.check_json(&[]).findings();
    assert_eq!(
        f,
        vec![(
            "new.md".to_owned(),
            "terminology.canonical".to_owned(),
            "Gitlab".to_owned()
        )]
    );
}

#[test]
fn deleted_docs_are_not_checked() {
    let r = Repo::new();
    r.write("gone.md", "Github.\n")
        .write("kept.md", "ok\n")
        .commit("init");
    fs::remove_file(r.path("gone.md")).expect("rm");
    let o = r.check_json(&[]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert_eq!(o.json()["summary"]["files"], 0);
    let all = r.check_json(&["--all"]);
    assert_eq!(all.code, 0, "{}{}", all.stdout, all.stderr);
    assert_eq!(all.json()["summary"]["files"], 1, "only kept.md");
}

#[test]
fn base_reports_what_the_branch_changed() {
    let r = Repo::new();
    r.write("a.md", "Base text.\n")
        .commit("init")
        .branch("main-base");
    r.write("a.md", "Base text.\n\nBranch Github.\n")
        .commit("branch work");
    r.write("b.md", "Uncommitted Gitlab.\n");
    let f = r.check_json(&["--base", "main-base"]).findings();
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[0].2, "Github");
    assert_eq!(f[1].2, "Gitlab");
    // Without --base only the uncommitted work is in scope.
    assert_eq!(r.check_json(&[]).texts(), vec!["Gitlab"]);
    let bad = r.check_json(&["--base", "no-such-branch"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("no-such-branch"), "{}", bad.stderr);
}

#[test]
fn all_checks_every_doc_whole() {
    let r = Repo::new();
    r.write("a.md", "Committed Github.\n")
        .write("docs/b.markdown", "Another Gitlab.\n")
        .commit("init");
    r.write("c.mdx", "Untracked Javascript.\n");
    let texts = r.check_json(&["--all"]).texts();
    assert_eq!(texts, vec!["Github", "Javascript", "Gitlab"]);
}

#[test]
fn all_lists_untracked_docs_as_git_does() {
    let r = Repo::new();
    r.write("build/kept.md", "Tracked in an ignored folder: Github.\n")
        .write("docs/a.md", "Fine.\n")
        .commit("init");
    r.write(".gitignore", "build/\ndocs/*.draft.md\n")
        .write("build/out.md", "Ignored Gitlab.\n")
        .write("docs/x.draft.md", "Ignored draft Gitlab.\n")
        .write("docs/new/deep/n.md", "Untracked deep Javascript.\n")
        .write("vendor/nested/README.md", "Another repository's Gitlab.\n");
    Repository::init(r.path("vendor/nested")).expect("nested repo");
    let paths: Vec<String> = r
        .check_json(&["--all"])
        .findings()
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(paths, vec!["build/kept.md", "docs/new/deep/n.md"]);
}

#[test]
fn a_repository_without_commits_counts_every_doc_as_new() {
    let r = Repo::new();
    r.write("a.md", "Fresh Github.\n");
    r.write("b.md", "Staged Gitlab.\n").stage("b.md");
    assert_eq!(r.check_json(&[]).texts(), vec!["Github", "Gitlab"]);
}

#[test]
fn explicit_paths_inside_and_outside_a_repository() {
    let r = Repo::new();
    r.write("docs/a.md", "Committed Github.\n")
        .write("docs/skip.txt", "Github\n")
        .commit("init");
    // Inside: whole files, even unchanged ones.
    let o = r.check_json(&["docs"]);
    assert_eq!(
        o.findings(),
        vec![(
            "docs/a.md".to_owned(),
            "terminology.canonical".to_owned(),
            "Github".to_owned()
        )]
    );

    let outside = tempfile::tempdir().expect("tmp");
    fs::create_dir_all(outside.path().join("sub")).expect("mkdir");
    fs::write(
        outside.path().join("sub/x.md"),
        "Outside, it recieves data.\n",
    )
    .expect("write");
    fs::write(outside.path().join("y.txt"), "Github\n").expect("write");
    let o = run_in(outside.path(), &r.home, &["check", "--format", "json", "."]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(o.texts(), vec!["recieves"]);
    // A named file is checked whatever its extension.
    let o = run_in(
        outside.path(),
        &r.home,
        &[
            "check",
            "--format",
            "json",
            "--rule",
            "terminology.canonical",
            "y.txt",
        ],
    );
    // `--rule` naming a rule that is off by default runs it.
    assert_eq!(o.texts(), vec!["Github"]);
}

#[test]
fn outside_a_repository_without_paths_is_a_clear_error() {
    let tmp = tempfile::tempdir().expect("tmp");
    let o = run_in(tmp.path(), tmp.path(), &["check"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("not inside a git repository"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("docreview check docs/"), "{}", o.stderr);
}

#[test]
fn unreadable_kinds_of_files_are_skipped_with_one_line_each() {
    let r = Repo::new();
    r.write("ok.md", "Fine.\n").commit("init");
    r.write_bytes("binary.md", b"abc\0def");
    r.write_bytes("latin1.md", b"caf\xe9 Github\n");
    r.write_bytes("huge.md", &vec![b'a'; 5 * 1024 * 1024 + 1]);
    #[cfg(unix)]
    {
        let outside = r.home.join("outside.md");
        fs::write(&outside, "Github\n").expect("write");
        std::os::unix::fs::symlink(&outside, r.path("link.md")).expect("symlink");
    }
    let o = r.check_json(&[]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let lines: Vec<&str> = o.stderr.lines().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("binary.md") && l.contains("binary")),
        "{}",
        o.stderr
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("latin1.md") && l.contains("UTF-8")),
        "{}",
        o.stderr
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("huge.md") && l.contains("5 MB")),
        "{}",
        o.stderr
    );
    #[cfg(unix)]
    assert!(
        lines
            .iter()
            .any(|l| l.contains("link.md") && l.contains("outside the repository")),
        "{}",
        o.stderr
    );
    let quiet = r.check_json(&["--quiet"]);
    assert!(quiet.stderr.is_empty(), "{}", quiet.stderr);
}

#[test]
fn submodules_are_skipped_with_a_notice() {
    let r = Repo::new();
    r.write("a.md", "Fine.\n").commit("init");
    let mut index = r.git.index().expect("index");
    let oid = git2::Oid::from_str("1111111111111111111111111111111111111111").expect("oid");
    let entry = git2::IndexEntry {
        ctime: git2::IndexTime::new(0, 0),
        mtime: git2::IndexTime::new(0, 0),
        dev: 0,
        ino: 0,
        mode: 0o160000,
        uid: 0,
        gid: 0,
        file_size: 0,
        id: oid,
        flags: 0,
        flags_extended: 0,
        path: b"vendor/lib".to_vec(),
    };
    index.add(&entry).expect("add gitlink");
    index.write().expect("write");
    let o = r.check_json(&["--all"]);
    assert!(
        o.stderr.contains("skipping submodule vendor/lib"),
        "{}",
        o.stderr
    );
    assert_eq!(o.code, 0);
}

// ---- output contracts and exit codes ------------------------------------------------------------

#[test]
fn json_shape_is_the_public_contract() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    r.write("a.md", "\u{feff}Über Github.\n");
    let j = r.check_json(&[]).json();
    assert_eq!(j["version"], 1);
    assert_eq!(
        j["summary"],
        serde_json::json!({"files": 1, "findings": 1, "fixable": 1})
    );
    let f = &j["findings"][0];
    let keys: Vec<&str> = f
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    for k in [
        "path",
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "start",
        "end",
        "text",
        "replacements",
        "safety",
        "fingerprint",
    ] {
        assert!(keys.contains(&k), "missing {k} in {f}");
    }
    // Byte offsets into the file as on disk: the BOM (3 bytes) and "Über " (6 bytes) come first.
    assert_eq!(f["start"], 9);
    assert_eq!(f["end"], 15);
    assert_eq!(f["column"], 6);
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["safety"], "safe");
    assert_eq!(f["text"], "Github");
}

#[test]
fn exit_codes_and_min_severity() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    r.write("a.md", "Clean text.\n");
    assert_eq!(r.run(&["check"]).code, 0);
    r.write("a.md", "We send an e-mail. Email, email, email.\n");
    assert_eq!(r.run(&["check"]).code, 1);
    // consistency.variant is a suggestion: below --min-severity warning.
    let o = r.run(&["check", "--min-severity", "warning"]);
    assert_eq!(o.code, 0, "{}", o.stdout);
    assert_eq!(r.run(&["check", "--format", "yaml"]).code, 2);
    assert_eq!(r.run(&["check", "--rule", "no.such-rule"]).code, 2);
}

#[test]
fn human_and_github_formats() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    r.write("a.md", "Hosted on Github.\n");
    let o = r.run(&["check"]);
    assert!(
        o.stdout
            .contains("a.md:1:11: warning[terminology.canonical]"),
        "{}",
        o.stdout
    );
    assert!(o.stdout.contains("1 | Hosted on Github."), "{}", o.stdout);
    assert!(o.stdout.contains("  |           ^^^^^^"), "{}", o.stdout);
    assert!(o.stdout.contains("= fix: GitHub"), "{}", o.stdout);
    assert!(!o.stdout.contains('\x1b'), "NO_COLOR is honoured");
    let colored = r.run(&["check", "--color", "always"]);
    assert!(colored.stdout.contains('\x1b'));
    let gh = r.run(&["check", "--format", "github"]);
    assert!(
        gh.stdout
            .starts_with("::warning file=a.md,line=1,col=11,title=terminology.canonical::"),
        "{}",
        gh.stdout
    );
}

#[test]
fn config_errors_name_file_line_and_column() {
    let r = Repo::with_defaults();
    r.write("a.md", "x\n").commit("init");
    r.write(
        ".docreview.toml",
        "[rules]\n\"grammar.article\" = \"off\"\n\n[filez]\n",
    );
    let o = r.run(&["check"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains(".docreview.toml:4:"), "{}", o.stderr);
    r.write(
        ".docreview.toml",
        "[[rule]]\nid = \"x\"\npattern = \"a(\"\nmessage = \"m\"\n",
    );
    let o = r.run(&["check"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains(".docreview.toml:3:11: bad regex"),
        "{}",
        o.stderr
    );
    r.write(".docreview.toml", "[rules]\n\"grammar.artcle\" = \"off\"\n");
    let o = r.run(&["check"]);
    assert!(
        o.stderr
            .contains(".docreview.toml:2:1: no rule is called \"grammar.artcle\""),
        "{}",
        o.stderr
    );
}

#[test]
fn config_rules_terms_and_custom_rules_apply() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    r.write("docs/.keep.md", "");
    r.write(
        ".docreview.toml",
        "[rules]\n\"grammar\" = \"off\"\n\"terminology.canonical\" = \"error\"\n\n\
         [terms]\nWidgetHub = [\"Widget-Hub\"]\n\n\
         [[rule]]\nid = \"utilize\"\npattern = '\\butiliz(e|es)\\b'\nreplace = \"us$1\"\nmessage = \"Say use.\"\nsafe = true\n",
    );
    r.write("a.md", "We utilize Widget-Hub and widgethub. A hour.\n");
    let j = r.check_json(&[]).json();
    let f: Vec<(String, String, String)> = j["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().expect("r").to_owned(),
                f["severity"].as_str().expect("s").to_owned(),
                f["replacements"][0].as_str().expect("x").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        f,
        vec![
            (
                "custom.utilize".to_owned(),
                "warning".to_owned(),
                "use".to_owned()
            ),
            (
                "terminology.canonical".to_owned(),
                "error".to_owned(),
                "WidgetHub".to_owned()
            ),
            (
                "terminology.canonical".to_owned(),
                "error".to_owned(),
                "WidgetHub".to_owned()
            ),
        ],
        "{j}"
    );
}

#[test]
fn suppression_comments_work_end_to_end() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    r.write(
        "a.md",
        "<!-- docreview-disable terminology -->\nQuiet Github.\n<!-- docreview-enable terminology -->\n\n\
         <!-- vale off -->\nAlso quiet Gitlab.\n<!-- vale on -->\n\nLoud Github.\n",
    );
    assert_eq!(r.check_json(&[]).texts(), vec!["Github"]);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    let body: String = (0..3000)
        .map(|i| format!("Line {i} on Github.\n\n"))
        .collect();
    r.write("a.md", &body);
    let mut child = Command::new(BIN)
        .args(["check", "--format", "json"])
        .current_dir(&r.root)
        .env("HOME", &r.home)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("error"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn rules_list_and_explain() {
    let r = Repo::new();
    let o = r.run(&["rules"]);
    assert_eq!(o.code, 0);
    for id in [
        "terminology.canonical",
        "grammar.allow-to",
        "grammar.article",
        "grammar.repeated-word",
        "consistency.variant",
    ] {
        assert!(o.stdout.contains(id), "{id} missing:\n{}", o.stdout);
    }
    let e = r.run(&["rules", "explain", "grammar.allow-to"]);
    assert_eq!(e.code, 0);
    assert!(e.stdout.contains("allows you to"), "{}", e.stdout);
    let bad = r.run(&["rules", "explain", "allow-to"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("grammar.allow-to"), "{}", bad.stderr);
}

#[test]
fn demo_runs_and_finds_every_family() {
    let tmp = tempfile::tempdir().expect("tmp");
    let o = run_in(tmp.path(), tmp.path(), &["demo"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    for rule in [
        "terminology.canonical",
        "grammar.allow-to",
        "grammar.article",
        "grammar.repeated-word",
        "consistency.variant",
        "custom.utilize",
        "grammar.agreement",
        "grammar.gerund",
        "spelling.known-typo",
        "links.tracking",
    ] {
        assert!(o.stdout.contains(rule), "{rule} missing:\n{}", o.stdout);
    }
}

// ---- apply: write-back safety ---------------------------------------------------------------------

#[test]
fn comments_in_code_blocks_are_checked_and_fixed_but_never_the_code() {
    let r = Repo::with_defaults();
    r.write("a.md", "x\n").commit("init");
    let doc = "# Load\n\n```python\n# Load the the model and keep it.\nthe_the = load()  # recieve the weights here\n```\n";
    r.write("a.md", doc);
    let o = r.check_json(&[]);
    assert_eq!(
        o.texts(),
        vec!["the the", "recieve"],
        "{}{}",
        o.stdout,
        o.stderr
    );
    let applied = r.run(&["apply"]);
    assert_eq!(applied.code, 0, "{}{}", applied.stdout, applied.stderr);
    assert_eq!(
        r.read("a.md"),
        b"# Load\n\n```python\n# Load the model and keep it.\nthe_the = load()  # recieve the weights here\n```\n"
    );
    // The team can leave code blocks alone altogether.
    r.write(".docreview.toml", "[code]\ncomments = false\n");
    assert!(r.check_json(&[]).texts().is_empty());
}

#[test]
fn rules_show_their_measured_precision() {
    let r = Repo::with_defaults();
    let list = r.run(&["rules"]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    let row = |id: &str| {
        list.stdout
            .lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap_or_default()
            .to_owned()
    };
    // Header, a rule that passed the gate, one below it (off), one never seen on other docs.
    assert!(
        list.stdout
            .lines()
            .next()
            .unwrap_or("")
            .contains("PRECISION")
    );
    assert!(
        row("spelling.known-typo").contains(" % ("),
        "{}",
        list.stdout
    );
    let off = row("markup.inline-code");
    assert!(off.contains("off") && off.contains(" % ("), "{off}");
    assert!(
        row("grammar.allow-to").contains("no findings"),
        "{}",
        list.stdout
    );
    let explain = r.run(&["rules", "explain", "spelling.known-typo"]);
    assert!(
        explain.stdout.contains("Measured precision:") && explain.stdout.contains("not tuned on"),
        "{}",
        explain.stdout
    );
}

#[test]
fn apply_writes_safe_fixes_and_leaves_the_rest() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    r.write(
        "a.md",
        "Hosted on Github; install the the tool. Wait a hour.\n",
    );
    let o = r.run(&["apply"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert_eq!(
        r.read("a.md"),
        b"Hosted on GitHub; install the tool. Wait a hour.\n"
    );
    assert!(
        o.stdout.contains("Fixed 2 findings in 1 file"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("Left 1 finding that needs a human (grammar.article 1)"),
        "{}",
        o.stdout
    );
    let o = r.run(&["apply", "--all-fixes"]);
    assert_eq!(o.code, 0);
    assert_eq!(
        r.read("a.md"),
        b"Hosted on GitHub; install the tool. Wait an hour.\n"
    );
}

#[test]
fn apply_cleans_tracking_parameters_out_of_links_but_not_out_of_code() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    r.write(
        "a.md",
        "* [Course](https://www.youtube.com/playlist?list=PL0y&si=7AlPtk) - Author\n\
         * See <https://example.com/post?utm_source=x&id=3#top>.\n\n\
         [ref]: https://youtu.be/abc?si=Jv-dD&t=42\n\n\
         Run `curl https://example.com/?utm_source=cli` as is.\n",
    );
    let o = r.run(&["check", "--format", "json"]);
    assert!(o.stdout.contains("\"links.tracking\""), "{}", o.stdout);
    let o = r.run(&["apply", "--rule", "links.*"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert_eq!(
        String::from_utf8_lossy(&r.read("a.md")),
        "* [Course](https://www.youtube.com/playlist?list=PL0y) - Author\n\
         * See <https://example.com/post?id=3#top>.\n\n\
         [ref]: https://youtu.be/abc?t=42\n\n\
         Run `curl https://example.com/?utm_source=cli` as is.\n"
    );
}

#[test]
fn apply_rule_filter_and_dry_run_diff() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    let text = "Hosted on Github; install the the tool.\n";
    r.write("a.md", text);
    let o = r.run(&["apply", "--dry-run", "--rule", "terminology.*"]);
    assert_eq!(o.code, 0);
    assert_eq!(r.read("a.md"), text.as_bytes(), "dry run writes nothing");
    assert!(
        o.stdout.starts_with("--- a/a.md\n+++ b/a.md\n"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("+Hosted on GitHub; install the the tool."),
        "{}",
        o.stdout
    );
    assert!(o.stderr.contains("Would fix 1 finding"), "{}", o.stderr);
    // The diff applies cleanly with git.
    let patch = r.home.join("fix.patch");
    fs::write(&patch, &o.stdout).expect("write patch");
    let git_ok = Command::new("git")
        .args(["apply", "--check"])
        .arg(&patch)
        .current_dir(&r.root)
        .env("HOME", &r.home)
        .status();
    if let Ok(status) = git_ok {
        assert!(status.success(), "git apply --check rejected the diff");
    }
    r.run(&["apply", "--rule", "terminology.*"]);
    assert_eq!(r.read("a.md"), b"Hosted on GitHub; install the the tool.\n");
}

#[test]
fn apply_keeps_crlf_bom_missing_newline_and_other_bytes() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    let before = "\u{feff}# Title\r\n\r\nHosted on Github.\r\nSecond  line   keeps   its   spaces.\r\n\r\n| a | b |\r\n|---|---|\r\n| on Gitlab | x |";
    r.write("a.md", before);
    let o = r.run(&["apply"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    let after = String::from_utf8(r.read("a.md")).expect("utf8");
    assert_eq!(
        after,
        before
            .replace("Github", "GitHub")
            .replace("Gitlab", "GitLab")
    );
}

#[cfg(unix)]
#[test]
fn apply_keeps_permissions_and_leaves_no_temporary_files() {
    use std::os::unix::fs::PermissionsExt;
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    r.write("a.md", "On Github.\n");
    fs::set_permissions(r.path("a.md"), fs::Permissions::from_mode(0o600)).expect("chmod");
    assert_eq!(r.run(&["apply"]).code, 0);
    let mode = fs::metadata(r.path("a.md"))
        .expect("meta")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    let leftovers: Vec<_> = fs::read_dir(&r.root)
        .expect("ls")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".docreview-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn apply_reports_a_read_only_file_and_writes_the_others() {
    let r = Repo::new();
    r.write("a.md", "x\n").write("b.md", "y\n").commit("init");
    r.write("a.md", "On Github.\n")
        .write("b.md", "On Gitlab.\n");
    let mut perms = fs::metadata(r.path("a.md")).expect("meta").permissions();
    perms.set_readonly(true);
    fs::set_permissions(r.path("a.md"), perms).expect("chmod");
    let o = r.run(&["apply"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stdout.contains("a.md: read-only; not written"),
        "{}",
        o.stdout
    );
    assert_eq!(r.read("a.md"), b"On Github.\n");
    assert_eq!(r.read("b.md"), b"On GitLab.\n");
}

#[test]
fn apply_reports_overlapping_fixes() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    r.write(
        ".docreview.toml",
        "[[rule]]\nid = \"hub\"\npattern = 'on Github'\nreplace = \"at GitHub\"\nmessage = \"m\"\nsafe = true\n",
    );
    r.write("a.md", "Hosted on Github.\n");
    let o = r.run(&["apply"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(r.read("a.md"), b"Hosted at GitHub.\n");
    assert!(
        o.stdout.contains("Skipped 1 overlapping fix"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("terminology.canonical overlaps custom.hub"),
        "{}",
        o.stdout
    );
}

#[test]
fn apply_never_touches_markup_around_a_fix() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    let before = "> Install the\n> the package from [Github](https://github.com/x) and `Github`.\n";
    r.write("a.md", before);
    assert_eq!(r.run(&["apply"]).code, 0);
    assert_eq!(
        String::from_utf8(r.read("a.md")).expect("utf8"),
        "> Install the\n> package from [GitHub](https://github.com/x) and `Github`.\n"
    );
}

// ---- review: the real binary in a pseudo-terminal -----------------------------------------------

mod pty {
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
        _master: Box<dyn portable_pty::MasterPty + Send>,
        rows: u16,
        cols: u16,
    }

    impl Screen {
        pub fn start(repo: &Repo, args: &[&str], cols: u16, rows: u16) -> Screen {
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
            let child = pair.slave.spawn_command(cmd).expect("spawn in pty");
            drop(pair.slave);
            let mut reader = pair.master.try_clone_reader().expect("reader");
            let writer = pair.master.take_writer().expect("writer");
            let output = Arc::new(Mutex::new(Vec::new()));
            let sink = output.clone();
            std::thread::spawn(move || {
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

        pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(15) {
                if let Ok(Some(status)) = self.child.try_wait() {
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

#[cfg(unix)]
#[test]
fn review_in_a_terminal_accepts_undoes_and_quits_cleanly() {
    let r = Repo::new();
    r.write("docs/guide.md", "# Guide\n\nIntro.\n")
        .commit("init");
    let edited = "# Guide\n\nIntro.\n\nHosted on Github since 2020.\n";
    r.write("docs/guide.md", edited);
    let mut s = pty::Screen::start(&r, &[], 100, 30);
    s.wait_for("the first finding", |s| {
        s.text().contains("[1/1]") && s.text().contains("GitHub")
    });
    s.press("a");
    s.wait_for("the fix on disk", |_| {
        r.read("docs/guide.md") == b"# Guide\n\nIntro.\n\nHosted on GitHub since 2020.\n"
    });
    s.press("u");
    s.wait_for("the file restored", |_| {
        r.read("docs/guide.md") == edited.as_bytes()
    });
    s.press("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    // The output may still be on its way from the terminal after the exit.
    s.wait_for("the summary", |s| s.raw().contains("docreview: 0 accepted"));
    let out = s.raw();
    // The terminal left the alternate screen, and the summary came after that.
    let left = out.rfind("\x1b[?1049l").expect("alternate screen left");
    let summary = out.rfind("docreview: 0 accepted").expect("summary printed");
    assert!(summary > left, "summary after restore:\n{out}");
    // The journal has the accept and its undo.
    let journal = fs::read_to_string(r.root.join(".git/docreview/journal.jsonl")).expect("journal");
    assert!(
        journal.contains("\"decision\":\"accept\"") && journal.contains("\"decision\":\"undo\""),
        "{journal}"
    );
}

#[cfg(unix)]
#[test]
fn review_resumes_and_defers() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    r.write("a.md", "On Github and Gitlab, with nodejs.\n");
    // Session 1: reject the first finding, skip the second, quit.
    let mut s = pty::Screen::start(&r, &["review"], 100, 30);
    s.wait_for("findings", |s| s.text().contains("[1/3]"));
    s.press("r");
    s.wait_for("the second finding", |s| s.text().contains("[2/3]"));
    s.press("s");
    s.wait_for("the third finding", |s| s.text().contains("[3/3]"));
    s.press("q");
    assert!(s.wait_exit().success());
    // Session 2, deferred: the rejected finding is gone, the skipped one is back; accept both, quit
    // without writing.
    let mut s = pty::Screen::start(&r, &["review", "--defer"], 100, 30);
    s.wait_for("resumed findings", |s| {
        s.text().contains("[1/2]") && s.text().contains("1 decided earlier")
    });
    s.press("a");
    s.wait_for("the next finding", |s| s.text().contains("[2/2]"));
    s.press("a");
    s.press("q");
    s.wait_for("the quit question", |s| {
        s.text().contains("not written yet")
    });
    s.press("n");
    assert!(s.wait_exit().success());
    assert_eq!(
        r.read("a.md"),
        b"On Github and Gitlab, with nodejs.\n",
        "deferred: nothing written"
    );
    // Later, without a terminal.
    let o = r.run(&["apply", "--accepted"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert_eq!(r.read("a.md"), b"On Github and GitLab, with Node.js.\n");
    assert!(o.stdout.contains("Wrote 2 fixes"), "{}", o.stdout);
    let again = r.run(&["apply", "--accepted"]);
    assert!(
        again.stdout.contains("No accepted fixes"),
        "{}",
        again.stdout
    );
}

#[test]
fn deferred_review_writes_on_quit_when_asked() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    r.write("a.md", "On Github today.\n");
    let mut s = pty::Screen::start(&r, &["review", "--defer"], 100, 30);
    s.wait_for("the finding", |s| s.text().contains("[1/1]"));
    s.press("a");
    s.press("q");
    s.wait_for("the quit question", |s| {
        s.text().contains("1 accepted fix is not written yet")
    });
    s.press("y");
    assert!(s.wait_exit().success());
    assert_eq!(r.read("a.md"), b"On GitHub today.\n");
    // The journal knows it was written: nothing is left for `apply --accepted`.
    let o = r.run(&["apply", "--accepted"]);
    assert!(o.stdout.contains("No accepted fixes"), "{}", o.stdout);
    assert_eq!(r.read("a.md"), b"On GitHub today.\n");
}

#[test]
fn review_without_a_terminal_says_what_to_use_instead() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    for args in [&[][..], &["review"][..]] {
        let o = r.run(args);
        assert_eq!(o.code, 2);
        assert!(o.stderr.contains("needs a terminal"), "{}", o.stderr);
        for cmd in [
            "docreview check",
            "docreview apply --dry-run",
            "docreview apply",
        ] {
            assert!(o.stderr.contains(cmd), "{cmd} missing: {}", o.stderr);
        }
    }
}

#[test]
fn git_scope_flags_and_paths_do_not_mix() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    for flag in [
        &["--staged"][..],
        &["--base", "HEAD"][..],
        &["--all"][..],
        &["--lines", "all"][..],
    ] {
        let mut args = vec!["check"];
        args.extend_from_slice(flag);
        args.push("a.md");
        let o = r.run(&args);
        assert_eq!(o.code, 2, "{flag:?}");
        assert!(o.stderr.contains("use one or the other"), "{}", o.stderr);
    }
}

#[test]
fn mdx_code_and_reference_labels_are_never_rewritten() {
    let r = Repo::new();
    r.write("x.mdx", "x\n").commit("init");
    let mdx = "import Github from './Github'\nexport const meta = { title: 'Github the the' }\n\n# On Github\n\n<Github name={'the the'} />\n\nSee [the the] and {'Github'}.\n\n[the the]: https://example.com/\n";
    r.write("x.mdx", mdx);
    let o = r.run(&["apply", "--all-fixes"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    let after = String::from_utf8(r.read("x.mdx")).expect("utf8");
    assert_eq!(
        after,
        mdx.replace("# On Github", "# On GitHub"),
        "only the heading's prose changes"
    );
    // The doubled word in the link label is still reported, without a fix.
    let f = r.check_json(&["--lines", "all"]).json();
    let label = f["findings"]
        .as_array()
        .expect("f")
        .iter()
        .find(|x| x["rule"] == "grammar.repeated-word")
        .cloned();
    assert!(label.is_some_and(|l| l["replacements"].as_array().is_some_and(|a| a.is_empty())));
}

#[cfg(unix)]
#[test]
fn symlinks_to_docs_in_scope_are_checked_once_and_broken_ones_are_reported() {
    let r = Repo::new();
    r.write("README.md", "On Github.\n").commit("init");
    fs::create_dir_all(r.path("docs")).expect("mkdir");
    std::os::unix::fs::symlink("../README.md", r.path("docs/link.md")).expect("symlink");
    std::os::unix::fs::symlink("nowhere.md", r.path("docs/broken.md")).expect("symlink");
    let o = r.check_json(&["--all"]);
    assert_eq!(o.texts(), vec!["Github"], "{}", o.stderr);
    assert!(
        o.stderr.contains("docs/broken.md: a symlink to nothing"),
        "{}",
        o.stderr
    );
    let a = r.run(&["apply", "--all"]);
    assert_eq!(a.code, 0, "{}{}", a.stdout, a.stderr);
    assert_eq!(r.read("README.md"), b"On GitHub.\n");
}

#[test]
fn custom_rules_with_missing_groups_are_config_errors() {
    let r = Repo::with_defaults();
    r.write("a.md", "x\n").commit("init");
    r.write(
        ".docreview.toml",
        "[[rule]]\nid = \"x\"\nmessage = \"m\"\npattern = \"Old\"\nreplace = \"$9\"\nsafe = true\n",
    );
    r.write("a.md", "Old line.\n");
    let o = r.run(&["apply"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains(".docreview.toml:5:11") && o.stderr.contains("group \"9\""),
        "{}",
        o.stderr
    );
    assert_eq!(r.read("a.md"), b"Old line.\n");
}

#[test]
fn errors_are_short_and_say_what_is_wrong() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    let o = r.run(&["check", "missing.md"]);
    assert_eq!(o.code, 2);
    assert_eq!(o.stderr.matches("No such file").count(), 1, "{}", o.stderr);
    let o = r.run(&["check", "--base", "nosuch"]);
    assert!(!o.stderr.contains("class="), "{}", o.stderr);
    assert!(
        o.stderr.contains("cannot resolve --base nosuch"),
        "{}",
        o.stderr
    );
}

// ---- reports for CI, baseline, triage -----------------------------------------------------------

fn repo_with_mistakes() -> Repo {
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

#[test]
fn sarif_output_validates_against_the_2_1_0_schema() {
    let r = repo_with_mistakes();
    let o = r.run(&["check", "--format", "sarif"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let sarif: Value = serde_json::from_str(&o.stdout).expect("json");
    let schema: Value =
        serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).expect("schema");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &sarif["runs"][0];
    assert!(
        run["tool"]["driver"]["rules"]
            .as_array()
            .is_some_and(|r| r.len() >= 5)
    );
    let results = run["results"].as_array().expect("results");
    let github = results
        .iter()
        .find(|x| x["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "Github")
        .expect("Github");
    assert_eq!(
        github["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "GitHub"
    );
    assert_eq!(
        github["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "docs/a.md"
    );
    // A mistaken document is reported as invalid: the check can fail.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("loud");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn rdjson_output_has_suggestions() {
    let r = repo_with_mistakes();
    let v: Value =
        serde_json::from_str(&r.run(&["check", "--format", "rdjson"]).stdout).expect("json");
    let d = v["diagnostics"].as_array().expect("diagnostics");
    let gitlab = d
        .iter()
        .find(|x| x["suggestions"][0]["text"] == "GitLab")
        .expect("Gitlab");
    assert_eq!(gitlab["location"]["path"], "docs/a.md");
    // "Wait a hour, Über " is 19 bytes (Ü is two): byte columns, as reviewdog counts them.
    assert_eq!(
        gitlab["location"]["range"]["start"],
        serde_json::json!({"line": 5, "column": 20})
    );
}

#[test]
fn diff_output_applies_cleanly_with_git() {
    let r = repo_with_mistakes();
    let o = r.run(&["check", "--format", "diff"]);
    assert!(
        o.stdout.contains("--- a/docs/a.md\n+++ b/docs/a.md\n"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("+INC allows you to automatically find better solution."),
        "{}",
        o.stdout
    );
    let patch = r.home.join("all.patch");
    fs::write(&patch, &o.stdout).expect("patch");
    let status = Command::new("git")
        .args(["apply", "--check"])
        .arg(&patch)
        .current_dir(&r.root)
        .env("HOME", &r.home)
        .status()
        .expect("git apply");
    assert!(
        status.success(),
        "git apply --check rejected:\n{}",
        o.stdout
    );
    let status = Command::new("git")
        .arg("apply")
        .arg(&patch)
        .current_dir(&r.root)
        .env("HOME", &r.home)
        .status()
        .expect("git apply");
    assert!(status.success());
    assert!(
        String::from_utf8(r.read("docs/a.md"))
            .expect("utf8")
            .contains("Hosted on GitHub; install the tool.")
    );
}

#[test]
fn the_cache_gives_the_same_findings_and_follows_rule_and_config_changes() {
    let r = Repo::new();
    r.write("a.md", "On Github.\n\nWe use the data-set here.\n")
        .write("b.md", "A dataset and a dataset and a dataset.\n")
        .commit("init");
    let cold = r.check_json(&["--all"]).texts();
    assert!(
        cold.contains(&"Github".to_owned()) && cold.contains(&"data-set".to_owned()),
        "{cold:?}"
    );
    assert!(
        r.path(".git/docreview/cache").is_dir(),
        "the cache is stored"
    );
    assert_eq!(r.check_json(&["--all"]).texts(), cold, "warm = cold");
    // A rule turned off: its findings go, whatever the cache holds.
    r.write(
        ".docreview.toml",
        "[rules]\n\"terminology.canonical\" = \"off\"\n",
    );
    assert_eq!(r.check_json(&["--all"]).texts(), ["data-set"]);
    // A new term in the config: found at once.
    r.write(
        ".docreview.toml",
        "[terms]\nGitHub = [\"Github\"]\ndataset = [\"here\"]\n",
    );
    let t = r.check_json(&["--all"]).texts();
    assert!(t.contains(&"here".to_owned()), "{t:?}");
    // Another doc changes the dominant spelling: the consistency verdict follows.
    r.write(".docreview.toml", "");
    r.write("b.md", "A data-set and a data-set and a data-set.\n");
    let t = r.check_json(&["--all"]).texts();
    assert!(!t.contains(&"data-set".to_owned()), "{t:?}");
    // Turned off by the environment: same findings, nothing new stored.
    std::fs::remove_dir_all(r.path(".git/docreview/cache")).expect("rm");
    let o = r.run_uncached(&["check", "--all", "--format", "json"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(!r.path(".git/docreview/cache").exists());
}

#[test]
fn baseline_round_trip() {
    let r = Repo::new();
    r.write(
        "a.md",
        "# A\n\nFirst Github line.\n\nSecond line on Gitlab.\n",
    )
    .commit("init");
    // Everything whole: the baseline records the legacy findings.
    let o = r.run(&["baseline", "write"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert!(o.stdout.contains("Wrote 2 findings"), "{}", o.stdout);
    let file = fs::read_to_string(r.path(".docreview-baseline.json")).expect("baseline");
    assert_eq!(
        file.lines()
            .filter(|l| l.contains("\"path\": \"a.md\""))
            .count(),
        2,
        "{file}"
    );
    assert!(
        r.check_json(&["--all"]).findings().is_empty(),
        "baselined findings are hidden"
    );
    assert_eq!(
        r.check_json(&["--all", "--no-baseline"]).findings().len(),
        2
    );
    // Editing another line (and moving text down) keeps them hidden.
    r.write(
        "a.md",
        "# A\n\nA new intro.\n\nFirst Github line.\n\nSecond line on Gitlab.\n",
    );
    assert!(r.check_json(&["--all"]).findings().is_empty());
    // Editing the sentence itself makes its finding new again.
    r.write(
        "a.md",
        "# A\n\nA new intro.\n\nFirst edited Github line.\n\nSecond line on Gitlab.\n",
    );
    assert_eq!(r.check_json(&["--all"]).texts(), vec!["Github"]);
    let s = r.run(&["baseline", "status"]);
    assert!(
        s.stdout.contains("1 still match") && s.stdout.contains("1 no longer match"),
        "{}",
        s.stdout
    );
    // update only removes.
    let u = r.run(&["baseline", "update"]);
    assert!(u.stdout.contains("Removed 1 entry"), "{}", u.stdout);
    let file = fs::read_to_string(r.path(".docreview-baseline.json")).expect("baseline");
    assert_eq!(file.matches("\"path\"").count(), 1, "{file}");
    assert_eq!(
        r.check_json(&["--all"]).texts(),
        vec!["Github"],
        "update never adds"
    );
}

#[test]
fn triage_summary_tables_json_and_no_progress_bar_without_a_terminal() {
    let r = repo_with_mistakes();
    r.commit("mistakes");
    let o = r.run(&["triage"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert!(
        o.stdout.contains("RULE") && o.stdout.contains("terminology.canonical"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains("most findings per 1,000 words"),
        "{}",
        o.stdout
    );
    assert!(
        !o.stderr.contains("checking ["),
        "no progress bar without a terminal: {}",
        o.stderr
    );
    let j: Value =
        serde_json::from_str(&r.run(&["triage", "--format", "json"]).stdout).expect("json");
    // The second run answers from the cache (words of prose included): the same summary as a run
    // without one.
    let uncached = r.run_uncached(&["triage", "--format", "json"]);
    let uncached: Value = serde_json::from_str(&uncached.stdout).expect("json");
    assert_eq!(j, uncached);
    assert_eq!(j["docs"], 2);
    let term = j["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .find(|x| x["rule"] == "terminology.canonical")
        .cloned()
        .expect("row");
    assert_eq!(
        (
            term["findings"].clone(),
            term["safe"].clone(),
            term["files"].clone()
        ),
        (2.into(), 2.into(), 1.into())
    );
    assert_eq!(j["files"][0]["path"], "docs/a.md");
    assert!(
        j["files"][0]["per_1k_words"]
            .as_f64()
            .is_some_and(|v| v > 100.0)
    );
}

#[cfg(unix)]
#[test]
fn triage_screen_accepts_a_group_and_undoes_it_in_one_step() {
    let r = Repo::new();
    r.write("a.md", "On Github.\n")
        .write("b.md", "Also Github, and Gitlab.\n")
        .write("c.md", "The the end.\n")
        .commit("init");
    let mut s = pty::Screen::start(&r, &["triage"], 110, 30);
    s.wait_for("the groups", |s| {
        s.text().contains("terminology.canonical") && s.text().contains("by rule")
    });
    s.press("A");
    s.wait_for("the question", |s| {
        s.text().contains("Accept 3 fixes") && s.text().contains("2 files change")
    });
    s.press("y");
    s.wait_for("both files fixed", |_| {
        r.read("a.md") == b"On GitHub.\n" && r.read("b.md") == b"Also GitHub, and GitLab.\n"
    });
    assert_eq!(r.read("c.md"), b"The the end.\n", "other groups untouched");
    s.press("u");
    s.wait_for("both restored", |_| {
        r.read("a.md") == b"On Github.\n" && r.read("b.md") == b"Also Github, and Gitlab.\n"
    });
    // Review the group one by one, come back with q, quit.
    s.press("\r");
    s.wait_for("the review screen", |s| {
        s.text().contains("q goes back to triage")
    });
    s.press("q");
    s.wait_for("triage again", |s| s.text().contains("by rule (Tab"));
    s.press("q");
    assert!(s.wait_exit().success());
}

// ---- spelling, the technical vocabulary and harper's grammar ------------------------------------

/// (rule, text, replacements) of every finding in JSON output.
fn findings_with_fixes(o: &Out) -> Vec<(String, String, Vec<String>)> {
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

fn spelling_words(o: &Out) -> Vec<String> {
    findings_with_fixes(o)
        .into_iter()
        .filter(|f| f.0.starts_with("spelling."))
        .map(|f| f.1)
        .collect()
}

#[test]
fn spelling_knows_the_projects_words_and_vocab_add_teaches_it_more() {
    let r = Repo::with_defaults();
    r.write("setup.md", "# Setup\n\nRun `environvent` first.\n")
        .commit("init");
    // Unknown words are flagged only when the config asks for it (the rule is below the precision
    // gate); known misspellings always are.
    let on = "[rules]\n\"spelling.unknown-word\" = \"on\"\n";
    r.write(".docreview.toml", on);
    r.write(
        "guide.md",
        "# Guide\n\nThe results are recieved after the corrersponding step.\n\
         Then environvent and functioanlity finish the job on MXNet with int8 and HybridBlock.\n",
    );
    let o = r.check_json(&[]);
    assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
    // A word from a code span elsewhere and technical shapes are vocabulary; typos and unknown words
    // are not, and a typo's fix is its correction or the dictionary's closest word.
    assert_eq!(
        spelling_words(&o),
        ["recieved", "corrersponding", "functioanlity"]
    );
    let fixes = findings_with_fixes(&o);
    assert_eq!(fixes[0].2.first().map(String::as_str), Some("received"));
    assert_eq!(
        fixes[1].2.first().map(String::as_str),
        Some("corresponding")
    );

    // The team's vocabulary: the config's accept list and the vocabulary file.
    r.write(
        ".docreview.toml",
        &format!("{on}[vocabulary]\naccept = [\"Functioanlity\"]\n"),
    );
    let add = r.run(&["vocab", "add", "corrersponding", "CORRERSPONDING", "blorp"]);
    assert_eq!(add.code, 0, "{}{}", add.stdout, add.stderr);
    assert!(add.stdout.contains("corrersponding"), "{}", add.stdout);
    assert_eq!(
        r.read(".docreview/vocabulary.txt"),
        b"corrersponding\nblorp\n"
    );
    assert_eq!(spelling_words(&r.check_json(&[])), ["recieved"]);
    // Adding a word again changes nothing.
    let again = r.run(&["vocab", "add", "Corrersponding"]);
    assert_eq!(again.code, 0);
    assert_eq!(
        r.read(".docreview/vocabulary.txt"),
        b"corrersponding\nblorp\n"
    );
    let list = r.run(&["vocab", "list"]);
    assert!(
        list.stdout.contains("corrersponding") && list.stdout.contains("Functioanlity"),
        "{}",
        list.stdout
    );
    // Turning the rules off silences them like any other rule.
    r.write(".docreview.toml", "[rules]\n\"spelling\" = \"off\"\n");
    assert!(spelling_words(&r.check_json(&[])).is_empty());
    // Without words, `vocab add` is a usage error.
    assert_eq!(r.run(&["vocab", "add"]).code, 2);
}

#[test]
fn grammar_rules_from_harper_and_our_own_catch_what_reviewers_fix() {
    let r = Repo::new();
    // Two harper linters that are off by default (their precision on other docs is below the gate).
    r.write(
        ".docreview.toml",
        "[rules]\n\"grammar.then-than\" = \"on\"\n\"grammar.its-possessive\" = \"on\"\n",
    );
    r.write("a.md", "# A\n").commit("init");
    r.write(
        "a.md",
        "# A\n\nThe Collector utilize memory. It is larger then the cache.\n\
         Each subproject will have it's own tests.\n\n\
         ```\nThe Collector utilize memory then it's own.\n```\n",
    );
    let o = r.check_json(&[]);
    let got: Vec<(String, String, Vec<String>)> = findings_with_fixes(&o);
    let has = |rule: &str, text: &str, fix: &str| {
        got.iter()
            .any(|f| f.0 == rule && f.1 == text && f.2.first().map(String::as_str) == Some(fix))
    };
    assert!(has("grammar.agreement", "utilize", "utilizes"), "{got:?}");
    assert!(has("grammar.then-than", "then", "than"), "{got:?}");
    assert!(has("grammar.its-possessive", "it's", "its"), "{got:?}");
    // Nothing in the code block.
    assert_eq!(got.len(), 3, "{got:?}");
    // A harper rule is configured like any other.
    r.write(
        ".docreview.toml",
        "[rules]\n\"grammar.then-than\" = \"off\"\n",
    );
    let o = r.check_json(&[]);
    assert!(
        findings_with_fixes(&o)
            .iter()
            .all(|f| f.0 != "grammar.then-than"),
        "{}",
        o.stdout
    );
    // Its rules are listed, the ones that are off on request.
    let rules = r.run(&["rules"]);
    assert!(
        rules.stdout.contains("grammar.dot-initialisms"),
        "{}",
        rules.stdout
    );
    assert!(
        !rules.stdout.contains("grammar.oxford-comma"),
        "{}",
        rules.stdout
    );
    let all = r.run(&["rules", "--all"]);
    assert!(
        all.stdout.contains("grammar.oxford-comma"),
        "{}",
        all.stdout
    );
}

#[cfg(unix)]
#[test]
fn review_adds_a_word_to_the_vocabulary_with_plus() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    // "paramater" is a common misspelling, but here it is the project's word (say, an API's name).
    r.write("a.md", "Run paramater, then paramater again on Github.\n");
    let mut s = pty::Screen::start(&r, &[], 100, 30);
    // The spelling findings come from the doc-set stage, after the first finding is on screen: they
    // join the queue before it.
    s.wait_for("every finding", |s| s.text().contains("/3]"));
    s.press("k");
    s.press("k");
    s.wait_for("the spelling finding", |s| {
        s.text().contains("[1/3]") && s.text().contains("spelling.known-typo")
    });
    s.press("+");
    s.wait_for("the vocabulary file", |_| {
        fs::read(r.path(".docreview/vocabulary.txt")).is_ok_and(|b| b == b"paramater\n")
    });
    // Both findings of the word are gone; the terminology finding is next.
    s.wait_for("the next finding", |s| s.text().contains("GitHub"));
    s.press("q");
    assert!(s.wait_exit().success());
    assert_eq!(
        r.read("a.md"),
        b"Run paramater, then paramater again on Github.\n"
    );
    assert!(spelling_words(&r.check_json(&[])).is_empty());
}

// ---- review guidelines and PR suggestions -------------------------------------------------------

const GUIDELINE_FILE: &str = "---
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

#[test]
fn guideline_files_give_rules_that_cite_them_and_a_test_table() {
    let r = Repo::new();
    r.write("review/products.md", GUIDELINE_FILE)
        .write(".docreview.toml", "guidelines = [\"review/*.md\"]\n")
        .write("docs/a.md", "# A\n")
        .commit("init");
    r.write("docs/a.md", "# A\n\nCall the GITHUB API from NodeJS.\n");
    let o = r.check_json(&[]);
    let got = findings_with_fixes(&o);
    assert!(
        got.contains(&(
            "guideline.products.1".into(),
            "the GITHUB API".into(),
            vec!["the GitHub API".into()]
        )),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|f| f.0 == "guideline.products.2" && f.1 == "NodeJS" && f.2 == ["Node.js"]),
        "{got:?}"
    );
    // Every finding cites the guideline's title and description.
    let json = o.json();
    let messages: Vec<&str> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| {
            f["rule"]
                .as_str()
                .is_some_and(|r| r.starts_with("guideline."))
        })
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert!(
        messages
            .iter()
            .all(|m| m.contains("Name products exactly") && m.contains("the way their owners do")),
        "{messages:?}"
    );

    let list = r.run(&["guidelines", "list"]);
    assert_eq!(list.code, 0, "{}{}", list.stdout, list.stderr);
    assert!(
        list.stdout.contains("guideline.products.1"),
        "{}",
        list.stdout
    );
    assert!(
        list.stdout.contains("3 examples from 3 discussions"),
        "{}",
        list.stdout
    );

    let test = r.run(&["guidelines", "test", "--format", "json"]);
    assert_eq!(test.code, 0, "{}{}", test.stdout, test.stderr);
    let json = test.json();
    let outcomes: Vec<&str> = json["guidelines"][0]["examples"]
        .as_array()
        .expect("examples")
        .iter()
        .filter_map(|e| e["outcome"].as_str())
        .collect();
    assert_eq!(outcomes, ["fixed", "caught", "missed"]);
    let human = r.run(&["guidelines", "test"]);
    assert!(
        human
            .stdout
            .contains("2 of 3 examples caught (1 with the reviewer's exact fix), 1 missed"),
        "{}",
        human.stdout
    );
    assert_eq!(r.run(&["guidelines", "test", "--strict"]).code, 1);
}

#[test]
fn broken_guidelines_are_reported_with_file_and_line_and_the_rest_loads() {
    let r = Repo::new();
    r.write(
        "g.md",
        "---\ntitle: T\nnot a field\n---\nIncorrect: `ONEDNN`\nCorrect: `oneDNN`\n\n[ {\"discussion_id\": 1,\n oops } ]\n",
    )
    .write("a.md", "x\n")
    .commit("init");
    r.write("a.md", "Built on ONEDNN.\n");
    let o = r.run(&[
        "check",
        "--format",
        "json",
        "--guideline",
        "g.md",
        "--rule",
        "guideline.*",
    ]);
    assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
    assert_eq!(o.texts(), ["ONEDNN"]);
    assert!(o.stderr.contains("g.md:3: front matter"), "{}", o.stderr);
    assert!(
        o.stderr
            .contains("g.md:9: the discussions are not valid JSON"),
        "{}",
        o.stderr
    );
    let missing = r.run(&["check", "--guideline", "nope.md"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("nope.md: no such file"),
        "{}",
        missing.stderr
    );
    let none = r.run(&["guidelines", "list"]);
    assert_eq!(none.code, 2);
    assert!(none.stderr.contains("guidelines = "), "{}", none.stderr);
}

/// A GitHub review comment with a suggestion (the pulls/N/comments shape).
fn review_comment(
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

#[test]
fn apply_suggestions_follows_moved_text_and_lists_outdated_done_and_superseded() {
    let r = Repo::new();
    r.write(
        "docs/a.md",
        "# Guide\n\nNew intro line.\n\nInstall on Github.\nThen run it.\nOld note.\nKeep me.\n",
    )
    .write("docs/b.md", "Already on GitHub.\n")
    .write("docs/c.md", "Rewritten since.\n")
    .write("docs/d.md", "A\r\nB\r\n")
    .commit("init");
    let hunk_a = "@@ -1,4 +1,4 @@\n # Guide\n \n+Install on Github.\n+Then run it.";
    let comments = serde_json::json!([
        // Moved down by two lines since the comment: followed.
        review_comment(
            "docs/a.md",
            hunk_a,
            3,
            None,
            "Name.\n```suggestion\nInstall on GitHub.\n```",
            "ana",
            "2024-01-01T00:00:00Z"
        ),
        // Overlaps the one above and is later: wins.
        review_comment(
            "docs/a.md",
            hunk_a,
            4,
            Some(3),
            "Both lines.\n```suggestion\nInstall on GitHub, then run it.\n```",
            "bo",
            "2024-01-02T00:00:00Z"
        ),
        // A deletion.
        review_comment(
            "docs/a.md",
            "@@ -1,1 +5,2 @@\n+Then run it.\n+Old note.",
            6,
            None,
            "Drop it.\n```suggestion\n```",
            "ana",
            "2024-01-03T00:00:00Z"
        ),
        // Already applied.
        review_comment(
            "docs/b.md",
            "@@ -1 +1 @@\n+Already on Github.",
            1,
            None,
            "```suggestion\nAlready on GitHub.\n```",
            "cy",
            "2024-01-01T00:00:00Z"
        ),
        // Its lines are gone.
        review_comment(
            "docs/c.md",
            "@@ -1 +1 @@\n+Original text.",
            1,
            None,
            "```suggestion\nBetter text.\n```",
            "cy",
            "2024-01-01T00:00:00Z"
        ),
        // Multi-line, in a CRLF file.
        review_comment(
            "docs/d.md",
            "@@ -1,2 +1,2 @@\n+A\n+B",
            2,
            Some(1),
            "```suggestion\nA and B\nC\n```",
            "cy",
            "2024-01-01T00:00:00Z"
        ),
    ]);
    r.write("comments.json", &comments.to_string());
    let dry = r.run(&["apply", "--suggestions", "comments.json", "--dry-run"]);
    assert_eq!(dry.code, 0, "{}{}", dry.stdout, dry.stderr);
    assert!(
        dry.stdout.contains("+Install on GitHub, then run it."),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stderr.contains("Would apply 3 suggestions in 2 files"),
        "{}",
        dry.stderr
    );
    assert_eq!(
        r.read("docs/d.md"),
        b"A\r\nB\r\n",
        "a dry run writes nothing"
    );

    let o = r.run(&["apply", "--suggestions", "comments.json"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert_eq!(
        String::from_utf8(r.read("docs/a.md")).expect("utf8"),
        "# Guide\n\nNew intro line.\n\nInstall on GitHub, then run it.\nKeep me.\n"
    );
    assert_eq!(r.read("docs/d.md"), b"A and B\r\nC\r\n");
    assert_eq!(r.read("docs/b.md"), b"Already on GitHub.\n");
    assert_eq!(r.read("docs/c.md"), b"Rewritten since.\n");
    for expected in [
        "Applied 3 suggestions in 2 files.",
        "Already applied: 1 suggestion.",
        "Outdated, not applied: 1 suggestion.",
        "docs/c.md:1 by cy",
        "Superseded by a later suggestion on the same lines, not applied: 1 suggestion.",
        "docs/a.md:3 by ana",
    ] {
        assert!(
            o.stdout.contains(expected),
            "{expected:?} in:\n{}",
            o.stdout
        );
    }
    // Everything is done now.
    let again = r.run(&["apply", "--suggestions", "comments.json"]);
    assert!(
        again.stdout.contains("No suggestion to apply."),
        "{}",
        again.stdout
    );
}

#[test]
fn suggestions_from_discussions_and_bad_input() {
    let r = Repo::new();
    r.write("docs/intro.md", "# Intro\nCall the GITHUB API first.\n")
        .commit("init");
    let discussions = r#"[ { "discussion_id": "1", "pr_number": 7, "pr_file": "docs/intro.md",
        "commented_code": "@@ -1,3 +1,3 @@\n # Intro\n-old\n+Call the GITHUB API first.",
        "discussion_comments": [ { "comment_author": "someone",
           "comment_body": "```suggestion\nCall the GitHub API first.\n```" } ] } ]"#;
    r.write("d.json", discussions);
    let o = r.run(&["apply", "--suggestions", "d.json"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert_eq!(
        r.read("docs/intro.md"),
        b"# Intro\nCall the GitHub API first.\n"
    );
    r.write("bad.json", "[{\"path\": \"docs/intro.md\",");
    let bad = r.run(&["apply", "--suggestions", "bad.json"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("bad.json: line 1"), "{}", bad.stderr);
    // A path that leaves the repository is never followed.
    fs::write(r.root.parent().expect("parent").join("outside.md"), "x\n").expect("write");
    let escape = serde_json::json!([review_comment(
        "../outside.md",
        "@@ -1 +1 @@\n+x",
        1,
        None,
        "```suggestion\ny\n```",
        "eve",
        ""
    )]);
    r.write("escape.json", &escape.to_string());
    let o = r.run(&["apply", "--suggestions", "escape.json"]);
    assert!(o.stdout.contains("outside the repository"), "{}", o.stdout);
    assert_eq!(
        fs::read(r.root.parent().expect("parent").join("outside.md")).expect("read"),
        b"x\n"
    );
    let missing = r.run(&["apply", "--suggestions", "nope.json"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("nope.json"), "{}", missing.stderr);
}

#[cfg(unix)]
#[test]
fn review_suggestions_in_a_terminal_accepts_and_writes() {
    let r = Repo::new();
    r.write("a.md", "Install on Github.\nRun it.\n")
        .commit("init");
    let comments = serde_json::json!([
        review_comment(
            "a.md",
            "@@ -1,2 +1,2 @@\n+Install on Github.",
            1,
            None,
            "Owners' spelling.\n```suggestion\nInstall on GitHub.\n```",
            "ana",
            "2024-01-01T00:00:00Z"
        ),
        review_comment(
            "a.md",
            "@@ -1,2 +1,2 @@\n Install on Github.\n+Run it.",
            2,
            None,
            "```suggestion\nRun it twice.\n```",
            "bo",
            "2024-01-01T00:00:00Z"
        ),
    ]);
    r.write("comments.json", &comments.to_string());
    let mut s = pty::Screen::start(&r, &["review", "--suggestions", "comments.json"], 100, 30);
    s.wait_for("the first suggestion", |s| {
        s.text().contains("[1/2]") && s.text().contains("suggestion.ana")
    });
    s.press("a");
    s.wait_for("the fix on disk", |_| {
        r.read("a.md") == b"Install on GitHub.\nRun it.\n"
    });
    s.wait_for("the second suggestion", |s| {
        s.text().contains("suggestion.bo")
    });
    s.press("r");
    s.press("q");
    assert!(s.wait_exit().success());
    assert_eq!(r.read("a.md"), b"Install on GitHub.\nRun it.\n");
}
