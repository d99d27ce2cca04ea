//! Interruption (Ctrl-C, SIGTERM, SIGHUP): the temporary files being written are removed and the
//! run exits with code 130, so an output file is either complete or absent. A panic removes them
//! too before the process ends: the release build aborts on a panic, so no `Drop` would.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The exit code of an interrupted run, as shells report SIGINT.
const INTERRUPTED: i32 = 130;

/// The temporary files that exist now. Files are created and renamed with the lock held, and
/// the handler keeps it until the process ends, so none appears or moves after the cleanup.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Removes the temporary files and exits on the first interruption, and removes them on a panic
/// before the panic's report. Call it once.
pub fn install() {
    // Only the first call installs it; a second would fail with "handler already set".
    let _ = ctrlc::set_handler(|| {
        // The lock is held until the process ends: no file is created or renamed after this.
        let mut pending = pending();
        remove_pending(&mut pending);
        eprintln!("unchaff: interrupted");
        std::process::exit(INTERRUPTED);
    });
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // The panicking thread may hold the lock itself (a panic while creating or renaming a
        // file): then nothing is removed rather than waiting for ever.
        let held = match PENDING.try_lock() {
            Ok(pending) => Some(pending),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) => None,
        };
        if let Some(mut pending) = held {
            remove_pending(&mut pending);
            // A build that aborts on a panic ends right after this hook: the lock stays held,
            // so that no other thread creates a file meanwhile. One that unwinds goes on, and
            // its threads' files are removed as they unwind.
            if cfg!(panic = "abort") {
                std::mem::forget(pending);
            }
        }
        report(info);
    }));
}

/// Removes the temporary files that exist now, and forgets them.
fn remove_pending(pending: &mut Vec<PathBuf>) {
    for path in pending.drain(..) {
        let _ = std::fs::remove_file(path);
    }
}

/// A temporary file beside its target: renamed into place by [`Temporary::commit`], removed
/// when dropped before that or when the run is interrupted.
pub struct Temporary {
    path: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Temporary {
    /// Creates the temporary file for `target`.
    pub fn create(target: &Path) -> io::Result<(Temporary, File)> {
        let path = temporary_path(target)?;
        let mut pending = pending();
        let file = File::create(&path)?;
        pending.push(path.clone());
        let tmp = Temporary {
            path,
            target: target.to_path_buf(),
            committed: false,
        };
        Ok((tmp, file))
    }

    /// Where the file is until it takes its name.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The name the file takes.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Renames the file into place.
    pub fn commit(mut self) -> io::Result<()> {
        let renamed = {
            let _pending = pending();
            std::fs::rename(&self.path, &self.target)
        };
        self.committed = renamed.is_ok();
        renamed
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        let mut pending = pending();
        if !self.committed {
            let _ = std::fs::remove_file(&self.path);
        }
        pending.retain(|p| *p != self.path);
    }
}

/// The longest file name most file systems take, in bytes.
const NAME_MAX: usize = 255;

/// A temporary file name beside `path`, for writing it atomically: `.NAME.PID.tmp`, or for a
/// name too long for that, `.unchaff-HASH.PID.tmp` (within [`NAME_MAX`] bytes either way).
fn temporary_path(path: &Path) -> io::Result<PathBuf> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let suffix = format!(".{}.tmp", std::process::id());
    let mut tmp_name = std::ffi::OsString::from(".");
    if 1 + file_name.len() + suffix.len() <= NAME_MAX {
        tmp_name.push(file_name);
    } else {
        use std::hash::{DefaultHasher, Hash, Hasher};
        let mut hasher = DefaultHasher::new();
        file_name.hash(&mut hasher);
        tmp_name.push(format!("unchaff-{:016x}", hasher.finish()));
    }
    tmp_name.push(suffix);
    Ok(dir.join(tmp_name))
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into place.
pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (tmp, mut file) = Temporary::create(path)?;
    file.write_all(bytes)?;
    drop(file);
    tmp.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cleanup_removes_files_being_written_and_leaves_written_ones() {
        let dir = std::env::temp_dir().join(format!("unchaff-cleanup-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a folder");
        let (written, mut file) = Temporary::create(&dir.join("done.txt")).expect("a file");
        file.write_all(b"whole").expect("written");
        drop(file);
        written.commit().expect("renamed");
        let (open, mut file) = Temporary::create(&dir.join("half.txt")).expect("a file");
        file.write_all(b"ha").expect("written");
        let half = open.path().to_path_buf();
        assert!(half.exists());
        // The list the handlers clear, but of this test's file alone: other tests running now
        // have files of their own in the global one.
        assert!(pending().contains(&half));
        remove_pending(&mut vec![half.clone()]);
        assert!(!half.exists(), "the file being written is removed");
        assert_eq!(std::fs::read(dir.join("done.txt")).expect("kept"), b"whole");
        assert!(!dir.join("half.txt").exists());
        drop(open);
        std::fs::remove_dir_all(&dir).expect("removed");
    }

    #[test]
    fn temporary_names_stay_within_the_file_name_limit() {
        let short = temporary_path(Path::new("out/story.txt")).expect("a name");
        let pid = std::process::id();
        assert_eq!(short, PathBuf::from(format!("out/.story.txt.{pid}.tmp")));
        let long = format!("{}.txt", "n".repeat(250));
        let tmp = temporary_path(&Path::new("out").join(&long)).expect("a name");
        let name = tmp.file_name().expect("a file name").len();
        assert!(name <= NAME_MAX, "{name} bytes");
        assert_eq!(tmp.parent(), Some(Path::new("out")));
        // The same target always gets the same temporary name; another target another one.
        assert_eq!(
            tmp,
            temporary_path(&Path::new("out").join(&long)).expect("a name")
        );
        let other = format!("{}.txt", "m".repeat(250));
        assert_ne!(
            tmp,
            temporary_path(&Path::new("out").join(other)).expect("a name")
        );
    }
}
