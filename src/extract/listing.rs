//! The listing policy: which boilerplate names do not hold on a listing (a news section front, a
//! blog index, search results, a shop's product grid).
//!
//! Names are read as on an article, with two exceptions.
//! - A wrapper named after a part of the layout or the page's subject (`page--category`,
//!   `off-canvas-main-canvas`) is the page itself when the elements of that name hold most of the
//!   page's text: one wrapper, or a category page's lists of entries under their headings.
//! - Inside the page's repeated items, names that mark boilerplate on an article name the parts of
//!   an entry: its title bar (a `header` holding the entry's heading), its date line (`meta`,
//!   `byline`), its labels (`tags`, `category`). On the item itself, such a word names the kind of
//!   entry (`product_tag-sale`, `teaser`). Other names still count: a sidebar's widgets and a
//!   thread's comments are repeated items too.
//!
//! An item is an element with at least [`MIN_ITEMS`] live siblings of its own shape (the same tag
//! and the same first class name) that hold text and a link: an entry leads somewhere. Paragraphs,
//! headings and classless `<div>` and `<section>` elements are never items, so an article's run
//! of paragraphs and a page's layout boxes are not a listing.

use rustc_hash::FxHashMap;

use crate::dom::measure::Measures;
use crate::dom::{Dom, Tag};
use crate::page::{Entries, Page};
use crate::rules::cues::{self, Cue};
use crate::rules::hints::Hint;
use crate::rules::marks;

/// Siblings of one shape that make a run of listing items.
const MIN_ITEMS: usize = 3;

/// An element inside an entry that holds this share of its text is the entry itself.
const ENTRY_SHARE: (u32, u32) = (9, 10);

/// The wrappers of one name hold at least this many characters...
const WRAPPER_MIN_CHARS: u32 = 1000;

/// The grid of a listing's cards is its content when the prose beside it is less than this: an
/// intro of a paragraph or two.
const GRID_INTRO_MAX_PROSE: u32 = 1500;
/// ...or than this on a page that calls itself an article: a short article's teaser grid is its
/// suggestions, but an article page of cards and no prose is a listing.
const GRID_ARTICLE_MAX_PROSE: u32 = 200;

/// Whether each node's boilerplate name is overruled on a listing.
pub(crate) fn overruled(page: &Page<'_>) -> Vec<bool> {
    let Page {
        dom,
        dead,
        hints,
        measures,
        ..
    } = page;
    let n = dom.len();
    let Entries { items, item_of, .. } = entries(page);
    // A title bar holds the entry's heading, or is part of it.
    let mut headed = below(dom, dead, |tag| matches!(tag, Tag::Heading(_)));
    for (node, headed) in dom.nodes.iter().zip(headed.iter_mut()) {
        if node.parent != usize::MAX && matches!(dom.nodes[node.parent].tag, Tag::Heading(_)) {
            *headed = true;
        }
    }
    // An entry shows a picture or a heading; a menu's items seldom do.
    let shown = below(dom, dead, |tag| {
        tag == Tag::Img || matches!(tag, Tag::Heading(_))
    });
    let page_chars = measures.chars.first().copied().unwrap_or(0);
    let (named_chars, counted) = wrapper_chars(dom, dead, hints, measures, items);
    // The grid of the page's entries and the wrappers around it (`thumbs-grid`).
    let mut around_grid = vec![false; n];
    // Only beside a short intro: the cards of a page with prose of its own are suggestions.
    let page_prose = page.prose.first().copied().unwrap_or(0);
    let mut a = entries(page)
        .grid
        .filter(|&g| {
            let bound = if page.kind.is_og_article() {
                GRID_ARTICLE_MAX_PROSE
            } else {
                GRID_INTRO_MAX_PROSE
            };
            page_prose - page.prose[g] < bound
        })
        .unwrap_or(usize::MAX);
    while a != usize::MAX {
        around_grid[a] = true;
        a = dom.nodes[a].parent;
    }
    (0..n)
        .map(|i| {
            let Hint::Negative(mark) = hints[i] else {
                return false;
            };
            let chars = measures.chars[i];
            let named = if counted[i] {
                named_chars.get(&mark).copied().unwrap_or(0)
            } else {
                chars
            };
            let wrapper =
                mark.is(marks::WRAPPER) && named * 2 > page_chars && named >= WRAPPER_MIN_CHARS;
            let kind = items[i] && mark.is(marks::ENTRY_KIND);
            let item = item_of[i];
            let inside = item != usize::MAX && item != i;
            let part = inside
                && (mark.is(marks::ENTRY_PART) || (mark.is(marks::ENTRY_HEADER) && headed[i]));
            // Inside an entry that shows a picture or a heading, an element holding all its text
            // is the entry again, and its name a state of the entry (`subscription-eligible`,
            // `card--promo`); but a menu's boxes are menus, whatever they show.
            let body = inside
                && shown[item]
                && !mark.is(marks::NAVIGATION)
                && chars * ENTRY_SHARE.1 >= measures.chars[item] * ENTRY_SHARE.0;
            let grid = around_grid[i] && !mark.is(marks::NAVIGATION);
            wrapper || kind || part || body || grid
        })
        .collect()
}

