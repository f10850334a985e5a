//! The key table: one list of bindings drives the key bar, the help overlay and user overrides
//! (`[keys]` in the user config, e.g. `accept = ["a", "Enter"]`). Keys only map to commands in the
//! normal mode; text fields and popups read raw keys (see [`crate::core::review::Input`]). The triage
//! screen has a few commands of its own in the same table (`review-group`, `group-by`, …); for moving,
//! undo, help, quit and accepting it uses the review screen's.

use crate::core::review::Action;
use crate::core::triage::{GroupAction, TriageAction};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;

/// One key, as written in the config: `a`, `A`, `Enter`, `Space`, `PgDn`, `Ctrl-c`, `F1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub fn parse(s: &str) -> Option<Key> {
        let (ctrl, rest) = match s.strip_prefix("Ctrl-").or_else(|| s.strip_prefix("C-")) {
            Some(r) => (true, r),
            None => (false, s),
        };
        let code = match rest {
            "Enter" | "Return" => KeyCode::Enter,
            "Space" => KeyCode::Char(' '),
            "Tab" => KeyCode::Tab,
            "Esc" | "Escape" => KeyCode::Esc,
            "Backspace" => KeyCode::Backspace,
            "Delete" | "Del" => KeyCode::Delete,
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "PgUp" | "PageUp" => KeyCode::PageUp,
            "PgDn" | "PageDown" => KeyCode::PageDown,
            f if f.len() > 1 && f.starts_with('F') => KeyCode::F(f[1..].parse().ok()?),
            c => {
                let mut chars = c.chars();
                let ch = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode::Char(ch)
            }
        };
        Some(Key { code, ctrl })
    }

    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl != self.ctrl {
            return false;
        }
        match (self.code, ev.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b,
            (a, b) => a == b,
        }
    }

    /// How the key bar and help show it.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Backspace => "Bksp".to_owned(),
            KeyCode::Delete => "Del".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::F(n) => format!("F{n}"),
            _ => "?".to_owned(),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

/// A command, its keys and its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding<A = Action> {
    pub action: A,
    /// Name in the user config's `[keys]`.
    pub name: &'static str,
    pub keys: Vec<Key>,
    /// One word for the key bar.
    pub short: &'static str,
    /// One line for the help.
    pub help: &'static str,
}

/// The table, in the order the key bar and help show it.
#[derive(Debug, Clone)]
pub struct KeyMap {
    pub bindings: Vec<Binding>,
    /// The triage screen's own commands.
    pub triage: Vec<Binding<TriageAction>>,
}

/// The review screen's commands the triage screen uses too.
pub const SHARED_WITH_TRIAGE: [Action; 6] = [
    Action::Next,
    Action::Prev,
    Action::Undo,
    Action::Help,
    Action::Quit,
    Action::BulkAccept,
];

const TRIAGE: &[(TriageAction, &str, &[&str], &str, &str)] = &[
    (
        TriageAction::Review,
        "review-group",
        &["Enter"],
        "review one by one",
        "review the group one by one (q comes back here)",
    ),
    (
        TriageAction::Group(GroupAction::DismissAll),
        "dismiss-group",
        &["D"],
        "dismiss all",
        "dismiss the group: the findings stay in the text and do not come back in reviews",
    ),
    (
        TriageAction::Group(GroupAction::Baseline),
        "baseline-group",
        &["B"],
        "baseline",
        "add the group to the baseline: check, review and triage stop reporting it",
    ),
    (
        TriageAction::Group(GroupAction::DisableRule),
        "disable-rule",
        &["X"],
        "turn rule off",
        "turn the group's rule off in .docreview.toml (asks first)",
    ),
    (
        TriageAction::ToggleGrouping,
        "group-by",
        &["Tab"],
        "by rule/file",
        "group by rule or by file",
    ),
];

