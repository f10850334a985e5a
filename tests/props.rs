//! Properties that must hold for any input, checked on random documents, fixes and files
//! (proptest). `PROPTEST_CASES` sets how many cases each property runs (a few thousand by default; the
//! long run in `.ci/run` uses 100,000 for the cheap ones).

use docreview::core::edit::{self, Edit, Skip};
use docreview::core::engine::{Doc, Engine, Level, Lines, Settings};
use docreview::core::markdown;
use proptest::prelude::*;
use std::ops::Range;

/// Cases per property: `PROPTEST_CASES`, else `default`.
fn cases(default: u32) -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases: n,
        // Integration tests have no source file proptest can find to keep failures beside: a failure
        // prints its minimal input instead.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Text with the characters that trip byte arithmetic: multi-byte letters, CR, tabs, markup.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "[a-z ]{0,8}",
            Just("é".to_owned()),
            Just("日本".to_owned()),
            Just("👍".to_owned()),
            Just("\r\n".to_owned()),
            Just("\n".to_owned()),
            Just("`".to_owned()),
            Just("*".to_owned()),
        ],
        0..30,
    )
    .prop_map(|parts| parts.concat())
}

/// Up to eight edits with ranges anywhere (on a character boundary or not, in the text or past it).
fn edits(len: usize) -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec(
        (0..=len + 2, 0usize..6, "[a-zé]{0,4}").prop_map(|(start, n, replacement)| Edit {
            range: start..start + n,
            replacement,
        }),
        0..8,
    )
}

proptest! {
    #![proptest_config(cases(4_000))]

    /// Bytes outside the applied edits never change, applied edits never overlap, and every edit left
    /// out says why truthfully.
    #[test]
    fn fixes_change_only_their_own_spans((text, edits) in text().prop_flat_map(|t| {
        let len = t.len();
        (Just(t), edits(len))
    })) {
        let out = edit::apply(&text, &edits);
        let mut taken: Vec<&Edit> = out.applied.iter().map(|&i| &edits[i]).collect();
        taken.sort_by_key(|e| (e.range.start, e.range.end));
        // The result is the text with exactly the applied edits spliced in, in order.
        let mut expected = String::new();
        let mut pos = 0;
        for e in &taken {
            prop_assert!(e.range.start >= pos, "applied edits overlap: {:?}", taken);
            expected.push_str(&text[pos..e.range.start]);
            expected.push_str(&e.replacement);
            pos = e.range.end;
        }
        expected.push_str(&text[pos..]);
        prop_assert_eq!(&out.text, &expected);
        prop_assert_eq!(out.applied.len() + out.skipped.len(), edits.len());
        for (i, why) in &out.skipped {
            let r = &edits[*i].range;
            match why {
                Skip::OutOfBounds => prop_assert!(
                    r.end > text.len() || !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end)
                ),
                Skip::Overlaps(k) => {
                    prop_assert!(out.applied.contains(k));
                    let w = &edits[*k].range;
                    prop_assert!(r.start < w.end && w.start < r.end.max(r.start + 1) || r.start == w.start);
                }
            }
        }
        // Undoing the applied edits one by one, the last first (as the review screen's undo does),
        // brings the exact bytes back.
        let mut now = out.text.clone();
        let mut shift: isize = taken
            .iter()
            .map(|e| e.replacement.len() as isize - e.range.len() as isize)
            .sum();
        for e in taken.iter().rev() {
            shift -= e.replacement.len() as isize - e.range.len() as isize;
            let start = (e.range.start as isize + shift) as usize;
            let undo = Edit {
                range: start..start + e.replacement.len(),
                replacement: text[e.range.clone()].to_owned(),
            };
            let back = edit::apply(&now, &[undo]);
            prop_assert_eq!(back.applied.len(), 1);
            now = back.text;
        }
        prop_assert_eq!(now, text);
    }
}

/// A piece of a Markdown document and whether its bytes may hold prose.
#[derive(Debug, Clone)]
enum Piece {
    Words(String),
    InlineCode(String),
    Fence(String),
    Link(String, String),
    Html(String),
    /// An HTML block: an attribute value, its words, inline code.
    HtmlBlock(String, String, String),
    Break,
}

