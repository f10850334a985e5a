//! Pop-ups over the screen: help, bulk decisions and the question before quitting.

use super::*;

/// One key and what it does, the description wrapped under itself (not under the key).
pub(super) fn help_entry(
    ui: &Ui,
    keys: &str,
    help: &str,
    key_w: usize,
    inner: u16,
) -> Vec<Line<'static>> {
    let t = ui.theme;
    let indent = key_w + 3;
    let seg = [Seg {
        text: help.to_owned(),
        emph: false,
    }];
    let rows = diff::wrap(&seg, (inner as usize).saturating_sub(indent).max(12));
    rows.into_iter()
        .enumerate()
        .map(|(n, part)| {
            let text: String = part.iter().map(|s| s.text.as_str()).collect();
            let lead = if n == 0 {
                format!(" {keys:<key_w$}  ")
            } else {
                " ".repeat(indent)
            };
            Line::from(vec![
                Span::styled(lead, t.get("key")),
                Span::styled(text, t.get("popup")),
            ])
        })
        .collect()
}

/// A centred rectangle of at most `w`×`h` inside `area`.
/// A `w`×`h` rectangle in the middle of `area` (smaller when `area` is).
pub(crate) fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width.saturating_sub(2)).max(1);
    let h = h.min(area.height.saturating_sub(2)).max(1);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A bordered pop-up with a title over whatever `rect` held (the review and triage screens share it).
pub(crate) fn popup(frame: &mut Frame, rect: Rect, title: &str, lines: Vec<Line>, theme: &Theme) {
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {title} "),
            theme.get("popup_border"),
        ))
        .border_style(theme.get("popup_border"))
        .style(theme.get("popup"));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}

pub(super) fn draw_help(frame: &mut Frame, area: Rect, state: &ReviewState, ui: &Ui) {
    let t = ui.theme;
    let inner = 96
        .min(area.width.saturating_sub(2))
        .saturating_sub(2)
        .max(1);
    let valid = state.valid_actions();
    let mut lines = vec![Line::from(Span::styled(
        "Keys that work here:",
        t.get("title"),
    ))];
    let key_w = ui
        .keymap
        .bindings
        .iter()
        .map(|b| diff::width(&ui.keymap.keys_label(b.action)))
        .max()
        .unwrap_or(6)
        .max(6);
    for b in &ui.keymap.bindings {
        if !valid.contains(&b.action) {
            continue;
        }
        let label = ui.keymap.keys_label(b.action);
        lines.extend(help_entry(ui, &label, b.help, key_w, inner));
        if b.action == Action::Accept && valid.contains(&Action::Alternative(2)) {
            lines.extend(help_entry(
                ui,
                "1-9",
                "accept alternative N of the fix",
                key_w,
                inner,
            ));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "Esc closes popups and clears a filter; it never decides anything.",
        t.get("muted"),
    )));
    lines.push(Line::from(Span::styled(
        "Every decision is saved as you go: quitting loses nothing.",
        t.get("muted"),
    )));
    // Rows the help takes once wrapped into the popup; what does not fit is cut, and it says so.
    let rows = |lines: &[Line<'static>]| {
        Paragraph::new(lines.to_vec())
            .wrap(Wrap { trim: false })
            .line_count(inner)
    };
    let room = (area.height as usize).saturating_sub(4);
    if rows(&lines) > room {
        let more = Line::from(Span::styled(
            "… more keys: enlarge the terminal to see them all.",
            t.get("warning"),
        ));
        while lines.len() > 1 && rows(&lines) + rows(std::slice::from_ref(&more)) > room {
            lines.pop();
        }
        lines.push(more);
    }
    let h = rows(&lines) as u16 + 2;
    let rect = centred(area, 96, h);
    popup(frame, rect, "Help", lines, ui.theme);
}

pub(super) fn draw_bulk(
    frame: &mut Frame,
    area: Rect,
    state: &ReviewState,
    ui: &Ui,
    accept: bool,
    scope: BulkScope,
) {
    let t = ui.theme;
    let cur = state.current();
    let file = cur
        .map(|i| state.docs[i.doc].path.clone())
        .unwrap_or_default();
    let rule = cur.map(|i| i.finding.rule.clone()).unwrap_or_default();
    let word: String = {
        let text = cur
            .map(|i| crate::core::finding::visible(&i.finding.text).into_owned())
            .unwrap_or_default();
        if text.chars().count() > 24 {
            text.chars().take(23).chain(['…']).collect()
        } else {
            text
        }
    };
    let verb = if accept { "Accept" } else { "Reject" };
    let mut lines = Vec::new();
    for (s, key, label) in [
        (BulkScope::Word, 'w', format!("this text (\"{word}\")")),
        (BulkScope::File, 'f', format!("this file ({file})")),
        (BulkScope::Rule, 'r', format!("this rule ({rule})")),
        (BulkScope::Everything, 'e', "everything in view".to_owned()),
    ] {
        let n = state.bulk_count(accept, s);
        let style = if s == scope {
            t.get("selection")
        } else {
            t.get("popup")
        };
        lines.push(Line::from(vec![
            Span::styled(if s == scope { " ▸ " } else { "   " }, style),
            Span::styled(format!("{key} "), t.get("key")),
            Span::styled(format!("{label:<44} {n:>5}"), style),
        ]));
    }
    let n = state.bulk_count(accept, scope);
    lines.push(Line::from(""));
    let what = if accept {
        if state.defer {
            "records them (w writes)"
        } else {
            "writes the fixes now; u undoes them in one step"
        }
    } else {
        "leaves the text as it is; u undoes it in one step"
    };
    lines.push(Line::from(vec![
        Span::styled(" Enter/y ", t.get("key")),
        Span::styled(
            format!("{} {n}: {what}", verb.to_lowercase()),
            t.get("popup"),
        ),
    ]));
    lines.push(Line::from(vec![
        Span::styled(" Esc ", t.get("key")),
        Span::styled("cancel", t.get("popup")),
    ]));
    let rect = centred(area, 72, lines.len() as u16 + 2);
    popup(frame, rect, &format!("{verb} in bulk"), lines, ui.theme);
}

pub(super) fn draw_confirm_quit(frame: &mut Frame, area: Rect, state: &ReviewState, ui: &Ui) {
    let t = ui.theme;
    let n = state.unwritten();
    let lines = vec![
        Line::from(Span::styled(
            if n == 1 {
                "1 accepted fix is not written yet.".to_owned()
            } else {
                format!("{n} accepted fixes are not written yet.")
            },
            t.get("popup"),
        )),
        Line::from(""),
        Line::from(vec![
            Span::styled(" y ", t.get("key")),
            Span::styled(
                if n == 1 {
                    "write it and quit"
                } else {
                    "write them and quit"
                },
                t.get("popup"),
            ),
        ]),
        Line::from(vec![
            Span::styled(" n ", t.get("key")),
            Span::styled(
                "quit; `docreview apply --accepted` writes them later",
                t.get("popup"),
            ),
        ]),
        Line::from(vec![
            Span::styled(" Esc ", t.get("key")),
            Span::styled("stay", t.get("popup")),
        ]),
    ];
    let rect = centred(area, 64, 7);
    popup(frame, rect, "Quit", lines, ui.theme);
}
