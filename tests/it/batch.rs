//! Batch runs: a site's template is learned across its pages and removed, whatever the order.

use std::path::PathBuf;

use crate::util::{run, with_final_newline};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/site-batch")
        .join(name)
}

fn page(n: usize) -> PathBuf {
    fixture(&format!("page{n}.html"))
}

fn expected(n: usize) -> String {
    let path = fixture(&format!("expected/page{n}.txt"));
    with_final_newline(&std::fs::read_to_string(path).expect("expected file"))
}

/// Runs the binary on pages in the given order; returns each page's text by page number.
fn batch(order: &[usize], extra: &[&str]) -> Vec<(usize, String)> {
    let mut args: Vec<String> = vec!["--jsonl".into()];
    args.extend(extra.iter().map(|s| s.to_string()));
    args.extend(order.iter().map(|&n| page(n).display().to_string()));
    let out = run(&args, b"");
    assert_eq!(out.code, Some(0), "stderr: {}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), order.len());
    let mut texts: Vec<(usize, String)> = order
        .iter()
        .zip(lines)
        .map(|(&n, line)| {
            let record: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            assert_eq!(record["path"], page(n).display().to_string());
            (n, record["text"].as_str().expect("text").to_owned())
        })
        .collect();
    texts.sort();
    texts
}

#[test]
fn shared_blocks_go_and_every_article_stays_whole() {
    for (n, text) in batch(&[1, 2, 3, 4, 5], &[]) {
        assert_eq!(text, expected(n), "page {n}");
    }
}

#[test]
fn the_order_of_the_inputs_does_not_matter() {
    let reference = batch(&[1, 2, 3, 4, 5], &["-j1"]);
    // A few fixed shuffles, each page first and last at least once, on one thread and on two
    // (where which of a site's pages the workers finish first varies from run to run).
    for order in [
        [5, 4, 3, 2, 1],
        [3, 1, 5, 2, 4],
        [2, 5, 1, 4, 3],
        [4, 3, 2, 5, 1],
    ] {
        for jobs in ["-j1", "-j2"] {
            assert_eq!(batch(&order, &[jobs]), reference, "order {order:?} {jobs}");
        }
    }
}

#[test]
fn pages_alone_keep_the_site_template() {
    let out = run([page(1).display().to_string()], b"");
    assert_eq!(out.code, Some(0));
    assert!(out.stdout.contains("Subscribe to our newsletter"));
    let texts = batch(&[1, 2, 3, 4, 5], &["--no-cross-page"]);
    assert!(
        texts
            .iter()
            .all(|(_, t)| t.contains("Subscribe to our newsletter"))
    );
}

#[test]
fn a_site_profile_carries_over_to_the_next_run() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let profile = dir.path().join("site.json");
    let profile_arg = profile.display().to_string();
    batch(&[1, 2, 3], &["--site-profile", &profile_arg]);
    assert!(profile.exists(), "the profile is saved");
    // Two pages alone are too few to tell a template; with the first three remembered they are not.
    let alone = batch(&[4, 5], &[]);
    assert!(
        alone
            .iter()
            .all(|(_, t)| t.contains("Subscribe to our newsletter"))
    );
    for (n, text) in batch(&[4, 5], &["--site-profile", &profile_arg]) {
        assert_eq!(text, expected(n), "page {n}");
    }
    // Seeing the same pages again changes nothing.
    let again = batch(&[4, 5], &["--site-profile", &profile_arg]);
    assert_eq!(again, batch(&[4, 5], &["--site-profile", &profile_arg]));
}

#[test]
fn a_damaged_site_profile_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let profile = dir.path().join("site.json");
    std::fs::write(&profile, "not json").expect("written");
    let out = run(
        [
            "--site-profile".to_owned(),
            profile.display().to_string(),
            page(1).display().to_string(),
        ],
        b"",
    );
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("site.json"), "{}", out.stderr);
    assert_eq!(out.stderr.lines().count(), 1);
}
