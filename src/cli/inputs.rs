//! What the command reads: files, folders (walked recursively, in name order), lists of paths,
//! standard input; `.gz` files are unpacked on the fly.

use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

use flate2::read::MultiGzDecoder;
use globset::{Glob, GlobSet, GlobSetBuilder};

/// The file names a folder's walk picks up when no `--glob` is given.
const DEFAULT_GLOBS: &[&str] = &[
    "*.html",
    "*.htm",
    "*.xhtml",
    "*.html.gz",
    "*.htm.gz",
    "*.warc",
    "*.warc.gz",
];

/// One page to read.
#[derive(Debug, Clone)]
pub struct Input {
    /// Where to read it; `-` is standard input.
    pub path: PathBuf,
    /// Its path below the folder it was found in (or its file name), for `--output-dir`.
    pub relative: PathBuf,
}

/// The inputs named on the command line and in `--files-from`, folders expanded. Folders that
/// cannot be read are reported in the second list and skipped.
pub fn expand(
    paths: &[PathBuf],
    files_from: Option<&Path>,
    glob: Option<&str>,
) -> Result<(Vec<Input>, Vec<String>), String> {
    let matcher = matcher(glob)?;
    let mut named: Vec<PathBuf> = paths.to_vec();
    if let Some(list) = files_from {
        let text = if list == Path::new("-") {
            let mut text = String::new();
            io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| format!("-: {e}"))?;
            text
        } else {
            std::fs::read_to_string(list).map_err(|e| format!("{}: {e}", list.display()))?
        };
        named.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(PathBuf::from),
        );
    }
    if named.is_empty() {
        named.push(PathBuf::from("-"));
    }
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for path in named {
        if path.is_dir() {
            let before = inputs.len();
            walk(&path, &matcher, &mut inputs, &mut problems);
            // A folder that gives nothing is said, not passed over in silence.
            if inputs.len() == before {
                problems.push(match glob {
                    Some(glob) => format!("{}: no file matches --glob {glob}", path.display()),
                    None => format!(
                        "{}: no HTML, .gz or WARC file in this folder",
                        path.display()
                    ),
                });
            }
        } else {
            let relative = PathBuf::from(path.file_name().unwrap_or(path.as_os_str()));
            inputs.push(Input { path, relative });
        }
    }
    Ok((inputs, problems))
}

fn matcher(glob: Option<&str>) -> Result<GlobSet, String> {
    let patterns: Vec<&str> = match glob {
        Some(g) => vec![g],
        None => DEFAULT_GLOBS.to_vec(),
    };
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        builder.add(Glob::new(pattern).map_err(|e| format!("--glob {pattern}: {e}"))?);
    }
    builder.build().map_err(|e| format!("--glob: {e}"))
}

/// Adds the matching files below `root`, in name order; iterative, so any depth is fine. A FIFO,
/// socket or device among them is reported, not read: its read could block or never end. Links are
/// read as what they point to (a dangling one fails when read, naming itself).
fn walk(root: &Path, matcher: &GlobSet, inputs: &mut Vec<Input>, problems: &mut Vec<String>) {
    let mut pending = vec![root.to_path_buf()];
    let mut found = Vec::new();
    while let Some(dir) = pending.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                problems.push(format!("{}: {e}", dir.display()));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if is_dir {
                pending.push(path);
            } else if path.file_name().is_some_and(|name| matcher.is_match(name)) {
                match std::fs::metadata(&path) {
                    Ok(meta) if !meta.is_file() && !meta.is_dir() => {
                        problems.push(format!("{}: not a regular file", path.display()));
                    }
                    _ => found.push(path),
                }
            }
        }
    }
    found.sort();
    for path in found {
        let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        inputs.push(Input { path, relative });
    }
}

/// The bytes of an input: standard input for `-`, unpacked when the name ends in `.gz`. Reading
/// stops past `limit` bytes (an endless device, a .gz bomb) with an error.
pub fn read(path: &Path, limit: usize) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let gz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    if path == Path::new("-") {
        io::stdin().lock().take(cap).read_to_end(&mut bytes)?;
    } else if gz {
        MultiGzDecoder::new(std::fs::File::open(path)?)
            .take(cap)
            .read_to_end(&mut bytes)
            .map_err(|e| io::Error::new(e.kind(), format!("not a readable .gz file: {e}")))?;
    } else {
        // Read straight into a buffer of the file's size: no copy through a buffered reader, no
        // regrowing.
        let file = std::fs::File::open(path)?;
        let size = file.metadata().map_or(0, |m| m.len()).min(cap);
        bytes.reserve_exact(usize::try_from(size).unwrap_or(0).saturating_add(1));
        file.take(cap).read_to_end(&mut bytes)?;
    }
    if bytes.len() > limit {
        let what = if gz { "unpacks to" } else { "is" };
        return Err(io::Error::other(format!(
            "{what} more than {limit} bytes, the input size limit"
        )));
    }
    Ok(bytes)
}

