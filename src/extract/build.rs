//! Stage 6: the block IR, built from the selected body, with boilerplate blocks filtered out.
//!
//! Every block keeps the node it came from; every node left out is recorded once as a [`Removal`].

use ego_tree::NodeId;

use crate::blocks::{Block, BlockKind, Style};
use crate::dom::{Dom, Tag, collapse_whitespace};
use crate::extract::filter;
use crate::extract::inline::RawSpan;
use crate::extract::select::{Analysis, Body};
use crate::removal::{Reason, Removal, Stage};

/// Inline elements with a span open at once, at most.
const MAX_OPEN_SPANS: usize = 16;

/// Marks a `<br>` in collected text until the text is split into lines.
const BREAK: char = '\0';

/// A block with what the filters need to know of where it came from.
pub(crate) struct Draft {
    pub(crate) block: Block,
    /// The element whose own text this is.
    pub(crate) owner: usize,
    /// The first node of the page the block was read from, for placing rules between blocks.
    pub(crate) start: usize,
    /// The text nodes the block was made of.
    pub(crate) texts: Vec<NodeId>,
    /// Whether the block is all the text of its element: removing it removes the element.
    pub(crate) whole: bool,
}

/// The text nodes pushed between two breaks.
fn segment_texts(texts: &[(NodeId, usize)], from: usize, to: usize) -> Vec<NodeId> {
    texts
        .iter()
        .filter(|(_, segment)| (from..to).contains(segment))
        .map(|(node, _)| *node)
        .collect()
}

/// Builds the blocks of `body`, recording what it leaves out.
pub(crate) fn build(
    analysis: &Analysis<'_>,
    body: &Body,
    title: Option<&str>,
    removals: &mut Vec<Removal>,
) -> Vec<Block> {
    let mut outside = record_outside(analysis, &body.roots, removals);
    let mut walker = Walker::new(analysis);
    for &root in &body.roots {
        walker.walk(root, body, removals);
    }
    outside.append(&mut walker.zoned);
    outside.sort_unstable();
    filter::mark_whole(analysis, &mut walker.drafts);
    let listing = filter::is_listing(analysis, body, &walker.drafts);
    let drafts = filter::chaff(analysis, listing, walker.drafts, title, removals);
    let drafts = filter::drop_repeats(analysis, body, &outside, drafts, removals);
    let drafts = filter::trim_cued_edges(analysis, listing, drafts, removals);
    let drafts = filter::trim_edges(analysis, listing, drafts, removals);
    with_rules(analysis, drafts, &walker.rules)
}

/// The kept blocks, with a rule wherever the page had an `<hr>` between two of them.
fn with_rules(analysis: &Analysis<'_>, drafts: Vec<Draft>, rules: &[usize]) -> Vec<Block> {
    let mut blocks = Vec::with_capacity(drafts.len());
    let mut rules = rules.iter().copied().peekable();
    let mut previous: Option<usize> = None;
    for draft in drafts {
        let mut rule = None;
        while let Some(r) = rules.next_if(|&r| r < draft.start) {
            if previous.is_some_and(|p| p < r) {
                rule = Some(r);
            }
        }
        if let Some(r) = rule {
            let node = analysis.dom.nodes[r].id;
            blocks.push(Block::new(BlockKind::Rule, "", node));
        }
        previous = Some(draft.start);
        blocks.push(draft.block);
    }
    blocks
}

/// Records the outermost live nodes that are not part of the body, and returns them.
fn record_outside(
    analysis: &Analysis<'_>,
    roots: &[usize],
    removals: &mut Vec<Removal>,
) -> Vec<usize> {
    let dom = &analysis.dom;
    let mut outside = Vec::new();
    let mut next_root = roots.iter().copied().peekable();
    let mut i = 0;
    while i < dom.len() {
        while next_root.next_if(|&r| r < i).is_some() {}
        let node = &dom.nodes[i];
        match next_root.peek() {
            Some(&r) if r == i => {
                i = node.end;
                continue;
            }
            Some(&r) if r < node.end => {
                i += 1;
                continue;
            }
            _ => {}
        }
        if !analysis.dead[i] && analysis.measures.chars[i] > 0 {
            outside.push(i);
            removals.push(Removal {
                node: node.id,
                stage: Stage::Select,
                reason: Reason::OutsideBody,
            });
        }
        i = node.end;
    }
    outside
}

