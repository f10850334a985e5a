//! `consistency.variant`: one word spelled several ways across the whole doc set ("dataset" and
//! "data set", "e-mail" and "email", "configmap" and "ConfigMap"). The dominant spelling (or the one
//! configured under `[consistency] prefer`) is proposed for the others.
//!
//! Counting runs over every document in view (in changed-lines mode: every doc of the repository), so a
//! two-line change is judged against the project's own habits, not against itself. Two kinds of variants
//! are compared, each only where a difference can be an accident:
//!
//! - **Joining**: the same lower-case letters with and without hyphens or a space ("re-use"/"reuse",
//!   "file system"/"filesystem"; two-word forms only for the closed compounds of `data/compounds.txt`).
//!   CamelCase forms take no part: "BestEffort" is an identifier, not a spelling of "best-effort".
//! - **Capitals**: the same letters and hyphens in different case, where the winner is a deliberate
//!   mixed-case spelling ("QOS" and "qos" → "QoS", "configmap" → "ConfigMap"). Capitals at a sentence
//!   start or in a Title Case heading ("Pod-Level") do not count, and all-capital emphasis ("MUST")
//!   never competes with an ordinary word.
//!
//! Names on the terminology list are left to the terminology rules (`terminology.canonical`, and
//! `terminology.lower-case` for a name all in lower case, off by default). Counting hashes plain lower-case
//! words without allocating; only the rare interesting spellings are stored as strings.

use super::terminology::{Terms, key, stands_alone};
use super::text::{ByHash, HASH_START, Word, hash_key, is_all_upper, is_space};
use super::{Active, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

pub const RULE: &str = "consistency.variant";

/// A winner must be at least this many times as common as each spelling it replaces.
const DOMINANCE: u32 = 2;

/// Uses of a spelling in one doc that make it that doc's deliberate choice.
const OWN_CHOICE: u32 = 3;

/// Does the text before a word end a suspended hyphen ("up- and " before "down-casting")? The pair
/// shares its second half on purpose.
fn suspended(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    matches!(words.next(), Some("and" | "or" | "to" | "&"))
        && words.next().is_some_and(|w| w.ends_with('-'))
}

/// Does harper's dictionary know a spelling (each word of a two-word one)?
fn dictionary_knows(form: &str) -> bool {
    form.split(' ').all(super::dictionary::is_known_word)
}

/// Two-word spellings of closed compounds, by key ("dataset" → "data set").
static COMPOUNDS: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    super::lexicon::lines(include_str!("data/compounds.txt"))
        .map(|l| (key(l), l))
        .collect()
});

/// The hash of [`key`]`(s)`, computed without building the key.
fn key_hash(s: &str) -> u64 {
    hash_key(HASH_START, s)
}

/// Hashes of the compounds' first words, so the pair check is skipped cheaply for every other word.
static COMPOUND_FIRSTS: LazyLock<ByHash<()>> = LazyLock::new(|| {
    COMPOUNDS
        .values()
        .filter_map(|l| l.split(' ').next())
        .map(|w| (key_hash(w), ()))
        .collect()
});

/// How often each spelling of each word occurs. Mergeable, so documents are counted in parallel, and
/// storable, so a document's counts can be cached with its content hash.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct Counts {
    /// Plain lower-case spellings without hyphens, by key hash: the bulk of all words.
    plain: ByHash<u32>,
    /// Every other spelling: key → normalised spelling → how often, written how.
    forms: HashMap<String, HashMap<String, Form>>,
}

/// One normalised spelling: how often it occurs and how it is written ("ConfigMap", "configMap").
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
struct Form {
    count: u32,
    surfaces: Vec<(String, u32)>,
}

impl Form {
    fn add(&mut self, surface: &str, n: u32) {
        self.count += n;
        match self.surfaces.iter_mut().find(|(s, _)| s == surface) {
            Some(e) => e.1 += n,
            None => self.surfaces.push((surface.to_owned(), n)),
        }
    }

    /// The most common way of writing it.
    fn surface(&self) -> &str {
        self.surfaces
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            .map_or("", |(s, _)| s.as_str())
    }
}

