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

/// One run of the command over its inputs.
pub struct Batch<'a> {
    args: &'a Args,
    inputs: Vec<inputs::Input>,
    config: Config,
    color: bool,
    extension: &'static str,
    /// Whether some input failed or gave no text.
    pub failed: bool,
    ok: usize,
    empty: usize,
    bytes_read: usize,
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
    pub fn run(&mut self) -> Result<(), String> {
        let args = self.args;
        if let Some(output) = &args.output
            && let Some(clash) = self.inputs.iter().find(|i| same_file(&i.path, output))
        {
            return Err(format!(
                "{}: refusing to overwrite an input with the output",
                clash.path.display()
            ));
        }
        interrupt::install();
        let started = Instant::now();
        let show_progress = args.progress || (!args.quiet && io::stderr().is_terminal());
        let bar = if show_progress {
            ProgressBar::new(self.inputs.len() as u64).with_style(
                ProgressStyle::with_template("{bar:40} {pos}/{len} pages, {per_sec}, eta {eta}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            )
        } else {
            ProgressBar::hidden()
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(args.jobs.unwrap_or(0))
            .build()
            .map_err(|e| format!("cannot start worker threads: {e}"))?;
        let mut run = Running {
            pool,
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
    fn files(&mut self, run: &mut Running, files: Vec<inputs::Input>) -> Result<(), String> {
        let args = self.args;
        let cross_page = !args.no_cross_page && (files.len() > 1 || args.site_profile.is_some());
        if !cross_page && args.report.is_none() {
            return self.stream_files(run, &files);
        }
        let paths: Vec<PathBuf> = files.iter().map(|i| i.path.clone()).collect();
        let results = extract_part(&run.pool, &run.bar, &self.config, &files);
        let mut pages = self.count_part(run, results);
        if cross_page {
            drop_site_template(args, &paths, &mut pages)?;
        }
        if let Some(target) = &args.report {
            write_reports(target, &paths, &pages)
                .map_err(|e| format!("{}: {e}", target.display()))?;
        }
        for (input, page) in files.iter().zip(&pages) {
            self.emit(&mut run.sink, input, page, run.several)?;
        }
        Ok(())
    }

    /// Extracts and writes files a chunk at a time, so that memory stays flat: the pool extracts
    /// the next chunk while this thread writes the one before.
    fn stream_files(&mut self, run: &mut Running, files: &[inputs::Input]) -> Result<(), String> {
        let config = self.config.clone();
        let mut previous: Option<(&[inputs::Input], Vec<PageResult>)> = None;
        let parts = files
            .chunks(STREAM_CHUNK)
            .map(Some)
            .chain(std::iter::once(None));
        for part in parts {
            let (pool, bar) = (&run.pool, &run.bar);
            let (current, written) = std::thread::scope(|scope| {
                let extracting =
                    part.map(|part| scope.spawn(|| extract_part(pool, bar, &config, part)));
                let written = match previous.take() {
                    Some((done, pages)) => done.iter().zip(&pages).try_for_each(|(input, page)| {
                        self.emit(&mut run.sink, input, page, run.several)
                    }),
                    None => Ok(()),
                };
                let current = extracting.map(|handle| {
                    handle
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                });
                (current, written)
            });
            written?;
            if let (Some(part), Some(results)) = (part, current) {
                previous = Some((part, self.count_part(run, results)));
            }
        }
        Ok(())
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
    fn archive(&mut self, run: &mut Running, archive: &inputs::Input) -> Result<(), String> {
        let name = archive.path.display().to_string();
        let mut records = match inputs::warc_pages(&archive.path) {
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
            for record in records.by_ref().take(STREAM_CHUNK) {
                match record {
                    Ok(page) => chunk.push(page),
                    Err(cause) => {
                        eprintln!("unchaff: {name}: {cause}");
                        self.failed = true;
                    }
                }
            }
            if chunk.is_empty() {
                return Ok(());
            }
            run.bar.inc_length(chunk.len() as u64);
            let config = &self.config;
            let bar = &run.bar;
            let results: Vec<Result<Extraction, String>> = run.pool.install(|| {
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
                self.emit(&mut run.sink, &input, result, true)?;
            }
        }
    }

    /// Reports a page's failure, or writes its output.
    fn emit(
        &mut self,
        sink: &mut Sink,
        input: &inputs::Input,
        page: &Result<Extraction, String>,
        several: bool,
    ) -> Result<(), String> {
        let name = input.path.display().to_string();
        let page = match page {
            Ok(page) => page,
            Err(cause) => {
                eprintln!("unchaff: {name}: {cause}");
                self.failed = true;
                return Ok(());
            }
        };
        if page.is_empty() {
            eprintln!("unchaff: {name}: no article text found");
            self.failed = true;
            self.empty += 1;
        } else {
            self.ok += 1;
        }
        let rendered = render_page(self.args, &name, page, self.color, several);
        match sink {
            Sink::Folder(dir) => {
                let Some(target) = inputs::output_path(dir, input, self.extension) else {
                    eprintln!("unchaff: {name}: its output would leave {}", dir.display());
                    self.failed = true;
                    return Ok(());
                };
                target
                    .parent()
                    .map_or(Ok(()), std::fs::create_dir_all)
                    .and_then(|()| write_atomically(&target, &rendered))
                    .map_err(|e| format!("{}: {e}", target.display()))
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
struct Running {
    pool: rayon::ThreadPool,
    bar: ProgressBar,
    sink: Sink,
    /// Whether more than one page is written, so views name their page.
    several: bool,
    /// Pages read so far.
    pages: usize,
}

/// A page extracted, or why it could not be.
type PageResult = Result<Extraction, String>;

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
fn extract_file(path: &Path, config: &Config) -> Result<(Extraction, usize), String> {
    let bytes = inputs::read(path, config.max_input_bytes).map_err(|e| e.to_string())?;
    let size = bytes.len();
    unchaff::extract_bytes(&bytes, config)
        .map(|page| (page, size))
        .map_err(|e| e.to_string())
}

/// Where the output goes: standard output or `-o FILE` (a temporary file renamed at the end), or
/// one file per page in `--output-dir`.
enum Sink {
    Stream {
        writer: Box<dyn Write>,
        /// The temporary file that takes the name of `-o` at the end.
        rename: Option<interrupt::Temporary>,
        wrote: bool,
    },
    Folder(PathBuf),
}

impl Sink {
    fn open(args: &Args) -> Result<Sink, String> {
        if let Some(dir) = &args.output_dir {
            return Ok(Sink::Folder(dir.clone()));
        }
        let (writer, rename): (Box<dyn Write>, _) = match &args.output {
            Some(path) => {
                let (tmp, file) = interrupt::Temporary::create(path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                (Box::new(io::BufWriter::new(file)), Some(tmp))
            }
            None => (Box::new(io::BufWriter::new(io::stdout())), None),
        };
        Ok(Sink::Stream {
            writer,
            rename,
            wrote: false,
        })
    }

    fn finish(self) -> Result<(), String> {
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
                    .map_err(|e| format!("{target}: {e}"))
            }
            None => flushed.map_err(|e| {
                if e.kind() == io::ErrorKind::BrokenPipe {
                    String::new()
                } else {
                    format!("standard output: {e}")
                }
            }),
        }
    }
}

/// The message for an output error; empty for a closed pipe, which ends the run quietly.
fn sink_error(args: &Args, e: &io::Error) -> String {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return String::new();
    }
    match &args.output {
        Some(path) => format!("{}: {e}", path.display()),
        None => format!("standard output: {e}"),
    }
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
        Format::Text | Format::Json => page.text().into_bytes(),
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

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// A temporary file name beside `path`, for writing it atomically.
fn temporary_path(path: &Path) -> io::Result<PathBuf> {
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
    Ok(dir.join(tmp_name))
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into place.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (tmp, mut file) = interrupt::Temporary::create(path)?;
    file.write_all(bytes)?;
    drop(file);
    tmp.commit()
}

/// Interruption (Ctrl-C, SIGTERM, SIGHUP): the temporary files being written are removed and the
/// run exits with code 130, so an output file is either complete or absent.
mod interrupt {
    use std::fs::File;
    use std::io;
    use std::path::{Path, PathBuf};
    use std::sync::{Mutex, MutexGuard, PoisonError};

    /// The exit code of an interrupted run, as shells report SIGINT.
    const INTERRUPTED: i32 = 130;

    /// The temporary files that exist now. Files are created and renamed with the lock held, and
    /// the handler keeps it until the process ends, so none appears or moves after the cleanup.
    static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

    fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
        PENDING.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Removes the temporary files and exits on the first interruption.
    pub fn install() {
        // Only the first call installs it; a second would fail with "handler already set".
        let _ = ctrlc::set_handler(|| {
            let mut pending = pending();
            for path in pending.drain(..) {
                let _ = std::fs::remove_file(path);
            }
            eprintln!("unchaff: interrupted");
            std::process::exit(INTERRUPTED);
        });
    }

    /// A temporary file beside its target: renamed into place by [`Temporary::commit`], removed
    /// when dropped before that or when the run is interrupted.
    pub struct Temporary {
        path: PathBuf,
        target: PathBuf,
        committed: bool,
    }

    impl Temporary {
        /// Creates the temporary file for `target`.
        pub fn create(target: &Path) -> io::Result<(Temporary, File)> {
            let path = super::temporary_path(target)?;
            let mut pending = pending();
            let file = File::create(&path)?;
            pending.push(path.clone());
            let tmp = Temporary {
                path,
                target: target.to_path_buf(),
                committed: false,
            };
            Ok((tmp, file))
        }

        /// The name the file takes.
        pub fn target(&self) -> &Path {
            &self.target
        }

        /// Renames the file into place.
        pub fn commit(mut self) -> io::Result<()> {
            let renamed = {
                let _pending = pending();
                std::fs::rename(&self.path, &self.target)
            };
            self.committed = renamed.is_ok();
            renamed
        }
    }

    impl Drop for Temporary {
        fn drop(&mut self) {
            let mut pending = pending();
            if !self.committed {
                let _ = std::fs::remove_file(&self.path);
            }
            pending.retain(|p| *p != self.path);
        }
    }
}
