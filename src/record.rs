//! The page as one JSON object, with stable keys: what the command line prints with
//! `--format json` and the Python module's `to_dict` gives. One definition serves both, so that
//! their keys cannot drift apart.

use crate::{Extraction, Metadata, Reason, RenderOptions, Stage, Stats};

/// What a [`Record`] holds besides the address, the title, the metadata, the text and the stats.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecordExtras {
    /// The article as Markdown, under `markdown`.
    pub markdown: bool,
    /// The article as an HTML fragment, under `html`.
    pub html: bool,
    /// Every block of the page's visible text, kept or removed and why, under `explain` (needs
    /// [`crate::Config::explain`]).
    pub explain: bool,
    /// The page's comment thread as plain text, under `comments` (needs
    /// [`crate::Config::comments`]; an empty string when the page has none).
    pub comments: bool,
}

/// One page as a JSON object (`serde::Serialize`). The keys, in order: `path` (when given), `url`,
/// `canonical_url`, `title`, the [`Metadata`] keys, `text`, `comments`, `markdown` and `html`
/// (when asked for), `stats` and `explain` (when asked for).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Record<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    url: Option<&'a str>,
    canonical_url: Option<&'a str>,
    title: Option<&'a str>,
    #[serde(flatten)]
    metadata: &'a Metadata,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    comments: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    markdown: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    html: Option<String>,
    stats: Stats,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<Vec<ExplainedBlock<'a>>>,
}

/// A block of the page's visible text, kept or removed, and why.
#[derive(Debug, Clone, serde::Serialize)]
struct ExplainedBlock<'a> {
    text: &'a str,
    kept: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    stage: Option<Stage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a Reason>,
}

impl Extraction {
    /// The page as a [`Record`]. `url` is the caller's address of the page, which outranks the
    /// page's own; `options` renders the Markdown and HTML (the HTML always as a fragment).
    pub fn record<'a>(
        &'a self,
        url: Option<&'a str>,
        extras: RecordExtras,
        options: &RenderOptions,
    ) -> Record<'a> {
        let explain = extras.explain.then(|| {
            self.page
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
            path: None,
            url: url.or(self.url.as_deref()),
            canonical_url: self.url.as_deref(),
            title: self.title.as_deref(),
            metadata: &self.metadata,
            text: self.text(),
            comments: extras.comments.then(|| self.comments_text()),
            markdown: extras.markdown.then(|| self.markdown(options)),
            html: extras
                .html
                .then(|| self.html(&options.clone().with_standalone(false))),
            stats: self.stats(),
            explain,
        }
    }
}

impl<'a> Record<'a> {
    /// The same record, opening with the `path` of the file the page was read from.
    #[must_use]
    pub fn with_path(mut self, path: &'a str) -> Record<'a> {
        self.path = Some(path);
        self
    }
}

#[cfg(test)]
mod tests {
    use crate::{Config, RecordExtras, RenderOptions, extract};

    #[test]
    fn keys_keep_their_order_and_extras_appear_only_when_asked() {
        let html = r#"<html lang="en"><head><title>Ferry | Island News</title>
            <link rel="canonical" href="https://news.example/ferry"></head><body><article>
            <h1>Ferry</h1><p>The council met on Monday evening, and after a long debate it voted
            to keep the ferry running through the winter months, to the relief of everyone.</p>
            <p>Residents of the island had campaigned for weeks, writing letters and attending
            every meeting, and they were glad of the result when it finally came.</p>
            </article></body></html>"#;
        let page = extract(html, &Config::default()).expect("a page");
        let options = RenderOptions::default();
        // The keys in the order they are written.
        let keys = |json: &str| -> Vec<String> {
            let value: serde_json::Value = serde_json::from_str(json).expect("JSON");
            let mut keys: Vec<String> = value
                .as_object()
                .expect("an object")
                .keys()
                .cloned()
                .collect();
            keys.sort_by_key(|k| json.find(&format!("\"{k}\":")));
            keys
        };
        let plain = serde_json::to_string(&page.record(None, RecordExtras::default(), &options))
            .expect("serialises");
        let plain_keys = keys(&plain);
        assert_eq!(&plain_keys[..3], &["url", "canonical_url", "title"]);
        assert_eq!(plain_keys.last().map(String::as_str), Some("stats"));
        assert!(!plain_keys.iter().any(|k| k == "markdown" || k == "explain"));
        let plain: serde_json::Value = serde_json::from_str(&plain).expect("JSON");
        assert_eq!(plain["url"], "https://news.example/ferry");
        assert_eq!(plain["language"], "en");
        assert_eq!(plain["text"], page.text());

        let extras = RecordExtras {
            markdown: true,
            html: true,
            explain: true,
            comments: false,
        };
        let full = page
            .record(Some("https://mirror.example/ferry"), extras, &options)
            .with_path("ferry.html");
        let full = serde_json::to_string(&full).expect("serialises");
        let full_keys = keys(&full);
        assert_eq!(&full_keys[..3], &["path", "url", "canonical_url"]);
        assert_eq!(full_keys.last().map(String::as_str), Some("explain"));
        let full: serde_json::Value = serde_json::from_str(&full).expect("JSON");
        assert_eq!(full["url"], "https://mirror.example/ferry");
        assert_eq!(full["canonical_url"], "https://news.example/ferry");
        assert!(
            full["markdown"]
                .as_str()
                .is_some_and(|m| m.contains("voted"))
        );
        assert!(full["html"].as_str().is_some_and(|h| h.starts_with('<')));
    }
}
