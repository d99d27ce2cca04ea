//! The block IR's drafts, built from the selected body: one walk over it ([`walk`]), with code
//! blocks ([`code`]) and data tables ([`table`]) read apart; the filters then judge the drafts.
//!
//! Every block keeps the node it came from; every node left out is recorded once as a
//! [`crate::Removal`].

use std::collections::BTreeMap;

use crate::blocks::{Block, BlockKind};
use crate::extract::select::Body;
use crate::page::Page;
use crate::removal::{Reason, Removals, Stage};

mod code;
mod code_frame;
#[cfg(test)]
mod code_tests;
mod draft;
mod footnote;
mod math;
mod mathml;
mod table;
mod walk;

pub(crate) use draft::Draft;
pub(crate) use math::Formulas;

/// The formulas of a page, by the node that stands for each, as the build reads them.
pub(crate) fn formulas(dom: &crate::dom::Dom<'_>) -> Formulas {
    math::find(dom)
}
use walk::Walker;

/// The drafts of a body's blocks, in document order, with what the filters compare them to.
pub(crate) struct Built {
    pub(crate) drafts: Vec<Draft>,
    /// The outermost live nodes outside the body or zoned as boilerplate inside it, sorted.
    pub(crate) outside: Vec<usize>,
    /// The `<hr>` elements met, for the rules between kept blocks.
    pub(crate) rules: Vec<usize>,
}

/// Builds the drafts of the blocks of `body`, recording what it leaves out.
pub(crate) fn drafts(
    page: &Page<'_>,
    body: &Body,
    formulas: &Formulas,
    removals: &mut Removals,
) -> Built {
    let mut outside = record_outside(page, &body.roots, removals);
    let mut walker = Walker::new(page, formulas);
    for &root in &body.roots {
        walker.walk(root, body, removals);
    }
    outside.append(&mut walker.zoned);
    outside.sort_unstable();
    mark_whole(page, &mut walker.drafts);
    draft::join_drop_caps(&mut walker.drafts);
    Built {
        drafts: walker.drafts,
        outside,
        rules: walker.rules,
    }
}

/// Marks the drafts that hold all the text of their element, nothing nested in it, so that
/// dropping one drops the element and the record can name it.
fn mark_whole(page: &Page<'_>, drafts: &mut [Draft]) {
    let measures = &page.measures;
    let mut per_owner: BTreeMap<usize, usize> = BTreeMap::new();
    for d in drafts.iter() {
        *per_owner.entry(d.owner).or_default() += 1;
    }
    for d in drafts.iter_mut() {
        if !d.texts.is_empty() {
            d.whole =
                per_owner[&d.owner] == 1 && measures.chars[d.owner] == measures.unit[d.owner].chars;
        }
    }
}

/// The kept blocks, with a rule wherever the page had an `<hr>` between two of them.
pub(crate) fn with_rules(page: &Page<'_>, drafts: Vec<Draft>, rules: &[usize]) -> Vec<Block> {
    let mut blocks = Vec::with_capacity(drafts.len());
    let mut rules = rules.iter().copied().peekable();
    let mut previous: Option<usize> = None;
    for draft in drafts {
        let mut rule = None;
        while let Some(r) = rules.next_if(|&r| r < draft.start) {
            if previous.is_some_and(|p| p < r) {
                rule = Some(r);
            }
        }
        if let Some(r) = rule {
            let node = page.dom.id(r);
            blocks.push(Block::new(BlockKind::Rule, "", node));
        }
        previous = Some(draft.start);
        blocks.push(draft.block);
    }
    blocks
}

