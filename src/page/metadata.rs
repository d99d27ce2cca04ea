//! What a page says about itself: its title (the article's own headline when the page has one
//! that agrees with its metadata, else a declared title with the site name cut off) and its
//! [`Metadata`], from JSON-LD, OpenGraph, Twitter cards, Dublin Core, `<meta>` and markup.

use crate::dom::{Dom, Tag, attrs};
use crate::text::collapse_whitespace;
use serde_json::Value;

/// Separators between a headline and a site name in `<title>`.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // "];

/// Declared titles, most specific first: the first one present is the fallback title.
const TITLE_NAMES: &[&str] = &["dc.title", "dcterms.title", "og:title", "twitter:title"];

/// The title of the page, if it has one.
///
/// An `<h1>` wins when it agrees with a declared title (JSON-LD `headline`, OpenGraph, Twitter,
/// Dublin Core or `<title>`, or one of their parts between separators) and is not the site's
/// name; of several, the one that covers the most of a declared title. Else the first declared
/// title, with the site name cut off.
pub(crate) fn title(dom: &Dom<'_>, dead: &[bool], metas: &Metas<'_>) -> Option<String> {
    let clean = |t: &str| Some(collapse_whitespace(t)).filter(|t| !t.is_empty());
    let page_title = dom
        .find(Tag::Title)
        .map(|i| dom.text_of(i, |_| false))
        .filter(|t| !t.is_empty());
    let headline = metas
        .json_ld
        .iter()
        .find_map(|v| find_string(v, "headline", 0))
        .and_then(|h| clean(&decode_entities(h)));
    let declared: Vec<String> = TITLE_NAMES
        .iter()
        .filter_map(|k| metas.get(k).and_then(clean))
        .chain(headline)
        .chain(metas.get("parsely-title").and_then(clean))
        .chain(page_title)
        .collect();
    let h1s: Vec<usize> = (0..dom.len())
        .filter(|&i| !dead[i] && dom.nodes[i].tag == Tag::Heading(1))
        .take(8)
        .collect();
    let mastheads: Vec<String> = h1s.iter().filter_map(|&i| masthead(dom, i)).collect();
    let site_names: Vec<Vec<String>> = ["og:site_name", "application-name"]
        .iter()
        .filter_map(|k| metas.get(k))
        .chain(mastheads.iter().map(String::as_str))
        .map(words)
        .filter(|w| !w.is_empty())
        .collect();
    let is_site_name = |h: &str| {
        let h = words(h);
        h.is_empty()
            || site_names.contains(&h)
            || declared.iter().any(|t| {
                let parts = split_parts(t);
                parts.len() > 1 && parts.last().is_some_and(|p| words(p) == h)
            })
    };
    let mut best: Option<(f64, String)> = None;
    let h1s = h1s
        .into_iter()
        .filter(|&i| masthead(dom, i).is_none())
        .map(|i| {
            // Without the permalink sign documentation generators put after headings.
            let h = dom.text_of(i, |k| dead[k]);
            h.trim_end_matches(['¶', '🔗']).trim_end().to_owned()
        })
        .filter(|h| !h.is_empty());
    for h in h1s {
        if is_site_name(&h) {
            continue;
        }
        let fit = declared
            .iter()
            .flat_map(|t| std::iter::once(t.as_str()).chain(split_parts(t)))
            .map(|t| fit(&h, t))
            .fold(0.0, f64::max);
        if fit > best.as_ref().map_or(0.0, |b| b.0) {
            best = Some((fit, h));
        }
    }
    best.map(|(_, h)| h).or_else(|| {
        // The page's own address says whether it is below the home page.
        let inner_page = url(metas).is_some_and(|u| {
            u.split_once("://")
                .and_then(|(_, rest)| rest.find('/').map(|at| &rest[at..]))
                .is_some_and(|path| path.trim_end_matches('/').len() > 1)
        });
        declared
            .first()
            .map(|t| strip_site(t, &site_names, inner_page))
    })
}

/// The site's name, when this heading is a masthead: all its text is a link to the site's home
/// page, as blogs and forums put their name in an `<h1>` above the article's own.
fn masthead(dom: &Dom<'_>, heading: usize) -> Option<String> {
    let text = dom.text_of(heading, |_| false);
    let home = |href: &str| {
        let href = href.trim();
        let path = href
            .split_once("://")
            .map_or(Some(href), |(_, rest)| rest.find('/').map(|at| &rest[at..]));
        path.is_none_or(|p| matches!(p, "/" | "./" | "/index.html" | "/index.php" | ""))
    };
    (heading + 1..dom.nodes[heading].end)
        .filter(|&a| dom.nodes[a].tag == Tag::A && dom.attr(a, "href").is_some_and(home))
        .any(|a| words(&dom.text_of(a, |_| false)) == words(&text))
        .then_some(text)
        .filter(|t| !words(t).is_empty())
}

/// What the page says of its own kind, in `og:type` and schema.org types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct PageKind {
    /// `og:type` is `article`.
    pub article: bool,
    /// A schema.org `DiscussionForumPosting`, `QAPage` or `Question` is declared.
    pub discussion: bool,
    /// A schema.org `DiscussionForumPosting` is declared: a forum thread, whose replies are the
    /// content (a Q&A page's comments on its answers are not).
    pub forum: bool,
    /// The page declares one product and no article (see [`crate::extract::product`]).
    pub product: bool,
}

const DISCUSSION_TYPES: &[&str] = &["DiscussionForumPosting", "QAPage", "\"Question\""];

/// Reads the page's declared kind from OpenGraph, JSON-LD and microdata.
pub(crate) fn page_kind(dom: &Dom<'_>, metas: &Metas<'_>) -> PageKind {
    let article = metas
        .get("og:type")
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("article"));
    // The microdata items, in document order: few pages have many.
    let mut items: Vec<(usize, &str)> = Vec::new();
    let (mut discussion, mut forum) = (false, false);
    for (i, node) in dom.nodes.iter().enumerate() {
        let declared = if node.tag == Tag::Text {
            // JSON-LD: the text of a script (a never-content element) of that type.
            let json_ld = node.parent != usize::MAX
                && dom.nodes[node.parent].tag == Tag::Void
                && dom
                    .attr(node.parent, "type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"));
            json_ld.then_some(node.text)
        } else {
            let itemtype = dom.attr(i, "itemtype");
            if let Some(itemtype) = itemtype {
                items.push((i, itemtype));
            }
            itemtype.filter(|t| t.contains("DiscussionForumPosting") || t.ends_with("/Question"))
        };
        if let Some(text) = declared {
            discussion |=
                DISCUSSION_TYPES.iter().any(|t| text.contains(t)) || text.ends_with("/Question");
            forum |= text.contains("DiscussionForumPosting");
        }
    }
    PageKind {
        article,
        discussion,
        forum,
        product: crate::extract::product::declares_product(dom, metas, &items),
    }
}

