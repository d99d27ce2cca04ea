//! Before parsing: the bodies of `<script>`, `<style>` and `<svg>` elements are cut out.
//!
//! On a typical page more than half of the bytes are scripts, style sheets and drawings. None of it is
//! ever article text, yet the tokenizer reads it character by character and the tree builder copies
//! it into nodes. A light scan that follows the tokenizer's rules where they matter (comments,
//! quoted attribute values, raw-text and foreign elements) finds those bodies and drops them,
//! leaving the empty elements in place, so the parser does half the work. Attributes no stage
//! reads (`data-*` but `data-src` and `data-lang`, `srcset`, `title`, `onclick`...) go too, and so
//! do the bodies of comments (the tokenizer reads them a character at a time), the space between
//! attributes beyond one character, and in the head the attributes of `<link>`s and `<script>`s
//! nothing reads (the elements stay, so that the nodes of the tree are the same); a `style` that
//! hides nothing reads as no style, so it goes too.
//! JSON-LD scripts are kept: the metadata reads them; so are formulas, which readers see: `<math>`
//! bodies and the TeX of MathJax's `<script type="math/tex">`. Where the scan cannot be sure of what the tokenizer would do
//! (a script that may be "double escaped", `<plaintext>`), it stops cutting and leaves the rest.

use std::borrow::Cow;

use memchr::memchr;

use crate::input::nesting;
use crate::input::scan::{
    find, find_end_tag, find_ignore_case, is_pre, is_space, names_at, shows_nothing_hidden,
};

/// The deepest nesting of elements inside a `<math>` that is kept (real formulas nest a few dozen
/// deep at most); a deeper one is cut like a drawing.
const MAX_FORMULA_DEPTH: usize = 128;

/// What the scan saw of the page's tags, for the caps of [`crate::input::nesting`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Survey {
    /// The deepest nesting of elements that nest (as [`crate::input::nesting`] counts them).
    pub depth: usize,
    /// The most attributes on one start tag.
    pub attributes: usize,
    /// Whether the scan read the whole page; when not, the figures cover only a part.
    pub complete: bool,
}

