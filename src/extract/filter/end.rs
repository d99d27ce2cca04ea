//! The end of the article, found by structure: where its last paragraph of prose stands, what a
//! cued heading inside it heads (a box of links, not the prose after it), and whether a body
//! read as a listing is an article followed by its tail of teasers.

use crate::blocks::BlockKind;
use crate::dom::Tag;
use crate::extract::build::Draft;
use crate::extract::listing::shape;
use crate::extract::score::{Quality, quality};
use crate::page::Page;
use crate::rules::cues;

use super::{ARTICLE_MIN_PARAGRAPHS, is_long_prose, section_cue};

/// A block at least this link-dense (its links' share of its characters) is an item of a box of
/// links ("Mehr zum Thema" over a few headlines, each with a line of teaser).
const LINK_ITEM_DENSITY: f32 = 0.25;

/// Where the article's tail may start: after its last paragraph of prose, if it has one. A
/// document with footnotes has none: what follows its prose (references, further reading,
/// external links) is part of it.
pub(super) fn tail_from(page: &Page<'_>, drafts: &[Draft]) -> Option<usize> {
    if drafts.iter().any(|d| d.block.note().is_some()) {
        return None;
    }
    drafts
        .iter()
        .rposition(|d| is_long_prose(page, d))
        .map(|last| last + 1)
}

/// A tail whose paragraphs of plain prose (sentences without links) hold at least this share
/// (per cent) of its text is more of the article ("Coming next: ..."), not teasers.
const TAIL_PROSE_SHARE: usize = 50;

/// Whether the blocks after a cued heading (`from[0]`) read as prose: mostly sentences without
/// links, as teasers of other stories, linked headlines and bylines are not. A paragraph with
/// text the filters removed right before it (its teaser's linked headline, removed as links)
/// is a teaser, not prose.
pub(super) fn prose_follows(page: &Page<'_>, from: &[Draft]) -> bool {
    let (mut prose, mut total) = (0usize, 0usize);
    for pair in from.windows(2) {
        let (before, d) = (&pair[0], &pair[1]);
        let unit = &page.measures.unit[d.owner];
        let chars = d.block.text.chars().count();
        total += chars;
        if d.block.kind == BlockKind::Paragraph
            && unit.link_chars == 0
            && quality(unit) == Quality::Good
            && !text_between(page, before, d)
        {
            prose += chars;
        }
    }
    total > 0 && prose * 100 >= TAIL_PROSE_SHARE * total
}

/// A teaser's box holds its headline and its sentence, and at most this many characters.
const TEASER_BOX_MAX_CHARS: u32 = 600;

/// Whether text of the page that is no draft stands between two drafts, in the small box that
/// holds the second: a teaser's linked headline over its sentence. A box of links the article
/// holds between two of its paragraphs ("Read also: ...") does not make the next one a teaser.
fn text_between(page: &Page<'_>, before: &Draft, after: &Draft) -> bool {
    let nodes = &page.dom.nodes;
    let parent = nodes[after.owner].parent;
    (parent == usize::MAX || page.measures.chars[parent] <= TEASER_BOX_MAX_CHARS)
        && (nodes[before.owner].end..after.start)
            .any(|j| nodes[j].tag == Tag::Text && !crate::text::is_blank(nodes[j].text))
}

/// The blocks of `drafts` that belong to the article when they are measured as one: those before
/// the first cued heading or label ("Weitere Artikel", "Das könnte Sie auch interessieren") that
/// follows a few paragraphs of prose. A news page's tail of teasers, which can outweigh the story,
/// does not make the story a listing. Only a page that says it is an article (`og:type`) is read
/// so: a shop's or a catalogue's pages open with prose over their items too.
pub(super) fn before_tail<'d>(page: &Page<'_>, drafts: &'d [Draft]) -> &'d [Draft] {
    if !page.kind.is_og_article() || page.kind.is_discussion() {
        return drafts;
    }
    let mut long = 0usize;
    for (i, d) in drafts.iter().enumerate() {
        if is_long_prose(page, d) {
            long += 1;
        } else if long >= ARTICLE_MIN_PARAGRAPHS && section_cue(d).is_some() {
            // The story holds most of the body's prose; a catalogue's descriptions go on after.
            let after = drafts[i..]
                .iter()
                .filter(|d| is_long_prose(page, d))
                .count();
            return if after < long { &drafts[..i] } else { drafts };
        }
    }
    drafts
}

/// The end of the run of link items that follows block `i` (a cued heading inside the article):
/// the index of the first block after it that is not a short, link-dense block.
pub(super) fn link_run_end(page: &Page<'_>, drafts: &[Draft], i: usize) -> usize {
    let is_link_item = |d: &Draft| {
        !matches!(d.block.kind, BlockKind::Heading { .. })
            && !is_long_prose(page, d)
            && page.measures.unit[d.owner].link_density() >= LINK_ITEM_DENSITY
    };
    drafts[i + 1..]
        .iter()
        .position(|d| !is_link_item(d))
        .map_or(drafts.len(), |k| i + 1 + k)
}

/// Fewest words of a short sentence read as the article's at its edges.
const EDGE_SENTENCE_MIN_WORDS: usize = 3;

