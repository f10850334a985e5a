//! `docreview lsp` driven as an editor drives it: JSON-RPC over the real binary's standard input and
//! output, in a temporary repository.

use crate::util::*;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A language client talking to `docreview lsp`.
struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: mpsc::Receiver<Value>,
    /// Messages read while waiting for another one.
    seen: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start(repo: &Repo) -> Client {
        let mut child = Command::new(BIN)
            .arg("lsp")
            .current_dir(&repo.root)
            .env("HOME", &repo.home)
            .env("XDG_CONFIG_HOME", repo.home.join(".config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GIT_DIR")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start docreview lsp");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = 0usize;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        len = n.parse().expect("length");
                    }
                }
                let mut body = vec![0; len];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let msg: Value = serde_json::from_slice(&body).expect("JSON message");
                if tx.send(msg).is_err() {
                    return;
                }
            }
        });
        let stdin = child.stdin.take();
        Client {
            child,
            stdin,
            incoming,
            seen: Vec::new(),
            next_id: 1,
        }
    }

    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its answer (the `result`).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let answer = self.wait(&format!("the answer to {method}"), |m| {
            m["id"] == json!(id) && m.get("method").is_none()
        });
        assert!(answer.get("error").is_none(), "{method}: {answer}");
        answer["result"].clone()
    }

    /// The first message (seen before or coming) that `want` accepts.
    fn wait(&mut self, what: &str, want: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.seen.iter().position(&want) {
            return self.seen.remove(i);
        }
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = self
                .incoming
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no {what} within a minute; seen: {:#?}", self.seen));
            // The server asks to watch the team's files: a client answers.
            if msg["method"] == "client/registerCapability" {
                let id = msg["id"].clone();
                self.send(json!({"jsonrpc": "2.0", "id": id, "result": null}));
                continue;
            }
            if want(&msg) {
                return msg;
            }
            self.seen.push(msg);
        }
    }

    /// The diagnostics published for `uri` at `version` once harper's stage is in too (the last of
    /// that version's publications to arrive within a moment of the first).
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let is_it = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == json!(version)
        };
        let mut last = self.wait("diagnostics", is_it);
        while let Ok(m) = self.incoming.recv_timeout(Duration::from_millis(1500)) {
            if is_it(&m) {
                last = m;
            } else {
                self.seen.push(m);
            }
        }
        last["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    fn exit_code(mut self) -> i32 {
        drop(self.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code().unwrap_or(-1);
            }
            assert!(Instant::now() < deadline, "docreview lsp did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn uri_of(repo: &Repo, rel: &str) -> String {
    format!("file://{}", repo.path(rel).display())
}

fn open(c: &mut Client, repo: &Repo, rel: &str, text: &str) -> String {
    let uri = uri_of(repo, rel);
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    uri
}

fn initialize(c: &mut Client, repo: &Repo) -> Value {
    let result = c.request(
        "initialize",
        json!({"processId": null, "rootUri": format!("file://{}", repo.root.display()), "capabilities": {}}),
    );
    c.notify("initialized", json!({}));
    result
}

/// Applies LSP text edits to ASCII text (columns are bytes there).
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |pos: &Value| {
        let line = pos["line"].as_u64().expect("line") as usize;
        let col = pos["character"].as_u64().expect("character") as usize;
        text.split_inclusive('\n')
            .take(line)
            .map(str::len)
            .sum::<usize>()
            + col
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().expect("newText").to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (a, b, new) in spans {
        out.replace_range(a..b, &new);
    }
    out
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_owned())
        .collect()
}

/// The built-in names are off by default (they fell under the precision gate); these tests use one.
/// More rules go on the lines after it.
const CANONICAL_ON: &str = "[rules]\n\"terminology.canonical\" = \"on\"\n";

