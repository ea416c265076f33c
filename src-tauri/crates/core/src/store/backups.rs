//! Making, checking, rotating and restoring backups, and what erasure asks of them.
//!
//! A backup is a consistent copy made with SQLCipher's `sqlcipher_export` inside one read
//! transaction, encrypted with the same key as the database, written beside its final name,
//! synced, verified by opening it, and only then given its name.

use super::Store;
use super::migrations::{APPLICATION_ID, LATEST_VERSION};
use crate::backup::{self, BackupCheck, BackupInfo, BackupReason};
use crate::error::{Error, Result};
use crate::time;
use crate::vault::DatabaseKey;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// A backup being made, watched from another thread: the copy it is writing (its size is how
/// far it is), whether it is being checked, and whether it is to stop. SQLite's progress
/// handler reads `stop` while the copy and the check run.
#[derive(Debug, Default)]
pub(crate) struct BackupWatch {
    pub stop: AtomicBool,
    pub verifying: AtomicBool,
    pub partial: Mutex<Option<PathBuf>>,
}

impl BackupWatch {
    fn stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    /// How many bytes of the copy are on the disk.
    pub fn written(&self) -> u64 {
        let partial = self.partial.lock().unwrap_or_else(|p| p.into_inner()).clone();
        partial.and_then(|p| std::fs::metadata(p).ok()).map_or(0, |m| m.len())
    }
}

/// SQLite calls the handler every this many virtual-machine steps.
const WATCH_STEPS: i32 = 10_000;

fn watch_connection(conn: &Connection, watch: Option<&Arc<BackupWatch>>) -> rusqlite::Result<()> {
    match watch {
        Some(w) => {
            let w = Arc::clone(w);
            conn.progress_handler(WATCH_STEPS, Some(move || w.stopped()))
        }
        None => conn.progress_handler(0, None::<fn() -> bool>),
    }
}

fn cancelled() -> Error {
    Error::Cancelled { what: "the backup" }
}

/// Copies the database open on `conn` into a new file at `dest`, encrypted with `key` (or not,
/// without one), as one consistent snapshot.
pub(crate) fn export(conn: &Connection, dest: &Path, key: Option<&DatabaseKey>) -> rusqlite::Result<()> {
    let key_value = key.map(|k| k.sqlcipher_value());
    let key_sql: &str = key_value.as_deref().map_or("", |v| v.as_str());
    conn.execute(
        "ATTACH DATABASE ?1 AS backup KEY ?2",
        params![dest.to_string_lossy(), key_sql],
    )?;
    let copied = (|| {
        // One read transaction: the copy is the database at one moment, even if another
        // connection writes meanwhile.
        conn.execute_batch("BEGIN")?;
        conn.query_row("SELECT sqlcipher_export('backup')", [], |_| Ok(()))?;
        let version: i64 = conn.pragma_query_value(Some("main"), "user_version", |r| r.get(0))?;
        conn.pragma_update(Some("backup"), "user_version", version)?;
        conn.pragma_update(Some("backup"), "application_id", APPLICATION_ID)?;
        conn.execute_batch("COMMIT")
    })();
    if copied.is_err() {
        let _ = conn.execute_batch("ROLLBACK");
    }
    let detached = conn.execute("DETACH DATABASE backup", []);
    copied.and(detached.map(|_| ()))
}

/// Opens a backup read-only with `key` and checks that it is a whole Eftertanke database.
pub fn verify(path: &Path, key: Option<&DatabaseKey>) -> Result<BackupCheck> {
    verify_watched(path, key, None)
}

