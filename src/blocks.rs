//! Stage 6: the block IR, built from the selected body, with boilerplate blocks filtered out.
//!
//! Every block keeps the node it came from; every node left out is recorded once as a [`Removal`].

use ego_tree::NodeId;

use crate::dom::{Dom, Tag, collapse_whitespace};
use crate::measure::Measures;
use crate::removal::{Reason, Removal, Stage};
use crate::score::{Quality, Rules, quality};
use crate::select::{Analysis, Body};

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
    /// One item of a list.
    ListItem,
    /// A quotation.
    Quote,
    /// Preformatted text, whitespace kept.
    Code,
    /// One row of a data table.
    TableRow {
        /// The text of each cell.
        cells: Vec<String>,
        /// Whether every cell is a header cell.
        header: bool,
    },
    /// A figure or table caption.
    Caption,
}

/// One block of the extracted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text: whitespace collapsed, except in [`BlockKind::Code`]; line breaks kept where the
    /// page had `<br>`; table cells joined by `" | "`.
    pub text: String,
    /// The element the text came from.
    pub node: NodeId,
}

/// Marks a `<br>` in collected text until the text is split into lines.
const BREAK: char = '\0';

struct Draft {
    block: Block,
    /// The element whose own text this is.
    owner: usize,
}

/// Builds the blocks of `body`, recording what it leaves out.
pub(crate) fn build(
    analysis: &Analysis<'_>,
    body: &Body,
    title: Option<&str>,
    removals: &mut Vec<Removal>,
) -> Vec<Block> {
    record_outside(analysis, &body.roots, removals);
    let mut walker = Walker {
        analysis,
        drafts: Vec::new(),
        buffer: String::new(),
        open: Vec::new(),
    };
    for &root in &body.roots {
        walker.walk(root, body, removals);
    }
    let drafts = filter(analysis, body, walker.drafts, title, removals);
    drafts.into_iter().map(|d| d.block).collect()
}

/// Records the outermost live nodes that are not part of the body.
fn record_outside(analysis: &Analysis<'_>, roots: &[usize], removals: &mut Vec<Removal>) {
    let dom = &analysis.dom;
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
            removals.push(Removal {
                node: node.id,
                stage: Stage::Select,
                reason: Reason::OutsideBody,
            });
        }
        i = node.end;
    }
}

struct Walker<'a, 'd> {
    analysis: &'a Analysis<'d>,
    drafts: Vec<Draft>,
    buffer: String,
    /// The block elements open at the walk's position, innermost last.
    open: Vec<usize>,
}

impl Walker<'_, '_> {
    fn walk(&mut self, root: usize, body: &Body, removals: &mut Vec<Removal>) {
        let dom = &self.analysis.dom;
        let dead = &self.analysis.dead;
        let end = dom.nodes[root].end;
        self.open.push(root);
        let mut j = root + 1;
        while j < end {
            self.close_until(j);
            let node = &dom.nodes[j];
            if dead[j] {
                j = node.end;
                continue;
            }
            let zoned = body.zone[j].is_some();
            if let Some(hint) = body.zone[j] {
                if body.zone[node.parent].is_none() {
                    removals.push(Removal {
                        node: node.id,
                        stage: Stage::Filter,
                        reason: Reason::Markup { hint },
                    });
                }
                // Descend all the same: an explicit article body may lie inside the zone.
                if node.tag == Tag::Text {
                    j += 1;
                    continue;
                }
            }
            match node.tag {
                Tag::Text => self.buffer.push_str(node.text),
                Tag::Br => self.buffer.push(BREAK),
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
                tag if tag.is_block() => {
                    self.flush();
                    self.open.push(j);
                }
                _ => {}
            }
            j += 1;
        }
        self.close_until(usize::MAX);
    }

    /// Closes the open blocks that end before node `j`.
    fn close_until(&mut self, j: usize) {
        while let Some(&top) = self.open.last() {
            if j < self.analysis.dom.nodes[top].end {
                break;
            }
            self.flush();
            self.open.pop();
        }
    }

    /// Turns the collected inline text into blocks of the innermost open element.
    fn flush(&mut self) {
        if self.buffer.is_empty() {
            return;
        }
        let Some(&owner) = self.open.last() else {
            self.buffer.clear();
            return;
        };
        let dom = &self.analysis.dom;
        let kind = self.kind_of(owner);
        let buffer = std::mem::take(&mut self.buffer);
        let mut lines: Vec<String> = Vec::new();
        for segment in buffer.split(BREAK) {
            let line = collapse_whitespace(segment);
            if line.is_empty() {
                self.push_lines(&mut lines, &kind, owner);
            } else {
                lines.push(line);
            }
        }
        self.push_lines(&mut lines, &kind, owner);
        let _ = dom;
    }

    fn push_lines(&mut self, lines: &mut Vec<String>, kind: &BlockKind, owner: usize) {
        if lines.is_empty() {
            return;
        }
        let text = lines.join("\n");
        lines.clear();
        self.drafts.push(Draft {
            block: Block {
                kind: kind.clone(),
                text,
                node: self.analysis.dom.nodes[owner].id,
            },
            owner,
        });
    }

