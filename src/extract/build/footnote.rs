//! Footnotes as the common generators mark them up: a reference is a link to the note's id
//! (`#fn:1` from Python-Markdown, kramdown and Goldmark, `#fn1` from Pandoc and markdown-it,
//! `#cite_note-1` from MediaWiki, `#user-content-fn-1` from GitHub's remark), in a `<sup>` or
//! marked as a note reference; a note is the list item with that id in a list of notes; its
//! back-link points at the reference's id (`#fnref:1`, `#cite_ref-1`) or is marked as one.

use crate::blocks::Style;
use crate::dom::{Dom, Tag};

/// How note ids start, longest first: what follows is the note's label.
const NOTE_PREFIXES: [&str; 9] = [
    "user-content-fn-",
    "cite_note-",
    "footnote-",
    "footnote_",
    "footnote",
    "fn:",
    "fn-",
    "fn_",
    "fn",
];

/// How the ids of references start (what a back-link points at): never a note's id.
const REF_PREFIXES: [&str; 5] = [
    "fnref",
    "cite_ref",
    "user-content-fnref",
    "footnote-ref",
    "footnoteref",
];

/// The longest label kept; a longer id is not a note's.
const MAX_LABEL: usize = 48;

/// The label of the note whose id is `id` (`1` for `fn:1`, `cite_note-1`, `fn1`), written so
/// that it stands in a Markdown footnote label; `None` when the id is not a note's.
pub(super) fn label(id: &str) -> Option<String> {
    let lower = id.to_ascii_lowercase();
    if REF_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return None;
    }
    let prefix = NOTE_PREFIXES.iter().find(|p| lower.starts_with(*p))?;
    let rest = id[prefix.len()..].trim_start_matches(['-', '_', ':']);
    if rest.is_empty() || rest.len() > MAX_LABEL {
        return None;
    }
    let keep = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':');
    Some(
        rest.chars()
            .map(|c| if keep(c) { c } else { '-' })
            .collect(),
    )
}

/// The element's local name, empty for text.
fn name<'a>(dom: &Dom<'a>, j: usize) -> &'a str {
    dom.nodes[j].element.map_or("", |e| e.name())
}

/// Whether the element's class list has a class containing `word`.
fn class_has(dom: &Dom<'_>, j: usize, word: &str) -> bool {
    dom.attr(j, "class")
        .is_some_and(|c| c.split_ascii_whitespace().any(|c| c.contains(word)))
}

fn role_is(dom: &Dom<'_>, j: usize, role: &str) -> bool {
    dom.attr(j, "role").is_some_and(|r| r.trim() == role)
}

/// The [`Style::FootnoteRef`] of link `j` when it refers to a footnote.
pub(super) fn reference(dom: &Dom<'_>, j: usize) -> Option<Style> {
    let fragment = dom.attr(j, "href")?.trim().strip_prefix('#')?;
    let declared = role_is(dom, j, "doc-noteref") || epub_type(dom, j) == Some("noteref");
    let label = label(fragment).or_else(|| declared.then(|| plain_label(fragment)).flatten())?;
    let parent = dom.nodes[j].parent;
    let in_sup = parent < dom.len() && name(dom, parent) == "sup";
    let has_sup = (j + 1..dom.nodes[j].end).any(|k| name(dom, k) == "sup");
    let marked = declared || class_has(dom, j, "footnote");
    if !(in_sup || has_sup || marked) {
        return None;
    }
    let id = dom
        .attr(j, "id")
        .or_else(|| in_sup.then(|| dom.attr(parent, "id")).flatten())
        .map(|id| id.trim().to_owned())
        .filter(|id| !id.is_empty());
    Some(Style::FootnoteRef { label, id })
}

