//! Checks that the Markdown output reads back as the text output: every page is extracted, its
//! Markdown parsed with pulldown-cmark, and the words compared with the text's.
//!
//! ```text
//! cargo run --release --example markdown_roundtrip -- [--images] [--no-title] [--json OUT.json] PAGE.html...
//! ```
//!
//! Prints the number of pages that differ and the first difference of a few. With `--json`, also
//! writes `{"<file stem>": {"articleBody": markdown}}` with link and image targets stripped, for
//! scoring the Markdown as text (`scripts/eval markdown` does both over the shared sets).

use std::collections::BTreeMap;
use std::path::PathBuf;

use unchaff::{Config, RenderOptions};
use unchaff_read_back::{normal, read_back};

fn main() {
    let mut json: Option<PathBuf> = None;
    let mut images = false;
    let mut config = Config::default();
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--no-title" {
            config.include_title = false;
        } else if arg == "--images" {
            images = true;
        } else if arg == "--json" {
            json = args.next().map(PathBuf::from);
        } else {
            paths.push(PathBuf::from(arg));
        }
    }
    let options = RenderOptions::default().with_images(images);
    let Ok(targets) = regex::Regex::new(r"\]\((?:\\.|[^)\\])*\)") else {
        unreachable!("the pattern is valid")
    };
    let mut differ = 0usize;
    let mut shown = 0usize;
    let mut bodies = BTreeMap::new();
    for path in &paths {
        let Ok(bytes) = std::fs::read(path) else {
            eprintln!("{}: cannot read", path.display());
            continue;
        };
        let Ok(page) = unchaff::extract_bytes(&bytes, &config) else {
            continue;
        };
        let markdown = page.markdown(&options);
        let got = read_back(&markdown);
        let want = normal(&page.text());
        if got != want {
            differ += 1;
            if shown < 12 {
                shown += 1;
                let at = got
                    .chars()
                    .zip(want.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                let from = at.saturating_sub(60);
                let window = |s: &str| s.chars().skip(from).take(140).collect::<String>();
                println!(
                    "{}:\n  markdown: {}\n  text:     {}",
                    path.display(),
                    window(&got),
                    window(&want)
                );
            }
        }
        if json.is_some() {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let stem = stem.strip_suffix(".html").unwrap_or(&stem).to_owned();
            let body = targets.replace_all(&markdown, "]").into_owned();
            bodies.insert(stem, serde_json::json!({ "articleBody": body }));
        }
    }
    println!("{} pages, {differ} differ", paths.len());
    if let Some(out) = json {
        let text = serde_json::to_string(&bodies).unwrap_or_default();
        if let Err(e) = std::fs::write(&out, text) {
            eprintln!("{}: {e}", out.display());
            std::process::exit(1);
        }
    }
}
