//! `docreview lsp`: the same engine as a language server over stdio. The editor's open Markdown and
//! MDX docs are checked as they change (fast rules at once, harper's when done), each finding is a
//! diagnostic with its fixes as quick fixes, and the team's files (`.docreview.toml`, vocabulary,
//! baseline, `.vale.ini`) are read again when they change.

mod actions;
mod requests;
mod settings;
mod text;
pub mod transport;
mod worker;
mod workspace;

use requests::{CodeActionAt, parse};
use settings::Options;
use workspace::{Workspace, poll_team_files};

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
    /// Whether the client answers `workspace/configuration`, and how many times it was asked.
    asks_config: bool,
    config_asked: u32,
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
    let (options, bad_options) = match params.initialization_options.as_ref().map(Options::read) {
        Some(Ok(options)) => (options, None),
        Some(Err(problem)) => (Options::default(), Some(problem)),
        None => (Options::default(), None),
    };
    let (ws, broken) = match Workspace::load(&root, env, &options) {
        Ok(ws) => (ws, None),
        Err(e) => {
            let fallback = Workspace {
                root: root.clone(),
                env: env.clone(),
                config: Config::default(),
                engine: Arc::new(crate::session::build_engine(&Config::default(), &[])?),
                baseline: Baseline::default(),
                vocabulary: crate::session::vocabulary_path(None, env),
                git_dir: None,
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
    let git_dir = ws.git_dir.clone().filter(|_| !env.no_cache);
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
        asks_config: params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.configuration)
            .unwrap_or(false),
        config_asked: 0,
    };
    if let Some(problem) = server.broken.clone() {
        server.show_error(&problem);
    }
    if let Some(problem) = bad_options {
        server.show(lsp_types::MessageType::WARNING, &problem);
    }
    server.warn_unknown_rules();
    server.ask_config();
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
                        Message::Response(r) => self.response(r),
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
        self.show(lsp_types::MessageType::ERROR, problem);
    }

    fn show(&self, typ: lsp_types::MessageType, message: &str) {
        let message = if message.starts_with("docreview") {
            message.to_owned()
        } else {
            format!("docreview: {message}")
        };
        self.send(Notification::new(
            lsp_types::notification::ShowMessage::METHOD.into(),
            lsp_types::ShowMessageParams { typ, message },
        ));
    }

    /// Asks a client that can answer `workspace/configuration` for the `docreview` section.
    fn ask_config(&mut self) {
        if !self.asks_config {
            return;
        }
        self.config_asked += 1;
        let params = lsp_types::ConfigurationParams {
            items: vec![lsp_types::ConfigurationItem {
                scope_uri: Url::from_directory_path(&self.ws.root).ok(),
                section: Some("docreview".into()),
            }],
        };
        self.send(Request::new(
            RequestId::from(format!("docreview-config-{}", self.config_asked)),
            lsp_types::request::WorkspaceConfiguration::METHOD.into(),
            params,
        ));
    }

    /// A client's answer to one of our requests: only the latest `workspace/configuration` matters.
    fn response(&mut self, r: Response) {
        let latest = RequestId::from(format!("docreview-config-{}", self.config_asked));
        if r.id != latest {
            return;
        }
        // An error, or nothing for our section (`[null]`, `[]`): the settings stay as they are
        // (passed in `initializationOptions`, say).
        let Some(section) = r
            .response_result
            .as_ref()
            .ok()
            .and_then(|v| v.as_array())
            .and_then(|items| items.first())
            .filter(|v| !v.is_null())
            .cloned()
        else {
            return;
        };
        match Options::read(&section) {
            Ok(options) => self.set_options(options),
            Err(problem) => self.show(lsp_types::MessageType::WARNING, &problem),
        }
    }

    /// New settings from the client: the rules built again when their levels changed, the
    /// diagnostics shown again in any case.
    fn set_options(&mut self, options: Options) {
        let rules_changed = options.rules != self.options.rules;
        self.options = options;
        if rules_changed {
            self.reload();
            self.warn_unknown_rules();
        } else {
            self.republish();
        }
    }

    /// Names the rules of the editor's settings that no rule matches (a typo turns nothing on).
    fn warn_unknown_rules(&self) {
        let unknown = self
            .ws
            .engine
            .unknown_patterns(self.options.rules.keys().map(String::as_str));
        if let Some(first) = unknown.first() {
            self.show(
                lsp_types::MessageType::WARNING,
                &format!("docreview: the settings name rule \"{first}\", which does not exist (`docreview rules` lists them)"),
            );
        }
    }

    /// Asks the client to tell us when the team's files change (where it can).
    fn watch_files(&self) {
        let watchers: Vec<serde_json::Value> = workspace::TEAM_FILES
            .iter()
            .map(|f| serde_json::json!({ "globPattern": format!("**/{f}") }))
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
                match settings::pushed(&n.params).map(Options::read) {
                    Some(Ok(options)) => {
                        // Newer than any answer still on its way.
                        self.config_asked += 1;
                        self.set_options(options);
                    }
                    Some(Err(problem)) => self.show(lsp_types::MessageType::WARNING, &problem),
                    // Nothing pushed: a client that answers `workspace/configuration` expects to be asked.
                    None => self.ask_config(),
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
        match Workspace::load(&self.ws.root, &self.ws.env, &self.options) {
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
}
