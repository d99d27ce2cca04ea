//! The result of extracting one page: its blocks, what was removed and why, and its metadata,
//! with the views of them (text, Markdown, HTML, counts).

use crate::blocks::{Block, BlockKind, NodeId};
use crate::page::metadata::Metadata;
use crate::removal::{Reason, Removal, Stage};
use crate::render::{self, RenderOptions};

/// The result of extracting one page.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Extraction {
    /// The page's title: its headline, or `<title>` without the site name.
    pub title: Option<String>,
    /// The article as blocks, in document order.
    pub blocks: Vec<Block>,
    /// Every node left out, once, with the stage and the reason.
    pub removals: Vec<Removal>,
    /// The page's own address, from `<link rel=canonical>` or `og:url`.
    pub url: Option<String>,
    /// The name of the encoding the page was read in (`"UTF-8"` for [`extract`](crate::extract)).
    pub encoding: &'static str,
    /// With [`Config::explain`](crate::Config::explain): every block of the page's visible
    /// text, kept or removed.
    pub page: Vec<PageBlock>,
    /// Authors, date, site name, language, description, image and tags the page declares; the
    /// language and description found in the article when it declares none.
    pub metadata: Metadata,
    /// The page's `<base href>`, which relative links resolve against.
    pub base_href: Option<String>,
    /// Blocks of the page's visible text removed, and their characters: what [`Self::page`]
    /// marks removed, counted whether or not it was built.
    pub(crate) removed: (usize, usize),
    /// With [`crate::Config::comments`]: the page's comment thread as blocks, in document order,
    /// apart from the article (empty on a forum thread, whose replies are its article).
    pub comments: Vec<Block>,
}

impl Extraction {
    /// The article as plain text: blocks separated by a blank line, list items and table rows one
    /// per line; empty when nothing was found.
    pub fn text(&self) -> String {
        render::text::render(&self.blocks)
    }

    /// The article as Markdown (CommonMark, with GFM tables): headings, lists, quotations, code
    /// blocks, tables, emphasis, inline code and links made absolute; images with
    /// [`RenderOptions::images`]. A CommonMark parser reads back the words of [`Self::text`].
    ///
    /// The [`Self::comments`], when there are any, follow as a section of their own under a
    /// `# Comments` heading, their own headings below it.
    pub fn markdown(&self, options: &RenderOptions) -> String {
        let links = self.links(options);
        let mut markdown = render::markdown::render(&self.blocks, options, &links);
        let thread = self.thread();
        if !thread.is_empty() {
            if !markdown.is_empty() {
                markdown.push('\n');
            }
            markdown.push_str(&render::markdown::render(&thread, options, &links));
        }
        markdown
    }

    /// The comments headed by a title block, "Comments", for the Markdown and HTML views: their
    /// headings come below it. Empty without comments.
    fn thread(&self) -> Vec<Block> {
        let Some(first) = self.comments.first() else {
            return Vec::new();
        };
        let mut thread = Vec::with_capacity(self.comments.len() + 1);
        thread.push(Block::new(
            BlockKind::Title,
            "Comments".to_owned(),
            first.node,
        ));
        thread.extend(self.comments.iter().cloned());
        thread
    }

    /// The [`Self::comments`] as plain text, as [`Self::text`] gives the article.
    pub fn comments_text(&self) -> String {
        render::text::render(&self.comments)
    }

    /// The article as clean HTML, a fragment or, with [`RenderOptions::standalone`], a document;
    /// the [`Self::comments`], when there are any, follow in a `<section>`.
    pub fn html(&self, options: &RenderOptions) -> String {
        render::html::render_with_comments(
            &self.blocks,
            &self.thread(),
            self.title.as_deref(),
            self.metadata.language.as_deref(),
            options,
            &self.links(options),
        )
    }

    /// How much of the page was kept and removed.
    pub fn stats(&self) -> Stats {
        let kept = self
            .blocks
            .iter()
            .filter(|b| !matches!(b.kind, BlockKind::Title | BlockKind::Rule));
        let (blocks, chars) = kept.fold((0, 0), |(n, c), b| (n + 1, c + b.text.chars().count()));
        let (removed_blocks, removed_chars) = self.removed;
        Stats {
            blocks,
            chars,
            removed_blocks,
            removed_chars,
        }
    }

    /// Removes the blocks for which `verdict` gives a stage and a reason, after extraction (the
    /// site-template pass): each is recorded in [`Self::removals`], marked in [`Self::page`] and
    /// counted in [`Self::stats`], so every view of the record agrees. Returns how many it removed.
    pub(crate) fn remove_blocks(
        &mut self,
        mut verdict: impl FnMut(&Block) -> Option<(Stage, Reason)>,
    ) -> usize {
        let mut removed = 0;
        let mut kept = Vec::with_capacity(self.blocks.len());
        for block in std::mem::take(&mut self.blocks) {
            let Some((stage, reason)) = verdict(&block) else {
                kept.push(block);
                continue;
            };
            removed += 1;
            self.removed.0 += 1;
            self.removed.1 += block.text.chars().count();
            for entry in self.page.iter_mut().filter(|e| e.node == block.node) {
                entry.removed.get_or_insert((stage, reason.clone()));
            }
            self.removals.push(Removal {
                node: block.node,
                stage,
                reason,
            });
        }
        self.blocks = kept;
        removed
    }

    fn links(&self, options: &RenderOptions) -> render::Links {
        let page_url = options.base_url.as_deref().or(self.url.as_deref());
        render::Links::new(page_url, self.base_href.as_deref())
    }

    /// Whether no article text was found.
    pub fn is_empty(&self) -> bool {
        self.blocks
            .iter()
            .all(|b| matches!(b.kind, BlockKind::Title | BlockKind::Rule))
    }
}

/// How much of a page was kept and removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Stats {
    /// Blocks of the article (the title and rules not counted).
    pub blocks: usize,
    /// Characters of the article's text.
    pub chars: usize,
    /// Blocks of the page's visible text that were removed.
    pub removed_blocks: usize,
    /// Their characters.
    pub removed_chars: usize,
}

/// One block of the page's visible text, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageBlock {
    /// Its text, whitespace collapsed.
    pub text: String,
    /// The element whose text it is (a text node for text outside any element).
    pub node: NodeId,
    /// `None` when the block is in the result; else the stage and the reason that removed it.
    pub removed: Option<(Stage, Reason)>,
}