/// Characters of the outermost live elements named by each word of a page's subject (`category`,
/// `tags`) that hold a run of listing items, and which elements those are (or lie in one of the
/// same word): a category page's lists of entries (`mw-category` twice, under two headings) hold
/// most of it together. Words of the layout (`header`) count one element at a time: a page's
/// header holds a menu.
fn wrapper_chars(
    dom: &Dom<'_>,
    dead: &[bool],
    hints: &[Hint],
    measures: &Measures,
    items: &[bool],
) -> (FxHashMap<marks::Mark, u32>, Vec<bool>) {
    let n = dom.len();
    // Listing items in each subtree.
    let mut held = vec![0usize; n];
    for i in (0..n).rev() {
        held[i] += usize::from(items[i]);
        let parent = dom.nodes[i].parent;
        if parent != usize::MAX {
            held[parent] += held[i];
        }
    }
    let mut total: FxHashMap<marks::Mark, u32> = FxHashMap::default();
    // The outermost element named by a wrapper word that each node is or lies in, and its word:
    // only those count, so that nested wrappers are not counted twice, and one of the same word
    // inside a counted wrapper goes with it.
    let mut outermost: Vec<Option<(usize, marks::Mark)>> = vec![None; n];
    let mut counted = vec![false; n];
    for i in 0..n {
        let parent = dom.nodes[i].parent;
        let outer = if parent == usize::MAX {
            None
        } else {
            outermost[parent]
        };
        outermost[i] = outer;
        if dead[i] {
            continue;
        }
        let Hint::Negative(mark) = hints[i] else {
            continue;
        };
        if !mark.is(marks::WRAPPER) {
            continue;
        }
        match outer {
            None => {
                outermost[i] = Some((i, mark));
                if held[i] >= MIN_ITEMS && mark.is(marks::ENTRY_KIND) {
                    *total.entry(mark).or_default() += measures.chars[i];
                    counted[i] = true;
                }
            }
            Some((o, outer_mark)) => counted[i] = counted[o] && outer_mark == mark,
        }
    }
    (total, counted)
}

/// A page whose prose is less than this share of its text is read as a listing...
const LISTING_PROSE_SHARE: f32 = 0.35;
/// ...or less than this share, when the page does not call itself an article.
const UNDECLARED_LISTING_PROSE_SHARE: f32 = 0.45;
/// A page whose prose is less than this share of its text is read as a listing when its
/// teasers...
const TEASER_PAGE_PROSE_SHARE: f32 = 0.65;
/// ...number at least this many...
pub(crate) const MIN_TEASERS: usize = 6;
/// ...and hold at least this share of its text.
const TEASER_SHARE: f32 = 0.5;

/// Whether the page has too little prose for an article: a listing, a catalogue, a product page.
pub(crate) fn is_listing(page: &Page<'_>) -> bool {
    let dom = &page.dom;
    let all = dom
        .find(Tag::Body)
        .map_or(0, |body| page.measures.chars[body]);
    let prose = page.prose.first().copied().unwrap_or(0);
    let share = if page.kind.is_og_article() {
        LISTING_PROSE_SHARE
    } else {
        UNDECLARED_LISTING_PROSE_SHARE
    };
    ((prose as f32) < share * all as f32
        || ((prose as f32) < TEASER_PAGE_PROSE_SHARE * all as f32 && has_teasers(page, all)))
        && !(page.kind.is_og_article() && has_paywall(page))
}

