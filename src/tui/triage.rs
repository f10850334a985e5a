//! The triage screen: groups of findings (by rule or by file) with counts, progress and three example
//! fixes each, and one decision per group. "Review one by one" opens the review screen on the group and
//! `q` comes back; the rest goes through [`TriageState`]. Writes, journal and undo are the review
//! screen's own ([`super::carry_out`]).

use super::keymap::KeyMap;
use super::theme::Theme;
use super::view::{self, MIN_HEIGHT, MIN_WIDTH, Ui};
use super::{Outside, Reloader, Restore, carry_out, message_for};
use crate::core::diff::{self, Seg};
use crate::core::finding::Finding;
use crate::core::review::{DocState, Input, Msg, ReviewState, Tally, Tone};
use crate::core::triage::{GroupAction, TriageAction, TriageEffect, TriageMode, TriageState};
use crate::io::journal::Journal;
use crate::report::{plural, thousands};
use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use std::collections::HashMap;
use std::io;
use std::path::PathBuf;
use std::time::Duration;

/// The triage screen's keys, from the user's key table: its own commands (`review-group`, `group-by`,
/// `dismiss-group`, `baseline-group`, `disable-rule`) and the review screen's next, prev, undo, help,
/// quit and bulk-accept (accept a whole group).
fn action_for(key: &KeyEvent, keymap: &KeyMap) -> Option<TriageAction> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    keymap.triage_action(key)
}

fn input_for(key: &KeyEvent) -> Option<Input> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    Some(match key.code {
        KeyCode::Enter => Input::Enter,
        KeyCode::Esc => Input::Esc,
        KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => Input::Esc,
        KeyCode::Char(c) => Input::Char(c),
        _ => return None,
    })
}

/// What the triage screen starts from, loaded by the `triage` command.
pub struct Setup {
    /// The docs in scope, as read.
    pub docs: Vec<DocState>,
    /// Their findings, baselined ones left out.
    pub findings: Vec<Finding>,
    /// Where each doc (by its shown path) is written back.
    pub reals: HashMap<String, PathBuf>,
    pub theme: Theme,
    pub keymap: KeyMap,
    pub journal: Journal,
    /// The team's vocabulary file (the review screen's `+` adds to it).
    pub vocabulary: PathBuf,
    /// Accepted fixes are written later, by `apply --accepted` (`--defer`).
    pub defer: bool,
    /// Group by file instead of by rule.
    pub by_file: bool,
    /// Reads a doc again and checks it (after a fix was written).
    pub reload: Reloader,
    /// The editor command (`$VISUAL`, `$EDITOR`).
    pub editor: Option<String>,
}

/// The decisions of the triage screen that reach beyond the docs: the command carries them out.
pub trait Decisions {
    /// Records `findings` in the baseline.
    fn add_to_baseline(&mut self, findings: &[Finding]) -> Result<(), String>;
    /// Turns `rule` off in the team's config; the message to show.
    fn disable_rule(&mut self, rule: &str) -> Result<String, String>;
}

