//! `consistency.code-format`: code the doc set formats as code, written plain here ("add it to your
//! Cargo.toml" where the docs write `` `Cargo.toml` `` again and again). The shapes are
//! `markup.inline-code`'s (identifiers, calls, file names, paths; not the values true, false and null,
//! which are words too), but the
//! evidence is the docs' own: a token is flagged only where the doc set writes that very token as
//! inline code at least as often as it writes it plain. A doc set that writes a token plain by choice
//! reaches no verdict on it, and names, labels and reference lists stay the authors' style.

use super::markup::{is_code_shaped, plain_code, writes_code_plain};
use super::{Active, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use std::collections::HashMap;

pub const RULE: &str = "consistency.code-format";

/// How one doc writes the tokens of code shape: as inline code, and plain where backticks could go.
/// Mergeable and storable like the other doc-set counts.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct CodeCounts {
    code: HashMap<String, u32>,
    plain: HashMap<String, u32>,
}

impl CodeCounts {
    pub fn merge(mut self, other: CodeCounts) -> CodeCounts {
        for (mine, theirs) in [(&mut self.code, other.code), (&mut self.plain, other.plain)] {
            for (token, n) in theirs {
                *mine.entry(token).or_insert(0) += n;
            }
        }
        self
    }
}

/// Counts one doc's code-shaped tokens, formatted and plain.
pub fn count(doc: &DocProse<'_>) -> CodeCounts {
    let mut counts = CodeCounts::default();
    for span in &doc.prose.code_spans {
        let code = span.text.trim();
        if is_code_shaped(code) {
            *counts.code.entry(code.to_owned()).or_insert(0) += 1;
        }
    }
    for (b, range) in plain_shaped(doc) {
        let token = &doc.prose.blocks[b].text[range];
        *counts.plain.entry(token.to_owned()).or_insert(0) += 1;
    }
    counts
}

/// The tokens of code shape a doc writes plain where backticks may go (the values true, false and
/// null are `markup.inline-code`'s alone): what this rule counts and what it flags.
fn plain_shaped(doc: &DocProse<'_>) -> Vec<(usize, std::ops::Range<usize>)> {
    plain_code(doc)
        .into_iter()
        .filter(|(b, r)| is_code_shaped(&doc.prose.blocks[*b].text[r.clone()]))
        .collect()
}

/// The tokens the doc set writes as code at least as often as plain, with how often as code.
#[derive(Debug, Default)]
pub struct CodeFormat {
    tokens: HashMap<String, u32>,
}

impl CodeFormat {
    pub fn rule() -> RuleInfo {
        RuleInfo {
            link: None,
            id: RULE.into(),
            severity: Severity::Suggestion,
            safety: Safety::Review,
            // Below the gate on the sets read after its last change (round 33): partly generated pages
            // and lists copied from elsewhere write code plain by their own rules.
            default_on: false,
            summary: "Code the doc set formats as code, written plain here (\"your Cargo.toml\" where the docs write `Cargo.toml`)".into(),
            explain: "Readers tell code from prose by its formatting, and a token that is code in one place and plain in \
                      the next reads as two things. This rule looks at tokens whose shape cannot be English (names \
                      joined by underscores, calls such as next(), camelCase, file names, dotfiles and paths; not \
                      true, false and null, which are words too) and flags one written plain only where the doc \
                      set writes that very token as inline code at least as often as plain: the docs' own style \
                      decides, not a rule of thumb. Left alone: headings, table cells, link texts and names a link \
                      gives, captions, quoted or emphasised tokens, the term a list item defines (\"- run_id: the \
                      run's ID\"), attribute lists and expressions in braces, and text Markdown does not render.\n\
                      The fix wraps the token in backticks. markup.inline-code and markup.file-path (off by default) flag \
                      every such token, with or without the docs' evidence."
                .into(),
        }
    }

