//! MathML read as TeX: the TeX annotation a formula carries (`<annotation encoding=
//! "application/x-tex">`, LaTeXML's and Wikipedia's `alttext`), else a conversion of its
//! presentation elements; and the MathML itself, written again for the HTML output.
//!
//! Both are one pass over the `<math>` subtree, without recursion: the conversion builds each
//! element's TeX from its children's, in reverse document order.

use crate::dom::{Dom, Tag};
use crate::text::escape_html;

/// A formula's elements past this many are not converted (its text is taken as it stands).
const MAX_CONVERTED_NODES: usize = 20_000;

/// The tag name of element `i` (empty for text).
pub(super) fn name<'a>(dom: &Dom<'a>, i: usize) -> &'a str {
    dom.nodes[i].element.map_or("", |e| e.name())
}

/// The TeX of the `<math>` element `math`.
pub(super) fn tex(dom: &Dom<'_>, math: usize) -> String {
    let end = dom.nodes[math].end;
    for k in math + 1..end {
        if name(dom, k) == "annotation"
            && dom.attr(k, "encoding").is_some_and(|e| {
                let e = e.to_ascii_lowercase();
                e.contains("tex") && !e.contains("mathml")
            })
        {
            let tex = dom.text_of(k, |_| false);
            if !tex.is_empty() {
                return unwrap_display_style(&tex).to_owned();
            }
        }
    }
    if let Some(alt) = dom
        .attr(math, "alttext")
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        return unwrap_display_style(&crate::text::collapse_whitespace(alt)).to_owned();
    }
    if end - math > MAX_CONVERTED_NODES {
        return dom.text_of(math, |_| false);
    }
    convert(dom, math)
}

/// `X` for Wikipedia's `{\displaystyle X}`, which only says how the formula was typeset.
pub(super) fn unwrap_display_style(tex: &str) -> &str {
    let inner = tex
        .strip_prefix("{\\displaystyle ")
        .or_else(|| tex.strip_prefix("{\\textstyle "))
        .and_then(|t| t.strip_suffix('}'));
    match inner {
        // Only when the braces are the wrapper's own: `{\displaystyle a}{b}` keeps them.
        Some(inner) if balanced(inner) => inner.trim(),
        _ => tex,
    }
}

