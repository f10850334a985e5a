//! The user's editor, opened at a finding's line (the review screen's `o`).

use std::path::Path;

/// The command that opens `path` at `line` in `editor` (`$VISUAL` or `$EDITOR`, else vi): `+LINE` for
/// editors that take it, `path:line` for VS Code and Sublime Text.
pub fn command(editor: Option<&str>, path: &Path, line: usize) -> std::process::Command {
    let spec = editor.unwrap_or("vi");
    let mut parts = spec.split_whitespace();
    let program = parts.next().unwrap_or("vi").to_owned();
    let mut cmd = std::process::Command::new(&program);
    cmd.args(parts);
    let base = Path::new(&program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("");
    match base {
        "code" | "code-insiders" | "codium" => {
            cmd.arg("--wait")
                .arg("--goto")
                .arg(format!("{}:{line}", path.display()));
        }
        "subl" | "sublime_text" => {
            cmd.arg("--wait").arg(format!("{}:{line}", path.display()));
        }
        "vi" | "vim" | "nvim" | "view" | "nano" | "emacs" | "emacsclient" | "micro" | "hx"
        | "helix" | "kak" | "joe" | "ne" | "mg" | "jed" => {
            cmd.arg(format!("+{line}")).arg(path);
        }
        _ => {
            cmd.arg(path);
        }
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(editor: Option<&str>) -> Vec<String> {
        let cmd = command(editor, Path::new("docs/a.md"), 12);
        std::iter::once(cmd.get_program())
            .chain(cmd.get_args())
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn each_editor_is_opened_at_the_line_its_own_way() {
        assert_eq!(args(None), ["vi", "+12", "docs/a.md"]);
        assert_eq!(
            args(Some("nvim -u NONE")),
            ["nvim", "-u", "NONE", "+12", "docs/a.md"]
        );
        assert_eq!(
            args(Some("/usr/bin/code")),
            ["/usr/bin/code", "--wait", "--goto", "docs/a.md:12"]
        );
        assert_eq!(args(Some("subl")), ["subl", "--wait", "docs/a.md:12"]);
        assert_eq!(args(Some("gedit")), ["gedit", "docs/a.md"]);
    }
}
