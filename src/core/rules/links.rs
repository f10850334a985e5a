//! Web addresses in docs, the part of a link reviewers fix without reading the page behind it:
//!
//! - `links.tracking`: parameters added by share buttons and campaigns (`?si=…` from YouTube's share
//!   button, `utm_source=…`, `fbclid=…`) → removed; where the link goes does not change.
//! - `links.locale`: a language in a Microsoft Learn address (`learn.microsoft.com/en-us/azure/…`) →
//!   removed, so the site serves each reader their own language.
//!
//! The rules read [`Prose::links`](crate::core::markdown::Prose::links): link destinations, reference
//! definitions, autolinks, bare addresses and HTML attributes, never code or front matter.

use super::{Active, Checker, DocProse, Hit, RuleInfo};
use crate::core::finding::{Safety, Severity};
use std::ops::Range;

pub const TRACKING: &str = "links.tracking";
pub const LOCALE: &str = "links.locale";

/// Parameters that only track who shared or clicked a link, on any site.
const TRACKERS: &[&str] = &[
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "igshid",
    "igsh", "yclid", "twclid", "ttclid", "_hsenc", "_hsmi", "mkt_tok",
];

/// `utm_medium` values of a link copied from what its writer received (a newsletter, an ad, a
/// post), and `utm_source` values of ad networks and mail tools. Other campaign parameters are the
/// doc owners' own attribution (`utm_source=pnpm&utm_medium=workspace_page`, a partner's
/// `utm_medium=referral`): written on purpose, and left alone.
const RECEIVED_MEDIA: &[&str] = &[
    "email",
    "e-mail",
    "mail",
    "newsletter",
    "social",
    "social-media",
    "share",
    "sharing",
    "cpc",
    "ppc",
    "paid",
    "paid-social",
    "paidsearch",
    "display",
    "banner",
    "sms",
];
const RECEIVED_SOURCES: &[&str] = &[
    "adwords",
    "google_ads",
    "googleads",
    "newsletter",
    "hs_email",
    "mailchimp",
    "substack",
    "sendgrid",
    "braze",
];

/// Sites whose share buttons add a parameter of their own, and that parameter's names.
const SHARE_PARAMETERS: &[(&str, &[&str])] = &[
    ("youtube.com", &["si", "pp", "feature"]),
    ("youtu.be", &["si", "feature"]),
    ("music.youtube.com", &["si", "feature"]),
    ("open.spotify.com", &["si"]),
    ("twitter.com", &["s", "t", "ref_src"]),
    ("x.com", &["s", "t", "ref_src"]),
];

/// Microsoft sites that choose the reader's language when the address names none.
const LOCALE_SITES: &[&str] = &[
    "learn.microsoft.com",
    "docs.microsoft.com",
    "azure.microsoft.com",
    "support.microsoft.com",
    "visualstudio.microsoft.com",
];

pub struct Links;

impl Checker for Links {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![
            RuleInfo {
                link: None,
                id: TRACKING.into(),
                severity: Severity::Warning,
                safety: Safety::Safe,
                default_on: true,
                summary: "Tracking parameters in a link (\"?si=…\", \"fbclid=…\", \"utm_medium=email\")".into(),
                explain: "Share buttons and campaigns add parameters that record who shared or clicked a link: \
                          YouTube's \"si\" and \"feature=shared\", \"fbclid\", \"gclid\" and others, and the \
                          \"utm_*\" campaign tags of a link copied from a newsletter, a post or an ad \
                          (\"utm_medium=email\", \"utm_source=adwords\"). Campaign tags the doc's owners write \
                          for their own attribution (\"utm_source=docs&utm_medium=referral\") are left alone. \
                          In docs they only follow every reader and make the address longer; the page is the \
                          same without them. The fix removes them and keeps every other parameter (a \
                          YouTube playlist's \"list\", a video's start time \"t\") and the fragment, so it is \
                          safe to apply in batch. Addresses in embed code a site hands out (an <iframe>'s \
                          address, a post embedded as a <blockquote> with its <script>) are the site's markup \
                          and left alone."
                    .into(),
            },
            RuleInfo {
                link: None,
                id: LOCALE.into(),
                severity: Severity::Suggestion,
                safety: Safety::Review,
                default_on: true,
                summary: "A language in a Microsoft Learn link (\"learn.microsoft.com/en-us/…\")".into(),
                explain: "learn.microsoft.com and Microsoft's other documentation sites serve each reader \
                          their own language when the address names none, and Microsoft's contributor guide \
                          asks for links without it: \"https://learn.microsoft.com/en-us/azure/…\" -> \
                          \"https://learn.microsoft.com/azure/…\". The fix removes the language from the \
                          path."
                    .into(),
            },
        ]
    }

    fn check(&self, doc: &DocProse<'_>, active: &Active, out: &mut Vec<Hit>) {
        let tracking = active.has(TRACKING);
        let locale = active.has(LOCALE);
        if !tracking && !locale {
            return;
        }
        let first = doc.prose.blocks.len();
        for (l, block) in doc.prose.links.iter().enumerate() {
            let url = block.text.as_str();
            let Some(parts) = Parts::of(url) else {
                continue;
            };
            let at = block.segments.first().map_or(0, |s| s.src);
            if tracking
                && !in_embed_code(doc.file, at)
                && let Some((range, kept, names)) = parts.without_trackers(url)
            {
                out.push(Hit {
                    block: first + l,
                    range,
                    rule: TRACKING.into(),
                    message: format!(
                        "{} only track{} who shared or clicked the link: remove {}.",
                        names
                            .iter()
                            .map(|n| format!("\"{n}\""))
                            .collect::<Vec<_>>()
                            .join(", "),
                        if names.len() == 1 { "s" } else { "" },
                        if names.len() == 1 { "it" } else { "them" }
                    ),
                    replacements: vec![kept],
                });
            }
            if locale && let Some((range, lang)) = parts.locale(url) {
                out.push(Hit {
                    block: first + l,
                    range,
                    rule: LOCALE.into(),
                    message: format!(
                        "\"{lang}\" sends every reader to that language's page; without it the site \
                         serves each reader their own."
                    ),
                    replacements: vec![String::new()],
                });
            }
        }
    }
}