/// `html` without the bodies of its scripts (JSON-LD aside) and style sheets (borrowed when it
/// has none), and a survey of its tags.
pub(crate) fn strip(html: &str) -> (Cow<'_, str>, Survey) {
    let b = html.as_bytes();
    let mut scan = Scan {
        html,
        out: None,
        copied: 0,
        depth: 0,
        pre: 0,
        head: true,
        cuts: Vec::new(),
        survey: Survey {
            depth: 0,
            attributes: 0,
            complete: false,
        },
    };
    let mut i = 0;
    while let Some(offset) = memchr(b'<', &b[i..]) {
        let lt = i + offset;
        if scan.pre == 0 {
            scan.unbreak(i, lt);
        }
        if scan.head && !b[i..lt].iter().all(|&c| is_space(c)) {
            scan.head = false;
        }
        let rest = &b[lt..];
        // Where the scan goes on, or (`Err`) where it stops cutting.
        let next = if rest.starts_with(b"<!--") {
            scan.comment(lt).ok_or(i)
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") || rest.starts_with(b"</") {
            scan.end_or_bogus(lt).ok_or(i)
        } else if !rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
            Ok(lt + 1)
        } else {
            match start_tag(html, lt, std::mem::take(&mut scan.cuts)) {
                Some(tag) => {
                    let next = scan.start(&tag).ok_or(tag.end);
                    scan.cuts = tag.cuts;
                    next
                }
                None => Err(i),
            }
        };
        match next {
            Ok(next) => i = next,
            Err(at) => {
                i = at;
                break;
            }
        }
    }
    scan.survey.complete = i >= b.len() || memchr(b'<', &b[i..]).is_none();
    let html = match scan.out {
        Some(mut out) => {
            out.push_str(&html[scan.copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(html),
    };
    (html, scan.survey)
}

/// The state of [`strip`]'s scan.
struct Scan<'a> {
    html: &'a str,
    /// The page with its cuts, once there is one.
    out: Option<String>,
    /// Bytes of `html` before this have been copied to `out` (or cut).
    copied: usize,
    depth: usize,
    /// Open `<pre>`s, where whitespace is the text's own.
    pre: usize,
    /// Whether the scan is surely still in the page's head: nothing but the elements the tree
    /// builder puts there, whitespace and comments so far.
    head: bool,
    /// Room for the cuts of one start tag, handed from tag to tag.
    cuts: Vec<(usize, usize)>,
    survey: Survey,
}

impl Scan<'_> {
    /// Copies what is left before `from`, and cuts up to `to`.
    fn cut(&mut self, from: usize, to: usize) {
        let html = self.html;
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(html.len() / 2));
        out.push_str(&html[self.copied..from]);
        self.copied = to;
    }

    /// Writes `c` in place of what was cut.
    fn out(&mut self, c: char) {
        if let Some(out) = self.out.as_mut() {
            out.push(c);
        }
    }

    /// Text from `from` to `to`, outside preformatted text: indentation between tags (a run of
    /// whitespace) reads as one space, and so does each line break in a text, which the
    /// tokenizer hands over as a token of its own (`\r\n` is one break, as the tokenizer reads it).
    fn unbreak(&mut self, from: usize, to: usize) {
        let b = &self.html.as_bytes()[from..to];
        if b.len() >= 2 && b.iter().all(|&c| is_space(c)) {
            self.cut(from, to);
            self.out(' ');
            return;
        }
        let mut k = 0;
        while let Some(offset) = memchr::memchr2(b'\n', b'\r', &b[k..]) {
            let at = k + offset;
            k = at + if b[at..].starts_with(b"\r\n") { 2 } else { 1 };
            self.cut(from + at, from + k);
            self.out(' ');
        }
    }

    /// A comment at `lt`: its body is cut (the parser keeps a comment as a node without
    /// content, which still keeps the texts on either side apart, so `<!---->` stays); where the
    /// scan goes on, `None` when it never ends. `<!-->` and `<!--->` are whole comments too; a
    /// comment that `--!>` may end is left as it stands.
    fn comment(&mut self, lt: usize) -> Option<usize> {
        let b = self.html.as_bytes();
        let end = lt + 2 + find(&b[lt + 2..], b"-->")? + 3;
        let body = (lt + 4, end - 3);
        if body.0 < body.1 && find(&b[lt + 2..end], b"--!>").is_none() {
            self.cut(body.0, body.1);
        }
        Some(end)
    }

    /// A doctype, bogus comment or end tag at `lt`: it ends at the next `>`; where the scan
    /// goes on, `None` at the end of the page.
    fn end_or_bogus(&mut self, lt: usize) -> Option<usize> {
        let rest = &self.html.as_bytes()[lt..];
        let e = memchr(b'>', &rest[1..])?;
        if rest.get(1) == Some(&b'/') {
            let name = &rest[2..1 + e];
            let name_len = name
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
                .count();
            let name = &name[..name_len];
            if name_len > 0 && nesting::nests(name) {
                self.depth = self.depth.saturating_sub(1);
            }
            if is_pre(name) {
                self.pre = self.pre.saturating_sub(1);
            }
            self.head &= matches!(name, b"title" | b"script" | b"style");
        }
        Some(lt + 1 + e + 1)
    }

    /// A start tag: its unread attributes cut, its depth counted, and the body of a script,
    /// style sheet or drawing cut. Where the scan goes on; `None` to stop cutting after the tag.
    fn start(&mut self, tag: &StartTag<'_>) -> Option<usize> {
        self.survey.attributes = self.survey.attributes.max(tag.attributes);
        let name = tag.name.as_slice();
        self.head &= matches!(
            name,
            b"html" | b"head" | b"title" | b"base" | b"meta" | b"link" | b"script" | b"style"
        );
        if self.head && head_unread(tag) {
            if tag.name_end + 1 < tag.end {
                // `<link>` or `<script>` as bare as the tree builder needs it.
                self.cut(tag.name_end, tag.end - 1);
            }
        } else {
            for &(from, to) in &tag.cuts {
                self.cut(from, to);
            }
        }
        if nesting::nests(name) {
            self.depth += 1;
            self.survey.depth = self.survey.depth.max(self.depth);
        }
        if is_pre(name) {
            self.pre += 1;
        }
        let b = self.html.as_bytes();
        match name {
            b"script" | b"style" => {
                let close = find_end_tag(&b[tag.end..], name)?;
                let body = &b[tag.end..tag.end + close];
                // `<!--` then `<script` in a script makes the tokenizer skip the next end tag
                // ("double escaped"): leave the rest alone.
                if name == b"script"
                    && let Some(open) = find(body, b"<!--")
                    && find_ignore_case(&body[open..], b"<script").is_some()
                {
                    return None;
                }
                if !body.is_empty() && !kept_script(tag) {
                    self.cut(tag.end, tag.end + close);
                }
                Some(tag.end + close)
            }
            // Raw text and escapable raw text: no tag inside counts.
            b"title" | b"textarea" | b"xmp" | b"iframe" | b"noembed" | b"noframes" => {
                find_end_tag(&b[tag.end..], name).map(|close| tag.end + close)
            }
            b"plaintext" => None,
            // Drawings are never article text: their body goes too (a formula's does not).
            b"svg" | b"math" if !tag.self_closing => {
                let (close, deepest) = find_foreign_end(self.html, tag.end, name)?;
                // A formula nested deeper than any real one would make the parser slow: it goes.
                let cut = name == b"svg" || deepest > MAX_FORMULA_DEPTH;
                if cut && close > tag.end {
                    self.cut(tag.end, close);
                }
                Some(close)
            }
            _ => Some(tag.end),
        }
    }
}

