//! A team's Vale setup (`.vale.ini` and its styles), run by docreview: each Vale rule keeps its name
//! (`Microsoft.Contractions`), its level, scope and message, and what Vale only reports becomes a fix
//! (a substitution's swap, an action's result). Reading files is the io layer's job
//! (`io::vale`); this module gets their text.

pub mod check;
mod fields;
pub mod ini;
mod local;
pub mod pattern;
mod prefilter;
pub mod rule;
pub mod scope;
pub mod sequence;
pub mod stats;
mod words;

use self::check::{FileState, Found};
pub use self::ini::{Switch, ValeError, ValeIni};
use self::rule::{Kind, Parsed, Rule, Shared};
use self::scope::Wants;
use super::RuleInfo;
use crate::core::finding::{Safety, Severity};
use crate::core::markdown::Prose;
use std::collections::HashMap;
use std::ops::Range;

/// A rule file's text, as the io layer found it.
#[derive(Debug, Clone)]
pub struct StyleFile {
    pub style: String,
    /// The rule's name (the file name without `.yml`).
    pub name: String,
    /// Path for messages.
    pub path: String,
    pub text: String,
}

/// A Hunspell dictionary of the setup (`config/dictionaries/NAME.dic` and `.aff`), as text.
#[derive(Debug, Clone)]
pub struct DictionaryFiles {
    /// Its folder, relative to the `StylesPath` (`config/dictionaries`, `RedHat/dictionaries`).
    pub dir: String,
    pub name: String,
    /// The `.dic` file's path, for messages.
    pub path: String,
    pub aff: String,
    pub dic: String,
}

/// Everything a setup is built from, read by the io layer.
#[derive(Debug, Clone, Default)]
pub struct Setup {
    pub ini: ValeIni,
    /// How to name the `.vale.ini` in messages.
    pub ini_path: String,
    pub files: Vec<StyleFile>,
    /// The vocabularies' accepted and rejected terms.
    pub accepted: Vec<String>,
    pub rejected: Vec<String>,
    /// Word lists under the styles folder (path relative to it, words).
    pub word_lists: Vec<(String, Vec<String>)>,
    pub dictionaries: Vec<DictionaryFiles>,
}

/// A rule docreview read but cannot run, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported {
    pub id: String,
    pub path: String,
    pub reason: String,
}

/// What a Vale rule found in a file, at file offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub rule: String,
    pub range: Range<usize>,
    pub message: String,
    pub severity: Severity,
    pub replacements: Vec<String>,
    /// Found in the file as written (`scope: raw`): Vale's comments do not switch such rules.
    pub raw: bool,
}

/// A loaded Vale setup.
pub struct Vale {
    rules: Vec<Rule>,
    unsupported: Vec<Unsupported>,
    ini: ValeIni,
    globs: Vec<globset::GlobMatcher>,
    /// `TokenIgnores` and `BlockIgnores` of `[*]` (first) and of each section, compiled.
    ignores: Vec<Vec<pattern::Pattern>>,
    /// `Style.Rule = level` lines, wherever they are (Vale keeps one level per rule).
    levels: HashMap<String, Severity>,
    min: Severity,
    /// The prefilters built so far, by the rules they cover (each thread takes its own copy).
    prefilters: std::sync::Mutex<HashMap<Vec<usize>, Option<prefilter::Prefilter>>>,
    /// Per rule, the first rule that searches with the same pattern, if another does ([`check::twins`]).
    twins: Vec<Option<usize>>,
    /// Identifies the setup (every file's text), for the cache.
    pub fingerprint: u64,
}

impl std::fmt::Debug for Vale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Vale({:016x})", self.fingerprint)
    }
}

/// The built-in `Vale` style: its rules docreview runs.
fn builtin_repetition() -> &'static str {
    "extends: repetition\nmessage: \"'%s' is repeated!\"\nlevel: error\nignorecase: true\n\
     alpha: true\naction:\n  name: edit\n  params:\n    - truncate\n    - \" \"\ntokens:\n  - '[^\\s.!?]+'\n"
}

fn yaml_list(items: &[String]) -> String {
    items
        .iter()
        .map(|t| format!("  - '{}'\n", t.replace('\'', "''")))
        .collect()
}

