//! A run of the command over its inputs: extraction in parallel, the cross-page pass, and the
//! outputs (standard output, `-o FILE`, `--output-dir`, `--report`).

use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use unchaff::{Config, Extraction, SiteProfile, host_of};

use crate::cli::{inputs, report};
use crate::{Args, ColorChoice, Extra, Format};

/// Pages extracted and written at a time when nothing needs the whole batch at once.
const STREAM_CHUNK: usize = 32;
/// Bytes of output and temporary files buffered per write: a page's JSON record or compact
/// form is a few kB, so the default 8 kB made a system call for about every page.
pub(super) const OUT_BUFFER: usize = 1 << 16;

/// One run of the command over its inputs.
pub struct Batch<'a> {
    pub(super) args: &'a Args,
    inputs: Vec<inputs::Input>,
    pub(super) config: Config,
    pub(super) color: bool,
    extension: &'static str,
    /// Whether some input failed or gave no text.
    pub failed: bool,
    ok: usize,
    empty: usize,
    pub(super) bytes_read: usize,
}

impl<'a> Batch<'a> {
    pub fn new(args: &'a Args, mut found: Vec<inputs::Input>) -> Batch<'a> {
        let mut config = Config::default();
        config.include_title = !args.no_title;
        args.tune(&mut config);
        // The explain view is built only for the views that show it; JSON's counts need none.
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
        let extension = match args.format {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
        };
        if let Some(dir) = &args.output_dir {
            for renamed in inputs::separate_outputs(dir, &mut found, extension) {
                eprintln!("unchaff: {renamed}");
            }
        }
        if let Some(dir) = &args.output_dir
            && args.skip_existing
        {
            found.retain(|i| inputs::output_path(dir, i, extension).is_none_or(|p| !p.exists()));
        }
        Batch {
            args,
            inputs: found,
            config,
            color,
            extension,
            failed: false,
            ok: 0,
            empty: 0,
            bytes_read: 0,
        }
    }

    /// Extracts every input and writes the output. Pages are streamed in chunks unless the
    /// cross-page pass or a batch report needs them all at once. `Err` is a usage or output error.
    pub fn run(&mut self) -> Result<(), Stop> {
        let args = self.args;
        if let Some(output) = &args.output
            && let Some(clash) = self.inputs.iter().find(|i| same_file(&i.path, output))
        {
            return Err(Stop::Fatal(format!(
                "{}: refusing to overwrite an input with the output",
                clash.path.display()
            )));
        }
        super::interrupt::install();
        let started = Instant::now();
        let show_progress = args.progress || (!args.quiet && io::stderr().is_terminal());
        let bar = if show_progress {
            ProgressBar::new(self.inputs.len() as u64).with_style(
                ProgressStyle::with_template("{bar:40} {pos}/{len} pages, {rate}, eta {eta}")
                    .map(|style| style.with_key("rate", rate))
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            )
        } else {
            ProgressBar::hidden()
        };
        let mut run = Running {
            threads: thread_count(args.jobs),
            pool: std::cell::OnceCell::new(),
            bar,
            sink: Sink::open(args)?,
            several: self.inputs.len() > 1,
            pages: 0,
        };
        let all = std::mem::take(&mut self.inputs);
        // Files between archives go together; each archive streams its records.
        let mut files = Vec::new();
        for input in all {
            if inputs::is_warc(&input.path) {
                self.files(&mut run, std::mem::take(&mut files))?;
                self.archive(&mut run, &input)?;
            } else {
                files.push(input);
            }
        }
        self.files(&mut run, files)?;
        run.bar.finish_and_clear();
        run.sink.finish()?;
        if show_progress {
            let seconds = started.elapsed().as_secs_f64();
            let total = run.pages;
            eprintln!(
                "unchaff: {total} pages, {} ok, {} empty, {} failed, {:.1} MB read, \
                 {seconds:.2} s, {:.0} pages/s",
                self.ok,
                self.empty,
                total - self.ok - self.empty,
                self.bytes_read as f64 / 1e6,
                total as f64 / seconds.max(1e-9)
            );
        }
        Ok(())
    }

    /// Extracts and writes files: in chunks, or all at once when the cross-page pass or a batch
    /// report needs them together.
    fn files(&mut self, run: &mut Running, files: Vec<inputs::Input>) -> Result<(), Stop> {
        let args = self.args;
        let cross_page = !args.no_cross_page && (files.len() > 1 || args.site_profile.is_some());
        if !cross_page && args.report.is_none() {
            return self.stream_files(run, &files);
        }
        if !self.config.explain {
            // No view needs the pages' explain blocks: they wait on disk, not in memory.
            return super::spool::files(self, run, &files);
        }
        let paths: Vec<PathBuf> = files.iter().map(|i| i.path.clone()).collect();
        let results = extract_part(run.pool()?, &run.bar, &self.config, &files);
        let mut pages = self.count_part(run, results);
        if cross_page {
            drop_site_template(args, &paths, &mut pages)?;
        }
        if let Some(target) = &args.report {
            write_reports(target, &paths, &pages)
                .map_err(|e| format!("{}: {e}", target.display()))?;
        }
        for (input, page) in files.iter().zip(&pages) {
            let outcome = self.outcome(input, page, run.several);
            self.emit(&mut run.sink, input, outcome)?;
        }
        Ok(())
    }

    /// Extracts and writes files in their order, a window of pages at a time, so that memory
    /// stays flat: the worker threads read, extract and render, this thread writes.
    fn stream_files(&mut self, run: &mut Running, files: &[inputs::Input]) -> Result<(), Stop> {
        let (args, color, several) = (self.args, self.color, run.several);
        let config = self.config.clone();
        let (bar, sink, pages) = (&run.bar, &mut run.sink, &mut run.pages);
        super::ordered::for_each(
            run.threads,
            files.iter(),
            |input| {
                let result = extract_file(&input.path, &config);
                bar.inc(1);
                let size = result.as_ref().map_or(0, |(_, size)| *size);
                let page = result.map(|(page, _)| page);
                (input, size, outcome(args, input, &page, color, several))
            },
            |(input, size, outcome)| {
                *pages += 1;
                self.bytes_read += size;
                self.emit(sink, input, outcome)
            },
        )
    }

    /// Counts a chunk's pages and bytes read, and drops the sizes.
    fn count_part(
        &mut self,
        run: &mut Running,
        results: Vec<Result<(Extraction, usize), String>>,
    ) -> Vec<PageResult> {
        run.pages += results.len();
        self.bytes_read += results
            .iter()
            .flatten()
            .map(|(_, size)| size)
            .sum::<usize>();
        results
            .into_iter()
            .map(|r| r.map(|(page, _)| page))
            .collect()
    }

    /// Extracts and writes the HTML responses of a WARC archive, a chunk of records at a time.
    fn archive(&mut self, run: &mut Running, archive: &inputs::Input) -> Result<(), Stop> {
        let name = archive.path.display().to_string();
        let mut records = match super::warc::warc_pages(&archive.path, self.config.max_input_bytes)
        {
            Ok(records) => records,
            Err(e) => {
                eprintln!("unchaff: {name}: {e}");
                self.failed = true;
                return Ok(());
            }
        };
        let stem = archive.relative.with_extension("");
        let mut number = 0;
        loop {
            let mut chunk = Vec::new();
            let mut read = 0;
            for record in records.by_ref().take(STREAM_CHUNK) {
                read += 1;
                match record {
                    Ok(page) => chunk.push(page),
                    Err(cause) => {
                        eprintln!("unchaff: {name}: {cause}");
                        self.failed = true;
                    }
                }
            }
            if read == 0 {
                return Ok(());
            }
            run.bar.inc_length(chunk.len() as u64);
            let config = &self.config;
            let bar = &run.bar;
            let results: Vec<Result<Extraction, String>> = run.pool()?.install(|| {
                chunk
                    .par_iter()
                    .map(|page| {
                        let result = unchaff::extract_response(
                            &page.body,
                            page.content_type.as_deref(),
                            config,
                        )
                        .map(|mut extraction| {
                            extraction.url.get_or_insert_with(|| page.uri.clone());
                            extraction
                        })
                        .map_err(|e| e.to_string());
                        bar.inc(1);
                        result
                    })
                    .collect()
            });
            run.pages += results.len();
            self.bytes_read += chunk.iter().map(|p| p.body.len()).sum::<usize>();
            for (page, result) in chunk.iter().zip(&results) {
                number += 1;
                let input = inputs::Input {
                    path: PathBuf::from(format!("{name}#{}", page.uri)),
                    relative: stem.join(inputs::warc_page_name(number, &page.uri)),
                };
                let outcome = self.outcome(&input, result, true);
                self.emit(&mut run.sink, &input, outcome)?;
            }
        }
    }

    /// What a page gives in the chosen view.
    fn outcome(&self, input: &inputs::Input, page: &PageResult, several: bool) -> Outcome {
        outcome(self.args, input, page, self.color, several)
    }

    /// Reports a page's failure, or writes its output.
    pub(super) fn emit(
        &mut self,
        sink: &mut Sink,
        input: &inputs::Input,
        outcome: Outcome,
    ) -> Result<(), Stop> {
        let name = input.path.display().to_string();
        let (empty, rendered) = match outcome {
            Outcome::Page { empty, rendered } => (empty, rendered),
            Outcome::Failed(cause) => {
                eprintln!("unchaff: {name}: {cause}");
                self.failed = true;
                return Ok(());
            }
        };
        if empty {
            eprintln!("unchaff: {name}: no article text found");
            self.failed = true;
            self.empty += 1;
        } else {
            self.ok += 1;
        }
        match sink {
            Sink::Folder(dir) => {
                let Some(target) = inputs::output_path(dir, input, self.extension) else {
                    eprintln!("unchaff: {name}: its output would leave {}", dir.display());
                    self.failed = true;
                    return Ok(());
                };
                let written = target
                    .parent()
                    .map_or(Ok(()), std::fs::create_dir_all)
                    .and_then(|()| super::interrupt::write_atomically(&target, &rendered));
                match written {
                    // A name the file system refuses fails its page only.
                    Err(e) if page_only(&e) => {
                        eprintln!("unchaff: {name}: cannot write {}: {e}", target.display());
                        self.failed = true;
                        Ok(())
                    }
                    written => {
                        written.map_err(|e| Stop::Fatal(format!("{}: {e}", target.display())))
                    }
                }
            }
            Sink::Stream { writer, wrote, .. } => {
                // Texts of several pages are separated by a blank line.
                let separate = *wrote
                    && !rendered.is_empty()
                    && !(self.args.format == Format::Json || self.args.explain || self.args.diff);
                if separate {
                    writer
                        .write_all(b"\n")
                        .map_err(|e| sink_error(self.args, &e))?;
                }
                *wrote |= !rendered.is_empty();
                writer
                    .write_all(&rendered)
                    .map_err(|e| sink_error(self.args, &e))
            }
        }
    }
}

/// What a run holds while it goes through its inputs.
pub(super) struct Running {
    /// Pages extracted at once.
    pub(super) threads: usize,
    /// Started when first needed: the streaming paths run threads of their own.
    pool: std::cell::OnceCell<rayon::ThreadPool>,
    pub(super) bar: ProgressBar,
    pub(super) sink: Sink,
    /// Whether more than one page is written, so views name their page.
    pub(super) several: bool,
    /// Pages read so far.
    pub(super) pages: usize,
}

impl Running {
    /// The pool of worker threads, started on the first call.
    fn pool(&self) -> Result<&rayon::ThreadPool, Stop> {
        if self.pool.get().is_none() {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(self.threads)
                .build()
                .map_err(|e| format!("cannot start worker threads: {e}"))?;
            let _ = self.pool.set(pool);
        }
        Ok(self.pool.get().ok_or("no worker threads".to_owned())?)
    }
}

/// Pages extracted at once: `--jobs`, else as rayon would choose (`RAYON_NUM_THREADS`, else one
/// per core).
fn thread_count(jobs: Option<usize>) -> usize {
    jobs.filter(|&n| n > 0)
        .or_else(|| {
            std::env::var("RAYON_NUM_THREADS")
                .ok()
                .and_then(|v| v.parse().ok())
                .filter(|&n| n > 0)
        })
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// A page extracted, or why it could not be.
type PageResult = Result<Extraction, String>;

/// What a page gives: its output in the chosen view, or why it has none.
pub(super) enum Outcome {
    Page {
        /// Whether no article text was found.
        empty: bool,
        rendered: Vec<u8>,
    },
    Failed(String),
}

/// What `page`, read from `input`, gives in the chosen view.
pub(super) fn outcome(
    args: &Args,
    input: &inputs::Input,
    page: &PageResult,
    color: bool,
    several: bool,
) -> Outcome {
    match page {
        Ok(page) => Outcome::Page {
            empty: page.is_empty(),
            rendered: render_page(
                args,
                &input.path.display().to_string(),
                page,
                color,
                several,
            ),
        },
        Err(cause) => Outcome::Failed(cause.clone()),
    }
}

/// Reads and extracts the inputs of a chunk in parallel, in their order.
fn extract_part(
    pool: &rayon::ThreadPool,
    bar: &ProgressBar,
    config: &Config,
    part: &[inputs::Input],
) -> Vec<Result<(Extraction, usize), String>> {
    pool.install(|| {
        part.par_iter()
            .map(|input| {
                let result = extract_file(&input.path, config);
                bar.inc(1);
                result
            })
            .collect()
    })
}

/// Reads and extracts one input; the input's size comes back with the page.
pub(super) fn extract_file(path: &Path, config: &Config) -> Result<(Extraction, usize), String> {
    let bytes = inputs::read(path, config.max_input_bytes).map_err(|e| e.to_string())?;
    let size = bytes.len();
    unchaff::extract_bytes(&bytes, config)
        .map(|page| (page, size))
        .map_err(|e| e.to_string())
}

/// Where the output goes: standard output or `-o FILE` (a temporary file renamed at the end), or
/// one file per page in `--output-dir`.
pub(super) enum Sink {
    Stream {
        writer: Box<dyn Write>,
        /// The temporary file that takes the name of `-o` at the end.
        rename: Option<super::interrupt::Temporary>,
        wrote: bool,
    },
    Folder(PathBuf),
}

impl Sink {
    fn open(args: &Args) -> Result<Sink, Stop> {
        if let Some(dir) = &args.output_dir {
            return Ok(Sink::Folder(dir.clone()));
        }
        let (writer, rename): (Box<dyn Write>, _) = match &args.output {
            Some(path) => {
                let (tmp, file) = super::interrupt::Temporary::create(path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                (
                    Box::new(io::BufWriter::with_capacity(OUT_BUFFER, file)),
                    Some(tmp),
                )
            }
            None => (
                Box::new(io::BufWriter::with_capacity(OUT_BUFFER, io::stdout())),
                None,
            ),
        };
        Ok(Sink::Stream {
            writer,
            rename,
            wrote: false,
        })
    }

    fn finish(self) -> Result<(), Stop> {
        let Sink::Stream {
            mut writer, rename, ..
        } = self
        else {
            return Ok(());
        };
        let flushed = writer.flush();
        drop(writer);
        match rename {
            Some(tmp) => {
                let target = tmp.target().display().to_string();
                flushed
                    .and_then(|()| tmp.commit())
                    .map_err(|e| Stop::Fatal(format!("{target}: {e}")))
            }
            None => flushed.map_err(|e| {
                if e.kind() == io::ErrorKind::BrokenPipe {
                    Stop::BrokenPipe
                } else {
                    Stop::Fatal(format!("standard output: {e}"))
                }
            }),
        }
    }
}

/// The progress bar's rate, rounded: `75 pages/s`, or `0.4 pages/s` below ten.
fn rate(state: &indicatif::ProgressState, out: &mut dyn std::fmt::Write) {
    let _ = out.write_str(&rounded_rate(state.per_sec()));
}

fn rounded_rate(per_sec: f64) -> String {
    if per_sec < 10.0 {
        format!("{per_sec:.1} pages/s")
    } else {
        format!("{per_sec:.0} pages/s")
    }
}

/// Why a run stopped before its end.
#[derive(Debug, PartialEq, Eq)]
pub enum Stop {
    /// The reader of standard output went away (`| head`): the run ends quietly, as other
    /// tools do.
    BrokenPipe,
    /// A usage or output error that concerns every page, with its message.
    Fatal(String),
}

impl From<String> for Stop {
    fn from(message: String) -> Stop {
        Stop::Fatal(message)
    }
}

/// The stop for an output error: quiet for a closed pipe.
fn sink_error(args: &Args, e: &io::Error) -> Stop {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Stop::BrokenPipe;
    }
    Stop::Fatal(match &args.output {
        Some(path) => format!("{}: {e}", path.display()),
        None => format!("standard output: {e}"),
    })
}

/// What one page contributes to the output, in the chosen view.
fn render_page(args: &Args, name: &str, page: &Extraction, color: bool, several: bool) -> Vec<u8> {
    let mut options = unchaff::RenderOptions::default()
        .with_images(args.images)
        .with_standalone(args.standalone)
        .with_links(!args.no_links);
    if let Some(url) = &args.url {
        options = options.with_base_url(url.clone());
    }
    if args.format == Format::Json {
        let extras = unchaff::RecordExtras {
            markdown: args.with.contains(&Extra::Markdown),
            html: args.with.contains(&Extra::Html),
            explain: args.explain,
            comments: args.comments,
        };
        let record = page
            .record(args.url.as_deref(), extras, &options)
            .with_path(name);
        // Serialising a struct of strings and numbers cannot fail.
        let mut out = if args.jsonl || (several && args.output_dir.is_none()) {
            serde_json::to_vec(&record).unwrap_or_default()
        } else {
            serde_json::to_vec_pretty(&record).unwrap_or_default()
        };
        out.push(b'\n');
        return out;
    }
    if args.explain || args.diff {
        let mut out = if several && args.output_dir.is_none() {
            format!("== {name}\n")
        } else {
            String::new()
        };
        out.push_str(&if args.diff {
            report::diff(&page.page, color)
        } else {
            report::explain(&page.page)
        });
        return out.into_bytes();
    }
    match args.format {
        Format::Markdown => page.markdown(&options).into_bytes(),
        Format::Html => page.html(&options).into_bytes(),
        Format::Text | Format::Json => {
            let mut text = page.text();
            if !page.comments.is_empty() {
                text.push_str("\n\n");
                text.push_str(&page.comments_text());
            }
            text.into_bytes()
        }
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
        return super::interrupt::write_atomically(target, report_of(input, page).as_bytes());
    }
    std::fs::create_dir_all(target)?;
    let mut entries = Vec::new();
    for (n, (input, page)) in inputs.iter().zip(pages).enumerate() {
        let Ok(page) = page else { continue };
        let stem = input
            .file_stem()
            .map_or("stdin".into(), |s| s.to_string_lossy());
        let file = format!("{n:04}-{stem}.html");
        super::interrupt::write_atomically(&target.join(&file), report_of(input, page).as_bytes())?;
        let kept = page.page.iter().filter(|b| b.removed.is_none()).count();
        entries.push((
            file,
            input.display().to_string(),
            kept,
            page.page.len() - kept,
        ));
    }
    super::interrupt::write_atomically(
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
) -> Result<(), Stop> {
    let mut profile = load_profile(args)?;
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
    save_profile(args, &profile)
}

/// The `--site-profile` earlier runs saved, else an empty profile.
pub(super) fn load_profile(args: &Args) -> Result<SiteProfile, Stop> {
    match &args.site_profile {
        Some(path) if path.exists() => {
            let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(SiteProfile::load(io::BufReader::new(file))
                .map_err(|e| format!("{}: not a site profile: {e}", path.display()))?)
        }
        _ => Ok(SiteProfile::new()),
    }
}

/// Saves the profile to `--site-profile`, when given.
pub(super) fn save_profile(args: &Args, profile: &SiteProfile) -> Result<(), Stop> {
    if let Some(path) = &args.site_profile {
        let mut json = Vec::new();
        profile
            .save(&mut json)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        super::interrupt::write_atomically(path, &json)
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// The key grouping pages of one site: the host of `--url`, else of the page's own address,
/// else the input's folder.
pub(super) fn site_of(args: &Args, input: &Path, page: Option<&Extraction>) -> String {
    args.url
        .as_deref()
        .and_then(host_of)
        .or_else(|| page.and_then(|p| p.url.as_deref()).and_then(host_of))
        .unwrap_or_else(|| {
            let dir = input.parent().unwrap_or(Path::new(""));
            format!("folder {}", dir.display())
        })
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Whether an output error concerns its page only (its name), not the folder or the disk.
fn page_only(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::InvalidFilename | io::ErrorKind::IsADirectory | io::ErrorKind::InvalidInput
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_refused_name_fails_one_page() {
        let name_too_long = io::Error::from(io::ErrorKind::InvalidFilename);
        assert!(page_only(&name_too_long));
        for whole_run in [
            io::ErrorKind::PermissionDenied,
            io::ErrorKind::StorageFull,
            io::ErrorKind::ReadOnlyFilesystem,
            io::ErrorKind::NotFound,
        ] {
            assert!(!page_only(&io::Error::from(whole_run)), "{whole_run:?}");
        }
    }

    #[test]
    fn a_closed_pipe_stops_quietly_and_other_output_errors_name_the_output() {
        let args = <Args as clap::Parser>::parse_from(["unchaff", "-o", "out.txt", "page.html"]);
        let pipe = io::Error::from(io::ErrorKind::BrokenPipe);
        assert_eq!(sink_error(&args, &pipe), Stop::BrokenPipe);
        let full = io::Error::new(io::ErrorKind::StorageFull, "no space left");
        assert_eq!(
            sink_error(&args, &full),
            Stop::Fatal("out.txt: no space left".to_owned())
        );
        assert_eq!(Stop::from("x".to_owned()), Stop::Fatal("x".to_owned()));
    }

    #[test]
    fn the_rate_is_rounded() {
        assert_eq!(rounded_rate(75.3202), "75 pages/s");
        assert_eq!(rounded_rate(0.4321), "0.4 pages/s");
        assert_eq!(rounded_rate(1234.5), "1234 pages/s");
    }
}
