//! What the page's JSON-LD declares (parsed once, in [`Metas::json_ld`]): one table of the
//! schema.org types the pipeline knows, each with its roles, and the look-ups over the values.
//!
//! [`Metas::json_ld`]: crate::page::metas::Metas

use serde_json::{Map, Value};

/// What a schema.org type tells about the page that declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Its item describes the page's article: the metadata's author, date, description and
    /// keywords are read from it.
    Describes,
    /// A written piece: a page declaring one is an article whatever it sells.
    Written,
    /// One product (a product with variants is a `ProductGroup`).
    Product,
    /// A discussion: a forum thread or a question with its answers.
    Discussion,
    /// A forum thread, whose replies are the content (a Q&A page's comments on its answers are
    /// not).
    Forum,
    /// A page or a thing on sale, whose last change is only the day its template was saved,
    /// never its publication.
    Template,
}

use Role::{Describes, Discussion, Forum, Product, Template, Written};

/// The schema.org types the pipeline knows, with their roles.
const TYPES: &[(&str, &[Role])] = &[
    ("Article", &[Describes, Written]),
    ("NewsArticle", &[Describes, Written]),
    ("BlogPosting", &[Describes, Written]),
    ("Report", &[Describes]),
    ("ScholarlyArticle", &[Describes, Written]),
    ("TechArticle", &[Describes, Written]),
    ("LiveBlogPosting", &[Describes]),
    ("SocialMediaPosting", &[Describes]),
    ("DiscussionForumPosting", &[Describes, Discussion, Forum]),
    ("OpinionNewsArticle", &[Describes, Written]),
    ("AnalysisNewsArticle", &[Describes, Written]),
    ("ReportageNewsArticle", &[Describes, Written]),
    ("Review", &[Written]),
    ("WebPage", &[Describes, Template]),
    ("Product", &[Describes, Product, Template]),
    ("ProductGroup", &[Product]),
    ("IndividualProduct", &[Product]),
    ("ProductModel", &[Product]),
    ("Recipe", &[Describes]),
    ("QAPage", &[Describes, Discussion, Template]),
    ("Question", &[Discussion]),
];

/// Whether the schema.org type named `t` (exactly: `Article`, not `schema:Article`) plays `role`.
pub(crate) fn has_role(t: &str, role: Role) -> bool {
    TYPES
        .iter()
        .any(|(name, roles)| *name == t && roles.contains(&role))
}

/// `Product` of `Product`, `schema:Product` or `https://schema.org/Product`.
pub(crate) fn type_name(t: &str) -> &str {
    t.rsplit(['/', ':']).next().unwrap_or(t).trim()
}

/// The `@type` names of a JSON-LD item (`Product` of `https://schema.org/Product`).
pub(crate) fn item_types(map: &Map<String, Value>) -> impl Iterator<Item = &str> {
    let (one, many) = match map.get("@type") {
        Some(Value::String(t)) => (Some(t.as_str()), None),
        Some(Value::Array(ts)) => (None, Some(ts.iter().filter_map(Value::as_str))),
        _ => (None, None),
    };
    one.into_iter()
        .chain(many.into_iter().flatten())
        .map(type_name)
}

/// JSON-LD keys of a product on sale.
const SALE_KEYS: &[&str] = &[
    "offers",
    "sku",
    "mpn",
    "gtin",
    "gtin8",
    "gtin12",
    "gtin13",
    "gtin14",
    "productID",
    "hasVariant",
];

/// Whether a JSON-LD item is on sale: it has an offer, a stock number or variants. A business
/// marking itself up as a "Product" only to show its rating stars has none of these.
pub(crate) fn on_sale(map: &Map<String, Value>) -> bool {
    SALE_KEYS.iter().any(|k| map.contains_key(*k))
}

/// Whether a JSON-LD item is a product on sale.
pub(crate) fn is_product_on_sale(map: &Map<String, Value>) -> bool {
    on_sale(map) && item_types(map).any(|t| has_role(t, Product))
}

/// The `@type`s of a JSON-LD value's top-level items (in a list or an `@graph`), not of the
/// items nested in them (a shop's products listed in an article's `mentions`), each with whether
/// the item is on sale (see [`on_sale`]).
pub(crate) fn top_level_types<'v>(value: &'v Value, types: &mut Vec<(&'v str, bool)>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| top_level_types(v, types)),
        Value::Object(map) => {
            let sold = on_sale(map);
            types.extend(item_types(map).map(|t| (t, sold)));
            if let Some(graph) = map.get("@graph") {
                top_level_types(graph, types);
            }
        }
        _ => {}
    }
}

/// The `@type`s of every item in a JSON-LD value, however deep.
pub(crate) fn all_types<'v>(value: &'v Value, types: &mut Vec<&'v str>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| all_types(v, types)),
        Value::Object(map) => {
            types.extend(item_types(map));
            map.values().for_each(|v| all_types(v, types));
        }
        _ => {}
    }
}

/// The first string value of `key` in the JSON-LD values, looking through objects and arrays.
pub(crate) fn find_string<'v>(json_ld: &'v [Value], key: &str) -> Option<&'v str> {
    json_ld.iter().find_map(|v| find_string_in(v, key, 0))
}

