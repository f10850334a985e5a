//! Drawing the review screen from a [`ReviewState`]: header, file list (wide terminals), the diff of
//! the current finding (side by side, or inline under 80 columns), the detail lines, the key bar, and
//! the overlays (help, bulk scope, quit confirmation). Layout is recomputed from the frame's size on
//! every draw, so a resize costs one redraw; nothing here changes state.

use super::keymap::KeyMap;
use super::theme::Theme;
use crate::core::diff::{self, Seg};
use crate::core::finding::Finding;
use crate::core::review::{Action, BulkScope, Mode, ReviewState, Status, Tone, View};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

/// Smallest usable screen.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// Is a screen of this size too small to show the review (so most keys are ignored)?
pub fn is_too_small(size: ratatui::layout::Size) -> bool {
    size.width < MIN_WIDTH || size.height < MIN_HEIGHT
}

/// The keys that still work on a screen too small to show what they would do: quitting, and
/// answering the quit question.
pub fn works_when_small(key: &ratatui::crossterm::event::KeyEvent) -> bool {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    match key.code {
        KeyCode::Char('c') => key.modifiers.contains(KeyModifiers::CONTROL),
        KeyCode::Char('q' | 'y' | 'n') | KeyCode::Esc => key.modifiers.is_empty(),
        _ => false,
    }
}

pub fn too_small_text(width: u16, height: u16) -> String {
    format!(
        "Terminal too small: docreview needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {width}×{height}. \
         Enlarge it, or press q to quit."
    )
}
/// From this width the file list is shown.
const FILES_FROM: u16 = 110;
/// Under this width the diff is inline.
const SIDE_BY_SIDE_FROM: u16 = 80;
/// Lines of context around a finding: at least this many, more when the pane has room.
const CONTEXT_LINES: usize = 3;
const MAX_CONTEXT_LINES: usize = 8;

/// What the screen needs besides the state.
pub struct Ui<'a> {
    pub theme: &'a Theme,
    pub keymap: &'a KeyMap,
    /// One line at the top (the demo's hint).
    pub hint: Option<&'a str>,
    /// Animation frame for the spinner.
    pub tick: usize,
}

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

