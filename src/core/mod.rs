//! The functional core: prose extraction, rules, the engine and edits. Nothing here touches the file
//! system, git, the terminal or the clock, so every rule and every edit is testable with plain values.

pub mod baseline;
pub mod cache;
pub mod comments;
pub mod counts;
pub mod diff;
pub mod edit;
pub mod engine;
pub mod finding;
pub mod journal;
pub mod markdown;
pub mod review;
pub mod rules;
pub mod suggestions;
pub mod triage;
