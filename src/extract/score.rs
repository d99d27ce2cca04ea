//! Stage 4: score every container by the prose it holds, minus the boilerplate it drags along.
//!
//! Each unit of text gets a value: positive for prose (long, punctuated, few links), negative for
//! link lists, short non-prose scraps and text inside containers whose markup names them as
//! boilerplate. A container's score is the sum over its subtree, so the best container is the one
//! that gathers the most prose for the least chaff, however the article is split into siblings.
//! Scores live in a side table indexed like the DOM.

use crate::dom::measure::{Measures, Unit};
use crate::dom::{Dom, Tag};
use crate::page::Page;
use crate::rules::hints::Hint;
use crate::rules::marks::{self, Mark};

/// How strictly the scorer reads markup hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rules {
    /// Class, id, role and tag hints count.
    Strict,
    /// As strict, but comments are the content: the page is a forum thread or a Q&A.
    Thread,
    /// As strict, for pages with little prose (listings, catalogues, product pages): short text
    /// and links in the main area are content.
    Listing,
    /// Hints are ignored: for pages whose markup misleads.
    Relaxed,
}

/// What a character of short non-link text is worth in [`Scores::loose`].
const SHORT_LOOSE: f32 = 0.6;

/// A boilerplate name is overruled only on a node holding at least this much prose (and most of
/// the page's).
const GUARD_MIN_PROSE: u32 = 1000;

/// A unit with more than this share of its text in links is a link list...
const LINKS_DENSITY: f32 = 0.5;
/// ...unless it is a sentence with links: at most this share linked, a full stop, and this many
/// characters outside links.
const LINKED_SENTENCE_DENSITY: f32 = 0.8;
const LINKED_SENTENCE_MIN_CHARS: u32 = 40;
/// A unit with a copyright sign and fewer characters than this is a footer line, not prose.
const COPYRIGHT_LINE_MAX_CHARS: u32 = 300;
/// Prose is long and punctuated with few links...
const LONG_PROSE_MIN_CHARS: u32 = 100;
const LONG_PROSE_DENSITY: f32 = 0.35;
/// ...or a sentence, shorter, with fewer links.
const SENTENCE_MIN_CHARS: u32 = 40;
const SENTENCE_DENSITY: f32 = 0.25;

/// A container's score is multiplied by this when its markup marks the article body...
const BODY_BONUS: f32 = 1.25;
/// ...by this when its name sounds like content (`post`, `entry`, `story`)...
const POSITIVE_BONUS: f32 = 1.08;
/// ...and by this when it is an `<article>`.
const ARTICLE_TAG_BONUS: f32 = 1.05;

/// How a unit reads on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quality {
    /// Prose: long, or punctuated, with few links.
    Good,
    /// Short or unpunctuated text: headings, labels, dates, list entries.
    Short,
    /// Mostly links.
    Links,
}

/// Classifies one unit by its own text.
pub(crate) fn quality(unit: &Unit) -> Quality {
    let density = unit.link_density();
    // A sentence with several links is still a sentence; a list of links is not.
    let linked_sentence = density <= LINKED_SENTENCE_DENSITY
        && unit.stops > 0
        && unit.chars - unit.link_chars >= LINKED_SENTENCE_MIN_CHARS;
    if density > LINKS_DENSITY && !linked_sentence {
        return Quality::Links;
    }
    let prose_marks = unit.stops + unit.commas;
    if unit.copyrights > 0 && unit.chars < COPYRIGHT_LINE_MAX_CHARS {
        return Quality::Short;
    }
    let long_prose =
        unit.chars >= LONG_PROSE_MIN_CHARS && density <= LONG_PROSE_DENSITY && prose_marks > 0;
    let sentence =
        unit.chars >= SENTENCE_MIN_CHARS && unit.stops > 0 && density <= SENTENCE_DENSITY;
    if long_prose || sentence {
        Quality::Good
    } else {
        Quality::Short
    }
}

/// What a character of short text and of a link list is worth on a listing, where they are the
/// items...
const LISTING_SHORT_VALUE: f32 = 0.5;
const LISTING_LINKS_VALUE: f32 = 0.3;
/// ...and elsewhere, where they are chaff (a character of prose is worth 1 less its links).
const SHORT_VALUE: f32 = -0.1;
const LINKS_VALUE: f32 = -1.0;

/// The value one character of a unit's text adds to every container that holds it.
fn char_value(unit: &Unit, rules: Rules) -> f32 {
    match (quality(unit), rules) {
        (Quality::Good, _) => 1.0 - unit.link_density(),
        (Quality::Short, Rules::Listing) => LISTING_SHORT_VALUE,
        (Quality::Links, Rules::Listing) => LISTING_LINKS_VALUE,
        (Quality::Short, _) => SHORT_VALUE,
        (Quality::Links, _) => LINKS_VALUE,
    }
}

