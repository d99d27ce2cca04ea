//! Cross-page dedup: blocks that recur on many pages of one site are its template.
//!
//! A batch runs in two passes, so the result cannot depend on the order of its pages: every page
//! is first [observed](SiteProfile::observe), then every page is [filtered](SiteProfile::filter)
//! against what the whole batch showed. The profile is a value the caller owns, and it can be
//! saved and loaded so that an incremental crawl keeps what it learned.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::Extraction;
use crate::blocks::BlockKind;
use crate::dedup::fingerprint::{self, Fingerprint};
use crate::removal::{Reason, Stage};

/// A block is template when most of its shingles recur on this many pages of its site or more...
const MIN_PAGES: u32 = 3;
/// ...and on at least this share of them (one page in five).
const PAGE_SHARE_DIVISOR: u32 = 5;
/// Share of a block's shingles that must recur for the block to be template.
const RECURRING_SHARE: f32 = 0.7;
/// A page keeps its template when less than this share (one word in ten) of its words would
/// stay.
const MIN_OWN_SHARE_DIVISOR: usize = 10;

/// What a batch has learned about the template of each site: on how many pages each shingle of
/// text was seen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteProfile {
    sites: BTreeMap<String, Site>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Site {
    /// Fingerprints of the pages observed, so that a page seen again is not counted twice.
    pages: BTreeSet<u64>,
    /// Shingle hash -> number of observed pages showing it.
    shingles: Counts,
}

impl SiteProfile {
    /// An empty profile.
    pub fn new() -> SiteProfile {
        SiteProfile::default()
    }

    /// Counts the blocks of one page of `site` (a host name, or any key grouping pages of one
    /// template). Observing the same page twice changes nothing.
    pub fn observe(&mut self, site: &str, page: &Extraction) {
        self.observe_print(site, PagePrint::of(page));
    }

    /// [`SiteProfile::observe`] with the page's print computed apart (by another thread, say).
    pub fn observe_print(&mut self, site: &str, print: PagePrint) {
        let entry = match self.sites.get_mut(site) {
            Some(entry) => entry,
            None => self.sites.entry(site.to_owned()).or_default(),
        };
        if !entry.pages.insert(print.key) {
            return;
        }
        for shingle in print.shingles {
            entry.shingles.add(shingle);
        }
        entry.shingles.settle_if_due();
    }

    /// Removes from `page` the blocks that recur on many observed pages of `site`, recording each
    /// removal. Returns how many blocks it removed.
    pub fn filter(&self, site: &str, page: &mut Extraction) -> usize {
        let Some(entry) = self.sites.get(site) else {
            return 0;
        };
        let pages = entry.pages.len() as u32;
        let threshold = SiteProfile::threshold(entry.pages.len());
        // A block is template only when some of its shingles are counted; a profile of the
        // shingles that reach the threshold (`insert_counted`) may have none for a site.
        if pages < threshold || entry.shingles.is_empty() {
            return 0;
        }
        let template: Vec<(bool, usize)> = page
            .blocks
            .iter()
            .map(|block| {
                if block.kind == BlockKind::Title {
                    return (false, 0);
                }
                let print = Fingerprint::of(&block.text);
                if print.shingles.is_empty() {
                    return (false, print.words);
                }
                let recurring = print
                    .shingles
                    .iter()
                    .filter(|s| entry.shingles.get(**s).is_some_and(|n| n >= threshold))
                    .count();
                let recurs = recurring as f32 >= RECURRING_SHARE * print.shingles.len() as f32;
                (recurs && print.words > 0, print.words)
            })
            .collect();
        let words: usize = template.iter().map(|&(_, words)| words).sum();
        let kept: usize = template.iter().filter(|t| !t.0).map(|t| t.1).sum();
        // A page that would keep almost nothing of its own is a copy of others (the same article
        // under two addresses), not a page framed by the site's template: it is left whole.
        if kept * MIN_OWN_SHARE_DIVISOR < words {
            return 0;
        }
        let mut verdicts = template.into_iter().map(|(template, _)| template);
        page.remove_blocks(|_| {
            let reason = Reason::Template {
                site: site.to_owned(),
                pages,
            };
            verdicts
                .next()
                .unwrap_or(false)
                .then_some((Stage::Dedup, reason))
        })
    }

