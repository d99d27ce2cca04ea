//! unchaff strips boilerplate from web pages: a saved HTML page goes in, the main article comes
//! out as clean text, without menus, share bars, related links, cookie banners or comments.
//!
//! ```
//! let html = r#"<html><head><title>Rain in Spain | Weather Daily</title></head><body>
//!   <nav><a href="/">Home</a> <a href="/news">News</a></nav>
//!   <article>
//!     <h1>Rain in Spain</h1>
//!     <p>The rain in Spain stays mainly in the plain, forecasters said on Monday, and the
//!        farmers of the region were glad of it after a long and dry summer.</p>
//!     <p>More showers are expected later this week, with the heaviest falls in the south.</p>
//!   </article>
//!   <footer>© Weather Daily</footer>
//! </body></html>"#;
//! let page = unchaff::extract(html, &unchaff::Config::default())?;
//! assert_eq!(page.title.as_deref(), Some("Rain in Spain"));
//! assert!(page.text().starts_with("Rain in Spain\n\nThe rain in Spain stays mainly"));
//! assert!(!page.text().contains("Home"));
//! # Ok::<(), unchaff::Error>(())
//! ```
//!
//! The pipeline, one module per stage: `decode` bytes, parse them into a DOM (`dom`), `prune`
//! what is never content, `score` containers, `select` the body, build the `blocks`, `filter`
//! them (edges, cues, repeats) and `render` them; `site` removes a site's template across pages.
//! Every node left out is recorded as a [`Removal`] with its [`Stage`] and [`Reason`].

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod blocks;
mod budget;
mod config;
mod dedup;
mod dom;
mod error;
mod extract;
mod input;
mod page;
mod record;
use budget::check_size;
mod removal;
mod render;
mod rules;

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;

pub use blocks::{Block, BlockKind};
pub use blocks::{Span, Style};
pub use budget::Limit;
pub use config::Config;
pub use dedup::fingerprint::{Fingerprint, Overlap};
pub use dedup::site::{SiteProfile, host_of};
pub use error::{Error, ErrorKind};
pub use extract::explain::PageBlock;
pub use page::metadata::Metadata;
pub use record::{Record, RecordExtras};
pub use removal::{Reason, Removal, Stage};
pub use render::RenderOptions;

/// The result of extracting one page.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Extraction {
    /// The page's title: its headline, or `<title>` without the site name.
    pub title: Option<String>,
    /// The article as blocks, in document order.
    pub blocks: Vec<Block>,
    /// Every node left out, once, with the stage and the reason.
    pub removals: Vec<Removal>,
    /// The page's own address, from `<link rel=canonical>` or `og:url`.
    pub url: Option<String>,
    /// The name of the encoding the page was read in (`"UTF-8"` for [`extract`]).
    pub encoding: &'static str,
    /// With [`Config::explain`]: every block of the page's visible text, kept or removed.
    pub page: Vec<PageBlock>,
    /// Authors, date, site name, language, description, image and tags the page declares; the
    /// language and description found in the article when it declares none.
    pub metadata: Metadata,
    /// The page's `<base href>`, which relative links resolve against.
    pub base_href: Option<String>,
}

impl Extraction {
    /// The article as plain text: blocks separated by a blank line, list items and table rows one
    /// per line; empty when nothing was found.
    pub fn text(&self) -> String {
        render::text::render(&self.blocks)
    }

    /// The article as Markdown (CommonMark, with GFM tables): headings, lists, quotations, code
    /// blocks, tables, emphasis, inline code and links made absolute; images with
    /// [`RenderOptions::images`]. A CommonMark parser reads back the words of [`Self::text`].
    pub fn markdown(&self, options: &RenderOptions) -> String {
        render::markdown::render(&self.blocks, options, &self.links(options))
    }

    /// The article as clean HTML, a fragment or, with [`RenderOptions::standalone`], a document.
    pub fn html(&self, options: &RenderOptions) -> String {
        render::html::render(
            &self.blocks,
            self.title.as_deref(),
            self.metadata.language.as_deref(),
            options,
            &self.links(options),
        )
    }

    /// How much of the page was kept and removed.
    pub fn stats(&self) -> Stats {
        let kept = self
            .blocks
            .iter()
            .filter(|b| !matches!(b.kind, BlockKind::Title | BlockKind::Rule));
        let (blocks, chars) = kept.fold((0, 0), |(n, c), b| (n + 1, c + b.text.chars().count()));
        let removed = self.page.iter().filter(|b| b.removed.is_some());
        let (removed_blocks, removed_chars) =
            removed.fold((0, 0), |(n, c), b| (n + 1, c + b.text.chars().count()));
        Stats {
            blocks,
            chars,
            removed_blocks,
            removed_chars,
        }
    }

    fn links(&self, options: &RenderOptions) -> render::Links {
        let page_url = options.base_url.as_deref().or(self.url.as_deref());
        render::Links::new(page_url, self.base_href.as_deref())
    }

    /// Whether no article text was found.
    pub fn is_empty(&self) -> bool {
        self.blocks
            .iter()
            .all(|b| matches!(b.kind, BlockKind::Title | BlockKind::Rule))
    }
}

