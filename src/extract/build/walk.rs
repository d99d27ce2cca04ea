//! The walk over the selected body that reads its text into drafts of blocks: block elements
//! open and close blocks, inline elements open and close spans, and what is zoned as boilerplate
//! is recorded and skipped.

use crate::blocks::{Block, BlockKind, NodeId, Style};
use crate::dom::Tag;
use crate::extract::build::draft::Draft;
use crate::extract::build::math::{self, Formulas, Piece};
use crate::extract::build::{code, code_frame, footnote, table};
use crate::extract::inline::RawSpan;
use crate::extract::select::Body;
use crate::page::Page;
use crate::removal::{Reason, Removals, Stage};
use crate::text::collapse_whitespace;

/// Inline elements with a span open at once, at most.
const MAX_OPEN_SPANS: usize = 16;

/// Marks a `<br>` in collected text until the text is split into lines.
const BREAK: char = '\0';

/// The text nodes pushed between two breaks.
fn segment_texts(texts: &[(NodeId, usize)], from: usize, to: usize) -> Vec<NodeId> {
    texts
        .iter()
        .filter(|(_, segment)| (from..to).contains(segment))
        .map(|(node, _)| *node)
        .collect()
}

pub(super) struct Walker<'a, 'd> {
    pub(super) page: &'a Page<'d>,
    pub(super) drafts: Vec<Draft>,
    pub(super) buffer: String,
    /// The first node read into `buffer`.
    pub(super) buffer_start: usize,
    /// The block elements open at the walk's position, innermost last.
    pub(super) open: Vec<usize>,
    /// The roots of the boilerplate zones met inside the body.
    pub(super) zoned: Vec<usize>,
    /// The text nodes behind `buffer`, each with the number of line breaks before it.
    pub(super) buffer_texts: Vec<(NodeId, usize)>,
    /// Line breaks in `buffer`.
    pub(super) breaks: usize,
    /// Inline formatting over `buffer`; an open span ends at `usize::MAX`.
    pub(super) spans: Vec<RawSpan>,
    /// The inline elements open at the walk's position: where each ends, and its span.
    pub(super) inline: Vec<(usize, usize)>,
    /// The list items open at the walk's position: the item, its number in an ordered list, and
    /// whether a block of it was pushed.
    pub(super) items: Vec<(usize, Option<u32>, bool)>,
    /// The ordered lists open at the walk's position, with the number of their next item.
    pub(super) counters: Vec<(usize, u32)>,
    /// The `<hr>`s met, in document order.
    pub(super) rules: Vec<usize>,
    /// The page's formulas, read in their place.
    formulas: &'a Formulas,
    /// Where the boilerplate zone read all the same (a code block's frame, a note) ends.
    read_end: usize,
    /// Where the last link read ends (the node after it): a link right there is another one.
    link_end: usize,
}

impl<'a, 'd> Walker<'a, 'd> {
    pub(super) fn new(page: &'a Page<'d>, formulas: &'a Formulas) -> Self {
        Walker {
            page,
            drafts: Vec::new(),
            buffer: String::new(),
            buffer_start: 0,
            open: Vec::new(),
            zoned: Vec::new(),
            buffer_texts: Vec::new(),
            breaks: 0,
            spans: Vec::new(),
            inline: Vec::new(),
            items: Vec::new(),
            counters: Vec::new(),
            rules: Vec::new(),
            formulas,
            read_end: 0,
            link_end: usize::MAX,
        }
    }

