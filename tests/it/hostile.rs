//! The hostile inputs of the reliability table (`docs/reliability.md`), at full size, generated
//! here. Each gives a result or a clean error, and takes about what a plain page of the same size
//! takes (a generous factor: the machine is shared and the test build is not optimised).

use std::io::Write;
use std::time::{Duration, Instant};

use unchaff::{Config, ErrorKind};

const PROSE: &str = "The council met on Monday evening, and after a long debate it voted to keep \
    the ferry running through the winter months, to the relief of the islanders. ";

/// A plain article page of about `bytes` bytes: the yardstick for time.
fn plain_page(bytes: usize) -> String {
    let paragraph = format!("<p>{}</p>\n", PROSE.repeat(4));
    let mut html = String::from("<html><head><title>Plain</title></head><body><article>");
    while html.len() < bytes {
        html.push_str(&paragraph);
    }
    html.push_str("</article></body></html>");
    html
}

/// Extracts `bytes`, returning how long it took and the result.
fn timed(bytes: &[u8]) -> (Duration, Result<unchaff::Extraction, unchaff::Error>) {
    let config = Config::default();
    let start = Instant::now();
    let result = unchaff::extract_bytes(bytes, &config);
    if let Ok(page) = &result {
        std::hint::black_box(page.text());
        std::hint::black_box(page.markdown(&unchaff::RenderOptions::default()));
    }
    (start.elapsed(), result)
}

/// Extracts a hostile input and a plain page of the same size; the hostile one must not take
/// more than ten times as long (plus two seconds of slack for a busy machine).
#[track_caller]
fn linear(name: &str, hostile: &[u8]) -> Result<unchaff::Extraction, unchaff::Error> {
    let plain = plain_page(hostile.len());
    let (plain_time, plain_result) = timed(plain.as_bytes());
    assert!(plain_result.is_ok());
    let (time, result) = timed(hostile);
    assert!(
        time < plain_time * 10 + Duration::from_secs(2),
        "{name}: {time:?} against {plain_time:?} for a plain page of {} bytes",
        hostile.len()
    );
    result
}