fn find_string_in<'v>(value: &'v Value, key: &str, depth: usize) -> Option<&'v str> {
    if depth > 5 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_string_in(v, key, depth + 1)),
        Value::Object(map) => map
            .get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
            .or_else(|| map.values().find_map(|v| find_string_in(v, key, depth + 1))),
        _ => None,
    }
}

/// The value of `key` in the first top-level JSON-LD item (in a list or an `@graph`) that has
/// it.
pub(crate) fn top_level_value<'v>(json_ld: &'v [Value], key: &str) -> Option<&'v Value> {
    fn find<'v>(value: &'v Value, key: &str) -> Option<&'v Value> {
        match value {
            Value::Array(items) => items.iter().find_map(|v| find(v, key)),
            Value::Object(map) => map
                .get(key)
                .or_else(|| map.get("@graph").and_then(|g| find(g, key))),
            _ => None,
        }
    }
    json_ld.iter().find_map(|v| find(v, key))
}

/// The first JSON-LD item describing the article (a type that [`Role::Describes`], with an
/// author or a publication date), looking through arrays, `@graph` and `mainEntity`.
pub(crate) fn article(json_ld: &[Value]) -> Option<&Value> {
    json_ld.iter().find_map(|v| find_article(v, 0))
}

fn find_article(value: &Value, depth: usize) -> Option<&Value> {
    if depth > 4 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        Value::Object(map) => {
            let describes = |t: &Value| t.as_str().is_some_and(|t| has_role(t, Describes));
            let typed = match map.get("@type") {
                Some(Value::Array(ts)) => ts.iter().any(describes),
                Some(t) => describes(t),
                None => false,
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

/// The first address in a schema.org `image`: a URL, an `ImageObject`, or a list of them.
pub(crate) fn first_url(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Object(map) => map.get("url").and_then(|u| u.as_str()).map(str::to_owned),
        Value::Array(items) => items.iter().find_map(first_url),
        _ => None,
    }
}

/// Decodes the character references that JSON-LD writers leave in strings (`&amp;`, `&#8217;`,
/// `&#x27;`, ...).
pub(crate) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| reference(&rest[1..end]).map(|c| (c, end)));
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

/// The character of a reference's name (`amp`, `#8217`, `#x27`).
fn reference(name: &str) -> Option<char> {
    match name {
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn roles_come_from_one_table() {
        assert!(has_role("NewsArticle", Describes) && has_role("NewsArticle", Written));
        // A live blog describes the page but does not make a shop's page an article.
        assert!(has_role("LiveBlogPosting", Describes) && !has_role("LiveBlogPosting", Written));
        assert!(has_role("Review", Written) && !has_role("Review", Describes));
        assert!(has_role("ProductGroup", Product) && !has_role("Offer", Product));
        assert!(has_role("DiscussionForumPosting", Forum) && !has_role("QAPage", Forum));
        assert!(has_role("Question", Discussion));
        assert!(has_role("WebPage", Template) && !has_role("Article", Template));
        assert!(!has_role("schema:Article", Describes));
        assert_eq!(type_name("https://schema.org/Product"), "Product");
        assert_eq!(type_name("schema:Product"), "Product");
    }

    #[test]
    fn the_article_is_the_described_item_with_an_author_or_date() {
        let ld = [json!({"@graph": [
            {"@type": "WebSite", "author": "Site"},
            {"@type": "Organization", "name": "Harbour"},
            {"@type": ["Thing", "NewsArticle"], "datePublished": "2024-01-02"}
        ]})];
        assert_eq!(
            article(&ld).map(|a| &a["datePublished"]),
            Some(&json!("2024-01-02"))
        );
        let ld = [json!({"@type": "QAPage", "mainEntity":
            {"@type": "WebPage", "author": {"name": "Jo"}}})];
        assert_eq!(article(&ld).map(|a| &a["@type"]), Some(&json!("WebPage")));
        assert_eq!(article(&[json!({"@type": "Article"})]), None);
    }

    #[test]
    fn strings_types_and_sales_are_found() {
        let ld = [
            json!({"@type": "WebSite", "inLanguage": " "}),
            json!([{"@type": "Product", "sku": "1", "review": {"@type": "Review",
                "inLanguage": "de"}}]),
        ];
        assert_eq!(find_string(&ld, "inLanguage"), Some("de"));
        assert_eq!(top_level_value(&ld, "sku"), Some(&json!("1")));
        assert_eq!(top_level_value(&ld, "review"), ld[1][0].get("review"));
        assert_eq!(top_level_value(&ld, "name"), None);
        let mut top = Vec::new();
        ld.iter().for_each(|v| top_level_types(v, &mut top));
        assert_eq!(top, [("WebSite", false), ("Product", true)]);
        let mut all = Vec::new();
        ld.iter().for_each(|v| all_types(v, &mut all));
        assert_eq!(all, ["WebSite", "Product", "Review"]);
        let product = ld[1][0].as_object().expect("an object");
        assert!(is_product_on_sale(product));
        assert_eq!(
            first_url(&json!([{"url": "https://a.example/1.jpg"}])).as_deref(),
            Some("https://a.example/1.jpg")
        );
    }

    #[test]
    fn character_references_are_decoded() {
        assert_eq!(
            decode_entities("a &#038; b &#8217; &#x1F62D; &#xg; &#x0;"),
            "a & b ’ 😭 &#xg; \u{FFFD}"
        );
    }
}