    /// On how many of a site's `pages` a shingle must recur to count as template there (more
    /// than `pages` when the site has too few pages for any template).
    pub fn threshold(pages: usize) -> u32 {
        let pages = u32::try_from(pages).unwrap_or(u32::MAX);
        MIN_PAGES.max(pages.div_ceil(PAGE_SHARE_DIVISOR))
    }

    /// Adds a site counted elsewhere (by an external sort, say): the keys of its pages and, in
    /// increasing order of shingle, on how many of them each shingle was seen. Only the shingles
    /// that reach the [threshold](SiteProfile::threshold) are kept, so the profile filters as
    /// the whole count would but is not for saving. Replaces what was known of `site`.
    pub fn insert_counted(
        &mut self,
        site: &str,
        pages: BTreeSet<u64>,
        counts: impl IntoIterator<Item = (u64, u32)>,
    ) {
        let threshold = SiteProfile::threshold(pages.len());
        let (mut keys, mut counts): (Vec<u64>, Vec<u32>) =
            counts.into_iter().filter(|&(_, n)| n >= threshold).unzip();
        // Held for the whole second pass of a batch: no room to spare from the growth.
        keys.shrink_to_fit();
        counts.shrink_to_fit();
        debug_assert!(keys.windows(2).all(|w| w[0] < w[1]), "in order");
        let shingles = Counts {
            keys,
            counts,
            waiting: BTreeMap::new(),
        };
        self.sites.insert(site.to_owned(), Site { pages, shingles });
    }

    /// Number of pages observed for `site`.
    pub fn pages(&self, site: &str) -> usize {
        self.sites.get(site).map_or(0, |s| s.pages.len())
    }

    /// Writes the profile as JSON.
    pub fn save(&self, writer: impl std::io::Write) -> Result<(), serde_json::Error> {
        serde_json::to_writer(writer, self)
    }

    /// Reads a profile written by [`SiteProfile::save`].
    pub fn load(reader: impl std::io::Read) -> Result<SiteProfile, serde_json::Error> {
        serde_json::from_reader(reader)
    }
}

/// New shingles wait in a small sorted map until, after a page, there are this many, or an eighth
/// of the settled ones, and are then merged in.
const MIN_WAITING: usize = 1 << 10;

/// How many pages show each shingle: a map of `u64` to `u32` in a sorted array of keys and one
/// of counts (12 bytes a shingle, where a `BTreeMap` takes about 20), with a small map of new
/// shingles in front, merged in place once it grows. A site's shingles are most of the memory a
/// batch's cross-page pass holds.
#[derive(Debug, Clone, Default)]
struct Counts {
    /// Sorted.
    keys: Vec<u64>,
    counts: Vec<u32>,
    /// Shingles not in `keys` yet.
    waiting: BTreeMap<u64, u32>,
}

impl Counts {
    fn add(&mut self, shingle: u64) {
        match self.keys.binary_search(&shingle) {
            Ok(i) => self.counts[i] += 1,
            Err(_) => *self.waiting.entry(shingle).or_default() += 1,
        }
    }

    fn is_empty(&self) -> bool {
        self.keys.is_empty() && self.waiting.is_empty()
    }

    /// Merges the waiting shingles in when there are enough of them.
    fn settle_if_due(&mut self) {
        if self.waiting.len() >= MIN_WAITING.max(self.keys.len() / 8) {
            self.settle();
        }
    }

    fn get(&self, shingle: u64) -> Option<u32> {
        match self.keys.binary_search(&shingle) {
            Ok(i) => Some(self.counts[i]),
            Err(_) => self.waiting.get(&shingle).copied(),
        }
    }

