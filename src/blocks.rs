//! The block IR: what extraction hands to the renderers. A page's article is a list of
//! [`Block`]s in document order, each with its kind, its text, the node it came from and its
//! inline [`Span`]s; every renderer is one pass over them.

/// A node of the parsed page, an element or a text node, or the document itself: what a
/// [`Block`], a [`crate::Removal`] and a [`crate::PageBlock`] point at. Two are equal when they
/// are the same node of the same page; the elements and texts of a page order as they stand in
/// it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(u32);

impl NodeId {
    /// The document, the parent of the root element: the node of what stands for the whole page
    /// (the title put first).
    pub(crate) const DOCUMENT: NodeId = NodeId(u32::MAX);

    /// The node at `index` of the page's nodes in document order.
    pub(crate) fn at(index: usize) -> NodeId {
        NodeId(index as u32)
    }

    /// The index [`NodeId::at`] made it from (`u32::MAX` for the document).
    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }
}

/// What a block is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// The page title, put first when [`crate::Config::include_title`] is set.
    Title,
    /// A section heading, `h1` to `h6`.
    Heading {
        /// 1 to 6.
        level: u8,
    },
    /// A paragraph of running text.
    Paragraph,
    /// One item of a list, or a later paragraph of one.
    ListItem {
        /// 0 for an item of a top-level list, 1 for an item of a list inside an item, and so on.
        depth: u8,
        /// The item's number in an ordered list; `None` in an unordered one.
        number: Option<u32>,
        /// Whether this is a later paragraph of the item before, not a new item.
        continued: bool,
    },
    /// A quotation.
    Quote {
        /// 1 for a quotation, 2 for a quotation inside one, and so on.
        depth: u8,
    },
    /// Preformatted text, whitespace kept.
    Code {
        /// The language its class names declare (`language-rust`, `lang-py`, `brush: js`).
        language: Option<String>,
    },
    /// One row of a data table.
    TableRow {
        /// The text of each cell.
        cells: Vec<String>,
        /// Whether every cell is a header cell.
        header: bool,
        /// The number of columns each cell spans (`colspan`).
        colspans: Vec<u16>,
        /// The table the row belongs to.
        #[serde(skip)]
        table: NodeId,
    },
    /// A figure or table caption.
    Caption,
    /// A thematic break (`<hr>`) between two kept blocks; its text is empty.
    Rule,
}

impl BlockKind {
    /// A list item at the top level of an unordered list.
    pub const BULLET: BlockKind = BlockKind::ListItem {
        depth: 0,
        number: None,
        continued: false,
    };

    /// Whether the block is an item of a list, or a later paragraph of one.
    pub fn is_list_item(&self) -> bool {
        matches!(self, BlockKind::ListItem { .. })
    }
}

/// One block of the extracted text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text: whitespace collapsed, except in [`BlockKind::Code`]; line breaks kept where the
    /// page had `<br>`; table cells joined by `" | "`.
    pub text: String,
    /// The element the text came from.
    pub node: NodeId,
    /// Inline formatting over `text`, ordered by start, nested spans after the spans they are in.
    pub spans: Vec<Span>,
}

impl Block {
    /// A block without inline formatting.
    pub fn new(kind: BlockKind, text: impl Into<String>, node: NodeId) -> Block {
        Block {
            kind,
            text: text.into(),
            node,
            spans: Vec::new(),
        }
    }

    /// The label and id of the footnote that starts with this block, if one does.
    pub(crate) fn note(&self) -> Option<(&str, &str)> {
        let mut at_start = self.spans.iter().take_while(|s| s.start == 0);
        at_start.find_map(|s| match &s.style {
            Style::FootnoteNote { label, id } => Some((label.as_str(), id.as_str())),
            _ => None,
        })
    }
}

/// A run of a block's text with one inline style.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Span {
    /// Byte offset in [`crate::Block::text`] where the span starts.
    pub start: usize,
    /// Byte offset one past its end; equal to `start` for an image.
    pub end: usize,
    /// What the span is.
    pub style: Style,
}

/// The inline styles the renderers know.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Style {
    /// `<em>`, `<i>`.
    Emphasis,
    /// `<strong>`, `<b>`.
    Strong,
    /// `<code>`, `<kbd>`, `<samp>` outside preformatted text.
    Code,
    /// `<a href>`; the address as the page wrote it (renderers resolve it).
    Link {
        /// The `href` attribute.
        href: String,
    },
    /// A formula: the span's text is its TeX.
    Math {
        /// Whether it is displayed on a line of its own.
        display: bool,
        /// The page's MathML of it, written again, for the HTML output.
        #[serde(skip_serializing_if = "Option::is_none")]
        mathml: Option<String>,
    },
    /// A reference to a footnote (`<sup><a href="#fn:1">1</a></sup>`): it wraps the reference's
    /// link, whose text is the note's number as the page wrote it.
    FootnoteRef {
        /// The note's label, the same as its [`Style::FootnoteNote`]'s (`1` for `#fn:1`).
        label: String,
        /// The reference's own `id`, which the note's back-link points at.
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<String>,
    },
    /// Where a footnote starts, at the start of its first block: takes no room in the text.
    FootnoteNote {
        /// The note's label, the same as its references'.
        label: String,
        /// The note's `id`, which its references point at.
        id: String,
    },
    /// A footnote's link back to its reference (`↩`, `^`), left out of the Markdown.
    FootnoteBack,
    /// `<img>`, which takes no room in the text.
    Image {
        /// The `src` attribute (or a lazy-loading `data-src`).
        src: String,
        /// The `alt` attribute.
        alt: String,
    },
}

impl Style {
    /// Whether the style marks a point of the text, not a run of it (an image, a note's start).
    pub(crate) fn is_point(&self) -> bool {
        matches!(self, Style::Image { .. } | Style::FootnoteNote { .. })
    }
}
