//! The page title: the article's own headline when the page has one that agrees with its
//! `<title>` or `og:title`, else those with the site name cut off.

use crate::dom::{Dom, Tag, attrs, collapse_whitespace};

/// Separators between a headline and a site name in `<title>`.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // "];

/// The title of the page, if it has one.
pub(crate) fn title(dom: &Dom<'_>, dead: &[bool], metas: &Metas<'_>) -> Option<String> {
    let meta_title = metas
        .get("og:title")
        .or_else(|| metas.get("twitter:title"))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned);
    let page_title = dom
        .find(Tag::Title)
        .map(|i| dom.text_of(i, |_| false))
        .filter(|t| !t.is_empty());
    let reference = meta_title.clone().or_else(|| page_title.clone());
    let headline = (0..dom.len())
        .filter(|&i| !dead[i] && matches!(dom.nodes[i].tag, Tag::Heading(1 | 2)))
        .map(|i| dom.text_of(i, |k| dead[k]))
        .filter(|h| !h.is_empty())
        .take(8)
        .find(|h| reference.as_deref().is_some_and(|r| agrees(h, r)));
    headline
        .or(meta_title.map(|t| strip_site(&t)))
        .or(page_title.map(|t| strip_site(&t)))
}

/// What the page says of its own kind, in `og:type` and schema.org types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct PageKind {
    /// `og:type` is `article`.
    pub article: bool,
    /// A schema.org `DiscussionForumPosting`, `QAPage` or `Question` is declared.
    pub discussion: bool,
}

const DISCUSSION_TYPES: &[&str] = &["DiscussionForumPosting", "QAPage", "\"Question\""];

/// Reads the page's declared kind from OpenGraph, JSON-LD and microdata.
pub(crate) fn page_kind(dom: &Dom<'_>, metas: &Metas<'_>) -> PageKind {
    let article = metas
        .get("og:type")
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("article"));
    let discussion = (0..dom.len()).any(|i| {
        let node = &dom.nodes[i];
        let itemtype = dom.attr(i, "itemtype").unwrap_or("");
        let in_json_ld = node.tag == Tag::Text
            && node.parent != usize::MAX
            && dom
                .attr(node.parent, "type")
                .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"));
        (in_json_ld && DISCUSSION_TYPES.iter().any(|t| node.text.contains(t)))
            || itemtype.contains("DiscussionForumPosting")
            || itemtype.ends_with("/Question")
    });
    PageKind {
        article,
        discussion,
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
    /// (name or property, content) of each `<meta>`.
    pairs: Vec<(&'a str, &'a str)>,
    /// The `href` of `<link rel=canonical>`.
    canonical: Option<&'a str>,
}

impl<'a> Metas<'a> {
    pub(crate) fn new(dom: &Dom<'a>) -> Metas<'a> {
        let mut metas = Metas::default();
        for node in dom.nodes.iter().filter(|n| n.tag == Tag::Meta) {
            let Some(element) = node.element else {
                continue;
            };
            let [property, name, content, rel, href] =
                attrs(element, ["property", "name", "content", "rel", "href"]);
            if let (Some(key), Some(content)) = (property.or(name), content) {
                metas.pairs.push((key, content));
            }
            let canonical = rel.is_some_and(|r| {
                r.split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("canonical"))
            });
            if canonical && metas.canonical.is_none() {
                metas.canonical = href;
            }
        }
        metas
    }

    /// The content of the first `<meta>` with this name or property.
    pub(crate) fn get(&self, key: &str) -> Option<&'a str> {
        self.pairs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| *v)
    }
}

/// Whether a heading and a title name the same thing: most of the heading's words are in it.
fn agrees(heading: &str, title: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let heading = words(heading);
    let title = words(title);
    if heading.is_empty() {
        return false;
    }
    let shared = heading.iter().filter(|w| title.contains(w)).count();
    shared * 4 >= heading.len() * 3 && shared * 2 >= title.len().min(heading.len())
}

/// Cuts a site name off a title: keeps the longest part between separators.
fn strip_site(title: &str) -> String {
    for sep in SEPARATORS {
        if title.contains(sep) {
            let best = title
                .split(sep)
                .map(str::trim)
                .max_by_key(|p| p.chars().count())
                .unwrap_or(title);
            return best.to_owned();
        }
    }
    title.trim().to_owned()
}

/// What a page says about itself besides its text: from JSON-LD first, then OpenGraph and
/// `<meta>`, then its markup.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Metadata {
    /// The authors' names.
    pub authors: Vec<String>,
    /// When it was published: the declared ISO 8601 value, or its `YYYY-MM-DD` date.
    pub date: Option<String>,
    /// The site's name.
    pub site_name: Option<String>,
    /// The language, as `<html lang>` or `og:locale` gives it.
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
];

