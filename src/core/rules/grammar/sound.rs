//! "a" or "an" by the sound of the next word: names and acronyms as they are spoken ("an Rspack", "a
//! URL"), numbers as they are read.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sound {
    Vowel,
    Consonant,
}

/// Letters whose names start with a vowel sound ("an F", "an HTTP request").
pub(super) fn letter_sound(c: char) -> Sound {
    if "aefhilmnorsx".contains(c.to_ascii_lowercase()) {
        Sound::Vowel
    } else {
        Sound::Consonant
    }
}

/// Spellings people pronounce both ways: never flag either article before them.
pub(super) const EITHER: &[&str] = &[
    "umount",
    "uuid",
    "sql",
    "faq",
    "historic",
    "historical",
    "hotel",
    "herb",
    "herbal",
    "hereditary",
    "heroic",
    "homage",
    "humble",
    "eula",
    "ieee",
];

/// Abbreviations of code, in lower case, said as the word they shorten ("a src folder": a source
/// folder) or as letters ("an src folder"): never flag either article before them. In capitals they
/// are spelled out ("an MGR file").
const EITHER_IN_CODE: &[&str] = &["src", "cfg", "msg", "std", "str", "svc"];

/// Words starting with "u" (or "uni") that are said with a "you" sound.
pub(super) const YOU_WORDS: &[&str] = &[
    "uefi",
    "uid",
    "ui",
    "uint",
    "url",
    "usb",
    "ux",
    "ubiquit",
    "ukulele",
    "unanim",
    "unary",
    "unicast",
    "unicode",
    "unicorn",
    "unidirection",
    "unification",
    "unified",
    "uniform",
    "unify",
    "unikernel",
    "unilateral",
    "union",
    "unique",
    "unison",
    "unit",
    "univers",
    "unix",
    "usab",
    "usag",
    "use",
    "usi",
    "usu",
    "utensil",
    "uter",
    "utf",
    "util",
    "utopia",
    "ura",
    "ure",
    "uri",
    "uro",
];

