//! `terminology.canonical`: product, library, format and protocol names spelled the way their owners
//! spell them ("oneDNN", not "ONEDNN"; "GitHub", not "Github"). The built-in list is data
//! (`data/terms.txt`); a project adds its own under `[terms]` in `.docreview.toml`. A built-in name
//! written all in lower case is `terminology.inner-capitals`' when its owner writes a capital inside it
//! ("javascript", "json"; off by default), and `terminology.lower-case`'s otherwise ("docker"; off
//! by default: read on docs nobody tuned to, too many were programs as typed or identifiers).
//!
//! A name matches case-insensitively with hyphen, space and dot variants ("Node JS", "nodejs",
//! "NODE.JS" → "Node.js"), as whole words only, and never inside identifiers, paths, package specs,
//! domains or file names (`mxnet.gluon`, `kubernetes/enhancements`, `pip install numpy`).

use super::text::{ByHash, HASH_START, hash_key, is_all_lower, is_capitalised};
use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use std::collections::HashMap;
use std::sync::LazyLock;

mod identifier;
mod literal;
mod lowered;
mod terms;

use identifier::*;
use literal::*;
use lowered::*;
pub(crate) use terms::stands_alone;
pub use terms::{Term, TermError, Terms, is_known_name, key};

pub const RULE: &str = "terminology.canonical";
/// A name of the team's own `[terms]` written in a spelling the team lists as wrong. On whenever the
/// team lists names: the list is the team's word, not a built-in guess.
pub const PROJECT: &str = "terminology.project";

