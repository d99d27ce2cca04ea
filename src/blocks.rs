//! Stage 6: the block IR, built from the selected body, with boilerplate blocks filtered out.
//!
//! Every block keeps the node it came from; every node left out is recorded once as a [`Removal`].

use ego_tree::NodeId;

use std::collections::BTreeMap;

use crate::cues::{self, Cue};
use crate::dedup::{self, Repeat};
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
    /// The text nodes the block was made of.
    texts: Vec<NodeId>,
    /// Whether the block is all the text of its element: removing it removes the element.
    whole: bool,
}

/// Builds the blocks of `body`, recording what it leaves out.
pub(crate) fn build(
    analysis: &Analysis<'_>,
    body: &Body,
    title: Option<&str>,
    removals: &mut Vec<Removal>,
) -> Vec<Block> {
    let mut outside = record_outside(analysis, &body.roots, removals);
    let mut walker = Walker {
        analysis,
        drafts: Vec::new(),
        buffer: String::new(),
        open: Vec::new(),
        zoned: Vec::new(),
        buffer_texts: Vec::new(),
        breaks: 0,
    };
    for &root in &body.roots {
        walker.walk(root, body, removals);
    }
    outside.append(&mut walker.zoned);
    outside.sort_unstable();
    mark_whole(analysis, &mut walker.drafts);
    let drafts = filter(analysis, body, walker.drafts, title, removals);
    let drafts = drop_repeats(analysis, body, &outside, drafts, removals);
    let drafts = trim_cued_edges(body, drafts, removals);
    trim_edges(analysis, body, drafts, removals)
        .into_iter()
        .map(|d| d.block)
        .collect()
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
    /// The block elements open at the walk's position, innermost last.
    open: Vec<usize>,
    /// The roots of the boilerplate zones met inside the body.
    zoned: Vec<usize>,
    /// The text nodes behind `buffer`, each with the number of line breaks before it.
    buffer_texts: Vec<(NodeId, usize)>,
    /// Line breaks in `buffer`.
    breaks: usize,
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
                    self.zoned.push(j);
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
                Tag::Text => {
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
        let buffer = std::mem::take(&mut self.buffer);
        let texts = std::mem::take(&mut self.buffer_texts);
        self.breaks = 0;
        if buffer.is_empty() {
            return;
        }
        let Some(&owner) = self.open.last() else {
            return;
        };
        let kind = self.kind_of(owner);
        // Lines between two breaks in a row make one block; a single break stays inside it.
        let mut lines: Vec<String> = Vec::new();
        let mut first_segment = 0;
        for (segment, part) in buffer.split(BREAK).enumerate() {
            let line = collapse_whitespace(part);
            if line.is_empty() {
                let own = segment_texts(&texts, first_segment, segment);
                self.push_lines(&mut lines, &kind, owner, own);
                first_segment = segment + 1;
            } else {
                lines.push(line);
            }
        }
        let own = segment_texts(&texts, first_segment, usize::MAX);
        self.push_lines(&mut lines, &kind, owner, own);
    }

    fn push_lines(
        &mut self,
        lines: &mut Vec<String>,
        kind: &BlockKind,
        owner: usize,
        texts: Vec<NodeId>,
    ) {
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
            texts,
            whole: false,
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
                            block: Block {
                                kind: BlockKind::Caption,
                                text,
                                node: dom.nodes[j].id,
                            },
                            owner: j,
                            texts: Vec::new(),
                            whole: true,
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
                        texts: Vec::new(),
                        whole: true,
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
    for draft in drafts {
        if let (BlockKind::Heading { .. }, Some(key)) = (&draft.block.kind, &title_key)
            && !title_seen
            && normalize_key(&draft.block.text) == *key
        {
            title_seen = true;
            record(removals, &draft, Reason::TitleHeading);
            continue;
        }
        let is_row = matches!(
            draft.block.kind,
            BlockKind::TableRow { .. } | BlockKind::Code
        );
        let unit = &measures.unit[draft.owner];
        if !is_row && !links_are_content && unit.chars > 0 && quality(unit) == Quality::Links {
            let percent = (unit.link_density() * 100.0).round() as u8;
            record(removals, &draft, Reason::LinkDensity { percent });
            continue;
        }
        kept.push(draft);
    }
    kept
}

/// Drops the non-prose scraps before the first and after the last block of prose.
fn trim_edges(
    analysis: &Analysis<'_>,
    body: &Body,
    kept: Vec<Draft>,
    removals: &mut Vec<Removal>,
) -> Vec<Draft> {
    // On a page of short items, scraps are the content, wherever they stand.
    if body.rules == Rules::Listing {
        return kept;
    }
    let measures = &analysis.measures;
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
            record(removals, &draft, Reason::EdgeNoise);
        } else {
            result.push(draft);
        }
    }
    result
}

