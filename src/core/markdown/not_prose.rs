//! What is not prose inside a doc's text: addresses, shortcodes and template syntax, MDX/JSX
//! expressions and imports, and code a site generator writes into Markdown.

use super::*;

/// Shortcodes and bare URLs inside text: Hugo `{{< … >}}` / `{{% … %}}`, Go/Jinja `{{ … }}`, Jinja
/// `{% … %}` and `{# … #}`, ERB/EJS/Plush `<% … %>`, kramdown attribute lists `{: … }`,
/// `http(s)://…`, `ftp://…`, `www.…`, `mailto:…`, and the labels of full reference links (`][label]`).
static NOT_PROSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // A Liquid/Jekyll raw block is code through and through; a comment block is never rendered.
        r"(?s)\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}",
        r"|(?s)\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}",
        r"|\{\{<.*?>\}\}|\{\{%.*?%\}\}|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}",
        // ERB, EJS and Plush tags (`<%= partial("a.md") %>`, `<%# note %>`): the template's code.
        r"|<%.*?%>",
        // MathJax/KaTeX inline and display math written with backslashes.
        r"|\\\(.*?\\\)|\\\[.*?\\\]",
        // No `\b` before the schemes: it would cost the regex its fast literal search (5x slower).
        // A brace ends an address: "https://x.com/{{ handle }}" is an address and a template.
        r"|(?:https?|ftp)://[^\s<>\x60{]*[^\s<>\x60{.,;:!?'\x22)\]]",
        r"|www\.[^\s<>\x60{]*[^\s<>\x60{.,;:!?'\x22)\]]",
        // Kramdown attribute lists ("{: .note}", "{:toc}").
        r"|\{:[^}\n]*\}",
        r"|mailto:[^\s<>\x60]+",
        // The label of a full reference link ("[MkDocs][mkdocs]"): a key, and text only when no
        // definition in the file gives it an address (a site may add them to every page).
        r"|\]\[[^\]\[\n]+\]",
    ))
    .expect("static regex")
});

/// The spans [`NOT_PROSE`] finds in `body`. A template tag, a math span or a comment is one piece of
/// a paragraph: a match that runs across a blank line or a code fence began at braces that open no
/// template (`{{i,u}` in a Rust comment) and would hide every paragraph up to the next `}}`; the search
/// goes on after its first brace instead. A raw block or a comment block may hold anything.
pub(super) fn not_prose_spans(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(m) = NOT_PROSE.find_at(body, at) {
        let text = m.as_str();
        let raw =
            text.starts_with("{%") && (text.contains("endraw") || text.contains("endcomment"));
        if !raw && crosses_paragraph(text) {
            at = m.start() + 1;
            continue;
        }
        out.push(m.range());
        at = m.end().max(m.start() + 1);
    }
    out
}

/// Whether `text` holds a blank line or a line that opens a code fence.
fn crosses_paragraph(text: &str) -> bool {
    text.lines().skip(1).any(|line| {
        let t = line.trim_start();
        t.is_empty() || super::is_fence_line(t)
    })
}

