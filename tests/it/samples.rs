//! One trial per directory under `samples/`: extract `source.html`, compare with `expected.txt`
//! (and `expected.md`, `expected.html` where the sample has them).
//!
//! A mismatch prints a line diff. `BLESS=1 cargo test` writes the actual output to the expected
//! files instead; review the change with `git diff samples/` before committing it.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use similar::TextDiff;

use crate::util;
use unchaff_read_back::{normal, read_back};

/// Declares the trials: one `#[test]` per sample, and the list `every_sample_has_a_trial` checks.
macro_rules! samples {
    ($($test:ident: $dir:literal),* $(,)?) => {
        const TRIALS: &[&str] = &[$($dir),*];
        $(
            #[test]
            fn $test() {
                check_sample($dir);
            }
        )*
    };
}

samples! {
    news_article: "news-article",
    blog_comments: "blog-comments",
    docs_code: "docs-code",
    data_table: "data-table",
    legacy_1251: "legacy-1251",
    split_divs: "split-divs",
    heavy_boilerplate: "heavy-boilerplate",
    short_two_paragraphs: "short-two-paragraphs",
    seed_news: "seed-news",
    seed_news_appeal_inside: "seed-news-appeal-inside",
    seed_news_de: "seed-news-de",
    formatted_article: "formatted-article",
    sphinx_math: "sphinx-math",
    wiki_formulas: "wiki-formulas",
    mkdocs_code: "mkdocs-code",
    arxiv_latexml: "arxiv-latexml",
    stackexchange_mathjax: "stackexchange-mathjax",
    jupyter_notebook: "jupyter-notebook",
    docusaurus_docs: "docusaurus-docs",
    docusaurus_params: "docusaurus-params",
    wiki_rowspan: "wiki-rowspan",
    newsletter_layout: "newsletter-layout",
}

/// The formulas' TeX and the code blocks' lines of the technical samples, which every output
/// must keep (the HTML with `&`, `<`, `>` escaped).
const TECHNICAL: &[(&str, &[&str])] = &[
    (
        "sphinx-math",
        &[
            r"(x_i, y_i)",
            r"\hat\beta = (X^T X)^{-1} X^T y",
            r"S(\beta) = \sum_{i=1}^{n} \left(y_i - f(x_i, \beta)\right)^2",
            r"\lVert X\beta - y \rVert_2",
            "O(n p^2)",
            ">>> beta, res = numkit.lstsq(X, y)\n>>> res < 1e-8\nTrue",
        ],
    ),
    (
        "wiki-formulas",
        &[
            r"x_{1},\ldots ,x_{n}",
            r"H={\frac {n}{\sum _{i=1}^{n}{\frac {1}{x_{i}}}}}.",
            r"H = \frac{2 a b}{a + b}",
        ],
    ),
    (
        "mkdocs-code",
        &[
            r"t_k \sim U(0, \min(c, b \cdot 2^k))",
            "from gullwing import Client, Backoff\n\nclient = Client(retries=5,",
            "gullwing get --retries 5 \\\n    --backoff-base 0.1 https://api.example.org/items",
            "spreads retries more evenly",
        ],
    ),
    (
        "arxiv-latexml",
        &[
            r"\hat{w}_{t}=(X_{t}^{\top}X_{t}+\lambda I)^{-1}X_{t}^{\top}y_{t}",
            r"x_{t+1}",
            r"k\ll d",
            r"O(d^{2})",
        ],
    ),
    (
        "stackexchange-mathjax",
        &[
            r"\sum_{n=0}^\infty r^n",
            r"\frac{1}{1-r}",
            r"S_N = \frac{1 - r^{N+1}}{1 - r}",
            r"r^{N+1} \to 0",
            "for n in range(10):\n    s += r ** n\n    print(n, s)",
        ],
    ),
    (
        "jupyter-notebook",
        &[
            r"N(t) = N_0 e^{-\lambda t}",
            r"t_{1/2} = \frac{\ln 2}{\lambda}",
            "half_life = np.log(2) / -slope\nprint(f\"half-life: {half_life:.1f} s\")",
        ],
    ),
    (
        "docusaurus-docs",
        &[
            r"d_n = \text{rand}(0,\ \min(d_{\max},\ d_0 \cdot 2^{n}))",
            "d_0",
            "import { Client, Backoff } from \"@tern/client\";\n\nconst client = new Client({\n  retries: 5,",
            "  backoff: new Backoff({ base: 200, cap: 20_000 }),\n});",
            "the server sees the same spike again at every step",
        ],
    ),
];

