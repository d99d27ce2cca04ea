//! The whole page, block by block, each kept or removed with its stage and reason: the record
//! behind `--explain` and `--diff`.

use crate::blocks::NodeId;
use crate::dom::measure::Measures;
use crate::dom::{Dom, Tag};
use crate::extract::build::Formulas;
use crate::extraction::PageBlock;
use crate::removal::{Reason, Removal};
use crate::text::collapse_whitespace;

/// Lists the page's visible text block by block, each with the removal that covers it.
/// Scripts, styles and the `<head>` are not visible text and are left out.
pub(crate) fn page_blocks(
    dom: &Dom<'_>,
    measures: &Measures,
    formulas: &Formulas,
    removals: &[Removal],
) -> Vec<PageBlock> {
    let mut list = List {
        removals,
        blocks: Vec::new(),
        open: None,
        buffer: String::new(),
    };
    visible_blocks(dom, measures, formulas, removals, &mut list);
    list.blocks
}

/// How many of the blocks [`page_blocks`] lists are removed, and their characters, without
/// building the list.
pub(crate) fn removed_counts(
    dom: &Dom<'_>,
    measures: &Measures,
    formulas: &Formulas,
    removals: &[Removal],
) -> (usize, usize) {
    let mut count = Count::default();
    visible_blocks(dom, measures, formulas, removals, &mut count);
    (count.blocks, count.chars)
}

/// What [`visible_blocks`] hands each run of text of one owner under one removal to.
trait Blocks {
    /// A run starts: its node, and the index of the removal covering it.
    fn open(&mut self, node: NodeId, removal: Option<usize>);
    /// One text node of the run, raw.
    fn text(&mut self, raw: &str);
    /// The run ends.
    fn close(&mut self);
}

/// Collects the runs as [`PageBlock`]s, whitespace collapsed.
struct List<'r> {
    removals: &'r [Removal],
    blocks: Vec<PageBlock>,
    open: Option<(NodeId, Option<usize>)>,
    buffer: String,
}

impl Blocks for List<'_> {
    fn open(&mut self, node: NodeId, removal: Option<usize>) {
        self.open = Some((node, removal));
        self.buffer.clear();
    }

    fn text(&mut self, raw: &str) {
        self.buffer.push_str(raw);
    }

    fn close(&mut self) {
        let text = collapse_whitespace(&self.buffer);
        if let (Some((node, removal)), false) = (self.open.take(), text.is_empty()) {
            let removals = self.removals;
            self.blocks.push(PageBlock {
                text,
                node,
                removed: removal.map(|k| (removals[k].stage, removals[k].reason.clone())),
            });
        }
    }
}

/// Counts the removed runs and their characters as [`collapse_whitespace`] would leave them,
/// reading each text once and copying none.
#[derive(Default)]
struct Count {
    blocks: usize,
    chars: usize,
    /// Whether the open run is removed; its characters so far; a space is pending before the
    /// next word.
    removed: bool,
    run_chars: usize,
    space: bool,
}

impl Blocks for Count {
    fn open(&mut self, _: NodeId, removal: Option<usize>) {
        (self.removed, self.run_chars, self.space) = (removal.is_some(), 0, false);
    }

    fn text(&mut self, raw: &str) {
        if !self.removed {
            return;
        }
        for c in raw.chars() {
            if c.is_whitespace() {
                self.space = self.run_chars > 0;
            } else {
                self.run_chars += 1 + usize::from(self.space);
                self.space = false;
            }
        }
    }

    fn close(&mut self) {
        if self.removed && self.run_chars > 0 {
            self.blocks += 1;
            self.chars += self.run_chars;
        }
        self.removed = false;
    }
}

/// Walks the page's visible text, handing `blocks` each run of text of one owner under one
/// removal.
fn visible_blocks(
    dom: &Dom<'_>,
    measures: &Measures,
    formulas: &Formulas,
    removals: &[Removal],
    blocks: &mut impl Blocks,
) {
    // The removal recorded on each node (the last one, when a node has several), then covering
    // it from its nearest ancestor with one.
    let mut covering: Vec<Option<usize>> = vec![None; dom.len()];
    for (k, r) in removals.iter().enumerate() {
        if let Some(slot) = covering.get_mut(r.node.index()) {
            *slot = Some(k);
        }
    }
    let mut current: Option<(usize, Option<usize>)> = None;
    // A formula reads as its TeX, as in the extraction.
    let mut i = 0;
    while i < dom.len() {
        let node = &dom.nodes[i];
        let inherited = (node.parent != usize::MAX)
            .then(|| covering[node.parent])
            .flatten();
        covering[i] = covering[i].or(inherited);
        let formula = formulas.at.get(&i).map(|f| f.tex.as_str());
        let text = formula.unwrap_or(node.text);
        let next = if formula.is_some() { node.end } else { i + 1 };
        if formula.is_none() && node.tag != Tag::Text {
            // A line break keeps the words on either side apart, as in the extraction.
            if node.tag == Tag::Br && current.is_some() {
                blocks.text(" ");
            }
            i = next;
            continue;
        }
        if crate::text::is_blank(text) {
            // Spaces between two words of a block (in code, between two tokens) keep them apart.
            if current.is_some() {
                blocks.text(" ");
            }
            i = next;
            continue;
        }
        let removal = covering[i];
        if removal.is_some_and(|k| matches!(removals[k].reason, Reason::NeverContent { .. })) {
            i = next;
            continue;
        }
        let owner = if measures.owner[i] == usize::MAX {
            node.parent
        } else {
            measures.owner[i]
        };
        if current != Some((owner, removal)) {
            if current.is_some() {
                blocks.close();
            }
            let id = dom.id(if owner == usize::MAX { i } else { owner });
            blocks.open(id, removal);
            current = Some((owner, removal));
        }
        blocks.text(text);
        i = next;
    }
    if current.is_some() {
        blocks.close();
    }
}

