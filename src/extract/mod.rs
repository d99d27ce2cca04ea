//! The extraction stages, from pruning to the filtered blocks.

pub(crate) mod build;
pub(crate) mod explain;
pub(crate) mod filter;
pub(crate) mod inline;
pub(crate) mod listing;
pub(crate) mod product;
pub(crate) mod prune;
pub(crate) mod score;
pub(crate) mod select;
