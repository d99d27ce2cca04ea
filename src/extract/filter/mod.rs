//! Stage 6b: what the body's blocks lose before they are kept: the title heading, link lists,
//! scraps and cued boilerplate at the body's edges, and blocks the page repeats. Every drop is
//! recorded, by element when a block is all of its element, else by its text nodes.

use std::collections::BTreeMap;

use crate::blocks::BlockKind;
use crate::dedup::fingerprint::{self, Repeat};
use crate::dom::Tag;
use crate::dom::measure::Measures;
use crate::extract::build::Draft;
use crate::extract::listing;
use crate::extract::score::{Quality, Rules, quality};
use crate::extract::select::Body;
use crate::page::Page;
use crate::removal::{Reason, Removals, Stage};
use crate::rules::cues::{self, Cue};
use crate::text::words;

/// A paragraph at least this long is article prose, not a teaser.
const LONG_PARAGRAPH_CHARS: usize = 200;
/// A listing body whose long paragraphs hold this share (per cent) of its text reads as an article.
const ARTICLE_SHARE: usize = 30;
/// ...when there are at least this many of them.
const ARTICLE_MIN_PARAGRAPHS: usize = 2;

/// Whether the blocks of `body` are items of a listing: the page was read as one, and the body is
/// not an article after all. A news page's sidebars and teaser rails make its prose a small share
/// of the page, but the body picked from it is a run of long paragraphs, which no list of teasers
/// is; there the edges are trimmed as an article's.
pub(crate) fn is_listing(page: &Page<'_>, body: &Body, drafts: &[Draft]) -> bool {
    if body.rules != Rules::Listing {
        return false;
    }
    let mut total = 0usize;
    let (mut long, mut count) = (0usize, 0usize);
    for d in end::before_tail(page, drafts) {
        let chars = d.block.text.chars().count();
        total += chars;
        if is_long_prose(page, d) {
            long += chars;
            count += 1;
        }
    }
    count < ARTICLE_MIN_PARAGRAPHS || long * 100 < ARTICLE_SHARE * total
}

/// Drops the title heading and link lists, but the linked headings of the teasers `roots` hold
/// (`listing::in_teasers`): their titles.
pub(crate) fn chaff(
    page: &Page<'_>,
    roots: &[usize],
    listing: bool,
    drafts: Vec<Draft>,
    title: Option<&str>,
    removals: &mut Removals,
) -> Vec<Draft> {
    let measures = &page.measures;
    let title_key = title.map(normalize_key);
    let mut title_seen = false;
    // On a page of short items, links and scraps are the content, wherever they stand; in a body
    // of teasers, their linked titles are.
    let links_are_content = listing;
    let titles = listing::in_teasers(page, roots);
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
        // A footnote's note is often a bare link to its source: it stays with its reference.
        let is_row = matches!(
            draft.block.kind,
            BlockKind::TableRow { .. } | BlockKind::Code { .. }
        ) || draft.block.note().is_some();
        let unit = &measures.unit[draft.owner];
        if is_invisible(&draft.block.text) {
            record(removals, &draft, Reason::Chrome { what: INVISIBLE });
            continue;
        }
        if !is_row && let Some(what) = cues::find_counter(&draft.block.text) {
            record(removals, &draft, Reason::Chrome { what });
            continue;
        }
        if !is_row && tail::is_adjacent_posts(&page.dom, &draft) {
            record(
                removals,
                &draft,
                Reason::Chrome {
                    what: tail::ADJACENT_POSTS,
                },
            );
            continue;
        }
        if !is_row && is_machine_identifiers(&draft.block.text) {
            record(removals, &draft, Reason::Chrome { what: IDENTIFIERS });
            continue;
        }
        let heading = matches!(draft.block.kind, BlockKind::Heading { .. });
        if !is_row && let Some(phrase) = cues::find_label(&draft.block.text, heading) {
            record(removals, &draft, Reason::Cue { phrase });
            continue;
        }
        let title = titles[draft.owner] && heading;
        if !is_row
            && !links_are_content
            && !title
            && unit.chars > 0
            && quality(unit) == Quality::Links
        {
            let percent = (unit.link_density() * 100.0).round() as u8;
            record(removals, &draft, Reason::LinkDensity { percent });
            continue;
        }
        kept.push(draft);
    }
    kept
}

