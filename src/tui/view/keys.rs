//! The key line at the bottom: the keys that do something now.

use super::*;

/// The key bar: the keys that do something now.
pub(super) fn draw_keys(frame: &mut Frame, area: Rect, state: &ReviewState, ui: &Ui) {
    let t = ui.theme;
    let pairs: Vec<(String, String)> = match &state.mode {
        Mode::Edit { .. } => vec![
            ("Enter".into(), "accept".into()),
            ("Esc".into(), "cancel".into()),
            ("← →".into(), "move".into()),
        ],
        Mode::Filter { .. } => vec![
            ("Enter".into(), "keep".into()),
            ("Esc".into(), "clear".into()),
        ],
        Mode::Help => vec![("Esc ?".into(), "close help".into())],
        Mode::Bulk { .. } => vec![
            ("w f r e".into(), "scope".into()),
            ("Enter y".into(), "confirm".into()),
            ("Esc".into(), "cancel".into()),
        ],
        Mode::ConfirmQuit => vec![
            ("y".into(), "write and quit".into()),
            ("n".into(), "quit".into()),
            ("Esc".into(), "stay".into()),
        ],
        Mode::Normal => {
            let valid = state.valid_actions();
            let mut out: Vec<(String, String)> = Vec::new();
            let shown = [
                Action::Accept,
                Action::Reject,
                Action::Skip,
                Action::Edit,
                Action::Undo,
                Action::BulkAccept,
                Action::BulkReject,
                Action::WriteAll,
                Action::Next,
                Action::Open,
                Action::Filter,
                Action::ToggleView,
                Action::Help,
                Action::Quit,
            ];
            for a in shown {
                if !valid.contains(&a) {
                    continue;
                }
                let Some(b) = ui.keymap.binding(a) else {
                    continue;
                };
                let Some(k) = b.keys.first() else { continue };
                let keys = if a == Action::Next {
                    let p = ui
                        .keymap
                        .binding(Action::Prev)
                        .and_then(|p| p.keys.first())
                        .map(|k| k.label())
                        .unwrap_or_default();
                    format!("{}/{p}", k.label())
                } else {
                    k.label()
                };
                out.push((keys, b.short.to_owned()));
                if a == Action::Accept && valid.contains(&Action::Alternative(2)) {
                    out.push(("1-9".into(), "alt".into()));
                }
            }
            out
        }
    };
    let mut spans = Vec::new();
    let mut used = 0;
    let width = area.width as usize;
    let help_len = 7;
    for (i, (k, d)) in pairs.iter().enumerate() {
        let piece = diff::width(k) + diff::width(d) + 3;
        let last = i + 1 == pairs.len();
        if used + piece > width.saturating_sub(if last { 0 } else { help_len })
            && state.mode == Mode::Normal
        {
            spans.push(Span::styled(" ? ", t.get("key")));
            spans.push(Span::styled("more", t.get("key_desc")));
            break;
        }
        spans.push(Span::styled(format!(" {k} "), t.get("key")));
        spans.push(Span::styled(format!("{d} "), t.get("key_desc")));
        used += piece;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
