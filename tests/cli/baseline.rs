//! `docreview baseline` and `docreview triage`.

use crate::util::*;
use serde_json::Value;
use std::fs;

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
