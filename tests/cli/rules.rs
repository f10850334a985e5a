//! `docreview rules`: the list, `explain` and each rule's measured precision.

use crate::util::*;

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
        row("grammar.gerund").contains("no findings"),
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