/// Where the output of `input` goes below `dir`: its relative path with `.gz` dropped and the
/// extension replaced; `None` if that path would leave `dir`.
pub fn output_path(dir: &Path, input: &Input, extension: &str) -> Option<PathBuf> {
    let mut relative = input.relative.clone();
    if input.path == Path::new("-") {
        relative = PathBuf::from("stdin");
    }
    if relative
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
    {
        relative.set_extension("");
    }
    relative.set_extension(extension);
    let escapes = relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    (!escapes).then(|| dir.join(relative))
}

/// Gives inputs that would write the same output file below `dir` (`a/x.html` and `b/x.html`
/// named as files; `x.html` beside `x.htm` or `x.html.gz`) names of their own: the first keeps
/// its name, the next ones get `~2`, `~3`... before the extension, skipping names taken. Returns
/// one line per renamed input, for the summary.
pub fn separate_outputs(dir: &Path, inputs: &mut [Input], extension: &str) -> Vec<String> {
    let mut taken: std::collections::HashSet<PathBuf> = inputs
        .iter()
        .filter_map(|i| output_path(dir, i, extension))
        .collect();
    let mut written = std::collections::HashSet::new();
    let mut renamed = Vec::new();
    for input in inputs.iter_mut() {
        let Some(target) = output_path(dir, input, extension) else {
            continue;
        };
        if is_warc(&input.path) || written.insert(target.clone()) {
            continue;
        }
        let stem = target
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let (new_relative, new_target) = (2..)
            .map(|n| {
                let name = format!("{stem}~{n}.{extension}");
                (
                    input.relative.with_file_name(&name),
                    target.with_file_name(&name),
                )
            })
            .find(|(_, t)| !taken.contains(t))
            .unwrap_or_default();
        taken.insert(new_target.clone());
        written.insert(new_target.clone());
        renamed.push(format!(
            "{} would write {} like an earlier input: written as {}",
            input.path.display(),
            target.display(),
            new_target.display()
        ));
        input.relative = new_relative;
    }
    renamed
}

/// Whether a path names a WARC archive (`.warc`, `.warc.gz`).
pub fn is_warc(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// One HTML response of a WARC archive.
#[derive(Debug)]
pub struct WarcPage {
    /// The record's `WARC-Target-URI`.
    pub uri: String,
    /// The response's `Content-Type` header, for its charset.
    pub content_type: Option<String>,
    /// The response body.
    pub body: Vec<u8>,
}

/// The body of an HTTP response whose content type is HTML (or unstated).
pub(crate) fn http_html_page(uri: String, block: &[u8]) -> Option<WarcPage> {
    let split = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| {
            block
                .windows(2)
                .position(|w| w == b"\n\n")
                .map(|i| (i, i + 2))
        })?;
    let head = String::from_utf8_lossy(&block[..split.0]);
    let content_type = head.lines().skip(1).find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("content-type")
            .then(|| value.trim().to_owned())
    });
    let html = content_type
        .as_deref()
        .is_none_or(|t| t.to_ascii_lowercase().contains("html"));
    html.then(|| WarcPage {
        uri,
        content_type,
        body: block[split.1..].to_vec(),
    })
}

/// A file name for a page of a WARC archive: its number and its address, made safe.
pub fn warc_page_name(number: usize, uri: &str) -> PathBuf {
    let safe: String = uri
        .split_once("://")
        .map_or(uri, |(_, rest)| rest)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-') {
                c
            } else {
                '_'
            }
        })
        .take(100)
        .collect();
    PathBuf::from(format!("{number:06}-{safe}.html"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(path: &str, relative: &str) -> Input {
        Input {
            path: PathBuf::from(path),
            relative: PathBuf::from(relative),
        }
    }

    #[test]
    fn inputs_writing_one_output_get_stable_suffixes() {
        let mut inputs = vec![
            input("a/x.html", "x.html"),
            input("b/x.html", "x.html"),
            input("site/x.htm", "x.htm"),
            input("site/x~2.html", "x~2.html"),
            input("site/y.html.gz", "y.html.gz"),
            input("site/y.html", "y.html"),
        ];
        let renamed = separate_outputs(Path::new("out"), &mut inputs, "txt");
        let outputs: Vec<PathBuf> = inputs
            .iter()
            .filter_map(|i| output_path(Path::new("out"), i, "txt"))
            .collect();
        let names: Vec<&str> = outputs
            .iter()
            .filter_map(|p| p.file_name()?.to_str())
            .collect();
        assert_eq!(
            names,
            ["x.txt", "x~3.txt", "x~4.txt", "x~2.txt", "y.txt", "y~2.txt"]
        );
        assert_eq!(renamed.len(), 3, "{renamed:?}");
        assert!(renamed[0].starts_with("b/x.html would write out/x.txt"));
        assert!(renamed[0].ends_with("written as out/x~3.txt"));
    }
}
