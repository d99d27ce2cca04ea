//! Renderers: one function over the block IR per output format.

pub(crate) mod html;
pub(crate) mod markdown;
mod md_escape;
mod md_note;
mod table;
pub(crate) mod text;

use crate::blocks::Span;
use crate::blocks::{Block, BlockKind};

/// How [`crate::Extraction::markdown`] and [`crate::Extraction::html`] write the article.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RenderOptions {
    /// Keep the article's images (off by default: most pipelines want the text).
    pub images: bool,
    /// The page's address, for making relative links absolute; without it, the page's
    /// `<link rel=canonical>` or `og:url` serves. A `<base href>` on the page applies on top.
    pub base_url: Option<String>,
    /// For HTML: a whole document with `<title>` and charset, not a fragment.
    pub standalone: bool,
    /// Write links as links; without, their text stays and the markup goes. Default: `true`.
    pub links: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            images: false,
            base_url: None,
            standalone: false,
            links: true,
        }
    }
}

impl RenderOptions {
    /// Options that keep images.
    pub fn with_images(mut self, images: bool) -> Self {
        self.images = images;
        self
    }

    /// Options with the page's address.
    pub fn with_base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Options that write links as links, or as their text only.
    pub fn with_links(mut self, links: bool) -> Self {
        self.links = links;
        self
    }

    /// Options for a whole HTML document.
    pub fn with_standalone(mut self, standalone: bool) -> Self {
        self.standalone = standalone;
        self
    }
}

/// What links and images resolve against.
pub(crate) struct Links {
    base: Option<url::Url>,
}

impl Links {
    /// The base for a page at `page_url` (the caller's, else the page's own) with `base_href`.
    pub(crate) fn new(page_url: Option<&str>, base_href: Option<&str>) -> Links {
        let page = page_url.and_then(|u| url::Url::parse(u.trim()).ok());
        let base = match (page, base_href.map(str::trim).filter(|h| !h.is_empty())) {
            (Some(page), Some(href)) => page.join(href).ok().or(Some(page)),
            (None, Some(href)) => url::Url::parse(href).ok(),
            (page, None) => page,
        };
        Links { base }
    }

    /// The address to write for `href`: absolute when a base is known; `None` for a link that
    /// does nothing outside the page (`javascript:`, empty).
    pub(crate) fn resolve(&self, href: &str) -> Option<String> {
        let href = href.trim();
        if href.is_empty()
            || href
                .get(..11)
                .is_some_and(|s| s.eq_ignore_ascii_case("javascript:"))
        {
            return None;
        }
        match &self.base {
            Some(base) => base.join(href).ok().map(String::from),
            None => Some(
                url::Url::parse(href)
                    .map(String::from)
                    .unwrap_or_else(|_| href.to_owned()),
            ),
        }
    }
}

/// A piece of a block's text, in the order a renderer writes it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Event<'a> {
    Text(&'a str),
    Open(&'a Span),
    Close(&'a Span),
    Image(&'a Span),
}

/// The text of a block cut at its spans' edges. Spans that `keep` refuses (it sees the span and
/// the kept spans it lies in, outermost first) and spans that are not nested inside the ones
/// around them are left out; their text stays.
pub(crate) fn events<'a>(
    text: &'a str,
    spans: &'a [Span],
    mut keep: impl FnMut(&Span, &[&Span]) -> bool,
) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut open: Vec<&Span> = Vec::new();
    let mut at = 0usize;
    let text_to = |out: &mut Vec<Event<'a>>, at: &mut usize, to: usize| {
        if to > *at {
            if let Some(piece) = text.get(*at..to) {
                out.push(Event::Text(piece));
            }
            *at = to;
        }
    };
    for span in spans {
        if span.start > text.len() || span.end > text.len() || span.end < span.start {
            continue;
        }
        // Close what ends before this span starts.
        while let Some(top) = open.last() {
            if top.end > span.start {
                break;
            }
            text_to(&mut out, &mut at, top.end);
            out.push(Event::Close(top));
            open.pop();
        }
        if span.start < at || open.last().is_some_and(|top| span.end > top.end) {
            continue;
        }
        if !keep(span, &open) {
            continue;
        }
        text_to(&mut out, &mut at, span.start);
        if span.style.is_point() {
            out.push(Event::Image(span));
        } else {
            out.push(Event::Open(span));
            open.push(span);
        }
    }
    while let Some(top) = open.pop() {
        text_to(&mut out, &mut at, top.end);
        out.push(Event::Close(top));
    }
    text_to(&mut out, &mut at, text.len());
    out
}

/// The amount to add to heading levels so that the article's top heading comes right under the
/// title: level 2 when the title is written, level 1 when it is not.
pub(crate) fn heading_shift(blocks: &[Block]) -> i16 {
    let top = blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Heading { level } => Some(i16::from(level)),
            _ => None,
        })
        .min();
    let has_title = blocks.iter().any(|b| b.kind == BlockKind::Title);
    match top {
        Some(top) => i16::from(has_title) + 1 - top,
        None => 0,
    }
}

/// A heading level after the shift, between 1 and 6.
pub(crate) fn shifted(level: u8, shift: i16) -> u8 {
    u8::try_from((i16::from(level) + shift).clamp(1, 6)).unwrap_or(6)
}

