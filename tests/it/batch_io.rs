//! Batch inputs and outputs: folders, `.gz`, lists of paths, an output folder, parallel runs.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::util::{run, sample_source};

const SAMPLES: [&str; 3] = ["news-article", "short-two-paragraphs", "split-divs"];

/// A folder with three sample pages: one plain, one gzipped, one in a subfolder; and a stray file.
fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let html = |name: &str| std::fs::read(sample_source(name)).expect("sample");
    std::fs::write(dir.path().join("a.html"), html(SAMPLES[0])).expect("written");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&html(SAMPLES[1])).expect("compressed");
    std::fs::write(
        dir.path().join("b.html.gz"),
        gz.finish().expect("compressed"),
    )
    .expect("written");
    std::fs::create_dir(dir.path().join("sub")).expect("subfolder");
    std::fs::write(dir.path().join("sub/c.htm"), html(SAMPLES[2])).expect("written");
    std::fs::write(dir.path().join("notes.txt"), "not a page").expect("written");
    dir
}

fn arg(path: &Path) -> String {
    path.display().to_string()
}

fn paths_of(jsonl: &str) -> Vec<String> {
    jsonl
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            v["path"].as_str().expect("path").to_owned()
        })
        .collect()
}

#[test]
fn a_folder_is_walked_in_name_order_with_gz_unpacked() {
    let dir = tree();
    let out = run(
        [
            "--jsonl".to_owned(),
            "--no-cross-page".into(),
            arg(dir.path()),
        ],
        b"",
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let paths = paths_of(&out.stdout);
    let names: Vec<&str> = paths
        .iter()
        .map(|p| p.rsplit('/').next().unwrap_or(""))
        .collect();
    assert_eq!(names, ["a.html", "b.html.gz", "c.htm"]);
    assert!(out.stdout.contains("Lantern Bay"), "the plain page");
    let glob = run(
        [
            "--jsonl".to_owned(),
            "--glob".into(),
            "*.htm".into(),
            arg(dir.path()),
        ],
        b"",
    );
    assert_eq!(paths_of(&glob.stdout).len(), 1);
}

#[test]
fn a_truncated_gz_fails_alone() {
    let dir = tree();
    let gz = std::fs::read(dir.path().join("b.html.gz")).expect("read");
    std::fs::write(dir.path().join("b.html.gz"), &gz[..gz.len() / 2]).expect("written");
    let out = run(
        [
            "--jsonl".to_owned(),
            "--no-cross-page".into(),
            arg(dir.path()),
        ],
        b"",
    );
    assert_eq!(out.code, Some(1));
    assert_eq!(
        paths_of(&out.stdout).len(),
        2,
        "the other pages are still extracted"
    );
    assert!(out.stderr.contains("b.html.gz"), "{}", out.stderr);
}

#[test]
fn an_output_folder_mirrors_the_inputs_and_resumes() {
    let dir = tree();
    let target = tempfile::tempdir().expect("a temporary folder");
    let out_dir = target.path().join("out");
    let args = |extra: &[&str]| {
        let mut a = vec![
            "--no-cross-page".to_owned(),
            "--output-dir".into(),
            arg(&out_dir),
        ];
        a.extend(extra.iter().map(|s| s.to_string()));
        a.push(arg(dir.path()));
        a
    };
    let out = run(args(&[]), b"");
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    for file in ["a.txt", "b.txt", "sub/c.txt"] {
        let path: PathBuf = out_dir.join(file);
        assert!(path.exists(), "{} is written", path.display());
    }
    let first = std::fs::read_to_string(out_dir.join("a.txt")).expect("output");
    std::fs::write(out_dir.join("a.txt"), "KEEP_ME").expect("written");
    run(args(&["--skip-existing"]), b"");
    assert_eq!(
        std::fs::read_to_string(out_dir.join("a.txt")).expect("output"),
        "KEEP_ME"
    );
    run(args(&[]), b"");
    assert_eq!(
        std::fs::read_to_string(out_dir.join("a.txt")).expect("output"),
        first
    );
}

#[test]
fn parallel_runs_give_the_same_output_in_input_order() {
    let dir = tree();
    let one = run(
        [
            "--jsonl".to_owned(),
            "-j".into(),
            "1".into(),
            arg(dir.path()),
        ],
        b"",
    );
    let two = run(
        [
            "--jsonl".to_owned(),
            "-j".into(),
            "2".into(),
            arg(dir.path()),
        ],
        b"",
    );
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(paths_of(&one.stdout).len(), 3);
}

#[test]
fn paths_can_come_from_a_list() {
    let dir = tree();
    let list = dir.path().join("list.txt");
    std::fs::write(
        &list,
        format!(
            "{}\n\n{}\n",
            arg(&dir.path().join("a.html")),
            arg(&dir.path().join("sub/c.htm"))
        ),
    )
    .expect("written");
    let out = run(
        ["--jsonl".to_owned(), "--files-from".into(), arg(&list)],
        b"",
    );
    assert_eq!(paths_of(&out.stdout).len(), 2, "{}", out.stderr);
    let from_stdin = run(
        ["--jsonl".to_owned(), "--files-from".into(), "-".into()],
        arg(&dir.path().join("a.html")).as_bytes(),
    );
    assert_eq!(
        paths_of(&from_stdin.stdout).len(),
        1,
        "{}",
        from_stdin.stderr
    );
}

/// One WARC record with the mandatory headers around `block`.
pub(crate) fn warc_record(kind: &str, uri: &str, block: &[u8], n: usize) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
         WARC-Date: 2024-05-05T12:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012}>\r\n\
         Content-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

