//! What a page is and says about itself: its declarations, kind, title and metadata, and the
//! per-page facts every stage from `select` on reads ([`Page`]).

pub(crate) mod language;
pub(crate) mod metadata;

use crate::dom::Dom;
use crate::dom::measure::Measures;
use crate::page::metadata::{Metas, PageKind};
use crate::rules::hints::Hint;

/// What every stage from `select` on knows of the page: its tree, what pruning left alive, the
/// measures of each subtree, the rule marks, the prose, the kind of page and its declarations.
/// Built once by the pipeline's `read` stage (`extract::read`); no stage changes it.
#[derive(Debug)]
pub(crate) struct Page<'a> {
    pub dom: Dom<'a>,
    /// Per node: pruned, with everything under it.
    pub dead: Vec<bool>,
    pub measures: Measures,
    /// Per node: what its class, id and role say.
    pub hints: Vec<Hint>,
    /// Per node: characters of prose units in its subtree.
    pub prose: Vec<u32>,
    pub kind: PageKind,
    /// The page's `<meta>`, `<link>` and JSON-LD declarations.
    pub metas: Metas<'a>,
}
