//! The commands: each one loads configuration and docs (io), runs the engine (core) and renders a
//! report. Functions take the working directory and output streams as arguments, so tests and the demo
//! run them without touching the process's state.

use crate::batch;
use crate::cli::{
    CheckArgs, Cli, ColorArg, Command, FormatArg, LinesArg, ReviewArgs, RulesAction, RulesArgs,
    ScopeArgs, SeverityArg,
};
use crate::config::{self, Config, ConfigError};
use crate::core::baseline::Baseline;
use crate::core::engine::{Doc, Engine, Lines, Settings};
use crate::core::finding::{Finding, Severity};
use crate::core::markdown::rule_matches;
use crate::io::cache::Cache;
use crate::io::files;
use crate::io::repo::{Repo, RepoError, Scope};
use crate::report::{self, Summary};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::AtomicUsize;

/// Exit statuses.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// Everything that can stop a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Repo(#[from] RepoError),
    #[error(
        "{0} is not inside a git repository, so there are no changes to check.\n\
         Pass the files or folders to check (docreview check docs/ README.md), or run inside a repository."
    )]
    NotARepo(String),
    #[error("cannot read {path}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("{0}")]
    Usage(String),
    #[error("writing the output failed")]
    Output(#[source] io::Error),
    #[error(
        "the review screen needs a terminal, and {0} is not one.\n\
         Without a terminal, use:\n  docreview check             report the findings (exit status 1 when there are any)\n  \
         docreview apply --dry-run   show the safe fixes as a diff\n  docreview apply             write the safe fixes"
    )]
    NoTty(&'static str),
    #[error(transparent)]
    Theme(#[from] crate::tui::theme::ThemeError),
    #[error("your config: {0}")]
    Keys(#[from] crate::tui::keymap::KeyError),
    #[error("the review screen failed")]
    Terminal(#[source] io::Error),
    #[error(transparent)]
    Write(#[from] crate::io::files::WriteError),
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Error {
        Error::Output(e)
    }
}

/// How the process was started.
#[derive(Debug, Clone)]
pub struct Env {
    pub cwd: PathBuf,
    /// Is standard output a terminal?
    pub stdout_tty: bool,
    /// Is standard error a terminal?
    pub stderr_tty: bool,
    /// Is standard input a terminal?
    pub stdin_tty: bool,
    /// `NO_COLOR` is set (and not empty).
    pub no_color: bool,
}

impl Env {
    pub fn color(&self, arg: ColorArg, tty: bool) -> bool {
        match arg {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => tty && !self.no_color,
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli, env: &Env, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, Error> {
    match cli.command {
        None => review(&cli.review, env, out, err, None),
        Some(Command::Review(args)) => review(&args, env, out, err, None),
        Some(Command::Check(args)) => check(&args, env, out, err),
        Some(Command::Apply(args)) => batch::apply(&args, env, out, err),
        Some(Command::Rules(args)) => rules(&args, env, out),
        Some(Command::Vocab(args)) => vocab(&args, env, out),
        Some(Command::Guidelines(args)) => crate::guidelines::run(&args, env, out, err),
        Some(Command::Triage(args)) => crate::triage::triage(&args, env, out, err),
        Some(Command::Baseline(args)) => crate::triage::baseline(&args, env, out, err),
        Some(Command::Demo(args)) => crate::demo::run(&args, env, out, err),
    }
}

/// The docs to check and the docs that only inform doc-set-wide counts.
pub struct Inputs {
    pub docs: Vec<Doc>,
    /// Path to write each doc back to (symlinks resolved), parallel to `docs`.
    pub reals: Vec<PathBuf>,
    /// Path of each doc for diff headers (repository-relative when in a repository).
    pub diff_paths: Vec<String>,
    pub context: Vec<Doc>,
}

/// Config, engine and docs for a scope: what `check`, `apply` and later `review` start from.
pub struct Session {
    pub config: Config,
    pub engine: Engine,
    pub inputs: Inputs,
    pub plan: Plan,
    /// The engine's memory between runs (in a repository).
    pub cache: Option<Cache>,
    /// Words of prose per doc of `inputs.docs`, as counted by the last [`Session::all_findings`].
    pub words: Vec<usize>,
}

impl Session {
    /// Loads config, engine and docs. `from_index`: see [`Plan::make`].
    pub fn open(
        scope: &ScopeArgs,
        env: &Env,
        err: &mut dyn Write,
        from_index: bool,
    ) -> Result<Session, Error> {
        let (repo, config, engine, mut notices) = setup(scope, env)?;
        let mut cache = open_cache(repo.as_ref(), &engine);
        if let Some(c) = cache.as_mut() {
            c.prefetch();
        }
        let plan = Plan::make(
            scope,
            env,
            &config,
            repo.as_ref(),
            engine_needs_context(&engine),
            from_index,
            &mut notices,
        )?;
        let mut inputs = plan.read_docs(&mut notices)?;
        inputs.context = plan.read_context();
        if !scope.quiet {
            for n in notices {
                writeln!(err, "docreview: {n}")?;
            }
        }
        Ok(Session {
            config,
            engine,
            inputs,
            plan,
            cache,
            words: Vec::new(),
        })
    }

    /// Every finding in scope, baselined ones left out.
    pub fn findings(&mut self) -> Vec<Finding> {
        let all = self.all_findings(&AtomicUsize::new(0));
        self.plan.unbaselined(all)
    }

    /// Every finding in scope, the baseline ignored (from the cache where it can); `done` counts the
    /// docs checked, for a progress bar.
    pub fn all_findings(&mut self, done: &AtomicUsize) -> Vec<Finding> {
        // Without a cache, the same path with a memory of this run only (it holds each document's
        // prose no longer than its own check needs).
        let mut memo = self.cache.as_mut().map(Cache::load).unwrap_or_default();
        memo.once = true;
        let mut nothing = crate::core::cache::Nothing;
        let stored: &mut dyn crate::core::cache::Stored = match self.cache.as_mut() {
            Some(cache) => cache,
            None => &mut nothing,
        };
        let checked = self.engine.check_cached(
            &self.inputs.docs,
            &self.inputs.context,
            &mut memo,
            stored,
            done,
        );
        self.words = checked.words;
        if let Some(cache) = self.cache.as_mut() {
            // The cache only saves time: failing to write it is not the user's problem.
            let _ = cache.save(&mut memo);
            let (paragraphs, fresh) = self.engine.harper_memo();
            if fresh {
                let _ = cache.save_paragraphs(paragraphs);
            }
        }
        checked.findings
    }
}

/// The engine's cache in a repository, unless `DOCREVIEW_NO_CACHE` is set.
pub fn open_cache(repo: Option<&Repo>, engine: &Engine) -> Option<Cache> {
    if std::env::var_os("DOCREVIEW_NO_CACHE").is_some_and(|v| !v.is_empty()) {
        return None;
    }
    Some(Cache::new(repo?.git_dir(), engine.version()))
}

pub fn engine_needs_context(engine: &Engine) -> bool {
    engine.needs_doc_set()
}

/// Where the baseline lives: the repository root, or the working directory outside one.
pub fn baseline_path(repo: Option<&Repo>, env: &Env) -> PathBuf {
    repo.map_or(env.cwd.as_path(), Repo::root)
        .join(BASELINE_FILE)
}

pub const BASELINE_FILE: &str = ".docreview-baseline.json";

/// Reads the baseline; a missing file is an empty one.
pub fn load_baseline(path: &Path) -> Result<Baseline, Error> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            Baseline::parse(&text).map_err(|e| Error::Usage(format!("{}: {e}", path.display())))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Baseline::default()),
        Err(source) => Err(Error::Io {
            path: path.display().to_string(),
            source,
        }),
    }
}

/// Finds and parses the config: `--config`, else `.docreview.toml` from the working directory up to
/// the repository root (outside a repository: the working directory only).
pub fn load_config(
    explicit: Option<&Path>,
    guidelines: &[PathBuf],
    env: &Env,
    repo: Option<&Repo>,
) -> Result<Config, Error> {
    let stop = repo.map(Repo::root).unwrap_or(&env.cwd);
    let mut config = match explicit {
        Some(p) => Config::load(&env.cwd.join(p))?,
        None => match config::find(&env.cwd, Some(stop)) {
            Some(p) => Config::load(&p)?,
            None => Config::default(),
        },
    };
    config
        .settings
        .vocabulary
        .extend(read_vocabulary(&vocabulary_path(repo, env))?);
    crate::guidelines::load(&mut config, guidelines, env)?;
    Ok(config)
}

/// The team's vocabulary file: `.docreview/vocabulary.txt` at the repository root (outside a
/// repository: in the working directory).
pub fn vocabulary_path(repo: Option<&Repo>, env: &Env) -> PathBuf {
    repo.map_or(env.cwd.as_path(), Repo::root)
        .join(".docreview")
        .join("vocabulary.txt")
}

/// The words of a vocabulary file (one a line; blank lines and `#` comments are skipped). A missing
/// file is an empty vocabulary.
pub fn read_vocabulary(path: &Path) -> Result<Vec<String>, Error> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_owned)
            .collect()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(source) => Err(Error::Io {
            path: path.display().to_string(),
            source,
        }),
    }
}

/// What a scope asks for: the repository (if any), the configuration with its guidelines loaded, the
/// engine, and the guidelines' notices.
pub fn setup(
    scope: &ScopeArgs,
    env: &Env,
) -> Result<(Option<Repo>, Config, Engine, Vec<String>), Error> {
    let repo = Repo::discover(&env.cwd)?;
    let config = load_config(
        scope.config.as_deref(),
        &scope.guidelines,
        env,
        repo.as_ref(),
    )?;
    let engine = build_engine(&config, &scope.rules)?;
    let notices = crate::guidelines::notices(&config);
    Ok((repo, config, engine, notices))
}

/// Builds the engine and checks that every rule named in the config or on the command line exists.
pub fn build_engine(config: &Config, only: &[String]) -> Result<Engine, Error> {
    let settings = Settings {
        only: only.to_vec(),
        ..config.settings.clone()
    };
    let engine = Engine::new(&settings).map_err(|e| {
        let name = match &e {
            crate::core::rules::terminology::TermError::Ambiguous { term, .. } => term.clone(),
            crate::core::rules::terminology::TermError::Invalid(s) => s.clone(),
        };
        config.term_error(&name, e.to_string())
    })?;
    let patterns = config.rule_patterns();
    if let Some(bad) = engine
        .unknown_patterns(patterns.iter().map(String::as_str))
        .first()
    {
        return Err(config
            .rule_error(
                bad,
                format!("no rule is called \"{bad}\" (run `docreview rules` to list them)"),
            )
            .into());
    }
    if let Some(bad) = engine
        .unknown_patterns(only.iter().map(String::as_str))
        .first()
    {
        return Err(Error::Usage(format!(
            "--rule {bad} matches no rule (run `docreview rules` to list them)"
        )));
    }
    Ok(engine)
}

/// `path` as the user should see it: relative to the working directory when that is shorter.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    let rel = relative_to(path, cwd);
    let s = rel.as_deref().unwrap_or(path).display().to_string();
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

fn relative_to(path: &Path, base: &Path) -> Option<PathBuf> {
    if !path.is_absolute() {
        return Some(path.to_owned());
    }
    let p: Vec<Component> = path.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return None;
    }
    let ups = b.len() - common;
    if ups > 3 {
        return None;
    }
    let mut out = PathBuf::new();
    for _ in 0..ups {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c.as_os_str());
    }
    Some(out)
}

