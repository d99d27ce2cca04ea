//! The `unchaff` command: extract the article from saved pages.

use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

mod report;
use unchaff::{Config, Extraction, SiteProfile, host_of};

/// Extract the main article from saved web pages, without menus, ads, share bars and other chaff.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Args {
    /// HTML files to read; none, or `-`, reads standard input.
    inputs: Vec<PathBuf>,
    /// Write the output to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Print one JSON object per input and line: {"path", "title", "text"}.
    #[arg(long)]
    jsonl: bool,
    /// Leave the title out of the text (it is still reported in --jsonl).
    #[arg(long)]
    no_title: bool,
    /// The address of the pages, for grouping them by site when a page names none
    /// (`<link rel=canonical>`, `og:url`); without either, pages are grouped by folder.
    #[arg(long, visible_alias = "base-url", value_name = "URL")]
    url: Option<String>,
    /// Load what earlier runs learned of each site's template from FILE, add this batch, and save
    /// it back.
    #[arg(long, value_name = "FILE")]
    site_profile: Option<PathBuf>,
    /// Do not compare pages with each other: no site-template removal in a batch.
    #[arg(long)]
    no_cross_page: bool,
    /// List every block of the page's visible text, kept or removed, with the stage and reason.
    #[arg(long, conflicts_with = "diff")]
    explain: bool,
    /// Show what was removed as a unified diff of the page's text against the extracted text;
    /// each hunk names the reasons of its removals.
    #[arg(long)]
    diff: bool,
    /// Write a self-contained HTML report of kept and removed blocks to FILE; with several
    /// inputs, FILE is a folder that gets one report per page and an index.html.
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    /// Colour the diff: auto (when writing to a terminal and NO_COLOR is unset), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(serde::Serialize)]
struct Record<'a> {
    path: &'a str,
    title: Option<&'a str>,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<Vec<ExplainedBlock<'a>>>,
}