impl Counts {
    pub fn merge(mut self, other: Counts) -> Counts {
        if self.plain.len() < other.plain.len() && self.forms.len() < other.forms.len() {
            return other.merge(self);
        }
        for (h, n) in other.plain {
            *self.plain.entry(h).or_insert(0) += n;
        }
        for (k, forms) in other.forms {
            let mine = self.forms.entry(k).or_default();
            for (form, f) in forms {
                let e = mine.entry(form).or_default();
                for (s, n) in &f.surfaces {
                    e.add(s, *n);
                }
            }
        }
        self
    }
}

/// A spelling with the capital that starts a sentence, a Title Case word or a type name undone part by
/// part ("Pod-Level" → "pod-level", "Dataset" → "dataset", "ConfigMap" → "configMap"), so that only
/// differences inside words count; all-capital parts ("CSI", "MUST") stay.
pub fn normalise(surface: &str) -> String {
    let mut out = String::with_capacity(surface.len());
    let mut rest = surface;
    loop {
        let end = rest.find(['-', ' ']).unwrap_or(rest.len());
        let part = &rest[..end];
        let mut chars = part.chars();
        match chars.next() {
            Some(c) if c.is_uppercase() && !chars.as_str().starts_with(char::is_uppercase) => {
                out.extend(c.to_lowercase());
                out.push_str(chars.as_str());
            }
            _ => out.push_str(part),
        }
        if end == rest.len() {
            return out;
        }
        out.push_str(&rest[end..end + 1]);
        rest = &rest[end + 1..];
    }
}

fn has_upper(s: &str) -> bool {
    s.chars().any(char::is_uppercase)
}

/// Mixed case: some capitals, some small letters ("QoS", "ConfigMap", "oneDNN").
fn is_mixed(s: &str) -> bool {
    has_upper(s) && s.chars().any(char::is_lowercase)
}

/// A spelling worth comparing: its range in the block, whether it is a plain lower-case word, and the
/// hash of its key.
struct Candidate {
    range: Range<usize>,
    plain: bool,
    hash: u64,
}

/// The spellings in one block of prose.
fn candidates(text: &str, ws: &[Word], mut each: impl FnMut(Candidate)) {
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i];
        i += 1;
        let t = w.text(text);
        if t.len() < 3 {
            continue;
        }
        let Some((hash, plain)) = classify(t) else {
            continue;
        };
        if !stands_alone(text, w.range()) {
            continue;
        }
        if let Some(pair) = compound_pair(text, ws, i - 1, hash) {
            i += 1;
            let hash = key_hash(&text[pair.clone()]);
            each(Candidate {
                range: pair,
                plain: false,
                hash,
            });
            continue;
        }
        // Short plain words ("the", "and") are the bulk of all words and have no spellings to compare.
        if plain && t.len() < 4 {
            continue;
        }
        each(Candidate {
            range: w.range(),
            plain,
            hash,
        });
    }
}

/// One pass over a word: `None` unless it is letters and hyphens only; else the hash of its key and
/// whether it is plain (no hyphen, no capital but possibly the first letter).
fn classify(t: &str) -> Option<(u64, bool)> {
    let mut h = HASH_START;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    let mut plain = true;
    for (i, c) in t.char_indices() {
        if c == '-' {
            plain = false;
            continue;
        }
        if c.is_ascii() {
            if !c.is_ascii_alphabetic() {
                return None;
            }
            if i > 0 && c.is_ascii_uppercase() {
                plain = false;
            }
            eat(c.to_ascii_lowercase() as u8);
        } else {
            if !c.is_alphabetic() {
                return None;
            }
            if i > 0 && c.is_uppercase() {
                plain = false;
            }
            for l in c.to_lowercase() {
                let mut buf = [0u8; 4];
                for &b in l.encode_utf8(&mut buf).as_bytes() {
                    eat(b);
                }
            }
        }
    }
    Some((h, plain))
}

fn compound_pair(text: &str, ws: &[Word], i: usize, first_hash: u64) -> Option<Range<usize>> {
    if !COMPOUND_FIRSTS.contains_key(&first_hash) {
        return None;
    }
    let w1 = ws[i];
    let w2 = *ws.get(i + 1)?;
    let gap = &text[w1.end..w2.start];
    if !(is_space(gap) && gap.chars().count() == 1 && stands_alone(text, w2.range())) {
        return None;
    }
    let k = key(&format!("{}{}", w1.text(text), w2.text(text)));
    COMPOUNDS.contains_key(&k).then_some(w1.start..w2.end)
}

