//! Spelling with the project's vocabulary (`docreview vocab`) and the grammar rules, end to end.

use crate::util::*;

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
    let line = |w: &str| {
        list.stdout
            .lines()
            .find(|l| l.starts_with(w))
            .unwrap_or_else(|| panic!("{w} not listed:\n{}", list.stdout))
            .to_owned()
    };
    // Two columns: the word, and where it is listed.
    assert!(
        line("corrersponding").ends_with("  .docreview/vocabulary.txt"),
        "{}",
        list.stdout
    );
    assert!(
        line("Functioanlity").ends_with("  [vocabulary] accept"),
        "{}",
        list.stdout
    );
    assert!(!list.stdout.contains('\t'), "{}", list.stdout);
    // Without a vocabulary, one hint, every line starting with its words.
    let empty = Repo::with_defaults();
    empty.write("a.md", "# A\n").commit("init");
    let hint = empty.run(&["vocab", "list"]);
    assert!(
        hint.stdout.contains("No team vocabulary yet"),
        "{}",
        hint.stdout
    );
    assert!(
        hint.stdout
            .lines()
            .all(|l| !l.starts_with(char::is_whitespace)),
        "{:?}",
        hint.stdout
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
        "# A\n\nThe Collector utilize memory. It is taller then expected.\n\
         Each subproject keeps it's tests small.\n\n\
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
        rules.stdout.contains("grammar.vice-versa"),
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
