//! `docreview check`: which docs and lines are in scope (git, paths, staged, base), every output format,
//! configuration, suppression comments, errors and the cache.

use crate::util::*;
use git2::Repository;
use serde_json::Value;
use std::fs;
use std::process::{Command, Stdio};

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
fn a_name_in_lower_case_is_flagged_only_when_its_rule_is_turned_on() {
    let r = Repo::with_defaults();
    r.write("a.md", "x\n").commit("init");
    r.write(
        "a.md",
        "We write the guides in javascript on linux and host them on Github.\n",
    );
    // No built-in name is flagged by default: a wrong capital and both lower-case forms are rules
    // that fell under the precision gate.
    assert!(r.check_json(&[]).texts().is_empty());
    let o = r.check_json(&["--rule", "terminology.canonical"]);
    assert_eq!(o.texts(), ["Github"], "{}", o.stdout);
    // A name with capitals inside ("JavaScript") and a name of one capital ("Linux") lowered are
    // two rules, each turned on alone.
    let o = r.check_json(&["--rule", "terminology.inner-capitals"]);
    assert_eq!(o.texts(), ["javascript"], "{}", o.stdout);
    let o = r.check_json(&["--rule", "terminology.lower-case"]);
    assert_eq!(o.texts(), ["linux"], "{}", o.stdout);
    r.write(
        ".docreview.toml",
        "[rules]\n\"terminology.lower-case\" = \"on\"\n\"terminology.inner-capitals\" = \"on\"\n",
    );
    assert_eq!(r.check_json(&[]).texts(), ["javascript", "linux"]);
    r.write(".docreview.toml", "[rules]\n\"terminology\" = \"on\"\n");
    assert_eq!(r.check_json(&[]).texts(), ["javascript", "linux", "Github"]);
}

#[test]
fn a_style_guide_that_quotes_wrong_forms_beside_right_ones_is_not_flagged_for_them() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    r.write(
        "a.md",
        "# Writing rules\n\n\
         - Product name: always \"GitHub\" (not Github, GITHUB).\n\
         - Articles: write \"a URL\", \"an HTML page\" (not \"an URL\").\n\
         - Search as you type: a user typing \"run\", \"runn\", \"running\" sends three requests.\n\n\
         Our code lives on Github, and an URL here is one occurence of a slip.\n",
    );
    let o = r.check_json(&[]);
    // The same forms in the doc's own sentence are slips.
    assert_eq!(o.texts(), ["Github", "an URL", "occurence"], "{}", o.stdout);
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
fn a_folder_given_reads_the_hidden_docs_git_tracks_as_all_does() {
    let r = Repo::new();
    r.write(
        ".github/CONTRIBUTING.md",
        "Open a pull request on Github.\n",
    )
    .write(".hidden.md", "A tracked hidden page about Gitlab.\n")
    .write("docs/a.md", "Fine.\n")
    .commit("init");
    // Not tracked: an editor's or a tool's state, not the repository's docs.
    r.write(".cache/notes.md", "Scratch notes on Javascript.\n")
        .write(".draft.md", "An untracked draft on Javascript.\n");
    let paths = |args: &[&str]| -> Vec<String> {
        r.check_json(args)
            .findings()
            .into_iter()
            .map(|f| f.0)
            .collect()
    };
    assert_eq!(paths(&["."]), ["./.github/CONTRIBUTING.md", "./.hidden.md"]);
    let all = paths(&["--all"]);
    assert!(
        all.contains(&".github/CONTRIBUTING.md".to_owned()),
        "{all:?}"
    );
}

