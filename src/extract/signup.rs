//! Sign-up boxes found by their shape: the small box around an e-mail field.
//!
//! A newsletter appeal, an alert sign-up, a log-in panel or a "get the guide" offer says what it
//! is in every language the same way: a field for an e-mail address, with a line or two of
//! copy and a button. Its class names vary (`flex mt-4`, `widget-7`), its words are the site's;
//! the field is the one thing all of them share. The box is the largest element around the
//! field that stays small; it is boilerplate wherever it stands, inside the article too.

use crate::dom::measure::Measures;
use crate::dom::{Dom, Tag};
use crate::rules::hints::Hint;
use crate::rules::marks;

/// The most characters of text a sign-up box holds: a heading, a sentence or two of copy, the
/// field's label, the button and the consent line under it.
const BOX_MAX_CHARS: u32 = 400;
/// ...of which at most this much is prose: a sentence or two of copy. A short article with a
/// "send this page by e-mail" field under it holds more, or most of the page's.
const BOX_MAX_PROSE: u32 = 250;
/// A box with less text than this has nothing to leave out: a bare field and its button.
const BOX_MIN_CHARS: u32 = 40;

/// Marks the box around each e-mail field as a sign-up box, unless the markup already judged
/// it.
pub(crate) fn mark_sign_up_boxes(
    dom: &Dom<'_>,
    dead: &[bool],
    measures: &Measures,
    prose: &[u32],
    hints: &mut [Hint],
) {
    let mut i = 0;
    while i < dom.len() {
        if !is_email_field(dom, i) {
            i += 1;
            continue;
        }
        let Some(b) = sign_up_box(dom, dead, measures, prose, i) else {
            i += 1;
            continue;
        };
        if hints[b] == Hint::None
            && measures.chars[b] >= BOX_MIN_CHARS
            && fields(dom, b) <= MAX_FIELDS
        {
            hints[b] = Hint::Negative(marks::SIGN_UP);
        }
        // The other fields in the box are judged with it: each node is counted once.
        i = dom.nodes[b].end;
    }
}

/// A sign-up asks for an address and perhaps a name; a form of more fields (a contact form, a
/// quote request, an application) is the page's business.
const MAX_FIELDS: usize = 2;

/// The fields a user fills in inside node `b`: text fields of any kind, lists and text areas,
/// not buttons, boxes to tick or hidden values.
fn fields(dom: &Dom<'_>, b: usize) -> usize {
    (b..dom.nodes[b].end)
        .filter(|&j| {
            let Some(element) = dom.nodes[j].element else {
                return false;
            };
            match element.name() {
                "select" | "textarea" => true,
                "input" => !dom.attr(j, "type").is_some_and(|t| {
                    [
                        "hidden", "submit", "button", "checkbox", "radio", "image", "reset",
                    ]
                    .iter()
                    .any(|k| t.eq_ignore_ascii_case(k))
                }),
                _ => false,
            }
        })
        .count()
}

/// Whether node `i` is a text field for an e-mail address (`type=email`, or a text field named
/// for one, as older forms write it).
fn is_email_field(dom: &Dom<'_>, i: usize) -> bool {
    let node = &dom.nodes[i];
    if node.tag != Tag::Void {
        return false;
    }
    let Some(element) = node.element else {
        return false;
    };
    if element.name() != "input" {
        return false;
    }
    let kind = dom.attr(i, "type").unwrap_or("text");
    if kind.eq_ignore_ascii_case("email") {
        return true;
    }
    kind.eq_ignore_ascii_case("text")
        && dom
            .attr(i, "name")
            .is_some_and(|n| n.to_ascii_lowercase().contains("email"))
}

