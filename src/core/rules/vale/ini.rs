//! `.vale.ini`, read as Vale reads it: core options before any section, `[*]` for every file, glob
//! sections (`[*.md]`, `[*.{md,mdx}]`, `[docs/**/*.md]`) for the files they match, `[formats]` for
//! extensions read as another format. A key given twice keeps both values (Vale's "shadows"), so
//! `BasedOnStyles` and the ignore lists may be split over several lines.

use crate::core::finding::Severity;
use std::fmt;

/// An error in a Vale file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValeError {
    pub file: String,
    /// 1-based; 0 when the error is about the whole file.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ValeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}

impl std::error::Error for ValeError {}

/// What a rule line in a section says: `Style.Rule = NO | YES | suggestion | warning | error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Switch {
    Off,
    On,
    At(Severity),
}

/// One `[glob]` section, or `[*]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    pub glob: String,
    /// `BasedOnStyles`, when the section names any.
    pub based_on: Option<Vec<String>>,
    /// `Style.Rule = …` and `Style = NO`, in order.
    pub rules: Vec<(String, Switch)>,
    pub block_ignores: Vec<String>,
    pub token_ignores: Vec<String>,
}

/// A parsed `.vale.ini`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValeIni {
    /// `StylesPath`, as written (relative to the file's folder unless absolute).
    pub styles_path: Vec<String>,
    pub min_alert_level: Option<Severity>,
    pub vocab: Vec<String>,
    pub packages: Vec<String>,
    pub ignored_scopes: Vec<String>,
    pub skipped_scopes: Vec<String>,
    pub word_template: Option<String>,
    /// `[formats]`: extension → the format it is read as (`mdx = md`).
    pub formats: Vec<(String, String)>,
    /// `[*]`.
    pub global: Section,
    /// Every other section, in file order.
    pub sections: Vec<Section>,
    /// Core keys docreview reads but does not act on (listed once by the loader).
    pub ignored_keys: Vec<(usize, String)>,
}

const CORE: &[&str] = &[
    "StylesPath",
    "MinAlertLevel",
    "Vocab",
    "Packages",
    "IgnoredScopes",
    "SkippedScopes",
    "IgnoredClasses",
    "WordTemplate",
    "NLPEndpoint",
];
const SYNTAX: &[&str] = &[
    "BasedOnStyles",
    "BlockIgnores",
    "TokenIgnores",
    "IgnorePatterns",
    "CommentDelimiters",
    "Transform",
    "Lang",
    "View",
];

/// Splits a comma-separated value into its trimmed, non-empty parts.
pub fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn push_unique(into: &mut Vec<String>, values: Vec<String>) {
    for v in values {
        if !into.contains(&v) {
            into.push(v);
        }
    }
}

