//! The `unchaff` command: extract the article from saved pages.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

mod cli {
    pub mod batch;
    pub mod inputs;
    pub mod interrupt;
    pub mod ordered;
    pub mod report;
    pub mod spool;
    pub mod tally;
    pub mod warc;
}
use cli::batch::{Batch, Stop};

/// jemalloc, not glibc's malloc: glibc gives each worker thread an arena of its own that keeps
/// the high-water mark of the pages it extracted, so a batch's peak memory grew with the
/// threads; jemalloc returns freed pages over time and takes less time too.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
use cli::inputs;

/// Extract the main article from saved web pages, without menus, ads, share bars and other chaff.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Args {
    /// HTML files (`.gz` too) or folders to read; none, or `-`, reads standard input.
    inputs: Vec<PathBuf>,
    /// Also read the paths listed in FILE, one a line (`-`: standard input).
    #[arg(long, value_name = "FILE")]
    files_from: Option<PathBuf>,
    /// In folders, read the files whose name matches GLOB (default: *.html, *.htm, *.xhtml and
    /// their .gz).
    #[arg(long, value_name = "GLOB")]
    glob: Option<String>,
    /// Write one output file per input into DIR, mirroring the inputs' paths below their folders.
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    output_dir: Option<PathBuf>,
    /// With --output-dir, skip the inputs whose output file already exists (resume a run).
    #[arg(long, requires = "output_dir")]
    skip_existing: bool,
    /// Pages extracted at once (default: one per core).
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// Show a progress bar and a summary on standard error even when it is not a terminal.
    #[arg(long, conflicts_with = "quiet")]
    progress: bool,
    /// Show no progress bar or summary, even on a terminal.
    #[arg(short, long)]
    quiet: bool,
    /// Write the output to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// What to write: plain text, Markdown, HTML or JSON (one object per page, with metadata).
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Print one JSON object per input and line (JSON Lines); the same as --format json, on one
    /// line even for a single page.
    #[arg(long)]
    jsonl: bool,
    /// In JSON, also give the article as FORMAT (markdown, html; several separated by commas).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "FORMAT")]
    with: Vec<Extra>,
    /// Keep the article's images in Markdown and HTML.
    #[arg(long)]
    images: bool,
    /// With --format html, write a whole document (doctype, charset, title) instead of a fragment.
    #[arg(long)]
    standalone: bool,
    /// Leave the title out of the text (it is still reported in --jsonl).
    #[arg(long)]
    no_title: bool,
    /// Write links as their text only in Markdown and HTML.
    #[arg(long)]
    no_links: bool,
    /// Leave tables out.
    #[arg(long)]
    no_tables: bool,
    /// Also give the page's comments, after the article (in JSON, under `comments`). A forum
    /// thread's replies are its article, with or without this.
    #[arg(long)]
    comments: bool,
    /// Favour precision: also drop short link-heavy blocks inside the body and short scraps
    /// without a sentence at its edges.
    #[arg(long, conflicts_with = "recall")]
    precision: bool,
    /// Favour recall: relax the selection rules for bodies of up to 1,000 characters (250 by
    /// default).
    #[arg(long)]
    recall: bool,
    /// Give no article for a page in another language than LANG (ISO 639-1, e.g. `de`), as
    /// detected in its text, else as declared; pages of unknown language are kept.
    #[arg(long, value_name = "LANG")]
    target_language: Option<String>,
    /// The address of the pages: relative links resolve against it, and pages are grouped by
    /// site with it when they name none (`<link rel=canonical>`, `og:url`; without either, by
    /// folder).
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
    /// one hunk per reason, which its header names.
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

impl Args {
    /// Sets the extraction settings the flags choose.
    fn tune(&self, config: &mut unchaff::Config) {
        config.tables = !self.no_tables;
        config.comments = self.comments;
        config.target_language = self.target_language.clone();
        config.focus = match (self.precision, self.recall) {
            (true, _) => unchaff::Focus::Precision,
            (_, true) => unchaff::Focus::Recall,
            _ => unchaff::Focus::Balanced,
        };
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Markdown,
    Html,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Extra {
    Markdown,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let mut args = Args::parse();
    if args.jsonl {
        args.format = Format::Json;
    }
    let (found, problems) = match inputs::expand(
        &args.inputs,
        args.files_from.as_deref(),
        args.glob.as_deref(),
    ) {
        Ok(expanded) => expanded,
        Err(e) => {
            eprintln!("unchaff: {e}");
            return ExitCode::from(2);
        }
    };
    for problem in &problems {
        eprintln!("unchaff: {problem}");
    }
    let mut batch = Batch::new(&args, found);
    batch.failed |= !problems.is_empty();
    match batch.run() {
        // A reader that stops early (`| head`) is no error: stop quietly, as other tools do.
        Err(Stop::BrokenPipe) => ExitCode::SUCCESS,
        Err(Stop::Fatal(e)) => {
            eprintln!("unchaff: {e}");
            ExitCode::from(2)
        }
        Ok(()) if batch.failed => ExitCode::from(1),
        Ok(()) => ExitCode::SUCCESS,
    }
}
