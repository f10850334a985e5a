//! `consistency.name-case`: a name the doc set writes with a capital, written in lower case in running
//! prose ("after a fresh install of hugo", "your jekyll site"). The doc set itself says what its names
//! are: a word no dictionary knows in lower case, written mid-sentence with a capital again and again
//! and almost never without one. Where the docs write it in lower case often (a command: "run hugo
//! server"), no verdict is reached and nothing is flagged.

use super::dictionary::{is_known, is_listed};
use super::function_words::OBJECT_DETERMINERS;
use super::terminology::{AsWritten, Terms, key, stands_alone};
use super::text::{ByHash, HASH_START, Word, hash_key, quoted, starts_sentence};
use super::{Active, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use crate::core::markdown::BlockKind;
use std::collections::HashMap;

pub const RULE: &str = "consistency.name-case";

/// Mid-sentence capitals a name needs before its lower-case spelling is flagged.
const MIN_CAPITALS: u32 = 10;

/// How many times more often the doc set writes the name with its capital than without.
const DOMINANCE: u32 = 10;

/// Lower-case uses in one doc that make the lower case that doc's choice.
const OWN_CHOICE: u32 = 3;

/// Words before a name that make it a command ("run hugo", "type jekyll").
const COMMAND_VERBS: &[&str] = &[
    "run",
    "runs",
    "running",
    "ran",
    "execute",
    "executing",
    "invoke",
    "invoking",
    "type",
    "typing",
    "call",
    "calling",
    "launch",
];

/// Nouns after a lower-case name that make it an identifier: an account, a package, a namespace
/// ("the postgres user", "the redis chart").
const IDENTIFIER_NOUNS: &[&str] = &[
    "user",
    "users",
    "role",
    "account",
    "namespace",
    "database",
    "db",
    "schema",
    "label",
    "package",
    "binary",
    "command",
    "chart",
    "crate",
    "module",
    "image",
    "plugin",
    "bucket",
    "table",
    "field",
    "key",
    "flag",
    "option",
    "directory",
    "folder",
    "file",
    "group",
    "extension",
    "library",
    "gem",
    "gems",
    "dependency",
];

/// How a doc writes the words no dictionary knows in lower case: with a capital mid-sentence, and
/// all in lower case. Mergeable and storable like the other doc-set counts.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct NameCounts {
    capitals: HashMap<String, u32>,
    lower: HashMap<String, u32>,
}

impl NameCounts {
    pub fn merge(mut self, other: NameCounts) -> NameCounts {
        for (w, n) in other.capitals {
            *self.capitals.entry(w).or_insert(0) += n;
        }
        for (w, n) in other.lower {
            *self.lower.entry(w).or_insert(0) += n;
        }
        self
    }
}

/// A word of letters only, three or more, with no capital but perhaps the first; its lower case when
/// no dictionary knows that.
fn unknown_word(w: &str) -> Option<String> {
    let mut chars = w.chars();
    let first = chars.next()?;
    if w.len() < 3
        || !first.is_ascii_alphabetic()
        || !chars.all(|c| c.is_ascii_lowercase())
        || w.len() > 30
    {
        return None;
    }
    let lower = w.to_ascii_lowercase();
    // Neither harper's dictionary (which knows "Hugo" only with its capital) nor the longer list of
    // English words knows it in lower case, and it is no two English words run together
    // ("passthrough", "rawfile": a feature's title, capitalised as titles are).
    let english = |w: &str| is_known(w) || is_listed(w);
    let compound = (3..lower.len().saturating_sub(2))
        .any(|i| lower.is_char_boundary(i) && english(&lower[..i]) && english(&lower[i..]));
    (!english(&lower) && !compound).then_some(lower)
}

/// The running prose blocks of a doc (headings and table cells capitalise words as titles do).
fn running(kind: BlockKind) -> bool {
    matches!(kind, BlockKind::Paragraph | BlockKind::Other)
}

/// Counts one doc's capitalised and lower-case uses of words no dictionary knows.
pub fn count(doc: &DocProse<'_>) -> NameCounts {
    let mut counts = NameCounts::default();
    for (b, block) in doc.prose.blocks.iter().enumerate() {
        if !running(block.kind) {
            continue;
        }
        let text = block.text.as_str();
        for w in doc.words(b) {
            let t = w.text(text);
            if !stands_alone(text, w.range()) {
                continue;
            }
            let Some(lower) = unknown_word(t) else {
                continue;
            };
            if t.starts_with(|c: char| c.is_ascii_uppercase()) {
                if !starts_sentence(text, w.start) {
                    *counts.capitals.entry(lower).or_insert(0) += 1;
                }
            } else {
                *counts.lower.entry(lower).or_insert(0) += 1;
            }
        }
    }
    counts
}

