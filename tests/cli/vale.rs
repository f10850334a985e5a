//! A team's Vale setup (`.vale.ini` and its styles) run by docreview: findings under the rules' own names,
//! their fixes through `apply` and the review screen, Vale's comments, and clear errors.

use crate::util::*;

const INI: &str = "StylesPath = styles\nMinAlertLevel = suggestion\nVocab = Team\n\n\
                   [*.md]\nBasedOnStyles = Acme, Vale\nAcme.Hedging = warning\n";

/// A substitution with a plain one-to-one swap marked `action: replace`: safe to batch-apply.
const WORDS: &str = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\n\
                     ignorecase: true\naction:\n  name: replace\nswap:\n  e-mail: email\n  log in to: sign in to\n";

/// An existence rule with an action that removes the word: needs a reader.
const HEDGING: &str = "extends: existence\nmessage: \"Consider removing '%s'.\"\nlevel: suggestion\n\
                       ignorecase: true\naction:\n  name: remove\ntokens:\n  - simply\n  - obviously\n";

/// A Tengo script: docreview cannot run it and says so.
const SCRIPT: &str =
    "extends: script\nmessage: \"Add a heading.\"\nscript: |\n  text := import(\"text\")\n";

fn team_repo() -> Repo {
    let r = Repo::with_defaults();
    r.write(".vale.ini", INI)
        .write("styles/Acme/Words.yml", WORDS)
        .write("styles/Acme/Hedging.yml", HEDGING)
        .write("styles/Acme/Headings.yml", SCRIPT)
        .write("styles/config/vocabularies/Team/accept.txt", "Kubeflow\n")
        .write(
            "docs/guide.md",
            "# Guide\n\nSend an E-mail to the team, then simply log in to kubeflow.\n\n\
             ```sh\nsend e-mail\n```\n",
        )
        .commit("init");
    r
}

#[test]
fn check_runs_the_teams_vale_rules_under_their_own_names_with_fixes() {
    let r = team_repo();
    let out = r.run(&["check", "--all", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let json = out.json();
    let vale: Vec<(String, String, String, String)> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| {
            let rule = f["rule"].as_str().unwrap_or("");
            rule.starts_with("Acme.") || rule.starts_with("Vale.")
        })
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or("").to_owned(),
                f["text"].as_str().unwrap_or("").to_owned(),
                f["severity"].as_str().unwrap_or("").to_owned(),
                f["replacements"][0].as_str().unwrap_or("-").to_owned(),
            )
        })
        .collect();
    let own = |rule: &str, text: &str, severity: &str, fix: &str| {
        (
            rule.to_owned(),
            text.to_owned(),
            severity.to_owned(),
            fix.to_owned(),
        )
    };
    assert_eq!(
        vale,
        [
            own("Acme.Words", "E-mail", "error", "Email"),
            own("Acme.Hedging", "simply", "warning", ""),
            own("Acme.Words", "log in to", "error", "sign in to"),
            own("Vale.Terms", "kubeflow", "error", "Kubeflow"),
        ],
        "the code block is not prose; the level comes from .vale.ini"
    );
    // The script rule is named once on standard error, not silently dropped.
    let skipped: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("Acme.Headings"))
        .collect();
    assert_eq!(skipped.len(), 1, "{}", out.stderr);
    assert!(skipped[0].contains("cannot run here"), "{}", out.stderr);
}

