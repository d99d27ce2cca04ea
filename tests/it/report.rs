//! The views a person reads: the `--report` folds runs of blocks removed for one reason and
//! explains its colours; the `--diff` gives every removed line its reason.

use std::path::{Path, PathBuf};

use unchaff::{Config, PageBlock};

/// A news page whose first screen is a long menu, with the article far below.
fn menu_page() -> String {
    let sections = [
        "World",
        "Politics",
        "Business",
        "Markets",
        "Technology",
        "Science",
        "Health",
        "Sport",
        "Football",
        "Tennis",
        "Culture",
        "Books",
        "Film",
        "Music",
        "Travel",
        "Food",
        "Opinion",
        "Letters",
        "Obituaries",
        "Weather",
        "Puzzles",
        "Podcasts",
        "Video",
        "Newsletters",
    ];
    let menu: String = sections
        .iter()
        .map(|s| format!("<li><a href=\"/{}\">{s}</a></li>", s.to_lowercase()))
        .collect();
    let paragraphs: String = [
        "The harbour board voted on Thursday evening to rebuild the old breakwater, which was \
         damaged in the storms of last winter and has been closed to walkers since February.",
        "Engineers told the meeting that the work would take two summers and would be paid for \
         partly by the port's reserves and partly by a grant from the regional government.",
        "Fishermen who moor inside the breakwater welcomed the decision, saying the damaged \
         stretch had left their boats exposed whenever the wind came from the north-east.",
        "A public exhibition of the plans will open at the library next month, and residents \
         will be able to leave comments on the design until the end of the year.",
    ]
    .iter()
    .map(|p| format!("<p>{p}</p>"))
    .collect();
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Breakwater to be rebuilt | The Coast \
         Courier</title></head><body><header><nav><ul>{menu}</ul></nav></header><main><article>\
         <h1>Breakwater to be rebuilt</h1>{paragraphs}</article></main><footer><ul>\
         <li><a href=\"/about\">About us</a></li><li><a href=\"/contact\">Contact</a></li>\
         <li><a href=\"/privacy\">Privacy</a></li></ul></footer></body></html>"
    )
}

fn blocks_of(path: &Path) -> Vec<PageBlock> {
    let mut config = Config::default();
    config.explain = true;
    let bytes = std::fs::read(path).expect("readable");
    unchaff::extract_bytes(&bytes, &config)
        .expect("extracts")
        .page
}

/// A block's stage and reason as the views print them.
fn why(block: &PageBlock) -> Option<String> {
    block
        .removed
        .as_ref()
        .map(|(stage, reason)| format!("{}: {reason}", format!("{stage:?}").to_lowercase()))
}

/// The report of `path`, written by the command line.
fn report(path: &Path) -> String {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out_file = dir.path().join("report.html");
    let out = crate::util::run(
        [
            "--report".to_owned(),
            out_file.display().to_string(),
            path.display().to_string(),
        ],
        b"",
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    std::fs::read_to_string(&out_file).expect("the report is written")
}

/// The maximal runs of consecutive blocks removed for one reason, of two blocks or more.
fn runs(page: &[PageBlock]) -> Vec<(usize, String)> {
    let mut runs: Vec<(usize, String)> = Vec::new();
    let mut last: Option<String> = None;
    for block in page {
        let reason = why(block);
        match (&reason, runs.last_mut()) {
            (Some(r), Some((n, run))) if last.as_ref() == Some(r) && run == r => *n += 1,
            (Some(r), _) => runs.push((1, r.clone())),
            (None, _) => {}
        }
        last = reason;
    }
    runs.into_iter().filter(|(n, _)| *n > 1).collect()
}

/// Each folded row of a report: its count, its reason and the rows inside it.
fn folded_rows(html: &str) -> Vec<(usize, String, usize)> {
    html.split("<details class=\"run ")
        .skip(1)
        .map(|part| {
            let part = &part[..part.find("</details>").expect("the row closes")];
            let count = part
                .split("<span class=\"count\">")
                .nth(1)
                .and_then(|s| s.split(" blocks").next())
                .expect("a count");
            let reason = part
                .split("<span class=\"why\">")
                .nth(1)
                .and_then(|s| s.split("</span>").next())
                .expect("a reason");
            let reason = reason
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
            let rows = part.matches("<p class=\"removed ").count();
            (
                count.parse().expect("a number"),
                reason.replace("&amp;", "&"),
                rows,
            )
        })
        .collect()
}

fn sample(name: &str) -> PathBuf {
    crate::util::sample_source(name)
}

#[test]
fn a_long_menu_folds_into_one_row_with_its_count() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("breakwater.html");
    std::fs::write(&path, menu_page()).expect("written");
    let html = report(&path);
    let folded = folded_rows(&html);
    let menu = folded
        .iter()
        .find(|(n, _, _)| *n >= 24)
        .expect("the menu's 24 links in one row");
    assert_eq!(menu.0, menu.2, "the count is the rows inside");
    assert!(menu.1.starts_with("select: "), "{folded:?}");
    // The folded row comes before the article, and the article is one click away.
    let main = &html[html.find("<main>").expect("a main part")..];
    let article = main
        .find("id=\"article\"")
        .expect("the first kept block is marked");
    assert!(main.find("<details class=\"run").expect("a folded row") < article);
    assert!(html.contains("<a class=\"jump\" href=\"#article\">"));
    assert!(main[article..].starts_with("id=\"article\">The harbour board voted"));
    assert_eq!(html.matches("id=\"article\"").count(), 1);
    assert!(
        !html.contains("<script"),
        "no script: <details> opens on a click"
    );
}

