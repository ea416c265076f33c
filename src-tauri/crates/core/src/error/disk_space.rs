//! Is the disk full? SQLite reports a write that found no free byte sometimes as "disk full"
//! and sometimes as a bare I/O error; asking the file system tells the two apart, so the
//! person is told to free space rather than that storage failed for no reason.

use std::path::Path;

/// Less free space than this (for this user) counts as a full disk: a journal write needs a
/// few pages, and the last blocks of a file system are often reserved.
const NEARLY_FULL_BYTES: u64 = 256 * 1024;

/// `true` when the file system holding `path` (or its nearest existing ancestor) has almost
/// no space left for this user. `false` when that cannot be found out.
pub(crate) fn is_full(path: &Path) -> bool {
    free_bytes(path).is_some_and(|free| free < NEARLY_FULL_BYTES)
}

#[cfg(any(target_os = "linux", target_os = "macos"))]
fn free_bytes(path: &Path) -> Option<u64> {
    let existing = path.ancestors().find(|p| p.exists())?;
    let stat = rustix::fs::statvfs(existing).ok()?;
    Some(stat.f_bavail.saturating_mul(stat.f_frsize))
}

#[cfg(not(any(target_os = "linux", target_os = "macos")))]
fn free_bytes(_path: &Path) -> Option<u64> {
    None
}
