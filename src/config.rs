//! The one place where extraction settings and their defaults live.

/// Settings of an extraction. `Config::default()` is what the CLI uses unless a flag says otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Config {
    /// Start the text with the page title as a headline block. Default: `true`.
    ///
    /// Benchmarks whose reference text holds the body only are scored with `false`.
    pub include_title: bool,
    /// Inputs larger than this many bytes are refused with [`crate::ErrorKind::TooLarge`].
    /// Default: 64 MiB.
    pub max_input_bytes: usize,
    /// Also list every block of the page's visible text, kept or removed, with the reason
    /// ([`crate::Extraction::page`]). Default: `false` (it costs a walk and a copy of the text).
    pub explain: bool,
    /// When the selected body holds fewer characters than this, the extractor relaxes its rules,
    /// and if that is still too little, falls back to the text of the whole page. Default: 250.
    pub min_body_chars: usize,
    /// Whether to lean towards less noise or towards less missing text. Default:
    /// [`Focus::Balanced`].
    pub focus: Focus,
    /// Keep the article's tables (their rows, one block each). Default: `true`.
    pub tables: bool,
    /// Return no article unless the page is in this language (an ISO 639-1 code such as `"de"`;
    /// a region, as in `"en-GB"`, is ignored), declared or detected. A page whose language is
    /// unknown is kept. Default: `None` (every language).
    pub target_language: Option<String>,
    /// Documents with more nodes (elements, texts, comments) than this are refused with
    /// [`crate::ErrorKind::OverBudget`] once parsed. Default: `None`, no limit.
    pub max_nodes: Option<usize>,
    /// An extraction still running after this long ends with [`crate::ErrorKind::OverBudget`]
    /// at the end of the stage it is in (parse, metadata, select, blocks). Default: `None`.
    pub time_limit: Option<std::time::Duration>,
    /// Also return the page's comment thread, apart from the article
    /// ([`crate::Extraction::comments`]); a forum thread's or a Q&A page's replies are its
    /// article, with or without this. Default: `false`.
    pub comments: bool,
}

/// The balance between precision (no boilerplate) and recall (no article text missing).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Focus {
    /// The extractor's own balance.
    #[default]
    Balanced,
    /// Less noise: short blocks made mostly of links are dropped wherever they stand in the
    /// body, and short blocks without a sentence are trimmed from its edges.
    Precision,
    /// Less missing text: the relaxed rules and the whole-page fallback take over from a body
    /// shorter than four times [`Config::min_body_chars`].
    Recall,
}

impl Config {
    /// The body length under which the extractor relaxes its rules: [`Config::min_body_chars`],
    /// four times it with [`Focus::Recall`].
    pub(crate) fn body_floor(&self) -> usize {
        match self.focus {
            Focus::Recall => self.min_body_chars.saturating_mul(4),
            _ => self.min_body_chars,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            include_title: true,
            explain: false,
            max_input_bytes: 64 << 20,
            min_body_chars: 250,
            focus: Focus::Balanced,
            tables: true,
            target_language: None,
            max_nodes: None,
            time_limit: None,
            comments: false,
        }
    }
}