/// Runs the triage screen until the user quits; returns the one-line summary of what was decided.
pub fn run(setup: Setup, decisions: &mut dyn Decisions) -> io::Result<String> {
    let Setup {
        docs,
        findings,
        reals,
        theme,
        keymap,
        journal,
        vocabulary,
        defer,
        by_file,
        mut reload,
        editor,
    } = setup;
    let outside = Outside {
        journal: &journal,
        reals: &reals,
        vocabulary: &vocabulary,
        editor: editor.as_deref(),
    };
    let total = findings.len();
    let mut review = ReviewState::new(crate::io::journal::session_id(), defer, HashMap::new());
    review.update(Msg::Findings { docs, findings });
    review.update(Msg::CheckingDone);
    review.message = None;
    let mut state = TriageState::new(review, by_file);

    let stop = super::stop_flag();
    let mut terminal = ratatui::try_init()?;
    let guard = Restore;
    let mut reviewing = false;
    let mut scroll_limit: Option<usize> = None;
    loop {
        if stop.raised() {
            break;
        }
        let ui = Ui {
            theme: &theme,
            keymap: &keymap,
            hint: reviewing.then_some("Reviewing one group: q goes back to triage."),
            tick: 0,
        };
        terminal.draw(|f| {
            if reviewing {
                scroll_limit = view::draw(f, &state.review, &ui);
            } else {
                draw(f, &state, &theme, &keymap, total);
            }
        })?;
        if !event::poll(Duration::from_millis(500))? {
            continue;
        }
        let Event::Key(key) = event::read()? else {
            continue;
        };
        if view::is_too_small(terminal.size()?) && !view::works_when_small(&key) {
            continue;
        }
        if reviewing {
            let Some(msg) = message_for(&state.review, &keymap, &key) else {
                continue;
            };
            let fx = state.review.update(msg);
            if let Some(max) = scroll_limit {
                state.review.clamp_scroll(max);
            }
            if carry_out(&mut state.review, fx, &mut terminal, &outside, &mut reload)? {
                reviewing = false;
                state.review.restrict(None);
                state.review.message = None;
            }
            continue;
        }
        let effects = match state.mode {
            TriageMode::Normal => match action_for(&key, &keymap) {
                Some(a) => state.action(a),
                None => continue,
            },
            _ => match input_for(&key) {
                Some(i) => state.input(i),
                None => continue,
            },
        };
        let mut review_fx = Vec::new();
        let mut quit = false;
        for e in effects {
            match e {
                TriageEffect::Review(fx) => review_fx.push(fx),
                TriageEffect::Quit => quit = true,
                TriageEffect::OpenReview(ids) => {
                    state.review.restrict(Some(ids.into_iter().collect()));
                    reviewing = true;
                }
                TriageEffect::AddToBaseline(ids) => {
                    let found: Vec<_> = ids
                        .iter()
                        .map(|&i| state.review.items[i].finding.clone())
                        .collect();
                    match decisions.add_to_baseline(&found) {
                        Ok(()) => state.hide(
                            &ids,
                            format!(
                                "Added {} to the baseline.",
                                plural(ids.len(), "finding", "findings")
                            ),
                        ),
                        Err(e) => state.message = Some((Tone::Error, e)),
                    }
                }
                TriageEffect::DisableRule(rule, ids) => match decisions.disable_rule(&rule) {
                    Ok(message) => state.hide(&ids, message),
                    Err(e) => state.message = Some((Tone::Error, e)),
                },
            }
        }
        if carry_out(
            &mut state.review,
            review_fx,
            &mut terminal,
            &outside,
            &mut reload,
        )? {
            quit = true;
        }
        if let Some(m) = state.review.message.take()
            && m.0 != Tone::Info
        {
            state.message = Some(m);
        }
        if quit {
            break;
        }
    }
    drop(guard);
    let Tally {
        accepted,
        rejected,
        skipped,
        ..
    } = state.review.counts();
    let files = state.review.changed_docs();
    Ok(format!(
        "docreview triage: {} accepted, {} dismissed, {} skipped of {}; {}.",
        thousands(accepted),
        thousands(rejected),
        thousands(skipped),
        plural(total, "finding", "findings"),
        if files.is_empty() {
            "no file changed".to_owned()
        } else {
            format!("wrote {}", plural(files.len(), "file", "files"))
        }
    ))
}

