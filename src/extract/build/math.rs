//! Formulas as their TeX: found once over the page, read by the walk in their place.
//!
//! A formula reaches the page in one of a few shapes, each with its TeX somewhere in it:
//! MathML (`<math>`, its TeX annotation or a conversion, [`super::mathml`]); KaTeX (a
//! `span.katex` holding that MathML beside an `aria-hidden` rendering); MathJax 3 (an
//! `<mjx-container>` with assistive MathML); MathJax 2 (the TeX in `<script type="math/tex">`,
//! after a preview and a rendered frame, which are the same formula again and are left out with
//! their reason); Wikipedia (a `span.mwe-math-element` with MathML and an image whose `alt` is
//! the TeX); and TeX still in its delimiters in the text (`\(..\)`, `\[..\]`, and `$$..$$` and
//! `$..$` on a page that loads MathJax or KaTeX), read by [`split_delimited`].

use rustc_hash::FxHashMap;

use crate::dom::{Dom, Tag};
use crate::extract::build::mathml::{self, name};

/// One formula: its TeX, whether it is displayed on its own line, and its MathML, when it had
/// some, for the HTML output.
#[derive(Debug, Clone)]
pub(crate) struct Formula {
    pub tex: String,
    pub display: bool,
    pub mathml: Option<String>,
}

/// The formulas of a page by the node that stands for each, and the renderings left out.
#[derive(Debug, Default)]
pub(crate) struct Formulas {
    pub at: FxHashMap<usize, Formula>,
    /// Nodes that render a formula kept from its source, with what they are.
    pub renderings: FxHashMap<usize, &'static str>,
    /// Whether the page loads MathJax or KaTeX, so that `$..$` in its text is TeX.
    pub dollars: bool,
    /// Whether a text of the page holds `\(` or `\[`.
    pub delimited: bool,
}

impl Formulas {
    /// Whether the page has no formula in any form.
    pub(crate) fn is_empty(&self) -> bool {
        self.at.is_empty() && self.renderings.is_empty() && !self.dollars && !self.delimited
    }
}

/// What a MathJax 2 rendering left out beside the script that holds its TeX is.
pub(crate) const MATHJAX_RENDERING: &str = "the MathJax rendering of a formula";

/// Finds the formulas of the page in one pass over its elements.
pub(crate) fn find(dom: &Dom<'_>) -> Formulas {
    let mut formulas = Formulas::default();
    let mut i = 0;
    while i < dom.len() {
        let node = &dom.nodes[i];
        if node.tag == Tag::Text {
            formulas.delimited = formulas.delimited || opens_delimited(node.text);
            i += 1;
            continue;
        }
        if !may_be_formula(dom, i) {
            i += 1;
            continue;
        }
        let tag = name(dom, i);
        if tag == "script" {
            formulas.dollars |= dom
                .attr(i, "src")
                .is_some_and(|s| s.to_ascii_lowercase().contains("mathjax") || s.contains("katex"));
        }
        match formula(dom, i, tag) {
            Found::Formula(formula) => {
                formulas.at.insert(i, formula);
            }
            Found::Rendering => {
                formulas.renderings.insert(i, MATHJAX_RENDERING);
            }
            Found::Nothing => {
                i += 1;
                continue;
            }
        }
        i = node.end;
    }
    formulas
}

/// Whether `text` holds `\(` or `\[`, which open a formula written in delimiters.
fn opens_delimited(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'\\', bytes).any(|k| matches!(bytes.get(k + 1), Some(b'(' | b'[')))
}

/// Whether element `i` can be a formula or a formula's rendering at all, as [`formula`] reads
/// them: scripts, `<math>` and images by their tag; a `span`, `div` or custom element only with
/// a class that names MathJax, KaTeX or math, or as MathJax 3's `<mjx-container>`. Most elements
/// of a page are none of these, and are passed over without reading their names and classes.
fn may_be_formula(dom: &Dom<'_>, i: usize) -> bool {
    match dom.nodes[i].tag {
        Tag::Void | Tag::Img => true,
        Tag::Div | Tag::Inline => {
            dom.attr(i, "class").is_some_and(names_formula) || name(dom, i) == "mjx-container"
        }
        _ => false,
    }
}

/// Whether a class list holds `math`, `Math`, `katex` or `MJX` anywhere: one scan for the three
/// first letters, most class lists having none where a word could start.
fn names_formula(class: &str) -> bool {
    let b = class.as_bytes();
    memchr::memchr3_iter(b'm', b'M', b'k', b).any(|k| {
        let rest = &b[k..];
        match rest[0] {
            b'm' => rest.starts_with(b"math"),
            b'M' => rest.starts_with(b"Math") || rest.starts_with(b"MJX"),
            _ => rest.starts_with(b"katex"),
        }
    })
}

enum Found {
    Formula(Formula),
    Rendering,
    Nothing,
}

