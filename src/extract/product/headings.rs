//! Headings of the sections of a product page that are the shop's, not the product's: its
//! frequently asked questions, and the other products it shows ("Customers also bought",
//! "Vous aimerez aussi"), in the web's main languages.

use crate::text::words_joined;

/// Headings of a shop's questions section (compared lower-case, without the punctuation around
/// them).
const FAQ_HEADINGS: &[&str] = &[
    "faq",
    "faqs",
    "frequently asked questions",
    "questions and answers",
    "questions & answers",
    "häufig gestellte fragen",
    "häufige fragen",
    "preguntas frecuentes",
    "questions fréquentes",
    "foire aux questions",
    "domande frequenti",
    "perguntas frequentes",
    "veelgestelde vragen",
    "najczęściej zadawane pytania",
];

/// Openings of the headings over other products (folded: lower case, words separated by
/// spaces): recommendations, products bought or viewed together, recently viewed ones.
const OTHER_PRODUCTS_HEADINGS: &[&str] = &[
    // English.
    "customers also bought",
    "customers also viewed",
    "customers also purchased",
    "customers who bought this item also bought",
    "customers who viewed this item also viewed",
    "people also bought",
    "people also viewed",
    "people who viewed this item also viewed",
    "frequently bought together",
    "you may also like",
    "you might also like",
    "you may also be interested in",
    "you might be interested in",
    "similar items",
    "similar products",
    "related products",
    "related items",
    "products related to this item",
    "explore related items",
    "recently viewed",
    "sponsored products",
    "compare similar items",
    "complete the look",
    // German.
    "kunden kauften auch",
    "kunden die diesen artikel gekauft haben",
    "kunden die diesen artikel angesehen haben",
    "das könnte ihnen auch gefallen",
    "das könnte dir auch gefallen",
    "ähnliche artikel",
    "ähnliche produkte",
    "passende artikel",
    "passend dazu",
    "zuletzt angesehen",
    "wird oft zusammen gekauft",
    "häufig zusammen gekauft",
    // French.
    "vous aimerez aussi",
    "vous aimerez peut être aussi",
    "vous pourriez aussi aimer",
    "vous pourriez également aimer",
    "produits similaires",
    "articles similaires",
    "produits associés",
    "récemment consultés",
    "les clients ont également acheté",
    "souvent achetés ensemble",
    "fréquemment achetés ensemble",
    // Spanish.
    "también te puede interesar",
    "te puede interesar",
    "productos relacionados",
    "productos similares",
    "artículos similares",
    "vistos recientemente",
    "los clientes también compraron",
    "comprados juntos habitualmente",
    "frecuentemente comprados juntos",
    // Italian.
    "potrebbe interessarti anche",
    "potrebbe piacerti anche",
    "ti potrebbe interessare",
    "prodotti correlati",
    "prodotti simili",
    "articoli simili",
    "visti di recente",
    "spesso comprati insieme",
    // Portuguese.
    "você também pode gostar",
    "produtos relacionados",
    "produtos semelhantes",
    "vistos recentemente",
    "quem comprou também comprou",
    "frequentemente comprados juntos",
    // Dutch.
    "misschien ook interessant",
    "vergelijkbare producten",
    "gerelateerde producten",
    "recent bekeken",
    "vaak samen gekocht",
    "klanten kochten ook",
    // Polish.
    "może ci się spodobać",
    "może cię zainteresować",
    "podobne produkty",
    "produkty powiązane",
    "ostatnio oglądane",
    "często kupowane razem",
    "klienci kupili również",
];

/// A heading over other products has at most this many words beyond its opening phrase
/// ("Similar items shipping to your country").
const MAX_EXTRA_WORDS: usize = 4;

/// The phrase of the table that makes `text` the heading of one of the shop's sections (its
/// questions, its other products), if one does.
pub(super) fn shop_section(text: &str) -> Option<&'static str> {
    let questions = text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if let Some(phrase) = FAQ_HEADINGS.iter().find(|h| **h == questions) {
        return Some(phrase);
    }
    let folded = words_joined(text);
    OTHER_PRODUCTS_HEADINGS.iter().copied().find(|phrase| {
        folded.strip_prefix(phrase).is_some_and(|rest| {
            rest.is_empty()
                || (rest.starts_with(' ') && rest.split(' ').count() <= MAX_EXTRA_WORDS + 1)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_folded() {
        for phrase in OTHER_PRODUCTS_HEADINGS {
            assert_eq!(words_joined(phrase), *phrase);
        }
    }

    #[test]
    fn headings_over_other_products_in_several_languages() {
        for heading in [
            "Customers also bought",
            "Frequently Bought Together",
            "You may also like…",
            "Similar items shipping to Bulgaria",
            "Products related to this item",
            "Das könnte Ihnen auch gefallen",
            "Vous aimerez peut-être aussi",
            "También te puede interesar",
            "Prodotti correlati",
            "Ostatnio oglądane",
            "Frequently Asked Questions:",
        ] {
            assert!(shop_section(heading).is_some(), "{heading}");
        }
        for heading in [
            "Related information",
            "Specifications",
            "Similar",
            "Care instructions",
            "Recently viewed items and the history of the brand's first jacket, 1952 to 1960",
            "Questions about sizing",
        ] {
            assert!(shop_section(heading).is_none(), "{heading}");
        }
    }

    #[test]
    fn a_section_over_other_products_leaves_a_product_page() {
        let html = r#"<html><head><title>Trail pack</title>
            <script type="application/ld+json">{"@type":"Product","name":"Trail pack",
            "sku":"1","offers":{"price":"99.95"}}</script></head><body><main>
            <h1>Trail pack</h1><div class="description"><p>DESCRIPTION_TEXT A light pack for
            long days on the trail, with a padded back panel, a hip belt and pockets for all the
            small things a walker reaches for without stopping.</p></div>
            <h2>Details</h2><ul><li>DETAIL_TEXT Capacity: 25 litres</li><li>Weight: 800 g</li></ul>
            <h2>Customers also bought CROSS_SELL</h2>
            <ul><li>OTHER_ONE Hiking poles</li><li>Water bottle</li><li>Rain cover</li></ul>
            <h2>Care</h2><p>CARE_TEXT Wipe the pack clean with a damp cloth and mild soap,
            never in a machine, and let it dry in the shade, away from a fire or a heater, before
            you store it loosely packed in a dry place.</p></main></body></html>"#;
        let text = crate::extract(html, &crate::Config::default())
            .expect("extracts")
            .text();
        for kept in ["DESCRIPTION_TEXT", "DETAIL_TEXT", "CARE_TEXT"] {
            assert!(text.contains(kept), "{kept} missing:\n{text}");
        }
        assert!(!text.contains("CROSS_SELL"), "{text}");
        assert!(!text.contains("OTHER_ONE"), "{text}");
    }
}