impl Vale {
    /// Builds the setup from a parsed `.vale.ini` (`ini_path` names it), the rule files of the styles it
    /// uses, and the vocabularies' accepted and rejected terms.
    pub fn build(setup: Setup) -> Result<Vale, ValeError> {
        let Setup {
            ini,
            ini_path,
            files,
            accepted,
            rejected,
            word_lists,
            dictionaries,
        } = setup;
        let ini_path = ini_path.as_str();
        let mut dicts = Vec::new();
        for d in &dictionaries {
            let parsed = spellbook::Dictionary::new(&d.aff, &d.dic).map_err(|e| ValeError {
                file: d.path.clone(),
                line: 0,
                message: format!("not a Hunspell dictionary docreview can read: {e}"),
            })?;
            dicts.push((d.dir.clone(), d.name.clone(), std::sync::Arc::new(parsed)));
        }
        let fingerprint = crate::core::finding::fnv1a64(&[
            format!("{ini:?}").as_bytes(),
            format!("{accepted:?}{rejected:?}{word_lists:?}").as_bytes(),
            files
                .iter()
                .map(|f| format!("{}\0{}\0{}\0", f.style, f.name, f.text))
                .collect::<String>()
                .as_bytes(),
            dictionaries
                .iter()
                .map(|d| format!("{}\0{}\0{}\0{}\0", d.dir, d.name, d.aff, d.dic))
                .collect::<String>()
                .as_bytes(),
        ]);
        let shared = Shared {
            accepted: accepted.clone(),
            word_template: ini.word_template.clone(),
            ignore_files: word_lists,
            dictionaries: dicts,
        };
        let mut rules = Vec::new();
        let mut unsupported = Vec::new();
        let mut add = |parsed: Parsed| match parsed {
            Parsed::Rule(r) => rules.push(*r),
            Parsed::Unsupported {
                id, path, reason, ..
            } => unsupported.push(Unsupported { id, path, reason }),
        };
        // Parsed (and their patterns compiled) on every core; the first error in file order stops.
        let parsed: Vec<Result<Parsed, ValeError>> = {
            use rayon::prelude::*;
            files
                .par_iter()
                .map(|f| rule::parse(&f.style, &f.name, &f.path, &f.text, &shared))
                .collect()
        };
        for p in parsed {
            add(p?);
        }
        let builtin = |name: &str, yaml: &str, shared: &Shared| {
            rule::parse(
                "Vale",
                name,
                &format!("(built-in Vale.{name})"),
                yaml,
                shared,
            )
        };
        add(builtin("Repetition", builtin_repetition(), &shared)?);
        if !accepted.is_empty() {
            // One entry per lower-cased term, the last one written winning (as in Vale).
            let mut terms: Vec<&String> = Vec::new();
            for t in accepted.iter().rev() {
                if !terms.iter().any(|k| k.to_lowercase() == t.to_lowercase()) {
                    terms.push(t);
                }
            }
            terms.reverse();
            let swap: String = terms
                .iter()
                .map(|t| {
                    format!(
                        "  '{}': '{}'\n",
                        t.to_lowercase().replace('\'', "''"),
                        t.replace('\'', "''")
                    )
                })
                .collect();
            let yaml = format!(
                "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\n\
                 ignorecase: true\nvocab: false\nswap:\n{swap}"
            );
            add(builtin("Terms", &yaml, &Shared::default())?);
        }
        if !rejected.is_empty() {
            let yaml = format!(
                "extends: existence\nmessage: \"Avoid using '%s'.\"\nlevel: error\nvocab: false\n\
                 tokens:\n{}",
                yaml_list(&rejected)
            );
            add(builtin("Avoid", &yaml, &Shared::default())?);
        }
        add(builtin(
            "Spelling",
            "extends: spelling\nmessage: \"Did you really mean '%s'?\"\nlevel: error\n",
            &shared,
        )?);
        let mut globs = Vec::new();
        for s in &ini.sections {
            let g = globset::Glob::new(&s.glob).map_err(|e| ValeError {
                file: ini_path.to_owned(),
                line: 0,
                message: format!("the section `[{}]` is not a glob pattern: {e}", s.glob),
            })?;
            globs.push(g.compile_matcher());
        }
        let mut ignores = Vec::new();
        for s in std::iter::once(&ini.global).chain(&ini.sections) {
            let mut compiled = Vec::new();
            for p in s.token_ignores.iter().chain(&s.block_ignores) {
                compiled.push(pattern::Pattern::new(p).map_err(|e| ValeError {
                    file: ini_path.to_owned(),
                    line: 0,
                    message: format!(
                        "the ignore pattern `{p}` of [{}] does not compile: {e}",
                        s.glob
                    ),
                })?);
            }
            ignores.push(compiled);
        }
        let mut levels = HashMap::new();
        for s in std::iter::once(&ini.global).chain(&ini.sections) {
            for (r, switch) in &s.rules {
                if let Switch::At(level) = switch {
                    levels.insert(r.clone(), *level);
                }
            }
        }
        Ok(Vale {
            twins: check::twins(&rules),
            rules,
            unsupported,
            min: ini.min_alert_level.unwrap_or(Severity::Suggestion),
            ini,
            globs,
            ignores,
            levels,
            prefilters: Default::default(),
            fingerprint,
        })
    }