/// Does `pattern` name `rule` by its former name? A team's own names were `terminology.canonical`'s
/// until they got a rule of their own, so a config, a `--rule` or a suppression comment naming that
/// rule exactly still reaches them.
pub fn former_name(pattern: &str, rule: &str) -> bool {
    pattern == RULE && rule == PROJECT
}
/// A built-in name written all in lower case ("javascript", "github", "a docker image"). Off by
/// default: lower case is also how a name is written where it is an identifier (a package, a
/// repository, a manager's id, a gem), and the prose around it often does not say which it is.
pub const LOWER_CASE: &str = "terminology.lower-case";
/// A built-in name with a capital after its first letter (an acronym, "JavaScript", "macOS") written all
/// in lower case ("json", "javascript"): no program or command is spelled from such a name by lowering
/// it, as "git" and "docker" are, so lower case there is a slip far more often.
pub const INNER_CAPITALS: &str = "terminology.inner-capitals";

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
        let lower_case = RuleInfo {
            link: None,
            id: LOWER_CASE.into(),
            severity: Severity::Warning,
            safety: Safety::Review,
            default_on: false,
            summary: "A built-in name of one capital written all in lower case (\"a docker image\" -> \"a Docker image\")"
                .into(),
            explain: format!(
                "Flags a name of the built-in list whose owner writes it with one capital, first, written \
                 all in lower case, and proposes its owner's spelling: \"a docker image\" -> \"a Docker \
                 image\", \"git\" -> \"Git\", \"on linux\" -> \"on Linux\". A name with capitals inside \
                 (\"javascript\", \"json\") is {INNER_CAPITALS}'s.\n\
                 Off by default: read on docs it was not tuned on, right on most doc sets but not on all \
                 of them. Lower case is how a name is written where it is an identifier (a package, a \
                 repository, a plugin's or a manager's id, a gem, a field of a record), and the prose \
                 around it often does not say which. \
                 Every exception of {RULE} applies here too (code, paths, commands where they run, \
                 quoted titles…), and a name the doc publishes as an identifier is kept in the whole doc \
                 (\"the json package\", \"the gradle manager\", \"the `dockerfile` builder\"), as is a \
                 tag in brackets (\"[pdf]\"), a repository an HTML link names, and a link's word naming the \
                 page it ends in (\"[:help api](…/api.html)\"). So is a name the doc's code gives as a \
                 spec (`python@3.12`, `github:cli/cli`), a program and its subcommand as the code runs \
                 them (\"run hugo list drafts\") or twice over (\"git log or git blame\"), values after \
                 \"e.g.\" (\"e.g.: node, python\"), a backend by its id (\"the aqua and github \
                 backends\"), a key given a value (\"cpu = 2\") or a pair called a label (\"the prometheus: cockroachdb label\") and a field's one value (\"Type: **url**\"). Names with a wrong capital (\"Github\", \"NODEJS\") are {RULE}'s, \
                 and so are all spellings of a project's own [terms].\n\
                 Turn it on in .docreview.toml:\n\n  [rules]\n  \"{LOWER_CASE}\" = \"on\"\n\n\
                 Review each fix: apply takes it only with --all-fixes."
            ),
        };
        let inner_capitals = RuleInfo {
            link: None,
            id: INNER_CAPITALS.into(),
            severity: Severity::Warning,
            safety: Safety::Review,
            default_on: false,
            summary: "A name with capitals inside written all in lower case (\"javascript\" -> \"JavaScript\", \"json\" -> \"JSON\")"
                .into(),
            explain: format!(
                "Flags a name of the built-in list whose owner writes a capital after its first letter \
                 (an acronym, \"JavaScript\", \"GitHub\", \"macOS\", \"gRPC\"), written all in lower case, \
                 and proposes the owner's spelling: \"javascript\" -> \"JavaScript\", \"a json file\" -> \
                 \"a JSON file\", \"the github repo\" -> \"the GitHub repo\".\n\
                 Lowering such a name gives no program's name, as \"git\" and \"docker\" are (those are \
                 {LOWER_CASE}'s), so in prose it is a slip far more often. Names of two letters are left \
                 alone (\"vs\", \"io\").\n\
                 Every exception of {LOWER_CASE} applies: code, paths, URLs, packages, ids the doc writes \
                 beside their labels or calls packages, values, keys, a program before its subcommand or \
                 before \"command\" (\"an openssl command\"), a lower-case word marked in bold or italics \
                 beside others marked alike (\"**email**, **profile** and **openid**\", a list of \
                 scopes), a name that opens a list item and is glossed there (\"- mariadb (the \
                 service's database)\"), an id the doc gives (\"a container named api\", \"HyperDX API \
                 (api)\"), a generic acronym listed with English words as parts of a system (\"the api \
                 and worker services\") and a label quoted in bold (\"leave **Idp metadata xml** \
                 empty\").\n\
                 A table row that describes its id in the id's own words keeps them as the id spells \
                 them (\"`sys.cpu.user.ns` | Total user cpu time\"): it copies the help text the id was \
                 documented with.\n\
                 Off by default: on docs it was not tuned on, it fell under the 90 % gate (measured below; \
                 its wrong findings are mostly a page's own lower-case style, \"svg\" or \"utf-8\" \
                 written so throughout). Turn it on in .docreview.toml:\n\n  [rules]\n  \
                 \"{INNER_CAPITALS}\" = \"on\"\n\n\
                 Review each fix: apply takes it only with --all-fixes."
            ),
        };
        let project = RuleInfo {
            link: None,
            id: PROJECT.into(),
            severity: Severity::Warning,
            safety: Safety::Safe,
            default_on: true,
            summary: "Names your team lists in [terms], spelled as the team writes them".into(),
            explain: "Flags every spelling a name of the team's own [terms] in .docreview.toml lists \
                 (\"ONEDNN\" where the team writes `oneDNN = [\"ONEDNN\", \"MKL-DNN\"]`), lower case \
                 too, and proposes the team's spelling. On whenever the team lists names: the list is \
                 the team's word. Names inside code, URLs, paths and identifiers are never flagged, as \
                 for terminology.canonical.\n\
                 The fix is safe to apply in batch (docreview apply)."
                .into(),
        };
        let mut rules = vec![RuleInfo {
            link: None,
            id: RULE.into(),
            severity: Severity::Warning,
            safety: Safety::Safe,
            default_on: false,
            summary: "Names of products, libraries, formats and protocols spelled as their owners spell them".into(),
            explain: format!(
                "Flags a technical name written with the wrong case, hyphens, spaces or dots and proposes \
                 the canonical spelling: \"ONEDNN\" -> \"oneDNN\", \"Github\" -> \"GitHub\", \"NodeJS\" -> \"Node.js\".\n\
                 Precise names are part of precise writing: readers search for them, and a misspelled name \
                 reads as carelessness about the thing itself.\n\
                 A built-in name written all in lower case is {INNER_CAPITALS}'s when its owner writes a \
                 capital inside it (\"javascript\", \"json\"; off by default) and {LOWER_CASE}'s otherwise \
                 (\"a docker image\"; off by default); a team's own [terms] are {PROJECT}'s, on \
                 whenever the team lists names.\n\
                 The built-in list has {} names. Names inside code, URLs, paths, identifiers, file names and \
                 package commands (\"pip install numpy\") are never flagged, nor a command's name where it is run \
                 (\"run docker\", \"git clone\"), nor names the doc \
                 writes as a program would: a key a list item defines in bold (\"- **tls** uses \
                 HTTPS\"), a lower-case name alone in italics (\"`--git` _url_\"), a program before its \
                 subcommand (\"mkdocs build\"), values in a list or filling a closing bracket (\"(tcp or \
                 udp)\"), a type the doc's code uses, a lower-case function or module the doc's code calls \
                 before the word for it (\"the sql template tag\", \"the json column\" beside \
                 `table.json()`), a lower-case name opening a cell of a table's column of names (\"| uri |\" \
                 under \"Name\", \"Parameter\", \"Prop\", \"Key\"…), a cell that is only a name under \"Type\" \
                 in a column of a schema's types (\"| Utf8 |\" beside \"| Int64 |\"), quoted titles, handles, image alt text, an \
                 interface's label quoted in bold after its first word (\"turn on **Allow Websockets**\") \
                 and an acronym's plural the doc shows is one (\"DNs\" where it writes \"a DN\", \"1024 IOs\").\n\
                 Off by default: on docs it was not tuned on, it fell under the 90 % gate (measured \
                 below; its wrong findings were mostly names in copies: an older version of the docs \
                 kept for the record, a template's line filled in across many pages). Turn it on in \
                 .docreview.toml:\n\n  [rules]\n  \"{RULE}\" = \"on\"\n\n\
                 Add your own names (flagged whether this rule is on or not, as {PROJECT}):\n\n  \
                 [terms]\n  oneDNN = [\"ONEDNN\", \"MKL-DNN\"]\n\n\
                 The fix is safe to apply in batch (docreview apply).",
                Terms::builtin().len()
            ),
        }, lower_case, inner_capitals];
        // Always a rule, so a config may name it; it finds nothing where the team lists no names.
        rules.push(project);
        rules
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        let (mixed, lower, inner, project) = (
            active.has(RULE),
            active.has(LOWER_CASE),
            active.has(INNER_CAPITALS),
            active.has(PROJECT),
        );
        if !mixed && !lower && !inner && !project {
            return;
        }
        let first = out.len();
        let kept = AsWritten::new(doc, &self.terms, lower || inner);
        for (b, block) in doc.prose.blocks.iter().enumerate() {
            // A few words all in lower case on their own (a heading, a list item, a cell) are a literal:
            // a command ("hugo completion powershell"), a key ("cpu"), a label.
            if block.text.split_whitespace().count() <= 4 && is_all_lower(&block.text) {
                continue;
            }
            let title_link = |view: std::ops::Range<usize>| in_title_link(doc, b, view);
            for (range, term) in self.terms.scan_words(&block.text, doc.words(b)) {
                let surface = &block.text[range.clone()];
                let (rule, on) = if term.project {
                    (PROJECT, project)
                } else if is_all_lower(surface) {
                    if inner_capitals(surface, &term.canonical) {
                        (INNER_CAPITALS, inner)
                    } else {
                        (LOWER_CASE, lower)
                    }
                } else {
                    (RULE, mixed)
                };
                if !on || (rule != RULE && rule != PROJECT && kept.catalog) {
                    continue;
                }
                // A lower-case name the doc's own code holds as a string is that code's value
                // ("returns ios" where the code compares with `'ios'`), unless the name is an
                // acronym ("json" is the format's name however the code quotes it).
                let value = is_all_lower(surface)
                    && !super::text::is_all_upper(&term.canonical)
                    && doc.code_quotes(surface);
                if value
                    || kept.links_repository(surface, &term.canonical)
                    || is_persons_name(&block.text, range.clone(), &term.canonical)
                    || title_link(range.clone())
                    || spells_an_acronym(&block.text, range.clone())
                    || (!term.project && acronym_plural(doc, &block.text, range.clone()))
                    || kept.keeps(doc, b, range.clone())
                    || names_the_command(&block.text, range.clone(), &term.canonical)
                    || joined_to_parts(&block.text, range.clone(), &term.canonical)
                {
                    continue;
                }
                let message = format!(
                    "Write \"{}\", the spelling its owners use, not \"{surface}\".",
                    term.canonical
                );
                let (range, fix) = with_article(&block.text, range, &term.canonical);
                out.push(Hit {
                    block: b,
                    message,
                    range,
                    rule: rule.into(),
                    replacements: vec![fix],
                });
            }
        }
        // A name in capitals that the doc writes so again and again ("TAURI software" in a trademark
        // policy, "WASM" throughout) is the doc's chosen styling, not a slip; so is one in a sentence set
        // in capitals (counted among those uses first).
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
        let mut tail = out.split_off(first);
        tail.retain(|hit| {
            let text = &doc.prose.blocks[hit.block].text;
            !styled.iter().any(|s| *s == text[hit.range.clone()])
                && !in_capital_line(text, hit.range.clone())
        });
        out.append(&mut tail);
    }
}

/// What a doc shows about the names it writes as they are, whatever name they are: its identifiers and
/// repositories, gathered once per doc. `consistency.name-case` asks the same of its own names.
pub(crate) struct AsWritten {
    /// The repositories the doc links under their own name, as (key, name in the address).
    repos: Vec<(String, String)>,
    /// The lower-case names the doc calls a package or writes as ids beside their labels.
    ids: Vec<String>,
    /// The doc keeps a catalog of ids beside labels: its lower-case names are ids throughout.
    pub(crate) catalog: bool,
}

impl AsWritten {
    /// What `doc` shows; its lower-case ids only when `lower` (they keep lower-case names only).
    pub(crate) fn new(doc: &DocProse<'_>, terms: &Terms, lower: bool) -> AsWritten {
        let mut repos = linked_repositories(doc.file);
        repos.extend(anchored_repositories(doc.file));
        let (ids, catalog) = if lower {
            let (mut ids, catalog) = record_ids(doc, terms);
            ids.extend(published_names(doc));
            (ids, catalog)
        } else {
            (Vec::new(), false)
        };
        AsWritten {
            repos,
            ids,
            catalog,
        }
    }

