//! The engine's memory on disk: `<git-dir>/docreview/cache/`, files per rule set (`<version>.memo`
//! with findings, `<version>.counts` with consistency counts, read only when needed, and
//! `<version>.<setup>.report`, reports remembered whole: [`crate::io::remembered`]).
//! Safe to delete at any time; a rule or config change starts new files and the old ones are removed.
//! A damaged or foreign file is ignored (and replaced), never an error: the cache only ever saves time.

use crate::core::cache::{DocCounts, Memo};
use crate::core::rules::harper::ParagraphMemo;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

impl crate::core::cache::Stored for Cache {
    fn load_counts(&mut self, memo: &mut Memo) {
        Cache::load_counts(self, memo);
    }

    fn load_paragraphs(&mut self) -> ParagraphMemo {
        Cache::load_paragraphs(self)
    }

    fn save_now(&mut self, memo: &mut Memo) {
        // A memory that could not be written stays dirty: its findings are then copied.
        let _ = self.save(memo);
    }
}

/// No cache (outside a repository, or `DOCREVIEW_NO_CACHE`): nothing stored, a memory of one run only.
impl crate::core::cache::Stored for Option<Cache> {
    fn load_counts(&mut self, memo: &mut Memo) {
        if let Some(cache) = self {
            cache.load_counts(memo);
        }
    }

    fn load_paragraphs(&mut self) -> ParagraphMemo {
        self.as_ref()
            .map(Cache::load_paragraphs)
            .unwrap_or_default()
    }

    fn save_now(&mut self, memo: &mut Memo) {
        match self {
            Some(cache) => cache.save_now(memo),
            None => crate::core::cache::Nothing.save_now(memo),
        }
    }
}

/// The memory a run starts from: the cache's, or an empty one.
pub fn memo_of(cache: &mut Option<Cache>) -> Memo {
    cache.as_mut().map(Cache::load).unwrap_or_default()
}

/// Keeps what a run learned: the memo and harper's new paragraphs. The cache only saves time: failing
/// to write it is not the user's problem, so errors are dropped here.
pub fn keep(cache: &mut Option<Cache>, memo: &mut Memo, engine: &crate::core::engine::Engine) {
    if let Some(cache) = cache {
        let _ = cache.save(memo);
        let (paragraphs, fresh) = engine.harper_memo();
        if fresh {
            let _ = cache.save_paragraphs(paragraphs);
        }
    }
}

/// Above this many documents, entries not used by the latest run are dropped when saving.
const KEEP_UNUSED_UP_TO: usize = 20_000;

/// Reports remembered whole at most per rule set (one per way of asking: formats, scopes).
const KEEP_REPORTS: usize = 3;

/// Paragraphs remembered at most (about 10 MB).
const KEEP_PARAGRAPHS: usize = 500_000;

pub struct Cache {
    dir: PathBuf,
    version: u64,
    counts_loaded: bool,
    /// The memory being read on another thread ([`Cache::prefetch`]).
    prefetched: Option<std::thread::JoinHandle<Memo>>,
}

impl Cache {
    /// The cache of a repository (`git_dir`) for a rule set.
    /// The rule set's version is mixed with the running program's identity (size and modification
    /// time of the executable), so a rebuilt docreview never trusts findings of an older build.
    pub fn new(git_dir: &Path, version: u64) -> Cache {
        Cache {
            dir: git_dir.join("docreview").join("cache"),
            version: version ^ build_identity(),
            counts_loaded: false,
            prefetched: None,
        }
    }

    /// Starts reading the stored memory on another thread, so it is ready when the docs are.
    pub fn prefetch(&mut self) {
        let file = self.file("memo");
        self.prefetched = std::thread::Builder::new()
            .name("docreview-cache".into())
            .spawn(move || read_memo(&file))
            .ok();
    }

    fn file(&self, ext: &str) -> PathBuf {
        self.dir.join(format!("{:016x}.{ext}", self.version))
    }

    /// The folder of the cache's files.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the report of this rule set made as `how` says (the command line and how the process
    /// was started, as text) is remembered (see [`crate::io::remembered`]), and its setup key.
    fn report_file(&self, how: &str) -> (PathBuf, u64) {
        let setup = crate::io::remembered::setup_key(self.version, how);
        (self.file(&format!("{setup:016x}.report")), setup)
    }

    /// The report remembered for the setup `how`, if there is one.
    pub fn remembered(&self, how: &str) -> Option<crate::io::remembered::Memory> {
        let (file, setup) = self.report_file(how);
        crate::io::remembered::Memory::open(&file, setup)
    }

