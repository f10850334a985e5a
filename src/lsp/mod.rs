//! `docreview lsp`: the same engine as a language server over stdio. The editor's open Markdown and
//! MDX docs are checked as they change (fast rules at once, harper's when done), each finding is a
//! diagnostic with its fixes as quick fixes, and the team's files (`.docreview.toml`, vocabulary,
//! baseline, `.vale.ini`) are read again when they change.

mod actions;
mod text;
mod worker;

use crate::config::Config;
use crate::core::baseline::Baseline;
use crate::core::engine::Engine;
use crate::core::finding::{Finding, Severity};
use crate::session::{Env, Error};
use crossbeam_channel::{Receiver, Sender, select};
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DocumentDiagnosticParams, DocumentDiagnosticReport, DocumentDiagnosticReportResult,
    ExecuteCommandParams, FullDocumentDiagnosticReport, Hover, HoverContents, HoverParams,
    InitializeParams, MarkupContent, MarkupKind, PositionEncodingKind, PublishDiagnosticsParams,
    RelatedFullDocumentDiagnosticReport, Url,
};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use text::{Encoding, Text};

/// Settings a client may pass in `initializationOptions` (or later through
/// `workspace/didChangeConfiguration`, under a `docreview` key).
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// Findings below this level are not shown (`suggestion`, `warning`, `error`).
    pub min_severity: Option<Severity>,
    /// Rule ids or globs (`spelling.*`) whose findings are not shown.
    pub disabled_rules: Vec<String>,
}

/// What the server knows of the workspace.
struct Workspace {
    root: PathBuf,
    env: Env,
    config: Config,
    engine: Arc<Engine>,
    baseline: Baseline,
}

