//! The first run: key file and database together or not at all.
//!
//! Under the exclusive lock: a marker (`eftertanke.creating`) is written first; the database
//! is made (created `0600`, migrated, checkpointed) and closed; then the key file is written —
//! the commit point — and the marker removed. A crash before the key file leaves the marker
//! and perhaps a database that no key will ever open: the next first run removes both. A crash
//! after it leaves a whole journal and a stale marker, which the next opening removes.
//! A database kept unencrypted by a version before encryption is encrypted in place instead.

use super::{Journal, Place};
use crate::error::{Error, Result};
use crate::journal::lock::{DataDirLock, LockKind};
use crate::store::{OpenOptions, Store};
use crate::vault::keyfile::KEY_FILE;
use crate::vault::secret::Secret;
use crate::vault::{KdfParams, RecoveryCode, Vault, VaultState};
use std::path::Path;

const MARKER: &str = "eftertanke.creating";

pub(super) enum Created {
    New(Box<Journal>, RecoveryCode),
    /// Another process made the journal while this one waited for the lock.
    Existing(DataDirLock),
}

/// Did a first run stop half-way (the marker is there)?
pub(super) fn interrupted(dir: &Path) -> bool {
    dir.join(MARKER).exists()
}

/// Removes the marker of a first run that got as far as its key file. Only called under a
/// lock, so no first run is under way.
pub(super) fn forget_finished(dir: &Path) {
    if dir.join(KEY_FILE).exists() {
        let _ = std::fs::remove_file(dir.join(MARKER));
    }
}

pub(super) fn create(place: &Place, passphrase: &Secret, kdf: KdfParams) -> Result<Created> {
    crate::vault::check_new_passphrase(passphrase.expose())?;
    let dir = place.dir.as_path();
    crate::files::private_files::create_dir(dir)?;
    let db = place.database.clone();
    crate::store::check_location(&db)?;
    let mut lock = DataDirLock::exclusive(dir)?;
    if dir.join(KEY_FILE).exists() {
        return Ok(Created::Existing(lock));
    }
    if interrupted(dir) {
        remove_leftovers(dir, &db)?;
    }
    if std::fs::metadata(&db).is_ok_and(|m| m.len() == 0) {
        // An empty database file without a key file holds nothing (an older version made it).
        std::fs::remove_file(&db).map_err(|e| Error::from_io(&db, &e))?;
    }
    let vault = Vault::with_kdf(dir, kdf);
    // An encrypted database without its key file is refused here, untouched.
    if vault.state()? == VaultState::Locked {
        return Ok(Created::Existing(lock));
    }
    let legacy = db.exists() && crate::vault::is_plaintext_database(&db);
    let (key, code) = if legacy {
        vault.create(passphrase.expose())?
    } else {
        let (key, code, file) = vault.seal_new(passphrase.expose())?;
        let made = (|| {
            crate::files::atomic_file::write(&dir.join(MARKER), b"a first run is under way\n")?;
            // Created private, so the WAL and shared-memory files SQLite makes beside it are too.
            drop(crate::files::private_files::create_new(&db)?);
            let store = Store::open(&db, &OpenOptions::with_key(key.clone()))?;
            store.checkpoint()?;
            drop(store);
            file.write(&dir.join(KEY_FILE))?;
            std::fs::remove_file(dir.join(MARKER)).map_err(|e| Error::from_io(dir, &e))?;
            crate::files::atomic_file::sync_dir(dir)
        })();
        if let Err(err) = made {
            // Leave nothing half made: the next first run starts from an empty directory.
            if !dir.join(KEY_FILE).exists() {
                let _ = remove_leftovers(dir, &db);
            }
            return Err(err);
        }
        (key, code)
    };
    lock.change_to(LockKind::Shared, crate::journal::lock::WAIT, dir)?;
    let mut journal = Journal::unlocked(place, kdf, key, lock);
    journal.open()?;
    Ok(Created::New(Box::new(journal), code))
}

/// Removes what an interrupted first run made: its database (no key file can open it) and the
/// marker. Only under the exclusive lock, and only while there is no key file.
fn remove_leftovers(dir: &Path, db: &Path) -> Result<()> {
    for file in super::wal::files_of(db) {
        match std::fs::remove_file(&file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(Error::from_io(&file, &e)),
            _ => {}
        }
    }
    let _ = std::fs::remove_file(dir.join(MARKER));
    crate::files::atomic_file::sync_dir(dir)
}