    pub(super) fn walk(&mut self, root: usize, body: &Body, removals: &mut Removals) {
        let dom = &self.page.dom;
        let dead = &self.page.dead;
        let end = dom.nodes[root].end;
        self.push_open(root);
        let mut j = root + 1;
        while j < end {
            self.close_inline(j);
            self.close_until(j);
            let node = &dom.nodes[j];
            if dead[j] {
                j = node.end;
                continue;
            }
            let zoned = self.zone(j, body, removals);
            if zoned && node.tag == Tag::Text {
                // Descend all the same: an explicit article body may lie inside the zone. Dropped
                // inline text leaves a space, so the words around it do not run together.
                self.buffer.push(' ');
                j += 1;
                continue;
            }
            if !zoned && self.read_apart(j, removals) {
                j = node.end;
                continue;
            }
            match node.tag {
                Tag::Text => self.text(j),
                Tag::Br => {
                    self.buffer.push(BREAK);
                    self.breaks += 1;
                }
                Tag::Pre if !zoned => {
                    self.flush();
                    if let Some(draft) = code::draft(self.page, j, removals) {
                        self.drafts.push(draft);
                    }
                    j = node.end;
                    continue;
                }
                Tag::Table if !zoned && table::is_data_table(dom, dead, j) => {
                    self.table(j, body, removals);
                    j = node.end;
                    continue;
                }
                Tag::Hr if !zoned => {
                    self.flush();
                    self.rules.push(j);
                }
                Tag::Emphasis | Tag::Strong | Tag::Code | Tag::A | Tag::Img if !zoned => {
                    // Links side by side with nothing between them (a row of buttons, tabs) are
                    // words of their own, as a browser lays them out.
                    if node.tag == Tag::A && self.link_end == j {
                        self.buffer.push(' ');
                    }
                    self.open_inline(j);
                }
                Tag::Inline if !zoned && footnote::is_back(dom, j) => {
                    self.open_span(j, Style::FootnoteBack);
                }
                // An element opening right after a link (`<span><a>`) keeps the next one beside it.
                Tag::Inline if self.link_end == j => self.link_end = j + 1,
                tag if tag.is_block() => {
                    self.flush();
                    self.push_open(j);
                }
                _ => {}
            }
            j += 1;
        }
        self.close_inline(usize::MAX);
        self.close_until(usize::MAX);
    }

    /// Reads the data table `j` as its rows.
    fn table(&mut self, j: usize, body: &Body, removals: &mut Removals) {
        self.flush();
        let drafts = &mut self.drafts;
        table::rows(self.page, body, j, self.formulas, drafts, removals);
    }

    /// Whether node `j` is in a boilerplate zone, recording the zone at its root; a code
    /// block's frame and a declared footnote are read whatever their tag and class say.
    fn zone(&mut self, j: usize, body: &Body, removals: &mut Removals) -> bool {
        let Some(hint) = body.zone[j] else {
            return false;
        };
        let node = &self.page.dom.nodes[j];
        let root = body.zone[node.parent].is_none();
        if j < self.read_end {
            return false;
        }
        let dom = &self.page.dom;
        if root && (footnote::declared_note(dom, j) || code_frame::frames_code(self.page, j)) {
            self.read_end = node.end;
            return false;
        }
        if root {
            self.zoned.push(j);
            removals.record(
                dom.id(j),
                Stage::Filter,
                Reason::Markup { hint: hint.word() },
            );
        }
        true
    }

    /// Reads node `j` whole when it is a formula, or leaves it out when it is a formula's
    /// rendering or a code block's chrome (copy button, language badge); whether it did.
    fn read_apart(&mut self, j: usize, removals: &mut Removals) -> bool {
        if self.formula(j, removals) {
            return true;
        }
        let dom = &self.page.dom;
        if dom.nodes[j].tag == Tag::Text {
            return false;
        }
        let anchor = dom.nodes[j].tag == Tag::A
            && !footnote::is_back(dom, j)
            && code_frame::is_anchor_link(self.page, j);
        let chrome = (anchor.then_some(code_frame::ANCHOR))
            .or_else(|| code::chrome(dom, j))
            .or_else(|| code_frame::title_or_badge(self.page, j));
        let Some(what) = chrome else {
            return false;
        };
        removals.record(dom.id(j), Stage::Filter, Reason::Chrome { what });
        true
    }

    /// Reads text node `j`, with the formulas written in delimiters in it.
    fn text(&mut self, j: usize) {
        let node = &self.page.dom.nodes[j];
        if self.buffer_texts.is_empty() {
            self.buffer_start = j;
        }
        let in_code = self
            .inline
            .iter()
            .any(|&(_, k)| self.spans[k].style == Style::Code);
        let pieces = match in_code {
            false => math::split_delimited(node.text, self.formulas.dollars),
            true => None,
        };
        let Some(pieces) = pieces else {
            self.buffer.push_str(node.text);
            self.buffer_texts.push((self.page.dom.id(j), self.breaks));
            return;
        };
        for piece in pieces {
            match piece {
                Piece::Text(text) => self.buffer.push_str(text),
                Piece::Tex { tex, display } => self.push_formula(j, tex, display, None),
            }
        }
        self.note_text(j);
    }

    /// Records node `j` as behind the text being collected, once.
    fn note_text(&mut self, j: usize) {
        let id = self.page.dom.id(j);
        if self.buffer_texts.last().is_none_or(|&(last, _)| last != id) {
            if self.buffer_texts.is_empty() {
                self.buffer_start = j;
            }
            self.buffer_texts.push((id, self.breaks));
        }
    }

