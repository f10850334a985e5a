//! Suppression comments (`<!-- docreview-disable … -->`, `-next-line`, Vale's `vale off`/`on`) and the
//! rule patterns they name.

use super::*;

/// A region where some or all rules are silenced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suppression {
    /// Byte range in the file; a finding starting inside it is suppressed.
    pub range: Range<usize>,
    /// Rule patterns (`grammar.article`, `grammar`, `grammar.*`); empty means every rule.
    pub rules: Vec<String>,
    /// Rules re-enabled inside an all-rules region (`docreview-enable grammar.article` after
    /// `docreview-disable`).
    pub except: Vec<String>,
    /// Only findings on these texts (Vale's `<!-- vale Style.Rule["text"] = NO -->`); empty: any.
    pub texts: Vec<String>,
}

impl Suppression {
    pub fn silences(&self, offset: usize, rule: &str) -> bool {
        self.texts.is_empty() && self.covers(offset, rule)
    }

    /// Does this silence a finding of `rule` at `offset` on `text`?
    pub fn silences_text(&self, offset: usize, rule: &str, text: &str) -> bool {
        (self.texts.is_empty() || self.texts.iter().any(|t| t == text)) && self.covers(offset, rule)
    }

    fn covers(&self, offset: usize, rule: &str) -> bool {
        self.range.contains(&offset)
            && (self.rules.is_empty() || self.rules.iter().any(|p| named(p, rule)))
            && !self.except.iter().any(|p| named(p, rule))
    }
}

/// Does `pattern` name `rule`, by its name or its former one
/// ([`former_name`](crate::core::rules::terminology::former_name))?
fn named(pattern: &str, rule: &str) -> bool {
    rule_matches(pattern, rule) || crate::core::rules::terminology::former_name(pattern, rule)
}

/// docreview's own rule families: a Vale `<!-- vale styles = … -->` comment never silences them.
const OWN_FAMILIES: &[&str] = &[
    "terminology",
    "grammar",
    "spelling",
    "markup",
    "links",
    "consistency",
    "custom",
    "guideline",
];

/// Vale's rule switches: `<!-- vale Style.Rule = NO -->` (or `Style = off`, `Style.Rule["a","b"] = NO`)
/// up to the same with `YES`/`on`, and `<!-- vale styles = A, B -->` (only those styles from here on).
/// MDX writes them `{/* vale … */}`.
static VALE_SWITCH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?:<!--|\{/\*)\s*vale\s+([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?)(\[[^\]]*\])?\s*=\s*([^>]*?)\s*(?:-->|\*/\})"#,
    )
    .expect("static regex")
});

/// The quoted texts of a `["a","b"]` selector.
fn selected(sel: &str) -> Vec<String> {
    sel.trim_matches(['[', ']'])
        .split(',')
        .map(|t| t.trim().trim_matches(['"', '\'']).to_owned())
        .filter(|t| !t.is_empty())
        .collect()
}

/// Each match of `re` in the comment ranges, with its place in the file, once: an HTML block's comment
/// can be seen twice (as the block and as its line).
fn matches_in<'f>(
    file: &'f str,
    comments: &[Range<usize>],
    re: &Regex,
) -> Vec<(Range<usize>, regex::Captures<'f>)> {
    let mut seen = std::collections::HashSet::new();
    let mut found = Vec::new();
    for range in comments {
        let Some(src) = file.get(range.clone()) else {
            continue;
        };
        for caps in re.captures_iter(src) {
            let Some(m) = caps.get(0) else {
                continue;
            };
            let span = range.start + m.start()..range.start + m.end();
            if seen.insert(span.start) {
                found.push((span, caps));
            }
        }
    }
    found
}

/// Reads Vale's rule switches out of the comment ranges.
fn vale_switches(file: &str, comments: &[Range<usize>], done: &mut Vec<Suppression>) {
    // (rule pattern, texts, start)
    let mut open: Vec<(String, Vec<String>, usize)> = Vec::new();
    let mut styles: Option<(Vec<String>, usize)> = None;
    for (span, caps) in matches_in(file, comments, &VALE_SWITCH) {
        let (Some(name), Some(value)) = (caps.get(1), caps.get(3)) else {
            continue;
        };
        let (at, end) = (span.start, span.end);
        let (name, value) = (name.as_str(), value.as_str().trim());
        if name == "style" || name == "styles" {
            if let Some((keep, start)) = styles.take() {
                done.push(Suppression {
                    range: start..at,
                    except: keep,
                    ..Suppression::default()
                });
            }
            let mut keep: Vec<String> = value
                .split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect();
            keep.extend(OWN_FAMILIES.iter().map(|f| (*f).to_owned()));
            styles = Some((keep, end));
            continue;
        }
        let texts = caps
            .get(2)
            .map(|s| selected(s.as_str()))
            .unwrap_or_default();
        match value {
            "NO" | "off" => open.push((name.to_owned(), texts, end)),
            "YES" | "on" => {
                let mut still = Vec::new();
                for (rule, had, start) in open.drain(..) {
                    if rule != name {
                        still.push((rule, had, start));
                        continue;
                    }
                    done.push(Suppression {
                        range: start..at,
                        rules: vec![rule.clone()],
                        texts: had.clone(),
                        ..Suppression::default()
                    });
                    if !texts.is_empty() {
                        let left: Vec<String> =
                            had.iter().filter(|t| !texts.contains(t)).cloned().collect();
                        if !left.is_empty() || had.is_empty() {
                            // `["a"] = YES` after a whole-rule `= NO` leaves the rule silenced.
                            still.push((rule, left, at));
                        }
                    }
                }
                open = still;
            }
            _ => {}
        }
    }
    for (rule, texts, start) in open {
        done.push(Suppression {
            range: start..file.len(),
            rules: vec![rule],
            texts,
            ..Suppression::default()
        });
    }
    if let Some((keep, start)) = styles {
        done.push(Suppression {
            range: start..file.len(),
            except: keep,
            ..Suppression::default()
        });
    }
}