#[test]
fn translations_of_english_pages_in_the_repository_are_left_to_their_source() {
    let r = Repo::new();
    // A translation tool copies the English page into each language's folder until it is translated.
    let intro = "This is the first page of the guide, and it is for the users of Github.\n";
    r.write("en/intro.md", intro)
        .write("nl-nl/intro.md", intro)
        .write("pt-br/intro.md", intro)
        .write(
            "de/only.md",
            "This is in the German folder, but it has no English page and it is for the users of Github.\n",
        )
        .write("guide/setup.md", "Set up Gitlab.\n")
        .write("guide/setup.zh-cn.md", "Set up Gitlab.\n")
        .write("pages/common/ls.md", "# ls\n\n> List files, for Github users.\n")
        .write("pages.pt_BR/common/ls.md", "# ls\n\n> Lista a pasta de Github.\n")
        .commit("init");
    let out = r.check_json(&["--all"]);
    let paths = out.paths();
    assert_eq!(
        paths,
        [
            "de/only.md",
            "en/intro.md",
            "guide/setup.md",
            "pages/common/ls.md"
        ]
    );
    assert!(
        out.stderr
            .contains("skipping guide/setup.zh-cn.md, a translation of guide/setup.md, and 3 more"),
        "{}",
        out.stderr
    );
    // Changed lines of a translation only: nothing to review, and the notice says why.
    r.write(
        "nl-nl/intro.md",
        "This is the first page of the guide, and it is for all the users of Github.\n",
    );
    let out = r.check_json(&[]);
    assert!(out.findings().is_empty(), "{:?}", out.findings());
    assert!(
        out.stderr
            .contains("skipping nl-nl/intro.md, a translation of en/intro.md:"),
        "{}",
        out.stderr
    );
    // Named on the command line, a translation is checked.
    let out = r.check_json(&["nl-nl/intro.md"]);
    assert_eq!(out.texts(), ["Github"]);
}

#[test]
fn docs_the_repositorys_spell_checker_skips_are_left_out_until_named() {
    let r = Repo::new();
    let slip = "You will recieve a message when the build is done.\n";
    r.write(
        "_typos.toml",
        "[files]\nextend-exclude = [\"docs/0.3\", \"docs/0.4/\", \"*.md\"]\n",
    )
    .write("docs/0.3/intro.md", slip)
    .write("docs/0.4/intro.md", slip)
    .write("docs/0.4/setup.md", slip)
    .write("docs/0.7/intro.md", slip)
    .write("README.md", slip)
    .commit("init");
    let out = r.check_json(&["--all"]);
    let paths = out.paths();
    // "*.md" only says which files typos suits: the docs are still reviewed.
    assert_eq!(paths, ["README.md", "docs/0.7/intro.md"]);
    assert!(
        out.stderr.contains(
            "skipping docs/0.3/intro.md, and 2 more: the spell checker set up in _typos.toml is \
             told to skip them (name a path to check it)"
        ),
        "{}",
        out.stderr
    );
    // A change there is not reviewed either, and the notice says why.
    r.write("docs/0.3/intro.md", "You will recieve it.\n");
    let out = r.check_json(&[]);
    assert!(out.findings().is_empty(), "{:?}", out.findings());
    assert!(
        out.stderr.contains("skipping docs/0.3/intro.md:"),
        "{}",
        out.stderr
    );
    // codespell's skip list counts the same, and a named folder is checked.
    r.write("_typos.toml", "")
        .write(".codespellrc", "[codespell]\nskip = ./docs/0.4,*.svg\n")
        .commit("switch checkers");
    let out = r.check_json(&["--all"]);
    let paths = out.paths();
    assert_eq!(
        paths,
        ["README.md", "docs/0.3/intro.md", "docs/0.7/intro.md"]
    );
    let out = r.check_json(&["docs/0.4"]);
    let paths = out.paths();
    assert_eq!(paths, ["docs/0.4/intro.md", "docs/0.4/setup.md"]);
}