#[cfg(test)]
mod tests {
    use super::{Blocks, Count};
    use crate::{Config, SiteProfile};

    #[test]
    fn a_removed_runs_characters_are_counted_as_its_collapsed_text_has_them() {
        for text in [
            "  Share   this\tstory \n",
            "Gr\u{fc}\u{df}e\u{a0}aus\u{85}K\u{f6}ln",
            "\u{b}tab\u{c}feed\r\u{3000}\u{65e5}\u{672c}\u{8a9e} \u{1f600} ok",
        ] {
            let mut count = Count::default();
            count.open(crate::NodeId::DOCUMENT, Some(0));
            count.text(text);
            count.close();
            let words: Vec<&str> = text
                .split(char::is_whitespace)
                .filter(|w| !w.is_empty())
                .collect();
            let expected = words.join(" ").chars().count();
            assert_eq!((count.blocks, count.chars), (1, expected), "{text:?}");
        }
    }

    /// The first paragraph of each story: pages of one site differ in more than a word.
    const STORIES: [&str; 4] = [
        "The council met on Monday evening, and after a long debate it voted to keep the ferry \
         running through the winter months.",
        "A storm on Thursday night tore the roof off the old harbour shed, and the fishermen \
         moved their nets into the church hall.",
        "The school on the north island will close in the summer, since only six children are \
         left on its roll and no teacher can be found.",
        "A new bakery opened by the quay on Saturday, and by noon it had sold every loaf and \
         every bun it had baked before dawn.",
    ];

    /// A news page with a menu, an article, a share bar and a footer.
    fn page(n: usize) -> String {
        format!(
            "<html><head><title>Ferry news {n}</title></head><body>\
             <nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav>\
             <article><h1>Ferry news {n}</h1>\
             <p>{}</p>\
             <p>Residents of the island had campaigned for weeks, writing letters and attending \
             every meeting, and they were glad of the result.</p>\
             <p>Support our newsroom: become a member today and help us report on the islands.</p>\
             <div class=share><a href=/s>Share on social media</a></div></article>\
             <footer>Island News, the paper of the islands since 1901</footer></body></html>",
            STORIES[n % STORIES.len()]
        )
    }

    fn extract(html: &str, explain: bool) -> crate::Extraction {
        let config = Config {
            explain,
            ..Config::default()
        };
        crate::extract(html, &config).expect("extracts")
    }

    #[test]
    fn removed_counts_agree_with_and_without_the_explain_view() {
        let html = page(1);
        let (with, without) = (extract(&html, true), extract(&html, false));
        assert!(without.page.is_empty());
        let stats = with.stats();
        assert!(stats.removed_blocks >= 3, "{stats:?}");
        assert_eq!(stats, without.stats());
    }

    #[test]
    fn template_removals_are_counted_with_and_without_the_explain_view() {
        for explain in [true, false] {
            let pages: Vec<_> = (0..4).map(|n| extract(&page(n), explain)).collect();
            let mut profile = SiteProfile::new();
            for p in &pages {
                profile.observe("islands.example", p);
            }
            let mut first = pages[0].clone();
            let before = first.stats();
            let removed = profile.filter("islands.example", &mut first);
            let after = first.stats();
            assert!(removed >= 1, "the appeal recurs on every page");
            assert_eq!(after.removed_blocks, before.removed_blocks + removed);
            assert!(!first.text().contains("Support our newsroom"));
            let record = first
                .removals
                .iter()
                .filter(|r| r.stage == crate::Stage::Dedup);
            assert_eq!(record.count(), removed, "one record per removed block");
            if explain {
                let marked = first
                    .page
                    .iter()
                    .filter(|b| b.text.starts_with("Support our"));
                assert!(marked.clone().count() == 1 && marked.clone().all(|b| b.removed.is_some()));
            }
        }
    }
}
