//! Stage 3: drop what is never content, whatever the page.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use crate::dom::{Dom, Tag, attrs};
use crate::removal::{Reason, Removals, Stage};

/// An element hidden by `display:none` or the `hidden` attribute that holds over a third of the
/// page's text is shown by a script (a lock screen, a loading wrapper, server-rendered HTML
/// streamed into a hidden slot): its content is the page. Dialogs always hold.
const HIDDEN_SHARE_SHOWN: usize = 3;

/// `visibility:hidden` and `aria-hidden` hide parts of a page as well, so they are only doubted on
/// an element that holds over three quarters of the page's text: a wrapper hiding the whole page
/// from the first paint until a script has laid it out, or the page behind a dialog that was
/// open when it was saved (a dialog hides the rest of the page from screen readers only).
const WRAPPER_SHARE_SHOWN: (usize, usize) = (3, 4);

const ARIA_HIDDEN: &str = "aria-hidden";
const DIALOG: &str = "a dialog role";
const VISIBILITY_HIDDEN: &str = "an inline visibility:hidden";
const PRICE_LABEL: &str = "a screen-reader label of a price";

/// How far up from a screen-reader label its price is looked for, and how many nodes and bytes
/// of text the label holds at most.
const PRICE_LABEL_DEPTH: usize = 4;
const PRICE_LABEL_MAX_NODES: usize = 4;
const PRICE_LABEL_MAX_BYTES: usize = 32;

/// How many nodes a small control (a skip link, a price's label, a comparison checkbox) holds at
/// most, and how many bytes of text a comparison checkbox's label.
const CONTROL_MAX_NODES: usize = 16;
const COMPARE_MAX_BYTES: usize = 40;

/// Marks every node that is never content, or lies inside one, as dead; records the outermost.
pub(crate) fn prune(dom: &Dom<'_>, removals: &mut Removals) -> Vec<bool> {
    let mut dead = vec![false; dom.len()];
    let page_text = text_len(dom, 0, dom.len());
    let panels = collapsed_panels(dom);
    for i in 0..dom.len() {
        let node = &dom.nodes[i];
        if node.parent != usize::MAX && dead[node.parent] {
            dead[i] = true;
            continue;
        }
        let reason = match node.tag {
            // A formula's MathML or TeX source is read in its place (extract::build::math).
            Tag::Void if is_formula_source(dom, i) => None,
            Tag::Void | Tag::Head | Tag::Title | Tag::Meta => Some(Reason::NeverContent {
                tag: node.element.map_or("", |e| e.name()).to_owned(),
            }),
            // Markup a script-enabled browser saved as raw text: never readable content.
            Tag::Text if is_raw_noscript(dom, i) => Some(Reason::NeverContent {
                tag: "noscript".to_owned(),
            }),
            Tag::Text if is_stray_markup(dom, i) => Some(Reason::NeverContent {
                tag: "markup shown as text".to_owned(),
            }),
            Tag::Text if is_data_island(dom, i) => Some(Reason::NeverContent {
                tag: "data as JSON".to_owned(),
            }),
            Tag::Text if is_loading_placeholder(dom.nodes[i].text) => Some(Reason::NeverContent {
                tag: "loading placeholder".to_owned(),
            }),
            Tag::Text => None,
            _ if is_script_notice(dom, i) => Some(Reason::NeverContent {
                tag: "notice to enable JavaScript".to_owned(),
            }),
            _ if panels.binary_search(&i).is_ok() => None,
            _ => small_control(dom, i).or_else(|| {
                hidden(dom, i)
                    .filter(|&how| match how {
                        DIALOG => true,
                        ARIA_HIDDEN | VISIBILITY_HIDDEN => {
                            let (part, whole) = WRAPPER_SHARE_SHOWN;
                            text_len(dom, i, node.end) * whole <= page_text * part
                        }
                        _ => text_len(dom, i, node.end) * HIDDEN_SHARE_SHOWN <= page_text,
                    })
                    .map(|how| Reason::Hidden { how })
            }),
        };
        if let Some(reason) = reason {
            dead[i] = true;
            removals.record(dom.id(i), Stage::Prune, reason);
        }
    }
    dead
}

