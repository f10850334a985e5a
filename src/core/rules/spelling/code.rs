//! Known misspellings inside inline code: `.github/worflows`, `resources.Fingerpint`, `is_sign_poitive`.
//! A name in code is split into its parts (at anything but a letter, and at camelCase humps), and a part
//! on the list of known misspellings is flagged when the doc set shows it is a slip, not the API's own
//! spelling: no other doc writes it in code, and no code block writes it at all (an API really named
//! so is shown in its code and named in more than one page). What a part is written as on purpose is
//! left alone: a fragment (`wrapp...`, `gettin'`, the `[c]reate` of a menu hint), a name of words
//! (`Herbert Treis`), an old name beside its correction ("renaming `useFooInstatiation` to
//! `useFooInstantiation`"), and every span of a doc whose prose is not plainly English (translated pages
//! keep their placeholders in their own language: `{{nama_panggilan_sistem}}`).

use super::*;

/// The shortest part of a name judged: shorter known misspellings ("ot", "ser", "fo") are common
/// abbreviations in code.
const MIN_PART: usize = 5;

/// How the doc set writes a known misspelling in code.
#[derive(Debug, Default, Clone, Copy, Serialize, Deserialize)]
pub(super) struct CodeUse {
    /// Docs that write it in code.
    pub(super) docs: u32,
    /// Whether a code block (not inline code) writes it.
    pub(super) in_block: bool,
}

/// The parts of a name in code and their byte offsets: runs of ASCII letters, cut before a capital
/// that follows a lower-case letter ("registerSchemes" → "register", "Schemes") and before the last
/// capital of a run of capitals followed by a lower-case letter ("HTTPServer" → "HTTP", "Server").
pub(super) fn parts(code: &str) -> Vec<(usize, &str)> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for i in 0..=b.len() {
        let letter = b.get(i).is_some_and(u8::is_ascii_alphabetic);
        if let Some(s) = start {
            let cut = !letter
                || (b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase())
                || (b[i].is_ascii_uppercase()
                    && b[i - 1].is_ascii_uppercase()
                    && b.get(i + 1).is_some_and(u8::is_ascii_lowercase));
            if cut {
                out.push((s, &code[s..i]));
                start = letter.then_some(i);
            }
        } else if letter {
            start = Some(i);
        }
    }
    out
}

/// Records the known misspellings among the parts of one doc's code.
pub(super) fn count(code: &str, in_block: bool, seen: &mut HashMap<String, CodeUse>) {
    for (_, part) in parts(code) {
        if part.len() >= MIN_PART && is_typo(part) {
            let e = seen.entry(part.to_ascii_lowercase()).or_default();
            e.docs = 1;
            e.in_block |= in_block;
        }
    }
}

/// The known misspellings of the doc set's code that are slips: one doc writes them, in inline code only.
pub(super) fn slips(uses: &HashMap<String, CodeUse>, team: &HashSet<String>) -> HashSet<String> {
    uses.iter()
        .filter(|(w, u)| u.docs == 1 && !u.in_block && !team.contains(*w))
        .map(|(w, _)| w.clone())
        .collect()
}

/// Is the part at `at` in `code` written so on purpose: a fragment cut short or spoken (`wrapp...`,
/// `gettin'`), a menu hint's letters (`[c]reate`), or a word of a name (`Herbert Treis Neto`: only
/// letters and spaces, each word capitalised)?
fn deliberate(code: &str, at: usize, part: &str) -> bool {
    let before = code[..at].chars().next_back();
    let after = &code[at + part.len()..];
    let name = code.contains(' ')
        && code.split(' ').all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        });
    matches!(before, Some(']' | '\''))
        || after.starts_with(['\'', '\\', '…'])
        || after.starts_with("..")
        || name
}

/// The prose block a code span stands in (its placeholder's block).
pub(super) fn container(doc: &DocProse<'_>, span: &crate::core::markdown::Block) -> Option<usize> {
    let at = span.segments.first()?.src;
    doc.prose.blocks.iter().position(|b| {
        b.segments
            .iter()
            .any(|g| !g.verbatim && g.src <= at && at < g.src + g.src_len)
    })
}

