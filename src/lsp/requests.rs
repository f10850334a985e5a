//! The requests the server answers: quick fixes, hovers, pulled diagnostics and its commands.

use super::*;

impl Server {
    pub(super) fn code_actions(&self, p: CodeActionAt) -> serde_json::Value {
        let uri = p.text_document.uri;
        let Some(open) = self.docs.get(&uri) else {
            return serde_json::Value::Null;
        };
        // Fixes are made against the text they were found in; a request about a newer text waits
        // for its findings (the client asks again).
        if open.checked != Some(open.text.version) {
            return serde_json::json!([]);
        }
        let span =
            open.text.offset(p.range.start, self.enc)..open.text.offset(p.range.end, self.enc);
        let mdx = open.path.ends_with(".mdx");
        let shown = self.shown(open);
        let only = p.context.and_then(|c| c.only);
        // Asked for the file's fixes only ("fix all" on save): they do not depend on the range.
        let span = if only
            .as_ref()
            .is_some_and(|o| o.iter().all(|k| k.as_str().starts_with("source")))
        {
            0..open.text.text.len()
        } else {
            span
        };
        let mut all = actions::code_actions(&uri, &open.text, &shown, span, self.enc, mdx);
        if let Some(only) = only {
            // A kind asked for covers its sub-kinds (`source` covers `source.fixAll`).
            all.retain(|a| {
                let lsp_types::CodeActionOrCommand::CodeAction(a) = a else {
                    return false;
                };
                let kind = a.kind.as_ref().map_or("", |k| k.as_str());
                only.iter()
                    .any(|o| kind == o.as_str() || kind.starts_with(&format!("{}.", o.as_str())))
            });
        }
        serde_json::to_value(all).unwrap_or_default()
    }

    pub(super) fn hover(&self, p: HoverParams) -> serde_json::Value {
        let at = &p.text_document_position_params;
        let Some(open) = self.docs.get(&at.text_document.uri) else {
            return serde_json::Value::Null;
        };
        if open.checked != Some(open.text.version) {
            return serde_json::Value::Null;
        }
        let offset = open.text.offset(at.position, self.enc);
        let shown = self.shown(open);
        let Some(f) = shown.iter().find(|f| f.start <= offset && offset <= f.end) else {
            return serde_json::Value::Null;
        };
        let hover = Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: actions::hover(f, &self.ws.engine),
            }),
            range: Some(open.text.range(f.start..f.end, self.enc)),
        };
        serde_json::to_value(hover).unwrap_or_default()
    }

    /// `textDocument/diagnostic`: what is known of the document now.
    pub(super) fn pull(&self, p: DocumentDiagnosticParams) -> serde_json::Value {
        let report = DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
            RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: None,
                    items: self.diagnostics(&p.text_document.uri),
                },
            },
        ));
        serde_json::to_value(report).unwrap_or_default()
    }

    pub(super) fn execute(
        &mut self,
        p: ExecuteCommandParams,
    ) -> Result<serde_json::Value, (lsp_server::ErrorCode, String)> {
        let bad = |m: String| (lsp_server::ErrorCode::InvalidParams, m);
        let arg = p
            .arguments
            .first()
            .and_then(|a| a.as_str())
            .unwrap_or("")
            .to_owned();
        let outcome = match p.command.as_str() {
            actions::ADD_WORD => {
                if arg.is_empty() || arg.chars().any(char::is_whitespace) {
                    return Err(bad(format!("{}: one word, not {arg:?}", actions::ADD_WORD)));
                }
                crate::io::vocabulary::add(&self.ws.vocabulary, &[arg])
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }
            actions::DISABLE_RULE => {
                if !self.ws.engine.rules().iter().any(|r| r.info.id == arg) {
                    return Err(bad(format!(
                        "{}: no rule is called {arg:?}",
                        actions::DISABLE_RULE
                    )));
                }
                let path = self
                    .ws
                    .config
                    .path
                    .clone()
                    .unwrap_or_else(|| self.ws.root.join(crate::config::FILE_NAME));
                crate::config::disable_rule(&path, &arg)
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }
            other => {
                return Err((
                    lsp_server::ErrorCode::MethodNotFound,
                    format!("docreview has no command {other}"),
                ));
            }
        };
        match outcome {
            Ok(()) => {
                self.reload();
                Ok(serde_json::Value::Null)
            }
            Err(problem) => {
                self.show_error(&problem);
                Err((lsp_server::ErrorCode::RequestFailed, problem))
            }
        }
    }
}

pub(super) fn parse<P: serde::de::DeserializeOwned>(
    req: Request,
) -> Result<P, (lsp_server::ErrorCode, String)> {
    serde_json::from_value(req.params).map_err(|e| {
        (
            lsp_server::ErrorCode::InvalidParams,
            format!("bad parameters for {}: {e}", req.method),
        )
    })
}

/// What a code action request is about.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CodeActionAt {
    text_document: lsp_types::TextDocumentIdentifier,
    range: lsp_types::Range,
    #[serde(default)]
    context: Option<OnlyKinds>,
}

/// The kinds of action a client asks for (all when it names none).
#[derive(serde::Deserialize, Default)]
struct OnlyKinds {
    #[serde(default)]
    only: Option<Vec<lsp_types::CodeActionKind>>,
}
