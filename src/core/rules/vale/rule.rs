//! One Vale rule file (`Style/Rule.yml`), read into a rule docreview can run. Every kind Vale offers is
//! read; the ones docreview cannot run (`script`: Tengo programs; `sequence`: part-of-speech tagging;
//! `metric` and `readability`: document statistics) come back as [`Parsed::Unsupported`] with the
//! reason, to be listed, never silently dropped.

use super::ValeError;
use super::fields::Fields;
use super::pattern::{Pattern, has_capture_group, uncapture};
use super::scope::Scope;
use crate::core::finding::Severity;
use serde_norway::Value;

/// Vale's `action`: how to fix what the rule found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Action {
    pub name: String,
    pub params: Vec<String>,
}

#[derive(Debug, Clone)]
pub enum Kind {
    Existence {
        pattern: Pattern,
    },
    Substitution {
        pattern: Pattern,
        /// Per capture group of `pattern` (in order): the swap's key and its replacement.
        swaps: Vec<(String, String)>,
        ignorecase: bool,
        capitalize: bool,
    },
    Occurrence {
        pattern: Pattern,
        max: usize,
        min: usize,
    },
    Repetition {
        pattern: Pattern,
        max: usize,
        ignorecase: bool,
        alpha: bool,
    },
    Conditional {
        first: Pattern,
        second: Pattern,
        second_groups: bool,
    },
    Consistency {
        /// Per pair of `either`: one pattern with two groups.
        pairs: Vec<Pattern>,
    },
    Capitalization {
        check: Case,
        threshold: f64,
        exceptions: Vec<String>,
        indicators: Vec<String>,
        /// Text at the start that is not cased (`prefix`, a pattern).
        prefix: Option<Pattern>,
    },
    /// A number computed from the document's statistics, reported when it meets the condition.
    Metric {
        formula: super::stats::Expr,
        op: String,
        value: f64,
    },
    /// The average of readability grades, reported above `grade`.
    Readability {
        metrics: Vec<String>,
        grade: f64,
    },
    /// Words in a row, by pattern and part of speech (run on sentences).
    Sequence {
        steps: Vec<super::sequence::Step>,
    },
    /// Spelling by docreview's dictionaries (harper-core's and the English word list), with the
    /// rule's `filters` (words they match are not checked) and its `ignore` files' words.
    Spelling {
        filters: Vec<Pattern>,
        ignore: std::collections::HashSet<String>,
        /// Hunspell dictionaries that also know words.
        dictionaries: Vec<Dict>,
        /// Only those dictionaries, not docreview's (the rule names its own, without `append`).
        custom: bool,
    },
}

/// A Hunspell dictionary, shared between rules.
#[derive(Clone)]
pub struct Dict(pub std::sync::Arc<spellbook::Dictionary>);

impl std::fmt::Debug for Dict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Dict")
    }
}

/// What a capitalization rule asks for.
#[derive(Debug, Clone)]
pub enum Case {
    Title,
    Sentence,
    Lower,
    Upper,
    Regex(Pattern),
}

#[derive(Debug, Clone)]
pub struct Rule {
    /// `Style.Name`.
    pub id: String,
    /// The rule file, for `rules explain` and errors.
    pub path: String,
    pub kind: Kind,
    pub message: String,
    pub description: String,
    pub link: String,
    pub level: Severity,
    pub scope: Scope,
    /// At most this many alerts per file (0: no limit).
    pub limit: usize,
    pub action: Action,
    /// A match containing one of these (whole words) is not reported.
    pub exceptions: Option<Pattern>,
    /// Exceptions that are phrases: a match inside one is not reported.
    pub phrases: Option<Pattern>,
    /// The rule's `extends`.
    pub extends: String,
}

/// A rule file, read.
#[derive(Debug, Clone)]
pub enum Parsed {
    Rule(Box<Rule>),
    Unsupported {
        id: String,
        path: String,
        extends: String,
        reason: String,
    },
}