/// Counts the spellings in one document.
pub fn count(doc: &DocProse<'_>) -> Counts {
    let mut counts = Counts::default();
    count_into(&mut counts, doc);
    counts
}

/// Adds the spellings of one document to `counts`.
pub fn count_into(counts: &mut Counts, doc: &DocProse<'_>) {
    for (b, block) in doc.prose.blocks.iter().enumerate() {
        let text = block.text.as_str();
        candidates(text, doc.words(b), |c| {
            let surface = &text[c.range];
            if c.plain {
                *counts.plain.entry(c.hash).or_insert(0) += 1;
            } else {
                counts
                    .forms
                    .entry(key(surface))
                    .or_default()
                    .entry(normalise(surface))
                    .or_default()
                    .add(surface, 1);
            }
        });
    }
}

/// What to propose for one spelling.
#[derive(Debug, Clone)]
struct Verdict {
    surface: String,
    count: u32,
}

/// The `consistency` family: decides, from the counts of the whole doc set, which spellings to flag.
#[derive(Debug)]
pub struct Consistency {
    /// key hash → normalised losing spelling → verdict.
    verdicts: ByHash<HashMap<String, Verdict>>,
}

/// Picks the winner among `(form, count, surface)` if it dominates every other one.
fn winner<'a>(
    forms: &[(&'a str, u32, &'a str)],
    eligible: impl Fn(&str) -> bool,
) -> Option<(&'a str, u32, &'a str)> {
    let best = forms
        .iter()
        .filter(|f| eligible(f.0))
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))?;
    let dominates = forms
        .iter()
        .all(|f| f.0 == best.0 || best.1 >= DOMINANCE * f.1);
    (best.1 >= 2 && dominates).then_some(*best)
}

impl Consistency {
    pub fn rule() -> RuleInfo {
        RuleInfo {
            link: None,
            id: RULE.into(),
            severity: Severity::Suggestion,
            safety: Safety::Review,
            default_on: false,
            summary: "One word spelled several ways across the doc set (\"data set\"/\"dataset\", \"e-mail\"/\"email\")".into(),
            explain: "Counts every spelling of a word across all docs (not per file) and proposes the dominant one \
                      where another is used: \"data set\" when the docs say \"dataset\" 40 times, \"e-mail\" against \
                      \"email\", \"configmap\" against \"ConfigMap\". Compared are hyphens and spaces (\"re-use\"/\"reuse\") \
                      and capitals where the winner is a deliberate mixed-case spelling (\"QOS\" -> \"QoS\"). A capital at \
                      a sentence start or in a Title Case heading never counts, all-capital emphasis (\"MUST\") never \
                      competes with an ordinary word, and CamelCase identifiers are not hyphenated words. A spelling \
                      must be at least twice as common as each other one to win, a spelling the dictionary does not know \
                      never replaces one it knows (\"re-connect\" for \"reconnect\"), a doc that uses a spelling three \
                      times or more has chosen it, and headings are left alone (their words make their anchors).\n\
                      In changed-lines mode the counts come from every doc in the repository. Choose the winner \
                      yourself in .docreview.toml:\n\n  [consistency]\n  prefer = [\"dataset\", \"email\"]"
                .into(),
        }
    }