/// Findings in one doc's inline code.
pub(super) fn check(slips: &HashSet<String>, doc: &DocProse<'_>, out: &mut Vec<Hit>) {
    let first = doc.prose.first_code_span();
    if doc.prose.code_spans.is_empty() || !doc.plainly_english() {
        return;
    }
    for (k, span) in doc.prose.code_spans.iter().enumerate() {
        let code = span.text.as_str();
        // An address names someone else's repository or page as it is.
        if code.contains("://") || code.contains('@') || code.starts_with("www.") {
            continue;
        }
        for (at, part) in parts(code) {
            if part.len() < MIN_PART || deliberate(code, at, part) {
                continue;
            }
            let slip = slips.contains(&part.to_ascii_lowercase());
            if !slip && !is_typo(part) {
                continue;
            }
            // A name the doc's prose writes with its capitals ("HDInsight" beside
            // `azurerm_hdinsight_cluster`), not a misspelling of a word it resembles ("hindsight"):
            // a capital inside a sentence, or one inside the word, wherever it stands.
            if doc
                .capitalised()
                .keys()
                .any(|name| name.eq_ignore_ascii_case(part))
                || names_it(doc, part)
            {
                continue;
            }
            let Some(fixes) = super::super::misspellings::cased_corrections(part) else {
                continue;
            };
            let Some(fix) = fixes.first() else {
                continue;
            };
            // A plural the list corrects to its singular is no slip of the fingers: a word alone in
            // code, it is as often a name or another language's word (the French `informations :`
            // beside "More information"); inside a name, the plural of the name beside it (a map
            // `strictUntils` of `strictUntil` values). Not an "s" doubled at the end (`accesssToken`).
            if part.eq_ignore_ascii_case(&format!("{fix}s")) && !fix.ends_with(['s', 'S']) {
                continue;
            }
            // Written in a code block or in other docs' code too, it is the API's own spelling, unless
            // this doc's code writes the name corrected as well (`registerSchemesAsPriviliged` in a
            // page of `registerSchemesAsPrivileged`): the API is named so, the other is a slip.
            if !slip && !writes_corrected(doc, code, at, part, fix) {
                continue;
            }
            // The corrected name beside it, in the same paragraph: the old one is cited ("renamed `a`
            // to `b`").
            let corrected = format!("{}{fix}{}", &code[..at], &code[at + part.len()..]);
            let here = container(doc, span);
            if doc
                .prose
                .code_spans
                .iter()
                .any(|s| s.text == corrected && container(doc, s) == here)
                || span
                    .segments
                    .first()
                    .is_some_and(|g| beside_writes(doc, g.src, here, part))
            {
                continue;
            }
            out.push(Hit {
                block: first + k,
                range: at..at + part.len(),
                rule: TYPO.into(),
                message: format!("\"{part}\" in `{code}` is a common misspelling of \"{fix}\"."),
                replacements: fixes,
            });
        }
    }
}

/// Does the doc's prose write `part` with a capital inside it ("HDInsight" opening a table cell)?
fn names_it(doc: &DocProse<'_>, part: &str) -> bool {
    doc.writes(&part.to_ascii_lowercase())
        && (0..doc.prose.blocks.len()).any(|b| {
            let text = doc.prose.blocks[b].text.as_str();
            doc.words(b).iter().any(|w| {
                let word = w.text(text);
                word.eq_ignore_ascii_case(part)
                    && word.chars().skip(1).any(|c| c.is_ascii_uppercase())
            })
        })
}

/// Does the prose beside a code span at byte `at` (its paragraph `here`, or every cell of its table
/// row) write `part` as a name, a word of its own with a capital? The code is then named after what
/// the prose names ("`RELACE_API_KEY` | Relace API key", a provider). In lower case it is the same
/// slip, and both are reported.
fn beside_writes(doc: &DocProse<'_>, at: usize, here: Option<usize>, part: &str) -> bool {
    let file = doc.file;
    let Some(before) = file.get(..at) else {
        return false;
    };
    if !doc.writes(&part.to_ascii_lowercase()) {
        return false;
    }
    // A row's cells stand on the span's line (a cell holding only code is no prose block itself).
    let line = before.rfind('\n').map_or(0, |i| i + 1)
        ..file[at..].find('\n').map_or(file.len(), |i| at + i);
    let blocks = &doc.prose.blocks;
    (0..blocks.len())
        .filter(|&b| {
            Some(b) == here
                || (blocks[b].kind == BlockKind::TableCell
                    && blocks[b]
                        .segments
                        .first()
                        .is_some_and(|g| line.contains(&g.src)))
        })
        .any(|b| {
            let text = blocks[b].text.as_str();
            doc.words(b).iter().any(|w| {
                let word = w.text(text);
                word.eq_ignore_ascii_case(part) && word.starts_with(|c: char| c.is_uppercase())
            })
        })
}

