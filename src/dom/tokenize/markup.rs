//! Markup declarations (`<!`): comments with all their odd endings, bogus comments, the
//! doctype, and CDATA sections in foreign content.
//!
//! Comments and doctypes are short (the cut before parsing empties comments), so they are read
//! a byte at a time as the states do. A byte that is not ASCII always leads to the state that
//! keeps it, so a character's bytes stay together.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Doctype, Token, TokenSink};
use memchr::memchr;

use super::{Tokenizer, is_space, skip_spaces};

/// The comment states after `<!--`.
#[derive(Clone, Copy)]
enum Comment {
    Start,
    StartDash,
    Body,
    LessThan,
    LessThanBang,
    LessThanBangDash,
    LessThanBangDashDash,
    EndDash,
    End,
    EndBang,
}

/// Bytes read as text: NUL as U+FFFD.
fn push(out: &mut Vec<u8>, c: u8) {
    if c == 0 {
        out.extend_from_slice("\u{fffd}".as_bytes());
    } else {
        out.push(c);
    }
}

fn tendril(bytes: &[u8]) -> StrTendril {
    StrTendril::from_slice(&String::from_utf8_lossy(bytes))
}

impl<S: TokenSink> Tokenizer<'_, S> {
    /// The markup declaration open state (`<!` read).
    pub(super) fn markup_declaration(&mut self) {
        let rest = &self.bytes()[self.pos..];
        if rest.starts_with(b"--") {
            self.pos += 2;
            self.comment();
        } else if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
            self.pos += 7;
            self.doctype();
        } else {
            self.flush();
            if self
                .sink
                .adjusted_current_node_present_but_not_in_html_namespace()
                && rest.starts_with(b"[CDATA[")
            {
                self.pos += 7;
                self.cdata();
            } else {
                self.error();
                self.bogus_comment();
            }
        }
    }

    /// The bogus comment state: up to the next `>`.
    pub(super) fn bogus_comment(&mut self) {
        let start = self.pos;
        let b = self.bytes();
        let end = memchr(b'>', &b[start..]).map_or(b.len(), |i| start + i);
        let mut data = Vec::with_capacity(end - start);
        for &c in &b[start..end] {
            push(&mut data, c);
        }
        self.pos = (end + 1).min(b.len());
        self.token(Token::CommentToken(tendril(&data)));
    }

    /// The comment states (`<!--` read), up to the comment's end or the page's.
    fn comment(&mut self) {
        let b = self.bytes();
        let mut data = Vec::new();
        let mut state = Comment::Start;
        let mut at = self.pos;
        while let Some(&c) = b.get(at) {
            at += 1;
            let (next, reconsume) = comment_step(state, c, &mut data);
            if reconsume {
                at -= 1;
            }
            match next {
                Some(next) => state = next,
                None => {
                    self.pos = at;
                    self.token(Token::CommentToken(tendril(&data)));
                    return;
                }
            }
        }
        // The end of the page: the states that only look ahead have nothing to add.
        self.pos = at;
        self.token(Token::CommentToken(tendril(&data)));
    }

    /// A CDATA section (`<![CDATA[` read, in foreign content): text up to `]]>`.
    fn cdata(&mut self) {
        let start = self.pos;
        let b = self.bytes();
        let end = memchr::memmem::find(&b[start..], b"]]>").map_or(b.len(), |i| start + i);
        let mut from = start;
        while let Some(offset) = memchr(0, &self.bytes()[from..end]) {
            self.chars(from, from + offset);
            self.token(Token::NullCharacterToken);
            from += offset + 1;
        }
        self.chars(from, end);
        self.pos = (end + 3).min(self.src.len());
    }

    /// The doctype states (`<!doctype` read, in any case).
    fn doctype(&mut self) {
        let mut doctype = Doctype::default();
        let b = self.bytes();
        let mut at = skip_spaces(b, self.pos);
        match b.get(at) {
            None => doctype.force_quirks = true,
            Some(b'>') => {
                at += 1;
                doctype.force_quirks = true;
            }
            Some(_) => at = self.doctype_name(at, &mut doctype),
        }
        self.pos = at;
        self.token(Token::DoctypeToken(doctype));
    }

    /// The doctype name state and those after it, from the name's first byte; where reading
    /// goes on.
    fn doctype_name(&self, mut at: usize, doctype: &mut Doctype) -> usize {
        let b = self.bytes();
        let mut name = Vec::new();
        while let Some(&c) = b.get(at) {
            if is_space(c) || c == b'>' {
                break;
            }
            push(&mut name, c.to_ascii_lowercase());
            at += 1;
        }
        doctype.name = Some(tendril(&name));
        at = skip_spaces(b, at);
        let rest = &b[at..];
        let keyword = |k: &[u8]| rest.len() >= 6 && rest[..6].eq_ignore_ascii_case(k);
        match rest.first() {
            None => {
                doctype.force_quirks = true;
                at
            }
            Some(b'>') => at + 1,
            _ if keyword(b"public") => self.doctype_ids(at + 6, doctype, true),
            _ if keyword(b"system") => self.doctype_ids(at + 6, doctype, false),
            _ => {
                doctype.force_quirks = true;
                bogus_doctype(b, at)
            }
        }
    }

    /// The states after `PUBLIC` or `SYSTEM`: the identifiers; where reading goes on.
    fn doctype_ids(&self, mut at: usize, doctype: &mut Doctype, public: bool) -> usize {
        let b = self.bytes();
        // After the keyword (a quote right after it is an error, but read the same).
        at = skip_spaces(b, at);
        let mut public = public;
        let mut first = true;
        loop {
            match b.get(at) {
                None => {
                    doctype.force_quirks = true;
                    return at;
                }
                Some(b'>') => {
                    if first {
                        doctype.force_quirks = true;
                    }
                    return at + 1;
                }
                Some(&q @ (b'"' | b'\'')) if first || public => {
                    let (id, next, closed) = quoted_id(b, at + 1, q);
                    let slot = if public {
                        &mut doctype.public_id
                    } else {
                        &mut doctype.system_id
                    };
                    *slot = Some(tendril(&id));
                    if !closed {
                        doctype.force_quirks = true;
                        return next;
                    }
                    at = next;
                    if !public || !first {
                        return after_system_id(b, at, doctype);
                    }
                    // After the public identifier: a system one may follow.
                    first = false;
                    public = false;
                    at = skip_spaces(b, at);
                    match b.get(at) {
                        Some(b'"' | b'\'') => {
                            let (id, next, closed) = quoted_id(b, at + 1, b[at]);
                            doctype.system_id = Some(tendril(&id));
                            if !closed {
                                doctype.force_quirks = true;
                                return next;
                            }
                            return after_system_id(b, next, doctype);
                        }
                        _ => continue,
                    }
                }
                Some(_) => {
                    doctype.force_quirks = true;
                    return bogus_doctype(b, at);
                }
            }
        }
    }
}

