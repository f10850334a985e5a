//! Findings as the editor shows them: diagnostics, quick fixes and hovers.

use super::text::{Encoding, Text};
use crate::core::engine::Engine;
use crate::core::finding::{Finding, Safety, Severity};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Command, Diagnostic,
    DiagnosticRelatedInformation, DiagnosticSeverity, DocumentChanges, Location, NumberOrString,
    OneOf, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, TextEdit, Url, WorkspaceEdit,
};

/// The command that adds a word to the team vocabulary (`.docreview/vocabulary.txt`).
pub const ADD_WORD: &str = "docreview.addToVocabulary";
/// The command that turns a rule off in the repository's `.docreview.toml`.
pub const DISABLE_RULE: &str = "docreview.disableRule";

pub fn diagnostic(
    uri: &Url,
    f: &Finding,
    text: &Text,
    enc: Encoding,
    engine: &Engine,
) -> Diagnostic {
    let severity = match f.severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Suggestion => DiagnosticSeverity::INFORMATION,
    };
    let fix = f
        .replacements
        .first()
        .map(|r| format!(" → {}", crate::core::finding::visible(r)))
        .unwrap_or_default();
    let range = text.range(f.start..f.end, enc);
    // The rule's reason, one line, where the editor shows more about a diagnostic.
    let info = engine
        .rules()
        .iter()
        .find(|r| r.info.id == f.rule)
        .map(|r| &r.info);
    let why = info.map(|i| i.summary.clone()).filter(|s| !s.is_empty());
    // Where the rule is explained at length (a Vale rule's `link`): editors make the code a link.
    let code_description = info
        .and_then(|i| i.link.as_deref())
        .and_then(|l| Url::parse(l).ok())
        .map(|href| lsp_types::CodeDescription { href });
    Diagnostic {
        range,
        severity: Some(severity),
        code: Some(NumberOrString::String(f.rule.clone())),
        code_description,
        source: Some("docreview".into()),
        message: format!("{}{fix}", f.message),
        related_information: why.map(|message| {
            vec![DiagnosticRelatedInformation {
                location: Location::new(uri.clone(), range),
                message,
            }]
        }),
        ..Diagnostic::default()
    }
}

/// The quick fixes for the findings that touch `span` (byte offsets) in a document at `version`:
/// each replacement of each finding, the file's safe fixes at once, a word for the vocabulary, the
/// rule silenced on that line or turned off for the repository.
pub fn code_actions(
    uri: &Url,
    text: &Text,
    findings: &[Finding],
    span: std::ops::Range<usize>,
    enc: Encoding,
    mdx: bool,
) -> Vec<CodeActionOrCommand> {
    let edit = |edits: Vec<TextEdit>| WorkspaceEdit {
        document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier {
                uri: uri.clone(),
                version: Some(text.version),
            },
            edits: edits.into_iter().map(OneOf::Left).collect(),
        }])),
        ..WorkspaceEdit::default()
    };
    let touching: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.start <= span.end && span.start <= f.end)
        .collect();
    let mut out = Vec::new();
    for f in &touching {
        for (i, r) in f.replacements.iter().take(9).enumerate() {
            let title = if r.is_empty() {
                format!("Delete “{}” ({})", f.text, f.rule)
            } else {
                format!(
                    "Replace with “{}” ({})",
                    crate::core::finding::visible(r),
                    f.rule
                )
            };
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                is_preferred: Some(i == 0),
                edit: Some(edit(vec![TextEdit {
                    range: text.range(f.start..f.end, enc),
                    new_text: r.clone(),
                }])),
                ..CodeAction::default()
            }));
        }
    }
    let safe = safe_edits(text, findings, enc);
    if !safe.is_empty() && !touching.is_empty() {
        out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("Fix all safe findings in this file ({})", safe.len()),
            kind: Some(CodeActionKind::SOURCE_FIX_ALL),
            edit: Some(edit(safe)),
            ..CodeAction::default()
        }));
    }
    let blocks = if touching.is_empty() {
        Vec::new()
    } else {
        code_and_tables(&text.text)
    };
    let mut rules_seen = Vec::new();
    for f in &touching {
        if f.rule.starts_with("spelling.") && !f.text.trim().is_empty() {
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Add “{}” to the team vocabulary", f.text),
                kind: Some(CodeActionKind::QUICKFIX),
                command: Some(Command {
                    title: "Add to vocabulary".into(),
                    command: ADD_WORD.into(),
                    arguments: Some(vec![serde_json::Value::String(f.text.clone())]),
                }),
                ..CodeAction::default()
            }));
        }
        if rules_seen.contains(&f.rule) {
            continue;
        }
        rules_seen.push(f.rule.clone());
        let comment = if mdx {
            format!(" {{/* docreview-disable-line {} */}}", f.rule)
        } else {
            format!(" <!-- docreview-disable-line {} -->", f.rule)
        };
        if let Some(at) = comment_place(&text.text, text.line_around(f.start), &blocks) {
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Disable {} for this line", f.rule),
                kind: Some(CodeActionKind::QUICKFIX),
                edit: Some(edit(vec![TextEdit {
                    range: text.range(at..at, enc),
                    new_text: comment,
                }])),
                ..CodeAction::default()
            }));
        }
        out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("Turn {} off in .docreview.toml", f.rule),
            kind: Some(CodeActionKind::QUICKFIX),
            command: Some(Command {
                title: "Turn the rule off".into(),
                command: DISABLE_RULE.into(),
                arguments: Some(vec![serde_json::Value::String(f.rule.clone())]),
            }),
            ..CodeAction::default()
        }));
    }
    out
}

