//! The team's vocabulary file (`.docreview/vocabulary.txt`): one word a line, `#` comments, never
//! misspelled. Adding words keeps what is there (order, comments) and appends the new ones.

use super::files;
use std::fs;
use std::io;
use std::path::Path;

/// `existing` with `words` appended, skipping words it already has (in any case); also returns the
/// words that were added.
pub fn with_words(existing: &str, words: &[String]) -> (String, Vec<String>) {
    let mut known: Vec<String> = crate::core::rules::lexicon::lines(existing)
        .map(str::to_lowercase)
        .collect();
    // The file's own line ending, so a CRLF file stays CRLF.
    let newline = if existing.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let mut out = existing.to_owned();
    let mut added = Vec::new();
    for w in words {
        let w = w.trim();
        if w.is_empty() || known.contains(&w.to_lowercase()) {
            continue;
        }
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(newline);
        }
        out.push_str(w);
        out.push_str(newline);
        known.push(w.to_lowercase());
        added.push(w.to_owned());
    }
    (out, added)
}

/// Adds `words` to the vocabulary file at `path` (creating it and its folder), atomically and only if
/// the file did not change meanwhile. Returns the words that were new.
pub fn add(path: &Path, words: &[String]) -> Result<Vec<String>, files::WriteError> {
    let io_err = |source: io::Error| files::WriteError::Io {
        path: path.to_owned(),
        source,
    };
    let existing = match fs::read(path) {
        Ok(b) => Some(b),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_err(e)),
    };
    // A file that is not UTF-8 text is left alone rather than rewritten with its bytes replaced.
    let text = match existing.as_deref().map(std::str::from_utf8) {
        None => "",
        Some(Ok(text)) => text,
        Some(Err(_)) => {
            return Err(io_err(io::Error::new(
                io::ErrorKind::InvalidData,
                "it is not UTF-8 text",
            )));
        }
    };
    let (new, added) = with_words(text, words);
    if added.is_empty() {
        return Ok(added);
    }
    match existing {
        Some(old) => files::write_guarded(path, &old, new.as_bytes())?,
        None => {
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir).map_err(io_err)?;
            }
            files::write_new(path, new.as_bytes()).map_err(io_err)?;
        }
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(w: &[&str]) -> Vec<String> {
        w.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn appends_new_words_and_keeps_the_rest() {
        let (out, added) = with_words(
            "# ours\nKubeflow",
            &words(&["kubeflow", "requantize", "", "Requantize"]),
        );
        assert_eq!(out, "# ours\nKubeflow\nrequantize\n");
        assert_eq!(added, ["requantize"]);
    }

    #[test]
    fn creates_the_file_and_refuses_nothing_new() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join(".docreview/vocabulary.txt");
        assert_eq!(
            add(&path, &words(&["HybridBlock"])).expect("add"),
            ["HybridBlock"]
        );
        assert_eq!(fs::read_to_string(&path).expect("read"), "HybridBlock\n");
        assert!(
            add(&path, &words(&["hybridblock"]))
                .expect("add")
                .is_empty()
        );
    }

    #[test]
    fn keeps_crlf_and_leaves_a_file_that_is_not_utf8_alone() {
        let (out, _) = with_words("a\r\nb\r\n", &words(&["c"]));
        assert_eq!(out, "a\r\nb\r\nc\r\n");
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("vocabulary.txt");
        fs::write(&path, b"caf\xe9\n").expect("write");
        assert!(add(&path, &words(&["word"])).is_err());
        assert_eq!(fs::read(&path).expect("read"), b"caf\xe9\n");
    }
}