/// A small archive: a request, an HTML response in windows-1251 declared only by its HTTP
/// header, an image response, and an English HTML response.
fn archive() -> Vec<u8> {
    let russian = std::fs::read(sample_source("legacy-1251")).expect("sample");
    // Without its <meta>, the page's charset comes from the HTTP header alone.
    let needle = b"charset=windows-1251";
    let at = russian
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("the sample declares its charset");
    let russian = [
        &russian[..at],
        b"charset=x-unknown-12",
        &russian[at + needle.len()..],
    ]
    .concat();
    let english = std::fs::read(sample_source("news-article")).expect("sample");
    let response = |content_type: &str, body: &[u8]| {
        let mut block =
            format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nServer: test\r\n\r\n")
                .into_bytes();
        block.extend_from_slice(body);
        block
    };
    let mut warc = Vec::new();
    warc.extend(warc_record(
        "request",
        "https://ru.example/a",
        b"GET /a HTTP/1.1\r\n\r\n",
        1,
    ));
    warc.extend(warc_record(
        "response",
        "https://ru.example/a",
        &response("text/html; charset=windows-1251", &russian),
        2,
    ));
    warc.extend(warc_record(
        "response",
        "https://ru.example/logo.png",
        &response("image/png", b"\x89PNG"),
        3,
    ));
    warc.extend(warc_record(
        "response",
        "https://en.example/ferry",
        &response("text/html", &english),
        4,
    ));
    warc
}

#[test]
fn warc_archives_give_their_html_responses() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let plain = dir.path().join("crawl.warc");
    std::fs::write(&plain, archive()).expect("written");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&archive()).expect("compressed");
    let packed = dir.path().join("crawl.warc.gz");
    std::fs::write(&packed, gz.finish().expect("compressed")).expect("written");
    for file in [&plain, &packed] {
        let out = run(
            ["--jsonl".to_owned(), "--no-cross-page".into(), arg(file)],
            b"",
        );
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        let records: Vec<serde_json::Value> = out
            .stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON"))
            .collect();
        assert_eq!(records.len(), 2, "{}", out.stdout);
        assert_eq!(records[0]["url"], "https://ru.example/a");
        assert!(
            records[0]["text"]
                .as_str()
                .expect("text")
                .contains("Заречинск"),
            "decoded by the HTTP charset"
        );
        // The page's own canonical address wins over the record's.
        assert!(
            records[1]["url"]
                .as_str()
                .expect("url")
                .contains("harbourledger")
        );
        assert!(
            records[1]["path"]
                .as_str()
                .expect("path")
                .ends_with("#https://en.example/ferry")
        );
    }
    let out_dir = dir.path().join("out");
    let out = run(
        ["--output-dir".to_owned(), arg(&out_dir), arg(&packed)],
        b"",
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out_dir
            .join("crawl.warc/000002-en.example_ferry.txt")
            .exists()
    );
}

/// How many pages the interrupted runs get: enough that a debug build takes a few seconds.
const MANY: usize = 400;

/// `MANY` copies of a sample page in `dir/in`, each with its number in the body; and the text
/// extracted from page `n`.
fn numbered_pages(dir: &Path) -> impl Fn(usize) -> String {
    let html = std::fs::read_to_string(sample_source(SAMPLES[0])).expect("sample");
    let numbered = |n: usize| html.replace("reversing a plan", &format!("reversing plan {n:05}"));
    std::fs::create_dir(dir.join("in")).expect("a folder");
    for n in 0..MANY {
        std::fs::write(dir.join(format!("in/p{n:05}.html")), numbered(n)).expect("written");
    }
    let first = run(
        [
            "--no-cross-page".to_owned(),
            arg(&dir.join("in/p00000.html")),
        ],
        b"",
    );
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    assert!(first.stdout.contains("reversing plan 00000"));
    move |n| {
        first
            .stdout
            .replace("reversing plan 00000", &format!("reversing plan {n:05}"))
    }
}

/// Starts the binary on `args`, waits until `started` says it is under way (or until it has
/// ended), then sends it SIGINT. Its exit code: 130 if interrupted, 0 if it finished first.
fn interrupt(args: &[String], started: impl Fn() -> bool) -> i32 {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_unchaff"))
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !started()
        && child.try_wait().expect("waits").is_none()
        && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    // Not reaped yet, so the id cannot have been reused even if the run has ended.
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let out = child.wait_with_output().expect("ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    match out.status.code() {
        Some(130) => assert!(stderr.contains("interrupted"), "{stderr}"),
        Some(0) => eprintln!("the run ended before the signal; checking its outputs all the same"),
        other => panic!("exit {other:?} (None: killed by the signal itself): {stderr}"),
    }
    out.status.code().unwrap_or_default()
}