    /// Merges the waiting shingles in, from the back, so the arrays only grow by their number.
    fn settle(&mut self) {
        let waiting = std::mem::take(&mut self.waiting);
        let old = self.keys.len();
        self.keys.reserve_exact(waiting.len());
        self.counts.reserve_exact(waiting.len());
        self.keys.resize(old + waiting.len(), 0);
        self.counts.resize(old + waiting.len(), 0);
        let (mut read, mut write) = (old, old + waiting.len());
        for (key, count) in waiting.into_iter().rev() {
            while read > 0 && self.keys[read - 1] > key {
                read -= 1;
                write -= 1;
                self.keys[write] = self.keys[read];
                self.counts[write] = self.counts[read];
            }
            write -= 1;
            self.keys[write] = key;
            self.counts[write] = count;
        }
    }

    /// Every shingle and its count, in order.
    fn iter(&self) -> impl Iterator<Item = (u64, u32)> + '_ {
        let mut settled = self
            .keys
            .iter()
            .copied()
            .zip(self.counts.iter().copied())
            .peekable();
        let mut waiting = self.waiting.iter().map(|(&k, &n)| (k, n)).peekable();
        std::iter::from_fn(move || match (settled.peek(), waiting.peek()) {
            (Some(a), Some(b)) if b.0 < a.0 => waiting.next(),
            (Some(_), _) => settled.next(),
            (None, _) => waiting.next(),
        })
    }
}

impl PartialEq for Counts {
    fn eq(&self, other: &Counts) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Counts {}

/// Saved as the map of shingles to counts it stands for.
impl Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Counts {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Counts, D::Error> {
        let map = BTreeMap::<u64, u32>::deserialize(deserializer)?;
        let (keys, counts) = map.into_iter().unzip();
        Ok(Counts {
            keys,
            counts,
            waiting: BTreeMap::new(),
        })
    }
}

/// What one page adds to its site's profile: a key that tells the page from others, and the
/// distinct shingles of its blocks (the title's aside). A few bytes a word of the page, where the
/// page itself is much more: a batch can keep its pages' prints and let the pages go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagePrint {
    key: u64,
    /// Sorted and distinct.
    shingles: Vec<u64>,
}

impl PagePrint {
    /// The key that tells the page from others.
    pub fn key(&self) -> u64 {
        self.key
    }

    /// The distinct shingles of the page's blocks, in increasing order.
    pub fn shingles(&self) -> &[u64] {
        &self.shingles
    }

    /// The print of a page.
    pub fn of(page: &Extraction) -> PagePrint {
        // The blocks' shingles are sorted once for the page, not block by block.
        let (mut words, mut shingles) = (Vec::new(), Vec::new());
        let key = page
            .blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Title)
            .fold(0u64, |h, b| {
                let (exact, _) = fingerprint::shingles_into(&b.text, &mut words, &mut shingles);
                h.rotate_left(5) ^ exact
            });
        shingles.sort_unstable();
        shingles.dedup();
        PagePrint { key, shingles }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(article: &str) -> Extraction {
        let html = format!(
            "<html><body><article><h1>Headline</h1><p>{article}</p>
             <p>Sign up to the Harbour Gazette newsletter for the week's news from the quays, \
             delivered every Saturday morning with the tide tables and the ferry timetable.</p>
             </article></body></html>"
        );
        crate::extract(&html, &crate::Config::default()).expect("extracts")
    }

    const ARTICLES: [&str; 4] = [
        "BODY_ONE: the lifeboat crew will move into a new station on the old coal quay next spring.",
        "BODY_TWO: the ferry to the island will keep running at night through the whole winter.",
        "BODY_THREE: the fish market reopens on Monday after the repairs to its leaking roof.",
        "BODY_FOUR: a storm flooded the lower town for the second time this month on Friday.",
    ];

