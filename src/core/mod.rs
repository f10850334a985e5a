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

/// What is wrong in a file, and where (1-based line and column in characters; 0 when the whole file
/// is meant): shown as `PATH:LINE:COLUMN: message`, the shape editors and terminals jump to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Located {
    /// A JSON syntax error: serde_json's words, without the " at line L column C" it adds, after `what`.
    pub fn json(e: &serde_json::Error, what: &str) -> Located {
        let full = e.to_string();
        let words = full
            .rfind(" at line ")
            .map_or(full.as_str(), |i| &full[..i]);
        Located {
            line: e.line(),
            column: e.column(),
            message: format!("{what}: {words}"),
        }
    }

    /// The whole file is meant.
    pub fn file(message: String) -> Located {
        Located {
            line: 0,
            column: 0,
            message,
        }
    }

    /// `path:line:column: message` (`path: message` for the whole file).
    pub fn in_file(&self, path: &str) -> String {
        match (self.line, self.column) {
            (0, _) => format!("{path}: {}", self.message),
            (line, 0) => format!("{path}:{line}: {}", self.message),
            (line, column) => format!("{path}:{line}:{column}: {}", self.message),
        }
    }
}
