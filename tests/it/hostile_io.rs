//! Hostile archives and file names through the command line (issue 13): a WARC record that
//! inflates past the input limit, damaged records among intact ones, names that collide.

use std::io::Write;
use std::time::{Duration, Instant};

use crate::batch_io::warc_record;
use crate::util::run;

const PROSE: &str = "The council met on Monday evening, and after a long debate it voted to keep \
    the ferry running through the winter months, to the relief of the islanders. ";

/// An HTTP response holding an article page that names `word`.
fn response(word: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><h1>{word}</h1>\
         <p>{word}. {}</p></article></body></html>",
        PROSE.repeat(3)
    )
    .into_bytes()
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).expect("compressed");
    gz.finish().expect("compressed")
}

/// The texts of the pages of a `--jsonl` run and its standard error.
fn pages_of(file: &std::path::Path) -> (Option<i32>, Vec<String>, String) {
    let out = run(
        ["--jsonl", "--no-cross-page", file.to_str().expect("UTF-8")],
        b"",
    );
    let texts = out
        .stdout
        .lines()
        .map(|l| {
            let record: serde_json::Value = serde_json::from_str(l).expect("JSON");
            record["text"].as_str().unwrap_or_default().to_owned()
        })
        .collect();
    (out.code, texts, out.stderr)
}

#[test]
fn a_damaged_warc_record_is_one_error_and_later_records_come_out() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let good = |word: &str, n| {
        warc_record(
            "response",
            &format!("https://x.example/{word}"),
            &response(word),
            n,
        )
    };
    // A Content-Length shorter than the block: the rest of the block follows the "record".
    let mut short = warc_record(
        "response",
        "https://x.example/short",
        &response("Shortened"),
        2,
    );
    let at = short
        .windows(16)
        .position(|w| w == b"Content-Length: ")
        .expect("header")
        + 16;
    short.splice(at..at + 1, b"1".iter().copied());
    let plain = [good("Alpha", 1), short, good("Omega", 3)].concat();
    let file = dir.path().join("short.warc");
    std::fs::write(&file, &plain).expect("written");
    let (code, texts, stderr) = pages_of(&file);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("damaged WARC record"), "{stderr}");
    assert_eq!(texts.len(), 2);
    assert!(
        texts[0].starts_with("Alpha") && texts[1].starts_with("Omega"),
        "{texts:?}"
    );

    // One gzip member per record, the middle one cut: the next member is read.
    let middle = gz(&good("Middle", 2));
    let members = [
        gz(&good("Alpha", 1)),
        middle[..middle.len() / 2].to_vec(),
        gz(&good("Omega", 3)),
    ]
    .concat();
    let file = dir.path().join("cut.warc.gz");
    std::fs::write(&file, &members).expect("written");
    let (code, texts, stderr) = pages_of(&file);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("damaged"), "{stderr}");
    assert_eq!(texts.len(), 2, "{stderr}");
    assert!(texts[1].starts_with("Omega"), "{texts:?}");
}

#[test]
fn a_warc_record_past_the_input_limit_is_refused_while_inflating() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // A response record of 65 MiB of spaces (the limit is 64 MiB), then a page.
    let size = 65 << 20;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let head = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/bomb\r\n\
         Content-Length: {size}\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    );
    encoder.write_all(head.as_bytes()).expect("compressed");
    let spaces = vec![b' '; 1 << 20];
    let mut left = size - (head.len() - head.find("HTTP/1.1").expect("block"));
    while left > 0 {
        let n = left.min(spaces.len());
        encoder.write_all(&spaces[..n]).expect("compressed");
        left -= n;
    }
    encoder.write_all(b"\r\n\r\n").expect("compressed");
    let bomb = encoder.finish().expect("compressed");
    let page = warc_record("response", "https://x.example/after", &response("After"), 2);
    let file = dir.path().join("bomb.warc.gz");
    std::fs::write(&file, [bomb, gz(&page)].concat()).expect("written");
    let start = Instant::now();
    let (code, texts, stderr) = pages_of(&file);
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("input size limit"), "{stderr}");
    assert_eq!(texts.len(), 1, "{stderr}");
    assert!(texts[0].starts_with("After"));
}

