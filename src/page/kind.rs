//! What the page says of its own kind: a product page, a forum thread, a question with its
//! answers, or none of these, from its JSON-LD, microdata and OpenGraph.
//!
//! A page is a product page only by what it declares, and never when it also declares an
//! article: a review of a product is still an article.

use crate::dom::{Dom, Tag};
use crate::page::metas::Metas;
use crate::page::schema::{self, Role, has_role, type_name};

/// The kind of page its schema.org types declare: one of them, however many types it declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Declared {
    /// None of the kinds below.
    #[default]
    Page,
    /// The page of one product (see [`declares_product`]).
    Product,
    /// A question and its answers (`QAPage`, `Question`).
    Questions,
    /// A forum thread (`DiscussionForumPosting`): its replies are the content.
    Forum,
}

/// What the page says of its own kind: its declared kind, and, independently of it, whether its
/// `og:type` is `article` (a forum thread may say so too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct PageKind {
    pub declared: Declared,
    /// `og:type` is `article`.
    pub og_article: bool,
}

impl PageKind {
    /// The page of one product.
    pub(crate) fn is_product(self) -> bool {
        self.declared == Declared::Product
    }

    /// A discussion: a forum thread or a question with its answers.
    pub(crate) fn is_discussion(self) -> bool {
        matches!(self.declared, Declared::Forum | Declared::Questions)
    }

    /// A forum thread.
    pub(crate) fn is_forum(self) -> bool {
        self.declared == Declared::Forum
    }

    /// `og:type` is `article`.
    pub(crate) fn is_og_article(self) -> bool {
        self.og_article
    }
}

/// Reads the page's declared kind from OpenGraph, JSON-LD and microdata: a forum thread first,
/// then one product (whose questions are the shop's FAQ), then a question.
pub(crate) fn page_kind(dom: &Dom<'_>, metas: &Metas<'_>) -> PageKind {
    let og_article = metas
        .get("og:type")
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("article"));
    let items = microdata_items(dom);
    let mut json_ld_types = Vec::new();
    for value in &metas.json_ld {
        schema::all_types(value, &mut json_ld_types);
    }
    let microdata_types = items
        .iter()
        .flat_map(|(_, t)| t.split_whitespace())
        .map(type_name);
    let mut types = json_ld_types.into_iter().chain(microdata_types);
    let (mut discussion, mut forum) = (false, false);
    for t in &mut types {
        discussion |= has_role(t, Role::Discussion);
        forum |= has_role(t, Role::Forum);
    }
    let declared = if forum {
        Declared::Forum
    } else if declares_product(dom, metas, &items) {
        Declared::Product
    } else if discussion {
        Declared::Questions
    } else {
        Declared::Page
    };
    PageKind {
        declared,
        og_article,
    }
}

/// The microdata items (`itemtype`), in document order, with their types: few pages have many.
fn microdata_items<'a>(dom: &Dom<'a>) -> Vec<(usize, &'a str)> {
    (0..dom.len())
        .filter(|&i| dom.nodes[i].tag != Tag::Text)
        .filter_map(|i| dom.attr(i, "itemtype").map(|t| (i, t)))
        .collect()
}

/// Whether the page declares itself the page of one product: `og:type` product, or exactly one
/// product on sale among the top-level JSON-LD items, or one among the outermost microdata items,
/// and no written piece in its JSON-LD.
fn declares_product(dom: &Dom<'_>, metas: &Metas<'_>, items: &[(usize, &str)]) -> bool {
    let mut types = Vec::new();
    for value in &metas.json_ld {
        schema::top_level_types(value, &mut types);
    }
    if types.iter().any(|(t, _)| has_role(t, Role::Written)) {
        return false;
    }
    let og_product = metas.get("og:type").is_some_and(|t| {
        let t = t.trim().to_ascii_lowercase();
        t == "product" || t == "product.item" || t.ends_with(":product")
    });
    let json_ld_products = types
        .iter()
        .filter(|(t, sold)| *sold && has_role(t, Role::Product))
        .count();
    og_product || json_ld_products == 1 || microdata_products(dom, items) == 1
}

