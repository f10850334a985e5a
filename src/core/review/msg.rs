//! What the review state machine takes ([`Msg`]: a key's action or typed text, a batch of findings,
//! the result of a write) and gives back ([`Effect`]: what the shell must carry out).

use super::*;

/// A command from the key table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    Accept,
    /// Accept alternative N (1-based).
    Alternative(u8),
    Reject,
    Skip,
    BulkAccept,
    BulkReject,
    Undo,
    Edit,
    Open,
    Next,
    Prev,
    ScrollDown,
    ScrollUp,
    NextFile,
    PrevFile,
    Filter,
    ToggleView,
    Help,
    WriteAll,
    /// Add the word of a spelling finding to the team's vocabulary.
    AddWord,
    Quit,
}

/// A key in a text field or popup, where keys are not commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Char(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    Enter,
    Esc,
    Tab,
}

/// Everything that can happen to a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Action(Action),
    Input(Input),
    /// Findings from the checkers, with the text of their docs as read.
    Findings {
        docs: Vec<DocState>,
        findings: Vec<Finding>,
    },
    /// The checkers are done.
    CheckingDone,
    WriteDone {
        id: u64,
    },
    /// A write did not happen. `disk` is the file's current text when it changed underneath.
    WriteFailed {
        id: u64,
        disk: Option<String>,
        error: String,
    },
    /// A word is now in the team's vocabulary (or could not be added: `error`).
    WordAdded {
        word: String,
        error: Option<String>,
    },
    /// The doc was edited outside (editor) and checked again.
    Reloaded {
        doc: usize,
        text: String,
        findings: Vec<Finding>,
    },
}

/// A side effect for the shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Replace the doc's content: only if it still is `expected` (guarded atomic write).
    Write {
        id: u64,
        doc: usize,
        expected: String,
        new: String,
    },
    Journal(Entry),
    /// Add a word to the team's vocabulary file, then send [`Msg::WordAdded`].
    AddWord(String),
    /// Open the doc in the user's editor at a line, then send [`Msg::Reloaded`].
    OpenEditor {
        doc: usize,
        line: usize,
    },
    Quit,
}

/// Severity of a status message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}