pub(super) static SUPPRESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:<!--|\{/\*)\s*(docreview-disable-next-line|docreview-disable-line|docreview-disable|docreview-enable|vale\s+off|vale\s+on)\b([^>]*?)\s*(?:-->|\*/\})",
    )
    .expect("static regex")
});

/// Does `pattern` select `rule`? Exact id, a family (`grammar` selects `grammar.article`), or a glob
/// with `*` (`grammar.*`, `*.article`).
pub fn rule_matches(pattern: &str, rule: &str) -> bool {
    if pattern == rule || pattern == "*" {
        return true;
    }
    if !pattern.contains('*') {
        return rule
            .strip_prefix(pattern)
            .is_some_and(|rest| rest.starts_with('.'));
    }
    glob_match(pattern.as_bytes(), rule.as_bytes())
}

pub(super) fn glob_match(p: &[u8], s: &[u8]) -> bool {
    match p.split_first() {
        None => s.is_empty(),
        Some((b'*', rest)) => (0..=s.len()).any(|i| glob_match(rest, &s[i..])),
        Some((c, rest)) => s.first() == Some(c) && glob_match(rest, &s[1..]),
    }
}

/// A comment, its text between the marks.
static COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)(?:<!--|\{/\*)(.*?)(?:-->|\*/\})").expect("static regex"));
/// A comment that opens a part a program writes ("<!-- autogenerated options start - DO NOT EDIT -->",
/// "<!-- DOCS-SITE-LINK:START automatically generated -->"), and one that ends a part.
static REGION_OPENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:auto-?generated|automatically generated|do not edit|don't edit)\b")
        .expect("static regex")
});
static REGION_STARTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:start|begin)\b").expect("static regex"));
static REGION_ENDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:stop|end)\b").expect("static regex"));
/// A comment that says all below it is generated, a part running to the doc's end ("<!-- Everything
/// below this line is generated. DO NOT EDIT. -->", "All below here was auto-generated by gen.go").
static REGION_BELOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:everything|all)\s+below|below\s+(?:this|here))\b[^.]*?\b(?:is|are|was|were|gets)\s+(?:auto-?\s?|automatically\s)?generated\b",
    )
    .expect("static regex")
});

/// Does a comment's text open a part of the doc that a program writes: between it and a comment that
/// ends the part ("<!-- autogenerated options start - DO NOT EDIT -->"), or to the doc's end
/// ("<!-- Everything below this line is generated. -->")? Such a comment speaks of that part, never of
/// the whole doc.
pub fn opens_generated_part(said: &str) -> bool {
    opens_between(said) || REGION_BELOW.is_match(said)
}

fn opens_between(said: &str) -> bool {
    REGION_OPENS.is_match(said) && REGION_STARTS.is_match(said)
}

/// The parts of a doc that a program writes between two comments (rclone's option lists, a site's
/// generated links), or from a comment that says all below it is written so to the doc's end (a
/// settings reference under its hand-written introduction): every rule is silent there, as in a doc
/// a program writes whole, since an edit is lost at the next build. A start without its end marks
/// nothing.
fn generated_regions(file: &str, html: &[Range<usize>], done: &mut Vec<Suppression>) {
    let mut open: Option<usize> = None;
    let mut to_end = false;
    for (span, caps) in matches_in(file, html, &COMMENT) {
        let Some(said) = caps.get(1) else {
            continue;
        };
        let at = span.start;
        let said = said.as_str();
        match open {
            None if opens_between(said) => {
                open = Some(span.end);
            }
            None if REGION_BELOW.is_match(said) => {
                open = Some(span.end);
                to_end = true;
            }
            Some(start) if !to_end && REGION_ENDS.is_match(said) => {
                done.push(Suppression {
                    range: start..at,
                    ..Suppression::default()
                });
                open = None;
            }
            _ => {}
        }
    }
    if let (Some(start), true) = (open, to_end) {
        done.push(Suppression {
            range: start..file.len(),
            ..Suppression::default()
        });
    }
}

