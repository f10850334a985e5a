//! Which rules can match a block at all, asked once per block for all of them: the Vale rules'
//! word lists are many and most match nothing in most blocks.

use super::pattern::{Pattern, relaxed};

/// How many patterns without literals one set asks at once: on the corpus with the Microsoft and
/// Google styles, 4 to 8 read faster than 16 or more (whose automaton keeps building new states) and
/// than one pattern at a time.
const SET_SIZE: usize = 8;

/// Which of many patterns can match a text at all, in one pass over it: a block is read once for every
/// existence and substitution rule, and only the rules it names run their own search (most rules
/// match nothing in most blocks). It looks for the literal texts one of which starts (or ends) every
/// match of a pattern, without regard to ASCII case, all patterns' at once; a pattern without such
/// literals (`\w+ly`, `[A-Z]{2,4}`) is asked in a small set of them. A pattern with look-around or
/// back-references is read in its loose form (the gate's). So it never says "no" where a pattern
/// matches.
#[derive(Debug, Clone)]
pub struct Prefilter {
    literals: aho_corasick::AhoCorasick,
    /// For each literal, the caller's indices of the patterns it belongs to.
    owners: Vec<Vec<usize>>,
    /// Patterns without such literals, a few to a set, each set asked in one pass (a set of them all
    /// would have too many states to build as it reads).
    sets: Vec<(regex::RegexSet, Vec<usize>)>,
    /// The indices this prefilter covers.
    covered: Vec<usize>,
}

/// `source` without `i` in the flag groups that open it (`(?i)`, `(?im)`): the prefilter finds its
/// literals without regard to ASCII case anyway, and a pattern with hundreds of words, each in every
/// mix of cases, would have too many literals to list.
fn without_case_flag(source: &str) -> Option<String> {
    let mut rest = source;
    let mut out = String::new();
    let mut changed = false;
    while let Some(group) = rest.strip_prefix("(?") {
        let Some(end) = group.find(')') else { break };
        let flags = &group[..end];
        if flags.is_empty() || !flags.chars().all(|c| c.is_ascii_alphabetic()) {
            break;
        }
        let kept: String = flags.chars().filter(|&c| c != 'i').collect();
        changed |= kept.len() != flags.len();
        if !kept.is_empty() {
            out.push_str(&format!("(?{kept})"));
        }
        rest = &group[end + 1..];
    }
    changed.then(|| out + rest)
}

/// Literal texts one of which every match of `source` (a pattern in the `regex` crate's syntax)
/// contains, in lower case where ASCII; `None` when there are none to ask for. The prefixes where
/// they are few, else the suffixes. A pattern that ignores case is read without that flag, when its
/// literals are all ASCII (the prefilter ignores ASCII case; see [`Prefilter::mark`] for the two
/// letters outside ASCII that match ASCII ones).
fn required(source: &str) -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let folded = without_case_flag(source);
    let candidates = folded
        .iter()
        .map(|s| (s.as_str(), true))
        .chain([(source, false)]);
    for (src, ascii_only) in candidates {
        let Ok(hir) = regex_syntax::ParserBuilder::new().build().parse(src) else {
            continue;
        };
        for kind in [ExtractKind::Prefix, ExtractKind::Suffix] {
            let mut seq = Extractor::new()
                .kind(kind.clone())
                .limit_total(5000)
                .extract(&hir);
            match kind {
                ExtractKind::Prefix => seq.optimize_for_prefix_by_preference(),
                _ => seq.optimize_for_suffix_by_preference(),
            }
            let Some(literals) = seq.literals() else {
                continue;
            };
            let usable = !literals.is_empty()
                && literals.iter().all(|l| !l.as_bytes().is_empty())
                && (!ascii_only || literals.iter().all(|l| l.as_bytes().is_ascii()));
            if usable {
                let mut out: Vec<Vec<u8>> = literals
                    .iter()
                    .map(|l| l.as_bytes().to_ascii_lowercase())
                    .collect();
                out.sort();
                out.dedup();
                return Some(out);
            }
        }
    }
    None
}

