//! Which words of a block are spelling candidates: known misspellings where they stand in running text,
//! and words no dictionary or vocabulary knows whose shape does not say "name" or "term"; and the one
//! word a likely typo is a slip for.

use super::*;

/// The English word an unknown word at `view` of block `b` is a slip for, if one is (see [`LIKELY`]),
/// then any other common words the commonest slips explain as well; none in link texts nor for a word
/// the doc's links contain, and for a lower-case word none in headings and table cells.
pub(super) fn likely_typo(
    doc: &DocProse<'_>,
    b: usize,
    view: std::ops::Range<usize>,
    word: &str,
) -> Option<Vec<String>> {
    let letters = word.chars().count();
    let mut chars = word.chars();
    // "Wherther": a capital first letter and the rest lower case. A capital marks a name ("Bastian",
    // "Alacritty"), so the slip must be toward a word this doc writes; it is looked for in lower case
    // and offered in the word's case.
    let capital = match chars.next() {
        Some(c) if c.is_ascii_uppercase() => true,
        Some(c) if c.is_ascii_lowercase() => false,
        _ => return None,
    };
    if letters < MIN_LETTERS || !chars.all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    // Words of five or six letters have more words one slip away by chance (see below).
    let short = letters < LIKELY_LETTERS;
    let cased = word;
    let lower = word.to_ascii_lowercase();
    let word = lower.as_str();
    // A name glued to "js" is a JavaScript library's or format's ("commonjs", "nodejs"), not a slip
    // toward an English word ("commons").
    if word.ends_with("js") {
        return None;
    }
    let block = &doc.prose.blocks[b];
    if (!capital && matches!(block.kind, BlockKind::Heading | BlockKind::TableCell))
        || doc.whole_link_text(b, view.clone())
        || doc.link_text(b, view.clone()).is_some()
        || doc
            .prose
            .links
            .iter()
            .any(|l| l.text.to_lowercase().contains(word))
    {
        return None;
    }
    // A block that is only this word (a list of handles: "- immutablet", "* tim-sendible") names
    // someone; a word in quotes is mentioned, often coined ("\"springified\" binstubs").
    let text = block.text.as_str();
    let (start, end) = (view.start, view.end);
    let bare = |c: char| c.is_whitespace() || c == '-' || c == '_' || c.is_alphanumeric();
    if text.trim().chars().all(bare) && !text.trim().contains(char::is_whitespace) {
        return None;
    }
    if crate::core::rules::text::quoted(text, start, end) {
        return None;
    }
    if names_a_thing(&text[end..]) || in_list_of_names(text, start) {
        return None;
    }
    // A negation written without its apostrophe ("wasnt", "doesnt") is that negation.
    if let Some(stem) = word.strip_suffix("nt")
        && stem.len() >= 2
    {
        let full = format!("{stem}n't");
        if dictionary::is_known(&full) {
            return Some(vec![if capital {
                crate::core::rules::text::capitalise(&full)
            } else {
                full
            }]);
        }
    }
    let near = dictionary::near_words_remembered(word);
    let plain = |c: &&String| {
        c.chars().all(|c| c.is_ascii_lowercase())
            && c.len() >= 4
            && c.replace(['-', ' ', '\''], "") != word
            // Slips almost never change a word's first letter; another first letter is another word
            // ("decapsulate", not "encapsulate").
            && c.chars().next() == word.chars().next()
    };
    let at = |d: usize| -> Vec<&String> {
        near.iter()
            .filter(plain)
            .filter(|c| strsim::osa_distance(word, c) == d)
            .collect()
    };
    // One slip only (harper searches two edits deep, as it counts two swapped letters as two): a word
    // two slips from the nearest is a guess. Of several words one slip away, the only one a finger
    // slip explains is the word meant ("customm": "custom", a key pressed twice; not "customs").
    // A letter added at the end is a key pressed twice ("customm") or an ending the dictionary
    // lacks ("brackety", "immutablet"): only the first is a slip.
    // A word is common when people misspell it too, or when this doc writes it elsewhere: the word its
    // writer uses is the word a slip was made toward ("feature unifcation" in a doc of "unification").
    // The singular of a plural the doc writes ("smartypant processors") is a form, not a slip.
    let common = |c: &&&String| {
        ((!capital && crate::core::rules::misspellings::frequency(c) >= LIKELY_COMMON)
            || (doc.writes(c) && c.strip_suffix('s') != Some(word)))
            && !(word.len() == c.len() + 1
                && word.starts_with(c.as_str())
                && !word.ends_with(&c[c.len() - 1..]))
    };
    let one = at(1);
    if capital
        && !persons_name(doc, b, view.clone())
        && let Some(name) = slip_from_name(doc, cased, &one)
    {
        return Some(vec![name]);
    }
    // A letter left out or two neighbours swapped are the commonest slips and rarely make another
    // form of a word (a letter added makes compounds and endings: "skillsets", "checksumming"), so
    // a word only such a slip from one dictionary word is that word, however rare ("unifcation",
    // "aflicted"), in a doc written in English and not a part of a hyphenated coinage ("de-magified").
    // A letter before an English word is a coined name, not a word with its second letter left out
    // ("rvalues" beside "lvalues", not "revalues"); a letter left out further on is a slip
    // ("pemitted", though "emitted" is a word).
    let hyphen = ['-', '\u{2010}', '\u{2011}'];
    let plain_slip = |c: &String| {
        let left_out = dropped(word, c)
            .is_some_and(|at| at != 1 || !super::words::known_or_inflected(&word[1..]));
        !capital
            && (left_out || swapped(word, c))
            && !text[..start].ends_with(hyphen)
            && !text[end..].starts_with(hyphen)
            && doc.plainly_english()
    };
    // A short capitalised word is a name unless one slip from a name the doc writes (above).
    if short && capital {
        return None;
    }
    // A short word is the one word a letter left out (not the second before a word: "ident" names an
    // identifier, not "indent") or two letters swapped explain ("inupt": "input", not "inept"), or
    // the only word one slip away when that slip is a finger's (not the first letter pressed twice, a
    // coined name: "bbolt", "uutils"); and a common one.
    if short {
        // Nor a part of a hyphenated name ("rxjs-compat").
        if text[..start].ends_with(hyphen) || text[end..].starts_with(hyphen) {
            return None;
        }
        let plain: Vec<&&String> = one
            .iter()
            .filter(|c| {
                swapped(word, c)
                    || dropped(word, c)
                        .is_some_and(|at| at != 1 || !super::words::known_or_inflected(&word[1..]))
            })
            .collect();
        let doubled_first = word.as_bytes().get(1) == word.as_bytes().first();
        let pick = match (one.as_slice(), plain.as_slice()) {
            (_, [only]) => Some(**only),
            ([only], []) if finger_slip(word, only) && !doubled_first => Some(*only),
            _ => None,
        };
        return pick.filter(|c| common(&c)).map(|c| vec![c.clone()]);
    }
    let fixes: Vec<String> = match one.as_slice() {
        [only] if common(&only) || plain_slip(only) => vec![(*only).clone()],
        [_, _, ..] => match one
            .iter()
            .filter(|c| finger_slip(word, c))
            .collect::<Vec<_>>()
            .as_slice()
        {
            // The finger slip first; then the common words a letter left out or two neighbours
            // swapped explain as well, the commonest slips ("exporations": "expirations", an "o" hit
            // for the "i" beside it, or "explorations", an "l" left out).
            [only] if common(only) => std::iter::once((**only).clone())
                .chain(
                    one.iter()
                        .filter(|c| c.as_str() != only.as_str() && common(c))
                        .filter(|c| dropped(word, c).is_some() || swapped(word, c))
                        .map(|c| (*c).clone()),
                )
                .take(3)
                .collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    if fixes.is_empty() {
        return None;
    }
    Some(if capital {
        fixes
            .iter()
            .map(|f| crate::core::rules::text::capitalise(f))
            .collect()
    } else {
        fixes
    })
}

/// The name the doc writes again and again that a capitalised word is one slip from ("Jekull" in a doc
/// that writes "Jekyll" throughout), when no other word the doc writes is as near (`near`: the
/// dictionary's words one slip away). A name is written with its capital inside sentences (a "Marks"
/// that opens them is no name, see [`DocProse::capitalised`]); a name with a letter more or less at its
/// end is another name ("Istio", "Istiod").
fn slip_from_name(doc: &DocProse<'_>, word: &str, near: &[&String]) -> Option<String> {
    let first = word.chars().next();
    let mut names = doc.capitalised().iter().filter(|(name, uses)| {
        **uses >= NAME_USES
            && name.chars().next() == first
            && name.len() + 1 >= word.len()
            && strsim::osa_distance(word, name) == 1
            && !word.starts_with(name.as_str())
            && !name.starts_with(word)
    });
    let (Some((name, _)), None) = (names.next(), names.next()) else {
        return None;
    };
    let lower = name.to_lowercase();
    (!near.iter().any(|c| c.as_str() != lower && doc.writes(c))).then(|| name.clone())
}

/// Is the capitalised word at `view` of block `b` a person's name, of whom a doc names many ("Vasile"
/// in a changelog that thanks "Vasily" often)? It stands beside another capitalised word outside a
/// heading (where title case capitalises every word): "Vasile Razdalovschi", "Tetsuya Shiota", but not
/// "Install Jekull", a sentence's first word. Or it opens a line with an address on it ("- Jonta
/// <…@…>", "- Pieter van Oostrum <…@…>").
fn persons_name(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    let block = &doc.prose.blocks[b];
    let text = block.text.as_str();
    let (start, end) = (view.start, view.end);
    let beside = block.kind != BlockKind::Heading && {
        let next = text[end..].trim_start_matches([' ', '\u{a0}']);
        let before = text[..start].trim_end_matches([' ', '\u{a0}']);
        let last = before
            .rfind(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        let previous = &before[last..];
        next.starts_with(char::is_uppercase)
            || (previous.starts_with(char::is_uppercase)
                && (!crate::core::rules::text::starts_sentence(text, last)
                    || !dictionary::is_known(&previous.to_lowercase())))
    };
    let addressed = || {
        text[..start].trim().is_empty()
            && block.to_source_lossy(view.clone()).is_some_and(|src| {
                doc.file[src.end..]
                    .lines()
                    .next()
                    .is_some_and(|line| line.contains('@'))
            })
    };
    beside || addressed()
}

/// Where `fix` has the letter `typo` left out, when that is the only difference and not `fix`'s last
/// letter (a dropped last letter makes another form: "smartypant").
fn dropped(typo: &str, fix: &str) -> Option<usize> {
    let (t, f) = (typo.as_bytes(), fix.as_bytes());
    if f.len() != t.len() + 1 {
        return None;
    }
    let at = t.iter().zip(f).position(|(a, b)| a != b)?;
    (t[at..] == f[at + 1..]).then_some(at)
}

/// Is `typo` `fix` with two neighbouring letters swapped?
fn swapped(typo: &str, fix: &str) -> bool {
    let (t, f) = (typo.as_bytes(), fix.as_bytes());
    let diff: Vec<usize> = (0..t.len().min(f.len()))
        .filter(|&i| t[i] != f[i])
        .collect();
    t.len() == f.len()
        && matches!(diff.as_slice(), [i, j] if *j == i + 1 && t[*i] == f[*j] && t[*j] == f[*i])
}

/// What kind of spelling candidate a word is.
pub(super) enum Candidate {
    /// A known misspelling, with its corrections in the word's case.
    Typo(Vec<String>),
    /// Unknown to the dictionary and to everything that marks terms.
    Unknown,
    /// Like [`Candidate::Unknown`], with a capital first letter: a name, unless one slip from a word the
    /// doc writes.
    Capital,
}

/// Calls `f` with each candidate word of block `b`: known misspellings, and prose words the dictionary
/// does not know and whose shape does not say "term" or "name". A hyphenated word is judged by its parts;
/// a possessive `'s` is not part of the word.
pub(super) fn candidates(doc: &DocProse<'_>, b: usize, mut f: impl FnMut(Word, &str, Candidate)) {
    let text = doc.prose.blocks[b].text.as_str();
    if !crate::core::rules::language::is_english(text, doc.words(b)) || mentions_typos(text) {
        return;
    }
    for &w in doc.words(b) {
        if technical_neighbours(text, w) && !slash_alternative(text, w) {
            continue;
        }
        let whole = w.text(text);
        // Three or more parts joined by hyphens name a flag, a package or a job ("kube-qpi-burst",
        // "gke-kubernetes-engprod"): a part is judged only when all the others are English
        // ("ignore-worksapce-cycles").
        let many = whole.split('-').filter(|p| !p.is_empty()).count() >= 3;
        let mut start = w.start;
        for part in whole.split('-') {
            let word = part
                .strip_suffix("'s")
                .or_else(|| part.strip_suffix("\u{2019}s"))
                .unwrap_or(part);
            let here = Word {
                start,
                end: start + word.len(),
            };
            start += part.len() + 1;
            if word.is_empty()
                || (many
                    && whole
                        .split('-')
                        .any(|p| !p.is_empty() && p != part && !is_known(p)))
            {
                continue;
            }
            // "somethin'", "gettin'": a dropped "g" written on purpose.
            let after = &text[here.end..];
            if after.starts_with(['\'', '\u{2019}'])
                && !after.chars().nth(1).is_some_and(char::is_alphanumeric)
                && word.ends_with("in")
                && is_known(&format!("{word}g"))
            {
                continue;
            }
            if let Some(fixes) = typo(word) {
                // In prose a camel-case word with a misspelt part is a name ("FlippinBerger", a
                // handle) unless the doc writes the mended name ("BroswerWindow" beside
                // "BrowserWindow").
                let camel = word.chars().skip(1).any(|c| c.is_ascii_uppercase());
                if camel && !fixes.iter().any(|f| doc.file.contains(f.as_str())) {
                    continue;
                }
                if plain_typo(doc, b, whole, here, word) {
                    f(here, word, Candidate::Typo(fixes));
                }
                continue;
            }
            if looks_technical(word) {
                continue;
            }
            let unknown = |w: &str| {
                !is_known(w)
                    && !dictionary::is_listed(&w.to_lowercase())
                    && !is_other_dialect(w)
                    && !is_derived(w)
                    && !is_term(w)
            };
            // A capitalised word is a name (a product, a person, a place), at a sentence start too: in
            // docs, names open list items, headings and table cells all the time. A long one may still
            // be a slip for a word the doc writes (see [`likely_typo`]).
            if word.chars().next().is_some_and(char::is_uppercase) {
                if word.chars().count() >= MIN_LETTERS && unknown(word) {
                    f(here, word, Candidate::Capital);
                }
                continue;
            }
            if unknown(word) {
                f(here, word, Candidate::Unknown);
            }
        }
    }
}

/// Does a block speak of typos ("fix typo in example usage "occured"", "Docs: fixes typo
/// peerDepencies")? Its misspellings are quoted, not made.
fn mentions_typos(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        ["typo", "typos", "typoed"]
            .iter()
            .any(|t| w.eq_ignore_ascii_case(t))
            || w.get(..7)
                .is_some_and(|p| p.eq_ignore_ascii_case("misspel"))
    })
}

/// Does a noun for one package follow the word ("the clircle dependency", "the listhen package")? Then
/// the word is that package's name, however close to a word. Not before a plural: "the outdtaed
/// dependencies" describes them.
fn names_a_thing(after: &str) -> bool {
    const THINGS: &[&str] = &["crate", "dependency", "gem", "library", "package", "plugin"];
    let next = after
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    THINGS.contains(&next)
}

/// Does the word open an item of a list of names, in a comma list of four items or more where two
/// others open with a capital or are file names ("ASP, Bazel, dvc, Futhark, pofiles (from GNU
/// gettext)", "config.ru, Gemfile, Gemfile.lock, procfile, rake")? A name in lower case among names.
fn in_list_of_names(text: &str, start: usize) -> bool {
    // The sentence, not cut at a dot inside a file name ("Gemfile.lock", "config.ru").
    let sentence = crate::core::rules::text::sentence_around(text, start..start);
    let items: Vec<(usize, &str)> = text[sentence.clone()]
        .split(',')
        .scan(sentence.start, |at, item| {
            let here = *at;
            *at += item.len() + 1;
            Some((here + (item.len() - item.trim_start().len()), item.trim()))
        })
        .collect();
    if items.len() < 4 || !items.iter().any(|&(at, _)| at == start) {
        return false;
    }
    let named = items
        .iter()
        .filter(|&&(at, item)| {
            at != start
                && item.split_whitespace().count() <= 2
                && (item.starts_with(char::is_uppercase) || item.contains('.'))
        })
        .count();
    named >= 2
}

/// Is a known misspelling at `here` a slip, not a name or a deliberate form? Capitalised, a short one is
/// a slip only inside running text, after the end of a sentence and before a lower-case word ("It works.
/// Occured twice"): at the start of a block (a list of people, a heading) and mid-sentence ("Big Sur")
/// a capital marks a name; a long one is a slip anywhere ("Certificate Transperancy"). A whole link text
/// is a name too, a prefix kept apart by a hyphen ("mis-parse") or a short part of a hyphenated word
/// is not a word of its own, and a word beside one with a letter English does not write belongs to
/// another language ("raison d'être").
pub(super) fn plain_typo(
    doc: &DocProse<'_>,
    b: usize,
    whole: &str,
    here: Word,
    word: &str,
) -> bool {
    let text = doc.prose.blocks[b].text.as_str();
    if whole.contains('-') {
        let lower = word.to_lowercase();
        if word.len() < 4 || PREFIXES.contains(&lower.as_str()) || lower == "mis" {
            return false;
        }
    }
    let mut chars = word.chars();
    let capitalised =
        chars.next().is_some_and(char::is_uppercase) && !chars.any(|c| c.is_uppercase());
    if capitalised {
        let kind = doc.prose.blocks[b].kind;
        let before = text[..here.start]
            .trim_end_matches(|c: char| c.is_whitespace() || "\"'“‘([*_".contains(c));
        // A sentence starts after a full stop, or at the start of a paragraph or list item; a name
        // is followed by another capitalised word ("Calle Englund").
        // A line of nothing but what is not prose (a shortcode's opening tag, "{{% note %}}") ends
        // no sentence, but the line after it opens the text the tag wraps.
        let ph = crate::core::markdown::PLACEHOLDER;
        let after_tag_line = before.ends_with(ph)
            && text[before.len()..here.start].contains('\n')
            && before
                .rsplit('\n')
                .next()
                .is_some_and(|line| line.chars().all(|c| c == ph || c.is_whitespace()));
        let starts = before.ends_with(['.', '!', '?'])
            || ((before.is_empty() || after_tag_line)
                && !matches!(kind, BlockKind::Heading | BlockKind::TableCell));
        let next = text[here.end..].trim_start();
        let next_lower = next.is_empty()
            || next.starts_with([',', ':', ';', '.'])
            || next
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(|c: char| c.is_lowercase());
        // A long word, anywhere: names are short or known, a long misspelling is a slip even where
        // a capital marks a name ("## Configure Syntax Hightlighter", "Certificate Transperancy").
        let long = word.chars().count() >= TYPO_LONG;
        if !((starts && next_lower) || long) {
            return false;
        }
        // After a capitalised word the dictionary does not know, a surname or a company in a list of
        // names ("Kelsey Grammer", "VeriSign, Nominet"); not after a word ("Certificate Transperancy").
        let previous = before
            .trim_end_matches(',')
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if previous.starts_with(char::is_uppercase)
            && !is_known(&previous.to_lowercase())
            && !dictionary::is_listed(&previous.to_lowercase())
        {
            return false;
        }
    }
    // A table cell of one short word is a key, an alias or a value ("| pacin | `sudo pacman -S` |"),
    // named as its program names it.
    if doc.prose.blocks[b].kind == BlockKind::TableCell
        && word.chars().count() <= 6
        && text.split_whitespace().count() == 1
    {
        return false;
    }
    // Beside a word with an accented letter that English does not know ("raison d'être"; not "naïve" or
    // "10 µs"), the word belongs to a phrase of another language.
    let foreign = |token: Option<&str>| {
        token.is_some_and(|t| {
            let t = t.trim_matches(|c: char| !c.is_alphanumeric());
            t.chars().any(|c| ('\u{c0}'..='\u{24f}').contains(&c))
                && !t.contains(|c: char| c.is_ascii_digit())
                && !super::words::known_or_inflected(&t.to_lowercase())
        })
    };
    !doc.whole_link_text(b, here.start..here.end)
        && !foreign(text[..here.start].split_whitespace().next_back())
        && !foreign(text[here.end..].split_whitespace().next())
}

/// A word spelled the way another English dialect spells a known word ("synthesised", "anonymising",
/// "colour", "centre", "travelled", "catalogue"): a choice of dialect, not a typo.
pub(super) fn is_other_dialect(word: &str) -> bool {
    const SWAPS: &[(&str, &str)] = &[
        ("is", "iz"),
        ("ys", "yz"),
        ("our", "or"),
        ("tre", "ter"),
        ("lled", "led"),
        ("lling", "ling"),
        ("ller", "ler"),
        ("ogue", "og"),
        ("ence", "ense"),
    ];
    let w = word.to_lowercase();
    SWAPS.iter().any(|(from, to)| {
        w.match_indices(from).any(|(i, _)| {
            let other = format!("{}{to}{}", &w[..i], &w[i + from.len()..]);
            is_known(&other) || affixed(&other)
        })
    })
}

/// A known misspelling, with its corrections in the word's case: the word itself ("occured"), or one
/// part of a camelCase name ("BroswerWindow" → "BrowserWindow"). Words of all capitals are acronyms.
pub(super) fn typo(word: &str) -> Option<Vec<String>> {
    if !word.is_ascii() || word.len() < 3 || is_all_upper(word) {
        return None;
    }
    if !word.chars().skip(1).any(|c| c.is_ascii_uppercase()) {
        if !word.chars().all(|c| c.is_ascii_alphabetic()) || is_known(word) {
            return None;
        }
        return crate::core::rules::misspellings::cased_corrections(word);
    }
    camel_typo(word).map(|fixed| vec![fixed])
}

/// A camelCase or PascalCase name with one misspelt part (of at least six letters): the name with that
/// part corrected ("BroswerWindow" → "BrowserWindow").
pub(super) fn camel_typo(word: &str) -> Option<String> {
    if !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    // Parts start at each capital that follows a lower-case letter ("getHTTPBroswer" keeps "HTTP").
    let bytes = word.as_bytes();
    let mut cuts = vec![0];
    for i in 1..bytes.len() {
        if bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase() {
            cuts.push(i);
        }
    }
    if cuts.len() < 2 {
        return None;
    }
    cuts.push(bytes.len());
    for pair in cuts.windows(2) {
        let part = &word[pair[0]..pair[1]];
        // Short parts are too often a name's syllable ("Hashi" of HashiCorp).
        if part.len() < 6 || is_all_upper(part) || is_known(part) {
            continue;
        }
        let Some(fix) = crate::core::rules::misspellings::cased_corrections(part)
            .and_then(|f| f.into_iter().next())
        else {
            continue;
        };
        return Some(format!("{}{fix}{}", &word[..pair[0]], &word[pair[1]..]));
    }
    None
}

/// Shapes that mark identifiers, acronyms and versions rather than English words.
pub fn looks_technical(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // Letters outside ASCII: a word of another language (or a name), not an English typo.
    letters <= 2
        || !word.is_ascii()
        || word.chars().any(|c| c.is_ascii_digit())
        || word.chars().skip(1).any(char::is_uppercase)
        || is_all_upper(word)
        || !word
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '\u{2019}')
}