/// MDX's code in a text: `import`/`export` statements (from a line start to the next blank line) and
/// `{…}` expressions (balanced braces, strings inside respected).
pub(super) fn mdx_code(body: &str) -> Vec<Range<usize>> {
    static ESM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^(?:import|export)\b[^\n]*(?:\n[^\n]*\S[^\n]*)*").expect("static regex")
    });
    let mut out: Vec<Range<usize>> = ESM.find_iter(body).map(|m| m.range()).collect();
    out.extend(jsx_tags(body));
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'{' || out.iter().any(|r| r.contains(&i)) {
            i += 1;
            continue;
        }
        let start = i;
        let mut depth = 0usize;
        let mut quote: Option<u8> = None;
        let mut end = None;
        while i < bytes.len() {
            let b = bytes[i];
            match quote {
                Some(q) if b == q => quote = None,
                Some(_) if b == b'\\' => i += 1,
                Some(_) => {}
                None => match b {
                    b'"' | b'\'' | b'`' => quote = Some(b),
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = Some(i + 1);
                            break;
                        }
                    }
                    _ => {}
                },
            }
            i += 1;
        }
        match end {
            Some(e) => {
                out.push(start..e);
                i = e;
            }
            // An unbalanced brace is just a character.
            None => i = start + 1,
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// A component's tag, opening or closing, to its closing `>` (strings and `{…}` inside respected).
/// CommonMark knows neither of these as HTML: `<SurrealistMini setup="…">` may run over many lines,
/// blank ones among them, where CommonMark ends the HTML block and reads the rest of its attributes (a
/// query) as paragraphs; and a component named by a member (`<CardGrid.Item>`, `</CardGrid.Item>`,
/// `<motion.div>`) has a dot no HTML tag name holds, so CommonMark reads the tag as text. MDX reads
/// every `<` before a name as a tag, so none of this is prose.
fn jsx_tags(body: &str) -> Vec<Range<usize>> {
    static OPEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"</?(?:[A-Z]\w*(?:\.\w+)*|[a-z]\w*(?:\.\w+)+)").expect("static regex")
    });
    let bytes = body.as_bytes();
    let mut out = Vec::new();
    for m in OPEN.find_iter(body) {
        // A name's end: a space, a line end, "/" or ">" ("<Foo-bar" and "<Foo's" are no tags).
        if !matches!(
            bytes.get(m.end()),
            Some(b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>')
        ) {
            continue;
        }
        let (mut i, mut depth, mut quote) = (m.end(), 0usize, None::<u8>);
        while i < bytes.len() {
            let b = bytes[i];
            match quote {
                Some(q) if b == q => quote = None,
                Some(_) => {}
                None => match b {
                    b'"' | b'\'' if depth == 0 => quote = Some(b),
                    b'{' => depth += 1,
                    b'}' => depth = depth.saturating_sub(1),
                    b'>' if depth == 0 => break,
                    _ => {}
                },
            }
            i += 1;
        }
        // A tag that never closes is a stray "<" in the text, not a component.
        if i < bytes.len() {
            out.push(m.start()..i + 1);
        }
    }
    out
}

