//! Before parsing: bytes to text, and the cuts that spare the parser what is never content.

pub(crate) mod cut;
pub(crate) mod decode;
pub(crate) mod nesting;