/// What every rule shares from the configuration.
#[derive(Clone, Default)]
pub struct Shared {
    /// Vocabulary terms (`accept.txt`): exceptions of every rule with `vocab: true`.
    pub accepted: Vec<String>,
    /// `WordTemplate` (default `\b(?:%s)\b`).
    pub word_template: Option<String>,
    /// Word lists a spelling rule may name in `ignore`, by their path relative to the `StylesPath`
    /// (and to its `config/ignore` folder); `Vale.Spelling` takes every one under `config/ignore`.
    pub ignore_files: Vec<(String, Vec<String>)>,
    /// Hunspell dictionaries of the setup: (folder relative to the `StylesPath`, name, dictionary).
    /// `Vale.Spelling` uses those in `config/dictionaries`; a rule names others with `dicpath` and
    /// `dictionaries`.
    pub dictionaries: Vec<(String, String, std::sync::Arc<spellbook::Dictionary>)>,
}

/// Vale's filters for every spelling rule that is not `custom`: CamelCase words, words ending in
/// capitals, and words holding anything but letters, `_` and `'`.
const DEFAULT_FILTERS: &[&str] = &[r"[A-Z]{1}[a-z]+[A-Z]+\w+", r"[A-Z]+$", r"[^a-zA-Z_']"];

const WORD: &str = r"(?m)\b(?:%s)\b";
const NONWORD: &str = r"(?m)(?:%s)";

fn compile(src: &str, err: &dyn Fn(String) -> ValeError) -> Result<Pattern, ValeError> {
    Pattern::new(src).map_err(|e| err(format!("the pattern `{src}` does not compile: {e}")))
}

/// Vale's exception pattern: any of the terms as a whole word, case as written unless the term says
/// `(?i)`.
fn exceptions(terms: &[String]) -> Option<String> {
    if terms.is_empty() {
        return None;
    }
    let mut terms: Vec<&String> = terms.iter().collect();
    terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let alts: Vec<String> = terms
        .iter()
        .map(|t| {
            if t.starts_with("(?i)") {
                (*t).clone()
            } else {
                format!("(?-i:{t})")
            }
        })
        .collect();
    Some(WORD.replace("%s", &alts.join("|")))
}

/// Exceptions that are phrases (contain a space): a match inside one is not reported.
fn phrases(terms: &[String]) -> Option<String> {
    let phrases: Vec<&str> = terms
        .iter()
        .filter(|t| t.contains([' ', '\t']) || t.contains(r"\s"))
        .map(String::as_str)
        .collect();
    (!phrases.is_empty()).then(|| format!(r"(?i)\b(?:{})\b", phrases.join("|")))
}

