//! Before parsing: caps on what makes html5ever slow.
//!
//! html5ever checks element scope by walking its stack of open elements, so each start tag costs
//! time in proportion to the nesting depth and a page of 200,000 nested `<div>`s takes minutes;
//! and it checks each new attribute name against the element's earlier ones, so one element with
//! 100,000 attributes takes seconds. No real page nests more than a few hundred elements deep or
//! gives an element more than a few dozen attributes, so tags that would open past
//! [`MAX_DEPTH`] are dropped (with their end tags, keeping all text) and attributes past
//! [`MAX_ATTRIBUTES`] are cut: parsing stays linear.

use std::borrow::Cow;

/// The deepest nesting kept.
pub(crate) const MAX_DEPTH: usize = 512;

/// How an element counts toward nesting depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Nests: its end tag closes it.
    Nesting,
    /// Closes itself or is closed implicitly, so it never counts.
    NotNesting,
    /// Its content is raw text or foreign markup (where `<path/>` closes itself), skipped whole.
    RawText,
}

/// The class of a lower-case tag name.
fn classify(name: &[u8]) -> Class {
    match name {
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
        | b"meta" | b"param" | b"source" | b"track" | b"wbr" | b"p" | b"li" | b"dt" | b"dd"
        | b"tr" | b"td" | b"th" | b"option" | b"optgroup" | b"thead" | b"tbody" | b"tfoot"
        | b"colgroup" | b"caption" | b"rb" | b"rt" | b"rp" | b"html" | b"head" | b"body" => {
            Class::NotNesting
        }
        b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"plaintext" | b"svg"
        | b"math" => Class::RawText,
        _ => Class::Nesting,
    }
}

/// Whether an element with this lower-case name counts toward nesting depth.
pub(crate) fn nests(name: &[u8]) -> bool {
    name.len() > 10 || classify(name) == Class::Nesting
}

/// The most attributes kept on one element.
pub(crate) const MAX_ATTRIBUTES: usize = 1_000;

/// Bytes an attribute takes at the least (` a=`): a tag with more attributes than the cap spans
/// at least this many bytes per attribute without a `<`.
const MIN_ATTRIBUTE_BYTES: usize = 3;

/// `html` with both caps applied; borrowed unchanged for every real page, which costs one scan
/// of its tags.
pub(crate) fn cap(html: &str) -> Cow<'_, str> {
    let (depth, widest) = survey(html);
    let html = if widest > MAX_ATTRIBUTES * MIN_ATTRIBUTE_BYTES {
        cap_attributes(html)
    } else {
        Cow::Borrowed(html)
    };
    if depth <= MAX_DEPTH {
        return html;
    }
    match html {
        Cow::Borrowed(html) => cap_depth(html),
        Cow::Owned(capped) => Cow::Owned(cap_depth(&capped).into_owned()),
    }
}

/// The deepest nesting of counted elements, and the widest stretch between two tags.
fn survey(html: &str) -> (usize, usize) {
    let mut depth = 0usize;
    let mut max = 0;
    let mut tags = Tags::new(html, false);
    for tag in tags.by_ref() {
        match tag.kind {
            Kind::Open => {
                depth += 1;
                max = max.max(depth);
            }
            Kind::Close => depth = depth.saturating_sub(1),
        }
    }
    (max, tags.widest.max(html.len() - tags.last_lt))
}

