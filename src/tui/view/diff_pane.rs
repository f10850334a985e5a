//! The diff pane: the finding's lines before and after the fix, side by side or stacked.

use super::*;

/// Old and new text of the doc around the current finding, as the diff should show them.
pub(super) fn versions(state: &ReviewState) -> Option<(String, String, std::ops::Range<usize>)> {
    let item = state.current()?;
    let text = &state.docs[item.doc].text;
    let span = item.finding.start.min(text.len())..item.finding.end.min(text.len());
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return None;
    }
    let splice = |with: &str| {
        let mut s = text.clone();
        s.replace_range(span.clone(), with);
        s
    };
    match &item.status {
        // Written: the file holds the fix; show what it replaced.
        Status::Accepted(_) if item.written => {
            let old = splice(&item.finding.text);
            let old_span = span.start..span.start + item.finding.text.len();
            Some((old, text.clone(), old_span))
        }
        Status::Accepted(r) => Some((text.clone(), splice(r), span)),
        Status::Stale(_) | Status::Rejected => Some((text.clone(), text.clone(), span)),
        Status::Undecided | Status::Skipped => {
            let proposal = match &state.mode {
                Mode::Edit { buffer, .. } => Some(buffer.clone()),
                _ => item.finding.replacements.first().cloned(),
            };
            match proposal {
                Some(r) if r.matches('\n').count() == text[span.clone()].matches('\n').count() => {
                    Some((text.clone(), splice(&r), span))
                }
                _ => Some((text.clone(), text.clone(), span)),
            }
        }
    }
}

/// Marks the finding's span in a line that does not change (no fix, or rejected).
pub(super) fn mark_span(
    row_segs: &[Seg],
    row_start: usize,
    span: &std::ops::Range<usize>,
) -> Vec<Seg> {
    let text: String = row_segs.iter().map(|s| s.text.as_str()).collect();
    let (a, b) = (
        span.start.saturating_sub(row_start).min(text.len()),
        span.end.saturating_sub(row_start).min(text.len()),
    );
    if a >= b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
        return row_segs.to_vec();
    }
    vec![
        Seg {
            text: text[..a].to_owned(),
            emph: false,
        },
        Seg {
            text: text[a..b].to_owned(),
            emph: true,
        },
        Seg {
            text: text[b..].to_owned(),
            emph: false,
        },
    ]
}

pub(super) fn styled(segs: &[Seg], base: Style, emph: Style) -> Vec<Span<'static>> {
    segs.iter()
        .filter(|s| !s.text.is_empty())
        .map(|s| Span::styled(s.text.clone(), if s.emph { emph } else { base }))
        .collect()
}

