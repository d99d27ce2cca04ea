//! Paths to the sample pages and a runner for the built binary.

use std::ffi::OsStr;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::thread;

/// The `samples/` directory at the package root.
pub fn samples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// The `source.html` of one sample.
pub fn sample_source(name: &str) -> PathBuf {
    samples_dir().join(name).join("source.html")
}

/// `text` with any trailing newlines replaced by exactly one, so expected files need not agree on it.
pub fn with_final_newline(text: &str) -> String {
    let mut text = text.trim_end_matches(['\n', '\r']).to_owned();
    text.push('\n');
    text
}

/// What one run of the binary produced.
#[derive(Debug)]
pub struct Run {
    /// The exit code; `None` if the process was killed by a signal.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the built `unchaff` binary with `args`, feeding it `stdin` (or nothing, closed).
pub fn run<I, S>(args: I, stdin: &[u8]) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut child = Command::new(env!("CARGO_BIN_EXE_unchaff"))
        .args(args)
        .env_remove("RUST_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the unchaff binary starts");
    let mut child_stdin = child.stdin.take().expect("stdin is piped");
    let input = stdin.to_vec();
    // A separate writer, so a child that prints before reading all of stdin cannot deadlock us.
    let writer = thread::spawn(move || {
        // The child may exit without reading stdin (usage errors); a broken pipe is fine then.
        let _ = child_stdin.write_all(&input);
    });
    let output = child.wait_with_output().expect("the unchaff binary runs");
    writer.join().expect("the stdin writer does not panic");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}