/// Reads the page's metadata.
pub(crate) fn metadata(dom: &Dom<'_>, metas: &Metas<'_>) -> Metadata {
    let meta = |key: &str| metas.get(key);
    let article = json_ld_article(dom);
    let ld = |key: &str| article.as_ref().and_then(|a| a.get(key));
    let mut authors: Vec<String> = ld("author").map(names).unwrap_or_default();
    if authors.is_empty() {
        authors = meta("author")
            .or_else(|| meta("article:author"))
            .or_else(|| meta("parsely-author"))
            .or_else(|| meta("sailthru.author"))
            .filter(|a| !a.contains("://"))
            .map(|a| vec![collapse_whitespace(a)])
            .unwrap_or_default();
    }
    if authors.is_empty() {
        authors = markup_author(dom).into_iter().collect();
    }
    let date = ld("datePublished")
        .and_then(|v| v.as_str())
        .and_then(normalize_date)
        .or_else(|| {
            DATE_NAMES
                .iter()
                .find_map(|name| meta(name).and_then(normalize_date))
        })
        .or_else(|| itemprop_date(dom))
        .or_else(|| {
            (0..dom.len())
                .filter(|&i| {
                    dom.attr(i, "datetime").is_some()
                        && dom.nodes[i].element.is_some_and(|e| e.name() == "time")
                })
                .find_map(|i| dom.attr(i, "datetime").and_then(normalize_date))
        });
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
        .filter(|s| !s.is_empty());
    let language = dom
        .find(Tag::Html)
        .and_then(|i| dom.attr(i, "lang"))
        .or_else(|| meta("og:locale"))
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty());
    let description = meta("og:description")
        .or_else(|| meta("description"))
        .or_else(|| meta("twitter:description"))
        .map(str::to_owned)
        .or_else(|| {
            ld("description")
                .and_then(|d| d.as_str())
                .map(str::to_owned)
        })
        .map(|d| collapse_whitespace(&d))
        .filter(|d| !d.is_empty());
    let image = meta("og:image")
        .map(str::to_owned)
        .or_else(|| ld("image").and_then(first_url));
    let tags = ld("keywords")
        .map(|k| match k {
            serde_json::Value::Array(items) => items
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
        date,
        site_name,
        language,
        description,
        image,
        tags,
    }
}

/// The first JSON-LD object describing the article, looking through arrays and `@graph`.
fn json_ld_article(dom: &Dom<'_>) -> Option<serde_json::Value> {
    for i in 0..dom.len() {
        let is_json_ld = dom.nodes[i].tag == Tag::Void
            && dom
                .attr(i, "type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_json_ld {
            continue;
        }
        let text: String = (i + 1..dom.nodes[i].end)
            .map(|j| dom.nodes[j].text)
            .collect();
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        if let Some(found) = find_article(&value, 0) {
            return Some(found.clone());
        }
    }
    None
}

fn find_article(value: &serde_json::Value, depth: usize) -> Option<&serde_json::Value> {
    use serde_json::Value;
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
fn names(value: &serde_json::Value) -> Vec<String> {
    use serde_json::Value;
    match value {
        Value::String(s) if !s.contains("://") => vec![collapse_whitespace(s)],
        Value::Object(map) => map
            .get("name")
            .and_then(|n| n.as_str())
            .map(|n| vec![collapse_whitespace(n)])
            .unwrap_or_default(),
        Value::Array(items) => items.iter().flat_map(names).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|n| !n.is_empty())
    .collect()
}

fn first_url(value: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Object(map) => map.get("url").and_then(|u| u.as_str()).map(str::to_owned),
        Value::Array(items) => items.iter().find_map(first_url),
        _ => None,
    }
}

/// The author named by `itemprop=author`, `rel=author` or a byline class, in the markup.
fn markup_author(dom: &Dom<'_>) -> Option<String> {
    (0..dom.len()).find_map(|i| {
        let element = dom.nodes[i].element?;
        let [itemprop, rel, class] = attrs(element, ["itemprop", "rel", "class"]);
        let marked = itemprop.is_some_and(|p| p.split_whitespace().any(|w| w == "author"))
            || rel.is_some_and(|r| r.split_whitespace().any(|w| w == "author"))
            || class.is_some_and(|c| {
                c.split_whitespace()
                    .any(|w| matches!(w, "author-name" | "byline__name" | "author" | "byline"))
            });
        if !marked {
            return None;
        }
        let text = dom.text_of(i, |_| false);
        let text = text
            .strip_prefix("By ")
            .or_else(|| text.strip_prefix("by "))
            .unwrap_or(&text)
            .trim()
            .to_owned();
        (!text.is_empty() && text.chars().count() <= 80).then_some(text)
    })
}

/// The publication date of `itemprop=datePublished`.
fn itemprop_date(dom: &Dom<'_>) -> Option<String> {
    (0..dom.len()).find_map(|i| {
        let element = dom.nodes[i].element?;
        let [itemprop, content, datetime] = attrs(element, ["itemprop", "content", "datetime"]);
        if itemprop.is_none_or(|p| p != "datePublished") {
            return None;
        }
        content
            .or(datetime)
            .map(str::to_owned)
            .or_else(|| Some(dom.text_of(i, |_| false)))
            .and_then(|d| normalize_date(&d))
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
}