/// The elements right after a collapsed disclosure button (`<button aria-expanded="false">`), or
/// after the heading that holds one: the panels the buttons open, content a reader opens with one
/// click whatever hides them. In document order.
fn collapsed_panels(dom: &Dom<'_>) -> Vec<usize> {
    let mut panels = Vec::new();
    for b in 0..dom.len() {
        // Buttons are void for the stages: never content themselves.
        let collapsed = dom.nodes[b].tag == Tag::Void
            && dom.nodes[b].element.is_some_and(|e| {
                e.name() == "button"
                    && (e.attr("aria-expanded"))
                        .is_some_and(|v| v.trim().eq_ignore_ascii_case("false"))
            });
        if !collapsed {
            continue;
        }
        // After the button, or after the heading or wrapper it ends.
        let parent = dom.nodes[b].parent;
        let panel = next_element_sibling(dom, b)
            .or_else(|| (parent != usize::MAX).then(|| next_element_sibling(dom, parent))?);
        panels.extend(panel);
    }
    panels.sort_unstable();
    panels
}

/// The next sibling of node `i` that is an element, across blank text.
fn next_element_sibling(dom: &Dom<'_>, i: usize) -> Option<usize> {
    let parent = dom.nodes[i].parent;
    let mut k = dom.nodes[i].end;
    while k < dom.len() && dom.nodes[k].parent == parent {
        match dom.nodes[k].tag {
            Tag::Text if crate::text::is_blank(dom.nodes[k].text) => k = dom.nodes[k].end,
            Tag::Text => return None,
            _ => return Some(k),
        }
    }
    None
}

/// Whether element `i` is a `<math>` or MathJax's `<script type="math/tex">`.
fn is_formula_source(dom: &Dom<'_>, i: usize) -> bool {
    match dom.nodes[i].element.map(|e| e.name()) {
        Some("math") => true,
        Some("script") => dom
            .attr(i, "type")
            .is_some_and(|t| t.trim_start().to_ascii_lowercase().starts_with("math/tex")),
        _ => false,
    }
}

/// Whether text node `i` is markup left as text inside a `<noscript>`.
fn is_raw_noscript(dom: &Dom<'_>, i: usize) -> bool {
    let parent = dom.nodes[i].parent;
    parent != usize::MAX
        && dom.nodes[parent]
            .element
            .is_some_and(|e| e.name() == "noscript")
        && dom.nodes[i].text.trim_start().starts_with('<')
}

/// Whether text node `i` is nothing but an escaped tag outside code, such as a tracking pixel's
/// `<img ...>` that a broken save moved out of its `<noscript>`: a browser shows it, no writer
/// meant it.
fn is_stray_markup(dom: &Dom<'_>, i: usize) -> bool {
    // Most text does not open with `<`: its end is left untrimmed.
    let text = dom.nodes[i].text.trim_start();
    if !text.starts_with('<') {
        return false;
    }
    let text = text.trim_end();
    // A tag name, then attributes with quoted values: not a bracketed title ("<The Palace>") nor
    // a type's parameters ("<U, F>").
    let opens_tag = text.strip_prefix('<').is_some_and(|rest| {
        let name = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
        name > 0
            && rest
                .as_bytes()
                .get(name)
                .is_some_and(u8::is_ascii_whitespace)
    });
    opens_tag
        && text.ends_with('>')
        && (text.contains("=\"") || text.contains("='"))
        && text.matches('<').count() <= 2
        && !in_code(dom, i)
}

/// The shortest JSON text taken for a data island; shorter braces may be a writer's.
const DATA_ISLAND_MIN: usize = 64;