/// The text nodes pushed between two breaks.
fn segment_texts(texts: &[(NodeId, usize)], from: usize, to: usize) -> Vec<NodeId> {
    texts
        .iter()
        .filter(|(_, segment)| (from..to).contains(segment))
        .map(|(node, _)| *node)
        .collect()
}

/// Marks the drafts that hold all the text of their element, nothing nested in it, so that
/// dropping one drops the element and the record can name it.
fn mark_whole(analysis: &Analysis<'_>, drafts: &mut [Draft]) {
    let measures = &analysis.measures;
    let mut per_owner: BTreeMap<usize, usize> = BTreeMap::new();
    for d in drafts.iter() {
        *per_owner.entry(d.owner).or_default() += 1;
    }
    for d in drafts.iter_mut() {
        if !d.texts.is_empty() {
            d.whole =
                per_owner[&d.owner] == 1 && measures.chars[d.owner] == measures.unit[d.owner].chars;
        }
    }
}

/// Records the removal of a draft: its element when the draft is all of it, else each of its
/// text nodes, so that no removal covers text that was kept.
fn record(removals: &mut Vec<Removal>, draft: &Draft, reason: Reason) {
    let stage = match reason {
        Reason::CopyOutsideBody | Reason::Duplicate { .. } | Reason::RepeatedAtEdge => Stage::Dedup,
        _ => Stage::Filter,
    };
    if draft.whole {
        removals.push(Removal {
            node: draft.block.node,
            stage,
            reason,
        });
        return;
    }
    for &node in &draft.texts {
        removals.push(Removal {
            node,
            stage,
            reason: reason.clone(),
        });
    }
}

/// Bodies of fewer blocks are not searched for repeats.
const MIN_DEDUP_BLOCKS: usize = 8;
/// Blocks at the body's edges within which a repeated block is an appeal or a promo.
const REPEAT_EDGE_BLOCKS: usize = 3;

