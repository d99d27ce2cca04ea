//! What a page is and says about itself, and the per-page facts every stage from `select` on
//! reads ([`Page`]):
//! - `metas`: its `<meta>`, `<link>` and JSON-LD declarations, read once;
//! - `schema`: the schema.org types it may declare, with their roles, and the JSON-LD look-ups;
//! - `kind`: the kind of page it declares (product, forum thread, questions);
//! - `address`: its own address and host;
//! - `title`, `authors`, `dates`, `language`: what `metadata` assembles into [`Metadata`].
//!
//! [`Metadata`]: crate::Metadata

pub(crate) mod address;
pub(crate) mod authors;
pub(crate) mod dates;
pub(crate) mod kind;
pub(crate) mod language;
pub(crate) mod metadata;
pub(crate) mod metas;
pub(crate) mod schema;
pub(crate) mod title;

use crate::dom::Dom;
use crate::dom::measure::Measures;
use crate::page::kind::PageKind;
use crate::page::metas::Metas;
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
    /// Per node: whether it holds the page's main area (`<main>`, `role=main`) below it.
    pub around_main: Vec<bool>,
    pub kind: PageKind,
    /// The page's `<meta>`, `<link>` and JSON-LD declarations.
    pub metas: Metas<'a>,
    /// Its listing entries, found when a stage first asks (`extract::listing::entries`).
    pub entries: std::cell::OnceCell<Entries>,
}

/// Per node, the page's listing entries: the shape of its tree, found once for all the stages
/// that ask (is it a listing, which area holds its entries, which names they overrule, which
/// titles are items).
#[derive(Debug, Default)]
pub(crate) struct Entries {
    /// A listing item: one of several children of one shape under a parent, each with a link.
    pub items: Vec<bool>,
    /// The outermost item the node is or lies in (`usize::MAX` for none).
    pub item_of: Vec<usize>,
    /// An outermost item titled by a link in a heading (or a heading in a link): a teaser.
    pub teaser: Vec<bool>,
    /// The element whose children are most of the teasers, at least six of them, and more than
    /// half of all: a listing's grid of cards.
    pub grid: Option<usize>,
}

/// A case-blind automaton of fixed words.
// The patterns are fixed; the tests build the automata.
#[allow(clippy::expect_used)]
fn case_blind(words: &[&str]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .expect("fixed words build an automaton")
}
