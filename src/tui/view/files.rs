//! The files pane: each doc with its findings decided and open.

use super::*;

pub(super) fn draw_files(frame: &mut Frame, area: Rect, state: &ReviewState, ui: &Ui) {
    let t = ui.theme;
    let block = Block::default()
        .borders(Borders::RIGHT)
        .border_style(t.get("border"))
        .title(Span::styled(" Files ", t.get("title")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let files = state.files();
    let current_doc = state.current().map(|i| i.doc);
    let rows = inner.height as usize;
    let at = files
        .iter()
        .position(|f| Some(f.doc) == current_doc)
        .unwrap_or(0);
    let first = at
        .saturating_sub(rows.saturating_sub(1) / 2)
        .min(files.len().saturating_sub(rows));
    let width = inner.width as usize;
    let lines: Vec<Line> = files
        .iter()
        .skip(first)
        .take(rows)
        .map(
            |&crate::core::review::FileProgress {
                 doc,
                 decided,
                 total,
             }| {
                let done = decided == total;
                let mark = if Some(doc) == current_doc {
                    "▸"
                } else if done {
                    "✓"
                } else {
                    " "
                };
                let count = format!(" {decided}/{total}");
                let name_w = width.saturating_sub(2 + count.len());
                let name = fit_left(&state.docs[doc].path, name_w);
                let pad = name_w.saturating_sub(diff::width(&name));
                let style = if Some(doc) == current_doc {
                    t.get("file_current")
                } else if done {
                    t.get("file_done")
                } else {
                    t.get("file")
                };
                Line::from(vec![
                    Span::styled(format!("{mark} {name}{}", " ".repeat(pad)), style),
                    Span::styled(count, t.get("muted")),
                ])
            },
        )
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