    /// Keeps the report `recorded` (made as `how` says, for `docs`, with exit status `code`), and
    /// lets go of all but the [`KEEP_REPORTS`] used last of this rule set, and of temporary files a
    /// run killed while writing left behind (an hour old: a run writing one keeps it fresh).
    pub fn keep_report(
        &self,
        recorded: &mut crate::io::remembered::Recorder,
        how: &str,
        docs: [u64; 2],
        code: u8,
    ) {
        let (file, setup) = self.report_file(how);
        recorded.keep(&file, setup, docs, code);
        let mine = format!("{:016x}.", self.version);
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        let stale = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        let mut reports: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            let Some(modified) = e.metadata().and_then(|m| m.modified()).ok() else {
                continue;
            };
            if name.starts_with(&mine) && name.ends_with(".report") {
                reports.push((modified, e.path()));
            } else if name.starts_with('.') && name.ends_with(".tmp") && modified < stale {
                let _ = fs::remove_file(e.path());
            }
        }
        reports.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| (a.1 != file).cmp(&(b.1 != file)))
        });
        for (_, old) in reports.into_iter().skip(KEEP_REPORTS) {
            let _ = fs::remove_file(old);
        }
    }

    /// The stored memory (empty when there is none or it cannot be read).
    pub fn load(&mut self) -> Memo {
        if let Some(Ok(memo)) = self.prefetched.take().map(std::thread::JoinHandle::join) {
            return memo;
        }
        read_memo(&self.file("memo"))
    }

    /// Adds the stored consistency counts to `memo` (keeping any computed this run).
    pub fn load_counts(&mut self, memo: &mut Memo) {
        if self.counts_loaded {
            return;
        }
        self.counts_loaded = true;
        let stored: HashMap<u64, DocCounts> = read_sealed(&self.file("counts")).unwrap_or_default();
        for (h, c) in stored {
            memo.counts.entry(h).or_insert(c);
        }
    }

    /// Paragraphs harper linted in earlier runs of this docreview build (any rule set: the key of each
    /// entry names the linters that ran).
    pub fn load_paragraphs(&self) -> ParagraphMemo {
        read_sealed(&self.paragraphs_file()).unwrap_or_default()
    }

    /// Saves what harper linted (at most [`KEEP_PARAGRAPHS`] entries).
    pub fn save_paragraphs(&self, memo: ParagraphMemo) -> std::io::Result<()> {
        let mut memo = memo;
        if memo.len() > KEEP_PARAGRAPHS {
            // Any part will do: the cache is only a shortcut.
            let extra: Vec<u64> = memo.keys().skip(KEEP_PARAGRAPHS).copied().collect();
            for k in extra {
                memo.remove(&k);
            }
        }
        fs::create_dir_all(&self.dir)?;
        crate::io::files::write_disposable(&self.paragraphs_file(), &sealed(&memo)?)?;
        // Paragraph files of other builds can never be used again.
        let mine = self.paragraphs_file();
        if let Ok(entries) = fs::read_dir(&self.dir) {
            for e in entries.flatten() {
                let name = e.file_name();
                if name.to_string_lossy().starts_with("paragraphs-") && e.path() != mine {
                    let _ = fs::remove_file(e.path());
                }
            }
        }
        Ok(())
    }

    fn paragraphs_file(&self) -> PathBuf {
        self.dir
            .join(format!("paragraphs-{:016x}.bin", build_identity()))
    }

    /// Saves `memo` if it changed, and removes the files of other rule sets.
    pub fn save(&mut self, memo: &mut Memo) -> std::io::Result<()> {
        if !memo.dirty {
            return Ok(());
        }
        fs::create_dir_all(&self.dir)?;
        if memo.docs.len() > KEEP_UNUSED_UP_TO {
            let used = &memo.used;
            memo.docs.retain(|h, _| used.contains(h));
        }
        crate::io::files::write_disposable(&self.file("memo"), &sealed(&*memo)?)?;
        if !memo.counts.is_empty() {
            // Keep what was stored before for docs not counted in this run.
            self.load_counts(memo);
            if memo.counts.len() > KEEP_UNUSED_UP_TO {
                let used = &memo.used;
                memo.counts.retain(|h, _| used.contains(h));
            }
            crate::io::files::write_disposable(&self.file("counts"), &sealed(&memo.counts)?)?;
        }
        // Files of other rule sets can never be used again.
        let mine = format!("{:016x}.", self.version);
        if let Ok(entries) = fs::read_dir(&self.dir) {
            for e in entries.flatten() {
                let name = e.file_name();
                let name = name.to_string_lossy();
                let ours = [".memo", ".counts", ".report"]
                    .iter()
                    .any(|e| name.ends_with(e));
                if !name.starts_with(&mine) && ours {
                    let _ = fs::remove_file(e.path());
                }
            }
        }
        memo.dirty = false;
        Ok(())
    }
}

