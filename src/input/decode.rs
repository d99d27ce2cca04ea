//! Stage 1: bytes to UTF-8.
//!
//! Order of evidence: a byte-order mark; then the NUL bytes of UTF-16 without one; then a
//! `<meta charset>` or `http-equiv` declaration, unless the bytes contradict it (a page declaring
//! gb2312 that is valid UTF-8 is UTF-8); then detection.

use std::borrow::Cow;
use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use regex::bytes::Regex;

/// How far into the document a charset declaration is looked for.
const PRESCAN_BYTES: usize = 8192;

// The pattern is fixed; every test of a declared charset builds it.
#[allow(clippy::expect_used)]
static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta\s[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
        .expect("static regex is valid")
});

/// The text of a page and the encoding it was read in.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// The encoding's name (encoding_rs's, or `UTF-32LE` / `UTF-32BE`, which it does not know).
    pub name: &'static str,
}

/// The byte-order marks of UTF-32 (little-endian first; its BOM starts like UTF-16LE's).
const UTF32_BOMS: [(&[u8], bool, &str); 2] = [
    (b"\xFF\xFE\x00\x00", false, "UTF-32LE"),
    (b"\x00\x00\xFE\xFF", true, "UTF-32BE"),
];

/// Text in UTF-32 with a byte-order mark, decoded; code units that are not characters become
/// U+FFFD, as does a cut last unit.
fn utf32(bytes: &[u8]) -> Option<Decoded<'static>> {
    let (bom, big_endian, name) = UTF32_BOMS
        .into_iter()
        .find(|(bom, _, _)| bytes.starts_with(bom))?;
    let body = &bytes[bom.len()..];
    let mut text = String::with_capacity(body.len() / 4);
    for unit in body.chunks(4) {
        let c = <[u8; 4]>::try_from(unit)
            .ok()
            .map(|b| {
                if big_endian {
                    u32::from_be_bytes(b)
                } else {
                    u32::from_le_bytes(b)
                }
            })
            .and_then(char::from_u32)
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        text.push(c);
    }
    Some(Decoded {
        text: Cow::Owned(text),
        name,
    })
}

impl<'a> Decoded<'a> {
    fn new(text: Cow<'a, str>, encoding: &'static Encoding) -> Decoded<'a> {
        Decoded {
            text,
            name: encoding.name(),
        }
    }
}

/// How many of the input's first bytes are looked at to tell text from binary data.
const SNIFF_BYTES: usize = 8192;
/// Control bytes (other than tab, newline, form feed, carriage return and escape) per thousand
/// above which the input is binary data: text has next to none, random data about 120.
const BINARY_PER_MILLE: u32 = 50;

/// Control bytes per thousand in the first bytes of `bytes`, when that marks them as binary data
/// rather than text. Inputs with a byte-order mark, or that read as UTF-16 without one, are text
/// whatever their bytes.
pub(crate) fn binary(bytes: &[u8]) -> Option<u32> {
    let bom =
        Encoding::for_bom(bytes).is_some() || UTF32_BOMS.iter().any(|b| bytes.starts_with(b.0));
    if bom || utf16_without_bom(bytes).is_some() {
        return None;
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.is_empty() {
        return None;
    }
    // Summed as numbers, which the compiler turns into a vector loop.
    let control: usize = head
        .iter()
        .map(|&b| {
            usize::from(b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0c | b'\r' | 0x1b) || b == 0x7f)
        })
        .sum();
    let per_mille = (control * 1000 / head.len()) as u32;
    (per_mille > BINARY_PER_MILLE).then_some(per_mille)
}