/// The [`Style::FootnoteNote`] of element `j` when it is a footnote: its id a note's, and it
/// or the list it is in marked as notes (`footnotes`, `references`, `doc-endnotes`), or it
/// holds a link back to its reference. An element other than a list item (an old blog's or
/// Pandoc's `<p id="fn1">`, an EPUB-style `<aside epub:type="footnote">`) needs a number in its
/// label, unless its role declares it a note, whose id is then its label whatever it is.
pub(super) fn note(dom: &Dom<'_>, j: usize) -> Option<Style> {
    let id = dom.attr(j, "id")?.trim();
    let declared = declared_note(dom, j);
    let label = label(id).or_else(|| declared.then(|| plain_label(id)).flatten())?;
    let item = dom.nodes[j].tag == Tag::Li;
    if !(item || declared || label.bytes().any(|b| b.is_ascii_digit())) {
        return None;
    }
    let marked = |k: usize| {
        class_has(dom, k, "footnote")
            || class_has(dom, k, "references")
            || class_has(dom, k, "reflist")
            || role_is(dom, k, "doc-endnotes")
    };
    let mut listed = declared || marked(j) || has_back_link(dom, j);
    let mut k = dom.nodes[j].parent;
    for _ in 0..3 {
        if listed || k >= dom.len() {
            break;
        }
        listed = marked(k);
        k = dom.nodes[k].parent;
    }
    listed.then(|| Style::FootnoteNote {
        label,
        id: id.to_owned(),
    })
}

/// Whether element `j`'s role or EPUB type says it is a footnote or an endnote.
pub(super) fn declared_note(dom: &Dom<'_>, j: usize) -> bool {
    ["doc-endnote", "doc-footnote"]
        .iter()
        .any(|r| role_is(dom, j, r))
        || epub_type(dom, j).is_some_and(|t| NOTE_TYPES.contains(&t))
}

/// The EPUB types of a note.
const NOTE_TYPES: [&str; 3] = ["footnote", "endnote", "rearnote"];

/// Element `j`'s `epub:type`, trimmed.
fn epub_type<'a>(dom: &Dom<'a>, j: usize) -> Option<&'a str> {
    let epub = dom.attr(j, "epub:type");
    epub.map(str::trim)
}

/// Nodes at the start of a note searched for its back-link (old blogs put it first).
const BACK_LINK_REACH: usize = 48;

/// Whether a link back to a reference is among the first nodes of element `j`.
fn has_back_link(dom: &Dom<'_>, j: usize) -> bool {
    let end = dom.nodes[j].end.min(j + BACK_LINK_REACH);
    (j + 1..end).any(|k| dom.nodes[k].tag == Tag::A && is_back(dom, k))
}

/// An id or fragment as it stands, written so that it stands in a Markdown footnote label.
fn plain_label(id: &str) -> Option<String> {
    let id = id.trim();
    if id.is_empty() || id.len() > MAX_LABEL {
        return None;
    }
    let keep = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':');
    Some(id.chars().map(|c| if keep(c) { c } else { '-' }).collect())
}