fn read_one(
    path: &Path,
    root: Option<&Path>,
    shown: &str,
) -> Result<Option<files::Loaded>, (String, Option<Error>)> {
    match files::read(path, root) {
        Ok(Ok(loaded)) => Ok(Some(loaded)),
        Ok(Err(skip)) => Err((format!("skipping {shown}: {skip}"), None)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err((
            String::new(),
            Some(Error::Io {
                path: shown.to_owned(),
                source,
            }),
        )),
    }
}

/// A doc to read: where it is, how to show it, which lines are in scope.
#[derive(Debug, Clone)]
pub struct Planned {
    pub abs: PathBuf,
    pub shown: String,
    pub diff_path: String,
    pub lines: Lines,
    /// The text to check when it is not the file on disk (the staged version, for `check --staged`).
    pub content: Option<String>,
}

/// What to read: the docs in scope, and (for doc-set-wide rules) every other doc of the repository.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub docs: Vec<Planned>,
    /// (absolute path, repository-relative path) of docs that only feed doc-set-wide counts.
    pub context: Vec<(PathBuf, String)>,
    /// The folder symlinks must stay inside (the repository root).
    pub root: Option<PathBuf>,
    /// Findings to hide (empty with `--no-baseline`).
    pub baseline: Baseline,
}

