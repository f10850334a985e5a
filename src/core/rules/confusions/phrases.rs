//! Words slipped inside a phrase whose shape makes the slip certain, for `grammar.confused-words`:
//! "in you `.travis.yml`" is the possessive only because a place preposition and a file follow, "Window"
//! is the operating system only beside another one, "than" is "then" only after a condition and its
//! comma. Asked by [`super::judge::judge`] after its own patterns.

use super::Around;
use super::context::{bare_verb, names_a_state, verb_lemma};

/// Prepositions of place after which "you" before inline code or a file name is a slip of "your" ("in
/// you `.travis.yml`"); "to you", "for you" and "with you" may go on to a command for the person.
const PLACES: &[&str] = &["in", "on", "into", "onto", "from", "within", "inside"];

/// Subjects before "are", "am" or "were" that make "exited to" a slip of "excited" ("we are exited to
/// announce"); after "the loop was" it is the verb "exit".
const PEOPLE: &[&str] = &["i", "we", "they", "you", "he", "she"];

/// Verbs "let" takes as they are: "let go of", "let slip", "let it be"; "let know" and "let pass" have
/// lost their object, not an "'s".
const NOT_LETS: &[&str] = &[
    "go", "slip", "fly", "stand", "drop", "rip", "be", "pass", "loose", "know", "alone", "sit",
    "rest",
];

/// What a verb after "let's" acts on or goes on to: "Let's try it", "let's take a look", "let's look
/// at"; not a second verb ("Let time pass").
const ACTED_ON: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "it", "them", "our", "your", "its",
    "their", "some", "at", "with", "by", "into", "through", "over", "on", "about", "up", "out",
];

