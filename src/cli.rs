//! The command line, declared with clap. Help texts here are the first manual a user reads: each says
//! what the option does and when to reach for it.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const ABOUT: &str = "Reviews Markdown docs the way a careful human reviewer does, and writes the fixes you accept back to disk, safely.";

const AFTER_HELP: &str = "\
Scope: by default docreview looks at the docs you changed in this git repository (index and working
tree against HEAD, plus untracked docs) and reports only on the changed lines.

Examples:
  docreview                            review the findings on the lines you changed, one by one
  docreview --base origin/main         review everything this branch changed
  docreview check                      findings on the lines you changed
  docreview check --base origin/main   everything this branch changed, like a pull request
  docreview check --all --lines all    every doc in the repository, whole
  docreview check docs/ README.md      these files and folders, whole (also outside a repository)
  docreview apply --dry-run            show the safe fixes as a diff
  docreview apply                      write the safe fixes
  docreview rules                      every rule with its level
  docreview demo                       try it on a sample repository

Exit codes: 0 no findings, 1 findings (check), 2 usage, config or I/O error.";

#[derive(Debug, Parser)]
#[command(name = "docreview", version, about = ABOUT, after_help = AFTER_HELP, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Without a command: `docreview review` with these options.
    #[command(flatten)]
    pub review: ReviewArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Walk through each finding in a side-by-side diff; accepted fixes are written at once (the default
    /// command).
    #[command(
        after_help = "Keys (? shows the ones valid at any moment):\n  a y Enter accept · 1-9 alternative · r n reject · s Space skip · e edit · u undo\n  A / R bulk accept / reject (file, rule, everything) · o open in $EDITOR\n  j k next / previous · J K scroll · < > file · / filter · d view · q quit\n\nDecisions are journaled under .git/docreview/; running docreview again resumes: accepted and\nrejected findings are gone, skipped ones come back.\n\nExamples:\n  docreview review\n  docreview review --defer          decide first, write with w (or apply --accepted later)\n  docreview review --theme light docs/"
    )]
    Review(ReviewArgs),
    /// Check docs and report findings (for CI and pre-commit); exits 1 when there are findings.
    #[command(
        after_help = "Examples:\n  docreview check\n  docreview check --staged --format github\n  docreview check --all --format json > findings.json\n  docreview check --min-severity warning docs/"
    )]
    Check(CheckArgs),
    /// Write fixes to disk: the safe ones by default, every first suggestion with --all-fixes.
    #[command(
        after_help = "Every write is atomic and refused when the file changed since it was read; bytes outside\nthe fixed spans never change; line endings, BOM, permissions and the final newline are kept.\n\nExamples:\n  docreview apply --dry-run\n  docreview apply --rule terminology.canonical\n  docreview apply --all-fixes --all docs/"
    )]
    Apply(ApplyArgs),
    /// Size up a whole doc set: findings per rule and per doc; in a terminal, decide group by group.
    #[command(
        after_help = "Without a terminal (or with --summary) it prints tables: findings per rule (count, fixable,\nsafe, files) and the 20 docs with the most findings per 1,000 words of prose; --format json\nprints the same data.\n\nIn a terminal: groups by rule (Tab: by file), each with its count, progress and three examples.\n  Enter review the group one by one (q comes back) · A accept all (asks first; one undo step)\n  D dismiss all · B add to the baseline · X turn the rule off in .docreview.toml · u undo · q quit\n\nExamples:\n  docreview triage\n  docreview triage --summary --format json > triage.json\n  docreview triage docs/ --rule 'terminology.*'"
    )]
    Triage(TriageArgs),
    /// Record findings you live with for now (.docreview-baseline.json), so CI fails only on new ones.
    #[command(
        after_help = "The baseline holds path, rule and a content fingerprint of each finding: moving text or\nediting other lines keeps it matched; editing the sentence makes its findings new again.\ncheck, review and triage hide baselined findings (--no-baseline shows them).\n\nExamples:\n  docreview baseline write          record every current finding\n  docreview baseline status         how many entries still match\n  docreview baseline update         drop entries that no longer match (never adds)"
    )]
    Baseline(BaselineArgs),
    /// List every rule with its level and safety, or explain one.
    Rules(RulesArgs),
    /// The team's vocabulary: words that are never spelling mistakes.
    #[command(
        after_help = "Words live in .docreview/vocabulary.txt at the repository root (one a line, # comments;
