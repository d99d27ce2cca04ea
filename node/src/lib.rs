//! Node.js bindings of unchaff, a native addon built with napi-rs. `index.js` loads the addon
//! for the platform and wraps it: it turns a [`Failure`] into a thrown `Error` with a `kind`,
//! and adds `toJSON` to [`Extraction`]. The types are described in `index.d.ts`.
//!
//! `extract` runs on the calling thread; `extractAsync` runs the same work as an `AsyncTask` on
//! libuv's thread pool, so the event loop stays free. A panic in the library becomes a failure of
//! kind "internal" rather than aborting the process.

use std::panic::{AssertUnwindSafe, catch_unwind};

use napi::bindgen_prelude::{AsyncTask, Buffer, Either};
use napi::{Env, Task};
use napi_derive::napi;

/// The options of `extract`, as the command line's flags.
#[napi(object)]
#[derive(Default)]
pub struct ExtractOptions {
    /// The page's address: relative links resolve against it, and it outranks the page's own
    /// in `url` (`--url`).
    pub url: Option<String>,
    /// The HTTP `Content-Type` the page came with, whose charset decodes a Buffer.
    pub content_type: Option<String>,
    /// Open the article with its title (default true; `--no-title` turns it off).
    pub include_title: Option<bool>,
    /// Keep the article's images in the Markdown and HTML (default false; `--images`).
    pub images: Option<bool>,
    /// Also give the page's comment thread, apart from the article (default false;
    /// `--comments`).
    pub comments: Option<bool>,
}

/// An input unchaff cannot read: `index.js` throws it as an `Error` with this `kind`.
#[napi(object)]
pub struct Failure {
    /// "binary", "too_large", "internal" (a bug) or "other".
    pub kind: String,
    pub message: String,
}

/// Blocks and characters kept and removed.
#[napi(object)]
pub struct Stats {
    pub blocks: u32,
    pub chars: u32,
    pub removed_blocks: u32,
    pub removed_chars: u32,
}

/// The article of one page, its metadata and how much was removed.
#[napi]
pub struct Extraction {
    page: unchaff::Extraction,
    text: String,
    options: unchaff::RenderOptions,
    /// The caller's address of the page, which outranks the page's own in `url`.
    url: Option<String>,
    /// Whether the comments were asked for.
    comments: bool,
}

/// The options of `Extraction.html`.
#[napi(object)]
pub struct HtmlOptions {
    /// A whole document (`<!DOCTYPE html>` with its `<head>`) rather than a fragment.
    pub standalone: Option<bool>,
}

#[napi]
impl Extraction {
    /// The article as plain text.
    #[napi(getter)]
    pub fn text(&self) -> String {
        self.text.clone()
    }

    /// The page's comments as plain text when `comments` was asked for ("" when it has none),
    /// else null.
    #[napi(getter)]
    pub fn comments(&self) -> Option<String> {
        self.comments.then(|| self.page.comments_text())
    }

    /// The article as Markdown (CommonMark with GFM tables).
    #[napi]
    pub fn markdown(&self) -> String {
        self.page.markdown(&self.options)
    }

    /// The article as clean HTML: a fragment, or a whole document with `standalone`.
    #[napi]
    pub fn html(&self, options: Option<HtmlOptions>) -> String {
        let standalone = options.and_then(|o| o.standalone).unwrap_or(false);
        self.page
            .html(&self.options.clone().with_standalone(standalone))
    }

    /// The command line's `--format json` object, without `path`, as a JSON string; `toJSON`
    /// (in `index.js`) parses it.
    #[napi]
    pub fn record_json(&self, markdown: bool, html: bool, explain: bool) -> napi::Result<String> {
        let extras = unchaff::RecordExtras {
            markdown,
            html,
            explain,
            comments: self.comments,
        };
        let record = self.page.record(self.url.as_deref(), extras, &self.options);
        serde_json::to_string(&record).map_err(|e| napi::Error::from_reason(e.to_string()))
    }

    #[napi(getter)]
    pub fn title(&self) -> Option<String> {
        self.page.title.clone()
    }

    #[napi(getter)]
    pub fn authors(&self) -> Vec<String> {
        self.page.metadata.authors.clone()
    }

    #[napi(getter)]
    pub fn byline(&self) -> Option<String> {
        self.page.metadata.byline.clone()
    }

    #[napi(getter)]
    pub fn date(&self) -> Option<String> {
        self.page.metadata.date.clone()
    }

    #[napi(getter)]
    pub fn site_name(&self) -> Option<String> {
        self.page.metadata.site_name.clone()
    }

    #[napi(getter)]
    pub fn language(&self) -> Option<String> {
        self.page.metadata.language.clone()
    }

