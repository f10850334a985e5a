//! Is a text English? Doc sites carry their translations beside the English pages (`docs/es/…`,
//! `i18n/fr/…`), and quote or show other languages; an English dictionary, English grammar and English
//! names judge none of that. Two signals, both cheap:
//!
//! - the script: mostly letters outside Latin (Chinese, Japanese, Cyrillic, …);
//! - function words: the small words every sentence is made of ("the", "and", "of" against "de", "la",
//!   "und", "est", "não"), counted per block and per document. A Spanish paragraph full of technical
//!   words the English dictionary knows ("el componente de la API") still reads as Spanish here.
//!
//! Short blocks (a heading, a list item) carry too few function words to say: they follow their
//! document.

use super::lexicon::WordSet;
use super::text::Word;
use std::sync::LazyLock;

/// [`ENGLISH`] and [`FOREIGN`] as sets: every lower-case word of every block is looked up, and most
/// are in neither list, which a scan would compare with each of its words.
static ENGLISH_SET: LazyLock<WordSet> = LazyLock::new(|| ENGLISH.iter().copied().collect());
static FOREIGN_SET: LazyLock<WordSet> = LazyLock::new(|| FOREIGN.iter().copied().collect());

/// Function words of English.
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "is", "in", "that", "for", "it", "with", "as", "on", "be", "this",
    "are", "you", "by", "or", "can", "an", "not", "from", "your", "will", "if", "which", "when",
    "use", "we", "have", "has", "was", "but", "all", "at", "its", "there", "should", "must",
    "they", "these",
];

/// Function words of the languages docs are most often translated into (Spanish, Portuguese, French,
/// Italian, German, Dutch, Polish), none of them an English word.
/// Words that are also English or technical ("y", "em", "van", "con", "du", "del", "dos") are left out.
const FOREIGN: &[&str] = &[
    "de",
    "la",
    "el",
    "los",
    "las",
    "que",
    "para",
    "por",
    "una",
    "es",
    "se",
    "lo",
    "como",
    "más",
    "pero",
    "não",
    "uma",
    "com",
    "os",
    "da",
    "das",
    "é",
    "você",
    "ao",
    "le",
    "les",
    "des",
    "et",
    "est",
    "une",
    "pour",
    "dans",
    "qui",
    "avec",
    "vous",
    "pas",
    "sont",
    "il",
    "di",
    "che",
    "è",
    "della",
    "sono",
    "nel",
    "der",
    "und",
    "ist",
    "nicht",
    "mit",
    "ein",
    "eine",
    "zu",
    "auf",
    "für",
    "von",
    "wird",
    "het",
    "een",
    "niet",
    "voor",
    "zijn",
    "się",
    "jest",
    "że",
    "nie",
    "dla",
    "oraz",
    // Indonesian and Malay, Romanian, Hungarian, Turkish, Swahili: only words no English text or
    // command writes.
    "yang",
    "untuk",
    "dengan",
    "tidak",
    "adalah",
    "dari",
    "pada",
    "akan",
    "atau",
    "juga",
    "și",
    "să",
    "în",
    "este",
    "sau",
    "pentru",
    "és",
    "hogy",
    "nem",
    "egy",
    "vagy",
    "için",
    "ile",
    "bir",
    "olarak",
    "kwa",
    "katika",
    "kuwa",
    "hii",
    // Swedish, Norwegian and Danish, Finnish: only words no English text or command writes.
    "och",
    "att",
    "inte",
    "eller",
    "finns",
    "kan",
    "det",
    "og",
    "ikke",
    "tai",
    "myös",
    "sekä",
    // More Polish, whose other small words carry letters no English word has (see [`tally`]).
    "wszystkie",
    "przez",
    "lub",
    "aby",
    "tylko",
    "czy",
    "jako",
    "tego",
    "który",
    "które",
];

/// Words a block needs before its own function words decide; a shorter one follows its document.
pub const BLOCK_WORDS: usize = 6;

/// English function words a doc's prose must hold before it is judged plainly English.
const PLAIN_ENGLISH: u32 = 5;

/// English and foreign function words in a text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub english: u32,
    pub foreign: u32,
}

impl Tally {
    /// Both tallies together.
    pub fn plus(self, other: Tally) -> Tally {
        Tally {
            english: self.english + other.english,
            foreign: self.foreign + other.foreign,
        }
    }