    fn kind_of(&self, owner: usize) -> BlockKind {
        let dom = &self.analysis.dom;
        match dom.nodes[owner].tag {
            Tag::Heading(level) => BlockKind::Heading { level },
            Tag::Li => BlockKind::ListItem,
            Tag::Figcaption | Tag::Caption => BlockKind::Caption,
            _ if self
                .open
                .iter()
                .any(|&o| dom.nodes[o].tag == Tag::Blockquote) =>
            {
                BlockKind::Quote
            }
            _ => BlockKind::Paragraph,
        }
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
                _ => {}
            }
            j += 1;
        }
        let text = text.trim_end().trim_start_matches(['\n', '\r']);
        if !text.trim().is_empty() {
            self.drafts.push(Draft {
                block: Block {
                    kind: BlockKind::Code,
                    text: text.to_owned(),
                    node: dom.nodes[pre].id,
                },
                owner: pre,
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
                            block: Block {
                                kind: BlockKind::Caption,
                                text,
                                node: dom.nodes[j].id,
                            },
                            owner: j,
                        });
                    }
                }
                Tag::Tr => {
                    let cells: Vec<(Tag, String)> = children(dom, j)
                        .filter(|&c| !dead[c] && matches!(dom.nodes[c].tag, Tag::Td | Tag::Th))
                        .map(|c| (dom.nodes[c].tag, dom.text_of(c, skip)))
                        .collect();
                    if cells.iter().all(|(_, t)| t.is_empty()) {
                        continue;
                    }
                    let header = cells.iter().all(|(tag, _)| *tag == Tag::Th);
                    let cells: Vec<String> = cells.into_iter().map(|(_, t)| t).collect();
                    self.drafts.push(Draft {
                        block: Block {
                            text: cells.join(" | "),
                            kind: BlockKind::TableRow { cells, header },
                            node: dom.nodes[j].id,
                        },
                        owner: j,
                    });
                }
                _ => {}
            }
        }
    }
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

/// Drops the title heading, link lists and non-prose scraps at the edges of the body.
fn filter(
    analysis: &Analysis<'_>,
    body: &Body,
    drafts: Vec<Draft>,
    title: Option<&str>,
    removals: &mut Vec<Removal>,
) -> Vec<Draft> {
    let measures = &analysis.measures;
    let title_key = title.map(normalize_key);
    let mut title_seen = false;
    // On a page of short items, links and scraps are the content, wherever they stand.
    let links_are_content = body.rules == Rules::Listing;
    let mut kept: Vec<Draft> = Vec::with_capacity(drafts.len());
    let mut last_recorded = usize::MAX;
    let mut drop = |draft: &Draft, reason: Reason, removals: &mut Vec<Removal>| {
        if draft.owner != last_recorded {
            last_recorded = draft.owner;
            removals.push(Removal {
                node: draft.block.node,
                stage: Stage::Filter,
                reason,
            });
        }
    };
    for draft in drafts {
        if let (BlockKind::Heading { .. }, Some(key)) = (&draft.block.kind, &title_key)
            && !title_seen
            && normalize_key(&draft.block.text) == *key
        {
            title_seen = true;
            drop(&draft, Reason::TitleHeading, removals);
            continue;
        }
        let is_row = matches!(
            draft.block.kind,
            BlockKind::TableRow { .. } | BlockKind::Code
        );
        let unit = &measures.unit[draft.owner];
        if !is_row && !links_are_content && unit.chars > 0 && quality(unit) == Quality::Links {
            let percent = (unit.link_density() * 100.0).round() as u8;
            drop(&draft, Reason::LinkDensity { percent }, removals);
            continue;
        }
        kept.push(draft);
    }
    if links_are_content {
        return kept;
    }
    let solid = |d: &Draft| is_solid(measures, d);
    let first = kept.iter().position(solid);
    let last = kept.iter().rposition(solid);
    let (Some(first), Some(last)) = (first, last) else {
        return kept;
    };
    let mut result = Vec::with_capacity(kept.len());
    for (k, draft) in kept.into_iter().enumerate() {
        let edge = k < first || k > last;
        let leading_heading = k < first && matches!(draft.block.kind, BlockKind::Heading { .. });
        let kept_at_edge = matches!(
            draft.block.kind,
            BlockKind::ListItem | BlockKind::TableRow { .. } | BlockKind::Code | BlockKind::Quote
        ) && k > last;
        if edge && !leading_heading && !kept_at_edge {
            drop(&draft, Reason::EdgeNoise, removals);
        } else {
            result.push(draft);
        }
    }
    result
}

/// A block that anchors the body: prose, code or a table row.
fn is_solid(measures: &Measures, draft: &Draft) -> bool {
    match draft.block.kind {
        BlockKind::Code | BlockKind::TableRow { .. } => true,
        BlockKind::Paragraph | BlockKind::Quote | BlockKind::ListItem => {
            quality(&measures.unit[draft.owner]) == Quality::Good
        }
        _ => false,
    }
}

/// Lower-cased words of `text`, for comparing a heading with the title.
fn normalize_key(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}