/// Whether no stage reads the attributes of `tag`, a start tag in the page's head: a `<link>`
/// but the canonical one, a `<script>` but JSON-LD, TeX and the loaders of MathJax and KaTeX.
fn head_unread(tag: &StartTag<'_>) -> bool {
    match tag.name.as_slice() {
        b"link" => !tag.rel.is_some_and(|r| {
            r.split_ascii_whitespace()
                .any(|w| w.eq_ignore_ascii_case("canonical"))
        }),
        b"script" => {
            !kept_script(tag)
                && !tag.src.is_some_and(|s| {
                    let s = s.to_ascii_lowercase();
                    s.contains("mathjax") || s.contains("katex")
                })
        }
        _ => false,
    }
}

/// Whether a script's body is read: JSON-LD and TeX (a style sheet's never is).
fn kept_script(tag: &StartTag<'_>) -> bool {
    tag.type_value.is_some_and(|t| {
        let t = t.to_ascii_lowercase();
        t.contains("ld+json") || t.trim_start().starts_with("math/")
    })
}

/// A start tag as the scan reads it.
struct StartTag<'a> {
    /// Its name, lower-cased, cut at 16 bytes.
    name: Name,
    /// The values of its `type`, `rel` and `src` attributes.
    type_value: Option<&'a str>,
    rel: Option<&'a str>,
    src: Option<&'a str>,
    /// Where its name ends.
    name_end: usize,
    /// How many `style` attributes it has, and which of `cuts` is the first one's.
    styles: (usize, Option<usize>),
    /// Whether it ends with `/>`.
    self_closing: bool,
    /// How many attributes it has.
    attributes: usize,
    /// The byte ranges of the attributes nothing reads (with the space before each), and of the
    /// space between attributes beyond one character.
    cuts: Vec<(usize, usize)>,
    /// One past its `>`.
    end: usize,
}

impl<'a> StartTag<'a> {
    /// A `style` attribute from `from` (the space before it, or its name at `at`) to `end`:
    /// cut when it hides nothing, unless another follows (the first one counts, and the next
    /// would take its place).
    fn style(&mut self, value: &[u8], (from, at, end): (usize, usize, usize)) {
        if self.styles.0 == 0 && shows_nothing_hidden(value) {
            // The space cut before it goes with it.
            if from < at && self.cuts.last() == Some(&(from + 1, at)) {
                self.cuts.pop();
            }
            self.styles.1 = Some(self.cuts.len());
            self.cuts.push((from, end));
        } else if let Some(cut) = self.styles.1.take() {
            self.cuts.remove(cut);
        }
        self.styles.0 += 1;
    }

