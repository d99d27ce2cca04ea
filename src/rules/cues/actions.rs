//! Calls to action: the labels of buttons and links that ask the reader to act ("Learn more",
//! "Add to cart", "Jetzt bewerben"), in the web's main languages; a product card's badges ("New
//! arrival"); the title of a contents box, which its plugin prints as the box's toggle. Standing
//! alone as a block, such a label is a control, not text: a card's button, a teaser's link, a
//! form's submit.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::text::words_joined;

/// The labels, folded as the cue table's phrases are (lower case, words joined by single spaces,
/// punctuation and arrows gone). A block matches only when it is one of them and nothing more.
/// Labels that head related links ("Read more:", "Weiterlesen") are the cue table's, which ends
/// the article at them.
const ACTIONS: &[&str] = &[
    // English.
    "learn more",
    "find out more",
    "discover more",
    "see more",
    "view more",
    "show more",
    "load more",
    "see all",
    "view all",
    "shop now",
    "buy now",
    "order now",
    "add to cart",
    "add to bag",
    "add to basket",
    "add to wishlist",
    "add to compare",
    "compare",
    "quick view",
    "quick shop",
    "view details",
    "see details",
    "view product",
    "book now",
    "apply now",
    "sign up",
    "sign up now",
    "get started",
    "get in touch",
    "register now",
    "download now",
    "request a demo",
    "get a quote",
    "skip to content",
    "skip to main content",
    "skip to search results",
    "skip to navigation",
    "sort by",
    "sort and filter",
    "filter and sort",
    "filters",
    "view image",
    "enlarge image",
    "download pdf",
    "print",
    "print this page",
    // German.
    "mehr erfahren",
    "mehr lesen",
    "mehr anzeigen",
    "alle anzeigen",
    "jetzt kaufen",
    "in den warenkorb",
    "jetzt bestellen",
    "jetzt buchen",
    "jetzt bewerben",
    "jetzt anmelden",
    "details ansehen",
    "zum produkt",
    "zum inhalt springen",
    "sortieren nach",
    "als pdf herunterladen",
    "drucken",
    "seite drucken",
    // French.
    "en savoir plus",
    "lire la suite",
    "voir plus",
    "ajouter au panier",
    "acheter maintenant",
    "voir le produit",
    "aller au contenu",
    "trier par",
    "imprimer",
    "agrandir l image",
    // Spanish.
    "leer más",
    "saber más",
    "ver más",
    "añadir al carrito",
    "comprar ahora",
    "ir al contenido",
    "ordenar por",
    "imprimir",
    "ampliar imagen",
    // Italian.
    "scopri di più",
    "leggi tutto",
    "leggi di più",
    "aggiungi al carrello",
    "acquista ora",
    // Portuguese.
    "adicionar ao carrinho",
    "comprar agora",
    // Dutch.
    "lees meer",
    "in winkelwagen",
    "bestel nu",
    // Polish.
    "czytaj więcej",
    "dowiedz się więcej",
    "dodaj do koszyka",
    "kup teraz",
    // Czech.
    "číst dále",
    "vložit do košíku",
    // Russian and Ukrainian.
    "читать далее",
    "подробнее",
    "в корзину",
    "читати далі",
    "детальніше",
    // Turkish.
    "devamını oku",
    "sepete ekle",
    // Swedish, Danish, Norwegian.
    "läs mer",
    "læs mere",
    "les mer",
    // Japanese, Chinese, Korean.
    "続きを読む",
    "詳しくはこちら",
    "阅读更多",
    "了解更多",
    "加入购物车",
    "더보기",
];

/// A product card's badges, which shops print on the card's picture: labels, not the item's text.
const BADGES: &[&str] = &[
    "new",
    "new arrival",
    "new arrivals",
    "sale",
    "on sale",
    "low stock",
    "online only",
    "limited edition",
    "award winner",
    "top rated",
    "neu",
    "nouveau",
    "nuevo",
    "novità",
    "nowość",
];

/// The title of a contents box, heading or not, which its plugin prints as the box's toggle; the
/// box's links go as links do. ("Contents" alone is too common a heading to be one.)
const CONTENTS_TITLES: &[&str] = &[
    "table of contents",
    "table of contents hide",
    "table of contents show",
    "inhaltsverzeichnis",
    "sommaire",
    "tabla de contenidos",
    "spis treści",
    "indice dei contenuti",
];

/// Longest text, in bytes, that may be a label: the tests keep every label within it.
const LABEL_MAX_BYTES: usize = 48;

/// Every label, with whether it may be a heading (a contents box's title) or not.
static LABELS: LazyLock<FxHashMap<&'static str, bool>> = LazyLock::new(|| {
    let controls = ACTIONS.iter().chain(BADGES).map(|&label| (label, false));
    let titles = CONTENTS_TITLES.iter().map(|&label| (label, true));
    controls.chain(titles).collect()
});

/// The label that `text` is, whole, if it is one: a call to action, a card's badge or (a heading
/// too) a contents box's title. The text is folded once and looked up in one table.
pub(crate) fn find_label(text: &str, heading: bool) -> Option<&'static str> {
    if text.len() > LABEL_MAX_BYTES * 2 {
        return None;
    }
    let folded = words_joined(text);
    let (&label, &title) = LABELS.get_key_value(folded.as_str())?;
    (title || !heading).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The label a block that is not a heading is.
    fn find_label_control(text: &str) -> Option<&'static str> {
        find_label(text, false)
    }

    /// The label a heading is.
    fn find_label_any(text: &str) -> Option<&'static str> {
        find_label(text, true)
    }

    #[test]
    fn labels_are_folded_and_short() {
        for label in ACTIONS.iter().chain(BADGES).chain(CONTENTS_TITLES) {
            assert_eq!(words_joined(label), *label);
            assert_eq!(super::super::find(label), None, "{label} is a cue");
            assert!(label.len() <= LABEL_MAX_BYTES, "{label}");
        }
    }

    #[test]
    fn a_label_matches_only_whole() {
        assert_eq!(find_label_control("Learn More →"), Some("learn more"));
        assert_eq!(find_label_control("  Add to Cart "), Some("add to cart"));
        assert_eq!(
            find_label_control("Jetzt bewerben!"),
            Some("jetzt bewerben")
        );
        assert_eq!(find_label_control("NEW ARRIVAL"), Some("new arrival"));
        assert_eq!(
            find_label_control("En savoir plus >"),
            Some("en savoir plus")
        );
        assert_eq!(
            find_label_any("Table of Contents [hide]"),
            Some("table of contents hide")
        );
        assert_eq!(
            find_label_any("Inhaltsverzeichnis"),
            Some("inhaltsverzeichnis")
        );
        // A heading may be a contents box's title, never a button's label.
        assert_eq!(find_label_any("Learn more"), None);
        assert_eq!(
            find_label_control("Learn more about the ferry timetable."),
            None
        );
        assert_eq!(
            find_label_control("Discover more of her poems in the anthology."),
            None
        );
    }
}
