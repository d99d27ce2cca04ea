//! Plain text: blocks separated by a blank line; list items and table rows one per line.

use crate::blocks::{Block, BlockKind};

/// Renders blocks as plain text, ending with a newline unless empty.
pub(crate) fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut previous: Option<&BlockKind> = None;
    for block in blocks {
        if let Some(prev) = previous {
            let tight = matches!(
                (prev, &block.kind),
                (BlockKind::ListItem, BlockKind::ListItem)
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
