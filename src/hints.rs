//! What an element's class, id, role, itemprop and tag say about it.
//!
//! Templates name their containers in English whatever the page's language, so these words work
//! across languages. Patterns are compiled once; matching runs only on elements that have an
//! attribute to match.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

use crate::dom::{Dom, Tag, attrs};

/// The verdict of an element's markup hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hint {
    /// Nothing known.
    None,
    /// Named like an article body (content, entry, post, story...).
    Positive,
    /// Marked as the article body itself (`itemprop=articleBody`, `entry-content`...).
    Body,
    /// Named or marked as boilerplate; the word that said so.
    Negative(&'static str),
}

/// Words that mark boilerplate when they occur anywhere in a class or id.
const NEGATIVE_STEMS: &[&str] = &[
    "comment",
    "disqus",
    "sidebar",
    "side-bar",
    "related",
    "share",
    "sharing",
    "social",
    "footer",
    "breadcrumb",
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "subscri",
    "promo",
    "advert",
    "sponsor",
    "popup",
    "modal",
    "navbar",
    "navigation",
    "masthead",
    "skyscraper",
    "outbrain",
    "taboola",
    "recommend",
    "mostread",
    "most-read",
    "trending",
    "gallery",
    "slideshow",
    "signup",
    "sign-up",
    "byline",
    "author-bio",
    "authorbio",
    "pagination",
    "pager",
    "toolbar",
    "shoutbox",
    "rss",
    "teaser",
    "read-more",
    "more-stories",
    "morestories",
    "more-news",
    "more-from",
    "more-article",
    "more-post",
    "more-on",
    "more-in-",
    "view-more",
    "readmore",
    "see-also",
    "ticker",
    "dropdown",
    "offcanvas",
    "off-canvas",
    "overlay",
];

/// Words that mark boilerplate only as a whole token (`nav`, but not `canvas`).
const NEGATIVE_TOKENS: &[&str] = &[
    "widget",
    "nav",
    "menu",
    "ad",
    "ads",
    "adv",
    "aside",
    "tags",
    "tag",
    "meta",
    "header",
    "extra",
    "community",
    "reply",
    "replies",
    "respond",
    "feedback",
    "secondary",
    "complementary",
    "credit",
    "credits",
    "print",
    "login",
    "topbar",
    "copyright",
    "legal",
    "categories",
    "category",
    "author",
];

const POSITIVE_STEMS: &[&str] = &[
    "article",
    "content",
    "entry",
    "post",
    "story",
    "body",
    "main",
    "text",
    "blog",
    "prose",
    "markdown",
    "hentry",
    "h-entry",
    "rich-text",
    "richtext",
];

const BODY_NAMES: &[&str] = &[
    "articlebody",
    "article-body",
    "article__body",
    "article_body",
    "entry-content",
    "entry_content",
    "post-content",
    "post_content",
    "post-body",
    "postbody",
    "story-body",
    "storybody",
    "article-content",
    "article__content",
    "article-text",
    "articletext",
    "story-content",
    "body-text",
    "bodytext",
    "main-text",
    "post-entry",
    "td-post-content",
    "article__text",
    "entry-body",
    "instapaper_body",
];

const NEGATIVE_ROLES: &[&str] = &[
    "navigation",
    "menu",
    "menubar",
    "complementary",
    "banner",
    "contentinfo",
    "search",
    "alert",
    "alertdialog",
    "dialog",
    "toolbar",
    "tablist",
    "tab",
];

fn alternation(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

// The pattern is fixed; `patterns_compile` builds it in the tests.
#[allow(clippy::expect_used)]
static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        "({})|(?:^|[^a-z0-9])({})(?:$|[^a-z0-9])",
        alternation(NEGATIVE_STEMS),
        alternation(NEGATIVE_TOKENS)
    );
    Regex::new(&pattern).expect("negative hint pattern is valid")
});

// The pattern is fixed; `patterns_compile` builds it in the tests.
#[allow(clippy::expect_used)]
static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&alternation(POSITIVE_STEMS)).expect("positive hint pattern is valid")
});

// The pattern is fixed; `patterns_compile` builds it in the tests.
#[allow(clippy::expect_used)]
static BODY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&alternation(BODY_NAMES)).expect("body hint pattern is valid"));

/// The hints of every node; dead nodes get none. Verdicts on class and id names are cached, since
/// a page repeats the same class lists on many elements.
pub(crate) fn hints(dom: &Dom<'_>, dead: &[bool]) -> Vec<Hint> {
    let mut cache: FxHashMap<&str, Hint> = FxHashMap::default();
    let mut buffer = String::new();
    (0..dom.len())
        .map(|i| {
            if dead[i] {
                return Hint::None;
            }
            hint_cached(dom, i, &mut cache, &mut buffer)
        })
        .collect()
}