/// Records the outermost live nodes that are not part of the body, and returns them.
fn record_outside(page: &Page<'_>, roots: &[usize], removals: &mut Removals) -> Vec<usize> {
    let dom = &page.dom;
    let mut outside = Vec::new();
    let mut next_root = roots.iter().copied().peekable();
    let mut i = 0;
    while i < dom.len() {
        while next_root.next_if(|&r| r < i).is_some() {}
        let node = &dom.nodes[i];
        match next_root.peek() {
            Some(&r) if r == i => {
                i = node.end;
                continue;
            }
            Some(&r) if r < node.end => {
                i += 1;
                continue;
            }
            _ => {}
        }
        if !page.dead[i] && page.measures.chars[i] > 0 {
            outside.push(i);
            removals.record(page.dom.id(i), Stage::Select, Reason::OutsideBody);
        }
        i = node.end;
    }
    outside
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::NodeId;
    use crate::dom::{Dom, Tag};
    use crate::removal::Removal;
    use crate::{Config, Extraction};

    /// Parses a page the way extraction does (cut and capped first), so node ids match.
    fn parse(html: &str) -> crate::dom::Document {
        crate::dom::parse(&crate::input::prepare(html))
    }

    /// Sentences long and punctuated enough to read as prose, each with its own words.
    const PROSE: [&str; 3] = [
        "The council met on Monday evening, and after a long debate it voted to keep the ferry \
         running through the winter months.",
        "Residents of the island had campaigned for weeks, writing letters and attending every \
         meeting, and they were glad of the result.",
        "The service will run twice a day, weather permitting, until the spring timetable begins \
         in April, the operator said.",
    ];

    fn page(body: &str) -> String {
        format!(
            "<html><head><title>Ferry timetable explained | Island News</title></head>\
             <body>{body}</body></html>"
        )
    }

    /// Extracts without the title block, so `blocks` holds what this stage built.
    fn extract(html: &str) -> Extraction {
        let config = Config {
            include_title: false,
            ..Config::default()
        };
        crate::extract(html, &config).expect("extracts")
    }

    fn kinds_and_texts(page: &Extraction) -> Vec<(BlockKind, &str)> {
        page.blocks
            .iter()
            .map(|b| (b.kind.clone(), b.text.as_str()))
            .collect()
    }

    /// Checks the removal record against the page `html` parses into: each removal names a node
    /// of it, no node is covered by two removals (itself or an ancestor), and no block comes from
    /// inside a removed node.
    #[track_caller]
    fn assert_removals_once(html: &str, page: &Extraction) {
        let doc = parse(html);
        let dom = Dom::new(&doc);
        let index = |id: NodeId| {
            (0..dom.len())
                .find(|&i| dom.id(i) == id)
                .unwrap_or_else(|| panic!("{id:?} is not a node of the page"))
        };
        let removed: Vec<usize> = page.removals.iter().map(|r| index(r.node)).collect();
        for (a, &i) in removed.iter().enumerate() {
            for (b, &j) in removed.iter().enumerate() {
                assert!(
                    a == b || !(i <= j && j < dom.nodes[i].end),
                    "{:?} is covered twice in {:#?}",
                    page.removals[b],
                    page.removals
                );
            }
        }
        for block in page.blocks.iter().filter(|b| b.kind != BlockKind::Title) {
            let k = index(block.node);
            assert!(
                !removed.iter().any(|&i| i <= k && k < dom.nodes[i].end),
                "block {:?} lies inside a removed node: {:#?}",
                block.text,
                page.removals
            );
        }
    }

    fn node_of(html: &str, tag: Tag) -> NodeId {
        let doc = parse(html);
        let dom = Dom::new(&doc);
        let i = dom.find(tag).expect("the tag is on the page");
        dom.id(i)
    }

    #[test]
    fn block_kinds_and_their_text() {
        let html = page(&format!(
            "<article><p>BODY_TEXT {}</p><h2>HEADING_TEXT</h2>\
             <ul><li>LIST_ONE first stop at the harbour.</li><li>LIST_TWO then the pier.</li></ul>\
             <blockquote><p>QUOTE_TEXT We are delighted, and so are our passengers.</p></blockquote>\
             <pre>CODE_TEXT</pre>\
             <table><tr><th>Day</th><th>Time</th></tr><tr><td>Monday</td><td>08:00</td></tr>\
             <tr><td>Tuesday</td><td>09:30</td></tr></table>\
             <p>{}</p></article>",
            PROSE[0], PROSE[1]
        ));
        let page = extract(&html);
        let table = node_of(&html, Tag::Table);
        let cells = |cells: &[&str], header| BlockKind::TableRow {
            cells: cells.iter().map(|c| c.to_string()).collect(),
            header,
            colspans: vec![1; cells.len()],
            table,
        };
        let body_text = format!("BODY_TEXT {}", PROSE[0]);
        assert_eq!(
            kinds_and_texts(&page),
            vec![
                (BlockKind::Paragraph, body_text.as_str()),
                (BlockKind::Heading { level: 2 }, "HEADING_TEXT"),
                (BlockKind::BULLET, "LIST_ONE first stop at the harbour."),
                (BlockKind::BULLET, "LIST_TWO then the pier."),
                (
                    BlockKind::Quote { depth: 1 },
                    "QUOTE_TEXT We are delighted, and so are our passengers."
                ),
                (BlockKind::Code { language: None }, "CODE_TEXT"),
                (cells(&["Day", "Time"], true), "Day | Time"),
                (cells(&["Monday", "08:00"], false), "Monday | 08:00"),
                (cells(&["Tuesday", "09:30"], false), "Tuesday | 09:30"),
                (BlockKind::Paragraph, PROSE[1]),
            ]
        );
        assert_removals_once(&html, &page);
    }

    #[test]
    fn line_breaks_in_table_cells_reach_the_renderers() {
        let html = page(&format!(
            "<article><p>{}</p><table><tr><th>Day</th><th>Boats</th></tr>\
             <tr><td>Monday</td><td>08:00<br>12:00<br><br> 18:00</td></tr></table><p>{}</p>\
             </article>",
            PROSE[0], PROSE[1]
        ));
        let page = extract(&html);
        let row = page
            .blocks
            .iter()
            .find(|b| b.text.starts_with("Monday"))
            .expect("the row");
        assert_eq!(row.text, "Monday | 08:00 12:00 18:00");
        let BlockKind::TableRow { cells, .. } = &row.kind else {
            panic!("{row:?}");
        };
        assert_eq!(cells[1], "08:00\n12:00\n18:00");
        let options = crate::RenderOptions::default();
        assert!(
            page.markdown(&options)
                .contains("| Monday | 08:00<br>12:00<br>18:00 |")
        );
        assert!(
            page.html(&options)
                .contains("<td>08:00<br>12:00<br>18:00</td>")
        );
    }

    #[test]
    fn pre_keeps_its_whitespace() {
        let code = "fn main() {\n    let  spaced   =  \"CODE_TEXT\";\n\tprintln!(\"{spaced}\");\n}";
        let html = page(&format!(
            "<article><p>{}</p><pre>\n{code}\n\n</pre><p>{}</p></article>",
            PROSE[0], PROSE[1]
        ));
        let page = extract(&html);
        let block = page
            .blocks
            .iter()
            .find(|b| matches!(b.kind, BlockKind::Code { .. }))
            .expect("a code block");
        assert_eq!(block.text, code);
    }

    #[test]
    fn double_break_splits_a_paragraph_and_single_break_is_a_newline() {
        let html = page(&format!(
            "<article><p>PARA_A {}<br><br>PARA_B {}</p>\
             <p>LINE_ONE {}<br>LINE_TWO {}</p></article>",
            PROSE[0], PROSE[1], PROSE[2], PROSE[0]
        ));
        let page = extract(&html);
        let texts: Vec<&str> = page.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                format!("PARA_A {}", PROSE[0]),
                format!("PARA_B {}", PROSE[1]),
                format!("LINE_ONE {}\nLINE_TWO {}", PROSE[2], PROSE[0]),
            ]
        );
        assert!(page.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
        // Both halves of the split paragraph come from the same element.
        assert_eq!(page.blocks[0].node, page.blocks[1].node);
    }

    #[test]
    fn links_side_by_side_are_separate_words() {
        // A row of tabs written without spaces, and a link ending inside a word.
        let html = page(&format!(
            "<article><p>{}</p><p>{} See the <a href=/l>League</a><a href=/c>Conference</a>\
             <span><a href=/d>Division</a></span> tables.</p><p>The <a href=/p>port</a>s of {}</p>\
             </article>",
            PROSE[0], PROSE[2], PROSE[1]
        ));
        let page = extract(&html);
        let texts: Vec<&str> = page.blocks.iter().map(|b| b.text.as_str()).collect();
        let tabs = "See the League Conference Division tables.";
        assert!(texts.iter().any(|t| t.ends_with(tabs)), "{texts:?}");
        assert!(
            texts.iter().any(|t| t.starts_with("The ports of")),
            "{texts:?}"
        );
    }

    #[test]
    fn layout_table_is_not_turned_into_rows() {
        let rows: String = PROSE
            .iter()
            .enumerate()
            .map(|(i, p)| format!("<tr><td><p>ROW_{i} {p}</p></td></tr>"))
            .collect();
        let html = page(&format!("<table>{rows}</table>"));
        let page = extract(&html);
        assert_eq!(page.blocks.len(), 3, "{:#?}", page.blocks);
        for (i, block) in page.blocks.iter().enumerate() {
            assert_eq!(block.kind, BlockKind::Paragraph);
            assert!(block.text.starts_with(&format!("ROW_{i} ")));
        }
    }

    #[test]
    fn heading_that_repeats_the_title_is_removed() {
        let html = page(&format!(
            "<article><h1>Ferry timetable explained</h1><p>{}</p><h2>HEADING_TEXT</h2><p>{}</p>\
             </article>",
            PROSE[0], PROSE[1]
        ));
        let page = extract(&html);
        assert_eq!(page.title.as_deref(), Some("Ferry timetable explained"));
        assert!(!page.text().contains("Ferry timetable explained"));
        assert!(page.text().contains("HEADING_TEXT"));
        let h1 = node_of(&html, Tag::Heading(1));
        let records: Vec<&Removal> = page.removals.iter().filter(|r| r.node == h1).collect();
        assert_eq!(
            records,
            vec![&Removal {
                node: h1,
                stage: Stage::Filter,
                reason: Reason::TitleHeading,
            }]
        );
        assert_removals_once(&html, &page);
    }

    #[test]
    fn every_dropped_node_is_recorded_once() {
        let html = page(&format!(
            r#"<nav><ul><li><a href="/">MENU_TEXT Home</a></li><li><a href="/n">News</a></li></ul>
            </nav><article><p>BODY_TEXT {}</p>
            <ul><li><a href="/a">LINKS_TEXT Harbour</a></li><li><a href="/b">LINKS_TEXT Island</a>
            </li><li><a href="/c">LINKS_TEXT Weather</a></li></ul>
            <p>{}</p><script>SCRIPT_TEXT</script><p>{}</p><div class="share">SHARE_TEXT</div>
            </article>"#,
            PROSE[0], PROSE[1], PROSE[2]
        ));
        let page = extract(&html);
        let text = page.text();
        assert!(text.contains("BODY_TEXT"));
        for chaff in ["MENU_TEXT", "LINKS_TEXT", "SCRIPT_TEXT", "SHARE_TEXT"] {
            assert!(!text.contains(chaff), "{chaff} in:\n{text}");
        }
        assert_removals_once(&html, &page);

        let nav = node_of(&html, Tag::Nav);
        let nav_records: Vec<&Removal> = page.removals.iter().filter(|r| r.node == nav).collect();
        assert_eq!(
            nav_records,
            vec![&Removal {
                node: nav,
                stage: Stage::Select,
                reason: Reason::OutsideBody,
            }]
        );

        // Each entry of the link list in the body is recorded for its links, once.
        let doc = parse(&html);
        let dom = Dom::new(&doc);
        let list = (0..dom.len())
            .filter(|&i| dom.nodes[i].tag == Tag::Ul)
            .nth(1)
            .expect("the link list");
        let items: Vec<NodeId> = (list..dom.nodes[list].end)
            .filter(|&i| dom.nodes[i].tag == Tag::Li)
            .map(|i| dom.id(i))
            .collect();
        assert_eq!(items.len(), 3);
        let link_records: Vec<NodeId> = page
            .removals
            .iter()
            .filter(|r| r.stage == Stage::Filter && matches!(r.reason, Reason::LinkDensity { .. }))
            .map(|r| r.node)
            .collect();
        assert_eq!(link_records, items);
        assert!(page.removals.iter().any(|r| r.stage == Stage::Prune
            && r.reason
                == Reason::NeverContent {
                    tag: "script".to_owned()
                }));
        assert!(
            page.removals
                .iter()
                .any(|r| r.reason == Reason::Markup { hint: "share" })
        );
    }

    #[test]
    fn element_split_around_a_dropped_block_is_recorded_once() {
        let html = page(&format!(
            r#"<article><p>{}</p><div><a href="/a">LINKS_TEXT Harbour news today</a>
            <p><a href="/c">LINKS_TEXT inner list of links</a></p>
            <a href="/b">LINKS_TEXT Island news today</a></div><p>{}</p></article>"#,
            PROSE[0], PROSE[1]
        ));
        let page = extract(&html);
        assert_removals_once(&html, &page);
    }

    #[test]
    fn element_with_kept_blocks_inside_is_not_recorded_as_removed() {
        let html = page(&format!(
            "<article><div>SCRAP_A<p>{}</p>SCRAP_B<p>{}</p></div></article>",
            PROSE[0], PROSE[1]
        ));
        let page = extract(&html);
        assert_removals_once(&html, &page);
    }
}