impl Plan {
    /// Lists the docs in scope (git and the file system only; nothing is read yet).
    /// `from_index`: with `--staged`, check the staged text itself (what a commit would hold) rather
    /// than the working-tree file (which `apply` and `review` must work on).
    pub fn make(
        scope: &ScopeArgs,
        env: &Env,
        config: &Config,
        repo: Option<&Repo>,
        want_context: bool,
        from_index: bool,
        notices: &mut Vec<String>,
    ) -> Result<Plan, Error> {
        let mut plan = Plan {
            root: repo.map(|r| r.root().to_path_buf()),
            baseline: if scope.no_baseline {
                Baseline::default()
            } else {
                load_baseline(&baseline_path(repo, env))?
            },
            ..Plan::default()
        };
        if !scope.paths.is_empty() {
            let git_flag = if scope.staged {
                Some("--staged")
            } else if scope.base.is_some() {
                Some("--base")
            } else if scope.all {
                Some("--all")
            } else if scope.lines.is_some() {
                Some("--lines")
            } else {
                None
            };
            if let Some(flag) = git_flag {
                return Err(Error::Usage(format!(
                    "{flag} picks docs and lines from git, and paths are checked whole: use one or the other"
                )));
            }
            let mut found: Vec<(PathBuf, String, String)> = Vec::new();
            for p in &scope.paths {
                let abs = env.cwd.join(p);
                let meta = std::fs::symlink_metadata(&abs).map_err(|source| Error::Io {
                    path: p.display().to_string(),
                    source,
                })?;
                if meta.is_dir() {
                    walk(&abs, &abs, p, config, repo, &mut found, notices);
                } else {
                    let shown = p.display().to_string();
                    let diff_path = repo_rel(repo, &abs).unwrap_or_else(|| shown.clone());
                    found.push((abs, shown, diff_path));
                }
            }
            let mut seen = HashSet::new();
            found.retain(|(abs, _, _)| {
                seen.insert(std::fs::canonicalize(abs).unwrap_or_else(|_| abs.clone()))
            });
            plan.docs = found
                .into_iter()
                .map(|(abs, shown, diff_path)| Planned {
                    abs,
                    shown,
                    diff_path,
                    lines: Lines::All,
                    content: None,
                })
                .collect();
            return Ok(plan);
        }
        let Some(repo) = repo else {
            return Err(Error::NotARepo(env.cwd.display().to_string()));
        };
        let repo_scope = if scope.all {
            Scope::All
        } else if scope.staged && from_index {
            Scope::Index
        } else if scope.staged {
            Scope::Staged
        } else if let Some(rev) = &scope.base {
            Scope::Base(rev.clone())
        } else {
            Scope::WorkTree
        };
        let is_doc = |rel: &str| config.files.is_doc(rel);
        let root = repo.root();
        let targets = repo.targets(&repo_scope, &is_doc, notices)?;
        let mut in_scope: HashSet<String> = HashSet::new();
        // A symlink to another doc in scope is found out when the docs are read (`read_docs`): that
        // needs the link's target, and the reader looks at each file anyway.
        for t in targets {
            let abs = root.join(&t.rel);
            let shown = display_path(&abs, &env.cwd);
            in_scope.insert(t.rel.clone());
            plan.docs.push(Planned {
                shown,
                abs,
                lines: if scope.lines == Some(LinesArg::All) {
                    Lines::All
                } else {
                    t.lines
                },
                diff_path: t.rel,
                content: t.content,
            });
        }
        // Doc-set-wide rules count over every doc of the repository, not only the changed ones.
        if want_context && repo_scope != Scope::All {
            let mut quiet = Vec::new();
            plan.context = repo
                .targets(&Scope::All, &is_doc, &mut quiet)?
                .into_iter()
                .filter(|t| !in_scope.contains(&t.rel))
                .map(|t| (root.join(&t.rel), t.rel))
                .collect();
        }
        Ok(plan)
    }