/// Whether text node `i` is a JSON object or array outside code: the state a script reads,
/// left in a (usually hidden) element of the page. No writer puts a whole paragraph in JSON; a
/// documentation page shows it in `<pre>` or `<code>`.
fn is_data_island(dom: &Dom<'_>, i: usize) -> bool {
    let text = dom.nodes[i].text.trim_start();
    if !(text.starts_with('{') || text.starts_with("[{") || text.starts_with("[\"")) {
        return false;
    }
    let text = text.trim_end();
    text.len() >= DATA_ISLAND_MIN
        && (text.ends_with('}') || text.ends_with(']'))
        && text.contains("\":")
        && !in_code(dom, i)
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
}

/// "Loading..." in the web's main languages: the placeholder a script replaces with content.
const LOADING: &[&str] = &[
    "loading",
    "loading more",
    "laden",
    "wird geladen",
    "lädt",
    "chargement",
    "chargement en cours",
    "cargando",
    "caricamento",
    "carregando",
    "bezig met laden",
    "ładowanie",
    "načítání",
    "загрузка",
    "завантаження",
    "yükleniyor",
    "laddar",
    "indlæser",
    "laster",
    "ladataan",
    "betöltés",
    "se încarcă",
    "φόρτωση",
];

/// Whether a text node is nothing but a loading placeholder: a word of [`LOADING`] and an
/// ellipsis ("Loading...", "Wird geladen …"). Without the dots the word may be a label ("Laden"
/// is a shop in German).
fn is_loading_placeholder(text: &str) -> bool {
    // Most text is longer, or does not end in a dot.
    if text.len() > 40 {
        return false;
    }
    let text = text.trim();
    if !(text.ends_with("...") || text.ends_with('…')) {
        return false;
    }
    let word = text.trim_end_matches(['.', '…']).trim_end().to_lowercase();
    LOADING.contains(&word.as_str())
}

/// The longest `<noscript>` read as a notice, in bytes of text and in nodes.
const NOTICE_MAX_BYTES: usize = 400;
const NOTICE_MAX_NODES: usize = 32;

/// Whether element `i` is a `<noscript>` that tells a reader without scripts to turn JavaScript
/// on ("You need to enable JavaScript to run this app"): the word is the same in every language.
/// A longer `<noscript>` may hold the page itself (forum engines put the thread there).
fn is_script_notice(dom: &Dom<'_>, i: usize) -> bool {
    // A notice is a few nodes; more hold a page (and nested ones are not all read again).
    if dom.nodes[i].end - i > NOTICE_MAX_NODES
        || dom.nodes[i].element.is_none_or(|e| e.name() != "noscript")
    {
        return false;
    }
    let mut text = String::new();
    for j in i..dom.nodes[i].end {
        if dom.nodes[j].tag == Tag::Text {
            text.push_str(dom.nodes[j].text.trim());
            if text.len() > NOTICE_MAX_BYTES {
                return false;
            }
        }
    }
    text.to_ascii_lowercase().contains("javascript")
}

/// Whether node `i` lies inside `<pre>` or `<code>`.
fn in_code(dom: &Dom<'_>, i: usize) -> bool {
    dom.ancestors(i)
        .any(|a| matches!(dom.nodes[a].tag, Tag::Pre | Tag::Code))
}

/// Bytes of text in the nodes `from..to`, outside scripts and styles.
fn text_len(dom: &Dom<'_>, from: usize, to: usize) -> usize {
    let mut total = 0;
    let mut j = from;
    while j < to {
        let node = &dom.nodes[j];
        match node.tag {
            Tag::Void | Tag::Head => {
                j = node.end;
                continue;
            }
            Tag::Text => total += crate::text::trim(node.text).len(),
            _ => {}
        }
        j += 1;
    }
    total
}

