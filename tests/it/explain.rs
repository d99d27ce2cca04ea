//! The page record behind `--explain`: every visible block once, kept exactly as extracted.

use std::path::PathBuf;

use unchaff::{Config, Stage};

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn kept_blocks_are_the_extracted_text_on_every_sample() {
    let mut config = Config::default();
    config.explain = true;
    config.include_title = false;
    let samples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut checked = 0;
    for entry in std::fs::read_dir(samples).expect("samples folder") {
        let source = entry.expect("entry").path().join("source.html");
        let bytes = std::fs::read(&source).expect("readable sample");
        let page = unchaff::extract_bytes(&bytes, &config).expect("extracts");
        let kept: String = page
            .page
            .iter()
            .filter(|b| b.removed.is_none())
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(words(&kept), words(&page.text()), "{}", source.display());
        assert!(
            page.page.iter().any(|b| b.removed.is_some()),
            "{}: every sample has chaff",
            source.display()
        );
        assert!(page.page.iter().all(|b| {
            b.removed
                .as_ref()
                .is_none_or(|(stage, _)| *stage != Stage::Prune || !b.text.is_empty())
        }),);
        checked += 1;
    }
    assert!(checked >= 8);
}

#[test]
fn the_seed_page_explains_its_chaff() {
    let mut config = Config::default();
    config.explain = true;
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/seed-news/source.html");
    let page =
        unchaff::extract_bytes(&std::fs::read(path).expect("readable"), &config).expect("extracts");
    let removed = |needle: &str| {
        page.page
            .iter()
            .filter(|b| b.text.contains(needle))
            .all(|b| b.removed.is_some())
    };
    assert!(removed("Become a Patron"));
    assert!(removed("Become a patron or see other ways"));
    assert!(removed("Read also"));
    assert!(removed("an illustrative image/ Source: Facebook"));
    assert!(removed("Tags:"));
    let kept = |needle: &str| {
        page.page
            .iter()
            .any(|b| b.text.contains(needle) && b.removed.is_none())
    };
    assert!(kept("supporting the Ukrainian Peace Formula"));
    assert!(kept("after Sweden joins the Alliance."));
}

fn seed() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("samples/seed-news/source.html")
        .display()
        .to_string()
}

#[test]
fn diff_marks_the_seed_chaff_removed_and_the_article_kept() {
    let out = crate::util::run(["--diff", "--color", "never", &seed()], b"");
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    let removed = |needle: &str| {
        lines
            .iter()
            .any(|l| l.starts_with('-') && l.contains(needle))
    };
    let kept = |needle: &str| {
        lines
            .iter()
            .any(|l| l.starts_with(' ') && l.contains(needle))
    };
    assert!(removed("Become a Patron!"));
    assert!(removed("Become a patron or see other ways to"));
    assert!(removed("Read also:"));
    assert!(removed("Tags:"));
    assert!(removed("an illustrative image/ Source: Facebook"));
    assert!(kept("after Sweden joins the Alliance."));
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with('-') && l.contains("Zhovkva wrote"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("@@") && l.contains("cue"))
    );
    assert!(
        !out.stdout.contains('\x1b'),
        "no colour when asked for none"
    );
}

#[test]
fn diff_colour_follows_the_flag() {
    let out = crate::util::run(["--diff", "--color", "always", &seed()], b"");
    assert!(out.stdout.contains("\x1b[31m-"));
    // Not a terminal: auto means no colour.
    let out = crate::util::run(["--diff", &seed()], b"");
    assert!(!out.stdout.contains('\x1b'));
}

