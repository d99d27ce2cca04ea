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