/// Is the word at `ws[i]` used rather than named: a command or its argument ("run hugo", "kubectl
/// mayastor get", "-n mayastor"), an identifier ("the postgres user"), or a word in quotes ("the
/// \"strimzi\" template")?
fn mentioned(text: &str, ws: &[Word], i: usize) -> bool {
    let w = ws[i];
    if quoted(text, w.start, w.end) {
        return true;
    }
    // The noun may follow a second name joined by "and" or "or" ("the jekyll and bundler gems").
    let noun = |j: usize| {
        ws.get(j)
            .is_some_and(|n| IDENTIFIER_NOUNS.contains(&n.text(text).to_lowercase().as_str()))
    };
    // The second name is a name, not a determiner ("hugo and its dependency" is hugo's own).
    let joined = ws
        .get(i + 1)
        .is_some_and(|n| matches!(n.text(text), "and" | "or"))
        && ws.get(i + 2).is_some_and(|m| {
            text[ws[i + 1].end..m.start] == *" "
                && !OBJECT_DETERMINERS.contains(&m.text(text).to_lowercase().as_str())
        });
    if ws
        .get(i + 1)
        .filter(|n| text[w.end..n.start].trim().is_empty())
        .is_some()
        && (noun(i + 1) || (joined && noun(i + 3)))
    {
        return true;
    }
    let Some(p) = i.checked_sub(1).map(|j| ws[j]) else {
        return false;
    };
    let prev = p.text(text);
    let gap = &text[p.end..w.start];
    COMMAND_VERBS.contains(&prev.to_lowercase().as_str())
        || (gap.trim() == "" && prev.chars().all(|c| c.is_ascii_lowercase()) && !is_known(prev))
        || text[..p.start].ends_with('-')
}

/// The doc set's names that it sometimes writes in lower case: lower case → the name.
#[derive(Debug, Default)]
pub struct NameCase {
    names: ByHash<(String, u32)>,
}

impl NameCase {
    pub fn rule() -> RuleInfo {
        RuleInfo {
            link: None,
            id: RULE.into(),
            severity: Severity::Warning,
            safety: Safety::Review,
            default_on: false,
            summary: "A name of the doc set written in lower case (\"a fresh install of hugo\" where the docs say \"Hugo\")".into(),
            explain: "The doc set says what its names are: a word no dictionary knows in lower case, written with a capital in the \
                      middle of sentences at least 10 times and ten times as often as in lower case (\"Hugo\", \
                      \"Jekyll\", \"Kubernetes\"). Where running prose writes it in lower case, the capital is \
                      proposed: \"after a fresh install of hugo\" -> \"Hugo\". Left alone: inline code and code \
                      blocks, headings and table cells, paths and URLs, a word after \"run\", \"type\" or \"call\" \
                      (a command: \"run hugo server\"), before \"user\", \"package\", \"gem\", \"namespace\" and the like (an \
                      identifier: \"the postgres user\", \"the jekyll and bundler gems\"), a word in quotes, \
                      wherever the terminology rules keep a lower-case name as written (a link naming its own \
                      page, a quoted command, a program before its subcommand, a package, a doc's catalog of ids), a doc whose prose writes it in lower case three times or more (its \
                      choice), and names on the terminology list whose lower case that rule flags itself. A name \
                      the docs often write in lower case (a command name) reaches no verdict at all."
                .into(),
        }
    }

    pub fn decide(counts: &NameCounts, terms: &Terms) -> NameCase {
        let mut names = ByHash::default();
        for (w, &caps) in &counts.capitals {
            let lower = counts.lower.get(w).copied().unwrap_or(0);
            if lower == 0 || caps < MIN_CAPITALS || caps < DOMINANCE * lower {
                continue;
            }
            // A name on the terminology list is that rule's, unless the list leaves its lower case
            // alone everywhere ("~Hugo": a command and a first name); here the doc set decides.
            if terms.get(&key(w)).is_some_and(|t| !t.loose) {
                continue;
            }
            let mut name = w.clone();
            name[..1].make_ascii_uppercase();
            names.insert(hash_key(HASH_START, w), (name, caps));
        }
        NameCase { names }
    }

    /// A hash of every verdict (findings cached under equal hashes stay right).
    pub fn fingerprint(&self) -> u64 {
        super::verdicts_fingerprint(self.names.values().map(|(n, c)| (n.as_str(), *c)))
    }

