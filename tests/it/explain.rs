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
            .contains("removed  | select: outside the article body | Skip to content")
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
