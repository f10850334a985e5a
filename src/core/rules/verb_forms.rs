//! A verb's forms, as harper-core's dictionary knows them: the base form of a form in -s, the form in
//! -s, -ing and -ed of a base form. Each is offered only when the dictionary knows the word made, so a
//! rule never suggests a form that does not exist.

use super::dictionary::word_metadata;

/// The base form of a verb in -s that takes a singular subject ("runs" → "run", "supports" →
/// "support", "applies" → "apply", "is" → "are"), if the dictionary knows both.
pub fn base_form(verb: &str) -> Option<String> {
    let irregular = match verb {
        "is" => Some("are"),
        "has" => Some("have"),
        "does" => Some("do"),
        "was" => Some("were"),
        _ => None,
    };
    if let Some(base) = irregular {
        return Some(base.to_owned());
    }
    if verb.len() < 4 {
        return None;
    }
    let v = word_metadata(verb)?;
    if !v.is_verb_third_person_singular_present_form() || v.is_verb_lemma() {
        return None;
    }
    let stem = verb.strip_suffix('s')?;
    let mut bases = vec![stem.to_owned()];
    if let Some(s) = stem.strip_suffix("ie") {
        bases.push(format!("{s}y"));
    }
    if let Some(s) = stem.strip_suffix('e') {
        bases.push(s.to_owned());
    }
    bases.into_iter().find(|b| {
        third_person(b).as_deref() == Some(verb)
            && word_metadata(b).is_some_and(|m| m.is_verb_lemma())
    })
}

/// The -ing form of a base verb ("destructure" → "destructuring", "run" → "running"), if the
/// dictionary knows it.
pub fn progressive(verb: &str) -> Option<String> {
    let chars: Vec<char> = verb.chars().collect();
    let mut forms = Vec::new();
    if let Some(stem) = verb.strip_suffix("ie") {
        forms.push(format!("{stem}ying"));
    }
    if let Some(stem) = verb.strip_suffix('e')
        && !verb.ends_with("ee")
    {
        forms.push(format!("{stem}ing"));
    }
    if let [.., a, b, c] = chars.as_slice()
        && !"aeiou".contains(*a)
        && "aeiou".contains(*b)
        && !"aeiouwxy".contains(*c)
    {
        forms.push(format!("{verb}{c}ing"));
    }
    forms.push(format!("{verb}ing"));
    forms
        .into_iter()
        .find(|f| word_metadata(f).is_some_and(|m| m.is_verb_progressive_form()))
}

/// The third person singular of a base verb ("utilize" → "utilizes"), if the dictionary knows it.
pub fn third_person(verb: &str) -> Option<String> {
    let form = match verb {
        "be" => "is".to_owned(),
        "have" => "has".to_owned(),
        v if v.ends_with(['s', 'x', 'z', 'o']) || v.ends_with("sh") || v.ends_with("ch") => {
            format!("{v}es")
        }
        v if v.ends_with('y') && !v[..v.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']) => {
            format!("{}ies", &v[..v.len() - 1])
        }
        v => format!("{v}s"),
    };
    let m = word_metadata(&form)?;
    m.is_verb_third_person_singular_present_form()
        .then_some(form)
}

/// The participle in -ed of a base verb ("disable" → "disabled", "apply" → "applied", "emit" →
/// "emitted"), if the dictionary knows it.
pub fn participle(base: &str) -> Option<String> {
    let mut forms = vec![format!("{base}d"), format!("{base}ed")];
    if let Some(stem) = base.strip_suffix('y') {
        forms.push(format!("{stem}ied"));
    }
    if let Some(last) = base.chars().last() {
        forms.push(format!("{base}{last}ed"));
    }
    forms
        .into_iter()
        .find(|f| f.ends_with("ed") && word_metadata(f).is_some_and(|m| m.is_verb()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_the_dictionary_knows_and_none_it_does_not() {
        assert_eq!(base_form("applies").as_deref(), Some("apply"));
        assert_eq!(base_form("pushes").as_deref(), Some("push"));
        assert_eq!(base_form("is").as_deref(), Some("are"));
        assert_eq!(third_person("utilize").as_deref(), Some("utilizes"));
        assert_eq!(progressive("run").as_deref(), Some("running"));
        assert_eq!(participle("emit").as_deref(), Some("emitted"));
        assert_eq!(participle("apply").as_deref(), Some("applied"));
        assert_eq!(base_form("news"), None);
        assert_eq!(third_person("gonna"), None);
    }
}