#[test]
fn a_price_on_a_page_with_formulas_stays_a_price() {
    let source =
        fs::read(util::samples_dir().join("jupyter-notebook/source.html")).expect("sample");
    let page = unchaff::extract_bytes(&source, &unchaff::Config::default()).expect("extracts");
    assert!(page.text().contains("cost less than $2 to measure"));
    let markdown = page.markdown(&unchaff::RenderOptions::default());
    assert!(
        markdown.contains(r"cost less than \$2 to measure"),
        "{markdown}"
    );
}

#[test]
fn formulas_and_code_survive_every_output() {
    for (name, kept) in TECHNICAL {
        let source = fs::read(util::samples_dir().join(name).join("source.html"))
            .unwrap_or_else(|err| panic!("{name}: {err}"));
        let page = unchaff::extract_bytes(&source, &unchaff::Config::default())
            .unwrap_or_else(|err| panic!("{name}: {err}"));
        let options = unchaff::RenderOptions::default();
        let outputs = [
            ("text", page.text(), false),
            ("markdown", page.markdown(&options), false),
            ("html", page.html(&options), true),
        ];
        for piece in *kept {
            for (format, output, escaped) in &outputs {
                let piece = if *escaped {
                    piece
                        .replace('&', "&amp;")
                        .replace('<', "&lt;")
                        .replace('>', "&gt;")
                } else {
                    (*piece).to_owned()
                };
                assert!(
                    output.contains(&piece),
                    "{name}: the {format} output lost {piece:?}:\n{output}"
                );
            }
        }
        // Line numbers and the copy button are not what a reader copies.
        let text = page.text();
        assert!(
            !text.contains("Copy\n") && !text.contains("\n1\n2\n3"),
            "{name}:\n{text}"
        );
    }
}

fn blessing() -> bool {
    std::env::var_os("BLESS").is_some_and(|value| value == "1")
}

fn check_sample(name: &str) {
    let dir = util::samples_dir().join(name);
    let source = fs::read(dir.join("source.html"))
        .unwrap_or_else(|err| panic!("{name}: cannot read source.html: {err}"));
    let extraction = unchaff::extract_bytes(&source, &unchaff::Config::default())
        .unwrap_or_else(|err| panic!("{name}: extraction failed: {err}"));
    let text = extraction.text();
    let markdown = extraction.markdown(&unchaff::RenderOptions::default());
    compare(name, &dir, "expected.txt", &text);
    // Markdown and HTML are pinned where a sample has them; every sample's Markdown reads back
    // as its text.
    for (file, actual) in [
        ("expected.md", markdown.clone()),
        (
            "expected.html",
            extraction.html(&unchaff::RenderOptions::default()),
        ),
    ] {
        if dir.join(file).exists() {
            compare(name, &dir, file, &actual);
        }
    }
    assert_eq!(
        read_back(&markdown),
        normal(&text),
        "sample {name}: the Markdown does not read back as the text:\n{markdown}"
    );
}

/// Compares `actual` with the sample's `file`, or writes it there with `BLESS=1`.
fn compare(name: &str, dir: &Path, file: &str, actual: &str) {
    let actual = util::with_final_newline(actual);
    let expected_path = dir.join(file);
    if blessing() {
        fs::write(&expected_path, &actual)
            .unwrap_or_else(|err| panic!("{name}: cannot write {file}: {err}"));
        return;
    }
    let expected = fs::read_to_string(&expected_path)
        .unwrap_or_else(|err| panic!("{name}: cannot read {file}: {err}"));
    let expected = util::with_final_newline(&expected);
    if actual != expected {
        let diff = TextDiff::from_lines(&expected, &actual)
            .unified_diff()
            .header(file, "actual")
            .to_string();
        panic!("sample {name}: output differs from {file} (BLESS=1 rewrites it)\n{diff}");
    }
}

#[test]
fn every_sample_has_a_trial() {
    let on_disk: BTreeSet<String> = fs::read_dir(util::samples_dir())
        .expect("samples/ is readable")
        .map(|entry| entry.expect("samples/ entry is readable"))
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_dir()))
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    let declared: BTreeSet<String> = TRIALS.iter().map(|name| (*name).to_owned()).collect();
    assert_eq!(declared.len(), TRIALS.len(), "a sample is declared twice");

    let untested: Vec<_> = on_disk.difference(&declared).collect();
    let missing: Vec<_> = declared.difference(&on_disk).collect();
    assert!(
        untested.is_empty(),
        "sample directories without a trial (add them to `samples!`): {untested:?}"
    );
    assert!(
        missing.is_empty(),
        "trials without a sample directory: {missing:?}"
    );
}

#[test]
fn every_sample_has_source_and_expected() {
    for name in TRIALS {
        let dir = util::samples_dir().join(name);
        for file in ["source.html", "expected.txt"] {
            assert!(dir.join(file).is_file(), "samples/{name}/{file} is missing");
        }
    }
}
