//! `.docreview.toml`: the team's settings, committed with the docs. Found by walking up from the working
//! directory to the repository root (or given with `--config`). Every field is optional; unknown keys,
//! bad levels, bad globs and bad regexes are errors that name the file, line and column.
//!
//! ```toml
//! guidelines = ["review/*.md"]     # review-guideline files: their rules run, their examples test them
//! vale = true                       # run the nearest .vale.ini's styles too; false: never; or "path/.vale.ini"
//!
//! [files]
//! include = ["docs/**/*.md", "README.md"]
//! exclude = ["docs/vendor/**"]
//!
//! [rules]
//! "grammar.article" = "error"      # off | on | error | warning | suggestion
//! "consistency" = "off"            # a whole family
//!
//! [terms]
//! oneDNN = ["ONEDNN", "MKL-DNN"]   # canonical = [extra spellings to correct]
//!
//! [consistency]
//! prefer = ["dataset", "email"]
//!
//! [vocabulary]
//! accept = ["requantize", "Kubeflow"]  # never misspelled (also: .docreview/vocabulary.txt)
//! min_docs = 3                       # a word this many docs use is vocabulary
//!
//! [code]
//! comments = true                  # check the comments in fenced code (# …, // …) for spelling and grammar
//!
//! [markdown]
//! html_blocks = false              # check the text between the tags of HTML blocks (<p>…</p>) as prose
//!
//! [[rule]]
//! id = "utilize"
//! pattern = '\butiliz(e|es|ed|ing)\b'
//! replace = "us$1"
//! message = "Prefer the plain word \"use\"."
//! severity = "suggestion"
//! safe = false
//! ```
//!
//! The repository's config can never name a program to run.

use crate::core::engine::{Level, Settings};
use crate::core::finding::Severity;
use crate::core::rules::custom::CustomRule;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

mod edit;
mod user;

pub use edit::disable_rule;
pub use user::{UserConfig, user_dir};

pub const FILE_NAME: &str = ".docreview.toml";
pub const DEFAULT_INCLUDE: &[&str] = &["**/*.md", "**/*.markdown", "**/*.mdx"];