/// What a block of invisible characters is, as its removal says.
const INVISIBLE: &str = "invisible characters";

/// Whether a text shows nothing: zero-width joiners and spaces, marks of direction, soft
/// hyphens, blank fillers, which templates put in empty paragraphs as spacers.
fn is_invisible(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
            || matches!(c, '\u{AD}' | '\u{34F}' | '\u{2800}' | '\u{3164}')
    })
}

/// What a block of machine identifiers is, as its removal says.
const IDENTIFIERS: &str = "machine identifiers";
/// An identifier is a word of at least this many characters...
const IDENTIFIER_MIN_CHARS: usize = 24;

/// Whether a text is mostly machine identifiers (hashes, UUIDs run together), which a script
/// writes and the page's styles hide or a reader skips: words of hexadecimal digits and dashes,
/// at least a quarter of them digits, two or more making up at least four fifths of the text. A
/// sentence that quotes an identifier, or a checksum on its own, is text.
fn is_machine_identifiers(text: &str) -> bool {
    if text.len() < 2 * IDENTIFIER_MIN_CHARS {
        return false;
    }
    let is_identifier = |word: &str| {
        if word.len() < IDENTIFIER_MIN_CHARS {
            return false;
        }
        let (mut digits, mut hex) = (0, 0);
        for b in word.bytes() {
            digits += usize::from(b.is_ascii_digit());
            hex += usize::from(b.is_ascii_hexdigit() || b == b'-');
        }
        // A letter or two between runs of digits: the markers a script sprinkles in.
        digits * 4 >= word.len() && hex * 10 >= word.len() * 9
    };
    let (mut count, mut identifiers, mut total) = (0, 0, 0);
    for word in text.split_whitespace() {
        total += word.len();
        if is_identifier(word) {
            count += 1;
            identifiers += word.len();
        }
    }
    count >= 2 && identifiers * 5 >= total * 4
}

