//! Tables as Markdown and HTML write them. A table is a run of [`BlockKind::TableRow`] blocks; a
//! cell's text holds its lines (its paragraphs, `<br>` lines and list items, these led by
//! `• `).
//!
//! Markdown writes a GFM table, a cell's lines joined by `<br>`, and when the rows do not fit
//! one grid ([`grid`]) an HTML table, which a Markdown reader shows as it is: the text is never
//! lost to a grid. HTML writes a cell's lines with `<br>` and its list items as a list.

use super::grid;
use super::html::escape_into as escape_html;
use super::md_escape::escape_into;
use crate::blocks::{Block, BlockKind};

/// Writes the rows of one table as Markdown.
pub(super) fn markdown(out: &mut String, rows: &[Block]) {
    match grid(rows) {
        Some(grid) => push_gfm(out, &grid),
        None => {
            // An HTML block: no blank line inside, so that it holds the whole table.
            out.push_str("<table>\n");
            html_rows(out, rows, false);
            out.push_str("</table>");
        }
    }
}

/// A GFM table; the first row is its header.
fn push_gfm(out: &mut String, grid: &[Vec<&str>]) {
    for (k, line) in grid.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        out.push('|');
        for cell in line {
            out.push(' ');
            escape_cell(out, cell);
            out.push_str(" |");
        }
        if k == 0 {
            out.push_str("\n|");
            out.push_str(&" --- |".repeat(line.len()));
        }
    }
}

/// Cell text: pipes escaped, line breaks as `<br>`.
fn escape_cell(out: &mut String, cell: &str) {
    for (k, line) in cell.split('\n').enumerate() {
        if k > 0 {
            out.push_str("<br>");
        }
        escape_into(out, line, true);
    }
}

/// Writes the rows of one table as HTML `<tr>` elements, the leading header rows in `<thead>`
/// and the others in `<tbody>`; a header row's cells are `<th>`. With `lists`, a cell's list
/// items are written as a list, else as lines led by their markers.
pub(super) fn html_rows(out: &mut String, rows: &[Block], lists: bool) {
    let is_header = |row: &Block| matches!(row.kind, BlockKind::TableRow { header: true, .. });
    let head = rows.iter().take_while(|row| is_header(row)).count();
    for (k, row) in rows.iter().enumerate() {
        let BlockKind::TableRow {
            cells,
            colspans,
            header,
            ..
        } = &row.kind
        else {
            continue;
        };
        match k {
            0 if head > 0 => out.push_str("<thead>\n"),
            _ if k == head => out.push_str("<tbody>\n"),
            _ => {}
        }
        let tag = if *header { "th" } else { "td" };
        out.push_str("<tr>");
        for (c, cell) in cells.iter().enumerate() {
            out.push('<');
            out.push_str(tag);
            if let Some(&span) = colspans.get(c).filter(|&&s| s > 1) {
                out.push_str(&format!(" colspan=\"{span}\""));
            }
            out.push('>');
            cell_html(out, cell, lists);
            out.push_str("</");
            out.push_str(tag);
            out.push('>');
        }
        out.push_str("</tr>\n");
        if k + 1 == head {
            out.push_str("</thead>\n");
        }
    }
    if rows.len() > head {
        out.push_str("</tbody>\n");
    }
}