    pub fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        if !active.has(RULE) || self.names.is_empty() {
            return;
        }
        let mut found: Vec<(usize, Word, u64)> = Vec::new();
        let mut uses: HashMap<u64, u32> = HashMap::new();
        // Where the terminology rules keep a lower-case name as written (a package, a link to its
        // own page, a quoted command, a program before its subcommand, an id of a catalog), so does
        // this rule. A catalog is told by the built-in names, as the doc set's own `[terms]` do not
        // reach this rule. (A repository the doc links is no sign here: its address is in lower
        // case whatever the project's name.)
        // Gathered once, at the doc's first candidate: most docs have none.
        let kept = std::cell::OnceCell::new();
        let kept = || kept.get_or_init(|| AsWritten::new(doc, Terms::builtin(), true));
        for (b, block) in doc.prose.blocks.iter().enumerate() {
            if !running(block.kind) {
                continue;
            }
            let text = block.text.as_str();
            let ws = doc.words(b);
            for (i, w) in ws.iter().enumerate() {
                let t = w.text(text);
                // The shape `count` counted: letters, all in lower case ("hu-go" is not "hugo").
                if !t.bytes().all(|c| c.is_ascii_lowercase()) {
                    continue;
                }
                let h = hash_key(HASH_START, t);
                if !self.names.contains_key(&h) || !stands_alone(text, w.range()) {
                    continue;
                }
                // A command or an identifier is no choice of spelling; prose in lower case is.
                if kept().catalog || mentioned(text, ws, i) || kept().keeps(doc, b, w.range()) {
                    continue;
                }
                *uses.entry(h).or_insert(0) += 1;
                if !doc.whole_link_text(b, w.range()) {
                    found.push((b, *w, h));
                }
            }
        }
        for (b, w, h) in found {
            if uses.get(&h).copied().unwrap_or(0) >= OWN_CHOICE {
                continue;
            }
            let Some((name, caps)) = self.names.get(&h) else {
                continue;
            };
            out.push(Hit {
                block: b,
                range: w.range(),
                rule: RULE.into(),
                message: format!(
                    "These docs write the name \"{name}\" ({caps} times mid-sentence); here it is \"{}\".",
                    w.text(&doc.prose.blocks[b].text)
                ),
                replacements: vec![name.clone()],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rules::dictionary::is_known_word;

    #[test]
    fn names_are_words_no_dictionary_knows_in_lower_case() {
        assert_eq!(unknown_word("Hugo").as_deref(), Some("hugo"));
        assert_eq!(unknown_word("prometheus").as_deref(), Some("prometheus"));
        // English words, two English words run together, mixed case, short words and digits are not.
        for w in [
            "Service",
            "Passthrough",
            "Rawfile",
            "GitHub",
            "Go",
            "K8s",
            "hub",
        ] {
            assert_eq!(unknown_word(w), None, "{w}");
        }
        assert!(!is_known_word("hugo"));
    }

    #[test]
    fn a_command_an_argument_or_a_quoted_word_is_used_not_named() {
        let cases = [
            ("Run hugo server to preview.", "hugo", true),
            ("Then kubectl mayastor get volumes.", "mayastor", true),
            ("Set -n mayastor here.", "mayastor", true),
            ("Create the \"strimzi\" template.", "strimzi", true),
            ("After a fresh install of hugo it works.", "hugo", false),
            ("Scale on the redis stream.", "redis", false),
            ("It maps the local postgres user.", "postgres", true),
            ("postgres user: the account", "postgres", true),
            ("Install the jekyll gem first.", "jekyll", true),
            ("Install the jekyll and bundler gems.", "jekyll", true),
            ("Install jekyll and then restart it.", "jekyll", false),
            ("Update jekyll and its dependency.", "jekyll", false),
        ];
        for (text, word, used) in cases {
            let ws = crate::core::rules::text::words(text);
            let i = ws
                .iter()
                .position(|w| w.text(text) == word)
                .expect("the word is in the text");
            assert_eq!(mentioned(text, &ws, i), used, "{text}");
        }
    }

    /// The words the rule flags in `md`, in a doc set whose other doc writes "Hugo" mid-sentence
    /// twelve times.
    fn flagged(md: &str) -> Vec<String> {
        let read = |md: &str| crate::core::markdown::extract_with(md, Default::default());
        let other = "It runs Hugo now. ".repeat(12);
        let (base, prose) = (read(&other), read(md));
        let doc = DocProse::new(md, &prose);
        let counts = count(&DocProse::new(&other, &base)).merge(count(&doc));
        let names = NameCase::decide(&counts, Terms::builtin());
        let mut out = Vec::new();
        names.check(&doc, &Active([RULE.to_owned()].into()), &mut out);
        out.iter()
            .map(|h| doc.prose.blocks[h.block].text[h.range.clone()].to_owned())
            .collect()
    }

    #[test]
    fn a_name_is_kept_where_the_terminology_rules_keep_a_lower_case_name() {
        assert_eq!(
            flagged("After a fresh install of hugo it works.\n"),
            ["hugo"]
        );
        // A repository the doc links says nothing of the name's case.
        let linked = "Get [Hugo](https://github.com/gohugoio/hugo). After a fresh install of hugo it works.\n";
        assert_eq!(flagged(linked), ["hugo"]);
        for md in [
            // A link's text naming the page it links to, a quoted command, a program before its
            // subcommand.
            "* [hugo import jekyll](/commands/hugo_import_jekyll/) imports a site.\n",
            "Migrate the \"hugo help\" pages to categories.\n",
            "The goal is to have similar times for hugo build on each machine.\n",
        ] {
            assert_eq!(flagged(md), Vec::<String>::new(), "{md}");
        }
        // A doc that keeps a catalog of ids beside their labels writes its names as ids.
        let catalog = "- gitlab | GitLab | a\n- jira | Jira | b\n- slack | Slack | c\n\n\
                       After a fresh install of hugo it works.\n";
        assert_eq!(flagged(catalog), Vec::<String>::new());
    }
}