/// A problem in a config file, located.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}:{line}:{column}: {message}")]
    At {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("cannot read config file {path}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    guidelines: Option<Vec<Spanned<String>>>,
    files: Option<RawFiles>,
    rules: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    terms: Option<BTreeMap<Spanned<String>, Vec<String>>>,
    consistency: Option<RawConsistency>,
    vocabulary: Option<RawVocabulary>,
    code: Option<RawCode>,
    markdown: Option<RawMarkdown>,
    rule: Option<Vec<RawRule>>,
    vale: Option<Spanned<toml::Value>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCode {
    comments: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMarkdown {
    html_blocks: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVocabulary {
    accept: Option<Vec<String>>,
    min_docs: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFiles {
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConsistency {
    prefer: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    pattern: Spanned<String>,
    replace: Option<Spanned<String>>,
    message: Spanned<String>,
    severity: Option<Spanned<String>>,
    safe: Option<bool>,
}

/// Which files are docs.
#[derive(Debug, Clone)]
pub struct FileFilter {
    include: GlobSet,
    exclude: GlobSet,
}

impl FileFilter {
    /// Compiles the globs; on error, says which list (`false`: include, `true`: exclude) and which entry.
    fn build(
        include: &[String],
        exclude: &[String],
    ) -> Result<FileFilter, (bool, usize, globset::Error)> {
        let set = |globs: &[String], which: bool| {
            let mut b = GlobSetBuilder::new();
            for (i, g) in globs.iter().enumerate() {
                let glob: Glob = globset::GlobBuilder::new(g)
                    .literal_separator(true)
                    .build()
                    .map_err(|e| (which, i, e))?;
                b.add(glob);
            }
            b.build().map_err(|e| (which, 0, e))
        };
        Ok(FileFilter {
            include: set(include, false)?,
            exclude: set(exclude, true)?,
        })
    }

    /// Is this path (relative, `/`-separated) a doc?
    pub fn is_doc(&self, rel: &str) -> bool {
        self.include.is_match(rel) && !self.exclude.is_match(rel)
    }
}

impl Default for FileFilter {
    fn default() -> FileFilter {
        let include: Vec<String> = DEFAULT_INCLUDE.iter().map(|s| (*s).to_owned()).collect();
        // The default globs are valid; an empty set is the harmless fallback.
        FileFilter::build(&include, &[]).unwrap_or(FileFilter {
            include: GlobSet::empty(),
            exclude: GlobSet::empty(),
        })
    }
}

/// `vale`: whether a team's Vale setup runs beside docreview's rules.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ValeChoice {
    /// The nearest `.vale.ini` from the working folder up, if there is one (the default, `vale = true`).
    #[default]
    Find,
    /// `vale = false`.
    Off,
    /// `vale = "path/.vale.ini"`, relative to the config file's folder.
    File(PathBuf),
}

/// The loaded configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// `vale`.
    pub vale: ValeChoice,
    /// Notices about the Vale setup (rules that cannot run, styles not found), one line each.
    pub vale_notices: Vec<String>,
    /// Where it came from (`None`: built-in defaults).
    pub path: Option<PathBuf>,
    pub files: FileFilter,
    pub settings: Settings,
    /// `guidelines`: globs of review-guideline files, relative to the config file's folder.
    pub guidelines: Vec<String>,
    /// The guideline files loaded (by the caller, who reads files), with what could not be used.
    pub loaded: Vec<crate::core::rules::guideline::Guideline>,
    /// `[rules]` patterns with their spans, for "unknown rule" errors.
    rule_spans: Vec<(String, Range<usize>)>,
    /// `[terms]` names with their spans, for term errors.
    term_spans: Vec<(String, Range<usize>)>,
    text: String,
}

fn glob_list(v: Option<Vec<Spanned<String>>>) -> (Vec<String>, Vec<Range<usize>>) {
    v.unwrap_or_default()
        .into_iter()
        .map(|s| (s.get_ref().clone(), s.span()))
        .unzip()
}

impl Config {
    /// Reads and parses a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| {
            if source.kind() == std::io::ErrorKind::InvalidData {
                ConfigError::At {
                    path: path.display().to_string(),
                    line: 1,
                    column: 1,
                    message: "not UTF-8 text".into(),
                }
            } else {
                ConfigError::Read {
                    path: path.display().to_string(),
                    source,
                }
            }
        })?;
        Config::parse(path, &text)
    }

    /// Parses config text; `path` is only used in messages.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let at = |span: Range<usize>, message: String| located(path, text, span, message);
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            at(span, e.message().trim().to_owned())
        })?;

        let mut cfg = Config {
            path: Some(path.to_owned()),
            text: text.to_owned(),
            ..Config::default()
        };

        if let Some(v) = raw.vale {
            let span = v.span();
            cfg.vale = match v.into_inner() {
                toml::Value::Boolean(true) => ValeChoice::Find,
                toml::Value::Boolean(false) => ValeChoice::Off,
                toml::Value::String(f) if !f.trim().is_empty() => {
                    let base = path.parent().unwrap_or(Path::new(""));
                    ValeChoice::File(base.join(f))
                }
                _ => {
                    return Err(at(
                        span,
                        "vale must be true, false or the path of a .vale.ini".into(),
                    ));
                }
            };
        }

        for g in raw.guidelines.unwrap_or_default() {
            if let Err(e) = Glob::new(g.get_ref()) {
                return Err(at(g.span(), format!("bad glob: {}", e.kind())));
            }
            cfg.guidelines.push(g.into_inner());
        }

        if let Some(files) = raw.files {
            let (include, include_spans) = match files.include {
                Some(v) => glob_list(Some(v)),
                None => (
                    DEFAULT_INCLUDE.iter().map(|s| (*s).to_owned()).collect(),
                    Vec::new(),
                ),
            };
            let (exclude, exclude_spans) = glob_list(files.exclude);
            cfg.files = FileFilter::build(&include, &exclude).map_err(|(is_exclude, i, e)| {
                let spans = if is_exclude {
                    &exclude_spans
                } else {
                    &include_spans
                };
                let span = spans.get(i).cloned().unwrap_or(0..0);
                at(span, format!("bad glob: {}", e.kind()))
            })?;
        }

        for (pattern, level) in raw.rules.unwrap_or_default() {
            let Some(l) = Level::parse(level.get_ref()) else {
                return Err(at(
                    level.span(),
                    format!(
                        "unknown level \"{}\" for \"{}\": use off, on, error, warning or suggestion",
                        level.get_ref(),
                        pattern.get_ref()
                    ),
                ));
            };
            cfg.rule_spans
                .push((pattern.get_ref().clone(), pattern.span()));
            cfg.settings.levels.push((pattern.into_inner(), l));
        }

        for (name, variants) in raw.terms.unwrap_or_default() {
            cfg.term_spans.push((name.get_ref().clone(), name.span()));
            cfg.settings.terms.push((name.into_inner(), variants));
        }

        if let Some(c) = raw.consistency {
            cfg.settings.prefer = c.prefer.unwrap_or_default();
        }

        if let Some(c) = raw.code {
            cfg.settings.code_comments = c.comments;
        }
        if let Some(m) = raw.markdown {
            cfg.settings.html_blocks = m.html_blocks;
        }

        if let Some(v) = raw.vocabulary {
            cfg.settings.vocabulary = v.accept.unwrap_or_default();
            if let Some(n) = v.min_docs {
                let value = *n.get_ref();
                if !(1..=1_000_000).contains(&value) {
                    return Err(at(
                        n.span(),
                        format!("min_docs must be a whole number from 1 up, not {value}"),
                    ));
                }
                cfg.settings.min_docs = value as usize;
            }
        }

        let mut ids = Vec::new();
        for r in raw.rule.unwrap_or_default() {
            let id = r.id.get_ref();
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
            {
                return Err(at(
                    r.id.span(),
                    format!(
                        "rule id \"{id}\" must be lower-case letters, digits, '-' or '_' (it becomes custom.{id})"
                    ),
                ));
            }
            if ids.contains(id) {
                return Err(at(r.id.span(), format!("rule id \"{id}\" is used twice")));
            }
            ids.push(id.clone());
            if r.pattern.get_ref().is_empty() {
                return Err(at(
                    r.pattern.span(),
                    format!("rule \"{id}\" has an empty pattern"),
                ));
            }
            if r.message.get_ref().trim().is_empty() {
                return Err(at(
                    r.message.span(),
                    format!("rule \"{id}\" needs a message that says what is wrong and why"),
                ));
            }
            let regex = regex::Regex::new(r.pattern.get_ref()).map_err(|e| {
                at(
                    r.pattern.span(),
                    format!("bad regex in rule \"{id}\": {}", one_line(&e.to_string())),
                )
            })?;
            if regex.is_match("") {
                return Err(at(
                    r.pattern.span(),
                    format!(
                        "the pattern of rule \"{id}\" matches empty text; it must match at least one character"
                    ),
                ));
            }
            if let Some(rep) = &r.replace
                && let Err(message) = check_template(&regex, rep.get_ref())
            {
                return Err(at(rep.span(), format!("rule \"{id}\": {message}")));
            }
            let severity = match &r.severity {
                None => Severity::Warning,
                Some(s) => Severity::parse(s.get_ref()).ok_or_else(|| {
                    at(
                        s.span(),
                        format!(
                            "unknown severity \"{}\": use error, warning or suggestion",
                            s.get_ref()
                        ),
                    )
                })?,
            };
            cfg.settings.custom.push(CustomRule {
                id: format!("custom.{id}"),
                regex,
                replace: r.replace.map(Spanned::into_inner),
                message: r.message.into_inner(),
                severity,
                safe: r.safe.unwrap_or(false),
            });
        }
        Ok(cfg)
    }

    /// An error located at the `[rules]` entry for `pattern`.
    pub fn rule_error(&self, pattern: &str, message: String) -> ConfigError {
        let span = self
            .rule_spans
            .iter()
            .find(|(p, _)| p == pattern)
            .map_or(0..0, |(_, s)| s.clone());
        self.error_at(span, message)
    }

    /// An error located at the `[terms]` entry for `name` (or the table).
    pub fn term_error(&self, name: &str, message: String) -> ConfigError {
        let span = self
            .term_spans
            .iter()
            .find(|(n, _)| n == name)
            .or(self.term_spans.first())
            .map_or(0..0, |(_, s)| s.clone());
        self.error_at(span, message)
    }

    fn error_at(&self, span: Range<usize>, message: String) -> ConfigError {
        let path = self
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from(FILE_NAME));
        located(&path, &self.text, span, message)
    }

    /// `[rules]` patterns as written.
    pub fn rule_patterns(&self) -> Vec<String> {
        self.rule_spans.iter().map(|(p, _)| p.clone()).collect()
    }
}

