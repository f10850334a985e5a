//! Rules from a guideline's own words: "Incorrect: … / Correct: …" pairs, "X, not Y" or "X rather than
//! Y", and "use X instead of Y" become rules that flag the wrong form and offer the right one.

use super::*;

pub(super) fn unquote(s: &str) -> String {
    for (open, close) in [('"', '"'), ('\'', '\''), ('“', '”'), ('`', '`')] {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            return inner.to_owned();
        }
    }
    s.to_owned()
}

/// A quoted value: "x", “x”, 'x' or `x`.
pub(super) const QUOTED: &str = r#""([^"]+)"|“([^”]+)”|`([^`]+)`|'([^']+)'"#;

pub(super) static PAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(incorrect|correct|wrong|right)\b\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(?:{QUOTED}|([^,;]+))"
    ))
    .expect("valid regex")
});

/// A name-like token: letters and digits with inner dots, hyphens, pluses or slashes ("Node.js").
pub(super) const NAME: &str = r"[\p{L}\p{N}][\p{L}\p{N}.+#/-]*[\p{L}\p{N}+#]|[\p{L}\p{N}]";

pub(super) static NOT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{QUOTED}|\b({NAME}))\s*,?\s+(?:not|rather than)\s+(?:{QUOTED}|({NAME})\b)"
    ))
    .expect("valid regex")
});

pub(super) static INSTEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\buse\s+(?:{QUOTED}|({NAME}))\s+instead\s+of\s+(?:{QUOTED}|({NAME})\b)"
    ))
    .expect("valid regex")
});

/// The first participating group of `caps` from `from` on, at most `count` groups.
pub(super) fn group(
    caps: &regex::Captures<'_>,
    from: usize,
    count: usize,
) -> Option<(String, bool)> {
    (from..from + count).find_map(|i| {
        caps.get(i)
            .map(|m| (m.as_str().trim().to_owned(), i < from + count - 1))
    })
}

/// Lower case letters and digits only: "Node.js" and "NodeJS" are the same name.
pub(super) fn skeleton(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

pub(super) fn derive_rules(g: &mut Guideline, lines: &[&str], start: usize, end: usize) {
    let mut pending: Vec<(String, usize)> = Vec::new();
    let mut found: Vec<(String, String, Kind, usize)> = Vec::new();
    let mut fence: Option<String> = None;
    for (i, line) in lines.iter().enumerate().take(end).skip(start) {
        let n = i + 1;
        if in_code(&mut fence, line) {
            continue;
        }
        let mut paired = false;
        for caps in PAIR.captures_iter(line) {
            let label = caps[1].to_lowercase();
            let Some((value, _)) = group(&caps, 2, 5) else {
                continue;
            };
            let value = value.trim_end_matches(['.', ')']).trim().to_owned();
            if value.is_empty() {
                continue;
            }
            paired = true;
            if label == "incorrect" || label == "wrong" {
                pending.push((value, n));
            } else {
                for (wrong, line) in pending.drain(..) {
                    if wrong == value {
                        g.problems.push(Problem {
                            path: g.path.clone(),
                            line,
                            message: format!(
                                "the incorrect and correct texts are the same (\"{wrong}\")"
                            ),
                        });
                    } else {
                        found.push((wrong, value.clone(), Kind::Pair, line));
                    }
                }
            }
        }
        if paired {
            continue;
        }
        for caps in NOT.captures_iter(line).chain(INSTEAD.captures_iter(line)) {
            let (Some((right, right_quoted)), Some((wrong, wrong_quoted))) =
                (group(&caps, 1, 5), group(&caps, 6, 5))
            else {
                continue;
            };
            // Unquoted, only two spellings of one name count: "Node.js not NodeJS", never "do not use".
            let same_name = skeleton(&right) == skeleton(&wrong);
            if right == wrong || !(same_name || right_quoted && wrong_quoted) {
                continue;
            }
            found.push((wrong, right, Kind::Term, n));
        }
    }
    // An "Incorrect:" left without its "Correct:" teaches nothing to fix with: `pending` is dropped.
    let mut seen = std::collections::HashSet::new();
    for (wrong, right, kind, line) in found {
        if !seen.insert(wrong.clone()) {
            continue;
        }
        let n = g.rules.len() + 1;
        g.rules.push(GuidelineRule {
            id: format!("guideline.{}.{n}", g.slug),
            wrong,
            right,
            kind,
            source: g.path.clone(),
            line,
            title: g.title.clone(),
            description: g.description.clone(),
        });
    }
}