/// What element `i`, named `tag`, is of a formula.
fn formula(dom: &Dom<'_>, i: usize, tag: &str) -> Found {
    let class = || dom.attr(i, "class").unwrap_or("");
    let has = |word: &str| class().split_ascii_whitespace().any(|c| c == word);
    let found = match tag {
        "math" => Some(of_math(dom, i, display_attr(dom, i))),
        "script" => dom
            .attr(i, "type")
            .map(str::to_ascii_lowercase)
            .filter(|t| t.trim_start().starts_with("math/tex"))
            .map(|t| Formula {
                tex: crate::text::collapse_whitespace(&dom.text_of(i, |_| false)),
                display: t.contains("mode=display"),
                mathml: None,
            }),
        "mjx-container" => inner_math(dom, i, dom.attr(i, "display") == Some("true")),
        "span" | "div" if has("katex-display") => inner_math(dom, i, true),
        "span" if has("katex") => inner_math(dom, i, false),
        "span" | "div" if has("mwe-math-element") => {
            let display = dom.attr(i, "class").is_some_and(|c| c.contains("display"))
                || (i..dom.nodes[i].end).any(|k| {
                    dom.attr(k, "class")
                        .is_some_and(|c| c.contains("mwe-math-mathml-display"))
                });
            inner_math(dom, i, display).or_else(|| fallback_image(dom, i, display))
        }
        "img" if class().contains("mwe-math-fallback-image") || has("tex") || has("latex") => {
            alt_tex(dom, i, class().contains("display"))
        }
        "span" | "div" if is_mathjax_frame(class()) => {
            return if next_script_is_tex(dom, i) {
                Found::Rendering
            } else {
                inner_math(dom, i, class().contains("Display"))
                    .map_or(Found::Nothing, Found::Formula)
            };
        }
        _ => None,
    };
    match found {
        Some(formula) if !formula.tex.is_empty() => Found::Formula(formula),
        _ => Found::Nothing,
    }
}

/// Whether a `<math>` says it is displayed.
fn display_attr(dom: &Dom<'_>, math: usize) -> bool {
    dom.attr(math, "display")
        .is_some_and(|d| d.trim().eq_ignore_ascii_case("block"))
        || dom.attr(math, "mode") == Some("display")
}

fn of_math(dom: &Dom<'_>, math: usize, display: bool) -> Formula {
    let tex = mathml::tex(dom, math);
    let mathml = Some(mathml::serialize(dom, math, display, &tex));
    Formula {
        tex,
        display,
        mathml,
    }
}

/// The formula of the first `<math>` inside element `i`.
fn inner_math(dom: &Dom<'_>, i: usize, display: bool) -> Option<Formula> {
    let math = (i + 1..dom.nodes[i].end).find(|&k| name(dom, k) == "math")?;
    Some(of_math(dom, math, display || display_attr(dom, math)))
}

/// The formula of the first image inside `i` whose `alt` is TeX.
fn fallback_image(dom: &Dom<'_>, i: usize, display: bool) -> Option<Formula> {
    let img = (i + 1..dom.nodes[i].end).find(|&k| dom.nodes[k].tag == Tag::Img)?;
    alt_tex(dom, img, display)
}

fn alt_tex(dom: &Dom<'_>, img: usize, display: bool) -> Option<Formula> {
    let alt = crate::text::collapse_whitespace(dom.attr(img, "alt")?);
    let tex = mathml::unwrap_display_style(&alt);
    let tex = tex
        .strip_prefix("$$")
        .and_then(|t| t.strip_suffix("$$"))
        .or_else(|| tex.strip_prefix('$').and_then(|t| t.strip_suffix('$')))
        .unwrap_or(tex)
        .trim();
    Some(Formula {
        tex: tex.to_owned(),
        display,
        mathml: None,
    })
}

/// Whether a class attribute names a MathJax 2 preview or rendering of a formula.
fn is_mathjax_frame(class: &str) -> bool {
    class.split_ascii_whitespace().any(|c| {
        matches!(
            c,
            "MathJax_Preview"
                | "MathJax"
                | "MathJax_Display"
                | "MathJax_SVG"
                | "MathJax_SVG_Display"
                | "MathJax_CHTML"
                | "MathJax_MathML"
                | "MJXc-display"
        )
    })
}

/// Whether the elements after `i`, up to the first that is not a MathJax frame, end with a
/// `<script type="math/tex">`: then `i` renders the TeX that script holds.
fn next_script_is_tex(dom: &Dom<'_>, i: usize) -> bool {
    let parent = dom.nodes[i].parent;
    let mut k = dom.nodes[i].end;
    for _ in 0..8 {
        if k >= dom.len() || dom.nodes[k].parent != parent {
            return false;
        }
        if dom.nodes[k].tag == Tag::Text {
            if !crate::text::is_blank(dom.nodes[k].text) {
                return false;
            }
        } else if name(dom, k) == "script" {
            return dom
                .attr(k, "type")
                .is_some_and(|t| t.to_ascii_lowercase().trim_start().starts_with("math/tex"));
        } else if !is_mathjax_frame(dom.attr(k, "class").unwrap_or("")) {
            return false;
        }
        k = dom.nodes[k].end;
    }
    false
}

