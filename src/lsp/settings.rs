//! The editor's settings for docreview: passed in `initializationOptions`, pushed with
//! `workspace/didChangeConfiguration`, or asked for with `workspace/configuration` (section
//! `docreview`), whichever the client does.
//!
//! ```json
//! { "minSeverity": "warning",
//!   "disabledRules": ["spelling.*"],
//!   "rules": { "grammar.final-period": "on", "terminology.canonical": "error" } }
//! ```
//!
//! `rules` reads like `.docreview.toml`'s `[rules]` (`on`, `off`, `suggestion`, `warning`, `error`;
//! ids, families or globs) and is laid over the team's file, so a writer can turn on a rule the team
//! left off or see one at another level in their own editor only.

use crate::core::engine::Level;
use crate::core::finding::Severity;
use std::collections::BTreeMap;

/// The keys docreview reads; others are left to the tools they belong to.
const KEYS: [&str; 3] = ["minSeverity", "disabledRules", "rules"];

/// The settings, as the client sent them.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Options {
    /// Findings below this level are not shown (`suggestion`, `warning`, `error`).
    pub min_severity: Option<Severity>,
    /// Rule ids or globs (`spelling.*`) whose findings are not shown.
    pub disabled_rules: Vec<String>,
    /// Rule ids or globs and their level, over the team's `[rules]`.
    pub rules: BTreeMap<String, String>,
}

impl Options {
    /// The settings in `value` (a client's `docreview` section; `null` is none), or why they cannot
    /// be used: a wrong type, an unknown key or level, named so the writer can fix it.
    pub fn read(value: &serde_json::Value) -> Result<Options, String> {
        let not_used = |e: String| format!("docreview's settings were not used: {e}");
        // `{"docreview": {…}}` as well as the section itself (an editor's `initializationOptions`
        // are written either way).
        let value = value.get("docreview").unwrap_or(value);
        if value.is_null() {
            return Ok(Options::default());
        }
        let Some(fields) = value.as_object() else {
            return Err(not_used(format!("expected an object, not {value}")));
        };
        // Field by field, so that a wrong one is named ("disabledRules: invalid type: …").
        let mut options = Options::default();
        for (key, v) in fields {
            let read = match key.as_str() {
                "minSeverity" => {
                    serde_json::from_value(v.clone()).map(|x| options.min_severity = x)
                }
                "disabledRules" => {
                    serde_json::from_value(v.clone()).map(|x| options.disabled_rules = x)
                }
                "rules" => serde_json::from_value(v.clone()).map(|x| options.rules = x),
                // Another tool's setting in the same section (an extension's `trace`): not ours.
                _ => Ok(()),
            };
            read.map_err(|e| not_used(format!("{key}: {e}")))?;
        }
        options.levels()?;
        Ok(options)
    }

    /// `rules` as the engine's levels.
    pub fn levels(&self) -> Result<Vec<(String, Level)>, String> {
        self.rules
            .iter()
            .map(|(pattern, level)| {
                Level::parse(level)
                    .map(|l| (pattern.clone(), l))
                    .ok_or_else(|| {
                        format!(
                            "docreview's settings were not used: rules.{pattern} is \"{level}\"; \
                         say on, off, suggestion, warning or error"
                        )
                    })
            })
            .collect()
    }
}

/// The settings inside what a client pushed with `workspace/didChangeConfiguration`: under a
/// `docreview` key, or the settings themselves. `None` when it sent nothing to read (clients that
/// are asked for settings send `null` and expect to be asked).
pub fn pushed(params: &serde_json::Value) -> Option<&serde_json::Value> {
    let settings = params.get("settings").filter(|s| !s.is_null())?;
    match settings.get("docreview") {
        Some(ours) => Some(ours),
        // The section itself only if it holds docreview's own keys (a client may push every
        // server's settings at once: `{"pylsp": …}`).
        None if settings
            .as_object()
            .is_some_and(|o| o.keys().any(|k| KEYS.contains(&k.as_str()))) =>
        {
            Some(settings)
        }
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn settings_read_like_the_config_and_wrong_ones_are_named() {
        let o = Options::read(&json!({
            "minSeverity": "warning",
            "rules": {"grammar.final-period": "on", "terminology.canonical": "error"}
        }))
        .expect("valid");
        assert_eq!(o.min_severity, Some(Severity::Warning));
        assert_eq!(
            o.levels().expect("levels"),
            [
                ("grammar.final-period".to_owned(), Level::On),
                (
                    "terminology.canonical".to_owned(),
                    Level::At(Severity::Error)
                ),
            ]
        );
        let wrong_type = Options::read(&json!({"disabledRules": "spelling.*"})).unwrap_err();
        assert!(
            wrong_type.contains("disabledRules: invalid type"),
            "{wrong_type}"
        );
        let others = Options::read(&json!({"trace": {"server": "off"}, "minSeverity": "error"}));
        assert_eq!(others.map(|o| o.min_severity), Ok(Some(Severity::Error)));
        let level = Options::read(&json!({"rules": {"spelling.*": "loud"}})).unwrap_err();
        assert!(level.contains("rules.spelling.* is \"loud\""), "{level}");
        assert_eq!(Options::read(&json!(null)), Ok(Options::default()));
        let wrapped = Options::read(&json!({"docreview": {"minSeverity": "error"}})).expect("ok");
        assert_eq!(wrapped.min_severity, Some(Severity::Error));
    }

    #[test]
    fn pushed_settings_are_found_under_docreview_or_as_they_are() {
        let ours = json!({"settings": {"docreview": {"minSeverity": "error"}}});
        assert_eq!(pushed(&ours), Some(&json!({"minSeverity": "error"})));
        let bare = json!({"settings": {"minSeverity": "error"}});
        assert_eq!(pushed(&bare), Some(&json!({"minSeverity": "error"})));
        assert_eq!(pushed(&json!({"settings": null})), None);
        assert_eq!(pushed(&json!({"settings": {}})), None);
        assert_eq!(pushed(&json!({"settings": {"pylsp": {"x": 1}}})), None);
    }
}
