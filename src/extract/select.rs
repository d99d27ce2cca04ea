//! Stage 5: choose the article body.
//!
//! The best-scoring container wins. When no container outweighs the boilerplate inside it, the
//! scorer runs again with boilerplate counting for nothing; when what the winner holds is too
//! short, it runs without markup hints, and as a last resort the whole `<body>` is taken; the DOM
//! is never touched.

use crate::config::Config;
use crate::dom::Tag;
use crate::extract::score::{self, Quality, Rules, Scores, Zoned};
use crate::extract::{lead, listing};
use crate::page::Page;
use crate::rules::hints::Hint;
use crate::rules::marks::{self, Mark};

/// A sibling of the winner joins the body when its score reaches this share of the winner's...
const SIBLING_SHARE: f32 = 0.1;
/// ...and at least this many characters of prose net of chaff.
const SIBLING_MIN: f32 = 80.0;
/// A container inside a sibling that scores this share of the winner is a part of the article.
const BURIED_SHARE: f32 = 0.3;
/// ...and holds at least this much prose net of chaff.
const BURIED_MIN: f32 = 250.0;
/// A marked article body overrides the scorer's pick when it holds this much prose.
const MARKED_BODY_MIN_PROSE: u32 = 200;
/// The pick without markup hints wins when it keeps this many times the text of the strict one.
const RELAXED_GAIN: f32 = 1.5;
/// A page that does not call itself an article is a thread when its comments hold this share of
/// its prose.
const THREAD_COMMENT_SHARE: (usize, usize) = (6, 10);

/// A chrome-named element holding this much prose and most of the page's is its wrapper.
const CHROME_GUARD_PROSE: u32 = 1000;

/// The boilerplate zones of `page` under `rules`.
pub(crate) fn zones(page: &Page<'_>, rules: Rules) -> Vec<Option<Mark>> {
    let overruled = if rules == Rules::Listing {
        listing::overruled(page)
    } else {
        Vec::new()
    };
    let mut zone = score::zones(page, rules, &overruled);
    if rules == Rules::Relaxed {
        let role = if page.kind.is_product() {
            marks::CHROME.with(marks::FURNITURE)
        } else {
            marks::CHROME
        };
        named_zones(page, role, &mut zone);
    }
    zone
}

/// Zones the elements whose mark plays `role` when the other hints are set aside: a page whose
/// markup misleads about its body still names its footer, its sign-up box and its pop-ups (and a
/// product page its reviews, however long), and none of them is the article. A chrome-named
/// element that holds most of the page's prose is a wrapper with an unlucky name.
fn named_zones(page: &Page<'_>, role: marks::Role, zone: &mut [Option<Mark>]) {
    let dom = &page.dom;
    let page_prose = page.prose.first().copied().unwrap_or(0);
    for i in 0..dom.len() {
        if page.dead[i] {
            continue;
        }
        let parent = dom.nodes[i].parent;
        if parent != usize::MAX && zone[parent].is_some() {
            zone[i] = zone[parent];
        } else if let Hint::Negative(mark) = page.hints[i]
            && mark.is(role)
            && (mark.is(marks::FURNITURE)
                || page.prose[i] * 2 <= page_prose
                || page.prose[i] < CHROME_GUARD_PROSE)
        {
            zone[i] = Some(mark);
        }
    }
}

/// The selected body: the roots of its subtrees, in document order, and the boilerplate zones in
/// force inside them.
#[derive(Debug)]
pub(crate) struct Body {
    pub rules: Rules,
    pub roots: Vec<usize>,
    pub zone: Vec<Option<Mark>>,
}

/// Picks the body, relaxing the rules when the strict pick is too short; an article's body gets
/// its lead (which weighs nothing in the choice).
pub(crate) fn select(page: &Page<'_>, config: &Config) -> Option<Body> {
    let mut body = choose(page, config)?;
    if matches!(body.rules, Rules::Strict | Rules::Relaxed) {
        lead::with_lead(page, &mut body.roots, &mut body.zone);
        lead::with_prose_headers(page, &body.roots, &mut body.zone);
    }
    Some(body)
}