/// The files below `dir`, with their paths relative to it.
fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut pending = vec![dir.to_path_buf()];
    let mut files = Vec::new();
    while let Some(folder) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path.strip_prefix(dir).expect("below").to_path_buf());
            }
        }
    }
    files.sort();
    files
}

#[test]
fn ctrl_c_leaves_only_complete_outputs_and_a_resumed_run_completes_them() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let expected = numbered_pages(dir.path());
    let out_dir = dir.path().join("out");
    let args = |extra: &[&str]| {
        let mut a = vec![
            "--no-cross-page".to_owned(),
            "--output-dir".into(),
            arg(&out_dir),
        ];
        a.extend(extra.iter().map(|s| s.to_string()));
        a.push(arg(&dir.path().join("in")));
        a
    };
    // Interrupted as soon as its first output is there.
    let code = interrupt(&args(&[]), || !files_below(&out_dir).is_empty());
    let written = files_below(&out_dir);
    if code == 130 {
        assert!(written.len() < MANY, "{} outputs", written.len());
    }
    for file in &written {
        let name = file.display().to_string();
        let n: usize = name
            .strip_prefix('p')
            .and_then(|s| s.strip_suffix(".txt"))
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("{name}: a temporary or stray file"));
        let text = std::fs::read_to_string(out_dir.join(file)).expect("output");
        assert_eq!(text, expected(n), "{name} is incomplete");
    }
    // Resumed, the run writes the rest; every output is then what one run would have written.
    let resumed = run(args(&["--skip-existing"]), b"");
    assert_eq!(resumed.code, Some(0), "{}", resumed.stderr);
    let all = files_below(&out_dir);
    assert_eq!(all.len(), MANY, "{all:?}");
    for (n, file) in all.iter().enumerate() {
        assert_eq!(file, Path::new(&format!("p{n:05}.txt")));
        let text = std::fs::read_to_string(out_dir.join(file)).expect("output");
        assert_eq!(text, expected(n), "{}", file.display());
    }
}

#[test]
fn ctrl_c_leaves_no_partial_output_file() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let expected = numbered_pages(dir.path());
    let out = dir.path().join("out.txt");
    let args = [
        "--no-cross-page".to_owned(),
        "-o".into(),
        arg(&out),
        arg(&dir.path().join("in")),
    ];
    let is_temporary = |name: &str| name.starts_with(".out.txt.") && name.ends_with(".tmp");
    // Interrupted once the temporary file it writes to exists.
    let code = interrupt(&args, || {
        files_below(dir.path())
            .iter()
            .any(|f| is_temporary(&f.display().to_string()))
    });
    let left: Vec<String> = files_below(dir.path())
        .iter()
        .map(|f| f.display().to_string())
        .filter(|f| !f.starts_with("in/"))
        .collect();
    assert!(!left.iter().any(|f| is_temporary(f)), "{left:?}");
    if code == 130 {
        assert!(left.is_empty(), "{left:?}");
    } else {
        let text = std::fs::read_to_string(&out).expect("the output");
        assert!(text.starts_with(&expected(0)));
        assert!(text.ends_with(&expected(MANY - 1)));
    }
}

#[test]
fn the_cross_page_pass_leaves_no_temporary_file_when_done_or_interrupted() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let expected = numbered_pages(dir.path());
    let scratch = dir.path().join("tmp");
    std::fs::create_dir(&scratch).expect("a folder");
    let start = |stdout: std::process::Stdio| {
        std::process::Command::new(env!("CARGO_BIN_EXE_unchaff"))
            .arg(dir.path().join("in"))
            .env("TMPDIR", &scratch)
            .stdout(stdout)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("starts")
    };
    // The default mode over many pages waits with them on disk, and cleans up at the end.
    let done = start(std::process::Stdio::piped())
        .wait_with_output()
        .expect("ends");
    // The pages are copies of one another: nothing of their own would be left, so the pass
    // takes nothing for the site's template and each page comes out whole, in its order.
    let text = String::from_utf8_lossy(&done.stdout);
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert_eq!(done.status.code(), Some(0), "{stderr}");
    let whole: String = (0..MANY).map(&expected).collect::<Vec<_>>().join("\n");
    assert_eq!(text, whole, "every copy kept whole");
    assert!(
        files_below(&scratch).is_empty(),
        "{:?}",
        files_below(&scratch)
    );
    // Interrupted while the pages wait on disk: the file goes too.
    let child = start(std::process::Stdio::null());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while files_below(&scratch).is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let out = child.wait_with_output().expect("ends");
    assert!(
        matches!(out.status.code(), Some(130 | 0)),
        "{:?}",
        out.status
    );
    assert!(
        files_below(&scratch).is_empty(),
        "{:?}",
        files_below(&scratch)
    );
}
