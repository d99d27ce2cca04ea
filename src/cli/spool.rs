//! The cross-page pass over many files with flat memory. The first pass extracts every page,
//! adds its print to the site profile and writes the page in compact form to a temporary file;
//! the second reads the pages back in order, removes each site's template and writes the
//! outputs. Per page, only its print's shingles stay in memory, counted in the profile, so the
//! output is the same as with every page held, in any order of the inputs. The temporary file is
//! removed at the end, on an error and on an interruption.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};

use unchaff::{Extraction, PagePrint, SiteProfile};

use super::batch::{self, Batch, Outcome, Running, Stop};
use super::inputs::Input;
use super::interrupt::Temporary;
use super::ordered;
use super::tally::Tally;

/// A page after the first pass: its site, its print and its compact form, or why it failed.
enum Spooled {
    Page {
        site: String,
        print: PagePrint,
        compact: Vec<u8>,
        size: usize,
    },
    Failed(String),
}

/// A page read back from the temporary file.
enum Stored {
    Page { site: String, compact: Vec<u8> },
    Failed(String),
}

const PAGE: u8 = 0;
const FAILED: u8 = 1;

/// Extracts `files`, removes each site's template and writes the outputs, in two passes over a
/// temporary file.
pub(super) fn files(batch: &mut Batch, run: &mut Running, files: &[Input]) -> Result<(), Stop> {
    let mut counter = Counter::new(batch.args)?;
    let scratch = std::env::temp_dir().join("unchaff-pages");
    let fail = |e: io::Error| Stop::Fatal(format!("temporary file {}: {e}", scratch.display()));
    let (tmp, file) = Temporary::create(&scratch).map_err(fail)?;
    let mut writer = BufWriter::with_capacity(batch::OUT_BUFFER, file);
    let (args, bar, config) = (batch.args, &run.bar, batch.config.clone());
    let threads = run.threads;
    ordered::for_each(
        threads,
        files.iter(),
        |input| {
            let result = batch::extract_file(&input.path, &config);
            bar.inc(1);
            match result {
                Ok((page, size)) => spooled(args, input, &page, size),
                Err(cause) => Spooled::Failed(cause),
            }
        },
        |spooled| {
            run.pages += 1;
            match spooled {
                Spooled::Page {
                    site,
                    print,
                    compact,
                    size,
                } => {
                    batch.bytes_read += size;
                    write_page(&mut writer, &site, &compact)?;
                    counter.observe(&site, print)
                }
                Spooled::Failed(cause) => write_record(&mut writer, FAILED, &[cause.as_bytes()]),
            }
        },
    )
    .and_then(|()| writer.flush())
    .map_err(fail)?;
    drop(writer);
    let profile = counter.finish(args)?;
    let reader = BufReader::with_capacity(batch::OUT_BUFFER, File::open(tmp.path()).map_err(fail)?);
    write_outputs(batch, run, files, reader, &profile).map_err(|e| match e {
        Failure::Read(e) => fail(e),
        Failure::Stop(stop) => stop,
    })
}

/// How the first pass counts the shingles of each site: in the whole profile when it is loaded
/// and saved (`--site-profile`), else in a [`Tally`] of bounded memory.
enum Counter {
    Profile(SiteProfile),
    Tally(Box<Tally>),
}

impl Counter {
    fn new(args: &crate::Args) -> Result<Counter, Stop> {
        if args.site_profile.is_some() {
            return Ok(Counter::Profile(batch::load_profile(args)?));
        }
        let tally = Tally::create().map_err(|e| Stop::Fatal(format!("temporary file: {e}")))?;
        Ok(Counter::Tally(Box::new(tally)))
    }

    fn observe(&mut self, site: &str, print: PagePrint) -> io::Result<()> {
        match self {
            Counter::Profile(profile) => profile.observe_print(site, print),
            Counter::Tally(tally) => tally.observe(site, &print)?,
        }
        Ok(())
    }

    /// The profile the second pass filters with; the whole one is saved first.
    fn finish(self, args: &crate::Args) -> Result<SiteProfile, Stop> {
        match self {
            Counter::Profile(profile) => {
                batch::save_profile(args, &profile)?;
                Ok(profile)
            }
            Counter::Tally(tally) => tally
                .finish()
                .map_err(|e| Stop::Fatal(format!("temporary file: {e}"))),
        }
    }
}

/// Why the second pass stopped.
enum Failure {
    Read(io::Error),
    Stop(Stop),
}

/// The second pass: reads the pages back, removes the template, renders and writes them.
fn write_outputs(
    batch: &mut Batch,
    run: &mut Running,
    files: &[Input],
    mut reader: BufReader<File>,
    profile: &SiteProfile,
) -> Result<(), Failure> {
    let (args, color, several) = (batch.args, batch.color, run.several);
    let stored = files
        .iter()
        .map(move |input| (input, read_record(&mut reader)));
    let sink = &mut run.sink;
    ordered::for_each(
        run.threads,
        stored,
        |(input, stored)| {
            let page = match stored? {
                Stored::Page { site, compact } => {
                    let mut page = Extraction::from_spool(&compact)?;
                    profile.filter(&site, &mut page);
                    Ok(page)
                }
                Stored::Failed(cause) => Err(cause),
            };
            Ok((input, batch::outcome(args, input, &page, color, several)))
        },
        |done: io::Result<(&Input, Outcome)>| {
            let (input, outcome) = done.map_err(Failure::Read)?;
            batch.emit(sink, input, outcome).map_err(Failure::Stop)
        },
    )
}

/// What the first pass keeps of a page.
fn spooled(args: &crate::Args, input: &Input, page: &Extraction, size: usize) -> Spooled {
    let mut compact = Vec::new();
    page.to_spool(&mut compact);
    Spooled::Page {
        site: batch::site_of(args, &input.path, Some(page)),
        print: PagePrint::of(page),
        compact,
        size,
    }
}

fn write_page(out: &mut impl Write, site: &str, compact: &[u8]) -> io::Result<()> {
    write_record(out, PAGE, &[site.as_bytes(), compact])
}

/// A record: its kind, then each part's length and bytes.
fn write_record(out: &mut impl Write, kind: u8, parts: &[&[u8]]) -> io::Result<()> {
    out.write_all(&[kind])?;
    for part in parts {
        out.write_all(&(part.len() as u64).to_le_bytes())?;
        out.write_all(part)?;
    }
    Ok(())
}

fn read_record(input: &mut impl Read) -> io::Result<Stored> {
    let mut kind = [0u8];
    input.read_exact(&mut kind)?;
    let first = read_part(input)?;
    let text = |bytes: Vec<u8>| {
        String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    };
    match kind[0] {
        PAGE => Ok(Stored::Page {
            site: text(first)?,
            compact: read_part(input)?,
        }),
        FAILED => Ok(Stored::Failed(text(first)?)),
        _ => Err(io::Error::new(io::ErrorKind::InvalidData, "unknown record")),
    }
}

fn read_part(input: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut len = [0u8; 8];
    input.read_exact(&mut len)?;
    let len = usize::try_from(u64::from_le_bytes(len))
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    let mut bytes = Vec::new();
    input.take(len as u64).read_to_end(&mut bytes)?;
    if bytes.len() != len {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(bytes)
}
