//! Byte scans shared by the cuts before parsing: where a raw-text element ends.

/// HTML's ASCII whitespace.
pub(crate) fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Where `needle` first occurs in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// Where the end tag of `name` (`</name` then a space, `/` or `>`, in any case) starts in `b`.
pub(crate) fn find_end_tag(b: &[u8], name: &[u8]) -> Option<usize> {
    let mut at = 0;
    while let Some(offset) = find(&b[at..], b"</") {
        let start = at + offset;
        let after = start + 2 + name.len();
        if b.len() >= after
            && b[start + 2..after].eq_ignore_ascii_case(name)
            && b.get(after)
                .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            return Some(start);
        }
        at = start + 2;
    }
    None
}

/// Whether a `style` attribute's `value` hides nothing: the only stage that reads styles looks
/// for `display:none` and `visibility:hidden`, and reads a style naming neither `none` nor
/// `hidden` (nor a character reference, which might spell them) as no style at all.
pub(crate) fn shows_nothing_hidden(value: &[u8]) -> bool {
    let names = |word: &[u8]| {
        value
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    !value.contains(&b'&') && !names(b"none") && !names(b"hidden")
}

/// Whether `b[at..]` is `name` (in any case) followed by a space, `/` or `>`.
pub(crate) fn names_at(b: &[u8], at: usize, name: &[u8]) -> bool {
    let end = at + name.len();
    b.len() > end
        && b[at..end].eq_ignore_ascii_case(name)
        && (is_space(b[end]) || b[end] == b'/' || b[end] == b'>')
}

/// Whether a tag name opens preformatted text.
pub(crate) fn is_pre(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"pre") || name.eq_ignore_ascii_case(b"listing")
}

/// Where `needle` first occurs in `haystack`, in any case.
pub(crate) fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}
