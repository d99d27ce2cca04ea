//! What a CommonMark parser (pulldown-cmark, with GFM tables) reads back from Markdown, as text to
//! compare with unchaff's text output. Shared by the unit tests, the integration tests and
//! `examples/markdown_roundtrip.rs`.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The text of `markdown`, normalised with [`normal`]: image alt text is left out (the text
/// output has no images), and every block, break and table cell starts and ends with a space.
pub fn read_back(markdown: &str) -> String {
    let mut text = String::new();
    let mut in_image = 0usize;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_MATH) {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Superscript
                | Tag::Subscript,
            ) => {}
            Event::Start(_) => text.push(' '),
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) if in_image == 0 => {
                text.push_str(&t)
            }
            // A formula on lines of its own is a block of the text output.
            Event::DisplayMath(t) if in_image == 0 => {
                text.push(' ');
                text.push_str(&t);
                text.push(' ');
            }
            Event::SoftBreak | Event::HardBreak | Event::Html(_) | Event::InlineHtml(_) => {
                text.push(' ')
            }
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Superscript
                | TagEnd::Subscript,
            ) => {}
            Event::End(_) => text.push(' '),
            _ => {}
        }
    }
    normal(&text)
}

/// Whitespace collapsed, and the `|` that separate table cells in the text output dropped.
pub fn normal(text: &str) -> String {
    text.split_whitespace()
        .filter(|w| *w != "|")
        .collect::<Vec<_>>()
        .join(" ")
}