/// `html` with the attributes of any element beyond [`MAX_ATTRIBUTES`] cut off.
fn cap_attributes(html: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(offset) = html[at..].find('<') {
        let start = at + offset;
        let Some(len) = html[start..].find('>') else {
            break;
        };
        let end = start + len;
        let tag = &html[start..end];
        at = end + 1;
        let Some((nth, _)) = tag.match_indices('=').nth(MAX_ATTRIBUTES) else {
            continue;
        };
        // Cut at the space before the first attribute past the cap.
        let cut = tag[..nth].rfind(char::is_whitespace).unwrap_or(nth);
        out.push_str(&html[copied..start + cut]);
        copied = end;
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// `html` with start tags beyond [`MAX_DEPTH`] (and their end tags) removed; borrowed unchanged
/// when the page never nests that deep, as is the case for every real page.
fn cap_depth(html: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    let mut dropped = 0usize;
    let mut copied = 0;
    for tag in Tags::new(html, true) {
        let keep = match tag.kind {
            Kind::Open if depth >= MAX_DEPTH => {
                dropped += 1;
                false
            }
            Kind::Open => {
                depth += 1;
                true
            }
            Kind::Close if dropped > 0 => {
                dropped -= 1;
                false
            }
            Kind::Close => {
                depth = depth.saturating_sub(1);
                true
            }
        };
        if !keep {
            out.push_str(&html[copied..tag.start]);
            copied = tag.end;
        }
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Open,
    Close,
}

/// A start or end tag of a counted element, by byte range.
struct Tag {
    kind: Kind,
    start: usize,
    end: usize,
}

/// The counted start and end tags of a page, in order; comments and raw-text elements skipped.
struct Tags<'a> {
    html: &'a str,
    at: usize,
    /// Whether to find where each tag ends (one more search per tag).
    with_ends: bool,
    /// Where the last `<` seen stands, and the widest stretch between two of them (raw text
    /// aside): an element's attributes all lie in one such stretch.
    last_lt: usize,
    widest: usize,
}

impl<'a> Tags<'a> {
    fn new(html: &'a str, with_ends: bool) -> Tags<'a> {
        Tags {
            html,
            at: 0,
            with_ends,
            last_lt: 0,
            widest: 0,
        }
    }
}

impl Iterator for Tags<'_> {
    type Item = Tag;

    fn next(&mut self) -> Option<Tag> {
        let bytes = self.html.as_bytes();
        loop {
            let start = self.at + self.html[self.at..].find('<')?;
            self.widest = self.widest.max(start - self.last_lt);
            self.last_lt = start;
            let rest = &self.html[start..];
            if rest.starts_with("<!--") {
                self.at = rest.find("-->").map_or(bytes.len(), |e| start + e + 3);
                continue;
            }
            let (kind, name_at) = if rest.starts_with("</") {
                (Kind::Close, start + 2)
            } else {
                (Kind::Open, start + 1)
            };
            let name_len = self.html[name_at..]
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
                .count();
            if name_len == 0 {
                self.at = start + 1;
                continue;
            }
            let name = &self.html[name_at..name_at + name_len];
            let mut lower = [0u8; 10];
            let short = name_len <= lower.len();
            if short {
                lower[..name_len].copy_from_slice(name.as_bytes());
                lower[..name_len].make_ascii_lowercase();
            }
            let class = if short {
                classify(&lower[..name_len])
            } else {
                Class::Nesting
            };
            let name_end = name_at + name_len;
            self.at = name_end;
            if kind == Kind::Open && class == Class::RawText {
                // Raw text (and foreign content) ends at its end tag, in whatever case.
                self.at = crate::input::scan::find_end_tag(&bytes[name_end..], name.as_bytes())
                    .map_or(bytes.len(), |e| name_end + e + 2);
                self.last_lt = self.at;
                continue;
            }
            if class == Class::NotNesting {
                continue;
            }
            // An HTML start tag opens its element even when written `<div/>`; only the cut
            // needs to know where the tag ends.
            let end = if self.with_ends {
                self.html[name_end..]
                    .find('>')
                    .map_or(bytes.len(), |e| name_end + e + 1)
            } else {
                name_end
            };
            return Some(Tag { kind, start, end });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_pages_are_left_alone() {
        let html = "<html><body><div><p>One<p>Two<ul><li>a<li>b</ul><br><img src=x></div>\
                    <script>if (a < b) { document.write('<div><div>') }</script></body></html>";
        assert!(matches!(cap(html), Cow::Borrowed(_)));
    }

    #[test]
    fn attributes_past_the_cap_are_cut() {
        let attributes: String = (0..MAX_ATTRIBUTES * 3)
            .map(|i| format!(" a{i}=\"v\""))
            .collect();
        let html = format!("<div{attributes}>BODY_TEXT</div><p class=x>more</p>");
        let capped = cap(&html);
        assert!(capped.contains("BODY_TEXT</div><p class=x>more</p>"));
        let first_tag = &capped[..capped.find('>').unwrap()];
        assert_eq!(first_tag.matches('=').count(), MAX_ATTRIBUTES);
        assert!(matches!(cap("<p a=1 b=2>x</p>"), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_capped_and_text_kept() {
        let html = format!(
            "{}BODY_TEXT{}",
            "<div>".repeat(MAX_DEPTH * 3),
            "</div>".repeat(MAX_DEPTH * 3)
        );
        let capped = cap(&html);
        assert_eq!(survey(&capped).0, MAX_DEPTH);
        assert!(capped.contains("BODY_TEXT"));
    }
}
