//! The site-template pass from Python: `SiteProfile` (what the command line's batch learns of
//! each site's template, and `--site-profile` keeps) and `extract_batch`, which extracts many
//! pages in parallel and removes each site's template as the command line's batch does.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyType};

use crate::{Extraction, Page, Settings, extract_page, extraction_error};

/// What pages have shown of each site's template: on how many pages each piece of text was seen.
#[pyclass(module = "unchaff", name = "SiteProfile")]
#[derive(Default)]
pub struct SiteProfile {
    profile: unchaff::SiteProfile,
}

#[pymethods]
impl SiteProfile {
    #[new]
    fn new() -> SiteProfile {
        SiteProfile::default()
    }

    /// Counts the blocks of one page of `site`; a page seen again counts once. None (what
    /// `extract` gives for a page without article unless `allow_empty`) counts as a page with
    /// no text, as the command line counts it.
    fn observe(&mut self, site: &str, page: Option<PyRef<'_, Extraction>>) -> PyResult<()> {
        match page {
            Some(page) => self.profile.observe(site, &page.page),
            None => {
                let empty = unchaff::extract("", &unchaff::Config::default())
                    .map_err(|e| PyValueError::new_err(e.to_string()))?;
                self.profile.observe(site, &empty);
            }
        }
        Ok(())
    }

    /// The page without the blocks that recur on many observed pages of `site`, as a new
    /// `Extraction` (`is_empty` when nothing is left); None for None. Sites with fewer than three
    /// pages observed keep everything.
    fn filter(
        &self,
        py: Python<'_>,
        site: &str,
        page: Option<PyRef<'_, Extraction>>,
    ) -> Option<Extraction> {
        let page = page?;
        let mut filtered = page.page.clone();
        py.detach(|| self.profile.filter(site, &mut filtered));
        Some(page.clone_view(filtered))
    }

    /// Number of pages observed for `site`.
    fn pages(&self, site: &str) -> usize {
        self.profile.pages(site)
    }

    /// The profile as JSON bytes, the command line's `--site-profile` file.
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let mut json = Vec::new();
        self.profile
            .save(&mut json)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(PyBytes::new(py, &json))
    }

    /// A profile from `to_bytes`' bytes or a `--site-profile` file's.
    #[classmethod]
    fn from_bytes(_cls: &Bound<'_, PyType>, data: &[u8]) -> PyResult<SiteProfile> {
        let profile = unchaff::SiteProfile::load(data)
            .map_err(|e| PyValueError::new_err(format!("not a site profile: {e}")))?;
        Ok(SiteProfile { profile })
    }

    /// Writes the profile to `path` (as `--site-profile` does).
    fn save(&self, py: Python<'_>, path: std::path::PathBuf) -> PyResult<()> {
        let json = self.to_bytes(py)?;
        std::fs::write(&path, json.as_bytes())?;
        Ok(())
    }

    /// Reads a profile that `save` or the command line's `--site-profile` wrote.
    #[classmethod]
    fn load(cls: &Bound<'_, PyType>, path: std::path::PathBuf) -> PyResult<SiteProfile> {
        let data = std::fs::read(&path)?;
        Self::from_bytes(cls, &data)
            .map_err(|e| PyValueError::new_err(format!("{}: {e}", path.display())))
    }

    /// Pickled as its JSON, so that Spark can broadcast it and Ray ship it.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyBytes>,))> {
        let from_bytes = slf.get_type().getattr("from_bytes")?;
        Ok((from_bytes, (slf.borrow().to_bytes(py)?,)))
    }

    fn __repr__(&self) -> String {
        let json = serde_json::to_value(&self.profile).unwrap_or_default();
        let sites = json
            .get("sites")
            .and_then(|s| s.as_object())
            .map_or(0, |s| s.len());
        format!("<unchaff.SiteProfile sites={sites}>")
    }
}

impl Extraction {
    /// The same view (url, render options) of another state of the page.
    fn clone_view(&self, page: unchaff::Extraction) -> Extraction {
        Extraction {
            text: page.text(),
            comments: self.comments.is_some().then(|| page.comments_text()),
            page,
            options: self.options.clone(),
            url: self.url.clone(),
        }
    }
}

/// The host of a URL, lower-cased and without `www.`: the key grouping a site's pages.
#[pyfunction]
pub fn host_of(url: &str) -> Option<String> {
    unchaff::host_of(url)
}