/// Whether every `{` of `tex` is closed in it and no `}` closes one from outside.
fn balanced(tex: &str) -> bool {
    let mut depth = 0i32;
    let mut escaped = false;
    for c in tex.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// The TeX of the presentation MathML under `math`: each element's from its children's.
fn convert(dom: &Dom<'_>, math: usize) -> String {
    let end = dom.nodes[math].end;
    let mut done: Vec<Option<String>> = vec![None; end - math];
    for k in (math..end).rev() {
        let tex = if dom.nodes[k].tag == Tag::Text {
            dom.nodes[k].text.to_owned()
        } else {
            let mut parts = Vec::new();
            let mut c = k + 1;
            while c < dom.nodes[k].end {
                let part = done[c - math].take().unwrap_or_default();
                // Whitespace between elements is not an argument of a script or fraction.
                if dom.nodes[c].tag != Tag::Text || !part.trim().is_empty() {
                    parts.push(part);
                }
                c = dom.nodes[c].end;
            }
            element(dom, k, parts)
        };
        done[k - math] = Some(tex);
    }
    let tex = done[0].take().unwrap_or_default();
    crate::text::collapse_whitespace(&tex)
}

/// The TeX of element `k` from its children's.
fn element(dom: &Dom<'_>, k: usize, parts: Vec<String>) -> String {
    let text = || parts.concat().trim().to_owned();
    let arg = |n: usize| parts.get(n).map_or("", |p| p.trim());
    match name(dom, k) {
        "mi" => identifier(&text(), dom.attr(k, "mathvariant")),
        "mn" => text(),
        "mo" => operator(&text()),
        "mtext" | "ms" => {
            let t = text();
            if t.is_empty() {
                String::new()
            } else {
                format!("\\text{{{t}}}")
            }
        }
        "mspace" => " ".to_owned(),
        "msup" => format!("{}^{{{}}}", base(arg(0)), arg(1)),
        "msub" => format!("{}_{{{}}}", base(arg(0)), arg(1)),
        "msubsup" => format!("{}_{{{}}}^{{{}}}", base(arg(0)), arg(1), arg(2)),
        "mfrac" => format!("\\frac{{{}}}{{{}}}", arg(0), arg(1)),
        "msqrt" => format!("\\sqrt{{{}}}", join(&parts)),
        "mroot" => format!("\\sqrt[{}]{{{}}}", arg(1), arg(0)),
        "mover" => over(arg(0), arg(1), dom.attr(k, "accent")),
        "munder" => under(arg(0), arg(1)),
        "munderover" => format!("{}_{{{}}}^{{{}}}", base(arg(0)), arg(1), arg(2)),
        "mfenced" => {
            let open = dom.attr(k, "open").unwrap_or("(");
            let close = dom.attr(k, "close").unwrap_or(")");
            let sep = dom.attr(k, "separators").unwrap_or(",").trim();
            let sep = sep.chars().next().map_or(String::new(), |c| c.to_string());
            let inner: Vec<&str> = parts.iter().map(|p| p.trim()).collect();
            format!(
                "\\left{} {} \\right{}",
                fence(open),
                inner.join(&sep),
                fence(close)
            )
        }
        "mtable" => format!(
            "\\begin{{matrix}} {} \\end{{matrix}}",
            parts
                .iter()
                .map(|p| p.trim())
                .collect::<Vec<_>>()
                .join(" \\\\ ")
        ),
        "mtr" | "mlabeledtr" => parts
            .iter()
            .map(|p| p.trim())
            .collect::<Vec<_>>()
            .join(" & "),
        "menclose" if dom.attr(k, "notation").is_some_and(|n| n.contains("box")) => {
            format!("\\boxed{{{}}}", join(&parts))
        }
        // Annotations are not rendered; `semantics` shows its first child.
        "annotation" | "annotation-xml" => String::new(),
        "semantics" | "maction" => arg(0).to_owned(),
        "mphantom" => String::new(),
        _ => join(&parts),
    }
}

/// Children's TeX one after another, a space between two (TeX reads past it; a reader's eye
/// and a word count need it).
fn join(parts: &[String]) -> String {
    let mut out = String::new();
    for part in parts {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// Whether `tex` ends with a control word (`\alpha`), which a letter after it would lengthen.
fn ends_with_control_word(tex: &str) -> bool {
    let letters = tex
        .bytes()
        .rev()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    letters > 0 && tex[..tex.len() - letters].ends_with('\\')
}

/// A script's base: braced unless it is one symbol or one command.
fn base(tex: &str) -> String {
    let one_char = tex.chars().count() == 1;
    let command = tex.starts_with('\\') && tex[1..].chars().all(|c| c.is_ascii_alphabetic());
    if one_char || command || tex.is_empty() {
        tex.to_owned()
    } else {
        format!("{{{tex}}}")
    }
}

/// A fence character as `\left`/`\right` take it.
fn fence(c: &str) -> &str {
    match c.trim() {
        "" => ".",
        "{" => "\\{",
        "}" => "\\}",
        "⟨" | "〈" => "\\langle",
        "⟩" | "〉" => "\\rangle",
        "‖" => "\\|",
        c => c,
    }
}

/// An accent or limit over `base`.
fn over(base_tex: &str, over: &str, accent: Option<&str>) -> String {
    let command = match over {
        "^" | "ˆ" | "\\hat" => Some("\\hat"),
        "~" | "˜" | "\\sim" => Some("\\tilde"),
        "¯" | "‾" | "_" | "−" | "-" => Some("\\overline"),
        "\\to" | "\\rightarrow" | "⃗" => Some("\\vec"),
        "˙" | "." | "\\cdot" => Some("\\dot"),
        "¨" | ".." => Some("\\ddot"),
        "⏞" | "︷" => Some("\\overbrace"),
        _ => None,
    };
    match command {
        Some(command) => format!("{command}{{{base_tex}}}"),
        None if big_operator(base_tex) || accent.is_some_and(|a| a.trim() == "false") => {
            format!("{}^{{{over}}}", base(base_tex))
        }
        None => format!("\\overset{{{over}}}{{{base_tex}}}"),
    }
}

/// A limit or accent under `base`.
fn under(base_tex: &str, under: &str) -> String {
    match under {
        "_" | "¯" | "‾" | "−" => format!("\\underline{{{base_tex}}}"),
        "⏟" | "︸" => format!("\\underbrace{{{base_tex}}}"),
        _ if big_operator(base_tex) => format!("{}_{{{under}}}", base(base_tex)),
        _ => format!("\\underset{{{under}}}{{{base_tex}}}"),
    }
}

/// Whether `tex` is an operator whose limits go under and over it.
fn big_operator(tex: &str) -> bool {
    matches!(
        tex,
        "\\sum"
            | "\\prod"
            | "\\coprod"
            | "\\int"
            | "\\oint"
            | "\\bigcup"
            | "\\bigcap"
            | "\\lim"
            | "\\max"
            | "\\min"
            | "\\sup"
            | "\\inf"
            | "\\limsup"
            | "\\liminf"
            | "\\det"
    )
}

/// An identifier: a known function name as its command, a letter as its command or itself.
fn identifier(text: &str, variant: Option<&str>) -> String {
    const FUNCTIONS: &[&str] = &[
        "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "arcsin", "arccos",
        "arctan", "log", "ln", "lg", "exp", "lim", "max", "min", "sup", "inf", "det", "dim", "ker",
        "deg", "gcd", "arg", "Pr", "limsup", "liminf",
    ];
    if FUNCTIONS.contains(&text) {
        return format!("\\{text}");
    }
    let mut chars = text.chars();
    let tex = match (chars.next(), chars.next()) {
        (Some(c), None) => symbol(c).map_or_else(|| c.to_string(), str::to_owned),
        (Some(_), Some(_)) => format!("\\mathrm{{{text}}}"),
        _ => String::new(),
    };
    match variant.map(str::trim) {
        Some("bold") => format!("\\mathbf{{{tex}}}"),
        Some("double-struck") => format!("\\mathbb{{{tex}}}"),
        Some("script") => format!("\\mathcal{{{tex}}}"),
        Some("fraktur") => format!("\\mathfrak{{{tex}}}"),
        _ => tex,
    }
}

/// An operator: each character as its command where TeX has one.
fn operator(text: &str) -> String {
    if text == "lim" || text == "max" || text == "min" || text == "sup" || text == "inf" {
        return format!("\\{text}");
    }
    let mut out = String::new();
    for c in text.chars() {
        let piece = match c {
            // Function application and invisible times and separator: nothing to write.
            '\u{2061}'..='\u{2064}' => "",
            '{' => "\\{",
            '}' => "\\}",
            c => match symbol(c) {
                Some(command) => command,
                None => {
                    out.push(c);
                    continue;
                }
            },
        };
        if ends_with_control_word(&out) && piece.starts_with(|c: char| c.is_ascii_alphabetic()) {
            out.push(' ');
        }
        out.push_str(piece);
    }
    out
}

/// The TeX command of a symbol MathML writes as a character.
fn symbol(c: char) -> Option<&'static str> {
    greek(c).or_else(|| operator_symbol(c))
}

/// The TeX command of a Greek letter.
fn greek(c: char) -> Option<&'static str> {
    const GREEK: &[(char, &str)] = &[
        ('α', "\\alpha"),
        ('β', "\\beta"),
        ('γ', "\\gamma"),
        ('δ', "\\delta"),
        ('ε', "\\epsilon"),
        ('ϵ', "\\epsilon"),
        ('ζ', "\\zeta"),
        ('η', "\\eta"),
        ('θ', "\\theta"),
        ('ϑ', "\\vartheta"),
        ('ι', "\\iota"),
        ('κ', "\\kappa"),
        ('λ', "\\lambda"),
        ('μ', "\\mu"),
        ('ν', "\\nu"),
        ('ξ', "\\xi"),
        ('π', "\\pi"),
        ('ρ', "\\rho"),
        ('σ', "\\sigma"),
        ('τ', "\\tau"),
        ('υ', "\\upsilon"),
        ('φ', "\\phi"),
        ('ϕ', "\\phi"),
        ('χ', "\\chi"),
        ('ψ', "\\psi"),
        ('ω', "\\omega"),
        ('Γ', "\\Gamma"),
        ('Δ', "\\Delta"),
        ('Θ', "\\Theta"),
        ('Λ', "\\Lambda"),
        ('Ξ', "\\Xi"),
        ('Π', "\\Pi"),
        ('Σ', "\\Sigma"),
        ('Φ', "\\Phi"),
        ('Ψ', "\\Psi"),
        ('Ω', "\\Omega"),
    ];
    GREEK
        .iter()
        .find(|(s, _)| *s == c)
        .map(|(_, command)| *command)
}

/// The TeX command of an operator or other symbol.
fn operator_symbol(c: char) -> Option<&'static str> {
    const OPERATORS: &[(char, &str)] = &[
        ('∑', "\\sum"),
        ('∏', "\\prod"),
        ('∫', "\\int"),
        ('∮', "\\oint"),
        ('∞', "\\infty"),
        ('∂', "\\partial"),
        ('∇', "\\nabla"),
        ('±', "\\pm"),
        ('∓', "\\mp"),
        ('×', "\\times"),
        ('÷', "\\div"),
        ('·', "\\cdot"),
        ('⋅', "\\cdot"),
        ('∘', "\\circ"),
        ('−', "-"),
        ('≤', "\\leq"),
        ('≥', "\\geq"),
        ('≠', "\\neq"),
        ('≈', "\\approx"),
        ('≡', "\\equiv"),
        ('∼', "\\sim"),
        ('≃', "\\simeq"),
        ('∝', "\\propto"),
        ('∈', "\\in"),
        ('∉', "\\notin"),
        ('⊂', "\\subset"),
        ('⊆', "\\subseteq"),
        ('⊃', "\\supset"),
        ('⊇', "\\supseteq"),
        ('∪', "\\cup"),
        ('∩', "\\cap"),
        ('∅', "\\emptyset"),
        ('∀', "\\forall"),
        ('∃', "\\exists"),
        ('¬', "\\neg"),
        ('∧', "\\wedge"),
        ('∨', "\\vee"),
        ('→', "\\to"),
        ('←', "\\leftarrow"),
        ('↔', "\\leftrightarrow"),
        ('⇒', "\\Rightarrow"),
        ('⇐', "\\Leftarrow"),
        ('⇔', "\\Leftrightarrow"),
        ('↦', "\\mapsto"),
        ('…', "\\ldots"),
        ('⋯', "\\cdots"),
        ('⋮', "\\vdots"),
        ('⋱', "\\ddots"),
        ('′', "'"),
        ('″', "''"),
        ('⟨', "\\langle"),
        ('⟩', "\\rangle"),
        ('ℝ', "\\mathbb{R}"),
        ('ℕ', "\\mathbb{N}"),
        ('ℤ', "\\mathbb{Z}"),
        ('ℚ', "\\mathbb{Q}"),
        ('ℂ', "\\mathbb{C}"),
        ('ℓ', "\\ell"),
        ('ℏ', "\\hbar"),
        ('⊗', "\\otimes"),
        ('⊕', "\\oplus"),
        ('†', "\\dagger"),
        ('°', "^\\circ"),
    ];
    OPERATORS
        .iter()
        .find(|(s, _)| *s == c)
        .map(|(_, command)| *command)
}