/// How `word` (the word after the article) begins, or `None` when unsure.
pub(super) fn sound_of(word: &str) -> Option<Sound> {
    let first_part = word.split('-').next().unwrap_or(word);
    let mut chars = first_part.chars();
    let c0 = chars.next()?;
    if c0.is_ascii_digit() {
        return number_sound(first_part);
    }
    if !c0.is_ascii_alphabetic() {
        return None;
    }
    // A single letter ("an x-axis", "a k-means", "an n-gram").
    if first_part.chars().count() == 1 {
        return Some(letter_sound(c0));
    }
    let lowered = word.to_lowercase();
    // Two consonants ("fn", "ls", "rm"): read as letters or as the word they stand for ("a fn body").
    if first_part.len() == 2
        && first_part
            .chars()
            .all(|c| c.is_ascii_lowercase() && !"aeiouy".contains(c))
    {
        return None;
    }
    if EITHER
        .iter()
        .any(|e| lowered == *e || lowered.starts_with(&format!("{e}-")))
        || EITHER_IN_CODE.contains(&first_part)
    {
        return None;
    }
    // "MkDocs", "mkdocstrings": "em-kay" to some, "make" to others.
    if lowered.starts_with("sql") || lowered.starts_with("mk") {
        return None;
    }
    // Letters with digits are spelled out: "an S3 bucket", "an h2c server", "a k8s cluster".
    if first_part.chars().take(3).any(|c| c.is_ascii_digit()) {
        return Some(letter_sound(c0));
    }
    // Words no English word starts like are spelled out too: "an nftables rule", "an ndarray", "an npm
    // package", "an Rspack build", "an Xcode project". Two letters ("fn", "ls") may be read as the word
    // they stand for ("a fn body": a function body).
    if first_part.chars().count() >= 3
        && first_part.chars().skip(1).all(|c| c.is_ascii_lowercase())
        && spelled_out(&lowered)
    {
        return Some(letter_sound(c0));
    }
    // A name in camel case that opens with such a syllable ("NgModule": "en-gee").
    let syllable: String = first_part
        .char_indices()
        .take_while(|&(i, c)| i == 0 || c.is_ascii_lowercase())
        .map(|(_, c)| c)
        .collect();
    let vowelless = !syllable.chars().any(|c| "aeiouyAEIOUY".contains(c));
    if syllable.len() >= 2 && syllable.len() < first_part.len() && c0.is_ascii_uppercase() {
        // Three letters or more without a vowel ("MsgProto", "CfgLoader") shorten a word, read as that
        // word ("message") or as letters ("XmlReader"): which is not known.
        if syllable.len() >= 3 && vowelless {
            return None;
        }
        if spelled_out(&syllable.to_lowercase()) {
            return Some(letter_sound(c0));
        }
    }
    // Camel case in lower case that opens with an abbreviation ("httpOnly", "fsType", "tsConfig"): said
    // as letters or as the word it shortens. Where the letter's name and the word open alike ("tee",
    // "typescript"), that is the sound; where not ("aitch" or "h", "eff" or "file"), it is not known.
    let hump = first_part[syllable.len()..].starts_with(|c: char| c.is_ascii_uppercase());
    if c0.is_ascii_lowercase() && syllable.len() >= 2 && hump && vowelless {
        let sound = letter_sound(c0);
        return (sound == word_sound(&syllable)).then_some(sound);
    }
    // "iOS", "eBPF": a lower-case letter said by its name, then capitals.
    let c1 = chars.next();
    if c0.is_ascii_lowercase() && c1.is_some_and(|c| c.is_ascii_uppercase()) {
        return Some(letter_sound(c0));
    }
    // Acronyms and names that start with one ("HTTP", "MXNet", "NVMe").
    let caps: String = first_part
        .chars()
        .take_while(char::is_ascii_uppercase)
        .collect();
    let acronym = if is_all_upper(first_part) {
        first_part
            .chars()
            .filter(char::is_ascii_alphabetic)
            .collect::<String>()
    } else if caps.chars().count() >= 3 {
        // "MXNet": the last capital starts the word "Net".
        caps.chars().take(caps.chars().count() - 1).collect()
    } else {
        String::new()
    };
    if acronym.chars().count() >= 2 {
        return acronym_sound(&acronym);
    }
    if c0.is_ascii_uppercase() && c1.is_some_and(|c| c.is_ascii_uppercase()) {
        return None; // "LLaMA" and friends: said as a word, but which?
    }
    // A lower-case word no English dictionary knows that opens with "u" ("ultricies" in a placeholder's
    // Latin) may be said "you" or "uh"; the prefixes "un-" and "up-" are "uh" ("an unmarshal error").
    // A name whose first syllable no dictionary knows and that opens with "U" is said as its owners
    // say it, which its spelling does not tell ("a UnoCSS preset": "you-no"; "an Umbraco site": "um");
    // a known first syllable keeps its sound ("an UpDownCounter").
    let part = first_part;
    let unknown = |w: &str| {
        !crate::core::rules::dictionary::is_known(w)
            && !crate::core::rules::dictionary::is_listed(w)
    };
    let opening = syllable.to_ascii_lowercase();
    if c0 == 'U'
        && syllable.len() >= 2
        && part.chars().all(|c| c.is_ascii_alphabetic())
        && !YOU_WORDS.iter().any(|p| opening.starts_with(p))
        && unknown(&syllable)
        && unknown(&opening)
    {
        return None;
    }
    if part.starts_with('u')
        && part.chars().all(|c| c.is_ascii_lowercase())
        && !part.starts_with("un")
        && !part.starts_with("up")
        && !YOU_WORDS.iter().any(|p| part.starts_with(p))
        && unknown(part)
    {
        return None;
    }
    Some(word_sound(&lowered))
}

pub(super) fn acronym_sound(acronym: &str) -> Option<Sound> {
    let first = acronym.chars().next()?;
    // X, Y or N again and again is a placeholder for digits or a name ("XX elements updated",
    // "YYYY", "NNN"): its sound is that of the value it stands for, unknown. Two Ns are an acronym
    // ("an NN", a neural network), and so is another letter repeated ("a WWW server").
    let repeated = acronym.chars().all(|c| c == first);
    if repeated && (matches!(first, 'X' | 'Y') || (first == 'N' && acronym.len() > 2)) {
        return None;
    }
    // W and Y make an acronym sayable as a word ("SWF" is "swiff").
    let has_vowel = acronym.chars().skip(1).any(|c| "AEIOUWY".contains(c));
    match first {
        // Vowels sound like vowels whether spelled out or said as a word ("an API", "an OS").
        'A' | 'E' | 'I' | 'O' => Some(Sound::Vowel),
        // "a URL", "a USB drive", "a UI"; "UPDATE" or "UNIX" may be said as words.
        'U' => (!has_vowel || acronym == "UI" || acronym == "UUID").then_some(Sound::Consonant),
        // F, H, L, M, N, R, S, X are vowel sounds spelled out ("an HTML page") but consonants when the
        // acronym is said as a word ("a REST API", "a RAM disk", "a NOTE"); only the unpronounceable ones
        // are certain.
        c if letter_sound(c) == Sound::Vowel => (!has_vowel).then_some(Sound::Vowel),
        _ => Some(Sound::Consonant),
    }
}