/// Reads one rule file. `style` and `name` make its id; `yaml` is its text; `file` names it in errors.
pub fn parse(
    style: &str,
    name: &str,
    file: &str,
    yaml: &str,
    shared: &Shared,
) -> Result<Parsed, ValeError> {
    let err = |message: String| ValeError {
        file: file.to_owned(),
        line: 0,
        message,
    };
    let value: Value = serde_norway::from_str(yaml).map_err(|e| ValeError {
        file: file.to_owned(),
        line: e.location().map_or(0, |l| l.line()),
        message: format!("not valid YAML: {e}"),
    })?;
    let Value::Mapping(map) = value else {
        return Err(err("a rule file must be a YAML mapping of keys".into()));
    };
    let f = Fields {
        map: &map,
        err: &err,
    };
    let id = format!("{style}.{name}");
    let Some(extends) = f.string("extends")? else {
        return Err(err("the required `extends` key is missing".into()));
    };
    let unsupported = |reason: &str| {
        Ok(Parsed::Unsupported {
            id: id.clone(),
            path: file.to_owned(),
            extends: extends.clone(),
            reason: reason.to_owned(),
        })
    };
    match extends.as_str() {
        "existence" | "substitution" | "occurrence" | "repetition" | "conditional"
        | "consistency" | "capitalization" | "sequence" | "metric" | "readability" => {}
        "script" => {
            return unsupported("a Tengo script: docreview does not run programs from a style");
        }
        "spelling" => {
            if f.get("aff").is_some() || f.get("dic").is_some() {
                return unsupported("a dictionary named by `aff` and `dic` paths is not read yet");
            }
        }
        other => {
            return Err(err(format!(
                "`extends: {other}` is not a kind of rule: existence, substitution, occurrence, \
                 repetition, consistency, conditional, capitalization, metric, readability, \
                 spelling, sequence or script"
            )));
        }
    }
    if f.get("message").is_none() {
        return Err(err("the required `message` key is missing".into()));
    }
    if f.flag("code", false)? {
        return Err(err(
            "`code` is gone from Vale: write `scope: raw` instead".into()
        ));
    }
    let level = match f.string("level")? {
        None => Severity::Suggestion,
        Some(l) => Severity::parse(&l).ok_or_else(|| {
            err(format!(
                "`level` must be suggestion, warning or error, not `{l}`"
            ))
        })?,
    };
    let mut scopes = f.strings("scope")?;
    if scopes.is_empty() {
        scopes.push("text".into());
    }
    if extends == "sequence" {
        // Vale runs a sequence on sentences, whatever its scope says.
        scopes = vec!["sentence".into()];
    }
    if (extends == "metric" || extends == "readability") && f.get("scope").is_none() {
        // Statistics are of the whole doc's running text.
        scopes = vec!["summary".into()];
    }
    let scope = Scope::parse(&scopes).map_err(&err)?;
    let action = match f.get("action") {
        None => Action::default(),
        Some(Value::Mapping(m)) => {
            let a = Fields { map: m, err: &err };
            Action {
                name: a.text("name")?,
                params: a.strings("params")?,
            }
        }
        Some(_) => {
            return Err(err(
                "`action` must be a mapping with `name` and `params`".into()
            ));
        }
    };
    let ignorecase = f.flag("ignorecase", false)?;
    let nonword = f.flag("nonword", false)?;
    let vocab = f.flag("vocab", true)?;
    let mut except = f.strings("exceptions")?;
    let with_vocab = |except: &mut Vec<String>, word_rule: bool| {
        if vocab && word_rule {
            except.extend(shared.accepted.iter().cloned());
        }
    };
    let template = shared.word_template.as_deref().unwrap_or(WORD);
    let wrap = |body: &str, word: bool| {
        let t = if word { template } else { NONWORD };
        let re = t.replace("%s", body);
        if ignorecase { format!("(?i){re}") } else { re }
    };
    let kind = match extends.as_str() {
        "existence" => {
            with_vocab(&mut except, !nonword);
            let tokens: Vec<String> = f
                .strings("tokens")?
                .into_iter()
                .filter(|t| !t.trim().is_empty())
                .collect();
            let raw = f.strings("raw")?.concat();
            let word = !nonword && !tokens.is_empty();
            let t = if word { template } else { NONWORD };
            let group = t.replace("%s", &tokens.join("|"));
            // `raw` goes before the token group, or after it with `append: true`.
            let body = if f.flag("append", false)? {
                format!("{group}{raw}")
            } else {
                format!("{raw}{group}")
            };
            let re = if ignorecase {
                format!("(?i){body}")
            } else {
                body
            };
            if tokens.is_empty() && raw.is_empty() {
                return Err(err("an existence rule needs `tokens` or `raw`".into()));
            }
            Kind::Existence {
                pattern: compile(&re, &err)?,
            }
        }
        "substitution" => {
            with_vocab(&mut except, true);
            let mut swaps = f.pairs("swap")?;
            if swaps.is_empty() {
                return Err(err("a substitution rule needs `swap`".into()));
            }
            swaps.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
            let body: Vec<String> = swaps
                .iter()
                .map(|(k, _)| {
                    let k = if has_capture_group(k) {
                        uncapture(k)
                    } else {
                        k.clone()
                    };
                    format!("({k})")
                })
                .collect();
            Kind::Substitution {
                pattern: compile(&wrap(&body.join("|"), !nonword), &err)?,
                swaps,
                ignorecase,
                capitalize: f.flag("capitalize", false)?,
            }
        }
        "occurrence" => {
            let token = f.text("token")?;
            if token.is_empty() {
                return Err(err("an occurrence rule needs `token`".into()));
            }
            let re = format!("{}(?:{token})", if ignorecase { "(?i)" } else { "" });
            Kind::Occurrence {
                pattern: compile(&re, &err)?,
                max: f.count("max")?,
                min: f.count("min")?,
            }
        }
        "repetition" => {
            with_vocab(&mut except, true);
            let tokens = f.strings("tokens")?;
            if tokens.is_empty() {
                return Err(err("a repetition rule needs `tokens`".into()));
            }
            let re = format!(
                "{}({})",
                if ignorecase { "(?i)" } else { "" },
                tokens.join("|")
            );
            Kind::Repetition {
                pattern: compile(&re, &err)?,
                max: f.count("max")?,
                ignorecase,
                alpha: f.flag("alpha", false)?,
            }
        }
        "conditional" => {
            with_vocab(&mut except, true);
            let first = f.text("first")?;
            let second = f.text("second")?;
            if first.is_empty() || second.is_empty() {
                return Err(err("a conditional rule needs `first` and `second`".into()));
            }
            let ic = if ignorecase { "(?i)" } else { "" };
            Kind::Conditional {
                first: compile(&format!("{ic}{first}"), &err)?,
                second_groups: has_capture_group(&second),
                second: compile(&format!("{ic}{second}"), &err)?,
            }
        }
        "consistency" => {
            let either = f.pairs("either")?;
            if either.is_empty() {
                return Err(err("a consistency rule needs `either`".into()));
            }
            let pairs = either
                .iter()
                .map(|(a, b)| compile(&wrap(&format!("({a})|({b})"), !nonword), &err))
                .collect::<Result<_, _>>()?;
            Kind::Consistency { pairs }
        }
        "metric" => {
            let formula = super::stats::Expr::parse(&f.text("formula")?).map_err(&err)?;
            let (op, value) = super::stats::condition(&f.text("condition")?).map_err(&err)?;
            Kind::Metric { formula, op, value }
        }
        "readability" => {
            let metrics = f.strings("metrics")?;
            let known = [
                "Flesch-Kincaid",
                "Gunning Fog",
                "Coleman-Liau",
                "SMOG",
                "Automated Readability",
            ];
            if let Some(bad) = metrics.iter().find(|m| !known.contains(&m.as_str())) {
                return Err(err(format!(
                    "`{bad}` is not a readability metric: {}",
                    known.join(", ")
                )));
            }
            if metrics.is_empty() {
                return Err(err("a readability rule needs `metrics`".into()));
            }
            Kind::Readability {
                metrics,
                grade: f.number("grade")?.unwrap_or(8.0),
            }
        }
        "sequence" => {
            let Some(Value::Sequence(items)) = f.get("tokens") else {
                return Err(err("a sequence rule needs `tokens`, a list".into()));
            };
            let mut tokens = Vec::new();
            for item in items {
                let Value::Mapping(m) = item else {
                    return Err(err("each of a sequence's `tokens` is a mapping".into()));
                };
                let t = Fields { map: m, err: &err };
                let ic = if ignorecase { "(?i)" } else { "" };
                let pattern = match t.string("pattern")? {
                    Some(p) if !p.is_empty() => Some(compile(&format!("{ic}(?m)(?:{p})"), &err)?),
                    _ => None,
                };
                let tag = match t.string("tag")? {
                    Some(p) if !p.is_empty() => Some(compile(&p, &err)?),
                    _ => None,
                };
                tokens.push((pattern, tag, t.flag("negate", false)?, t.count("skip")?));
            }
            Kind::Sequence {
                steps: super::sequence::steps(tokens),
            }
        }
        "spelling" => {
            with_vocab(&mut except, true);
            let mut filters = Vec::new();
            for p in f.strings("filters")? {
                filters.push(compile(&p, &err)?);
            }
            if !f.flag("custom", false)? {
                for p in DEFAULT_FILTERS {
                    filters.push(compile(p, &err)?);
                }
            }
            let names = f.strings("ignore")?;
            let builtin = id == "Vale.Spelling";
            let ignore = shared
                .ignore_files
                .iter()
                .filter(|(path, _)| {
                    if builtin {
                        path.starts_with("config/ignore/")
                    } else {
                        names.iter().any(|n| {
                            path == n || path.strip_prefix("config/ignore/") == Some(n.as_str())
                        })
                    }
                })
                .flat_map(|(_, words)| words.iter().map(|w| w.to_lowercase()))
                // The vocabulary's terms are words the speller knows, in any case.
                .chain(
                    shared
                        .accepted
                        .iter()
                        .filter(|_| vocab)
                        .map(|w| w.to_lowercase()),
                )
                .collect();
            let wanted = f.strings("dictionaries")?;
            // Named dictionaries replace the built-in English one unless `append: true`.
            let custom = !wanted.is_empty() && !f.flag("append", false)?;
            let dicpath = f
                .string("dicpath")?
                .map(|d| d.trim_matches('/').to_owned())
                .unwrap_or_else(|| "config/dictionaries".to_owned());
            let dictionaries = shared
                .dictionaries
                .iter()
                .filter(|(dir, name, _)| *dir == dicpath && (builtin || wanted.contains(name)))
                .map(|(_, _, d)| Dict(d.clone()))
                .collect();
            Kind::Spelling {
                filters,
                ignore,
                dictionaries,
                custom,
            }
        }
        _ => {
            // capitalization
            with_vocab(&mut except, true);
            let check = match f.text("match")?.as_str() {
                "$title" => Case::Title,
                "$sentence" => Case::Sentence,
                "$lower" => Case::Lower,
                "$upper" => Case::Upper,
                "" => return Err(err("a capitalization rule needs `match`".into())),
                re => Case::Regex(compile(re, &err)?),
            };
            Kind::Capitalization {
                check,
                threshold: f.number("threshold")?.filter(|t| *t > 0.0).unwrap_or(0.8),
                exceptions: except.clone(),
                indicators: f.strings("indicators")?,
                prefix: match f.string("prefix")? {
                    Some(p) if !p.is_empty() => Some(compile(&p, &err)?),
                    _ => None,
                },
            }
        }
    };
    let exceptions_re = match exceptions(&except) {
        Some(re) => Some(compile(&re, &err)?),
        None => None,
    };
    let phrases_re = phrases(&except).and_then(|re| Pattern::new(&re).ok());
    Ok(Parsed::Rule(Box::new(Rule {
        id,
        path: file.to_owned(),
        kind,
        message: f.text("message")?,
        description: f.text("description")?,
        link: f.text("link")?,
        level,
        scope,
        limit: f.count("limit")?,
        action,
        exceptions: exceptions_re,
        phrases: phrases_re,
        extends,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(yaml: &str) -> Rule {
        match parse("Acme", "Test", "Acme/Test.yml", yaml, &Shared::default()) {
            Ok(Parsed::Rule(r)) => *r,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reads_an_existence_rule_with_its_defaults() {
        let r =
            rule("extends: existence\nmessage: \"Avoid '%s'.\"\ntokens:\n  - simply\n  - just\n");
        assert_eq!(r.id, "Acme.Test");
        assert_eq!(r.level, Severity::Suggestion);
        let Kind::Existence { pattern } = &r.kind else {
            panic!()
        };
        assert_eq!(pattern.find_all("Just do it, simply."), vec![12..18]);
    }

    #[test]
    fn substitution_keeps_one_group_per_swap() {
        let r = rule(
            "extends: substitution\nmessage: Use '%s' instead of '%s'.\nignorecase: true\n\
             swap:\n  (?:e-mail|email address): email\n  log(ged)? in: signed in\n",
        );
        let Kind::Substitution { pattern, swaps, .. } = &r.kind else {
            panic!()
        };
        assert_eq!(swaps.len(), 2);
        let caps = pattern.captures_all("We logged in by E-mail.");
        assert_eq!(caps.len(), 2);
        assert_eq!(
            caps[0].len(),
            3,
            "one group per swap, the swap's own group made non-capturing"
        );
    }

    #[test]
    fn kinds_docreview_cannot_run_are_listed_with_a_reason() {
        let p = parse(
            "Acme",
            "Prog",
            "Acme/Prog.yml",
            "extends: script\nmessage: x\nscript: |\n  text := import(\"text\")\n",
            &Shared::default(),
        )
        .expect("reads");
        assert!(matches!(p, Parsed::Unsupported { reason, .. } if reason.contains("Tengo")));
    }

    #[test]
    fn a_broken_rule_says_what_and_where() {
        let bad = |yaml: &str| {
            parse("A", "B", "A/B.yml", yaml, &Shared::default())
                .expect_err("rejected")
                .to_string()
        };
        assert!(bad("message: x\n").contains("`extends`"));
        assert!(bad("extends: existence\n").contains("`message`"));
        assert!(bad("extends: existance\nmessage: x\n").contains("not a kind of rule"));
        assert!(
            bad("extends: existence\nmessage: x\nlevel: loud\ntokens: [a]\n").contains("level")
        );
        assert!(
            bad("extends: existence\nmessage: x\ntokens: ['(a']\n").contains("does not compile")
        );
        assert!(bad("extends: [\n").starts_with("A/B.yml:"));
    }
}
