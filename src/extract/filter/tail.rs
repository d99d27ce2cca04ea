//! An article's tail of teasers: after the article, a run of entries of other pages, each a
//! linked title over a line or two of summary, often under a heading of its own ("More for
//! you", "Noch mehr Infos für dich", a blog theme's related posts). The titles go as links; the
//! summaries read as prose and stayed. Here the run goes whole, with its heading, in any
//! language, by its shape alone. A roundup's items are entries too, but their titles were kept
//! as headings, and so they stay. The links to the previous and next posts go too, wherever they
//! stand, known by the `rel` blog engines give them.

use crate::blocks::BlockKind;
use crate::dom::{Dom, Tag};
use crate::extract::build::Draft;
use crate::extract::listing;
use crate::page::Page;
use crate::removal::{Reason, Removals};

/// Teasers the run holds at least: one entry after an article is a link like any other.
const MIN_TEASERS: usize = 2;
/// The run holds at most this share of the body's text: more, and its entries are the page's
/// own (a roundup, a digest), whatever stands before them.
const MAX_SHARE: (usize, usize) = (1, 3);

/// Drops the run of teasers that ends the body, and the heading over it.
pub(crate) fn drop_teaser_tail(
    page: &Page<'_>,
    drafts: Vec<Draft>,
    removals: &mut Removals,
) -> Vec<Draft> {
    let Some(start) = teaser_tail(page, &drafts) else {
        return drafts;
    };
    let mut kept = drafts;
    for draft in kept.drain(start..) {
        super::record(removals, &draft, Reason::TeaserTail);
    }
    kept
}

/// Where the tail of teasers starts among `drafts`, if they end with one.
fn teaser_tail(page: &Page<'_>, drafts: &[Draft]) -> Option<usize> {
    let entries = listing::entries(page);
    let teaser_of = |d: &Draft| {
        let item = entries.item_of[d.owner];
        (item != usize::MAX && entries.teaser[item]).then_some(item)
    };
    let heading = |k: usize| matches!(drafts[k].block.kind, BlockKind::Heading { .. });
    let mut start = drafts.len();
    let mut teasers = 0;
    let mut current = None;
    while let Some(item) = start.checked_sub(1).and_then(|k| teaser_of(&drafts[k])) {
        // An entry whose title was kept is the article's own (a roundup's items, each a linked
        // heading over its paragraphs): only entries whose titles went as links are teasers.
        if heading(start - 1) {
            return None;
        }
        if current != Some(item) {
            teasers += 1;
            current = Some(item);
        }
        start -= 1;
    }
    if teasers < MIN_TEASERS {
        return None;
    }
    // The heading over the run, its own: nothing else stands between them.
    if start > 0 && heading(start - 1) {
        start -= 1;
    }
    let chars = |ds: &[Draft]| ds.iter().map(|d| d.block.text.len()).sum::<usize>();
    let (tail, all) = (chars(&drafts[start..]), chars(drafts));
    (start > 0 && tail * MAX_SHARE.1 <= all * MAX_SHARE.0).then_some(start)
}

/// What [`is_adjacent_posts`] removes.
pub(super) const ADJACENT_POSTS: &str = "links to the previous and next posts";

/// Words the titles of the linked posts hold at least: a pager's "Next" or "Next page ›" is
/// no post's title.
const ADJACENT_TITLE_MIN_WORDS: usize = 3;

/// Whether `draft` is a line of links to the previous and next posts, as blog engines write
/// them (`<a rel="prev">`, `<a rel="next">`): "← An older post's title", "Nachfolgebeitrag:
/// ...". Such links make at least half of its text, and the titles they carry at least
/// [`ADJACENT_TITLE_MIN_WORDS`] words; what else stands there is labels and arrows.
pub(super) fn is_adjacent_posts(dom: &Dom<'_>, draft: &Draft) -> bool {
    let texts = || {
        draft
            .texts
            .iter()
            .filter_map(|t| dom.nodes.get(t.index()).map(|node| (t.index(), node.text)))
    };
    // Most blocks hold no such link: their text is not counted.
    if !texts().any(|(i, _)| adjacent_link(dom, i, draft.owner)) {
        return false;
    }
    let (mut all, mut linked, mut words) = (0, 0, 0);
    for (i, text) in texts() {
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        all += chars;
        if adjacent_link(dom, i, draft.owner) {
            linked += chars;
            words += text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
        }
    }
    linked * 2 >= all && words >= ADJACENT_TITLE_MIN_WORDS
}

/// Whether text node `i` lies in a link to the previous or next post, below `owner`'s parent.
fn adjacent_link(dom: &Dom<'_>, i: usize, owner: usize) -> bool {
    let stop = dom.nodes.get(owner).map_or(usize::MAX, |n| n.parent);
    dom.ancestors(i)
        .take_while(|&a| a != stop)
        .find(|&a| dom.nodes[a].tag == Tag::A)
        .and_then(|a| dom.attr(a, "rel"))
        .is_some_and(|rel| {
            rel.split_ascii_whitespace().any(|r| {
                ["prev", "next", "previous"]
                    .iter()
                    .any(|w| r.eq_ignore_ascii_case(w))
            })
        })
}