pub(super) fn number_sound(n: &str) -> Option<Sound> {
    let digits: String = n.chars().take_while(char::is_ascii_digit).collect();
    if digits.starts_with('8') {
        return Some(Sound::Vowel);
    }
    if digits == "11" || digits == "18" {
        return Some(Sound::Vowel);
    }
    if digits.starts_with("11") || digits.starts_with("18") {
        return None; // "an 1800" (eighteen hundred) or "a 1800" (one thousand …)
    }
    Some(Sound::Consonant)
}

/// Does `w` (lower case) start with two letters that begin no English word ("nf", "nd", "ssh")?
pub(super) fn spelled_out(w: &str) -> bool {
    let mut cs = w.chars();
    let (Some(a), Some(b)) = (cs.next(), cs.next()) else {
        return false;
    };
    let vowel = |c: char| "aeiouy".contains(c);
    if vowel(a) || vowel(b) || !b.is_ascii_alphabetic() {
        return false;
    }
    // "Svelte", "Sven", "llama", "Lloyd", "mnemonic": a cluster that opens English words, or borrowed
    // ones, said as one sound before a vowel ("an svn", "an llvm pass", "an mnist model": letters).
    let next = cs.next();
    if (matches!((a, b), ('s', 'v') | ('l', 'l')) && next.is_some_and(vowel))
        || (a, b, next) == ('m', 'n', Some('e'))
    {
        return false;
    }
    let ok_after: &str = match a {
        'b' | 'c' | 'g' | 'p' => "lrh",
        'd' | 't' => "rhw",
        'f' => "lrj",
        'k' => "lnrh",
        's' => "chklmnpqtw",
        'w' => "rh",
        'r' => "h",
        _ => "",
    };
    !ok_after.contains(b)
}

pub(super) fn word_sound(w: &str) -> Sound {
    let joined: String;
    let w = if w.contains('-') {
        joined = w.replace('-', "");
        joined.as_str()
    } else {
        w
    };
    if w.starts_with("one") && !w.starts_with("oner") || w.starts_with("once") {
        return Sound::Consonant;
    }
    if w.starts_with("eu") || w.starts_with("ewe") {
        return Sound::Consonant;
    }
    if w.starts_with('u') {
        return if YOU_WORDS.iter().any(|p| w.starts_with(p)) {
            Sound::Consonant
        } else {
            Sound::Vowel
        };
    }
    if ["hour", "honest", "honor", "honour", "heir"]
        .iter()
        .any(|p| w.starts_with(p))
    {
        return Sound::Vowel;
    }
    if w.starts_with(['a', 'e', 'i', 'o']) {
        Sound::Vowel
    } else {
        Sound::Consonant
    }
}

/// Words after which an article is never an article ("option a or b").
pub(super) fn not_a_noun_start(w: &str) -> bool {
    is_function_word(w)
        || matches!(
            w,
            "or" | "nor"
                | "if"
                | "then"
                | "else"
                | "de"
                | "la"
                | "le"
                | "each"
                | "every"
                | "it's"
                | "it\u{2019}s"
        )
}

/// Is the "an" at `ws[i]` a slip for "and"? Only where no article could stand: before a word that
/// never opens a noun phrase ("unsafe an hence placed"), between two words of which the second is the
/// first negated ("named an unnamed"), before a phrase that repeats the word before it ("C code an
/// Rust code").
fn and_slip(text: &str, ws: &[Word], i: usize) -> bool {
    // Not "not" ("using an not existing API" wants "a non-existing") nor "still" ("an still image").
    const NEVER_AFTER_ARTICLE: &[&str] = &[
        "hence",
        "thus",
        "therefore",
        "then",
        "also",
        "so",
        "yet",
        "instead",
    ];
    let (Some(p), Some(n)) = (prev(text, ws, i), next(text, ws, i)) else {
        return false;
    };
    let before = p.text(text).to_lowercase();
    let after = n.text(text).to_lowercase();
    if !before.chars().all(char::is_alphabetic) || !after.chars().all(char::is_alphabetic) {
        return false;
    }
    // As written: "post an SO answer" names something.
    if NEVER_AFTER_ARTICLE.contains(&n.text(text)) {
        return true;
    }
    if ["un", "in", "non", "dis", "im", "ir", "il"]
        .iter()
        .any(|neg| after.strip_prefix(neg) == Some(before.as_str()))
    {
        // An adjective and its negation ("named an unnamed"), not a verb and a noun ("take an intake").
        return before.len() >= 4 && word_metadata(&before).is_some_and(|m| m.adjective.is_some());
    }
    if sound_of(n.text(text)) != Some(Sound::Consonant) || not_a_noun_start(&before) {
        return false;
    }
    let Some(n2) = next(text, ws, i + 1) else {
        return false;
    };
    let then = n2.text(text);
    then.to_lowercase() == before && before.len() >= 3
}