/// Marks which hints are in force: a negative hint on a node that holds most of the page's prose is
/// a layout wrapper with an unlucky name, not boilerplate; on a listing, the listing policy
/// overrules more names (`overruled`, per node, from `listing::overruled`). Only an explicit
/// article body ends a zone inside it.
pub(crate) fn zones(page: &Page<'_>, rules: Rules, overruled: &[bool]) -> Vec<Option<Mark>> {
    let Page {
        dom,
        dead,
        hints,
        measures,
        prose,
        around_main,
        ..
    } = page;
    let n = dom.len();
    let mut zone = vec![None; n];
    if rules == Rules::Relaxed {
        return zone;
    }
    let page_prose = prose.first().copied().unwrap_or(0);
    let overruled_at = |i: usize| overruled.get(i).copied().unwrap_or(false);
    let rivals = article_elements(dom, dead, hints, prose);
    // A boilerplate-named element with most of the page's prose is a wrapper, unless an article
    // beside it holds prose of its own: then it is a sidebar that outgrew the story.
    let rivalled = |i: usize| {
        let end = dom.nodes[i].end;
        rivals.iter().any(|&a| {
            let apart = a >= end || dom.nodes[a].end <= i;
            apart && prose[a] * RIVAL_SHARE >= prose[i]
        })
    };
    let in_force = |i: usize| {
        (prose[i] * 2 <= page_prose || prose[i] < GUARD_MIN_PROSE || rivalled(i))
            && !overruled_at(i)
            && !around_main[i]
    };
    // Runs of prose blocks, and what lies inside them.
    let mut in_run = prose_block_runs(page);
    for i in 0..n {
        if dead[i] {
            continue;
        }
        let parent = dom.nodes[i].parent;
        let inherited = if parent == usize::MAX {
            None
        } else {
            in_run[i] |= in_run[parent];
            zone[parent]
        };
        zone[i] = match hints[i] {
            Hint::Negative(mark) if mark.is(marks::PROSE_BLOCK) && in_run[i] => inherited,
            Hint::Negative(mark) if rules == Rules::Thread && mark.is(marks::COMMENT) => inherited,
            // A widget that holds mostly prose is a panel of content, not a menu.
            Hint::Negative(mark) if mark.is(marks::WIDGET) && prose[i] * 2 >= measures.chars[i] => {
                inherited
            }
            // So is a heading's box that holds mostly prose: a section's heading and its copy.
            Hint::Negative(mark)
                if mark.is(marks::HEADING_BOX)
                    && prose[i] >= HEADING_BOX_MIN_PROSE
                    && prose[i] * 2 >= measures.chars[i] =>
            {
                inherited
            }
            Hint::Negative(mark) if in_force(i) || mark.is(marks::STRUCTURAL) => Some(mark),
            // Comments and galleries can outgrow the article they follow and stay what they are.
            Hint::Negative(mark)
                if mark.is(marks::OUTGROWING)
                    && page_prose - prose[i] >= GUARD_MIN_PROSE
                    && !overruled_at(i) =>
            {
                Some(mark)
            }
            Hint::Body => None,
            _ => inherited,
        };
    }
    zone
}

/// A box named like a sidebar's with this much prose, most of its text, in a run of
/// [`PROSE_BLOCK_RUN`] siblings so named and so full, is one of the page's items.
const PROSE_BLOCK_MIN_PROSE: u32 = 300;
const PROSE_BLOCK_RUN: usize = 3;

/// Marks the boxes named like a sidebar's (`widget`) that stand in a run of siblings so named,
/// each with paragraphs of prose, most of its text: a sidebar's boxes are links and scraps, a
/// row of such boxes full of prose is the page's items (the products a roundup reviews).
fn prose_block_runs(page: &Page<'_>) -> Vec<bool> {
    let Page {
        dom,
        dead,
        hints,
        measures,
        prose,
        ..
    } = page;
    let mut runs = vec![false; dom.len()];
    let mut blocks: Vec<(usize, usize)> = (0..dom.len())
        .filter(|&i| {
            !dead[i]
                && matches!(hints[i], Hint::Negative(m) if m.is(marks::PROSE_BLOCK))
                && prose[i] >= PROSE_BLOCK_MIN_PROSE
                && prose[i] * 2 >= measures.chars[i]
        })
        .map(|i| (dom.nodes[i].parent, i))
        .collect();
    blocks.sort_unstable();
    for run in blocks.chunk_by(|a, b| a.0 == b.0) {
        if run.len() >= PROSE_BLOCK_RUN {
            for &(_, i) in run {
                runs[i] = true;
            }
        }
    }
    runs
}

/// A header-named element with at least this much prose, most of its text, is a section of
/// content (its heading and copy) rather than a banner or a title block.
const HEADING_BOX_MIN_PROSE: u32 = 200;

