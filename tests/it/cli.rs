//! The command-line contract, checked against the built binary.
//!
//! `unchaff [OPTIONS] [INPUT]...`: no input or `-` reads stdin; `-o FILE` writes there instead of
//! stdout; `--jsonl` prints one object per input. Exit codes: 0 all good, 1 some input failed or had
//! no content (the rest still printed), 2 usage error. Each error is one stderr line naming the input.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::util::{self, Run};

/// A sentence of each sample's body, and a word only its chrome contains.
const NEWS: &str = "news-article";
const NEWS_BODY: &str = "reversing a plan that would have left islanders without a late crossing";
const NEWS_MENU: &str = "Puzzles";
const NEWS_TITLE: &str = "Lantern Bay votes to keep its night ferry running through winter";

const SHORT: &str = "short-two-paragraphs";
const SHORT_BODY: &str = "paid for by a two-year grant from the Northgate Civic Trust";
const SHORT_TITLE: &str = "Northgate library extends weekend opening hours";

const LEGACY: &str = "legacy-1251";
const LEGACY_BODY: &str = "снова открыли Пешеходный мост через реку Вёшку";
const LEGACY_TITLE: &str = "В Заречинске после ремонта открыли Пешеходный мост";

/// A page with site chrome and nothing an extractor should call content.
const CHROME_ONLY: &str = "<!DOCTYPE html><html><head><title>Home</title></head><body>\
    <nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav>\
    <footer>&copy; 2024</footer></body></html>";

fn source(name: &str) -> String {
    util::sample_source(name).display().to_string()
}

/// `text` contains `needle`; on failure, shows the whole text.
#[track_caller]
fn assert_has(text: &str, needle: &str) {
    assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
}

/// `text` does not contain `needle`; on failure, shows the whole text.
#[track_caller]
fn assert_lacks(text: &str, needle: &str) {
    assert!(!text.contains(needle), "unexpected {needle:?} in:\n{text}");
}

#[track_caller]
fn assert_code(run: &Run, code: i32) {
    assert_eq!(run.code, Some(code), "unexpected exit code; {run:#?}");
}

/// `stderr` is exactly one line and it names `path`.
#[track_caller]
fn assert_one_error_naming(run: &Run, path: &str) {
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "want one error line, got:\n{}", run.stderr);
    assert_has(lines[0], path);
}

fn jsonl_args(inputs: &[String]) -> Vec<String> {
    let mut args = vec!["--jsonl".to_owned()];
    args.extend_from_slice(inputs);
    args
}

fn jsonl_records(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|err| panic!("not JSON ({err}): {line}"))
        })
        .collect()
}

fn field<'a>(record: &'a Value, key: &str) -> &'a str {
    record[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key:?} is not a string in {record}"))
}

#[test]
fn file_to_stdout_has_body_without_menu() {
    let run = util::run([source(NEWS)], b"");
    assert_code(&run, 0);
    assert_has(&run.stdout, NEWS_BODY);
    assert_lacks(&run.stdout, NEWS_MENU);
    assert!(run.stderr.is_empty(), "unexpected stderr: {}", run.stderr);
}

#[test]
fn no_input_reads_stdin() {
    let page = fs::read(util::sample_source(SHORT)).expect("sample is readable");
    let no_args: [&str; 0] = [];
    let run = util::run(no_args, &page);
    assert_code(&run, 0);
    assert_has(&run.stdout, SHORT_BODY);
}

#[test]
fn dash_reads_stdin() {
    let page = fs::read(util::sample_source(SHORT)).expect("sample is readable");
    let run = util::run(["-"], &page);
    assert_code(&run, 0);
    assert_has(&run.stdout, SHORT_BODY);
}

#[test]
fn several_files_print_in_input_order() {
    let run = util::run([source(SHORT), source(NEWS)], b"");
    assert_code(&run, 0);
    let short_at = run.stdout.find(SHORT_BODY).expect("first input printed");
    let news_at = run.stdout.find(NEWS_BODY).expect("second input printed");
    assert!(
        short_at < news_at,
        "inputs printed out of order:\n{}",
        run.stdout
    );
}

