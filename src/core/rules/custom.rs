//! `custom.<id>`: a project's own rules, written as `[[rule]]` tables in `.docreview.toml`:
//!
//! ```toml
//! [[rule]]
//! id = "utilize"
//! pattern = '\butiliz(e|es|ed|ing)\b'
//! replace = "us$1"
//! message = "Prefer the plain word \"use\"."
//! severity = "suggestion"
//! safe = false
//! ```
//!
//! Patterns run on prose only (the same text every other rule sees), never on code or URLs.

use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use regex::Regex;

/// One compiled project rule.
#[derive(Debug, Clone)]
pub struct CustomRule {
    /// Full id, `custom.<id>`.
    pub id: String,
    pub regex: Regex,
    /// Replacement template (`$1`, `${name}`); `None` when the rule only flags.
    pub replace: Option<String>,
    pub message: String,
    pub severity: Severity,
    pub safe: bool,
}

pub struct Custom {
    rules: Vec<CustomRule>,
}

impl Custom {
    pub fn new(rules: Vec<CustomRule>) -> Custom {
        Custom { rules }
    }
}

impl Checker for Custom {
    fn rules(&self) -> Vec<RuleInfo> {
        self.rules
            .iter()
            .map(|r| RuleInfo {
                link: None,
                id: r.id.clone(),
                severity: r.severity,
                safety: if r.safe { Safety::Safe } else { Safety::Review },
                default_on: true,
                summary: r.message.clone(),
                explain: format!(
                    "A project rule from .docreview.toml.\n\nPattern: {}\nReplacement: {}\nMessage: {}",
                    r.regex.as_str(),
                    r.replace.as_deref().unwrap_or("(none: the rule only flags)"),
                    r.message
                ),
            })
            .collect()
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        for rule in self.rules.iter().filter(|r| active.has(&r.id)) {
            for (b, block) in doc.prose.blocks.iter().enumerate() {
                for caps in rule.regex.captures_iter(&block.text) {
                    let Some(m) = caps.get(0) else { continue };
                    if m.is_empty() {
                        continue;
                    }
                    let mut replacements = Vec::new();
                    if let Some(template) = &rule.replace {
                        let mut s = String::new();
                        caps.expand(template, &mut s);
                        if s != m.as_str() {
                            replacements.push(s);
                        }
                    }
                    out.push(Hit {
                        block: b,
                        range: m.range(),
                        rule: rule.id.clone(),
                        message: rule.message.clone(),
                        replacements,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::markdown::extract;
    use std::collections::HashSet;

    #[test]
    fn regex_rule_with_groups_on_prose_only() {
        let rule = CustomRule {
            id: "custom.utilize".into(),
            regex: Regex::new(r"\butiliz(e|es)\b").expect("regex"),
            replace: Some("us$1".into()),
            message: "Prefer \"use\".".into(),
            severity: Severity::Suggestion,
            safe: false,
        };
        let md = "We utilize it; it utilizes `utilize`.\n";
        let prose = extract(md);
        let doc = DocProse::new(md, &prose);
        let mut out = Vec::new();
        Custom::new(vec![rule]).check(
            &doc,
            &Active(HashSet::from(["custom.utilize".to_owned()])),
            &mut out,
        );
        let got: Vec<_> = out.iter().map(|h| h.replacements.clone()).collect();
        assert_eq!(got, vec![vec!["use".to_owned()], vec!["uses".to_owned()]]);
    }
}
