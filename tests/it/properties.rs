//! Properties over generated pages: no panic, the same result every time, nothing invented.

use proptest::prelude::*;
use unchaff::Config;

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
    out.push('<');
    out.push_str(element.tag);
    if let Some(class) = element.class {
        out.push_str(&format!(" class=\"{class}\""));
    }
    out.push('>');
    out.push_str(&element.text);
    for child in &element.children {
        html(child, out);
    }
    out.push_str(&format!("</{}>", element.tag));
}

/// All the page's text in document order, with nothing between nodes: any word of the output,
/// even one joined across inline elements, is a piece of it.
fn all_text(element: &Element, out: &mut String) {
    out.push_str(&element.text);
    for child in &element.children {
        all_text(child, out);
    }
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn extraction_is_total_deterministic_and_invents_nothing(root in element()) {
        let mut page = String::from("<html><head><title>T</title></head><body>");
        html(&root, &mut page);
        page.push_str("</body></html>");
        let mut config = Config::default();
        config.include_title = false;
        let first = unchaff::extract(&page, &config).expect("extracts");
        let second = unchaff::extract(&page, &config).expect("extracts");
        prop_assert_eq!(first.text(), second.text());
        let mut source = String::new();
        all_text(&root, &mut source);
        let source = words(&source).concat();
        for word in words(&first.text()) {
            prop_assert!(source.contains(&word), "{word:?} is not in the page");
        }
    }
}
