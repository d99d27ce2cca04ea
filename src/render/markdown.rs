//! Markdown (CommonMark with GFM tables): what a CommonMark parser reads back from it is the text
//! output, word for word. Literal characters that Markdown would read as syntax are escaped, and
//! inline formatting that could not be read back as written is left out rather than mangled.

use super::{Event, Links, RenderOptions, events, heading_shift, shifted, table_end};
use crate::blocks::{Block, BlockKind};
use crate::blocks::{Span, Style};

use super::md_escape::{
    KeptEnds, MarkupEdges, code_fence, destination, escape_into, escape_line_start, flanking,
    needs_padding,
};
use super::md_note::{note_label, push_definition};

/// Renders blocks as Markdown, ending with a newline unless empty.
pub(crate) fn render(blocks: &[Block], options: &RenderOptions, links: &Links) -> String {
    let mut doc = Doc {
        out: String::new(),
        lists: Vec::new(),
        shift: heading_shift(blocks),
        writer: Inline {
            options,
            links,
            notes: blocks
                .iter()
                .filter_map(|b| Some(b.note()?.0.to_owned()))
                .collect(),
        },
    };
    let mut previous: Option<&BlockKind> = None;
    let mut i = 0;
    while i < blocks.len() {
        let block = &blocks[i];
        if !block.kind.is_list_item() {
            doc.lists.clear();
        }
        if let Some(prev) = previous {
            let separator = match note_label(block) {
                Some(_) => "\n\n",
                None => separator(prev, &block.kind),
            };
            doc.out.push_str(separator);
        }
        let end = match block.kind {
            BlockKind::TableRow { .. } => table_end(blocks, i),
            _ => i + 1,
        };
        doc.blocks(&blocks[i..end]);
        previous = Some(&blocks[end - 1].kind);
        i = end;
    }
    let mut out = doc.out;
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// The Markdown written so far and what the next block depends on.
struct Doc<'a> {
    out: String,
    /// The content column of each open list level.
    lists: Vec<usize>,
    /// What heading levels are shifted by ([`heading_shift`]).
    shift: i16,
    writer: Inline<'a>,
}

impl Doc<'_> {
    /// Writes one block, or one table's rows.
    fn blocks(&mut self, blocks: &[Block]) {
        let block = &blocks[0];
        let out = &mut self.out;
        match &block.kind {
            BlockKind::Title => {
                out.push_str("# ");
                out.push_str(&self.writer.line(block, LineKind::Heading));
            }
            BlockKind::Heading { level } => {
                let level = usize::from(shifted(*level, self.shift));
                out.push_str(&"#".repeat(level));
                out.push(' ');
                out.push_str(&self.writer.line(block, LineKind::Heading));
            }
            BlockKind::Paragraph | BlockKind::Caption => {
                let body = self.writer.line(block, LineKind::Paragraph);
                match note_label(block) {
                    Some(label) => push_definition(out, &body, label),
                    None => out.push_str(&body),
                }
            }
            BlockKind::Quote { depth } => {
                let prefix = "> ".repeat(usize::from((*depth).max(1)));
                let body = self.writer.line(block, LineKind::Paragraph);
                push_prefixed(out, &body, &prefix, &prefix);
            }
            BlockKind::ListItem {
                depth,
                number,
                continued,
            } => self.list_item(block, usize::from(*depth), *number, *continued),
            BlockKind::Code { language } => push_fenced(out, &block.text, language),
            BlockKind::TableRow { .. } => super::table::markdown(out, blocks),
            BlockKind::Rule => out.push_str("* * *"),
        }
    }

    fn list_item(&mut self, block: &Block, depth: usize, number: Option<u32>, continued: bool) {
        let (out, lists) = (&mut self.out, &mut self.lists);
        // Levels the page skipped were not written: an item goes one level below the open ones
        // at most, and a continuation to the innermost open item.
        let open = lists.len().saturating_sub(usize::from(continued));
        let depth = depth.min(open);
        let body = self.writer.line(block, LineKind::Paragraph);
        if let Some(label) = note_label(block) {
            // A footnote: a definition at the top level, its later paragraphs indented.
            lists.clear();
            lists.push(4);
            push_definition(out, &body, label);
            return;
        }
        if continued && depth < lists.len() {
            lists.truncate(depth + 1);
            let indent = " ".repeat(lists[depth]);
            push_prefixed(out, &body, &indent, &indent);
            return;
        }
        // An ordered list that does not start at 1 cannot interrupt the paragraph of the item
        // it is nested in: a blank line goes first.
        if depth == lists.len()
            && depth > 0
            && number.is_some_and(|n| n != 1)
            && !out.ends_with("\n\n")
        {
            out.push('\n');
        }
        lists.truncate(depth);
        let indent = lists.last().copied().unwrap_or(0);
        let marker = match number {
            // CommonMark reads at most nine digits as a list number.
            Some(n) if n < 1_000_000_000 => format!("{n}. "),
            _ => "- ".to_owned(),
        };
        lists.push(indent + marker.len());
        let first = format!("{}{marker}", " ".repeat(indent));
        let rest = " ".repeat(indent + marker.len());
        push_prefixed(out, &body, &first, &rest);
    }
}