commit it) and under [vocabulary] accept in .docreview.toml. Matching ignores case.
Words in code spans or code blocks, and words at least 3 docs use ([vocabulary] min_docs),
are vocabulary without being listed.

Examples:
  docreview vocab add requantize Kubeflow
  docreview vocab list"
    )]
    Vocab(VocabArgs),
    /// Review-guideline files: list the rules they give, or test those rules on their examples.
    #[command(
        after_help = "A guideline file is Markdown with front matter (title, description), a body whose
\"Incorrect: X\" / \"Correct: Y\" pairs and \"A not B\" / \"use A instead of B\" advice become rules
(guideline.<file name>.<n>), and optionally a JSON list of past review discussions (after the
body, or in NAME.json beside it) whose ```suggestion blocks become examples.
Load them with guidelines = [\"review/*.md\"] in .docreview.toml or --guideline FILE.

`guidelines test` runs every active rule on each example's text before the suggestion and says
whether the rules caught it, caught it with exactly the reviewer's fix, or missed it.

Examples:
  docreview guidelines list
  docreview guidelines test
  docreview guidelines test review/products.md --format json"
    )]
    Guidelines(GuidelinesArgs),
    /// Create a sample repository with real mistakes and check it.
    Demo(DemoArgs),
    /// Print a shell completion script for docreview.
    #[command(
        after_help = "Examples:\n  docreview completions bash > ~/.local/share/bash-completion/completions/docreview\n  docreview completions zsh > ~/.zfunc/_docreview      (with fpath+=~/.zfunc before compinit)\n  docreview completions fish > ~/.config/fish/completions/docreview.fish"
    )]
    Completions(CompletionsArgs),
    /// Serve the editor as a language server over stdio: findings as diagnostics, fixes as quick fixes.
    #[command(
        after_help = "Started by the editor, not by hand: it speaks the Language Server Protocol on standard input and\noutput. Open Markdown and MDX docs are checked as they change (docreview's fast rules at once,\nharper's when done), with the workspace's .docreview.toml, vocabulary, baseline and .vale.ini,\nread again when they change. Quick fixes: each replacement, every safe fix of the file, a word\nfor the team vocabulary, the rule silenced on a line or turned off in .docreview.toml.\n\nSettings (initializationOptions, or workspace settings under \"docreview\"):\n  {\"minSeverity\": \"warning\", \"disabledRules\": [\"spelling.*\"]}\n\nNeovim:  vim.lsp.start({ name = 'docreview', cmd = { 'docreview', 'lsp' }, root_dir = vim.fs.root(0, '.git') })\nHelix:   [language-server.docreview] command = \"docreview\", args = [\"lsp\"]   (languages.toml)\nThe README has VS Code, Zed and Emacs (eglot) too."
    )]
    Lsp,
    /// Print docreview's manual page (roff), for `man`.
    #[command(
        after_help = "Examples:\n  docreview man > ~/.local/share/man/man1/docreview.1   then: man docreview\n  docreview man | man -l -"
    )]
    Man,
}

/// Which docs and lines to look at (shared by check and apply).
#[derive(Debug, Args, Clone, Default)]
pub struct ScopeArgs {
    /// Files or folders to check, whole (inside or outside a repository).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Only what is staged (index against HEAD), as a pre-commit hook sees it.
    #[arg(long, conflicts_with_all = ["base", "all"])]
    pub staged: bool,

    /// Everything changed since the merge-base of REV and HEAD, like a pull request
    /// (committed, uncommitted and untracked work).
    #[arg(long, value_name = "REV", conflicts_with = "all")]
    pub base: Option<String>,

    /// Every doc in the repository (tracked, or untracked and not ignored), whole; translations of
    /// English pages in the repository, test inputs and docs that say a program writes them are left
    /// out (name a path to check one).
    #[arg(long)]
    pub all: bool,

    /// Report on changed lines only (the default), or on the whole of every changed file.
    #[arg(long, value_enum, value_name = "WHICH")]
    pub lines: Option<LinesArg>,

    /// Use this config file instead of looking for .docreview.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Only run rules matching GLOB (an id, a family, or a glob like "grammar.*"); repeatable.
    #[arg(long = "rule", value_name = "GLOB")]
    pub rules: Vec<String>,

    /// Also load this review-guideline file (besides `guidelines` in .docreview.toml); repeatable.
    #[arg(long = "guideline", value_name = "FILE")]
    pub guidelines: Vec<PathBuf>,

    /// Run this Vale setup's styles too (instead of the nearest .vale.ini; `vale = false` in
    /// .docreview.toml turns Vale styles off).
    #[arg(long = "vale-config", value_name = "FILE")]
    pub vale_config: Option<PathBuf>,

    /// Do not print notices about skipped files.
    #[arg(long, short)]
    pub quiet: bool,

    /// Also report findings recorded in the baseline (.docreview-baseline.json).
    #[arg(long)]
    pub no_baseline: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum LinesArg {
    /// Only lines that changed.
    #[default]
    Changed,
    /// The whole of each changed file.
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorArg {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum FormatArg {
    /// Diagnostics with the source line and a caret (default).
    #[default]
    Human,
    /// The public JSON contract: {"version": 1, "findings": [...], "summary": {...}}.
    Json,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// SARIF 2.1.0, with fixes (code scanning services).
    Sarif,
    /// reviewdog's Diagnostic Format, with suggestions (pull-request bots).
    Rdjson,
    /// A unified diff of every fix (first suggestion; `git apply` takes it).
    Diff,
    /// One finding a line, path:line:column:rule:message (the shape of Vale's --output=line).
    Line,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeverityArg {
    Suggestion,
    Warning,
    Error,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,

    /// Colour in the human format (NO_COLOR is honoured in auto mode).
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorArg::Auto)]
    pub color: ColorArg,

    /// Report and fail only on findings at or above this severity.
    #[arg(long, value_enum, value_name = "LEVEL", default_value_t = SeverityArg::Suggestion)]
    pub min_severity: SeverityArg,
}

#[derive(Debug, Args)]
pub struct ApplyArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,

    /// Also apply fixes that need review (their first suggestion), not only the safe ones.
    #[arg(long)]
    pub all_fixes: bool,

    /// Print the fixes as a unified diff instead of writing them (git apply takes it).
    #[arg(long)]
    pub dry_run: bool,

    /// Write the fixes accepted in the last `docreview review --defer` session instead of checking.
    #[arg(long, conflicts_with_all = ["all_fixes", "rules"])]
    pub accepted: bool,

    /// Commit a pull request's ```suggestion comments in a batch (GitHub's review-comments JSON
    /// or the discussions format): each is found in today's file by its text; outdated, already
    /// applied and superseded ones are listed, never applied.
    #[arg(long, value_name = "FILE.json", conflicts_with_all = ["all_fixes", "rules", "accepted"])]
    pub suggestions: Option<PathBuf>,

    /// Colour in messages (NO_COLOR is honoured in auto mode).
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ReviewArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,

    /// Record accepted fixes without writing them; `w` writes them all, quitting asks, and
    /// `docreview apply --accepted` writes them later.
    #[arg(long)]
    pub defer: bool,

    /// Colour theme: default, light, mono, or a theme of your own (themes/NAME.toml in the user config
    /// folder). NO_COLOR picks mono.
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,

    /// Review a pull request's ```suggestion comments instead of docreview's findings: GitHub's
    /// review-comments JSON (pulls/N/comments) or the discussions format of guideline files.
    #[arg(long, value_name = "FILE.json")]
    pub suggestions: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum TriageFormat {
    /// Tables.
    #[default]
    Human,
    /// The same data as JSON.
    Json,
}

#[derive(Debug, Args)]
pub struct TriageArgs {
    /// Files or folders to triage (default: every doc of the repository).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Print the tables even in a terminal.
    #[arg(long)]
    pub summary: bool,

    /// Output format of the tables.
    #[arg(long, value_enum, default_value_t = TriageFormat::Human)]
    pub format: TriageFormat,

    /// Start the screen grouped by file instead of by rule.
    #[arg(long)]
    pub by_file: bool,

    /// Use this config file instead of looking for .docreview.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Only run rules matching GLOB; repeatable.
    #[arg(long = "rule", value_name = "GLOB")]
    pub rules: Vec<String>,

    /// No progress bar, no notices about skipped files.
    #[arg(long, short)]
    pub quiet: bool,

    /// Also count findings recorded in the baseline.
    #[arg(long)]
    pub no_baseline: bool,

    /// Record accepted fixes without writing them (as `review --defer`).
    #[arg(long)]
    pub defer: bool,

    /// Colour theme for the screen.
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,

    /// Review a pull request's ```suggestion comments instead of docreview's findings: GitHub's
    /// review-comments JSON (pulls/N/comments) or the discussions format of guideline files.
    #[arg(long, value_name = "FILE.json")]
    pub suggestions: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BaselineArgs {
    #[command(subcommand)]
    pub action: BaselineAction,
}

#[derive(Debug, Subcommand)]
pub enum BaselineAction {
    /// Record every current finding in scope (replaces the file).
    Write(BaselineScope),
    /// Remove entries that no longer match a finding (never adds).
    Update(BaselineScope),
    /// How many entries still match, how many are gone, how many findings are new.
    Status(BaselineScope),
}

#[derive(Debug, Args)]
pub struct BaselineScope {
    /// Files or folders (default: every doc of the repository).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Use this config file instead of looking for .docreview.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Only rules matching GLOB; repeatable.
    #[arg(long = "rule", value_name = "GLOB")]
    pub rules: Vec<String>,

    /// No progress bar, no notices about skipped files.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct VocabArgs {
    #[command(subcommand)]
    pub action: VocabAction,

    /// Use this config file instead of looking for .docreview.toml.
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct GuidelinesArgs {
    #[command(subcommand)]
    pub action: GuidelinesAction,

    /// Use this config file instead of looking for .docreview.toml.
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum GuidelinesAction {
    /// Show each loaded guideline with the rules it gives and its number of examples.
    List {
        /// Guideline files to load besides those in .docreview.toml.
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Run the active rules on every example and report caught, fixed exactly, and missed.
    Test {
        /// Only these guideline files (default: every guideline in .docreview.toml).
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,

        /// Output format.
        #[arg(long, value_enum, default_value_t = TestFormat::Human)]
        format: TestFormat,

        /// Exit with status 1 when an example is missed (for CI).
        #[arg(long)]
        strict: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum TestFormat {
    #[default]
    Human,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum VocabAction {
    /// Add words to .docreview/vocabulary.txt (created if missing).
    Add {
        /// The words, as they are written.
        #[arg(required = true, value_name = "WORD")]
        words: Vec<String>,
    },
    /// Print the team vocabulary and where each word comes from.
    List,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    pub action: Option<RulesAction>,

    /// Also list the harper-core grammar rules that are off (there are hundreds).
    #[arg(long)]
    pub all: bool,

    /// Use this config file instead of looking for .docreview.toml.
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,

    /// List this Vale setup's rules (instead of the nearest .vale.ini's).
    #[arg(long = "vale-config", value_name = "FILE", global = true)]
    pub vale_config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum RulesAction {
    /// Print what a rule catches, why, and how to configure or silence it.
    Explain {
        /// Rule id, e.g. grammar.allow-to.
        id: String,
    },
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Keep the sample repository instead of deleting it afterwards (its path is printed).
    #[arg(long)]
    pub keep: bool,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        // clap's own checks: no two arguments with one name, every `requires`/`conflicts_with` names
        // an argument that exists, defaults parse.
        Cli::command().debug_assert();
    }
}
