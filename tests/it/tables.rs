//! Tables in the samples: every cell's text survives text, Markdown and HTML output, a data
//! table's Markdown reads back as the same grid of cells, and a layout table is not a table.

use std::fs;

use unchaff::{BlockKind, Extraction};
use unchaff_read_back::{normal, tables};

use crate::util;

/// Per sample: the number of data tables, and cell lines (a paragraph, a `<br>` line, a list
/// item) that every output must keep.
const TABLES: &[(&str, usize, &[&str])] = &[
    (
        "docusaurus-params",
        2,
        &[
            "options.segmentSize",
            "It is created when it does not exist.",
            "Two queues must never share a directory.",
            "\"always\": after every job, the safest and slowest;",
            "\"never\": left to the operating system.",
            "before it is handed to another worker.",
            "Its last record is cut short and repair is off.",
        ],
    ),
    (
        "wiki-rowspan",
        1,
        &[
            "Working life",
            "Last worked",
            "Awre Marsh",
            "Bark",
            "(converted to corn 1790)",
            "c. 1550",
            "Sources: Tithe survey of 1837; county archive mill registers.",
        ],
    ),
    (
        "newsletter-layout",
        1,
        &["Apiary", "Honey (kg)", "Church field", "181"],
    ),
];

fn extract(name: &str) -> Extraction {
    let source = fs::read(util::samples_dir().join(name).join("source.html"))
        .unwrap_or_else(|err| panic!("{name}: {err}"));
    unchaff::extract_bytes(&source, &unchaff::Config::default())
        .unwrap_or_else(|err| panic!("{name}: {err}"))
}

/// The rows of each table of the extraction, its cells normalised as the read-back's are, a
/// cell spanning columns followed by empty ones as on the grid.
fn table_rows(page: &Extraction) -> Vec<Vec<Vec<String>>> {
    let mut out: Vec<Vec<Vec<String>>> = Vec::new();
    let mut last = None;
    for block in &page.blocks {
        let BlockKind::TableRow {
            cells, colspans, ..
        } = &block.kind
        else {
            last = None;
            continue;
        };
        if last.is_none() {
            out.push(Vec::new());
        }
        last = Some(());
        if let Some(table) = out.last_mut() {
            let mut row = Vec::new();
            for (cell, &span) in cells.iter().zip(colspans) {
                row.push(normal(cell));
                row.extend((1..span).map(|_| String::new()));
            }
            table.push(row);
        }
    }
    out
}

#[test]
fn every_cell_survives_every_output() {
    let options = unchaff::RenderOptions::default();
    for (name, _, lines) in TABLES {
        let page = extract(name);
        let text = page.text();
        let markdown = page.markdown(&options);
        let html = page.html(&options);
        for line in *lines {
            assert!(
                text.contains(line),
                "{name}: the text lost {line:?}:\n{text}"
            );
            let escaped = line.replace('&', "&amp;").replace('<', "&lt;");
            assert!(
                html.contains(&escaped),
                "{name}: the HTML lost {line:?}:\n{html}"
            );
            // A cell's lines are kept apart by `<br>` in the Markdown.
            let read = normal(&unchaff_read_back::read_back(&markdown));
            assert!(
                read.contains(&normal(line)),
                "{name}: the Markdown lost {line:?}:\n{markdown}"
            );
        }
    }
}

#[test]
fn markdown_tables_read_back_as_the_extracted_grid() {
    let options = unchaff::RenderOptions::default();
    for (name, count, _) in TABLES {
        let page = extract(name);
        let read = tables(&page.markdown(&options));
        let rows = table_rows(&page);
        assert_eq!(read.len(), *count, "{name}: {read:#?}");
        assert_eq!(rows.len(), *count, "{name}: {rows:#?}");
        for (read, rows) in read.iter().zip(&rows) {
            assert_eq!(read.len(), rows.len(), "{name}: {read:#?}");
            let width = read[0].len();
            for (cells, row) in read.iter().zip(rows) {
                // The grid pads a short row with empty cells.
                assert_eq!(cells.len(), width, "{name}: {read:#?}");
                assert_eq!(&cells[..row.len()], &row[..], "{name}");
                assert!(cells[row.len()..].iter().all(String::is_empty), "{name}");
            }
        }
    }
}

#[test]
fn a_layout_table_is_read_as_the_article_it_holds() {
    let page = extract("newsletter-layout");
    let options = unchaff::RenderOptions::default();
    let markdown = page.markdown(&options);
    // The article's paragraphs are paragraphs, not cells; the navigation column is gone.
    assert!(
        markdown.contains("\n\nVarroa counts were low in most apiaries"),
        "{markdown}"
    );
    assert!(!markdown.contains("Swarm line"), "{markdown}");
    let html = page.html(&options);
    assert_eq!(html.matches("<table>").count(), 1, "{html}");
    assert!(
        html.contains("<p>The winter meeting is on the second Thursday"),
        "{html}"
    );
}

#[test]
fn cell_lists_are_lists_in_html_and_headers_head_the_table() {
    let page = extract("docusaurus-params");
    let html = page.html(&unchaff::RenderOptions::default());
    assert!(
        html.contains(
            "<thead>\n<tr><th>Name</th><th>Type</th><th>Default</th><th>Description</th>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<td>When appended jobs reach the disk:<ul><li>\"always\": after every job"),
        "{html}"
    );
    assert!(
        html.contains("<ul><li>A segment's checksum does not match.</li>"),
        "{html}"
    );
    let page = extract("wiki-rowspan");
    let html = page.html(&unchaff::RenderOptions::default());
    assert!(html.contains("<thead>\n<tr><th>Bank</th>"), "{html}");
    assert!(
        html.contains("<tr><th></th><th></th><th>First record</th><th>Last worked</th><th></th></tr>\n</thead>"),
        "{html}"
    );
}
