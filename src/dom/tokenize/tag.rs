//! Tags: the tag open, end tag open and tag name states, the attribute states and the
//! self-closing start tag state; and the end tag that closes raw text.

use std::borrow::Cow;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Tag, TagKind, TokenSink};
use html5ever::{Attribute, LocalName, QualName, ns};
use memchr::memchr3;

use super::{Text, Tokenizer, is_space, skip_spaces};

/// A lookup table of the bytes in `set`.
const fn table(set: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < set.len() {
        t[set[i] as usize] = true;
        i += 1;
    }
    t
}

/// The bytes that end a tag name (or mark a NUL in it).
static TAG_NAME_END: [bool; 256] = table(b"\t\n\x0c />\0");
/// The bytes that end an attribute name (or mark a NUL in it).
static ATTR_NAME_END: [bool; 256] = table(b"\t\n\x0c />=\0");
/// The bytes that end an unquoted attribute value (or mark a NUL or a character reference).
static UNQUOTED_END: [bool; 256] = table(b"\t\n\x0c >&\0");

/// Where the next byte of `b` from `from` in `table` stands (`b.len()` if none).
fn scan(b: &[u8], from: usize, table: &[bool; 256]) -> usize {
    b[from..]
        .iter()
        .position(|&c| table[c as usize])
        .map_or(b.len(), |i| from + i)
}

