//! The one English word an unknown word is a likely slip for (`spelling.likely-typo`): by the slip a
//! letter left out, two letters swapped or a finger explains, toward a common word, a word the doc
//! writes or a name it writes again and again; not a package's name, an item of a list of names or a
//! person's name.

use super::*;

/// The English word an unknown word at `view` of block `b` is a slip for, if one is (see [`LIKELY`]),
/// then any other common words the commonest slips explain as well; none in link texts nor for a word
/// the doc's web addresses hold as a part, and for a lower-case word none in headings and table cells.
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
    // A heading that reads as a sentence, or a link's text of several words, is the writer's own
    // words and judged like the text; a capitalised word in either is a name or a title.
    let heading = block.kind == BlockKind::Heading;
    let link = doc.link_text(b, view.clone());
    if (!capital && (block.kind == BlockKind::TableCell || (heading && !sentence_heading(doc, b))))
        || doc.whole_link_text(b, view.clone())
        || link.is_some_and(|t| capital || t.split_whitespace().count() < 2)
        || doc.addresses_hold(word)
    {
        return None;
    }
    // A block that is only this word (a list of handles: "- immutablet", "* tim-sendible") names
    // someone; a word in quotes is mentioned, often coined ("\"springified\" binstubs").
    let text = block.text.as_str();
    let (start, end) = (view.start, view.end);
    let bare = |c: char| c.is_whitespace() || c == '-' || c == '_' || c.is_alphanumeric();
    // A heading of one word is a heading ("## Nomencalture").
    if block.kind != BlockKind::Heading
        && text.trim().chars().all(bare)
        && !text.trim().contains(char::is_whitespace)
    {
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
    // A known word with a "d" added names a daemon ("journald", "networkd"): no slip for another
    // ending of that word ("journals"); only a dropped "e" is one ("returnd": "returned").
    let daemon = word
        .strip_suffix('d')
        .filter(|stem| stem.len() >= 4 && dictionary::is_known(stem));
    let plain = |c: &&String| {
        daemon.is_none_or(|stem| c.strip_prefix(stem) == Some("ed"))
            && c.chars().all(|c| c.is_ascii_lowercase())
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
    // A capital that only opens a sentence or a heading ("Nomencalture" as a heading), or that a
    // title-case heading gives every longer word ("Page in Menues"), marks no name when the doc,
    // written in English, never writes the word or another of its forms with its capital inside a
    // sentence ("Expandos" where "an Expando" is a class).
    // Not `text::starts_sentence`, which reads past an opening quote or bracket: a capital there opens
    // a title as often as a sentence ("“Nodifying Your Enterprise”", a talk).
    let opens = {
        let lead = text[..start].trim_end();
        lead.is_empty() || lead.ends_with(['.', '!', '?', ':']) || title_case_heading(doc, b)
    };
    let sentence_case = capital
        && opens
        && doc.plainly_english()
        && !doc
            .capitalised()
            .keys()
            .any(|name| common_prefix(name, cased) >= cased.len().saturating_sub(2).max(5));
    // A letter added at the end that is neither the last one again nor a key beside it: an ending.
    let ending = |c: &str| {
        word.len() == c.len() + 1
            && word.starts_with(c)
            && !word.ends_with(&c[c.len() - 1..])
            && !stray_last_key(word, c)
    };
    let common = |c: &&&String| {
        (((!capital || sentence_case)
            && crate::core::rules::misspellings::frequency(c) >= LIKELY_COMMON)
            || (doc.writes(c) && c.strip_suffix('s') != Some(word)))
            && !ending(c)
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
    let hyphenated = text[..start].ends_with(hyphen) || text[end..].starts_with(hyphen);
    // A part of a hyphenated coinage that is a known word with an English ending ("dog-fooding":
    // "food" + "ing") is coined with it, not a slip for "folding".
    if hyphenated && coined(doc, word) {
        return None;
    }
    // In a long word one vowel written for another is as plain a slip ("paranthetical",
    // "commutitivity"): so many letters leave few words one vowel away by chance. A capital that
    // only opens a sentence marks no name (see `sentence_case`): "Nomencalture" as a heading.
    let plain_slip = |c: &String| {
        let left_out = dropped(word, c)
            .is_some_and(|at| at != 1 || !super::words::known_or_inflected(&word[1..]));
        let vowel = letters >= VOWEL_LETTERS && vowel_for_vowel(word, c);
        (!capital || sentence_case)
            && (left_out || swapped(word, c) || vowel)
            && !hyphenated
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
        if hyphenated {
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
        // Of several words one slip away, the one a stray key at the end explains, when it is
        // common ("withg": "with", not "withe").
        let stray: Vec<&&String> = one
            .iter()
            .filter(|c| stray_last_key(word, c) && common(c))
            .collect();
        let pick = match (one.as_slice(), plain.as_slice(), stray.as_slice()) {
            (_, [only], _) => Some(**only),
            ([only], [], _) if finger_slip(word, only) && !doubled_first => Some(*only),
            (_, [], [only]) => Some(**only),
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
            // No finger slip, or one toward a rare word ("exitence": "exigence", a "g" beside the
            // "t"): the one common word a letter left out or two neighbours swapped explain, when no
            // other word one slip away is common ("existence").
            _ => match one
                .iter()
                .filter(|c| common(c))
                .collect::<Vec<_>>()
                .as_slice()
            {
                [only]
                    if (dropped(word, only).is_some() || swapped(word, only))
                        && !hyphenated
                        && doc.plainly_english() =>
                {
                    vec![(**only).clone()]
                }
                _ => Vec::new(),
            },
        },
        _ => Vec::new(),
    };
    if fixes.is_empty() {
        return (!capital && !hyphenated && letters >= FAMILY_LETTERS && doc.plainly_english())
            .then(|| toward_doc_family(doc, b, view.clone(), word, &near))
            .flatten()
            .map(|c| vec![c]);
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

/// Does heading `b` read as a sentence ("Code example: a test name that incluces 3 parts")? Four words
/// or more, one of them a small word of English. A heading of a word or two names a thing, often as its
/// owner writes it ("## hugo mod graph", "### Nomencalture").
fn sentence_heading(doc: &DocProse<'_>, b: usize) -> bool {
    let text = doc.prose.blocks[b].text.as_str();
    let words = doc.words(b);
    words.len() >= 4
        && words.iter().any(|w| {
            crate::core::rules::repetition::FUNCTION_WORDS
                .contains(&w.text(text).to_lowercase().as_str())
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
    let start = view.start;
    let ws = doc.words(b);
    let beside = block.kind != BlockKind::Heading
        && ws
            .iter()
            .position(|w| w.start <= start && start < w.end)
            .is_some_and(|i| {
                // The word beside it, only spaces between.
                let near = |j: Option<usize>| {
                    j.and_then(|j| ws.get(j)).filter(|n| {
                        let gap = if n.start < start {
                            n.end..ws[i].start
                        } else {
                            ws[i].end..n.start
                        };
                        crate::core::rules::text::is_space(&text[gap])
                    })
                };
                let capital = |w: &Word| w.text(text).starts_with(char::is_uppercase);
                near(Some(i + 1)).is_some_and(capital)
                    || near(i.checked_sub(1)).is_some_and(|p| {
                        capital(p)
                            && (!crate::core::rules::text::starts_sentence(text, p.start)
                                || !dictionary::is_known(&p.text(text).to_lowercase()))
                    })
            });
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

/// The shortest word judged by [`toward_doc_family`].
const FAMILY_LETTERS: usize = 8;

/// The one word within two slips of `word` (same first letter; see [`suggest::slips`]) whose family the
/// doc writes elsewhere: the word itself or one that shares all but its last three letters with it,
/// six at least ("captilalizing" in a doc that writes "capitalize", "confuguratio" in a doc of
/// "configuration"). A writer misspells the words of their topic, and a slip that far from every word
/// the doc uses is more often a term than a typo. Not a word an English ending makes of a known word
/// or of one the doc writes ("hashless", "encryptor", "templatize", "genericity"), nor one that differs
/// from the word only in its last two letters: another form the dictionary lacks ("exfiltrates" beside
/// "exfiltrated").
fn toward_doc_family(
    doc: &DocProse<'_>,
    b: usize,
    view: std::ops::Range<usize>,
    word: &str,
    near: &[String],
) -> Option<String> {
    if coined(doc, word) || among_other_words(doc, b, view) {
        return None;
    }
    let family = |c: &str| {
        doc.writes(c)
            || doc
                .written_words()
                .iter()
                .any(|w| w != word && common_prefix(w, c) >= (c.len().saturating_sub(3)).max(6))
    };
    let close: Vec<(usize, &String)> = near
        .iter()
        .filter(|c| {
            c.chars().all(|ch| ch.is_ascii_lowercase())
                && c.chars().next() == word.chars().next()
                && common_prefix(word, c) + 2 < word.len().max(c.len())
        })
        .map(|c| (super::suggest::slips(word, c), c))
        .filter(|(n, _)| *n <= 2)
        .collect();
    // The nearest word, when no other is as near ("compilent" is as near "compiling" as "compliant").
    let best = close.iter().map(|(n, _)| *n).min()?;
    match close
        .iter()
        .filter(|(n, _)| *n == best)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [(_, c)] if family(c) => Some((*c).clone()),
        _ => None,
    }
}

/// Do two lower-case words or more that no dictionary knows stand within four words of the one at
/// `view`, in its sentence? Then it is among words of another language ("la troisième personne du
/// singulier") or of code, not a slip in English.
fn among_other_words(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    let text = doc.prose.blocks[b].text.as_str();
    let sentence = crate::core::rules::text::sentence_around(text, view.clone());
    let ws: Vec<&Word> = doc
        .words(b)
        .iter()
        .filter(|w| sentence.start <= w.start && w.end <= sentence.end)
        .collect();
    let Some(i) = ws
        .iter()
        .position(|w| w.start <= view.start && view.start < w.end)
    else {
        return false;
    };
    ws[i.saturating_sub(4)..(i + 5).min(ws.len())]
        .iter()
        .filter(|w| w.start != ws[i].start)
        .filter(|w| {
            // Names ("(Rohan Chougule)" after a change) are no other language.
            let t = w.text(text);
            !t.starts_with(char::is_uppercase)
                && !dictionary::is_known(t)
                && !dictionary::is_listed(t)
        })
        .count()
        >= 2
}

/// Endings that make new words of known ones, beyond those [`words::SUFFIXES`] accepts on their own.
const COINING: &[&str] = &[
    "less", "ness", "ful", "ish", "ism", "ist", "ity", "ize", "ise", "or", "er", "ment", "al",
    "ing", "ed", "able", "ly", "s",
];

/// Is `word` a known word, or one the doc writes, with an English ending ("hashless", "encryptor",
/// "templatize", "checksumming")?
fn coined(doc: &DocProse<'_>, word: &str) -> bool {
    let known = |stem: &str| stem.len() >= 3 && (dictionary::is_known(stem) || doc.writes(stem));
    COINING.iter().any(|ending| {
        word.strip_suffix(ending).is_some_and(|stem| {
            let undoubled = stem.len() > 1
                && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2];
            known(stem)
                || known(&format!("{stem}e"))
                || (undoubled && known(&stem[..stem.len() - 1]))
        })
    })
}

/// The shortest word in which [`vowel_for_vowel`] is a plain slip.
const VOWEL_LETTERS: usize = 10;

/// Is `typo` `fix` with one vowel written for another, not the first letter ("paranthetical")?
fn vowel_for_vowel(typo: &str, fix: &str) -> bool {
    let vowel = |c: u8| b"aeiou".contains(&c);
    let (t, f) = (typo.as_bytes(), fix.as_bytes());
    t.len() == f.len()
        && matches!(
            (0..t.len()).filter(|&i| t[i] != f[i]).collect::<Vec<_>>().as_slice(),
            [i] if *i > 0 && vowel(t[*i]) && vowel(f[*i])
        )
}

/// Is `typo` `fix` with a key beside its last letter pressed after it ("withg", "withb": the "g"
/// and the "b" lie beside the "h")? Not a letter that English endings add ("brackety",
/// "immutablet" is no neighbour either): that makes another form, not a slip.
fn stray_last_key(typo: &str, fix: &str) -> bool {
    let (Some(extra), Some(last)) = (typo.strip_prefix(fix), fix.chars().last()) else {
        return false;
    };
    let mut chars = extra.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => {
            !"sydernt".contains(c)
                && super::suggest::keyboard_slip(&c.to_string(), &last.to_string())
        }
        _ => false,
    }
}

/// How many leading bytes `a` and `b` share.
fn common_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}

/// Where `fix` has the letter `typo` left out, when that is the only difference and not `fix`'s last
/// letter (a dropped last letter makes another form: "smartypant").
pub(super) fn dropped(typo: &str, fix: &str) -> Option<usize> {
    let (t, f) = (typo.as_bytes(), fix.as_bytes());
    if f.len() != t.len() + 1 {
        return None;
    }
    let at = t.iter().zip(f).position(|(a, b)| a != b)?;
    (t[at..] == f[at + 1..]).then_some(at)
}

/// Is `typo` `fix` with two neighbouring letters swapped?
pub(super) fn swapped(typo: &str, fix: &str) -> bool {
    let (t, f) = (typo.as_bytes(), fix.as_bytes());
    let diff: Vec<usize> = (0..t.len().min(f.len()))
        .filter(|&i| t[i] != f[i])
        .collect();
    t.len() == f.len()
        && matches!(diff.as_slice(), [i, j] if *j == i + 1 && t[*i] == f[*j] && t[*j] == f[*i])
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::markdown::extract;

    #[test]
    fn a_known_word_or_the_docs_word_with_an_ending_is_coined() {
        let md = "The checksum of each dropped row is kept.\n";
        let prose = extract(md);
        let doc = DocProse::new(md, &prose);
        for word in [
            "hashless",
            "encryptor",
            "templatize",
            "genericity",
            "checksumming",
        ] {
            assert!(coined(&doc, word), "{word}");
        }
        for word in ["confuguratio", "amibuity", "captilalizing", "levereging"] {
            assert!(!coined(&doc, word), "{word}");
        }
    }
}
