//! The neighbours that make a confusion certain: whether the word after "you" names a thing, whether
//! "then" follows a comparison, whether "have" comes before, whether a word is a verb's base form.

use super::Around;
use super::judge::MODALS;

/// Does the word after "you" name a thing: a singular noun ("in you browser"; one that may be a verb
/// too only before a noun: "to you home directory") or a lower-case word no dictionary knows ("in you
/// config")? Not a plural ("for you developers"), a pronoun, a determiner ("for you all") or a
/// word of time or place ("to you first", "with you today").
pub(super) fn names_a_thing(a: &Around) -> bool {
    use crate::core::rules::dictionary::{is_known_word, word_metadata};
    const NOT_THINGS: &[&str] = &[
        "time", "way", "day", "week", "month", "year", "today", "tomorrow", "now", "here", "there",
        "alone", "first", "last", "next", "too", "guys", "folks", "people", "back", "up", "down",
        "out", "off", "free", "right", "again", "know", "like", "both",
    ];
    let Some(w) = a.after.as_deref() else {
        return false;
    };
    // "-ing" words after "you" are its verb ("for you using the annotation").
    // Nor a modal, however the dictionary also knows it as a noun ("in you can start", "on you
    // need nothing").
    if NOT_THINGS.contains(&w)
        || MODALS.contains(&w)
        || w == "need"
        || !w.chars().all(|c| c.is_ascii_lowercase())
        || w.ends_with("ing")
    {
        return false;
    }
    match word_metadata(w) {
        Some(m) => {
            m.noun.as_ref().is_some_and(|n| {
                n.is_plural != Some(true)
                    && n.is_proper != Some(true)
                    && n.is_possessive != Some(true)
            }) && m.pronoun.is_none()
                && m.determiner.is_none()
                && m.conjunction.is_none()
                && !m.preposition
                // A word that may be a verb ("logged in you can", "you intend to you use", "in you
                // see") says "your" only before a noun ("to you home directory").
                && (m.verb.is_none() || a.after2.as_deref().is_some_and(noun_only))
        }
        None => w.len() >= 3 && !is_known_word(w),
    }
}