    /// Decides the verdicts from the doc set's counts. `prefer` lists spellings that win outright;
    /// names on the terminology list are left to that rule.
    pub fn decide(counts: &Counts, prefer: &[String], terms: &Terms) -> Consistency {
        let preferred: HashMap<String, &String> = prefer.iter().map(|p| (key(p), p)).collect();
        let mut verdicts: ByHash<HashMap<String, Verdict>> = ByHash::default();
        let mut keys: Vec<&String> = counts.forms.keys().collect();
        // Preferred spellings can win over words that only ever appear plain.
        let plain_only: Vec<String> = preferred
            .keys()
            .filter(|k| !counts.forms.contains_key(*k))
            .cloned()
            .collect();
        keys.extend(plain_only.iter());
        let empty = HashMap::new();
        for k in keys {
            if terms.get(k).is_some() {
                continue;
            }
            let stored = counts.forms.get(k).unwrap_or(&empty);
            let plain = counts.plain.get(&key_hash(k)).copied().unwrap_or(0);
            let mut forms: Vec<(&str, u32, &str)> = stored
                .iter()
                .map(|(f, form)| (f.as_str(), form.count, form.surface()))
                .collect();
            if plain > 0 {
                forms.push((k.as_str(), plain, k.as_str()));
            }
            let mut losers: HashMap<String, Verdict> = HashMap::new();
            if let Some(p) = preferred.get(k) {
                let target = normalise(p);
                for f in &forms {
                    if f.0 != target {
                        losers.insert(
                            f.0.to_owned(),
                            Verdict {
                                surface: (*p).clone(),
                                count: forms.iter().find(|x| x.0 == target).map_or(0, |x| x.1),
                            },
                        );
                    }
                }
            } else {
                // Joining: plain lower-case spellings that differ only in hyphens and spaces.
                let joined: Vec<(&str, u32, &str)> =
                    forms.iter().copied().filter(|f| !has_upper(f.0)).collect();
                if joined.len() > 1
                    && let Some(w) = winner(&joined, |_| true)
                {
                    // Never a spelling the dictionary does not know for one it knows ("re-connect" for
                    // "reconnect"), however many docs use it.
                    let known_winner = dictionary_knows(w.0);
                    for f in joined
                        .iter()
                        .filter(|f| f.0 != w.0 && (known_winner || !dictionary_knows(f.0)))
                    {
                        losers.insert(
                            f.0.to_owned(),
                            Verdict {
                                surface: w.0.to_owned(),
                                count: w.1,
                            },
                        );
                    }
                }
                // Capitals: the same letters and hyphens; only a mixed-case spelling can win.
                let mut by_letters: HashMap<String, Vec<(&str, u32, &str)>> = HashMap::new();
                for f in &forms {
                    by_letters.entry(f.0.to_lowercase()).or_default().push(*f);
                }
                for group in by_letters.values().filter(|g| g.len() > 1) {
                    if let Some(w) = winner(group, is_mixed) {
                        for f in group.iter().filter(|f| f.0 != w.0) {
                            losers.insert(
                                f.0.to_owned(),
                                Verdict {
                                    surface: w.2.to_owned(),
                                    count: w.1,
                                },
                            );
                        }
                    }
                }
            }
            if !losers.is_empty() {
                verdicts.insert(key_hash(k), losers);
            }
        }
        Consistency { verdicts }
    }

    /// A hash of every verdict: equal hashes flag the same spellings the same way, so findings cached
    /// under one stay right.
    pub fn fingerprint(&self) -> u64 {
        let mut all: Vec<(u64, &String, &String, u32)> = self
            .verdicts
            .iter()
            .flat_map(|(k, losers)| {
                losers
                    .iter()
                    .map(move |(form, v)| (*k, form, &v.surface, v.count))
            })
            .collect();
        all.sort();
        let mut parts: Vec<Vec<u8>> = Vec::with_capacity(all.len());
        for (k, form, surface, count) in all {
            parts.push(format!("{k}\u{1}{form}\u{1}{surface}\u{1}{count}").into_bytes());
        }
        let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        crate::core::finding::fnv1a64(&refs)
    }