/// Is `part` on the list of known misspellings, with a correction?
fn is_typo(part: &str) -> bool {
    super::super::misspellings::corrections(part).is_some_and(|f| !f.is_empty())
}

/// Does the doc's code write the name that holds `part` (at `at` of `code`) with `fix` in its place,
/// as a whole name (`registerSchemesAsPrivileged` for `registerSchemesAsPriviliged`,
/// `workspace-concurrency` for `workpace-concurrency`)?
fn writes_corrected(doc: &DocProse<'_>, code: &str, at: usize, part: &str, fix: &str) -> bool {
    let name = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let start = code[..at].rfind(|c| !name(c)).map_or(0, |i| i + 1);
    let end = code[at..].find(|c| !name(c)).map_or(code.len(), |i| at + i);
    let corrected = format!("{}{fix}{}", &code[start..at], &code[at + part.len()..end]);
    doc.prose.code.iter().any(|r| {
        let text = doc.file.get(r.clone()).unwrap_or("");
        text.match_indices(corrected.as_str()).any(|(i, _)| {
            !text[..i].ends_with(name) && !text[i + corrected.len()..].starts_with(name)
        })
    })
}

/// How the doc set writes one whole inline code span.
#[derive(Debug, Default, Clone, Copy, Serialize, Deserialize)]
pub(super) struct SpanUse {
    pub(super) docs: u32,
    pub(super) uses: u32,
}

/// Docs that must write a span the same way before a span one slip from it is taken for its slip.
const SPAN_COMMON: u32 = 3;

/// Is `code` a name worth comparing whole: 6 to 40 characters of ASCII without spaces, four letters
/// or more, not an address?
fn comparable(code: &str) -> bool {
    (6..=40).contains(&code.len())
        && code.bytes().all(|b| b.is_ascii_graphic())
        && code.bytes().filter(u8::is_ascii_alphabetic).count() >= 4
        && !code.contains("://")
        && !code.contains('@')
}

/// Records one inline code span.
pub(super) fn count_span(code: &str, seen: &mut HashMap<String, SpanUse>) {
    if comparable(code) {
        let e = seen.entry(code.to_owned()).or_default();
        e.docs = 1;
        e.uses += 1;
    }
}

/// Inline code written once, in one doc, one finger slip from code that [`SPAN_COMMON`] docs or more
/// write (a neighbouring key hit for a letter, two neighbouring letters swapped; not a case change,
/// not a digit, not a letter added or dropped, which make other real names: `enable`, `enabled`):
/// `node_nodules` for `node_modules`, `.gitigonre` for `.gitignore`. Only where one such code is
/// near; the team's words are left alone. Each slip maps to its fix and how many docs write that.
pub(super) fn span_slips(
    uses: &HashMap<String, SpanUse>,
    team: &HashSet<String>,
) -> HashMap<String, (String, u32)> {
    let mut common: HashMap<usize, Vec<(&str, u32)>> = HashMap::new();
    for (c, u) in uses {
        if u.docs >= SPAN_COMMON {
            common
                .entry(c.len())
                .or_default()
                .push((c.as_str(), u.docs));
        }
    }
    // Code the doc set also writes in another case is that code capitalised (`Kuma-dp` at a
    // sentence's start, where the docs write `kuma-dp`), not a slip toward its neighbour (`kuma-cp`).
    let mut spellings: HashMap<String, u32> = HashMap::new();
    for c in uses.keys() {
        *spellings.entry(c.to_ascii_lowercase()).or_default() += 1;
    }
    let mut out = HashMap::new();
    for (rare, u) in uses {
        let lower = rare.to_ascii_lowercase();
        if u.docs != 1
            || u.uses != 1
            || team.contains(&rare.to_lowercase())
            || spellings.get(&lower).is_some_and(|&n| n > 1)
        {
            continue;
        }
        let Some(same_length) = common.get(&rare.len()) else {
            continue;
        };
        let near: Vec<&(&str, u32)> = same_length
            .iter()
            .filter(|(c, _)| one_slip(rare, c))
            .collect();
        if let [(fix, docs)] = near.as_slice()
            && makes_a_non_word(rare, fix)
        {
            out.insert(rare.clone(), ((*fix).to_owned(), *docs));
        }
    }
    out
}