    /// Is `id` one of this setup's rules?
    pub fn has(&self, id: &str) -> bool {
        self.rules.iter().any(|r| r.id == id)
    }

    /// The rules docreview read but cannot run.
    pub fn unsupported(&self) -> &[Unsupported] {
        &self.unsupported
    }

    /// A rule's level: the `.vale.ini`'s, else the rule file's.
    fn level(&self, rule: &Rule) -> Severity {
        self.levels.get(&rule.id).copied().unwrap_or(rule.level)
    }

    /// Is a fix of this rule one a writer can batch-apply? Only a plain one-to-one swap: an
    /// `action: replace` with a single target. Everything else needs a reader.
    fn safety(rule: &Rule) -> Safety {
        let single = matches!(&rule.kind, Kind::Substitution { swaps, .. }
            if rule.action.name == "replace" && swaps.iter().all(|(_, r)| !r.contains('|')));
        if single { Safety::Safe } else { Safety::Review }
    }

    /// Is `rule` on for files matching this section list? (`None`: the sections say nothing.)
    fn switched(&self, id: &str, sections: &[usize]) -> Option<bool> {
        let style = id.split('.').next().unwrap_or(id);
        let mut found = None;
        let look = |s: &ini::Section, found: &mut Option<bool>| {
            for (key, switch) in &s.rules {
                if key == id {
                    *found = Some(*switch != Switch::Off);
                } else if key == style && found.is_none() && *switch == Switch::Off {
                    *found = Some(false);
                }
            }
        };
        for &i in sections {
            look(&self.ini.sections[i], &mut found);
        }
        if found.is_none() {
            look(&self.ini.global, &mut found);
        }
        found
    }

    /// The sections whose globs match `path`, in file order.
    fn sections_for(&self, path: &str) -> Vec<usize> {
        let path = path.strip_prefix("./").unwrap_or(path);
        self.globs
            .iter()
            .enumerate()
            .filter(|(_, g)| g.is_match(path))
            .map(|(i, _)| i)
            .collect()
    }

    /// The rules that run on `path`.
    fn rules_for(&self, path: &str) -> Vec<usize> {
        let sections = self.sections_for(path);
        let base: &[String] = sections
            .iter()
            .rev()
            .find_map(|&i| self.ini.sections[i].based_on.as_deref())
            .or(self.ini.global.based_on.as_deref())
            .unwrap_or(&[]);
        (0..self.rules.len())
            .filter(|&i| {
                let r = &self.rules[i];
                let style = r.id.split('.').next().unwrap_or("");
                self.switched(&r.id, &sections)
                    .unwrap_or_else(|| base.iter().any(|b| b == style))
                    && self.level(r) >= self.min
            })
            .collect()
    }

