//! Renderers: one function over the block IR per output format.

pub(crate) mod text;
