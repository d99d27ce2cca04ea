//! The record of everything the extractor left out, and why.

use std::fmt;

use crate::blocks::NodeId;

/// The pipeline stage that dropped a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Never content, whatever the page: scripts, styles, hidden elements.
    Prune,
    /// Outside the selected article body.
    Select,
    /// Inside the body, but boilerplate by markup, link density, position or cue.
    Filter,
    /// A repeated block: a second copy on the page, or the template of a site seen across pages.
    Dedup,
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
    /// At an edge of the body, with a phrase that marks boilerplate ("Read also", "Tags:",
    /// "Become a patron"...).
    Cue {
        /// The phrase, as the cue table spells it.
        phrase: &'static str,
    },
    /// The same text, or a longer text holding it, stands outside the body: page template.
    CopyOutsideBody,
    /// A later copy of a block of the body, or a short block held in a longer one.
    Duplicate {
        /// The opening words of the copy that was kept.
        of: String,
    },
    /// A block printed more than once, with a copy at an edge of the body: an appeal or a promo.
    RepeatedAtEdge,
    /// In the run of teasers of other pages (a linked title over a summary) that ends the body,
    /// or the heading over it.
    TeaserTail,
    /// The block recurs on many pages of its site: site template.
    Template {
        /// The site (host) whose pages were compared.
        site: String,
        /// How many pages of the site were observed.
        pages: u32,
    },
    /// Not what a reader copies: the rendering of a formula kept as its TeX, a code block's line
    /// numbers, copy button or language badge.
    Chrome {
        /// What it is.
        what: &'static str,
    },
    /// Left out by a setting of [`crate::Config`] (`tables`, `target_language`).
    Setting {
        /// The setting, as `Config` names it.
        setting: &'static str,
    },
}

/// The removal record of one page as the stages write it: [`Removals::record`] is the one way a
/// stage records a node as left out. After the pipeline, [`crate::Extraction`] keeps the record
/// and its views (the explain view, the counts) consistent when blocks are removed later.
#[derive(Debug, Default)]
pub(crate) struct Removals(Vec<Removal>);

impl Removals {
    /// Records `node`, with everything under it, as left out by `stage` for `reason`.
    pub(crate) fn record(&mut self, node: NodeId, stage: Stage, reason: Reason) {
        self.0.push(Removal {
            node,
            stage,
            reason,
        });
    }

    /// The record, for the extraction.
    pub(crate) fn into_vec(self) -> Vec<Removal> {
        self.0
    }
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
            Reason::TeaserTail => f.write_str("teasers of other pages after the article"),
            Reason::EdgeNoise => f.write_str("short non-prose text at the edge of the body"),
            Reason::TitleHeading => f.write_str("repeats the title"),
            Reason::Cue { phrase } => write!(f, "edge boilerplate, cue \"{phrase}\""),
            Reason::CopyOutsideBody => f.write_str("a copy stands outside the body (template)"),
            Reason::Duplicate { of } => write!(f, "duplicate of the block \"{of}...\""),
            Reason::RepeatedAtEdge => {
                f.write_str("repeated on the page, a copy at the body's edge")
            }
            Reason::Template { site, pages } => {
                write!(f, "template seen across {pages} pages of {site}")
            }
            Reason::Chrome { what } => write!(f, "{what}, not what a reader copies"),
            Reason::Setting { setting } => write!(f, "left out by the {setting} setting"),
        }
    }
}
