//! Corrections in the order a reviewer would pick them: fewest slips, the more common word, a
//! neighbouring key.

use super::*;

/// Closest dictionary words, best first, in the word's case (shared by all threads: computing them is
/// the slow part of spelling).
pub(super) fn suggestions(word: &str) -> Vec<String> {
    static MEMO: LazyLock<Mutex<HashMap<String, Vec<String>>>> =
        LazyLock::new(|| Mutex::new(HashMap::new()));
    if let Some(s) = MEMO.lock().ok().and_then(|m| m.get(word).cloned()) {
        return s;
    }
    let mut s = ranked(word, dictionary::near_words(word, 2, 12));
    if s.is_empty() && word.chars().count() >= 8 {
        s = ranked(word, dictionary::near_words(word, 3, 12));
    }
    if word.is_ascii()
        && let Some(fixed) = destuttered(&word.to_lowercase())
    {
        let fixed = crate::core::rules::misspellings::match_case(word, &fixed);
        s.retain(|x| *x != fixed);
        s.insert(0, fixed);
    }
    s.truncate(3);
    if let Ok(mut m) = MEMO.lock() {
        m.insert(word.to_owned(), s.clone());
    }
    s
}

/// Candidate corrections in the order a reviewer would pick them: fewest slips first (two letters
/// swapped is one slip), then the more common word (how many known misspellings lead to it), then a
/// slip a finger makes ([`finger_slip`]: a neighbouring key, a key pressed twice), then harper's own
/// order.
pub(super) fn ranked(word: &str, candidates: Vec<String>) -> Vec<String> {
    let lower = word.to_lowercase();
    let mut keyed: Vec<_> = candidates
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let cl = c.to_lowercase();
            let slips = strsim::osa_distance(&lower, &cl);
            let common = match crate::core::rules::misspellings::frequency(&cl) {
                0 => 0u8,
                1..=4 => 1,
                5..=14 => 2,
                _ => 3,
            };
            let no_finger_slip = !finger_slip(&lower, &cl);
            ((slips, std::cmp::Reverse(common), no_finger_slip, i), c)
        })
        .collect();
    keyed.sort_by_key(|k| k.0);
    keyed.into_iter().map(|(_, c)| c).collect()
}

/// Do `a` and `b` differ in one letter only, one key apart on a QWERTY keyboard ("wotk" for "work")?
pub(super) fn keyboard_slip(a: &str, b: &str) -> bool {
    const ROWS: [&str; 3] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
    // Each row sits a little to the right of the one above it.
    const SHIFT: [f32; 3] = [0.0, 0.25, 0.75];
    let key = |c: char| {
        ROWS.iter()
            .enumerate()
            .find_map(|(r, row)| row.find(c).map(|x| (r as f32, x as f32 + SHIFT[r])))
    };
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<(char, char)> = a.chars().zip(b.chars()).filter(|(x, y)| x != y).collect();
    match diff.as_slice() {
        [(x, y)] => match (key(*x), key(*y)) {
            (Some((r1, c1)), Some((r2, c2))) => (r1 - r2).abs() <= 1.0 && (c1 - c2).abs() <= 1.0,
            _ => false,
        },
        _ => false,
    }
}

/// Does one finger slip turn `fix` into `typo`: two neighbouring letters swapped, a key pressed twice or
/// its neighbour pressed with it (a letter added beside an equal or neighbouring one), or a neighbouring
/// key hit instead?
pub(super) fn finger_slip(typo: &str, fix: &str) -> bool {
    let t: Vec<char> = typo.chars().collect();
    let f: Vec<char> = fix.chars().collect();
    let near = |a: char, b: char| a == b || keyboard_slip(&a.to_string(), &b.to_string());
    if t.len() == f.len() {
        let diff: Vec<usize> = (0..t.len()).filter(|&i| t[i] != f[i]).collect();
        return match diff.as_slice() {
            [i, j] => *j == i + 1 && t[*i] == f[*j] && t[*j] == f[*i],
            [_] => keyboard_slip(typo, fix),
            _ => false,
        };
    }
    if t.len() != f.len() + 1 {
        return false;
    }
    // The letter `typo` has that `fix` lacks, and its neighbours in `typo`.
    let Some(extra) = (0..t.len()).find(|&i| i == f.len() || t[i] != f[i]) else {
        return false;
    };
    if t[..extra].iter().chain(&t[extra + 1..]).ne(f.iter()) {
        return false;
    }
    let before = extra.checked_sub(1).map(|i| t[i]);
    let after = t.get(extra + 1).copied();
    before.is_some_and(|b| near(t[extra], b)) || after.is_some_and(|a| near(t[extra], a))
}

/// How many slips a writer makes to turn `fix` into `typo`: a letter left out, added, or swapped with its
/// neighbour counts one, and so does a letter written for another when both are vowels or neighbouring
/// keys ("levereging"); any other letter written for another counts two, as a letter left out and one
/// added: it is more often another word or a name than a slip ("sneetches" is two slips and more from
/// "sketches").
pub(super) fn slips(typo: &str, fix: &str) -> usize {
    let t: Vec<char> = typo.chars().collect();
    let f: Vec<char> = fix.chars().collect();
    let vowel = |c: char| "aeiouy".contains(c);
    let sub = |a: char, b: char| {
        if a == b {
            0
        } else if (vowel(a) && vowel(b)) || keyboard_slip(&a.to_string(), &b.to_string()) {
            1
        } else {
            2
        }
    };
    // Optimal string alignment distance with those costs.
    let mut d = vec![vec![0usize; f.len() + 1]; t.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=t.len() {
        for j in 1..=f.len() {
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + sub(t[i - 1], f[j - 1]));
            if i > 1 && j > 1 && t[i - 1] == f[j - 2] && t[i - 2] == f[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[t.len()][f.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_count_what_a_writer_does() {
        // A vowel for a vowel, a neighbouring key, a letter left out or swapped: one slip each.
        assert_eq!(slips("levereging", "leveraging"), 1);
        assert_eq!(slips("conrent", "content"), 1);
        assert_eq!(slips("amibuity", "ambiguity"), 2);
        // Any other letter for another is one left out and one added.
        assert_eq!(slips("compined", "combined"), 2);
        assert_eq!(slips("sneetches", "sketches"), 3);
        assert_eq!(slips("formester", "formatter"), 3);
    }
}