#[test]
fn jsonl_prints_one_record_per_input_in_order() {
    let inputs = [source(NEWS), source(LEGACY), source(SHORT)];
    let run = util::run(jsonl_args(&inputs), b"");
    assert_code(&run, 0);
    let records = jsonl_records(&run.stdout);
    assert_eq!(records.len(), inputs.len(), "stdout:\n{}", run.stdout);

    let expectations = [
        (NEWS_TITLE, NEWS_BODY),
        (LEGACY_TITLE, LEGACY_BODY),
        (SHORT_TITLE, SHORT_BODY),
    ];
    for ((record, input), (title, body)) in records.iter().zip(&inputs).zip(expectations) {
        assert_eq!(field(record, "path"), input, "records out of order");
        assert_has(field(record, "title"), title);
        assert_has(field(record, "text"), body);
    }
}

#[test]
fn jsonl_names_stdin_dash() {
    let page = fs::read(util::sample_source(SHORT)).expect("sample is readable");
    let run = util::run(["--jsonl"], &page);
    assert_code(&run, 0);
    let records = jsonl_records(&run.stdout);
    assert_eq!(records.len(), 1, "stdout:\n{}", run.stdout);
    assert_eq!(field(&records[0], "path"), "-");
    assert_has(field(&records[0], "text"), SHORT_BODY);
}

#[test]
fn missing_file_fails_but_others_are_printed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-page.html").display().to_string();
    let run = util::run([source(NEWS), missing.clone(), source(SHORT)], b"");
    assert_code(&run, 1);
    assert_one_error_naming(&run, &missing);
    assert_has(&run.stdout, NEWS_BODY);
    assert_has(&run.stdout, SHORT_BODY);
}

#[test]
fn missing_file_in_jsonl_keeps_the_good_records() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-page.html").display().to_string();
    let run = util::run(
        jsonl_args(&[source(NEWS), missing.clone(), source(SHORT)]),
        b"",
    );
    assert_code(&run, 1);
    assert_one_error_naming(&run, &missing);
    let paths: Vec<String> = jsonl_records(&run.stdout)
        .iter()
        .map(|record| field(record, "path").to_owned())
        .filter(|path| *path != missing)
        .collect();
    assert_eq!(paths, [source(NEWS), source(SHORT)]);
}

fn write_page(dir: &Path, name: &str, contents: &str) -> String {
    let path = dir.join(name);
    fs::write(&path, contents).expect("temp file is writable");
    path.display().to_string()
}

#[test]
fn page_without_content_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    let chrome = write_page(dir.path(), "chrome-only.html", CHROME_ONLY);
    let run = util::run([chrome.clone(), source(SHORT)], b"");
    assert_code(&run, 1);
    assert_one_error_naming(&run, &chrome);
    assert_has(&run.stdout, SHORT_BODY);
}

#[test]
fn empty_file_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = write_page(dir.path(), "empty.html", "");
    let run = util::run([empty.clone()], b"");
    assert_code(&run, 1);
    assert_one_error_naming(&run, &empty);
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let run = util::run(["--no-such-flag", &source(NEWS)], b"");
    assert_code(&run, 2);
    assert!(
        run.stdout.is_empty(),
        "usage error printed output:\n{}",
        run.stdout
    );
    assert!(!run.stderr.is_empty(), "usage error is silent");
}

#[test]
fn output_option_writes_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.txt");
    let run = util::run(
        ["-o".to_owned(), out.display().to_string(), source(NEWS)],
        b"",
    );
    assert_code(&run, 0);
    assert!(
        run.stdout.is_empty(),
        "-o still printed to stdout:\n{}",
        run.stdout
    );
    let written = fs::read_to_string(&out).expect("-o created the file");
    assert_has(&written, NEWS_BODY);
    assert_lacks(&written, NEWS_MENU);
}

#[test]
fn binary_files_are_refused_with_a_reason_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let png = dir.path().join("photo.png");
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    std::fs::write(&png, bytes).expect("written");
    let good = crate::util::sample_source("news-article");
    let out = crate::util::run([png.display().to_string(), good.display().to_string()], b"");
    assert_eq!(out.code, Some(1));
    assert!(out.stdout.contains("Lantern Bay"));
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", out.stderr);
    assert!(lines[0].contains("photo.png") && lines[0].contains("binary data"));
}