/// Code that Markdown-based site generators accept outside code blocks, in any Markdown file:
/// - an ES module `import … from '…'` line (Docusaurus and Astro read `.md` as MDX);
/// - the body of a Hugo shortcode named for code (`{{< highlight go >}}`, `{{< code-toggle >}}`,
///   `{{< codenew >}}`): Hugo hands such a body to the shortcode raw, and it is a program or a config;
/// - the body of a bracket shortcode named for code, its tags on lines of their own (Grav's
///   `[prism classes="language-yaml"]` … `[/prism]`, WordPress's `[code lang="css"]` … `[/code]`);
/// - a Franklin page variable's name and any value but a string (`@def rss_pubdate = Date(…)`): the
///   page's settings; a string value (`@def rss = """…"""`) is text the site shows, in a feed or a
///   title, and is read;
/// - fenced code a site renders inside HTML, admonitions and tabs, mkdocstrings directives, MDC
///   props and MyST directive options (see the functions below);
/// - code that Liquid renders ([`liquid_code`]) and breadcrumb trails ([`breadcrumbs`]).
pub(super) fn generator_code(body: &str) -> Vec<Range<usize>> {
    static IMPORT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"(?m)^import[ \t]+(?:[\w*{}, \t]+[ \t]from[ \t]+)?['"][^'"\n]+['"];?[ \t\r]*$"#,
        )
        .expect("static regex")
    });
    static CODE_SHORTCODE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\{\{<\s*(highlight|[\w-]*code[\w-]*)\b[^>]*>\}\}").expect("static regex")
    });
    // Which site generators' marks the text holds at all, in one pass over it.
    static MARKS: LazyLock<regex::RegexSet> = LazyLock::new(|| {
        regex::RegexSet::new([
            r"\{\{<",
            r"\[/",
            r"markdown=",
            r"<pre|<PRE",
            r"!!!|\?\?\?|===",
            r"<",
            r"```|~~~",
            r":::",
            r"::[A-Za-z]",
            r"@def",
            r"\{%",
            r"\)[ \t]*(?:/|>|›|»)",
            r"(?m)[ \t]\\[ \t]*\r?$|^[ \t]*\$ [a-z./]",
        ])
        .expect("static regex")
    });
    let marks = MARKS.matches(body);
    let mut out: Vec<Range<usize>> = IMPORT.find_iter(body).map(|m| m.range()).collect();
    if marks.matched(0) {
        for caps in CODE_SHORTCODE.captures_iter(body) {
            let (Some(open), Some(name)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            // A self-closing shortcode (`{{< code-toggle config=build />}}`) has no body.
            if open.as_str().ends_with("/>}}") {
                continue;
            }
            let rest = &body[open.end()..];
            // The closing tag: `{{< /name >}}`, spaces optional.
            let close = rest.match_indices("{{<").find_map(|(i, _)| {
                let tag = rest[i + 3..].trim_start().strip_prefix('/')?;
                let tag = tag.trim_start().strip_prefix(name.as_str())?;
                let end = tag.trim_start().strip_prefix(">}}")?;
                Some(open.end() + rest.len() - end.len())
            });
            if let Some(end) = close {
                out.push(open.start()..end);
            }
        }
    }
    if marks.matched(1) {
        static BRACKET_CODE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?m)^[ \t]*\[(prism|code|sourcecode|highlight)\b[^\]\n]*\][ \t\r]*$")
                .expect("static regex")
        });
        for caps in BRACKET_CODE.captures_iter(body) {
            let (Some(open), Some(name)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let close = format!("[/{}]", name.as_str());
            if let Some(at) = body[open.end()..].find(&close) {
                out.push(open.start()..open.end() + at + close.len());
            }
        }
    }
    if marks.matched(2) {
        out.extend(fences_in_markdown_html(body));
    }
    if marks.matched(3) {
        out.extend(preformatted(body));
    }
    if marks.matched(4) {
        out.extend(indented_blocks(body));
    }
    if marks.matched(5) && marks.matched(6) {
        out.extend(fences_after_tags(body));
    }
    if marks.matched(7) {
        out.extend(autodoc_directives(body));
        out.extend(directive_options(body));
    }
    if marks.matched(8) {
        out.extend(component_props(body));
    }
    if marks.matched(9) {
        static PAGE_VARIABLE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r#"(?m)^@def[ \t]+\w+[ \t]*=(?:[ \t]*[^"'\s][^\n]*)?"#)
                .expect("static regex")
        });
        out.extend(PAGE_VARIABLE.find_iter(body).map(|m| m.range()));
    }
    if marks.matched(10) {
        out.extend(liquid_code(body));
    }
    if marks.matched(11) {
        out.extend(breadcrumbs(body));
    }
    if marks.matched(12) {
        out.extend(plain_commands(body));
    }
    out.sort_by_key(|r| r.start);
    out
}

/// Shell commands written as text, without a code fence: a line that opens with a prompt (`$ kubectl
/// exec …`), or two lines or more that each end in a line continuation (` \`), the first opening with
/// a program's name in lower case and a later one, or the line they continue into, with a flag ("helm
/// upgrade \", "--install \", "kuma kuma/kuma"), each with the line it continues into. The site shows
/// them as a paragraph, but they are a program's input, not sentences. One line ending in ` \` is a
/// hard line break in prose; lines of prose open with a capital or a list's or a quote's marker, and
/// carry no flags.
fn plain_commands(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut lines = Vec::new();
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        let text = line.trim_end_matches(['\n', '\r']);
        let lead = text.len() - text.trim_start().len();
        lines.push((at + lead, at + text.len(), text.trim_start()));
        at += line.len();
    }
    // A space after the backslash is a slip the shell forgives here: the writer meant it to continue.
    let continued = |t: &str| {
        let t = t.trim_end();
        t.ends_with(" \\") || t.ends_with("\t\\")
    };
    let prompt = |t: &str| {
        t.strip_prefix("$ ").is_some_and(|rest| {
            rest.starts_with(|c: char| c.is_ascii_lowercase() || c == '.' || c == '/')
        })
    };
    // A program's name: lower-case letters, digits and `./~_-`, then a space.
    let program = |t: &str| {
        t.starts_with(|c: char| c.is_ascii_lowercase() || c == '.' || c == '/' || c == '~')
            && t.split_once([' ', '\t']).is_some_and(|(name, _)| {
                name.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "./~_-".contains(c))
            })
    };
    let mut i = 0;
    while i < lines.len() {
        let (start, _, first) = lines[i];
        let mut j = i;
        while j < lines.len() && continued(lines[j].2) {
            j += 1;
        }
        let run = j - i;
        let flagged = (i + 1..=j.min(lines.len() - 1)).any(|k| lines[k].2.starts_with('-'));
        let command = prompt(first) || (run >= 2 && program(first) && flagged);
        if command {
            // The line a continuation ends on, unless the run ran to a blank line or the end.
            let last = if j < lines.len() && !lines[j].2.is_empty() {
                j
            } else {
                j.max(i + 1) - 1
            };
            out.push(start..lines[last].1);
            i = last + 1;
        } else {
            i = j.max(i + 1);
        }
    }
    out
}

