//! What a page says about itself: its declarations, title and metadata.

pub(crate) mod language;
pub(crate) mod metadata;