/// The byte order of UTF-16 text without a byte-order mark, told from its first bytes.
///
/// Markup is mostly ASCII, and an ASCII character in UTF-16 is a NUL byte beside a printable one:
/// at odd offsets in little-endian text, at even ones in big-endian. The input reads as UTF-16 when
/// at least a quarter of its first characters are such pairs, nine in ten of the NULs at that
/// parity sit beside printable ASCII or white space, hardly any NULs fall at the other parity, and
/// a `<` is among them. Binary data (images, archives, random bytes, runs of NULs) fails one of
/// these; text in an ASCII-compatible encoding has no NULs.
pub(crate) fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let pairs = head.len() / 2;
    // Text in an ASCII-compatible encoding, nearly every page, has no NUL to count.
    if pairs < 2 || memchr::memchr(0, head).is_none() {
        return None;
    }
    // Per offset parity (even, odd): NUL bytes, NULs beside printable ASCII, and whether a `<` is
    // one of those.
    let mut nul = [0usize; 2];
    let mut beside_ascii = [0usize; 2];
    let mut tag = [false; 2];
    for pair in head.chunks_exact(2) {
        for (at, other) in [(0, pair[1]), (1, pair[0])] {
            if pair[at] != 0 {
                continue;
            }
            nul[at] += 1;
            if matches!(other, 0x20..=0x7e | b'\t' | b'\n' | 0x0c | b'\r') {
                beside_ascii[at] += 1;
            }
            tag[at] |= other == b'<';
        }
    }
    let (at, encoding) = if nul[1] > nul[0] {
        (1, UTF_16LE)
    } else {
        (0, UTF_16BE)
    };
    let utf16 = nul[at] * 4 >= pairs
        && beside_ascii[at] * 10 >= nul[at] * 9
        && nul[1 - at] * 20 <= pairs
        && tag[at];
    utf16.then_some(encoding)
}

/// The charset a `Content-Type` value names, if encoding_rs knows it.
pub(crate) fn content_type_charset(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| Encoding::for_label(value.trim().trim_matches(['"', '\'']).as_bytes()))
            .flatten()
    })
}

/// Decodes `bytes` as HTML, guessing the encoding from the BOM, the charset the transport declared
/// (an HTTP `Content-Type`), the page's own declaration and the bytes.
pub(crate) fn decode<'a>(bytes: &'a [u8], transport: Option<&'static Encoding>) -> Decoded<'a> {
    if let Some(decoded) = utf32(bytes) {
        return decoded;
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (text, _) = encoding.decode_without_bom_handling(body);
        return Decoded::new(text, encoding);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return Decoded::new(text, encoding);
    }
    let declared = transport.or_else(|| declared_encoding(bytes));
    // encoding_rs's check, the one its decoder makes (std's takes three times the instructions).
    let is_utf8 = Encoding::utf8_valid_up_to(bytes) == bytes.len();
    let encoding = match declared {
        // Valid UTF-8 with non-ASCII bytes is almost never anything else, whatever the page says.
        Some(_) if is_utf8 => UTF_8,
        Some(enc) if enc != UTF_8 => enc,
        _ if is_utf8 => UTF_8,
        // A UTF-8 page with a few stray bytes of another encoding (a widget's Latin-1 string):
        // read as browsers do, the stray bytes as replacement characters.
        _ => {
            let (text, _) = UTF_8.decode_without_bom_handling(bytes);
            if mostly_utf8(&text) {
                return Decoded::new(text, UTF_8);
            }
            detect(bytes)
        }
    };
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Decoded::new(text, encoding)
}

/// Of the non-ASCII characters of a text decoded as UTF-8, the share that must be real ones, not
/// replacement characters, for the bytes to be UTF-8 with a few stray bytes.
const MOSTLY_UTF8: (usize, usize) = (9, 10);

/// Whether most of the non-ASCII characters of `text` (decoded as UTF-8) were valid UTF-8: text
/// in a legacy encoding read as UTF-8 is nearly all replacement characters.
fn mostly_utf8(text: &str) -> bool {
    let (mut valid, mut replaced) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if c == char::REPLACEMENT_CHARACTER {
            replaced += 1;
        } else {
            valid += 1;
        }
    }
    valid > 0 && valid * MOSTLY_UTF8.1 >= (valid + replaced) * MOSTLY_UTF8.0
}