#[test]
fn a_full_disk_is_a_clear_error() {
    let Ok(full) = std::fs::File::create("/dev/full") else {
        return; // Not a Linux-like system.
    };
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_unchaff"))
        .arg(crate::util::sample_source("news-article"))
        .stdout(full)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("standard output"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1);
}

#[test]
fn a_reader_that_stops_early_ends_the_run_quietly() {
    use std::io::Read;
    let samples: Vec<_> = std::fs::read_dir(crate::util::samples_dir())
        .expect("samples")
        .map(|e| e.expect("entry").path().join("source.html"))
        .collect();
    let mut args = vec!["--no-cross-page".to_owned()];
    // Enough output to fill the pipe after the reader has gone.
    for _ in 0..20 {
        args.extend(samples.iter().map(|p| p.display().to_string()));
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_unchaff"))
        .args(&args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    let mut stdout = child.stdout.take().expect("piped");
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("ends");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

const FORMATTED: &str = "formatted-article";

#[test]
fn format_markdown_writes_markdown_with_absolute_links() {
    let run = util::run(["--format", "markdown", &source(FORMATTED)], b"");
    assert_code(&run, 0);
    assert!(
        run.stdout
            .starts_with("# Packing a sourdough starter for travel\n\n")
    );
    assert_has(
        &run.stdout,
        "[our drying guide](https://crumb.example.com/guides/drying.html)",
    );
    assert_has(
        &run.stdout,
        "```python\ndef plan(flakes_g):\n    # one part",
    );
    assert_has(&run.stdout, "| Day | Flour | Water |\n| --- | --- | --- |");
    // Images only when asked.
    assert_lacks(&run.stdout, "![");
    let with_images = util::run(["-f", "markdown", "--images", &source(FORMATTED)], b"");
    assert_has(
        &with_images.stdout,
        "![Dried starter flakes on parchment](https://crumb.example.com/img/flakes.jpg)",
    );
}

#[test]
fn url_flag_is_the_base_for_links() {
    let run = util::run(
        [
            "-f",
            "markdown",
            "--url",
            "https://mirror.example.net/a/b.html",
            &source(FORMATTED),
        ],
        b"",
    );
    // The page's <base href="/guides/"> applies on top of the given address.
    assert_has(
        &run.stdout,
        "[our drying guide](https://mirror.example.net/guides/drying.html)",
    );
}

#[test]
fn format_html_is_clean_and_standalone_on_request() {
    let run = util::run(["--format", "html", &source(FORMATTED)], b"");
    assert_code(&run, 0);
    assert!(run.stdout.starts_with("<h1>Packing a sourdough starter"));
    assert_lacks(&run.stdout, "<!DOCTYPE");
    assert_lacks(&run.stdout, "style=");
    assert_has(&run.stdout, "<ol start=\"3\">");
    let standalone = util::run(["-f", "html", "--standalone", &source(FORMATTED)], b"");
    assert!(
        standalone
            .stdout
            .starts_with("<!DOCTYPE html>\n<html lang=\"en\">")
    );
    assert_has(
        &standalone.stdout,
        "<title>Packing a sourdough starter for travel</title>",
    );
}

#[test]
fn format_json_is_one_object_with_metadata_stats_and_extra_formats() {
    let run = util::run(
        [
            "--format",
            "json",
            "--with",
            "markdown,html",
            &source(FORMATTED),
        ],
        b"",
    );
    assert_code(&run, 0);
    let record: Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    assert_eq!(
        field(&record, "title"),
        "Packing a sourdough starter for travel"
    );
    assert_eq!(
        field(&record, "canonical_url"),
        "https://crumb.example.com/guides/sourdough-travel.html"
    );
    assert_eq!(record["authors"][0], "Ines Marchetti");
    assert_eq!(field(&record, "language"), "en");
    assert!(field(&record, "markdown").starts_with("# Packing"));
    assert!(field(&record, "html").starts_with("<h1>Packing"));
    let stats = &record["stats"];
    assert!(stats["blocks"].as_u64().expect("a count") > 10);
    // The article's characters: the text's, without the title and the separators.
    let text_chars = field(&record, "text").chars().count() as u64;
    let chars = stats["chars"].as_u64().expect("a count");
    assert!(
        chars < text_chars && chars > text_chars * 9 / 10,
        "{chars} of {text_chars}"
    );
    assert!(stats["removed_blocks"].as_u64().expect("a count") > 0);
    // Several pages: one object per line.
    let two = util::run(["-f", "json", &source(FORMATTED), &source(NEWS)], b"");
    assert_eq!(jsonl_records(&two.stdout).len(), 2);
}

#[test]
fn json_language_is_declared_else_detected_from_the_text() {
    // The legacy page declares no language; its article is Russian.
    let undeclared = util::run(["-f", "json", &source(LEGACY)], b"");
    assert_code(&undeclared, 0);
    let record: Value = serde_json::from_str(&undeclared.stdout).expect("one JSON document");
    assert_eq!(field(&record, "language"), "ru");
    // A declaration wins, whatever the text.
    let page = fs::read(source(LEGACY)).expect("the sample");
    let at = page
        .windows(6)
        .position(|w| w == b"<html>")
        .expect("an <html> tag");
    let declared = [&page[..at], b"<html lang=\"uk\">", &page[at + 6..]].concat();
    let run = util::run(["-f", "json", "-"], &declared);
    assert_code(&run, 0);
    let record: Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    assert_eq!(field(&record, "language"), "uk");
}

#[test]
fn output_dir_uses_the_format_extension() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("out");
    let run = util::run(
        [
            "-f",
            "markdown",
            "--output-dir",
            out.to_str().expect("a UTF-8 path"),
            &source(FORMATTED),
        ],
        b"",
    );
    assert_code(&run, 0);
    let written = fs::read_to_string(out.join("source.md")).expect("source.md is written");
    assert!(written.starts_with("# Packing"));
}

/// Runs `command` to its end, failing the test if that takes over a minute (a hang).
fn finish_within_a_minute(mut command: std::process::Command) -> Run {
    let mut child = command
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while child.try_wait().expect("waits").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("still running after a minute");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let out = child.wait_with_output().expect("ends");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The stderr line naming `file`, which must also name `cause`.
#[track_caller]
fn assert_error_line(run: &Run, file: &Path, cause: &str) {
    let name = file.display().to_string();
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains(&name))
        .unwrap_or_else(|| panic!("no error names {name}:\n{}", run.stderr));
    assert_has(line, cause);
}

#[test]
fn files_that_cannot_be_read_fail_alone_even_as_root() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    fs::copy(util::sample_source(NEWS), d.join("a.html")).expect("copied");
    fs::copy(util::sample_source(SHORT), d.join("z.html")).expect("copied");
    symlink(d.join("gone.html"), d.join("dangling.html")).expect("link");
    symlink(d.join("loop.html"), d.join("loop.html")).expect("link");
    fs::create_dir(d.join("folder")).expect("folder");
    symlink(d.join("folder"), d.join("folder-link.html")).expect("link");
    // A FIFO nobody writes to: opening it would block the batch for ever.
    let fifo = d.join("fifo.html");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let has_fifo = made.is_ok_and(|s| s.success());
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_unchaff"));
    command.args(["--jsonl", "--no-cross-page"]).arg(d);
    let run = finish_within_a_minute(command);
    assert_code(&run, 1);
    let records = jsonl_records(&run.stdout);
    let read: Vec<&str> = records.iter().map(|r| field(r, "path")).collect();
    assert_eq!(read.len(), 2, "{read:?}");
    assert!(read[0].ends_with("a.html") && read[1].ends_with("z.html"));
    assert_error_line(&run, &d.join("dangling.html"), "No such file or directory");
    assert_error_line(&run, &d.join("loop.html"), "symbolic links");
    assert_error_line(&run, &d.join("folder-link.html"), "Is a directory");
    if has_fifo {
        assert_error_line(&run, &fifo, "not a regular file");
    }
    assert_eq!(run.stderr.lines().count(), 3 + usize::from(has_fifo));
}

#[test]
fn endless_or_exploding_inputs_stop_at_the_size_limit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bomb = dir.path().join("bomb.html.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..65 {
        std::io::Write::write_all(&mut gz, &zeros).expect("compressed");
    }
    fs::write(&bomb, gz.finish().expect("compressed")).expect("written");
    let mut inputs = vec![bomb.clone()];
    if Path::new("/dev/zero").exists() {
        inputs.push("/dev/zero".into());
    }
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_unchaff"));
    command.args(&inputs).arg(util::sample_source(SHORT));
    let run = finish_within_a_minute(command);
    assert_code(&run, 1);
    assert_has(&run.stdout, SHORT_BODY);
    assert_error_line(&run, &bomb, "unpacks to more than 67108864 bytes");
    if inputs.len() > 1 {
        assert_error_line(&run, Path::new("/dev/zero"), "more than 67108864 bytes");
    }
}