    /// Reads the formula, or leaves out the formula's rendering, that node `j` stands for;
    /// whether it did.
    fn formula(&mut self, j: usize, removals: &mut Removals) -> bool {
        if let Some(&what) = self.formulas.renderings.get(&j) {
            let id = self.page.dom.id(j);
            removals.record(id, Stage::Filter, Reason::Chrome { what });
            return true;
        }
        let Some(formula) = self.formulas.at.get(&j) else {
            return false;
        };
        self.push_formula(j, &formula.tex, formula.display, formula.mathml.clone());
        true
    }

    /// Writes a formula's TeX with its span; a displayed one is a block of its own.
    fn push_formula(&mut self, j: usize, tex: &str, display: bool, mathml: Option<String>) {
        if display {
            self.note_text(j);
            self.flush();
        }
        let start = self.buffer.len();
        self.buffer.push_str(tex);
        self.spans.push(RawSpan {
            style: Style::Math { display, mathml },
            start,
            end: self.buffer.len(),
        });
        self.note_text(j);
        if display {
            self.flush();
        }
    }

    /// Opens a block element, keeping count of list items.
    fn push_open(&mut self, j: usize) {
        let dom = &self.page.dom;
        let node = &dom.nodes[j];
        match node.tag {
            Tag::Ol => {
                let start = dom.attr(j, "start").and_then(|s| s.trim().parse().ok());
                self.counters.push((j, start.unwrap_or(1)));
            }
            Tag::Li => {
                let parent = node.parent;
                let number = match self.counters.last_mut() {
                    Some((ol, next)) if *ol == parent => {
                        let value = dom.attr(j, "value").and_then(|s| s.trim().parse().ok());
                        let number = value.unwrap_or(*next);
                        *next = number.saturating_add(1);
                        Some(number)
                    }
                    _ => None,
                };
                self.items.push((j, number, false));
            }
            _ => {}
        }
        // A footnote's note: a list item, or another block with a note's id.
        let note = match node.tag {
            Tag::Li => footnote::note(dom, j),
            Tag::P | Tag::Div | Tag::Aside | Tag::Block | Tag::Section => {
                dom.attr(j, "id").and_then(|_| footnote::note(dom, j))
            }
            _ => None,
        };
        if let Some(style) = note {
            let at = self.buffer.len();
            self.spans.push(RawSpan {
                style,
                start: at,
                end: at,
            });
        }
        self.open.push(j);
    }

    /// Starts the span of an inline element.
    fn open_inline(&mut self, j: usize) {
        // Formatting nested this deep is tag soup (unclosed `<b>`s), and every open span is
        // carried into each block that follows: past the cap, elements get no span.
        if self.inline.len() >= MAX_OPEN_SPANS {
            return;
        }
        let dom = &self.page.dom;
        let style = match dom.nodes[j].tag {
            Tag::Emphasis => Style::Emphasis,
            Tag::Strong => Style::Strong,
            Tag::Code => Style::Code,
            Tag::A => match dom.attr(j, "href") {
                Some(href) => {
                    // A footnote's reference or back-link wraps the link's span.
                    if let Some(style) = footnote::reference(dom, j) {
                        self.open_span(j, style);
                    } else if footnote::is_back(dom, j) {
                        self.open_span(j, Style::FootnoteBack);
                    }
                    Style::Link {
                        href: href.trim().to_owned(),
                    }
                }
                None => return,
            },
            Tag::Img => {
                let Some(element) = dom.nodes[j].element else {
                    return;
                };
                let [src, lazy, alt] = crate::dom::attrs(element, ["src", "data-src", "alt"]);
                let src = lazy.or(src).map(str::trim).filter(|s| !s.is_empty());
                let Some(src) = src.filter(|s| !s.starts_with("data:")) else {
                    return;
                };
                self.spans.push(RawSpan {
                    style: Style::Image {
                        src: src.to_owned(),
                        alt: collapse_whitespace(alt.unwrap_or("")),
                    },
                    start: self.buffer.len(),
                    end: self.buffer.len(),
                });
                return;
            }
            _ => return,
        };
        self.open_span(j, style);
    }

    /// Opens a span of `style` over inline element `j`.
    fn open_span(&mut self, j: usize, style: Style) {
        if self.inline.len() >= MAX_OPEN_SPANS {
            return;
        }
        self.inline
            .push((self.page.dom.nodes[j].end, self.spans.len()));
        self.spans.push(RawSpan {
            style,
            start: self.buffer.len(),
            end: usize::MAX,
        });
    }