    #[test]
    fn template_goes_once_enough_pages_show_it() {
        let mut profile = SiteProfile::new();
        let mut pages: Vec<Extraction> = ARTICLES.iter().map(|a| page(a)).collect();
        for p in &pages[..2] {
            profile.observe("harbour.example", p);
        }
        assert_eq!(
            profile.filter("harbour.example", &mut pages[0]),
            0,
            "two pages are too few"
        );
        profile.observe("harbour.example", &pages[2]);
        let removed = profile.filter("harbour.example", &mut pages[0]);
        assert_eq!(removed, 1);
        let text = pages[0].text();
        assert!(
            text.contains("BODY_ONE") && !text.contains("newsletter"),
            "{text}"
        );
        assert!(pages[0].removals.iter().any(|r| matches!(
            &r.reason,
            Reason::Template { site, pages: 3 } if site == "harbour.example"
        )));
        assert_eq!(
            profile.filter("other.example", &mut pages[3]),
            0,
            "sites are apart"
        );
    }

    #[test]
    fn copies_of_one_article_are_not_template() {
        // The same story under several addresses, each copy with a word of its own.
        let story = |n: usize| {
            page(&format!(
                "Copy {n}: the harbour board voted on Tuesday to rebuild the north pier, which \
                 the winter storms broke in two places, and the works begin in the spring."
            ))
        };
        let mut profile = SiteProfile::new();
        for n in 0..5 {
            profile.observe("harbour.example", &story(n));
        }
        let mut copy = story(0);
        assert_eq!(profile.filter("harbour.example", &mut copy), 0);
        assert!(copy.text().contains("north pier"), "{}", copy.text());
        // Beside other stories, the appeal they share is still template.
        for a in &ARTICLES[..3] {
            profile.observe("harbour.example", &page(a));
        }
        let mut other = page(ARTICLES[3]);
        assert_eq!(profile.filter("harbour.example", &mut other), 1);
        assert!(!other.text().contains("newsletter"), "{}", other.text());
    }

    #[test]
    fn observing_a_page_twice_counts_it_once() {
        let mut once = SiteProfile::new();
        let mut twice = SiteProfile::new();
        for a in &ARTICLES[..2] {
            once.observe("s", &page(a));
            twice.observe("s", &page(a));
            twice.observe("s", &page(a));
        }
        assert_eq!(once, twice);
        assert_eq!(twice.pages("s"), 2);
    }

    #[test]
    fn counts_agree_with_a_map_across_merges() {
        let mut counts = Counts::default();
        let mut map = BTreeMap::new();
        // A simple generator: shingles recur across "pages", new ones keep arriving.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..(5 * MIN_WAITING) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let shingle = x % (3 * MIN_WAITING as u64);
            counts.add(shingle);
            counts.settle_if_due();
            *map.entry(shingle).or_insert(0u32) += 1;
        }
        assert!(!counts.keys.is_empty(), "some merges happened");
        assert!(counts.keys.windows(2).all(|w| w[0] < w[1]));
        assert!(counts.iter().eq(map.iter().map(|(&k, &n)| (k, n))));
        for (&k, &n) in map.iter().take(1000) {
            assert_eq!(counts.get(k), Some(n));
        }
        assert_eq!(counts.get(u64::MAX), None);
        let json = serde_json::to_string(&counts).expect("saved");
        assert_eq!(json, serde_json::to_string(&map).expect("saved"));
        let back: Counts = serde_json::from_str(&json).expect("loaded");
        assert_eq!(back, counts);
    }

    #[test]
    fn profiles_survive_a_save_and_load() {
        let mut profile = SiteProfile::new();
        for a in ARTICLES {
            profile.observe("s", &page(a));
        }
        let mut bytes = Vec::new();
        profile.save(&mut bytes).expect("saved");
        assert_eq!(SiteProfile::load(&bytes[..]).expect("loaded"), profile);
        assert!(SiteProfile::load(&b"{"[..]).is_err());
    }
}
