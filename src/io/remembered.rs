//! A `check` report remembered whole. When nothing the report depends on changed since the last one
//! (this build and its rule set, the command line and how it was started, the plan of docs with
//! their lines in scope and the baseline, the content of every doc and context doc read), the report
//! is the same bytes, and a warm run writes them again instead of placing and formatting every
//! finding. Kept beside the memo, one per setup, the three used last per rule set:
//! `<git-dir>/docreview/cache/<version>.<setup>.report`.
//! Like the rest of the cache it only saves time: a missing, damaged or foreign file is a miss, never
//! an error, and a run that has nowhere to keep one still writes its report.
//!
//! The file is the report's bytes, then a trailer (postcard) with what they were made for, the exit
//! status and a CRC-32 of every chunk, then the trailer's length and its hash (eight bytes each). It is
//! written without waiting for the disk, so after a crash it may be short or hold zeros: every chunk
//! is checked before a byte of the report is written out.

use crate::core::cache::xxh64;
use crate::core::engine::{Parts, memo_key};
use crate::core::finding::fnv1a64;
use crate::io::cache::{sealed, sealed_len, unsealed};
use crate::io::parts::InParts;
use crate::io::scope::Plan;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

/// Bytes a chunk of the report holds (each has its own CRC-32).
const CHUNK: usize = 1 << 20;

/// A report larger than this is not remembered (it is written out as it is made, never held whole):
/// up to three are kept per rule set.
const LARGEST: u64 = 256 << 20;

/// What a report was made for, beside its bytes.
#[derive(Debug, Serialize, Deserialize)]
struct Trailer {
    /// [`setup_key`]: the build's rule set, the command line and how it was started.
    setup: u64,
    /// [`docs_key`]: the plan and the content of what was read.
    docs: [u64; 2],
    /// The exit status the report was given.
    code: u8,
    /// CRC-32 of each [`CHUNK`] of the report, in order.
    sums: Vec<u32>,
}

/// What identifies a report's setup: the rule set's version (which holds this build's identity), the
/// command line and how the process was started (working folder, terminals, colour, environment),
/// all as their debug text, so that a field added to either is part of it without a word here.
pub fn setup_key(version: u64, how: &str) -> u64 {
    xxh64(&[&version.to_le_bytes()[..], how.as_bytes()].concat())
}

/// What identifies the docs of a report: the plan (docs in scope with their lines, context docs, the
/// baseline), the path of each doc read with what it is remembered by, and each context doc's.
/// Two hashes of different kinds: a report shown for the wrong docs is worse than none.
pub fn docs_key(plan: &Plan, paths: &[&str], content: &[u64], context: &[u64]) -> [u64; 2] {
    let mut bytes = format!("{plan:?}").into_bytes();
    for (path, key) in paths.iter().zip(content) {
        bytes.extend_from_slice(path.as_bytes());
        bytes.push(0);
        bytes.extend_from_slice(&key.to_le_bytes());
    }
    debug_assert_eq!(paths.len(), content.len());
    bytes.extend_from_slice(&(paths.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&(content.len() as u64).to_le_bytes());
    for key in context {
        bytes.extend_from_slice(&key.to_le_bytes());
    }
    [xxh64(&bytes), fnv1a64(&[&bytes])]
}

/// A remembered report whose setup is this run's, its docs not yet compared.
pub struct Memory {
    file: File,
    trailer: Trailer,
    /// Length of the report in bytes.
    body: u64,
}

impl Memory {
    /// The report remembered in `path`, if it was made for `setup` and its trailer is whole.
    pub fn open(path: &Path, setup: u64) -> Option<Memory> {
        let file = File::open(path).ok()?;
        let len = file.metadata().ok()?.len();
        let mut last = [0u8; 16];
        read_at(&file, &mut last, len.checked_sub(16)?).ok()?;
        let size = sealed_len(&last)?.checked_add(16)?;
        let body = len.checked_sub(size)?;
        let mut sealed = vec![0u8; usize::try_from(size).ok()?];
        read_at(&file, &mut sealed, body).ok()?;
        let trailer: Trailer = unsealed(&sealed)?;
        let chunks = usize::try_from(body.div_ceil(CHUNK as u64)).ok()?;
        (trailer.setup == setup && trailer.sums.len() == chunks).then_some(Memory {
            file,
            trailer,
            body,
        })
    }

    /// Was the report made for these docs ([`docs_key`])?
    pub fn is_for(&self, docs: [u64; 2]) -> bool {
        self.trailer.docs == docs
    }

    /// Is every chunk of the report whole? Each is read where it is, on every core.
    pub fn is_whole(&self) -> bool {
        let (file, body) = (&self.file, self.body);
        let whole = self.trailer.sums.par_iter().enumerate().map_init(
            || vec![0u8; CHUNK],
            |buf, (n, &sum)| {
                let at = (n * CHUNK) as u64;
                let len = usize::try_from((body - at).min(CHUNK as u64)).unwrap_or(0);
                read_at(file, &mut buf[..len], at).is_ok() && crc32fast::hash(&buf[..len]) == sum
            },
        );
        whole.all(|ok| ok)
    }

    /// Writes the remembered report to `out` (once [`Memory::is_whole`] said so) and returns its exit
    /// status. The report is marked used, so that the reports kept are the ones used last.
    pub fn write_to(&self, out: &mut dyn Write) -> io::Result<u8> {
        let mut buf = vec![0u8; usize::try_from(self.body.min(4 * CHUNK as u64)).unwrap_or(0)];
        let mut at = 0;
        while at < self.body {
            let len = usize::try_from((self.body - at).min(buf.len() as u64)).unwrap_or(0);
            read_at(&self.file, &mut buf[..len], at)?;
            out.write_all(&buf[..len])?;
            at += len as u64;
        }
        let _ = self.file.set_modified(std::time::SystemTime::now());
        Ok(self.trailer.code)
    }
}

/// Fills `buf` from `file` at offset `at`, leaving the file's position alone (so that every core can
/// read a part of one file at once).
#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(windows)]
fn read_at(file: &File, mut buf: &mut [u8], mut at: u64) -> io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, at)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                at += n as u64;
            }
        }
    }
    Ok(())
}