    #[napi(getter)]
    pub fn description(&self) -> Option<String> {
        self.page.metadata.description.clone()
    }

    #[napi(getter)]
    pub fn image(&self) -> Option<String> {
        self.page.metadata.image.clone()
    }

    #[napi(getter)]
    pub fn tags(&self) -> Vec<String> {
        self.page.metadata.tags.clone()
    }

    /// The page's address: the caller's `url`, else the one the page declares.
    #[napi(getter)]
    pub fn url(&self) -> Option<String> {
        self.url.clone().or_else(|| self.page.url.clone())
    }

    /// The address the page declares (`<link rel=canonical>`, `og:url`).
    #[napi(getter)]
    pub fn canonical_url(&self) -> Option<String> {
        self.page.url.clone()
    }

    /// The name of the encoding the page was read in.
    #[napi(getter)]
    pub fn encoding(&self) -> String {
        self.page.encoding.to_owned()
    }

    /// Blocks and characters kept and removed.
    #[napi(getter)]
    pub fn stats(&self) -> Stats {
        let stats = self.page.stats();
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Stats {
            blocks: count(stats.blocks),
            chars: count(stats.chars),
            removed_blocks: count(stats.removed_blocks),
            removed_chars: count(stats.removed_chars),
        }
    }
}

/// A page as JavaScript hands it over, owned so that it can cross to a worker thread.
enum Page {
    Text(String),
    Bytes(Vec<u8>),
}

/// What one extraction gives: the article, none, or why the input could not be read.
type Outcome = Option<Either<Extraction, Failure>>;

/// Extracts the article of `page` as the command line would with the same options.
fn run(page: &Page, options: &ExtractOptions) -> Outcome {
    let mut config = unchaff::Config::default();
    config.include_title = options.include_title.unwrap_or(true);
    config.comments = options.comments.unwrap_or(false);
    // The removed blocks are counted in `stats`, as the command line's JSON counts them.
    config.explain = true;
    let content_type = options.content_type.as_deref();
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let page = match page {
            Page::Text(text) => unchaff::extract(text, &config),
            Page::Bytes(bytes) => unchaff::extract_response(bytes, content_type, &config),
        };
        page.map(|page| {
            let text = page.text();
            (page, text)
        })
    }));
    let (page, text) = match outcome {
        Ok(Ok(done)) => done,
        Ok(Err(error)) => return Some(Either::B(failure(&error))),
        Err(_) => {
            return Some(Either::B(Failure {
                kind: "internal".to_owned(),
                message: "internal error while extracting the page (a bug in unchaff)".to_owned(),
            }));
        }
    };
    if page.is_empty() {
        return None;
    }
    let mut render = unchaff::RenderOptions::default().with_images(options.images.unwrap_or(false));
    if let Some(url) = &options.url {
        render = render.with_base_url(url.clone());
    }
    Some(Either::A(Extraction {
        page,
        text,
        options: render,
        url: options.url.clone(),
        comments: config.comments,
    }))
}

/// The failure of a library error, with its kind.
fn failure(error: &unchaff::Error) -> Failure {
    let kind = match error.kind() {
        unchaff::ErrorKind::Binary { .. } => "binary",
        unchaff::ErrorKind::TooLarge { .. } => "too_large",
        _ => "other",
    };
    Failure {
        kind: kind.to_owned(),
        message: error.to_string(),
    }
}

fn page_of(html: Either<String, Buffer>) -> Page {
    match html {
        Either::A(text) => Page::Text(text),
        Either::B(bytes) => Page::Bytes(bytes.to_vec()),
    }
}

/// Extracts the article on the calling thread (`index.js` exports it as `extract`).
#[napi(js_name = "extractNative")]
pub fn extract_native(html: Either<String, Buffer>, options: Option<ExtractOptions>) -> Outcome {
    run(&page_of(html), &options.unwrap_or_default())
}

/// One extraction on libuv's thread pool.
pub struct ExtractTask {
    page: Page,
    options: ExtractOptions,
}

impl Task for ExtractTask {
    type Output = Outcome;
    type JsValue = Outcome;

    fn compute(&mut self) -> napi::Result<Self::Output> {
        Ok(run(&self.page, &self.options))
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> napi::Result<Self::JsValue> {
        Ok(output)
    }
}

/// Extracts the article on libuv's thread pool (`index.js` exports it as `extractAsync`).
#[napi(js_name = "extractAsyncNative")]
pub fn extract_async_native(
    html: Either<String, Buffer>,
    options: Option<ExtractOptions>,
) -> AsyncTask<ExtractTask> {
    AsyncTask::new(ExtractTask {
        page: page_of(html),
        options: options.unwrap_or_default(),
    })
}