    /// Does the doc link a repository under `surface`'s key whose address spells it otherwise than
    /// `name` ("[Spacy](https://github.com/treeform/spacy)" is treeform's library, not spaCy; but
    /// "[Clickhouse](https://github.com/ClickHouse/ClickHouse)" is ClickHouse's own)?
    fn links_repository(&self, surface: &str, name: &str) -> bool {
        self.repos
            .iter()
            .any(|(k, spelt)| *k == key(surface) && spelt != name)
    }

    /// Is the name at `range` of block `b` written as something the doc names rather than in prose of
    /// its own: a handle, an id the doc writes beside its label or calls a package, a label, a key, a
    /// link to its own page, a quotation, a value of a list, a package, a program before its
    /// subcommand, a defined item, code the doc writes or runs (or a phrase of it in capitals written
    /// plain), a cell of a column of names, an image's text, a tag?
    pub(crate) fn keeps(
        &self,
        doc: &DocProse<'_>,
        b: usize,
        range: std::ops::Range<usize>,
    ) -> bool {
        let text = doc.prose.blocks[b].text.as_str();
        let surface = &text[range.clone()];
        (is_all_lower(surface)
            && (names_an_account(text, range.end) || self.ids.iter().any(|p| p == surface)))
            || is_label(text, range.clone())
            || names_a_key(doc, text, range.clone())
            || names_its_target(doc, b, range.clone())
            || in_quotes(text, range.clone())
            || defines(doc, surface)
            || in_value_list(text, range.clone())
            || names_a_package(text, range.clone())
            || before_subcommand(text, range.clone())
            || defines_an_item(doc, b, range.clone())
            || in_lone_italics(doc, b, range.clone())
            || names_code(doc, surface)
            || in_image_alt(doc, b, range.clone())
            || opens_name_cell(doc, b, range.clone())
            || fills_type_cell(doc, b, range.clone())
            || is_bracket_tag(text, range.clone())
            || names_its_page(doc, b, range.clone())
            || specified_in_code(doc, surface)
            || runs_as_in_code(doc, text, range.clone())
            || is_typed_value(text, range.clone())
            || among_marked_values(doc, b, range.clone())
            || given_as_id(text, range.clone())
            || in_bold_label(doc, b, range.clone())
            || opens_glossed_item(doc, b, range.clone())
            || copies_code(doc, b, range.clone())
            || describes_its_id(doc, b, range.clone())
            || writes_code_plain(doc, text, range)
    }
}

