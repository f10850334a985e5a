//! Engine throughput: `cargo bench --bench engine`.
//!
//! Uses the shared corpus of real docs (`../shared/corpus`, or `DOCREVIEW_CORPUS=/path`) when present,
//! generated docs otherwise, and prints the time and MB/s of each stage (parsing prose, each rule family,
//! the whole engine), single-threaded and in parallel. Compare ratios within one run: these machines are
//! noisy.

use docreview::core::engine::{Doc, Engine, Lines, Settings};
use docreview::core::markdown;
use docreview::core::rules::consistency::{self, Consistency, Counts};
use docreview::core::rules::grammar::Grammar;
use docreview::core::rules::repetition::Repetition;
use docreview::core::rules::terminology::{Terminology, Terms};
use docreview::core::rules::{Active, Checker, DocProse};
use rayon::prelude::*;
use std::time::{Duration, Instant};

mod common;

fn generated() -> Vec<Doc> {
    let para = "INC allows automatically find better solution on Github. There is tiny accuracy drop with \
                ONEDNN, and the the data set is big. See `code` and [a link](https://example.com) for more.\n\n";
    (0..1500)
        .map(|i| Doc {
            path: format!("gen/{i}.md"),
            text: format!(
                "# Doc {i}\n\n{}\n```\nlet x = 1;\n```\n",
                para.repeat(10 + i % 20)
            ),
            lines: Lines::All,
        })
        .collect()
}

fn load() -> (String, Vec<Doc>) {
    common::corpus().unwrap_or_else(|| ("generated docs".into(), generated()))
}

fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn report(name: &str, bytes: usize, d: Duration) {
    let mb = bytes as f64 / 1e6;
    println!(
        "{name:38} {:9.1} ms {:9.1} MB/s",
        d.as_secs_f64() * 1e3,
        mb / d.as_secs_f64().max(1e-9)
    );
}

fn main() {
    let (source, docs) = load();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    println!(
        "docreview engine bench: {} docs, {:.2} MB from {source}, {} threads\n",
        docs.len(),
        bytes as f64 / 1e6,
        rayon::current_num_threads()
    );
    let runs = 3;
    let prose: Vec<markdown::Prose> = docs.iter().map(|d| markdown::extract(&d.text)).collect();
    let views: Vec<DocProse<'_>> = docs
        .iter()
        .zip(&prose)
        .map(|(d, p)| DocProse::new(&d.text, p))
        .collect();
    let all_rules: Active = Active(
        [
            "terminology.canonical",
            "grammar.allow-to",
            "grammar.article",
            "grammar.repeated-word",
            consistency::RULE,
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect(),
    );

    report(
        "prose extraction (1 thread)",
        bytes,
        best_of(runs, || {
            for d in &docs {
                std::hint::black_box(markdown::extract(&d.text));
            }
        }),
    );
    let terminology = Terminology::new(Terms::builtin().clone());
    let checkers: [(&str, &dyn Checker); 3] = [
        ("terminology (1 thread)", &terminology),
        ("grammar patterns (1 thread)", &Grammar),
        ("repeated words (1 thread)", &Repetition),
    ];
    for (name, c) in checkers {
        report(
            name,
            bytes,
            best_of(runs, || {
                let mut out = Vec::new();
                for v in &views {
                    c.check(v, &all_rules, &mut out);
                }
                std::hint::black_box(out);
            }),
        );
    }
    report(
        "consistency counting (1 thread)",
        bytes,
        best_of(runs, || {
            let c = views
                .iter()
                .map(consistency::count)
                .fold(Counts::default(), Counts::merge);
            std::hint::black_box(c);
        }),
    );
    let counts = views
        .iter()
        .map(consistency::count)
        .fold(Counts::default(), Counts::merge);
    let decided = Consistency::decide(&counts, &[], Terms::builtin());
    report(
        "consistency findings (1 thread)",
        bytes,
        best_of(runs, || {
            let mut out = Vec::new();
            for v in &views {
                decided.check(v, &all_rules, &mut out);
            }
            std::hint::black_box(out);
        }),
    );
    let engine = Engine::new(&Settings::default()).expect("engine");
    let mut n = 0;
    report(
        "whole engine, every rule (parallel)",
        bytes,
        best_of(runs, || {
            n = engine.check(&docs, &[]).len();
        }),
    );
    let _ = docs.par_iter().count();
    println!("\n{n} findings");
}
