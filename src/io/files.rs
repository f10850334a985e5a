//! Reading docs and writing fixes back, without ever losing a user's text.
//!
//! Reading decides what is a doc we can check: files over 5 MB, binary files (a NUL byte), non-UTF-8
//! files and symlinks leading out of the repository are skipped with a reason. The text keeps its BOM
//! and line endings exactly, so offsets are offsets into the file as on disk.
//!
//! Writing is guarded and atomic: the file must still hold exactly the bytes we read (otherwise the
//! write is refused), a read-only file is refused, and the new content goes to a temporary file in the
//! same folder, is fsynced, gets the original permissions and replaces the original by rename. A symlink
//! is written through to its target, never replaced by a regular file.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Larger files are skipped: docs this size are generated, not written.
pub const MAX_BYTES: u64 = 5 * 1024 * 1024;

/// A doc read from disk.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The path that will be written (symlinks resolved).
    pub real: PathBuf,
    /// The file's content, byte for byte (BOM and line endings included).
    pub text: String,
}

/// Why a file was not checked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Skip {
    #[error("larger than 5 MB ({0} bytes)")]
    TooLarge(u64),
    #[error("binary file")]
    Binary,
    #[error("not UTF-8 text")]
    NotUtf8,
    #[error("symlink to {0}, outside the repository")]
    SymlinkOutside(PathBuf),
    #[error("not a regular file")]
    NotAFile,
    #[error("a symlink to nothing")]
    BrokenSymlink,
}

/// Reads a doc. `root`, when given, is the folder symlinks must stay inside.
pub fn read(path: &Path, root: Option<&Path>) -> io::Result<Result<Loaded, Skip>> {
    let link = fs::symlink_metadata(path)?;
    let (real, meta) = if link.file_type().is_symlink() {
        let target = match fs::canonicalize(path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Err(Skip::BrokenSymlink)),
            Err(e) => return Err(e),
        };
        if let Some(root) = root {
            let root = fs::canonicalize(root)?;
            if !target.starts_with(&root) {
                return Ok(Err(Skip::SymlinkOutside(target)));
            }
        }
        let meta = fs::metadata(&target)?;
        (target, meta)
    } else {
        (path.to_owned(), link)
    };
    if !meta.is_file() {
        return Ok(Err(Skip::NotAFile));
    }
    if meta.len() > MAX_BYTES {
        return Ok(Err(Skip::TooLarge(meta.len())));
    }
    // Exactly the size just seen, in one read: no size probe and no read to find the end (a doc set
    // is thousands of small files, and system calls are most of the cost of reading them).
    let mut bytes = vec![0; meta.len() as usize];
    if let Err(e) = fs::File::open(&real)?.read_exact(&mut bytes) {
        if e.kind() != io::ErrorKind::UnexpectedEof {
            return Err(e);
        }
        // It shrank in the meantime: read whatever it holds now.
        bytes = fs::read(&real)?;
    }
    Ok(classify(bytes).map(|text| Loaded { real, text }))
}

/// Decides whether bytes are a text doc.
pub fn classify(bytes: Vec<u8>) -> Result<String, Skip> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Skip::TooLarge(bytes.len() as u64));
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(Skip::Binary);
    }
    String::from_utf8(bytes).map_err(|_| Skip::NotUtf8)
}

/// Why a write did not happen.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0} changed on disk since it was read; not overwritten")]
    Changed(PathBuf),
    #[error("{0} is read-only; not written")]
    ReadOnly(PathBuf),
    #[error("cannot write {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// Writes a file docreview owns (the baseline, the config) atomically: a temporary file in the same
/// folder, fsynced, renamed over the old one. Keeps the old file's permissions.
pub fn write_new(path: &Path, content: &[u8]) -> io::Result<()> {
    write_by_rename(path, content, true)
}

/// Writes a file docreview can do without (its content cache) the same way, but without waiting for
/// the disk: after a crash the file may be short or empty, and its reader takes that as nothing
/// remembered. (Waiting cost a cold report of a large doc set about a tenth of its time.)
pub fn write_disposable(path: &Path, content: &[u8]) -> io::Result<()> {
    write_by_rename(path, content, false)
}