/// A command that runs the binary without root's right to read and write anything: directly when
/// the tests do not run as root, else as `nobody` through `setpriv`. `None`, with the reason
/// printed, when neither is possible.
fn unprivileged() -> Option<std::process::Command> {
    let bin = env!("CARGO_BIN_EXE_unchaff");
    let uid = std::process::Command::new("id").arg("-u").output();
    let root = uid.is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !root {
        return Some(std::process::Command::new(bin));
    }
    let setpriv = |command: &mut std::process::Command| {
        command.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--",
            bin,
        ]);
    };
    let mut probe = std::process::Command::new("setpriv");
    setpriv(&mut probe);
    match probe.arg("--version").output() {
        Ok(out) if out.status.success() => {
            let mut command = std::process::Command::new("setpriv");
            setpriv(&mut command);
            Some(command)
        }
        Ok(out) => {
            eprintln!(
                "skipped: running as root, and nobody cannot run {bin}: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
            None
        }
        Err(e) => {
            eprintln!("skipped: running as root, and setpriv is not available: {e}");
            None
        }
    }
}

/// A temporary folder that an unprivileged user can enter and read.
fn open_tempdir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    dir
}

#[test]
fn an_unreadable_file_fails_alone() {
    use std::os::unix::fs::PermissionsExt;
    let Some(mut command) = unprivileged() else {
        return;
    };
    let dir = open_tempdir();
    let d = dir.path();
    fs::copy(util::sample_source(NEWS), d.join("a.html")).expect("copied");
    fs::copy(util::sample_source(SHORT), d.join("secret.html")).expect("copied");
    fs::set_permissions(d.join("secret.html"), fs::Permissions::from_mode(0o000)).expect("chmod");
    command.args(["--jsonl", "--no-cross-page"]).arg(d);
    let run = finish_within_a_minute(command);
    assert_code(&run, 1);
    let records = jsonl_records(&run.stdout);
    assert_eq!(records.len(), 1, "{}", run.stdout);
    assert!(field(&records[0], "path").ends_with("a.html"));
    assert_one_error_naming(&run, &d.join("secret.html").display().to_string());
    assert_error_line(&run, &d.join("secret.html"), "Permission denied");
}

