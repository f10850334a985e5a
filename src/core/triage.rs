//! The triage screen as a state machine: the findings of a whole doc set in groups (by rule, or by
//! file), each with its count and progress, and one decision per group: review it one by one, accept
//! all its fixes, dismiss it, add it to the baseline, or turn its rule off. Decisions on findings go
//! through the review session ([`ReviewState`]) underneath, so accepting a group writes with the same
//! guarded writes, journal and undo as the review screen.

use crate::core::review::{Effect, Input, ReviewState, Status, Tone};
use std::collections::{BTreeMap, HashSet};

/// What a group is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Rule id, or doc path.
    pub key: String,
    /// Every item of the group (in path order).
    pub items: Vec<usize>,
    /// Items still open.
    pub open: usize,
    /// Open items with a fix.
    pub fixable: usize,
    /// Docs an "accept all" would change.
    pub files: usize,
}

impl Group {
    pub fn decided(&self) -> usize {
        self.items.len() - self.open
    }
}

/// A decision for a whole group, confirmed first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupAction {
    AcceptAll,
    DismissAll,
    Baseline,
    DisableRule,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriageAction {
    Next,
    Prev,
    ToggleGrouping,
    Review,
    Group(GroupAction),
    Undo,
    Help,
    Quit,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TriageMode {
    Normal,
    Help,
    Confirm(GroupAction),
}

/// What the shell must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TriageEffect {
    /// A review effect (write, journal, …).
    Review(Effect),
    /// Open the review screen on these items; come back on `q`.
    OpenReview(Vec<usize>),
    /// Add these items to the baseline file, then call [`TriageState::hide`].
    AddToBaseline(Vec<usize>),
    /// Turn this rule off in the repository's config, then call [`TriageState::hide`].
    DisableRule(String, Vec<usize>),
    Quit,
}

pub struct TriageState {
    pub review: ReviewState,
    pub by_file: bool,
    pub cursor: usize,
    pub mode: TriageMode,
    pub message: Option<(Tone, String)>,
}

impl TriageState {
    pub fn new(review: ReviewState, by_file: bool) -> TriageState {
        TriageState {
            review,
            by_file,
            cursor: 0,
            mode: TriageMode::Normal,
            message: None,
        }
    }

    /// The groups, biggest first.
    pub fn groups(&self) -> Vec<Group> {
        let mut map: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for &i in self.review.order() {
            let it = &self.review.items[i];
            let key = if self.by_file {
                self.review.docs[it.doc].path.clone()
            } else {
                it.finding.rule.clone()
            };
            map.entry(key).or_default().push(i);
        }
        let mut groups: Vec<Group> = map
            .into_iter()
            .map(|(key, items)| {
                let open: Vec<usize> = items
                    .iter()
                    .copied()
                    .filter(|&i| self.review.items[i].status.is_open())
                    .collect();
                let fixable: Vec<usize> = open
                    .iter()
                    .copied()
                    .filter(|&i| !self.review.items[i].finding.replacements.is_empty())
                    .collect();
                let files: HashSet<usize> =
                    fixable.iter().map(|&i| self.review.items[i].doc).collect();
                Group {
                    key,
                    open: open.len(),
                    fixable: fixable.len(),
                    files: files.len(),
                    items,
                }
            })
            .collect();
        // Biggest first, by size only, so a group keeps its place while it is being decided.
        groups.sort_by(|a, b| {
            b.items
                .len()
                .cmp(&a.items.len())
                .then_with(|| a.key.cmp(&b.key))
        });
        groups
    }

    pub fn current(&self) -> Option<Group> {
        let g = self.groups();
        g.get(self.cursor.min(g.len().saturating_sub(1))).cloned()
    }

    /// Up to `n` examples of a group: open items first.
    pub fn examples(&self, group: &Group, n: usize) -> Vec<usize> {
        let mut ex: Vec<usize> = group
            .items
            .iter()
            .copied()
            .filter(|&i| self.review.items[i].status.is_open())
            .take(n)
            .collect();
        if ex.len() < n {
            let more: Vec<usize> = group
                .items
                .iter()
                .copied()
                .filter(|i| !ex.contains(i))
                .take(n - ex.len())
                .collect();
            ex.extend(more);
        }
        ex
    }

    fn say(&mut self, tone: Tone, text: impl Into<String>) {
        self.message = Some((tone, text.into()));
    }

