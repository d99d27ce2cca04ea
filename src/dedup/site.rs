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
use crate::dedup::fingerprint::Fingerprint;
use crate::removal::{Reason, Stage};

/// A block is template when most of its shingles recur on this many pages of its site or more...
const MIN_PAGES: u32 = 3;
/// ...and on at least this share of them (one page in five).
const PAGE_SHARE_DIVISOR: u32 = 5;
/// Share of a block's shingles that must recur for the block to be template.
const RECURRING_SHARE: f32 = 0.7;

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
    shingles: BTreeMap<u64, u32>,
}

impl SiteProfile {
    /// An empty profile.
    pub fn new() -> SiteProfile {
        SiteProfile::default()
    }

    /// Counts the blocks of one page of `site` (a host name, or any key grouping pages of one
    /// template). Observing the same page twice changes nothing.
    pub fn observe(&mut self, site: &str, page: &Extraction) {
        let prints = fingerprints(page);
        let page_key = prints.iter().fold(0u64, |h, p| h.rotate_left(5) ^ p.exact);
        let entry = self.sites.entry(site.to_owned()).or_default();
        if !entry.pages.insert(page_key) {
            return;
        }
        let distinct: BTreeSet<u64> = prints
            .iter()
            .flat_map(|p| p.shingles.iter().copied())
            .collect();
        for shingle in distinct {
            *entry.shingles.entry(shingle).or_default() += 1;
        }
    }

    /// Removes from `page` the blocks that recur on many observed pages of `site`, recording each
    /// removal. Returns how many blocks it removed.
    pub fn filter(&self, site: &str, page: &mut Extraction) -> usize {
        let Some(entry) = self.sites.get(site) else {
            return 0;
        };
        let pages = entry.pages.len() as u32;
        let threshold = MIN_PAGES.max(pages.div_ceil(PAGE_SHARE_DIVISOR));
        if pages < threshold {
            return 0;
        }
        page.remove_blocks(|block| {
            let template = block.kind != BlockKind::Title && {
                let print = Fingerprint::of(&block.text);
                let recurring = print
                    .shingles
                    .iter()
                    .filter(|s| entry.shingles.get(s).is_some_and(|&n| n >= threshold))
                    .count();
                !print.shingles.is_empty()
                    && print.words > 0
                    && recurring as f32 >= RECURRING_SHARE * print.shingles.len() as f32
            };
            let reason = Reason::Template {
                site: site.to_owned(),
                pages,
            };
            template.then_some((Stage::Dedup, reason))
        })
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

fn fingerprints(page: &Extraction) -> Vec<Fingerprint> {
    page.blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Title)
        .map(|b| Fingerprint::of(&b.text))
        .collect()
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