/// Draws the triage screen.
pub fn draw(frame: &mut Frame, state: &TriageState, theme: &Theme, keymap: &KeyMap, total: usize) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = view::too_small_text(area.width, area.height);
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.get("warning"))
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let [header, body, message, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let groups = state.groups();
    let Tally {
        accepted,
        rejected,
        open,
        ..
    } = state.review.counts();
    let head = format!(
        " docreview · triage · {} · {} open · ✓{} ✗{} · by {} (Tab: by {}) ",
        plural(total, "finding", "findings"),
        thousands(open),
        thousands(accepted),
        thousands(rejected),
        if state.by_file { "file" } else { "rule" },
        if state.by_file { "rule" } else { "file" }
    );
    frame.render_widget(Paragraph::new(head).style(theme.get("header")), header);

    let list_w = (area.width / 2).clamp(30, 60);
    let [list, detail] =
        Layout::horizontal([Constraint::Length(list_w), Constraint::Min(10)]).areas(body);
    let rows = list.height as usize;
    let cursor = state.cursor.min(groups.len().saturating_sub(1));
    let first = cursor
        .saturating_sub(rows.saturating_sub(1) / 2)
        .min(groups.len().saturating_sub(rows));
    let bar_w = 8usize;
    let lines: Vec<Line> = groups
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, g)| {
            let done = g.decided();
            let filled = if g.items.is_empty() {
                0
            } else {
                bar_w * done / g.items.len()
            };
            let count = format!(" {:>6} ", g.items.len());
            let bar = format!("{}{}", "█".repeat(filled), "░".repeat(bar_w - filled));
            let name_w = (list_w as usize).saturating_sub(count.len() + bar_w + 4);
            let name = view::fit_left(&g.key, name_w);
            let pad = name_w.saturating_sub(diff::width(&name));
            let style = if i == cursor {
                theme.get("selection")
            } else {
                theme.get("file")
            };
            Line::from(vec![
                Span::styled(if i == cursor { "▸ " } else { "  " }, style),
                Span::styled(format!("{name}{}", " ".repeat(pad)), style),
                Span::styled(count, theme.get("muted")),
                Span::styled(
                    bar,
                    if done == g.items.len() {
                        theme.get("info")
                    } else {
                        theme.get("muted")
                    },
                ),
            ])
        })
        .collect();
    let block = Block::default()
        .borders(Borders::RIGHT)
        .border_style(theme.get("border"));
    let inner = block.inner(list);
    frame.render_widget(block, list);
    frame.render_widget(Paragraph::new(lines), inner);

    if let Some(g) = groups.get(cursor) {
        let mut d: Vec<Line> = vec![
            Line::from(Span::styled(format!(" {}", g.key), theme.get("title"))),
            Line::from(Span::styled(
                format!(
                    " {} · {} open · {} decided · {} with a fix, in {}",
                    plural(g.items.len(), "finding", "findings"),
                    thousands(g.open),
                    thousands(g.decided()),
                    thousands(g.fixable),
                    plural(g.files, "file", "files")
                ),
                theme.get("muted"),
            )),
            Line::from(""),
        ];
        let width = detail.width.saturating_sub(6) as usize;
        for id in state.examples(g, 3) {
            let it = &state.review.items[id];
            let path = &state.review.docs[it.doc].path;
            d.push(Line::from(vec![
                Span::styled(
                    format!(
                        " {}:{}",
                        view::fit_left(path, width.saturating_sub(8)),
                        it.finding.line
                    ),
                    theme.get("gutter"),
                ),
                Span::styled(
                    if state.by_file {
                        format!(" · {}", it.finding.rule)
                    } else {
                        String::new()
                    },
                    theme.get("muted"),
                ),
            ]));
            let text = &state.review.docs[it.doc].text;
            let (ls, le) = line_around(text, it.finding.start);
            let before = &text[ls..le];
            let after = it.finding.replacements.first().map(|r| {
                let mut s = text[ls..it.finding.start.max(ls)].to_owned();
                s.push_str(r);
                s.push_str(&text[it.finding.end.min(le).max(it.finding.start)..le]);
                s
            });
            match after {
                Some(a) if a != before => {
                    let (o, n) = diff::emphasise(before, &a);
                    for (sign, segs, base, emph) in [
                        ("-", o, theme.get("diff_del"), theme.get("emph_del")),
                        ("+", n, theme.get("diff_add"), theme.get("emph_add")),
                    ] {
                        let mut spans = vec![Span::styled(format!("   {sign} "), base)];
                        spans.extend(
                            clip(&segs, width)
                                .into_iter()
                                .map(|s| Span::styled(s.text, if s.emph { emph } else { base })),
                        );
                        d.push(Line::from(spans));
                    }
                }
                _ => {
                    let mut spans = vec![Span::styled("     ", theme.get("context"))];
                    spans.push(Span::styled(fit_right(before, width), theme.get("context")));
                    d.push(Line::from(spans));
                    d.push(Line::from(Span::styled(
                        format!("     {}", it.finding.message),
                        theme.get("muted"),
                    )));
                }
            }
            d.push(Line::from(""));
        }
        frame.render_widget(Paragraph::new(d), detail);
    }

    let msg = match &state.message {
        Some((tone, text)) => Line::from(Span::styled(
            format!(" {text}"),
            match tone {
                Tone::Info => theme.get("info"),
                Tone::Warning => theme.get("warning"),
                Tone::Error => theme.get("error"),
            },
        )),
        None => Line::from(""),
    };
    frame.render_widget(Paragraph::new(msg), message);
    let bar = keymap.triage_bar();
    let mut spans = Vec::new();
    for (k, d) in &bar {
        spans.push(Span::styled(format!(" {k} "), theme.get("key")));
        spans.push(Span::styled(format!("{d} "), theme.get("key_desc")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), keys);

    match &state.mode {
        TriageMode::Help => {
            let lines: Vec<Line> = keymap
                .triage_help()
                .iter()
                .map(|(k, d)| {
                    Line::from(vec![
                        Span::styled(format!(" {k:<9}"), theme.get("key")),
                        Span::styled(*d, theme.get("popup")),
                    ])
                })
                .collect();
            popup(frame, area, "Triage keys", lines, theme);
        }
        TriageMode::Confirm(action) => {
            if let Some(g) = groups.get(cursor) {
                let question = match action {
                    GroupAction::AcceptAll => format!(
                        "Accept {} of {}? {} change now; u undoes it in one step.",
                        plural(g.fixable, "fix", "fixes"),
                        g.key,
                        plural(g.files, "file", "files")
                    ),
                    GroupAction::DismissAll => format!(
                        "Dismiss {} of {}? The text stays as it is and they do not come back in reviews.",
                        plural(g.open, "open finding", "open findings"),
                        g.key
                    ),
                    GroupAction::Baseline => format!(
                        "Add {} of {} to {}? check, review and triage stop reporting them.",
                        plural(g.items.len(), "finding", "findings"),
                        g.key,
                        crate::core::baseline::FILE_NAME
                    ),
                    GroupAction::DisableRule => format!(
                        "Turn {} off in {}? Its {} stop being reported (the file keeps its comments).",
                        g.key,
                        crate::config::FILE_NAME,
                        plural(g.items.len(), "finding", "findings")
                    ),
                };
                let lines = vec![
                    Line::from(Span::styled(question, theme.get("popup"))),
                    Line::from(""),
                    Line::from(vec![
                        Span::styled(" y Enter ", theme.get("key")),
                        Span::styled("yes", theme.get("popup")),
                    ]),
                    Line::from(vec![
                        Span::styled(" Esc n ", theme.get("key")),
                        Span::styled("no", theme.get("popup")),
                    ]),
                ];
                popup(frame, area, "Confirm", lines, theme);
            }
        }
        TriageMode::Normal => {}
    }
}

