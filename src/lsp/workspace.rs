//! The workspace the server serves: its config, rules and baseline, its docs, and the team's files
//! watched for changes when the client cannot.

use super::*;

/// What the server knows of the workspace.
pub(super) struct Workspace {
    pub(super) root: PathBuf,
    pub(super) env: Env,
    pub(super) config: Config,
    pub(super) engine: Arc<Engine>,
    pub(super) baseline: Baseline,
    /// The team vocabulary file (`vocab add` writes the same one).
    pub(super) vocabulary: PathBuf,
    /// The repository's git folder, where its content cache lives (`None`: outside a repository).
    pub(super) git_dir: Option<PathBuf>,
}

impl Workspace {
    /// Every doc of the repository the config includes (file, path from the root); none outside a
    /// repository.
    pub(super) fn docs(&self) -> Vec<(PathBuf, String)> {
        let Some(repo) = crate::io::repo::Repo::discover(&self.root).ok().flatten() else {
            return Vec::new();
        };
        let files = &self.config.files;
        let is_doc = |rel: &str| files.is_doc(rel);
        let mut notices = Vec::new();
        crate::io::scope::repo_docs(&repo, &crate::io::repo::Scope::All, &is_doc, &mut notices)
            .map(|targets| {
                targets
                    .into_iter()
                    .map(|t| (self.root.join(&t.rel), t.rel))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Reads the team's files under `root`, with the editor's rule levels (`options.rules`) laid
    /// over the team's `[rules]`.
    pub(super) fn load(root: &Path, env: &Env, options: &Options) -> Result<Workspace, Error> {
        let env = Env {
            cwd: root.to_owned(),
            ..env.clone()
        };
        let repo = crate::io::repo::Repo::discover(&env.cwd).ok().flatten();
        let mut config = crate::session::load_config(None, &[], None, &env, repo.as_ref())?;
        // Read before the server took them; a level that cannot be read was refused there.
        config
            .settings
            .over
            .extend(options.levels().unwrap_or_default());
        let engine = Arc::new(crate::session::build_engine(&config, &[])?);
        let baseline_path = crate::session::baseline_path(repo.as_ref(), &env);
        let baseline = crate::io::baseline::load(&baseline_path)?;
        Ok(Workspace {
            root: repo
                .as_ref()
                .map_or(env.cwd.clone(), |r| r.root().to_owned()),
            vocabulary: crate::session::vocabulary_path(repo.as_ref(), &env),
            git_dir: repo.as_ref().map(|r| r.git_dir().to_owned()),
            env,
            config,
            engine,
            baseline,
        })
    }
}

/// The team's files, from the workspace root: read again when one of them changes.
pub(super) const TEAM_FILES: [&str; 11] = [
    crate::config::FILE_NAME,
    ".docreview/vocabulary.txt",
    crate::session::BASELINE_FILE,
    ".vale.ini",
    "_vale.ini",
    // The spell checkers' skip lists (crate::io::skips).
    "typos.toml",
    "_typos.toml",
    ".typos.toml",
    ".codespellrc",
    "setup.cfg",
    "pyproject.toml",
];

/// The team's files under `root`, looked at every second: a message each time one of them changes
/// (for clients that cannot watch files for a server). Ends with the server.
pub(super) fn poll_team_files(root: &Path) -> Receiver<()> {
    let files: Vec<PathBuf> = TEAM_FILES.iter().map(|f| root.join(f)).collect();
    let stamp = move || -> Vec<Option<(std::time::SystemTime, u64)>> {
        files
            .iter()
            .map(|f| {
                let m = std::fs::metadata(f).ok()?;
                Some((m.modified().ok()?, m.len()))
            })
            .collect()
    };
    let (tx, rx) = crossbeam_channel::bounded(1);
    let spawned = std::thread::Builder::new()
        .name("docreview-lsp-watch".into())
        .spawn(move || {
            let mut last = stamp();
            loop {
                std::thread::sleep(std::time::Duration::from_secs(1));
                let now = stamp();
                if now != last {
                    last = now;
                    // Full means a reload is already due: one is enough.
                    if let Err(crossbeam_channel::TrySendError::Disconnected(())) = tx.try_send(())
                    {
                        return;
                    }
                }
            }
        });
    if let Err(e) = spawned {
        eprintln!("docreview lsp: cannot watch the team's files: {e}");
    }
    rx
}
