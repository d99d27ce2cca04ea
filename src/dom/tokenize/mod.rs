//! The tokenizer in front of html5ever's tree builder: the WHATWG tokenization states
//! (<https://html.spec.whatwg.org/multipage/parsing.html#tokenization>) over the bytes of the
//! whole page at once, handing the tree builder the very tokens html5ever's own tokenizer would,
//! so that the tree is the same, at a fraction of the cost: text and attribute values are slices
//! of one tendril of the page (no character is copied one at a time), runs are found with
//! `memchr`, and names are lower-cased only when they hold an upper-case letter.
//!
//! Where the tokens may differ from html5ever's, the tree cannot tell: runs of text are handed
//! over whole (html5ever cuts them at each line break; the sink merges adjacent text), and parse
//! errors are handed over only where one can change the tree, between a start tag and the text
//! after it (the tree builder drops a line feed right after `<pre>`, `<listing>` and
//! `<textarea>` only when no other token came between).

mod charref;
mod markup;
mod script;
mod tag;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use html5ever::LocalName;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Tag, TagKind, Token, TokenSink, TokenSinkResult};
use memchr::{memchr, memchr2, memchr3};

/// The content states: the tokenizer is in one of them between tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Data,
    Rcdata,
    Rawtext,
    Script,
    Plaintext,
}

/// The byte order mark html5ever drops where it starts reading.
const BOM: &str = "\u{feff}";

/// The longest page the tokenizer takes: tendrils are indexed by `u32`.
pub(super) const MAX_LEN: usize = (u32::MAX / 2) as usize;

/// Whether `c` is HTML's whitespace inside a tag or a doctype (a carriage return never gets
/// here: [`run`] turns it into a line feed).
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0c')
}

/// The first index from `at` that is not such whitespace.
fn skip_spaces(b: &[u8], mut at: usize) -> usize {
    while b.get(at).is_some_and(|&c| is_space(c)) {
        at += 1;
    }
    at
}

/// Tokenizes `html` (at most [`MAX_LEN`] bytes) into `sink`, then ends it.
pub(super) fn run<S: TokenSink>(html: &str, sink: &S) {
    let normalized;
    let src = if memchr(b'\r', html.as_bytes()).is_some() {
        normalized = html.replace("\r\n", "\n").replace('\r', "\n");
        normalized.as_str()
    } else {
        html
    };
    let mut t = Tokenizer {
        sink,
        src,
        whole: StrTendril::from_slice(src),
        pos: 0,
        state: State::Data,
        last_start: None,
        text: Text::default(),
        after_start_tag: false,
    };
    t.skip_bom();
    while t.pos < src.len() {
        match t.state {
            State::Data => t.data(),
            State::Rcdata => t.rcdata(),
            State::Rawtext => t.rawtext(),
            State::Script => t.script(),
            State::Plaintext => t.plaintext(),
        }
    }
    t.token(Token::EOFToken);
    sink.end();
}

/// Text on its way to the tree builder: a slice of the page while it is one, else a tendril of
/// its own.
#[derive(Debug, Default)]
struct Text {
    start: usize,
    end: usize,
    owned: Option<StrTendril>,
}

impl Text {
    fn is_empty(&self) -> bool {
        self.owned.is_none() && self.start == self.end
    }

    /// Appends `src[a..b]` (of the page `whole`).
    fn push_span(&mut self, whole: &StrTendril, a: usize, b: usize) {
        if a == b {
            return;
        }
        match &mut self.owned {
            Some(owned) => owned.push_slice(&whole[a..b]),
            None if self.start == self.end => (self.start, self.end) = (a, b),
            None if self.end == a => self.end = b,
            None => {
                let mut owned = self.slice(whole);
                owned.push_slice(&whole[a..b]);
                self.owned = Some(owned);
            }
        }
    }

    fn push_str(&mut self, whole: &StrTendril, s: &str) {
        if self.owned.is_none() {
            self.owned = Some(self.slice(whole));
        }
        if let Some(owned) = &mut self.owned {
            owned.push_slice(s);
        }
    }

    fn slice(&self, whole: &StrTendril) -> StrTendril {
        if self.start == self.end {
            StrTendril::new()
        } else {
            whole.subtendril(self.start as u32, (self.end - self.start) as u32)
        }
    }

    /// The text so far, leaving this empty.
    fn take(&mut self, whole: &StrTendril) -> StrTendril {
        let text = match self.owned.take() {
            Some(owned) => owned,
            None => self.slice(whole),
        };
        (self.start, self.end) = (0, 0);
        text
    }
}

/// The tokenizer's state between steps.
struct Tokenizer<'a, S: TokenSink> {
    sink: &'a S,
    src: &'a str,
    /// The page as one tendril, which text and attribute values are slices of.
    whole: StrTendril,
    /// Where reading goes on.
    pos: usize,
    state: State,
    /// The name of the last start tag handed over (for the end tag of raw text).
    last_start: Option<LocalName>,
    /// Text not yet handed over.
    text: Text,
    /// Whether the last token handed over is a start tag (and no text has come since).
    after_start_tag: bool,
}

impl<'a, S: TokenSink> Tokenizer<'a, S> {
    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    /// Drops a byte order mark at the reading position (html5ever drops one wherever it starts
    /// or resumes reading).
    fn skip_bom(&mut self) {
        if self.src[self.pos..].starts_with(BOM) {
            self.pos += BOM.len();
        }
    }