/// Is the word after "it's" or "you" a thing they own? A singular noun the dictionary never reads as an
/// adjective, an adverb or a small word, followed by a verb of its own ("it's purpose is", "if you
/// repository is": "it is purpose is" has two verbs); after "it's" a plural too ("it's examples
/// are"). Or, after "it's" only (not `verb_only`):
/// - a noun only counted, never a verb, anywhere ("keeps it's container small");
/// - any other noun (also a mass, also a verb, a plural) where "it" is an object, after a verb, a
///   preposition, "and", "or" or "for", and a clause ends after the noun ("to reduce it's size.",
///   "start it's work, pausing"), or a mass noun that is no verb goes on to a preposition ("for it's
///   ability to").
///
/// "It is" stands before none of these without an article. Left alone: "If it's tests", "Oh, it's
/// traces", "I think it's time" ("it" the subject), "the way it's set is" (a participle). After "you"
/// (`verb_only`) only a singular noun that is never a verb, before a verb ("what you need is"), since
/// "you developers are" speaks to them.
pub(super) fn possessed_thing(a: &Around, verb_only: bool) -> bool {
    use crate::core::rules::dictionary::word_metadata;
    /// Verbs a clause follows, whose "it's" is "it is" ("I think it's time", "we know it's data").
    const SAYS: &[&str] = &[
        "think", "thinks", "thought", "know", "knows", "knew", "say", "says", "said", "guess",
        "believe", "believes", "mean", "means", "meant", "hope", "feel", "feels", "felt",
        "suppose", "assume", "bet", "realize", "realise", "notice", "noticed", "decide", "decided",
        "agree", "argue", "claim", "claims", "seems", "ensure", "sure",
    ];
    /// Where a thing named without an article goes on: "it's ability to", "it's behavior as".
    const ON: &[&str] = &[
        "to", "at", "on", "in", "into", "from", "with", "within", "as", "over", "across", "under",
    ];
    let Some(w) = a.after.as_deref() else {
        return false;
    };
    if !a.after_lower || !w.chars().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    // A value or a number is what "it" is ("if it's nil", "it's seven letters long").
    if crate::core::rules::agreement::NUMBERS.contains(&w)
        || matches!(
            w,
            "nil" | "null" | "none" | "zero" | "true" | "false" | "undefined"
        )
    {
        return false;
    }
    let verb_follows = a
        .after2
        .as_deref()
        .is_some_and(|n| crate::core::rules::agreement::AUXILIARIES.contains(&n));
    // An adjective after it, not a participle, makes the word an adverb the dictionary does not know
    // as one ("it's thus critical"; "had it's schema changed" is a possessive).
    let adjective_follows = a
        .after2
        .as_deref()
        .and_then(word_metadata)
        .is_some_and(|m| m.adjective.is_some() && m.verb.is_none());
    word_metadata(w).is_some_and(|m| {
        let Some(n) = m.noun.as_ref() else {
            return false;
        };
        let plural = n.is_plural == Some(true);
        let mass = n.is_mass == Some(true);
        let participle = m.is_verb_past_participle_form();
        if n.is_proper == Some(true)
            || n.is_possessive == Some(true)
            || (plural && verb_only)
            || m.adjective.is_some()
            || m.adverb.is_some()
            || m.pronoun.is_some()
            || m.determiner.is_some()
            || m.conjunction.is_some()
            || m.preposition
        {
            return false;
        }
        if verb_follows {
            return !(m.verb.is_some() && (verb_only || participle));
        }
        if verb_only || adjective_follows || participle {
            return false;
        }
        // Counted only, singular, never a verb: "keeps it's container small".
        if !mass && !plural && m.verb.is_none() {
            return true;
        }
        // Any other noun stands after "it is" as a thing it is ("If it's tests, it drifts", "Oh,
        // it's traces", "It's vibes."), unless "it" is an object: after a verb, a preposition, "and"
        // or "or" ("to reduce it's size.", "the form and it's methods.").
        let object = a.before.as_deref().is_some_and(|b| {
            matches!(b, "and" | "or" | "for")
                || word_metadata(b).is_some_and(|bm| {
                    // Not "but", a conjunction too ("but it's backwards").
                    bm.conjunction.is_none()
                        && (bm.preposition
                            || (bm.verb.is_some()
                                && !crate::core::rules::agreement::AUXILIARIES.contains(&b)
                                && !SAYS.contains(&b)))
                })
        });
        let countable = n.is_countable == Some(true) || !mass;
        object && countable && (a.after_stop || (m.verb.is_none() && !plural && a.after2_in(ON)))
    })
}

/// Is the word after "it's" a past participle that no noun follows ("part of it's packaged using",
/// "of it's deployed."), so that "it's" is "it is" of a passive? A participle that only stands as an
/// adjective before its noun ("in it's compiled form") is not.
pub(super) fn passive_after(a: &Around) -> bool {
    use crate::core::rules::dictionary::word_metadata;
    let participle = a.after.as_deref().and_then(word_metadata).is_some_and(|m| {
        // The dictionary marks a regular "-ed" form as the past only.
        (m.is_verb_past_participle_form() || m.is_verb_past_form()) && m.noun.is_none()
    });
    // A word the dictionary does not know after it is a name, a noun ("it's compiled Qwzbin").
    participle
        && (a.after_stop
            || a.after2.as_deref().is_none_or(|n| {
                word_metadata(n).is_some_and(|m| {
                    m.noun.is_none() || m.preposition || m.is_verb_progressive_form()
                })
            }))
}

