//! Each filter alone on a realistic article's drafts: what it keeps, what it records and why.

use super::*;
use crate::dom::{Dom, parse};
use crate::extract::build::{self, Built};
use crate::extract::{Unobserved, read, select};
use crate::removal::Removal;
use crate::{BlockKind, Config};

/// Sentences long and punctuated enough to read as prose, each with its own words.
const PROSE: [&str; 8] = [
    "The council met on Monday evening, and after a long debate it voted to keep the ferry \
     running through the winter months.",
    "Residents of the island had campaigned for weeks, writing letters and attending every \
     meeting, and they were glad of the result.",
    "The service will run twice a day, weather permitting, until the spring timetable begins \
     in April, the operator said.",
    "Fares stay as they were last year, although the operator warned that the price of fuel \
     could change that before the summer.",
    "Fishermen on the north quay said the decision would let them send their catch to the \
     mainland markets without a detour.",
    "The school on the island, which has twelve pupils, had feared that its teachers could no \
     longer reach it every morning.",
    "A petition signed by almost every household was handed to the council clerk on the \
     steps of the town hall last week.",
    "The mayor thanked the crew of the ferry, who have kept the crossing open through storms \
     that closed every other route.",
];

/// What one filter made of a page's drafts: the texts it kept and what it recorded.
struct Filtered {
    kept: Vec<String>,
    removed: Vec<(String, Reason)>,
}

