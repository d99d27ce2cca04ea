//! Text helpers every stage shares: the words of a text, as compared across blocks and cues, and
//! whitespace collapsed as readers see it.

/// The lower-cased words of a text: its runs of letters and digits.
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Collapses runs of whitespace into one space and trims both ends.
pub(crate) fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The words of `text` as [`words`] gives them, joined by single spaces, in one string.
pub(crate) fn words_joined(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| !is_alphanumeric(c)) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            // Copied whole and lower-cased in place, not pushed a character at a time.
            let start = out.len();
            out.push_str(word);
            out[start..].make_ascii_lowercase();
        } else {
            out.push_str(&word.to_lowercase());
        }
    }
    out
}

/// Escapes text for an HTML element (`&`, `<`, `>`) or an attribute value (`"` as well).
pub(crate) fn escape_html(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// [`char::is_alphanumeric`], with the punctuation and the letters that most pages print answered
/// without the Unicode tables (curly quotes and dashes are the commonest characters outside ASCII).
pub(crate) fn is_alphanumeric(c: char) -> bool {
    match u32::from(c) {
        0..=0x7f => c.is_ascii_alphanumeric(),
        // The Latin-1 letters, but for the multiplication and division signs.
        0xc0..=0xff => c != '\u{d7}' && c != '\u{f7}',
        // General Punctuation: spaces, dashes, quotes, bullets, ellipses.
        0x2000..=0x206f => false,
        // The basic Cyrillic letters, kana, the unified Han ideographs and the Hangul syllables.
        0x0410..=0x044f | 0x3041..=0x3096 | 0x30a1..=0x30fa | 0x4e00..=0x9fff | 0xac00..=0xd7a3 => {
            true
        }
        _ => c.is_alphanumeric(),
    }
}

/// Whether a byte is ASCII whitespace as [`char::is_whitespace`] has it (tab to carriage return,
/// space).
fn is_ascii_white(b: &u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// [`str::trim`], with the ASCII whitespace of indentation skipped a byte at a time: a byte that
/// is not ASCII whitespace starts a character, which `trim` then reads as it would.
pub(crate) fn trim(text: &str) -> &str {
    let b = text.as_bytes();
    let Some(start) = b.iter().position(|c| !is_ascii_white(c)) else {
        return "";
    };
    // The last byte that is not ASCII whitespace ends a character: only ASCII follows it.
    let end = b
        .iter()
        .rposition(|c| !is_ascii_white(c))
        .map_or(start, |k| k + 1);
    text[start..end].trim()
}

/// Whether `text` is whitespace only (`text.trim().is_empty()`).
pub(crate) fn is_blank(text: &str) -> bool {
    trim(text).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_agrees_with_the_standard_one() {
        for text in [
            "",
            "   ",
            " \t\n a b \r\n",
            "\u{a0} a\u{2003}",
            "\u{3000}\n",
            "\n\u{85}",
            "é ",
            " x\u{a0}\u{a0} ",
            "\u{b}\u{c}word\u{c}",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
            assert_eq!(is_blank(text), text.trim().is_empty(), "{text:?}");
        }
    }

    #[test]
    fn the_short_cuts_agree_with_the_unicode_tables() {
        for c in (0..=0xffff).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn words_joined_is_the_words_joined() {
        for text in [
            "Ünïcode WORDS, and punctuation!",
            "",
            "  Read  also: ",
            "ΑΘΗΝΑ-Αθήνα 12",
        ] {
            assert_eq!(
                words_joined(text),
                words(text).collect::<Vec<_>>().join(" ")
            );
        }
    }

    #[test]
    fn collapse_whitespace_trims_and_joins() {
        assert_eq!(collapse_whitespace("  a \n\t b  "), "a b");
    }
}