    pub fn decide(counts: &CodeCounts) -> CodeFormat {
        let tokens = counts
            .plain
            .iter()
            .filter_map(|(token, &plain)| {
                let code = counts.code.get(token).copied().unwrap_or(0);
                (code >= plain.max(1)).then(|| (token.clone(), code))
            })
            .collect();
        CodeFormat { tokens }
    }

    /// A hash of every verdict (findings cached under equal hashes stay right).
    pub fn fingerprint(&self) -> u64 {
        super::verdicts_fingerprint(self.tokens.iter().map(|(t, c)| (t.as_str(), *c)))
    }

    pub fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        if !active.has(RULE) || self.tokens.is_empty() {
            return;
        }
        let found = plain_shaped(doc);
        if writes_code_plain(doc, found.len()) {
            return;
        }
        for (b, range) in found {
            let token = &doc.prose.blocks[b].text[range.clone()];
            let Some(&times) = self.tokens.get(token) else {
                continue;
            };
            let times = if times == 1 {
                "once".to_owned()
            } else {
                format!("{times} times")
            };
            out.push(Hit {
                message: format!("These docs write `{token}` as code ({times}); here it is plain."),
                replacements: vec![format!("`{token}`")],
                block: b,
                range,
                rule: RULE.into(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::markdown::extract;

    /// The findings over a doc set of `docs`, as (doc index, flagged text).
    fn run(docs: &[&str]) -> Vec<(usize, String)> {
        let proses: Vec<_> = docs.iter().map(|d| extract(d)).collect();
        let counts = docs
            .iter()
            .zip(&proses)
            .map(|(d, p)| count(&DocProse::new(d, p)))
            .fold(CodeCounts::default(), CodeCounts::merge);
        let verdicts = CodeFormat::decide(&counts);
        let active = Active([RULE.to_owned()].into_iter().collect());
        let mut out = Vec::new();
        for (i, (d, p)) in docs.iter().zip(&proses).enumerate() {
            let view = DocProse::new(d, p);
            let mut hits = Vec::new();
            verdicts.check(&view, &active, &mut hits);
            out.extend(
                hits.into_iter()
                    .map(|h| (i, p.blocks[h.block].text[h.range].to_owned())),
            );
        }
        out
    }

    #[test]
    fn a_token_the_docs_format_as_code_is_flagged_where_it_is_plain() {
        let found = run(&[
            "Edit `Cargo.toml` and call `next()`; set it to `true`.\n",
            "Then save your Cargo.toml and call next() again. Set it to true.\n",
        ]);
        assert_eq!(
            found,
            [(1, "Cargo.toml".to_owned()), (1, "next()".to_owned())]
        );
    }

    #[test]
    fn a_token_the_docs_write_plain_more_often_is_their_style() {
        let found = run(&[
            "Set `ETCD_DEBUG` once.\n",
            "Set ETCD_DEBUG here.\n",
            "Or ETCD_DEBUG there.\n",
        ]);
        assert_eq!(found, []);
    }

    #[test]
    fn a_doc_that_writes_code_plain_throughout_chose_to() {
        let docs = [
            "Use `run_id`, `max_len`, `app_key` and `next()`; `run_id`, `max_len` again.\n",
            "Set run_id, max_len and app_key.\n",
            "Set run_id, max_len and `app_key`, `next()`, `x_y`; call next().\n",
        ];
        // Three tokens plain and no code span: the second doc's style. The third formats code too.
        assert_eq!(
            run(&docs),
            [
                (2, "run_id".to_owned()),
                (2, "max_len".to_owned()),
                (2, "next()".to_owned())
            ]
        );
    }

    #[test]
    fn names_quotes_emphasis_braces_and_defined_terms_are_left_alone() {
        let found = run(&[
            "Use `coc.nvim`, `run_id`, `main.py`, `.lg` and `pool_type` as code.\n",
            "Install [coc.nvim](https://x.example) now. Then coc.nvim works.\n\n\
             - run_id - the run's ID\n\n\
             Edit \"main.py\" and **pool_type** here, { .lg } too.\n",
        ]);
        assert_eq!(found, []);
    }
}
