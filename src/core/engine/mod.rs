//! The engine: runs every rule over a set of documents and turns rule hits into [`Finding`]s with exact
//! file offsets, applying rule levels, `--rule` selections, suppression comments and the changed-lines
//! scope. Documents are checked in parallel (rayon); the one cross-document rule (consistency) counts
//! over the whole doc set first.
//!
//! Mapping a hit back to the file is where "never lose a user's text" starts: a replacement is kept only
//! when the bytes it replaces are exactly the prose the rule saw (no markup inside) and it keeps the
//! number of line breaks. Otherwise the hit is narrowed to the part that really changes, and if even that
//! crosses markup, it is reported without a fix.
//!
//! This module holds the engine; the rest is one concern a file: `run` (the one way to check: a
//! [`Run`] in stages, fast rules, slow rules, doc-set rules, through the memo of earlier runs; used
//! by reports and the review screen alike), `settings` (levels, selections, building the engine),
//! `kinds` (changelogs, licences, translations, change entries, code comments: what each rule reads),
//! `place` (hits to findings at file offsets) and `overlap` (one finding per place).

use crate::core::cache::{DocCounts, DocMemo, Memo, Stored, content_hash, pathless, placed};
use crate::core::finding::{Finding, Safety, Severity, fingerprint};
use crate::core::markdown::{self, Block, Prose, rule_matches};
use crate::core::rules::code_format::{self, CodeFormat};
use crate::core::rules::consistency::{self, Consistency, Counts};
use crate::core::rules::custom::{Custom, CustomRule};
use crate::core::rules::grammar::Grammar;
use crate::core::rules::harper::{HarperGrammar, ParagraphMemo};
use crate::core::rules::language;
use crate::core::rules::name_case::{self, NameCase};
use crate::core::rules::repetition::Repetition;
use crate::core::rules::spelling;
use crate::core::rules::terminology::{TermError, Terminology, Terms};
use crate::core::rules::text::sentence_around;
use crate::core::rules::{Active, Checker, DocProse, Hit, RuleInfo};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

mod docset;
mod generated;
mod kinds;
mod overlap;
mod place;
mod quotes;
mod run;
mod settings;

pub use docset::Parts;
pub use generated::{generated_api, generated_by, generated_folder, written_by_program};
use kinds::{
    in_credit, is_change_entry, is_credit_item, is_foreign, prose_of, reads_changelogs,
    reads_code_comments,
};
pub use kinds::{is_changelog, is_license, is_test_input, translation_sources};
use place::touches;
pub use place::{line_of, line_starts, sort_findings};
use quotes::is_change_record;
pub use run::{Run, memo_key};
pub use settings::{CODE_COMMENTS, Level, Settings};

/// Which lines of a document findings may be reported on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lines {
    /// The whole file.
    All,
    /// 1-based inclusive line ranges (changed lines).
    Changed(Vec<(usize, usize)>),
}

impl Lines {
    fn touches(&self, first: usize, last: usize) -> bool {
        match self {
            Lines::All => true,
            Lines::Changed(ranges) => ranges.iter().any(|&(a, b)| first <= b && last >= a),
        }
    }
}

/// One document to check.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Path as shown to the user.
    pub path: String,
    /// The whole file as text (BOM included if present).
    pub text: String,
    pub lines: Lines,
}

/// A rule with its effective configuration.
#[derive(Debug, Clone)]
pub struct RuleState {
    pub info: RuleInfo,
    /// `None` when off.
    pub severity: Option<Severity>,
}

/// Which checkers a pass runs: the fast ones, harper's (slow: its own pass where results stream in),
/// or all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speed {
    Fast,
    Slow,
    All,
}

pub struct Engine {
    checkers: Vec<Box<dyn Checker>>,
    /// A team's Vale rules, run with the fast rules.
    vale: Option<std::sync::Arc<crate::core::rules::vale::Vale>>,
    harper: HarperGrammar,
    terms: Terms,
    prefer: Vec<String>,
    vocabulary: Vec<String>,
    min_docs: usize,
    states: Vec<RuleState>,
    active: Active,
    severity: HashMap<String, (Severity, Safety)>,
    /// The settings as text, for [`Engine::version`].
    settings_key: String,
    /// What beside Markdown's own text is prose: comments in fenced code, HTML blocks (`mdx` is set
    /// per doc, by its name).
    reading: markdown::Reading,
}

/// What [`Run::check`] found, and each document's words of prose (counted by the check and
/// remembered with its findings, for findings per 1,000 words).
#[derive(Debug)]
pub struct Checked {
    pub findings: Vec<Finding>,
    /// Per document of `docs`, in order.
    pub words: Vec<usize>,
    /// Docs of a check in parts that changed between its readings (their findings are left out).
    pub changed: Vec<String>,
    /// What each document was remembered by ([`memo_key`]), in order (a check in parts: part of
    /// what a report remembered whole is keyed by; empty otherwise).
    pub content: Vec<u64>,
    /// What each context doc read was remembered by, in order (a check in parts with doc-set rules).
    pub context: Vec<u64>,
}

/// The rules judged from the whole doc set's counts, beside the spelling family.
const DOC_SET_RULES: [&str; 3] = [consistency::RULE, name_case::RULE, code_format::RULE];

impl Engine {
    /// Is `rule` one of harper-core's linters?
    pub fn is_harper_rule(&self, rule: &str) -> bool {
        self.harper.owns(rule)
    }

    /// Does any slow rule run?
    pub fn has_slow_rules(&self) -> bool {
        self.checkers
            .iter()
            .filter(|c| c.slow())
            .flat_map(|c| c.rules())
            .chain(self.harper.rules())
            .any(|r| self.active.has(&r.id))
    }

    pub(super) fn run_checkers(&self, view: &DocProse<'_>, speed: Speed, hits: &mut Vec<Hit>) {
        for checker in &self.checkers {
            let run = match speed {
                Speed::All => true,
                Speed::Fast => !checker.slow(),
                Speed::Slow => checker.slow(),
            };
            if run {
                checker.check(view, &self.active, hits);
            }
        }
        if speed != Speed::Fast {
            self.harper.check(view, &self.active, hits);
        }
    }

    /// Paragraphs harper linted (to save), and whether any are new.
    pub fn harper_memo(&self) -> (ParagraphMemo, bool) {
        self.harper.memo()
    }