    pub fn action(&mut self, a: TriageAction) -> Vec<TriageEffect> {
        if self.mode != TriageMode::Normal {
            return Vec::new();
        }
        self.message = None;
        let n = self.groups().len();
        match a {
            TriageAction::Next if n > 0 => self.cursor = (self.cursor + 1) % n,
            TriageAction::Prev if n > 0 => self.cursor = (self.cursor + n - 1) % n,
            TriageAction::Next | TriageAction::Prev => {}
            TriageAction::ToggleGrouping => {
                self.by_file = !self.by_file;
                self.cursor = 0;
            }
            TriageAction::Help => self.mode = TriageMode::Help,
            TriageAction::Quit => return vec![TriageEffect::Quit],
            TriageAction::Undo => {
                return self
                    .review
                    .undo_last()
                    .into_iter()
                    .map(TriageEffect::Review)
                    .collect();
            }
            TriageAction::Review => {
                if let Some(g) = self.current() {
                    return vec![TriageEffect::OpenReview(g.items)];
                }
            }
            TriageAction::Group(action) => {
                let Some(g) = self.current() else {
                    return Vec::new();
                };
                let possible = match action {
                    GroupAction::AcceptAll => g.fixable > 0,
                    GroupAction::DismissAll => g.open > 0,
                    GroupAction::Baseline => !g.items.is_empty(),
                    GroupAction::DisableRule => !self.by_file,
                };
                if possible {
                    self.mode = TriageMode::Confirm(action);
                } else {
                    self.say(
                        Tone::Info,
                        match action {
                            GroupAction::AcceptAll => {
                                "Nothing in this group has a fix left to accept."
                            }
                            GroupAction::DismissAll => "Everything in this group is decided.",
                            GroupAction::Baseline => "This group is empty.",
                            GroupAction::DisableRule => "Group by rule (Tab) to turn a rule off.",
                        },
                    );
                }
            }
        }
        Vec::new()
    }

    pub fn input(&mut self, key: Input) -> Vec<TriageEffect> {
        match self.mode.clone() {
            TriageMode::Normal => Vec::new(),
            TriageMode::Help => {
                if matches!(key, Input::Esc | Input::Char('?' | 'q') | Input::Enter) {
                    self.mode = TriageMode::Normal;
                }
                Vec::new()
            }
            TriageMode::Confirm(action) => match key {
                Input::Enter | Input::Char('y' | 'Y') => {
                    self.mode = TriageMode::Normal;
                    self.confirmed(action)
                }
                Input::Esc | Input::Char('n' | 'N' | 'q') => {
                    self.mode = TriageMode::Normal;
                    Vec::new()
                }
                _ => Vec::new(),
            },
        }
    }

    fn confirmed(&mut self, action: GroupAction) -> Vec<TriageEffect> {
        let Some(g) = self.current() else {
            return Vec::new();
        };
        match action {
            GroupAction::AcceptAll | GroupAction::DismissAll => {
                let accept = action == GroupAction::AcceptAll;
                let fx = self.review.bulk_items(accept, &g.items);
                let verb = if accept { "Accepted" } else { "Dismissed" };
                let n = if accept { g.fixable } else { g.open };
                self.say(
                    Tone::Info,
                    format!("{verb} {n} findings of {}; u undoes it.", g.key),
                );
                fx.into_iter().map(TriageEffect::Review).collect()
            }
            GroupAction::Baseline => {
                let open: Vec<usize> = g
                    .items
                    .iter()
                    .copied()
                    .filter(|&i| !matches!(self.review.items[i].status, Status::Accepted(_)))
                    .collect();
                vec![TriageEffect::AddToBaseline(open)]
            }
            GroupAction::DisableRule => vec![TriageEffect::DisableRule(g.key.clone(), g.items)],
        }
    }

