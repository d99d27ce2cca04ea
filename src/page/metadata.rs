//! What a page says about itself besides its text: its [`Metadata`], from JSON-LD, OpenGraph,
//! Twitter cards, Dublin Core, `<meta>` and markup, assembled from the readers of this folder.

use crate::dom::{Dom, Tag};
use crate::page::address::{host_of, url};
use crate::page::metas::Metas;
use crate::page::schema::{self, decode_entities, find_string, first_url};
use crate::page::{authors, dates, language};
use crate::text::collapse_whitespace;
use rustc_hash::FxHashSet;
use serde_json::Value;

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
    let article = schema::article(&metas.json_ld);
    let (authors, byline) = authors::authors(dom, metas, article);
    Metadata {
        authors,
        byline,
        date: dates::date(dom, metas, article),
        site_name: site_name(metas, article),
        language: declared_language(dom, metas),
        description: description(metas, article),
        image: metas
            .get("og:image")
            .map(str::to_owned)
            .or_else(|| article.and_then(|a| a.get("image")).and_then(first_url)),
        tags: tags(dom, metas, article),
    }
}

/// The site's name: `og:site_name`, the JSON-LD publisher, `application-name`, else the host of
/// the page's address.
fn site_name(metas: &Metas<'_>, article: Option<&Value>) -> Option<String> {
    metas
        .get("og:site_name")
        .map(str::to_owned)
        .or_else(|| {
            article
                .and_then(|a| a.get("publisher"))
                .and_then(|p| p.get("name"))
                .and_then(|n| n.as_str())
                .map(str::to_owned)
        })
        .or_else(|| metas.get("application-name").map(str::to_owned))
        .map(|s| collapse_whitespace(&s))
        .filter(|s| !s.is_empty())
        // A page that names no site is known by its host.
        .or_else(|| url(metas).as_deref().and_then(host_of))
}

/// The language the page declares: `<html lang>`, then `<meta>`, then the `Content-Language`
/// pragma, then JSON-LD `inLanguage`.
fn declared_language(dom: &Dom<'_>, metas: &Metas<'_>) -> Option<String> {
    dom.find(Tag::Html)
        .and_then(|i| dom.attr(i, "lang"))
        .and_then(language::declared)
        .or_else(|| {
            LANGUAGE_NAMES
                .iter()
                .filter_map(|k| metas.get(k))
                .chain(metas.content_language)
                .find_map(language::declared)
        })
        .or_else(|| find_string(&metas.json_ld, "inLanguage").and_then(language::declared))
}

/// The page's own summary: the JSON-LD article's `description`, else the first `<meta>` one.
fn description(metas: &Metas<'_>, article: Option<&Value>) -> Option<String> {
    article
        .and_then(|a| a.get("description"))
        .and_then(|d| d.as_str())
        .or_else(|| DESCRIPTION_NAMES.iter().find_map(|k| metas.get(k)))
        .map(|d| collapse_whitespace(&decode_entities(d)))
        .filter(|d| !d.is_empty())
}

/// The page's tags, each once (in any case): the JSON-LD `keywords` (of the article, else of
/// the first top-level item that has them; a list, or a string of comma-separated words), the
/// `article:tag` metas, `<meta name=keywords>` and `news_keywords`; when it declares none, the
/// links its markup marks `rel=tag`.
fn tags(dom: &Dom<'_>, metas: &Metas<'_>, article: Option<&Value>) -> Vec<String> {
    let json_ld = article
        .and_then(|a| a.get("keywords"))
        .or_else(|| schema::top_level_value(&metas.json_ld, "keywords"));
    let mut declared: Vec<String> = json_ld.map(keywords).unwrap_or_default();
    declared.extend(metas.all("article:tag").map(str::to_owned));
    for key in ["keywords", "news_keywords"] {
        declared.extend(metas.get(key).into_iter().flat_map(comma_list));
    }
    if declared.iter().all(|t| t.trim().is_empty()) {
        declared = (0..dom.len())
            .filter(|&i| {
                dom.nodes[i].tag == Tag::A
                    && dom.attr(i, "rel").is_some_and(|r| {
                        r.split_whitespace().any(|w| w.eq_ignore_ascii_case("tag"))
                    })
            })
            .map(|i| dom.text_of(i, |_| false))
            .collect();
    }
    let mut tags: Vec<String> = Vec::new();
    // The lower-cased tags kept: a tag is kept once whatever its case.
    let mut seen: FxHashSet<String> = FxHashSet::default();
    for tag in declared {
        let tag = collapse_whitespace(&decode_entities(&tag));
        if !tag.is_empty() && seen.insert(tag.to_lowercase()) {
            tags.push(tag);
        }
    }
    tags
}

/// The words of a schema.org `keywords`: a list, or a string of comma-separated words.
fn keywords(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .flat_map(comma_list)
            .collect(),
        other => other.as_str().map(comma_list).unwrap_or_default(),
    }
}

/// The trimmed parts of a comma-separated list.
fn comma_list(s: &str) -> Vec<String> {
    s.split(',').map(|t| t.trim().to_owned()).collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;

    fn metadata_of(html: &str) -> Metadata {
        let doc = parse(html);
        let dom = Dom::new(&doc);
        metadata(&dom, &Metas::new(&dom))
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
    fn meta_property_outranks_meta_name() {
        let html = r#"<meta name="DC.title" content="Dublin Core name title">
            <meta property="dc:title" content="Dublin Core property title">
            <meta name="DC.creator" content="Name Author">
            <meta property="dc:creator" content="Property Author">"#;
        let doc = parse(html);
        let dom = Dom::new(&doc);
        let title = crate::page::title::title(&dom, &vec![false; dom.len()], &Metas::new(&dom));
        assert_eq!(title.as_deref(), Some("Dublin Core property title"));
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
    fn tags_come_from_every_declaration_once() {
        let m = metadata_of(
            r#"<meta property="article:tag" content="Rain"><meta property="article:tag" content="Spain">
            <meta name="news_keywords" content="rain, Plains"><meta name="keywords" content="">
            <body><a rel="tag" href="/t/x">Ignored</a>"#,
        );
        assert_eq!(m.tags, ["Rain", "Spain", "Plains"]);
        let m = metadata_of(
            r#"<script type="application/ld+json">[{"@type":"WebSite"},
              {"@type":"WebPage","keywords":["Rain, Spain","Plain"]}]</script>"#,
        );
        assert_eq!(m.tags, ["Rain", "Spain", "Plain"]);
        let m = metadata_of(
            r#"<body><p>Text</p><p>Tags: <a rel="tag" href="/t/rain">Rain</a>
            <a rel="Tag nofollow" href="/t/spain">Spain</a> <a href="/">Home</a></p>"#,
        );
        assert_eq!(m.tags, ["Rain", "Spain"]);
    }

    #[test]
    fn first_paragraph_is_the_fallback_summary() {
        let doc = parse("<p>One.</p>");
        let dom = Dom::new(&doc);
        let node = dom.id(0);
        let block = |kind, text: &str| crate::Block::new(kind, text, node);
        let blocks = [
            block(crate::BlockKind::Heading { level: 2 }, "Head"),
            block(crate::BlockKind::Paragraph, "First  words."),
        ];
        assert_eq!(first_paragraph(&blocks).as_deref(), Some("First words."));
    }
}
