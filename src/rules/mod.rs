//! The vocabularies of the rules: what class, id and role names say, and the phrases that mark
//! boilerplate.

pub(crate) mod cues;
pub(crate) mod hints;
pub(crate) mod marks;
