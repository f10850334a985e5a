//! docreview: reviews Markdown documentation the way a careful human reviewer does and writes the fixes
//! the author accepts back to disk, safely.
//!
//! Layers only point down: `commands` (one module per command) load what they need through `session`,
//! which calls `config`, `core` and `io`; `core` is pure (no file system, git, terminal or clock), `io`
//! holds every side effect, and `report` and `tui` render what the commands hand them.
#![forbid(unsafe_code)]

pub mod cli;
pub mod commands;
pub mod config;
pub mod core;
pub mod io;
pub mod report;
pub mod session;
pub mod tui;
