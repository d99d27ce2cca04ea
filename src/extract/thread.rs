//! A thread told by its shape: a run of posts, each signed by its poster and dated, none titled
//! by a link to another page.
//!
//! A forum thread or a question with its answers that neither declares itself nor names its
//! replies as comments still looks like one: one element repeated, post after post, that holds the
//! poster's name (an element named `username`, `author`, `poster`) and the post's date (a
//! `datetime`, an element named `date` or `time`), and whose heading, if any, is the poster's name
//! or the post's own anchor (`Re: the subject`, linking to `#p123`). A listing's teasers are
//! dated and signed too, but each is titled by a link to the page it stands for.

use std::cell::OnceCell;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::dom::{Dom, Tag};
use crate::extract::listing;
use crate::page::Page;

/// Posts of one shape under one parent that make a thread.
const MIN_POSTS: usize = 3;
/// The posts hold at least this share of the text of the page's body.
const POSTS_SHARE: (u32, u32) = (2, 5);

/// Whether the page's body is mostly a run of posts (see the module docs).
pub(crate) fn has_posts(page: &Page<'_>) -> bool {
    let dom = &page.dom;
    let Some(body) = dom.find(Tag::Body) else {
        return false;
    };
    let all = page.measures.chars[body];
    let Some(post) = post_shaped(page) else {
        return false;
    };
    let mut chars = 0u32;
    for parent in body..dom.nodes[body].end {
        if page.dead[parent] || dom.nodes[parent].tag == Tag::Text {
            continue;
        }
        // Per shape of post, how many stand under this parent and the text they hold (a new map:
        // it allocates only for a parent with posts).
        let mut shapes: FxHashMap<(Tag, &str), (usize, u32)> = FxHashMap::default();
        let mut c = parent + 1;
        while c < dom.nodes[parent].end {
            if post[c] {
                let shape = listing::shape(dom, c);
                let (count, held) = shapes.entry(shape).or_default();
                *count += 1;
                *held += page.measures.chars[c];
            }
            c = dom.nodes[c].end;
        }
        chars += shapes
            .values()
            .filter(|(count, _)| *count >= MIN_POSTS)
            .map(|(_, held)| held)
            .sum::<u32>();
    }
    all > 0 && chars * POSTS_SHARE.1 >= all * POSTS_SHARE.0
}

/// Whether each node is shaped as a post: a live element holding text, a poster's name and a
/// date, and no heading over a link to another page. `None` when fewer than [`MIN_POSTS`]
/// elements name a poster or a date, as posts, each holding its own, then cannot be.
fn post_shaped(page: &Page<'_>) -> Option<Vec<bool>> {
    let (dom, dead) = (&page.dom, &page.dead);
    let n = dom.len();
    // What each element says of itself: named as a poster by its class, a poster, a date.
    let mut poster_named = vec![false; n];
    let (mut person, mut dated) = (vec![false; n], vec![false; n]);
    let (mut people, mut dates) = (0, 0);
    for i in 0..n {
        // Text has no element.
        let Some(element) = dom.nodes[i].element.filter(|_| !dead[i]) else {
            continue;
        };
        let (poster, date) = class_names(dom, i);
        let [itemprop, rel, datetime] = element.attr_values(["itemprop", "rel", "datetime"]);
        poster_named[i] = poster;
        person[i] = poster || itemprop == Some("author") || rel == Some("author");
        dated[i] = date || datetime.is_some();
        people += usize::from(person[i]);
        dates += usize::from(dated[i]);
    }
    if people < MIN_POSTS || dates < MIN_POSTS {
        return None;
    }
    // The page's ids, gathered at the first link with a fragment.
    let ids: OnceCell<FxHashSet<&str>> = OnceCell::new();
    let (mut link, mut titled) = (vec![false; n], vec![false; n]);
    for i in (0..n).rev() {
        if dom.nodes[i].element.is_none() || dead[i] {
            continue;
        }
        // A link to another page; a post's permalink (`?p=123#p123`) leads to this one.
        link[i] |= dom.nodes[i].tag == Tag::A
            && !poster_named[i]
            && dom
                .attr(i, "href")
                .is_some_and(|h| match h.split_once('#') {
                    Some((_, fragment)) => !ids
                        .get_or_init(|| (0..n).filter_map(|j| dom.attr(j, "id")).collect())
                        .contains(fragment),
                    None => true,
                });
        let heading = matches!(dom.nodes[i].tag, Tag::Heading(_));
        titled[i] |= heading && link[i] && !person[i];
        let parent = dom.nodes[i].parent;
        if parent != usize::MAX {
            person[parent] |= person[i];
            dated[parent] |= dated[i];
            link[parent] |= link[i];
            titled[parent] |= titled[i];
        }
    }
    Some(
        (0..n)
            .map(|i| person[i] && dated[i] && !titled[i] && page.measures.chars[i] > 0)
            .collect(),
    )
}

/// Longest class word read: longer ones are no poster's or date's name.
const MAX_WORD: usize = 24;

