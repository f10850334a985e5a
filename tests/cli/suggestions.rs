//! Pull request suggestions: located in today's files, reviewed and applied.

use crate::util::*;
use std::fs;

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
    assert_eq!(
        bad.stderr.trim_end(),
        "error: bad.json:1:26: not valid JSON: EOF while parsing a value"
    );
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
