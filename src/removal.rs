//! The record of everything the extractor left out, and why.

use std::fmt;

use ego_tree::NodeId;

/// The pipeline stage that dropped a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Never content, whatever the page: scripts, styles, hidden elements.
    Prune,
    /// Outside the selected article body.
    Select,
    /// Inside the body, but boilerplate by markup, link density or position.
    Filter,
}

/// Why a node was dropped.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reason {
    /// An element that never holds article text (`script`, `style`, `svg`, form controls...).
    NeverContent {
        /// The element's tag name.
        tag: String,
    },
    /// Hidden from readers: `hidden`, `aria-hidden="true"`, or an inline `display:none`.
    Hidden {
        /// Which marker hid it.
        how: &'static str,
    },
    /// Not part of the selected article body.
    OutsideBody,
    /// Its tag, class, id or role names it as boilerplate.
    Markup {
        /// The word or tag that did.
        hint: &'static str,
    },
    /// Mostly link text: a menu, a list of related links, a tag line.
    LinkDensity {
        /// Share of the text inside links, in percent.
        percent: u8,
    },
    /// Short text that is not prose, at the start or end of the body (dates, share prompts...).
    EdgeNoise,
    /// The heading that repeats the page title, which is reported apart.
    TitleHeading,
}

/// One node, with all its descendants, left out of the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    /// The node in the parsed document.
    pub node: NodeId,
    /// Which stage dropped it.
    pub stage: Stage,
    /// Why.
    pub reason: Reason,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::NeverContent { tag } => write!(f, "<{tag}> is never content"),
            Reason::Hidden { how } => write!(f, "hidden by {how}"),
            Reason::OutsideBody => f.write_str("outside the article body"),
            Reason::Markup { hint } => write!(f, "boilerplate markup ({hint})"),
            Reason::LinkDensity { percent } => write!(f, "{percent}% of its text is links"),
            Reason::EdgeNoise => f.write_str("short non-prose text at the edge of the body"),
            Reason::TitleHeading => f.write_str("repeats the title"),
        }
    }
}