#[test]
fn a_finding_is_a_diagnostic_its_fix_a_code_action_and_the_fixed_text_is_clean() {
    let r = Repo::new();
    let text = "# Build\n\nBuild it with ONEDNN enabled.\n";
    r.write("docs/build.md", text).commit("init");
    let mut c = Client::start(&r);
    let init = initialize(&mut c, &r);
    assert_eq!(init["serverInfo"]["name"], "docreview");
    assert_eq!(
        init["capabilities"]["textDocumentSync"]["change"], 2,
        "incremental sync"
    );

    let uri = open(&mut c, &r, "docs/build.md", text);
    let diags = c.diagnostics(&uri, 1);
    let onednn = diags
        .iter()
        .find(|d| d["code"] == "terminology.canonical")
        .unwrap_or_else(|| panic!("no terminology finding in {diags:#?}"));
    assert_eq!(
        onednn["range"]["start"],
        json!({"line": 2, "character": 14})
    );
    assert_eq!(onednn["source"], "docreview");

    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": onednn["range"], "context": {"diagnostics": [onednn]}}),
    );
    let fix = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.contains("oneDNN")))
        .unwrap_or_else(|| panic!("no fix to oneDNN in {actions:#}"))
        .clone();
    assert_eq!(fix["isPreferred"], true);
    let change = &fix["edit"]["documentChanges"][0];
    assert_eq!(
        change["textDocument"]["version"], 1,
        "the edit names the version it was made for"
    );
    let fixed = apply(text, change["edits"].as_array().expect("edits"));
    assert_eq!(fixed, "# Build\n\nBuild it with oneDNN enabled.\n");

    // The editor applies it and says so with an incremental change.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": change["edits"][0]["range"], "text": "oneDNN"}
        ]}),
    );
    let after = c.diagnostics(&uri, 2);
    assert!(
        !codes(&after).contains(&"terminology.canonical".to_owned()),
        "{after:#?}"
    );

    // Hover over a finding explains its rule; nothing to say elsewhere.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": text}]}),
    );
    let back = c.diagnostics(&uri, 3);
    assert!(codes(&back).contains(&"terminology.canonical".to_owned()));
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 16}}),
    );
    let said = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(said.starts_with("**terminology.canonical**"), "{hover:#}");
    let nothing = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 2}}),
    );
    assert!(nothing.is_null());

    // A file that is not a doc gets no diagnostics at all.
    let other = uri_of(&r, "notes.txt");
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": other, "languageId": "plaintext", "version": 1, "text": "ONEDNN"}}),
    );
    let pulled = c.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": other}}),
    );
    assert_eq!(pulled["items"], json!([]));

    assert!(c.request("shutdown", Value::Null).is_null());
    c.notify("exit", Value::Null);
    assert_eq!(c.exit_code(), 0, "exit after shutdown is a clean exit");
    // The server never writes the file: the editor does.
    assert_eq!(String::from_utf8_lossy(&r.read("docs/build.md")), text);
}

#[test]
fn a_word_added_to_the_vocabulary_from_the_editor_is_written_and_no_longer_flagged() {
    let r = Repo::new();
    let text = "# Guide\n\nThe functioanlity is ready.\n";
    r.write("guide.md", text).commit("init");
    let mut c = Client::start(&r);
    initialize(&mut c, &r);
    let uri = open(&mut c, &r, "guide.md", text);
    let diags = c.diagnostics(&uri, 1);
    let typo = diags
        .iter()
        .find(|d| {
            d["code"]
                .as_str()
                .is_some_and(|s| s.starts_with("spelling."))
        })
        .unwrap_or_else(|| panic!("no spelling finding in {diags:#?}"))
        .clone();
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": typo["range"], "context": {"diagnostics": [typo]}}),
    );
    let add = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .is_some_and(|t| t.contains("vocabulary"))
        })
        .unwrap_or_else(|| panic!("no vocabulary action in {actions:#}"))
        .clone();
    let command = &add["command"];
    c.request(
        "workspace/executeCommand",
        json!({"command": command["command"], "arguments": command["arguments"]}),
    );
    assert!(
        String::from_utf8_lossy(&r.read(".docreview/vocabulary.txt"))
            .lines()
            .any(|l| l == "functioanlity"),
        "the word is in the team's vocabulary file"
    );
    // Every open document is checked again with the new vocabulary (same version, new findings).
    let mut clean = false;
    for _ in 0..3 {
        let again = c.diagnostics(&uri, 1);
        if !again.iter().any(|d| d["code"] == typo["code"]) {
            clean = true;
            break;
        }
    }
    assert!(clean, "the word is still flagged");
    assert_eq!(
        String::from_utf8_lossy(&r.read("guide.md")),
        text,
        "the doc itself is untouched"
    );
    c.notify("exit", Value::Null);
    assert_eq!(c.exit_code(), 1, "exit without shutdown is an error exit");
}