/// The hint of node `i`. Text nodes and the document's outer elements have none.
#[cfg(test)]
pub(crate) fn hint(dom: &Dom<'_>, i: usize) -> Hint {
    hint_cached(dom, i, &mut FxHashMap::default(), &mut String::new())
}

fn hint_cached<'a>(
    dom: &Dom<'a>,
    i: usize,
    cache: &mut FxHashMap<&'a str, Hint>,
    buffer: &mut String,
) -> Hint {
    let node = &dom.nodes[i];
    match node.tag {
        // Headings carry anchor and styling classes, not roles.
        Tag::Text | Tag::Html | Tag::Body | Tag::Head | Tag::Heading(_) => return Hint::None,
        Tag::Nav => return Hint::Negative("<nav>"),
        Tag::Aside => return Hint::Negative("<aside>"),
        Tag::Footer => return Hint::Negative("<footer>"),
        Tag::Header => return Hint::Negative("<header>"),
        _ => {}
    }
    let Some(element) = node.element else {
        return Hint::None;
    };
    let [itemprop, role, itemtype, class, id] =
        attrs(element, ["itemprop", "role", "itemtype", "class", "id"]);
    if itemprop.is_some_and(|p| p.eq_ignore_ascii_case("articleBody")) {
        return Hint::Body;
    }
    if let Some(role) = role {
        let role = role.trim();
        if let Some(word) = NEGATIVE_ROLES.iter().find(|r| r.eq_ignore_ascii_case(role)) {
            return Hint::Negative(word);
        }
    }
    if itemtype.is_some_and(|t| t.ends_with("/Comment") || t.ends_with("/WPSideBar")) {
        return Hint::Negative("itemtype Comment");
    }
    let class = class.unwrap_or("");
    let id = id.unwrap_or("");
    // A long hyphenated id is a heading slug ("sharing-with-a-team"), not a role.
    let id = if id.matches('-').count() >= 3 { "" } else { id };
    // The class list and the id are read apart, so that the many repeats of a class list hit
    // the cache; the body mark wins, then the class's boilerplate word, then the id's.
    let mut verdict = |names: &'a str| {
        if names.is_empty() {
            Hint::None
        } else {
            *cache
                .entry(names)
                .or_insert_with(|| names_hint(names, buffer))
        }
    };
    let (by_class, by_id) = (verdict(class), verdict(id));
    let named = match (by_class, by_id) {
        (Hint::Body, _) | (_, Hint::Body) => Hint::Body,
        (Hint::Negative(word), _) | (_, Hint::Negative(word)) => Hint::Negative(word),
        (Hint::Positive, _) | (_, Hint::Positive) => Hint::Positive,
        _ => Hint::None,
    };
    match named {
        Hint::None if node.tag == Tag::Article || node.tag == Tag::Main => Hint::Positive,
        named => named,
    }
}

/// What a class list or an id says, tags aside.
fn names_hint(raw: &str, names: &mut String) -> Hint {
    names.clear();
    names.push_str(raw);
    names.make_ascii_lowercase();
    if BODY.is_match(names) {
        return Hint::Body;
    }
    // `find` runs on the fast engines; the word is the match less its delimiters.
    if let Some(found) = NEGATIVE.find(names) {
        let word = found
            .as_str()
            .trim_matches(|c: char| !c.is_ascii_alphanumeric());
        let word = NEGATIVE_STEMS
            .iter()
            .chain(NEGATIVE_TOKENS)
            .find(|w| w.trim_matches('-') == word)
            .copied()
            .unwrap_or("class");
        return Hint::Negative(word);
    }
    if POSITIVE.is_match(names) {
        Hint::Positive
    } else {
        Hint::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;

    fn hint_of(html: &str) -> Hint {
        let doc = parse(html);
        let dom = Dom::new(&doc);
        let i = dom.find(Tag::Div).expect("a div");
        hint(&dom, i)
    }

    #[test]
    fn patterns_compile() {
        LazyLock::force(&NEGATIVE);
        LazyLock::force(&POSITIVE);
        LazyLock::force(&BODY);
    }

    #[test]
    fn class_words() {
        assert_eq!(hint_of(r#"<div class="entry-content">"#), Hint::Body);
        assert_eq!(
            hint_of(r#"<div class="post-comments">"#),
            Hint::Negative("comment")
        );
        assert_eq!(
            hint_of(r#"<div class="c-nav__item">"#),
            Hint::Negative("nav")
        );
        assert_eq!(
            hint_of(r#"<div class="canvas-wrap story">"#),
            Hint::Positive
        );
        assert_eq!(
            hint_of(r#"<div id="x" role="navigation">"#),
            Hint::Negative("navigation")
        );
        assert_eq!(hint_of(r#"<div itemprop="articleBody">"#), Hint::Body);
        assert_eq!(hint_of(r#"<div class="row">"#), Hint::None);
    }
}
