//! The hints' tests: what class, id, role and tag names say of realistic elements.

use super::*;

/// Every element of `tag`, in document order.
fn all(dom: &Dom<'_>, tag: Tag) -> Vec<usize> {
    (0..dom.len())
        .filter(|&i| dom.nodes[i].tag == tag)
        .collect()
}

#[test]
fn utilities_are_told_by_their_prefix_or_variant() {
    for class in [
        "text-lg",
        "TEXT-sm",
        "-bg-red",
        "tw-font-bold",
        "to-",
        "md:flex",
        "[&_a]:x",
        "no-extra-padding",
        "has-sidebar",
        "With-Header",
        "without-meta",
    ] {
        assert!(is_utility(class), "{class}");
    }
    for class in [
        "text",
        "textual-note",
        "sidebar-menu",
        "tw-",
        "header",
        "t-",
        "toolbar-x",
        "no-",
        "nothing-here",
        "hash-tags",
    ] {
        assert!(!is_utility(class), "{class}");
    }
}
use crate::dom::parse;

/// Asserts that a `<div>` of each class list is named as boilerplate, or is not.
fn assert_boilerplate(classes: &[&str], boilerplate: bool) {
    for class in classes {
        let hint = hint_of(&format!(r#"<div class="{class}">"#));
        assert_eq!(
            matches!(hint, Hint::Negative(_)),
            boilerplate,
            "{class}: {hint:?}"
        );
    }
}

fn hint_of(html: &str) -> Hint {
    let doc = parse(html);
    let dom = Dom::new(&doc);
    let i = dom.find(Tag::Div).expect("a div");
    hint(&dom, i)
}

use regex::Regex;

#[test]
fn patterns_compile() {
    LazyLock::force(&NAMES);
}

// The regular expressions the automaton replaced: its verdicts must be theirs.
fn alternation(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

static REGEX_NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        "({})|(?:^|[^a-z0-9])({})(?:$|[^a-z0-9])",
        alternation(NEGATIVE_STEMS),
        alternation(NEGATIVE_TOKENS)
    );
    Regex::new(&pattern).expect("negative hint pattern is valid")
});

static REGEX_POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&alternation(POSITIVE_STEMS)).expect("positive hint pattern is valid")
});

static REGEX_BODY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&alternation(BODY_NAMES)).expect("body hint pattern is valid"));

fn regex_hint(names: &str) -> Hint {
    let names = names.to_ascii_lowercase();
    if REGEX_BODY.is_match(&names) {
        return Hint::Body;
    }
    if let Some(found) = REGEX_NEGATIVE.find(&names) {
        let word = found
            .as_str()
            .trim_matches(|c: char| !c.is_ascii_alphanumeric());
        let word = NEGATIVE_STEMS
            .iter()
            .chain(NEGATIVE_TOKENS)
            .find(|w| w.trim_matches('-') == word)
            .copied()
            .unwrap_or("class");
        return Hint::Negative(Mark::named(word));
    }
    if REGEX_POSITIVE.is_match(&names) {
        Hint::Positive
    } else {
        Hint::None
    }
}