/// Consecutive rows of one table, from `blocks[i]`: the index one past the last.
pub(crate) fn table_end(blocks: &[Block], i: usize) -> usize {
    let BlockKind::TableRow { table, .. } = &blocks[i].kind else {
        return i + 1;
    };
    let mut end = i + 1;
    while let Some(BlockKind::TableRow { table: t, .. }) = blocks.get(end).map(|b| &b.kind) {
        if t != table {
            break;
        }
        end += 1;
    }
    end
}

/// How many columns a grid may give a row, at most, per cell of its own (beyond the columns its
/// cells span): padding a short row to the widest one must not grow the output with rows x
/// widest row.
pub(crate) const GRID_GROWTH: usize = 32;

/// The cells of a table's rows laid out on one grid: a cell spanning columns is followed by
/// empty cells, short rows are padded; the first row is the header. `None` when the table is too
/// irregular for a grid: some row would be padded to more than [`GRID_GROWTH`] columns per cell
/// of its own and more than its cells span.
pub(crate) fn grid(rows: &[Block]) -> Option<Vec<Vec<&str>>> {
    let shape = |row: &Block| match &row.kind {
        BlockKind::TableRow {
            cells, colspans, ..
        } => {
            let spanned = (0..cells.len())
                .map(|k| usize::from(colspans.get(k).copied().unwrap_or(1).max(1)))
                .sum::<usize>();
            Some((cells.len(), spanned))
        }
        _ => None,
    };
    let columns = rows
        .iter()
        .filter_map(shape)
        .map(|s| s.1)
        .max()
        .unwrap_or(0);
    let regular = rows
        .iter()
        .filter_map(shape)
        .all(|(cells, spanned)| columns <= spanned.max(GRID_GROWTH * cells.max(1)));
    if !regular {
        return None;
    }
    let mut grid: Vec<Vec<&str>> = rows
        .iter()
        .filter_map(|row| match &row.kind {
            BlockKind::TableRow {
                cells, colspans, ..
            } => {
                let mut line = Vec::with_capacity(columns);
                for (k, cell) in cells.iter().enumerate() {
                    line.push(cell.as_str());
                    let span = colspans.get(k).copied().unwrap_or(1);
                    line.extend(std::iter::repeat_n("", usize::from(span.max(1)) - 1));
                }
                Some(line)
            }
            _ => None,
        })
        .collect();
    for line in &mut grid {
        line.resize(columns, "");
    }
    Some(grid)
}

/// Blocks for the renderers' tests.
#[cfg(test)]
pub(crate) mod fixtures {
    use crate::blocks::{Block, BlockKind};

    /// A node id to hang test blocks on.
    pub(crate) fn node() -> crate::blocks::NodeId {
        crate::blocks::NodeId::DOCUMENT
    }

    pub(crate) fn block(kind: BlockKind, text: &str) -> Block {
        Block::new(kind, text, node())
    }

    /// A row of one table, its cells spanning `colspans` columns.
    pub(crate) fn row(cells: &[&str], colspans: &[u16], header: bool) -> Block {
        block(
            BlockKind::TableRow {
                cells: cells.iter().map(|c| (*c).to_owned()).collect(),
                header,
                colspans: colspans.to_vec(),
                table: node(),
            },
            &cells.join(" | ").replace('\n', " "),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::Style;

    fn span(start: usize, end: usize, style: Style) -> Span {
        Span { start, end, style }
    }

    #[test]
    fn events_nest_and_keep_the_text() {
        let text = "see the harbour today";
        let spans = [
            span(4, 15, Style::Strong),
            span(8, 15, Style::Emphasis),
            span(16, 21, Style::Code),
        ];
        let events = events(text, &spans, |_, _| true);
        assert_eq!(
            events,
            vec![
                Event::Text("see "),
                Event::Open(&spans[0]),
                Event::Text("the "),
                Event::Open(&spans[1]),
                Event::Text("harbour"),
                Event::Close(&spans[1]),
                Event::Close(&spans[0]),
                Event::Text(" "),
                Event::Open(&spans[2]),
                Event::Text("today"),
                Event::Close(&spans[2]),
            ]
        );
    }

    #[test]
    fn refused_and_crossing_spans_leave_their_text() {
        let text = "one two three";
        let spans = [
            span(0, 7, Style::Strong),
            span(4, 13, Style::Emphasis),
            span(8, 13, Style::Code),
        ];
        let events = events(text, &spans, |s, _| s.style != Style::Code);
        let texts: String = events
            .iter()
            .map(|e| match e {
                Event::Text(t) => *t,
                _ => "",
            })
            .collect();
        assert_eq!(texts, text);
        assert_eq!(
            events
                .iter()
                .filter(|e| matches!(e, Event::Open(_)))
                .count(),
            1
        );
    }

    #[test]
    fn links_resolve_against_the_base() {
        let links = Links::new(Some("https://example.org/news/a.html"), None);
        assert_eq!(
            links.resolve("../img/b.png").as_deref(),
            Some("https://example.org/img/b.png")
        );
        assert_eq!(links.resolve("javascript:void(0)"), None);
        let based = Links::new(Some("https://example.org/news/a.html"), Some("/docs/"));
        assert_eq!(
            based.resolve("c.html").as_deref(),
            Some("https://example.org/docs/c.html")
        );
        let none = Links::new(None, None);
        assert_eq!(none.resolve("c.html").as_deref(), Some("c.html"));
    }
}
