//! What the engine remembers between runs, as plain data: for each document content (by hash), its
//! findings under the per-document rules (whole file, before any line filter), its consistency counts,
//! and its consistency findings under one set of verdicts; for each doc set, the verdicts' fingerprint.
//! Reading and writing the files is `io::cache`'s job; deciding what is still valid is the engine's.

use crate::core::finding::Finding;
use crate::core::rules::consistency::Counts;
use crate::core::rules::spelling::Stats;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Findings are stored with an empty path (the same content can live at several paths, or move)
/// and get their path back when they are used.
pub fn pathless(f: &Finding) -> Finding {
    Finding {
        path: String::new(),
        ..f.clone()
    }
}

/// A stored finding at `path`.
pub fn placed(f: &Finding, path: &str) -> Finding {
    Finding {
        path: path.to_owned(),
        ..f.clone()
    }
}

/// What one document contributes to the doc-set rules: consistency counts and spelling stats.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DocCounts {
    pub consistency: Counts,
    pub spelling: Stats,
}

impl DocCounts {
    pub fn merge(self, other: DocCounts) -> DocCounts {
        DocCounts {
            consistency: self.consistency.merge(other.consistency),
            spelling: self.spelling.merge(other.spelling),
        }
    }
}

/// One document content's memory.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMemo {
    /// Per-document rules, whole file.
    pub findings: Vec<Finding>,
    /// Consistency findings, valid for the verdicts with this fingerprint.
    pub set: Option<(u64, Vec<Finding>)>,
}

/// The engine's memory (one rule set: a rule or config change starts a new one).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Memo {
    pub docs: HashMap<u64, DocMemo>,
    /// Doc set (hash of all content hashes) → fingerprint of its consistency verdicts.
    pub sets: HashMap<u64, u64>,
    /// Consistency counts per content hash (stored apart: only needed when the doc set changed).
    #[serde(skip)]
    pub counts: HashMap<u64, DocCounts>,
    /// Content hashes used by this run (what to keep when the memory is saved).
    #[serde(skip)]
    pub used: HashSet<u64>,
    /// The memory changed and is worth saving.
    #[serde(skip)]
    pub dirty: bool,
}

/// The hash of a document's content (FNV-1a 64 over the bytes and the length).
pub fn content_hash(text: &str) -> u64 {
    let len = text.len().to_le_bytes();
    crate::core::finding::fnv1a64(&[text.as_bytes(), &len])
}