/// Whether a word of the element's class names the poster ([`is_person_word`]) and whether one
/// names a date ([`is_date_word`]), in lower case, in one pass over the words.
fn class_names(dom: &Dom<'_>, i: usize) -> (bool, bool) {
    let mut lower = [0u8; MAX_WORD];
    let (mut person, mut date) = (false, false);
    // Every word either names is four letters or more; a poster's starts with `u`, `a` or `p`,
    // a date's holds a `d` or starts with `t` or `r`: the rest are skipped unread.
    let maybe = |w: &[u8]| {
        let first = w[0] | 0x20;
        matches!(first, b'u' | b'a' | b'p' | b't' | b'r') || w.iter().any(|&c| c | 0x20 == b'd')
    };
    for w in dom
        .class_words(i)
        .filter(|w| (4..=MAX_WORD).contains(&w.len()) && maybe(w))
    {
        let lower = &mut lower[..w.len()];
        lower.copy_from_slice(w);
        lower.make_ascii_lowercase();
        person |= is_person_word(lower);
        date |= is_date_word(lower);
    }
    (person, date)
}

/// A class word naming the poster: `username`, `user`, `author`, `poster`.
fn is_person_word(w: &[u8]) -> bool {
    [&b"user"[..], b"author", b"poster"]
        .iter()
        .any(|p| w.starts_with(p))
}

/// A class word naming a date: `date`, `postdate`, `time`, `timestamp`, `relativetime`.
fn is_date_word(w: &[u8]) -> bool {
    w.windows(4).any(|q| q == b"date") || w == b"time" || w == b"timestamp" || w == b"relativetime"
}

#[cfg(test)]
mod tests {
    use super::has_posts;
    use crate::Config;
    use crate::dom::{Dom, parse};

    fn posts_in(html: &str) -> bool {
        let doc = parse(html);
        let page = crate::extract::read(
            Dom::new(&doc),
            &mut crate::removal::Removals::default(),
            &mut crate::extract::Unobserved,
        );
        has_posts(&page)
    }

    /// A post of a bulletin board: the poster's card, a heading that is the post's own anchor,
    /// the poster and date, the message, a button back to the top.
    fn post(id: u32, user: &str, joined: &str, message: &str) -> String {
        format!(
            r##"<div id="p{id}" class="post bg2"><dl class="postprofile">
            <dt><a href="/memberlist.php?u={id}" class="username">{user}</a></dt>
            <dd>Posts: {id}</dd><dd>Joined: {joined}</dd></dl>
            <div class="postbody"><h3><a href="./viewtopic.php?p={id}#p{id}">Re: Which drill
            for concrete walls?</a></h3><p class="author">by {user} &raquo;
            <time datetime="2024-09-11T19:06:08+00:00">11. Sep 2024, 21:06</time></p>
            <div class="content">{message}</div></div>
            <div class="back2top"><a href="#top">Top</a></div></div>"##
        )
    }

    /// A thread that declares nothing and names no comment, beside a board's menu.
    fn thread() -> String {
        let menu: String = (0..8)
            .map(|i| format!(r#"<li><a href="/forum/{i}">Board number {i} of the site</a></li>"#))
            .collect();
        format!(
            r#"<html><head><title>Which drill for concrete walls?</title></head><body>
            <ul class="nav">{menu}</ul><h2>Which drill for concrete walls?</h2>
            <div class="topic">{}{}{}{}</div></body></html>"#,
            post(
                101,
                "ann",
                "3. Jan 2019, 10:02",
                "FIRST I need to hang shelves on a concrete wall."
            ),
            post(
                102,
                "bob",
                "14. Sep 2015, 16:51",
                "SECOND An SDS drill makes it much easier."
            ),
            post(
                103,
                "cy",
                "22. Feb 2021, 08:40",
                "THIRD Rent one for the day from a tool shop."
            ),
            post(
                104,
                "dee",
                "5. May 2020, 11:15",
                "FOURTH Thanks all, I hired one."
            ),
        )
    }

    #[test]
    fn a_run_of_signed_dated_posts_is_a_thread_and_loses_its_cards() {
        let html = thread();
        assert!(posts_in(&html));
        let text = crate::extract(&html, &Config::default())
            .expect("extracts")
            .text();
        for message in ["FIRST", "SECOND", "THIRD", "FOURTH"] {
            assert!(text.contains(message), "{message}: {text}");
        }
        for chrome in ["Posts:", "Joined:", "Top"] {
            assert!(!text.contains(chrome), "{chrome}: {text}");
        }
    }

    #[test]
    fn a_blog_index_of_signed_dated_teasers_is_no_thread() {
        // Each entry has its author and date, as a post has, but a title leading to its page.
        let entries: String = (0..6)
            .map(|i| {
                format!(
                    r#"<article class="entry"><h2><a href="/2024/walk-{i}">A winter walk
                    number {i} along the estuary</a></h2><p class="meta">by
                    <a class="author" href="/author/ann">Ann Lee</a>
                    <time datetime="2024-01-0{i}">January {i}</time></p>
                    <p>The tide was out and the light was low over the mud flats.</p></article>"#
                )
            })
            .collect();
        let html = format!("<html><body><main>{entries}</main></body></html>");
        assert!(!posts_in(&html));
    }
}
