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

mod detail;
mod diff_pane;
mod files;
mod header;
mod keys;
mod popup;

use detail::{draw_detail, message_lines};
use diff_pane::draw_diff;
use files::draw_files;
use header::draw_header;
use keys::draw_keys;
pub(crate) use popup::{centred, popup};
use popup::{draw_bulk, draw_confirm_quit, draw_help};

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

/// Draws the review screen; returns how far the diff pane can scroll, for the shell to keep the
/// scroll within ([`ReviewState::clamp_scroll`]).
pub fn draw(frame: &mut Frame, state: &ReviewState, ui: &Ui) -> Option<usize> {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = too_small_text(area.width, area.height);
        let p = Paragraph::new(text)
            .style(ui.theme.get("warning"))
            .wrap(Wrap { trim: true });
        frame.render_widget(p, area);
        return None;
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
    let scroll_limit = draw_diff(frame, diff_area, state, ui);
    draw_detail(frame, detail, state, ui);
    draw_keys(frame, keys, state, ui);
    match &state.mode {
        Mode::Help => draw_help(frame, area, state, ui),
        Mode::Bulk { accept, scope } => draw_bulk(frame, area, state, ui, *accept, *scope),
        Mode::ConfirmQuit => draw_confirm_quit(frame, area, state, ui),
        Mode::Normal | Mode::Edit { .. } | Mode::Filter { .. } => {}
    }
    scroll_limit
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::finding::{Finding, Safety};
    use crate::core::review::{DocState, Msg};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Modifier;
    use std::collections::HashMap;

    const GUIDE: &str = "# Tuning\n\nThe tuner searches quantization settings. It allows automatically find\nbetter solution for each model.\n\nWith int8 there is tiny accuracy drop compared with fp32, and the ONEDNN backend\nruns the the quantized kernels.\n";
    const README: &str = "# Widget\n\nBuilt with Pytorch on Github.\n";

    fn finding(path: &str, doc: &str, text: &str, rule: &str, reps: &[&str], msg: &str) -> Finding {
        Finding::example(path, doc, text, 0, rule, reps)
            .with_message(msg)
            .with_safety(Safety::Review)
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
        terminal
            .draw(|f| {
                draw(f, state, &ui);
            })
            .expect("draw");
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