/// The Lua a headless Neovim runs: start docreview's server for the buffer, wait for its diagnostics,
/// apply the first quick fix that edits, add a misspelled word to the vocabulary through its quick
/// fix, write the file and quit. Neovim 0.7's API (the oldest Debian ships), which later ones keep.
const NVIM_SCRIPT: &str = r#"
local client_id = vim.lsp.start_client({ name = 'docreview', cmd = { os.getenv('DOCREVIEW_BIN'), 'lsp' }, root_dir = vim.fn.getcwd() })
vim.lsp.buf_attach_client(0, client_id)
local function find(code)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.code == code then return d end
  end
end
local function actions_at(d)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = {} },
  }
  local out = {}
  for _, answer in pairs(vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000) or {}) do
    for _, a in ipairs(answer.result or {}) do table.insert(out, a) end
  end
  return out
end
if not vim.wait(60000, function() return find('terminology.canonical') ~= nil and find('spelling.likely-typo') ~= nil end, 50) then
  io.stderr:write('no diagnostics from docreview\n'); vim.cmd('cquit 3')
end
for _, a in ipairs(actions_at(find('spelling.likely-typo'))) do
  if a.command and a.command.command == 'docreview.addToVocabulary' then
    vim.lsp.get_client_by_id(client_id).request_sync('workspace/executeCommand', a.command, 10000, 0)
  end
end
local fix
for _, a in ipairs(actions_at(find('terminology.canonical'))) do
  if a.edit and not fix then fix = a end
end
if not fix then io.stderr:write('no quick fix\n'); vim.cmd('cquit 4') end
vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
vim.cmd('write')
vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd('qall!')
"#;