    /// Paragraphs harper linted in earlier runs.
    pub fn remember_harper(&self, memo: ParagraphMemo) {
        self.harper.remember(memo);
    }

    /// Identifies the rule set: docreview's version, every setting and the built-in word lists. Cached
    /// results are only valid under the same version.
    pub fn version(&self) -> u64 {
        let levels = format!(
            "{:?}",
            self.states
                .iter()
                .map(|s| (&s.info.id, s.severity))
                .collect::<Vec<_>>()
        );
        crate::core::finding::fnv1a64(&[
            env!("CARGO_PKG_VERSION").as_bytes(),
            levels.as_bytes(),
            self.settings_key.as_bytes(),
            &crate::core::rules::lexicon::data_version().to_le_bytes(),
        ])
    }

    /// Is `rule` judged across the doc set (so re-checking one document alone cannot judge it)?
    pub fn is_doc_set_rule(rule: &str) -> bool {
        DOC_SET_RULES.contains(&rule) || spelling::owns(rule)
    }

    /// Does any doc-set-wide rule run (so context docs are worth reading)?
    pub fn needs_doc_set(&self) -> bool {
        DOC_SET_RULES.iter().any(|r| self.active.has(r)) || spelling::any_on(&self.active)
    }

    /// What one document contributes to the doc-set rules that are on.
    pub(super) fn doc_counts(&self, view: &DocProse<'_>) -> DocCounts {
        DocCounts {
            consistency: if self.active.has(consistency::RULE) {
                consistency::count(view)
            } else {
                Counts::default()
            },
            spelling: if spelling::any_on(&self.active) {
                spelling::stats(view)
            } else {
                spelling::Stats::default()
            },
            names: if self.active.has(name_case::RULE) {
                name_case::count(view)
            } else {
                name_case::NameCounts::default()
            },
            code: if self.active.has(code_format::RULE) {
                code_format::count(view)
            } else {
                code_format::CodeCounts::default()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(path: &str, text: &str) -> Doc {
        Doc {
            path: path.into(),
            text: text.into(),
            lines: Lines::All,
        }
    }

    /// The rules of the findings `e` makes on one doc, in order.
    fn rules_of(e: &Engine, path: &str, text: &str) -> Vec<String> {
        found_of(e, path, text)
            .into_iter()
            .map(|(r, _)| r)
            .collect()
    }

    /// The (rule, text) of each finding `e` makes on one doc, in order.
    fn found_of(e: &Engine, path: &str, text: &str) -> Vec<(String, String)> {
        e.check(&[doc(path, text)], &[])
            .into_iter()
            .map(|f| (f.rule, f.text))
            .collect()
    }

    /// Every rule on, harper-core's linters included.
    fn every_rule() -> Engine {
        Engine::new(&Settings {
            levels: vec![("*".into(), Level::On)],
            ..Settings::default()
        })
        .expect("engine")
    }

    /// The default rules plus the ones these tests exercise that are off by default (below the precision
    /// gate, see precision.md): the engine's mechanics do not depend on which rules are on.
    fn engine() -> Engine {
        let on = |p: &str| (p.to_owned(), Level::On);
        Engine::new(&Settings {
            levels: vec![
                on("terminology"),
                on("grammar.allow-to"),
                on("consistency"),
                on("grammar.agreement"),
            ],
            ..Settings::default()
        })
        .expect("engine")
    }

    #[test]
    fn a_name_written_with_escapes_becomes_code_without_them() {
        let engine = Engine::new(&Settings {
            levels: vec![("markup.inline-code".to_owned(), Level::On)],
            ..Settings::default()
        })
        .expect("engine");
        let text = "Set NUM\\_FORKS to four, or *my_var* as it is.\n";
        let found = engine.check(&[doc("a.md", text)], &[]);
        let fixes: Vec<(&str, &[String])> = found
            .iter()
            .map(|f| (&text[f.start..f.end], f.replacements.as_slice()))
            .collect();
        assert_eq!(fixes, [("NUM\\_FORKS", &["`NUM_FORKS`".to_owned()][..])]);
        // A reference link's label is not ours to change: backticks would break the link.
        let text = "See [NUM\\_FORKS] for more.\n\n[NUM\\_FORKS]: https://example.com/forks\n";
        let found = engine.check(&[doc("a.md", text)], &[]);
        assert!(found.iter().all(|f| f.replacements.is_empty()), "{found:?}");
    }

    #[test]
    fn levels_laid_over_win_whatever_their_patterns() {
        let text = "# Tuning\n\nINC allows automatically find better solution.\n";
        let with = |over: Vec<(String, Level)>| {
            let engine = Engine::new(&Settings {
                levels: vec![("grammar.allow-to".to_owned(), Level::Off)],
                over,
                ..Settings::default()
            })
            .expect("engine");
            engine
                .check(&[doc("g.md", text)], &[])
                .iter()
                .any(|f| f.rule == "grammar.allow-to")
        };
        assert!(!with(Vec::new()));
        assert!(with(vec![("grammar.*".to_owned(), Level::On)]));
    }

    const GUIDELINE: &str = "# Tuning\n\nINC allows automatically find better solution.\n\n\
        It will find operator which mostly influence accuracy drops.\n\n\
        With int8 there is tiny accuracy drop.\n\nBuild with ONEDNN enabled.\n";

    #[test]
    fn guideline_examples_are_flagged_with_the_right_fix() {
        let f = engine().check(&[doc("g.md", GUIDELINE)], &[]);
        let got: Vec<(&str, &str, &str)> = f
            .iter()
            .map(|f| (f.rule.as_str(), f.text.as_str(), f.replacements[0].as_str()))
            .collect();
        assert!(
            got.contains(&(
                "grammar.allow-to",
                "allows automatically find",
                "allows you to automatically find"
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&(
                "grammar.article",
                "tiny accuracy drop",
                "a tiny accuracy drop"
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&("terminology.canonical", "ONEDNN", "oneDNN")),
            "{got:?}"
        );
        for f in &f {
            assert_eq!(&GUIDELINE[f.start..f.end], f.text);
        }
    }

    /// Every rule on, over documents stitched at random from the shapes that broke rules before
    /// (multi-byte spaces and quotes, box drawing, code comments, templates, change lists): no panic,
    /// and every finding's span is the text it reports.
    #[test]
    fn every_rule_survives_awkward_text() {
        const PIECES: &[&str] = &[
            "The the file",
            "\u{a0}",
            "’s",
            "“Github ‘quoted’ here”",
            "├── tree # the tree of files",
            "\n\n```py\n# c’est\u{a0}la vie ├ — the the\nx = 1  # keep the the GPU\n```\n\n",
            "\n\n```js\n/* a block ├\n * comment of the the kind */\n```\n\n",
            "[link ‘x’](http://x.com/{{ a.b }})",
            "**bold** and `code`",
            "Ünïcödé 日本語 🙂",
            "can not",
            "a 10 second timeout",
            "less files",
            "'dom-ready'",
            "{: .note}",
            "\n\nimport X from './x.mdx'\n\n",
            "{{< highlight go >}}x := 1{{< /highlight >}}",
            "\n\n- dns: fix the parser (Ann Lee)\n",
            "\n\n* [[`abc1234`](https://x/commit/abc1234)] - **fs**: the the (A) [#1](https://x/pull/1)\n",
            "occured",
            "BroswerWindow",
            "- [l]ist",
            "It ran.This works",
            "`desc`ription",
            "start`..`end",
            "Bert Belder",
            "\n\n> info **info** note\n",
            "is going generate",
            "there is tiny drop",
            "\n\n# Heading ├\n\n",
            "  ",
            ".",
            "\n",
        ];
        let e = every_rule();
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        let docs: Vec<Doc> = (0..60)
            .map(|i| {
                let n = 5 + next() % 30;
                let text: String = (0..n)
                    .map(|_| {
                        let p = PIECES[next() % PIECES.len()];
                        if next() % 3 == 0 {
                            format!("{p} ")
                        } else {
                            p.to_owned()
                        }
                    })
                    .collect();
                // Some open with a byte-order mark.
                let text = if i % 5 == 0 {
                    format!("\u{feff}{text}")
                } else {
                    text
                };
                doc(if i % 2 == 0 { "a.md" } else { "b.mdx" }, &text)
            })
            .collect();
        for d in &docs {
            for f in e.check(std::slice::from_ref(d), &[]) {
                assert!(
                    d.text.is_char_boundary(f.start) && d.text.is_char_boundary(f.end),
                    "{f:?} in {:?}",
                    d.text
                );
                assert_eq!(&d.text[f.start..f.end], f.text, "{:?}", d.text);
            }
        }
        // And as one doc set, so the doc-set rules meet every shape together.
        assert!(e.check(&docs, &[]).len() < 100_000);
    }

    #[test]
    fn a_doc_that_says_a_program_writes_it_is_told_apart() {
        let said = |text: &str| generated_by(text).map(str::to_owned);
        for (text, statement) in [
            (
                "<!-- This file is automatically generated. Edit the source. -->\n# abbr\n",
                "This file is automatically generated. Edit the source.",
            ),
            (
                "---\ntitle: x\n---\n<!-- DO NOT EDIT THIS FILE MANUALLY -->\n",
                "DO NOT EDIT THIS FILE MANUALLY",
            ),
            (
                "# Ref\n\nThis file is generated from the API diff.\n",
                "This file is generated from the API diff.",
            ),
            (
                "---\n# Don't modify this file manually. It is generated.\ntitle: x\n---\n",
                "Don't modify this file manually. It is generated.",
            ),
            (
                "---\nNOTE: do not edit this file, it is generated in scripts/sync.ts\ntitle: x\n---\n",
                "do not edit this file, it is generated in scripts/sync.ts",
            ),
            (
                "{/* Generated by plugins/stubs.js — do not edit. */}\n",
                "Generated by plugins/stubs.js — do not edit.",
            ),
            (
                "---\ntitle: SDK\n---\n\n{/* AUTOGENERATED — do not edit. Run `task sync` to regenerate. */}\n",
                "AUTOGENERATED — do not edit. Run `task sync` to regenerate.",
            ),
            (
                "<!-- Auto generated: do not edit. -->\n",
                "Auto generated: do not edit.",
            ),
            (
                "<!-- @generated by usage-cli from usage spec -->\n# `mise run`\n",
                "@generated by usage-cli from usage spec",
            ),
            (
                "> Do not edit this file. It is a report.\n",
                "Do not edit this file. It is a report.",
            ),
            (
                "<!--\n  Note: this page is generated during the build.\n-->\n",
                "Note: this page is generated during the build.",
            ),
            (
                "<!--startmeta\nsidebar_label: \"ACS\"\nmessage: \"DO NOT EDIT THIS FILE DIRECTLY, IT IS \
                 GENERATED BY THE CATALOG\"\nendmeta-->\n# ACS\n",
                "DO NOT EDIT THIS FILE DIRECTLY, IT IS GENERATED BY THE CATALOG",
            ),
        ] {
            assert_eq!(said(text).as_deref(), Some(statement), "{text}");
        }
        // About another file, a part of the doc, or said past the doc's first lines: the doc's own.
        for text in [
            "# Auto generated documentation\n\nHow our reference is built.\n",
            "<!-- Do not edit the TOC, regenerate it with `yarn toc` -->\n",
            "Install it.\nThis file is generated by Composer and holds the classes.\n",
            "Steps:\n\n\tThis file is generated by Composer.\n",
            "Do not edit `/etc/hosts` by hand.\n",
            "@Generated is a Java annotation.\n",
            "<!-- autogenerated options start - DO NOT EDIT - edit backend.go instead -->\n",
            "<!-- generated by gen-docs.sh, do not edit: start -->\n",
            "Generated files (`*.pb.go`) are committed; do not edit them by hand.\n",
            "<!-- Generated clients live in gen/. Don't modify them. -->\n",
            "---\ntitle: Do not edit the config by hand\ndescription: How the site is generated.\n---\n",
            &format!(
                "{}\nThis file is generated from the API diff.\n",
                "Text.\n\n".repeat(20)
            ),
        ] {
            assert_eq!(said(text), None, "{text}");
        }
    }

    #[test]
    fn a_translation_is_left_to_its_own_language() {
        let es = "# Instalación\n\nPara usar el componente de la API, instale el paquete con npm. \
                  Es un paquete para Github y los usuarios de a API.\n\n- Una lista de cosas\n\n\
                  Ver el [vídeo](https://youtu.be/x?si=abc) para más.\n";
        let rules = rules_of(&every_rule(), "docs/es/install.md", es);
        assert_eq!(rules, ["links.tracking"]);
        // In a language's folder, a page of tables with one Spanish note is the translation too; the
        // same page elsewhere reads as English with a foreign word.
        let table = "Nota: Esta tabla asume Nu 0.14.1 o posterior.\n\n| Nu | Bash |\n|---|---|\n\
                     | `ls` | `ls` |\n";
        assert!(rules_of(&engine(), "es/book/mapa.md", table).is_empty());
        assert_eq!(
            rules_of(&engine(), "book/mapa.md", table),
            ["spelling.known-typo"]
        );
        // An English doc that quotes a Spanish sentence still gets its English findings.
        let en =
            "# Install\n\nThe the package is on Github.\n\n> Para usar el componente de la API.\n";
        let rules = rules_of(&engine(), "docs/install.md", en);
        assert!(
            rules.contains(&"terminology.canonical".to_owned()),
            "{rules:?}"
        );
    }

    #[test]
    fn every_rule_has_an_id_of_its_own() {
        // A level in .docreview.toml names one rule: harper's "gong to" linter is not docreview's
        // `grammar.going-to`.
        let mut seen = std::collections::HashSet::new();
        let all = every_rule();
        let twice: Vec<&str> = all
            .rules()
            .iter()
            .map(|r| r.info.id.as_str())
            .filter(|id| !seen.insert(*id))
            .collect();
        assert!(twice.is_empty(), "{twice:?}");
        let only = |rule: &str| {
            let engine = Engine::new(&Settings {
                levels: vec![(rule.to_owned(), Level::On)],
                ..Settings::default()
            })
            .expect("engine");
            let text =
                "# Plans\n\nThe team is going generate the report, and we are gong to ship it.\n";
            let mut rules: Vec<String> = engine
                .check(&[doc("g.md", text)], &[])
                .into_iter()
                .map(|f| f.rule)
                .filter(|r| r.contains("going"))
                .collect();
            rules.dedup();
            rules
        };
        assert_eq!(only("grammar.going-to"), ["grammar.going-to"]);
        assert_eq!(only("grammar.harper-going-to"), ["grammar.harper-going-to"]);
    }

    #[test]
    fn every_rule_on_by_default_passed_the_precision_gate() {
        use crate::core::rules::precision;
        let mut problems = Vec::new();
        for r in engine().rules() {
            let m = precision::measured(&r.info.id);
            match (r.info.default_on, m) {
                // The team's own names: its list is the team's word, with nothing to measure.
                (true, None) if r.info.id == crate::core::rules::terminology::PROJECT => {}
                (true, None) => {
                    problems.push(format!("{} is on but was never measured", r.info.id))
                }
                (true, Some(m)) if !m.passes() => {
                    problems.push(format!("{} is on but measured {}", r.info.id, m.short()))
                }
                (false, Some(m)) if m.passes() => problems.push(format!(
                    "{} passed the gate ({}) but is off: turn it on or say why in precision.tsv",
                    r.info.id,
                    m.short()
                )),
                _ => {}
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn a_changelog_is_read_for_typos_and_doubled_words_only() {
        let md =
            "# Changes\n\n- Fix the the paramater in ONEDNN build\n- add hook to `New` command\n";
        for path in [
            "CHANGELOG.md",
            "docs/History.md",
            "release-notes.md",
            "NEWS.markdown",
            "docs/changelog/index.md",
            "content/releases/_index.md",
        ] {
            assert!(is_changelog(path), "{path}");
            let mut got = rules_of(&engine(), path, md);
            got.sort();
            assert_eq!(
                got,
                ["grammar.repeated-word", "spelling.known-typo"],
                "{path}"
            );
        }
        assert!(!is_changelog("docs/changing-things.md"));
        assert!(!is_changelog("docs/index.md") && !is_changelog("changelog/v1.2.md"));
        // A list of contributors is names; an item in title case is a change.
        let credits = "# Changes\n\n## Thanks\n\n- Martijn Gribnau\n- cui fliter (cuishuang)\n\
                       - Update Dependecies\n";
        let found = found_of(&engine(), "CHANGELOG.md", credits);
        let texts: Vec<&str> = found.iter().map(|(_, text)| text.as_str()).collect();
        assert_eq!(texts, ["Dependecies"], "{found:?}");
        // Test inputs below a tests folder, fixtures anywhere; a tests folder's own pages are docs.
        for rel in [
            "tests/format/markdown/list.md",
            "src/fixtures/page.md",
            "pkg/testdata/a/README.md",
        ] {
            assert!(is_test_input(rel), "{rel}");
        }
        for rel in [
            "tests/README.md",
            "test/unit-testing.md",
            "tests/browser/README.md",
            "docs/testing.md",
        ] {
            assert!(!is_test_input(rel), "{rel}");
        }
        // A folder of generated pages; a page about generated code is a doc.
        assert_eq!(
            generated_folder("generated/markdown/hapi/api.md").as_deref(),
            Some("in a folder named generated")
        );
        assert!(generated_folder("docs/_generated/cli.md").is_some());
        assert!(generated_folder("docs/generated-code.md").is_none());
        assert!(generated_folder("generated.md").is_none());
        // Other projects' files a package manager copied in.
        assert_eq!(
            generated_folder("vendor/k8s.io/klog/v2/README.md").as_deref(),
            Some("in a folder named vendor, where a package manager copies other projects' files")
        );
        assert!(generated_folder("web/node_modules/x/README.md").is_some());
        assert!(generated_folder("docs/vendors.md").is_none());
        assert!(generated_folder("docs/vendor-support/index.md").is_none());
        // A site build's copies (Quarto's frozen output, the libraries a rendered site ships) and a
        // Hugo theme's sample site; a project's own "exampleSite" or "themes" docs are its own.
        assert!(generated_folder("docs/_freeze/intro/index.md").is_some());
        assert!(generated_folder("site/site_libs/x/README.md").is_some());
        assert!(generated_folder("themes/hello/exampleSite/content/post/a.md").is_some());
        assert!(generated_folder("exampleSite/content/post/a.md").is_none());
        assert!(generated_folder("docs/themes/dark.md").is_none());
        assert!(generated_folder("docs/freeze/index.md").is_none());
        // A licence is not reviewed at all.
        for path in [
            "LICENSE.md",
            "docs/LICENSE-MIT.md",
            "THIRD-PARTY-LICENSES.md",
            "NOTICE.md",
        ] {
            assert!(is_license(path), "{path}");
            assert!(rules_of(&engine(), path, md).is_empty(), "{path}");
        }
        assert!(!is_license("docs/licensing-faq.md"));
        // A page in a language's folder has its English source where that folder is "en" or absent.
        let sources = translation_sources("nl-nl/api/acl.md");
        assert!(sources.iter().any(|s| s == "en/api/acl.md"), "{sources:?}");
        assert!(sources.iter().any(|s| s == "api/acl.md"), "{sources:?}");
        let sources = translation_sources("content/zh_CN/about.md");
        assert!(
            sources.iter().any(|s| s == "content/en_US/about.md"),
            "{sources:?}"
        );
        assert_eq!(
            translation_sources("guide/intro.pt-BR.md"),
            ["guide/intro.md"]
        );
        assert_eq!(
            translation_sources("pages.pt_BR/common/ls.md"),
            ["pages/common/ls.md"]
        );
        // Docusaurus keeps its translations apart from the pages they translate.
        for (rel, source) in [
            (
                "website/i18n/ko/docusaurus-plugin-content-docs/current/guides/x.mdx",
                "website/docs/guides/x.mdx",
            ),
            (
                "i18n/ru/docusaurus-plugin-content-docs/version-2.0/x.md",
                "versioned_docs/version-2.0/x.md",
            ),
            (
                "website/i18n/pt/docusaurus-plugin-content-blog/2021-09-27-beta.mdx",
                "website/blog/2021-09-27-beta.mdx",
            ),
        ] {
            let sources = translation_sources(rel);
            assert!(sources.iter().any(|s| s == source), "{rel}: {sources:?}");
        }
        // Folders and names that are no language: "go", "js", "api", an English folder itself.
        for rel in [
            "docs/go/intro.md",
            "js/intro.md",
            "en/api/acl.md",
            "docs/release.notes.md",
            "pages.en/common/ls.md",
            "node.js/intro.md",
        ] {
            assert!(translation_sources(rel).is_empty(), "{rel}");
        }
        // Anywhere, a list item that cites a pull request or an issue is a commit's title: read for
        // typos and doubled words only, and never in its authors' names. One that links the commit
        // itself is the commit's message as a release tool copied it, kept as written (see quotes.rs).
        let notes = "# Release 2.0\n\nThe the release brings a new parser.\n\n\
                     * [[`a1b2c3d4e5`](https://github.com/o/r/commit/a1b2c3d4e5)] - **deps**: update the the \
                     paramater (Ann) [#42](https://github.com/o/r/pull/42)\n\
                     - fix teh ONEDNN build (#43)\n\
                     - dns: set the the hostname on error objects (Sebastiaan Noordhuis)\n\
                     - feat(cli): add a dns flag (Ann Lee)\n\
                     - chore: add a teh flag (#45) (beeen)\n\
                     - fix the parser (#46) (closes the occurance)\n\
                     - timeout: the the seconds to wait (default 30)\n\n\
                     *Note: the the diff is based on [a newer text](https://github.com/o/r/pull/44).*\n";
        let found = found_of(&engine(), "blog/release-2.0.md", notes);
        assert_eq!(
            found,
            [
                ("grammar.repeated-word", "The the"),
                // Not "ONEDNN": names are not read in a change entry.
                ("spelling.known-typo", "teh"),
                ("grammar.repeated-word", "the the"),
                // Not "beeen", the author's handle.
                ("spelling.known-typo", "teh"),
                ("spelling.known-typo", "occurance"),
                ("grammar.repeated-word", "the the"),
                // Emphasis that opens a paragraph is no bullet.
                ("grammar.repeated-word", "the the")
            ]
            .map(|(rule, text)| (rule.to_owned(), text.to_owned()))
        );
        // A change's record as a tool copied it (its author's handle, or its commit's hash linked) is
        // history: nothing in it is reported. A note that names an issue and no author is read.
        let history = "# History\n\n\
                       - #1146: @michaelshobbs allow multple domains. Closes #1142\n\
                       - [`#1219`](https://github.com/o/r/pull/1219) Avoid the the hooks.\n  \
                       ([@alan-agius4](https://github.com/alan-agius4))\n\
                       - Fix the parsr by @x-y in https://github.com/o/r/pull/12\n\
                       - Handle `Object.ceate(null)` ([c9eb387](https://github.com/o/r/commit/c9eb387))\n\
                       - Small fixes in code sturcture ([#1562](https://github.com/o/r/issues/1562)) \
                       ([42c13e2](https://github.com/o/r/commit/42c13e2))\n\n\
                       Our own note on #12 has teh wrong word; so does mail to jane@example.com about \
                       the the [commits](https://github.com/o/r/commits/main).\n\n\
                       - [@rich](https://github.com/rich) (author and mantainer of musl) recommends \
                       [a name](https://github.com/o/r/pull/82556#issuecomment-1)\n";
        assert_eq!(
            found_of(&engine(), "docs/history.md", history),
            [
                ("spelling.known-typo", "teh"),
                ("grammar.repeated-word", "the the"),
                ("spelling.known-typo", "mantainer")
            ]
            .map(|(rule, text)| (rule.to_owned(), text.to_owned()))
        );
        // A record is its whole item: the paragraphs and items under it describe the same change. An
        // item that names no author, and the text after the list, are the doc's.
        let changesets = "## @scope/pkg@1.1.0\n\n\
                          - [`90c7a4f`](https://github.com/o/r/commit/90c7a4f) \
                          [#3092](https://github.com/o/r/pull/3092) Thanks\n  \
                          [@tim](https://github.com/tim)! - Improve the typing\n\n  \
                          If you imported a hook, you'll notice that a error fails.\n\n  \
                          - Fixed a isue with `_hover`\n\n\
                          Read a error note.\n\n  \
                          And a error one.\n\n\
                          - Fixed a issue where the the form resets\n\n  \
                          Now a error works.\n\n\
                          - Release notes:\n  \
                          - Fix the loader ([`abc1234`](https://github.com/o/r/commit/abc1234))\n  \
                          - Fixed a error bug\n";
        assert_eq!(
            found_of(&engine(), "content/changelog/v1.1.0.md", changesets),
            [
                ("grammar.article", "a error"),
                ("grammar.article", "a error"),
                ("grammar.article", "a issue"),
                ("grammar.repeated-word", "the the"),
                ("grammar.article", "a error"),
                ("grammar.article", "a error")
            ]
            .map(|(rule, text)| (rule.to_owned(), text.to_owned()))
        );
        assert_eq!(
            found_of(
                &engine(),
                "content/changelog/v1.1.0.md",
                &changesets.replace('\n', "\r\n")
            )
            .len(),
            6
        );
        // An item holds only what is indented to its content's column, inside the same quote: a record
        // that credits its author alone runs on in its paragraphs, but an uncredited item's own
        // paragraph, a paragraph short of a numbered item's content, a sibling item one space in and
        // text outside a quoted record are the doc's.
        let edges = "- #1146: @michaelshobbs allow domains\n\n  It fixes a error here.\n\n\
                     - Release notes:\n  - Fix the loader ([`abc1234`](https://github.com/o/r/commit/abc1234))\n\n  \
                     Now a answer works.\n\n\
                     Text.\n\n\
                     1. [#12](https://github.com/o/r/pull/12) Fix the parser @bob\n\n  Our note has a idea.\n\n\
                     Text.\n\n\
                     - Fix the parser ([`abc1234`](https://github.com/o/r/commit/abc1234))\n - Fixed a issue\n\n\
                     Text.\n\n\
                     > - Fix the parser ([`abc1234`](https://github.com/o/r/commit/abc1234))\n>\n>   Kept a order.\n\n  \
                     Outside a option.\n\n\
                     1. [#12](https://github.com/o/r/pull/12) Fix the parser @bob\n\n   Kept a error.\n\n\
                     1.  [#13](https://github.com/o/r/pull/13) Fix the parser @bob\n\n   Short of it a hour.\n\n\
                     -\t[#14](https://github.com/o/r/pull/14) Fix the parser @bob\n\n\tKept a error.\n\n\
                     - Fix the parser ([`abc1234`](https://github.com/o/r/commit/abc1234))\n\n  \
                     ```python\n  # Kept a error.\n  x = 1\n  ```\n\n\
                     - Fix the parser ([`abc1234`](https://github.com/o/r/commit/abc1234))\n\n  \
                     > Credits to a author\n\n  Kept a error past the quote.\n\n\
                     Text.\n\n \
                     - Fix the parser ([`abc1234`](https://github.com/o/r/commit/abc1234))\n \
                     10. Other note\n\n   Past both a egg.\n";
        let found = found_of(&engine(), "content/changelog/v1.1.0.md", edges);
        let texts: Vec<&str> = found.iter().map(|(_, text)| text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "a answer", "a idea", "a issue", "a option", "a hour", "a egg"
            ],
            "{found:?}"
        );
        // Items after a lead-in that announces changes are change titles too; a plain list is prose.
        let post = "Changes in this version include:\n\n\
                    * Add support for `X-Forwarded-For` header in teh request\n\
                    * Fix parsing when cookies exist with same name\n\n\
                    ### Bug fixes\n\n\
                    - Fix route with same name\n\n\
                    ## Full Changelog\n\n\
                    * Fixed XSS exploit in `urlFor` method\n\n\
                    ## Making changes to your setup\n\n\
                    - Add support for `X-Forwarded-For` header to the proxy\n\n\
                    To set it up:\n\n\
                    - Add support for `X-Forwarded-For` header to the proxy\n";
        let found = found_of(&engine(), "blog/release-1.6.md", post);
        let rules: Vec<&str> = found.iter().map(|(rule, _)| rule.as_str()).collect();
        assert_eq!(
            rules,
            ["spelling.known-typo", "grammar.article", "grammar.article"],
            "{found:?}"
        );
        // A link to a note further down the page ("[1](#1)") cites no issue: the item is prose.
        let notes = "# Install\n\n* An 64-bit Intel CPU [1](#1)\n* macOS 10.12 [2](#2)\n";
        let found = found_of(&engine(), "docs/install.md", notes);
        assert_eq!(
            found,
            [("grammar.article".to_owned(), "An 64-bit".to_owned())],
            "{found:?}"
        );
        // Elsewhere, under a heading that names no changes, the same list is prose.
        let rules = rules_of(&engine(), "guide.md", &md.replace("# Changes", "# Setup"));
        assert!(
            rules.contains(&"terminology.canonical".to_owned()),
            "{rules:?}"
        );
    }

    #[test]
    fn an_item_citing_a_pull_request_is_a_change_only_in_a_list_of_changes() {
        let md = "# Rules\n\n\
                  * An app on Github with known vulnerabilites is [discontinued](https://github.com/o/r/pull/7).\n\
                  * An app without a homepage (example: a repository without a README).\n\n\
                  ## Options\n\n\
                  - timeout: seconds to wait (default 30)\n\
                  - retries: see [the discusion](https://github.com/o/r/issues/4)\n\
                  - mode: the mode to run in (optional)\n\n\
                  ## 0.2\n\n\
                  - Throw on invalid timeouts (cjihrig)\n\
                  - Fix the the Github parser (Ann Lee) [#8](https://github.com/o/r/pull/8)\n\n\
                  ## 0.1\n\n\
                  - **ann**:\n  - [Fixed the the parser](https://github.com/o/r/pull/9)\n\
                  - **bob**: [Fixed teh lexer](https://github.com/o/r/pull/10)\n\n\
                  > - Fix teh parser, see [#3](https://github.com/o/r/pull/3)\n\
                  >\n\
                  > - Another line of our own prose.\n";
        let found = found_of(&engine(), "docs/rules.md", md);
        // The rules and the options are the doc's own sentences (a remark in brackets is no author),
        // also past a block quote's empty line; the releases are changes (an author's handle, a
        // nested item that cites): read for typos and doubled words only, not for names. An item
        // that is only a link to the pull request quotes its title ("[Fixed the the parser](…)").
        assert_eq!(
            found,
            [
                ("terminology.canonical", "Github"),
                ("spelling.known-typo", "vulnerabilites"),
                ("spelling.known-typo", "discusion"),
                ("grammar.repeated-word", "the the"),
                ("spelling.known-typo", "teh"),
                ("spelling.known-typo", "teh"),
            ]
            .map(|(rule, text)| (rule.to_owned(), text.to_owned()))
        );
    }

    #[test]
    fn nothing_in_code_urls_or_front_matter() {
        let md = "---\ntitle: INC allows automatically find\n---\n\n```\nthere is tiny accuracy drop ONEDNN\n```\n\n\
                  `ONEDNN` and https://example.com/ONEDNN/the the and [x](https://ONEDNN.io)\n";
        assert!(engine().check(&[doc("c.md", md)], &[]).is_empty());
    }

    #[test]
    fn line_and_column_are_one_based_and_in_characters() {
        let md = "# Título\n\nÜber Github.\n";
        let f = engine().check(&[doc("x.md", md)], &[]);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].line, f[0].column), (3, 6));
        assert_eq!(&md[f[0].start..f[0].end], "Github");
    }

    #[test]
    fn changed_lines_scope_filters() {
        let md = "Github one.\n\nGithub two.\n";
        let d = Doc {
            path: "x.md".into(),
            text: md.into(),
            lines: Lines::Changed(vec![(3, 3)]),
        };
        let f = engine().check(&[d], &[]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].line, 3);
    }

    #[test]
    fn levels_and_only_select_rules() {
        let s = Settings {
            levels: vec![
                ("grammar".into(), Level::Off),
                ("grammar.article".into(), Level::At(Severity::Error)),
            ],
            ..Settings::default()
        };
        let e = Engine::new(&s).expect("engine");
        let f = e.check(&[doc("g.md", GUIDELINE)], &[]);
        assert!(f.iter().all(|f| f.rule != "grammar.allow-to"));
        let art: Vec<_> = f.iter().filter(|f| f.rule == "grammar.article").collect();
        assert_eq!(art.len(), 1);
        assert_eq!(art[0].severity, Severity::Error);

        // A glob selects among the rules that are on; an exact id runs the rule even when it is off by
        // default.
        let only = |p: &str| {
            Engine::new(&Settings {
                only: vec![p.into()],
                ..Settings::default()
            })
            .expect("engine")
            .check(&[doc("g.md", "# Build\n\nThe build is going fail.\n")], &[])
        };
        assert!(only("grammar.going*").is_empty());
        let f = only("grammar.going-to");
        assert!(f.iter().all(|f| f.rule == "grammar.going-to"));
        assert!(!f.is_empty());
    }

    #[test]
    fn suppression_comments_silence_findings() {
        let md = "<!-- docreview-disable-next-line terminology -->\nGithub here.\nGithub there.\n";
        let f = engine().check(&[doc("x.md", md)], &[]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].line, 3);
    }

    #[test]
    fn fixes_never_swallow_markup() {
        // The article goes before the emphasis; the asterisks survive.
        let md = "With int8 there is *tiny* accuracy drop.\n";
        let f = engine().check(&[doc("x.md", md)], &[]);
        let a = f
            .iter()
            .find(|f| f.rule == "grammar.article")
            .expect("article");
        let mut fixed = md.to_owned();
        fixed.replace_range(a.start..a.end, &a.replacements[0]);
        assert_eq!(fixed, "With int8 there is a *tiny* accuracy drop.\n");
        // And before a link's text.
        let md = "INC allows *automatically* find it. There is [tiny accuracy](x) drop.\n";
        let mut fixed = md.to_owned();
        let mut f = engine().check(&[doc("x.md", md)], &[]);
        f.retain(|f| f.rule.starts_with("grammar"));
        f.sort_by_key(|f| std::cmp::Reverse(f.start));
        for x in &f {
            fixed.replace_range(x.start..x.end, &x.replacements[0]);
        }
        assert_eq!(
            fixed,
            "INC allows you to *automatically* find it. There is a [tiny accuracy](x) drop.\n"
        );
        // A double across a block-quote line break keeps the "> " marker.
        let md = "> Install the\n> the package.\n";
        let f = engine().check(&[doc("q.md", md)], &[]);
        let r = f
            .iter()
            .find(|f| f.rule == "grammar.repeated-word")
            .expect("double");
        let mut fixed = md.to_owned();
        fixed.replace_range(r.start..r.end, &r.replacements[0]);
        assert_eq!(fixed, "> Install the\n> package.\n");
    }

    #[test]
    fn consistency_counts_context_docs_but_reports_only_checked_ones() {
        let ctx = doc("ctx.md", "A dataset. The dataset. Each dataset.\n");
        let checked = doc("new.md", "A data set.\n");
        let f = engine().check(&[checked], &[ctx]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].path, "new.md");
        assert_eq!(f[0].replacements, vec!["dataset"]);
    }

    #[test]
    fn fingerprints_survive_line_moves() {
        let a = engine().check(&[doc("x.md", "Use Github here.\n")], &[]);
        let b = engine().check(
            &[doc("x.md", "# New title\n\nText.\n\nUse Github here.\n")],
            &[],
        );
        assert_eq!(a[0].fingerprint, b[0].fingerprint);
        assert_ne!(a[0].line, b[0].line);
    }

    /// Random documents built from awkward pieces never make the engine panic, and every finding's span
    /// and fix is valid for the file.
    #[test]
    fn random_documents_give_valid_findings() {
        const PIECES: &[&str] = &[
            "the",
            " ",
            "the ",
            "\n",
            "\r\n",
            "\n\n",
            "*",
            "**",
            "_",
            "`",
            "```\n",
            "> ",
            "- ",
            "1. ",
            "# ",
            "[x](http://y.z)",
            "Github",
            "ONEDNN",
            "a",
            "an",
            "hour",
            "user",
            "there is tiny accuracy drop",
            "allows automatically find",
            "e-mail",
            "email",
            "data set",
            "dataset",
            "\u{feff}",
            "Ü",
            "日本語",
            "\t",
            "<b>",
            "</b>",
            "<!-- docreview-disable -->",
            "<!-- docreview-enable -->",
            "$x$",
            "{{< x >}}",
            "https://x.io/a",
            "&amp;",
            "\\*",
            "|",
            "---\n",
            "  \n",
            "[^1]",
            "[^1]: note\n",
            "é",
            "\u{200b}",
        ];
        let e = engine();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..400 {
            let len = (next() % 60) as usize;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let findings = e.check(&[doc("r.md", &text)], &[]);
            for f in &findings {
                assert!(f.start <= f.end && f.end <= text.len(), "{f:?} in {text:?}");
                assert!(
                    text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
                    "{f:?} in {text:?}"
                );
                assert_eq!(text[f.start..f.end], f.text);
                for r in &f.replacements {
                    let mut fixed = text.clone();
                    fixed.replace_range(f.start..f.end, r);
                    assert_eq!(
                        fixed.matches('\n').count(),
                        text.matches('\n').count(),
                        "{f:?} in {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn cached_results_equal_fresh_ones_and_survive_changes() {
        let e = engine();
        let docs = vec![
            Doc {
                path: "a.md".into(),
                text: GUIDELINE.into(),
                lines: Lines::All,
            },
            Doc {
                path: "b.md".into(),
                text: "A data set. Github.\n\nThe the end.\n".into(),
                lines: Lines::Changed(vec![(3, 3)]),
            },
        ];
        let context = vec![doc("c.md", "A dataset, the dataset, each dataset.\n")];
        let fresh = e.check(&docs, &context);
        let mut memo = Memo::default();
        #[derive(Default)]
        struct Loads(usize);
        impl Stored for Loads {
            fn load_counts(&mut self, _: &mut Memo) {
                self.0 += 1;
            }
            fn load_paragraphs(&mut self) -> crate::core::rules::harper::ParagraphMemo {
                Default::default()
            }
            fn save_now(&mut self, _: &mut Memo) {}
        }
        let mut loads = Loads::default();
        let done = AtomicUsize::new(0);
        let first = e
            .run(&docs, &mut memo, &mut loads)
            .check(&context, &done)
            .findings;
        assert_eq!(first, fresh);
        assert!(memo.dirty);
        let loads_after_first = loads.0;
        // Second run: everything from memory, no counts needed.
        memo.dirty = false;
        let again = e.run(&docs, &mut memo, &mut loads).check(&context, &done);
        // Words of prose come back from memory too, as a fresh count has them.
        let counted: Vec<usize> = docs
            .iter()
            .map(|d| prose_of(d, e.reading).words())
            .collect();
        assert_eq!(again.words, counted);
        let again = again.findings;
        assert_eq!(again, fresh);
        assert!(!memo.dirty, "nothing new to remember");
        assert_eq!(
            loads.0, loads_after_first,
            "an unchanged doc set needs no stored counts"
        );
        // One doc changes: its findings are new, the others come from memory, and the answer is
        // still what a fresh check says.
        let mut changed = docs.clone();
        changed[1].text = "A data set. Gitlab.\n\nThe the end.\n".into();
        let fresh2 = e.check(&changed, &context);
        let cached2 = e
            .run(&changed, &mut memo, &mut loads)
            .check(&context, &done)
            .findings;
        assert_eq!(cached2, fresh2);
        // A memory used once hands its findings over when unchanged; the answer is the same.
        let mut once = memo.clone();
        once.once = true;
        once.dirty = false;
        let last = AtomicUsize::new(0);
        assert_eq!(
            e.run(&changed, &mut once, &mut loads)
                .check(&context, &last)
                .findings,
            fresh2
        );
        assert!(!once.dirty);
        assert_eq!(last.load(Ordering::Relaxed), 2, "both docs are done");
    }

    #[test]
    fn the_same_text_as_markdown_and_as_mdx_is_remembered_apart() {
        let e = engine();
        let text = "Intro on Github.\n\n{props.flag ? (Tick the the box) : none}\n";
        let md = vec![doc("a.md", text)];
        let mdx = vec![doc("a.mdx", text)];
        let mut memo = Memo::default();
        use crate::core::cache::Nothing;
        let done = AtomicUsize::new(0);
        let as_md = e
            .run(&md, &mut memo, &mut Nothing)
            .check(&[], &done)
            .findings;
        let as_mdx = e
            .run(&mdx, &mut memo, &mut Nothing)
            .check(&[], &done)
            .findings;
        assert_eq!(as_md, e.check(&md, &[]));
        assert_eq!(as_mdx, e.check(&mdx, &[]));
        assert!(as_mdx.len() < as_md.len(), "an MDX expression is code");
        // Nor are a changelog and a licence remembered as the same text elsewhere.
        for name in ["CHANGELOG.md", "LICENSE.md"] {
            let other = vec![doc(name, text)];
            let cached = e
                .run(&other, &mut memo, &mut Nothing)
                .check(&[], &done)
                .findings;
            assert_eq!(cached, e.check(&other, &[]), "{name}");
            assert!(cached.len() < as_md.len(), "{name}");
        }
    }

    #[test]
    fn one_place_gets_the_best_ranked_finding() {
        let e = engine();
        let f = |path: &str, rule: &str, start: usize, end: usize| Finding {
            path: path.into(),
            rule: rule.into(),
            severity: Severity::Warning,
            message: String::new(),
            line: 1,
            column: start + 1,
            start,
            end,
            text: String::new(),
            replacements: Vec::new(),
            safety: Safety::Review,
            fingerprint: String::new(),
        };
        let harper = "grammar.spaces";
        assert!(e.is_harper_rule(harper));
        let mut all = vec![
            f("a.md", "terminology.canonical", 10, 16),
            f("a.md", harper, 12, 14), // under docreview's own: dropped
            f("a.md", harper, 20, 25), // alone: kept
            f("a.md", spelling::RULE, 22, 23), // under a kept harper finding: dropped
            f("a.md", spelling::RULE, 30, 34), // alone: kept
            f("b.md", harper, 12, 14), // another file: kept
            f("b.md", spelling::RULE, 0, 4), // kept
            f("b.md", "grammar.repeated-word", 40, 40), // an insertion point still counts
            f("b.md", spelling::RULE, 40, 41), // dropped
        ];
        sort_findings(&mut all);
        let kept: Vec<(String, usize)> = e
            .finish(all)
            .into_iter()
            .map(|f| (f.path, f.start))
            .collect();
        let kept: Vec<(&str, usize)> = kept.iter().map(|(p, s)| (p.as_str(), *s)).collect();
        assert_eq!(
            kept,
            [
                ("a.md", 10),
                ("a.md", 20),
                ("a.md", 30),
                ("b.md", 0),
                ("b.md", 12),
                ("b.md", 40)
            ]
        );
    }
}