/// Where the pieces of an `http(s)://` address are.
struct Parts {
    /// Lower case, without `www.` or `m.`.
    host: String,
    /// The path, from its `/` (empty when there is none).
    path: Range<usize>,
    /// The query, from its `?` (empty when there is none).
    query: Range<usize>,
}

impl Parts {
    fn of(url: &str) -> Option<Parts> {
        let after_scheme = url.find("://")? + 3;
        let end = url.find('#').unwrap_or(url.len());
        let query_start = url[..end].find('?').unwrap_or(end);
        let host_end = url[after_scheme..query_start]
            .find('/')
            .map_or(query_start, |i| after_scheme + i);
        let host = url[after_scheme..host_end]
            .rsplit('@')
            .next()?
            .split(':')
            .next()?
            .to_ascii_lowercase();
        let host = host
            .strip_prefix("www.")
            .or_else(|| host.strip_prefix("m."))
            .unwrap_or(&host)
            .to_owned();
        Some(Parts {
            host,
            path: host_end..query_start,
            query: query_start..end,
        })
    }

    /// The query without its tracking parameters, if it had any: (range of the query, what it becomes,
    /// the names removed).
    fn without_trackers(&self, url: &str) -> Option<(Range<usize>, String, Vec<String>)> {
        let query = url.get(self.query.clone())?.strip_prefix('?')?;
        // In an HTML attribute, `&` is written `&amp;`.
        let separator = if query.contains("&amp;") {
            "&amp;"
        } else {
            "&"
        };
        let site: &[&str] = SHARE_PARAMETERS
            .iter()
            .find(|(host, _)| *host == self.host)
            .map_or(&[], |(_, names)| names);
        // Each parameter as written, with its name and value.
        let params: Vec<(&str, &str, &str)> = query
            .split(separator)
            .map(|param| {
                let (name, value) = param.split_once('=').unwrap_or((param, ""));
                (param, name, value)
            })
            .collect();
        let received = params.iter().any(|&(_, name, value)| {
            let value = value.to_ascii_lowercase();
            name == "utm_medium" && RECEIVED_MEDIA.contains(&value.as_str())
                || name == "utm_source" && RECEIVED_SOURCES.contains(&value.as_str())
        });
        let mut removed = Vec::new();
        let mut kept = Vec::new();
        for &(param, name, value) in &params {
            let tracks = (name.starts_with("utm_") || name.starts_with("hsa_")) && received
                || TRACKERS.contains(&name)
                || site.contains(&name) && is_share_value(name, value);
            if tracks {
                removed.push(name.to_owned());
            } else {
                kept.push(param);
            }
        }
        if removed.is_empty() {
            return None;
        }
        let rest = if kept.is_empty() {
            String::new()
        } else {
            format!("?{}", kept.join(separator))
        };
        Some((self.query.clone(), rest, removed))
    }

