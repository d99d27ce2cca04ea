//! The `unchaff` command: extract the article from saved pages.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use unchaff::Config;

/// Extract the main article from saved web pages, without menus, ads, share bars and other chaff.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Args {
    /// HTML files to read; none, or `-`, reads standard input.
    inputs: Vec<PathBuf>,
    /// Write the output to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Print one JSON object per input and line: {"path", "title", "text"}.
    #[arg(long)]
    jsonl: bool,
    /// Leave the title out of the text (it is still reported in --jsonl).
    #[arg(long)]
    no_title: bool,
}

#[derive(serde::Serialize)]
struct Record<'a> {
    path: &'a str,
    title: Option<&'a str>,
    text: &'a str,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut config = Config::default();
    config.include_title = !args.no_title;
    let inputs: Vec<PathBuf> = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    if let Some(output) = &args.output
        && let Some(clash) = inputs.iter().find(|i| same_file(i, output))
    {
        eprintln!(
            "unchaff: {}: refusing to overwrite an input with the output",
            clash.display()
        );
        return ExitCode::from(2);
    }
    let mut out = Vec::new();
    let mut failed = false;
    for (n, input) in inputs.iter().enumerate() {
        let name = input.display().to_string();
        let result = read_input(input)
            .map_err(|e| e.to_string())
            .and_then(|bytes| unchaff::extract_bytes(&bytes, &config).map_err(|e| e.to_string()));
        let page = match result {
            Ok(page) => page,
            Err(cause) => {
                eprintln!("unchaff: {name}: {cause}");
                failed = true;
                continue;
            }
        };
        if page.is_empty() {
            eprintln!("unchaff: {name}: no article text found");
            failed = true;
        }
        let text = page.text();
        if args.jsonl {
            let record = Record {
                path: &name,
                title: page.title.as_deref(),
                text: &text,
            };
            // Serialising a struct of strings cannot fail.
            let line = serde_json::to_string(&record).unwrap_or_default();
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        } else if !text.is_empty() {
            if n > 0 && !out.is_empty() {
                out.push(b'\n');
            }
            out.extend_from_slice(text.as_bytes());
        }
    }
    let written = match &args.output {
        Some(path) => write_atomically(path, &out),
        None => io::stdout().lock().write_all(&out),
    };
    if let Err(e) = written {
        let target = args
            .output
            .as_ref()
            .map_or("standard output".to_owned(), |p| p.display().to_string());
        eprintln!("unchaff: {target}: {e}");
        return ExitCode::from(2);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn read_input(path: &Path) -> io::Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(path)
    }
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into place.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(file_name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = dir.join(tmp_name);
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