impl Workspace {
    /// Every doc of the repository the config includes (file, path from the root); none outside a
    /// repository.
    fn docs(&self) -> Vec<(PathBuf, String)> {
        let Some(repo) = crate::io::repo::Repo::discover(&self.root).ok().flatten() else {
            return Vec::new();
        };
        let files = &self.config.files;
        let is_doc = |rel: &str| files.is_doc(rel);
        let mut notices = Vec::new();
        repo.targets(&crate::io::repo::Scope::All, &is_doc, &mut notices)
            .map(|targets| {
                targets
                    .into_iter()
                    .map(|t| (self.root.join(&t.rel), t.rel))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn load(root: &Path, env: &Env) -> Result<Workspace, Error> {
        let env = Env {
            cwd: root.to_owned(),
            ..env.clone()
        };
        let repo = crate::io::repo::Repo::discover(&env.cwd).ok().flatten();
        let config = crate::session::load_config(None, &[], None, &env, repo.as_ref())?;
        let engine = Arc::new(crate::session::build_engine(&config, &[])?);
        let baseline_path = crate::session::baseline_path(repo.as_ref(), &env);
        let baseline = crate::io::baseline::load(&baseline_path).unwrap_or_default();
        Ok(Workspace {
            root: repo.map_or(env.cwd.clone(), |r| r.root().to_owned()),
            env,
            config,
            engine,
            baseline,
        })
    }
}

/// One open document and what is known of it.
struct Open {
    text: Text,
    /// Path relative to the workspace root, `/`-separated (as the baseline names files).
    path: String,
    /// Findings of `text` at `checked` (possibly the fast stage only).
    findings: Vec<Finding>,
    checked: Option<i32>,
}

struct Server {
    conn: Connection,
    ws: Workspace,
    options: Options,
    enc: Encoding,
    docs: HashMap<Url, Open>,
    jobs: Sender<worker::Job>,
    results: Receiver<worker::Checked>,
    /// Where the first load failed (a broken config): shown once, and no diagnostics until fixed.
    broken: Option<String>,
    /// Word that the team's files changed, from our own watcher (when the client cannot watch).
    changed: Option<Receiver<()>>,
}

/// The team's files under `root`, looked at every second: a message each time one of them changes
/// (for clients that cannot watch files for a server). Ends with the server.
fn poll_team_files(root: &Path) -> Receiver<()> {
    let files: Vec<PathBuf> = [
        crate::config::FILE_NAME,
        ".docreview/vocabulary.txt",
        crate::session::BASELINE_FILE,
        ".vale.ini",
        "_vale.ini",
    ]
    .iter()
    .map(|f| root.join(f))
    .collect();
    let stamp = move || -> Vec<Option<(std::time::SystemTime, u64)>> {
        files
            .iter()
            .map(|f| {
                let m = std::fs::metadata(f).ok()?;
                Some((m.modified().ok()?, m.len()))
            })
            .collect()
    };
    let (tx, rx) = crossbeam_channel::bounded(1);
    let spawned = std::thread::Builder::new()
        .name("docreview-lsp-watch".into())
        .spawn(move || {
            let mut last = stamp();
            loop {
                std::thread::sleep(std::time::Duration::from_secs(1));
                let now = stamp();
                if now != last {
                    last = now;
                    // Full means a reload is already due: one is enough.
                    if let Err(crossbeam_channel::TrySendError::Disconnected(())) = tx.try_send(())
                    {
                        return;
                    }
                }
            }
        });
    if let Err(e) = spawned {
        eprintln!("docreview lsp: cannot watch the team's files: {e}");
    }
    rx
}

/// Serves one client over `conn` until it says `exit`. `Ok(true)` when it asked to shut down first.
pub fn serve(conn: Connection, env: &Env) -> Result<bool, Error> {
    let (id, params) = conn.initialize_start().map_err(protocol)?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let root = root_of(&params).unwrap_or_else(|| env.cwd.clone());
    let utf8 = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
    let enc = if utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let options: Options = params
        .initialization_options
        .clone()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    let (ws, broken) = match Workspace::load(&root, env) {
        Ok(ws) => (ws, None),
        Err(e) => {
            let fallback = Workspace {
                root: root.clone(),
                env: env.clone(),
                config: Config::default(),
                engine: Arc::new(crate::session::build_engine(&Config::default(), &[])?),
                baseline: Baseline::default(),
            };
            (fallback, Some(e.to_string()))
        }
    };
    let result = serde_json::json!({
        "capabilities": capabilities(enc),
        "serverInfo": { "name": "docreview", "version": env!("CARGO_PKG_VERSION") },
    });
    conn.initialize_finish(id, result).map_err(protocol)?;
    let (jobs, job_rx) = crossbeam_channel::unbounded();
    let (result_tx, results) = crossbeam_channel::unbounded();
    let git_dir = (!env.no_cache)
        .then(|| crate::io::repo::Repo::discover(&ws.root).ok().flatten())
        .flatten()
        .map(|r| r.git_dir().to_owned());
    worker::start(ws.engine.clone(), ws.docs(), git_dir, job_rx, result_tx);
    let mut server = Server {
        conn,
        ws,
        options,
        enc,
        docs: HashMap::new(),
        jobs,
        results,
        broken,
        changed: None,
    };
    if let Some(problem) = server.broken.clone() {
        server.show_error(&problem);
    }
    let client_watches = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    if client_watches {
        server.watch_files();
    } else {
        server.changed = Some(poll_team_files(&server.ws.root));
    }
    server.main_loop()
}

fn protocol(e: lsp_server::ProtocolError) -> Error {
    Error::Usage(format!("language server protocol: {e}"))
}

fn root_of(params: &InitializeParams) -> Option<PathBuf> {
    if let Some(folder) = params.workspace_folders.as_ref().and_then(|f| f.first()) {
        return folder.uri.to_file_path().ok();
    }
    #[allow(deprecated)]
    params.root_uri.as_ref().and_then(|u| u.to_file_path().ok())
}

fn capabilities(enc: Encoding) -> serde_json::Value {
    serde_json::json!({
        "positionEncoding": if enc == Encoding::Utf8 { "utf-8" } else { "utf-16" },
        "textDocumentSync": { "openClose": true, "change": 2, "save": false },
        "codeActionProvider": { "codeActionKinds": ["quickfix", "source.fixAll"] },
        "hoverProvider": true,
        "diagnosticProvider": { "interFileDependencies": false, "workspaceDiagnostics": false },
        "executeCommandProvider": { "commands": [actions::ADD_WORD, actions::DISABLE_RULE] },
    })
}

impl Server {
    fn main_loop(&mut self) -> Result<bool, Error> {
        let mut shut_down = false;
        loop {
            let results = self.results.clone();
            let receiver = self.conn.receiver.clone();
            let changed = self
                .changed
                .clone()
                .unwrap_or_else(crossbeam_channel::never);
            select! {
                recv(changed) -> _ => self.reload(),
                recv(receiver) -> msg => {
                    let Ok(msg) = msg else { return Ok(false) };
                    match msg {
                        // After `shutdown`, only `exit` is expected; other requests are refused,
                        // other messages (a late close, a cancellation) are let pass.
                        Message::Request(req) if req.method == lsp_types::request::Shutdown::METHOD => {
                            shut_down = true;
                            self.send(Response::new_ok(req.id, ()));
                        }
                        Message::Request(req) if shut_down => self.send(Response::new_err(
                            req.id,
                            lsp_server::ErrorCode::InvalidRequest as i32,
                            "the server is shutting down".into(),
                        )),
                        Message::Request(req) => self.request(req),
                        Message::Notification(n) if n.method == lsp_types::notification::Exit::METHOD => {
                            return Ok(shut_down);
                        }
                        Message::Notification(_) if shut_down => {}
                        Message::Notification(n) => self.notification(n),
                        Message::Response(_) => {}
                    }
                }
                recv(results) -> checked => {
                    if let Ok(checked) = checked {
                        self.checked(checked);
                    }
                }
            }
        }
    }

    fn send(&self, msg: impl Into<Message>) {
        // A closed connection ends the loop on the next receive.
        let _ = self.conn.sender.send(msg.into());
    }

    fn show_error(&self, problem: &str) {
        self.send(Notification::new(
            lsp_types::notification::ShowMessage::METHOD.into(),
            lsp_types::ShowMessageParams {
                typ: lsp_types::MessageType::ERROR,
                message: format!("docreview: {problem}"),
            },
        ));
    }

    /// Asks the client to tell us when the team's files change (where it can).
    fn watch_files(&self) {
        let globs = [
            "**/.docreview.toml",
            "**/.docreview/vocabulary.txt",
            "**/.docreview-baseline.json",
            "**/.vale.ini",
            "**/_vale.ini",
        ];
        let watchers: Vec<serde_json::Value> = globs
            .iter()
            .map(|g| serde_json::json!({ "globPattern": g }))
            .collect();
        let register = lsp_types::RegistrationParams {
            registrations: vec![lsp_types::Registration {
                id: "docreview-files".into(),
                method: lsp_types::notification::DidChangeWatchedFiles::METHOD.into(),
                register_options: Some(serde_json::json!({ "watchers": watchers })),
            }],
        };
        self.send(Request::new(
            RequestId::from("docreview-watch".to_owned()),
            lsp_types::request::RegisterCapability::METHOD.into(),
            register,
        ));
    }

    fn request(&mut self, req: Request) {
        use lsp_types::request::{
            CodeActionRequest, DocumentDiagnosticRequest, ExecuteCommand, HoverRequest,
        };
        let id = req.id.clone();
        let reply = match req.method.as_str() {
            // Only the document and range are read: a client's context (its copies of our
            // diagnostics) is not needed, and need not be exact.
            CodeActionRequest::METHOD => parse::<CodeActionAt>(req).map(|p| self.code_actions(p)),
            HoverRequest::METHOD => parse::<HoverParams>(req).map(|p| self.hover(p)),
            DocumentDiagnosticRequest::METHOD => {
                parse::<DocumentDiagnosticParams>(req).map(|p| self.pull(p))
            }
            ExecuteCommand::METHOD => {
                parse::<ExecuteCommandParams>(req).and_then(|p| self.execute(p))
            }
            _ => Err((
                lsp_server::ErrorCode::MethodNotFound,
                format!("docreview does not answer {}", req.method),
            )),
        };
        let response = match reply {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.send(response);
    }

    fn notification(&mut self, n: Notification) {
        use lsp_types::notification::{
            DidChangeConfiguration, DidChangeTextDocument, DidChangeWatchedFiles,
            DidCloseTextDocument, DidOpenTextDocument,
        };
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    let d = p.text_document;
                    let Some(path) = self.doc_path(&d.uri) else {
                        return;
                    };
                    let open = Open {
                        text: Text::new(d.text, d.version),
                        path,
                        findings: Vec::new(),
                        checked: None,
                    };
                    self.docs.insert(d.uri.clone(), open);
                    self.check(&d.uri);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri;
                    let enc = self.enc;
                    if let Some(open) = self.docs.get_mut(&uri) {
                        open.text
                            .change(p.text_document.version, p.content_changes, enc);
                        self.check(&uri);
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params)
                    && let Some(open) = self.docs.remove(&p.text_document.uri)
                {
                    let _ = self.jobs.send(worker::Job::Closed { path: open.path });
                    self.publish(p.text_document.uri, Vec::new(), None);
                }
            }
            DidChangeWatchedFiles::METHOD => self.reload(),
            DidChangeConfiguration::METHOD => {
                let settings = n
                    .params
                    .get("settings")
                    .and_then(|s| s.get("docreview").or(Some(s)));
                if let Some(options) = settings.and_then(|s| serde_json::from_value(s.clone()).ok())
                {
                    self.options = options;
                    self.republish();
                }
            }
            _ => {}
        }
    }

    /// The document's path relative to the workspace root, if it is a doc the config includes.
    fn doc_path(&self, uri: &Url) -> Option<String> {
        let file = uri.to_file_path().ok()?;
        let rel = file.strip_prefix(&self.ws.root).ok().map(|p| {
            p.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/")
        });
        match rel {
            Some(rel) if self.ws.config.files.is_doc(&rel) => Some(rel),
            Some(_) => None,
            // Outside the workspace: Markdown and MDX by their extension.
            None => {
                let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
                ["md", "mdx", "markdown"]
                    .contains(&ext)
                    .then(|| file.display().to_string())
            }
        }
    }

    fn check(&self, uri: &Url) {
        if self.broken.is_some() {
            return;
        }
        if let Some(open) = self.docs.get(uri) {
            let _ = self.jobs.send(worker::Job::Check {
                uri: uri.to_string(),
                path: open.path.clone(),
                version: open.text.version,
                text: open.text.text.clone(),
            });
        }
    }

    fn checked(&mut self, c: worker::Checked) {
        let Ok(uri) = Url::parse(&c.uri) else { return };
        let Some(open) = self.docs.get_mut(&uri) else {
            return;
        };
        if open.text.version != c.version {
            return; // The text moved on; its own check is on the way.
        }
        open.findings = c.findings;
        open.checked = Some(c.version);
        let version = c.version;
        self.publish_open(&uri, Some(version));
    }

    /// The findings of an open document that are shown: not baselined, not below the minimum level,
    /// not of a rule the client turned off.
    fn shown(&self, open: &Open) -> Vec<Finding> {
        let floor = self.options.min_severity.unwrap_or(Severity::Suggestion);
        open.findings
            .iter()
            .filter(|f| f.severity >= floor)
            .filter(|f| {
                !self
                    .ws
                    .baseline
                    .contains(&open.path, &f.rule, &f.fingerprint)
            })
            .filter(|f| {
                !self
                    .options
                    .disabled_rules
                    .iter()
                    .any(|g| crate::core::markdown::rule_matches(g, &f.rule))
            })
            .cloned()
            .collect()
    }

    fn diagnostics(&self, uri: &Url) -> Vec<lsp_types::Diagnostic> {
        let Some(open) = self.docs.get(uri) else {
            return Vec::new();
        };
        self.shown(open)
            .iter()
            .map(|f| actions::diagnostic(uri, f, &open.text, self.enc, &self.ws.engine))
            .collect()
    }

    fn publish_open(&self, uri: &Url, version: Option<i32>) {
        self.publish(uri.clone(), self.diagnostics(uri), version);
    }

    fn publish(&self, uri: Url, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        self.send(Notification::new(
            lsp_types::notification::PublishDiagnostics::METHOD.into(),
            PublishDiagnosticsParams {
                uri,
                diagnostics,
                version,
            },
        ));
    }

    fn republish(&self) {
        for (uri, open) in &self.docs {
            self.publish_open(uri, open.checked);
        }
    }

    /// Reads the team's files again and checks every open document with the new rules.
    fn reload(&mut self) {
        match Workspace::load(&self.ws.root, &self.ws.env) {
            Ok(ws) => {
                self.ws = ws;
                self.broken = None;
                let _ = self
                    .jobs
                    .send(worker::Job::Engine(self.ws.engine.clone(), self.ws.docs()));
                let uris: Vec<Url> = self.docs.keys().cloned().collect();
                for uri in uris {
                    if let Some(path) = self.doc_path(&uri)
                        && let Some(open) = self.docs.get_mut(&uri)
                    {
                        open.path = path;
                    }
                    self.check(&uri);
                }
            }
            Err(e) => {
                let problem = e.to_string();
                if self.broken.as_deref() != Some(problem.as_str()) {
                    self.show_error(&problem);
                }
                self.broken = Some(problem);
            }
        }
    }

    fn code_actions(&self, p: CodeActionAt) -> serde_json::Value {
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

    fn hover(&self, p: HoverParams) -> serde_json::Value {
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
    fn pull(&self, p: DocumentDiagnosticParams) -> serde_json::Value {
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

    fn execute(
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
                let repo = crate::io::repo::Repo::discover(&self.ws.env.cwd)
                    .ok()
                    .flatten();
                let path = crate::session::vocabulary_path(repo.as_ref(), &self.ws.env);
                crate::io::vocabulary::add(&path, &[arg])
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

fn parse<P: serde::de::DeserializeOwned>(
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
struct CodeActionAt {
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
