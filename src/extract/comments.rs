//! The page's comment thread, apart from its article: what [`crate::Config::comments`] asks for.
//!
//! The comments are the outermost regions the markup names as comments (`comments`, `disqus`,
//! schema.org `Comment`...) that do not hold the article, read as a thread is read (replies are
//! content there) and rid of link lists. The article's own record is not touched: the comments
//! stay removed from the article, and are returned beside it.

use crate::blocks::Block;
use crate::dom::Tag;
use crate::extract::build::Formulas;
use crate::extract::score::Rules;
use crate::extract::select::{self, Body};
use crate::extract::{build, filter};
use crate::page::Page;
use crate::removal::Removals;
use crate::rules::marks;

/// The blocks of the page's comments, in document order; none when `body` is a thread already
/// (a forum's or a Q&A page's replies are its content) or the page has no comment region.
pub(crate) fn comments(page: &Page<'_>, body: &Body, formulas: &Formulas) -> Vec<Block> {
    if body.rules == Rules::Thread {
        return Vec::new();
    }
    let roots = regions(page, body);
    if roots.is_empty() {
        return Vec::new();
    }
    let thread = Body {
        rules: Rules::Thread,
        roots,
        zone: select::zones(page, Rules::Thread),
    };
    // What the comments leave out is no concern of the article's record.
    let mut scratch = Removals::default();
    let built = build::drafts(page, &thread, formulas, &mut scratch);
    // The form for a new comment is no comment: its labels, hints and consent notices go.
    let in_form = |i: usize| {
        let dom = &page.dom;
        dom.nodes[i].tag == Tag::Form || dom.ancestors(i).any(|a| dom.nodes[a].tag == Tag::Form)
    };
    let drafts = built
        .drafts
        .into_iter()
        .filter(|d| !in_form(d.owner))
        .collect();
    let drafts = filter::chaff(page, &[], false, drafts, None, &mut scratch);
    let drafts = filter::trim_edges(page, false, drafts, &mut scratch);
    build::with_rules(page, drafts, &built.rules)
}

/// The outermost live comment regions outside every zone but their own, holding prose and not
/// holding the article.
fn regions(page: &Page<'_>, body: &Body) -> Vec<usize> {
    let dom = &page.dom;
    let zone = select::zones(page, Rules::Strict);
    let holds_body = |i: usize| {
        body.roots
            .iter()
            .any(|&root| i <= root && root < dom.nodes[i].end)
    };
    let mut roots = Vec::new();
    let mut i = 0;
    while i < dom.len() {
        let parent = dom.nodes[i].parent;
        let starts_region = zone[i].is_some_and(|m| m.is(marks::COMMENT))
            && (parent == usize::MAX || zone[parent].is_none());
        if !page.dead[i] && starts_region && page.prose[i] > 0 && !holds_body(i) {
            roots.push(i);
            i = dom.nodes[i].end;
        } else {
            i += 1;
        }
    }
    roots
}

#[cfg(test)]
mod tests {
    use crate::{Config, extract};

    const ARTICLE: &str = r##"<html><head><title>Ferry timetable | Island News</title>
        <meta property="og:type" content="article"></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Ferry timetable</h1>
        <p>ARTICLE_ONE The council met on Monday evening, and after a long debate it voted to keep
        the ferry running through the winter months, to the relief of everyone on the island.</p>
        <p>ARTICLE_TWO Residents had campaigned for weeks, writing letters and attending every
        meeting of the council, and they were glad of the result when it finally came.</p>
        <p>ARTICLE_THREE The first winter crossing leaves at seven in the morning, and the last
        one returns shortly before ten at night, as it did in the years before the cuts.</p>
        </article>
        <section id="comments" class="comments-area">
        <h2 class="comments-title">3 thoughts on "Ferry timetable"</h2>
        <ol class="comment-list">
        <li class="comment"><div class="comment-author">Mary</div>
        <p>COMMENT_ONE I have taken the early ferry for twenty years, and I am glad it stays,
        because the bus to the mainland hospital leaves the harbour right after it lands.</p>
        <a class="comment-reply-link" href="#reply">Reply</a></li>
        <li class="comment"><div class="comment-author">Tom</div>
        <p>COMMENT_TWO Good news for the island, though I wonder how long the council can pay
        for it when the fuel bill keeps rising every single winter.</p></li>
        </ol>
        <div id="respond"><h3>Leave a Reply</h3><form><p>FORM_NOTE Your email address will not be
        published. Required fields are marked, and comments are held for moderation.</p>
        <label>Comment</label><textarea></textarea></form></div>
        </section>
        <aside class="sidebar"><h3>Recent comments</h3><ul class="recent-comments">
        <li><a href="/a">Anna on Harbour works</a></li><li><a href="/b">Joe on Bus fares</a></li>
        </ul></aside>
        </body></html>"##;

    #[test]
    fn comments_come_apart_from_the_article_when_asked() {
        let config = Config {
            comments: true,
            ..Config::default()
        };
        let page = extract(ARTICLE, &config).expect("a page");
        let text = page.text();
        assert!(text.contains("ARTICLE_THREE"), "{text}");
        assert!(!text.contains("COMMENT_"), "{text}");
        let comments = page.comments_text();
        assert!(comments.contains("COMMENT_ONE"), "{comments}");
        assert!(comments.contains("COMMENT_TWO"), "{comments}");
        assert!(!comments.contains("ARTICLE_"), "{comments}");
        assert!(!comments.contains("FORM_NOTE"), "{comments}");
        // The sidebar's list of recent comments is a menu of links, not the thread.
        assert!(!comments.contains("Anna on"), "{comments}");
    }

    #[test]
    fn comments_are_left_out_by_default() {
        let page = extract(ARTICLE, &Config::default()).expect("a page");
        assert!(page.comments.is_empty());
        assert!(!page.text().contains("COMMENT_"));
        assert!(!page.markdown(&Default::default()).contains("COMMENT_"));
    }

    #[test]
    fn a_thread_has_no_separate_comments() {
        let thread = r#"<html><head><title>Which ferry do you take?</title></head><body>
            <h1>Which ferry do you take?</h1>
            <div class="comments">
            <div class="comment"><p>COMMENT_ONE I have taken the early ferry for twenty years, and I
            am glad it stays, because the bus to the hospital leaves right after it lands.</p></div>
            <div class="comment"><p>COMMENT_TWO Good news for the island, though I wonder how long
            the council can pay for it when the fuel bill keeps rising every winter.</p></div>
            <div class="comment"><p>COMMENT_THREE The late crossing is the one I need, since my
            shift at the cannery ends at nine and the last bus has gone by then.</p></div>
            </div></body></html>"#;
        let config = Config {
            comments: true,
            ..Config::default()
        };
        let page = extract(thread, &config).expect("a page");
        assert!(page.text().contains("COMMENT_THREE"), "{}", page.text());
        assert!(page.comments.is_empty());
    }
}