/// The fix and the reason when the word is a slip inside one of these phrases.
pub(super) fn phrase(a: &Around) -> Option<(&'static str, &'static str)> {
    match &*a.word {
        // "Let try it!", "so let take a look": "let" opening a sentence or a next step before a bare
        // verb and what that verb acts on is "let's". "Let time pass" and "let people know" have
        // their object first, "let go of" and "let slip" are phrases of their own, and "Let x be"
        // names no verb.
        "let"
            if ((a.starts && a.title)
                || (!a.capital && a.before_in(&["so", "now", "then", "first", "next"])))
                && a.after_lower
                && !a.after_in(NOT_LETS)
                && a.after.as_deref().is_some_and(verb_lemma)
                && a.after2_in(ACTED_ON) =>
        {
            Some((
                "let's",
                "before a verb and what it acts on, the suggestion is",
            ))
        }
        "you" if a.before_in(PLACES) && (a.after_code || (a.after_lower && a.after_file)) => {
            Some((
                "your",
                "is the person; before the thing of theirs it names, the possessive is",
            ))
        }
        // "runs on Linux, Window and macOS": the operating system beside another one; "the Window
        // menu", "X Window" and "BrowserWindow" are no system.
        "window"
            if a.beside_os
                && !a.starts
                && !a.before_in(&["x", "the", "a", "this", "new", "main", "browser", "active"])
                && (a.after.is_none()
                    || a.after_in(&[
                        "and",
                        "or",
                        "users",
                        "machines",
                        "systems",
                        "platforms",
                        "hosts",
                        "builds",
                        "10",
                        "11",
                        "7",
                        "8",
                    ])) =>
        {
            Some(("Windows", "is a pane; the operating system is"))
        }
        // "the method in not available": a state after "not" needs a verb ("interested in not
        // paying" has its verb in "-ing").
        "in" if a.after_in(&["not"]) && a.after2.as_deref().is_some_and(names_a_state) => {
            Some(("is", "is a place; before \"not\" and a state the verb is"))
        }
        // "If it is empty, than run it": after a condition and its comma, the next step.
        "than"
            if a.gap == ","
                && a.opener
                    .as_deref()
                    .is_some_and(|o| matches!(o, "if" | "when" | "once" | "after"))
                && a.prior.as_deref().is_some_and(|p| {
                    !p.ends_with("er") && !matches!(p, "more" | "less" | "rather" | "other")
                })
                && a.after_lower
                && (a.after_in(&[
                    "i", "you", "we", "they", "he", "she", "it", "the", "this", "that", "there",
                    "your", "our", "its", "their",
                ]) || a.after.as_deref().is_some_and(bare_verb)) =>
        {
            Some(("then", "compares; the step after a condition is"))
        }
        // "when either or them is missing": "either" before its choices takes "of" ("either or both"
        // is the idiom).
        "or" if a.before_in(&["either"])
            && a.after_lower
            && a.after_in(&[
                "the", "them", "these", "those", "this", "its", "their", "your", "our", "us",
            ]) =>
        {
            Some((
                "of",
                "joins choices; before the things chosen from, \"either\" takes",
            ))
        }
        "past"
            if a.prior_is("copy", &["&", "/"])
                || (a.before_in(&["and"]) && a.before2_in(&["copy"])) =>
        {
            Some(("paste", "is gone time; what follows a copy is"))
        }
        "copy-past" => Some(("copy-paste", "ends in gone time; what follows a copy is")),
        // "In other to build it, run": the purpose is "in order to".
        "other"
            if a.before_in(&["in"])
                && a.after_in(&["to"])
                && a.after2.as_deref().is_some_and(bare_verb) =>
        {
            Some(("order", "makes no purpose here; \"in order to\" needs"))
        }
        // "We're exited to announce": the person is glad; "the loop was exited" left it.
        "exited"
            if a.after_in(&["to", "about", "for"])
                && (a
                    .before_in(&["we're", "i'm", "they're", "you're", "so", "very", "really"])
                    || (a.before_in(&["are", "am", "were", "was"]) && a.before2_in(PEOPLE))) =>
        {
            Some(("excited", "means left; glad and eager is"))
        }
        // "If you are interesting in contributing": the person is "interested" ("interesting in that
        // way" describes the thing).
        "interesting"
            if a.after_in(&["in"])
                && a.after2.as_deref().is_some_and(|w| {
                    w.len() >= 5 && w.ends_with("ing") && !w.ends_with("thing")
                })
                && (a.before_in(&[
                    "are", "am", "is", "were", "was", "be", "you", "we're", "you're", "i'm",
                ]) || (a.starts && a.title)) =>
        {
            Some((
                "interested",
                "describes the thing; the person who wants it is",
            ))
        }
        // "You van even use it": a subject before a verb's modal.
        "van"
            if a.before_in(&[
                "i", "you", "we", "they", "he", "she", "it", "this", "which", "that",
            ]) && a.after_lower
                && a.after.as_deref().is_some_and(|w| {
                    bare_verb(w)
                        || matches!(
                            w,
                            "even"
                                | "also"
                                | "now"
                                | "then"
                                | "still"
                                | "just"
                                | "only"
                                | "not"
                                | "easily"
                                | "simply"
                        )
                }) =>
        {
            Some(("can", "is a vehicle; before a verb the modal is"))
        }
        "bee"
            if a.before_in(&[
                "can", "could", "will", "would", "should", "must", "may", "might", "cannot",
            ]) && a.after_lower
                && a.after.is_some() =>
        {
            Some(("be", "is an insect; after a modal the verb is"))
        }
        // Set phrases with one word slipped: "keep is mind", "wreck havoc", "please not that",
        // "how to you load", "can be use to".
        "is" if a.before_in(&["keep", "keeps", "kept", "keeping"]) && a.after_in(&["mind"]) => {
            Some(("in", "is a verb; the phrase is \"keep in mind\", with"))
        }
        "wreck" | "wrecks" | "wrecked" | "wrecking" if a.after_in(&["havoc"]) => Some((
            match &*a.word {
                "wreck" => "wreak",
                "wrecks" => "wreaks",
                "wrecked" => "wreaked",
                _ => "wreaking",
            },
            "ruins; the phrase is \"wreak havoc\", with",
        )),
        "not" if a.before_in(&["please"]) && a.after_in(&["that"]) => {
            Some(("note", "negates; \"please … that\" asks the reader to"))
        }
        "to" if a.before_in(&["how"])
            && a.after_in(&["you"])
            && a.after2.as_deref().is_some_and(verb_lemma) =>
        {
            Some((
                "do",
                "opens no question; \"how … you\" before a verb asks with",
            ))
        }
        "use"
            if a.before_in(&["is", "are", "was", "were", "be", "been"]) && a.after_in(&["to"]) =>
        {
            Some((
                "used",
                "after a form of \"be\", before \"to\", the participle is",
            ))
        }
        // "Se the guide": a sentence opening on a slip of "See".
        "se" if a.starts
            && a.title
            && a.after_lower
            && a.after_in(&[
                "the", "also", "below", "above", "our", "this", "how", "more",
            ]) =>
        {
            Some(("see", "is no English word; the pointer to more is"))
        }
        _ => None,
    }
}