/// Does the slip turn a part of the name (split as [`parts`] splits it) of four letters or more into
/// a word no dictionary knows? Two real names one key apart are mostly both made of words (`strong`
/// and `string`, `.clock()` and `.click()`, `TraitDef` and `TraitRef`); a slip mostly makes a non-word
/// (`experimnetal`, `useSumbit`).
fn makes_a_non_word(typo: &str, fix: &str) -> bool {
    // Where the letters differ, not where only their case does (`Kuma-dp` and `kuma-cp` differ at
    // the "d").
    let Some(at) = typo
        .bytes()
        .zip(fix.bytes())
        .position(|(a, b)| !a.eq_ignore_ascii_case(&b))
    else {
        return false;
    };
    parts(typo)
        .into_iter()
        .find(|(start, part)| *start <= at && at < start + part.len())
        .is_some_and(|(_, part)| {
            part.len() >= 4
                && !crate::core::rules::dictionary::is_known_word(part)
                && !crate::core::rules::dictionary::is_listed(&part.to_ascii_lowercase())
        })
}

/// Is `typo` `fix` with one finger slip in its letters (same length, same case where they agree)?
fn one_slip(typo: &str, fix: &str) -> bool {
    let diff: Vec<usize> = typo
        .bytes()
        .zip(fix.bytes())
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, _)| i)
        .collect();
    let letters = diff.iter().all(|&i| {
        typo.as_bytes()[i].is_ascii_alphabetic() && fix.as_bytes()[i].is_ascii_alphabetic()
    });
    !diff.is_empty()
        && diff.len() <= 2
        && letters
        && !typo.eq_ignore_ascii_case(fix)
        && super::finger_slip(&typo.to_ascii_lowercase(), &fix.to_ascii_lowercase())
}

/// Findings on inline code one slip from the doc set's common code (see [`span_slips`]); a span with
/// a known misspelling flagged in it (`typos`: [`check`] says so) is left to that finding.
pub(super) fn check_spans(
    slips: &HashMap<String, (String, u32)>,
    typos: &HashSet<String>,
    doc: &DocProse<'_>,
    out: &mut Vec<Hit>,
) {
    if doc.prose.code_spans.is_empty() || !doc.plainly_english() {
        return;
    }
    let first = doc.prose.first_code_span();
    for (k, span) in doc.prose.code_spans.iter().enumerate() {
        let code = span.text.as_str();
        let Some((fix, docs)) = slips.get(code) else {
            continue;
        };
        if parts(code)
            .iter()
            .any(|(_, p)| typos.contains(&p.to_ascii_lowercase()))
        {
            continue;
        }
        // Written in one of this doc's code blocks too: meant as written.
        let in_block = doc.prose.code.iter().any(|r| {
            doc.file
                .get(r.clone())
                .is_some_and(|c| c.contains('\n') && c.contains(code))
        });
        if in_block {
            continue;
        }
        out.push(Hit {
            block: first + k,
            range: 0..code.len(),
            rule: SLIP.into(),
            message: format!("`{code}` is one slip from `{fix}`, which {docs} docs write."),
            replacements: vec![fix.clone()],
        });
    }
}

/// The shortest part of a name judged as a slip toward a word (see [`part_slips`]).
const SLIP_PART: usize = 6;

/// How the doc set writes a part of a name in inline code that no dictionary knows.
#[derive(Debug, Default, Clone, Copy, Serialize, Deserialize)]
pub(super) struct PartUse {
    pub(super) docs: u32,
    pub(super) uses: u32,
}

/// Is a part of a name (lower case) a word no dictionary knows and no rule of English builds: not a
/// known word with an ending or a prefix, not two words joined (a name glues words: `--oneline` is
/// no slip for "online"), not a technical term?
fn unknown_part(lower: &str) -> bool {
    lower.len() >= SLIP_PART
        && !is_known(lower)
        && !dictionary::is_listed(lower)
        && !super::words::derived(lower)
        && !super::words::is_term(lower)
        && super::super::misspellings::corrections(lower).is_none()
}

/// Records the unknown parts of one inline code span's name.
pub(super) fn count_parts(code: &str, seen: &mut HashMap<String, PartUse>) {
    if !names_code(code) {
        return;
    }
    for (_, part) in parts(code) {
        let lower = part.to_ascii_lowercase();
        if part.len() >= SLIP_PART && unknown_part(&lower) {
            let e = seen.entry(lower).or_default();
            e.docs = 1;
            e.uses += 1;
        }
    }
}