/// What [`read_keys`] found.
pub struct ReadNow {
    /// [`docs_key`] of the docs as they are now.
    pub docs: [u64; 2],
    /// What the reading had to say (files skipped, and why): a report's own notices.
    pub notices: Vec<String>,
}

/// Reads the plan's docs (and context docs when `context`) a part at a time, as a report's check
/// does, to say whether they are still the ones a remembered report was made for. `None` when a doc
/// cannot be read at all (the check says why).
pub fn read_keys(plan: &Plan, part_bytes: u64, context: bool) -> Option<ReadNow> {
    let mut parts = InParts::new(plan, part_bytes);
    let (doc_parts, context_parts) = parts.count();
    let mut paths: Vec<String> = Vec::new();
    let mut content: Vec<u64> = Vec::new();
    for n in 0..doc_parts {
        let docs = parts.first(n, false);
        content.extend(docs.par_iter().map(memo_key).collect::<Vec<_>>());
        paths.extend(docs.into_iter().map(|d| d.path));
    }
    let context_parts = if context { context_parts } else { 0 };
    let mut keys: Vec<u64> = Vec::new();
    for n in 0..context_parts {
        keys.extend(
            parts
                .first(n, true)
                .par_iter()
                .map(memo_key)
                .collect::<Vec<_>>(),
        );
    }
    if parts.error.is_some() {
        return None;
    }
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    Some(ReadNow {
        docs: docs_key(plan, &paths, &content, &keys),
        notices: parts.take_notices(),
    })
}

/// A report on its way out, also written to a temporary file in the cache folder, to be kept by
/// [`Recorder::keep`] once it is known whole and worth remembering.
pub struct Recorder<'a> {
    out: &'a mut dyn Write,
    /// `None` once anything went wrong with the copy (it is then simply not kept).
    copy: Option<io::BufWriter<tempfile::NamedTempFile>>,
    /// The CRC-32 of the chunk being copied, and how much of it was.
    crc: crc32fast::Hasher,
    in_chunk: usize,
    sums: Vec<u32>,
    len: u64,
}

