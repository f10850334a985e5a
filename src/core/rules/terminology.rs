//! `terminology.canonical`: product, library, format and protocol names spelled the way their owners
//! spell them ("oneDNN", not "ONEDNN"; "GitHub", not "Github"). The built-in list is data
//! (`data/terms.txt`); a project adds its own under `[terms]` in `.docreview.toml`.
//!
//! A name matches case-insensitively with hyphen, space and dot variants ("Node JS", "nodejs",
//! "NODE.JS" → "Node.js"), as whole words only, and never inside identifiers, paths, package specs,
//! domains or file names (`mxnet.gluon`, `kubernetes/enhancements`, `pip install numpy`).

use super::text::{ByHash, HASH_START, hash_key, is_all_lower, is_capitalised};
use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use std::collections::HashMap;
use std::sync::LazyLock;

pub const RULE: &str = "terminology.canonical";

/// One name and how strictly to match it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub canonical: String,
    /// The lower-case (or capitalised) form is an ordinary word or command ("git", "Helm"): only forms
    /// with wrong inner capitals or all capitals are flagged.
    pub loose: bool,
}

/// A set of names, looked up by key (lower case, without spaces, hyphens and dots).
#[derive(Debug, Clone, Default)]
pub struct Terms {
    terms: Vec<Term>,
    /// key → (term, positions in the key where a spelling of the name may have a separator).
    by_key: HashMap<String, (usize, Vec<usize>)>,
    /// Hashes of the keys ([`hash_key`]): a cheap first test for every word.
    hashes: ByHash<()>,
    /// Hashes of the parts of keys before an allowed separator ("node" of "Node.js"): only words whose
    /// hash is here can start a name of several words.
    prefixes: ByHash<()>,
    /// Longest name in words, to bound the matcher.
    max_words: usize,
}

/// The matching key of a spelling: lower case, with spaces, hyphens and dots removed.
pub fn key(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Is `s` (in any spelling the list knows) one of the built-in technical names (`macOS`, `Node.js`)?
pub fn is_known_name(s: &str) -> bool {
    Terms::builtin().get(&key(s)).is_some()
}

/// One line of `data/terms.txt`: `[~]Name [= Variant, Variant]` → (name, variants, loose).
fn parse_line(line: &str) -> (&str, Vec<&str>, bool) {
    let (name, variants) = match line.split_once('=') {
        Some((n, v)) => (n.trim(), v.split(',').map(str::trim).collect()),
        None => (line, Vec::new()),
    };
    match name.strip_prefix('~') {
        Some(n) => (n.trim(), variants, true),
        None => (name, variants, false),
    }
}

fn word_count(s: &str) -> usize {
    s.split([' ', '-', '.']).filter(|p| !p.is_empty()).count()
}

/// Error in a term list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TermError {
    #[error("\"{variant}\" of \"{term}\" is already the spelling of \"{other}\"")]
    Ambiguous {
        term: String,
        variant: String,
        other: String,
    },
    #[error(
        "\"{0}\" is not a name: use letters and digits, with spaces, hyphens or dots between (at most 8 words)"
    )]
    Invalid(String),
}

