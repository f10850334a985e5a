//! Vale's regular expressions. Vale's rules may use look-around and back-references; the `regex` crate
//! has neither but runs in linear time. A pattern is compiled with `regex` when it can be, and only
//! otherwise with `fancy-regex` (which backtracks, bounded by its step limit).

use std::ops::Range;

#[derive(Debug)]
pub enum Pattern {
    Plain(regex::Regex),
    /// A backtracking pattern, with a linear-time gate where one can be made.
    Fancy(Box<fancy_regex::Regex>, Option<Box<Gate>>),
}

/// What keeps the backtracker off most of the text: `loose`, the pattern without its look-around and
/// back-references, matches at least wherever the full pattern could start a match, so the full
/// pattern is only tried, anchored (`anchored` is `\G(?:pattern)`), where `loose` finds a start.
/// `loose` comes in two forms: with the pattern's word boundaries (Unicode ones, as the backtracker
/// reads them), which the fast engine reads at full speed in ASCII text only and slowly elsewhere;
/// and without them, fast in any text but trying every position of a long word (quadratic in the
/// word's length). The first reads ASCII text and long blocks, the second the others.
#[derive(Debug)]
pub struct Gate {
    bounded: regex::Regex,
    loose: regex::Regex,
    anchored: fancy_regex::Regex,
}

/// Up to this many bytes a block outside ASCII is read by the gate without word boundaries.
const UNBOUNDED_UP_TO: usize = 4096;

/// A copy for another thread, compiled afresh: a backtracking pattern's compiled parts are shared
/// between its clones, and with them the pool of search caches its threads would queue on.
impl Clone for Pattern {
    fn clone(&self) -> Pattern {
        let fresh = |re: &fancy_regex::Regex| {
            fancy_regex::Regex::new(re.as_str()).unwrap_or_else(|_| re.clone())
        };
        match self {
            Pattern::Plain(re) => Pattern::Plain(re.clone()),
            Pattern::Fancy(re, gate) => Pattern::Fancy(
                Box::new(fresh(re)),
                gate.as_ref().map(|g| {
                    Box::new(Gate {
                        bounded: g.bounded.clone(),
                        loose: g.loose.clone(),
                        anchored: fresh(&g.anchored),
                    })
                }),
            ),
        }
    }
}

impl Gate {
    /// Walks the starts `loose` finds, leftmost first: `attempt(start)` tries the full pattern there
    /// and says what it matched (`Some(None)`: nothing; `None`: stop). After a match the walk goes on
    /// from its end, so the matches are those a search of the full pattern finds, in order.
    fn scan(&self, text: &str, mut attempt: impl FnMut(usize) -> Option<Option<Range<usize>>>) {
        let loose = if text.is_ascii() || text.len() > UNBOUNDED_UP_TO {
            &self.bounded
        } else {
            &self.loose
        };
        let mut pos = 0;
        while pos <= text.len() {
            let Some(start) = loose.find_at(text, pos).map(|m| m.start()) else {
                return;
            };
            match attempt(start) {
                None => return,
                Some(None) => pos = after_char(text, start),
                Some(Some(m)) if m.end > m.start => pos = m.end,
                Some(Some(m)) => pos = after_char(text, m.end),
            }
        }
    }

    fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        self.scan(text, |start| {
            let m = self.anchored.find_from_pos(text, start).ok()?;
            let m = m.map(|m| m.range());
            out.extend(m.clone());
            Some(m)
        });
        out
    }

    fn captures_all(&self, text: &str) -> Vec<Vec<Option<Range<usize>>>> {
        let mut out = Vec::new();
        self.scan(text, |start| {
            let caps = self.anchored.captures_from_pos(text, start).ok()?;
            let whole = caps.as_ref().and_then(|c| c.get(0)).map(|m| m.range());
            if let Some(c) = caps {
                out.push(c.iter().map(|g| g.map(|m| m.range())).collect());
            }
            Some(whole)
        });
        out
    }

    fn is_match(&self, text: &str) -> bool {
        let mut found = false;
        self.scan(text, |start| {
            found = self.anchored.find_from_pos(text, start).ok()?.is_some();
            (!found).then_some(None)
        });
        found
    }
}

