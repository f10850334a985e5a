//! Legacy docs: `docreview triage` sizes up a whole doc set (findings per rule, the docs with the most
//! findings per 1,000 words) and, on a terminal, lets a team decide group by group; `docreview baseline`
//! records what stays for now, so CI reports only new problems.

use super::Screen;
use crate::cli::{BaselineAction, BaselineArgs, ScopeArgs, TriageArgs, TriageFormat};
use crate::core::baseline::{Baseline, Record};
use crate::core::engine::Lines;
use crate::core::finding::{Finding, Safety};
use crate::core::review::DocState;
use crate::io::baseline as baseline_file;
use crate::io::journal::Journal;
use crate::io::repo::Repo;
use crate::io::scope::Plan;
use crate::report::plural;
use crate::session::{BASELINE_FILE, EXIT_CLEAN, Env, Error, Session, baseline_path};
use crate::tui::Reloader;
use crate::tui::triage::{Decisions, Setup};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Findings of one rule across the doc set.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct RuleRow {
    pub rule: String,
    pub findings: usize,
    pub fixable: usize,
    pub safe: usize,
    pub files: usize,
}

/// One doc's density of findings.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FileRow {
    pub path: String,
    pub findings: usize,
    pub words: usize,
    pub per_1k_words: f64,
}

/// The whole picture, as `triage --summary --format json` prints it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Overview {
    pub version: u32,
    pub docs: usize,
    pub bytes: usize,
    pub words: usize,
    pub findings: usize,
    pub fixable: usize,
    pub safe: usize,
    pub baselined: usize,
    pub rules: Vec<RuleRow>,
    pub files: Vec<FileRow>,
}

/// Builds the summary from findings (pure).
pub fn summarise(
    findings: &[Finding],
    words: &HashMap<String, usize>,
    bytes: usize,
    baselined: usize,
) -> Overview {
    let mut rules: BTreeMap<&str, (RuleRow, HashSet<&str>)> = BTreeMap::new();
    let mut per_file: HashMap<&str, usize> = HashMap::new();
    for f in findings {
        let (row, files) = rules.entry(f.rule.as_str()).or_default();
        row.rule = f.rule.clone();
        row.findings += 1;
        row.fixable += usize::from(f.is_fixable());
        row.safe += usize::from(f.is_fixable() && f.safety == Safety::Safe);
        files.insert(f.path.as_str());
        *per_file.entry(f.path.as_str()).or_insert(0) += 1;
    }
    let mut rules: Vec<RuleRow> = rules
        .into_values()
        .map(|(mut row, files)| {
            row.files = files.len();
            row
        })
        .collect();
    rules.sort_by(|a, b| {
        b.findings
            .cmp(&a.findings)
            .then_with(|| a.rule.cmp(&b.rule))
    });
    let mut files: Vec<FileRow> = per_file
        .into_iter()
        .map(|(path, n)| {
            let w = words.get(path).copied().unwrap_or(0);
            FileRow {
                path: path.to_owned(),
                findings: n,
                words: w,
                per_1k_words: if w == 0 {
                    0.0
                } else {
                    1000.0 * n as f64 / w as f64
                },
            }
        })
        .collect();
    files.sort_by(|a, b| {
        b.per_1k_words
            .total_cmp(&a.per_1k_words)
            .then_with(|| b.findings.cmp(&a.findings))
            .then_with(|| a.path.cmp(&b.path))
    });
    files.truncate(20);
    let counts = crate::report::Summary::of(findings, words.len());
    Overview {
        version: 1,
        docs: words.len(),
        bytes,
        words: words.values().sum(),
        findings: counts.findings,
        fixable: counts.fixable,
        safe: counts.safe,
        baselined,
        rules,
        files,
    }
}

