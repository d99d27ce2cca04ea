//! The site profile of a batch in bounded memory. The first pass adds each new page's
//! (site, shingle) pairs to a buffer of fixed size; a full buffer is sorted, counted and written
//! to a temporary file as one run. At the end the runs are merged, and only the shingles that
//! recur on enough of their site's pages to be template are kept: at most a few times one
//! page's shingles per site, where counting every shingle takes memory for all the distinct
//! text of the batch. The counts are exact, so the filter decides as the whole profile would.
//! Peak RSS of `--jsonl -j2` (release, no LTO): 1,336 pages 64 -> 39 MB; 6,000 perturbed copies
//! of 1,517 pages (about four per site) 83 -> 78-82 MB, where `--no-cross-page` takes 40 MB; the
//! rest is mostly the allocator's per-thread arenas (52 MB with `MALLOC_ARENA_MAX=1`); 60,000
//! such pages (about 40 per site) 227 -> 95 MB. Later, with the profile built site by site as
//! the merge passes them and jemalloc as the command's allocator (release, fat LTO): 6,000 pages
//! 60.7 -> 42.5 MB, 60,000 pages 72.1 -> 57.6 MB.

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashMap};
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};

use unchaff::{PagePrint, SiteProfile};

use super::interrupt::Temporary;

/// Pairs held before a run is written (16 bytes each: 2 MB).
const BUFFER: usize = 1 << 17;
/// Bytes of one counted entry in a run: site, shingle, count.
const ENTRY: usize = 16;
/// Bytes of read buffers the merge shares among its runs, and the least one run gets.
const MERGE_BUFFERS: usize = 2 << 20;
const MIN_READ: usize = 4 << 10;

/// Counts of the shingles of a batch's pages, per site, spilled to disk in sorted runs.
pub(super) struct Tally {
    index: HashMap<String, u32>,
    names: Vec<String>,
    /// The keys of each site's pages, so that a page seen again is not counted twice.
    pages: Vec<BTreeSet<u64>>,
    /// (site, shingle) pairs as one number each, site in the high bits: they sort in the same
    /// order as the pairs, with one comparison each.
    buffer: Vec<u128>,
    /// Pairs the buffer holds before a run is written.
    capacity: usize,
    /// Start and length in bytes of each run in the file.
    runs: Vec<(u64, u64)>,
    written: u64,
    out: BufWriter<File>,
    tmp: Temporary,
}

impl Tally {
    /// A tally with its temporary file.
    pub(super) fn create() -> io::Result<Tally> {
        Tally::with_capacity(BUFFER)
    }

    fn with_capacity(capacity: usize) -> io::Result<Tally> {
        // A number of its own for each tally of the process (the tests run several at once).
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let name = format!("unchaff-shingles-{n}");
        let (tmp, file) = Temporary::create(&std::env::temp_dir().join(name))?;
        Ok(Tally {
            index: HashMap::new(),
            names: Vec::new(),
            pages: Vec::new(),
            buffer: Vec::new(),
            capacity,
            runs: Vec::new(),
            written: 0,
            out: BufWriter::new(file),
            tmp,
        })
    }

    /// Counts the shingles of one page of `site`, once per page.
    pub(super) fn observe(&mut self, site: &str, print: &PagePrint) -> io::Result<()> {
        let site = match self.index.get(site) {
            Some(&i) => i,
            None => {
                let i = self.names.len() as u32;
                self.index.insert(site.to_owned(), i);
                self.names.push(site.to_owned());
                self.pages.push(BTreeSet::new());
                i
            }
        };
        if !self.pages[site as usize].insert(print.key()) {
            return Ok(());
        }
        for &shingle in print.shingles() {
            if self.buffer.len() >= self.capacity {
                self.spill()?;
            }
            self.buffer
                .push(u128::from(site) << 64 | u128::from(shingle));
        }
        Ok(())
    }

    /// Sorts and counts the buffer and writes it as a run.
    fn spill(&mut self) -> io::Result<()> {
        // The buffer is a run of sorted pairs per page (a print's shingles are sorted): the
        // stable sort merges the runs it finds, where an unstable one sorts from scratch.
        self.buffer.sort();
        let start = self.written;
        let mut pairs = self.buffer.drain(..).peekable();
        while let Some(pair) = pairs.next() {
            let mut count = 1u32;
            while pairs.next_if_eq(&pair).is_some() {
                count += 1;
            }
            let (site, shingle) = ((pair >> 64) as u32, pair as u64);
            let mut entry = [0u8; ENTRY];
            entry[..4].copy_from_slice(&site.to_le_bytes());
            entry[4..12].copy_from_slice(&shingle.to_le_bytes());
            entry[12..].copy_from_slice(&count.to_le_bytes());
            self.out.write_all(&entry)?;
            self.written += ENTRY as u64;
        }
        self.runs.push((start, self.written - start));
        Ok(())
    }

