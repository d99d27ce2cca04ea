//! Clean semantic HTML: headings, paragraphs, lists, quotations, code, tables, figures, links,
//! images and emphasis; no style, no script, and no class but a code block's `language-*` (the
//! HTML standard's way of naming it).

use super::{Event, Links, RenderOptions, events, heading_shift, shifted, table_end};
use crate::blocks::Style;
use crate::blocks::{Block, BlockKind};
pub(super) use crate::text::escape_html as escape_into;

/// Renders blocks as an HTML fragment, or as a whole document with `options.standalone`.
#[cfg(test)]
pub(crate) fn render(
    blocks: &[Block],
    title: Option<&str>,
    language: Option<&str>,
    options: &RenderOptions,
    links: &Links,
) -> String {
    render_with_comments(blocks, &[], title, language, options, links)
}

/// As [`render`], the `comments` (headed by their title), when there are any, following in a
/// `<section>` of their own.
pub(crate) fn render_with_comments(
    blocks: &[Block],
    comments: &[Block],
    title: Option<&str>,
    language: Option<&str>,
    options: &RenderOptions,
    links: &Links,
) -> String {
    let mut out = String::new();
    if options.standalone {
        out.push_str("<!DOCTYPE html>\n<html");
        if let Some(language) = language {
            out.push_str(" lang=\"");
            escape_into(&mut out, language, true);
            out.push('"');
        }
        out.push_str(">\n<head>\n<meta charset=\"utf-8\">\n<title>");
        escape_into(&mut out, title.unwrap_or(""), false);
        out.push_str("</title>\n</head>\n<body>\n<article>\n");
    }
    body(&mut out, blocks, options, links);
    if options.standalone {
        out.push_str("</article>\n");
    }
    if !comments.is_empty() {
        out.push_str("<section>\n");
        body(&mut out, comments, options, links);
        out.push_str("</section>\n");
    }
    if options.standalone {
        out.push_str("</body>\n</html>\n");
    }
    out
}