/// The MathML elements written again (no HTML name among them, which would end the formula).
pub(super) const ELEMENTS: &[&str] = &[
    "mi",
    "mn",
    "mo",
    "mtext",
    "ms",
    "mspace",
    "mrow",
    "mfrac",
    "msqrt",
    "mroot",
    "mstyle",
    "merror",
    "mpadded",
    "mphantom",
    "mfenced",
    "menclose",
    "msub",
    "msup",
    "msubsup",
    "munder",
    "mover",
    "munderover",
    "mmultiscripts",
    "mprescripts",
    "none",
    "mtable",
    "mtr",
    "mlabeledtr",
    "mtd",
    "maction",
];

/// The attributes of those elements written again: the ones that change how they render.
pub(super) const ATTRIBUTES: &[&str] = &[
    "mathvariant",
    "accent",
    "accentunder",
    "stretchy",
    "fence",
    "separator",
    "linethickness",
    "columnalign",
    "open",
    "close",
    "separators",
    "notation",
    "largeop",
    "movablelimits",
];

/// The MathML of `math` written again for the HTML output: its presentation elements (those of
/// [`ELEMENTS`], with the attributes of [`ATTRIBUTES`]) and `tex` as its TeX annotation, which
/// the text output writes.
pub(super) fn serialize(dom: &Dom<'_>, math: usize, display: bool, tex: &str) -> String {
    let mut out = String::from(if display {
        "<math display=\"block\"><semantics><mrow>"
    } else {
        "<math display=\"inline\"><semantics><mrow>"
    });
    let mut open: Vec<(usize, &str)> = Vec::new();
    let mut k = math + 1;
    while k < dom.nodes[math].end {
        while let Some(&(_, tag)) = open.last().filter(|(end, _)| k >= *end) {
            close_tag(&mut out, tag);
            open.pop();
        }
        if dom.nodes[k].tag == Tag::Text {
            escape_html(&mut out, dom.nodes[k].text, true);
            k += 1;
            continue;
        }
        let tag = name(dom, k);
        if tag.starts_with("annotation") {
            k = dom.nodes[k].end;
            continue;
        }
        if let Some(&tag) = ELEMENTS.iter().find(|&&e| e == tag) {
            out.push('<');
            out.push_str(tag);
            for attribute in ATTRIBUTES {
                if let Some(value) = dom.attr(k, attribute) {
                    out.push(' ');
                    out.push_str(attribute);
                    out.push_str("=\"");
                    escape_html(&mut out, value, true);
                    out.push('"');
                }
            }
            out.push('>');
            open.push((dom.nodes[k].end, tag));
        }
        k += 1;
    }
    while let Some((_, tag)) = open.pop() {
        close_tag(&mut out, tag);
    }
    out.push_str("</mrow><annotation encoding=\"application/x-tex\">");
    escape_html(&mut out, tex, true);
    out.push_str("</annotation></semantics></math>");
    out
}

