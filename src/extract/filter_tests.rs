//! The edge filters on whole pages: what follows the article is dropped, the article is kept.

use crate::{Config, Extraction};

/// Paragraphs long enough to read as an article's prose, each with its own words.
const PROSE: [&str; 3] = [
    "The council met on Monday evening, and after a long debate that ran well past midnight it \
     voted to keep the ferry running through the winter months, against the advice of its own \
     finance committee.",
    "Residents of the island had campaigned for weeks, writing letters to every councillor and \
     attending every meeting in the town hall, and they were glad of the result, which came \
     after two earlier votes had failed.",
    "The service will run twice a day, weather permitting, until the spring timetable begins in \
     April, the operator said, adding that the fares would not change before the summer season \
     and the new boat arrived.",
];

/// Extracts the text without the title.
pub(super) fn extract(html: &str) -> Extraction {
    let config = Config {
        include_title: false,
        ..Config::default()
    };
    crate::extract(html, &config).expect("extracts")
}

/// A news page in `lang`: a long menu of sections (so that the page's prose is a small share of
/// its text), the article's paragraphs, then `tail` inside the article's container.
pub(super) fn news_page(lang: &str, paragraphs: &[&str], tail: &str) -> String {
    let menu: String = (0..40)
        .map(|i| format!("<li><a href=\"/section/{i}\">Section number {i} of the paper</a></li>"))
        .collect();
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<html lang=\"{lang}\"><head><title>Ferry to keep running | Island News</title>\
         <meta property=\"og:type\" content=\"article\"></head><body>\
         <nav><ul>{menu}</ul></nav>\
         <article><h1>Ferry to keep running</h1>{body}{tail}</article>\
         </body></html>"
    )
}

#[test]
fn an_article_on_a_page_of_links_loses_its_tail() {
    let html = news_page(
        "en",
        &PROSE,
        "<p>Tags: ferry, council, winter</p><p>Share this story</p>",
    );
    let page = extract(&html);
    let text = page.text();
    for p in PROSE {
        assert!(text.contains(p), "{text}");
    }
    assert!(!text.contains("Tags:"), "{text}");
    assert!(!text.contains("Share this"), "{text}");
}

#[test]
fn a_list_of_teasers_keeps_its_items() {
    let items: String = (0..12)
        .map(|i| {
            format!(
                "<div class=\"item\"><h2><a href=\"/story/{i}\">Story number {i} of the week</a>\
                 </h2><p>A short teaser for story {i}, in one line.</p><p>Tags: news</p></div>"
            )
        })
        .collect();
    let html = news_page("en", &[], &items);
    let text = extract(&html).text();
    assert!(text.contains("A short teaser for story 11"), "{text}");
}
