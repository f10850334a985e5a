//! What every command starts from, loaded once and one way: how the process was started ([`Env`]), the
//! error type the commands share, and the [`Session`]: the repository, `.docreview.toml` with the team's
//! vocabulary and review guidelines, the engine, the baseline and the docs in scope.
//!
//! Commands (`crate::commands`) call down into this module; it calls down into `config`, `core` and
//! `io`, never back up.

use crate::cli::{ColorArg, LinesArg, ScopeArgs};
use crate::config::{self, Config, ConfigError};
use crate::core::baseline::Baseline;
use crate::core::engine::{Engine, Lines, Settings};
use crate::core::finding::Finding;
use crate::io::cache::Cache;
use crate::io::repo::{Repo, RepoError, Scope};
use crate::io::scope::{self, Inputs, Plan, Planned, display_path};
use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use crate::tui::progress::Progress;

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
    #[error(transparent)]
    Read(#[from] crate::io::scope::ReadError),
    /// The command line asks for something that cannot be done as asked.
    #[error("{0}")]
    Usage(String),
    /// A suggestions file does not hold what it should: `path:line:column: what`.
    #[error("{0}")]
    Malformed(String),
    #[error(transparent)]
    Guidelines(#[from] crate::io::guidelines::LoadError),
    #[error(
        "{0}\n(docreview runs the styles of the nearest .vale.ini; `vale = false` in .docreview.toml \
         turns that off, --vale-config FILE names another)"
    )]
    Vale(crate::core::rules::vale::ValeError),
    #[error(transparent)]
    Baseline(#[from] crate::io::baseline::BaselineError),
    #[error(transparent)]
    Lock(#[from] crate::io::journal::LockError),
    /// The review screen stopped on a failure it showed (a fix that could not be written).
    #[error("{0}")]
    Review(String),
    /// The demo's sample repository could not be made.
    #[error("cannot create the demo repository")]
    Demo(#[source] Box<dyn std::error::Error + Send + Sync>),
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

/// A Vale setup that cannot be read: its own message says where, the shell adds how to turn it off
/// (not a cause of its own, so the message is printed once).
impl From<crate::core::rules::vale::ValeError> for Error {
    fn from(e: crate::core::rules::vale::ValeError) -> Error {
        Error::Vale(e)
    }
}

/// A bare I/O error in a command is a failed write to its output streams (`out`, `err`): every read
/// of a file goes through [`Error::Io`] or [`Error::Read`] with its path.
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
    /// `DOCREVIEW_NO_CACHE` is set (and not empty): nothing is remembered between runs.
    pub no_cache: bool,
    /// `DOCREVIEW_CONFIG_DIR`: the user's config folder, instead of the platform's.
    pub config_dir: Option<PathBuf>,
    /// `DOCREVIEW_CACHE_DIR`: where journals outside a repository go, instead of the platform's cache.
    pub cache_dir: Option<PathBuf>,
    /// `$VISUAL`, else `$EDITOR` (not empty): the editor the review screen's `o` opens.
    pub editor: Option<String>,
    /// `DOCREVIEW_LOCK_WAIT` (seconds, default 30): how long a run that writes fixes waits for another
    /// one writing in the same repository before it gives up.
    pub lock_wait: std::time::Duration,
    /// `DOCREVIEW_TEST_PANIC` (set): the review screen panics after its first frame. Only the test that
    /// proves the terminal is restored after a panic sets it.
    pub test_panic: bool,
    /// `DOCREVIEW_PART_BYTES` (default 8 MiB): how much text a report's check reads and checks at
    /// a time (see [`crate::io::parts`]); tests make it small to check a doc set in many parts.
    pub part_bytes: u64,
}

impl Env {
    /// How this process was started: its working directory, its terminals and its environment. The only
    /// place docreview reads either; everything below takes them from here.
    pub fn from_process() -> io::Result<Env> {
        use std::io::IsTerminal;
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        Ok(Env {
            cwd: std::env::current_dir()?,
            stdout_tty: io::stdout().is_terminal(),
            stderr_tty: io::stderr().is_terminal(),
            stdin_tty: io::stdin().is_terminal(),
            no_color: var("NO_COLOR").is_some(),
            no_cache: var("DOCREVIEW_NO_CACHE").is_some(),
            config_dir: var("DOCREVIEW_CONFIG_DIR").map(PathBuf::from),
            cache_dir: var("DOCREVIEW_CACHE_DIR").map(PathBuf::from),
            editor: ["VISUAL", "EDITOR"]
                .iter()
                .find_map(|name| std::env::var(name).ok().filter(|s| !s.trim().is_empty())),
            test_panic: var("DOCREVIEW_TEST_PANIC").is_some(),
            lock_wait: std::time::Duration::from_secs(
                std::env::var("DOCREVIEW_LOCK_WAIT")
                    .ok()
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(30),
            ),
            part_bytes: std::env::var("DOCREVIEW_PART_BYTES")
                .ok()
                .and_then(|s| s.trim().parse().ok())
                .filter(|&n| n > 0)
                .unwrap_or(crate::io::parts::PART_BYTES),
        })
    }
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
    /// The report remembered for this setup, if any ([`Session::plan`] with a report's setup).
    pub remembered: Option<crate::io::remembered::Memory>,
    /// What the docs of the last [`Session::report_findings`] were, when none changed meanwhile.
    pub docs_key: Option<[u64; 2]>,
    /// What each doc of `inputs.docs` was remembered by when [`Session::report_findings`] read it.
    pub content: Vec<u64>,
}

impl Session {
    /// Loads config, engine and docs. `from_index`: see [`plan_docs`].
    pub fn open(
        scope: &ScopeArgs,
        env: &Env,
        err: &mut dyn Write,
        from_index: bool,
    ) -> Result<Session, Error> {
        let (mut session, mut notices) = Session::plan(scope, env, from_index, None)?;
        session.inputs = session.plan.read_docs(&mut notices)?;
        session.inputs.context = session.plan.read_context();
        if !scope.quiet {
            write_notices(err, &notices)?;
        }
        Ok(session)
    }

    /// Loads config and engine and plans the docs, reading none of them yet (see
    /// [`Session::report_findings`]); the notices so far. For a report made for `setup` (see
    /// [`crate::io::remembered::setup_key`]), the report remembered for it is opened; the engine's
    /// memory is read ahead only when there is none.
    pub fn plan(
        scope: &ScopeArgs,
        env: &Env,
        from_index: bool,
        setup: Option<&str>,
    ) -> Result<(Session, Vec<String>), Error> {
        let repo = Repo::discover(&env.cwd)?;
        let config = load_config(
            scope.config.as_deref(),
            &scope.guidelines,
            scope.vale_config.as_deref(),
            env,
            repo.as_ref(),
        )?;
        let engine = build_engine(&config, &scope.rules)?;
        let mut notices = guideline_notices(&config);
        let mut cache = open_cache(repo.as_ref(), &engine, env);
        let remembered = cache
            .as_ref()
            .zip(setup)
            .and_then(|(c, how)| c.remembered(how));
        if let Some(c) = cache.as_mut().filter(|_| remembered.is_none()) {
            c.prefetch();
        }
        let plan = plan_docs(
            scope,
            env,
            &config,
            repo.as_ref(),
            engine_needs_context(&engine),
            from_index,
            &mut notices,
        )?;
        let session = Session {
            config,
            engine,
            inputs: Inputs::default(),
            plan,
            cache,
            words: Vec::new(),
            remembered,
            docs_key: None,
            content: Vec::new(),
        };
        Ok((session, notices))
    }

    /// A report's findings in scope, baselined ones left out, for a session from [`Session::plan`]:
    /// the docs are read a part at a time ([`crate::core::engine::Parts`]), so `inputs.docs` have no
    /// text afterwards. Notices (files skipped, docs changed meanwhile) go to `err` unless `quiet`.
    pub fn report_findings(
        &mut self,
        env: &Env,
        progress: bool,
        quiet: bool,
        mut notices: Vec<String>,
        err: &mut dyn Write,
    ) -> Result<Vec<Finding>, Error> {
        let mut parts = crate::io::parts::InParts::new(&self.plan, env.part_bytes);
        let done = Arc::new(AtomicUsize::new(0));
        let bytes = usize::try_from(parts.bytes).unwrap_or(usize::MAX);
        let bar = Progress::start(done.clone(), self.plan.docs.len(), bytes, progress);
        let mut memo = crate::io::cache::memo_of(&mut self.cache);
        memo.once = true;
        let checked = self
            .engine
            .check_in_parts(&mut parts, &mut memo, &mut self.cache, &done);
        bar.finish();
        crate::io::cache::keep(&mut self.cache, &mut memo, &self.engine);
        notices.append(&mut parts.take_notices());
        notices.extend(checked.changed.iter().map(|p| {
            format!("{p} changed while it was being checked: left out of this report, check again")
        }));
        if !quiet {
            write_notices(err, &notices)?;
        }
        if let Some(e) = parts.error {
            return Err(e.into());
        }
        self.inputs = parts.reader.inputs;
        self.words = checked.words;
        if checked.changed.is_empty() {
            let paths: Vec<&str> = self.inputs.docs.iter().map(|d| d.path.as_str()).collect();
            let (content, context) = (&checked.content, &checked.context);
            let key = crate::io::remembered::docs_key(&self.plan, &paths, content, context);
            self.docs_key = Some(key);
        }
        self.content = checked.content;
        Ok(self.plan.unbaselined(checked.findings))
    }

    /// Reads the engine's memory ahead (once the remembered report turned out not to be the one).
    pub fn prefetch(&mut self) {
        if let Some(c) = self.cache.as_mut() {
            c.prefetch();
        }
    }

    /// Every finding in scope, baselined ones left out.
    pub fn findings(&mut self, progress: bool) -> Vec<Finding> {
        let all = self.all_findings(progress);
        self.plan.unbaselined(all)
    }

    /// Every finding in scope, the baseline ignored (from the cache where it can), with a progress bar
    /// on a terminal when `progress` (see [`Progress`]).
    pub fn all_findings(&mut self, progress: bool) -> Vec<Finding> {
        let done = Arc::new(AtomicUsize::new(0));
        let docs = &self.inputs.docs;
        let bytes = docs.iter().map(|d| d.text.len()).sum();
        let bar = Progress::start(done.clone(), docs.len(), bytes, progress);
        let findings = self.checked(&done);
        bar.finish();
        findings
    }

    /// Every finding in scope, the baseline ignored; `done` counts the docs checked.
    fn checked(&mut self, done: &AtomicUsize) -> Vec<Finding> {
        // Without a cache, the same path with a memory of this run only (it holds each document's
        // prose no longer than its own check needs).
        let mut memo = crate::io::cache::memo_of(&mut self.cache);
        memo.once = true;
        let checked = self
            .engine
            .run(&self.inputs.docs, &mut memo, &mut self.cache)
            .check(&self.inputs.context, done);
        self.words = checked.words;
        crate::io::cache::keep(&mut self.cache, &mut memo, &self.engine);
        checked.findings
    }
}

/// Writes each notice on a line of its own.
pub fn write_notices(err: &mut dyn Write, notices: &[String]) -> io::Result<()> {
    for n in notices {
        writeln!(err, "docreview: {n}")?;
    }
    Ok(())
}

/// The engine's cache in a repository, unless `DOCREVIEW_NO_CACHE` is set.
pub fn open_cache(repo: Option<&Repo>, engine: &Engine, env: &Env) -> Option<Cache> {
    if env.no_cache {
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

pub const BASELINE_FILE: &str = crate::core::baseline::FILE_NAME;

/// Finds and parses the config: `--config`, else `.docreview.toml` from the working directory up to
/// the repository root (outside a repository: the working directory only).
pub fn load_config(
    explicit: Option<&Path>,
    guidelines: &[PathBuf],
    vale: Option<&Path>,
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
    load_guidelines(&mut config, guidelines, env)?;
    load_vale(&mut config, vale, env)?;
    Ok(config)
}

/// Loads the Vale setup into the config: `--vale-config FILE`, else the config's `vale`, else the
/// nearest `.vale.ini` from the working folder up.
pub fn load_vale(config: &mut Config, explicit: Option<&Path>, env: &Env) -> Result<(), Error> {
    let path = match (explicit, &config.vale) {
        (Some(p), _) => Some(env.cwd.join(p)),
        (None, config::ValeChoice::Off) => None,
        (None, config::ValeChoice::File(p)) => Some(env.cwd.join(p)),
        (None, config::ValeChoice::Find) => crate::io::vale::find(&env.cwd),
    };
    let Some(path) = path else {
        return Ok(());
    };
    let shown = display_path(&path, &env.cwd);
    if !path.is_file() {
        return Err(Error::Usage(format!("{shown}: no such Vale config file")));
    }
    let loaded = crate::io::vale::load(&path, &shown)?;
    config.vale_notices = loaded.notices;
    config.settings.vale = Some(Arc::new(loaded.vale));
    Ok(())
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
        Ok(text) => Ok(crate::core::rules::lexicon::lines(&text)
            .map(str::to_owned)
            .collect()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(source) => Err(Error::Io {
            path: path.display().to_string(),
            source,
        }),
    }
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

/// Lists the docs in scope of a command (git and the file system only; nothing is read yet).
/// `from_index`: with `--staged`, check the staged text itself (what a commit would hold) rather
/// than the working-tree file (which `apply` and `review` must work on).
pub fn plan_docs(
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
            crate::io::baseline::load(&baseline_path(repo, env))?
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
        let is_doc = |rel: &str| config.files.is_doc(rel);
        plan.docs = scope::given_paths(&scope.paths, &env.cwd, repo, &is_doc, notices)?;
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
    let targets = scope::repo_docs(repo, &repo_scope, &is_doc, notices)?;
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
            named: false,
        });
    }
    // Doc-set-wide rules count over every doc of the repository, not only the changed ones.
    if want_context && repo_scope != Scope::All {
        let mut quiet = Vec::new();
        plan.context = scope::repo_docs(repo, &Scope::All, &is_doc, &mut quiet)?
            .into_iter()
            .filter(|t| !in_scope.contains(&t.rel))
            .map(|t| (root.join(&t.rel), t.rel))
            .collect();
    }
    Ok(plan)
}

/// Reads the guideline files the config names and the `extra` ones into the config: their rules join
/// the settings (see [`crate::io::guidelines::load`]).
pub fn load_guidelines(config: &mut Config, extra: &[PathBuf], env: &Env) -> Result<(), Error> {
    let loaded =
        crate::io::guidelines::load(&config.guidelines, config.path.as_deref(), extra, &env.cwd)?;
    for g in loaded {
        config.settings.guidelines.extend(g.rules.iter().cloned());
        config.loaded.push(g);
    }
    Ok(())
}

/// What the loaded guidelines hold that could not be used, one line each.
pub fn guideline_notices(config: &Config) -> Vec<String> {
    config
        .loaded
        .iter()
        .flat_map(|g| &g.problems)
        .map(|p| format!("guideline {p}"))
        .chain(config.vale_notices.iter().cloned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_a_repo_error_says_what_to_do() {
        let e = Error::NotARepo("/tmp/x".into()).to_string();
        assert!(e.contains("Pass the files or folders"), "{e}");
    }
}