/// A name read from `src[a..b]`: ASCII letters lower-cased, NULs read as U+FFFD.
fn name(src: &str, a: usize, b: usize) -> Cow<'_, str> {
    let s = &src[a..b];
    if s.bytes().any(|c| c.is_ascii_uppercase() || c == 0) {
        Cow::Owned(s.to_ascii_lowercase().replace('\0', "\u{fffd}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Where reading a tag stands: the states between attributes.
enum After {
    /// The before attribute name state.
    BeforeName,
    /// The tag is complete (`>` read).
    Emit,
    /// The page ended inside the tag: it is dropped.
    Eof,
}

impl<S: TokenSink> Tokenizer<'_, S> {
    /// The tag open state (`<` read, `pos` after it); whether a tag was handed over.
    pub(super) fn tag_open(&mut self) -> bool {
        let at = self.pos;
        match self.bytes().get(at) {
            Some(b'!') => {
                self.pos += 1;
                self.markup_declaration();
                false
            }
            Some(b'/') => {
                self.pos += 1;
                self.end_tag_open()
            }
            Some(c) if c.is_ascii_alphabetic() => self.tag(TagKind::StartTag),
            Some(b'?') => {
                self.error();
                self.bogus_comment();
                false
            }
            _ => {
                // Also at the end of the page: the `<` is text.
                self.error();
                self.chars(at - 1, at);
                false
            }
        }
    }

    /// The end tag open state (`</` read).
    fn end_tag_open(&mut self) -> bool {
        let at = self.pos;
        match self.bytes().get(at) {
            Some(c) if c.is_ascii_alphabetic() => self.tag(TagKind::EndTag),
            Some(b'>') => {
                self.error();
                self.pos += 1;
                false
            }
            None => {
                self.error();
                self.chars(at - 2, at);
                false
            }
            Some(_) => {
                self.error();
                self.bogus_comment();
                false
            }
        }
    }

    /// The tag name state at a tag's first letter, then its attributes; whether the tag was
    /// handed over (`false`: the page ended inside it).
    fn tag(&mut self, kind: TagKind) -> bool {
        let start = self.pos;
        let end = scan(self.bytes(), start, &TAG_NAME_END);
        // A NUL is part of the name.
        let mut end = end;
        while self.bytes().get(end) == Some(&0) {
            end = scan(self.bytes(), end + 1, &TAG_NAME_END);
        }
        let name = LocalName::from(&*name(self.src, start, end));
        self.pos = end;
        self.attributes(kind, name)
    }

    /// Whether the `<` at `lt` starts the end tag of the raw text being read (the "appropriate
    /// end tag"); if so it is read (and handed over, unless the page ends inside it).
    pub(super) fn raw_end_tag(&mut self, lt: usize) -> bool {
        let Some(end) = self.appropriate_end(lt) else {
            return false;
        };
        let name = self
            .last_start
            .clone()
            .unwrap_or_else(|| LocalName::from(""));
        self.pos = end;
        self.attributes(TagKind::EndTag, name);
        true
    }

    /// Where the name ends if `lt` starts an appropriate end tag: `</`, the last start tag's
    /// name in ASCII letters of any case, then a space, `/` or `>`.
    pub(super) fn appropriate_end(&self, lt: usize) -> Option<usize> {
        let b = self.bytes();
        let last = self.last_start.as_deref()?;
        if b.get(lt + 1) != Some(&b'/') {
            return None;
        }
        let start = lt + 2;
        let end = start
            + b[start.min(b.len())..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
        let next = *b.get(end)?;
        let fits = b[start..end].eq_ignore_ascii_case(last.as_bytes())
            && !last.bytes().any(|c| c.is_ascii_uppercase());
        (fits && (is_space(next) || next == b'/' || next == b'>')).then_some(end)
    }

    /// The states after a tag's name, from the byte that ended it; whether the tag was handed
    /// over.
    fn attributes(&mut self, kind: TagKind, name: LocalName) -> bool {
        let mut tag = Tag {
            kind,
            name,
            self_closing: false,
            attrs: Vec::new(),
            had_duplicate_attributes: false,
        };
        let mut next = self.after_name();
        loop {
            next = match next {
                After::BeforeName => self.before_attribute_name(&mut tag),
                After::Emit => {
                    self.emit_tag(tag);
                    return true;
                }
                After::Eof => {
                    self.pos = self.src.len();
                    return false;
                }
            };
        }
    }

    /// At the byte that ended a tag name or a quoted value: what comes next.
    fn after_name(&mut self) -> After {
        match self.bytes().get(self.pos) {
            None => After::Eof,
            Some(b'>') => {
                self.pos += 1;
                After::Emit
            }
            Some(b'/') => After::BeforeName,
            Some(&c) => {
                if is_space(c) {
                    self.pos += 1;
                }
                After::BeforeName
            }
        }
    }

    /// The self-closing start tag state (`/` read).
    fn self_closing(&mut self, tag: &mut Tag) -> After {
        match self.bytes().get(self.pos) {
            None => After::Eof,
            Some(b'>') => {
                self.pos += 1;
                tag.self_closing = true;
                After::Emit
            }
            Some(_) => After::BeforeName,
        }
    }

    /// The before attribute name state: spaces skipped, then `/`, `>` or an attribute.
    fn before_attribute_name(&mut self, tag: &mut Tag) -> After {
        let b = self.bytes();
        let at = skip_spaces(b, self.pos);
        self.pos = at;
        match b.get(at) {
            None => After::Eof,
            Some(b'/') => {
                self.pos += 1;
                self.self_closing(tag)
            }
            Some(b'>') => {
                self.pos += 1;
                After::Emit
            }
            Some(_) => self.attribute(tag),
        }
    }

    /// The attribute name state at an attribute's first character (which may be `=`), then
    /// what follows the name.
    fn attribute(&mut self, tag: &mut Tag) -> After {
        let b = self.bytes();
        let start = self.pos;
        let first = self.src[start..].chars().next().map_or(1, char::len_utf8);
        let mut end = scan(b, start + first, &ATTR_NAME_END);
        while b.get(end) == Some(&0) {
            end = scan(b, end + 1, &ATTR_NAME_END);
        }
        let name = LocalName::from(&*name(self.src, start, end));
        let at = skip_spaces(b, end);
        self.pos = at;
        match b.get(at) {
            None => After::Eof,
            Some(b'=') => {
                self.pos += 1;
                self.attribute_value(tag, name)
            }
            Some(b'/') => {
                add_attribute(tag, name, StrTendril::new());
                self.pos += 1;
                self.self_closing(tag)
            }
            Some(b'>') => {
                add_attribute(tag, name, StrTendril::new());
                self.pos += 1;
                After::Emit
            }
            Some(_) => {
                add_attribute(tag, name, StrTendril::new());
                After::BeforeName
            }
        }
    }

    /// The before attribute value state (`=` read), then the value.
    fn attribute_value(&mut self, tag: &mut Tag, name: LocalName) -> After {
        let b = self.bytes();
        let at = skip_spaces(b, self.pos);
        self.pos = at;
        match b.get(at) {
            None => After::Eof,
            Some(&q @ (b'"' | b'\'')) => {
                self.pos += 1;
                let Some(value) = self.quoted_value(q) else {
                    return After::Eof;
                };
                add_attribute(tag, name, value);
                self.after_name()
            }
            Some(b'>') => {
                add_attribute(tag, name, StrTendril::new());
                self.pos += 1;
                After::Emit
            }
            Some(_) => {
                let Some(value) = self.unquoted_value() else {
                    return After::Eof;
                };
                add_attribute(tag, name, value);
                match self.bytes().get(self.pos) {
                    Some(b'>') => {
                        self.pos += 1;
                        After::Emit
                    }
                    _ => After::BeforeName,
                }
            }
        }
    }

    /// A value quoted by `q`, up to the closing quote (read); `None` at the end of the page.
    fn quoted_value(&mut self, q: u8) -> Option<StrTendril> {
        let mut value = Text::default();
        loop {
            let start = self.pos;
            let offset = memchr3(q, b'&', 0, &self.bytes()[start..])?;
            let at = start + offset;
            value.push_span(&self.whole, start, at);
            self.pos = at + 1;
            match self.bytes()[at] {
                b'&' => self.char_ref_in_value(&mut value),
                0 => value.push_str(&self.whole, "\u{fffd}"),
                _ => return Some(value.take(&self.whole)),
            }
        }
    }

    /// An unquoted value, up to the space or `>` after it (not read); `None` at the end of the
    /// page.
    fn unquoted_value(&mut self) -> Option<StrTendril> {
        let mut value = Text::default();
        loop {
            let start = self.pos;
            let at = scan(self.bytes(), start, &UNQUOTED_END);
            let c = *self.bytes().get(at)?;
            value.push_span(&self.whole, start, at);
            self.pos = at;
            match c {
                b'&' => {
                    self.pos += 1;
                    self.char_ref_in_value(&mut value);
                }
                0 => {
                    self.pos += 1;
                    value.push_str(&self.whole, "\u{fffd}");
                }
                _ => {
                    if is_space(c) {
                        self.pos += 1;
                    }
                    return Some(value.take(&self.whole));
                }
            }
        }
    }

    /// A character reference in an attribute value (`&` read).
    fn char_ref_in_value(&mut self, value: &mut Text) {
        match self.char_ref(true) {
            Some((c, d)) => {
                let mut buf = [0; 4];
                value.push_str(&self.whole, c.encode_utf8(&mut buf));
                if let Some(d) = d {
                    value.push_str(&self.whole, d.encode_utf8(&mut buf));
                }
            }
            None => value.push_span(&self.whole, self.pos - 1, self.pos),
        }
    }
}

/// Adds an attribute to `tag`, unless it has one of that name already (the first one wins).
fn add_attribute(tag: &mut Tag, name: LocalName, value: StrTendril) {
    if tag.attrs.iter().any(|a| a.name.local == name) {
        tag.had_duplicate_attributes = true;
        return;
    }
    tag.attrs.push(Attribute {
        name: QualName::new(None, ns!(), name),
        value,
    });
}