#[derive(serde::Serialize)]
struct ExplainedBlock<'a> {
    text: &'a str,
    kept: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    stage: Option<unchaff::Stage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a unchaff::Reason>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut config = Config::default();
    config.include_title = !args.no_title;
    config.explain = args.explain || args.diff || args.report.is_some();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none()
                && io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let inputs: Vec<PathBuf> = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    if let Some(output) = &args.output
        && let Some(clash) = inputs.iter().find(|i| same_file(i, output))
    {
        eprintln!(
            "unchaff: {}: refusing to overwrite an input with the output",
            clash.display()
        );
        return ExitCode::from(2);
    }
    let mut pages: Vec<Result<Extraction, String>> = inputs
        .iter()
        .map(|input| {
            let bytes = read_input(input).map_err(|e| e.to_string())?;
            unchaff::extract_bytes(&bytes, &config).map_err(|e| e.to_string())
        })
        .collect();
    let cross_page = !args.no_cross_page && (inputs.len() > 1 || args.site_profile.is_some());
    if cross_page && let Err(e) = drop_site_template(&args, &inputs, &mut pages) {
        eprintln!("unchaff: {e}");
        return ExitCode::from(2);
    }
    if let Some(target) = &args.report
        && let Err(e) = write_reports(target, &inputs, &pages)
    {
        eprintln!("unchaff: {}: {e}", target.display());
        return ExitCode::from(2);
    }
    let mut out = Vec::new();
    let mut failed = false;
    for (n, (input, page)) in inputs.iter().zip(&pages).enumerate() {
        let name = input.display().to_string();
        let page = match page {
            Ok(page) => page,
            Err(cause) => {
                eprintln!("unchaff: {name}: {cause}");
                failed = true;
                continue;
            }
        };
        if page.is_empty() {
            eprintln!("unchaff: {name}: no article text found");
            failed = true;
        }
        let text = page.text();
        if args.jsonl {
            let explain = args.explain.then(|| {
                page.page
                    .iter()
                    .map(|b| ExplainedBlock {
                        text: &b.text,
                        kept: b.removed.is_none(),
                        stage: b.removed.as_ref().map(|(stage, _)| *stage),
                        reason: b.removed.as_ref().map(|(_, reason)| reason),
                    })
                    .collect()
            });
            let record = Record {
                path: &name,
                title: page.title.as_deref(),
                text: &text,
                explain,
            };
            // Serialising a struct of strings cannot fail.
            let line = serde_json::to_string(&record).unwrap_or_default();
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        } else if args.explain || args.diff {
            if inputs.len() > 1 {
                out.extend_from_slice(format!("== {name}\n").as_bytes());
            }
            let view = if args.diff {
                report::diff(&page.page, color)
            } else {
                report::explain(&page.page)
            };
            out.extend_from_slice(view.as_bytes());
        } else if !text.is_empty() {
            if n > 0 && !out.is_empty() {
                out.push(b'\n');
            }
            out.extend_from_slice(text.as_bytes());
        }
    }
    let written = match &args.output {
        Some(path) => write_atomically(path, &out),
        None => io::stdout().lock().write_all(&out),
    };
    if let Err(e) = written {
        let target = args
            .output
            .as_ref()
            .map_or("standard output".to_owned(), |p| p.display().to_string());
        eprintln!("unchaff: {target}: {e}");
        return ExitCode::from(2);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes the `--report`: one file for one input, else a folder of reports and an index.
fn write_reports(
    target: &Path,
    inputs: &[PathBuf],
    pages: &[Result<Extraction, String>],
) -> io::Result<()> {
    let report_of = |input: &Path, page: &Extraction| {
        report::html(
            &page.page,
            page.title.as_deref(),
            &input.display().to_string(),
        )
    };
    if let ([input], [Ok(page)]) = (inputs, pages) {
        return write_atomically(target, report_of(input, page).as_bytes());
    }
    std::fs::create_dir_all(target)?;
    let mut entries = Vec::new();
    for (n, (input, page)) in inputs.iter().zip(pages).enumerate() {
        let Ok(page) = page else { continue };
        let stem = input
            .file_stem()
            .map_or("stdin".into(), |s| s.to_string_lossy());
        let file = format!("{n:04}-{stem}.html");
        write_atomically(&target.join(&file), report_of(input, page).as_bytes())?;
        let kept = page.page.iter().filter(|b| b.removed.is_none()).count();
        entries.push((
            file,
            input.display().to_string(),
            kept,
            page.page.len() - kept,
        ));
    }
    write_atomically(
        &target.join("index.html"),
        report::index(&entries).as_bytes(),
    )
}

/// Learns each site's template from all pages first, then removes it from every page, so the
/// result does not depend on the order of the inputs. Loads and saves `--site-profile`.
fn drop_site_template(
    args: &Args,
    inputs: &[PathBuf],
    pages: &mut [Result<Extraction, String>],
) -> Result<(), String> {
    let mut profile = match &args.site_profile {
        Some(path) if path.exists() => {
            let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
            SiteProfile::load(io::BufReader::new(file))
                .map_err(|e| format!("{}: not a site profile: {e}", path.display()))?
        }
        _ => SiteProfile::new(),
    };
    let sites: Vec<String> = inputs
        .iter()
        .zip(pages.iter())
        .map(|(input, page)| site_of(args, input, page.as_ref().ok()))
        .collect();
    for (site, page) in sites.iter().zip(pages.iter()) {
        if let Ok(page) = page {
            profile.observe(site, page);
        }
    }
    for (site, page) in sites.iter().zip(pages.iter_mut()) {
        if let Ok(page) = page {
            profile.filter(site, page);
        }
    }
    if let Some(path) = &args.site_profile {
        let mut json = Vec::new();
        profile
            .save(&mut json)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        write_atomically(path, &json).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// The key grouping pages of one site: the host of `--url`, else of the page's own address,
/// else the input's folder.
fn site_of(args: &Args, input: &Path, page: Option<&Extraction>) -> String {
    args.url
        .as_deref()
        .and_then(host_of)
        .or_else(|| page.and_then(|p| p.url.as_deref()).and_then(host_of))
        .unwrap_or_else(|| {
            let dir = input.parent().unwrap_or(Path::new(""));
            format!("folder {}", dir.display())
        })
}

fn read_input(path: &Path) -> io::Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(path)
    }
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into place.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(file_name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = dir.join(tmp_name);
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