fn bindings<A: Copy>(
    table: &[(A, &'static str, &[&str], &'static str, &'static str)],
) -> Vec<Binding<A>> {
    table
        .iter()
        .map(|(action, name, keys, short, help)| Binding {
            action: *action,
            name,
            keys: keys.iter().filter_map(|k| Key::parse(k)).collect(),
            short,
            help,
        })
        .collect()
}

const DEFAULTS: &[(Action, &str, &[&str], &str, &str)] = &[
    (
        Action::Accept,
        "accept",
        &["a", "y", "Enter"],
        "accept",
        "accept the fix: write it to disk now, then go to the next finding",
    ),
    (
        Action::Reject,
        "reject",
        &["r", "n"],
        "reject",
        "reject: leave the text as it is and remember the decision",
    ),
    (
        Action::Skip,
        "skip",
        &["s", "Space"],
        "skip",
        "skip: decide later (skipped findings come back next session)",
    ),
    (
        Action::Edit,
        "edit",
        &["e"],
        "edit",
        "edit the replacement, then accept it (Enter) or cancel (Esc)",
    ),
    (
        Action::Undo,
        "undo",
        &["u"],
        "undo",
        "undo the last decision; restores the file if it is still as docreview wrote it",
    ),
    (
        Action::BulkAccept,
        "bulk-accept",
        &["A"],
        "accept…",
        "accept in bulk: this file, this rule or everything (asks first)",
    ),
    (
        Action::BulkReject,
        "bulk-reject",
        &["R"],
        "reject…",
        "reject in bulk: this file, this rule or everything (asks first)",
    ),
    (
        Action::AddWord,
        "add-word",
        &["+"],
        "vocabulary",
        "add this word to the team vocabulary (.docreview/vocabulary.txt): it is not a misspelling",
    ),
    (
        Action::WriteAll,
        "write",
        &["w"],
        "write",
        "write every accepted fix now (deferred mode)",
    ),
    (
        Action::Open,
        "open",
        &["o"],
        "open",
        "open the file at this line in $VISUAL/$EDITOR, re-read it afterwards",
    ),
    (Action::Next, "next", &["j", "Down"], "next", "next finding"),
    (
        Action::Prev,
        "prev",
        &["k", "Up"],
        "prev",
        "previous finding",
    ),
    (
        Action::ScrollDown,
        "scroll-down",
        &["J", "PgDn"],
        "scroll",
        "scroll the diff down",
    ),
    (
        Action::ScrollUp,
        "scroll-up",
        &["K", "PgUp"],
        "scroll",
        "scroll the diff up",
    ),
    (
        Action::NextFile,
        "next-file",
        &[">"],
        "file",
        "first finding of the next file",
    ),
    (
        Action::PrevFile,
        "prev-file",
        &["<"],
        "file",
        "first finding of the previous file",
    ),
    (
        Action::Filter,
        "filter",
        &["/"],
        "filter",
        "filter by rule, path or message (Enter keeps it, Esc clears it)",
    ),
    (
        Action::ToggleView,
        "toggle-view",
        &["d"],
        "view",
        "side-by-side or inline diff (inline is automatic under 80 columns)",
    ),
    (Action::Help, "help", &["?"], "help", "this help"),
    (
        Action::Quit,
        "quit",
        &["q", "Ctrl-c"],
        "quit",
        "quit: every decision is already saved",
    ),
];

impl Default for KeyMap {
    fn default() -> KeyMap {
        KeyMap {
            bindings: bindings(DEFAULTS),
            triage: bindings(TRIAGE),
        }
    }
}

/// A problem in the user's `[keys]`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("unknown command \"{0}\" in [keys]; commands are: {1}")]
    UnknownCommand(String, String),
    #[error(
        "\"{key}\" for \"{command}\" is not a key (write a, A, Enter, Space, Tab, PgDn, Ctrl-c, F1, …)"
    )]
    BadKey { command: String, key: String },
}