    /// Reads the docs in scope (in parallel); unreadable kinds of file become notices.
    pub fn read_docs(&self, notices: &mut Vec<String>) -> Result<Inputs, Error> {
        let root = self.root.as_deref();
        let loaded: Vec<_> = self
            .docs
            .par_iter()
            .map(|d| match &d.content {
                Some(text) => Ok(Some(files::Loaded {
                    real: d.abs.clone(),
                    text: text.clone(),
                })),
                None => read_one(&d.abs, root, &d.shown),
            })
            .collect();
        let mut inputs = Inputs {
            docs: Vec::new(),
            reals: Vec::new(),
            diff_paths: Vec::new(),
            context: Vec::new(),
        };
        // git never looks through a symlinked folder, so only a doc itself can be a link: the real path
        // of any other doc of a repository is the real root joined with its path.
        let real_root = root.map(|r| std::fs::canonicalize(r).unwrap_or_else(|_| r.to_path_buf()));
        let mut seen_real: HashSet<PathBuf> = HashSet::new();
        for (d, r) in self.docs.iter().zip(loaded) {
            match r {
                Ok(Some(l)) => {
                    // A symlink to another doc in scope is that doc: check it once.
                    let real = match &real_root {
                        Some(rr) if l.real == d.abs => rr.join(&d.diff_path),
                        _ => l.real.clone(),
                    };
                    if !seen_real.insert(real) {
                        notices.push(format!(
                            "skipping {}: the same file as another doc in scope",
                            d.shown
                        ));
                        continue;
                    }
                    inputs.docs.push(Doc {
                        path: d.shown.clone(),
                        text: l.text,
                        lines: d.lines.clone(),
                    });
                    inputs.reals.push(l.real);
                    inputs.diff_paths.push(d.diff_path.clone());
                }
                Ok(None) => {}
                Err((notice, None)) => notices.push(notice),
                Err((_, Some(e))) => return Err(e),
            }
        }
        Ok(inputs)
    }

