//! The detail pane: the rule, its message and reason, and the fixes to choose from.

use super::*;

pub(super) fn draw_detail(frame: &mut Frame, area: Rect, state: &ReviewState, ui: &Ui) {
    let t = ui.theme;
    let mut lines: Vec<Line> = Vec::new();
    // The separator carries the last status message, so the fix line below stays visible.
    let sep = match &state.message {
        Some((tone, text)) => {
            let style = match tone {
                Tone::Info => t.get("info"),
                Tone::Warning => t.get("warning"),
                Tone::Error => t.get("error"),
            };
            let shown = format!(" {text} ");
            let rest = (area.width as usize).saturating_sub(diff::width(&shown) + 1);
            Line::from(vec![
                Span::styled("─", t.get("border")),
                Span::styled(shown, style),
                Span::styled("─".repeat(rest), t.get("border")),
            ])
        }
        None => Line::from(Span::styled(
            "─".repeat(area.width as usize),
            t.get("border"),
        )),
    };
    lines.push(sep);
    match (&state.mode, state.current()) {
        (Mode::Edit { buffer, cursor }, _) => {
            let label = " Replacement: ";
            lines.push(Line::from(vec![
                Span::styled(label, t.get("key")),
                // A line break in the text is one visible mark, so the cursor stays in place.
                Span::styled(buffer.replace('\n', "⏎"), t.get("input")),
                Span::styled(" ", t.get("input")),
            ]));
            lines.push(Line::from(Span::styled(
                " Enter accepts this text · Esc cancels",
                t.get("muted"),
            )));
            place_cursor(frame, area, label, buffer, *cursor);
        }
        (Mode::Filter { buffer, cursor }, _) => {
            let label = " Filter (rule, path or message): ";
            lines.push(Line::from(vec![
                Span::styled(label, t.get("key")),
                Span::styled(buffer.clone(), t.get("input")),
                Span::styled(" ", t.get("input")),
            ]));
            lines.push(Line::from(Span::styled(
                format!(
                    " {} · Enter keeps the filter · Esc clears it",
                    crate::report::plural(state.visible().len(), "match", "matches")
                ),
                t.get("muted"),
            )));
            place_cursor(frame, area, label, buffer, *cursor);
        }
        (_, Some(item)) => {
            let f = &item.finding;
            let rows = (area.height as usize).saturating_sub(2).max(1);
            let (head, msg, indent) = message_lines(t, f, area.width as usize);
            for (n, text) in msg.into_iter().take(rows).enumerate() {
                let mut spans = if n == 0 {
                    head.clone()
                } else {
                    vec![Span::raw(" ".repeat(indent))]
                };
                spans.push(Span::styled(text, t.get("message")));
                lines.push(Line::from(spans));
            }
            let last = match &state.message {
                _ if f.replacements.is_empty() => Line::from(Span::styled(
                    " No mechanical fix: e writes one, o opens the file.",
                    t.get("muted"),
                )),
                _ => {
                    let mut spans = vec![Span::styled(" fix: ", t.get("muted"))];
                    for (n, r) in f.replacements.iter().enumerate().take(9) {
                        if f.replacements.len() > 1 {
                            spans.push(Span::styled(format!("{} ", n + 1), t.get("key")));
                        }
                        let shown = crate::core::finding::visible(r).into_owned();
                        spans.push(Span::styled(shown, t.get("alternative")));
                        spans.push(Span::raw("  "));
                    }
                    Line::from(spans)
                }
            };
            lines.push(last);
        }
        (_, None) => {}
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The finding's rule line and its message wrapped to `width`: (rule spans, message rows, indent of
/// the rows after the first). The message runs beside the rule, or under it on a narrow screen
/// rather than in a thin column.
pub(super) fn message_lines(
    t: &Theme,
    f: &Finding,
    width: usize,
) -> (Vec<Span<'static>>, Vec<String>, usize) {
    let head = vec![
        Span::styled(format!(" {} ", f.rule), t.get("rule")),
        Span::styled(format!("{} · {} · ", f.severity, f.safety), t.get("muted")),
    ];
    let head_w: usize = head.iter().map(|s| diff::width(&s.content)).sum();
    let narrow = head_w * 2 > width;
    let seg = [Seg {
        text: f.message.clone(),
        emph: false,
    }];
    let rows = diff::wrap(
        &seg,
        width
            .saturating_sub(if narrow { 1 } else { head_w })
            .max(10),
    )
    .into_iter()
    .map(|part| part.iter().map(|s| s.text.as_str()).collect::<String>());
    if narrow {
        (
            head,
            std::iter::once(String::new()).chain(rows).collect(),
            1,
        )
    } else {
        (head, rows.collect(), head_w)
    }
}

/// Puts the terminal cursor in a text field on the pane's second line, after `label` and the first
/// `cursor` characters of `buffer`, never past the pane's right edge.
fn place_cursor(frame: &mut Frame, area: Rect, label: &str, buffer: &str, cursor: usize) {
    let typed: String = buffer.chars().take(cursor).collect();
    let x = area.x + (diff::width(label) + diff::width(&typed)) as u16;
    frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y + 1));
}