fn piece() -> impl Strategy<Value = Piece> {
    let word = "[a-zA-Zé日 ]{1,12}";
    prop_oneof![
        4 => word.prop_map(Piece::Words),
        1 => "[a-z_.()]{1,10}".prop_map(Piece::InlineCode),
        1 => "[a-z =;\n]{0,20}".prop_map(Piece::Fence),
        1 => ("[a-z ]{1,8}", "[a-z/]{1,10}").prop_map(|(t, u)| Piece::Link(t, format!("https://example.com/{u}"))),
        1 => "[a-z]{1,6}".prop_map(|t| Piece::Html(format!("<span class=\"{t}\">"))),
        1 => ("[a-z' >=日]{0,8}", word, "[a-z<>' ]{0,8}").prop_map(|(a, w, c)| Piece::HtmlBlock(a, w, c)),
        1 => Just(Piece::Break),
    ]
}

/// A document built from pieces, with the byte ranges no rule may touch: code, addresses, tags and
/// front matter.
fn document() -> impl Strategy<Value = (String, Vec<Range<usize>>)> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        proptest::collection::vec(piece(), 0..25),
    )
        .prop_map(|(bom, front, crlf, final_newline, pieces)| {
            let nl = if crlf { "\r\n" } else { "\n" };
            let mut doc = String::new();
            let mut closed: Vec<Range<usize>> = Vec::new();
            if bom {
                doc.push('\u{feff}');
            }
            if front {
                let start = doc.len();
                doc.push_str(&format!("---{nl}title: a word here{nl}---{nl}{nl}"));
                closed.push(start..doc.len());
            }
            for p in pieces {
                match p {
                    Piece::Words(w) => doc.push_str(&w),
                    Piece::InlineCode(c) => {
                        doc.push(' ');
                        let start = doc.len();
                        doc.push_str(&format!("`{c}`"));
                        closed.push(start..doc.len());
                        doc.push(' ');
                    }
                    Piece::Fence(body) => {
                        doc.push_str(&format!("{nl}{nl}"));
                        let start = doc.len();
                        let body = body.replace('\n', nl);
                        doc.push_str(&format!("```{nl}{body}{nl}```"));
                        closed.push(start..doc.len());
                        doc.push_str(&format!("{nl}{nl}"));
                    }
                    Piece::Link(t, url) => {
                        doc.push_str(&format!(" [{t}]("));
                        let start = doc.len();
                        doc.push_str(&url);
                        closed.push(start..doc.len());
                        doc.push_str(") ");
                    }
                    Piece::Html(tag) => {
                        doc.push(' ');
                        let start = doc.len();
                        doc.push_str(&tag);
                        closed.push(start..doc.len());
                        doc.push(' ');
                    }
                    Piece::HtmlBlock(attr, words, code) => {
                        // Every tag, the code element with its content, and the entity are closed.
                        doc.push_str(&format!("{nl}{nl}"));
                        let mut tag = |doc: &mut String, t: &str| {
                            let start = doc.len();
                            doc.push_str(t);
                            closed.push(start..doc.len());
                        };
                        tag(
                            &mut doc,
                            &format!(
                                "<div title=\"{}\" data-x='{}'>",
                                attr.replace('"', ""),
                                attr.replace('\'', "")
                            ),
                        );
                        doc.push_str(nl);
                        tag(&mut doc, "<p>");
                        // An apostrophe in an unquoted value opens no quote.
                        tag(
                            &mut doc,
                            &format!("<img alt=Ann's data-y='{}'>", attr.replace('\'', "")),
                        );
                        doc.push_str(&words);
                        tag(&mut doc, &format!("<code>{}</code>", code.replace('<', "")));
                        tag(&mut doc, "&amp;");
                        doc.push_str(&words);
                        tag(&mut doc, "</p>");
                        doc.push_str(nl);
                        tag(&mut doc, "<!-- a comment -->");
                        doc.push_str(nl);
                        tag(&mut doc, "</div>");
                        doc.push_str(&format!("{nl}{nl}"));
                    }
                    Piece::Break => doc.push_str(&format!("{nl}{nl}")),
                }
            }
            if final_newline {
                doc.push_str(nl);
            }
            (doc, closed)
        })
}

