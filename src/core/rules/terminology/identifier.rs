//! Where a name written in lower case is the identifier of something the doc names, not a slip of
//! case: a package the doc calls by its published name, a repository an HTML link points at, a tag in
//! square brackets, a word of a link that names the page it links to.

use super::*;

/// What a doc calls a thing it names by its published, lower-case identifier ("the json package",
/// "the gradle manager", "the openssl gem").
const PUBLISHED: &[&str] = &[
    "builder",
    "cookbook",
    "crate",
    "datasource",
    "formula",
    "gem",
    "manager",
    "module",
    "package",
    "preset",
    "versioning",
];

/// The lower-case names the doc calls a package, a module, a gem, a crate, a builder or a manager's id
/// after "the", plain or as code ("For more see the json package documentation", "The gradle manager
/// supports …", "the `dockerfile` builder"). There the name
/// is that identifier, and so it is wherever else the doc writes it in lower case ("For an example
/// usage of json see …"): one doc does not switch between Go's json package and the JSON format.
pub(super) fn published_names(doc: &DocProse<'_>) -> Vec<String> {
    static THE_NAME: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"\b[Tt]he\s+`?([a-z][a-z0-9+.-]*)`?\s+([a-z]+)\b").expect("static regex")
    });
    let mut out: Vec<String> = Vec::new();
    if !doc.file.contains("he ") {
        return out;
    }
    for c in THE_NAME.captures_iter(doc.file) {
        let (Some(name), Some(word)) = (c.get(1), c.get(2)) else {
            continue;
        };
        // One thing: "the python packages" are the packages for a language.
        if PUBLISHED.contains(&word.as_str()) && !out.iter().any(|n| n == name.as_str()) {
            out.push(name.as_str().to_owned());
        }
    }
    out
}

/// The repositories the doc links from an HTML anchor whose text opens with the repository's name, as
/// (key, name in the address): `<a href="https://github.com/railwayapp-templates/fastapi">fastapi
/// GitHub repo</a>` names that repository, spelled as its owner registered it.
pub(super) fn anchored_repositories(file: &str) -> Vec<(String, String)> {
    static ANCHOR: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r#"<a\s[^>]*?href=["']https?://(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)/([^"'#?]+)["'][^>]*>\s*([\w.-]+)"#,
        )
        .expect("static regex")
    });
    if !file.contains("<a ") {
        return Vec::new();
    }
    ANCHOR
        .captures_iter(file)
        .filter_map(|c| {
            let path = c.get(1)?.as_str().trim_end_matches('/');
            let last = path.rsplit('/').next()?.trim_end_matches(".git");
            let text = c.get(2)?.as_str();
            last.eq_ignore_ascii_case(text)
                .then(|| (key(text), last.to_owned()))
        })
        .collect()
}

/// A lower-case name alone in square brackets that are no link ("* [pdf] [Writing network drivers in
/// Rust](…)", "[video]"): a tag the doc puts before an entry, kept in its own style.
pub(super) fn is_bracket_tag(text: &str, range: std::ops::Range<usize>) -> bool {
    is_all_lower(&text[range.clone()])
        && text[..range.start].ends_with('[')
        && text[range.end..].starts_with(']')
}

/// A lower-case name in a lower-case link text of several words whose address ends in a page of that
/// name ("[:help api](https://neovim.io/doc/user/api.html)", "[railway cdn](/cli/cdn)"): the page,
/// command or module linked, spelled as its owner spells it. A name elsewhere in the address says
/// nothing ("[ralf on github](https://github.com/…)", "[git trailers](…/git-interpret-trailers)").
pub(super) fn names_its_page(doc: &DocProse<'_>, b: usize, view: std::ops::Range<usize>) -> bool {
    let surface = &doc.prose.blocks[b].text[view.clone()];
    if !is_all_lower(surface) {
        return false;
    }
    let Some(span) = doc.link_span(b, view) else {
        return false;
    };
    let text = &doc.file[span.clone()];
    if !is_all_lower(text) || text.split_whitespace().count() < 2 {
        return false;
    }
    let Some(target) = doc.file[span.end..].strip_prefix("](") else {
        return false;
    };
    let target = target.split([')', ' ', '#', '?']).next().unwrap_or("");
    let page = target
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("");
    let stem = page.rsplit_once('.').map_or(page, |(stem, _)| stem);
    // The page of several such things is named for them ("[dockerfile documentation](…/dockerfiles.md)").
    let stem = stem
        .strip_suffix('s')
        .filter(|s| s.eq_ignore_ascii_case(surface))
        .unwrap_or(stem);
    !target.ends_with(&format!("://{page}")) && stem.eq_ignore_ascii_case(surface)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bracket_tag_is_a_lone_lower_case_name() {
        let text = "[pdf] Writing network drivers";
        assert!(is_bracket_tag(text, 1..4));
        assert!(!is_bracket_tag("[Pdf] Writing", 1..4));
        assert!(!is_bracket_tag("the [pdf file] here", 5..8));
    }
}
