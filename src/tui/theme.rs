//! Themes: semantic roles (`diff_add`, `emph_del`, `gutter`, …) mapped to styles, read from TOML.
//! `themes/default.toml`, `light.toml` and `mono.toml` are compiled in; a file of the same name in the
//! user's config folder (`themes/NAME.toml`) overrides the roles it names, and a new name adds a theme.
//! Changed words are always marked by underline or bold as well as colour, so a diff reads without
//! colour too.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

const BUILT_IN: &[(&str, &str)] = &[
    ("default", include_str!("../../themes/default.toml")),
    ("light", include_str!("../../themes/light.toml")),
    ("mono", include_str!("../../themes/mono.toml")),
];

/// The roles a theme must style.
pub const ROLES: &[&str] = &[
    "header",
    "header_accepted",
    "header_rejected",
    "header_skipped",
    "hint",
    "title",
    "border",
    "file",
    "file_current",
    "file_done",
    "gutter",
    "context",
    "diff_del",
    "diff_add",
    "emph_del",
    "emph_add",
    "rule",
    "message",
    "alternative",
    "muted",
    "key",
    "key_desc",
    "info",
    "warning",
    "error",
    "selection",
    "popup",
    "popup_border",
    "input",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    #[serde(default)]
    styles: BTreeMap<String, StyleSpec>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    modifiers: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error("no theme is called \"{0}\"; themes: {1}")]
    Unknown(String, String),
    #[error("theme {path}: {message}")]
    Bad { path: String, message: String },
}

/// Styles by role.
#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    styles: BTreeMap<String, Style>,
}

fn color(s: &str) -> Option<Color> {
    if let Some(hex) = s.strip_prefix('#') {
        if hex.len() != 6 {
            return None;
        }
        let v = u32::from_str_radix(hex, 16).ok()?;
        return Some(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
    }
    if let Ok(n) = s.parse::<u8>() {
        return Some(Color::Indexed(n));
    }
    Some(match s.to_ascii_lowercase().as_str() {
        "reset" => Color::Reset,
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "grey" => Color::Gray,
        "darkgray" | "darkgrey" => Color::DarkGray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        "white" => Color::White,
        _ => return None,
    })
}

fn modifier(s: &str) -> Option<Modifier> {
    Some(match s {
        "bold" => Modifier::BOLD,
        "dim" => Modifier::DIM,
        "italic" => Modifier::ITALIC,
        "underlined" => Modifier::UNDERLINED,
        "reversed" => Modifier::REVERSED,
        "crossed_out" => Modifier::CROSSED_OUT,
        _ => return None,
    })
}

fn parse(name: &str, text: &str, base: Option<&Theme>) -> Result<Theme, String> {
    let file: ThemeFile = toml::from_str(text).map_err(|e| e.message().to_owned())?;
    let mut styles = base.map(|b| b.styles.clone()).unwrap_or_default();
    for (role, spec) in file.styles {
        if !ROLES.contains(&role.as_str()) {
            return Err(format!(
                "unknown role \"{role}\"; roles are: {}",
                ROLES.join(", ")
            ));
        }
        let mut style = Style::new();
        if let Some(fg) = &spec.fg {
            style = style.fg(color(fg).ok_or_else(|| format!("{role}: \"{fg}\" is not a colour"))?);
        }
        if let Some(bg) = &spec.bg {
            style = style.bg(color(bg).ok_or_else(|| format!("{role}: \"{bg}\" is not a colour"))?);
        }
        for m in &spec.modifiers {
            style = style.add_modifier(
                modifier(m).ok_or_else(|| format!("{role}: \"{m}\" is not a modifier"))?,
            );
        }
        styles.insert(role, style);
    }
    Ok(Theme {
        name: name.to_owned(),
        styles,
    })
}

impl Theme {
    /// A built-in theme.
    pub fn built_in(name: &str) -> Option<Theme> {
        let (_, text) = BUILT_IN.iter().find(|(n, _)| *n == name)?;
        parse(name, text, None).ok()
    }

    /// Theme `name`: the built-in one, patched or replaced by `<user_dir>/themes/<name>.toml`.
    pub fn load(name: &str, user_dir: Option<&Path>) -> Result<Theme, ThemeError> {
        let base = Theme::built_in(name);
        let user = user_dir.map(|d| d.join("themes").join(format!("{name}.toml")));
        if let Some(path) = user.filter(|p| p.is_file()) {
            let text = std::fs::read_to_string(&path).map_err(|e| ThemeError::Bad {
                path: path.display().to_string(),
                message: e.to_string(),
            })?;
            let fallback = Theme::built_in("default");
            return parse(name, &text, base.as_ref().or(fallback.as_ref())).map_err(|message| {
                ThemeError::Bad {
                    path: path.display().to_string(),
                    message,
                }
            });
        }
        base.ok_or_else(|| {
            let mut names: Vec<String> = BUILT_IN.iter().map(|(n, _)| (*n).to_owned()).collect();
            if let Some(dir) = user_dir
                && let Ok(entries) = std::fs::read_dir(dir.join("themes"))
            {
                for e in entries.flatten() {
                    if let Some(n) = e.file_name().to_str().and_then(|n| n.strip_suffix(".toml")) {
                        names.push(n.to_owned());
                    }
                }
            }
            ThemeError::Unknown(name.to_owned(), names.join(", "))
        })
    }

    /// The style of a role (unknown roles are unstyled).
    pub fn get(&self, role: &str) -> Style {
        self.styles.get(role).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_themes_style_every_role() {
        for (name, _) in BUILT_IN {
            let t = Theme::built_in(name).unwrap_or_else(|| panic!("{name} does not parse"));
            for role in ROLES {
                assert!(t.styles.contains_key(*role), "{name} lacks {role}");
            }
            // Changed words never rely on colour alone.
            for role in ["emph_add", "emph_del"] {
                let m = t.get(role).add_modifier;
                assert!(
                    m.intersects(Modifier::UNDERLINED | Modifier::BOLD),
                    "{name}.{role}"
                );
            }
        }
    }

    #[test]
    fn a_user_theme_overrides_by_name_and_is_checked() {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::create_dir_all(dir.path().join("themes")).expect("mkdir");
        std::fs::write(
            dir.path().join("themes/default.toml"),
            "[styles]\ndiff_add = { fg = \"#00ff00\" }\n",
        )
        .expect("w");
        let t = Theme::load("default", Some(dir.path())).expect("theme");
        assert_eq!(t.get("diff_add").fg, Some(Color::Rgb(0, 255, 0)));
        assert_eq!(
            t.get("diff_del").fg,
            Some(Color::Red),
            "other roles keep the built-in style"
        );
        std::fs::write(
            dir.path().join("themes/mine.toml"),
            "[styles]\nheader = { fg = \"pink\" }\n",
        )
        .expect("w");
        assert!(matches!(
            Theme::load("mine", Some(dir.path())),
            Err(ThemeError::Bad { .. })
        ));
        assert!(matches!(
            Theme::load("nope", Some(dir.path())),
            Err(ThemeError::Unknown(..))
        ));
    }
}
