//! The JSON object of a page, with the keys of the command line's `--format json` (less `path`,
//! which names an input file).

use crate::Extraction;

#[derive(serde::Serialize)]
pub(crate) struct Record<'a> {
    url: Option<&'a str>,
    canonical_url: Option<&'a str>,
    title: Option<&'a str>,
    #[serde(flatten)]
    metadata: &'a unchaff::Metadata,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    markdown: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    html: Option<String>,
    stats: unchaff::Stats,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<Vec<ExplainedBlock<'a>>>,
}

/// A block of the page's visible text, kept or removed, and why.
#[derive(serde::Serialize)]
struct ExplainedBlock<'a> {
    text: &'a str,
    kept: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    stage: Option<unchaff::Stage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a unchaff::Reason>,
}

/// What `Record` holds besides the text and the metadata.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Extras {
    pub markdown: bool,
    pub html: bool,
    pub explain: bool,
}

impl<'a> Record<'a> {
    /// The record of `page`, with its Markdown, HTML (a fragment) and blocks when asked for.
    pub(crate) fn new(page: &'a Extraction, extras: Extras) -> Record<'a> {
        let options = &page.options;
        let explain = extras.explain.then(|| {
            page.page
                .page
                .iter()
                .map(|b| ExplainedBlock {
                    text: &b.text,
                    kept: b.removed.is_none(),
                    stage: b.removed.as_ref().map(|(stage, _)| *stage),
                    reason: b.removed.as_ref().map(|(_, reason)| reason),
                })
                .collect()
        });
        Record {
            url: page.url.as_deref().or(page.page.url.as_deref()),
            canonical_url: page.page.url.as_deref(),
            title: page.page.title.as_deref(),
            metadata: &page.page.metadata,
            text: &page.text,
            markdown: extras.markdown.then(|| page.page.markdown(options)),
            html: extras
                .html
                .then(|| page.page.html(&options.clone().with_standalone(false))),
            stats: page.page.stats(),
            explain,
        }
    }
}