    pub fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        if !active.has(RULE) || self.verdicts.is_empty() {
            return;
        }
        // A spelling the doc uses again and again is the doc's own choice, not a slip.
        let mut uses: HashMap<String, u32> = HashMap::new();
        for (b, block) in doc.prose.blocks.iter().enumerate() {
            let text = block.text.as_str();
            candidates(text, doc.words(b), |c| {
                if self.verdicts.contains_key(&c.hash) {
                    *uses.entry(normalise(&text[c.range])).or_insert(0) += 1;
                }
            });
        }
        for (b, block) in doc.prose.blocks.iter().enumerate() {
            // Renaming a heading's words renames its anchor, and links to it break.
            if block.kind == crate::core::markdown::BlockKind::Heading {
                continue;
            }
            let text = block.text.as_str();
            candidates(text, doc.words(b), |c| {
                let surface = &text[c.range.clone()];
                let Some(losers) = self.verdicts.get(&c.hash) else {
                    return;
                };
                let form = normalise(surface);
                let Some(v) = losers.get(&form) else {
                    return;
                };
                if uses.get(&form).copied().unwrap_or(0) >= OWN_CHOICE
                    || suspended(&text[..c.range.start])
                    || doc.whole_link_text(b, c.range.clone())
                {
                    return;
                }
                let replacement = match_case(surface, &v.surface);
                if replacement == surface {
                    return;
                }
                let times = if v.count == 1 {
                    "once".to_owned()
                } else {
                    format!("{} times", v.count)
                };
                out.push(Hit {
                    block: b,
                    range: c.range,
                    rule: RULE.into(),
                    message: format!(
                        "These docs spell it \"{}\" ({times}); use one spelling, not \"{surface}\".",
                        v.surface
                    ),
                    replacements: vec![replacement],
                });
            });
        }
    }
}

