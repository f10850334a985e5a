//! `consistency.variant`: one word spelled several ways across the whole doc set ("dataset" and
//! "data set", "e-mail" and "email", "JupyterLab" and "Jupyterlab"). The dominant spelling (or the one
//! configured under `[consistency] prefer`) is proposed for the others.
//!
//! Counting runs over every document in view (in changed-lines mode: every doc of the repository), so a
//! two-line change is judged against the project's own habits, not against itself. Only spellings that
//! can differ by accident are compared: hyphenation, inner capitals (never all-capital emphasis such as
//! "MUST" against "must", and never the capital of a sentence start), and a short list of closed
//! compounds written as two words (`data/compounds.txt`). Names on the terminology list are left to
//! `terminology.canonical`.

use super::terminology::{Terms, key};
use super::text::{Word, is_all_upper, is_space, words};
use super::{Active, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use std::collections::HashMap;
use std::sync::LazyLock;

pub const RULE: &str = "consistency.variant";

/// Two-word spellings of closed compounds, by key ("dataset" → "data set").
static COMPOUNDS: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    super::lexicon::lines(include_str!("data/compounds.txt"))
        .map(|l| (key(l), l))
        .collect()
});

/// First words of the compounds, to skip the pair check for every other word cheaply.
static COMPOUND_FIRSTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v: Vec<&str> = COMPOUNDS
        .values()
        .filter_map(|l| l.split(' ').next())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
});

/// How often each spelling of each word occurs. Mergeable, so documents are counted in parallel.
#[derive(Debug, Default, Clone)]
pub struct Counts {
    /// key → normalised spelling → (count, most recent surface form).
    forms: HashMap<String, HashMap<String, (u32, String)>>,
}

impl Counts {
    pub fn merge(mut self, other: Counts) -> Counts {
        for (k, forms) in other.forms {
            let mine = self.forms.entry(k).or_default();
            for (form, (n, surface)) in forms {
                let e = mine.entry(form).or_insert((0, surface));
                e.0 += n;
            }
        }
        self
    }

    fn add(&mut self, key: String, surface: &str) {
        let form = normalise(surface);
        let e = self
            .forms
            .entry(key)
            .or_default()
            .entry(form)
            .or_insert((0, surface.to_owned()));
        e.0 += 1;
    }
}

