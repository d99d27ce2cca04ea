//! Throughput next to the parse-only floor: single-threaded in process, whole and per stage, and
//! the command line on a folder with one and two jobs.
//!
//! `cargo bench --bench throughput` times the AEB pages and the WCXB dev pages of `../shared`
//! (`UNCHAFF_BENCH_DIRS=dir1:dir2` names other folders of `*.html.gz` pages). Both in-process
//! measures are interleaved over [`ROUNDS`] rounds and their medians compared, so that a busy
//! machine slows both alike. `UNCHAFF_BENCH_ONLY=parse|extract|load` runs one measure once, for
//! counting instructions with `valgrind --tool=callgrind`.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::error::Error;
use std::fs::File;
use std::hint::black_box;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use flate2::read::GzDecoder;
use scraper::{Html, Node};

const ROUNDS: usize = 5;
const DEFAULT_DIRS: [&str; 2] = [
    "../shared/datasets/article-extraction-benchmark/html",
    "../shared/datasets/wcxb-dev/html",
];

fn main() -> Result<(), Box<dyn Error>> {
    let dirs: Vec<PathBuf> = match std::env::var_os("UNCHAFF_BENCH_DIRS") {
        Some(dirs) => std::env::split_paths(&dirs).collect(),
        None => DEFAULT_DIRS
            .iter()
            .map(|d| Path::new(env!("CARGO_MANIFEST_DIR")).join(d))
            .collect(),
    };
    if let Ok(only) = std::env::var("UNCHAFF_BENCH_ONLY") {
        let pages = load_pages(&dirs[0])?;
        match only.as_str() {
            "load" => 0,
            "parse" => black_box(parse_only(&pages)),
            _ => black_box(extract_all(&pages)),
        };
        return Ok(());
    }
    for dir in &dirs {
        if !dir.is_dir() {
            println!("no folder {}; skipping", dir.display());
            continue;
        }
        bench_folder(dir)?;
    }
    Ok(())
}

fn bench_folder(dir: &Path) -> Result<(), Box<dyn Error>> {
    let pages = load_pages(dir)?;
    if pages.is_empty() {
        println!("no pages in {}; skipping", dir.display());
        return Ok(());
    }
    let n = pages.len();
    let mb = pages.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    println!("\n## {} pages, {mb:.1} MB, from {}\n", n, dir.display());

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

    println!("| measure (one thread, in process) | time | pages/s | MB/s | share |");
    println!("|---|---|---|---|---|");
    row("scraper parse + text walk (floor)", parse, n, mb, None);
    row("unchaff extraction + text", extract, n, mb, None);
    // The stages, from one more pass with a clock at each boundary.
    let config = unchaff::Config::default();
    let mut stages: Vec<(&'static str, Duration)> = Vec::new();
    for page in &pages {
        let (_, laps) = unchaff::timing::extract(black_box(page), &config);
        for (name, time) in laps.stages {
            match stages.iter_mut().find(|(s, _)| *s == name) {
                Some((_, total)) => *total += time,
                None => stages.push((name, time)),
            }
        }
    }
    let total: Duration = stages.iter().map(|(_, t)| *t).sum();
    for (name, time) in &stages {
        row(
            &format!("- stage: {name}"),
            *time,
            n,
            mb,
            Some(time.as_secs_f64() / total.as_secs_f64()),
        );
    }
    println!(
        "\nextraction throughput: **{:.2}x** the parse-only floor (medians of {ROUNDS} rounds)",
        parse.as_secs_f64() / extract.as_secs_f64()
    );
    cli(dir, n, mb)?;
    Ok(())
}

/// End-to-end command-line runs over the folder (decompression, reading and writing included).
fn cli(dir: &Path, n: usize, mb: f64) -> Result<(), Box<dyn Error>> {
    let binary = env!("CARGO_BIN_EXE_unchaff");
    println!("\n| command line on the folder | time | pages/s | MB/s |");
    println!("|---|---|---|---|");
    let mut one = Duration::ZERO;
    for jobs in ["1", "2"] {
        let mut times = Vec::new();
        for _ in 0..3 {
            let start = Instant::now();
            let status = Command::new(binary)
                .args(["--jsonl", "--no-cross-page", "-q", "-j", jobs])
                .arg(dir)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()?;
            // Exit 1 only says some page had no article text.
            assert!(status.code().is_some_and(|c| c <= 1), "{status}");
            times.push(start.elapsed());
        }
        let time = median(times);
        if jobs == "1" {
            one = time;
        }
        let secs = time.as_secs_f64();
        println!(
            "| `unchaff --jsonl -j{jobs}` | {secs:.2} s | {:.0} | {:.1} |",
            n as f64 / secs,
            mb / secs
        );
        if jobs == "2" {
            println!(
                "\n-j2 runs **{:.2}x** as fast as -j1 (medians of 3 runs)",
                one.as_secs_f64() / secs
            );
        }
    }
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
        let mut bytes = Vec::new();
        GzDecoder::new(File::open(path)?).read_to_end(&mut bytes)?;
        // As the command line reads them: declared or detected encoding, here lossy UTF-8.
        pages.push(String::from_utf8_lossy(&bytes).into_owned());
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

fn row(label: &str, time: Duration, pages: usize, mb: f64, share: Option<f64>) {
    let secs = time.as_secs_f64();
    let share = share.map_or(String::new(), |s| format!("{:.1}%", s * 100.0));
    println!(
        "| {label} | {secs:.3} s | {:.0} | {:.1} | {share} |",
        pages as f64 / secs,
        mb / secs
    );
}
