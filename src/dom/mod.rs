//! Stage 2: parsing, and the flat document view every later stage reads.
//!
//! html5ever's tree builder builds the DOM into an arena of our own ([`sink`]), from the tokens
//! of a tokenizer of our own ([`tokenize`], the very tokens html5ever's would hand it, at a
//! fraction of the cost). [`Dom`] then lists its element and text nodes in document (pre-order)
//! order, so that a subtree is the index range `i..end`, an ancestor test is a range check, and
//! per-node measures are plain `Vec`s filled bottom-up in one reverse pass. No stage writes into
//! the DOM.

pub(crate) mod measure;
mod sink;
#[cfg(test)]
mod sink_tests;
mod tokenize;

/// The source pages of `samples/` (at least ten), for the parse's comparison tests.
#[cfg(test)]
fn sample_pages() -> Vec<String> {
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let pages: Vec<String> = std::fs::read_dir(samples)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| std::fs::read(entry.path().join("source.html")).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .collect();
    assert!(pages.len() >= 10, "only {} sample pages found", pages.len());
    pages
}

use html5ever::driver::{self, ParseOpts};
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts, TreeSink};

use sink::{DOCUMENT, Data, NONE, Sink};
pub(crate) use sink::{Document, Element};

use crate::blocks::NodeId;
use crate::text::collapse_whitespace;

/// The tags the extractor tells apart; every other element is [`Tag::Inline`] or [`Tag::Block`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub(crate) enum Tag {
    Text,
    Html,
    Head,
    Body,
    Title,
    Meta,
    A,
    Br,
    Hr,
    Img,
    P,
    Div,
    Section,
    Article,
    Main,
    Heading(u8),
    Pre,
    Code,
    Emphasis,
    Strong,
    Blockquote,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Table,
    Tr,
    Td,
    Th,
    Caption,
    Figure,
    Figcaption,
    Nav,
    Header,
    Footer,
    Aside,
    Form,
    Address,
    /// Script, style, template, svg, form controls, media: never article text.
    Void,
    /// Any other block-level element.
    Block,
    /// Any other inline element.
    Inline,
}

impl Tag {
    fn from_name(name: &str) -> Tag {
        match name {
            "html" => Tag::Html,
            "head" => Tag::Head,
            "body" => Tag::Body,
            "title" => Tag::Title,
            "meta" | "link" | "base" => Tag::Meta,
            "a" => Tag::A,
            // (`<wbr>`, where a long word may wrap, is an inline element: no break of its own.)
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "img" | "picture" => Tag::Img,
            "p" => Tag::P,
            "div" | "center" => Tag::Div,
            "section" => Tag::Section,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "h1" => Tag::Heading(1),
            "h2" => Tag::Heading(2),
            "h3" => Tag::Heading(3),
            "h4" => Tag::Heading(4),
            "h5" => Tag::Heading(5),
            "h6" => Tag::Heading(6),
            "pre" | "listing" | "xmp" | "plaintext" => Tag::Pre,
            "code" | "kbd" | "samp" | "tt" => Tag::Code,
            "em" | "i" => Tag::Emphasis,
            "strong" | "b" => Tag::Strong,
            "blockquote" => Tag::Blockquote,
            "ul" | "menu" | "dir" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "table" => Tag::Table,
            "tr" => Tag::Tr,
            "td" => Tag::Td,
            "th" => Tag::Th,
            "caption" => Tag::Caption,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "nav" => Tag::Nav,
            "header" => Tag::Header,
            "footer" => Tag::Footer,
            "aside" => Tag::Aside,
            "form" => Tag::Form,
            "address" => Tag::Address,
            "script" | "style" | "template" | "svg" | "math" | "iframe" | "object" | "embed"
            | "canvas" | "video" | "audio" | "source" | "track" | "map" | "input" | "button"
            | "select" | "option" | "optgroup" | "textarea" | "datalist" | "output" | "dialog"
            | "frameset" | "frame" | "applet" | "param" => Tag::Void,
            "details" | "summary" | "fieldset" | "legend" | "hgroup" | "thead" | "tbody"
            | "tfoot" | "colgroup" | "col" | "dialog-box" => Tag::Block,
            _ => Tag::Inline,
        }
    }