impl Terms {
    /// The built-in list.
    pub fn builtin() -> &'static Terms {
        static BUILTIN: LazyLock<Terms> = LazyLock::new(|| {
            let mut terms = Terms::default();
            for line in super::lexicon::lines(include_str!("data/terms.txt")) {
                let (name, variants, loose) = parse_line(line);
                // The list is checked by a unit test; a bad line cannot ship.
                let _ = terms.add(name, &variants, loose, false);
            }
            terms
        });
        &BUILTIN
    }

    /// The built-in list plus a project's `[terms]` (canonical → extra variants). A project's entry
    /// replaces a built-in one with the same key.
    pub fn with_project(project: &[(String, Vec<String>)]) -> Result<Terms, TermError> {
        let mut terms = Terms::builtin().clone();
        for (canonical, variants) in project {
            let variants: Vec<&str> = variants.iter().map(String::as_str).collect();
            terms.add(canonical, &variants, false, true)?;
        }
        Ok(terms)
    }

    fn add(
        &mut self,
        canonical: &str,
        variants: &[&str],
        loose: bool,
        replace: bool,
    ) -> Result<(), TermError> {
        let valid = |s: &str| {
            !key(s).is_empty()
                && s.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '.'))
        };
        for s in std::iter::once(&canonical).chain(variants) {
            if !valid(s) || word_count(s) > 8 {
                return Err(TermError::Invalid((*s).to_owned()));
            }
        }
        let index = self.terms.len();
        let keys: Vec<String> = std::iter::once(canonical)
            .chain(variants.iter().copied())
            .map(key)
            .collect();
        for (k, variant) in keys.iter().zip(std::iter::once(&canonical).chain(variants)) {
            if let Some(&(other, _)) = self.by_key.get(k) {
                let other_term = &self.terms[other];
                if !replace && other_term.canonical != canonical {
                    return Err(TermError::Ambiguous {
                        term: canonical.to_owned(),
                        variant: (*variant).to_owned(),
                        other: other_term.canonical.clone(),
                    });
                }
            }
        }
        self.terms.push(Term {
            canonical: canonical.to_owned(),
            loose,
        });
        for (k, s) in keys
            .into_iter()
            .zip(std::iter::once(&canonical).chain(variants))
        {
            self.max_words = self.max_words.max(word_count(s));
            let splits = split_points(s);
            self.hashes.insert(hash_key(HASH_START, &k), ());
            for &at in &splits {
                let prefix: String = k.chars().take(at).collect();
                self.prefixes.insert(hash_key(HASH_START, &prefix), ());
            }
            match self.by_key.get_mut(&k) {
                Some(entry) if entry.0 == index => entry.1.extend(splits),
                _ => {
                    self.by_key.insert(k, (index, splits));
                }
            }
        }
        Ok(())
    }

    pub fn get(&self, key: &str) -> Option<&Term> {
        self.by_key.get(key).map(|(i, _)| &self.terms[*i])
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Finds misspelled names in one block of prose: (byte range, canonical spelling).
    pub fn scan(&self, text: &str) -> Vec<(std::ops::Range<usize>, &Term)> {
        self.scan_words(text, &super::text::words(text))
    }

    /// [`Terms::scan`] with the block's words already split.
    pub fn scan_words(
        &self,
        text: &str,
        words: &[super::text::Word],
    ) -> Vec<(std::ops::Range<usize>, &Term)> {
        let runs = super::text::runs_of(text, words);
        // A heading or line in capitals ("INSTALLING ON LINUX") is a style, not a misspelling.
        let shouting = super::text::is_all_upper(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < runs.len() {
            let mut matched = None;
            // Hashes of the windows starting at run i, built word by word.
            let mut window_hashes = [0u64; 8];
            let mut h = HASH_START;
            let mut n_max = 0;
            for (n, slot) in window_hashes
                .iter_mut()
                .enumerate()
                .take(self.max_words.min(runs.len() - i))
            {
                if n == 1 && !self.prefixes.contains_key(&h) {
                    break;
                }
                if n > 0 && !is_joint(&text[runs[i + n - 1].1..runs[i + n].0]) {
                    break;
                }
                h = hash_key(h, &text[runs[i + n].0..runs[i + n].1]);
                *slot = h;
                n_max = n + 1;
            }
            for n in (1..=n_max).rev() {
                if !self.hashes.contains_key(&window_hashes[n - 1]) {
                    continue;
                }
                let j = i + n - 1;
                let k: String = runs[i..=j]
                    .iter()
                    .flat_map(|&(s, e)| text[s..e].chars().flat_map(char::to_lowercase))
                    .collect();
                let Some((t, allowed)) = self.by_key.get(&k) else {
                    continue;
                };
                // Words may only be apart where the name itself has a separator: "Node JS" is
                // Node.js, but "JS on" is not JSON and "open API" is not OpenAPI.
                let mut at = 0;
                let splits_ok = runs[i..j].iter().all(|&(s, e)| {
                    at += text[s..e].chars().flat_map(char::to_lowercase).count();
                    allowed.contains(&at)
                });
                if splits_ok {
                    matched = Some((j, &self.terms[*t]));
                    break;
                }
            }
            let Some((j, term)) = matched else {
                i += 1;
                continue;
            };
            let range = runs[i].0..runs[j].1;
            let surface = &text[range.clone()];
            if surface != term.canonical
                && !(shouting && super::text::is_all_upper(surface))
                && stands_alone(text, range.clone())
                && !(term.loose && looks_like_a_word(surface))
                // "Kubelet" for "kubelet": a capital at a sentence start or by house style, not a
                // misspelling of a name its owners write in lower case.
                && !(is_all_lower(&term.canonical) && is_capitalised(surface))
                && !(is_all_lower(surface) && after_package_command(text, range.start))
                && !(is_all_lower(surface) && quoted(text, range.clone()))
            {
                out.push((range, term));
            }
            i = j + 1;
        }
        out
    }
}

/// Positions in the key (in characters) where `spelling` has a space, hyphen or dot.
fn split_points(spelling: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = 0;
    for c in spelling.chars() {
        if matches!(c, ' ' | '-' | '.') {
            out.push(at);
        } else {
            at += c.to_lowercase().count();
        }
    }
    out
}

/// What may join the words of one name: a single space, hyphen or dot, or a line break (a name
/// wrapped in the source; its fix then cannot be applied mechanically, but the finding stands).
fn is_joint(gap: &str) -> bool {
    matches!(gap, " " | "-" | "." | "\n" | "\r\n")
}

/// Words that may follow a name after a hyphen in ordinary prose ("PyTorch-based").
const HYPHEN_SUFFIXES: &[&str] = &[
    "accelerated",
    "aware",
    "backed",
    "based",
    "centric",
    "compatible",
    "compliant",
    "dependent",
    "driven",
    "enabled",
    "first",
    "friendly",
    "generated",
    "hosted",
    "independent",
    "like",
    "managed",
    "native",
    "only",
    "optimized",
    "optimised",
    "powered",
    "ready",
    "related",
    "specific",
    "style",
    "supported",
    "wide",
];

/// Not glued to an identifier, path, domain, file name, option or version.
pub(crate) fn stands_alone(text: &str, range: std::ops::Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let mut after_chars = text[range.end..].chars();
    let after = after_chars.next();
    let after2 = after_chars.next();
    if before.is_some_and(|c| {
        matches!(
            c,
            '_' | '/'
                | '\\'
                | '@'
                | '#'
                | '$'
                | '%'
                | '&'
                | '*'
                | '+'
                | '='
                | '<'
                | '>'
                | '~'
                | '|'
                | '^'
                | '.'
                | '-'
                | ':'
                | '?'
        )
    }) {
        return false;
    }
    // An argument of a call ("URL(url, base)"), not the name in prose.
    let mut back = text[..range.start].chars().rev();
    if back.next() == Some('(') && back.next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    match after {
        None => true,
        Some(
            '_' | '/' | '\\' | '@' | '#' | '$' | '%' | '&' | '*' | '+' | '=' | '<' | '>' | '~'
            | '|' | '^' | '(' | '[' | '{',
        ) => false,
        // A path ("tauri::command"), not the name.
        Some(':') if after2 == Some(':') => false,
        Some('.' | ':' | ',' | ';' | '!' | '?') => !after2.is_some_and(char::is_alphanumeric),
        Some('-') => {
            let rest = &text[range.end + 1..];
            let next: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
            HYPHEN_SUFFIXES.contains(&next.to_lowercase().as_str())
        }
        Some('\'' | '\u{2019}') => {
            // A possessive ("GitHub's") is prose; a quoted identifier is not our business either way.
            after2 == Some('s')
        }
        Some(_) => true,
    }
}

/// All lower case, or capitalised: the shapes in which an ordinary word or a command is written.
fn looks_like_a_word(surface: &str) -> bool {
    surface
        .split([' ', '-', '.'])
        .all(|w| is_all_lower(w) || is_capitalised(w))
}

/// Wrapped in quotes, alone or as part of one token: a literal value (`isolation: "hyperv"`,
/// `'dom-ready'`), not the name in prose.
fn quoted(text: &str, range: std::ops::Range<usize>) -> bool {
    let start = text[..range.start]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8())
        .min(range.start);
    let end = text[range.end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| range.end + i);
    let token = text[start..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
    let before = token.chars().next();
    let after = token.chars().next_back();
    if token.chars().count() > 2
        && matches!(
            (before, after),
            (Some('"'), Some('"'))
                | (Some('\''), Some('\''))
                | (Some('\u{201c}'), Some('\u{201d}'))
        )
    {
        return true;
    }
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    matches!(
        (before, after),
        (Some('"'), Some('"')) | (Some('\''), Some('\'')) | (Some('\u{201c}'), Some('\u{201d}'))
    )
}

/// A lower-case label that opens a block and is followed by a colon ("**openssl**: upgrade to …",
/// "tls: make ciphers configurable"): the name of a module or an area, as the project spells it.
fn is_label(text: &str, range: std::ops::Range<usize>) -> bool {
    text[..range.start].trim_matches(['*', '_', ' ']).is_empty()
        && is_all_lower(&text[range.clone()])
        && text[range.end..]
            .trim_start_matches(['*', '_'])
            .starts_with(':')
}

/// A whole link text in lower case that its address spells the same way ("[sqlite](https://jsr.io/@db/
/// sqlite)", "[png](logo.png)"): the name of the module or file it links to, as its owner writes it.
fn names_its_target(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    let surface = &doc.prose.blocks[b].text[view.clone()];
    if !is_all_lower(surface) || !doc.whole_link_text(b, view.clone()) {
        return false;
    }
    let Some(src) = doc.prose.blocks[b].to_source_lossy(view) else {
        return false;
    };
    let after = doc.file[src.end..].trim_start_matches(['*', '_']);
    let target = if let Some(inline) = after.strip_prefix("](") {
        inline.split(')').next().unwrap_or("")
    } else {
        // A reference link ("[tauri]", "[text][label]"): the address is on its definition's line.
        let label = after
            .strip_prefix("][")
            .and_then(|t| t.split(']').next())
            .filter(|l| !l.is_empty())
            .unwrap_or(surface);
        definition(doc.file, label).unwrap_or("")
    };
    target.to_lowercase().contains(surface)
}

/// The address of the link reference definition `[label]: address` in `file` (labels match without
/// regard to case).
fn definition<'f>(file: &'f str, label: &str) -> Option<&'f str> {
    file.lines().find_map(|line| {
        let rest = line.trim_start().strip_prefix('[')?;
        let (name, def) = rest.split_once("]:")?;
        name.eq_ignore_ascii_case(label)
            .then(|| def.split_whitespace().next().unwrap_or(""))
    })
}

