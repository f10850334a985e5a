//! `docreview review`: the review screen driven in a pseudo-terminal, checked on disk.

use crate::util::*;
use std::fs;

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
