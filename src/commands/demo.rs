//! `docreview demo`: builds a small git repository whose docs were just edited with the mistakes real
//! reviewers catch (from a real review guideline: imprecise names, "allows find", a missing article,
//! doubled words, inconsistent spelling) and opens the review screen on it (without a terminal it prints
//! what `check` finds), so a newcomer sees what docreview does in one command. The same mistakes inside code, inline code and URLs show that prose is all it reads.

use crate::cli::{CheckArgs, ColorArg, DemoArgs, FormatArg, ReviewArgs, ScopeArgs, SeverityArg};
use crate::session::{EXIT_CLEAN, Env, Error};
use git2::{IndexAddOption, Repository, Signature};
use std::io::Write;
use std::path::Path;

/// (path, committed text, edited text)
const FILES: &[(&str, &str, &str)] = &[
    (
        "README.md",
        "# Widget Tuner\n\nWidget Tuner finds fast settings for neural networks.\n\nSee docs/tuning.md and docs/install.md.\n",
        "# Widget Tuner\n\nWidget Tuner finds fast settings for neural networks built with Pytorch or Tensorflow.\nIt runs on Linux and MacOS, and its source lives on Github.\n\nSee docs/tuning.md and docs/install.md.\n",
    ),
    (
        "docs/tuning.md",
        "---\ntitle: Tuning\n---\n\n# Tuning\n\nThe tuner searches quantization settings.\n",
        "---\ntitle: Tuning\n---\n\n# Tuning\n\nThe tuner searches quantization settings. It allows automatically find\nbetter solution for each model, and it will find operator which mostly influence accuracy drops.\nThe tuner analyze a calibration set, so consider run it twice. Results are recieved as a report.\n\nWith int8 there is tiny accuracy drop compared with fp32, and the ONEDNN backend\nruns the the quantized kernels.\n\n```bash\n# Comments in code are read as prose; the code never is:\nMSG=\"ONEDNN, the the, allows automatically find\" pip install mxnet\n```\n\nSet `ONEDNN_VERBOSE=1` to see it, or read https://example.com/ONEDNN/the-the.\n",
    ),
    (
        "docs/install.md",
        "# Install\n\nInstall the package with pip. Each dataset is downloaded once.\n\nThe dataset cache lives in your home folder.\n",
        "# Install\n\nInstall the package with pip. Each dataset is downloaded once.\n\nThe dataset cache lives in your home folder. Installing takes about a hour on a\nslow connection; an user without admin rights can install it into a virtualenv.\n\nTo clear the cache, delete the data set folder and send an e-mail to the team. You can utilize\nthe `clear` command too.\n\nA [video walkthrough](https://youtu.be/4kp7vbq6Xpc?si=Jv-dDoLIQ8gYLANB&t=42) shows each step.\n",
    ),
    (
        "docs/faq.md",
        "# FAQ\n\nQuestions that come up often.\n\nWe answer email within a day. Most email is about the dataset format.\n",
        "# FAQ\n\nQuestions that come up often.\n\nWe answer email within a day. Most email is about the dataset format.\n",
    ),
];

const CONFIG: &str = "# docreview settings for this sample project.\n\n\
# The review guideline these docs follow asks for these rules too. They are off by default, because on\n\
# docs they were not tuned on fewer than 9 in 10 of their findings were right, or they found nothing to\n\
# measure (`docreview rules` shows each rule's precision); a team that wants them turns them on.\n\
[rules]\n\
\"grammar.gerund\" = \"on\"\n\
\"terminology.canonical\" = \"on\"\n\
\"consistency.variant\" = \"on\"\n\
\n\
[terms]\n\
\"Widget Tuner\" = [\"WidgetTuner\"]\n\n\
[[rule]]\n\
id = \"utilize\"\n\
pattern = '\\butiliz(e|es|ed|ing)\\b'\n\
replace = \"us$1\"\n\
message = \"Prefer the plain word \\\"use\\\".\"\n\
severity = \"suggestion\"\n";

fn write_files(root: &Path, edited: bool) -> std::io::Result<()> {
    for (path, before, after) in FILES {
        let p = root.join(path);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(p, if edited { after } else { before })?;
    }
    Ok(())
}

/// Why the sample repository could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(transparent)]
    Git(#[from] git2::Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Creates the sample repository in `root`: the clean docs committed, the edited ones in the working tree.
pub fn create(root: &Path) -> Result<(), DemoError> {
    let repo = Repository::init(root)?;
    write_files(root, false)?;
    std::fs::write(root.join(".docreview.toml"), CONFIG)?;
    let mut index = repo.index()?;
    index.add_all(["*"], IndexAddOption::DEFAULT, None)?;
    index.write()?;
    let tree = repo.find_tree(index.write_tree()?)?;
    let sig = Signature::now("docreview demo", "demo@docreview.invalid")?;
    repo.commit(Some("HEAD"), &sig, &sig, "Docs before the edit", &tree, &[])?;
    write_files(root, true)?;
    Ok(())
}

pub fn run(
    args: &DemoArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Error> {
    let dir = tempfile::Builder::new()
        .prefix("docreview-demo-")
        .tempdir()
        .map_err(|source| Error::Io {
            path: "temporary folder".into(),
            source,
        })?;
    let root = dir.path().to_path_buf();
    create(&root).map_err(|e| Error::Demo(Box::new(e)))?;
    let demo_env = Env {
        cwd: root.clone(),
        ..env.clone()
    };
    if env.stdin_tty && env.stdout_tty {
        // On a terminal: the review screen itself.
        let hint = "Demo: docs just edited with real mistakes. a accepts (writes the file), r rejects, s skips, u undoes, ? shows every key, q quits.";
        let code = super::review::run(
            &ReviewArgs::default(),
            &demo_env,
            out,
            err,
            Some(hint.to_owned()),
        )?;
        finish(dir, args.keep, out)?;
        return Ok(code);
    }
    let color = env.color(ColorArg::Auto, env.stdout_tty);
    let heading = |s: &str| {
        if color {
            format!("\x1b[1;35m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    };
    writeln!(
        out,
        "{}\n{}\n",
        heading("docreview demo: a sample repository whose docs were just edited."),
        format_args!(
            "It lives in {}. The edits brought in mistakes a careful reviewer catches; the same words in\n\
             code blocks, inline code and URLs are left alone. This is `docreview check` run there:",
            root.display()
        )
    )?;
    let check = CheckArgs {
        scope: ScopeArgs::default(),
        format: FormatArg::Human,
        color: ColorArg::Auto,
        min_severity: SeverityArg::Suggestion,
    };
    super::check::run(&check, &demo_env, out, err)?;
    writeln!(
        out,
        "\nNext: `docreview apply --dry-run` there shows the safe fixes as a diff, `docreview apply` writes them."
    )?;
    finish(dir, args.keep, out)?;
    Ok(EXIT_CLEAN)
}

/// Keeps or deletes the demo repository, and says which.
fn finish(dir: tempfile::TempDir, keep: bool, out: &mut dyn Write) -> Result<(), Error> {
    if keep {
        let kept = dir.keep();
        writeln!(out, "The demo repository is kept at {}.", kept.display())?;
    } else {
        writeln!(
            out,
            "(The demo repository is deleted now; `docreview demo --keep` keeps it to try more.)"
        )?;
    }
    Ok(())
}
