//! Footnotes in Markdown: a block that starts a note is written as its GFM definition.

use crate::blocks::{Block, BlockKind};

/// The label of the footnote the block starts, if it does.
pub(super) fn note_label(block: &Block) -> Option<&str> {
    if matches!(
        block.kind,
        BlockKind::ListItem {
            continued: true,
            ..
        }
    ) {
        return None;
    }
    block.note().map(|(label, _)| label)
}

/// Writes a note's first paragraph, `body`, as the definition of `label`, its later lines
/// indented.
pub(super) fn push_definition(out: &mut String, body: &str, label: &str) {
    super::markdown::push_prefixed(out, body.trim(), &format!("[^{label}]: "), "    ");
}
