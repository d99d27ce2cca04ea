//! Renderers and budgets on hostile pages (issue 13), each with a time and a memory bound
//! relative to a plain page of the same size, and renderer growth checked at n and 4n. Its own
//! test binary, its tests one at a time: peak memory is read from the process (`VmHWM`, reset
//! through `/proc/self/clear_refs`), which other tests running beside them would disturb.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::Mutex;
use std::time::{Duration, Instant};

use unchaff::{Config, ErrorKind, Limit, RenderOptions};

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

const PROSE: &str = "The council met on Monday evening, and after a long debate it voted to keep \
    the ferry running through the winter months, to the relief of the islanders. ";

/// A plain article page of about `bytes` bytes.
fn plain_page(bytes: usize) -> String {
    let mut html = String::from("<html><body><article>");
    while html.len() < bytes {
        html.push_str(&format!("<p>{}</p>\n", PROSE.repeat(4)));
    }
    html + "</article></body></html>"
}

/// A table whose first row has `n` cells, above `n` rows of one cell.
fn ragged_table(n: usize) -> String {
    let head: String = (0..n).map(|k| format!("<td>c{k}</td>")).collect();
    let rows: String = (0..n)
        .map(|k| format!("<tr><td>row {k}</td></tr>"))
        .collect();
    format!(
        "<html><body><article><p>{PROSE}</p><table><tr>{head}</tr>{rows}</table></article></body></html>"
    )
}

/// One paragraph of `n` bold, italic and linked words.
fn dense_spans(n: usize) -> String {
    let words: String = (0..n)
        .map(|k| match k % 3 {
            0 => format!("<b>w{k}</b> "),
            1 => format!("<i>w{k}</i>, "),
            _ => format!("<a href=\"/p/{k}\">w{k}</a> "),
        })
        .collect();
    format!("<html><body><article><p>{PROSE}{words}</p></article></body></html>")
}

/// One paragraph repeated `n` times (in-page dedup).
fn repeated(n: usize) -> String {
    format!(
        "<html><body><article>{}</article></body></html>",
        format!("<p>{PROSE}</p>").repeat(n)
    )
}

/// Peak resident memory in bytes of this process since the last reset.
fn peak() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// Extracts `html` and renders it every way; its time and the growth of peak memory, and the
/// total size of the renderings.
fn measure(html: &str) -> (Duration, u64, usize) {
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let before = peak();
    let start = Instant::now();
    let mut size = 0;
    if let Ok(page) = unchaff::extract(html, &Config::default()) {
        size += page.text().len();
        for images in [false, true] {
            let options = RenderOptions::default().with_images(images);
            size += page.markdown(&options).len();
            size += page.html(&options).len();
            size += page.html(&options.with_standalone(true)).len();
        }
    }
    let time = start.elapsed();
    let memory = if reset {
        peak().saturating_sub(before)
    } else {
        0
    };
    (time, memory, size)
}

/// The hostile page takes at most ten times the time (plus a second) and memory (plus 64 MB) of
/// a plain page of its size, and its renderings at most 16 bytes per byte in.
#[track_caller]
fn bounded(name: &str, html: &str) {
    let (plain_time, plain_memory, _) = measure(&plain_page(html.len()));
    let (time, memory, size) = measure(html);
    assert!(
        time < plain_time * 10 + Duration::from_secs(1),
        "{name}: {time:?} against {plain_time:?}"
    );
    assert!(
        memory < plain_memory * 10 + (64 << 20),
        "{name}: {memory} bytes against {plain_memory}"
    );
    assert!(
        size < 16 * 7 * html.len(),
        "{name}: {size} bytes out of {}",
        html.len()
    );
}

/// At 4n the time is at most 4 x 3 that of n (plus slack) and the output at most 4.5 times.
#[track_caller]
fn linear_growth(name: &str, page: impl Fn(usize) -> String, n: usize) {
    let (time, _, size) = measure(&page(n));
    let (time4, _, size4) = measure(&page(4 * n));
    assert!(
        time4 < time * 12 + Duration::from_millis(300),
        "{name}: {time4:?} at 4n against {time:?} at n"
    );
    assert!(
        size4 * 2 < size * 9,
        "{name}: {size4} bytes at 4n against {size} at n"
    );
}

#[test]
fn ragged_tables_are_bounded_and_linear() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    bounded("ragged table 3,000", &ragged_table(3_000));
    linear_growth("ragged table", ragged_table, 1_000);
}

#[test]
fn dense_spans_are_bounded_and_linear() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    bounded("100,000 spans", &dense_spans(100_000));
    linear_growth("spans", dense_spans, 10_000);
}

#[test]
fn in_page_repeats_are_linear() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    bounded("20,000 repeats", &repeated(20_000));
    linear_growth("repeats", repeated, 2_000);
}

/// The default configuration, changed by `change`.
fn config_with(change: impl FnOnce(&mut Config)) -> Config {
    let mut config = Config::default();
    change(&mut config);
    config
}

#[test]
fn a_caller_budget_ends_an_extraction_with_a_typed_error() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let html = dense_spans(20_000);
    let config = config_with(|c| c.max_nodes = Some(1_000));
    let error = unchaff::extract(&html, &config).expect_err("over the node limit");
    assert!(matches!(
        error.kind(),
        ErrorKind::OverBudget(Limit::Nodes { limit: 1_000, .. })
    ));
    let config = config_with(|c| c.time_limit = Some(Duration::ZERO));
    let error = unchaff::extract(&html, &config).expect_err("over the time limit");
    assert!(matches!(
        error.kind(),
        ErrorKind::OverBudget(Limit::Time { stage: "parse", .. })
    ));
    assert!(error.to_string().contains("time limit"), "{error}");
    let roomy = config_with(|c| {
        c.max_nodes = Some(1_000_000);
        c.time_limit = Some(Duration::from_secs(600));
    });
    assert!(unchaff::extract(&html, &roomy).is_ok());
    let small = config_with(|c| c.max_input_bytes = 1_000);
    let error = unchaff::extract_bytes(html.as_bytes(), &small).expect_err("too large");
    assert!(matches!(
        error.kind(),
        ErrorKind::TooLarge { limit: 1_000, .. }
    ));
}

#[test]
fn utf32_with_a_bom_is_read_as_utf32() {
    let html = format!("<html><body><article><p>Caf\u{e9}. {PROSE}</p></article></body></html>");
    for big_endian in [false, true] {
        let bytes: Vec<u8> = std::iter::once('\u{feff}')
            .chain(html.chars())
            .flat_map(|c| {
                if big_endian {
                    u32::from(c).to_be_bytes()
                } else {
                    u32::from(c).to_le_bytes()
                }
            })
            .collect();
        let page = unchaff::extract_bytes(&bytes, &Config::default()).expect("extracts");
        assert!(
            page.text().starts_with("Café. The council met"),
            "{}",
            page.text()
        );
        assert_eq!(
            page.encoding,
            if big_endian { "UTF-32BE" } else { "UTF-32LE" }
        );
    }
}