struct Walker<'a, 'd> {
    analysis: &'a Analysis<'d>,
    drafts: Vec<Draft>,
    buffer: String,
    /// The first node read into `buffer`.
    buffer_start: usize,
    /// The block elements open at the walk's position, innermost last.
    open: Vec<usize>,
    /// The roots of the boilerplate zones met inside the body.
    zoned: Vec<usize>,
    /// The text nodes behind `buffer`, each with the number of line breaks before it.
    buffer_texts: Vec<(NodeId, usize)>,
    /// Line breaks in `buffer`.
    breaks: usize,
    /// Inline formatting over `buffer`; an open span ends at `usize::MAX`.
    spans: Vec<RawSpan>,
    /// The inline elements open at the walk's position: where each ends, and its span.
    inline: Vec<(usize, usize)>,
    /// The list items open at the walk's position: the item, its number in an ordered list, and
    /// whether a block of it was pushed.
    items: Vec<(usize, Option<u32>, bool)>,
    /// The ordered lists open at the walk's position, with the number of their next item.
    counters: Vec<(usize, u32)>,
    /// The `<hr>`s met, in document order.
    rules: Vec<usize>,
}

impl<'a, 'd> Walker<'a, 'd> {
    fn new(analysis: &'a Analysis<'d>) -> Self {
        Walker {
            analysis,
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
        }
    }