/// Breadcrumb trails: a paragraph of one line that is links joined by `/`, `>`, `›` or `»`, up to the
/// page's own name ("[@lancedb/lancedb](../globals.md) / [embedding](../README.md) / FieldOptions", as
/// API reference generators write at a page's top). It is navigation, not a sentence. The name is four
/// words at most, so a sentence after a link stays prose.
fn breadcrumbs(body: &str) -> Vec<Range<usize>> {
    static TRAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?m)^[ \t]*(?:\[[^\]\n]+\]\([^)\s]*\)[ \t]*(?:/|>|›|»)[ \t]*)+(?:[^\s\[\]()]+(?:[ \t]+[^\s\[\]()]+){0,3})?[ \t\r]*$",
        )
        .expect("static regex")
    });
    TRAIL
        .find_iter(body)
        .filter(|m| {
            let alone = |lines: &mut dyn Iterator<Item = &str>| {
                lines.next().is_none_or(|l| l.trim().is_empty())
            };
            alone(&mut body[..m.start()].lines().rev())
                && alone(&mut body[m.end()..].lines().skip(1))
        })
        .map(|m| m.range())
        .collect()
}

/// Code that Liquid (Jekyll's templates) renders: a `{% highlight scala %}` line down to its
/// `{% endhighlight %}` line, a diagram's source between `{% mermaid %}` (or `plantuml`, `graphviz`)
/// and its end tag, which the site draws as a picture, and lines indented four spaces or more right
/// under a line that opens and ends with a tag (`{% tab 'Scala 2' %}`). CommonMark reads those lines
/// as the tag's paragraph going on, but the tag renders its content as Markdown of its own, where they
/// are an indented code block.
/// (Raw and comment blocks, which may sit inside a line, are [`NOT_PROSE`]'s.)
fn liquid_code(body: &str) -> Vec<Range<usize>> {
    // One pattern per tag, so that a block ends at its own end tag.
    static HIGHLIGHT: LazyLock<Vec<Regex>> = LazyLock::new(|| {
        ["highlight", "mermaid", "plantuml", "graphviz"]
            .iter()
            .map(|tag| {
                Regex::new(&format!(
                    r"(?ms)^[ \t]*\{{%-?\s*{tag}\b[^%\n]*-?%\}}[ \t\r]*$.*?^[ \t]*\{{%-?\s*end{tag}\s*-?%\}}"
                ))
                .expect("static regex")
            })
            .collect()
    });
    static TAG_THEN_INDENTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^ {0,3}\{%[^\n]*%\}[ \t\r]*((?:\n(?:[ \t]*\r?\n)*(?: {4}|\t)[^\n]*)+)")
            .expect("static regex")
    });
    let mut out: Vec<Range<usize>> = HIGHLIGHT
        .iter()
        .flat_map(|re| re.find_iter(body).map(|m| m.range()))
        .collect();
    // The group opens with the tag line's line break.
    out.extend(first_groups(&TAG_THEN_INDENTED, body).map(|r| r.start + 1..r.end));
    out
}

/// The range of each match's first group.
fn first_groups<'b>(re: &'b Regex, body: &'b str) -> impl Iterator<Item = Range<usize>> + 'b {
    re.captures_iter(body)
        .filter_map(|c| c.get(1))
        .map(|m| m.range())
}

