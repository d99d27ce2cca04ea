//! Hostile input: the library never panics, always returns, and keeps to its size limit.
//!
//! Each case must finish well inside [`BUDGET`] in a test build; the whole file runs in a few
//! seconds, so the cases stay small where size is not the point.

use std::time::{Duration, Instant};

use unchaff::{Config, ErrorKind, Extraction, RenderOptions};

/// Far above what any case takes in a debug build: a case over it has gone quadratic.
const BUDGET: Duration = Duration::from_secs(10);

/// A prose sentence, to check that text survives the damage around it.
const PROSE: &str = "BODY_TEXT The council met on Monday evening, and after a long debate it voted \
    to keep the ferry running through the winter months, to the relief of the islanders who had \
    campaigned for weeks, writing letters and attending every meeting of the transport board.";

/// A small deterministic generator (xorshift64), so a failing input can be reproduced.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }
}

/// What the result of any extraction must look like, whatever went in.
#[track_caller]
fn assert_sane(page: &Extraction) {
    let text = page.text();
    assert_eq!(text.is_empty(), page.blocks.is_empty(), "{page:#?}");
    assert!(text.is_empty() || text.ends_with('\n'));
    assert!(!text.contains('\0'), "a NUL reached the text: {text:?}");
    for block in &page.blocks {
        assert!(!block.text.is_empty(), "empty block in {page:#?}");
    }
}

/// The renderings keep the fuzz target's invariants (`fuzz/src/invariants.rs`): the Markdown
/// reads back as the text and has no two blank lines in a row, the HTML shows the text's words
/// and nothing but its own elements.
#[track_caller]
fn assert_renders(page: &Extraction) {
    if let Err(violation) = crate::properties::invariants::check(page) {
        panic!("{violation}");
    }
}

/// Extracts `html` with the default config, within the budget.
#[track_caller]
fn extract(html: &str) -> Extraction {
    let start = Instant::now();
    let page = unchaff::extract(html, &Config::default()).expect("within the size limit");
    let took = start.elapsed();
    assert!(took < BUDGET, "took {took:?} on {} bytes", html.len());
    assert_sane(&page);
    page
}

/// Extracts raw `bytes` with the default config, within the budget.
#[track_caller]
fn extract_bytes(bytes: &[u8]) -> Extraction {
    let start = Instant::now();
    let page = match unchaff::extract_bytes(bytes, &Config::default()) {
        Ok(page) => page,
        // Binary data is refused with a reason; that is a result too.
        Err(e) if matches!(e.kind(), ErrorKind::Binary { .. }) => {
            unchaff::extract("", &Config::default()).expect("empty input extracts")
        }
        Err(e) => panic!("unexpected error {e}"),
    };
    let took = start.elapsed();
    assert!(took < BUDGET, "took {took:?} on {} bytes", bytes.len());
    assert_sane(&page);
    page
}

#[test]
fn empty_and_blank_input_yield_nothing() {
    for input in ["", " ", "\n\n\t  \r\n", "\u{feff}", "\u{a0}\u{2003}"] {
        let page = extract(input);
        assert!(page.is_empty(), "{input:?}: {page:#?}");
        assert_eq!(page.title, None);
        assert_eq!(page.text(), "");
        assert!(extract_bytes(input.as_bytes()).is_empty());
    }
}

