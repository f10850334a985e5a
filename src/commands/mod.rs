//! The commands, one module each, behind one dispatch ([`run`]). Each command takes the working
//! directory and the output streams as arguments ([`Env`], `out`, `err`), so tests and the demo run them
//! without touching the process's state. Commands load what they need through [`crate::session`] and
//! render with [`crate::report`] or the review screen ([`crate::tui`]).

pub mod apply;
pub mod check;
pub mod demo;
pub mod guidelines;
pub mod help;
pub mod lsp;
pub mod review;
pub mod rules;
pub mod suggestions;
pub mod triage;
pub mod vocab;

use crate::cli::{Cli, Command, SeverityArg};
use crate::core::finding::Severity;
use crate::session::{Env, Error};
use std::io::Write;

/// Runs a parsed command line.
pub fn run(cli: Cli, env: &Env, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, Error> {
    match cli.command {
        None => review::run(&cli.review, env, out, err, None),
        Some(Command::Review(args)) => review::run(&args, env, out, err, None),
        Some(Command::Check(args)) => check::run(&args, env, out, err),
        Some(Command::Apply(args)) => apply::run(&args, env, out, err),
        Some(Command::Rules(args)) => rules::run(&args, env, out),
        Some(Command::Vocab(args)) => vocab::run(&args, env, out),
        Some(Command::Guidelines(args)) => guidelines::run(&args, env, out, err),
        Some(Command::Triage(args)) => triage::triage(&args, env, out, err),
        Some(Command::Baseline(args)) => triage::baseline(&args, env, out, err),
        Some(Command::Demo(args)) => demo::run(&args, env, out, err),
        Some(Command::Completions(args)) => help::completions(args.shell, out),
        Some(Command::Man) => help::man(out),
        Some(Command::Lsp) => lsp::run(env),
    }
}

/// The lowest severity a report shows.
pub fn min_severity(arg: SeverityArg) -> Severity {
    match arg {
        SeverityArg::Suggestion => Severity::Suggestion,
        SeverityArg::Warning => Severity::Warning,
        SeverityArg::Error => Severity::Error,
    }
}

/// The user's look and keys for the review and triage screens.
pub struct Screen {
    pub theme: crate::tui::theme::Theme,
    pub keymap: crate::tui::keymap::KeyMap,
}

impl Screen {
    /// The theme named by `--theme`, else by the user's config, else the default one (`mono` when
    /// `NO_COLOR` is set), and the key table with the user's overrides.
    pub fn load(theme: Option<&str>, env: &Env) -> Result<Screen, Error> {
        let user_dir = crate::config::user_dir(env.config_dir.as_deref());
        let user = crate::config::UserConfig::load(user_dir.as_deref())?;
        let name = theme
            .map(str::to_owned)
            .or(user.theme.clone())
            .unwrap_or_else(|| {
                if env.no_color {
                    "mono".to_owned()
                } else {
                    "default".to_owned()
                }
            });
        Ok(Screen {
            theme: crate::tui::theme::Theme::load(&name, user_dir.as_deref())?,
            keymap: crate::tui::keymap::KeyMap::with_overrides(&user.keys)?,
        })
    }
}
