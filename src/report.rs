//! The CLI's views of what was removed: `--explain` lines and the `--diff`.

use std::collections::BTreeSet;
use std::fmt::Write;

use similar::{DiffTag, TextDiff};
use unchaff::PageBlock;

/// Characters of a block's text shown on an `--explain` line.
const SHOWN_CHARS: usize = 60;
/// Kept lines of context around the removals in a diff hunk.
const CONTEXT: usize = 2;

/// One line per block of the page: kept or removed, the stage and reason, the opening text.
pub fn explain(page: &[PageBlock]) -> String {
    let mut out = String::new();
    for block in page {
        let opening: String = block.text.chars().take(SHOWN_CHARS).collect();
        let more = if block.text.chars().count() > SHOWN_CHARS {
            "…"
        } else {
            ""
        };
        // Writing to a String cannot fail.
        let _ = match &block.removed {
            None => writeln!(out, "kept     | {opening}{more}"),
            Some((stage, reason)) => {
                let stage = format!("{stage:?}").to_lowercase();
                writeln!(out, "removed  | {stage}: {reason} | {opening}{more}")
            }
        };
    }
    out
}

/// A unified diff of the page's text (a block a line) against the extracted text; each hunk
/// header names the reasons of the removals in it.
pub fn diff(page: &[PageBlock], color: bool) -> String {
    let old: Vec<&str> = page.iter().map(|b| b.text.as_str()).collect();
    let new: Vec<&str> = page
        .iter()
        .filter(|b| b.removed.is_none())
        .map(|b| b.text.as_str())
        .collect();
    let diff = TextDiff::from_slices(&old, &new);
    let (red, cyan, reset) = if color {
        ("\x1b[31m", "\x1b[36m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    let mut out = String::new();
    for group in diff.grouped_ops(CONTEXT) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let old_range = first.old_range().start..last.old_range().end;
        let new_range = first.new_range().start..last.new_range().end;
        let reasons: BTreeSet<String> = group
            .iter()
            .filter(|op| op.tag() == DiffTag::Delete)
            .flat_map(|op| op.old_range())
            .filter_map(|i| page[i].removed.as_ref())
            .map(|(stage, reason)| format!("{}: {reason}", format!("{stage:?}").to_lowercase()))
            .collect();
        let _ = writeln!(
            out,
            "{cyan}@@ -{},{} +{},{} @@ {}{reset}",
            old_range.start + 1,
            old_range.len(),
            new_range.start + 1,
            new_range.len(),
            reasons.into_iter().collect::<Vec<_>>().join("; ")
        );
        for op in &group {
            for i in op.old_range() {
                let _ = match op.tag() {
                    DiffTag::Equal => writeln!(out, " {}", old[i]),
                    _ => writeln!(out, "{red}-{}{reset}", old[i]),
                };
            }
        }
    }
    out
}