/// What goes between two blocks: list items stay together; everything else gets a blank line,
/// and consecutive quotations stay one quotation.
fn separator(previous: &BlockKind, next: &BlockKind) -> &'static str {
    match (previous, next) {
        (
            BlockKind::ListItem { .. },
            BlockKind::ListItem {
                continued: false, ..
            },
        ) => "\n",
        (BlockKind::Quote { depth: a }, BlockKind::Quote { depth: b }) if *a >= 1 && *b >= 1 => {
            "\n>\n"
        }
        _ => "\n\n",
    }
}

/// Writes `body` with `first` before its first line and `rest` before the others.
pub(super) fn push_prefixed(out: &mut String, body: &str, first: &str, rest: &str) {
    for (k, line) in body.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        out.push_str(if k == 0 { first } else { rest });
        out.push_str(line);
    }
}

/// A fenced code block, its fence longer than any run of backticks inside.
fn push_fenced(out: &mut String, code: &str, language: &Option<String>) {
    let fence = "`".repeat(longest_run(code, '`').max(2) + 1);
    out.push_str(&fence);
    if let Some(language) = language {
        out.push_str(language);
    }
    out.push('\n');
    out.push_str(code);
    out.push('\n');
    out.push_str(&fence);
}

/// The length of the longest run of `c` in `s`.
fn longest_run(s: &str, c: char) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for ch in s.chars() {
        if ch == c {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    longest
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LineKind {
    /// Line breaks are hard breaks.
    Paragraph,
    /// One line: breaks become spaces, and every `#` is escaped.
    Heading,
}

/// Writes a block's inline content.
struct Inline<'a> {
    options: &'a RenderOptions,
    links: &'a Links,
    /// The labels of the footnotes written: a reference to another stays a link.
    notes: std::collections::HashSet<String>,
}

impl Inline<'_> {
    fn line(&self, block: &Block, kind: LineKind) -> String {
        let text = block.text.as_str();
        let edges = MarkupEdges::of(&block.spans);
        // Where the emphasis or strong spans and the code spans kept end: one of the same sort
        // starting there would join its delimiters to that span's.
        let mut kept_ends = KeptEnds::default();
        // A footnote reference is written as its label and a back-link left out: what is inside
        // them is not written.
        let hidden: Vec<(usize, usize)> = (block.spans.iter())
            .filter(|s| match &s.style {
                Style::FootnoteRef { label, .. } => self.notes.contains(label),
                style => *style == Style::FootnoteBack,
            })
            .map(|s| (s.start, s.end))
            .collect();
        let events = events(text, &block.spans, |span, around| {
            let sort = usize::from(span.style == Style::Code);
            let inside = |&(start, end): &(usize, usize)| start <= span.start && span.end <= end;
            let marker = matches!(span.style, Style::FootnoteRef { .. } | Style::FootnoteBack);
            let keep = !kept_ends.touches(sort, span.start)
                && (marker || !hidden.iter().any(inside))
                && self.keep(text, &edges, span, around);
            if keep && matches!(span.style, Style::Emphasis | Style::Strong | Style::Code) {
                kept_ends.push(sort, span.end);
            }
            keep
        });
        let mut line = Line {
            out: String::with_capacity(text.len() + 16),
            text,
            kind,
            line_start: true,
            code: false,
            hidden: 0,
        };
        for event in events {
            match event {
                Event::Text(piece) => line.text(piece),
                Event::Open(span) => line.open(span),
                Event::Close(span) => line.close(span, self.links),
                Event::Image(span) => line.image(span, self.links),
            }
        }
        line.out
    }

    /// Whether a span can be written so that a CommonMark parser reads it back as it was.
    fn keep(&self, text: &str, edges: &MarkupEdges, span: &Span, around: &[&Span]) -> bool {
        let in_code = around
            .iter()
            .any(|s| matches!(s.style, Style::Code | Style::Math { .. }));
        let in_link = around.iter().any(|s| matches!(s.style, Style::Link { .. }));
        match &span.style {
            Style::Image { src, .. } => {
                self.options.images && !in_code && self.links.resolve(src).is_some()
            }
            _ if in_code || span.start >= span.end => false,
            Style::Link { href } => {
                self.options.links && !in_link && self.links.resolve(href).is_some()
            }
            Style::Code | Style::Math { .. } | Style::FootnoteBack => true,
            Style::FootnoteRef { label, .. } => self.notes.contains(label),
            Style::FootnoteNote { .. } => false,
            Style::Emphasis | Style::Strong => {
                !around.iter().any(|s| s.style == span.style)
                    && !around.iter().any(|s| {
                        matches!(s.style, Style::Emphasis | Style::Strong)
                            && (s.start == span.start || s.end == span.end)
                    })
                    && flanking(text, span, edges)
            }
        }
    }
}

