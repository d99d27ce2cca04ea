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
    /// Documents with more nodes (elements, texts, comments) than this are refused with
    /// [`crate::ErrorKind::OverBudget`] once parsed. Default: `None`, no limit.
    pub max_nodes: Option<usize>,
    /// An extraction still running after this long ends with [`crate::ErrorKind::OverBudget`]
    /// at the end of the stage it is in (parse, metadata, select, blocks). Default: `None`.
    pub time_limit: Option<std::time::Duration>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            include_title: true,
            explain: false,
            max_input_bytes: 64 << 20,
            min_body_chars: 250,
            max_nodes: None,
            time_limit: None,
        }
    }
}
