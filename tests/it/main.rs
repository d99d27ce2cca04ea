//! Integration tests, all in one binary: a trial per sample page, and the CLI contract.

// A test should stop at the first surprise, so `expect` and `unwrap` are the right tools here.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod architecture;
mod batch;
pub(crate) mod batch_io;
mod cli;
mod explain;
mod hostile;
mod hostile_io;
mod properties;
mod report;
mod robustness;
mod samples;
mod tables;
mod util;
