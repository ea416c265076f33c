//! Private files: the data folder is `0700` and every file in it `0600`, whatever the umask.
//!
//! Architecture invariant: every folder and file Eftertanke creates in a data directory —
//! the database (and the WAL and shared-memory files SQLite makes beside it, which take the
//! database file's mode), the key file and its copy, backups and their partial copies, the
//! lock file — is readable by its owner only. Modes are set explicitly after creating, not
//! left to the umask, and an existing folder is tightened when a journal is opened. On
//! systems without Unix modes these functions do nothing.

use crate::error::{Error, Result};
use std::fs::File;
use std::path::Path;

/// The mode of every folder Eftertanke makes.
#[cfg(unix)]
pub const DIR_MODE: u32 = 0o700;
/// The mode of every file Eftertanke makes.
#[cfg(unix)]
pub const FILE_MODE: u32 = 0o600;

/// Creates `dir` (and missing parents) and makes `dir` itself private. Parents that already
/// existed are left as they are: they are not ours.
pub fn create_dir(dir: &Path) -> Result<()> {
    let existed = dir.is_dir();
    std::fs::create_dir_all(dir).map_err(|e| Error::from_io(dir, &e))?;
    if !existed {
        set_dir_mode(dir)?;
    }
    Ok(())
}

/// Makes an existing folder private (an older version created it `0755`).
pub fn tighten_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() { set_dir_mode(dir) } else { Ok(()) }
}

/// Creates a new file that must not exist yet, private from its first byte.
pub fn create_new(path: &Path) -> Result<File> {
    let mut options = File::options();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, FILE_MODE);
    let file = options.open(path).map_err(|e| Error::from_io(path, &e))?;
    set_file_mode(path)?;
    Ok(file)
}

/// Makes `path` private if it exists (a missing file is not an error).
pub fn tighten_file(path: &Path) -> Result<()> {
    if path.is_file() {
        set_mode_unless_gone(path)
    } else {
        Ok(())
    }
}

/// A file can go between looking and tightening: SQLite removes a WAL when the last other
/// connection to the database closes, and a backup's partial is renamed away. What is gone
/// needs no tightening, and SQLite makes a new WAL with the database file's own mode.
fn set_mode_unless_gone(path: &Path) -> Result<()> {
    match file_mode_io(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other.map_err(|e| Error::from_io(path, &e)),
    }
}

/// Makes every regular file directly in `dir` private.
pub fn tighten_files_in(dir: &Path) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.filter_map(|e| e.ok()) {
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            set_mode_unless_gone(&entry.path())?;
        }
    }
    Ok(())
}

fn set_dir_mode(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(DIR_MODE))
            .map_err(|e| Error::from_io(dir, &e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

fn set_file_mode(path: &Path) -> Result<()> {
    file_mode_io(path).map_err(|e| Error::from_io(path, &e))
}

fn file_mode_io(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(FILE_MODE))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_gone_between_looking_and_tightening_is_not_an_error() {
        let dir = tempfile::tempdir().unwrap();
        // What `tighten_file` meets when SQLite removed the WAL after `is_file` said yes.
        assert!(set_mode_unless_gone(&dir.path().join("journal.sqlite3-wal")).is_ok());
        // Without the allowance the same moment is an error.
        assert!(set_file_mode(&dir.path().join("journal.sqlite3-wal")).is_err());
    }
}