/// Thousands separators for counts in tables.
fn n(v: usize) -> String {
    let s = v.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn write_tables(out: &mut dyn Write, s: &Overview) -> std::io::Result<()> {
    writeln!(
        out,
        "docreview triage: {} docs ({:.1} MB, {} words of prose), {} ({} fixable, {} safe to apply){}.\n",
        n(s.docs),
        s.bytes as f64 / 1e6,
        n(s.words),
        plural(s.findings, "finding", "findings"),
        n(s.fixable),
        n(s.safe),
        if s.baselined > 0 {
            format!("; {} more are in the baseline", n(s.baselined))
        } else {
            String::new()
        }
    )?;
    if s.findings == 0 {
        return writeln!(out, "Nothing to triage.");
    }
    let w = s
        .rules
        .iter()
        .map(|r| r.rule.len())
        .max()
        .unwrap_or(4)
        .max(5);
    writeln!(
        out,
        "{:w$}  {:>9}  {:>9}  {:>9}  {:>7}",
        "RULE", "FINDINGS", "FIXABLE", "SAFE", "FILES"
    )?;
    for r in &s.rules {
        writeln!(
            out,
            "{:w$}  {:>9}  {:>9}  {:>9}  {:>7}",
            r.rule,
            n(r.findings),
            n(r.fixable),
            n(r.safe),
            n(r.files)
        )?;
    }
    writeln!(
        out,
        "{:w$}  {:>9}  {:>9}  {:>9}",
        "TOTAL",
        n(s.findings),
        n(s.fixable),
        n(s.safe)
    )?;
    writeln!(
        out,
        "\nThe docs with the most findings per 1,000 words of prose:"
    )?;
    writeln!(
        out,
        "{:>9}  {:>8}  {:>7}  PATH",
        "PER 1K", "FINDINGS", "WORDS"
    )?;
    for f in &s.files {
        writeln!(
            out,
            "{:>9.1}  {:>8}  {:>7}  {}",
            f.per_1k_words,
            n(f.findings),
            n(f.words),
            f.path
        )?;
    }
    writeln!(
        out,
        "\nNext: `docreview apply` fixes the safe ones; `docreview triage` in a terminal decides group by group;\n\
         `docreview baseline write` records the rest, so `docreview check` reports only new findings."
    )
}

/// The scope of triage and baseline commands: the given paths, else every doc of the repository.
fn whole_scope(
    paths: &[std::path::PathBuf],
    config: Option<&Path>,
    rules: &[String],
    quiet: bool,
    no_baseline: bool,
) -> ScopeArgs {
    ScopeArgs {
        paths: paths.to_vec(),
        all: paths.is_empty(),
        config: config.map(Path::to_path_buf),
        rules: rules.to_vec(),
        quiet,
        no_baseline,
        ..ScopeArgs::default()
    }
}

/// Runs the engine over a whole scope with a progress line; returns the session and all findings
/// (baseline not applied).
pub fn check_all(
    scope: &ScopeArgs,
    env: &Env,
    err: &mut dyn Write,
) -> Result<(Session, Vec<Finding>), Error> {
    let mut session = Session::open(scope, env, err, false)?;
    let findings = session.all_findings(!scope.quiet && env.stderr_tty);
    Ok((session, findings))
}

/// `docreview triage`.
pub fn triage(
    args: &TriageArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Error> {
    let scope = whole_scope(
        &args.paths,
        args.config.as_deref(),
        &args.rules,
        args.quiet,
        args.no_baseline,
    );
    let interactive =
        !args.summary && args.format == TriageFormat::Human && env.stdin_tty && env.stdout_tty;
    if interactive {
        return screen(&scope, args, env, out);
    }
    let (session, all) = check_all(&scope, env, err)?;
    let findings = session.plan.unbaselined(all.clone());
    let baselined = all.len() - findings.len();
    // Counted by the check itself (and remembered with its findings).
    let words: HashMap<String, usize> = session
        .inputs
        .docs
        .iter()
        .zip(&session.words)
        .map(|(d, n)| (d.path.clone(), *n))
        .collect();
    let bytes = session.inputs.docs.iter().map(|d| d.text.len()).sum();
    let summary = summarise(&findings, &words, bytes, baselined);
    match args.format {
        TriageFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &summary)
                .map_err(|e| Error::Output(e.into()))?;
            writeln!(out)?;
        }
        TriageFormat::Human => write_tables(out, &summary)?,
    }
    Ok(EXIT_CLEAN)
}