/// Reads suppression comments out of the HTML ranges seen while parsing.
pub(super) fn suppressions(file: &str, html: &[Range<usize>]) -> Vec<Suppression> {
    struct Open {
        start: usize,
        rules: Vec<String>,
        except: Vec<String>,
    }
    let mut done = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    for (span, caps) in matches_in(file, html, &SUPPRESSION) {
        let Some(kind) = caps.get(1) else {
            continue;
        };
        let (at, end) = (span.start, span.end);
        let kind = kind.as_str();
        let rules: Vec<String> = caps
            .get(2)
            .map(|r| r.as_str().split_whitespace().map(str::to_owned).collect())
            .unwrap_or_default();
        if kind.starts_with("vale") {
            if kind.ends_with("off") {
                open.push(Open {
                    start: end,
                    rules: Vec::new(),
                    except: Vec::new(),
                });
            } else {
                close(&mut open, &mut done, end, &[]);
            }
            continue;
        }
        match kind {
            "docreview-disable" => open.push(Open {
                start: end,
                rules,
                except: Vec::new(),
            }),
            "docreview-enable" => close(&mut open, &mut done, at, &rules),
            "docreview-disable-next-line" => {
                let next = line_after(file, end);
                done.push(Suppression {
                    range: next,
                    rules,
                    except: Vec::new(),
                    texts: Vec::new(),
                });
            }
            "docreview-disable-line" => {
                let line_start = file[..at].rfind('\n').map_or(0, |i| i + 1);
                let line_end = file[end..].find('\n').map_or(file.len(), |i| end + i);
                done.push(Suppression {
                    range: line_start..line_end,
                    rules,
                    except: Vec::new(),
                    texts: Vec::new(),
                });
            }
            _ => {}
        }
    }
    for o in open {
        done.push(Suppression {
            range: o.start..file.len(),
            rules: o.rules,
            except: o.except,
            texts: Vec::new(),
        });
    }
    vale_switches(file, html, &mut done);
    generated_regions(file, html, &mut done);

    fn close(open: &mut Vec<Open>, done: &mut Vec<Suppression>, at: usize, rules: &[String]) {
        let mut still = Vec::new();
        for o in open.drain(..) {
            done.push(Suppression {
                range: o.start..at,
                rules: o.rules.clone(),
                except: o.except.clone(),
                texts: Vec::new(),
            });
            if rules.is_empty() {
                continue;
            }
            // `docreview-enable R` ends the silence for R only; everything else stays silenced.
            if o.rules.is_empty() {
                let mut except = o.except;
                except.extend(rules.iter().cloned());
                still.push(Open {
                    start: at,
                    rules: Vec::new(),
                    except,
                });
            } else {
                let left: Vec<String> = o
                    .rules
                    .into_iter()
                    .filter(|r| !rules.iter().any(|e| rule_matches(e, r) || e == r))
                    .collect();
                if !left.is_empty() {
                    still.push(Open {
                        start: at,
                        rules: left,
                        except: o.except,
                    });
                }
            }
        }
        *open = still;
    }
    done
}

/// The byte range of the line after the one containing `offset` (without its line break).
pub(super) fn line_after(file: &str, offset: usize) -> Range<usize> {
    let Some(nl) = file[offset..].find('\n') else {
        return file.len()..file.len();
    };
    let start = offset + nl + 1;
    let end = file[start..].find('\n').map_or(file.len(), |i| start + i);
    start..end
}

#[cfg(test)]
mod tests {
    #[test]
    fn vale_rule_switches_silence_a_rule_a_text_or_other_styles() {
        let md = "<!-- vale Acme.Words = NO -->\n\na\n\n<!-- vale Acme.Words = YES -->\n\nb\n\n\
                  <!-- vale Acme.Words[\"ACT test\"] = NO -->\n\nc\n\n<!-- vale styles = Acme -->\n\nd\n";
        let p = crate::core::markdown::extract(md);
        let at = |c: &str| md.find(&format!("\n{c}\n")).expect("marker") + 1;
        assert!(p.is_suppressed_text(at("a"), "Acme.Words", "e-mail"));
        assert!(!p.is_suppressed_text(at("b"), "Acme.Words", "e-mail"));
        assert!(p.is_suppressed_text(at("c"), "Acme.Words", "ACT test"));
        assert!(!p.is_suppressed_text(at("c"), "Acme.Words", "e-mail"));
        // Only Acme from here on; docreview's own rules are never silenced by it.
        assert!(p.is_suppressed_text(at("d"), "Other.Rule", "x"));
        assert!(!p.is_suppressed_text(at("d"), "Acme.Rule", "x"));
        assert!(!p.is_suppressed(at("d"), "grammar.article"));
    }

    #[test]
    fn mdx_comments_switch_like_html_ones() {
        let md = "{/* vale off */}\n\nOff here.\n\n{/* vale on */}\n\nOn here.\n";
        let p = crate::core::markdown::extract_as(md, true);
        assert!(p.is_suppressed(md.find("Off").expect("off"), "Acme.Words"));
        assert!(!p.is_suppressed(md.find("On here").expect("on"), "Acme.Words"));
    }
}
