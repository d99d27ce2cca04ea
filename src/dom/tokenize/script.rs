//! Script data and its escaped states (`<!--` inside a script, and a `<script>` inside that).
//!
//! Every character these states read is text (a NUL reads as U+FFFD) up to the script's end
//! tag, so all they have to tell is where that end tag is.

use html5ever::tokenizer::TokenSink;
use memchr::{memchr, memchr2};

use super::{Tokenizer, is_space};

/// The script data states that read text (the others are looked ahead through).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Data,
    Escaped,
    EscapedDash,
    EscapedDashDash,
    Double,
    DoubleDash,
    DoubleDashDash,
}

impl<S: TokenSink> Tokenizer<'_, S> {
    /// Where the `<` of the script's end tag stands, from `start`; `None` if it has none.
    pub(super) fn script_end(&self, start: usize) -> Option<usize> {
        let b = self.bytes();
        let mut state = Script::Data;
        let mut at = start;
        loop {
            match state {
                Script::Data => {
                    let lt = at + memchr(b'<', &b[at..])?;
                    if self.appropriate_end(lt).is_some() {
                        return Some(lt);
                    }
                    at = lt + 1;
                    if b[at..].starts_with(b"!--") {
                        at += 3;
                        state = Script::EscapedDashDash;
                    } else if b[at..].starts_with(b"!") {
                        at += 1;
                    }
                }
                Script::Escaped | Script::Double => {
                    let i = at + memchr2(b'<', b'-', &b[at..])?;
                    at = i + 1;
                    match (state, b[i]) {
                        (Script::Escaped, b'-') => state = Script::EscapedDash,
                        (Script::Double, b'-') => state = Script::DoubleDash,
                        (Script::Escaped, _) => match self.escaped_less_than(i) {
                            Ok(next) => (state, at) = next,
                            Err(lt) => return Some(lt),
                        },
                        _ => (state, at) = double_less_than(b, i),
                    }
                }
                _ => {
                    let &c = b.get(at)?;
                    let double = matches!(state, Script::DoubleDash | Script::DoubleDashDash);
                    let dash = matches!(state, Script::EscapedDash | Script::DoubleDash);
                    at += 1;
                    state = match c {
                        b'-' if dash && double => Script::DoubleDashDash,
                        b'-' if dash => Script::EscapedDashDash,
                        b'-' => state,
                        b'<' if double => {
                            let (s, next) = double_less_than(b, at - 1);
                            at = next;
                            s
                        }
                        b'<' => match self.escaped_less_than(at - 1) {
                            Ok((s, next)) => {
                                at = next;
                                s
                            }
                            Err(lt) => return Some(lt),
                        },
                        b'>' if !dash => Script::Data,
                        _ if double => Script::Double,
                        _ => Script::Escaped,
                    };
                }
            }
        }
    }

    /// The script data escaped less-than sign state at the `<` at `lt`: the state and where
    /// reading goes on, or (`Err(lt)`) the end tag.
    fn escaped_less_than(&self, lt: usize) -> Result<(Script, usize), usize> {
        let b = self.bytes();
        if self.appropriate_end(lt).is_some() {
            return Err(lt);
        }
        let start = lt + 1;
        let n = b[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        if n == 0 {
            // `</` that ends nothing, or any other `<`: read again as escaped text.
            let skip = usize::from(b.get(start) == Some(&b'/'));
            let letters = b[start + skip..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            return Ok((Script::Escaped, start + skip + letters));
        }
        // The double escape start state: a `<script` (then a space, `/` or `>`) doubles it.
        Ok(letters_then(b, start, n, Script::Double, Script::Escaped))
    }
}

/// After the letters `b[start..start + n]` of a double escape's start (`script` is
/// [`Script::Double`]) or end (`script` is [`Script::Escaped`]): if a space, `/` or `>` follows,
/// it is read and the state is `script` when the letters spell "script", else `other`; anything
/// else (or the end) is read again in the state the letters were read in.
fn letters_then(
    b: &[u8],
    start: usize,
    n: usize,
    script: Script,
    other: Script,
) -> (Script, usize) {
    let end = start + n;
    match b.get(end) {
        Some(&c) if is_space(c) || c == b'/' || c == b'>' => {
            let is_script = b[start..end].eq_ignore_ascii_case(b"script");
            (if is_script { script } else { other }, end + 1)
        }
        // Anything else (or the end) is read again in the state the letters were read in.
        _ => (
            if script == Script::Double {
                Script::Escaped
            } else {
                Script::Double
            },
            end,
        ),
    }
}

/// The script data double escaped less-than sign state at the `<` at `lt`: a `</script` (then a
/// space, `/` or `>`) ends the double escape.
fn double_less_than(b: &[u8], lt: usize) -> (Script, usize) {
    let start = lt + 1;
    if b.get(start) != Some(&b'/') {
        return (Script::Double, start);
    }
    let start = start + 1;
    let n = b[start..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    letters_then(b, start, n, Script::Escaped, Script::Double)
}
