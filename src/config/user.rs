//! The user's own settings (`config.toml` in the user's config folder): the review screen's theme and
//! keys. Never committed with the docs.

use super::*;

/// The user's own settings (`config.toml` in the platform config folder, or `$DOCREVIEW_CONFIG_DIR`):
/// the look and the keys, which are personal and never come from a repository.
///
/// ```toml
/// theme = "light"
///
/// [keys]
/// accept = ["a", "Enter"]
/// skip = ["s", "Space", "x"]
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserConfig {
    pub theme: Option<String>,
    #[serde(default)]
    pub keys: BTreeMap<String, Vec<String>>,
}

/// The user's config folder: `explicit` (`$DOCREVIEW_CONFIG_DIR`), else the platform's, e.g.
/// ~/.config/docreview.
pub fn user_dir(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(d) = explicit {
        return Some(d.to_path_buf());
    }
    directories::ProjectDirs::from("", "", "docreview").map(|d| d.config_dir().to_path_buf())
}

impl UserConfig {
    /// Reads `config.toml` from `dir`; a missing file is the defaults.
    pub fn load(dir: Option<&Path>) -> Result<UserConfig, ConfigError> {
        let Some(path) = dir.map(|d| d.join("config.toml")) else {
            return Ok(UserConfig::default());
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(UserConfig::default()),
            Err(source) => {
                return Err(ConfigError::Read {
                    path: path.display().to_string(),
                    source,
                });
            }
        };
        toml::from_str(&text).map_err(|e| {
            located(
                &path,
                &text,
                e.span().unwrap_or(0..0),
                e.message().trim().to_owned(),
            )
        })
    }
}

#[cfg(test)]
mod user_tests {
    use super::*;

    #[test]
    fn user_config_reads_theme_and_keys_and_rejects_unknown_keys() {
        let dir = tempfile::tempdir().expect("tmp");
        assert!(
            UserConfig::load(Some(dir.path()))
                .expect("missing is fine")
                .theme
                .is_none()
        );
        std::fs::write(
            dir.path().join("config.toml"),
            "theme = \"light\"\n[keys]\naccept = [\"x\"]\n",
        )
        .expect("w");
        let u = UserConfig::load(Some(dir.path())).expect("ok");
        assert_eq!(u.theme.as_deref(), Some("light"));
        assert_eq!(u.keys["accept"], vec!["x"]);
        std::fs::write(dir.path().join("config.toml"), "colour = 1\n").expect("w");
        let e = UserConfig::load(Some(dir.path()))
            .expect_err("unknown")
            .to_string();
        assert!(e.contains("config.toml:1:1"), "{e}");
    }
}
