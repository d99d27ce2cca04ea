//! Typed errors of the library.

use std::fmt;

/// What went wrong, without the context of which input it was.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is larger than [`crate::Config::max_input_bytes`].
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// The bytes are not text: an image, an archive, random data.
    Binary {
        /// Control bytes per thousand in the input's first bytes.
        per_mille: u32,
    },
    /// The extraction ran over a limit of its [`crate::Config`]: too many nodes, too long.
    OverBudget(crate::Limit),
}

/// An error of the extraction library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        Error { kind }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::TooLarge { size, limit } => {
                write!(
                    f,
                    "input of {size} bytes exceeds the limit of {limit} bytes"
                )
            }
            ErrorKind::Binary { per_mille } => write!(
                f,
                "binary data, not an HTML page ({:.1}% control bytes)",
                f64::from(*per_mille) / 10.0
            ),
            ErrorKind::OverBudget(crate::Limit::Nodes { nodes, limit }) => write!(
                f,
                "a document of {nodes} nodes exceeds the limit of {limit} nodes"
            ),
            ErrorKind::OverBudget(crate::Limit::Time { limit, stage }) => write!(
                f,
                "over the time limit of {:.3} s after the {stage} stage",
                limit.as_secs_f64()
            ),
        }
    }
}

impl std::error::Error for Error {}