    /// An attribute with a value, from `at` (`gap` the space before it) to `end`: cut if
    /// nothing reads it, or if it is a style that hides nothing.
    fn valued(
        &mut self,
        b: &[u8],
        (unread, attr): (bool, &[u8]),
        (gap, at, end): (usize, usize, usize),
        (value_start, value_end): (usize, usize),
    ) {
        // An attribute right after a quoted value (`a="1"b="2"`) needs the space before it.
        let glued = b
            .get(end)
            .is_some_and(|&c| !is_space(c) && c != b'/' && c != b'>');
        let from = if glued { at } else { gap };
        if unread {
            self.cuts.push((from, end));
        } else if attr.eq_ignore_ascii_case(b"style") {
            self.style(&b[value_start..value_end], (from, at, end));
        }
    }

    /// Keeps the value of attribute `attr` if the scan needs it.
    fn note(&mut self, attr: &[u8], value: Option<&'a str>) {
        let slot = match attr.len() {
            4 if attr.eq_ignore_ascii_case(b"type") => &mut self.type_value,
            3 if attr.eq_ignore_ascii_case(b"rel") => &mut self.rel,
            3 if attr.eq_ignore_ascii_case(b"src") => &mut self.src,
            _ => return,
        };
        *slot = value;
    }
}

/// A short lower-case tag name.
struct Name {
    bytes: [u8; 16],
    len: usize,
}

impl Name {
    /// `raw` lower-cased; empty when longer than 16 bytes.
    fn of(raw: &[u8]) -> Name {
        let mut name = Name {
            bytes: [0; 16],
            len: 0,
        };
        if raw.len() <= name.bytes.len() {
            name.len = raw.len();
            name.bytes[..name.len].copy_from_slice(raw);
            name.bytes[..name.len].make_ascii_lowercase();
        }
        name
    }

