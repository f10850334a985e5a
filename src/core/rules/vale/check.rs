//! Running one Vale rule over one block, as Vale does: what it matches, the message with its `%s`
//! arguments filled in, and the fix its `swap` or `action` describes.

use super::pattern::Pattern;
use super::rule::{Action, Case, Kind, Rule};
use super::scope::VBlock;
use super::words::{cased, spelled, suggestions, word_tokens};
use crate::core::rules::text::capitalise;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// What a rule found in a block: a range of the block's text, the message, and replacements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub range: Range<usize>,
    pub message: String,
    pub replacements: Vec<String>,
}

/// What a block's searches found, for patterns more than one rule searches: styles built on one
/// another repeat each other's rules, and each such pattern is searched once per block. Keyed by the
/// first rule with the pattern ([`twins`]); cleared before each block.
#[derive(Debug, Default)]
pub struct Searched {
    finds: HashMap<usize, Vec<Range<usize>>>,
    captures: HashMap<usize, Vec<Vec<Option<Range<usize>>>>>,
}

impl Searched {
    pub fn clear(&mut self) {
        self.finds.clear();
        self.captures.clear();
    }

    fn find_all(&mut self, twin: Option<usize>, p: &Pattern, text: &str) -> Vec<Range<usize>> {
        once(&mut self.finds, twin, || p.find_all(text))
    }

    fn captures_all(
        &mut self,
        twin: Option<usize>,
        p: &Pattern,
        text: &str,
    ) -> Vec<Vec<Option<Range<usize>>>> {
        once(&mut self.captures, twin, || p.captures_all(text))
    }
}

/// `search()`, made once per block for all the rules that share the pattern (`twin`: their key).
fn once<T: Clone>(
    made: &mut HashMap<usize, T>,
    twin: Option<usize>,
    search: impl FnOnce() -> T,
) -> T {
    match twin {
        Some(k) => made.entry(k).or_insert_with(search).clone(),
        None => search(),
    }
}

/// The pattern a rule searches a block with, and whether it asks for its groups (a substitution's
/// swaps) or its matches only; `None` for the rules that search otherwise.
fn searched(kind: &Kind) -> Option<(&Pattern, bool)> {
    match kind {
        Kind::Existence { pattern }
        | Kind::Occurrence { pattern, .. }
        | Kind::Repetition { pattern, .. } => Some((pattern, false)),
        Kind::Substitution { pattern, .. } => Some((pattern, true)),
        _ => None,
    }
}

/// For each rule, the first rule that searches with the same pattern in the same way, where there is
/// another (itself included); `None` for a pattern only one rule has.
pub fn twins(rules: &[Rule]) -> Vec<Option<usize>> {
    let mut first: HashMap<(bool, &str), (usize, usize)> = HashMap::new();
    for (i, r) in rules.iter().enumerate() {
        if let Some((p, groups)) = searched(&r.kind) {
            first.entry((groups, p.as_str())).or_insert((i, 0)).1 += 1;
        }
    }
    rules
        .iter()
        .map(|r| {
            let (p, groups) = searched(&r.kind)?;
            let &(k, users) = first.get(&(groups, p.as_str()))?;
            (users > 1).then_some(k)
        })
        .collect()
}

/// What a file's rules remember from block to block (definitions a conditional rule saw, variants a
/// consistency rule saw).
#[derive(Debug, Default)]
pub struct FileState {
    pub sequences: HashSet<String>,
    /// How many blocks of each kind the doc has, for metric formulas.
    pub metrics: std::collections::HashMap<String, f64>,
}

