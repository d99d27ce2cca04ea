//! The end of the article found by structure: a box of links under a cued heading inside the
//! article goes and the prose after it stays; after the last paragraph of prose, a cued heading
//! ends the article with all the teaser sections that follow; prose after it stays; a news page
//! whose tail of teasers outweighs its story is still read as an article; teaser lines whose
//! linked headlines went are teasers, not prose.

use super::tests::{extract, news_page};

/// A German article's paragraphs, long enough to read as prose.
const DE: [&str; 3] = [
    "Die Stadtwerke wollen die Versorgung der Innenstadt bis zum Sommer auf Fernwärme umstellen, \
     teilte der Geschäftsführer am Dienstag mit, und die ersten Leitungen sollen schon im März \
     verlegt werden, wenn der Boden nicht mehr gefroren ist.",
    "Anwohner hatten sich in einer Versammlung über die Baustellen beklagt, die monatelang die \
     Straßen sperren würden, doch die Stadtwerke versprachen, jeweils nur einen Abschnitt \
     gleichzeitig zu öffnen und die Geschäfte erreichbar zu halten.",
    "Die Kosten des Vorhabens schätzen die Stadtwerke auf rund zwölf Millionen Euro, von denen \
     das Land einen Teil übernimmt, und die Preise für die Kunden sollen in den ersten fünf \
     Jahren nicht steigen, hieß es weiter aus dem Rathaus.",
];

/// Teasers of other stories: a linked kicker, a linked headline, a line of teaser, a date.
fn teasers(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "<h4><a href=\"/s/{i}\">Rubrik {i}</a></h4>\
                 <h3><a href=\"/s/{i}\">Neue Schlagzeile über die Stadt Nummer {i}</a></h3>\
                 <ul><li><a href=\"/s/{i}\">Redaktion 12.10.2023</a></li></ul>"
            )
        })
        .collect()
}

#[test]
fn a_box_of_links_inside_the_article_goes_and_the_prose_after_it_stays() {
    let links: String = (0..4)
        .map(|i| {
            format!("<p><a href=\"/s/{i}\">Verwandtes Thema {i}</a> Ein kurzer Satz dazu.</p>")
        })
        .collect();
    let body = format!(
        "<p>{}</p><h4>Mehr zum Thema</h4>{links}<p>{}</p><p>{}</p>",
        DE[0], DE[1], DE[2]
    );
    let text = extract(&news_page("de", &[], &body)).text();
    for p in DE {
        assert!(text.contains(p), "{text}");
    }
    assert!(!text.contains("Mehr zum Thema"), "{text}");
    assert!(!text.contains("Verwandtes Thema"), "{text}");
}

#[test]
fn a_cued_heading_after_the_prose_ends_the_article_with_the_sections_after_it() {
    let body = format!(
        "<p>{}</p><p>{}</p><p>{}</p><h2>Das könnte Sie auch interessieren</h2>{}\
         <h2>Aus der Region</h2>{}",
        DE[0],
        DE[1],
        DE[2],
        teasers(3),
        teasers(6)
    );
    let text = extract(&news_page("de", &[], &body)).text();
    for p in DE {
        assert!(text.contains(p), "{text}");
    }
    for chaff in ["Das könnte", "Aus der Region", "Schlagzeile", "Redaktion"] {
        assert!(!text.contains(chaff), "{chaff:?} kept in {text}");
    }
}

#[test]
fn short_prose_after_a_cued_section_at_the_end_stays() {
    let closing = [
        "Im nächsten Teil der Serie geht es um die Frage, wer die Leitungen bezahlt.",
        "Dann zeigen wir auch, wie die Nachbarstädte ihre Netze umgebaut haben.",
    ];
    let body = format!(
        "<p>{}</p><p>{}</p><p>{}</p><h2>Teilen Sie diesen Artikel?</h2>\
         <p>Wir würden uns freuen, wenn Sie ihn weitergeben.</p>\
         <h2>Wie es weitergeht</h2><p>{}</p><p>{}</p>",
        DE[0], DE[1], DE[2], closing[0], closing[1]
    );
    let text = extract(&news_page("de", &[], &body)).text();
    for p in DE.iter().chain(&closing) {
        assert!(text.contains(p), "{text}");
    }
}

#[test]
fn a_label_of_a_few_words_over_removed_links_goes_before_the_authors_box() {
    let links: String = (0..4)
        .map(|i| format!("<li><a href=\"/k/{i}\">Eine andere Kolumne Nummer {i}</a></li>"))
        .collect();
    let bio = "Jana Beispiel leitet seit vielen Jahren die Personalabteilung eines großen \
               Unternehmens, schreibt regelmäßig über die Arbeitswelt von morgen, und sie hält \
               Vorträge über neue Formen der Zusammenarbeit in Teams und Verwaltungen.";
    let body = format!(
        "<p>{}</p><p>{}</p><p>{}</p><h2>Weitere Beiträge aus der Kolumne:</h2><ul>{links}</ul>\
         <h3>Jana Beispiel</h3><p>{bio}</p>",
        DE[0], DE[1], DE[2]
    );
    let text = extract(&news_page("de", &[], &body)).text();
    assert!(text.contains(DE[2]), "{text}");
    assert!(!text.contains("Weitere Beiträge"), "{text}");
}

#[test]
fn a_short_closing_sentence_against_the_prose_stays_and_a_scrap_goes() {
    let body = format!(
        "<p>{}</p><p>{}</p><p>{}</p><p>Vielen Dank für das Gespräch!</p>\
         <p>Alle Angaben ohne Gewähr</p>",
        DE[0], DE[1], DE[2]
    );
    let text = extract(&news_page("de", &[], &body)).text();
    assert!(text.contains("Vielen Dank für das Gespräch!"), "{text}");
    assert!(!text.contains("Alle Angaben"), "{text}");
}

#[test]
fn teaser_lines_under_a_cued_heading_whose_linked_headlines_went_go_too() {
    // Each teaser: a section's name as a heading (each but the first), a headline that is all
    // link (removed as links), then a line of plain text.
    let kickers = ["", "<h2>Wochenvorschau</h2>", "<h2>Aus dem Verband</h2>"];
    let teasers: String = [
        "Die Feuerwehr übt am Samstag mit allen Löschzügen am Hafen, und die Straßen \
         rund um das Becken bleiben bis zum Abend gesperrt.",
        "Der Gemeinderat berät im Herbst über den neuen Haushalt der Stadt, in dem für \
         die Schulen mehr Geld vorgesehen ist als bisher.",
        "Im Freibad beginnt die Saison in diesem Jahr schon Anfang Mai, weil die \
         Sanierung der Becken früher fertig geworden ist.",
    ]
    .iter()
    .enumerate()
    .map(|(i, line)| {
        format!(
            "{}<div><a href=\"/s/{i}\">Schlagzeile aus der Stadt Nummer {i}</a><p>{line}</p></div>",
            kickers[i]
        )
    })
    .collect();
    let body = format!(
        "<p>{}</p><p>{}</p><p>{}</p><h2>Weitere Artikel</h2>{teasers}",
        DE[0], DE[1], DE[2]
    );
    let text = extract(&news_page("de", &[], &body)).text();
    for p in DE {
        assert!(text.contains(p), "{text}");
    }
    for chaff in [
        "Weitere Artikel",
        "Feuerwehr",
        "Wochenvorschau",
        "Gemeinderat",
        "Freibad",
    ] {
        assert!(!text.contains(chaff), "{chaff:?} kept in {text}");
    }
}
