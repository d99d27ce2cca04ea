//! Python bindings of unchaff: `unchaff.extract(html)` gives the article of a page and its
//! metadata. The Python package (`unchaff/__init__.py`) re-exports what this module defines;
//! its types are described in `unchaff/_unchaff.pyi`.
//!
//! Extraction runs with the interpreter released, so threads extract pages in parallel. A panic
//! in the library becomes an `ExtractionError` rather than crossing into Python.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::exceptions::{PyException, PyTypeError, PyUnicodeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyDict, PyString};

mod site;

pyo3::create_exception!(
    unchaff,
    ExtractionError,
    PyException,
    "The input is not a page unchaff can read; `kind` says why: \"binary\", \"too_large\", \"internal\" (a bug) or \"other\"."
);

/// A page as Python hands it over: text, or bytes whose encoding is found as the CLI finds it.
enum Page {
    Text(PyBackedStr),
    Bytes(PyBackedBytes),
}

impl Page {
    fn from_object(object: &Bound<'_, PyAny>) -> PyResult<Page> {
        if let Ok(text) = object.extract::<PyBackedStr>() {
            return Ok(Page::Text(text));
        }
        if let Ok(bytes) = object.extract::<PyBackedBytes>() {
            return Ok(Page::Bytes(bytes));
        }
        if object.is_instance_of::<PyString>() {
            // A str that cannot be encoded as UTF-8 holds a lone surrogate (from a
            // `surrogateescape` decode, or a cut UTF-16 pair).
            return Err(PyUnicodeError::new_err(
                "html is a str that is not valid Unicode (it holds a lone surrogate); pass the \
                 page's bytes instead, or encode it with errors=\"replace\" first",
            ));
        }
        let name = object.get_type().name()?;
        Err(PyTypeError::new_err(format!(
            "html must be str or bytes, not {name}"
        )))
    }

    /// The library's extraction: bytes are decoded first, with `content_type`'s charset.
    fn extract(
        &self,
        content_type: Option<&str>,
        config: &unchaff::Config,
    ) -> Result<unchaff::Extraction, unchaff::Error> {
        match self {
            Page::Text(text) => unchaff::extract(text, config),
            Page::Bytes(bytes) => unchaff::extract_response(bytes, content_type, config),
        }
    }
}

/// The article of one page, its metadata and how much was removed.
#[pyclass(frozen, module = "unchaff", name = "Extraction")]
struct Extraction {
    page: unchaff::Extraction,
    text: String,
    options: unchaff::RenderOptions,
    /// The caller's address of the page, which outranks the page's own in `url`.
    url: Option<String>,
    /// The comments as text, when they were asked for.
    comments: Option<String>,
}

#[pymethods]
impl Extraction {
    /// The article as plain text.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    /// Whether no article text was found (only with `allow_empty`, or after `SiteProfile.filter`).
    #[getter]
    fn is_empty(&self) -> bool {
        self.page.is_empty()
    }

    /// The article as Markdown (CommonMark with GFM tables).
    fn markdown(&self, py: Python<'_>) -> String {
        py.detach(|| self.page.markdown(&self.options))
    }

    /// The page's comments as plain text when `comments` was asked for ("" when it has none),
    /// else None.
    #[getter]
    fn comments(&self) -> Option<&str> {
        self.comments.as_deref()
    }

    /// The article as clean HTML: a fragment, or a whole document with `standalone`; the
    /// comments, when asked for and found, follow in a `<section>` unless `comments` is False.
    #[pyo3(signature = (*, standalone = false, comments = true))]
    fn html(&self, py: Python<'_>, standalone: bool, comments: bool) -> String {
        let options = self.options.clone().with_standalone(standalone);
        if comments || self.page.comments.is_empty() {
            return py.detach(|| self.page.html(&options));
        }
        let mut article = self.page.clone();
        article.comments.clear();
        py.detach(|| article.html(&options))
    }

