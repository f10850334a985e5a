//! Review-guideline files: the rules they give and `docreview guidelines test`.

use crate::util::*;

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
        "---\ntitle: T\nnot a field\n---\nIncorrect: `ONEDNN`\nCorrect: `oneDNN`\n",
    )
    .write("a.md", "x\n")
    .commit("init");
    r.write("a.md", "Built on ONEDNN.\n");
    let args = [
        "check",
        "--format",
        "json",
        "--guideline",
        "g.md",
        "--rule",
        "guideline.*",
    ];
    // A line that cannot be used is a notice; the rest of the file loads.
    let o = r.run(&args);
    assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
    assert_eq!(o.texts(), ["ONEDNN"]);
    assert!(o.stderr.contains("g.md:3: front matter"), "{}", o.stderr);
    // Discussions that are not JSON make the file unreadable as a guideline: the command stops.
    r.write(
        "g.md",
        "---\ntitle: T\n---\nIncorrect: `ONEDNN`\nCorrect: `oneDNN`\n\n[ {\"discussion_id\": 1,\n oops } ]\n",
    );
    let o = r.run(&args);
    assert_eq!(o.code, 2, "{}{}", o.stdout, o.stderr);
    assert_eq!(
        o.stderr.trim_end(),
        "error: g.md:8:2: the discussions are not valid JSON: key must be a string"
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
