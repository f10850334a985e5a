//! Each thread's own copy of a Vale setup's rules, and the prefilters it asks.

use super::rule::{Kind, Rule};
use super::{Vale, prefilter};
use std::collections::HashMap;

/// A thread's copy of the rules, with the prefilters that say which existence and substitution rules
/// can match a block at all: one per set of rules a block is in scope of (a sentence is asked only for
/// the rules of sentences, no block for the rules `--rule` leaves out).
pub(super) struct Local {
    pub(super) rules: Vec<Rule>,
    prefilters: std::cell::RefCell<HashMap<Vec<usize>, Option<std::rc::Rc<prefilter::Prefilter>>>>,
}

impl Vale {
    /// This thread's own copy of the rules: a compiled pattern keeps a pool of search caches, and
    /// threads sharing one pool wait on each other.
    pub(super) fn local_rules(&self) -> std::rc::Rc<Local> {
        thread_local! {
            static LOCAL: std::cell::RefCell<Option<(u64, std::rc::Rc<Local>)>> =
                const { std::cell::RefCell::new(None) };
        }
        LOCAL.with(|local| {
            let mut local = local.borrow_mut();
            match &*local {
                Some((fp, rules)) if *fp == self.fingerprint => rules.clone(),
                _ => {
                    let rules = std::rc::Rc::new(Local {
                        rules: self.rules.clone(),
                        prefilters: Default::default(),
                    });
                    *local = Some((self.fingerprint, rules.clone()));
                    rules
                }
            }
        })
    }

    /// The prefilter over the existence and substitution rules among `rules` (indices), built once
    /// for all threads and copied to each; keyed by those rules only, so blocks whose scopes differ
    /// only in rules of other kinds share one.
    pub(super) fn prefilter_for(
        &self,
        local: &Local,
        rules: Vec<usize>,
    ) -> Option<std::rc::Rc<prefilter::Prefilter>> {
        let pattern = |i: usize| match &self.rules.get(i)?.kind {
            Kind::Existence { pattern } | Kind::Substitution { pattern, .. } => Some((i, pattern)),
            _ => None,
        };
        let rules: Vec<usize> = rules
            .into_iter()
            .filter(|&i| pattern(i).is_some())
            .collect();
        if rules.is_empty() {
            return None;
        }
        if let Some(p) = local.prefilters.borrow().get(&rules) {
            return p.clone();
        }
        let shared = || {
            self.prefilters
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        let known = shared().get(&rules).cloned();
        // Built outside the lock: a thread that wants another prefilter does not wait for this one.
        let built = known.unwrap_or_else(|| {
            let fresh = prefilter::Prefilter::new(rules.iter().filter_map(|&i| pattern(i)));
            shared().entry(rules.clone()).or_insert(fresh).clone()
        });
        let p = built.map(std::rc::Rc::new);
        local.prefilters.borrow_mut().insert(rules, p.clone());
        p
    }
}