/// The page's own address: `<link rel=canonical>`, else `og:url`.
pub(crate) fn url(metas: &Metas<'_>) -> Option<String> {
    metas
        .canonical
        .or_else(|| metas.get("og:url"))
        .map(str::trim)
        .filter(|u| u.contains("://"))
        .map(str::to_owned)
}

/// The page's `<meta>` and `<link>` elements, read once: what they say, by name or property.
#[derive(Debug, Default)]
pub(crate) struct Metas<'a> {
    /// (name or property, content, whether from `property`) of each `<meta>`, once for each of
    /// its space-separated names.
    pairs: Vec<(&'a str, &'a str, bool)>,
    /// The `href` of `<link rel=canonical>`.
    canonical: Option<&'a str>,
    /// The content of the first `<meta http-equiv=Content-Language>`.
    pub content_language: Option<&'a str>,
    /// The `href` of the first `<base>`.
    pub base: Option<&'a str>,
    /// Every `<script type=application/ld+json>` that parses, in document order.
    pub json_ld: Vec<Value>,
}

impl<'a> Metas<'a> {
    pub(crate) fn new(dom: &Dom<'a>) -> Metas<'a> {
        let mut metas = Metas::default();
        for (i, node) in dom.nodes.iter().enumerate() {
            if node.tag == Tag::Void {
                let is_json_ld = dom
                    .attr(i, "type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if is_json_ld {
                    let text: String = (i + 1..node.end).map(|j| dom.nodes[j].text).collect();
                    if let Ok(value) = serde_json::from_str::<Value>(unwrap_cdata(&text)) {
                        metas.json_ld.push(value);
                    }
                }
                continue;
            }
            if node.tag != Tag::Meta {
                continue;
            }
            let Some(element) = node.element else {
                continue;
            };
            let [property, name, http_equiv, content, rel, href] = attrs(
                element,
                ["property", "name", "http-equiv", "content", "rel", "href"],
            );
            if let Some(content) = content {
                let keys = |v: Option<&'a str>, is_property: bool| {
                    v.into_iter()
                        .flat_map(str::split_whitespace)
                        .map(move |k| (k, content, is_property))
                };
                metas
                    .pairs
                    .extend(keys(property, true).chain(keys(name, false)));
            }
            let pragma =
                http_equiv.is_some_and(|h| h.trim().eq_ignore_ascii_case("content-language"));
            if pragma && metas.content_language.is_none() {
                metas.content_language = content;
            }
            let canonical = rel.is_some_and(|r| {
                r.split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("canonical"))
            });
            if canonical && metas.canonical.is_none() {
                metas.canonical = href;
            }
            if metas.base.is_none() && element.name() == "base" {
                metas.base = href.map(str::trim);
            }
        }
        metas
    }

    /// The content of the first `<meta>` with this property, else with this name
    /// (case-insensitive, and `:` the same as `.`, so `dc:title` finds `DC.title`): `property`
    /// is the attribute OpenGraph and RDFa define, `name` the one pages borrow.
    pub(crate) fn get(&self, key: &str) -> Option<&'a str> {
        let same = |a: &str| {
            a.len() == key.len()
                && a.bytes().zip(key.bytes()).all(|(x, y)| {
                    let fold = |b: u8| {
                        if b == b':' {
                            b'.'
                        } else {
                            b.to_ascii_lowercase()
                        }
                    };
                    fold(x) == fold(y)
                })
        };
        let find = |by_property: bool| {
            self.pairs
                .iter()
                .find(|&&(k, _, p)| p == by_property && same(k))
                .map(|&(_, v, _)| v)
        };
        find(true).or_else(|| find(false))
    }
}

/// The lower-cased words of a text.
fn words(s: &str) -> Vec<String> {
    crate::text::words(s).collect()
}

/// Whether a heading and a title name the same thing: most of the heading's words are in it.
fn agrees(heading: &[String], title: &[String]) -> bool {
    if heading.is_empty() {
        return false;
    }
    let shared = heading.iter().filter(|w| title.contains(w)).count();
    shared * 4 >= heading.len() * 3 && shared * 2 >= title.len().min(heading.len())
}

/// How well a heading matches a declared title, from 0 (not at all) to 1 (the same words): the
/// share of the longer one's words they have in common. A heading that covers less than a third
/// of the title still counts (0.3) when the title starts with it, as a product name starts a
/// product page's title.
fn fit(heading: &str, title: &str) -> f64 {
    let (heading, title) = (words(heading), words(title));
    if title.is_empty() || !agrees(&heading, &title) {
        return 0.0;
    }
    let shared = heading.iter().filter(|w| title.contains(w)).count();
    #[allow(clippy::cast_precision_loss)] // word counts are small
    let share = shared as f64 / heading.len().max(title.len()) as f64;
    if share >= 0.3 {
        share
    } else if title.starts_with(&heading) {
        0.3
    } else {
        0.0
    }
}

/// The parts of a title between the first kind of separator it has, trimmed.
fn split_parts(title: &str) -> Vec<&str> {
    SEPARATORS
        .iter()
        .find(|sep| title.contains(*sep))
        .map(|sep| title.split(sep).map(str::trim).collect())
        .unwrap_or_else(|| vec![title.trim()])
}

/// Cuts a site name off a title: a leading "Site Name: " on a page below the home page (a home
/// page's "Figma: The Collaborative Interface Design Tool" is its title), else drops the parts
/// that are the site's name, then keeps the longest part left.
fn strip_site(title: &str, site_names: &[Vec<String>], inner_page: bool) -> String {
    if let Some((site, rest)) = title.split_once(": ")
        && inner_page
        && site_names.contains(&words(site))
        && !words(rest).is_empty()
    {
        return rest.trim().to_owned();
    }
    let parts = split_parts(title);
    let kept: Vec<&str> = parts
        .iter()
        .copied()
        .filter(|p| !site_names.contains(&words(p)))
        .collect();
    let parts = if kept.is_empty() { parts } else { kept };
    parts
        .iter()
        .copied()
        .max_by_key(|p| p.chars().count())
        .unwrap_or(title)
        .to_owned()
}

/// The first string value of `key` in a JSON-LD value, looking through objects and arrays.
fn find_string<'v>(value: &'v Value, key: &str, depth: usize) -> Option<&'v str> {
    if depth > 5 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_string(v, key, depth + 1)),
        Value::Object(map) => map
            .get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
            .or_else(|| map.values().find_map(|v| find_string(v, key, depth + 1))),
        _ => None,
    }
}

/// Decodes the character references that JSON-LD writers leave in strings (`&amp;`, `&#8217;`,
/// `&#x27;`, ...).
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .map(|n| {
                        char::from_u32(n)
                            .filter(|&c| c != '\0')
                            .unwrap_or('\u{FFFD}')
                    }),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What a page says about itself besides its text: from JSON-LD first, then OpenGraph and