    /// Leaves out the findings recorded in the baseline.
    pub fn unbaselined(&self, findings: Vec<Finding>) -> Vec<Finding> {
        if self.baseline.is_empty() {
            return findings;
        }
        let rel: HashMap<&str, &str> = self
            .docs
            .iter()
            .map(|d| (d.shown.as_str(), d.diff_path.as_str()))
            .collect();
        findings
            .into_iter()
            .filter(|f| {
                let path = rel.get(f.path.as_str()).copied().unwrap_or(f.path.as_str());
                !self.baseline.contains(path, &f.rule, &f.fingerprint)
            })
            .collect()
    }

    /// Reads the context docs (silently skipping what cannot be read).
    pub fn read_context(&self) -> Vec<Doc> {
        let root = self.root.as_deref();
        self.context
            .par_iter()
            .filter_map(|(abs, rel)| {
                let l = files::read(abs, root).ok()?.ok()?;
                Some(Doc {
                    path: rel.clone(),
                    text: l.text,
                    lines: Lines::All,
                })
            })
            .collect()
    }
}

fn repo_rel(repo: Option<&Repo>, abs: &Path) -> Option<String> {
    let root = std::fs::canonicalize(repo?.root()).ok()?;
    let abs = std::fs::canonicalize(abs).ok()?;
    Some(abs.strip_prefix(root).ok()?.to_str()?.replace('\\', "/"))
}

/// Collects docs under a folder: hidden entries and symlinked folders are not entered, ignored files
/// are left out inside a repository, and `[files]` globs decide what is a doc.
fn walk(
    base: &Path,
    dir: &Path,
    shown: &Path,
    config: &Config,
    repo: Option<&Repo>,
    found: &mut Vec<(PathBuf, String, String)>,
    notices: &mut Vec<String>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            notices.push(format!("skipping {}: {e}", shown.display()));
            return;
        }
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        let Some(name_str) = name.to_str() else {
            notices.push(format!(
                "skipping {}: the name is not UTF-8",
                shown.join(&name).display()
            ));
            continue;
        };
        if name_str.starts_with('.') {
            continue;
        }
        let abs = entry.path();
        let shown_child = shown.join(name_str);
        let Ok(ft) = entry.file_type() else { continue };
        let rel = repo_rel(repo, &abs);
        if let (Some(r), Some(rel)) = (repo, &rel)
            && r.is_ignored(rel)
        {
            continue;
        }
        if ft.is_dir() {
            walk(base, &abs, &shown_child, config, repo, found, notices);
        } else if ft.is_file() || ft.is_symlink() {
            // Globs are relative to the repository root, or to the folder given outside a repository.
            let glob_path = rel.clone().unwrap_or_else(|| {
                abs.strip_prefix(base)
                    .unwrap_or(&abs)
                    .to_string_lossy()
                    .replace('\\', "/")
            });
            if config.files.is_doc(&glob_path) {
                if ft.is_symlink() && std::fs::metadata(&abs).is_ok_and(|m| m.is_dir()) {
                    continue;
                }
                let shown_s = shown_child.display().to_string();
                found.push((abs, shown_s.clone(), rel.unwrap_or(shown_s)));
            }
        }
    }
}

fn min_severity(arg: SeverityArg) -> Severity {
    match arg {
        SeverityArg::Suggestion => Severity::Suggestion,
        SeverityArg::Warning => Severity::Warning,
        SeverityArg::Error => Severity::Error,
    }
}