/// Is the word at `w` one of two or three words joined by slashes, each other one a dictionary word
/// ("incldue/exclude", "Chinese/Janapese/Korean")? Such a run offers alternatives in prose; a path or a
/// URL has other characters around it, or parts no dictionary knows.
pub(super) fn slash_alternative(text: &str, w: Word) -> bool {
    let is_part = |c: char| c.is_ascii_alphabetic() || c == '/';
    let start = text[..w.start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_part(c))
        .last()
        .map_or(w.start, |(i, _)| i);
    let end = w.end
        + text[w.end..]
            .chars()
            .take_while(|&c| is_part(c))
            .map(char::len_utf8)
            .sum::<usize>();
    let parts: Vec<&str> = text[start..end].split('/').collect();
    // "a/incldue", "x/y/z": single letters are a path's or a math's, not words offered in turn.
    if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.len() < 3) {
        return false;
    }
    let open = text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || "(\"'\u{201c}\u{2018}".contains(c));
    let mut after = text[end..].chars();
    let close = match after.next() {
        None => true,
        Some(c) if c.is_whitespace() || ",;)!?\"'\u{201d}\u{2019}".contains(c) => true,
        Some('.' | ':') => after.next().is_none_or(char::is_whitespace),
        _ => false,
    };
    let me = w.text(text);
    open && close && parts.iter().all(|p| *p == me || is_known(p))
}

/// Is the word glued to characters that only code uses (`snake_case`, `file.yaml`, `--flag`, `@user`,
/// `#tag`, `$VAR`, `a/b`, `f()`)?
pub(super) fn technical_neighbours(text: &str, w: Word) -> bool {
    let before = text[..w.start].chars().next_back();
    let mut after = text[w.end..].chars();
    let next = after.next();
    let next2 = after.next();
    matches!(
        before,
        Some(
            '_' | '/'
                | '\\'
                | '@'
                | '#'
                | '$'
                | '='
                | '~'
                | '<'
                | '{'
                | '['
                | ']'
                | ')'
                | '%'
                | '&'
                | '*'
                | '^'
                | '|'
        )
    ) || (before == Some('-') && text[..w.start].ends_with("--"))
        || (before == Some('.')
            && text[..w.start - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric))
        || (before == Some(':')
            && text[..w.start - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric))
        || matches!(
            next,
            Some('_' | '/' | '\\' | '(' | '=' | '{' | '[' | '<' | '@' | '#' | '$')
        )
        || (matches!(next, Some('.' | ':')) && next2.is_some_and(char::is_alphanumeric))
}