/// Whether each node holds the page's main area (a live `<main>` or `role=main` element) below
/// it: whatever its name (`content-sidebar-wrap`, `has-sidebar`), such an element is a layout
/// wrapper around the content, not boilerplate.
pub(crate) fn around_main(dom: &Dom<'_>, dead: &[bool]) -> Vec<bool> {
    let n = dom.len();
    let mut holds = vec![false; n];
    for i in (0..n).rev() {
        if dead[i] {
            continue;
        }
        let parent = dom.nodes[i].parent;
        if parent != usize::MAX && (holds[i] || dom.is_main_area(i)) {
            holds[parent] = true;
        }
    }
    holds
}

/// An article beside a boilerplate-named element keeps the element's name in force when it holds
/// at least 1/this of the element's prose...
const RIVAL_SHARE: u32 = 4;
/// ...and at least this much prose.
const RIVAL_MIN_PROSE: u32 = 400;

/// The live `<article>` and `<main>` elements and those marked as the article body, with prose.
fn article_elements(dom: &Dom<'_>, dead: &[bool], hints: &[Hint], prose: &[u32]) -> Vec<usize> {
    (0..dom.len())
        .filter(|&i| {
            !dead[i]
                && prose[i] >= RIVAL_MIN_PROSE
                && (matches!(dom.nodes[i].tag, Tag::Article | Tag::Main) || hints[i] == Hint::Body)
        })
        .collect()
}

/// Characters of prose units in each subtree, hints aside.
pub(crate) fn prose_chars(dom: &Dom<'_>, dead: &[bool], measures: &Measures) -> Vec<u32> {
    let n = dom.len();
    let mut prose = vec![0u32; n];
    for i in (0..n).rev() {
        if dead[i] {
            continue;
        }
        let unit = &measures.unit[i];
        if unit.chars > 0 && quality(unit) == Quality::Good {
            prose[i] += unit.chars;
        }
        let parent = dom.nodes[i].parent;
        if parent != usize::MAX {
            prose[parent] += prose[i];
        }
    }
    prose
}

/// What the text of a boilerplate zone counts for in the scores of the containers around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Zoned {
    /// Against them, as chaff: a container of mostly boilerplate does not hold the article.
    Chaff,
    /// Nothing: for an article whose paragraphs share their only container with a boilerplate
    /// section longer than they are, such as a long comment thread.
    Neutral,
}

/// Per-node results of scoring.
#[derive(Debug)]
pub(crate) struct Scores {
    /// Prose minus chaff over each subtree.
    pub sum: Vec<f32>,
    /// The same, counting short non-link text (headings, labels, bullet points) as content: how
    /// a section next to the body reads.
    pub loose: Vec<f32>,
    /// The same, weighted by markup hints, for nodes that may hold the body; `f32::MIN` for others.
    pub container: Vec<f32>,
}