/// A spelling with the capital of a sentence start undone ("Dataset" → "dataset"); inner capitals and
/// all-capital words stay.
fn normalise(surface: &str) -> String {
    if is_all_upper(surface) && surface.chars().count() > 1 {
        return surface.to_owned();
    }
    let mut chars = surface.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The spellings worth comparing in one block: (range, key).
fn candidates(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let ws = words(text);
    let mut out = Vec::new();
    let mut skip_next = false;
    for (i, w) in ws.iter().enumerate() {
        if skip_next {
            skip_next = false;
            continue;
        }
        let t = w.text(text);
        if t.chars().count() < 3 || !t.chars().all(|c| c.is_alphabetic() || c == '-') {
            continue;
        }
        if let Some(pair) = compound_pair(text, &ws, i) {
            out.push(pair);
            skip_next = true;
            continue;
        }
        out.push((w.range(), key(t)));
    }
    out
}

fn compound_pair(text: &str, ws: &[Word], i: usize) -> Option<(std::ops::Range<usize>, String)> {
    let w1 = ws[i];
    let first = w1.text(text).to_lowercase();
    COMPOUND_FIRSTS.binary_search(&first.as_str()).ok()?;
    let w2 = *ws.get(i + 1)?;
    let gap = &text[w1.end..w2.start];
    if gap != " " && !(is_space(gap) && gap.chars().count() == 1) {
        return None;
    }
    let k = key(&format!("{first}{}", w2.text(text)));
    COMPOUNDS.contains_key(&k).then_some((w1.start..w2.end, k))
}

/// Counts the spellings in one document.
pub fn count(doc: &DocProse<'_>) -> Counts {
    let mut counts = Counts::default();
    for block in &doc.prose.blocks {
        for (range, k) in candidates(&block.text) {
            counts.add(k, &block.text[range]);
        }
    }
    counts
}

/// A word with competing spellings and the one to use.
#[derive(Debug, Clone)]
struct Verdict {
    /// Normalised spelling to keep.
    form: String,
    /// How it is usually written (for the replacement).
    surface: String,
    count: u32,
}

/// The `consistency` family: decides, from the counts of the whole doc set, which spellings to flag.
pub struct Consistency {
    verdicts: HashMap<String, Verdict>,
}

impl Consistency {
    pub fn rule() -> RuleInfo {
        RuleInfo {
            id: RULE.into(),
            severity: Severity::Suggestion,
            safety: Safety::Review,
            default_on: true,
            summary: "One word spelled several ways across the doc set (\"data set\"/\"dataset\", \"e-mail\"/\"email\")".into(),
            explain: "Counts every spelling of a word across all docs (not per file) and proposes the dominant one \
                      where another is used: \"data set\" when the docs say \"dataset\" 40 times, \"e-mail\" against \
                      \"email\", \"Jupyterlab\" against \"JupyterLab\". Compared are hyphenation, inner capitals and \
                      closed compounds written as two words; a capital at a sentence start and all-capital emphasis \
                      (\"MUST\") never count. A spelling must be at least twice as common as the other to win.\n\
                      In changed-lines mode the counts come from every doc in the repository. Choose the winner \
                      yourself in .docreview.toml:\n\n  [consistency]\n  prefer = [\"dataset\", \"email\"]"
                .into(),
        }
    }

    /// Decides the verdicts from the doc set's counts. `prefer` lists spellings that win outright;
    /// names on the terminology list are left to that rule.
    pub fn decide(counts: &Counts, prefer: &[String], terms: &Terms) -> Consistency {
        let preferred: HashMap<String, &String> = prefer.iter().map(|p| (key(p), p)).collect();
        let mut verdicts = HashMap::new();
        for (k, forms) in &counts.forms {
            if terms.get(k).is_some() {
                continue;
            }
            if let Some(p) = preferred.get(k) {
                let form = normalise(p);
                if forms.keys().any(|f| *f != form) {
                    verdicts.insert(
                        k.clone(),
                        Verdict {
                            surface: (*p).clone(),
                            count: forms.get(&form).map_or(0, |f| f.0),
                            form,
                        },
                    );
                }
                continue;
            }
            if forms.len() < 2 {
                continue;
            }
            // All-capital spellings only compete with deliberate inner-capital names ("ONEDNN" against
            // "oneDNN"), never with ordinary words ("MUST" against "must").
            let has_inner_caps = forms
                .keys()
                .any(|f| has_inner_capital(f) && !is_all_upper(f));
            let mut ranked: Vec<(&String, u32, &String)> = forms
                .iter()
                .filter(|(f, _)| has_inner_caps || !is_all_upper(f) || f.chars().count() < 2)
                .map(|(f, (n, s))| (f, *n, s))
                .collect();
            if ranked.len() < 2 {
                continue;
            }
            ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
            let (form, top, surface) = ranked[0];
            let second = ranked[1].1;
            if top >= 2 && top >= 2 * second {
                verdicts.insert(
                    k.clone(),
                    Verdict {
                        form: form.clone(),
                        surface: surface.clone(),
                        count: top,
                    },
                );
            }
        }
        Consistency { verdicts }
    }

    pub fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        if !active.has(RULE) || self.verdicts.is_empty() {
            return;
        }
        for (b, block) in doc.prose.blocks.iter().enumerate() {
            for (range, k) in candidates(&block.text) {
                let Some(v) = self.verdicts.get(&k) else {
                    continue;
                };
                let surface = &block.text[range.clone()];
                let form = normalise(surface);
                if form == v.form || (is_all_upper(&form) && !has_inner_capital(&v.form)) {
                    continue;
                }
                let replacement = match_case(surface, &v.surface, &v.form);
                let times = if v.count == 1 {
                    "once".to_owned()
                } else {
                    format!("{} times", v.count)
                };
                out.push(Hit {
                    block: b,
                    range,
                    rule: RULE.into(),
                    message: format!(
                        "These docs spell it \"{}\" ({times}); use one spelling, not \"{surface}\".",
                        v.surface
                    ),
                    replacements: vec![replacement],
                });
            }
        }
    }
}

fn has_inner_capital(s: &str) -> bool {
    s.chars().skip(1).any(char::is_uppercase)
}

/// The winning spelling, capitalised like the word it replaces when it is an ordinary word.
fn match_case(surface: &str, winner_surface: &str, winner_form: &str) -> String {
    if has_inner_capital(winner_form) || is_all_upper(winner_form) {
        return winner_surface.to_owned();
    }
    let upper_start = surface.chars().next().is_some_and(char::is_uppercase);
    let mut chars = winner_form.chars();
    match chars.next() {
        Some(c) if upper_start => c.to_uppercase().chain(chars).collect(),
        _ => winner_form.to_owned(),
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
            .map(|(d, p)| DocProse { file: d, prose: p })
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
    fn sentence_capitals_and_shouting_are_not_variants() {
        let r = run(
            &["Dataset here. The dataset. You MUST do it. You must. You must.\n"],
            &[],
        );
        assert!(r[0].is_empty(), "{r:?}");
    }

    #[test]
    fn all_caps_competes_with_inner_capital_names() {
        let r = run(&["Use MyLib. MyLib is fast. MYLIB too.\n"], &[]);
        assert_eq!(r[0], vec![pair("MYLIB", "MyLib")]);
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
}