/// How element `i` is hidden from readers, if it is.
fn hidden(dom: &Dom<'_>, i: usize) -> Option<&'static str> {
    let element = dom.nodes[i].element?;
    let [
        id,
        hidden,
        aria_hidden,
        role,
        aria_modal,
        style,
        class,
        tabindex,
    ] = attrs(
        element,
        [
            "id",
            "hidden",
            "aria-hidden",
            "role",
            "aria-modal",
            "style",
            "class",
            "tabindex",
        ],
    );
    let is_true = |v: Option<&str>| v.is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
    let role_is = |r: &str| role.is_some_and(|role| role.trim().eq_ignore_ascii_case(r));
    // A dialog open when the page was saved (consent, sign-up, store picker) floats over the
    // page; it is never the page.
    if role_is("dialog") || role_is("alertdialog") || is_true(aria_modal) {
        return Some(DIALOG);
    }
    // React streams server-rendered parts into hidden `S:` slots that a script moves into place.
    let streamed = id.is_some_and(|id| id.starts_with("S:"));
    let how = if hidden.is_some() && !streamed {
        "the hidden attribute"
    } else if is_true(aria_hidden) && !is_redundant_link(element.name(), tabindex) {
        ARIA_HIDDEN
    } else {
        style.and_then(style_hides)?
    };
    // Closed tabs and accordion panels hold content a reader opens with one click. A hidden
    // `region` is the panel of a disclosure or accordion button (the WAI-ARIA pattern).
    if role_is("tabpanel") || role_is("region") || class.is_some_and(is_panel_class) {
        return None;
    }
    Some(how)
}

/// Whether element `i` is a label only screen readers read, inside a price: "Regular price",
/// "Sale price", "Unit price", "per", which shop themes put before each figure of a product's
/// price so that a screen reader tells them apart, and a sighted reader never sees. A label with
/// a figure in it is kept: it is often the only readable copy of the price, the shown one being
/// hidden from screen readers (`aria-hidden`) in its place.
fn is_price_label(dom: &Dom<'_>, i: usize, class: ClassFlags) -> bool {
    let node = &dom.nodes[i];
    if node.end - i > PRICE_LABEL_MAX_NODES || !class.screen_reader {
        return false;
    }
    let mut text = String::new();
    for j in i..node.end {
        if dom.nodes[j].tag == Tag::Text {
            text.push_str(dom.nodes[j].text);
            if text.len() > PRICE_LABEL_MAX_BYTES {
                return false;
            }
        }
    }
    if crate::text::is_blank(&text) || text.chars().any(|c| c.is_numeric()) {
        return false;
    }
    let mut a = node.parent;
    for _ in 0..PRICE_LABEL_DEPTH {
        if a == usize::MAX {
            return false;
        }
        if dom.class_words(a).any(|w| w.eq_ignore_ascii_case(b"price")) {
            return true;
        }
        a = dom.nodes[a].parent;
    }
    false
}

/// Whether element `i` is a product's comparison checkbox: a small element its class names
/// `compare`, holding a checkbox and its short label ("Compare", "Add to Compare"). Shops put one
/// on every card of a grid to pick products for a side-by-side table; it is a control, never
/// content. (A `compare-at` price holds no checkbox.) The caller, [`small_control`], has bounded
/// its size.
fn is_compare_box(dom: &Dom<'_>, i: usize, class: ClassFlags) -> bool {
    let node = &dom.nodes[i];
    if !class.compare {
        return false;
    }
    let (mut checkbox, mut text) = (false, 0);
    for j in i..node.end {
        let n = &dom.nodes[j];
        if n.tag == Tag::Text {
            text += crate::text::trim(n.text).len();
        } else if n.element.is_some_and(|e| e.name() == "input") {
            checkbox |= dom
                .attr(j, "type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("checkbox"));
        }
    }
    checkbox && text <= COMPARE_MAX_BYTES
}

/// Whether element `i` is a skip link: a link to a place on the same page ("Skip to search
/// results", "Skip to filters") shown to screen readers alone, or to a keyboard's focus. It moves
/// the reader; it says nothing.
fn is_skip_link(dom: &Dom<'_>, i: usize, class: ClassFlags) -> bool {
    class.screen_reader
        && dom.nodes[i].element.is_some_and(|e| e.name() == "a")
        && dom
            .attr(i, "href")
            .is_some_and(|h| h.trim().len() > 1 && h.trim().starts_with('#'))
}

/// A small element (at most [`CONTROL_MAX_NODES`] nodes) that is a shop's or a screen reader's
/// control: a skip link, a price's label for screen readers, a comparison checkbox. Its class is
/// read once, by one automaton, for all three.
fn small_control(dom: &Dom<'_>, i: usize) -> Option<Reason> {
    if dom.nodes[i].end - i > CONTROL_MAX_NODES {
        return None;
    }
    let class = class_flags(dom.attr(i, "class")?);
    if is_skip_link(dom, i, class) {
        Some(Reason::Chrome {
            what: "a link for screen readers to a place on the page",
        })
    } else if is_price_label(dom, i, class) {
        Some(Reason::Hidden { how: PRICE_LABEL })
    } else if is_compare_box(dom, i, class) {
        Some(Reason::NeverContent {
            tag: "a checkbox to compare products".to_owned(),
        })
    } else {
        None
    }
}

/// What a small element's class says to prune.
#[derive(Clone, Copy, Default)]
struct ClassFlags {
    /// Text shown to screen readers alone (`visually-hidden`, `sr-only`, `screen-reader-text`,
    /// `screenreader`, `offscreen`, with a framework's prefix or not).
    screen_reader: bool,
    /// A comparison control (`compare`, `product-compare`).
    compare: bool,
}

/// The words of [`ClassFlags`]: screen-reader names, then `compare`.
const CLASS_WORDS: [&str; 7] = [
    "visually-hidden",
    "visuallyhidden",
    "sr-only",
    "screen-reader",
    "screenreader",
    "offscreen",
    "compare",
];

// The patterns are fixed; the tests build the automaton.
#[allow(clippy::expect_used)]
static CLASS_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(CLASS_WORDS)
        .expect("class words build an automaton")
});