/// Inside a short quotation ("select 'NodeJS Static'", "the “Github Pages” tab"): a label or a title
/// quoted as it is, not the doc's own words.
fn in_quotes(text: &str, range: std::ops::Range<usize>) -> bool {
    let sentence = super::text::sentence_around(text, range.clone());
    let before = &text[sentence.start..range.start];
    let after = &text[range.end..sentence.end];
    [('"', '"'), ('\u{201c}', '\u{201d}'), ('\'', '\'')]
        .iter()
        .any(|&(open, close)| {
            let Some(o) = before.rfind(open) else {
                return false;
            };
            // The opening quote starts a quotation (not an apostrophe inside a word).
            let opens = before[..o]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let inside = &before[o + open.len_utf8()..];
            let Some(c) = after.find(close) else {
                return false;
            };
            let closes = after[c + close.len_utf8()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            let words = inside.split_whitespace().count() + after[..c].split_whitespace().count();
            opens && closes && !inside.contains(close) && words <= 6
        })
}

/// A capitalised word next to another capitalised word, where the name is an acronym ("Bert Belder" is
/// a person, not BERT).
fn is_persons_name(text: &str, range: std::ops::Range<usize>, canonical: &str) -> bool {
    if !super::text::is_all_upper(canonical) || !is_capitalised(&text[range.clone()]) {
        return false;
    }
    let next = text[range.end..].split_whitespace().next().unwrap_or("");
    let prev = text[..range.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    let capital = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    capital(next) || (capital(prev) && !prev.ends_with(['.', ':', '!', '?']))
}

/// Is the view inside the text of a link written in Title Case ("[Jamstack For Free With Azure And
/// CloudFlare]"): the title of someone else's page, quoted as it is.
fn in_title_link(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    let block = &doc.prose.blocks[b];
    let Some(src) = block.to_source_lossy(view) else {
        return false;
    };
    let file = doc.file;
    // Only within the block's own bytes: a search over the whole file for each name would be
    // quadratic on a long doc.
    let (Some(first), Some(last)) = (block.segments.first(), block.segments.last()) else {
        return false;
    };
    // One byte either side (a link's `[` and `]` may sit just outside the block's text), on char
    // boundaries.
    let mut from = first.src.saturating_sub(1).min(src.start);
    while !file.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (last.src + last.src_len + 1).min(file.len()).max(src.end);
    while !file.is_char_boundary(to) {
        to -= 1;
    }
    let Some(open) = file[from..src.start].rfind('[').map(|i| from + i) else {
        return false;
    };
    if file[open..src.start].contains([']', '\n']) {
        return false;
    }
    let Some(close) = file[src.end..to].find(']') else {
        return false;
    };
    let link_text = &file[open + 1..src.end + close];
    if !file[src.end + close..].starts_with("](") && !file[src.end + close..].starts_with("][") {
        return false;
    }
    let words: Vec<&str> = link_text
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let capitals = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 4 && capitals * 4 >= words.len() * 3
}

/// Followed by what names an account ("the nodejs GitHub organization", "the **rust-lang** org"): a
/// handle, spelled as its owner registered it.
fn names_an_account(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches(['*', '_', '`', '[', ']', ' ']);
    let mut words = rest.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let mut next = words.next().unwrap_or_default();
    if matches!(next.as_str(), "github" | "gitlab" | "npm" | "docker") {
        next = words.next().unwrap_or_default();
    }
    matches!(
        next.as_str(),
        "organization" | "organisation" | "org" | "account" | "handle" | "username"
    )
}

/// A lower-case name right after `pip install`, `import`, `npm i` and the like is a package name.
fn after_package_command(text: &str, at: usize) -> bool {
    const COMMANDS: &[&str] = &[
        "install",
        "import",
        "from",
        "pip",
        "pip3",
        "conda",
        "npm",
        "yarn",
        "pnpm",
        "brew",
        "apt",
        "apt-get",
        "cargo",
        "gem",
        "require",
        "uninstall",
        "upgrade",
    ];
    /// Commands only after a package manager: "yarn add numpy", but "add http headers" is English.
    const SUBCOMMANDS: &[&str] = &["add", "remove"];
    const MANAGERS: &[&str] = &[
        "pip", "pip3", "conda", "npm", "yarn", "pnpm", "brew", "apt", "apt-get", "cargo", "gem",
        "poetry", "uv", "go", "dotnet", "helm",
    ];
    let mut words = text[..at].split_whitespace().rev();
    let word = words.next().unwrap_or("").to_lowercase();
    if SUBCOMMANDS.contains(&word.as_str()) {
        let manager = words.next().unwrap_or("").to_lowercase();
        return MANAGERS.contains(&manager.as_str());
    }
    COMMANDS.contains(&word.as_str())
}

/// The `terminology` family.
pub struct Terminology {
    terms: Terms,
}

impl Terminology {
    pub fn new(terms: Terms) -> Terminology {
        Terminology { terms }
    }

    pub fn terms(&self) -> &Terms {
        &self.terms
    }
}

impl Checker for Terminology {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo {
            id: RULE.into(),
            severity: Severity::Warning,
            safety: Safety::Safe,
            default_on: true,
            summary: "Names of products, libraries, formats and protocols spelled as their owners spell them".into(),
            explain: format!(
                "Flags a technical name written with the wrong case, hyphens, spaces or dots and proposes \
                 the canonical spelling: \"ONEDNN\" -> \"oneDNN\", \"Github\" -> \"GitHub\", \"nodejs\" -> \"Node.js\".\n\
                 Precise names are part of precise writing: readers search for them, and a misspelled name \
                 reads as carelessness about the thing itself.\n\
                 The built-in list has {} names. Names inside code, URLs, paths, identifiers, file names and \
                 package commands (\"pip install numpy\") are never flagged.\n\
                 Add your own names in .docreview.toml:\n\n  [terms]\n  oneDNN = [\"ONEDNN\", \"MKL-DNN\"]\n\n\
                 The fix is safe to apply in batch (docreview apply).",
                Terms::builtin().len()
            ),
        }]
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        if !active.has(RULE) {
            return;
        }
        let first = out.len();
        for (b, block) in doc.prose.blocks.iter().enumerate() {
            // A few words all in lower case on their own (a heading, a list item, a cell) are a literal:
            // a command ("hugo completion powershell"), a key ("cpu"), a label.
            if block.text.split_whitespace().count() <= 4 && is_all_lower(&block.text) {
                continue;
            }
            let title_link = |view: std::ops::Range<usize>| in_title_link(doc, b, view);
            for (range, term) in self.terms.scan_words(&block.text, doc.words(b)) {
                let surface = &block.text[range.clone()];
                // A lower-case name the doc's own code holds as a string is that code's value
                // ("returns ios" where the code compares with `'ios'`); one before "GitHub
                // organization" is a handle.
                let literal = is_all_lower(surface)
                    && ((!super::text::is_all_upper(&term.canonical) && doc.code_quotes(surface))
                        || names_an_account(&block.text, range.end));
                if literal
                    || is_label(&block.text, range.clone())
                    || names_its_target(doc, b, range.clone())
                    || in_quotes(&block.text, range.clone())
                    || is_persons_name(&block.text, range.clone(), &term.canonical)
                    || title_link(range.clone())
                {
                    continue;
                }
                out.push(Hit {
                    block: b,
                    message: format!(
                        "Write \"{}\", the spelling its owners use, not \"{surface}\".",
                        term.canonical
                    ),
                    range,
                    rule: RULE.into(),
                    replacements: vec![term.canonical.clone()],
                });
            }
        }
        // A name in capitals that the doc writes so again and again ("TAURI software" in a trademark
        // policy, "WASM" throughout) is the doc's chosen styling, not a slip.
        let mut uses: HashMap<&str, usize> = HashMap::new();
        for hit in &out[first..] {
            let surface = &doc.prose.blocks[hit.block].text[hit.range.clone()];
            if super::text::is_all_upper(surface) && surface.chars().count() > 1 {
                *uses.entry(surface).or_default() += 1;
            }
        }
        let styled: Vec<String> = uses
            .into_iter()
            .filter(|&(_, n)| n >= STYLED_USES)
            .map(|(s, _)| s.to_owned())
            .collect();
        if !styled.is_empty() {
            let mut tail = out.split_off(first);
            tail.retain(|hit| {
                !styled
                    .iter()
                    .any(|s| *s == doc.prose.blocks[hit.block].text[hit.range.clone()])
            });
            out.append(&mut tail);
        }
    }
}

