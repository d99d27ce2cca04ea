//! Properties over generated pages: no panic, the same result every time, nothing invented;
//! the Markdown reads back as the text, and the HTML shows the text's words.

use proptest::prelude::*;
use unchaff::{Config, RenderOptions};

/// The fuzz target's checks of the renderings, shared with the regression tests.
#[path = "../../fuzz/src/invariants.rs"]
pub(crate) mod invariants;

/// A generated element: a tag, optional class and text, and children.
#[derive(Debug, Clone)]
struct Element {
    tag: &'static str,
    class: Option<&'static str>,
    text: String,
    children: Vec<Element>,
}

const TAGS: &[&str] = &[
    "div",
    "p",
    "span",
    "a",
    "ul",
    "li",
    "article",
    "section",
    "nav",
    "footer",
    "aside",
    "h1",
    "h2",
    "pre",
    "table",
    "tr",
    "td",
    "blockquote",
    "br",
    "b",
    "figure",
    "figcaption",
    "img",
    "em",
    "strong",
    "code",
    "ol",
    "h3",
    "th",
    "caption",
    "hr",
    "i",
    "h4",
    "dl",
    "dd",
];
const CLASSES: &[&str] = &[
    "content",
    "entry-content",
    "sidebar",
    "comments",
    "share",
    "related",
    "menu",
    "post",
    "hidden",
];
const WORDS: &[&str] = &[
    "ferry",
    "council",
    "winter",
    "island",
    "harbour",
    "vote",
    "night",
    "crew",
    "Read",
    "also",
    "Tags:",
    "Share",
    "subscribe",
    "newsletter",
    "©",
    "—",
    "“quoted”",
    "42",
    "日本語",
    "Привет",
    "*",
    "_under_",
    "#",
    "`tick`",
    "|",
    "1.",
    "-",
    "[box]",
    "\\",
    "&amp;",
    "&lt;tag&gt;",
    "a*b",
    "+",
    "~",
    "1)",
    "**",
    "__",
    "***",
    "&gt;",
    "![x](y)",
    "<br>",
    "=",
    "```",
    "&nbsp;",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..30).prop_map(|w| w.join(" "))
}

fn element() -> impl Strategy<Value = Element> {
    let leaf = (
        prop::sample::select(TAGS),
        prop::option::of(prop::sample::select(CLASSES)),
        text(),
    )
        .prop_map(|(tag, class, text)| Element {
            tag,
            class,
            text,
            children: Vec::new(),
        });
    leaf.prop_recursive(6, 120, 8, |inner| {
        (
            prop::sample::select(TAGS),
            prop::option::of(prop::sample::select(CLASSES)),
            text(),
            prop::collection::vec(inner, 0..8),
        )
            .prop_map(|(tag, class, text, children)| Element {
                tag,
                class,
                text,
                children,
            })
    })
}

fn html(element: &Element, out: &mut String) {
    if element.tag == "img" {
        // A void element: its "text" is the alt text, its children follow it.
        out.push_str(&format!(
            "<img src=\"/pictures/{}.png\" alt=\"{}\">",
            element.text.len(),
            element.text
        ));
        for child in &element.children {
            html(child, out);
        }
        return;
    }
    out.push('<');
    out.push_str(element.tag);
    if let Some(class) = element.class {
        out.push_str(&format!(" class=\"{class}\""));
    }
    if element.tag == "a" {
        out.push_str(&format!(" href=\"/page/{}\"", element.text.len()));
    }
    out.push('>');
    out.push_str(&element.text);
    for child in &element.children {
        html(child, out);
    }
    out.push_str(&format!("</{}>", element.tag));
}

/// All the page's text in the order of the parsed document (the parser moves what is misplaced
/// inside a table to before it), with nothing between nodes: any word of the output, even one
/// joined across inline elements, is a piece of it.
fn all_text(page: &str) -> String {
    scraper::Html::parse_document(page)
        .root_element()
        .text()
        .collect()
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn page(root: &Element) -> String {
    let mut page = String::from("<html><head><title>T</title></head><body>");
    html(root, &mut page);
    page.push_str("</body></html>");
    page
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn extraction_is_total_deterministic_and_invents_nothing(root in element()) {
        let page = page(&root);
        let mut config = Config::default();
        config.include_title = false;
        let first = unchaff::extract(&page, &config).expect("extracts");
        let second = unchaff::extract(&page, &config).expect("extracts");
        prop_assert_eq!(first.text(), second.text());
        let source = words(&all_text(&page)).concat();
        for word in words(&first.text()) {
            prop_assert!(source.contains(&word), "{word:?} is not in the page");
        }
    }

    #[test]
    fn markdown_reads_back_as_the_text(root in element(), images: bool) {
        let page = unchaff::extract(&page(&root), &Config::default()).expect("extracts");
        let text = unchaff_read_back::normal(&page.text());
        let markdown = page.markdown(&RenderOptions::default().with_images(images));
        if let Err(violation) = invariants::check_markdown(&markdown, &text) {
            prop_assert!(false, "{}", violation);
        }
    }

    #[test]
    fn html_shows_the_words_of_the_text(root in element(), images: bool) {
        let page = unchaff::extract(&page(&root), &Config::default()).expect("extracts");
        let text = unchaff_read_back::normal(&page.text());
        for standalone in [false, true] {
            let options = RenderOptions::default().with_images(images).with_standalone(standalone);
            if let Err(violation) = invariants::check_html(&page.html(&options), &text, standalone) {
                prop_assert!(false, "{}", violation);
            }
        }
    }

    /// Extracting again from the HTML output invents nothing. It may leave words out: the
    /// clean document has none of the page's cues, so a short article can fall below the
    /// extractor's thresholds or lose a line that reads as boilerplate ("Share", "Tags:").
    #[test]
    fn extracting_the_html_again_invents_nothing(root in element(), images: bool) {
        let page = unchaff::extract(&page(&root), &Config::default()).expect("extracts");
        let options = RenderOptions::default().with_images(images).with_standalone(true);
        let again = unchaff::extract(&page.html(&options), &Config::default()).expect("extracts");
        let first = words(&page.text()).concat();
        for word in words(&again.text()) {
            prop_assert!(first.contains(&word), "{word:?} is not in the first extraction");
        }
    }
}