fn read_memo(file: &Path) -> Memo {
    read_sealed(file).unwrap_or_default()
}

/// A cache file's bytes: the value, then its length and its hash (eight bytes each, little-endian).
/// The cache is written without waiting for the disk, so after a crash a file may be short, or as
/// long as it should be with zeros or old bytes at its end, which the format alone would read as
/// findings: the seal tells such a file from a whole one.
pub(crate) fn sealed(value: &impl serde::Serialize) -> std::io::Result<Vec<u8>> {
    let mut bytes = postcard::to_stdvec(value).map_err(std::io::Error::other)?;
    let hash = crate::core::cache::xxh64(&bytes);
    let len = bytes.len() as u64;
    bytes.extend_from_slice(&len.to_le_bytes());
    bytes.extend_from_slice(&hash.to_le_bytes());
    Ok(bytes)
}

/// What [`sealed`] wrote in `file`; `None` when it is missing, cut short, torn or of another format.
fn read_sealed<T: serde::de::DeserializeOwned>(file: &Path) -> Option<T> {
    unsealed(&fs::read(file).ok()?)
}

/// The length of the value a [`sealed`] text ends with, read from its last sixteen bytes.
pub(crate) fn sealed_len(last: &[u8; 16]) -> Option<u64> {
    last.first_chunk().map(|len| u64::from_le_bytes(*len))
}

/// The value of [`sealed`] bytes; `None` when they are cut short, torn or of another format.
pub(crate) fn unsealed<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    let (body, seal) = bytes.split_at_checked(bytes.len().checked_sub(16)?)?;
    let len = u64::from_le_bytes(seal[..8].try_into().ok()?);
    let hash = u64::from_le_bytes(seal[8..].try_into().ok()?);
    if len != body.len() as u64 || hash != crate::core::cache::xxh64(body) {
        return None;
    }
    postcard::from_bytes(body).ok()
}

/// A number that changes whenever the executable does (0 when it cannot be told).
fn build_identity() -> u64 {
    let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|p| fs::metadata(p).ok())
    else {
        return 0;
    };
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    crate::core::finding::fnv1a64(&[&meta.len().to_le_bytes(), &modified.to_le_bytes()])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::cache::DocMemo;

    #[test]
    fn round_trip_and_rule_set_change() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut c = Cache::new(dir.path(), 1);
        let mut m = Memo::default();
        m.docs.insert(7, DocMemo::default());
        m.sets.insert(1, 2);
        m.counts.insert(7, DocCounts::default());
        m.used.insert(7);
        m.dirty = true;
        c.save(&mut m).expect("save");
        let mut fetched = Cache::new(dir.path(), 1);
        fetched.prefetch();
        assert!(
            fetched.load().docs.contains_key(&7),
            "read on another thread"
        );
        let back = Cache::new(dir.path(), 1).load();
        assert!(back.docs.contains_key(&7));
        assert_eq!(back.sets.get(&1), Some(&2));
        let mut back = back;
        Cache::new(dir.path(), 1).load_counts(&mut back);
        assert!(back.counts.contains_key(&7));
        // Another rule set: nothing to reuse, and the old files go.
        let mut other = Cache::new(dir.path(), 2);
        assert!(other.load().docs.is_empty());
        let mut m2 = Memo {
            dirty: true,
            ..Memo::default()
        };
        other.save(&mut m2).expect("save");
        let names: Vec<String> = fs::read_dir(dir.path().join("docreview/cache"))
            .expect("ls")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        let mine = format!("{:016x}.", 2 ^ build_identity());
        assert!(names.iter().all(|n| n.starts_with(&mine)), "{names:?}");
    }

    #[test]
    fn damaged_files_are_ignored() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut c = Cache::new(dir.path(), 3);
        fs::create_dir_all(dir.path().join("docreview/cache")).expect("mkdir");
        fs::write(c.file("memo"), b"\xff\xff garbage").expect("w");
        assert!(c.load().docs.is_empty());
    }
}
