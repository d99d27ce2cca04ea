//! A draft of a block: the block, and what the filters need to know of where it came from.

use crate::blocks::{Block, NodeId};

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