/// `<meta>`, then its markup.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Metadata {
    /// The authors' names.
    pub authors: Vec<String>,
    /// The author credit as the page gives it: the authors its metadata declares (JSON-LD,
    /// `<meta>`), joined with ", "; else the byline it prints, "By" and all ("By Ana Sandoiu",
    /// "Par Sébastien Farcis"), as Readability's `byline`.
    pub byline: Option<String>,
    /// When it was published: the declared ISO 8601 value, or its `YYYY-MM-DD` date.
    pub date: Option<String>,
    /// The site's name: `og:site_name`, the JSON-LD publisher, `application-name`, else the host
    /// of the page's address.
    pub site_name: Option<String>,
    /// The language: the tag the page declares (`<html lang>`, `og:locale`, `Content-Language`,
    /// `<meta name=language>`, JSON-LD `inLanguage`), `_` read as `-`; else the ISO 639-1 code
    /// (`"en"`, `"zh"`) of the language its article is written in, when that is clear.
    pub language: Option<String>,
    /// The page's own summary.
    pub description: Option<String>,
    /// The page's main image.
    pub image: Option<String>,
    /// Its tags or keywords.
    pub tags: Vec<String>,
}

/// Schema.org types whose object describes the page's article.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "OpinionNewsArticle",
    "AnalysisNewsArticle",
    "ReportageNewsArticle",
    "WebPage",
    "Product",
    "Recipe",
    "QAPage",
];

/// `<meta name>` values that carry a publication date.
const DATE_NAMES: &[&str] = &[
    "article:published_time",
    "datePublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "og:published_time",
    "published_time",
    "published",
    "published-date",
    "publish_date",
    "article.published",
];

/// `<meta>` names and properties that carry the date of the last change: the page's date only
/// when it gives no publication date.
const MODIFIED_NAMES: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "dateModified",
    "last-modified",
];

/// `<meta>` names and properties that carry the author's name, most specific first.
const AUTHOR_NAMES: &[&str] = &[
    "dc.creator",
    "dcterms.creator",
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "byl",
];

/// `<meta>` names and properties that carry the page's summary, most specific first.
const DESCRIPTION_NAMES: &[&str] = &[
    "dc.description",
    "dcterms.description",
    "og:description",
    "description",
    "twitter:description",
];

/// `<meta>` names and properties that declare the page's language, after `<html lang>` and
/// before the `Content-Language` pragma.
const LANGUAGE_NAMES: &[&str] = &[
    "og:locale",
    "content-language",
    "language",
    "dc.language",
    "dcterms.language",
];

/// Reads the page's metadata.
pub(crate) fn metadata(dom: &Dom<'_>, metas: &Metas<'_>) -> Metadata {
    let meta = |key: &str| metas.get(key);
    let article = json_ld_article(metas);
    let ld = |key: &str| article.as_ref().and_then(|a| a.get(key));
    let mut authors: Vec<String> = ld("author").map(names).unwrap_or_default();
    if authors.is_empty() {
        authors = AUTHOR_NAMES
            .iter()
            .filter_map(|k| meta(k))
            .find_map(clean_name)
            .map(|a| vec![a])
            .unwrap_or_default();
    }
    let byline = if authors.is_empty() {
        let marked: Vec<usize> = author_elements(dom).collect();
        authors = markup_authors(dom, &marked);
        printed_byline(dom, &marked)
    } else {
        Some(authors.join(", "))
    };
    let date = ld("datePublished")
        .and_then(|v| v.as_str())
        .or_else(|| {
            metas
                .json_ld
                .iter()
                .find_map(|v| find_string(v, "datePublished", 0))
        })
        .and_then(normalize_date)
        .or_else(|| {
            DATE_NAMES
                .iter()
                .find_map(|name| meta(name).and_then(any_date))
        })
        .or_else(|| itemprop_date(dom))
        .or_else(|| {
            (0..dom.len())
                .filter(|&i| {
                    dom.attr(i, "datetime").is_some()
                        && dom.nodes[i].element.is_some_and(|e| e.name() == "time")
                })
                .find_map(|i| dom.attr(i, "datetime").and_then(normalize_date))
        })
        .or_else(|| visible_date(dom))
        .or_else(|| url(metas).and_then(|u| url_date(&u)))
        .or_else(|| headline_date(dom, false))
        .or_else(|| {
            // The last change dates an article that gives no publication date; a product or
            // service page's is only the day its template was saved.
            let is_article = meta("og:type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("article"))
                || ld("@type").is_some_and(|t| {
                    let named = |t: &Value| {
                        t.as_str()
                            .is_some_and(|t| !matches!(t, "WebPage" | "Product" | "QAPage"))
                    };
                    match t {
                        Value::Array(ts) => ts.iter().any(named),
                        t => named(t),
                    }
                });
            is_article.then(|| {
                ld("dateModified")
                    .and_then(|v| v.as_str())
                    .or_else(|| MODIFIED_NAMES.iter().find_map(|name| meta(name)))
                    .and_then(normalize_date)
            })?
        })
        .or_else(|| headline_date(dom, true));
    let site_name = meta("og:site_name")
        .map(str::to_owned)
        .or_else(|| {
            ld("publisher")
                .and_then(|p| p.get("name"))
                .and_then(|n| n.as_str())
                .map(str::to_owned)
        })
        .or_else(|| meta("application-name").map(str::to_owned))
        .map(|s| collapse_whitespace(&s))
        .filter(|s| !s.is_empty())
        // A page that names no site is known by its host.
        .or_else(|| url(metas).as_deref().and_then(crate::dedup::site::host_of));
    let language = dom
        .find(Tag::Html)
        .and_then(|i| dom.attr(i, "lang"))
        .and_then(crate::page::language::declared)
        .or_else(|| {
            LANGUAGE_NAMES
                .iter()
                .filter_map(|k| meta(k))
                .chain(metas.content_language)
                .find_map(crate::page::language::declared)
        })
        .or_else(|| {
            metas
                .json_ld
                .iter()
                .find_map(|v| find_string(v, "inLanguage", 0))
                .and_then(crate::page::language::declared)
        });
    let description = ld("description")
        .and_then(|d| d.as_str())
        .or_else(|| DESCRIPTION_NAMES.iter().find_map(|k| meta(k)))
        .map(|d| collapse_whitespace(&decode_entities(d)))
        .filter(|d| !d.is_empty());
    let image = meta("og:image")
        .map(str::to_owned)
        .or_else(|| ld("image").and_then(first_url));
    let tags = ld("keywords")
        .map(|k| match k {
            Value::Array(items) => items
                .iter()
                .filter_map(|i| i.as_str())
                .map(str::to_owned)
                .collect::<Vec<String>>(),
            other => other
                .as_str()
                .map(|s| {
                    s.split(',')
                        .map(|t| t.trim().to_owned())
                        .collect::<Vec<String>>()
                })
                .unwrap_or_default(),
        })
        .or_else(|| meta("keywords").map(|s| s.split(',').map(|t| t.trim().to_owned()).collect()))
        .unwrap_or_default()
        .into_iter()
        .filter(|t: &String| !t.is_empty())
        .collect();
    Metadata {
        authors,
        byline,
        date,
        site_name,
        language,
        description,
        image,
        tags,
    }
}

/// The first JSON-LD object describing the article, looking through arrays and `@graph`.
fn json_ld_article<'v>(metas: &'v Metas<'_>) -> Option<&'v Value> {
    metas.json_ld.iter().find_map(|v| find_article(v, 0))
}

fn find_article(value: &Value, depth: usize) -> Option<&Value> {
    if depth > 4 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        Value::Object(map) => {
            let typed = match map.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            let useful = map.contains_key("author") || map.contains_key("datePublished");
            if typed && useful {
                return Some(value);
            }
            map.get("@graph")
                .or_else(|| map.get("mainEntity"))
                .and_then(|v| find_article(v, depth + 1))
        }
        _ => None,
    }
}