#[test]
fn every_run_of_one_reason_is_one_folded_row_on_the_samples() {
    for name in [
        "seed-news",
        "heavy-boilerplate",
        "news-article",
        "blog-comments",
    ] {
        let path = sample(name);
        let page = blocks_of(&path);
        let folded: Vec<(usize, String)> = folded_rows(&report(&path))
            .into_iter()
            .map(|(count, reason, rows)| {
                assert_eq!(count, rows, "{name}: a row's count is the blocks inside it");
                (count, reason)
            })
            .collect();
        assert_eq!(folded, runs(&page), "{name}");
    }
}

#[test]
fn the_legend_and_the_bar_say_what_the_colours_mean() {
    let path = sample("seed-news");
    let page = blocks_of(&path);
    let html = report(&path);
    let header = &html[..html.find("<main>").expect("a main part")];
    for class in ["kept", "prune", "select", "filter", "dedup"] {
        assert!(
            header.contains(&format!(
                "<span class=\"swatch {class}\"></span><b>{class}</b>"
            )),
            "the legend names {class}"
        );
    }
    // The bar's segments: each stage's share of the page's characters, adding up to the whole.
    let bar = &header[header.find("<div class=\"bar\"").expect("a bar")..];
    let bar = &bar[..bar.find("</div>").expect("the bar closes")];
    let widths: Vec<f64> = bar
        .split("width:")
        .skip(1)
        .map(|s| {
            s[..s.find('%').expect("a percentage")]
                .parse()
                .expect("a number")
        })
        .collect();
    assert!(widths.len() >= 2, "kept and at least one stage: {bar}");
    let total: f64 = widths.iter().sum();
    assert!((total - 100.0).abs() < 0.1, "{total}");
    let chars = |kept: bool| -> usize {
        page.iter()
            .filter(|b| b.removed.is_none() == kept)
            .map(|b| b.text.chars().count())
            .sum()
    };
    let kept_share = chars(true) as f64 * 100.0 / (chars(true) + chars(false)) as f64;
    assert!(bar.contains(&format!("class=\"kept\" style=\"width:{kept_share:.2}%\"")));
    let kept_blocks = page.iter().filter(|b| b.removed.is_none()).count();
    assert!(header.contains(&format!("<b>{kept_blocks}</b> blocks kept")));
}

/// The diff's hunks: each header's old start and reason, and its lines.
fn hunks(diff: &str) -> Vec<(usize, String, Vec<&str>)> {
    let mut hunks: Vec<(usize, String, Vec<&str>)> = Vec::new();
    for line in diff.lines() {
        if let Some(header) = line.strip_prefix("@@ -") {
            let start = header[..header.find(',').expect("a range")]
                .parse()
                .expect("a number");
            let reason = header[header.find(" @@ ").expect("the header closes") + 4..].to_owned();
            hunks.push((start, reason, Vec::new()));
        } else {
            hunks.last_mut().expect("a hunk header first").2.push(line);
        }
    }
    hunks
}

#[test]
fn every_removed_line_of_the_diff_is_in_a_hunk_of_its_own_reason() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let menu = dir.path().join("breakwater.html");
    std::fs::write(&menu, menu_page()).expect("written");
    for path in [
        menu,
        sample("seed-news"),
        sample("heavy-boilerplate"),
        sample("blog-comments"),
    ] {
        let page = blocks_of(&path);
        let out = crate::util::run(
            ["--diff", "--color", "never", &path.display().to_string()],
            b"",
        );
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        let mut removed_shown = 0;
        let mut next_free = 0;
        for (start, reason, lines) in hunks(&out.stdout) {
            assert!(start > next_free, "hunks in order, never overlapping");
            next_free = start - 1 + lines.len();
            for (k, line) in lines.iter().enumerate() {
                let block = &page[start - 1 + k];
                assert_eq!(&line[1..], block.text, "line {} of the page", start + k);
                if line.starts_with('-') {
                    assert_eq!(
                        why(block).as_deref(),
                        Some(reason.as_str()),
                        "{}",
                        path.display()
                    );
                    removed_shown += 1;
                } else {
                    assert!(line.starts_with(' ') && block.removed.is_none());
                }
            }
        }
        let removed = page.iter().filter(|b| b.removed.is_some()).count();
        assert_eq!(removed_shown, removed, "every removed block shown once");
    }
}