fn close_tag(out: &mut String, tag: &str) {
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

#[cfg(test)]
mod tests {
    use super::unwrap_display_style;
    use crate::{Config, RenderOptions};

    #[test]
    fn wikipedias_style_wrapper_is_unwrapped() {
        assert_eq!(
            unwrap_display_style(r"{\displaystyle H={\frac {n}{\sum _{i=1}^{n}x_{i}}}}"),
            r"H={\frac {n}{\sum _{i=1}^{n}x_{i}}}"
        );
        assert_eq!(unwrap_display_style(r"{\textstyle x_{1}}"), "x_{1}");
        // Braces that are not the wrapper's own stay.
        assert_eq!(
            unwrap_display_style(r"{\displaystyle a}{\displaystyle b}"),
            r"{\displaystyle a}{\displaystyle b}"
        );
        assert_eq!(unwrap_display_style(r"\frac{1}{2}"), r"\frac{1}{2}");
    }

    /// A MediaWiki formula as the wiki serves it: MathML with its `alttext` and TeX annotation
    /// wrapped in `\displaystyle`, and the fallback image with the same `alt`.
    #[test]
    fn a_wikipedia_formula_is_its_tex_in_every_output() {
        let formula = r#"<span class="mwe-math-element"><span class="mwe-math-mathml-inline
            mwe-math-mathml-a11y" style="display: none;"><math xmlns="http://www.w3.org/1998/Math/MathML"
            alttext="{\displaystyle A=A^{\mathsf {H}}}"><semantics><mrow><mi>A</mi><mo>=</mo><msup><mi>A</mi><mrow><mi
            mathvariant="sans-serif">H</mi></mrow></msup></mrow><annotation
            encoding="application/x-tex">{\displaystyle A=A^{\mathsf {H}}}</annotation></semantics></math></span><img
            src="https://wikimedia.org/api/rest_v1/media/math/render/svg/abc" class="mwe-math-fallback-image-inline"
            aria-hidden="true" alt="{\displaystyle A=A^{\mathsf {H}}}"></span>"#;
        let html = format!(
            "<html><head><title>Hermitian matrix - Wikipedia</title></head><body><div \
             id=\"mw-content-text\"><p>A square matrix is Hermitian when it equals its own \
             conjugate transpose, which is written {formula} in the notation of the article, \
             and its eigenvalues are then all real numbers.</p><p>Hermitian matrices are named \
             after Charles Hermite, who showed in 1855 that they share this property with the \
             real symmetric matrices.</p></div></body></html>"
        );
        let page = crate::extract(&html, &Config::default()).expect("extracts");
        let options = RenderOptions::default();
        let tex = r"A=A^{\mathsf {H}}";
        assert!(page.text().contains(&format!("written {tex} in")));
        let markdown = page.markdown(&options);
        assert!(
            markdown.contains(&format!("written ${tex}$ in")),
            "{markdown}"
        );
        let out = page.html(&options);
        assert!(out.contains(&format!(">{tex}</annotation>")), "{out}");
        for output in [page.text(), markdown, out] {
            assert!(!output.contains("displaystyle"), "{output}");
        }
    }
}