/// Runs the pipeline up to the filters on `html` (title "Ferry timetable"), then `filter`
/// alone on the body's drafts.
fn filtered(
    html: &str,
    filter: impl FnOnce(&Page<'_>, &Body, Built, &mut Removals) -> Vec<Draft>,
) -> Filtered {
    let doc = parse(&crate::input::prepare(html));
    let page = read(Dom::new(&doc), &mut Removals::default(), &mut Unobserved);
    let body = select::select(&page, &Config::default()).expect("a body");
    let built = build::drafts(
        &page,
        &body,
        &build::formulas(&page.dom),
        &mut Removals::default(),
    );
    let texts: Vec<(crate::blocks::NodeId, String)> = built
        .drafts
        .iter()
        .map(|d| (d.block.node, d.block.text.clone()))
        .collect();
    let mut removals = Removals::default();
    let kept = filter(&page, &body, built, &mut removals);
    let text_of = |r: &Removal| {
        let own = texts.iter().find(|(node, _)| *node == r.node);
        own.map_or_else(|| format!("{:?}", r.node), |(_, t)| t.clone())
    };
    Filtered {
        kept: kept.into_iter().map(|d| d.block.text).collect(),
        removed: removals
            .into_vec()
            .iter()
            .map(|r| (text_of(r), r.reason.clone()))
            .collect(),
    }
}

fn page(article: &str) -> String {
    format!(
        "<html><head><title>Ferry timetable | Island News</title></head><body>\
         <nav><a href=/>Home</a> <a href=/news>News</a></nav>\
         <article>{article}</article><footer>Island News</footer></body></html>"
    )
}

fn paragraphs(prose: &[&str]) -> String {
    prose.iter().map(|p| format!("<p>{p}</p>")).collect()
}

#[test]
fn chaff_drops_the_title_heading_and_link_lists_not_prose() {
    let html = page(&format!(
        "<h1>Ferry timetable</h1>{}<ul class=links><li><a href=/a>Storm warning issued</a></li>\
         <li><a href=/b>Harbour closed</a></li></ul>{}",
        paragraphs(&PROSE[..2]),
        paragraphs(&PROSE[2..4]),
    ));
    let result = filtered(&html, |page, body, built, removals| {
        let listing = is_listing(page, body, &built.drafts);
        chaff(
            page,
            &body.roots,
            listing,
            built.drafts,
            Some("Ferry timetable"),
            removals,
        )
    });
    assert_eq!(result.kept, PROSE[..4]);
    let reasons: Vec<&Reason> = result.removed.iter().map(|(_, r)| r).collect();
    assert!(matches!(reasons[0], Reason::TitleHeading), "{reasons:?}");
    assert!(
        reasons[1..]
            .iter()
            .all(|r| matches!(r, Reason::LinkDensity { percent: 100 })),
        "{reasons:?}"
    );
}

#[test]
fn chaff_drops_calls_to_action_and_invisible_spacers_standing_alone() {
    let html = page(&format!(
        "{}<p><a class=button href=/book>Book now →</a></p><p>&zwj;</p>{}<div><span>Learn more</span>\
         </div><p>Learn more about the winter timetable at the harbour office, open daily.</p>",
        paragraphs(&PROSE[..2]),
        paragraphs(&PROSE[2..4]),
    ));
    let result = filtered(&html, |page, body, built, removals| {
        chaff(page, &body.roots, true, built.drafts, None, removals)
    });
    assert_eq!(result.kept[..4], PROSE[..4]);
    assert_eq!(
        result.kept[4..],
        ["Learn more about the winter timetable at the harbour office, open daily."]
    );
    let removed: Vec<(&str, &Reason)> = result
        .removed
        .iter()
        .map(|(t, r)| (t.as_str(), r))
        .collect();
    assert_eq!(
        removed,
        [
            ("Book now →", &Reason::Cue { phrase: "book now" }),
            ("\u{200D}", &Reason::Chrome { what: INVISIBLE }),
            (
                "Learn more",
                &Reason::Cue {
                    phrase: "learn more"
                }
            )
        ]
    );
}

#[test]
fn trim_edges_drops_scraps_outside_the_prose_but_keeps_headings_and_lists() {
    let html = page(&format!(
        "<p>12 May 2024</p><h2>Winter crossings</h2>{}<ul><li>Monday</li><li>Friday</li></ul>\
         <p>Share</p>",
        paragraphs(&PROSE[..3]),
    ));
    let result = filtered(&html, |page, body, built, removals| {
        let listing = is_listing(page, body, &built.drafts);
        trim_edges(page, listing, built.drafts, removals)
    });
    assert_eq!(result.kept[0], "Winter crossings");
    assert_eq!(result.kept[1..4], PROSE[..3]);
    assert_eq!(result.kept[4..], ["Monday", "Friday"]);
    let removed: Vec<&str> = result.removed.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(removed, ["12 May 2024", "Share"]);
    assert!(result.removed.iter().all(|(_, r)| *r == Reason::EdgeNoise));
}

#[test]
fn trim_edges_keeps_a_salutation_and_sentences_ending_in_a_quote_or_an_emoji() {
    let html = page(&format!(
        "<p>Es gilt das gesprochene Wort</p><p>Dear friends of the ferry,</p>{}\
         <p>We will see you all on board this winter 😉</p><p>“See you on the quay!”</p>\
         <p>Post views: 1,432</p>",
        paragraphs(&PROSE[..3]),
    ));
    let result = filtered(&html, |page, body, built, removals| {
        let listing = is_listing(page, body, &built.drafts);
        trim_edges(page, listing, built.drafts, removals)
    });
    assert_eq!(result.kept[0], "Dear friends of the ferry,");
    assert_eq!(result.kept[1..4], PROSE[..3]);
    assert_eq!(
        result.kept[4..],
        [
            "We will see you all on board this winter 😉",
            "“See you on the quay!”"
        ]
    );
    let removed: Vec<&str> = result.removed.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        removed,
        ["Es gilt das gesprochene Wort", "Post views: 1,432"]
    );
}