/// How much of a page was kept and removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Stats {
    /// Blocks of the article (the title and rules not counted).
    pub blocks: usize,
    /// Characters of the article's text.
    pub chars: usize,
    /// Blocks of the page's visible text that were removed (counted with [`Config::explain`],
    /// else 0).
    pub removed_blocks: usize,
    /// Their characters (with [`Config::explain`], else 0).
    pub removed_chars: usize,
}

/// Extracts the article from the raw bytes of a page, finding its encoding first.
pub fn extract_bytes(bytes: &[u8], config: &Config) -> Result<Extraction, Error> {
    extract_response(bytes, None, config)
}

/// Extracts the article from the body of an HTTP response (from a crawler or a WARC archive):
/// the charset of its `Content-Type` header, when given, outranks the page's `<meta>`.
pub fn extract_response(
    body: &[u8],
    content_type: Option<&str>,
    config: &Config,
) -> Result<Extraction, Error> {
    check_size(body.len(), config)?;
    if let Some(per_mille) = input::decode::binary(body) {
        return Err(Error::new(ErrorKind::Binary { per_mille }));
    }
    let transport = content_type.and_then(input::decode::content_type_charset);
    let decoded = input::decode::decode(body, transport);
    let mut page = extract(&decoded.text, config)?;
    page.encoding = decoded.name;
    Ok(page)
}

/// Extracts the article from a page's HTML.
pub fn extract(html: &str, config: &Config) -> Result<Extraction, Error> {
    extract_timed(html, config, &mut timing::Laps::off())
}

/// [`extract`], timing each stage into `laps`.
fn extract_timed(
    html: &str,
    config: &Config,
    laps: &mut timing::Laps,
) -> Result<Extraction, Error> {
    check_size(html.len(), config)?;
    let budget = budget::Budget::start(config);
    let document = dom::parse_page_timed(html, laps);
    let dom = dom::Dom::new(&document);
    laps.lap("dom view");
    budget.nodes(dom.nodes.len())?;
    budget.time("parse")?;
    let mut removals = Vec::new();
    let analysis = extract::select::Analysis::new(dom, &mut removals, laps);
    let title = page::metadata::title(&analysis.dom, &analysis.dead, &analysis.metas);
    let url = page::metadata::url(&analysis.metas);
    let info = page::metadata::metadata(&analysis.dom, &analysis.metas);
    let base_href = analysis.metas.base.map(str::to_owned);
    laps.lap("metadata");
    budget.time("metadata")?;
    let body = extract::select::select(&analysis, config);
    laps.lap("select");
    budget.time("select")?;
    let mut blocks = match body {
        Some(body) => extract::build::build(&analysis, &body, title.as_deref(), &mut removals),
        None => Vec::new(),
    };
    if analysis.kind.product {
        let root = document.tree.root().id();
        let declared = extract::product::missing_description(&analysis.metas, &blocks, root);
        blocks.splice(0..0, declared);
    }
    laps.lap("blocks and filters");
    budget.time("blocks")?;
    // A page that declares no summary gets its first paragraph, as readers show it; one that
    // declares no language, the language its article is written in.
    let info = Metadata {
        description: info
            .description
            .or_else(|| page::metadata::first_paragraph(&blocks)),
        language: info.language.or_else(|| page::language::detect(&blocks)),
        ..info
    };
    if config.include_title
        && !blocks.is_empty()
        && let Some(title) = &title
    {
        let block = Block::new(BlockKind::Title, title.clone(), document.tree.root().id());
        blocks.insert(0, block);
    }
    let page = if config.explain {
        extract::explain::page_blocks(&analysis.dom, &analysis.measures, &removals)
    } else {
        Vec::new()
    };
    laps.lap("finish");
    Ok(Extraction {
        title,
        blocks,
        removals,
        url,
        encoding: encoding_rs::UTF_8.name(),
        page,
        metadata: info,
        base_href,
    })
}

/// Stage timing for the benchmark (`benches/throughput.rs`); not part of the stable API.
#[doc(hidden)]
pub mod timing {
    use std::time::{Duration, Instant};

    use crate::{Config, Error, Extraction};

    /// Time spent in each stage, in pipeline order.
    #[derive(Debug)]
    pub struct Laps {
        on: bool,
        last: Instant,
        /// (stage, time) in the order the stages ran.
        pub stages: Vec<(&'static str, Duration)>,
    }

    impl Laps {
        /// Laps that record nothing.
        pub(crate) fn off() -> Laps {
            Laps {
                on: false,
                last: Instant::now(),
                stages: Vec::new(),
            }
        }

        /// Ends the stage `name`.
        pub(crate) fn lap(&mut self, name: &'static str) {
            if !self.on {
                return;
            }
            let now = Instant::now();
            self.stages.push((name, now - self.last));
            self.last = now;
        }
    }

    /// [`crate::extract`], then the text, with the time of each stage.
    pub fn extract(html: &str, config: &Config) -> (Result<Extraction, Error>, Laps) {
        let mut laps = Laps {
            on: true,
            last: Instant::now(),
            stages: Vec::new(),
        };
        let result = super::extract_timed(html, config, &mut laps);
        if let Ok(page) = &result {
            std::hint::black_box(page.text());
            laps.lap("text");
        }
        (result, laps)
    }
}
