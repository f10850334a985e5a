//! `docreview completions SHELL` and `docreview man`: shell completions and the manual page, both made
//! from the same command-line definition as `--help` (clap_complete, clap_mangen), so they never drift.

use crate::cli::Cli;
use crate::session::{EXIT_CLEAN, Error};
use clap::CommandFactory;
use std::io::Write;

/// Prints the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<u8, Error> {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "docreview", out);
    Ok(EXIT_CLEAN)
}

/// Prints the manual page (its SUBCOMMANDS section lists every command; `docreview help COMMAND`
/// has each one's options).
pub fn man(out: &mut dyn Write) -> Result<u8, Error> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(EXIT_CLEAN)
}