pub fn draw(frame: &mut Frame, state: &ReviewState, ui: &Ui) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = too_small_text(area.width, area.height);
        let p = Paragraph::new(text)
            .style(ui.theme.get("warning"))
            .wrap(Wrap { trim: true });
        frame.render_widget(p, area);
        return;
    }
    let hint_rows = u16::from(ui.hint.is_some());
    // The finding's message gets the rows it needs, as far as the screen can spare them.
    let spare = if area.height >= 16 {
        (usize::from(area.height) - 10) / 3
    } else {
        1
    };
    let message_rows = state.current().map_or(1, |i| {
        message_lines(ui.theme, &i.finding, area.width as usize)
            .1
            .len()
            .clamp(1, spare.max(1)) as u16
    });
    let [header, hint, body, detail, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(hint_rows),
        Constraint::Min(3),
        Constraint::Length(2 + message_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(frame, header, state, ui);
    if let Some(h) = ui.hint {
        frame.render_widget(
            Paragraph::new(format!(" {h}")).style(ui.theme.get("hint")),
            hint,
        );
    }
    let diff_area = if area.width >= FILES_FROM {
        let [files, rest] =
            Layout::horizontal([Constraint::Length(30), Constraint::Min(20)]).areas(body);
        draw_files(frame, files, state, ui);
        rest
    } else {
        body
    };
    draw_diff(frame, diff_area, state, ui);
    draw_detail(frame, detail, state, ui);
    draw_keys(frame, keys, state, ui);
    match &state.mode {
        Mode::Help => draw_help(frame, area, state, ui),
        Mode::Bulk { accept, scope } => draw_bulk(frame, area, state, ui, *accept, *scope),
        Mode::ConfirmQuit => draw_confirm_quit(frame, area, state, ui),
        Mode::Normal | Mode::Edit { .. } | Mode::Filter { .. } => {}
    }
}

fn draw_header(frame: &mut Frame, area: Rect, state: &ReviewState, ui: &Ui) {
    let t = ui.theme;
    let (at, n) = state.position();
    let (accepted, rejected, skipped, _) = state.counts();
    let pos = if n == 0 {
        "[0/0]".to_owned()
    } else {
        format!("[{}/{}]", at + 1, n)
    };
    let mut spans = vec![
        Span::styled(" docreview ", t.get("header")),
        Span::styled(
            if state.defer {
                "· review (deferred) "
            } else {
                "· review "
            },
            t.get("header"),
        ),
        Span::styled(format!("{pos} "), t.get("header")),
        Span::styled(format!("✓{accepted} "), t.get("header_accepted")),
        Span::styled(format!("✗{rejected} "), t.get("header_rejected")),
        Span::styled(format!("↷{skipped} "), t.get("header_skipped")),
    ];
    if state.defer && state.unwritten() > 0 {
        spans.push(Span::styled(
            format!("· {} to write ", state.unwritten()),
            t.get("header"),
        ));
    }
    if !state.filter.is_empty() {
        spans.push(Span::styled(
            format!("· filter: {} ", state.filter),
            t.get("header"),
        ));
    }
    if state.resumed > 0 {
        spans.push(Span::styled(
            format!("· {} decided earlier ", state.resumed),
            t.get("header"),
        ));
    }
    if state.checking {
        spans.push(Span::styled(
            format!("· {} checking… ", SPINNER[ui.tick % SPINNER.len()]),
            t.get("header"),
        ));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(t.get("header")),
        area,
    );
}

/// A path cut to `width` columns, keeping what tells files apart: the file name, then as many of
/// the folders next to it as fit, and the first folder when there is room ("docs/…/deep/file.md").
pub(super) fn fit_left(s: &str, width: usize) -> String {
    if diff::width(s) <= width {
        return s.to_owned();
    }
    let first = s.split_once('/').map(|(f, _)| f).filter(|f| !f.is_empty());
    // Cut points: each '/' after the first folder, longest tail first; the first folder too when
    // it fits with that tail.
    for tail in s.match_indices('/').map(|(i, _)| &s[i..]) {
        if let Some(f) = first
            && diff::width(f) + 1 + diff::width(tail) <= width
            && tail.len() + f.len() < s.len()
        {
            return format!("{f}/…{tail}");
        }
        if diff::width(tail) < width {
            return format!("…{tail}");
        }
    }
    // Not even the file name fits: its end, then.
    let mut out: Vec<char> = Vec::new();
    let mut used = 1;
    for c in s.chars().rev() {
        let w = diff::width(&c.to_string());
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out.into_iter().rev().collect()
}

fn draw_files(frame: &mut Frame, area: Rect, state: &ReviewState, ui: &Ui) {
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
        .position(|f| Some(f.0) == current_doc)
        .unwrap_or(0);
    let first = at
        .saturating_sub(rows.saturating_sub(1) / 2)
        .min(files.len().saturating_sub(rows));
    let width = inner.width as usize;
    let lines: Vec<Line> = files
        .iter()
        .skip(first)
        .take(rows)
        .map(|&(doc, decided, total)| {
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
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Old and new text of the doc around the current finding, as the diff should show them.
fn versions(state: &ReviewState) -> Option<(String, String, std::ops::Range<usize>)> {
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
fn mark_span(row_segs: &[Seg], row_start: usize, span: &std::ops::Range<usize>) -> Vec<Seg> {
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

fn styled(segs: &[Seg], base: Style, emph: Style) -> Vec<Span<'static>> {
    segs.iter()
        .filter(|s| !s.text.is_empty())
        .map(|s| Span::styled(s.text.clone(), if s.emph { emph } else { base }))
        .collect()
}

fn draw_diff(frame: &mut Frame, area: Rect, state: &ReviewState, ui: &Ui) {
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
        return;
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
    let Some((old, new, span)) = versions(state) else {
        return;
    };
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
    state.scroll_limit.set(Some(max_scroll));
    let skip = state.scroll.min(max_scroll);
    let shown: Vec<Line> = lines.into_iter().skip(skip).collect();
    frame.render_widget(Paragraph::new(shown), body);
}

fn draw_detail(frame: &mut Frame, area: Rect, state: &ReviewState, ui: &Ui) {
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
            let x = area.x
                + (diff::width(label)
                    + diff::width(&buffer.chars().take(*cursor).collect::<String>()))
                    as u16;
            frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y + 1));
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
            let x = area.x
                + (diff::width(label)
                    + diff::width(&buffer.chars().take(*cursor).collect::<String>()))
                    as u16;
            frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y + 1));
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

/// One key and what it does, the description wrapped under itself (not under the key).
fn help_entry(ui: &Ui, keys: &str, help: &str, key_w: usize, inner: u16) -> Vec<Line<'static>> {
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

/// The finding's rule line and its message wrapped to `width`: (rule spans, message rows, indent of
/// the rows after the first). The message runs beside the rule, or under it on a narrow screen
/// rather than in a thin column.
fn message_lines(t: &Theme, f: &Finding, width: usize) -> (Vec<Span<'static>>, Vec<String>, usize) {
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

/// The key bar: the keys that do something now.
fn draw_keys(frame: &mut Frame, area: Rect, state: &ReviewState, ui: &Ui) {
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

/// A centred rectangle of at most `w`×`h` inside `area`.
fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width.saturating_sub(2)).max(1);
    let h = h.min(area.height.saturating_sub(2)).max(1);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn popup(frame: &mut Frame, rect: Rect, title: &str, lines: Vec<Line>, ui: &Ui) {
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {title} "),
            ui.theme.get("popup_border"),
        ))
        .border_style(ui.theme.get("popup_border"))
        .style(ui.theme.get("popup"));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}

fn draw_help(frame: &mut Frame, area: Rect, state: &ReviewState, ui: &Ui) {
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
    popup(frame, rect, "Help", lines, ui);
}

fn draw_bulk(
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
    popup(frame, rect, &format!("{verb} in bulk"), lines, ui);
}

fn draw_confirm_quit(frame: &mut Frame, area: Rect, state: &ReviewState, ui: &Ui) {
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
    popup(frame, rect, "Quit", lines, ui);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::finding::{Finding, Safety, Severity};
    use crate::core::review::{DocState, Msg};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Modifier;
    use std::collections::HashMap;

    const GUIDE: &str = "# Tuning\n\nThe tuner searches quantization settings. It allows automatically find\nbetter solution for each model.\n\nWith int8 there is tiny accuracy drop compared with fp32, and the ONEDNN backend\nruns the the quantized kernels.\n";
    const README: &str = "# Widget\n\nBuilt with Pytorch on Github.\n";

    fn finding(path: &str, doc: &str, text: &str, rule: &str, reps: &[&str], msg: &str) -> Finding {
        let start = doc.find(text).expect("in doc");
        Finding {
            path: path.into(),
            rule: rule.into(),
            severity: Severity::Warning,
            message: msg.into(),
            line: doc[..start].matches('\n').count() + 1,
            column: 1,
            start,
            end: start + text.len(),
            text: text.into(),
            replacements: reps.iter().map(|s| (*s).to_owned()).collect(),
            safety: Safety::Review,
            fingerprint: format!("{path}{start}"),
        }
    }

    fn state() -> ReviewState {
        let mut s = ReviewState::new("t".into(), false, HashMap::new());
        s.update(Msg::Findings {
            docs: vec![
                DocState { path: "docs/tuning.md".into(), text: GUIDE.into() },
                DocState { path: "README.md".into(), text: README.into() },
            ],
            findings: vec![
                finding(
                    "docs/tuning.md",
                    GUIDE,
                    "allows automatically find",
                    "grammar.allow-to",
                    &["allows you to automatically find", "allows to automatically find"],
                    "\"allows\" does not take a bare verb: say who it lets \"find\" (\"allows you to find\") or add \"to\".",
                ),
                finding(
                    "docs/tuning.md",
                    GUIDE,
                    "tiny accuracy drop",
                    "grammar.article",
                    &["a tiny accuracy drop"],
                    "\"drop\" is a singular countable noun and needs an article here.",
                ),
                finding("docs/tuning.md", GUIDE, "ONEDNN", "terminology.canonical", &["oneDNN"], "Write \"oneDNN\"."),
                finding("docs/tuning.md", GUIDE, "the the", "grammar.repeated-word", &["the"], "\"the\" is written twice in a row."),
                finding("README.md", README, "Pytorch", "terminology.canonical", &["PyTorch"], "Write \"PyTorch\"."),
                finding("README.md", README, "Github", "terminology.canonical", &["GitHub"], "Write \"GitHub\"."),
            ],
        });
        s.update(Msg::CheckingDone);
        // The first finding in path order is README's; start on the guideline example.
        s.update(Msg::Action(Action::NextFile));
        s.message = None;
        s
    }

    fn render(state: &ReviewState, w: u16, h: u16) -> Terminal<TestBackend> {
        let theme = Theme::built_in("default").expect("theme");
        let keymap = KeyMap::default();
        let ui = Ui {
            theme: &theme,
            keymap: &keymap,
            hint: None,
            tick: 0,
        };
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal.draw(|f| draw(f, state, &ui)).expect("draw");
        terminal
    }

    #[test]
    fn review_at_120x35() {
        insta::assert_snapshot!("review_120x35", render(&state(), 120, 35).backend());
    }

    #[test]
    fn review_at_90x30() {
        insta::assert_snapshot!("review_90x30", render(&state(), 90, 30).backend());
    }

    #[test]
    fn review_at_70x20_is_inline() {
        insta::assert_snapshot!("review_70x20", render(&state(), 70, 20).backend());
    }

    #[test]
    fn too_small_at_30x8() {
        insta::assert_snapshot!("review_30x8", render(&state(), 30, 8).backend());
    }

    #[test]
    fn long_paths_keep_the_file_name_and_a_folder_hint() {
        let p = "docs/static_site/src/pages/api/faq/perf.md";
        assert_eq!(fit_left(p, 60), p);
        assert_eq!(fit_left(p, 24), "…/pages/api/faq/perf.md");
        assert_eq!(fit_left(p, 32), "docs/…/src/pages/api/faq/perf.md");
        assert_eq!(fit_left(p, 14), "…/faq/perf.md");
        assert_eq!(fit_left("docs/a-long-folder/perf.md", 14), "docs/…/perf.md");
        assert_eq!(fit_left(p, 9), "…/perf.md");
        assert_eq!(fit_left(p, 5), "…f.md");
        assert_eq!(fit_left("terminology.canonical", 10), "…canonical");
    }

    #[test]
    fn only_quitting_works_on_a_too_small_screen() {
        use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let key = |c, m| KeyEvent::new(c, m);
        assert!(works_when_small(&key(
            KeyCode::Char('q'),
            KeyModifiers::NONE
        )));
        assert!(works_when_small(&key(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL
        )));
        // Accepting a fix you cannot see is not possible.
        assert!(!works_when_small(&key(
            KeyCode::Char('a'),
            KeyModifiers::NONE
        )));
        assert!(!works_when_small(&key(
            KeyCode::Char('c'),
            KeyModifiers::NONE
        )));
        assert!(is_too_small(ratatui::layout::Size::new(39, 30)));
        assert!(!is_too_small(ratatui::layout::Size::new(40, 10)));
    }

    #[test]
    fn help_overlay() {
        let mut s = state();
        s.update(Msg::Action(Action::Help));
        insta::assert_snapshot!("help_120x35", render(&s, 120, 35).backend());
    }

    fn screen_text(t: &Terminal<TestBackend>) -> String {
        let b = t.backend().buffer();
        b.content().iter().map(|c| c.symbol()).collect()
    }

    #[test]
    fn help_on_a_short_screen_says_keys_are_cut_off() {
        let mut s = state();
        s.update(Msg::Action(Action::Help));
        let small = screen_text(&render(&s, 60, 14));
        assert!(small.contains("more keys: enlarge"), "{small}");
        let big = screen_text(&render(&s, 120, 35));
        assert!(!big.contains("more keys"));
    }

    #[test]
    fn a_line_break_in_the_edit_field_is_visible() {
        let mut s = state();
        s.update(Msg::Action(Action::Edit));
        if let Mode::Edit { buffer, cursor } = &mut s.mode {
            *buffer = "one\ntwo".into();
            *cursor = 7;
        }
        let shown = screen_text(&render(&s, 90, 30));
        assert!(shown.contains("one⏎two"), "{shown}");
    }

    #[test]
    fn bulk_popup() {
        let mut s = state();
        s.update(Msg::Action(Action::BulkAccept));
        s.update(Msg::Input(crate::core::review::Input::Char('r')));
        insta::assert_snapshot!("bulk_90x30", render(&s, 90, 30).backend());
    }

    #[test]
    fn edit_field_previews_the_replacement() {
        let mut s = state();
        s.update(Msg::Action(Action::Edit));
        for _ in 0.."automatically find".len() {
            s.update(Msg::Input(crate::core::review::Input::Backspace));
        }
        for c in "let you find".chars() {
            s.update(Msg::Input(crate::core::review::Input::Char(c)));
        }
        insta::assert_snapshot!("edit_90x30", render(&s, 90, 30).backend());
    }

    #[test]
    fn changed_words_are_underlined_not_only_coloured() {
        let t = render(&state(), 120, 35);
        let buf = t.backend().buffer();
        // Find "you" in the right column on the finding's line and check its style.
        let mut found = false;
        for y in 0..buf.area.height {
            let row: String = (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect();
            if !row.contains('│') {
                continue;
            }
            if let Some(col) = row.find("you to") {
                let x = row[..col].chars().count() as u16;
                assert!(
                    buf[(x, y)].modifier.contains(Modifier::UNDERLINED),
                    "row {y}: {row}"
                );
                found = true;
            }
        }
        assert!(found, "the proposed words are on screen");
    }
}
