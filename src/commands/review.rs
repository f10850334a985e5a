//! `docreview review` (and plain `docreview`): the review screen, with its journal of decisions and the
//! pull request suggestions it can take.

use super::Screen;
use crate::cli::ReviewArgs;
use crate::core::engine::Lines;
use crate::io::files;
use crate::io::repo::Repo;
use crate::io::scope::Planned;
use crate::session::{
    EXIT_CLEAN, Env, Error, build_engine, engine_needs_context, guideline_notices, load_config,
    open_cache, plan_docs, vocabulary_path,
};
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

/// `docreview review` (and plain `docreview`): the review screen. `hint` is a line shown at the top.
pub fn run(
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
        args.scope.vale_config.as_deref(),
        env,
        repo.as_ref(),
    )?;
    if !args.scope.quiet {
        crate::session::write_notices(err, &guideline_notices(&config)).map_err(Error::Output)?;
    }
    let engine = std::sync::Arc::new(build_engine(&config, &args.scope.rules)?);
    let cache = open_cache(repo.as_ref(), &engine, env);
    let Screen { theme, keymap } = Screen::load(args.theme.as_deref(), env)?;
    let mut notices = Vec::new();
    let plan = plan_docs(
        &args.scope,
        env,
        &config,
        repo.as_ref(),
        engine_needs_context(&engine),
        false,
        &mut notices,
    )?;
    let journal = crate::io::journal::Journal::locate(
        repo.as_ref().map(Repo::git_dir),
        &env.cwd,
        env.cache_dir.as_deref(),
    );
    // The screen writes accepted fixes as it goes (or, deferred, only journals them): one writer at a
    // time, held until the screen closes.
    let lock = super::apply::lock(&journal, env, err)?;
    if let Ok((_, damaged)) = journal.read_counting()
        && let Some(notice) = journal.damage_notice(damaged)
    {
        writeln!(err, "{notice}").map_err(Error::Output)?;
    }
    crate::io::files::clean_leftovers(plan.docs.iter().map(|p| p.abs.as_path()), lock.since);
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
                let fresh = plan_docs(&scope, env, &cfg, Some(r), false, false, &mut quiet).ok()?;
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
        let located = super::suggestions::locate_all(json, env)?;
        for p in &located.problems {
            writeln!(err, "docreview: {p}").map_err(Error::Output)?;
        }
        let mut rest = Vec::new();
        super::suggestions::report_rest(&located, &mut rest).map_err(Error::Output)?;
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
            let findings = super::suggestions::findings(shown, &text, &kept);
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
        cwd: env.cwd.clone(),
        editor: env.editor.clone(),
        test_panic: env.test_panic,
    };
    let outcome = crate::tui::run(plan, engine, journal, opts, reload).map_err(Error::Terminal)?;
    for n in &notices {
        writeln!(out, "docreview: {n}")?;
    }
    if let Some(f) = &outcome.failure {
        return Err(Error::Review(f.clone()));
    }
    writeln!(out, "{}", crate::tui::summary(&outcome))?;
    Ok(EXIT_CLEAN)
}