/// Longest block read as a paywall's sign-in line.
const PAYWALL_LINE_CHARS: u32 = 160;

/// Whether a short block of the page opens with a paywall's sign-in line ("Already a
/// subscriber?"): an article cut short, whose little prose does not make it a listing.
fn has_paywall(page: &Page<'_>) -> bool {
    let dom = &page.dom;
    (0..dom.len()).any(|i| {
        let node = &dom.nodes[i];
        let unit = page.measures.owner[i];
        node.tag == Tag::Text
            && !page.dead[i]
            && unit != usize::MAX
            && (1..=PAYWALL_LINE_CHARS).contains(&page.measures.unit[unit].chars)
            && cues::may_show_paywall(node.text)
            && cues::find_where(&dom.text_of(unit, |_| false))
                .is_some_and(|(cue, _, opens)| cue == Cue::Paywall && opens)
    })
}

/// Whether the page's teasers (entries titled by a link to another page) are many and hold a
/// large share of its text: a news section, a blog index, a shop's category page whose teasers
/// carry sentences, beside which an article's related links are few.
fn has_teasers(page: &Page<'_>, all: u32) -> bool {
    if live_headings(page, 0..page.dom.len(), MIN_TEASERS) < MIN_TEASERS {
        return false;
    }
    let (count, chars) = teasers(page);
    count >= MIN_TEASERS && chars as f32 >= TEASER_SHARE * all as f32
}

/// The page's teasers: the outermost listing items that hold a heading with a link (or a link
/// with a heading), an entry's title; how many there are and how many characters they hold.
pub(crate) fn teasers(page: &Page<'_>) -> (usize, u32) {
    teasers_within(page, 0..page.dom.len())
}

/// The page's teasers (as [`teasers`]) among the nodes `within`, a subtree's range.
pub(crate) fn teasers_within(page: &Page<'_>, within: std::ops::Range<usize>) -> (usize, u32) {
    let teaser = &entries(page).teaser;
    let (mut count, mut chars) = (0, 0);
    for i in within.filter(|&i| teaser[i]) {
        count += 1;
        chars += page.measures.chars[i];
    }
    (count, chars)
}

/// The element whose children are most of the page's teasers, at least [`MIN_TEASERS`] of them:
/// a shop's grid of cards, a blog's index (`Entries::grid`). Their short titles weigh little
/// beside an intro, yet they are a listing's content.
fn grid_of(dom: &Dom<'_>, teaser: &[bool]) -> Option<usize> {
    let mut per_parent: FxHashMap<usize, usize> = FxHashMap::default();
    let mut all = 0;
    for i in (0..dom.len()).filter(|&i| teaser[i]) {
        all += 1;
        *per_parent.entry(dom.nodes[i].parent).or_default() += 1;
    }
    let (grid, count) = per_parent
        .into_iter()
        .max_by_key(|&(p, c)| (c, std::cmp::Reverse(p)))?;
    (grid != usize::MAX && count >= MIN_TEASERS && count * 2 > all).then_some(grid)
}

/// Teasers a body holds, at least, for their linked titles to be its entries...
const MIN_BODY_TEASERS: usize = 6;
/// ...and this share of its text: an article's tail of related teasers holds less.
const BODY_TEASER_SHARE: (u32, u32) = (1, 4);

/// Whether each node lies in a teaser (as [`teasers`]) inside `roots`, when those hold at least
/// [`MIN_BODY_TEASERS`] of them and a quarter of their text; else no node does. A body that is a
/// run of entries, each a linked title over a line of teaser text, is a listing whatever its
/// prose: the titles are its items.
pub(crate) fn in_teasers(page: &Page<'_>, roots: &[usize]) -> Vec<bool> {
    let (dom, measures) = (&page.dom, &page.measures);
    let headings: usize = roots
        .iter()
        .map(|&root| live_headings(page, root..dom.nodes[root].end, MIN_BODY_TEASERS))
        .sum();
    if headings < MIN_BODY_TEASERS {
        // Too few teasers for certain, without finding the page's entries.
        return vec![false; dom.len()];
    }
    let Entries {
        item_of, teaser, ..
    } = entries(page);
    let (mut count, mut chars, mut all) = (0, 0, 0);
    for &root in roots {
        all += measures.chars[root];
        let (inside, inside_chars) = teasers_within(page, root..dom.nodes[root].end);
        count += inside;
        chars += inside_chars;
    }
    if count < MIN_BODY_TEASERS || chars * BODY_TEASER_SHARE.1 < all * BODY_TEASER_SHARE.0 {
        return vec![false; dom.len()];
    }
    item_of
        .iter()
        .map(|&item| item != usize::MAX && teaser[item])
        .collect()
}