impl KeyMap {
    /// The defaults with the user's overrides: each named command gets exactly the keys given. A key
    /// taken from another command on the same screen is removed there, so one key never means two
    /// things (the triage screen's own commands are looked up first there, see
    /// [`KeyMap::triage_action`]).
    pub fn with_overrides(overrides: &BTreeMap<String, Vec<String>>) -> Result<KeyMap, KeyError> {
        let mut map = KeyMap::default();
        for (command, keys) in overrides {
            let parsed: Vec<Key> = keys
                .iter()
                .map(|k| {
                    Key::parse(k).ok_or_else(|| KeyError::BadKey {
                        command: command.clone(),
                        key: k.clone(),
                    })
                })
                .collect::<Result<_, _>>()?;
            if let Some(i) = map.bindings.iter().position(|b| b.name == command) {
                for b in &mut map.bindings {
                    b.keys.retain(|k| !parsed.contains(k));
                }
                if SHARED_WITH_TRIAGE.contains(&map.bindings[i].action) {
                    for b in &mut map.triage {
                        b.keys.retain(|k| !parsed.contains(k));
                    }
                }
                map.bindings[i].keys = parsed;
            } else if let Some(i) = map.triage.iter().position(|b| b.name == command) {
                for b in &mut map.triage {
                    b.keys.retain(|k| !parsed.contains(k));
                }
                map.triage[i].keys = parsed;
            } else {
                let names: Vec<&str> = map
                    .bindings
                    .iter()
                    .map(|b| b.name)
                    .chain(map.triage.iter().map(|b| b.name))
                    .collect();
                return Err(KeyError::UnknownCommand(command.clone(), names.join(", ")));
            }
        }
        Ok(map)
    }

    /// The command for a key press on the triage screen: its own commands first, then the review
    /// commands it shares.
    pub fn triage_action(&self, ev: &KeyEvent) -> Option<TriageAction> {
        if let Some(b) = self
            .triage
            .iter()
            .find(|b| b.keys.iter().any(|k| k.matches(ev)))
        {
            return Some(b.action);
        }
        let b = self
            .bindings
            .iter()
            .filter(|b| SHARED_WITH_TRIAGE.contains(&b.action))
            .find(|b| b.keys.iter().any(|k| k.matches(ev)))?;
        Some(match b.action {
            Action::Next => TriageAction::Next,
            Action::Prev => TriageAction::Prev,
            Action::Undo => TriageAction::Undo,
            Action::Help => TriageAction::Help,
            Action::Quit => TriageAction::Quit,
            Action::BulkAccept => TriageAction::Group(GroupAction::AcceptAll),
            _ => return None,
        })
    }

    /// The first key of a review command, as a key bar shows it.
    pub fn first_label(&self, action: Action) -> String {
        self.binding(action)
            .and_then(|b| b.keys.first())
            .map(Key::label)
            .unwrap_or_default()
    }

    fn triage_binding(&self, action: TriageAction) -> Option<&Binding<TriageAction>> {
        self.triage.iter().find(|b| b.action == action)
    }

    /// The triage screen's key bar: each command's first key and its word.
    pub fn triage_bar(&self) -> Vec<(String, &'static str)> {
        let own = |a: TriageAction| {
            let b = self.triage_binding(a);
            (
                b.and_then(|b| b.keys.first())
                    .map(Key::label)
                    .unwrap_or_default(),
                b.map_or("", |b| b.short),
            )
        };
        let key = |a: Action| self.first_label(a);
        vec![
            (
                format!("{} {}", key(Action::Next), key(Action::Prev)),
                "move",
            ),
            own(TriageAction::Review),
            (key(Action::BulkAccept), "accept all"),
            own(TriageAction::Group(GroupAction::DismissAll)),
            own(TriageAction::Group(GroupAction::Baseline)),
            own(TriageAction::Group(GroupAction::DisableRule)),
            (key(Action::Undo), "undo"),
            own(TriageAction::ToggleGrouping),
            (key(Action::Help), "help"),
            (key(Action::Quit), "quit"),
        ]
    }

    /// The triage screen's help: every key of each command and a line on what it does.
    pub fn triage_help(&self) -> Vec<(String, &'static str)> {
        let own = |a: TriageAction| {
            (
                self.triage_keys_label(a),
                self.triage_binding(a).map_or("", |b| b.help),
            )
        };
        let keys = |a: Action| self.keys_label(a);
        vec![
            (
                format!("{} {}", keys(Action::Next), keys(Action::Prev)),
                "move between groups",
            ),
            own(TriageAction::ToggleGrouping),
            own(TriageAction::Review),
            (
                keys(Action::BulkAccept),
                "accept every fix of the group: written now, one undo step (asks first)",
            ),
            own(TriageAction::Group(GroupAction::DismissAll)),
            own(TriageAction::Group(GroupAction::Baseline)),
            own(TriageAction::Group(GroupAction::DisableRule)),
            (keys(Action::Undo), "undo the last accept or dismiss"),
            (keys(Action::Quit), "quit; everything decided is saved"),
        ]
    }

