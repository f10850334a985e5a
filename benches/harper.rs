//! docreview against harper-core alone on the same docs: `cargo bench --bench harper [-- MODE]`.
//!
//! Modes (default: all three, in one run so their ratios can be compared on a noisy machine):
//! - `harper-prose`: harper-core with its own default linter set over the prose docreview extracts
//!   (each block as plain English), in parallel with one linter set per thread. This is "harper alone
//!   over the same prose".
//! - `harper-markdown`: harper-core on whole files with its own Markdown parser, as a harper user runs it.
//! - `docreview`: docreview's engine with every default rule (its own rules, the harper linters it turns
//!   on, spelling with the technical vocabulary, doc-set consistency), no cache.
//!
//! Each mode prints its wall time, its findings and findings per 1,000 words. Run one mode at a time
//! to read its peak memory (the last line, from the kernel's high-water mark for this process).
//! Uses the shared corpus (`../shared/corpus`, or `DOCREVIEW_CORPUS=/path`) and generated docs without it.

use docreview::core::engine::{Doc, Engine, Lines, Settings};
use docreview::core::markdown;
use harper_core::linting::LintGroup;
use harper_core::parsers::PlainEnglish;
use harper_core::spell::FstDictionary;
use harper_core::{Dialect, Document};
use rayon::prelude::*;
use std::cell::RefCell;
use std::time::Instant;

mod common;

fn load() -> (String, Vec<Doc>) {
    if let Some(corpus) = common::corpus() {
        return corpus;
    }
    let para = "INC allows automatically find better solution on Github. There is tiny accuracy drop with \
                ONEDNN, and the the data set is big. Its a good idea to recieve the the results.\n\n";
    let docs = (0..300)
        .map(|i| Doc {
            path: format!("gen/{i}.md"),
            text: format!("# Doc {i}\n\n{}", para.repeat(5 + i % 10)),
            lines: Lines::All,
        })
        .collect();
    ("generated docs".into(), docs)
}

/// The process's peak resident memory so far, in MB (Linux; `None` elsewhere).
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn report(mode: &str, seconds: f64, findings: usize, words: usize) {
    println!(
        "{mode:16} {seconds:8.2} s {findings:9} findings {:8.1} per 1,000 words",
        findings as f64 * 1000.0 / words.max(1) as f64
    );
}

/// Each run builds fresh linter sets (harper's linters keep caches that would favour a second run).
static RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// harper-core's default linters over each text, one linter set per thread: whole files with its
/// Markdown parser (`markdown`), or docreview's prose blocks as plain English.
fn harper_lints(texts: &[&str], markdown: bool) -> usize {
    let dict = FstDictionary::curated();
    let run = RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    thread_local! {
        static GROUP: RefCell<Option<(usize, LintGroup)>> = const { RefCell::new(None) };
    }
    texts
        .par_iter()
        .map(|text| {
            GROUP.with(|g| {
                let mut g = g.borrow_mut();
                if g.as_ref().is_none_or(|(r, _)| *r != run) {
                    *g = Some((run, LintGroup::new_curated(dict.clone(), Dialect::American)));
                }
                let Some((_, group)) = g.as_mut() else {
                    return 0;
                };
                let doc = if markdown {
                    Document::new_markdown_default(text, &*dict)
                } else {
                    Document::new(text, &PlainEnglish, &*dict)
                };
                group
                    .organized_lints(&doc)
                    .values()
                    .map(Vec::len)
                    .sum::<usize>()
            })
        })
        .sum()
}

fn main() {
    let mode = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| "all".into());
    if !["all", "harper-prose", "harper-markdown", "docreview"].contains(&mode.as_str()) {
        eprintln!("unknown mode {mode:?}: use harper-prose, harper-markdown or docreview");
        std::process::exit(2);
    }
    let (source, docs) = load();
    let prose: Vec<markdown::Prose> = docs.iter().map(|d| markdown::extract(&d.text)).collect();
    let blocks: Vec<&str> = prose
        .iter()
        .flat_map(|p| p.blocks.iter().map(|b| b.text.as_str()))
        .collect();
    let words: usize = blocks.iter().map(|b| b.split_whitespace().count()).sum();
    println!(
        "docreview vs harper-core: {} docs, {:.2} MB ({:.2} MB prose, {words} words) from {source}, {} threads\n",
        docs.len(),
        docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 / 1e6,
        blocks.iter().map(|b| b.len()).sum::<usize>() as f64 / 1e6,
        rayon::current_num_threads()
    );
    let run = |name: &str| mode == "all" || mode == name;
    if run("harper-prose") {
        let t = Instant::now();
        let n = harper_lints(&blocks, false);
        report("harper-prose", t.elapsed().as_secs_f64(), n, words);
    }
    if run("harper-markdown") {
        let t = Instant::now();
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        let n = harper_lints(&texts, true);
        report("harper-markdown", t.elapsed().as_secs_f64(), n, words);
    }
    if run("docreview") {
        let t = Instant::now();
        let engine = match Engine::new(&Settings::default()) {
            Ok(engine) => engine,
            Err(e) => {
                eprintln!("docreview's rules did not load: {e}");
                std::process::exit(2);
            }
        };
        let n = engine.check(&docs, &[]).len();
        report("docreview", t.elapsed().as_secs_f64(), n, words);
    }
    if let Some(mb) = peak_mb() {
        println!("\npeak memory of this process: {mb:.0} MB");
    }
}