impl<'a> Recorder<'a> {
    /// Writes to `out`, and copies to a temporary file in `dir` (created if needed) when there is one.
    pub fn new(out: &'a mut dyn Write, dir: Option<&Path>) -> Recorder<'a> {
        let copy = dir.and_then(|dir| {
            std::fs::create_dir_all(dir).ok()?;
            let file = tempfile::Builder::new()
                .prefix(".report-")
                .suffix(".tmp")
                .tempfile_in(dir)
                .ok()?;
            Some(io::BufWriter::with_capacity(CHUNK, file))
        });
        Recorder {
            out,
            copy,
            crc: crc32fast::Hasher::new(),
            in_chunk: 0,
            sums: Vec::new(),
            len: 0,
        }
    }

    /// Copies `bytes` as they are (large writes go straight to the file), summing each chunk.
    fn copy(&mut self, bytes: &[u8]) {
        let Some(copy) = self.copy.as_mut() else {
            return;
        };
        self.len += bytes.len() as u64;
        if self.len > LARGEST || copy.write_all(bytes).is_err() {
            self.copy = None;
            return;
        }
        let mut rest = bytes;
        while !rest.is_empty() {
            let take = rest.len().min(CHUNK - self.in_chunk);
            self.crc.update(&rest[..take]);
            (self.in_chunk, rest) = (self.in_chunk + take, &rest[take..]);
            if self.in_chunk == CHUNK {
                self.seal_chunk();
            }
        }
    }

    fn seal_chunk(&mut self) {
        let crc = std::mem::replace(&mut self.crc, crc32fast::Hasher::new());
        self.sums.push(crc.finalize());
        self.in_chunk = 0;
    }

    /// Keeps the copy as the report remembered in `path` for `setup` and `docs`, with exit status
    /// `code`. The cache only saves time: a copy that cannot be kept is let go.
    pub fn keep(&mut self, path: &Path, setup: u64, docs: [u64; 2], code: u8) {
        if self.in_chunk > 0 {
            self.seal_chunk();
        }
        let Some(Ok(mut copy)) = self.copy.take().map(io::BufWriter::into_inner) else {
            return;
        };
        let trailer = Trailer {
            setup,
            docs,
            code,
            sums: std::mem::take(&mut self.sums),
        };
        if let Ok(sealed) = sealed(&trailer)
            && copy.write_all(&sealed).is_ok()
        {
            let _ = copy.persist(path);
        }
    }
}

impl Write for Recorder<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.out.write_all(bytes)?;
        self.copy(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i * 7 % 251) as u8).collect()
    }

    fn remember(path: &Path, body: &[u8], setup: u64, docs: [u64; 2], code: u8) {
        let mut out = Vec::new();
        let mut rec = Recorder::new(&mut out, path.parent());
        // In uneven pieces, as a report is written.
        for piece in body.chunks(777_777) {
            rec.write_all(piece).expect("write");
        }
        rec.keep(path, setup, docs, code);
        assert_eq!(out, body, "the report went out unchanged");
    }

    #[test]
    fn a_report_is_remembered_for_its_setup_and_docs_only() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("cache/v.report");
        for len in [0, 5, CHUNK, 3 * CHUNK + 11, 9 * CHUNK, 21 * CHUNK + 1] {
            let body = report(len);
            remember(&path, &body, 7, [1, 2], 1);
            assert!(Memory::open(&path, 8).is_none(), "another setup");
            let memory = Memory::open(&path, 7).expect("open");
            assert!(!memory.is_for([1, 3]), "other docs");
            assert!(memory.is_for([1, 2]));
            assert!(memory.is_whole());
            let mut again = Vec::new();
            assert_eq!(memory.write_to(&mut again).expect("write"), 1);
            assert!(again == body, "{len} bytes back");
        }
        let leftovers = std::fs::read_dir(dir.path().join("cache"))
            .expect("ls")
            .count();
        assert_eq!(leftovers, 1, "only the report itself");
    }

    #[test]
    fn a_damaged_report_is_never_written_out() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("v.report");
        let body = report(40 * CHUNK + 5);
        remember(&path, &body, 7, [1, 2], 0);
        let whole = std::fs::read(&path).expect("read");
        // A chunk of the report changed (a crash before the disk had it), any chunk, the last one
        // too: the report is not whole.
        for at in [0, CHUNK + 3, 17 * CHUNK, 40 * CHUNK + 4] {
            let mut torn = whole.clone();
            torn[at] ^= 0xff;
            std::fs::write(&path, &torn).expect("write");
            let memory = Memory::open(&path, 7).expect("the trailer is whole");
            assert!(!memory.is_whole(), "byte {at} changed");
        }
        std::fs::write(&path, &whole).expect("write");
        assert!(Memory::open(&path, 7).expect("open").is_whole());
        // Cut short, or the trailer torn: not even opened.
        for cut in [whole.len() - 1, whole.len() - 20, body.len(), 10] {
            std::fs::write(&path, &whole[..cut]).expect("write");
            assert!(Memory::open(&path, 7).is_none(), "cut at {cut}");
        }
        let mut zeroed = whole.clone();
        let n = zeroed.len();
        zeroed[n - 30..].fill(0);
        std::fs::write(&path, &zeroed).expect("write");
        assert!(Memory::open(&path, 7).is_none(), "trailer zeroed");
    }

    #[test]
    fn a_report_with_nowhere_to_be_kept_still_goes_out() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut out = Vec::new();
        let mut rec = Recorder::new(&mut out, None);
        rec.write_all(b"report").expect("write");
        rec.keep(&dir.path().join("v.report"), 1, [1, 1], 0);
        assert_eq!(out, b"report", "written out all the same");
        assert!(!dir.path().join("v.report").exists());
    }

    #[test]
    fn the_docs_key_tells_content_paths_and_context_apart() {
        let plan = Plan::default();
        let base = docs_key(&plan, &["a.md", "b.md"], &[1, 2], &[3]);
        assert_eq!(base, docs_key(&plan, &["a.md", "b.md"], &[1, 2], &[3]));
        for other in [
            docs_key(&plan, &["a.md", "b.md"], &[1, 4], &[3]),
            docs_key(&plan, &["a.md", "c.md"], &[1, 2], &[3]),
            docs_key(&plan, &["a.md", "b.md"], &[1, 2], &[]),
            docs_key(&plan, &["a.md"], &[1], &[2, 3]),
        ] {
            assert_ne!(base, other);
        }
    }
}