/// Parses `.vale.ini` text; `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<ValeIni, ValeError> {
    let err = |line: usize, message: String| ValeError {
        file: file.to_owned(),
        line,
        message,
    };
    let mut ini = ValeIni::default();
    // None: the core part before any section; Some(i): index into `sections` (usize::MAX: `[*]`;
    // `[formats]` and Vale's `[asciidoctor]` are their own).
    enum At {
        Core,
        Global,
        Formats,
        Other,
        Section(usize),
    }
    let mut at = At::Core;
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let Some(name) = rest.strip_suffix(']') else {
                return Err(err(
                    line_no,
                    format!("a section header must end with `]`: `{line}`"),
                ));
            };
            let name = name.trim();
            at = match name {
                "*" => At::Global,
                "formats" => At::Formats,
                "asciidoctor" | "DEFAULT" => At::Other,
                glob => {
                    if let Some(i) = ini.sections.iter().position(|s| s.glob == glob) {
                        At::Section(i)
                    } else {
                        if let Err(e) = globset::Glob::new(glob) {
                            return Err(err(
                                line_no,
                                format!("the section `[{glob}]` is not a glob pattern: {e}"),
                            ));
                        }
                        ini.sections.push(Section {
                            glob: glob.to_owned(),
                            ..Section::default()
                        });
                        At::Section(ini.sections.len() - 1)
                    }
                }
            };
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(err(
                line_no,
                format!("expected `key = value` or `[section]`, found `{line}`"),
            ));
        };
        let key = key.trim();
        // An inline comment needs a space before it (`value # note`).
        let value = [" #", " ;", "\t#", "\t;"]
            .iter()
            .filter_map(|c| value.find(c))
            .min()
            .map_or(value, |i| &value[..i])
            .trim()
            .trim_matches('"');
        if key.is_empty() {
            return Err(err(
                line_no,
                format!("a key is missing before `=`: `{line}`"),
            ));
        }
        let section = match at {
            At::Core => {
                match key {
                    "StylesPath" => ini.styles_path.push(value.to_owned()),
                    "MinAlertLevel" => {
                        ini.min_alert_level = Some(Severity::parse(value).ok_or_else(|| {
                            err(
                                line_no,
                                format!(
                                    "MinAlertLevel must be suggestion, warning or error, not `{value}`"
                                ),
                            )
                        })?)
                    }
                    "Vocab" => push_unique(&mut ini.vocab, list(value)),
                    "Packages" => push_unique(&mut ini.packages, list(value)),
                    "IgnoredScopes" => push_unique(&mut ini.ignored_scopes, list(value)),
                    "SkippedScopes" => push_unique(&mut ini.skipped_scopes, list(value)),
                    "WordTemplate" => ini.word_template = Some(value.to_owned()),
                    k if SYNTAX.contains(&k) => {
                        return Err(err(
                            line_no,
                            format!(
                                "`{k}` belongs in a section (`[*]` or `[*.md]`), not above them"
                            ),
                        ));
                    }
                    k => ini.ignored_keys.push((line_no, k.to_owned())),
                }
                continue;
            }
            At::Formats => {
                ini.formats.push((key.to_owned(), value.to_owned()));
                continue;
            }
            At::Other => continue,
            At::Global => &mut ini.global,
            At::Section(i) => &mut ini.sections[i],
        };
        if CORE.contains(&key) {
            return Err(err(
                line_no,
                format!("`{key}` is a core option: write it above every `[section]`"),
            ));
        }
        match key {
            "BasedOnStyles" => {
                push_unique(section.based_on.get_or_insert_with(Vec::new), list(value))
            }
            "BlockIgnores" | "IgnorePatterns" => {
                push_unique(&mut section.block_ignores, list(value))
            }
            "TokenIgnores" => push_unique(&mut section.token_ignores, list(value)),
            k if SYNTAX.contains(&k) => ini.ignored_keys.push((line_no, k.to_owned())),
            rule => {
                let switch = match value {
                    "NO" => Switch::Off,
                    "YES" => Switch::On,
                    v => Switch::At(Severity::parse(v).ok_or_else(|| {
                        err(
                            line_no,
                            format!(
                                "`{rule}` must be YES, NO, suggestion, warning or error, not `{v}`"
                            ),
                        )
                    })?),
                };
                section.rules.push((rule.to_owned(), switch));
            }
        }
    }
    Ok(ini)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_core_options_sections_and_rule_switches() {
        let ini = parse(
            ".vale.ini",
            "StylesPath = styles\nMinAlertLevel = warning\nVocab = Base, Team\n\n\
             [*]\nBasedOnStyles = Vale\n\n[*.{md,mdx}]\nBasedOnStyles = Acme, Vale # note\n\
             Acme.Hedging = NO\nAcme.Terms = error\nVale.Spelling = YES\nTokenIgnores = \\$\\$.+\\$\\$\n\n\
             [formats]\nmdx = md\n",
        )
        .expect("parses");
        assert_eq!(ini.styles_path, ["styles"]);
        assert_eq!(ini.min_alert_level, Some(Severity::Warning));
        assert_eq!(ini.vocab, ["Base", "Team"]);
        assert_eq!(
            ini.global.based_on.as_deref(),
            Some(&["Vale".to_owned()][..])
        );
        let md = &ini.sections[0];
        assert_eq!(md.glob, "*.{md,mdx}");
        assert_eq!(md.based_on.as_deref().map(<[String]>::len), Some(2));
        assert_eq!(
            md.rules,
            [
                ("Acme.Hedging".to_owned(), Switch::Off),
                ("Acme.Terms".to_owned(), Switch::At(Severity::Error)),
                ("Vale.Spelling".to_owned(), Switch::On)
            ]
        );
        assert_eq!(md.token_ignores, ["\\$\\$.+\\$\\$"]);
        assert_eq!(ini.formats, [("mdx".to_owned(), "md".to_owned())]);
    }

    #[test]
    fn a_repeated_key_or_section_adds_to_the_first() {
        let ini = parse(
            "v.ini",
            "[*.md]\nBasedOnStyles = A\n[*.md]\nBasedOnStyles = B\nBasedOnStyles = A\n",
        )
        .expect("parses");
        assert_eq!(ini.sections.len(), 1);
        assert_eq!(
            ini.sections[0].based_on.as_deref(),
            Some(&["A".to_owned(), "B".to_owned()][..])
        );
    }

    #[test]
    fn errors_name_the_line_and_what_is_wrong() {
        let e = parse(
            "a/.vale.ini",
            "StylesPath = s\n[*]\nMinAlertLevel = error\n",
        )
        .unwrap_err();
        assert_eq!(e.line, 3);
        assert!(
            e.to_string()
                .starts_with("a/.vale.ini:3: `MinAlertLevel` is a core option")
        );
        let e = parse("v.ini", "[*.md]\nA.B = sometimes\n").unwrap_err();
        assert_eq!((e.line, e.message.contains("YES, NO")), (2, true));
        let e = parse("v.ini", "MinAlertLevel = loud\n").unwrap_err();
        assert!(e.message.contains("suggestion, warning or error"), "{e}");
        let e = parse("v.ini", "BasedOnStyles = A\n").unwrap_err();
        assert!(e.message.contains("belongs in a section"), "{e}");
        let e = parse("v.ini", "[*.md\n").unwrap_err();
        assert_eq!(e.line, 1);
        let e = parse("v.ini", "just words\n").unwrap_err();
        assert!(e.message.contains("key = value"), "{e}");
    }
}