/// The byte ranges of code blocks, tables, front matter and HTML blocks: a comment there would show in
/// the code sample, not silence the row, or break the YAML. Parsed as the engine parses (its dialect,
/// after a BOM).
fn code_and_tables(text: &str) -> Vec<std::ops::Range<usize>> {
    use pulldown_cmark::{Event, Parser, Tag};
    let base = if text.starts_with('\u{feff}') { 3 } else { 0 };
    Parser::new_ext(&text[base..], crate::core::markdown::options())
        .into_offset_iter()
        .filter_map(|(e, r)| match e {
            Event::Start(
                Tag::CodeBlock(_) | Tag::Table(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock,
            ) => Some(r.start + base..r.end + base),
            _ => None,
        })
        .collect()
}

/// Where an end-of-line comment may go on `line` without changing how it renders: before a hard
/// break's trailing spaces or backslash and before a heading's closing `#`s; `None` inside a code
/// block or a table.
fn comment_place(
    text: &str,
    line: std::ops::Range<usize>,
    blocks: &[std::ops::Range<usize>],
) -> Option<usize> {
    if blocks
        .iter()
        .any(|b| b.start <= line.start && line.start < b.end.max(b.start + 1))
    {
        return None;
    }
    let content = &text[line.clone()];
    let mut end = content.trim_end_matches([' ', '\t']).len();
    let trailing = content.len() - end;
    if content.trim_start().starts_with('#') {
        // `## Title ##`: the closing sequence is not part of the title.
        let body = &content[..end];
        let hashes = body.len() - body.trim_end_matches('#').len();
        if hashes > 0 && body[..body.len() - hashes].ends_with([' ', '\t']) {
            end = body[..body.len() - hashes]
                .trim_end_matches([' ', '\t'])
                .len();
        }
    } else if content[..end].ends_with('\\') {
        end -= 1;
    } else if trailing < 2 {
        end = content.len();
    }
    Some(line.start + end)
}

/// A rule's explanation (plain text, examples indented by two spaces) as Markdown an editor renders
/// the same: the examples fenced, and comment markers shown rather than taken for HTML.
fn as_markdown(explain: &str) -> String {
    let mut out = String::with_capacity(explain.len() + 16);
    let mut fenced = false;
    // Blank lines wait until the next line says whether they belong to an example or to the text.
    let mut blanks = 0;
    for line in explain.lines() {
        if line.trim().is_empty() {
            blanks += 1;
            continue;
        }
        match line.strip_prefix("  ") {
            Some(code) => {
                out.push_str(&"\n".repeat(blanks));
                if !fenced {
                    out.push_str("```\n");
                    fenced = true;
                }
                out.push_str(code);
            }
            None => {
                if fenced {
                    out.push_str("```\n");
                    fenced = false;
                }
                out.push_str(&"\n".repeat(blanks));
                out.push_str(&line.replace("<!--", "\\<!--"));
            }
        }
        blanks = 0;
        out.push('\n');
    }
    if fenced {
        out.push_str("```\n");
    }
    out.trim_end().to_owned()
}

/// Every safe fix of the file, first replacement, no two overlapping (findings come sorted).
fn safe_edits(text: &Text, findings: &[Finding], enc: Encoding) -> Vec<TextEdit> {
    let mut edits = Vec::new();
    let mut end = 0;
    for f in findings {
        let Some(r) = f.replacements.first() else {
            continue;
        };
        if f.safety != Safety::Safe || f.start < end {
            continue;
        }
        end = f.end.max(f.start + 1);
        edits.push(TextEdit {
            range: text.range(f.start..f.end, enc),
            new_text: r.clone(),
        });
    }
    edits
}

/// What a hover over a finding says: its message, the rule's explanation and measured precision.
pub fn hover(f: &Finding, engine: &Engine) -> String {
    let mut s = format!("**{}**: {}", f.rule, f.message);
    if let Some(r) = engine.rules().iter().find(|r| r.info.id == f.rule) {
        s.push_str("\n\n");
        s.push_str(&as_markdown(&r.info.explain));
        if let Some(m) = crate::core::rules::precision::measured(&f.rule) {
            s.push_str("\n\n");
            s.push_str(&m.sentence());
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(actions: &[CodeActionOrCommand]) -> Vec<String> {
        actions
            .iter()
            .map(|a| match a {
                CodeActionOrCommand::CodeAction(a) => a.title.clone(),
                CodeActionOrCommand::Command(c) => c.title.clone(),
            })
            .collect()
    }

    #[test]
    fn an_explanation_shows_its_examples_as_code_and_its_comments_as_text() {
        let explain =
            "Add names:\n\n  [terms]\n  oneDNN = [\"ONEDNN\"]\n\nOr <!-- docreview-disable x -->.";
        assert_eq!(
            as_markdown(explain),
            "Add names:\n\n```\n[terms]\noneDNN = [\"ONEDNN\"]\n```\n\nOr \\<!-- docreview-disable x -->."
        );
    }

    #[test]
    fn a_line_is_silenced_where_the_comment_changes_nothing_rendered() {
        let doc = "---\ntitle: On Github\n---\nHard break on Github  \nBackslash on Github\\\n## Using Github ##\nPlain Github\n\n\
                   ```python\n# from Github\n```\n\n| Github | host |\n|---|---|\n| a | b |\n";
        let blocks = code_and_tables(doc);
        let place = |needle: &str| {
            let at = doc.find(needle).expect("needle");
            let line_end = at + doc[at..].find('\n').expect("line end");
            let line_start = doc[..at].rfind('\n').map_or(0, |i| i + 1);
            comment_place(doc, line_start..line_end, &blocks).map(|p| {
                let mut s = doc[line_start..line_end].to_owned();
                s.insert_str(p - line_start, " <!-- x -->");
                s
            })
        };
        // Front matter is YAML: a comment would break it.
        assert_eq!(place("title: On").as_deref(), None);
        assert_eq!(
            place("Hard break").as_deref(),
            Some("Hard break on Github <!-- x -->  ")
        );
        assert_eq!(
            place("Backslash").as_deref(),
            Some("Backslash on Github <!-- x -->\\")
        );
        assert_eq!(
            place("## Using").as_deref(),
            Some("## Using Github <!-- x --> ##")
        );
        assert_eq!(place("Plain").as_deref(), Some("Plain Github <!-- x -->"));
        assert_eq!(place("# from Github"), None, "never inside a code block");
        assert_eq!(place("| Github |"), None, "never in a table row");
    }

    #[test]
    fn quick_fixes_name_the_version_and_fix_all_takes_only_safe_non_overlapping_fixes() {
        let doc = "Use ONEDNN and the the end.\n";
        let text = Text::new(doc.into(), 7);
        let uri = Url::parse("file:///w/a.md").expect("uri");
        let mut review = Finding::example("a.md", doc, "and the", 0, "grammar.x", &["and"]);
        review.safety = Safety::Review;
        let findings = vec![
            Finding::example(
                "a.md",
                doc,
                "ONEDNN",
                0,
                "terminology.canonical",
                &["oneDNN"],
            ),
            review,
            Finding::example("a.md", doc, "the the", 0, "grammar.repeated-word", &["the"]),
        ];
        let at = doc.find("ONEDNN").expect("at");
        let actions = code_actions(&uri, &text, &findings, at..at, Encoding::Utf16, false);
        assert_eq!(
            titles(&actions),
            [
                "Replace with “oneDNN” (terminology.canonical)",
                "Fix all safe findings in this file (2)",
                "Disable terminology.canonical for this line",
                "Turn terminology.canonical off in .docreview.toml",
            ]
        );
        let CodeActionOrCommand::CodeAction(first) = &actions[0] else {
            panic!("a code action");
        };
        let Some(DocumentChanges::Edits(edits)) =
            first.edit.as_ref().and_then(|e| e.document_changes.clone())
        else {
            panic!("document changes");
        };
        assert_eq!(edits[0].text_document.version, Some(7));
        // Silencing a line in MDX uses MDX's comment form, at the end of the line.
        let mdx = code_actions(&uri, &text, &findings, at..at, Encoding::Utf16, true);
        let CodeActionOrCommand::CodeAction(silence) = &mdx[2] else {
            panic!("a code action");
        };
        let Some(DocumentChanges::Edits(edits)) = silence
            .edit
            .as_ref()
            .and_then(|e| e.document_changes.clone())
        else {
            panic!("document changes");
        };
        let OneOf::Left(edit) = &edits[0].edits[0] else {
            panic!("a text edit");
        };
        assert_eq!(
            edit.new_text,
            " {/* docreview-disable-line terminology.canonical */}"
        );
        assert_eq!(edit.range.start, lsp_types::Position::new(0, 27));
    }
}