    /// Whether the element starts a new block of text rather than continuing a line.
    pub(crate) fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::Text
                | Tag::A
                | Tag::Img
                | Tag::Code
                | Tag::Emphasis
                | Tag::Strong
                | Tag::Inline
                | Tag::Br
                | Tag::Title
                | Tag::Meta
        )
    }

    /// Containers that may hold an article body.
    pub(crate) fn is_container(self) -> bool {
        matches!(
            self,
            Tag::Div
                | Tag::Section
                | Tag::Article
                | Tag::Main
                | Tag::Body
                | Tag::Td
                | Tag::Block
                | Tag::Form
                | Tag::Blockquote
                | Tag::Li
                | Tag::Dd
        )
    }
}

/// One element or text node of the page, in document order.
#[derive(Debug)]
pub(crate) struct Node<'a> {
    /// Index of the parent, `usize::MAX` at the root.
    pub parent: usize,
    /// One past the index of the last node of this subtree.
    pub end: usize,
    pub tag: Tag,
    /// The element, for attribute lookups; `None` for text.
    pub element: Option<&'a Element>,
    /// The text of a text node; empty for elements.
    pub text: &'a str,
}

/// The flat, read-only view of a parsed page.
#[derive(Debug)]
pub(crate) struct Dom<'a> {
    pub nodes: Vec<Node<'a>>,
}

/// Parses a whole HTML document as a reader without scripts sees it: the content of `<noscript>`
/// is markup, not raw text (forum engines put the whole thread there for crawlers).
///
/// The tokens come from our own tokenizer ([`tokenize`]), html5ever's tree builder makes the tree.
pub(crate) fn parse(html: &str) -> Document {
    if html.len() > tokenize::MAX_LEN {
        return parse_with_html5ever(html);
    }
    let builder = TreeBuilder::new(Sink::for_page(html), tree_builder_opts());
    tokenize::run(html, &builder);
    builder.sink.finish()
}

fn tree_builder_opts() -> TreeBuilderOpts {
    TreeBuilderOpts {
        scripting_enabled: false,
        ..Default::default()
    }
}

/// [`parse`] with html5ever's own tokenizer: the same tree.
fn parse_with_html5ever(html: &str) -> Document {
    let opts = ParseOpts {
        tree_builder: tree_builder_opts(),
        ..Default::default()
    };
    driver::parse_document(Sink::for_page(html), opts).one(html)
}

impl<'a> Dom<'a> {
    /// Lists the element and text nodes of `document` in document order: a template's contents
    /// as its children. Iterative: any depth is fine.
    pub(crate) fn new(document: &'a Document) -> Dom<'a> {
        let tree = &document.nodes;
        let mut nodes: Vec<Node<'a>> = Vec::with_capacity(tree.len());
        // The open elements' indices in `nodes`.
        let mut open: Vec<usize> = Vec::new();
        let mut at = tree[DOCUMENT as usize].first_child;
        while at != NONE {
            let node = &tree[at as usize];
            let (tag, element, text) = match &node.data {
                Data::Element(e) => {
                    let e = &document.elements[*e as usize];
                    (e.tag, Some(e), "")
                }
                Data::Text(t) => (Tag::Text, None, &**t),
                _ => (Tag::Text, None, ""),
            };
            if matches!(node.data, Data::Element(_) | Data::Text(_)) {
                let index = nodes.len();
                nodes.push(Node {
                    parent: open.last().copied().unwrap_or(usize::MAX),
                    end: index + 1,
                    tag,
                    element,
                    text,
                });
                if element.is_some() {
                    open.push(index);
                }
            }
            if node.first_child != NONE {
                at = node.first_child;
                continue;
            }
            // Close `at` and the ancestors it ends, up to the next sibling.
            loop {
                let node = &tree[at as usize];
                if matches!(node.data, Data::Element(_))
                    && let Some(index) = open.pop()
                {
                    nodes[index].end = nodes.len();
                }
                if node.next_sibling != NONE {
                    at = node.next_sibling;
                    break;
                }
                at = node.parent;
                if at == DOCUMENT || at == NONE {
                    at = NONE;
                    break;
                }
            }
        }
        Dom { nodes }
    }

    /// The id of node `i`, stable for the page.
    pub(crate) fn id(&self, i: usize) -> NodeId {
        NodeId::at(i)
    }

    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The words of node `i`'s class, split at spaces, hyphens and underscores (`card__title` is
    /// `card`, an empty word and `title`), as bytes: the words stages look for are ASCII.
    pub(crate) fn class_words(&self, i: usize) -> impl Iterator<Item = &'a [u8]> {
        let class = self.attr(i, "class").unwrap_or("");
        class
            .as_bytes()
            .split(|&c| c.is_ascii_whitespace() || c == b'-' || c == b'_')
    }