#[test]
fn a_million_nested_divs() {
    let depth = 1_000_000;
    let html = format!(
        "{}<p>{PROSE}</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let page = linear("1,000,000 nested divs", html.as_bytes()).expect("extracts");
    assert!(page.text().contains("The council met"));
}

#[test]
fn two_hundred_thousand_siblings() {
    let html: String = (0..200_000).map(|i| format!("<p>Item {i}.</p>")).collect();
    let page = linear("200,000 siblings", html.as_bytes()).expect("extracts");
    assert!(!page.is_empty());
}

#[test]
fn a_fifty_megabyte_text_node() {
    let words = "word ".repeat(10 << 20);
    let html = format!("<p>{words}</p>");
    let page = linear("50 MB text node", html.as_bytes()).expect("extracts");
    assert_eq!(page.text().len(), words.len());
}

#[test]
fn ten_megabytes_of_links() {
    let mut html = String::from("<div>");
    let mut i = 0;
    while html.len() < 10 << 20 {
        html.push_str(&format!("<a href=\"/page/{i}\">Link number {i}</a> "));
        i += 1;
    }
    linear("10 MB of links", html.as_bytes()).expect("extracts");
}

#[test]
fn a_hundred_thousand_attributes_on_one_element() {
    let attributes: String = (0..100_000).map(|i| format!(" a{i}=\"v\"")).collect();
    let html = format!("<div{attributes}><p>{PROSE}</p></div>");
    let page = linear("100,000 attributes", html.as_bytes()).expect("extracts");
    assert!(page.text().contains("The council met"));
}

#[test]
fn tables_nested_ten_thousand_deep() {
    let depth = 10_000;
    let html = format!(
        "{}<p>{PROSE}</p>{}",
        "<table><tr><td>".repeat(depth),
        "</td></tr></table>".repeat(depth)
    );
    let page = linear("tables nested 10,000 deep", html.as_bytes()).expect("extracts");
    assert!(page.text().contains("The council met"));
}

#[test]
fn a_hundred_thousand_e_mail_fields_in_one_box() {
    // Each field finds the same sign-up box; the box's fields are counted once, not per field.
    let html = format!(
        "<article><p>{PROSE}</p><div><p>Sign up</p>{}</div></article>",
        r#"<input type="email" name="email">"#.repeat(100_000)
    );
    linear("100,000 e-mail fields", html.as_bytes()).expect("extracts");
}

#[test]
fn fifty_thousand_drop_caps() {
    let html = format!(
        "<article>{}</article>",
        format!("<div>T</div><p>he islanders cheered. {PROSE}</p>").repeat(50_000)
    );
    let page = linear("50,000 drop caps", html.as_bytes()).expect("extracts");
    assert!(
        page.text().starts_with("The islanders"),
        "{}",
        &page.text()[..80]
    );
}

#[test]
fn ten_thousand_collapsed_panels() {
    // Each disclosure button finds its panel by one step to the next sibling.
    let panel = format!(
        r#"<h3><button aria-expanded="false">Step</button></h3><div hidden><p>{PROSE}</p></div>"#
    );
    let html = format!(
        "<article><p>A guide in steps, each one opened with a button.</p>{}</article>",
        panel.repeat(10_000)
    );
    let page = linear("10,000 collapsed panels", html.as_bytes()).expect("extracts");
    assert!(page.text().contains("The council met"));
}

#[test]
fn five_megabytes_of_json_in_a_hidden_state_element() {
    let items: Vec<String> = (0..200_000)
        .map(|k| format!(r#"{{"id":{k},"n":"B0{k}"}}"#))
        .collect();
    let html = format!(
        "<article><p>{PROSE}</p><div class=\"state\">{{\"items\":[{}]}}</div></article>",
        items.join(",")
    );
    let page = linear("5 MB of JSON", html.as_bytes()).expect("extracts");
    assert!(!page.text().contains("\"items\""));
}

#[test]
fn thirty_thousand_posts_each_of_its_own_shape() {
    // Posts (a poster and a date each) are counted by shape under their parent in a map, not
    // by a search through the shapes seen.
    let posts: String = (0..30_000)
        .map(|k| format!(r#"<div class="p{k}x user-date"><p>{PROSE}</p></div>"#))
        .collect();
    let html = format!("<article>{posts}</article>");
    let page = linear("30,000 posts of distinct shapes", html.as_bytes()).expect("extracts");
    assert!(page.text().contains("The council met"));
}

#[test]
fn a_megabyte_line_without_spaces() {
    let html = format!("<p>{}</p><p>{PROSE}</p>", "x".repeat(1 << 20));
    linear("1 MB line without spaces", html.as_bytes()).expect("extracts");
}

#[test]
fn pathological_whitespace() {
    let html = format!(
        "<p>{}</p><p>{PROSE}</p>{}",
        " \t\n\u{a0}\u{2003}".repeat(200_000),
        "<div>   \n   </div>".repeat(100_000)
    );
    let page = linear("pathological whitespace", html.as_bytes()).expect("extracts");
    assert!(page.text().contains("The council met"));
}

#[test]
fn unclosed_tags_everywhere() {
    let html: String = (0..100_000)
        .map(|i| {
            [
                "<div>",
                "<p>",
                "<b>",
                "<a href=x>",
                "<table><tr><td>",
                "<li>",
            ][i % 6]
        })
        .chain(std::iter::once(PROSE))
        .collect();
    linear("100,000 unclosed tags", html.as_bytes()).expect("extracts");
}

#[test]
fn only_a_script() {
    let html = format!(
        "<script>{}</script>",
        "var x = '<p>not text</p>';\n".repeat(100_000)
    );
    let page = linear("a page that is only a script", html.as_bytes()).expect("extracts");
    assert!(page.is_empty());
}

#[test]
fn a_charset_that_lies() {
    // Declared Windows-1251, written in UTF-8: valid UTF-8 wins.
    let html = format!("<meta charset=windows-1251><p>Пешеходный мост снова открыт. {PROSE}</p>");
    let page = linear("a lying charset", html.as_bytes()).expect("extracts");
    assert!(page.text().contains("Пешеходный мост"));
}

#[test]
fn binary_inputs_are_refused_cleanly() {
    let png: Vec<u8> = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a]
        .into_iter()
        .chain((0..100_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8))
        .collect();
    let mut zip = vec![b'P', b'K', 3, 4];
    zip.extend((0..100_000u32).map(|i| (i.wrapping_mul(40_503) >> 7) as u8));
    let random: Vec<u8> = (0..1_000_000u64)
        .map(|i| (i.wrapping_mul(6_364_136_223_846_793_005) >> 33) as u8)
        .collect();
    for (name, bytes) in [("PNG", png), ("ZIP", zip), ("random bytes", random)] {
        match linear(name, &bytes) {
            Err(e) => assert!(matches!(e.kind(), ErrorKind::Binary { .. }), "{name}: {e}"),
            Ok(page) => panic!("{name} gave a page: {page:?}"),
        }
    }
}

#[test]
fn empty_input_is_an_empty_result() {
    let page = unchaff::extract_bytes(b"", &Config::default()).expect("empty extracts");
    assert!(page.is_empty());
}

#[test]
fn a_truncated_gz_is_one_clear_error() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(plain_page(100_000).as_bytes())
        .expect("compresses");
    let bytes = gz.finish().expect("compresses");
    let path = dir.path().join("cut.html.gz");
    std::fs::write(&path, &bytes[..bytes.len() / 2]).expect("written");
    let run = crate::util::run([path.display().to_string()], b"");
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("cut.html.gz"), "{}", run.stderr);
}