/// The names in a schema.org `author`: a string, a person, or a list of them.
fn names(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => clean_name(s).into_iter().collect(),
        Value::Object(map) => map
            .get("name")
            .and_then(|n| n.as_str())
            .and_then(clean_name)
            .into_iter()
            .collect(),
        Value::Array(items) => items.iter().flat_map(names).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|n| !n.is_empty())
    .collect()
}

fn first_url(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Object(map) => map.get("url").and_then(|u| u.as_str()).map(str::to_owned),
        Value::Array(items) => items.iter().find_map(first_url),
        _ => None,
    }
}

/// A summary for a page that declares none, as Readability makes it: the article's first
/// paragraph.
#[cfg_attr(not(test), allow(dead_code))] // for `extract` to call when the page has no summary
pub(crate) fn first_paragraph(blocks: &[crate::Block]) -> Option<String> {
    blocks
        .iter()
        .find(|b| b.kind == crate::BlockKind::Paragraph)
        .map(|b| collapse_whitespace(&b.text))
        .filter(|t| !t.is_empty())
}

/// A JSON-LD text without the `<![CDATA[ ... ]]>` wrapper (and its `//` comments) some pages
/// put around it.
fn unwrap_cdata(text: &str) -> &str {
    let mut text = text.trim();
    for prefix in ["//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["] {
        if let Some(rest) = text.strip_prefix(prefix) {
            text = rest;
        }
    }
    for suffix in ["//]]>", "/*]]>*/", "]]>"] {
        if let Some(rest) = text.strip_suffix(suffix) {
            text = rest;
        }
    }
    text.trim().trim_end_matches(';').trim_end()
}

/// Words that introduce a byline and are not part of the name.
const BYLINE_PREFIXES: &[&str] = &[
    "written by",
    "posted by",
    "published by",
    "reviewed by",
    "author:",
    "authors:",
    "by:",
    "by",
    "par",
    "por",
    "von",
    "door",
    "di",
    "da",
    "af",
    "av",
];

/// A person's name as a byline or a `<meta>` gives it: without "By", without what follows a
/// separator (a date, a job title), and never a URL, an e-mail address or a sentence.
fn clean_name(text: &str) -> Option<String> {
    let text = collapse_whitespace(&decode_entities(text));
    let mut name = text.as_str();
    for prefix in BYLINE_PREFIXES {
        let n = prefix.len();
        if name.len() > n
            && name.is_char_boundary(n)
            && name[..n].eq_ignore_ascii_case(prefix)
            && (prefix.ends_with(':') || name[n..].starts_with(' '))
        {
            name = name[n..].trim_start();
            break;
        }
    }
    for sep in [" | ", " - ", " – ", " — ", " • ", " · ", "\u{2022}"] {
        if let Some(at) = name.find(sep) {
            name = &name[..at];
        }
    }
    let name = name
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '|' | '-' | '–' | '—' | '•' | '·')
        })
        .trim();
    let words = name.split_whitespace().count();
    let plausible = !name.is_empty()
        && words <= 8
        && name.chars().count() <= 80
        && !name.contains("://")
        && !name.contains('@')
        && !name.chars().any(|c| c.is_ascii_digit())
        && name.chars().any(char::is_alphabetic);
    plausible.then(|| name.to_owned())
}

/// Whether an element's class or id marks it as a byline or an author's name.
fn marks_author(value: &str) -> bool {
    // Most class lists name none of the words: one pass of an automaton tells.
    if !AUTHOR_WORDS.is_match(value) {
        return false;
    }
    let value = value.to_ascii_lowercase();
    // "author", but not "authorization", "authority" or "authoring".
    let author = value.match_indices("author").any(|(at, w)| {
        let rest = &value[at + w.len()..];
        !["iz", "is", "it", "ing"]
            .iter()
            .any(|x| rest.starts_with(x))
    });
    (author || ["byline", "writtenby"].iter().any(|w| value.contains(w)))
        && ![
            "avatar",
            "image",
            "photo",
            "bio",
            "description",
            "comment",
            "about",
        ]
        .iter()
        .any(|w| value.contains(w))
}

/// A case-blind automaton of fixed words.
// The patterns are fixed; the tests build the automata.
#[allow(clippy::expect_used)]
fn case_blind(words: &[&str]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .expect("fixed words build an automaton")
}

/// The words [`marks_author`] looks for, in any case.
static AUTHOR_WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| case_blind(&["author", "byline", "writtenby"]));

/// The words [`visible_date`] looks for in class names, in any case.
static DATE_WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| case_blind(&["date", "publish", "posted"]));

/// Whether an element of the page is inside the comments (a class or id of it or an ancestor
/// says "comment").
fn in_comment(dom: &Dom<'_>, i: usize) -> bool {
    let mut k = dom.nodes[i].parent;
    while k != usize::MAX {
        let marked = ["class", "id"].iter().any(|a| {
            dom.attr(k, a)
                .is_some_and(|v| v.to_ascii_lowercase().contains("comment"))
        });
        if marked {
            return true;
        }
        k = dom.nodes[k].parent;
    }
    false
}

/// The elements that name the page's author, in document order: `itemprop=author`,
/// `rel=author`, a link to an `/author/` page, or a class or id that says byline or author;
/// never in the comments.
fn author_elements<'d>(dom: &'d Dom<'_>) -> impl Iterator<Item = usize> + 'd {
    (0..dom.len()).filter(move |&i| {
        let Some(element) = dom.nodes[i].element else {
            return false;
        };
        if matches!(
            dom.nodes[i].tag,
            Tag::Meta | Tag::Void | Tag::Head | Tag::Html | Tag::Body
        ) {
            return false;
        }
        let [itemprop, rel, class, id, href] =
            attrs(element, ["itemprop", "rel", "class", "id", "href"]);
        let has =
            |v: Option<&str>, w: &str| v.is_some_and(|v| v.split_whitespace().any(|x| x == w));
        let marked = has(itemprop, "author")
            || has(itemprop, "creator")
            || has(rel, "author")
            || href.is_some_and(|h| h.contains("/author/"))
            || class.is_some_and(marks_author)
            || id.is_some_and(marks_author);
        marked && !in_comment(dom, i)
    })
}

