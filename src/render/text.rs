//! Plain text: blocks separated by a blank line; list items and table rows one per line; rules
//! and inline formatting left out.

use crate::blocks::{Block, BlockKind};

/// Renders blocks as plain text, ending with a newline unless empty.
pub(crate) fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut previous: Option<&BlockKind> = None;
    for block in blocks.iter().filter(|b| b.kind != BlockKind::Rule) {
        if let Some(prev) = previous {
            let tight = matches!(
                (prev, &block.kind),
                (BlockKind::ListItem { .. }, BlockKind::ListItem { .. })
                    | (BlockKind::TableRow { .. }, BlockKind::TableRow { .. })
            );
            out.push_str(if tight { "\n" } else { "\n\n" });
        }
        out.push_str(&block.text);
        previous = Some(&block.kind);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(specs: &[(BlockKind, &str)]) -> Vec<Block> {
        let node = crate::blocks::NodeId::DOCUMENT;
        specs
            .iter()
            .map(|(kind, text)| Block::new(kind.clone(), *text, node))
            .collect()
    }

    fn row(cells: &[&str]) -> BlockKind {
        BlockKind::TableRow {
            cells: cells.iter().map(|c| (*c).to_owned()).collect(),
            header: false,
            colspans: vec![1; cells.len()],
            table: crate::blocks::NodeId::DOCUMENT,
        }
    }

    #[test]
    fn blocks_are_separated_by_a_blank_line() {
        let out = render(&blocks(&[
            (BlockKind::Title, "TITLE_TEXT"),
            (BlockKind::Heading { level: 2 }, "HEADING_TEXT"),
            (BlockKind::Paragraph, "BODY_TEXT one"),
            (BlockKind::Paragraph, "BODY_TEXT two"),
            (BlockKind::Quote { depth: 1 }, "QUOTE_TEXT"),
        ]));
        assert_eq!(
            out,
            "TITLE_TEXT\n\nHEADING_TEXT\n\nBODY_TEXT one\n\nBODY_TEXT two\n\nQUOTE_TEXT\n"
        );
    }

    #[test]
    fn list_items_and_table_rows_are_one_per_line() {
        let out = render(&blocks(&[
            (BlockKind::Paragraph, "BODY_TEXT"),
            (BlockKind::BULLET, "LIST_ONE"),
            (BlockKind::BULLET, "LIST_TWO"),
            (row(&["a", "b"]), "a | b"),
            (row(&["c", "d"]), "c | d"),
            (BlockKind::BULLET, "LIST_THREE"),
        ]));
        assert_eq!(
            out,
            "BODY_TEXT\n\nLIST_ONE\nLIST_TWO\n\na | b\nc | d\n\nLIST_THREE\n"
        );
    }

    #[test]
    fn text_inside_a_block_is_written_as_is() {
        let out = render(&blocks(&[
            (
                BlockKind::Code { language: None },
                "fn main() {\n    CODE_TEXT\n}",
            ),
            (BlockKind::Paragraph, "LINE_ONE\nLINE_TWO"),
        ]));
        assert_eq!(out, "fn main() {\n    CODE_TEXT\n}\n\nLINE_ONE\nLINE_TWO\n");
    }

    #[test]
    fn output_ends_with_one_newline_and_is_empty_without_blocks() {
        assert_eq!(render(&[]), "");
        assert_eq!(
            render(&blocks(&[(BlockKind::Paragraph, "BODY_TEXT")])),
            "BODY_TEXT\n"
        );
        assert_eq!(
            render(&blocks(&[(BlockKind::BULLET, "LIST_ONE")])),
            "LIST_ONE\n"
        );
    }
}
