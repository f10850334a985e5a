//! Changing the team's `.docreview.toml` from the triage screen (a rule turned off), keeping its
//! comments, order and layout.

use super::*;

/// Turns a rule off in a repository config (`"rule" = "off"` under `[rules]`), keeping the file's
/// comments, order and layout; creates the file when there is none. Returns the file's new text.
pub fn disable_rule(path: &Path, rule: &str) -> Result<String, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => {
            return Err(ConfigError::Read {
                path: path.display().to_string(),
                source,
            });
        }
    };
    let mut doc: toml_edit::DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        located(
            path,
            &text,
            e.span().unwrap_or(0..0),
            e.message().trim().to_owned(),
        )
    })?;
    if !doc.contains_key("rules") {
        doc["rules"] = toml_edit::table();
    }
    let Some(rules) = doc["rules"].as_table_like_mut() else {
        return Err(located(
            path,
            &text,
            0..0,
            "[rules] is not a table".to_owned(),
        ));
    };
    rules.insert(rule, toml_edit::value("off"));
    let mut new = doc.to_string();
    // The file's own line endings: a CRLF file stays CRLF.
    if text.contains("\r\n") {
        new = new.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    crate::io::files::write_new(path, new.as_bytes()).map_err(|source| ConfigError::Read {
        path: path.display().to_string(),
        source,
    })?;
    Ok(new)
}

#[cfg(test)]
mod edit_tests {
    use super::*;

    #[test]
    fn a_crlf_config_stays_crlf() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join(".docreview.toml");
        std::fs::write(&p, "# Team\r\n[rules]\r\n\"grammar.can-not\" = \"off\"\r\n").expect("w");
        disable_rule(&p, "terminology.canonical").expect("edit");
        let text = std::fs::read_to_string(&p).expect("r");
        assert_eq!(
            text,
            "# Team\r\n[rules]\r\n\"grammar.can-not\" = \"off\"\r\n\"terminology.canonical\" = \"off\"\r\n"
        );
    }

    #[test]
    fn disabling_a_rule_keeps_comments_and_layout() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join(".docreview.toml");
        std::fs::write(&p, "# Team settings.\n[files]\ninclude = [\"docs/**/*.md\"]  # only docs\n\n[rules]\n# articles matter here\n\"grammar.article\" = \"error\"\n").expect("w");
        let new = disable_rule(&p, "terminology.canonical").expect("edit");
        assert!(
            new.starts_with(
                "# Team settings.\n[files]\ninclude = [\"docs/**/*.md\"]  # only docs\n"
            ),
            "{new}"
        );
        assert!(
            new.contains("# articles matter here\n\"grammar.article\" = \"error\"\n"),
            "{new}"
        );
        assert!(new.contains("\"terminology.canonical\" = \"off\""), "{new}");
        let cfg = Config::load(&p).expect("still valid");
        assert_eq!(cfg.settings.levels.len(), 2);
        // No file yet: one is created.
        let q = dir.path().join("new.toml");
        disable_rule(&q, "grammar.article").expect("create");
        assert!(Config::load(&q).is_ok());
    }
}