/// The largest live element around field `i` holding at most [`BOX_MAX_CHARS`] of text and
/// [`BOX_MAX_PROSE`] of prose, less than half the page's, below
/// the page's body, main area and article, and inside the list item or table cell that holds
/// it: a small product card with a "tell me when it is back" field is a card, not a sign-up.
fn sign_up_box(
    dom: &Dom<'_>,
    dead: &[bool],
    measures: &Measures,
    prose: &[u32],
    i: usize,
) -> Option<usize> {
    let page_prose = prose.first().copied().unwrap_or(0);
    let mut found = None;
    let mut at = dom.nodes[i].parent;
    while at != usize::MAX
        && !dead[at]
        && measures.chars[at] <= BOX_MAX_CHARS
        && prose[at] <= BOX_MAX_PROSE
        && (prose[at] == 0 || prose[at] * 2 < page_prose)
    {
        let tag = dom.nodes[at].tag;
        if matches!(
            tag,
            Tag::Body | Tag::Html | Tag::Main | Tag::Article | Tag::Li | Tag::Td | Tag::Th
        ) || dom.is_main_area(at)
        {
            break;
        }
        found = Some(at);
        at = dom.nodes[at].parent;
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::Config;

    fn extract(html: &str) -> String {
        crate::extract(html, &Config::default())
            .expect("extracts")
            .text()
    }

    const STORY: &str = "<p>STORY_ONE The council voted on Tuesday to close the old bridge to \
        traffic for a year, after engineers found cracks in two of its piers.</p><p>STORY_TWO \
        Residents will cross on a temporary footbridge, and buses will take a detour through \
        the industrial estate, adding ten minutes to the trip into town.</p>";

    #[test]
    fn a_newsletter_box_in_the_article_goes_whatever_its_class_names() {
        let html = format!(
            r#"<html><body><div class="page"><h1>Bridge to close</h1>{STORY}
            <div class="mt-4 flex rounded"><p class="text-xl">The Weekly Digest</p>
            <p>SIGNUP_COPY Sign up and get the best stories of the week in your inbox.</p>
            <label for="e">Email address</label><input type="email" id="e" name="address">
            <button>Subscribe</button></div>
            <p>STORY_THREE The footbridge opens on Monday, and the works start a week later,
            weather permitting, the council said.</p></div></body></html>"#
        );
        let text = extract(&html);
        assert!(
            text.contains("STORY_ONE") && text.contains("STORY_THREE"),
            "{text}"
        );
        assert!(!text.contains("SIGNUP_COPY"), "{text}");
        assert!(!text.contains("Email address"), "{text}");
    }

    #[test]
    fn a_text_field_named_for_e_mail_makes_a_box_too_but_a_search_field_does_not() {
        let html = format!(
            r#"<html><body><div class="page"><h1>Bridge to close</h1>{STORY}
            <div class="box-a"><p>ALERT_COPY Get an alert when the bridge reopens, free.</p>
            <input type="text" name="EMAIL"><button>Send</button></div>
            <div class="box-b"><p>SEARCH_COPY Looking for another road closure in town?</p>
            <input type="search" name="q"><button>Search</button></div>
            <p>STORY_THREE The footbridge opens on Monday, and the works start a week later,
            weather permitting, the council said.</p></div></body></html>"#
        );
        let text = extract(&html);
        assert!(!text.contains("ALERT_COPY"), "{text}");
        assert!(text.contains("SEARCH_COPY"), "{text}");
    }

    #[test]
    fn a_contact_form_is_the_page_business_not_a_sign_up() {
        let html = format!(
            r#"<html><body><div class="page"><h1>Bridge to close</h1>{STORY}
            <div class="box"><p>FORM_COPY Questions about the works? Write to the council.</p>
            <label>Name</label><input type="text" name="name"><label>Email</label>
            <input type="email" name="email"><label>MESSAGE_LABEL</label><textarea></textarea>
            <button>Send</button></div>
            <p>STORY_THREE The footbridge opens on Monday, and the works start a week later,
            weather permitting, the council said.</p></div></body></html>"#
        );
        let text = extract(&html);
        assert!(text.contains("FORM_COPY"), "{text}");
    }

    #[test]
    fn an_article_around_a_field_stays() {
        // The box stops where the prose grows: a short article with a field under it to send
        // it by e-mail is an article.
        let html = r#"<html><body><div class="page"><h1>Truck wash opens</h1>
            <div class="entry"><p>STORY_ONE Since January, four wash lanes for lorries stand
            ready by the motorway, with a self-service lane open day and night. Drivers of
            livestock trucks and tankers are welcome, and the staff clean trailers inside and
            out while the drivers rest in the lounge.</p>
            <p>Harbour Road 14, Rhede</p><div class="pdf"><input type="text" name="sendEmailTo">
            <button>Send as PDF</button></div></div></div></body></html>"#;
        let text = extract(html);
        assert!(text.contains("STORY_ONE"), "{text}");
    }
}