    /// The object the command line's `--format json` gives, without `path`: `markdown`, `html`
    /// and `explain` add those keys as `--with markdown,html` and `--explain` do.
    #[pyo3(signature = (*, markdown = false, html = false, explain = false))]
    fn to_dict<'py>(
        &self,
        py: Python<'py>,
        markdown: bool,
        html: bool,
        explain: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let json = self.to_json(py, markdown, html, explain)?;
        py.import("json")?.call_method1("loads", (json,))
    }

    /// `to_dict` as a JSON string on one line, as the command line prints it with `--jsonl`.
    #[pyo3(signature = (*, markdown = false, html = false, explain = false))]
    fn to_json(
        &self,
        py: Python<'_>,
        markdown: bool,
        html: bool,
        explain: bool,
    ) -> PyResult<String> {
        let extras = unchaff::RecordExtras {
            markdown,
            html,
            explain,
            comments: self.comments.is_some(),
        };
        let url = self.url.as_deref();
        // Serialising strings and numbers cannot fail; the error is passed on all the same.
        py.detach(|| serde_json::to_string(&self.page.record(url, extras, &self.options)))
            .map_err(|e| extraction_error(py, &e.to_string(), "internal"))
    }

    #[getter]
    fn title(&self) -> Option<&str> {
        self.page.title.as_deref()
    }

    #[getter]
    fn authors(&self) -> Vec<String> {
        self.page.metadata.authors.clone()
    }

    #[getter]
    fn byline(&self) -> Option<&str> {
        self.page.metadata.byline.as_deref()
    }

    #[getter]
    fn date(&self) -> Option<&str> {
        self.page.metadata.date.as_deref()
    }

    #[getter]
    fn site_name(&self) -> Option<&str> {
        self.page.metadata.site_name.as_deref()
    }

    #[getter]
    fn language(&self) -> Option<&str> {
        self.page.metadata.language.as_deref()
    }

    #[getter]
    fn description(&self) -> Option<&str> {
        self.page.metadata.description.as_deref()
    }

    #[getter]
    fn image(&self) -> Option<&str> {
        self.page.metadata.image.as_deref()
    }

    #[getter]
    fn tags(&self) -> Vec<String> {
        self.page.metadata.tags.clone()
    }

    /// The page's address: the caller's `url`, else the one the page declares.
    #[getter]
    fn url(&self) -> Option<&str> {
        self.url.as_deref().or(self.page.url.as_deref())
    }

    /// The address the page declares (`<link rel=canonical>`, `og:url`).
    #[getter]
    fn canonical_url(&self) -> Option<&str> {
        self.page.url.as_deref()
    }

    /// The name of the encoding the page was read in.
    #[getter]
    fn encoding(&self) -> &'static str {
        self.page.encoding
    }

    /// Blocks and characters kept and removed.
    #[getter]
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let stats = self.page.stats();
        let dict = PyDict::new(py);
        dict.set_item("blocks", stats.blocks)?;
        dict.set_item("chars", stats.chars)?;
        dict.set_item("removed_blocks", stats.removed_blocks)?;
        dict.set_item("removed_chars", stats.removed_chars)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "<unchaff.Extraction title={:?} chars={}>",
            self.page.title.as_deref().unwrap_or(""),
            self.page.stats().chars
        )
    }
}

/// What `extract` and `extract_batch` take besides the page: the command line's flags.
#[derive(Debug, Clone)]
struct Settings {
    include_title: bool,
    images: bool,
    links: bool,
    tables: bool,
    precision: bool,
    recall: bool,
    target_language: Option<String>,
    /// Return the comment thread apart from the article.
    comments: bool,
    /// Give pages without article text too (`is_empty`), rather than None.
    allow_empty: bool,
}

impl Settings {
    /// The library's settings; `explain` is on, so that `stats` counts what was removed.
    fn config(&self) -> PyResult<unchaff::Config> {
        let mut config = unchaff::Config::default();
        config.include_title = self.include_title;
        config.explain = true;
        config.tables = self.tables;
        config.comments = self.comments;
        config.target_language = self.target_language.clone();
        config.focus = match (self.precision, self.recall) {
            (true, true) => {
                return Err(PyValueError::new_err(
                    "precision and recall pull opposite ways: ask for one of them",
                ));
            }
            (true, false) => unchaff::Focus::Precision,
            (false, true) => unchaff::Focus::Recall,
            (false, false) => unchaff::Focus::Balanced,
        };
        Ok(config)
    }