/// One block's inline Markdown being written, event by event.
struct Line<'a> {
    out: String,
    text: &'a str,
    kind: LineKind,
    /// At the start of a line, where block syntax must be escaped.
    line_start: bool,
    /// In a code span, text is written as is.
    code: bool,
    /// Inside a footnote reference or back-link, text is not written.
    hidden: usize,
}

impl Line<'_> {
    fn text(&mut self, piece: &str) {
        let out = &mut self.out;
        if self.hidden > 0 {
            return;
        }
        if self.code {
            out.push_str(&piece.replace('\n', " "));
            return;
        }
        for (k, line) in piece.split('\n').enumerate() {
            if k > 0 {
                match self.kind {
                    LineKind::Paragraph => out.push_str("\\\n"),
                    LineKind::Heading => out.push(' '),
                }
                self.line_start = self.kind == LineKind::Paragraph;
            }
            if line.is_empty() {
                continue;
            }
            let heading = self.kind == LineKind::Heading;
            if self.line_start {
                escape_line_start(out, line, heading);
            } else {
                escape_into(out, line, heading);
            }
            self.line_start = false;
        }
    }

    fn open(&mut self, span: &Span) {
        match &span.style {
            Style::Emphasis => self.out.push('*'),
            Style::Strong => self.out.push_str("**"),
            Style::Link { .. } => self.out.push('['),
            Style::Code => {
                let content = &self.text[span.start..span.end];
                self.out.push_str(&code_fence(content));
                if needs_padding(content) {
                    self.out.push(' ');
                }
                self.code = true;
            }
            Style::Math { display, .. } => {
                self.out.push_str(self.math_delimiter(span, *display));
                self.code = true;
            }
            Style::FootnoteRef { label, .. } => {
                self.out.push_str(&format!("[^{label}]"));
                self.hidden += 1;
            }
            Style::FootnoteBack => self.hidden += 1,
            Style::Image { .. } | Style::FootnoteNote { .. } => {}
        }
        self.line_start = false;
    }

    /// `$` around an inline formula, `$$` around a displayed one, on lines of their own when it
    /// is the whole paragraph.
    fn math_delimiter(&self, span: &Span, display: bool) -> &'static str {
        let whole = span.start == 0 && span.end == self.text.len();
        match (display, whole && self.kind == LineKind::Paragraph) {
            (false, _) => "$",
            (true, false) => "$$",
            (true, true) if self.code => "\n$$",
            (true, true) => "$$\n",
        }
    }

    fn close(&mut self, span: &Span, links: &Links) {
        match &span.style {
            Style::Emphasis => self.out.push('*'),
            Style::Strong => self.out.push_str("**"),
            Style::Link { href } => {
                self.out.push_str("](");
                self.out
                    .push_str(&destination(&links.resolve(href).unwrap_or_default()));
                self.out.push(')');
            }
            Style::Code => {
                let content = &self.text[span.start..span.end];
                if needs_padding(content) {
                    self.out.push(' ');
                }
                self.out.push_str(&code_fence(content));
                self.code = false;
            }
            Style::Math { display, .. } => {
                self.out.push_str(self.math_delimiter(span, *display));
                self.code = false;
            }
            Style::FootnoteRef { .. } | Style::FootnoteBack => {
                self.hidden = self.hidden.saturating_sub(1);
            }
            Style::Image { .. } | Style::FootnoteNote { .. } => {}
        }
        self.line_start = false;
    }

    fn image(&mut self, span: &Span, links: &Links) {
        self.line_start = false;
        let Style::Image { src, alt } = &span.style else {
            return;
        };
        let out = &mut self.out;
        out.push_str("![");
        escape_into(out, alt, true);
        out.push_str("](");
        out.push_str(&destination(&links.resolve(src).unwrap_or_default()));
        out.push(')');
        // An image before the text stands on a line of its own.
        if span.start == 0 && !self.text.is_empty() && self.kind == LineKind::Paragraph {
            out.push_str("\\\n");
            self.line_start = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixtures::block;

    fn styled(kind: BlockKind, text: &str, spans: &[(&str, Style)]) -> Block {
        let mut b = block(kind, text);
        for (part, style) in spans {
            let start = text.find(part).expect("the part is in the text");
            b.spans.push(Span {
                start,
                end: start + part.len(),
                style: style.clone(),
            });
        }
        b.spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        b
    }

    fn md(blocks: &[Block]) -> String {
        let links = Links::new(Some("https://example.org/news/story.html"), None);
        render(blocks, &RenderOptions::default(), &links)
    }

    /// The text a CommonMark parser reads from `markdown`, whitespace collapsed; table cells
    /// separated by `|` as in the text output, whose pipes are then dropped on both sides.
    fn read_back(markdown: &str) -> String {
        unchaff_read_back::read_back(markdown)
    }

    fn normal(text: &str) -> String {
        unchaff_read_back::normal(text)
    }

    #[track_caller]
    fn assert_round_trip(blocks: &[Block]) {
        let markdown = md(blocks);
        let text = crate::render::text::render(blocks);
        assert_eq!(read_back(&markdown), normal(&text), "markdown:\n{markdown}");
    }

    #[test]
    fn headings_are_atx_and_relative_to_the_article() {
        let blocks = [
            block(BlockKind::Title, "Ferry timetable"),
            block(BlockKind::Heading { level: 3 }, "Winter"),
            block(BlockKind::Paragraph, "Boats run twice a day."),
            block(BlockKind::Heading { level: 4 }, "Fares #1"),
        ];
        assert_eq!(
            md(&blocks),
            "# Ferry timetable\n\n## Winter\n\nBoats run twice a day.\n\n### Fares \\#1\n"
        );
        assert_round_trip(&blocks);
    }

    #[test]
    fn emphasis_strong_and_code_keep_their_spaces() {
        let blocks = [styled(
            BlockKind::Paragraph,
            "Run cargo build with care, then rest.",
            &[
                ("cargo build", Style::Code),
                ("care", Style::Emphasis),
                ("rest", Style::Strong),
            ],
        )];
        assert_eq!(
            md(&blocks),
            "Run `cargo build` with *care*, then **rest**.\n"
        );
        assert_round_trip(&blocks);
    }

    #[test]
    fn emphasis_that_would_not_parse_is_left_out() {
        // `a*"quoted"*b`: the delimiters would not be flanking.
        let blocks = [styled(
            BlockKind::Paragraph,
            "a\"quoted\"b and more",
            &[("\"quoted\"", Style::Emphasis)],
        )];
        assert_eq!(md(&blocks), "a\"quoted\"b and more\n");
        assert_round_trip(&blocks);
    }

    #[test]
    fn code_span_with_backticks_gets_a_longer_fence() {
        let blocks = [styled(
            BlockKind::Paragraph,
            "Type `x` now",
            &[("`x`", Style::Code)],
        )];
        assert_eq!(md(&blocks), "Type `` `x` `` now\n");
        assert_round_trip(&blocks);
    }

    #[test]
    fn links_are_absolute_and_javascript_links_plain() {
        let blocks = [styled(
            BlockKind::Paragraph,
            "Read the report (PDF) or click here.",
            &[
                (
                    "the report",
                    Style::Link {
                        href: "../files/report (final).pdf".to_owned(),
                    },
                ),
                (
                    "click here",
                    Style::Link {
                        href: "javascript:void(0)".to_owned(),
                    },
                ),
            ],
        )];
        assert_eq!(
            md(&blocks),
            "Read [the report](https://example.org/files/report%20\\(final\\).pdf) (PDF) or click here.\n"
        );
        assert_round_trip(&blocks);
    }

    #[test]
    fn images_only_when_asked() {
        let image = Style::Image {
            src: "/img/ferry.jpg".to_owned(),
            alt: "The [new] ferry".to_owned(),
        };
        let mut b = block(BlockKind::Caption, "The ferry at the pier.");
        b.spans.push(Span {
            start: 0,
            end: 0,
            style: image,
        });
        let blocks = [b];
        assert_eq!(md(&blocks), "The ferry at the pier.\n");
        let links = Links::new(Some("https://example.org/news/story.html"), None);
        let with = render(&blocks, &RenderOptions::default().with_images(true), &links);
        assert_eq!(
            with,
            "![The \\[new\\] ferry](https://example.org/img/ferry.jpg)\\\nThe ferry at the pier.\n"
        );
    }

    #[test]
    fn lists_nest_and_keep_their_numbers() {
        let item = |depth, number, continued| BlockKind::ListItem {
            depth,
            number,
            continued,
        };
        let blocks = [
            block(BlockKind::Paragraph, "Steps:"),
            block(item(0, Some(3), false), "Board the ferry"),
            block(item(1, None, false), "Show the ticket"),
            block(item(1, None, false), "Find a seat"),
            block(item(0, Some(4), false), "Sail"),
            block(item(0, Some(4), true), "It takes an hour."),
            block(BlockKind::Paragraph, "- not a list"),
        ];
        assert_eq!(
            md(&blocks),
            "Steps:\n\n3. Board the ferry\n   - Show the ticket\n   - Find a seat\n4. Sail\n\n   \
             It takes an hour.\n\n\\- not a list\n"
        );
        assert_round_trip(&blocks);
    }

    #[test]
    fn quotes_nest() {
        let blocks = [
            block(BlockKind::Quote { depth: 1 }, "She said:"),
            block(BlockKind::Quote { depth: 2 }, "We are delighted."),
            block(BlockKind::Paragraph, "After."),
        ];
        assert_eq!(
            md(&blocks),
            "> She said:\n>\n> > We are delighted.\n\nAfter.\n"
        );
        assert_round_trip(&blocks);
    }

    #[test]
    fn code_blocks_are_fenced_with_their_language() {
        let code = "fn main() {\n    println!(\"```\");\n}";
        let blocks = [block(
            BlockKind::Code {
                language: Some("rust".to_owned()),
            },
            code,
        )];
        assert_eq!(md(&blocks), format!("````rust\n{code}\n````\n"));
        assert_round_trip(&blocks);
    }

    #[test]
    fn literal_syntax_is_escaped() {
        let blocks = [
            block(BlockKind::Paragraph, "# not a heading"),
            block(BlockKind::Paragraph, "1. not a list, 2 * 3 = 6"),
            block(
                BlockKind::Paragraph,
                "a_b [x] <tag> `q` | ~s~ AT&amp; &copy",
            ),
            block(BlockKind::Paragraph, "> not quoted\n- not a list\n==="),
            block(BlockKind::Paragraph, "ends with a backslash \\"),
        ];
        assert_eq!(
            md(&blocks),
            "\\# not a heading\n\n1\\. not a list, 2 \\* 3 = 6\n\n\
             a\\_b \\[x\\] \\<tag\\> \\`q\\` \\| \\~s\\~ AT\\&amp; &copy\n\n\
             \\> not quoted\\\n\\- not a list\\\n\\===\n\nends with a backslash \\\\\n"
        );
        assert_round_trip(&blocks);
    }

    #[test]
    fn rules_and_hard_breaks() {
        let blocks = [
            block(BlockKind::Paragraph, "Line one\nLine two"),
            block(BlockKind::Rule, ""),
            block(BlockKind::Paragraph, "After the rule."),
        ];
        assert_eq!(
            md(&blocks),
            "Line one\\\nLine two\n\n* * *\n\nAfter the rule.\n"
        );
        assert_round_trip(&blocks);
    }

    #[test]
    fn never_two_blank_lines_in_a_row() {
        let blocks = [
            block(BlockKind::Paragraph, "One"),
            block(BlockKind::Rule, ""),
            block(BlockKind::Code { language: None }, "a\n\nb"),
            block(BlockKind::Quote { depth: 1 }, "Q"),
        ];
        let out = md(&blocks);
        // Blank lines inside a code block are the code's own.
        let outside_code = out.replace("a\n\nb", "a\nb");
        assert!(!outside_code.contains("\n\n\n"), "{out}");
    }
}
