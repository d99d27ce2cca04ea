//! The CLI's views of what was removed: `--explain` lines, the `--diff` and the `--report`.

use std::collections::BTreeMap;
use std::fmt::Write;

use unchaff::{PageBlock, Stage};

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

/// The stage and reason of a removed block, as the views name them (`select: outside the
/// article body`); `None` for a kept block.
fn why(block: &PageBlock) -> Option<String> {
    block
        .removed
        .as_ref()
        .map(|(stage, reason)| format!("{}: {reason}", stage_name(*stage)))
}

fn stage_name(stage: Stage) -> String {
    format!("{stage:?}").to_lowercase()
}

/// A hunk of the diff: the removed lines `start..end` (with kept lines between them when two
/// runs of one reason lie close), all removed for `why`.
struct Hunk {
    start: usize,
    end: usize,
    why: String,
}

/// The runs of removed blocks, one hunk per reason: consecutive blocks removed for one reason
/// form a run, and runs of the same reason with at most twice the context between them share a
/// hunk. A hunk never holds a line removed for another reason.
fn hunks(page: &[PageBlock]) -> Vec<Hunk> {
    let mut hunks: Vec<Hunk> = Vec::new();
    for (i, block) in page.iter().enumerate() {
        let Some(why) = why(block) else { continue };
        match hunks.last_mut() {
            Some(last) if last.why == why && last.end == i => last.end = i + 1,
            Some(last)
                if last.why == why
                    && i - last.end <= 2 * CONTEXT
                    && page[last.end..i].iter().all(|b| b.removed.is_none()) =>
            {
                last.end = i + 1;
            }
            _ => hunks.push(Hunk {
                start: i,
                end: i + 1,
                why,
            }),
        }
    }
    hunks
}

