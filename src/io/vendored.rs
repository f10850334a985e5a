//! Copies of other projects kept inside a repository: a site's theme with its own documentation
//! (`themes/docsy/userguide/…`), a vendored library's README. Their prose is the other project's, and a
//! fix belongs upstream, where the next update of the copy would otherwise undo it.
//!
//! A copy is a folder right under one of the folders that conventionally hold them (`themes`,
//! `vendor`, `vendored`, `third_party`, `third-party`, `thirdparty`, `external`, `extern`) that carries
//! a licence of its own (`LICENSE`, `LICENCE.md`, `COPYING`, …). The licence is the sign: a team's own
//! theme or package in such a folder usually has none, and a copy of someone else's work must keep its
//! owner's. docreview leaves the docs inside a copy out of a repository's docs, with one notice, and
//! checks one when it is named on the command line.

use crate::core::engine::is_license;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Folders whose subfolders are conventionally other projects' copies.
const HOLDERS: &[&str] = &[
    "themes",
    "vendor",
    "vendored",
    "third_party",
    "third-party",
    "thirdparty",
    "external",
    "extern",
];

/// Finds the copies a repository's docs lie in, looking at each candidate folder once.
pub struct Vendored {
    root: PathBuf,
    /// Candidate folder (repository-relative) → does it hold a licence of its own?
    seen: RefCell<HashMap<String, bool>>,
}

impl Vendored {
    pub fn new(root: &Path) -> Vendored {
        Vendored {
            root: root.to_path_buf(),
            seen: RefCell::new(HashMap::new()),
        }
    }

    /// The copy (repository-relative folder) that holds the doc at `rel`, if it lies in one: the
    /// folder nearest the holder, on the way down to the doc, that keeps a licence (`vendor/lib`, or
    /// `vendor/github.com/org/pkg` where a package manager nests its copies by owner).
    pub fn copy_of(&self, rel: &str) -> Option<String> {
        let parts: Vec<&str> = rel.split('/').collect();
        // A folder under a holder, with the doc below it (not the holder's own README).
        for i in 0..parts.len().saturating_sub(2) {
            if !HOLDERS.contains(&parts[i].to_ascii_lowercase().as_str()) {
                continue;
            }
            for end in i + 2..parts.len() {
                let folder = parts[..end].join("/");
                let licensed = *self
                    .seen
                    .borrow_mut()
                    .entry(folder.clone())
                    .or_insert_with(|| has_licence(&self.root.join(&folder)));
                if licensed {
                    return Some(folder);
                }
            }
        }
        None
    }
}

/// Does `dir` hold a licence file of its own?
fn has_licence(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            e.file_type().is_ok_and(|t| t.is_file())
                && e.file_name().to_str().is_some_and(|name| {
                    // The licence itself, not a third-party notice list the copy's owner keeps.
                    let lower = name.to_ascii_lowercase();
                    is_license(name) && !lower.contains("third") && !lower.starts_with("notice")
                })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tmp");
        for f in files {
            let path = dir.path().join(f);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, "x\n").expect("write");
        }
        dir
    }

    #[test]
    fn a_licensed_folder_under_themes_or_vendor_is_a_copy() {
        let dir = tree(&[
            "website/themes/docsy/LICENSE",
            "website/themes/docsy/userguide/content/docs/a.md",
            "website/themes/docsy/README.md",
            "vendor/lib/COPYING.txt",
            "vendor/lib/docs/b.md",
            "Third_Party/x/LICENCE.md",
            "Third_Party/x/c.md",
            "vendor/github.com/org/pkg/LICENSE",
            "vendor/github.com/org/pkg/README.md",
        ]);
        let v = Vendored::new(dir.path());
        assert_eq!(
            v.copy_of("website/themes/docsy/userguide/content/docs/a.md")
                .as_deref(),
            Some("website/themes/docsy")
        );
        assert_eq!(
            v.copy_of("website/themes/docsy/README.md").as_deref(),
            Some("website/themes/docsy")
        );
        assert_eq!(
            v.copy_of("vendor/lib/docs/b.md").as_deref(),
            Some("vendor/lib")
        );
        assert_eq!(
            v.copy_of("Third_Party/x/c.md").as_deref(),
            Some("Third_Party/x")
        );
        assert_eq!(
            v.copy_of("vendor/github.com/org/pkg/README.md").as_deref(),
            Some("vendor/github.com/org/pkg")
        );
    }

    #[test]
    fn a_teams_own_folders_are_not_copies() {
        let dir = tree(&[
            // A theme of the team's own, with no licence of its own.
            "themes/ours/README.md",
            "themes/ours/docs/a.md",
            // A package in a monorepo keeps a licence, but `packages` holds the team's own work.
            "packages/tool/LICENSE",
            "packages/tool/README.md",
            // Only a notice list, not a licence.
            "vendor/notes/THIRD_PARTY_NOTICES.md",
            "vendor/notes/b.md",
            // A licence at the holder itself says nothing of one copy.
            "themes/LICENSE",
            "themes/README.md",
            "docs/themes.md",
        ]);
        let v = Vendored::new(dir.path());
        for rel in [
            "themes/ours/README.md",
            "themes/ours/docs/a.md",
            "packages/tool/README.md",
            "vendor/notes/b.md",
            "themes/README.md",
            "docs/themes.md",
        ] {
            assert_eq!(v.copy_of(rel), None, "{rel}");
        }
    }
}