#[cfg(test)]
mod tests {
    use crate::extract::filter::tests::{extract, news_page};

    use crate::removal::Reason;

    const STORY: [&str; 6] = [
        "The council voted on Monday evening to keep the ferry to the island running through \
         the winter, after a long debate in which the harbour master spoke twice.",
        "Islanders who rely on the boat to reach the school and the doctor had written to every \
         councillor, and many of them came to the meeting to hear the vote.",
        "The service will cost the town about two million pounds a year, which the council \
         means to raise from a small charge on the summer visitors' cars.",
        "The operator said the old ferry needs new engines before the storms of the autumn, \
         and that the work would take the boat out of service for a fortnight.",
        "Fishermen warned that the quay is too short for the larger boats now on order, and \
         asked the council to lengthen it before the new ferry arrives.",
        "The next meeting, open to the public, is in the town hall on the first Monday of the \
         month, when the timetable for the winter will be set.",
    ];

    /// Entries of other pages: a linked picture, a linked title, a line of summary.
    fn teasers() -> String {
        ["the lighthouse", "the old town", "the north pier"]
            .iter()
            .enumerate()
            .map(|(i, place)| {
                format!(
                    "<article class=\"post\"><a href=\"/news/{i}\"><img src=\"/i/{i}.jpg\"></a>\
                     <h2><a href=\"/news/{i}\">TITLE_{i} News from {place}</a></h2>\
                     <p>SUMMARY_{i} Residents near {place} met to talk about the timetable.</p>\
                     </article>"
                )
            })
            .collect()
    }

    /// A page of the site's menu, the story, then `tail` in the story's column.
    fn page(tail: &str) -> String {
        let story: String = STORY.iter().map(|p| format!("<p>{p}</p>")).collect();
        format!(
            "<html><head><title>Ferry fares</title>\
             <link rel=\"canonical\" href=\"https://news.example/ferry-fares\"></head>\
             <body><nav><a href=\"/\">Home</a> \
             <a href=\"/news\">News</a></nav><div class=\"content\"><h1>Ferry fares</h1>\
             {story}{tail}</div><footer>Island News</footer></body></html>"
        )
    }

    #[test]
    fn teasers_after_the_article_go_with_their_heading() {
        let tail = format!(
            "<h3>MORE_HEADING for you</h3><div class=\"stories\">{}</div>",
            teasers()
        );
        let page = extract(&page(&tail));
        let text = page.text();
        assert!(
            text.contains("timetable for the winter will be set"),
            "{text}"
        );
        for gone in ["SUMMARY_", "TITLE_", "MORE_HEADING"] {
            assert!(!text.contains(gone), "{gone}:\n{text}");
        }
        assert!(page.removals.iter().any(|r| r.reason == Reason::TeaserTail));
    }

    #[test]
    fn a_roundups_items_with_their_titles_stay() {
        // The last picks of a roundup, each a heading with a link over a line: built like
        // teasers, but their titles are kept as the article's headings, and so are they.
        let items: String = ["river", "ridge", "lake"]
            .iter()
            .enumerate()
            .map(|(i, place)| {
                format!(
                    "<article class=\"post\"><h2>ITEM_{i} Pick number {i}: <a \
                     href=\"/trails/{place}\">the {place} trail</a></h2><p>ITEM_TEXT_{i} A \
                     gentle walk by the {place}, with a café at the far end.</p></article>"
                )
            })
            .collect();
        let text = extract(&news_page("en", &STORY, &items)).text();
        for i in 0..3 {
            assert!(text.contains(&format!("ITEM_{i} Pick")), "{i}:\n{text}");
            assert!(text.contains(&format!("ITEM_TEXT_{i}")), "{i}:\n{text}");
        }
    }

    #[test]
    fn links_to_the_previous_and_next_posts_go_and_a_pager_is_left_alone() {
        let nav = "<p>NAV_LABEL Nachfolgebeitrag: <a href=\"/2018/07/31/next\" rel=\"next\">\
                   NEXT_TITLE Was passiert hier eigentlich noch?</a><br>Vorgängerbeitrag: \
                   <a href=\"/2014/11/29/prev\" rel=\"prev\">PREV_TITLE Die Wahrheit über \
                   Kondome</a></p>";
        let adjacent = |page: &crate::Extraction| {
            let what = super::ADJACENT_POSTS;
            page.removals
                .iter()
                .filter(|r| r.reason == Reason::Chrome { what })
                .count()
        };
        let article = extract(&page(nav));
        let text = article.text();
        assert!(
            text.contains("timetable for the winter will be set"),
            "{text}"
        );
        for gone in ["NAV_LABEL", "NEXT_TITLE", "PREV_TITLE"] {
            assert!(!text.contains(gone), "{gone}:\n{text}");
        }
        assert!(adjacent(&article) > 0);
        // A pager's label is no post's title: this rule leaves it to the others.
        let pager = "<div class=\"older\"><a href=\"/ferry-fares/2\" rel=\"next\">Next \
                     page</a></div>";
        let with_pager = extract(&page(&format!("{nav}{pager}")));
        assert_eq!(adjacent(&with_pager), adjacent(&article));
    }
}
