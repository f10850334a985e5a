//! docreview: reviews Markdown documentation the way a careful human reviewer does and writes the fixes
//! the author accepts back to disk, safely.
//!
//! Layers only point down: `core` is pure (no file system, git, terminal or clock), `io` holds every side
//! effect, and the front ends (`app`, `batch`, `report`, `demo`) combine the two.
#![forbid(unsafe_code)]

pub mod app;
pub mod batch;
pub mod cli;
pub mod config;
pub mod core;
pub mod demo;
pub mod guidelines;
pub mod io;
pub mod report;
pub mod suggestions;
pub mod triage;
pub mod tui;