/// A small article page naming `word`.
fn page(word: &str) -> String {
    format!(
        "<html><body><article><h1>{word}</h1><p>{word}. {PROSE}{PROSE}</p></article></body></html>"
    )
}

#[test]
fn inputs_that_map_to_one_output_name_are_all_written() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::create_dir_all(&a).expect("folder");
    std::fs::create_dir_all(&b).expect("folder");
    std::fs::write(a.join("x.html"), page("First")).expect("written");
    std::fs::write(b.join("x.html"), page("Second")).expect("written");
    let site = dir.path().join("site");
    std::fs::create_dir_all(&site).expect("folder");
    std::fs::write(site.join("x.html"), page("Third")).expect("written");
    std::fs::write(site.join("x.htm"), page("Fourth")).expect("written");
    std::fs::write(site.join("x.html.gz"), gz(page("Fifth").as_bytes())).expect("written");
    let out = dir.path().join("out");
    let path = |p: &std::path::Path| p.to_str().expect("UTF-8").to_owned();
    let files = [path(&a.join("x.html")), path(&b.join("x.html"))];
    let run1 = run(
        [
            "--no-cross-page",
            "--output-dir",
            &path(&out),
            &files[0],
            &files[1],
        ],
        b"",
    );
    assert_eq!(run1.code, Some(0), "{}", run1.stderr);
    assert!(run1.stderr.contains("written as"), "{}", run1.stderr);
    let read = |name: &str| std::fs::read_to_string(out.join(name)).expect(name);
    assert!(read("x.txt").starts_with("First"));
    assert!(read("x~2.txt").starts_with("Second"));
    let site_out = dir.path().join("site-out");
    let run2 = run(
        [
            "--no-cross-page",
            "--output-dir",
            &path(&site_out),
            &path(&site),
        ],
        b"",
    );
    assert_eq!(run2.code, Some(0), "{}", run2.stderr);
    let mut written: Vec<String> = std::fs::read_dir(&site_out)
        .expect("written")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("text"))
        .map(|t| t.split_whitespace().next().unwrap_or_default().to_owned())
        .collect();
    written.sort();
    assert_eq!(written, ["Fifth", "Fourth", "Third"]);
}

#[test]
fn a_long_legal_file_name_is_written_and_a_refused_name_fails_its_page_only() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let inputs = dir.path().join("in");
    std::fs::create_dir_all(&inputs).expect("folder");
    // 249 + ".html" = 254 bytes in; the output's 249 + ".txt" is legal, `.NAME.PID.tmp` is not.
    let long = "n".repeat(249);
    std::fs::write(inputs.join(format!("{long}.html")), page("Long")).expect("written");
    std::fs::write(inputs.join("later.html"), page("Later")).expect("written");
    let out = dir.path().join("out");
    let path = |p: &std::path::Path| p.to_str().expect("UTF-8").to_owned();
    let result = run(
        [
            "--no-cross-page",
            "--output-dir",
            &path(&out),
            &path(&inputs),
        ],
        b"",
    );
    assert_eq!(result.code, Some(0), "{}", result.stderr);
    assert!(out.join(format!("{long}.txt")).exists());
    assert!(out.join("later.txt").exists());
    let leftovers = std::fs::read_dir(&out)
        .expect("folder")
        .filter(|e| {
            e.as_ref()
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    assert_eq!(leftovers, 0);
    // With --format markdown the output name (249 + ".md") still fits; with a 251-byte stem and
    // `.json`, it does not: that page fails, the next is still written.
    let longer = "m".repeat(251);
    std::fs::write(inputs.join(format!("{longer}.htm")), page("Longer")).expect("written");
    let json_out = dir.path().join("json");
    let result = run(
        [
            "--no-cross-page",
            "-f",
            "json",
            "--output-dir",
            &path(&json_out),
            &path(&inputs),
        ],
        b"",
    );
    assert_eq!(result.code, Some(1), "{}", result.stderr);
    assert_eq!(
        result
            .stderr
            .lines()
            .filter(|l| l.contains("cannot write"))
            .count(),
        1,
        "{}",
        result.stderr
    );
    assert!(json_out.join("later.json").exists());
}