/// Extracts many pages in parallel, and, with `cross_page`, removes each site's template as
/// the command line's batch does: a page's site is the host of its `urls` entry, else of the
/// address it declares, else `""`. Returns, in order, an `Extraction`, None (no article) or the
/// `ExtractionError` (not raised) of each page. A `profile` given is updated with the batch
/// and used to filter it, as `--site-profile` is.
#[pyfunction]
#[pyo3(signature = (
    pages, /, *, urls = None, cross_page = true, profile = None, threads = None,
    include_title = true, images = false, links = true, tables = true, precision = false,
    recall = false, target_language = None, comments = false, allow_empty = false
))]
#[allow(clippy::too_many_arguments)]
pub fn extract_batch(
    py: Python<'_>,
    pages: Vec<Bound<'_, PyAny>>,
    urls: Option<Vec<Option<String>>>,
    cross_page: bool,
    profile: Option<PyRefMut<'_, SiteProfile>>,
    threads: Option<usize>,
    include_title: bool,
    images: bool,
    links: bool,
    tables: bool,
    precision: bool,
    recall: bool,
    target_language: Option<String>,
    comments: bool,
    allow_empty: bool,
) -> PyResult<Vec<Py<PyAny>>> {
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
    let urls = urls.unwrap_or_else(|| vec![None; pages.len()]);
    if urls.len() != pages.len() {
        return Err(PyValueError::new_err(format!(
            "{} urls for {} pages: give one (or None) per page",
            urls.len(),
            pages.len()
        )));
    }
    let inputs = pages
        .iter()
        .map(Page::from_object)
        .collect::<PyResult<Vec<Page>>>()?;
    let threads = threads
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
        .max(1);
    let mut results = py.detach(|| extract_all(&inputs, &config, threads));
    if cross_page {
        let mut own = unchaff::SiteProfile::new();
        let mut profile = profile;
        let profile = match profile.as_deref_mut() {
            Some(given) => &mut given.profile,
            None => &mut own,
        };
        py.detach(|| drop_template(profile, &urls, &mut results));
    }
    let mut out = Vec::with_capacity(results.len());
    for (result, url) in results.into_iter().zip(urls) {
        let object = match result {
            Ok(page) => Extraction::wrap(page, &settings, url)
                .map(|p| Py::new(py, p))
                .transpose()?
                .map_or_else(|| py.None(), Py::into_any),
            Err((message, kind)) => extraction_error(py, &message, kind)
                .into_value(py)
                .into_any(),
        };
        out.push(object);
    }
    Ok(out)
}

type Outcome = Result<unchaff::Extraction, (String, &'static str)>;

/// Every page extracted, `threads` at a time, in order.
fn extract_all(inputs: &[Page], config: &unchaff::Config, threads: usize) -> Vec<Outcome> {
    let chunk = inputs.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = inputs
            .chunks(chunk)
            .map(|part| {
                let worker = scope.spawn(move || {
                    part.iter()
                        .map(|page| extract_page(page, None, config))
                        .collect::<Vec<_>>()
                });
                (part.len(), worker)
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|(n, worker)| {
                worker.join().unwrap_or_else(|_| {
                    let lost = || Err(("internal error in a worker thread".to_owned(), "internal"));
                    (0..n).map(|_| lost()).collect()
                })
            })
            .collect()
    })
}

/// Observes every page, then filters every page, so that the order of the pages does not matter.
fn drop_template(
    profile: &mut unchaff::SiteProfile,
    urls: &[Option<String>],
    results: &mut [Outcome],
) {
    let sites: Vec<String> = urls
        .iter()
        .zip(results.iter())
        .map(|(url, page)| {
            url.as_deref()
                .and_then(unchaff::host_of)
                .or_else(|| {
                    let page = page.as_ref().ok()?;
                    page.url.as_deref().and_then(unchaff::host_of)
                })
                .unwrap_or_default()
        })
        .collect();
    for (site, page) in sites.iter().zip(results.iter()) {
        if let Ok(page) = page {
            profile.observe(site, page);
        }
    }
    for (site, page) in sites.iter().zip(results.iter_mut()) {
        if let Ok(page) = page {
            profile.filter(site, page);
        }
    }
}