/// `docreview check`.
pub fn check(
    args: &CheckArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Error> {
    let mut session = Session::open(&args.scope, env, err, true)?;
    let floor = min_severity(args.min_severity);
    let findings: Vec<Finding> = session
        .findings()
        .into_iter()
        .filter(|f| f.severity >= floor)
        .collect();
    let summary = Summary::of(&findings, session.inputs.docs.len());
    let sources: HashMap<&str, &str> = session
        .inputs
        .docs
        .iter()
        .map(|d| (d.path.as_str(), d.text.as_str()))
        .collect();
    match args.format {
        FormatArg::Json => report::json::write(out, &findings, summary)?,
        FormatArg::Github => report::github::write(out, &findings)?,
        FormatArg::Sarif => {
            let rules: Vec<_> = session
                .engine
                .rules()
                .iter()
                .map(|r| (r.info.clone(), r.severity))
                .collect();
            report::sarif::write(out, &findings, &sources, &rules)?;
        }
        FormatArg::Rdjson => report::rdjson::write(out, &findings, &sources)?,
        FormatArg::Diff => {
            for (doc, diff_path) in session.inputs.docs.iter().zip(&session.inputs.diff_paths) {
                let edits: Vec<crate::core::edit::Edit> = findings
                    .iter()
                    .filter(|f| f.path == doc.path && f.is_fixable())
                    .map(|f| crate::core::edit::Edit {
                        range: f.start..f.end,
                        replacement: f.replacements[0].clone(),
                    })
                    .collect();
                if edits.is_empty() {
                    continue;
                }
                let fixed = crate::core::edit::apply(&doc.text, &edits);
                report::diff::write(out, diff_path, &doc.text, &fixed.text)?;
            }
        }
        FormatArg::Human => {
            let style = report::human::Style {
                color: env.color(args.color, env.stdout_tty),
            };
            report::human::write(out, &findings, &sources, summary, style)?;
        }
    }
    out.flush()?;
    let code = if findings.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    };
    // The report is out and the process is about to end: returning every doc and finding to the
    // allocator one by one would only delay the exit (measured on the corpus, warm: 71 against 84 ms).
    drop(sources);
    std::mem::forget(findings);
    std::mem::forget(session);
    Ok(code)
}

/// `docreview review` (and plain `docreview`): the review screen. `hint` is a line shown at the top.
pub fn review(
    args: &ReviewArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
    hint: Option<String>,
) -> Result<u8, Error> {
    if !env.stdin_tty {
        return Err(Error::NoTty("standard input"));
    }
    if !env.stdout_tty {
        return Err(Error::NoTty("standard output"));
    }
    let repo = Repo::discover(&env.cwd)?;
    let config = load_config(
        args.scope.config.as_deref(),
        &args.scope.guidelines,
        env,
        repo.as_ref(),
    )?;
    if !args.scope.quiet {
        for n in crate::guidelines::notices(&config) {
            writeln!(err, "docreview: {n}").map_err(Error::Output)?;
        }
    }
    let engine = std::sync::Arc::new(build_engine(&config, &args.scope.rules)?);
    let cache = open_cache(repo.as_ref(), &engine);
    let user_dir = crate::config::user_dir();
    let user = crate::config::UserConfig::load(user_dir.as_deref())?;
    let theme_name = args
        .theme
        .clone()
        .or(user.theme.clone())
        .unwrap_or_else(|| {
            if env.no_color {
                "mono".to_owned()
            } else {
                "default".to_owned()
            }
        });
    let theme = crate::tui::theme::Theme::load(&theme_name, user_dir.as_deref())?;
    let keymap = crate::tui::keymap::KeyMap::with_overrides(&user.keys)?;
    let mut notices = Vec::new();
    let plan = Plan::make(
        &args.scope,
        env,
        &config,
        repo.as_ref(),
        engine_needs_context(&engine),
        false,
        &mut notices,
    )?;
    let journal = crate::io::journal::Journal::locate(repo.as_ref().map(Repo::git_dir), &env.cwd);
    // After the editor: read the doc again and check it on the lines now changed.
    let planned: HashMap<String, Planned> = plan
        .docs
        .iter()
        .map(|p| (p.shown.clone(), p.clone()))
        .collect();
    let reload_engine = engine.clone();
    let scope = args.scope.clone();
    let cfg = config.clone();
    let env_owned = env.clone();
    let vocabulary = vocabulary_path(repo.as_ref(), env);
    let mut preset = None;
    let mut reload: crate::tui::Reloader = Box::new(move |shown: &str| {
        let env = &env_owned;
        let p = planned.get(shown)?;
        let lines = match (&p.lines, repo.as_ref()) {
            (Lines::All, _) | (_, None) => Lines::All,
            (Lines::Changed(_), Some(r)) => {
                let mut quiet = Vec::new();
                let fresh =
                    Plan::make(&scope, env, &cfg, Some(r), false, false, &mut quiet).ok()?;
                fresh
                    .docs
                    .into_iter()
                    .find(|d| d.diff_path == p.diff_path)
                    .map_or(Lines::Changed(Vec::new()), |d| d.lines)
            }
        };
        crate::tui::recheck(&reload_engine, shown, &p.abs, lines)
    });
    if let Some(json) = &args.suggestions {
        let located = crate::suggestions::locate_all(json, env)?;
        for p in &located.problems {
            writeln!(err, "docreview: {p}").map_err(Error::Output)?;
        }
        let mut rest = Vec::new();
        crate::suggestions::report_rest(&located, &mut rest).map_err(Error::Output)?;
        err.write_all(&rest).map_err(Error::Output)?;
        if located.files.is_empty() {
            writeln!(out, "No suggestion to review.")?;
            return Ok(EXIT_CLEAN);
        }
        let findings = located.files.iter().flat_map(|f| f.findings()).collect();
        let docs = located
            .files
            .iter()
            .map(|f| {
                (
                    crate::core::review::DocState {
                        path: f.path.clone(),
                        text: f.text.clone(),
                    },
                    f.real.clone(),
                )
            })
            .collect();
        preset = Some(crate::tui::Preset { docs, findings });
        // After the editor: the suggestions of that file, found again in its new text.
        let files: HashMap<String, (PathBuf, Vec<crate::core::suggestions::Suggestion>)> = located
            .files
            .into_iter()
            .map(|f| (f.path, (f.real, f.kept.into_iter().map(|k| k.0).collect())))
            .collect();
        reload = Box::new(move |shown: &str| {
            let (real, mine) = files.get(shown)?;
            let text = files::read(real, None).ok()?.ok()?.text;
            let kept = crate::core::suggestions::sort(&text, mine.iter().cloned()).kept;
            let findings = crate::suggestions::findings(shown, &text, &kept);
            Some((text, findings))
        });
    }
    let opts = crate::tui::Options {
        preset,
        defer: args.defer,
        theme,
        keymap,
        hint,
        session: crate::io::journal::session_id(),
        vocabulary,
        cache,
    };
    let outcome = crate::tui::run(plan, engine, journal, opts, reload).map_err(Error::Terminal)?;
    for n in &notices {
        writeln!(out, "docreview: {n}")?;
    }
    if let Some(f) = &outcome.failure {
        return Err(Error::Usage(f.clone()));
    }
    writeln!(out, "{}", crate::tui::summary(&outcome))?;
    Ok(EXIT_CLEAN)
}