/// Is an inline code span a name to read for slips: one line, no address, not a placeholder in
/// another language's words?
pub(super) fn names_code(code: &str) -> bool {
    !code.contains('\n')
        && !code.contains("://")
        && !code.contains('@')
        && !code.starts_with("www.")
}

/// The unknown parts of names in inline code that may be slips: written once in the whole doc set,
/// never in its prose (`prose`: the unknown words the prose writes), not the team's.
pub(super) fn part_slips(
    uses: &HashMap<String, PartUse>,
    prose: &HashMap<String, super::Uses>,
    team: &HashSet<String>,
) -> HashSet<String> {
    uses.iter()
        .filter(|(w, u)| {
            u.docs == 1 && u.uses == 1 && !prose.contains_key(*w) && !team.contains(*w)
        })
        .map(|(w, _)| w.clone())
        .collect()
}

/// The word a part of a name in inline code is one slip from (`priviliged`: "privileged",
/// `useranme`: "username"): the only dictionary word of its first letter one letter left out, added,
/// swapped or mistyped away, which the doc's prose writes itself. An API's own coinage is written
/// more than once, or beside its words in prose; a slip is written once, near the word it spoils.
fn slip_toward_prose(doc: &DocProse<'_>, lower: &str) -> Option<String> {
    // A name glued to "js" names JavaScript's part of a thing (`importjs` beside `importc`), as in
    // prose (see `likely_typo`).
    if lower.ends_with("js") {
        return None;
    }
    let near: Vec<String> = dictionary::near_words_remembered(lower)
        .into_iter()
        .filter(|c| {
            c.len() >= SLIP_PART
                && c.chars().all(|c| c.is_ascii_lowercase())
                && c.chars().next() == lower.chars().next()
                && strsim::osa_distance(lower, c) == 1
        })
        .collect();
    match near.as_slice() {
        [only] if doc.writes(only) => Some(only.clone()),
        _ => None,
    }
}