#[test]
fn a_vendored_copy_of_another_project_is_left_out_until_named() {
    let r = Repo::new();
    let slip = "You will recieve a message when the build is done.\n";
    r.write("site/themes/docsy/LICENSE", "Apache License\n")
        .write("site/themes/docsy/userguide/content/intro.md", slip)
        .write("site/themes/docsy/README.md", slip)
        .write("site/themes/ours/README.md", slip)
        .write("vendor/lib/COPYING", "GPL\n")
        .write("vendor/lib/README.md", slip)
        .write("docs/intro.md", slip)
        .commit("init");
    let out = r.check_json(&["--all"]);
    // The team's own theme has no licence of its own: it is theirs.
    assert_eq!(out.paths(), ["docs/intro.md", "site/themes/ours/README.md"]);
    assert!(
        out.stderr.contains(
            "skipping site/themes/docsy/README.md, and 2 more: inside copies of other projects \
             (site/themes/docsy and 1 other folder keep a licence of their own), whose fixes belong \
             upstream (name a path to check it)"
        ),
        "{}",
        out.stderr
    );
    // Named, the copy is checked.
    let out = r.check_json(&["site/themes/docsy"]);
    assert_eq!(
        out.paths(),
        [
            "site/themes/docsy/README.md",
            "site/themes/docsy/userguide/content/intro.md"
        ]
    );
}

