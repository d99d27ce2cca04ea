//! End-to-end throughput next to the parse-only floor, on the AEB pages.
//!
//! `cargo bench --bench throughput`. `UNCHAFF_BENCH_DIR` names another folder
//! of `*.html.gz` pages to time instead of the default one.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::error::Error;
use std::fs::File;
use std::hint::black_box;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use flate2::read::GzDecoder;
use scraper::{Html, Node};

const ROUNDS: usize = 5;
const DEFAULT_DIR: &str = "../shared/datasets/article-extraction-benchmark/html";

fn main() -> Result<(), Box<dyn Error>> {
    let dir = std::env::var_os("UNCHAFF_BENCH_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_DIR),
        PathBuf::from,
    );
    let pages = if dir.is_dir() {
        load_pages(&dir)?
    } else {
        Vec::new()
    };
    if pages.is_empty() {
        println!(
            "no pages in {}; set UNCHAFF_BENCH_DIR, skipping",
            dir.display()
        );
        return Ok(());
    }
    let mb = pages.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    println!("{} pages, {mb:.1} MB from {}", pages.len(), dir.display());

    // One measure alone, once, for counting instructions (`perf stat -e instructions`), which
    // a busy machine does not disturb.
    if let Ok(only) = std::env::var("UNCHAFF_BENCH_ONLY") {
        match only.as_str() {
            "load" => 0,
            "parse" => black_box(parse_only(&pages)),
            _ => black_box(extract_all(&pages)),
        };
        return Ok(());
    }

    // Warm-up pass, which also counts the pages extraction rejects.
    parse_only(&pages);
    let failed = extract_all(&pages);
    if failed > 0 {
        println!("extract() returned an error on {failed} page(s)");
    }

    let (mut parse, mut extract) = (Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        // Alternate the order so drift in machine load hits both measures.
        if round % 2 == 0 {
            parse.push(timed(|| parse_only(&pages)));
            extract.push(timed(|| extract_all(&pages)));
        } else {
            extract.push(timed(|| extract_all(&pages)));
            parse.push(timed(|| parse_only(&pages)));
        }
    }
    let (parse, extract) = (median(parse), median(extract));
    report("parse + text walk", parse, pages.len(), mb);
    report("extract + text", extract, pages.len(), mb);
    println!(
        "extraction throughput: {:.2}x the parse-only floor (median of {ROUNDS} rounds)",
        parse.as_secs_f64() / extract.as_secs_f64()
    );
    Ok(())
}

fn load_pages(dir: &Path) -> Result<Vec<String>, Box<dyn Error>> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        paths.push(entry?.path());
    }
    paths.sort();
    let mut pages = Vec::new();
    for path in paths
        .iter()
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
    {
        let mut page = String::new();
        GzDecoder::new(File::open(path)?).read_to_string(&mut page)?;
        pages.push(page);
    }
    Ok(pages)
}

/// The floor: html5ever parsing into scraper's tree, then every text node.
fn parse_only(pages: &[String]) -> usize {
    let mut total = 0;
    for page in pages {
        let html = Html::parse_document(black_box(page));
        let mut text = String::new();
        for node in html.tree.root().descendants() {
            if let Node::Text(t) = node.value() {
                text.push_str(t);
            }
        }
        total += black_box(text).len();
    }
    total
}

/// Full extraction to plain text; returns the number of failed pages.
fn extract_all(pages: &[String]) -> usize {
    let config = unchaff::Config::default();
    let mut failed = 0;
    for page in pages {
        match unchaff::extract(black_box(page), &config) {
            Ok(extraction) => {
                black_box(extraction.text());
            }
            Err(_) => failed += 1,
        }
    }
    failed
}

fn timed<T>(f: impl FnOnce() -> T) -> Duration {
    let start = Instant::now();
    black_box(f());
    start.elapsed()
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn report(label: &str, time: Duration, pages: usize, mb: f64) {
    let secs = time.as_secs_f64();
    println!(
        "{label:<18} {secs:>7.3} s  {:>8.1} pages/s  {:>7.2} MB/s",
        pages as f64 / secs,
        mb / secs
    );
}
