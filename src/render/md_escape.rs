//! Markdown's escaping: literal characters that Markdown would read as syntax, code fences,
//! link destinations, and where an emphasis delimiter would be read as one.

use crate::blocks::{Span, Style};

/// Punctuation as CommonMark counts it (Unicode P and S), near enough.
pub(super) fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace() && !c.is_control())
}

/// A backtick run that does not occur in `content`.
pub(super) fn code_fence(content: &str) -> String {
    let mut n = 1;
    while has_run(content, n) {
        n += 1;
    }
    "`".repeat(n)
}

/// Whether `s` has a run of exactly `n` backticks.
fn has_run(s: &str, n: usize) -> bool {
    let mut run = 0;
    for c in s.chars().chain(std::iter::once(' ')) {
        if c == '`' {
            run += 1;
        } else {
            if run == n {
                return true;
            }
            run = 0;
        }
    }
    false
}

/// Code span content that starts or ends with a backtick is padded with a space.
pub(super) fn needs_padding(content: &str) -> bool {
    content.starts_with('`') || content.ends_with('`')
}

/// A link destination: spaces and angle brackets percent-encoded, parentheses escaped.
pub(super) fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes a line's text where it starts a line: what would open a block (a heading, a
/// quotation, a list item, a rule, a setext underline) is escaped too.
pub(super) fn escape_line_start(out: &mut String, line: &str, heading: bool) {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    if digits > 0 && (rest.starts_with('.') || rest.starts_with(')')) {
        out.push_str(&line[..digits]);
        out.push('\\');
        escape_into(out, rest, heading);
        return;
    }
    if let Some(c) = line.chars().next()
        && matches!(c, '#' | '>' | '-' | '+' | '=')
    {
        out.push('\\');
        out.push(c);
        escape_into(out, &line[c.len_utf8()..], heading);
        return;
    }
    escape_into(out, line, heading);
}

/// Escapes the characters Markdown reads as inline syntax; in headings, `#` as well (a trailing
/// one would close the heading).
pub(super) fn escape_into(out: &mut String, text: &str, heading: bool) {
    for (k, c) in text.char_indices() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '~' | '$' => out.push('\\'),
            '#' if heading => out.push('\\'),
            '&' if looks_like_entity(&text[k + 1..]) => out.push('\\'),
            // Before a link, `!` would make it an image.
            '!' if k + 1 == text.len() => out.push('\\'),
            _ => {}
        }
        out.push(c);
    }
}

/// Whether the text after an `&` would be read as a character reference.
fn looks_like_entity(after: &str) -> bool {
    let name = after
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name > 0 && after[name..].starts_with(';')
}

/// Where the links, code spans and images of a block start and end, sorted: what an emphasis
/// span's edge touches is looked up, not searched for among all the spans.
pub(super) struct MarkupEdges {
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl MarkupEdges {
    pub(super) fn of(spans: &[Span]) -> MarkupEdges {
        let markup = spans.iter().filter(|s| {
            matches!(
                s.style,
                Style::Link { .. } | Style::Code | Style::Image { .. }
            )
        });
        let mut starts: Vec<usize> = markup.clone().map(|s| s.start).collect();
        let mut ends: Vec<usize> = markup.map(|s| s.end).collect();
        starts.sort_unstable();
        ends.sort_unstable();
        MarkupEdges { starts, ends }
    }
}

/// Whether `*` before the span opens emphasis and `*` after it closes it (CommonMark's left- and
/// right-flanking rules, with the text around the span as the neighbours). A link, code span or
/// image at the span's edge puts punctuation there (`[`, `` ` ``, `)`).
pub(super) fn flanking(text: &str, span: &Span, edges: &MarkupEdges) -> bool {
    let (start, end) = (span.start, span.end);
    let inner = &text[start..end];
    let (Some(first), Some(last)) = (inner.chars().next(), inner.chars().next_back()) else {
        return false;
    };
    let markup_first = edges.starts.binary_search(&start).is_ok();
    let markup_last = edges.ends.binary_search(&end).is_ok();
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let space_or_punct = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || is_punct(c));
    let opens =
        !first.is_whitespace() && (!(is_punct(first) || markup_first) || space_or_punct(before));
    let closes =
        !last.is_whitespace() && (!(is_punct(last) || markup_last) || space_or_punct(after));
    // A delimiter next to a literal `*` would join its run.
    opens && closes && before != Some('*') && after != Some('*')
}

/// Where the emphasis (and strong) spans and the code spans written so far end, among the ends
/// a later span can still start at: a delimiter run written where another of the same sort
/// ends joins it into one run (`**ab****c**` for two strong spans side by side, one inside a
/// third), which reads back as neither. Spans come in order of their start, so ends before it
/// are forgotten; the spans open at once are few.
#[derive(Default)]
pub(super) struct KeptEnds {
    ends: [Vec<usize>; 2],
}

impl KeptEnds {
    /// Whether a span of `sort` (0 emphasis, 1 code) starting at `start` would touch one kept.
    pub(super) fn touches(&mut self, sort: usize, start: usize) -> bool {
        let ends = &mut self.ends[sort];
        ends.retain(|&end| end >= start);
        ends.contains(&start)
    }

    pub(super) fn push(&mut self, sort: usize, end: usize) {
        self.ends[sort].push(end);
    }
}

#[cfg(test)]
mod tests {
    use crate::blocks::{Block, BlockKind, NodeId, Span, Style};
    use crate::render::{Links, RenderOptions, markdown, text};

    fn span(start: usize, end: usize, style: Style) -> Span {
        Span { start, end, style }
    }

    /// Tag soup's unclosed `<b>` around `a<b>b</b>c`: a strong span that ends where the next
    /// one starts, with a kept emphasis in between; the second is written plain.
    #[test]
    fn strong_spans_side_by_side_do_not_join_their_delimiters() {
        let mut block = Block::new(
            BlockKind::Paragraph,
            "four and eight then ab c too",
            NodeId::at(0),
        );
        block.spans = vec![
            span(0, 22, Style::Strong),
            span(9, 14, Style::Emphasis),
            span(22, 28, Style::Strong),
        ];
        let blocks = [block];
        let links = Links::new(None, None);
        let md = markdown::render(&blocks, &RenderOptions::default(), &links);
        assert!(!md.contains("****"), "{md}");
        assert_eq!(md, "**four and *eight* then ab** c too\n");
        assert_eq!(
            unchaff_read_back::read_back(&md),
            unchaff_read_back::normal(&text::render(&blocks))
        );
    }
}