/// Fills `%s` (and `%d`) in `msg` with `args` in order; a missing argument is empty, `%%` is `%`.
pub fn format_message(msg: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(msg.len() + 16);
    let all = args;
    let mut args = args.iter();
    let mut chars = msg.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%' && chars.peek() == Some(&'[') {
            // `%[2]s`: an argument by its number.
            let spec: String = chars.clone().take_while(|&c| c != ']').collect();
            let n: Option<usize> = spec.trim_start_matches('[').parse().ok();
            let after: String = chars.clone().skip(spec.len() + 1).take(1).collect();
            if let (Some(n), "s" | "d" | "v") = (n, after.as_str()) {
                out.push_str(
                    n.checked_sub(1)
                        .and_then(|i| all.get(i))
                        .copied()
                        .unwrap_or(""),
                );
                for _ in 0..spec.len() + 2 {
                    chars.next();
                }
                continue;
            }
        }
        if c == '%' {
            match chars.peek() {
                Some('s') | Some('d') | Some('v') => {
                    chars.next();
                    out.push_str(args.next().copied().unwrap_or(""));
                    continue;
                }
                Some('%') => {
                    chars.next();
                    out.push('%');
                    continue;
                }
                _ => {}
            }
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`.
fn to_sentence(words: &[String], joiner: &str) -> String {
    match words {
        [] => String::new(),
        [one] => format!("'{one}'"),
        [a, b] => format!("'{a}' {joiner} '{b}'"),
        [rest @ .., last] => {
            let mut parts: Vec<String> = rest.iter().map(|w| format!("'{w}'")).collect();
            parts.push(format!("{joiner} '{last}'"));
            parts.join(", ")
        }
    }
}

/// The options of a swap's replacement (`a|b`, with `\|` a literal bar).
fn options(replacement: &str) -> Vec<String> {
    replacement
        .replace(r"\|", "\u{0}")
        .split('|')
        .filter(|o| !o.is_empty())
        .map(|o| o.replace('\u{0}', "|"))
        .collect()
}

/// What an `action` makes of `matched`.
pub fn fix(action: &Action, matched: &str) -> Vec<String> {
    let p = |i: usize| action.params.get(i).map(String::as_str).unwrap_or("");
    match action.name.as_str() {
        "replace" => action.params.clone(),
        "remove" => vec![String::new()],
        "convert" => match p(0) {
            "lower" => vec![matched.to_lowercase()],
            "upper" => vec![matched.to_uppercase()],
            _ => Vec::new(),
        },
        "edit" => match p(0) {
            "regex" => match Pattern::new(p(1)) {
                Ok(re) => vec![re.replace_all(matched, p(2))],
                Err(_) => Vec::new(),
            },
            "trim" | "trim_right" => {
                vec![matched.trim_end_matches(|c| p(1).contains(c)).to_owned()]
            }
            "trim_left" => vec![matched.trim_start_matches(|c| p(1).contains(c)).to_owned()],
            "truncate" => vec![matched.split(p(1)).next().unwrap_or(matched).to_owned()],
            "split" => {
                let i: usize = p(2).parse().unwrap_or(0);
                matched
                    .split(p(1))
                    .nth(i)
                    .map(|s| vec![s.to_owned()])
                    .unwrap_or_default()
            }
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn excepted(rule: &Rule, text: &str, range: &Range<usize>) -> bool {
    let observed = text[range.clone()].trim();
    rule.exceptions
        .as_ref()
        .is_some_and(|re| re.is_match(observed))
        || rule.phrases.as_ref().is_some_and(|re| {
            re.find_all(text)
                .iter()
                .any(|p| p.start <= range.start && range.end <= p.end)
        })
}

/// A plain alert: the message filled with the match (and the action's result).
fn alert(rule: &Rule, text: &str, range: Range<usize>) -> Found {
    let matched = &text[range.clone()];
    let replacements = fix(&rule.action, matched);
    let message = if rule.action.name.is_empty() {
        format_message(&rule.message, &[matched])
    } else {
        let repl = match replacements.as_slice() {
            [] => matched.to_owned(),
            [one] => one.clone(),
            many => to_sentence(many, "or"),
        };
        format_message(&rule.message, &[matched, &repl])
    };
    Found {
        range,
        message,
        replacements,
    }
}

/// Does `expected` (a swap's replacement, maybe a pattern) already describe `observed`?
fn same_token(expected: &str, observed: &str) -> bool {
    let phrase = expected
        .chars()
        .all(|c| c.is_alphanumeric() || c == ' ' || c == '-');
    if phrase {
        return expected == observed;
    }
    match Pattern::new(&format!("^(?:{expected})$")) {
        Ok(re) => re.is_match(observed),
        Err(_) => expected == observed,
    }
}

/// Runs `rule` over `block`; `state` carries what earlier blocks of the file showed.
/// `twin`: the rule's key in `searched` when other rules search with its pattern too.
pub fn run(
    rule: &Rule,
    block: &VBlock,
    state: &mut FileState,
    searched: &mut Searched,
    twin: Option<usize>,
) -> Vec<Found> {
    let text = block.text.as_str();
    let mut out = Vec::new();
    match &rule.kind {
        Kind::Existence { pattern } => {
            for r in searched.find_all(twin, pattern, text) {
                if r.is_empty() || excepted(rule, text, &r) {
                    continue;
                }
                out.push(alert(rule, text, r));
            }
        }
        Kind::Substitution {
            pattern,
            swaps,
            ignorecase,
            capitalize,
        } => {
            for caps in searched.captures_all(twin, pattern, text) {
                for (g, range) in caps.iter().enumerate().skip(1) {
                    let (Some(range), Some((key, repl))) = (range, swaps.get(g - 1)) else {
                        continue;
                    };
                    let observed = &text[range.clone()];
                    let mut expected = repl.clone();
                    // A capitalised match (a sentence's first word) gets a capitalised replacement
                    // when the rule says so, or when a replace action swaps words regardless of case.
                    let starts_upper = observed.chars().next().is_some_and(char::is_uppercase);
                    let replace = rule.action.name == "replace";
                    if (*capitalize && observed == capitalise(observed))
                        || (replace
                            && *ignorecase
                            && starts_upper
                            && observed != observed.to_uppercase())
                    {
                        expected = capitalise(&expected);
                    }
                    if expected.contains('$') {
                        let src = if *ignorecase {
                            format!("(?i){key}")
                        } else {
                            key.clone()
                        };
                        if let Ok(re) = Pattern::new(&src) {
                            expected = re.replace_all(observed, &expected);
                        }
                    }
                    let choices = if rule.action.name == "replace" && !rule.action.params.is_empty()
                    {
                        rule.action.params.clone()
                    } else {
                        options(&expected)
                    };
                    let same = if rule.action.name == "replace" {
                        choices.iter().any(|c| c == observed)
                    } else {
                        same_token(&expected, observed)
                    };
                    if same || excepted(rule, text, range) {
                        continue;
                    }
                    let (shown, message) = if rule.action.name == "replace" {
                        let mut msg = rule.message.clone();
                        for spec in ["'%s'", "\"%s\""] {
                            if msg.matches(spec).count() == 2 {
                                msg = msg.replacen(spec, "%s", 1);
                            }
                        }
                        (to_sentence(&choices, "or"), msg)
                    } else {
                        (expected.clone(), rule.message.clone())
                    };
                    // A replacement is offered only when it is text, not a pattern.
                    let literal = |c: &String| {
                        !c.is_empty()
                            && !c.contains(['\\', '[', ']', '(', ')', '*', '+', '?', '^', '$', '{'])
                    };
                    out.push(Found {
                        range: range.clone(),
                        message: format_message(&message, &[&shown, observed]),
                        replacements: choices.into_iter().filter(literal).collect(),
                    });
                }
            }
        }
        Kind::Occurrence { pattern, max, min } => {
            let found = searched.find_all(twin, pattern, text);
            let n = found.len();
            if (*max > 0 && n > *max) || (*min > 0 && n < *min) {
                let count = n.to_string();
                let range = if n == 0 {
                    0..0
                } else {
                    match found
                        .into_iter()
                        .find(|r| !text[r.clone()].trim().is_empty())
                    {
                        Some(r) => r,
                        None => return out,
                    }
                };
                out.push(Found {
                    range,
                    message: format_message(&rule.message, &[&count]),
                    replacements: Vec::new(),
                });
            }
        }
        Kind::Repetition {
            pattern,
            max,
            ignorecase,
            alpha,
        } => {
            let mut prev: Option<(Range<usize>, String)> = None;
            let mut count = 0;
            for r in searched.find_all(twin, pattern, text) {
                let curr = text[r.clone()].trim().to_owned();
                let hit = match &prev {
                    Some((_, p)) if !curr.is_empty() => {
                        let same = if *ignorecase {
                            p.to_lowercase() == curr.to_lowercase()
                        } else {
                            *p == curr
                        };
                        same && (!alpha || curr.chars().all(char::is_alphabetic))
                    }
                    _ => false,
                };
                if hit {
                    count += 1;
                }
                if hit
                    && count > *max
                    && let Some((p, _)) = &prev
                {
                    let span = p.start..r.end;
                    let between = &text[span.clone()];
                    let one_sentence = !between.contains(['.', '!', '?']);
                    if one_sentence && !excepted(rule, text, &span) {
                        let mut f = alert(rule, text, span);
                        f.message = format_message(&rule.message, &[&curr]);
                        out.push(f);
                        count = 0;
                    }
                }
                prev = Some((r, curr));
            }
        }
        Kind::Conditional {
            first,
            second,
            second_groups,
        } => {
            // Without groups in `second`, `first` anywhere in the block excuses every match.
            if !second_groups {
                if second.is_match(text) {
                    return out;
                }
                for r in first.find_all(text) {
                    if !excepted(rule, text, &r) {
                        out.push(alert(rule, text, r));
                    }
                }
                return out;
            }
            for caps in second.captures_all(text) {
                for g in caps.iter().skip(1).flatten() {
                    if !g.is_empty() {
                        state.sequences.insert(text[g.clone()].to_owned());
                    }
                }
            }
            for r in first.find_all(text) {
                let s = &text[r.clone()];
                if !state.sequences.contains(s) && !excepted(rule, text, &r) {
                    out.push(alert(rule, text, r));
                }
            }
        }
        Kind::Consistency { pairs } => {
            for (i, pattern) in pairs.iter().enumerate() {
                let mut last = None;
                for caps in pattern.captures_all(text) {
                    for (g, range) in caps.iter().enumerate().skip(1).take(2) {
                        if let Some(range) = range {
                            state.sequences.insert(format!("{}#{i}#{g}", rule.id));
                            last = Some(range.clone());
                        }
                    }
                }
                let both =
                    (1..=2).all(|g| state.sequences.contains(&format!("{}#{i}#{g}", rule.id)));
                if let (Some(r), true) = (last, both) {
                    out.push(alert(rule, text, r));
                }
            }
        }
        Kind::Metric { formula, op, value } => {
            let mut vars = super::stats::of_text(text);
            vars.extend(state.metrics.iter().map(|(k, v)| (k.clone(), *v)));
            let got = formula.eval(&vars);
            if super::stats::holds(op, got, *value) {
                out.push(Found {
                    range: 0..0,
                    message: format_message(&rule.message, &[&format!("{got:.2}")]),
                    replacements: Vec::new(),
                });
            }
        }
        Kind::Readability { metrics, grade } => {
            let stats = super::stats::of_text(text);
            let grades: Vec<f64> = metrics
                .iter()
                .filter_map(|m| super::stats::grade(m, &stats))
                .collect();
            if !grades.is_empty() {
                let got = grades.iter().sum::<f64>() / grades.len() as f64;
                if got > *grade {
                    out.push(Found {
                        range: 0..0,
                        message: format_message(&rule.message, &[&format!("{got:.2}")]),
                        replacements: Vec::new(),
                    });
                }
            }
        }
        Kind::Sequence { steps } => {
            for (range, seq) in super::sequence::run(steps, text) {
                let words: Vec<&str> = seq.iter().map(String::as_str).collect();
                let matched = &text[range.clone()];
                out.push(Found {
                    message: format_message(&rule.message, &words),
                    replacements: fix(&rule.action, matched),
                    range,
                });
            }
        }
        Kind::Spelling {
            filters,
            ignore,
            dictionaries,
            custom,
        } => {
            // Every occurrence is reported, a word written twice in a block twice.
            for r in word_tokens(text) {
                let word = &text[r.clone()];
                if filters.iter().any(|f| f.is_match(word)) {
                    continue;
                }
                let lower = word.to_lowercase();
                if ignore.contains(&lower)
                    || word.chars().all(|c| c.is_ascii_digit())
                    || (!custom && spelled(word))
                    || dictionaries.iter().any(|d| d.0.check(word))
                    || excepted(rule, text, &r)
                {
                    continue;
                }
                let mut f = alert(rule, text, r);
                f.replacements = suggestions(word);
                out.push(f);
            }
        }
        Kind::Capitalization {
            check,
            threshold,
            exceptions,
            indicators,
            prefix,
        } => {
            let mut trimmed = text.trim();
            let mut lead = text.len() - text.trim_start().len();
            // A `prefix` (a list marker such as "a. ") is not part of what is cased.
            if let Some(p) = prefix
                && let Some(m) = p.find_all(trimmed).first().filter(|m| m.start == 0)
            {
                lead += m.end;
                trimmed = &trimmed[m.end..];
            }
            let range = lead..lead + trimmed.len();
            let (expected, ok) = match check {
                Case::Lower => (trimmed.to_lowercase(), trimmed == trimmed.to_lowercase()),
                Case::Upper => (trimmed.to_uppercase(), trimmed == trimmed.to_uppercase()),
                Case::Regex(re) => (re.as_str().to_owned(), re.is_match(trimmed)),
                Case::Title => cased(trimmed, exceptions, indicators, *threshold, true),
                Case::Sentence => cased(trimmed, exceptions, indicators, *threshold, false),
            };
            let ok = ok
                || rule
                    .exceptions
                    .as_ref()
                    .is_some_and(|re| re.is_match(trimmed));
            if !ok && !trimmed.is_empty() {
                let replacements = if rule.action.name == "replace"
                    && rule.action.params.is_empty()
                    && matches!(check, Case::Title | Case::Sentence)
                {
                    vec![expected.clone()]
                } else {
                    fix(&rule.action, trimmed)
                };
                out.push(Found {
                    range,
                    message: format_message(&rule.message, &[trimmed, &expected]),
                    replacements,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_fill_in_order_and_missing_arguments_are_empty() {
        assert_eq!(
            format_message("Use '%s' instead of '%s'.", &["a", "b"]),
            "Use 'a' instead of 'b'."
        );
        assert_eq!(format_message("Too short (%d).", &["3"]), "Too short (3).");
        assert_eq!(format_message("'%s' or '%s'", &["a"]), "'a' or ''");
        assert_eq!(format_message("100%% sure", &[]), "100% sure");
        assert_eq!(
            format_message("'%[2]s %[1]s' not '%[1]ss'", &["a", "b"]),
            "'b a' not 'as'"
        );
    }

    #[test]
    fn actions_make_replacements() {
        let a = |name: &str, params: &[&str]| Action {
            name: name.into(),
            params: params.iter().map(|p| (*p).to_owned()).collect(),
        };
        assert_eq!(fix(&a("replace", &["x", "y"]), "z"), ["x", "y"]);
        assert_eq!(fix(&a("remove", &[]), "very"), [""]);
        assert_eq!(fix(&a("edit", &["truncate", " "]), "the the"), ["the"]);
        assert_eq!(
            fix(&a("edit", &["regex", "(\\w+)-(\\w+)", "$1 $2"]), "e-mail"),
            ["e mail"]
        );
        assert_eq!(fix(&a("edit", &["trim_right", ".?!"]), "Hi!"), ["Hi"]);
        assert_eq!(fix(&a("convert", &["lower"]), "NASA"), ["nasa"]);
        assert!(fix(&a("suggest", &["spellings"]), "x").is_empty());
    }

    #[test]
    fn sentence_and_title_case() {
        let none: [String; 0] = [];
        assert!(cased("Getting started with docs", &none, &none, 0.8, false).1);
        assert!(!cased("Getting Started With Docs", &none, &none, 0.8, false).1);
        assert!(!cased("getting started", &none, &none, 0.8, false).1);
        // As in Vale, a word in capitals is cased like any other unless it is an exception.
        assert!(!cased("Use the API with JSON", &none, &none, 0.8, false).1);
        let names = ["API".to_owned(), "JSON".to_owned()];
        assert!(cased("Use the API with JSON", &names, &none, 0.8, false).1);
        assert!(cased("A Guide to the Galaxy", &none, &none, 0.8, true).1);
        assert_eq!(
            cased("a guide to the galaxy", &none, &none, 0.8, true).0,
            "A Guide to the Galaxy"
        );
    }
}