    /// Merges the runs into a profile that holds, for each site, the shingles that reach its
    /// template threshold. The temporary file is removed.
    pub(super) fn finish(mut self) -> io::Result<SiteProfile> {
        if !self.buffer.is_empty() {
            self.spill()?;
        }
        self.out.flush()?;
        let file = File::open(self.tmp.path())?;
        let read = (MERGE_BUFFERS / self.runs.len().max(1)).max(MIN_READ);
        let mut runs: Vec<Run> = self
            .runs
            .iter()
            .map(|&(start, len)| Run::new(start, len, read))
            .collect();
        // A site with too few pages for any template (most, in a crawl of many sites) is
        // passed over in each run, without going through the merge.
        let few: Vec<bool> = self
            .pages
            .iter()
            .map(|p| SiteProfile::threshold(p.len()) as usize > p.len())
            .collect();
        let next = |run: &mut Run| run.next_of(&file, |site| few[site as usize]);
        let mut heap = BinaryHeap::new();
        for (i, run) in runs.iter_mut().enumerate() {
            if let Some((key, count)) = next(run)? {
                heap.push(Reverse((key, i, count)));
            }
        }
        let mut sites = Sites::new(self.names, self.pages);
        let mut current: Option<((u32, u64), u32)> = None;
        while let Some(Reverse((key, i, count))) = heap.pop() {
            if let Some((key, n)) = next(&mut runs[i])? {
                heap.push(Reverse((key, i, n)));
            }
            match &mut current {
                Some((k, total)) if *k == key => *total += count,
                _ => {
                    if let Some(((site, shingle), total)) = current.replace((key, count)) {
                        sites.keep(site, shingle, total);
                    }
                }
            }
        }
        if let Some(((site, shingle), total)) = current {
            sites.keep(site, shingle, total);
        }
        Ok(sites.finish())
    }
}

/// The profile being built from the merged counts, which come in order of site: each site's
/// template shingles go into the profile once the merge has passed the site, so that only one
/// site's list is held apart at a time.
struct Sites {
    names: std::vec::IntoIter<String>,
    pages: std::vec::IntoIter<BTreeSet<u64>>,
    /// The site whose shingles come now, and its pages' template threshold.
    site: u32,
    threshold: u32,
    kept: Vec<(u64, u32)>,
    profile: SiteProfile,
}

impl Sites {
    fn new(names: Vec<String>, pages: Vec<BTreeSet<u64>>) -> Sites {
        let threshold = pages.first().map_or(0, |p| SiteProfile::threshold(p.len()));
        Sites {
            names: names.into_iter(),
            pages: pages.into_iter(),
            site: 0,
            threshold,
            kept: Vec::new(),
            profile: SiteProfile::new(),
        }
    }

    /// Keeps a merged count when it reaches its site's threshold.
    fn keep(&mut self, site: u32, shingle: u64, count: u32) {
        while self.site < site {
            self.next_site();
        }
        if count >= self.threshold {
            self.kept.push((shingle, count));
        }
    }

    /// Puts the current site into the profile and moves to the next.
    fn next_site(&mut self) {
        if let (Some(name), Some(pages)) = (self.names.next(), self.pages.next()) {
            self.profile
                .insert_counted(&name, pages, self.kept.drain(..));
        }
        self.site += 1;
        self.threshold = self
            .pages
            .as_slice()
            .first()
            .map_or(0, |p| SiteProfile::threshold(p.len()));
    }

    /// The profile, every site in.
    fn finish(mut self) -> SiteProfile {
        while self.names.len() > 0 {
            self.next_site();
        }
        self.profile
    }
}

/// One run being read back, a buffer at a time.
struct Run {
    next: u64,
    end: u64,
    buffer: Vec<u8>,
    at: usize,
    read: usize,
}

impl Run {
    fn new(start: u64, len: u64, read: usize) -> Run {
        Run {
            next: start,
            end: start + len,
            buffer: Vec::new(),
            at: 0,
            read: read - read % ENTRY,
        }
    }

    /// The next (site, shingle) and count of a site not `passed_over`, or none at the end of
    /// the run.
    fn next_of(
        &mut self,
        file: &File,
        passed_over: impl Fn(u32) -> bool,
    ) -> io::Result<Option<((u32, u64), u32)>> {
        while let Some(((site, shingle), count)) = self.next(file)? {
            if !passed_over(site) {
                return Ok(Some(((site, shingle), count)));
            }
        }
        Ok(None)
    }