#[test]
fn cued_edges_end_the_article_at_read_also_and_drop_a_leading_credit() {
    let html = page(&format!(
        "<p>Photo: Ann Lee / Island News</p>{}<p>Read also: Storm closes the harbour</p>{}",
        paragraphs(&PROSE[..4]),
        paragraphs(&PROSE[4..5]),
    ));
    let result = filtered(&html, |page, body, built, removals| {
        let listing = is_listing(page, body, &built.drafts);
        trim_cued_edges(page, listing, built.drafts, removals)
    });
    assert_eq!(result.kept, PROSE[..4]);
    assert!(matches!(result.removed[0].1, Reason::Cue { .. }));
    assert_eq!(result.removed[1].0, "Read also: Storm closes the harbour");
    assert!(matches!(
        result.removed[1].1,
        Reason::Cue {
            phrase: "read also"
        }
    ));
    // What follows the terminator goes with it.
    assert_eq!(result.removed[2].0, PROSE[4]);
}

#[test]
fn a_listing_keeps_its_items_but_not_an_ads_label() {
    let cards: String = [
        "Harbour reopens after the storm",
        "Ferry timetable for the winter",
        "New quay lights are switched on",
    ]
    .iter()
    .map(|title| format!("<div class=card><h3><a href=/a>{title}</a></h3><p>Sponsored</p></div>"))
    .collect();
    let result = filtered(&page(&cards), |page, _, built, removals| {
        // Read as a listing, as the page kind would have it: no end of an article to find.
        trim_cued_edges(page, true, built.drafts, removals)
    });
    assert_eq!(result.kept.len(), 3, "{:?}", result.kept);
    assert!(result.kept.iter().all(|t| !t.contains("Sponsored")));
    assert_eq!(result.removed.len(), 3);
    assert!(
        result
            .removed
            .iter()
            .all(|(t, r)| t == "Sponsored" && matches!(r, Reason::Cue { .. }))
    );
}

#[test]
fn a_read_also_line_early_in_the_article_does_not_end_it() {
    let html = page(&format!(
        "{}<p>Read also: Storm closes the harbour</p>{}",
        paragraphs(&PROSE[..1]),
        paragraphs(&PROSE[1..6]),
    ));
    let result = filtered(&html, |page, body, built, removals| {
        let listing = is_listing(page, body, &built.drafts);
        trim_cued_edges(page, listing, built.drafts, removals)
    });
    assert_eq!(result.kept.len(), 7, "{:?}", result.removed);
    assert!(result.removed.is_empty());
}

#[test]
fn a_caption_ending_with_a_pictures_credit_goes_inside_the_article_too() {
    let html = page(&format!(
        "{}<p>The ferry leaves the north quay. (Foto: Ann Lee)</p>{}",
        paragraphs(&PROSE[..2]),
        paragraphs(&PROSE[2..6]),
    ));
    let result = filtered(&html, |page, body, built, removals| {
        let listing = is_listing(page, body, &built.drafts);
        trim_cued_edges(page, listing, built.drafts, removals)
    });
    assert_eq!(result.kept, PROSE[..6]);
    assert_eq!(
        result.removed[0].0,
        "The ferry leaves the north quay. (Foto: Ann Lee)"
    );
}

#[test]
fn repeats_drop_the_later_copy_of_an_appeal() {
    let appeal = "Island News is free to read because readers like you support it: give what \
                  you can today, and keep our reporting on the islands going.";
    let html = page(&format!(
        "{}<p>{appeal}</p>{}<p>{appeal}</p>",
        paragraphs(&PROSE[..4]),
        paragraphs(&PROSE[4..]),
    ));
    let result = filtered(&html, |page, body, built, removals| {
        drop_repeats(page, body, &built.outside, built.drafts, removals)
    });
    assert_eq!(result.removed.len(), 1, "{:?}", result.removed);
    let (text, reason) = &result.removed[0];
    assert_eq!(text, appeal);
    assert!(
        matches!(reason, Reason::Duplicate { .. } | Reason::RepeatedAtEdge),
        "{reason:?}"
    );
    // The first copy stands inside the article: the cue filters judge it, not this one.
    assert_eq!(result.kept.iter().filter(|t| *t == appeal).count(), 1);
    assert_eq!(result.kept.len(), PROSE.len() + 1);
}

