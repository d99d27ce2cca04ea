//! The selection's tests: which body `select` picks on small, realistic pages.

use super::*;
use crate::dom::{Dom, parse};

/// Three sentences of prose, each starting with a sentinel word.
fn prose(sentinel: &str) -> String {
    format!(
        "<p>{sentinel} The council met on Monday evening, and after a long debate it voted to \
         keep the ferry running through the winter months.</p>\
         <p>Residents of the island had campaigned for weeks, writing letters and attending \
         every meeting, and they were glad of the result.</p>\
         <p>The service will run twice a day, weather permitting, until the spring timetable \
         begins in April, the operator said.</p>"
    )
}

fn links(sentinel: &str, count: usize) -> String {
    let items: String = (0..count)
        .map(|i| format!(r#"<li><a href="/{i}">{sentinel} story number {i}</a></li>"#))
        .collect();
    format!("<ul>{items}</ul>")
}

/// What `select` chose on a page.
#[derive(Debug)]
struct Selected {
    rules: Rules,
    /// The tags of the body's roots.
    roots: Vec<Tag>,
    /// The live text of the roots outside boilerplate zones.
    text: String,
}

/// Runs the stages before `select` as the pipeline does, then `select`.
fn select_in(html: &str) -> Option<Selected> {
    let doc = parse(html);
    let page = crate::extract::read(
        Dom::new(&doc),
        &mut crate::removal::Removals::default(),
        &mut crate::extract::Unobserved,
    );
    let body = select(&page, &Config::default())?;
    let dom = &page.dom;
    let text = body
        .roots
        .iter()
        .flat_map(|&root| root..dom.nodes[root].end)
        .filter(|&i| dom.nodes[i].tag == Tag::Text && !page.dead[i] && body.zone[i].is_none())
        .map(|i| dom.nodes[i].text)
        .collect::<Vec<_>>()
        .join(" ");
    Some(Selected {
        rules: body.rules,
        roots: body.roots.iter().map(|&r| dom.nodes[r].tag).collect(),
        text,
    })
}

#[test]
fn article_beats_navigation_and_link_lists() {
    let html = format!(
        r#"<html><head><title>Ferry</title></head><body>
        <nav>{}</nav><div class="sidebar">{}</div><div>{}</div>
        <article>{}</article></body></html>"#,
        links("MENU_TEXT", 4),
        links("SIDEBAR_TEXT", 4),
        links("LINKS_TEXT", 4),
        prose("BODY_TEXT"),
    );
    let s = select_in(&html).expect("a body");
    assert_eq!(s.roots, vec![Tag::Article]);
    assert!(s.text.contains("BODY_TEXT"));
    for chaff in ["MENU_TEXT", "SIDEBAR_TEXT", "LINKS_TEXT"] {
        assert!(!s.text.contains(chaff), "{chaff} in {s:?}");
    }
}

#[test]
fn article_split_over_sibling_divs_comes_out_whole() {
    // The link list between the parts costs the common parent more than the second part
    // brings, so the first part wins and the second joins it as a sibling.
    let html = format!(
        r#"<html><head><title>Ferry</title></head><body>
        <div>{}</div><div>{}</div>
        <div><p>PART_TWO Fares will stay as they are for now, though the operator warned
        that fuel costs may force a rise later in the year.</p></div></body></html>"#,
        prose("PART_ONE"),
        links("LINKS_TEXT", 12),
    );
    let s = select_in(&html).expect("a body");
    assert_eq!(s.roots, vec![Tag::Div, Tag::Div]);
    assert!(s.text.contains("PART_ONE"));
    assert!(s.text.contains("PART_TWO"));
    assert!(!s.text.contains("LINKS_TEXT"));
}

#[test]
fn a_part_buried_in_a_wrapper_of_links_joins_the_article() {
    let html = format!(
        r#"<html><body><article><section>{}</section>{}</article>
        <div>{}{}</div></body></html>"#,
        prose("SUMMARY"),
        links("TEASER_TEXT", 20),
        prose("STORY"),
        prose("MORE"),
    );
    let s = select_in(&html).expect("a body");
    assert_eq!(s.roots, vec![Tag::Section, Tag::Div]);
    assert!(s.text.contains("SUMMARY") && s.text.contains("STORY"));
    assert!(!s.text.contains("TEASER_TEXT"));
}

const COMMENTS: &str = r#"<div class="comments">
    <div class="comment"><p>COMMENT_ONE I have taken the early ferry for twenty years, and I
    am very relieved that it will keep running through the winter.</p></div>
    <div class="comment"><p>COMMENT_TWO Good news for the island, though I wonder how long the
    money will last this time, given the cost of fuel.</p></div>
    <div class="comment"><p>COMMENT_THREE The late crossing is the one I need, since my shift at
    the harbour ends well after the evening boat leaves.</p></div></div>"#;

#[test]
fn comments_are_dropped_on_an_article() {
    let html = format!(
        r#"<html><head><title>Ferry</title><meta property="og:type" content="article">
        </head><body><article>{}</article>{COMMENTS}</body></html>"#,
        prose("BODY_TEXT"),
    );
    let s = select_in(&html).expect("a body");
    assert_eq!(s.rules, Rules::Strict);
    assert!(s.text.contains("BODY_TEXT"));
    assert!(!s.text.contains("COMMENT_"), "{s:?}");
}

#[test]
fn comments_are_the_content_of_a_thread() {
    let html = format!(
        r#"<html><head><title>Which ferry do you take?</title></head><body>
        <h1>Which ferry do you take?</h1><div class="post"><p>QUESTION_TEXT Just moved here.</p>
        </div>{COMMENTS}</body></html>"#
    );
    let s = select_in(&html).expect("a body");
    assert_eq!(s.rules, Rules::Thread);
    for post in ["COMMENT_ONE", "COMMENT_TWO", "COMMENT_THREE"] {
        assert!(s.text.contains(post), "{post} missing from {s:?}");
    }
}

#[test]
fn a_listing_keeps_its_item_titles() {
    let cards: String = (0..10)
        .map(|i| {
            format!(r#"<li class="card"><a href="/walk/{i}">ITEM_{i} Harbour walk</a> 2 km</li>"#)
        })
        .collect();
    let html = format!(
        r#"<html><head><title>Walks</title></head><body>
        <nav><a href="/">Home</a> <a href="/about">MENU_TEXT</a></nav>
        <div><h1>Walks near the harbour</h1><ul>{cards}</ul></div>
        <footer>FOOTER_TEXT &copy; 2024</footer></body></html>"#
    );
    let s = select_in(&html).expect("a body");
    assert_eq!(s.rules, Rules::Listing);
    assert!(!s.text.contains("MENU_TEXT"));
    assert!(!s.text.contains("FOOTER_TEXT"));
    // The titles are mostly link text: only a listing keeps them through the block filter.
    let page = crate::extract(&html, &Config::default()).expect("extracts");
    let text = page.text();
    for i in 0..10 {
        assert!(
            text.contains(&format!("ITEM_{i} ")),
            "ITEM_{i} missing:\n{text}"
        );
    }
    assert!(!text.contains("MENU_TEXT"));
}

#[test]
fn a_listing_wrapper_named_category_is_not_boilerplate() {
    // Shop templates name the page's wrapper after the page type: "category" marks a link
    // list on an article, but here it holds the whole product grid.
    let cards: String = (0..24)
        .map(|i| {
            format!(
                r#"<li class="product-card"><a href="/chairs/{i}">ITEM_{i} Ergonomic mesh
                office chair with lumbar support, model {i}</a><span class="price">$149.00</span>
                <button>Add to cart</button></li>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><head><title>Mesh chairs</title></head><body>
        <nav><a href="/">Home</a> <a href="/desks">MENU_TEXT</a></nav>
        <div class="page page--category"><h1>Mesh office chairs</h1>
        <p>CATEGORY_TEXT Breathable mesh backs keep you cool through a long working day.</p>
        <ul class="products">{cards}</ul></div>
        <footer>FOOTER_TEXT &copy; 2024</footer></body></html>"#
    );
    let s = select_in(&html).expect("a body");
    assert_eq!(s.rules, Rules::Listing);
    for sentinel in ["CATEGORY_TEXT", "ITEM_0 ", "ITEM_23 "] {
        assert!(s.text.contains(sentinel), "{sentinel} missing from {s:?}");
    }
    assert!(!s.text.contains("MENU_TEXT"));
    assert!(!s.text.contains("FOOTER_TEXT"));
}

#[test]
fn a_listing_keeps_its_navigation_out_however_long() {
    // A sidebar of links longer than the listing stays boilerplate.
    let menu: String = (0..60)
        .map(|i| format!(r#"<li><a href="/topic/{i}">MENU_TEXT topic number {i}</a></li>"#))
        .collect();
    let cards: String = (0..6)
        .map(|i| format!(r#"<li><a href="/walk/{i}">ITEM_{i} Harbour walk</a> 2 km</li>"#))
        .collect();
    let html = format!(
        r#"<html><head><title>Walks</title></head><body>
        <div class="sidebar"><ul>{menu}</ul></div>
        <div><h1>Walks near the harbour</h1><ul>{cards}</ul></div></body></html>"#
    );
    let s = select_in(&html).expect("a body");
    assert_eq!(s.rules, Rules::Listing);
    assert!(s.text.contains("ITEM_5 "), "{s:?}");
    assert!(!s.text.contains("MENU_TEXT"), "{s:?}");
}

#[test]
fn a_news_section_that_calls_itself_an_article_is_read_as_a_listing() {
    // Each entry's teaser is a sentence of prose, so the page's prose is half its text; its
    // titles are links, which an article's filter would drop as link lists.
    let subjects = [
        "the reef",
        "the glacier",
        "the comet",
        "the forest",
        "the river delta",
        "the volcano",
        "the salt marsh",
        "the coral bank",
        "the aquifer",
        "the dune field",
    ];
    let entries: String = subjects
        .iter()
        .enumerate()
        .map(|(i, subject)| {
            format!(
                r#"<article class="story-card"><h2 class="story-card__title">
                <a href="/science/2024/05/{i}/story">TITLE_{i} A new survey of {subject} finds it
                changing fast</a>
                </h2><p class="story-card__teaser">TEASER_{i} Researchers spent {} weeks
                studying {subject}, and found a surprise.</p>
                <time datetime="2024-05-1{i}">May 1{i}, 2024</time></article>"#,
                i + 2
            )
        })
        .collect();
    let html = format!(
        r#"<html><head><title>Science</title><meta property="og:type" content="article">
        </head><body><nav><a href="/">Home</a> <a href="/science">Science</a>
        <a href="/world">MENU_TEXT</a></nav><main><h1>Science</h1>{entries}</main>
        <footer>FOOTER_TEXT &copy; 2024 The Daily Tide</footer></body></html>"#
    );
    let s = select_in(&html).expect("a body");
    assert_eq!(s.rules, Rules::Listing);
    let page = crate::extract(&html, &Config::default()).expect("extracts");
    let text = page.text();
    for i in 0..10 {
        for sentinel in [format!("TITLE_{i} "), format!("TEASER_{i} ")] {
            assert!(text.contains(&sentinel), "{sentinel} missing:\n{text}");
        }
    }
    assert!(
        !text.contains("MENU_TEXT") && !text.contains("FOOTER_TEXT"),
        "{text}"
    );
}

#[test]
fn an_article_cut_short_by_a_paywall_is_no_listing() {
    // Three paragraphs, the paywall's box, then links to other articles with more text.
    let teasers: String = (0..30)
        .map(|i| {
            format!(
                r#"<li><a href="/news/{i}">TITLE_{i} Council votes on plan number {i}</a>
                <span>May {i}, 2024</span></li>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><head><title>Ferry</title><meta property="og:type" content="article">
        </head><body><main><h1>Ferry</h1>{}<div class="paywall"><p>Bereits Abonnent/in?
        Anmelden</p><p>PAYWALL_TEXT Jetzt diesen Artikel lesen!</p></div>
        <h2>Weitere Artikel</h2><ul>{teasers}</ul></main></body></html>"#,
        prose("BODY_TEXT")
    );
    let s = select_in(&html).expect("a body");
    assert_ne!(s.rules, Rules::Listing);
    let text = crate::extract(&html, &Config::default())
        .expect("extracts")
        .text();
    assert!(text.contains("BODY_TEXT"), "{text}");
    for dropped in ["PAYWALL_TEXT", "TITLE_1 "] {
        assert!(!text.contains(dropped), "{dropped} kept:\n{text}");
    }
}

#[test]
fn chrome_alone_yields_nothing() {
    let html = r#"<html><head><title>Home</title></head><body>
        <nav><a href="/">Home</a> <a href="/about">MENU_TEXT</a></nav>
        <footer>FOOTER_TEXT &copy; 2024</footer></body></html>"#;
    if let Some(s) = select_in(html) {
        assert!(s.text.trim().is_empty(), "{s:?}");
    }
    let page = crate::extract(html, &Config::default()).expect("extracts");
    assert!(page.is_empty());
    assert!(page.blocks.is_empty());
    assert_eq!(page.text(), "");
}

#[test]
fn accordion_panels_of_prose_are_content_but_menu_dropdowns_are_not() {
    let page = format!(
        r#"<body><nav><div class="menu-dropdown">{}</div></nav><main>{}
        <div class="accordion"><div class="accordion-item__dropdown" role="region">{}</div>
        <div class="accordion-item__dropdown">{}</div></div>
        <div class="dropdown">{}</div></main></body>"#,
        links("MENU_TEXT", 8),
        prose("LEAD_TEXT"),
        prose("FIRST_PANEL"),
        prose("SECOND_PANEL"),
        links("DROPDOWN_LINK", 6),
    );
    let s = select_in(&page).expect("a body");
    for kept in ["LEAD_TEXT", "FIRST_PANEL", "SECOND_PANEL"] {
        assert!(s.text.contains(kept), "{kept} missing: {}", s.text);
    }
    assert!(!s.text.contains("MENU_TEXT") && !s.text.contains("DROPDOWN_LINK"));
}

#[test]
fn a_comment_thread_longer_than_the_post_beside_it_stays_out() {
    let comments: String = (0..12)
        .map(|i| {
            format!(
                r#"<li class="comment">{}</li>"#,
                prose(&format!("REPLY_{i}"))
            )
        })
        .collect();
    // The post's paragraphs have no wrapper of their own: they share the post area with
    // the thread, which holds six times their prose. The page says it is an article.
    let page = format!(
        r#"<head><meta property="og:type" content="article"></head>
        <body><div class="columns"><div class="postarea">{}{}
        <div id="comments" class="comments-wrapper"><ol class="commentlist">{comments}</ol>
        </div></div></div></body>"#,
        prose("POST_ONE"),
        prose("POST_TWO"),
    );
    let s = select_in(&page).expect("a body");
    assert_eq!(s.rules, Rules::Strict);
    assert!(
        s.text.contains("POST_ONE") && s.text.contains("POST_TWO"),
        "{}",
        s.text
    );
    assert!(!s.text.contains("REPLY_"), "{}", s.text);
}

#[test]
fn a_gallery_of_long_captions_after_the_article_stays_out() {
    let slides: String = (0..10)
        .map(|i| {
            format!(
                "<li><h2>{i}/10 Slide</h2>{}</li>",
                prose(&format!("SLIDE_{i}"))
            )
        })
        .collect();
    let page = format!(
        r#"<head><meta property="og:type" content="article"></head><body><article>
        <div class="text-wrapper">{}{}{}{}<div class="full-gallery"><ul class="legends">{slides}
        </ul></div></div></article></body>"#,
        prose("PARA_ONE"),
        prose("PARA_TWO"),
        prose("PARA_THREE"),
        prose("PARA_FOUR"),
    );
    let s = select_in(&page).expect("a body");
    assert!(
        s.text.contains("PARA_ONE") && s.text.contains("PARA_THREE"),
        "{}",
        s.text
    );
    assert!(!s.text.contains("SLIDE_"), "{}", s.text);
}

#[test]
fn a_sidebar_longer_than_the_article_beside_it_stays_out() {
    let manifesto: String = (0..4).map(|i| prose(&format!("WIDGET_{i}"))).collect();
    let page = format!(
        r#"<body><div id="container"><div id="content"><section class="post">
        <article class="article">{}{}</article></section></div>
        <section id="sidebar"><aside class="widget widget_text"><h3>Our principles</h3>
        <div class="textwidget">{manifesto}</div></aside></section></div></body>"#,
        prose("STORY"),
        prose("MORE"),
    );
    let s = select_in(&page).expect("a body");
    assert!(s.text.contains("STORY"), "{}", s.text);
    assert!(!s.text.contains("WIDGET_"), "{}", s.text);
}

#[test]
fn a_declared_forum_thread_keeps_its_replies_however_long_its_first_post() {
    let html = format!(
        r#"<html><head><title>Which ferry do you take?</title></head><body>
        <div itemscope itemtype="http://schema.org/DiscussionForumPosting">
        <h1>Which ferry do you take?</h1><div class="post">{}{}</div>{COMMENTS}</div>
        </body></html>"#,
        prose("QUESTION_TEXT"),
        prose("QUESTION_MORE"),
    );
    let s = select_in(&html).expect("a body");
    assert_eq!(s.rules, Rules::Thread);
    assert!(
        s.text.contains("QUESTION_TEXT") && s.text.contains("COMMENT_THREE"),
        "{s:?}"
    );
}

#[test]
fn a_page_whose_content_is_not_there_gives_its_footer_no_stage() {
    // A shop's category page saved before its script filled the grid: what prose there is
    // sits in the footer's sign-up box and address, which a pick without markup hints
    // would otherwise take for the article.
    let html = r#"<html><head><title>Desk converters</title></head><body>
        <header><a href="/">Home</a> <a href="/desks">Desks</a></header>
        <div id="app"><h1>Desk converters</h1><div class="grid" data-loading="true"></div></div>
        <div class="site-footer"><div class="footer-newsletter"><h3>Stay in the loop</h3>
        <p>NEWSLETTER_TEXT Sign up for early sale alerts, members-only deals and ideas for a
        better workspace, straight to your inbox.</p><form><input type="email"></form></div>
        <div class="footer-about"><p>FOOTER_TEXT Our ergonomic furniture is designed in
        Portland and shipped from warehouses across the country, free over fifty dollars.</p>
        </div></div></body></html>"#;
    let page = crate::extract(html, &Config::default()).expect("extracts");
    let text = page.text();
    assert!(!text.contains("NEWSLETTER_TEXT"), "{text}");
    assert!(!text.contains("FOOTER_TEXT"), "{text}");
}

#[test]
fn cards_titled_by_class_make_a_listing_without_headings() {
    // No h1-h6 in the cards: their class-named titles are the entries' headings, for the
    // listing reading as for the entries themselves.
    let cards: String = (0..8)
        .map(|i| {
            format!(
                r#"<div class="card"><a href="/notes/walk-{i}"><span class="card-title">
                TITLE_{i} Along the estuary at dawn</span></a><p class="meta">{i} March 2024
                · Walks</p><p>We set off before sunrise and met nobody but herons.</p></div>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><head><title>Field notes</title></head><body><header><a href="/">Home</a>
        </header><main><h1>Field notes</h1><div class="cards">{cards}</div></main>
        </body></html>"#
    );
    let text = crate::extract(&html, &Config::default())
        .expect("extracts")
        .text();
    assert!(
        text.contains("TITLE_0") && text.contains("TITLE_7"),
        "{text}"
    );
}

#[test]
fn a_reply_buried_in_its_posters_card_joins_the_thread() {
    // Each reply sits beside its poster's card, a column of links longer than the reply.
    let card = links("POSTER_CARD", 8);
    let html = format!(
        r#"<html><head><title>Which ferry do you take?</title></head><body>
        <div itemscope itemtype="http://schema.org/DiscussionForumPosting">
        <h1>Which ferry do you take?</h1><div class="post">{}</div>
        <div class="comment"><div>{card}</div><div class="content"><p>REPLY_TEXT The early
        boat is quieter, and in winter it is often the only one that sails, so I take it
        every day. Bring a coat: the deck is cold.</p></div></div></div></body></html>"#,
        prose("QUESTION_TEXT"),
    );
    let s = select_in(&html).expect("a body");
    assert_eq!(s.rules, Rules::Thread);
    assert!(s.text.contains("REPLY_TEXT"), "{s:?}");
    assert!(!s.text.contains("POSTER_CARD"), "{s:?}");
}
