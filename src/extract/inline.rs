//! Inline formatting inside a block: emphasis, strong, code, links and images, as byte ranges over
//! the block's text, and the whitespace collapsing that maps the page's offsets onto that text.

use crate::blocks::{Span, Style};

/// A span over the raw, uncollapsed text of a block, as the walk met it.
#[derive(Debug, Clone)]
pub(crate) struct RawSpan {
    pub style: Style,
    pub start: usize,
    pub end: usize,
}

/// One block cut from raw inline text.
#[derive(Debug, Default)]
pub(crate) struct Piece {
    pub text: String,
    pub spans: Vec<Span>,
    /// The first and one past the last line-break segment of the raw text it came from.
    pub segments: (usize, usize),
}

/// Where a raw offset lands in the pieces: (piece, byte offset).
type Spot = (usize, usize);

/// Cuts `raw` into pieces the way the block walk reads inline text: whitespace collapsed, each
/// run between two `brk`s a line, an empty line ending a piece; spans mapped onto the pieces
/// (trimmed of whitespace, split where they cross a piece boundary, dropped when empty).
pub(crate) fn cut(raw: &str, brk: char, spans: &[RawSpan]) -> Vec<Piece> {
    let mut marks = Marks::new(spans);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut cur = Piece::default();
    let mut line_has_word = false;
    let mut pending_space = false;
    let mut pending_newline = false;
    let mut segment = 0usize;

    // Words are copied whole: `word` is where the run of word characters being read began.
    let mut word: Option<usize> = None;
    let mut next_at = marks.next_offset();
    for (at, c) in raw.char_indices() {
        if at >= next_at {
            if let Some(w) = word {
                cur.text.push_str(&raw[w..at]);
                word = Some(at);
            }
            marks.resolve(at, (pieces.len(), cur.text.len()));
            next_at = marks.next_offset();
        }
        if c == brk || c.is_whitespace() {
            if let Some(w) = word.take() {
                cur.text.push_str(&raw[w..at]);
            }
            if c != brk {
                pending_space |= line_has_word;
                continue;
            }
            if line_has_word {
                pending_newline = true;
            } else {
                // An empty line ends the piece.
                cur.segments.1 = segment;
                if !cur.text.is_empty() {
                    pieces.push(std::mem::take(&mut cur));
                }
                cur.segments.0 = segment + 1;
                pending_newline = false;
            }
            segment += 1;
            line_has_word = false;
            pending_space = false;
        } else {
            if word.is_none() {
                if pending_newline {
                    cur.text.push('\n');
                } else if pending_space {
                    cur.text.push(' ');
                }
                pending_newline = false;
                pending_space = false;
                word = Some(at);
            }
            // Spans opened before this character start here (`cur` holds all before it).
            if !marks.waiting.is_empty() {
                let here = (pieces.len(), cur.text.len() + (at - word.unwrap_or(at)));
                for k in marks.waiting.drain(..) {
                    marks.starts[k] = Some(here);
                }
            }
            line_has_word = true;
        }
    }
    if let Some(w) = word {
        cur.text.push_str(&raw[w..]);
    }
    marks.resolve(usize::MAX, (pieces.len(), cur.text.len()));
    cur.segments.1 = usize::MAX;
    if !cur.text.is_empty() {
        pieces.push(cur);
    }
    place_all(&mut pieces, spans, &marks);
    pieces
}

/// Places every span whose start and end the cut resolved, each piece's spans in order of start,
/// outer before inner.
fn place_all(pieces: &mut [Piece], spans: &[RawSpan], marks: &Marks<'_>) {
    for (k, span) in spans.iter().enumerate() {
        let (Some(start), Some(end)) = (marks.starts[k], marks.ends[k]) else {
            continue;
        };
        place(pieces, span, start, end);
    }
    for piece in pieces {
        piece
            .spans
            .sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    }
}

/// Where the spans open and close, as the cut reaches their raw offsets.
struct Marks<'s> {
    spans: &'s [RawSpan],
    /// (raw offset, span, opens) in order; at one offset, closes first, so that neighbours do
    /// not overlap.
    events: Vec<(usize, usize, bool)>,
    next_event: usize,
    /// Spans opened but waiting for the next word, so that no span starts with a space.
    waiting: Vec<usize>,
    starts: Vec<Option<Spot>>,
    ends: Vec<Option<Spot>>,
}