/// Live headings and title-named elements among `within`, up to `enough`: each teaser holds one
/// (its title), so fewer than the teasers asked for means too few teasers, whatever the entries.
fn live_headings(page: &Page<'_>, within: std::ops::Range<usize>, enough: usize) -> usize {
    let dom = &page.dom;
    within
        .filter(|&i| {
            !page.dead[i]
                && (matches!(dom.nodes[i].tag, Tag::Heading(_))
                    || (dom.nodes[i].tag != Tag::Text && title_named(dom, i)))
        })
        .take(enough)
        .count()
}

/// The page's listing entries, found on the first call and kept in the page.
pub(crate) fn entries<'p>(page: &'p Page<'_>) -> &'p Entries {
    page.entries.get_or_init(|| {
        let (dom, dead) = (&page.dom, &page.dead);
        let (items, item_of) = items(dom, dead, &page.measures);
        let titled = titled_links(dom, dead);
        let teaser: Vec<bool> = (0..dom.len())
            .map(|i| items[i] && item_of[i] == i && titled[i])
            .collect();
        let grid = grid_of(dom, &teaser);
        Entries {
            items,
            item_of,
            teaser,
            grid,
        }
    })
}

/// Whether an element's class names it an entry's title (`card-title`, `item-name`,
/// `headline`): a grid of cards whose titles are spans, not headings. A name beside `author` or
/// `user` is a byline's.
fn title_named(dom: &Dom<'_>, i: usize) -> bool {
    let (mut title, mut name, mut person) = (false, false, false);
    for w in dom.class_words(i) {
        let is = |word: &[u8]| w.eq_ignore_ascii_case(word);
        // Told apart by length first: most words are none of these.
        match w.len() {
            4 => (name, person) = (name || is(b"name"), person || is(b"user")),
            5 => title |= is(b"title"),
            6 => person |= is(b"author"),
            8 => title |= is(b"headline"),
            _ => {}
        }
    }
    title || (name && !person)
}

/// Whether each node holds a live link inside a heading, or a heading inside a link; an element
/// named as a title (see [`title_named`]) counts as a heading.
fn titled_links(dom: &Dom<'_>, dead: &[bool]) -> Vec<bool> {
    let n = dom.len();
    // Per node, below it (itself excluded): a live heading, a live link away, a title.
    let mut heading = vec![false; n];
    let mut link = vec![false; n];
    let mut found = vec![false; n];
    for i in (0..n).rev() {
        if dead[i] {
            continue;
        }
        let tag = dom.nodes[i].tag;
        // A post's anchor (`#p123`) titles a reply, not an entry.
        let away = dom.leads_away(i);
        let titles = matches!(tag, Tag::Heading(_)) || (tag != Tag::A && title_named(dom, i));
        found[i] |= (away && heading[i]) || (titles && link[i]);
        let parent = dom.nodes[i].parent;
        if parent != usize::MAX {
            heading[parent] |= heading[i] || titles;
            link[parent] |= link[i] || away;
            found[parent] |= found[i];
        }
    }
    found
}

