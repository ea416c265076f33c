//! Which [`Error`] a failure from SQLite or the file system is: a damaged, locked or read-only
//! database, a full disk (told by SQLite's code, the OS's error number or the file system's free
//! space, never by a message's text), or else an unexpected one that keeps its cause.

use super::Error;
use std::path::Path;

impl Error {
    /// Classifies a SQLite failure on the database at `path`.
    pub fn from_sqlite(path: &Path, err: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        let path = path.to_path_buf();
        match err.sqlite_error_code() {
            Some(C::NotADatabase | C::DatabaseCorrupt) => Error::Corrupt { path },
            Some(C::DatabaseBusy | C::DatabaseLocked) => Error::Locked { path },
            Some(C::ReadOnly | C::CannotOpen | C::PermissionDenied) => Error::Unwritable {
                path,
                reason: err.to_string(),
            },
            Some(C::DiskFull) => Error::DiskFull {
                path,
                draft_kept: false,
            },
            // With no byte free SQLite often fails a write as an I/O error (the OS said ENOSPC),
            // and `sqlcipher_export` reports a full disk as a generic error with SQLite's text.
            Some(C::SystemIoFailure) if crate::error::disk_space::is_full(&path) => Error::DiskFull {
                path,
                draft_kept: false,
            },
            // Any other failure on a disk with no room left is the full disk (`sqlcipher_export`
            // reports one as a generic error), told by the file system, not by the message.
            _ if crate::error::disk_space::is_full(&path) => Error::DiskFull {
                path,
                draft_kept: false,
            },
            _ => Error::caused(format!("on {}", path.display()), err),
        }
    }

    /// Classifies a file-system failure on `path`.
    pub fn from_io(path: &Path, err: &std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        let path = path.to_path_buf();
        match err.kind() {
            K::StorageFull | K::QuotaExceeded => Error::DiskFull {
                path,
                draft_kept: false,
            },
            K::WriteZero if crate::error::disk_space::is_full(&path) => Error::DiskFull {
                path,
                draft_kept: false,
            },
            K::PermissionDenied | K::ReadOnlyFilesystem | K::NotADirectory | K::AlreadyExists => Error::Unwritable {
                path,
                reason: err.to_string(),
            },
            _ => Error::caused(format!("on {}", path.display()), copy_of(err)),
        }
    }
}

/// An owned copy of an I/O error, its OS error number kept where it has one.
fn copy_of(err: &std::io::Error) -> std::io::Error {
    err.raw_os_error().map_or_else(
        || std::io::Error::new(err.kind(), err.to_string()),
        std::io::Error::from_raw_os_error,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn file_system_refusals_are_reported_as_unwritable() {
        for kind in [
            std::io::ErrorKind::PermissionDenied,
            std::io::ErrorKind::ReadOnlyFilesystem,
        ] {
            let err = Error::from_io(Path::new("/data"), &std::io::Error::from(kind));
            assert_eq!(
                err.kind(),
                ErrorKind::Unwritable,
                "{kind:?} must tell the user to pick a writable place"
            );
        }
        let full = Error::from_io(
            Path::new("/data"),
            &std::io::Error::from(std::io::ErrorKind::StorageFull),
        );
        assert_eq!(full.kind(), ErrorKind::DiskFull);
    }

    #[test]
    fn an_unexpected_failure_keeps_its_cause() {
        use std::error::Error as _;
        // ENOSPC is a full disk by its number; EIO on a roomy disk is unexpected, kept whole.
        let full = Error::from_io(Path::new("/data"), &std::io::Error::from_raw_os_error(28));
        assert_eq!(
            full.kind(),
            ErrorKind::DiskFull,
            "told by the OS's number, not by a text"
        );
        let tmp = std::env::temp_dir();
        let err = Error::from_io(&tmp, &std::io::Error::from_raw_os_error(5));
        assert_eq!(err.kind(), ErrorKind::Internal);
        let cause = err.source().and_then(|s| s.downcast_ref::<std::io::Error>());
        assert_eq!(cause.and_then(std::io::Error::raw_os_error), Some(5), "{err:?}");
        assert!(err.to_string().contains(&tmp.display().to_string()), "{err}");
        let json = serde_json::from_str::<serde_json::Value>("{").map_err(|e| Error::caused("reading", e));
        let err = json.err().unwrap_or_else(|| Error::internal("parsed"));
        assert!(err.source().is_some_and(|s| s.is::<serde_json::Error>()));
        assert!(err.to_string().starts_with("unexpected error (reading): "), "{err}");
    }
}
