//! The list of names and its scan: every spelling variant of a name (case, hyphens, spaces, dots)
//! found as whole words, never glued to an identifier, path, domain, option or package command.

use super::*;

/// One name and how strictly to match it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub canonical: String,
    /// The lower-case (or capitalised) form is an ordinary word or command ("git", "Helm"): only forms
    /// with wrong inner capitals or all capitals are flagged.
    pub loose: bool,
    /// The lower-case form is the name's command and no English word ("docker", "perl"): a loose name
    /// whose lower-case form is flagged in prose too, unless it is run there as a command
    /// ([`run_as_command`]).
    pub command: bool,
    /// The name is the project's own (`[terms]` in `.docreview.toml`): every spelling it lists is
    /// flagged under `terminology.project`, lower case too.
    pub project: bool,
}

/// How a line of `data/terms.txt` matches its name's ordinary-looking spellings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Every spelling but the name's own is flagged.
    Strict,
    /// `~Name`: only wrong inner capitals and all capitals are flagged.
    Loose,
    /// `^Name`: loose, and the lower-case form is flagged where it is not run as a command.
    Command,
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

impl Terms {
    /// The built-in list.
    pub fn builtin() -> &'static Terms {
        static BUILTIN: LazyLock<Terms> = LazyLock::new(|| {
            let mut terms = Terms::default();
            for line in crate::core::rules::lexicon::lines(include_str!("../data/terms.txt")) {
                let (name, variants, kind) = parse_line(line);
                // The list is checked by a unit test; a bad line cannot ship.
                let _ = terms.add(name, &variants, kind, false);
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
            terms.add(canonical, &variants, Kind::Strict, true)?;
        }
        Ok(terms)
    }

    pub(super) fn add(
        &mut self,
        canonical: &str,
        variants: &[&str],
        kind: Kind,
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
            loose: kind != Kind::Strict,
            command: kind == Kind::Command,
            project: replace,
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
        self.scan_words(text, &crate::core::rules::text::words(text))
    }

    /// [`Terms::scan`] with the block's words already split.
    pub fn scan_words(
        &self,
        text: &str,
        words: &[crate::core::rules::text::Word],
    ) -> Vec<(std::ops::Range<usize>, &Term)> {
        let runs = crate::core::rules::text::runs_of(text, words);
        // A heading or line in capitals ("INSTALLING ON LINUX") is a style, not a misspelling.
        let shouting = crate::core::rules::text::is_all_upper(text);
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
            // A line break where the name has a space ("Amazon Web\nServices") is the same name.
            let spaced =
                surface.contains('\n') && surface.split_whitespace().eq(term.canonical.split(' '));
            if surface != term.canonical
                && !spaced
                && !(shouting && crate::core::rules::text::is_all_upper(surface))
                && stands_alone(text, range.clone())
                && !(term.loose
                    && looks_like_a_word(surface)
                    && !(term.command
                        && is_all_lower(surface)
                        && !run_as_command(text, range.clone())))
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

/// One line of `data/terms.txt`: `[~|^]Name [= Variant, Variant]` → (name, variants, kind).
pub(super) fn parse_line(line: &str) -> (&str, Vec<&str>, Kind) {
    let (name, variants) = match line.split_once('=') {
        Some((n, v)) => (n.trim(), v.split(',').map(str::trim).collect()),
        None => (line, Vec::new()),
    };
    if let Some(n) = name.strip_prefix('~') {
        (n.trim(), variants, Kind::Loose)
    } else if let Some(n) = name.strip_prefix('^') {
        (n.trim(), variants, Kind::Command)
    } else {
        (name, variants, Kind::Strict)
    }
}

/// A command name at `range` of `text` that is run as a command there, not named: after a verb that
/// runs it or a prompt ("run docker", "$ perl"), before an option, a file or a subcommand ("docker
/// --version", "lua main.lua", "git clone"), or before the word "command" ("the git command"); or
/// alone in its block (a list of commands).
pub(super) fn run_as_command(text: &str, range: std::ops::Range<usize>) -> bool {
    const RUNS: &[&str] = &[
        "run",
        "runs",
        "running",
        "ran",
        "call",
        "calls",
        "calling",
        "invoke",
        "invokes",
        "invoking",
        "execute",
        "executes",
        "executing",
        "type",
        "typing",
        "launch",
        "launches",
        "sudo",
        "$",
        ">",
        "%",
        "#",
    ];
    const THE_COMMAND: &[&str] = &[
        "command",
        "commands",
        "binary",
        "binaries",
        "executable",
        "executables",
        "cli",
        "subcommand",
        "subcommands",
        "invocation",
        "invocations",
    ];
    const SUBCOMMANDS: &[&str] = &[
        "add", "branch", "build", "checkout", "clone", "commit", "compose", "config", "exec",
        "fetch", "help", "init", "install", "log", "login", "merge", "pull", "push", "rebase",
        "rm", "run", "serve", "start", "stash", "status", "stop", "tag", "test", "version",
    ];
    if text.trim() == &text[range.clone()] {
        return true;
    }
    let before = text[..range.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    if RUNS.contains(&before.as_str()) {
        return true;
    }
    let next = text[range.end..].split_whitespace().next().unwrap_or("");
    if !text[range.end..].starts_with(char::is_whitespace) {
        return false;
    }
    let word = next.trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
    next.starts_with('-')
        || word.contains('/')
        || word
            .split_once('.')
            .is_some_and(|(a, b)| !a.is_empty() && b.starts_with(char::is_alphabetic))
        || THE_COMMAND.contains(&word.to_lowercase().as_str())
        || SUBCOMMANDS.contains(&word)
}

pub(super) fn word_count(s: &str) -> usize {
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

/// Positions in the key (in characters) where `spelling` has a space, hyphen or dot.
pub(super) fn split_points(spelling: &str) -> Vec<usize> {
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
pub(super) fn is_joint(gap: &str) -> bool {
    matches!(gap, " " | "-" | "." | "\n" | "\r\n")
}

/// Words that may follow a name after a hyphen in ordinary prose ("PyTorch-based").
pub(super) const HYPHEN_SUFFIXES: &[&str] = &[
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
                | '\u{2010}'
                | '\u{2011}'
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
            | '|' | '^' | '(' | '[' | '{' | '\u{2010}' | '\u{2011}',
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
pub(super) fn looks_like_a_word(surface: &str) -> bool {
    surface
        .split([' ', '-', '.'])
        .all(|w| is_all_lower(w) || is_capitalised(w))
}

/// Wrapped in quotes, alone or as part of one token: a literal value (`isolation: "hyperv"`,
/// `'dom-ready'`), not the name in prose.
pub(super) fn quoted(text: &str, range: std::ops::Range<usize>) -> bool {
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

/// A lower-case name right after `pip install`, `import`, `npm i` and the like is a package name.
pub(super) fn after_package_command(text: &str, at: usize) -> bool {
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