fn verify_watched(path: &Path, key: Option<&DatabaseKey>, watch: Option<&Arc<BackupWatch>>) -> Result<BackupCheck> {
    let refuse = |reason: &str| Error::NotABackup {
        path: path.to_path_buf(),
        reason: reason.to_owned(),
    };
    if !path.is_file() {
        return Err(refuse("there is no such file"));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|_| refuse("it cannot be opened"))?;
    if let Some(key) = key {
        super::connection::apply_key(&conn, key).map_err(|_| refuse("it cannot be opened"))?;
    }
    watch_connection(&conn, watch).map_err(|e| Error::from_sqlite(path, e))?;
    let unreadable = "it is damaged, or encrypted with another journal's key";
    let app_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|_| refuse(unreadable))?;
    if app_id != APPLICATION_ID {
        return Err(refuse("it is not an Eftertanke database"));
    }
    let schema_version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|_| refuse(unreadable))?;
    if schema_version > LATEST_VERSION {
        return Err(refuse("it was written by a newer version of Eftertanke"));
    }
    let check: String = conn
        .query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))
        .map_err(|_| refuse(unreadable))?;
    if check != "ok" {
        return Err(refuse("its integrity check failed"));
    }
    let entries: i64 = conn
        .query_row("SELECT count(*) FROM entries WHERE deleted_at IS NULL", [], |r| {
            r.get(0)
        })
        .map_err(|_| refuse("it has no journal in it"))?;
    Ok(BackupCheck {
        schema_version,
        entries,
    })
}

/// Writes a verified backup of the database on `conn` into `database`'s backups folder.
pub(crate) fn write_backup(
    conn: &Connection,
    database: &Path,
    key: Option<&DatabaseKey>,
    reason: BackupReason,
    watch: Option<&Arc<BackupWatch>>,
) -> Result<BackupInfo> {
    let dir = backup::backup_dir(database);
    crate::files::private_files::create_dir(&dir)?;
    let now = time::now();
    let name = BackupInfo::file_name_for(now, reason);
    let final_path = dir.join(&name);
    let partial = dir.join(format!("{name}.partial"));
    let _ = std::fs::remove_file(&partial);
    // Created private before SQLite writes to it, whatever the umask.
    drop(crate::files::private_files::create_new(&partial)?);
    let stopped = || watch.is_some_and(|w| w.stopped());
    if let Some(w) = watch {
        *w.partial.lock().unwrap_or_else(|p| p.into_inner()) = Some(partial.clone());
    }
    let copied = watch_connection(conn, watch).and_then(|()| export(conn, &partial, key));
    let _ = watch_connection(conn, None);
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&partial);
        return Err(if stopped() {
            cancelled()
        } else {
            Error::from_sqlite(&partial, e)
        });
    }
    let io = |p: &Path, e: std::io::Error| Error::from_io(p, &e);
    std::fs::File::open(&partial)
        .and_then(|f| f.sync_all())
        .map_err(|e| io(&partial, e))?;
    if let Some(w) = watch {
        w.verifying.store(true, Ordering::SeqCst);
    }
    let checked = verify_watched(&partial, key, watch);
    if checked.is_err() || stopped() {
        let _ = std::fs::remove_file(&partial);
        return Err(if stopped() {
            cancelled()
        } else {
            checked.err().unwrap_or_else(cancelled)
        });
    }
    std::fs::rename(&partial, &final_path).map_err(|e| io(&final_path, e))?;
    crate::files::atomic_file::sync_dir(&dir)?;
    copy_key_file(database, &dir)?;
    let size = std::fs::metadata(&final_path).map(|m| m.len()).unwrap_or(0);
    BackupInfo::parse(&name, size).ok_or_else(|| Error::internal(format!("backup name {name} does not parse")))
}

/// Keeps a copy of the key file with the backups: without it they cannot be opened.
fn copy_key_file(database: &Path, backup_dir: &Path) -> Result<()> {
    let key_file = database
        .parent()
        .unwrap_or(Path::new("."))
        .join(crate::vault::keyfile::KEY_FILE);
    if key_file.is_file() {
        let bytes = std::fs::read(&key_file).map_err(|e| Error::from_io(&key_file, &e))?;
        crate::files::atomic_file::write(&backup_dir.join(crate::vault::keyfile::KEY_FILE), &bytes)?;
    }
    Ok(())
}

