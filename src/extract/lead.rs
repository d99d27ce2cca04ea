//! The article's lead: the standfirst that many templates set apart from the body, in the
//! article's header or in a box of its own between the headline and the first paragraph
//! (`<p class="intro">`, `<div class="teaser-text">`, `<header><p class="lead">`). The scorer
//! weighs containers, and a lead of two sentences beside a body of forty never reaches the share
//! a sibling needs to join, while its header's name zones it as boilerplate; yet a reader reads it
//! first.
//!
//! A lead joins the body when, climbing from the body's first root through the containers that
//! hold little else, an element before that root is named as a lead, reads as prose and is short.

use crate::dom::Tag;
use crate::extract::score::{self, Quality};
use crate::page::Page;
use crate::rules::hints::{self, Hint};
use crate::rules::marks::{self, Mark};

/// Containers climbed from the body's first root in search of a lead.
const LEAD_LEVELS: usize = 6;
/// A lead holds at least this many characters of prose...
const LEAD_MIN_PROSE: u32 = 40;
/// ...and at most this many characters.
const LEAD_MAX_CHARS: u32 = 1200;
/// A container is climbed while what it holds apart from the body is at most this many
/// characters of prose: an article's header, not a page of other stories.
const LEAD_SURROUND_PROSE: u32 = 1500;

/// Adds the article's lead, when there is one, to `roots` (sorted, the body's roots) and lifts
/// the boilerplate zone that its header's name laid over it.
pub(crate) fn with_lead(page: &Page<'_>, roots: &mut Vec<usize>, zone: &mut [Option<Mark>]) {
    let dom = &page.dom;
    let Some(&first) = roots.first() else {
        return;
    };
    if let Some(lead) = zoned_lead_within(page, first, zone) {
        lift(page, lead, zone);
        return;
    }
    let body_prose: u32 = roots.iter().map(|&r| page.prose[r]).sum();
    let mut child = first;
    let mut ancestor = dom.nodes[first].parent;
    for _ in 0..LEAD_LEVELS {
        if ancestor == usize::MAX
            || matches!(dom.nodes[ancestor].tag, Tag::Body | Tag::Html)
            || page.prose[ancestor] > body_prose + LEAD_SURROUND_PROSE
        {
            return;
        }
        // The nearest lead before the path down to the body.
        let lead = (ancestor + 1..child)
            .rev()
            .find(|&i| is_lead(page, i, &zone[..]));
        if let Some(lead) = lead {
            lift(page, lead, zone);
            let at = roots.partition_point(|&r| r < lead);
            roots.insert(at, lead);
            return;
        }
        child = ancestor;
        ancestor = dom.nodes[ancestor].parent;
    }
}

/// A lead inside the body's first root that a zone took out (the article's `<header>`, a box
/// named as a teaser), before the root's first paragraph of prose in no zone.
fn zoned_lead_within(page: &Page<'_>, root: usize, zone: &[Option<Mark>]) -> Option<usize> {
    for i in root + 1..page.dom.nodes[root].end {
        let unit = &page.measures.unit[i];
        if zone[i].is_none() && unit.chars > 0 && score::quality(unit) == Quality::Good {
            return None;
        } else if zone[i].is_some() && is_lead(page, i, zone) {
            return Some(i);
        }
    }
    None
}

/// A `<header>` inside the body holding at least this much prose, most of its text, is the
/// article's opening (an interview's introduction, a long standfirst), not a title block.
const HEADER_MIN_PROSE: u32 = 200;

/// Lifts the zone of each `<header>` inside the body's `roots` that holds mostly prose
/// ([`HEADER_MIN_PROSE`] at least): a title block is a headline, a byline and a date. Done after
/// the choice of the body, which the header's name still weighs in.
pub(crate) fn with_prose_headers(page: &Page<'_>, roots: &[usize], zone: &mut [Option<Mark>]) {
    let dom = &page.dom;
    for &root in roots {
        for i in root..dom.nodes[root].end {
            let parent = dom.nodes[i].parent;
            let opens_zone = parent == usize::MAX || zone[parent].is_none();
            if zone[i] == Some(marks::HEADER)
                && opens_zone
                && page.prose[i] >= HEADER_MIN_PROSE
                && page.prose[i] * 2 >= page.measures.chars[i]
            {
                for z in &mut zone[i..dom.nodes[i].end] {
                    if *z == Some(marks::HEADER) {
                        *z = None;
                    }
                }
            }
        }
    }
}

/// Lifts the zones over the lead's subtree.
fn lift(page: &Page<'_>, lead: usize, zone: &mut [Option<Mark>]) {
    for z in &mut zone[lead..page.dom.nodes[lead].end] {
        *z = None;
    }
}

