//! What a CommonMark parser (pulldown-cmark, with GFM tables and footnotes) reads back from
//! Markdown, as text to compare with unchaff's text output. Shared by the unit tests, the integration tests and
//! `examples/markdown_roundtrip.rs`.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The text of `markdown`, normalised with [`normal`]: image alt text is left out (the text
/// output has no images), every block, break and table cell starts and ends with a space, and a
/// footnote reference is its label (the text output keeps the number the page wrote).
pub fn read_back(markdown: &str) -> String {
    let mut text = String::new();
    let mut in_image = 0usize;
    let options = Options::ENABLE_TABLES | Options::ENABLE_MATH | Options::ENABLE_FOOTNOTES;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::FootnoteReference(label) if in_image == 0 => text.push_str(&label),
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

/// Whitespace collapsed; the `|` that separate table cells in the text output, and the
/// footnotes' back-links (`^`, `↩`) that the Markdown leaves out, dropped; square brackets
/// dropped, which the text output keeps around a footnote's number (`[1]`) and the Markdown
/// writes as a footnote label (`[^1]`).
pub fn normal(text: &str) -> String {
    const BACK_LINKS: [&str; 3] = ["^", "↩", "↩\u{fe0e}"];
    text.split_whitespace()
        .filter(|w| *w != "|" && !BACK_LINKS.contains(w))
        .map(|w| w.replace(['[', ']'], ""))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