#[test]
fn neovim_applies_a_quick_fix_and_adds_a_word_and_nothing_else_in_the_file_changes() {
    let has_nvim = Command::new("nvim")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_nvim {
        eprintln!(
            "SKIPPED: nvim is not installed (.ci/run installs it; `apt-get install neovim` here)"
        );
        return;
    }
    let r = Repo::with_defaults();
    let text = "# Build\n\nBuild it with ONEDNN enabled.\n\nThe functioanlity  stays as   it is.\n";
    r.write("build.md", text)
        .write(
            ".docreview.toml",
            &format!("{CANONICAL_ON}\"spelling.likely-typo\" = \"on\"\n"),
        )
        .commit("init");
    r.write("../fix.lua", NVIM_SCRIPT);
    let mut child = Command::new("nvim")
        .args([
            "--headless",
            "-n",
            "-u",
            "NONE",
            "-i",
            "NONE",
            "build.md",
            "-c",
        ])
        .arg(format!("luafile {}", r.path("../fix.lua").display()))
        .current_dir(&r.root)
        .env("DOCREVIEW_BIN", BIN)
        .env("HOME", &r.home)
        .env("XDG_CONFIG_HOME", r.home.join(".config"))
        .env("XDG_DATA_HOME", r.home.join(".local/share"))
        .env("XDG_STATE_HOME", r.home.join(".local/state"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start nvim");
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("nvim did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut err);
    }
    assert!(status.success(), "nvim: {status} {err}");
    // The fix, and only the fix: the odd spaces elsewhere are the author's.
    assert_eq!(
        String::from_utf8_lossy(&r.read("build.md")),
        text.replace("ONEDNN", "oneDNN")
    );
    assert!(
        String::from_utf8_lossy(&r.read(".docreview/vocabulary.txt"))
            .lines()
            .any(|l| l == "functioanlity"),
        "the word went to the team vocabulary"
    );
}

#[test]
fn the_teams_config_is_read_again_when_it_changes_on_disk() {
    let r = Repo::with_defaults();
    let text = "# Build\n\nBuild it with ONEDNN enabled.\n";
    r.write("build.md", text)
        .write(".docreview.toml", CANONICAL_ON)
        .commit("init");
    let mut c = Client::start(&r);
    initialize(&mut c, &r);
    let uri = open(&mut c, &r, "build.md", text);
    assert!(codes(&c.diagnostics(&uri, 1)).contains(&"terminology.canonical".to_owned()));
    // A client that cannot watch files for the server (this one says nothing of it): the server
    // notices by itself, and checks the open document again.
    r.write(
        ".docreview.toml",
        "[rules]\n\"terminology.canonical\" = \"off\"\n",
    );
    let mut off = false;
    for _ in 0..4 {
        if !codes(&c.diagnostics(&uri, 1)).contains(&"terminology.canonical".to_owned()) {
            off = true;
            break;
        }
    }
    assert!(off, "the rule turned off on disk still reports");
    // A command with a rule that does not exist is refused, and writes nothing.
    c.send(
        json!({"jsonrpc": "2.0", "id": 99, "method": "workspace/executeCommand",
        "params": {"command": "docreview.disableRule", "arguments": ["no.such.rule"]}}),
    );
    let answer = c.wait("the refusal", |m| m["id"] == 99);
    assert!(
        answer["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("no.such.rule")),
        "{answer}"
    );
    assert!(!String::from_utf8_lossy(&r.read(".docreview.toml")).contains("no.such.rule"));
    assert!(c.request("shutdown", Value::Null).is_null());
    c.notify("exit", Value::Null);
    assert_eq!(c.exit_code(), 0);
}

#[test]
fn the_editors_settings_turn_rules_on_and_up_and_a_broken_message_is_skipped() {
    let r = Repo::with_defaults();
    let text = "# Build\n\nBuild it with ONEDNN enabled. Please run it with less files.\n";
    r.write(".vale.ini", "StylesPath = styles\n\n[*.md]\nBasedOnStyles = Team\n")
        .write(
            "styles/Team/Please.yml",
            "extends: existence\nmessage: \"Leave out '%s'.\"\nlink: https://docs.example.com/style#please\nlevel: warning\ntokens:\n  - please\nignorecase: true\n",
        )
        .write("build.md", text)
        .commit("init");
    let mut c = Client::start(&r);
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": format!("file://{}", r.root.display()),
               "capabilities": {"workspace": {"configuration": true}}}),
    );
    c.notify("initialized", json!({}));
    // The server asks for its section; this editor turns on a rule the team left off and raises
    // another to an error.
    let ask = c.wait("workspace/configuration", |m| {
        m["method"] == "workspace/configuration"
    });
    assert_eq!(ask["params"]["items"][0]["section"], "docreview", "{ask}");
    c.send(
        json!({"jsonrpc": "2.0", "id": ask["id"].clone(), "result": [
            {"rules": {"grammar.less-fewer": "on", "terminology.canonical": "error"}}
        ]}),
    );
    // A message whose body is not JSON is skipped, with a line in the editor's log.
    let stdin = c.stdin.as_mut().expect("stdin");
    write!(stdin, "Content-Length: 9\r\n\r\n{{not json").expect("write");
    stdin.flush().expect("flush");
    let logged = c.wait("a log line", |m| m["method"] == "window/logMessage");
    assert!(
        logged["params"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("not JSON-RPC")),
        "{logged}"
    );
    let uri = open(&mut c, &r, "build.md", text);
    let mut diags = c.diagnostics(&uri, 1);
    for _ in 0..3 {
        if codes(&diags).contains(&"grammar.less-fewer".to_owned()) {
            break;
        }
        diags = c.diagnostics(&uri, 1);
    }
    assert!(
        codes(&diags).contains(&"grammar.less-fewer".to_owned()),
        "a rule turned on in the editor's settings: {diags:#?}"
    );
    let canonical = diags
        .iter()
        .find(|d| d["code"] == "terminology.canonical")
        .expect("canonical");
    assert_eq!(canonical["severity"], 1, "raised to an error: {canonical}");
    let vale = diags
        .iter()
        .find(|d| d["code"] == "Team.Please")
        .expect("the team's Vale rule");
    assert_eq!(
        vale["codeDescription"]["href"], "https://docs.example.com/style#please",
        "{vale}"
    );
    // Settings of the wrong shape are named, not silently dropped.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"docreview": {"disabledRules": "spelling.*"}}}),
    );
    let shown = c.wait("a warning", |m| m["method"] == "window/showMessage");
    assert!(
        shown["params"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("settings were not used") && m.contains("invalid type")),
        "{shown}"
    );
    assert!(c.request("shutdown", Value::Null).is_null());
    c.notify("exit", Value::Null);
    assert_eq!(c.exit_code(), 0);
}
