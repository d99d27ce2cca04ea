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

/// Per language: a related-links label, a tag line and a comment or rating prompt, as sites of
/// that language print them after the article.
const TAILS: &[(&str, &str, &str, &str)] = &[
    (
        "de",
        "Das könnte Sie auch interessieren",
        "Stichwörter: Fähre, Winter",
        "War dieser Artikel hilfreich?",
    ),
    (
        "es",
        "Artículos relacionados",
        "Etiquetas: ferry, invierno",
        "Deja tu comentario",
    ),
    (
        "fr",
        "Vous aimerez aussi",
        "Mots-clés : ferry, hiver",
        "Laisser un commentaire",
    ),
    (
        "it",
        "Articoli correlati",
        "Tag: traghetto, inverno",
        "Lascia un commento",
    ),
    (
        "pt",
        "Leia também",
        "Tags: balsa, inverno",
        "Deixe um comentário",
    ),
    (
        "nl",
        "Gerelateerde artikelen",
        "Tags: veerboot, winter",
        "Plaats een reactie",
    ),
    ("pl", "Zobacz także", "Tagi: prom, zima", "Dodaj komentarz"),
    (
        "cs",
        "Související články",
        "Štítky: trajekt, zima",
        "Přidat komentář",
    ),
    (
        "ru",
        "Похожие статьи",
        "Теги: паром, зима",
        "Оставить комментарий",
    ),
    (
        "uk",
        "Схожі статті",
        "Теги: пором, зима",
        "Залишити коментар",
    ),
    (
        "tr",
        "İlgili Haberler",
        "Etiketler: feribot, kış",
        "Yorum yap",
    ),
    (
        "sv",
        "Relaterade artiklar",
        "Taggar: färja, vinter",
        "Lämna en kommentar",
    ),
    (
        "da",
        "Læs også",
        "Tags: færge, vinter",
        "Skriv en kommentar",
    ),
    (
        "nb",
        "Les også",
        "Tags: ferje, vinter",
        "Legg igjen en kommentar",
    ),
    ("fi", "Lue myös", "Avainsanat: lautta, talvi", "Kommentoi"),
    (
        "hu",
        "Kapcsolódó cikkek",
        "Címkék: komp, tél",
        "Szólj hozzá!",
    ),
    (
        "ro",
        "Articole similare",
        "Etichete: feribot, iarnă",
        "Lasă un comentariu",
    ),
    (
        "el",
        "Σχετικά άρθρα",
        "Ετικέτες: πλοίο, χειμώνας",
        "Αφήστε ένα σχόλιο",
    ),
    ("ja", "関連記事", "タグ: フェリー, 冬", "コメントを書く"),
    ("zh", "相关文章", "标签: 渡轮, 冬季", "发表评论"),
    ("ko", "관련 기사", "태그: 여객선, 겨울", "댓글"),
    ("ar", "مقالات ذات صلة", "الوسوم: عبارة، شتاء", "اترك تعليقاً"),
];

/// A teaser of another story, one sentence of prose.
const TEASER: &str = "The harbour master retired after forty years at the quay, and the town \
                      gave him a party that lasted well into the night.";

#[test]
fn the_tail_after_the_article_is_trimmed_in_every_language() {
    for &(lang, related, tags, prompt) in TAILS {
        let links: String = (0..4)
            .map(|i| format!("<li><a href=\"/story/{i}\">Another story number {i}</a></li>"))
            .collect();
        // A teaser that reads as prose: only the cue before it tells it from the article.
        let tail =
            format!("<p>{related}</p><ul>{links}</ul><p>{TEASER}</p><p>{tags}</p><p>{prompt}</p>");
        let text = extract(&news_page(lang, &PROSE, &tail)).text();
        for p in PROSE {
            assert!(text.contains(p), "{lang}: {text}");
        }
        for chaff in [related, TEASER, tags, prompt] {
            assert!(!text.contains(chaff), "{lang}: {chaff:?} kept in {text}");
        }
    }
}

#[test]
fn a_cue_between_two_paragraphs_cuts_nothing() {
    let inline = format!(
        "<p>Leggi anche</p><ul><li><a href=\"/a\">Un altro articolo</a></li></ul><p>{}</p>",
        PROSE[2]
    );
    let text = extract(&news_page("it", &PROSE[..2], &inline)).text();
    assert!(text.contains(PROSE[2]), "{text}");
}