/// The offset after the character at `at` (one past the end at the end of `text`).
fn after_char(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(at + 1, |c| at + c.len_utf8())
}

/// `src` without look-around groups (`(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`: they match no text), and
/// without word boundaries unless `boundaries`, with back-references loosened to "anything": a pattern
/// that matches at least wherever `src` does.
pub(super) fn relaxed(src: &str, boundaries: bool) -> String {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let mut in_class = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            let next = chars.get(i + 1).copied();
            match next {
                Some(d) if d.is_ascii_digit() && d != '0' && !in_class => {
                    out.push_str("(?s:.*?)");
                    i += 2;
                    while chars.get(i).is_some_and(char::is_ascii_digit) {
                        i += 1;
                    }
                    continue;
                }
                Some('k') if !in_class && chars.get(i + 2) == Some(&'<') => {
                    out.push_str("(?s:.*?)");
                    i += 3;
                    while i < chars.len() && chars[i] != '>' {
                        i += 1;
                    }
                    i += 1;
                    continue;
                }
                // A word boundary matches no text: the gate goes without it, so the fast engine keeps
                // to its linear-time automaton (a Unicode word boundary sends it to a slower one at
                // every letter outside ASCII), and a start next to such a letter is never missed.
                Some('b' | 'B') if !in_class && !boundaries => {
                    // An empty group in its place keeps a quantifier after it (`\b{2}`) applying to
                    // nothing; a named boundary (`\b{start}`) goes whole.
                    out.push_str("(?:)");
                    i += 2;
                    let rest: String = chars[i..chars.len().min(i + 12)].iter().collect();
                    for named in ["{start}", "{end}", "{start-half}", "{end-half}"] {
                        if rest.starts_with(named) {
                            i += named.len();
                            break;
                        }
                    }
                    continue;
                }
                Some(d) => {
                    out.push(c);
                    out.push(d);
                    i += 2;
                    continue;
                }
                None => {
                    out.push(c);
                    i += 1;
                    continue;
                }
            }
        }
        if in_class {
            if c == ']' {
                in_class = false;
            }
            out.push(c);
            i += 1;
            continue;
        }
        if c == '[' {
            in_class = true;
            out.push(c);
            // A `]` right after `[` or `[^` is a literal.
            if chars.get(i + 1) == Some(&'^') {
                out.push('^');
                i += 1;
            }
            if chars.get(i + 1) == Some(&']') {
                out.push(']');
                i += 1;
            }
            i += 1;
            continue;
        }
        let rest: String = chars[i..chars.len().min(i + 4)].iter().collect();
        if ["(?=", "(?!", "(?<=", "(?<!"]
            .iter()
            .any(|p| rest.starts_with(p))
        {
            // Skip to the matching close parenthesis.
            let mut depth = 0;
            let mut class = false;
            while i < chars.len() {
                match chars[i] {
                    '\\' => i += 1,
                    '[' if !class => class = true,
                    ']' if class => class = false,
                    '(' if !class => depth += 1,
                    ')' if !class => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            i += 1;
            continue;
        }
        // Atomic groups and possessive forms are plain groups for the gate.
        if rest.starts_with("(?>") {
            out.push_str("(?:");
            i += 3;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The fast engine's spelling of a pattern [`go_syntax`] gave: a word boundary is the ASCII one, as in
/// Vale's RE2-compatible patterns: the Unicode one would stop the fast engine at every letter outside
/// ASCII (and at the mark that stands for inline code in the prose), costing the slow one.
fn translate(src: &str) -> String {
    let mut out = String::with_capacity(src.len() + 16);
    let mut chars = src.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b') if !in_class => out.push_str("(?-u:\\b)"),
                Some('B') if !in_class => out.push_str("(?-u:\\B)"),
                Some(d) => {
                    out.push('\\');
                    out.push(d);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    out.push(']');
                    chars.next();
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A Vale pattern (Go's regexp2 syntax) in the spelling both Rust engines read: `\Z` (end of text,
/// before a final newline) is `\z`, closely enough for prose blocks; and character classes: inside `[…]` Go reads `[` and the pairs
/// `&&`, `~~` as plain characters, where Rust's engines read a nested class or a set operation. So `[-[".\w]` (a class of `-`, `[`, `"`, `.` and word characters) gets its `[`
/// escaped; a POSIX class (`[[:alpha:]]`) is kept.
fn go_syntax(src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len() + 8);
    let mut i = 0;
    let mut in_class = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            match chars.get(i + 1) {
                // `\Z` (end of text, before a final newline) is `\z` closely enough for prose blocks.
                Some('Z') if !in_class => out.push_str("\\z"),
                Some(&d) => {
                    out.push(c);
                    out.push(d);
                }
                None => out.push(c),
            }
            i += 2;
            continue;
        }
        if !in_class {
            // A comment is copied as it is: a `[` in it opens no class.
            if c == '(' && chars.get(i + 1) == Some(&'?') && chars.get(i + 2) == Some(&'#') {
                let end = chars[i..]
                    .iter()
                    .position(|&d| d == ')')
                    .map_or(chars.len(), |k| i + k + 1);
                out.extend(&chars[i..end]);
                i = end;
                continue;
            }
            out.push(c);
            if c == '[' {
                in_class = true;
                // `^` and a `]` right after the opening bracket belong to it.
                if chars.get(i + 1) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                if chars.get(i + 1) == Some(&']') {
                    out.push_str("\\]");
                    i += 1;
                }
            }
            i += 1;
            continue;
        }
        match c {
            ']' => {
                in_class = false;
                out.push(c);
            }
            '[' if chars.get(i + 1) == Some(&':') => {
                // A POSIX class: copy through its closing `:]`.
                let end = (i + 2..chars.len().saturating_sub(1))
                    .find(|&k| chars[k] == ':' && chars[k + 1] == ']');
                match end {
                    Some(k) => {
                        out.extend(&chars[i..k + 2]);
                        i = k + 2;
                        continue;
                    }
                    None => out.push_str("\\["),
                }
            }
            '[' => out.push_str("\\["),
            // (`--` is left alone: in Go it may be a range, `[--/]`.)
            '&' | '~' if chars.get(i + 1) == Some(&c) => {
                out.push(c);
                out.push('\\');
                out.push(c);
                i += 2;
                continue;
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

impl Pattern {
    pub fn new(src: &str) -> Result<Pattern, String> {
        let src = &go_syntax(src);
        let fast = translate(src);
        match regex::Regex::new(&fast) {
            Ok(re) => Ok(Pattern::Plain(re)),
            Err(plain) => match fancy_regex::Regex::new(src) {
                Ok(re) => {
                    let anchored = format!(r"\G(?:{})", re.as_str());
                    // The gate has no word boundaries: the fast engine's ASCII ones would miss
                    // starts the backtracker's Unicode ones find ("é é").
                    let loose = |boundaries| regex::Regex::new(&relaxed(src, boundaries)).ok();
                    let gate = match (
                        loose(true),
                        loose(false),
                        fancy_regex::Regex::new(&anchored).ok(),
                    ) {
                        (Some(bounded), Some(loose), Some(anchored)) => Some(Box::new(Gate {
                            bounded,
                            loose,
                            anchored,
                        })),
                        _ => None,
                    };
                    Ok(Pattern::Fancy(Box::new(re), gate))
                }
                Err(_) => Err(plain.to_string()),
            },
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Pattern::Plain(re) => re.as_str(),
            Pattern::Fancy(re, _) => re.as_str(),
        }
    }

    pub fn is_match(&self, text: &str) -> bool {
        match self {
            Pattern::Plain(re) => re.is_match(text),
            Pattern::Fancy(_, Some(gate)) => gate.is_match(text),
            Pattern::Fancy(re, None) => re.is_match(text).unwrap_or(false),
        }
    }

    /// Every non-overlapping match.
    pub fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        match self {
            Pattern::Plain(re) => re.find_iter(text).map(|m| m.range()).collect(),
            Pattern::Fancy(_, Some(gate)) => gate.find_all(text),
            Pattern::Fancy(re, None) => re
                .find_iter(text)
                .map_while(Result::ok)
                .map(|m| m.range())
                .collect(),
        }
    }

    /// Every match with its groups (index 0: the whole match).
    pub fn captures_all(&self, text: &str) -> Vec<Vec<Option<Range<usize>>>> {
        match self {
            Pattern::Plain(re) => re
                .captures_iter(text)
                .map(|c| c.iter().map(|g| g.map(|m| m.range())).collect())
                .collect(),
            Pattern::Fancy(_, Some(gate)) => gate.captures_all(text),
            Pattern::Fancy(re, None) => re
                .captures_iter(text)
                .map_while(Result::ok)
                .map(|c| c.iter().map(|g| g.map(|m| m.range())).collect())
                .collect(),
        }
    }

    /// `text` with every match replaced by `with` (`$1`, `${name}` expand).
    pub fn replace_all(&self, text: &str, with: &str) -> String {
        match self {
            Pattern::Plain(re) => re.replace_all(text, with).into_owned(),
            Pattern::Fancy(re, _) => re.replace_all(text, with).into_owned(),
        }
    }
}

/// Counts the capture groups a Vale pattern opens (`(` that is not `(?` or `\(`).
pub fn has_capture_group(pattern: &str) -> bool {
    let opens = pattern.matches('(').count();
    opens > pattern.matches("(?").count() + pattern.matches(r"\(").count()
}

/// Turns a pattern's capture groups into non-capturing ones, so a substitution's own groups stay
/// one per swap.
pub fn uncapture(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut chars = pattern.chars().peekable();
    let mut escaped = false;
    while let Some(c) = chars.next() {
        out.push(c);
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '(' && chars.peek() != Some(&'?') {
            out.push_str("?:");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_patterns_stay_linear_and_look_around_still_works() {
        assert!(matches!(Pattern::new(r"\bfoo\b"), Ok(Pattern::Plain(_))));
        let look = Pattern::new(r"\bfoo(?! bar)\b").expect("compiles");
        assert!(matches!(look, Pattern::Fancy(_, Some(_))));
        assert_eq!(look.find_all("foo bar, foo baz"), vec![9..12]);
        let back = Pattern::new(r"\b(\w+) \1\b").expect("compiles");
        assert_eq!(back.find_all("it is is so"), vec![3..8]);
        assert_eq!(
            back.find_all("é é"),
            vec![0..5],
            "word boundaries around letters outside ASCII"
        );
        assert!(Pattern::new("(unclosed").is_err());
    }

    /// Patterns of the shapes Vale's styles use look-around and back-references in.
    const FANCY: [&str; 7] = [
        r"(?:^|\s)I(?=\s)|\bme\b",
        r"(?i)it is(?!\.)",
        r"(?<=[(])x(?=\))",
        r"\b(\w+) \1\b",
        r"(?<!an? )\bbar\b",
        r"a(?=b)|ab|(?=c)",
        r"(?i)\b(?:that's)(?=\.)",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

        /// The gated search (the backtracker tried only where the linear-time gate finds a start) finds
        /// exactly what the backtracker alone finds, with the same groups.
        #[test]
        fn the_gated_search_finds_what_the_backtracker_finds(
            text in "[abcxIiemtshr() .'\n\u{e9}]{0,40}",
            which in 0usize..7,
        ) {
            let src = FANCY[which];
            let Ok(Pattern::Fancy(full, Some(gate))) = Pattern::new(src) else {
                panic!("{src} should need the backtracker and have a gate");
            };
            let alone: Vec<_> = full.find_iter(&text).map_while(Result::ok).map(|m| m.range()).collect();
            proptest::prop_assert_eq!(gate.find_all(&text), alone.clone());
            proptest::prop_assert_eq!(gate.is_match(&text), !alone.is_empty());
            let groups: Vec<Vec<Option<Range<usize>>>> = full
                .captures_iter(&text)
                .map_while(Result::ok)
                .map(|c| c.iter().map(|g| g.map(|m| m.range())).collect())
                .collect();
            proptest::prop_assert_eq!(gate.captures_all(&text), groups);
        }
    }

    #[test]
    fn a_copy_for_another_thread_matches_the_same() {
        let p = Pattern::new(r"(?i)it is(?!\.)").expect("compiles");
        let copy = p.clone();
        let text = "It is so. it is. it is here";
        assert_eq!(copy.find_all(text), p.find_all(text));
        assert_eq!(copy.find_all(text), vec![0..5, 17..22]);
    }

    #[test]
    fn the_gate_drops_only_what_matches_no_text() {
        assert_eq!(relaxed(r"\bfoo(?! bar)\b", true), r"\bfoo\b");
        assert_eq!(relaxed(r"\bfoo(?! bar)\b", false), "(?:)foo(?:)");
        assert_eq!(translate(&go_syntax(r"\bfoo[\b]\Z")), r"(?-u:\b)foo[\b]\z");
        assert_eq!(relaxed(r"(?<=[(])x(?=\))", true), "x");
        assert_eq!(relaxed(r"\b(\w+) \1\b", true), r"\b(\w+) (?s:.*?)\b");
        assert_eq!(
            relaxed(r"[\b]x\B", false),
            r"[\b]x(?:)",
            "a backspace in a class is kept"
        );
        // A quantified boundary and a named one, which the backtracker reads too.
        assert_eq!(relaxed(r"x\b{2}", false), r"x(?:){2}");
        assert_eq!(relaxed(r"\b{start}x", false), r"(?:)x");
        for src in [r"(?<!y)x\b{2}", r"(?<!y)\b{start}x\b{end}", r"a(\n)\1b"] {
            let p = Pattern::new(src).expect("compiles");
            assert!(
                matches!(p, Pattern::Fancy(_, Some(_))),
                "{src} keeps its gate"
            );
        }
        assert_eq!(
            Pattern::new(r"a(\n)\1b")
                .expect("compiles")
                .find_all("a\n\nb"),
            vec![0..4],
            "a back-reference to a line break"
        );
        assert_eq!(relaxed(r"[(?=]a", true), r"[(?=]a", "a class is kept whole");
        assert_eq!(relaxed(r"(?>ab)c", true), "(?:ab)c");
    }

    #[test]
    fn go_syntax_reads_a_bracket_inside_a_class_as_a_character() {
        assert_eq!(go_syntax(r#"[-[".\w:/\]]"#), r#"[-\[".\w:/\]]"#);
        assert_eq!(go_syntax("[[:alpha:]]x[&&]"), r"[[:alpha:]]x[&\&]");
        assert_eq!(go_syntax("[]a]"), r"[\]a]");
        assert_eq!(
            go_syntax(r"(?#avoid [x)\b[Tt]he\b"),
            r"(?#avoid [x)\b[Tt]he\b"
        );
        // A style's token with look-behind and look-ahead around a name, as a docs team wrote it.
        let p =
            Pattern::new(r#"(?<![-[".\w:/\]])\bfluent bit\b(?![-\]".\w:/\]])"#).expect("compiles");
        assert_eq!(
            p.find_all("Use fluent bit here, not [fluent bit] or fluent bit-x."),
            vec![4..14]
        );
    }
}
