//! What the engine remembers between runs, as plain data: for each document content (by hash), its
//! findings under the per-document rules (whole file, before any line filter), its doc-set counts,
//! and its doc-set findings under one set of verdicts; for each doc set, the verdicts' fingerprint.
//! Reading and writing the files is `io::cache`'s job; deciding what is still valid is the engine's.

use crate::core::finding::Finding;
use crate::core::rules::code_format::CodeCounts;
use crate::core::rules::consistency::Counts;
use crate::core::rules::name_case::NameCounts;
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

/// What one document contributes to the doc-set rules: consistency counts, spelling stats, the
/// capitals of the names it writes and how it writes code-shaped tokens.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DocCounts {
    pub consistency: Counts,
    pub spelling: Stats,
    pub names: NameCounts,
    /// Older stored counts have none: they read as a doc without code-shaped tokens.
    #[serde(default)]
    pub code: CodeCounts,
}

impl DocCounts {
    pub fn merge(self, other: DocCounts) -> DocCounts {
        DocCounts {
            consistency: self.consistency.merge(other.consistency),
            spelling: self.spelling.merge(other.spelling),
            names: self.names.merge(other.names),
            code: self.code.merge(other.code),
        }
    }
}

/// The stored memory the engine reads from only when a run needs it.
pub trait Stored {
    /// Adds the stored consistency counts to `memo` (the doc set changed).
    fn load_counts(&mut self, memo: &mut Memo);
    /// The paragraphs harper linted in earlier runs (some document is checked afresh).
    fn load_paragraphs(&mut self) -> crate::core::rules::harper::ParagraphMemo;
    /// Saves `memo` now where this store keeps one (it is no longer dirty once saved); a store that
    /// keeps nothing lets it go unsaved. A memory used once and saved can then hand its findings to
    /// the report instead of copying them.
    fn save_now(&mut self, memo: &mut Memo);
}

/// No stored memory (outside a repository, or with `DOCREVIEW_NO_CACHE`): a run remembers only what
/// it finds itself.
pub struct Nothing;

impl Stored for Nothing {
    fn load_counts(&mut self, _: &mut Memo) {}

    fn save_now(&mut self, memo: &mut Memo) {
        memo.dirty = false;
    }

    fn load_paragraphs(&mut self) -> crate::core::rules::harper::ParagraphMemo {
        Default::default()
    }
}

/// One document content's memory.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMemo {
    /// Per-document rules, whole file.
    pub findings: Vec<Finding>,
    /// Doc-set findings (consistency, names, spelling), valid for the verdicts with this fingerprint.
    pub set: Option<(u64, Vec<Finding>)>,
    /// Words of prose (for findings per 1,000 words).
    #[serde(default)]
    pub words: usize,
}

impl DocMemo {
    /// The per-document findings, or (`set`) the doc-set ones if they were made.
    pub fn stored(&self, set: bool) -> Option<&Vec<Finding>> {
        if set {
            self.set.as_ref().map(|(_, found)| found)
        } else {
            Some(&self.findings)
        }
    }

    /// [`DocMemo::stored`], to take from.
    pub fn stored_mut(&mut self, set: bool) -> Option<&mut Vec<Finding>> {
        if set {
            self.set.as_mut().map(|(_, found)| found)
        } else {
            Some(&mut self.findings)
        }
    }
}

/// The engine's memory (one rule set: a rule or config change starts a new one).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Memo {
    pub docs: HashMap<u64, DocMemo>,
    /// Doc set (hash of all content hashes) → fingerprint of its doc-set verdicts.
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
    /// The caller drops this memory after one check (saving it first if it changed): an unchanged
    /// memory may hand its findings over instead of copying them.
    #[serde(skip)]
    pub once: bool,
}