/// A unified diff of the page's text (a block a line) against the extracted text, one hunk per
/// reason: each hunk header names the stage and reason of every line it removes.
pub fn diff(page: &[PageBlock], color: bool) -> String {
    let (red, cyan, reset) = if color {
        ("\x1b[31m", "\x1b[36m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    // kept_before[i]: kept lines before line i, so the line numbers of the extracted text.
    let mut kept_before = Vec::with_capacity(page.len() + 1);
    let mut kept = 0;
    for block in page {
        kept_before.push(kept);
        kept += usize::from(block.removed.is_none());
    }
    kept_before.push(kept);
    let hunks = hunks(page);
    let mut out = String::new();
    // Where the previous hunk's lines, its trailing context included, end.
    let mut shown_to = 0;
    for (n, hunk) in hunks.iter().enumerate() {
        let next = hunks.get(n + 1).map_or(page.len(), |h| h.start);
        let from = hunk.start - CONTEXT.min(hunk.start - shown_to);
        let to = hunk.end + CONTEXT.min(next - hunk.end);
        shown_to = to;
        let new_len = kept_before[to] - kept_before[from];
        // An empty range names the line before it, as diff(1) does.
        let new_start = kept_before[from] + usize::from(new_len > 0);
        let _ = writeln!(
            out,
            "{cyan}@@ -{},{} +{new_start},{new_len} @@ {}{reset}",
            from + 1,
            to - from,
            hunk.why
        );
        for block in &page[from..to] {
            let _ = match block.removed {
                None => writeln!(out, " {}", block.text),
                Some(_) => writeln!(out, "{red}-{}{reset}", block.text),
            };
        }
    }
    out
}

/// The stages in the order of the pipeline, each with its colour's meaning in the legend.
const STAGES: [(Stage, &str); 4] = [
    (
        Stage::Prune,
        "never content: scripts, styles, hidden elements",
    ),
    (
        Stage::Select,
        "outside the article body the extractor selected",
    ),
    (
        Stage::Filter,
        "inside the body, but boilerplate by markup, links, position or cue",
    ),
    (
        Stage::Dedup,
        "repeated: a copy elsewhere on the page, or the site's template",
    ),
];
/// Characters of the opening blocks shown on a folded row.
const PREVIEW_CHARS: usize = 90;

/// A self-contained HTML page (no script) showing every block of the page in order: kept ones
/// plain, removed ones struck through and coloured by stage with their reason. Consecutive
/// blocks removed for one reason fold into one row with their count, which opens on a click. At
/// the top: a link to the article, a bar of the characters kept and removed by each stage with
/// the legend of its colours, and a table of the reasons.
pub fn html(page: &[PageBlock], title: Option<&str>, source: &str) -> String {
    let title = escape(title.unwrap_or(source));
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>unchaff report: {title}</title>\n<style>{STYLE}</style></head>\n<body>\
         <header>\n<h1>{title}</h1>\n<p class=\"source\">Source: {}</p>\n{}{}{}</header>\n\
         <main>\n{}</main>\n</body></html>\n",
        escape(source),
        summary(page),
        bar_and_legend(page),
        reasons_table(page),
        blocks(page)
    )
}

/// The counts kept and removed, and the link down to the first kept block.
fn summary(page: &[PageBlock]) -> String {
    let (mut kept, mut kept_chars, mut removed_chars) = (0, 0, 0);
    for block in page {
        let chars = block.text.chars().count();
        match block.removed {
            None => (kept, kept_chars) = (kept + 1, kept_chars + chars),
            Some(_) => removed_chars += chars,
        }
    }
    let jump = if kept > 0 {
        " <a class=\"jump\" href=\"#article\">Jump to the article &darr;</a>"
    } else {
        ""
    };
    format!(
        "<p class=\"summary\"><b>{kept}</b> blocks kept ({} characters), <b>{}</b> removed ({} \
         characters).{jump}</p>\n<p class=\"help\">Removed text is struck through. A run of \
         blocks removed for one reason is folded into one row: click it to open it.</p>\n",
        thousands(kept_chars),
        page.len() - kept,
        thousands(removed_chars)
    )
}

/// The bar of characters kept and removed by each stage, and the legend of its colours.
fn bar_and_legend(page: &[PageBlock]) -> String {
    let chars_of = |stage: Option<Stage>| -> usize {
        page.iter()
            .filter(|b| b.removed.as_ref().map(|(s, _)| *s) == stage)
            .map(|b| b.text.chars().count())
            .sum()
    };
    let total = page
        .iter()
        .map(|b| b.text.chars().count())
        .sum::<usize>()
        .max(1);
    let kept = chars_of(None);
    let percent = |chars: usize| chars as f64 * 100.0 / total as f64;
    let mut bar = String::new();
    let mut legend = String::new();
    let segments = std::iter::once((
        "kept".to_owned(),
        kept,
        "the article: the text unchaff keeps",
    ))
    .chain(
        STAGES
            .iter()
            .map(|(stage, meaning)| (stage_name(*stage), chars_of(Some(*stage)), *meaning)),
    );
    for (class, chars, meaning) in segments {
        let share = percent(chars);
        if chars > 0 {
            let _ = write!(
                bar,
                "<span class=\"{class}\" style=\"width:{share:.2}%\" title=\"{class}: {} \
                 characters\"></span>",
                thousands(chars)
            );
        }
        let _ = writeln!(
            legend,
            "<li><span class=\"swatch {class}\"></span><b>{class}</b> {} characters \
             ({share:.0}%) <span class=\"meaning\">{meaning}</span></li>",
            thousands(chars)
        );
    }
    format!(
        "<div class=\"bar\" role=\"img\" aria-label=\"characters kept and removed by stage\">\
         {bar}</div>\n<ul class=\"legend\">\n{legend}</ul>\n"
    )
}

/// The reasons of the removals, each with its blocks and characters, folded.
fn reasons_table(page: &[PageBlock]) -> String {
    let mut counts: BTreeMap<(usize, String), (usize, usize)> = BTreeMap::new();
    for block in page {
        let Some((stage, _)) = &block.removed else {
            continue;
        };
        let order = STAGES.iter().position(|(s, _)| s == stage).unwrap_or(0);
        let entry = counts
            .entry((order, why(block).unwrap_or_default()))
            .or_default();
        entry.0 += 1;
        entry.1 += block.text.chars().count();
    }
    let mut rows = String::new();
    for ((order, why), (blocks, chars)) in &counts {
        let stage = stage_name(STAGES[*order].0);
        let _ = writeln!(
            rows,
            "<tr class=\"{stage}\"><td>{}</td><td>{blocks}</td><td>{}</td></tr>",
            escape(why),
            thousands(*chars)
        );
    }
    format!(
        "<details class=\"reasons\"><summary>Removed by reason ({} reasons)</summary>\n\
         <table><tr><th>removed by</th><th>blocks</th><th>characters</th></tr>\n{rows}\
         </table></details>\n",
        counts.len()
    )
}

/// The page's blocks in order: runs of blocks removed for one reason folded.
fn blocks(page: &[PageBlock]) -> String {
    let mut out = String::new();
    let mut first_kept = true;
    let mut i = 0;
    while i < page.len() {
        let Some(reason) = why(&page[i]) else {
            let id = if first_kept { " id=\"article\"" } else { "" };
            first_kept = false;
            let _ = writeln!(out, "<p class=\"kept\"{id}>{}</p>", escape(&page[i].text));
            i += 1;
            continue;
        };
        let run = page[i..]
            .iter()
            .take_while(|b| why(b).as_ref() == Some(&reason))
            .count();
        out.push_str(&removed_run(&page[i..i + run], &reason));
        i += run;
    }
    out
}

/// One removed block as a struck-through row with its reason, or a run of them folded into a
/// `<details>` row naming the reason, the count and the opening words.
fn removed_run(run: &[PageBlock], reason: &str) -> String {
    let stage = run
        .first()
        .and_then(|b| b.removed.as_ref())
        .map_or_else(String::new, |(stage, _)| stage_name(*stage));
    let why = escape(reason);
    let row = |block: &PageBlock, label: bool| {
        let label = if label {
            format!(" <span class=\"why\">{why}</span>")
        } else {
            String::new()
        };
        format!(
            "<p class=\"removed {stage}\" title=\"{why}\"><del>{}</del>{label}</p>\n",
            escape(&block.text)
        )
    };
    if let [block] = run {
        return row(block, true);
    }
    let chars: usize = run.iter().map(|b| b.text.chars().count()).sum();
    let mut preview: String = run
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join(" · ")
        .chars()
        .take(PREVIEW_CHARS)
        .collect();
    if preview.chars().count() == PREVIEW_CHARS {
        preview.push('…');
    }
    let mut out = format!(
        "<details class=\"run {stage}\"><summary><span class=\"count\">{} blocks</span> \
         <span class=\"why\">{why}</span> <span class=\"chars\">{} characters</span> \
         <span class=\"preview\">{}</span></summary>\n",
        run.len(),
        thousands(chars),
        escape(&preview)
    );
    for block in run {
        out.push_str(&row(block, false));
    }
    out.push_str("</details>\n");
    out
}

/// `n` with a comma between thousands: 12,345.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:1.5em auto;\
padding:0 1em;color:#222;overflow-wrap:anywhere}h1{font-size:1.4em;margin:.2em 0}\
.source,.help{color:#666;font-size:.85em;margin:.2em 0}.summary{margin:.4em 0}\
.jump{margin-left:.5em;font-weight:600}\
.bar{display:flex;height:14px;border-radius:3px;overflow:hidden;background:#eee;margin:.5em 0}\
.bar span{display:block;min-width:2px}\
ul.legend{list-style:none;padding:0;margin:.3em 0;font-size:.85em;display:grid;\
grid-template-columns:repeat(auto-fill,minmax(17em,1fr));gap:.1em 1em}\
.legend .meaning{display:block;color:#666;margin-left:1.4em}\
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:.4em;\
vertical-align:-.1em}\
.kept{--c:#2a7}.prune{--c:#999}.select{--c:#e8913a}.filter{--c:#d9534f}.dedup{--c:#8a6bd1}\
.bar span,.swatch{background:var(--c)}\
details.reasons{font-size:.85em;margin:.4em 0 1em}details.reasons summary{cursor:pointer;color:#444}\
table{border-collapse:collapse;margin:.4em 0}td,th{padding:.2em .6em;border:1px solid #ddd;\
text-align:left}tr[class] td:first-child{border-left:4px solid var(--c)}\
main p{margin:.3em 0;padding:.2em .5em;border-left:4px solid var(--c)}\
main p.removed{color:#777}main p.prune{background:#f4f4f4}main p.select{background:#fdf3ea}\
main p.filter{background:#fdeeee}main p.dedup{background:#f3effd}\
del{text-decoration-color:#0008}.why{font-size:.8em;color:#444;background:#0000000d;\
padding:0 .3em;border-radius:3px;white-space:nowrap}\
details.run{margin:.3em 0;border-left:4px solid var(--c);background:#fafafa}\
details.run>summary{cursor:pointer;padding:.2em .5em;color:#555;font-size:.9em;\
white-space:nowrap;overflow:hidden;text-overflow:ellipsis}\
details.run[open]>summary{white-space:normal}\
details.run .count{font-weight:600;color:#333}details.run .chars{color:#888;font-size:.85em}\
details.run .preview{color:#999;margin-left:.3em}details.run p{margin:.15em 0 .15em .8em;border-left:0}\
@media (max-width:40em){body{margin:.8em auto;font-size:14px}\
details.run>summary{white-space:normal}details.run .preview{display:none}\
.why{white-space:normal}}";

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
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>unchaff reports\
         </title>\n<style>{STYLE}</style></head>\n<body><h1>unchaff reports</h1>\n\
         <table class=\"legend\"><tr><th>page</th><th>kept</th><th>removed</th></tr>\n{rows}\
         </table>\n</body></html>\n"
    )
}