#[test]
fn explain_lists_every_block_with_its_reason() {
    let out = crate::util::run(["--explain", &seed()], b"");
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout
            .lines()
            .all(|l| l.starts_with("kept     | ") || l.starts_with("removed  | "))
    );
    assert!(
        out.stdout
            .contains("removed  | prune: a link for screen readers to a place on the page, not what a reader copies | Skip to content")
    );
    assert!(
        out.stdout
            .contains("kept     | The Netherlands, Belgium, and Ukraine agree")
    );
    let json = crate::util::run(["--explain", "--jsonl", &seed()], b"");
    let record: serde_json::Value =
        serde_json::from_str(json.stdout.lines().next().expect("a line")).expect("JSON");
    let blocks = record["explain"].as_array().expect("explain list");
    assert!(
        blocks
            .iter()
            .any(|b| b["kept"] == false && b["stage"] == "dedup")
    );
    assert!(blocks.iter().any(|b| b["kept"] == true));
}

/// The text inside each `<p>` of a report's main part, with its class attribute.
fn report_paragraphs(html: &str) -> Vec<(String, String)> {
    let main = &html[html.find("<main>").expect("a main part")..];
    main.split("<p class=\"")
        .skip(1)
        .map(|part| {
            let class = part[..part.find('"').expect("class ends")].to_owned();
            let inner = &part[part.find('>').expect("tag ends") + 1..];
            let text = inner
                .trim_start_matches("<del>")
                .split("</del>")
                .next()
                .expect("text")
                .split("</p>")
                .next()
                .expect("text")
                .to_owned();
            (class, text)
        })
        .collect()
}

#[test]
fn the_report_shows_every_block_once_with_the_class_of_its_stage() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let report = dir.path().join("report.html");
    let out = crate::util::run(
        ["--report".to_owned(), report.display().to_string(), seed()],
        b"",
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let html = std::fs::read_to_string(&report).expect("the report is written");
    assert!(
        !html.contains("<script") && !html.contains("http"),
        "self-contained, nothing loaded"
    );
    let mut config = Config::default();
    config.explain = true;
    let page = unchaff::extract_bytes(&std::fs::read(seed()).expect("readable"), &config)
        .expect("extracts");
    let shown = report_paragraphs(&html);
    assert_eq!(shown.len(), page.page.len(), "one paragraph per block");
    for ((class, _), block) in shown.iter().zip(&page.page) {
        match &block.removed {
            None => assert_eq!(class, "kept"),
            Some((stage, _)) => {
                assert_eq!(
                    *class,
                    format!("removed {}", format!("{stage:?}").to_lowercase())
                )
            }
        }
    }
    assert!(html.contains("cue &quot;read also&quot;"));
}

#[test]
fn several_inputs_get_a_folder_of_reports_and_an_index() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let target = dir.path().join("reports");
    let other = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("samples/news-article/source.html")
        .display()
        .to_string();
    let out = crate::util::run(
        [
            "--report".to_owned(),
            target.display().to_string(),
            seed(),
            other,
        ],
        b"",
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let index = std::fs::read_to_string(target.join("index.html")).expect("an index");
    assert_eq!(index.matches("<a href=").count(), 2);
    assert!(target.join("0000-source.html").exists() && target.join("0001-source.html").exists());
}

/// Compares a CLI view of a sample with its golden file; `BLESS=1` rewrites the file.
fn golden(sample: &str, view: &str) {
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(sample)
        .join("source.html");
    let out = crate::util::run(
        [
            format!("--{view}"),
            "--color".into(),
            "never".into(),
            source.display().to_string(),
        ],
        b"",
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{sample}.{view}.txt"));
    if std::env::var_os("BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("golden folder");
        std::fs::write(&path, &out.stdout).expect("golden file written");
        return;
    }
    let expected = std::fs::read_to_string(&path).expect("golden file (BLESS=1 writes it)");
    if expected != out.stdout {
        let diff = similar::TextDiff::from_lines(&expected, &out.stdout);
        panic!(
            "{sample} --{view} differs from {} (BLESS=1 rewrites it):\n{}",
            path.display(),
            diff.unified_diff().header("golden", "actual")
        );
    }
}

#[test]
fn golden_explain_and_diff() {
    for sample in ["seed-news", "heavy-boilerplate"] {
        golden(sample, "explain");
        golden(sample, "diff");
    }
}
