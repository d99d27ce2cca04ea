//! Tables: a data table's rows as blocks of cells; a layout table is read as the blocks it holds.
//!
//! A data table's rows are laid out on one grid: a cell spanning rows (`rowspan`) leaves an empty
//! cell in the rows below it, so every renderer can write the table as a rectangle. A cell's
//! paragraphs, lines and list items are the lines of its text, a list item's led by `• `, which
//! the renderers keep.

use crate::blocks::{Block, BlockKind};
use crate::dom::{Dom, Tag};
use crate::extract::build::draft::Draft;
use crate::extract::build::math::{self, Formulas, Piece};
use crate::extract::select::Body;
use crate::page::Page;
use crate::removal::{Reason, Removals, Stage};
use crate::rules::marks::{self, Mark};

/// The widest column a `rowspan` is followed to: a wider grid is not a table a reader reads.
const SPANNED_COLUMNS: usize = 64;

/// Pushes the caption and the rows of the data table `table` onto `drafts`; its cells' formulas
/// are their TeX, and the renderings of formulas left out are recorded, as are the site's chrome
/// and a product page's furniture inside a cell (a pop-up, a tooltip beside a spec's name), by
/// the boilerplate zones of `body`.
pub(super) fn rows(
    page: &Page<'_>,
    body: &Body,
    table: usize,
    formulas: &Formulas,
    drafts: &mut Vec<Draft>,
    removals: &mut Removals,
) {
    let dom = &page.dom;
    let dead = &page.dead;
    let mut below = RowSpans::default();
    // The row group (`<thead>`, `<tbody>`, `<tfoot>`) of the last row: a cell spans rows of
    // its own group only.
    let mut group = usize::MAX;
    for j in table..dom.nodes[table].end {
        if dead[j] {
            continue;
        }
        let block = match dom.nodes[j].tag {
            Tag::Caption => {
                let text = dom.text_of(j, |k| dead[k]);
                (!text.is_empty()).then(|| Block::new(BlockKind::Caption, text, dom.id(j)))
            }
            Tag::Tr => {
                if dom.nodes[j].parent != group {
                    group = dom.nodes[j].parent;
                    below.left.clear();
                }
                row(page, (&body.zone, table), j, formulas, &mut below, removals)
            }
            _ => None,
        };
        if let Some(block) = block {
            drafts.push(Draft {
                block,
                owner: j,
                start: j,
                texts: Vec::new(),
                whole: true,
            });
        }
    }
}

/// The columns that cells of rows above still cover, and for how many more rows.
#[derive(Default)]
struct RowSpans {
    left: Vec<u16>,
}

/// The row `tr` of `table` as a block, the columns that cells above it span left empty; `None`
/// when none of its cells holds text.
fn row(
    page: &Page<'_>,
    (zone, table): (&[Option<Mark>], usize),
    tr: usize,
    formulas: &Formulas,
    below: &mut RowSpans,
    removals: &mut Removals,
) -> Option<Block> {
    let dom = &page.dom;
    let above = std::mem::take(&mut below.left);
    let covered = |column: usize| above.get(column).is_some_and(|&n| n > 0);
    let (mut cells, mut colspans, mut tags) = (Vec::new(), Vec::new(), Vec::new());
    // Leaves the next column empty.
    let empty = |cells: &mut Vec<String>, colspans: &mut Vec<u16>| {
        cells.push(String::new());
        colspans.push(1);
    };
    let mut column = 0;
    for c in children(dom, tr).filter(|&c| !page.dead[c]) {
        let tag = dom.nodes[c].tag;
        if !matches!(tag, Tag::Td | Tag::Th) {
            continue;
        }
        while covered(column) {
            empty(&mut cells, &mut colspans);
            column += 1;
        }
        let span = number(dom.attr(c, "colspan")).clamp(1, 100);
        let down = number(dom.attr(c, "rowspan")).clamp(1, 1000);
        let wide = usize::from(span);
        if down > 1 && column + wide <= SPANNED_COLUMNS {
            below.left.resize(below.left.len().max(column + wide), 0);
            below.left[column..column + wide].fill(down - 1);
        }
        cells.push(cell_text(page, zone, c, formulas, removals));
        colspans.push(span);
        tags.push(tag);
        column += wide;
    }
    // Cells above that reach past this row's own cells.
    while column < above.len() {
        empty(&mut cells, &mut colspans);
        column += 1;
    }
    for (k, &n) in above.iter().enumerate().filter(|(_, n)| **n > 1) {
        below.left.resize(below.left.len().max(k + 1), 0);
        below.left[k] = n - 1;
    }
    if cells.iter().all(String::is_empty) {
        return None;
    }
    let in_head = dom.nodes[tr].parent != usize::MAX
        && dom.nodes[dom.nodes[tr].parent]
            .element
            .is_some_and(|e| e.name() == "thead");
    let header = in_head || tags.iter().all(|&tag| tag == Tag::Th);
    // The row's text is one line; a cell keeps its lines for the renderers.
    let text = cells.join(" | ").replace('\n', " ");
    let kind = BlockKind::TableRow {
        cells,
        header,
        colspans,
        table: dom.id(table),
    };
    Some(Block::new(kind, text, dom.id(tr)))
}

