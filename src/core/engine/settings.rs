//! What the engine is asked to run: rule levels, `--rule` selections and the rules' own settings, and
//! building the engine from them.

use super::*;

/// How a rule is configured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    /// On at its default severity.
    On,
    At(Severity),
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "off" => Some(Level::Off),
            "on" => Some(Level::On),
            other => Severity::parse(other).map(Level::At),
        }
    }
}

/// Everything the engine needs from configuration, as plain values.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// `[rules]`: (pattern, level). A more specific pattern wins: exact id over family over glob.
    pub levels: Vec<(String, Level)>,
    /// Levels laid over `levels` (a language client's settings): they win whatever their patterns.
    pub over: Vec<(String, Level)>,
    /// `--rule`: when not empty, only rules matching one of these patterns run.
    pub only: Vec<String>,
    /// `[terms]`: canonical spelling → extra variants.
    pub terms: Vec<(String, Vec<String>)>,
    /// `[consistency] prefer`.
    pub prefer: Vec<String>,
    /// `[[rule]]`.
    pub custom: Vec<CustomRule>,
    /// Rules derived from review-guideline files.
    pub guidelines: Vec<crate::core::rules::guideline::GuidelineRule>,
    /// `[vocabulary] accept` and `.docreview/vocabulary.txt`: words that are never misspelled.
    pub vocabulary: Vec<String>,
    /// `[vocabulary] min_docs` (0: the default).
    pub min_docs: usize,
    /// `[code] comments`: read the comments of fenced code as prose (`None`: the default,
    /// [`CODE_COMMENTS`]).
    pub code_comments: Option<bool>,
    /// `[markdown] html_blocks`: read the text between the tags of HTML blocks as prose (`None`: the
    /// default, [`HTML_BLOCKS`]).
    pub html_blocks: Option<bool>,
    /// A team's Vale setup (`.vale.ini` and its styles), when there is one.
    pub vale: Option<std::sync::Arc<crate::core::rules::vale::Vale>>,
}

/// Whether the comments of fenced code are checked when the config does not say.
pub const CODE_COMMENTS: bool = true;

/// Whether the text of HTML blocks is checked when the config does not say: off, as it has not yet
/// passed the precision gate (see `precision.md`).
pub const HTML_BLOCKS: bool = false;

pub(super) fn specificity(pattern: &str) -> u8 {
    if pattern.contains('*') {
        0
    } else if pattern.contains('.') {
        2
    } else {
        1
    }
}

impl Engine {
    pub fn new(settings: &Settings) -> Result<Engine, TermError> {
        let terms = Terms::with_project(&settings.terms)?;
        let checkers: Vec<Box<dyn Checker>> = vec![
            Box::new(Terminology::new(terms.clone())),
            Box::new(Grammar),
            Box::new(crate::core::rules::usage::Usage),
            Box::new(crate::core::rules::confusions::Confusions),
            Box::new(Repetition),
            Box::new(crate::core::rules::markup::Markup),
            Box::new(crate::core::rules::links::Links),
            Box::new(crate::core::rules::sentences::Sentences),
            Box::new(crate::core::rules::unpaired::Unpaired),
            Box::new(crate::core::rules::agreement::Agreement),
            Box::new(crate::core::rules::be_verb::BeVerb),
            Box::new(crate::core::rules::function_words::FunctionWords),
            Box::new(crate::core::rules::noun_number::NounNumber),
            Box::new(Custom::new(settings.custom.clone())),
            Box::new(crate::core::rules::guideline::Guidelines::new(
                &settings.guidelines,
            )),
        ];
        let mut infos: Vec<RuleInfo> = checkers.iter().flat_map(|c| c.rules()).collect();
        let doc_set = [
            Consistency::rule(),
            crate::core::rules::name_case::NameCase::rule(),
            crate::core::rules::code_format::CodeFormat::rule(),
        ];
        let spelling = spelling::rules();
        let own = infos.iter().chain(&doc_set).chain(&spelling);
        let harper = HarperGrammar::beside(&own.map(|i| i.id.clone()).collect());
        infos.extend(harper.rules());
        infos.extend(doc_set);
        if let Some(v) = &settings.vale {
            infos.extend(v.rule_infos());
        }
        infos.extend(spelling);
        let mut levels = settings.levels.clone();
        levels.sort_by_key(|(p, _)| specificity(p));
        // The editor's levels come after the team's, whatever their patterns: its `grammar.*`
        // turns on a rule the team's `grammar.final-period` turned off.
        let mut over = settings.over.clone();
        over.sort_by_key(|(p, _)| specificity(p));
        levels.extend(over);
        let states: Vec<RuleState> = infos
            .into_iter()
            .map(|info| {
                let mut level = if info.default_on {
                    Level::On
                } else {
                    Level::Off
                };
                // A team's names answer to their former rule's name too, unless the config names
                // their own rule.
                let former = |p: &str| {
                    crate::core::rules::terminology::former_name(p, &info.id)
                        && !levels.iter().any(|(q, _)| q == &info.id)
                };
                for (pattern, l) in &levels {
                    if rule_matches(pattern, &info.id) || former(pattern) {
                        level = *l;
                    }
                }
                if !settings.only.is_empty() {
                    let named = |p: &String| p == &info.id || former(p);
                    if !settings
                        .only
                        .iter()
                        .any(|p| rule_matches(p, &info.id) || former(p))
                    {
                        level = Level::Off;
                    } else if level == Level::Off && settings.only.iter().any(named) {
                        // `--rule ID` names a rule exactly: it runs even when it is off by default or
                        // in the config (the command line is the later word).
                        level = Level::On;
                    }
                }
                let severity = match level {
                    Level::Off => None,
                    Level::On => Some(info.severity),
                    Level::At(s) => Some(s),
                };
                RuleState { info, severity }
            })
            .collect();
        let active = Active(
            states
                .iter()
                .filter(|s| s.severity.is_some())
                .map(|s| s.info.id.clone())
                .collect(),
        );
        let severity = states
            .iter()
            .filter_map(|s| Some((s.info.id.clone(), (s.severity?, s.info.safety))))
            .collect();
        Ok(Engine {
            settings_key: format!("{settings:?}"),
            reading: markdown::Reading {
                mdx: false,
                comments: settings.code_comments.unwrap_or(CODE_COMMENTS),
                html: settings.html_blocks.unwrap_or(HTML_BLOCKS),
            },
            checkers,
            vale: settings.vale.clone(),
            harper,
            terms,
            prefer: settings.prefer.clone(),
            vocabulary: settings.vocabulary.clone(),
            min_docs: if settings.min_docs == 0 {
                spelling::MIN_DOCS
            } else {
                settings.min_docs
            },
            states,
            active,
            severity,
        })
    }

    /// Every rule with its effective level, in registry order.
    pub fn rules(&self) -> &[RuleState] {
        &self.states
    }

    /// Does any configured pattern name no rule at all? Returns the unknown patterns.
    pub fn unknown_patterns<'a>(&self, patterns: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        patterns
            .into_iter()
            .filter(|p| !self.states.iter().any(|s| rule_matches(p, &s.info.id)))
            .map(str::to_owned)
            .collect()
    }
}