/// The repositories and packages the doc links under their own name, as (key, name in the address):
/// "[Spacy](https://github.com/treeform/spacy)" is treeform's library, and so is "Spacy" anywhere in
/// that doc ("a fork of [ui](https://github.com/nim-lang/ui)", then "ui hasn't been updated"). The
/// caller keeps such a name as written unless the address spells it as the built-in name does: then
/// the repository is that project's own ("[Clickhouse](https://github.com/ClickHouse/ClickHouse)").
fn linked_repositories(file: &str) -> Vec<(String, String)> {
    static LINK: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"\[[*_`]*([\w.-]+)[*_`]*\]\(https?://(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org|git\.sr\.ht|crates\.io/crates|(?:www\.)?npmjs\.com/package|pypi\.org/project|pkg\.go\.dev)/([^)\s#?]+)",
        )
        .expect("static regex")
    });
    if !file.contains("](http") {
        return Vec::new();
    }
    let mut out: Vec<(String, String)> = LINK
        .captures_iter(file)
        .filter_map(|c| {
            // Spelled as the address spells it, bar case: "[TreeSitter](…/tree-sitter)" is the
            // project's own name misspelled.
            let text = c.get(1)?.as_str();
            let last = c
                .get(2)?
                .as_str()
                .trim_end_matches('/')
                .rsplit('/')
                .next()?;
            let last = last.trim_end_matches(".git");
            last.eq_ignore_ascii_case(text)
                .then(|| (key(text), last.to_owned()))
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Does the doc define `name` as its own term, in quotes in brackets ("Travis CI GmbH (“Travis-CI”)",
/// "(the \"Software\")", "(hereinafter \"Licensee\")")? Then the doc writes it so on purpose, every time.
fn defines(doc: &DocProse<'_>, name: &str) -> bool {
    doc.prose.blocks.iter().any(|block| {
        let text = block.text.as_str();
        text.contains('(')
            && ["", "the ", "hereinafter ", "hereinafter the ", "hereafter "]
                .iter()
                .any(|lead| {
                    [('"', '"'), ('\u{201c}', '\u{201d}')]
                        .iter()
                        .any(|(open, close)| text.contains(&format!("({lead}{open}{name}{close})")))
                })
    })
}

/// The range and fix of a name written as `canonical`, with the "a" or "an" before it when the owner's
/// spelling sounds otherwise ("a Haproxy container" → "an HAProxy container").
fn with_article(
    text: &str,
    range: std::ops::Range<usize>,
    canonical: &str,
) -> (std::ops::Range<usize>, String) {
    let before = &text[..range.start];
    let Some(lead) = before.strip_suffix(' ') else {
        return (range, canonical.to_owned());
    };
    let article = lead
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let starts = lead.len() - article.len();
    let fresh = crate::core::rules::grammar::indefinite_article(canonical);
    match fresh {
        Some(fresh)
            if ["a", "an"].contains(&article.to_lowercase().as_str())
                && !article.eq_ignore_ascii_case(fresh) =>
        {
            let fresh = crate::core::rules::misspellings::match_case(article, fresh);
            (starts..range.end, format!("{fresh} {canonical}"))
        }
        _ => (range, canonical.to_owned()),
    }
}

/// Does the name open a phrase whose capitals spell the acronym in brackets after it ("REdis
/// Serialization Protocol (RESP)", "GIThub Token Store (GITTS)")? The odd capitals show where the
/// acronym comes from, on purpose.
fn spells_an_acronym(text: &str, range: std::ops::Range<usize>) -> bool {
    let rest = &text[range.start..];
    let Some(open) = rest.find('(').filter(|&i| i <= 80) else {
        return false;
    };
    let phrase = &rest[..open];
    let Some(acronym) = rest[open + 1..].split(')').next() else {
        return false;
    };
    let capitals: String = phrase.chars().filter(char::is_ascii_uppercase).collect();
    !phrase.contains(['.', ';', ':', '!', '?'])
        && (2..=8).contains(&acronym.len())
        && acronym.chars().all(|c| c.is_ascii_uppercase())
        && capitals == acronym
}

/// Is the name in capitals inside a line set in capitals for emphasis ("IMPORTANT: IF THE MCP SERVER
/// IS INSTALLED, USE ITS TOOLS BEFORE DOING ANYTHING WITH HUBSPOT ASSETS")? The capitals are the line's
/// styling, not the name's spelling: five words or more, four in five of them in capitals, and some
/// of them the small words of an English sentence (a line of formats, "MP3, WAV, OGG, FLAC", is no
/// sentence: its names keep their owners' spelling).
fn in_capital_line(text: &str, range: std::ops::Range<usize>) -> bool {
    if !super::text::is_all_upper(&text[range.clone()]) {
        return false;
    }
    let start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[range.end..]
        .find('\n')
        .map_or(text.len(), |i| range.end + i);
    let words: Vec<&str> = text[start..end]
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .collect();
    let capitals = words
        .iter()
        .filter(|w| w.chars().all(char::is_uppercase))
        .count();
    let lower = text[start..end].to_lowercase();
    let sentence = super::language::tally(&lower, &super::text::words(&lower)).english >= 2;
    words.len() >= 5 && capitals * 5 >= words.len() * 4 && sentence
}

/// An acronym's plural: two to four capitals, then a lower-case "s" ("TLs", "DNs", "IOs" for tech
/// leads, distinguished names, I/O operations), where the capitals are no built-in name themselves
/// and the doc shows it means the plural: it writes the acronym alone in capitals too ("a DN", "each
/// IO"; not "socket.io"), or
/// a number comes right before ("1024 IOs"). Then it is not TLS, DNS or iOS with a wrong capital.
/// Not before a version ("TLs 1.3" is TLS), and "HTTPs" stays flagged: HTTP is a name and takes no
/// plural.
fn acronym_plural(doc: &DocProse<'_>, text: &str, range: std::ops::Range<usize>) -> bool {
    let Some(stem) = text[range.clone()].strip_suffix('s') else {
        return false;
    };
    if !(2..=4).contains(&stem.len())
        || !stem.chars().all(|c| c.is_ascii_uppercase())
        || is_known_name(stem)
        || text[range.end..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let counted = text[..range.start]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit() || c == ','));
    counted || writes_alone(doc, stem)
}

/// Does the doc's prose write `acronym` in its capitals as a word of its own: not a part of a name
/// joined by a dot, a slash, a colon or a semicolon ("IO", not "socket.io", "std::io" or "TL;DR")?
fn writes_alone(doc: &DocProse<'_>, acronym: &str) -> bool {
    // A joining mark touches a word on its other side ("TL;DR", "socket.io"); a stop at a sentence's
    // end does not ("a DN.").
    let joined = |mut side: std::str::Chars<'_>| match side.next() {
        Some(c) if c.is_alphanumeric() => true,
        Some(c) if ".;/:_-\\".contains(c) => side.next().is_some_and(char::is_alphanumeric),
        _ => false,
    };
    doc.prose.blocks.iter().any(|block| {
        let text = block.text.as_str();
        text.match_indices(acronym).any(|(at, _)| {
            let before: String = text[..at].chars().rev().take(2).collect();
            !joined(before.chars()) && !joined(text[at + acronym.len()..].chars())
        })
    })
}

/// How many times a doc writes a name in capitals before that is its styling.
const STYLED_USES: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;
    use terms::parse_line;

    fn flags(text: &str) -> Vec<(String, String)> {
        Terms::builtin()
            .scan(text)
            .into_iter()
            .map(|(r, t)| (text[r].to_owned(), t.canonical.clone()))
            .collect()
    }

    /// The words the three terminology rules flag in `md`, with the built-in names.
    fn flagged_words(md: &str) -> Vec<String> {
        let both = &[RULE, LOWER_CASE, INNER_CAPITALS];
        crate::core::rules::hits_in(&Terminology::new(Terms::builtin().clone()), both, md)
            .into_iter()
            .map(|(_, w, _)| w)
            .collect()
    }

    /// Each doc gets no terminology finding at all.
    fn assert_none_flagged(docs: &[&str]) {
        for md in docs {
            let words = flagged_words(md);
            assert!(words.is_empty(), "{md}: {words:?}");
        }
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_owned(), b.to_owned())
    }

    #[test]
    fn builtin_list_is_sorted_unique_and_unambiguous() {
        let data = include_str!("../data/terms.txt");
        let mut names = Vec::new();
        let mut check = Terms::default();
        for line in super::super::lexicon::lines(data) {
            let (name, variants, kind) = parse_line(line);
            if let Err(e) = check.add(name, &variants, kind, false) {
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
    fn an_acronyms_plural_is_no_wrong_capital_but_a_names_is() {
        // The doc writes the acronym alone too, or counts it.
        assert_none_flagged(&[
            "Each entry has a DN. It returns the visible organization DNs.\n",
            "Each large file takes 1024 IOs on write.\n",
        ]);
        // Nothing says it is a plural; before a version it is the protocol; a name takes no plural.
        assert_eq!(
            flagged_words("Ask the SIG leadership (SIG Chairs and TLs) first.\n"),
            ["TLs"]
        );
        assert_eq!(
            flagged_words("A TL reviews it. Use TLs 1.3 here.\n"),
            ["TLs"]
        );
        assert_eq!(flagged_words("Use HTTP, not HTTPs.\n"), ["HTTPs"]);
        // A capital and lower case is a name written wrong, counted or not.
        assert_eq!(flagged_words("Run 3 Dns servers.\n"), ["Dns"]);
        // The acronym must stand alone in capitals: "socket.io" and "TL;DR" show no plural.
        assert_eq!(
            flagged_words("Use socket.io on IOs and Android. TL;DR: use TLs.\n"),
            ["IOs", "TLs"]
        );
        // Nor a project's own name, whose every listed spelling counts.
        let own = Terms::with_project(&[("ABCS".to_owned(), vec!["ABCs".to_owned()])]);
        let own = own.expect("a valid term");
        let words: Vec<String> = crate::core::rules::hits_in(
            &Terminology::new(own),
            &[PROJECT],
            "An ABC here, and ABCs there.\n",
        )
        .into_iter()
        .map(|(_, w, _)| w)
        .collect();
        assert_eq!(words, ["ABCs"]);
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
        // A name of one word is not the phrase its parts make.
        assert_eq!(flags("on Linkedin"), vec![pair("Linkedin", "LinkedIn")]);
        assert!(flags("the pages linked in the docs").is_empty());
    }

    #[test]
    fn a_built_in_name_in_lower_case_is_its_own_rule_but_a_projects_is_not() {
        let md = "We write javascript and Javascript on docker, and use mytool with Mytool.\n";
        let hits = |terms: Terms, rules: &[&str]| {
            crate::core::rules::hits_in(&Terminology::new(terms), rules, md)
                .into_iter()
                .map(|(rule, w, _)| format!("{rule} {w}"))
                .collect::<Vec<_>>()
        };
        let builtin = || Terms::builtin().clone();
        assert_eq!(
            hits(builtin(), &[RULE]),
            ["terminology.canonical Javascript"]
        );
        assert_eq!(
            hits(builtin(), &[LOWER_CASE]),
            ["terminology.lower-case docker"]
        );
        // A name with a capital inside ("JavaScript") lowered is a rule of its own.
        assert_eq!(
            hits(builtin(), &[INNER_CAPITALS]),
            ["terminology.inner-capitals javascript"]
        );
        assert_eq!(
            hits(builtin(), &[RULE, LOWER_CASE, INNER_CAPITALS]).len(),
            3
        );
        // A project's own name is flagged in every spelling it lists, lower case too, by its own
        // rule, which is on by default while the built-in names are not.
        let own = || {
            Terms::with_project(&[("MyTool".to_owned(), vec!["mytool".to_owned()])])
                .expect("a valid term")
        };
        assert_eq!(
            hits(own(), &[PROJECT]),
            ["terminology.project mytool", "terminology.project Mytool"]
        );
        assert_eq!(
            hits(own(), &[RULE, PROJECT]),
            [
                "terminology.canonical Javascript",
                "terminology.project mytool",
                "terminology.project Mytool"
            ]
        );
        let defaults = |terms: Terms| -> Vec<(String, bool)> {
            Terminology::new(terms)
                .rules()
                .iter()
                .map(|r| (r.id.clone(), r.default_on))
                .collect()
        };
        let expected = [
            (RULE.to_owned(), false),
            (LOWER_CASE.to_owned(), false),
            (INNER_CAPITALS.to_owned(), false),
            (PROJECT.to_owned(), true),
        ];
        assert_eq!(defaults(builtin()), expected);
        assert_eq!(defaults(own()), expected);
        // Built-in names are never the team's rule's.
        assert!(hits(builtin(), &[PROJECT]).is_empty());
        assert!(former_name(RULE, PROJECT) && !former_name(RULE, RULE));
    }

    #[test]
    fn a_lower_case_name_the_doc_names_as_an_identifier_is_kept() {
        let kept = [
            // A package the doc calls by its published name, wherever else the doc writes it.
            "See the json package documentation.\n\nFor an example usage of json see the rpc files.\n",
            "The deno manager supports lock files.\n\nIt reads deno lock files too.\n",
            "Dokku uses the `dockerfile` builder here.\n\nIt falls back to dockerfile builders.\n",
            // A repository an HTML link points at, by its registered name.
            "Clone the <a href=\"https://github.com/acme-templates/fastapi\">fastapi GitHub repo</a> \
             and build your fastapi app from it.\n",
            // A tag in square brackets before an entry.
            "* [pdf] [Writing drivers in Rust](https://example.com/drivers.pdf).\n",
            // A link's words that name the page it ends in: that page's name, not the name in prose.
            "Full API documentation is at [:help api](https://neovim.io/doc/user/api.html) for you.\n",
            "See the [dockerfile documentation](/docs/builders/dockerfiles.md) to learn more.\n",
            "* [fly ssh sftp](/docs/flyctl/ssh-sftp/) - Get or put files from a remote VM.\n",
        ];
        assert_none_flagged(&kept);
        // Without that, the name in prose is still a slip.
        assert_eq!(
            flagged_words("For an example usage of json see the rpc files.\n"),
            ["json"]
        );
        // Packages for a language are no package named so: "your python code" is still a slip.
        assert_eq!(
            flagged_words("Install the python packages it needs.\n\nThen run your python code.\n"),
            ["python"]
        );
        // Only the page a link ends in: a name elsewhere in the address says nothing.
        let md = "Add [git trailers](https://git-scm.com/docs/git-interpret-trailers) to commits.\n\n\
                  Read the [html document](https://example.com/palette.html) for more.\n";
        assert_eq!(flagged_words(md), ["git", "html"]);
    }

    #[test]
    fn a_phrase_the_doc_writes_as_code_is_kept_plain_as_the_code_spells_it() {
        let md =
            "## Emulation and WITH DOCKER\n\nThe target holding `WITH DOCKER` runs natively.\n";
        assert_none_flagged(&[md]);
        // Only the whole phrase of a span, standing as words, and only around the name; a span that is
        // the name alone is no evidence.
        for md in [
            "## Emulation and WITH DOCKER\n\nThe target holding `WITH DOCKERFILE` runs natively.\n",
            "## Emulation and WITH DOCKER\n\nThe target holding `DOCKER` runs natively.\n",
            "## Emulation and XWITH DOCKER\n\nThe target holding `WITH DOCKER` runs natively.\n",
            "## Emulation and WITH DOCKER beside plain DOCKER\n\nThe target holding `WITH DOCKER` runs natively.\n",
            "## Plain DOCKER beside the Emulation and WITH DOCKER\n\nThe target holding `WITH DOCKER` runs natively.\n",
            // Not capitals: a heading that repeats a label is the doc's prose.
            "## Emulation and with Github\n\nThe target holding `with Github` runs natively.\n",
        ] {
            assert_eq!(flagged_words(md).len(), 1, "{md}");
        }
    }

    #[test]
    fn an_id_the_doc_writes_beside_its_label_is_kept_and_so_is_a_catalogs_every_name() {
        let one =
            "- gitlab | GitLab | source-control | signed\n\nWe send gitlab events to the queue.\n";
        assert_none_flagged(&[
            one,
            // A table row, and a list item numbered, with a label's remark in brackets.
            "| id | label |\n|---|---|\n| github | GitHub (Microsoft) |\n\nWe send github events to the queue.\n",
            "1. github | GitHub | signed\n\nWe send github events to the queue.\n",
        ]);
        // Three names as ids beside their labels: a catalog, whose lower-case names are ids throughout.
        let catalog = "- gitlab | GitLab | hmac\n- jira | Jira | hmac\n- slack | Slack | hmac\n\n\
                       EXCLUDE firebase for now; github uses jwt tokens.\n";
        assert_none_flagged(&[catalog]);
        // Two are no catalog: a name not written as an id is still a slip there.
        let two =
            "- gitlab | GitLab | signed\n- jira | Jira | signed\n\nEXCLUDE firebase for now.\n";
        assert_eq!(flagged_words(two), ["firebase"]);
        // Nor are three values of a table beside their labels: those are no names.
        let values = "| fog | Fog |\n|---|---|\n| hail | Hail |\n| clear-night | Clear night |\n\n\
                      Forecasts come from the api.\n";
        assert_eq!(flagged_words(values), ["api"]);
        // The id must stand alone in its field beside the label, and the label must be another spelling.
        for md in [
            "- the gitlab runner | GitLab | hmac\n\nWe send gitlab events to the queue.\n",
            "- gitlab | gitlab | hmac\n\nWe send gitlab events to the queue.\n",
            "- gitlab | git-lab | hmac\n\nWe send gitlab events to the queue.\n",
            "- gitlab | GitHub | hmac\n\nWe send gitlab events to the queue.\n",
        ] {
            assert!(flagged_words(md).contains(&"gitlab".to_owned()), "{md}");
        }
        // Without any record, the lower-case name is a slip.
        assert_eq!(
            flagged_words("We send gitlab events to the queue.\n"),
            ["gitlab"]
        );
    }

    #[test]
    fn a_lower_case_name_the_doc_types_as_a_spec_a_command_or_a_value_is_kept() {
        let kept = [
            // The doc's code gives the name as a spec: a version after `@`, a prefix's value after `:`.
            "Install it:\n\n```sh\nmise use python@3.12\n```\n\nThen python is on your path.\n",
            "Backends like aqua and github need no plugin: `mise use github:cli/cli`.\n",
            // A program and its subcommand as the code runs them, or one program twice.
            "List takes a subcommand, as in hugo list drafts.\n\n```\n$ hugo list drafts\n```\n",
            "Use git log or git blame on the source files.\n",
            // Two values closing a text after a colon or "e.g.", three after "e.g.".
            "Tools to prune, e.g.: node, python\n",
            "The target, e.g. linux, macos, windows.\n",
            // Backends by their published names.
            "This applies to both the aqua and github backends.\n",
            // A key given a value, one value after a field's label.
            "1. Resize #2: cpu = 2\n",
            "* Type: **url**\n",
            // A pair written plain and called a label: its key or its value.
            "Add the prometheus: cockroachdb label to the pods.\n",
            "Pods get the app: github selector.\n",
        ];
        assert_none_flagged(&kept);
        let flagged = [
            // An address or a key with a spaced value is no spec; a comment's words are no command.
            (
                "Clone `git@github.com:acme/site.git`, then commit with git as usual.\n",
                "git",
            ),
            (
                "Ask github support.\n\n```yaml\ngithub: token\n```\n",
                "github",
            ),
            // A colon in a sentence, or a pair not called a label, is prose.
            ("The rule for github: cockroachdb runs it.\n", "github"),
            ("It reads github: the label comes later.\n", "github"),
            ("It reads github: Each label is shown.\n", "github"),
            ("In short: github labels every pull request.\n", "github"),
            ("The tool for it is: github label.\n", "github"),
            (
                "Private git repositories need a token.\n\n```sh\n# git repositories here\nls\n```\n",
                "git",
            ),
            // After a determiner the pair is a noun phrase, whatever the code runs.
            (
                "Build a docker image first.\n\n```\ndocker image ls\n```\n",
                "docker",
            ),
            // A name, not a value: two closing a text with nothing opening them as values, one after a
            // label of many words.
            ("We support javascript and java\n", "javascript"),
            ("Written in the language of your choice: python\n", "python"),
        ];
        for (md, word) in flagged {
            assert_eq!(
                flagged_words(md).first().map(String::as_str),
                Some(word),
                "{md}"
            );
        }
    }

    #[test]
    fn add_is_a_command_only_after_a_package_manager() {
        assert_eq!(
            flags("Add json headers to responses."),
            vec![pair("json", "JSON")]
        );
    }

    #[test]
    fn a_name_whose_owners_spelling_sounds_otherwise_takes_its_article_along() {
        let found = crate::core::rules::hits_in(
            &Terminology::new(Terms::builtin().clone()),
            &[RULE],
            "Start a Smtp server, an Scss file and a Haproxy image with a Github token.\n",
        );
        let fixes: Vec<(String, String)> = found
            .into_iter()
            .map(|(_, text, fixes)| (text, fixes[0].clone()))
            .collect();
        assert_eq!(
            fixes,
            [
                ("a Smtp".to_owned(), "an SMTP".to_owned()),
                ("Scss".to_owned(), "SCSS".to_owned()),
                // Whether "HAProxy" takes "a" or "an" depends on how its owners say it.
                ("Haproxy".to_owned(), "HAProxy".to_owned()),
                ("Github".to_owned(), "GitHub".to_owned()),
            ]
        );
    }

    #[test]
    fn canonical_spellings_are_left_alone() {
        assert!(flags("oneDNN, MXNet, PyTorch and GitHub's API on macOS.").is_empty());
    }

    #[test]
    fn labels_quotations_names_and_titles_are_kept_as_written() {
        let words = flagged_words(
            "- **openssl**: upgrade to 1.0.2e for the fixes\n\
             - tls: make the cipher list configurable\n\n\
             Select 'NodeJS Static' as the type. Thanks to Bert Belder for the fix.\n\n\
             - [Jamstack For Free With Azure And CloudFlare](https://x.dev/post)\n\n\
             We host it on Github with openssl and a BERT model; see [sqlite](https://x.io/sqlite).\n\n\
             é Github é\n",
        );
        assert_eq!(words, ["Github", "openssl", "Github"]);
        // Capitals that spell the acronym after them are on purpose; other capitals are not.
        assert_eq!(
            flagged_words(
                "Clients speak the REdis Serialization Protocol (RESP). Run REdis Server (RS2) or \
                 REdis Protocol (RESP).\n"
            ),
            ["REdis", "REdis"]
        );
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
        let words = flagged_words(
            "On a phone it returns ios, and javascript elsewhere; Github has the code.\n\n\
             ```js\nif (platform === 'ios') {}\n```\n\n\
             ## new URL(url, base) and import ?url\n\n\
             Mark it with #[tauri::command] as the nodejs GitHub organization does.\n\n\
             See the crate pages: [tauri] / [tauri-build], and [webpack-cli][cli].\n\n\
             [tauri]: https://crates.io/crates/tauri\n\
             [cli]: https://npmjs.com/webpack-cli\n",
        );
        assert_eq!(words, ["javascript", "Github"]);
        // Capitals used again and again are the doc's styling; once, a slip.
        let styled = "You may say TAURI software. TAURI is a mark. The TAURI community.\n";
        let found = crate::core::rules::hits_in(
            &Terminology::new(Terms::builtin().clone()),
            &[RULE],
            styled,
        );
        assert!(found.is_empty(), "{found:?}");
        // A line set in capitals for emphasis styles every name in it; a heading of two words does not.
        let shouted = "IMPORTANT: IF THE 'HubSpot' SERVER IS INSTALLED, USE ITS TOOLS FOR HUBSPOT ASSETS.\n\n\
                       Only two words here: USE GITHUB for the assets.\n\n\
                       We set it up today, as the guide says,\nUSE THE GITLAB TOOLS.\n\n\
                       - **Audio**\n  MP3, WAV, OGG, MIDI, AAC, FLAC, M4A\n";
        let found = crate::core::rules::hits_in(
            &Terminology::new(Terms::builtin().clone()),
            &[RULE],
            shouted,
        );
        assert_eq!(found.len(), 3, "{found:?}");
        // A sentence in capitals still counts among the uses that make capitals the doc's styling.
        let styled_too = "IF THE 'HubSpot' SERVER IS UP, USE THE HUBSPOT TOOLS.\n\n\
                          Use HUBSPOT here, and HUBSPOT there.\n";
        let found = crate::core::rules::hits_in(
            &Terminology::new(Terms::builtin().clone()),
            &[RULE],
            styled_too,
        );
        assert!(found.is_empty(), "{found:?}");
        let once = "You may say TAURI software, built by the Tauri team.\n";
        let found =
            crate::core::rules::hits_in(&Terminology::new(Terms::builtin().clone()), &[RULE], once);
        assert_eq!(found.len(), 1);
        // A name the doc defines as its own term, in quotes in brackets, is written so on purpose.
        let defined = "1. Travis CI GmbH, Berlin (“Travis-CI”); and\n\n\
                       Travis-CI processes the data. The Github team helps.\n";
        let words = flagged_words(defined);
        assert_eq!(words, ["Github"]);
    }

    #[test]
    fn values_listed_as_typed_are_kept_in_lower_case() {
        let words = flagged_words(
            "The platform to use (i.e. ios, tvos, macos, catalyst).\n\n\
             Valid values are: standard, basic, rspec, or raw.\n\n\
             The extension can be png, jpg or jpeg.\n\n\
             It is used by jest, eslint, and others, and it reads yaml.\n\n\
             Two items (html, css) and a pair: png or svg.\n\n\
             * `{proto}`: protocol used (tcp or udp)\n",
        );
        // A list in running prose names things; two items are no list of values, unless they
        // fill a bracket that ends the text.
        assert_eq!(words, ["eslint", "yaml", "html", "css", "png", "svg"]);
        // Names of packages as published.
        let words = flagged_words(
            "Install the cocoapods gem, the json and csv gems, and the php, phpenv and php-build \
             cookbooks. Our javascript code reads the yaml file.\n",
        );
        assert_eq!(words, ["javascript", "yaml"]);
    }

    #[test]
    fn keys_parameters_and_links_naming_their_target_are_kept_as_written() {
        let words = flagged_words(
            "Items:\n\n- url (string): the address of the icon\n\n\
             Give several, e.g., urls: [ \"nats://a:4222\" ] in the tls block.\n\n\
             The tls property turns on `tls`; the json field stays.\n\n\
             - [nats top](nats_tools/nats_top/) shows the servers over tls.\n\n\
             Read the [javascript guide](https://x.dev/javascript-guide), the [html](https://x.dev/api/#html) \
             method, and note that it requires mysql: 5.7 or later.\n",
        );
        // Not in the doc's inline code, "json" before "field" is the format; "tls" in running text
        // and not before a key's noun is the protocol.
        assert_eq!(words, ["json", "tls", "javascript", "mysql"]);
    }

    #[test]
    fn functions_and_modules_the_code_uses_are_kept_as_written() {
        let words = flagged_words(
            "Escape hatches: the sql template tag, and the html tag function.\n\n\
             Adds a json column, like table.json(name) does. The css helper and the jwt module:\n\n\
             ```js\nconst s = css`color: red`;\njwt.encode(claims);\n<p jsx={x} />\n```\n\n\
             Write an html tag, save a json file, or call the yaml function. The jsx prop.\n",
        );
        // The code calls json(), tags a template with css, reaches into jwt and gives the jsx prop; it
        // never uses html or yaml as code, so "html tag" is the markup's element and "yaml function"
        // the format.
        assert_eq!(words, ["html", "json", "yaml"]);
        // A name the doc writes as a whole inline code span, in that very case, is the code's type or
        // value ("The `Url` object", "## WebGpu" beside `WebGpu`); in another case it is a slip.
        let spans = "## WebGpu\n\nThe WebGpu front end is the default (`WebGpu`). The `Url` object \
                     holds a Url and a Github link, not `github`.\n";
        assert_eq!(flagged_words(spans), ["Github"]);
        // A component the code writes as a tag, opened or closed, is that component: "Html" beside
        // `<Html lang="en">`, "Json" beside `</Json>`. A lower-case `<html>` is the element, so
        // "Html" there is a slip.
        let tags = "Set `lang` on Html, and wrap it in Json.\n\n\
                    ```jsx\n<Html lang=\"en\" />\n<Outer>\n</Json>\n```\n";
        assert!(flagged_words(tags).is_empty(), "{:?}", flagged_words(tags));
        // A demo's text under the listing that writes it is the code's text.
        let demo = "```jsx\n<Tab value=\"Javascript\">Javascript is weird</Tab>\n```\n\n\
                    <Tab value=\"Javascript\">Javascript is weird</Tab>\n\nJavascript is weird.\n\n- Javascript\n\n\
                    ## Use Javascript is weird\n\nSee `Use Javascript is weird` there.\n";
        // The sentence with its full stop, the list item of one word and the heading an inline code
        // span copies are the doc's own prose.
        assert_eq!(
            flagged_words(demo),
            ["Javascript", "Javascript", "Javascript"]
        );
        // A heading a code comment also holds, or a text that only begins the tag's content, is the
        // doc's own.
        let comment = "## Install on Macos\n\n```sh\n# Install on Macos (Homebrew)\nbrew install x\n```\n\n\
                       - Github Action\n\n```jsx\n<li>Github Actions</li>\n```\n";
        assert_eq!(flagged_words(comment), ["Macos", "Github"]);
        // Tabs side by side: each tab's text is the run to compare.
        let tabs = "```mdx\n<Tabs items={['Javascript', 'Rust']}>\n  <Tab value=\"Javascript\">Javascript is weird</Tab>\n  \
                    <Tab value=\"Rust\">Rust is fast</Tab>\n</Tabs>\n```\n\n\
                    <Tabs items={['Javascript', 'Rust']}>\n  <Tab value=\"Javascript\">Javascript is weird</Tab>\n  \
                    <Tab value=\"Rust\">Rust is fast</Tab>\n</Tabs>\n";
        assert!(flagged_words(tabs).is_empty(), "{:?}", flagged_words(tabs));
        let element = "Set `lang` on Html.\n\n```html\n<html lang=\"en\"></html>\n```\n";
        assert_eq!(flagged_words(element), ["Html"]);
        // A tag whose name only begins with the name is another component's.
        let longer = "Set `lang` on Html.\n\n```jsx\n<HtmlHead lang=\"en\" />\n```\n";
        assert_eq!(flagged_words(longer), ["Html"]);
        // A placeholder in angle brackets is no tag.
        let placeholder = "Fork it on Github.\n\n```sh\ngit clone https://example.com/<Github user>/app.git\n```\n";
        assert_eq!(flagged_words(placeholder), ["Github"]);
    }

    #[test]
    fn a_row_describing_its_id_in_the_ids_words_is_kept_as_written() {
        let words = flagged_words(
            "Metric | Description\n\
             -----|------------\n\
             `sys.cpu.user.ns` | Total user cpu time in nanoseconds\n\
             `sql.mem.current` | Current sql statement memory usage\n\
             `sys.rss` | Resident memory, as the cpu sees it\n\
             `sys.cpus.total` | Count of cpu cores\n\
             `y = x.cpu().float()` | Moves the tensor to the cpu\n\
             `package.json` | Where the json fields live\n\
             `tsconfig.app.json` | The app's json settings\n\n\
             `sql.mem.current` holds the sql memory in use.\n",
        );
        // Only the row's own id counts, as a whole word of it, and a file's extension or code with
        // spaces is no id; outside a table the name is prose.
        assert_eq!(words, ["cpu", "cpu", "cpu", "json", "json", "sql"]);
    }

    #[test]
    fn names_in_a_column_of_names_are_kept_as_written() {
        let words = flagged_words(
            "| <div className=\"wideColumn\">Name</div> | Type | Description |\n\
             | --- | --- | --- |\n\
             | uri <div className=\"label\">Required</div> | string | The location of the image. |\n\
             | headers | object | Sent with the request to the uri of the image. |\n\n\
             | Format | Use |\n\
             |---|---|\n\
             | json files, as the server sends them | data |\n",
        );
        // Under "Name" the cell's first word is the parameter; further on, and under another header,
        // a name is prose.
        assert_eq!(words, ["uri", "json"]);
        // A cell that is only a name, in a column of a schema's types under "Type" (beside `Int64` or
        // "string"), is a type as the schema spells it; with more words, in a column of other names,
        // under another header, or in a sentence, it is a name.
        let types = flagged_words(
            "| Field | Type | Description |\n|---|---|---|\n| `org_id` | Utf8 | The org's id |\n\
             | `note` | Utf8 text | A note |\n| `count` | Int64 | How many |\n\n\
             | Field | Type |\n|---|---|\n| `name` | Json |\n| `tag` | string |\n\n\
             | Field | Type |\n|---|---|\n| `doc` | Json |\n| `meta` | `map[string]any` |\n\n\
             | Extension | Type |\n|---|---|\n| .js | Javascript |\n| .py | Python |\n\n\
             | Field | Kind |\n|---|---|\n| `name` | Utf8 |\n| `n` | Int64 |\n\nWe store Utf8 text.\n",
        );
        assert_eq!(types, ["Utf8", "Javascript", "Utf8", "Utf8"]);
    }

    #[test]
    fn defined_items_and_commands_are_kept_as_written() {
        let words = flagged_words(
            "- **uri** is the URI to set on the request sent to the upstream.\n\
             - **tls** <span id=\"tls\"/> uses HTTPS with the backend when you ask.\n\
             - The **tls** option turns on encryption of the traffic to the backend.\n\n\
             Disable debug mode by default on mkdocs build, and see [wezterm cli list](x.md).\n\n\
             The mkdocs site and the javascript tooling are built on every push.\n",
        );
        // Bold inside the item is emphasis; a name before a noun is the name.
        assert_eq!(words, ["tls", "mkdocs", "javascript"]);
        // A lower-case name alone in italics (a synopsis's placeholder, a plugin); an image's
        // alternative text; a name broken across lines where it has a space; a type the code uses.
        let words = flagged_words(
            "`cargo add` [_options_] `--git` _url_\n\n\
             * `--git` _url_: Pull from a git repo at _url_ over any url you like.\n\n\
             [![Github](https://x.dev/badge.svg)](https://x.dev) Ask the Amazon Web\n\
             Services team or *github support* on Github.\n\n\
             * *dnssec* now signs responses, and the _Json_ extractor reads them.\n\n\
             ```rust\nfn f(Json(x): Json<T>) {}\n```\n",
        );
        // Italics around more than the name are emphasis; "a git repo" names Git in prose.
        assert_eq!(words, ["git", "url", "github", "Github"]);
    }

    #[test]
    fn a_few_lower_case_words_alone_are_a_literal() {
        let words = flagged_words(
            "## hugo completion powershell\n\n- cpu\n\nRun it in powershell on any cpu.\n",
        );
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
        // "homebrew" is an English word as well as the name.
        assert!(flags("a homebrew setup").is_empty());
    }

    #[test]
    fn command_names_are_flagged_in_prose_but_not_where_they_run() {
        assert_eq!(
            flags("We set up docker first."),
            vec![pair("docker", "Docker")]
        );
        assert_eq!(
            flags("It needs python 3.10 or later."),
            vec![pair("python", "Python")]
        );
        assert_eq!(flags("a perl script"), vec![pair("perl", "Perl")]);
        for run in [
            "run docker with the flag",
            "then docker --version prints it",
            "docker compose up starts it",
            "lua main.lua prints it",
            "git clone the repository",
            "the git command",
            "$ git status",
            "python -m venv",
            "python scripts/build.py",
        ] {
            assert!(flags(run).is_empty(), "{run}");
        }
        // A package's name before the word for it, across a line break too (Go's encoding/json).
        assert!(flagged_words("Any type supported by the json\npackage works.\n").is_empty());
        // A command alone in its block (a list of commands, a table cell) names the command.
        assert!(flags("docker").is_empty());
        assert!(flagged_words("- docker\n- podman\n").is_empty());
    }

    #[test]
    fn a_repository_the_doc_links_under_its_own_name_is_kept_as_written() {
        let words = flagged_words(
            "[Spacy](https://github.com/treeform/spacy) has spaces. Spacy is fast.\n\n\
             A fork of [ui](https://github.com/nim-lang/ui/) that wraps more; ui is old.\n\n\
             Unlike [Spacy's site](https://spacy.io), Github is a host, and \
             [TreeSitter](https://github.com/tree-sitter/tree-sitter) a parser.\n",
        );
        assert_eq!(words, ["Github", "TreeSitter"]);
        // The project's own repository, spelled as the name is: a misspelling stays one.
        assert_eq!(
            flagged_words(
                "Run [Clickhouse](https://github.com/ClickHouse/ClickHouse) beside \
                 [containerd](https://github.com/containerd/containerd); ContainerD traces.\n"
            ),
            ["Clickhouse", "ContainerD"]
        );
        // A link to a repository of another name leaves the name to the rule.
        assert_eq!(
            flagged_words("[Nodejs](https://github.com/x/node-tools) runs Nodejs code.\n"),
            ["Nodejs", "Nodejs"]
        );
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

    #[test]
    fn a_lowered_name_with_inner_capitals_is_told_from_a_program_and_kept_as_a_value() {
        let md = "Save the json file, then open github and the linux shell.\n";
        let rules = |r: &[&str]| {
            crate::core::rules::hits_in(&Terminology::new(Terms::builtin().clone()), r, md)
                .into_iter()
                .map(|(_, w, _)| w)
                .collect::<Vec<_>>()
        };
        assert_eq!(rules(&[INNER_CAPITALS]), ["json", "github"]);
        assert_eq!(rules(&[LOWER_CASE]), ["linux"]);
        // Two letters are too few to tell a name from a word.
        assert!(!inner_capitals("vs", "VS"));
        assert!(inner_capitals("macos", "macOS"));
        assert!(!inner_capitals("docker", "Docker"));
        assert_none_flagged(&[
            // The program, named by what it is; an acronym before "command" is still flagged below.
            "You can generate a certificate using an openssl command.\n",
            // Values marked alike on one line: a list of scopes, a protocol's settings.
            "Make sure **email,** **profile** and **openid** are enabled.\n",
            "When **auto** is used, **ipc** is used on Linux and **tcp** on Windows.\n",
            // A component that opens a list item and is glossed there.
            "The pod runs these containers:\n\n- mariadb (the service's database)\n- ironic: deploys hosts\n",
        ]);
        assert_eq!(
            flagged_words("Edit the files with a cli command, then ship the json data.\n"),
            ["cli", "json"]
        );
        // An id the doc gives the name: after "named" or "called", or in brackets after the name.
        assert_none_flagged(&[
            "Run the console within a Docker container named api.\n",
            "From the assets folder, create folders called css, images and js.\n",
            "- HyperDX API (api): executes queries.\n",
            // The parts of a system, a generic acronym among them.
            "Pass the key file to the api and worker service.\n",
            "Connections per api, worker and clock instances.\n",
            "Change the app (8080) or api (8000) ports first.\n",
            // A label as the screen shows it, quoted in bold; a name with capitals of its own after the
            // label's first word too.
            "For now, leave **Idp metadata xml** empty, next to **Frontend url**.\n",
            "Turn on **Allow Websockets**, then click **Setup a Github application**.\n",
        ]);
        // A bold name alone, or opening the run, is the doc's own: flagged.
        assert_eq!(
            flagged_words("Pick **Javascript** or **Javascript Security**, not **Use Github.**\n"),
            ["Javascript", "Javascript", "Github"]
        );
        // Bold that is no label: a sentence, one word, a run in lower case.
        assert_eq!(
            flagged_words(
                "**Save the json file.** Then **json** and **the json file** and **Use json, then**.\n\n\
                 **Tip**Keep json data **here**. **Use the json format for all of these**.\n"
            ),
            ["json", "json", "json", "json", "json", "json"]
        );
        assert_eq!(
            flagged_words(
                "The API (json) and the api of the kubeconfig tokens and api tokens, the cpu or \
                 memory of all pods, the api and the worker services, the json and worker files, the \
                 github and worker services, the api and other services.\n"
            ),
            ["json", "api", "api", "cpu", "api", "json", "github", "api"]
        );
        // One marked word alone, and a name inside a list item's sentence, are prose.
        assert_eq!(
            flagged_words(
                "Make sure **openid** is enabled.\n\n- Then read the json (a file) now.\n"
            ),
            ["openid", "json"]
        );
    }
}