#[test]
fn a_read_only_output_folder_is_a_clear_error_and_loses_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let Some(mut command) = unprivileged() else {
        return;
    };
    let mut again = unprivileged().expect("as above");
    let dir = open_tempdir();
    let d = dir.path();
    let page = d.join("a.html");
    fs::copy(util::sample_source(NEWS), &page).expect("copied");
    let out = d.join("out");
    fs::create_dir(&out).expect("folder");
    fs::write(out.join("old.txt"), "EARLIER_OUTPUT").expect("written");
    fs::set_permissions(&out, fs::Permissions::from_mode(0o555)).expect("chmod");
    let listing = |dir: &Path| {
        let mut names: Vec<_> = fs::read_dir(dir)
            .expect("listed")
            .map(|e| e.expect("entry").file_name())
            .collect();
        names.sort();
        names
    };
    let before = listing(d);

    command.arg("--output-dir").arg(&out).arg(&page);
    let run = finish_within_a_minute(command);
    assert_code(&run, 2);
    assert_one_error_naming(&run, &out.join("a.txt").display().to_string());
    assert_error_line(&run, &out.join("a.txt"), "Permission denied");

    again.arg("-o").arg(out.join("all.txt")).arg(&page);
    let run = finish_within_a_minute(again);
    assert_code(&run, 2);
    assert_one_error_naming(&run, &out.join("all.txt").display().to_string());
    assert_error_line(&run, &out.join("all.txt"), "Permission denied");

    assert_eq!(listing(&out), ["old.txt"]);
    assert_eq!(
        fs::read_to_string(out.join("old.txt")).expect("kept"),
        "EARLIER_OUTPUT"
    );
    assert_eq!(listing(d), before);
    assert!(
        fs::read_to_string(&page)
            .expect("kept")
            .contains("Lantern Bay")
    );
}