/// The open lists: their tag, innermost last; each has an open `<li>`.
struct Lists(Vec<&'static str>);

impl Lists {
    fn close_to(&mut self, out: &mut String, depth: usize) {
        while self.0.len() > depth {
            if let Some(tag) = self.0.pop() {
                out.push_str("</li>\n</");
                out.push_str(tag);
                out.push_str(">\n");
            }
        }
    }
}

fn body(out: &mut String, blocks: &[Block], options: &RenderOptions, links: &Links) {
    let shift = heading_shift(blocks);
    let mut lists = Lists(Vec::new());
    let mut quotes = 0usize;
    let mut i = 0;
    while i < blocks.len() {
        let block = &blocks[i];
        if !block.kind.is_list_item() {
            lists.close_to(out, 0);
        }
        let depth = match block.kind {
            BlockKind::Quote { depth } => usize::from(depth.max(1)),
            _ => 0,
        };
        while quotes > depth {
            out.push_str("</blockquote>\n");
            quotes -= 1;
        }
        while quotes < depth {
            out.push_str("<blockquote>\n");
            quotes += 1;
        }
        match &block.kind {
            BlockKind::Title => element(out, "h1", block, options, links),
            BlockKind::Heading { level } => {
                let tag = format!("h{}", shifted(*level, shift));
                element(out, &tag, block, options, links);
            }
            BlockKind::Paragraph | BlockKind::Quote { .. } => {
                element(out, "p", block, options, links);
            }
            BlockKind::Caption
                if matches!(
                    blocks.get(i + 1).map(|b| &b.kind),
                    Some(BlockKind::TableRow { .. })
                ) =>
            {
                // A caption right before a table's rows is the table's.
                let end = table_end(blocks, i + 1);
                table(out, Some(block), &blocks[i + 1..end], options, links);
                i = end;
                continue;
            }
            BlockKind::Caption => figure(out, block, options, links),
            BlockKind::ListItem {
                depth,
                number,
                continued,
            } => {
                let item = (usize::from(*depth), number.is_some(), *continued);
                list_item(out, &mut lists, block, item, options, links);
            }
            BlockKind::Code { language } => {
                out.push_str("<pre><code");
                if let Some(language) = language {
                    out.push_str(" class=\"language-");
                    escape_into(out, language, true);
                    out.push('"');
                }
                out.push('>');
                escape_into(out, &block.text, false);
                out.push_str("</code></pre>\n");
            }
            BlockKind::TableRow { .. } => {
                let end = table_end(blocks, i);
                table(out, None, &blocks[i..end], options, links);
                i = end;
                continue;
            }
            BlockKind::Rule => out.push_str("<hr>\n"),
        }
        i += 1;
    }
    lists.close_to(out, 0);
    while quotes > 0 {
        out.push_str("</blockquote>\n");
        quotes -= 1;
    }
}

/// A caption not before a table: a figure, with the images the caption opens with.
fn figure(out: &mut String, block: &Block, options: &RenderOptions, links: &Links) {
    out.push_str("<figure>\n");
    let mut caption = block.clone();
    caption.spans.retain(|s| {
        let leading = s.start == 0 && matches!(s.style, Style::Image { .. });
        if leading && options.images {
            image(out, s, links);
            out.push('\n');
        }
        !leading
    });
    element(out, "figcaption", &caption, options, links);
    out.push_str("</figure>\n");
}

/// A list item (`depth`, ordered or not, a continuation or not) in the open `lists`.
fn list_item(
    out: &mut String,
    lists: &mut Lists,
    block: &Block,
    (depth, ordered, continued): (usize, bool, bool),
    options: &RenderOptions,
    links: &Links,
) {
    // Levels the page skipped were not written: an item goes one level below the open ones at
    // most, and a continuation to the innermost open item.
    let open = lists.0.len().saturating_sub(usize::from(continued));
    let depth = depth.min(open);
    if continued && depth < lists.0.len() {
        lists.close_to(out, depth + 1);
        element(out, "p", block, options, links);
        return;
    }
    let tag = if ordered { "ol" } else { "ul" };
    if lists.0.len() > depth && lists.0[depth] != tag {
        lists.close_to(out, depth);
    }
    if lists.0.len() > depth {
        lists.close_to(out, depth + 1);
        out.push_str("</li>\n");
    } else {
        out.push('<');
        out.push_str(tag);
        if let BlockKind::ListItem {
            number: Some(n), ..
        } = block.kind
            && n != 1
        {
            out.push_str(&format!(" start=\"{n}\""));
        }
        out.push_str(">\n");
        lists.0.push(tag);
    }
    out.push_str("<li");
    // A footnote keeps its id, which its references link to.
    if let Some((_, id)) = block.note() {
        out.push_str(" id=\"");
        escape_into(out, id, true);
        out.push('"');
    }
    out.push('>');
    inline(out, block, options, links);
}

fn element(out: &mut String, tag: &str, block: &Block, options: &RenderOptions, links: &Links) {
    out.push('<');
    out.push_str(tag);
    // A footnote written as a paragraph keeps its id, which its references link to.
    if let Some((_, id)) = block.note() {
        out.push_str(" id=\"");
        escape_into(out, id, true);
        out.push('"');
    }
    out.push('>');
    inline(out, block, options, links);
    out.push_str("</");
    out.push_str(tag);
    out.push_str(">\n");
}

fn table(
    out: &mut String,
    caption: Option<&Block>,
    rows: &[Block],
    options: &RenderOptions,
    links: &Links,
) {
    out.push_str("<table>\n");
    if let Some(caption) = caption {
        element(out, "caption", caption, options, links);
    }
    super::table::html_rows(out, rows, true);
    out.push_str("</table>\n");
}

fn inline(out: &mut String, block: &Block, options: &RenderOptions, links: &Links) {
    let text = block.text.as_str();
    let events = events(text, &block.spans, |span, around| match &span.style {
        Style::Image { src, .. } => options.images && links.resolve(src).is_some(),
        Style::FootnoteNote { .. } => false,
        _ if span.start >= span.end => false,
        Style::Link { href } => {
            options.links
                && !around.iter().any(|s| matches!(s.style, Style::Link { .. }))
                && links.resolve(href).is_some()
        }
        _ => true,
    });
    // The text of a formula written as MathML is its TeX, which the MathML stands for.
    let mut in_mathml = false;
    for event in events {
        match event {
            Event::Text(_) if in_mathml => {}
            Event::Text(piece) => {
                for (k, line) in piece.split('\n').enumerate() {
                    if k > 0 {
                        out.push_str("<br>\n");
                    }
                    escape_into(out, line, false);
                }
            }
            Event::Open(span) => match &span.style {
                Style::Emphasis => out.push_str("<em>"),
                Style::Strong => out.push_str("<strong>"),
                Style::Code => out.push_str("<code>"),
                Style::Link { href } => {
                    out.push_str("<a href=\"");
                    escape_into(out, &links.resolve(href).unwrap_or_default(), true);
                    out.push_str("\">");
                }
                Style::Math { display, mathml } => {
                    if let Some(mathml) = mathml {
                        out.push_str(mathml);
                        in_mathml = true;
                    } else if *display {
                        out.push_str("<span class=\"math display\">");
                    } else {
                        out.push_str("<span class=\"math inline\">");
                    }
                }
                Style::FootnoteRef { id, .. } => {
                    out.push_str("<sup");
                    if let Some(id) = id {
                        out.push_str(" id=\"");
                        escape_into(out, id, true);
                        out.push('"');
                    }
                    out.push('>');
                }
                Style::Image { .. } | Style::FootnoteNote { .. } | Style::FootnoteBack => {}
            },
            Event::Close(span) => match &span.style {
                Style::Emphasis => out.push_str("</em>"),
                Style::Strong => out.push_str("</strong>"),
                Style::Code => out.push_str("</code>"),
                Style::Link { .. } => out.push_str("</a>"),
                Style::Math {
                    mathml: Some(_), ..
                } => in_mathml = false,
                Style::Math { .. } => out.push_str("</span>"),
                Style::FootnoteRef { .. } => out.push_str("</sup>"),
                Style::Image { .. } | Style::FootnoteNote { .. } | Style::FootnoteBack => {}
            },
            Event::Image(span) => image(out, span, links),
        }
    }
}

fn image(out: &mut String, span: &crate::blocks::Span, links: &Links) {
    if let Style::Image { src, alt } = &span.style
        && let Some(src) = links.resolve(src)
    {
        out.push_str("<img src=\"");
        escape_into(out, &src, true);
        out.push_str("\" alt=\"");
        escape_into(out, alt, true);
        out.push_str("\">");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::Span;
    use crate::render::fixtures::{block, row};

    fn html(blocks: &[Block]) -> String {
        let links = Links::new(Some("https://example.org/a/b.html"), None);
        render(blocks, None, None, &RenderOptions::default(), &links)
    }

    #[test]
    fn blocks_become_semantic_elements() {
        let mut p = block(BlockKind::Paragraph, "Read <this> & that\nnow");
        p.spans.push(Span {
            start: 5,
            end: 11,
            style: Style::Link {
                href: "c.html".to_owned(),
            },
        });
        let blocks = [
            block(BlockKind::Title, "Title"),
            block(BlockKind::Heading { level: 3 }, "Part"),
            p,
            block(BlockKind::Rule, ""),
            block(
                BlockKind::Code {
                    language: Some("rust".to_owned()),
                },
                "a < b",
            ),
        ];
        assert_eq!(
            html(&blocks),
            "<h1>Title</h1>\n<h2>Part</h2>\n\
             <p>Read <a href=\"https://example.org/a/c.html\">&lt;this&gt;</a> &amp; that<br>\nnow</p>\n\
             <hr>\n<pre><code class=\"language-rust\">a &lt; b</code></pre>\n"
        );
    }

    #[test]
    fn lists_nest_and_quotes_stack() {
        let item = |depth, number, continued| BlockKind::ListItem {
            depth,
            number,
            continued,
        };
        let blocks = [
            block(item(0, Some(2), false), "Two"),
            block(item(1, None, false), "Inner"),
            block(item(0, Some(3), false), "Three"),
            block(item(0, Some(3), true), "More of three"),
            block(BlockKind::Quote { depth: 1 }, "Q1"),
            block(BlockKind::Quote { depth: 2 }, "Q2"),
        ];
        assert_eq!(
            html(&blocks),
            "<ol start=\"2\">\n<li>Two<ul>\n<li>Inner</li>\n</ul>\n</li>\n<li>Three\
             <p>More of three</p>\n</li>\n</ol>\n\
             <blockquote>\n<p>Q1</p>\n<blockquote>\n<p>Q2</p>\n</blockquote>\n</blockquote>\n"
        );
    }

    #[test]
    fn tables_keep_header_and_spans() {
        let blocks = [
            row(&["Day", "Time"], &[1, 1], true),
            row(&["Closed"], &[2], false),
        ];
        assert_eq!(
            html(&blocks),
            "<table>\n<thead>\n<tr><th>Day</th><th>Time</th></tr>\n</thead>\n<tbody>\n\
             <tr><td colspan=\"2\">Closed</td></tr>\n</tbody>\n</table>\n"
        );
    }

    #[test]
    fn standalone_document_has_title_and_charset() {
        let links = Links::new(None, None);
        let out = render(
            &[block(BlockKind::Paragraph, "Body")],
            Some("A \"quoted\" <title>"),
            Some("en"),
            &RenderOptions::default().with_standalone(true),
            &links,
        );
        assert!(out.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>A \"quoted\" &lt;title&gt;</title>"));
        assert!(out.contains("<article>\n<p>Body</p>\n</article>"));
    }
}