/// Draws the diff pane; returns how far it can scroll (none when there is no diff).
pub(super) fn draw_diff(
    frame: &mut Frame,
    area: Rect,
    state: &ReviewState,
    ui: &Ui,
) -> Option<usize> {
    let t = ui.theme;
    let Some(item) = state.current() else {
        let text = if state.checking {
            "Checking your docs…"
        } else if !state.filter.is_empty() {
            "No finding matches the filter (Esc clears it)."
        } else {
            "No findings to review."
        };
        frame.render_widget(
            Paragraph::new(format!(" {text}")).style(t.get("muted")),
            area,
        );
        return None;
    };
    let [title, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let path = &state.docs[item.doc].path;
    let in_file: Vec<usize> = state
        .visible()
        .iter()
        .copied()
        .filter(|&i| state.items[i].doc == item.doc)
        .collect();
    let k = state
        .current_id()
        .and_then(|c| in_file.iter().position(|&i| i == c))
        .unwrap_or(0);
    let (badge, badge_style) = match &item.status {
        Status::Accepted(_) if item.written => (" ✓ accepted, written ".to_owned(), t.get("info")),
        Status::Accepted(_) => (" ✓ accepted, not written yet ".to_owned(), t.get("info")),
        Status::Rejected => (" ✗ rejected ".to_owned(), t.get("warning")),
        Status::Skipped => (" ↷ skipped ".to_owned(), t.get("muted")),
        Status::Stale(why) => (format!(" ⚠ stale: {why} "), t.get("warning")),
        Status::Undecided => (String::new(), Style::new()),
    };
    let rest = format!(
        " · {} · {}/{} in this file",
        item.finding.rule,
        k + 1,
        in_file.len()
    );
    let line_no = format!(":{}", item.finding.line);
    let room = (title.width as usize)
        .saturating_sub(diff::width(&rest) + diff::width(&badge) + diff::width(&line_no) + 1);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(
                format!(" {}{line_no}", fit_left(path, room.max(12))),
                t.get("title"),
            ),
            Span::styled(rest, t.get("muted")),
            Span::styled(badge, badge_style),
        ])),
        title,
    );
    let (old, new, span) = versions(state)?;
    // Use the room a tall pane has (wrapped lines take more rows, so a third of it per side).
    let context = (body.height as usize / 6).clamp(CONTEXT_LINES, MAX_CONTEXT_LINES);
    let rows = diff::rows(&old, &new, span.clone(), context);
    // Byte offset of each shown line in `old`, to mark the span on lines that do not change.
    let line_start = |n: usize| -> usize {
        let body = old.strip_prefix('\u{feff}').map_or(0, |_| 3);
        old.match_indices('\n')
            .nth(n.wrapping_sub(2))
            .map_or(body, |(i, _)| i + 1)
    };
    let nw = rows.last().map_or(1, |r| r.line.to_string().len());
    let inline = area.width < SIDE_BY_SIDE_FROM || state.view == View::Inline;
    let mut lines: Vec<Line> = Vec::new();
    if inline {
        let text_w = (body.width as usize).saturating_sub(nw + 5).max(1);
        for r in &rows {
            if r.changed {
                for (sign, segs, base, emph) in [
                    ("-", &r.old, t.get("diff_del"), t.get("emph_del")),
                    ("+", &r.new, t.get("diff_add"), t.get("emph_add")),
                ] {
                    for (j, part) in diff::wrap(segs, text_w).into_iter().enumerate() {
                        let g = if j == 0 {
                            format!("{sign}{:>nw$} │ ", r.line)
                        } else {
                            format!(" {:>nw$} ┆ ", "")
                        };
                        let mut spans = vec![Span::styled(g, base)];
                        spans.extend(styled(&part, base, emph));
                        lines.push(Line::from(spans));
                    }
                }
            } else {
                let segs = if old == new {
                    mark_span(&r.old, line_start(r.line), &span)
                } else {
                    r.old.clone()
                };
                for (j, part) in diff::wrap(&segs, text_w).into_iter().enumerate() {
                    let g = if j == 0 {
                        format!(" {:>nw$} │ ", r.line)
                    } else {
                        format!(" {:>nw$} ┆ ", "")
                    };
                    let mut spans = vec![Span::styled(g, t.get("gutter"))];
                    spans.extend(styled(&part, t.get("context"), t.get("emph_del")));
                    lines.push(Line::from(spans));
                }
            }
        }
    } else {
        let half = (body.width as usize).saturating_sub(1) / 2;
        // Each half: " N │ " gutter (number width + 4), then the text.
        let text_w = half.saturating_sub(nw + 4).max(1);
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:<half$}", format!(" {:>nw$}   before", "")),
                t.get("muted"),
            ),
            Span::styled("│", t.get("border")),
            Span::styled(
                format!(" {:>nw$}   after (with the fix)", ""),
                t.get("muted"),
            ),
        ]));
        for r in &rows {
            let (lb, le, rb, re) = if r.changed {
                (
                    t.get("diff_del"),
                    t.get("emph_del"),
                    t.get("diff_add"),
                    t.get("emph_add"),
                )
            } else {
                (
                    t.get("context"),
                    t.get("emph_del"),
                    t.get("context"),
                    t.get("emph_add"),
                )
            };
            let (left, right) = if !r.changed && old == new {
                let m = mark_span(&r.old, line_start(r.line), &span);
                (m.clone(), m)
            } else {
                (r.old.clone(), r.new.clone())
            };
            let l = diff::wrap(&left, text_w);
            let rr = diff::wrap(&right, text_w);
            for j in 0..l.len().max(rr.len()) {
                let g = |first: bool| {
                    if first {
                        format!(" {:>nw$} │ ", r.line)
                    } else {
                        format!(" {:>nw$} ┆ ", "")
                    }
                };
                let mut spans = vec![Span::styled(g(j == 0), t.get("gutter"))];
                let lpart = l.get(j).cloned().unwrap_or_default();
                let used: usize = lpart.iter().map(|s| diff::width(&s.text)).sum();
                spans.extend(styled(&lpart, lb, le));
                spans.push(Span::raw(" ".repeat(text_w.saturating_sub(used))));
                spans.push(Span::styled("│", t.get("border")));
                spans.push(Span::styled(g(j == 0), t.get("gutter")));
                if let Some(rpart) = rr.get(j) {
                    spans.extend(styled(rpart, rb, re));
                }
                lines.push(Line::from(spans));
            }
        }
    }
    let max_scroll = lines.len().saturating_sub(body.height as usize);
    let skip = state.scroll.min(max_scroll);
    let shown: Vec<Line> = lines.into_iter().skip(skip).collect();
    frame.render_widget(Paragraph::new(shown), body);
    Some(max_scroll)
}