    /// The language segment that starts the path on a Microsoft documentation site, and its text.
    fn locale(&self, url: &str) -> Option<(Range<usize>, String)> {
        if !LOCALE_SITES.contains(&self.host.as_str()) {
            return None;
        }
        let path = url.get(self.path.clone())?;
        let mut segments = path.strip_prefix('/')?.split('/');
        let segment = segments.next()?;
        // Sections written in English only: the archived blogs and the style guide.
        if matches!(segments.next(), Some("archive" | "style-guide")) {
            return None;
        }
        let (lang, region) = segment.split_once('-')?;
        let letters = |s: &str, n: Range<usize>| {
            n.contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphabetic())
        };
        if !letters(lang, 2..3) || !letters(region, 2..5) {
            return None;
        }
        let start = self.path.start;
        Some((start..start + 1 + segment.len(), segment.to_owned()))
    }
}

/// Is the address at byte `at` of `file` part of the embed code a site hands out to paste as it is:
/// the address of an `<iframe>`, `<embed>`, `<object>`, `<script>` or media element (YouTube's
/// "Share > Embed" writes `?si=` into it), or any address inside a `<blockquote>` that a `<script>`
/// follows at once (how a post from X, Instagram or Mastodon is embedded, its links carrying
/// `?ref_src=`)? Its parameters are the site's, and the embed is the site's markup, not the doc's
/// links. Only the few kilobytes around the address are looked at.
fn in_embed_code(file: &str, at: usize) -> bool {
    const EMBEDS: &[&str] = &[
        "iframe", "embed", "object", "script", "video", "audio", "source", "track",
    ];
    const REACH: usize = 8192;
    let floor = |mut i: usize| {
        while !file.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let before = &file[floor(at.saturating_sub(REACH))..floor(at.min(file.len()))];
    // The tag the address stands in: the last `<` before it, with no `>` between.
    if let Some(open) = before.rfind('<')
        && !before[open..].contains('>')
    {
        let name: String = before[open + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if EMBEDS.contains(&name.as_str()) {
            return true;
        }
    }
    let lower_before = before.to_ascii_lowercase();
    let Some(quote) = lower_before.rfind("<blockquote") else {
        return false;
    };
    if lower_before[quote..].contains("</blockquote") {
        return false;
    }
    let after = &file[floor(at.min(file.len()))..floor((at + REACH).min(file.len()))];
    let lower_after = after.to_ascii_lowercase();
    lower_after.find("</blockquote>").is_some_and(|end| {
        lower_after[end + "</blockquote>".len()..]
            .trim_start()
            .starts_with("<script")
    })
}

/// Is `name=value` the mark of a share button? YouTube's `feature` can mean other things, so only the
/// values its share button writes count (its start time `t` is not in the list at all).
fn is_share_value(name: &str, value: &str) -> bool {
    name != "feature" || matches!(value, "shared" | "share" | "youtu.be")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(md: &str) -> Vec<(String, String, String)> {
        crate::core::rules::hits_in(&Links, &[TRACKING, LOCALE], md)
            .into_iter()
            .map(|(rule, text, r)| (rule, text, r[0].clone()))
            .collect()
    }

    fn hit(rule: &str, text: &str, with: &str) -> (String, String, String) {
        (rule.into(), text.into(), with.into())
    }

    #[test]
    fn share_and_campaign_parameters_are_removed() {
        assert_eq!(
            run("* [Course](https://www.youtube.com/playlist?list=PL0y&si=7AlPtkx9) - Author\n"),
            [hit(TRACKING, "?list=PL0y&si=7AlPtkx9", "?list=PL0y")]
        );
        assert_eq!(
            run("See <https://youtu.be/jkrNMKz9pWU?si=Jv-dDoLIQ8gYLANB>.\n"),
            [hit(TRACKING, "?si=Jv-dDoLIQ8gYLANB", "")]
        );
        assert_eq!(
            run("Read https://example.com/post?utm_source=x&utm_medium=email&id=3#top today.\n"),
            [hit(
                TRACKING,
                "?utm_source=x&utm_medium=email&id=3",
                "?id=3"
            )]
        );
        assert_eq!(
            run(
                "Try [it](https://example.com/a?utm_term=docs&utm_source=adwords&utm_medium=cpc).\n"
            ),
            [hit(
                TRACKING,
                "?utm_term=docs&utm_source=adwords&utm_medium=cpc",
                ""
            )]
        );
        assert_eq!(
            run("[a]: https://example.com/?fbclid=abc\n\nSee [a].\n"),
            [hit(TRACKING, "?fbclid=abc", "")]
        );
        assert_eq!(
            run("<a href=\"https://youtube.com/watch?v=1&amp;feature=shared\">v</a>\n"),
            [hit(TRACKING, "?v=1&amp;feature=shared", "?v=1")]
        );
    }

    #[test]
    fn the_doc_owners_own_campaign_parameters_stay() {
        // A partner's referral and the site's own attribution are written on purpose.
        let md = "See [Flotiq](https://flotiq.com/?utm_campaign=x&utm_medium=referral&utm_source=docs) \
                  and [tool](https://example.com/?utm_source=pnpm&utm_medium=workspace_page).\n";
        assert_eq!(run(md), Vec::<(String, String, String)>::new());
    }

    #[test]
    fn parameters_that_choose_the_page_stay() {
        for md in [
            "[v](https://www.youtube.com/watch?v=SP4RK8&list=PL&t=42s)\n",
            "[v](https://www.youtube.com/watch?v=SP4RK8&feature=emb_logo)\n",
            "[s](https://example.com/search?q=si&s=2)\n",
            "Plain www.example.com?si=1 text.\n",
        ] {
            assert!(run(md).is_empty(), "{md}: {:?}", run(md));
        }
    }

    #[test]
    fn embed_code_is_the_sites_markup_not_the_docs_links() {
        for md in [
            "Watch:\n\n<iframe width=\"560\" src=\"https://www.youtube.com/embed/MiYn?si=VYJD\" \
             title=\"player\"></iframe>\n",
            "<blockquote class=\"twitter-tweet\"><p>Kudos to <a \
             href=\"https://twitter.com/CNCF?ref_src=twsrc%5Etfw\">@CNCF</a></p></blockquote> \
             <script async src=\"https://platform.twitter.com/widgets.js\"></script>\n",
            "<blockquote class=\"x\">\n<a href=\"https://twitter.com/a?ref_src=twsrc\">a</a>\n\
             </blockquote>\n\n<script src=\"https://platform.twitter.com/widgets.js\"></script>\n",
        ] {
            assert!(run(md).is_empty(), "{md}: {:?}", run(md));
        }
        // A quotation no script renders, and a link before an embed, are the doc's.
        assert_eq!(
            run("<blockquote><a href=\"https://twitter.com/a?ref_src=twsrc\">a</a></blockquote>\n"),
            [hit(TRACKING, "?ref_src=twsrc", "")]
        );
        assert_eq!(
            run("See <a href=\"https://youtu.be/x?si=abc\">this</a>.\n\n\
                 <iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n"),
            [hit(TRACKING, "?si=abc", "")]
        );
        assert_eq!(
            run(
                "<blockquote>old</blockquote>\n\n[v](https://youtu.be/x?si=abc)\n\n<blockquote>q\
                 </blockquote><script src=\"w.js\"></script>\n"
            ),
            [hit(TRACKING, "?si=abc", "")]
        );
    }

    #[test]
    fn addresses_in_code_and_front_matter_are_left_alone() {
        let md = "---\nvideo: https://youtu.be/a?si=b\n---\n\nRun `curl https://x.com/a?utm_source=y`.\n\n\
                  ```\nhttps://youtu.be/a?si=b\n```\n";
        assert!(run(md).is_empty(), "{:?}", run(md));
    }

    #[test]
    fn a_language_in_a_microsoft_learn_link_is_removed() {
        assert_eq!(
            run(
                "As [the docs](https://learn.microsoft.com/en-us/azure/vm?tabs=windows#errors) say.\n"
            ),
            [hit(LOCALE, "/en-us", "")]
        );
        assert_eq!(
            run("See https://docs.microsoft.com/zh-CN/dotnet/api.\n"),
            [hit(LOCALE, "/zh-CN", "")]
        );
        for md in [
            "See https://learn.microsoft.com/azure/vm.\n",
            "See https://learn.microsoft.com/en-us/archive/blogs/ericlippert/trees.\n",
            "See https://learn.microsoft.com/en-us/style-guide/welcome/.\n",
            "See https://developer.mozilla.org/en-US/docs/Web.\n",
            "See https://learn.microsoft.com/training/paths.\n",
        ] {
            assert!(run(md).is_empty(), "{md}: {:?}", run(md));
        }
    }

    #[test]
    fn a_fix_maps_back_to_the_file() {
        let md = "Intro.\n\n[v](https://youtu.be/x?si=abc)\n";
        let prose = crate::core::markdown::extract(md);
        let doc = DocProse::new(md, &prose);
        let mut out = Vec::new();
        Links.check(&doc, &Active([TRACKING.to_owned()].into()), &mut out);
        let block = prose.block(out[0].block).expect("a link block");
        let span = block.to_source(md, out[0].range.clone()).expect("verbatim");
        assert_eq!(&md[span], "?si=abc");
        assert_eq!(
            out[0].message,
            "\"si\" only tracks who shared or clicked the link: remove it."
        );
    }
}
