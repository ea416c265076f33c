//! One program at a time may restore into, or run the app on, a data directory: it holds an
//! exclusive lock on `eftertanke.lock` there. The OS releases the lock when the holder exits,
//! even after a crash, so a stale lock never blocks anyone.

use crate::error::{Error, Result};
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

pub const LOCK_FILE: &str = "eftertanke.lock";

#[derive(Debug)]
pub struct DataDirLock {
    _file: File,
    path: PathBuf,
}

impl DataDirLock {
    /// Takes the lock, or says that another Eftertanke holds it.
    pub fn acquire(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|e| Error::from_io(dir, &e))?;
        let path = dir.join(LOCK_FILE);
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::from_io(&path, &e))?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file, path }),
            Err(TryLockError::WouldBlock) => Err(Error::Locked {
                path: crate::data_dir::database_path(dir),
            }),
            Err(TryLockError::Error(e)) => Err(Error::from_io(&path, &e)),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = DataDirLock::acquire(dir.path()).expect("first");
        let second = DataDirLock::acquire(dir.path()).expect_err("second must wait");
        assert_eq!(second.kind(), crate::ErrorKind::Locked);
        drop(first);
        DataDirLock::acquire(dir.path()).expect("free again");
    }
}