/// The props of an MDC block component (Nuxt Content's `::component-code` with a `---` line right
/// after it): YAML from that line to the next `---` line, data the component renders as it likes
/// (prop names, menu items, links), not the page's prose.
fn component_props(body: &str) -> Vec<Range<usize>> {
    static OPEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^[ \t]*::+[A-Za-z][\w-]*[^\n]*\n([ \t]*---[ \t]*\r?\n)")
            .expect("static regex")
    });
    let mut out = Vec::new();
    for caps in OPEN.captures_iter(body) {
        let Some(props) = caps.get(1) else {
            continue;
        };
        let mut at = props.end();
        for line in body[props.end()..].split_inclusive('\n') {
            at += line.len();
            if line.trim() == "---" {
                out.push(props.start()..at);
                break;
            }
        }
    }
    out
}

/// Fenced code inside an HTML element that asks for its content to be read as Markdown
/// (`<figure markdown="1">`, kramdown's and Python-Markdown's way): CommonMark ends the HTML block at
/// the first blank line and reads the rest of the fence as paragraphs, but the site renders it as
/// code.
fn fences_in_markdown_html(body: &str) -> Vec<Range<usize>> {
    static OPEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^[ \t]*<([A-Za-z][\w-]*)\b[^>\n]*\bmarkdown=[^>\n]*>")
            .expect("static regex")
    });
    let mut out = Vec::new();
    for caps in OPEN.captures_iter(body) {
        let (Some(open), Some(name)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let from = open.end();
        let to = body[from..]
            .find(&format!("</{}>", name.as_str()))
            .map_or(body.len(), |at| from + at);
        pair_fences(body, from, to, &mut out);
    }
    out
}

/// What is not prose in a Python-Markdown admonition (`!!! note "Title"`, collapsible `??? tip` /
/// `???+ tip inline end`) or content tab (`=== "Tab"`):
/// - an admonition's marker and type, which name a style (its quoted title is prose);
/// - fenced code inside the indented body: MkDocs reads the body as Markdown, but CommonMark reads
///   its indented fence as a paragraph's text, or as indented code from its first blank line on, so
///   the program in it would be checked as prose.
fn indented_blocks(body: &str) -> Vec<Range<usize>> {
    static MARKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^([ \t]*)(?:(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*|===[ \t]+\S)[^\n]*(?:\n|\z)")
            .expect("static regex")
    });
    let mut out = Vec::new();
    for caps in MARKER.captures_iter(body) {
        let (Some(open), Some(indent)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        // The marker and type of an admonition, up to its title.
        if !body[indent.end()..].starts_with("===") {
            let line = &body[indent.end()..open.end()];
            let title = line.find(['"', '\n']).unwrap_or(line.len());
            out.push(indent.end()..indent.end() + title);
        }
        // The body: the lines indented at least four columns deeper than the marker.
        let to = indented_to(body, open.end(), columns(indent.as_str()) + 4);
        pair_fences(body, open.end(), to, &mut out);
    }
    out
}

/// Where the lines from `from` on that are indented `depth` columns or more end, blank lines among
/// them included: the body of an admonition, a tab or a directive.
fn indented_to(body: &str, from: usize, depth: usize) -> usize {
    let mut to = from;
    for line in body[from..].split_inclusive('\n') {
        let lead = line.len() - line.trim_start_matches([' ', '\t']).len();
        if !line.trim().is_empty() && columns(&line[..lead]) < depth {
            break;
        }
        to += line.len();
    }
    to
}

/// The columns a run of spaces and tabs indents, tabs to the next multiple of four.
fn columns(lead: &str) -> usize {
    lead.chars().fold(
        0,
        |col, c| if c == '\t' { col / 4 * 4 + 4 } else { col + 1 },
    )
}

