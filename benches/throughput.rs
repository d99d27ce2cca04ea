//! Throughput next to the parse-only floor: single-threaded in process, whole and per stage; the
//! command line as a whole process with one and two jobs, in the default mode (the cross-page
//! pass on) and with `--no-cross-page`; and the default mode's peak memory at 1,000 and 10,000
//! pages.
//!
//! The floor and the in-process measure read pages already decompressed into memory, so the
//! command line runs on the same pages written, decompressed, as `.html` files to a temporary
//! folder (not on the `.html.gz` files, whose unpacking the floor does not pay): as many times
//! over as it takes to reach [`CLI_PAGES`] pages, each copy with a word of its own in its first
//! paragraph, so that a run lasts long enough for a stable ratio of two jobs to one. The floor
//! timed beside it parses the same copies. The memory rows run on such copies of the first
//! folder's pages; peak RSS comes from `/usr/bin/time`.
//!
//! `cargo bench --bench throughput` times the AEB pages and the WCXB dev pages of `../shared`
//! (`UNCHAFF_BENCH_DIRS=dir1:dir2` names other folders of `*.html.gz` pages). Both in-process
//! measures are interleaved over [`ROUNDS`] rounds and their medians compared, so that a busy
//! machine slows both alike; the whole process in the default mode is compared with the floor
//! timed beside each of its runs, for the same reason. `UNCHAFF_BENCH_ONLY=parse|extract|load` runs one measure once, for
//! counting instructions with `valgrind --tool=callgrind`. `UNCHAFF_BENCH_BINARY=path` times
//! another build of the command line, such as the one `scripts/build-pgo` makes.
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
/// Pages the command line runs on at least: the folder's, written as many times over as it takes.
const CLI_PAGES: usize = 900;
/// Runs of each command line measured.
const CLI_RUNS: usize = 5;
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
    let scratch = Scratch::new()?;
    for (n, dir) in dirs.iter().enumerate() {
        if !dir.is_dir() {
            println!("no folder {}; skipping", dir.display());
            continue;
        }
        bench_folder(dir, &scratch.0.join(format!("set{n}")))?;
    }
    if let Some(dir) = dirs.iter().find(|d| d.is_dir()) {
        memory(dir, &scratch.0)?;
    }
    Ok(())
}

/// A temporary folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> std::io::Result<Scratch> {
        let dir = std::env::temp_dir().join(format!("unchaff-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        Ok(Scratch(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn bench_folder(dir: &Path, html_dir: &Path) -> Result<(), Box<dyn Error>> {
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
    // The command line runs on the pages written enough times over that a run lasts long
    // enough for a stable ratio of jobs; each copy has a word of its own.
    let times = CLI_PAGES.div_ceil(n);
    let raw = load_raw(dir)?;
    let copies = (0..times).flat_map(|t| raw.iter().map(move |page| copy(page, t)));
    write_pages(html_dir, copies)?;
    let floor_pages: Vec<String> = (0..times)
        .flat_map(|t| pages.iter().map(move |page| copy_text(page, t)))
        .collect();
    let (whole, floor) = cli(html_dir, &floor_pages, mb * times as f64)?;
    println!(
        "\nthe whole process, default mode, -j1: **{:.2}x** the parse-only floor timed beside \
         it ({:.0} pages/s; in process: {:.2}x)",
        floor.as_secs_f64() / whole.as_secs_f64(),
        floor_pages.len() as f64 / floor.as_secs_f64(),
        parse.as_secs_f64() / extract.as_secs_f64()
    );
    Ok(())
}

/// The command line as a whole process over a folder of `.html` files (reading, decoding,
/// extraction, JSON and writing included), with one and two jobs in turn, with and without the
/// cross-page pass. Returns the median time of `-j1` in the default mode, and the median of the
/// floor timed next to each of its runs (alternately before and after), so that drift in the
/// machine's speed hits both.
fn cli(dir: &Path, pages: &[String], mb: f64) -> Result<(Duration, Duration), Box<dyn Error>> {
    let n = pages.len();
    let mut floor = Vec::new();
    println!("\n(command line: {})", cli_binary().display());
    println!(
        "\n| command line, whole process, on {n} pages as .html files | time | pages/s | MB/s |"
    );
    println!("|---|---|---|---|");
    let mut one = Duration::ZERO;
    for mode in [None, Some("--no-cross-page")] {
        let mut samples = [Vec::new(), Vec::new()];
        for run in 0..CLI_RUNS {
            // One job and two in turn, the first of them alternating, so that drift in the
            // machine's speed hits both.
            let order = if run % 2 == 0 { [0, 1] } else { [1, 0] };
            for jobs in order {
                let paired = mode.is_none() && jobs == 0;
                if paired && run % 2 == 0 {
                    floor.push(timed(|| parse_only(pages)));
                }
                let start = Instant::now();
                run_cli(dir, ["1", "2"][jobs], mode, None)?;
                samples[jobs].push(start.elapsed());
                if paired && run % 2 == 1 {
                    floor.push(timed(|| parse_only(pages)));
                }
            }
        }
        let times = samples.map(median);
        for (jobs, time) in ["1", "2"].into_iter().zip(times) {
            let secs = time.as_secs_f64();
            println!(
                "| `unchaff --jsonl -j{jobs}{}` | {secs:.2} s | {:.0} | {:.1} |",
                mode.map_or(String::new(), |m| format!(" {m}")),
                n as f64 / secs,
                mb / secs
            );
        }
        if mode.is_none() {
            one = times[0];
        }
        println!(
            "| -j2 / -j1{} | {:.2}x | | |",
            mode.map_or(String::new(), |m| format!(" ({m})")),
            times[0].as_secs_f64() / times[1].as_secs_f64()
        );
    }
    println!("\n(medians of {CLI_RUNS} runs)");
    Ok((one, median(floor)))
}

/// The command line's binary: this build's, or `UNCHAFF_BENCH_BINARY`.
fn cli_binary() -> PathBuf {
    std::env::var_os("UNCHAFF_BENCH_BINARY").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_unchaff")),
        PathBuf::from,
    )
}