/// Drops the non-prose scraps before the first and after the last block of prose.
pub(crate) fn trim_edges(
    page: &Page<'_>,
    listing: bool,
    kept: Vec<Draft>,
    removals: &mut Removals,
) -> Vec<Draft> {
    // On a page of short items, scraps are the content, wherever they stand.
    if listing {
        return kept;
    }
    let measures = &page.measures;
    let solid = |d: &Draft| is_solid(measures, d);
    let first = kept.iter().position(solid);
    let last = kept.iter().rposition(solid);
    let (Some(first), Some(last)) = (first, last) else {
        return kept;
    };
    // Short sentences right against the prose ("Vielen Dank für das Gespräch!") are its own.
    let sentence = |d: &Draft| end::is_edge_sentence(page, d);
    let first = kept[..first]
        .iter()
        .rposition(|d| !sentence(d))
        .map_or(0, |k| k + 1);
    let last = kept[last + 1..]
        .iter()
        .position(|d| !sentence(d))
        .map_or(kept.len() - 1, |k| last + k);
    let mut result = Vec::with_capacity(kept.len());
    let mut in_note = false;
    for (k, draft) in kept.into_iter().enumerate() {
        let edge = k < first || k > last;
        // A footnote after the article, and its later paragraphs, belong to it.
        let continued = matches!(
            draft.block.kind,
            BlockKind::ListItem {
                continued: true,
                ..
            }
        );
        in_note = draft.block.note().is_some() || (in_note && continued);
        let leading_heading = k < first && matches!(draft.block.kind, BlockKind::Heading { .. });
        // A product's features and specs are lists and tables of short lines, before its
        // description as well as after it.
        let kept_at_edge = (is_item(page, &draft)
            || matches!(
                draft.block.kind,
                BlockKind::TableRow { .. } | BlockKind::Code { .. } | BlockKind::Quote { .. }
            ))
            && (k > last || page.kind.is_product())
            || (k > last && in_note);
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
/// Dropping repeats leaves at least a fourth of the body's text; else only later copies go.
const REPEATS_LEAVE_AT_LEAST: usize = 4;

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
    let mut verdicts = fingerprint::repeats(&body_texts, &outside_refs, edge);
    if take_nearly_all(&drafts, &verdicts) {
        verdicts = fingerprint::repeats(&body_texts, &[], |_| false);
    }
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

/// Whether dropping the repeats would leave less than a [`REPEATS_LEAVE_AT_LEAST`]th of the
/// body's text. Repeats are a small part of a body; when they would take nearly all of it, the
/// body is one text printed several times (the tabs of one set of terms, a page and its print
/// version): its first copy is the article, and only its later copies go.
fn take_nearly_all(drafts: &[Draft], verdicts: &[Option<Repeat>]) -> bool {
    let (mut kept, mut all) = (0, 0);
    for (draft, verdict) in drafts.iter().zip(verdicts) {
        all += draft.block.text.len();
        if verdict.is_none() {
            kept += draft.block.text.len();
        }
    }
    kept * REPEATS_LEAVE_AT_LEAST < all
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
/// Longest block passed over as a scrap ("oder", "€", a date) when looking for appeals at the end.
const SCRAP_MAX_CHARS: usize = 40;
/// Longest leading block read as a caption or a credit line.
const CREDIT_MAX_CHARS: usize = 300;

/// Drops boilerplate that a cue names at the body's edges: a terminator line in the second half
/// ("Read also:", "Tags:", "Share this") and all after it; appeals and newsletter boxes ending the
/// body; photo credits opening it. Inside the article a cue removes only a caption (a short block
/// that ends with a picture's credit set apart) and a short notice (an affiliate disclosure, a
/// cookie notice, an ad's label). A listing has no article's end: there only the notices go.
pub(crate) fn trim_cued_edges(
    page: &Page<'_>,
    listing: bool,
    drafts: Vec<Draft>,
    removals: &mut Removals,
) -> Vec<Draft> {
    if drafts.is_empty() {
        return drafts;
    }
    if listing {
        return drafts
            .into_iter()
            .filter(|draft| {
                let phrase = notice(draft, draft.block.text.chars().count());
                if let Some(phrase) = phrase {
                    record(removals, draft, Reason::Cue { phrase });
                }
                phrase.is_none()
            })
            .collect();
    }
    let lengths: Vec<usize> = drafts
        .iter()
        .map(|d| d.block.text.chars().count())
        .collect();
    let total: usize = lengths.iter().sum();
    let mut end = terminator(page, &drafts, &lengths, total);
    // Appeals, newsletter boxes and credits standing last, or before the last scraps.
    let mut k = end;
    while k > 0 {
        let tail = cues::find_where(&drafts[k - 1].block.text).is_some_and(|(cue, _, opens)| {
            matches!(cue, Cue::Appeal | Cue::Newsletter | Cue::Cookie)
                || cue.ends_article()
                // A credit line ("Quelle: ...", "Photo: ...") after the article.
                || (cue == Cue::Credit && opens && lengths[k - 1] <= CREDIT_MAX_CHARS)
        });
        if tail {
            end = k - 1;
        } else if is_solid(&page.measures, &drafts[k - 1]) || lengths[k - 1] > SCRAP_MAX_CHARS {
            break;
        }
        k -= 1;
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
        let inside = (start..end).contains(&i);
        let inner_cue = || {
            if is_credited_caption(&draft, lengths[i]) {
                Some(CAPTION_CREDIT)
            } else {
                notice(&draft, lengths[i])
            }
        };
        if let Some(phrase) = inside.then(inner_cue).flatten() {
            record(removals, &draft, Reason::Cue { phrase });
        } else if inside {
            kept.push(draft);
        } else if let Some((_, phrase)) = cues::find(&draft.block.text) {
            record(removals, &draft, Reason::Cue { phrase });
        } else {
            record(removals, &draft, Reason::EdgeNoise);
        }
    }
    kept
}

/// The phrase a caption's removal is recorded with.
const CAPTION_CREDIT: &str = "a picture's credit";

/// Whether a block inside the body is a picture's caption: short, and ending with the picture's
/// credit set apart ("... (Foto: Getty)", "... | © Jane Doe"), as no paragraph of an article does.
fn is_credited_caption(draft: &Draft, length: usize) -> bool {
    matches!(draft.block.kind, BlockKind::Paragraph | BlockKind::Caption)
        && length <= CREDIT_MAX_CHARS
        && cues::ends_with_photo_credit(&draft.block.text)
}

/// Longest block read as a notice.
const NOTICE_MAX_CHARS: usize = 400;

/// The cue's phrase when a block inside the body is a site's notice, which no article's paragraph
/// is: a short block showing an affiliate or advertising disclosure, or a cookie notice.
fn notice(draft: &Draft, length: usize) -> Option<&'static str> {
    if length > NOTICE_MAX_CHARS || matches!(draft.block.kind, BlockKind::Heading { .. }) {
        return None;
    }
    cues::find_notice(&draft.block.text)
}

/// Where the article ends at a terminator: a line ("Read also:", "Tags:") that a cue names, in the
/// second half of the body's text, without a long paragraph of prose right after it (else it
/// stands inside the article). A section heading ("See also") opens more of the document; what
/// it heads is judged by [`drop_cued_sections`].
fn terminator(page: &Page<'_>, drafts: &[Draft], lengths: &[usize], total: usize) -> usize {
    let mut before = 0usize;
    for (i, draft) in drafts.iter().enumerate() {
        let cue = || cues::find(&draft.block.text).map(|(cue, _)| cue);
        // A paywall's line ends the article wherever it stands: the article was cut there.
        if lengths[i] <= TERMINATOR_MAX_CHARS
            && cue().is_some_and(|cue| {
                cue.ends_article()
                    && (cue == Cue::Paywall
                        || before as f32 >= TERMINATOR_AFTER_SHARE * total as f32)
            })
            && !matches!(draft.block.kind, BlockKind::Heading { .. })
            && !drafts.get(i + 1).is_some_and(|d| is_long_prose(page, d))
            && !continues_in_prose(page, &drafts[i + 1..])
        {
            return i;
        }
        before += lengths[i];
    }
    drafts.len()
}

/// Drops what a heading that a cue names ("Mehr zum Thema", "Related coverage", "Kommentare",
/// "Zobacz także") heads, when no paragraph of prose stands under it: the heading and its
/// section, up to the next heading of its level or above. Under such a heading stand links to other articles, a comment form, a tag list,
/// whatever language the page is in; a section of prose under it ("Related work") is kept.
pub(crate) fn drop_cued_sections(
    page: &Page<'_>,
    listing: bool,
    drafts: Vec<Draft>,
    removals: &mut Removals,
) -> Vec<Draft> {
    if listing || drafts.is_empty() {
        return drafts;
    }
    let mut drop = vec![None; drafts.len()];
    let tail_from = end::tail_from(page, &drafts);
    let mut i = 0;
    while i < drafts.len() {
        let cue = section_cue(&drafts[i]).filter(|(cue, _)| {
            // A thread's comments are its content.
            !(page.kind.is_discussion() && *cue == Cue::CommentPrompt)
        });
        let Some((_, phrase)) = cue else {
            i += 1;
            continue;
        };
        // A label ("Mehr zum Thema", "Zobacz także:") over links or widgets the filters removed.
        // After the article's last paragraph of prose, a cued heading or label over links and
        // teasers ends it.
        let label = drafts[i].block.kind == BlockKind::Paragraph && is_label(&drafts[i], phrase);
        let heading = matches!(drafts[i].block.kind, BlockKind::Heading { .. });
        if tail_from.is_some_and(|from| i >= from)
            && (heading || label)
            && !end::prose_follows(page, &drafts[i..])
        {
            drop[i..].fill(Some(phrase));
            break;
        }
        let BlockKind::Heading { level } = &drafts[i].block.kind else {
            i = drop_label(page, &drafts, i, (phrase, label), &mut drop);
            continue;
        };
        let next = drafts[i + 1..]
            .iter()
            .position(|d| matches!(d.block.kind, BlockKind::Heading { level: l } if l <= *level))
            .map_or(drafts.len(), |k| i + 1 + k);
        // The section goes unless prose stands under its heading; a label goes in any case, and
        // with the links right under it.
        let end = if drafts[i..next].iter().any(|d| is_long_prose(page, d)) {
            let links = end::link_run_end(page, &drafts, i)
                .max(teaser_box_end(page, &drafts, i).unwrap_or(0));
            if links > i + 1 {
                drop[i..links].fill(Some(phrase));
                links
            } else {
                if is_orphan_label(page, &drafts, i, phrase) {
                    drop[i] = Some(phrase);
                }
                i + 1
            }
        } else {
            drop[i..next].fill(Some(phrase));
            next
        };
        i = end;
    }
    let mut kept = Vec::with_capacity(drafts.len());
    for (draft, dropped) in drafts.into_iter().zip(drop) {
        match dropped {
            Some(phrase) => record(removals, &draft, Reason::Cue { phrase }),
            None => kept.push(draft),
        }
    }
    kept
}

/// Drops the cued block at `i` that is no heading when it is a label over a box of teasers (with
/// the box, whatever prose the teasers hold) or an orphan label; the index to go on from.
fn drop_label(
    page: &Page<'_>,
    drafts: &[Draft],
    i: usize,
    (phrase, label): (&'static str, bool),
    drop: &mut [Option<&'static str>],
) -> usize {
    if let Some(after) = label.then(|| teaser_box_end(page, drafts, i)).flatten() {
        drop[i..after].fill(Some(phrase));
        return after;
    }
    if drafts[i].block.kind == BlockKind::Paragraph && is_orphan_label(page, drafts, i, phrase) {
        drop[i] = Some(phrase);
    }
    i + 1
}

/// The end of the drafts of the box of teasers under the cued heading or label at `i`
/// ([`end::teaser_box`]), when there is one.
fn teaser_box_end(page: &Page<'_>, drafts: &[Draft], i: usize) -> Option<usize> {
    let (from, to) = end::teaser_box(page, drafts[i].owner)?;
    let after = drafts[i + 1..]
        .iter()
        .position(|d| !(from..to).contains(&d.owner))
        .map_or(drafts.len(), |k| i + 1 + k);
    (after > i + 1).then_some(after)
}

/// Longest block read as a label.
const LABEL_MAX_CHARS: usize = 60;
/// Words a label may have beyond its cue phrase ("Mehr zum Thema Klimaschutz", "Weitere Beiträge
/// aus der Kolumne").
const LABEL_EXTRA_WORDS: usize = 3;

/// Whether block `i` is a label (the cue `phrase` and at most a few words more) whose object the
/// filters removed: text of the page stands between it and the next block, or nothing follows it.
fn is_orphan_label(page: &Page<'_>, drafts: &[Draft], i: usize, phrase: &str) -> bool {
    let label = is_label(&drafts[i], phrase);
    let Some(next) = drafts.get(i + 1) else {
        return label;
    };
    let nodes = &page.dom.nodes;
    label
        && (nodes[drafts[i].owner].end..next.start)
            .any(|j| nodes[j].tag == Tag::Text && !nodes[j].text.trim().is_empty())
}

/// Whether a block is a label: the cue `phrase` and at most a few words more.
fn is_label(draft: &Draft, phrase: &str) -> bool {
    let text = &draft.block.text;
    text.chars().count() <= LABEL_MAX_CHARS
        && words(text).count() <= phrase.split(' ').count() + LABEL_EXTRA_WORDS
}

/// The cue that ends an article, when `draft` is a short block showing one.
fn section_cue(draft: &Draft) -> Option<(Cue, &'static str)> {
    if draft.block.text.chars().count() > TERMINATOR_MAX_CHARS {
        return None;
    }
    cues::find(&draft.block.text).filter(|(cue, _)| cue.ends_article())
}

/// Paragraphs of this many characters, two in a row, are the article going on.
const SENTENCE_PARAGRAPH_CHARS: usize = 100;

/// Whether the two blocks that open `rest` are paragraphs of prose: after a line inside the
/// article ("Read also: ..." between two paragraphs), the article goes on.
fn continues_in_prose(page: &Page<'_>, rest: &[Draft]) -> bool {
    rest.len() >= 2
        && rest[..2]
            .iter()
            .all(|d| is_prose_paragraph(page, d, SENTENCE_PARAGRAPH_CHARS))
}

/// A paragraph of the article's prose: long, and not a list of links. A cue ("Read also") with
/// such a paragraph right after it stands inside the article ("Read also: ..." between two
/// paragraphs), not at its end.
fn is_long_prose(page: &Page<'_>, draft: &Draft) -> bool {
    is_prose_paragraph(page, draft, LONG_PARAGRAPH_CHARS)
}

/// Whether a draft is a paragraph of prose of at least `min_chars` characters.
fn is_prose_paragraph(page: &Page<'_>, draft: &Draft, min_chars: usize) -> bool {
    draft.block.kind == BlockKind::Paragraph
        && draft.block.text.chars().count() >= min_chars
        && quality(&page.measures.unit[draft.owner]) == Quality::Good
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

mod end;
#[cfg(test)]
mod end_tests;
pub(crate) mod posts;
mod tail;
pub(crate) use tail::drop_teaser_tail;
#[cfg(test)]
mod section_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod unit_tests;