#[test]
fn automaton_agrees_with_the_regular_expressions() {
    let words: Vec<&str> = NEGATIVE_STEMS
        .iter()
        .chain(NEGATIVE_TOKENS)
        .chain(BODY_NAMES)
        .chain(POSITIVE_STEMS)
        .copied()
        .chain(["x", "-", " ", "nav2", "canvas", "2", "_", "more", "s"])
        .collect();
    // Every pair and many triples of the words, joined in the ways class lists are.
    let mut checked = 0;
    for (i, a) in words.iter().enumerate() {
        for (j, b) in words.iter().enumerate() {
            for sep in [" ", "-", "", "__"] {
                let third = words[(i * 7 + j * 13) % words.len()];
                for names in [format!("{a}{sep}{b}"), format!("{a}{sep}{b} {third}")] {
                    // An entry's taxonomy classes are the automaton's own exception.
                    if names.split(' ').any(|c| c == "hentry" || c == "h-entry") {
                        continue;
                    }
                    // And the text a "read more" button unfolds.
                    let unfolds = ["read-more", "readmore"].iter().any(|w| {
                        names
                            .match_indices(w)
                            .any(|(at, _)| is_expanded(names.as_bytes(), at + w.len()))
                    });
                    if unfolds {
                        continue;
                    }
                    // So are the words that name a role only as a whole name.
                    if [a, b, &third]
                        .iter()
                        .any(|w| ["secondary", "extra"].contains(w))
                    {
                        continue;
                    }
                    assert_eq!(
                        names_hint(&names, &mut String::new()),
                        regex_hint(&names),
                        "{names:?}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 10_000);
}

#[test]
fn class_words() {
    assert_eq!(hint_of(r#"<div class="entry-content">"#), Hint::Body);
    assert_eq!(
        hint_of(r#"<div class="post-comments">"#),
        Hint::Negative(Mark::named("comment"))
    );
    assert_eq!(
        hint_of(r#"<div class="c-nav__item">"#),
        Hint::Negative(Mark::named("nav"))
    );
    assert_eq!(
        hint_of(r#"<div class="canvas-wrap story">"#),
        Hint::Positive
    );
    assert_eq!(
        hint_of(r#"<div id="x" role="navigation">"#),
        Hint::Negative(Mark::named("navigation"))
    );
    assert_eq!(hint_of(r#"<div itemprop="articleBody">"#), Hint::Body);
    // MediaWiki's "[edit]" link beside every section heading.
    let edit = hint_of(r#"<div class="mw-editsection">"#);
    assert_eq!(edit, Hint::Negative(Mark::named("editsection")));
    assert!(Mark::named("editsection").is(marks::CHROME));
    assert_eq!(hint_of(r#"<div class="row">"#), Hint::None);
}

#[test]
fn styling_utilities_never_mark_boilerplate() {
    // Tailwind and Bootstrap colour and typography utilities that hold a role word.
    assert_boilerplate(
        &[
            "font-poppins text-base text-text-dark-secondary lg:text-xl",
            "bg-surface-secondary-background md:px-fl-2xl",
            "text-meta-light",
            "relative before:mix-blend-overlay",
            "tw-absolute tw-bg-fg-secondary -tw-translate-y-1/2",
        ],
        false,
    );
    // A role word beside utilities still counts, and utilities may still look like content.
    assert_eq!(
        hint_of(r#"<div class="sidebar text-sm bg-white">"#),
        Hint::Negative(Mark::named("sidebar"))
    );
    assert_eq!(
        hint_of(r#"<div id="secondary">"#),
        Hint::Negative(Mark::named("secondary"))
    );
    assert_eq!(hint_of(r#"<div class="text-body">"#), Hint::Positive);
    // A utility that holds a boilerplate word makes nothing look like content.
    assert_eq!(hint_of(r#"<div class="bg-header">"#), Hint::None);
}

#[test]
fn state_modifiers_say_what_an_element_has_not_what_it_is() {
    // A page builder's section of prose, a theme's column and a layout's wrapper.
    assert_boilerplate(
        &[
            "vc_col-sm-12 wpb_column column_container no-extra-padding",
            "site-content has-sidebar",
            "page-wrap without-header",
            "layout with-meta",
        ],
        false,
    );
    assert_eq!(
        hint_of(r#"<div class="sidebar no-border">"#),
        Hint::Negative(Mark::named("sidebar"))
    );
}

#[test]
fn page_builder_widgets_are_blocks_not_sidebars() {
    assert_boilerplate(
        &[
            "elementor-element elementor-widget elementor-widget-text-editor",
            "elementor-widget-container",
            "hs_cos_wrapper hs_cos_wrapper_widget hs_cos_wrapper_type_rich_text",
            "span12 widget-span widget-type-cell",
            "span12 widget-span widget-type-custom_widget dnd-module",
            "image ck-widget",
        ],
        false,
    );
    assert_boilerplate(
        &["widget widget_text", "sidebar-widget", "tmz-live-widget"],
        true,
    );
}

#[test]
fn a_section_named_after_its_heading_is_no_boilerplate() {
    let doc = parse(
        r#"<body><section id="more-on-lists"><h2>5.1. More on Lists</h2><p>Text.</p></section>
        <div id="more-on-this"><h3>Elsewhere</h3></div></body>"#,
    );
    let dom = Dom::new(&doc);
    let section = dom.find(Tag::Section).expect("a section");
    assert_eq!(hint(&dom, section), Hint::None);
    let div = dom.find(Tag::Div).expect("a div");
    assert_eq!(hint(&dom, div), Hint::Negative(Mark::named("more-on")));
}

#[test]
fn a_section_id_holding_its_headings_slug_is_no_boilerplate() {
    let doc = parse(
        r#"<body><section id="receive-and-reply-to-a-message-section">
        <h2 id="receive-and-reply-to-a-message">Receive and reply to a message</h2>
        <p>Configure the webhook.</p></section>
        <section id="reply-section"><h2>Reply</h2><form></form></section>
        <div id="comment-reply-form"><h3>Leave a reply to this post</h3></div></body>"#,
    );
    let dom = Dom::new(&doc);
    let sections = all(&dom, Tag::Section);
    assert_eq!(hint(&dom, sections[0]), Hint::None);
    // A one-word heading's slug with an affix is no proof: "reply" still marks the box.
    assert_eq!(
        hint(&dom, sections[1]),
        Hint::Negative(Mark::named("reply"))
    );
    let div = dom.find(Tag::Div).expect("a div");
    assert!(matches!(hint(&dom, div), Hint::Negative(_)));
}

#[test]
fn an_entrys_taxonomy_classes_do_not_make_it_a_category_list() {
    let doc = parse(
        r#"<body><article class="post-7 post type-post hentry category-news tag-city author-jane">
        <h2>Council approves the budget</h2><p>The council voted.</p></article>
        <div class="category-news"><a href="/news">News</a></div>
        <div class="entry-tags"><a href="/t/city">City</a></div></body>"#,
    );
    let dom = Dom::new(&doc);
    let article = dom.find(Tag::Article).expect("an article");
    assert_eq!(hint(&dom, article), Hint::Positive);
    let divs = all(&dom, Tag::Div);
    assert_eq!(hint(&dom, divs[0]), Hint::Negative(Mark::named("category")));
    assert_eq!(hint(&dom, divs[1]), Hint::Negative(Mark::named("tags")));
}

#[test]
fn a_sections_header_is_content_not_the_page_banner() {
    assert_boilerplate(
        &[
            "section-header-copy typography-headline",
            "product-stories section__header",
            "section_header",
            "kt-blocks-accordion-header",
            "faq-item__header",
            "card-header",
        ],
        false,
    );
    assert_boilerplate(
        &["site-header", "header section", "subsection-header-x"],
        true,
    );
}

#[test]
fn a_class_list_and_an_id_of_one_text_are_judged_apart() {
    // A styling utility in a class list never marks boilerplate; the same words as an id do.
    let doc =
        parse(r#"<body><div class="text-sidebar">A</div><div id="text-sidebar">B</div></body>"#);
    let dom = Dom::new(&doc);
    let verdicts = hints(&dom, &vec![false; dom.len()]);
    let divs: Vec<Hint> = all(&dom, Tag::Div)
        .into_iter()
        .map(|i| verdicts[i])
        .collect();
    assert!(!matches!(divs[0], Hint::Negative(_)), "{divs:?}");
    assert_eq!(divs[1], Hint::Negative(Mark::named("sidebar")));
}

#[test]
fn secondary_and_extra_name_a_role_only_as_a_whole_name() {
    // A theme's sidebar, by its id or a class of its own.
    for html in [
        r#"<div id="secondary">"#,
        r#"<div class="widget-area secondary">"#,
        r#"<div class="extra">"#,
    ] {
        assert!(matches!(hint_of(html), Hint::Negative(_)), "{html}");
    }
    // A button's, a colour's or a block's variant, and a builder's spacing.
    assert_boilerplate(
        &[
            "ux-call-to-action btn btn--secondary",
            "a-size-base a-color-secondary",
            "secondary-value-prop",
            "cards-wrapper rhcl__background--secondary",
            "pageblock pageblock--extra-padding",
            "font-extra-bold",
        ],
        false,
    );
}

#[test]
fn the_text_a_read_more_button_unfolds_is_no_link_away() {
    assert_boilerplate(
        &[
            "read-more__text",
            "_read-more-content-js-div-1",
            "ReadMoreAnswer_answerText",
            "readmore_body",
        ],
        false,
    );
    assert_boilerplate(
        &[
            "read-more",
            "post-readmore",
            "read-more-link",
            "readmore-section",
        ],
        true,
    );
}

#[test]
fn a_style_setting_names_how_a_part_looks_not_the_part() {
    assert_boilerplate(
        &[
            "kt-accordion-wrap kt-pane-header-alignment-left",
            "layout sidebar-position-right",
            "footer_font-size-small",
            "recipe-card is-style-default header-content-align-left",
        ],
        false,
    );
    assert_boilerplate(&["site-header", "sidebar-left", "footer-widgets"], true);
}

#[test]
fn a_print_layout_setting_is_printed_content() {
    // A recipe's column and its list of ingredients, laid out otherwise on paper.
    assert_boilerplate(
        &[
            "col-md-6 print-full",
            "recipe-ingredients recipe-area print-links",
        ],
        false,
    );
    // Left out of print, shown only in print, or a button that prints.
    assert_boilerplate(
        &["article-main__explore d-print-none", "print-only", "print"],
        true,
    );
}

#[test]
fn a_teaser_that_leads_nowhere_is_the_articles_own() {
    // The lead under a headline, named as templates name it.
    assert_eq!(
        hint_of(
            r#"<div class="teaser-text font-serif"><p>The council regrets the vote.</p></div>"#
        ),
        Hint::None
    );
    // An entry for another story: its link inside, or around it.
    let teaser = Hint::Negative(Mark::named("teaser"));
    assert_eq!(
        hint_of(r#"<div class="teaser"><a href="/news/2">Another story</a></div>"#),
        teaser
    );
    assert_eq!(
        hint_of(r#"<a href="/news/2"><div class="teaser">Another story</div></a>"#),
        teaser
    );
}
