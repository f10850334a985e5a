//! `docreview apply`: safe fixes written in a batch, keeping every other byte, permissions and line
//! endings, and refusing what would break markup.

use crate::util::*;
use std::fs;
use std::process::Command;

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
         * See <https://example.com/post?utm_source=x&utm_medium=email&id=3#top>.\n\
         * Try <https://example.com/?utm_source=docs&utm_medium=referral>.\n\n\
         [ref]: https://youtu.be/abc?si=Jv-dD&t=42\n\n\
         Run `curl https://example.com/?utm_medium=email` as is.\n",
    );
    let o = r.run(&["check", "--format", "json"]);
    assert!(o.stdout.contains("\"links.tracking\""), "{}", o.stdout);
    let o = r.run(&["apply", "--rule", "links.*"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert_eq!(
        String::from_utf8_lossy(&r.read("a.md")),
        "* [Course](https://www.youtube.com/playlist?list=PL0y) - Author\n\
         * See <https://example.com/post?id=3#top>.\n\
         * Try <https://example.com/?utm_source=docs&utm_medium=referral>.\n\n\
         [ref]: https://youtu.be/abc?t=42\n\n\
         Run `curl https://example.com/?utm_medium=email` as is.\n"
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
    let before =
        "> Install the\n> the package from [Github](https://github.com/x) and `echo Github`.\n";
    r.write("a.md", before);
    assert_eq!(r.run(&["apply"]).code, 0);
    assert_eq!(
        String::from_utf8(r.read("a.md")).expect("utf8"),
        "> Install the\n> package from [GitHub](https://github.com/x) and `echo Github`.\n"
    );
}

#[test]
fn apply_fixes_a_misspelt_name_inside_inline_code_and_a_confused_word() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    r.write(
        "a.md",
        "The workflow lives in `.github/worflows/ci.yml` and keeps it's own cache.\n\
         It is run on each push to the main branch, and it is fast.\n\n\
         The `highlight` shortcode is shown below:\n\n\
         ```toml\nhighlight = true\n```\n",
    );
    let o = r.run(&["check", "--format", "line"]);
    assert!(
        o.stdout
            .contains("a.md:1:32:spelling.known-typo:\"worflows\" in `.github/worflows/ci.yml`"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains("a.md:1:59:grammar.confused-words:"),
        "{}",
        o.stdout
    );
    let o = r.run(&["apply", "--all-fixes"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert_eq!(
        r.read("a.md"),
        "The workflow lives in `.github/workflows/ci.yml` and keeps its own cache.\n\
         It is run on each push to the main branch, and it is fast.\n\n\
         The `highlight` shortcode is shown below:\n\n\
         ```toml\nhighlight = true\n```\n"
            .as_bytes()
    );
}

#[test]
fn apply_closes_an_unpaired_backtick_and_bold_where_the_reader_sees_them() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    r.write(
        "a.md",
        "- Add the file `robots.txt to the root.\r\n\
         - Keep \\` and `paired` code as written.\r\n\r\n\
         > This option is **required for the build.\r\n",
    );
    let o = r.run(&["check", "--format", "line"]);
    assert!(
        o.stdout.contains("a.md:1:16:markup.unpaired:")
            && o.stdout.contains("a.md:4:18:markup.unpaired:")
            && !o.stdout.contains("a.md:2:"),
        "{}",
        o.stdout
    );
    let o = r.run(&["apply", "--all-fixes"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert_eq!(
        r.read("a.md"),
        "- Add the file `robots.txt` to the root.\r\n\
         - Keep \\` and `paired` code as written.\r\n\r\n\
         > This option is **required** for the build.\r\n"
            .as_bytes()
    );
}

#[test]
fn apply_all_fixes_mends_verbs_that_disagree_or_follow_be() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    r.write(
        "a.md",
        "# Scripts\r\n\r\nThese scripts runs within the renderer. The tool is contains a parser.\r\n\r\n\
         What it is depends on the load. The value is set by the server.\r\n",
    );
    let o = r.run(&["check", "--format", "json"]);
    for rule in ["\"grammar.agreement\"", "\"grammar.be-verb\""] {
        assert!(o.stdout.contains(rule), "{rule}: {}", o.stdout);
    }
    let o = r.run(&[
        "apply",
        "--all-fixes",
        "--rule",
        "grammar.agreement",
        "--rule",
        "grammar.be-verb",
    ]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert_eq!(
        String::from_utf8_lossy(&r.read("a.md")),
        "# Scripts\r\n\r\nThese scripts run within the renderer. The tool contains a parser.\r\n\r\n\
         What it is depends on the load. The value is set by the server.\r\n"
    );
}

#[test]
fn apply_all_fixes_mends_doubled_determiners_a_to_after_a_modal_and_same_without_the() {
    let r = Repo::new();
    r.write("a.md", "x\n").commit("init");
    r.write(
        "a.md",
        "# Queue\r\n\r\nConvert the header into an a valid URL first. Once the queue is empty, the\r\n\
         a new page is pulled.\r\n\r\nTo enable it, you must to set the flag. This lets you to use the \
         detector.\r\n\r\nIt tries as hard as it can to make the status match. The limit is same as the \
         default.\r\n",
    );
    // "to" after a modal is only looked for when asked (it is off by default).
    let o = r.run(&["check", "--format", "json"]);
    for rule in ["\"grammar.double-determiner\"", "\"grammar.the-same\""] {
        assert!(o.stdout.contains(rule), "{rule}: {}", o.stdout);
    }
    assert!(
        !o.stdout.contains("\"grammar.bare-infinitive\""),
        "{}",
        o.stdout
    );
    let o = r.run(&[
        "apply",
        "--all-fixes",
        "--rule",
        "grammar.double-determiner",
        "--rule",
        "grammar.bare-infinitive",
        "--rule",
        "grammar.the-same",
    ]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert_eq!(
        String::from_utf8_lossy(&r.read("a.md")),
        "# Queue\r\n\r\nConvert the header into a valid URL first. Once the queue is empty,\r\n\
         a new page is pulled.\r\n\r\nTo enable it, you must set the flag. This lets you use the \
         detector.\r\n\r\nIt tries as hard as it can to make the status match. The limit is the same as \
         the default.\r\n"
    );
}