/// Does "then" follow a comparison the judge's list does not name: an adjective's "-er" form
/// ("cheaper then", "earlier then"), or "more" or "less" and an adjective or adverb ("more often
/// then")? Not "more likely then than now", where "then" is a time, nor "the attacker then sends".
pub(super) fn compared(a: &Around) -> bool {
    use crate::core::rules::dictionary::word_metadata;
    if a.after_in(&["than"]) {
        return false;
    }
    // What is compared follows: a determiner, a pronoun, a preposition ("cheaper then the old one",
    // "then it", "then before"), not a verb ("the attacker then sends": a time).
    let verb_next = a.after.as_deref().is_some_and(|w| {
        word_metadata(w).is_some_and(|m| {
            m.verb.is_some() && m.determiner.is_none() && m.pronoun.is_none() && !m.preposition
        })
    });
    if verb_next {
        return false;
    }
    let Some(before) = a.before.as_deref() else {
        return false;
    };
    // An adjective's "-er" form: "cheaper" of "cheap", "nicer" of "nice", "hotter" of "hot",
    // "earlier" of "early".
    let of_adjective = || {
        let Some(stem) = before.strip_suffix("er") else {
            return false;
        };
        let doubled =
            stem.len() >= 2 && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2];
        let stems = [
            Some(stem.to_owned()),
            Some(format!("{stem}e")),
            doubled.then(|| stem[..stem.len() - 1].to_owned()),
            stem.strip_suffix('i').map(|s| format!("{s}y")),
        ];
        stems
            .into_iter()
            .flatten()
            .any(|s| s.len() >= 3 && word_metadata(&s).is_some_and(|m| m.adjective.is_some()))
    };
    // The dictionary's own tags are no help here: it calls "attacker" a comparative, and gives
    // "cheaper" the noun of "cheap". A noun of its own ("number", counted) is no comparison.
    let comparative = || {
        let meta = word_metadata(before);
        let noun = meta.as_ref().is_some_and(|m| {
            m.preposition
                || m.noun.as_ref().is_some_and(|n| {
                    n.is_countable.is_some() || n.is_mass.is_some() || n.is_singular.is_some()
                })
        });
        before != "later" && !noun && of_adjective()
    };
    let after_more = || {
        a.before2_in(&["more", "less"])
            && word_metadata(before).is_some_and(|m| {
                (m.adjective.is_some() || m.adverb.is_some())
                    && m.noun.is_none()
                    && m.verb.is_none()
            })
    };
    comparative() || after_more()
}

/// Does "have" (or "has", "had", "'ve"), or "have" and one adverb ("has also", "have never"), come
/// before the word?
pub(super) fn has_before(a: &Around) -> bool {
    const HAVE: &[&str] = &["has", "have", "had", "having", "'ve"];
    a.before_in(HAVE)
        || (a.before_in(&[
            "also", "already", "never", "not", "just", "ever", "often", "probably",
        ]) && a.before2_in(HAVE))
}

/// Is `w` a verb's base form and nothing a modal's "no" could go with: not a noun alone, nor "longer",
/// "more", "doubt" ("will no longer", "can no more", "will no doubt")?
pub(super) fn bare_verb(w: &str) -> bool {
    use crate::core::rules::dictionary::word_metadata;
    !matches!(
        w,
        "longer" | "more" | "less" | "doubt" | "one" | "matter" | "way"
    ) && word_metadata(w).is_some_and(|m| m.is_verb_lemma() && m.adjective.is_none())
}

/// Is `w` a verb's base form ("try", "load"), whatever else the dictionary reads it as?
pub(super) fn verb_lemma(w: &str) -> bool {
    crate::core::rules::dictionary::word_metadata(w).is_some_and(|m| m.is_verb_lemma())
}

/// Is `w` a noun and no verb ("directory", not "use")?
fn noun_only(w: &str) -> bool {
    crate::core::rules::dictionary::word_metadata(w)
        .is_some_and(|m| m.noun.is_some() && m.verb.is_none())
}

/// Is `w` a state a subject can be in ("available", "supported", "valid"): an adjective or a verb's
/// participle in "-ed" or "-en", and no adverb ("only", "just", "necessarily") nor a verb's "-ing"? Nor
/// a comparison, which describes a noun after it ("run in not older version than …").
pub(super) fn names_a_state(w: &str) -> bool {
    use crate::core::rules::dictionary::word_metadata;
    if w.ends_with("ing") || w.ends_with("er") || w.ends_with("est") {
        return false;
    }
    word_metadata(w).is_some_and(|m| {
        m.adverb.is_none()
            && m.determiner.is_none()
            && m.pronoun.is_none()
            && (m.adjective.is_some()
                || (m.verb.is_some() && (w.ends_with("ed") || w.ends_with("en"))))
    })
}