/// Scores every live node.
pub(crate) fn score(
    dom: &Dom<'_>,
    dead: &[bool],
    measures: &Measures,
    hints: &[Hint],
    zone: &[Option<Mark>],
    rules: Rules,
    zoned: Zoned,
) -> Scores {
    let n = dom.len();
    let mut sum = vec![0f32; n];
    let mut loose = vec![0f32; n];
    for i in (0..n).rev() {
        if dead[i] {
            continue;
        }
        let node = &dom.nodes[i];
        if node.tag == Tag::Text && measures.chars[i] > 0 {
            let chars = measures.chars[i] as f32;
            (sum[i], loose[i]) = match (zone[i], measures.owner[i]) {
                (Some(_), _) if zoned == Zoned::Neutral => (0.0, 0.0),
                (Some(_), _) | (None, usize::MAX) => (-chars, -chars),
                (None, owner) => {
                    let unit = &measures.unit[owner];
                    let strict = chars * char_value(unit, rules);
                    let short = quality(unit) == Quality::Short;
                    (strict, if short { SHORT_LOOSE * chars } else { strict })
                }
            };
        }
        if node.parent != usize::MAX {
            sum[node.parent] += sum[i];
            loose[node.parent] += loose[i];
        }
    }
    let container = (0..n)
        .map(|i| {
            let tag = dom.nodes[i].tag;
            if dead[i] || !tag.is_container() || zone[i].is_some() {
                return f32::MIN;
            }
            let s = sum[i];
            if s <= 0.0 {
                return s;
            }
            let bonus = match hints[i] {
                Hint::Body => BODY_BONUS,
                Hint::Positive => POSITIVE_BONUS,
                _ => 1.0,
            };
            let tag_bonus = if tag == Tag::Article {
                ARTICLE_TAG_BONUS
            } else {
                1.0
            };
            s * bonus * tag_bonus
        })
        .collect();
    Scores {
        sum,
        loose,
        container,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(chars: u32, link_chars: u32, commas: u32, stops: u32) -> Unit {
        Unit {
            chars,
            link_chars,
            commas,
            stops,
            copyrights: 0,
        }
    }

    #[test]
    fn prose_links_and_scraps() {
        assert_eq!(quality(&unit(300, 20, 4, 3)), Quality::Good);
        assert_eq!(quality(&unit(300, 250, 4, 3)), Quality::Links);
        assert_eq!(quality(&unit(20, 0, 0, 0)), Quality::Short);
        assert_eq!(quality(&unit(60, 0, 0, 1)), Quality::Good);
        assert!(char_value(&unit(300, 250, 4, 3), Rules::Strict) < 0.0);
    }

    #[test]
    fn a_run_of_widgets_full_of_prose_is_the_pages_items_a_sidebars_widgets_are_not() {
        let review = |name: &str, verdict: &str| {
            format!(
                r#"<div class="c-product-widget"><h3>{name}</h3><p>REVIEW_TEXT {verdict} We
                would pick it again, and so did two of our testers, who bought one after the
                test was over.</p><a href="/buy">Buy now</a></div>"#
            )
        };
        let html = format!(
            r#"<html><body><main><h1>The best gaming laptops</h1>
            <p>We tested twenty laptops under a thousand dollars over three months, in games,
            benchmarks and everyday work, to find the few worth buying.</p>
            <p>Every laptop ran the same games at the same settings, and the same battery test,
            a loop of web pages at a fixed brightness until it shut down; we noted its heat and
            its noise along the way, and how the keys felt after a day of typing.</p>
            <p>Prices move every week, so check the price before you buy: a laptop that costs a
            little more than another may still be the better deal for the way you play.</p>
            {}{}{}</main>
            <div class="sidebar"><div class="widget"><p>SIDEBAR_TEXT Read more from our team,
            where we write about the gear we love, every day of the week, all year round and in
            every season of it too.</p></div></div></body></html>"#,
            review(
                "Nitro 16",
                "The laptop we would buy with our own money: it runs every game we tried at \
                 high settings, its screen is bright and quick, and the battery lasts a working \
                 day, which few gaming laptops at this price can claim. Its speakers are thin, \
                 and the fans are loud under load, but a headset fixes both."
            ),
            review(
                "Chromebook 516",
                "A surprise: games stream from the cloud to a fast, sharp panel, with a \
                 keyboard built for play, anti-ghosting and all. Without a connection it is an \
                 ordinary Chromebook, and a good one, light enough for school and quiet enough \
                 for a library, though its webcam is grainy in dim rooms."
            ),
            review(
                "Katana 15",
                "More power than anything else here, for those who play the newest titles: the \
                 graphics card keeps frame rates high where the others stumble. It pays for it \
                 with weight, a plastic shell that flexes, and a battery that gives up before \
                 the afternoon is over, so keep its charger close."
            ),
        );
        let text = crate::extract(&html, &crate::Config::default())
            .expect("extracts")
            .text();
        assert_eq!(text.matches("REVIEW_TEXT").count(), 3, "{text}");
        assert!(!text.contains("SIDEBAR_TEXT"), "{text}");
    }

    #[test]
    fn a_header_named_box_of_prose_is_content_and_a_title_block_is_not() {
        let html = r#"<html><head><title>Quiet Buds</title></head><body><main>
            <div class="entry-header"><h1>Quiet Buds</h1><p>BYLINE_TEXT By Ann Lee, May 2</p></div>
            <section><div class="stories-header"><h2>Sound, rebuilt</h2>
            <p>HEADER_COPY A new acoustic design gives deeper bass and a wider stage, so that
            every note of a song comes through, from the lowest drum to the highest string. The
            drivers are new as well, and so is the amplifier that feeds them, built for a
            sound that stays clear at any volume.</p>
            </div><p>BODY_TEXT The earbuds adapt their sound to the shape of each ear, measured
            by a microphone inside, many times a second, as the fit changes while you move.</p>
            <p>The charging case holds four more charges and fits any pocket, and it finds its
            way back to you with a sound when it is lost somewhere in the house.</p>
            <p>Each earbud resists dust, sweat and water, and the case does too, so a run in the
            rain or an hour at the gym is nothing to worry about for either of them.</p>
            <p>Setting up takes a moment: open the case next to your phone and follow the
            prompts, and the earbuds join every device signed in to the same account.</p></section>
            </main></body></html>"#;
        let text = crate::extract(html, &crate::Config::default())
            .expect("extracts")
            .text();
        assert!(text.contains("HEADER_COPY"), "{text}");
        assert!(text.contains("BODY_TEXT"), "{text}");
        assert!(!text.contains("BYLINE_TEXT"), "{text}");
    }
}