/// The winning spelling, with the capital of a sentence start kept when the winner is an ordinary word.
fn match_case(surface: &str, winner: &str) -> String {
    if has_upper(winner) || is_all_upper(winner) {
        return winner.to_owned();
    }
    let upper_start = surface.chars().next().is_some_and(char::is_uppercase);
    let mut chars = winner.chars();
    match chars.next() {
        Some(c) if upper_start => c.to_uppercase().chain(chars).collect(),
        _ => winner.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::markdown::extract;
    use std::collections::HashSet;

    fn run(docs: &[&str], prefer: &[&str]) -> Vec<Vec<(String, String)>> {
        let prose: Vec<_> = docs.iter().map(|d| extract(d)).collect();
        let views: Vec<DocProse<'_>> = docs
            .iter()
            .zip(&prose)
            .map(|(d, p)| DocProse::new(d, p))
            .collect();
        let counts = views
            .iter()
            .map(count)
            .fold(Counts::default(), Counts::merge);
        let prefer: Vec<String> = prefer.iter().map(|s| (*s).to_owned()).collect();
        let c = Consistency::decide(&counts, &prefer, &Terms::default());
        let active = Active(HashSet::from([RULE.to_owned()]));
        views
            .iter()
            .zip(&prose)
            .map(|(v, p)| {
                let mut out = Vec::new();
                c.check(v, &active, &mut out);
                out.into_iter()
                    .map(|h| {
                        (
                            p.blocks[h.block].text[h.range].to_owned(),
                            h.replacements[0].clone(),
                        )
                    })
                    .collect()
            })
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.into(), b.into())
    }

    #[test]
    fn a_dictionary_word_a_docs_own_choice_and_headings_are_kept() {
        // The majority spelling is not a word; the minority one is.
        let r = run(
            &[
                "Re-connect, then re-connect and re-connect.\n",
                "We re-connect often.\n",
                "Then reconnect.\n",
            ],
            &[],
        );
        assert!(r.iter().all(Vec::is_empty), "{r:?}");
        // One doc writes "data set" throughout: its choice. Another slips once: a finding.
        let r = run(
            &[
                "The dataset, a dataset, our dataset, each dataset, the dataset, this dataset.\n",
                "One dataset, two dataset, old dataset, new dataset, big dataset, any dataset.\n",
                "A data set, the data set, each data set.\n",
                "## The data set\n\nLoad the data set.\n",
            ],
            &[],
        );
        assert!(r[2].is_empty(), "{r:?}");
        assert_eq!(r[3], vec![pair("data set", "dataset")]);
        // A suspended hyphen and a link's name are written so on purpose.
        let r = run(
            &[
                "Downcasting, downcasting, downcasting, downcasting and more downcasting.\n",
                "Allow up- and down-casting, see [down-casting](https://x.org).\n",
            ],
            &[],
        );
        assert!(r[1].is_empty(), "{r:?}");
    }

    #[test]
    fn minority_spelling_across_documents() {
        let r = run(
            &[
                "Load the dataset. The dataset is big.\n",
                "Each data set has rows.\n",
            ],
            &[],
        );
        assert!(r[0].is_empty());
        assert_eq!(r[1], vec![pair("data set", "dataset")]);
    }

    #[test]
    fn hyphen_and_inner_capital_variants() {
        let r = run(
            &[
                "Send an email. Read email. Check email.\n",
                "Open JupyterLab, JupyterLab.\n",
                "Use e-mail in Jupyterlab.\n",
            ],
            &[],
        );
        assert_eq!(
            r[2],
            vec![pair("e-mail", "email"), pair("Jupyterlab", "JupyterLab")]
        );
    }

    #[test]
    fn sentence_capitals_title_case_and_shouting_are_not_variants() {
        let r = run(
            &[
                "Dataset here. The dataset. You MUST do it. You must. You must.\n\n## Pod-Level Settings\n\npod-level and pod-level.\n",
            ],
            &[],
        );
        assert!(r[0].is_empty(), "{r:?}");
    }

    #[test]
    fn camel_case_identifiers_are_not_hyphenated_words() {
        let r = run(
            &["The BestEffort class. BestEffort pods. A best-effort attempt.\n"],
            &[],
        );
        assert!(r[0].is_empty(), "{r:?}");
    }

    #[test]
    fn only_a_mixed_case_spelling_wins_on_capitals() {
        let r = run(
            &["Use MyLib. MyLib is fast. MYLIB too. configmap, ConfigMap, ConfigMap.\n"],
            &[],
        );
        assert_eq!(
            r[0],
            vec![pair("MYLIB", "MyLib"), pair("configmap", "ConfigMap")]
        );
        // Lower case never replaces a deliberate mixed-case name, however common.
        let r = run(&["testgrid testgrid testgrid TestGrid\n"], &[]);
        assert!(r[0].is_empty(), "{r:?}");
    }

    #[test]
    fn field_and_type_names_are_not_variants() {
        let r = run(
            &["The resourceVersion field. A ResourceVersion is opaque. resourceVersion again.\n"],
            &[],
        );
        assert!(r[0].is_empty(), "{r:?}");
    }

    #[test]
    fn the_most_common_surface_is_proposed() {
        let r = run(
            &["ConfigMap, ConfigMap, ConfigMap, the configMap field, and a configmap.\n"],
            &[],
        );
        assert_eq!(r[0], vec![pair("configmap", "ConfigMap")]);
    }

    #[test]
    fn no_clear_winner_no_finding() {
        let r = run(&["A dataset and a data set.\n"], &[]);
        assert!(r[0].is_empty());
    }

    #[test]
    fn preferred_spelling_wins_even_in_the_minority() {
        let r = run(&["A data set, a data set, a dataset.\n"], &["dataset"]);
        assert_eq!(
            r[0],
            vec![pair("data set", "dataset"), pair("data set", "dataset")]
        );
    }

    #[test]
    fn sentence_start_keeps_its_capital() {
        let r = run(
            &["Use the dataset and the dataset.\n\nData set rows.\n"],
            &[],
        );
        assert_eq!(r[0], vec![pair("Data set", "Dataset")]);
    }

    #[test]
    fn identifiers_and_paths_are_not_counted() {
        let r = run(
            &["See re-use and reuse; also re-use.go and pkg/re-use.\n"],
            &[],
        );
        assert!(r[0].is_empty(), "{r:?}");
    }

    #[test]
    fn classify_hashes_like_key_hash() {
        for w in ["Re-Use", "reuse", "Ünïcode", "QoS"] {
            assert_eq!(classify(w).map(|c| c.0), Some(key_hash(w)));
        }
        assert_eq!(classify("Dataset"), Some((key_hash("dataset"), true)));
        assert_eq!(classify("e-mail").map(|c| c.1), Some(false));
        assert_eq!(classify("x86"), None);
    }

    #[test]
    fn normalising_undoes_title_case_only() {
        assert_eq!(normalise("Pod-Level"), "pod-level");
        assert_eq!(normalise("Data set"), "data set");
        assert_eq!(normalise("QoS"), "qoS");
        assert_eq!(normalise("ConfigMap"), "configMap");
        assert_eq!(normalise("CAdvisor"), "CAdvisor");
        assert_eq!(normalise("CSI-proxy"), "CSI-proxy");
        assert_eq!(normalise("MUST"), "MUST");
    }
}
