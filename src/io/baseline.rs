//! The baseline file on disk (`.docreview-baseline.json`): read, and written atomically.

use crate::core::baseline::Baseline;
use std::path::Path;

/// Why the baseline could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    /// `path:line:column: what is wrong`.
    #[error("{0}")]
    Malformed(String),
    #[error("cannot read {path}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {path}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Reads the baseline; a missing file is an empty one.
pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Baseline::parse(&text)
            .map_err(|e| BaselineError::Malformed(e.0.in_file(&path.display().to_string()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Baseline::default()),
        Err(source) => Err(BaselineError::Read {
            path: path.display().to_string(),
            source,
        }),
    }
}

/// Writes the baseline file atomically (a temporary file in the same folder, then a rename).
pub fn save(path: &Path, baseline: &Baseline) -> Result<(), BaselineError> {
    super::files::write_new(path, baseline.render().as_bytes()).map_err(|source| {
        BaselineError::Write {
            path: path.display().to_string(),
            source,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_is_empty_malformed_names_the_file_and_a_failed_write_says_write() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(".docreview-baseline.json");
        assert!(load(&path).expect("missing is empty").is_empty());
        std::fs::write(&path, "{ not json").expect("write");
        let e = load(&path).expect_err("malformed").to_string();
        assert_eq!(
            e,
            format!(
                "{}:1:3: not a docreview baseline: key must be a string",
                path.display()
            )
        );
        let nowhere = dir.path().join("no-such-folder").join("b.json");
        let e = save(&nowhere, &Baseline::default()).expect_err("no folder");
        assert!(e.to_string().starts_with("cannot write "), "{e}");
    }
}