    /// Text from the page, `src[a..b]`.
    fn chars(&mut self, a: usize, b: usize) {
        self.text.push_span(&self.whole, a, b);
    }

    /// Text that is not a slice of the page.
    fn chars_str(&mut self, s: &str) {
        self.text.push_str(&self.whole, s);
    }

    /// `src[a..b]` as text, each NUL read as U+FFFD.
    fn chars_replacing_nul(&mut self, mut a: usize, b: usize) {
        while let Some(offset) = memchr(0, &self.bytes()[a..b]) {
            self.chars(a, a + offset);
            self.chars_str("\u{fffd}");
            a += offset + 1;
        }
        self.chars(a, b);
    }

    /// Hands over the pending text.
    fn flush(&mut self) {
        if !self.text.is_empty() {
            let text = self.text.take(&self.whole);
            self.after_start_tag = false;
            let _ = self.sink.process_token(Token::CharacterTokens(text), 1);
        }
    }

    /// Hands over a token that is neither a tag nor text.
    fn token(&mut self, token: Token) {
        self.flush();
        self.after_start_tag = false;
        let _ = self.sink.process_token(token, 1);
    }

    /// A parse error, handed over only where it can change the tree: right after a start tag.
    fn error(&mut self) {
        if self.after_start_tag && self.text.is_empty() {
            self.token(Token::ParseError(Cow::Borrowed("")));
        }
    }

    /// Hands over a tag, and takes the state the tree builder asks for.
    fn emit_tag(&mut self, tag: Tag) {
        self.flush();
        let start = tag.kind == TagKind::StartTag;
        if start {
            self.last_start = Some(tag.name.clone());
        }
        let result = self.sink.process_token(Token::TagToken(tag), 1);
        self.after_start_tag = start;
        self.state = match result {
            TokenSinkResult::RawData(RawKind::Rcdata) => State::Rcdata,
            TokenSinkResult::RawData(RawKind::Rawtext) => State::Rawtext,
            TokenSinkResult::RawData(_) => State::Script,
            TokenSinkResult::Plaintext => State::Plaintext,
            TokenSinkResult::Continue => State::Data,
            TokenSinkResult::Script(_) | TokenSinkResult::EncodingIndicator(_) => {
                // html5ever's driver feeds its tokenizer again, which drops a byte order mark.
                self.skip_bom();
                State::Data
            }
        };
    }

    /// Emits the text up to the next byte `find` finds in the rest of the page and steps past
    /// that byte, giving its offset and value; at the end, emits the rest and gives none.
    fn text_to(&mut self, find: impl Fn(&[u8]) -> Option<usize>) -> Option<(usize, u8)> {
        let start = self.pos;
        let Some(offset) = find(&self.bytes()[start..]) else {
            self.chars(start, self.src.len());
            self.pos = self.src.len();
            return None;
        };
        let at = start + offset;
        self.chars(start, at);
        self.pos = at + 1;
        Some((at, self.bytes()[at]))
    }

    /// The data state, up to the next tag or the end.
    fn data(&mut self) {
        while let Some((_, byte)) = self.text_to(|b| memchr3(b'<', b'&', 0, b)) {
            match byte {
                b'<' => {
                    if self.tag_open() {
                        return;
                    }
                }
                b'&' => self.char_ref_in_text(),
                _ => {
                    self.error();
                    self.token(Token::NullCharacterToken);
                }
            }
        }
    }

    /// A character reference in text (`&` read): its characters, or the `&` itself.
    fn char_ref_in_text(&mut self) {
        match self.char_ref(false) {
            Some(chars) => {
                let mut buf = [0; 8];
                let n = chars.0.encode_utf8(&mut buf).len();
                let m = chars.1.map_or(0, |c| c.encode_utf8(&mut buf[n..]).len());
                self.chars_str(std::str::from_utf8(&buf[..n + m]).unwrap_or(""));
            }
            None => self.chars(self.pos - 1, self.pos),
        }
    }

    /// The RCDATA state (`<title>`, `<textarea>`), up to its end tag or the end.
    fn rcdata(&mut self) {
        while let Some((at, byte)) = self.text_to(|b| memchr3(b'<', b'&', 0, b)) {
            match byte {
                b'<' => {
                    if self.raw_end_tag(at) {
                        return;
                    }
                    self.chars(at, at + 1);
                }
                b'&' => self.char_ref_in_text(),
                _ => self.chars_str("\u{fffd}"),
            }
        }
    }

    /// The RAWTEXT state (`<style>`, `<xmp>`, `<iframe>`...), up to its end tag or the end.
    fn rawtext(&mut self) {
        while let Some((at, byte)) = self.text_to(|b| memchr2(b'<', 0, b)) {
            if byte == 0 {
                self.chars_str("\u{fffd}");
            } else if self.raw_end_tag(at) {
                return;
            } else {
                self.chars(at, at + 1);
            }
        }
    }

    /// The PLAINTEXT state: the rest of the page is text.
    fn plaintext(&mut self) {
        let (start, end) = (self.pos, self.src.len());
        self.chars_replacing_nul(start, end);
        self.pos = end;
    }

    /// Script data, with its escaped states, up to its end tag or the end.
    fn script(&mut self) {
        let start = self.pos;
        match self.script_end(start) {
            Some(lt) => {
                self.chars_replacing_nul(start, lt);
                self.pos = lt + 1;
                let ended = self.raw_end_tag(lt);
                debug_assert!(ended);
            }
            None => {
                self.chars_replacing_nul(start, self.src.len());
                self.pos = self.src.len();
            }
        }
    }
}