#[test]
fn repeats_never_take_the_whole_body_a_text_printed_in_several_tabs_keeps_one_copy() {
    let terms = |region: &str| {
        format!(
            "<p>Receive a fifth off any three qualifying products bought in {region} between \
             the first and the tenth of March, while stocks last. The offer cannot be combined \
             with any other discount, excludes gift cards and delivery charges, and may be \
             withdrawn at any time without notice by the company.</p>"
        )
    };
    let html = page(&format!(
        "<h2>Promotion terms</h2><p>US</p><p>UK</p><p>Canada</p><p>Europe</p>{}{}{}",
        terms("the United States"),
        terms("the United Kingdom"),
        terms("Canada"),
    ));
    let result = filtered(&html, |page, body, built, removals| {
        drop_repeats(page, body, &built.outside, built.drafts, removals)
    });
    let copies: Vec<&String> = result
        .kept
        .iter()
        .filter(|t| t.starts_with("Receive a fifth"))
        .collect();
    assert_eq!(copies.len(), 1, "{:?}", result.kept);
    assert!(copies[0].contains("the United States"), "{copies:?}");
    assert_eq!(result.removed.len(), 2, "{:?}", result.removed);
}

#[test]
fn removals_name_the_element_when_the_draft_is_all_of_it() {
    let html = page(&format!("{}<p>Share</p>", paragraphs(&PROSE[..3])));
    let doc = parse(&crate::input::prepare(&html));
    let page = read(Dom::new(&doc), &mut Removals::default(), &mut Unobserved);
    let body = select::select(&page, &Config::default()).expect("a body");
    let built = build::drafts(
        &page,
        &body,
        &build::formulas(&page.dom),
        &mut Removals::default(),
    );
    let share = built.drafts.last().expect("drafts");
    assert!(share.whole && share.block.kind == BlockKind::Paragraph);
    let node = share.block.node;
    let mut removals = Removals::default();
    trim_edges(&page, false, built.drafts, &mut removals);
    let record = removals.into_vec();
    assert_eq!(record.len(), 1);
    assert_eq!(record[0].node, node);
    assert_eq!(record[0].stage, Stage::Filter);
}

#[test]
fn machine_identifiers_are_not_text() {
    let run = "Sf2f260c3-bf1f-466a-b856-6f031758a086p16207f0d-5442-4472-ad51-162a45a841c3 \
               U58304ab9-e401-4091-b773-e7e337a260ad49b6f0970-183c-42bd-adfd-fa9ba7274fa7";
    assert!(is_machine_identifiers(run));
    // A sentence quoting an identifier, a checksum alone, a long number: text.
    assert!(!is_machine_identifiers(
        "Your order f2f260c3-bf1f-466a-b856-6f031758a086 has shipped and arrives on Monday."
    ));
    assert!(!is_machine_identifiers(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    ));
    assert!(!is_machine_identifiers("Call 0800 123 456 789 today"));
}

#[test]
fn a_read_also_box_between_paragraphs_late_in_the_article_does_not_end_it() {
    // The box's headline is dropped as a link; the two paragraphs after the box go on with the
    // story, whatever text the filters removed before the first of them.
    let long: Vec<String> = PROSE[..6].chunks(2).map(|p| p.join(" ")).collect();
    let long: Vec<&str> = long.iter().map(String::as_str).collect();
    let html = page(&format!(
        "{}<div class=inline-box><div>Read also...</div><div><a href=/storm>Storm closes the \
         harbour for a second day</a><span style=\"display:none\">Monday</span></div></div>{}",
        paragraphs(&long),
        paragraphs(&[PROSE[6], PROSE[7], "Reporting by the island desk"]),
    ));
    let text = crate::extract(&html, &Config::default())
        .expect("extracts")
        .text();
    for kept in [PROSE[5], PROSE[6], PROSE[7]] {
        assert!(text.contains(kept), "{kept} missing:\n{text}");
    }
    assert!(!text.contains("Storm closes"), "{text}");
}
