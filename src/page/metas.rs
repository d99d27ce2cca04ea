//! The page's declarations about itself, read once: its `<meta>` and `<link>` elements and its
//! JSON-LD, parsed into values (see [`crate::page::schema`] for what they declare).

use crate::dom::{Dom, Tag, attrs};
use serde_json::Value;

/// The page's `<meta>` and `<link>` elements and JSON-LD scripts, read once: what they say, by
/// name or property.
#[derive(Debug, Default)]
pub(crate) struct Metas<'a> {
    /// (name or property, content, whether from `property`) of each `<meta>`, once for each of
    /// its space-separated names.
    pairs: Vec<(&'a str, &'a str, bool)>,
    /// The `href` of `<link rel=canonical>`.
    pub canonical: Option<&'a str>,
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
                if let Some(value) = json_ld(dom, i) {
                    metas.json_ld.push(value);
                }
            } else if node.tag == Tag::Meta
                && let Some(element) = node.element
            {
                metas.read(element);
            }
        }
        metas
    }

    /// Reads one `<meta>`, `<link>` or `<base>` element.
    fn read(&mut self, element: &'a crate::dom::Element) {
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
            self.pairs
                .extend(keys(property, true).chain(keys(name, false)));
        }
        let pragma = http_equiv.is_some_and(|h| h.trim().eq_ignore_ascii_case("content-language"));
        if pragma && self.content_language.is_none() {
            self.content_language = content;
        }
        let canonical = rel.is_some_and(|r| {
            r.split_whitespace()
                .any(|w| w.eq_ignore_ascii_case("canonical"))
        });
        if canonical && self.canonical.is_none() {
            self.canonical = href;
        }
        if self.base.is_none() && element.name() == "base" {
            self.base = href.map(str::trim);
        }
    }

    /// The content of the first `<meta>` with this property, else with this name
    /// (case-insensitive, and `:` the same as `.`, so `dc:title` finds `DC.title`): `property`
    /// is the attribute OpenGraph and RDFa define, `name` the one pages borrow.
    pub(crate) fn get(&self, key: &str) -> Option<&'a str> {
        let find = |by_property: bool| {
            self.pairs
                .iter()
                .find(|&&(k, _, p)| p == by_property && same_key(k, key))
                .map(|&(_, v, _)| v)
        };
        find(true).or_else(|| find(false))
    }

    /// The contents of every `<meta>` with this property or name, properties first, each in
    /// document order.
    pub(crate) fn all<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'a str> + 's {
        let by = move |by_property: bool| {
            self.pairs
                .iter()
                .filter(move |&&(k, _, p)| p == by_property && same_key(k, key))
                .map(|&(_, v, _)| v)
        };
        by(true).chain(by(false))
    }
}

/// Whether a `<meta>` name is the key looked for: case-insensitive, `:` the same as `.`.
fn same_key(name: &str, key: &str) -> bool {
    let fold = |b: u8| {
        if b == b':' {
            b'.'
        } else {
            b.to_ascii_lowercase()
        }
    };
    name.len() == key.len()
        && name
            .bytes()
            .zip(key.bytes())
            .all(|(x, y)| fold(x) == fold(y))
}

/// The value of the JSON-LD script at node `i`, if it is one and parses.
fn json_ld(dom: &Dom<'_>, i: usize) -> Option<Value> {
    let is_json_ld = dom
        .attr(i, "type")
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
    if !is_json_ld {
        return None;
    }
    let text: String = (i + 1..dom.nodes[i].end)
        .map(|j| dom.nodes[j].text)
        .collect();
    serde_json::from_str::<Value>(unwrap_cdata(&text)).ok()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;

    fn with_metas<T>(html: &str, f: impl FnOnce(&Metas<'_>) -> T) -> T {
        let doc = parse(html);
        let dom = Dom::new(&doc);
        f(&Metas::new(&dom))
    }

    #[test]
    fn properties_outrank_names_and_keys_fold_case_and_colons() {
        let html = r#"<meta name="DC.title" content="By name">
            <meta property="dc:title og:title" content="By property">
            <meta name="keywords" content="rain, plain">"#;
        with_metas(html, |m| {
            assert_eq!(m.get("dc.title"), Some("By property"));
            assert_eq!(m.get("OG:TITLE"), Some("By property"));
            assert_eq!(m.get("Keywords"), Some("rain, plain"));
            assert_eq!(m.get("keyword"), None);
            let all: Vec<&str> = m.all("dc:title").collect();
            assert_eq!(all, ["By property", "By name"]);
        });
    }

    #[test]
    fn links_pragma_and_base_are_read_once() {
        let html = r#"<html><head><base href=" /docs/ "><base href="/other/">
            <meta http-equiv="Content-Language" content="fr">
            <link rel="alternate" href="https://a.example/feed">
            <link rel="Canonical" href="https://a.example/1"><link rel="canonical" href="x">
            </head></html>"#;
        with_metas(html, |m| {
            assert_eq!(m.canonical, Some("https://a.example/1"));
            assert_eq!(m.content_language, Some("fr"));
            assert_eq!(m.base, Some("/docs/"));
        });
    }

    #[test]
    fn json_ld_is_parsed_once_with_or_without_cdata() {
        let html = r#"<script type=" application/ld+json ">//<![CDATA[
            {"@type":"Article","headline":"Rain"};
            //]]></script><script type="application/ld+json">{not json</script>
            <script>{"@type":"Product"}</script>"#;
        with_metas(html, |m| {
            assert_eq!(m.json_ld.len(), 1);
            assert_eq!(m.json_ld[0]["headline"], "Rain");
        });
        assert_eq!(unwrap_cdata("<![CDATA[ {} ]]>"), "{}");
    }
}
