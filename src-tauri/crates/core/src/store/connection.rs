//! Connection set-up: the pragmas every connection gets, and the checks made before a file is
//! trusted as an Eftertanke database.

use super::file_system::{self, FileSystem};
use super::migrations::{APPLICATION_ID, LATEST_VERSION};
use crate::error::{Error, Result};
use rusqlite::Connection;
use std::path::Path;
use std::time::Duration;

/// Sets the pragmas every connection needs. Also used by the benchmark's raw baseline, so both
/// sides of that comparison run with exactly the same settings.
pub fn apply_pragmas(conn: &Connection, busy_timeout: Duration) -> rusqlite::Result<()> {
    // Wait this long for another connection's lock instead of failing at once; first, so the
    // pragmas below wait too.
    conn.busy_timeout(busy_timeout)?;
    // Write-ahead logging: a crash mid-write leaves the database as it was before the
    // transaction, and readers never block the writer. Reading the header here is also what
    // finds a file that is not a database.
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
            Some(format!("journal_mode is {mode}, not WAL")),
        ));
    }
    // FULL: the WAL is synced on every commit, so an entry reported as saved survives a power
    // cut, not only a crash. This is the durability promise the UI makes.
    conn.pragma_update(None, "synchronous", "FULL")?;
    // Links between records are checked by SQLite, not only by our code.
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Deleted text is overwritten, not left in free pages of the file.
    conn.pragma_update(None, "secure_delete", "ON")?;
    // An 8 MB page cache (SQLite's default is 2 MB): a filtered timeline page at 100,000
    // entries reads more pages than 2 MB hold, and ran 2.6x slower on whichever connection
    // lost the shared page pool (`cargo bench -p eftertanke-core --bench timeline`).
    conn.pragma_update(None, "cache_size", -8000)?;
    Ok(())
}

/// Gives SQLCipher the key; the first statement on a connection, before anything reads the
/// file. SQLCipher's own logging to stderr is silenced: a wrong key or a damaged page becomes a
/// typed [`Error`] that says what to do, which a log line could only duplicate.
pub(crate) fn apply_key(conn: &Connection, key: &crate::vault::DatabaseKey) -> rusqlite::Result<()> {
    conn.execute_batch("PRAGMA cipher_log_level = NONE")?;
    conn.pragma_update(None, "key", &*key.sqlcipher_value())
}

/// Refuses locations where a database cannot be kept: the path is a directory, its directory
/// cannot be written (SQLite needs to create the WAL and shared-memory files beside it), or it
/// is on a network file system (see [`file_system`]). Nothing is created or changed by this
/// check.
pub fn check_location(path: &Path) -> Result<()> {
    if path.is_dir() {
        return Err(Error::Unwritable {
            path: path.to_path_buf(),
            reason: "it is a directory".into(),
        });
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let meta = std::fs::metadata(dir).map_err(|e| Error::from_io(dir, &e))?;
    if !meta.is_dir() {
        return Err(Error::Unwritable {
            path: dir.to_path_buf(),
            reason: "it is not a directory".into(),
        });
    }
    // A failed inspection does not block opening: SQLite's own open reports a real problem.
    if let Ok(FileSystem::Network(name)) = file_system::file_system_of(dir) {
        return Err(Error::NetworkFileSystem {
            path: dir.to_path_buf(),
            file_system: name.to_owned(),
        });
    }
    if meta.permissions().readonly() {
        return Err(Error::Unwritable {
            path: dir.to_path_buf(),
            reason: "the directory is read-only".into(),
        });
    }
    if let Ok(file) = std::fs::metadata(path)
        && file.permissions().readonly()
    {
        return Err(Error::Unwritable {
            path: path.to_path_buf(),
            reason: "the file is read-only".into(),
        });
    }
    Ok(())
}

/// Checks that the open file is empty, or an Eftertanke database this version can read.
pub fn check_identity(conn: &Connection, path: &Path) -> Result<()> {
    let fail = |e| Error::from_sqlite(path, e);
    let app_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(fail)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(fail)?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(fail)?;
    let empty = app_id == 0 && version == 0 && tables == 0;
    if !empty && app_id != APPLICATION_ID {
        return Err(Error::NotEftertanke {
            path: path.to_path_buf(),
        });
    }
    if version > LATEST_VERSION {
        return Err(Error::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: LATEST_VERSION,
        });
    }
    Ok(())
}

/// The write-ahead log and its index beside a database, as they were before it was opened.
pub struct Sidecars {
    files: Vec<(std::path::PathBuf, bool)>,
}

impl Sidecars {
    pub fn before(db: &Path) -> Self {
        let files = ["-wal", "-shm"]
            .into_iter()
            .map(|end| {
                let mut name = db.as_os_str().to_owned();
                name.push(end);
                let path = std::path::PathBuf::from(name);
                let there = path.symlink_metadata().is_ok();
                (path, there)
            })
            .collect();
        Self { files }
    }

    /// Removes each that was not there before and holds no log (an empty `-wal`; the `-shm`
    /// only beside it): made by a failed open, never a log with changes in it.
    pub fn remove_new(&self) {
        let wal_empty = self
            .files
            .first()
            .is_some_and(|(p, there)| !there && p.metadata().map_or(true, |m| m.len() == 0));
        if !wal_empty {
            return;
        }
        for (path, there) in &self.files {
            if !there {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}
