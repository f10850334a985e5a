//! `docreview lsp`: the language server, over standard input and output.

use crate::session::{EXIT_CLEAN, Env, Error};

/// Serves one editor until it says `exit`: exit code 0 after a `shutdown` request, 1 without one (as
/// the protocol asks).
pub fn run(env: &Env) -> Result<u8, Error> {
    let (connection, io) = crate::lsp::transport::stdio()
        .map_err(|e| Error::Usage(format!("language server: cannot start its threads: {e}")))?;
    let clean = crate::lsp::serve(connection, env)?;
    // The connection is gone: the writer thread finishes what it was given (the answer to
    // `shutdown`) and ends; the reader ended at `exit` or at the end of standard input.
    if let Err(e) = io.join() {
        eprintln!("docreview lsp: {e}");
    }
    Ok(if clean { EXIT_CLEAN } else { 1 })
}
