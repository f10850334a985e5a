//! Unified diffs of fixes (`apply --dry-run`), with `a/` and `b/` paths so `git apply` takes them.

use similar::TextDiff;
use std::io::{self, Write};

/// Writes the unified diff between `old` and `new` for `path` (as it should appear in the header).
pub fn write(out: &mut dyn Write, path: &str, old: &str, new: &str) -> io::Result<()> {
    // `git apply` wants relative paths; an absolute one is read relative to the root.
    let path = path.trim_start_matches('/');
    let diff = TextDiff::from_lines(old, new);
    let mut unified = diff.unified_diff();
    unified
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"));
    write!(out, "{unified}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn diff_has_git_style_headers() {
        let mut out = Vec::new();
        super::write(&mut out, "docs/x.md", "a\nGithub\nc\n", "a\nGitHub\nc\n").expect("write");
        let s = String::from_utf8(out).expect("utf8");
        assert!(
            s.starts_with("--- a/docs/x.md\n+++ b/docs/x.md\n@@ -1,3 +1,3 @@\n"),
            "{s}"
        );
        assert!(s.contains("-Github\n+GitHub\n"), "{s}");
    }
}