/// Encrypts a database that an earlier version kept unencrypted: a verified encrypted copy
/// replaces it, and the unencrypted file and its WAL are removed.
pub(crate) fn encrypt_plaintext_database(database: &Path, key: &DatabaseKey) -> Result<()> {
    let encrypted = database.with_extension("sqlite3.encrypting");
    let _ = std::fs::remove_file(&encrypted);
    {
        let conn = Connection::open(database).map_err(|e| Error::from_sqlite(database, e))?;
        super::connection::check_identity(&conn, database)?;
        export(&conn, &encrypted, Some(key)).map_err(|e| Error::from_sqlite(&encrypted, e))?;
        // Closing checkpoints and removes the plaintext WAL.
        conn.close().map_err(|(_, e)| Error::from_sqlite(database, e))?;
    }
    verify(&encrypted, Some(key)).inspect_err(|_| {
        let _ = std::fs::remove_file(&encrypted);
    })?;
    std::fs::File::open(&encrypted)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::from_io(&encrypted, &e))?;
    std::fs::rename(&encrypted, database).map_err(|e| Error::from_io(database, &e))?;
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(PathBuf::from(format!("{}{suffix}", database.display())));
    }
    crate::files::atomic_file::sync_dir(database.parent().unwrap_or(Path::new(".")))
}

impl Store {
    /// Makes a verified backup now.
    pub fn back_up(&self, reason: BackupReason) -> Result<BackupInfo> {
        self.require_file()?;
        write_backup(&self.conn, &self.path, self.key.as_ref(), reason, None)
    }

    /// A backup watched from another thread ([`crate::journal::BackupJob::run_with`]).
    pub(crate) fn back_up_watched(&self, reason: BackupReason, watch: &Arc<BackupWatch>) -> Result<BackupInfo> {
        self.require_file()?;
        write_backup(&self.conn, &self.path, self.key.as_ref(), reason, Some(watch))
    }

    /// The size of the database in bytes, as a backup will copy it.
    pub(crate) fn database_bytes(&self) -> Result<u64> {
        self.conn
            .query_row(
                "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n.max(0) as u64)
            .map_err(|e| self.fail(e))
    }

    /// The backups of this database, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        backup::list(&self.path)
    }

    /// The daily rotation: makes a backup if the newest is a day old — or older than the last
    /// erasure, so deleted text does not outlive the rotation — then removes the backups made
    /// before the last erasure and all but the newest `keep`. Returns the backup made, if any.
    pub fn rotate_backups(&self, keep: usize) -> Result<Option<BackupInfo>> {
        self.require_file()?;
        let now = time::now();
        let erased_at = self.last_erasure()?;
        let newest = self.backups()?.first().map(|b| b.created_at);
        let stale = newest.is_none_or(|t| now - t >= backup::DAILY || erased_at.is_some_and(|e| t <= e));
        let made = if stale {
            Some(self.back_up(BackupReason::Daily)?)
        } else {
            None
        };
        let dir = backup::backup_dir(&self.path);
        for (i, b) in self.backups()?.iter().enumerate() {
            let before_erasure = erased_at.is_some_and(|e| b.created_at <= e);
            if i >= keep.max(1) || (i > 0 && before_erasure) {
                let path = dir.join(&b.file_name);
                std::fs::remove_file(&path).map_err(|e| Error::from_io(&path, &e))?;
                for suffix in ["-wal", "-shm"] {
                    let _ = std::fs::remove_file(PathBuf::from(format!("{}{suffix}", path.display())));
                }
            }
        }
        Ok(made)
    }

    /// Is a rotation due (a day since the newest backup, or an erasure since)?
    pub fn rotation_due(&self) -> Result<bool> {
        let newest = self.backups()?.first().map(|b| b.created_at);
        let erased_at = self.last_erasure()?;
        Ok(newest.is_none_or(|t| time::now() - t >= backup::DAILY || erased_at.is_some_and(|e| t <= e)))
    }

    /// After text was deleted: note when (for the backups' rotation), and checkpoint so the
    /// deleted text leaves the WAL too (`secure_delete` has already zeroed it in the file).
    pub(crate) fn after_erasure(&mut self) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO meta (key, value) VALUES ('last_erasure_at', ?1) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [time::to_db(time::now())],
            )
            .map_err(|e| self.fail(e))?;
        self.checkpoint()
    }

    /// Copies the WAL into the database file and empties it.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(|e| self.fail(e))
    }

    fn last_erasure(&self) -> Result<Option<DateTime<Utc>>> {
        let value: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'last_erasure_at'", [], |r| r.get(0))
            .optional()
            .map_err(|e| self.fail(e))?;
        Ok(value.and_then(|v| time::from_db(&v).ok()))
    }

    fn require_file(&self) -> Result<()> {
        if self.path == Path::new(":memory:") {
            return Err(Error::internal("a database in memory has no backups"));
        }
        Ok(())
    }
}