/// Which nodes are listing items, and the item each node is or lies in (`usize::MAX` for none).
fn items(dom: &Dom<'_>, dead: &[bool], measures: &Measures) -> (Vec<bool>, Vec<usize>) {
    let n = dom.len();
    let mut items = vec![false; n];
    let mut shapes: FxHashMap<(Tag, &str), usize> = FxHashMap::default();
    let mut children: Vec<(usize, (Tag, &str))> = Vec::new();
    let linked = below(dom, dead, |tag| tag == Tag::A);
    for parent in 0..n {
        if dead[parent] || dom.nodes[parent].tag == Tag::Text {
            continue;
        }
        children.clear();
        shapes.clear();
        let mut c = parent + 1;
        while c < dom.nodes[parent].end {
            // The cheap tests first: most children hold no link.
            if !dead[c] && linked[c] && measures.chars[c] > 0 {
                let shape = shape(dom, c);
                if can_be_item(shape) {
                    children.push((c, shape));
                    *shapes.entry(shape).or_default() += 1;
                }
            }
            c = dom.nodes[c].end;
        }
        if children.len() < MIN_ITEMS {
            continue;
        }
        for &(child, shape) in &children {
            // An entry is one of many: a child holding most of its parent's text is a section.
            let minor = measures.chars[child] * 2 <= measures.chars[parent];
            if minor && shapes[&shape] >= MIN_ITEMS {
                items[child] = true;
            }
        }
    }
    // Nodes are in document order, parents first; the outermost item holds its nested ones.
    let mut item_of = vec![usize::MAX; n];
    for i in 0..n {
        let parent = dom.nodes[i].parent;
        let outer = if parent == usize::MAX {
            usize::MAX
        } else {
            item_of[parent]
        };
        item_of[i] = if outer == usize::MAX && items[i] {
            i
        } else {
            outer
        };
    }
    (items, item_of)
}

/// Whether an element of this shape can be a listing item: a list item, a table row, an
/// `<article>` or a link; another block only when it has a class, since bare `<div>` and
/// `<section>` elements are layout.
fn can_be_item((tag, class): (Tag, &str)) -> bool {
    match tag {
        Tag::Li | Tag::Tr | Tag::Dt | Tag::Dd | Tag::Article | Tag::A => true,
        Tag::P | Tag::Heading(_) => false,
        tag => tag.is_block() && !class.is_empty(),
    }
}

/// Whether each node is, or holds, a live element whose tag passes `test`.
fn below(dom: &Dom<'_>, dead: &[bool], test: impl Fn(Tag) -> bool) -> Vec<bool> {
    let n = dom.len();
    let mut found = vec![false; n];
    for i in (0..n).rev() {
        if dead[i] {
            continue;
        }
        if test(dom.nodes[i].tag) {
            found[i] = true;
        }
        let parent = dom.nodes[i].parent;
        if found[i] && parent != usize::MAX {
            found[parent] = true;
        }
    }
    found
}

/// An element's tag and first class name, less the number that ends it: a blog's entries are
/// `post-3014`, `post-2977`... and one shape.
pub(crate) fn shape<'a>(dom: &Dom<'a>, i: usize) -> (Tag, &'a str) {
    let class = dom.attr(i, "class").unwrap_or("");
    let first = class.split_ascii_whitespace().next().unwrap_or("");
    (
        dom.nodes[i].tag,
        first.trim_end_matches(|c: char| c.is_ascii_digit()),
    )
}

#[cfg(test)]
mod tests {
    use crate::Config;

    /// A blog index: entries whose title bars, date lines and labels carry names that mark
    /// boilerplate on an article, beside a sidebar of widgets.
    fn blog_index() -> String {
        let entries: String = (0..8)
            .map(|i| {
                format!(
                    r#"<article class="post type-post">
                    <header class="entry-header"><h2 class="entry-title">
                    <a href="/2024/walk-{i}">TITLE_{i} A winter walk along the estuary</a></h2>
                    </header>
                    <div class="entry-meta"><span class="byline">DATE_{i} by Ann Lee</span></div>
                    <div class="tags"><a href="/tag/walks">LABEL_{i} walks</a></div>
                    </article>"#
                )
            })
            .collect();
        let widgets: String = (0..4)
            .map(|i| {
                format!(
                    r#"<div class="widget widget_links"><h3>WIDGET_{i} Links</h3>
                    <ul><li><a href="/a">WIDGET_{i} one</a></li><li><a href="/b">two</a></li></ul>
                    </div>"#
                )
            })
            .collect();
        format!(
            r#"<html><head><title>Walks | Coast Notes</title></head><body>
            <nav><a href="/">Home</a> <a href="/about">MENU_TEXT</a></nav>
            <div class="site-content"><main><h1>Walks</h1>{entries}</main>
            <div class="widget-area">{widgets}</div></div>
            <footer>FOOTER_TEXT &copy; 2024</footer></body></html>"#
        )
    }

