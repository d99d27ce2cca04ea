//! Stage 6b: what the body's blocks lose before they are kept: the title heading, link lists,
//! scraps and cued boilerplate at the body's edges, and blocks the page repeats. Every drop is
//! recorded, by element when a block is all of its element, else by its text nodes.

use std::collections::BTreeMap;

use crate::blocks::BlockKind;
use crate::dedup::fingerprint::{self, Repeat};
use crate::dom::Tag;
use crate::dom::measure::Measures;
use crate::extract::build::Draft;
use crate::extract::score::{Quality, Rules, quality};
use crate::extract::select::Body;
use crate::page::Page;
use crate::removal::{Reason, Removals, Stage};
use crate::rules::cues::{self, Cue};

/// Drops the title heading, link lists and non-prose scraps at the edges of the body.
pub(crate) fn chaff(
    page: &Page<'_>,
    body: &Body,
    drafts: Vec<Draft>,
    title: Option<&str>,
    removals: &mut Removals,
) -> Vec<Draft> {
    let measures = &page.measures;
    let title_key = title.map(normalize_key);
    let mut title_seen = false;
    // On a page of short items, links and scraps are the content, wherever they stand.
    let links_are_content = body.rules == Rules::Listing;
    let mut kept: Vec<Draft> = Vec::with_capacity(drafts.len());
    for draft in drafts {
        if let (BlockKind::Heading { .. }, Some(key)) = (&draft.block.kind, &title_key)
            && !title_seen
            && normalize_key(&draft.block.text) == *key
        {
            title_seen = true;
            record(removals, &draft, Reason::TitleHeading);
            continue;
        }
        let is_row = matches!(
            draft.block.kind,
            BlockKind::TableRow { .. } | BlockKind::Code { .. }
        );
        let unit = &measures.unit[draft.owner];
        if !is_row && !links_are_content && unit.chars > 0 && quality(unit) == Quality::Links {
            let percent = (unit.link_density() * 100.0).round() as u8;
            record(removals, &draft, Reason::LinkDensity { percent });
            continue;
        }
        kept.push(draft);
    }
    kept
}

/// Drops the non-prose scraps before the first and after the last block of prose.
pub(crate) fn trim_edges(
    page: &Page<'_>,
    body: &Body,
    kept: Vec<Draft>,
    removals: &mut Removals,
) -> Vec<Draft> {
    // On a page of short items, scraps are the content, wherever they stand.
    if body.rules == Rules::Listing {
        return kept;
    }
    let measures = &page.measures;
    let solid = |d: &Draft| is_solid(measures, d);
    let first = kept.iter().position(solid);
    let last = kept.iter().rposition(solid);
    let (Some(first), Some(last)) = (first, last) else {
        return kept;
    };
    let mut result = Vec::with_capacity(kept.len());
    for (k, draft) in kept.into_iter().enumerate() {
        let edge = k < first || k > last;
        let leading_heading = k < first && matches!(draft.block.kind, BlockKind::Heading { .. });
        // A product's features and specs are lists and tables of short lines, before its
        // description as well as after it.
        let kept_at_edge = (is_item(page, &draft)
            || matches!(
                draft.block.kind,
                BlockKind::TableRow { .. } | BlockKind::Code { .. } | BlockKind::Quote { .. }
            ))
            && (k > last || page.kind.is_product());
        if edge && !leading_heading && !kept_at_edge {
            record(removals, &draft, Reason::EdgeNoise);
        } else {
            result.push(draft);
        }
    }
    result
}

/// Records the removal of a draft: its element when the draft is all of it, else each of its
/// text nodes, so that no removal covers text that was kept.
fn record(removals: &mut Removals, draft: &Draft, reason: Reason) {
    let stage = match reason {
        Reason::CopyOutsideBody | Reason::Duplicate { .. } | Reason::RepeatedAtEdge => Stage::Dedup,
        _ => Stage::Filter,
    };
    if draft.whole {
        removals.record(draft.block.node, stage, reason);
        return;
    }
    for &node in &draft.texts {
        removals.record(node, stage, reason.clone());
    }
}

/// Bodies of fewer blocks are not searched for repeats.
const MIN_DEDUP_BLOCKS: usize = 8;
/// Blocks at the body's edges within which a repeated block is an appeal or a promo.
const REPEAT_EDGE_BLOCKS: usize = 3;