/// The lines of a cell: `<br>` between two lines of text; with `lists`, a run of list items as
/// a list.
fn cell_html(out: &mut String, cell: &str, lists: bool) {
    let lines: Vec<&str> = cell.split('\n').collect();
    let mut k = 0;
    let mut after_text = false;
    while k < lines.len() {
        let items = match lists {
            true => lines[k..]
                .iter()
                .take_while(|l| l.starts_with("• "))
                .count(),
            false => 0,
        };
        if items == 0 {
            if after_text {
                out.push_str("<br>");
            }
            escape_html(out, lines[k], false);
            after_text = true;
            k += 1;
            continue;
        }
        out.push_str("<ul>");
        for line in &lines[k..k + items] {
            out.push_str("<li>");
            escape_html(out, line.strip_prefix("• ").unwrap_or(line), false);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
        after_text = false;
        k += items;
    }
}

#[cfg(test)]
mod tests {
    use crate::blocks::{Block, BlockKind};
    use crate::render::fixtures::{block, row};
    use crate::render::{Links, RenderOptions};

    fn md(blocks: &[Block]) -> String {
        let links = Links::new(Some("https://example.org/docs/api.html"), None);
        crate::render::markdown::render(blocks, &RenderOptions::default(), &links)
    }

    fn html(blocks: &[Block]) -> String {
        let links = Links::new(Some("https://example.org/docs/api.html"), None);
        crate::render::html::render(blocks, None, None, &RenderOptions::default(), &links)
    }

    #[track_caller]
    fn assert_round_trip(blocks: &[Block]) {
        let markdown = md(blocks);
        let text = crate::render::text::render(blocks);
        assert_eq!(
            unchaff_read_back::read_back(&markdown),
            unchaff_read_back::normal(&text),
            "markdown:\n{markdown}"
        );
    }

    #[test]
    fn tables_are_gfm_with_escaped_pipes_and_flattened_spans() {
        let blocks = [
            row(&["Day", "Time", "Price"], &[1, 1, 1], true),
            row(&["Monday", "08:00"], &[1, 1], false),
            row(&["Closed | all day"], &[3], false),
        ];
        assert_eq!(
            md(&blocks),
            "| Day | Time | Price |\n| --- | --- | --- |\n| Monday | 08:00 |  |\n\
             | Closed \\| all day |  |  |\n"
        );
        assert_round_trip(&blocks);
    }

    #[test]
    fn a_table_too_irregular_for_a_grid_is_written_as_html() {
        let wide: Vec<String> = (0..40).map(|k| format!("c{k}")).collect();
        let wide: Vec<&str> = wide.iter().map(String::as_str).collect();
        let blocks = [
            row(&wide, &[1; 40], true),
            row(&["- first <b> & co"], &[1], false),
            row(&["second | half\n• one\n• two"], &[1], false),
            block(BlockKind::Paragraph, "After."),
        ];
        let out = md(&blocks);
        assert!(
            out.starts_with("<table>\n<thead>\n<tr><th>c0</th><th>c1</th>"),
            "{out}"
        );
        assert!(
            out.ends_with(
                "<tbody>\n<tr><td>- first &lt;b&gt; &amp; co</td></tr>\n\
                 <tr><td>second | half<br>• one<br>• two</td></tr>\n</tbody>\n</table>\n\nAfter.\n"
            ),
            "{out}"
        );
        assert!(!out.contains("\n\n<"), "one HTML block:\n{out}");
        assert_round_trip(&blocks);
    }

    #[test]
    fn short_rows_of_a_narrow_table_are_still_padded() {
        let blocks = [
            row(&["a", "b", "c", "d", "e", "f"], &[1; 6], true),
            row(&["Section"], &[1], false),
            row(&["Across"], &[20], false),
        ];
        let out = md(&blocks);
        assert!(out.starts_with("| a | b | c | d | e | f |  |"), "{out}");
        assert!(
            out.contains(&format!("\n| Section |{}\n", "  |".repeat(19))),
            "{out}"
        );
        assert_eq!(
            out.lines().last().map(|l| l.matches(" |").count()),
            Some(20)
        );
        assert_round_trip(&blocks);
    }

    #[test]
    fn a_cells_lines_and_list_items_stay_apart_in_every_format() {
        let blocks = [
            row(&["Parameter", "Description"], &[1, 1], true),
            row(
                &[
                    "timeout",
                    "Seconds to wait.\nNone waits forever.\n• int\n• float\nThen:\n• first",
                ],
                &[1, 1],
                false,
            ),
        ];
        let out = md(&blocks);
        assert!(
            out.contains(
                "| timeout | Seconds to wait.<br>None waits forever.<br>• int<br>• float<br>\
                 Then:<br>• first |"
            ),
            "{out}"
        );
        assert_round_trip(&blocks);
        let out = html(&blocks);
        assert!(
            out.contains(
                "<td>Seconds to wait.<br>None waits forever.<ul><li>int</li><li>float</li></ul>\
                 Then:<ul><li>first</li></ul></td>"
            ),
            "{out}"
        );
        assert!(out.contains("<thead>\n<tr><th>Parameter</th>"), "{out}");
        let text = crate::render::text::render(&blocks);
        assert!(
            text.ends_with(
                "timeout | Seconds to wait. None waits forever. • int • float Then: • first\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn a_lone_number_is_text_and_header_rows_lead_the_html() {
        let blocks = [
            row(&["Date", "Event"], &[1, 1], true),
            row(&["Year", "Month"], &[1, 1], true),
            row(&["2. May", "Opening"], &[1, 1], false),
            row(&["Spring"], &[2], true),
        ];
        let out = html(&blocks);
        assert!(
            out.contains(
                "<thead>\n<tr><th>Date</th><th>Event</th></tr>\n<tr><th>Year</th><th>Month</th></tr>\n\
                 </thead>\n<tbody>\n<tr><td>2. May</td><td>Opening</td></tr>\n\
                 <tr><th colspan=\"2\">Spring</th></tr>\n</tbody>"
            ),
            "{out}"
        );
    }
}