    /// Removes items for good (after they were baselined or their rule turned off).
    pub fn hide(&mut self, ids: &[usize], note: String) {
        let set: HashSet<usize> = ids.iter().copied().collect();
        self.review.hide(&set);
        let n = self.groups().len();
        self.cursor = self.cursor.min(n.saturating_sub(1));
        self.say(Tone::Info, note);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::finding::Finding;
    use crate::core::review::{DocState, Msg};
    use std::collections::HashMap;

    fn f(path: &str, doc: &str, text: &str, rule: &str, rep: Option<&str>) -> Finding {
        let reps: Vec<&str> = rep.into_iter().collect();
        Finding::example(path, doc, text, 0, rule, &reps).with_message("m")
    }

    const A: &str = "On Github and Gitlab, the the end.\n";
    const B: &str = "Also Github here.\n";

    fn state() -> TriageState {
        let mut r = ReviewState::new("t".into(), false, HashMap::new());
        r.update(Msg::Findings {
            docs: vec![
                DocState {
                    path: "a.md".into(),
                    text: A.into(),
                },
                DocState {
                    path: "b.md".into(),
                    text: B.into(),
                },
            ],
            findings: vec![
                f("a.md", A, "Github", "terminology.canonical", Some("GitHub")),
                f("a.md", A, "Gitlab", "terminology.canonical", Some("GitLab")),
                f("a.md", A, "the the", "grammar.repeated-word", Some("the")),
                f("b.md", B, "Github", "terminology.canonical", Some("GitHub")),
                f("b.md", B, "here", "custom.x", None),
            ],
        });
        r.update(Msg::CheckingDone);
        TriageState::new(r, false)
    }

    #[test]
    fn groups_by_rule_and_by_file_biggest_first() {
        let mut t = state();
        let keys: Vec<(String, usize, usize)> = t
            .groups()
            .into_iter()
            .map(|g| (g.key, g.open, g.files))
            .collect();
        assert_eq!(keys[0], ("terminology.canonical".to_owned(), 3, 2));
        assert_eq!(keys.len(), 3);
        t.action(TriageAction::ToggleGrouping);
        let keys: Vec<String> = t.groups().into_iter().map(|g| g.key).collect();
        assert_eq!(keys, vec!["a.md", "b.md"]);
        assert_eq!(t.examples(&t.groups()[0], 2).len(), 2);
    }

    #[test]
    fn accept_all_asks_first_then_writes_per_file_in_one_undo_step() {
        let mut t = state();
        assert!(
            t.action(TriageAction::Group(GroupAction::AcceptAll))
                .is_empty()
        );
        assert_eq!(t.mode, TriageMode::Confirm(GroupAction::AcceptAll));
        assert!(t.input(Input::Esc).is_empty(), "Esc cancels");
        t.action(TriageAction::Group(GroupAction::AcceptAll));
        let fx = t.input(Input::Char('y'));
        let writes: Vec<usize> = fx
            .iter()
            .filter_map(|e| match e {
                TriageEffect::Review(Effect::Write { doc, .. }) => Some(*doc),
                _ => None,
            })
            .collect();
        assert_eq!(writes, vec![0, 1], "one write per file");
        // The shell reports the writes done; then one undo restores both.
        for e in fx {
            if let TriageEffect::Review(Effect::Write { id, .. }) = e {
                t.review.update(Msg::WriteDone { id });
            }
        }
        let term = t
            .groups()
            .into_iter()
            .find(|g| g.key == "terminology.canonical")
            .expect("group");
        assert_eq!(
            (term.open, term.decided()),
            (0, 3),
            "the rule's three accepted"
        );
        let undo = t.action(TriageAction::Undo);
        let restores = undo
            .iter()
            .filter(|e| matches!(e, TriageEffect::Review(Effect::Write { .. })))
            .count();
        assert_eq!(restores, 2);
    }

    #[test]
    fn dismiss_baseline_and_disable() {
        let mut t = state();
        // custom.x: one open finding without a fix.
        t.cursor = t
            .groups()
            .iter()
            .position(|g| g.key == "custom.x")
            .expect("group");
        assert_eq!(t.current().map(|g| g.key), Some("custom.x".to_owned()));
        t.action(TriageAction::Group(GroupAction::AcceptAll));
        assert_eq!(
            t.mode,
            TriageMode::Normal,
            "nothing to accept, so no question"
        );
        t.action(TriageAction::Group(GroupAction::DismissAll));
        let fx = t.input(Input::Enter);
        assert!(
            fx.iter()
                .all(|e| matches!(e, TriageEffect::Review(Effect::Journal(_))))
        );
        assert_eq!(t.current().map(|g| g.open), Some(0));
        t.cursor = 0;
        t.action(TriageAction::Group(GroupAction::Baseline));
        let fx = t.input(Input::Char('y'));
        let TriageEffect::AddToBaseline(ids) = &fx[0] else {
            panic!("{fx:?}")
        };
        assert_eq!(ids.len(), 3);
        t.hide(&ids.clone(), "baselined".into());
        assert!(t.groups().iter().all(|g| g.key != "terminology.canonical"));
        t.cursor = t
            .groups()
            .iter()
            .position(|g| g.key == "grammar.repeated-word")
            .expect("group");
        t.action(TriageAction::Group(GroupAction::DisableRule));
        let fx = t.input(Input::Char('y'));
        assert!(matches!(&fx[0], TriageEffect::DisableRule(r, _) if r == "grammar.repeated-word"));
    }

    #[test]
    fn review_opens_the_group_and_navigation_wraps() {
        let mut t = state();
        t.action(TriageAction::Prev);
        assert_eq!(t.cursor, 2);
        t.action(TriageAction::Next);
        let fx = t.action(TriageAction::Review);
        assert!(matches!(&fx[0], TriageEffect::OpenReview(ids) if ids.len() == 3));
        t.action(TriageAction::Help);
        assert_eq!(t.mode, TriageMode::Help);
        t.input(Input::Esc);
        assert!(matches!(
            t.action(TriageAction::Quit)[0],
            TriageEffect::Quit
        ));
    }
}
