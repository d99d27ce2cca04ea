//! Prints the element ancestors of the first text node containing a needle: a development aid.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use scraper::{Html, Node};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a path");
    let needle = args.next().expect("a needle");
    let html = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let doc = Html::parse_document(&html);
    for node in doc.tree.nodes() {
        if let Node::Text(t) = node.value()
            && t.contains(needle.as_str())
        {
            for a in node.ancestors() {
                if let Node::Element(e) = a.value() {
                    let attrs: Vec<String> = e
                        .attrs()
                        .filter(|(k, _)| {
                            [
                                "class",
                                "id",
                                "role",
                                "itemprop",
                                "hidden",
                                "aria-hidden",
                                "style",
                            ]
                            .contains(k)
                        })
                        .map(|(k, v)| format!("{k}={v:.60}"))
                        .collect();
                    println!("{} {}", e.name(), attrs.join(" "));
                }
            }
            println!("--");
        }
    }
    println!("not found");
}