/// Runs the command line over `dir`, output to nowhere; with `rss`, under `/usr/bin/time` and
/// returns the peak resident memory in kB.
fn run_cli(
    dir: &Path,
    jobs: &str,
    mode: Option<&str>,
    rss: Option<&Path>,
) -> Result<Option<u64>, Box<dyn Error>> {
    let binary = cli_binary();
    let mut command = match rss {
        Some(time) => {
            let mut c = Command::new(time);
            c.args(["-f", "%M"]).arg(&binary);
            c
        }
        None => Command::new(binary),
    };
    command
        .args(["--jsonl", "-q", "-j", jobs])
        .args(mode)
        .arg(dir);
    let output = command
        .stdout(Stdio::null())
        .stderr(if rss.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .output()?;
    // Exit 1 only says some page had no article text.
    assert!(
        output.status.code().is_some_and(|c| c <= 1),
        "{}",
        output.status
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    Ok(stderr.lines().last().and_then(|l| l.trim().parse().ok()))
}

/// Peak memory of the default mode over 1,000 and 10,000 pages made from the folder's pages.
fn memory(dir: &Path, scratch: &Path) -> Result<(), Box<dyn Error>> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        println!("\nno /usr/bin/time: peak memory not measured");
        return Ok(());
    }
    let pages = load_raw(dir)?;
    println!("\n| default mode, `--jsonl`, all cores | peak RSS |");
    println!("|---|---|");
    for count in [1_000, 10_000] {
        let copies = scratch.join(format!("copies{count}"));
        let n = pages.len();
        write_pages(&copies, (0..count).map(|k| copy(&pages[k % n], k / n)))?;
        let kb = run_cli(&copies, "0", None, Some(time))?;
        std::fs::remove_dir_all(&copies)?;
        let mb = kb.map_or("?".to_owned(), |kb| format!("{:.0} MB", kb as f64 / 1024.0));
        println!("| {count} pages | {mb} |");
    }
    Ok(())
}

/// A page with its copy number at the start of its first paragraph; copy 0 is the page itself.
fn copy(page: &[u8], number: usize) -> Vec<u8> {
    if number == 0 {
        return page.to_vec();
    }
    let at = page
        .windows(3)
        .position(|w| w.eq_ignore_ascii_case(b"<p>"))
        .map_or(page.len(), |p| p + 3);
    let mut out = page[..at].to_vec();
    out.extend_from_slice(format!("Copy {number} ").as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

/// [`copy`] of a page read as text.
fn copy_text(page: &str, number: usize) -> String {
    String::from_utf8_lossy(&copy(page.as_bytes(), number)).into_owned()
}

/// Writes pages as `NNNNN.html` into `dir`.
fn write_pages(dir: &Path, pages: impl Iterator<Item = Vec<u8>>) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (k, page) in pages.enumerate() {
        std::fs::write(dir.join(format!("{k:05}.html")), page)?;
    }
    Ok(())
}

fn load_pages(dir: &Path) -> Result<Vec<String>, Box<dyn Error>> {
    // As the command line reads them: declared or detected encoding, here lossy UTF-8.
    Ok(load_raw(dir)?
        .iter()
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
        .collect())
}

/// The folder's `*.html.gz` pages, decompressed, in name order.
fn load_raw(dir: &Path) -> Result<Vec<Vec<u8>>, Box<dyn Error>> {
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
        pages.push(bytes);
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