/// What a class list says to prune, read in one pass of an automaton: every small element's class
/// is asked.
fn class_flags(class: &str) -> ClassFlags {
    let bytes = class.as_bytes();
    let mut flags = ClassFlags::default();
    for found in CLASS_AUTOMATON.find_overlapping_iter(class) {
        match CLASS_WORDS[found.pattern().as_usize()] {
            "compare" => flags.compare = true,
            // "offscreen" only as a class or its last part (`a-offscreen`), not `offscreen-menu`.
            "offscreen" => {
                flags.screen_reader |= bytes
                    .get(found.end())
                    .is_none_or(|b| b.is_ascii_whitespace())
                    && found
                        .start()
                        .checked_sub(1)
                        .is_none_or(|k| bytes[k] == b'-' || bytes[k].is_ascii_whitespace());
            }
            _ => flags.screen_reader = true,
        }
    }
    flags
}

/// Whether an `aria-hidden` element is a link taken out of the keyboard's order too
/// (`tabindex="-1"`): a card's second link to the place its title already links to (its picture,
/// its teaser), hidden from screen readers so that they announce the entry once, but shown.
fn is_redundant_link(name: &str, tabindex: Option<&str>) -> bool {
    name == "a" && tabindex.is_some_and(|t| t.trim() == "-1")
}

/// How an inline style hides its element, if it does.
fn style_hides(style: &str) -> Option<&'static str> {
    // Most styles set neither; only those that name `none` or `hidden` are read closely.
    let lower = style.to_ascii_lowercase();
    if !lower.contains("none") && !lower.contains("hidden") {
        return None;
    }
    let style: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    if style.contains("display:none") {
        return Some("an inline display:none");
    }
    if style.contains("visibility:hidden") {
        return Some(VISIBILITY_HIDDEN);
    }
    None
}