#[test]
fn another_authors_quoted_words_and_wiki_page_titles_are_kept_as_written() {
    let r = Repo::new();
    let post = "# Updates\n\nOur own note about Github.\n\n\
                Comment by @x posted on 2025-05-25:<br>\n\n<blockquote>\n\n\
                We don't fully support the Github runners yet.\n\n</blockquote>\n\n\
                - **[Tomas]** — [comment from 2026-03-16](https://example.com/i/1#issuecomment-4)\n\n  \
                > We use Github for this.\n\n\
                See [[Github tips]] for more on Github.\n";
    r.write("updates.md", post).commit("init");
    let out = r.check_json(&["--all"]);
    let lines: Vec<u64> = out.json()["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["line"].as_u64())
        .collect();
    // The doc's own note (line 3) and its own words beside the wiki link (line 17).
    assert_eq!(lines, [3, 17], "{:?}", out.findings());
}

#[test]
fn docs_a_program_writes_are_left_to_their_generator_unless_named() {
    let r = Repo::new();
    let generated = "<!-- This file is automatically generated. Edit the command's help instead. -->\n\n\
                     # abbr\n\nAbbreviations for Github users.\n";
    r.write("commands/abbr.md", generated)
        .write("commands/alias.md", generated)
        .write("guide/setup.md", "Set up Gitlab.\n")
        .commit("init");
    let out = r.check_json(&["--all"]);
    let paths = out.paths();
    assert_eq!(paths, ["guide/setup.md"]);
    assert!(
        out.stderr.contains(
            "skipping commands/abbr.md (\"This file is automatically generated.\"), and 1 more: \
             written by a program"
        ),
        "{}",
        out.stderr
    );
    // Changed lines of a generated doc: left out too, and said so.
    r.write("commands/abbr.md", &generated.replace("users", "people"));
    let out = r.check_json(&[]);
    assert!(out.findings().is_empty(), "{:?}", out.findings());
    assert!(
        out.stderr.contains("skipping commands/abbr.md"),
        "{}",
        out.stderr
    );
    // Named on the command line, it is checked.
    let out = r.check_json(&["commands/abbr.md"]);
    assert_eq!(out.texts(), ["Github"]);
    // A folder of generated pages says so by its name, and so does a folder of other projects' docs
    // a package manager copied in; a Go package's reference written from its comments, by its shape.
    let plain = "# api\n\nRun it on Github.\n";
    let godoc = "```go\nimport \"example.com/hub\"\n```\n\n#### type Hub\n\n```go\ntype Hub struct{}\n```\n\n\
                 Hub talks to Github.\n";
    for (path, text, said) in [
        (
            "generated/markdown/api.md",
            plain,
            "in a folder named generated",
        ),
        (
            "vendor/k8s.io/klog/README.md",
            plain,
            "in a folder named vendor, where a package manager copies other projects' files",
        ),
        (
            "docs/api/hub.md",
            godoc,
            "the reference of Go package example.com/hub, written from its doc comments",
        ),
    ] {
        let r = Repo::new();
        r.write(path, text)
            .write("guide/setup.md", "Set up Gitlab.\n")
            .commit("init");
        let out = r.check_json(&["--all"]);
        let paths = out.paths();
        assert_eq!(paths, ["guide/setup.md"]);
        assert!(
            out.stderr.contains(&format!(
                "skipping {path} (\"{said}\"): written by a program"
            )),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn test_inputs_are_left_out_of_a_repository_check() {
    let r = Repo::new();
    // A formatter's test cases are Markdown written wrong on purpose; a tests folder's README is a doc.
    r.write(
        "tests/format/markdown/list.md",
        "- the the list for Github\n",
    )
    .write("src/fixtures/page.md", "Fixture for Github.\n")
    .write("tests/README.md", "How to run the tests on Github.\n")
    .write("docs/guide.md", "Install it from Github.\n")
    .commit("init");
    let out = r.check_json(&["--all"]);
    let paths = out.paths();
    assert_eq!(paths, ["docs/guide.md", "tests/README.md"]);
    assert!(
        out.stderr
            .contains("skipping src/fixtures/page.md, and 1 more: test inputs, not docs"),
        "{}",
        out.stderr
    );
    // Named on the command line, a test input is checked.
    let out = r.check_json(&["tests/format/markdown/list.md"]);
    assert_eq!(out.texts(), ["the the", "Github"]);
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

#[test]
fn a_doc_set_checked_a_part_at_a_time_gets_the_report_of_one_part() {
    let r = Repo::new();
    for i in 0..12 {
        let text = match i % 3 {
            0 => format!("# Part {i}\n\nThe dataset is on Github, the dataset {i} too.\n"),
            1 => format!("Doc {i} has a data-set. It dont recieve the the data.\n"),
            _ => format!("Doc {i}: the dataset, a dataset, each dataset.\n"),
        };
        r.write(&format!("docs/d{i:02}.md"), &text);
    }
    r.commit("docs");
    r.write(
        "docs/d04.md",
        "Doc 4 has a data-set. It dont recieve the data.\n",
    );
    for args in [
        &["check", "--all", "--format", "json"][..],
        &["check", "--format", "json"],
        &["check", "--all"],
        &["check", "--all", "--format", "sarif"],
    ] {
        let whole = run_in_env(&r.root, &r.home, args, &[("DOCREVIEW_NO_CACHE", "1")]);
        assert_eq!(whole.code, 1, "{args:?}: {}", whole.stderr);
        // Each doc a part of its own, with and without the cache (the second run remembers).
        for cache in [None, Some(("DOCREVIEW_NO_CACHE", "1")), None] {
            let mut env = vec![("DOCREVIEW_PART_BYTES", "1")];
            env.extend(cache);
            let parts = run_in_env(&r.root, &r.home, args, &env);
            assert_eq!(parts.stdout, whole.stdout, "{args:?} {env:?}");
            assert_eq!(parts.code, 1);
        }
    }
    let rules: Vec<String> = r
        .run_uncached(&["check", "--all", "--format", "json"])
        .findings()
        .into_iter()
        .map(|(_, rule, _)| rule)
        .collect();
    assert!(
        rules.iter().any(|r| r == "consistency.variant")
            && rules.iter().any(|r| r.starts_with("spelling."))
            && rules.iter().any(|r| r == "grammar.repeated-word"),
        "the docs must exercise the doc-set and the per-doc rules: {rules:?}"
    );
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
    // Vale's line shape, nothing else on standard output; the exit status still says "findings".
    let line = r.run(&["check", "--format", "line"]);
    assert_eq!(line.code, 1, "{}", line.stderr);
    assert_eq!(
        line.stdout,
        "a.md:1:11:terminology.canonical:Write \"GitHub\", the spelling its owners use, not \"Github\".\n"
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
    // The team's names were terminology.canonical's: a level set under that name still reaches them.
    assert_eq!(
        f,
        vec![
            (
                "custom.utilize".to_owned(),
                "warning".to_owned(),
                "use".to_owned()
            ),
            (
                "terminology.project".to_owned(),
                "error".to_owned(),
                "WidgetHub".to_owned()
            ),
            (
                "terminology.project".to_owned(),
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
fn html_block_text_is_checked_and_fixed_when_the_team_turns_it_on() {
    let r = Repo::with_defaults();
    r.write("a.md", "x\n").commit("init");
    let doc = "<div class=\"recieve\">\n  <p>Replace any occurance of <code>recieve</code>.</p>\n</div>\n";
    r.write("a.md", doc);
    // Off by default: HTML blocks are markup.
    assert!(r.check_json(&[]).texts().is_empty());
    r.write(".docreview.toml", "[markdown]\nhtml_blocks = true\n");
    let o = r.check_json(&[]);
    assert_eq!(o.texts(), vec!["occurance"], "{}{}", o.stdout, o.stderr);
    let applied = r.run(&["apply", "--rule", "spelling.known-typo", "--all-fixes"]);
    assert_eq!(applied.code, 0, "{}{}", applied.stdout, applied.stderr);
    assert_eq!(
        r.read("a.md"),
        b"<div class=\"recieve\">\n  <p>Replace any occurrence of <code>recieve</code>.</p>\n</div>\n"
    );
    r.write(".docreview.toml", "[markdown]\nhtml_block = true\n");
    let o = r.run(&["check", "--all"]);
    assert_eq!(o.code, 2, "{}{}", o.stdout, o.stderr);
    assert!(o.stderr.contains("html_block"), "{}", o.stderr);
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

#[test]
fn sarif_output_validates_against_the_2_1_0_schema() {
    let r = repo_with_mistakes();
    let o = r.run(&["check", "--format", "sarif"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let sarif: Value = serde_json::from_str(&o.stdout).expect("json");
    let schema: Value =
        serde_json::from_str(include_str!("../data/sarif-schema-2.1.0.json")).expect("schema");
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
    // The cache is written without waiting for the disk: a file a crash left short, or as long as it
    // was with zeros at its end, is read as nothing remembered, never as other findings.
    let tear = |zeros: bool| {
        for e in std::fs::read_dir(r.path(".git/docreview/cache")).expect("cache dir") {
            let path = e.expect("entry").path();
            let mut bytes = std::fs::read(&path).expect("read");
            let half = bytes.len() / 2;
            if zeros {
                bytes[half..].fill(0);
            } else {
                bytes.truncate(half);
            }
            std::fs::write(&path, &bytes).expect("tear");
        }
    };
    for zeros in [false, true] {
        tear(zeros);
        assert_eq!(r.check_json(&["--all"]).texts(), cold, "torn cache = cold");
        assert_eq!(r.check_json(&["--all"]).texts(), cold, "and stored again");
    }
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

/// The reports remembered whole in the cache, by file name, with the inode of each (a report written
/// again is a new file, renamed into place).
fn reports(r: &Repo) -> Vec<(String, u64)> {
    use std::os::unix::fs::MetadataExt;
    let mut out: Vec<(String, u64)> = fs::read_dir(r.path(".git/docreview/cache"))
        .expect("cache dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".report"))
        .map(|e| {
            let ino = e.metadata().expect("meta").ino();
            (e.file_name().to_string_lossy().into_owned(), ino)
        })
        .collect();
    out.sort();
    out
}

/// A change to a repository, and what it is.
type Change<'a> = (&'static str, Box<dyn Fn() + 'a>);

#[test]
fn a_report_is_written_again_from_memory_only_while_nothing_it_depends_on_changed() {
    let r = Repo::new();
    r.write("a.md", "On Github.\n\nWe use the data-set here.\n")
        .write("b.md", "A dataset and a dataset and a dataset.\n")
        .write("c.md", "A clean doc.\n")
        .commit("init");
    let fresh = |args: &[&str]| r.run_uncached(args);
    let same = |args: &[&str], why: &str| {
        let (o, f) = (r.run(args), fresh(args));
        assert_eq!((o.code, &o.stdout), (f.code, &f.stdout), "{why}: {args:?}");
        o
    };
    let json = ["check", "--all", "--format", "json"];
    let human = ["check", "--all", "--color", "always"];
    let first = same(&json, "cold");
    assert_eq!(first.code, 1);
    let kept = reports(&r);
    assert_eq!(kept.len(), 1, "one report remembered");
    same(&json, "warm");
    assert_eq!(
        reports(&r),
        kept,
        "written from memory: the report was not made again"
    );
    // Another way of asking is another report; both are kept.
    same(&human, "human");
    same(&human, "human, warm");
    same(&["check", "c.md", "--format", "json"], "a clean doc");
    let clean = r.run(&["check", "c.md", "--format", "json"]);
    assert_eq!(clean.code, 0, "the exit status is remembered too");
    assert_eq!(reports(&r).len(), 3);
    assert!(reports(&r).contains(&kept[0]), "{:?}", reports(&r));
    // Each change below must show in the very next report.
    let changes: Vec<Change> = vec![
        (
            "a doc's text",
            Box::new(|| {
                r.write(
                    "a.md",
                    "On Github and Gitlab.\n\nWe use the data-set here.\n\nThe recieve step.\n",
                );
            }),
        ),
        (
            "a doc added",
            Box::new(|| {
                r.write("d.md", "Also on Github.\n");
            }),
        ),
        (
            "a doc removed",
            Box::new(|| fs::remove_file(r.path("d.md")).expect("rm")),
        ),
        // b.md is the only doc that spells it "dataset": the doc-set verdict turns.
        (
            "another doc's text",
            Box::new(|| {
                r.write("b.md", "A data-set and a data-set.\n");
            }),
        ),
        (
            "the config",
            Box::new(|| {
                r.write(".docreview.toml", "[terms]\ndataset = [\"here\"]\n");
            }),
        ),
        (
            "the vocabulary",
            Box::new(|| {
                r.write(".docreview/vocabulary.txt", "recieve\n");
            }),
        ),
        (
            "the baseline",
            Box::new(|| {
                r.run(&["baseline", "write"]);
            }),
        ),
    ];
    let mut before = r.run(&json).stdout;
    for (what, change) in changes {
        change();
        let after = same(&json, what).stdout;
        assert_ne!(after, before, "{what} changed the report");
        let made = reports(&r);
        same(&json, what);
        assert_eq!(reports(&r), made, "{what}: the second time, from memory");
        before = after;
    }
    // A report damaged on disk (a crash before the disk had it) is never written out: made again.
    for e in fs::read_dir(r.path(".git/docreview/cache"))
        .expect("cache dir")
        .flatten()
    {
        if e.file_name().to_string_lossy().ends_with(".report") {
            let mut bytes = fs::read(e.path()).expect("read");
            bytes[3] ^= 0x20;
            fs::write(e.path(), &bytes).expect("damage");
        }
    }
    same(&json, "damaged");
    same(&human, "damaged");
    // The reports of the rule sets before the config changed are gone with their memos.
    assert_eq!(reports(&r).len(), 2, "{:?}", reports(&r));
}

#[test]
fn a_name_the_docs_capitalise_is_flagged_in_lower_case_when_the_team_turns_the_rule_on() {
    let r = Repo::with_defaults();
    for i in 0..12 {
        r.write(
            &format!("docs/p{i}.md"),
            &format!("# Page {i}\n\nWe build the site with Zorblax, and Zorblax is fast.\n\nThen Zorblax renders it.\n\nRun `zorblax serve` to preview.\n"),
        );
    }
    r.write(
        "docs/install.md",
        "# Install\n\nThat is the case after a fresh install of zorblax.\n\nTo preview, run zorblax serve in a shell.\n",
    );
    r.write("docs/users.md", "# Users\n\nLog in as the zorblax user.\n");
    r.commit("docs");
    let name_case = |o: &Out| -> Vec<(String, String, Vec<String>)> {
        findings_with_fixes(o)
            .into_iter()
            .filter(|(rule, _, _)| rule == "consistency.name-case")
            .collect()
    };
    // Off by default: below the precision gate.
    assert!(name_case(&r.run_uncached(&["check", "--all", "--format", "json"])).is_empty());
    r.write(
        ".docreview.toml",
        "[rules]\n\"consistency.name-case\" = \"on\"\n",
    );
    let whole = r.run_uncached(&["check", "--all", "--format", "json"]);
    // The name (36 capitals mid-sentence against 3 in lower case), not the command after "run" nor
    // the account name.
    assert_eq!(
        name_case(&whole),
        [(
            "consistency.name-case".to_owned(),
            "zorblax".to_owned(),
            vec!["Zorblax".to_owned()]
        )]
    );
    // Each doc a part of its own: the same verdict from the same doc set.
    let parts = run_in_env(
        &r.root,
        &r.home,
        &["check", "--all", "--format", "json"],
        &[("DOCREVIEW_NO_CACHE", "1"), ("DOCREVIEW_PART_BYTES", "1")],
    );
    assert_eq!(parts.stdout, whole.stdout);
}

#[test]
fn code_the_docs_format_as_code_is_flagged_where_a_doc_writes_it_plain_once_turned_on() {
    let r = Repo::with_defaults();
    r.write(
        "docs/setup.md",
        "# Setup\n\nAdd the crate to `Cargo.toml`, then call `init_logger()`.\n\nKeep `Cargo.toml` tidy.\n",
    );
    r.write(
        "docs/guide.md",
        "# Guide\n\nOpen your Cargo.toml and add the line, then call `init_logger()` once.\n\n\
         The \"Cargo.toml\" of a workspace is special.\n",
    );
    r.write(
        "docs/notes.md",
        "# Notes\n\nWe write max_retries, read_timeout and Cargo.toml plain here.\n",
    );
    r.commit("docs");
    let code_format = |o: &Out| -> Vec<(String, String, Vec<String>)> {
        findings_with_fixes(o)
            .into_iter()
            .filter(|(rule, _, _)| rule == "consistency.code-format")
            .collect()
    };
    // Off by default (below the precision gate).
    let o = r.run_uncached(&["check", "--all", "--format", "json"]);
    assert!(code_format(&o).is_empty(), "{:?}", code_format(&o));
    // Turned on, the doc set writes `Cargo.toml` as code twice and plain twice: the plain one in
    // running text is flagged, not the quoted one, and not in the doc that writes all its code plain.
    r.write(
        ".docreview.toml",
        "[rules]\n\"consistency.code-format\" = \"on\"\n",
    );
    let o = r.run_uncached(&["check", "--all", "--format", "json"]);
    assert_eq!(
        code_format(&o),
        [(
            "consistency.code-format".to_owned(),
            "Cargo.toml".to_owned(),
            vec!["`Cargo.toml`".to_owned()]
        )]
    );
    // A review fix, applied when asked for: the backticks go in and nothing else changes.
    let o = r.run(&[
        "apply",
        "--all",
        "--all-fixes",
        "--rule",
        "consistency.code-format",
    ]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert_eq!(
        String::from_utf8_lossy(&r.read("docs/guide.md")),
        "# Guide\n\nOpen your `Cargo.toml` and add the line, then call `init_logger()` once.\n\n\
         The \"Cargo.toml\" of a workspace is special.\n"
    );
}
