//! What `docreview rules` says of each spelling rule: its summary and the long explanation.

use super::{LIKELY, RULE, SLIP, TYPO};
use crate::core::finding::{Safety, Severity};
use crate::core::rules::RuleInfo;

/// The spelling rules, each with its summary and explanation.
pub fn rules() -> Vec<RuleInfo> {
    vec![
        RuleInfo {
            link: None,
            id: SLIP.into(),
            severity: Severity::Warning,
            safety: Safety::Review,
            default_on: true,
            summary: "Inline code one slip from code the doc set or the doc writes often (`useSumbit` → `useSubmit`)"
                .into(),
            explain: "Flags inline code (a whole span: a name, a path, a flag) that one doc writes once when \
                      code three docs or more write the same way is one finger slip from it, and the slip \
                      turns a part of the name of four letters or more into a word no dictionary knows: a \
                      neighbouring key hit for a letter, or two neighbouring letters swapped (`useSumbit` → \
                      `useSubmit`, `.gitigonre` → `.gitignore`, `k6/experimnetal` → `k6/experimental`). Two \
                      real names one key apart are mostly both made of words (`strong` and `string`, \
                      `.clock()` and `.click()`), so a slip that makes another word is left alone, as are a \
                      case change, a digit, a letter added or dropped (`conv1d` and `conv2d`, `enable` and \
                      `enabled`), code the same doc also writes in a code block, code in a doc whose prose \
                      is not English, and code listed in [vocabulary] accept or .docreview/vocabulary.txt. \
                      Within one doc too: a name in inline code the doc writes once, one letter added, \
                      dropped, swapped or mistyped from a name its own code (inline or in blocks) writes \
                      twice or more, where the slip turns a word of the name into a non-word \
                      (`changedMetricts` beside `changedMetrics`, `DeviceMmanager` beside `DeviceManager`); \
                      not another case of it (`onclick` beside `onClick`), a letter more, less or other at \
                      its end (`containerd`, `healthz`, `workerd`), a name of five characters or fewer, or a \
                      name written beside its twin in one paragraph (a rename)."
                .into(),
        },
        RuleInfo {
            link: None,
            id: TYPO.into(),
            severity: Severity::Warning,
            safety: Safety::Review,
            default_on: true,
            summary: "A known misspelling (\"occured\", \"paramater\", \"wih\"), with its correction".into(),
            explain: "Flags words on a list of about 90,000 misspellings people really make (the list the \
                      typos checker uses), each with its correction: \"occured\" → \"occurred\", \
                      \"targetting\" → \"targeting\", \"wih\" → \"with\"; spelled as the doc spells the word \
                      where the list's first correction is another dialect's (\"behavious\" → \"behavior\" in a \
                      doc that writes \"behavior\"). Such a word is flagged wherever it \
                      stands in running text, also at a sentence start (after a full stop, or opening a \
                      paragraph or list item before a lower-case word) or in a heading in title case \
                      (\"Using Menues\"), as a word of seven letters or more \
                      anywhere, capitalised or not (\"Certificate Transperancy\"), or as part of a camelCase \
                      name the doc also writes mended (\"BroswerWindow\" beside \"BrowserWindow\"), even where an unknown word would pass as a compound. Inside \
                      inline code, a part of a name (split at symbols and camelCase humps: \
                      `.github/worflows`, `is_sign_poitive`) is flagged when no other doc writes it in code \
                      and no code block writes it at all, or when the doc's code writes the name mended too \
                      (`registerSchemesAsPriviliged` beside `registerSchemesAsPrivileged`), never a plural \
                      the list mends to its singular (a map `strictUntils` of `strictUntil` values), the doc's prose is English, and it is not cut short \
                      (`wrapp...`), quoted, a name of words or an old name cited beside its correction. It is \
                      left alone when it is a name (a capitalised word of fewer than seven letters, \
                      mid-sentence, \"Big Sur\", or before another capitalised word, \"Sven Aas\"), a whole \
                      link text, written three times or more in one doc and nowhere else (that doc's word), \
                      used in code (an API may be named so), or listed in [vocabulary] accept or \
                      .docreview/vocabulary.txt."
                .into(),
        },
        RuleInfo {
            link: None,
            id: LIKELY.into(),
            severity: Severity::Warning,
            safety: Safety::Review,
            default_on: false,
            summary: "An unknown word one likely slip from one English word (\"prerequisistes\" → \"prerequisites\")"
                .into(),
            explain: "Flags a word of seven letters or more that the dictionary and the project's vocabulary \
                      do not know, in lower case or with only its first letter capitalised, when exactly one \
                      English word is one slip away (a letter added, dropped or changed, or two letters \
                      swapped): \"prerequisistes\" → \"prerequisites\", \"validiating\" → \"validating\"; of \
                      several such words, the only one a finger slip explains (a key pressed twice or beside \
                      its neighbour, a neighbouring key, two letters swapped: \"customm\" → \"custom\", not \
                      \"customs\"), followed by the other common words a letter left out or two letters \
                      swapped explain (\"exporations\" → \"expirations\" or \"explorations\"); where no \
                      finger slip or only one toward a rare word explains one, the one common word a letter \
                      left out or two swapped explain, when no other is common (\"exitence\" → \"existence\", \
                      not \"exigence\"). That word must share the first letter (slips almost never change it) and \
                      be a common one: people misspell it too, or the doc writes it elsewhere (\"feature \
                      unifcation\" in a doc about unification), but not as the plural of the word \
                      (\"smartypant processors\" beside \"smartypants\" is a form, not a slip). The commonest \
                      slips need no such evidence: when the word is the only word one slip away with one of its \
                      letters left out (not the last) or two neighbouring letters swapped, it is the word meant, \
                      however rare (\"aflicted\" → \"afflicted\", \"queryalbe\" → \"queryable\"), in a doc \
                      written in English, outside hyphenated coinages (\"de-magified\") and names of a letter \
                      and a word (\"rvalues\"); in a word of ten letters or more, so does one vowel written for \
                      another (\"paranthetical\" → \"parenthetical\"). A capitalised \
                      word is a name (\"Bastian\", \"Alacritty\") unless the word one slip away is one the doc \
                      writes (\"Disabales\" in a doc that writes \"disables\"), or unless its capital only \
                      opens a sentence or a heading or comes from a heading in title case, in a doc written in \
                      English that never writes it or another of its forms capitalised inside a sentence \
                      (\"Normilized\" → \"Normalized\" as a heading's first word, not \"Expandos\" where the \
                      doc writes \"an Expando\"; the commonest slips need no more there either: \"Nomencalture\" \
                      as a heading); it is judged in headings and \
                      table cells too (not a block of that one word), and its fix keeps the capital. A word found in a longer English word \
                      list (SCOWL's, \"chrominance\", \"focussed\") is not unknown. Everything else that keeps \
                      a word from spelling.unknown-word keeps it from this rule as well (code, words used in two \
                      sentences or by several docs, the vocabulary), except a word one doc writes in several \
                      sentences that a letter left out or two letters swapped make a word the same doc writes (the \
                      writer's habit: \"unifcation\" twice in a doc about unification), and a known word with an \
                      ending (\"currantly\") one slip from a word far commoner than the known one (\"currently\"). \
                      So do link texts, words the doc's own links \
                      contain (package and project names: \"bytenode\") and, for a lower-case word, headings \
                      and table cells. Words of five or six letters need more: the one word a letter left out or \
                      two letters swapped explain (\"inupt\" → \"input\", not \"inept\"), or the only word one \
                      finger slip away (\"alwayd\" → \"always\") or a key beside the last letter pressed after it \
                      (\"withb\" → \"with\"), and a common one; not a first letter pressed \
                      twice (\"bbolt\"), nor a letter and a word (\"ident\"). A capitalised word one slip from a \
                      name the doc writes at least three times inside its sentences is that name misspelt \
                      (\"Jekull\" → \"Jekyll\", \"Isito\" → \"Istio\"), unless it stands beside another capitalised \
                      name or before an address (a person: \"Vasile Razdalovschi\", \"- Jonta <…>\") or differs \
                      from the name by its last letter (\"Istiod\"). A negation written without its apostrophe \
                      gets it back (\"wasnt\" → \"wasn't\"). A lower-case word of eight letters or more \
                      that no word is one slip from may be two slips from a word of the doc's topic: the \
                      nearest word (a letter left out, added or swapped, a vowel or a neighbouring key for \
                      another counts one slip; any other letter two), when no other word is as near and \
                      the doc writes that word or one of its family elsewhere (\"confuguratio\" → \
                      \"configuration\", \"amibuity\" → \"ambiguity\" beside \"ambiguous\"); not a known \
                      word with an English ending (\"hashless\", \"templatize\"), another form of the word \
                      (its last two letters changed), nor a word among lower-case words no dictionary knows \
                      (another language's). In inline code, a part of a name (cut at symbols and \
                      camelCase humps) of six letters or more that no dictionary knows, nor makes of two \
                      words glued (`--oneline`), is a slip when the only word of its first letter one slip \
                      away is one the doc's prose writes, and the doc set writes that part once, nowhere \
                      else: not in other code, in a code block of the doc, or in prose \
                      (`github_useranme_matches` → \"username\", `eth_signTrancaction` → \"Transaction\"). \
                      When it is on it takes those words from spelling.unknown-word, with the one fix.\n\
                      Off by default: on docs it was not tuned on it fell under the 90 % gate (its wrong findings \
                      were mostly abbreviations and commit subjects quoted in changelogs, names of other languages and \
                      quoted titles); turn it on in .docreview.toml with \"spelling.likely-typo\" = \"on\"."
                .into(),
        },
        RuleInfo {
            link: None,
            id: RULE.into(),
            severity: Severity::Warning,
            safety: Safety::Review,
            default_on: false,
            summary: "A word in neither the English dictionary nor the project's technical vocabulary".into(),
            explain: "Flags words that harper-core's English dictionary does not know and that nothing marks as a \
                      technical term or a name. These never count as misspelled:\n\
                      - identifiers by their shape: digits (int8), inner capitals (MXNet, HybridBlock, macOS), all \
                      capitals (ONNX), words joined to code-like characters (snake_case, config.yaml, --flag);\n\
                      - names: words with a capital first letter, wherever they stand;\n\
                      - words that appear in inline code or a code block anywhere in the doc set, and their \
                      plurals when no dictionary knows the singular (Expandos of `Expando`, varints of \
                      `binary.ReadVarint`), words that at \
                      least 3 docs use ([vocabulary] min_docs) and words used in two sentences (a copy of a \
                      sentence is the same one);\n\
                      - known words with a prefix or suffix and two known words joined (threadpool), unless a \
                      dictionary word is one slip away (keybard: keyboard);\n\
                      - words shorter than five letters, and words no dictionary word is close to;\n\
                      - words in [vocabulary] accept of .docreview.toml or in .docreview/vocabulary.txt (one a \
                      line). `docreview vocab add WORD` and the review screen's + key add to that file.\n\
                      The replacements are the closest dictionary words, the most common first, and for a \
                      lower-case word its formatting as code (a name such as impl is code); pick one, or add \
                      the word to the vocabulary if it is right."
                .into(),
        },
    ]
}