/// Whether a class names a tab or accordion panel.
fn is_panel_class(class: &str) -> bool {
    let class = class.to_ascii_lowercase();
    ["tab-pane", "tabpanel", "tab-panel", "accordion", "collapse"]
        .iter()
        .any(|w| class.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;

    /// The text of the nodes prune leaves alive on a page.
    fn live_text(html: &str) -> String {
        let doc = parse(html);
        let dom = Dom::new(&doc);
        let dead = prune(&dom, &mut Removals::default());
        (0..dom.len())
            .filter(|&i| !dead[i])
            .map(|i| dom.nodes[i].text)
            .collect()
    }

    #[test]
    fn closed_tabs_and_accordions_are_content_but_dialogs_are_not() {
        let live = live_text(
            r#"<body><div role="tabpanel" hidden><p>BODY_TEXT one</p></div>
            <div class="accordion-item__panel" aria-hidden="true"><p>BODY_TEXT two</p></div>
            <a role="button" aria-controls="step-3">3. Apply</a>
            <div id="step-3" role="region" style="display:none"><p>BODY_TEXT three</p></div>
            <div role="dialog" class="collapse"><p>MENU_TEXT</p></div></body>"#,
        );
        assert!(live.contains("BODY_TEXT one") && live.contains("BODY_TEXT two"));
        assert!(live.contains("BODY_TEXT three"));
        assert!(!live.contains("MENU_TEXT"));
    }

    #[test]
    fn the_panel_after_a_collapsed_disclosure_button_is_content() {
        let live = live_text(
            r#"<body><h3><button aria-expanded="false">Fit</button></h3>
            <div hidden><p>BODY_TEXT fit</p></div>
            <button aria-expanded="false" aria-controls="p2">Foam</button>
            <div id="p2" aria-hidden="true" style="display:none"><p>BODY_TEXT foam</p></div>
            <button aria-expanded="true">Menu</button><div hidden><p>MENU_TEXT</p></div>
            <div hidden><p>MENU_TEXT</p></div></body>"#,
        );
        assert!(
            live.contains("BODY_TEXT fit") && live.contains("BODY_TEXT foam"),
            "{live}"
        );
        assert!(!live.contains("MENU_TEXT"), "{live}");
    }

    #[test]
    fn scripts_and_hidden_nodes_die_with_their_subtrees() {
        let doc = parse(
            r#"<body><p>BODY_TEXT</p><script>MENU_TEXT</script>
            <div style="display: none"><p>MENU_TEXT</p></div><div aria-hidden="true">MENU_TEXT</div>
            <div hidden>MENU_TEXT</div></body>"#,
        );
        let dom = Dom::new(&doc);
        let mut removals = Removals::default();
        let dead = prune(&dom, &mut removals);
        let live: String = (0..dom.len())
            .filter(|&i| !dead[i])
            .map(|i| dom.nodes[i].text)
            .collect();
        assert!(live.contains("BODY_TEXT"));
        assert!(!live.contains("MENU_TEXT"));
        // head, script, three hidden divs: one record each, none for their descendants.
        assert_eq!(removals.into_vec().len(), 5);
    }

    #[test]
    fn the_page_behind_a_dialog_open_when_saved_is_shown() {
        let article = "<p>BODY_TEXT of a long article paragraph, told in many words.</p>".repeat(5);
        let live = live_text(&format!(
            r#"<body><div class="page" aria-hidden="true"><nav>Home</nav>{article}</div>
            <div role="dialog"><p>MENU_TEXT Sign in to continue</p></div></body>"#
        ));
        assert!(live.contains("BODY_TEXT") && !live.contains("MENU_TEXT"));
        // A hidden part beside visible text stays hidden.
        let part = live_text(&format!(
            r#"<body>{article}<div aria-hidden="true">{}</div></body>"#,
            "<p>MENU_TEXT</p>".repeat(3)
        ));
        assert!(part.contains("BODY_TEXT") && !part.contains("MENU_TEXT"));
    }

    #[test]
    fn a_cards_second_link_kept_out_of_the_keyboards_order_is_shown() {
        let cards = (0..4)
            .map(|i| {
                format!(
                    r#"<article class="river-article"><a href="/news/{i}" aria-hidden="true"
                    tabindex="-1"><img src="/p/{i}.jpg" alt=""></a><h2><a href="/news/{i}">Story
                    {i} headline</a></h2><p class="desc"><a href="/news/{i}" aria-hidden="true"
                    tabindex="-1">BODY_TEXT teaser of story {i}, told in a sentence.</a></p>
                    <span class="icon" aria-hidden="true">MENU_TEXT</span></article>"#
                )
            })
            .collect::<String>();
        let live = live_text(&format!("<body><h1>Latest news</h1>{cards}</body>"));
        assert_eq!(live.matches("BODY_TEXT teaser").count(), 4, "{live}");
        // Hidden from screen readers alone, without leaving the keyboard's order: still hidden.
        assert!(!live.contains("MENU_TEXT"), "{live}");
        let link = live_text(
            r#"<body><p>BODY_TEXT</p><a href="/x" aria-hidden="true">MENU_TEXT</a></body>"#,
        );
        assert!(link.contains("BODY_TEXT") && !link.contains("MENU_TEXT"));
    }

    #[test]
    fn screen_reader_classes_are_told_by_their_words() {
        for class in [
            "sr-only",
            "price__label Visually-Hidden",
            "screen-reader-text",
            "a-offscreen",
            "offscreen",
            "u-screenreader",
        ] {
            assert!(class_flags(class).screen_reader, "{class}");
        }
        for class in [
            "offscreen-menu",
            "price",
            "hidden-xs",
            "screen",
            "nav_offscreen",
        ] {
            assert!(!class_flags(class).screen_reader, "{class}");
        }
    }

    #[test]
    fn screen_reader_labels_of_a_price_are_dropped_its_figures_are_not() {
        let card = |i: u32| {
            format!(
                r#"<li class="grid__item"><div class="card"><h3 class="card__heading">
                <a href="/products/mug-{i}">Stoneware mug {i}</a></h3>
                <div class="price price--on-sale"><div class="price__sale">
                <span class="visually-hidden visually-hidden--inline">MENU_TEXT Sale price</span>
                <span class="price-item price-item--sale">$1{i}.00</span>
                <span class="visually-hidden">MENU_TEXT Regular price</span>
                <s class="price-item price-item--regular">$2{i}.00</s></div>
                <small class="unit-price"><span class="sr-only">MENU_TEXT Unit price</span>
                <span class="price-item"></span><span class="visually-hidden">&nbsp;per&nbsp;</span>
                </small></div>
                <p class="price"><del aria-hidden="true">$3{i}.00</del><span
                class="screen-reader-text">Original price was: $3{i}.00.</span></p></div></li>"#
            )
        };
        let cards: String = (1..4).map(card).collect();
        let live = live_text(&format!(
            r#"<body><h1>Mugs</h1><ul class="grid">{cards}</ul>
            <p>Our <span class="visually-hidden">BODY_TEXT stoneware</span> mugs are fired twice.</p>
            </body>"#
        ));
        assert!(
            !live.contains("MENU_TEXT") && !live.contains("\u{a0}per"),
            "{live}"
        );
        assert!(live.contains("$11.00") && live.contains("$23.00"), "{live}");
        assert!(live.contains("Original price was: $31.00."), "{live}");
        // Outside a price, text for screen readers is left to the stages after.
        assert!(live.contains("BODY_TEXT stoneware"), "{live}");
    }

    #[test]
    fn a_products_comparison_checkbox_is_dropped_its_compare_at_price_is_not() {
        let card = |i: u32| {
            format!(
                r#"<li class="product-card"><h3><a href="/p/lock-{i}">BODY_TEXT Cable lock {i}</a></h3>
                <div class="price"><span>$1{i}.99</span>
                <s class="price__compare">BODY_TEXT $2{i}.99</s></div>
                <div class="product-card-compare"><input type="checkbox" id="cmp-{i}" value="{i}">
                <label for="cmp-{i}">MENU_TEXT Compare</label></div>
                <div class="compare_x1"><label><input type="checkbox"><span>MENU_TEXT Add to
                Compare</span></label></div></li>"#
            )
        };
        let cards: String = (1..4).map(card).collect();
        let live = live_text(&format!(
            r#"<body><h1>Bike locks</h1><ul class="grid">{cards}</ul>
            <div class="compare-plans"><p>BODY_TEXT Compare our plans: the basic plan covers one
            lock, the family plan five.</p><input type="checkbox" id="t"><label for="t">BODY_TEXT
            Yearly</label></div></body>"#
        ));
        assert!(!live.contains("MENU_TEXT"), "{live}");
        assert_eq!(live.matches("BODY_TEXT").count(), 3 * 2 + 2, "{live}");
    }

    #[test]
    fn a_skip_link_for_screen_readers_is_dropped_other_links_are_not() {
        let live = live_text(
            r##"<body><main><a class="sr-only sr-only-focusable" href="#results">MENU_TEXT Skip
            to search results</a><h1>Bike helmets</h1><ul id="results"><li><a href="/p/1">BODY_TEXT
            Road helmet</a></li><li><a href="#sizes">BODY_TEXT See the size chart</a></li>
            <li><a class="visually-hidden" href="/p/2">BODY_TEXT Kids helmet</a></li></ul>
            <p id="sizes">BODY_TEXT Sizes run small.</p></main></body>"##,
        );
        assert!(!live.contains("MENU_TEXT"), "{live}");
        assert_eq!(live.matches("BODY_TEXT").count(), 4, "{live}");
    }

    #[test]
    fn a_wrapper_hiding_the_whole_page_until_laid_out_is_shown() {
        let article = "<p>BODY_TEXT of a long article paragraph, told in many words.</p>".repeat(5);
        let wrapped = live_text(&format!(
            r#"<body><nav>Home</nav><div style="visibility:hidden;min-height:100vh">{article}</div></body>"#
        ));
        assert!(wrapped.contains("BODY_TEXT"));
        // A hidden part beside visible text stays hidden.
        let part = live_text(&format!(
            r#"<body>{article}<div style="visibility: hidden">{}</div></body>"#,
            "<p>MENU_TEXT</p>".repeat(3)
        ));
        assert!(part.contains("BODY_TEXT") && !part.contains("MENU_TEXT"));
    }

    #[test]
    fn json_left_in_the_page_for_a_script_is_dropped_outside_code() {
        let state =
            r#"{"widget":"ProductGrid","items":["A1","B2","C3"],"page":{"size":24,"offset":0}}"#;
        let html = format!(
            "<body><p>Headphones for every day.</p><div class=\"grid-state\">{state}</div>\
             <pre>{state}</pre><p>Prices in {{braces}} are ours.</p></body>"
        );
        assert_eq!(
            live_text(&html),
            format!("Headphones for every day.{state}Prices in {{braces}} are ours.")
        );
    }

    #[test]
    fn loading_placeholders_are_dropped_in_any_language_a_shop_named_laden_is_not() {
        let live = live_text(
            "<body><h3>Loading...</h3><p>Wird geladen …</p><span>Chargement…</span>\
             <p>Laden</p><p>Loading the truck took an hour...</p></body>",
        );
        assert_eq!(live, "LadenLoading the truck took an hour...");
    }

    #[test]
    fn a_notice_to_enable_javascript_is_dropped_a_thread_in_noscript_is_not() {
        let live = live_text(
            "<body><noscript>You need to enable JavaScript to run this app.</noscript>\
             <noscript><div class=\"alert\">JavaScript est désactivé.</div></noscript>\
             <noscript><p>The thread, for readers without scripts.</p></noscript></body>",
        );
        assert_eq!(live, "The thread, for readers without scripts.");
    }

    #[test]
    fn a_tag_shown_as_text_is_dropped_outside_code() {
        let live = live_text(
            r#"<body>&lt;img height="1" width="1" style="display:none" src="http://example.com/p?c=2"&gt;
            <p>BODY_TEXT</p><pre>&lt;img src="http://example.com/shown-in-code.png"&gt;</pre></body>"#,
        );
        assert!(live.contains("BODY_TEXT") && live.contains("shown-in-code"));
        assert!(!live.contains("display:none"), "{live}");
        // Bracketed titles and type parameters are text.
        let live = live_text(
            "<body><p>&lt;The Palace: Jang Noksu&gt;</p><p>fn map&lt;U, F&gt;</p></body>",
        );
        assert!(
            live.contains("<The Palace: Jang Noksu>") && live.contains("map<U, F>"),
            "{live}"
        );
    }
}
