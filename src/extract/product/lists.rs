//! Lists on a product page that are not the product's: the shop's data fields dumped by their
//! machine names, and lists of bare links (the shop's brands, categories and searches).

use crate::dom::measure::Measures;
use crate::dom::{Dom, Tag};
use crate::rules::hints::Hint;
use crate::rules::marks;

/// Fewest machine-named terms that make a definition list a dump of data fields...
const MIN_FIELD_KEYS: usize = 3;
/// ...when they are at least this share of its terms (1 in 2).
const FIELD_KEY_SHARE: (usize, usize) = (1, 2);

/// Fewest items of a list of bare links.
const MIN_LINK_ITEMS: usize = 5;
/// A list's wrapper takes in at most this many characters more than the list: its heading.
const LIST_HEADING_CHARS: u32 = 120;

/// Marks, on a product page, the definition lists whose terms are mostly machine names
/// (`retail_price_tier1:`, `care_chunk-2:`): a template printing the shop's data fields, which
/// its styles hide from readers; and the lists of at least [`MIN_LINK_ITEMS`] items that are each
/// a link and nothing more, with the wrapper that gives them a heading: the shop's brands,
/// categories and searches. A product's features and specs are text, not bare links.
pub(crate) fn mark_lists(dom: &Dom<'_>, dead: &[bool], measures: &Measures, hints: &mut [Hint]) {
    let linked = link_chars(dom, dead, measures);
    let mut i = 0;
    while i < dom.len() {
        let free = !dead[i] && matches!(hints[i], Hint::None | Hint::Positive);
        let mark = match dom.nodes[i].tag {
            Tag::Dl if free && is_field_dump(dom, dead, i) => Some((i, marks::FIELD_DUMP)),
            Tag::Ul | Tag::Ol if free && is_link_list(dom, dead, measures, &linked, i) => {
                Some((headed(dom, measures, hints, i), marks::LINK_LIST))
            }
            _ => None,
        };
        match mark {
            Some((zone, mark)) => {
                hints[zone] = Hint::Negative(mark);
                i = dom.nodes[zone].end;
            }
            None => i += 1,
        }
    }
}

/// Characters of live text inside links, per subtree.
fn link_chars(dom: &Dom<'_>, dead: &[bool], measures: &Measures) -> Vec<u32> {
    let n = dom.len();
    let mut in_link = vec![false; n];
    for i in 0..n {
        let parent = dom.nodes[i].parent;
        in_link[i] = dom.nodes[i].tag == Tag::A || (parent != usize::MAX && in_link[parent]);
    }
    let mut linked = vec![0u32; n];
    for i in (0..n).rev() {
        if dead[i] {
            continue;
        }
        if dom.nodes[i].tag == Tag::Text && in_link[i] {
            linked[i] = measures.chars[i];
        }
        let parent = dom.nodes[i].parent;
        if parent != usize::MAX {
            linked[parent] += linked[i];
        }
    }
    linked
}

/// The children of element `i` with the given tag, in order.
fn children<'a>(dom: &'a Dom<'_>, i: usize, tag: Tag) -> impl Iterator<Item = usize> + 'a {
    let mut c = i + 1;
    std::iter::from_fn(move || {
        while c < dom.nodes[i].end {
            let child = c;
            c = dom.nodes[c].end;
            if dom.nodes[child].tag == tag {
                return Some(child);
            }
        }
        None
    })
}

/// Whether the definition list `i` names its terms mostly by machine names.
fn is_field_dump(dom: &Dom<'_>, dead: &[bool], i: usize) -> bool {
    let (mut terms, mut keys) = (0, 0);
    for dt in children(dom, i, Tag::Dt) {
        terms += 1;
        keys += usize::from(is_machine_name(&dom.text_of(dt, |j| dead[j])));
    }
    keys >= MIN_FIELD_KEYS && keys * FIELD_KEY_SHARE.1 >= terms * FIELD_KEY_SHARE.0
}

/// Whether a term opens with a machine name: letters and digits joined by underscores
/// (`short_description:`, `cat_thumb_Navy Blue:`), which no label written for readers is.
fn is_machine_name(term: &str) -> bool {
    let first = term.split_whitespace().next().unwrap_or("");
    let name = first.trim_end_matches(':');
    let parts: Vec<&str> = name.split('_').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && parts[0].starts_with(|c: char| c.is_ascii_alphabetic())
}

/// Whether list `i` has at least [`MIN_LINK_ITEMS`] items, each with text and all of it a link.
fn is_link_list(
    dom: &Dom<'_>,
    dead: &[bool],
    measures: &Measures,
    linked: &[u32],
    i: usize,
) -> bool {
    let mut items = 0;
    for li in children(dom, i, Tag::Li) {
        if dead[li] {
            continue;
        }
        let chars = measures.chars[li];
        if chars == 0 || linked[li] < chars {
            return false;
        }
        items += 1;
    }
    items >= MIN_LINK_ITEMS
}