/// A piece of a text node: text as it stands, or a formula in its delimiters.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    Text(&'a str),
    Tex { tex: &'a str, display: bool },
}

/// Cuts `text` at the TeX written in delimiters in it: `\(..\)`, `\[..\]`, and, when `dollars`,
/// `$$..$$` and `$..$` (opening `$` before a non-space, closing `$` after one and not before a
/// digit, as Pandoc reads it). One pass; `None` when there is none.
pub(crate) fn split_delimited(text: &str, dollars: bool) -> Option<Vec<Piece<'_>>> {
    if !(text.contains("\\(") || text.contains("\\[") || text.contains('$')) {
        return None;
    }
    let b = text.as_bytes();
    let mut pieces = Vec::new();
    let (mut from, mut i) = (0, 0);
    while i < b.len() {
        let found = match (b[i], b.get(i + 1)) {
            (b'\\', Some(b'(')) => closing(text, i + 2, "\\)").map(|e| (i + 2, e, e + 2, false)),
            (b'\\', Some(b'[')) => closing(text, i + 2, "\\]").map(|e| (i + 2, e, e + 2, true)),
            (b'\\', _) => {
                i += 2;
                continue;
            }
            (b'$', Some(b'$')) if dollars => {
                closing(text, i + 2, "$$").map(|e| (i + 2, e, e + 2, true))
            }
            (b'$', Some(c)) if dollars && !c.is_ascii_whitespace() => {
                closing_dollar(b, i + 1).map(|e| (i + 1, e, e + 1, false))
            }
            _ => None,
        };
        match found {
            // TeX names something: a letter or a command.
            Some((start, end, after, display))
                if text[start..end]
                    .chars()
                    .any(|c| c.is_alphabetic() || c == '\\') =>
            {
                if from < i {
                    pieces.push(Piece::Text(&text[from..i]));
                }
                pieces.push(Piece::Tex {
                    tex: text[start..end].trim(),
                    display,
                });
                from = after;
                i = after;
            }
            _ => {
                i += if b[i] == b'$' && b.get(i + 1) == Some(&b'$') {
                    2
                } else {
                    1
                }
            }
        }
    }
    if pieces.is_empty() {
        return None;
    }
    if from < text.len() {
        pieces.push(Piece::Text(&text[from..]));
    }
    Some(pieces)
}

/// Where `close` first appears in `text` from `from`.
fn closing(text: &str, from: usize, close: &str) -> Option<usize> {
    text[from..].find(close).map(|e| from + e)
}

/// The closing `$` of an inline formula opened before `from`: after a non-space, not escaped,
/// not before a digit.
fn closing_dollar(b: &[u8], from: usize) -> Option<usize> {
    let mut k = from;
    while k < b.len() {
        match b[k] {
            b'\\' => k += 1,
            b'$' => {
                let after_space = b[k - 1].is_ascii_whitespace();
                let before_digit = b.get(k + 1).is_some_and(u8::is_ascii_digit);
                return (!after_space && !before_digit && k > from).then_some(k);
            }
            _ => {}
        }
        k += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_classes_are_found_anywhere_in_the_list() {
        for class in [
            "math",
            "inline-math",
            "MathJax_Display",
            "katex-display",
            "MJX-TEX",
            "xmath",
        ] {
            assert!(names_formula(class), "{class}");
        }
        for class in ["", "menu mark", "MATH", "kate", "Mat", "mjx", "ka tex", "m"] {
            assert!(!names_formula(class), "{class}");
        }
    }

    fn tex_of(text: &str, dollars: bool) -> Vec<(String, bool)> {
        split_delimited(text, dollars)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|p| match p {
                Piece::Tex { tex, display } => Some((tex.to_owned(), display)),
                Piece::Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn delimiters_in_text_are_read_as_tex() {
        assert_eq!(
            tex_of(r"so \(a^2 + b^2\) and \[ \int_0^1 x\,dx \] hold", false),
            vec![
                ("a^2 + b^2".to_owned(), false),
                (r"\int_0^1 x\,dx".to_owned(), true)
            ]
        );
        assert_eq!(
            tex_of("where $$E = mc^2$$ and $x_i$ is", true),
            vec![("E = mc^2".to_owned(), true), ("x_i".to_owned(), false)]
        );
    }

    #[test]
    fn prices_are_not_formulas() {
        for text in [
            "It costs $5 and $10 a month",
            "from $5-$10",
            "pay $20, or $ 30",
            "only one $ sign",
            "Price range: $$-$$$",
        ] {
            assert!(split_delimited(text, true).is_none(), "{text}");
        }
        assert!(split_delimited("$x$ without a math script", false).is_none());
    }
}
