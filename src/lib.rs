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
//! The pipeline is `extract::run`: decode the bytes (`input::decode`), cut what the parser need
//! not see (`input`), parse (`dom`), read the page (prune, measure, its kind and declarations,
//! the rule marks), select the body, build its blocks, filter and dedup them, and finish the
//! [`Extraction`], which the renderers turn into text, Markdown, HTML or a JSON [`Record`];
//! [`SiteProfile`] removes a site's template across pages. Every node left out is recorded as a
//! [`Removal`] with its [`Stage`] and [`Reason`]. ARCHITECTURE.md maps the folders.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod blocks;
mod budget;
mod config;
mod dedup;
mod dom;
mod error;
mod extract;
mod extraction;
mod input;
mod page;
mod record;
mod spool;
use budget::check_size;
mod removal;
mod render;
mod rules;
mod text;

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;

pub use blocks::{Block, BlockKind, NodeId};
pub use blocks::{Span, Style};
pub use budget::Limit;
pub use config::{Config, Focus};
pub use dedup::fingerprint::{Fingerprint, Overlap};
pub use dedup::site::{PagePrint, SiteProfile};
pub use error::{Error, ErrorKind};
pub use extraction::{Extraction, PageBlock, Stats};
pub use page::address::host_of;
pub use page::metadata::Metadata;
pub use record::{Record, RecordExtras};
pub use removal::{Reason, Removal, Stage};
pub use render::RenderOptions;

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
    extract::run(html, config, &mut extract::Unobserved)
}

/// Stage timing for the benchmark (`benches/throughput.rs`); not part of the stable API.
#[doc(hidden)]
pub mod timing {
    use std::time::{Duration, Instant};

    use crate::extract::Observer;
    use crate::{Config, Error, Extraction};

    /// Time spent in each stage, in pipeline order.
    #[derive(Debug)]
    pub struct Laps {
        last: Instant,
        /// (stage, time) in the order the stages ran.
        pub stages: Vec<(&'static str, Duration)>,
    }

    impl Observer for Laps {
        fn stage_done(&mut self, stage: &'static str) {
            let now = Instant::now();
            self.stages.push((stage, now - self.last));
            self.last = now;
        }
    }

    /// [`crate::extract`], then the text, with the time of each stage.
    pub fn extract(html: &str, config: &Config) -> (Result<Extraction, Error>, Laps) {
        let mut laps = Laps {
            last: Instant::now(),
            stages: Vec::new(),
        };
        let result = crate::extract::run(html, config, &mut laps);
        if let Ok(page) = &result {
            std::hint::black_box(page.text());
            laps.stage_done("text");
        }
        (result, laps)
    }
}
