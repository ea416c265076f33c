//! Replacing a small file so that a crash leaves either the old or the new version, never half
//! of one: write beside it under a name no other process uses, sync, rename over it, sync the
//! directory. A failed write removes its temporary file.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Writes `bytes` to `path` atomically; the file is private (`0600`).
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = temp_name(path);
    let written = (|| {
        let on_tmp = |e: std::io::Error| Error::from_io(&tmp, &e);
        let mut file = crate::files::private_files::create_new(&tmp)?;
        file.write_all(bytes).map_err(on_tmp)?;
        file.sync_all().map_err(on_tmp)?;
        drop(file);
        std::fs::rename(&tmp, path).map_err(|e| Error::from_io(path, &e))
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written?;
    sync_dir(dir)
}

/// A temporary name beside `path` that is this process's and this call's alone: two processes
/// (or threads) writing the same file never share one.
pub(crate) fn temp_name(path: &Path) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.{n}.tmp", std::process::id()))
}

/// Makes a rename or a new file in `dir` durable (a no-op where directories cannot be opened).
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        let d = std::fs::File::open(dir).map_err(|e| Error::from_io(dir, &e))?;
        d.sync_all().map_err(|e| Error::from_io(dir, &e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