/// The hash of a document's content: XXH64 (seed 0), eight bytes at a time in four independent
/// lanes, so hashing a doc set costs a fraction of reading it. (Fingerprints, which are stored in
/// baselines, keep their own hash; this one only keys the cache, which a new build discards.)
pub fn content_hash(text: &str) -> u64 {
    xxh64(text.as_bytes())
}

const P1: u64 = 0x9E37_79B1_85EB_CA87;
const P2: u64 = 0xC2B2_AE3D_27D4_EB4F;
const P3: u64 = 0x1656_67B1_9E37_79F9;
const P4: u64 = 0x85EB_CA77_C2B2_AE63;
const P5: u64 = 0x27D4_EB2F_1656_67C5;

fn read_u64(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[..8]);
    u64::from_le_bytes(a)
}

fn read_u32(b: &[u8]) -> u64 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[..4]);
    u64::from(u32::from_le_bytes(a))
}

fn round(acc: u64, input: u64) -> u64 {
    acc.wrapping_add(input.wrapping_mul(P2))
        .rotate_left(31)
        .wrapping_mul(P1)
}

fn merge(acc: u64, lane: u64) -> u64 {
    (acc ^ round(0, lane)).wrapping_mul(P1).wrapping_add(P4)
}

/// XXH64 (seed 0) of `bytes`: the content hash, and the seal of the cache's files.
pub fn xxh64(bytes: &[u8]) -> u64 {
    let mut rest = bytes;
    let mut h = if bytes.len() >= 32 {
        let mut v = [P1.wrapping_add(P2), P2, 0, 0u64.wrapping_sub(P1)];
        while rest.len() >= 32 {
            for (i, lane) in v.iter_mut().enumerate() {
                *lane = round(*lane, read_u64(&rest[i * 8..]));
            }
            rest = &rest[32..];
        }
        let mut h = v[0]
            .rotate_left(1)
            .wrapping_add(v[1].rotate_left(7))
            .wrapping_add(v[2].rotate_left(12))
            .wrapping_add(v[3].rotate_left(18));
        for lane in v {
            h = merge(h, lane);
        }
        h
    } else {
        P5
    };
    h = h.wrapping_add(bytes.len() as u64);
    while rest.len() >= 8 {
        h = (h ^ round(0, read_u64(rest)))
            .rotate_left(27)
            .wrapping_mul(P1)
            .wrapping_add(P4);
        rest = &rest[8..];
    }
    if rest.len() >= 4 {
        h = (h ^ read_u32(rest).wrapping_mul(P1))
            .rotate_left(23)
            .wrapping_mul(P2)
            .wrapping_add(P3);
        rest = &rest[4..];
    }
    for &b in rest {
        h = (h ^ u64::from(b).wrapping_mul(P5))
            .rotate_left(11)
            .wrapping_mul(P1);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(P2);
    h ^= h >> 29;
    h = h.wrapping_mul(P3);
    h ^ (h >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hash_is_xxh64() {
        // Reference values of XXH64 with seed 0: short inputs, and one long enough for the four lanes.
        assert_eq!(content_hash(""), 0xEF46_DB37_51D8_E999);
        assert_eq!(content_hash("a"), 0xD24E_C4F1_A98C_6E5B);
        assert_eq!(content_hash("abc"), 0x44BC_2CF5_AD77_0999);
        assert_eq!(
            content_hash("Nobody inspects the spammish repetition"),
            0xFBCE_A83C_8A37_8BF1
        );
    }

    #[test]
    fn content_hash_tells_close_texts_apart() {
        let base = "A paragraph of docs, long enough to use every lane of the hash.\n".repeat(3);
        let mut seen = std::collections::HashSet::new();
        assert!(seen.insert(content_hash(&base)));
        for i in 0..base.len() {
            let mut b = base.clone().into_bytes();
            b[i] ^= 1;
            let s = String::from_utf8(b).expect("ascii");
            assert!(seen.insert(content_hash(&s)), "collision at byte {i}");
        }
        assert!(seen.insert(content_hash(&base[..base.len() - 1])));
    }
}
