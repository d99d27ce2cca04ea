//! What one extraction may spend: the bytes it reads ([`Config::max_input_bytes`], checked before
//! anything else and, by the readers of the CLI and the Python module, while inflating), the
//! nodes of its document ([`Config::max_nodes`]) and its time ([`Config::time_limit`], checked
//! between stages). Running over ends the extraction with [`ErrorKind::OverBudget`].

use std::time::{Duration, Instant};

use crate::{Config, Error, ErrorKind};

/// What ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Limit {
    /// The document has more nodes than [`Config::max_nodes`].
    Nodes {
        /// The nodes of the parsed document.
        nodes: usize,
        /// The limit.
        limit: usize,
    },
    /// The extraction took longer than [`Config::time_limit`] (checked between stages).
    Time {
        /// The limit.
        limit: Duration,
        /// The stage that ended past it.
        stage: &'static str,
    },
}

/// The clock and the limits of one extraction.
pub(crate) struct Budget {
    start: Instant,
    max_nodes: Option<usize>,
    time_limit: Option<Duration>,
}

impl Budget {
    /// Starts the clock.
    pub(crate) fn start(config: &Config) -> Budget {
        Budget {
            start: Instant::now(),
            max_nodes: config.max_nodes,
            time_limit: config.time_limit,
        }
    }

    /// An error when the document has more than the allowed nodes.
    pub(crate) fn nodes(&self, nodes: usize) -> Result<(), Error> {
        match self.max_nodes {
            Some(limit) if nodes > limit => Err(over(Limit::Nodes { nodes, limit })),
            _ => Ok(()),
        }
    }

    /// An error when the time is up, once `stage` is done.
    pub(crate) fn time(&self, stage: &'static str) -> Result<(), Error> {
        match self.time_limit {
            Some(limit) if self.start.elapsed() > limit => Err(over(Limit::Time { limit, stage })),
            _ => Ok(()),
        }
    }
}

fn over(limit: Limit) -> Error {
    Error::new(ErrorKind::OverBudget(limit))
}

/// An error when `size` bytes are more than the input limit.
pub(crate) fn check_size(size: usize, config: &Config) -> Result<(), Error> {
    if size > config.max_input_bytes {
        return Err(Error::new(ErrorKind::TooLarge {
            size,
            limit: config.max_input_bytes,
        }));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_end_an_extraction_with_a_typed_error() {
        let config = Config {
            max_nodes: Some(10),
            time_limit: Some(Duration::ZERO),
            ..Config::default()
        };
        let budget = Budget::start(&config);
        assert!(budget.nodes(10).is_ok());
        let error = budget.nodes(11).expect_err("over");
        assert_eq!(
            error.kind(),
            &ErrorKind::OverBudget(Limit::Nodes {
                nodes: 11,
                limit: 10
            })
        );
        std::thread::sleep(Duration::from_millis(1));
        assert!(matches!(
            budget.time("parse").map_err(|e| e.kind().clone()),
            Err(ErrorKind::OverBudget(Limit::Time { stage: "parse", .. }))
        ));
        let unlimited = Budget::start(&Config::default());
        assert!(unlimited.nodes(usize::MAX).is_ok() && unlimited.time("finish").is_ok());
    }
}