/// Whether a short paragraph at the body's edge is a sentence of the article (a closing thanks,
/// a last answer, a one-line opening): no link, no cue, a few words ending as sentences end. A
/// product page's short lines around its description are offers and notices, not its text.
pub(super) fn is_edge_sentence(page: &Page<'_>, draft: &Draft) -> bool {
    let text = draft.block.text.trim_end();
    // What may follow a sentence's last stop: closing quotes and brackets.
    let ending = text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '”' | '’' | '“' | '»' | '«' | ')' | ']' | '\u{FE0F}'
            )
    });
    // An emoji ends a sentence as a stop does ("– und das gefällt mir 😉").
    let stopped = ending.ends_with(STOPS)
        || ending
            .chars()
            .next_back()
            .is_some_and(|c| c >= '\u{1F300}' || ('\u{2600}'..='\u{26FF}').contains(&c));
    let words = crate::text::words(text).count();
    // A letter's or a speech's salutation ("Liebe Schwestern und Brüder,", "Dear readers,").
    let salutation = ending.ends_with(',') && words <= SALUTATION_MAX_WORDS;
    let min_words = if salutation {
        SALUTATION_MIN_WORDS
    } else {
        EDGE_SENTENCE_MIN_WORDS
    };
    !page.kind.is_product()
        && draft.block.kind == BlockKind::Paragraph
        && page.measures.unit[draft.owner].link_chars == 0
        && (stopped || salutation)
        && words >= min_words
        && cues::find(text).is_none()
}

/// The marks that end a sentence.
const STOPS: [char; 7] = ['.', '!', '?', '…', '。', '！', '？'];

/// Fewest and most words of a salutation opening or closing a letter or a speech.
const SALUTATION_MIN_WORDS: usize = 2;
const SALUTATION_MAX_WORDS: usize = 6;

/// Fewest items of a box of teasers.
const BOX_MIN_ITEMS: usize = 2;

/// The nodes (a range of the DOM) of the box of teasers that a cued heading or label (`owner`,
/// its element) stands over: right after it, elements of one shape (tag and first class), at least
/// two (list items, `<article>` elements or elements with a class), each leading away by a link
/// and showing a picture or a heading, as teasers of other
/// stories do ("You may also like" over cards); or one element holding such items. A list of
/// references under "Related work" has neither pictures nor headings and stays.
pub(super) fn teaser_box(page: &Page<'_>, owner: usize) -> Option<(usize, usize)> {
    let dom = &page.dom;
    // The heading's own wrapper: climb while the text is all the heading's.
    let mut head = owner;
    loop {
        let parent = dom.nodes[head].parent;
        if parent == usize::MAX || page.measures.chars[parent] != page.measures.chars[head] {
            break;
        }
        head = parent;
    }
    let parent = dom.nodes[head].parent;
    if parent == usize::MAX {
        return None;
    }
    let next = next_element(page, dom.nodes[head].end, dom.nodes[parent].end)?;
    let run = |first: usize, limit: usize| {
        let first_shape = shape(dom, first);
        let mut c = first;
        let mut end = first;
        let mut count = 0;
        while c < limit {
            if page.dead[c] || dom.nodes[c].tag == Tag::Text {
                c = dom.nodes[c].end;
                continue;
            }
            if shape(dom, c) != first_shape || !can_be_item(first_shape) || !is_teaser(page, c) {
                break;
            }
            count += 1;
            end = dom.nodes[c].end;
            c = end;
        }
        (count >= BOX_MIN_ITEMS).then_some((first, end))
    };
    run(next, dom.nodes[parent].end).or_else(|| {
        let inner = next_element(page, next + 1, dom.nodes[next].end)?;
        let (from, to) = run(inner, dom.nodes[next].end)?;
        // The wrapper holds the items and little else.
        let items = chars_between(page, from, to);
        (items * 10 >= page.measures.chars[next] * 9).then_some((next, dom.nodes[next].end))
    })
}

/// The first live element at or after `from`, before `limit`, skipping text.
fn next_element(page: &Page<'_>, from: usize, limit: usize) -> Option<usize> {
    let dom = &page.dom;
    let mut c = from;
    while c < limit {
        if !page.dead[c] && dom.nodes[c].tag != Tag::Text {
            return Some(c);
        }
        c = dom.nodes[c].end;
    }
    None
}

/// Characters of the sibling subtrees from `from` to `to`.
fn chars_between(page: &Page<'_>, from: usize, to: usize) -> u32 {
    let mut c = from;
    let mut chars = 0;
    while c < to {
        chars += page.measures.chars[c];
        c = page.dom.nodes[c].end;
    }
    chars
}

/// Whether elements of this shape can be a box's items: list items and `<article>` elements, or
/// elements with a class (bare `<div>` elements are layout).
fn can_be_item((tag, class): (Tag, &str)) -> bool {
    matches!(tag, Tag::Li | Tag::Article) || !class.is_empty()
}

/// Whether element `i` reads as a teaser: a link to another page, and a picture or a heading.
fn is_teaser(page: &Page<'_>, i: usize) -> bool {
    let dom = &page.dom;
    let (mut link, mut picture, mut heading) = (false, false, false);
    for j in i..dom.nodes[i].end {
        if page.dead[j] {
            continue;
        }
        match dom.nodes[j].tag {
            Tag::A => link |= dom.leads_away(j),
            Tag::Img | Tag::Figure => picture = true,
            Tag::Heading(_) => heading = true,
            _ => {}
        }
    }
    link && (picture || heading)
}
