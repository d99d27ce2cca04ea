//! Repeated blocks: fingerprints, and the template a site repeats across its pages.

pub(crate) mod fingerprint;
pub(crate) mod site;