    /// Every rule of the setup, for the engine's registry; on by default where `.vale.ini` turns it on
    /// for some files.
    pub fn rule_infos(&self) -> Vec<RuleInfo> {
        let all_sections: Vec<Vec<usize>> = std::iter::once(Vec::new())
            .chain((0..self.ini.sections.len()).map(|i| vec![i]))
            .collect();
        self.rules
            .iter()
            .map(|r| {
                let style = r.id.split('.').next().unwrap_or("");
                let on = all_sections.iter().any(|secs| {
                    let base = secs
                        .first()
                        .and_then(|&i| self.ini.sections[i].based_on.as_deref())
                        .or(self.ini.global.based_on.as_deref())
                        .unwrap_or(&[]);
                    self.switched(&r.id, secs)
                        .unwrap_or_else(|| base.iter().any(|b| b == style))
                }) && self.level(r) >= self.min;
                let summary = if r.description.is_empty() {
                    check::format_message(&r.message, &["…", "…"])
                } else {
                    r.description.clone()
                };
                let mut explain = format!(
                    "A Vale rule ({} rule) from {}.\n\nMessage: {}",
                    r.extends, r.path, r.message
                );
                if !r.description.is_empty() {
                    explain.push_str(&format!("\nDescription: {}", r.description));
                }
                if !r.link.is_empty() {
                    explain.push_str(&format!("\nMore: {}", r.link));
                }
                explain.push_str(&format!(
                    "\n\nTurn it off in .vale.ini (`{} = NO`) or in .docreview.toml ([rules] \"{}\" = \"off\").",
                    r.id, r.id
                ));
                RuleInfo {
                    link: (!r.link.is_empty()).then(|| r.link.clone()),
                    id: r.id.clone(),
                    severity: self.level(r),
                    safety: Self::safety(r),
                    default_on: on,
                    summary,
                    explain,
                }
            })
            .collect()
    }