    #[test]
    fn entry_parts_are_content_on_a_listing() {
        let page = crate::extract(&blog_index(), &Config::default()).expect("extracts");
        let text = page.text();
        for sentinel in ["TITLE_0 ", "TITLE_7 ", "DATE_3 ", "LABEL_5 "] {
            assert!(text.contains(sentinel), "{sentinel} missing:\n{text}");
        }
        for chaff in ["WIDGET_", "MENU_TEXT", "FOOTER_TEXT"] {
            assert!(!text.contains(chaff), "{chaff} kept:\n{text}");
        }
    }

    #[test]
    fn a_category_intro_above_its_entries_keeps_them() {
        // A theme's category page: the intro above the layout, the entries (each `post-<id>`,
        // a linked title and a picture) in the main area of a wrapper named after its sidebar.
        let entries: String = (0..8)
            .map(|i| {
                format!(
                    r#"<article class="post-{id} post type-post entry"><header class="entry-header">
                    <h2 class="entry-title"><a href="/recipe-{i}/">TITLE_{i} Crispy baked
                    chickpeas</a></h2></header><div class="entry-content"><a href="/recipe-{i}/">
                    <img src="/img/{i}.jpg" alt=""></a></div></article>"#,
                    id = 30100 + 37 * i
                )
            })
            .collect();
        let html = format!(
            r#"<html><head><title>Snacks | Fit Kitchen</title></head><body>
            <nav><a href="/">Home</a> <a href="/about">MENU_TEXT</a></nav>
            <div class="archive-description"><h1>Healthy snacks</h1>
            <p>INTRO_TEXT Quick and healthy snacks, from crunchy bites to sweet treats, all made
            with simple ingredients you already have in the pantry.</p>
            <p>We love a snack that keeps well, so most of these can be made ahead for the week.</p>
            </div><div class="site-inner"><div class="content-sidebar-wrap">
            <main class="content">{entries}<div class="archive-pagination"><a href="/p/2">Next
            page</a></div></main><aside class="sidebar"><h3>WIDGET_TEXT About me</h3>
            <p>Hi, I cook.</p></aside></div></div>
            <footer>FOOTER_TEXT &copy; 2024</footer></body></html>"#
        );
        let page = crate::extract(&html, &Config::default()).expect("extracts");
        let text = page.text();
        for sentinel in ["INTRO_TEXT", "TITLE_0 ", "TITLE_7 "] {
            assert!(text.contains(sentinel), "{sentinel} missing:\n{text}");
        }
        for chaff in ["MENU_TEXT", "WIDGET_TEXT", "FOOTER_TEXT"] {
            assert!(!text.contains(chaff), "{chaff} kept:\n{text}");
        }
    }

    /// A topic page whose entries carry a sentence or two each: read for its prose, its body is
    /// still a run of entries titled by links.
    fn topic_page(story: &str) -> String {
        let places = [
            "the islands",
            "the north pier",
            "the old town",
            "the lighthouse",
            "the river mouth",
            "the bay",
            "the ferry port",
            "the outer reef",
        ];
        let entries: String = places
            .iter()
            .enumerate()
            .map(|(i, place)| {
                format!(
                    r#"<div class="card-item"><h3><a href="/news/story-{i}">TITLE_{i} News
                    from {place}</a></h3><p>SUMMARY_{i} Residents near {place} met on day {i}
                    to discuss what the new timetable means for them, and {i} of them spoke.</p>
                    </div>"#
                )
            })
            .collect();
        format!(
            r#"<html><head><title>Ferries</title></head><body><nav><a href="/">Home</a>
            <a href="/news">MENU_TEXT</a></nav><div class="content">{story}
            <div class="stories">{entries}</div></div>
            <footer>FOOTER_TEXT &copy; 2024</footer></body></html>"#
        )
    }