pub(super) fn a_or_an(b: usize, text: &str, ws: &[Word], out: &mut Vec<Hit>) {
    for i in 0..ws.len() {
        let art = ws[i].text(text);
        let is_an = match art {
            "a" | "A" => false,
            "an" | "An" => true,
            _ => continue,
        };
        // A capital "A" mid-sentence is a label ("type A"), not an article.
        if art.starts_with('A') && !starts_sentence(text, ws[i].start) {
            continue;
        }
        // "a" glued to something else ("a.k.a", "a/b") is not an article, nor is an HTML tag's name
        // written out in prose ("\<a href=…>").
        if text[..ws[i].start]
            .chars()
            .next_back()
            .is_some_and(|c| "/.-_'\u{2019}<".contains(c))
        {
            continue;
        }
        // The article goes by the sound of the word it stands before, quoted or not ("an \"Open
        // Recent\" menu").
        let quoted = || {
            let n = *ws.get(i + 1)?;
            let gap = &text[ws[i].end..n.start];
            (gap.starts_with(char::is_whitespace)
                && matches!(gap.trim_start(), "\"" | "\u{201c}" | "'" | "\u{2018}"))
            .then_some(n)
        };
        let Some(n) = next(text, ws, i).or_else(quoted) else {
            continue;
        };
        let word = n.text(text);
        if is_an && art == "an" && and_slip(text, ws, i) {
            // After a subject pronoun the slip is of "can" ("You an also scale out").
            // A pronoun that opens its clause is its subject ("You an also"); after a verb it is an
            // object ("Build it an then run it": "and").
            let subject = prev(text, ws, i).is_some_and(|p| {
                matches!(
                    p.text(text).to_lowercase().as_str(),
                    "i" | "you" | "we" | "they" | "he" | "she" | "it"
                ) && (starts_sentence(text, p.start)
                    || text[..p.start].trim_end().ends_with([',', ';'])
                    || prev(text, ws, i - 1).is_some_and(|c| {
                        matches!(
                            c.text(text).to_lowercase().as_str(),
                            "and" | "but" | "or" | "so" | "if" | "when" | "because" | "that"
                        )
                    }))
            });
            let (fix, message) = if subject {
                ("can", "\"an\" after a subject is a slip: \"can\".")
            } else {
                ("and", "\"an\" joins two words here: \"and\".")
            };
            out.push(Hit {
                block: b,
                range: ws[i].start..ws[i].end,
                rule: ARTICLE.into(),
                message: message.into(),
                replacements: vec![fix.into()],
            });
            continue;
        }
        // A short word cut short ("a process requiring a s…", a description clipped) has no sound
        // yet; a longer one before an ellipsis is whole ("Loading a image…").
        let cut = word.chars().count() <= 3
            && (text[n.end..].starts_with('…') || text[n.end..].starts_with("..."));
        if not_a_noun_start(&word.to_lowercase()) || cut {
            continue;
        }
        // The word must end cleanly (no "a foo.bar" identifiers).
        if text[n.end..].chars().next().is_some_and(|c| {
            "_/.@:".contains(c) && text[n.end + 1..].starts_with(|c: char| c.is_alphanumeric())
        }) {
            continue;
        }
        let Some(sound) = sound_of(word) else {
            continue;
        };
        let wants_an = sound == Sound::Vowel;
        if wants_an == is_an {
            continue;
        }
        let fixed = match (art, wants_an) {
            ("a", true) => "an",
            ("A", true) => "An",
            ("an", false) => "a",
            ("An", false) => "A",
            _ => continue,
        };
        let gap = &text[ws[i].end..n.start];
        out.push(Hit {
            block: b,
            range: ws[i].start..n.end,
            rule: ARTICLE.into(),
            message: if wants_an {
                format!("Use \"an\" before a vowel sound: \"{fixed} {word}\".")
            } else {
                format!("Use \"a\" before a consonant sound: \"{fixed} {word}\".")
            },
            // "a other" is "another" run apart more often than "an other".
            replacements: if word == "other" && gap == " " {
                vec![
                    format!("{}nother", &art[..1]),
                    format!("{fixed}{gap}{word}"),
                ]
            } else {
                vec![format!("{fixed}{gap}{word}")]
            },
        });
    }
}
