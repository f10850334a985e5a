//! `docreview completions SHELL` and `docreview man`.

use crate::util::*;

#[test]
fn completions_know_every_command_and_the_man_page_is_roff() {
    let r = Repo::with_defaults();
    for (shell, marker) in [
        ("bash", "_docreview()"),
        ("zsh", "#compdef docreview"),
        ("fish", "complete -c docreview"),
    ] {
        let o = r.run(&["completions", shell]);
        assert_eq!(o.code, 0, "{shell}: {}", o.stderr);
        assert!(o.stdout.contains(marker), "{shell}:\n{}", o.stdout);
        // Each command as a word of its own ("man", not the "man" inside "command").
        for command in [
            "check",
            "apply",
            "review",
            "triage",
            "baseline",
            "vocab",
            "man",
            "completions",
        ] {
            let word =
                regex::Regex::new(&format!(r"(^|[^\w-]){command}($|[^\w-])")).expect("regex");
            assert!(
                word.is_match(&o.stdout),
                "{shell} does not complete {command}"
            );
        }
    }
    let bad = r.run(&["completions", "cmd.exe"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(bad.stderr.contains("possible values"), "{}", bad.stderr);

    let man = r.run(&["man"]);
    assert_eq!(man.code, 0, "{}", man.stderr);
    assert!(man.stdout.contains(".TH docreview 1"), "{}", man.stdout);
    assert!(man.stdout.contains(".SH SUBCOMMANDS"), "{}", man.stdout);
}