    fn options(&self, url: Option<&str>) -> unchaff::RenderOptions {
        let options = unchaff::RenderOptions::default()
            .with_images(self.images)
            .with_links(self.links);
        match url {
            Some(url) => options.with_base_url(url),
            None => options,
        }
    }
}

/// One page's extraction with the interpreter released and panics caught: the page, or the
/// message and `kind` of its `ExtractionError`.
fn extract_page(
    html: &Page,
    content_type: Option<&str>,
    config: &unchaff::Config,
) -> Result<unchaff::Extraction, (String, &'static str)> {
    match catch_unwind(AssertUnwindSafe(|| html.extract(content_type, config))) {
        Ok(Ok(page)) => Ok(page),
        Ok(Err(error)) => Err((error.to_string(), kind(&error))),
        Err(_) => Err((
            "internal error while extracting the page (a bug in unchaff)".to_owned(),
            "internal",
        )),
    }
}

impl Extraction {
    /// The Python object of a page, or None when it has no article text.
    fn wrap(
        page: unchaff::Extraction,
        settings: &Settings,
        url: Option<String>,
    ) -> Option<Extraction> {
        if page.is_empty() && !settings.allow_empty {
            return None;
        }
        Some(Extraction {
            text: page.text(),
            comments: settings.comments.then(|| page.comments_text()),
            options: settings.options(url.as_deref()),
            page,
            url,
        })
    }
}

/// Extracts the article from a page: `str`, or `bytes` in any encoding (BOM, `content_type`'s
/// charset, `<meta charset>`, detection). None when the page has no article text.
#[pyfunction]
#[pyo3(signature = (
    html, /, *, url = None, content_type = None, include_title = true, images = false,
    links = true, tables = true, precision = false, recall = false, target_language = None,
    comments = false, allow_empty = false
))]
#[allow(clippy::too_many_arguments)]
fn extract(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    url: Option<String>,
    content_type: Option<String>,
    include_title: bool,
    images: bool,
    links: bool,
    tables: bool,
    precision: bool,
    recall: bool,
    target_language: Option<String>,
    comments: bool,
    allow_empty: bool,
) -> PyResult<Option<Extraction>> {
    let html = Page::from_object(html)?;
    let settings = Settings {
        include_title,
        images,
        links,
        tables,
        precision,
        recall,
        target_language,
        comments,
        allow_empty,
    };
    let config = settings.config()?;
    if matches!(html, Page::Text(_)) && content_type.is_some() {
        return Err(PyTypeError::new_err(
            "content_type applies to bytes only: a str is already decoded",
        ));
    }
    let page = py
        .detach(|| extract_page(&html, content_type.as_deref(), &config))
        .map_err(|(message, kind)| extraction_error(py, &message, kind))?;
    Ok(Extraction::wrap(page, &settings, url))
}

/// The `kind` of an `ExtractionError` for a library error.
fn kind(error: &unchaff::Error) -> &'static str {
    match error.kind() {
        unchaff::ErrorKind::Binary { .. } => "binary",
        unchaff::ErrorKind::TooLarge { .. } => "too_large",
        unchaff::ErrorKind::OverBudget(_) => "over_budget",
        _ => "other",
    }
}

/// An `ExtractionError` with its `kind` attribute set.
fn extraction_error(py: Python<'_>, message: &str, kind: &str) -> PyErr {
    let error = ExtractionError::new_err(message.to_owned());
    if let Err(e) = error.value(py).setattr("kind", kind) {
        return e;
    }
    error
}

/// unchaff extracts the main article of a web page as text, Markdown or HTML, with its metadata.
#[pymodule]
mod _unchaff {
    #[pymodule_export]
    use super::site::{SiteProfile, extract_batch, host_of};
    #[pymodule_export]
    use super::{Extraction, ExtractionError, extract};
}