proptest! {
    #![proptest_config(cases(2_000))]

    /// What the rules read as prose never covers code, a web address, an HTML tag or front matter, and
    /// always lies on character boundaries.
    #[test]
    fn prose_never_covers_code_addresses_tags_or_front_matter((doc, closed) in document(), html in any::<bool>()) {
        // Also with the text of HTML blocks read as prose.
        let prose = markdown::extract_with(&doc, markdown::Reading { html, ..markdown::Reading::default() });
        for r in prose.ranges() {
            prop_assert!(doc.is_char_boundary(r.start) && doc.is_char_boundary(r.end));
            for c in &closed {
                prop_assert!(
                    r.end <= c.start || c.end <= r.start,
                    "prose {:?} ({:?}) overlaps {:?} ({:?})",
                    r.clone(), &doc[r.clone()], c.clone(), &doc[c.clone()]
                );
            }
        }
    }
}

/// Every rule, once per process (building the engine loads harper-core's dictionary). But one:
/// harper-core 3.0's `RedundantAcronyms` (off by default) checks "GOP" against a capitalised word, which
/// its own debug assertion forbids, so a debug build panics on any text with "gop"; release builds
/// compile the assertion out and read it fine.
fn engine() -> &'static Engine {
    static E: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    E.get_or_init(|| {
        Engine::new(&Settings {
            levels: vec![
                ("*".into(), Level::On),
                ("grammar.redundant-acronyms".into(), Level::Off),
            ],
            ..Settings::default()
        })
        .expect("engine")
    })
}

proptest! {
    #![proptest_config(cases(300))]

    /// Every rule on, on any document: no panic, every finding lies on whole characters, and no fix
    /// reaches into code, an address, a tag or front matter (a finding whose words run across a link's
    /// markup is shown over it, without a fix).
    #[test]
    fn every_rule_on_any_document_finds_only_within_prose((doc, closed) in document(), noise in text()) {
        let doc = format!("{doc}{noise}");
        let findings = engine().check(
            &[Doc { path: "a.md".into(), text: doc.clone(), lines: Lines::All }],
            &[],
        );
        for f in &findings {
            prop_assert!(f.start <= f.end && f.end <= doc.len());
            prop_assert!(doc.is_char_boundary(f.start) && doc.is_char_boundary(f.end));
            if f.start < f.end && !f.replacements.is_empty() {
                                for c in &closed {
                    // A misspelt part of a name in inline code is fixed inside the backticks only.
                    let inside_code = f.rule == "spelling.known-typo"
                        && doc[c.clone()].starts_with('`')
                        && c.start < f.start
                        && f.end < c.end;
                    prop_assert!(
                        f.end <= c.start || c.end <= f.start || f.rule.starts_with("links.") || inside_code,
                        "{} at {:?} ({:?}) inside {:?}", f.rule, f.start..f.end, &doc[f.start..f.end], &doc[c.clone()]
                    );
                }
            }
        }
    }

    /// Files people hand docreview are parsed without a panic or a hang, whatever their bytes; a
    /// refusal says what is wrong.
    #[test]
    fn config_guideline_vale_and_suggestion_files_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let started = std::time::Instant::now();
        let text = String::from_utf8_lossy(&bytes);
        if let Err(e) = docreview::config::Config::parse(std::path::Path::new(".docreview.toml"), &text) {
            prop_assert!(!e.to_string().is_empty());
        }
        let _ = docreview::core::rules::guideline::parse("guide.md", &text, None);
        if let Err(e) = docreview::core::rules::vale::ini::parse(".vale.ini", &text) {
            prop_assert!(!e.to_string().is_empty());
        }
        if let Err(e) = docreview::core::suggestions::parse(&text) {
            prop_assert!(!e.message.is_empty());
        }
        let _ = markdown::extract(&text);
        // A few hundred bytes take microseconds; a second (in a debug build, on a busy machine) can
        // only mean a parse that loops or backtracks.
        prop_assert!(started.elapsed() < std::time::Duration::from_secs(1), "{:?}", started.elapsed());
    }
}