/// The whole number an attribute holds, 1 when it holds none.
fn number(value: Option<&str>) -> u16 {
    value
        .and_then(|s| s.trim().parse::<u16>().ok())
        .unwrap_or(1)
}

/// The text of cell `c`: a line per paragraph, `<br>` line and list item (led by `• `, as the
/// text output writes no list's numbers), its formulas as their TeX.
fn cell_text(
    page: &Page<'_>,
    zone: &[Option<Mark>],
    c: usize,
    formulas: &Formulas,
    removals: &mut Removals,
) -> String {
    let dom = &page.dom;
    let mut lines = Lines::default();
    // The ends of the open elements that end a line, and whether each is a list item.
    let mut ends: Vec<(usize, bool)> = Vec::new();
    let mut j = c + 1;
    while j < dom.nodes[c].end {
        while let Some(&(_, item)) = ends.last().filter(|(end, _)| *end <= j) {
            ends.pop();
            lines.end_line("");
            if item {
                // An item without text leaves no marker behind.
                lines.marker.clear();
            }
        }
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
        if let Some(mark) = zone[j]
            && zone[node.parent].is_none()
            && mark.is(marks::CHROME.with(marks::FURNITURE))
        {
            removals.record(
                dom.id(j),
                Stage::Filter,
                Reason::Markup { hint: mark.word() },
            );
            j = node.end;
            continue;
        }
        if let Some(formula) = formulas.at.get(&j) {
            lines.text.push_str(&formula.tex);
            j = node.end;
            continue;
        }
        match node.tag {
            Tag::Text => text_into(&mut lines.text, node.text, formulas),
            Tag::Br => lines.end_line(""),
            Tag::Li => {
                ends.push((node.end, true));
                lines.end_line("• ");
            }
            tag if ends_line(tag) => {
                ends.push((node.end, false));
                lines.end_line("");
            }
            tag if tag.is_block() => lines.text.push(' '),
            _ => {}
        }
        j += 1;
    }
    lines.end_line("");
    lines.done.join("\n")
}

/// The lines of a cell's text as they are read.
#[derive(Default)]
struct Lines {
    /// The lines read, whitespace collapsed, none empty.
    done: Vec<String>,
    /// The marker of the line being read (a list item's), and its text.
    marker: String,
    text: String,
}

impl Lines {
    /// Ends the line being read, keeping it when it holds text, and starts one led by `marker`;
    /// a list item's marker before no text yet leads the next line (`<li><p>..`).
    fn end_line(&mut self, marker: &str) {
        let line = crate::text::collapse_whitespace(&self.text);
        self.text.clear();
        if line.is_empty() && marker.is_empty() {
            return;
        }
        if !line.is_empty() {
            self.done.push(format!("{}{line}", self.marker));
        }
        self.marker.clear();
        self.marker.push_str(marker);
    }
}

/// Whether an element of a cell starts and ends a line of its text.
fn ends_line(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::P
            | Tag::Div
            | Tag::Dl
            | Tag::Dt
            | Tag::Dd
            | Tag::Blockquote
            | Tag::Heading(_)
            | Tag::Address
            | Tag::Figure
            | Tag::Figcaption
    )
}