/// Baseline entries for findings, with repository-relative paths.
pub fn entries(plan: &Plan, findings: &[Finding]) -> Vec<Record> {
    let rel: HashMap<&str, &str> = plan
        .docs
        .iter()
        .map(|d| (d.shown.as_str(), d.diff_path.as_str()))
        .collect();
    findings
        .iter()
        .map(|f| Record {
            path: rel
                .get(f.path.as_str())
                .copied()
                .unwrap_or(&f.path)
                .to_owned(),
            rule: f.rule.clone(),
            fingerprint: f.fingerprint.clone(),
        })
        .collect()
}

/// `docreview baseline write|update|status`.
pub fn baseline(
    args: &BaselineArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Error> {
    let (action, s) = match &args.action {
        BaselineAction::Write(s) => ("write", s),
        BaselineAction::Update(s) => ("update", s),
        BaselineAction::Status(s) => ("status", s),
    };
    let scope = whole_scope(&s.paths, s.config.as_deref(), &s.rules, s.quiet, true);
    let repo = Repo::discover(&env.cwd)?;
    let path = baseline_path(repo.as_ref(), env);
    drop(repo);
    let (session, findings) = check_all(&scope, env, err)?;
    let current: HashSet<Record> = entries(&session.plan, &findings).into_iter().collect();
    let old = baseline_file::load(&path)?;
    let shown = crate::io::scope::display_path(&path, &env.cwd);
    match action {
        "write" => {
            let new = Baseline::new(current.iter().cloned());
            baseline_file::save(&path, &new)?;
            writeln!(
                out,
                "Wrote {} to {shown} (it had {}). `docreview check` no longer reports them; commit the file.",
                plural(new.len(), "finding", "findings"),
                old.len()
            )?;
        }
        "update" => {
            let kept = old.retain(|e| current.contains(e));
            let removed = old.len() - kept.len();
            if removed > 0 {
                baseline_file::save(&path, &kept)?;
            }
            writeln!(
                out,
                "Removed {} that no longer match; {} remain in {shown}.",
                plural(removed, "entry", "entries"),
                kept.len()
            )?;
        }
        _ => {
            let matching = old.entries().iter().filter(|e| current.contains(e)).count();
            let fresh = current
                .iter()
                .filter(|e| !old.contains(&e.path, &e.rule, &e.fingerprint))
                .count();
            writeln!(out, "{shown}: {} entries.", old.len())?;
            writeln!(
                out,
                "  {matching} still match a finding (hidden from check, review and triage)"
            )?;
            writeln!(
                out,
                "  {} no longer match (fixed or edited; `docreview baseline update` removes them)",
                old.len() - matching
            )?;
            writeln!(out, "  {fresh} current findings are not in the baseline")?;
            if !path.exists() {
                writeln!(
                    out,
                    "There is no {BASELINE_FILE} yet: `docreview baseline write` creates it."
                )?;
            }
        }
    }
    Ok(EXIT_CLEAN)
}

/// `docreview triage` on a terminal: loads the doc set and the user's theme and keys, runs the triage
/// screen, and carries out its decisions on the baseline and the config.
fn screen(
    scope: &ScopeArgs,
    args: &TriageArgs,
    env: &Env,
    out: &mut dyn Write,
) -> Result<u8, Error> {
    let mut err = std::io::stderr();
    let (session, all) = check_all(scope, env, &mut err)?;
    let findings = session.plan.unbaselined(all);
    let Screen { theme, keymap } = Screen::load(args.theme.as_deref(), env)?;
    let repo = Repo::discover(&env.cwd)?;
    let journal = Journal::locate(
        repo.as_ref().map(Repo::git_dir),
        &env.cwd,
        env.cache_dir.as_deref(),
    );
    // The screen writes accepted fixes: one writer at a time, held until it closes.
    let lock = super::apply::lock(&journal, env, &mut err)?;
    crate::io::files::clean_leftovers(
        session.inputs.reals.iter().map(PathBuf::as_path),
        lock.since,
    );
    let config_path = repo
        .as_ref()
        .map_or(env.cwd.clone(), |r| r.root().to_path_buf())
        .join(crate::config::FILE_NAME);
    let baseline_path = baseline_path(repo.as_ref(), env);
    let vocabulary = crate::session::vocabulary_path(repo.as_ref(), env);

    let mut reals: HashMap<String, PathBuf> = HashMap::new();
    let mut docs = Vec::new();
    for (d, real) in session.inputs.docs.iter().zip(&session.inputs.reals) {
        reals.insert(d.path.clone(), real.clone());
        docs.push(DocState {
            path: d.path.clone(),
            text: d.text.clone(),
        });
    }
    let plan = session.plan.clone();
    let engine = session.engine;
    let reload: Reloader = Box::new(move |shown: &str| {
        let p = plan.docs.iter().find(|d| d.shown == shown)?;
        crate::tui::recheck(&engine, shown, &p.abs, Lines::All)
    });
    let setup = Setup {
        docs,
        findings,
        reals,
        theme,
        keymap,
        journal,
        vocabulary,
        defer: args.defer,
        by_file: args.by_file,
        reload,
        editor: env.editor.clone(),
    };
    let mut decisions = TeamFiles {
        plan: &session.plan,
        baseline: baseline_path,
        config: config_path,
    };
    let summary = crate::tui::triage::run(setup, &mut decisions).map_err(Error::Terminal)?;
    writeln!(out, "{summary}")?;
    Ok(EXIT_CLEAN)
}

/// Where the triage screen's decisions beyond the docs are written: the baseline and the config.
struct TeamFiles<'a> {
    plan: &'a Plan,
    baseline: PathBuf,
    config: PathBuf,
}

