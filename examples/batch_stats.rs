//! Runs a batch the way the CLI does and reports what each dedup mechanism removed and what the
//! cross-page pass cost: `cargo run --release --example batch_stats -- FILE...`.
#![allow(clippy::expect_used, clippy::unwrap_used)]
use std::collections::BTreeMap;
use std::time::Instant;

use unchaff::{Config, Reason, SiteProfile, host_of};

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let inputs: Vec<Vec<u8>> = paths
        .iter()
        .map(|p| std::fs::read(p).expect("readable file"))
        .collect();
    let config = Config::default();
    let start = Instant::now();
    let mut pages: Vec<_> = inputs
        .iter()
        .map(|bytes| unchaff::extract_bytes(bytes, &config).expect("extracts"))
        .collect();
    let extraction = start.elapsed();
    let sites: Vec<String> = paths
        .iter()
        .zip(&pages)
        .map(|(path, page)| {
            page.url.as_deref().and_then(host_of).unwrap_or_else(|| {
                let dir = std::path::Path::new(path)
                    .parent()
                    .map(|d| d.display().to_string());
                format!("folder {}", dir.unwrap_or_default())
            })
        })
        .collect();
    let start = Instant::now();
    let mut profile = SiteProfile::new();
    for (site, page) in sites.iter().zip(&pages) {
        profile.observe(site, page);
    }
    let mut template_blocks = 0;
    for (site, page) in sites.iter().zip(pages.iter_mut()) {
        template_blocks += profile.filter(site, page);
    }
    let cross_page = start.elapsed();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for page in &pages {
        for removal in &page.removals {
            let kind = match removal.reason {
                Reason::Duplicate { .. } => "within page: later copy in the body",
                Reason::CopyOutsideBody => "within page: copy outside the body, at an edge",
                Reason::RepeatedAtEdge => "within page: repeated at the body's edge",
                Reason::Cue { .. } => "edge trimming: cue",
                Reason::Template { .. } => "cross-page: site template",
                _ => continue,
            };
            *counts.entry(kind).or_default() += 1;
        }
    }
    println!("{} pages, {} sites", pages.len(), {
        let mut s = sites.clone();
        s.sort();
        s.dedup();
        s.len()
    });
    for (kind, n) in &counts {
        println!("{n:>7}  {kind}");
    }
    println!("cross-page pass removed {template_blocks} blocks");
    println!(
        "extraction {:.2} s, cross-page pass {:.3} s ({:.1}% of extraction)",
        extraction.as_secs_f64(),
        cross_page.as_secs_f64(),
        100.0 * cross_page.as_secs_f64() / extraction.as_secs_f64()
    );
}
