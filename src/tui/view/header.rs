//! The top line: the session, the position, the counts and the checking spinner.

use super::*;

pub(super) fn draw_header(frame: &mut Frame, area: Rect, state: &ReviewState, ui: &Ui) {
    let t = ui.theme;
    let (at, n) = state.position();
    let crate::core::review::Tally {
        accepted,
        rejected,
        skipped,
        ..
    } = state.counts();
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