#[test]
fn an_output_that_cannot_be_a_file_is_a_clear_error_even_as_root() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let folder = d.join("folder");
    fs::create_dir(&folder).expect("folder");
    let plain = d.join("plain.txt");
    fs::write(&plain, "KEEP").expect("written");
    let cases = [
        (
            vec!["-o".to_owned(), arg_of(&folder)],
            folder.clone(),
            "Is a directory",
        ),
        (
            vec!["--output-dir".to_owned(), arg_of(&plain.join("out"))],
            plain.join("out").join("news.txt"),
            "Not a directory",
        ),
    ];
    let page = d.join("news.html");
    fs::copy(util::sample_source(NEWS), &page).expect("copied");
    for (args, named, cause) in cases {
        let mut args = args;
        args.push(arg_of(&page));
        let run = util::run(&args, b"");
        assert_code(&run, 2);
        assert_one_error_naming(&run, &named.display().to_string());
        assert_has(&run.stderr, cause);
    }
    let mut left: Vec<_> = fs::read_dir(d)
        .expect("listed")
        .map(|e| e.expect("entry").file_name())
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["folder", "news.html", "plain.txt"],
        "no temporary file"
    );
    assert_eq!(fs::read_dir(&folder).expect("listed").count(), 0);
    assert_eq!(fs::read_to_string(&plain).expect("kept"), "KEEP");
}

fn arg_of(path: &Path) -> String {
    path.display().to_string()
}

#[test]
fn comments_flag_gives_the_thread_after_the_article_in_every_format() {
    const BLOG: &str = "blog-comments";
    const ARTICLE: &str = "give it a fortnight before you decide it is gone for good";
    const COMMENT: &str = "Have you tried a seed mat under the jar?";
    let plain = util::run([source(BLOG)], b"");
    assert_code(&plain, 0);
    assert_has(&plain.stdout, ARTICLE);
    assert_lacks(&plain.stdout, COMMENT);

    let text = util::run(["--comments".to_owned(), source(BLOG)], b"");
    assert_code(&text, 0);
    assert!(text.stdout.starts_with(&plain.stdout), "{}", text.stdout);
    assert_has(&text.stdout, COMMENT);
    // The form for a new comment is not a comment.
    assert_lacks(&text.stdout, "Your email address will not be published");

    let markdown = util::run(["--comments", "-f", "markdown", &source(BLOG)], b"");
    let (article, thread) = markdown
        .stdout
        .split_once("\n# Comments\n")
        .expect("a comments section");
    assert_has(article, ARTICLE);
    assert_has(thread, COMMENT);

    let html = util::run(["--comments", "-f", "html", &source(BLOG)], b"");
    assert_has(&html.stdout, "<section>\n<h1>Comments</h1>");

    let record = util::run(["--comments", "--jsonl", &source(BLOG)], b"");
    let record = &jsonl_records(&record.stdout)[0];
    assert_lacks(field(record, "text"), COMMENT);
    assert_has(field(record, "comments"), COMMENT);
    let without = util::run(["--jsonl", &source(BLOG)], b"");
    assert!(jsonl_records(&without.stdout)[0].get("comments").is_none());
}
