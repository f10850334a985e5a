//! Keys to decisions: which actions the screen offers now, and what an action or a typed key does in
//! each mode.

use super::*;

impl ReviewState {
    /// The actions that do something right now (drives the key bar and the help).
    pub fn valid_actions(&self) -> Vec<Action> {
        let mut v = Vec::new();
        let cur = self.current();
        let open = cur.is_some_and(|i| i.status.is_open() || i.status == Status::Rejected);
        let fixable = cur.is_some_and(|i| !i.finding.replacements.is_empty());
        if open && fixable {
            v.push(Action::Accept);
            for n in 1..=cur.map_or(0, |i| i.finding.replacements.len()).min(9) {
                v.push(Action::Alternative(n as u8));
            }
        }
        if cur.is_some_and(|i| i.status.is_open()) {
            v.push(Action::Reject);
            v.push(Action::Skip);
        }
        if open {
            v.push(Action::Edit);
        }
        if self
            .open_items()
            .any(|i| !self.items[i].finding.replacements.is_empty())
        {
            v.push(Action::BulkAccept);
        }
        if self.open_items().next().is_some() {
            v.push(Action::BulkReject);
        }
        if !self.undo.is_empty() {
            v.push(Action::Undo);
        }
        if cur.is_some() {
            v.push(Action::Open);
        }
        if cur.is_some_and(|i| i.status.is_open() && is_spelling(&i.finding.rule)) {
            v.push(Action::AddWord);
        }
        if self.visible.len() > 1 {
            v.push(Action::Next);
            v.push(Action::Prev);
        }
        if cur.is_some() {
            v.push(Action::ScrollDown);
            v.push(Action::ScrollUp);
        }
        if self.files().len() > 1 {
            v.push(Action::NextFile);
            v.push(Action::PrevFile);
        }
        v.push(Action::Filter);
        v.push(Action::ToggleView);
        if self.defer && self.unwritten() > 0 {
            v.push(Action::WriteAll);
        }
        v.push(Action::Help);
        v.push(Action::Quit);
        v
    }

    pub(super) fn action(&mut self, a: Action, fx: &mut Vec<Effect>) {
        if self.mode != Mode::Normal {
            return;
        }
        self.message = None;
        match a {
            Action::Accept => self.accept_current(0, None, fx),
            Action::Alternative(n) => self.accept_current(usize::from(n.max(1)) - 1, None, fx),
            Action::Reject => self.decide_current(Status::Rejected, fx),
            Action::Skip => self.decide_current(Status::Skipped, fx),
            Action::BulkAccept | Action::BulkReject => {
                let accept = a == Action::BulkAccept;
                if self.bulk_count(accept, BulkScope::Everything) == 0 {
                    self.say(Tone::Info, "Nothing left to decide in bulk.");
                } else {
                    // A misspelt word repeated across the docs is one decision: that is where the
                    // popup starts for a spelling finding.
                    let word = self.current().is_some_and(|c| is_spelling(&c.finding.rule))
                        && self.bulk_count(accept, BulkScope::Word) > 1;
                    self.mode = Mode::Bulk {
                        accept,
                        scope: if word {
                            BulkScope::Word
                        } else {
                            BulkScope::File
                        },
                    };
                }
            }
            Action::Undo => self.undo(fx),
            Action::Edit => {
                let Some(cur) = self.current() else { return };
                if !(cur.status.is_open() || cur.status == Status::Rejected) {
                    self.say(
                        Tone::Info,
                        "This finding is decided; u undoes the last decision.",
                    );
                    return;
                }
                let buffer = cur
                    .finding
                    .replacements
                    .first()
                    .cloned()
                    .unwrap_or_else(|| cur.finding.text.clone());
                let cursor = buffer.chars().count();
                self.mode = Mode::Edit { buffer, cursor };
            }
            Action::Open => {
                if let Some(cur) = self.current() {
                    fx.push(Effect::OpenEditor {
                        doc: cur.doc,
                        line: cur.finding.line,
                    });
                }
            }
            Action::AddWord => {
                if let Some(cur) = self.current()
                    && is_spelling(&cur.finding.rule)
                {
                    fx.push(Effect::AddWord(cur.finding.text.clone()));
                }
            }
            Action::Next => self.step_by(1),
            Action::Prev => self.step_by(-1),
            Action::ScrollDown => self.scroll = self.scroll.saturating_add(SCROLL_STEP),
            Action::ScrollUp => self.scroll = self.scroll.saturating_sub(SCROLL_STEP),
            Action::NextFile => self.file_step(true),
            Action::PrevFile => self.file_step(false),
            Action::Filter => {
                self.before_filter = self.current;
                let buffer = self.filter.clone();
                let cursor = buffer.chars().count();
                self.mode = Mode::Filter { buffer, cursor };
            }
            Action::ToggleView => {
                self.view = match self.view {
                    View::SideBySide => View::Inline,
                    View::Inline => View::SideBySide,
                }
            }
            Action::Help => self.mode = Mode::Help,
            Action::WriteAll => self.write_all(fx),
            Action::Quit => {
                if self.defer && self.unwritten() > 0 {
                    self.mode = Mode::ConfirmQuit;
                } else if !self.pending.is_empty() {
                    self.say(Tone::Warning, "A write is still in progress.");
                } else {
                    fx.push(Effect::Quit);
                }
            }
        }
    }