fn choose(page: &Page<'_>, config: &Config) -> Option<Body> {
    let rules = if is_thread(page) {
        Rules::Thread
    } else if listing::is_listing(page) {
        Rules::Listing
    } else {
        Rules::Strict
    };
    let mut strict = pick(page, rules, Zoned::Chaff);
    let mut strict_chars = strict.as_ref().map_or(0, |b| kept_chars(page, b));
    if strict_chars >= config.body_floor() {
        return strict;
    }
    // No container outweighs its boilerplate: take the one with the most prose, zones aside.
    if strict.is_none() {
        strict = pick(page, rules, Zoned::Neutral);
        strict_chars = strict.as_ref().map_or(0, |b| kept_chars(page, b));
        if strict_chars >= config.body_floor() {
            return strict;
        }
    }
    let relaxed = pick(page, Rules::Relaxed, Zoned::Chaff);
    let relaxed_chars = relaxed.as_ref().map_or(0, |b| kept_chars(page, b));
    if relaxed_chars as f32 > strict_chars as f32 * RELAXED_GAIN {
        return relaxed;
    }
    if strict.is_some() {
        return strict;
    }
    // The whole page, less what its markup names as boilerplate.
    let dom = &page.dom;
    let root = dom.find(Tag::Body).or_else(|| dom.find(Tag::Html))?;
    Some(Body {
        rules: Rules::Strict,
        roots: vec![root],
        zone: zones(page, Rules::Strict),
    })
}

fn pick(page: &Page<'_>, rules: Rules, zoned: Zoned) -> Option<Body> {
    let Page {
        dom,
        dead,
        measures,
        hints,
        ..
    } = page;
    let zone = zones(page, rules);
    let scores = score::score(dom, dead, measures, hints, &zone, rules, zoned);
    let mut best: Option<usize> = None;
    for (i, &s) in scores.container.iter().enumerate() {
        if s > 0.0 && best.is_none_or(|b| s > scores.container[b]) {
            best = Some(i);
        }
    }
    // A listing's grid of cards is its content even when no container outweighs its chaff
    // (sought on a listing only: finding the entries costs a walk of the page).
    let grid = (rules == Rules::Listing)
        .then(|| listing::entries(page).grid)
        .flatten()
        .filter(|&g| zone[g].is_none() && !page.dead[g]);
    let mut winner = marked_body(page, &zone, best.or(grid)?);
    if (rules == Rules::Listing || (rules == Rules::Strict && !page.kind.is_og_article()))
        && let Some(main) = main_area(page, &zone, &scores, rules, winner)
    {
        winner = main;
    }
    let roots = with_siblings(page, winner, &scores, &zone, rules);
    Some(Body { roots, zone, rules })
}

/// The page's one `<main>` element (or `role=main`) around the winner: on a page of short items,
/// the items fill the main area. On a listing, the main area wins even apart from the winner when
/// it holds more content: a stray sentence must not beat a grid of cards.
fn main_area(
    page: &Page<'_>,
    zone: &[Option<Mark>],
    scores: &Scores,
    rules: Rules,
    winner: usize,
) -> Option<usize> {
    let dom = &page.dom;
    let mut mains = (0..dom.len()).filter(|&i| !page.dead[i] && dom.is_main_area(i));
    let main = mains.next()?;
    let single = mains.all(|m| m < dom.nodes[main].end);
    let holds_winner = main <= winner && winner < dom.nodes[main].end;
    let outweighs = rules == Rules::Listing
        && (scores.loose[main] > scores.loose[winner] || holds_teasers(page, main));
    (single && (holds_winner || outweighs) && zone[main].is_none()).then_some(main)
}

/// Whether the main area holds the page's entries: at least [`listing::MIN_TEASERS`] teasers, and most of
/// the page's. Their titles are short links that weigh little beside an intro above them.
fn holds_teasers(page: &Page<'_>, main: usize) -> bool {
    let range = main..page.dom.nodes[main].end;
    let (inside, _) = listing::teasers_within(page, range);
    let (all, _) = listing::teasers(page);
    inside >= listing::MIN_TEASERS && inside * 2 > all
}

