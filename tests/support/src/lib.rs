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
            // HTML is read as a browser shows it: its text, each tag a space.
            Event::Html(html) | Event::InlineHtml(html) if in_image == 0 => {
                text.push(' ');
                text.push_str(&html_text(&html));
                text.push(' ');
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
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

/// The text of a piece of HTML: each tag a space, the escapes the renderers write decoded.
fn html_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        text.push(' ');
        rest = rest[open..]
            .find('>')
            .map_or("", |close| &rest[open + close + 1..]);
    }
    text.push_str(rest);
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
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

/// The GFM tables of `markdown` as a CommonMark parser reads them: each table's rows, each
/// row's cells, a cell's text with its `<br>`s as spaces, normalised with [`normal`].
pub fn tables(markdown: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                if let Some(table) = tables.last_mut() {
                    table.push(Vec::new());
                }
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                let text = normal(&cell.take().unwrap_or_default());
                if let Some(row) = tables.last_mut().and_then(|t| t.last_mut()) {
                    row.push(text);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(cell) = cell.as_mut() {
                    cell.push_str(&t);
                }
            }
            Event::InlineHtml(_) | Event::SoftBreak | Event::HardBreak => {
                if let Some(cell) = cell.as_mut() {
                    cell.push(' ');
                }
            }
            _ => {}
        }
    }
    tables
}