    /// The next (site, shingle) and count, or none at the end of the run.
    fn next(&mut self, mut file: &File) -> io::Result<Option<((u32, u64), u32)>> {
        if self.at == self.buffer.len() {
            let len = (self.end - self.next).min(self.read as u64) as usize;
            if len == 0 {
                return Ok(None);
            }
            self.buffer.resize(len, 0);
            file.seek(SeekFrom::Start(self.next))?;
            file.read_exact(&mut self.buffer)?;
            self.next += len as u64;
            self.at = 0;
        }
        let entry = &self.buffer[self.at..self.at + ENTRY];
        self.at += ENTRY;
        let mut bytes = [0u8; ENTRY];
        bytes.copy_from_slice(entry);
        let [a, b, c, d, shingle @ .., e, f, g, h] = bytes;
        let site = u32::from_le_bytes([a, b, c, d]);
        let shingle = u64::from_le_bytes(shingle);
        let count = u32::from_le_bytes([e, f, g, h]);
        Ok(Some(((site, shingle), count)))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use unchaff::{Config, Extraction};

    /// A page of `site` with a story of its own, number `n` (under 12).
    pub(in crate::cli) fn page(n: usize, site: &str) -> Extraction {
        // A word of its own for each page.
        let w = format!(
            "{}{}",
            ["al", "bo", "cu", "de", "ei", "fo"][n % 6],
            ["xa", "ye"][n / 6]
        );
        let html = format!(
            "<html><body><article><h1>Story {n}</h1>\
             <p>Report {n}: the {w} crew of the {w} boat met the {w} mayor at {w} hall.</p>\
             <p>The {site} gazette is printed on the quay by the harbour trust and sold at the \
             ferry office, the fish market and the station kiosk every Saturday morning.</p>\
             </article></body></html>"
        );
        unchaff::extract(&html, &Config::default()).expect("extracts")
    }

    #[test]
    fn a_site_without_template_between_two_with_one_keeps_its_place() {
        // The merge hands the sites to the profile in order; a site of one page (no template)
        // and a site seen last must end up with their own pages and shingles.
        let sites = ["quay", "lone", "quay", "market", "quay", "market", "market"];
        let pages: Vec<(&str, Extraction)> = sites
            .iter()
            .enumerate()
            .map(|(n, &site)| (site, page(n, site)))
            .collect();
        let mut whole = SiteProfile::new();
        let mut tally = Tally::with_capacity(5).expect("a temporary file");
        for (site, page) in &pages {
            whole.observe(site, page);
            tally.observe(site, &PagePrint::of(page)).expect("counted");
        }
        let bounded = tally.finish().expect("merged");
        for (site, page) in &pages {
            assert_eq!(bounded.pages(site), whole.pages(site), "{site}");
            let (mut a, mut b) = (page.clone(), page.clone());
            assert_eq!(bounded.filter(site, &mut b), whole.filter(site, &mut a));
            assert_eq!(a.text(), b.text());
            let template = !b.text().contains("gazette");
            assert_eq!(template, *site != "lone", "{site}: {}", b.text());
        }
    }

    #[test]
    fn runs_merged_filter_as_the_whole_profile_does() {
        let pages: Vec<(&str, Extraction)> = (0..12)
            .map(|n| {
                let site = ["harbour", "harbour", "market"][n % 3];
                (site, page(n, site))
            })
            .collect();
        let mut whole = SiteProfile::new();
        // A tiny buffer, so that the pairs go through many runs.
        let mut tally = Tally::with_capacity(7).expect("a temporary file");
        let path = tally.tmp.path().to_path_buf();
        for (site, page) in pages.iter().chain(&pages[..3]) {
            whole.observe(site, page);
            tally.observe(site, &PagePrint::of(page)).expect("counted");
        }
        assert!(tally.runs.len() > 10, "{} runs", tally.runs.len());
        let bounded = tally.finish().expect("merged");
        assert!(!path.exists(), "the temporary file is gone");
        for (index, (site, page)) in pages.iter().enumerate() {
            let (mut a, mut b) = (page.clone(), page.clone());
            let n = whole.filter(site, &mut a);
            assert_eq!(bounded.filter(site, &mut b), n);
            assert_eq!(a.text(), b.text());
            assert_eq!(bounded.pages(site), whole.pages(site));
            assert!(n >= 1 && !b.text().contains("gazette"), "{}", b.text());
            assert!(b.text().contains(&format!("Report {index}:")));
        }
    }
}