/// Pushes the text `text` of a cell, with `\(..\)` and `$..$` formulas as their TeX.
fn text_into(raw: &mut String, text: &str, formulas: &Formulas) {
    if formulas.is_empty() {
        raw.push_str(text);
        return;
    }
    match math::split_delimited(text, formulas.dollars) {
        Some(pieces) => pieces.into_iter().for_each(|piece| match piece {
            Piece::Text(text) | Piece::Tex { tex: text, .. } => raw.push_str(text),
        }),
        None => raw.push_str(text),
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

/// Whether a table holds data (rows and columns of short cells) rather than page layout. A
/// table that holds headings, sections, code, quotations or other tables lays out a page, and
/// so does one with a cell of prose (paragraphs that run long), or a single column that is not a
/// short list (one cell wrapping the article).
pub(super) fn is_data_table(dom: &Dom<'_>, dead: &[bool], table: usize) -> bool {
    /// Paragraphs, and characters in them, that make a cell a column of the page rather than a
    /// cell of data.
    const PROSE: (usize, usize) = (2, 500);
    let (mut rows, mut max_cells, mut cells, mut text) = (0usize, 0usize, 0usize, 0usize);
    let mut headers = false;
    // The end of the cell being read, and the paragraphs and characters read in it.
    let (mut cell_end, mut paragraphs, mut cell_text) = (0usize, 0usize, 0usize);
    for (j, node) in dom.nodes[..dom.nodes[table].end]
        .iter()
        .enumerate()
        .skip(table + 1)
    {
        if dead[j] {
            continue;
        }
        match node.tag {
            Tag::Table
            | Tag::Pre
            | Tag::Heading(_)
            | Tag::Article
            | Tag::Section
            | Tag::Blockquote => return false,
            Tag::Tr => {
                rows += 1;
                let n = children(dom, j)
                    .filter(|&c| matches!(dom.nodes[c].tag, Tag::Td | Tag::Th))
                    .count();
                max_cells = max_cells.max(n);
                cells += n;
            }
            Tag::Td | Tag::Th => {
                headers |= node.tag == Tag::Th;
                (cell_end, paragraphs, cell_text) = (node.end, 0, 0);
            }
            Tag::P if j < cell_end => paragraphs += 1,
            Tag::Caption => headers = true,
            Tag::Block => headers |= node.element.is_some_and(|e| e.name() == "thead"),
            Tag::Text => {
                let n = node.text.trim().chars().count();
                text += n;
                cell_text += n;
                if j < cell_end && paragraphs >= PROSE.0 && cell_text >= PROSE.1 {
                    return false;
                }
            }
            _ => {}
        }
    }
    if rows == 0 || max_cells == 0 {
        return false;
    }
    let mean_cell = text / cells.max(1);
    if max_cells == 1 {
        // One column: a short list with a head, or the page's layout.
        return headers && rows >= 3 && mean_cell < 80;
    }
    (headers || rows >= 2) && mean_cell < 200
}

#[cfg(test)]
mod tests {
    use crate::blocks::BlockKind;
    use crate::{Config, Extraction};

    const PROSE: [&str; 2] = [
        "The harbour board met on Tuesday and agreed the summer fares for the island boats, \
         which rise for the first time in four years.",
        "Season tickets bought before the end of March keep last year's price, the board said, \
         and children under five still travel free.",
    ];

    fn extract(table: &str) -> Extraction {
        let html = format!(
            "<html><head><title>Ferry fares</title></head><body><article><p>{}</p>{table}\
             <p>{}</p></article></body></html>",
            PROSE[0], PROSE[1]
        );
        let config = Config {
            include_title: false,
            ..Config::default()
        };
        crate::extract(&html, &config).expect("extracts")
    }

    /// The cells and header flag of each row.
    fn rows(page: &Extraction) -> Vec<(Vec<&str>, bool)> {
        page.blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::TableRow { cells, header, .. } => {
                    Some((cells.iter().map(String::as_str).collect(), *header))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_head_of_plain_cells_is_a_header_and_a_row_header_is_not() {
        let page = extract(
            "<table><thead><tr><td>Route</td><td>Adult</td><td>Child</td></tr></thead>\
             <tbody><tr><th scope=row>Pier to Holm</th><td>£4.20</td><td>£2.10</td></tr>\
             <tr><th scope=row>Holm to Skerry</th><td>£6.80</td><td>£3.40</td></tr></tbody></table>",
        );
        assert_eq!(
            rows(&page),
            vec![
                (vec!["Route", "Adult", "Child"], true),
                (vec!["Pier to Holm", "£4.20", "£2.10"], false),
                (vec!["Holm to Skerry", "£6.80", "£3.40"], false),
            ]
        );
    }

    #[test]
    fn cells_spanning_rows_leave_empty_cells_below() {
        let page = extract(
            "<table><tr><th rowspan=2>Route</th><th colspan=2>Fare</th></tr>\
             <tr><th>Adult</th><th>Child</th></tr>\
             <tr><td rowspan=3>Pier to Holm</td><td>£4.20</td><td>£2.10</td></tr>\
             <tr><td colspan=2 rowspan=2>Free on Sundays</td></tr>\
             <tr></tr><tr><td rowspan=9>Holm to Skerry</td><td>£6.80</td><td>£3.40</td></tr>\
             </tbody><tbody><tr><td>Skerry to Pier</td><td>£5.00</td><td>£2.50</td></tr></table>",
        );
        assert_eq!(
            rows(&page),
            vec![
                (vec!["Route", "Fare"], true),
                (vec!["", "Adult", "Child"], true),
                (vec!["Pier to Holm", "£4.20", "£2.10"], false),
                (vec!["", "Free on Sundays"], false),
                (vec!["Holm to Skerry", "£6.80", "£3.40"], false),
                (vec!["Skerry to Pier", "£5.00", "£2.50"], false),
            ]
        );
        let markdown = page.markdown(&crate::RenderOptions::default());
        assert!(
            markdown.contains("|  | Free on Sundays |  |\n| Holm to Skerry |"),
            "{markdown}"
        );
    }

    #[test]
    fn paragraphs_lines_and_list_items_of_a_cell_are_its_lines() {
        let page = extract(
            "<table><tr><th>Ticket</th><th>Terms</th></tr>\
             <tr><td><code>day</code> return</td><td><p>Valid on the day of issue.</p>\
             <p>Not on the <b>last</b> boat.</p></td></tr>\
             <tr><td>Season</td><td>Valid on:<ul><li>every boat</li><li><p>the bus</p></li></ul>\
             <ol><li>third</li><li>fourth</li><li> </li></ol>Signed<br>The board</td></tr></table>",
        );
        let rows = rows(&page);
        assert_eq!(
            rows[1].0,
            vec![
                "day return",
                "Valid on the day of issue.\nNot on the last boat."
            ]
        );
        assert_eq!(
            rows[2].0[1],
            "Valid on:\n• every boat\n• the bus\n• third\n• fourth\nSigned\nThe board"
        );
        let row = page.blocks.iter().find(|b| b.text.starts_with("Season"));
        assert_eq!(
            row.map(|b| b.text.as_str()),
            Some("Season | Valid on: • every boat • the bus • third • fourth Signed The board")
        );
    }

    #[test]
    fn layout_tables_are_read_as_their_paragraphs_and_short_grids_as_data() {
        let prose = |k: usize| PROSE[k % 2].replace("board", &format!("board ({k})"));
        // One cell wrapping the article, and a table whose cell holds paragraphs of prose.
        let wrapper = format!(
            "<table><tr><td><p>{}</p><p>{}</p></td></tr></table>",
            prose(2),
            prose(3)
        );
        let news: String = (4..8).map(|k| format!("<p>{}</p>", prose(k))).collect();
        let columns = format!(
            "<table><tr><th>News</th><th>Links</th></tr><tr><td>{news}</td><td>Timetable</td>\
             </tr></table>"
        );
        for layout in [wrapper, columns] {
            let page = extract(&layout);
            assert!(rows(&page).is_empty(), "{layout}");
            assert!(
                page.blocks.iter().any(|b| b.kind == BlockKind::Paragraph
                    && b.text == prose(2).as_str()
                    || b.text == prose(4).as_str()),
                "{:?}",
                page.blocks
            );
        }
        // Short cells, one of several short paragraphs, and a one-column list with a head.
        let specs = extract(
            "<table><tr><th>Boat</th><td>Island Maid</td></tr><tr><th>Deck</th><td>\
             <p>Open</p><p>Covered aft</p><p>Heated cabin</p></td></tr></table>\
             <table><tr><th>Stops</th></tr><tr><td>Pier</td></tr><tr><td>Holm</td></tr>\
             <tr><td>Skerry</td></tr></table>",
        );
        assert_eq!(
            rows(&specs),
            vec![
                (vec!["Boat", "Island Maid"], false),
                (vec!["Deck", "Open\nCovered aft\nHeated cabin"], false),
                (vec!["Stops"], true),
                (vec!["Pier"], false),
                (vec!["Holm"], false),
                (vec!["Skerry"], false),
            ]
        );
    }

    #[test]
    fn a_pop_up_inside_a_cell_is_left_out_and_recorded() {
        let page = extract(
            "<table><tr><th>Fare</th><th>Price</th></tr><tr><td>Return \
             <div class=\"fare-popover\">POPOVER_TEXT A return is valid for a month from the day \
             of issue.</div></td><td>12.50</td></tr><tr><td>Single</td><td>7.00</td></tr></table>",
        );
        assert_eq!(
            rows(&page),
            vec![
                (vec!["Fare", "Price"], true),
                (vec!["Return", "12.50"], false),
                (vec!["Single", "7.00"], false),
            ]
        );
        assert!(
            page.removals
                .iter()
                .any(|r| matches!(r.reason, crate::removal::Reason::Markup { hint: "popover" })),
            "{:?}",
            page.removals
        );
    }
}