    fn walk(&mut self, root: usize, body: &Body, removals: &mut Vec<Removal>) {
        let dom = &self.analysis.dom;
        let dead = &self.analysis.dead;
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
            let zoned = body.zone[j].is_some();
            if let Some(hint) = body.zone[j] {
                if body.zone[node.parent].is_none() {
                    self.zoned.push(j);
                    removals.push(Removal {
                        node: node.id,
                        stage: Stage::Filter,
                        reason: Reason::Markup { hint },
                    });
                }
                // Descend all the same: an explicit article body may lie inside the zone. Dropped
                // inline text leaves a space, so the words around it do not run together.
                if node.tag == Tag::Text {
                    self.buffer.push(' ');
                    j += 1;
                    continue;
                }
            }
            match node.tag {
                Tag::Text => {
                    if self.buffer_texts.is_empty() {
                        self.buffer_start = j;
                    }
                    self.buffer.push_str(node.text);
                    self.buffer_texts.push((node.id, self.breaks));
                }
                Tag::Br => {
                    self.buffer.push(BREAK);
                    self.breaks += 1;
                }
                Tag::Pre if !zoned => {
                    self.flush();
                    self.push_code(j);
                    j = node.end;
                    continue;
                }
                Tag::Table if !zoned && is_data_table(dom, dead, j) => {
                    self.flush();
                    self.push_rows(j);
                    j = node.end;
                    continue;
                }
                Tag::Hr if !zoned => {
                    self.flush();
                    self.rules.push(j);
                }
                Tag::Emphasis | Tag::Strong | Tag::Code | Tag::A | Tag::Img if !zoned => {
                    self.open_inline(j);
                }
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

    /// Opens a block element, keeping count of list items.
    fn push_open(&mut self, j: usize) {
        let dom = &self.analysis.dom;
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
        self.open.push(j);
    }

    /// Starts the span of an inline element.
    fn open_inline(&mut self, j: usize) {
        // Formatting nested this deep is tag soup (unclosed `<b>`s), and every open span is
        // carried into each block that follows: past the cap, elements get no span.
        if self.inline.len() >= MAX_OPEN_SPANS {
            return;
        }
        let dom = &self.analysis.dom;
        let style = match dom.nodes[j].tag {
            Tag::Emphasis => Style::Emphasis,
            Tag::Strong => Style::Strong,
            Tag::Code => Style::Code,
            Tag::A => match dom.attr(j, "href") {
                Some(href) => Style::Link {
                    href: href.trim().to_owned(),
                },
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
        self.inline.push((dom.nodes[j].end, self.spans.len()));
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
            self.inline.pop();
        }
    }

    /// Closes the open blocks that end before node `j`.
    fn close_until(&mut self, j: usize) {
        while let Some(&top) = self.open.last() {
            if j < self.analysis.dom.nodes[top].end {
                break;
            }
            self.flush();
            self.open.pop();
            match self.analysis.dom.nodes[top].tag {
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

    /// Turns the collected inline text into blocks of the innermost open element.
    fn flush(&mut self) {
        let buffer = std::mem::take(&mut self.buffer);
        let texts = std::mem::take(&mut self.buffer_texts);
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
        let pieces = crate::extract::inline::cut(&buffer, BREAK, &spans);
        if pieces.is_empty() {
            // Images with no text of their own go with the next block.
            let images = spans
                .into_iter()
                .filter(|s| matches!(s.style, Style::Image { .. }))
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
                    node: self.analysis.dom.nodes[owner].id,
                    spans: piece.spans,
                },
                owner,
                start: self.buffer_start,
                texts: segment_texts(&texts, piece.segments.0, piece.segments.1),
                whole: false,
            });
        }
        if let Some(item) = self.items.last_mut() {
            item.2 = true;
        }
    }

    fn kind_of(&self, owner: usize) -> BlockKind {
        let dom = &self.analysis.dom;
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

    fn push_code(&mut self, pre: usize) {
        let dom = &self.analysis.dom;
        let mut text = String::new();
        let mut j = pre;
        while j < dom.nodes[pre].end {
            if self.analysis.dead[j] {
                j = dom.nodes[j].end;
                continue;
            }
            match dom.nodes[j].tag {
                Tag::Text => text.push_str(dom.nodes[j].text),
                Tag::Br => text.push('\n'),
                // A block inside preformatted text (a line wrapper of a highlighter) starts a line.
                tag if tag.is_block() && j != pre && !text.is_empty() && !text.ends_with('\n') => {
                    text.push('\n');
                }
                _ => {}
            }
            j += 1;
        }
        let text = text.trim_end().trim_start_matches(['\n', '\r']);
        if !text.trim().is_empty() {
            let language = code_language(dom, pre);
            self.drafts.push(Draft {
                block: Block::new(BlockKind::Code { language }, text, dom.nodes[pre].id),
                owner: pre,
                start: pre,
                texts: Vec::new(),
                whole: true,
            });
        }
    }

    fn push_rows(&mut self, table: usize) {
        let dom = &self.analysis.dom;
        let dead = &self.analysis.dead;
        let skip = |k: usize| dead[k];
        for j in table..dom.nodes[table].end {
            if dead[j] {
                continue;
            }
            match dom.nodes[j].tag {
                Tag::Caption => {
                    let text = dom.text_of(j, skip);
                    if !text.is_empty() {
                        self.drafts.push(Draft {
                            block: Block::new(BlockKind::Caption, text, dom.nodes[j].id),
                            owner: j,
                            start: j,
                            texts: Vec::new(),
                            whole: true,
                        });
                    }
                }
                Tag::Tr => {
                    let cells: Vec<(Tag, String, u16)> = children(dom, j)
                        .filter(|&c| !dead[c] && matches!(dom.nodes[c].tag, Tag::Td | Tag::Th))
                        .map(|c| {
                            let span = dom
                                .attr(c, "colspan")
                                .and_then(|s| s.trim().parse::<u16>().ok())
                                .unwrap_or(1)
                                .clamp(1, 100);
                            (dom.nodes[c].tag, dom.lines_of(c, skip), span)
                        })
                        .collect();
                    if cells.iter().all(|(_, t, _)| t.is_empty()) {
                        continue;
                    }
                    let header = cells.iter().all(|(tag, _, _)| *tag == Tag::Th);
                    let colspans = cells.iter().map(|c| c.2).collect();
                    let cells: Vec<String> = cells.into_iter().map(|(_, t, _)| t).collect();
                    // The row's text is one line; a cell keeps its `<br>`s for the renderers.
                    let text = cells.join(" | ").replace('\n', " ");
                    let kind = BlockKind::TableRow {
                        cells,
                        header,
                        colspans,
                        table: dom.nodes[table].id,
                    };
                    self.drafts.push(Draft {
                        block: Block::new(kind, text, dom.nodes[j].id),
                        owner: j,
                        start: j,
                        texts: Vec::new(),
                        whole: true,
                    });
                }
                _ => {}
            }
        }
    }
}

/// The language a code block's class names declare: on the `<pre>`, its first `<code>`, or the
/// highlighter's wrapper around it.
fn code_language(dom: &Dom<'_>, pre: usize) -> Option<String> {
    let code = (pre + 1..dom.nodes[pre].end).find(|&c| dom.nodes[c].tag == Tag::Code);
    let parent = dom.nodes[pre].parent;
    [Some(pre), code, (parent != usize::MAX).then_some(parent)]
        .into_iter()
        .flatten()
        .filter_map(|i| dom.attr(i, "class"))
        .find_map(language_of_class)
}

/// The language named in a class attribute: `language-x`, `lang-x`, `highlight-source-x`,
/// `highlight-x`, `brush: x`.
fn language_of_class(class: &str) -> Option<String> {
    let mut tokens = class.split(|c: char| c.is_whitespace() || c == ';');
    while let Some(token) = tokens.next() {
        let name = if token == "brush:" {
            tokens.next()
        } else {
            [
                "language-",
                "lang-",
                "highlight-source-",
                "brush:",
                "highlight-",
            ]
            .iter()
            .find_map(|prefix| token.strip_prefix(prefix))
        };
        if let Some(name) = name.filter(|n| {
            !n.is_empty()
                && n.len() <= 24
                && n.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-#._".contains(c))
        }) {
            return Some(name.to_ascii_lowercase());
        }
    }
    None
}

/// The element children of node `i`.
fn children<'a>(dom: &'a Dom<'_>, i: usize) -> impl Iterator<Item = usize> + 'a {
    let end = dom.nodes[i].end;
    let mut c = i + 1;
    std::iter::from_fn(move || {
        if c >= end {
            return None;
        }
        let this = c;
        c = dom.nodes[c].end;
        Some(this)
    })
}

/// Whether a table holds data (rows and columns of short cells) rather than page layout.
fn is_data_table(dom: &Dom<'_>, dead: &[bool], table: usize) -> bool {
    let mut rows = 0usize;
    let mut max_cells = 0usize;
    let mut cells = 0usize;
    let mut headers = false;
    let mut text = 0usize;
    for (j, node) in dom.nodes[..dom.nodes[table].end]
        .iter()
        .enumerate()
        .skip(table + 1)
    {
        if dead[j] {
            continue;
        }
        match node.tag {
            Tag::Table | Tag::Pre | Tag::Heading(_) | Tag::Article | Tag::Section => return false,
            Tag::Tr => {
                rows += 1;
                let n = children(dom, j)
                    .filter(|&c| matches!(dom.nodes[c].tag, Tag::Td | Tag::Th))
                    .count();
                max_cells = max_cells.max(n);
                cells += n;
            }
            Tag::Th | Tag::Caption => headers = true,
            Tag::Text => text += node.text.trim().chars().count(),
            _ => {}
        }
    }
    if rows == 0 || max_cells == 0 {
        return false;
    }
    let mean_cell = text / cells.max(1);
    (headers || (rows >= 2 && max_cells >= 2)) && mean_cell < 200
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse_page as parse;
    use crate::{Config, Extraction};

    /// Sentences long and punctuated enough to read as prose, each with its own words.
    const PROSE: [&str; 3] = [
        "The council met on Monday evening, and after a long debate it voted to keep the ferry \
         running through the winter months.",
        "Residents of the island had campaigned for weeks, writing letters and attending every \
         meeting, and they were glad of the result.",
        "The service will run twice a day, weather permitting, until the spring timetable begins \
         in April, the operator said.",
    ];

    fn page(body: &str) -> String {
        format!(
            "<html><head><title>Ferry timetable explained | Island News</title></head>\
             <body>{body}</body></html>"
        )
    }

    /// Extracts without the title block, so `blocks` holds what this stage built.
    fn extract(html: &str) -> Extraction {
        let config = Config {
            include_title: false,
            ..Config::default()
        };
        crate::extract(html, &config).expect("extracts")
    }

    fn kinds_and_texts(page: &Extraction) -> Vec<(BlockKind, &str)> {
        page.blocks
            .iter()
            .map(|b| (b.kind.clone(), b.text.as_str()))
            .collect()
    }

    /// Checks the removal record against the page `html` parses into: each removal names a node
    /// of it, no node is covered by two removals (itself or an ancestor), and no block comes from
    /// inside a removed node.
    #[track_caller]
    fn assert_removals_once(html: &str, page: &Extraction) {
        let doc = parse(html);
        let dom = Dom::new(&doc);
        let index = |id: NodeId| {
            dom.nodes
                .iter()
                .position(|n| n.id == id)
                .unwrap_or_else(|| panic!("{id:?} is not a node of the page"))
        };
        let removed: Vec<usize> = page.removals.iter().map(|r| index(r.node)).collect();
        for (a, &i) in removed.iter().enumerate() {
            for (b, &j) in removed.iter().enumerate() {
                assert!(
                    a == b || !(i <= j && j < dom.nodes[i].end),
                    "{:?} is covered twice in {:#?}",
                    page.removals[b],
                    page.removals
                );
            }
        }
        for block in page.blocks.iter().filter(|b| b.kind != BlockKind::Title) {
            let k = index(block.node);
            assert!(
                !removed.iter().any(|&i| i <= k && k < dom.nodes[i].end),
                "block {:?} lies inside a removed node: {:#?}",
                block.text,
                page.removals
            );
        }
    }

    fn node_of(html: &str, tag: Tag) -> NodeId {
        let doc = parse(html);
        let dom = Dom::new(&doc);
        let i = dom.find(tag).expect("the tag is on the page");
        dom.nodes[i].id
    }

    #[test]
    fn block_kinds_and_their_text() {
        let html = page(&format!(
            "<article><p>BODY_TEXT {}</p><h2>HEADING_TEXT</h2>\
             <ul><li>LIST_ONE first stop at the harbour.</li><li>LIST_TWO then the pier.</li></ul>\
             <blockquote><p>QUOTE_TEXT We are delighted, and so are our passengers.</p></blockquote>\
             <pre>CODE_TEXT</pre>\
             <table><tr><th>Day</th><th>Time</th></tr><tr><td>Monday</td><td>08:00</td></tr>\
             <tr><td>Tuesday</td><td>09:30</td></tr></table>\
             <p>{}</p></article>",
            PROSE[0], PROSE[1]
        ));
        let page = extract(&html);
        let table = node_of(&html, Tag::Table);
        let cells = |cells: &[&str], header| BlockKind::TableRow {
            cells: cells.iter().map(|c| c.to_string()).collect(),
            header,
            colspans: vec![1; cells.len()],
            table,
        };
        let body_text = format!("BODY_TEXT {}", PROSE[0]);
        assert_eq!(
            kinds_and_texts(&page),
            vec![
                (BlockKind::Paragraph, body_text.as_str()),
                (BlockKind::Heading { level: 2 }, "HEADING_TEXT"),
                (BlockKind::BULLET, "LIST_ONE first stop at the harbour."),
                (BlockKind::BULLET, "LIST_TWO then the pier."),
                (
                    BlockKind::Quote { depth: 1 },
                    "QUOTE_TEXT We are delighted, and so are our passengers."
                ),
                (BlockKind::Code { language: None }, "CODE_TEXT"),
                (cells(&["Day", "Time"], true), "Day | Time"),
                (cells(&["Monday", "08:00"], false), "Monday | 08:00"),
                (cells(&["Tuesday", "09:30"], false), "Tuesday | 09:30"),
                (BlockKind::Paragraph, PROSE[1]),
            ]
        );
        assert_removals_once(&html, &page);
    }

    #[test]
    fn line_breaks_in_table_cells_reach_the_renderers() {
        let html = page(&format!(
            "<article><p>{}</p><table><tr><th>Day</th><th>Boats</th></tr>\
             <tr><td>Monday</td><td>08:00<br>12:00<br><br> 18:00</td></tr></table><p>{}</p>\
             </article>",
            PROSE[0], PROSE[1]
        ));
        let page = extract(&html);
        let row = page
            .blocks
            .iter()
            .find(|b| b.text.starts_with("Monday"))
            .expect("the row");
        assert_eq!(row.text, "Monday | 08:00 12:00 18:00");
        let BlockKind::TableRow { cells, .. } = &row.kind else {
            panic!("{row:?}");
        };
        assert_eq!(cells[1], "08:00\n12:00\n18:00");
        let options = crate::RenderOptions::default();
        assert!(
            page.markdown(&options)
                .contains("| Monday | 08:00<br>12:00<br>18:00 |")
        );
        assert!(
            page.html(&options)
                .contains("<td>08:00<br>12:00<br>18:00</td>")
        );
    }

    #[test]
    fn pre_keeps_its_whitespace() {
        let code = "fn main() {\n    let  spaced   =  \"CODE_TEXT\";\n\tprintln!(\"{spaced}\");\n}";
        let html = page(&format!(
            "<article><p>{}</p><pre>\n{code}\n\n</pre><p>{}</p></article>",
            PROSE[0], PROSE[1]
        ));
        let page = extract(&html);
        let block = page
            .blocks
            .iter()
            .find(|b| matches!(b.kind, BlockKind::Code { .. }))
            .expect("a code block");
        assert_eq!(block.text, code);
    }

    #[test]
    fn double_break_splits_a_paragraph_and_single_break_is_a_newline() {
        let html = page(&format!(
            "<article><p>PARA_A {}<br><br>PARA_B {}</p>\
             <p>LINE_ONE {}<br>LINE_TWO {}</p></article>",
            PROSE[0], PROSE[1], PROSE[2], PROSE[0]
        ));
        let page = extract(&html);
        let texts: Vec<&str> = page.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                format!("PARA_A {}", PROSE[0]),
                format!("PARA_B {}", PROSE[1]),
                format!("LINE_ONE {}\nLINE_TWO {}", PROSE[2], PROSE[0]),
            ]
        );
        assert!(page.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
        // Both halves of the split paragraph come from the same element.
        assert_eq!(page.blocks[0].node, page.blocks[1].node);
    }

    #[test]
    fn layout_table_is_not_turned_into_rows() {
        let rows: String = PROSE
            .iter()
            .enumerate()
            .map(|(i, p)| format!("<tr><td><p>ROW_{i} {p}</p></td></tr>"))
            .collect();
        let html = page(&format!("<table>{rows}</table>"));
        let page = extract(&html);
        assert_eq!(page.blocks.len(), 3, "{:#?}", page.blocks);
        for (i, block) in page.blocks.iter().enumerate() {
            assert_eq!(block.kind, BlockKind::Paragraph);
            assert!(block.text.starts_with(&format!("ROW_{i} ")));
        }
    }

    #[test]
    fn heading_that_repeats_the_title_is_removed() {
        let html = page(&format!(
            "<article><h1>Ferry timetable explained</h1><p>{}</p><h2>HEADING_TEXT</h2><p>{}</p>\
             </article>",
            PROSE[0], PROSE[1]
        ));
        let page = extract(&html);
        assert_eq!(page.title.as_deref(), Some("Ferry timetable explained"));
        assert!(!page.text().contains("Ferry timetable explained"));
        assert!(page.text().contains("HEADING_TEXT"));
        let h1 = node_of(&html, Tag::Heading(1));
        let records: Vec<&Removal> = page.removals.iter().filter(|r| r.node == h1).collect();
        assert_eq!(
            records,
            vec![&Removal {
                node: h1,
                stage: Stage::Filter,
                reason: Reason::TitleHeading,
            }]
        );
        assert_removals_once(&html, &page);
    }

    #[test]
    fn every_dropped_node_is_recorded_once() {
        let html = page(&format!(
            r#"<nav><ul><li><a href="/">MENU_TEXT Home</a></li><li><a href="/n">News</a></li></ul>
            </nav><article><p>BODY_TEXT {}</p>
            <ul><li><a href="/a">LINKS_TEXT Harbour</a></li><li><a href="/b">LINKS_TEXT Island</a>
            </li><li><a href="/c">LINKS_TEXT Weather</a></li></ul>
            <p>{}</p><script>SCRIPT_TEXT</script><p>{}</p><div class="share">SHARE_TEXT</div>
            </article>"#,
            PROSE[0], PROSE[1], PROSE[2]
        ));
        let page = extract(&html);
        let text = page.text();
        assert!(text.contains("BODY_TEXT"));
        for chaff in ["MENU_TEXT", "LINKS_TEXT", "SCRIPT_TEXT", "SHARE_TEXT"] {
            assert!(!text.contains(chaff), "{chaff} in:\n{text}");
        }
        assert_removals_once(&html, &page);

        let nav = node_of(&html, Tag::Nav);
        let nav_records: Vec<&Removal> = page.removals.iter().filter(|r| r.node == nav).collect();
        assert_eq!(
            nav_records,
            vec![&Removal {
                node: nav,
                stage: Stage::Select,
                reason: Reason::OutsideBody,
            }]
        );

        // Each entry of the link list in the body is recorded for its links, once.
        let doc = parse(&html);
        let dom = Dom::new(&doc);
        let list = (0..dom.len())
            .filter(|&i| dom.nodes[i].tag == Tag::Ul)
            .nth(1)
            .expect("the link list");
        let items: Vec<NodeId> = (list..dom.nodes[list].end)
            .filter(|&i| dom.nodes[i].tag == Tag::Li)
            .map(|i| dom.nodes[i].id)
            .collect();
        assert_eq!(items.len(), 3);
        let link_records: Vec<NodeId> = page
            .removals
            .iter()
            .filter(|r| r.stage == Stage::Filter && matches!(r.reason, Reason::LinkDensity { .. }))
            .map(|r| r.node)
            .collect();
        assert_eq!(link_records, items);
        assert!(page.removals.iter().any(|r| r.stage == Stage::Prune
            && r.reason
                == Reason::NeverContent {
                    tag: "script".to_owned()
                }));
        assert!(
            page.removals
                .iter()
                .any(|r| r.reason == Reason::Markup { hint: "share" })
        );
    }

    #[test]
    fn element_split_around_a_dropped_block_is_recorded_once() {
        let html = page(&format!(
            r#"<article><p>{}</p><div><a href="/a">LINKS_TEXT Harbour news today</a>
            <p><a href="/c">LINKS_TEXT inner list of links</a></p>
            <a href="/b">LINKS_TEXT Island news today</a></div><p>{}</p></article>"#,
            PROSE[0], PROSE[1]
        ));
        let page = extract(&html);
        assert_removals_once(&html, &page);
    }

    #[test]
    fn element_with_kept_blocks_inside_is_not_recorded_as_removed() {
        let html = page(&format!(
            "<article><div>SCRAP_A<p>{}</p>SCRAP_B<p>{}</p></div></article>",
            PROSE[0], PROSE[1]
        ));
        let page = extract(&html);
        assert_removals_once(&html, &page);
    }
}
