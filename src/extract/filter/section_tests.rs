//! Cued sections and labels inside the body, on whole pages in several languages: a heading over
//! related links goes with its section, a label over links the filters removed goes, a heading
//! over prose stays; credit lines and appeals after the article go.

use super::tests::{extract, news_page};

/// A German article's paragraphs, long enough to read as prose.
const DE: [&str; 3] = [
    "Der Gemeinderat hat am Montagabend nach einer langen Debatte beschlossen, die Fähre auch \
     im Winter fahren zu lassen, obwohl der Finanzausschuss davon abgeraten hatte und die Kosten \
     weiter steigen. Der Bürgermeister sprach von einem \
     guten Tag für die Insel.",
    "Die Bewohner der Insel hatten wochenlang dafür gekämpft, Briefe an alle Gemeinderäte \
     geschrieben und jede Sitzung im Rathaus besucht, und sie freuten sich über das Ergebnis der \
     Abstimmung, die erst nach zwei gescheiterten Versuchen eine Mehrheit fand.",
    "Die Fähre soll zweimal am Tag fahren, wenn das Wetter es zulässt, bis im April der \
     Sommerfahrplan beginnt, teilte der Betreiber mit, und die Preise bleiben bis dahin \
     unverändert. Ein \
     neues Schiff ist bereits bestellt und soll im Sommer geliefert werden.",
];

/// Short teasers of other stories, as a related box lists them.
fn teasers(titles: &[&str]) -> String {
    titles
        .iter()
        .enumerate()
        .map(|(i, t)| format!("<h3><a href=\"/story/{i}\">{t}</a></h3><p>{t} – mehr dazu.</p>"))
        .collect()
}

#[test]
fn a_cued_section_inside_the_article_goes_with_its_teasers() {
    let related = format!(
        "<h2>Mehr zum Thema</h2>{}",
        teasers(&["Hafen bekommt neuen Kai", "Kapitän geht in Rente"])
    );
    let body = format!(
        "<p>{}</p><p>{}</p>{related}<h2>Wie es weitergeht</h2><p>{}</p>",
        DE[0], DE[1], DE[2]
    );
    let text = extract(&news_page("de", &[], &body)).text();
    for p in DE {
        assert!(text.contains(p), "{text}");
    }
    assert!(text.contains("Wie es weitergeht"), "{text}");
    for chaff in ["Mehr zum Thema", "Hafen bekommt", "Kapitän geht"] {
        assert!(!text.contains(chaff), "{chaff:?} kept in {text}");
    }
}

#[test]
fn a_label_over_removed_links_goes_in_every_language() {
    for (lang, label) in [
        ("pl", "Zobacz także:"),
        ("fr", "À lire également"),
        ("es", "Noticias relacionadas"),
        ("de", "Das könnte Dich auch interessieren"),
    ] {
        let links: String = (0..3)
            .map(|i| format!("<li><a href=\"/story/{i}\">Another story number {i}</a></li>"))
            .collect();
        let body = format!(
            "<p>{}</p><p>{label}</p><ul>{links}</ul><p>{}</p><p>{}</p>",
            DE[0], DE[1], DE[2]
        );
        let text = extract(&news_page(lang, &[], &body)).text();
        for p in DE {
            assert!(text.contains(p), "{lang}: {text}");
        }
        assert!(!text.contains(label), "{lang}: {label:?} kept in {text}");
    }
}

#[test]
fn a_cued_heading_over_prose_stays() {
    let body = format!(
        "<p>{}</p><h2>Artículos relacionados</h2><p>{}</p><p>{}</p>",
        DE[0], DE[1], DE[2]
    );
    let text = extract(&news_page("es", &[], &body)).text();
    assert!(text.contains("Artículos relacionados"), "{text}");
    for p in DE {
        assert!(text.contains(p), "{text}");
    }
}

#[test]
fn credit_lines_after_the_article_go() {
    for tail in [
        "<p>Beitragsbild: Titelseite der Inselzeitung vom 2. April, Ausriss.</p>",
        "<p>Quelle: Landesverband der Fährbetriebe, 2. Februar 2022, Kiel</p>",
        "<p>Foto: Anna Lehmann / Inselbote</p>",
    ] {
        let body = format!("<p>{}</p><p>{}</p><p>{}</p>{tail}", DE[0], DE[1], DE[2]);
        let text = extract(&news_page("de", &[], &body)).text();
        assert!(text.contains(DE[2]), "{text}");
        for word in ["Beitragsbild", "Quelle", "Foto"] {
            assert!(!text.contains(word), "{tail} kept in {text}");
        }
    }
}

#[test]
fn an_appeal_before_the_last_scraps_goes() {
    let body = format!(
        "<p>{}</p><p>{}</p><p>{}</p><p>Wenn Ihnen unser Artikel gefallen hat: Unterstützen Sie \
         diese Form des Journalismus.</p><p>oder</p><p>€</p>",
        DE[0], DE[1], DE[2]
    );
    let text = extract(&news_page("de", &[], &body)).text();
    assert!(text.contains(DE[2]), "{text}");
    assert!(!text.contains("Unterstützen Sie"), "{text}");
}

#[test]
fn a_box_of_teaser_cards_under_a_cued_heading_goes_with_the_prose_they_carry() {
    // Cards of other stories, each with a picture, a linked title and a paragraph of its story.
    let cards: String = ["Hafen", "Kapitän", "Leuchtturm"]
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!(
                "<article class=\"card\"><img src=\"/{i}.jpg\" alt=\"\"><h3><a href=\"/s/{i}\">\
                 {t} vor dem Umbau</a></h3><p>Der {t} der Insel steht seit Jahren im Mittelpunkt \
                 vieler Debatten, und die Bewohner haben dazu eine klare Meinung, die sie in \
                 jeder Sitzung des Gemeinderats laut und deutlich vortragen. Im Frühjahr soll \
                 ein Gutachten klären, wie es weitergeht, und bis dahin bleibt alles, wie es \
                 war, sagte die Verwaltung am Dienstag.</p></article>"
            )
        })
        .collect();
    let body = format!(
        "<p>{}</p><p>{}</p><p>{}</p><h3>Das könnte Sie auch interessieren</h3>{cards}",
        DE[0], DE[1], DE[2]
    );
    let text = extract(&news_page("de", &[], &body)).text();
    for p in DE {
        assert!(text.contains(p), "{text}");
    }
    for chaff in ["interessieren", "vor dem Umbau", "Mittelpunkt"] {
        assert!(!text.contains(chaff), "{chaff:?} kept in {text}");
    }
}

#[test]
fn references_under_a_cued_heading_without_pictures_or_titles_stay() {
    let references: String = (0..3)
        .map(|i| {
            format!(
                "<li class=\"ref\"><a href=\"/paper/{i}\">Study {i}</a>: the ferry's winter \
                 service was measured over three seasons, and the crossings held up in storms \
                 better than the council expected.</li>"
            )
        })
        .collect();
    let body = format!(
        "<p>{}</p><p>{}</p><h2>Related work</h2><ul>{references}</ul><p>{}</p>",
        DE[0], DE[1], DE[2]
    );
    let text = extract(&news_page("de", &[], &body)).text();
    assert!(text.contains("better than the council expected"), "{text}");
}