/// Drops blocks the page repeats: copies of text outside the body, later copies inside it, and
/// every copy of a block repeated at the body's edges.
pub(crate) fn drop_repeats(
    page: &Page<'_>,
    body: &Body,
    outside: &[usize],
    drafts: Vec<Draft>,
    removals: &mut Removals,
) -> Vec<Draft> {
    // A body of a few blocks has no core to tell its edges from.
    if drafts.len() < MIN_DEDUP_BLOCKS {
        return drafts;
    }
    // Code, table rows and list items repeat for good reasons (the same command, the same cell,
    // the same meal on two days of a plan); paragraphs and quotes do not.
    let body_texts: Vec<&str> = drafts
        .iter()
        .map(|d| match d.block.kind {
            BlockKind::Paragraph | BlockKind::Quote { .. } | BlockKind::Caption => {
                d.block.text.as_str()
            }
            BlockKind::ListItem { .. } if !is_item(page, d) => d.block.text.as_str(),
            _ => "",
        })
        .collect();
    let n = drafts.len();
    // The last few blocks, in the second half of the body.
    let edge = |i: usize| i + REPEAT_EDGE_BLOCKS >= n && 2 * i >= n;
    // Only texts outside of about the length of an edge block can be its copy (`fingerprint::repeats`
    // reads those within half to twice its bytes; a unit's weighted characters are within an
    // eighth to four times that).
    let edge_bytes = body_texts
        .iter()
        .enumerate()
        .filter(|(i, t)| edge(*i) && !t.is_empty())
        .map(|(_, t)| t.len());
    let (shortest, longest) =
        edge_bytes.fold((usize::MAX, 0), |(lo, hi), len| (lo.min(len), hi.max(len)));
    let outside_texts = if longest == 0 {
        Vec::new()
    } else {
        let chars = (shortest / 8, longest.saturating_mul(4));
        unit_texts(page, body, outside, chars)
    };
    let outside_refs: Vec<&str> = outside_texts.iter().map(String::as_str).collect();
    let verdicts = fingerprint::repeats(&body_texts, &outside_refs, edge);
    let opening = |d: &Draft| {
        d.block
            .text
            .split_whitespace()
            .take(8)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let openings: BTreeMap<usize, String> = verdicts
        .iter()
        .filter_map(|v| match v {
            Some(Repeat::Of(first)) => Some((*first, opening(&drafts[*first]))),
            _ => None,
        })
        .collect();
    let mut kept = Vec::with_capacity(n);
    for (draft, verdict) in drafts.into_iter().zip(verdicts) {
        let reason = match verdict {
            None => {
                kept.push(draft);
                continue;
            }
            Some(Repeat::OutsideBody) => Reason::CopyOutsideBody,
            Some(Repeat::AtEdge) => Reason::RepeatedAtEdge,
            Some(Repeat::Of(first)) => Reason::Duplicate {
                of: openings.get(&first).cloned().unwrap_or_default(),
            },
        };
        record(removals, &draft, reason);
    }
    kept
}

/// The text of the units (paragraphs, list items...) under the given roots, long enough to be
/// compared with the body's blocks.
fn unit_texts(
    page: &Page<'_>,
    body: &Body,
    roots: &[usize],
    (min_chars, max_chars): (usize, usize),
) -> Vec<String> {
    let min_chars = u32::try_from(min_chars)
        .unwrap_or(u32::MAX)
        .max(MIN_COMPARED_CHARS);
    let max_chars = u32::try_from(max_chars).unwrap_or(u32::MAX);
    let in_body = |j: usize| {
        body.roots
            .iter()
            .any(|&r| r <= j && j < page.dom.nodes[r].end)
    };
    let dom = &page.dom;
    let measures = &page.measures;
    let mut texts: BTreeMap<usize, String> = BTreeMap::new();
    for &root in roots {
        let mut j = root;
        while j < dom.nodes[root].end {
            if page.dead[j] {
                j = dom.nodes[j].end;
                continue;
            }
            let owner = measures.owner[j];
            // Inside a zone of the body, an explicit article body may be the body again.
            let outside = body.zone[j].is_some() || !in_body(j);
            if dom.nodes[j].tag == Tag::Text
                && outside
                && owner != usize::MAX
                && (min_chars..=max_chars).contains(&measures.unit[owner].chars)
            {
                let text = texts.entry(owner).or_default();
                text.push(' ');
                text.push_str(dom.nodes[j].text);
            }
            j += 1;
        }
    }
    texts.into_values().collect()
}

/// Units outside the body shorter than this are not compared with the body (they could not hold
/// [`fingerprint::MIN_WORDS`] words).
const MIN_COMPARED_CHARS: u32 = 60;

/// A terminator ("Read also", "Tags:") ends the article only after this share of its text.
const TERMINATOR_AFTER_SHARE: f32 = 0.5;
/// Longest block read as a terminator line.
const TERMINATOR_MAX_CHARS: usize = 160;
/// Longest leading block read as a caption or a credit line.
const CREDIT_MAX_CHARS: usize = 300;

/// Drops boilerplate that a cue names at the body's edges: a terminator line in the second half
/// ("Read also:", "Tags:", "Share this") and all after it; appeals and newsletter boxes ending the
/// body; photo credits opening it. A cue inside the article never removes anything.
pub(crate) fn trim_cued_edges(
    body: &Body,
    drafts: Vec<Draft>,
    removals: &mut Removals,
) -> Vec<Draft> {
    if body.rules == Rules::Listing || drafts.is_empty() {
        return drafts;
    }
    let lengths: Vec<usize> = drafts
        .iter()
        .map(|d| d.block.text.chars().count())
        .collect();
    let total: usize = lengths.iter().sum();
    let mut end = drafts.len();
    let mut before = 0usize;
    for (i, draft) in drafts.iter().enumerate() {
        // A section heading ("See also") opens more of the document; a line ("Read also:") ends it.
        if before as f32 >= TERMINATOR_AFTER_SHARE * total as f32
            && lengths[i] <= TERMINATOR_MAX_CHARS
            && !matches!(draft.block.kind, BlockKind::Heading { .. })
            && cues::find(&draft.block.text).is_some_and(|(cue, _)| cue.ends_article())
        {
            end = i;
            break;
        }
        before += lengths[i];
    }
    // Appeals, newsletter boxes and credits standing last.
    while end > 0
        && cues::find(&drafts[end - 1].block.text).is_some_and(|(cue, _)| {
            matches!(cue, Cue::Appeal | Cue::Newsletter | Cue::Cookie) || cue.ends_article()
        })
    {
        end -= 1;
    }
    // Photo captions and credit lines standing first: a caption with a credit anywhere, a short
    // block opening or ending with one.
    let mut start = 0;
    while start < end && lengths[start] <= CREDIT_MAX_CHARS && {
        let text = &drafts[start].block.text;
        let caption = drafts[start].block.kind == BlockKind::Caption;
        let credit = cues::find_where(text).filter(|(cue, _, _)| *cue == Cue::Credit);
        credit.is_some_and(|(_, _, opens)| caption || opens)
            || cues::ends_with_credit(text).is_some()
    } {
        start += 1;
    }
    let mut kept = Vec::with_capacity(end - start);
    for (i, draft) in drafts.into_iter().enumerate() {
        if (start..end).contains(&i) {
            kept.push(draft);
        } else if let Some((_, phrase)) = cues::find(&draft.block.text) {
            record(removals, &draft, Reason::Cue { phrase });
        } else {
            record(removals, &draft, Reason::EdgeNoise);
        }
    }
    kept
}

/// A block that anchors the body: prose, code or a table row.
fn is_solid(measures: &Measures, draft: &Draft) -> bool {
    match draft.block.kind {
        BlockKind::Code { .. } | BlockKind::TableRow { .. } => true,
        BlockKind::Paragraph | BlockKind::Quote { .. } | BlockKind::ListItem { .. } => {
            quality(&measures.unit[draft.owner]) == Quality::Good
        }
        _ => false,
    }
}

/// Whether a draft is the own text of a list item (a paragraph inside one reads as a paragraph).
fn is_item(page: &Page<'_>, draft: &Draft) -> bool {
    page.dom.nodes[draft.owner].tag == Tag::Li
}

/// Lower-cased words of `text`, for comparing a heading with the title.
fn normalize_key(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{Dom, parse};
    use crate::extract::build::{self, Built};
    use crate::extract::{Unobserved, read, select};
    use crate::removal::Removal;
    use crate::{BlockKind, Config};

    /// Sentences long and punctuated enough to read as prose, each with its own words.
    const PROSE: [&str; 8] = [
        "The council met on Monday evening, and after a long debate it voted to keep the ferry \
         running through the winter months.",
        "Residents of the island had campaigned for weeks, writing letters and attending every \
         meeting, and they were glad of the result.",
        "The service will run twice a day, weather permitting, until the spring timetable begins \
         in April, the operator said.",
        "Fares stay as they were last year, although the operator warned that the price of fuel \
         could change that before the summer.",
        "Fishermen on the north quay said the decision would let them send their catch to the \
         mainland markets without a detour.",
        "The school on the island, which has twelve pupils, had feared that its teachers could no \
         longer reach it every morning.",
        "A petition signed by almost every household was handed to the council clerk on the \
         steps of the town hall last week.",
        "The mayor thanked the crew of the ferry, who have kept the crossing open through storms \
         that closed every other route.",
    ];

    /// What one filter made of a page's drafts: the texts it kept and what it recorded.
    struct Filtered {
        kept: Vec<String>,
        removed: Vec<(String, Reason)>,
    }

    /// Runs the pipeline up to the filters on `html` (title "Ferry timetable"), then `filter`
    /// alone on the body's drafts.
    fn filtered(
        html: &str,
        filter: impl FnOnce(&Page<'_>, &Body, Built, &mut Removals) -> Vec<Draft>,
    ) -> Filtered {
        let doc = parse(&crate::input::prepare(html));
        let page = read(Dom::new(&doc), &mut Removals::default(), &mut Unobserved);
        let body = select::select(&page, &Config::default()).expect("a body");
        let built = build::drafts(&page, &body, &mut Removals::default());
        let texts: Vec<(ego_tree::NodeId, String)> = built
            .drafts
            .iter()
            .map(|d| (d.block.node, d.block.text.clone()))
            .collect();
        let mut removals = Removals::default();
        let kept = filter(&page, &body, built, &mut removals);
        let text_of = |r: &Removal| {
            let own = texts.iter().find(|(node, _)| *node == r.node);
            own.map_or_else(|| format!("{:?}", r.node), |(_, t)| t.clone())
        };
        Filtered {
            kept: kept.into_iter().map(|d| d.block.text).collect(),
            removed: removals
                .into_vec()
                .iter()
                .map(|r| (text_of(r), r.reason.clone()))
                .collect(),
        }
    }

    fn page(article: &str) -> String {
        format!(
            "<html><head><title>Ferry timetable | Island News</title></head><body>\
             <nav><a href=/>Home</a> <a href=/news>News</a></nav>\
             <article>{article}</article><footer>Island News</footer></body></html>"
        )
    }

    fn paragraphs(prose: &[&str]) -> String {
        prose.iter().map(|p| format!("<p>{p}</p>")).collect()
    }

    #[test]
    fn chaff_drops_the_title_heading_and_link_lists_not_prose() {
        let html = page(&format!(
            "<h1>Ferry timetable</h1>{}<ul class=links><li><a href=/a>Storm warning issued</a></li>\
             <li><a href=/b>Harbour closed</a></li></ul>{}",
            paragraphs(&PROSE[..2]),
            paragraphs(&PROSE[2..4]),
        ));
        let result = filtered(&html, |page, body, built, removals| {
            chaff(page, body, built.drafts, Some("Ferry timetable"), removals)
        });
        assert_eq!(result.kept, PROSE[..4]);
        let reasons: Vec<&Reason> = result.removed.iter().map(|(_, r)| r).collect();
        assert!(matches!(reasons[0], Reason::TitleHeading), "{reasons:?}");
        assert!(
            reasons[1..]
                .iter()
                .all(|r| matches!(r, Reason::LinkDensity { percent: 100 })),
            "{reasons:?}"
        );
    }

    #[test]
    fn trim_edges_drops_scraps_outside_the_prose_but_keeps_headings_and_lists() {
        let html = page(&format!(
            "<p>12 May 2024</p><h2>Winter crossings</h2>{}<ul><li>Monday</li><li>Friday</li></ul>\
             <p>Share</p>",
            paragraphs(&PROSE[..3]),
        ));
        let result = filtered(&html, |page, body, built, removals| {
            trim_edges(page, body, built.drafts, removals)
        });
        assert_eq!(result.kept[0], "Winter crossings");
        assert_eq!(result.kept[1..4], PROSE[..3]);
        assert_eq!(result.kept[4..], ["Monday", "Friday"]);
        let removed: Vec<&str> = result.removed.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(removed, ["12 May 2024", "Share"]);
        assert!(result.removed.iter().all(|(_, r)| *r == Reason::EdgeNoise));
    }

    #[test]
    fn cued_edges_end_the_article_at_read_also_and_drop_a_leading_credit() {
        let html = page(&format!(
            "<p>Photo: Ann Lee / Island News</p>{}<p>Read also: Storm closes the harbour</p>{}",
            paragraphs(&PROSE[..4]),
            paragraphs(&PROSE[4..5]),
        ));
        let result = filtered(&html, |_, body, built, removals| {
            trim_cued_edges(body, built.drafts, removals)
        });
        assert_eq!(result.kept, PROSE[..4]);
        assert!(matches!(result.removed[0].1, Reason::Cue { .. }));
        assert_eq!(result.removed[1].0, "Read also: Storm closes the harbour");
        assert!(matches!(
            result.removed[1].1,
            Reason::Cue {
                phrase: "read also"
            }
        ));
        // What follows the terminator goes with it.
        assert_eq!(result.removed[2].0, PROSE[4]);
    }

    #[test]
    fn a_read_also_line_early_in_the_article_does_not_end_it() {
        let html = page(&format!(
            "{}<p>Read also: Storm closes the harbour</p>{}",
            paragraphs(&PROSE[..1]),
            paragraphs(&PROSE[1..6]),
        ));
        let result = filtered(&html, |_, body, built, removals| {
            trim_cued_edges(body, built.drafts, removals)
        });
        assert_eq!(result.kept.len(), 7, "{:?}", result.removed);
        assert!(result.removed.is_empty());
    }

    #[test]
    fn repeats_drop_the_later_copy_of_an_appeal() {
        let appeal = "Island News is free to read because readers like you support it: give what \
                      you can today, and keep our reporting on the islands going.";
        let html = page(&format!(
            "{}<p>{appeal}</p>{}<p>{appeal}</p>",
            paragraphs(&PROSE[..4]),
            paragraphs(&PROSE[4..]),
        ));
        let result = filtered(&html, |page, body, built, removals| {
            drop_repeats(page, body, &built.outside, built.drafts, removals)
        });
        assert_eq!(result.removed.len(), 1, "{:?}", result.removed);
        let (text, reason) = &result.removed[0];
        assert_eq!(text, appeal);
        assert!(
            matches!(reason, Reason::Duplicate { .. } | Reason::RepeatedAtEdge),
            "{reason:?}"
        );
        // The first copy stands inside the article: the cue filters judge it, not this one.
        assert_eq!(result.kept.iter().filter(|t| *t == appeal).count(), 1);
        assert_eq!(result.kept.len(), PROSE.len() + 1);
    }

    #[test]
    fn removals_name_the_element_when_the_draft_is_all_of_it() {
        let html = page(&format!("{}<p>Share</p>", paragraphs(&PROSE[..3])));
        let doc = parse(&crate::input::prepare(&html));
        let page = read(Dom::new(&doc), &mut Removals::default(), &mut Unobserved);
        let body = select::select(&page, &Config::default()).expect("a body");
        let built = build::drafts(&page, &body, &mut Removals::default());
        let share = built.drafts.last().expect("drafts");
        assert!(share.whole && share.block.kind == BlockKind::Paragraph);
        let node = share.block.node;
        let mut removals = Removals::default();
        trim_edges(&page, &body, built.drafts, &mut removals);
        let record = removals.into_vec();
        assert_eq!(record.len(), 1);
        assert_eq!(record[0].node, node);
        assert_eq!(record[0].stage, Stage::Filter);
    }
}