#[test]
fn where_a_vale_rule_and_docreviews_own_say_the_same_the_teams_rule_is_shown() {
    let r = team_repo();
    r.write("docs/guide.md", "# Guide\n\nRun the the installer.\n");
    let out = r.run(&["check", "--all", "--format", "line", "--quiet"]);
    assert_eq!(
        out.stdout, "docs/guide.md:3:5:Vale.Repetition:'the' is repeated!\n",
        "one finding, under the team's name: {}",
        out.stderr
    );
    // Without the Vale setup, docreview's own rule reports it.
    r.write(".docreview.toml", "vale = false\n");
    let out = r.run(&["check", "--all", "--format", "line", "--quiet"]);
    assert!(
        out.stdout
            .starts_with("docs/guide.md:3:5:grammar.repeated-word:"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_line_format_is_the_shape_vale_prints() {
    let r = team_repo();
    let out = r.run(&[
        "check", "--all", "--format", "line", "--rule", "Acme.*", "--quiet",
    ]);
    assert_eq!(
        out.stdout,
        "docs/guide.md:3:9:Acme.Words:Use 'Email' instead of 'E-mail'.\n\
         docs/guide.md:3:34:Acme.Hedging:Consider removing 'simply'.\n\
         docs/guide.md:3:41:Acme.Words:Use 'sign in to' instead of 'log in to'.\n",
        "{}",
        out.stderr
    );
}

#[test]
fn apply_writes_the_safe_swaps_and_leaves_the_rest_for_review() {
    let r = team_repo();
    let out = r.run(&["apply", "--all", "--rule", "Acme"]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert_eq!(
        String::from_utf8(r.read("docs/guide.md")).expect("utf-8"),
        "# Guide\n\nSend an Email to the team, then simply sign in to kubeflow.\n\n\
         ```sh\nsend e-mail\n```\n",
        "the removal of 'simply' needs a reader; code is never touched"
    );
}

#[test]
fn vale_comments_switch_rules_off_and_on() {
    let r = team_repo();
    r.write(
        "docs/guide.md",
        "<!-- vale Acme.Words = NO -->\n\nSend an e-mail.\n\n<!-- vale Acme.Words = YES -->\n\n\
         Send an e-mail.\n\n<!-- vale off -->\n\nSimply send an e-mail.\n\n<!-- vale on -->\n",
    );
    let out = r.run(&[
        "check", "--all", "--format", "line", "--rule", "Acme", "--quiet",
    ]);
    assert_eq!(
        out.stdout, "docs/guide.md:7:9:Acme.Words:Use 'email' instead of 'e-mail'.\n",
        "{}",
        out.stderr
    );
}

#[test]
fn the_config_chooses_another_setup_or_none() {
    let r = team_repo();
    // `vale = false` turns the team's styles off.
    r.write(".docreview.toml", "vale = false\n");
    let out = r.run(&["check", "--all", "--format", "line", "--rule", "Acme"]);
    assert_eq!(
        out.code, 2,
        "no Acme rule runs, so --rule names none: {}",
        out.stderr
    );
    // `--vale-config` names a setup elsewhere, whatever the config says.
    r.write(
        "ci/strict.ini",
        "StylesPath = ../styles\n[*.md]\nBasedOnStyles = Acme\nAcme.Hedging = error\n",
    );
    let out = r.run(&[
        "check",
        "--all",
        "--format",
        "line",
        "--rule",
        "Acme.Hedging",
        "--vale-config",
        "ci/strict.ini",
        "--quiet",
    ]);
    assert_eq!(
        out.stdout, "docs/guide.md:3:34:Acme.Hedging:Consider removing 'simply'.\n",
        "{}",
        out.stderr
    );
    let out = r.run(&["check", "--all", "--vale-config", "ci/missing.ini"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("ci/missing.ini: no such Vale config file"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_broken_setup_is_one_clear_error() {
    let r = team_repo();
    r.write(
        "styles/Acme/Words.yml",
        "extends: substitution\nmessage: [unclosed\n",
    );
    let out = r.run(&["check", "--all"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("styles/Acme/Words.yml:") && out.stderr.contains("not valid YAML"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("`vale = false`"),
        "how to turn it off: {}",
        out.stderr
    );
    r.write("styles/Acme/Words.yml", WORDS);
    r.write(
        ".vale.ini",
        "StylesPath = styles\n[*.md]\nBasedOnStyles = Acme\nAcme.Words = loudly\n",
    );
    let out = r.run(&["check", "--all"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains(".vale.ini:4: `Acme.Words` must be YES, NO"),
        "{}",
        out.stderr
    );
}

#[test]
fn rules_lists_the_teams_rules_and_what_cannot_run() {
    let r = team_repo();
    let out = r.run(&["rules"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let line = |id: &str| {
        out.stdout
            .lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("{id} not listed:\n{}", out.stdout))
            .to_owned()
    };
    assert!(
        line("Acme.Words").contains("safe"),
        "{}",
        line("Acme.Words")
    );
    assert!(
        line("Acme.Hedging").contains("warning"),
        "{}",
        line("Acme.Hedging")
    );
    assert!(
        out.stdout.contains("Acme.Headings") && out.stdout.contains("Tengo script"),
        "{}",
        out.stdout
    );
    let explain = r.run(&["rules", "explain", "Acme.Words"]);
    assert!(
        explain.stdout.contains("styles/Acme/Words.yml"),
        "{}",
        explain.stdout
    );
}

#[cfg(unix)]
#[test]
fn review_accepts_a_vale_substitution_and_writes_it() {
    let r = team_repo();
    r.write(
        ".docreview.toml",
        "[rules]\n\"terminology\" = \"off\"\n\"spelling\" = \"off\"\n\"grammar\" = \"off\"\n",
    );
    r.write("docs/guide.md", "# Guide\n\nSend an e-mail to us.\n");
    let mut s = pty::Screen::start(&r, &["review", "--all", "--rule", "Acme.Words"], 100, 30);
    s.wait_for("the Vale finding", |s| {
        s.text().contains("[1/1]") && s.text().contains("Acme.Words")
    });
    s.press("a");
    s.wait_for("the fix on disk", |_| {
        r.read("docs/guide.md") == b"# Guide\n\nSend an email to us.\n"
    });
    s.press("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}
