//! The tree [`super::sink`] builds is the tree scraper's sink builds from the same parse: same
//! elements and texts in the same order and nesting, same names, same answer to every lookup of
//! an attribute by name. Checked on markup that makes the tree builder move nodes (foster
//! parenting, the adoption agency, `<html>` and `<body>` attributes merged, templates, foreign
//! content) and on the sample pages.

use std::collections::BTreeMap;

use html5ever::driver::{self, ParseOpts};
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use scraper::{Html, HtmlTreeSink, Node as HtmlNode};

use super::{Dom, Tag, parse};

/// One node as the stages see it: parent, end, tag, name, attributes by name (the last of a
/// name wins, as in [`super::attrs`]), text.
type Seen = (usize, usize, Tag, String, BTreeMap<String, String>, String);

/// The flat view of scraper's tree, as `Dom::new` listed it before the sink was ours.
fn scraper_view(html: &str) -> Vec<Seen> {
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    let doc = driver::parse_document(HtmlTreeSink::new(Html::new_document()), opts).one(html);
    let mut nodes: Vec<Seen> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => {
                let (tag, name, attrs, text) = match node.value() {
                    HtmlNode::Element(e) => {
                        let attrs = e.attrs().map(|(k, v)| (k.to_owned(), v.to_owned()));
                        (Tag::from_name(e.name()), e.name(), attrs.collect(), "")
                    }
                    HtmlNode::Text(t) => (Tag::Text, "", BTreeMap::new(), &**t),
                    _ => continue,
                };
                let index = nodes.len();
                let parent = open.last().copied().unwrap_or(usize::MAX);
                let (name, text) = (name.to_owned(), text.to_owned());
                nodes.push((parent, index + 1, tag, name, attrs, text));
                if tag != Tag::Text {
                    open.push(index);
                }
            }
            ego_tree::iter::Edge::Close(node) => {
                if matches!(node.value(), HtmlNode::Element(_))
                    && let Some(index) = open.pop()
                {
                    nodes[index].1 = nodes.len();
                }
            }
        }
    }
    nodes
}

fn our_view(html: &str) -> Vec<Seen> {
    let doc = parse(html);
    let dom = Dom::new(&doc);
    dom.nodes
        .iter()
        .map(|n| {
            let name = n.element.map_or("", |e| e.name()).to_owned();
            let attrs = n.element.into_iter().flat_map(|e| e.attrs());
            let attrs = attrs.map(|(k, v)| (k.to_owned(), v.to_owned())).collect();
            (n.parent, n.end, n.tag, name, attrs, n.text.to_owned())
        })
        .collect()
}

#[track_caller]
fn assert_same_tree(html: &str) {
    let (ours, theirs) = (our_view(html), scraper_view(html));
    for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
        assert_eq!(a, b, "node {i} differs in {html:.200}");
    }
    assert_eq!(
        ours.len(),
        theirs.len(),
        "node counts differ in {html:.200}"
    );
}

const TRICKY: &[&str] = &[
    // Foster parenting: text and elements misplaced in tables go before the table, text merged
    // with the text already there.
    "<p>before<table>fostered<tr><td>cell</td></tr>more <b>bold</b><tr><td>two</table>after",
    "<table><tr><td>a</td></tr><div>out</div><tr><td>b</td></tr></table>",
    "x<table>y<caption>c</caption>z<colgroup><col span=2></colgroup>w</table>",
    "<table><tbody><tr><td><table><tr>deep<td>in</table>out</td></tr></tbody></table>",
    "<div><table><tr><td>1</td><b>misplaced</b><i>twice</i></tr></table></div>",
    // Templates: contents are children of the template; nested, in the head, in tables.
    "<head><template><meta name=a content=b><p>in head</p></template></head><p>body</p>",
    "<template><td>cell</td><tr><td>row</td></tr></template><p>after</p>",
    "<template><template><b>nested</b></template>text</template>tail",
    "<table><template><tr><td>x</td></tr></template><tr><td>y</td></tr></table>",
    "<template id=t><div>one</div></template><template><li>two</template>",
    // Misnested formatting: the adoption agency clones, moves and reparents.
    "<b><i>a</b>b</i>c",
    "<a href=1><p>x</a>y</p>",
    "<b><p>one<p>two</b>three",
    "<p><b><i><u><s>deep</p>after</s></u></i></b>",
    "<a href=1><div><a href=2>inner</a></div>outer</a>",
    "<b>1<div>2<b>3<div>4</b>5</div>6</b>7</div>8",
    "<font color=red><table><tr><td><font>x</font></td></tr></table></font>y",
    "<i><b><em><strong><code><a href=x>many</i> formats</b> open",
    // noscript is markup with scripting off.
    "<noscript><p>markup <a href=x>link</a></p></noscript>",
    "<head><noscript><link rel=stylesheet href=x><p>moves to body</p></noscript></head>",
    "<noscript><img src=a.png alt=pixel></noscript><p>after</p>",
    // Foreign content: svg and math, prefixed attributes, integration points.
    "<svg><title>t</title><a xlink:href=\"#x\" href=y>l</a><foreignObject><p>html</p></foreignObject></svg>",
    "<svg viewBox='0 0 1 1' xmlns:xlink=x><use xlink:href=#a xml:lang=en lang=fr/><p>breaks out",
    "<math><mi>x</mi><annotation-xml encoding=text/html><p>h</p></annotation-xml><mtext><b>t</b></mtext></math>",
    "<svg><desc><div>in desc</div></desc><font face=x>breaks</font></svg>",
    // Attributes: duplicates, case, merged into html and body.
    "<div class=a class=b id=x ID=y data-x=1 DATA-X=2>dup</div>",
    "<html lang=en><body class=a><p>x</p><html lang=fr data-y=1><body class=b id=z>",
    "<body id=first><body id=second class=extra><p>text</p>",
    // Text merging and splitting.
    "a<!--comment-->b<?pi x?>c",
    "<p>x</p>\n\n<p>y</p>\u{0}nul<br>\r\ncrlf",
    "<title>t</title>text before html<html><body>b</body></html>after html",
    // Odd structure.
    "<frameset><frame src=a></frameset><noframes>no</noframes>",
    "<plaintext><p>not a tag</plaintext>",
    "<select><option>a<option>b<optgroup><option>c</select><p>",
    "<li>one<li>two<dd>d<dt>t<h1>one<h2>two</h1>three",
    "<form><form><input name=a></form></form>stray</p></br>",
    "<image src=x><isindex><ruby>a<rb>b<rt>c<rp>d</ruby>",
    "<listing>\nfirst newline</listing><pre>\n\nkept</pre><textarea>\nx</textarea>",
    "<p>unclosed<div>block<p>again<table><p>in table",
    "<!DOCTYPE html><html><head></head><body></body></html>",
    "",
];

#[test]
fn the_tree_is_scrapers_on_tricky_markup() {
    for html in TRICKY {
        assert_same_tree(html);
    }
}

#[test]
fn the_tree_is_scrapers_at_any_depth() {
    assert_same_tree(&"<div><b>".repeat(3_000));
    assert_same_tree(&"<table><tr><td>".repeat(500));
    assert_same_tree(&"<template>".repeat(1_000));
}

#[test]
fn the_tree_is_scrapers_on_the_sample_pages() {
    for html in crate::dom::sample_pages() {
        assert_same_tree(&html);
        assert_same_tree(&crate::input::prepare(&html));
    }
}