/// `docreview rules` and `docreview rules explain ID`.
/// `docreview vocab`: the team's vocabulary (words spelling never flags).
fn vocab(args: &crate::cli::VocabArgs, env: &Env, out: &mut dyn Write) -> Result<u8, Error> {
    let repo = Repo::discover(&env.cwd).ok().flatten();
    let path = vocabulary_path(repo.as_ref(), env);
    let shown = display_path(&path, &env.cwd);
    match &args.action {
        crate::cli::VocabAction::Add { words } => {
            let added = crate::io::vocabulary::add(&path, words)?;
            let known: Vec<&String> = words
                .iter()
                .filter(|w| !w.trim().is_empty() && !added.contains(w))
                .collect();
            if !added.is_empty() {
                writeln!(
                    out,
                    "Added {} to {shown}: {}.",
                    crate::report::plural(added.len(), "word", "words"),
                    added.join(", ")
                )?;
            }
            if !known.is_empty() {
                let list: Vec<&str> = known.iter().map(|w| w.as_str()).collect();
                writeln!(out, "Already in {shown}: {}.", list.join(", "))?;
            }
            Ok(EXIT_CLEAN)
        }
        crate::cli::VocabAction::List => {
            let config = load_config(args.config.as_deref(), &[], env, repo.as_ref())?;
            let file = read_vocabulary(&path)?;
            let accept: Vec<&String> = config
                .settings
                .vocabulary
                .iter()
                .filter(|w| !file.contains(w))
                .collect();
            if accept.is_empty() && file.is_empty() {
                writeln!(
                    out,
                    "No team vocabulary yet. Add words with `docreview vocab add WORD` (they go to {shown}),
                     or list them under [vocabulary] accept in .docreview.toml."
                )?;
                return Ok(EXIT_CLEAN);
            }
            for w in &file {
                writeln!(out, "{w}	{shown}")?;
            }
            for w in accept {
                writeln!(out, "{w}	[vocabulary] accept")?;
            }
            Ok(EXIT_CLEAN)
        }
    }
}