    /// Plainly English: enough English function words ([`PLAIN_ENGLISH`]), and more than twice the
    /// foreign ones.
    pub fn is_plainly_english(self) -> bool {
        self.english >= PLAIN_ENGLISH && self.english > 2 * self.foreign
    }

    /// Enough function words to tell, and more of them foreign than English.
    pub fn is_foreign(self) -> bool {
        self.foreign >= 2 && self.foreign > self.english
    }
}

/// Counts the function words of `text`. A lower-case word with a letter of Latin Extended-A ("są",
/// "zależności", "için", "și") counts as foreign however long: no English word has one (names do:
/// "Łukasz", "Dvořák", hence lower case only).
pub fn tally(text: &str, words: &[Word]) -> Tally {
    let mut t = Tally::default();
    for w in words {
        let word = w.text(text);
        if word.chars().any(char::is_uppercase) {
            continue;
        }
        if word.chars().any(|c| ('\u{0100}'..='\u{017F}').contains(&c)) {
            t.foreign += 1;
            continue;
        }
        // No capital, so already in lower case.
        if ENGLISH_SET.contains(word) {
            t.english += 1;
        } else if FOREIGN_SET.contains(word) {
            t.foreign += 1;
        }
    }
    t
}

/// Mostly letters of another script than Latin?
pub fn other_script(text: &str) -> bool {
    let (mut letters, mut latin) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c) {
            latin += 1;
        }
    }
    letters > 0 && latin * 5 < letters * 4
}

/// Is a block of prose English (so an English dictionary and grammar can judge it)? Blocks in another
/// script, or whose words the dictionary mostly does not know, are another language: docs often quote
/// or translate.
pub fn is_english(text: &str, words: &[Word]) -> bool {
    if other_script(text) || tally(text, words).is_foreign() {
        return false;
    }
    // Plain lower-case words are the ones a foreign sentence is made of (names and terms are not).
    let plain: Vec<&str> = words
        .iter()
        .map(|w| w.text(text))
        .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_lowercase()))
        .collect();
    if plain.len() < 5 {
        return true;
    }
    let known = plain
        .iter()
        .filter(|w| super::dictionary::is_known(w))
        .count();
    known * 2 >= plain.len()
}

