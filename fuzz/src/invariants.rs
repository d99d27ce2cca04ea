//! What every extraction's renderings must satisfy, whatever the input. Shared by the fuzz target
//! (`fuzz/src/extract_bytes.rs`, which aborts on a violation) and the tests (included by
//! `tests/it/properties.rs`, used by `tests/it/robustness.rs` too): each check returns the first
//! violation it finds, described.

use scraper::{Html, Node};
use unchaff::{Extraction, RenderOptions};
use unchaff_read_back::{normal, read_back};

/// Renders `page` as Markdown and HTML, with images off and on, the HTML standalone too, and
/// checks every rendering against the text output.
#[allow(dead_code)]
pub fn check(page: &Extraction) -> Result<(), String> {
    check_sized(page, None)
}

/// The most bytes a rendering may have per byte of input, plus [`GROWTH_SLACK`]: renderers are
/// bounded in their output (a table is not padded to rows x widest row).
pub const GROWTH: usize = 16;
pub const GROWTH_SLACK: usize = 4096;

/// [`check`], and with the input's size, each rendering at most [`GROWTH`] times it.
pub fn check_sized(page: &Extraction, input_len: Option<usize>) -> Result<(), String> {
    let text = page.text();
    let expected = normal(&text);
    let bounded = |what: &str, output: &str| match input_len {
        Some(n) if output.len() > GROWTH * n + GROWTH_SLACK => Err(format!(
            "{what}: {} bytes out of {n} bytes in",
            output.len()
        )),
        _ => Ok(()),
    };
    bounded("text", &text)?;
    for images in [false, true] {
        let options = RenderOptions::default().with_images(images);
        let markdown = page.markdown(&options);
        bounded("markdown", &markdown)?;
        check_markdown(&markdown, &expected)
            .map_err(|e| format!("markdown (images {images}): {e}\n--- markdown:\n{markdown}"))?;
        for standalone in [false, true] {
            let options = options.clone().with_standalone(standalone);
            let html = page.html(&options);
            bounded("html", &html)?;
            check_html(&html, &expected, standalone).map_err(|e| {
                format!("html (images {images}, standalone {standalone}): {e}\n--- html:\n{html}")
            })?;
        }
    }
    Ok(())
}

/// Never two blank lines in a row outside a fenced code block, and a CommonMark parser reads
/// back the text output's words.
pub fn check_markdown(markdown: &str, expected: &str) -> Result<(), String> {
    let mut fence: Option<&str> = None;
    let mut blank = 0usize;
    for line in markdown.split('\n') {
        match fence {
            Some(f) => {
                if line == f {
                    fence = None;
                }
                blank = 0;
                continue;
            }
            None if line.starts_with("```") => {
                let run = line.len() - line.trim_start_matches('`').len();
                fence = Some(&line[..run]);
            }
            None => {}
        }
        if line.is_empty() {
            blank += 1;
            if blank >= 2 {
                return Err("two blank lines in a row".to_owned());
            }
        } else {
            blank = 0;
        }
    }
    if markdown.starts_with('\n') {
        return Err("starts with a blank line".to_owned());
    }
    let back = read_back(markdown);
    if back != expected {
        return Err(format!(
            "reads back differently\n--- read back:\n{back}\n--- text:\n{expected}"
        ));
    }
    Ok(())
}

/// Elements the HTML renderer may write.
const ALLOWED: &[&str] = &[
    "html",
    "head",
    "body",
    "meta",
    "title",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "code",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
    "a",
    "img",
    "em",
    "strong",
    "span",
];

/// The MathML a formula is written as (`extract/build/mathml.rs`); its text is its TeX
/// annotation's.
const MATHML: &[&str] = &[
    "math",
    "semantics",
    "annotation",
    "mi",
    "mn",
    "mo",
    "mtext",
    "ms",
    "mspace",
    "mrow",
    "mfrac",
    "msqrt",
    "mroot",
    "mstyle",
    "merror",
    "mpadded",
    "mphantom",
    "mfenced",
    "menclose",
    "msub",
    "msup",
    "msubsup",
    "munder",
    "mover",
    "munderover",
    "mmultiscripts",
    "mprescripts",
    "none",
    "mtable",
    "mtr",
    "mlabeledtr",
    "mtd",
    "maction",
];

/// Whether attribute `attr` of MathML element `name` is one the renderer writes.
fn mathml_attribute(name: &str, attr: &str) -> bool {
    match (name, attr) {
        ("math", "display") | ("annotation", "encoding") => true,
        _ => matches!(
            attr,
            "mathvariant"
                | "accent"
                | "accentunder"
                | "stretchy"
                | "fence"
                | "separator"
                | "linethickness"
                | "columnalign"
                | "open"
                | "close"
                | "separators"
                | "notation"
                | "largeop"
                | "movablelimits"
        ),
    }
}

/// Elements whose text does not run on into the text around them (an image is inline: the text
/// output joins the words on either side of it).
const BLOCKS: &[&str] = &[
    "html",
    "body",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
];

/// Re-parsed by html5ever: only the renderer's elements, no style, no class but
/// `<code class="language-…">`, no event handler, and the visible text of the body (the
/// document's `<title>` aside) has the text output's words.
pub fn check_html(html: &str, expected: &str, standalone: bool) -> Result<(), String> {
    let document = if standalone {
        Html::parse_document(html)
    } else {
        Html::parse_fragment(html)
    };
    let mut visible = String::new();
    for edge in document.root_element().traverse() {
        let (node, open) = match edge {
            ego_tree::iter::Edge::Open(n) => (n, true),
            ego_tree::iter::Edge::Close(n) => (n, false),
        };
        match node.value() {
            Node::Element(element) if MATHML.contains(&element.name()) => {
                let name = element.name();
                if let Some((attr, _)) = element.attrs().find(|(a, _)| !mathml_attribute(name, a)) {
                    return Err(format!("attribute {attr} on <{name}>"));
                }
            }
            Node::Element(element) => {
                let name = element.name();
                if open {
                    if !ALLOWED.contains(&name) {
                        return Err(format!("element <{name}>"));
                    }
                    for (attr, value) in element.attrs() {
                        let fine = match attr {
                            "class" => {
                                (name == "code" && value.starts_with("language-"))
                                    || (name == "span"
                                        && matches!(value, "math inline" | "math display"))
                            }
                            "href" => name == "a",
                            "src" | "alt" => name == "img",
                            "start" => name == "ol",
                            "colspan" => matches!(name, "td" | "th"),
                            "lang" => name == "html",
                            "charset" => name == "meta",
                            _ => false,
                        };
                        if !fine {
                            return Err(format!("attribute {attr}={value:?} on <{name}>"));
                        }
                    }
                }
                if BLOCKS.contains(&name) {
                    visible.push(' ');
                }
            }
            Node::Text(t) if open => {
                let in_title = node
                    .ancestors()
                    .any(|a| a.value().as_element().is_some_and(|e| e.name() == "title"));
                // In a formula, only the TeX annotation is the text output's.
                let mut names = node
                    .ancestors()
                    .filter_map(|a| a.value().as_element().map(|e| e.name()));
                let in_math = names.clone().any(|n| n == "math");
                let annotation = names.next() == Some("annotation");
                if !in_title && (!in_math || annotation) {
                    visible.push_str(t);
                }
            }
            _ => {}
        }
    }
    let visible = normal(&visible);
    if visible != expected {
        return Err(format!(
            "visible text differs\n--- visible:\n{visible}\n--- text:\n{expected}"
        ));
    }
    Ok(())
}