/// Findings on parts of inline code that are slips toward a word the doc writes (see
/// [`part_slips`], [`slip_toward_prose`]); a span one slip from the doc set's common code (`spans`)
/// is left to [`check_spans`].
pub(super) fn check_parts(
    slips: &HashSet<String>,
    spans: &HashMap<String, (String, u32)>,
    doc: &DocProse<'_>,
    out: &mut Vec<Hit>,
) {
    if doc.prose.code_spans.is_empty() || !doc.plainly_english() {
        return;
    }
    let first = doc.prose.first_code_span();
    for (k, span) in doc.prose.code_spans.iter().enumerate() {
        let code = span.text.as_str();
        if !names_code(code) || spans.contains_key(code) {
            continue;
        }
        for (at, part) in parts(code) {
            let lower = part.to_ascii_lowercase();
            if part.len() < SLIP_PART || !slips.contains(&lower) || deliberate(code, at, part) {
                continue;
            }
            // Shown in one of the doc's code blocks: the name is meant.
            let shown = doc.prose.code.iter().any(|r| {
                doc.file.get(r.clone()).is_some_and(|c| {
                    c.contains('\n') && c.to_ascii_lowercase().contains(lower.as_str())
                })
            });
            if shown {
                continue;
            }
            let Some(fix) = slip_toward_prose(doc, &lower) else {
                continue;
            };
            let fix = super::super::misspellings::match_case(part, &fix);
            out.push(Hit {
                block: first + k,
                range: at..at + part.len(),
                rule: LIKELY.into(),
                message: format!("\"{part}\" in `{code}` looks like a slip for \"{fix}\"."),
                replacements: vec![fix],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each doc's code findings as (part, first fix), with the team accepting `accept`.
    fn found(docs: &[&str], accept: &[&str]) -> Vec<Vec<(String, String)>> {
        super::super::tests::found_with(docs, accept, MIN_DOCS, &[TYPO])
            .into_iter()
            .map(|hits| {
                hits.into_iter()
                    .map(|(_, part, fixes)| (part, fixes[0].clone()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_known_misspelling_in_one_doc_s_inline_code_is_flagged_in_its_case() {
        let doc = "Put it in `.github/worflows`, call `resources.Fingerpint` and `is_sign_poitive`.\n\n\
                   The `highlight` shortcode is the one to use.\n\nIt is not `hightlight` in the text.\n";
        assert_eq!(
            found(&[doc], &[])[0],
            [
                ("worflows".to_owned(), "workflows".to_owned()),
                ("Fingerpint".to_owned(), "Fingerprint".to_owned()),
                ("poitive".to_owned(), "positive".to_owned()),
                ("hightlight".to_owned(), "highlight".to_owned()),
            ]
        );
    }

    #[test]
    fn a_misspelling_the_doc_s_code_also_writes_corrected_is_a_slip_wherever_it_is_written() {
        // Shown in a code block too, but the doc's code names the API corrected as well.
        let doc = "### `protocol.registerSchemesAsPrivileged(schemes)`\n\n\
                   `protocol.registerSchemesAsPriviliged` can be used to replace the old calls that \
                   were there before the new version, for example:\n\n\
                   ```js\nprotocol.registerSchemesAsPriviliged([])\n```\n";
        assert_eq!(
            found(&[doc], &[])[0],
            [("Priviliged".to_owned(), "Privileged".to_owned())]
        );
        // Only the whole name corrected counts: `registerSchemesAsPrivilegedAll` is another name.
        let other = doc.replace("Privileged(", "PrivilegedAll(");
        assert_eq!(found(&[other.as_str()], &[])[0], []);
        // A plural the list corrects is no slip, whatever the code writes beside it.
        let french = "French pages put a space before the colon, as in `informations :` and the \
                      like, which the English page does not do at all.\n\n\
                      ```md\n> informations : More information\n```\n";
        assert_eq!(found(&[french], &[])[0], []);
        // Inside a name too: a map of `strictUntil` values is `strictUntils`.
        let plural = "Strict mode (the `strictUntils` map, `setStrictUntil`) is kept, for every \
                      instance of the region that shares the state.\n\n```go\nstrictUntil := now\n```\n";
        assert_eq!(found(&[plural], &[])[0], []);
        // An "s" doubled at a word's end is a slip, not a plural.
        let doubled = "Pass the `accesssToken` to the client when it logs in, as the login step \
                       returns it.\n\n```js\nconst accessToken = login();\n```\n";
        assert_eq!(
            found(&[doubled], &[])[0],
            [("accesss".to_owned(), "access".to_owned())]
        );
    }

    #[test]
    fn the_api_s_own_spelling_an_address_and_a_label_are_left_alone() {
        // Written in a code block, or in the code of two docs: the API is named so.
        let shown = "Set `hightlight` here.\n\n```toml\nhightlight = true\n```\n";
        let twice = ["Use `get_reciever()`.\n", "Call `get_reciever()` again.\n"];
        let others = "See `https://example.com/worflows` and [`Fingerpint`].\n\n\
                      [`Fingerpint`]: https://example.com/f\n";
        assert_eq!(
            found(&[shown, twice[0], twice[1], others], &[]),
            vec![Vec::new(); 4]
        );
        // Written so on purpose: cut short, spoken, a menu hint, a name, an old name beside the new one.
        let purpose = "A string like `wrapp...` or `gettin'` or `[c]reate` by `Herbert Treis`; the \
                       team renamed `useBuiltinInstatiation` to `useBuiltinInstantiation` in this release.\n";
        assert_eq!(found(&[purpose], &[]), vec![Vec::new()]);
        // A page whose prose is not English keeps placeholders in its language.
        let translated = "Tampilkan panggilan sistem:\n\n`truss -t {{nama_panggilan_sistem}}`\n";
        assert_eq!(found(&[translated], &[]), vec![Vec::new()]);
        // Named after what the prose beside it names: its table row, its paragraph; not another row's
        // name, nor the word in lower case (the same slip).
        let named = "| Secret | What it is for |\n|---|---|\n| `RELACE_API_KEY` | Relace API key |\n\
                     | `RECIEVE_TOKEN` | Token for replies |\n| `RELACE_TOKEN` | Token for relace edits |\n\n\
                     Relace makes the edits: set `RELACE_URL` to the endpoint you use for them.\n";
        assert_eq!(
            found(&[named], &[]),
            vec![vec![
                ("RECIEVE".to_owned(), "RECEIVE".to_owned()),
                ("RELACE".to_owned(), "REPLACE".to_owned()),
            ]]
        );
        // The team accepts it.
        let doc = "Put it in `.github/worflows`.\n";
        assert_eq!(found(&[doc], &["worflows"]), vec![Vec::new()]);
    }

    /// Each doc's code-slip findings as (span, fix).
    fn slips_found(docs: &[&str], accept: &[&str]) -> Vec<Vec<(String, String)>> {
        super::super::tests::found_with(docs, accept, MIN_DOCS, &[SLIP])
            .into_iter()
            .map(|hits| {
                hits.into_iter()
                    .map(|(_, span, fixes)| (span, fixes[0].clone()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn code_one_slip_from_the_doc_set_s_common_code_is_flagged() {
        let common =
            "Delete `node_modules` and `.gitignore`, then set `enableGitInfo` and `useSubmit`.\n";
        let slip = "Then you remove the `node_nodules` folder, edit the `.gitigonre` file, set \
                    `enableGitInto` to true and call `useSumbit` in the config of this site.\n";
        let found = slips_found(&[common, common, common, slip], &[]);
        // A slip that makes another word (`nodules`, `Into`) is left alone: real names differ so too.
        assert_eq!(
            found[3],
            [
                (".gitigonre".to_owned(), ".gitignore".to_owned()),
                ("useSumbit".to_owned(), "useSubmit".to_owned()),
            ]
        );
        assert!(found[..3].iter().all(Vec::is_empty));
    }

    #[test]
    fn code_the_doc_set_writes_in_another_case_is_no_slip() {
        let common = "Start `zorbixcontrol` first, then each node of the mesh joins it.\n";
        let lower = "Run `zorbixcintrol` to tune that value for each of the workers.\n";
        let capital = "When the value is not set, the machine's threads are counted. `Zorbixcintrol` \
                       allows tuning that value by providing a flag with the number of threads.\n";
        // Written once, the slip is found.
        let found = slips_found(&[common, common, common, lower], &[]);
        assert_eq!(
            found[3],
            [("zorbixcintrol".to_owned(), "zorbixcontrol".to_owned())]
        );
        let found = slips_found(&[common, common, common, capital], &[]);
        assert_eq!(
            found[3],
            [("Zorbixcintrol".to_owned(), "zorbixcontrol".to_owned())]
        );
        // Written in two cases, it is that code, capitalised once.
        let found = slips_found(&[common, common, common, lower, capital], &[]);
        assert!(found.iter().all(Vec::is_empty), "{found:?}");
        // A capital is no slip: `Kuma-dp` is one slip from `kuma-cp` at the "d", in a part of two
        // letters, where two real names differ as often as a slip makes them.
        let cp = "Start `kuma-cp` first, then each node of the mesh joins it.\n";
        let dp = "When the value is not set, the machine's threads are counted. `Kuma-dp` allows \
                  tuning that value by providing a flag with the number of threads.\n";
        let found = slips_found(&[cp, cp, cp, dp], &[]);
        assert!(found.iter().all(Vec::is_empty), "{found:?}");
    }

    #[test]
    fn a_known_misspelling_in_the_span_is_one_finding_not_two() {
        let common = "Call `useSubmit` in this page of the guide for the form and the data.\n";
        let slip = "Then you call `useSumbit` in the form of this page and the data is sent.\n";
        let found = super::super::tests::found_with(
            &[common, common, common, slip],
            &[],
            MIN_DOCS,
            &[SLIP, TYPO],
        );
        let rules: Vec<&str> = found[3].iter().map(|(rule, _, _)| rule.as_str()).collect();
        assert_eq!(rules, [TYPO]);
        let alone = super::super::tests::found_with(
            &[common, common, common, slip],
            &[],
            MIN_DOCS,
            &[SLIP],
        );
        assert_eq!(alone[3].len(), 1, "{alone:?}");
    }

    #[test]
    fn other_names_near_common_code_are_left_alone() {
        let common =
            "Use `conv1d_layer`, `enable_all`, `Install` and `node_modules` in `amd64_build`.\n";
        // A digit, a letter added, a case change, a key far from the one meant, code the doc shows in
        // a block, code two docs write, and the team's word.
        let others = [
            "In this guide we use `conv2d_layer`, `enable_alls`, `INSTALL` and `node_xodules` for the site.\n",
            "In this guide the `arm64_build` is set for the site.\n\n```sh\nmake arm64_build\n```\n",
            "In this guide the `node_nodules` folder is named for the site.\n",
            "In this guide the `node_nodules` folder is named again for the site.\n",
            "In this guide the `amd64_buils` target is the one of the team for the site.\n",
        ];
        let mut docs = vec![common; 3];
        docs.extend(others);
        // Without the team's word, only it is flagged: the others are judged and left alone.
        let found = slips_found(&docs, &[]);
        assert_eq!(
            found[7],
            [("amd64_buils".to_owned(), "amd64_build".to_owned())]
        );
        assert!(found[..7].iter().all(Vec::is_empty), "{found:?}");
        let found = slips_found(&docs, &["amd64_buils"]);
        assert!(found.iter().all(Vec::is_empty), "{found:?}");
    }

    /// Each doc's findings of slips in code toward the doc's words as (part, fix).
    fn toward_prose(docs: &[&str], accept: &[&str]) -> Vec<Vec<(String, String)>> {
        super::super::tests::found_with(docs, accept, MIN_DOCS, &[LIKELY])
            .into_iter()
            .map(|hits| {
                hits.into_iter()
                    .map(|(_, part, fixes)| (part, fixes[0].clone()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_part_of_code_one_slip_from_a_word_the_doc_writes_is_flagged_in_its_case() {
        let doc = "A schedule is shown by `app.showSchedlue`, and the username is checked by \
                   `github_useranme_matches` for the user.\n";
        assert_eq!(
            toward_prose(&[doc], &[])[0],
            [
                ("Schedlue".to_owned(), "Schedule".to_owned()),
                ("useranme".to_owned(), "username".to_owned()),
            ]
        );
    }

    #[test]
    fn a_name_the_doc_writes_with_its_capitals_is_no_misspelling_in_code() {
        let named = "The resources each service bills for are listed here by their names.\n\n\
                     The big data service of Azure, Hdinsight, bills for the \
                     `azurerm_hdinsight_hbase_cluster` resource.\n";
        assert_eq!(found(&[named], &[])[0], []);
        let cell = "The resources each service bills for are listed here by their names.\n\n\
                    | Service | Resource |\n|---|---|\n| HDInsight | the hbase cluster |\n\n\
                    The big data service bills for the `azurerm_hdinsight_hbase_cluster` resource.\n";
        assert_eq!(found(&[cell], &[])[0], []);
        let plain = named.replace(", Hdinsight,", "");
        assert_eq!(
            found(&[plain.as_str()], &[])[0],
            [("hdinsight".to_owned(), "hindsight".to_owned())]
        );
    }

    #[test]
    fn a_name_the_doc_set_means_is_no_slip_in_code() {
        let lead =
            "A schedule is shown here for the user, with a snapshot, and the line is online.\n";
        // Written twice in the doc set, shown in a code block, written in prose too, two words
        // glued (`--oneline`), a word the doc does not write.
        let twice = format!("{lead}\nCall `showSchedlue` first.\n");
        let shown = format!("{lead}\nCall `makeSchedlue`.\n\n```js\nmakeSchedlue()\n```\n");
        let prose =
            format!("{lead}\nCall `takeSnapshto`; a Snapshto is one. Every Snapshto has a name.\n");
        let others = format!("{lead}\nRun `git log --oneline` and use `Serailize` for it.\n");
        // JavaScript's part of a thing, beside the others: "importjs", not "imports".
        let docs = [twice.as_str(), twice.as_str(), &shown, &prose, &others];
        assert_eq!(toward_prose(&docs, &[]), vec![Vec::new(); 5]);
        let js =
            format!("{lead}\nEach of them imports a symbol: `importc`, `importcpp`, `importjs`.\n");
        assert_eq!(toward_prose(&[&js], &[]), vec![Vec::new()]);
        // Once, it is a slip; unless the team accepts the word.
        assert_eq!(toward_prose(&[&twice], &[]).concat().len(), 1);
        assert_eq!(toward_prose(&[&twice], &["schedlue"]), vec![Vec::new()]);
    }

    #[test]
    fn names_split_at_symbols_and_humps() {
        let words: Vec<&str> =
            parts("registerSchemesAsPriviliged HTTPServer .github/worflows is_sign_poitive x2y")
                .into_iter()
                .map(|(_, p)| p)
                .collect();
        assert_eq!(
            words,
            [
                "register",
                "Schemes",
                "As",
                "Priviliged",
                "HTTP",
                "Server",
                "github",
                "worflows",
                "is",
                "sign",
                "poitive",
                "x",
                "y"
            ]
        );
    }
}