/// A doctype identifier quoted by `q` from `at`: the identifier, where reading goes on, and
/// whether the quote closed it (a `>` inside ends the doctype).
fn quoted_id(b: &[u8], mut at: usize, q: u8) -> (Vec<u8>, usize, bool) {
    let mut id = Vec::new();
    while let Some(&c) = b.get(at) {
        at += 1;
        if c == q {
            return (id, at, true);
        }
        if c == b'>' {
            return (id, at, false);
        }
        push(&mut id, c);
    }
    (id, at, false)
}

/// The after doctype system identifier state: spaces, then `>`; anything else makes the rest
/// a bogus doctype (without forcing quirks); the end of the page forces them.
fn after_system_id(b: &[u8], at: usize, doctype: &mut Doctype) -> usize {
    let at = skip_spaces(b, at);
    match b.get(at) {
        Some(b'>') => at + 1,
        None => {
            doctype.force_quirks = true;
            at
        }
        Some(_) => bogus_doctype(b, at),
    }
}

/// The bogus doctype state: up to the next `>`.
fn bogus_doctype(b: &[u8], at: usize) -> usize {
    memchr(b'>', &b[at..]).map_or(b.len(), |i| at + i + 1)
}

/// One byte `c` in comment state `state`: the next state (`None`: the comment ends) and
/// whether `c` is read again in it.
fn comment_step(state: Comment, c: u8, data: &mut Vec<u8>) -> (Option<Comment>, bool) {
    use Comment::*;
    let go = |s| (Some(s), false);
    let again = |s| (Some(s), true);
    match (state, c) {
        (Start, b'-') => go(StartDash),
        (Start | StartDash | End | EndBang, b'>') => (None, false),
        (Start, _) => {
            push(data, c);
            go(Body)
        }
        (StartDash | EndDash, b'-') => go(End),
        (StartDash | EndDash, _) => {
            data.push(b'-');
            push(data, c);
            go(Body)
        }
        (Body, b'<') => {
            data.push(c);
            go(LessThan)
        }
        (Body, b'-') => go(EndDash),
        (Body, _) => {
            push(data, c);
            go(Body)
        }
        (LessThan, b'!') => {
            data.push(c);
            go(LessThanBang)
        }
        (LessThan, b'<') => {
            data.push(c);
            go(LessThan)
        }
        (LessThanBang, b'-') => go(LessThanBangDash),
        (LessThan | LessThanBang, _) => again(Body),
        (LessThanBangDash, b'-') => go(LessThanBangDashDash),
        (LessThanBangDash, _) => again(EndDash),
        (LessThanBangDashDash, _) => again(End),
        (End, b'!') => go(EndBang),
        (End, b'-') => {
            data.push(b'-');
            go(End)
        }
        (End, _) => {
            data.extend_from_slice(b"--");
            again(Body)
        }
        (EndBang, b'-') => {
            data.extend_from_slice(b"--!");
            go(EndDash)
        }
        (EndBang, _) => {
            data.extend_from_slice(b"--!");
            push(data, c);
            go(Body)
        }
    }
}