/// The authors named in the markup: in the first element that names one (see
/// [`author_elements`]), the names inside it (`itemprop=name`, links) when it has several parts,
/// else its text without "By" and what follows the name.
fn markup_authors(dom: &Dom<'_>, marked: &[usize]) -> Vec<String> {
    for &i in marked {
        // The names inside: `itemprop=name` or links, when there are any.
        let inner: Vec<String> = (i + 1..dom.nodes[i].end)
            .filter(|&k| {
                dom.nodes[k].tag == Tag::A
                    || dom
                        .attr(k, "itemprop")
                        .is_some_and(|p| p.split_whitespace().any(|w| w == "name"))
            })
            .filter_map(|k| clean_name(&dom.text_of(k, |_| false)))
            .fold(Vec::new(), |mut all, n| {
                if !all.contains(&n) {
                    all.push(n);
                }
                all
            });
        if !inner.is_empty() && inner.len() <= 4 {
            return inner;
        }
        let text = dom.text_of(i, |_| false);
        if let Some(name) = clean_name(&text).filter(|n| !is_label(n)) {
            return vec![name];
        }
    }
    Vec::new()
}

/// The byline as the page prints it ("By Ana Sandoiu", "Par Sébastien Farcis"): the text of the
/// first element that names the author (see [`author_elements`]) and reads as a byline: under
/// 100 characters, with a letter, more than a label, no address; trailing separators dropped.
fn printed_byline(dom: &Dom<'_>, marked: &[usize]) -> Option<String> {
    marked.iter().find_map(|&i| {
        let text = dom.text_of(i, |k| dom.nodes[k].tag == Tag::Void);
        let plausible = text.chars().count() < 100
            && text.chars().any(char::is_alphabetic)
            && !is_label(text.trim_end_matches(':'))
            && !text.contains("://");
        let text = text.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ':' | '|' | '-' | '–' | '—' | '•' | '·')
        });
        plausible.then(|| text.to_owned())
    })
}

/// Words that label a byline rather than name someone.
fn is_label(name: &str) -> bool {
    let lower = name.to_lowercase();
    matches!(
        lower.as_str(),
        "author" | "authors" | "by" | "written by" | "about the author" | "follow author" | "posts"
    )
}

/// A date written out in an element marked as a date (`<time>`, or a class or id with "date",
/// "publish" or "posted"): `2025-09-04`, `September 4, 2025`, `4 Sept. 2025`, as `YYYY-MM-DD`.
/// Never inside a script, and never from a comment.
fn visible_date(dom: &Dom<'_>) -> Option<String> {
    (0..dom.len()).find_map(|i| {
        let element = dom.nodes[i].element?;
        let [class, id] = attrs(element, ["class", "id"]);
        let marked = |v: Option<&str>| {
            v.is_some_and(|v| {
                if !DATE_WORDS.is_match(v) {
                    return false;
                }
                let v = v.to_ascii_lowercase();
                ["date", "publish", "posted"].iter().any(|w| v.contains(w))
                    && !["update", "modified", "comment"]
                        .iter()
                        .any(|w| v.contains(w))
            })
        };
        let is_time = element.name() == "time";
        if !(is_time || marked(class) || marked(id)) || dom.nodes[i].tag == Tag::Void {
            return None;
        }
        let text = dom.text_of(i, |k| dom.nodes[k].tag == Tag::Void);
        if text.chars().count() > 80 {
            return None;
        }
        normalize_date(&text)
            .map(|d| d.chars().take(10).collect())
            .or_else(|| written_date(&text))
    })
}

/// A date in a `<meta>` value: ISO 8601 (kept as given) or written out.
fn any_date(text: &str) -> Option<String> {
    normalize_date(text).or_else(|| written_date(text))
}

/// The date in a URL's path: `/2025/09/04/` or `2025-09-04` in a segment, as `YYYY-MM-DD`.
fn url_date(url: &str) -> Option<String> {
    let path = url.split("://").nth(1)?;
    let path = path.split(['?', '#']).next()?;
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let valid = |y: &str, m: &str, d: &str| {
        let (y, m, d) = (
            y.parse::<u32>().ok()?,
            m.parse::<u32>().ok()?,
            d.parse::<u32>().ok()?,
        );
        ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    for w in segments.windows(3) {
        if digits(w[0], 4)
            && digits(w[1], 2)
            && digits(w[2], 2)
            && let Some(date) = valid(w[0], w[1], w[2])
        {
            return Some(date);
        }
    }
    segments.iter().find_map(|seg| {
        let b = seg.as_bytes();
        (0..b.len().saturating_sub(9)).find_map(|at| {
            let before_ok = at == 0 || !b[at - 1].is_ascii_digit();
            let after_ok = b.get(at + 10).is_none_or(|c| !c.is_ascii_digit());
            let d = seg.get(at..at + 10)?;
            (before_ok && after_ok && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-')
                .then(|| valid(&d[..4], &d[5..7], &d[8..]))
                .flatten()
        })
    })
}

/// A date shown near the article's headline (the first `<h1>`): the first short element just
/// after it (else the nearest just before it) whose text is a date, as a page header prints "March 17, 2025" or
/// "17.05.2021" without marking it. Dates said to be updates count only when `updated` is true.
fn headline_date(dom: &Dom<'_>, updated: bool) -> Option<String> {
    let h1 = (0..dom.len()).find(|&i| dom.nodes[i].tag == Tag::Heading(1))?;
    let start = h1.saturating_sub(30);
    let end = (dom.nodes[h1].end + 60).min(dom.len());
    // After the headline first, then before it, nearest first.
    (dom.nodes[h1].end..end)
        .chain((start..h1).rev())
        .find_map(|i| {
            let node = &dom.nodes[i];
            // Not the headline, nor what holds it, nor what is in it.
            let around = i <= h1 && node.end > h1 || (h1..dom.nodes[h1].end).contains(&i);
            // A date line is a few nodes; a long container's text would cost the page's.
            if node.element.is_none() || node.tag == Tag::Void || around || node.end - i > 24 {
                return None;
            }
            let text = dom.text_of(i, |k| dom.nodes[k].tag == Tag::Void);
            if text.chars().count() > 60 || text.is_empty() {
                return None;
            }
            let lower = text.to_lowercase();
            let is_update = ["update", "modified", "edited", "aktualisiert", "mis à jour"]
                .iter()
                .any(|w| lower.contains(w));
            if is_update != updated {
                return None;
            }
            written_date(&text)
                .or_else(|| normalize_date(&text).map(|d| d.chars().take(10).collect()))
        })
}

/// The beginnings of month names in English, French, German, Spanish, Italian, Portuguese and
/// Dutch, with their numbers; a word names a month when it starts with one of them.
const MONTHS: &[(&str, usize)] = &[
    ("jan", 1),
    ("ene", 1),
    ("gen", 1),
    ("feb", 2),
    ("fév", 2),
    ("fev", 2),
    ("mar", 3),
    ("mär", 3),
    ("apr", 4),
    ("avr", 4),
    ("abr", 4),
    ("may", 5),
    ("mai", 5),
    ("mag", 5),
    ("mei", 5),
    ("jun", 6),
    ("juin", 6),
    ("giu", 6),
    ("jul", 7),
    ("juil", 7),
    ("lug", 7),
    ("aug", 8),
    ("aoû", 8),
    ("ago", 8),
    ("sep", 9),
    ("set", 9),
    ("oct", 10),
    ("okt", 10),
    ("ott", 10),
    ("out", 10),
    ("nov", 11),
    ("dec", 12),
    ("déc", 12),
    ("dez", 12),
    ("dic", 12),
];

/// A date written out, as `YYYY-MM-DD`: with a month name ("September 4, 2025", "Sep. 4th
/// 2025", "4 September 2025", "1 de diciembre de 2017", "4. März 2025"), day first with dots
/// ("17.05.2021"), or in CJK style ("2025年12月18日").
fn written_date(text: &str) -> Option<String> {
    let ymd = |y: usize, m: usize, d: usize| {
        ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    let number = |t: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<usize>().ok())
            .flatten()
    };
    // Day first with dots (17.05.2021); with slashes, either order when only one number can be
    // the month (2/24/2026, 24/2/2026).
    for t in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '[' | ']' | '(' | ')')) {
        let t = t.trim_end_matches('.');
        let dots: Vec<&str> = t.split('.').collect();
        if let [d, m, y] = dots[..]
            && let (Some(d), Some(m), Some(y)) =
                (number(d, 1..=2), number(m, 1..=2), number(y, 4..=4))
            && let Some(date) = ymd(y, m, d)
        {
            return Some(date);
        }
        let slashes: Vec<&str> = t.split('/').collect();
        if let [a, b, y] = slashes[..]
            && let (Some(a), Some(b), Some(y)) =
                (number(a, 1..=2), number(b, 1..=2), number(y, 4..=4))
            && (a > 12) != (b > 12)
            && let Some(date) = ymd(y, a.min(b), a.max(b))
        {
            return Some(date);
        }
    }
    // CJK: 2025年12月18日, 2025년 12월 18일.
    let cjk: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for (at, _) in cjk.match_indices(['年', '년']) {
        let y = cjk[..at]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .count();
        let rest = &cjk[at + 3..];
        let mut fields = rest.split(['月', '월', '日', '일']);
        if let (Some(m), Some(d)) = (fields.next(), fields.next())
            && let (Some(y), Some(m), Some(d)) = (
                number(&cjk[at - y..at], 4..=4),
                number(m, 1..=2),
                number(d, 1..=2),
            )
            && let Some(date) = ymd(y, m, d)
        {
            return Some(date);
        }
    }
    let tokens: Vec<String> = text
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '.' | '/' | '[' | ']' | '(' | ')' | '|' | '·')
        })
        .filter(|t| !t.is_empty() && !matches!(*t, "de" | "of" | "del"))
        .map(str::to_lowercase)
        .collect();
    let month = |t: &str| {
        (t.chars().count() >= 3 && t.chars().count() <= 10 && t.chars().all(char::is_alphabetic))
            .then(|| {
                MONTHS
                    .iter()
                    .find(|(m, _)| t.starts_with(m))
                    .map(|&(_, n)| n)
            })
            .flatten()
    };
    let day = |t: &str| {
        let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        number(digits, 1..=2)
    };
    let year = |t: &str| number(t, 4..=4);
    for w in tokens.windows(3) {
        let found = match (month(&w[0]), month(&w[1])) {
            (Some(m), _) => day(&w[1]).zip(year(&w[2])).map(|(d, y)| (y, m, d)),
            (None, Some(m)) => day(&w[0]).zip(year(&w[2])).map(|(d, y)| (y, m, d)),
            _ => None,
        };
        if let Some(date) = found.and_then(|(y, m, d)| ymd(y, m, d)) {
            return Some(date);
        }
    }
    None
}