    pub(super) fn input(&mut self, key: Input, fx: &mut Vec<Effect>) {
        match self.mode.clone() {
            Mode::Normal => {
                // Esc at the top level only clears a filter; it never decides anything.
                if key == Input::Esc && !self.filter.is_empty() {
                    self.filter.clear();
                    self.refilter();
                }
            }
            Mode::Help => {
                if matches!(key, Input::Esc | Input::Char('?' | 'q') | Input::Enter) {
                    self.mode = Mode::Normal;
                }
            }
            Mode::ConfirmQuit => match key {
                Input::Char('y' | 'Y' | 'w') | Input::Enter => {
                    self.mode = Mode::Normal;
                    self.write_all(fx);
                    fx.push(Effect::Quit);
                }
                Input::Char('n' | 'N' | 'q') => {
                    self.mode = Mode::Normal;
                    fx.push(Effect::Quit);
                }
                Input::Esc => self.mode = Mode::Normal,
                _ => {}
            },
            Mode::Bulk { accept, scope } => match key {
                Input::Char('w') => {
                    self.mode = Mode::Bulk {
                        accept,
                        scope: BulkScope::Word,
                    }
                }
                Input::Char('f') => {
                    self.mode = Mode::Bulk {
                        accept,
                        scope: BulkScope::File,
                    }
                }
                Input::Char('r') => {
                    self.mode = Mode::Bulk {
                        accept,
                        scope: BulkScope::Rule,
                    }
                }
                Input::Char('e') => {
                    self.mode = Mode::Bulk {
                        accept,
                        scope: BulkScope::Everything,
                    }
                }
                Input::Tab | Input::Right | Input::Char('j' | 'l') => {
                    self.mode = Mode::Bulk {
                        accept,
                        scope: scope.step(1),
                    };
                }
                Input::Left | Input::Char('k' | 'h') => {
                    self.mode = Mode::Bulk {
                        accept,
                        scope: scope.step(-1),
                    };
                }
                Input::Enter | Input::Char('y' | 'Y') => {
                    self.mode = Mode::Normal;
                    self.bulk(accept, scope, fx);
                }
                Input::Esc | Input::Char('n' | 'N' | 'q') => self.mode = Mode::Normal,
                _ => {}
            },
            Mode::Edit {
                mut buffer,
                mut cursor,
            } => {
                if edit_field(&mut buffer, &mut cursor, key) {
                    self.mode = Mode::Edit { buffer, cursor };
                    return;
                }
                match key {
                    Input::Enter => {
                        self.mode = Mode::Normal;
                        self.accept_current(0, Some(buffer), fx);
                    }
                    Input::Esc => {
                        self.mode = Mode::Normal;
                        self.say(Tone::Info, "Edit cancelled.");
                    }
                    _ => self.mode = Mode::Edit { buffer, cursor },
                }
            }
            Mode::Filter {
                mut buffer,
                mut cursor,
            } => {
                if edit_field(&mut buffer, &mut cursor, key) {
                    self.filter = buffer.clone();
                    self.refilter();
                    self.mode = Mode::Filter { buffer, cursor };
                    return;
                }
                match key {
                    Input::Enter => self.mode = Mode::Normal,
                    Input::Esc => {
                        // Cancelling a filter puts you back where you were.
                        self.filter.clear();
                        self.refilter();
                        if let Some(c) = self.before_filter.take()
                            && self.visible.contains(&c)
                        {
                            self.set_current(Some(c));
                        }
                        self.mode = Mode::Normal;
                    }
                    _ => self.mode = Mode::Filter { buffer, cursor },
                }
            }
        }
    }
}

/// Applies a text-field key; returns false when the key is not an editing key (Enter, Esc, Tab).
fn edit_field(buffer: &mut String, cursor: &mut usize, key: Input) -> bool {
    let len = buffer.chars().count();
    *cursor = (*cursor).min(len);
    let byte = |b: &String, c: usize| b.char_indices().nth(c).map_or(b.len(), |(i, _)| i);
    match key {
        Input::Char(c) if c != '\n' && c != '\r' => {
            let at = byte(buffer, *cursor);
            buffer.insert(at, c);
            *cursor += 1;
        }
        Input::Backspace if *cursor > 0 => {
            let at = byte(buffer, *cursor - 1);
            buffer.remove(at);
            *cursor -= 1;
        }
        Input::Delete if *cursor < len => {
            let at = byte(buffer, *cursor);
            buffer.remove(at);
        }
        Input::Left => *cursor = cursor.saturating_sub(1),
        Input::Right => *cursor = (*cursor + 1).min(len),
        Input::Home => *cursor = 0,
        Input::End => *cursor = len,
        Input::Backspace | Input::Delete | Input::Char(_) => {}
        Input::Enter | Input::Esc | Input::Tab => return false,
    }
    true
}