    fn as_slice(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// Reads the start tag at `lt` (a `<` and a letter; `cuts` room for its cuts), following the
/// tokenizer's attribute rules: a `>` in a quoted value does not end it. `None` if it never ends.
fn start_tag(html: &str, lt: usize, mut cuts: Vec<(usize, usize)>) -> Option<StartTag<'_>> {
    cuts.clear();
    let b = html.as_bytes();
    let mut k = lt + 1;
    let name_start = k;
    while k < b.len() && !is_space(b[k]) && b[k] != b'/' && b[k] != b'>' {
        k += 1;
    }
    let mut tag = StartTag {
        name: Name::of(&b[name_start..k]),
        type_value: None,
        rel: None,
        src: None,
        name_end: k,
        styles: (0, None),
        self_closing: false,
        attributes: 0,
        cuts,
        end: 0,
    };
    loop {
        let gap = k;
        while k < b.len() && (is_space(b[k]) || b[k] == b'/') {
            tag.self_closing = b[k] == b'/';
            k += 1;
        }
        match b.get(k) {
            None => return None,
            Some(b'>') => {
                // The space before `>` is no attribute's.
                if b[gap..k].iter().all(|&c| is_space(c)) && k > gap {
                    tag.cuts.push((gap, k));
                }
                tag.end = k + 1;
                return Some(tag);
            }
            Some(_) => {}
        }
        tag.self_closing = false;
        tag.attributes += 1;
        // An attribute name: up to a space, `/`, `>` or `=` (a leading `=` is part of it).
        let attr_start = k;
        k += 1;
        while k < b.len() && !is_space(b[k]) && !matches!(b[k], b'/' | b'>' | b'=') {
            k += 1;
        }
        let attr = &b[attr_start..k];
        let attr_end = k;
        let unread = unread(attr);
        // One space is all the tokenizer needs between attributes (that of an attribute cut
        // goes with it).
        if !unread && attr_start > gap + 1 && b[gap..attr_start].iter().all(|&c| is_space(c)) {
            tag.cuts.push((gap + 1, attr_start));
        }
        while k < b.len() && is_space(b[k]) {
            k += 1;
        }
        if b.get(k) != Some(&b'=') {
            // The space after a bare name is the next attribute's.
            if unread {
                tag.cuts.push((gap, attr_end));
            }
            continue;
        }
        k += 1;
        while k < b.len() && is_space(b[k]) {
            k += 1;
        }
        let (value_start, value_end);
        (value_start, value_end, k) = attribute_value(b, k)?;
        tag.note(attr, html.get(value_start..value_end));
        tag.valued(
            b,
            (unread, attr),
            (gap, attr_start, k),
            (value_start, value_end),
        );
    }
}

/// The attribute value starting at `k` (quoted or not): where it starts and ends, and where the
/// scan goes on; `None` for a quote never closed.
fn attribute_value(b: &[u8], mut k: usize) -> Option<(usize, usize, usize)> {
    match b.get(k) {
        Some(&q @ (b'"' | b'\'')) => {
            let close = memchr(q, &b[k + 1..])?;
            Some((k + 1, k + 1 + close, k + 1 + close + 1))
        }
        _ => {
            let start = k;
            while k < b.len() && !is_space(b[k]) && b[k] != b'>' {
                k += 1;
            }
            Some((start, k, k))
        }
    }
}

/// Attributes no stage reads (script data, responsive image lists, titles, sizes, event
/// handlers): every attribute but those [`is_read`] names and prefixed ones (`xlink:href`).
fn unread(name: &[u8]) -> bool {
    const LONGEST: usize = 13;
    // Names are lower case on almost every page: look them up as they stand first.
    if is_read(name) || name.contains(&b':') {
        return false;
    }
    if name.len() > LONGEST || !name.iter().any(u8::is_ascii_uppercase) {
        return true;
    }
    let mut lower = [0u8; LONGEST];
    let lower = &mut lower[..name.len()];
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    !is_read(lower)
}

/// Whether some stage reads the attribute `name` (lowercase) through `Dom::attr` or `dom::attrs`,
/// or it changes how the tree builder places an element (`type` of an input in a table, `color`,
/// `face` and `size` of a `<font>` in foreign content, `encoding` of an `<annotation-xml>`). A
/// stage that reads another attribute adds it here (tests/it/architecture.rs checks).
fn is_read(name: &[u8]) -> bool {
    matches!(
        name,
        b"accent"
            | b"alt"
            | b"alttext"
            | b"aria-expanded"
            | b"aria-hidden"
            | b"aria-modal"
            | b"class"
            | b"close"
            | b"color"
            | b"colspan"
            | b"content"
            | b"data-lang"
            | b"data-language"
            | b"data-src"
            | b"datetime"
            | b"display"
            | b"encoding"
            | b"face"
            | b"hidden"
            | b"href"
            | b"http-equiv"
            | b"id"
            | b"itemprop"
            | b"itemtype"
            | b"lang"
            | b"mathvariant"
            | b"mode"
            | b"name"
            | b"notation"
            | b"open"
            | b"property"
            | b"rel"
            | b"role"
            | b"rowspan"
            | b"separators"
            | b"size"
            | b"src"
            | b"start"
            | b"style"
            | b"tabindex"
            | b"type"
            | b"value"
    )
}

/// Where the end tag closing the foreign element `name` opened before `from` starts, and how
/// deep elements nest inside it: nested elements of the same name count, unless they close
/// themselves (`<svg/>`); comments and CDATA sections are skipped.
fn find_foreign_end(html: &str, from: usize, name: &[u8]) -> Option<(usize, usize)> {
    let b = html.as_bytes();
    let mut depth = 1usize;
    let (mut nested, mut deepest) = (0usize, 0usize);
    let mut i = from;
    while let Some(offset) = memchr(b'<', &b[i..]) {
        let lt = i + offset;
        let rest = &b[lt..];
        if rest.starts_with(b"<!--") {
            i = lt + 2 + find(&b[lt + 2..], b"-->")? + 3;
        } else if rest.starts_with(b"<![CDATA[") {
            i = lt + find(rest, b"]]>")? + 3;
        } else if rest.starts_with(b"</") {
            nested = nested.saturating_sub(1);
            if names_at(rest, 2, name) {
                depth -= 1;
                if depth == 0 {
                    return Some((lt, deepest));
                }
            }
            i = lt + 2;
        } else if rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
            let tag = start_tag(html, lt, Vec::new())?;
            if !tag.self_closing {
                nested += 1;
                deepest = deepest.max(nested);
                depth += usize::from(names_at(rest, 1, name));
            }
            i = tag.end;
        } else {
            i = lt + 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_style_bodies_are_cut() {
        let html = "<head><style>p { color: red }</style><script>var a = '<p>x</p>';</script>\
                    </head><body><p>BODY_TEXT</p><script src=a.js></script></body>";
        assert_eq!(
            strip(html).0,
            "<head><style></style><script></script></head><body><p>BODY_TEXT</p>\
             <script src=a.js></script></body>"
        );
    }

    #[test]
    fn page_without_scripts_is_borrowed() {
        let html = "<p>BODY_TEXT with a < sign and <b>bold</b></p>";
        assert!(matches!(strip(html).0, Cow::Borrowed(_)));
    }

    #[test]
    fn attributes_are_told_apart_whatever_their_case() {
        assert!(!unread(b"CLASS") && !unread(b"xlink:href") && !unread(b"Aria-Hidden"));
        assert!(unread(b"title") && unread(b"aria-labelledby") && unread(b"onclick"));
    }

    #[test]
    fn attributes_nothing_reads_are_cut() {
        let html = r#"<div class="a" data-props='{"x": "<b>"}' data-src="/i.jpg" id=b data-flag>x</div><img srcset="a 1x, b 2x" sizes=10vw src=c.png width=20 title="A pic"><p data-bare class=c data-x = 1 id=d onclick="go()">"#;
        assert_eq!(
            strip(html).0,
            r#"<div class="a" data-src="/i.jpg" id=b>x</div><img src=c.png><p class=c id=d>"#
        );
    }

    #[test]
    fn indentation_and_line_breaks_read_as_spaces_but_not_in_pre() {
        let html = "<ul>\n    <li>a</li>  <li>b</li>\t\t<li>c <b>d</b>   </li>\n</ul>\n\
                    <pre>\n  x\n    <b>y</b>\n</pre>  <p>z\r\ny\rx\n w</p>";
        assert_eq!(
            strip(html).0,
            "<ul> <li>a</li> <li>b</li> <li>c <b>d</b> </li> </ul> \
             <pre>\n  x\n    <b>y</b>\n</pre> <p>z y x  w</p>"
        );
    }

    #[test]
    fn head_links_and_scripts_keep_only_what_is_read() {
        let html = "<html lang=en><head>\n<link rel=\"stylesheet\" href=\"a.css\" />\
                    <link rel=canonical href=/x><script src=\"/a.js\" type=module></script>\
                    <script src=\"/cdn/MathJax/tex.js\"></script><title>T</title>\
                    <script src=\"/b.js\"></script></head><body><link rel=stylesheet href=b.css>\
                    <script src=c.js></script>";
        assert_eq!(
            strip(html).0,
            "<html lang=en><head> <link><link rel=canonical href=/x><script></script>\
             <script src=\"/cdn/MathJax/tex.js\"></script><title>T</title><script></script>\
             </head><body><link rel=stylesheet href=b.css><script src=c.js></script>"
        );
        // Text, or an element the head cannot hold, ends the head.
        for html in [
            "<head>x<link rel=icon href=i.png>",
            "<head><noscript><img src=p.gif></noscript><link rel=icon href=i.png>",
        ] {
            assert_eq!(strip(html).0, html);
        }
    }

    #[test]
    fn styles_that_hide_nothing_are_cut() {
        let html = "<div style=\"color: red\" id=a><p  STYLE='Display: NONE'>x</p>\
                    <p style=\"visibility:hidden\">y</p><p style=\"display:&#110;one\">z</p>";
        assert_eq!(
            strip(html).0,
            "<div id=a><p STYLE='Display: NONE'>x</p><p style=\"visibility:hidden\">y</p>\
             <p style=\"display:&#110;one\">z</p>"
        );
        // An attribute right after it keeps the space before it.
        assert_eq!(
            strip("<div style=\"\"class=a data-x='1'id=b>x</div>").0,
            "<div class=a id=b>x</div>"
        );
        // The first of two styles is the one that counts: it stays, or the second would.
        let html = "<p style=\"color: red\" class=a style=\"display: none\">x</p>";
        assert_eq!(strip(html).0, html);
    }

    #[test]
    fn space_between_attributes_shrinks_to_one() {
        let html = "<a\n   href=\"/x\"   \n  class=b  data-x=1   id=c\t >x</a><br />";
        assert_eq!(strip(html).0, "<a\nhref=\"/x\" class=b id=c>x</a><br />");
    }

    #[test]
    fn json_ld_is_kept() {
        let html = r#"<script type="application/ld+json">{"@type":"NewsArticle"}</script><script>x()</script>"#;
        assert_eq!(
            strip(html).0,
            r#"<script type="application/ld+json">{"@type":"NewsArticle"}</script><script></script>"#
        );
    }

    #[test]
    fn tags_in_comments_attributes_and_raw_text_do_not_count() {
        let html = "<!-- <script> --><p class='<script>'>ONE</p>\
                    <textarea><style></textarea><p>TWO</p><title><script></title><p>THREE</p>";
        assert_eq!(strip(html).0, html.replacen(" <script> ", "", 1));
    }

    #[test]
    fn comment_bodies_are_cut() {
        let html = "<p>ONE<!-- a <b>note</b> -->TWO</p><!--><p>THREE</p><!---><!---->\
                    <!-- x --!> FOUR -->";
        assert_eq!(
            strip(html).0,
            "<p>ONE<!---->TWO</p><!--><p>THREE</p><!---><!---->\
             <!-- x --!> FOUR -->"
        );
    }

    #[test]
    fn end_tag_in_any_case_and_with_a_space() {
        let html = "<SCRIPT>a()</ScRiPt ><p>ONE</p><style>b{}</style\n><p>TWO</p>";
        assert_eq!(
            strip(html).0,
            "<SCRIPT></ScRiPt ><p>ONE</p><style></style\n><p>TWO</p>"
        );
    }

    #[test]
    fn a_script_end_tag_inside_a_longer_name_does_not_end_it() {
        let html = "<script>if (a) { x = '</scripts>'; }</script><p>ONE</p>";
        assert_eq!(strip(html).0, "<script></script><p>ONE</p>");
    }

    #[test]
    fn double_escaped_script_stops_the_cutting() {
        let html = "<style>a{}</style><script><!-- <script>x</script> y --></script><p>ONE</p>\
                    <style>b{}</style>";
        assert_eq!(
            strip(html).0,
            "<style></style><script><!-- <script>x</script> y --></script><p>ONE</p>\
             <style>b{}</style>"
        );
    }

    #[test]
    fn foreign_bodies_are_cut_whole() {
        let html = "<svg viewBox='0 0 1 1'><style/><svg><path d='M0'/></svg><svg/>\
                    <![CDATA[</svg>]]><!-- </svg> --><text>ONE</text></svg><p>TWO</p>\
                    <math><mi>x</mi></math><style>c{}</style><svg/><p>THREE</p>";
        assert_eq!(
            strip(html).0,
            "<svg></svg><p>TWO</p><math><mi>x</mi></math><style></style><svg/><p>THREE</p>"
        );
    }

    #[test]
    fn unterminated_constructs_stop_the_scan() {
        for html in [
            "<script>never ends",
            "<p title='never ends>text",
            "<!-- never ends <script>x</script>",
            "<style>a{}",
        ] {
            assert_eq!(strip(html).0, html);
        }
        assert_eq!(strip("<style>a{}</style><p").0, "<style></style><p");
    }

    #[test]
    fn survey_counts_depth_and_attributes() {
        let (_, survey) = strip(
            "<div><section a=1 b='2>' c><p>x<br><div></div></section></div><script><div></script>",
        );
        assert_eq!(
            survey,
            Survey {
                depth: 3,
                attributes: 3,
                complete: true
            }
        );
        assert!(!strip("<div><p title='x>never").1.complete);
    }

    #[test]
    fn extraction_is_the_same_with_and_without_the_cut() {
        let html = "<html><head><title>T</title><style>.x{}</style></head><body><article>\
                    <p>The council met on Monday evening, and after a long debate it voted to keep \
                    the ferry running through the winter months.</p><script>document.write('<p>X')\
                    </script><p>Residents of the island had campaigned for weeks, writing letters \
                    and attending every meeting, and they were glad of the result.</p></article>\
                    </body></html>";
        let config = crate::Config::default();
        let stripped = strip(html).0;
        assert!(stripped.len() < html.len());
        let a = crate::extract(html, &config).expect("extracts");
        let b = crate::extract(&stripped, &config).expect("extracts");
        assert_eq!(a.text(), b.text());
    }
}
