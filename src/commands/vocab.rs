//! `docreview vocab`: the team's vocabulary (words spelling never flags).

use crate::io::repo::Repo;
use crate::io::scope::display_path;
use crate::session::{EXIT_CLEAN, Env, Error, load_config, read_vocabulary, vocabulary_path};
use std::io::Write;

/// `docreview vocab`: the team's vocabulary (words spelling never flags).
pub fn run(args: &crate::cli::VocabArgs, env: &Env, out: &mut dyn Write) -> Result<u8, Error> {
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
            let config = load_config(args.config.as_deref(), &[], None, env, repo.as_ref())?;
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
                    "No team vocabulary yet. Add words with `docreview vocab add WORD` (they go to {shown}),\n\
                     or list them under [vocabulary] accept in .docreview.toml."
                )?;
                return Ok(EXIT_CLEAN);
            }
            // Two columns: the word, and where it is listed.
            let width = file
                .iter()
                .chain(accept.iter().copied())
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            for w in &file {
                writeln!(out, "{w:<width$}  {shown}")?;
            }
            for w in accept {
                writeln!(out, "{w:<width$}  [vocabulary] accept")?;
            }
            Ok(EXIT_CLEAN)
        }
    }
}