fn rules(args: &RulesArgs, env: &Env, out: &mut dyn Write) -> Result<u8, Error> {
    let repo = Repo::discover(&env.cwd).ok().flatten();
    let config = load_config(args.config.as_deref(), &[], env, repo.as_ref())?;
    let engine = build_engine(&config, &[])?;
    match &args.action {
        None => {
            // harper's rules that are off are hundreds of lines: shown on request.
            let listed: Vec<&crate::core::engine::RuleState> = engine
                .rules()
                .iter()
                .filter(|r| args.all || r.severity.is_some() || !engine.is_harper_rule(&r.info.id))
                .collect();
            let hidden = engine.rules().len() - listed.len();
            let width = listed
                .iter()
                .map(|r| r.info.id.len())
                .max()
                .unwrap_or(4)
                .max(4);
            writeln!(
                out,
                "{:width$}  {:10}  {:6}  {:17}  WHAT IT CATCHES",
                "RULE", "LEVEL", "SAFETY", "PRECISION"
            )?;
            for r in listed {
                let level = r.severity.map_or("off", Severity::as_str);
                let precision = crate::core::rules::precision::measured(&r.info.id)
                    .map_or_else(|| "not measured".to_owned(), |m| m.short());
                writeln!(
                    out,
                    "{:width$}  {:10}  {:6}  {:17}  {}",
                    r.info.id,
                    level,
                    r.info.safety.as_str(),
                    precision,
                    r.info.summary
                )?;
            }
            if hidden > 0 {
                writeln!(
                    out,
                    "\n{} from harper-core are off (below the precision gate on other docs, or a matter of style); \
                     `docreview rules --all` lists them.",
                    crate::report::plural(hidden, "more grammar rule", "more grammar rules")
                )?;
            }
            writeln!(
                out,
                "\nPRECISION: how many of a random sample of the rule's findings on docs it was not tuned on were \
                 right;\na rule is on by default only at {:.0} % or more (`docreview rules explain RULE` says where \
                 and when).",
                100.0 * crate::core::rules::precision::GATE
            )?;
            writeln!(
                out,
                "\nChange levels in .docreview.toml under [rules] (\"grammar.article\" = \"off\" | \"on\" | \"error\" | \"warning\" | \"suggestion\").\n\
                 `docreview rules explain RULE` says more about one rule."
            )?;
            Ok(EXIT_CLEAN)
        }
        Some(RulesAction::Explain { id }) => {
            let Some(r) = engine.rules().iter().find(|r| r.info.id == *id) else {
                let close: Vec<&str> = engine
                    .rules()
                    .iter()
                    .map(|r| r.info.id.as_str())
                    .filter(|r| rule_matches(id, r) || r.contains(id.as_str()))
                    .collect();
                let hint = if close.is_empty() {
                    "run `docreview rules` to list them".to_owned()
                } else {
                    format!("did you mean {}?", close.join(", "))
                };
                return Err(Error::Usage(format!("no rule is called \"{id}\"; {hint}")));
            };
            writeln!(out, "{}", r.info.id)?;
            writeln!(
                out,
                "level: {} (default {}), fix safety: {}\n",
                r.severity.map_or("off", Severity::as_str),
                if r.info.default_on {
                    r.info.severity.as_str()
                } else {
                    "off"
                },
                r.info.safety
            )?;
            writeln!(out, "{}\n", r.info.explain)?;
            match crate::core::rules::precision::measured(&r.info.id) {
                Some(m) => writeln!(out, "{}\n", m.sentence())?,
                None => writeln!(
                    out,
                    "Measured precision: not measured (a rule of this project's own, or one never read on \
                     docs it was not tuned on).\n"
                )?,
            }
            writeln!(
                out,
                "Silence it for a passage with <!-- docreview-disable {0} --> ... <!-- docreview-enable {0} -->,\n\
                 for one line with <!-- docreview-disable-next-line {0} -->, or everywhere with\n\
                 \"{0}\" = \"off\" under [rules] in .docreview.toml.",
                r.info.id
            )?;
            Ok(EXIT_CLEAN)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_paths_are_relative_when_close() {
        let cwd = Path::new("/repo/docs");
        assert_eq!(display_path(Path::new("/repo/docs/a.md"), cwd), "a.md");
        assert_eq!(
            display_path(Path::new("/repo/README.md"), cwd),
            "../README.md"
        );
        assert_eq!(display_path(Path::new("docs/x.md"), cwd), "docs/x.md");
        assert_eq!(
            display_path(
                Path::new("/elsewhere/far/away/deep/x.md"),
                Path::new("/a/b/c/d")
            ),
            "/elsewhere/far/away/deep/x.md"
        );
    }

    #[test]
    fn not_a_repo_error_says_what_to_do() {
        let e = Error::NotARepo("/tmp/x".into()).to_string();
        assert!(e.contains("Pass the files or folders"), "{e}");
    }
}