/// Drops blocks the page repeats: copies of text outside the body, later copies inside it, and
/// every copy of a block repeated at the body's edges.
fn drop_repeats(
    analysis: &Analysis<'_>,
    body: &Body,
    outside: &[usize],
    drafts: Vec<Draft>,
    removals: &mut Vec<Removal>,
) -> Vec<Draft> {
    // A body of a few blocks has no core to tell its edges from.
    if drafts.len() < MIN_DEDUP_BLOCKS {
        return drafts;
    }
    let outside_texts = unit_texts(analysis, body, outside);
    let outside_refs: Vec<&str> = outside_texts.iter().map(String::as_str).collect();
    // Code, table rows and list items repeat for good reasons (the same command, the same cell,
    // the same meal on two days of a plan); paragraphs and quotes do not.
    let body: Vec<&str> = drafts
        .iter()
        .map(|d| match d.block.kind {
            BlockKind::Paragraph | BlockKind::Quote | BlockKind::Caption => d.block.text.as_str(),
            _ => "",
        })
        .collect();
    let n = drafts.len();
    // The last few blocks, in the second half of the body.
    let edge = |i: usize| i + REPEAT_EDGE_BLOCKS >= n && 2 * i >= n;
    let verdicts = dedup::repeats(&body, &outside_refs, edge);
    let openings: Vec<String> = drafts
        .iter()
        .map(|d| {
            d.block
                .text
                .split_whitespace()
                .take(8)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let mut kept = Vec::with_capacity(n);
    for (draft, verdict) in drafts.into_iter().zip(verdicts) {
        let reason = match verdict {
            None => {
                kept.push(draft);
                continue;
            }
            Some(Repeat::OutsideBody) => Reason::CopyOutsideBody,
            Some(Repeat::AtEdge) => Reason::RepeatedAtEdge,
            Some(Repeat::Of(first)) => Reason::Duplicate {
                of: openings[first].clone(),
            },
        };
        record(removals, &draft, reason);
    }
    kept
}

/// The text of the units (paragraphs, list items...) under the given roots, long enough to be
/// compared with the body's blocks.
fn unit_texts(analysis: &Analysis<'_>, body: &Body, roots: &[usize]) -> Vec<String> {
    let in_body = |j: usize| {
        body.roots
            .iter()
            .any(|&r| r <= j && j < analysis.dom.nodes[r].end)
    };
    let dom = &analysis.dom;
    let measures = &analysis.measures;
    let mut texts: BTreeMap<usize, String> = BTreeMap::new();
    for &root in roots {
        let mut j = root;
        while j < dom.nodes[root].end {
            if analysis.dead[j] {
                j = dom.nodes[j].end;
                continue;
            }
            let owner = measures.owner[j];
            // Inside a zone of the body, an explicit article body may be the body again.
            let outside = body.zone[j].is_some() || !in_body(j);
            if dom.nodes[j].tag == Tag::Text
                && outside
                && owner != usize::MAX
                && measures.unit[owner].chars >= MIN_COMPARED_CHARS
            {
                let text = texts.entry(owner).or_default();
                text.push(' ');
                text.push_str(dom.nodes[j].text);
            }
            j += 1;
        }
    }
    texts.into_values().collect()
}

/// Units outside the body shorter than this are not compared with the body (they could not hold
/// [`dedup::MIN_WORDS`] words).
const MIN_COMPARED_CHARS: u32 = 60;

/// A terminator ("Read also", "Tags:") ends the article only after this share of its text.
const TERMINATOR_AFTER_SHARE: f32 = 0.5;
/// Longest block read as a terminator line.
const TERMINATOR_MAX_CHARS: usize = 160;
/// Longest leading block read as a caption or a credit line.
const CREDIT_MAX_CHARS: usize = 300;

/// Drops boilerplate that a cue names at the body's edges: a terminator line in the second half
/// ("Read also:", "Tags:", "Share this") and all after it; appeals and newsletter boxes ending the
/// body; photo credits opening it. A cue inside the article never removes anything.
fn trim_cued_edges(body: &Body, drafts: Vec<Draft>, removals: &mut Vec<Removal>) -> Vec<Draft> {
    if body.rules == Rules::Listing || drafts.is_empty() {
        return drafts;
    }
    let lengths: Vec<usize> = drafts
        .iter()
        .map(|d| d.block.text.chars().count())
        .collect();
    let total: usize = lengths.iter().sum();
    let mut end = drafts.len();
    let mut before = 0usize;
    for (i, draft) in drafts.iter().enumerate() {
        // A section heading ("See also") opens more of the document; a line ("Read also:") ends it.
        if before as f32 >= TERMINATOR_AFTER_SHARE * total as f32
            && lengths[i] <= TERMINATOR_MAX_CHARS
            && !matches!(draft.block.kind, BlockKind::Heading { .. })
            && cues::find(&draft.block.text).is_some_and(|(cue, _)| cue.ends_article())
        {
            end = i;
            break;
        }
        before += lengths[i];
    }
    // Appeals, newsletter boxes and credits standing last.
    while end > 0
        && cues::find(&drafts[end - 1].block.text).is_some_and(|(cue, _)| {
            matches!(cue, Cue::Appeal | Cue::Newsletter | Cue::Cookie) || cue.ends_article()
        })
    {
        end -= 1;
    }
    // Photo captions and credit lines standing first: a caption with a credit anywhere, a short
    // block opening or ending with one.
    let mut start = 0;
    while start < end && lengths[start] <= CREDIT_MAX_CHARS && {
        let text = &drafts[start].block.text;
        let caption = drafts[start].block.kind == BlockKind::Caption;
        let credit = cues::find_where(text).filter(|(cue, _, _)| *cue == Cue::Credit);
        credit.is_some_and(|(_, _, opens)| caption || opens)
            || cues::ends_with_credit(text).is_some()
    } {
        start += 1;
    }
    let mut kept = Vec::with_capacity(end - start);
    for (i, draft) in drafts.into_iter().enumerate() {
        if (start..end).contains(&i) {
            kept.push(draft);
        } else if let Some((_, phrase)) = cues::find(&draft.block.text) {
            record(removals, &draft, Reason::Cue { phrase });
        } else {
            record(removals, &draft, Reason::EdgeNoise);
        }
    }
    kept
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;
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
        let cells = |cells: &[&str], header| BlockKind::TableRow {
            cells: cells.iter().map(|c| c.to_string()).collect(),
            header,
        };
        let body_text = format!("BODY_TEXT {}", PROSE[0]);
        assert_eq!(
            kinds_and_texts(&page),
            vec![
                (BlockKind::Paragraph, body_text.as_str()),
                (BlockKind::Heading { level: 2 }, "HEADING_TEXT"),
                (BlockKind::ListItem, "LIST_ONE first stop at the harbour."),
                (BlockKind::ListItem, "LIST_TWO then the pier."),
                (
                    BlockKind::Quote,
                    "QUOTE_TEXT We are delighted, and so are our passengers."
                ),
                (BlockKind::Code, "CODE_TEXT"),
                (cells(&["Day", "Time"], true), "Day | Time"),
                (cells(&["Monday", "08:00"], false), "Monday | 08:00"),
                (cells(&["Tuesday", "09:30"], false), "Tuesday | 09:30"),
                (BlockKind::Paragraph, PROSE[1]),
            ]
        );
        assert_removals_once(&html, &page);
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
            .find(|b| b.kind == BlockKind::Code)
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
