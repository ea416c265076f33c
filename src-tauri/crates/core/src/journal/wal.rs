//! The database file and its WAL as one thing: which files belong to it, whether the file is
//! there and whole, and folding the WAL into the file so a copy is self-contained.

use crate::error::{Error, Result};
use crate::store::Store;
use crate::vault::DatabaseKey;
use std::path::{Path, PathBuf};

/// SQLCipher's page size: a whole database file is a non-zero multiple of it.
const PAGE_SIZE: u64 = 4096;

/// The database file, its WAL and its shared-memory file.
pub(crate) fn files_of(db: &Path) -> [PathBuf; 3] {
    [db.to_path_buf(), side(db, "-wal"), side(db, "-shm")]
}

pub(crate) fn side(db: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", db.display()))
}

/// A key file's database must be there, and not emptied or cut mid-page: otherwise opening
/// would quietly make a new, empty journal in its place.
pub(super) fn check_present_and_whole(db: &Path) -> Result<()> {
    let missing = |what| Error::JournalMissing {
        path: db.to_path_buf(),
        what,
    };
    let len = match std::fs::metadata(db) {
        Ok(meta) => meta.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(missing("missing")),
        Err(e) => return Err(Error::from_io(db, &e)),
    };
    if len == 0 {
        return Err(missing("empty"));
    }
    if len % PAGE_SIZE != 0 {
        return Err(missing("cut short"));
    }
    Ok(())
}

/// A cheap look at the newest pages of the journal (the right-hand edge of its main tables,
/// where a file cut at a page boundary loses pages first), so a truncated file is found on
/// opening instead of on the first save.
pub(super) fn probe(store: &Store) -> Result<()> {
    store.probe_newest_pages().map_err(|e| match e {
        Error::Corrupt { path } => Error::JournalMissing {
            path,
            what: "cut short",
        },
        other => other,
    })
}

/// Folds the WAL of the (closed, unused) database `db` into the file, so the file alone holds
/// everything. Returns `false` when it could not (the file is damaged, say): then the WAL must
/// travel with the file.
pub(crate) fn fold(db: &Path, key: &DatabaseKey) -> bool {
    if !side(db, "-wal").exists() {
        return true;
    }
    let folded = (|| -> rusqlite::Result<bool> {
        let conn = rusqlite::Connection::open(db)?;
        crate::store::apply_key(&conn, key)?;
        let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        conn.close().map_err(|(_, e)| e)?;
        Ok(busy == 0)
    })();
    folded.unwrap_or(false) && std::fs::metadata(side(db, "-wal")).map_or(true, |m| m.len() == 0)
}

/// Renames `from` (and its WAL and shared-memory files, if any) to `to`.
pub(crate) fn rename_with_wal(from: &Path, to: &Path) -> Result<()> {
    std::fs::rename(from, to).map_err(|e| Error::from_io(to, &e))?;
    for suffix in ["-wal", "-shm"] {
        let side_from = side(from, suffix);
        if side_from.exists() {
            let side_to = side(to, suffix);
            std::fs::rename(&side_from, &side_to).map_err(|e| Error::from_io(&side_to, &e))?;
        }
    }
    Ok(())
}
