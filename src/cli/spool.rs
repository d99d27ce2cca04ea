//! The cross-page pass over many files with flat memory. The first pass extracts every page,
//! writes it in compact form to a temporary file, counts the pages of each site and the shingles
//! of each page's print, but of the first page of each site (most sites of a crawl of many have
//! a single page, and so do all those of most batches of a few pages: they need no print); a
//! middle pass reads back the first pages of the sites that have enough pages for a template
//! after all and counts their prints too (it reads nothing when no site has enough); the last
//! reads the pages back in order, removes each site's template and writes the outputs. Per page,
//! only its print's shingles stay in memory, counted in the profile, so the output is the same
//! as with every page held, in any order of the inputs. With `--site-profile` every page is
//! printed in the first pass: the saved profile counts every site. The temporary file is removed
//! at the end, on an error and on an interruption.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::sync::{Mutex, PoisonError};

use unchaff::{Extraction, PagePrint, SiteProfile};

use super::batch::{self, Batch, Outcome, Running, Stop};
use super::inputs::Input;
use super::interrupt::Temporary;
use super::ordered;
use super::tally::Tally;

/// A page after the first pass: its site, its print (but for the first page of a site, without
/// `--site-profile`) and its compact form, or why it failed.
enum Spooled {
    Page {
        site: String,
        print: Option<PagePrint>,
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
/// temporary file, and a third between them for the sites with enough pages for a template.
pub(super) fn files(batch: &mut Batch, run: &mut Running, files: &[Input]) -> Result<(), Stop> {
    let mut counter = Counter::new(batch.args)?;
    let scratch = std::env::temp_dir().join("unchaff-pages");
    let fail = |e: io::Error| Stop::Fatal(format!("temporary file {}: {e}", scratch.display()));
    let (tmp, file) = Temporary::create(&scratch).map_err(fail)?;
    let mut writer = BufWriter::with_capacity(batch::OUT_BUFFER, file);
    let (args, bar, config) = (batch.args, &run.bar, batch.config.clone());
    let threads = run.threads;
    // The pages of each site extracted so far, and whether each record's page was printed.
    let seen = Mutex::new(HashMap::new());
    let mut printed = Vec::new();
    ordered::for_each(
        threads,
        files.iter(),
        |input| {
            let result = batch::extract_file(&input.path, &config);
            bar.inc(1);
            match result {
                Ok((page, size)) => spooled(args, input, &page, size, &seen),
                Err(cause) => Spooled::Failed(cause),
            }
        },
        |spooled| {
            run.pages += 1;
            printed.push(matches!(spooled, Spooled::Page { print: Some(_), .. }));
            match spooled {
                Spooled::Page {
                    site,
                    print,
                    compact,
                    size,
                } => {
                    batch.bytes_read += size;
                    write_page(&mut writer, &site, &compact)?;
                    match print {
                        Some(print) => counter.observe(&site, print),
                        None => Ok(()),
                    }
                }
                Spooled::Failed(cause) => write_record(&mut writer, FAILED, &[cause.as_bytes()]),
            }
        },
    )
    .and_then(|()| writer.flush())
    .map_err(fail)?;
    drop(writer);
    if let Counter::Tally(tally) = &mut counter {
        let pages_of = seen.into_inner().unwrap_or_else(PoisonError::into_inner);
        count_templated(threads, &printed, tmp.path(), &pages_of, tally).map_err(fail)?;
    }
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

/// The middle pass: counts the prints of the pages not printed yet (`printed`, one flag per
/// record) of each site with enough pages for a template, read back from the temporary file
/// `spool`. Reads nothing when no site has enough.
fn count_templated(
    threads: usize,
    printed: &[bool],
    spool: &std::path::Path,
    pages_of: &HashMap<String, usize>,
    tally: &mut Tally,
) -> io::Result<()> {
    let may_have_template = |site: &str| {
        pages_of
            .get(site)
            .is_some_and(|&n| SiteProfile::threshold(n) as usize <= n)
    };
    if !pages_of.keys().any(|site| may_have_template(site)) {
        return Ok(());
    }
    let mut reader = BufReader::with_capacity(batch::OUT_BUFFER, File::open(spool)?);
    let stored = printed.iter().map(|&done| (done, read_record(&mut reader)));
    ordered::for_each(
        threads,
        stored,
        |(done, stored)| match stored? {
            Stored::Page { site, compact } if !done && may_have_template(&site) => {
                let page = Extraction::from_spool(&compact)?;
                Ok(Some((site, PagePrint::of(&page))))
            }
            _ => Ok(None),
        },
        |printed: io::Result<Option<(String, PagePrint)>>| match printed? {
            Some((site, print)) => tally.observe(&site, &print),
            None => Ok(()),
        },
    )
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

/// What the first pass keeps of a page; `seen` counts the pages of each site so far. The first
/// page of a site is printed only with `--site-profile`: most sites have no other, and the
/// middle pass prints it when they have.
fn spooled(
    args: &crate::Args,
    input: &Input,
    page: &Extraction,
    size: usize,
    seen: &Mutex<HashMap<String, usize>>,
) -> Spooled {
    let mut compact = Vec::new();
    page.to_spool(&mut compact);
    let site = batch::site_of(args, &input.path, Some(page));
    let earlier = {
        let mut seen = seen.lock().unwrap_or_else(PoisonError::into_inner);
        // The site's name is copied only for its first page.
        match seen.get_mut(&site) {
            Some(count) => {
                *count += 1;
                *count - 1
            }
            None => {
                seen.insert(site.clone(), 1);
                0
            }
        }
    };
    let print = (earlier > 0 || args.site_profile.is_some()).then(|| PagePrint::of(page));
    Spooled::Page {
        site,
        print,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::tally::tests::page;

    fn compact(n: usize, site: &str) -> Vec<u8> {
        let mut bytes = Vec::new();
        page(n, site).to_spool(&mut bytes);
        bytes
    }

    #[test]
    fn the_middle_pass_counts_only_the_sites_with_enough_pages() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let spool = dir.path().join("pages");
        let sites = ["quay", "lone", "quay", "quay"];
        let mut out = BufWriter::new(File::create(&spool).expect("created"));
        let mut pages_of = HashMap::new();
        for (n, site) in sites.iter().enumerate() {
            write_page(&mut out, site, &compact(n, site)).expect("written");
            *pages_of.entry(site.to_string()).or_default() += 1;
        }
        write_record(&mut out, FAILED, &[b"not a page"]).expect("written");
        drop(out);
        let mut tally = Tally::create().expect("a tally");
        // The first pass printed the later pages of "quay": the middle pass adds the first.
        let pages: Vec<Extraction> = [2, 3].map(|n| page(n, "quay")).into();
        for page in &pages {
            tally
                .observe("quay", &PagePrint::of(page))
                .expect("counted");
        }
        let printed = [false, false, true, true, false];
        count_templated(2, &printed, &spool, &pages_of, &mut tally).expect("counted");
        let profile = tally.finish().expect("merged");
        assert_eq!(profile.pages("quay"), 3);
        assert_eq!(profile.pages("lone"), 0);
    }

    #[test]
    fn without_a_site_of_enough_pages_nothing_is_read_back() {
        let pages_of = HashMap::from([("quay".to_owned(), 2), ("lone".to_owned(), 1)]);
        let mut tally = Tally::create().expect("a tally");
        // No such file: reading it would fail.
        let missing = std::path::Path::new("/nonexistent/unchaff-pages");
        count_templated(1, &[false; 3], missing, &pages_of, &mut tally).expect("nothing read");
        assert_eq!(tally.finish().expect("merged").pages("quay"), 0);
    }
}