    /// The value of attribute `name` of node `i`, if it is an element that has it.
    #[inline]
    pub(crate) fn attr(&self, i: usize, name: &str) -> Option<&'a str> {
        self.nodes[i].element?.attr(name)
    }

    /// The ancestors of node `i`, from its parent up to the root element.
    pub(crate) fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let up = |a: usize| (a != usize::MAX).then_some(a);
        std::iter::successors(up(self.nodes[i].parent), move |&a| up(self.nodes[a].parent))
    }

    /// Whether node `i` is a link to another page: a post's anchor (`#p123`) is not.
    pub(crate) fn leads_away(&self, i: usize) -> bool {
        self.nodes[i].tag == Tag::A
            && self
                .attr(i, "href")
                .is_some_and(|h| !h.trim_start().starts_with('#'))
    }

    /// Whether node `i` is the page's main area: a `<main>` element or one with `role=main`.
    pub(crate) fn is_main_area(&self, i: usize) -> bool {
        self.nodes[i].tag == Tag::Main
            || self
                .attr(i, "role")
                .is_some_and(|r| r.eq_ignore_ascii_case("main"))
    }

    /// Index of the first node with the given tag, in document order.
    pub(crate) fn find(&self, tag: Tag) -> Option<usize> {
        self.nodes.iter().position(|n| n.tag == tag)
    }

    /// The whitespace-collapsed text of the subtree `i`, skipping nodes for which `skip` holds.
    pub(crate) fn text_of(&self, i: usize, skip: impl Fn(usize) -> bool) -> String {
        collapse_whitespace(&self.raw_text(i, skip, ' ', ' '))
    }

    /// The text of the subtree `i` as it stands, `block` at each block element's start and
    /// `br` at each `<br>`, skipping nodes for which `skip` holds.
    pub(crate) fn raw_text(
        &self,
        i: usize,
        skip: impl Fn(usize) -> bool,
        block: char,
        br: char,
    ) -> String {
        let mut raw = String::new();
        let mut j = i;
        while j < self.nodes[i].end {
            if skip(j) {
                j = self.nodes[j].end;
                continue;
            }
            let node = &self.nodes[j];
            match node.tag {
                Tag::Text => raw.push_str(node.text),
                Tag::Br => raw.push(br),
                tag if tag.is_block() => raw.push(block),
                _ => {}
            }
            j += 1;
        }
        raw
    }
}

/// The values of the named attributes of `element`, in one pass over its attributes (a lookup
/// by name interns the name, which costs more than reading the few attributes an element has).
pub(crate) fn attrs<'a, const N: usize>(
    element: &'a Element,
    names: [&str; N],
) -> [Option<&'a str>; N] {
    element.attr_values(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtrees_are_contiguous_ranges() {
        let html = parse(
            "<html><body><div id=a><p>BODY_TEXT <a href=x>link</a></p></div><p>MENU_TEXT</p></body></html>",
        );
        let dom = Dom::new(&html);
        let div = dom.nodes.iter().position(|n| n.tag == Tag::Div).unwrap();
        let inside: String = (div..dom.nodes[div].end)
            .map(|i| dom.nodes[i].text)
            .collect();
        assert!(inside.contains("BODY_TEXT"));
        assert!(!inside.contains("MENU_TEXT"));
        assert_eq!(dom.text_of(div, |_| false), "BODY_TEXT link");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = parse(&"<div>".repeat(5_000));
        let dom = Dom::new(&html);
        assert!(dom.len() > 100);
    }
}