/// Whether node `i` is a lead: a live element named as one, of short prose, in no zone but one
/// a lead may lie in (a header, a teaser box: the names templates give the lead's surroundings).
fn is_lead(page: &Page<'_>, i: usize, zone: &[Option<Mark>]) -> bool {
    let dom = &page.dom;
    let node = &dom.nodes[i];
    let (chars, prose) = (page.measures.chars[i], page.prose[i]);
    // The measures first: they are read in a step, the names split word by word.
    let short_prose = prose >= LEAD_MIN_PROSE && chars <= LEAD_MAX_CHARS && prose * 2 >= chars;
    if node.tag == Tag::Text || page.dead[i] || !short_prose || !hints::names_lead(dom, i) {
        return false;
    }
    // A caption in the lead's place is a picture's, not the article's lead.
    let pictured = |j: usize| matches!(dom.nodes[j].tag, Tag::Figure | Tag::Img);
    if (i..node.end).any(pictured) {
        return false;
    }
    let mut up = node.parent;
    while up != usize::MAX {
        if pictured(up) {
            return false;
        }
        up = dom.nodes[up].parent;
    }
    zone[i].is_none_or(|mark| match page.hints[i] {
        // Named a teaser itself, or lying in the article's header.
        Hint::Negative(own) => own == mark,
        _ => mark.is(marks::ENTRY_HEADER),
    })
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    fn text_of(html: &str) -> String {
        crate::extract(html, &Config::default())
            .expect("extracts")
            .text()
    }

    const BODY: &str = "<div class=\"article-body\">\
        <p>The council met on Monday evening, and after a long debate it voted to keep the \
        ferry running through the winter months.</p>\
        <p>Residents of the island had campaigned for weeks, writing letters and attending every \
        meeting, and they were glad of the result.</p>\
        <p>The service will run twice a day, weather permitting, until the spring timetable \
        begins in April, the operator said.</p>\
        <p>Fares stay as they are for now, though the operator warned that fuel costs were \
        rising and that a review would follow next year.</p></div>";

    #[test]
    fn a_lead_in_the_article_header_comes_before_the_body() {
        let html = format!(
            "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
             <article><header class=\"article-header\"><h1>Ferry saved</h1>\
             <p class=\"lead\">The island keeps its winter ferry: the council voted for it \
             after weeks of protest.</p></header>{BODY}</article></body></html>"
        );
        let text = text_of(&html);
        assert!(
            text.starts_with("The island keeps its winter ferry"),
            "{text}"
        );
        assert!(text.contains("Fares stay as they are"), "{text}");
    }

    #[test]
    fn a_teaser_text_box_above_the_body_is_the_lead() {
        let html = format!(
            "<html><head><title>Fähre bleibt</title></head><body>\
             <div class=\"news-single\"><div class=\"article\">\
             <h1>Fähre bleibt</h1><div class=\"teaser-text\"><p>Die Insel behält ihre \
             Winterfähre, der Rat hat nach wochenlangem Protest dafür gestimmt.</p></div>\
             {BODY}</div></div></body></html>"
        );
        // The title first, then the lead: the headline above it is the title's, not printed twice.
        let text = text_of(&html);
        let lead = text.strip_prefix("Fähre bleibt\n\n").unwrap_or(&text);
        assert!(
            lead.starts_with("Die Insel behält ihre Winterfähre"),
            "{text}"
        );
        assert_eq!(text.matches("Fähre bleibt").count(), 1, "{text}");
    }

    #[test]
    fn a_lead_in_the_header_of_an_article_chosen_whole_is_kept() {
        let paragraphs = BODY
            .trim_start_matches("<div class=\"article-body\">")
            .trim_end_matches("</div>");
        let html = format!(
            "<html><body><div class=\"menu\"><a href=\"/\">Home</a></div>\
             <article><header><h1>Ferry saved</h1><p class=\"article-header__lead\">The \
             island keeps its winter ferry: the council voted for it after weeks of \
             protest.</p><p class=\"byline\">By Ann Lee</p></header>{paragraphs}</article>\
             </body></html>"
        );
        let text = text_of(&html);
        assert!(
            text.starts_with("The island keeps its winter ferry"),
            "{text}"
        );
        assert!(!text.contains("Ann Lee"), "{text}");
        assert!(text.contains("Fares stay as they are"), "{text}");
    }

    #[test]
    fn teasers_of_other_stories_are_no_lead() {
        // A box of other stories' teasers above the article: links, not the article's lead.
        let teasers: String = (0..4)
            .map(|i| {
                format!(
                    "<div class=\"teaser\"><a href=\"/s{i}\">Another story number {i} about the \
                     harbour and its boats</a></div>"
                )
            })
            .collect();
        let html = format!(
            "<html><body><div class=\"page\"><div class=\"top\">{teasers}</div>\
             <article><h1>Ferry saved</h1>{BODY}</article></div></body></html>"
        );
        let text = text_of(&html);
        assert!(text.starts_with("The council met"), "{text}");
        assert!(!text.contains("Another story"), "{text}");
    }

    #[test]
    fn a_header_of_prose_in_the_article_is_its_opening() {
        let paragraphs = BODY
            .trim_start_matches("<div class=\"article-body\">")
            .trim_end_matches("</div>");
        let html = format!(
            "<html><body><div class=\"menu\"><a href=\"/\">Home</a></div>\
             <article><header><h1>\"We kept the ferry\"</h1><p>INTRO_TEXT She led the \
             campaign for the winter ferry for two years, through three council votes and a \
             petition. She talks about what comes next for the island, its school and its \
             fishermen, and about the winter that almost cut them off. Her answers, edited \
             for length, follow in full below, with the questions our reporter put to her.</p>\
             </header>{paragraphs}<header><p>BYLINE_TEXT By Ann Lee</p></header></article>\
             </body></html>"
        );
        let text = text_of(&html);
        assert!(text.contains("INTRO_TEXT"), "{text}");
        assert!(!text.contains("BYLINE_TEXT"), "{text}");
    }
}
