//! The decision journal: every accept, reject, skip, undo and deferred write of a review session, one
//! JSON object per line, appended and synced as it happens, so a crash loses nothing and the next
//! session resumes where this one stopped. It lives in `<git-dir>/docreview/journal.jsonl` (never
//! committed, never in the working tree); outside a repository in the platform cache folder.
//!
//! Unreadable lines (a torn write, a newer format) are skipped, not fatal: the journal is a record,
//! and a damaged record must not stop a review.

use crate::core::journal::Entry;
use serde::{Deserialize, Serialize};
use std::fs::{self, OpenOptions};
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Serialize)]
struct LineOut<'a> {
    time: u64,
    #[serde(flatten)]
    entry: &'a Entry,
}

#[derive(Deserialize)]
struct LineIn {
    #[serde(flatten)]
    entry: Entry,
}

/// An append-only journal file.
#[derive(Debug, Clone)]
pub struct Journal {
    path: PathBuf,
}

/// A new session id: the start time and the process id, unique enough and readable.
pub fn session_id() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format!("{secs}-{}", std::process::id())
}

impl Journal {
    /// The journal of a repository (`git_dir`), or of a folder outside any repository (in `cache_dir`,
    /// else the platform's cache folder).
    pub fn locate(git_dir: Option<&Path>, cwd: &Path, cache_dir: Option<&Path>) -> Journal {
        let path = match git_dir {
            Some(g) => g.join("docreview").join("journal.jsonl"),
            None => {
                let base = cache_dir
                    .map(Path::to_path_buf)
                    .or_else(|| {
                        directories::ProjectDirs::from("", "", "docreview")
                            .map(|d| d.cache_dir().to_path_buf())
                    })
                    .unwrap_or_else(std::env::temp_dir);
                let key = crate::core::finding::fnv1a64(&[cwd.to_string_lossy().as_bytes()]);
                base.join("journals").join(format!("{key:016x}.jsonl"))
            }
        };
        Journal { path }
    }

    pub fn at(path: PathBuf) -> Journal {
        Journal { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Takes the right to write fixes in this repository (or folder): one docreview at a time writes
    /// docs and appends to this journal. Another holder is waited for up to `wait` (`waiting` is told
    /// once, when there is something to wait for); after that the error says who holds it. The lock is
    /// the operating system's on `journal.lock` beside the journal, so a process that dies releases it.
    pub fn lock(
        &self,
        wait: std::time::Duration,
        waiting: impl FnOnce(),
    ) -> Result<WriteLock, LockError> {
        let path = self.path.with_extension("lock");
        let open = || -> io::Result<fs::File> {
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir)?;
            }
            OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
        };
        let file = open().map_err(|source| LockError::Io {
            path: path.clone(),
            source,
        })?;
        let start = std::time::Instant::now();
        let mut waiting = Some(waiting);
        loop {
            match file.try_lock() {
                Ok(()) => {
                    return Ok(WriteLock {
                        _file: file,
                        since: SystemTime::now(),
                    });
                }
                Err(fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                    if let Some(tell) = waiting.take() {
                        tell();
                    }
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                Err(fs::TryLockError::WouldBlock) => return Err(LockError::Busy(path)),
                Err(fs::TryLockError::Error(source)) => {
                    return Err(LockError::Io { path, source });
                }
            }
        }
    }

    /// Every readable entry, oldest first (a missing journal is empty).
    pub fn read(&self) -> io::Result<Vec<Entry>> {
        self.read_counting().map(|(entries, _)| entries)
    }

    /// Every readable entry, and how many lines could not be read (a write cut short by a crash, a
    /// newer format): those are skipped, and the caller says so.
    pub fn read_counting(&self) -> io::Result<(Vec<Entry>, usize)> {
        let file = match fs::File::open(&self.path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Vec::new(), 0)),
            Err(e) => return Err(e),
        };
        let mut out = Vec::new();
        let mut damaged = 0;
        for line in io::BufReader::new(file).split(b'\n') {
            let line = line?;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<LineIn>(&line) {
                Ok(l) => out.push(l.entry),
                Err(_) => damaged += 1,
            }
        }
        Ok((out, damaged))
    }

    /// One line for the user about unreadable lines, when there are any.
    pub fn damage_notice(&self, damaged: usize) -> Option<String> {
        (damaged > 0).then(|| {
            format!(
                "docreview: skipped {damaged} unreadable line{} of the journal {} (a write cut short); the rest is used",
                if damaged == 1 { "" } else { "s" },
                self.path.display()
            )
        })
    }

    /// Appends entries and syncs them to disk.
    pub fn append(&self, entries: &[Entry]) -> io::Result<()> {
        if entries.is_empty() {
            return Ok(());
        }
        if let Some(dir) = self.path.parent() {
            fs::create_dir_all(dir)?;
        }
        let time = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let mut buf = Vec::new();
        for entry in entries {
            serde_json::to_writer(&mut buf, &LineOut { time, entry })?;
            buf.push(b'\n');
        }
        let mut f = OpenOptions::new()
            .create(true)
            .append(true)
            .read(true)
            .open(&self.path)?;
        // A line torn by a crash must not swallow the next entry.
        if ends_mid_line(&mut f)? {
            buf.insert(0, b'\n');
        }
        f.write_all(&buf)?;
        f.sync_data()
    }
}