    /// Ends the spans of the inline elements that end before node `j`.
    fn close_inline(&mut self, j: usize) {
        while let Some(&(end, k)) = self.inline.last() {
            if j < end {
                break;
            }
            self.spans[k].end = self.buffer.len();
            if matches!(self.spans[k].style, Style::Link { .. }) {
                self.link_end = end;
            }
            self.inline.pop();
        }
    }

    /// Closes the open blocks that end before node `j`.
    fn close_until(&mut self, j: usize) {
        while let Some(&top) = self.open.last() {
            if j < self.page.dom.nodes[top].end {
                break;
            }
            self.flush();
            self.open.pop();
            match self.page.dom.nodes[top].tag {
                Tag::Li => {
                    self.items.pop();
                }
                Tag::Ol => {
                    self.counters.pop();
                }
                _ => {}
            }
        }
    }

    /// Turns the collected inline text into blocks of the innermost open element; the buffers
    /// are handed back empty, with their room, for the next text.
    fn flush(&mut self) {
        let mut buffer = std::mem::take(&mut self.buffer);
        let mut texts = std::mem::take(&mut self.buffer_texts);
        self.flush_from(&buffer, &texts);
        buffer.clear();
        texts.clear();
        (self.buffer, self.buffer_texts) = (buffer, texts);
    }

    fn flush_from(&mut self, buffer: &str, texts: &[(NodeId, usize)]) {
        let mut spans = std::mem::take(&mut self.spans);
        self.breaks = 0;
        // Inline elements still open go on in the next buffer.
        for (_, k) in self.inline.iter_mut() {
            let style = spans[*k].style.clone();
            spans[*k].end = buffer.len();
            *k = self.spans.len();
            self.spans.push(RawSpan {
                style,
                start: 0,
                end: usize::MAX,
            });
        }
        if buffer.is_empty() && spans.is_empty() {
            return;
        }
        let Some(&owner) = self.open.last() else {
            return;
        };
        let pieces = crate::extract::inline::cut(buffer, BREAK, &spans);
        if pieces.is_empty() {
            // Images with no text of their own go with the next block.
            let images = spans
                .into_iter()
                .filter(|s| s.style.is_point())
                .map(|s| RawSpan {
                    start: 0,
                    end: 0,
                    ..s
                });
            self.spans.splice(0..0, images);
            let shift = self.spans.len() - self.inline.len();
            for (k, (_, index)) in self.inline.iter_mut().enumerate() {
                *index = shift + k;
            }
            return;
        }
        let kind = self.kind_of(owner);
        for (n, piece) in pieces.into_iter().enumerate() {
            let kind = match (&kind, n) {
                (BlockKind::ListItem { depth, number, .. }, 1..) => BlockKind::ListItem {
                    depth: *depth,
                    number: *number,
                    continued: true,
                },
                _ => kind.clone(),
            };
            self.drafts.push(Draft {
                block: Block {
                    kind,
                    text: piece.text,
                    node: self.page.dom.id(owner),
                    spans: piece.spans,
                },
                owner,
                start: self.buffer_start,
                texts: segment_texts(texts, piece.segments.0, piece.segments.1),
                whole: false,
            });
        }
        if let Some(item) = self.items.last_mut() {
            item.2 = true;
        }
    }

    fn kind_of(&self, owner: usize) -> BlockKind {
        let dom = &self.page.dom;
        match dom.nodes[owner].tag {
            Tag::Heading(level) => return BlockKind::Heading { level },
            Tag::Figcaption | Tag::Caption => return BlockKind::Caption,
            _ => {}
        }
        // The innermost list item or quotation the block is in.
        for &o in self.open.iter().rev() {
            match dom.nodes[o].tag {
                Tag::Li => {
                    let Some(&(_, number, pushed)) = self.items.last() else {
                        break;
                    };
                    let depth = self.items.len().saturating_sub(1);
                    return BlockKind::ListItem {
                        depth: u8::try_from(depth).unwrap_or(u8::MAX),
                        number,
                        continued: pushed,
                    };
                }
                Tag::Blockquote => {
                    let depth = self
                        .open
                        .iter()
                        .filter(|&&o| dom.nodes[o].tag == Tag::Blockquote)
                        .count();
                    return BlockKind::Quote {
                        depth: u8::try_from(depth).unwrap_or(u8::MAX),
                    };
                }
                Tag::Ul | Tag::Ol | Tag::Table | Tag::Dl => break,
                _ => {}
            }
        }
        BlockKind::Paragraph
    }
}
