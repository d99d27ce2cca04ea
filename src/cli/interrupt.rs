//! Interruption (Ctrl-C, SIGTERM, SIGHUP): the temporary files being written are removed and the
//! run exits with code 130, so an output file is either complete or absent.

use std::fs::File;
use std::io;
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

/// Removes the temporary files and exits on the first interruption.
pub fn install() {
    // Only the first call installs it; a second would fail with "handler already set".
    let _ = ctrlc::set_handler(|| {
        let mut pending = pending();
        for path in pending.drain(..) {
            let _ = std::fs::remove_file(path);
        }
        eprintln!("unchaff: interrupted");
        std::process::exit(INTERRUPTED);
    });
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
        let path = super::batch::temporary_path(target)?;
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