#[test]
fn random_bytes() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for _ in 0..300 {
        let len = rng.below(4097);
        let bytes = rng.bytes(len);
        extract_bytes(&bytes);
        extract(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn random_tag_soup() {
    /// Pieces of markup, separated by `|`.
    const PIECES: &str = "<div>|</div>|<p>|</p>|<span>|<a href=x>|</a>|<table>|<tr>|<td>|<th>|\
        </table>|<ul>|<li>|</ul>|<pre>|</pre>|<br>|<h1>|</h1>|<blockquote>|<nav>|<footer>|\
        <article>|<main>|<script>|</script>|<style>|<!--|-->|<![CDATA[|]]>|<svg>|<math>|\
        <template>|<noscript>|<select>|<textarea>|<title>|<head>|<body>|<html>|<frameset>|\
        <plaintext>|<div class=comments>|<div hidden>|<meta charset=x>|&amp;|&#0;|&#x110000;|\
        &|<|>|\0| |\n|word|Word, word.";
    let pieces: Vec<&str> = PIECES.split('|').chain([PROSE]).collect();
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    for _ in 0..300 {
        let count = rng.below(200);
        let html: String = (0..count)
            .map(|_| pieces[rng.below(pieces.len())])
            .collect();
        assert_renders(&extract(&html));
    }
}

#[test]
fn invalid_utf8_behind_a_charset_declaration() {
    let mut html = b"<html><head><meta charset=\"utf-8\"><title>T</title></head><body><p>".to_vec();
    html.extend_from_slice(&[0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0xf0, 0x90, 0x80]);
    html.extend_from_slice(PROSE.as_bytes());
    html.extend_from_slice(&[0xc3]);
    let page = extract_bytes(&html);
    assert!(page.text().contains("BODY_TEXT"), "{page:#?}");

    for label in ["windows-1252", "shift_jis", "utf-16", "x-no-such-charset"] {
        let mut html = format!("<meta charset={label}><p>").into_bytes();
        html.extend_from_slice(&[0x80, 0xff, 0x00, 0xfe, 0x81]);
        // An ASCII tag ends any multi-byte sequence the bytes above began.
        html.extend_from_slice(b"</p><p>");
        html.extend_from_slice(PROSE.as_bytes());
        let page = extract_bytes(&html);
        assert!(page.text().contains("BODY_TEXT"), "{label}: {page:#?}");
    }
}

#[test]
fn nul_bytes() {
    extract_bytes(&[0; 64 * 1024]);
    extract(&"\0".repeat(64 * 1024));
    let page = extract(&format!(
        "<p>\0{}\0</p><pre>\0code\0</pre>",
        PROSE.replace(' ', " \0")
    ));
    assert_renders(&page);
    assert!(page.text().contains("BODY_TEXT"), "{page:#?}");
}

#[test]
fn deep_nesting_of_mixed_tags() {
    const TAGS: &[&str] = &["div", "span", "table", "li", "a"];
    let depth = 2_000;
    let open: String = (0..depth)
        .map(|i| format!("<{}>x ", TAGS[i % TAGS.len()]))
        .collect();
    let close: String = (0..depth)
        .rev()
        .map(|i| format!("</{}>", TAGS[i % TAGS.len()]))
        .collect();
    extract(&open);
    extract(&format!("{open}<p>{PROSE}</p>{close}"));
    // Without text in between, as a pure chain of elements.
    let bare: String = (0..depth).map(|i| format!("<{}>", TAGS[i % 2])).collect();
    extract(&bare);
}

#[test]
fn extreme_nesting_stays_linear() {
    // 200,000 nested elements: the parser's scope checks would make this quadratic (minutes);
    // nesting is capped before parsing, so it must cost about what a flat page of the same size
    // costs. The factor is generous: the machine is shared and this is a debug build.
    let depth = 200_000;
    let deep = format!(
        "{}<p>{PROSE}</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let flat = format!("{}<p>{PROSE}</p>{}", "<div></div>".repeat(depth), "");
    let started = std::time::Instant::now();
    let flat_page = extract(&flat);
    let flat_time = started.elapsed();
    let started = std::time::Instant::now();
    let deep_page = extract(&deep);
    let deep_time = started.elapsed();
    assert!(deep_page.text().contains("BODY_TEXT"), "{deep_page:#?}");
    assert!(flat_page.text().contains("BODY_TEXT"));
    assert!(
        deep_time < flat_time * 10 + std::time::Duration::from_secs(2),
        "deep {deep_time:?} vs flat {flat_time:?}"
    );
}

#[test]
fn many_siblings() {
    let html: String = (0..100_000)
        .map(|i| format!("<p>Paragraph {i}, short.</p>"))
        .collect();
    let page = extract(&html);
    assert!(page.text().contains("Paragraph 99999, short."));
}

#[test]
fn one_huge_text_node() {
    let words = "word ".repeat(1_000_000);
    let page = extract(&format!("<p>{words}</p>"));
    assert_eq!(page.text().len(), words.len());
    extract(&"x".repeat(5 << 20));
}

#[test]
fn unclosed_markup() {
    let cases = [
        format!("<div><p>{PROSE}"),
        format!("<p>{PROSE}<!-- a comment that never ends <p>MENU_TEXT</p>"),
        format!("<p>{PROSE}</p><![CDATA[ never closed"),
        format!("<svg><![CDATA[ never closed {PROSE}"),
        format!("<p>{PROSE}</p><script>var x = '<p>MENU_TEXT</p>';"),
        format!("<p>{PROSE}</p><style>p {{ color: red"),
        format!("<title>{PROSE}"),
        format!("<textarea>{PROSE}"),
        format!("<p>{PROSE}<a href='unterminated attribute"),
        format!("<p>{PROSE}</p><!"),
        format!("<p>{PROSE}</p><?xml"),
        format!("<table><tr><td>{PROSE}"),
        format!("<plaintext>{PROSE}</plaintext><p>more"),
        format!("<ul><li>{PROSE}<li>{PROSE}"),
        format!("</p></div></body></html>{PROSE}"),
    ];
    for html in &cases {
        assert_renders(&extract(html));
    }
    for html in [
        "<",
        "</",
        "<!",
        "<!-",
        "<!--",
        "<![CDATA[",
        "<a",
        "<a href=",
        "&",
        "&#",
        "&#x",
    ] {
        extract(html);
    }
    // Prose stays readable when only its closing tags are missing.
    let page = extract(&cases[0]);
    assert!(page.text().contains("BODY_TEXT"), "{page:#?}");
    let page = extract(&cases[1]);
    assert!(page.text().contains("BODY_TEXT"));
    assert!(!page.text().contains("MENU_TEXT"));
}

#[test]
fn input_over_the_limit_is_refused() {
    let mut config = Config::default();
    config.max_input_bytes = 10;
    let html = "<p>eleven b</p>";
    for result in [
        unchaff::extract(html, &config),
        unchaff::extract_bytes(html.as_bytes(), &config),
    ] {
        let err = result.expect_err("over the limit");
        assert_eq!(
            err.kind(),
            &ErrorKind::TooLarge {
                size: html.len(),
                limit: 10
            }
        );
    }
    // The limit itself is allowed.
    assert!(unchaff::extract("0123456789", &config).is_ok());
    assert!(unchaff::extract_bytes(b"0123456789", &config).is_ok());
}

#[test]
fn utf16_with_and_without_bom() {
    let html = format!(
        "<html><head><meta charset=\"utf-16\"><title>Паром</title></head><body>\
         <nav><a href=/>Home</a></nav><article><p>{PROSE}</p><p>Islanders said «merci» — \
         Паром будет ходить всю зиму.</p></article></body></html>"
    );
    for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        let units = html.encode_utf16().map(|unit| {
            if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            }
        });
        let without_bom: Vec<u8> = units.flatten().collect();
        let bom: &[u8] = if big_endian {
            &[0xFE, 0xFF]
        } else {
            &[0xFF, 0xFE]
        };
        let with_bom = [bom, &without_bom].concat();
        for (bytes, how) in [(with_bom, "with BOM"), (without_bom, "without BOM")] {
            let page = unchaff::extract_bytes(&bytes, &Config::default())
                .unwrap_or_else(|e| panic!("{name} {how}: {e}"));
            assert_sane(&page);
            assert_eq!(page.encoding, name, "{how}");
            let text = page.text();
            assert!(
                text.contains("BODY_TEXT The council met"),
                "{name} {how}: {text}"
            );
            assert!(
                text.contains("Паром будет ходить всю зиму."),
                "{name} {how}: {text}"
            );
            assert!(!text.contains('\0'), "{name} {how}");
        }
    }
}

/// Found by fuzzing the renderers: a list nested in an item with no text of its own starts one
/// level deeper than any list written, and its item's second paragraph was taken for a new,
/// deeper item: the Markdown got two blank lines in a row and a wrong `2.`, the HTML a nested
/// `<ol>`.
#[test]
fn a_continued_item_below_a_skipped_level_continues_its_item() {
    let page = extract(&format!(
        "<article><p>{PROSE}</p><ol><li><ol start=\"2\"><li><p>Second says:</p>\
         <p>Have you tried a seed mat under the jar? Mine cost less than a bag of good flour.</p>\
         </li></ol></li></ol></article>"
    ));
    assert_renders(&page);
    let markdown = page.markdown(&RenderOptions::default());
    assert!(
        markdown.ends_with(
            "\n\n2. Second says:\n\n   Have you tried a seed mat under the jar? Mine cost less \
             than a bag of good flour.\n"
        ),
        "{markdown}"
    );
    let html = page.html(&RenderOptions::default());
    assert!(
        html.ends_with(
            "<ol start=\"2\">\n<li>Second says:<p>Have you tried a seed mat under the jar? Mine \
             cost less than a bag of good flour.</p>\n</li>\n</ol>\n"
        ),
        "{html}"
    );
}
