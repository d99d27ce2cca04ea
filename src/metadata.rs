//! The page title: the article's own headline when the page has one that agrees with its
//! `<title>` or `og:title`, else those with the site name cut off.

use crate::dom::{Dom, Tag};

/// Separators between a headline and a site name in `<title>`.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // "];

/// The title of the page, if it has one.
pub(crate) fn title(dom: &Dom<'_>, dead: &[bool]) -> Option<String> {
    let meta_title = meta_content(dom, "og:title")
        .or_else(|| meta_content(dom, "twitter:title"))
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
pub(crate) fn page_kind(dom: &Dom<'_>) -> PageKind {
    let article =
        meta_content(dom, "og:type").is_some_and(|t| t.trim().eq_ignore_ascii_case("article"));
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
pub(crate) fn url(dom: &Dom<'_>) -> Option<String> {
    let canonical = (0..dom.len())
        .filter(|&i| dom.nodes[i].tag == Tag::Meta)
        .find(|&i| {
            dom.attr(i, "rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|i| dom.attr(i, "href"));
    canonical
        .or_else(|| meta_content(dom, "og:url"))
        .map(str::trim)
        .filter(|u| u.contains("://"))
        .map(str::to_owned)
}

fn meta_content<'a>(dom: &Dom<'a>, property: &str) -> Option<&'a str> {
    (0..dom.len())
        .filter(|&i| dom.nodes[i].tag == Tag::Meta)
        .find(|&i| {
            dom.attr(i, "property")
                .or_else(|| dom.attr(i, "name"))
                .is_some_and(|p| p.eq_ignore_ascii_case(property))
        })
        .and_then(|i| dom.attr(i, "content"))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;

    fn title_of(html: &str) -> Option<String> {
        let doc = parse(html);
        let dom = Dom::new(&doc);
        let dead = vec![false; dom.len()];
        title(&dom, &dead)
    }

    #[test]
    fn headline_that_agrees_with_title_wins() {
        let t = title_of(
            "<title>Rain falls on the plain | Daily Site</title><h1>Site logo</h1><h1>Rain falls on the plain</h1>",
        );
        assert_eq!(t.as_deref(), Some("Rain falls on the plain"));
    }

    #[test]
    fn site_name_is_cut_from_title() {
        let t = title_of("<title>Daily Site - Rain falls on the plain again</title><h1>Menu</h1>");
        assert_eq!(t.as_deref(), Some("Rain falls on the plain again"));
    }
}