/// A pop-up sized to its lines in the middle of `area`.
fn popup(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line>, theme: &Theme) {
    let rect = view::centred(area, 84, lines.len() as u16 + 4);
    view::popup(frame, rect, title, lines, theme);
}

/// The line of `text` holding `at`, as a byte range without its line break.
fn line_around(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let s = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let e = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let e = if text[s..e].ends_with('\r') { e - 1 } else { e };
    (s, e)
}

fn fit_right(s: &str, width: usize) -> String {
    if diff::width(s) <= width {
        return s.to_owned();
    }
    let keep: String = s.chars().take(width.saturating_sub(1)).collect();
    format!("{keep}…")
}

/// The first `width` columns of a line of segments, centred on the first emphasised one.
fn clip(segs: &[Seg], width: usize) -> Vec<Seg> {
    let lines = diff::wrap(segs, usize::MAX / 4);
    let all = lines.into_iter().next().unwrap_or_default();
    let total: usize = all.iter().map(|s| diff::width(&s.text)).sum();
    if total <= width {
        return all;
    }
    // Skip to a little before the change.
    let mut before = 0;
    for s in &all {
        if s.emph {
            break;
        }
        before += diff::width(&s.text);
    }
    let skip = before.saturating_sub(width / 3);
    let mut out = Vec::new();
    let mut col = 0;
    let mut used = 0;
    for s in all {
        for c in s.text.chars() {
            let w = diff::width(&c.to_string());
            if col >= skip && used + w <= width {
                match out.last_mut() {
                    Some(Seg { text, emph }) if *emph == s.emph => text.push(c),
                    _ => out.push(Seg {
                        text: c.to_string(),
                        emph: s.emph,
                    }),
                }
                used += w;
            }
            col += w;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::finding::Finding;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn f(path: &str, doc: &str, text: &str, rule: &str, rep: &str) -> Finding {
        Finding::example(path, doc, text, 0, rule, &[rep]).with_message("m")
    }

    fn state() -> TriageState {
        let a = "# A\n\nHosted on Github, see Gitlab too.\n\nThe the end.\n";
        let b = "Also Github here.\n";
        let mut r = ReviewState::new("t".into(), false, HashMap::new());
        r.update(Msg::Findings {
            docs: vec![
                DocState {
                    path: "docs/a.md".into(),
                    text: a.into(),
                },
                DocState {
                    path: "docs/b.md".into(),
                    text: b.into(),
                },
            ],
            findings: vec![
                f("docs/a.md", a, "Github", "terminology.canonical", "GitHub"),
                f("docs/a.md", a, "Gitlab", "terminology.canonical", "GitLab"),
                f("docs/a.md", a, "The the", "grammar.repeated-word", "The"),
                f("docs/b.md", b, "Github", "terminology.canonical", "GitHub"),
            ],
        });
        r.update(Msg::CheckingDone);
        TriageState::new(r, false)
    }

    #[test]
    fn moving_undo_help_and_quit_follow_the_users_keys() {
        use ratatui::crossterm::event::KeyModifiers;
        let press = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let overrides =
            std::collections::BTreeMap::from([("next".to_owned(), vec!["n".to_owned()])]);
        let keymap = KeyMap::with_overrides(&overrides).expect("keys");
        assert_eq!(action_for(&press('n'), &keymap), Some(TriageAction::Next));
        assert_eq!(action_for(&press('j'), &keymap), None);
        assert_eq!(action_for(&press('k'), &keymap), Some(TriageAction::Prev));
        assert_eq!(
            action_for(&press('D'), &keymap),
            Some(TriageAction::Group(GroupAction::DismissAll))
        );
        let theme = Theme::load("default", None).expect("theme");
        let mut t = Terminal::new(TestBackend::new(120, 35)).expect("terminal");
        t.draw(|f| draw(f, &state(), &theme, &keymap, 4))
            .expect("draw");
        let screen: String = t
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(screen.contains(" n k move"), "{screen}");
    }

    #[test]
    fn the_triage_commands_follow_the_users_keys_too() {
        use ratatui::crossterm::event::KeyModifiers;
        let press = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let keys = |pairs: &[(&str, &str)]| {
            let o = pairs
                .iter()
                .map(|(c, k)| ((*c).to_owned(), vec![(*k).to_owned()]))
                .collect();
            KeyMap::with_overrides(&o).expect("keys")
        };
        let keymap = keys(&[("dismiss-group", "x"), ("review-group", "v")]);
        let dismiss = Some(TriageAction::Group(GroupAction::DismissAll));
        assert_eq!(action_for(&press('x'), &keymap), dismiss);
        assert_eq!(action_for(&press('D'), &keymap), None);
        assert_eq!(action_for(&press('v'), &keymap), Some(TriageAction::Review));
        let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(action_for(&enter, &keymap), None, "Enter was moved to v");
        // A shared command given a triage key takes it over on the triage screen.
        let moved = keys(&[("next", "D")]);
        assert_eq!(action_for(&press('D'), &moved), Some(TriageAction::Next));
        // The key bar and the help say so.
        let theme = Theme::load("default", None).expect("theme");
        let mut t = Terminal::new(TestBackend::new(140, 35)).expect("terminal");
        let mut s = state();
        t.draw(|f| draw(f, &s, &theme, &keymap, 4)).expect("draw");
        let text = |t: &Terminal<TestBackend>| -> String {
            t.backend()
                .buffer()
                .content()
                .iter()
                .map(|c| c.symbol())
                .collect()
        };
        let screen = text(&t);
        assert!(screen.contains(" x dismiss all"), "{screen}");
        assert!(screen.contains(" v review one by one"), "{screen}");
        s.action(TriageAction::Help);
        t.draw(|f| draw(f, &s, &theme, &keymap, 4)).expect("draw");
        let help = text(&t);
        assert!(help.contains(" x        dismiss the group"), "{help}");
    }

    fn render(state: &TriageState, w: u16, h: u16) -> Terminal<TestBackend> {
        let theme = Theme::built_in("default").expect("theme");
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        t.draw(|f| draw(f, state, &theme, &KeyMap::default(), 4))
            .expect("draw");
        t
    }

    #[test]
    fn triage_by_rule_at_120x35() {
        insta::assert_snapshot!("triage_120x35", render(&state(), 120, 35).backend());
    }

    #[test]
    fn triage_confirm_accept_all_at_90x30() {
        let mut s = state();
        s.action(TriageAction::Group(GroupAction::AcceptAll));
        insta::assert_snapshot!("triage_confirm_90x30", render(&s, 90, 30).backend());
    }

    #[test]
    fn triage_by_file_at_80x24() {
        let mut s = state();
        s.action(TriageAction::ToggleGrouping);
        insta::assert_snapshot!("triage_by_file_80x24", render(&s, 80, 24).backend());
    }
}