impl<'s> Marks<'s> {
    fn new(spans: &'s [RawSpan]) -> Marks<'s> {
        let mut events: Vec<(usize, usize, bool)> = Vec::with_capacity(spans.len() * 2);
        for (k, s) in spans.iter().enumerate() {
            events.push((s.start, k, true));
            events.push((s.end, k, false));
        }
        events.sort_unstable_by_key(|&(at, _, open)| (at, open));
        Marks {
            spans,
            events,
            next_event: 0,
            waiting: Vec::new(),
            starts: vec![None; spans.len()],
            ends: vec![None; spans.len()],
        }
    }

    /// The raw offset of the next event.
    fn next_offset(&self) -> usize {
        self.events.get(self.next_event).map_or(usize::MAX, |e| e.0)
    }

    /// Takes the events up to raw offset `at`, which lands at `here` in the pieces.
    fn resolve(&mut self, at: usize, here: Spot) {
        while let Some(&(offset, k, open)) = self.events.get(self.next_event) {
            if offset > at {
                break;
            }
            self.next_event += 1;
            if open {
                if self.spans[k].style.is_point() {
                    self.starts[k] = Some(here);
                } else {
                    self.waiting.push(k);
                }
            } else if let Some(w) = self.waiting.iter().position(|&x| x == k) {
                // Closed before any word: nothing to style.
                self.waiting.swap_remove(w);
            } else {
                self.ends[k] = Some(here);
            }
        }
    }
}

/// Puts one span onto the pieces it covers, clipped to each.
fn place(pieces: &mut [Piece], span: &RawSpan, start: Spot, end: Spot) {
    let is_image = span.style.is_point();
    // A start at the very end of a piece belongs to the next one.
    let (mut p, mut from) = start;
    if p < pieces.len() && from == pieces[p].text.len() && !is_image && p + 1 < pieces.len() {
        p += 1;
        from = 0;
    }
    if is_image {
        // An image after the last piece goes at the end of it.
        let (p, at) = if p >= pieces.len() {
            match pieces.len().checked_sub(1) {
                Some(last) => (last, pieces[last].text.len()),
                None => return,
            }
        } else {
            (p, from)
        };
        pieces[p].spans.push(Span {
            start: at,
            end: at,
            style: span.style.clone(),
        });
        return;
    }
    while p < pieces.len() && (p, from) < end {
        let len = pieces[p].text.len();
        let to = if p == end.0 { end.1.min(len) } else { len };
        if from < to {
            pieces[p].spans.push(Span {
                start: from,
                end: to,
                style: span.style.clone(),
            });
        }
        p += 1;
        from = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BRK: char = '\0';

    fn span(style: Style, start: usize, end: usize) -> RawSpan {
        RawSpan { style, start, end }
    }

    fn texts(pieces: &[Piece]) -> Vec<&str> {
        pieces.iter().map(|p| p.text.as_str()).collect()
    }

    fn styled(piece: &Piece) -> Vec<&str> {
        piece
            .spans
            .iter()
            .map(|s| &piece.text[s.start..s.end])
            .collect()
    }

    #[test]
    fn whitespace_collapses_like_split_whitespace() {
        let raw = "  one \n two\t\tthree  ";
        let pieces = cut(raw, BRK, &[]);
        assert_eq!(texts(&pieces), vec!["one two three"]);
    }

    #[test]
    fn single_break_is_a_newline_and_an_empty_line_splits() {
        let raw = "one\0two\0 \0three";
        let pieces = cut(raw, BRK, &[]);
        assert_eq!(texts(&pieces), vec!["one\ntwo", "three"]);
        assert_eq!(pieces[0].segments, (0, 2));
        assert_eq!(pieces[1].segments, (3, usize::MAX));
    }

    #[test]
    fn spans_are_trimmed_of_the_spaces_around_them() {
        // "see <em> the harbour </em> today"
        let raw = "see  the harbour  today";
        let pieces = cut(raw, BRK, &[span(Style::Emphasis, 4, 18)]);
        assert_eq!(pieces[0].text, "see the harbour today");
        assert_eq!(styled(&pieces[0]), vec!["the harbour"]);
    }

    #[test]
    fn nested_spans_keep_their_order() {
        let raw = "a link with bold words";
        let link = Style::Link {
            href: "/x".to_owned(),
        };
        let pieces = cut(
            raw,
            BRK,
            &[span(link.clone(), 2, 22), span(Style::Strong, 12, 16)],
        );
        assert_eq!(styled(&pieces[0]), vec!["link with bold words", "bold"]);
        assert_eq!(pieces[0].spans[0].style, link);
    }

    #[test]
    fn span_across_an_empty_line_is_split() {
        let raw = "one two\0\0three four";
        let pieces = cut(raw, BRK, &[span(Style::Strong, 4, 14)]);
        assert_eq!(texts(&pieces), vec!["one two", "three four"]);
        assert_eq!(styled(&pieces[0]), vec!["two"]);
        assert_eq!(styled(&pieces[1]), vec!["three"]);
    }

    #[test]
    fn empty_spans_are_dropped_and_images_kept() {
        let image = Style::Image {
            src: "a.png".to_owned(),
            alt: "A".to_owned(),
        };
        let raw = "text  more";
        let pieces = cut(
            raw,
            BRK,
            &[span(Style::Emphasis, 5, 5), span(image.clone(), 5, 5)],
        );
        assert_eq!(pieces[0].text, "text more");
        assert_eq!(pieces[0].spans.len(), 1);
        assert_eq!(pieces[0].spans[0].style, image);
        assert_eq!(pieces[0].spans[0].start, 4);
    }

    #[test]
    fn multibyte_text_maps_to_byte_offsets() {
        let raw = "café  naïve résumé";
        let start = raw.find("naïve").expect("in raw");
        let pieces = cut(raw, BRK, &[span(Style::Code, start, start + "naïve".len())]);
        assert_eq!(styled(&pieces[0]), vec!["naïve"]);
    }
}
