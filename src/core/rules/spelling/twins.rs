//! Inline code one slip from a name the same doc writes again and again in its code: `changedMetricts`
//! in a page whose code says `changedMetrics`, `exipiryDate` beside `expiryDate`. The doc itself is the
//! evidence: the name it writes twice or more is the API's, and a name it writes once, one letter
//! added, dropped, swapped or mistyped away, where that slip turns a word of the name into a non-word,
//! is a slip of it. Two real names one letter apart are mostly both made of words (`getItem` and
//! `getItems`, `mkdir` and `mkdirp` make no word a non-word of a dictionary word).

use super::code::{container, names_code, parts};
use super::*;

/// The shortest name compared: shorter ones (`ctx`, `args`) differ by a letter on purpose.
const TWIN_LETTERS: usize = 6;

/// The names in a piece of code (runs of ASCII letters, digits and `_`) and their byte offsets.
fn names(code: &str) -> impl Iterator<Item = (usize, &str)> {
    code.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|n| !n.is_empty())
        .map(move |n| (n.as_ptr() as usize - code.as_ptr() as usize, n))
}

/// Does the slip from `fix` to `typo` turn a dictionary word of the name into a non-word: the part of
/// `typo` (split as [`parts`] splits names) where they first differ has four letters or more and no
/// dictionary knows it, and the part of `fix` there is an English word?
fn spoils_a_word(typo: &str, fix: &str) -> bool {
    let at = typo
        .bytes()
        .zip(fix.bytes())
        .position(|(a, b)| a != b)
        .unwrap_or(typo.len().min(fix.len()));
    let part_at = |name: &str| {
        // A letter added or dropped at the very end belongs to the last part.
        let at = at.min(name.len().saturating_sub(1));
        parts(name)
            .into_iter()
            .find(|(start, part)| *start <= at && at < start + part.len())
            .map(|(_, part)| part.to_ascii_lowercase())
    };
    let (Some(spoilt), Some(word)) = (part_at(typo), part_at(fix)) else {
        return false;
    };
    spoilt.len() >= 4
        && spoilt != word
        && !is_known(&spoilt)
        && !dictionary::is_listed(&spoilt)
        && !super::words::derived(&spoilt)
        && !super::words::is_term(&spoilt)
        && dictionary::is_known_word(&word)
}

/// Findings on names in inline code one slip from a name the doc's code writes twice or more (see the
/// module notes); a name written beside its twin in one paragraph is compared or renamed there
/// ("rename `fooBar` to `fooBaz`"), and a span another code finding covers is left to it.
pub(super) fn check(doc: &DocProse<'_>, out: &mut Vec<Hit>) {
    if doc.prose.code_spans.is_empty() || !doc.plainly_english() {
        return;
    }
    let mut written: HashMap<&str, u32> = HashMap::new();
    for r in &doc.prose.code {
        for (_, n) in names(doc.file.get(r.clone()).unwrap_or("")) {
            *written.entry(n).or_default() += 1;
        }
    }
    let first = doc.prose.first_code_span();
    for (k, span) in doc.prose.code_spans.iter().enumerate() {
        let code = span.text.as_str();
        if !names_code(code) || out.iter().any(|h| h.block == first + k) {
            continue;
        }
        for (at, name) in names(code) {
            if name.len() < TWIN_LETTERS || written.get(name) != Some(&1) {
                continue;
            }
            let near: Vec<(&str, u32)> = written
                .iter()
                .filter(|(twin, uses)| {
                    **uses >= 2
                        && twin.len().abs_diff(name.len()) <= 1
                        && twin.as_bytes().first() == name.as_bytes().first()
                        && strsim::osa_distance(name, twin) == 1
                })
                .map(|(twin, uses)| (*twin, *uses))
                .collect();
            let [(twin, uses)] = near.as_slice() else {
                continue;
            };
            // Not another case of the same name (`onclick`, the attribute, beside `onClick`), nor a
            // letter more, less or other at its end, which makes names of their own (`containerd`,
            // `firewalld`, `printf`, `workerd` beside `workers`).
            let last = name.len() - 1;
            if name.eq_ignore_ascii_case(twin)
                || name.starts_with(*twin)
                || twin.starts_with(name)
                || (twin.len() == name.len() && name[..last] == twin[..last])
                || !spoils_a_word(name, twin)
            {
                continue;
            }
            let here = container(doc, span);
            let beside = doc
                .prose
                .code_spans
                .iter()
                .any(|s| container(doc, s) == here && names(&s.text).any(|(_, n)| n == *twin));
            if beside {
                continue;
            }
            out.push(Hit {
                block: first + k,
                range: at..at + name.len(),
                rule: SLIP.into(),
                message: format!(
                    "`{name}` is one slip from `{twin}`, which this doc's code writes {uses} times."
                ),
                replacements: vec![(*twin).to_owned()],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One doc's findings as (name, fixes), its prose made plainly English by a lead paragraph.
    fn run(md: &str) -> Vec<(String, Vec<String>)> {
        let md = format!(
            "The page says what changed on the screen and how to read it, in a few plain words \
             that the reader will know.\n\n{md}"
        );
        super::super::tests::found_with(&[md.as_str()], &[], MIN_DOCS, &[SLIP])
            .remove(0)
            .into_iter()
            .map(|(_, name, fixes)| (name, fixes))
            .collect()
    }

    #[test]
    fn a_name_written_once_one_slip_from_the_docs_own_name_is_flagged() {
        let md = "# Screen\n\nThe event gives `changedMetrics`, an array.\n\n\
                  ```js\nscreen.on('changed', (changedMetrics) => {})\n```\n\n\
                  When the size changed, `changedMetricts` holds `bounds`.\n";
        assert_eq!(
            run(md),
            [(
                "changedMetricts".to_owned(),
                vec!["changedMetrics".to_owned()]
            )]
        );
    }

    #[test]
    fn names_that_differ_on_purpose_are_left_alone() {
        // Written twice: a name of its own. A name of no word (`xmllint`), a letter more at the end
        // (`getItems`, `mkdirp`, `healthz`, `firewalld`), a name too short, another case, the twin
        // beside it (a rename), a twin the doc writes once.
        for md in [
            "Use `changedMetricts` here.\n\nAnd `changedMetricts` there.\n\n\
             See `changedMetrics` and `changedMetrics`.\n",
            "Run `xmllint` and `xmllint`.\n\nRun `xmlilnt`.\n",
            "Serve `health` and `health`.\n\nServe `healthz`.\n",
            "Serve `firewall` and `firewall`.\n\nServe `firewalld`.\n",
            "Call `getItems`.\n\nCall `getItem` and then `getItem` again.\n",
            "Run `mkdirp` here.\n\nRun `mkdir` and `mkdir -p`.\n",
            "Use `props` and `props`.\n\nUse `prpos`.\n",
            "Use `onClick` or `onClick`.\n\nThe native `onclick` attribute.\n",
            "Run `container` and `container`.\n\nRun `containerd`.\n",
            "Use `workers` and `workers`.\n\nUse `workerd`.\n",
            "Rename `exipiryDate` to `expiryDate`; `expiryDate` is new.\n",
            "The `changedMetricts` field.\n\nThe `changedMetrics` field.\n",
        ] {
            assert_eq!(run(md), [], "{md}");
        }
    }
}