/// The right to write fixes, held until dropped (see [`Journal::lock`]).
#[derive(Debug)]
pub struct WriteLock {
    _file: fs::File,
    /// When it was taken: temporary files older than this are a killed run's leftovers.
    pub since: SystemTime,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "another docreview is writing fixes here (it holds {}); try again when it has finished",
        .0.display()
    )]
    Busy(PathBuf),
    #[error("cannot take the write lock {}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

fn ends_mid_line(f: &mut fs::File) -> io::Result<bool> {
    use std::io::{Read, Seek, SeekFrom};
    let len = f.metadata()?.len();
    if len == 0 {
        return Ok(false);
    }
    f.seek(SeekFrom::Start(len - 1))?;
    let mut last = [0u8; 1];
    f.read_exact(&mut last)?;
    Ok(last[0] != b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::journal::Decision;

    fn entry(fp: &str, decision: Decision) -> Entry {
        Entry {
            session: "s".into(),
            decision,
            fingerprint: fp.into(),
            path: "a.md".into(),
            rule: "r.x".into(),
            start: 1,
            end: 2,
            before: "x".into(),
            after: None,
            context_before: String::new(),
            context_after: String::new(),
            written: false,
            file: String::new(),
        }
    }

    #[test]
    fn appends_reads_back_and_skips_damaged_lines() {
        let dir = tempfile::tempdir().expect("tmp");
        let j = Journal::at(dir.path().join("sub").join("journal.jsonl"));
        assert!(j.read().expect("read").is_empty());
        j.append(&[entry("a", Decision::Accept)]).expect("append");
        // A torn line from a crash, then more entries.
        OpenOptions::new()
            .append(true)
            .open(j.path())
            .and_then(|mut f| f.write_all(b"{\"session\": \"s\", \"deci"))
            .expect("tear");
        j.append(&[entry("b", Decision::Skip), entry("a", Decision::Undo)])
            .expect("append");
        let back = j.read().expect("read");
        let fps: Vec<(&str, Decision)> = back
            .iter()
            .map(|e| (e.fingerprint.as_str(), e.decision))
            .collect();
        assert_eq!(
            fps,
            vec![
                ("a", Decision::Accept),
                ("b", Decision::Skip),
                ("a", Decision::Undo)
            ]
        );
    }

    #[test]
    fn one_writer_at_a_time_and_the_next_when_it_is_done() {
        let dir = tempfile::tempdir().expect("tmp");
        let journal = Journal::at(dir.path().join("docreview").join("journal.jsonl"));
        let first = journal
            .lock(std::time::Duration::ZERO, || {})
            .expect("first");
        let mut told = false;
        let second = journal.lock(std::time::Duration::from_millis(120), || told = true);
        assert!(matches!(second, Err(LockError::Busy(_))), "{second:?}");
        assert!(told, "the wait is announced");
        drop(first);
        assert!(journal.lock(std::time::Duration::ZERO, || {}).is_ok());
    }

    #[test]
    fn lives_under_the_git_dir() {
        let j = Journal::locate(Some(Path::new("/r/.git")), Path::new("/r"), None);
        assert_eq!(j.path(), Path::new("/r/.git/docreview/journal.jsonl"));
    }
}