    /// Runs the rules that apply to `path` over its text and prose, for the rules in `active`.
    pub fn check(
        &self,
        path: &str,
        file: &str,
        prose: &Prose,
        active: &super::Active,
    ) -> Vec<Alert> {
        let local = self.local_rules();
        let rules: Vec<(usize, &Rule)> = self
            .rules_for(path)
            .into_iter()
            .map(|i| (i, &local.rules[i]))
            .filter(|(_, r)| active.has(&r.id))
            .collect();
        if rules.is_empty() {
            return Vec::new();
        }
        let wants = Wants {
            sentence: rules.iter().any(|(_, r)| r.scope.names("sentence")),
            paragraph: rules.iter().any(|(_, r)| r.scope.names("paragraph")),
            raw: rules.iter().any(|(_, r)| r.scope.names("raw")),
            summary: rules.iter().any(|(_, r)| r.scope.names("summary")),
        };
        let ext = std::path::Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("md");
        let layout = scope::layout(file, prose, ext, wants);
        // What the ini's ignore patterns and ignored scopes take out of the text.
        let mut ignored: Vec<Range<usize>> = Vec::new();
        for i in std::iter::once(0).chain(self.sections_for(path).into_iter().map(|i| i + 1)) {
            for p in &self.ignores[i] {
                ignored.extend(p.find_all(file));
            }
        }
        let scopes = &self.ini.ignored_scopes;
        if scopes.iter().any(|s| s == "strong" || s == "b") {
            ignored.extend(layout.strong.iter().cloned());
        }
        if scopes.iter().any(|s| s == "em" || s == "i") {
            ignored.extend(layout.emphasis.iter().cloned());
        }
        let blocks = layout.blocks;
        let mut state = FileState::default();
        // What a metric's formula may name besides the text's statistics: how many blocks of each
        // kind the doc has (`heading.h2`, `list`, `blockquote`, `table.cell`…).
        for b in &blocks {
            let name = b
                .scope
                .strip_prefix("text.")
                .map(|s| s.rsplit_once('.').map_or(s, |(k, _)| k));
            if let Some(name) = name.filter(|n| !n.starts_with("frontmatter")) {
                *state.metrics.entry(name.to_owned()).or_insert(0.0) += 1.0;
            }
        }
        let mut out: Vec<Alert> = Vec::new();
        let mut counts: HashMap<&str, usize> = HashMap::new();
        let mut seen = std::collections::HashSet::new();
        // Block scopes the ini ignores (inline ones, `code`, `strong`…, are handled above).
        let block_scopes: Vec<String> = self
            .ini
            .ignored_scopes
            .iter()
            .filter(|s| {
                !matches!(
                    s.as_str(),
                    "code" | "tt" | "kbd" | "strong" | "b" | "em" | "i"
                )
            })
            .cloned()
            .collect();
        let ignored_scopes = (!block_scopes.is_empty())
            .then(|| scope::Scope::parse(&block_scopes).ok())
            .flatten();
        // Per rule of the setup: may it match this block? (Rules the prefilter does not cover: yes.)
        let mut can = vec![true; local.rules.len()];
        let mut searched = check::Searched::default();
        // Per block name (a doc has few: `text.md`, `text.heading.h2.md`…): which of `rules` it is in
        // scope of, and the prefilter over those.
        type InScope = (Vec<bool>, Option<std::rc::Rc<prefilter::Prefilter>>);
        let mut in_scope: HashMap<&str, InScope> = HashMap::new();
        for block in &blocks {
            if ignored_scopes
                .as_ref()
                .is_some_and(|s| s.matches(&block.scope))
            {
                continue;
            }
            let (scoped, filter) = in_scope.entry(block.scope.as_str()).or_insert_with(|| {
                let scoped: Vec<bool> = rules
                    .iter()
                    .map(|(_, r)| r.scope.matches(&block.scope))
                    .collect();
                let covered = rules
                    .iter()
                    .zip(&scoped)
                    .filter(|&(_, &s)| s)
                    .map(|(&(i, _), _)| i)
                    .collect();
                (scoped, self.prefilter_for(&local, covered))
            });
            can.fill(true);
            if let Some(p) = filter {
                p.mark(&block.text, &mut can);
            }
            searched.clear();
            for (&(i, rule), &scoped) in rules.iter().zip(scoped.iter()) {
                if !can[i] || !scoped {
                    continue;
                }
                let twin = self.twins.get(i).copied().flatten();
                for Found {
                    range,
                    message,
                    replacements,
                } in check::run(rule, block, &mut state, &mut searched, twin)
                {
                    // A whole-document statistic is reported at the start of the file, as in Vale.
                    let whole = matches!(rule.kind, Kind::Metric { .. } | Kind::Readability { .. });
                    let start = if file.starts_with('\u{feff}') { 3 } else { 0 };
                    let Some(span) = (if whole {
                        Some(start..start)
                    } else {
                        block.to_file(prose, range.clone())
                    }) else {
                        continue;
                    };
                    let raw = matches!(block.origin, scope::Origin::Raw);
                    if !raw
                        && ignored
                            .iter()
                            .any(|r| r.start < span.end.max(span.start + 1) && span.start < r.end)
                    {
                        continue;
                    }
                    // A fix is only offered where the file's bytes are the text the rule saw.
                    let exact = file.get(span.clone()) == block.text.get(range);
                    if !seen.insert((span.start, rule.id.as_str())) {
                        continue;
                    }
                    let n = counts.entry(rule.id.as_str()).or_insert(0);
                    if rule.limit > 0 && *n >= rule.limit {
                        continue;
                    }
                    *n += 1;
                    out.push(Alert {
                        rule: rule.id.clone(),
                        range: span,
                        message,
                        severity: self.level(rule),
                        replacements: if exact { replacements } else { Vec::new() },
                        raw,
                    });
                }
            }
        }
        out.sort_by(|a, b| (a.range.start, &a.rule).cmp(&(b.range.start, &b.rule)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rules::Active;

    fn setup(ini: &str, files: &[(&str, &str, &str)], accepted: &[&str]) -> Vale {
        let ini = ini::parse(".vale.ini", ini).expect("ini");
        let files: Vec<StyleFile> = files
            .iter()
            .map(|(style, name, text)| StyleFile {
                style: (*style).into(),
                name: (*name).into(),
                path: format!("styles/{style}/{name}.yml"),
                text: (*text).into(),
            })
            .collect();
        Vale::build(Setup {
            ini,
            ini_path: ".vale.ini".into(),
            files,
            accepted: accepted.iter().map(|s| (*s).to_owned()).collect(),
            ..Setup::default()
        })
        .expect("builds")
    }

    /// Each alert of `a.md` as its rule and the text it marks: `Acme.Words: utilize`.
    fn marked(v: &Vale, md: &str) -> Vec<String> {
        run(v, "a.md", md)
            .into_iter()
            .map(|g| format!("{}: {}", g.0, g.1))
            .collect()
    }

    fn run(v: &Vale, path: &str, md: &str) -> Vec<(String, String, String, Vec<String>)> {
        let prose = crate::core::markdown::extract(md);
        let active = Active(v.rule_infos().into_iter().map(|r| r.id).collect());
        v.check(path, md, &prose, &active)
            .into_iter()
            .map(|a| (a.rule, md[a.range].to_owned(), a.message, a.replacements))
            .collect()
    }

    const SUB: &str = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\n\
                       ignorecase: true\nswap:\n  e-mail: email\n  utilize: use\n";

    #[test]
    fn a_substitution_is_found_with_its_message_and_fix_in_its_section_only() {
        let v = setup(
            "StylesPath = styles\n[*.md]\nBasedOnStyles = Acme\n",
            &[("Acme", "Words", SUB)],
            &[],
        );
        let md = "# Setup\n\nSend an E-mail to `e-mail` and utilize it.\n";
        let got = run(&v, "docs/a.md", md);
        assert_eq!(
            got,
            [
                (
                    "Acme.Words".to_owned(),
                    "E-mail".to_owned(),
                    "Use 'email' instead of 'E-mail'.".to_owned(),
                    vec!["email".to_owned()]
                ),
                (
                    "Acme.Words".to_owned(),
                    "utilize".to_owned(),
                    "Use 'use' instead of 'utilize'.".to_owned(),
                    vec!["use".to_owned()]
                ),
            ]
        );
        assert!(run(&v, "docs/a.txt", md).is_empty(), "no section matches");
    }

    #[test]
    fn rule_switches_and_levels_follow_the_ini() {
        let ini = "MinAlertLevel = warning\n[*]\nBasedOnStyles = Acme\nAcme.Words = NO\n\
                   [docs/**]\nAcme.Words = error\n";
        let v = setup(ini, &[("Acme", "Words", SUB)], &[]);
        assert!(run(&v, "a.md", "Utilize it.\n").is_empty());
        let prose = crate::core::markdown::extract("Utilize it.\n");
        let active = Active(["Acme.Words".to_owned()].into_iter().collect());
        let a = v.check("docs/x/a.md", "Utilize it.\n", &prose, &active);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].severity, Severity::Error);
        // Below MinAlertLevel: not run.
        let low = SUB.replace("level: warning", "level: suggestion");
        let v = setup(
            "MinAlertLevel = warning\n[*]\nBasedOnStyles = Acme\n",
            &[("Acme", "Words", &low)],
            &[],
        );
        assert!(run(&v, "a.md", "Utilize it.\n").is_empty());
    }

    #[test]
    fn vocabulary_terms_are_enforced_and_excepted() {
        let ex = "extends: existence\nmessage: \"Avoid '%s'.\"\nignorecase: true\ntokens:\n  - '[a-z]+ly'\n";
        let v = setup(
            "[*]\nBasedOnStyles = Vale, Acme\n",
            &[("Acme", "Adverbs", ex)],
            &["Docusaurus", "Friendly"],
        );
        let got = run(
            &v,
            "a.md",
            "We use docusaurus. Friendly and quickly done.\n",
        );
        let rules: Vec<(&str, &str)> = got.iter().map(|g| (g.0.as_str(), g.1.as_str())).collect();
        assert!(rules.contains(&("Vale.Terms", "docusaurus")), "{got:?}");
        assert!(rules.contains(&("Acme.Adverbs", "quickly")), "{got:?}");
        assert!(
            !rules.iter().any(|r| r.1 == "Friendly"),
            "an accepted term is an exception: {got:?}"
        );
    }

    #[test]
    fn spelling_knows_the_dictionaries_the_vocabulary_and_a_teams_hunspell_words() {
        let ini = ini::parse(".vale.ini", "[*]\nBasedOnStyles = Vale\n").expect("ini");
        let v = Vale::build(Setup {
            ini,
            ini_path: ".vale.ini".into(),
            accepted: vec!["Kubeflow".into()],
            dictionaries: vec![DictionaryFiles {
                dir: "config/dictionaries".into(),
                name: "med".into(),
                path: "config/dictionaries/med.dic".into(),
                aff: "SET UTF-8\n".into(),
                dic: "1\nabdominocentesis\n".into(),
            }],
            ..Setup::default()
        })
        .expect("builds");
        let got = run(
            &v,
            "a.md",
            "This typpo, kubeflow and abdominocentesis, 42 and HTTPie. A typpo again.\n",
        );
        let spelled: Vec<(&str, &[String])> = got
            .iter()
            .filter(|g| g.0 == "Vale.Spelling")
            .map(|g| (g.1.as_str(), g.3.as_slice()))
            .collect();
        // "HTTPie" passes none of Vale's filters (CamelCase starts with one capital), as in Vale.
        let words: Vec<&str> = spelled.iter().map(|s| s.0).collect();
        assert_eq!(
            words,
            ["typpo", "HTTPie", "typpo"],
            "every occurrence: {got:?}"
        );
        assert!(spelled[0].1.contains(&"typo".to_owned()), "{spelled:?}");
    }

    #[test]
    fn scopes_repetition_and_capitalization() {
        let head = "extends: capitalization\nmessage: \"'%s' should be sentence-cased\"\n\
                    scope: heading\nmatch: $sentence\n";
        let v = setup(
            "[*]\nBasedOnStyles = Vale, Acme\n",
            &[("Acme", "Heads", head)],
            &[],
        );
        let md = "# Getting Started Fast\n\nThis is is fine. Getting Started Fast\n";
        let got = run(&v, "a.md", md);
        let rules: Vec<(&str, &str)> = got.iter().map(|g| (g.0.as_str(), g.1.as_str())).collect();
        assert_eq!(
            rules,
            [
                ("Acme.Heads", "Getting Started Fast"),
                ("Vale.Repetition", "is is")
            ]
        );
        assert_eq!(got[1].3, ["is"], "Vale's truncate action keeps one word");
    }

    /// Styles built on one another repeat rules: each style's rule reports under its own name (the
    /// two existence rules share one search), and a rule of another kind beside them its own way.
    #[test]
    fn rules_that_share_a_pattern_each_report() {
        let exist =
            "extends: existence\nmessage: \"Avoid '%s'.\"\nignorecase: true\ntokens:\n  - simply\n";
        let count = "extends: occurrence\nmessage: \"'%s' times\"\nmax: 1\ntoken: '(?i)simply'\n";
        let v = setup(
            "[*]\nBasedOnStyles = Acme, Beta\n",
            &[
                ("Acme", "Simply", exist),
                ("Beta", "Simply", exist),
                ("Beta", "Twice", count),
            ],
            &[],
        );
        assert_eq!(
            marked(&v, "Simply put, it simply works.\n"),
            [
                "Acme.Simply: Simply",
                "Beta.Simply: Simply",
                "Beta.Twice: Simply",
                "Acme.Simply: simply",
                "Beta.Simply: simply",
            ]
        );
        let twins = check::twins(&v.rules);
        let shared: Vec<&str> = (v.rules.iter().zip(&twins))
            .filter(|(_, t)| t.is_some())
            .map(|(r, _)| r.id.as_str())
            .collect();
        assert_eq!(shared, ["Acme.Simply", "Beta.Simply"], "{twins:?}");
    }

    /// As in Vale, a paragraph's sentences are blocks of their own for the rules of sentences only: a
    /// rule of the text reads each paragraph once, whole.
    #[test]
    fn sentences_are_read_by_sentence_rules_only() {
        let ends = "extends: existence\nmessage: \"Ends with '%s'.\"\nnonword: true\ntokens:\n  - '[a-z]+\\.$'\n";
        let sentence = format!("{ends}scope: sentence\n");
        let v = setup(
            "[*]\nBasedOnStyles = Acme\n",
            &[
                ("Acme", "TextEnd", ends),
                ("Acme", "SentenceEnd", &sentence),
            ],
            &[],
        );
        assert_eq!(
            marked(&v, "One here. Two there.\n"),
            [
                "Acme.SentenceEnd: here.",
                "Acme.SentenceEnd: there.",
                "Acme.TextEnd: there.",
            ]
        );
    }
}
