//! Restoring a backup: verify it, put the current journal aside *with everything in its WAL*,
//! bring the backup in (with its WAL, if one travelled with it), and reopen. Undoing a restore
//! is restoring the "before restore" copy: the same steps, nothing lost either way.

use super::Journal;
use super::wal::{self, fold, rename_with_wal, side};
use crate::backup::{self, BackupInfo, BackupReason};
use crate::data_dir_lock::{LockKind, WAIT};
use crate::error::{Error, Result};
use crate::time;
use crate::vault::DatabaseKey;
use std::path::Path;

impl Journal {
    /// Replaces the journal with the backup at `from` (verified first; a file that is not one
    /// of this journal's backups is refused and nothing changes). Waits for the exclusive lock
    /// — every other process must have finished its work — then puts the current journal aside
    /// as a "before restore" backup, brings the backup in and reopens. Returns the copy put
    /// aside, if there was a journal to put aside.
    pub fn restore(&mut self, from: &Path) -> Result<Option<BackupInfo>> {
        crate::store::verify_backup(from, Some(&self.key))?;
        let dir = self.dir.clone();
        if let Err(err) = self.lock.change_to(LockKind::Exclusive, WAIT, &dir) {
            // A refused upgrade may have dropped the shared lock on the way (flock's
            // conversion is not atomic): take it again.
            self.lock.change_to(LockKind::Shared, WAIT, &dir)?;
            return Err(err);
        }
        if let Some(store) = self.store.take() {
            let _ = store.checkpoint();
        }
        let restored = restore_files(&self.database(), from, &self.key);
        let back = self.lock.change_to(LockKind::Shared, WAIT, &dir);
        // Whatever happened, open what is there now; a refused restore changed nothing.
        let reopened = self.open();
        let aside = restored?;
        back?;
        reopened?;
        Ok(aside)
    }

    /// Restores the backup named `file_name` in the backups folder (the only names the app's
    /// webview may give).
    pub fn restore_named(&mut self, file_name: &str) -> Result<Option<BackupInfo>> {
        let path = self.backup_path(file_name)?;
        self.restore(&path)
    }
}

/// The file work of a restore, with no process using `database` (the caller holds the
/// exclusive lock, or is a test with nothing open).
pub(crate) fn restore_files(database: &Path, from: &Path, key: &DatabaseKey) -> Result<Option<BackupInfo>> {
    crate::store::verify_backup(from, Some(key))?;
    let dir = backup::backup_dir(database);
    crate::private_files::create_dir(&dir)?;
    // 1. The incoming copy, self-contained: the backup and any WAL that travelled with it,
    //    folded together, verified again.
    let incoming = database.with_extension("sqlite3.restoring");
    for file in wal::files_of(&incoming) {
        let _ = std::fs::remove_file(file);
    }
    copy_private(from, &incoming)?;
    if side(from, "-wal").exists() {
        copy_private(&side(from, "-wal"), &side(&incoming, "-wal"))?;
    }
    if !fold(&incoming, key) {
        return Err(Error::NotABackup {
            path: from.to_path_buf(),
            reason: "its write-ahead log could not be read into it".into(),
        });
    }
    sync_file(&incoming)?;
    if let Err(err) = crate::store::verify_backup(&incoming, Some(key)) {
        let _ = std::fs::remove_file(&incoming);
        return Err(err);
    }
    // 2. The current journal aside, with its WAL folded in (or, if it will not fold because
    //    the file is damaged, with the WAL beside it under the same name).
    let mut aside = None;
    if database.exists() {
        let folded = fold(database, key);
        let name = BackupInfo::file_name_for(time::now(), BackupReason::BeforeRestore);
        let target = dir.join(&name);
        rename_with_wal(database, &target)?;
        if !folded {
            let _ = fold(&target, key);
        }
        let _ = std::fs::remove_file(side(&target, "-shm"));
        crate::atomic_file::sync_dir(&dir)?;
        let size = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
        aside = BackupInfo::parse(&name, size);
    } else {
        // A WAL without its database must not be replayed into the incoming file: it is kept
        // with the backups, as evidence, under a name nothing opens.
        let orphan = side(database, "-wal");
        if orphan.exists() {
            let kept = dir.join(format!(
                "orphaned-{}.sqlite3-wal",
                time::now().format("%Y%m%dT%H%M%S%.3fZ")
            ));
            std::fs::rename(&orphan, &kept).map_err(|e| Error::from_io(&kept, &e))?;
        }
        let _ = std::fs::remove_file(side(database, "-shm"));
    }
    // 3. The swap.
    std::fs::rename(&incoming, database).map_err(|e| Error::from_io(database, &e))?;
    crate::atomic_file::sync_dir(database.parent().unwrap_or(Path::new(".")))?;
    Ok(aside)
}

fn copy_private(from: &Path, to: &Path) -> Result<()> {
    let mut src = std::fs::File::open(from).map_err(|e| Error::from_io(from, &e))?;
    let mut dst = crate::private_files::create_new(to)?;
    std::io::copy(&mut src, &mut dst).map_err(|e| {
        let _ = std::fs::remove_file(to);
        Error::from_io(to, &e)
    })?;
    dst.sync_all().map_err(|e| Error::from_io(to, &e))
}

fn sync_file(path: &Path) -> Result<()> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::from_io(path, &e))
}