/// How many times a doc writes a name in capitals before that is its styling.
const STYLED_USES: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(text: &str) -> Vec<(String, String)> {
        Terms::builtin()
            .scan(text)
            .into_iter()
            .map(|(r, t)| (text[r].to_owned(), t.canonical.clone()))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_owned(), b.to_owned())
    }

    #[test]
    fn builtin_list_is_sorted_unique_and_unambiguous() {
        let data = include_str!("data/terms.txt");
        let mut names = Vec::new();
        let mut check = Terms::default();
        for line in super::super::lexicon::lines(data) {
            let (name, variants, loose) = parse_line(line);
            if let Err(e) = check.add(name, &variants, loose, false) {
                panic!("terms.txt: {e}");
            }
            names.push(name.to_lowercase());
        }
        assert!(names.len() >= 150, "only {} names", names.len());
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "terms.txt is not sorted");
        assert_eq!(check.len(), Terms::builtin().len());
    }

    #[test]
    fn flags_case_hyphen_space_and_dot_variants() {
        assert_eq!(flags("We use ONEDNN here."), vec![pair("ONEDNN", "oneDNN")]);
        assert_eq!(
            flags("on Github and nodejs"),
            vec![pair("Github", "GitHub"), pair("nodejs", "Node.js")]
        );
        assert_eq!(flags("Node JS is fine"), vec![pair("Node JS", "Node.js")]);
        assert_eq!(flags("with Mxnet."), vec![pair("Mxnet", "MXNet")]);
    }

    #[test]
    fn add_is_a_command_only_after_a_package_manager() {
        assert_eq!(
            flags("Add json headers to responses."),
            vec![pair("json", "JSON")]
        );
    }

    #[test]
    fn canonical_spellings_are_left_alone() {
        assert!(flags("oneDNN, MXNet, PyTorch and GitHub's API on macOS.").is_empty());
    }

    #[test]
    fn labels_quotations_names_and_titles_are_kept_as_written() {
        let found = crate::core::rules::hits_in(
            &Terminology::new(Terms::builtin().clone()),
            &[RULE],
            "- **openssl**: upgrade to 1.0.2e for the fixes\n\
             - tls: make the cipher list configurable\n\n\
             Select 'NodeJS Static' as the type. Thanks to Bert Belder for the fix.\n\n\
             - [Jamstack For Free With Azure And CloudFlare](https://x.dev/post)\n\n\
             We host it on Github with openssl and a BERT model; see [sqlite](https://x.io/sqlite).\n\n\
             é Github é\n",
        );
        let words: Vec<&str> = found.iter().map(|(_, w, _)| w.as_str()).collect();
        assert_eq!(words, ["Github", "openssl", "Github"]);
        // A file that opens with a byte-order mark.
        let found = crate::core::rules::hits_in(
            &Terminology::new(Terms::builtin().clone()),
            &[RULE],
            "\u{feff}Github hosts it.\n",
        );
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn code_values_calls_handles_and_styled_capitals_are_kept_as_written() {
        let found = crate::core::rules::hits_in(
            &Terminology::new(Terms::builtin().clone()),
            &[RULE],
            "On a phone it returns ios, and javascript elsewhere; Github has the code.\n\n\
             ```js\nif (platform === 'ios') {}\n```\n\n\
             ## new URL(url, base) and import ?url\n\n\
             Mark it with #[tauri::command] as the nodejs GitHub organization does.\n\n\
             See the crate pages: [tauri] / [tauri-build], and [webpack-cli][cli].\n\n\
             [tauri]: https://crates.io/crates/tauri\n\
             [cli]: https://npmjs.com/webpack-cli\n",
        );
        let words: Vec<&str> = found.iter().map(|(_, w, _)| w.as_str()).collect();
        assert_eq!(words, ["javascript", "Github"]);
        // Capitals used again and again are the doc's styling; once, a slip.
        let styled = "You may say TAURI software. TAURI is a mark. The TAURI community.\n";
        let found = crate::core::rules::hits_in(
            &Terminology::new(Terms::builtin().clone()),
            &[RULE],
            styled,
        );
        assert!(found.is_empty(), "{found:?}");
        let once = "You may say TAURI software, built by the Tauri team.\n";
        let found =
            crate::core::rules::hits_in(&Terminology::new(Terms::builtin().clone()), &[RULE], once);
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn a_few_lower_case_words_alone_are_a_literal() {
        let found = crate::core::rules::hits_in(
            &Terminology::new(Terms::builtin().clone()),
            &[RULE],
            "## hugo completion powershell\n\n- cpu\n\nRun it in powershell on any cpu.\n",
        );
        let words: Vec<&str> = found.iter().map(|(_, w, _)| w.as_str()).collect();
        assert_eq!(words, ["powershell", "cpu"]);
    }

    #[test]
    fn never_inside_paths_identifiers_domains_or_commands() {
        for text in [
            "see kubernetes/enhancements",
            "the mxnet.gluon package",
            "set onednn_verbose=1",
            "open github.com now",
            "run pip install numpy first",
            "then yarn add numpy",
            "or poetry add numpy",
            "import mxnet as mx",
            "the file package.json",
            "github:foo",
            "--mxnet flag",
            "call numpy(x)",
            "kubernetes-sigs repos",
            "@github mention",
            "set it to \"mxnet\" here",
            "on the 'dom-ready' event",
            "the scheme, http or https, comes first",
            "a\u{a0}'dom-ready'\u{a0}event",
        ] {
            assert!(
                flags(text).is_empty(),
                "flagged in {text:?}: {:?}",
                flags(text)
            );
        }
    }

    #[test]
    fn sentence_punctuation_and_suffixes_are_fine() {
        assert_eq!(flags("It runs on Github."), vec![pair("Github", "GitHub")]);
        assert_eq!(
            flags("a Pytorch-based model"),
            vec![pair("Pytorch", "PyTorch")]
        );
        assert_eq!(flags("(Github)"), vec![pair("Github", "GitHub")]);
    }

    #[test]
    fn words_join_only_where_the_name_has_a_separator() {
        assert!(flags("Text in JS on the page, open API docs, one DNN layer").is_empty());
        assert_eq!(flags("use Travis-CI"), vec![pair("Travis-CI", "Travis CI")]);
        assert!(flags("INSTALLING ON LINUX WITH GITHUB").is_empty());
    }

    #[test]
    fn lower_case_names_accept_a_capital_but_not_odd_case() {
        assert!(flags("Kubelet restarts. The Kubectl tool.").is_empty());
        assert_eq!(
            flags("ContainerD and ETCD"),
            vec![pair("ContainerD", "containerd"), pair("ETCD", "etcd")]
        );
    }

    #[test]
    fn loose_names_flag_only_wrong_inner_case() {
        // "git" is the command; "GIT" is a misspelling of the name.
        assert!(flags("run git status").is_empty());
        assert_eq!(flags("GIT is a VCS"), vec![pair("GIT", "Git")]);
    }

    #[test]
    fn project_terms_extend_and_reject_ambiguity() {
        let t = Terms::with_project(&[("oneDNN".into(), vec!["MKL-DNN".into()])]).expect("ok");
        let found: Vec<_> = t
            .scan("use MKL-DNN")
            .into_iter()
            .map(|(_, t)| t.canonical.clone())
            .collect();
        assert_eq!(found, vec!["oneDNN"]);
        assert!(matches!(
            Terms::with_project(&[("foo bar!".into(), vec![])]),
            Err(TermError::Invalid(_))
        ));
    }
}