impl Decisions for TeamFiles<'_> {
    fn add_to_baseline(&mut self, findings: &[Finding]) -> Result<(), String> {
        let old = baseline_file::load(&self.baseline).map_err(|e| e.to_string())?;
        let merged = Baseline::new(
            old.entries()
                .iter()
                .cloned()
                .chain(entries(self.plan, findings)),
        );
        baseline_file::save(&self.baseline, &merged).map_err(|e| e.to_string())
    }

    fn disable_rule(&mut self, rule: &str) -> Result<String, String> {
        crate::config::disable_rule(&self.config, rule)
            .map(|_| format!("Turned {rule} off in {}.", crate::config::FILE_NAME))
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::finding::Severity;

    fn f(path: &str, rule: &str, fixable: bool, safe: bool) -> Finding {
        Finding {
            path: path.into(),
            rule: rule.into(),
            severity: Severity::Warning,
            message: String::new(),
            line: 1,
            column: 1,
            start: 0,
            end: 1,
            text: "x".into(),
            replacements: if fixable {
                vec!["y".into()]
            } else {
                Vec::new()
            },
            safety: if safe { Safety::Safe } else { Safety::Review },
            fingerprint: "0".into(),
        }
    }

    #[test]
    fn summary_counts_rules_and_densest_files() {
        let findings = vec![
            f("a.md", "terminology.canonical", true, true),
            f("a.md", "grammar.article", true, false),
            f("b.md", "terminology.canonical", true, true),
            f("b.md", "custom.x", false, false),
        ];
        let words = HashMap::from([
            ("a.md".to_owned(), 100),
            ("b.md".to_owned(), 1000),
            ("c.md".to_owned(), 50),
        ]);
        let s = summarise(&findings, &words, 1234, 3);
        assert_eq!(
            (s.docs, s.words, s.findings, s.fixable, s.safe, s.baselined),
            (3, 1150, 4, 3, 2, 3)
        );
        assert_eq!(
            s.rules[0],
            RuleRow {
                rule: "terminology.canonical".into(),
                findings: 2,
                fixable: 2,
                safe: 2,
                files: 2
            }
        );
        assert_eq!(s.files[0].path, "a.md");
        assert!((s.files[0].per_1k_words - 20.0).abs() < 1e-9);
        assert_eq!(n(1234567), "1,234,567");
    }
}
