//! `docreview rules` and `docreview rules explain ID`: every rule, its level, fix safety and measured
//! precision.

use crate::cli::{RulesAction, RulesArgs};
use crate::core::finding::Severity;
use crate::core::markdown::rule_matches;
use crate::io::repo::Repo;
use crate::session::{EXIT_CLEAN, Env, Error, build_engine, load_config};
use std::io::Write;

/// `docreview rules` and `docreview rules explain ID`.
pub fn run(args: &RulesArgs, env: &Env, out: &mut dyn Write) -> Result<u8, Error> {
    let repo = Repo::discover(&env.cwd).ok().flatten();
    let config = load_config(
        args.config.as_deref(),
        &[],
        args.vale_config.as_deref(),
        env,
        repo.as_ref(),
    )?;
    let engine = build_engine(&config, &[])?;
    let vale = config.settings.vale.as_deref();
    let is_vale = |id: &str| vale.is_some_and(|v| v.has(id));
    match &args.action {
        None => {
            // harper's rules that are off are hundreds of lines: shown on request.
            let listed: Vec<&crate::core::engine::RuleState> = engine
                .rules()
                .iter()
                .filter(|r| args.all || r.severity.is_some() || !engine.is_harper_rule(&r.info.id))
                .collect();
            let hidden = engine.rules().len() - listed.len();
            let width = listed
                .iter()
                .map(|r| r.info.id.len())
                .max()
                .unwrap_or(4)
                .max(4);
            writeln!(
                out,
                "{:width$}  {:10}  {:6}  {:17}  WHAT IT CATCHES",
                "RULE", "LEVEL", "SAFETY", "PRECISION"
            )?;
            for r in listed {
                let level = r.severity.map_or("off", Severity::as_str);
                let precision = if is_vale(&r.info.id) {
                    "a Vale style".to_owned()
                } else {
                    crate::core::rules::precision::measured(&r.info.id)
                        .map_or_else(|| "not measured".to_owned(), |m| m.short())
                };
                writeln!(
                    out,
                    "{:width$}  {:10}  {:6}  {:17}  {}",
                    r.info.id,
                    level,
                    r.info.safety.as_str(),
                    precision,
                    r.info.summary
                )?;
            }
            if let Some(v) = vale {
                let skipped = v.unsupported();
                if !skipped.is_empty() {
                    writeln!(out, "\nVale rules docreview reads but cannot run:")?;
                    let w = skipped.iter().map(|u| u.id.len()).max().unwrap_or(4);
                    for u in skipped {
                        writeln!(out, "{:w$}  {} ({})", u.id, u.reason, u.path)?;
                    }
                }
            }
            if hidden > 0 {
                writeln!(
                    out,
                    "\n{} from harper-core are off (below the precision gate on other docs, or a matter of style); \
                     `docreview rules --all` lists them.",
                    crate::report::plural(hidden, "more grammar rule", "more grammar rules")
                )?;
            }
            writeln!(
                out,
                "\nPRECISION: how many of a random sample of the rule's findings on docs it was not tuned on were \
                 right;\na rule is on by default only at {:.0} % or more (`docreview rules explain RULE` says where \
                 and when).",
                100.0 * crate::core::rules::precision::GATE
            )?;
            writeln!(
                out,
                "\nChange levels in .docreview.toml under [rules] (\"grammar.article\" = \"off\" | \"on\" | \"error\" | \"warning\" | \"suggestion\").\n\
                 `docreview rules explain RULE` says more about one rule."
            )?;
            Ok(EXIT_CLEAN)
        }
        Some(RulesAction::Explain { id }) => {
            let Some(r) = engine.rules().iter().find(|r| r.info.id == *id) else {
                let close: Vec<&str> = engine
                    .rules()
                    .iter()
                    .map(|r| r.info.id.as_str())
                    .filter(|r| rule_matches(id, r) || r.contains(id.as_str()))
                    .collect();
                let hint = if close.is_empty() {
                    "run `docreview rules` to list them".to_owned()
                } else {
                    format!("did you mean {}?", close.join(", "))
                };
                return Err(Error::Usage(format!("no rule is called \"{id}\"; {hint}")));
            };
            writeln!(out, "{}", r.info.id)?;
            writeln!(
                out,
                "level: {} (default {}), fix safety: {}\n",
                r.severity.map_or("off", Severity::as_str),
                if r.info.default_on {
                    r.info.severity.as_str()
                } else {
                    "off"
                },
                r.info.safety
            )?;
            writeln!(out, "{}\n", r.info.explain)?;
            match crate::core::rules::precision::measured(&r.info.id).filter(|_| !is_vale(id)) {
                Some(m) => writeln!(out, "{}\n", m.sentence())?,
                None => writeln!(
                    out,
                    "Measured precision: not measured (a rule of this project's own, or one never read on \
                     docs it was not tuned on).\n"
                )?,
            }
            writeln!(
                out,
                "Silence it for a passage with <!-- docreview-disable {0} --> ... <!-- docreview-enable {0} -->,\n\
                 for one line with <!-- docreview-disable-next-line {0} -->, or everywhere with\n\
                 \"{0}\" = \"off\" under [rules] in .docreview.toml.",
                r.info.id
            )?;
            Ok(EXIT_CLEAN)
        }
    }
}