    /// "D" for a triage command: its keys, as the help shows them.
    pub fn triage_keys_label(&self, action: TriageAction) -> String {
        self.triage_binding(action)
            .map(|b| b.keys.iter().map(Key::label).collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    }

    /// The command for a key press in the normal mode (digits pick alternatives).
    pub fn action(&self, ev: &KeyEvent) -> Option<Action> {
        if let Some(b) = self
            .bindings
            .iter()
            .find(|b| b.keys.iter().any(|k| k.matches(ev)))
        {
            return Some(b.action);
        }
        match ev.code {
            KeyCode::Char(c @ '1'..='9') if !ev.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Action::Alternative(c as u8 - b'0'))
            }
            _ => None,
        }
    }

    pub fn binding(&self, action: Action) -> Option<&Binding> {
        self.bindings.iter().find(|b| b.action == action)
    }

    /// "a y Enter" for an action.
    pub fn keys_label(&self, action: Action) -> String {
        match action {
            Action::Alternative(_) => "1-9".to_owned(),
            _ => self
                .binding(action)
                .map(|b| b.keys.iter().map(Key::label).collect::<Vec<_>>().join(" "))
                .unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn default_keys_follow_the_design_table() {
        let m = KeyMap::default();
        let a = |c: char| m.action(&ev(KeyCode::Char(c), KeyModifiers::NONE));
        assert_eq!(a('a'), Some(Action::Accept));
        assert_eq!(a('y'), Some(Action::Accept));
        assert_eq!(
            m.action(&ev(KeyCode::Enter, KeyModifiers::NONE)),
            Some(Action::Accept)
        );
        assert_eq!(a('r'), Some(Action::Reject));
        assert_eq!(a('n'), Some(Action::Reject));
        assert_eq!(a(' '), Some(Action::Skip));
        assert_eq!(
            m.action(&ev(KeyCode::Char('A'), KeyModifiers::SHIFT)),
            Some(Action::BulkAccept)
        );
        assert_eq!(a('3'), Some(Action::Alternative(3)));
        assert_eq!(
            m.action(&ev(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(a('c'), None);
        assert_eq!(
            m.action(&ev(KeyCode::PageDown, KeyModifiers::NONE)),
            Some(Action::ScrollDown)
        );
        assert_eq!(
            m.action(&ev(KeyCode::Esc, KeyModifiers::NONE)),
            None,
            "Esc is never a command"
        );
    }

    #[test]
    fn overrides_replace_keys_and_free_them_elsewhere() {
        let o = BTreeMap::from([
            (
                "accept".to_owned(),
                vec!["x".to_owned(), "Enter".to_owned()],
            ),
            ("skip".to_owned(), vec!["y".to_owned()]),
        ]);
        let m = KeyMap::with_overrides(&o).expect("ok");
        let a = |c: char| m.action(&ev(KeyCode::Char(c), KeyModifiers::NONE));
        assert_eq!(a('x'), Some(Action::Accept));
        assert_eq!(a('a'), None);
        assert_eq!(a('y'), Some(Action::Skip));
        assert_eq!(m.keys_label(Action::Accept), "x Enter");
        assert!(KeyMap::with_overrides(&BTreeMap::from([("acept".to_owned(), vec![])])).is_err());
        assert!(matches!(
            KeyMap::with_overrides(&BTreeMap::from([(
                "accept".to_owned(),
                vec!["Ctrl-".to_owned()]
            )])),
            Err(KeyError::BadKey { .. })
        ));
    }

    #[test]
    fn key_specs_parse_and_print() {
        for s in ["a", "A", "Enter", "Space", "PgDn", "Ctrl-c", "F5", "/", "<"] {
            let k = Key::parse(s).expect(s);
            assert!(!k.label().is_empty());
        }
        assert_eq!(
            Key::parse("Ctrl-c").map(|k| k.label()),
            Some("Ctrl-c".to_owned())
        );
        assert!(Key::parse("ab").is_none());
        assert!(Key::parse("").is_none());
    }
}