/// Microdata products that no other item holds, but a page (`WebPage`, `ItemPage`).
fn microdata_products(dom: &Dom<'_>, items: &[(usize, &str)]) -> usize {
    let mut count = 0;
    // The items open around the current one, innermost last, with where each ends.
    let mut open: Vec<(usize, &str)> = Vec::new();
    for &(i, itemtype) in items {
        while open.last().is_some_and(|&(end, _)| end <= i) {
            open.pop();
        }
        let own = type_name(itemtype);
        let outer = open.last().map(|&(_, t)| t);
        if has_role(own, Role::Product)
            && outer.is_none_or(|o| o.ends_with("WebPage") || o == "ItemPage")
        {
            count += 1;
        }
        open.push((dom.nodes[i].end, own));
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;

    fn kind(head: &str, body: &str) -> PageKind {
        let html = format!("<html><head>{head}</head><body>{body}</body></html>");
        let doc = parse(&html);
        let dom = Dom::new(&doc);
        page_kind(&dom, &Metas::new(&dom))
    }

    fn declared(head: &str, body: &str) -> bool {
        kind(head, body).is_product()
    }

    #[test]
    fn a_page_declares_one_product() {
        assert!(declared(
            r#"<meta property="og:type" content="product">"#,
            ""
        ));
        assert!(declared(
            r#"<script type="application/ld+json">{"@context":"https://schema.org",
            "@type":"Product","name":"Trail pack","offers":{"price":"99.95"},
            "review":[{"@type":"Review"}]}</script>"#,
            ""
        ));
        assert!(declared(
            "",
            r#"<div itemscope itemtype="https://schema.org/Product"><h1>Trail pack</h1></div>"#
        ));
        assert!(!declared(
            r#"<meta property="og:type" content="website">"#,
            ""
        ));
    }

    #[test]
    fn an_article_or_a_catalogue_is_no_product_page() {
        // A review of a product.
        assert!(!declared(
            r#"<meta property="og:type" content="product"><script type="application/ld+json">
            {"@graph":[{"@type":"NewsArticle"},{"@type":"Product"}]}</script>"#,
            ""
        ));
        // A business that marks itself up as a product for its rating stars.
        assert!(!declared(
            r#"<script type="application/ld+json">{"@type":"Product","name":"Pest control",
            "aggregateRating":{"@type":"AggregateRating","ratingValue":"5"}}</script>"#,
            ""
        ));
        // Many products: a listing.
        assert!(!declared(
            r#"<script type="application/ld+json">[{"@type":"Product","sku":"1"},
            {"@type":"Product","sku":"2"}]</script>"#,
            ""
        ));
        assert!(!declared(
            "",
            r#"<div itemscope itemtype="http://schema.org/Product">A</div>
            <div itemscope itemtype="http://schema.org/Product">B</div>"#
        ));
        // A product inside a page item is the page's.
        assert!(declared(
            "",
            r#"<div itemscope itemtype="https://schema.org/ItemPage">
            <div itemscope itemtype="https://schema.org/Product">A</div></div>"#
        ));
    }

    #[test]
    fn discussions_and_forums_are_declared_in_json_ld_or_microdata() {
        let forum = kind(
            r#"<meta property="og:type" content="article"><script type="application/ld+json">
            {"@type":"WebPage","mainEntity":{"@type":"DiscussionForumPosting"}}</script>"#,
            "",
        );
        assert_eq!(forum.declared, Declared::Forum);
        assert!(forum.is_discussion() && forum.is_forum() && forum.is_og_article());
        let questions = kind(
            "",
            r#"<div itemscope itemtype="https://schema.org/Question"><h1>Why?</h1></div>"#,
        );
        assert_eq!(questions.declared, Declared::Questions);
        assert!(questions.is_discussion() && !questions.is_forum());
        let qa = kind(
            r#"<script type="application/ld+json">{"@type":"QAPage"}</script>"#,
            "",
        );
        assert_eq!(qa.declared, Declared::Questions);
        // A shop's questions and answers on a product page.
        let shop = kind(
            r#"<script type="application/ld+json">[{"@type":"Product","sku":"1"},
            {"@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Fits?"}]}]</script>"#,
            "",
        );
        assert!(shop.is_product() && !shop.is_discussion());
        let plain = kind(
            r#"<meta property="og:type" content="website">"#,
            "<p>Text</p>",
        );
        assert_eq!(plain, PageKind::default());
    }
}
