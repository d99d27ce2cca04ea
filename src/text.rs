//! Text helpers every stage shares: the words of a text, as compared across blocks and cues, and
//! whitespace collapsed as readers see it.

/// The lower-cased words of a text: its runs of letters and digits.
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
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
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
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

#[cfg(test)]
mod tests {
    use super::*;

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
