//! The whole page, block by block, each kept or removed with its stage and reason: the record
//! behind `--explain` and `--diff`.

use std::collections::HashMap;

use ego_tree::NodeId;

use crate::dom::measure::Measures;
use crate::dom::{Dom, Tag};
use crate::extraction::PageBlock;
use crate::removal::{Reason, Removal};
use crate::text::collapse_whitespace;

/// Lists the page's visible text block by block, each with the removal that covers it.
/// Scripts, styles and the `<head>` are not visible text and are left out.
pub(crate) fn page_blocks(
    dom: &Dom<'_>,
    measures: &Measures,
    removals: &[Removal],
) -> Vec<PageBlock> {
    let by_node: HashMap<NodeId, usize> = removals
        .iter()
        .enumerate()
        .map(|(k, r)| (r.node, k))
        .collect();
    let mut covering: Vec<Option<usize>> = vec![None; dom.len()];
    let mut blocks: Vec<PageBlock> = Vec::new();
    let mut current: Option<(usize, Option<usize>)> = None;
    let mut buffer = String::new();
    let mut buffer_node = None;
    for i in 0..dom.len() {
        let node = &dom.nodes[i];
        let inherited = (node.parent != usize::MAX)
            .then(|| covering[node.parent])
            .flatten();
        covering[i] = by_node.get(&node.id).copied().or(inherited);
        if node.tag != Tag::Text || node.text.trim().is_empty() {
            continue;
        }
        let removal = covering[i];
        if removal.is_some_and(|k| matches!(removals[k].reason, Reason::NeverContent { .. })) {
            continue;
        }
        let owner = if measures.owner[i] == usize::MAX {
            node.parent
        } else {
            measures.owner[i]
        };
        let key = (owner, removal);
        if current != Some(key) {
            flush(&mut blocks, &mut buffer, buffer_node, current, removals);
            current = Some(key);
            buffer_node = Some(if owner == usize::MAX {
                node.id
            } else {
                dom.nodes[owner].id
            });
        }
        buffer.push_str(node.text);
    }
    flush(&mut blocks, &mut buffer, buffer_node, current, removals);
    blocks
}

fn flush(
    blocks: &mut Vec<PageBlock>,
    buffer: &mut String,
    node: Option<NodeId>,
    key: Option<(usize, Option<usize>)>,
    removals: &[Removal],
) {
    let text = collapse_whitespace(buffer);
    buffer.clear();
    let (Some(node), Some((_, removal))) = (node, key) else {
        return;
    };
    if text.is_empty() {
        return;
    }
    blocks.push(PageBlock {
        text,
        node,
        removed: removal.map(|k| (removals[k].stage, removals[k].reason.clone())),
    });
}
