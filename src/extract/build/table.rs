//! Tables: a data table's rows as blocks of cells; a layout table is read as the blocks it holds.

use crate::blocks::{Block, BlockKind};
use crate::dom::{Dom, Tag};
use crate::extract::build::draft::Draft;
use crate::extract::build::math::{self, Formulas, Piece};
use crate::page::Page;
use crate::removal::{Reason, Removals, Stage};

/// Pushes the caption and the rows of the data table `table` onto `drafts`; its cells' formulas
/// are their TeX, and the renderings of formulas left out are recorded.
pub(super) fn rows(
    page: &Page<'_>,
    table: usize,
    formulas: &Formulas,
    drafts: &mut Vec<Draft>,
    removals: &mut Removals,
) {
    let dom = &page.dom;
    let dead = &page.dead;
    let skip = |k: usize| dead[k];
    for j in table..dom.nodes[table].end {
        if dead[j] {
            continue;
        }
        match dom.nodes[j].tag {
            Tag::Caption => {
                let text = dom.text_of(j, skip);
                if !text.is_empty() {
                    drafts.push(Draft {
                        block: Block::new(BlockKind::Caption, text, dom.id(j)),
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
                        let text = if formulas.is_empty() {
                            dom.lines_of(c, skip)
                        } else {
                            cell_lines(page, c, formulas, removals)
                        };
                        (dom.nodes[c].tag, text, span)
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
                    table: dom.id(table),
                };
                drafts.push(Draft {
                    block: Block::new(kind, text, dom.id(j)),
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

/// The text of cell `c` as [`Dom::lines_of`] reads it, with its formulas as their TeX.
fn cell_lines(page: &Page<'_>, c: usize, formulas: &Formulas, removals: &mut Removals) -> String {
    const BREAK: char = '\0';
    let dom = &page.dom;
    let mut raw = String::new();
    let mut j = c;
    while j < dom.nodes[c].end {
        let node = &dom.nodes[j];
        if page.dead[j] {
            j = node.end;
            continue;
        }
        if let Some(&what) = formulas.renderings.get(&j) {
            removals.record(dom.id(j), Stage::Filter, Reason::Chrome { what });
            j = node.end;
            continue;
        }
        if let Some(formula) = formulas.at.get(&j) {
            raw.push_str(&formula.tex);
            j = node.end;
            continue;
        }
        match node.tag {
            Tag::Text => match math::split_delimited(node.text, formulas.dollars) {
                Some(pieces) => pieces.into_iter().for_each(|piece| match piece {
                    Piece::Text(text) | Piece::Tex { tex: text, .. } => raw.push_str(text),
                }),
                None => raw.push_str(node.text),
            },
            Tag::Br => raw.push(BREAK),
            tag if tag.is_block() => raw.push(' '),
            _ => {}
        }
        j += 1;
    }
    raw.split(BREAK)
        .map(crate::text::collapse_whitespace)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
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
pub(super) fn is_data_table(dom: &Dom<'_>, dead: &[bool], table: usize) -> bool {
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
