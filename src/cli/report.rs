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

/// A self-contained HTML page showing every block of the page in order: kept ones plain,
/// removed ones struck through and coloured by stage, with their reason, a legend and counts.
pub fn html(page: &[PageBlock], title: Option<&str>, source: &str) -> String {
    let title = escape(title.unwrap_or(source));
    let mut counts: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    let mut body = String::new();
    for block in page {
        let text = escape(&block.text);
        match &block.removed {
            None => {
                let _ = writeln!(body, "<p class=\"kept\">{text}</p>");
            }
            Some((stage, reason)) => {
                let stage = format!("{stage:?}").to_lowercase();
                let why = escape(&reason.to_string());
                let entry = counts.entry(format!("{stage}: {why}")).or_default();
                entry.0 += 1;
                entry.1 += block.text.chars().count();
                let _ = writeln!(
                    body,
                    "<p class=\"removed {stage}\" title=\"{stage}: {why}\"><del>{text}</del> \
                     <span class=\"why\">{stage}: {why}</span></p>"
                );
            }
        }
    }
    let kept = page.iter().filter(|b| b.removed.is_none()).count();
    let mut legend = String::new();
    for (why, (blocks, chars)) in &counts {
        let stage = why.split(':').next().unwrap_or("");
        let _ = writeln!(
            legend,
            "<tr class=\"{stage}\"><td>{why}</td><td>{blocks}</td><td>{chars}</td></tr>"
        );
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>unchaff report: {title}</title>\n<style>{STYLE}</style></head>\n<body>\
         <h1>{title}</h1>\n<p class=\"summary\">{kept} blocks kept, {} removed. Source: {}</p>\n\
         <table class=\"legend\"><tr><th>removed by</th><th>blocks</th><th>characters</th></tr>\n\
         {legend}</table>\n<main>\n{body}</main>\n</body></html>\n",
        page.len() - kept,
        escape(source)
    )
}

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;\
padding:0 1em;color:#222}h1{font-size:1.4em}.summary{color:#555}main p{margin:.3em 0;padding:.2em .5em;\
border-left:4px solid #2a7}main p.removed{border-left-color:#999;color:#777}del{text-decoration-color:\
#0008}.why{font-size:.8em;color:#444;background:#eee;padding:0 .3em;border-radius:3px}\
.prune{background:#f4f4f4}.select{background:#fdf0e6}.filter{background:#fdeaea}\
.dedup{background:#efeafd}table.legend{border-collapse:collapse;margin:1em 0}\
.legend td,.legend th{padding:.2em .6em;border:1px solid #ddd;text-align:left}";

/// `text` with the characters HTML gives meaning to escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The index of a batch of reports: each page with its kept and removed block counts.
pub fn index(entries: &[(String, String, usize, usize)]) -> String {
    let mut rows = String::new();
    for (file, source, kept, removed) in entries {
        let _ = writeln!(
            rows,
            "<tr><td><a href=\"{}\">{}</a></td><td>{kept}</td><td>{removed}</td></tr>",
            escape(file),
            escape(source)
        );
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>unchaff reports\
         </title>\n<style>{STYLE}</style></head>\n<body><h1>unchaff reports</h1>\n\
         <table class=\"legend\"><tr><th>page</th><th>kept</th><th>removed</th></tr>\n{rows}\
         </table>\n</body></html>\n"
    )
}