/// Whether element `j` is a note's link back to its reference, or the element holding its
/// back-links (MediaWiki's `^ a b`).
pub(super) fn is_back(dom: &Dom<'_>, j: usize) -> bool {
    match dom.nodes[j].tag {
        Tag::A => {
            let to_ref = dom
                .attr(j, "href")
                .and_then(|h| h.trim().strip_prefix('#'))
                .is_some_and(|f| {
                    let f = f.to_ascii_lowercase();
                    REF_PREFIXES.iter().any(|p| f.starts_with(p))
                });
            to_ref || class_has(dom, j, "backref") || role_is(dom, j, "doc-backlink")
        }
        Tag::Inline => class_has(dom, j, "cite-backlink"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Extraction, RenderOptions};

    /// Paragraphs of prose around a footnote reference, and the notes after them.
    fn page(reference: &str, notes: &str) -> String {
        format!(
            "<html><head><title>Tides | Harbour notes</title></head><body>\
             <nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav><article>\
             <h1>Tides</h1><p>The harbour sees two high waters a day, and the spring tides come \
             a day or two after the new and the full moon, when the sun and the moon pull in \
             line.{reference}</p><p>The range at the harbour mouth is about four metres at \
             springs and half that at neaps, which the pilots plan every departure around.</p>\
             {notes}</article><footer>Contact the harbour office.</footer></body></html>"
        )
    }

    fn extract(html: &str) -> Extraction {
        let config = Config {
            include_title: false,
            ..Config::default()
        };
        crate::extract(html, &config).expect("extracts")
    }

    /// The note text ([`NOTE`]) comes once in every output; the Markdown has the reference as
    /// `[^label]` after "line." and the note as its definition, without the back-link; the HTML
    /// keeps the links and the ids they point at.
    fn assert_footnote(html: &str, label: &str, href: &str, note_id: &str) {
        let page = extract(html);
        let options = RenderOptions::default();
        let (text, markdown, out) = (page.text(), page.markdown(&options), page.html(&options));
        for output in [&text, &markdown, &out] {
            assert_eq!(
                output.matches(NOTE).count(),
                1,
                "the note once in:\n{output}"
            );
        }
        assert!(
            markdown.contains(&format!("in line.[^{label}]\n")),
            "{markdown}"
        );
        assert!(
            markdown.contains(&format!("\n\n[^{label}]: {NOTE}\n")),
            "{markdown}"
        );
        assert!(
            !markdown.contains('↩') && !markdown.contains("ref"),
            "{markdown}"
        );
        assert!(out.contains(&format!("href=\"{href}\"")), "{out}");
        assert!(
            out.contains(&format!("<li id=\"{note_id}\">"))
                || out.contains(&format!("<p id=\"{note_id}\">")),
            "{out}"
        );
        assert!(text.contains(NOTE), "{text}");
    }

    const NOTE: &str = "Tide tables of the port authority, 2023 edition.";

    #[test]
    fn python_markdown_and_mkdocs_footnotes() {
        let html = page(
            r##"<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>"##,
            &format!(
                r##"<div class="footnote"><hr><ol><li id="fn:1"><p>{NOTE}&#160;<a
                class="footnote-backref" href="#fnref:1" title="Jump back">&#8617;</a></p></li>
                </ol></div>"##
            ),
        );
        assert_footnote(&html, "1", "#fn:1", "fn:1");
        assert!(extract(&html).text().contains("in line.1\n"));
    }

    #[test]
    fn mediawiki_citations() {
        let html = page(
            r##"<sup id="cite_ref-Tide_3-0" class="reference"><a href="#cite_note-Tide-3"><span
            class="cite-bracket">[</span>3<span class="cite-bracket">]</span></a></sup>"##,
            &format!(
                r##"<h2>References</h2><div class="reflist"><ol class="references"><li
                id="cite_note-Tide-3"><span class="mw-cite-backlink"><b><a
                href="#cite_ref-Tide_3-0">^</a></b></span> <span class="reference-text">{NOTE}</span>
                </li></ol></div>"##
            ),
        );
        assert_footnote(&html, "Tide-3", "#cite_note-Tide-3", "cite_note-Tide-3");
        let text = extract(&html).text();
        assert!(text.contains("in line.[3]\n"), "{text}");
    }

    #[test]
    fn pandoc_and_markdown_it_endnotes() {
        let html = page(
            r##"<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>"##,
            &format!(
                r##"<section class="footnotes" role="doc-endnotes"><hr><ol><li id="fn1"
                role="doc-endnote"><p>{NOTE}<a href="#fnref1" class="footnote-back"
                role="doc-backlink">↩︎</a></p></li></ol></section>"##
            ),
        );
        assert_footnote(&html, "1", "#fn1", "fn1");
        let out = extract(&html).html(&RenderOptions::default());
        assert!(
            out.contains(r##"<sup id="fnref1"><a href="#fn1">1</a></sup>"##),
            "{out}"
        );
    }

    const BLOG_REF: &str = r##"<sup><a href="#fn1" id="fnref1">1</a></sup>"##;

    #[test]
    fn an_old_blogs_paragraph_notes() {
        let html = page(
            BLOG_REF,
            &format!(
                r##"<hr><p id="fn1"><a href="#fnref1">1.</a> {NOTE}</p><p id="fn2"><a
                href="#fnref2">2.</a> The pilots' handbook.</p>"##
            ),
        );
        assert_footnote(&html, "1", "#fn1", "fn1");
    }

    /// Notes that are a bare link to their source are not dropped as link lists, nor as scraps
    /// after the article when precision is asked for.
    #[test]
    fn notes_that_are_links_stay() {
        let html = page(
            BLOG_REF,
            r##"<hr><p id="fn1"><a href="#fnref1">1.</a> <a
            href="https://example.org/tides">Tide tables of the port authority</a></p>"##,
        );
        for focus in [crate::Focus::Balanced, crate::Focus::Precision] {
            let config = Config {
                include_title: false,
                focus,
                ..Config::default()
            };
            let page = crate::extract(&html, &config).expect("extracts");
            let markdown = page.markdown(&RenderOptions::default());
            assert!(
                markdown.ends_with(
                    "[^1]: [Tide tables of the port authority](https://example.org/tides)\n"
                ),
                "{markdown}"
            );
        }
    }

    #[test]
    fn pandoc_notes_without_a_list() {
        for notes in [
            format!(r##"<div class="footnotes"><hr><div id="fn1"><p>{NOTE}</p></div></div>"##),
            format!(r##"<section class="footnotes"><hr><p id="fn1">{NOTE}</p></section>"##),
        ] {
            assert_footnote(&page(BLOG_REF, &notes), "1", "#fn1", "fn1");
        }
    }

    #[test]
    fn notes_declared_by_their_role_or_epub_type() {
        let epub = page(
            r##"<a epub:type="noteref" href="#n1" id="r1"><sup>1</sup></a>"##,
            &format!(r##"<aside epub:type="footnote" id="n1"><p>{NOTE}</p></aside>"##),
        );
        assert_footnote(&epub, "n1", "#n1", "n1");
        let aria = page(
            r##"<a role="doc-noteref" href="#note-1" id="ref-1"><sup>1</sup></a>"##,
            &format!(r##"<aside role="doc-footnote" id="note-1"><p>{NOTE}</p></aside>"##),
        );
        assert_footnote(&aria, "note-1", "#note-1", "note-1");
        let endnote = page(
            r##"<a role="doc-noteref" href="#en1"><sup>1</sup></a>"##,
            &format!(
                r##"<div role="doc-endnotes"><div role="doc-endnote" id="en1">{NOTE}</div></div>"##
            ),
        );
        assert_footnote(&endnote, "en1", "#en1", "en1");
    }

    #[test]
    fn a_section_of_notes_is_not_a_note() {
        let html = page(
            r##"<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>"##,
            &format!(
                r##"<section id="footnotes" class="footnotes"><ol><li id="fn:1"><p>{NOTE}</p></li></ol></section>"##
            ),
        );
        assert_footnote(&html, "1", "#fn:1", "fn:1");
    }

    #[test]
    fn short_notes_after_the_article_are_kept_with_their_later_paragraphs() {
        let html = page(
            r##"<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>
            and <a href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref"><sup>2</sup></a>"##,
            r##"<section class="footnotes" role="doc-endnotes"><hr><ol><li id="fn1"
            role="doc-endnote"><p>Port tables.</p><p>Second edition.</p></li><li id="fn2"
            role="doc-endnote"><p>Pilots' handbook.<a href="#fnref2" role="doc-backlink">↩︎</a></p>
            </li></ol></section>"##,
        );
        let markdown = extract(&html).markdown(&RenderOptions::default());
        assert!(
            markdown.ends_with(
                "[^1]: Port tables.\n\n    Second edition.\n\n[^2]: Pilots' handbook.\n"
            ),
            "{markdown}"
        );
    }

    #[test]
    fn a_reference_to_a_note_left_out_stays_a_link() {
        let html = page(
            r##"<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>"##,
            "",
        );
        let markdown = extract(&html).markdown(&RenderOptions::default());
        assert!(markdown.contains("in line.[1](#fn:1)\n"), "{markdown}");
    }

    #[test]
    fn a_link_to_a_section_is_not_a_footnote() {
        let html = page(
            r##" See <a href="#fn-table">the table</a>."##,
            r##"<ol><li id="fn-table">High water at dawn on the first day of the month.</li></ol>"##,
        );
        let markdown = extract(&html).markdown(&RenderOptions::default());
        assert!(markdown.contains("[the table](#fn-table)"), "{markdown}");
        assert!(!markdown.contains("[^"), "{markdown}");
    }

    #[test]
    fn labels_of_the_generators_ids() {
        assert_eq!(label("fn:1").as_deref(), Some("1"));
        assert_eq!(label("fn1").as_deref(), Some("1"));
        assert_eq!(
            label("cite_note-Smith2001-3").as_deref(),
            Some("Smith2001-3")
        );
        assert_eq!(label("user-content-fn-note").as_deref(), Some("note"));
        assert_eq!(label("footnote-2").as_deref(), Some("2"));
        assert_eq!(label("fnref:1"), None);
        assert_eq!(label("cite_ref-1"), None);
        assert_eq!(label("section-2"), None);
        assert_eq!(label("fn"), None);
    }
}