/// Checks that every `$group` of a replacement template exists in the pattern (the regex crate would
/// silently put nothing there, deleting text).
fn check_template(regex: &regex::Regex, template: &str) -> Result<(), String> {
    let names: Vec<&str> = regex.capture_names().flatten().collect();
    let mut rest = template;
    while let Some(i) = rest.find('$') {
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix('$') {
            rest = after;
            continue;
        }
        let (name, braced) = match rest.strip_prefix('{') {
            Some(inner) => match inner.find('}') {
                Some(end) => (&inner[..end], true),
                None => {
                    return Err(format!(
                        "\"${{\" in the replacement \"{template}\" is not closed"
                    ));
                }
            },
            None => {
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                (&rest[..end], false)
            }
        };
        if name.is_empty() {
            return Err(format!(
                "a lone \"$\" in the replacement \"{template}\": write $$ for a dollar sign"
            ));
        }
        let exists = match name.parse::<usize>() {
            Ok(n) => n < regex.captures_len(),
            Err(_) => names.contains(&name),
        };
        if !exists {
            let hint = if !braced
                && name.starts_with(|c: char| c.is_ascii_digit())
                && name.parse::<usize>().is_err()
            {
                let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
                format!(
                    " (to follow group {digits} with letters, write ${{{digits}}}{})",
                    &name[digits.len()..]
                )
            } else {
                String::new()
            };
            return Err(format!(
                "the replacement uses group \"{name}\", which the pattern does not have{hint}"
            ));
        }
        rest = if braced {
            &rest[name.len() + 2..]
        } else {
            &rest[name.len()..]
        };
    }
    Ok(())
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn located(path: &Path, text: &str, span: Range<usize>, message: String) -> ConfigError {
    let start = span.start.min(text.len());
    let before = &text[..start];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    ConfigError::At {
        path: path.display().to_string(),
        line,
        column,
        message,
    }
}

/// Finds `.docreview.toml` from `start` upwards, stopping at `stop` (the repository root) when given.
pub fn find(start: &Path, stop: Option<&Path>) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if stop.is_some_and(|s| s == d) {
            break;
        }
        dir = d.parent();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, String> {
        Config::parse(Path::new("cfg.toml"), text).map_err(|e| e.to_string())
    }

    #[test]
    fn full_example_parses() {
        let cfg = parse(
            r#"
guidelines = ["review/*.md"]

[files]
include = ["docs/**/*.md"]
exclude = ["docs/vendor/**"]

[rules]
"grammar.article" = "error"
consistency = "off"

[terms]
oneDNN = ["ONEDNN", "MKL-DNN"]

[consistency]
prefer = ["dataset"]

[[rule]]
id = "utilize"
pattern = '\butiliz(e|es)\b'
replace = "us$1"
message = "Prefer use."
severity = "suggestion"
safe = true
"#,
        )
        .expect("parses");
        assert!(cfg.files.is_doc("docs/a/b.md"));
        assert!(!cfg.files.is_doc("docs/vendor/x.md"));
        assert!(!cfg.files.is_doc("README.md"));
        assert_eq!(cfg.settings.levels.len(), 2);
        assert_eq!(cfg.settings.terms[0].0, "oneDNN");
        assert_eq!(cfg.settings.prefer, vec!["dataset"]);
        assert_eq!(cfg.settings.custom[0].id, "custom.utilize");
        assert!(cfg.settings.custom[0].safe);
        assert_eq!(cfg.guidelines, ["review/*.md"]);
    }

    #[test]
    fn default_globs_match_docs_at_any_depth() {
        let f = FileFilter::default();
        assert!(f.is_doc("README.md"));
        assert!(f.is_doc("a/b/c.mdx"));
        assert!(f.is_doc("x.markdown"));
        assert!(!f.is_doc("a/b.txt"));
    }

    #[test]
    fn unknown_keys_name_line_and_column() {
        let e = parse("[rules]\n\"grammar.article\" = \"off\"\n\n[filez]\nx = 1\n")
            .expect_err("unknown");
        assert!(e.starts_with("cfg.toml:4:"), "{e}");
        assert!(e.contains("filez"), "{e}");
    }

    #[test]
    fn bad_level_is_located() {
        let e = parse("[rules]\n\"grammar.article\" = \"loud\"\n").expect_err("level");
        assert!(e.starts_with("cfg.toml:2:21:"), "{e}");
        assert!(e.contains("loud"), "{e}");
    }

    #[test]
    fn bad_regex_is_located() {
        let e =
            parse("[[rule]]\nid = \"x\"\npattern = \"a(b\"\nmessage = \"m\"\n").expect_err("regex");
        assert!(e.starts_with("cfg.toml:3:11:"), "{e}");
        assert!(e.contains("bad regex"), "{e}");
    }

    #[test]
    fn replacement_groups_must_exist() {
        let rule = |replace: &str| {
            parse(&format!(
                "[[rule]]\nid = \"x\"\npattern = '(O)ld(?P<tail>s?)'\nreplace = '{replace}'\nmessage = \"m\"\n"
            ))
        };
        assert!(rule("N$1 ${tail} $$ ${1}x").is_ok());
        let e = rule("$9").expect_err("missing group");
        assert!(
            e.starts_with("cfg.toml:4:11:") && e.contains("group \"9\""),
            "{e}"
        );
        let e = rule("$1ab").expect_err("ambiguous");
        assert!(e.contains("${1}ab"), "{e}");
        assert!(rule("${nope}").is_err());
        assert!(rule("a $ b").is_err());
        assert!(parse("[[rule]]\nid = \"x\"\npattern = ''\nmessage = \"m\"\n").is_err());
        assert!(parse("[[rule]]\nid = \"x\"\npattern = 'a*'\nmessage = \"m\"\n").is_err());
        assert!(parse("[[rule]]\nid = \"x\"\npattern = 'a'\nmessage = \" \"\n").is_err());
    }

    #[test]
    fn bad_glob_is_located() {
        let e = parse("[files]\nexclude = [\"a/[b\"]\n").expect_err("glob");
        assert!(e.starts_with("cfg.toml:2:12:"), "{e}");
    }

    #[test]
    fn rule_errors_point_at_their_entry() {
        let cfg = parse("[rules]\n\"gramar.article\" = \"off\"\n").expect("parses");
        let e = cfg
            .rule_error("gramar.article", "unknown rule".into())
            .to_string();
        assert!(e.starts_with("cfg.toml:2:1:"), "{e}");
    }
}