/// Pairs the fences of the lines of `body[from..to]`, each line trimmed: an opening run of three or
/// more backticks or tildes, closed by a line of the same mark at least as long.
fn pair_fences(body: &str, from: usize, to: usize, out: &mut Vec<Range<usize>>) {
    let mut fence: Option<(usize, char, usize)> = None;
    let mut at = from;
    for line in body[from..to].split_inclusive('\n') {
        let trimmed = line.trim();
        let mark = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = mark.map_or(0, |m| trimmed.chars().take_while(|c| *c == m).count());
        match (fence, mark) {
            (None, Some(m)) if run >= 3 => fence = Some((at, m, run)),
            (Some((start, m0, n0)), Some(m))
                if m == m0 && run >= n0 && trimmed.chars().all(|c| c == m) =>
            {
                out.push(start..at + line.len());
                fence = None;
            }
            _ => {}
        }
        at += line.len();
    }
}

/// An HTML `<pre>` element, to its closing tag: preformatted code or output, even where a `<p>` line
/// just before it opened an HTML block that CommonMark ends at the code's first blank line (blogs
/// exported to Markdown write `<p>…</p>` and `<pre><code>` line after line).
fn preformatted(body: &str) -> Vec<Range<usize>> {
    static PRE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?is)<pre\b[^>]*>.*?</pre\s*>").expect("static regex"));
    PRE.find_iter(body).map(|m| m.range()).collect()
}

/// Fences from the first one that opens on the line after an HTML or JSX tag (`<Tab title="Python">`
/// then "```python") on, each to its closing fence. CommonMark reads that fence's first lines as part
/// of the tag's HTML block, the rest as paragraphs from the code's first blank line, and its closing
/// line as the opening of a new fence: from there on its fences pair the wrong way round, and code
/// (a table drawn in a fence, a program) is read as prose. MDX and the sites pair them as written.
fn fences_after_tags(body: &str) -> Vec<Range<usize>> {
    static TAG_THEN_FENCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?m)^[ \t]*</?[A-Za-z][\w.-]*(?:[ \t][^\n]*)?>[ \t\r]*\n([ \t]*(?:`{3,}|~{3,}))",
        )
        .expect("static regex")
    });
    let mut pairs = Vec::new();
    pair_fences(body, 0, body.len(), &mut pairs);
    // The first such fence that opens a fence as written (a tag line inside a fence, before its
    // closing line, is code already).
    let first = TAG_THEN_FENCE
        .captures_iter(body)
        .filter_map(|c| c.get(1))
        .find(|fence| pairs.iter().any(|p| p.start == fence.start()));
    match first {
        Some(fence) => pairs.retain(|p| p.start >= fence.start()),
        None => pairs.clear(),
    }
    pairs
}

/// The options of a MyST directive written with colons, right under its opening line
/// (`:::{grid-item-card} Access Widget Values`, then `:link: widget_values` and `:link-type: doc`):
/// settings the directive reads, not prose. The title on the opening line and the content after the
/// options are the page's words.
fn directive_options(body: &str) -> Vec<Range<usize>> {
    static OPTIONS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?m)^[ \t]*:{3,}\{[\w:.-]+\}[^\n]*\n((?:[ \t]*:[\w-]+:(?:[ \t][^\n]*)?\r?(?:\n|\z))+)",
        )
        .expect("static regex")
    });
    first_groups(&OPTIONS, body).collect()
}

/// An API documentation directive of mkdocstrings and its kin (`::: package.module.Class`, or
/// `::: package` with indented `options:`), with its indented options: the page generator's
/// instructions, not prose. An admonition container (`::: tip`, `:::note Title`) is not one: its
/// word has no dot or underscore and no options follow.
fn autodoc_directives(body: &str) -> Vec<Range<usize>> {
    static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^([ \t]*):::[ \t]+([\w.:-]+)[ \t\r]*(?:\n|\z)").expect("static regex")
    });
    let mut out = Vec::new();
    for caps in DIRECTIVE.captures_iter(body) {
        let (Some(open), Some(indent), Some(name)) = (caps.get(0), caps.get(1), caps.get(2)) else {
            continue;
        };
        let to = indented_to(body, open.end(), columns(indent.as_str()) + 1);
        let options = body[open.end()..to].trim_start().starts_with("options:");
        if name.as_str().contains(['.', '_']) || options {
            out.push(open.start()..to);
        }
    }
    out
}