impl Prefilter {
    /// A prefilter for `patterns` (the caller's index, the pattern); `None` when it would cover none.
    pub fn new<'a>(patterns: impl IntoIterator<Item = (usize, &'a Pattern)>) -> Option<Prefilter> {
        let mut index: std::collections::HashMap<Vec<u8>, usize> = Default::default();
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        let mut covered = Vec::new();
        let mut unlisted: Vec<(String, usize)> = Vec::new();
        for (i, p) in patterns {
            let source = match p {
                Pattern::Plain(re) => re.as_str().to_owned(),
                Pattern::Fancy(re, Some(_)) => relaxed(re.as_str(), false),
                Pattern::Fancy(_, None) => continue,
            };
            let Some(found) = required(&source) else {
                unlisted.push((source, i));
                continue;
            };
            // A single letter or digit is in nearly every block: asking for it costs more than it
            // rules out, so such a pattern searches every block itself.
            if found
                .iter()
                .any(|l| l.len() == 1 && l[0].is_ascii_alphanumeric())
            {
                continue;
            }
            covered.push(i);
            for lit in found {
                let k = *index.entry(lit.clone()).or_insert_with(|| {
                    literals.push(lit);
                    owners.push(Vec::new());
                    owners.len() - 1
                });
                owners[k].push(i);
            }
        }
        let mut sets = Vec::new();
        for group in unlisted.chunks(SET_SIZE) {
            let sources = group.iter().map(|(s, _)| s.as_str());
            if let Ok(set) = regex::RegexSetBuilder::new(sources)
                .size_limit(64 << 20)
                .dfa_size_limit(64 << 20)
                .build()
            {
                let of: Vec<usize> = group.iter().map(|&(_, i)| i).collect();
                covered.extend(&of);
                sets.push((set, of));
            }
        }
        if covered.is_empty() {
            return None;
        }
        // A full automaton reads fastest; past a few thousand literals (a team's long word lists) the
        // crate chooses, to keep its memory in bounds.
        let kind = (literals.len() <= 4096).then_some(aho_corasick::AhoCorasickKind::DFA);
        let build = |kind| {
            aho_corasick::AhoCorasick::builder()
                .kind(kind)
                .ascii_case_insensitive(true)
                .build(&literals)
        };
        let automaton = build(kind).or_else(|_| build(None)).ok()?;
        Some(Prefilter {
            literals: automaton,
            owners,
            sets,
            covered,
        })
    }

    /// Marks in `can` (indexed by the caller's indices) every covered pattern that may match `text`,
    /// and clears the others it covers; indices it does not cover are left as they are.
    pub fn mark(&self, text: &str, can: &mut [bool]) {
        // A pattern that ignores case matches "ſ" for "s" and the Kelvin sign for "k": a text with
        // either is not filtered.
        // (Each asked on its own: a search for one character skips ahead on its last byte, a search
        // for either of two reads every character.)
        let folds = text.contains('\u{17f}') || text.contains('\u{212a}');
        for &i in &self.covered {
            if let Some(c) = can.get_mut(i) {
                *c = folds;
            }
        }
        if folds {
            return;
        }
        for m in self.literals.find_overlapping_iter(text) {
            for &i in &self.owners[m.pattern().as_usize()] {
                if let Some(c) = can.get_mut(i) {
                    *c = true;
                }
            }
        }
        for (set, of) in &self.sets {
            for k in set.matches(text).iter() {
                if let Some(c) = of.get(k).and_then(|&i| can.get_mut(i)) {
                    *c = true;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Patterns of the shapes Vale's styles use, as rules build them: word lists that ignore case,
    /// swaps with groups, look-around, and patterns whose matches may start with anything.
    const RULES: [&str; 9] = [
        r"(?i)(?m)\b(?:utilize|leverage|in order to)\b",
        r"(?i)(?m)\b(?:(it is)(?!\.)|(that is)|(skip))\b",
        r"(?m)\b[A-Z]{2,4}\b",
        r"(?m)\b\w+ly-\w+\b",
        r"(?i)key",
        r"(?:^|\s)I(?=\s)",
        r"\d+(?:st|nd|rd|th)",
        r"(?i)caf\u{e9}",
        r"(?m)(?:[a-z][.?!] {2,}[A-Z])",
    ];

    fn marks(text: &str) -> Vec<bool> {
        let patterns: Vec<Pattern> = RULES
            .iter()
            .map(|r| Pattern::new(r).expect("compiles"))
            .collect();
        let filter = Prefilter::new(patterns.iter().enumerate()).expect("covers them");
        let mut can = vec![true; RULES.len()];
        filter.mark(text, &mut can);
        can
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// Whatever the text, a pattern that matches it is never ruled out.
        #[test]
        fn the_prefilter_never_rules_out_a_pattern_that_matches(
            text in "([a-zA-Z]{1,8}|it is|that is|in order to|utilize|UTILIZE|\u{212a}ey|\u{17f}kip|caf\u{c9}|1st|I| |\\.|-|\n){0,12}",
        ) {
            let can = marks(&text);
            for (i, r) in RULES.iter().enumerate() {
                let found = !Pattern::new(r).expect("compiles").find_all(&text).is_empty();
                proptest::prop_assert!(!found || can[i], "{} matches {:?} but was ruled out", r, text);
            }
        }
    }

    #[test]
    fn the_prefilter_rules_out_what_cannot_match() {
        let can = marks("Feel calm, a bare page.");
        assert_eq!(
            can,
            [false, false, false, false, false, true, false, false, false],
            "no literal and no small set matches; `I` alone is a letter too common to ask for, \
             so its pattern is not covered and searches every block"
        );
        let can = marks("We UTILIZE it.  Then KEY");
        assert!(can[0] && can[4] && can[2] && can[8], "{can:?}");
        assert!(!can[1] && !can[3] && !can[7], "{can:?}");
    }

    /// The prefilter reads a pattern that ignores case without that flag, trusting that outside
    /// ASCII only "ſ" and the Kelvin sign match an ASCII letter that way.
    #[test]
    fn only_two_letters_outside_ascii_match_ascii_ones_without_regard_to_case() {
        let mut found = Vec::new();
        for letter in ('a'..='z').chain('A'..='Z') {
            let re = regex::Regex::new(&format!("(?i)^{letter}$")).expect("compiles");
            for c in (0x80..=0x10FFFFu32).filter_map(char::from_u32) {
                if re.is_match(c.encode_utf8(&mut [0; 4])) {
                    found.push(c);
                }
            }
        }
        found.sort();
        found.dedup();
        assert_eq!(found, ['\u{17f}', '\u{212a}']);
    }
}
