//! Counters a template prints beside the content: a reading time ("5 min read", "Lesezeit: 3
//! Min."), a count of results ("1–24 of 296 products", "296 Ergebnisse"), a count of reviews,
//! likes or views ("(22 reviews)", "12 likes", "Post Views: 1,432"). A block that is only such a
//! counter is no text of the page, in any of its main languages.

use std::sync::LazyLock;

use regex::RegexSet;

/// What each pattern counts, as a removal names it.
const WHAT: [&str; 4] = [
    "a reading time",
    "a count of results",
    "a count of reviews or views",
    "a poster's details",
];

/// Longest block, in bytes, read as a counter.
const COUNTER_MAX_BYTES: usize = 120;

/// A number, with its thousands and decimal marks.
const NUMBER: &str = r"[0-9][0-9,. \u{a0}]*";
/// A space, a no-break space among them.
const SPACE: &str = r"[ \t\n\u{a0}]";

/// The patterns, in the order of [`WHAT`]; each matches a whole block in lower case. Digits and
/// spaces are spelt out as ASCII classes: Unicode's `\d`, `\s` and case folding would make the
/// set many times dearer to build, which every run pays once.
fn patterns() -> [String; 4] {
    let (n, s) = (NUMBER, SPACE);
    let minutes = r"(?:min(?:ute)?s?\.?|minuten|minutos|minuti|minuty)";
    let reading =
        r"(?:read|reading|lesezeit|lesedauer|de lecture|de lectura|di lettura|leestijd|czytania)";
    let time_label = r"(?:reading time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo di lettura|leestijd|czas czytania)";
    let time = format!(
        r"^(?:{n}{s}*{minutes}{s}*{reading}|{time_label}{s}*:?{s}*(?:ca\.?{s}*)?{n}{s}*{minutes}?)$"
    );
    let things = r"(?:results?|products?|items?|ergebnisse|produkte|artikel|treffer|résultats|produits|articles|resultados|productos|artículos|risultati|prodotti|articoli|resultaten|producten|wyniki|produkty|wyników|produktów)";
    let range = format!(r"{n}{s}*(?:–|-|to|bis|à|a){s}*{n}{s}*(?:of|von|sur|de|di|van|z){s}*{n}");
    let found = r"(?:found|gefunden|trouvés|encontrados)";
    let results = format!(
        r"^(?:(?:showing|loaded|zeige|affichage){s}+)?(?:{range}(?:{s}*{things})?|{n}{s}*{things}(?:{s}+{found})?|{things}{s}*\({s}*{n}\))$"
    );
    let reviews = r"(?:reviews?|ratings?|bewertungen|rezensionen|avis|reseñas|valoraciones|recensioni|beoordelingen|opinie|opinii|likes?|views?|aufrufe|vues|visitas|visualizzazioni|weergaven|wyświetle(?:ń|nia)|просмотр(?:ов|а)?)";
    // A bare count, its label first or last ("1.432 Aufrufe", "Post Views: 1,432"); a rating
    // ("4.6 out of 5 stars") says something of the item and stays.
    let rating = format!(r"^(?:\(?{n}{s}*{reviews}\)?|(?:post{s}+)?{reviews}{s}*:{s}*{n})$");
    // A forum poster's count of posts and joining date, under the name beside each post.
    let posts = r"(?:posts|beiträge|messages|mensajes|messaggi|posty|berichten)";
    let joined =
        r"(?:joined|registriert|inscrit|inscription|registrado|iscritto|dołączył|lid sinds)";
    let poster = format!(r"^(?:{posts}{s}*:{s}*{n}|{joined}{s}*:?{s}*[^:]{{0,12}}[0-9].{{0,30}})$");
    [time, results, rating, poster]
}

// The patterns are fixed; the tests build them.
#[allow(clippy::expect_used)]
static COUNTERS: LazyLock<RegexSet> =
    LazyLock::new(|| RegexSet::new(patterns()).expect("counter patterns are valid"));

/// What counter `text` is, whole, if it is one.
pub(crate) fn find_counter(text: &str) -> Option<&'static str> {
    let text = text.trim();
    if text.len() > COUNTER_MAX_BYTES || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    COUNTERS
        .matches(&text.to_lowercase())
        .iter()
        .next()
        .map(|pattern| WHAT[pattern])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_in_several_languages() {
        for (text, what) in [
            ("5 min read", "a reading time"),
            ("Lesezeit: ca. 3 Min.", "a reading time"),
            ("Temps de lecture : 4 minutes", "a reading time"),
            ("1–24 of 296 products", "a count of results"),
            ("Showing 1 - 12 of 40 results", "a count of results"),
            ("296 Ergebnisse", "a count of results"),
            ("Products (296)", "a count of results"),
            ("loaded 296 results", "a count of results"),
            ("(22 reviews)", "a count of reviews or views"),
            ("12 likes", "a count of reviews or views"),
            ("38 Bewertungen", "a count of reviews or views"),
            ("Post Views: 1,432", "a count of reviews or views"),
            ("1.432 Aufrufe", "a count of reviews or views"),
            ("Posts: 73,365", "a poster's details"),
            ("Joined: Wed Feb 04, 2015 6:38 pm", "a poster's details"),
            ("Registriert: 12.03.2011", "a poster's details"),
        ] {
            assert_eq!(find_counter(text), Some(what), "{text}");
        }
    }

    #[test]
    fn sentences_with_numbers_are_no_counters() {
        for text in [
            "The ferry takes 5 minutes to read the tide tables before it leaves.",
            "Of the 296 products tested, 12 failed.",
            "1,204",
            "Chapter 3",
            "3 of the 5 ferries run in winter",
            "22 reviews with an average rating of 4.6 out of 5 stars",
            "Joined the crew of the ferry in 2015 as a deckhand",
        ] {
            assert_eq!(find_counter(text), None, "{text}");
        }
    }
}