/// The publication date of `itemprop=datePublished` (or `published-date`), from its `content`
/// or `datetime`, else its text; ISO 8601 or written out.
fn itemprop_date(dom: &Dom<'_>) -> Option<String> {
    (0..dom.len()).find_map(|i| {
        let element = dom.nodes[i].element?;
        let [itemprop, content, datetime] = attrs(element, ["itemprop", "content", "datetime"]);
        if itemprop.is_none_or(|p| !matches!(p, "datePublished" | "published-date")) {
            return None;
        }
        content
            .or(datetime)
            .map(str::to_owned)
            .or_else(|| Some(dom.text_of(i, |_| false)))
            .and_then(|d| any_date(&d))
    })
}

/// An ISO 8601 value as given when it starts with a valid date, else the `YYYY-MM-DD` date found
/// in `text` (also written with `/` or `.`); `None` when it holds no date.
fn normalize_date(text: &str) -> Option<String> {
    let text = text.trim();
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|start| {
        let d = &bytes[start..start + 10];
        let digits = |r: std::ops::Range<usize>| d[r].iter().all(u8::is_ascii_digit);
        let separator = d[4];
        let shaped = digits(0..4)
            && digits(5..7)
            && digits(8..10)
            && matches!(separator, b'-' | b'/' | b'.')
            && d[7] == separator;
        if !shaped {
            return None;
        }
        // All ten bytes are ASCII, so these slices fall on character boundaries.
        let number = |r: std::ops::Range<usize>| -> u32 {
            d[r].iter().fold(0, |n, b| n * 10 + u32::from(b - b'0'))
        };
        let (month, day) = (number(5..7), number(8..10));
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        if start == 0 && separator == b'-' {
            return Some(text.to_owned());
        }
        Some(format!("{:04}-{month:02}-{day:02}", number(0..4)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;

    fn title_of(html: &str) -> Option<String> {
        let doc = parse(html);
        let dom = Dom::new(&doc);
        let dead = vec![false; dom.len()];
        title(&dom, &dead, &Metas::new(&dom))
    }

    #[test]
    fn site_name_falls_back_to_the_host() {
        let named = r#"<html><head><link rel="canonical" href="https://www.harbour.example/news/1">
            <meta property="og:site_name" content="Harbour News"></head><body></body></html>"#;
        let unnamed = r#"<html><head><link rel="canonical" href="https://www.harbour.example/news/1">
            </head><body></body></html>"#;
        let site = |html: &str| {
            crate::extract(html, &crate::Config::default())
                .expect("extracts")
                .metadata
                .site_name
        };
        assert_eq!(site(named).as_deref(), Some("Harbour News"));
        assert_eq!(site(unnamed).as_deref(), Some("harbour.example"));
        assert_eq!(site("<p>No address</p>"), None);
    }

    #[test]
    fn word_automata_build() {
        assert!(AUTHOR_WORDS.is_match("Post-AUTHOR"));
        assert!(DATE_WORDS.is_match("entry-Date"));
        assert!(!DATE_WORDS.is_match("entry-title"));
    }

    #[test]
    fn headline_that_agrees_with_title_wins() {
        let t = title_of(
            "<title>Rain falls on the plain | Daily Site</title><h1>Site logo</h1><h1>Rain falls on the plain</h1>",
        );
        assert_eq!(t.as_deref(), Some("Rain falls on the plain"));
    }

    #[test]
    fn dates_are_normalised() {
        assert_eq!(
            normalize_date("2024-11-12T18:40:00Z").as_deref(),
            Some("2024-11-12T18:40:00Z")
        );
        assert_eq!(
            normalize_date("Posted 2024/11/12 by Jo").as_deref(),
            Some("2024-11-12")
        );
        assert_eq!(
            normalize_date("Опубликовано 2024.03.05").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(normalize_date("2024-13-40"), None);
        assert_eq!(normalize_date("no date, ünïcode"), None);
    }

    #[test]
    fn metadata_comes_from_json_ld_then_meta() {
        let doc = parse(
            r#"<html lang="de"><head>
            <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},
              {"@type":"NewsArticle","author":[{"@type":"Person","name":"Ana Ruiz"},"Bo Li"],
               "datePublished":"2023-05-05T10:00:00+02:00","keywords":"NATO, Belgium"}]}</script>
            <meta property="og:site_name" content="Ostwärts">
            <meta name="description" content="Eine Erklärung.">
            </head><body><p>BODY_TEXT</p></body></html>"#,
        );
        let dom = Dom::new(&doc);
        let m = metadata(&dom, &Metas::new(&dom));
        assert_eq!(m.authors, ["Ana Ruiz", "Bo Li"]);
        assert_eq!(m.date.as_deref(), Some("2023-05-05T10:00:00+02:00"));
        assert_eq!(m.site_name.as_deref(), Some("Ostwärts"));
        assert_eq!(m.language.as_deref(), Some("de"));
        assert_eq!(m.description.as_deref(), Some("Eine Erklärung."));
        assert_eq!(m.tags, ["NATO", "Belgium"]);
    }

    #[test]
    fn site_name_is_cut_from_title() {
        let t = title_of("<title>Daily Site - Rain falls on the plain again</title><h1>Menu</h1>");
        assert_eq!(t.as_deref(), Some("Rain falls on the plain again"));
    }

    fn metadata_of(html: &str) -> Metadata {
        let doc = parse(html);
        let dom = Dom::new(&doc);
        metadata(&dom, &Metas::new(&dom))
    }

    #[test]
    fn dublin_core_title_is_the_fallback_and_properties_may_be_space_separated() {
        let t = title_of(
            r#"<title>Title Element</title><meta property="x:title dc:title" content="Preferred title">
            <meta property="og:title twitter:title" content="A title"><h1>Unrelated heading</h1>"#,
        );
        assert_eq!(t.as_deref(), Some("Preferred title"));
    }

    #[test]
    fn headline_agreeing_with_json_ld_wins_over_og_title() {
        let t = title_of(
            r#"<script type="application/ld+json">{"@type":"NewsArticle",
              "headline":"The Best Tax Prep Software of 2025"}</script>
            <meta property="og:title" content="Best Tax Preparation Software | Accounting Site">
            <h1>The Best Tax Prep Software of 2025</h1>"#,
        );
        assert_eq!(t.as_deref(), Some("The Best Tax Prep Software of 2025"));
    }

    #[test]
    fn masthead_heading_linking_home_is_the_site_name() {
        let page = |canonical: &str| {
            format!(
                r#"<link rel="canonical" href="{canonical}">
                <title>Silicon Exposed: Open Verilog flow for GreenPak4 devices</title>
                <div class="header"><h1 class="title"><a href="https://siliconexposed.example/">
                Silicon Exposed</a></h1></div><h3 class="post-title">Open Verilog flow</h3>"#
            )
        };
        let t = title_of(&page(
            "https://siliconexposed.example/2016/05/open-verilog.html",
        ));
        assert_eq!(
            t.as_deref(),
            Some("Open Verilog flow for GreenPak4 devices")
        );
        // A home page's "Name: tagline" title is its title.
        let t = title_of(&page("https://siliconexposed.example/"));
        assert_eq!(
            t.as_deref(),
            Some("Silicon Exposed: Open Verilog flow for GreenPak4 devices")
        );
        // A heading linking home only in part is the headline.
        let t = title_of(r#"<title>Rain again | Blog</title><h1><a href="/">Rain</a> again</h1>"#);
        assert_eq!(t.as_deref(), Some("Rain again"));
    }

    #[test]
    fn permalink_sign_is_not_part_of_the_heading() {
        let t = title_of(
            r##"<title>Logging HOWTO — Python 3 documentation</title>
            <h1>Logging HOWTO<a class="headerlink" href="#logging-howto">¶</a></h1>"##,
        );
        assert_eq!(t.as_deref(), Some("Logging HOWTO"));
    }

    #[test]
    fn heading_that_is_the_site_name_loses() {
        let t = title_of(
            "<title>Discuss the 7.1 release here - Example Forum</title><h1>Example Forum</h1>",
        );
        assert_eq!(t.as_deref(), Some("Discuss the 7.1 release here"));
        let t = title_of(
            r#"<meta property="og:site_name" content="Pest Services"><title>Coupons | Pest Services</title>"#,
        );
        assert_eq!(t.as_deref(), Some("Coupons"));
    }

    #[test]
    fn meta_property_outranks_meta_name() {
        let html = r#"<meta name="DC.title" content="Dublin Core name title">
            <meta property="dc:title" content="Dublin Core property title">
            <meta name="DC.creator" content="Name Author">
            <meta property="dc:creator" content="Property Author">"#;
        assert_eq!(
            title_of(html).as_deref(),
            Some("Dublin Core property title")
        );
        assert_eq!(metadata_of(html).authors, ["Property Author"]);
    }

    #[test]
    fn json_ld_in_cdata_is_read() {
        let m = metadata_of(
            r#"<script type="application/ld+json">
            <![CDATA[ {"@type":"Article","author":[{"@type":"Person","name":"Dan Kim"}],
              "datePublished":"2018-04-05T06:00","description":"Tom &amp; Jerry"} ]]></script>"#,
        );
        assert_eq!(m.authors, ["Dan Kim"]);
        assert_eq!(m.date.as_deref(), Some("2018-04-05T06:00"));
        assert_eq!(m.description.as_deref(), Some("Tom & Jerry"));
    }

    #[test]
    fn dublin_core_creator_outranks_meta_author() {
        let m = metadata_of(
            r#"<meta name="author" content="Meta Author"><meta name="DC.creator" content="Jane Roe">
            <meta name="dc.description" content="Dublin Core summary">
            <meta property="og:description" content="Open Graph summary">"#,
        );
        assert_eq!(m.authors, ["Jane Roe"]);
        assert_eq!(m.description.as_deref(), Some("Dublin Core summary"));
    }

    #[test]
    fn byline_in_markup_loses_its_prefix_and_date() {
        let m = metadata_of(
            r#"<body><h1>Headline</h1><span class="post-detail__meta-author">By Emily Norwood</span>"#,
        );
        assert_eq!(m.authors, ["Emily Norwood"]);
        let m = metadata_of(
            r#"<body><p class="byline">by <a href="/people/dan">Dan Goodin</a> - Apr 16, 2015</p>"#,
        );
        assert_eq!(m.authors, ["Dan Goodin"]);
        let m = metadata_of(r#"<body><div class="the-author">Isaiah Shelton - 3 min read</div>"#);
        assert_eq!(m.authors, ["Isaiah Shelton"]);
    }

    #[test]
    fn byline_is_printed_unless_authors_are_declared() {
        let m = metadata_of(
            r#"<body><h1>Rain</h1><div class="byline">By <a href="/people/ana">Ana Sandoiu</a> —
            </div><p>Text</p>"#,
        );
        assert_eq!(m.authors, ["Ana Sandoiu"]);
        assert_eq!(m.byline.as_deref(), Some("By Ana Sandoiu"));
        let m = metadata_of(
            r#"<body><p class="author">Par Sébastien Farcis, correspondant à Barcelone</p>"#,
        );
        assert_eq!(
            m.byline.as_deref(),
            Some("Par Sébastien Farcis, correspondant à Barcelone")
        );
        // A date in the line is kept as printed; the bare name needs none.
        let m = metadata_of(r#"<body><span class="byline">By Nathan Willis March 25, 2015</span>"#);
        assert_eq!(m.byline.as_deref(), Some("By Nathan Willis March 25, 2015"));
        // Declared authors are the credit, joined.
        let m = metadata_of(
            r#"<meta name="author" content="Corey Kilgannon"><body>
            <p class="byline">By Corey Kilgannon and a photographer</p>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Corey Kilgannon"));
        // Nor is a log-in box.
        let m = metadata_of(
            r#"<body><div id="authorization"><a href="/login">Sign In</a> | Sign Up</div>
            <div class="author_fmt">By <a rel="author" href="/brenda">Brenda Goodman, MA</a></div>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("By Brenda Goodman, MA"));
        let m =
            metadata_of(r#"<body><div class="authoring-information__author">By Jason Bates</div>"#);
        assert_eq!(m.authors, ["Jason Bates"]);
        // A label alone is no byline.
        let m = metadata_of(r#"<body><div class="author-name">Author:</div>"#);
        assert_eq!(m.byline, None);
    }

    #[test]
    fn comment_authors_are_not_the_page_author() {
        let m = metadata_of(
            r#"<body><article><p>Text</p></article>
            <ol class="comment-list"><li><span class="comment-author">Troll</span></li></ol>"#,
        );
        assert!(m.authors.is_empty());
    }

    #[test]
    fn date_in_json_ld_of_any_type() {
        let m = metadata_of(
            r#"<script type="application/ld+json">{"@context":{"@vocab":"http://schema.org"},
              "@type":"VideoObject","datePublished":"2024-12-06T22:00:40.000Z"}</script>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2024-12-06T22:00:40.000Z"));
    }

    #[test]
    fn character_references_are_decoded() {
        assert_eq!(
            decode_entities("a &#038; b &#8217; &#x1F62D; &#xg; &#x0;"),
            "a & b ’ 😭 &#xg; \u{FFFD}"
        );
    }

    #[test]
    fn first_paragraph_is_the_fallback_summary() {
        let doc = parse("<p>One.</p>");
        let dom = Dom::new(&doc);
        let node = dom.nodes[0].id;
        let block = |kind, text: &str| crate::Block::new(kind, text, node);
        let blocks = [
            block(crate::BlockKind::Heading { level: 2 }, "Head"),
            block(crate::BlockKind::Paragraph, "First  words."),
        ];
        assert_eq!(first_paragraph(&blocks).as_deref(), Some("First words."));
    }

    #[test]
    fn written_dates_in_other_languages_and_shapes() {
        assert_eq!(
            written_date("1 de diciembre de 2017 3:00 AM").as_deref(),
            Some("2017-12-01")
        );
        assert_eq!(
            written_date("Dienstag, 4. März 2025").as_deref(),
            Some("2025-03-04")
        );
        assert_eq!(
            written_date("le 12 janvier 2024").as_deref(),
            Some("2024-01-12")
        );
        assert_eq!(
            written_date("[Submitted on 18 Dec 2025]").as_deref(),
            Some("2025-12-18")
        );
        assert_eq!(written_date("17.05.2021").as_deref(), Some("2021-05-17"));
        assert_eq!(
            written_date("发布时间：2025年12月18日").as_deref(),
            Some("2025-12-18")
        );
        assert_eq!(
            written_date("Version 1.2.2021 notes"),
            Some("2021-02-01".to_owned())
        );
        assert_eq!(written_date("32.13.2021"), None);
        assert_eq!(
            written_date("Updated: 10/31/2024").as_deref(),
            Some("2024-10-31")
        );
        assert_eq!(written_date("24/2/2026").as_deref(), Some("2026-02-24"));
        assert_eq!(written_date("3/4/2026"), None); // March 4 or 3 April
        let m = metadata_of(
            r#"<body><span itemprop="published-date" content="Published Oct 20, 2025 at 5:00 PM PST">
            Oct 20</span>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2025-10-20"));
    }

    #[test]
    fn dates_in_url_paths() {
        assert_eq!(
            url_date("https://example.com/2025/09/04/top-trends/").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(
            url_date("https://lab.org/blog/2025-12-17-mini-engine").as_deref(),
            Some("2025-12-17")
        );
        assert_eq!(url_date("https://example.com/2025/12/only-month"), None);
        assert_eq!(url_date("https://example.com/item?id=2025-01-02"), None);
        let m = metadata_of(
            r#"<link rel="canonical" href="https://ex.com/2019/03/07/rain/"><body><h1>Rain</h1>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2019-03-07"));
    }

    #[test]
    fn unmarked_date_beside_the_headline() {
        let m = metadata_of(
            r#"<body><nav><p>Jan 1, 2020 sale</p></nav><div class="hero"><h1>Proofs as types</h1>
            <p class="muted">December 15, 2025</p></div><p>Text from 2001-01-01.</p>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2025-12-15"));
        // An update stamp beside the headline is the date only when nothing says "published".
        let m = metadata_of(
            r#"<meta property="og:type" content="article">
            <meta property="article:modified_time" content="2024-02-03T10:00:00Z">
            <body><h1>Webcams</h1><p>Last updated: November 13, 2025</p>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2024-02-03T10:00:00Z"));
        let m = metadata_of(
            r#"<body><h1>Webcams</h1><p>Updated 3/4/2024</p><p>Updated Nov 13, 2025</p>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2025-11-13"));
        let m = metadata_of(
            r#"<meta name="published" content="July 17, 2025">
            <meta property="article:modified_time" content="2025-08-01"><body><h1>Tools</h1>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2025-07-17"));
    }

    #[test]
    fn written_dates_in_date_elements() {
        assert_eq!(
            written_date("Posted September 4, 2025").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(
            written_date("4th Sept. 2025 at 10:00").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(written_date("May the 4th be with you"), None);
        let m = metadata_of(
            r#"<body><h1>Headline</h1><div class="post-date">Dec 19, 2025</div>
            <script>var d = "2001-01-01";</script>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2025-12-19"));
        let m = metadata_of(r#"<body><span class="updated-date">Dec 19, 2025</span>"#);
        assert_eq!(m.date, None);
    }
}