fn write_by_rename(path: &Path, content: &[u8], sync: bool) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".docreview-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(content)?;
    if let Ok(meta) = fs::metadata(path) {
        fs::set_permissions(tmp.path(), meta.permissions())?;
    }
    if sync {
        tmp.as_file().sync_all()?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// How the temporary file of a fix's write ([`write_guarded`]) is named: `.docreview-fix-XXXXXX.tmp`.
/// Only fixes are written under the write lock, so only these are ever cleaned up; docreview's other
/// files (the baseline, the config, the vocabulary) have temporary files of another name.
pub const FIX_TEMP_PREFIX: &str = ".docreview-fix-";

/// Removes the temporary files of fixes (see [`FIX_TEMP_PREFIX`]) that a run killed between writing
/// and renaming left beside `files` (the docs this run may write; each folder is looked at once), when
/// they are older than `before` (the moment this run took the write lock: nothing of a live writer).
/// Returns how many went; a file that cannot be removed is left as it is.
pub fn clean_leftovers<'a>(
    files: impl IntoIterator<Item = &'a Path>,
    before: std::time::SystemTime,
) -> usize {
    let dirs: std::collections::BTreeSet<&Path> =
        files.into_iter().filter_map(Path::parent).collect();
    let mut removed = 0;
    for dir in dirs {
        let Ok(entries) = fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let ours = name.starts_with(FIX_TEMP_PREFIX) && name.ends_with(".tmp");
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t < before);
            if ours && old && entry.file_type().is_ok_and(|t| t.is_file()) {
                removed += usize::from(fs::remove_file(entry.path()).is_ok());
            }
        }
    }
    removed
}

/// Replaces the content of `path` with `new`, but only if it still holds exactly `expected`.
pub fn write_guarded(path: &Path, expected: &[u8], new: &[u8]) -> Result<(), WriteError> {
    let io_err = |source| WriteError::Io {
        path: path.to_owned(),
        source,
    };
    // Write through a symlink to its target; never replace the link itself.
    let real = fs::canonicalize(path).map_err(io_err)?;
    let meta = fs::metadata(&real).map_err(io_err)?;
    if meta.permissions().readonly() {
        return Err(WriteError::ReadOnly(path.to_owned()));
    }
    let dir = real.parent().unwrap_or_else(|| Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(FIX_TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io_err)?;
    tmp.write_all(new).map_err(io_err)?;
    fs::set_permissions(tmp.path(), meta.permissions()).map_err(io_err)?;
    tmp.as_file().sync_all().map_err(io_err)?;
    // Last moment check: nothing may have changed the file since it was read.
    let current = fs::read(&real).map_err(io_err)?;
    if current != expected {
        return Err(WriteError::Changed(path.to_owned()));
    }
    tmp.persist(&real).map_err(|e| io_err(e.error))?;
    // Make the rename itself durable; not every platform can open a folder, so this is best effort.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_rejects_binary_and_non_utf8() {
        assert_eq!(classify(b"a\0b".to_vec()), Err(Skip::Binary));
        assert_eq!(classify(vec![0xff, 0xfe, b'a']), Err(Skip::NotUtf8));
        assert_eq!(
            classify("\u{feff}ok\r\n".as_bytes().to_vec()),
            Ok("\u{feff}ok\r\n".to_owned())
        );
    }

    #[test]
    fn guarded_write_replaces_and_keeps_permissions() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("a.md");
        fs::write(&p, "old\r\n").expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).expect("chmod");
        }
        write_guarded(&p, b"old\r\n", b"new\r\n").expect("written");
        assert_eq!(fs::read(&p).expect("read"), b"new\r\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&p).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode, 0o640);
        }
        // No temporary files are left behind.
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("ls")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn guarded_write_refuses_a_changed_file() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("a.md");
        fs::write(&p, "changed by someone").expect("write");
        let e = write_guarded(&p, b"what we read", b"fix").expect_err("refused");
        assert!(matches!(e, WriteError::Changed(_)));
        assert_eq!(fs::read(&p).expect("read"), b"changed by someone");
    }

    #[test]
    fn guarded_write_refuses_a_read_only_file() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("a.md");
        fs::write(&p, "x").expect("write");
        let mut perms = fs::metadata(&p).expect("meta").permissions();
        perms.set_readonly(true);
        fs::set_permissions(&p, perms).expect("chmod");
        let e = write_guarded(&p, b"x", b"y").expect_err("refused");
        assert!(matches!(e, WriteError::ReadOnly(_)));
        assert_eq!(fs::read(&p).expect("read"), b"x");
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_written_through_and_checked_against_the_root() {
        let dir = tempfile::tempdir().expect("tmp");
        let outside = tempfile::tempdir().expect("tmp2");
        let target = dir.path().join("real.md");
        fs::write(&target, "a").expect("write");
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        let loaded = read(&link, Some(dir.path())).expect("io").expect("doc");
        assert_eq!(loaded.text, "a");
        write_guarded(&link, b"a", b"b").expect("write");
        assert!(
            fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&target).expect("read"), b"b");

        let far = outside.path().join("far.md");
        fs::write(&far, "x").expect("write");
        let out_link = dir.path().join("out.md");
        std::os::unix::fs::symlink(&far, &out_link).expect("symlink");
        assert!(matches!(
            read(&out_link, Some(dir.path())).expect("io"),
            Err(Skip::SymlinkOutside(_))
        ));
    }
}