/// Is word `i` of `words` (in `text`) inside a phrase of another language in an English block (a
/// course's Spanish title in a list of classes: "Algoritmos Evolutivos y de Inteligencia Colectiva")?
/// Among the four words either side: two function words of another language, or one and a word with
/// a letter English does not write ("Modelos de Optimización").
pub fn in_foreign_phrase(text: &str, words: &[Word], i: usize) -> bool {
    // Besides the block-level list: short words too common in English names or maths to count alone
    // ("x and y", "de Vries"), which only count beside another.
    const JOINERS: &[&str] = &[
        "y", "e", "del", "al", "en", "du", "au", "aux", "zum", "zur", "und",
    ];
    let window = i.saturating_sub(4)..(i + 5).min(words.len());
    let around = words[window.clone()]
        .iter()
        .zip(window)
        .filter(|&(_, j)| j != i)
        .map(|(w, _)| w.text(text));
    let (mut function, mut accented) = (0, 0);
    for w in around {
        let lower = w.to_lowercase();
        if FOREIGN_SET.contains(lower.as_str()) || JOINERS.contains(&lower.as_str()) {
            function += 1;
        } else if w.chars().any(|c| ('\u{c0}'..='\u{24f}').contains(&c)) {
            accented += 1;
        }
    }
    function >= 2 || (function == 1 && accented >= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_phrase(s: &str, word: &str) -> bool {
        let words = super::super::text::words(s);
        let i = words
            .iter()
            .position(|w| w.text(s) == word)
            .expect("the word is in the text");
        in_foreign_phrase(s, &words, i)
    }

    #[test]
    fn a_phrase_of_another_language_is_told_from_english_around_it() {
        assert!(in_phrase(
            "Universidad Veracruzana: Algoritmos Evolutivos y de Inteligencia Colectiva (Fall 2019)",
            "Algoritmos"
        ));
        assert!(in_phrase(
            "IN2022, Modelos de Optimización (Prof. Marzieh), Spring 2020",
            "Modelos"
        ));
        // One word of another language, or a name with one, is no phrase.
        assert!(!in_phrase(
            "Plot x and y with the new algoritm here.",
            "algoritm"
        ));
        assert!(!in_phrase(
            "As Hugo de Vries wrote, the algoritm works.",
            "algoritm"
        ));
    }

    fn foreign(s: &str) -> bool {
        let words = super::super::text::words(s);
        tally(s, &words).is_foreign() || other_script(s)
    }

    #[test]
    fn placeholder_latin_is_no_english() {
        let english = |s: &str| is_english(s, &super::super::text::words(s));
        // A layout demo's paragraph: as many English function words as foreign ones ("at", "in", "et",
        // "est"), but too few words the dictionary knows.
        assert!(!english(
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor \
             incididunt ut labore et dolore magna aliqua. Tempus egestas sed sed risus pretium quam \
             vulputate. Imperdiet proin fermentum leo vel orci porta non pulvinar. Commodo elit at \
             imperdiet dui. Elit ullamcorper dignissim cras tincidunt lobortis feugiat vivamus at. \
             Purus gravida quis blandit turpis cursus in. Pharetra pharetra massa massa ultricies mi. \
             Pretium lectus quam id leo. Cursus turpis massa tincidunt dui ut. Nulla pharetra diam \
             sit amet nisl suscipit adipiscing bibendum est. Et netus et malesuada fames. Nisl nisi \
             scelerisque eu ultrices vitae auctor eu augue ut. Molestie a iaculis at erat \
             pellentesque adipiscing. Leo vel fringilla est ullamcorper. Faucibus interdum posuere \
             lorem ipsum. Sed arcu non odio euismod."
        ));
        // A sentence about placeholder text is English, even one that quotes it.
        assert!(english(
            "Fill the page with lorem ipsum text, so that you can see how the layout wraps."
        ));
        assert!(english(
            "Replace the lorem ipsum dolor sit amet text with the final copy of the page."
        ));
        assert!(english(
            "Use Lorem ipsum dolor sit amet, consectetur here as the placeholder text in mockups."
        ));
        assert!(english(
            "The lorem ipsum dolor sit amet, consectetur adipiscing elit text is what the tool puts \
             in the page, and you can change it in the settings of the theme."
        ));
        // Its words are no foreign function words: they do not tip a doc or a phrase.
        assert!(!foreign(
            "Replace the lorem ipsum dolor sit amet text with the copy."
        ));
    }

    #[test]
    fn translations_are_told_from_english() {
        assert!(foreign(
            "Para usar el componente de la API, instale el paquete con npm."
        ));
        assert!(foreign(
            "Ucapkan terima kasih atas idenya dan jelaskan kenapa ide tersebut tidak sesuai dengan proyek."
        ));
        assert!(foreign(
            "Sponzorok és támogatók, hogy mindenki kézzelfogható előnyökhöz jut, vagy nem."
        ));
        assert!(foreign(
            "O Biome não formata o código da mesma forma que o Prettier em todos os casos."
        ));
        assert!(foreign(
            "Vous pouvez configurer le formateur dans le fichier de configuration."
        ));
        assert!(foreign(
            "Die Konfiguration ist nicht mit der API kompatibel und wird ignoriert."
        ));
        assert!(foreign("これは日本語の文章です。"));
        // Swedish and Norwegian.
        assert!(foreign(
            "Obsidian erbjuder flera tjänster och licenser som finns tillgängliga att köpa."
        ));
        assert!(foreign(
            "Du kan ikke synkronisere notater og vedlegg uten en lisens."
        ));
        // Polish with no function word on the list but "wszystkie": "zależności" has letters no
        // English word has.
        assert!(foreign(
            "Zainstaluje nam to wszystkie zależności do folderu `./vendor/bundle`."
        ));
        assert!(!foreign(
            "Use the API to configure the formatter, and install it with npm."
        ));
        // A Spanish name or two in an English sentence is English.
        assert!(!foreign(
            "The team met in La Paz and read the docs of the Casa de Campo project."
        ));
        assert!(!foreign("Install"));
        // Names keep their letters.
        assert!(!foreign(
            "Thanks to Łukasz and Dvořák for the fix to the parser and the tests."
        ));
    }
}