    #[test]
    fn a_body_of_teasers_keeps_their_linked_titles() {
        let page = crate::extract(&topic_page(""), &Config::default()).expect("extracts");
        let text = page.text();
        for i in 0..8 {
            assert!(text.contains(&format!("TITLE_{i} ")), "TITLE_{i}:\n{text}");
            assert!(
                text.contains(&format!("SUMMARY_{i} ")),
                "SUMMARY_{i}:\n{text}"
            );
        }
        assert!(!text.contains("MENU_TEXT") && !text.contains("FOOTER_TEXT"));
    }

    #[test]
    fn an_articles_tail_of_teasers_keeps_its_titles_out() {
        let paragraph = "STORY_TEXT The harbour board met on Tuesday to weigh the fares, the \
            timetable and the state of the pier, and heard from islanders who rely on the boats \
            for work, school and the doctor, many of whom asked for a winter service. ";
        let story = format!("<h1>Ferry fares</h1><p>{}</p>", paragraph.repeat(24));
        let page = crate::extract(&topic_page(&story), &Config::default()).expect("extracts");
        let text = page.text();
        assert!(text.contains("STORY_TEXT"), "{text}");
        assert!(!text.contains("TITLE_"), "{text}");
    }

    #[test]
    fn a_category_pages_lists_named_after_the_category_are_its_entries() {
        // A wiki's category page: two lists of entries under their headings, each in an element
        // named after the category, neither of them most of the page alone.
        let group = |prefix: &str, letter: char, count: usize| -> String {
            let items: String = (0..count)
                .map(|i| {
                    format!(
                        r#"<li><a href="/wiki/{prefix}{i}">{prefix}_{letter}{i} language</a></li>"#
                    )
                })
                .collect();
            format!(r#"<div class="mw-category-group"><h3>{letter}</h3><ul>{items}</ul></div>"#)
        };
        let subcats: String = ['A', 'B', 'C'].map(|l| group("SUBCAT", l, 8)).concat();
        let pages: String = ['D', 'E', 'F', 'G'].map(|l| group("PAGE", l, 10)).concat();
        let menu: String = (0..30)
            .map(|i| format!(r#"<li><a href="/lang/{i}">Language {i}</a></li>"#))
            .collect();
        let html = format!(
            r#"<html><head><title>Category: Languages</title></head><body>
            <nav><ul>{menu}</ul><a href="/">MENU_TEXT</a></nav><main><h1>Category: Languages</h1>
            <p>INTRO_TEXT This category lists individual languages.</p>
            <div class="mw-category-generated"><div id="mw-subcategories"><h2>Subcategories</h2>
            <p>This category has the following 24 subcategories.</p>
            <div class="mw-category">{subcats}</div></div><div id="mw-pages">
            <h2>Pages in category</h2><div class="mw-category">{pages}</div></div></div></main>
            <footer>FOOTER_TEXT &copy; 2024</footer></body></html>"#
        );
        let page = crate::extract(&html, &Config::default()).expect("extracts");
        let text = page.text();
        for sentinel in [
            "INTRO_TEXT",
            "SUBCAT_A0 ",
            "SUBCAT_C7 ",
            "PAGE_D0 ",
            "PAGE_G9 ",
        ] {
            assert!(text.contains(sentinel), "{sentinel} missing:\n{text}");
        }
        assert!(
            !text.contains("MENU_TEXT") && !text.contains("FOOTER_TEXT"),
            "{text}"
        );
    }

    #[test]
    fn an_articles_paragraphs_are_not_items() {
        // Paragraphs with links repeat, but a byline among them stays a byline.
        let paragraphs: String = (0..6)
            .map(|i| {
                format!(
                    r#"<p>Paragraph {i} of the report, which cites <a href="/s{i}">a study</a>,
                    and goes on at some length about the tides, the wind and the harbour.</p>"#
                )
            })
            .collect();
        let html = format!(
            r#"<html><head><title>Tides</title></head><body><div class="story">
            <p class="byline">BYLINE_TEXT By Ann Lee</p>{paragraphs}</div></body></html>"#
        );
        let doc = crate::dom::parse(&html);
        let page = crate::extract::read(
            crate::dom::Dom::new(&doc),
            &mut crate::removal::Removals::default(),
            &mut crate::extract::Unobserved,
        );
        let overruled = super::overruled(&page);
        assert!(!overruled.iter().any(|&o| o));
    }

    #[test]
    fn a_name_on_the_wrapper_of_a_whole_card_is_the_cards_state() {
        // Each card of a shop's grid is wrapped in an element named after a sales option, a
        // word that marks a sign-up box elsewhere; the page's mega menu holds boxes of links
        // with headings, named as menus.
        let cards: String = (0..8)
            .map(|i| {
                format!(
                    r#"<li class="grid__item"><div class="card-wrapper subscription-eligible">
                    <img src="/p/{i}.jpg" alt=""><h3><a href="/products/roast-{i}">CARD_{i} Dark
                    roast coffee, whole bean</a></h3><span>$19.99</span></div></li>"#
                )
            })
            .collect();
        let menu: String = (0..4)
            .map(|i| {
                format!(
                    r#"<li><div class="menu-box"><h4>MENU_{i} Coffee</h4><a href="/c/{i}">Whole
                    bean</a> <a href="/c/{i}/ground">Ground</a> <a href="/c/{i}/pods">Pods</a>
                    </div></li>"#
                )
            })
            .collect();
        let html = format!(
            r#"<html><head><title>Coffee</title></head><body><div class="top"><ul>{menu}</ul>
            </div><main><h1>Coffee</h1><p>51 products</p><ul class="product-grid">{cards}</ul>
            </main><footer>FOOTER_TEXT &copy; 2024</footer></body></html>"#
        );
        let page = crate::extract(&html, &Config::default()).expect("extracts");
        let text = page.text();
        for i in 0..8 {
            assert!(
                text.contains(&format!("CARD_{i} ")),
                "CARD_{i} missing:\n{text}"
            );
        }
        assert!(
            !text.contains("MENU_") && !text.contains("FOOTER_TEXT"),
            "{text}"
        );
    }

    /// A shop's category page: a short intro, then a grid of cards whose titles are spans named
    /// as names inside each card's link, no heading, in wrappers named after thumbnails and the
    /// category.
    fn shop_grid() -> String {
        let cards: String = (0..8)
            .map(|i| {
                format!(
                    r#"<div class="thumb-card"><a href="/pot-{i}" title="Pot {i}">
                    <span class="item-img"><img src="/img/{i}.jpg" alt="Pot {i}"></span>
                    <span class="item-name">NAME_{i} Glazed stoneware pot and saucer</span></a>
                    <span class="item-sku">SKU: S{i}4990</span>
                    <div class="prices"><span class="price">$38.00</span></div></div>"#
                )
            })
            .collect();
        format!(
            r#"<html><head><title>Indoor pots | Garden Shop</title></head><body>
            <nav><a href="/">Home</a> <a href="/about">MENU_TEXT</a></nav>
            <div class="site-content"><div class="shop-category-page">
            <h1>Indoor pots</h1><div class="category-intro"><p>INTRO_TEXT Pots for indoor plants
            bring colour and warmth to a room in every season; these hold a saucer.</p></div>
            <div class="shop-category-content"><div class="thumbs-grid">{cards}</div></div>
            </div></div><footer>FOOTER_TEXT &copy; 2024 <a href="/terms">Terms</a></footer>
            </body></html>"#
        )
    }

    #[test]
    fn a_grid_of_cards_titled_by_named_spans_is_the_content() {
        let page = crate::extract(&shop_grid(), &Config::default()).expect("extracts");
        let text = page.text();
        for sentinel in ["NAME_0 ", "NAME_7 "] {
            assert!(text.contains(sentinel), "{sentinel} missing:\n{text}");
        }
        for chaff in ["MENU_TEXT", "FOOTER_TEXT"] {
            assert!(!text.contains(chaff), "{chaff} kept:\n{text}");
        }
    }

    #[test]
    fn a_title_is_named_by_its_class_words_but_not_a_byline() {
        let html = r#"<div><span class="card__title">a</span><b class="item-name">b</b>
            <i class="comment-author-name">c</i><em class="names">d</em></div>"#;
        let doc = crate::dom::parse(html);
        let dom = crate::dom::Dom::new(&doc);
        let named: Vec<bool> = (0..dom.len())
            .filter(|&i| dom.attr(i, "class").is_some())
            .map(|i| super::title_named(&dom, i))
            .collect();
        assert_eq!(named, [true, true, false, false]);
    }
}
