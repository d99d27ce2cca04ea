//! Character references: named ones (with the legacy names that need no semicolon, and the
//! exception in attribute values), and numeric ones with their replacement table.

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};
use html5ever::tokenizer::TokenSink;

use super::Tokenizer;

/// What a reference stands for: one or two characters.
pub(super) type Chars = (char, Option<char>);

impl<S: TokenSink> Tokenizer<'_, S> {
    /// The character reference state (`&` read, `pos` after it): what it stands for, reading
    /// past it; `None` when it is no reference (`pos` unmoved, the `&` is itself).
    pub(super) fn char_ref(&mut self, in_attribute: bool) -> Option<Chars> {
        match self.bytes().get(self.pos) {
            Some(c) if c.is_ascii_alphanumeric() => self.named(in_attribute),
            Some(b'#') => self.numeric(),
            _ => None,
        }
    }

    /// A numeric reference (`&` read, at `#`).
    fn numeric(&mut self) -> Option<Chars> {
        let b = self.bytes();
        let mut at = self.pos + 1;
        let base = match b.get(at) {
            Some(b'x' | b'X') => {
                at += 1;
                16
            }
            _ => 10,
        };
        let (mut num, mut too_big, start) = (0u32, false, at);
        while let Some(d) = b.get(at).and_then(|&c| (c as char).to_digit(base)) {
            num = num.wrapping_mul(base);
            too_big |= num > 0x10FFFF;
            num = num.wrapping_add(d);
            at += 1;
        }
        if at == start {
            // No digits: `&#` (and `x`) are text.
            self.error();
            return None;
        }
        if b.get(at) == Some(&b';') {
            at += 1;
        } else {
            self.error();
        }
        self.pos = at;
        let (c, error) = numeric_char(num, too_big);
        if error {
            self.error();
        }
        Some((c, None))
    }

    /// A named reference (`&` read, at an ASCII letter or digit), as html5ever reads it: the
    /// longest name in the table that the text starts with.
    fn named(&mut self, in_attribute: bool) -> Option<Chars> {
        let src = self.src;
        let start = self.pos;
        let mut end = start;
        let mut matched: Option<(usize, (u32, u32))> = None;
        // The first character past every prefix of a name in the table.
        let mut end_char = None;
        for c in src[start..].chars() {
            end += c.len_utf8();
            match NAMED_ENTITIES.get(&src[start..end]) {
                Some(&m) => {
                    if m.0 != 0 {
                        matched = Some((end, m));
                    }
                }
                None => {
                    end_char = Some(c);
                    break;
                }
            }
        }
        let Some((name_end, (c1, c2))) = matched else {
            self.unknown_name(end_char, end - start);
            return None;
        };
        let last = src.as_bytes()[name_end - 1];
        let next_after = src[name_end..end].chars().next();
        let unconsume = match (in_attribute, last, next_after) {
            (_, b';', _) => false,
            (true, _, Some('=')) => true,
            (true, _, Some(c)) if c.is_ascii_alphanumeric() => true,
            _ => {
                self.error();
                false
            }
        };
        if unconsume {
            return None;
        }
        self.pos = name_end;
        let c1 = char::from_u32(c1)?;
        Some((c1, char::from_u32(c2).filter(|_| c2 != 0)))
    }

    /// A name no reference starts with (`len` bytes read, the last of them `end_char`): an
    /// error when a semicolon ends it, after ASCII letters and digits.
    fn unknown_name(&mut self, end_char: Option<char>, len: usize) {
        match end_char {
            Some(c) if c.is_ascii_alphanumeric() => {
                let rest = &self.bytes()[self.pos + len..];
                let n = rest
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                if rest.get(n) == Some(&b';') {
                    self.error();
                }
            }
            Some(';') if len > 1 => self.error(),
            _ => (),
        }
    }
}

/// The character a numeric reference stands for, and whether it is an error.
fn numeric_char(num: u32, too_big: bool) -> (char, bool) {
    let conv = |n| char::from_u32(n).unwrap_or('\u{fffd}');
    match num {
        n if n > 0x10FFFF || too_big => ('\u{fffd}', true),
        0x00 | 0xD800..=0xDFFF => ('\u{fffd}', true),
        0x80..=0x9F => (
            C1_REPLACEMENTS[(num - 0x80) as usize].unwrap_or_else(|| conv(num)),
            true,
        ),
        0x01..=0x08 | 0x0B | 0x0D..=0x1F | 0x7F | 0xFDD0..=0xFDEF => (conv(num), true),
        n if (n & 0xFFFE) == 0xFFFE => (conv(n), true),
        n => (conv(n), false),
    }
}