/// The element the page marks as its article body (`itemprop=articleBody`, `entry-content`...)
/// when the winner lies apart from it and it holds real text; else the winner.
fn marked_body(page: &Page<'_>, zone: &[Option<Mark>], winner: usize) -> usize {
    let dom = &page.dom;
    let inside = |i: usize, outer: usize| outer <= i && i < dom.nodes[outer].end;
    let marked = (0..dom.len())
        .filter(|&i| page.hints[i] == Hint::Body && !page.dead[i] && zone[i].is_none())
        .max_by_key(|&i| page.prose[i]);
    match marked {
        Some(m)
            if !inside(m, winner)
                && !inside(winner, m)
                && page.prose[m] >= MARKED_BODY_MIN_PROSE =>
        {
            m
        }
        _ => winner,
    }
}

/// The winner plus the siblings, of it and of its ancestors, that hold prose of their own: an
/// article or a landing page split over several containers comes out whole.
fn with_siblings(
    page: &Page<'_>,
    winner: usize,
    scores: &Scores,
    zone: &[Option<Mark>],
    rules: Rules,
) -> Vec<usize> {
    let dom = &page.dom;
    let threshold = (scores.sum[winner] * SIBLING_SHARE).max(SIBLING_MIN);
    // A thread's part is posts, however short; an article's is prose.
    let buried_min = match rules {
        Rules::Thread => SIBLING_MIN,
        _ => BURIED_MIN,
    };
    let mut roots = vec![winner];
    let mut child = winner;
    let mut ancestor = dom.nodes[winner].parent;
    while ancestor != usize::MAX {
        let mut c = ancestor + 1;
        while c < dom.nodes[ancestor].end {
            if c != child && !page.dead[c] && zone[c].is_none() && dom.nodes[c].tag != Tag::Text {
                if scores.loose[c] >= threshold {
                    roots.push(c);
                } else if let Some(part) = buried_part(page, c, winner, scores, buried_min) {
                    roots.push(part);
                }
            }
            c = dom.nodes[c].end;
        }
        child = ancestor;
        ancestor = dom.nodes[ancestor].parent;
    }
    roots.sort_unstable();
    roots
}

/// A part of the body inside sibling `c` that its chaff outweighs as a whole: the container of
/// `c` that scores most, when it scores at least [`BURIED_SHARE`] of the winner and `min` (an
/// article's key points in a wrapper of teasers, a reply beside its poster's card).
fn buried_part(
    page: &Page<'_>,
    c: usize,
    winner: usize,
    scores: &Scores,
    min: f32,
) -> Option<usize> {
    let floor = (scores.container[winner] * BURIED_SHARE).max(min);
    (c..page.dom.nodes[c].end)
        .filter(|&d| scores.container[d] >= floor)
        .max_by(|&a, &b| scores.container[a].total_cmp(&scores.container[b]))
}

/// Whether the page is a forum thread or a Q&A page, where the replies are the content: it
/// declares a forum thread and has replies, or most of its prose sits in comments and it does not
/// call itself an article (a Q&A page's answers hold most of its prose; the comments under them
/// are not content).
fn is_thread(page: &Page<'_>) -> bool {
    if page.kind.is_og_article() && !page.kind.is_discussion() {
        return false;
    }
    let Page { dom, prose, .. } = page;
    let zone = zones(page, Rules::Strict);
    let page_prose = prose.first().copied().unwrap_or(0) as usize;
    let comment_prose: usize = (0..dom.len())
        .filter(|&i| {
            let parent = dom.nodes[i].parent;
            zone[i].is_some_and(|m| m.is(marks::COMMENT))
                && (parent == usize::MAX || zone[parent].is_none())
        })
        .map(|i| prose[i] as usize)
        .sum();
    let declared = page.kind.is_forum() && comment_prose > 0;
    page_prose > 0
        && (declared
            || comment_prose * THREAD_COMMENT_SHARE.1 >= page_prose * THREAD_COMMENT_SHARE.0)
}

/// Characters of the units inside the body that are not boilerplate-zoned, nor link lists unless
/// links are content.
fn kept_chars(page: &Page<'_>, body: &Body) -> usize {
    body.roots
        .iter()
        .flat_map(|&root| root..page.dom.nodes[root].end)
        .filter(|&i| !page.dead[i] && body.zone[i].is_none())
        .map(|i| &page.measures.unit[i])
        .filter(|u| {
            u.chars > 0 && (body.rules == Rules::Listing || score::quality(u) != Quality::Links)
        })
        .map(|u| u.chars as usize)
        .sum()
}

#[cfg(test)]
#[path = "select_tests.rs"]
mod tests;