/// The element that gives list `i` its heading: the list, or the nearest wrapper holding little
/// more than it and no judged element, short of the page's body.
fn headed(dom: &Dom<'_>, measures: &Measures, hints: &[Hint], i: usize) -> usize {
    let mut zone = i;
    loop {
        let parent = dom.nodes[zone].parent;
        if parent == usize::MAX
            || matches!(dom.nodes[parent].tag, Tag::Body | Tag::Html | Tag::Main)
            || !matches!(hints[parent], Hint::None | Hint::Positive)
            || measures.chars[parent] > measures.chars[i] + LIST_HEADING_CHARS
            || has_h1(dom, parent)
        {
            return zone;
        }
        zone = parent;
    }
}

/// Whether subtree `i` holds an `<h1>`: the product's name is never in a list's wrapper.
fn has_h1(dom: &Dom<'_>, i: usize) -> bool {
    (i..dom.nodes[i].end).any(|j| dom.nodes[j].tag == Tag::Heading(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRODUCT_JSON_LD: &str = r#"<script type="application/ld+json">{"@context":"https://schema.org",
        "@type":"Product","name":"Staple Tee","sku":"5001",
        "offers":{"@type":"Offer","price":"20.00","priceCurrency":"USD"}}</script>"#;

    fn text_of(head: &str, body: &str) -> String {
        let html = format!(
            r#"<html><head><title>Staple Tee | Shop</title>{head}</head><body><main>
            <h1>Staple Tee</h1>
            <div class="description"><p>DESCRIPTION_TEXT Enduring comfort in a regular fit,
            crafted from combed cotton, with neck ribbing, side seams and double needle hems for
            durability and minimal shrinkage, a timeless choice for comfort and style.</p></div>
            <section class="specs"><h2>Details</h2><table>
            <tr><th>Fit</th><td>SPEC_TEXT Regular</td></tr>
            <tr><th>Fabric</th><td>Mid weight, 100% combed cotton</td></tr></table></section>
            {body}</main></body></html>"#
        );
        crate::extract(&html, &crate::Config::default())
            .expect("extracts")
            .text()
    }

    #[test]
    fn machine_names() {
        for name in [
            "short_description:",
            "retail_price_tier1:",
            "cat_thumb_Petrol Blue:",
            "shipping_chunk-1:",
        ] {
            assert!(is_machine_name(name), "{name}");
        }
        for label in [
            "Fabric:",
            "Care instructions",
            "SKU:",
            "_private",
            "size-guide:",
        ] {
            assert!(!is_machine_name(label), "{label}");
        }
    }

    #[test]
    fn a_dump_of_the_shops_data_fields_leaves_a_product_page() {
        let fields = r#"<dl class="info"><dt>SKU:</dt><dd>5001</dd>
            <dt>short_description:</dt><dd>FIELD_ONE Regular Fit</dd>
            <dt>retail_price_tier1:</dt><dd>FIELD_TWO $20.00_1-9 items</dd>
            <dt>cat_thumb_Navy:</dt><dd>FIELD_THREE https://cdn.example.com/navy.jpg</dd>
            <dt>care_chunk-1:</dt><dd>FIELD_FOUR Machine wash cold.</dd></dl>"#;
        let text = text_of(PRODUCT_JSON_LD, fields);
        assert!(text.contains("DESCRIPTION_TEXT"), "{text}");
        assert!(text.contains("SPEC_TEXT"), "{text}");
        assert!(!text.contains("FIELD_"), "{text}");
    }

    #[test]
    fn a_list_of_bare_links_leaves_a_product_page() {
        // A page of short lines, read as a listing, where links are otherwise content.
        let brands: String = ["Alpine", "Boreal", "Cascade", "Delta", "Ember", "Fjord"]
            .iter()
            .map(|b| format!(r#"<li><a href="/{b}">BRAND_{b}</a></li>"#))
            .collect();
        let html = format!(
            r#"<html><head><title>Faux leather jacket | Shop</title>{PRODUCT_JSON_LD}</head>
            <body><main><div class="pdp"><h1>Faux leather jacket</h1><p>EUR 49.99</p>
            <div class="attrs"><p>Outer fabric: SPEC_TEXT 100% polyester</p>
            <p>Lining: 100% polyester</p><p>Collar: Turn-down collar</p><p>Fastening: Zip</p>
            <p>Pockets: Chest pocket</p></div></div>
            <section><h2>LIST_HEADING More brands</h2><ul>{brands}</ul></section>
            </main></body></html>"#
        );
        let text = crate::extract(&html, &crate::Config::default())
            .expect("extracts")
            .text();
        assert!(text.contains("SPEC_TEXT"), "{text}");
        assert!(!text.contains("BRAND_"), "{text}");
        assert!(!text.contains("LIST_HEADING"), "{text}");
    }

    #[test]
    fn a_list_of_features_with_links_stays() {
        let features = r#"<ul><li>FEATURE_ONE Combed cotton, <a href="/care">easy care</a></li>
            <li><a href="/a">A</a></li><li><a href="/b">B</a></li><li><a href="/c">C</a></li>
            <li><a href="/d">D</a></li></ul>"#;
        let text = text_of(PRODUCT_JSON_LD, features);
        assert!(text.contains("FEATURE_ONE"), "{text}");
    }
}