/// The encoding a `<meta>` near the top of the page declares, if any is known to encoding_rs.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let label = META_CHARSET.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label(label)?;
    // A page cannot declare UTF-16 in ASCII-compatible bytes; HTML reads that as UTF-8.
    if encoding == UTF_16LE || encoding == UTF_16BE {
        return Some(UTF_8);
    }
    Some(encoding)
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins_over_meta() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<meta charset=windows-1252><p>é</p>".as_bytes());
        let d = decode(&bytes, None);
        assert_eq!(d.name, UTF_8.name());
        assert!(d.text.contains("<p>é</p>"));
        assert!(!d.text.starts_with('\u{feff}'));
    }

    #[test]
    fn meta_charset_declares_legacy_encoding() {
        let (body, _, _) = encoding_rs::WINDOWS_1251.encode("<p>Привет, мир</p>");
        let mut bytes = br#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>"#.to_vec();
        bytes.extend_from_slice(&body);
        let d = decode(&bytes, None);
        assert_eq!(d.name, encoding_rs::WINDOWS_1251.name());
        assert!(d.text.contains("Привет, мир"));
    }

    #[test]
    fn valid_utf8_beats_a_wrong_declaration() {
        let html = "<meta charset=gb2312><p>中文内容，没有乱码。</p>";
        let d = decode(html.as_bytes(), None);
        assert_eq!(d.name, UTF_8.name());
        assert!(d.text.contains("中文内容"));
    }

    #[test]
    fn utf8_with_a_few_stray_bytes_stays_utf8() {
        let mut page = "<meta charset=utf-8><p>So schön winterlich: Grüße aus Köln, Äpfel, \
                        Öfen, Übermut, süß, größer, Straße, Bäcker, Töpfe.</p><img alt=\""
            .as_bytes()
            .to_vec();
        page.extend_from_slice(b"K\xfcchenblogs\">");
        let d = decode(&page, None);
        assert_eq!(d.name, UTF_8.name());
        assert!(d.text.contains("So schön winterlich"));
        assert!(d.text.contains("K\u{FFFD}chenblogs"));
        // Latin-1 throughout, declared UTF-8 or not, is still told by its bytes.
        let (latin, _, _) = encoding_rs::WINDOWS_1252
            .encode("<meta charset=utf-8><p>Grüße aus Köln, Äpfel und Öfen, süß und größer.</p>");
        assert_eq!(decode(&latin, None).name, encoding_rs::WINDOWS_1252.name());
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected() {
        let text = "Съешь же ещё этих мягких французских булок, да выпей чаю. ".repeat(8);
        let (body, _, _) = encoding_rs::WINDOWS_1251.encode(&text);
        let d = decode(&body, None);
        assert_eq!(d.name, encoding_rs::WINDOWS_1251.name());
        assert!(d.text.contains("французских"));
    }

    #[test]
    fn the_transport_charset_outranks_meta() {
        let (body, _, _) = encoding_rs::WINDOWS_1251.encode("<meta charset=utf-8><p>Привет</p>");
        let charset = content_type_charset("text/html; Charset=\"windows-1251\"");
        assert_eq!(charset, Some(encoding_rs::WINDOWS_1251));
        assert!(decode(&body, charset).text.contains("Привет"));
        assert_eq!(content_type_charset("text/html"), None);
    }

    #[test]
    fn binary_data_is_told_from_text() {
        assert!(
            binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0").is_some()
        );
        assert!(binary(&[0u8; 100]).is_some());
        assert_eq!(
            binary(
                "<p>Plain text, with a stray \u{1} in it.</p>"
                    .repeat(20)
                    .as_bytes()
            ),
            None
        );
        let (utf16, _, _) = encoding_rs::UTF_16LE.encode("<p>x</p>");
        assert_eq!(
            binary(&[&[0xFF, 0xFE][..], &utf16].concat()),
            None,
            "a BOM says text"
        );
    }

    /// `text` in UTF-16 of the given byte order, without a byte-order mark.
    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|unit| {
                if big_endian {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn utf16_without_bom_is_decoded() {
        let page = "<!DOCTYPE html><html><head><meta charset=\"utf-16\"><title>Café</title></head>\
            <body><p>Паром будет ходить всю зиму, 渡轮 — €5.</p></body></html>";
        for (big_endian, encoding) in [(false, UTF_16LE), (true, UTF_16BE)] {
            let bytes = utf16(page, big_endian);
            assert_eq!(utf16_without_bom(&bytes), Some(encoding));
            assert_eq!(binary(&bytes), None, "{encoding:?} is text");
            let d = decode(&bytes, None);
            assert_eq!(d.name, encoding.name());
            assert_eq!(d.text, page);
            // An odd byte at the end is a broken character, not a reason to refuse the page.
            let mut odd = bytes.clone();
            odd.push(b'x');
            assert_eq!(decode(&odd, None).name, encoding.name());
        }
        // Mostly non-ASCII prose still has enough markup around it.
        let russian = format!("<p>{}</p>", "Съешь же ещё этих мягких булок. ".repeat(3));
        let prose = format!("<div class=\"article\">{russian}</div>");
        assert_eq!(utf16_without_bom(&utf16(&prose, false)), Some(UTF_16LE));
    }

    #[test]
    fn binary_data_is_not_taken_for_utf16() {
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        let random: Vec<u8> = (0..8192)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as u8
            })
            .collect();
        let png = [
            &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0"[..],
            &random,
        ]
        .concat();
        let zip = [&b"PK\x03\x04\x14\0\0\0\x08\0"[..], &random].concat();
        // Small numbers as 16-bit words: NULs at one parity, but beside any byte.
        let words: Vec<u8> = (0..4096u16).flat_map(|n| (n % 256).to_le_bytes()).collect();
        let cases: [(&str, &[u8]); 6] = [
            ("random", &random),
            ("png", &png),
            ("zip", &zip),
            ("nul", &[0; 4096]),
            ("words", &words),
            ("utf-8", "<p>Паром ходит всю зиму.</p>".as_bytes()),
        ];
        for (name, bytes) in cases {
            assert_eq!(utf16_without_bom(bytes), None, "{name}");
        }
        for (name, bytes) in &cases[..5] {
            assert!(binary(bytes).is_some(), "{name} is refused");
        }
        // UTF-16 without any markup is not recognised: nothing says it is a page.
        assert_eq!(utf16_without_bom(&utf16("plain words", false)), None);
    }

    #[test]
    fn utf32_with_a_bom_is_decoded_not_taken_for_utf16() {
        let page = "<p>Caf\u{e9} \u{1F600} ferry</p>";
        for (big_endian, name) in [(false, "UTF-32LE"), (true, "UTF-32BE")] {
            let mut bytes = Vec::new();
            for c in std::iter::once('\u{feff}').chain(page.chars()) {
                let unit = u32::from(c);
                bytes.extend(if big_endian {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                });
            }
            assert_eq!(binary(&bytes), None, "{name} is text");
            let d = decode(&bytes, None);
            assert_eq!((d.text.as_ref(), d.name), (page, name));
            // A cut last unit and a unit past U+10FFFF become U+FFFD.
            bytes.extend([0xff, 0xff, 0xff, 0x7f]);
            bytes.push(0);
            assert!(decode(&bytes, None).text.ends_with("</p>\u{fffd}\u{fffd}"));
        }
    }

    #[test]
    fn invalid_bytes_never_fail() {
        let d = decode(&[0xff, 0xfe, 0xfd, b'<', 0x80], None);
        assert!(!d.text.is_empty());
    }
}
